//! `extract`: extract what is new (or everything), date undated articles, update the ledger.

use std::process::ExitCode;

use anyhow::Result;

use super::{print_json, refresh, Context};
use crate::cli::ExtractArgs;
use crate::render;

pub fn run(ctx: &Context, a: ExtractArgs) -> Result<ExitCode> {
    let mut store = ctx.open()?;
    let e = refresh(&mut store, a.all)?;
    if a.json {
        print_json(&e)?;
    } else {
        outln!("{}", render::extract_line(&e));
    }
    Ok(ExitCode::SUCCESS)
}
