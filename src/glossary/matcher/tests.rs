//! Matcher tests on real inflected forms of the languages kurso serves.

use std::path::Path;

use super::*;
use crate::glossary::csv;

const GLOSSARY: &str = "\
id,en,el,hu,it,lt,ro,fi,tr,forbidden:fi,forbidden:it,dnt,case-sensitive
patient,patient,ασθενής,beteg,paziente,pacientas,pacient,potilas,hasta,,,,
nurse,nurse,νοσηλευτής,ápoló,infermiere,slaugytojas,asistent medical,sairaanhoitaja,hemşire,,,,
informed-consent,informed consent,συναίνεση κατόπιν ενημέρωσης,tájékozott beleegyezés,consenso informato,informuotas sutikimas,consimțământ informat,tietoon perustuva suostumus,bilgilendirilmiş onam,informoitu suostumus,consenso informativo,,
nice,NICE,NICE,NICE,NICE,NICE,NICE,NICE,NICE,,,yes,yes
medicine,medicine,φάρμακο,gyógyszer,medicinale | farmaco,vaistas,medicament,lääke,ilaç,,,,
";

fn matcher(target: &str) -> Matcher {
    let (glossary, diagnostics) = csv::parse(Path::new("g.csv"), GLOSSARY);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    Matcher::new(&Arc::new(glossary), "en", &[target.to_owned()])
}

fn spotted(m: &Matcher, text: &str) -> Vec<String> {
    m.spot(text)
        .into_iter()
        .map(|s| m.concept(s.concept).id.clone())
        .collect()
}

/// The concept's allowed term is found in `translation`.
#[track_caller]
fn has(target: &str, concept: &str, translation: &str) -> bool {
    let m = matcher(target);
    let index = m.concepts().position(|c| c.id == concept).expect("concept");
    m.find_allowed(index, &m.target(translation)).is_some()
}

#[test]
fn source_spotting_finds_inflected_english_and_longest_terms() {
    let m = matcher("fi");
    assert_eq!(
        spotted(&m, "Patients gave informed consent to the nurses."),
        ["patient", "informed-consent", "nurse"]
    );
}

#[test]
fn case_sensitive_terms_match_only_as_written() {
    let m = matcher("fi");
    assert_eq!(spotted(&m, "Follow the NICE guideline."), ["nice"]);
    assert!(spotted(&m, "A nice day for the patient.").contains(&"patient".to_owned()));
    assert!(!spotted(&m, "A nice day.").contains(&"nice".to_owned()));
}

#[test]
fn finnish_inflections_whose_stems_differ() {
    assert!(has("fi", "patient", "Soita potilaalle heti."));
    assert!(has("fi", "patient", "Potilaan lämpö on 38,5 °C."));
    assert!(has(
        "fi",
        "informed-consent",
        "Pyydä tietoon perustuvaa suostumusta."
    ));
    assert!(has("fi", "medicine", "Anna lääkkeet ajallaan."));
    assert!(!has("fi", "patient", "Soita hoitajalle heti."));
}

#[test]
fn lithuanian_hungarian_romanian_greek_turkish_and_italian_case_endings() {
    assert!(has("lt", "nurse", "Pranešimai siunčiami slaugytojams."));
    assert!(has("hu", "nurse", "Az ápolóknak azonnal szólni kell."));
    assert!(has("ro", "patient", "Pacienții primesc un apel."));
    assert!(has(
        "ro",
        "informed-consent",
        "Obțineți consimțământul informat."
    ));
    assert!(has("el", "nurse", "Ο νοσηλευτής καλεί τον ασθενή."));
    assert!(has("el", "patient", "Καλέστε τους ΑΣΘΕΝΕΙΣ."));
    assert!(has("tr", "patient", "Hastanın ateşi yüksek."));
    assert!(has("it", "nurse", "Gli infermieri chiamano il paziente."));
    assert!(has(
        "it",
        "medicine",
        "Il farmaco va assunto a stomaco pieno."
    ));
}

#[test]
fn a_different_word_is_not_the_term() {
    assert!(!has("lt", "nurse", "Pranešimai siunčiami gydytojams."));
    assert!(!has("el", "nurse", "Ο γιατρός καλεί τον ασθενή."));
    assert!(!has(
        "it",
        "informed-consent",
        "Registrare il parere del paziente."
    ));
}

#[test]
fn forbidden_terms_match_strictly() {
    let m = matcher("fi");
    let consent = m
        .concepts()
        .position(|c| c.id == "informed-consent")
        .expect("concept");
    let found = m.find_forbidden(consent, &m.target("Pyydä informoitu suostumus."));
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].term, "informoitu suostumus");
    assert!(
        m.find_forbidden(consent, &m.target("Pyydä tietoon perustuva suostumus."))
            .is_empty()
    );
}

fn matcher_for(csv_text: &str, target: &str) -> Matcher {
    let (glossary, diagnostics) = csv::parse(Path::new("g.csv"), csv_text);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    Matcher::new(&Arc::new(glossary), "en", &[target.to_owned()])
}

#[test]
fn a_forbidden_term_inside_a_longer_approved_term_is_not_reported() {
    let m = matcher_for(
        "id,en,it,forbidden:it\nradiographer,radiographer,tecnico sanitario di radiologia medica,radiologia\n",
        "it",
    );
    let approved = m.target("Il tecnico sanitario di radiologia medica esegue la TC.");
    assert!(m.find_forbidden(0, &approved).is_empty());
    let wrong = m.target("Il tecnico di radiologia esegue la TC.");
    assert_eq!(m.find_forbidden(0, &wrong).len(), 1);
}

#[test]
fn short_inner_words_of_a_multi_word_term_may_inflect() {
    let m = matcher_for(
        "id,en,el\npro,patient-reported outcome,έκβαση που αναφέρεται από τον ασθενή\n",
        "el",
    );
    let plural = m.target("οι εκβάσεις που αναφέρονται από τους ασθενείς");
    assert!(m.find_allowed(0, &plural).is_some());
    let other = m.target("οι εκβάσεις που αναφέρονται από τους γιατρούς");
    assert!(m.find_allowed(0, &other).is_none());
}

#[test]
fn compounds_ending_in_the_term_count_in_finnish_and_hungarian() {
    let fi = matcher_for("id,en,fi\ndose,dose,annos\n", "fi");
    assert!(
        fi.find_allowed(0, &fi.target("Enimmäisannos on 30 mg."))
            .is_some()
    );
    assert!(fi.find_allowed(0, &fi.target("Anna lääke.")).is_none());
    let it = matcher_for("id,en,it\ndose,dose,dosaggio\n", "it");
    assert!(
        it.find_allowed(0, &it.target("Il sovradosaggio è pericoloso."))
            .is_none()
    );
}

#[test]
fn concepts_without_source_terms_are_skipped_but_indexes_still_name_the_right_concept() {
    let (glossary, _) = csv::parse(
        Path::new("g.csv"),
        "id,en,fi\nfinnish-only,,vain\npatient,patient,potilas\nnurse,nurse,hoitaja\n",
    );
    let m = Matcher::new(&Arc::new(glossary), "en", &["fi".to_owned()]);
    assert_eq!(
        m.concepts().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["patient", "nurse"]
    );
    assert_eq!(
        spotted(&m, "The nurse calls the patient."),
        ["nurse", "patient"]
    );
}

#[test]
fn derivations_and_compounds_with_another_head_are_not_the_term() {
    let hu = matcher_for(
        "id,en,hu\nnurse,nurse,ápoló\npotassium,potassium,kálium\n",
        "hu",
    );
    assert!(
        hu.find_allowed(0, &hu.target("Az ápolónak szóljon."))
            .is_some()
    );
    assert!(
        hu.find_allowed(0, &hu.target("Ápolási szakember."))
            .is_none()
    );
    assert!(
        hu.find_allowed(1, &hu.target("Ellenőrizze a kálium-kloridot."))
            .is_none()
    );
    assert!(
        hu.find_allowed(1, &hu.target("Ellenőrizze a káliumot."))
            .is_some()
    );
    let stroke = matcher_for("id,en,hu\nstroke,stroke,stroke\n", "hu");
    assert!(
        stroke
            .find_allowed(0, &stroke.target("A stroke-ot felismerni."))
            .is_some()
    );
    let fi = matcher_for("id,en,fi\npain,pain,kipu\n", "fi");
    assert!(fi.find_allowed(0, &fi.target("Kivun hoito.")).is_some());
    assert!(fi.find_allowed(0, &fi.target("Anna kipulääke.")).is_none());
}

#[test]
fn a_term_inside_a_longer_term_of_another_concept_belongs_to_it() {
    let m = matcher_for(
        "id,en,hu,lt\nindication,indication,javallat,kalis\ncontraindication,contraindication,ellenjavallat,kalio chloridas\n",
        "hu",
    );
    assert!(
        m.find_allowed(0, &m.target("Nézze meg a javallatot."))
            .is_some()
    );
    assert!(
        m.find_allowed(0, &m.target("Nézze meg az ellenjavallatot."))
            .is_none()
    );
    let lt = matcher_for(
        "id,en,lt\npotassium,potassium,kalis\npotassium-chloride,potassium chloride,kalio chloridas\n",
        "lt",
    );
    assert!(
        lt.find_allowed(0, &lt.target("Patikrinkite kalio kiekį."))
            .is_some()
    );
    assert!(
        lt.find_allowed(0, &lt.target("Patikrinkite kalio chloridą."))
            .is_none()
    );
}

#[test]
fn english_derivations_are_not_spotted_as_the_concept() {
    let m = matcher_for(
        "id,en,fi\noncologist,oncologist,onkologi\noncology,oncology,onkologia\n",
        "fi",
    );
    assert_eq!(spotted(&m, "The request goes to oncology."), ["oncology"]);
    assert_eq!(spotted(&m, "Ask the oncologists."), ["oncologist"]);
}
