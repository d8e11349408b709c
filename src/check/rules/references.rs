//! `references`: `{ message }` and `{ -term }` references of a translation that resolve to
//! nothing in its locale, and references of the English the translation dropped.

use std::borrow::Cow;
use std::collections::BTreeSet;

use fluent_syntax::ast;

use super::variables::{Node, find_word, walk};
use super::{MessagePair, Rule};
use crate::check::doc::Entry;
use crate::check::finding::{Finding, Level};

pub const RULE: Rule = Rule {
    code: "references",
    level: Level::Error,
    summary: "a `{ message }` or `{ -term }` reference that does not resolve, or one the translation dropped",
    docs: "\
What it finds, in each translated message:

- a reference to a message (`{ dose-table }`, `{ dose-table.title }`) or a term
  (`{ -course-name }`) that neither the locale nor a locale it falls back to defines, while
  the English does: error. Only the ID is checked here; a missing attribute of a message in the
  same file is reported by `runtime`.
- a reference to an ID that the English does not define either: error, because the learner
  sees `{-nome-corso}` (a typo, a translated ID, a renamed term). Only when the English uses
  the same undefined ID is it a warning: then it comes from files kurso does not check (an
  application's brand terms, such as Thunderbird's `-brand-short-name`), and resolves for the
  translation as it does for the English.
- a reference of the English that the translation does not use: warning, because a language may
  legitimately word a name differently. Term attributes (`-brand.gender`) are not required:
  only the grammar of the English needs them.

Why it matters: a reference that does not resolve is shown to the learner as `{-course-name}`
in the middle of the text. A dropped reference freezes text that the English keeps in one place:
when a product, unit or course name changes, every translation that typed it out stays behind.

Example:

    # en
    intro = Welcome to { -course-name }.
    # it
    intro = Benvenuti a { -nome-corso }.

reports that `-nome-corso` is defined neither in it nor in the English (error), and that the
English uses `{ -course-name }` and the translation does not (warning).

How to fix: reference the English IDs exactly (`{ -course-name }`; IDs are never translated),
and translate the referenced message or term in this locale. To inflect a term, give the term
variants in the translation (`-course-name = { $case -> … }`) and pass the case where it is
used (`{ -course-name(case: \"genitive\") }`).

To silence: `[check.rules] references = \"off\"` in kurso.toml, or a comment
`# kurso-allow references: reason` above the translated message.",
    check: Some(check),
};

fn check(pair: &MessagePair<'_>, out: &mut Vec<Finding>) {
    let env = pair.env;
    let translated = references_of(pair.target);
    let english = references_of(pair.source);
    if translated.is_empty() && english.is_empty() {
        return; // most messages
    }
    let mut reported = BTreeSet::new();
    for reference in &translated {
        let id = reference.id();
        if env.visible.contains(id.as_ref()) || !reported.insert(reference.key()) {
            continue;
        }
        let offset =
            find_word(pair.target, pair.target.offset(), &id).unwrap_or(pair.target.offset());
        let f = if env.reference_visible.contains(id.as_ref()) {
            let mut f = pair.finding_at(
                &RULE,
                offset,
                format!(
                    "`{id}` is not translated in {} or a locale it falls back to: the learner \
                     would see `{{{id}}}`",
                    env.name
                ),
            );
            f.help = Some(format!(
                "translate `{id}` in {} (the English defines it)",
                env.name
            ));
            f
        } else {
            let mut f = pair.finding_at(
                &RULE,
                offset,
                format!(
                    "`{id}` is defined neither in {} nor in the English checked here",
                    env.name
                ),
            );
            let external = english.iter().any(|r| r.key() == reference.key());
            if external {
                f.level = Level::Warning;
                f.help = Some(
                    "the English uses it too: fine if it comes from files kurso does not check \
                     (an application's brand terms)"
                        .to_owned(),
                );
            } else {
                f.help = Some(
                    "the learner would see the reference as raw text: use the ID the English \
                     uses, or define it in this locale"
                        .to_owned(),
                );
            }
            f
        };
        out.push(f);
    }
    let kept: BTreeSet<Shown<'_>> = translated.iter().filter_map(Reference::shown).collect();
    let mut dropped = BTreeSet::new();
    for reference in &english {
        let Some(shown) = reference.shown() else {
            continue;
        };
        if kept.contains(&shown) || !dropped.insert(shown) {
            continue;
        }
        let shown = reference.shown_text();
        let mut f = pair.finding(
            &RULE,
            format!("the English uses `{{ {shown} }}`, the translation does not"),
        );
        f.level = Level::Warning;
        f.help = Some(if reference.term {
            "use the term rather than typing its text, so the name stays the same everywhere \
             and follows when it changes; for another grammatical form, give the term variants \
             in this locale and pass the form, `{ -term(case: \"genitive\") }`"
                .to_owned()
        } else {
            "reference the message rather than copying its text, so it follows when the \
             English changes"
                .to_owned()
        });
        out.push(f);
    }
}

/// A message or term reference in a pattern, borrowed from the syntax tree.
#[derive(Debug, Clone, Copy)]
struct Reference<'a> {
    /// `{ -term }` rather than `{ message }`.
    term: bool,
    /// The identifier, without the `-` of a term.
    name: &'a str,
    attribute: Option<&'a str>,
}

/// What a translation must keep of a reference: `(term, name, attribute)`.
type Shown<'a> = (bool, &'a str, Option<&'a str>);

impl<'a> Reference<'a> {
    /// Which entry it needs, as [`Self::id`] names it, without building the name.
    fn key(&self) -> (bool, &'a str) {
        (self.term, self.name)
    }

    /// The ID it needs: `message` or `-term`.
    fn id(&self) -> Cow<'a, str> {
        if self.term {
            Cow::Owned(format!("-{}", self.name))
        } else {
            Cow::Borrowed(self.name)
        }
    }

    /// What a translation must keep: the message, its attribute or the term; `None` for a
    /// term attribute (`-brand.gender`), which serves the English grammar only.
    fn shown(&self) -> Option<Shown<'a>> {
        (!self.term || self.attribute.is_none()).then_some((self.term, self.name, self.attribute))
    }

    /// [`Self::shown`] as written: `message`, `message.attribute` or `-term`.
    fn shown_text(&self) -> String {
        match (self.term, self.attribute) {
            (false, Some(attribute)) => format!("{}.{attribute}", self.name),
            _ => self.id().into_owned(),
        }
    }
}

/// The references of every pattern of `entry`, in source order.
fn references_of(entry: Entry<'_>) -> Vec<Reference<'_>> {
    let mut out = Vec::new();
    for (_, pattern) in entry.patterns() {
        walk(pattern, &mut |node| match node {
            Node::Inline(ast::InlineExpression::MessageReference { id, attribute }) => {
                out.push(Reference {
                    term: false,
                    name: id.name,
                    attribute: attribute.as_ref().map(|a| a.name),
                });
            }
            Node::Inline(ast::InlineExpression::TermReference { id, attribute, .. }) => {
                out.push(Reference {
                    term: true,
                    name: id.name,
                    attribute: attribute.as_ref().map(|a| a.name),
                });
            }
            _ => {}
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::RULE;
    use crate::check::finding::Level;
    use crate::check::rules::fixture;

    /// The findings' `line:col level: message` for English `en` and Italian `it`.
    #[track_caller]
    fn check(en: &str, it: &str, expected: &[&str]) {
        fixture::check(&RULE, "it", en, it, expected);
    }

    #[test]
    fn references_defined_in_the_locale_are_fine() {
        check(
            "-course-name = DigiCanTrain\nintro = Welcome to { -course-name }, see { dose-table.title }\ndose-table = Doses\n    .title = Table\n",
            "-course-name = DigiCanTrain\nintro = Benvenuti a { -course-name }, vedi { dose-table.title }\ndose-table = Dosi\n    .title = Tabella\n",
            &[],
        );
    }

    #[test]
    fn a_reference_the_locale_does_not_translate_is_an_error() {
        check(
            "-course-name = DigiCanTrain\nintro = Welcome to { -course-name }\n",
            "intro = Benvenuti a { -course-name }\n",
            &[
                "1:23 error: `-course-name` is not translated in it or a locale it falls back to: the learner would see `{-course-name}`",
            ],
        );
    }

    #[test]
    fn a_reference_defined_nowhere_is_a_warning_only_when_the_english_uses_it_too() {
        let findings = fixture::run(
            &RULE,
            "it",
            "intro = Welcome to { -brand-short-name }\n",
            "intro = Benvenuti in { -brand-short-name }\n",
        );
        assert_eq!(findings.len(), 1, "{findings:?}");
        assert_eq!(findings[0].level, Level::Warning);
        assert_eq!(
            findings[0].message,
            "`-brand-short-name` is defined neither in it nor in the English checked here"
        );
        let typo = fixture::run(
            &RULE,
            "it",
            "intro = Welcome to { -brand-short-name }\n",
            "intro = Benvenuti in { -brand-shortname }\n",
        );
        let levels: Vec<_> = typo.iter().map(|f| (f.level, f.message.as_str())).collect();
        assert!(
            levels.contains(&(
                Level::Error,
                "`-brand-shortname` is defined neither in it nor in the English checked here"
            )),
            "{levels:?}"
        );
    }

    #[test]
    fn a_renamed_term_is_unresolved_and_the_english_one_dropped() {
        check(
            "-course-name = DigiCanTrain\nintro = Welcome to { -course-name }.\n",
            "-course-name = DigiCanTrain\nintro = Benvenuti a { -nome-corso }.\n",
            &[
                "2:23 error: `-nome-corso` is defined neither in it nor in the English checked here",
                "2:1 warning: the English uses `{ -course-name }`, the translation does not",
            ],
        );
    }

    #[test]
    fn a_message_reference_is_checked_by_id_and_kept_with_its_attribute() {
        check(
            "dose-table = Doses\n    .title = Table\nsee = See { dose-table.title }\n",
            "dose-table = Dosi\n    .title = Tabella\nsee = Vedi { dose-table }\n",
            &["3:1 warning: the English uses `{ dose-table.title }`, the translation does not"],
        );
        check(
            "dose-table = Doses\nsee = See { dose-table }\n",
            "see = Vedi { dose-table }\n",
            &[
                "1:14 error: `dose-table` is not translated in it or a locale it falls back to: the learner would see `{dose-table}`",
            ],
        );
    }

    #[test]
    fn term_attributes_are_not_required() {
        check(
            "-course = course\n    .gender = masculine\nintro = { -course.gender ->\n    [feminine] She\n   *[masculine] He\n}\n",
            "-course = corso\nintro = Il corso\n",
            &[],
        );
        let english = "-course = course\n    .gender = masculine\nintro = { -course.gender ->\n    [feminine] She\n   *[masculine] He\n} { -course }\n";
        check(english, "-course = corso\nintro = Il { -course }\n", &[]);
        check(
            english,
            "-course = corso\nintro = Il corso\n",
            &["2:1 warning: the English uses `{ -course }`, the translation does not"],
        );
    }

    #[test]
    fn each_missing_id_is_reported_once() {
        check(
            "-course-name = DigiCanTrain\nintro = { -course-name }\n",
            "intro = { -course-name } e { -course-name }\n",
            &[
                "1:11 error: `-course-name` is not translated in it or a locale it falls back to: the learner would see `{-course-name}`",
            ],
        );
    }
}
