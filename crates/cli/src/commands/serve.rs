//! `serve`: the ledger as a read-only web app and JSON API, until Ctrl-C.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::Context;
use crate::cli::ServeArgs;

pub fn run(ctx: &Context, a: ServeArgs) -> Result<ExitCode> {
    serve(&ctx.db, &a.addr, a.rate_limit)?;
    Ok(ExitCode::SUCCESS)
}

/// Serves the store's ledger over HTTP until Ctrl-C (the web app lives in `sw-web`).
pub fn serve(db: &Path, addr: &str, rate_limit: u32) -> Result<()> {
    let options = sw_web::Options {
        rate_limit,
        ..Default::default()
    };
    // a missing or outdated store fails at once, with one line; then the server opens a
    // read-only connection per core or so
    drop(super::open_read_only(db)?);
    let path = db.to_path_buf();
    let open = move || super::open_read_only(&path);
    sw_web::serve(open, addr, options, |local| {
        outln!(
            "strikewatch: serving {} at http://{local}/ (read-only; Ctrl-C to stop)",
            db.display()
        );
        if !local.ip().is_loopback() {
            outln!("note: listening beyond this machine ({local})");
        }
    })
}
