//! `structure`: a translation that would change the Markdown structure of the built module.
//!
//! Not a pair rule: whether a translation keeps the structure depends on where the build
//! splices it (an alt text, a table cell, a list item), so the engine hands this rule every
//! translated message of one file with the source module it belongs to
//! ([`crate::build::SourceModule`]), and the rule asks the module, which splices them as the
//! build does and parses the result with the build's parser. Only in a kurso project, where
//! the source modules are known; `--reference/--l10n` runs skip it.

use super::{MessagePair, Rule};
use crate::build::SourceModule;
use crate::check::finding::{Finding, Level};
use crate::fluent::pattern_to_string;
use crate::segment::Mark;

pub const RULE: Rule = Rule {
    code: "structure",
    level: Level::Error,
    summary: "a translation would change the Markdown structure of the built module",
    docs: "\
What it finds: a translated message that, put back into its module the way `kurso build`
puts it, changes the module's Markdown structure: an image that becomes a link, a paragraph
split in two by a blank line, a list item that becomes a heading, a table row that loses a
cell, emphasis, a link or inline code that appears or disappears, a LiaScript quiz answer that
gains a `|` (another answer) or parentheses (marked right). The module is parsed with
the parser the build uses (pulldown-cmark), before and after; line breaks and the words
themselves are not structure. Only in a kurso project, where the source modules are known.

Why it matters: the built module is what learners read. A figure that turns into a link
loses its image and shows its alt text as link text; a table cell that moves shifts a dose
into the wrong column; an answer in parentheses would be marked right in a quiz whose right
answer is another. `kurso build` never writes such a translation: it uses the next
locale of the fallback chain for that message (down to the English) and lists it, so the
learner sees English where the translation was.

Example:

    # en
    red-alerts-act-now-p1 = A patient who reports **any** of the following may have sepsis.
    # it: a blank line splits the paragraph in two
    red-alerts-act-now-p1 =
        Un paziente che riferisce

        **uno qualsiasi** dei seguenti segni può avere una sepsi.

    error[structure]: it would change the Markdown structure of courses/…/01-….md:56: the
    built module has the end of a paragraph where the English has strong emphasis

How to fix: keep the Markdown of the English: the same emphasis, links, code and images, no
blank lines inside a paragraph, no line that starts a list or a heading; a quiz answer's words
without `|`, `]]` or parentheses around them. The finding says
what the built module would have instead, and at which line of the module. Brackets in alt
text, `|` in table cells and a leading `#`, `-` or `1.` are escaped by the build; there is no
need to escape them yourself.

To silence it for a project, set `structure = \"off\"` under `[check.rules]` in kurso.toml;
for one message, put `# kurso-allow structure: reason` on the line above the translated
message. Silencing hides the finding only: the build still falls back.",
    check: None,
};

/// Checks the translated messages of one file (`pairs`, any order) against their module.
pub fn check(module: &SourceModule, pairs: &[MessagePair<'_>], out: &mut Vec<Finding>) {
    let mut translations = Vec::new();
    let mut owners = Vec::new();
    for pair in pairs {
        let Some(segment) = module.segment_index(pair.target.id()) else {
            continue;
        };
        // A placeable or an empty value is not built (the build says so); nothing to splice.
        let Some(Ok(text)) = pair.target.value().map(pattern_to_string) else {
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        translations.push((segment, text));
        owners.push(pair);
    }
    let borrowed: Vec<(usize, &str)> = translations
        .iter()
        .map(|(segment, text)| (*segment, text.as_str()))
        .collect();
    for (position, change) in module.breaking(&borrowed) {
        let pair = owners[position];
        let segment = &module.segments()[translations[position].0];
        let mut finding = pair.finding(
            &RULE,
            format!(
                "it would change the Markdown structure of {}:{}: {change}",
                module.path.display(),
                segment.line
            ),
        );
        let keep = if matches!(change.expected, Some(Mark::Quiz(_))) {
            "keep the quiz markers of the English (no `|`, `]]` or parentheses around an \
             answer: they add answers or mark one right)"
        } else {
            "keep the English's Markdown (emphasis, links, code, no blank line or block \
             marker)"
        };
        finding.help = Some(format!(
            "{keep}; until then `kurso build` uses the fallback for this message"
        ));
        out.push(finding);
    }
}

#[cfg(test)]
mod tests;
