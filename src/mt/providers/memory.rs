//! `memory`: reuses translations that already exist (the project's other translations, and
//! TMX files), offline, no key. An identical English text reuses its translation as is; a
//! similar one (word similarity at or above `min-similarity`, default 75 %) reuses the closest
//! translation as a draft for a person to fix. Every draft is verified like any other, so a
//! fuzzy match whose numbers differ from the new English is refused, not written.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::Event;
use similar::TextDiff;

use super::super::mask::{Masked, mask};
use super::super::provider::{Batch, BoxFuture, Limits, Provider, ProviderError, Reply};
use crate::diagnostic::Diagnostic;

/// English → translation pairs per target locale, as masked texts with matching placeholders.
#[derive(Debug, Default)]
pub struct Memory {
    pairs: HashMap<String, Vec<(String, String)>>,
    min_similarity: f32,
}

impl Memory {
    pub fn new(min_similarity_percent: u32) -> Memory {
        Memory {
            pairs: HashMap::new(),
            #[allow(clippy::cast_precision_loss, reason = "a percentage")]
            min_similarity: min_similarity_percent.min(100) as f32 / 100.0,
        }
    }

    /// Adds a pair of unmasked texts (Markdown) for `target`. Pairs whose markup does not
    /// correspond (a link lost, code changed) are skipped: reusing them would carry the
    /// mistake along.
    pub fn add(&mut self, target: &str, english: &str, translation: &str) {
        let source = mask(english, &[]);
        let Some(masked) = align(&source, &mask(translation, &[])) else {
            return;
        };
        self.pairs
            .entry(target.to_owned())
            .or_default()
            .push((source.text, masked));
    }

    /// Loads the `en` → `target` units of a TMX file (text content of `<seg>`, inline tags'
    /// content included: kurso's TMX keeps the Markdown there). A `<ph>` holding a Fluent
    /// placeable (`{ $dose }`) stands for that placeable, as in the project's own messages.
    /// XML is read without DTDs or external entities.
    pub fn add_tmx(&mut self, path: &Path, target: &str) -> Result<usize, Diagnostic> {
        let text = crate::fsx::read_to_string(path)
            .map_err(|err| Diagnostic::file_error(path, err.to_string()))?;
        let mut reader = Reader::from_str(&text);
        let (mut lang, mut in_seg, mut seg) = (String::new(), false, String::new());
        // The native code of the `<ph>` being read, and the placeables of the `<tu>`.
        let mut ph: Option<String> = None;
        let mut placeables: Vec<String> = Vec::new();
        let mut unit: HashMap<String, String> = HashMap::new();
        let mut added = 0;
        let wanted = crate::glossary::normalize::language(target);
        loop {
            match reader.read_event() {
                Ok(Event::Start(e)) => match e.name().as_ref() {
                    b"tu" => {
                        unit.clear();
                        placeables.clear();
                    }
                    b"ph" if in_seg => ph = Some(String::new()),
                    b"tuv" => {
                        lang = e
                            .attributes()
                            .flatten()
                            .find(|a| a.key.as_ref() == b"xml:lang" || a.key.as_ref() == b"lang")
                            .map(|a| String::from_utf8_lossy(&a.value).to_lowercase())
                            .unwrap_or_default();
                    }
                    b"seg" => {
                        in_seg = true;
                        seg.clear();
                    }
                    _ => {}
                },
                Ok(Event::Text(t)) if in_seg => {
                    ph.as_mut()
                        .unwrap_or(&mut seg)
                        .push_str(&t.xml10_content().unwrap_or_default());
                }
                Ok(Event::GeneralRef(reference)) if in_seg => {
                    let name = reference.decode().unwrap_or_default().into_owned();
                    match reference.resolve_char_ref() {
                        Ok(Some(ch)) => ph.as_mut().unwrap_or(&mut seg).push(ch),
                        _ => match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(resolved) => ph.as_mut().unwrap_or(&mut seg).push_str(resolved),
                            None => {
                                return Err(tmx_error(
                                    path,
                                    &text,
                                    &reader,
                                    &format!("entity `&{name};` is not allowed (no DTD is read)"),
                                ));
                            }
                        },
                    }
                }
                Ok(Event::End(e)) => match e.name().as_ref() {
                    b"ph" if in_seg => {
                        let native = ph.take().unwrap_or_default();
                        let code = native.trim();
                        if code.starts_with('{') && code.ends_with('}') {
                            let index =
                                placeables
                                    .iter()
                                    .position(|p| p == code)
                                    .unwrap_or_else(|| {
                                        placeables.push(code.to_owned());
                                        placeables.len() - 1
                                    });
                            seg.push(super::super::mask::sentinel(index));
                        } else {
                            seg.push_str(&native);
                        }
                    }
                    b"seg" => {
                        in_seg = false;
                        unit.insert(
                            crate::glossary::normalize::language(&lang),
                            seg.trim().to_owned(),
                        );
                    }
                    b"tu" => {
                        if let (Some(en), Some(tr)) = (unit.get("en"), unit.get(&wanted))
                            && !en.is_empty()
                            && !tr.is_empty()
                        {
                            self.add(target, en, tr);
                            added += 1;
                        }
                    }
                    _ => {}
                },
                Ok(Event::Eof) => break,
                Err(err) => return Err(tmx_error(path, &text, &reader, &err.to_string())),
                _ => {}
            }
        }
        Ok(added)
    }

    fn lookup(&self, target: &str, text: &str) -> Option<String> {
        let pairs = self.pairs.get(target)?;
        if let Some((_, found)) = pairs.iter().find(|(en, _)| en == text) {
            return Some(found.clone());
        }
        let placeholders = text.matches("id=\"").count();
        pairs
            .iter()
            .filter(|(en, _)| en.matches("id=\"").count() == placeholders)
            .map(|(en, tr)| (TextDiff::from_words(en.as_str(), text).ratio(), tr))
            .filter(|(ratio, _)| *ratio >= self.min_similarity)
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, tr)| tr.clone())
    }
}

fn tmx_error(path: &Path, text: &str, reader: &Reader<&[u8]>, message: &str) -> Diagnostic {
    let offset = usize::try_from(reader.buffer_position()).unwrap_or(0);
    Diagnostic::error_at(
        path,
        text,
        offset.min(text.len()),
        format!("invalid TMX: {message}"),
    )
}

/// The translation's masked text renumbered to the English placeholders: atoms by equal
/// content, groups by equal delimiters, in order. `None` when they do not correspond.
fn align(english: &Masked, translation: &Masked) -> Option<String> {
    let mut used = vec![false; english.placeholders()];
    let mut out = String::with_capacity(translation.text.len());
    let mut rest = translation.text.as_str();
    let mut open: Vec<usize> = Vec::new();
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let gt = rest[lt..].find('>')? + lt;
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        if tag == "/g" {
            open.pop()?;
            out.push_str("</g>");
            continue;
        }
        let id: usize = tag.split('"').nth(1)?.parse().ok()?;
        let wanted = translation.part(id)?;
        let target = (1..=english.placeholders())
            .find(|&j| !used[j - 1] && english.part(j).as_ref() == Some(&wanted))?;
        used[target - 1] = true;
        if tag.starts_with('x') {
            let _ = write!(out, "<x id=\"{target}\"/>");
        } else {
            let _ = write!(out, "<g id=\"{target}\">");
            open.push(target);
        }
    }
    out.push_str(rest);
    (used.iter().all(|u| *u) && open.is_empty()).then_some(out)
}

impl Provider for Memory {
    fn name(&self) -> &'static str {
        "memory"
    }

    fn limits(&self) -> Limits {
        // One text a batch: a miss is that text's alone, the others still reuse.
        Limits {
            max_texts: 1,
            max_bytes: usize::MAX,
            max_chars: usize::MAX,
            concurrency: 1,
            requests_per_second: 0.0,
        }
    }

    fn translate<'a>(&'a self, batch: &'a Batch) -> BoxFuture<'a, Result<Reply, ProviderError>> {
        Box::pin(async move {
            // Batches hold one text (see `limits`), so a miss fails only that text.
            let mut out = Vec::with_capacity(batch.texts.len());
            for text in &batch.texts {
                match self.lookup(&batch.target_lang, text) {
                    Some(found) => out.push(found),
                    None => {
                        return Err(ProviderError::Config(
                            "no similar translation in the memory".to_owned(),
                        ));
                    }
                }
            }
            Ok(Reply::Done(out))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn translate(memory: &Memory, text: &str) -> Option<String> {
        memory.lookup("it", &mask(text, &[]).text)
    }

    #[test]
    fn exact_reuse_renumbers_moved_markup() {
        let mut memory = Memory::new(75);
        memory.add(
            "it",
            "Read [the leaflet](a.pdf) **first**.",
            "**Prima** leggere [il foglietto](a.pdf).",
        );
        let english = mask("Read [the leaflet](a.pdf) **first**.", &[]);
        let found = translate(&memory, "Read [the leaflet](a.pdf) **first**.").expect("exact");
        assert_eq!(
            english.unmask(&found).expect("valid"),
            "**Prima** leggere [il foglietto](a.pdf)."
        );
    }

    #[test]
    fn fuzzy_reuse_above_the_threshold_only() {
        let mut memory = Memory::new(75);
        memory.add(
            "it",
            "Call the patient within one hour of the alert.",
            "Chiamare il paziente entro un'ora dall'avviso.",
        );
        assert!(translate(&memory, "Call the patient within one hour of an alert.").is_some());
        assert!(translate(&memory, "Record the weight every morning.").is_none());
    }

    #[test]
    fn pairs_whose_markup_differs_are_not_kept() {
        let mut memory = Memory::new(75);
        memory.add("it", "See [the guide](a.pdf).", "Vedere la guida.");
        assert!(translate(&memory, "See [the guide](a.pdf).").is_none());
    }

    #[test]
    fn tmx_units_are_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("m.tmx");
        std::fs::write(
            &path,
            "<?xml version=\"1.0\"?><tmx version=\"1.4\"><header/><body>\
             <tu><tuv xml:lang=\"en-US\"><seg>Wash your hands.</seg></tuv>\
             <tuv xml:lang=\"it-IT\"><seg>Lavarsi le mani.</seg></tuv></tu></body></tmx>",
        )
        .expect("write");
        let mut memory = Memory::new(75);
        assert_eq!(memory.add_tmx(&path, "it").expect("reads"), 1);
        assert_eq!(
            translate(&memory, "Wash your hands.").as_deref(),
            Some("Lavarsi le mani.")
        );
    }
}
