//! Prints, per article of a JSONL file, the reports found:
//! `cargo run -p sw-extract --example devset -- /work/shared/eval-dev/articles.jsonl`.
//! Each line of the file: {"id", "lang", "published", "title", "text", ...}.
use sw_extract::Extractor;
use sw_model::Lang;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "articles.jsonl".into());
    // any further arguments: article ids whose event sentences are printed too
    let show: Vec<&String> = args.iter().skip(2).collect();
    let src = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let ex = Extractor::new();
    // as in production: normalised text, and a publication date read from a dateline when
    // the record has none
    let norm = sw_text::normalize::Normalizer::new();
    let datelines = sw_text::dateline::DatelineFinder::new();
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let a: serde_json::Value = serde_json::from_str(line).expect("json line");
        let s = |k: &str| a.get(k).and_then(|v| v.as_str()).unwrap_or("");
        let mut raw = String::new();
        if !s("title").is_empty() {
            raw.push_str(s("title"));
            raw.push('\n');
        }
        raw.push_str(s("text"));
        let (text, _) = norm.normalize(&raw);
        let published = chrono::NaiveDate::parse_from_str(s("published"), "%Y-%m-%d")
            .ok()
            .or_else(|| datelines.find(&text, None).map(|d| d.date));
        let reports = ex.extract(&text, Lang::parse(s("lang")), published);
        if std::env::var_os("DEVSET_JSON").is_some() {
            // one JSON line per article, for scripts
            let v = serde_json::json!({"id": s("id"), "url": s("url"), "reports": reports});
            println!("{v}");
            continue;
        }
        println!(
            "{} [{}] {} {}",
            s("id"),
            s("lang"),
            s("published"),
            s("title")
        );
        for r in &reports {
            let killed = r.figures.killed.as_ref().map(|f| (f.low, f.best, f.high));
            let place = r.place.as_ref().map(|p| {
                format!(
                    "{}{}",
                    p.name,
                    p.country
                        .as_deref()
                        .map(|c| format!("/{c}"))
                        .unwrap_or_default()
                )
            });
            println!(
                "    {:<11} {:<13} {:<12} date={:<10} killed={:?} place={} src={}",
                r.kind.as_str(),
                r.event_type.as_str(),
                r.modality.as_str(),
                r.date.as_deref().unwrap_or("-"),
                killed,
                place.unwrap_or_else(|| "-".into()),
                r.source.kind.as_str()
            );
            if show.iter().any(|i| *i == s("id")) {
                println!("        | {}", &text[r.sentence[0]..r.sentence[1]]);
            }
        }
    }
}
