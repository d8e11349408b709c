//! Reading the model's answer: a JSON object keyed exactly as asked, one string per key.
//!
//! Invariant: [`parse_keyed`] returns one text per key, in the keys' order, or `Malformed`;
//! never a partial result. A Markdown code fence around the object (some compatible servers
//! add one even in JSON mode) is tolerated; anything else is not.

use crate::mt::provider::ProviderError;

/// The value of each of `keys` in the JSON object `content`, in order.
pub fn parse_keyed(content: &str, keys: &[String]) -> Result<Vec<String>, ProviderError> {
    let json = strip_code_fence(content);
    let value: serde_json::Value = serde_json::from_str(json).map_err(|err| {
        ProviderError::Malformed(format!("the model's answer is not valid JSON: {err}"))
    })?;
    let serde_json::Value::Object(mut object) = value else {
        return Err(ProviderError::Malformed(
            "the model's answer is not a JSON object".to_owned(),
        ));
    };
    let mut texts = Vec::with_capacity(keys.len());
    let mut missing = Vec::new();
    for key in keys {
        match object.remove(key) {
            Some(serde_json::Value::String(text)) => texts.push(text),
            Some(_) => {
                return Err(ProviderError::Malformed(format!(
                    "the model's answer for `{key}` is not a string"
                )));
            }
            None => missing.push(key.as_str()),
        }
    }
    if !missing.is_empty() {
        return Err(ProviderError::Malformed(format!(
            "the model's answer lacks {}",
            quoted(&missing)
        )));
    }
    if !object.is_empty() {
        let extra: Vec<&str> = object.keys().map(String::as_str).collect();
        return Err(ProviderError::Malformed(format!(
            "the model's answer has keys that were not asked for: {}",
            quoted(&extra)
        )));
    }
    Ok(texts)
}

/// `content` without a surrounding Markdown code fence (```json … ```).
pub fn strip_code_fence(content: &str) -> &str {
    let trimmed = content.trim();
    let Some(rest) = trimmed.strip_prefix("```") else {
        return trimmed;
    };
    let Some(body) = rest.strip_suffix("```") else {
        return trimmed;
    };
    // Drop the info string (`json`) on the opening line.
    body.split_once('\n').map_or(body, |(_, body)| body).trim()
}

fn quoted(keys: &[&str]) -> String {
    let mut shown: Vec<String> = keys.iter().take(5).map(|key| format!("`{key}`")).collect();
    if keys.len() > 5 {
        shown.push(format!("and {} more", keys.len() - 5));
    }
    shown.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(keys: &[&str]) -> Vec<String> {
        keys.iter().map(|key| (*key).to_owned()).collect()
    }

    #[track_caller]
    fn check(content: &str, expected: Result<&[&str], &str>) {
        let result = parse_keyed(content, &keys(&["a", "b"]));
        match (result, expected) {
            (Ok(texts), Ok(expected)) => assert_eq!(texts, expected),
            (Err(ProviderError::Malformed(message)), Err(fragment)) => {
                assert!(message.contains(fragment), "{message}");
            }
            (other, _) => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn takes_the_keys_in_order() {
        check(r#"{"b": "B", "a": "A"}"#, Ok(&["A", "B"]));
        check(
            "```json\n{\"a\": \"A\", \"b\": \"B\"}\n```",
            Ok(&["A", "B"]),
        );
    }

    #[test]
    fn refuses_anything_but_exactly_the_keys_as_strings() {
        check(r#"{"a": "A"}"#, Err("lacks `b`"));
        check(
            r#"{"a": "A", "b": "B", "c": "C"}"#,
            Err("not asked for: `c`"),
        );
        check(r#"{"a": "A", "b": 2}"#, Err("`b` is not a string"));
        check(r#"["A", "B"]"#, Err("not a JSON object"));
        check(r#"{"a": "A", "b": "B"#, Err("not valid JSON"));
    }
}
