//! Comparing the numbers of the English and a translation: which reading of each number
//! fits, the values lost, added and changed, units that changed next to the same number,
//! values that changed places, comparisons turned around, and a dosing interval that lost
//! its number.
//!
//! Values are compared as sets: a value the English has twice and the translation once is
//! not reported, because languages repeat numbers differently ("24 ore su 24").

use std::collections::{BTreeSet, HashMap, HashSet};

use super::scan::{ENGLISH, Scan, Style, Token, scan};
use super::wording::Kind;

/// English words for the numbers 0 to 12, `|` between numbers.
const WORDS: &str = "zero no|one once first single|two twice second both|three thrice third|\
    four fourth|five fifth|six sixth|seven seventh|eight eighth|nine ninth|ten tenth|\
    eleven eleventh|twelve twelfth dozen";
/// Past this many combinations of readings only the first readings are used.
const MAX_COMBINATIONS: usize = 256;

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
pub struct Report(pub String, pub String, pub bool, pub Option<String>);

/// One value of a token's chosen reading.
struct Value<'a> {
    number: String,
    /// The token, when its reading is this one value (not `10.30` read as 10 and 30); then
    /// the token's text and unit stand for the value.
    token: Option<&'a Token>,
    /// The part of the sentence it is in, and whether it is a dosing interval's number.
    part: usize,
    interval: bool,
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
            part: token.part,
            interval: token.interval,
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
pub struct Comparison<'a> {
    pub english: &'a Scan,
    pub translated: &'a Scan,
    /// The English's lowercase words, for numbers it spells out.
    pub words: &'a BTreeSet<String>,
    pub locale: &'a str,
    pub style: Style,
}

impl Comparison<'_> {
    pub fn reports(&self) -> Vec<Report> {
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
        reports.extend(swaps(&en_values, &tr_values));
        reports.extend(self.reversed());
        reports
    }

    /// Identifiers lost or added; `v5.0` → `5.0` or `NG51` → `NG 51` is not a loss.
    fn codes(&self, missing: &mut Vec<&Value<'_>>, extra: &mut Vec<&Value<'_>>) -> Vec<Report> {
        let take = |list: &mut Vec<&Value<'_>>, code: &str| {
            let digits = &code[code.find(|c: char| c.is_ascii_digit()).unwrap_or(0)..];
            let tokens = scan(digits, ENGLISH, "en").tokens;
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
        if english.interval {
            let message = format!(
                "the English `{raw}` of a dosing interval (every {raw} …) is missing from the \
                 translation"
            );
            let help = format!(
                "an interval without its number (every hour, every few hours) is another dose; \
                 write `{}`",
                self.localized(english)
            );
            return Report(message, help, false, None);
        }
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

    /// A comparison turned around: the English has an upper bound (`below`) where the
    /// translation has a lower one (`yli`), or the other way round. Reported only when one
    /// direction is lost *and* the other gained, so a comparison said another way (or with
    /// no word) is not an error.
    fn reversed(&self) -> Option<Report> {
        fn count(scan: &Scan, kind: Kind) -> (usize, Option<&String>) {
            let of_kind = scan.comparisons.iter().filter(|(k, _)| *k == kind);
            (
                of_kind.clone().count(),
                of_kind.map(|(_, written)| written).next(),
            )
        }
        let [en_up, en_down, tr_up, tr_down] = [
            count(self.english, Kind::Up),
            count(self.english, Kind::Down),
            count(self.translated, Kind::Up),
            count(self.translated, Kind::Down),
        ];
        let (was, now) = if tr_up.0 < en_up.0 && tr_down.0 > en_down.0 {
            (en_up.1?, tr_down.1?)
        } else if tr_down.0 < en_down.0 && tr_up.0 > en_up.0 {
            (en_down.1?, tr_up.1?)
        } else {
            return None;
        };
        let message =
            format!("`{now}` says the opposite of the English `{was}`: the comparison is reversed");
        let help = format!("a limit must point the same way as in the English `{was}`");
        Some(Report(message, help, false, Some(now.clone())))
    }
}

/// Two values that changed places: a number that shares its part of the sentence with one
/// number in the English (`10 units at 8:00`) and with another in the translation (`10
/// yksikköä klo 18.00`). Only numbers written once on each side are compared; a part split or
/// joined differently (no number leaving its English company) is not a swap.
fn swaps(english: &[Value<'_>], translated: &[Value<'_>]) -> Option<Report> {
    let once = |values: &[Value<'_>], number: &str| {
        let mut same = values.iter().filter(|v| v.number == number);
        same.next()
            .filter(|_| same.next().is_none())
            .map(|v| v.part)
    };
    let common: Vec<(&Value<'_>, usize, usize)> = english
        .iter()
        .filter_map(|v| Some((v, once(english, &v.number)?, once(translated, &v.number)?)))
        .collect();
    for &(value, en_part, tr_part) in &common {
        let others = common
            .iter()
            .filter(|(other, ..)| other.number != value.number);
        let was = others
            .clone()
            .find(|&&(_, e, t)| e == en_part && t != tr_part);
        let now = others
            .clone()
            .find(|&&(_, e, t)| e != en_part && t == tr_part);
        if let (Some((was, ..)), Some((now, ..))) = (was, now) {
            let written = translated.iter().find(|v| v.number == value.number)?;
            let message = format!(
                "`{}` goes with `{}` here but with `{}` in the English: values swapped",
                written.shown(),
                now.raw(),
                was.raw()
            );
            let help = "each dose, volume or time must stay with what it belongs to in the \
                        English"
                .to_owned();
            return Some(Report(message, help, false, Some(written.raw().to_owned())));
        }
    }
    None
}

/// Same number, different unit (`5 mg` → `5 g`, `15 minutes` → `15 tunnin`), once per English
/// number and unit.
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
        // A translated unit another English value of this number has is that value's.
        let accounted = |t: &Value<'_>| {
            let same = english.iter().filter(|e| e.number == value.number);
            same.clone().any(|e| same_unit(e, t))
        };
        if let Some(other) = same_number
            .iter()
            .find(|t| t.unit().is_some() && !accounted(t))
        {
            let (now, was) = (other.shown(), value.shown());
            let message = format!("`{now}` does not match the English `{was}`: the unit changed");
            let help = format!("keep the English unit `{written}`");
            reports.push(Report(message, help, false, Some(other.raw().to_owned())));
        }
    }
}

/// Lowercase words of `text`.
pub fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .collect()
}
