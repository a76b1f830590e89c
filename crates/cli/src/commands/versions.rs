//! `versions`, `diff A B`, and the versioned side of `incidents` (`--version N`, `--id ID`).

use std::process::ExitCode;

use anyhow::{bail, Result};
use sw_ledger::Incident;
use sw_store::{LedgerFilter, LedgerList, Store};

use super::{print_json, Context};
use crate::cli::{DiffArgs, IncidentsArgs, VersionsArgs};
use crate::{render, term};

pub fn run_versions(ctx: &Context, a: VersionsArgs) -> Result<ExitCode> {
    let store = ctx.open_read_only()?;
    let all = store.ledger_versions()?;
    if a.json {
        print_json(&all)?;
    } else if all.is_empty() {
        outln!("no ledger version yet (`strikewatch extract` publishes one)");
    } else {
        let mut out = format!(
            "{:>7}  {:<24}  {:>9}  {:>7}  SHA-256\n",
            "VERSION", "PUBLISHED", "INCIDENTS", "CHANGES"
        );
        for v in &all {
            out.push_str(&format!(
                "{:>7}  {:<24}  {:>9}  {:>7}  {}\n",
                v.version, v.published_at, v.incidents, v.changes, v.hash
            ));
        }
        term::print_table(&out);
    }
    Ok(ExitCode::SUCCESS)
}

pub fn run_diff(ctx: &Context, a: DiffArgs) -> Result<ExitCode> {
    let store = ctx.open_read_only()?;
    let d = sw_app::versions::diff(&store, a.a, a.b)?;
    if a.json {
        print_json(&d)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = format!("ledger version {} -> {}\n", d.from, d.to);
    for id in &d.new {
        out.push_str(&format!("new        {id}\n"));
    }
    for r in &d.revised {
        let what: Vec<String> = r
            .changes
            .iter()
            .map(|c| format!("{} {} -> {}", c.field, c.from, c.to))
            .collect();
        let by: Vec<String> = r
            .decided_by
            .iter()
            .map(|d| format!("{} ({})", d.author, d.decision))
            .collect();
        let by = if by.is_empty() {
            String::new()
        } else {
            format!("  [review: {}]", by.join(", "))
        };
        out.push_str(&format!("revised    {}  {}{by}\n", r.id, what.join("; ")));
    }
    for m in &d.merged {
        out.push_str(&format!("merged     {} into {}\n", m.id, m.into));
    }
    for m in &d.split {
        out.push_str(&format!("split      {} (part {} is new)\n", m.id, m.into));
    }
    for id in &d.withdrawn {
        out.push_str(&format!("withdrawn  {id}\n"));
    }
    if d.new.len() + d.revised.len() + d.merged.len() + d.split.len() + d.withdrawn.len() == 0 {
        out.push_str("no incident changed\n");
    }
    term::print_table(&out);
    Ok(ExitCode::SUCCESS)
}

/// `incidents --version N`: the incidents of version N, streamed as stored.
pub fn incidents_at(ctx: &Context, a: &IncidentsArgs, version: i64) -> Result<ExitCode> {
    if a.from.is_some() || a.to.is_some() || a.event_type.is_some() {
        bail!("--version lists a whole version: --from, --to and --type apply to the current ledger only");
    }
    let store = ctx.open_read_only()?;
    sw_app::versions::check(&store, version)?;
    if a.json {
        super::stream_rows(|visit| Ok(store.incidents_at(version, visit)?))?;
    } else {
        let mut rows: Vec<render::IncidentLine> = Vec::new();
        let mut bad = None;
        store.incidents_at(version, &mut |json| match serde_json::from_str(json) {
            Ok(r) => {
                rows.push(r);
                true
            }
            Err(e) => {
                bad = Some(e);
                false
            }
        })?;
        if let Some(e) = bad {
            return Err(anyhow::Error::new(e).context("a stored version is not readable"));
        }
        term::print_table(&render::incident_lines_table(&rows));
    }
    Ok(ExitCode::SUCCESS)
}

/// `incidents --id ID`: one incident of the current ledger with its history; an id merged
/// into another leads there.
pub fn incident(ctx: &Context, a: &IncidentsArgs, id: &str) -> Result<ExitCode> {
    let store = ctx.open_read_only()?;
    let view = sw_app::ledger::view(&store)?;
    let all: Vec<Incident> = sw_app::ledger::rows(
        view.store(),
        LedgerList::Incidents,
        &LedgerFilter::default(),
    )?;
    let exists = |i: &str| all.iter().any(|x| x.id == i);
    let redirect = |i: &str| store.incident_redirect(i).ok().flatten();
    let Some(to) = sw_ledger::identity::follow(id, &exists, &redirect) else {
        errln!(
            "error: no incident {id} in {} (it was never given, or was withdrawn: see `strikewatch incidents`)",
            ctx.db.display()
        );
        return Ok(ExitCode::from(1));
    };
    if to != id {
        errln!("note: {id} was merged into {to}; showing {to}");
    }
    let inc = all
        .iter()
        .find(|x| x.id == to)
        .expect("followed to a current id");
    let history = sw_app::versions::history(&store, &to)?;
    if a.json {
        let mut v = serde_json::to_value(inc)?;
        v["first_seen"] = history.first_seen.into();
        v["last_changed"] = history.last_changed.into();
        v["history"] = serde_json::to_value(&history.changes)?;
        if to != id {
            v["redirected_from"] = id.into();
        }
        print_json(&v)?;
    } else {
        let line: render::IncidentLine = serde_json::from_value(serde_json::to_value(inc)?)?;
        let mut out = render::incident_lines_table(&[line]);
        out.push_str(&format!(
            "\nfirst seen in version {}, last changed in version {}\n",
            opt(history.first_seen),
            opt(history.last_changed)
        ));
        for c in &history.changes {
            let what = match (c.id == to, c.kind.as_str(), c.other.as_deref()) {
                (true, "merged", Some(o)) => format!("merged into {o}"),
                (true, "split", Some(o)) => format!("split: {o} is a new incident"),
                (true, kind, _) => kind.to_string(),
                (false, "merged", _) => format!("{} merged into it", c.id),
                (false, "split", _) => format!("split off {}", c.id),
                (false, kind, _) => format!("{} {kind}", c.id),
            };
            out.push_str(&format!("  version {}: {what}\n", c.version));
        }
        term::print_table(&out);
    }
    Ok(ExitCode::SUCCESS)
}

fn opt(v: Option<i64>) -> String {
    v.map(|v| v.to_string()).unwrap_or_else(|| "-".into())
}
