//! Terminal escapes: file names, outlets, titles, urls and texts carrying ESC, BEL, CR,
//! newlines, other C0/C1 controls and Unicode bidi overrides never reach the terminal raw.
//! Every human-readable line the binary prints shows them escaped (`\x1b`, `\n`, `\u{202e}`),
//! so an input cannot recolour, retitle or clear the terminal, hide text, or forge an
//! `error:` line; `show` keeps the article's own paragraph breaks. All inputs are written for
//! this test (file names with a newline are legal on Linux).

mod common;

use std::path::Path;

use common::*;

/// What a hostile input may try: colour and clear the screen, set the window title, ring the
/// bell, return the cursor, forge a line, reverse the text direction.
const EVIL: &str =
    "\x1b[31m\x1b[2J\x1b]0;pwned\x07\r\x08\x7f\u{9b}31m\nerror: forged\u{202e}\u{2066}";

/// The characters that must never be printed raw: every control (C0, DEL, C1) but the
/// newline that ends a line, and the bidi embeddings, overrides and isolates.
fn raw_controls(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| {
            (c.is_control() && c != '\n')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

/// Asserts that neither stream of `r` holds a raw control, and that no line was forged
/// (but for `show`'s stdout, where an article's own lines are its text).
fn clean(what: &str, r: &Run) {
    for (name, s) in [("stdout", &r.stdout), ("stderr", &r.stderr)] {
        let raw = raw_controls(s);
        assert!(raw.is_empty(), "{what}: raw {raw:?} on {name}:\n{s}");
        if what.contains("show") && name == "stdout" {
            continue;
        }
        for l in s.lines() {
            assert!(
                !l.starts_with("error: forged"),
                "{what}: a forged line on {name}:\n{s}"
            );
        }
    }
}

fn record(n: usize, text: &str) -> String {
    serde_json::json!({
        "url": format!("https://evil.example/{n}{EVIL}"),
        "outlet": format!("Wire{EVIL}"),
        "title": format!("Title {n}{EVIL}"),
        "published": "2025-10-03",
        "lang": "en",
        "text": text,
    })
    .to_string()
}

fn corpus(dir: &Path) -> std::path::PathBuf {
    let folder = dir.join(format!("in{EVIL}"));
    std::fs::create_dir_all(&folder).unwrap();
    let lines = [
        record(1, &format!("The U.S. military struck a boat in the Caribbean on Tuesday, killing three people aboard, officials said.{EVIL}\n\nA second paragraph follows.")),
        record(2, &format!("The Pentagon has carried out 14 strikes on boats since September, killing 61 people.{EVIL} Officials said the military plans to deploy more warships.")),
    ];
    std::fs::write(
        folder.join(format!("good{EVIL}.jsonl")),
        lines.join("\n") + "\n",
    )
    .unwrap();
    // an input that fails: its locator and error end up in an `error:` line and in `failures`
    std::fs::write(folder.join(format!("bad{EVIL}.jsonl")), b"{\"text\": ").unwrap();
    folder
}

#[test]
fn no_raw_control_reaches_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let folder = corpus(dir.path());
    let r = run(&db, &["ingest", folder.to_str().unwrap()]);
    assert_eq!(r.code, 1, "one input fails: {}", r.stderr);
    clean("ingest", &r);
    // the failing input is named, escaped, on one line of its own
    let errors = error_lines(&r.stderr);
    assert_eq!(errors.len(), 1, "{}", r.stderr);
    assert!(
        errors[0].contains("bad\\x1b[31m") && errors[0].contains("\\nerror: forged\\u{202e}"),
        "{}",
        errors[0]
    );
    let articles = run(&db, &["articles"]);
    assert_eq!(articles.code, 0, "{}", articles.stderr);
    clean("articles", &articles);
    assert!(
        articles.stdout.contains("Wire\\x1b[31m"),
        "{}",
        articles.stdout
    );
    let show = run(&db, &["show", "1"]);
    assert_eq!(show.code, 0, "{}", show.stderr);
    clean("show", &show);
    // the url is escaped; the article's own paragraph break is kept
    assert!(
        show.stdout.contains("https://evil.example/1\\x1b[31m"),
        "{}",
        show.stdout
    );
    assert!(
        show.stdout
            .lines()
            .any(|l| l.starts_with("A second paragraph")),
        "{}",
        show.stdout
    );
    for args in [
        &["failures"][..],
        &["incidents"],
        &["reports"],
        &["tallies"],
        &["developments"],
        &["tally", "--check"],
        &["status"],
        &["extract"],
    ] {
        let r = run(&db, args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        clean(&format!("{args:?}"), &r);
    }
    // JSON: the C1 and bidi controls serde leaves raw are `\uXXXX` escapes, the same value
    for args in [
        &["articles", "--json"][..],
        &["show", "1", "--json"],
        &["failures", "--json"],
        &["incidents", "--json"],
        &["tallies", "--json"],
    ] {
        let r = run(&db, args);
        assert_eq!(r.code, 0, "{args:?}: {}", r.stderr);
        clean(&format!("{args:?}"), &r);
        serde_json::from_str::<serde_json::Value>(&r.stdout).unwrap();
    }
    let listed = common::articles(&db);
    assert_eq!(listed[0]["outlet"], format!("Wire{EVIL}"));
    let failures = run(&db, &["failures"]);
    assert!(
        failures.stdout.contains("bad\\x1b[31m"),
        "{}",
        failures.stdout
    );
}

#[test]
fn error_lines_name_hostile_paths_escaped() {
    let dir = tempfile::tempdir().unwrap();
    // a store in a folder that does not exist: the error names the path
    let db = dir.path().join(format!("no{EVIL}/s.db"));
    let r = run(&db, &["articles"]);
    assert_ne!(r.code, 0);
    clean("articles on a missing store", &r);
    // a missing input named on the command line (the ingest creates the store)
    let db = dir.path().join(format!("s{EVIL}.db"));
    let r = run(&db, &["ingest", &format!("missing{EVIL}.html")]);
    clean("ingest of a missing file", &r);
    assert_eq!(error_lines(&r.stderr).len(), 1, "{}", r.stderr);
    let r = run(&db, &["show", "7"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    clean("show of a missing article", &r);
    assert!(
        r.stderr.starts_with("error: no article with id 7"),
        "{}",
        r.stderr
    );
    // `--outlet` and `--title` given on the command line, read from standard input
    let r = run_with_stdin(
        &db,
        &[
            "ingest",
            "-",
            "--outlet",
            EVIL,
            "--title",
            EVIL,
            "--url",
            &format!("https://e.example/{EVIL}"),
        ],
        Some(b"The navy struck a vessel in the Pacific on Monday, killing two people."),
    );
    clean("ingest from stdin", &r);
    for args in [
        &["articles"][..],
        &["show", "1"],
        &[
            "export",
            "--format",
            "csv",
            "-o",
            &format!("{}/x{EVIL}.csv", dir.path().display()),
        ],
    ] {
        let r = run(&db, args);
        clean(&format!("{args:?}"), &r);
    }
}

#[test]
fn usage_errors_quote_arguments_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    for args in [
        &["articles", "--limit", &format!("1{EVIL}")][..],
        &[&format!("bogus{EVIL}")],
        &["incidents", "--from", EVIL],
    ] {
        let r = run(&db, args);
        assert_eq!(r.code, 2, "{args:?}: {}", r.stderr);
        clean(&format!("{args:?}"), &r);
        // the argument is quoted, escaped (`\x1b` by us, `\u{1b}` by a Debug quote)
        assert!(
            r.stderr.contains("\\x1b[31m") || r.stderr.contains("\\u{1b}[31m"),
            "{args:?}: {}",
            r.stderr
        );
    }
}
