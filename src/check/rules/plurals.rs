//! `plurals`: plural selects of a translation that lack a CLDR category the language needs,
//! or have one it never selects; and example numbers for each category of a locale.

use std::cell::OnceCell;
use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, OnceLock};

use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

use super::variables::{
    Node, find_variant_key, find_word, pattern_start, variables_of, variant_key, walk,
};
use super::{MessagePair, Rule};
use crate::check::finding::{Finding, Level};

pub mod cldr;

pub const RULE: Rule = Rule {
    code: "plurals",
    level: Level::Error,
    summary: "a plural select lacking a CLDR category the language needs, or with one it never selects",
    docs: "\
What it finds: a select expression of the translation on a number (`{ $count -> … }` or
`{ NUMBER($count) -> … }`) with a CLDR plural category as a key (zero, one, two, few, many),
or with a numeric key (`[0]`) and a variant that shows the number, that has no variant for a
category the language needs: Lithuanian needs one, few, many and other; Romanian one, few and other; Italian one and
other. A numeric key stands in for a category only when the category is that number alone:
`[1]` covers Italian `one` (1 only) but not Lithuanian `one` (1, 21, 31…), and `[0]` never covers
Romanian `few` (0, 2–19…). Lithuanian `many` is for fractions (0.5 tablets): counts never reach
it, doses do. A category the language never selects (`[many]` in Italian or Romanian) is a
warning. Selects on strings (`$gender`, `$platform`,
`-brand.gender`), ordinal selects (`NUMBER($n, type: \"ordinal\")`), a select with a lone
`*[other]` variant, and numeric keys around text without the number (`[0] Set up
*[other] Add another account`, a switch, not a plural) are not checked.

Why it matters: Fluent picks the variant by the language's rules, and falls back to the default
variant when the category has no variant. Nothing breaks visibly, but for those numbers the
learner reads the wrong form: in Lithuanian `2 dozių` for `2 dozės`. Around doses and counts a
wrong form is easy to misread.

Example:

    # lt
    doses = { $count ->
        [one] { $count } dozė
       *[other] { $count } dozių
    }

reports that Lithuanian needs the categories `few` (e.g. 2, 3, 22) and `many` (e.g. 0.1, 0.5,
1.5).

Which data: kurso's categories and example numbers (and the sample numbers the `runtime` rule
formats with) come from current CLDR, through ICU4X's `icu_plurals`. Apps that render Fluent
with fluent-bundle select with `intl_pluralrules` 7.0.2, whose rules lose the modulo of some
CLDR rules. Lithuanian: 22–29, 32–39 and every later number ending in 2–9 (but not 12–19 of a
hundred) are CLDR `few`, and fluent-bundle selects `other`, so `22 dozės` shows as `22 dozių`;
111, 211, … are CLDR `other`, and it selects `one`. Romanian: 101–119, 201–219, … are CLDR `few`,
and it selects `other`, so `102 de pacienți` shows as `102 pacienți`. kurso cannot change what such an app
shows: write the `[few]` variant as CLDR wants, and check those numbers in the app itself.

How to fix: add the variants the finding names, in the form the language uses for those
numbers; delete variants the language never selects, after moving their text where it belongs.

To silence: `[check.rules] plurals = \"off\"` in kurso.toml, or a comment
`# kurso-allow plurals: reason` above the translated message.",
    check: Some(check),
};

/// The CLDR plural categories, in CLDR order.
const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

/// What the findings of one locale need: its name, examples and categories.
struct LocaleFacts {
    language: String,
    examples: Arc<Examples>,
    /// The categories of the rules fluent-bundle selects with (el's for el-CY), not
    /// `env.plural_categories`, which has `other` alone for a locale with a region.
    categories: Vec<&'static str>,
}

fn check(pair: &MessagePair<'_>, out: &mut Vec<Finding>) {
    let env = pair.env;
    // Looked up at the first plural select: most messages have none.
    let facts = OnceCell::new();
    for (attribute, pattern) in pair.target.patterns() {
        walk(pattern, &mut |node| {
            let Node::Select { selector, variants } = node else {
                return;
            };
            if !is_plural(selector, variants) {
                return;
            }
            let start = pattern_start(pair.target, attribute);
            let LocaleFacts {
                language,
                examples,
                categories,
            } = facts.get_or_init(|| {
                let examples = examples(&env.locale);
                LocaleFacts {
                    language: language_name(&env.locale, &env.name),
                    categories: examples.iter().map(|examples| examples.category).collect(),
                    examples,
                }
            });
            let keys: BTreeSet<&str> = variants.iter().map(|v| variant_key(&v.key)).collect();
            let at = selector_text(selector)
                .and_then(|text| find_word(pair.target, start, &text))
                .unwrap_or(start);
            let default = variants
                .iter()
                .find(|variant| variant.default)
                .map_or("other", |variant| variant_key(&variant.key));
            for category in examples.iter() {
                if keys.contains(category.category) || category.covered_by(variants) {
                    continue;
                }
                let eg = format!(" (e.g. {})", category.numbers.join(", "));
                let category = category.category;
                let mut f = pair.finding_at(
                    &RULE,
                    at,
                    format!(
                        "{language} needs the plural category `{category}`{eg}; add a \
                         [{category}] variant"
                    ),
                );
                f.help = Some(format!(
                    "without it, these numbers show the default variant [{default}], which is \
                     the wrong form in {language}"
                ));
                out.push(f);
            }
            for key in &keys {
                if CATEGORIES.contains(key) && !categories.contains(key) {
                    let offset = find_variant_key(pair.target, start, key).unwrap_or(at);
                    let mut f = pair.finding_at(
                        &RULE,
                        offset,
                        format!("`{key}` is never selected in {language}"),
                    );
                    f.level = Level::Warning;
                    f.help = Some(format!(
                        "{language} uses {}: move the text of [{key}] to the variant that needs \
                         it, or delete it",
                        categories.join(", ")
                    ));
                    out.push(f);
                }
            }
        });
    }
}

/// A select on a number by the language's plural rules: its selector is a variable or
/// `NUMBER(…)` (not ordinal), and a key is a category other than `other`, or a key is a
/// numeral and a variant shows the number (`[0] No doses *[other] { $n } doses`). Numeric keys
/// alone around text without the number are a switch (`[0] Set up *[other] Add another`).
fn is_plural(selector: &ast::InlineExpression<&str>, variants: &[ast::Variant<&str>]) -> bool {
    let variable = match selector {
        ast::InlineExpression::VariableReference { id } => Some(id.name),
        ast::InlineExpression::FunctionReference { id, arguments }
            if id.name == "NUMBER" && !is_ordinal(arguments) =>
        {
            arguments
                .positional
                .iter()
                .find_map(|argument| match argument {
                    ast::InlineExpression::VariableReference { id } => Some(id.name),
                    _ => None,
                })
        }
        _ => None,
    };
    let Some(variable) = variable else {
        return false;
    };
    let category_key = variants.iter().any(|variant| {
        matches!(&variant.key, ast::VariantKey::Identifier { name }
            if *name != "other" && CATEGORIES.contains(name))
    });
    let numeric_key = variants
        .iter()
        .any(|variant| matches!(variant.key, ast::VariantKey::NumberLiteral { .. }));
    let shows_number = || {
        variants
            .iter()
            .any(|variant| variables_of(&variant.value).contains(variable))
    };
    category_key || (numeric_key && shows_number())
}

fn is_ordinal(arguments: &ast::CallArguments<&str>) -> bool {
    arguments.named.iter().any(|named| {
        named.name.name == "type"
            && matches!(&named.value, ast::InlineExpression::StringLiteral { value } if *value == "ordinal")
    })
}

/// How the selector starts in the source, to point at it.
fn selector_text(selector: &ast::InlineExpression<&str>) -> Option<String> {
    match selector {
        ast::InlineExpression::VariableReference { id } => Some(format!("${}", id.name)),
        ast::InlineExpression::FunctionReference { id, .. } => Some(id.name.to_owned()),
        _ => None,
    }
}

/// Example numbers of one plural category of a locale.
#[derive(Debug)]
pub struct CategoryExamples {
    pub category: &'static str,
    /// One to three numbers of the category, for messages and sample arguments.
    pub numbers: Vec<String>,
    /// The category's only number, when it has one alone (Italian `one` is 1).
    pub only: Option<u32>,
}

impl CategoryExamples {
    /// A numeric key stands for the category when the category is that number alone:
    /// `[1]` in Italian covers `one`, in Lithuanian (1, 21, 31…) it does not.
    fn covered_by(&self, variants: &[ast::Variant<&str>]) -> bool {
        self.only.is_some_and(|only| {
            variants.iter().any(|variant| match &variant.key {
                ast::VariantKey::NumberLiteral { value } => value.parse() == Ok(only),
                ast::VariantKey::Identifier { .. } => false,
            })
        })
    }
}

/// The examples of every category of a locale, in CLDR order.
pub type Examples = Vec<CategoryExamples>;

/// Example numbers per plural category of `locale`, in CLDR order: integers from 0 to 199
/// (the first two, then the next one past 20, to show the pattern), or decimals for a
/// category with no integers (Lithuanian `many`). Computed once per locale.
pub fn examples(locale: &LanguageIdentifier) -> Arc<Examples> {
    static CACHE: OnceLock<Mutex<HashMap<LanguageIdentifier, Arc<Examples>>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Mutex::default);
    let cached = cache
        .lock()
        .map(|cache| cache.get(locale).cloned())
        .unwrap_or_default();
    if let Some(examples) = cached {
        return examples;
    }
    let examples = Arc::new(compute_examples(locale));
    if let Ok(mut cache) = cache.lock() {
        cache.insert(locale.clone(), Arc::clone(&examples));
    }
    examples
}

fn compute_examples(locale: &LanguageIdentifier) -> Examples {
    const DECIMALS: [&str; 6] = ["0.1", "0.5", "1.5", "2.5", "0.25", "10.5"];
    let Some(rules) = cldr::rules(locale) else {
        return vec![CategoryExamples {
            category: "other",
            numbers: vec!["0".to_owned()],
            only: None,
        }];
    };
    let integers: Vec<(u32, &str)> = (0..200_u32)
        .map(|n| (n, cldr::name(rules.category_for(n))))
        .collect();
    let mut out = Vec::new();
    for name in ["zero", "one", "two", "few", "many", "other"] {
        let category = name;
        let members: Vec<u32> = integers
            .iter()
            .filter(|(_, c)| *c == category)
            .map(|(n, _)| *n)
            .collect();
        let decimals: Vec<String> = DECIMALS
            .iter()
            .filter(|&&d| cldr::category(&rules, d) == Some(category))
            .take(3)
            .map(|&d| d.to_owned())
            .collect();
        let mut numbers: Vec<String> = members.iter().take(2).map(u32::to_string).collect();
        if let Some(&second) = members.get(1) {
            if let Some(n) = members.iter().find(|&&n| n >= 20 && n > second + 1) {
                numbers.push(n.to_string());
            }
        }
        let only = match (members.as_slice(), decimals.is_empty()) {
            ([only], true) => Some(*only),
            _ => None,
        };
        if numbers.is_empty() {
            numbers = decimals;
        }
        if !numbers.is_empty() {
            out.push(CategoryExamples {
                category: name,
                numbers,
                only,
            });
        }
    }
    out
}

/// The English name of the locale's language, with the locale code when it has a region or
/// script (`Greek (el-CY)`); the code alone for languages not listed.
fn language_name(locale: &LanguageIdentifier, code: &str) -> String {
    let name = match locale.language.as_str() {
        "ar" => "Arabic",
        "bg" => "Bulgarian",
        "bs" => "Bosnian",
        "ca" => "Catalan",
        "cs" => "Czech",
        "da" => "Danish",
        "de" => "German",
        "el" => "Greek",
        "en" => "English",
        "es" => "Spanish",
        "et" => "Estonian",
        "fi" => "Finnish",
        "fr" => "French",
        "ga" => "Irish",
        "he" => "Hebrew",
        "hr" => "Croatian",
        "hu" => "Hungarian",
        "is" => "Icelandic",
        "it" => "Italian",
        "lt" => "Lithuanian",
        "lv" => "Latvian",
        "mk" => "Macedonian",
        "mt" => "Maltese",
        "nb" | "nn" | "no" => "Norwegian",
        "nl" => "Dutch",
        "pl" => "Polish",
        "pt" => "Portuguese",
        "ro" => "Romanian",
        "ru" => "Russian",
        "sk" => "Slovak",
        "sl" => "Slovenian",
        "sq" => "Albanian",
        "sr" => "Serbian",
        "sv" => "Swedish",
        "tr" => "Turkish",
        "uk" => "Ukrainian",
        _ => return format!("`{code}`"),
    };
    if locale.region.is_some() || locale.script.is_some() {
        format!("{name} ({code})")
    } else {
        name.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::{RULE, examples};
    use crate::check::finding::Level;
    use crate::check::rules::fixture;

    /// The findings' `line:col level: message` for English `en` and a translation `tr`.
    #[track_caller]
    fn check(locale: &str, en: &str, tr: &str, expected: &[&str]) {
        fixture::check(&RULE, locale, en, tr, expected);
    }

    const EN: &str =
        "doses = { $count ->\n    [one] { $count } dose\n   *[other] { $count } doses\n}\n";

    #[test]
    fn lithuanian_with_english_categories_lacks_few_and_many() {
        check(
            "lt",
            EN,
            "doses = { $count ->\n    [one] { $count } dozė\n   *[other] { $count } dozių\n}\n",
            &[
                "1:11 error: Lithuanian needs the plural category `few` (e.g. 2, 3, 22); add a [few] variant",
                "1:11 error: Lithuanian needs the plural category `many` (e.g. 0.1, 0.5, 1.5); add a [many] variant",
            ],
        );
    }

    #[test]
    fn every_category_of_the_language_is_enough() {
        check(
            "lt",
            EN,
            "doses = { $count ->\n    [one] { $count } dozė\n    [few] { $count } dozės\n    [many] { $count } dozės\n   *[other] { $count } dozių\n}\n",
            &[],
        );
        check(
            "ro",
            EN,
            "doses = { NUMBER($count) ->\n    [one] o doză\n    [few] { $count } doze\n   *[other] { $count } de doze\n}\n",
            &[],
        );
    }

    #[test]
    fn a_numeric_key_stands_only_for_a_category_of_that_number_alone() {
        let one = "doses = { $count ->\n    [1] una dose\n   *[other] { $count } dosi\n}\n";
        check("it", EN, one, &[]);
        check(
            "lt",
            EN,
            one,
            &[
                "1:11 error: Lithuanian needs the plural category `one` (e.g. 1, 21, 31); add a [one] variant",
                "1:11 error: Lithuanian needs the plural category `few` (e.g. 2, 3, 22); add a [few] variant",
                "1:11 error: Lithuanian needs the plural category `many` (e.g. 0.1, 0.5, 1.5); add a [many] variant",
            ],
        );
        check(
            "ro",
            EN,
            "doses = { $count ->\n    [0] nicio doză\n    [1] o doză\n   *[other] { $count } de doze\n}\n",
            &[
                "1:11 error: Romanian needs the plural category `few` (e.g. 0, 2, 101); add a [few] variant",
            ],
        );
    }

    #[test]
    fn a_category_the_language_never_selects_is_a_warning() {
        check(
            "ro",
            EN,
            "doses = { $count ->\n    [one] o doză\n    [few] { $count } doze\n    [many] { $count } de doze\n   *[other] { $count } de doze\n}\n",
            &["4:5 warning: `many` is never selected in Romanian"],
        );
        let findings = fixture::run(
            &RULE,
            "it",
            EN,
            "doses = { $count ->\n    [one] una dose\n    [many] { $count } di dosi\n   *[other] { $count } dosi\n}\n",
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].level, Level::Warning);
        assert_eq!(findings[0].message, "`many` is never selected in Italian");
    }

    #[test]
    fn a_locale_with_a_region_uses_its_language_rules() {
        let el = "doses = { $count ->\n    [one] μία δόση\n   *[other] { $count } δόσεις\n}\n";
        check("el-CY", EN, el, &[]);
        check(
            "lt-LT",
            EN,
            "doses = { $count ->\n    [one] { $count } dozė\n    [few] { $count } dozės\n   *[other] { $count } dozių\n}\n",
            &[
                "1:11 error: Lithuanian (lt-LT) needs the plural category `many` (e.g. 0.1, 0.5, 1.5); add a [many] variant",
            ],
        );
    }

    #[test]
    fn selects_on_strings_ordinals_and_a_lone_default_are_not_plural() {
        let en = "a = { $gender ->\n    [female] She\n   *[other] They\n}\n";
        check(
            "lt",
            en,
            "a = { $gender ->\n    [female] Ji\n   *[other] Jie\n}\n",
            &[],
        );
        check(
            "lt",
            "-brand = Kurso\n    .gender = masculine\na = { -brand.gender ->\n    [masculine] He\n   *[other] It\n}\n",
            "-brand = Kurso\n    .gender = masculine\na = { -brand.gender ->\n    [masculine] Jis\n   *[other] Tai\n}\n",
            &[],
        );
        check(
            "lt",
            EN,
            "doses = { NUMBER($count, type: \"ordinal\") ->\n    [one] { $count } dozė\n   *[other] { $count } dozių\n}\n",
            &[],
        );
        check(
            "tr",
            EN,
            "doses = { $count ->\n   *[other] { $count } doz\n}\n",
            &[],
        );
        check(
            "el",
            "setup = { $accounts ->\n    [0] Choose what to set up\n   *[other] Set up another account\n}\n",
            "setup = { $accounts ->\n    [0] Επιλέξτε τι θα ρυθμίσετε\n   *[other] Ρύθμιση άλλου λογαριασμού\n}\n",
            &[],
        );
    }

    #[test]
    fn selects_in_attributes_and_nested_variants_are_checked() {
        check(
            "lt",
            "a = A\n    .title = { $count } doses\n",
            "a = A\n    .title = { $gender ->\n        [female] { $count ->\n            [one] dozė\n           *[other] dozių\n        }\n       *[other] dozės\n    }\n",
            &[
                "3:20 error: Lithuanian needs the plural category `few` (e.g. 2, 3, 22); add a [few] variant",
                "3:20 error: Lithuanian needs the plural category `many` (e.g. 0.1, 0.5, 1.5); add a [many] variant",
            ],
        );
    }

    #[test]
    fn examples_show_the_pattern_of_each_category() {
        let lt = examples(&"lt".parse().expect("locale"));
        let find = |name: &str| {
            lt.iter()
                .find(|examples| examples.category == name)
                .map(|examples| examples.numbers.join(", "))
        };
        assert_eq!(find("one").as_deref(), Some("1, 21, 31"));
        assert_eq!(find("few").as_deref(), Some("2, 3, 22"));
        assert_eq!(find("other").as_deref(), Some("0, 10, 20"));
        // Current CLDR: Romanian 101-119 are `few` (fluent-bundle's data says `other`).
        let ro = examples(&"ro".parse().expect("locale"));
        let few = ro.iter().find(|e| e.category == "few").expect("few");
        assert_eq!(few.numbers, ["0", "2", "101"]);
        let cypriot = examples(&"el-CY".parse().expect("locale"));
        assert_eq!(cypriot.len(), 2, "el-CY uses Greek's rules: {cypriot:?}");
        let unknown = examples(&"tlh".parse().expect("locale"));
        assert!(!unknown.is_empty());
    }
}
