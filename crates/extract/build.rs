//! Embeds the lexicons of every language listed in `lexicon/languages.tsv` (each file of its
//! folder `lexicon/<code>/`), so that adding a language is a folder and a line of data, with
//! no Rust to edit; and derives the extractor's version (`sw_extract::VERSION`) from a hash
//! of everything that decides what it extracts, so that it changes whenever the rules, the
//! lexicons or the data they read change, and never by hand.

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
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("out dir"));
    fs::write(out_dir.join("embedded.rs"), out).expect("write embedded.rs");

    // What the version covers: this crate's rules and lexicons, and what it embeds from
    // sw-text (segmentation, datelines, month names, function words) and sw-gazetteer.
    let crates = root.parent().expect("crates folder");
    let inputs = [
        root.join("build.rs"),
        root.join("src"),
        root.join("lexicon"),
        crates.join("text/src"),
        crates.join("text/data"),
        crates.join("gazetteer/src"),
        crates.join("gazetteer/data"),
    ];
    let version = format!(
        "sw-extract-{}-{}",
        std::env::var("CARGO_PKG_VERSION").expect("package version"),
        &format!("{:016x}", tree_hash(crates, &inputs))[..12]
    );
    fs::write(out_dir.join("version.txt"), version).expect("write version.txt");
    for p in &inputs {
        println!("cargo:rerun-if-changed={}", path(p));
    }
}

/// FNV-1a (64 bits) over every file under `inputs`, in order of their path relative to
/// `base`: each path, then its content with carriage returns left out (a checkout with
/// Windows line ends gives the same version).
fn tree_hash(base: &Path, inputs: &[PathBuf]) -> u64 {
    let mut files = Vec::new();
    for p in inputs {
        collect(p, &mut files);
    }
    let mut rel: Vec<(String, &PathBuf)> = files
        .iter()
        .map(|f| {
            let r = f.strip_prefix(base).unwrap_or(f).to_string_lossy();
            (r.replace('\\', "/"), f)
        })
        .collect();
    rel.sort();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for (name, f) in rel {
        eat(name.as_bytes());
        eat(&[0]);
        let content = fs::read(f).expect("read an input of the version");
        let content: Vec<u8> = content.into_iter().filter(|b| *b != b'\r').collect();
        eat(&(content.len() as u64).to_le_bytes());
        eat(&content);
    }
    h
}

/// Every file under `p` (or `p` itself), recursively.
fn collect(p: &Path, out: &mut Vec<PathBuf>) {
    if p.is_dir() {
        if let Ok(entries) = fs::read_dir(p) {
            for e in entries.flatten() {
                collect(&e.path(), out);
            }
        }
    } else if p.is_file() {
        out.push(p.to_path_buf());
    }
}

fn path(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}
