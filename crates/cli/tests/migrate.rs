//! `migrate` copies a store exactly: the sample corpus ingested into SQLite, reviewed and
//! given a feed, copied to PostgreSQL (a throwaway cluster, `sw-pgtest`) and back to a new
//! SQLite file, reads the same through every read command's `--json`, ledger versions and
//! their hashes included; a non-empty destination is refused with one line.

mod common;

use std::path::Path;

use common::*;

/// The stdout of a command that must succeed.
fn out(db: &Path, args: &[&str]) -> String {
    let r = run(db, args);
    assert_eq!(
        r.code,
        0,
        "{args:?} on {} failed: {}",
        db.display(),
        r.stderr
    );
    r.stdout
}

const READS: &[&[&str]] = &[
    &["incidents", "--json"],
    &["incidents", "--rejected", "--json"],
    &["tallies", "--json"],
    &["developments", "--json"],
    &["reports", "--json", "--limit", "100000"],
    &["articles", "--json", "--limit", "100000"],
    &["failures", "--json"],
    &["versions", "--json"],
    &["review", "log", "--json"],
    &["review", "--json"],
    &["feeds", "--json"],
    &["show", "1", "--json"],
];

#[test]
fn a_store_migrated_to_postgresql_and_back_reads_the_same() {
    let cluster = sw_pgtest::Cluster::start_or_panic();
    let pg_url = cluster.url();
    let pg = Path::new(&pg_url);
    let dir = tempfile::tempdir().unwrap();
    let lite = dir.path().join("sample.db");
    let back = dir.path().join("back.db");
    let examples = root().join("examples");
    let examples = examples.to_str().unwrap();
    out(&lite, &["ingest", examples]);
    let incidents: serde_json::Value =
        serde_json::from_str(&out(&lite, &["incidents", "--json"])).unwrap();
    let first = incidents[0]["id"].as_str().unwrap().to_string();
    let r = out(
        &lite,
        &[
            "review",
            "reject",
            &first,
            "--as",
            "not_an_event",
            "--reason",
            "a drill",
            "--author",
            "ana",
        ],
    );
    assert!(r.starts_with("recorded dec-"), "{r}");
    out(
        &lite,
        &["feeds", "add", "https://feeds.example/strikes.xml"],
    );

    let summary = run(&lite, &["migrate", "--to", &pg_url, "--json"]);
    assert_eq!(summary.code, 0, "{}", summary.stderr);
    assert!(
        summary.stderr.contains("migrate: articles: 37 rows"),
        "progress on stderr: {}",
        summary.stderr
    );
    let s: serde_json::Value = serde_json::from_str(&summary.stdout).unwrap();
    assert_eq!(s["counts"]["articles"], 37, "{s}");
    assert_eq!(s["decisions"], 1, "{s}");
    assert_eq!(s["feeds"], 1, "{s}");
    assert!(s["versions"].as_i64().unwrap() >= 2, "{s}");

    // a destination that holds a store already is refused, and left as it was
    let again = run(&lite, &["migrate", "--to", &pg_url]);
    assert_eq!(again.code, 2);
    let line = again.stderr.trim();
    assert!(
        !line.contains('\n') && line.contains("is not empty") && line.contains("postgres://"),
        "{line}"
    );

    // and back, from the PostgreSQL store (--db) to a new SQLite file
    let r = run(pg, &["migrate", "--to", back.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("37 articles"), "{}", r.stdout);

    for args in READS {
        let a = out(&lite, args);
        assert!(a.len() > 2 || args[0] == "failures", "{args:?} printed {a}");
        assert!(a == out(pg, args), "{args:?} differs on PostgreSQL");
        assert!(a == out(&back, args), "{args:?} differs after the way back");
    }

    // search is each engine's own (FTS5, PostgreSQL's text search): the same on both SQLite
    // files; PostgreSQL's, which stems ("strikes"), finds every article SQLite's finds
    let search = ["search", "strike", "--json", "--limit", "1000"];
    assert_eq!(out(&lite, &search), out(&back, &search));
    let ids = |db: &Path| {
        let v: serde_json::Value = serde_json::from_str(&out(db, &search)).unwrap();
        let mut ids: Vec<i64> = v["hits"]
            .as_array()
            .unwrap_or_else(|| panic!("{v}"))
            .iter()
            .map(|h| h["id"].as_i64().unwrap())
            .collect();
        ids.sort_unstable();
        ids
    };
    let on_pg = ids(pg);
    assert!(!ids(&lite).is_empty());
    assert!(ids(&lite).iter().all(|i| on_pg.contains(i)), "{on_pg:?}");

    // the copies go on from where the original was: the same inputs are known
    let again = out(&back, &["ingest", examples]);
    assert!(!again.contains("extracted: 37"), "{again}");
    assert_eq!(
        out(&lite, &["incidents", "--json"]),
        out(&back, &["incidents", "--json"])
    );
}

#[test]
fn a_missing_source_or_the_same_store_is_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let none = dir.path().join("none.db");
    let to = dir.path().join("to.db");
    let r = run(&none, &["migrate", "--to", to.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("none.db"), "{}", r.stderr);
    assert_eq!(r.stderr.trim().lines().count(), 1, "{}", r.stderr);
    assert!(
        !to.exists(),
        "nothing is created when the source cannot be read"
    );
    let r = run(&none, &["migrate", "--to", none.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("into itself"), "{}", r.stderr);
}
