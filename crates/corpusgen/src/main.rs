//! `sw-corpusgen`: writes a deterministic synthetic corpus.
//!
//! ```text
//! sw-corpusgen --count N [--seed S] [--start K] [--format F] [--out PATH]
//!   F: jsonl (default; one article per line, `text`), jsonl-html (one page per line, `html`),
//!      warc (one response record per page), html or text (one file per article under the
//!      folder PATH, 1,000 per subfolder; text files get a NAME.meta.json sidecar)
//!   PATH: a file (jsonl, jsonl-html, warc; `-` or absent: standard output) or a folder
//! ```

use std::io::Write;
use std::path::PathBuf;

use anyhow::{bail, Context, Result};
use sw_corpusgen::{Config, Corpus};

fn main() -> Result<()> {
    let mut count: u64 = 1000;
    let mut seed: u64 = 1;
    let mut start: u64 = 0;
    let mut format = "jsonl".to_string();
    let mut out: Option<String> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().with_context(|| format!("{a} needs a value"));
        match a.as_str() {
            "--count" => count = val()?.replace('_', "").parse().context("--count")?,
            "--seed" => seed = val()?.parse().context("--seed")?,
            "--start" => start = val()?.parse().context("--start")?,
            "--format" => format = val()?,
            "--out" => out = Some(val()?),
            "-h" | "--help" => {
                println!("usage: sw-corpusgen --count N [--seed S] [--start K] [--format jsonl|jsonl-html|warc|html|text] [--out PATH]");
                return Ok(());
            }
            other => bail!("unknown argument {other:?} (see --help)"),
        }
    }
    let corpus = Corpus::new(Config {
        seed,
        ..Config::default()
    });
    let range = start..start + count;
    match format.as_str() {
        "jsonl" | "jsonl-html" | "warc" => {
            let sink: Box<dyn Write> = match out.as_deref() {
                None | Some("-") => Box::new(std::io::stdout().lock()),
                Some(p) => Box::new(std::fs::File::create(p).with_context(|| p.to_string())?),
            };
            let mut w = std::io::BufWriter::with_capacity(1 << 20, sink);
            for a in corpus.iter(range) {
                match format.as_str() {
                    "jsonl" => writeln!(w, "{}", a.to_jsonl())?,
                    "jsonl-html" => writeln!(w, "{}", a.to_jsonl_html())?,
                    _ => w.write_all(&a.to_warc_record())?,
                }
            }
            w.flush()?;
        }
        "html" | "text" => {
            let dir = PathBuf::from(out.context("--out FOLDER is needed for html and text")?);
            for a in corpus.iter(range) {
                let sub = dir.join(format!("{:04}", a.index / 1000));
                if a.index % 1000 == 0 || a.index == start {
                    std::fs::create_dir_all(&sub)?;
                }
                if format == "html" {
                    std::fs::write(sub.join(format!("a{:07}.html", a.index)), a.to_html())?;
                } else {
                    std::fs::write(sub.join(format!("a{:07}.txt", a.index)), a.to_text())?;
                    std::fs::write(
                        sub.join(format!("a{:07}.meta.json", a.index)),
                        a.to_meta_json(),
                    )?;
                }
            }
        }
        f => bail!("unknown format {f:?}"),
    }
    Ok(())
}
