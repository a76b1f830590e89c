//! Crash safety: an ingest (with extraction and the ledger) killed with SIGKILL at random
//! points, several times, then run to the end, leaves exactly what an uninterrupted run
//! leaves: SQLite's integrity check passes, the store holds exactly the expected articles, and
//! the ledger (incidents, tallies, developments) is the same.
//!
//! The kill points are drawn from a seeded generator (`CRASH_SEED` overrides the seed, so a
//! failure can be replayed), so kills land in admission, parsing, story assignment, extraction and the ledger:
//! the first rounds once a random number of articles is committed, the next at random
//! moments, the last at a random moment after every article is stored (extraction, ledger).

mod common;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::*;
use serde_json::Value;

const LINES: usize = 3_000;
const KILLS: usize = 6;

/// A corpus with strikes, tallies, filler and syndicated near copies, in both languages.
fn corpus(path: &Path) {
    let places = [
        "in the Caribbean",
        "in the eastern Pacific",
        "off the coast of Venezuela",
        "near Trinidad and Tobago",
    ];
    let lugares = [
        "en el Caribe",
        "en el Pacífico oriental",
        "frente a Venezuela",
    ];
    let nums = ["two", "three", "four", "six", "11"];
    let months = ["September", "October", "November", "December"];
    let filler = [
        "Local markets reopened on Monday after a long holiday.",
        "Forecasters expect more storms before the weekend.",
        "The port authority announced new opening hours for the customs office.",
        "Several airlines added flights to the islands ahead of the holidays.",
    ];
    let mut w = std::io::BufWriter::new(std::fs::File::create(path).unwrap());
    for i in 0..LINES {
        let src = if i % 10 == 9 { i - 5 } else { i }; // every tenth line is a near copy
        let (m, d) = (src % 4, src % 28 + 1);
        let text = if src % 3 == 2 {
            format!(
                "Las fuerzas de Estados Unidos atacaron una lancha {} el {d} de {}, con un saldo de {} muertos, informó el Comando Sur. Nota {src}: los mercados reabrieron el lunes.",
                lugares[src % 3],
                ["septiembre", "octubre", "noviembre", "diciembre"][m],
                ["dos", "tres", "cuatro"][src % 3]
            )
        } else if src % 7 == 3 {
            format!("The strikes have killed at least {} people since early September, according to a count by reporters. Count number {src}. {}", 20 + src % 90, filler[src % 4])
        } else {
            format!(
                "The U.S. military struck a vessel {} on {} {d}, killing {} people aboard, Southern Command said. Report {src}. {} {}",
                places[src % 4],
                months[m],
                nums[src % 5],
                filler[src % 4],
                filler[(src + 1) % 4]
            )
        };
        let text = if src != i {
            format!("{text} Also carried by a partner outlet.")
        } else {
            text
        };
        let v = serde_json::json!({
            "url": format!("https://crash.example/{i}"),
            "outlet": if i % 2 == 0 { "Crash Wire" } else { "Kill Post" },
            "published": format!("2025-{:02}-{:02}", 9 + m, d),
            "lang": if src % 3 == 2 { "es" } else { "en" },
            "title": format!("Story {src}"),
            "text": text,
        });
        writeln!(w, "{v}").unwrap();
    }
}

/// Articles committed so far (0 while the store is being created).
fn count(db: &Path) -> i64 {
    let r = run(db, &["status", "--json"]);
    serde_json::from_str::<Value>(&r.stdout)
        .ok()
        .and_then(|v| v["articles"].as_i64())
        .unwrap_or(0)
}

/// Seeded xorshift, so a failing sequence of kill points can be replayed.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn ingest_cmd(db: &Path, input: &Path) -> Command {
    let mut c = Command::new(bin());
    c.arg("--db")
        .arg(db)
        .args(["ingest", "--batch", "40"])
        .arg(input)
        .env_remove("STRIKEWATCH_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    c
}

/// What an ingest leaves behind, without anything that may legitimately differ between runs
/// (timestamps are not printed by these commands).
fn snapshot(db: &Path) -> (Vec<Value>, Value, Value, Value, Value) {
    let status = json(db, &["status", "--json", "--check"]);
    let mut arts = articles(db);
    for a in &mut arts {
        a.as_object_mut().unwrap().remove("input"); // "file:line", same in both runs anyway
    }
    arts.sort_by(|a, b| a["url"].as_str().cmp(&b["url"].as_str()));
    (
        arts,
        json(db, &["incidents", "--json"]),
        json(db, &["tallies", "--json"]),
        json(db, &["developments", "--json"]),
        status,
    )
}

#[test]
fn sigkill_at_random_points_then_complete_equals_uninterrupted_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("corpus.jsonl");
    corpus(&input);

    // the reference: one uninterrupted run, timed to place the kills
    let reference_db = dir.path().join("reference.db");
    let t0 = Instant::now();
    let st = ingest_cmd(&reference_db, &input).status().unwrap();
    let full = t0.elapsed();
    assert_eq!(st.code(), Some(0));
    let expected = snapshot(&reference_db);
    assert_eq!(expected.0.len(), LINES, "every line is one article");
    assert!(
        expected.1.as_array().is_some_and(|a| !a.is_empty()),
        "the corpus yields incidents"
    );

    let seed: u64 = std::env::var("CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x5EED_C0DE);
    let mut rng = Rng(seed | 1);
    let db = dir.path().join("crashed.db");
    let mut kills = 0;
    for round in 0..KILLS {
        let mut child = ingest_cmd(&db, &input).spawn().unwrap();
        // the first rounds kill at a random point of the ingest itself (once a random number
        // of articles is committed); the later ones at a random moment of what remains
        // (extraction, the ledger), over ever shorter windows since less remains each time
        let (what, killed) = if round < 3 {
            let target = 1 + (rng.next() % LINES as u64) as i64;
            let start = Instant::now();
            let mut done = false;
            while start.elapsed() < Duration::from_secs(120) {
                if child.try_wait().unwrap().is_some() {
                    done = true;
                    break;
                }
                if count(&db) >= target {
                    break;
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            (format!("after {target} articles"), !done)
        } else if round == KILLS - 1 {
            // once every article is in: a random moment of extraction and the ledger
            let start = Instant::now();
            let mut done = false;
            while start.elapsed() < Duration::from_secs(120) && count(&db) < LINES as i64 {
                if child.try_wait().unwrap().is_some() {
                    done = true;
                    break;
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            let ms = rng.next() % (full.as_millis() as u64 / 2).max(20);
            let deadline = Instant::now() + Duration::from_millis(ms);
            while !done && Instant::now() < deadline {
                done = child.try_wait().unwrap().is_some();
                std::thread::sleep(Duration::from_millis(2));
            }
            (format!("{ms} ms after the last article was stored"), !done)
        } else {
            let window = (full.as_millis() as u64 >> (round - 2)).max(40);
            let ms = 20 + rng.next() % window;
            let deadline = Instant::now() + Duration::from_millis(ms);
            let mut done = false;
            while Instant::now() < deadline {
                if child.try_wait().unwrap().is_some() {
                    done = true;
                    break;
                }
                std::thread::sleep(Duration::from_millis(2));
            }
            (format!("at {ms} ms"), !done)
        };
        if killed {
            child.kill().unwrap(); // SIGKILL
            kills += 1;
        }
        child.wait().unwrap();
        let status = json(&db, &["status", "--json", "--check"]);
        assert_eq!(
            status["integrity"], "ok",
            "round {round} (seed {seed}, kill {what}): {status}"
        );
        eprintln!(
            "round {round}: {} {what} (a full run takes ~{} ms): {} articles, {} pending",
            if killed {
                "killed"
            } else {
                "finished before the kill"
            },
            full.as_millis(),
            status["articles"],
            status["pending_inputs"]
        );
    }
    assert!(
        kills >= 3,
        "too few kills landed mid-run ({kills}); seed {seed}"
    );

    // complete it
    let st = ingest_cmd(&db, &input).status().unwrap();
    assert_eq!(st.code(), Some(0));
    let got = snapshot(&db);
    assert_eq!(got.4["integrity"], "ok");
    assert_eq!(got.4["pending_inputs"], 0);
    assert_eq!(got.4["inputs"], expected.4["inputs"]);
    assert_eq!(got.0.len(), expected.0.len(), "seed {seed}");
    assert!(
        got.0 == expected.0,
        "articles differ from the uninterrupted run (seed {seed})"
    );
    assert!(
        got.1 == expected.1,
        "incidents differ from the uninterrupted run (seed {seed})"
    );
    assert!(got.2 == expected.2, "tallies differ (seed {seed})");
    assert!(got.3 == expected.3, "developments differ (seed {seed})");
}
