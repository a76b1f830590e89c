//! `status`: what the store holds, and optionally its integrity.

use std::process::ExitCode;

use anyhow::Result;
use sw_store::Store;

use super::{print_json, Context};
use crate::cli::StatusArgs;

pub fn run(ctx: &Context, a: StatusArgs) -> Result<ExitCode> {
    let store = ctx.open_read_only()?;
    let c = store.counts()?;
    // the full check reads every page and cross-checks every index (seconds per GB)
    let integrity = if a.check {
        store.integrity_check()?
    } else {
        "not checked (status --check)".to_string()
    };
    let reports = store.report_counts()?;
    let version = sw_app::versions::latest(&store)?;
    if a.json {
        let mut v = serde_json::to_value(&c)?;
        v["integrity"] = integrity.into();
        v["schema_version"] = store.schema_version()?.into();
        v["ledger_version"] = serde_json::to_value(&version)?;
        v["reports"] = reports
            .iter()
            .map(|(k, n)| (k.clone(), serde_json::Value::from(*n)))
            .collect();
        print_json(&v)?;
    } else {
        let r: Vec<String> = reports.iter().map(|(k, n)| format!("{n} {k}")).collect();
        outln!(
            "{}: {} articles in {} stories, from {} inputs ({} failed, {} pending); reports: {}; integrity: {}",
            ctx.db.display(),
            c.articles,
            c.stories,
            c.inputs,
            c.failed_inputs,
            c.pending_inputs,
            if r.is_empty() { "none".to_string() } else { r.join(", ") },
            integrity
        );
        match version {
            Some(v) => outln!(
                "ledger version {} (sha256 {}), published {}, {} incidents",
                v.version,
                v.hash,
                v.published_at,
                v.incidents
            ),
            None => outln!("ledger version: none yet"),
        }
    }
    Ok(ExitCode::SUCCESS)
}
