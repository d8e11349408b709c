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
        let code_lines = text
            .lines()
            .take_while(|line| !line.starts_with("#[cfg(test)]"))
            .count();
        if code_lines > MAX_LINES {
            too_long.push(format!(
                "{} ({code_lines} lines)",
                path.strip_prefix(root).expect("inside").display()
            ));
        }
    }
    assert!(too_long.is_empty(), "split these by concept: {too_long:?}");
}
