//! `numbers`: numbers, doses, units and identifiers that do not survive translation.
//!
//! Both texts are reduced to what a reader sees (no URLs, no code, no placeables), then
//! scanned for number tokens (digits with `.`, `,` and space separators, read with each
//! side's conventions; an ambiguous token gets several readings and the combination that
//! best matches the other side wins), identifiers (`NG51`, `v5.0`), the unit written with a
//! number (`units.txt`, through `units`), the comparisons and sentence parts (`wording.txt`,
//! through `wording`); `scan` reads one text, `compare` decides what differs. The English is
//! the source: only its `every` opens a dosing interval.

mod compare;
mod scan;
mod units;
mod wording;

use std::collections::BTreeSet;

use self::compare::{Comparison, Report, words};
use self::scan::{ENGLISH, Scan, Style, scan};
use super::markup::{locate, visible_text};
use super::rendering::{may_render_digit, renderings, translated_pattern};
use super::{MessagePair, Rule};
use crate::check::finding::{Finding, Level};

pub const RULE: Rule = Rule {
    code: "numbers",
    level: Level::Error,
    summary: "numbers, doses, units or identifiers that differ from the English",
    docs: "\
What it finds: an English number that is missing or different in the translation, a number the
English does not have, a unit that changed next to the same number (`5 mg` → `5 g`, `50 mL/h`
→ `50 ml/min`, `15 minutes` → `15 tunnin`), a power of ten that changed (`10^9/L` →
`10^6/L`), two values that changed places (`10 units at 8:00 and 6 units at 18:00` → `6 units
at 8:00 …`), a comparison turned around (`below 92%` → `yli 92 %`), a dosing interval that lost
its number (`every 8 hours` → `every hour`), and changed identifiers with digits (`NG51`,
`HL7`, `CTCAE v5.0`). The locale's separators are
right: `0.5 mg` → `0,5 mg`; `1,000` → `1.000` (el, it, ro, tr) or `1 000` (fi, hu, lt, with a
space or no-break space). Numbers in URLs and `code` are ignored; ranges (`7–14`), times
(`10:30`, `10.30`) and dates compare number by number. Values are compared as sets, so
\"24 ore su 24\" for \"24-hour\" is fine.

Levels: errors, except a missing whole number from 0 to 12 written without separators, which
is a warning because the translation may spell it out (`2` → `δύο`: check the word); the
number of a dosing interval is an error even then. An added small number is fine when the
English spells it out (`Seven or more` → `7 ή περισσότερες`).

Units are compared when both sides write a known unit with the same number: SI and clinical
symbols (mg, mcg/µg, mL, L, mmol, IU, %, °C, mmHg, kcal, m², …), a unit over a unit (`mL/h`,
`mg/kg/h`, `ml/óra`, `mL/dk`), and each language's words for time and units (`tunnin`,
`órás`, `valandų`, `ore`, `ώρες`, `saat`, `yksikköä`). A unit after `/` that is not in the
table (`g/24 h`) agrees with any unit of the same numerator. Comparisons are the words of
each language for above, below, at least and at most (`yli`, `alle`, `legfeljebb`, `ne
daugiau kaip`, `cel puțin`, `al massimo`, `κάτω από`, `en az`) and `<`, `≥`; one is reported
only when the translation loses one direction and gains the other. Values swapped means a
number that is in one part of the sentence (split at `,`, `;` and words such as `and`,
`then`) with one number in the English and with another in the translation. The tables are
`src/check/rules/numbers/units.txt` and `wording.txt`.

Why it matters: a dose, threshold or interval changed in translation is a medication error
waiting to happen. `1,000 mL` left as is in a Greek text reads as one millilitre.

Example:

    # en
    td2 = 8 mg orally twice daily, for up to 5 days
    # it: the dose changed (error), the day count is spelled out (warning)
    td2 = 80 mg per via orale due volte al giorno, fino a cinque giorni

How to fix: write the English numbers and units with the locale's separators. If a difference
is intended (a local protocol), put `# kurso-allow numbers: reason` on the line above the
translated message; to switch the rule off for a project, set `numbers = \"off\"` under
`[check.rules]` in kurso.toml.",
    check: Some(check),
};

/// What the rule reports for an English text and its translation in `language` (a language
/// subtag), both plain text as a reader sees them: `(is a warning, message)` per finding.
/// The rule itself goes through [`check`]; this is for measuring it on labelled sentences.
pub fn compare_texts(english: &str, translation: &str, language: &str) -> Vec<(bool, String)> {
    let style = Style::of(language);
    let english_scan = scan(english, ENGLISH, "en");
    let translated = scan(translation, style, language);
    let words = words(english);
    Comparison {
        english: &english_scan,
        translated: &translated,
        words: &words,
        locale: language,
        style,
    }
    .reports()
    .into_iter()
    .map(|Report(message, _, warning, _)| (warning, message))
    .collect()
}

/// The English side of each pattern of an entry (`Entry::patterns` order), per rendering: its
/// numbers and its words. The same for every locale, so kept in the run's shared facts.
pub(crate) type EnglishNumbers = Vec<Vec<(Scan, BTreeSet<String>)>>;

fn english_numbers(source: crate::check::doc::Entry<'_>) -> EnglishNumbers {
    source
        .patterns()
        .map(|(_, pattern)| {
            renderings(pattern)
                .iter()
                .map(|text| visible_text(text, false))
                .map(|text| (scan(&text, ENGLISH, "en"), words(&text)))
                .collect()
        })
        .collect()
}

fn check(pair: &MessagePair<'_>, out: &mut Vec<Finding>) {
    let language = pair.env.locale.language.as_str();
    let mut english_side = None;
    for (index, (attribute, source)) in pair.source.patterns().enumerate() {
        if matches!(attribute, Some("accesskey" | "style")) {
            continue;
        }
        let Some(target) = translated_pattern(pair, attribute) else {
            continue;
        };
        // Without a digit in any rendering of either side there is nothing to compare (a
        // scan finds numbers, identifiers and comparisons only around digits).
        if !may_render_digit(source) && !may_render_digit(target) {
            continue;
        }
        let translations = renderings(target);
        if translations.iter().all(|t| t.trim().is_empty()) {
            continue; // the `empty` rule reports it
        }
        let english_side = english_side.get_or_insert_with(|| {
            pair.env.source_facts.get(
                pair.source,
                |facts| &facts.numbers,
                || english_numbers(pair.source),
            )
        });
        let english = &english_side[index];
        let style = Style::of(language);
        let reports = translations.iter().find_map(|text| {
            let translated = scan(&visible_text(text, false), style, language);
            let locale = &pair.env.name;
            let compare = |(english, words): &(Scan, BTreeSet<String>)| {
                let translated = &translated;
                Comparison {
                    english,
                    translated,
                    words,
                    locale,
                    style,
                }
                .reports()
            };
            let best = english.iter().map(compare).min_by_key(Vec::len)?;
            (!best.is_empty()).then_some(best)
        });
        let place = attribute.map_or_else(String::new, |name| format!("in `.{name}`: "));
        for Report(message, help, warning, needle) in reports.into_iter().flatten() {
            let offset = needle.and_then(|n| locate(pair.target, &n, true));
            let offset = offset.unwrap_or_else(|| pair.target.offset());
            let mut finding = pair.finding_at(&RULE, offset, format!("{place}{message}"));
            if warning {
                finding.level = Level::Warning;
            }
            finding.help = Some(help);
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests;
