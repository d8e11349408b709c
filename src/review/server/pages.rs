//! The HTML pages (minijinja templates, escaped by default) and the embedded assets. Pages
//! are rendered on the server from the same [`ItemView`]s the API returns, so a page without
//! its script still shows everything; `review.js` adds the live check, save, approve and the
//! keyboard.

use std::sync::Arc;

use axum::Extension;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{Html, IntoResponse, Redirect, Response};
use serde_json::json;

use super::api::{Filter, blocking, no_locale, refuse_locale};
use super::security::{COOKIE, Caller, csrf_token};
use super::view::ItemView;
use super::{AppState, json_error};
use crate::review::item::ItemStatus;

/// Messages per queue page.
pub const PAGE_SIZE: usize = 50;

const QUEUE: &str = include_str!("../assets/queue.html");
const INDEX: &str = include_str!("../assets/index.html");
const LOGIN: &str = include_str!("../assets/login.html");
const CSS: &str = include_str!("../assets/review.css");
const JS: &str = include_str!("../assets/review.js");

pub(crate) fn templates() -> minijinja::Environment<'static> {
    let mut env = minijinja::Environment::new();
    for (name, source) in [
        ("queue.html", QUEUE),
        ("index.html", INDEX),
        ("login.html", LOGIN),
    ] {
        env.add_template(name, source)
            .expect("the embedded templates are valid");
    }
    env
}

fn render(state: &AppState, name: &str, context: &serde_json::Value) -> Response {
    match state
        .templates
        .get_template(name)
        .and_then(|template| template.render(minijinja::value::Serde(context)))
    {
        Ok(html) => Html(html).into_response(),
        Err(err) => json_error(
            StatusCode::INTERNAL_SERVER_ERROR,
            &format!("the page could not be rendered: {err}"),
        ),
    }
}

pub async fn css() -> Response {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8")], CSS).into_response()
}

pub async fn js() -> Response {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8")],
        JS,
    )
        .into_response()
}

pub async fn index(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Response {
    let locales: Vec<String> = state
        .workspace
        .locales()
        .into_iter()
        .filter(|l| caller.may(l))
        .collect();
    render(
        &state,
        "index.html",
        &json!({
            "locales": locales,
            "reviewer": caller.name(),
            "csrf": csrf_token(&state.secret, &caller),
        }),
    )
}

pub async fn queue(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(locale): Path<String>,
    Query(filter): Query<Filter>,
) -> Response {
    if let Some(refused) = refuse_locale(&caller, &locale) {
        return refused;
    }
    let page: usize = match filter.page.as_deref().filter(|p| !p.is_empty()) {
        None => 1,
        Some(text) => match text.parse() {
            Ok(page) if page >= 1 => page,
            _ => return json_error(StatusCode::BAD_REQUEST, "`page` is a number from 1"),
        },
    };
    let name = locale.clone();
    let shared = Arc::clone(&state);
    let context = blocking(&state, move |shared_state| {
        shared_state.with_view(&name, true, |view| {
            let selected = filter.select(view)?;
            let total = view.items.len();
            let progress = view.progress();
            let pages = selected.len().div_ceil(PAGE_SIZE).max(1);
            let page = page.min(pages);
            let shown: Vec<ItemView> = selected
                .iter()
                .skip((page - 1) * PAGE_SIZE)
                .take(PAGE_SIZE)
                .map(|item| ItemView::new(item))
                .collect();
            let mut courses: Vec<&str> = view.items.iter().map(|i| i.course.as_str()).collect();
            courses.dedup();
            let mut modules: Vec<&str> = view.items.iter().map(|i| i.module.as_str()).collect();
            modules.sort_unstable();
            modules.dedup();
            let mut rules: Vec<&str> = view
                .items
                .iter()
                .flat_map(|i| i.findings.iter().map(|f| f.rule.as_str()))
                .collect();
            rules.sort_unstable();
            rules.dedup();
            let percent = |n: usize| {
                if total == 0 {
                    0.0
                } else {
                    // Counts of messages: far below 2^52.
                    #[allow(clippy::cast_precision_loss)]
                    let share = n as f64 * 100.0 / total as f64;
                    (share * 10.0).round() / 10.0
                }
            };
            let done: usize = progress
                .iter()
                .filter(|(status, _)| status.is_done())
                .map(|(_, n)| n)
                .sum();
            let query = |page: usize| {
                let mut pairs = form_urlencoded::Serializer::new(String::new());
                for (key, value) in [
                    ("course", &filter.course),
                    ("module", &filter.module),
                    ("status", &filter.status),
                    ("rule", &filter.rule),
                ] {
                    if let Some(value) = value.as_deref().filter(|v| !v.is_empty()) {
                        pairs.append_pair(key, value);
                    }
                }
                pairs.append_pair("page", &page.to_string());
                format!("?{}", pairs.finish())
            };
            Ok::<_, String>(json!({
                "locale": view.locale,
                "locales": shared.workspace.locales().into_iter().filter(|l| caller.may(l)).collect::<Vec<_>>(),
                "reviewer": caller.name(),
                "csrf": csrf_token(&shared.secret, &caller),
                "filter": {
                    "course": filter.course, "module": filter.module,
                    "status": filter.status, "rule": filter.rule,
                },
                "courses": courses,
                "modules": modules,
                "rules": rules,
                "statuses": ItemStatus::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
                "total": total,
                "done": done,
                "done_percent": percent(done),
                "bar": ItemStatus::ALL.iter().map(|s| {
                    let n = progress.get(s).copied().unwrap_or(0);
                    json!({"status": s.as_str(), "count": n, "percent": percent(n)})
                }).collect::<Vec<_>>(),
                "selected": selected.len(),
                "page": page,
                "pages": pages,
                "previous": (page > 1).then(|| query(page - 1)),
                "next": (page < pages).then(|| query(page + 1)),
                "items": shown,
                "diagnostics": view.diagnostics.iter().map(ToString::to_string).collect::<Vec<_>>(),
            }))
        })
    })
    .await;
    match context {
        None => no_locale(&locale),
        Some(Err(reason)) => json_error(StatusCode::BAD_REQUEST, &reason),
        Some(Ok(context)) => render(&state, "queue.html", &context),
    }
}

pub async fn status(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
) -> Response {
    if let Some(reviewer) = &caller.reviewer
        && reviewer.locales.is_some()
    {
        // The report covers every served locale; a token limited to some does not see it.
        return json_error(
            StatusCode::FORBIDDEN,
            "the status page covers every locale; your review token covers only some",
        );
    }
    let html = blocking(&state, |shared| {
        let report = shared.workspace.status_report();
        crate::status::html::render_status_html(
            &report,
            &crate::status::html::HtmlOptions::default(),
        )
    })
    .await;
    (
        [(
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
        )],
        Html(html),
    )
        .into_response()
}

pub async fn login_form(State(state): State<AppState>) -> Response {
    render(&state, "login.html", &json!({ "error": null }))
}

pub async fn login(State(state): State<AppState>, body: Bytes) -> Response {
    let token = form_urlencoded::parse(&body)
        .find(|(key, _)| key == "token")
        .map(|(_, value)| value.trim().to_owned())
        .unwrap_or_default();
    if state.tokens.find(&token).is_none() {
        let mut page = render(
            &state,
            "login.html",
            &json!({ "error": "That token is not one of this server's review tokens." }),
        );
        *page.status_mut() = StatusCode::UNAUTHORIZED;
        return page;
    }
    (
        [(
            header::SET_COOKIE,
            format!("{COOKIE}={token}; HttpOnly; SameSite=Strict; Path=/"),
        )],
        Redirect::to("/"),
    )
        .into_response()
}
