//! Masking round trips and verification failures.

use super::*;

fn round_trip(text: &str, dnt: &[&str]) -> (String, String) {
    let dnt: Vec<String> = dnt.iter().map(|s| (*s).to_owned()).collect();
    let masked = mask(text, &dnt);
    let back = masked.unmask(&masked.text).expect("identity unmasks");
    (masked.text, back)
}

#[test]
fn links_code_emphasis_and_html_are_masked_and_restored() {
    let text =
        "See the **ESMO** [guideline](https://www.esmo.org/g?a=1&b=2) and `temp_c` <br> now.";
    let (masked, back) = round_trip(text, &[]);
    assert_eq!(
        masked,
        "See the <g id=\"1\">ESMO</g> <g id=\"2\">guideline</g> and <x id=\"3\"/> <x id=\"4\"/> now."
    );
    assert_eq!(back, text);
}

#[test]
fn nested_markup_and_images() {
    let text = "*Call [the nurse](tel:112)* then ![ward map](fig/map.svg \"Map\").";
    let (masked, back) = round_trip(text, &[]);
    assert_eq!(
        masked,
        "<g id=\"1\">Call <g id=\"2\">the nurse</g></g> then <g id=\"3\">ward map</g>."
    );
    assert_eq!(back, text);
}

#[test]
fn xml_specials_in_text_are_escaped_and_come_back() {
    let (masked, back) = round_trip("Potassium < 3.5 mmol/L & falling", &[]);
    assert_eq!(masked, "Potassium &lt; 3.5 mmol/L &amp; falling");
    assert_eq!(back, "Potassium < 3.5 mmol/L & falling");
}

#[test]
fn do_not_translate_terms_become_atoms_as_whole_words() {
    let (masked, back) = round_trip("Export as HL7 FHIR, not FHIRx.", &["HL7 FHIR", "FHIR"]);
    assert_eq!(masked, "Export as <x id=\"1\"/>, not FHIRx.");
    assert_eq!(back, "Export as HL7 FHIR, not FHIRx.");
}

#[test]
fn fluent_placeables_survive_as_their_source() {
    let resource =
        fluent_syntax::parser::parse("a = Give { $dose } mg to { -brand }.\n".to_owned())
            .expect("parses");
    let ast::Entry::Message(message) = &resource.body[0] else {
        panic!("a message")
    };
    let (text, placeables) = pattern_text(message.value.as_ref().expect("value"));
    let masked = mask(&text, &[]);
    assert_eq!(masked.text, "Give <x id=\"1\"/> mg to <x id=\"2\"/>.");
    let back = masked
        .unmask("Dare <x id=\"1\"/> mg a <x id=\"2\"/>.")
        .expect("valid");
    assert_eq!(
        restore(&back, &placeables),
        "Dare { $dose } mg a { -brand }."
    );
    assert_eq!(
        fluent_value(&format!("{{x}} {back}"), &placeables),
        " {\"{\"}x{\"}\"} Dare { $dose } mg a { -brand }."
    );
}

#[test]
fn a_translation_may_move_placeholders() {
    let masked = mask("Read [the leaflet](a.pdf) **first**.", &[]);
    let back = masked
        .unmask("<g id=\"2\">Ensin</g> lue <g id=\"1\">pakkausseloste</g>.")
        .expect("valid");
    assert_eq!(back, "**Ensin** lue [pakkausseloste](a.pdf).");
}

#[test]
fn broken_placeholders_are_refused() {
    let masked = mask("Read [the leaflet](a.pdf) and `x`.", &[]);
    let cases = [
        (
            "Lue pakkausseloste ja <x id=\"2\"/>.",
            "placeholder 1 is missing",
        ),
        (
            "<g id=\"1\">a</g> <x id=\"2\"/> <x id=\"2\"/>",
            "placeholder 2 appears 2 times",
        ),
        (
            "<g id=\"1\">a <x id=\"2\"/>",
            "placeholder 1 was opened but not closed",
        ),
        ("<g id=\"1\">a</g> <x id=\"3\"/>", "is not in the source"),
        (
            "<g id=\"1\">a</g> <b>x</b> <x id=\"2\"/>",
            "unexpected markup",
        ),
        ("<x id=\"1\"/> <g id=\"2\">a</g>", "is not in the source"),
    ];
    for (translated, expected) in cases {
        let err = masked.unmask(translated).expect_err(translated);
        assert!(err.0.contains(expected), "{translated}: {err}");
    }
}
