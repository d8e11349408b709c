//! `kurso review` as a whole: every page and asset comes from the binary (no CDN, no external
//! font or script, and a Content-Security-Policy that lets the browser load nothing from
//! elsewhere), and review tokens come from `[review] tokens-file` as well as the environment
//! (there is no command-line flag for them: `review-help` shows the options).

use crate::review_support::{Server, project};

/// Every `src` and `href` of `page`'s elements.
fn references(page: &str) -> Vec<String> {
    let html = scraper::Html::parse_document(page);
    let selector = scraper::Selector::parse("[src], [href]").expect("selector");
    html.select(&selector)
        .flat_map(|e| [e.value().attr("src"), e.value().attr("href")])
        .flatten()
        .map(str::to_owned)
        .collect()
}

#[tokio::test]
async fn every_page_and_asset_is_served_by_the_binary_alone() {
    let project = project();
    let server = Server::start(&project, &[], &[]);
    let mut assets = Vec::new();
    for path in ["", "locale/lt?status=all", "status"] {
        let response = server
            .client
            .get(format!("{}{path}", server.url))
            .send()
            .await
            .expect("GET");
        assert_eq!(response.status().as_u16(), 200, "{path}");
        let policy = response.headers()["content-security-policy"]
            .to_str()
            .expect("ascii")
            .to_owned();
        assert!(
            policy.contains("default-src 'none'") && !policy.contains("http"),
            "{path}: the browser may load nothing from elsewhere: {policy}"
        );
        let page = response.text().await.expect("body");
        for reference in references(&page) {
            assert!(
                reference.starts_with('/')
                    || reference.starts_with('#')
                    || reference.starts_with('?'),
                "{path}: {reference} is not this server's"
            );
            if reference.starts_with("/assets/") {
                assets.push(reference);
            }
        }
    }
    assets.sort();
    assets.dedup();
    assert_eq!(assets, ["/assets/review.css", "/assets/review.js"]);
    for asset in assets {
        let (status, body) = server.get(asset.trim_start_matches('/')).await;
        assert_eq!(status, 200, "{asset}");
        for external in ["http://", "https://", "@import", "//fonts", "//cdn"] {
            assert!(!body.contains(external), "{asset} reaches out: {external}");
        }
    }
}

#[tokio::test]
async fn tokens_come_from_the_tokens_file_and_each_reaches_its_locales() {
    let project = project();
    let token = "ruta-file-token-0123456789";
    project.write(
        "kurso.toml",
        "source-locale = \"en\"\ntarget-locales = [\"lt\", \"el\"]\n\n[review]\ntokens-file = \"review-tokens.toml\"\n",
    );
    project.write(
        "review-tokens.toml",
        &format!("[tokens.ruta]\ntoken = \"{token}\"\nlocales = [\"lt\"]\n"),
    );
    let server = Server::start(&project, &[], &[]);
    let get = |path: &str, bearer: Option<&str>| {
        let mut request = server.client.get(format!("{}{path}", server.url));
        if let Some(bearer) = bearer {
            request = request.header("authorization", format!("Bearer {bearer}"));
        }
        request.send()
    };
    let status = |response: reqwest::Response| response.status().as_u16();
    assert_eq!(
        status(get("api/locale/lt/queue", None).await.expect("GET")),
        401
    );
    assert_eq!(
        status(get("api/locale/lt/queue", Some(token)).await.expect("GET")),
        200
    );
    assert_eq!(
        status(get("api/locale/el/queue", Some(token)).await.expect("GET")),
        403
    );
}
