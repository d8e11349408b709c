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
mod tests {
    use super::*;
    use crate::check::finding::Level;

    #[track_caller]
    fn check_error(text: &str, expected: &str) {
        let err = Config::parse(Path::new("kurso.toml"), text).expect_err("config is invalid");
        let rendered = format!("{}: {}", err.location(), err.message);
        assert_eq!(rendered, expected);
    }

    #[test]
    fn empty_file_gives_defaults() {
        let config = Config::parse(Path::new("kurso.toml"), "").expect("valid");
        assert_eq!(config, Config::default());
    }

    #[test]
    fn starter_config_is_valid_and_lists_the_programme_locales() {
        let config = Config::parse(Path::new("kurso.toml"), STARTER_CONFIG).expect("valid");
        let locales: Vec<String> = config
            .target_locales
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(locales, ["el", "el-CY", "hu", "it", "lt", "ro", "fi", "tr"]);
        assert_eq!(config.paths, Config::default().paths);
    }

    #[test]
    fn misspelt_key_names_its_line() {
        check_error(
            "source-locale = \"en\"\ntarget-locale = [\"el\"]\n",
            "kurso.toml:2:1: unknown field `target-locale`, expected one of `source-locale`, `target-locales`, `paths`, `extract`, `check`, `build`, `mt`, `review`",
        );
    }

    #[test]
    fn misspelt_nested_key_names_its_line() {
        check_error(
            "[paths]\ncourse = \"c\"\n",
            "kurso.toml:2:1: unknown field `course`, expected one of `courses`, `locales`, `glossaries`, `build`",
        );
    }

    #[test]
    fn folders_kurso_writes_stay_inside_the_project() {
        check_error(
            "[paths]\nbuild = \"../../srv/www\"\n",
            "kurso.toml:2:10: `../../srv/www` is outside the project: kurso writes there",
        );
        check_error(
            "[paths]\nlocales = \"/etc\"\n",
            "kurso.toml:2:12: `/etc` is outside the project: kurso writes there",
        );
        check_error(
            "[paths]\nglossaries = \"terms/../../x\"\n",
            "kurso.toml:2:15: `terms/../../x` is outside the project: kurso writes there",
        );
        let config = Config::parse(
            Path::new("kurso.toml"),
            "[paths]\ncourses = \"../content\"\nbuild = \"./out/site\"\n",
        )
        .expect("courses are only read; ./out stays inside");
        assert_eq!(config.paths.courses, Path::new("../content"));
        assert_eq!(config.paths.build, Path::new("./out/site"));
    }

    #[test]
    fn locale_codes_cannot_be_paths() {
        for code in ["../x", "el/../..", "/etc", "el/CY", ".", "", "el\\x", "e l"] {
            assert!(parse_locale_code(code).is_err(), "{code:?}");
        }
        assert_eq!(
            parse_locale_code("el-cy").expect("valid").to_string(),
            "el-CY"
        );
    }

    #[test]
    fn invalid_locale_points_at_the_code() {
        check_error(
            "target-locales = [\"el\", \"gr_GR\"]\n",
            "kurso.toml:1:26: `gr_GR` is not a valid locale code",
        );
    }

    #[test]
    fn duplicate_locale_is_an_error() {
        check_error(
            "target-locales = [\"el\", \"el\"]\n",
            "kurso.toml:1:26: locale `el` is listed twice",
        );
    }

    #[test]
    fn wrong_type_is_an_error_with_position() {
        check_error(
            "source-locale = 5\n",
            "kurso.toml:1:17: invalid type: integer `5`, expected a string",
        );
    }

    #[test]
    fn check_policy_is_read() {
        let text = "target-locales = [\"lt\", \"fi\"]\n[check]\nfail-on = \"warning\"\n[check.rules]\nunverified = \"off\"\n[check.locales.lt]\nmissing = \"warning\"\n[[check.allow]]\nrule = \"stale\"\nid = \"a-p1\"\nreason = \"typo only\"\n";
        let config = Config::parse(Path::new("kurso.toml"), text).expect("valid");
        let policy = &config.check;
        assert_eq!(policy.fail_on, Some(Level::Warning));
        assert_eq!(policy.level("unverified", Level::Warning, "fi"), Level::Off);
        assert_eq!(policy.level("missing", Level::Error, "lt"), Level::Warning);
        assert_eq!(policy.level("missing", Level::Error, "fi"), Level::Error);
        assert_eq!(policy.allow[0].reason, "typo only");
    }

    #[test]
    fn unknown_rule_in_policy_is_an_error() {
        check_error(
            "[check.rules]\nstail = \"off\"\n",
            "kurso.toml:2:1: unknown rule `stail`",
        );
    }

    #[test]
    fn suppression_without_reason_is_an_error() {
        check_error(
            "[check]\nallow = [{ rule = \"stale\" }]\n",
            "kurso.toml:2:10: a suppression needs a `reason`",
        );
    }

    #[test]
    fn policy_for_a_locale_outside_the_project_is_an_error() {
        check_error(
            "target-locales = [\"el\"]\n[check.locales.fi]\nmissing = \"off\"\n",
            "kurso.toml:2:8: `fi` is not a locale of this project",
        );
    }

    #[test]
    fn mt_rates_may_be_fractional_and_must_not_be_negative() {
        let config = Config::parse(
            Path::new("kurso.toml"),
            "[mt]\nprovider = \"deepl\"\n[mt.deepl]\nrequests-per-second = 9.5\n[mt.google]\nrequests-per-second = 10\n",
        )
        .expect("valid");
        assert!((config.mt.settings("deepl").rate() - 9.5).abs() < f64::EPSILON);
        assert!((config.mt.settings("google").rate() - 10.0).abs() < f64::EPSILON);
        let err = Config::parse(
            Path::new("kurso.toml"),
            "[mt.deepl]\nrequests-per-second = -1\n",
        )
        .expect_err("negative");
        assert!(err.message.contains("at least 0"), "{}", err.message);
    }

    #[test]
    fn unknown_provider_is_an_error() {
        check_error(
            "[mt]\nprovider = \"deepI\"\n",
            "kurso.toml:2:13: unknown provider `deepI`",
        );
    }

    /// The keys an unknown-key error lists for the table holding `probe`, e.g.
    /// "[paths]\nzzz = 1" → `courses`, `locales`, ….
    fn expected_keys(probe: &str) -> Vec<String> {
        let err = Config::parse(Path::new("kurso.toml"), probe).expect_err("unknown key");
        let (_, list) = err
            .message
            .split_once("expected one of ")
            .or_else(|| err.message.split_once("expected "))
            .unwrap_or_else(|| panic!("no key list in `{}`", err.message));
        // serde lists two keys as "`a` or `b`", more as "`a`, `b`, `c`".
        list.split(", ")
            .flat_map(|keys| keys.split(" or "))
            .map(|key| key.trim_matches('`').to_owned())
            .collect()
    }

    #[test]
    fn the_keys_help_the_errors_point_at_lists_every_key() {
        assert!(
            Config::parse(Path::new("kurso.toml"), "x = 1\n")
                .expect_err("unknown key")
                .help
                .as_deref()
                == Some(KEYS_HELP)
        );
        let mut keys = Vec::new();
        for probe in [
            "zzz = 1\n",
            "[paths]\nzzz = 1\n",
            "[extract]\nzzz = 1\n",
            "[check]\nzzz = 1\n",
            "[[check.allow]]\nzzz = 1\n",
            "[build]\nzzz = 1\n",
            "target-locales = [\"lt\"]\n[build.locales.lt]\nzzz = 1\n",
            "[mt]\nzzz = 1\n",
            "[mt.deepl]\nzzz = 1\n",
            "[review]\nzzz = 1\n",
        ] {
            keys.extend(expected_keys(probe));
        }
        assert!(keys.len() > 30, "{keys:?}");
        let written: Vec<&str> = STARTER_CONFIG
            .lines()
            .map(|line| line.trim_start_matches(['#', ' ', '[']))
            .collect();
        for key in keys {
            // Providers are tables (`[mt.deepl]`); the starter names them in a comment.
            let listed = written.iter().any(|line| {
                line.starts_with(&format!("{key} ="))
                    || line.starts_with(&format!("{key}]"))
                    || line.starts_with(&format!("check.{key}"))
            }) || STARTER_CONFIG.contains(&format!("[mt.{key}]"))
                || STARTER_CONFIG.contains(&format!(" {key},"));
            assert!(listed, "`{key}` is not described in STARTER_CONFIG");
        }
    }

    #[test]
    fn to_toml_round_trips() {
        let config = Config::parse(Path::new("kurso.toml"), STARTER_CONFIG).expect("valid");
        let again = Config::parse(Path::new("kurso.toml"), &config.to_toml()).expect("valid");
        assert_eq!(config, again);
    }
}
