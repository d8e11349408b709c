//! Readable ASCII slugs for IDs: `Informed consent (adults)` → `informed-consent-adults`.

/// Longest slug, in characters; longer headings are cut at a word boundary.
const MAX_SLUG_LEN: usize = 32;

/// Lowercase ASCII words joined by `-`, starting with a letter so the result can begin a
/// Fluent identifier. Returns `fallback` when nothing usable remains.
pub fn slugify(text: &str, fallback: &str) -> String {
    let mut slug = String::new();
    for word in text
        .split(|ch: char| !ch.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        if !slug.is_empty() && slug.len() + 1 + word.len() > MAX_SLUG_LEN {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.extend(
            word.chars()
                .take(MAX_SLUG_LEN)
                .map(|ch| ch.to_ascii_lowercase()),
        );
    }
    if slug.is_empty() {
        return fallback.to_owned();
    }
    if !slug.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
        slug.insert_str(0, "s-");
    }
    slug
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &str) {
        assert_eq!(slugify(text, "section"), expected);
    }

    #[test]
    fn words_are_lowercased_and_joined() {
        check("Informed consent (adults)", "informed-consent-adults");
    }

    #[test]
    fn markup_and_punctuation_are_dropped() {
        check(
            "**Red-flag** symptoms: `call 112`",
            "red-flag-symptoms-call-112",
        );
    }

    #[test]
    fn leading_digit_gets_a_prefix() {
        check("5 moments for hand hygiene", "s-5-moments-for-hand-hygiene");
    }

    #[test]
    fn long_headings_are_cut_at_a_word() {
        check(
            "Documenting decisions of the multidisciplinary tumour board",
            "documenting-decisions-of-the",
        );
    }

    #[test]
    fn nothing_usable_gives_the_fallback() {
        check("Περίληψη", "section");
        check("", "section");
    }
}
