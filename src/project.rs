//! A kurso project on disk: where `kurso.toml` is, and which courses and modules exist.
//!
//! Invariant: discovery is deterministic (sorted) and never reads file contents; the stages
//! read what they need. Every path it returns is absolute (root-joined); [`Project::relative`]
//! turns one back into the project-relative form used in messages and reports.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use unic_langid::LanguageIdentifier;
use walkdir::WalkDir;

use crate::config::{CONFIG_FILE, Config};
use crate::diagnostic::Diagnostic;
use crate::fsx;

/// The file holding a course's metadata.
pub const COURSE_FILE: &str = "course.yaml";
/// The Fluent file its messages go to, beside the modules' files.
pub const COURSE_MESSAGES: &str = "course.ftl";
/// kurso's own working files (the machine-translation journal), under the project root.
pub const WORK_DIR: &str = ".kurso";

#[derive(Debug, Clone)]
pub struct Project {
    pub root: PathBuf,
    pub config: Config,
}

/// What a source file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SourceKind {
    /// A Markdown module with optional YAML front matter.
    Module,
    /// `course.yaml`: course metadata.
    CourseMeta,
}

/// One translatable source file of a course.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceFile {
    pub course: String,
    /// Path inside the course folder, with `/` separators (e.g. `episodes/01-intro.md`).
    pub rel_path: String,
    pub kind: SourceKind,
}

impl SourceFile {
    /// The Fluent file's path inside `locales/<locale>/<course>/`.
    pub fn messages_rel_path(&self) -> String {
        match self.kind {
            SourceKind::CourseMeta => COURSE_MESSAGES.to_owned(),
            SourceKind::Module => match self.rel_path.strip_suffix(".md") {
                Some(stem) => format!("{stem}.ftl"),
                None => format!("{}.ftl", self.rel_path),
            },
        }
    }
}

impl Project {
    /// Finds `kurso.toml` in `start` or the nearest folder above it and loads it.
    pub fn discover(start: &Path) -> Result<Project, Diagnostic> {
        let start = std::path::absolute(start).unwrap_or_else(|_| start.to_path_buf());
        for dir in start.ancestors() {
            if dir.join(CONFIG_FILE).is_file() {
                return Project::open(dir);
            }
        }
        Err(Diagnostic::file_error(
            &start,
            format!("no `{CONFIG_FILE}` here or in any parent folder"),
        )
        .with_help("run `kurso init` to create one, or pass `--project DIR`"))
    }

    /// Loads the project whose `kurso.toml` is in `root`.
    pub fn open(root: &Path) -> Result<Project, Diagnostic> {
        let config_path = root.join(CONFIG_FILE);
        // Errors name the file as the user would type it: relative to where they are.
        let shown = std::env::current_dir()
            .ok()
            .and_then(|cwd| config_path.strip_prefix(cwd).ok().map(Path::to_path_buf))
            .unwrap_or_else(|| config_path.clone());
        let text = fsx::read_to_string(&config_path).map_err(|err| {
            Diagnostic::file_error(&shown, err.to_string())
                .with_help("run `kurso init` to create one, or pass `--project DIR`")
        })?;
        let config = Config::parse(&shown, &text)?;
        Ok(Project {
            root: root.to_path_buf(),
            config,
        })
    }

    /// A project with a given configuration, for callers (and tests) that build one in memory.
    pub fn with_config(root: &Path, config: Config) -> Project {
        Project {
            root: root.to_path_buf(),
            config,
        }
    }

    pub fn courses_dir(&self) -> PathBuf {
        self.root.join(&self.config.paths.courses)
    }

    pub fn locale_dir(&self, locale: &LanguageIdentifier) -> PathBuf {
        self.root
            .join(&self.config.paths.locales)
            .join(locale.to_string())
    }

    pub fn build_dir(&self) -> PathBuf {
        self.root.join(&self.config.paths.build)
    }

    pub fn source_path(&self, file: &SourceFile) -> PathBuf {
        let course_dir = self.courses_dir().join(&file.course);
        match file.kind {
            SourceKind::CourseMeta => course_dir.join(COURSE_FILE),
            SourceKind::Module => course_dir.join(&file.rel_path),
        }
    }

    pub fn messages_path(&self, locale: &LanguageIdentifier, file: &SourceFile) -> PathBuf {
        self.locale_dir(locale)
            .join(&file.course)
            .join(file.messages_rel_path())
    }

    /// Removes the temporary files a killed run left where kurso writes: beside `kurso.toml`,
    /// and under the locales (translations, state files), build, glossaries and `.kurso`
    /// folders. A live run's files are kept (`fsx::remove_stale_temps` says how). Returns a
    /// warning for each file that could not be removed.
    pub fn remove_stale_temps(&self) -> Vec<Diagnostic> {
        let paths = &self.config.paths;
        let dirs = [
            (self.root.clone(), false),
            (self.root.join(&paths.locales), true),
            (self.build_dir(), true),
            (crate::build::preview_dir(self), true),
            (self.root.join(&paths.glossaries), true),
            (self.root.join(WORK_DIR), true),
        ];
        dirs.iter()
            .flat_map(|(dir, recursive)| fsx::remove_stale_temps(dir, *recursive))
            .map(|err| {
                Diagnostic::file_error(self.relative(err.path()), err.to_string())
                    .with_help("it is a temporary file a killed run left behind: delete it")
                    .warning()
            })
            .collect()
    }

    /// `path` relative to the project root (unchanged when it is outside).
    pub fn relative<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }

    /// Course names (folders under `courses/`), sorted.
    pub fn courses(&self) -> Result<Vec<String>, Diagnostic> {
        let dir = self.courses_dir();
        let entries = std::fs::read_dir(&dir).map_err(|err| {
            Diagnostic::file_error(self.relative(&dir), format!("cannot list courses: {err}"))
                .with_help("create the folder, or set `paths.courses` in kurso.toml")
        })?;
        let mut courses: Vec<String> = entries
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_dir()))
            .filter_map(|entry| entry.file_name().to_str().map(str::to_owned))
            .filter(|name| !name.starts_with('.'))
            .collect();
        courses.sort();
        Ok(courses)
    }

    /// Every source file of the given courses (all when `only` is empty), sorted by course
    /// then path, `course.yaml` first in each course.
    pub fn source_files(&self, only: &[String]) -> Result<Vec<SourceFile>, Diagnostic> {
        let courses = self.courses()?;
        if let Some(unknown) = only.iter().find(|name| !courses.contains(name)) {
            return Err(Diagnostic::file_error(
                self.relative(&self.courses_dir()),
                format!("no course named `{unknown}`"),
            )
            .with_help(format!("known courses: {}", courses.join(", "))));
        }
        let mut files = Vec::new();
        for course in courses
            .iter()
            .filter(|c| only.is_empty() || only.contains(c))
        {
            let course_dir = self.courses_dir().join(course);
            if course_dir.join(COURSE_FILE).is_file() {
                files.push(SourceFile {
                    course: course.clone(),
                    rel_path: COURSE_FILE.to_owned(),
                    kind: SourceKind::CourseMeta,
                });
            }
            let mut modules: Vec<SourceFile> = WalkDir::new(&course_dir)
                .follow_links(false)
                .into_iter()
                .filter_entry(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
                .filter_map(Result::ok)
                .filter(|entry| entry.file_type().is_file())
                .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "md"))
                .filter_map(|entry| {
                    let rel = entry.path().strip_prefix(&course_dir).ok()?;
                    let rel_path = rel
                        .components()
                        .map(|part| part.as_os_str().to_string_lossy())
                        .collect::<Vec<_>>()
                        .join("/");
                    Some(SourceFile {
                        course: course.clone(),
                        rel_path,
                        kind: SourceKind::Module,
                    })
                })
                .collect();
            modules.sort();
            files.extend(modules);
        }
        Ok(files)
    }

    /// The source Fluent files under `locales/<source>` whose source file is gone (the module
    /// was deleted or renamed, or its course removed): paths relative to that folder, with
    /// `/` separators, sorted. `files` are the source files of the courses in `only` (all
    /// when empty); only those courses' folders are looked at.
    pub fn orphaned_messages(&self, files: &[SourceFile], only: &[String]) -> Vec<String> {
        let source_dir = self.locale_dir(&self.config.source_locale);
        let expected: BTreeSet<String> = files
            .iter()
            .map(|file| format!("{}/{}", file.course, file.messages_rel_path()))
            .collect();
        let mut orphans: Vec<String> = ftl_files(&source_dir, only)
            .into_iter()
            .filter(|rel| !expected.contains(rel))
            .collect();
        orphans.sort();
        orphans
    }
}

/// `name` as typed, with control characters escaped so the message stays on one line.
fn shown(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Checks that `name`, taken from the command line or from data, is one plain file or folder
/// name, so a path built with it stays in the folder it is joined to: not empty, not `.` or
/// `..`, no `/` or `\`, no control characters (so not absolute either). `what` names it in
/// the message (e.g. "--name").
pub fn check_plain_name(what: &str, name: &str) -> Result<(), Diagnostic> {
    let problem = if name.is_empty() {
        Some("is empty")
    } else if name == "." || name == ".." {
        Some("names a folder, not a file")
    } else if name.contains(['/', '\\']) || (cfg!(windows) && name.contains(':')) {
        // On Windows `C:x` is relative to drive C's current folder.
        Some("contains a path separator")
    } else if name.chars().any(char::is_control) {
        Some("contains a control character")
    } else {
        None
    };
    match problem {
        None => Ok(()),
        Some(problem) => Err(Diagnostic::file_error(
            Path::new(what),
            format!("`{}` {problem}: it must be a plain name", shown(name)),
        )
        .with_help("use a plain name, without `/`, `\\` or `..`")),
    }
}

/// `.ftl` files under `dir`, relative with `/` separators, sorted; hidden entries skipped.
pub fn ftl_files(dir: &Path, only: &[String]) -> Vec<String> {
    let mut files: Vec<String> = WalkDir::new(dir)
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        })
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "ftl"))
        .filter_map(|entry| {
            let rel = entry.path().strip_prefix(dir).ok()?;
            Some(
                rel.components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/"),
            )
        })
        .filter(|rel| {
            only.is_empty()
                || only.iter().any(|course| {
                    rel.strip_prefix(course.as_str())
                        .is_some_and(|r| r.starts_with('/'))
                })
        })
        .collect();
    files.sort();
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_messages_mirror_the_module_path() {
        let file = SourceFile {
            course: "c".into(),
            rel_path: "episodes/01-intro.md".into(),
            kind: SourceKind::Module,
        };
        assert_eq!(file.messages_rel_path(), "episodes/01-intro.ftl");
    }

    #[test]
    fn course_meta_goes_to_course_ftl() {
        let file = SourceFile {
            course: "c".into(),
            rel_path: COURSE_FILE.into(),
            kind: SourceKind::CourseMeta,
        };
        assert_eq!(file.messages_rel_path(), "course.ftl");
    }

    #[test]
    fn discover_walks_up_to_the_config() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join(CONFIG_FILE), "").expect("write config");
        let nested = dir.path().join("courses/a");
        std::fs::create_dir_all(&nested).expect("mkdir");
        let project = Project::discover(&nested).expect("found");
        assert_eq!(project.root, dir.path());
    }

    #[test]
    fn plain_names_pass_and_paths_are_refused() {
        for name in ["medical", "who-terms.v2", "Glossário", ".hidden"] {
            assert!(check_plain_name("--name", name).is_ok(), "{name}");
        }
        for (name, problem) in [
            ("", "is empty"),
            ("..", "names a folder, not a file"),
            (".", "names a folder, not a file"),
            ("../../x", "contains a path separator"),
            ("/etc/passwd", "contains a path separator"),
            ("a/b", "contains a path separator"),
            ("..\\x", "contains a path separator"),
            ("a\nb", "contains a control character"),
        ] {
            let err = check_plain_name("--name", name).expect_err(name);
            assert_eq!(err.path, Path::new("--name"));
            assert!(
                err.message
                    .ends_with(&format!("{problem}: it must be a plain name")),
                "{name}: {}",
                err.message
            );
        }
    }

    #[test]
    fn orphans_are_source_messages_without_a_source() {
        let dir = tempfile::tempdir().expect("temp dir");
        for rel in [
            "courses/a/course.yaml",
            "courses/a/01-kept.md",
            "courses/b/01-kept.md",
            "locales/en/a/course.ftl",
            "locales/en/a/01-kept.ftl",
            "locales/en/a/02-gone.ftl",
            "locales/en/a/.kurso-1-abcdef",
            "locales/en/b/01-kept.ftl",
            "locales/en/removed/01-x.ftl",
        ] {
            let path = dir.path().join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "").expect("write");
        }
        let project = Project::with_config(dir.path(), Config::default());
        let files = project.source_files(&[]).expect("courses");
        assert_eq!(
            project.orphaned_messages(&files, &[]),
            ["a/02-gone.ftl", "removed/01-x.ftl"]
        );
        let only_b = project.source_files(&["b".into()]).expect("course b");
        assert!(project.orphaned_messages(&only_b, &["b".into()]).is_empty());
    }

    #[test]
    fn unknown_course_lists_the_known_ones() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("courses/alpha")).expect("mkdir");
        let project = Project::with_config(dir.path(), Config::default());
        let err = project
            .source_files(&["beta".into()])
            .expect_err("unknown course");
        assert_eq!(err.message, "no course named `beta`");
        assert_eq!(err.help.as_deref(), Some("known courses: alpha"));
    }
}
