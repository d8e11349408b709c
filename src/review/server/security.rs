//! Who may ask what of the review server, checked before any handler runs.
//!
//! - **Host**: on a loopback address only `127.0.0.1:PORT`, `localhost:PORT` and `[::1]:PORT`
//!   are answered, so a web page cannot reach the server through a DNS name of its own
//!   (DNS rebinding).
//! - **Tokens**: when the server has review tokens, every request but the login page and the
//!   static assets carries one, as `Authorization: Bearer …` or the `kurso-review` cookie the
//!   login form sets (`HttpOnly`, `SameSite=Strict`); the reviewer it names may use only the
//!   locales the token lists (checked per request by the handlers).
//! - **CSRF**: a request that changes or checks anything (every `POST` but the login form)
//!   must carry the page's token in `X-Kurso-Csrf` (a digest of the server's random secret and
//!   the reviewer, which a page of another site cannot read), and an `Origin` or
//!   `Sec-Fetch-Site`, when the browser sends them, of this same site.
//!
//! Refusals are JSON `{"error": …}` with 400, 401, 403 or 421, and change nothing.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use sha2::{Digest, Sha256};

use super::{AppState, json_error};
use crate::review::item::hex;
use crate::review::tokens::Reviewer;

/// The header a state-changing request carries the page's CSRF token in.
pub const CSRF_HEADER: &str = "x-kurso-csrf";
/// The cookie the login form sets.
pub const COOKIE: &str = "kurso-review";

/// Who is asking (in the request's extensions once [`guard`] let it through).
#[derive(Debug, Clone)]
pub struct Caller {
    /// `None` on a loopback server without tokens: the person at this computer.
    pub reviewer: Option<Reviewer>,
}

impl Caller {
    pub fn may(&self, locale: &str) -> bool {
        self.reviewer.as_ref().is_none_or(|r| r.may(locale))
    }

    pub fn name(&self) -> Option<String> {
        self.reviewer.as_ref().map(|r| r.name.clone())
    }
}

/// The CSRF token of the pages served to `caller`.
pub fn csrf_token(secret: &[u8; 32], caller: &Caller) -> String {
    let mut hasher = Sha256::new();
    hasher.update(secret);
    hasher.update(b"\0csrf\0");
    hasher.update(caller.name().unwrap_or_default().as_bytes());
    hex(&hasher.finalize()[..16])
}

/// The middleware: Host, then the token, then CSRF; the caller goes into the extensions.
pub async fn guard(State(state): State<AppState>, mut request: Request, next: Next) -> Response {
    let headers = request.headers();
    let Some(host) = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(str::to_owned)
    else {
        return json_error(StatusCode::BAD_REQUEST, "the request has no Host header");
    };
    if state.loopback && !state.loopback_hosts.contains(&host) {
        return json_error(
            StatusCode::MISDIRECTED_REQUEST,
            &format!("this server answers only at {}", state.loopback_hosts[0]),
        );
    }
    let path = request.uri().path().to_owned();
    let open = path.starts_with("/assets/") || path == "/login";
    let caller = if state.tokens.is_empty() {
        Caller { reviewer: None }
    } else {
        match presented_token(headers).and_then(|token| state.tokens.find(&token)) {
            Some(reviewer) => Caller {
                reviewer: Some(reviewer.clone()),
            },
            None if open => Caller { reviewer: None },
            None if request.method() == Method::GET && !path.starts_with("/api/") => {
                return Redirect::to("/login").into_response();
            }
            None => {
                return json_error(
                    StatusCode::UNAUTHORIZED,
                    "a review token is needed: log in at /login, or send `Authorization: Bearer <token>`",
                );
            }
        }
    };
    if request.method() != Method::GET && request.method() != Method::HEAD {
        if let Err(reason) = same_site(headers, &host) {
            return json_error(StatusCode::FORBIDDEN, &reason);
        }
        let expected = csrf_token(&state.secret, &caller);
        let sent = headers.get(CSRF_HEADER).and_then(|v| v.to_str().ok());
        if path != "/login" && sent != Some(expected.as_str()) {
            return json_error(
                StatusCode::FORBIDDEN,
                "missing or wrong X-Kurso-Csrf header: reload the page and try again",
            );
        }
    }
    request.extensions_mut().insert(caller);
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        header::HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        header::HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        header::X_FRAME_OPTIONS,
        header::HeaderValue::from_static("DENY"),
    );
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(header::HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ));
    headers.insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}

/// The token of `Authorization: Bearer …` or of the login cookie.
fn presented_token(headers: &HeaderMap) -> Option<String> {
    if let Some(bearer) = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
    {
        return Some(bearer.trim().to_owned());
    }
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.to_owned())
}

/// A browser says where a request comes from; it must be this site.
fn same_site(headers: &HeaderMap, host: &str) -> Result<(), String> {
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        let expected = format!("http://{host}");
        if origin != expected {
            return Err(format!(
                "a request from {origin} is refused: only pages of {expected} may change anything"
            ));
        }
    }
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && site != "same-origin"
        && site != "none"
    {
        return Err(format!(
            "a {site} request is refused: only this site's pages may change anything"
        ));
    }
    Ok(())
}
