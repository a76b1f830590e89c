//! `tallies`: the running totals outlets reported.

use std::process::ExitCode;

use anyhow::Result;
use sw_store::LedgerList;

use super::{print_list, Context};
use crate::cli::TalliesArgs;
use crate::render;

pub fn run(ctx: &Context, a: TalliesArgs) -> Result<ExitCode> {
    print_list(
        ctx,
        LedgerList::Tallies,
        &Default::default(),
        a.json,
        render::tallies_table,
    )
}
