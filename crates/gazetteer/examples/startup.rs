//! Start-up cost and peak memory of the embedded gazetteer:
//! `cargo build --release -p sw-gazetteer --example startup` then
//! `/usr/bin/time -v target/release/examples/startup` (peak RSS is "Maximum resident set size").
//! Prints the time `Gazetteer::embedded()` takes and what `find` returns on a paragraph.
use sw_gazetteer::Gazetteer;

const PARAGRAPH: &str = "The U.S. military struck a vessel in the eastern Pacific on Tuesday, \
    killing three people off the coast of Colombia, near Tumaco, Nariño. Separately, \
    aircraft hit targets near Sanaa and the port of Hodeidah in Yemen, and a drone strike \
    was reported south of Kismayo, Somalia. En Culiacán, Sinaloa, no hubo heridos.";

fn main() {
    let t = std::time::Instant::now();
    let g = Gazetteer::embedded();
    let built = t.elapsed();
    let t = std::time::Instant::now();
    let found = g.find(PARAGRAPH);
    let first = t.elapsed();
    println!("embedded(): {built:?} ({g:?})");
    println!("first find(): {first:?}");
    for m in &found {
        let p = g.get(m.place);
        println!(
            "  {:<28} -> {} ({}, {:?}, precision {})",
            &PARAGRAPH[m.start..m.end],
            p.name,
            p.country.as_deref().unwrap_or("-"),
            p.kind,
            p.precision
        );
    }
}
