//! `demo`: the bundled sample corpus ingested into a temporary store, shown, then served.

use std::process::ExitCode;

use anyhow::{Context as _, Result};
use include_dir::{include_dir, Dir};
use sw_store::Store;

use super::{exit_for, open, refresh};
use crate::cli::DemoArgs;
use crate::{render, term};

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
    outln!(
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
    term::print_table(&render::summary_line(&summary, &counts));
    outln!();
    outln!("{}", render::extract_line(&extracted));
    outln!();
    let ledger = sw_app::ledger::ledger(&mut store, &super::now())?;
    term::print_table(&render::ledger_brief(&ledger));
    outln!(
        "  ({} articles stored: `strikewatch --db {} articles` lists them, `show ID` shows one with its claims marked)",
        counts.articles,
        db.display()
    );
    term::print_table("\nThe ledger: incidents\n");
    term::print_table(&render::incidents_table(
        &ledger.incidents.iter().collect::<Vec<_>>(),
    ));
    term::print_table(render::GRADE_LEGEND);
    term::print_table("\nTallies reported by outlets\n");
    term::print_table(&render::tallies_table(&ledger.tallies));
    term::print_table(
        "\nDevelopments (plans, threats, designations, authorizations, deployments)\n",
    );
    term::print_table(&render::developments_table(&ledger.developments));
    term::print_table("\nTally check: reported totals against the ledger's own running sums\n");
    let (gaps, checked) = sw_ledger::tally_check_counted(&ledger);
    term::print_table(&render::gaps_table(&gaps, checked));
    if let Some(addr) = serve_at {
        drop(store);
        outln!();
        outln!("The same ledger as a web app (ledger, chart, map, incidents with their quotes, search):");
        super::serve::serve(&db, &addr, 50)?;
    }
    Ok(exit_for(&summary))
}

fn count_files(d: &Dir<'_>) -> usize {
    d.files().count() + d.dirs().map(count_files).sum::<usize>()
}
