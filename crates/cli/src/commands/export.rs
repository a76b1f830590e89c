//! `export`: the ledger in another tool's format, to a file or standard output.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context as _, Result};

use super::Context;
use crate::cli::ExportArgs;

pub fn run(ctx: &Context, a: ExportArgs) -> Result<ExitCode> {
    let fmt = sw_ledger::ExportFormat::parse(&a.format).context("unknown export format")?;
    if !fmt.available() {
        anyhow::bail!(
            "this build cannot write {}: rebuild with `--features parquet`",
            a.format
        );
    }
    let store = ctx.open_read_only()?;
    let ledger = sw_app::ledger::current(&store)?;
    match a.output {
        Some(path) => {
            let f = std::fs::File::create(&path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            let mut w = std::io::BufWriter::new(f);
            sw_ledger::export::write(&ledger, fmt, &mut w)
                .with_context(|| format!("writing {}", path.display()))?;
            w.flush()?;
            errln!(
                "wrote {} incidents to {}",
                ledger.incidents.len(),
                path.display()
            );
        }
        None => {
            let mut lock = std::io::stdout().lock();
            sw_ledger::export::write(&ledger, fmt, &mut lock)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
