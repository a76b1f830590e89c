//! `articles`: the stored articles, a page at a time.

use std::process::ExitCode;

use anyhow::Result;
use sw_store::Store;

use super::{print_json, Context};
use crate::cli::ArticlesArgs;
use crate::{render, term};

pub fn run(ctx: &Context, a: ArticlesArgs) -> Result<ExitCode> {
    let store = ctx.open_read_only()?;
    let rows = match a.after {
        Some(id) => store.articles_after(id, a.limit)?,
        None => store.articles(a.limit, a.offset)?,
    };
    if a.json {
        print_json(&rows)?;
    } else {
        term::print_table(&render::articles_table(&rows));
    }
    Ok(ExitCode::SUCCESS)
}
