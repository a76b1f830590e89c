//! `failures`: inputs that could not be read or parsed, with their errors.

use std::process::ExitCode;

use anyhow::Result;
use sw_store::Store;

use super::{print_json, Context};
use crate::cli::FailuresArgs;

pub fn run(ctx: &Context, a: FailuresArgs) -> Result<ExitCode> {
    let store = ctx.open_read_only()?;
    let rows = store.failed_inputs(a.limit)?;
    if a.json {
        print_json(&rows)?;
    } else if rows.is_empty() {
        outln!("no failed inputs");
    } else {
        for r in rows {
            // one line per input: a newline in its name or error is shown escaped
            outln!("{}: {}", r.locator, r.error);
        }
    }
    Ok(ExitCode::SUCCESS)
}
