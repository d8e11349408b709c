//! The locale views `kurso review` keeps between requests: kept while the files they were read
//! from are unchanged, read again when one changed on disk, and kept current by the server's
//! own saves.

use std::collections::BTreeMap;
use std::net::{Ipv4Addr, SocketAddr};

use super::server::Shared;
use super::{Action, ItemStatus, SaveOutcome, SaveRequest, Tokens, Workspace};
use crate::glossary::Glossary;
use crate::project::Project;

const MARK: &str = "kept in memory";

fn write(dir: &std::path::Path, rel: &str, text: &str) {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder");
    std::fs::write(path, text).expect("written");
}

/// A project whose English has `a` and `b`, with a machine draft of `a` in lt.
fn server() -> (tempfile::TempDir, Shared) {
    let dir = tempfile::tempdir().expect("temporary folder");
    write(
        dir.path(),
        "kurso.toml",
        "source-locale = \"en\"\ntarget-locales = [\"lt\"]\n",
    );
    write(
        dir.path(),
        "locales/en/c/01-a.ftl",
        "a = Give 5 mg\nb = Wash hands\n",
    );
    write(dir.path(), "locales/lt/c/01-a.ftl", "a = Duokite 5 mg\n");
    write(
        dir.path(),
        "locales/lt/c/01-a.state.toml",
        "[a]\nstatus = \"machine\"\norigin = \"pseudo\"\nsource = \"Give 5 mg\"\n",
    );
    let project = Project::open(dir.path()).expect("a project");
    let workspace = Workspace::new(project, Glossary::default(), &[], &[]);
    let shared = Shared::new(
        workspace,
        Tokens::default(),
        SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
    )
    .expect("a server");
    (dir, shared)
}

/// Marks the loaded view (a note on its first item), so a test can tell whether the next
/// request got the same view or one read again.
fn mark(shared: &Shared) {
    shared
        .with_view("lt", true, |view| view.items[0].notes.push(MARK.to_owned()))
        .expect("lt is served");
}

fn marked(shared: &Shared) -> bool {
    shared
        .with_view("lt", true, |view| {
            view.items[0].notes.iter().any(|note| note == MARK)
        })
        .expect("lt is served")
}

fn statuses(shared: &Shared) -> Vec<(String, ItemStatus)> {
    shared
        .with_view("lt", true, |view| {
            view.items
                .iter()
                .map(|item| (item.id.clone(), item.status))
                .collect()
        })
        .expect("lt is served")
}

#[test]
fn a_view_is_kept_until_a_file_it_was_read_from_changes_on_disk() {
    let (dir, shared) = server();
    mark(&shared);
    assert!(marked(&shared), "nothing changed: the same view");
    // A translation written on disk (a `git pull`): read again, and it shows.
    write(
        dir.path(),
        "locales/lt/c/01-a.ftl",
        "a = Duokite 5 mg\nb = Nusiplaukite rankas\n",
    );
    assert!(!marked(&shared), "read again");
    assert_eq!(
        statuses(&shared),
        [
            ("a".to_owned(), ItemStatus::Machine),
            ("b".to_owned(), ItemStatus::Unverified)
        ]
    );
    // New English (`kurso extract` after a pull) and a new file.
    mark(&shared);
    write(
        dir.path(),
        "locales/en/c/01-a.ftl",
        "a = Give 5 mg\nb = Wash hands\nc = Ask first\n",
    );
    write(dir.path(), "locales/en/c/02-b.ftl", "d = Call us\n");
    assert!(!marked(&shared), "read again");
    let ids: Vec<String> = statuses(&shared).into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, ["a", "b", "c", "d"]);
    // A state file removed: the draft's record is gone.
    mark(&shared);
    std::fs::remove_file(dir.path().join("locales/lt/c/01-a.state.toml")).expect("removed");
    assert!(!marked(&shared));
    assert_eq!(statuses(&shared)[0].1, ItemStatus::Unverified);
}

fn save_a(shared: &Shared, text: &str) -> SaveOutcome {
    shared
        .with_view("lt", false, |view| {
            let version = view.item("c/01-a.ftl", "a").expect("a").version.clone();
            view.save(&SaveRequest {
                file: "c/01-a.ftl".to_owned(),
                id: "a".to_owned(),
                version,
                action: Action::Save,
                units: BTreeMap::from([("a".to_owned(), text.to_owned())]),
                reviewer: None,
            })
        })
        .expect("lt is served")
}

#[test]
fn the_servers_own_save_keeps_the_view_current_without_reading_everything_again() {
    let (dir, shared) = server();
    mark(&shared);
    assert!(matches!(
        save_a(&shared, "Duokite 5 mg dabar"),
        SaveOutcome::Saved(_)
    ));
    assert!(
        marked(&shared),
        "the save updated the view: no need to read it again"
    );
    assert_eq!(statuses(&shared)[0].1, ItemStatus::Edited);
    // An edit on disk of the same file before the next save: that save cannot vouch for the
    // whole file, so the next queue reads everything again and shows the edit.
    let ftl = dir.path().join("locales/lt/c/01-a.ftl");
    let on_disk = std::fs::read_to_string(&ftl).expect("read");
    std::fs::write(&ftl, format!("{on_disk}b = Nusiplaukite rankas\n")).expect("written");
    let outcome = save_a(&shared, "Duokite 5 mg iš karto");
    assert!(matches!(outcome, SaveOutcome::Saved(_)), "{outcome:?}");
    assert!(!marked(&shared), "read again");
    assert_eq!(
        statuses(&shared),
        [
            ("a".to_owned(), ItemStatus::Edited),
            ("b".to_owned(), ItemStatus::Unverified)
        ]
    );
}
