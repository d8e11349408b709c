//! Tests of `kurso.toml`: defaults, the starter file, the check policy and MT settings, and the
//! errors a misspelt key, a wrong type, a bad locale code or an unsafe folder gives.

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
