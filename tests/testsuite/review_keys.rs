//! The review page under a person's keyboard, in headless Chromium with real key events:
//! chips move and delete only whole (Backspace, Delete, typing inside one), a chip button puts
//! its code at the caret or around the selected words, and the shortcuts save (Ctrl+S),
//! approve (Ctrl+Enter) and move to the next and previous message (Alt+↓, Alt+↑). Without
//! Chromium the test checks the served page for what the script needs and says so; the
//! server's side of each action is covered over HTTP in `review_http`.

use serde_json::json;

use crate::browser::Browser;
use crate::review_browser::{ROLE, say, wait_for};
use crate::review_support::{FILE, Server, project};

const CONTROL: char = '\u{e009}';
const ALT: char = '\u{e00a}';
const ENTER: char = '\u{e007}';
const BACKSPACE: &str = "\u{e003}";
const DELETE: &str = "\u{e017}";
const ARROW_UP: char = '\u{e013}';
const ARROW_DOWN: char = '\u{e015}';

/// Sets message `arguments[0]`'s textarea to `arguments[1]`, focused, the selection from
/// `arguments[2]` to `arguments[3]` (UTF-16 offsets, as the page counts).
const SET: &str = "const t = document.querySelector(`textarea[data-message-id=\"${arguments[0]}\"]`); \
    t.value = arguments[1]; t.focus(); t.setSelectionRange(arguments[2], arguments[3]); return true;";
const VALUE: &str =
    "return document.querySelector(`textarea[data-message-id=\"${arguments[0]}\"]`).value;";
const FOCUSED: &str = "return document.activeElement.dataset.messageId || '';";

#[test]
fn chips_stay_whole_and_the_shortcuts_save_approve_and_move() {
    let project = project();
    let server = Server::start(&project, &["--locale", "lt"], &[]);
    let Some(browser) = Browser::start() else {
        say(
            "Chromium or chromedriver not installed: the page's chips and shortcuts checked in the served HTML",
        );
        let runtime = tokio::runtime::Runtime::new().expect("a runtime");
        runtime.block_on(async {
            let (_, page) = server.get("locale/lt").await;
            let html = scraper::Html::parse_document(&page);
            let selector =
                scraper::Selector::parse("article[data-id=\"dosing-p1\"] button.chip[data-token]")
                    .expect("selector");
            let chips: Vec<(String, Option<String>)> = html
                .select(&selector)
                .map(|b| {
                    (
                        b.value().attr("data-token").unwrap_or("").to_owned(),
                        b.value().attr("data-closing").map(str::to_owned),
                    )
                })
                .collect();
            assert_eq!(
                chips,
                [
                    ("⟦1⟧".to_owned(), None),
                    ("⟦2⟧".to_owned(), Some("⟦/2⟧".to_owned()))
                ]
            );
        });
        return;
    };
    say("chips and shortcuts driven in headless Chromium with real key events");
    browser.goto(&format!("{}locale/lt", server.url));
    wait_for(
        &browser,
        "the script",
        "return document.documentElement.dataset.ready;",
        &[],
    );
    let value = || browser.script(VALUE, vec![json!("dosing-p1")]);

    // Backspace just after a chip deletes the whole chip, never half of it.
    browser.script(
        SET,
        vec![
            json!("dosing-p1"),
            json!("Duokite ⟦1⟧ x"),
            json!(11),
            json!(11),
        ],
    );
    browser.press(BACKSPACE);
    assert_eq!(value(), json!("Duokite  x"));
    // So does Delete just before one.
    browser.script(
        SET,
        vec![
            json!("dosing-p1"),
            json!("Duokite ⟦1⟧ x"),
            json!(8),
            json!(8),
        ],
    );
    browser.press(DELETE);
    assert_eq!(value(), json!("Duokite  x"));
    // Typing with the caret inside a chip types after it.
    browser.script(
        SET,
        vec![
            json!("dosing-p1"),
            json!("Duokite ⟦1⟧ x"),
            json!(9),
            json!(9),
        ],
    );
    browser.press("z");
    assert_eq!(value(), json!("Duokite ⟦1⟧z x"));
    // Plain text is edited as usual.
    browser.script(
        SET,
        vec![
            json!("dosing-p1"),
            json!("Duokite ab"),
            json!(10),
            json!(10),
        ],
    );
    browser.press(BACKSPACE);
    assert_eq!(value(), json!("Duokite a"));

    // A chip button: a pair goes around the selected words, a single code at the caret.
    browser.script(
        SET,
        vec![
            json!("dosing-p1"),
            json!("Žr. lapelį."),
            json!(4),
            json!(10),
        ],
    );
    browser.script(
        "document.querySelector('article[data-id=\"dosing-p1\"] button.chip[data-token=\"⟦2⟧\"]').click(); return true;",
        vec![],
    );
    assert_eq!(value(), json!("Žr. ⟦2⟧lapelį⟦/2⟧."));
    browser.script(
        SET,
        vec![
            json!("dosing-p1"),
            json!("Duokite  pacientui"),
            json!(8),
            json!(8),
        ],
    );
    browser.script(
        "document.querySelector('article[data-id=\"dosing-p1\"] button.chip[data-token=\"⟦1⟧\"]').click(); return true;",
        vec![],
    );
    assert_eq!(value(), json!("Duokite ⟦1⟧ pacientui"));

    // Alt+↓ and Alt+↑ move between messages.
    browser.script(
        SET,
        vec![
            json!("dosing-title"),
            json!("Dozavimas"),
            json!(0),
            json!(0),
        ],
    );
    browser.chord(ALT, ARROW_DOWN);
    assert_eq!(browser.script(FOCUSED, vec![]), json!("dosing-p1"));
    browser.chord(ALT, ARROW_DOWN);
    assert_eq!(browser.script(FOCUSED, vec![]), json!("dosing-p2"));
    browser.chord(ALT, ARROW_UP);
    assert_eq!(browser.script(FOCUSED, vec![]), json!("dosing-p1"));

    // Ctrl+Enter approves the message being edited, as it is.
    browser.script(
        "document.querySelector('textarea[data-message-id=\"dosing-p2\"]').focus(); return true;",
        vec![],
    );
    browser.chord(CONTROL, ENTER);
    let result = wait_for(
        &browser,
        "the approval",
        ROLE,
        &[json!("dosing-p2"), json!("result")],
    );
    assert!(
        result.as_str().expect("text").starts_with("Approved"),
        "{result}"
    );
    // Ctrl+S saves the message being edited, as a person's text.
    browser.script(
        "const t = document.querySelector('textarea[data-message-id=\"dosing-title\"]'); t.focus(); \
         t.setSelectionRange(0, t.value.length); return true;",
        vec![],
    );
    browser.press("Dozavimas");
    browser.chord(CONTROL, 's');
    let result = wait_for(
        &browser,
        "the save",
        ROLE,
        &[json!("dosing-title"), json!("result")],
    );
    assert!(
        result.as_str().expect("text").starts_with("Saved"),
        "{result}"
    );
    let ftl = project.read(&format!("locales/lt/{FILE}"));
    assert!(ftl.contains("dosing-title = Dozavimas\n"), "{ftl}");
    let state = project.read("locales/lt/nursing/01-dosing.state.toml");
    let record = |id: &str| {
        let start = state.find(&format!("[{id}]")).expect("a record");
        state[start..]
            .split("\n\n")
            .next()
            .expect("record")
            .to_owned()
    };
    assert!(
        record("dosing-title").contains("status = \"edited\""),
        "{state}"
    );
    assert!(
        record("dosing-p2").contains("status = \"reviewed\""),
        "{state}"
    );
    assert!(
        !record("dosing-p1").contains("human"),
        "moving and typing saved nothing: {state}"
    );
}
