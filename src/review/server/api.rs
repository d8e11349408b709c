//! The JSON API the page calls (and scripts may): the queue, one message, the live check and
//! save. Bodies are parsed here, strictly (`deny_unknown_fields`), so a malformed one is a 400
//! that names the problem.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::Extension;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use serde_json::json;

use super::security::Caller;
use super::view::ItemView;
use super::{AppState, json_error};
use crate::review::item::{Item, ItemStatus};
use crate::review::save::{Action, SaveOutcome, SaveRequest};
use crate::review::workspace::LocaleView;

/// The queue's filters (query parameters of the queue page and API).
#[derive(Debug, Default, Clone, Deserialize)]
pub struct Filter {
    pub course: Option<String>,
    pub module: Option<String>,
    /// A status, `all`, or nothing: what needs a person.
    pub status: Option<String>,
    pub rule: Option<String>,
    pub page: Option<String>,
}

fn nonempty(value: Option<&String>) -> Option<&str> {
    value.map(String::as_str).filter(|v| !v.is_empty())
}

impl Filter {
    /// The items of `view` the filter selects, in file order; `Err` for a status that is not
    /// one.
    pub fn select<'v>(&self, view: &'v LocaleView) -> Result<Vec<&'v Item>, String> {
        let status = match nonempty(self.status.as_ref()) {
            None | Some("queue") => None,
            Some("all") => Some(None),
            Some(name) => Some(Some(ItemStatus::parse(name).ok_or_else(|| {
                format!("`{name}` is not a status: use missing, machine, stale, unverified, edited, reviewed, approved or all")
            })?)),
        };
        let course = nonempty(self.course.as_ref());
        let module = nonempty(self.module.as_ref());
        let rule = nonempty(self.rule.as_ref());
        Ok(view
            .items
            .iter()
            .filter(|item| match status {
                None => item.in_queue(),
                Some(None) => true,
                Some(Some(status)) => item.status == status,
            })
            .filter(|item| course.is_none_or(|c| item.course == c))
            .filter(|item| module.is_none_or(|m| item.module == m))
            .filter(|item| rule.is_none_or(|r| item.findings.iter().any(|f| f.rule == r)))
            .collect())
    }
}

pub(crate) fn json_ok(status: StatusCode, value: &serde_json::Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        value.to_string(),
    )
        .into_response()
}

/// 403 when the caller's token does not list `locale`.
pub(crate) fn refuse_locale(caller: &Caller, locale: &str) -> Option<Response> {
    (!caller.may(locale)).then(|| {
        json_error(
            StatusCode::FORBIDDEN,
            &format!("your review token does not cover `{locale}`"),
        )
    })
}

pub(crate) fn no_locale(locale: &str) -> Response {
    json_error(
        StatusCode::NOT_FOUND,
        &format!("`{locale}` is not a locale this server reviews"),
    )
}

/// Runs blocking work (file reads and writes) off the async threads.
pub(crate) async fn blocking<T: Send + 'static>(
    state: &AppState,
    work: impl FnOnce(&super::Shared) -> T + Send + 'static,
) -> T {
    let state = Arc::clone(state);
    tokio::task::spawn_blocking(move || work(&state))
        .await
        .expect("review work does not panic")
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
    let name = locale.clone();
    let answer = blocking(&state, move |shared| {
        shared.with_view(&name, true, |view| {
            let items = filter.select(view)?;
            let progress: BTreeMap<&str, usize> = view
                .progress()
                .into_iter()
                .map(|(status, n)| (status.as_str(), n))
                .collect();
            Ok::<_, String>(json!({
                "locale": view.locale,
                "total": view.items.len(),
                "progress": progress,
                "shown": items.len(),
                "items": items.iter().map(|item| json!({
                    "file": item.file,
                    "id": item.id,
                    "course": item.course,
                    "module": item.module,
                    "status": item.status.as_str(),
                    "needs": item.needs(),
                    "version": item.version,
                })).collect::<Vec<_>>(),
            }))
        })
    })
    .await;
    match answer {
        None => no_locale(&locale),
        Some(Err(reason)) => json_error(StatusCode::BAD_REQUEST, &reason),
        Some(Ok(value)) => json_ok(StatusCode::OK, &value),
    }
}

#[derive(Debug, Deserialize)]
pub struct MessageQuery {
    file: String,
    id: String,
}

pub async fn message(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(locale): Path<String>,
    Query(query): Query<MessageQuery>,
) -> Response {
    if let Some(refused) = refuse_locale(&caller, &locale) {
        return refused;
    }
    let name = locale.clone();
    let answer = blocking(&state, move |shared| {
        shared.with_view(&name, false, |view| {
            view.item(&query.file, &query.id)
                .map(|item| serde_json::to_value(ItemView::new(item)).expect("serializes"))
        })
    })
    .await;
    match answer {
        None => no_locale(&locale),
        Some(None) => json_error(StatusCode::NOT_FOUND, "no such message in this locale"),
        Some(Some(value)) => json_ok(StatusCode::OK, &value),
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CheckBody {
    file: String,
    id: String,
    units: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SaveBody {
    file: String,
    id: String,
    version: String,
    action: SaveAction,
    units: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
enum SaveAction {
    Save,
    Approve,
}

fn parse_body<T: serde::de::DeserializeOwned>(body: &Bytes) -> Result<T, Response> {
    serde_json::from_slice(body).map_err(|err| {
        json_error(
            StatusCode::BAD_REQUEST,
            &format!("the request body is not what this route takes: {err}"),
        )
    })
}

pub async fn check(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(locale): Path<String>,
    body: Bytes,
) -> Response {
    if let Some(refused) = refuse_locale(&caller, &locale) {
        return refused;
    }
    let body: CheckBody = match parse_body(&body) {
        Ok(body) => body,
        Err(response) => return response,
    };
    let name = locale.clone();
    let answer = blocking(&state, move |shared| {
        shared.with_view(&name, false, |view| {
            view.check_text(&body.file, &body.id, &body.units)
        })
    })
    .await;
    match answer {
        None => no_locale(&locale),
        Some(None) => json_error(StatusCode::NOT_FOUND, "no such message in this locale"),
        Some(Some(result)) => json_ok(
            StatusCode::OK,
            &json!({
                "ok": result.errors.is_empty(),
                "errors": result.errors,
                "warnings": result.warnings,
            }),
        ),
    }
}

pub async fn save(
    State(state): State<AppState>,
    Extension(caller): Extension<Caller>,
    Path(locale): Path<String>,
    body: Bytes,
) -> Response {
    if let Some(refused) = refuse_locale(&caller, &locale) {
        return refused;
    }
    let body: SaveBody = match parse_body(&body) {
        Ok(body) => body,
        Err(response) => return response,
    };
    let request = SaveRequest {
        file: body.file,
        id: body.id,
        version: body.version,
        action: match body.action {
            SaveAction::Save => Action::Save,
            SaveAction::Approve => Action::Approve,
        },
        units: body.units,
        reviewer: caller.name(),
    };
    let name = locale.clone();
    let outcome = blocking(&state, move |shared| {
        shared.with_view(&name, false, |view| view.save(&request))
    })
    .await;
    let item = |item: &Item| serde_json::to_value(ItemView::new(item)).expect("serializes");
    match outcome {
        None => no_locale(&locale),
        Some(SaveOutcome::Saved(saved)) => json_ok(
            StatusCode::OK,
            &json!({ "result": "saved", "item": item(&saved) }),
        ),
        Some(SaveOutcome::Unchanged(same)) => json_ok(
            StatusCode::OK,
            &json!({ "result": "unchanged", "item": item(&same) }),
        ),
        Some(SaveOutcome::Conflict(current)) => json_ok(
            StatusCode::CONFLICT,
            &json!({
                "error": "this message changed since you opened it (another reviewer, or an edit on disk): its current text is shown; nothing was saved",
                "item": item(&current),
            }),
        ),
        Some(SaveOutcome::Refused(reason)) => json_error(StatusCode::UNPROCESSABLE_ENTITY, &reason),
        Some(SaveOutcome::NotFound) => {
            json_error(StatusCode::NOT_FOUND, "no such message in this locale")
        }
        Some(SaveOutcome::Failed(reason)) => json_error(StatusCode::INTERNAL_SERVER_ERROR, &reason),
    }
}
