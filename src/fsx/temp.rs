//! Temporary files of atomic writes: their names, and removing the ones a killed run left.
//!
//! A write goes to `.kurso-<pid>-<random>` in its target's folder and is then renamed over the
//! target, so the temporary file lives only as long as that one write. A run killed at that
//! moment (`kill -9`, a power cut) leaves it behind; [`remove_stale`] removes such a file when
//!
//! - the pid in its name is not a running process (`kill(pid, 0)` finds no such process), or
//! - it is older than [`MAX_AGE`] whatever its name says: no single write takes an hour, and
//!   this covers names without a pid (from earlier kurso versions), a pid since reused by another
//!   program, and systems where kurso cannot ask whether a process runs.
//!
//! So two runs at once never remove each other's live files: a running kurso's pid is alive,
//! and its files are seconds old. Only names kurso makes are touched (`.kurso-` then an
//! optional pid and six letters or digits); a person's `.kurso-notes.md` is not.
//!
//! Limit: runs in different pid namespaces (two containers sharing one checkout) cannot see
//! each other's pids. If one removes the other's live file, that write fails with an error
//! naming the file; its target is untouched until the rename, so nothing is lost.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use walkdir::WalkDir;

use super::FsError;

/// Every temporary file kurso writes starts with this.
pub const PREFIX: &str = ".kurso-";

/// Older than this, a temporary file is stale whatever its name says.
pub const MAX_AGE: Duration = Duration::from_secs(60 * 60);

/// The length of the random part of a name.
const RANDOM_LEN: usize = 6;

/// The prefix of this process's temporary files: `.kurso-<pid>-`.
pub fn own_prefix() -> String {
    format!("{PREFIX}{}-", std::process::id())
}

/// A new temporary file in `dir`, named `.kurso-<pid>-<random>`, with the mode a plain
/// `File::create` would give it (Unix: 0666 less the umask; tempfile's own default is 0600).
pub fn create_in(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    let prefix = own_prefix();
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).rand_bytes(RANDOM_LEN);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        // The kernel takes the umask off, as it does for `File::create`.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    builder.tempfile_in(dir)
}

/// Removes the stale temporary files in `dir` (and below it when `recursive`; `.git` is
/// skipped). A folder that does not exist or cannot be listed has none to remove; a file that
/// cannot be removed is returned as an error, and the others are still removed.
pub fn remove_stale(dir: &Path, recursive: bool) -> Vec<FsError> {
    let now = SystemTime::now();
    let walker = WalkDir::new(dir)
        .min_depth(1)
        .max_depth(if recursive { usize::MAX } else { 1 })
        .into_iter()
        .filter_entry(|entry| entry.file_name() != ".git");
    let stale: Vec<PathBuf> = walker
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter(|entry| {
            let Some(name) = entry.file_name().to_str() else {
                return false;
            };
            let age = entry
                .metadata()
                .ok()
                .and_then(|meta| meta.modified().ok())
                .and_then(|modified| now.duration_since(modified).ok())
                .unwrap_or_default();
            is_stale(name, age, process_is_gone)
        })
        .map(walkdir::DirEntry::into_path)
        .collect();
    stale
        .into_iter()
        .filter_map(|path| super::remove_if_exists(&path).err())
        .collect()
}

/// Whether a file named `name`, last written `age` ago, is a temporary file nobody is
/// writing any more. `gone(pid)` says whether a process has ended.
fn is_stale(name: &str, age: Duration, gone: impl Fn(u32) -> bool) -> bool {
    let Some(rest) = name.strip_prefix(PREFIX) else {
        return false;
    };
    let is_random = |part: &str| {
        part.len() == RANDOM_LEN && part.bytes().all(|byte| byte.is_ascii_alphanumeric())
    };
    let pid = match rest.split_once('-') {
        // A pid as `own_prefix` writes it: digits, no sign, no leading zero.
        Some((digits, random)) if is_random(random) => match digits.parse::<u32>() {
            Ok(pid) if pid.to_string() == digits => Some(pid),
            _ => return false,
        },
        None if is_random(rest) => None,
        _ => return false,
    };
    age >= MAX_AGE || pid.is_some_and(|pid| pid != std::process::id() && gone(pid))
}

/// Whether no process with this pid runs (`kill(pid, 0)` fails with "no such process").
#[cfg(unix)]
fn process_is_gone(pid: u32) -> bool {
    let Some(pid) = i32::try_from(pid)
        .ok()
        .and_then(rustix::process::Pid::from_raw)
    else {
        return false;
    };
    rustix::process::test_kill_process(pid) == Err(rustix::io::Errno::SRCH)
}

/// Elsewhere kurso cannot ask; [`MAX_AGE`] alone decides.
#[cfg(not(unix))]
fn process_is_gone(_pid: u32) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    const NEW: Duration = Duration::from_secs(1);
    const OLD: Duration = MAX_AGE;

    #[track_caller]
    fn check(name: &str, age: Duration, gone: bool, expected: bool) {
        assert_eq!(is_stale(name, age, |_| gone), expected, "{name}, {age:?}");
    }

    #[test]
    fn a_file_of_a_gone_run_is_stale_at_once() {
        check(".kurso-4242-a1B2c3", NEW, true, true);
    }

    #[test]
    fn a_file_of_a_running_process_is_kept_for_an_hour() {
        check(".kurso-4242-a1B2c3", NEW, false, false);
        check(".kurso-4242-a1B2c3", OLD, false, true);
    }

    #[test]
    fn this_process_is_never_gone() {
        let name = format!("{}a1B2c3", own_prefix());
        check(&name, NEW, true, false);
    }

    #[test]
    fn the_files_writes_create_are_the_ones_the_sweep_recognises() {
        let dir = tempfile::tempdir().expect("temp dir");
        let temp = create_in(dir.path()).expect("create");
        let name = temp
            .path()
            .file_name()
            .and_then(|name| name.to_str())
            .expect("a UTF-8 name");
        assert!(
            name.starts_with(&format!(".kurso-{}-", std::process::id())),
            "{name}"
        );
        check(name, NEW, true, false);
        check(name, OLD, false, true);
        let other_run = name.replacen(&std::process::id().to_string(), "4242", 1);
        check(&other_run, NEW, true, true);
    }

    #[test]
    fn names_without_a_pid_go_by_age() {
        check(".kurso-a1B2c3", NEW, true, false);
        check(".kurso-a1B2c3", OLD, true, true);
    }

    #[test]
    fn other_names_are_never_touched() {
        for name in [
            ".kurso-notes.md",
            ".kurso",
            "kurso-4242-a1B2c3",
            ".kurso-4242-a1B2c3.bak",
            ".kurso-4242-abc",
            ".kurso-x42-a1B2c3",
            ".kurso-+42-a1B2c3",
            ".kurso-042-a1B2c3",
            "01-intro.ftl",
        ] {
            check(name, OLD, true, false);
        }
    }

    /// The pid of a process that has ended (and been reaped).
    #[cfg(unix)]
    fn gone_pid() -> u32 {
        let mut child = std::process::Command::new("true")
            .spawn()
            .expect("`true` runs");
        let pid = child.id();
        child.wait().expect("child ends");
        pid
    }

    #[cfg(unix)]
    #[test]
    fn a_reaped_child_is_gone_and_this_process_is_not() {
        assert!(process_is_gone(gone_pid()));
        assert!(!process_is_gone(std::process::id()));
    }

    #[cfg(unix)]
    #[test]
    fn removes_what_a_gone_run_left_and_keeps_live_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path();
        let dead = format!("{PREFIX}{}-a1B2c3", gone_pid());
        let live = format!("{}a1B2c3", own_prefix());
        for rel in [
            dead.clone(),
            format!("it/course/{dead}"),
            live.clone(),
            format!("it/course/{live}"),
            format!(".git/{dead}"),
        ] {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, "half a file").expect("write");
        }
        assert!(remove_stale(root, false).is_empty());
        assert!(!root.join(&dead).exists());
        assert!(
            root.join(format!("it/course/{dead}")).exists(),
            "not recursive"
        );

        assert!(remove_stale(root, true).is_empty());
        assert!(!root.join(format!("it/course/{dead}")).exists());
        assert!(root.join(&live).exists());
        assert!(root.join(format!("it/course/{live}")).exists());
        assert!(
            root.join(format!(".git/{dead}")).exists(),
            ".git is not kurso's"
        );
        assert!(remove_stale(&root.join("missing"), true).is_empty());
    }
}
