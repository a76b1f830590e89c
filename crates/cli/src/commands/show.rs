//! `show ID`: one article with its text and every claim extracted from it.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::Result;

use super::{print_json, Context};
use crate::cli::ShowArgs;
use crate::{render, term};

pub fn run(ctx: &Context, a: ShowArgs) -> Result<ExitCode> {
    let store = ctx.open_read_only()?;
    let Some(x) = sw_app::reports::article_with_reports(&store, a.id)? else {
        errln!(
            "error: no article with id {} in {} (see `strikewatch articles`)",
            a.id,
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
