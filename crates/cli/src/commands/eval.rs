//! `eval GOLD`: the extraction core scored on a gold set.

use std::process::ExitCode;

use anyhow::{Context as _, Result};

use super::extractor;
use crate::cli::EvalArgs;
use crate::term;

pub fn run(a: EvalArgs) -> Result<ExitCode> {
    let src = std::fs::read_to_string(&a.gold)
        .with_context(|| format!("cannot read {}", a.gold.display()))?;
    let items = sw_extract::eval::parse_jsonl(&src)
        .map_err(|e| anyhow::anyhow!("{}: {e}", a.gold.display()))?;
    let report = sw_extract::eval::score(&items, &extractor());
    term::print_table(&report.render());
    if a.errors {
        outln!();
        outln!("passages with errors:");
        for (id, errs) in &report.errors {
            outln!("  {id}: {}", errs.join("; "));
        }
    }
    Ok(ExitCode::SUCCESS)
}
