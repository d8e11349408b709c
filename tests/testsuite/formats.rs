//! Real course formats end to end: the sample's HTML quiz box, `<details>`, HTML table and
//! LiaScript module are translated in a built locale, and `kurso check` fails a translation
//! that alters protected markup (a kramdown attribute, Liquid, a LiaScript macro call).

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
    ] {
        assert!(
            module.contains(translated),
            "{translated} not in:\n{module}"
        );
    }
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
