//! Throughput per core, measured in CPU time so that other processes on a shared machine do
//! not skew it: `cargo run --release -p sw-extract --example throughput`.
//! Uses the same generated articles as `benches/extract.rs`.
use sw_extract::Extractor;

#[path = "../benches/corpus/mod.rs"]
mod corpus;

fn cpu_seconds() -> f64 {
    // user + system time of this process, from /proc (Linux); wall time elsewhere
    if let Ok(s) = std::fs::read_to_string("/proc/self/stat") {
        let f: Vec<&str> = s
            .rsplit(')')
            .next()
            .unwrap_or("")
            .split_whitespace()
            .collect();
        if f.len() > 13 {
            let ticks: f64 =
                f[11].parse::<f64>().unwrap_or(0.0) + f[12].parse::<f64>().unwrap_or(0.0);
            return ticks / 100.0;
        }
    }
    0.0
}

fn main() {
    let ex = Extractor::new();
    let published = chrono::NaiveDate::from_ymd_opt(2025, 11, 5);
    for (name, lang, text) in corpus::cases() {
        let sentences = sw_text::segment::sentences(&text, lang).len();
        let rounds = 3000;
        let c0 = cpu_seconds();
        let w0 = std::time::Instant::now();
        for _ in 0..rounds {
            std::hint::black_box(ex.extract(std::hint::black_box(&text), lang, published));
        }
        let cpu = cpu_seconds() - c0;
        let wall = w0.elapsed().as_secs_f64();
        let bytes = (text.len() * rounds) as f64;
        println!(
            "{name}: {:.1} MB/s and {:.0} sentences/s per CPU-second ({:.1} MB/s wall); {} bytes, {} sentences per article",
            bytes / cpu / 1e6,
            (sentences * rounds) as f64 / cpu,
            bytes / wall / 1e6,
            text.len(),
            sentences
        );
    }
}
