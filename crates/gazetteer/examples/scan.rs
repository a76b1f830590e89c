//! Lists the place mentions `find` makes in text files, to review false matches:
//! `cargo run --release -p sw-gazetteer --example scan -- FILE...` prints one line per
//! mention: the text matched, the place, its kind and country.
use sw_gazetteer::Gazetteer;

fn main() {
    let g = Gazetteer::embedded();
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{path}: unreadable");
            continue;
        };
        for m in g.find(&text) {
            let p = g.get(m.place);
            println!(
                "{}\t{}\t{:?}\t{}",
                &text[m.start..m.end],
                p.name,
                p.kind,
                p.country.as_deref().unwrap_or("-")
            );
        }
    }
}
