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

/// The ledger of a store with every number that names a stored row (article, report,
/// story) replaced by what it stands for: an article by its URL, a report by its article's
/// URL and its position, a story left out (the story partition is compared apart); lists
/// sorted. Workers interleaving their batches number articles in another order than one
/// worker does; the ledger is otherwise the same.
fn canonical(db: &Path) -> (Vec<String>, Vec<Vec<String>>, Vec<serde_json::Value>) {
    use serde_json::Value;
    let articles: Value =
        serde_json::from_str(&out(db, &["articles", "--json", "--limit", "1000000"])).unwrap();
    let mut url = std::collections::BTreeMap::new();
    let mut stories: std::collections::BTreeMap<i64, Vec<String>> = Default::default();
    for a in articles.as_array().unwrap() {
        let u = a["url"].as_str().unwrap().to_string();
        url.insert(a["id"].as_i64().unwrap(), u.clone());
        stories
            .entry(a["story"].as_i64().unwrap())
            .or_default()
            .push(u);
    }
    let mut partition: Vec<Vec<String>> = stories
        .into_values()
        .map(|mut v| {
            v.sort();
            v
        })
        .collect();
    partition.sort();
    const STRIDE: i64 = 1 << 20;
    fn walk(v: &Value, key: &str, url: &std::collections::BTreeMap<i64, String>) -> Value {
        match v {
            Value::Object(m) => Value::Object(
                m.iter()
                    .map(|(k, v)| (k.clone(), walk(v, k, url)))
                    .collect(),
            ),
            Value::Array(a) => {
                let key = match key {
                    "report_ids" => "report_id",
                    "article_ids" => "article_id",
                    k => k,
                };
                let mut items: Vec<Value> = a.iter().map(|v| walk(v, key, url)).collect();
                items.sort_by_key(|v| v.to_string());
                Value::Array(items)
            }
            Value::Number(n) => match (key, n.as_i64()) {
                ("story_id", Some(_)) => Value::String("story".into()),
                ("article_id" | "copy_of", Some(id)) => Value::String(url[&id].clone()),
                ("report_id", Some(id)) => {
                    Value::String(format!("{}#{}", url[&(id / STRIDE)], id % STRIDE))
                }
                _ => v.clone(),
            },
            _ => v.clone(),
        }
    }
    let lists = ["incidents", "tallies", "developments"]
        .iter()
        .map(|list| {
            let v: Value = serde_json::from_str(&out(db, &[list, "--json"])).unwrap();
            walk(&v, "", &url)
        })
        .collect();
    let mut urls: Vec<String> = url.into_values().collect();
    urls.sort();
    (urls, partition, lists)
}

/// Three ingest workers on one corpus and one PostgreSQL database, one of them killed with
/// SIGKILL midway: the others go on, and once the same ingest is run again (as after any
/// interruption) the store holds each of the corpus's articles once and the same ledger as
/// one worker on SQLite; no input was parsed by two workers (their new-article counts add up
/// to the corpus).
#[test]
fn three_workers_one_killed_store_each_article_once_and_the_same_ledger() {
    const N: u64 = 1200;
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.jsonl");
    let gen = sw_corpusgen::Corpus::new(sw_corpusgen::Config::default());
    let lines: Vec<String> = gen.iter(0..N).map(|a| a.to_jsonl()).collect();
    std::fs::write(&corpus, lines.join("\n") + "\n").unwrap();
    let corpus_arg = corpus.to_str().unwrap();

    let lite = dir.path().join("one.db");
    out(&lite, &["ingest", corpus_arg]);

    let cluster = sw_pgtest::Cluster::start_or_panic();
    let pg_url = cluster.url();
    let pg = Path::new(&pg_url);
    let worker = || {
        Command::new(bin())
            .args(["--db", &pg_url, "ingest", "--batch", "40", corpus_arg])
            .env_remove("STRIKEWATCH_DB")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let mut victim = worker();
    let others: Vec<_> = (0..2).map(|_| worker()).collect();
    // kill the first once the workers have stored some articles, before they are done
    let started = std::time::Instant::now();
    loop {
        let status = run(pg, &["status", "--json"]);
        let stored = serde_json::from_str::<serde_json::Value>(&status.stdout)
            .ok()
            .and_then(|v| v["articles"].as_i64())
            .unwrap_or(0);
        if stored >= 80 || started.elapsed() > std::time::Duration::from_secs(120) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    victim.kill().unwrap(); // SIGKILL
    let killed = victim.wait().unwrap();
    {
        use std::os::unix::process::ExitStatusExt;
        assert_eq!(
            killed.signal(),
            Some(9),
            "the worker ended before the kill: {killed}"
        );
    }
    let mut new_articles = 0;
    for w in others {
        let o = w.wait_with_output().unwrap();
        let stdout = String::from_utf8_lossy(&o.stdout);
        assert!(
            o.status.success(),
            "{stdout}{}",
            String::from_utf8_lossy(&o.stderr)
        );
        new_articles += count_after(&stdout, "ingested: ");
    }
    // what the killed worker had claimed and not finished is finished by the next run
    let last = out(pg, &["ingest", corpus_arg]);
    new_articles += count_after(&last, "ingested: ");
    let (urls, partition, lists) = canonical(pg);
    assert_eq!(urls.len() as u64, N, "each article once");
    assert!(
        new_articles <= N as usize,
        "live workers added {new_articles} articles for {N}: an input was parsed twice"
    );
    let (lite_urls, lite_partition, lite_lists) = canonical(&lite);
    assert_eq!(urls, lite_urls);
    assert_eq!(partition, lite_partition);
    // Incident ids are names kept across publications (a link stays valid when later reports
    // move an incident's day), so they depend on which versions were published on the way:
    // three workers publish partial ledgers that one worker never does. Everything else an
    // incident is must be equal; the ids are compared apart and only reported.
    let (lists, pg_ids) = set_ids_aside(lists);
    let (lite_lists, lite_ids) = set_ids_aside(lite_lists);
    for (name, (a, b)) in ["incidents", "tallies", "developments"]
        .iter()
        .zip(lists.iter().zip(&lite_lists))
    {
        assert!(
            a == b,
            "{name} differ between three workers on PostgreSQL and one on SQLite; first \
             difference:\n{}",
            first_difference(a, b)
        );
    }
    let renamed = pg_ids.iter().zip(&lite_ids).filter(|(a, b)| a != b).count();
    eprintln!(
        "{renamed} of {} incidents keep an id from a partial publication",
        pg_ids.len()
    );
    let status: serde_json::Value = serde_json::from_str(&out(pg, &["status", "--json"])).unwrap();
    assert_eq!(status["pending_inputs"], 0);
    assert_eq!(status["articles"], N);
}

/// Takes the `id` out of each incident of a canonical list set (incidents first), giving the
/// lists without them and the ids in the list's (content-sorted) order.
fn set_ids_aside(mut lists: Vec<serde_json::Value>) -> (Vec<serde_json::Value>, Vec<String>) {
    let mut ids = Vec::new();
    if let Some(incidents) = lists[0].as_array_mut() {
        for i in incidents.iter_mut() {
            if let Some(id) = i.as_object_mut().and_then(|o| o.remove("id")) {
                ids.push(id.as_str().unwrap_or_default().to_string());
            }
        }
        let mut pairs: Vec<(String, String)> = incidents
            .iter()
            .map(|i| i.to_string())
            .zip(ids.drain(..))
            .collect();
        pairs.sort();
        *incidents = pairs
            .iter()
            .map(|(i, _)| serde_json::from_str(i).unwrap())
            .collect();
        ids = pairs.into_iter().map(|(_, id)| id).collect();
    }
    (lists, ids)
}

/// The first item where two canonical lists differ, both sides, for a failure message.
fn first_difference(a: &serde_json::Value, b: &serde_json::Value) -> String {
    let (a, b) = (a.as_array().unwrap(), b.as_array().unwrap());
    match a.iter().zip(b).find(|(x, y)| x != y) {
        Some((x, y)) => format!("left:  {x}\nright: {y}"),
        None => format!("lengths {} and {}", a.len(), b.len()),
    }
}

/// The number after `prefix` in the summary line that starts with it.
fn count_after(summary: &str, prefix: &str) -> usize {
    summary
        .lines()
        .find_map(|l| l.strip_prefix(prefix))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// Two workers that reach the ledger update together rebuild it once: each waits for the
/// update another process holds (here the test holds it, as a worker mid-rebuild would),
/// then the first through rebuilds and the second finds the ledger current.
#[test]
fn two_workers_updating_the_ledger_at_once_rebuild_it_once() {
    use sw_store::Store;
    let cluster = sw_pgtest::Cluster::start_or_panic();
    let pg_url = cluster.url();
    let pg = Path::new(&pg_url);
    let examples = root().join("examples");
    out(pg, &["ingest", examples.to_str().unwrap()]);
    let mut sql = postgres::Client::connect(&pg_url, postgres::NoTls).unwrap();
    let builds = |sql: &mut postgres::Client| -> i64 {
        let v: String = sql
            .query_one(
                "SELECT value FROM state WHERE key = 'ledger_next_build'",
                &[],
            )
            .unwrap()
            .get(0);
        v.parse().unwrap()
    };
    let before = builds(&mut sql);

    let mut holder = sw_store::open(&pg_url).unwrap();
    holder.lock_ledger_update().unwrap();
    // both re-extract every article (the reports generation moves), then wait for the update
    let workers: Vec<_> = (0..2).map(|_| spawn(pg, &["extract", "--all"])).collect();
    let waiting = |sql: &mut postgres::Client| -> i64 {
        sql.query_one(
            "SELECT count(*) FROM pg_locks
             WHERE locktype = 'advisory' AND NOT granted AND objid::text::bigint = $1",
            &[&(0x7377_0002_i64 & 0xffff_ffff)],
        )
        .unwrap()
        .get(0)
    };
    let mut polls = 0;
    while waiting(&mut sql) < 2 {
        polls += 1;
        assert!(
            polls < 3000,
            "the two workers never both waited for the ledger update"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    holder.unlock_ledger_update().unwrap();
    for w in workers {
        let o = w.wait_with_output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    assert_eq!(
        builds(&mut sql) - before,
        1,
        "one rebuild for the two workers"
    );
    assert_eq!(
        holder.ledger_generation().unwrap(),
        Some(holder.reports_generation().unwrap())
    );
}
