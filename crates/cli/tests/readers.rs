//! The CLI as a new user meets it: what it says about empty or mistyped inputs, unknown
//! values, an incident by its id, scores and failures as JSON, and counts that read as words.

mod common;

use common::{csv_cells, json, root, run};

fn sample(dir: &std::path::Path) -> std::path::PathBuf {
    let f = dir.join("sample.txt");
    std::fs::write(
        &f,
        "U.S. forces struck a boat in the eastern Pacific on Tuesday, killing three people, \
         Southern Command said.",
    )
    .unwrap();
    f
}

#[test]
fn an_empty_folder_is_said_to_be_empty() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("nothing-here");
    std::fs::create_dir_all(empty.join("sub")).unwrap();
    let r = run(
        &dir.path().join("t.db"),
        &["ingest", empty.to_str().unwrap()],
    );
    assert!(
        r.stderr.contains("nothing-here") && r.stderr.contains("holds no files"),
        "{}",
        r.stderr
    );
}

#[test]
fn an_unknown_type_is_an_error_naming_the_valid_ones() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let f = sample(dir.path());
    assert_eq!(run(&db, &["ingest", f.to_str().unwrap()]).code, 0);
    let r = run(&db, &["incidents", "--type", "strke"]);
    assert_ne!(r.code, 0);
    assert!(
        r.stderr.contains("strke") && r.stderr.contains("strike") && r.stderr.contains("raid"),
        "{}",
        r.stderr
    );
    assert_eq!(run(&db, &["incidents", "--type", "strike"]).code, 0);
}

#[test]
fn an_incident_is_shown_with_every_value_source_and_quote() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let f = sample(dir.path());
    assert_eq!(run(&db, &["ingest", f.to_str().unwrap()]).code, 0);
    let list = json(&db, &["incidents", "--json"]);
    let id = list[0]["id"].as_str().unwrap();
    let r = run(&db, &["show", id]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains(id));
    assert!(r.stdout.contains("killed: 3"), "{}", r.stdout);
    assert!(
        r.stdout.contains("\"three\""),
        "the value's words: {}",
        r.stdout
    );
    assert!(
        r.stdout.contains("Southern Command"),
        "the quote: {}",
        r.stdout
    );
    let one = json(&db, &["show", id, "--json"]);
    assert_eq!(one["id"], id);
    let r = run(&db, &["show", "inc-000000000000"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("no incident inc-000000000000"),
        "{}",
        r.stderr
    );
    let r = run(&db, &["show", "nonsense"]);
    assert_ne!(r.code, 0);
    assert!(r.stderr.contains("\"nonsense\""), "{}", r.stderr);
}

#[test]
fn ingest_json_names_the_inputs_that_failed_and_counts_read_as_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let f = sample(dir.path());
    let missing = dir.path().join("no-such-file.txt");
    let r = run(
        &db,
        &[
            "ingest",
            "--json",
            f.to_str().unwrap(),
            missing.to_str().unwrap(),
        ],
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let failed = v["failed_inputs"].as_array().expect("failed_inputs");
    assert_eq!(failed.len(), 1, "{v}");
    assert!(failed[0]["input"]
        .as_str()
        .unwrap()
        .ends_with("no-such-file.txt"));
    assert!(failed[0]["error"]
        .as_str()
        .unwrap()
        .contains("no such file"));
    // one article: singular words
    let dir2 = tempfile::tempdir().unwrap();
    let r = run(&dir2.path().join("t.db"), &["ingest", f.to_str().unwrap()]);
    assert!(r.stdout.contains("1 new article ("), "{}", r.stdout);
    assert!(r.stdout.contains("1 article in 1 story"), "{}", r.stdout);
    assert!(!r.stdout.contains("1 copies"), "{}", r.stdout);
}

#[test]
fn eval_writes_json() {
    let dir = tempfile::tempdir().unwrap();
    let gold = root().join("tests/gold/gold.jsonl");
    let v = json(
        &dir.path().join("t.db"),
        &["eval", "--json", gold.to_str().unwrap()],
    );
    let killed = &v["overall"]["killed"];
    assert!(killed["tp"].as_u64().unwrap() > 0, "{v}");
    let p = killed["precision"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&p));
    assert!(v["by_lang"]["en"].is_object() && v["by_lang"]["es"].is_object());
}

#[test]
fn a_store_in_a_missing_folder_is_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = sample(dir.path());
    let r = run(
        std::path::Path::new("/nonexistent/dir/x.db"),
        &["ingest", f.to_str().unwrap()],
    );
    assert_ne!(r.code, 0);
    let errors: Vec<&str> = r
        .stderr
        .lines()
        .filter(|l| l.starts_with("error"))
        .collect();
    assert_eq!(errors.len(), 1, "{}", r.stderr);
    assert!(
        errors[0].contains("/nonexistent/dir") && errors[0].contains("does not exist"),
        "{}",
        r.stderr
    );
}

#[test]
fn the_demo_explains_its_grades() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(&dir.path().join("unused.db"), &["demo", "--no-serve"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("grades: contested = a party denies it"),
        "{}",
        r.stdout
    );
    assert_eq!(r.stdout.matches("contested =").count(), 1, "{}", r.stdout);
    // a readable summary before the tables: the period, killed as low, best and high, the
    // latest total an outlet reported, what rests on one story
    let brief = r
        .stdout
        .split("The ledger in brief")
        .nth(1)
        .expect("a brief of the ledger");
    let before_tables = brief.split("The ledger: incidents").next().unwrap();
    for want in [
        "incidents (",
        "killed, summed over incidents: lowest ",
        "the latest total an outlet reported: ",
        "on a single story",
    ] {
        assert!(before_tables.contains(want), "{want}: {before_tables}");
    }
    assert!(!r.stdout.contains("extracted: 0 articles"), "{}", r.stdout);
}

#[test]
fn search_finds_what_the_web_finds() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let f = sample(dir.path());
    let es = dir.path().join("es.txt");
    std::fs::write(
        &es,
        "Un ataque contra una lancha en el mar Caribe dejó seis muertos, según el Comando Sur.",
    )
    .unwrap();
    assert_eq!(
        run(&db, &["ingest", f.to_str().unwrap(), es.to_str().unwrap()]).code,
        0
    );
    let v = json(&db, &["search", "--json", "lancha", "caribe"]);
    assert_eq!(v["total"], 1, "{v}");
    assert!(v["hits"][0]["snippet"]
        .as_str()
        .unwrap()
        .contains("[[lancha]]"));
    let r = run(&db, &["search", "Pacific"]);
    assert_eq!(r.code, 0);
    assert!(r.stdout.contains("1 article match"), "{}", r.stdout);
    assert!(r.stdout.contains("[Pacific]"), "{}", r.stdout);
    let r = run(&db, &["search", "nowhere-to-be-found"]);
    assert!(r.stdout.contains("0 articles match"), "{}", r.stdout);
}

#[test]
fn a_mistyped_path_is_said_but_not_kept_among_failures() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let f = sample(dir.path());
    let r = run(&db, &["ingest", f.to_str().unwrap(), "/no/such/place.txt"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("error: /no/such/place.txt: no such file or folder"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("1 failed"), "{}", r.stdout);
    let failures = json(&db, &["failures", "--json"]);
    assert_eq!(failures.as_array().unwrap().len(), 0, "{failures}");
}

#[test]
fn re_extraction_reports_its_percentage_when_output_is_not_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let f = sample(dir.path());
    assert_eq!(run(&db, &["ingest", f.to_str().unwrap()]).code, 0);
    let out = std::process::Command::new(common::bin())
        .arg("--db")
        .arg(&db)
        .args(["extract", "--all"])
        .env("STRIKEWATCH_PROGRESS_EVERY", "0")
        .env_remove("STRIKEWATCH_DB")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("note: progress: extracted 1 of 1 articles (100%"),
        "{stderr}"
    );
}

/// An ingest of local files knows their total size: its progress lines say how far it is as
/// a percentage of it (with an ETA once it has started), up to 99% at its last step.
#[test]
fn an_ingest_of_files_reports_a_percentage_of_their_size() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let folder = dir.path().join("in");
    std::fs::create_dir(&folder).unwrap();
    for n in 0..4 {
        std::fs::write(
            folder.join(format!("a{n}.txt")),
            format!(
                "Boat struck\n\nU.S. forces struck a boat in the Caribbean on Tuesday, killing {} people, officials said.\n",
                n + 2
            ),
        )
        .unwrap();
    }
    std::fs::write(folder.join("notes.bin"), [0u8, 1, 2, 3]).unwrap();
    let out = std::process::Command::new(common::bin())
        .arg("--db")
        .arg(&db)
        .args(["ingest", folder.to_str().unwrap()])
        .env("STRIKEWATCH_PROGRESS_EVERY", "0")
        .env_remove("STRIKEWATCH_DB")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("note: progress: "))
        .collect();
    assert!(lines.len() >= 4, "{stderr}");
    assert!(lines.iter().all(|l| l.contains("% of 0.0 MB")), "{stderr}");
    assert!(lines.last().unwrap().contains("99% of"), "{stderr}");
    assert!(lines.iter().any(|l| l.contains(", ETA ")), "{stderr}");
    // standard input has no size known before it is read: no percentage
    let out = std::process::Command::new(common::bin())
        .arg("--db")
        .arg(&db)
        .args(["ingest", "-"])
        .env("STRIKEWATCH_PROGRESS_EVERY", "0")
        .env_remove("STRIKEWATCH_DB")
        .stdin(std::fs::File::open(folder.join("a0.txt")).unwrap())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("note: progress: "), "{stderr}");
    assert!(!stderr.contains("% of"), "{stderr}");
}

/// The CSV names each incident's outlets and gives the sentence its best toll rests on, with
/// that article's address, so a table alone lets a reader check the number.
#[test]
fn the_csv_export_names_outlets_and_the_quote_behind_the_toll() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let line = |url: &str, outlet: &str, published: &str, text: &str| {
        serde_json::json!({ "url": url, "outlet": outlet, "published": published, "lang": "en", "text": text })
            .to_string()
    };
    let f = dir.path().join("two.jsonl");
    std::fs::write(
        &f,
        [
            line(
                "https://harbour.example/n/1",
                "Harbour Wire",
                "2026-03-02",
                "A navy helicopter struck a speedboat off the coast of Sucre state in Venezuela on \
                 Sunday, killing two men aboard, the regional command said in a statement on Monday.",
            ),
            line(
                "https://delta.example/n/2",
                "Delta Post",
                "2026-03-03",
                "A strike on a speedboat off the coast of Sucre state in Venezuela on Sunday killed \
                 three men, a regional official said on Monday.",
            ),
        ]
        .join("\n"),
    )
    .unwrap();
    assert_eq!(run(&db, &["ingest", f.to_str().unwrap()]).code, 0);
    let r = run(&db, &["export", "--format", "csv"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let mut lines = r.stdout.lines();
    let header = csv_cells(lines.next().unwrap());
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<Vec<String>> = lines.map(csv_cells).collect();
    assert_eq!(rows.len(), 1, "one incident: {}", r.stdout);
    let row = &rows[0];
    let outlets: Vec<&str> = row[col("outlets")].split("; ").collect();
    assert_eq!(outlets.len(), 2, "{outlets:?}");
    assert!(outlets.contains(&"Harbour Wire") && outlets.contains(&"Delta Post"));
    let (best, quote, url) = (
        &row[col("killed_best")],
        &row[col("killed_quote")],
        &row[col("killed_quote_url")],
    );
    let word = match best.as_str() {
        "2" => "two men",
        "3" => "three men",
        other => panic!("unexpected best toll {other}"),
    };
    assert!(
        quote.contains(word),
        "the quote gives the best toll {best}: {quote}"
    );
    let expected_url = if word == "two men" {
        "https://harbour.example/n/1"
    } else {
        "https://delta.example/n/2"
    };
    assert_eq!(url, expected_url);
}

/// `search` takes the web app's filters (language, outlet, publication dates), read and
/// applied by the same code.
#[test]
fn search_takes_the_web_apps_filters() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let es = dir.path().join("es.txt");
    std::fs::write(
        &es,
        "Un ataque contra una lancha en el mar Caribe dejó seis muertos, según el Comando Sur.",
    )
    .unwrap();
    assert_eq!(run(&db, &["ingest", es.to_str().unwrap()]).code, 0);
    let total = |args: &[&str]| {
        let mut all = vec!["search", "--json"];
        all.extend_from_slice(args);
        json(&db, &all)["total"].as_i64().unwrap()
    };
    assert_eq!(total(&["lancha"]), 1);
    assert_eq!(total(&["--lang", "es", "lancha"]), 1);
    assert_eq!(total(&["--lang", "en", "lancha"]), 0);
    assert_eq!(total(&["--outlet", "Nobody's Wire", "lancha"]), 0);
    // an article with no publication date is in no date range
    assert_eq!(total(&["--from", "2000-01-01", "lancha"]), 0);
    let r = run(&db, &["search", "--from", "yesterday", "lancha"]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--from=\"yesterday\" is not a date"),
        "{}",
        r.stderr
    );
}

/// An incident's history in `show inc-...`: a strike first reported with three dead, then a
/// second outlet's five, then a reviewer's four. Each correction is told value by value,
/// before and after, with the new article behind the first and the reviewer, time and reason
/// behind the second; `--json` carries the same as `corrections`.
#[test]
fn an_incident_is_shown_with_its_history_of_corrections() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("t.db");
    let line = |url: &str, outlet: &str, text: &str| {
        serde_json::json!({
            "url": url, "outlet": outlet, "published": "2025-11-05", "lang": "en",
            "title": "Boat strike in the eastern Pacific", "text": text,
        })
        .to_string()
    };
    let first = dir.path().join("first.jsonl");
    std::fs::write(
        &first,
        line(
            "https://harbour-wire.example/2025/11/05/pacific-boat",
            "Harbour Wire",
            "U.S. forces struck a boat in the eastern Pacific on Tuesday, killing three \
             people, Southern Command said.",
        ),
    )
    .unwrap();
    let later = dir.path().join("later.jsonl");
    std::fs::write(
        &later,
        line(
            "https://gazette-d.example/world/pacific-boat-toll",
            "Gazette D",
            "A U.S. strike on a boat in the eastern Pacific on Tuesday killed five people, \
             officials said.",
        ),
    )
    .unwrap();
    assert_eq!(run(&db, &["ingest", first.to_str().unwrap()]).code, 0);
    let list = json(&db, &["incidents", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    let id = list[0]["id"].as_str().unwrap().to_string();
    // before any correction: only "first seen", nothing to tell
    let r = run(&db, &["show", &id]);
    assert!(r.stdout.contains("version 1: first seen"), "{}", r.stdout);
    assert!(!r.stdout.contains("why:"), "{}", r.stdout);
    assert_eq!(run(&db, &["ingest", later.to_str().unwrap()]).code, 0);
    let list = json(&db, &["incidents", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1, "one strike: {list}");
    assert_eq!(list[0]["id"], id.as_str());
    let best2 = list[0]["figures"]["killed"]["best"].as_i64().unwrap();
    let r = run(
        &db,
        &[
            "review",
            "set",
            &id,
            "killed",
            "4",
            "--source",
            "Coast Guard statement",
            "--reason",
            "the coast guard's count",
            "--author",
            "ana",
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);

    let r = run(&db, &["show", &id]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let history = r
        .stdout
        .split("\nhistory:\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no history in {}", r.stdout));
    let versions: Vec<&str> = history.split("  version ").skip(1).collect();
    let of = |v: &str| {
        versions
            .iter()
            .find(|x| x.starts_with(v))
            .unwrap_or_else(|| panic!("no version {v} in {history}"))
            .to_string()
    };
    assert!(of("1:").contains("first seen"), "{history}");
    // the new reporting: the high bound, and the article that gave it
    let second = of("2:");
    assert!(second.contains("revised"), "{second}");
    assert!(second.contains("    killed high 3 -> 5\n"), "{second}");
    assert!(second.contains("    sources 1 -> 2\n"), "{second}");
    assert!(
        second.contains("new reporting: Gazette D 2025-11-05 (article #2)"),
        "{second}"
    );
    assert!(!second.contains("why:"), "{second}");
    // the reviewer's correction: before and after, who, when and why
    let third = of("3:");
    assert!(
        third.contains(&format!("    killed best {best2} -> 4\n")),
        "{third}"
    );
    assert!(
        third.contains("why: review decision (set figure) by ana, 20"),
        "{third}"
    );
    assert!(third.contains(": the coast guard's count"), "{third}");
    assert!(!third.contains("new reporting"), "{third}");

    // the same as JSON
    let one = json(&db, &["show", &id, "--json"]);
    let corrections = one["corrections"].as_array().unwrap();
    assert_eq!(
        corrections
            .iter()
            .map(|c| c["version"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        [2, 3],
        "{one}"
    );
    assert_eq!(corrections[0]["added"][0]["outlet"], "Gazette D");
    assert_eq!(corrections[1]["decisions"][0]["author"], "ana");
    assert_eq!(corrections[1]["decisions"][0]["kind"], "set_figure");
    assert_eq!(
        corrections[1]["decisions"][0]["reason"],
        "the coast guard's count"
    );
    assert_eq!(one["history"]["first_seen"], 1);
}
