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
        let written = if has_control(text) {
            let mut stdout = AutoStream::new(std::io::stdout().lock(), self.stdout);
            stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
        } else {
            // Nothing for anstream to strip (a JSON or SARIF report, plain text): its
            // byte-by-byte parser would cost more than the report took to render.
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(text.as_bytes())
                .and_then(|()| stdout.flush())
        };
        if written.is_err() {
            self.pipe_closed = true;
        }
    }

    /// [`Self::raw`] for a text in pieces (a rendered report), written one after another.
    pub fn raw_pieces(&mut self, pieces: &[String]) {
        for piece in pieces {
            self.raw(piece);
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

/// Whether `text` holds a byte anstream may strip: an escape or other control character
/// other than a blank (tab, line feed, form feed, carriage return), or DEL. Text without one
/// passes through anstream unchanged.
fn has_control(text: &str) -> bool {
    let control = |b: u8| (b < 0x20 && !b.is_ascii_whitespace()) || b == 0x7f;
    // Whole chunks without an early exit, so the compiler tests many bytes at once.
    text.as_bytes()
        .chunks(64)
        .any(|chunk| chunk.iter().fold(false, |found, &b| found | control(b)))
}

#[cfg(test)]
mod tests {
    use super::has_control;

    #[test]
    fn text_without_control_bytes_is_what_anstream_would_write() {
        let samples = [
            "plain\n",
            "{\"message\": \"tab\\t and \\u001b escaped\"}\n",
            "blanks \t\r\n\x0c and Ελληνικά, magyar ő, \u{9b} (a C1 CSI as a character)\n",
            "\x1b[1mbold\x1b[0m\n",
            "bell \x07 and DEL \x7f\n",
            "\x1b]8;;https://example.org\x1b\\link\x1b]8;;\x1b\\\n",
        ];
        for text in samples {
            let stripped = anstream::adapter::strip_str(text).to_string();
            if !has_control(text) {
                assert_eq!(stripped, text, "{text:?} would be changed by anstream");
            }
        }
        // And the escapes are seen, so coloured text still goes through anstream.
        assert!(has_control("\x1b[1mbold\x1b[0m"));
        assert!(has_control("DEL \x7f"));
        assert!(!has_control("plain \t text\r\n"));
    }
}
