//! `<!-- l10n: … -->` directives while walking a module: what waits for the next block, the
//! block each governs, and the mistakes reported with their position.

use super::{Governed, Walker};
use crate::diagnostic::Diagnostic;
use crate::segment::Pin;
use crate::segment::directive::{Directive, parse_directives};

impl Walker<'_> {
    /// Lets the directives waiting for the next block govern the block opening at `depth`.
    pub(super) fn open_governed(&mut self, depth: usize) {
        if std::mem::take(&mut self.text_next) && self.text_depth.is_none() {
            self.text_depth = Some(depth);
        }
        if self.skip_next.take().is_some() && self.skip_depth.is_none() {
            self.skip_depth = Some(depth);
            if let Some(pin) = self.pending_pin.take() {
                self.unused_pin(&pin);
            }
            self.pending_notes.clear();
        }
        if self.governed.is_none() && (self.pending_pin.is_some() || !self.pending_notes.is_empty())
        {
            self.governed = Some(Governed {
                depth,
                pin: self.pending_pin.take(),
                notes: std::mem::take(&mut self.pending_notes),
            });
        }
    }

    /// Ends what the directives of the block at `depth` governed.
    pub(super) fn close_governed(&mut self, depth: usize) {
        if self.text_depth == Some(depth) {
            self.text_depth = None;
        }
        if self.skip_depth == Some(depth) {
            self.skip_depth = None;
        }
        if self
            .governed
            .as_ref()
            .is_some_and(|governed| governed.depth == depth)
        {
            let governed = self.governed.take().expect("checked above");
            if let Some(pin) = governed.pin {
                self.unused_pin(&pin);
            }
        }
    }

    pub(super) fn skipping(&self) -> bool {
        self.skip_depth.is_some() || self.skip_region.is_some()
    }

    pub(super) fn directives(&mut self, html: &str, offset: usize) {
        for (at, directive) in parse_directives(html) {
            let at = offset + at;
            match directive {
                Err(message) => self.error(
                    at,
                    &message,
                    "known directives: skip, skip-start, skip-end, id=ID, note TEXT, text",
                ),
                Ok(Directive::Skip) => self.skip_next = Some(at),
                Ok(Directive::SkipStart) => {
                    if self.skip_region.is_some() {
                        self.error(
                            at,
                            "`skip-start` inside another `skip-start`",
                            "close the first region with `<!-- l10n: skip-end -->`",
                        );
                    } else {
                        self.skip_region = Some(at);
                    }
                }
                Ok(Directive::SkipEnd) => {
                    if self.skip_region.take().is_none() {
                        self.error(at, "`skip-end` without a `skip-start`", "add `<!-- l10n: skip-start -->` where the untranslated part begins, or remove this line");
                    }
                }
                Ok(Directive::Id(id)) => {
                    if let Some(previous) = self.pending_pin.take() {
                        self.unused_pin(&previous);
                    }
                    self.pending_pin = Some(Pin { id, offset: at });
                }
                Ok(Directive::Note(note)) => self.pending_notes.push(note),
                Ok(Directive::Text) => self.text_next = true,
            }
        }
    }

    pub(super) fn unused_pin(&mut self, pin: &Pin) {
        let diagnostic = Diagnostic::error_at(
            self.path,
            self.source,
            pin.offset,
            format!("`id={}` is not followed by translatable text", pin.id),
        )
        .with_help("put the directive directly above the paragraph, heading or list it names")
        .warning();
        self.diagnostics.push(diagnostic);
    }

    pub(super) fn error(&mut self, offset: usize, message: &str, help: &str) {
        self.diagnostics
            .push(Diagnostic::error_at(self.path, self.source, offset, message).with_help(help));
    }
}
