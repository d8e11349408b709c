//! Localization directives written as HTML comments: `<!-- l10n: skip -->`, `skip-start`,
//! `skip-end`, `id=my-id`, `note Text for translators`, `text` (the next block's table cells
//! are text even where they look like data).

use crate::fluent::is_identifier;

/// One directive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Directive {
    /// Do not translate the next block.
    Skip,
    /// Do not translate anything until `SkipEnd`.
    SkipStart,
    SkipEnd,
    /// Pin the next block's ID.
    Id(String),
    /// A comment for translators on the next block.
    Note(String),
    /// The next block is text even where it looks like data (table cells such as `M` or
    /// `ABC123`, which are otherwise left out).
    Text,
}

/// The directives in an HTML block, each with its byte offset in `html`, or an error message
/// with its offset for a comment that starts with `l10n:` but is not a directive.
pub fn parse_directives(html: &str) -> Vec<(usize, Result<Directive, String>)> {
    let mut found = Vec::new();
    let mut rest = html;
    let mut base = 0;
    while let Some(open) = rest.find("<!--") {
        let body_start = open + 4;
        let Some(close) = rest[body_start..].find("-->") else {
            break;
        };
        let body = &rest[body_start..body_start + close];
        let trimmed = body.trim_start();
        if let Some(directive) = trimmed.strip_prefix("l10n:") {
            let offset = base + body_start + (body.len() - trimmed.len());
            found.push((offset, parse_one(directive.trim())));
        }
        let consumed = body_start + close + 3;
        base += consumed;
        rest = &rest[consumed..];
    }
    found
}

fn parse_one(text: &str) -> Result<Directive, String> {
    let (word, argument) = text
        .split_once(|ch: char| ch.is_whitespace() || ch == '=' || ch == ':')
        .map_or((text, ""), |(word, argument)| (word, argument));
    let argument = argument.trim().trim_start_matches(['=', ':']).trim();
    match word {
        "skip" if argument.is_empty() => Ok(Directive::Skip),
        "skip-start" if argument.is_empty() => Ok(Directive::SkipStart),
        "skip-end" if argument.is_empty() => Ok(Directive::SkipEnd),
        "text" if argument.is_empty() => Ok(Directive::Text),
        "id" if is_identifier(argument) => Ok(Directive::Id(argument.to_owned())),
        "id" => Err(format!(
            "`{argument}` is not a valid message ID: use letters, digits and `-`, starting with a letter"
        )),
        "note" if !argument.is_empty() => Ok(Directive::Note(argument.to_owned())),
        "note" => Err("the note directive has no text".to_owned()),
        "skip" | "skip-start" | "skip-end" | "text" => {
            Err(format!("the `{word}` directive takes no argument"))
        }
        _ => Err(format!("unknown l10n directive `{text}`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(html: &str, expected: &[Result<Directive, &str>]) {
        let found: Vec<_> = parse_directives(html)
            .into_iter()
            .map(|(_, directive)| directive)
            .collect();
        let expected: Vec<_> = expected
            .iter()
            .map(|item| item.clone().map_err(str::to_owned))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn skip_family() {
        check("<!-- l10n: skip -->\n", &[Ok(Directive::Skip)]);
        check(
            "<!-- l10n: skip-start -->\n<!-- l10n:skip-end -->",
            &[Ok(Directive::SkipStart), Ok(Directive::SkipEnd)],
        );
        check("<!-- l10n: text -->", &[Ok(Directive::Text)]);
        check(
            "<!-- l10n: text now -->",
            &[Err("the `text` directive takes no argument")],
        );
    }

    #[test]
    fn id_and_note() {
        check(
            "<!-- l10n: id=red-flags -->",
            &[Ok(Directive::Id("red-flags".into()))],
        );
        check(
            "<!-- l10n: id = red-flags -->",
            &[Ok(Directive::Id("red-flags".into()))],
        );
        check(
            "<!-- l10n: note Doses must not change. -->",
            &[Ok(Directive::Note("Doses must not change.".into()))],
        );
    }

    #[test]
    fn other_comments_are_ignored() {
        check("<!-- TODO: add a figure -->", &[]);
    }

    #[test]
    fn mistakes_are_errors() {
        check("<!-- l10n: skp -->", &[Err("unknown l10n directive `skp`")]);
        check(
            "<!-- l10n: id=2nd -->",
            &[Err(
                "`2nd` is not a valid message ID: use letters, digits and `-`, starting with a letter",
            )],
        );
        check(
            "<!-- l10n: note -->",
            &[Err("the note directive has no text")],
        );
        check(
            "<!-- l10n: skip now -->",
            &[Err("the `skip` directive takes no argument")],
        );
    }

    #[test]
    fn offsets_point_at_the_directive() {
        let html = "<!-- a -->\n<!--  l10n: skip -->";
        let [(offset, _)] = parse_directives(html)[..] else {
            panic!("one directive");
        };
        assert_eq!(&html[offset..offset + 5], "l10n:");
    }
}
