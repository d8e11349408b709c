//! Tests of `glossary::paradigm`: every file parses, and inflected forms are forms while
//! derivations are not.

use super::*;

#[track_caller]
fn check(lang: &str, lemma: &str, forms: &[&str], not_forms: &[&str]) {
    let paradigm = Paradigm::of(lang).expect("a paradigm file");
    let stems = paradigm.stems(lemma);
    for form in forms {
        assert!(
            paradigm.is_form(&stems, form),
            "{lang}: {form} is a form of {lemma}: {stems:?}"
        );
    }
    for word in not_forms {
        assert!(
            !paradigm.is_form(&stems, word),
            "{lang}: {word} is not a form of {lemma}"
        );
    }
}

#[test]
fn every_file_has_a_source_and_endings() {
    for (lang, text) in FILES {
        assert!(text.lines().any(|l| l.starts_with("source: ")), "{lang}");
        let paradigm = Paradigm::parse(text);
        assert!(!paradigm.slots.is_empty() && paradigm.longest > 0, "{lang}");
    }
}

#[test]
fn finnish_gradation_and_stem_types_without_an_analyser() {
    check("fi", "kipu", &["kivun", "kipua", "kipuun"], &["kipulääke"]);
    check(
        "fi",
        "lääke",
        &["lääkkeen", "lääkettä", "lääkkeissä", "lääkkeet"],
        &["lääkitys", "lääkäri"],
    );
    check("fi", "syöpä", &["syövän", "syöpää", "syöpään"], &[]);
    check(
        "fi",
        "potilas",
        &["potilaalle", "potilaan", "potilasta", "potilaita"],
        &[],
    );
    check(
        "fi",
        "raskaus",
        &["raskauden", "raskaudesta", "raskautta"],
        &["raskaana"],
    );
    check(
        "fi",
        "kuivuminen",
        &["kuivumisen", "kuivumiselle", "kuivumista"],
        &["kuivunut"],
    );
    check("fi", "vajaatoiminta", &["vajaatoiminnan"], &[]);
    check(
        "fi",
        "onkologia",
        &["onkologian", "onkologialle"],
        &["onkologille", "onkologi"],
    );
}

#[test]
fn hungarian_case_possessive_and_assimilation() {
    check(
        "hu",
        "ápoló",
        &["ápolóknak", "ápolóhoz", "ápolót"],
        &["ápolási", "ápolás"],
    );
    check(
        "hu",
        "gyógytornász",
        &["gyógytornásszal", "gyógytornászt"],
        &[],
    );
    check(
        "hu",
        "terhesség",
        &["terhességre", "terhességet"],
        &["terhes"],
    );
    check(
        "hu",
        "hipokalémia",
        &["hipokalémiában", "hipokalémiát"],
        &[],
    );
    check("hu", "fáradtság", &["fáradtságot"], &["fáradt", "fáradtak"]);
}

#[test]
fn other_languages_inflect_but_do_not_derive() {
    check(
        "it",
        "infermiere",
        &["infermieri", "infermiera"],
        &["infermieristico"],
    );
    check("it", "analgesico", &["analgesici"], &["analgesia"]);
    check(
        "ro",
        "pacient",
        &["pacienții", "pacientul", "pacienților"],
        &[],
    );
    check("ro", "rată", &["rata", "ratei"], &["rață"]);
    check(
        "lt",
        "slaugytojas",
        &["slaugytojams", "slaugytojui", "slaugytoją"],
        &[],
    );
    check("lt", "lūžis", &["lūžio", "lūžį"], &["lūšis", "lūžęs"]);
    check("el", "ουρια", &["ουριασ", "ουριεσ"], &["ουρα"]);
    check("tr", "gebelik", &["gebeliği", "gebelikte"], &["gebe"]);
    check("tr", "kırık", &["kırığında", "kırıkları"], &["kırılmış"]);
}
