//! `kurso review` on messages of several parts: a plural select (Lithuanian needs `few` and
//! `many`, which the English lacks) and a message with an attribute get one textarea per part;
//! the live check, save, approve and a conflict each work on every part, and what lands in the
//! `.ftl` is one Fluent message with every part in its place.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::review_support::Server;
use crate::support::TestProject;

const FILE: &str = "c/01-a.ftl";

/// Lithuanian for each plural category, `⟦1⟧` where `{ $count }` goes.
const ALERTS: [(&str, &str); 4] = [
    ("a-alerts[one]", "Turite ⟦1⟧ naują įspėjimą."),
    ("a-alerts[other]", "Turite ⟦1⟧ naujų įspėjimų."),
    ("a-alerts[few]", "Turite ⟦1⟧ naujus įspėjimus."),
    ("a-alerts[many]", "Turite ⟦1⟧ naujo įspėjimo."),
];

/// A project whose English has a plural select and an attribute, drafted into Lithuanian.
fn parts_project() -> TestProject {
    let project = TestProject::new()
        .file(
            "kurso.toml",
            "source-locale = \"en\"\ntarget-locales = [\"lt\"]\n",
        )
        .file(
            &format!("locales/en/{FILE}"),
            "a-alerts =\n    { $count ->\n        [one] You have { $count } new alert.\n       *[other] You have { $count } new alerts.\n    }\n\n\
             a-syringe = A syringe of { $dose } mg\n    .alt = The syringe holds { $dose } mg\n",
        );
    project.run_ok(&["translate", "--to", "lt"]);
    project
}

fn ftl(project: &TestProject) -> String {
    project.read(&format!("locales/lt/{FILE}"))
}

fn state(project: &TestProject) -> String {
    project.read("locales/lt/c/01-a.state.toml")
}

fn unit_ids(message: &Value) -> Vec<String> {
    message["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| u["id"].as_str().expect("id").to_owned())
        .collect()
}

fn unit_texts(message: &Value) -> BTreeMap<String, String> {
    message["units"]
        .as_array()
        .expect("units")
        .iter()
        .map(|u| {
            (
                u["id"].as_str().expect("id").to_owned(),
                u["text"].as_str().expect("text").to_owned(),
            )
        })
        .collect()
}

fn alerts(overrides: &[(&str, &str)]) -> Value {
    let mut units: BTreeMap<&str, &str> = ALERTS.into_iter().collect();
    units.extend(overrides.iter().copied());
    json!(units)
}

#[tokio::test]
async fn each_part_of_a_plural_select_is_its_own_textarea_checked_and_saved_in_place() {
    let project = parts_project();
    let server = Server::start(&project, &[], &[]);
    let message = server.message_in("lt", FILE, "a-alerts").await;
    // The English's two variants, then the categories Lithuanian needs besides.
    assert_eq!(
        unit_ids(&message),
        [
            "a-alerts[one]",
            "a-alerts[other]",
            "a-alerts[few]",
            "a-alerts[many]"
        ]
    );
    // Each part has the placeable as its chip; the draft has the English's two variants, and
    // the categories it lacks start empty, for the reviewer to write.
    for (index, unit) in message["units"]
        .as_array()
        .expect("units")
        .iter()
        .enumerate()
    {
        assert_eq!(unit["codes"][0]["original"], "{ $count }", "{unit}");
        let draft = unit["text"].as_str().expect("draft");
        assert_eq!(draft.contains("⟦1⟧"), index < 2, "{unit}");
    }
    // The page: one textarea per part, each named by the message and its part, with its own
    // chip button.
    let (status, page) = server.get("locale/lt").await;
    assert_eq!(status, 200);
    let html = scraper::Html::parse_document(&page);
    let selector =
        scraper::Selector::parse("article[data-id=\"a-alerts\"] textarea").expect("selector");
    let textareas: Vec<(String, String)> = html
        .select(&selector)
        .map(|t| {
            (
                t.value().attr("data-message-id").unwrap_or("").to_owned(),
                t.value().attr("data-unit").unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        textareas,
        ALERTS.map(|(unit, _)| ("a-alerts".to_owned(), unit.to_owned()))
    );
    let chips = scraper::Selector::parse("article[data-id=\"a-alerts\"] .unit button.chip")
        .expect("selector");
    assert_eq!(html.select(&chips).count(), 4, "a chip button per part");

    // The live check looks at every part: one broken part blocks, and is named.
    let csrf = crate::review_support::csrf_of(&page);
    let check = |units: Value| json!({"file": FILE, "id": "a-alerts", "units": units});
    let (status, ok) = server
        .post("api/locale/lt/check", &csrf, &check(alerts(&[])))
        .await;
    assert_eq!(status, 200, "{ok}");
    assert_eq!(ok["ok"], true, "{ok}");
    let (_, broken) = server
        .post(
            "api/locale/lt/check",
            &csrf,
            &check(alerts(&[("a-alerts[few]", "Turite naujus įspėjimus.")])),
        )
        .await;
    assert_eq!(broken["ok"], false, "{broken}");
    let before = (ftl(&project), state(&project));
    let version = message["version"].clone();
    let save = |action: &str, version: &Value, units: Value| json!({"file": FILE, "id": "a-alerts", "version": version, "action": action, "units": units});
    let (status, refused) = server
        .post(
            "api/locale/lt/save",
            &csrf,
            &save(
                "save",
                &version,
                alerts(&[("a-alerts[many]", "Turite naujo įspėjimo.")]),
            ),
        )
        .await;
    assert_eq!(status, 422, "{refused}");
    assert_eq!((ftl(&project), state(&project)), before, "nothing written");

    // Saved: one select with every category, each part where it belongs.
    let (status, saved) = server
        .post(
            "api/locale/lt/save",
            &csrf,
            &save("save", &version, alerts(&[])),
        )
        .await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["item"]["status"], "edited");
    let written = ftl(&project);
    for (key, text) in [
        ("[one]", "Turite { $count } naują įspėjimą."),
        ("[few]", "Turite { $count } naujus įspėjimus."),
        ("[many]", "Turite { $count } naujo įspėjimo."),
        ("*[other]", "Turite { $count } naujų įspėjimų."),
    ] {
        assert!(
            written.contains(&format!("{key} {text}")),
            "{key}: {written}"
        );
    }
    let plurals = project.run_ok(&["check", "lt", "--rule", "plurals", "--format", "json"]);
    assert!(
        plurals.stdout.contains("\"findings\": []"),
        "{}",
        plurals.stdout
    );
    let expected: BTreeMap<String, String> = ALERTS
        .iter()
        .map(|(unit, text)| ((*unit).to_owned(), (*text).to_owned()))
        .collect();
    assert_eq!(
        unit_texts(&server.message_in("lt", FILE, "a-alerts").await),
        expected
    );

    // A second reviewer saving against the old version gets each part of the current text
    // back in its own place.
    let (status, conflict) = server
        .post(
            "api/locale/lt/save",
            &csrf,
            &save(
                "save",
                &version,
                alerts(&[("a-alerts[one]", "Jūs turite ⟦1⟧ naują įspėjimą.")]),
            ),
        )
        .await;
    assert_eq!(status, 409, "{conflict}");
    assert_eq!(unit_texts(&conflict["item"]), expected);

    // Approve every part as it is.
    let (status, approved) = server
        .post(
            "api/locale/lt/save",
            &csrf,
            &save("approve", &conflict["item"]["version"], alerts(&[])),
        )
        .await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["item"]["status"], "reviewed");
    assert!(state(&project).contains("status = \"reviewed\""));
}

#[tokio::test]
async fn a_message_with_an_attribute_saves_its_value_and_attribute_each_from_its_textarea() {
    let project = parts_project();
    let server = Server::start(&project, &[], &[]);
    let csrf = server.csrf("lt").await;
    let message = server.message_in("lt", FILE, "a-syringe").await;
    assert_eq!(unit_ids(&message), ["a-syringe", "a-syringe.alt"]);
    assert_eq!(message["units"][1]["label"], ".alt");
    let units = json!({
        "a-syringe": "Švirkštas su ⟦1⟧ mg",
        "a-syringe.alt": "Švirkšte yra ⟦1⟧ mg",
    });
    let body = |action: &str, version: &Value| json!({"file": FILE, "id": "a-syringe", "version": version, "action": action, "units": units});
    let (status, saved) = server
        .post(
            "api/locale/lt/save",
            &csrf,
            &body("save", &message["version"]),
        )
        .await;
    assert_eq!(status, 200, "{saved}");
    let written = ftl(&project);
    assert!(
        written.contains(
            "a-syringe = Švirkštas su { $dose } mg\n    .alt = Švirkšte yra { $dose } mg\n"
        ),
        "{written}"
    );
    let (status, conflict) = server
        .post(
            "api/locale/lt/save",
            &csrf,
            &body("save", &message["version"]),
        )
        .await;
    assert_eq!(status, 409, "{conflict}");
    assert_eq!(
        unit_texts(&conflict["item"]),
        BTreeMap::from([
            ("a-syringe".to_owned(), "Švirkštas su ⟦1⟧ mg".to_owned()),
            ("a-syringe.alt".to_owned(), "Švirkšte yra ⟦1⟧ mg".to_owned()),
        ])
    );
    let (status, approved) = server
        .post(
            "api/locale/lt/save",
            &csrf,
            &body("approve", &conflict["item"]["version"]),
        )
        .await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["item"]["status"], "reviewed");
}

/// Sets the textarea of part `arguments[0]` to `arguments[1]` as typing would.
const TYPE_PART: &str = "const t = document.querySelector(`textarea[data-unit=\"${arguments[0]}\"]`); \
    t.focus(); t.value = arguments[1]; t.dispatchEvent(new Event('input', {bubbles: true})); return true;";

#[test]
fn in_the_page_each_part_has_its_box_chips_and_one_save_for_all() {
    use crate::browser::Browser;
    use crate::review_browser::{CLICK, ROLE, say, wait_for};
    let project = parts_project();
    let server = Server::start(&project, &[], &[]);
    let Some(browser) = Browser::start() else {
        say(
            "Chromium or chromedriver not installed: the parts checked over HTTP and in the HTML (the other tests of review_parts)",
        );
        return;
    };
    say("the parts of a plural select edited in headless Chromium");
    browser.goto(&format!("{}locale/lt", server.url));
    wait_for(
        &browser,
        "the script",
        "return document.documentElement.dataset.ready;",
        &[],
    );
    // A chip button puts its code into its own part's box.
    browser.script(
        "const t = document.querySelector('textarea[data-unit=\"a-alerts[few]\"]'); t.value = 'Turite  naujus'; \
         t.setSelectionRange(7, 7); \
         t.closest('.unit').querySelector('button.chip').click(); return true;",
        vec![],
    );
    assert_eq!(
        browser.script(
            "return document.querySelector('textarea[data-unit=\"a-alerts[few]\"]').value;",
            vec![]
        ),
        json!("Turite ⟦1⟧ naujus")
    );
    // One part without its placeable blocks the whole message.
    for (unit, text) in ALERTS {
        browser.script(TYPE_PART, vec![json!(unit), json!(text)]);
    }
    browser.script(
        TYPE_PART,
        vec![json!("a-alerts[many]"), json!("Turite naujo įspėjimo.")],
    );
    wait_for(
        &browser,
        "the blocking check",
        "return document.querySelector('article[data-id=\"a-alerts\"]').dataset.blocked === 'true';",
        &[],
    );
    // Fixed, it is saved in one go: every part in its place.
    browser.script(
        TYPE_PART,
        vec![json!("a-alerts[many]"), json!("Turite ⟦1⟧ naujo įspėjimo.")],
    );
    wait_for(
        &browser,
        "the live check",
        "return document.querySelector('article[data-id=\"a-alerts\"]').dataset.blocked === 'false';",
        &[],
    );
    browser.script(CLICK, vec![json!("a-alerts"), json!("approve")]);
    let result = wait_for(
        &browser,
        "the approval",
        ROLE,
        &[json!("a-alerts"), json!("result")],
    );
    assert!(
        result.as_str().expect("text").starts_with("Approved"),
        "{result}"
    );
    let written = ftl(&project);
    for (key, text) in [
        ("[one]", "Turite { $count } naują įspėjimą."),
        ("[few]", "Turite { $count } naujus įspėjimus."),
        ("[many]", "Turite { $count } naujo įspėjimo."),
        ("*[other]", "Turite { $count } naujų įspėjimų."),
    ] {
        assert!(
            written.contains(&format!("{key} {text}")),
            "{key}: {written}"
        );
    }
    assert!(state(&project).contains("status = \"reviewed\""));
}
