//! Tests of the `runtime` rule: translated messages that Fluent cannot show as written, on fixtures.

use super::RULE;
use crate::check::rules::fixture;

/// The findings' `line:col level: message` for English `en` and a translation `tr`.
#[track_caller]
fn check(locale: &str, en: &str, tr: &str, expected: &[&str]) {
    fixture::check(&RULE, locale, en, tr, expected);
}

#[test]
fn a_well_formed_translation_is_fine() {
    check(
        "lt",
        "-course = Kurso\n    .gender = masculine\ntable = Doses\n    .title = Table\na = { $count ->\n    [one] One dose\n   *[other] { NUMBER($count) } doses\n} of { -course }, see { table.title }\n    .title = { DATETIME($date) }\n",
        "-course = Kursas\n    .gender = masculine\ntable = Dozės\n    .title = Lentelė\na = { -course.gender ->\n    [masculine] { $count ->\n        [one] { $count } dozė\n        [few] { NUMBER($count) } dozės\n        [many] { $count } dozės\n       *[other] { $count } dozių\n    }\n   *[other] { $count } dozių\n}, { table.title }\n    .title = { DATETIME($date) }\n",
        &[],
    );
}

#[test]
fn an_unknown_function_is_reported_even_in_a_selector() {
    check(
        "it",
        "dose = Give { NUMBER($dose) } mg\n",
        "dose = Somministrare { NUMBR($dose) } mg\n",
        &["1:24 error: `NUMBR` is not a function Fluent or the English knows: a typo?"],
    );
    check(
        "it",
        "dose = { $n ->\n    [one] One\n   *[other] Many\n}\n",
        "dose = { NUMBR($n) ->\n    [one] Una\n   *[other] Molte\n}\n",
        &["1:10 error: `NUMBR` is not a function Fluent or the English knows: a typo?"],
    );
}

#[test]
fn functions_of_the_english_are_known() {
    check(
        "it",
        "key = { PLATFORM() ->\n    [macos] Cmd\n   *[other] Ctrl\n}\n",
        "key = { PLATFORM() ->\n    [macos] Cmd\n   *[other] Ctrl\n}\n",
        &[],
    );
}

#[test]
fn a_missing_attribute_of_a_message_in_the_file_is_reported() {
    check(
        "it",
        "table = Doses\n    .caption = Doses by weight\nsee = See { table.caption }\n",
        "table = Dosi\n    .title = Dosi\nsee = Vedi { table.caption }\n",
        &[
            "3:14 error: `table` has no attribute `.caption`: the learner would see `{table.caption}`",
        ],
    );
}

/// A select on a variable is formatted only when a variant can fail: here one refers to
/// an attribute its file lacks.
#[test]
fn a_select_is_looked_into_for_references_into_the_file() {
    check(
        "it",
        "table = Doses\n    .caption = Doses by weight\nsee = { $n ->\n    [one] See it\n   *[other] See { table.caption }\n}\n",
        "table = Dosi\n    .title = Dosi\nsee = { $n ->\n    [one] Vedi\n   *[other] Vedi { table.caption }\n}\n",
        &[
            "5:20 error: `table` has no attribute `.caption`: the learner would see `{table.caption}`",
        ],
    );
    // A message of attributes only is looked into as well.
    check(
        "it",
        "table = Doses\n    .caption = Doses by weight\nsee =\n    .title = See { table.caption }\n",
        "table = Dosi\n    .title = Dosi\nsee =\n    .title = Vedi { table.caption }\n",
        &[
            "4:21 error: `table` has no attribute `.caption`: the learner would see `{table.caption}` (in `.title`)",
        ],
    );
    let plain_select =
        "see = { $n ->\n    [one] Vedi { $n }\n   *[other] Vedi { $n } e { -brand }\n}\n";
    check(
        "it",
        "see = { $n ->\n   *[other] See { $n }\n}\n",
        plain_select,
        &[],
    );
}

#[test]
fn unresolved_ids_are_left_to_references() {
    check(
        "it",
        "see = See { table.caption } and { -course }\n",
        "see = Vedi { table.caption } e { -course }\n",
        &[],
    );
}

#[test]
fn a_message_without_value_is_reported() {
    check(
        "it",
        "table = Doses\nsee = See { table }\n",
        "table =\n    .title = Dosi\nsee = Vedi { table }\n",
        &["3:14 error: `table` has attributes only, no value: the learner would see `{table}`"],
    );
}

#[test]
fn a_reference_loop_is_reported() {
    check(
        "it",
        "a = A { b }\nb = B\n",
        "a = A { b }\nb = B { a }\n",
        &[
            "1:1 error: this message refers back to itself, directly or through the messages and terms it uses: it cannot be shown",
            "2:1 error: this message refers back to itself, directly or through the messages and terms it uses: it cannot be shown",
        ],
    );
}

#[test]
fn a_term_attribute_selected_on_must_exist() {
    check(
        "it",
        "-course = course\nintro = The { -course }\n",
        "-course = corso\nintro = { -course.gender ->\n    [feminine] La\n   *[masculine] Il\n} { -course }\n",
        &[
            "2:11 error: `-course` has no attribute `.gender` in this locale: the select on it always shows its default variant",
        ],
    );
}

#[test]
fn every_variant_is_formatted() {
    // Only a [few] number (2) and the word `female` reach the broken variants.
    check(
        "lt",
        "table = Doses\na = { $count } doses for { $gender }\n",
        "table = Dozės\na = { $count ->\n    [one] dozė\n    [few] { table.few }\n    [many] dozės\n   *[other] dozių\n} { $gender ->\n    [female] { table.female }\n   *[other] jam\n}\n",
        &[
            "4:13 error: `table` has no attribute `.few`: the learner would see `{table.few}`",
            "8:16 error: `table` has no attribute `.female`: the learner would see `{table.female}`",
        ],
    );
}

#[test]
fn a_translated_term_is_formatted_with_its_variants_and_attributes() {
    check(
        "it",
        "-course = Course\n    .gender = masculine\n",
        "-course = { $case ->\n    [plural] { -unit.number ->\n       *[other] Corsi\n    }\n   *[singular] Corso\n}\n    .gender = { NUMBR(1) }\n-unit = unità\n",
        &[
            "7:17 error: `NUMBR` is not a function Fluent or the English knows: a typo?",
            "2:16 error: `-unit` has no attribute `.number` in this locale: the select on it always shows its default variant",
        ],
    );
}

#[test]
fn too_many_placeables_are_reported() {
    let tr: String = (1..4)
        .map(|level| {
            format!(
                "lol{level} = {}\n",
                format!("{{ lol{} }}", level - 1).repeat(10)
            )
        })
        .fold(String::from("lol0 = LOL\n"), |text, line| text + &line);
    let findings = fixture::run(&RULE, "it", "lol3 = LOL\n", &tr);
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert!(findings[0].message.contains("more than 100 placeables"));
}

/// A message of variables only is not formatted, unless it has more placeables than
/// Fluent shows; up to the limit it formats.
#[test]
fn too_many_placeables_of_variables_alone_are_reported() {
    let message = |n: usize| format!("a = {}\n", "{ $x } ".repeat(n));
    let findings = fixture::run(&RULE, "it", "a = { $x }\n", &message(101));
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert!(findings[0].message.contains("more than 100 placeables"));
    let findings = fixture::run(&RULE, "it", "a = { $x }\n", &message(100));
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn odd_locales_and_broken_text_do_not_panic() {
    for locale in ["tlh", "el-CY", "sr-Latn", "und"] {
        let findings = fixture::run(
            &RULE,
            locale,
            "a = { $n ->\n    [one] One\n   *[other] { $n }\n}\nb = { a }\n",
            "a = { $n ->\n    [one] Vienas\n   *[other] { $n }\n}\nb = { a } { \nc = { -x(",
        );
        assert!(findings.is_empty(), "{locale}: {findings:?}");
    }
}
