//! `kurso review`: loads the project and its review tokens, binds the address, prints the URL
//! and serves `kurso::review::server` until Ctrl-C.

use std::net::{Ipv4Addr, SocketAddr};
use std::path::Path;

use kurso::diagnostic::Diagnostic;
use kurso::review::server::{Shared, serve};
use kurso::review::tokens::{TOKENS_ENV, Tokens};
use kurso::review::workspace::Workspace;

use crate::ExitStatus;
use crate::args::GlobalArgs;
use crate::commands::{load_glossary, load_project, parse_targets, warn_source_drift};
use crate::output::Output;
use crate::review_args::ReviewArgs;

pub fn run(global: &GlobalArgs, args: &ReviewArgs, out: &mut Output) -> ExitStatus {
    let Some(project) = load_project(global, out) else {
        return ExitStatus::Failed;
    };
    let Some(locales) = parse_targets(&project, &args.locales, out) else {
        return ExitStatus::Failed;
    };
    if !warn_source_drift(&project, &args.courses, out) {
        return ExitStatus::Failed;
    }
    let tokens = match load_tokens(&project) {
        Ok(tokens) => tokens,
        Err(diagnostic) => {
            out.error(&diagnostic);
            return ExitStatus::Failed;
        }
    };
    let listen = args
        .listen
        .or(project.config.review.listen)
        .unwrap_or_else(|| SocketAddr::from((Ipv4Addr::LOCALHOST, 0)));
    if !listen.ip().is_loopback() && tokens.is_empty() {
        out.error(
            &Diagnostic::file_error(
                Path::new("--listen"),
                format!("{listen} is not a loopback address, and there are no review tokens"),
            )
            .with_help(format!(
                "a review page others can reach needs tokens: set {TOKENS_ENV} or `tokens-file` under [review] (see `kurso config --help`), or listen on 127.0.0.1"
            )),
        );
        return ExitStatus::Failed;
    }
    let glossary = load_glossary(&project, out);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(err) => {
            out.error(&Diagnostic::file_error(
                Path::new("kurso"),
                format!("cannot start the network runtime: {err}"),
            ));
            return ExitStatus::Failed;
        }
    };
    let listener = match runtime.block_on(tokio::net::TcpListener::bind(listen)) {
        Ok(listener) => listener,
        Err(err) => {
            out.error(
                &Diagnostic::file_error(
                    Path::new("--listen"),
                    format!("cannot listen on {listen}: {err}"),
                )
                .with_help("choose a free port, e.g. --listen 127.0.0.1:8750"),
            );
            return ExitStatus::Failed;
        }
    };
    let bound = listener.local_addr().unwrap_or(listen);
    let n_tokens = tokens.len();
    let workspace = Workspace::new(project, glossary, &locales, &args.courses);
    let shared = match Shared::new(workspace, tokens, bound) {
        Ok(shared) => shared,
        Err(err) => {
            out.error(&Diagnostic::file_error(
                Path::new("--listen"),
                err.to_string(),
            ));
            return ExitStatus::Failed;
        }
    };
    out.result(&format!("kurso review: http://{bound}/"));
    out.line(&if n_tokens == 0 {
        "open it in a browser on this computer; Ctrl-C stops".to_owned()
    } else {
        format!("{n_tokens} review token(s); each reviewer signs in at /login; Ctrl-C stops")
    });
    let served = runtime.block_on(serve(listener, shared, async {
        let _ = tokio::signal::ctrl_c().await;
    }));
    if let Err(err) = served {
        out.error(&Diagnostic::file_error(
            Path::new("--listen"),
            format!("the server stopped: {err}"),
        ));
        return ExitStatus::Failed;
    }
    ExitStatus::Clean
}

/// The review tokens of the environment and of `[review] tokens-file`.
fn load_tokens(project: &kurso::project::Project) -> Result<Tokens, Diagnostic> {
    let targets: Vec<String> = project
        .config
        .target_locales
        .iter()
        .map(ToString::to_string)
        .collect();
    let mut tokens = Tokens::default();
    if let Ok(value) = std::env::var(TOKENS_ENV) {
        tokens.add_env(&value, &targets)?;
    }
    if let Some(file) = &project.config.review.tokens_file {
        let path = project.root.join(file);
        let text = kurso::fsx::read_to_string(&path)
            .map_err(|err| Diagnostic::file_error(file, err.to_string()))?;
        tokens.add_file(file, &text, &targets)?;
    }
    Ok(tokens)
}
