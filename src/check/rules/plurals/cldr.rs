//! Plural categories from current CLDR data, through ICU4X's `icu_plurals` (compiled-in data):
//! kurso's own plural checks and the `runtime` rule's sample numbers use them.
//!
//! fluent-bundle selects variants with `intl_pluralrules` 7.0.2, whose rules drop the modulo of
//! some CLDR rules: for Lithuanian 22–29 (CLDR `few`) and Romanian 102–119 (CLDR `few`) it
//! answers `other`. [`fluent_bundle_differences`] lists such numbers, so `kurso explain plurals`
//! can say what an app rendering Fluent with fluent-bundle will show.

use icu_locale_core::Locale;
use icu_plurals::{PluralCategory, PluralRules};
use unic_langid::LanguageIdentifier;

/// The cardinal plural rules of `locale` from current CLDR (the language's, for a regional
/// locale without its own; the root rules, `other` alone, for a language CLDR does not know).
pub fn rules(locale: &LanguageIdentifier) -> Option<PluralRules> {
    let parsed = Locale::try_from_str(&locale.to_string())
        .or_else(|_| Locale::try_from_str(locale.language.as_str()))
        .ok()?;
    PluralRules::try_new_cardinal((&parsed).into()).ok()
}

/// The CLDR name of a category.
pub fn name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// The category of `number` (an integer or a decimal as written, `1.5`).
pub fn category(rules: &PluralRules, number: &str) -> Option<&'static str> {
    let decimal = fixed_decimal::Decimal::try_from_str(number).ok()?;
    Some(name(rules.category_for(&decimal)))
}

/// The categories of `locale` in CLDR order (`zero one two few many other`) that a number
/// a course shows can select: those of the integers 0 to 1000 and of decimals with one or two
/// fraction digits. Left out is the `many` that current CLDR gives Italian, Spanish, French,
/// Portuguese and Catalan for exact millions (`1 milione di`): Fluent numbers are not
/// compact, and fluent-bundle never selects it. `other` alone when CLDR has no rules.
pub fn categories(locale: &LanguageIdentifier) -> Vec<&'static str> {
    const DECIMALS: [&str; 9] = [
        "0.0", "0.1", "0.5", "1.0", "1.5", "2.5", "0.01", "1.25", "10.5",
    ];
    let Some(rules) = rules(locale) else {
        return vec!["other"];
    };
    let mut present: Vec<&str> = (0..=1000_u32)
        .map(|n| name(rules.category_for(n)))
        .collect();
    present.extend(DECIMALS.iter().filter_map(|d| category(&rules, d)));
    ["zero", "one", "two", "few", "many", "other"]
        .into_iter()
        .filter(|category| present.contains(category))
        .collect()
}

/// Whole numbers from 0 to `max` that fluent-bundle (`intl_pluralrules` 7.0.2) puts in
/// another category than current CLDR: `(number, CLDR category, fluent-bundle category)`.
pub fn fluent_bundle_differences(
    locale: &LanguageIdentifier,
    max: u32,
) -> Vec<(u32, &'static str, &'static str)> {
    use intl_pluralrules::{PluralCategory as Old, PluralRuleType};
    let Some(current) = rules(locale) else {
        return Vec::new();
    };
    let language_only = LanguageIdentifier::from_parts(locale.language, None, None, &[]);
    let Ok(old) = intl_pluralrules::PluralRules::create(locale.clone(), PluralRuleType::CARDINAL)
        .or_else(|_| {
            intl_pluralrules::PluralRules::create(language_only, PluralRuleType::CARDINAL)
        })
    else {
        return Vec::new();
    };
    let old_name = |category: Old| match category {
        Old::ZERO => "zero",
        Old::ONE => "one",
        Old::TWO => "two",
        Old::FEW => "few",
        Old::MANY => "many",
        Old::OTHER => "other",
    };
    (0..=max)
        .filter_map(|n| {
            let now = name(current.category_for(n));
            let then = old.select(n).ok().map(old_name)?;
            (now != then).then_some((n, now, then))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(code: &str) -> LanguageIdentifier {
        code.parse().expect("a locale code")
    }

    #[test]
    fn lithuanian_22_to_29_and_romanian_102_to_119_are_few_in_current_cldr() {
        let lt = rules(&locale("lt")).expect("lt rules");
        for n in 22..=29 {
            assert_eq!(category(&lt, &n.to_string()), Some("few"), "lt {n}");
        }
        assert_eq!(category(&lt, "0.5"), Some("many"));
        let ro = rules(&locale("ro")).expect("ro rules");
        for n in 102..=119 {
            assert_eq!(category(&ro, &n.to_string()), Some("few"), "ro {n}");
        }
        assert_eq!(category(&ro, "120"), Some("other"));
    }

    #[test]
    fn fluent_bundle_puts_them_in_other() {
        let lt: Vec<u32> = fluent_bundle_differences(&locale("lt"), 30)
            .into_iter()
            .map(|(n, now, then)| {
                assert_eq!((now, then), ("few", "other"));
                n
            })
            .collect();
        assert_eq!(lt, (22..=29).collect::<Vec<u32>>());
        let ro = fluent_bundle_differences(&locale("ro"), 200);
        assert!(
            (102..=119).all(|n| ro.contains(&(n, "few", "other"))),
            "{ro:?}"
        );
        assert!(fluent_bundle_differences(&locale("it"), 200).is_empty());
    }

    #[test]
    fn categories_in_cldr_order_and_regional_locales_use_their_language() {
        assert_eq!(categories(&locale("lt")), ["one", "few", "many", "other"]);
        assert_eq!(categories(&locale("el-CY")), ["one", "other"]);
        assert_eq!(categories(&locale("tr")), ["one", "other"]);
        assert_eq!(categories(&locale("tlh")), ["other"]);
    }
}
