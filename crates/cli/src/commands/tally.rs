//! `tally --check`: reported totals against the ledger's own running sums.

use std::process::ExitCode;

use anyhow::Result;

use super::{print_json, Context};
use crate::cli::TallyArgs;
use crate::{render, term};

pub fn run(ctx: &Context, a: TallyArgs) -> Result<ExitCode> {
    let store = ctx.open_read_only()?;
    let ledger = sw_app::ledger::current(&store)?;
    let (gaps, checked) = sw_ledger::tally_check_counted(&ledger);
    if a.json {
        print_json(&gaps)?;
    } else {
        term::print_table(&render::gaps_table(&gaps, checked));
    }
    Ok(ExitCode::SUCCESS)
}
