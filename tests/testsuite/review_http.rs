//! `kurso review` over HTTP: the real server on 127.0.0.1 driven with reqwest, as the page
//! drives it: the queue and its filters, a message's details, the live check, save and
//! approve (written with origin human through the import path), conflicts between two
//! reviewers and with edits on disk, and every refusal (CSRF, Host, tokens per locale,
//! malformed bodies, unknown messages, a broken placeable), each leaving the files as they
//! were.

use serde_json::{Value, json};

use crate::review_support::{FILE, Server, project};
use crate::support::TestProject;

const TOKEN_LT: &str = "lt-reviewer-token-0123456789";
const TOKEN_EL: &str = "el-reviewer-token-0123456789";

fn ftl(project: &TestProject) -> String {
    project.read(&format!("locales/lt/{FILE}"))
}

fn state(project: &TestProject) -> String {
    project.read("locales/lt/nursing/01-dosing.state.toml")
}

/// The state record of `id` as TOML lines.
fn record(project: &TestProject, id: &str) -> String {
    let state = state(project);
    let start = state
        .find(&format!("[{id}]"))
        .unwrap_or_else(|| panic!("no record for {id}:\n{state}"));
    state[start..]
        .split("\n\n")
        .next()
        .expect("a record")
        .to_owned()
}

const GOOD: &str = "Duokite ⟦1⟧ pacientui, žr. ⟦2⟧lapelį⟦/2⟧.";

#[tokio::test]
async fn the_queue_lists_what_needs_a_person_and_filters_it() {
    let project = project();
    let server = Server::start(&project, &["--locale", "lt"], &[]);
    let (status, queue) = server.json("api/locale/lt/queue").await;
    assert_eq!(status, 200, "{queue}");
    let ids: Vec<&str> = queue["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, ["dosing-title", "dosing-p1", "dosing-p2"]);
    assert_eq!(queue["progress"]["machine"], 3);
    assert!(
        queue["items"][0]["needs"]
            .as_array()
            .expect("needs")
            .contains(&json!("machine"))
    );
    // Filters: by status, module, course; an unknown status is a clear 400.
    let (_, none) = server.json("api/locale/lt/queue?status=reviewed").await;
    assert_eq!(none["shown"], 0);
    let (_, module) = server
        .json("api/locale/lt/queue?module=01-dosing&status=machine")
        .await;
    assert_eq!(module["shown"], 3);
    let (_, other) = server.json("api/locale/lt/queue?course=other").await;
    assert_eq!(other["shown"], 0);
    let (status, bad) = server.json("api/locale/lt/queue?status=bogus").await;
    assert_eq!(status, 400);
    assert!(
        bad["error"]
            .as_str()
            .expect("error")
            .contains("not a status"),
        "{bad}"
    );
    // el is a target locale but not served with --locale lt.
    let (status, _) = server.json("api/locale/el/queue").await;
    assert_eq!(status, 404);
    // The page: a textarea and buttons per message, a progress bar.
    let (status, page) = server.get("locale/lt").await;
    assert_eq!(status, 200);
    assert!(page.contains("<textarea id=") && page.contains("data-message-id=\"dosing-p1\""));
    assert!(page.contains("data-action=\"save\"") && page.contains("data-action=\"approve\""));
    assert!(
        page.contains("class=\"seg status-machine\""),
        "a bar segment of the drafts"
    );
}

#[tokio::test]
async fn a_message_shows_its_english_codes_draft_and_origin() {
    let project = project();
    let server = Server::start(&project, &[], &[]);
    let message = server.message("lt", "dosing-p1").await;
    assert_eq!(message["status"], "machine");
    assert_eq!(message["origin"], "pseudo");
    assert!(
        message["location"]
            .as_str()
            .expect("location")
            .contains("01-dosing.md:3 · Dosing")
    );
    let unit = &message["units"][0];
    let codes: Vec<&str> = unit["codes"]
        .as_array()
        .expect("codes")
        .iter()
        .map(|c| c["original"].as_str().expect("original"))
        .collect();
    assert_eq!(codes, ["`dose_mg`", "[ … ](https://example.org/leaflet)"]);
    let chips: Vec<&str> = unit["english"]
        .as_array()
        .expect("segments")
        .iter()
        .filter_map(|s| s["chip"].as_str())
        .collect();
    assert_eq!(chips, ["⟦1⟧", "⟦2⟧", "⟦/2⟧"]);
    let draft = unit["text"].as_str().expect("text");
    assert!(
        draft.contains("⟦1⟧") && draft.contains("⟦2⟧thé léàflét⟦/2⟧"),
        "{draft}"
    );
}

#[tokio::test]
async fn the_live_check_runs_the_rules_and_names_what_blocks_saving() {
    let project = project();
    let server = Server::start(&project, &[], &[]);
    let csrf = server.csrf("lt").await;
    let check = |text: &str| json!({"file": FILE, "id": "dosing-p1", "units": {"dosing-p1": text}});
    let (status, ok) = server
        .post("api/locale/lt/check", &csrf, &check(GOOD))
        .await;
    assert_eq!(status, 200, "{ok}");
    assert_eq!(ok["ok"], true, "{ok}");
    // The link is gone: its code did not come back.
    let (_, broken) = server
        .post(
            "api/locale/lt/check",
            &csrf,
            &check("Duokite ⟦1⟧ pacientui."),
        )
        .await;
    assert_eq!(broken["ok"], false, "{broken}");
    assert!(
        broken["errors"][0]
            .as_str()
            .expect("error")
            .contains("placeholders"),
        "{broken}"
    );
    // A dose that changed is a `numbers` error from the rules, not from the codes.
    let (_, dose) = server
        .post(
            "api/locale/lt/check",
            &csrf,
            &json!({"file": FILE, "id": "dosing-p2", "units": {"dosing-p2": "Patikrinkite pavadinimą 2 kartus, 5 mg."}}),
        )
        .await;
    assert_eq!(dose["ok"], false, "{dose}");
    assert!(dose["errors"].to_string().contains("numbers"), "{dose}");
    let (_, unknown) = server
        .post("api/locale/lt/check", &csrf, &check("⟦7⟧ ⟦1⟧ ⟦2⟧x⟦/2⟧"))
        .await;
    assert!(
        unknown["errors"][0]
            .as_str()
            .expect("error")
            .contains("⟦7⟧"),
        "{unknown}"
    );
}

#[tokio::test]
async fn save_writes_a_persons_translation_and_a_second_identical_save_is_a_no_op() {
    let project = project();
    let server = Server::start(&project, &[], &[]);
    let csrf = server.csrf("lt").await;
    let version = server.version("lt", "dosing-p1").await;
    let (status, saved) = server
        .save(&csrf, "lt", "dosing-p1", &version, "save", GOOD)
        .await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["result"], "saved");
    assert_eq!(saved["item"]["status"], "edited");
    assert!(
        ftl(&project).contains(
            "dosing-p1 = Duokite `dose_mg` pacientui, žr. [lapelį](https://example.org/leaflet)."
        ),
        "{}",
        ftl(&project)
    );
    let written = record(&project, "dosing-p1");
    for line in [
        "status = \"edited\"",
        "origin = \"human\"",
        "via = \"kurso review\"",
        "source = \"Give `dose_mg` to the patient, see [the leaflet](https://example.org/leaflet).\"",
    ] {
        assert!(written.contains(line), "{line} in\n{written}");
    }
    // The same text again, against the new version: nothing is written.
    let (before_ftl, before_state) = (ftl(&project), state(&project));
    let version = saved["item"]["version"].as_str().expect("version");
    let (status, again) = server
        .save(&csrf, "lt", "dosing-p1", version, "save", GOOD)
        .await;
    assert_eq!(status, 200, "{again}");
    assert_eq!(again["result"], "unchanged");
    assert_eq!((ftl(&project), state(&project)), (before_ftl, before_state));
    // Approve: the same text, now checked by a reviewer.
    let version = again["item"]["version"].as_str().expect("version");
    let (status, approved) = server
        .save(&csrf, "lt", "dosing-p1", version, "approve", GOOD)
        .await;
    assert_eq!(status, 200, "{approved}");
    assert_eq!(approved["item"]["status"], "reviewed");
    assert!(record(&project, "dosing-p1").contains("status = \"reviewed\""));
    assert!(record(&project, "dosing-p1").contains("origin = \"human\""));
    // Approving a machine draft as it is makes it a person's reviewed text, never `machine`.
    let draft = server.message("lt", "dosing-title").await;
    let text = draft["units"][0]["text"].as_str().expect("text").to_owned();
    let version = draft["version"].as_str().expect("version");
    let (status, approved) = server
        .save(&csrf, "lt", "dosing-title", version, "approve", &text)
        .await;
    assert_eq!(status, 200, "{approved}");
    let title = record(&project, "dosing-title");
    assert!(
        title.contains("status = \"reviewed\"") && title.contains("origin = \"human\""),
        "{title}"
    );
    // The queue no longer lists what is done.
    let (_, queue) = server.json("api/locale/lt/queue").await;
    assert_eq!(queue["shown"], 1, "{queue}");
}

#[tokio::test]
async fn a_save_that_breaks_a_placeable_is_refused_and_writes_nothing() {
    let project = project();
    let server = Server::start(&project, &[], &[]);
    let csrf = server.csrf("lt").await;
    let version = server.version("lt", "dosing-p1").await;
    let (before_ftl, before_state) = (ftl(&project), state(&project));
    for broken in [
        "Duokite pacientui, žr. ⟦2⟧lapelį⟦/2⟧.", // the inline code dropped
        "Duokite ⟦1⟧ ⟦1⟧, žr. ⟦2⟧lapelį⟦/2⟧.",   // repeated
        "Duokite ⟦1⟧, žr. ⟦2⟧lapelį.",           // a pair never closed
    ] {
        let (status, refused) = server
            .save(&csrf, "lt", "dosing-p1", &version, "save", broken)
            .await;
        assert_eq!(status, 422, "{broken}: {refused}");
        assert!(refused["error"].is_string(), "{refused}");
    }
    assert_eq!((ftl(&project), state(&project)), (before_ftl, before_state));
}

#[tokio::test]
async fn the_older_of_two_saves_is_refused_with_the_current_text() {
    let project = project();
    let server = Server::start(&project, &[], &[]);
    let csrf = server.csrf("lt").await;
    // Two reviewers open the same message.
    let version = server.version("lt", "dosing-p1").await;
    let (status, _) = server
        .save(&csrf, "lt", "dosing-p1", &version, "save", GOOD)
        .await;
    assert_eq!(status, 200);
    let after_first = ftl(&project);
    let other = "Pacientui duokite ⟦1⟧, žr. ⟦2⟧lapelį⟦/2⟧.";
    let (status, conflict) = server
        .save(&csrf, "lt", "dosing-p1", &version, "save", other)
        .await;
    assert_eq!(status, 409, "{conflict}");
    assert_eq!(conflict["item"]["units"][0]["text"], GOOD, "{conflict}");
    assert_eq!(ftl(&project), after_first, "the older save changed nothing");
    // An edit on disk (a `git pull`) is a newer version too, and shows on reload.
    let version = conflict["item"]["version"]
        .as_str()
        .expect("version")
        .to_owned();
    let pulled = after_first.replace(
        "Duokite `dose_mg` pacientui",
        "Duokite `dose_mg` pacientui iš karto",
    );
    project.write(&format!("locales/lt/{FILE}"), &pulled);
    let (status, conflict) = server
        .save(&csrf, "lt", "dosing-p1", &version, "save", other)
        .await;
    assert_eq!(status, 409, "{conflict}");
    assert!(
        conflict["item"]["units"][0]["text"]
            .as_str()
            .expect("text")
            .contains("iš karto")
    );
    assert_eq!(ftl(&project), pulled);
    let (_, page) = server.get("locale/lt?status=all").await;
    assert!(
        page.contains("pacientui iš karto"),
        "the reloaded page shows the pulled text"
    );
}

#[tokio::test]
async fn requests_without_the_pages_token_or_from_elsewhere_change_nothing() {
    let project = project();
    let server = Server::start(&project, &[], &[]);
    let csrf = server.csrf("lt").await;
    let version = server.version("lt", "dosing-p1").await;
    let body = json!({"file": FILE, "id": "dosing-p1", "version": version, "action": "save", "units": {"dosing-p1": GOOD}}).to_string();
    let before = (ftl(&project), state(&project));
    let origin = server.origin();
    let refusals: [(Option<&str>, Option<&str>, u16); 3] = [
        (None, Some(&origin), 403),                      // no CSRF header
        (Some("0000"), Some(&origin), 403),              // a wrong one
        (Some(&csrf), Some("http://evil.example"), 403), // another site's page
    ];
    for (token, from, expected) in refusals {
        let (status, refused) = server
            .post_raw("api/locale/lt/save", token, from, &body)
            .await;
        assert_eq!(status, expected, "{refused}");
        assert!(refused["error"].is_string(), "{refused}");
    }
    // A cross-site fetch as a browser labels it.
    let response = server
        .client
        .post(format!("{}api/locale/lt/save", server.url))
        .header("x-kurso-csrf", &csrf)
        .header("sec-fetch-site", "cross-site")
        .body(body.clone())
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status().as_u16(), 403);
    // DNS rebinding: another host name for 127.0.0.1.
    let response = server
        .client
        .get(format!("{}api/locale/lt/queue", server.url))
        .header("host", "evil.example")
        .send()
        .await
        .expect("GET");
    assert_eq!(response.status().as_u16(), 421);
    assert_eq!((ftl(&project), state(&project)), before);
}

#[tokio::test]
async fn malformed_bodies_and_unknown_messages_get_a_clear_4xx() {
    let project = project();
    let server = Server::start(&project, &[], &[]);
    let csrf = server.csrf("lt").await;
    let before = (ftl(&project), state(&project));
    let origin = server.origin();
    for (body, expected) in [
        ("not json", 400),
        ("{\"file\": 1}", 400),
        (&*json!({"file": FILE, "id": "dosing-p1", "version": "x", "action": "save", "units": {}, "extra": 1}).to_string(), 400),
        (&*json!({"file": FILE, "id": "dosing-p1", "version": "x", "action": "publish", "units": {}}).to_string(), 400),
        (&*json!({"file": FILE, "id": "nope", "version": "x", "action": "save", "units": {"nope": "a"}}).to_string(), 404),
        (&*json!({"file": "../../kurso.toml", "id": "dosing-p1", "version": "x", "action": "save", "units": {"dosing-p1": "a"}}).to_string(), 404),
        (&*json!({"file": "nursing/../nursing/01-dosing.ftl", "id": "dosing-p1", "version": "x", "action": "save", "units": {"dosing-p1": "a"}}).to_string(), 404),
    ] {
        let (status, answer) = server.post_raw("api/locale/lt/save", Some(&csrf), Some(&origin), body).await;
        assert_eq!(status, expected, "{body}: {answer}");
        assert!(answer["error"].is_string(), "{body}: {answer}");
    }
    // A unit the message does not have, and a missing one.
    let version = server.version("lt", "dosing-p1").await;
    let (status, _) = server
        .post("api/locale/lt/save", &csrf, &json!({"file": FILE, "id": "dosing-p1", "version": version, "action": "save", "units": {"dosing-p1": GOOD, "dosing-p1.title": "x"}}))
        .await;
    assert_eq!(status, 422);
    let (status, _) = server
        .post("api/locale/lt/save", &csrf, &json!({"file": FILE, "id": "dosing-p1", "version": version, "action": "save", "units": {}}))
        .await;
    assert_eq!(status, 422);
    let (status, _) = server.json("api/locale/xx/queue").await;
    assert_eq!(status, 404);
    let (status, _) = server
        .json(&format!("api/locale/lt/message?file={FILE}&id=nope"))
        .await;
    assert_eq!(status, 404);
    assert_eq!((ftl(&project), state(&project)), before);
}

#[tokio::test]
async fn each_token_reaches_only_its_locales() {
    let project = project();
    project.run_ok(&["translate", "--to", "el"]);
    let tokens = format!("ruta:lt:{TOKEN_LT} maria:el:{TOKEN_EL}");
    let server = Server::start(&project, &[], &[("KURSO_REVIEW_TOKENS", &tokens)]);
    // No token: the API says 401, a page sends to the login form.
    let (status, _) = server.json("api/locale/lt/queue").await;
    assert_eq!(status, 401);
    let response = server
        .client
        .get(format!("{}locale/lt", server.url))
        .send()
        .await
        .expect("GET");
    assert_eq!(response.status().as_u16(), 303);
    let bearer = |token: &str| format!("Bearer {token}");
    let get = |path: String, token: &str| {
        server
            .client
            .get(format!("{}{path}", server.url))
            .header("authorization", bearer(token))
            .send()
    };
    assert_eq!(
        get("api/locale/lt/queue".into(), TOKEN_LT)
            .await
            .expect("GET")
            .status()
            .as_u16(),
        200
    );
    assert_eq!(
        get("api/locale/el/queue".into(), TOKEN_LT)
            .await
            .expect("GET")
            .status()
            .as_u16(),
        403
    );
    assert_eq!(
        get("api/locale/lt/queue".into(), "wrong-token-0123456789x")
            .await
            .expect("GET")
            .status()
            .as_u16(),
        401
    );
    // A save with el's token into lt is refused; with lt's it is written, by name.
    let page = get("locale/lt".into(), TOKEN_LT)
        .await
        .expect("GET")
        .text()
        .await
        .expect("page");
    let csrf = crate::review_support::csrf_of(&page);
    let message: Value = get(
        format!("api/locale/lt/message?file={FILE}&id=dosing-p1"),
        TOKEN_LT,
    )
    .await
    .expect("GET")
    .json()
    .await
    .expect("json");
    let body = json!({"file": FILE, "id": "dosing-p1", "version": message["version"], "action": "save", "units": {"dosing-p1": GOOD}});
    let save = |token: &str, csrf: &str| {
        server
            .client
            .post(format!("{}api/locale/lt/save", server.url))
            .header("authorization", bearer(token))
            .header("x-kurso-csrf", csrf.to_owned())
            .header("origin", server.origin())
            .body(body.to_string())
            .send()
    };
    let before = (ftl(&project), state(&project));
    let el_page = get("locale/el".into(), TOKEN_EL)
        .await
        .expect("GET")
        .text()
        .await
        .expect("page");
    let el_csrf = crate::review_support::csrf_of(&el_page);
    assert_eq!(
        save(TOKEN_EL, &el_csrf)
            .await
            .expect("POST")
            .status()
            .as_u16(),
        403
    );
    // The page token of one reviewer is no good for another.
    assert_eq!(
        save(TOKEN_LT, &el_csrf)
            .await
            .expect("POST")
            .status()
            .as_u16(),
        403
    );
    assert_eq!((ftl(&project), state(&project)), before);
    assert_eq!(
        save(TOKEN_LT, &csrf).await.expect("POST").status().as_u16(),
        200
    );
    assert!(record(&project, "dosing-p1").contains("changed-by = \"ruta\""));
    // The login form sets the cookie the pages use.
    let response = server
        .client
        .post(format!("{}login", server.url))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("token={TOKEN_LT}"))
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status().as_u16(), 303);
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .expect("cookie")
        .to_owned();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let pair = cookie.split(';').next().expect("name=value").to_owned();
    let page = server
        .client
        .get(format!("{}locale/lt", server.url))
        .header("cookie", pair)
        .send()
        .await
        .expect("GET");
    assert_eq!(page.status().as_u16(), 200);
    let response = server
        .client
        .post(format!("{}login", server.url))
        .body("token=not-a-token")
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status().as_u16(), 401);
}
