//! What `kurso build` wrote, so that the next build removes what is built from nothing any
//! more (a module deleted from `courses/`, a renamed image).
//!
//! The build folder holds a manifest, `.kurso-manifest`: one line per file kurso wrote there,
//! its SHA-256 and its path relative to the build folder, as `sha256sum` prints them. After a
//! build, each file the manifest lists under a built locale and course that this build did
//! not produce, and whose source is gone, is removed, if it still holds what kurso wrote.
//!
//! Invariant: only files kurso wrote are removed, and only inside the build folder. A file
//! somebody changed since is left in place (with a warning) and forgotten; files kurso did
//! not write are never listed; paths that climb out of the build folder or pass through a
//! symbolic link are refused (`fsx::remove_file_within`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::diagnostic::Diagnostic;
use crate::fsx;
use crate::project::{COURSE_FILE, Project, SourceFile};

/// The manifest's name inside the build folder.
pub const MANIFEST: &str = ".kurso-manifest";

/// A file a build wrote (or found already holding what it would write).
#[derive(Debug, Clone)]
pub struct Output {
    /// Relative to the build folder, `/`-separated: `el/course/01-module.md`.
    pub path: String,
    pub sha256: String,
}

impl Output {
    pub fn new(path: &Path, contents: &[u8]) -> Output {
        Output {
            path: slashed(path),
            sha256: sha256_hex(contents),
        }
    }
}

/// Which part of the build folder a run is responsible for.
pub struct Scope<'a> {
    pub locales: &'a [String],
    pub courses: &'a [String],
    /// Every output the current sources would make in scope (`el/course/01-module.md`),
    /// built or not this time (a module with an error keeps its previous output).
    pub expected: BTreeSet<String>,
}

impl Scope<'_> {
    fn contains(&self, path: &str) -> bool {
        let mut parts = path.split('/');
        let (Some(locale), Some(course)) = (parts.next(), parts.next()) else {
            return false;
        };
        self.locales.iter().any(|l| l == locale) && self.courses.iter().any(|c| c == course)
    }
}

/// Removes the stale outputs of `scope` from `build_dir` (the build folder, or the
/// preview's) and records `produced` in its manifest; returns what was removed (relative to
/// the project) and the problems met.
pub fn prune(
    project: &Project,
    build_dir: &Path,
    scope: &Scope<'_>,
    produced: &[Output],
) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let manifest_path = build_dir.join(MANIFEST);
    let mut diagnostics = Vec::new();
    let previous = match fsx::read_optional(&manifest_path) {
        Ok(text) => parse_manifest(text.as_deref().unwrap_or_default()),
        Err(err) => {
            diagnostics.push(
                Diagnostic::file_error(project.relative(&manifest_path), err.to_string())
                    .with_help(
                        "stale outputs are not removed this time; delete the file and rebuild",
                    ),
            );
            return (Vec::new(), diagnostics);
        }
    };
    let mut manifest: BTreeMap<String, String> = BTreeMap::new();
    let mut removed = Vec::new();
    for (path, sha256) in previous {
        if !scope.contains(&path) || scope.expected.contains(&path) {
            // Another locale or course, or a source that is still there.
            manifest.insert(path, sha256);
            continue;
        }
        let full = build_dir.join(&path);
        match fsx::read_bytes(&full) {
            Ok(bytes) if sha256_hex(&bytes) == sha256 => {
                match fsx::remove_file_within(build_dir, Path::new(&path)) {
                    Ok(true) => removed.push(project.relative(&full).to_path_buf()),
                    Ok(false) => {}
                    Err(err) => {
                        diagnostics.push(Diagnostic::file_error(
                            project.relative(&full),
                            err.to_string(),
                        ));
                        manifest.insert(path, sha256);
                    }
                }
            }
            Ok(_) => diagnostics.push(
                Diagnostic::file_error(
                    project.relative(&full),
                    "its source is gone, but the file changed since kurso built it: left in place",
                )
                .with_help("delete it yourself if nobody needs it; kurso will not touch it again")
                .warning(),
            ),
            // Already gone.
            Err(_) => {}
        }
    }
    for output in produced {
        manifest.insert(output.path.clone(), output.sha256.clone());
    }
    let mut text = String::from(
        "# Files `kurso build` wrote in this folder: SHA-256 and path. The next build removes\n\
         # those whose source is gone (if unchanged). Do not edit.\n",
    );
    for (path, sha256) in &manifest {
        writeln!(text, "{sha256}  {path}").expect("writing to a String");
    }
    if let Err(err) = fsx::write_if_changed(&manifest_path, text.as_bytes()) {
        diagnostics.push(Diagnostic::file_error(
            project.relative(&manifest_path),
            err.to_string(),
        ));
    }
    removed.sort();
    (removed, diagnostics)
}

/// The outputs `files` and the courses' assets make in `locales`, relative to the build
/// folder.
pub fn expected_outputs(
    files: &[SourceFile],
    assets: &[(String, Vec<String>)],
    locales: &[String],
) -> BTreeSet<String> {
    let mut expected = BTreeSet::new();
    for locale in locales {
        for file in files {
            expected.insert(format!("{locale}/{}/{}", file.course, file.rel_path));
        }
        for (course, course_assets) in assets {
            for asset in course_assets {
                expected.insert(format!("{locale}/{course}/{asset}"));
            }
        }
    }
    expected
}

/// Each course's files that are not modules (images, data), relative to the course folder,
/// `/`-separated, sorted.
pub fn course_assets(project: &Project, courses: &[String]) -> Vec<(String, Vec<String>)> {
    courses
        .iter()
        .map(|course| {
            let course_dir = project.courses_dir().join(course);
            let mut assets: Vec<String> = walkdir::WalkDir::new(&course_dir)
                .into_iter()
                .filter_entry(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
                .filter_map(Result::ok)
                .filter(|entry| entry.file_type().is_file())
                .filter(|entry| {
                    let path = entry.path();
                    path.extension().is_none_or(|ext| ext != "md") && !path.ends_with(COURSE_FILE)
                })
                .filter_map(|entry| entry.path().strip_prefix(&course_dir).ok().map(slashed))
                .collect();
            assets.sort();
            (course.clone(), assets)
        })
        .collect()
}

/// Copies the assets into every locale's output under `build_dir`; returns what was written.
pub fn copy_assets(
    project: &Project,
    build_dir: &Path,
    assets: &[(String, Vec<String>)],
    locales: &[String],
) -> (Vec<Output>, Vec<Diagnostic>) {
    let mut outputs = Vec::new();
    let mut diagnostics = Vec::new();
    for (course, course_assets) in assets {
        for asset in course_assets {
            let from = project.courses_dir().join(course).join(asset);
            let bytes = match fsx::read_bytes(&from) {
                Ok(bytes) => bytes,
                Err(err) => {
                    diagnostics.push(Diagnostic::file_error(
                        project.relative(&from),
                        err.to_string(),
                    ));
                    continue;
                }
            };
            for locale in locales {
                let rel = format!("{locale}/{course}/{asset}");
                match fsx::write_if_changed(&build_dir.join(&rel), &bytes) {
                    Ok(_) => outputs.push(Output {
                        path: rel,
                        sha256: sha256_hex(&bytes),
                    }),
                    Err(err) => {
                        diagnostics.push(Diagnostic::file_error(
                            project.relative(&from),
                            err.to_string(),
                        ));
                    }
                }
            }
        }
    }
    (outputs, diagnostics)
}

fn parse_manifest(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| {
            let (sha256, path) = line.split_once("  ")?;
            let valid = sha256.len() == 64 && sha256.bytes().all(|b| b.is_ascii_hexdigit());
            (valid && !path.is_empty()).then(|| (path.to_owned(), sha256.to_owned()))
        })
        .collect()
}

fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(64);
    for byte in digest {
        write!(hex, "{byte:02x}").expect("writing to a String");
    }
    hex
}

fn slashed(path: &Path) -> String {
    path.components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
