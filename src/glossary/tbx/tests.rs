//! Tests of TBX reading and writing: every status, martif, DCT, entity attacks, positions,
//! round trips.

use std::path::Path;

use super::*;
use crate::glossary::model::{Concept, Glossary, TermStatus};

#[track_caller]
fn read(text: &str) -> Glossary {
    let (glossary, diagnostics) = parse(Path::new("g.tbx"), text);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    glossary
}

/// `file:line:col: message` of each diagnostic, and the IDs of the concepts read.
fn problems(text: &str) -> (Vec<String>, Vec<String>) {
    let (glossary, diagnostics) = parse(Path::new("g.tbx"), text);
    let places = diagnostics
        .iter()
        .map(|d| format!("{}: {}", d.location(), d.message))
        .collect();
    let ids = glossary.concepts.into_iter().map(|c| c.id).collect();
    (places, ids)
}

fn terms(concept: &Concept, lang: &str) -> Vec<(String, TermStatus)> {
    concept.terms[lang]
        .iter()
        .map(|t| (t.text.clone(), t.status))
        .collect()
}

const BASIC: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="myocardial-infarction">
      <descrip type="subjectField">cardiology</descrip>
      <admin type="source">WHO</admin>
      <xref type="externalCrossReference" target="https://icd.who.int/BA41">BA41</xref>
      <transacGrp>
        <transac type="transactionType">origination</transac>
        <date>2023-01-02</date>
        <transacNote type="responsibility">Ana</transacNote>
      </transacGrp>
      <transacGrp>
        <transac type="transactionType">modification</transac>
        <date>2024-05-06T10:00:00Z</date>
        <transacNote type="responsibility">Eleni</transacNote>
      </transacGrp>
      <note>Use the full form in headings.</note>
      <langSec xml:lang="en">
        <descripGrp>
          <descrip type="definition">Death of heart
            muscle from lack of blood.</descrip>
          <admin type="source">Oxford2007</admin>
        </descripGrp>
        <termSec>
          <term>myocardial infarction</term>
          <termNote type="partOfSpeech">noun</termNote>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <descripGrp>
            <descrip type="context">The patient had a myocardial infarction.</descrip>
            <admin type="source">https://example.org/case</admin>
          </descripGrp>
        </termSec>
        <termSec>
          <term>myocardial infarct</term>
          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
          <termNote type="termType">variant</termNote>
        </termSec>
        <termSec>
          <term>heart attack</term>
          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
        </termSec>
        <termSec>
          <term>cardiac infarction</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
        </termSec>
        <termSec>
          <term>coronary</term>
          <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>
        </termSec>
      </langSec>
      <langSec xml:lang="el">
        <termSec><term>έμφραγμα του μυοκαρδίου</term></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="who">
      <descrip type="Translation needed">No</descrip>
      <langSec xml:lang="en">
        <termSec>
          <term>WHO</term>
          <termNote type="termType">acronym</termNote>
        </termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"#;

#[test]
fn tbx_basic_maps_every_status_and_data_category() {
    let glossary = read(BASIC);
    let mi = glossary.get("myocardial-infarction").expect("concept");
    assert_eq!(
        terms(mi, "en"),
        [
            ("myocardial infarction".to_owned(), TermStatus::Preferred),
            ("heart attack".to_owned(), TermStatus::Admitted),
            ("cardiac infarction".to_owned(), TermStatus::Forbidden),
            ("coronary".to_owned(), TermStatus::Forbidden),
        ]
    );
    assert_eq!(mi.terms["en"][0].variants, ["myocardial infarct"]);
    assert_eq!(
        terms(mi, "el"),
        [("έμφραγμα του μυοκαρδίου".to_owned(), TermStatus::Preferred)]
    );
    assert_eq!(mi.domain.as_deref(), Some("cardiology"));
    assert_eq!(mi.part_of_speech.as_deref(), Some("noun"));
    assert_eq!(
        mi.definition.as_deref(),
        Some("Death of heart muscle from lack of blood.")
    );
    assert_eq!(
        mi.note.as_deref(),
        Some("Use the full form in headings.\nThe patient had a myocardial infarction.")
    );
    let provenance = &mi.provenance;
    assert_eq!(provenance.authority.as_deref(), Some("WHO"));
    assert_eq!(
        provenance.authority_id.as_deref(),
        Some("https://icd.who.int/BA41")
    );
    assert_eq!(provenance.reviewer.as_deref(), Some("Eleni"));
    assert_eq!(provenance.date.as_deref(), Some("2024-05-06"));
    assert_eq!(mi.origin.line, 5);
    assert!(!mi.do_not_translate && !mi.case_sensitive);

    let who = glossary.get("who").expect("dnt concept");
    assert!(who.do_not_translate && who.case_sensitive);
}

#[test]
fn langsec_source_is_the_authority_when_the_concept_names_none() {
    let glossary = read(
        r#"<tbx><text><body><conceptEntry id="c"><langSec xml:lang="en">
            <descrip type="definition">d</descrip><admin type="source">EMA</admin>
            <termSec><term>t</term><admin type="source">ctx</admin></termSec>
            </langSec></conceptEntry></body></text></tbx>"#,
    );
    assert_eq!(
        glossary.concepts[0].provenance.authority.as_deref(),
        Some("EMA")
    );
}

/// The shape of Mozilla's Pontoon exports, with tig and ntig both.
const MARTIF: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en-US">
    <martifHeader><fileDesc><sourceDesc><p>Terms</p></sourceDesc></fileDesc></martifHeader>
    <text>
        <body>
            <termEntry id="c629">
                <descrip type="context">Sign in to sync tabs.</descrip>
                <langSet xml:lang="en-US">
                    <ntig>
                        <termGrp>
                            <term>sign-in</term>
                            <termNote type="partOfSpeech">noun</termNote>
                        </termGrp>
                    </ntig>
                    <descripGrp>
                        <descrip type="definition">The access of an account.</descrip>
                    </descripGrp>
                </langSet>
                <langSet xml:lang="el">
                    <ntig><termGrp><term>σύνδεση</term></termGrp></ntig>
                </langSet>
            </termEntry>
            <termEntry id="c1">
                <descrip type="context"></descrip>
                <langSet xml:lang="en-US"><tig><term>add-on</term></tig></langSet>
                <langSet xml:lang="el"><tig><term>πρόσθετο</term><termNote type="partOfSpeech">noun</termNote></tig></langSet>
            </termEntry>
        </body>
    </text>
</martif>
"#;

#[test]
fn martif_form_reads_like_pontoon() {
    let glossary = read(MARTIF);
    assert_eq!(glossary.concepts.len(), 2);
    let sign_in = glossary.get("c629").expect("concept");
    assert_eq!(
        terms(sign_in, "en-US"),
        [("sign-in".to_owned(), TermStatus::Preferred)]
    );
    assert_eq!(
        terms(sign_in, "el"),
        [("σύνδεση".to_owned(), TermStatus::Preferred)]
    );
    assert_eq!(sign_in.part_of_speech.as_deref(), Some("noun"));
    assert_eq!(
        sign_in.definition.as_deref(),
        Some("The access of an account.")
    );
    assert_eq!(sign_in.note.as_deref(), Some("Sign in to sync tabs."));
    let add_on = glossary.get("c1").expect("tig concept");
    assert_eq!(add_on.note, None);
    assert_eq!(add_on.part_of_speech.as_deref(), Some("noun"));
    assert_eq!(glossary.languages(), ["el", "en-US"]);
}

#[test]
fn dct_style_elements_map_like_their_dca_forms() {
    let glossary = read(
        r#"<tbx type="TBX-Basic" style="dct" xmlns="urn:iso:std:iso:30042:ed-2"
              xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic">
            <text><body><conceptEntry id="c"><min:subjectField>virology</min:subjectField>
            <langSec xml:lang="en"><basic:definition>A virus.</basic:definition>
            <termSec><term>SARS-CoV-2</term><min:partOfSpeech>noun</min:partOfSpeech>
            <min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus></termSec>
            </langSec></conceptEntry></body></text></tbx>"#,
    );
    let concept = &glossary.concepts[0];
    assert_eq!(concept.domain.as_deref(), Some("virology"));
    assert_eq!(concept.definition.as_deref(), Some("A virus."));
    assert_eq!(
        terms(concept, "en"),
        [("SARS-CoV-2".to_owned(), TermStatus::Admitted)]
    );
}

#[test]
fn predefined_and_numeric_references_are_resolved() {
    let glossary = read(
        r#"<tbx><text><body><conceptEntry id="a&amp;b"><langSec xml:lang="fr">
            <termSec><term>caf&#233; &amp; th&#xE9; &lt;x&gt; &quot;&apos;</term></termSec>
            </langSec></conceptEntry></body></text></tbx>"#,
    );
    assert_eq!(glossary.concepts[0].id, "a&b");
    assert_eq!(
        glossary.concepts[0].terms["fr"][0].text,
        "café & thé <x> \"'"
    );
}

#[test]
fn malformed_xml_names_line_and_column_and_keeps_earlier_entries() {
    let text = "<tbx><text><body>\n\
            <conceptEntry id=\"a\"><langSec xml:lang=\"en\"><termSec><term>a</term></termSec></langSec></conceptEntry>\n\
            <conceptEntry id=\"b\"><langSec xml:lang=\"en\"><termSec><term>b</termSec>\n\
            </langSec></conceptEntry></body></text></tbx>\n";
    let (places, ids) = problems(text);
    assert_eq!(ids, ["a"]);
    assert_eq!(places.len(), 1, "{places:?}");
    assert!(
        places[0].starts_with("g.tbx:3:61: invalid XML: "),
        "{places:?}"
    );
}

/// Billion laughs: the DTD is never read, so `&lol9;` is an unknown reference.
const BILLION_LAUGHS: &str = r#"<?xml version="1.0"?>
<!DOCTYPE tbx [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<tbx><text><body>
<conceptEntry id="bomb"><langSec xml:lang="en"><termSec><term>&lol9;</term></termSec></langSec></conceptEntry>
<conceptEntry id="fine"><langSec xml:lang="en"><termSec><term>fine</term></termSec></langSec></conceptEntry>
</body></text></tbx>
"#;

#[test]
fn billion_laughs_is_an_error_not_an_expansion() {
    let (places, ids) = problems(BILLION_LAUGHS);
    assert_eq!(ids, ["fine"]);
    assert_eq!(
        places,
        ["g.tbx:9:63: entity reference `&lol9;` is not allowed"]
    );
}

#[test]
fn external_entities_are_never_fetched() {
    let text = r#"<?xml version="1.0"?>
<!DOCTYPE tbx [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<tbx><text><body>
<conceptEntry id="x"><note>&xxe;</note><langSec xml:lang="en"><termSec><term>x</term></termSec></langSec></conceptEntry>
<conceptEntry id="y" type="&xxe;"><langSec xml:lang="en"><termSec><term>y</term></termSec></langSec></conceptEntry>
</body></text></tbx>
"#;
    let (places, ids) = problems(text);
    assert!(ids.is_empty(), "{ids:?}");
    assert_eq!(
        places,
        [
            "g.tbx:4:28: entity reference `&xxe;` is not allowed",
            "g.tbx:5:28: entity reference `&xxe;` is not allowed",
        ]
    );
}

#[test]
fn bad_entries_are_reported_and_skipped() {
    let text = r#"<tbx><text><body>
<conceptEntry><langSec xml:lang="en"><termSec><term>no id</term></termSec></langSec></conceptEntry>
<conceptEntry id="a"><langSec><termSec><term>no lang</term></termSec></langSec></conceptEntry>
<conceptEntry id="b"><langSec xml:lang="finnish"><termSec><term>bad lang</term></termSec></langSec></conceptEntry>
<conceptEntry id="c"><langSec xml:lang="en"></langSec></conceptEntry>
<conceptEntry id="d"><langSec xml:lang="en"><termSec><term>ok</term></termSec><termSec><term/></termSec></langSec></conceptEntry>
<conceptEntry id="d"><langSec xml:lang="en"><termSec><term>twice</term></termSec></langSec></conceptEntry>
<conceptEntry id="e"><langSec xml:lang="en"><termSec><term>odd</term><termNote type="administrativeStatus">maybe</termNote></termSec></langSec></conceptEntry>
</body></text></tbx>"#;
    let (places, ids) = problems(text);
    assert_eq!(ids, ["d", "e"]);
    assert_eq!(
        places,
        [
            "g.tbx:2:1: this entry has no `id`",
            "g.tbx:3:22: this language section has no xml:lang",
            "g.tbx:4:22: `finnish` is not a valid locale code",
            "g.tbx:5:1: concept `c` has no terms",
            "g.tbx:6:79: this term section has no <term> text",
            "g.tbx:7:1: concept `d` is defined twice",
            "g.tbx:8:70: unknown administrative status `maybe`",
        ]
    );
}

#[test]
fn a_file_that_is_not_tbx_says_so() {
    let (places, ids) = problems("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"/>\n");
    assert!(ids.is_empty());
    assert_eq!(
        places,
        ["g.tbx:2:1: not a TBX file: the root element is <tmx>"]
    );
}

#[test]
fn render_writes_tbx_basic_and_parses_back_to_the_same_concepts() {
    let mut glossary = read(BASIC);
    glossary.concepts[1].case_sensitive = false;
    glossary.concepts[0].provenance.authority_id = Some("x<&\"y".to_owned());
    glossary.concepts[0].terms.get_mut("el").expect("el")[0].text = "a < b & c".to_owned();
    let languages = ["en".to_owned(), "el".to_owned()];
    let text = render(&glossary, &languages);
    assert!(text.starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n  <tbxHeader>"
        ), "{text}");
    assert!(text.contains("<term>a &lt; b &amp; c</term>"), "{text}");
    assert!(
        text.contains("<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>")
    );
    let mut again = read(&text);
    for (concept, original) in again.concepts.iter_mut().zip(&glossary.concepts) {
        concept.origin = original.origin.clone();
    }
    assert_eq!(again, glossary);
}

#[test]
fn render_keeps_only_the_languages_asked_for() {
    let glossary = read(MARTIF);
    let text = render(&glossary, &["el".to_owned()]);
    assert!(!text.contains("en-US"), "{text}");
    assert_eq!(read(&text).languages(), ["el"]);
}

#[test]
fn rename_language_moves_and_merges_terms() {
    let mut glossary = read(MARTIF);
    rename_language(&mut glossary, "en-US", "en");
    assert_eq!(glossary.languages(), ["el", "en"]);
    assert_eq!(glossary.concepts[0].terms["en"][0].text, "sign-in");
}
