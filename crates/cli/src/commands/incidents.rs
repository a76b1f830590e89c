//! `incidents`: the ledger's incidents, filtered by date and type.

use std::process::ExitCode;

use anyhow::Result;
use sw_store::{LedgerFilter, LedgerList};

use super::{print_list, Context};
use crate::cli::IncidentsArgs;
use crate::render;

pub fn run(ctx: &Context, a: IncidentsArgs) -> Result<ExitCode> {
    for d in [&a.from, &a.to].into_iter().flatten() {
        if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
            anyhow::bail!("{d:?} is not a date (expected YYYY-MM-DD)");
        }
    }
    let filter = LedgerFilter {
        from: a.from,
        to: a.to,
        event_type: a.event_type,
    };
    let list = if a.rejected {
        LedgerList::Rejected
    } else {
        LedgerList::Incidents
    };
    print_list(ctx, list, &filter, a.json, render::incident_lines_table)
}
