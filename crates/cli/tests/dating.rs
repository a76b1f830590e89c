//! Undated articles placed in time by the corpus: an article with no publication date and no
//! dateline, whose dates are written without a year, gets the year that the dated articles'
//! running totals point to — whatever order the articles arrive in — and no estimate when
//! the corpus cannot bracket its total. All texts are written for this test.

mod common;

use std::path::Path;

use common::*;
use serde_json::Value;

fn line(id: &str, published: Option<&str>, text: &str) -> String {
    serde_json::json!({
        "url": format!("https://example.org/{id}"),
        "outlet": "example.org",
        "lang": "en",
        "published": published,
        "title": id,
        "text": text,
    })
    .to_string()
}

fn dated() -> Vec<String> {
    vec![
        line(
            "d1",
            Some("2025-11-03"),
            "The navy sank a speedboat in the Caribbean on Saturday, killing two people. The campaign has now killed at least 61 people.",
        ),
        line(
            "d2",
            Some("2025-12-02"),
            "A strike on a boat in the eastern Pacific killed three people on Monday. The death toll of the campaign stands at 84.",
        ),
    ]
}

fn undated(total: i64) -> String {
    line(
        "u1",
        None,
        &format!(
            "A timeline of the boat strikes. Two further strikes hit boats in the Caribbean on Oct. 6 and 9, killing two people in each. The campaign has killed {total} people so far."
        ),
    )
}

fn ingest(db: &Path, dir: &Path, name: &str, lines: &[String]) {
    let f = dir.join(name);
    std::fs::write(&f, lines.join("\n") + "\n").unwrap();
    let r = run(db, &["ingest", f.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
}

fn strike_days(db: &Path) -> Vec<String> {
    json(db, &["incidents", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["event_type"] == "strike")
        .filter_map(|i| i["date"].as_str().map(String::from))
        .collect()
}

/// Whether some stored date claim was resolved by `rule`.
fn date_rule_seen(db: &Path, rule: &str) -> bool {
    json(db, &["reports", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .any(|r| {
            r["claims"]
                .as_array()
                .unwrap()
                .iter()
                .any(|c| c["field"] == "date" && c["rule"] == rule)
        })
}

#[test]
fn an_undated_article_takes_its_year_from_the_corpus_totals_in_any_order() {
    let dir = tempfile::tempdir().unwrap();
    // all at once
    let a = dir.path().join("a.db");
    let mut all = dated();
    all.push(undated(70));
    ingest(&a, dir.path(), "all.jsonl", &all);
    let days = strike_days(&a);
    assert!(days.contains(&"2025-10-06".to_string()), "{days:?}");
    assert!(days.contains(&"2025-10-09".to_string()), "{days:?}");
    // the undated article first, the dated ones later: the same ledger
    let b = dir.path().join("b.db");
    ingest(&b, dir.path(), "u.jsonl", &[undated(70)]);
    assert!(
        !strike_days(&b).iter().any(|d| d.ends_with("-10-06")),
        "no year without a corpus to date it"
    );
    ingest(&b, dir.path(), "d.jsonl", &dated());
    let la = json(&a, &["incidents", "--json"]);
    let lb = json(&b, &["incidents", "--json"]);
    let ids = |v: &Value| {
        let mut x: Vec<(String, String)> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|i| (i["id"].to_string(), i["date"].to_string()))
            .collect();
        x.sort();
        x
    };
    assert_eq!(ids(&la), ids(&lb));
    // the date claims say where the year came from
    assert!(date_rule_seen(
        &a,
        "date.explicit.month_day.year_from_reference"
    ));
}

#[test]
fn a_total_the_corpus_cannot_bracket_gives_no_estimate() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("c.db");
    let mut all = dated();
    all.push(undated(140));
    ingest(&db, dir.path(), "all.jsonl", &all);
    // no estimate from the total: the only year is the one the corpus's span gives (Oct. 6
    // falls in the month before its first dated article)
    assert!(!date_rule_seen(
        &db,
        "date.explicit.month_day.year_from_reference"
    ));
    assert!(date_rule_seen(
        &db,
        "date.explicit.month_day.year_from_span"
    ));
    let days = strike_days(&db);
    assert!(days.iter().any(|d| d == "2025-10-06"), "{days:?}");
}

#[test]
fn a_lead_weekday_is_dated_when_the_corpus_totals_leave_a_short_window() {
    let dir = tempfile::tempdir().unwrap();
    let mut dated = dated();
    dated.push(line(
        "d3",
        Some("2025-11-06"),
        "Officials said the strikes have killed 66 people since September.",
    ));
    dated.push(line(
        "d4",
        Some("2025-11-14"),
        "Another boat was struck in the eastern Pacific on Friday, killing two. The toll of the campaign rose to 72.",
    ));
    // 70 was reached after Nov 6 (66) and by Nov 14 (72): one Thursday, Nov 13
    let lead = line(
        "u2",
        None,
        "A U.S. strike on a boat in the Caribbean on Thursday killed four people, bringing the death toll of the campaign to 70.",
    );
    let a = dir.path().join("a.db");
    let mut all = dated.clone();
    all.push(lead.clone());
    ingest(&a, dir.path(), "all.jsonl", &all);
    let days = strike_days(&a);
    assert!(days.contains(&"2025-11-13".to_string()), "{days:?}");
    assert!(
        date_rule_seen(&a, "date.rel.weekday.publication_estimated"),
        "the date says it rests on an estimate"
    );
    // the undated article first: undated until the corpus brackets it, then the same
    let b = dir.path().join("b.db");
    ingest(&b, dir.path(), "u.jsonl", &[lead]);
    assert!(!strike_days(&b).contains(&"2025-11-13".to_string()));
    ingest(&b, dir.path(), "d.jsonl", &dated);
    assert_eq!(strike_days(&b).len(), days.len());
    assert!(strike_days(&b).contains(&"2025-11-13".to_string()));
}

#[test]
fn the_count_of_strikes_narrows_the_window_the_toll_leaves() {
    let dir = tempfile::tempdir().unwrap();
    let mut all = dated();
    // the toll alone leaves Nov 4 to Dec 2 (61 then 84); the count of strikes leaves
    // Nov 21 to Nov 27 (19 then 20): one Thursday, Nov 27
    all.push(line(
        "c1",
        Some("2025-11-20"),
        "The military has carried out 19 strikes on boats since September.",
    ));
    all.push(line(
        "c2",
        Some("2025-11-27"),
        "The military has carried out 20 strikes on boats since September.",
    ));
    all.push(line(
        "u3",
        None,
        "A strike on a boat in the Caribbean killed two people on Thursday. Since September the campaign has carried out 20 strikes and killed 70 people.",
    ));
    let db = dir.path().join("a.db");
    ingest(&db, dir.path(), "all.jsonl", &all);
    let days = strike_days(&db);
    assert!(days.contains(&"2025-11-27".to_string()), "{days:?}");
    // with the toll alone the window is four weeks long: no day
    let mut toll_only = dated();
    toll_only.push(line(
        "u3",
        None,
        "A strike on a boat in the Caribbean killed two people on Thursday. Since September the campaign has killed 70 people.",
    ));
    let db = dir.path().join("b.db");
    ingest(&db, dir.path(), "all.jsonl", &toll_only);
    assert!(!strike_days(&db).contains(&"2025-11-27".to_string()));
}
