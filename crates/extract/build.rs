//! Embeds the lexicons of every language listed in `lexicon/languages.tsv` (each file of its
//! folder `lexicon/<code>/`), so that adding a language is a folder and a line of data, with
//! no Rust to edit.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("manifest dir"));
    let lexicon = root.join("lexicon");
    let registry = lexicon.join("languages.tsv");
    let text = fs::read_to_string(&registry).expect("lexicon/languages.tsv");
    let mut out = String::new();
    writeln!(
        out,
        "/// The text of `lexicon/languages.tsv`.\npub(crate) const REGISTRY: &str = include_str!({:?});",
        path(&registry)
    )
    .unwrap();
    out.push_str(
        "/// Each registered language's code and the files of its folder (name, text).\n\
         pub(crate) static EMBEDDED: &[(&str, &[(&str, &str)])] = &[\n",
    );
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let code = line.split('\t').next().unwrap_or("").trim();
        // a folder that is missing or incomplete is reported when the registry is loaded,
        // naming the file it lacks
        let mut files: Vec<PathBuf> = fs::read_dir(lexicon.join(code))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "tsv"));
        files.sort();
        write!(out, "    ({code:?}, &[").unwrap();
        for f in &files {
            let name = f.file_name().unwrap().to_string_lossy();
            write!(out, "({name:?}, include_str!({:?})), ", path(f)).unwrap();
        }
        out.push_str("]),\n");
    }
    out.push_str("];\n");
    let dest = PathBuf::from(std::env::var("OUT_DIR").expect("out dir")).join("embedded.rs");
    fs::write(dest, out).expect("write embedded.rs");
    println!("cargo:rerun-if-changed=lexicon");
    println!("cargo:rerun-if-changed=build.rs");
}

fn path(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}
