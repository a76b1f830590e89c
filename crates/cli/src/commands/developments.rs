//! `developments`: plans, threats, designations, authorizations, deployments.

use std::process::ExitCode;

use anyhow::Result;
use sw_store::LedgerList;

use super::{print_list, Context};
use crate::cli::DevelopmentsArgs;
use crate::render;

pub fn run(ctx: &Context, a: DevelopmentsArgs) -> Result<ExitCode> {
    print_list(
        ctx,
        LedgerList::Developments,
        &Default::default(),
        a.json,
        render::developments_table,
    )
}
