//! What a build ships: `[build]` in kurso.toml (statuses, stale, unverified, per locale),
//! the fallback locale's drafts in a regional build, `--preview`, and what `kurso accept`
//! records (who, when; never a person's work set back to `machine`).

use std::path::Path;
use std::process::Command;

use crate::support::{Run, TestProject, block_skeleton};

const MODULE: &str = "---\ntitle: Dosing\n---\n\n# Dosing\n\nGive 5 mg of the medicine.\n\n- Check the patient every hour.\n- Record the dose.\n";

/// The mark a preview puts at the start of a draft's text.
const MARK: &str = "⚠ ";

/// A project with one module, extracted.
fn project(config: &str) -> TestProject {
    let project = TestProject::new()
        .file(
            "kurso.toml",
            &format!("source-locale = \"en\"\ntarget-locales = [\"el\", \"el-CY\", \"it\", \"lt\"]\n{config}"),
        )
        .file("courses/c/01-dosing.md", MODULE);
    project.run_ok(&["extract"]);
    project
}

/// Italian written by a person (no record until accepted).
fn write_italian(project: &TestProject) {
    let italian = project
        .read("locales/en/c/01-dosing.ftl")
        .replace("= Dosing", "= Dosaggio")
        .replace(
            "Give 5 mg of the medicine.",
            "Somministrare 5 mg del farmaco.",
        )
        .replace(
            "Check the patient every hour.",
            "Controllare il paziente ogni ora.",
        )
        .replace("Record the dose.", "Registrare la dose.");
    project.write("locales/it/c/01-dosing.ftl", &italian);
}

/// Runs kurso with extra environment variables.
fn run_env(project: &TestProject, args: &[&str], env: &[(&str, &str)]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_kurso"))
        .args(args)
        .envs(env.iter().copied())
        .current_dir(project.root())
        .output()
        .expect("run kurso");
    Run {
        code: output.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn built(project: &TestProject, locale: &str) -> String {
    project.read(&format!("build/{locale}/c/01-dosing.md"))
}

#[test]
fn a_machine_draft_never_reaches_a_default_build() {
    let project = project("");
    project.run_ok(&["translate", "--to", "it"]);
    let drafts = project.read("locales/it/c/01-dosing.ftl");
    assert!(drafts.contains('⟦'), "pseudo drafts: {drafts}");
    let run = project.run_ok(&["build", "--locale", "it"]);
    assert_eq!(built(&project, "it"), MODULE, "only the English ships");
    assert!(
        run.stdout.contains(
            "held back ([build] in kurso.toml), built from the fallback: 5 translations: 5 machine draft, not reviewed"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("        courses/c/01-dosing.md: 5 machine draft"),
        "{}",
        run.stdout
    );
    // --verbose lists every message, where it is and what was built instead.
    let run = project.run_ok(&["build", "--locale", "it", "--verbose"]);
    assert!(
        run.stdout.contains(
            "            locales/it/c/01-dosing.ftl:1:1 meta-title: machine draft, not reviewed; built from en"
        ),
        "{}",
        run.stdout
    );

    // A person moves one draft on: that one ships, the rest still do not.
    project.run_ok(&["accept", "it", "--id", "dosing-p1", "--status", "edited"]);
    project.run_ok(&["build", "--locale", "it"]);
    let built = built(&project, "it");
    assert_eq!(built.matches('⟦').count(), 1, "{built}");
    assert!(
        built.contains("\n\n⟦"),
        "the paragraph is the draft: {built}"
    );
    assert!(built.contains("# Dosing\n"), "{built}");
}

/// The README's main job: extract, translate (pseudo drafts into every locale), build.
#[test]
fn the_sample_after_translate_ships_no_machine_draft() {
    let project = TestProject::sample();
    project.run_ok(&["translate"]);
    let run = project.run_ok(&["build"]);
    assert!(
        run.stdout.contains("machine draft, not reviewed"),
        "{}",
        run.stdout
    );
    let mut n_files = 0;
    let mut italian = false;
    for entry in walkdir::WalkDir::new(project.root().join("build")) {
        let entry = entry.expect("walk build/");
        if !entry.file_type().is_file() || entry.file_name() == ".kurso-manifest" {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        assert!(
            !text.contains('⟦') && !text.contains(MARK),
            "a draft shipped in {}",
            entry.path().display()
        );
        italian |= text.contains("paziente");
        n_files += 1;
    }
    assert!(n_files > 60, "{n_files} files built");
    assert!(italian, "people's Italian still ships");
    assert!(!project.exists("build-preview"), "a build is not a preview");

    // The README's main job ends with a preview: drafts marked, elsewhere.
    let module = "hpass-digital-skills/01-telehealth-consultations.md";
    let shipped = project.read(&format!("build/lt/{module}"));
    let manifest = project.read("build/.kurso-manifest");
    project.run_ok(&["build", "--preview"]);
    let preview = project.read(&format!("build-preview/lt/{module}"));
    assert!(preview.contains(&format!("# {MARK}⟦")), "{preview}");
    assert_eq!(project.read(&format!("build/lt/{module}")), shipped);
    assert_eq!(project.read("build/.kurso-manifest"), manifest);
}

#[test]
fn a_locale_can_be_stricter_or_ship_drafts() {
    let project = project(
        "[build]\nship = [\"reviewed\", \"approved\"]\n[build.locales.lt]\nship = [\"machine\", \"edited\", \"reviewed\", \"approved\"]\n",
    );
    project.run_ok(&["translate", "--to", "lt"]);
    write_italian(&project);
    project.run_ok(&["accept", "it", "--all"]);
    let run = project.run_ok(&["build", "--locale", "it", "--locale", "lt"]);
    // Italian is `edited`: the project ships only reviewed text.
    assert_eq!(built(&project, "it"), MODULE);
    assert!(
        run.stdout
            .contains("5 edited, not a status this locale ships"),
        "{}",
        run.stdout
    );
    // Lithuanian ships its drafts, as its own rules say.
    assert_eq!(built(&project, "lt").matches('⟦').count(), 5);

    project.run_ok(&["accept", "it", "--all", "--status", "reviewed"]);
    project.run_ok(&["build", "--locale", "it"]);
    assert!(built(&project, "it").contains("Somministrare 5 mg del farmaco."));
}

/// Italian accepted, then the English dose changes.
fn stale_project(stale: &str) -> TestProject {
    let project = project(&format!("[build]\nstale = \"{stale}\"\n"));
    write_italian(&project);
    project.run_ok(&["accept", "it", "--all"]);
    project.run_ok(&["build", "--locale", "it"]);
    assert!(built(&project, "it").contains("Somministrare 5 mg del farmaco."));
    project.write(
        "courses/c/01-dosing.md",
        &MODULE.replace("Give 5 mg", "Give 50 mg"),
    );
    project.run_ok(&["extract"]);
    project
}

#[test]
fn a_stale_translation_falls_back_by_default() {
    let project = stale_project("fallback");
    let run = project.run_ok(&["build", "--locale", "it"]);
    let built = built(&project, "it");
    assert!(built.contains("\nGive 50 mg of the medicine.\n"), "{built}");
    assert!(!built.contains("5 mg del farmaco"), "the old dose: {built}");
    assert!(built.contains("Controllare il paziente"), "{built}");
    assert!(
        run.stdout
            .contains("1 translation: 1 stale: the English changed since it was translated"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_stale_translation_ships_when_the_project_says_so_and_is_listed() {
    let project = stale_project("ship");
    let run = project.run_ok(&["build", "--locale", "it"]);
    assert!(built(&project, "it").contains("Somministrare 5 mg del farmaco."));
    assert!(
        run.stdout
            .contains("shipped unchecked, as [build] in kurso.toml allows: 1 translation: 1 stale"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_stale_translation_blocks_its_module_and_the_previous_output_stays() {
    let project = stale_project("block");
    let before = built(&project, "it");
    let run = project.run(&["build", "--locale", "it"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert_eq!(built(&project, "it"), before, "the previous output stays");
    assert!(
        run.stderr
            .contains("`dosing-p1` is stale: the English changed since it was translated"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(" --> locales/it/c/01-dosing.ftl:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout
            .contains("not built, a stale translation blocks it")
            && run.stdout.contains("courses/c/01-dosing.md"),
        "{}",
        run.stdout
    );
    // Another locale of the same run is built.
    let run = project.run(&["build", "--locale", "it", "--locale", "en"]);
    assert_eq!(run.code, 2);
    assert!(
        project
            .read("build/en/c/01-dosing.md")
            .contains("Give 50 mg")
    );
}

#[test]
fn the_fallback_locales_draft_does_not_ship_in_the_regional_locale() {
    let project = project(
        "[build.locales.el-CY]\nship = [\"machine\", \"edited\", \"reviewed\", \"approved\"]\n",
    );
    project.run_ok(&["translate", "--to", "el"]);
    project.write(
        "locales/el-CY/c/01-dosing.ftl",
        "dosing-p1 = Δώστε 5 mg του φαρμάκου (ΓεΣΥ).\n",
    );
    project.run_ok(&["accept", "el-CY", "--all"]);
    let run = project.run_ok(&["build", "--locale", "el-CY"]);
    let built = built(&project, "el-CY");
    assert!(built.contains("Δώστε 5 mg του φαρμάκου (ΓεΣΥ)."), "{built}");
    assert!(
        !built.contains('⟦'),
        "el's drafts do not ship in el-CY: {built}"
    );
    assert!(built.contains("# Dosing\n"), "{built}");
    assert!(
        run.stdout
            .contains("4 machine draft, not reviewed (from el)"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_preview_marks_the_drafts_keeps_the_structure_and_writes_elsewhere() {
    let project = project("");
    project.run_ok(&["translate", "--to", "it"]);
    let run = project.run_ok(&["build", "--preview", "--locale", "it"]);
    assert!(
        !project.exists("build"),
        "a preview never writes into build/"
    );
    let preview = project.read("build-preview/it/c/01-dosing.md");
    assert_eq!(preview.matches(MARK).count(), 5, "{preview}");
    assert!(preview.contains(&format!("# {MARK}⟦")), "{preview}");
    assert!(preview.contains(&format!("title: \"{MARK}⟦")), "{preview}");
    assert_eq!(
        block_skeleton(&preview),
        block_skeleton(MODULE),
        "{preview}"
    );
    assert!(!run.stdout.contains("not used"), "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "it: 1 file into build-preview/it (1 written); 5 messages: 5 it [chain it → en]"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("preview in build-preview/"),
        "{}",
        run.stdout
    );
    assert!(project.exists("build-preview/.kurso-manifest"));

    // What a person made ships unmarked in the preview too; the build ships only that.
    write_italian(&project);
    project.run_ok(&["accept", "it", "--id", "dosing-p1", "--status", "reviewed"]);
    project.run_ok(&["build", "--preview", "--locale", "it"]);
    let preview = project.read("build-preview/it/c/01-dosing.md");
    assert!(
        preview.contains("\nSomministrare 5 mg del farmaco.\n"),
        "{preview}"
    );
    assert_eq!(preview.matches(MARK).count(), 4, "{preview}");
    project.run_ok(&["build", "--locale", "it"]);
    assert_eq!(built(&project, "it").matches("Somministrare").count(), 1);
    assert!(!built(&project, "it").contains("Controllare"));
}

#[test]
fn the_preview_folder_sits_beside_a_nested_build_folder() {
    let project = project("[paths]\nbuild = \"out/site\"\n");
    project.run_ok(&["build", "--preview", "--locale", "en"]);
    assert!(project.exists("out/site-preview/en/c/01-dosing.md"));
    assert!(!project.exists("out/site"));
}

#[test]
fn a_translation_with_no_record_falls_back_unless_the_project_ships_it() {
    let project = project("");
    write_italian(&project);
    let run = project.run_ok(&["build", "--locale", "it"]);
    assert_eq!(built(&project, "it"), MODULE);
    assert!(
        run.stdout
            .contains("5 no record of the English it was made from"),
        "{}",
        run.stdout
    );
    project.write(
        "kurso.toml",
        "target-locales = [\"el\", \"el-CY\", \"it\", \"lt\"]\n[build]\nunverified = \"ship\"\n",
    );
    let run = project.run_ok(&["build", "--locale", "it"]);
    assert!(built(&project, "it").contains("Somministrare 5 mg del farmaco."));
    assert!(
        run.stdout.contains(
            "shipped unchecked, as [build] in kurso.toml allows: 5 translations: 5 no record"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn a_broken_state_file_ships_nothing_of_its_translations() {
    let project = project("[build]\nunverified = \"ship\"\n");
    write_italian(&project);
    project.run_ok(&["accept", "it", "--all"]);
    project.write(
        "locales/it/c/01-dosing.state.toml",
        "[dosing-p1]\nstatus = \"done\"\n",
    );
    let run = project.run(&["build", "--locale", "it"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr
            .contains(" --> locales/it/c/01-dosing.state.toml:2:"),
        "{}",
        run.stderr
    );
    assert_eq!(built(&project, "it"), MODULE);
    assert!(
        run.stdout.contains("5 state file unreadable"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_misspelt_status_in_build_is_an_error_at_its_line() {
    let project = project("");
    project.write(
        "kurso.toml",
        "target-locales = [\"it\"]\n\n[build]\nship = [\"edited\", \"aproved\"]\n",
    );
    let run = project.run(&["build"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("unknown variant `aproved`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains(" --> kurso.toml:4:"), "{}", run.stderr);
}

#[test]
fn accept_never_sets_a_persons_work_back_to_machine() {
    let project = project("");
    write_italian(&project);
    project.run_ok(&["accept", "it", "--all", "--status", "reviewed"]);
    let state = project.read("locales/it/c/01-dosing.state.toml");
    let run = project.run(&["accept", "it", "--all", "--status", "machine"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains(
            "`dosing-p1` is a person's work (reviewed): it is never set back to `machine`"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(" --> locales/it/c/01-dosing.ftl:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("nothing accepted: 5 records refused"),
        "{}",
        run.stdout
    );
    assert_eq!(
        project.read("locales/it/c/01-dosing.state.toml"),
        state,
        "nothing written"
    );
}

#[test]
fn accept_keeps_a_machine_draft_machine_unless_told() {
    let project = project("");
    project.run_ok(&["translate", "--to", "it"]);
    project.run_ok(&["accept", "it", "--all"]);
    let state = project.read("locales/it/c/01-dosing.state.toml");
    assert!(!state.contains("status = \"edited\""), "{state}");
    // A machine draft may stay `machine` explicitly, too.
    project.run_ok(&["accept", "it", "--id", "dosing-p1", "--status", "machine"]);
    project.run_ok(&["build", "--locale", "it"]);
    assert_eq!(built(&project, "it"), MODULE);
}

#[test]
fn accept_records_who_and_when() {
    let project = project("");
    write_italian(&project);
    let date = [("SOURCE_DATE_EPOCH", "1767225600")];
    let run = run_env(
        &project,
        &["accept", "it", "--id", "dosing-p1", "--by", "A. Nurse"],
        &date,
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let state = project.read("locales/it/c/01-dosing.state.toml");
    assert!(
        state.contains(
            "[dosing-p1]\nstatus = \"edited\"\norigin = \"human\"\nsource = \"Give 5 mg of the medicine.\"\nchanged-by = \"A. Nurse\"\nchanged-on = \"2026-01-01\"\n"
        ),
        "{state}"
    );
    assert!(
        run.stdout
            .contains("recorded changed-by \"A. Nurse\", changed-on 2026-01-01"),
        "{}",
        run.stdout
    );
}

/// Git configuration that reads nothing of the machine's or the user's.
fn isolated_git(home: &Path) -> Vec<(&'static str, String)> {
    vec![
        ("GIT_CONFIG_NOSYSTEM", "1".to_owned()),
        (
            "GIT_CONFIG_GLOBAL",
            home.join("gitconfig").display().to_string(),
        ),
        ("HOME", home.display().to_string()),
        ("SOURCE_DATE_EPOCH", "1767225600".to_owned()),
    ]
}

#[test]
fn accept_takes_the_name_from_git_when_not_given() {
    let project = project("");
    write_italian(&project);
    let home = tempfile::tempdir().expect("temp dir");
    let env = isolated_git(home.path());
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();

    // No name anywhere: the date only.
    let run = run_env(&project, &["accept", "it", "--id", "dosing-p1"], &env);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let state = project.read("locales/it/c/01-dosing.state.toml");
    assert!(!state.contains("changed-by"), "{state}");
    assert!(state.contains("changed-on = \"2026-01-01\""), "{state}");
    assert!(
        run.stdout.contains("no name: give --by NAME"),
        "{}",
        run.stdout
    );

    // The project's git configuration names the person.
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .envs(env.iter().copied())
            .current_dir(project.root())
            .output()
    };
    let has_git = git(&["init", "-q"]).is_ok_and(|out| out.status.success())
        && git(&["config", "user.name", "Maria Rossi"]).is_ok_and(|out| out.status.success());
    let run = run_env(&project, &["accept", "it", "--id", "dosing-title"], &env);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let state = project.read("locales/it/c/01-dosing.state.toml");
    if has_git {
        assert!(state.contains("changed-by = \"Maria Rossi\""), "{state}");
    } else {
        // Without git the name is simply not recorded.
        assert!(!state.contains("changed-by"), "{state}");
    }
}

#[test]
fn accept_may_mark_unrecorded_text_as_machine_output() {
    let project = project("[build]\nunverified = \"ship\"\n");
    write_italian(&project);
    project.run_ok(&["accept", "it", "--id", "dosing-p1", "--status", "machine"]);
    let state = project.read("locales/it/c/01-dosing.state.toml");
    assert!(
        state.contains("[dosing-p1]\nstatus = \"machine\"\norigin = \"unknown\"\n"),
        "{state}"
    );
    project.run_ok(&["build", "--locale", "it"]);
    let built = built(&project, "it");
    assert!(built.contains("\nGive 5 mg of the medicine.\n"), "{built}");
    assert!(
        built.contains("Controllare il paziente"),
        "unrecorded text ships here: {built}"
    );
}
