//! `numbers`: numbers, doses, units and identifiers that do not survive translation.
//!
//! Both texts are reduced to what a reader sees (no URLs, no code, no placeables), then
//! scanned for number tokens (digits with `.`, `,` and space separators, read with each
//! side's conventions; an ambiguous token gets several readings and the combination that
//! best matches the other side wins), identifiers (`NG51`, `v5.0`) and the unit after a
//! number. Values are compared as sets: a value the English has twice and the translation
//! once is not reported, because languages repeat numbers differently ("24 ore su 24").

use std::collections::{BTreeSet, HashMap, HashSet};

use fluent_syntax::ast::{Pattern, PatternElement};

use super::markup::{locate, renderings, translated_pattern, visible_text};
use super::{MessagePair, Rule};
use crate::check::finding::{Finding, Level};

pub const RULE: Rule = Rule {
    code: "numbers",
    level: Level::Error,
    summary: "numbers, doses, units or identifiers that differ from the English",
    docs: "\
What it finds: an English number that is missing or different in the translation, a number the
English does not have, a unit symbol that changed next to the same number (`5 mg` → `5 g`), and
changed identifiers with digits (`NG51`, `HL7`, `CTCAE v5.0`). The locale's separators are
right: `0.5 mg` → `0,5 mg`; `1,000` → `1.000` (el, it, ro, tr) or `1 000` (fi, hu, lt, with a
space or no-break space). Numbers in URLs and `code` are ignored; ranges (`7–14`), times
(`10:30`, `10.30`) and dates compare number by number. Values are compared as sets, so
\"24 ore su 24\" for \"24-hour\" is fine.

Levels: errors, except a missing whole number from 0 to 12 written without separators, which
is a warning because the translation may spell it out (`2` → `δύο`: check the word). An added
small number is fine when the English spells it out (`Seven or more` → `7 ή περισσότερες`).
Units are compared only when both sides write a known symbol after the same number (mg, g,
mcg/µg, kg, mL, L, mmol/L, IU, units, %, °C, mmHg, h, min, mg/kg, mg/m², …), not a word.

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

/// Languages that write `0.5`; the others write `0,5`.
const DOT_DECIMAL: &[&str] = &["en", "ga", "he", "hi", "ja", "ko", "ms", "mt", "th", "zh"];
/// Comma-decimal languages that group thousands with a (no-break) space rather than `.`.
const SPACE_GROUPS: &[&str] = &[
    "bg", "cs", "et", "fi", "fr", "hu", "lt", "lv", "nb", "nn", "no", "pl", "ru", "sk", "sv", "uk",
];
/// Space characters that may group thousands.
const SPACES: &[char] = &[' ', '\u{a0}', '\u{202f}', '\u{2009}'];
/// Unit symbols recognised right after a number, `|`-separated (compared ignoring ASCII case).
const UNITS: &str = "mg|g|mcg|µg|μg|ng|kg|mL|L|dL|mmol|mmol/L|µmol/L|μmol/L|mEq|mEq/L|IU|units|%|\
    °C|° C|ºC|mmHg|h|min|mg/kg|mcg/kg|µg/kg|μg/kg|mg/m²|mg/m2|mL/h|mL/kg|mg/dL|g/dL|g/L|\
    breaths/min|bpm|kcal|cm|mm";
/// English words for the numbers 0 to 12, `|` between numbers.
const WORDS: &str = "zero no|one once first single|two twice second both|three thrice third|\
    four fourth|five fifth|six sixth|seven seventh|eight eighth|nine ninth|ten tenth|\
    eleven eleventh|twelve twelfth dozen";
/// Past this many combinations of readings only the first readings are used.
const MAX_COMBINATIONS: usize = 256;

/// How a locale writes numbers: its decimal separator and its thousands separator.
#[derive(Debug, Clone, Copy)]
struct Style(char, char);

const ENGLISH: Style = Style('.', ',');

impl Style {
    fn of(language: &str) -> Style {
        match language {
            l if DOT_DECIMAL.contains(&l) => ENGLISH,
            l if SPACE_GROUPS.contains(&l) => Style(',', '\u{a0}'),
            _ => Style(',', '.'),
        }
    }
}

/// A number as written, with its possible values.
#[derive(Debug)]
struct Token {
    raw: String,
    /// Each reading is one or more values (`10.30` may be 10.3 or 10 and 30).
    readings: Vec<Vec<String>>,
    /// The unit right after it: (canonical, as written).
    unit: Option<(String, String)>,
    /// The number and its unit as written (`100%`, `5 mg`).
    shown: String,
}

/// The numbers and identifiers of one text.
#[derive(Debug, Default)]
struct Scan {
    tokens: Vec<Token>,
    codes: Vec<String>,
}

/// `12`, `0.50` → `0.5`: leading zeros of the integer and trailing zeros of the fraction go.
fn canonical(integer: &str, fraction: &str) -> String {
    let integer = integer.trim_start_matches('0');
    let integer = if integer.is_empty() { "0" } else { integer };
    match fraction.trim_end_matches('0') {
        "" => integer.to_owned(),
        fraction => format!("{integer}.{fraction}"),
    }
}

/// The values of digit `groups` joined by `separators`, in `style`, best guess first.
fn readings(groups: &[&str], separators: &[char], style: Style) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let decimal = separators.iter().position(|&s| s == style.0);
    let int_len = decimal.map_or(groups.len(), |d| d + 1);
    let group_seps = &separators[..int_len - 1];
    let grouped = group_seps.first().is_none_or(|&first| {
        // English groups with `,`, the others with `.`, and all with spaces.
        (first == style.1 || SPACES.contains(&first) || (style.0 == ',' && first == '.'))
            && group_seps.iter().all(|&s| s == first)
            && groups[0].len() <= 3
            && groups[1..int_len].iter().all(|g| g.len() == 3)
    });
    let locale_reading = grouped && decimal.is_none_or(|d| d + 1 == separators.len());
    if locale_reading {
        let fraction = decimal.map_or("", |_| groups[int_len]);
        out.push(vec![canonical(&groups[..int_len].concat(), fraction)]);
    } else if let [other @ ('.' | ',')] = separators {
        // A decimal written the other way (`0.5` in Greek) cannot be misread, so it counts.
        if *other != style.0 {
            out.push(vec![canonical(groups[0], groups[1])]);
        }
    }
    if groups.len() > 1 && (!locale_reading || separators.contains(&' ')) {
        out.push(groups.iter().map(|g| canonical(g, "")).collect());
    }
    out
}

/// The known unit right after byte `end` of `text`, if any: (canonical, as written), and
/// where it ends. `ml/óra` or `mg/ttkg` (a unit over a word not in the list) stays open:
/// `ml/?`.
fn unit_after(text: &str, end: usize) -> Option<((String, String), usize)> {
    let rest = &text[end..];
    let rest = rest.strip_prefix(SPACES).unwrap_or(rest);
    let bounded = |unit: &str| {
        let next = rest[unit.len()..].chars().next();
        next.is_none_or(|c| !(c.is_alphanumeric() || (unit.len() == 1 && c == '\'')))
    };
    let written = UNITS
        .split('|')
        .filter_map(|unit| {
            rest.get(..unit.len())
                .filter(|w| w.eq_ignore_ascii_case(unit))
        })
        .filter(|written| bounded(written))
        .max_by_key(|written| written.len())?;
    let mut canon = written.to_lowercase();
    for (from, to) in [
        ("° c", "°c"),
        ("ºc", "°c"),
        ("m2", "m²"),
        ("μ", "µ"),
        ("µg", "mcg"),
    ] {
        canon = canon.replace(from, to);
    }
    if rest[written.len()..].starts_with('/') {
        canon.push_str("/?");
    }
    let unit_end = text.len() - rest.len() + written.len();
    Some(((canon, written.to_owned()), unit_end))
}

/// Numbers, identifiers and units of `text`, read in `style`.
fn scan(text: &str, style: Style) -> Scan {
    // URLs and e-mail addresses written as plain text are not numbers.
    let link = |word: &&str| word.contains("://") || word.starts_with("www.") || word.contains('@');
    let words = text
        .split_inclusive(char::is_whitespace)
        .filter(|w| !link(w));
    let text: String = words.collect::<String>().replace(" / ", "/");
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digit = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_ascii_digit());
    let run = |i: usize| (i..=chars.len()).find(|&k| !digit(k)).unwrap_or(i);
    let byte = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut out = Scan::default();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_ascii_digit() {
            // Digit groups joined by `.` or `,`, or by a space before exactly three digits.
            let mut groups = vec![(i, run(i))];
            let mut separators = Vec::new();
            loop {
                let j = groups.last().map_or(i, |g| g.1);
                let Some(&(_, sep)) = chars.get(j) else { break };
                let next_end = run(j + 1);
                let spaced = next_end - (j + 1) == 3 && groups.iter().all(|(s, e)| e - s <= 3);
                let joins = matches!(sep, '.' | ',') || (SPACES.contains(&sep) && spaced);
                if !(digit(j + 1) && joins) {
                    break;
                }
                separators.push(sep);
                groups.push((j + 1, next_end));
            }
            let end = groups.last().map_or(i, |g| g.1);
            let digits: Vec<&str> = groups
                .iter()
                .map(|&(s, e)| &text[byte(s)..byte(e)])
                .collect();
            let unit = unit_after(&text, byte(end));
            let shown_end = unit.as_ref().map_or(byte(end), |&(_, unit_end)| unit_end);
            out.tokens.push(Token {
                readings: readings(&digits, &separators, style),
                unit: unit.map(|(unit, _)| unit),
                shown: text[byte(i)..shown_end].to_owned(),
                raw: text[byte(i)..byte(end)].to_owned(),
            });
            i = end;
        } else if c.is_alphabetic() {
            // A word. `NG51`, `HL7`, `v5.0` are identifiers; in `nick1` or `β2` only the
            // digits count.
            let latin = c.is_ascii_alphabetic();
            let inner = |j: usize| matches!(chars[j].1, '.' | ',') && digit(j - 1) && digit(j + 1);
            let end = (i..chars.len())
                .find(|&j| {
                    let d = chars[j].1;
                    let word = d.is_alphabetic() || (!d.is_ascii() && d.is_alphanumeric());
                    !(word || (latin && (d.is_ascii_digit() || (j > i && inner(j)))))
                })
                .unwrap_or(chars.len());
            let word = &text[byte(i)..byte(end)];
            let version =
                word.starts_with('v') && word[1..].starts_with(|d: char| d.is_ascii_digit());
            let capital = word.contains(|d: char| d.is_ascii_uppercase());
            if latin && word.contains(|d: char| d.is_ascii_digit()) && (version || capital) {
                out.codes.push(word.replace(',', "."));
                i = end;
            } else {
                i = (i + 1..end).find(|&k| digit(k)).unwrap_or(end);
            }
        } else {
            i += 1;
        }
    }
    out
}

/// Which reading of each token to use: the combination (English tokens, then translated)
/// whose value sets differ least.
fn choose(english: &[Token], translated: &[Token]) -> Vec<usize> {
    let tokens: Vec<&Token> = english.iter().chain(translated).collect();
    let mut choice = vec![0; tokens.len()];
    let combinations = tokens.iter().try_fold(1_usize, |n, t| {
        n.checked_mul(t.readings.len())
            .filter(|&n| n <= MAX_COMBINATIONS)
    });
    let Some(combinations) = combinations else {
        return choice;
    };
    let score = |choice: &[usize]| {
        let values = |range: std::ops::Range<usize>| -> BTreeSet<&str> {
            let chosen = range.flat_map(|k| tokens[k].readings[choice[k]].iter());
            chosen.map(String::as_str).collect()
        };
        let (en, tr) = (
            values(0..english.len()),
            values(english.len()..tokens.len()),
        );
        en.symmetric_difference(&tr).count()
    };
    let mut best = (score(&choice), choice.clone());
    for _ in 1..combinations {
        // The next combination, counting in mixed radix.
        for (k, token) in tokens.iter().enumerate() {
            choice[k] = (choice[k] + 1) % token.readings.len();
            if choice[k] != 0 {
                break;
            }
        }
        let now = score(&choice);
        if now < best.0 {
            best = (now, choice.clone());
        }
    }
    best.1
}

/// One thing to report: message, help, whether it is only a warning, and the text of the
/// translation to point at.
struct Report(String, String, bool, Option<String>);

/// One value of a token's chosen reading.
struct Value<'a> {
    number: String,
    /// The token, when its reading is this one value (not `10.30` read as 10 and 30); then
    /// the token's text and unit stand for the value.
    token: Option<&'a Token>,
}

impl Value<'_> {
    /// The number as written.
    fn raw(&self) -> &str {
        self.token.map_or(&self.number, |t| &t.raw)
    }

    /// The number and its unit as written.
    fn shown(&self) -> &str {
        self.token.map_or(&self.number, |t| &t.shown)
    }

    fn unit(&self) -> Option<&(String, String)> {
        self.token.and_then(|t| t.unit.as_ref())
    }

    /// Written as a whole number from 0 to 12 without separators.
    fn small(&self) -> bool {
        self.raw().len() <= 2 && self.number.parse::<u8>().is_ok_and(|n| n <= 12)
    }
}

/// Whether both have units and they agree: equal, or the same numerator when one of them is
/// open (`mL/h` and `ml/?` from `ml/óra`; `g/?` from `g/24 h` and `g`).
fn same_unit(a: &Value<'_>, b: &Value<'_>) -> bool {
    let (Some((a, _)), Some((b, _))) = (a.unit(), b.unit()) else {
        return false;
    };
    let numerator = |unit: &str| unit.split('/').next().unwrap_or_default().to_owned();
    a == b || ((a.ends_with("/?") || b.ends_with("/?")) && numerator(a) == numerator(b))
}

/// The values of `tokens` read as `choice` says, in text order.
fn values<'a>(tokens: &'a [Token], choice: &[usize]) -> Vec<Value<'a>> {
    let mut out = Vec::new();
    for (token, &k) in tokens.iter().zip(choice) {
        let whole = (token.readings[k].len() == 1).then_some(token);
        let number = |number: &String| Value {
            number: number.clone(),
            token: whole,
        };
        out.extend(token.readings[k].iter().map(number));
    }
    out
}

/// The values of `list` whose number `other` lacks, the first of each number.
fn only_in<'b, 'a>(list: &'b [Value<'a>], other: &[Value<'_>]) -> Vec<&'b Value<'a>> {
    let mut seen = BTreeSet::new();
    let present: HashSet<&str> = other.iter().map(|o| o.number.as_str()).collect();
    list.iter()
        .filter(|v| !present.contains(v.number.as_str()) && seen.insert(&v.number))
        .collect()
}

/// What the English and a translation disagree on.
struct Comparison<'a> {
    english: &'a Scan,
    translated: &'a Scan,
    /// The English's lowercase words, for numbers it spells out.
    words: &'a BTreeSet<String>,
    locale: &'a str,
    style: Style,
}

impl Comparison<'_> {
    fn reports(&self) -> Vec<Report> {
        let choice = choose(&self.english.tokens, &self.translated.tokens);
        let (en_choice, tr_choice) = choice.split_at(self.english.tokens.len());
        let en_values = values(&self.english.tokens, en_choice);
        let tr_values = values(&self.translated.tokens, tr_choice);
        let mut missing = only_in(&en_values, &tr_values);
        let mut extra = only_in(&tr_values, &en_values);
        let mut reports = self.codes(&mut missing, &mut extra);
        // A small number the English spells out (`Seven or more` → `7 o più`) is fine.
        extra.retain(|v| {
            let n = v.number.parse::<usize>().ok();
            let spelled = n.and_then(|n| WORDS.split('|').nth(n)).unwrap_or_default();
            !(v.small() && spelled.split(' ').any(|w| self.words.contains(w)))
        });
        // Pair lost and added numbers into changes: same unit first, then in text order,
        // small numbers (which may be written as words) last.
        let mut partner: Vec<Option<usize>> = vec![None; missing.len()];
        let mut taken = vec![false; extra.len()];
        for pass in 0..3 {
            for (m, lost) in missing.iter().enumerate() {
                if partner[m].is_some() || ![lost.unit().is_some(), !lost.small(), true][pass] {
                    continue;
                }
                let fits = |e: usize| !taken[e] && (pass > 0 || same_unit(lost, extra[e]));
                if let Some(e) = (0..extra.len()).find(|&e| fits(e)) {
                    taken[e] = true;
                    partner[m] = Some(e);
                }
            }
        }
        for (m, lost) in missing.iter().enumerate() {
            reports.push(match partner[m] {
                Some(e) => self.changed(lost, extra[e]),
                None => self.lost(lost),
            });
        }
        for (_, added) in extra.iter().enumerate().filter(|&(e, _)| !taken[e]) {
            let message = format!("`{}` is not in the English", added.shown());
            let help = "check it against the English: numbers and doses must match".to_owned();
            reports.push(Report(message, help, false, Some(added.raw().to_owned())));
        }
        units(&en_values, &tr_values, &mut reports);
        reports
    }

    /// Identifiers lost or added; `v5.0` → `5.0` or `NG51` → `NG 51` is not a loss.
    fn codes(&self, missing: &mut Vec<&Value<'_>>, extra: &mut Vec<&Value<'_>>) -> Vec<Report> {
        let take = |list: &mut Vec<&Value<'_>>, code: &str| {
            let digits = &code[code.find(|c: char| c.is_ascii_digit()).unwrap_or(0)..];
            let tokens = scan(digits, ENGLISH).tokens;
            let wanted: Vec<String> = tokens
                .into_iter()
                .flat_map(|t| t.readings[0].clone())
                .collect();
            let found =
                !wanted.is_empty() && wanted.iter().all(|w| list.iter().any(|v| v.number == *w));
            if found {
                list.retain(|v| !wanted.contains(&v.number));
            }
            found
        };
        let help =
            || "names and codes such as `NG51`, `HL7` or `v5.0` stay as in the English".to_owned();
        let (en, tr) = (&self.english.codes, &self.translated.codes);
        let mut reports = Vec::new();
        for code in en.iter().filter(|c| !tr.contains(c)) {
            if !take(extra, code) {
                let message = format!("the identifier `{code}` of the English is missing");
                reports.push(Report(message, help(), false, None));
            }
        }
        for code in tr.iter().filter(|c| !en.contains(c)) {
            if !take(missing, code) {
                let message = format!("the identifier `{code}` is not in the English");
                reports.push(Report(message, help(), false, Some(code.clone())));
            }
        }
        reports
    }

    /// An English number as the locale writes it.
    fn localized(&self, english: &Value<'_>) -> String {
        let Style(decimal, group) = self.style;
        let map = |c| match c {
            ',' => group,
            '.' => decimal,
            other => other,
        };
        english.raw().chars().map(map).collect()
    }

    fn changed(&self, english: &Value<'_>, translated: &Value<'_>) -> Report {
        let (raw, now, was) = (translated.raw(), translated.shown(), english.shown());
        let message = if raw == english.raw() {
            let (number, locale, decimal) = (&translated.number, self.locale, self.style.0);
            format!(
                "`{raw}` means {number} in {locale}, where `{decimal}` is the decimal separator, \
                 but the English `{raw}` is {}",
                english.number
            )
        } else {
            format!("`{now}` does not match the English `{was}`")
        };
        let write = self.localized(english);
        let help = format!("numbers and doses must be the same as in the English; write `{write}`");
        Report(message, help, false, Some(raw.to_owned()))
    }

    fn lost(&self, english: &Value<'_>) -> Report {
        let (raw, number, shown) = (english.raw(), &english.number, english.shown());
        if english.small() {
            let message = format!("the English number `{raw}` is not in the translation");
            let help = format!(
                "if it is written as a word, check that the word means {number}; otherwise add it"
            );
            return Report(message, help, true, None);
        }
        let message = format!("the English `{shown}` is missing from the translation");
        let write = self.localized(english);
        Report(
            message,
            format!("numbers and doses must be kept; write `{write}`"),
            false,
            None,
        )
    }
}

/// Same number, different unit symbol (`5 mg` → `5 g`), once per English number and unit.
fn units(english: &[Value<'_>], translated: &[Value<'_>], reports: &mut Vec<Report>) {
    let mut seen = BTreeSet::new();
    // The translated values of each number in text order, looked up rather than scanned for.
    let mut by_number: HashMap<&str, Vec<&Value<'_>>> = HashMap::new();
    for value in translated {
        by_number
            .entry(value.number.as_str())
            .or_default()
            .push(value);
    }
    for value in english {
        let Some((unit, written)) = value.unit() else {
            continue;
        };
        let same_number = by_number.get(value.number.as_str()).map_or(&[][..], |v| v);
        if same_number.iter().any(|t| same_unit(value, t)) || !seen.insert((&value.number, unit)) {
            continue;
        }
        if let Some(other) = same_number.iter().find(|t| t.unit().is_some()) {
            let (now, was) = (other.shown(), value.shown());
            let message = format!("`{now}` does not match the English `{was}`: the unit changed");
            let help = format!("keep the English unit `{written}`");
            reports.push(Report(message, help, false, Some(other.raw().to_owned())));
        }
    }
}

/// Lowercase words of `text`.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .collect()
}

fn check(pair: &MessagePair<'_>, out: &mut Vec<Finding>) {
    let style = Style::of(pair.env.locale.language.as_str());
    for (attribute, source) in pair.source.patterns() {
        // Access keys and inline CSS of app strings are not prose.
        if matches!(attribute, Some("accesskey" | "style")) {
            continue;
        }
        let Some(target) = translated_pattern(pair, attribute) else {
            continue;
        };
        // Nothing to compare without a digit on either side (most messages): skip the parse.
        let has_digit = |pattern: &Pattern<String>| {
            pattern.elements.iter().any(|element| match element {
                PatternElement::TextElement { value } => value.bytes().any(|b| b.is_ascii_digit()),
                PatternElement::Placeable { .. } => true,
            })
        };
        if !has_digit(source) && !has_digit(target) {
            continue;
        }
        let translations = renderings(target);
        if translations.iter().all(|t| t.trim().is_empty()) {
            continue; // the `empty` rule reports it
        }
        let english: Vec<(Scan, BTreeSet<String>)> = renderings(source)
            .iter()
            .map(|text| visible_text(text, false))
            .map(|text| (scan(&text, ENGLISH), words(&text)))
            .collect();
        // Every rendering of the translation must match some rendering of the English; the
        // first that matches none is reported against the closest.
        let reports = translations.iter().find_map(|text| {
            let translated = scan(&visible_text(text, false), style);
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
