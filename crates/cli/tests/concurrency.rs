//! Many processes on one store: writers queue and each finishes, readers never write, and a
//! reader never creates a store. `serve`, two `ingest`s and `status` run at once, round after
//! round, and the ledger they leave is the one a serial run gives.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use common::*;

/// One article as a JSONL line.
fn line(url: &str, published: &str, text: &str) -> String {
    serde_json::json!({
        "url": url,
        "outlet": "Harbour Wire",
        "published": published,
        "lang": "en",
        "text": text,
    })
    .to_string()
}

/// Two small inputs about different events (no text shared, so neither's articles are
/// copies of the other's), each with strikes and a running total to extract.
fn write_inputs(dir: &Path) -> (PathBuf, PathBuf) {
    let a = [
        line(
            "https://harbour.example/a/1",
            "2025-10-07",
            "Navy aircraft struck a speedboat off the northern coast on Monday, killing three men \
             aboard, the regional command said in a statement on Tuesday. The command said the \
             boat was carrying contraband and gave no other details.",
        ),
        line(
            "https://harbour.example/a/2",
            "2025-10-09",
            "A second strike on Wednesday destroyed a fishing vessel near the cape and killed two \
             people, officials said. The strikes have now killed at least 17 people since the \
             campaign began in September, according to a tally kept by the ministry.",
        ),
        line(
            "https://harbour.example/a/3",
            "2025-10-10",
            "Lawmakers in the capital asked the defence minister to explain the legal basis of the \
             campaign at a hearing scheduled for next month.",
        ),
    ];
    let b = [
        line(
            "https://delta.example/b/1",
            "2025-11-03",
            "Drones hit a fuel depot in the river delta on Sunday, killing four guards, a local \
             official told reporters on Monday. Firefighters worked through the night to contain \
             the blaze at the depot.",
        ),
        line(
            "https://delta.example/b/2",
            "2025-11-05",
            "An air raid on a warehouse outside the port city on Tuesday killed five workers, the \
             provincial governor said. Residents described two loud explosions shortly after \
             midnight.",
        ),
        line(
            "https://delta.example/b/3",
            "2025-11-06",
            "The governor said repairs to the damaged bridge over the delta would take at least \
             three months and cost more than the province had set aside.",
        ),
    ];
    let pa = dir.join("harbour.jsonl");
    let pb = dir.join("delta.jsonl");
    std::fs::write(&pa, a.join("\n") + "\n").unwrap();
    std::fs::write(&pb, b.join("\n") + "\n").unwrap();
    (pa, pb)
}

/// Waits for `child`, at most `limit`; its exit code and standard error.
fn finish(mut child: Child, what: &str, limit: Duration) -> (i32, String) {
    let start = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            let out = child.wait_with_output().unwrap();
            panic!(
                "{what} still running after {limit:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Waits until the server shows as many incidents as `incidents --json` lists: it takes up
/// the ledger a writer published after it started.
fn wait_for_served_ledger(served: &Served, expected: usize) -> Result<(), String> {
    let start = Instant::now();
    let mut last = String::new();
    while start.elapsed() < Duration::from_secs(30) {
        let (head, _) = get(&served.addr, "/api/incidents?limit=1000");
        let total = head.lines().find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("x-total-count: ")
                .map(str::to_string)
        });
        if total == Some(expected.to_string()) {
            return Ok(());
        }
        last = head;
        std::thread::sleep(Duration::from_millis(250));
    }
    Err(format!(
        "the server never showed {expected} incidents: {last}"
    ))
}

/// Stops `serve` as Ctrl-C does; its exit code and standard error.
fn stop(mut served: Served) -> (i32, String) {
    let child = served.child.take().unwrap();
    let ok = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    finish(child, "serve", Duration::from_secs(30))
}

/// The ledger as the read commands print it.
fn ledger(db: &Path) -> (String, String) {
    let inc = run(db, &["incidents", "--json"]);
    assert_eq!(inc.code, 0, "incidents: {}", inc.stderr);
    let tal = run(db, &["tallies", "--json"]);
    assert_eq!(tal.code, 0, "tallies: {}", tal.stderr);
    (inc.stdout, tal.stdout)
}

/// The ledger of a serial run: a store created empty, then `first` and `second` ingested one
/// after the other.
fn serial(dir: &Path, name: &str, first: &Path, second: &Path) -> (String, String) {
    let db = dir.join(name);
    assert_eq!(run(&db, &["extract"]).code, 0);
    for input in [first, second] {
        let r = run(&db, &["ingest", input.to_str().unwrap()]);
        assert_eq!(r.code, 0, "{}", r.stderr);
    }
    ledger(&db)
}

const ROUNDS: usize = 20;

/// The acceptance test: `serve`, two `ingest`s (with extraction) and `status` on one
/// store at once, 20 times, each on a fresh store: every process exits 0 and the final ledger
/// is the one a serial run gives (article ids follow the order the two ingests committed in,
/// so either order's ledger is right).
#[test]
fn serve_two_ingests_and_status_at_once_all_succeed_and_agree_with_a_serial_run() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = write_inputs(dir.path());
    let ab = serial(dir.path(), "ab.db", &a, &b);
    let ba = serial(dir.path(), "ba.db", &b, &a);
    assert!(
        ab.0.contains("\"killed\""),
        "the inputs give incidents: {}",
        ab.0
    );
    assert_ne!(ab.1.trim(), "[]", "the inputs give a tally");
    let limit = Duration::from_secs(120);
    let started = Instant::now();
    for round in 0..ROUNDS {
        let db = dir.path().join(format!("round-{round}.db"));
        // a reader never creates a store: it exists (empty) before the readers start
        let r = run(&db, &["extract"]);
        assert_eq!(r.code, 0, "round {round}: creating the store: {}", r.stderr);
        let ingest_a = spawn(&db, &["ingest", a.to_str().unwrap()]);
        let served = start_serve(&db, &[]);
        let ingest_b = spawn(&db, &["ingest", b.to_str().unwrap()]);
        let status = spawn(&db, &["status"]);
        for (child, what) in [
            (ingest_a, "ingest a"),
            (ingest_b, "ingest b"),
            (status, "status"),
        ] {
            let (code, stderr) = finish(child, what, limit);
            assert_eq!(code, 0, "round {round}: {what} failed: {stderr}");
        }
        let (head, body) = get(&served.addr, "/api/summary");
        assert!(
            head.lines().next().is_some_and(|l| l.contains(" 200 ")),
            "round {round}: {head} {body}"
        );
        let got = ledger(&db);
        if round == 0 || round == ROUNDS - 1 {
            // the server, started before the writers published, shows their ledger
            let incidents: Vec<serde_json::Value> = serde_json::from_str(&got.0).unwrap();
            let shown = wait_for_served_ledger(&served, incidents.len());
            assert!(shown.is_ok(), "round {round}: {shown:?}");
        }
        let (code, stderr) = stop(served);
        assert_eq!(code, 0, "round {round}: serve failed: {stderr}");
        assert!(
            got == ab || got == ba,
            "round {round}: the ledger differs from a serial run's\n{}\n{}",
            got.0,
            got.1
        );
    }
    eprintln!("{ROUNDS} rounds in {:?}", started.elapsed());
}

/// Two processes creating the same new store at once: both finish, and the store holds what
/// both wrote (before: `table inputs already exists` or `database is locked`).
#[test]
fn two_processes_create_a_new_store_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = write_inputs(dir.path());
    for round in 0..8 {
        let db = dir.path().join(format!("new-{round}.db"));
        let first = spawn(&db, &["ingest", "--no-extract", a.to_str().unwrap()]);
        let second = spawn(&db, &["ingest", "--no-extract", b.to_str().unwrap()]);
        for (child, what) in [(first, "first"), (second, "second")] {
            let (code, stderr) = finish(child, what, Duration::from_secs(120));
            assert_eq!(code, 0, "round {round}: the {what} ingest failed: {stderr}");
        }
        let status = json(&db, &["status", "--json"]);
        assert_eq!(status["articles"], 6, "round {round}: {status}");
        assert_eq!(status["inputs"], 6, "round {round}: {status}");
    }
}

/// Every file of `dir` with its size and modification time.
fn listing(dir: &Path) -> BTreeMap<String, (u64, SystemTime)> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let m = e.metadata().unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                (m.len(), m.modified().unwrap()),
            )
        })
        .collect()
}

/// Runs the binary as a user who may not write the store when the tests run as root (whom
/// permissions do not stop), so that a read-only folder really is read-only to it.
fn as_reader(db: &Path, args: &[&str]) -> Command {
    let root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let setpriv = Path::new("/usr/bin/setpriv").exists();
    let mut cmd = if root && setpriv {
        let mut c = Command::new("/usr/bin/setpriv");
        c.args(["--reuid=65534", "--regid=65534", "--clear-groups", "--"])
            .arg(bin());
        c
    } else {
        Command::new(bin())
    };
    cmd.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("STRIKEWATCH_DB")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

/// A store on a read-only medium (file and folder not writable) can be read and served, and
/// reading writes nothing: no file changes, none appears (no `-wal`, no `-shm`).
#[test]
fn read_commands_and_serve_work_on_a_read_only_store_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = write_inputs(dir.path());
    let folder = dir.path().join("ro");
    std::fs::create_dir(&folder).unwrap();
    let db = folder.join("s.db");
    let r = run(&db, &["ingest", a.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let before = listing(&folder);
    assert_eq!(before.len(), 1, "a closed store is one file: {before:?}");
    set_mode(&db, 0o444);
    set_mode(&folder, 0o555);
    std::thread::sleep(Duration::from_millis(20)); // a write now would change the mtime
    let reads: &[&[&str]] = &[
        &["articles"],
        &["articles", "--json"],
        &["show", "1"],
        &["failures"],
        &["status"],
        &["status", "--check"],
        &["reports"],
        &["incidents"],
        &["incidents", "--json"],
        &["tallies", "--json"],
        &["developments"],
        &["tally", "--check"],
        &["export", "--format", "csv"],
    ];
    let mut failures = Vec::new();
    for args in reads {
        let out = as_reader(&db, args).output().unwrap();
        if !out.status.success() {
            failures.push(format!(
                "{args:?}: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
    }
    let mut child = as_reader(&db, &["serve", "--addr", "127.0.0.1:0"])
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let answer = first
        .split("http://")
        .nth(1)
        .and_then(|s| s.split('/').next())
        .map(|addr| get(addr, "/api/incidents"));
    let _ = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status();
    let out = child.wait_with_output().unwrap();
    let after = listing(&folder);
    set_mode(&folder, 0o755);
    set_mode(&db, 0o644);
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(
        out.status.success(),
        "serve: {first} {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (head, body) = answer.unwrap_or_else(|| panic!("serve did not start: {first}"));
    assert!(
        head.lines().next().is_some_and(|l| l.contains(" 200 ")),
        "{head} {body}"
    );
    assert!(body.contains("killed"), "{body}");
    assert_eq!(before, after, "reading wrote to the store's folder");
}

fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// `serve` or a read command on a mistyped path: one clear line naming the path, and no file
/// created (before: an empty store was created and served).
#[test]
fn readers_on_a_missing_store_say_so_and_create_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("strikewatch-typo.db");
    for args in [
        &["serve", "--addr", "127.0.0.1:0"][..],
        &["incidents"],
        &["status"],
        &["articles", "--json"],
        &["export", "--format", "json"],
    ] {
        // before, `serve` created an empty store and served it until stopped
        let (code, stderr) = finish(spawn(&db, args), args[0], Duration::from_secs(60));
        assert_eq!(code, 2, "{args:?}: {stderr}");
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{args:?}: {stderr}");
        assert!(
            lines[0].starts_with("error: no store at ") && lines[0].contains(db.to_str().unwrap()),
            "{args:?}: {stderr}"
        );
        assert!(lines[0].contains("strikewatch ingest"), "{}", lines[0]);
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert!(left.is_empty(), "{args:?} created {left:?}");
    }
    // the writers still create it
    let r = run(&db, &["extract"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(db.exists());
    assert_eq!(run(&db, &["incidents"]).code, 0);
}

/// Unmounts a file system mounted for a test, whatever the test's outcome.
struct Mounted(PathBuf);

impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

/// Reading needs no free space: on a full disk the read commands and `serve` still answer
/// (before: `disk I/O error`, as SQLite could not grow the `-shm` a WAL reader uses, and the
/// ledger rebuild wrote). A full disk needs a small file system of its own, a tmpfs that only
/// root may mount: elsewhere this test says so and passes.
#[test]
fn read_commands_and_serve_work_on_a_full_disk() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = write_inputs(dir.path());
    let mnt = dir.path().join("full");
    std::fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=4m", "tmpfs"])
        .arg(&mnt)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a small file system to fill (needs root)");
        return;
    }
    let _unmount = Mounted(mnt.clone());
    let db = mnt.join("s.db");
    let r = run(&db, &["ingest", a.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut fill = std::fs::File::create(mnt.join("fill")).unwrap();
    while fill.write_all(&[0u8; 16 << 10]).is_ok() {}
    drop(fill);
    for args in [
        &["incidents"][..],
        &["tallies", "--json"],
        &["export", "--format", "csv"],
        &["status"],
        &["articles"],
    ] {
        let r = run(&db, args);
        assert_eq!(r.code, 0, "{args:?} on a full disk: {}", r.stderr);
    }
    let served = start_serve(&db, &[]);
    let (head, body) = get(&served.addr, "/api/incidents");
    let (code, stderr) = stop(served);
    assert!(
        head.lines().next().is_some_and(|l| l.contains(" 200 ")),
        "{head} {body}"
    );
    assert!(body.contains("killed"), "{body}");
    assert_eq!(code, 0, "serve on a full disk: {stderr}");
}

/// Two writers at once publish ledger versions numbered 1, 2, 3... without a gap or a
/// repeat, each with its own hash and the caller's time; the last one holds the incidents
/// the ledger lists.
#[test]
fn two_writers_at_once_number_ledger_versions_without_gaps() {
    for round in 0..5 {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = write_inputs(dir.path());
        let db = dir.path().join("store.db");
        assert_eq!(run(&db, &["extract"]).code, 0);
        let one = spawn(&db, &["ingest", a.to_str().unwrap()]);
        let two = spawn(&db, &["ingest", b.to_str().unwrap()]);
        for (child, what) in [(one, "first ingest"), (two, "second ingest")] {
            let (code, err) = finish(child, what, Duration::from_secs(120));
            assert_eq!(code, 0, "round {round}, {what}: {err}");
        }
        let versions = json(&db, &["versions", "--json"]);
        let versions = versions.as_array().unwrap();
        assert!(!versions.is_empty(), "round {round}");
        let numbers: Vec<i64> = versions
            .iter()
            .map(|v| v["version"].as_i64().unwrap())
            .collect();
        let expected: Vec<i64> = (1..=numbers.len() as i64).collect();
        assert_eq!(numbers, expected, "round {round}: gaps or repeats");
        for pair in versions.windows(2) {
            assert_ne!(pair[0]["hash"], pair[1]["hash"], "round {round}");
        }
        let last = versions.last().unwrap();
        assert!(last["published_at"].as_str().unwrap().ends_with('Z'));
        let incidents = json(&db, &["incidents", "--json"]);
        assert_eq!(
            last["incidents"].as_u64().unwrap() as usize,
            incidents.as_array().unwrap().len(),
            "round {round}"
        );
        let at = json(
            &db,
            &[
                "incidents",
                "--json",
                "--version",
                &numbers.len().to_string(),
            ],
        );
        assert_eq!(
            at, incidents,
            "round {round}: the last version is the ledger"
        );
    }
}

/// An id merged away still answers: `incidents --id OLD` shows the incident it was merged
/// into and says so; `diff` lists the merge.
#[test]
fn an_old_id_leads_to_the_incident_it_was_merged_into() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("store.db");
    // the earliest report of a strike arrives without its sea region (its id is provisional);
    // the next ones place it, and the incident takes its full id (passages written for this
    // test)
    let first = dir.path().join("first.jsonl");
    let later = dir.path().join("later.jsonl");
    let line = |url: &str, text: &str| {
        serde_json::json!({"url": url, "outlet": "example.org", "published": "2025-10-15",
            "lang": "en", "text": text})
        .to_string()
    };
    std::fs::write(
        &first,
        line(
            "https://example.org/first",
            "A U.S. strike on a small boat killed three people on Tuesday, officials said.",
        ),
    )
    .unwrap();
    std::fs::write(
        &later,
        [
            line(
                "https://example.org/later-1",
                "A U.S. strike on a vessel in the Caribbean killed three people on Tuesday, \
                 Southern Command said.",
            ),
            line(
                "https://example.org/later-2",
                "U.S. forces struck a drug boat in the Caribbean on Tuesday, killing three \
                 men, the Pentagon said.",
            ),
        ]
        .join("\n"),
    )
    .unwrap();
    let r = run(&db, &["ingest", first.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let r = run(&db, &["ingest", later.to_str().unwrap()]);
    assert!(r.code == 0, "{}", r.stderr);
    let versions = json(&db, &["versions", "--json"]);
    let last = versions.as_array().unwrap().len();
    assert!(last >= 2);
    let diff = json(&db, &["diff", "1", &last.to_string(), "--json"]);
    let merged = diff["merged"].as_array().unwrap();
    assert!(!merged.is_empty(), "{diff}");
    let (old, into) = (
        merged[0]["id"].as_str().unwrap(),
        merged[0]["into"].as_str().unwrap(),
    );
    let r = run(&db, &["incidents", "--id", old, "--json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let shown: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(shown["id"], into);
    assert_eq!(shown["redirected_from"], old);
    assert!(r.stderr.contains(&format!("{old} was merged into {into}")));
    let r = run(&db, &["incidents", "--id", "inc-000000000000"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("no incident inc-000000000000"),
        "{}",
        r.stderr
    );
}
