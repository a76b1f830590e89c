//! The same commands over a PostgreSQL store and a SQLite one: the sample corpus ingested
//! into each gives byte-identical `incidents --json`, `tallies --json` and
//! `developments --json` (and reports, articles, search). The PostgreSQL store is a
//! throwaway cluster the test starts (`sw-pgtest`); without PostgreSQL's server installed
//! the test fails saying which package to install.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

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

#[test]
fn the_sample_corpus_gives_the_same_ledger_on_sqlite_and_postgresql() {
    let cluster = sw_pgtest::Cluster::start_or_panic();
    let pg_url = cluster.url();
    let pg = Path::new(&pg_url);
    let dir = tempfile::tempdir().unwrap();
    let lite = dir.path().join("sample.db");
    let examples = root().join("examples");
    let examples = examples.to_str().unwrap();
    for db in [lite.as_path(), pg] {
        let ingested = out(db, &["ingest", examples]);
        assert!(ingested.contains("extracted: 37 articles"), "{ingested}");
    }
    for args in [
        &["incidents", "--json"][..],
        &["tallies", "--json"],
        &["developments", "--json"],
        &["reports", "--json", "--limit", "100000"],
        &["articles", "--json", "--limit", "100000"],
        &["failures", "--json"],
    ] {
        let a = out(&lite, args);
        let b = out(pg, args);
        assert!(a.len() > 2 || args[0] == "failures", "{args:?} printed {a}");
        assert!(a == b, "{args:?} differs between SQLite and PostgreSQL");
    }
    // the same ledger versions (their publication times differ: the runs' clocks)
    let versions = |db: &Path| -> Vec<(i64, String, i64)> {
        let v: serde_json::Value = serde_json::from_str(&out(db, &["versions", "--json"])).unwrap();
        v.as_array()
            .unwrap()
            .iter()
            .map(|v| {
                let n = |k: &str| v[k].as_i64().unwrap();
                (
                    n("version"),
                    v["hash"].as_str().unwrap().to_string(),
                    n("incidents"),
                )
            })
            .collect()
    };
    assert!(!versions(&lite).is_empty());
    assert_eq!(versions(&lite), versions(pg));
    let incidents: serde_json::Value =
        serde_json::from_str(&out(pg, &["incidents", "--json"])).unwrap();
    assert_eq!(incidents.as_array().unwrap().len(), 28);

    // the same again: nothing is added, the ledger stays
    let again = out(pg, &["ingest", examples]);
    assert!(!again.contains("extracted: 37"), "{again}");
    assert_eq!(
        out(&lite, &["incidents", "--json"]),
        out(pg, &["incidents", "--json"])
    );

    // STRIKEWATCH_DB names the store as --db does; a password never shows in an error
    let status = Command::new(bin())
        .args(["incidents", "--json"])
        .env("STRIKEWATCH_DB", &pg_url)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    assert_eq!(
        String::from_utf8(status.stdout).unwrap(),
        out(&lite, &["incidents", "--json"])
    );
    let refused = run(
        Path::new("postgres://sw:hunter2@127.0.0.1:1/none"),
        &["incidents", "--json"],
    );
    assert_ne!(refused.code, 0);
    assert!(
        refused
            .stderr
            .contains("cannot connect to postgres://sw:***@127.0.0.1:1/none"),
        "{}",
        refused.stderr
    );
    assert!(!refused.stderr.contains("hunter2"), "{}", refused.stderr);
    assert_eq!(refused.stderr.lines().count(), 1, "{}", refused.stderr);
}
