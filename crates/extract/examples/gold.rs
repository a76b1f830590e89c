//! Scores the extractor on a gold file: `cargo run -p sw-extract --example gold -- tests/gold/gold.jsonl [-v]`.
use sw_extract::{eval, Extractor};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .map(String::as_str)
        .unwrap_or("tests/gold/gold.jsonl");
    let verbose = args.iter().any(|a| a == "-v");
    let src = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let items = eval::parse_jsonl(&src).unwrap_or_else(|e| panic!("{path}: {e}"));
    let rep = eval::score(&items, &Extractor::new());
    if verbose {
        for (id, errs) in &rep.errors {
            println!("{id}");
            for e in errs {
                println!("    {e}");
            }
        }
    }
    print!("{}", rep.render());
}
