//! Throughput of the extraction core on generated English and Spanish article text: a few
//! sentences that carry strikes, tolls, tallies and plans, mixed with filler sentences that
//! carry nothing (the common case in real articles, which the cue prefilter makes cheap).
//!
//! Run: `cargo bench -p sw-extract --bench extract`. Reports MB/s (group `bytes`) and
//! sentences/s (group `sentences`) per core (the core is single-threaded).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use sw_extract::Extractor;

mod corpus;

fn bench(c: &mut Criterion) {
    let ex = Extractor::new();
    let published = chrono::NaiveDate::from_ymd_opt(2025, 11, 5);
    let cases = corpus::cases();
    let mut g = c.benchmark_group("bytes");
    for (name, lang, text) in &cases {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(*name, |b| {
            b.iter(|| ex.extract(std::hint::black_box(text), *lang, published))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("sentences");
    for (name, lang, text) in &cases {
        let n = sw_text::segment::sentences(text, *lang).len() as u64;
        g.throughput(Throughput::Elements(n));
        g.bench_function(*name, |b| {
            b.iter(|| ex.extract(std::hint::black_box(text), *lang, published))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
