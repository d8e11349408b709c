//! What `kurso review` shows beside a message from the project's glossary and checks: the
//! concepts the English uses with the locale's approved and forbidden terms and the
//! do-not-translate names, and the queue's filter by the rule of a finding.

use serde_json::Value;

use crate::review_support::Server;
use crate::support::TestProject;

const FILE: &str = "c/01-a.ftl";

/// lt translations of three messages: one uses two glossary concepts, one has a dose that
/// differs from the English (a `numbers` error), one neither.
fn glossary_project() -> TestProject {
    TestProject::new()
        .file(
            "kurso.toml",
            "source-locale = \"en\"\ntarget-locales = [\"lt\"]\n",
        )
        .file(
            "glossaries/medical.csv",
            "id,en,lt,forbidden:lt,dnt,case-sensitive\n\
             informed-consent,informed consent,informuotas sutikimas,sutikimas be informacijos,,\n\
             epro,ePRO,ePRO,,yes,yes\n",
        )
        .file(
            &format!("locales/en/{FILE}"),
            "a-consent = Record the informed consent in ePRO.\n\
             b-dose = Give 5 mg twice a day.\n\
             c-hands = Wash your hands.\n",
        )
        .file(
            &format!("locales/lt/{FILE}"),
            "a-consent = Užregistruokite informuotą sutikimą ePRO sistemoje.\n\
             b-dose = Duokite 50 mg du kartus per dieną.\n\
             c-hands = Nusiplaukite rankas.\n",
        )
}

fn ids(queue: &Value) -> Vec<&str> {
    queue["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["id"].as_str().expect("id"))
        .collect()
}

#[tokio::test]
async fn a_message_shows_the_glossary_terms_its_english_uses() {
    let project = glossary_project();
    let server = Server::start(&project, &[], &[]);
    let message = server.message_in("lt", FILE, "a-consent").await;
    let terms = message["terms"].as_array().expect("terms");
    let consent = terms
        .iter()
        .find(|t| t["source"] == "informed consent")
        .unwrap_or_else(|| panic!("informed consent among {terms:?}"));
    assert_eq!(
        consent["approved"],
        serde_json::json!(["informuotas sutikimas"])
    );
    assert_eq!(
        consent["forbidden"],
        serde_json::json!(["sutikimas be informacijos"])
    );
    assert_eq!(consent["do_not_translate"], false);
    let epro = terms
        .iter()
        .find(|t| t["source"] == "ePRO")
        .unwrap_or_else(|| panic!("ePRO among {terms:?}"));
    assert_eq!(epro["do_not_translate"], true);
    assert_eq!(
        server.message_in("lt", FILE, "c-hands").await["terms"],
        serde_json::json!([])
    );
    // The page lists them under the message: approved, forbidden, kept as written.
    let (status, page) = server.get("locale/lt?status=all").await;
    assert_eq!(status, 200);
    let html = scraper::Html::parse_document(&page);
    let selector =
        scraper::Selector::parse("article[data-id=\"a-consent\"] .terms li").expect("selector");
    let shown: Vec<String> = html
        .select(&selector)
        .map(|li| li.text().collect::<String>())
        .collect();
    assert!(
        shown.iter().any(|t| t.contains("informed consent")
            && t.contains("→ informuotas sutikimas")
            && t.contains("not: sutikimas be informacijos")),
        "{shown:?}"
    );
    assert!(
        shown
            .iter()
            .any(|t| t.contains("ePRO") && t.contains("keep as written")),
        "{shown:?}"
    );
    let none = scraper::Selector::parse("article[data-id=\"c-hands\"] .terms").expect("selector");
    assert_eq!(html.select(&none).count(), 0);
}

#[tokio::test]
async fn the_queue_filters_by_the_rule_of_a_finding() {
    let project = glossary_project();
    let server = Server::start(&project, &[], &[]);
    let (status, numbers) = server
        .json("api/locale/lt/queue?status=all&rule=numbers")
        .await;
    assert_eq!(status, 200, "{numbers}");
    assert_eq!(ids(&numbers), ["b-dose"]);
    let (_, all) = server.json("api/locale/lt/queue?status=all").await;
    assert_eq!(ids(&all), ["a-consent", "b-dose", "c-hands"]);
    let (_, none) = server
        .json("api/locale/lt/queue?status=all&rule=no-such-rule")
        .await;
    assert_eq!(none["shown"], 0);
    // The page offers the rules the locale's findings have, and filters by one.
    let (_, page) = server.get("locale/lt?status=all&rule=numbers").await;
    let html = scraper::Html::parse_document(&page);
    let options = scraper::Selector::parse("select[name=rule] option").expect("selector");
    let rules: Vec<String> = html
        .select(&options)
        .map(|o| o.text().collect::<String>())
        .collect();
    assert!(rules.contains(&"numbers".to_owned()), "{rules:?}");
    let articles = scraper::Selector::parse("article.message").expect("selector");
    let shown: Vec<&str> = html
        .select(&articles)
        .filter_map(|a| a.value().attr("data-id"))
        .collect();
    assert_eq!(shown, ["b-dose"]);
}
