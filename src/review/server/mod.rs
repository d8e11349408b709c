//! The HTTP layer of `kurso review` (axum over hyper and tokio): pages, a JSON API and the
//! embedded assets, each handler one call into [`crate::review`].
//!
//! | route | what |
//! |---|---|
//! | `GET /` | the locales served, links to their queues and the status page |
//! | `GET /locale/{locale}?course=&module=&status=&rule=&page=` | the queue page (read from disk) |
//! | `GET /status` | `kurso status --format html` of the served locales |
//! | `GET /api/locale/{locale}/queue?…` | the queue as JSON |
//! | `GET /api/locale/{locale}/message?file=&id=` | one message as JSON |
//! | `POST /api/locale/{locale}/check` | `{file, id, units: {unit: text}}` → `{errors, warnings}` |
//! | `POST /api/locale/{locale}/save` | `{file, id, version, action: "save"\|"approve", units}` |
//! | `GET`/`POST /login` | the token form, when the server has tokens |
//!
//! A save answers 200 `{result: "saved"|"unchanged", item}`, 409 `{error, item}` (the
//! message changed since `version`; `item` is what is there now), 422 `{error}` (the text
//! fails a check or breaks a code), 404 for a message or locale not served, 403 for a locale
//! the token does not list, 400 for a body that is not what the route takes. Messages and
//! files are looked up in the loaded project by the names given, never joined into paths.
//! [`security`] guards every route. Work that reads or writes files runs on tokio's blocking
//! pool, one locale view at a time behind a mutex, so two saves never interleave.

mod api;
mod pages;
pub mod security;
pub mod view;

use std::collections::HashMap;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::tokens::Tokens;
use super::workspace::{LocaleView, Workspace};

/// Largest request body accepted (a message's text is a few kilobytes).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// What every handler shares.
pub struct Shared {
    pub(crate) workspace: Workspace,
    views: Mutex<HashMap<String, LocaleView>>,
    pub(crate) tokens: Tokens,
    /// Random per run: the CSRF tokens are digests of it.
    pub(crate) secret: [u8; 32],
    pub(crate) loopback: bool,
    /// `127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT`: the Host headers a loopback server
    /// answers.
    pub(crate) loopback_hosts: Vec<String>,
    pub(crate) templates: minijinja::Environment<'static>,
}

pub type AppState = Arc<Shared>;

/// Why a server cannot start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error(
        "{0} is not a loopback address: a review server reachable from other computers needs review tokens"
    )]
    NoTokens(SocketAddr),
    #[error("no random numbers for the page tokens: {0}")]
    Random(String),
}

impl Shared {
    /// The shared state of a server listening at `addr`. A non-loopback address without
    /// tokens is refused.
    pub fn new(
        workspace: Workspace,
        tokens: Tokens,
        addr: SocketAddr,
    ) -> Result<Shared, StartError> {
        let loopback = addr.ip().is_loopback();
        if !loopback && tokens.is_empty() {
            return Err(StartError::NoTokens(addr));
        }
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret).map_err(|err| StartError::Random(err.to_string()))?;
        let port = addr.port();
        Ok(Shared {
            workspace,
            views: Mutex::new(HashMap::new()),
            tokens,
            secret,
            loopback,
            loopback_hosts: vec![
                format!("127.0.0.1:{port}"),
                format!("localhost:{port}"),
                format!("[::1]:{port}"),
            ],
            templates: pages::templates(),
        })
    }

    /// Runs `f` on the view of `locale`, read from disk first when `reload` or not loaded
    /// yet; `None` when the locale is not served.
    pub(crate) fn with_view<T>(
        &self,
        locale: &str,
        reload: bool,
        f: impl FnOnce(&mut LocaleView) -> T,
    ) -> Option<T> {
        let mut views = self
            .views
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if reload || !views.contains_key(locale) {
            let view = self.workspace.load(locale)?;
            views.insert(locale.to_owned(), view);
        }
        views.get_mut(locale).map(f)
    }
}

/// The routes, guarded by [`security::guard`].
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/", get(pages::index))
        .route("/status", get(pages::status))
        .route("/login", get(pages::login_form).post(pages::login))
        .route("/locale/{locale}", get(pages::queue))
        .route("/assets/review.css", get(pages::css))
        .route("/assets/review.js", get(pages::js))
        .route("/api/locale/{locale}/queue", get(api::queue))
        .route("/api/locale/{locale}/message", get(api::message))
        .route("/api/locale/{locale}/check", post(api::check))
        .route("/api/locale/{locale}/save", post(api::save))
        .fallback(|| async { json_error(StatusCode::NOT_FOUND, "no such page") })
        .layer(axum::extract::DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            security::guard,
        ))
        .with_state(state)
}

/// Serves `workspace` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    shared: Shared,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(Arc::new(shared)))
        .with_graceful_shutdown(shutdown)
        .await
}

/// `{"error": message}` with `status`.
pub(crate) fn json_error(status: StatusCode, message: &str) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        serde_json::json!({ "error": message }).to_string(),
    )
        .into_response()
}
