//! The HTTP server that receives eTranslation's callbacks (`kurso etranslation-receiver`
//! runs it at the address `callback-url` points to).
//!
//! eTranslation POSTs a form (`application/x-www-form-urlencoded`) to the
//! `requesterCallback` with `request-id`, `target-language`, `translated-text` and
//! `external-reference`, once per target language; and to the `errorCallback` with
//! `request-id`, `target-languages`, `error-code`, `error-message` and
//! `external-reference`. Fields are read from the query string as well as the body, since
//! receivers in the wild see them in both. Any path is accepted: a callback is told apart by
//! its fields (`error-code` makes it an error), so one URL serves both and a reverse proxy
//! may add any prefix.
//!
//! Invariants: a callback reaches the [`CallbackSink`] only when it carries every field it
//! needs (else 400, and nothing is delivered); bodies are capped at [`MAX_BODY_BYTES`];
//! slow clients are cut off after [`HEADER_TIMEOUT`]; on shutdown no new connection is
//! accepted and requests in flight get [`SHUTDOWN_GRACE`] to finish.

use std::collections::HashMap;
use std::convert::Infallible;
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use http_body_util::{BodyExt as _, Full, LengthLimitError, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{CONTENT_TYPE, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;

/// Largest callback body accepted (a snippet is at most 5,000 characters).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// Time a client has to send its request headers.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(30);
/// Time requests in flight get to finish once shutdown is asked for.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Where callbacks go (the engine connects it to the journal). Called from the server's
/// tasks, so it must be quick or hand the work on.
pub trait CallbackSink: Send + Sync {
    /// A translation arrived for the request we tagged `external_reference`.
    fn received(&self, external_reference: &str, target: &str, text: &str);
    /// eTranslation could not translate the request tagged `external_reference`.
    fn failed(&self, external_reference: &str, code: &str, message: &str);
}

/// Serves eTranslation callbacks on `listener` until `shutdown` completes.
pub async fn serve_callbacks(
    listener: TcpListener,
    sink: Arc<dyn CallbackSink>,
    shutdown: impl Future,
) {
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = &mut shutdown => break,
        };
        let Ok((stream, _)) = accepted else {
            // Out of file descriptors and the like: wait, then accept again.
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let sink = Arc::clone(&sink);
        let service = service_fn(move |request| {
            let sink = Arc::clone(&sink);
            async move { Ok::<_, Infallible>(handle(request, sink.as_ref()).await) }
        });
        let connection = http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(HEADER_TIMEOUT)
            .serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that hangs up mid-request is its own problem.
            let _ = connection.await;
        });
    }
    drop(listener);
    let _ = tokio::time::timeout(SHUTDOWN_GRACE, graceful.shutdown()).await;
}

async fn handle(request: Request<Incoming>, sink: &dyn CallbackSink) -> Response<Full<Bytes>> {
    if request.method() != Method::POST {
        return reply(StatusCode::METHOD_NOT_ALLOWED, "callbacks are POSTed\n");
    }
    let mut fields: HashMap<String, String> = HashMap::new();
    if let Some(query) = request.uri().query() {
        fields.extend(form_urlencoded::parse(query.as_bytes()).into_owned());
    }
    let is_form = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_none_or(|value| {
            value
                .to_ascii_lowercase()
                .starts_with("application/x-www-form-urlencoded")
        });
    let body = match Limited::new(request.into_body(), MAX_BODY_BYTES)
        .collect()
        .await
    {
        Ok(collected) => collected.to_bytes(),
        Err(err) if err.downcast_ref::<LengthLimitError>().is_some() => {
            return reply(StatusCode::PAYLOAD_TOO_LARGE, "callback body too large\n");
        }
        Err(_) => return reply(StatusCode::BAD_REQUEST, "unreadable callback body\n"),
    };
    if is_form {
        fields.extend(form_urlencoded::parse(&body).into_owned());
    }
    match Callback::from_fields(&fields) {
        Ok(Callback::Translated {
            external_reference,
            target,
            text,
        }) => sink.received(external_reference, target, text),
        Ok(Callback::Failed {
            external_reference,
            code,
            message,
        }) => sink.failed(external_reference, code, message),
        Err(missing) => {
            return reply(
                StatusCode::BAD_REQUEST,
                &format!("not an eTranslation callback: missing `{missing}`\n"),
            );
        }
    }
    reply(StatusCode::OK, "")
}

/// One callback, read from its fields.
#[derive(Debug, PartialEq, Eq)]
enum Callback<'a> {
    Translated {
        external_reference: &'a str,
        target: &'a str,
        text: &'a str,
    },
    Failed {
        external_reference: &'a str,
        code: &'a str,
        message: &'a str,
    },
}

impl<'a> Callback<'a> {
    /// The callback `fields` describe, or the first required field they lack.
    fn from_fields(fields: &'a HashMap<String, String>) -> Result<Callback<'a>, &'static str> {
        let present = |name: &'static str| {
            fields
                .get(name)
                .map(String::as_str)
                .filter(|value| !value.trim().is_empty())
        };
        let required = |name: &'static str| present(name).ok_or(name);
        // The specification spells it `error_code` in one place; both are seen.
        if let Some(code) = present("error-code").or_else(|| present("error_code")) {
            return Ok(Callback::Failed {
                external_reference: required("external-reference")?,
                code,
                message: fields.get("error-message").map_or("", String::as_str),
            });
        }
        Ok(Callback::Translated {
            external_reference: required("external-reference")?,
            target: required("target-language")?,
            // An empty translation is still an answer (the mask check will flag it).
            text: fields
                .get("translated-text")
                .map(String::as_str)
                .ok_or("translated-text")?,
        })
    }
}

fn reply(status: StatusCode, text: &str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(text.to_owned())));
    *response.status_mut() = status;
    response.headers_mut().insert(
        CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> HashMap<String, String> {
        pairs
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect()
    }

    #[track_caller]
    fn check(pairs: &[(&str, &str)], expected: &Result<Callback<'_>, &'static str>) {
        let fields = fields(pairs);
        assert_eq!(&Callback::from_fields(&fields), expected);
    }

    #[test]
    fn reads_success_and_error_callbacks() {
        check(
            &[
                ("request-id", "42"),
                ("target-language", "LT"),
                ("translated-text", "Dozė"),
                ("external-reference", "kurso-1"),
            ],
            &Ok(Callback::Translated {
                external_reference: "kurso-1",
                target: "LT",
                text: "Dozė",
            }),
        );
        check(
            &[("error_code", "-20021"), ("external-reference", "kurso-2")],
            &Ok(Callback::Failed {
                external_reference: "kurso-2",
                code: "-20021",
                message: "",
            }),
        );
    }

    #[test]
    fn names_the_first_missing_field() {
        check(&[("translated-text", "x")], &Err("external-reference"));
        check(
            &[("external-reference", "r"), ("target-language", "LT")],
            &Err("translated-text"),
        );
        check(&[("error-code", "-1")], &Err("external-reference"));
        check(&[], &Err("external-reference"));
    }
}
