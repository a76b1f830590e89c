//! Interrupting an ingest loses nothing committed, leaves the store consistent, and running
//! the same ingest again completes it.

mod common;

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;

const LINES: usize = 6_000;

fn big_jsonl(path: &std::path::Path) {
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..LINES {
        // every line distinct, so every line is one new article
        let v = serde_json::json!({
            "url": format!("https://bulk.example/{i}"),
            "outlet": "Bulk Wire",
            "published": "2025-11-01",
            "lang": "en",
            "text": format!("Report number {i}: officials said a vessel was struck at sea on day {} and that {} people aboard were killed. \
                The statement gave no further details about the crew, the cargo or the route, and reporters numbered {i} asked again.",
                i % 28 + 1, i % 7),
        });
        writeln!(w, "{v}").unwrap();
    }
}

fn count(db: &std::path::Path) -> i64 {
    let r = run(db, &["status", "--json"]);
    if r.code != 0 {
        return 0;
    }
    serde_json::from_str::<serde_json::Value>(&r.stdout)
        .map(|v| v["articles"].as_i64().unwrap_or(0))
        .unwrap_or(0)
}

fn spawn_ingest(db: &std::path::Path, input: &std::path::Path) -> std::process::Child {
    Command::new(bin())
        .arg("--db")
        .arg(db)
        .args(["ingest", "--no-extract", "--batch", "100"])
        .arg(input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Waits until the running ingest has committed something, but not everything.
fn wait_for_progress(db: &std::path::Path, child: &mut std::process::Child) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if child.try_wait().unwrap().is_some() {
            return false; // finished before we could interrupt: machine too fast for this input
        }
        let n = count(db);
        if n > 0 && (n as usize) < LINES {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    false
}

fn check_complete(db: &std::path::Path, input: &std::path::Path) {
    let r = run(db, &["ingest", "--no-extract", input.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let status = json(db, &["status", "--json", "--check"]);
    assert_eq!(
        status["articles"].as_i64().unwrap() as usize,
        LINES,
        "{status}"
    );
    assert_eq!(
        status["inputs"].as_i64().unwrap() as usize,
        LINES,
        "{status}"
    );
    assert_eq!(status["pending_inputs"], 0, "{status}");
    assert_eq!(status["integrity"], "ok", "{status}");
    // exactly one article per line: no line stored twice
    let arts = articles(db);
    let mut urls: Vec<&str> = arts.iter().map(|a| a["url"].as_str().unwrap()).collect();
    urls.sort();
    urls.dedup();
    assert_eq!(urls.len(), LINES);
}

#[test]
fn kill_9_then_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bulk.jsonl");
    big_jsonl(&input);
    let db = dir.path().join("s.db");
    for _ in 0..2 {
        let mut child = spawn_ingest(&db, &input);
        let interrupted = wait_for_progress(&db, &mut child);
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        if !interrupted {
            break;
        }
        let status = json(&db, &["status", "--json", "--check"]);
        assert_eq!(
            status["integrity"], "ok",
            "store inconsistent after kill -9: {status}"
        );
    }
    check_complete(&db, &input);
}

#[test]
fn ctrl_c_stops_cleanly_then_rerun_completes() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("bulk.jsonl");
    big_jsonl(&input);
    let db = dir.path().join("s.db");
    let mut child = spawn_ingest(&db, &input);
    if wait_for_progress(&db, &mut child) {
        let ok = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .unwrap();
        assert!(ok.success());
        let status = child.wait().unwrap();
        // 130 when the signal arrived mid-ingest; 0 if the ingest won the race and finished
        assert!(matches!(status.code(), Some(130) | Some(0)), "{status:?}");
    } else {
        child.wait().unwrap();
    }
    check_complete(&db, &input);
}
