//! Repository rules that keep the code easy to find one's way in: every Rust file says what
//! it is for in a `//!` comment, and no source file grows past the budget.

use std::path::{Path, PathBuf};

/// Lines of a source file before its tests, past which it should be split by concept.
const MAX_LINES: usize = 600;

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "rs"))
        .map(walkdir::DirEntry::into_path)
        .collect()
}

#[test]
fn every_rust_file_starts_with_a_module_doc_comment() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut missing = Vec::new();
    for dir in ["src", "tests"] {
        for path in rust_files(&root.join(dir)) {
            let text = std::fs::read_to_string(&path).expect("readable");
            if !text.starts_with("//!") {
                missing.push(
                    path.strip_prefix(root)
                        .expect("inside")
                        .display()
                        .to_string(),
                );
            }
        }
    }
    assert!(
        missing.is_empty(),
        "add a `//!` comment saying what each file is for: {missing:?}"
    );
}

#[test]
fn source_files_stay_within_the_line_budget() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut too_long = Vec::new();
    for path in rust_files(&root.join("src")) {
        let text = std::fs::read_to_string(&path).expect("readable");
        let code_lines = code_lines(&text);
        if code_lines > MAX_LINES {
            too_long.push(format!(
                "{} ({code_lines} lines)",
                path.strip_prefix(root).expect("inside").display()
            ));
        }
    }
    assert!(too_long.is_empty(), "split these by concept: {too_long:?}");
}

/// Lines of a file that are not its inline `#[cfg(test)] mod tests { … }` block (the block is
/// the rest of the file from its attribute: it must come last, so nothing hides after it).
fn code_lines(text: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .windows(2)
        .position(|pair| pair[0].starts_with("#[cfg(test)]") && pair[1].starts_with("mod tests {"));
    start.unwrap_or(lines.len())
}

#[test]
fn inline_test_modules_come_last() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut misplaced = Vec::new();
    for path in rust_files(&root.join("src")) {
        let text = std::fs::read_to_string(&path).expect("readable");
        let lines: Vec<&str> = text.lines().collect();
        let start = code_lines(&text);
        // After the block's closing brace at column 0 nothing but blank lines may follow.
        if let Some(end) = lines.iter().skip(start).position(|l| *l == "}") {
            let after = lines
                .iter()
                .skip(start + end + 1)
                .any(|l| !l.trim().is_empty());
            if after {
                misplaced.push(
                    path.strip_prefix(root)
                        .expect("inside")
                        .display()
                        .to_string(),
                );
            }
        }
    }
    assert!(
        misplaced.is_empty(),
        "move the test module to the end: {misplaced:?}"
    );
}

/// `config` reads `[check]` through `check::policy`, and `check` and `glossary` read locale
/// codes: if either imported `config` back, the modules would form a circle
/// (config → check/policy → glossary → config). Locale parsing lives in `locale`.
#[test]
fn check_and_glossary_do_not_depend_on_config() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut offenders = Vec::new();
    for dir in ["src/check", "src/glossary"] {
        for path in rust_files(&root.join(dir)) {
            // A test module may set up a whole project; only the code that ships counts.
            if path.file_name().is_some_and(|name| name == "tests.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("readable");
            if text.contains("crate::config") {
                offenders.push(
                    path.strip_prefix(root)
                        .expect("inside")
                        .display()
                        .to_string(),
                );
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "use `crate::locale` (or pass values in) instead of `crate::config`: {offenders:?}"
    );
}
