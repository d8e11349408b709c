//! Tests of `check::rules::numbers`.

use super::super::fixture::run;
use super::scan::readings;
use super::*;

/// `(level, message)` of each finding for one English/translated value pair.
#[track_caller]
fn check(locale: &str, english: &str, translated: &str) -> Vec<(Level, String)> {
    let reference = format!("m = {english}\n");
    let translation = format!("m = {translated}\n");
    run(&RULE, locale, &reference, &translation)
        .into_iter()
        .map(|f| (f.level, f.message))
        .collect()
}

#[track_caller]
fn clean(locale: &str, english: &str, translated: &str) {
    assert_eq!(
        check(locale, english, translated),
        [],
        "{locale}: {translated}"
    );
}

#[test]
fn locale_separators_are_accepted() {
    clean(
        "el",
        "a temperature of 38.0 °C or higher",
        "θερμοκρασία 38,0 °C ή υψηλότερη",
    );
    clean(
        "it",
        "potassium often falls below 3.5 mmol/L",
        "il potassio scende spesso sotto 3,5 mmol/l",
    );
    clean(
        "el",
        "infuse 1,000 mL over 8 h",
        "χορηγήστε 1.000 mL σε 8 ώρες",
    );
    clean(
        "fi",
        "infuse 1,000 mL over 8 h",
        "anna 1\u{a0}000 ml 8 tunnissa",
    );
    clean("lt", "10,000 units", "10 000 vienetų");
    clean("hu", "infuse 1,000 mL", "1000 ml-t adjon");
    clean("tr", "0.5 mg/kg, at most 5%", "0,5 mg/kg, en fazla %5");
    clean("hu", "5 mL/h, 2 mg/kg", "5 ml/óra, 2 mg/ttkg");
    clean("el", "maximum 4 g/24 h", "μέγιστη δόση 4 g ανά 24ωρο");
    clean("el", "0.5 mg", "0.5 mg");
}

#[test]
fn real_course_sentences_pass() {
    clean(
        "el",
        "Paracetamol 1 g up to four times daily (maximum 4 g/24 h) is suitable for pain.",
        "Η παρακεταμόλη 1 g έως τέσσερις φορές ημερησίως (μέγιστο 4 g/24 ώρες) είναι κατάλληλη για τον πόνο.",
    );
    clean(
        "el",
        "For many regimens the neutrophil count is lowest 7–14 days after treatment.",
        "Σε πολλά σχήματα τα ουδετερόφιλα φτάνουν στο κατώτατο σημείο 7–14 ημέρες μετά.",
    );
    clean(
        "it",
        "ePRO systems do not replace the 24-hour telephone line.",
        "I sistemi ePRO non sostituiscono la linea attiva 24 ore su 24.",
    );
    clean(
        "el",
        "Ondansetron 8 mg orally twice daily",
        "Ondansetron 8 mg από του στόματος δύο φορές ημερησίως",
    );
    clean(
        "it",
        "Seven or more stools a day",
        "7 o più scariche al giorno",
    );
    clean(
        "fi",
        "Call at 10:30 on 12/03/2024.",
        "Soita klo 10.30 12.03.2024.",
    );
    clean(
        "el",
        "Grade toxicities with CTCAE v5.0 and NICE NG51.",
        "Διαβαθμίστε με τα CTCAE έκδοση 5.0 και NICE NG51.",
    );
    clean(
        "el",
        "Ignore [NG 12](https://x.org/a/99) and `dose = 10` in code",
        "Αγνοήστε [NG 12](https://x.org/b/98) και `δόση = 20`",
    );
    clean(
        "el",
        "a neutrophil count below 1.0 × 10⁹/L",
        "αριθμός ουδετερόφιλων κάτω από 1,0 × 10⁹/L",
    );
}

#[test]
fn changed_doses_and_units_are_errors() {
    assert_eq!(
        check("el", "8 mg orally", "80 mg από του στόματος"),
        [(
            Level::Error,
            "`80 mg` does not match the English `8 mg`".to_owned()
        )]
    );
    assert_eq!(
        check("it", "Loperamide 4 mg first", "Loperamide 4 g all'inizio"),
        [(
            Level::Error,
            "`4 g` does not match the English `4 mg`: the unit changed".to_owned()
        )]
    );
    // Two other units for the number: the first one in the translation is named.
    assert_eq!(
        check("it", "Give 4 mg", "Dare 4 g o 4 ml"),
        [(
            Level::Error,
            "`4 g` does not match the English `4 mg`: the unit changed".to_owned()
        )]
    );
    assert_eq!(
        check("hu", "0.5 mg/kg", "0,5 mg"),
        [(
            Level::Error,
            "`0,5 mg` does not match the English `0.5 mg/kg`: the unit changed".to_owned()
        )]
    );
    assert_eq!(
        check(
            "el",
            "Take 2 tablets of 500 mg",
            "Πάρτε δύο δισκία των 50 mg"
        ),
        [
            (
                Level::Warning,
                "the English number `2` is not in the translation".to_owned()
            ),
            (
                Level::Error,
                "`50 mg` does not match the English `500 mg`".to_owned()
            ),
        ]
    );
}

#[test]
fn english_grouping_left_in_a_decimal_comma_locale_is_explained() {
    let findings = run(
        &RULE,
        "el",
        "m = infuse 1,000 mL\n",
        "m = χορηγήστε 1,000 mL\n",
    );
    assert_eq!(
        findings[0].message,
        "`1,000` means 1 in el, where `,` is the decimal separator, but the English `1,000` is 1000"
    );
    assert_eq!(
        findings[0].help.as_deref(),
        Some("numbers and doses must be the same as in the English; write `1.000`")
    );
    assert_eq!(findings[0].position.expect("position").column, 15);
}

#[test]
fn missing_and_added_numbers_and_identifiers() {
    assert_eq!(
        check("el", "potassium below 3.5 mmol/L", "χαμηλό κάλιο"),
        [(
            Level::Error,
            "the English `3.5 mmol/L` is missing from the translation".to_owned()
        )]
    );
    assert_eq!(
        check(
            "el",
            "Call the 24-hour line.",
            "Καλέστε το 112 ή την 24ωρη γραμμή."
        ),
        [(Level::Error, "`112` is not in the English".to_owned())]
    );
    assert_eq!(
        check("el", "8 mg every 8 hours", "8 mg κάθε 12 ώρες"),
        [(Level::Error, "`12 ώρες` is not in the English".to_owned())]
    );
    assert_eq!(
        check("el", "Give 2 500 mg tablets", "Δώστε δύο δισκία των 500 mg"),
        [(
            Level::Warning,
            "the English number `2` is not in the translation".to_owned()
        )]
    );
    assert_eq!(
        check("el", "see NICE NG51", "δείτε NICE NG15"),
        [
            (
                Level::Error,
                "the identifier `NG51` of the English is missing".to_owned()
            ),
            (
                Level::Error,
                "the identifier `NG15` is not in the English".to_owned()
            ),
        ]
    );
}

#[test]
fn attributes_selects_and_empty_translations() {
    let findings = run(
        &RULE,
        "el",
        "m = x\n    .title = 5 mg\n",
        "m = χ\n    .title = 6 mg\n",
    );
    assert_eq!(
        findings[0].message,
        "in `.title`: `6 mg` does not match the English `5 mg`"
    );
    let select =
        "m = { $n ->\n    [one] μία δόση των 5 mg\n   *[other] { $n } δόσεις των 5 mg\n}\n";
    assert!(run(&RULE, "el", "m = { $n } doses of 5 mg\n", select).is_empty());
    assert!(run(&RULE, "el", "m = 5 mg\n", "m = {\"\"}\n").is_empty());
}

#[test]
fn readings_follow_the_locale() {
    let el = Style::of("el");
    assert_eq!(
        readings(&["1", "000"], &['.'], el),
        [vec!["1000".to_owned()]]
    );
    assert_eq!(readings(&["1", "000"], &[','], el), [vec!["1".to_owned()]]);
    assert_eq!(
        readings(&["10", "30"], &['.'], el),
        [
            vec!["10.3".to_owned()],
            vec!["10".to_owned(), "30".to_owned()]
        ]
    );
    assert_eq!(
        readings(&["1", "000", "5"], &[',', '.'], ENGLISH),
        [vec!["1000.5".to_owned()]]
    );
    assert_eq!(readings(&["2", "500"], &[' '], ENGLISH).len(), 2);
}

/// The messages of the errors (not warnings) for one pair.
#[track_caller]
fn errors(locale: &str, english: &str, translated: &str) -> Vec<String> {
    let findings = check(locale, english, translated);
    let errors = findings
        .into_iter()
        .filter(|(level, _)| *level == Level::Error);
    errors.map(|(_, message)| message).collect()
}

#[test]
fn a_rate_or_time_unit_that_changed_is_an_error() {
    assert_eq!(
        errors("hu", "Titrate by 2 mL/h.", "Titrálja 2 ml/perc lépésekben."),
        ["`2 ml/perc` does not match the English `2 mL/h`: the unit changed"]
    );
    assert_eq!(
        errors("it", "Observe for 30 minutes.", "Osservare per 30 ore."),
        ["`30 ore` does not match the English `30 minutes`: the unit changed"]
    );
    assert_eq!(
        errors("el", "Dilute to 4 mg/mL.", "Αραιώστε σε 4 mg/L."),
        ["`4 mg/L` does not match the English `4 mg/mL`: the unit changed"]
    );
    // The same units in the locale's words and spellings are right.
    clean("hu", "Titrate by 2 mL/h.", "Titrálja 2 ml/óra lépésekben.");
    clean("tr", "Stop after 45 minutes.", "45 dakika sonra durdurun.");
    clean(
        "lt",
        "Run at 3 mL/h for 2 days.",
        "Leiskite 3 ml/val. greičiu 2 paras.",
    );
    clean(
        "fi",
        "Repeat after 30 minutes.",
        "Toista 30 minuutin kuluttua.",
    );
    clean("ro", "Dilute to 4 mg/mL.", "Diluați la 4 mg/ml.");
}

#[test]
fn a_reversed_comparison_is_an_error() {
    assert_eq!(
        errors(
            "it",
            "Stop the drug if the heart rate is below 50.",
            "Sospendere il farmaco se la frequenza è sopra 50."
        ),
        ["`sopra` says the opposite of the English `below`: the comparison is reversed"]
    );
    assert_eq!(
        errors(
            "tr",
            "Give at least 2 L a day.",
            "Günde en fazla 2 L verin."
        ),
        ["`en fazla` says the opposite of the English `at least`: the comparison is reversed"]
    );
    assert_eq!(
        errors("lt", "No more than 3 doses.", "Ne mažiau kaip 3 dozės."),
        ["`Ne mažiau` says the opposite of the English `No more than`: the comparison is reversed"]
    );
    // Said another way, or with the comparison in a longer phrase, it is the same.
    clean("tr", "Give at least 2 L a day.", "Günde en az 2 L verin.");
    clean("hu", "at most 3 doses", "legfeljebb 3 adag");
    clean("el", "a pulse above 120", "σφυγμός πάνω από 120");
    clean("fi", "if the pulse is over 120", "jos syke on yli 120");
    // A lost word alone is not a reversal (the translation may say it without one).
    clean("ro", "a pulse above 120", "un puls de 120 sau mai mult");
    // Regression (Thunderbird's Greek and Turkish): a comparison word in a part of the sentence
    // without a number compares nothing.
    clean(
        "el",
        "An error occurred writing to { $name }! See below for more information.",
        "Συνέβη ένα σφάλμα στο { $name }! Δείτε παρακάτω για περισσότερες πληροφορίες.",
    );
    // Regression (the sample's Italian): a negation a few words before is "no more than".
    clean(
        "it",
        "Take one 8 mg tablet up to twice a day. Take it for no more than 5 days.",
        "Prenda una compressa da 8 mg fino a due volte al giorno. Non la prenda per più di 5 giorni.",
    );
    // Regression (the sample's Italian): `up to` is an upper bound like `per un massimo di`.
    clean(
        "it",
        "Four to six stools above baseline is grade 2; 10 mg for up to 5 days.",
        "Da quattro a sei scariche in più rispetto al basale: grado 2; 10 mg per un massimo di 5 giorni.",
    );
}

#[test]
fn values_that_changed_places_are_an_error() {
    assert_eq!(
        errors(
            "el",
            "Give 250 mg at 6:00 and 500 mg at 22:00.",
            "Δώστε 500 mg στις 6:00 και 250 mg στις 22:00."
        ),
        ["`250 mg` goes with `22` here but with `6` in the English: values swapped"]
    );
    // The parts of the sentence in another order keep their numbers together.
    clean(
        "el",
        "Give 250 mg at 6:00 and 500 mg at 22:00.",
        "Στις 22:00 δώστε 500 mg και στις 6:00 250 mg.",
    );
    clean(
        "tr",
        "Give 250 mg at 6:00, then 500 mg at 22:00.",
        "Saat 6.00'da 250 mg, ardından saat 22.00'de 500 mg verin.",
    );
}

#[test]
fn a_dosing_interval_that_lost_its_number_is_an_error() {
    assert_eq!(
        check("it", "Give 1 g every 6 hours.", "Dare 1 g ogni ora."),
        [(
            Level::Error,
            "the English `6` of a dosing interval (every 6 …) is missing from the translation"
                .to_owned()
        )]
    );
    assert_eq!(
        errors(
            "fi",
            "Turn the patient every 2 to 3 hours.",
            "Käännä potilasta usein."
        ),
        [
            "the English `2` of a dosing interval (every 2 …) is missing from the translation",
            "the English `3` of a dosing interval (every 3 …) is missing from the translation"
        ]
    );
    // A small number elsewhere may be written as a word: only a warning.
    assert_eq!(
        check("it", "Give 2 tablets.", "Dare due compresse."),
        [(
            Level::Warning,
            "the English number `2` is not in the translation".to_owned()
        )]
    );
}

#[test]
fn a_changed_power_of_ten_is_an_error() {
    assert_eq!(
        errors(
            "lt",
            "platelets below 20 × 10^9/L",
            "trombocitai mažiau nei 20 × 10^6/l"
        ),
        ["`6` does not match the English `9`"]
    );
    // A superscript exponent is the same number.
    clean(
        "lt",
        "platelets below 20 × 10^9/L",
        "trombocitai mažiau nei 20 × 10⁹/l",
    );
}
