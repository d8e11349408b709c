//! Who may use a `kurso review` server that listens beyond loopback: review tokens, each
//! with a reviewer's name and the locales it may read and write.
//!
//! Tokens come from the environment (`KURSO_REVIEW_TOKENS`: `name:lt,el:token` entries
//! separated by white space; `*` for every locale) or from the TOML file `[review]
//! tokens-file` names (one `[tokens.<name>]` table with `token` and `locales`), never from the
//! command line or `kurso.toml` itself. Only SHA-256 digests of the tokens are kept.
//!
//! Invariants: a token shorter than [`MIN_TOKEN_CHARS`], a locale that is not a target
//! locale, or a name or token given twice is an error, so a typo never widens access; a
//! reviewer's locales are exactly those listed.

use std::path::Path;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::diagnostic::Diagnostic;
use crate::locale::parse_locale_code;

/// The environment variable tokens are read from.
pub const TOKENS_ENV: &str = "KURSO_REVIEW_TOKENS";
/// A token shorter than this is refused: it could be guessed.
pub const MIN_TOKEN_CHARS: usize = 20;

/// A person a token stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reviewer {
    /// Recorded as `changed-by` on what they save.
    pub name: String,
    /// The locales they may review; `None`: every target locale.
    pub locales: Option<Vec<String>>,
}

impl Reviewer {
    pub fn may(&self, locale: &str) -> bool {
        self.locales
            .as_ref()
            .is_none_or(|locales| locales.iter().any(|l| l == locale))
    }
}

/// The tokens a server accepts (empty: none configured).
#[derive(Debug, Clone, Default)]
pub struct Tokens {
    entries: Vec<([u8; 32], Reviewer)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenFile {
    tokens: std::collections::BTreeMap<String, FileToken>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileToken {
    token: String,
    locales: Vec<String>,
}

fn digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

impl Tokens {
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// The reviewer `token` stands for, if any.
    pub fn find(&self, token: &str) -> Option<&Reviewer> {
        let presented = digest(token);
        // Every entry is compared, so the time taken does not tell which one matched.
        let mut found = None;
        for (known, reviewer) in &self.entries {
            let same = known
                .iter()
                .zip(presented.iter())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
            if same && found.is_none() {
                found = Some(reviewer);
            }
        }
        found
    }

    /// Tokens from the value of [`TOKENS_ENV`].
    pub fn add_env(&mut self, value: &str, targets: &[String]) -> Result<(), Diagnostic> {
        let origin = Path::new(TOKENS_ENV);
        for entry in value.split_whitespace() {
            let mut fields = entry.splitn(3, ':');
            let (Some(name), Some(locales), Some(token)) =
                (fields.next(), fields.next(), fields.next())
            else {
                return Err(Diagnostic::file_error(
                    origin,
                    "an entry is not `name:locales:token`",
                )
                .with_help("write e.g. `ruta:lt:<token>` or `maria:el,el-CY:<token>`; `*` for every locale"));
            };
            let locales: Vec<String> = if locales == "*" {
                Vec::new()
            } else {
                locales.split(',').map(str::to_owned).collect()
            };
            self.add(origin, name, token, &locales, targets)?;
        }
        Ok(())
    }

    /// Tokens from a TOML file of `[tokens.<name>]` tables.
    pub fn add_file(
        &mut self,
        display: &Path,
        text: &str,
        targets: &[String],
    ) -> Result<(), Diagnostic> {
        let file: TokenFile = toml::from_str(text).map_err(|err| {
            let offset = err.span().map_or(0, |span| span.start);
            Diagnostic::error_at(display, text, offset, err.message().trim_end().to_owned())
                .with_help("each reviewer is a `[tokens.<name>]` table with `token = \"…\"` and `locales = [\"lt\"]`")
        })?;
        for (name, entry) in file.tokens {
            if entry.locales.is_empty() {
                return Err(Diagnostic::file_error(
                    display,
                    format!("the token of `{name}` names no locale"),
                )
                .with_help("list the locales the reviewer may review, e.g. `locales = [\"lt\"]`"));
            }
            self.add(display, &name, &entry.token, &entry.locales, targets)?;
        }
        Ok(())
    }

    fn add(
        &mut self,
        origin: &Path,
        name: &str,
        token: &str,
        locales: &[String],
        targets: &[String],
    ) -> Result<(), Diagnostic> {
        let name = name.trim();
        if name.is_empty() {
            return Err(Diagnostic::file_error(
                origin,
                "a token has no reviewer name",
            ));
        }
        if token.chars().count() < MIN_TOKEN_CHARS {
            return Err(Diagnostic::file_error(
                origin,
                format!("the token of `{name}` is shorter than {MIN_TOKEN_CHARS} characters"),
            )
            .with_help("make a long random one, e.g. `openssl rand -hex 24`"));
        }
        if !token
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.~+/=".contains(c))
        {
            return Err(Diagnostic::file_error(
                origin,
                format!("the token of `{name}` has a character other than letters, digits and - _ . ~ + / ="),
            )
            .with_help("make a long random one, e.g. `openssl rand -hex 24`"));
        }
        let mut allowed = Vec::new();
        for code in locales {
            let locale = parse_locale_code(code).map_err(|message| {
                Diagnostic::file_error(origin, format!("the token of `{name}`: {message}"))
            })?;
            let locale = locale.to_string();
            if !targets.contains(&locale) {
                return Err(Diagnostic::file_error(
                    origin,
                    format!("the token of `{name}` names `{locale}`, which is not a target locale"),
                )
                .with_help("use the codes of `target-locales` in kurso.toml"));
            }
            allowed.push(locale);
        }
        let digest = digest(token);
        if self
            .entries
            .iter()
            .any(|(d, r)| *d == digest || r.name == name)
        {
            return Err(Diagnostic::file_error(
                origin,
                format!("`{name}` or its token is given twice"),
            )
            .with_help("give every reviewer one name and one token of their own"));
        }
        self.entries.push((
            digest,
            Reviewer {
                name: name.to_owned(),
                locales: (!allowed.is_empty()).then_some(allowed),
            },
        ));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets() -> Vec<String> {
        vec!["lt".into(), "el".into(), "el-CY".into()]
    }

    const TOKEN_A: &str = "aaaaaaaaaaaaaaaaaaaaaaaa";
    const TOKEN_B: &str = "bbbbbbbbbbbbbbbbbbbbbbbb";

    #[test]
    fn env_tokens_carry_a_name_and_their_locales() {
        let mut tokens = Tokens::default();
        tokens
            .add_env(
                &format!("ruta:lt:{TOKEN_A}  maria:el,el-CY:{TOKEN_B}"),
                &targets(),
            )
            .expect("valid");
        let ruta = tokens.find(TOKEN_A).expect("ruta");
        assert_eq!(ruta.name, "ruta");
        assert!(ruta.may("lt") && !ruta.may("el"));
        let maria = tokens.find(TOKEN_B).expect("maria");
        assert!(maria.may("el-CY") && !maria.may("lt"));
        assert!(tokens.find("cccccccccccccccccccccccc").is_none());
    }

    #[test]
    fn a_star_gives_every_locale() {
        let mut tokens = Tokens::default();
        tokens
            .add_env(&format!("lead:*:{TOKEN_A}"), &targets())
            .expect("valid");
        assert!(tokens.find(TOKEN_A).expect("lead").may("el-CY"));
    }

    #[test]
    fn file_tokens_are_read_from_tables() {
        let mut tokens = Tokens::default();
        let text = format!("[tokens.ruta]\ntoken = \"{TOKEN_A}\"\nlocales = [\"lt\"]\n");
        tokens
            .add_file(Path::new("tokens.toml"), &text, &targets())
            .expect("valid");
        assert_eq!(
            tokens.find(TOKEN_A).expect("ruta").locales,
            Some(vec!["lt".into()])
        );
    }

    #[track_caller]
    fn env_error(value: &str) -> String {
        let mut tokens = Tokens::default();
        tokens
            .add_env(value, &targets())
            .expect_err("refused")
            .message
    }

    #[test]
    fn weak_unknown_or_repeated_tokens_are_refused() {
        assert!(env_error("ruta:lt:short").contains("shorter than 20"));
        assert!(env_error(&format!("ruta:fr:{TOKEN_A}")).contains("not a target locale"));
        assert!(env_error(&format!("ruta:lt:{TOKEN_A} ruta:el:{TOKEN_B}")).contains("twice"));
        assert!(env_error(&format!("a:lt:{TOKEN_A} b:el:{TOKEN_A}")).contains("twice"));
        assert!(env_error("just-a-token").contains("name:locales:token"));
        assert!(env_error("ruta:lt:aaaaaaaaaaaaaaaaaaaaaaaa;b").contains("other than letters"));
        let mut tokens = Tokens::default();
        let empty = format!("[tokens.ruta]\ntoken = \"{TOKEN_A}\"\nlocales = []\n");
        assert!(
            tokens
                .add_file(Path::new("t.toml"), &empty, &targets())
                .expect_err("no locale")
                .message
                .contains("names no locale")
        );
    }
}
