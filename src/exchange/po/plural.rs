//! gettext plural forms: the `Plural-Forms` header kurso writes for each target language, and
//! which CLDR plural category (the keys of a Fluent plural select) each `msgstr[i]` holds.
//!
//! gettext chooses a form with a C expression over an integer `n`; Fluent chooses a CLDR
//! category (`zero one two few many other`). The two are tied by evaluating the expression: for
//! sample integers (0–20 and powers of ten), the index the expression gives and the category
//! CLDR (the `intl_pluralrules` data fluent-bundle uses) gives are put side by side. An index holds
//! `other` when `other` falls into it, else the one category that does; an index that mixes two
//! categories other than `other`, or a category that two indices claim, makes the header
//! unusable for kurso (reported, never guessed). This is done for kurso's own table (a test
//! checks every row against the mapping written beside it) and for whatever header a file
//! brings back, so a tool that rewrites `Plural-Forms` (forms in another order, Weblate's four
//! Lithuanian forms) is read correctly. An index no integer reaches (Weblate's `n % 1 != 0`)
//! holds the one category no other index holds, if exactly one is left (Lithuanian `many`).
//! Poedit's CLDR 42 Italian header (a form for millions) cannot be mapped: the CLDR data
//! fluent-bundle selects with has no Italian `many`, so kurso could never show that form.
//!
//! A category with no index of its own stays a separate, non-plural entry: gettext counts only
//! integers, so Lithuanian `many` (fractions: `1,5 paciento`) has none under the 3-form rule,
//! nor has Italian `many` (`un milione di pazienti`) under the 2-form one, which folds it into
//! `other`.
//!
//! The table (`nplurals` and `plural` as in the GNU gettext manual, "Plural forms"
//! (<https://www.gnu.org/software/gettext/manual/html_node/Plural-forms.html>), which are also
//! Translate Toolkit's `translate/lang/data.py` and what GNOME's and Mozilla's teams use):
//!
//! | language | `Plural-Forms` | `msgstr[0]`, `[1]`, … | own entry |
//! |---|---|---|---|
//! | el, en, fi, hu, tr, de, nl, sv, da, es, pt | `nplurals=2; plural=(n != 1);` | one, other | (es, pt: many) |
//! | it | `nplurals=2; plural=(n != 1);` | one, other | many (millions) |
//! | fr | `nplurals=2; plural=(n > 1);` | one, other | many (millions) |
//! | lt | `nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 \|\| n%100>=20) ? 1 : 2);` | one, few, other | many (fractions) |
//! | ro | `nplurals=3; plural=(n==1 ? 0 : (n==0 \|\| (n%100 > 0 && n%100 < 20)) ? 1 : 2);` | one, few, other | |
//! | pl | `nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 \|\| n%100>=20) ? 1 : 2);` | one, few, many | other (fractions) |
//!
//! Regional variants (`el-CY`, `pt-BR`) use their language's row. A language not in the table
//! gets no `Plural-Forms` and no plural entries: each variant is its own entry.

use unic_langid::LanguageIdentifier;

/// `Plural-Forms` per language (see the module docs for the source and the mapping).
const TABLE: &[(&str, &str)] = &[
    ("da", TWO_FORMS),
    ("de", TWO_FORMS),
    ("el", TWO_FORMS),
    ("en", TWO_FORMS),
    ("es", TWO_FORMS),
    ("fi", TWO_FORMS),
    ("fr", "nplurals=2; plural=(n > 1);"),
    ("hu", TWO_FORMS),
    ("it", TWO_FORMS),
    (
        "lt",
        "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);",
    ),
    ("nl", TWO_FORMS),
    (
        "pl",
        "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    ),
    ("pt", TWO_FORMS),
    (
        "ro",
        "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);",
    ),
    ("sv", TWO_FORMS),
    ("tr", TWO_FORMS),
];

const TWO_FORMS: &str = "nplurals=2; plural=(n != 1);";

/// CLDR categories in CLDR order.
pub const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// A parsed `Plural-Forms` value and the CLDR category of each of its indices.
#[derive(Debug, Clone)]
pub struct PluralForms {
    /// The header value as written.
    pub header: String,
    /// The category `msgstr[i]` holds, per index; `None` for an index no integer reaches.
    pub categories: Vec<Option<&'static str>>,
}

impl PluralForms {
    /// kurso's plural forms for `locale` (by its language), if the table has them.
    pub fn for_locale(locale: &str) -> Option<PluralForms> {
        let language = locale.split(['-', '_']).next().unwrap_or(locale);
        let (_, header) = TABLE.iter().find(|(lang, _)| *lang == language)?;
        PluralForms::parse(header, locale).ok()
    }

    /// Parses a `Plural-Forms` header value and maps its indices to `locale`'s categories.
    pub fn parse(header: &str, locale: &str) -> Result<PluralForms, String> {
        let (nplurals, expression) = split_header(header)?;
        let expr = Parser::new(expression).parse()?;
        let categories = map_categories(&expr, nplurals, locale)?;
        Ok(PluralForms {
            header: header.trim().to_owned(),
            categories,
        })
    }

    /// The index that holds `category`, if one does.
    pub fn index_of(&self, category: &str) -> Option<usize> {
        self.categories.iter().position(|c| *c == Some(category))
    }
}

/// `nplurals=2; plural=(n != 1);` → (2, `(n != 1)`).
fn split_header(header: &str) -> Result<(usize, &str), String> {
    let mut nplurals = None;
    let mut plural = None;
    for part in header.split(';') {
        let Some((key, value)) = part.split_once('=') else {
            continue;
        };
        match key.trim() {
            "nplurals" => {
                nplurals = Some(
                    value
                        .trim()
                        .parse::<usize>()
                        .map_err(|_| format!("`nplurals={}` is not a number", value.trim()))?,
                );
            }
            "plural" => plural = Some(value.trim()),
            _ => {}
        }
    }
    match (nplurals, plural) {
        (Some(n), Some(p)) if (1..=6).contains(&n) => Ok((n, p)),
        (Some(n), Some(_)) => Err(format!("`nplurals={n}` is not between 1 and 6")),
        _ => Err("`Plural-Forms` needs `nplurals=N; plural=EXPRESSION;`".to_owned()),
    }
}

/// Evaluates `expr` and CLDR's rules for `locale` side by side on sample integers.
fn map_categories(
    expr: &Expr,
    nplurals: usize,
    locale: &str,
) -> Result<Vec<Option<&'static str>>, String> {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
    let language = locale.split(['-', '_']).next().unwrap_or(locale);
    let rules = language
        .parse::<LanguageIdentifier>()
        .ok()
        .and_then(|lang| PluralRules::create(lang, PluralRuleType::CARDINAL).ok())
        .ok_or_else(|| format!("no CLDR plural rules for `{locale}`"))?;
    // 0–20 and powers of ten reach every integer category CLDR defines; 21–99 are left out
    // because `intl_pluralrules` 7.0.2 drops the modulo of rules written on `n` (Lithuanian
    // `n % 10 = 2..9`, Romanian `n % 100 = 1..19`) and calls 22 `other` where CLDR says `few`.
    let samples = (0..=20_u64).chain([100, 1000, 10_000, 100_000, 1_000_000, 2_000_000]);
    let mut seen: Vec<Vec<&'static str>> = vec![Vec::new(); nplurals];
    for n in samples {
        let index = expr.eval(i64::try_from(n).expect("small sample"))?;
        let slot = usize::try_from(index)
            .ok()
            .filter(|i| *i < nplurals)
            .ok_or_else(|| format!("the expression gives {index} for n = {n}, past nplurals"))?;
        let category = match rules.select(n) {
            Ok(PluralCategory::ZERO) => "zero",
            Ok(PluralCategory::ONE) => "one",
            Ok(PluralCategory::TWO) => "two",
            Ok(PluralCategory::FEW) => "few",
            Ok(PluralCategory::MANY) => "many",
            _ => "other",
        };
        if !seen[slot].contains(&category) {
            seen[slot].push(category);
        }
    }
    let mut categories: Vec<Option<&'static str>> = Vec::with_capacity(nplurals);
    for (index, found) in seen.iter().enumerate() {
        let category = match found.as_slice() {
            [] => None,
            [one] => Some(*one),
            _ if found.contains(&"other") => Some("other"),
            _ => {
                return Err(format!(
                    "msgstr[{index}] mixes the CLDR categories {}",
                    found.join(" and ")
                ));
            }
        };
        if category.is_some() && categories.contains(&category) {
            return Err(format!(
                "two forms hold the CLDR category `{}`",
                category.unwrap_or_default()
            ));
        }
        categories.push(category);
    }
    // An index no integer reaches (Weblate's Lithuanian `n % 1 != 0 ? 2`) holds the fraction
    // form: the one category of the language that no index holds, when there is exactly one.
    let unreached: Vec<usize> = (0..nplurals).filter(|i| categories[*i].is_none()).collect();
    if let [index] = unreached[..] {
        let locale: LanguageIdentifier = language.parse().map_err(|_| "bad locale".to_owned())?;
        let left: Vec<&'static str> = crate::check::plural_categories(&locale)
            .into_iter()
            .filter(|c| !categories.contains(&Some(*c)))
            .collect();
        if let [category] = left[..] {
            categories[index] = Some(category);
        }
    }
    Ok(categories)
}

/// A plural expression: C's integer operators over `n`.
#[derive(Debug, Clone)]
enum Expr {
    N,
    Number(i64),
    Not(Box<Expr>),
    Negate(Box<Expr>),
    Binary(Box<Expr>, Op, Box<Expr>),
    Ternary(Box<Expr>, Box<Expr>, Box<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
    Rem,
}

impl Expr {
    fn eval(&self, n: i64) -> Result<i64, String> {
        Ok(match self {
            Expr::N => n,
            Expr::Number(value) => *value,
            Expr::Not(inner) => i64::from(inner.eval(n)? == 0),
            Expr::Negate(inner) => inner.eval(n)?.wrapping_neg(),
            Expr::Ternary(test, yes, no) => {
                if test.eval(n)? != 0 {
                    yes.eval(n)?
                } else {
                    no.eval(n)?
                }
            }
            Expr::Binary(left, op, right) => {
                let a = left.eval(n)?;
                // `||` and `&&` short-circuit, as in C.
                match op {
                    Op::Or if a != 0 => return Ok(1),
                    Op::And if a == 0 => return Ok(0),
                    _ => {}
                }
                let b = right.eval(n)?;
                match op {
                    Op::Or | Op::And => i64::from(b != 0),
                    Op::Eq => i64::from(a == b),
                    Op::Ne => i64::from(a != b),
                    Op::Lt => i64::from(a < b),
                    Op::Le => i64::from(a <= b),
                    Op::Gt => i64::from(a > b),
                    Op::Ge => i64::from(a >= b),
                    Op::Add => a.wrapping_add(b),
                    Op::Sub => a.wrapping_sub(b),
                    Op::Mul => a.wrapping_mul(b),
                    Op::Div | Op::Rem if b == 0 => {
                        return Err(format!("the expression divides by zero for n = {n}"));
                    }
                    Op::Div => a / b,
                    Op::Rem => a % b,
                }
            }
        })
    }
}

/// A precedence-climbing parser for the C subset gettext allows.
struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser { text, pos: 0 }
    }

    fn parse(mut self) -> Result<Expr, String> {
        let expr = self.ternary()?;
        self.skip_blanks();
        if self.pos < self.text.len() {
            return Err(format!(
                "unexpected `{}` in the plural expression",
                &self.text[self.pos..]
            ));
        }
        Ok(expr)
    }

    fn skip_blanks(&mut self) {
        let rest = &self.text[self.pos..];
        self.pos += rest.len() - rest.trim_start().len();
    }

    fn eat(&mut self, token: &str) -> bool {
        self.skip_blanks();
        if self.text[self.pos..].starts_with(token) {
            self.pos += token.len();
            true
        } else {
            false
        }
    }

    fn ternary(&mut self) -> Result<Expr, String> {
        let test = self.binary(0)?;
        if !self.eat("?") {
            return Ok(test);
        }
        let yes = self.ternary()?;
        if !self.eat(":") {
            return Err("`?` without `:` in the plural expression".to_owned());
        }
        let no = self.ternary()?;
        Ok(Expr::Ternary(Box::new(test), Box::new(yes), Box::new(no)))
    }

    /// Binary operators by precedence level, loosest first; two-character operators before
    /// their one-character prefixes.
    fn binary(&mut self, level: usize) -> Result<Expr, String> {
        const LEVELS: &[&[(&str, Op)]] = &[
            &[("||", Op::Or)],
            &[("&&", Op::And)],
            &[("==", Op::Eq), ("!=", Op::Ne)],
            &[("<=", Op::Le), (">=", Op::Ge), ("<", Op::Lt), (">", Op::Gt)],
            &[("+", Op::Add), ("-", Op::Sub)],
            &[("*", Op::Mul), ("/", Op::Div), ("%", Op::Rem)],
        ];
        let Some(operators) = LEVELS.get(level) else {
            return self.unary();
        };
        let mut left = self.binary(level + 1)?;
        'operators: loop {
            for (token, op) in *operators {
                if self.eat(token) {
                    let right = self.binary(level + 1)?;
                    left = Expr::Binary(Box::new(left), *op, Box::new(right));
                    continue 'operators;
                }
            }
            return Ok(left);
        }
    }

    fn unary(&mut self) -> Result<Expr, String> {
        if self.eat("!") {
            return Ok(Expr::Not(Box::new(self.unary()?)));
        }
        if self.eat("-") {
            return Ok(Expr::Negate(Box::new(self.unary()?)));
        }
        if self.eat("(") {
            let inner = self.ternary()?;
            if !self.eat(")") {
                return Err("`(` without `)` in the plural expression".to_owned());
            }
            return Ok(inner);
        }
        if self.eat("n") {
            return Ok(Expr::N);
        }
        self.skip_blanks();
        let digits = self.text[self.pos..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        if digits == 0 {
            return Err(format!(
                "expected `n`, a number or `(` at `{}` in the plural expression",
                &self.text[self.pos..]
            ));
        }
        let number = self.text[self.pos..self.pos + digits]
            .parse()
            .map_err(|_| "a number in the plural expression is too large".to_owned())?;
        self.pos += digits;
        Ok(Expr::Number(number))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(locale: &str, expected: &[&str]) {
        let forms = PluralForms::for_locale(locale).expect("in the table");
        let got: Vec<&str> = forms.categories.iter().map(|c| c.unwrap_or("-")).collect();
        assert_eq!(got, expected, "{locale}: {}", forms.header);
    }

    #[test]
    fn every_row_of_the_table_maps_as_documented() {
        for two in [
            "da", "de", "el", "en", "es", "fi", "hu", "it", "nl", "pt", "sv", "tr",
        ] {
            check(two, &["one", "other"]);
        }
        check("fr", &["one", "other"]);
        check("lt", &["one", "few", "other"]);
        check("ro", &["one", "few", "other"]);
        check("pl", &["one", "few", "many"]);
        check("el-CY", &["one", "other"]);
        check("lt_LT", &["one", "few", "other"]);
        assert!(PluralForms::for_locale("ja").is_none());
    }

    #[test]
    fn a_header_a_tool_rewrote_is_mapped_by_evaluation() {
        // Weblate's Lithuanian: a fourth form no integer reaches, for fractions (`many`).
        let lt = PluralForms::parse(
            "nplurals=4; plural=(n % 10 == 1 && (n % 100 > 19 || n % 100 < 11) ? 0 : (n % 10 >= 2 && n % 10 <=9) && (n % 100 > 19 || n % 100 < 11) ? 1 : n % 1 != 0 ? 2: 3);",
            "lt",
        )
        .expect("maps");
        assert_eq!(
            lt.categories,
            [Some("one"), Some("few"), Some("many"), Some("other")]
        );
        // Forms in another order.
        let ro = PluralForms::parse(
            "nplurals=3; plural=(n==1 ? 2 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 0 : 1);",
            "ro",
        )
        .expect("maps");
        assert_eq!(ro.categories, [Some("few"), Some("other"), Some("one")]);
        // The old single-form Turkish header folds `one` into `other`.
        let tr = PluralForms::parse("nplurals=1; plural=0;", "tr").expect("maps");
        assert_eq!(tr.categories, [Some("other")]);
        assert_eq!(tr.index_of("one"), None);
    }

    #[test]
    fn headers_that_cannot_be_mapped_are_refused() {
        // Poedit's CLDR 42 Italian form for millions: the CLDR data fluent-bundle uses has no
        // Italian `many`, so two forms would hold `other`.
        let err = PluralForms::parse(
            "nplurals=3; plural=(n == 1) ? 0 : ((n != 0 && n % 1000000 == 0) ? 1 : 2);",
            "it",
        )
        .expect_err("two forms for other");
        assert_eq!(err, "two forms hold the CLDR category `other`");
        // Lithuanian `one` and `few` in one form.
        let err = PluralForms::parse(
            "nplurals=2; plural=(n%10==0 || (n%100>=11 && n%100<=19));",
            "lt",
        )
        .expect_err("mixes one and few");
        assert!(err.contains("mixes"), "{err}");
        let err = PluralForms::parse("nplurals=2; plural=n;", "en").expect_err("index past 2");
        assert!(err.contains("past nplurals"), "{err}");
        for bad in [
            "plural=(n != 1);",
            "nplurals=2; plural=(n != ;",
            "nplurals=x; plural=0;",
        ] {
            assert!(PluralForms::parse(bad, "en").is_err(), "{bad}");
        }
        assert!(PluralForms::parse("nplurals=2; plural=(n != 1);", "xx-unknown").is_err());
    }

    #[test]
    fn c_precedence_and_short_circuits() {
        let value = |text: &str, n| Parser::new(text).parse().expect("parses").eval(n);
        assert_eq!(value("1 + 2 * 3", 0), Ok(7));
        assert_eq!(value("n == 1 ? 0 : n < 5 ? 1 : 2", 3), Ok(1));
        assert_eq!(value("!(n % 2) && n > 2", 4), Ok(1));
        assert_eq!(value("n > 0 || n / 0", 1), Ok(1));
        assert!(value("n / 0", 1).is_err());
    }
}
