//! `serve`: the ledger as a read-only web app and JSON API, until Ctrl-C.

use std::path::Path;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Result;

use super::Context;
use crate::cli::ServeArgs;

pub fn run(ctx: &Context, a: ServeArgs) -> Result<ExitCode> {
    let mut options = options(&a);
    if a.review {
        options.review = Some(review_access(ctx, &a)?);
    }
    if !a.watch {
        serve_with(&ctx.db, &a.addr, options)?;
        return Ok(ExitCode::SUCCESS);
    }
    // both in one process: the watcher writes through its own connection and publishes the
    // ledger after each batch; the server, reading, swaps in each ledger it publishes
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watcher = super::watch::spawn(&ctx.db, &a.watching, stop.clone())?;
    let served = serve_with(&ctx.db, &a.addr, options);
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let watched = watcher
        .join()
        .map_err(|_| anyhow::anyhow!("the watcher stopped abnormally"))?;
    served?;
    watched?;
    Ok(ExitCode::SUCCESS)
}

/// Review access for `serve --review`: loopback only, a token given (long enough) or drawn
/// from the system's random source, and a writer opener for the decisions.
fn review_access(ctx: &Context, a: &ServeArgs) -> Result<sw_web::ReviewAccess> {
    let ip: Option<std::net::SocketAddr> = a.addr.parse().ok();
    if !ip.is_some_and(|s| s.ip().is_loopback()) && !a.addr.starts_with("localhost:") {
        anyhow::bail!(
            "--review serves decision forms on loopback only; {} is not a loopback address",
            a.addr
        );
    }
    let token = match &a.review_token {
        Some(t) if t.len() >= 16 => t.clone(),
        Some(_) => anyhow::bail!("the review token must be at least 16 characters"),
        None => {
            let mut b = [0u8; 24];
            getrandom::fill(&mut b)
                .map_err(|e| anyhow::anyhow!("cannot draw a review token: {e}"))?;
            b.iter().map(|x| format!("{x:02x}")).collect()
        }
    };
    let db = ctx.db.clone();
    Ok(sw_web::ReviewAccess {
        token,
        writer: std::sync::Arc::new(move || super::open(&db)),
    })
}

/// The server's limits as the flags set them (the rest as `sw_web::Options::default()`).
pub fn options(a: &ServeArgs) -> sw_web::Options {
    sw_web::Options {
        rate_limit: a.rate_limit,
        max_connections: a.max_connections as usize,
        max_concurrent: a.max_concurrent as usize,
        header_timeout: Duration::from_secs(a.header_timeout),
        request_timeout: Duration::from_secs(a.request_timeout),
        store_connections: a.store_connections,
        store_cache_kib: a.store_cache.saturating_mul(1024),
        ..Default::default()
    }
}

/// Serves the store's ledger over HTTP until Ctrl-C with the default limits but
/// `rate_limit` (the web app lives in `sw-web`).
pub fn serve(db: &Path, addr: &str, rate_limit: u32) -> Result<()> {
    let options = sw_web::Options {
        rate_limit,
        ..Default::default()
    };
    serve_with(db, addr, options)
}

/// Serves the store's ledger over HTTP until Ctrl-C, within `options`.
pub fn serve_with(db: &Path, addr: &str, options: sw_web::Options) -> Result<()> {
    // a missing or outdated store fails at once, with one line; then the server opens a
    // read-only connection per core or so
    drop(super::open_read_only(db)?);
    let path = db.to_path_buf();
    let open = move || super::open_read_only(&path);
    let token = options.review.as_ref().map(|r| r.token.clone());
    sw_web::serve(open, addr, options, |local| {
        match &token {
            None => outln!(
                "strikewatch: serving {} at http://{local}/ (read-only; Ctrl-C to stop)",
                db.display()
            ),
            Some(t) => {
                outln!(
                    "strikewatch: serving {} at http://{local}/ with review (Ctrl-C to stop)",
                    db.display()
                );
                outln!("review: open http://{local}/review/login?token={t}");
            }
        }
        if !local.ip().is_loopback() {
            outln!("note: listening beyond this machine ({local})");
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{Cli, Command};
    use clap::Parser;

    fn parse(args: &[&str]) -> Result<sw_web::Options, clap::Error> {
        let argv = ["strikewatch", "serve"].iter().chain(args);
        match Cli::try_parse_from(argv)?.command {
            Command::Serve(a) => Ok(options(&a)),
            other => panic!("not serve: {other:?}"),
        }
    }

    #[test]
    fn the_flags_set_the_server_limits() {
        let o = parse(&[
            "--max-connections",
            "64",
            "--max-concurrent",
            "32",
            "--header-timeout",
            "3",
            "--request-timeout",
            "7",
            "--store-connections",
            "4",
            "--store-cache",
            "2",
            "--rate-limit",
            "0",
        ])
        .unwrap();
        assert_eq!((o.max_connections, o.max_concurrent), (64, 32));
        assert_eq!(o.header_timeout, Duration::from_secs(3));
        assert_eq!(o.request_timeout, Duration::from_secs(7));
        assert_eq!(
            (o.store_connections, o.store_cache_kib, o.rate_limit),
            (4, 2048, 0)
        );
    }

    #[test]
    fn without_flags_the_limits_are_the_web_apps_defaults() {
        let o = parse(&[]).unwrap();
        let d = sw_web::Options::default();
        assert_eq!(
            (o.max_connections, o.max_concurrent),
            (d.max_connections, d.max_concurrent)
        );
        assert_eq!(
            (o.header_timeout, o.request_timeout),
            (d.header_timeout, d.request_timeout)
        );
        assert_eq!((o.store_cache_kib, o.rate_limit), (d.store_cache_kib, 50));
    }

    #[test]
    fn limits_that_would_stop_the_server_are_refused() {
        for bad in [
            &["--max-connections", "0"][..],
            &["--header-timeout", "0"],
            &["--request-timeout", "0"],
            &["--max-concurrent", "0"],
            &["--store-cache", "0"],
        ] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
    }
}
