//! Where the binary writes: results to stdout, diagnostics to stderr.
//! A closed pipe (`kurso … | head`) ends output quietly instead of panicking.

use std::io::Write as _;

use kurso::diagnostic::Diagnostic;

pub struct Output {
    quiet: bool,
    pipe_closed: bool,
}

impl Output {
    pub fn new(quiet: bool) -> Self {
        Output {
            quiet,
            pipe_closed: false,
        }
    }

    /// A line of normal output (suppressed by --quiet).
    pub fn line(&mut self, text: &str) {
        if !self.quiet {
            self.result(text);
        }
    }

    /// A line of output that is the point of the command (printed even with --quiet).
    pub fn result(&mut self, text: &str) {
        if self.pipe_closed {
            return;
        }
        let mut stdout = std::io::stdout().lock();
        if writeln!(stdout, "{text}").is_err() {
            self.pipe_closed = true;
        }
    }

    /// Text that is already complete (ends with a newline when not empty), e.g. a rendered
    /// report; printed even with --quiet.
    pub fn raw(&mut self, text: &str) {
        if self.pipe_closed || text.is_empty() {
            return;
        }
        let mut stdout = std::io::stdout().lock();
        if stdout.write_all(text.as_bytes()).is_err() {
            self.pipe_closed = true;
        }
    }

    #[allow(
        clippy::unused_self,
        reason = "all output goes through `Output`, so it can later colour it"
    )]
    pub fn diagnostics(&mut self, diagnostics: &[Diagnostic]) {
        let mut stderr = std::io::stderr().lock();
        for diagnostic in diagnostics {
            let _ = writeln!(stderr, "{diagnostic}");
        }
    }

    /// A one-line error about the run itself.
    pub fn error(&mut self, diagnostic: &Diagnostic) {
        self.diagnostics(std::slice::from_ref(diagnostic));
    }
}
