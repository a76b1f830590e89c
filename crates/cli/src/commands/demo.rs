//! `demo`: the bundled sample corpus ingested into a temporary store, shown, then served.

use std::process::ExitCode;

use anyhow::{Context as _, Result};
use include_dir::{include_dir, Dir};
use sw_store::Store;

use super::{exit_for, open, refresh};
use crate::cli::DemoArgs;
use crate::render;

/// The sample corpus, built into the binary so that `demo` works from anywhere.
pub static EXAMPLES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../examples");

pub fn run(a: DemoArgs) -> Result<ExitCode> {
    let serve_at = (!a.no_serve).then_some(a.addr);
    let dir = tempfile::tempdir().context("cannot create a temporary folder for the demo")?;
    let corpus = dir.path().join("examples");
    std::fs::create_dir_all(&corpus)?;
    EXAMPLES
        .extract(&corpus)
        .context("cannot write the sample corpus")?;
    let db = a.keep.unwrap_or_else(|| dir.path().join("demo.db"));
    let mut store = open(&db)?;
    println!(
        "strikewatch demo: ingesting the bundled sample corpus ({} files) into {}",
        count_files(&EXAMPLES),
        db.display()
    );
    let args = super::ingest::defaults(vec![corpus.display().to_string()]);
    let summary = super::ingest::ingest(&mut store, &args, true)?;
    let mut extracted = refresh(&mut store, false)?;
    // the pipeline extracted the new articles as it stored them: count those too
    extracted.absorb(&summary.extracted);
    let counts = store.counts()?;
    println!("{}", render::summary_line(&summary, &counts));
    println!("{}\n", render::extract_line(&extracted));
    print!("{}", render::articles_table(&store.articles(1000, 0)?));
    let ledger = sw_app::ledger::ledger(&mut store)?;
    println!("\nThe ledger: incidents");
    print!(
        "{}",
        render::incidents_table(&ledger.incidents.iter().collect::<Vec<_>>())
    );
    println!("\nTallies reported by outlets");
    print!("{}", render::tallies_table(&ledger.tallies));
    println!("\nDevelopments (plans, threats, designations, authorizations, deployments)");
    print!("{}", render::developments_table(&ledger.developments));
    println!("\nTally check: reported totals against the ledger's own running sums");
    print!("{}", render::gaps_table(&sw_ledger::tally_check(&ledger)));
    if let Some(addr) = serve_at {
        drop(store);
        println!("\nThe same ledger as a web app (ledger, chart, map, incidents with their quotes, search):");
        super::serve::serve(&db, &addr, 50)?;
    }
    Ok(exit_for(&summary))
}

fn count_files(d: &Dir<'_>) -> usize {
    d.files().count() + d.dirs().map(count_files).sum::<usize>()
}
