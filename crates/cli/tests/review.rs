//! Human review through the CLI: decisions of every kind recorded on part of the sample
//! corpus survive re-extraction of everything, new articles about the same incidents, and a
//! store built in another order that imports the exported log.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use common::*;
use serde_json::Value;

fn ingest(db: &Path, parts: &[&str]) {
    for p in parts {
        let dir = root().join("examples").join(p);
        let r = run(db, &["ingest", dir.to_str().unwrap()]);
        assert_eq!(r.code, 0, "ingest {p}: {}", r.stderr);
    }
}

fn list(db: &Path, args: &[&str]) -> Vec<Value> {
    json(db, args).as_array().unwrap().clone()
}

fn decide(db: &Path, args: &[&str]) -> String {
    let mut all = vec!["review"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--author", "ana"]);
    let r = run(db, &all);
    assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
    assert!(r.stdout.starts_with("recorded dec-"), "{}", r.stdout);
    r.stdout
}

/// The incident of `incidents` (counted and rejected) holding the report quoted `quote`.
fn holding<'a>(all: &'a [Value], quote: &str) -> &'a Value {
    let found: Vec<&Value> = all
        .iter()
        .filter(|i| {
            i["sources"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["quote"] == quote)
        })
        .collect();
    assert_eq!(found.len(), 1, "one incident holds {quote:?}");
    found[0]
}

fn everything(db: &Path) -> Vec<Value> {
    let mut all = list(db, &["incidents", "--json"]);
    all.extend(list(db, &["incidents", "--rejected", "--json"]));
    all
}

/// What must hold, whichever store and order: each decision applied, with its effect.
fn check(db: &Path, q: &Quotes) {
    let log = list(db, &["review", "log", "--json"]);
    assert_eq!(log.len(), 9, "{log:?}");
    for d in &log {
        assert!(
            d["standing"].get("applied").is_some(),
            "every decision applies: {d}"
        );
    }
    let counted = list(db, &["incidents", "--json"]);
    let rejected = list(db, &["incidents", "--rejected", "--json"]);
    let all = everything(db);
    // reject: out of the counted incidents, listed apart with the reason
    let r = holding(&all, &q.rejected);
    assert_eq!(r["review"]["rejected_as"], "not_an_event");
    assert!(rejected.iter().any(|i| i["id"] == r["id"]));
    assert!(!counted.iter().any(|i| i["id"] == r["id"]));
    // confirm and note
    let c = holding(&counted, &q.confirmed);
    assert_eq!(c["review"]["status"], "confirmed");
    assert_eq!(
        c["review"]["notes"][0]["reason"],
        "checked against the statement"
    );
    // set a figure: reviewed value, machine value beside it, the source it rests on
    let f = holding(&counted, &q.figure);
    assert_eq!(f["figures"]["killed"]["best"], 99);
    assert_eq!(f["figures"]["killed"]["basis"], "reviewed");
    let rf = &f["review"]["figures"][0];
    assert_eq!(rf["value"], 99);
    assert_eq!(rf["source"], "Coast Guard statement");
    assert_ne!(rf["machine"], 99);
    // set date, place, perpetrator
    let d = holding(&counted, &q.dated);
    assert_eq!(d["date"], "2025-08-01");
    assert_eq!(d["review"]["date"]["value"], "2025-08-01");
    assert_ne!(d["review"]["date"]["machine"], "2025-08-01");
    let p = holding(&counted, &q.placed);
    assert_eq!(p["place"]["name"], "Reviewed Shoal");
    assert_eq!(p["review"]["place"]["reason"], "map check");
    let w = holding(&counted, &q.perpetrated);
    assert_eq!(w["perpetrators"][0]["name"], "Reviewed Navy");
    // merge: both incidents' reports in one
    let m = holding(&counted, &q.merged);
    assert_eq!(m["id"], holding(&counted, &q.merged_into)["id"]);
    assert_eq!(m["review"]["regrouped_by"][0]["reason"], "same boat");
    // split: the report alone, the rest of its incident elsewhere
    let s = holding(&counted, &q.split);
    assert_eq!(s["sources"].as_array().unwrap().len(), 1, "{s}");
    assert_ne!(s["id"], holding(&counted, &q.split_from)["id"]);
}

/// The csv and acled exports carry what reviewers decided: the status, each reviewed value
/// beside the machine's, who decided and the decisions' ids; a rejected incident is in neither.
fn exports_show_review(db: &Path, q: &Quotes) {
    let counted = list(db, &["incidents", "--json"]);
    let all = everything(db);
    let id = |quote: &str, from: &[Value]| holding(from, quote)["id"].as_str().unwrap().to_string();
    let r = run(db, &["export", "--format", "csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (header, rows) = csv_rows(&r.stdout);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let row = |id: &str| rows.iter().find(|r| r[col("id")] == id).cloned();
    assert!(
        row(&id(&q.rejected, &all)).is_none(),
        "rejected: not exported"
    );
    let f = row(&id(&q.figure, &counted)).expect("the reviewed figure's incident");
    assert_eq!(f[col("killed_best")], "99");
    assert!(
        f[col("reviewed_values")].starts_with("killed=99 (machine: "),
        "{}",
        f[col("reviewed_values")]
    );
    assert_eq!(f[col("reviewed_by")], "ana");
    assert!(f[col("review_decisions")].starts_with("dec-"));
    assert_eq!(f[col("review_status")], "");
    let c = row(&id(&q.confirmed, &counted)).unwrap();
    assert_eq!(c[col("review_status")], "confirmed");
    assert_eq!(
        c[col("review_decisions")].split(' ').count(),
        2,
        "confirm and note"
    );
    let d = row(&id(&q.dated, &counted)).unwrap();
    assert!(d[col("reviewed_values")].starts_with("date=2025-08-01 (machine: "));
    let untouched = rows
        .iter()
        .find(|r| r[col("review_decisions")].is_empty())
        .expect("an incident nobody reviewed");
    assert_eq!(untouched[col("reviewed_by")], "");

    let r = run(db, &["export", "--format", "acled"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let (header, rows) = csv_rows(&r.stdout);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let about = |id: &str| {
        rows.iter()
            .find(|r| {
                r[col("notes")].ends_with(&format!("strikewatch id {id}."))
                    || r[col("notes")].contains(&format!("strikewatch id {id}. "))
            })
            .cloned()
    };
    let c = about(&id(&q.confirmed, &counted)).expect("the confirmed incident");
    assert!(
        c[col("tags")].contains("reviewed=confirmed"),
        "{}",
        c[col("tags")]
    );
    assert!(
        c[col("notes")].contains("Human review (dec-"),
        "{}",
        c[col("notes")]
    );
    let f = about(&id(&q.figure, &counted)).unwrap();
    assert!(f[col("tags")].contains("reviewed=edited"));
    assert!(
        f[col("notes")].contains("set killed=99 (machine: "),
        "{}",
        f[col("notes")]
    );
}

/// Anchor sentences of the incidents decided about (the same in every store).
struct Quotes {
    rejected: String,
    confirmed: String,
    figure: String,
    dated: String,
    placed: String,
    perpetrated: String,
    merged: String,
    merged_into: String,
    split: String,
    split_from: String,
}

fn quote(i: &Value, n: usize) -> String {
    i["sources"][n]["quote"].as_str().unwrap().to_string()
}

/// One decision of each kind on part of the corpus; then every article is extracted again,
/// the rest of the corpus (new articles about the same incidents) is ingested, and the ledger
/// rebuilt: every decision still applies. A second store ingests the corpus in another order
/// and imports the exported log: the same decisions apply to the same incidents.
#[test]
fn decisions_survive_reextraction_new_articles_and_another_order() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    ingest(&db, &["jsonl", "html"]);
    let incs = list(&db, &["incidents", "--json"]);
    assert!(incs.len() >= 8, "{}", incs.len());
    let split_at = incs
        .iter()
        .position(|i| {
            let s = i["sources"].as_array().unwrap();
            s.len() >= 2 && s[0]["quote"] != s[1]["quote"]
        })
        .expect("an incident of two reports");
    let mut rest: Vec<&Value> = incs
        .iter()
        .enumerate()
        .filter(|(n, _)| *n != split_at)
        .map(|(_, i)| i)
        .collect();
    let s = &incs[split_at];
    let id = |i: &Value| i["id"].as_str().unwrap().to_string();
    let (sid, report) = (id(s), s["sources"][1]["report_id"].to_string());
    decide(
        &db,
        &["split", &sid, "--report", &report, "--reason", "two boats"],
    );
    let [rej, conf, fig, dat, pla, per, mer, into] = [0, 1, 2, 3, 4, 5, 6, 7].map(|n| rest[n]);
    rest.truncate(8);
    decide(
        &db,
        &[
            "reject",
            &id(rej),
            "--as",
            "not_an_event",
            "--reason",
            "an exercise",
        ],
    );
    decide(&db, &["confirm", &id(conf), "--reason", "statement"]);
    decide(
        &db,
        &[
            "note",
            &id(conf),
            "--reason",
            "checked against the statement",
        ],
    );
    decide(
        &db,
        &[
            "set",
            &id(fig),
            "killed",
            "99",
            "--source",
            "Coast Guard statement",
            "--reason",
            "official toll",
        ],
    );
    decide(
        &db,
        &["set", &id(dat), "date", "2025-08-01", "--reason", "log"],
    );
    decide(
        &db,
        &[
            "set",
            &id(pla),
            "place",
            "Reviewed Shoal",
            "--reason",
            "map check",
        ],
    );
    decide(
        &db,
        &[
            "set",
            &id(per),
            "perpetrator",
            "Reviewed Navy",
            "--country",
            "US",
            "--reason",
            "claimed",
        ],
    );
    decide(
        &db,
        &["merge", &id(mer), &id(into), "--reason", "same boat"],
    );
    let q = Quotes {
        rejected: quote(rej, 0),
        confirmed: quote(conf, 0),
        figure: quote(fig, 0),
        dated: quote(dat, 0),
        placed: quote(pla, 0),
        perpetrated: quote(per, 0),
        merged: quote(mer, 0),
        merged_into: quote(into, 0),
        split: quote(s, 1),
        split_from: quote(s, 0),
    };
    check(&db, &q);
    exports_show_review(&db, &q);

    // every article read again, then new articles about the same incidents
    let r = run(&db, &["extract", "--all"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    ingest(&db, &["text", "feeds", "warc"]);
    check(&db, &q);

    // another store, another order; the log travels as JSONL
    let log = dir.path().join("log.jsonl");
    let r = run(&db, &["review", "log", "--export", log.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let other = dir.path().join("b.db");
    ingest(&other, &["warc", "text", "html", "feeds", "jsonl"]);
    let r = run(
        &other,
        &["review", "log", "--import", log.to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("9 decisions, 9 new"), "{}", r.stdout);
    check(&other, &q);
    // the same incidents, figures and review in both stores
    let summary = |db: &Path| -> BTreeMap<String, String> {
        everything(db)
            .iter()
            .map(|i| {
                let mut review = i["review"].clone();
                if let Some(r) = review.as_object_mut() {
                    r.remove("decisions");
                }
                (
                    i["id"].as_str().unwrap().to_string(),
                    format!(
                        "{} {} {} {}",
                        i["date"], i["figures"]["killed"]["best"], i["place"]["name"], review
                    ),
                )
            })
            .collect()
    };
    assert_eq!(summary(&db), summary(&other));
    // importing again adds nothing
    let r = run(
        &other,
        &["review", "log", "--import", log.to_str().unwrap()],
    );
    assert!(r.stdout.contains("9 decisions, 0 new"), "{}", r.stdout);
}

/// A decision needs an author (never guessed from the system's user) and a reason; a log
/// line changed by hand is refused with its line number; two analysts deciding one thing
/// differently is reported as a conflict, and both decisions are kept.
#[test]
fn authors_reasons_tampering_and_conflicts() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    ingest(&db, &["jsonl"]);
    let incs = list(&db, &["incidents", "--json"]);
    let id = incs[0]["id"].as_str().unwrap();
    let mut cmd = std::process::Command::new(bin());
    cmd.args([
        "--db",
        db.to_str().unwrap(),
        "review",
        "confirm",
        id,
        "--reason",
        "x",
    ])
    .env_remove("STRIKEWATCH_AUTHOR")
    .env("USER", "someone");
    let out = cmd.output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--author"));
    let r = run(&db, &["review", "confirm", id, "--author", "ana"]);
    assert_ne!(r.code, 0, "a reason is required");
    let r = run(
        &db,
        &[
            "review",
            "confirm",
            "inc-000000000000",
            "--author",
            "ana",
            "--reason",
            "x",
        ],
    );
    assert_ne!(r.code, 0);
    assert!(
        r.stderr.contains("no incident inc-000000000000"),
        "{}",
        r.stderr
    );

    decide(&db, &["confirm", id, "--reason", "fine"]);
    let log = dir.path().join("a.jsonl");
    run(&db, &["review", "log", "--export", log.to_str().unwrap()]);
    // another analyst, on a copy of the store, rejects the same incident
    let other = dir.path().join("b.db");
    ingest(&other, &["jsonl"]);
    let r = run(
        &other,
        &[
            "review",
            "reject",
            id,
            "--as",
            "out_of_scope",
            "--reason",
            "not ours",
            "--author",
            "ben",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run(
        &other,
        &["review", "log", "--import", log.to_str().unwrap()],
    );
    assert_eq!(r.code, 3, "a conflict is reported: {}", r.stderr);
    assert!(
        r.stderr.contains("conflict:") && r.stderr.contains("ben"),
        "{}",
        r.stderr
    );
    let kinds: BTreeSet<String> = list(&other, &["review", "log", "--json"])
        .iter()
        .map(|d| d["kind"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(kinds, BTreeSet::from(["confirm".into(), "reject".into()]));

    // a line edited by hand
    let text = std::fs::read_to_string(&log)
        .unwrap()
        .replace("fine", "edited");
    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, text).unwrap();
    let r = run(
        &other,
        &["review", "log", "--import", bad.to_str().unwrap()],
    );
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("bad.jsonl:1:"), "{}", r.stderr);
}

/// An import of many decisions killed with SIGKILL at several moments leaves the log with
/// every earlier decision and either none or all of the imported ones (one transaction);
/// the store opens and reads after each kill.
#[test]
fn a_decision_write_killed_with_sigkill_is_all_or_nothing() {
    use sw_ledger::review::{Action, Target};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    ingest(&db, &["jsonl"]);
    let id = list(&db, &["incidents", "--json"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    decide(&db, &["confirm", &id, "--reason", "before"]);
    const N: usize = 40_000;
    let mut jsonl = String::new();
    for i in 0..N {
        let d = sw_ledger::Decision::new(
            "ben",
            "2026-01-01T00:00:00Z",
            &format!("note {i}"),
            Action::Note {
                target: Target {
                    incident: id.clone(),
                    anchor: None,
                },
            },
        );
        jsonl.push_str(&serde_json::to_string(&d).unwrap());
        jsonl.push('\n');
    }
    let file = dir.path().join("big.jsonl");
    std::fs::write(&file, jsonl).unwrap();
    let count = || {
        let r = run(&db, &["review", "log", "--export", "-"]);
        assert_eq!(r.code, 0, "the store reads after a kill: {}", r.stderr);
        r.stdout.lines().filter(|l| !l.trim().is_empty()).count()
    };
    let mut seen = Vec::new();
    for wait_ms in [30u64, 80, 150, 250, 400, 700] {
        let mut child = std::process::Command::new(bin())
            .args(["--db", db.to_str().unwrap(), "review", "log", "--import"])
            .arg(&file)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(wait_ms));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let n = count();
        assert!(
            n == 1 || n == 1 + N,
            "after a kill at {wait_ms} ms: {n} decisions"
        );
        seen.push(n);
    }
    println!("decisions after each kill: {seen:?}");
}

/// One JSONL article.
fn article(url: &str, outlet: &str, published: &str, text: &str) -> String {
    serde_json::json!({ "url": url, "outlet": outlet, "published": published, "lang": "en", "text": text })
        .to_string()
        + "\n"
}

/// The queue puts back a confirmed incident that later reporting revised ("changed"), and
/// leaves it out while nothing changed; applying the confirmation itself is no change.
#[test]
fn the_queue_brings_back_an_incident_that_changed_since_review() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("q.db");
    let first = write(
        dir.path(),
        "first.jsonl",
        article(
            "https://harbour.example/n/1",
            "Harbour Wire",
            "2026-03-02",
            "A navy helicopter struck a speedboat off the coast of Sucre state in Venezuela on \
             Sunday, killing two men aboard, the regional command said in a statement on Monday.",
        )
        .as_bytes(),
    );
    let second = write(
        dir.path(),
        "second.jsonl",
        article(
            "https://delta.example/n/2",
            "Delta Post",
            "2026-03-03",
            "A strike on a speedboat off the coast of Sucre state in Venezuela on Sunday killed \
             three men, a regional official said on Monday, one more than the command had reported.",
        )
        .as_bytes(),
    );
    assert_eq!(run(&db, &["ingest", first.to_str().unwrap()]).code, 0);
    let queue = list(&db, &["review", "--json"]);
    assert_eq!(queue.len(), 1, "{queue:?}");
    assert_eq!(queue[0]["why"], "single_source");
    let id = queue[0]["incident"]["id"].as_str().unwrap().to_string();

    decide(&db, &["confirm", &id, "--reason", "matches the statement"]);
    assert!(
        list(&db, &["review", "--json"]).is_empty(),
        "a confirmed incident leaves the queue, and its confirmation is no change"
    );
    // a second source revises the toll of the same strike
    assert_eq!(run(&db, &["ingest", second.to_str().unwrap()]).code, 0);
    let queue = list(&db, &["review", "--json"]);
    assert_eq!(queue.len(), 1, "{queue:?}");
    assert_eq!(queue[0]["why"], "changed");
    assert_eq!(queue[0]["incident"]["id"], id.as_str());
    assert_eq!(queue[0]["incident"]["review"]["status"], "confirmed");
}
