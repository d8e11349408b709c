//! Real course formats end to end: the sample's HTML quiz box, `<details>`, HTML table,
//! LiaScript module and Markdown task-list quizzes are translated in a built locale; the
//! sample's task-list quizzes are linked units whose answer checkboxes no message holds; a
//! translation cannot move a quiz's right answer; `kurso check` fails a translation that
//! alters protected markup (a kramdown attribute, Liquid, a LiaScript macro call), and review
//! packets carry that markup as inline codes.

use std::ops::Range;
use std::path::Path;

use kurso::config::Config;
use kurso::segment::segment_module;
use pulldown_cmark::{Event, Parser};

use crate::support::TestProject;

#[test]
fn the_samples_html_boxes_and_liascript_quiz_are_translated_in_the_italian_build() {
    let project = TestProject::sample();
    project.run_ok(&[
        "build",
        "--locale",
        "it",
        "--course",
        "digicantrain-oncology",
    ]);
    let module = project.read("build/it/digicantrain-oncology/01-remote-symptom-monitoring.md");
    for translated in [
        "<caption>Chi risponde a un'allerta, e con quale rapidità</caption>",
        "<tr><td>Rossa</td><td>Infermiere di oncologia della linea attiva 24 ore su 24</td>",
        "<h4>Verifica</h4>",
        "<p><b>Domanda 4.</b> Nove giorni dopo il docetaxel",
        "<summary>Mostra la risposta</summary>",
        "<p>Sì. Brividi o malessere dopo la chemioterapia",
        // The Markdown task-list quiz: the options translated, the checkboxes where they were.
        "   - [ ] Consigliare il paracetamolo e una nuova misurazione dopo 4 ore.\n   - [x] Trattare il caso come un'allerta rossa",
        "   - [ ] Grado 1\n   - [x] Grado 2\n   - [ ] Grado 3\n",
    ] {
        assert!(
            module.contains(translated),
            "{translated} not in:\n{module}"
        );
    }
    let english = project.read("courses/digicantrain-oncology/01-remote-symptom-monitoring.md");
    assert_eq!(task_boxes(&module), task_boxes(&english), "{module}");
    let liascript = project.read("build/it/digicantrain-oncology/04-oral-anticancer-medicines.md");
    for translated in [
        "title: Farmaci antitumorali orali a domicilio\n",
        "- Insegnare ai pazienti a maneggiare le compresse in sicurezza a domicilio.\n",
        "<b>Manipolazione sicura</b><br>\nLavarsi le mani",
        "[( )] Prendere due dosi questa sera.\n[(X)] Saltare la dose dimenticata e prendere la successiva all'orario abituale.\n",
        "[[?]] Una dose doppia raddoppia la tossicità.\n*****\nNon raddoppiare mai",
        "\n@learning_objectives\n",
    ] {
        assert!(
            liascript.contains(translated),
            "{translated} not in:\n{liascript}"
        );
    }
}

#[test]
fn check_fails_a_translation_that_alters_protected_markup() {
    let module = "# Dates\n\n> Most managers have a date type.\n{: .callout}\n\nSee [the reference]({{ page.root }}/reference/) and @overview first.\n";
    let project = TestProject::new().file("courses/c/01-dates.md", module);
    project.run_ok(&["extract"]);
    let english = project.read("locales/en/c/01-dates.ftl");
    assert!(!english.contains(".callout"), "{english}");
    project.write(
        "locales/it/c/01-dates.ftl",
        "dates-title = Date\ndates-q1 = La maggior parte dei gestori ha un tipo data.\ndates-p1 = Vedi [il riferimento]({\"{{\"} page.radice {\"}}\"}/reference/) e @panoramica prima.\n",
    );
    let run = project.run(&["check", "it", "--rule", "markup"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("the protected markup `@panoramica` should be `@overview` as in the English"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("the protected markup `]({{ page.radice }}/reference/)` should be `]({{ page.root }}/reference/)` as in the English"),
        "{}",
        run.stdout
    );
}

/// The line and checkbox (`[x]`, `[ ]`) of every task-list item, as pulldown-cmark reads them.
fn task_boxes(markdown: &str) -> Vec<(usize, &str)> {
    Parser::new_ext(markdown, kurso::segment::markdown_options())
        .into_offset_iter()
        .filter(|(event, _)| matches!(event, Event::TaskListMarker(_)))
        .map(|(_, range)| (line_of(markdown, range.start), &markdown[range]))
        .collect()
}

fn line_of(text: &str, at: usize) -> usize {
    text[..at].matches('\n').count() + 1
}

/// Every task-list quiz of both sample courses is a linked unit: the question, each option and
/// the feedback in the `Answers` section are messages with notes naming their quiz, and the
/// checkbox that says which option is right lies outside every message.
#[test]
fn the_samples_task_list_quizzes_are_linked_units_without_their_answer_markers() {
    let courses = Path::new(env!("CARGO_MANIFEST_DIR")).join("courses");
    let keys = Config::default().translatable_keys;
    let (mut n_options, mut n_right, mut n_questions, mut n_feedback) = (0, 0, 0, 0);
    for course in ["digicantrain-oncology", "hpass-digital-skills"] {
        let mut modules: Vec<_> = std::fs::read_dir(courses.join(course))
            .expect("the course folder")
            .map(|entry| entry.expect("an entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
            .collect();
        modules.sort();
        for path in modules {
            let source = std::fs::read_to_string(&path).expect("the module");
            let file = segment_module(&path, &source, &keys);
            let boxes: Vec<Range<usize>> =
                Parser::new_ext(&source, kurso::segment::markdown_options())
                    .into_offset_iter()
                    .filter(|(event, _)| matches!(event, Event::TaskListMarker(_)))
                    .map(|(_, range)| range)
                    .collect();
            for checkbox in &boxes {
                let where_ = format!("{}:{}", path.display(), line_of(&source, checkbox.start));
                assert!(
                    file.segments
                        .iter()
                        .all(|segment| segment.span.end <= checkbox.start
                            || segment.span.start >= checkbox.end),
                    "{where_}: the checkbox is inside a message"
                );
                n_options += 1;
                n_right += usize::from(&source[checkbox.clone()] == "[x]");
                let line = line_of(&source, checkbox.start);
                let Some(option) = file
                    .segments
                    .iter()
                    .position(|segment| segment.span.start >= checkbox.end && segment.line == line)
                else {
                    // An option without words (`3:1`) is no message.
                    let end = source[checkbox.end..]
                        .find('\n')
                        .map_or(source.len(), |at| checkbox.end + at);
                    let words = &source[checkbox.end..end];
                    assert!(
                        !words.chars().any(char::is_alphabetic),
                        "{where_}: `{words}` is no message"
                    );
                    continue;
                };
                let segment = &file.segments[option];
                let note = segment
                    .notes
                    .iter()
                    .find(|note| note.starts_with("Option "))
                    .unwrap_or_else(|| panic!("{where_}: no option note: {:?}", segment.notes));
                // The first option of a list names the question just before it.
                let previous = &file.segments[option - 1];
                if !previous.notes.iter().any(|n| n.starts_with("Option ")) {
                    assert!(
                        previous
                            .notes
                            .iter()
                            .any(|n| n.starts_with("Quiz question")),
                        "{where_}: the question has no note: {:?}",
                        previous.notes
                    );
                    let start: String = previous.text.chars().take(30).collect();
                    assert!(note.contains(&start), "{where_}: {note} names {start}");
                }
            }
            if !boxes.is_empty() {
                n_questions += file
                    .segments
                    .iter()
                    .filter(|segment| segment.notes.iter().any(|n| n.starts_with("Quiz question")))
                    .count();
            }
            let feedback: Vec<_> = file
                .segments
                .iter()
                .filter(|segment| segment.context.last().is_some_and(|h| h == "Answers"))
                .filter(|segment| segment.kind != kurso::segment::SegmentKind::Heading)
                .collect();
            assert_eq!(feedback.is_empty(), boxes.is_empty(), "{}", path.display());
            for segment in feedback {
                assert!(
                    segment
                        .notes
                        .iter()
                        .any(|note| note.starts_with("Feedback on the quiz in “Quiz”")),
                    "{}:{}: {:?}",
                    path.display(),
                    segment.line,
                    segment.notes
                );
                n_feedback += 1;
            }
        }
    }
    // 21 questions over 7 modules, each with one right answer.
    assert_eq!(
        (n_questions, n_options, n_right),
        (21, 62, 21),
        "questions, options, right answers"
    );
    assert!(n_feedback >= 7, "{n_feedback} feedback messages");
}

/// A translation that would add an answer to a LiaScript selection or put another in
/// parentheses (marking it right) is never built, and `kurso check` reports it.
#[test]
fn a_translation_cannot_move_the_right_answer_of_a_quiz() {
    let module = "# Doses\n\nWhich is the maximum in 24 hours?\n\n[[1 g|(4 g)|8 g]]\n\nType the drug:\n\n[[paracetamol]]\n";
    let project = TestProject::new().file("courses/c/01-doses.md", module);
    project.run_ok(&["extract"]);
    let english = project.read("locales/en/c/01-doses.ftl");
    for id in [
        "doses-answer1",
        "doses-answer2",
        "doses-answer3",
        "doses-answer4",
    ] {
        assert!(english.contains(&format!("\n{id} = ")), "{english}");
    }
    project.write(
        "locales/it/c/01-doses.ftl",
        "doses-title = Dosi\ndoses-p1 = Qual è il massimo in 24 ore?\ndoses-answer1 = (1 g)\ndoses-answer2 = 4 g\ndoses-answer3 = 8 g\ndoses-p2 = Scrivi il farmaco:\ndoses-answer4 = paracetamolo|(ibuprofene)\n",
    );
    project.run_ok(&["accept", "it", "--all", "--by", "test"]);
    let run = project.run(&["check", "it", "--rule", "structure"]);
    assert_eq!(run.code, 1, "{}\n{}", run.stdout, run.stderr);
    for expected in [
        "locales/it/c/01-doses.ftl:3:1",
        "the built module has a quiz selection of 3 answers with answers 1, 2 marked right where the English has a quiz selection of 3 answers with answer 2 marked right",
        "locales/it/c/01-doses.ftl:7:1",
        "the built module has a quiz selection of 2 answers with answer 2 marked right where the English has a quiz answer to type",
        "keep the quiz markers of the English",
    ] {
        assert!(
            run.stdout.contains(expected),
            "{expected} not in:\n{}",
            run.stdout
        );
    }
    project.run_ok(&["build", "--locale", "it"]);
    let built = project.read("build/it/c/01-doses.md");
    assert!(built.contains("\n[[1 g|(4 g)|8 g]]\n"), "{built}");
    assert!(built.contains("\n[[paracetamol]]\n"), "{built}");
    assert!(built.contains("Qual è il massimo in 24 ore?"), "{built}");
}

/// Protected markup travels to translators as inline codes a CAT tool keeps, not as words,
/// and comes back exactly as the English has it.
#[test]
fn review_packets_carry_protected_markup_as_inline_codes() {
    let module = "# Dates\n\nSee [the reference]({{ page.root }}/reference/) and @overview first, then {% include links.md %}.\n";
    let project = TestProject::new().file("courses/c/01-dates.md", module);
    project.run_ok(&["extract"]);
    for (format, extension) in [("xliff2", "xlf"), ("xliff12", "xlf")] {
        project.run_ok(&["export", "it", "--format", format, "--force"]);
        let packet = project.read(&format!("exchange/it/c.{extension}"));
        let source = packet
            .split("<source>")
            .find(|part| part.starts_with("See "))
            .and_then(|part| part.split("</source>").next())
            .unwrap_or_else(|| panic!("no source for the paragraph in:\n{packet}"));
        // Outside the codes, only the words.
        let mut words = String::new();
        let mut rest = source;
        while let Some(open) = rest.find('<') {
            words.push_str(&rest[..open]);
            let close = rest[open..].find('>').expect("a tag end") + open;
            rest = &rest[close + 1..];
        }
        words.push_str(rest);
        assert_eq!(
            words, "See [the reference and  first, then .",
            "{format}: {source}"
        );
        for item in [
            "]({{ page.root }}/reference/)",
            "@overview",
            "{% include links.md %}",
        ] {
            assert!(
                packet.contains(&format!(">{item}<")) || packet.contains(&format!("\"{item}\"")),
                "{format}: {item} is no inline code in:\n{packet}"
            );
        }
    }
    // An XLIFF 2.0 target that keeps the codes imports with the markup as in the English.
    project.run_ok(&["export", "it", "--force"]);
    let packet = project.read("exchange/it/c.xlf");
    let source_end = packet
        .find("first, then")
        .and_then(|at| packet[at..].find("</source>").map(|end| at + end))
        .expect("the paragraph's source");
    let target = "<target>Vedi [il riferimento<ph id=\"1\" dataRef=\"d1\"/> e <ph id=\"2\" dataRef=\"d2\"/> prima, poi <ph id=\"3\" dataRef=\"d3\"/>.</target>";
    let filled = format!(
        "{}</source>\n        {target}{}",
        &packet[..source_end],
        &packet[source_end + "</source>".len()..]
    )
    .replacen(
        "<segment state=\"initial\">\n        <source>See",
        "<segment state=\"translated\">\n        <source>See",
        1,
    );
    project.write("exchange/it/c.xlf", &filled);
    project.run_ok(&["import", "exchange/it/c.xlf"]);
    let italian = project.read("locales/it/c/01-dates.ftl");
    assert!(
        italian.contains(
            "Vedi [il riferimento]({\"{\"}{\"{\"} page.root {\"}\"}{\"}\"}/reference/) e @overview prima, poi {\"{\"}% include links.md %{\"}\"}."
        ),
        "{italian}"
    );
}
