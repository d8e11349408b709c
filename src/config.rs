//! `kurso.toml`: the project configuration, and the only place it is loaded.
//!
//! Invariant: an unknown or misspelt key, a wrong type or an invalid locale code is an error
//! naming the file, line and column; nothing is silently ignored. Paths are relative to the
//! folder holding `kurso.toml`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;
use unic_langid::LanguageIdentifier;

use crate::build::policy::{RawBuild, ShipPolicy};
use crate::check::policy::{Policy, RawCheck, ShownCheck};
use crate::diagnostic::Diagnostic;
use crate::locale::parse_locale_code;
use crate::mt::config::MtConfig;
use crate::review::config::ReviewConfig;

pub const CONFIG_FILE: &str = "kurso.toml";

/// Where a misspelt or mistyped key's error sends the user: the help that lists every key
/// ([`STARTER_CONFIG`], shown by `kurso config --help`).
pub const KEYS_HELP: &str = "every key is listed in `kurso config --help`; `kurso config` prints the effective configuration";

/// Front-matter and `course.yaml` keys translated unless the project says otherwise.
pub const DEFAULT_TRANSLATABLE_KEYS: &[&str] = &[
    "title",
    "summary",
    "description",
    "audience",
    "objectives",
    "learning-outcomes",
    "outcomes",
    "keypoints",
    "questions",
    "prerequisites",
];

/// The validated configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub source_locale: LanguageIdentifier,
    pub target_locales: Vec<LanguageIdentifier>,
    pub paths: Paths,
    /// Keys whose string values (and list items, at any depth below them) are translatable.
    pub translatable_keys: Vec<String>,
    /// `[check]`: rule levels per project and locale, suppressions.
    pub check: Policy,
    /// `[build]`: which translations ship, per project and per locale.
    pub build: ShipPolicy,
    /// `[mt]`: machine-translation provider and settings.
    pub mt: MtConfig,
    /// `[review]`: where `kurso review` listens and where its tokens are.
    pub review: ReviewConfig,
}

/// Where things live, relative to the project root.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Paths {
    pub courses: PathBuf,
    pub locales: PathBuf,
    pub glossaries: PathBuf,
    pub build: PathBuf,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            source_locale: "en".parse().expect("`en` is a valid locale"),
            target_locales: Vec::new(),
            paths: Paths {
                courses: "courses".into(),
                locales: "locales".into(),
                glossaries: "glossaries".into(),
                build: "build".into(),
            },
            translatable_keys: DEFAULT_TRANSLATABLE_KEYS
                .iter()
                .map(|&key| key.to_owned())
                .collect(),
            check: Policy::default(),
            build: ShipPolicy::default(),
            mt: MtConfig::default(),
            review: ReviewConfig::default(),
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    source_locale: Option<Spanned<String>>,
    target_locales: Option<Vec<Spanned<String>>>,
    paths: Option<RawPaths>,
    extract: Option<RawExtract>,
    check: Option<RawCheck>,
    build: Option<RawBuild>,
    mt: Option<MtConfig>,
    review: Option<ReviewConfig>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawPaths {
    courses: Option<PathBuf>,
    locales: Option<Spanned<PathBuf>>,
    glossaries: Option<Spanned<PathBuf>>,
    build: Option<Spanned<PathBuf>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawExtract {
    translatable_keys: Option<Vec<String>>,
}

impl Config {
    /// Parses and validates the text of a `kurso.toml`; `path` is only used in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Config, Diagnostic> {
        let raw: RawConfig = toml::from_str(text).map_err(|err| {
            let offset = err.span().map_or(0, |span| span.start);
            Diagnostic::error_at(path, text, offset, err.message().trim_end().to_owned())
                .with_help(KEYS_HELP)
        })?;
        let mut config = Config::default();
        if let Some(locale) = raw.source_locale {
            config.source_locale = parse_locale(path, text, &locale)?;
        }
        if let Some(locales) = raw.target_locales {
            let mut seen = Vec::new();
            for locale in &locales {
                let parsed = parse_locale(path, text, locale)?;
                if parsed == config.source_locale || seen.contains(&parsed) {
                    return Err(Diagnostic::error_at(
                        path,
                        text,
                        locale.span().start + 1,
                        format!("locale `{parsed}` is listed twice"),
                    )
                    .with_help("list each target locale once, and not the source locale"));
                }
                seen.push(parsed);
            }
            config.target_locales = seen;
        }
        if let Some(paths) = raw.paths {
            let defaults = config.paths.clone();
            let inside = |value: Option<Spanned<PathBuf>>, default: PathBuf| match value {
                Some(value) => inside_project(path, text, value),
                None => Ok(default),
            };
            config.paths = Paths {
                courses: paths.courses.unwrap_or(defaults.courses),
                locales: inside(paths.locales, defaults.locales)?,
                glossaries: inside(paths.glossaries, defaults.glossaries)?,
                build: inside(paths.build, defaults.build)?,
            };
        }
        if let Some(keys) = raw.extract.and_then(|extract| extract.translatable_keys) {
            config.translatable_keys = keys;
        }
        if let Some(check) = raw.check {
            config.check = Policy::from_raw(path, text, check, &config.all_locales())?;
        }
        if let Some(build) = raw.build {
            config.build = ShipPolicy::from_raw(path, text, build, &config.target_locales)?;
        }
        if let Some(mt) = raw.mt {
            mt.validate(path, text, &config.target_locales)?;
            config.mt = mt;
        }
        if let Some(review) = raw.review {
            config.review = review;
        }
        Ok(config)
    }

    /// Every locale of the project, source first.
    pub fn all_locales(&self) -> Vec<LanguageIdentifier> {
        let mut locales = vec![self.source_locale.clone()];
        locales.extend(self.target_locales.iter().cloned());
        locales
    }

    /// The effective configuration as TOML (what `kurso config` prints).
    pub fn to_toml(&self) -> String {
        #[derive(Serialize)]
        #[serde(rename_all = "kebab-case")]
        struct Shown<'a> {
            source_locale: String,
            target_locales: Vec<String>,
            paths: &'a Paths,
            extract: ShownExtract<'a>,
            check: ShownCheck,
            build: &'a ShipPolicy,
            mt: &'a MtConfig,
            review: &'a ReviewConfig,
        }
        #[derive(Serialize)]
        #[serde(rename_all = "kebab-case")]
        struct ShownExtract<'a> {
            translatable_keys: &'a [String],
        }
        let shown = Shown {
            source_locale: self.source_locale.to_string(),
            target_locales: self
                .target_locales
                .iter()
                .map(ToString::to_string)
                .collect(),
            paths: &self.paths,
            extract: ShownExtract {
                translatable_keys: &self.translatable_keys,
            },
            check: self.check.shown(),
            build: &self.build,
            mt: &self.mt,
            review: &self.review,
        };
        toml::to_string(&shown).expect("the configuration serializes to TOML")
    }
}

/// A folder kurso writes into must stay inside the project: relative, without `..`.
/// (Courses are only read, so `paths.courses` may point anywhere.)
fn inside_project(path: &Path, text: &str, value: Spanned<PathBuf>) -> Result<PathBuf, Diagnostic> {
    let escapes = value.get_ref().components().any(|part| {
        !matches!(
            part,
            std::path::Component::Normal(_) | std::path::Component::CurDir
        )
    });
    if escapes {
        return Err(Diagnostic::error_at(
            path,
            text,
            value.span().start + 1,
            format!(
                "`{}` is outside the project: kurso writes there",
                value.get_ref().display()
            ),
        )
        .with_help("give a folder inside the project, relative to kurso.toml and without `..`"));
    }
    Ok(value.into_inner())
}

fn parse_locale(
    path: &Path,
    text: &str,
    locale: &Spanned<String>,
) -> Result<LanguageIdentifier, Diagnostic> {
    parse_locale_code(locale.get_ref()).map_err(|message| {
        // Point inside the quotes, at the code itself.
        Diagnostic::error_at(path, text, locale.span().start + 1, message)
            .with_help("use a BCP 47 code such as `el`, `el-CY`, `fi` or `pt-BR`")
    })
}

/// The starter configuration `kurso init` writes: every key, commented.
pub const STARTER_CONFIG: &str = r#"# kurso project configuration. Every key is optional; the values shown are the defaults
# unless noted. Run `kurso config` to see the effective configuration.

# The language the courses are written in.
source-locale = "en"

# The languages they are translated into (BCP 47 codes). A regional variant such as el-CY
# falls back to its language (el) and then to the source when a message is missing.
target-locales = ["el", "el-CY", "hu", "it", "lt", "ro", "fi", "tr"]

[paths]
# Course sources: courses/<course>/course.yaml and Markdown modules (any depth).
courses = "courses"
# Fluent files: locales/<locale>/<course>/<module>.ftl
locales = "locales"
# Terminology (TBX or CSV).
glossaries = "glossaries"
# Output of `kurso build`; never commit it. `kurso build --preview` writes beside it, into
# the same name with `-preview` (build-preview).
build = "build"

[extract]
# Front-matter and course.yaml keys whose values are translated. A string value becomes one
# message, each item of a list one message each; maps and lists below the key are walked.
translatable-keys = [
    "title", "summary", "description", "audience", "objectives", "learning-outcomes",
    "outcomes", "keypoints", "questions", "prerequisites",
]

[check]
# The lowest level that makes `kurso check` exit 1 (--fail-on overrides it):
# error, warning or info.
fail-on = "error"

# Rule levels for every locale: error, warning, info or off. `kurso explain` lists the rules.
[check.rules]
# length = "off"

# Rule levels for one locale, over [check.rules]. A locale still in progress may miss
# messages without failing CI:
[check.locales.lt]
# missing = "warning"
# missing-file = "warning"

# A suppression: findings of `rule` that match every field given are dropped. `reason` is
# required; `path` is a glob over the reported path. In a translation file, a comment line
# `# kurso-allow RULE: reason` above a message does the same for that message.
# [[check.allow]]
# rule = "untranslated"
# locale = "it"
# path = "locales/it/hpass-digital-skills/**"
# id = "ehr-title"
# reason = "EHR is the usual term in Italian hospital records"

[build]
# What `kurso build` ships. A translation held back falls back along the chain (el-CY → el
# → source) and is listed per module with the reason; text from a fallback locale must pass
# both locales' rules. `kurso build --preview` shows everything, drafts marked, in a
# separate folder (the build folder's name + `-preview`).
# The statuses that ship: machine, edited, reviewed, approved. Default: what a person made
# or checked; a machine draft never reaches a learner unless `machine` is listed.
ship = ["edited", "reviewed", "approved"]
# A translation made from older English (stale): fallback (the default: never show an old
# dose), ship (use it anyway; listed), or block (that module is not built: its previous
# output stays and the build exits 2).
stale = "fallback"
# A translation with no state record (made outside kurso; of unknown age): fallback (the
# default) or ship (listed). `kurso accept LOCALE --all` adopts checked translations.
unverified = "fallback"

# The same keys for one locale, over [build]:
[build.locales.lt]
# ship = ["reviewed", "approved"]
# stale = "block"

[review]
# `kurso review`: the address its page listens on (--listen overrides). Default: 127.0.0.1
# and a free port. An address beyond loopback is refused unless review tokens are set.
# listen = "127.0.0.1:8750"
# A TOML file of review tokens, kept outside the repository: one `[tokens.<name>]` table
# per reviewer with `token = "…"` (20 characters or more) and the `locales = ["lt"]` it
# may review. Tokens can also come from KURSO_REVIEW_TOKENS (`name:lt,el:token …`).
# tokens-file = "/home/me/.config/kurso/review-tokens.toml"

[mt]
# Machine translation for `kurso translate`. The provider when --provider is not given:
# pseudo (offline, the default), memory, deepl, google, azure, libretranslate, openai or
# etranslation. Keys come from the environment (DEEPL_API_KEY, …) or from key-file.
# provider = "pseudo"
# A TOML file of keys by provider (`deepl = "…"`), kept outside the repository.
# key-file = "/home/me/.config/kurso/keys.toml"
# The locales commissioned for machine drafts: what `kurso translate` drafts without --to.
# Default: the target locales already started (a folder under locales/), so a routine run
# never starts a locale nobody translates yet.
# locales = ["el", "el-CY", "it"]

# Settings of one provider, in a table named after it: [mt.pseudo], [mt.memory],
# [mt.deepl], [mt.google], [mt.azure], [mt.libretranslate], [mt.openai], [mt.etranslation].
# Each provider uses the keys that apply to it.
[mt.deepl]
# base-url = "https://api.deepl.com"   # default: from the key (…:fx → api-free.deepl.com)
# concurrency = 4                      # requests in flight
# requests-per-second = 10
# timeout-seconds = 60
# max-texts = 50                       # texts per request
# formality = { el = "more", it = "prefer_less" }   # deepl: per target locale
# region = "westeurope"                # azure
# model = "gpt-4o-mini"                # openai
# callback-url = "https://example.org/kurso/callback"   # etranslation
# application = "kurso"                # etranslation
# username = "kurso-user"              # etranslation
# domain = "GEN"                       # etranslation: the eTranslation domain
# language-codes = { el-CY = "el" }    # libretranslate: the server's code per locale
# tmx = ["memories/oncology.tmx"]      # memory: translation memories to reuse
# min-similarity = 75                  # memory: fuzzy matches from this percentage
"#;

#[cfg(test)]
mod tests;
