//! `migrate --from STORE --to STORE`: copies a whole store into an empty one of any backend,
//! a table at a time through the store's copy interface (`sw_store::copy`), reading the
//! source read-only and writing the destination a bounded batch at a time.

use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};
use serde::Serialize;
use sw_store::{copy, Counts, Store, StoreSpec};

use super::{print_json, Context};
use crate::cli::MigrateArgs;

/// Progress is told on stderr every this many rows of one table.
const TELL_EVERY: u64 = 50_000;

#[derive(Serialize)]
struct Summary {
    from: String,
    to: String,
    /// Rows copied, per table, in the order they were copied.
    tables: Vec<TableCount>,
    /// The destination's counts once copied (inputs, failed and pending inputs, articles,
    /// stories).
    counts: Counts,
    reports: i64,
    decisions: i64,
    versions: i64,
    feeds: i64,
}

#[derive(Serialize)]
struct TableCount {
    table: &'static str,
    rows: u64,
}

pub fn run(ctx: &Context, a: MigrateArgs) -> Result<ExitCode> {
    let from_arg = a
        .from
        .clone()
        .unwrap_or_else(|| ctx.db.to_string_lossy().into_owned());
    let from_spec = StoreSpec::parse(&from_arg)?;
    let to_spec = StoreSpec::parse(&a.to)?;
    if from_spec == to_spec {
        bail!("cannot migrate {from_spec} into itself: name another store with --to");
    }
    let source = super::open_read_only(Path::new(&from_arg))?;
    let mut dest = super::open(Path::new(&a.to))?;
    if !dest.copy_is_empty()? {
        bail!(
            "the store {to_spec} is not empty: migrate copies into an empty store only \
             (remove it, or name a new file or database, and run again)"
        );
    }
    errln!("migrate: copying {from_spec} into {to_spec}");
    let mut tables = Vec::new();
    for t in copy::TABLES {
        let mut rows = 0u64;
        let mut told = 0u64;
        let mut failed = None;
        let read = source.copy_out(t, &mut |batch| {
            let n = batch.len() as u64;
            match dest.copy_in(t, batch) {
                Ok(()) => {
                    rows += n;
                    if rows - told >= TELL_EVERY {
                        told = rows;
                        errln!("migrate: {}: {rows} rows so far", t.name);
                    }
                    true
                }
                Err(e) => {
                    failed = Some(e);
                    false
                }
            }
        });
        if let Some(e) = failed {
            bail!(
                "cannot write {} into the store {to_spec} (after {rows} rows): {e}; \
                 the copy is partial: remove it before running again",
                t.name
            );
        }
        if let Err(e) = read {
            bail!("cannot read {} from the store {from_spec}: {e}", t.name);
        }
        errln!("migrate: {}: {rows} rows", t.name);
        tables.push(TableCount {
            table: t.name,
            rows,
        });
    }
    dest.copy_done()?;
    let count = |name: &str| {
        tables
            .iter()
            .find(|t| t.table == name)
            .map_or(0, |t| t.rows as i64)
    };
    let summary = Summary {
        from: from_spec.to_string(),
        to: to_spec.to_string(),
        counts: dest.counts()?,
        reports: count("reports"),
        decisions: count("decisions"),
        versions: count("ledger_versions"),
        feeds: count("feeds"),
        tables,
    };
    if a.json {
        print_json(&summary)?;
    } else {
        let c = &summary.counts;
        outln!(
            "migrated {} into {}: {} inputs ({} failed, {} pending), {} articles in {} stories, \
             {} reports, {} ledger versions, {} decisions, {} feeds",
            summary.from,
            summary.to,
            c.inputs,
            c.failed_inputs,
            c.pending_inputs,
            c.articles,
            c.stories,
            summary.reports,
            summary.versions,
            summary.decisions,
            summary.feeds
        );
    }
    Ok(ExitCode::SUCCESS)
}
