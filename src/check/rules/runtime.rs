//! `runtime`: a translated message that fluent-bundle cannot show as written, found by
//! formatting it (value and attributes, every variant) with sample arguments.
//!
//! The bundle holds the translated entry and, transitively, the entries of the same file it
//! references, nothing else: IDs that do not resolve are `references`' business and are not
//! reported twice, and cost stays proportional to the message, not the file.

use std::collections::BTreeSet;
use std::panic::{AssertUnwindSafe, catch_unwind};

use fluent_bundle::resolver::ResolverError;
use fluent_bundle::resolver::errors::ReferenceKind;
use fluent_bundle::{FluentArgs, FluentBundle, FluentError, FluentResource, FluentValue};
use fluent_syntax::ast;

use super::plurals::examples;
use super::variables::{Node, find_word, pattern_start, variables_of, walk};
use super::{MessagePair, Rule};
use crate::check::doc::Entry;
use crate::check::finding::{Finding, Level};

pub const RULE: Rule = Rule {
    code: "runtime",
    level: Level::Error,
    summary: "a translated message that Fluent cannot show as written (formatted with sample values)",
    docs: "\
What it finds: kurso formats each translated message (its value and every attribute) with
fluent-bundle, the Fluent implementation, for the target locale, passing every `$variable` a
sample value: a number of each plural category of the language (so every plural variant is
shown once), every numeric and word key of the selects, and a word. It reports what Fluent
cannot resolve:

- a function that is neither Fluent's (`NUMBER`, `DATETIME`) nor one the English uses
  (`NUMBR($dose)`);
- an attribute that a message or term of the same file does not have (`{ dose-table.caption }`,
  a select on `-course.gender` when `-course` has no `.gender` in this locale);
- a message that has only attributes, referenced as `{ dose-table }`;
- a message or term that refers back to itself, or that expands to more than 100 placeables.

The bundle holds the translated entry and the entries of the same file it references. A
reference to an ID the file does not define is reported by `references`, not here; a variable
the English does not have, by `variables`.

Why it matters: Fluent does not fail loudly. It shows what it cannot resolve as `{NUMBR()}` or
`{dose-table.caption}` in the middle of a sentence, or quietly shows the default variant of a
select, so the learner reads a broken or wrong sentence in the part of the course that only some
numbers or some readers reach.

Example:

    # it
    dose = Somministrare { NUMBR($dose) } mg

reports that `NUMBR` is not a function Fluent or the English knows: the learner would see
`Somministrare {NUMBR()} mg`.

How to fix: write functions, references and attributes as the English does, and give each
referenced message or term what is used of it in this locale.

To silence: `[check.rules] runtime = \"off\"` in kurso.toml, or a comment
`# kurso-allow runtime: reason` above the translated message.",
    check: Some(check),
};

/// The message a translated term is copied into, to format it as a message.
const TERM_PROBE: &str = "kurso-runtime-probe-";

/// Fluent's own functions (fluent-bundle implements `NUMBER`; `DATETIME` is standard).
const BUILTINS: [&str; 2] = ["NUMBER", "DATETIME"];

fn check(pair: &MessagePair<'_>, out: &mut Vec<Finding>) {
    // A message that cannot fail to format (most messages) is not formatted. One without a
    // value is formatted attribute by attribute, which fail only as patterns do.
    let inert = pair
        .target
        .patterns()
        .all(|(_, pattern)| inert_pattern(pattern, pair.target));
    if inert {
        return;
    }
    let known = known_functions(pair.source);
    unknown_functions(pair, &known, out);
    // fluent-bundle is third-party code run on arbitrary text: a panic in it must not end
    // the whole check.
    let formatted = catch_unwind(AssertUnwindSafe(|| format_errors(pair, &known)));
    let Ok(problems) = formatted else {
        let mut f = pair.finding(&RULE, "Fluent failed while formatting this message");
        f.help = Some("please report this message to the kurso maintainers".to_owned());
        out.push(f);
        return;
    };
    let mut placed: Vec<(usize, Finding)> = problems
        .into_iter()
        .map(|(attribute, problem)| {
            let start = pattern_start(pair.target, attribute.as_deref());
            let offset = problem
                .needle
                .as_deref()
                .and_then(|needle| find_word(pair.target, start, needle))
                .unwrap_or(start);
            let place = attribute.map_or_else(String::new, |name| format!(" (in `.{name}`)"));
            let mut f = pair.finding_at(&RULE, offset, format!("{}{place}", problem.message));
            f.help = Some(format!("{}; Fluent says: {}", problem.help, problem.fluent));
            (offset, f)
        })
        .collect();
    placed.sort_by_key(|(offset, _)| *offset);
    out.extend(placed.into_iter().map(|(_, f)| f));
}

/// Fluent's limit of placeables in one formatting (`MAX_PLACEABLES` in fluent-bundle).
const MAX_PLACEABLES: usize = 100;

/// Whether formatting `pattern` of `entry` cannot give an error this rule reports: it holds
/// text, literals, variables (each gets a sample value), selects on those (a parsed select
/// always has its default variant) and references to IDs its file does not define (left
/// unresolved in the bundle, which `references` reports), with no more placeables in all
/// than Fluent allows. Functions and references into the file can fail (a missing
/// attribute, a cycle) and are formatted.
fn inert_pattern(pattern: &ast::Pattern<&str>, entry: Entry<'_>) -> bool {
    let mut placeables = placeables_in(pattern);
    let mut inert = true;
    walk(pattern, &mut |node| match node {
        Node::Inline(
            ast::InlineExpression::StringLiteral { .. }
            | ast::InlineExpression::NumberLiteral { .. }
            | ast::InlineExpression::VariableReference { .. }
            | ast::InlineExpression::Placeable { .. },
        ) => {}
        Node::Select { variants, .. } => {
            placeables += variants
                .iter()
                .map(|v| placeables_in(&v.value))
                .sum::<usize>();
        }
        Node::Inline(ast::InlineExpression::MessageReference { id, .. }) => {
            inert &= entry.doc.get(id.name).is_none();
        }
        Node::Inline(ast::InlineExpression::TermReference { id, .. }) => {
            inert &= entry.doc.get(&format!("-{}", id.name)).is_none();
        }
        Node::Inline(ast::InlineExpression::FunctionReference { .. }) => inert = false,
    });
    inert && placeables <= MAX_PLACEABLES
}

/// The placeables of `pattern` itself (those of its selects' variants are counted where
/// [`walk`] visits the select).
fn placeables_in(pattern: &ast::Pattern<&str>) -> usize {
    pattern
        .elements
        .iter()
        .filter(|e| matches!(e, ast::PatternElement::Placeable { .. }))
        .count()
}

/// Functions the translation may call: Fluent's and the English message's (an application
/// may register its own, such as `PLATFORM()`).
fn known_functions(source: Entry<'_>) -> BTreeSet<String> {
    let mut known: BTreeSet<String> = BUILTINS.iter().map(|&name| name.to_owned()).collect();
    for (_, pattern) in source.patterns() {
        walk(pattern, &mut |node| {
            if let Node::Inline(ast::InlineExpression::FunctionReference { id, .. }) = node {
                known.insert(id.name.to_owned());
            }
        });
    }
    known
}

/// Calls of unknown functions, found in the AST: fluent-bundle reports them only where the
/// result is shown, not in a selector.
fn unknown_functions(pair: &MessagePair<'_>, known: &BTreeSet<String>, out: &mut Vec<Finding>) {
    let mut reported = BTreeSet::new();
    for (attribute, pattern) in pair.target.patterns() {
        let start = pattern_start(pair.target, attribute);
        walk(pattern, &mut |node| {
            let Node::Inline(ast::InlineExpression::FunctionReference { id, .. }) = node else {
                return;
            };
            let name = id.name;
            if known.contains(name) || !reported.insert(name) {
                return;
            }
            let offset = find_word(pair.target, start, name).unwrap_or(start);
            let mut f = pair.finding_at(
                &RULE,
                offset,
                format!("`{name}` is not a function Fluent or the English knows: a typo?"),
            );
            let english: Vec<String> = known
                .iter()
                .filter(|name| !BUILTINS.contains(&name.as_str()))
                .map(|name| format!("`{name}`"))
                .collect();
            let also = if english.is_empty() {
                String::new()
            } else {
                format!(", and the English uses {}", english.join(", "))
            };
            f.help = Some(format!(
                "the learner would see `{{{name}()}}`, or the default variant of a select on \
                 it; Fluent's functions are `NUMBER` and `DATETIME`{also}"
            ));
            out.push(f);
        });
    }
}

/// What went wrong formatting one pattern, said for a translator.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Problem {
    message: String,
    help: String,
    /// Text to point at in the translation.
    needle: Option<String>,
    /// fluent-bundle's own words.
    fluent: String,
}

/// Formats every pattern of the translated entry with each set of sample arguments; returns
/// the distinct problems with the attribute they are in.
fn format_errors(
    pair: &MessagePair<'_>,
    known: &BTreeSet<String>,
) -> BTreeSet<(Option<String>, Problem)> {
    let mut problems = BTreeSet::new();
    let (text, defined) = bundle_source(pair.target);
    let probe = if pair.target.is_term() {
        format!("{TERM_PROBE}{}", &pair.target.id()[1..])
    } else {
        pair.target.id().to_owned()
    };
    let resource = FluentResource::try_new(text).unwrap_or_else(|(resource, _)| resource);
    let mut bundle = FluentBundle::new(vec![pair.env.locale.clone()]);
    bundle.set_use_isolating(false);
    // Errors here are duplicates and syntax errors, which other rules report.
    let _ = bundle.add_builtins();
    for name in known {
        let _ = bundle.add_function(name, first_argument);
    }
    let _ = bundle.add_resource(resource);
    let Some(message) = bundle.get_message(&probe) else {
        return problems;
    };
    let samples = Samples::new(pair);
    let patterns = message
        .value()
        .map(|value| (None, value))
        .into_iter()
        .chain(
            message
                .attributes()
                .map(|attr| (Some(attr.id().to_owned()), attr.value())),
        );
    for (attribute, pattern) in patterns {
        for run in 0..samples.runs() {
            let args = samples.args(run);
            let mut errors = Vec::new();
            let _ = bundle.format_pattern(pattern, Some(&args), &mut errors);
            for error in &errors {
                if let Some(problem) = describe(error, &defined) {
                    problems.insert((attribute.clone(), problem));
                }
            }
        }
    }
    problems
}

/// Stands in for a function the English uses but kurso cannot know (`PLATFORM()`).
fn first_argument<'a>(positional: &[FluentValue<'a>], _named: &FluentArgs) -> FluentValue<'a> {
    positional.first().cloned().unwrap_or(FluentValue::None)
}

/// The entry's text and, transitively, the text of the entries of the same file it
/// references; a translated term is also copied into a message, so that it can be formatted.
/// Returns the text and the IDs it defines.
fn bundle_source(target: Entry<'_>) -> (String, BTreeSet<String>) {
    let mut text = String::new();
    let mut defined = BTreeSet::from([target.id().to_owned()]);
    let mut queue = vec![target];
    while let Some(entry) = queue.pop() {
        text.push_str(entry.source());
        text.push('\n');
        let mut referenced = Vec::new();
        for (_, pattern) in entry.patterns() {
            walk(pattern, &mut |node| match node {
                Node::Inline(ast::InlineExpression::MessageReference { id, .. }) => {
                    referenced.push(id.name.to_owned());
                }
                Node::Inline(ast::InlineExpression::TermReference { id, .. }) => {
                    referenced.push(format!("-{}", id.name));
                }
                _ => {}
            });
        }
        for id in referenced {
            if let Some(found) = target.doc.get(&id) {
                if defined.insert(id) {
                    queue.push(found);
                }
            }
        }
    }
    if let Some(rest) = target.source().strip_prefix('-') {
        text.push_str(TERM_PROBE);
        text.push_str(rest);
        text.push('\n');
    }
    (text, defined)
}

/// A resolver error as a [`Problem`], or `None` when another rule reports it (unresolved
/// IDs, unknown functions) or it cannot happen (variables all have values).
fn describe(error: &FluentError, defined: &BTreeSet<String>) -> Option<Problem> {
    let FluentError::ResolverError(resolver) = error else {
        return None;
    };
    let fluent = resolver.to_string();
    let problem = match resolver {
        ResolverError::Reference(ReferenceKind::Message {
            id,
            attribute: Some(attribute),
        }) if defined.contains(id) => Problem {
            message: format!(
                "`{id}` has no attribute `.{attribute}`: the learner would see \
                 `{{{id}.{attribute}}}`"
            ),
            help: format!("use an attribute `{id}` has, or add `.{attribute}` to it"),
            needle: Some(format!("{id}.{attribute}")),
            fluent,
        },
        ResolverError::Reference(ReferenceKind::Term {
            id,
            attribute: Some(attribute),
        }) if defined.contains(&format!("-{id}")) => Problem {
            message: format!(
                "`-{id}` has no attribute `.{attribute}` in this locale: the select on it \
                 always shows its default variant"
            ),
            help: format!(
                "add `.{attribute}` to `-{id}` (for example `.{attribute} = feminine`), or \
                 select on something it has"
            ),
            needle: Some(format!("-{id}.{attribute}")),
            fluent,
        },
        ResolverError::Reference(_) => return None,
        ResolverError::NoValue(id) => Problem {
            message: format!(
                "`{id}` has attributes only, no value: the learner would see `{{{id}}}`"
            ),
            help: format!("reference one of its attributes, `{{ {id}.name }}`, or give it a value"),
            needle: Some(id.clone()),
            fluent,
        },
        ResolverError::MissingDefault => Problem {
            message: "a select expression has no default variant".to_owned(),
            help: "mark one variant as the default with `*`, as in `*[other]`".to_owned(),
            needle: None,
            fluent,
        },
        ResolverError::Cyclic => Problem {
            message: "this message refers back to itself, directly or through the messages \
                      and terms it uses: it cannot be shown"
                .to_owned(),
            help: "remove the reference that closes the loop".to_owned(),
            needle: None,
            fluent,
        },
        ResolverError::TooManyPlaceables => Problem {
            message: "this message expands to more than 100 placeables: Fluent stops showing \
                      it"
            .to_owned(),
            help: "a message or term is repeated too often through references; simplify them"
                .to_owned(),
            needle: None,
            fluent,
        },
    };
    Some(problem)
}

/// Sample values for every variable of the English and the translation. Run `i` gives
/// each variable its `i`-th sample (cycling), so every sample of every variable is used.
struct Samples {
    /// `(name, samples)`; a sample is a number (`try_number` keeps it a number) or a word.
    variables: Vec<(String, Vec<String>)>,
}

impl Samples {
    fn new(pair: &MessagePair<'_>) -> Samples {
        let numbers: Vec<String> = examples(&pair.env.locale)
            .iter()
            .filter_map(|examples| examples.numbers.first().cloned())
            .collect();
        let mut names: BTreeSet<&str> = BTreeSet::new();
        for entry in [pair.source, pair.target] {
            for (_, pattern) in entry.patterns() {
                names.extend(variables_of(pattern));
            }
        }
        let variables = names
            .into_iter()
            .map(|name| {
                let mut samples = numbers.clone();
                for key in select_keys(pair.target, name) {
                    if !samples.contains(&key) {
                        samples.push(key);
                    }
                }
                samples.push("x".to_owned());
                (name.to_owned(), samples)
            })
            .collect();
        Samples { variables }
    }

    fn runs(&self) -> usize {
        self.variables
            .iter()
            .map(|(_, samples)| samples.len())
            .max()
            .unwrap_or(1)
    }

    fn args(&self, run: usize) -> FluentArgs<'_> {
        let mut args = FluentArgs::with_capacity(self.variables.len());
        for (name, samples) in &self.variables {
            let sample = &samples[run % samples.len()];
            args.set(name.as_str(), FluentValue::try_number(sample));
        }
        args
    }
}

/// The variant keys of the selects on `$name` (or `NUMBER($name)`) in `entry`.
fn select_keys(entry: Entry<'_>, name: &str) -> Vec<String> {
    let mut keys = Vec::new();
    for (_, pattern) in entry.patterns() {
        walk(pattern, &mut |node| {
            let Node::Select { selector, variants } = node else {
                return;
            };
            let on_name = match selector {
                ast::InlineExpression::VariableReference { id } => id.name == name,
                ast::InlineExpression::FunctionReference { arguments, .. } => {
                    arguments.positional.iter().any(|argument| {
                        matches!(argument, ast::InlineExpression::VariableReference { id } if id.name == name)
                    })
                }
                _ => false,
            };
            if on_name {
                keys.extend(variants.iter().map(|variant| match &variant.key {
                    ast::VariantKey::Identifier { name }
                    | ast::VariantKey::NumberLiteral { value: name } => (*name).to_owned(),
                }));
            }
        });
    }
    keys
}

#[cfg(test)]
mod tests;
