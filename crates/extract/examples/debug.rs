//! Prints the reports of gold passages by id: `cargo run -p sw-extract --example debug -- tests/gold/gold.jsonl en-001 es-002`.
use sw_extract::{eval, Extractor};
use sw_model::Lang;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let src = std::fs::read_to_string(&args[1]).expect("gold file");
    let items = eval::parse_jsonl(&src).expect("gold");
    let ex = Extractor::new();
    for it in items.iter().filter(|i| args[2..].contains(&i.id)) {
        println!("## {} {}", it.id, it.text);
        let p = it
            .published
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        for r in ex.extract(&it.text, Lang::parse(&it.lang), p) {
            println!(
                "  {} {} {} date={:?} killed={:?} tk={:?} place={:?} src={:?}/{:?}",
                r.kind.as_str(),
                r.event_type.as_str(),
                r.modality.as_str(),
                r.date,
                r.figures.killed.as_ref().map(|f| (f.low, f.best, f.high)),
                r.target_kind,
                r.place
                    .as_ref()
                    .map(|p| (&p.name, &p.country, &p.region_code)),
                r.source.kind,
                r.source.name
            );
            for c in &r.claims {
                println!(
                    "      {} = {} [{}] {} <{:?}/{:?}>{}",
                    c.field,
                    serde_json::to_string(&c.value).unwrap(),
                    c.surface,
                    c.rule,
                    c.source.kind,
                    c.source.name,
                    if c.rival { " RIVAL" } else { "" }
                );
            }
        }
    }
}
