//! `reports`: extracted reports with their claims.

use std::process::ExitCode;

use anyhow::Result;

use super::{print_json, Context};
use crate::cli::ReportsArgs;
use crate::{render, term};

pub fn run(ctx: &Context, a: ReportsArgs) -> Result<ExitCode> {
    let store = ctx.open_read_only()?;
    let reports = sw_app::reports::stored_reports(&store, a.article, a.kind, a.limit)?;
    if a.json {
        print_json(&reports)?;
    } else {
        term::print_table(&render::reports_table(&reports));
    }
    Ok(ExitCode::SUCCESS)
}
