//! `incidents`: the ledger's incidents, filtered by date and type.

use std::process::ExitCode;

use anyhow::Result;
use sw_store::{LedgerFilter, LedgerList};

use super::{print_list, Context};
use crate::cli::IncidentsArgs;
use crate::render;

pub fn run(ctx: &Context, a: IncidentsArgs) -> Result<ExitCode> {
    if let Some(v) = a.version {
        return super::versions::incidents_at(ctx, &a, v);
    }
    if let Some(id) = a.id.clone() {
        return super::versions::incident(ctx, &a, &id);
    }
    for d in [&a.from, &a.to].into_iter().flatten() {
        if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
            anyhow::bail!("{d:?} is not a date (expected YYYY-MM-DD)");
        }
    }
    if let Some(t) = a.event_type.as_deref() {
        if !sw_model::EventType::ALL.iter().any(|x| x.as_str() == t) {
            let valid: Vec<&str> = sw_model::EventType::ALL
                .iter()
                .map(|x| x.as_str())
                .collect();
            anyhow::bail!(
                "--type {t:?} is not an event type: use one of {}",
                valid.join(", ")
            );
        }
    }
    let filter = LedgerFilter {
        from: a.from,
        to: a.to,
        event_type: a.event_type.clone(),
    };
    let list = if a.rejected {
        LedgerList::Rejected
    } else {
        LedgerList::Incidents
    };
    print_list(ctx, list, &filter, a.json, render::incident_lines_table)
}
