//! `show ID`: one article with its text and every claim extracted from it, or one incident
//! (`inc-...`) with every value of every figure and every source with its quote.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Result;

use super::{print_json, Context};
use crate::cli::ShowArgs;
use crate::{render, term};

pub fn run(ctx: &Context, a: ShowArgs) -> Result<ExitCode> {
    if a.id.starts_with("inc-") {
        return incident(ctx, &a.id, a.json);
    }
    let Ok(id) = a.id.trim().parse::<i64>() else {
        errln!(
            "error: {:?} is neither an article id (a number, see `strikewatch articles`) nor an incident id (inc-..., see `strikewatch incidents`)",
            a.id
        );
        return Ok(ExitCode::from(2));
    };
    let store = ctx.open_read_only()?;
    let Some(x) = sw_app::reports::article_with_reports(&store, id)? else {
        errln!(
            "error: no article with id {} in {} (see `strikewatch articles`)",
            id,
            ctx.db.display()
        );
        return Ok(ExitCode::from(1));
    };
    if a.json {
        // through a JSON value: keys sorted, as the API writes them
        print_json(&serde_json::to_value(&x)?)?;
    } else {
        term::print_page(&render::article_page(
            &x.article,
            &x.reports,
            std::io::stdout().is_terminal(),
        ));
    }
    Ok(ExitCode::SUCCESS)
}

/// One incident of the ledger of the current reports: as `incidents --json` writes it, with
/// the sentence holding each value (`value_quotes`), its `history` of versions and the
/// `corrections` each version made (value by value, and why); or all that as a readable page.
fn incident(ctx: &Context, id: &str, json: bool) -> Result<ExitCode> {
    let store = ctx.open_read_only()?;
    let ledger = sw_app::ledger::current(&store)?;
    let Some(i) = ledger.incidents.iter().find(|i| i.id == id) else {
        errln!(
            "error: no incident {id} in {} (see `strikewatch incidents`)",
            ctx.db.display()
        );
        return Ok(ExitCode::from(1));
    };
    let quotes = sw_app::quotes::value_quotes(&store, i)?;
    let history = sw_app::versions::history(&store, id)?;
    let corrections = sw_app::versions::corrections(&store, &history)?;
    if json {
        let mut v = serde_json::to_value(i)?;
        if let Some(o) = v.as_object_mut() {
            o.insert("value_quotes".into(), serde_json::to_value(&quotes)?);
            o.insert("history".into(), serde_json::to_value(&history)?);
            o.insert("corrections".into(), serde_json::to_value(&corrections)?);
        }
        print_json(&v)?;
    } else {
        term::print_table(&render::incident_page(i, &quotes, &history, &corrections));
    }
    Ok(ExitCode::SUCCESS)
}
