//! `untranslated`: a translation identical to the English, when the English has words to
//! translate.

use fluent_syntax::ast::{Expression, Pattern, PatternElement};

use super::markup::visible_text;
use super::rendering::{most_per_pattern, translated_pattern};
use super::{MessagePair, Rule};
use crate::check::doc::flatten;
use crate::check::finding::{Finding, Level};

pub const RULE: Rule = Rule {
    code: "untranslated",
    level: Level::Warning,
    summary: "a translation that is a copy of the English",
    docs: "\
What it finds: a translated value or attribute that is the same as the English (blanks and line
breaks aside), when the English has something to translate: at least 2 ordinary lower-case
words of 3 or more letters once URLs, code, placeables, numbers and words with capitals
(names and acronyms such as `ESMO`, `HL7 FHIR`, `ePRO`, `CTCAE v5.0`) are set aside. So
`Ondansetron`, `HL7 FHIR`, `{ -brand-name }`, `Grade 1` or a URL copied as is are not reported,
while `Neutrophil count decreased` is. Locales of English itself (`en-GB`) are not checked.

Why it matters: a copied English sentence is usually a message the translator skipped or a
machine draft never reviewed. A nurse who reads the course in Greek may miss the one sentence
that says when to call the patient.

Example:

    # en
    why-monitor-symptoms-remotely-title = Why monitor symptoms remotely
    # hu: copied
    why-monitor-symptoms-remotely-title = Why monitor symptoms remotely

How to fix: translate it. Some text rightly stays in English (a quotation, the title of a
standard, a product name written in lower case): put `# kurso-allow untranslated: reason` on
the line above the translated message. To switch the rule off for a project, set
`untranslated = \"off\"` under `[check.rules]` in kurso.toml.",
    check: Some(check),
};

/// Fewer ordinary words than this and a copy is accepted.
const MIN_WORDS: usize = 2;

/// Words a translator would translate: lower-case only, at least 3 letters, outside URLs,
/// code and placeables, and outside technical tokens (`mozilla.org`, `%time%`,
/// `America/New_York`, `dose_mg`): those with `.`, `/`, `%`, `_`, `@`, `:`, `=`, `$`, `#`
/// or a bracket inside them.
fn ordinary_words(markdown: &str) -> usize {
    const TECHNICAL: &[char] = &[
        '.', '/', '%', '_', '@', ':', '=', '$', '#', '<', '>', '{', '}', '\\',
    ];
    const PUNCTUATION: &[char] = &[
        '.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '"', '\'', '«', '»', '“', '”', '‘', '’',
        '*',
    ];
    let text = visible_text(markdown, false);
    text.split_whitespace()
        .map(|token| token.trim_matches(PUNCTUATION))
        .filter(|token| !token.contains(TECHNICAL))
        .flat_map(|token| token.split(|c: char| !c.is_alphabetic()))
        .filter(|word| word.chars().count() >= 3 && word.chars().all(char::is_lowercase))
        .count()
}

/// Whether the flattened `target` can start with the first word of `english` (normalized),
/// judged from its first text element alone: most translations differ from the English at
/// their first word, and flattening a pattern with placeables costs more than the rest of the
/// rule. `true` when only flattening can tell.
fn first_word_may_be(english: &str, target: &Pattern<&str>) -> bool {
    let Some(PatternElement::TextElement { value }) = target.elements.first() else {
        return true;
    };
    let first = english.split(' ').next().unwrap_or_default();
    let text = value.trim_start();
    let Some(word) = text.split_whitespace().next() else {
        return true;
    };
    if word.len() < text.len() {
        // A blank follows it: the translation's first word is this one.
        word == first
    } else {
        // It runs into the next element, which may continue it.
        first.starts_with(word)
    }
}

/// Whether every run of non-blank characters of the text of `elements` (and of the variants
/// of their selects) is in `english` (normalized). Each such run is part of a word of the
/// flattened pattern, so a flattened pattern with the English's words has them all; checking
/// them costs far less than flattening (a select goes through fluent-syntax's serializer).
fn texts_may_be_in(english: &str, elements: &[PatternElement<&str>]) -> bool {
    elements.iter().all(|element| match element {
        PatternElement::TextElement { value } => {
            value.split_whitespace().all(|run| english.contains(run))
        }
        PatternElement::Placeable {
            expression: Expression::Select { variants, .. },
        } => variants
            .iter()
            .all(|variant| texts_may_be_in(english, &variant.value.elements)),
        PatternElement::Placeable { .. } => true,
    })
}

/// The first byte of a pattern's text that is not a blank, when its first element is a text
/// with one; flattened, the pattern starts with it.
fn first_byte(pattern: &Pattern<&str>) -> Option<u8> {
    match pattern.elements.first()? {
        PatternElement::TextElement { value } => value.trim_start().bytes().next(),
        PatternElement::Placeable { .. } => None,
    }
}

fn check(pair: &MessagePair<'_>, out: &mut Vec<Finding>) {
    if pair.env.locale.language.as_str() == "en" {
        return;
    }
    let normalize = |text: String| text.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut english_texts = None;
    let mut english_words = None;
    for (index, (attribute, source)) in pair.source.patterns().enumerate() {
        let Some(target) = translated_pattern(pair, attribute) else {
            continue;
        };
        // Most translations differ from the English in their first character: told from the
        // two patterns, without the English's normalized text.
        if let (Some(english), Some(translated)) = (first_byte(source), first_byte(target))
            && english != translated
        {
            continue;
        }
        // The English side is the same for every locale: flattened once per run.
        let english_texts = english_texts.get_or_insert_with(|| {
            pair.env.source_facts.get(
                pair.source,
                |facts| &facts.normalized,
                || {
                    pair.source
                        .patterns()
                        .map(|(_, source)| normalize(flatten(source)))
                        .collect()
                },
            )
        });
        let english = &english_texts[index];
        // `english` is normalized (words joined by one space): the same words in the same
        // order, compared without building the translation's normalized text.
        let same = match target.elements.as_slice() {
            [PatternElement::TextElement { value }] => {
                // The first bytes again, for an English that starts with a placeable (its first
                // byte was not known above): most such translations differ there already.
                value.trim_start().as_bytes().first() == english.as_bytes().first()
                    && english.split(' ').eq(value.split_whitespace())
            }
            _ => {
                first_word_may_be(english, target)
                    && texts_may_be_in(english, &target.elements)
                    && english.split(' ').eq(flatten(target).split_whitespace())
            }
        };
        if english.is_empty() || !same {
            continue;
        }
        // Also the same for every locale, and needed only for copies: counted at the first.
        let english_words = english_words.get_or_insert_with(|| {
            pair.env.source_facts.get(
                pair.source,
                |facts| &facts.ordinary_words,
                || most_per_pattern(pair.source, ordinary_words),
            )
        });
        if english_words[index] < MIN_WORDS {
            continue;
        }
        let message = match attribute {
            None => "the translation is the same as the English".to_owned(),
            Some(name) => format!("`.{name}` is the same as the English"),
        };
        let mut finding = pair.finding(&RULE, message);
        finding.help = Some(
            "translate it; if it must stay in English, add `# kurso-allow untranslated: reason` \
             on the line above the message"
                .to_owned(),
        );
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{ids, run};
    use super::*;

    #[track_caller]
    fn copied(text: &str) -> bool {
        let ftl = format!("m = {text}\n");
        !run(&RULE, "hu", &ftl, &ftl).is_empty()
    }

    #[test]
    fn copied_sentences_are_reported() {
        assert!(copied("Why monitor symptoms remotely"));
        assert!(copied("Neutrophil count decreased (× 10⁹/L)"));
        assert!(copied(
            "See the [ESMO guidelines](https://www.esmo.org/guidelines)."
        ));
        assert!(copied("Take it (with food)."));
        assert!(copied("Open { $count } new messages in the inbox"));
        let with_placeable = "m = Open { $count } new messages in the inbox\n";
        let spaced = "m = Open  { $count }\n    new messages in the inbox\n";
        assert_eq!(ids(&run(&RULE, "it", with_placeable, spaced)), ["m"]);
        let changed = "m = Open { $count } new messages in the outbox\n";
        assert!(run(&RULE, "it", with_placeable, changed).is_empty());
        // A first word that runs into a placeable is still the English's first word.
        assert!(copied("Take{ $count } tablets with food daily"));
        let first_word = "m = Opens { $count } new messages in the inbox\n";
        assert!(run(&RULE, "it", with_placeable, first_word).is_empty());
        let last_word = "m = Open the editor now\n";
        assert!(run(&RULE, "it", "m = Open the editor\n", last_word).is_empty());
        let findings = run(
            &RULE,
            "it",
            "m = x\n    .title = Open the editor\n",
            "m = y\n    .title =   Open the\n        editor\n",
        );
        assert_eq!(ids(&findings), ["m"]);
        assert_eq!(findings[0].message, "`.title` is the same as the English");
        assert_eq!(findings[0].level, Level::Warning);
    }

    /// A select copied from the English is a copy; a translated one is not, nor a plain
    /// translation of a select.
    #[test]
    fn copied_selects_are_reported() {
        let english = "m = { $count ->\n    [one] Delete one message from the inbox\n   *[other] Delete { $count } messages from the inbox\n}\n";
        assert_eq!(ids(&run(&RULE, "it", english, english)), ["m"]);
        let translated = "m = { $count ->\n    [one] Delete one messaggio dalla posta\n   *[other] Delete { $count } messages from the inbox\n}\n";
        assert!(run(&RULE, "it", english, translated).is_empty());
        let plain = "m = Delete the messages from the inbox now\n";
        assert!(run(&RULE, "it", english, plain).is_empty());
        assert!(run(&RULE, "it", plain, english).is_empty());
    }

    /// The text test only skips what flattening would not find equal: for every English
    /// pattern of the Thunderbird files and its translation in 7 locales, and for each English
    /// pattern against itself.
    #[test]
    fn texts_may_be_in_never_hides_a_copy() {
        use crate::check::doc::FtlDoc;
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/corpora/fluent/thunderbird");
        let parse = |path: &std::path::Path| {
            let text = std::fs::read_to_string(path).ok()?;
            Some(FtlDoc::parse(path.to_path_buf(), text))
        };
        let normalize = |text: String| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let (mut compared, mut skipped) = (0, 0);
        for file in walkdir::WalkDir::new(corpus.join("en-US"))
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
        {
            let rel = file
                .path()
                .strip_prefix(corpus.join("en-US"))
                .expect("inside");
            let english = parse(file.path()).expect("readable");
            let translations: Vec<FtlDoc> = ["el", "hu", "it", "lt", "ro", "fi", "tr"]
                .iter()
                .filter_map(|locale| parse(&corpus.join(locale).join(rel)))
                .collect();
            for entry in english.iter() {
                for (attribute, source) in entry.patterns() {
                    let text = normalize(flatten(source));
                    let mut targets = vec![source];
                    for doc in &translations {
                        let target = doc.get(entry.id()).and_then(|t| match attribute {
                            None => t.value(),
                            Some(name) => t.attribute(name).map(|a| &a.value),
                        });
                        targets.extend(target);
                    }
                    for target in targets {
                        let same = text.split(' ').eq(flatten(target).split_whitespace());
                        let may = texts_may_be_in(&text, &target.elements);
                        assert!(may || !same, "{text}");
                        compared += 1;
                        skipped += usize::from(!may);
                    }
                }
            }
        }
        assert!(
            compared > 30_000 && skipped > 10_000,
            "{compared} compared, {skipped} skipped"
        );
    }

    #[test]
    fn names_codes_and_numbers_are_not_reported() {
        for text in [
            "HL7 FHIR",
            "ESMO",
            "ePRO",
            "CTCAE v5.0",
            "{ -brand-name }",
            "https://www.esmo.org/guidelines",
            "Ondansetron",
            "Oral mucositis",
            "Grade 1",
            "`temperature_c` and `alert`",
            "{ $count } { -brand-name } settings",
            "%time% - %sender%: %message%",
            "mozilla.org",
            "America/New_York, Europe/Athens",
        ] {
            assert!(!copied(text), "{text}");
        }
    }

    #[test]
    fn translations_and_english_locales_are_not_reported() {
        let english = "m = Why monitor symptoms remotely\n";
        assert!(
            run(
                &RULE,
                "el",
                english,
                "m = Γιατί παρακολουθούμε τα συμπτώματα\n"
            )
            .is_empty()
        );
        assert!(run(&RULE, "en-GB", english, english).is_empty());
    }
}
