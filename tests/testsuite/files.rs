//! What kurso leaves on disk: file modes a web server can publish, no temporary files after
//! a killed run, and no path from the command line or a config that escapes the project.

use std::path::Path;

use crate::support::{Run, TestProject};

const MODULE: &str = "# Consent\n\nAsk the patient before the call.\n";

const TBX: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <text><body>
    <conceptEntry id="neutropenia">
      <langSec xml:lang="en"><termSec><term>neutropenia</term></termSec></langSec>
      <langSec xml:lang="fi"><termSec><term>neutropenia</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
"#;

fn sample() -> TestProject {
    TestProject::new()
        .file("courses/tele/course.yaml", "title: Digital skills\n")
        .file("courses/tele/01-consent.md", MODULE)
}

#[cfg(unix)]
fn mode(path: &Path) -> String {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(path)
        .expect("metadata")
        .permissions()
        .mode();
    format!("{:o}", mode & 0o7777)
}

/// Runs `kurso ARGS` under a known umask (it is per process, so a subprocess is the only
/// place a test can set it without racing the others).
#[cfg(unix)]
fn run_with_umask(project: &TestProject, umask: &str, args: &[&str]) -> Run {
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_kurso"))
        .args(args)
        .current_dir(project.root())
        .output()
        .expect("run sh");
    let run = Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    run
}

#[cfg(unix)]
#[test]
fn new_files_get_the_mode_the_umask_allows() {
    for (umask, expected) in [("022", "644"), ("027", "640")] {
        let project = sample();
        run_with_umask(&project, umask, &["extract"]);
        run_with_umask(&project, umask, &["build", "--locale", "it"]);
        run_with_umask(&project, umask, &["translate", "--to", "it"]);
        for rel in [
            "locales/en/tele/01-consent.ftl",
            "build/it/tele/01-consent.md",
            "locales/it/tele/01-consent.ftl",
            "locales/it/tele/01-consent.state.toml",
        ] {
            assert_eq!(
                mode(&project.root().join(rel)),
                expected,
                "{rel} under umask {umask}"
            );
        }
    }
}

#[cfg(unix)]
#[test]
fn rewritten_files_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt as _;
    let project = sample();
    project.run_ok(&["extract"]);
    project.run_ok(&["build", "--locale", "it"]);
    let chmod = |rel: &str, mode: u32| {
        std::fs::set_permissions(
            project.root().join(rel),
            std::fs::Permissions::from_mode(mode),
        )
        .expect("chmod");
    };
    chmod("locales/en/tele/01-consent.ftl", 0o640);
    chmod("build/it/tele/01-consent.md", 0o755);
    project.write(
        "courses/tele/01-consent.md",
        &MODULE.replace("Ask", "Always ask"),
    );
    project.run_ok(&["extract"]);
    project.run_ok(&["build", "--locale", "it"]);
    assert!(
        project
            .read("build/it/tele/01-consent.md")
            .contains("Always ask")
    );
    assert_eq!(
        mode(&project.root().join("locales/en/tele/01-consent.ftl")),
        "640"
    );
    assert_eq!(
        mode(&project.root().join("build/it/tele/01-consent.md")),
        "755"
    );
}

/// The pid of a process that has ended.
fn gone_pid() -> u32 {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kurso"))
        .arg("--version")
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("kurso runs");
    let pid = child.id();
    child.wait().expect("kurso ends");
    pid
}

#[test]
fn the_next_run_removes_what_a_killed_run_left() {
    let project = sample();
    project.run_ok(&["extract"]);
    let dead = format!(".kurso-{}-a1B2c3", gone_pid());
    // This test process is alive while kurso runs: its files are a live run's.
    let live = format!(".kurso-{}-d4E5f6", std::process::id());
    let stale = [
        dead.clone(),
        format!("locales/en/tele/{dead}"),
        format!("locales/it/tele/{dead}"),
        format!("build/it/tele/{dead}"),
        format!("glossaries/{dead}"),
        format!(".kurso/{dead}"),
    ];
    let kept = [
        live.clone(),
        format!("locales/it/tele/{live}"),
        "locales/it/tele/.kurso-notes.md".to_owned(),
        format!("courses/tele/{dead}"),
    ];
    for rel in stale.iter().chain(&kept) {
        project.write(rel, "half a file");
    }
    // A temporary file of an older kurso (no pid in its name), two hours old.
    let old = project.root().join("locales/it/.kurso-Zz9Yy8");
    project.write("locales/it/.kurso-Zz9Yy8", "half a file");
    std::fs::File::options()
        .write(true)
        .open(&old)
        .expect("open")
        .set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(7200))
        .expect("set mtime");

    let run = project.run_ok(&["status"]);
    for rel in &stale {
        assert!(!project.exists(rel), "{rel} is left: {}", run.stderr);
    }
    assert!(!old.exists(), "an old temporary file is left");
    for rel in &kept {
        assert!(project.exists(rel), "{rel} was removed");
    }
}

#[test]
fn glossary_import_refuses_a_name_that_is_a_path() {
    let project = TestProject::new().file("import/terms.tbx", TBX);
    let absolute = project.root().join("abs").display().to_string();
    for name in ["../outside", "sub/dir", "", "..", absolute.as_str()] {
        let run = project.run(&["glossary", "import", "import/terms.tbx", "--name", name]);
        assert_eq!(run.code, 2, "--name {name:?}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stderr.contains("error: --name: `") && run.stderr.contains("plain name"),
            "--name {name:?}: {}",
            run.stderr
        );
    }
    let written: Vec<_> = walkdir::WalkDir::new(project.root())
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "csv"))
        .map(walkdir::DirEntry::into_path)
        .collect();
    assert!(written.is_empty(), "{written:?}");

    project.run_ok(&[
        "glossary",
        "import",
        "import/terms.tbx",
        "--name",
        "oncology",
    ]);
    assert!(project.exists("glossaries/oncology.csv"));
}

#[test]
fn a_course_that_is_not_a_course_folder_is_refused() {
    let project = sample();
    project.run_ok(&["extract"]);
    for args in [
        &["check", "--course", "../tele"][..],
        &["status", "--course", "../tele"],
        &["translate", "--to", "it", "--course", "../tele"],
        &["extract", "--course", "../tele"],
        &["build", "--course", "../tele"],
    ] {
        let run = project.run(args);
        assert_eq!(run.code, 2, "{args:?}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stderr.contains("no course named `../tele`"),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert!(!project.exists("locales/it"), "nothing was translated");
}

#[test]
fn a_config_cannot_send_writes_outside_the_project() {
    let project = TestProject::new()
        .file(
            "project/kurso.toml",
            "target-locales = [\"it\"]\n[paths]\nbuild = \"../site\"\n",
        )
        .file("project/courses/tele/01-consent.md", MODULE);
    let run = project.run(&["--project", "project", "build"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("`../site` is outside the project")
            && run.stderr.contains("kurso.toml:3:10"),
        "{}",
        run.stderr
    );
    assert!(!project.exists("site"));
}
