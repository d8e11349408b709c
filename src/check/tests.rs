//! Tests of the check engine's helpers: plural categories and word diffs.

use super::*;
use crate::check::finding::DiffPart;

fn categories(code: &str) -> Vec<&'static str> {
    plural_categories(&code.parse().expect("locale"))
}

#[test]
fn plural_categories_follow_cldr() {
    assert_eq!(categories("lt"), ["one", "few", "many", "other"]);
    assert_eq!(categories("ro"), ["one", "few", "other"]);
    assert_eq!(categories("en"), ["one", "other"]);
    assert_eq!(categories("fi"), ["one", "other"]);
    assert_eq!(categories("it"), ["one", "other"]);
    assert_eq!(categories("tr"), ["one", "other"]);
    assert_eq!(categories("el-CY"), ["one", "other"]);
    assert_eq!(categories("lt-LT"), ["one", "few", "many", "other"]);
}

#[test]
fn word_diff_merges_runs() {
    assert_eq!(
        word_diff("Give 5 mg now", "Give 50 mg now"),
        [
            DiffPart::Equal("Give ".into()),
            DiffPart::Delete("5".into()),
            DiffPart::Insert("50".into()),
            DiffPart::Equal(" mg now".into()),
        ]
    );
}
