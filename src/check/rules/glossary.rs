//! `glossary`: the approved term missing, a forbidden term used, a do-not-translate term
//! altered.

use std::collections::HashSet;

use super::markup::visible_text;
use super::{MessagePair, Rule};
use crate::check::doc::flatten;
use crate::check::facts::PerPattern;
use crate::check::finding::{Finding, Level};
use crate::glossary::TermStatus;
use crate::glossary::matcher::Spotted;

pub const RULE: Rule = Rule {
    code: "glossary",
    level: Level::Warning,
    summary: "a glossary term not rendered as the glossary says, a forbidden term, an altered do-not-translate term",
    docs: "\
What it finds: for every glossary concept the English message uses (`informed consent`,
`neutropenic sepsis`, `HL7 FHIR`):
- the translation has none of the forms of the concept's preferred or admitted terms in the
  locale (inflections count: Finnish `potilaalle` is a form of `potilas`, Lithuanian
  `slaugytojams` of `slaugytojas`);
- the translation uses one of the concept's forbidden terms (a calque or a deprecated term);
- a do-not-translate term (product and standard names) is not in the translation exactly as
  in the English.

Why it matters: in a clinical course one concept must have one name. A nurse who reads
`informoitu suostumus` in one module and `tietoon perustuva suostumus` in the next may think
they are different procedures; a renamed standard cannot be looked up.

Example: English `Record the patient's informed consent.`, Finnish glossary
`tietoon perustuva suostumus`, translation `Kirjaa potilaan suostumus.` → \"source has
'informed consent' (glossary fi: tietoon perustuva suostumus); the translation has none of its
forms\".

How matching works: the English side is matched on Snowball stems, keeping English
inflections only (and as written for case-sensitive concepts such as `NICE`); the translation
side on folded words (Greek accents, Turkish dotted i; other diacritics are kept, they make
other words), a morphological analyser when installed (Hunspell, Voikko), the glossary's variant
lists, and the language's paradigm: the term's stems followed by inflectional endings, never a
derivation (`ápolási` is not `ápoló`) nor a compound whose head is another word (`kipulääke` is
not `kipu`). A forbidden term is reported wherever it stands, also beside the approved one.

How to fix: use the glossary's term (`kurso glossary lookup TERM --locale L`). If the
glossary is wrong, fix the glossary (glossaries/*.csv or *.tbx). If this message is a
justified exception, write the reason above it: `# kurso-allow glossary: the patient's own
words are quoted`. A concept's `severity` column (error, warning, info) sets its level; per
locale, `[check.locales.fi] glossary = \"error\"` in kurso.toml.",
    check: Some(check),
};

fn check(pair: &MessagePair<'_>, out: &mut Vec<Finding>) {
    let Some(matcher) = &pair.env.glossary else {
        return;
    };
    // What a reader sees: words inside URLs and `code` (`temperature_c`) are not terms. The
    // English side is the same for every locale: spotted once per run.
    let spotted = pair.env.source_facts.get(
        pair.source,
        |facts| &facts.spotted,
        || {
            let spotted = pair
                .source
                .patterns()
                .map(|(_, source)| matcher.spot(&visible_text(&flatten(source), false)))
                .collect();
            PerPattern::new(spotted, |concepts: &Vec<Spotted>| !concepts.is_empty())
        },
    );
    for (index, (attr, _)) in pair.source.patterns().enumerate() {
        // Most messages use no concept: the translation's words are prepared only for those
        // that do.
        if !spotted.tells(index) {
            continue;
        }
        let Some(spotted_concepts) = spotted.get(index).filter(|concepts| !concepts.is_empty())
        else {
            continue;
        };
        let target = match attr {
            None => pair.target.value(),
            Some(name) => pair.target.attribute(name).map(|a| &a.value),
        };
        let Some(target) = target else {
            continue;
        };
        let target_text = flatten(target);
        let tokens = matcher.target(&visible_text(&target_text, true));
        let mut seen = HashSet::new();
        for spotted in spotted_concepts {
            if !seen.insert(spotted.concept) {
                continue;
            }
            let concept = matcher.concept(spotted.concept);
            let level = concept.severity.unwrap_or(RULE.level);
            if concept.do_not_translate {
                if !target_text.contains(&spotted.text) {
                    let mut f = pair.finding(
                        &RULE,
                        format!(
                            "`{}` is a name that is never translated; the translation does not \
                             have it as written",
                            spotted.text
                        ),
                    );
                    f.level = level;
                    f.help = Some(format!(
                        "write `{}` exactly as in the English",
                        spotted.text
                    ));
                    out.push(f);
                }
                continue;
            }
            if !matcher.has_target(spotted.concept) {
                continue;
            }
            let forbidden = matcher.find_forbidden(spotted.concept, &tokens);
            // A forbidden term's finding already names the approved one: one finding, not two.
            if forbidden.is_empty() && matcher.find_allowed(spotted.concept, &tokens).is_none() {
                let approved: Vec<&str> = matcher
                    .target_terms(spotted.concept, TermStatus::Preferred)
                    .chain(matcher.target_terms(spotted.concept, TermStatus::Admitted))
                    .map(|t| t.text.as_str())
                    .collect();
                if !approved.is_empty() {
                    let mut f = pair.finding(
                        &RULE,
                        format!(
                            "source has '{}' (glossary {}: {}); the translation has none of its forms",
                            spotted.text,
                            pair.env.name,
                            approved.join(" / ")
                        ),
                    );
                    f.level = level;
                    f.help = Some(format!(
                        "use the glossary term, or explain an exception with `# kurso-allow glossary: reason` (concept `{}`)",
                        concept.id
                    ));
                    out.push(f);
                }
            }
            for found in forbidden {
                let used = &tokens.text()[found.start..found.end];
                let offset = pair.target.find(used).unwrap_or(pair.target.offset());
                let preferred = matcher
                    .target_terms(spotted.concept, TermStatus::Preferred)
                    .next()
                    .map_or_else(String::new, |t| format!("; use '{}'", t.text));
                let mut f = pair.finding_at(
                    &RULE,
                    offset,
                    format!(
                        "'{used}' is a forbidden term for '{}' (glossary {}){preferred}",
                        spotted.text, pair.env.name
                    ),
                );
                f.level = level.max(Level::Warning);
                f.help.clone_from(&concept.note);
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use super::*;
    use crate::check::rules::fixture;
    use crate::glossary::csv;
    use crate::glossary::matcher::Matcher;

    const GLOSSARY: &str = "\
id,en,fi,el,forbidden:fi,dnt,case-sensitive,severity
informed-consent,informed consent,tietoon perustuva suostumus,συναίνεση κατόπιν ενημέρωσης,informoitu suostumus,,,error
patient,patient,potilas,ασθενής,,,,
fhir,HL7 FHIR,HL7 FHIR,HL7 FHIR,,yes,yes,
";

    fn run(locale: &str, english: &str, translation: &str) -> Vec<Finding> {
        let (glossary, diagnostics) = csv::parse(Path::new("g.csv"), GLOSSARY);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let matcher = Arc::new(Matcher::new(
            &Arc::new(glossary),
            "en",
            &[locale.to_owned()],
        ));
        fixture::run_with_glossary(&RULE, locale, english, translation, matcher)
    }

    #[test]
    fn inflected_approved_terms_pass() {
        let found = run(
            "fi",
            "a = Record the patient's informed consent.\n",
            "a = Kirjaa potilaan tietoon perustuva suostumus.\n",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn missing_term_is_reported_with_the_glossary_term_and_concept_severity() {
        let found = run(
            "fi",
            "a = Record the patient's informed consent.\n",
            "a = Kirjaa potilaan lupa.\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            found[0].message,
            "source has 'informed consent' (glossary fi: tietoon perustuva suostumus); the translation has none of its forms"
        );
        assert_eq!(found[0].level, Level::Error);
    }

    #[test]
    fn forbidden_term_is_reported_where_it_is() {
        let found = run(
            "fi",
            "a = Record informed consent.\n",
            "a = Kirjaa informoitu suostumus.\n",
        );
        assert_eq!(found.len(), 1, "one finding, not also `missing`: {found:?}");
        let messages: Vec<_> = found.iter().map(|f| f.message.as_str()).collect();
        assert!(
            messages.contains(&"'informoitu suostumus' is a forbidden term for 'informed consent' (glossary fi); use 'tietoon perustuva suostumus'"),
            "{messages:?}"
        );
        let forbidden = found
            .iter()
            .find(|f| f.message.contains("forbidden"))
            .expect("finding");
        assert_eq!(forbidden.position.map(|p| p.column), Some(12));
    }

    #[test]
    fn do_not_translate_terms_must_stay_as_written() {
        let ok = run(
            "el",
            "a = Export as HL7 FHIR.\n",
            "a = Εξαγωγή ως HL7 FHIR.\n",
        );
        assert!(ok.is_empty(), "{ok:?}");
        let altered = run(
            "el",
            "a = Export as HL7 FHIR.\n",
            "a = Εξαγωγή ως HL7 Fhir.\n",
        );
        assert_eq!(altered.len(), 1, "{altered:?}");
        assert!(
            altered[0]
                .message
                .contains("`HL7 FHIR` is a name that is never translated")
        );
    }

    #[test]
    fn words_in_urls_and_code_are_not_terms() {
        let found = run(
            "fi",
            "a = See [the guide](https://example.org/informed-consent) and `patient_id`.\n",
            "a = Katso [opas](https://example.org/informed-consent) ja `patient_id`.\n",
        );
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn concepts_without_terms_in_the_locale_are_skipped() {
        let found = run("hu", "a = Record informed consent.\n", "a = Rögzítse.\n");
        assert!(found.is_empty(), "{found:?}");
    }
}
