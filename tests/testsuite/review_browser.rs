//! `kurso review` as a person uses it: the sample's Lithuanian machine drafts (`kurso
//! translate --to lt` with the offline pseudo provider, on a copy of the sample) reviewed
//! from `kurso review` alone, in headless Chromium when it is installed: load the queue,
//! edit and save, approve, an edit with a broken placeable blocked, two tabs saving the same
//! message, a token that does not cover the locale. Without Chromium the same flows run
//! through the HTTP API the page's script calls, and the served HTML is checked for what the
//! script needs; the test says which mode ran.
//!
//! In the browser the test saves `target/screenshots/review-queue.png`; with
//! `KURSO_UPDATE_SCREENSHOTS=1` it copies it to `docs/screenshots/review.png`, the README's
//! picture.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::browser::Browser;
use crate::review_support::{Server, csrf_of};
use crate::support::TestProject;

const MODULE: &str = "01-remote-symptom-monitoring";
const FILE: &str = "digicantrain-oncology/01-remote-symptom-monitoring.ftl";

fn sample_with_lt_drafts() -> TestProject {
    let project = TestProject::sample();
    project.run_ok(&["translate", "--to", "lt"]);
    project
}

fn lt_state(project: &TestProject) -> String {
    project.read("locales/lt/digicantrain-oncology/01-remote-symptom-monitoring.state.toml")
}

fn lt_ftl(project: &TestProject) -> String {
    project.read(&format!("locales/lt/{FILE}"))
}

fn record(project: &TestProject, id: &str) -> String {
    let state = lt_state(project);
    let start = state
        .find(&format!("[{id}]\n"))
        .unwrap_or_else(|| panic!("no record for {id}"));
    state[start..]
        .split("\n\n")
        .next()
        .expect("record")
        .to_owned()
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    )
}

fn say(text: &str) {
    // Straight to stderr, past the harness's capture, so every run says its mode.
    let _ = writeln!(std::io::stderr(), "review_browser: {text}");
}

/// Runs `condition` (a script returning a value) until it is truthy; its last value.
fn wait_for(browser: &Browser, what: &str, condition: &str, args: &[Value]) -> Value {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let value = browser.script(condition, args.to_vec());
        let truthy = match &value {
            Value::Null | Value::Bool(false) => false,
            Value::String(s) => !s.is_empty(),
            _ => true,
        };
        if truthy {
            return value;
        }
        assert!(Instant::now() < deadline, "waited in vain for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Sets the textarea of message `id` to `text` as typing would (an input event).
const TYPE: &str = "const t = document.querySelector(`textarea[data-message-id=\"${arguments[0]}\"]`); \
    t.focus(); t.value = arguments[1]; t.dispatchEvent(new Event('input', {bubbles: true})); return true;";
/// Clicks button `data-action=arguments[1]` of message `arguments[0]`.
const CLICK: &str = "document.querySelector(`article[data-id=\"${arguments[0]}\"] button[data-action=\"${arguments[1]}\"]`).click(); return true;";
/// The text of a message's part `[data-role=arguments[1]]`.
const ROLE: &str = "const e = document.querySelector(`article[data-id=\"${arguments[0]}\"] [data-role=\"${arguments[1]}\"]`); return e && !e.hidden ? e.textContent : '';";
/// The English of a message with its chips as tokens: a text that keeps every code.
const ENGLISH: &str = "return Array.from(document.querySelectorAll(`article[data-id=\"${arguments[0]}\"] .english p`)[0].childNodes, n => n.textContent).join('');";
/// The first message on the page whose English has a code.
const WITH_CODES: &str = "const a = Array.from(document.querySelectorAll('article.message')).find(a => !arguments[0].includes(a.dataset.id) && a.querySelector('.english .chip')); return a ? a.dataset.id : null;";

#[test]
fn the_samples_lithuanian_drafts_are_reviewed_from_kurso_review_alone() {
    let project = sample_with_lt_drafts();
    let server = Server::start(&project, &["--locale", "lt"], &[]);
    let queue_url = format!("{}locale/lt?module={MODULE}", server.url);
    if let Some(browser) = Browser::start() {
        in_the_browser(&project, &server, &browser, &queue_url);
    } else {
        say(
            "Chromium or chromedriver not installed: the same flows through the HTTP API, the served HTML parsed",
        );
        without_a_browser(&project, &server);
    }
}

fn in_the_browser(project: &TestProject, server: &Server, browser: &Browser, queue_url: &str) {
    say("the review page driven in headless Chromium through chromedriver");
    browser.goto(queue_url);
    wait_for(
        browser,
        "the script",
        "return document.documentElement.dataset.ready;",
        &[],
    );
    let ids = browser.script(
        "return Array.from(document.querySelectorAll('textarea[data-message-id]'), t => t.dataset.messageId);",
        vec![],
    );
    let ids: Vec<String> = serde_json::from_value(ids).expect("ids");
    assert!(
        ids.len() >= 10,
        "the module's drafts are in the queue: {ids:?}"
    );
    assert!(
        browser.texts(".progress p")[0].contains("of "),
        "a progress line"
    );
    let shot = target_dir().join("screenshots/review-queue.png");

    // Edit and save: the English's words and codes, as a reviewer's own text.
    let edited = &ids[1];
    let english = browser.script(ENGLISH, vec![json!(edited)]);
    let text = format!("Peržiūrėta: {}", english.as_str().expect("english"));
    browser.script(TYPE, vec![json!(edited), json!(text)]);
    wait_for(
        browser,
        "the live check",
        "return document.querySelector(`article[data-id=\"${arguments[0]}\"]`).dataset.blocked === 'false';",
        &[json!(edited)],
    );
    browser.script(CLICK, vec![json!(edited), json!("save")]);
    let result = wait_for(browser, "the save", ROLE, &[json!(edited), json!("result")]);
    assert!(
        result.as_str().expect("text").starts_with("Saved"),
        "{result}"
    );
    let written = record(project, edited);
    assert!(
        written.contains("status = \"edited\"") && written.contains("origin = \"human\""),
        "{written}"
    );
    assert_eq!(
        browser.script(ROLE, vec![json!(edited), json!("status")]),
        json!("edited")
    );

    // Approve a draft as it is.
    let approved = &ids[2];
    browser.script(CLICK, vec![json!(approved), json!("approve")]);
    let result = wait_for(
        browser,
        "the approval",
        ROLE,
        &[json!(approved), json!("result")],
    );
    assert!(
        result.as_str().expect("text").starts_with("Approved"),
        "{result}"
    );
    assert!(record(project, approved).contains("status = \"reviewed\""));

    // A broken placeable: the check blocks the buttons and says why; nothing is written.
    let coded = browser.script(WITH_CODES, vec![json!([edited, approved])]);
    let coded = coded.as_str().expect("a message with codes").to_owned();
    let before = (lt_ftl(project), lt_state(project));
    let english = browser.script(ENGLISH, vec![json!(coded)]);
    let broken = english.as_str().expect("english").replacen("⟦1⟧", "", 1);
    browser.script(TYPE, vec![json!(coded), json!(broken)]);
    let live = wait_for(
        browser,
        "the blocking check",
        "const e = document.querySelector(`article[data-id=\"${arguments[0]}\"] [data-role=live] .blocked`); return e ? e.parentElement.textContent : '';",
        &[json!(coded)],
    );
    assert!(
        live.as_str().expect("text").contains("Cannot be saved"),
        "{live}"
    );
    let disabled = browser.script("return document.querySelector(`article[data-id=\"${arguments[0]}\"] button[data-action=save]`).disabled;", vec![json!(coded)]);
    assert_eq!(disabled, json!(true));
    // The picture: the saved, the approved and the blocked message, the rest left out so the
    // page fits a screen.
    browser.script(
        "const keep = arguments[0]; document.querySelectorAll('article.message').forEach(a => { if (!keep.includes(a.dataset.id)) a.remove(); }); document.querySelector('details.help').open = false; return true;",
        vec![json!([edited, approved, coded])],
    );
    browser.screenshot_page(1100, &shot);
    say(&format!("screenshot {}", shot.display()));
    // Ctrl+S on the blocked message saves nothing either.
    browser.goto(queue_url);
    wait_for(
        browser,
        "the script",
        "return document.documentElement.dataset.ready;",
        &[],
    );
    browser.script(TYPE, vec![json!(coded), json!(broken)]);
    browser.script("document.dispatchEvent(new KeyboardEvent('keydown', {key: 's', ctrlKey: true, bubbles: true})); return true;", vec![]);
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!((lt_ftl(project), lt_state(project)), before);

    // Two tabs on the same message: the second save is refused with the first's text.
    let tab2 = Browser::start().expect("a second browser");
    tab2.goto(queue_url);
    wait_for(
        &tab2,
        "the script",
        "return document.documentElement.dataset.ready;",
        &[],
    );
    let shared = &ids[3];
    let english = browser.script(ENGLISH, vec![json!(shared)]);
    let first = format!("Pirmas: {}", english.as_str().expect("english"));
    let second = format!("Antras: {}", english.as_str().expect("english"));
    browser.script(TYPE, vec![json!(shared), json!(first)]);
    tab2.script(TYPE, vec![json!(shared), json!(second)]);
    browser.script("document.querySelector(`textarea[data-message-id=\"${arguments[0]}\"]`).focus(); document.dispatchEvent(new KeyboardEvent('keydown', {key: 's', ctrlKey: true, bubbles: true})); return true;", vec![json!(shared)]);
    wait_for(
        browser,
        "the first save",
        ROLE,
        &[json!(shared), json!("result")],
    );
    tab2.script(CLICK, vec![json!(shared), json!("save")]);
    let conflict = wait_for(
        &tab2,
        "the conflict",
        ROLE,
        &[json!(shared), json!("conflict")],
    );
    assert!(
        conflict.as_str().expect("text").contains("Pirmas:"),
        "{conflict}"
    );
    assert!(
        lt_ftl(project).contains(&format!("{shared} = Pirmas:")),
        "the first save stands"
    );

    // Keyboard: Alt+↓ moves to the next message.
    browser.script(&format!("document.querySelector('textarea[data-message-id=\"{}\"]').focus(); document.dispatchEvent(new KeyboardEvent('keydown', {{key: 'ArrowDown', altKey: true, bubbles: true}})); return true;", ids[0]), vec![]);
    let focused = browser.script("return document.activeElement.dataset.messageId;", vec![]);
    assert_eq!(focused, json!(ids[1]));

    if std::env::var_os("KURSO_UPDATE_SCREENSHOTS").is_some_and(|v| v == "1") {
        let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
        std::fs::create_dir_all(&docs).expect("docs/screenshots");
        std::fs::copy(&shot, docs.join("review.png")).expect("copy the screenshot");
    }
    drop(tab2);
    let _ = server;
}

fn without_a_browser(project: &TestProject, server: &Server) {
    let runtime = tokio::runtime::Runtime::new().expect("a runtime");
    runtime.block_on(async {
        let (status, page) = server.get(&format!("locale/lt?module={MODULE}")).await;
        assert_eq!(status, 200);
        let html = scraper::Html::parse_document(&page);
        let select = |css: &str| {
            let selector = scraper::Selector::parse(css).expect("selector");
            html.select(&selector).count()
        };
        let n = select("textarea[data-message-id]");
        assert!(n >= 10, "the module's drafts are in the queue");
        assert_eq!(
            select("button[data-action=save]"),
            select("article.message")
        );
        assert_eq!(
            select("button[data-action=approve]"),
            select("article.message")
        );
        assert_eq!(select("script[src=\"/assets/review.js\"]"), 1);
        assert_eq!(select("meta[name=kurso-csrf]"), 1);
        let (status, script) = server.get("assets/review.js").await;
        assert_eq!(status, 200);
        assert!(script.contains("X-Kurso-Csrf") && script.contains("ctrlKey"));
        let csrf = csrf_of(&page);
        let (_, queue) = server
            .json(&format!("api/locale/lt/queue?module={MODULE}"))
            .await;
        let ids: Vec<String> = queue["items"]
            .as_array()
            .expect("items")
            .iter()
            .map(|i| i["id"].as_str().expect("id").to_owned())
            .collect();
        let english = |message: &Value| -> String {
            message["units"][0]["english"]
                .as_array()
                .expect("segments")
                .iter()
                .map(|s| {
                    s["chip"]
                        .as_str()
                        .or(s["text"].as_str())
                        .unwrap_or_default()
                        .to_owned()
                })
                .collect()
        };
        // Edit and save, then approve a draft.
        let message = server.message_in("lt", FILE, &ids[1]).await;
        let text = format!("Peržiūrėta: {}", english(&message));
        let (status, saved) = server
            .save_in(
                &csrf,
                "lt",
                FILE,
                &ids[1],
                &message["version"],
                "save",
                &text,
            )
            .await;
        assert_eq!(status, 200, "{saved}");
        assert!(record(project, &ids[1]).contains("status = \"edited\""));
        let message = server.message_in("lt", FILE, &ids[2]).await;
        let draft = message["units"][0]["text"]
            .as_str()
            .expect("text")
            .to_owned();
        let (status, _) = server
            .save_in(
                &csrf,
                "lt",
                FILE,
                &ids[2],
                &message["version"],
                "approve",
                &draft,
            )
            .await;
        assert_eq!(status, 200);
        assert!(record(project, &ids[2]).contains("status = \"reviewed\""));
        // Two tabs: the older save is refused with the current text.
        let message = server.message_in("lt", FILE, &ids[3]).await;
        let (first, second) = (
            format!("Pirmas: {}", english(&message)),
            format!("Antras: {}", english(&message)),
        );
        let (status, _) = server
            .save_in(
                &csrf,
                "lt",
                FILE,
                &ids[3],
                &message["version"],
                "save",
                &first,
            )
            .await;
        assert_eq!(status, 200);
        let (status, conflict) = server
            .save_in(
                &csrf,
                "lt",
                FILE,
                &ids[3],
                &message["version"],
                "save",
                &second,
            )
            .await;
        assert_eq!(status, 409);
        assert_eq!(conflict["item"]["units"][0]["text"], json!(first));
    });
}

#[test]
fn a_token_that_does_not_cover_the_locale_is_refused_in_the_page() {
    let project = sample_with_lt_drafts();
    let tokens = "ruta:lt:lt-reviewer-token-0123456789 maria:el:el-reviewer-token-0123456789";
    let server = Server::start(&project, &[], &[("KURSO_REVIEW_TOKENS", tokens)]);
    let Some(browser) = Browser::start() else {
        say("Chromium or chromedriver not installed: the token refusal checked through HTTP");
        let runtime = tokio::runtime::Runtime::new().expect("a runtime");
        runtime.block_on(async {
            let response = server
                .client
                .get(format!("{}locale/lt", server.url))
                .header("authorization", "Bearer el-reviewer-token-0123456789")
                .send()
                .await
                .expect("GET");
            assert_eq!(response.status().as_u16(), 403);
            assert!(
                response
                    .text()
                    .await
                    .expect("body")
                    .contains("does not cover `lt`")
            );
        });
        return;
    };
    say("the token refusal driven in headless Chromium through chromedriver");
    browser.goto(&format!("{}locale/lt", server.url));
    wait_for(
        &browser,
        "the login form",
        "return document.querySelector('form.login') ? 'yes' : '';",
        &[],
    );
    browser.script("document.querySelector('input[name=token]').value = 'el-reviewer-token-0123456789'; document.querySelector('form.login').submit(); return true;", vec![]);
    wait_for(
        &browser,
        "the locales page",
        "return document.querySelector('ul.locales') ? 'yes' : '';",
        &[],
    );
    let links = browser.texts("ul.locales a");
    assert_eq!(links, ["el"], "the el reviewer sees only el");
    browser.goto(&format!("{}locale/lt", server.url));
    let body = browser.texts("body");
    assert!(body[0].contains("does not cover `lt`"), "{body:?}");
}
