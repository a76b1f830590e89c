//! Compiles the data files into the image `Gazetteer::embedded` reads (`$OUT_DIR/gazetteer.bin`),
//! with the same code `Gazetteer::from_tsv` runs (`src/compile.rs`, `src/fold.rs`).

#[allow(dead_code)]
#[path = "src/fold.rs"]
mod fold;

#[allow(dead_code)]
#[path = "src/compile.rs"]
mod compile;

use std::path::Path;

fn main() {
    // read at run time: a build script compiled in another checkout (a copied target
    // folder) must still read this checkout's data
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let dir = Path::new(&dir);
    let read = |name: &str| {
        let path = dir.join("data").join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    for src in ["src/compile.rs", "src/fold.rs"] {
        println!("cargo:rerun-if-changed={}", dir.join(src).display());
    }
    let (places, sea_regions, features, aliases, stopnames) = (
        read("places.tsv"),
        read("sea_regions.tsv"),
        read("features.tsv"),
        read("aliases.tsv"),
        read("stopnames.tsv"),
    );
    let image = compile::compile(&compile::DataFiles {
        places: &places,
        sea_regions: &sea_regions,
        features: &features,
        aliases: &aliases,
        stopnames: &stopnames,
    })
    .unwrap_or_else(|e| panic!("gazetteer data: {e}"));
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("gazetteer.bin");
    std::fs::write(&out, image).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
