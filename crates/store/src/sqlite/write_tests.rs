//! The write path: reports stored with their articles, and the LSH band index kept in
//! memory and written in runs, tested against the plain ways of doing the same.

use super::*;
use crate::NewArticle;
use sw_dedup::BANDS;
use sw_model::{Article, Lang};

fn raw(locator: &str) -> RawInput {
    RawInput {
        locator: locator.into(),
        format: Some("text".into()),
        bytes: locator.as_bytes().to_vec(),
        meta: None,
    }
}

fn art(item: u32, url: &str, text: &str) -> NewArticle {
    NewArticle {
        item,
        article: Article {
            url: Some(url.into()),
            lang: Lang::En,
            text: text.into(),
            ..Default::default()
        },
        signature: Signature::of(text),
    }
}

fn parsed(articles: Vec<NewArticle>) -> Finish {
    Finish::Parsed {
        articles,
        warnings: vec![],
    }
}

/// A text of 60 words drawn from 400 by a generator seeded with `seed`: texts of two seeds
/// share almost no 5-word shingle, so each starts a story of its own.
fn text(seed: u64) -> String {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    (0..60)
        .map(|_| {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            format!("w{}", (x >> 33) % 400)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn report(kind: &str, n: usize) -> ReportRow {
    ReportRow {
        kind: kind.into(),
        event_type: "strike".into(),
        modality: "reported".into(),
        date: Some(format!("2025-10-{:02}", n + 1)),
        json: format!("{{\"kind\":\"{kind}\",\"n\":{n}}}"),
    }
}

/// Everything a reader sees of the stored reports, and what is left to extract.
fn reports_seen(s: &SqliteStore) -> (Vec<StoredReport>, i64, Vec<ArticleId>, Vec<Option<String>>) {
    let mut all = Vec::new();
    s.reports(ReportFilter::default(), &mut |r| {
        all.push(r);
        true
    })
    .unwrap();
    let todo = s
        .to_extract("v1", false, 0, 100)
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    let mut stmt = s
        .conn
        .prepare("SELECT extracted_version FROM articles ORDER BY id")
        .unwrap();
    let versions = stmt
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|v| v.unwrap())
        .collect();
    (all, s.reports_generation().unwrap(), todo, versions)
}

/// Articles and their reports written in one transaction give what writing the articles,
/// then their reports, gave: the same reports, ids, generation and extraction marks; an
/// article without a list of reports (a heavy batch's) is left to the extraction pass, and a
/// duplicate gets none.
#[test]
fn reports_stored_with_their_articles_read_back_as_when_stored_after() {
    let batch = |ids: &[InputId]| {
        vec![
            (
                ids[0],
                parsed(vec![
                    art(0, "https://a.example/1", &text(1)),
                    art(1, "https://a.example/1", &text(1)), // duplicate
                    art(2, "https://a.example/2", &text(2)),
                ]),
            ),
            (ids[1], Finish::Failed("broken".into())),
            (
                ids[2],
                parsed(vec![art(0, "https://c.example/1", &text(3))]),
            ),
        ]
    };
    let reports = vec![
        vec![
            vec![report("event", 0), report("tally", 1)],
            vec![report("event", 9)],
            vec![],
        ],
        vec![],
        vec![], // input 2's article was not extracted
    ];
    let raws = [raw("a"), raw("b"), raw("c")];

    let mut together = SqliteStore::open_in_memory().unwrap();
    let ids: Vec<InputId> = together
        .admit(&raws)
        .unwrap()
        .iter()
        .map(|a| a.id())
        .collect();
    let out_together = together
        .finish_extracted(batch(&ids), 0.8, "v1", &reports)
        .unwrap();

    let mut after = SqliteStore::open_in_memory().unwrap();
    after.admit(&raws).unwrap();
    let out_after = after.finish(batch(&ids), 0.8).unwrap();
    let mut extracted = Vec::new();
    for (per_input, rows) in out_after.iter().zip(&reports) {
        for (o, rows) in per_input.iter().zip(rows) {
            if let Outcome::New { id, .. } = o {
                extracted.push((*id, rows.clone()));
            }
        }
    }
    after.put_reports("v1", extracted).unwrap();

    assert_eq!(out_together, out_after);
    assert!(matches!(out_together[0][1], Outcome::Duplicate { .. }));
    let seen = reports_seen(&together);
    assert_eq!(seen, reports_seen(&after));
    assert_eq!(seen.0.len(), 2, "the duplicate's list is not stored");
    let fresh = SqliteStore::open_in_memory()
        .unwrap()
        .reports_generation()
        .unwrap();
    assert_eq!(seen.1, fresh + 1, "one bump of the generation");
    assert_eq!(
        seen.2,
        vec![3],
        "the article without a list is left to extract"
    );
    assert_eq!(
        seen.3,
        vec![Some("v1".to_string()), Some("v1".to_string()), None]
    );
    // nothing extracted: the generation stays
    let mut none = SqliteStore::open_in_memory().unwrap();
    let ids: Vec<InputId> = none.admit(&raws).unwrap().iter().map(|a| a.id()).collect();
    none.finish_extracted(batch(&ids), 0.8, "v1", &[]).unwrap();
    assert_eq!(none.reports_generation().unwrap(), fresh);
}

/// The batches of the band test: new stories, and near copies of earlier ones (the last word
/// changed), one article a batch.
fn band_batches() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for i in 0..16u64 {
        out.push((format!("https://new.example/{i}"), text(i)));
        if i % 2 == 1 {
            let of = text(i / 2);
            let near = format!("{} changed", of.rsplit_once(' ').unwrap().0);
            out.push((format!("https://copy.example/{i}"), near));
        }
    }
    out
}

/// Where one in-memory store, finishing `batches` one by one, places each batch's article:
/// the placements every other way of writing them must match.
fn placed_one_by_one(batches: &[(String, String)]) -> Vec<Vec<Vec<Outcome>>> {
    let mut reference = SqliteStore::open_in_memory().unwrap();
    batches
        .iter()
        .enumerate()
        .map(|(i, (url, t))| {
            let id = reference.admit(&[raw(&i.to_string())]).unwrap()[0].id();
            reference
                .finish(vec![(id, parsed(vec![art(0, url, t)]))], 0.8)
                .unwrap()
        })
        .collect()
}

fn lsh_rows(path: &Path) -> (i64, String) {
    let c = Connection::open(path).unwrap();
    let n = c
        .query_row("SELECT count(*) FROM lsh_bands", [], |r| r.get(0))
        .unwrap();
    let through = c
        .query_row(
            "SELECT value FROM state WHERE key = 'lsh_indexed_through'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (n, through)
}

/// Band entries held in memory, written in runs, lost with a connection that died, or
/// written by another connection to the same store place every article where one
/// connection holding them all places it; when the last connection closes, the table holds
/// every entry.
#[test]
fn band_entries_in_memory_in_runs_or_lost_place_articles_alike() {
    let batches = band_batches();
    let expected = placed_one_by_one(&batches);
    assert!(
        expected
            .iter()
            .filter(|o| matches!(
                o[0][0],
                Outcome::New {
                    copy_of: Some(_),
                    ..
                }
            ))
            .count()
            == 8,
        "every near copy is found: {expected:?}"
    );

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let open = || {
        let mut s = SqliteStore::open(&path).unwrap();
        s.bands.flush_at = 40; // a run every third new story
        s
    };
    let (mut a, mut b) = (open(), open());
    let mut got = Vec::new();
    for (i, (url, t)) in batches.iter().enumerate() {
        if i == 11 {
            // a writer dies with entries pending: the others derive them from the articles
            std::mem::forget(std::mem::replace(&mut a, open()));
        }
        let s = if i % 3 == 0 { &mut b } else { &mut a };
        let id = s.admit(&[raw(&i.to_string())]).unwrap()[0].id();
        got.push(
            s.finish(vec![(id, parsed(vec![art(0, url, t)]))], 0.8)
                .unwrap(),
        );
    }
    assert_eq!(got, expected);
    drop((a, b));
    let (rows, through) = lsh_rows(&path);
    assert_eq!(
        rows,
        16 * BANDS as i64,
        "one entry a band for each new story"
    );
    assert_eq!(through, batches.len().to_string());
}

/// One big batch (a feed of many stories in one transaction) writes its band entries in runs
/// as they fill, each ending with an article, so it never holds more than a run and one
/// article's entries; the table then covers exactly the articles of its runs, and the
/// batches after it find copies of stories in the table and of those still held.
#[test]
fn a_big_batch_writes_runs_as_they_fill() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut s = SqliteStore::open(&path).unwrap();
    s.bands.flush_at = 40; // a run at the end of every third new story
    let id = s.admit(&[raw("feed")]).unwrap()[0].id();
    let articles = (0..10)
        .map(|i| art(i as u32, &format!("https://feed.example/{i}"), &text(i)))
        .collect();
    let out = s.finish(vec![(id, parsed(articles))], 0.8).unwrap();
    assert_eq!(out[0].len(), 10);
    // 10 stories of 16 entries: three runs of 48 (after stories 3, 6 and 9), 16 held
    assert_eq!(s.bands.len(), BANDS, "held after the last run");
    let c = Connection::open(&path).unwrap();
    let rows: i64 = c
        .query_row("SELECT count(*) FROM lsh_bands", [], |r| r.get(0))
        .unwrap();
    let through: String = c
        .query_row(
            "SELECT value FROM state WHERE key = 'lsh_indexed_through'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    drop(c);
    assert_eq!((rows, through.as_str()), (9 * BANDS as i64, "9"));
    for (n, seed) in [(0u64, 2), (1, 9)] {
        // a near copy of a story in the table (2), then of the one still held (9)
        let of = text(seed);
        let near = format!("{} changed", of.rsplit_once(' ').unwrap().0);
        let id = s.admit(&[raw(&format!("copy{n}"))]).unwrap()[0].id();
        let out = s
            .finish(
                vec![(id, parsed(vec![art(0, "https://copy.example/", &near)]))],
                0.8,
            )
            .unwrap();
        assert!(
            matches!(out[0][0], Outcome::New { copy_of: Some(c), .. } if c == seed as i64 + 1),
            "copy of story {seed}: {out:?}"
        );
    }
    drop(s);
    assert_eq!(lsh_rows(&path), (10 * BANDS as i64, "12".to_string()));
}

/// A store made before the band index was written in runs has every entry in the table: the
/// migration records that, and the next ingest finds copies of its stories.
#[test]
fn a_store_from_before_the_runs_keeps_its_band_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let mut s = SqliteStore::open(&path).unwrap();
    let id = s.admit(&[raw("0")]).unwrap()[0].id();
    s.finish(
        vec![(id, parsed(vec![art(0, "https://a/0", &text(0))]))],
        0.8,
    )
    .unwrap();
    drop(s);
    let c = Connection::open(&path).unwrap();
    c.execute_batch(
        "DELETE FROM state WHERE key = 'lsh_indexed_through'; PRAGMA user_version = 5;",
    )
    .unwrap();
    drop(c);
    let mut s = SqliteStore::open(&path).unwrap();
    let near = format!("{} changed", text(0).rsplit_once(' ').unwrap().0);
    let id = s.admit(&[raw("1")]).unwrap()[0].id();
    let out = s
        .finish(vec![(id, parsed(vec![art(0, "https://a/1", &near)]))], 0.8)
        .unwrap();
    assert!(
        matches!(
            out[0][0],
            Outcome::New {
                copy_of: Some(1),
                ..
            }
        ),
        "{out:?}"
    );
    assert_eq!(
        s.bands.len(),
        0,
        "the stored story's entries were not derived again"
    );
    drop(s);
    assert_eq!(lsh_rows(&path), (BANDS as i64, "1".to_string()));
}

/// Stores one article with `reports` (as JSON strings) and returns the store.
fn store_with_reports(path: Option<&Path>, reports: &[String]) -> SqliteStore {
    let mut s = match path {
        Some(p) => SqliteStore::open(p).unwrap(),
        None => SqliteStore::open_in_memory().unwrap(),
    };
    let id = s.admit(&[raw("a")]).unwrap()[0].id();
    let rows = vec![vec![reports
        .iter()
        .map(|json| ReportRow {
            json: json.clone(),
            ..report("event", 0)
        })
        .collect()]];
    s.finish_extracted(
        vec![(id, parsed(vec![art(0, "https://a/", &text(0))]))],
        0.8,
        "v1",
        &rows,
    )
    .unwrap();
    s
}

fn jsons(s: &SqliteStore) -> (Vec<String>, Vec<String>) {
    let mut by_filter = Vec::new();
    s.reports(ReportFilter::default(), &mut |r| {
        by_filter.push(r.json);
        true
    })
    .unwrap();
    let mut after = Vec::new();
    s.reports_after(0, &mut |r| {
        after.push(r.json);
        true
    })
    .unwrap();
    (by_filter, after)
}

fn stored_types(s: &SqliteStore) -> Vec<String> {
    let mut stmt = s
        .conn
        .prepare("SELECT typeof(json) FROM reports ORDER BY id")
        .unwrap();
    let types = stmt.query_map([], |r| r.get(0)).unwrap();
    types.map(|t| t.unwrap()).collect()
}

/// Reports of every shape: long and repetitive, short, non-ASCII, escapes, empty.
fn sample_jsons() -> Vec<String> {
    let long = format!(
        "{{\"kind\":\"event\",\"sources\":[{}]}}",
        (0..40)
            .map(|i| format!("{{\"name\":\"Ministerio de Defensa\",\"quote\":\"ataque n.º {i}\"}}"))
            .collect::<Vec<_>>()
            .join(",")
    );
    vec![
        long,
        "{}".to_string(),
        "{\"place\":\"Ḩaḑramawt – الحديدة\",\"q\":\"\\\"quoted\\\"\\n\"}".to_string(),
        String::new(),
    ]
}

/// Reports are stored packed, smaller, and every reader gets back exactly the JSON given.
#[test]
fn reports_are_stored_packed_and_read_back_exactly() {
    let given = sample_jsons();
    let s = store_with_reports(None, &given);
    assert_eq!(jsons(&s), (given.clone(), given.clone()));
    assert_eq!(stored_types(&s), vec!["blob"; given.len()]);
    let long_stored: i64 = s
        .conn
        .query_row(
            "SELECT length(json) FROM reports ORDER BY id LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        (long_stored as usize) < given[0].len() / 4,
        "{long_stored} bytes"
    );
    // put_reports packs too
    let mut s = s;
    s.put_reports(
        "v2",
        vec![(
            1,
            given
                .iter()
                .rev()
                .map(|j| ReportRow {
                    json: j.clone(),
                    ..report("tally", 1)
                })
                .collect(),
        )],
    )
    .unwrap();
    let reversed: Vec<String> = given.iter().rev().cloned().collect();
    assert_eq!(jsons(&s), (reversed.clone(), reversed));
    assert_eq!(stored_types(&s), vec!["blob"; given.len()]);
}

/// A store whose reports were written as text is packed by the migration, and reads back
/// the same JSON.
#[test]
fn the_migration_packs_the_reports_of_an_older_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let given = sample_jsons();
    drop(store_with_reports(Some(&path), &given));
    // as a store of schema 6 holds them: text
    let c = Connection::open(&path).unwrap();
    for (i, json) in given.iter().enumerate() {
        c.execute(
            "UPDATE reports SET json = ?2 WHERE idx = ?1",
            params![i as i64, json],
        )
        .unwrap();
    }
    c.pragma_update(None, "user_version", 6).unwrap();
    let types: Vec<String> = c
        .prepare("SELECT typeof(json) FROM reports ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|t| t.unwrap())
        .collect();
    assert_eq!(types, vec!["text"; given.len()]);
    // read as it is before the migration too
    drop(c);
    let s = SqliteStore::open(&path).unwrap();
    assert_eq!(s.schema_version().unwrap(), MIGRATIONS.len() as i64);
    assert_eq!(stored_types(&s), vec!["blob"; given.len()]);
    assert_eq!(jsons(&s), (given.clone(), given));
}

/// Batches grouped in one transaction ([`Store::group_batches`]) place every article where
/// batches committed one by one place it (band runs written inside the group included);
/// another connection sees none of the group until it is committed, then all of it; a writer
/// that dies with a group open leaves a store without any of that group (its inputs are
/// admitted again as new), and one that is dropped commits it.
#[test]
fn grouped_batches_place_alike_and_commit_together() {
    let batches = band_batches();
    let expected = placed_one_by_one(&batches);

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let articles = || {
        let r = SqliteStore::open_read_only(&path).unwrap();
        r.counts().unwrap().articles
    };
    let mut s = SqliteStore::open(&path).unwrap();
    s.bands.flush_at = 40;
    s.group_batches(1_000_000);
    let mut got = Vec::new();
    for (i, (url, t)) in batches.iter().enumerate() {
        let id = s.admit(&[raw(&i.to_string())]).unwrap()[0].id();
        got.push(
            s.finish(vec![(id, parsed(vec![art(0, url, t)]))], 0.8)
                .unwrap(),
        );
    }
    assert_eq!(got, expected);
    assert_eq!(
        articles(),
        0,
        "nothing of an open group is visible to others"
    );
    s.commit_batches().unwrap();
    assert_eq!(articles(), batches.len() as i64);
    drop(s);

    // a writer killed with a group open: nothing of it is stored
    let n = batches.len();
    let mut k = SqliteStore::open(&path).unwrap();
    k.group_batches(1_000_000);
    let id = k.admit(&[raw("late")]).unwrap()[0];
    assert!(matches!(id, Admission::New(_)));
    k.finish(vec![(id.id(), parsed(vec![art(0, "u", &text(999))]))], 0.8)
        .unwrap();
    let crashed = dir.path().join("crashed");
    std::fs::create_dir(&crashed).unwrap();
    for f in ["s.db", "s.db-wal"] {
        if dir.path().join(f).exists() {
            std::fs::copy(dir.path().join(f), crashed.join(f)).unwrap();
        }
    }
    drop(k); // dropped, not killed: its group is committed
    assert_eq!(articles(), n as i64 + 1);
    let mut c = SqliteStore::open(&crashed.join("s.db")).unwrap();
    assert_eq!(c.counts().unwrap().articles, n as i64);
    assert!(matches!(
        c.admit(&[raw("late")]).unwrap()[0],
        Admission::New(_)
    ));
    assert_eq!(c.integrity_check().unwrap(), "ok");
}
