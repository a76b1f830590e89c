//! Runs extraction and the ledger over a JSONL file of articles and writes
//! `OUTDIR/incidents.json`, `OUTDIR/tallies.json`, `OUTDIR/developments.json` and
//! `OUTDIR/reports.txt` (one line per extracted report, for reading misses):
//!
//! ```text
//! cargo run --release -p sw-ledger --example ledger_devset -- /work/shared/eval-dev/articles.jsonl OUTDIR
//! ```
//!
//! Each line of the file: `{"url", "outlet", "lang", "published", "title", "text", ...}`.
//! `story_id` is the line index (the dev set has no syndication groups of its own).
use std::fmt::Write as _;

use sw_ledger::ReportInput;
use sw_model::{Document, Lang, PublishedBasis};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() != 3 {
        eprintln!("usage: ledger_devset ARTICLES.jsonl OUTDIR");
        std::process::exit(2);
    }
    let (path, outdir) = (&args[1], std::path::Path::new(&args[2]));
    let src = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    std::fs::create_dir_all(outdir).unwrap_or_else(|e| panic!("{}: {e}", outdir.display()));
    let prep = sw_text::Preparer::new();
    let ex = sw_extract::Extractor::new();
    let mut inputs = Vec::new();
    let mut dump = String::new();
    for (i, line) in src.lines().filter(|l| !l.trim().is_empty()).enumerate() {
        let a: serde_json::Value = serde_json::from_str(line).expect("json line");
        let s = |k: &str| {
            a.get(k)
                .and_then(|v| v.as_str())
                .filter(|v| !v.is_empty())
                .map(str::to_string)
        };
        let published =
            s("published").and_then(|p| chrono::NaiveDate::parse_from_str(&p, "%Y-%m-%d").ok());
        let doc = Document {
            url: s("url"),
            outlet: s("outlet"),
            published,
            published_basis: if published.is_some() {
                PublishedBasis::Metadata
            } else {
                PublishedBasis::None
            },
            title: s("title"),
            lang: s("lang").map(|l| Lang::parse(&l)),
            text: s("text").unwrap_or_default(),
        };
        let (article, _) = prep.prepare(doc, None);
        let reports = ex.extract(&article.text, article.lang, article.published);
        let pubs = article.published.map(|d| d.format("%Y-%m-%d").to_string());
        let _ = writeln!(
            dump,
            "{} [{}] pub={} {}",
            s("id").unwrap_or_default(),
            article.lang.code(),
            pubs.as_deref().unwrap_or("-"),
            article.url.as_deref().unwrap_or("-")
        );
        for (j, r) in reports.into_iter().enumerate() {
            let quote = article
                .text
                .get(r.sentence[0]..r.sentence[1])
                .unwrap_or("")
                .to_string();
            let f = |x: &Option<sw_extract::Figure>| match x {
                Some(x) => format!("{:?}/{:?}/{:?}", x.low, x.best, x.high),
                None => "-".into(),
            };
            let place = r.place.as_ref().map(|p| {
                format!(
                    "{}|{}|{}",
                    p.name,
                    p.region_code.as_deref().unwrap_or("-"),
                    p.country.as_deref().unwrap_or("-")
                )
            });
            let _ = writeln!(
                dump,
                "  {:<11} {:<13} {:<10} {} {:?}/{:?} k={} s={} v={} place={} src={}:{}\n      | {}",
                r.kind.as_str(),
                r.event_type.as_str(),
                r.modality.as_str(),
                r.date.as_deref().unwrap_or("-"),
                r.date_precision,
                r.date_basis,
                f(&r.figures.killed),
                f(&r.figures.survivors),
                f(&r.figures.vessels),
                place.unwrap_or_else(|| "-".into()),
                r.source.kind.as_str(),
                r.source.name.as_deref().unwrap_or(""),
                quote.chars().take(220).collect::<String>()
            );
            inputs.push(ReportInput {
                report_id: (i * 1000 + j) as i64,
                article_id: i as i64,
                story_id: i as i64,
                url: article.url.clone(),
                outlet: article.outlet.clone(),
                published: pubs.clone(),
                lang: article.lang.code().to_string(),
                report: r,
                quote,
            });
        }
    }
    let ledger = sw_ledger::build(&inputs);
    let write = |name: &str, v: &dyn erased::Ser| {
        let p = outdir.join(name);
        std::fs::write(&p, v.json()).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
    };
    write("incidents.json", &ledger.incidents);
    write("tallies.json", &ledger.tallies);
    write("developments.json", &ledger.developments);
    std::fs::write(outdir.join("reports.txt"), dump).expect("reports.txt");
    eprintln!(
        "{} reports -> {} incidents, {} tallies, {} developments",
        inputs.len(),
        ledger.incidents.len(),
        ledger.tallies.len(),
        ledger.developments.len()
    );
}

mod erased {
    pub trait Ser {
        fn json(&self) -> String;
    }
    impl<T: serde::Serialize> Ser for T {
        fn json(&self) -> String {
            serde_json::to_string_pretty(self).expect("serialize")
        }
    }
}
