//! A figure's quote is the sentence that holds it. Over the sample corpus, every value of
//! every figure of every incident is quoted by `show inc-... --json`, `/api/incidents/{id}`
//! and the incident page with the sentence its claim's byte span lies in: the quote holds
//! the value's words, never only a headline that names the strike and not the toll.

mod common;

use std::collections::HashMap;

use common::{get, json, root, run, start_serve};

fn sample_store(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("sample.db");
    let r = run(&db, &["ingest", root().join("examples").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    db
}

/// Maud escapes these in text; the page's quotes are compared after undoing it.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[test]
fn every_displayed_quote_of_a_figure_holds_the_figures_words() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let incidents = json(&db, &["incidents", "--json"]);
    let incidents = incidents.as_array().unwrap();
    let mut texts: HashMap<i64, String> = HashMap::new();
    let mut text_of = |a: i64| -> String {
        texts
            .entry(a)
            .or_insert_with(|| {
                json(&db, &["show", &a.to_string(), "--json"])["text"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .clone()
    };
    let (mut values, mut quoted, mut headline_only) = (0, 0, 0);
    let served = start_serve(&db, &[]);
    for inc in incidents {
        let id = inc["id"].as_str().unwrap();
        let shown = json(&db, &["show", id, "--json"]);
        let quotes = shown["value_quotes"].as_array().expect("value_quotes");
        for q in quotes {
            let (text, quote) = (text_of(q["article_id"].as_i64().unwrap()), &q["quote"]);
            let at = |k: &str, n: usize| q[k][n].as_u64().unwrap() as usize;
            // the quote is the sentence the claim's span lies in, and holds its words
            assert_eq!(text[at("sentence", 0)..at("sentence", 1)], *quote);
            assert!(at("sentence", 0) <= at("span", 0) && at("span", 1) <= at("sentence", 1));
            assert_eq!(text[at("span", 0)..at("span", 1)], q["surface"], "{q}");
            assert!(quote
                .as_str()
                .unwrap()
                .contains(q["surface"].as_str().unwrap()));
        }
        for (name, fig) in shown["figures"].as_object().unwrap() {
            for v in fig["values"].as_array().into_iter().flatten() {
                values += 1;
                let mine: Vec<&serde_json::Value> = quotes
                    .iter()
                    .filter(|q| {
                        q["figure"] == name.as_str()
                            && (&q["low"], &q["best"], &q["high"])
                                == (&v["low"], &v["best"], &v["high"])
                    })
                    .collect();
                assert!(!mine.is_empty(), "{id} {name} {v}: no quote");
                quoted += 1;
                let surfaces: Vec<&str> = v["surfaces"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s.as_str().unwrap())
                    .collect();
                for q in &mine {
                    assert!(surfaces.contains(&q["surface"].as_str().unwrap()), "{q}");
                }
                // what the sources' quotes alone would have shown for this value
                let anchors_hold = v["report_ids"].as_array().unwrap().iter().all(|r| {
                    shown["sources"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .filter(|s| s["report_id"] == *r)
                        .all(|s| {
                            surfaces
                                .iter()
                                .any(|w| s["quote"].as_str().unwrap().contains(w))
                        })
                });
                if !anchors_hold {
                    headline_only += 1;
                }
            }
        }
        // the API gives the same quotes as the CLI
        let (head, body) = get(&served.addr, &format!("/api/incidents/{id}"));
        assert!(
            head.starts_with("HTTP/1.1 200") || head.starts_with("HTTP/1.0 200"),
            "{head}"
        );
        let api: serde_json::Value = serde_json::from_str(&body).unwrap();
        assert_eq!(api["value_quotes"], shown["value_quotes"], "{id}");
        // the page: every value's quote marks one of the value's words
        let (_, page) = get(&served.addr, &format!("/incidents/{id}"));
        let blocks: Vec<&str> = page
            .split("<blockquote class=\"vquote\"")
            .skip(1)
            .map(|b| b.split("</blockquote>").next().unwrap())
            .collect();
        let figures = shown["figures"].as_object().unwrap();
        let expected = quotes
            .iter()
            .map(|q| {
                (
                    q["figure"].to_string(),
                    q["low"].to_string(),
                    q["best"].to_string(),
                    q["high"].to_string(),
                    q["quote"].to_string(),
                )
            })
            .collect::<std::collections::BTreeSet<_>>()
            .len();
        assert_eq!(blocks.len(), expected, "{id}: one quote a sentence a value");
        for b in blocks {
            let figure = b
                .split("data-figure=\"")
                .nth(1)
                .and_then(|x| x.split('"').next())
                .unwrap();
            let marked = b
                .split("<mark")
                .nth(1)
                .and_then(|m| m.split_once('>'))
                .map(|(_, rest)| unescape(rest.split("</mark>").next().unwrap()))
                .unwrap_or_else(|| panic!("{id}: a quote with no mark: {b}"));
            let words: Vec<&str> = figures[figure]["values"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|v| v["surfaces"].as_array().unwrap())
                .map(|s| s.as_str().unwrap())
                .collect();
            assert!(
                words.contains(&marked.as_str()),
                "{id} {figure}: {marked:?} in {b}"
            );
        }
    }
    assert!(values > 20 && quoted == values, "{quoted} of {values}");
    // the sample corpus has values whose reports' anchor sentences lack them (headlines):
    // what this test guards against
    assert!(headline_only > 0, "no value is quoted only by a headline");
}

/// The readable page prints each value's sentence under the value, once, with the articles
/// that hold it.
#[test]
fn the_incident_view_prints_the_sentence_holding_each_value() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let incidents = json(&db, &["incidents", "--json"]);
    let mut printed = 0;
    for inc in incidents.as_array().unwrap() {
        let id = inc["id"].as_str().unwrap();
        let shown = json(&db, &["show", id, "--json"]);
        let page = run(&db, &["show", id]);
        assert_eq!(page.code, 0, "{}", page.stderr);
        for q in shown["value_quotes"].as_array().unwrap() {
            let quote = q["quote"].as_str().unwrap();
            if quote.chars().any(|c| c.is_control()) {
                continue;
            }
            let start = format!("      \"{quote}\" (article");
            let lines: Vec<&str> = page
                .stdout
                .lines()
                .filter(|l| l.starts_with(&start))
                .collect();
            assert!(!lines.is_empty(), "{id}: {start} not in {}", page.stdout);
            let article = format!("#{}", q["article_id"]);
            assert!(
                lines.iter().any(|l| l
                    .rsplit_once(" (")
                    .unwrap()
                    .1
                    .trim_end_matches(')')
                    .split(", ")
                    .any(|a| a
                        .trim_start_matches("articles ")
                        .trim_start_matches("article ")
                        == article)),
                "{id}: {article} not among {lines:?}"
            );
            printed += 1;
        }
    }
    assert!(printed > 0);
}
