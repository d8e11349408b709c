//! Tests of the `variables` rule: variables of the English lost, added, or missing from a variant, on fixtures.

use super::RULE;
use crate::check::rules::fixture;

/// The findings' `line:col level: message`, for English `en` and Lithuanian `lt`.
#[track_caller]
fn check(en: &str, lt: &str, expected: &[&str]) {
    fixture::check(&RULE, "lt", en, lt, expected);
}

#[test]
fn same_variables_in_other_order_are_fine() {
    check(
        "a = { $name } takes { $dose } mg\n",
        "a = { $dose } mg vartoja { $name }\n",
        &[],
    );
}

#[test]
fn a_lost_variable_is_reported_at_the_message() {
    check(
        "a = Give { $dose } mg\n",
        "a = Duokite mg\n",
        &["1:1 error: `$dose` is missing from the translation"],
    );
}

#[test]
fn a_lost_selector_asks_for_the_select_back() {
    let findings = fixture::run(
        &RULE,
        "it",
        "setup-title = { $accounts ->\n    [0] Choose What to Set Up\n   *[other] Set Up Another Account\n}\n",
        "setup-title = Scegli che cosa vuoi configurare\n",
    );
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(
        findings[0].message,
        "`$accounts` is missing from the translation"
    );
    let help = findings[0].help.as_deref().expect("help");
    assert!(help.contains("chooses its text by `$accounts`"), "{help}");
}

#[test]
fn a_misspelt_variable_is_reported_where_it_is_and_names_the_lost_one() {
    let findings = fixture::run(
        &RULE,
        "lt",
        "a = { $count } doses\n",
        "a = Dozės: { $cuont }\n",
    );
    let messages: Vec<&str> = findings.iter().map(|f| f.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "`$count` is missing from the translation",
            "`$cuont` is not in the English: a typo?",
        ]
    );
    assert_eq!(findings[1].location(), "lt/x.ftl:1:14");
    let help = findings[1].help.as_deref().expect("help");
    assert!(help.contains("`$count`"), "{help}");
}

#[test]
fn a_variant_without_a_variable_the_english_always_shows_is_reported() {
    check(
        "a = { $count ->\n    [one] One dose of { $drug } left\n   *[other] { $count } doses of { $drug } left\n}\n",
        "a = { $count ->\n    [one] Liko viena { $drug } dozė\n    [few] Liko { $count } dozės\n   *[other] Liko { $count } { $drug } dozių\n}\n",
        &["3:5 error: `$drug` is missing from the translation (variant [few])"],
    );
}

#[test]
fn the_selector_counts_as_used_by_every_variant() {
    check(
        "a = You have { $count } new messages\n",
        "a = { $count ->\n    [one] Turite naują žinutę\n    [few] Turite { $count } naujas žinutes\n   *[other] Turite { $count } naujų žinučių\n}\n",
        &[],
    );
}

#[test]
fn english_variants_without_the_variable_do_not_require_it() {
    check(
        "a = { $count ->\n    [0] No doses left\n   *[other] { $count } doses of { $drug } left\n}\n",
        "a = { $count ->\n    [0] Dozių neliko\n   *[other] Liko { $count } { $drug } dozių\n}\n",
        &[],
    );
}

#[test]
fn nested_variants_are_named_by_their_keys() {
    check(
        "a = { $gender ->\n    [female] { $name } has { $count } doses\n   *[other] { $name } has { $count } doses\n}\n",
        "a = { $gender ->\n    [female] { $count ->\n        [one] { $name } turi dozę\n       *[other] turi { $count } dozių\n    }\n   *[other] { $name } turi { $count } dozių\n}\n",
        &["4:9 error: `$name` is missing from the translation (variant [female] [other])"],
    );
}

#[test]
fn variables_in_function_and_term_arguments_count() {
    check(
        "a = { NUMBER($dose, minimumFractionDigits: 1) } { -unit($count) }\n",
        "a = { NUMBER($dose) } { -unit($count) }\n",
        &[],
    );
    check(
        "a = { NUMBER($dose) } mg\n",
        "a = { NUMBER($dos) } mg\n",
        &[
            "1:1 error: `$dose` is missing from the translation",
            "1:14 error: `$dos` is not in the English: a typo?",
        ],
    );
}

#[test]
fn attributes_are_compared_separately() {
    check(
        "a = For { $name }\n    .title = { $count } modules\n",
        "a = Skirta { $count }\n    .title = { $name } moduliai\n",
        &[
            "1:1 error: `$name` is missing from the translation",
            "1:14 error: `$count` is not in the English: a typo?",
            "2:5 error: `$count` is missing from the translation of `.title`",
            "2:16 error: `$name` is not in the English: a typo?",
        ],
    );
}

#[test]
fn terms_may_add_their_own_variables() {
    check(
        "-brand = Kurso\n",
        "-brand = { $case ->\n    [genitive] Kurso\n   *[nominative] Kursas\n}\n",
        &[],
    );
}

#[test]
fn a_variable_name_inside_a_longer_one_is_not_its_place() {
    check(
        "a = { $name } { $n }\n",
        "a = { $name } { $nn }\n",
        &[
            "1:1 error: `$n` is missing from the translation",
            "1:17 error: `$nn` is not in the English: a typo?",
        ],
    );
}
