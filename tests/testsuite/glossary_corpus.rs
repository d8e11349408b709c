//! Glossary importers on real termbases nobody here wrote: Mozilla's seven Pontoon TBX exports
//! (martif, en-US + one language each) and the fourteen TICO-19 COVID-19 terminologies
//! (Facebook and Google forms), from `../shared/corpora`. Every file reads without a single
//! diagnostic, with known entries and counts.

use std::path::{Path, PathBuf};

use kurso::glossary::{self, Concept, Glossary, TermStatus, deepl_tsv, tbx};

use crate::support::corpora;

const LANGUAGES: [&str; 7] = ["el", "fi", "hu", "it", "lt", "ro", "tr"];

#[track_caller]
fn load(path: &Path) -> Glossary {
    assert!(path.is_file(), "corpus file missing: {}", path.display());
    let (glossary, diagnostics) = glossary::import(path, path);
    assert!(
        diagnostics.is_empty(),
        "{}: {diagnostics:#?}",
        path.display()
    );
    glossary
}

fn preferred<'a>(concept: &'a Concept, lang: &str) -> &'a str {
    concept
        .terms_with(lang, TermStatus::Preferred)
        .next()
        .map_or("", |term| term.text.as_str())
}

fn pontoon(lang: &str) -> PathBuf {
    corpora().join(format!("interop/pontoon-tbx/terminology/{lang}.tbx"))
}

fn tico_files() -> Vec<PathBuf> {
    let dir = corpora().join("terms/tico19/data/terminologies");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("cannot list {}: {err}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "csv"))
        .collect();
    files.sort();
    files
}

#[test]
fn all_seven_pontoon_termbases_read_cleanly_with_their_entry_counts() {
    let mut merged = Glossary::default();
    for (lang, n_concepts) in LANGUAGES.into_iter().zip([95, 73, 95, 96, 27, 95, 96]) {
        let glossary = load(&pontoon(lang));
        assert_eq!(glossary.concepts.len(), n_concepts, "{lang}.tbx");
        let mut languages = vec![lang.to_owned(), "en-US".to_owned()];
        languages.sort();
        assert_eq!(glossary.languages(), languages, "{lang}.tbx");
        // Every concept has exactly one preferred term on each side.
        for concept in &glossary.concepts {
            assert!(!preferred(concept, "en-US").is_empty(), "{}", concept.id);
            assert!(!preferred(concept, lang).is_empty(), "{}", concept.id);
        }
        merged.merge(glossary);
    }
    assert_eq!(merged.concepts.len(), 96);
    assert_eq!(merged.languages().len(), 8);
}

#[test]
fn pontoon_entries_keep_terms_part_of_speech_definition_and_context() {
    let greek = load(&pontoon("el"));
    let sign_in = greek.get("c629").expect("c629 in el.tbx");
    assert_eq!(preferred(sign_in, "en-US"), "sign-in");
    assert_eq!(preferred(sign_in, "el"), "σύνδεση");
    assert_eq!(sign_in.part_of_speech.as_deref(), Some("noun"));
    assert!(
        sign_in
            .definition
            .as_deref()
            .is_some_and(|d| d.starts_with("The access of an account or software"))
    );
    assert!(
        sign_in
            .note
            .as_deref()
            .is_some_and(|n| n.starts_with("With Firefox on all your devices"))
    );
    assert_eq!(sign_in.origin.line, 19);
    assert_eq!(
        preferred(greek.get("c499").expect("crash"), "el"),
        "κατάρρευση"
    );

    let finnish = load(&pontoon("fi"));
    assert_eq!(
        preferred(finnish.get("c621").expect("add-on"), "fi"),
        "lisäosa"
    );

    // A term written over two lines reads as one line.
    let romanian = load(&pontoon("ro"));
    assert_eq!(
        preferred(romanian.get("c558").expect("override"), "ro"),
        "a suprascrie, substitui, supraregla, înlocui... (v. contextul)"
    );
}

#[test]
fn a_pontoon_termbase_survives_a_tbx_basic_round_trip() {
    let greek = load(&pontoon("el"));
    let text = tbx::render(&greek, &["en-US".to_owned(), "el".to_owned()]);
    let (again, diagnostics) = tbx::parse(Path::new("el.tbx"), &text);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    assert_eq!(again.concepts.len(), greek.concepts.len());
    for (before, after) in greek.concepts.iter().zip(&again.concepts) {
        assert_eq!(before.id, after.id);
        assert_eq!(before.terms, after.terms);
        assert_eq!(before.definition, after.definition);
        assert_eq!(before.note, after.note);
    }
}

#[test]
fn all_fourteen_tico_terminologies_read_cleanly_and_merge_across_languages() {
    let files = tico_files();
    assert_eq!(files.len(), 14, "{files:?}");
    let mut merged = Glossary::default();
    for file in &files {
        let glossary = load(file);
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let expected = match name {
            facebook if facebook.starts_with("f_") => 305,
            "g_en_it.csv" => 326,
            _ => 317,
        };
        assert_eq!(glossary.concepts.len(), expected, "{name}");
        assert_eq!(glossary.languages().len(), 2, "{name}");
        merged.merge(glossary);
    }
    assert_eq!(merged.concepts.len(), 587);
    assert_eq!(
        merged.languages(),
        ["el", "en", "fi", "hu", "it", "lt", "ro", "tr"]
    );

    let bronchitis = merged.get("acute-bronchitis").expect("acute bronchitis");
    assert_eq!(preferred(bronchitis, "en"), "acute bronchitis");
    assert_eq!(preferred(bronchitis, "fi"), "akuutti keuhkoputkentulehdus");
    assert_eq!(preferred(bronchitis, "el"), "οξεία βρογχίτιδα");
    assert_eq!(preferred(bronchitis, "tr"), "akut bronşit");
    assert_eq!(bronchitis.provenance.authority.as_deref(), Some("TICO-19"));
    assert_eq!(bronchitis.provenance.authority_id.as_deref(), Some("fb:2"));

    assert_eq!(
        preferred(merged.get("incubation-period").expect("incubation"), "fi"),
        "itämisaika"
    );
    // `Glossary::merge` keeps the first file's metadata (here Facebook's, which has none), so
    // part of speech and definition are checked on the Google file itself.
    let google = load(&corpora().join("terms/tico19/data/terminologies/g_en_fi.csv"));
    let incubation = google.get("incubation-period").expect("incubation period");
    assert_eq!(incubation.part_of_speech.as_deref(), Some("noun"));
    assert!(
        incubation
            .definition
            .as_deref()
            .is_some_and(|d| d.starts_with(
                "In the context of coronavirus (COVID-19): the period of time between infection"
            ))
    );
    assert_eq!(
        incubation.provenance.authority_id.as_deref(),
        Some("google:12")
    );
    let verb = merged.get("quarantine-verb").expect("quarantine as a verb");
    assert_eq!(preferred(verb, "fi"), "asettaa karanteeniin");
    assert_eq!(preferred(verb, "it"), "mettere in quarantena");

    let entries = deepl_tsv::render(&merged, "en", "fi");
    assert!(entries.contains("acute bronchitis\takuutti keuhkoputkentulehdus\n"));
    // One line per concept with a Finnish term (578: nine concepts are only in the Italian
    // file), less the second `quarantine` (the verb): DeepL takes a source term once.
    assert_eq!(
        merged
            .concepts
            .iter()
            .filter(|c| c.terms.contains_key("fi"))
            .count(),
        578
    );
    assert_eq!(entries.lines().count(), 577);
}

#[test]
fn import_goes_by_content_not_by_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write fixture");
        path
    };
    let tbx_as_csv = write(
        "termbase.csv",
        "<martif><text><body><termEntry id=\"c1\"><langSet xml:lang=\"fi\"><tig><term>kuume</term></tig></langSet></termEntry></body></text></martif>",
    );
    let tico_as_txt = write(
        "fb.txt",
        "id,sourceLang,targetLang,sourceString,targetString\n2,en,fi_FI,acute bronchitis,akuutti keuhkoputkentulehdus\n",
    );
    let kurso_csv = write("glossary.txt", "id,en,fi\nfever,fever,kuume\n");
    assert_eq!(load(&tbx_as_csv).concepts[0].id, "c1");
    assert_eq!(load(&tico_as_txt).concepts[0].id, "acute-bronchitis");
    assert_eq!(preferred(&load(&kurso_csv).concepts[0], "fi"), "kuume");
}
