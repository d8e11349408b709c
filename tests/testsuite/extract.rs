//! `kurso extract` end to end: files written, idempotence, `--check`, ID stability through
//! the CLI, and bad input reported with `file:line:col` while the other files go on.

use crate::support::TestProject;

const MODULE: &str = "---\ntitle: Telehealth\nobjectives:\n  - Check identity\n---\n# Consent\n\nAsk the patient before the call.\n\n- Record consent\n- Offer an interpreter\n";

fn sample() -> TestProject {
    TestProject::new()
        .file("courses/tele/course.yaml", "title: Digital skills\neqf-level: 6\nlearning-outcomes:\n  - Run a safe video consultation\n")
        .file("courses/tele/01-consent.md", MODULE)
        .file("courses/tele/fig/a.svg", "<svg/>")
}

#[test]
fn writes_one_fluent_file_per_module_and_course_yaml() {
    let project = sample();
    let run = project.run_ok(&["extract"]);
    assert!(
        run.stdout
            .contains("2 files, 8 messages: 2 written, 0 up to date"),
        "{}",
        run.stdout
    );
    let module = project.read("locales/en/tele/01-consent.ftl");
    assert!(
        module.contains("### Source: courses/tele/01-consent.md\n"),
        "{module}"
    );
    assert!(
        module.contains("# 01-consent.md:6 · Telehealth › Consent\nconsent-title = Consent\n"),
        "{module}"
    );
    assert!(module.contains("# 01-consent.md:4 · front matter › objectives › 1\nmeta-objectives-1 = Check identity\n"), "{module}");
    assert!(
        module.contains("consent-li2 = Offer an interpreter\n"),
        "{module}"
    );
    let course = project.read("locales/en/tele/course.ftl");
    assert!(
        course.contains("learning-outcomes-1 = Run a safe video consultation\n"),
        "{course}"
    );
    assert!(
        !course.contains("eqf"),
        "numbers are not translatable: {course}"
    );
}

#[test]
fn running_twice_changes_nothing() {
    let project = sample();
    project.run_ok(&["extract"]);
    let first = project.read("locales/en/tele/01-consent.ftl");
    let run = project.run_ok(&["extract"]);
    assert!(
        run.stdout.contains("0 written, 2 up to date"),
        "{}",
        run.stdout
    );
    assert_eq!(project.read("locales/en/tele/01-consent.ftl"), first);
}

#[test]
fn check_reports_out_of_date_files_without_writing() {
    let project = sample();
    project.run_ok(&["extract"]);
    assert_eq!(project.run(&["extract", "--check"]).code, 0);

    project.write(
        "courses/tele/01-consent.md",
        &MODULE.replace("Ask the patient", "Always ask the patient"),
    );
    let before = project.read("locales/en/tele/01-consent.ftl");
    let run = project.run(&["extract", "--check"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("out of date locales/en/tele/01-consent.ftl (6 messages: 0 added, 1 changed"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("run `kurso extract`"), "{}", run.stdout);
    assert_eq!(
        project.read("locales/en/tele/01-consent.ftl"),
        before,
        "--check must not write"
    );
}

#[test]
fn edited_inserted_and_deleted_blocks_are_reported_and_ids_kept() {
    let project = sample();
    project.run_ok(&["extract"]);
    let edited = MODULE
        .replace(
            "Ask the patient before the call.",
            "Ask the patient before the video call starts.\n\nCheck two identifiers.",
        )
        .replace("- Offer an interpreter\n", "");
    project.write("courses/tele/01-consent.md", &edited);
    let run = project.run_ok(&["extract", "--verbose"]);
    assert!(
        run.stdout.contains("    added   consent-p2\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("    changed consent-p1\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("    removed consent-li2\n"),
        "{}",
        run.stdout
    );
    let ftl = project.read("locales/en/tele/01-consent.ftl");
    assert!(ftl.contains("### retired: consent-li2\n"), "{ftl}");
    assert!(
        ftl.contains("consent-p1 = Ask the patient before the video call starts.\n"),
        "{ftl}"
    );
}

#[test]
fn bad_files_are_reported_and_the_others_still_extracted() {
    let project = sample()
        .file(
            "courses/tele/02-directive.md",
            "# Title\n\n<!-- l10n: skp -->\nText.\n",
        )
        .file(
            "courses/tele/03-yaml.md",
            "---\ntitle: [unclosed\n---\n# Body\n",
        )
        .file(
            "courses/tele/04-pins.md",
            "<!-- l10n: id=same -->\nOne.\n\n<!-- l10n: id=same -->\nTwo.\n",
        );
    std::fs::write(
        project.root().join("courses/tele/05-latin1.md"),
        b"caf\xe9\n",
    )
    .expect("write");
    let run = project.run(&["extract"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains(
            "error: unknown l10n directive `skp`\n --> courses/tele/02-directive.md:3:6\n"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("help: known directives: skip, skip-start, skip-end, id=ID, note TEXT"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(" --> courses/tele/03-yaml.md:"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("invalid YAML"), "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "error: ID `same` is already pinned on line 1\n --> courses/tele/04-pins.md:4:6\n"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("05-latin1.md` is not valid UTF-8 (byte 3)"),
        "{}",
        run.stderr
    );
    assert!(
        project.exists("locales/en/tele/01-consent.ftl"),
        "the good module is still extracted"
    );
    for bad in ["02-directive", "03-yaml", "04-pins", "05-latin1"] {
        assert!(
            !project.exists(&format!("locales/en/tele/{bad}.ftl")),
            "{bad} must not be written"
        );
    }
}

#[test]
fn invalid_locale_in_config_names_line_and_column() {
    let project = sample().file(
        "kurso.toml",
        "source-locale = \"en\"\ntarget-locales = [\"el\", \"gr_GR\"]\n",
    );
    let run = project.run(&["extract"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("error: `gr_GR` is not a valid locale code\n --> kurso.toml:2:26\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn orphaned_source_messages_are_reported() {
    let project = sample();
    project.run_ok(&["extract"]);
    std::fs::remove_file(project.root().join("courses/tele/01-consent.md")).expect("remove");
    let run = project.run_ok(&["extract"]);
    assert!(
        run.stdout
            .contains("orphaned locales/en/tele/01-consent.ftl"),
        "{}",
        run.stdout
    );
}

#[test]
fn course_filter_limits_the_work_and_rejects_unknown_courses() {
    let project = sample().file("courses/other/01-x.md", "Text.\n");
    let run = project.run_ok(&["extract", "--course", "other"]);
    assert!(run.stdout.contains("1 file, 1 message:"), "{}", run.stdout);
    assert!(!project.exists("locales/en/tele"));
    let run = project.run(&["extract", "--course", "nope"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("no course named `nope`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("known courses: other, tele"),
        "{}",
        run.stderr
    );
}

/// Quiz answer markers are outside every message: a translated build has the same markers on
/// the same lines, whatever the translations say, and the correct answer cannot move.
#[test]
fn quiz_markers_stay_put_in_a_translated_build() {
    let module = "<!--\nauthor: A\nversion: 1.0.0\ntitle: Doses\n-->\n\n# Doses\n\nWhich dose is right?\n\n[( )] Ten grams\n[(X)] One gram\n[[?]] Think of the maximum\n\n1. Which is safe?\n\n   - [ ] Double dose\n   - [x] Usual dose\n";
    let project = TestProject::new().file("courses/c/01-doses.md", module);
    project.run_ok(&["extract"]);
    let english = project.read("locales/en/c/01-doses.ftl");
    for marker in ["[( )]", "[(X)]", "[[?]]", "[ ]", "[x]"] {
        assert!(
            !english.contains(marker),
            "{marker} in a message:\n{english}"
        );
    }
    // Every message translated, each one trying to claim it is the right answer.
    let italian: String = english
        .lines()
        .map(|line| match line.split_once(" = ") {
            Some((id, value)) if !line.starts_with('#') => format!("{id} = [(X)] {value} (it)\n"),
            _ => format!("{line}\n"),
        })
        .collect();
    project.write("locales/it/c/01-doses.ftl", &italian);
    project.run_ok(&["accept", "it", "--all", "--by", "test"]);
    project.run_ok(&["build", "--locale", "it"]);
    let built = project.read("build/it/c/01-doses.md");
    let markers = |text: &str| -> Vec<String> {
        text.lines()
            .map(str::trim_start)
            .filter_map(|line| {
                ["[( )]", "[(X)]", "[[?]]", "- [ ]", "- [x]"]
                    .into_iter()
                    .find(|marker| line.starts_with(marker))
                    .map(str::to_owned)
            })
            .collect()
    };
    assert_eq!(markers(&built), markers(module), "{built}");
    assert!(built.contains("[(X)] [(X)] One gram (it)"), "{built}");
    // A translation that starts with a marker is escaped: it cannot become an option.
    assert!(
        built.contains("\\[(X)] Which dose is right? (it)"),
        "{built}"
    );
    assert!(built.contains("- [x] \\[(X)] Usual dose (it)"), "{built}");
    assert!(built.contains("title: [(X)] Doses (it)"), "{built}");
}
