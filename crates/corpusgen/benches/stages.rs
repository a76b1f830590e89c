//! Per-stage throughput of the ingest pipeline on a generated corpus, single-threaded, so each
//! figure is the cost of one stage per core:
//!
//! | stage | what runs |
//! | --- | --- |
//! | decode-jsonl | `sw_ingest::parse` of JSONL lines (JSON, charset, metadata) |
//! | decode-html | `sw_ingest::parse` of HTML pages (decode, nesting check, body extraction) |
//! | normalise | `sw_text::Preparer::prepare` (NFC, boilerplate, language, datelines) |
//! | dedup | `sw_dedup::Signature::of` (MinHash over 5-word shingles) |
//! | extract | `sw_extract::Extractor::extract` (the extraction core) |
//! | store | `SqliteStore::admit` + `finish` in batches of 256 (a file on disk, WAL) |
//! | resolve | `sw_ledger::build` over every report (incident resolution, tallies) |
//!
//! `cargo bench -p sw-corpusgen --bench stages` (N articles from `BENCH_N`, default 10,000;
//! `BENCH_HTML_N` pages for decode-html, default N/10). Prints one line per stage:
//! articles/s, MB/s of the stage's input, and the time.

use std::time::Instant;

use sw_corpusgen::{Config, Corpus};
use sw_dedup::Signature;
use sw_ingest::{Limits, Unit, UnitMeta};
use sw_model::{Format, Lang};
use sw_store::{Finish, NewArticle, RawInput, SqliteStore, Store};

fn line(stage: &str, n: usize, bytes: usize, secs: f64) {
    println!(
        "{stage:<13} {n:>9} articles {:>10.0} articles/s {:>8.2} MB/s {:>8.2} s",
        n as f64 / secs,
        bytes as f64 / 1e6 / secs,
        secs
    );
}

fn main() {
    // `cargo bench` passes --bench; nothing else to parse
    let n: usize = std::env::var("BENCH_N")
        .ok()
        .and_then(|s| s.replace('_', "").parse().ok())
        .unwrap_or(10_000);
    let html_n: usize = std::env::var("BENCH_HTML_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or((n / 10).max(100));
    let corpus = Corpus::new(Config::default());
    let limits = Limits::default();
    println!("# stages, single thread, {n} articles ({html_n} HTML pages)");

    // decode: JSONL lines
    let units: Vec<Unit> = corpus
        .iter(0..n as u64)
        .map(|a| Unit {
            locator: format!("bench.jsonl:{}", a.index + 1),
            format: Format::Jsonl,
            bytes: a.to_jsonl().into_bytes(),
            meta: UnitMeta::default(),
        })
        .collect();
    let in_bytes: usize = units.iter().map(|u| u.bytes.len()).sum();
    let t = Instant::now();
    let docs: Vec<sw_model::Document> = units
        .iter()
        .flat_map(|u| sw_ingest::parse(u, &limits).unwrap().documents)
        .collect();
    line("decode-jsonl", n, in_bytes, t.elapsed().as_secs_f64());

    // decode: HTML pages (body extraction)
    let pages: Vec<Unit> = corpus
        .iter(0..html_n as u64)
        .map(|a| Unit {
            locator: format!("a{}.html", a.index),
            format: Format::Html,
            bytes: a.to_html().into_bytes(),
            meta: UnitMeta::default(),
        })
        .collect();
    let page_bytes: usize = pages.iter().map(|u| u.bytes.len()).sum();
    let t = Instant::now();
    let mut ok = 0;
    for p in &pages {
        ok += sw_ingest::parse(p, &limits)
            .map(|d| d.documents.len())
            .unwrap_or(0);
    }
    line("decode-html", html_n, page_bytes, t.elapsed().as_secs_f64());
    assert_eq!(ok, html_n);
    drop(pages);

    // normalise
    let text_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let prep = sw_text::Preparer::new();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 6, 1);
    let t = Instant::now();
    let arts: Vec<sw_model::Article> = docs.into_iter().map(|d| prep.prepare(d, today).0).collect();
    line("normalise", n, text_bytes, t.elapsed().as_secs_f64());

    // dedup signatures
    let t = Instant::now();
    let sigs: Vec<Signature> = arts.iter().map(|a| Signature::of(&a.text)).collect();
    line("dedup", n, text_bytes, t.elapsed().as_secs_f64());

    // extraction core
    let ex = sw_extract::Extractor::new();
    let t = Instant::now();
    let reports: Vec<Vec<sw_extract::Report>> = arts
        .iter()
        .map(|a| ex.extract(&a.text, a.lang, a.published))
        .collect();
    line("extract", n, text_bytes, t.elapsed().as_secs_f64());

    // store
    let dir = tempfile::tempdir().unwrap();
    let mut store = SqliteStore::open(&dir.path().join("bench.db")).unwrap();
    let t = Instant::now();
    let mut article_ids = Vec::with_capacity(n);
    let mut it = arts.iter().zip(sigs).zip(&units).peekable();
    while it.peek().is_some() {
        let chunk: Vec<_> = it.by_ref().take(256).collect();
        let raws: Vec<RawInput> = chunk
            .iter()
            .map(|(_, u)| RawInput {
                locator: u.locator.clone(),
                format: Some("jsonl".into()),
                bytes: u.bytes.clone(),
                meta: None,
            })
            .collect();
        let adm = store.admit(&raws).unwrap();
        let batch: Vec<(i64, Finish)> = chunk
            .into_iter()
            .zip(adm)
            .map(|(((a, sig), _), ad)| {
                (
                    ad.id(),
                    Finish::Parsed {
                        articles: vec![NewArticle {
                            item: 0,
                            article: a.clone(),
                            signature: sig,
                        }],
                        warnings: vec![],
                    },
                )
            })
            .collect();
        for o in store.finish(batch, 0.8).unwrap().into_iter().flatten() {
            if let sw_store::Outcome::New { id, story, .. } = o {
                article_ids.push((id, story));
            }
        }
    }
    line("store", n, in_bytes, t.elapsed().as_secs_f64());

    // incident resolution over every report
    let mut inputs = Vec::new();
    for ((a, reps), (id, story)) in arts.iter().zip(&reports).zip(&article_ids) {
        for r in reps {
            inputs.push(sw_ledger::ReportInput {
                report_id: inputs.len() as i64 + 1,
                article_id: *id,
                story_id: *story,
                url: a.url.clone(),
                outlet: a.outlet.clone(),
                published: a.published.map(|d| d.to_string()),
                lang: match a.lang {
                    Lang::Es => "es".into(),
                    _ => "en".into(),
                },
                quote: a
                    .text
                    .get(r.sentence[0]..r.sentence[1])
                    .unwrap_or("")
                    .to_string(),
                report: r.clone(),
            });
        }
    }
    let t = Instant::now();
    let ledger = sw_ledger::build(&inputs);
    line("resolve", n, text_bytes, t.elapsed().as_secs_f64());
    println!(
        "# {} reports -> {} incidents, {} tallies, {} developments",
        inputs.len(),
        ledger.incidents.len(),
        ledger.tallies.len(),
        ledger.developments.len()
    );
}
