//! Reading the numbers of one text: number tokens with their possible values in a locale's
//! conventions, the unit written with each, identifiers with digits (`NG51`, `v5.0`), the
//! comparisons of the text (`below`, `yli`) and, for each number, which part of the sentence
//! it is in and whether it is the number of a dosing interval ("every 8 hours").
//!
//! Invariant: byte positions (`Token::start`) are positions in the text as scanned (URLs
//! removed, ` / ` closed up, superscript exponents written `^9`), not in the message.

use super::units::{unit_after, unit_before};
use super::wording::{Kind, marks};
use crate::glossary::normalize::{is_letter, is_letter_or_digit};

/// Languages that write `0.5`; the others write `0,5`.
const DOT_DECIMAL: &[&str] = &["en", "ga", "he", "hi", "ja", "ko", "ms", "mt", "th", "zh"];
/// Comma-decimal languages that group thousands with a (no-break) space rather than `.`.
const SPACE_GROUPS: &[&str] = &[
    "bg", "cs", "et", "fi", "fr", "hu", "lt", "lv", "nb", "nn", "no", "pl", "ru", "sk", "sv", "uk",
];
/// Space characters that may group thousands.
pub const SPACES: &[char] = &[' ', '\u{a0}', '\u{202f}', '\u{2009}'];
/// How a locale writes numbers: its decimal separator and its thousands separator.
#[derive(Debug, Clone, Copy)]
pub struct Style(pub char, pub char);

pub const ENGLISH: Style = Style('.', ',');

impl Style {
    pub fn of(language: &str) -> Style {
        match language {
            l if DOT_DECIMAL.contains(&l) => ENGLISH,
            l if SPACE_GROUPS.contains(&l) => Style(',', '\u{a0}'),
            _ => Style(',', '.'),
        }
    }
}

/// A number as written, with its possible values.
#[derive(Debug, Clone)]
pub struct Token {
    pub raw: String,
    /// Each reading is one or more values (`10.30` may be 10.3 or 10 and 30).
    pub readings: Vec<Vec<String>>,
    /// The unit written with it: (canonical, as written).
    pub unit: Option<(String, String)>,
    /// The number and its unit as written (`100%`, `5 mg`).
    pub shown: String,
    /// Which part of the sentence it is in (0, 1, …), counted at `,` `;` `:`, a full stop
    /// and the `join` words of `wording.txt`.
    pub part: usize,
    /// It is the number of a dosing interval (`every 8 hours`, `every 4 to 6 hours`).
    pub interval: bool,
    start: usize,
    end: usize,
}

/// The numbers, identifiers and comparisons of one text.
#[derive(Debug, Default, Clone)]
pub struct Scan {
    pub tokens: Vec<Token>,
    pub codes: Vec<String>,
    /// The comparisons (`up` or `down` phrases and `<`, `≥`, …), as written.
    pub comparisons: Vec<(Kind, String)>,
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
pub(super) fn readings(groups: &[&str], separators: &[char], style: Style) -> Vec<Vec<String>> {
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

/// Numbers, identifiers, units and comparisons of `text`, read in `style` and `language`.
pub fn scan(text: &str, style: Style, language: &str) -> Scan {
    // URLs and e-mail addresses written as plain text are not numbers.
    let link = |word: &&str| word.contains("://") || word.starts_with("www.") || word.contains('@');
    let words = text
        .split_inclusive(char::is_whitespace)
        .filter(|w| !link(w));
    let text = superscripts(&words.collect::<String>().replace(" / ", "/"));
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
            let unit = unit_after(&text, byte(end), language);
            let shown_end = unit.as_ref().map_or(byte(end), |&(_, unit_end)| unit_end);
            let unit = unit.map(|(unit, _)| unit);
            out.tokens.push(Token {
                readings: readings(&digits, &separators, style),
                unit: unit.or_else(|| unit_before(&text, byte(i))),
                shown: text[byte(i)..shown_end].to_owned(),
                raw: text[byte(i)..byte(end)].to_owned(),
                part: 0,
                interval: false,
                start: byte(i),
                end: byte(end),
            });
            i = end;
        } else if is_letter(c) {
            // A word. `NG51`, `HL7`, `v5.0` are identifiers; in `nick1` or `β2` only the
            // digits count.
            let latin = c.is_ascii_alphabetic();
            let inner = |j: usize| matches!(chars[j].1, '.' | ',') && digit(j - 1) && digit(j + 1);
            let end = (i..chars.len())
                .find(|&j| {
                    let d = chars[j].1;
                    let word = is_letter(d) || (!d.is_ascii() && is_letter_or_digit(d));
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
    // The wording only says something about numbers: a comparison counts in a part of the
    // sentence with a number, an interval is made of numbers.
    if !out.tokens.is_empty() {
        read_wording(&text, language, &mut out);
    }
    out
}

/// `10⁹` → `10^9`: an exponent written in superscript digits after a number reads as `^`.
fn superscripts(text: &str) -> String {
    const SUPERSCRIPTS: &str = "⁰¹²³⁴⁵⁶⁷⁸⁹";
    // Most texts have none: checked without reading `SUPERSCRIPTS` for every character.
    if !text.contains(|c: char| matches!(c, '⁰' | '¹' | '²' | '³' | '⁴'..='⁹')) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut previous = ' ';
    for c in text.chars() {
        match SUPERSCRIPTS.chars().position(|s| s == c) {
            Some(digit) if previous.is_ascii_digit() || SUPERSCRIPTS.contains(previous) => {
                if !SUPERSCRIPTS.contains(previous) {
                    out.push('^');
                }
                out.extend(char::from_digit(u32::try_from(digit).unwrap_or(0), 10));
            }
            _ => out.push(c),
        }
        previous = c;
    }
    out
}

/// The comparisons of `text`, the part of the sentence of each number, and which numbers
/// belong to a dosing interval.
fn read_wording(text: &str, language: &str, scan: &mut Scan) {
    let marks = marks(text, language);
    // Where the parts of the sentence start.
    let mut bytes = text.bytes().enumerate().peekable();
    let mut breaks: Vec<usize> = Vec::new();
    while let Some((at, b)) = bytes.next() {
        let spaced = bytes
            .peek()
            .is_none_or(|(_, next)| next.is_ascii_whitespace());
        if b == b';' || (matches!(b, b',' | b':' | b'.' | b'!' | b'?') && spaced) {
            breaks.push(at);
        }
    }
    breaks.extend(
        marks
            .iter()
            .filter(|m| m.kind == Kind::Join)
            .map(|m| m.start),
    );
    // A comparison up to three words after a negation in the same part is not counted.
    let negated = |start: usize| {
        marks
            .iter()
            .filter(|n| n.kind == Kind::Not && n.end <= start)
            .any(|n| {
                let between = &text[n.end..start];
                let n_words = between.split_whitespace().count();
                n_words <= 3 && !breaks.iter().any(|&at| n.end <= at && at < start)
            })
    };
    let part_of = |at: usize| breaks.iter().filter(|&&b| b < at).count();
    for token in &mut scan.tokens {
        token.part = part_of(token.start);
    }
    // A comparison counts in a part of the sentence that has a number ("see below for more
    // information" compares nothing).
    let with_number = |at: usize| scan.tokens.iter().any(|t| t.part == part_of(at));
    let symbols = text.char_indices().filter_map(|(at, c)| match c {
        '<' | '≤' | '⩽' => Some((Kind::Down, at, c)),
        '>' | '≥' | '⩾' => Some((Kind::Up, at, c)),
        _ => None,
    });
    let mut comparisons: Vec<(usize, Kind, String)> = symbols
        .map(|(kind, at, c)| (at, kind, c.to_string()))
        .collect();
    comparisons.extend(
        marks
            .iter()
            .filter(|m| matches!(m.kind, Kind::Up | Kind::Down) && !negated(m.start))
            .map(|m| (m.start, m.kind, m.written.clone())),
    );
    comparisons.retain(|&(at, ..)| with_number(at));
    comparisons.sort_by_key(|c| c.0);
    scan.comparisons = comparisons.into_iter().map(|(_, k, w)| (k, w)).collect();
    // `every 8 hours`, `every 4 to 6 hours`: the numbers right after `every`, joined by `to`,
    // `or` or a dash.
    for every in marks.iter().filter(|m| m.kind == Kind::Every) {
        let mut from = every.end;
        for token in scan.tokens.iter_mut().filter(|t| t.start >= every.end) {
            let between = text[from..token.start].trim();
            if !matches!(between, "" | "to" | "or" | "-" | "–" | "—") {
                break;
            }
            token.interval = true;
            from = token.end;
        }
    }
}
