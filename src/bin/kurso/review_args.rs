//! Arguments of `kurso review` (the review page in the browser).

use std::net::SocketAddr;

use clap::Args;

/// Serve the review page: what needs a person, with live checks, save and approve
///
/// Prints the address to open (default 127.0.0.1 and a free port, or `listen` under
/// [review] in kurso.toml); Ctrl-C stops. The queue per locale holds what needs a person:
/// missing along the fallback chain, machine drafts, stale translations (with the word diff
/// of the English), unverified ones and messages with check findings, filterable by course,
/// module, status and rule. Each message shows the English with its heading, the
/// translation or draft with its origin, a machine suggestion beside a person's stale
/// translation, the glossary terms and the findings. While you type, every `kurso check`
/// rule runs; an error blocks saving. Save writes the text as a person's (`edited`), approve
/// as checked (`reviewed`), through the same code as `kurso import`; a save against a
/// message that changed meanwhile is refused with the current text shown. /status shows the
/// status report.
///
/// An address beyond loopback needs review tokens, each limited to the locales it names:
/// from `KURSO_REVIEW_TOKENS` (`name:lt,el:token …`) or the file `tokens-file` under [review]
/// names, never from the command line.
///
/// Exit status: 0 stopped with Ctrl-C, 2 the server could not start (a non-loopback
/// address without tokens, a port in use, bad tokens).
#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Locales to review (default: every target locale)
    #[arg(long = "locale", value_name = "LOCALE")]
    pub locales: Vec<String>,

    /// Only this course; repeat for several
    #[arg(long = "course", value_name = "COURSE")]
    pub courses: Vec<String>,

    /// Address and port to listen on, e.g. 127.0.0.1:8750 (default: [review] listen, else
    /// 127.0.0.1 and a free port)
    #[arg(long, value_name = "ADDR:PORT")]
    pub listen: Option<SocketAddr>,
}
