//! Files come out of `kurso build` as they went in: a byte-order mark survives, outputs whose
//! source is gone are removed (only what kurso wrote, only inside the build folder), and a
//! build with nothing to build says so.

use crate::support::TestProject;

const BOM: &str = "\u{feff}";
const MODULE: &str = "# Consent\n\nAsk the patient.\n";

fn project() -> TestProject {
    let project = TestProject::new()
        .file("courses/c/01-consent.md", MODULE)
        .file("courses/c/02-privacy.md", "# Privacy\n\nLock the screen.\n")
        .file("courses/c/fig/a.svg", "<svg/>")
        .file("courses/c/fig/b.svg", "<svg>b</svg>");
    project.run_ok(&["extract"]);
    project
}

#[test]
fn a_byte_order_mark_survives_the_build() {
    let project = TestProject::new().file("courses/c/01-consent.md", &format!("{BOM}{MODULE}"));
    project.run_ok(&["extract"]);
    // Extraction treats the mark as not text.
    let english = project.read("locales/en/c/01-consent.ftl");
    assert!(!english.contains(BOM), "{english}");
    assert!(english.contains("consent-title = Consent\n"), "{english}");

    project.run_ok(&["build", "--locale", "en"]);
    let source = std::fs::read(project.root().join("courses/c/01-consent.md")).expect("source");
    let built = std::fs::read(project.root().join("build/en/c/01-consent.md")).expect("built");
    assert_eq!(built, source, "byte for byte");

    project.write(
        "locales/it/c/01-consent.ftl",
        "consent-p1 = Chiedi al paziente.\n",
    );
    project.run_ok(&["accept", "it", "--all"]);
    project.run_ok(&["build", "--locale", "it"]);
    assert_eq!(
        project.read("build/it/c/01-consent.md"),
        format!("{BOM}# Consent\n\nChiedi al paziente.\n")
    );
}

#[test]
fn outputs_whose_source_is_gone_are_removed() {
    let project = project();
    project.run_ok(&["build"]);
    assert!(project.exists("build/el/c/02-privacy.md"));
    assert!(project.exists("build/it/c/fig/b.svg"));
    // Files kurso did not write stay, in and out of the build folder.
    project.write("build/el/c/notes.txt", "mine");
    project.write("build/el/c/fig/c.svg", "mine too");

    std::fs::remove_file(project.root().join("courses/c/02-privacy.md")).expect("rm module");
    std::fs::remove_file(project.root().join("courses/c/fig/b.svg")).expect("rm asset");
    let run = project.run_ok(&["build"]);
    for locale in ["en", "el", "el-CY", "it"] {
        assert!(
            !project.exists(&format!("build/{locale}/c/02-privacy.md")),
            "{locale}"
        );
        assert!(
            !project.exists(&format!("build/{locale}/c/fig/b.svg")),
            "{locale}"
        );
        assert!(
            project.exists(&format!("build/{locale}/c/01-consent.md")),
            "{locale}"
        );
        assert!(
            project.exists(&format!("build/{locale}/c/fig/a.svg")),
            "{locale}"
        );
    }
    assert_eq!(project.read("build/el/c/notes.txt"), "mine");
    assert_eq!(project.read("build/el/c/fig/c.svg"), "mine too");
    assert!(
        run.stdout.contains(
            "el: 1 file into build/el (0 written); 2 messages: 2 en [chain el → en]\n    not translated yet, built from en: 1 file (2 messages)\n    removed 2 outputs whose source is gone: build/el/c/02-privacy.md build/el/c/fig/b.svg\n"
        ),
        "{}",
        run.stdout
    );
    // Nothing more to remove the next time.
    let again = project.run_ok(&["build"]);
    assert!(!again.stdout.contains("removed"), "{}", again.stdout);
}

#[test]
fn a_changed_output_is_left_in_place_and_nothing_outside_the_build_folder_is_touched() {
    let project = project();
    project.run_ok(&["build"]);
    project.write("build/it/c/02-privacy.md", "# Privacy\n\nedited by hand\n");
    // A manifest pointing outside the build folder is not obeyed.
    let manifest = project.read("build/.kurso-manifest");
    let line = manifest
        .lines()
        .find(|line| line.ends_with("  en/c/01-consent.md"))
        .expect("listed");
    let (hash, _) = line.split_once("  ").expect("hash and path");
    project.write(
        "build/.kurso-manifest",
        &format!("{manifest}{hash}  en/c/../../../courses/c/01-consent.md\n"),
    );

    std::fs::remove_file(project.root().join("courses/c/02-privacy.md")).expect("rm module");
    let run = project.run_ok(&["build"]);
    assert!(project.exists("courses/c/01-consent.md"));
    assert_eq!(project.read("courses/c/01-consent.md"), MODULE);
    assert!(!project.exists("build/el/c/02-privacy.md"));
    assert_eq!(
        project.read("build/it/c/02-privacy.md"),
        "# Privacy\n\nedited by hand\n"
    );
    assert!(
        run.stderr.contains(
            "warning: build/it/c/02-privacy.md: its source is gone, but the file changed since kurso built it: left in place"
        ),
        "{}",
        run.stderr
    );
    // Forgotten: the next build neither removes it nor warns again.
    let again = project.run_ok(&["build"]);
    assert!(project.exists("build/it/c/02-privacy.md"));
    assert!(!again.stderr.contains("left in place"), "{}", again.stderr);
}

#[test]
fn a_filtered_build_removes_only_what_it_builds() {
    let project = project();
    project.run_ok(&["build"]);
    std::fs::remove_file(project.root().join("courses/c/02-privacy.md")).expect("rm module");
    project.run_ok(&["build", "--locale", "el"]);
    assert!(!project.exists("build/el/c/02-privacy.md"));
    assert!(
        project.exists("build/it/c/02-privacy.md"),
        "not built this time"
    );
    project.run_ok(&["build", "--locale", "it"]);
    assert!(!project.exists("build/it/c/02-privacy.md"));
}

#[test]
fn a_module_with_an_error_keeps_its_previous_output() {
    let project = project();
    project.run_ok(&["build", "--locale", "el"]);
    project.write(
        "courses/c/02-privacy.md",
        "# Privacy\n\n<!-- l10n: skip-start -->\nLock the screen.\n",
    );
    let run = project.run(&["build", "--locale", "el"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(project.exists("build/el/c/02-privacy.md"));
    assert!(!run.stdout.contains("removed"), "{}", run.stdout);
}

#[test]
fn nothing_to_build_says_so_and_fails() {
    let project = TestProject::new().file("courses/.keep", "");
    let run = project.run(&["build"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("error: courses: nothing to build: `courses` holds no course folder"),
        "{}",
        run.stderr
    );

    let project = TestProject::new()
        .file("courses/c/01-consent.md", MODULE)
        .file("courses/empty/fig/a.svg", "<svg/>");
    project.run_ok(&["extract"]);
    let run = project.run(&["build", "--course", "empty"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "error: courses: nothing to build: no module (`*.md`) or `course.yaml` in `courses/empty`"
        ),
        "{}",
        run.stderr
    );
    assert!(!project.exists("build"), "nothing written");
}
