//! Where the binary writes: results to stdout, diagnostics to stderr, both through anstream,
//! which passes ANSI styles to a terminal that can show them and strips them everywhere else.
//! A closed pipe (`kurso … | head`) ends output quietly instead of panicking.
//!
//! Colour follows `--color`: `auto` (the default) colours a stream when it is a terminal that
//! can colour (not `TERM=dumb`), unless `NO_COLOR` is set or `CLICOLOR=0`; `CLICOLOR_FORCE=1`
//! colours even a pipe; `always` and `never` override all of that. Tests and pipes get plain,
//! deterministic text.

use std::io::Write as _;

use anstream::{AutoStream, ColorChoice};
use kurso::diagnostic::Diagnostic;

use crate::args::ColorArg;

pub struct Output {
    quiet: bool,
    pipe_closed: bool,
    stdout: ColorChoice,
    stderr: ColorChoice,
}

impl Output {
    pub fn new(quiet: bool, color: ColorArg) -> Self {
        match color {
            ColorArg::Auto => {}
            ColorArg::Always => ColorChoice::Always.write_global(),
            ColorArg::Never => ColorChoice::Never.write_global(),
        }
        Output {
            quiet,
            pipe_closed: false,
            stdout: AutoStream::choice(&std::io::stdout()),
            stderr: AutoStream::choice(&std::io::stderr()),
        }
    }

    /// Whether what goes to stdout is shown in colour (renderers style only then).
    pub fn color(&self) -> bool {
        self.stdout != ColorChoice::Never
    }

    /// A line of normal output (suppressed by --quiet).
    pub fn line(&mut self, text: &str) {
        if !self.quiet {
            self.result(text);
        }
    }

    /// A line of output that is the point of the command (printed even with --quiet).
    pub fn result(&mut self, text: &str) {
        self.raw(&format!("{text}\n"));
    }

    /// Text that is already complete (ends with a newline when not empty), e.g. a rendered
    /// report; printed even with --quiet.
    pub fn raw(&mut self, text: &str) {
        if self.pipe_closed || text.is_empty() {
            return;
        }
        let mut stdout = AutoStream::new(std::io::stdout().lock(), self.stdout);
        if stdout.write_all(text.as_bytes()).is_err() || stdout.flush().is_err() {
            self.pipe_closed = true;
        }
    }

    /// Problems with the input, rendered with their snippets, on stderr; a blank line after
    /// each one that takes several lines.
    pub fn diagnostics(&mut self, diagnostics: &[Diagnostic]) {
        let color = self.stderr != ColorChoice::Never;
        let mut stderr = AutoStream::new(std::io::stderr().lock(), self.stderr);
        for (index, diagnostic) in diagnostics.iter().enumerate() {
            let text = diagnostic.render(color);
            let gap = text.contains('\n') && index + 1 < diagnostics.len();
            let _ = writeln!(stderr, "{text}{}", if gap { "\n" } else { "" });
        }
    }

    /// A one-line error about the run itself.
    pub fn error(&mut self, diagnostic: &Diagnostic) {
        self.diagnostics(std::slice::from_ref(diagnostic));
    }

    /// A note about the run on stderr (e.g. that hidden findings fail it); shown even with
    /// --quiet, since it explains the exit status.
    pub fn note(&mut self, text: &str) {
        let mut stderr = AutoStream::new(std::io::stderr().lock(), self.stderr);
        let _ = writeln!(stderr, "note: {text}");
    }
}
