//! `export`: the ledger in another tool's format, to a file or standard output.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context as _, Result};
use sw_store::Store;

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
    let view = sw_app::ledger::view(&store)?;
    let ledger = sw_app::ledger::load(view.store())?;
    // a ledger computed in memory (a writer has not published it yet) is no version
    let cite = match (view.computed(), sw_app::versions::latest(&store)?) {
        (false, Some(v)) => Some(sw_ledger::export::Citation::new(
            v.version,
            &v.hash,
            &v.published_at,
            &super::now()[..10],
            store
                .redirects()?
                .into_iter()
                .map(|(id, merged_into, version)| sw_ledger::export::Redirect {
                    id,
                    merged_into,
                    version,
                })
                .collect(),
        )),
        _ => None,
    };
    drop(view);
    let write = |w: &mut dyn Write| match &cite {
        Some(c) => sw_ledger::export::write_cited(&ledger, fmt, c, w),
        None => sw_ledger::export::write(&ledger, fmt, w),
    };
    match &cite {
        Some(c) => errln!("cite as: {}", c.citation),
        None => errln!("note: this ledger is not a published version yet (a writer is updating it); it cannot be cited by version"),
    }
    match a.output {
        Some(path) => {
            let f = std::fs::File::create(&path)
                .with_context(|| format!("cannot create {}", path.display()))?;
            let mut w = std::io::BufWriter::new(f);
            write(&mut w).with_context(|| format!("writing {}", path.display()))?;
            w.flush()?;
            errln!(
                "wrote {} incidents to {}",
                ledger.incidents.len(),
                path.display()
            );
        }
        None => {
            let mut lock = std::io::stdout().lock();
            write(&mut lock)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
