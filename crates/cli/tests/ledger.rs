//! Extraction and the ledger through the CLI, on the bundled sample corpus and the gold set:
//! JSON contracts, provenance (every claim's span is its surface), plan-only articles yield no
//! occurred strike, order independence, rebuild equality, exports.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

/// A store holding the sample corpus, ingested (and extracted) once per test.
fn sample_store(dir: &Path) -> PathBuf {
    let db = dir.join("sample.db");
    let r = run(&db, &["ingest", root().join("examples").to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("extracted: 37 articles"), "{}", r.stdout);
    db
}

fn reports_of(db: &Path) -> Vec<Value> {
    json(db, &["reports", "--json", "--limit", "1000000"])
        .as_array()
        .unwrap()
        .clone()
}

/// Checks every claim of every report against the stored text of its article.
fn check_spans(db: &Path) -> usize {
    let mut texts: BTreeMap<i64, String> = BTreeMap::new();
    let mut checked = 0;
    for r in reports_of(db) {
        let art = r["article_id"].as_i64().unwrap();
        let text = texts.entry(art).or_insert_with(|| {
            json(db, &["show", &art.to_string(), "--json"])["text"]
                .as_str()
                .unwrap()
                .to_string()
        });
        for key in [
            "id",
            "article_id",
            "kind",
            "event_type",
            "modality",
            "date",
            "date_precision",
            "date_basis",
            "place",
            "figures",
            "actors",
            "claims",
        ] {
            assert!(r.get(key).is_some(), "report lacks {key}: {r}");
        }
        let sent = &r["sentence"];
        let (ss, se) = (
            sent[0].as_u64().unwrap() as usize,
            sent[1].as_u64().unwrap() as usize,
        );
        assert!(
            ss < se && se <= text.len(),
            "report sentence out of range: {r}"
        );
        for c in r["claims"].as_array().unwrap() {
            for key in [
                "field", "value", "surface", "span", "sentence", "source", "modality", "rule",
            ] {
                assert!(c.get(key).is_some(), "claim lacks {key}: {c}");
            }
            let (s, e) = (
                c["span"][0].as_u64().unwrap() as usize,
                c["span"][1].as_u64().unwrap() as usize,
            );
            let (cs, ce) = (
                c["sentence"][0].as_u64().unwrap() as usize,
                c["sentence"][1].as_u64().unwrap() as usize,
            );
            let surface = c["surface"].as_str().unwrap();
            assert_eq!(
                text.get(s..e),
                Some(surface),
                "article {art}: span {s}..{e} is not the surface of {c}"
            );
            assert!(cs <= s && e <= ce, "claim outside its sentence: {c}");
            assert!(
                c["source"]["kind"].is_string(),
                "claim without a source kind: {c}"
            );
            assert!(
                !c["rule"].as_str().unwrap().is_empty(),
                "claim without a rule: {c}"
            );
            checked += 1;
        }
    }
    checked
}

#[test]
fn every_claim_span_is_its_surface_on_the_sample_corpus_and_both_gold_sets() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let n = check_spans(&db);
    assert!(n > 200, "only {n} claims checked on the sample corpus");
    // the gold set's passages are JSONL lines with text, lang and published: they ingest as is
    let gold_db = dir.path().join("gold.db");
    let r = run(
        &gold_db,
        &[
            "ingest",
            root().join("tests/gold/gold.jsonl").to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let n = check_spans(&gold_db);
    assert!(n > 300, "only {n} claims checked on the gold set");
    // and the second gold set, beyond the boat campaign: perpetrators, attacks, references
    let world_db = dir.path().join("gold-world.db");
    let r = run(
        &world_db,
        &[
            "ingest",
            root().join("tests/gold/gold-world.jsonl").to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let n = check_spans(&world_db);
    assert!(n > 300, "only {n} claims checked on the second gold set");
}

#[test]
fn plan_only_articles_yield_no_occurred_strike_and_strike_articles_do() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let manifest: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(root().join("examples/MANIFEST.json")).unwrap(),
    )
    .unwrap();
    let arts = articles(&db);
    let reports = reports_of(&db);
    // the article a manifest entry describes, found by its input locator
    let article_for = |file: &str, item: u64| -> i64 {
        let hits: Vec<&Value> = arts
            .iter()
            .filter(|a| a["input"].as_str().unwrap().contains(file))
            .collect();
        let hit = if hits.len() == 1 {
            hits[0]
        } else {
            // several articles from one input: feed items share the input, JSONL lines and WARC
            // records have their own locator suffix
            let by_suffix: Vec<&&Value> = hits
                .iter()
                .filter(|a| {
                    let loc = a["input"].as_str().unwrap();
                    loc.ends_with(&format!(":{}", item + 1))
                        || loc.ends_with(&format!("#{}", item + 1))
                })
                .collect();
            if by_suffix.len() == 1 {
                by_suffix[0]
            } else {
                hits.get(item as usize)
                    .copied()
                    .unwrap_or_else(|| panic!("no article for {file}#{item}"))
            }
        };
        hit["id"].as_i64().unwrap()
    };
    let mut checked_plans = 0;
    let mut checked_strikes = 0;
    for m in &manifest {
        let file = m["file"].as_str().unwrap();
        let id = article_for(file, m["item"].as_u64().unwrap_or(0));
        let occurred_strikes = reports
            .iter()
            .filter(|r| {
                r["article_id"] == id
                    && r["kind"] == "event"
                    && r["event_type"] == "strike"
                    && r["modality"] == "occurred"
            })
            .count();
        if m["reports_strike"] == false {
            assert_eq!(
                occurred_strikes, 0,
                "{file} reports no strike, yet got an occurred strike report"
            );
            checked_plans += 1;
        } else {
            assert!(
                occurred_strikes > 0,
                "{file} reports a strike, but none was extracted"
            );
            checked_strikes += 1;
        }
    }
    assert!(
        checked_plans >= 8 && checked_strikes >= 20,
        "{checked_plans} plan-only, {checked_strikes} strike articles"
    );
}

#[test]
fn ledger_contracts_and_commands() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let incidents = json(&db, &["incidents", "--json"]);
    let incidents = incidents.as_array().unwrap();
    assert!(incidents.len() >= 15, "{} incidents", incidents.len());
    for i in incidents {
        for key in [
            "id",
            "event_type",
            "target_kind",
            "date",
            "date_precision",
            "place",
            "figures",
            "contested",
            "grade",
            "sources",
        ] {
            assert!(i.get(key).is_some(), "incident lacks {key}: {i}");
        }
        for key in [
            "name",
            "country",
            "region",
            "admin1",
            "lat",
            "lon",
            "precision",
        ] {
            assert!(
                i["place"].get(key).is_some(),
                "place lacks {key}: {}",
                i["place"]
            );
        }
        for f in ["killed", "injured", "survivors", "vessels"] {
            let v = &i["figures"][f];
            assert!(
                v.is_null()
                    || (v.get("low").is_some()
                        && v.get("best").is_some()
                        && v.get("high").is_some()),
                "{f}: {v}"
            );
        }
        let d = &i["date"];
        assert!(
            d.is_null() || [7, 10].contains(&d.as_str().unwrap().len()),
            "date format: {d}"
        );
        for s in i["sources"].as_array().unwrap() {
            for key in ["article_id", "url", "outlet", "published", "quote"] {
                assert!(s.get(key).is_some(), "source lacks {key}: {s}");
            }
            assert!(!s["quote"].as_str().unwrap().is_empty());
        }
    }
    // the first strike of the campaign: 11 killed, reported in both languages
    let first = incidents
        .iter()
        .find(|i| i["date"] == "2025-09-02" && i["event_type"] == "strike")
        .expect("an incident on 2025-09-02");
    assert_eq!(first["figures"]["killed"]["best"], 11, "{first}");
    let langs: std::collections::BTreeSet<&str> = first["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["lang"].as_str().unwrap())
        .collect();
    assert!(
        langs.contains("en") && langs.contains("es"),
        "merged across languages: {langs:?}"
    );
    // filters
    let october = json(
        &db,
        &[
            "incidents",
            "--json",
            "--from",
            "2025-10-01",
            "--to",
            "2025-10-31",
        ],
    );
    assert!(october
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["date"].as_str().unwrap_or("").starts_with("2025-10")));
    assert!(!october.as_array().unwrap().is_empty());
    let bad = run(&db, &["incidents", "--from", "October"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr.contains("\"October\" is not a date"),
        "{}",
        bad.stderr
    );

    let tallies = json(&db, &["tallies", "--json"]);
    let tallies = tallies.as_array().unwrap();
    assert!(tallies.len() >= 10);
    for t in tallies {
        for key in ["as_of", "strikes", "killed", "survivors", "source"] {
            assert!(t.get(key).is_some(), "tally lacks {key}: {t}");
        }
        for key in ["article_id", "url", "outlet", "quote"] {
            assert!(
                t["source"].get(key).is_some(),
                "tally source lacks {key}: {t}"
            );
        }
    }
    let gaps = json(&db, &["tally", "--check", "--json"]);
    assert!(!gaps.as_array().unwrap().is_empty());
    let devs = json(&db, &["developments", "--json"]);
    assert!(
        devs.as_array()
            .unwrap()
            .iter()
            .any(|d| d["event_type"] == "designation"),
        "{devs}"
    );

    // tables print without --json
    for cmd in [
        vec!["incidents"],
        vec!["tallies"],
        vec!["developments"],
        vec!["tally", "--check"],
        vec!["reports"],
    ] {
        let r = run(&db, &cmd);
        assert_eq!(r.code, 0, "{cmd:?}: {}", r.stderr);
        assert!(r.stdout.lines().count() > 3, "{cmd:?}: {}", r.stdout);
    }

    // show: claims highlighted and labelled
    let art = first["sources"][0]["article_id"].as_i64().unwrap();
    let page = run(&db, &["show", &art.to_string()]);
    assert!(page.stdout.contains("{killed=11"), "{}", page.stdout);
    let shown = json(&db, &["show", &art.to_string(), "--json"]);
    assert!(!shown["reports"].as_array().unwrap().is_empty());
}

#[test]
fn exports_parse_back_with_their_columns() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let n = json(&db, &["incidents", "--json"])
        .as_array()
        .unwrap()
        .len();
    for (format, must) in [
        ("csv", vec!["id", "date"]),
        (
            "acled",
            vec![
                "event_id_cnty",
                "event_date",
                "event_type",
                "sub_event_type",
                "fatalities",
                "geo_precision",
            ],
        ),
        (
            "ucdp",
            vec!["best", "low", "high", "date_start", "date_end"],
        ),
    ] {
        let out = dir.path().join(format!("x.{format}"));
        let r = run(
            &db,
            &["export", "--format", format, "-o", out.to_str().unwrap()],
        );
        assert_eq!(r.code, 0, "{format}: {}", r.stderr);
        let text = std::fs::read_to_string(&out).unwrap();
        let header: Vec<&str> = text.lines().next().unwrap().split(',').collect();
        for col in must {
            assert!(
                header.contains(&col),
                "{format} lacks column {col}: {header:?}"
            );
        }
        assert!(text.lines().count() > n / 2, "{format}: too few rows");
    }
    let r = run(&db, &["export", "--format", "geojson"]);
    let g: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(g["type"], "FeatureCollection");
    let features = g["features"].as_array().unwrap();
    assert!(!features.is_empty());
    assert!(features.iter().all(|f| f["geometry"]["type"] == "Point"));
    let acled = run(&db, &["export", "--format", "acled"]);
    assert!(
        acled.stdout.contains("Explosions/Remote violence"),
        "{}",
        acled.stdout
    );
    let j = run(&db, &["export", "--format", "json"]);
    assert!(serde_json::from_str::<Value>(&j.stdout).is_ok());
}

#[test]
fn the_ledger_does_not_depend_on_input_order_and_a_rebuild_gives_the_same_ledger() {
    let dir = tempfile::tempdir().unwrap();
    // every file of the sample corpus, named one by one, forwards and in a shuffled order
    let mut files: Vec<PathBuf> = walkdir(&root().join("examples"));
    files.retain(|p| {
        let n = p.to_string_lossy();
        !(n.ends_with(".md")
            || n.ends_with("MANIFEST.json")
            || n.ends_with(".py")
            || n.ends_with(".in")
            || n.ends_with(".meta.json"))
    });
    let forward: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
    let mut shuffled = forward.clone();
    // a fixed permutation (deterministic): reverse, then interleave halves
    shuffled.reverse();
    let half = shuffled.len() / 2;
    let (a, b) = shuffled.split_at(half);
    let shuffled: Vec<String> = b
        .iter()
        .zip(a.iter().chain(std::iter::repeat(&String::new())))
        .flat_map(|(x, y)| [x.clone(), y.clone()])
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(shuffled.len(), forward.len());

    let ledger_of = |name: &str, order: &[String]| -> (Value, Value, Value) {
        let db = dir.path().join(name);
        let mut args = vec!["ingest"];
        args.extend(order.iter().map(String::as_str));
        let r = run(&db, &args);
        assert_eq!(r.code, 0, "{}", r.stderr);
        (
            json(&db, &["incidents", "--json"]),
            json(&db, &["tallies", "--json"]),
            json(&db, &["developments", "--json"]),
        )
    };
    let one = ledger_of("one.db", &forward);
    let two = ledger_of("two.db", &shuffled);
    // ids of articles and reports differ between the stores; everything else must not
    assert_eq!(
        strip_ids(&one.0),
        strip_ids(&two.0),
        "incidents differ with input order"
    );
    assert_eq!(
        strip_ids(&one.1),
        strip_ids(&two.1),
        "tallies differ with input order"
    );
    assert_eq!(
        strip_ids(&one.2),
        strip_ids(&two.2),
        "developments differ with input order"
    );
    // incident ids are derived from content, so they agree too
    let ids = |v: &Value| {
        v.as_array()
            .unwrap()
            .iter()
            .map(|i| i["id"].clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&one.0), ids(&two.0));

    // a full rebuild (re-extract everything) gives the same ledger
    let db = dir.path().join("one.db");
    let r = run(&db, &["extract", "--all"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    // (report rows are re-inserted, so their ids change; nothing else may)
    assert_eq!(
        strip_ids(&json(&db, &["incidents", "--json"])),
        strip_ids(&one.0),
        "rebuild changed the ledger"
    );
    assert_eq!(
        ids(&json(&db, &["incidents", "--json"])),
        ids(&one.0),
        "rebuild changed incident ids"
    );
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walkdir(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Removes store-assigned row ids (article, report, story) so two stores can be compared.
fn strip_ids(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, _)| {
                    !matches!(
                        k.as_str(),
                        "article_id"
                            | "report_id"
                            | "story_id"
                            | "report_ids"
                            | "article_ids"
                            | "attached_report_ids"
                    )
                })
                .map(|(k, v)| (k.clone(), strip_ids(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(strip_ids).collect()),
        other => other.clone(),
    }
}

/// Words that mark a sentence as no telling of one event: a campaign or a series ("since the
/// strikes began", "the campaign"), or a plan, a threat or a condition. Test data, in the
/// test: the product must reach the same verdict by its own rules.
const NOT_AN_EVENT: &[&str] = &[
    "since the strikes",
    "since september",
    "since august",
    "of the campaign",
    "began deploying",
    "began in",
    "desde que",
    "desde septiembre",
    "de la campaña",
    "could ",
    "would ",
    "podría",
    "if it is approved",
    "si se aprueba",
    "plans to",
    "planea",
    "has been ordered",
    "threaten",
    "amenaz",
];

/// The incidents of the sample corpus, each with the sentence it rests on (its first source):
/// the list in `sample_incidents.txt` was read by a person, sentence by sentence, as telling
/// of a strike that happened. A change to the extractor or the ledger that adds, drops or
/// re-dates an incident, or rests one on another sentence, fails here until the list is
/// read again (`UPDATE_SAMPLE_INCIDENTS=1` rewrites it for that reading).
#[test]
fn every_sample_incident_rests_on_a_sentence_telling_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_store(dir.path());
    let incidents = json(&db, &["incidents", "--json"]);
    let mut lines = Vec::new();
    for i in incidents.as_array().unwrap() {
        let quote = i["sources"][0]["quote"]
            .as_str()
            .unwrap()
            .replace('\n', " ");
        let lower = quote.to_lowercase();
        for w in NOT_AN_EVENT {
            assert!(
                !lower.contains(w),
                "incident {} rests on a sentence that tells of no one event ({w:?}): {quote}",
                i["id"]
            );
        }
        assert_eq!(i["modality"], "occurred", "{i}");
        assert_ne!(
            i["date_precision"], "month",
            "a month makes no incident: {i}"
        );
        lines.push(format!(
            "{} {} killed={} | {}",
            i["date"].as_str().unwrap_or("-"),
            i["event_type"].as_str().unwrap(),
            i["figures"]["killed"]["best"],
            quote
        ));
    }
    let got = lines.join("\n") + "\n";
    let path = root().join("crates/cli/tests/sample_incidents.txt");
    if std::env::var_os("UPDATE_SAMPLE_INCIDENTS").is_some() {
        std::fs::write(&path, &got).unwrap();
    }
    let want = std::fs::read_to_string(&path).unwrap();
    assert!(
        got == want,
        "the sample corpus's incidents changed: read the new list, then rewrite it with \
         UPDATE_SAMPLE_INCIDENTS=1\n--- want\n{want}\n--- got\n{got}"
    );
}

/// `tally --check` says what agreed, not only what did not: a store whose one dated tally
/// matches the ledger reports that its figures agree (it said "no dated tallies to check").
#[test]
fn a_tally_check_that_finds_no_gap_says_what_agreed() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("a.txt");
    std::fs::write(
        &text,
        "Navy strike on Pacific boat kills four\n\n\
         WASHINGTON, March 4, 2026 (Harbor Wire) \u{2014} U.S. forces struck a boat in the eastern \
         Pacific on Tuesday, killing four people, the Southern Command said on Wednesday.\n\n\
         The strike was the first of the campaign, which has now killed four people in one \
         strike, according to a tally by Harbor Wire.\n",
    )
    .unwrap();
    let db = dir.path().join("s.db");
    let r = run(&db, &["ingest", text.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let check = run(&db, &["tally", "--check"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
    assert!(
        check
            .stdout
            .contains("2 of 2 figures from 1 dated tally agree with the ledger"),
        "{}",
        check.stdout
    );
    assert!(
        !check.stdout.contains("REPORTED"),
        "no gap table: {}",
        check.stdout
    );
    let gaps = json(&db, &["tally", "--check", "--json"]);
    assert_eq!(gaps, serde_json::json!([]));
}
