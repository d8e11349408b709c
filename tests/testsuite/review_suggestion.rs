//! The machine suggestion beside a person's stale translation: `kurso translate` keeps it in
//! the state record and never replaces the person's text; `kurso review` shows it cut into the
//! message's parts with its codes as chips, and a button (or Alt+M) puts it into the
//! textareas for the reviewer to edit and save. Over HTTP and the served HTML always; in
//! headless Chromium when it is installed (the test says which mode ran).

use serde_json::{Value, json};

use crate::browser::Browser;
use crate::review_browser::{CLICK, ROLE, TYPE, say, wait_for};
use crate::review_support::{FILE, Server, project};
use crate::support::TestProject;

const PERSON: &str = "Duokite ⟦1⟧ pacientui, žr. ⟦2⟧lapelį⟦/2⟧.";

/// The test project with a person's translation of `dosing-p1`, whose English then changed,
/// and `kurso translate` run again: a suggestion for the new English beside it.
fn project_with_suggestion() -> TestProject {
    let project = project();
    {
        let server = Server::start(&project, &[], &[]);
        let runtime = tokio::runtime::Runtime::new().expect("a runtime");
        runtime.block_on(async {
            let csrf = server.csrf("lt").await;
            let version = server.version("lt", "dosing-p1").await;
            let (status, saved) = server
                .save(&csrf, "lt", "dosing-p1", &version, "save", PERSON)
                .await;
            assert_eq!(status, 200, "{saved}");
        });
    }
    let english = project.read("courses/nursing/01-dosing.md");
    project.write(
        "courses/nursing/01-dosing.md",
        &english.replace("to the patient", "to the adult patient"),
    );
    project.run_ok(&["extract"]);
    project.run_ok(&["translate", "--to", "lt"]);
    project
}

fn ftl(project: &TestProject) -> String {
    project.read(&format!("locales/lt/{FILE}"))
}

fn state(project: &TestProject) -> String {
    project.read("locales/lt/nursing/01-dosing.state.toml")
}

/// The suggestion's editable text with each token back as the English's Markdown.
fn as_markdown(editable: &str) -> String {
    editable
        .replace("⟦1⟧", "`dose_mg`")
        .replace("⟦2⟧", "[")
        .replace("⟦/2⟧", "](https://example.org/leaflet)")
}

/// The suggestion as the API shows it, checked: the person's text untouched, the suggestion
/// for the new English with its codes as tokens. Its editable text.
fn suggestion_of(message: &Value) -> String {
    assert_eq!(message["status"], "stale", "{message}");
    assert_eq!(
        message["units"][0]["text"], PERSON,
        "the person's text stays"
    );
    let suggestion = &message["suggestion"];
    assert_eq!(suggestion["origin"], "pseudo", "{message}");
    assert_eq!(suggestion["units"][0]["id"], "dosing-p1", "{message}");
    let text = suggestion["units"][0]["text"]
        .as_str()
        .expect("the suggestion as editable text")
        .to_owned();
    for token in ["⟦1⟧", "⟦2⟧", "⟦/2⟧"] {
        assert!(text.contains(token), "{token} in {text}");
    }
    assert_eq!(
        as_markdown(&text),
        suggestion["text"].as_str().expect("raw"),
        "the same text as the state record's, codes as tokens"
    );
    text
}

#[test]
fn a_stale_translations_suggestion_is_offered_as_editable_text_and_saves_as_a_persons() {
    let project = project_with_suggestion();
    let server = Server::start(&project, &[], &[]);
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(suggestion_over_http(&project, &server));
}

async fn suggestion_over_http(project: &TestProject, server: &Server) {
    let message = server.message("lt", "dosing-p1").await;
    let suggestion = suggestion_of(&message);
    assert!(
        as_markdown(&suggestion).contains("àdült"),
        "made from the new English: {suggestion}"
    );
    // The English's change as a word diff, old → new.
    assert_eq!(
        message["diff"],
        json!([
            {"op": "equal", "text": "Give `dose_mg` to the "},
            {"op": "insert", "text": "adult "},
            {"op": "equal", "text": "patient, see [the leaflet](https://example.org/leaflet)."},
        ])
    );
    // The page: the suggestion's text per part and one button, only on the message that has
    // a suggestion.
    let (status, page) = server.get("locale/lt?status=all").await;
    assert_eq!(status, 200);
    let html = scraper::Html::parse_document(&page);
    let select = |css: &str| -> Vec<String> {
        let selector = scraper::Selector::parse(css).expect("selector");
        html.select(&selector)
            .map(|e| e.text().collect::<String>())
            .collect()
    };
    assert_eq!(
        select(
            "article[data-id=\"dosing-p1\"] [data-role=suggestion] p[data-unit=\"dosing-p1\"] .text"
        ),
        std::slice::from_ref(&suggestion)
    );
    assert_eq!(select("button[data-action=use-suggestion]").len(), 1);
    assert_eq!(
        select("article[data-id=\"dosing-p1\"] .diff ins"),
        ["adult "]
    );
    assert_eq!(
        select("article[data-id=\"dosing-p1\"] button[data-action=use-suggestion]").len(),
        1
    );
    // What the button puts into the textarea, approved: a person's reviewed text for today's
    // English, the suggestion gone from the record.
    let csrf = crate::review_support::csrf_of(&page);
    let version = message["version"].as_str().expect("version");
    let (status, approved) = server
        .save(&csrf, "lt", "dosing-p1", version, "approve", &suggestion)
        .await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["item"]["status"], "reviewed");
    assert_eq!(approved["item"]["suggestion"], Value::Null);
    assert!(ftl(project).contains(&format!("dosing-p1 = {}", as_markdown(&suggestion))));
    let record = state(project);
    assert!(!record.contains("suggestion"), "{record}");
}

#[test]
fn the_suggestion_goes_into_the_textarea_by_button_or_alt_m_in_the_page() {
    let project = project_with_suggestion();
    let server = Server::start(&project, &["--locale", "lt"], &[]);
    let queue_url = format!("{}locale/lt?status=stale", server.url);
    let Some(browser) = Browser::start() else {
        say(
            "Chromium or chromedriver not installed: the suggestion checked in the served HTML and script",
        );
        let runtime = tokio::runtime::Runtime::new().expect("a runtime");
        runtime.block_on(async {
            let (_, page) = server.get("locale/lt?status=stale").await;
            assert!(page.contains("data-action=\"use-suggestion\""), "{page}");
            let (_, script) = server.get("assets/review.js").await;
            assert!(script.contains("use-suggestion") && script.contains("KeyM"));
        });
        return;
    };
    say("the suggestion inserted in headless Chromium through chromedriver");
    let ready = "return document.documentElement.dataset.ready;";
    let value = "return document.querySelector('textarea[data-message-id=\"dosing-p1\"]').value;";
    let suggestion = {
        let runtime = tokio::runtime::Runtime::new().expect("a runtime");
        suggestion_of(&runtime.block_on(server.message("lt", "dosing-p1")))
    };
    // Alt+M with the message's textarea focused.
    browser.goto(&queue_url);
    wait_for(&browser, "the script", ready, &[]);
    assert_eq!(browser.script(value, vec![]), json!(PERSON));
    browser.script(
        "document.querySelector('textarea[data-message-id=\"dosing-p1\"]').focus(); \
         document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'm', code: 'KeyM', altKey: true, bubbles: true})); return true;",
        vec![],
    );
    assert_eq!(browser.script(value, vec![]), json!(suggestion));
    // The button, after an edit of one's own: the live check runs on the inserted text, and
    // Approve saves it.
    browser.goto(&queue_url);
    wait_for(&browser, "the script", ready, &[]);
    browser.script(TYPE, vec![json!("dosing-p1"), json!("kažkas")]);
    browser.script(
        "document.querySelector('article[data-id=\"dosing-p1\"] button[data-action=use-suggestion]').click(); return true;",
        vec![],
    );
    assert_eq!(browser.script(value, vec![]), json!(suggestion));
    wait_for(
        &browser,
        "the live check of the suggestion",
        "return document.querySelector('article[data-id=\"dosing-p1\"]').dataset.blocked === 'false';",
        &[],
    );
    browser.script(CLICK, vec![json!("dosing-p1"), json!("approve")]);
    let result = wait_for(
        &browser,
        "the approval",
        ROLE,
        &[json!("dosing-p1"), json!("result")],
    );
    assert!(
        result.as_str().expect("text").starts_with("Approved"),
        "{result}"
    );
    assert!(ftl(&project).contains(&format!("dosing-p1 = {}", as_markdown(&suggestion))));
    assert!(state(&project).contains("status = \"reviewed\""));
}

#[test]
fn a_suggestion_made_for_english_that_changed_again_is_not_offered() {
    let project = project_with_suggestion();
    // The English changes once more; nobody runs `kurso translate` again.
    let english = project.read("courses/nursing/01-dosing.md");
    project.write(
        "courses/nursing/01-dosing.md",
        &english.replace("Give `dose_mg`", "Give twice `dose_mg`"),
    );
    project.run_ok(&["extract"]);
    assert!(
        state(&project).contains("suggestion = "),
        "the record still has the old suggestion"
    );
    let server = Server::start(&project, &[], &[]);
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    let (message, page) = runtime.block_on(async {
        let message = server.message("lt", "dosing-p1").await;
        (message, server.get("locale/lt?status=all").await.1)
    });
    assert_eq!(message["status"], "stale");
    assert_eq!(message["suggestion"], Value::Null, "{message}");
    assert!(!page.contains("data-action=\"use-suggestion\""));
    assert!(!page.contains("Machine suggestion"));
}
