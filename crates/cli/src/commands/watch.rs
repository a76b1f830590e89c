//! `watch` and `feeds`: live monitoring of feeds (sw-watch) and the list of watched feeds.

use std::process::ExitCode;
use std::sync::atomic::AtomicBool;
use std::sync::Arc;

use anyhow::{Context as _, Result};
use sw_app::ingest::Summary;
use sw_store::{AnyStore, FeedState, Store};
use sw_watch::webhook::{Sender, Webhooks};
use sw_watch::{Change, Clock, Config, Events, Policy, SystemClock, Watcher};

use super::{extractor, print_json, stop_flag, Context};
use crate::cli::{FeedsAction, FeedsArgs, WatchArgs};

/// Lines on stderr, one per problem, naming the feed or page.
struct Lines;

impl Events for Lines {
    fn problem(&self, locator: &str, message: &str) {
        errln!("{locator}: {message}");
    }
    fn note(&self, locator: &str, message: &str) {
        errln!("{locator}: note: {message}");
    }
    fn polled(&self, feed: &str, new_items: usize, s: &Summary) {
        if new_items > 0 {
            errln!(
                "{feed}: {new_items} new items, {} new articles, {} already stored",
                s.new,
                s.duplicate
            );
        }
    }
    fn changed(&self, c: &Change) {
        outln!("{} {}", c.subject, c.summary);
    }
}

fn feed_urls(a: &WatchArgs) -> Result<Vec<String>> {
    let mut urls = a.urls.clone();
    if let Some(path) = &a.feeds {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the feed list {}", path.display()))?;
        urls.extend(sw_watch::opml::read_list(&text));
    }
    if let Some(path) = &a.opml {
        let bytes = std::fs::read(path)
            .with_context(|| format!("cannot read the OPML file {}", path.display()))?;
        let found =
            sw_watch::opml::read(&bytes).map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        urls.extend(found);
    }
    for u in &urls {
        let ok = reqwest_like_http(u);
        if !ok {
            anyhow::bail!("{u}: not an http(s) URL");
        }
    }
    Ok(urls)
}

/// This process's name in the claims on feeds it takes: the host, the process id and a
/// random number, so that no two workers sharing a database (on one machine or several,
/// after a restart that reuses a process id) take each other's claims for their own; and
/// readable in `feeds`, which shows who polls what.
fn worker_name() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .ok()
        .or_else(|| std::env::var("HOSTNAME").ok())
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "localhost".into());
    let mut b = [0u8; 4];
    // without randomness the host and process id still tell live workers apart
    let _ = getrandom::fill(&mut b);
    format!(
        "{host}:{}:{:08x}",
        std::process::id(),
        u32::from_be_bytes(b)
    )
}

fn reqwest_like_http(u: &str) -> bool {
    (u.starts_with("http://") || u.starts_with("https://")) && u.len() > 8
}

/// What a watcher needs from the flags: the feeds named (added to the store), the polling
/// configuration and the webhooks.
fn prepare(store: &mut AnyStore, a: &WatchArgs) -> Result<(Vec<String>, Config, Option<Sender>)> {
    let urls = feed_urls(a)?;
    for u in &urls {
        store.add_feed(u, SystemClock.now_ms())?;
    }
    if store.feeds()?.is_empty() {
        anyhow::bail!("no feeds to watch: name feed URLs, --feeds FILE or --opml FILE, or add one with `strikewatch feeds add URL`");
    }
    let limits = sw_ingest::Limits {
        timeout: std::time::Duration::from_secs(a.timeout.max(1)),
        allow_private_addresses: a.allow_private_addresses,
        ..Default::default()
    };
    let timeout = a.timeout.max(1);
    let lease = a.lease.unwrap_or((10 * timeout).max(300));
    if lease <= timeout {
        errln!("warning: --lease {lease} s is not longer than --timeout {timeout} s: a feed slower than the lease may be polled by two workers");
    }
    let min = (a.min_interval.max(1) * 1000) as i64;
    let max = ((a.max_interval * 1000) as i64).max(min);
    let config = Config {
        policy: Policy {
            min,
            max,
            // a feed whose items carry too few dates to tell its rhythm is read as often as
            // allowed: with conditional GET an unchanged feed costs one 304
            default: min,
            politeness: a.politeness as i64,
            ..Policy::default()
        },
        limits,
        worker: worker_name(),
        lease: lease.saturating_mul(1000) as i64,
        ..Config::default()
    };
    let webhooks = if a.webhook.is_empty() {
        None
    } else {
        if a.webhook_secret.is_empty() {
            anyhow::bail!("--webhook needs --webhook-secret (or STRIKEWATCH_WEBHOOK_SECRET): receivers check the signature");
        }
        Some(
            Sender::new(Webhooks {
                urls: a.webhook.clone(),
                secret: a.webhook_secret.clone(),
                attempts: 5,
                backoff_base: 2_000,
                timeout: std::time::Duration::from_secs(10),
            })
            .map_err(anyhow::Error::msg)?,
        )
    };
    Ok((urls, config, webhooks))
}

/// Starts a watcher on its own thread and store connection (for `serve --watch`): it polls
/// until `stop` is set, then finishes the current item; join the handle to wait for that.
pub fn spawn(
    db: &std::path::Path,
    a: &WatchArgs,
    stop: Arc<AtomicBool>,
) -> Result<std::thread::JoinHandle<Result<()>>> {
    let mut store = super::open(db)?;
    let (urls, config, webhooks) = prepare(&mut store, a)?;
    Ok(std::thread::spawn(move || {
        let mut watcher = Watcher::new(&mut store, extractor(), config, webhooks)?;
        if !urls.is_empty() {
            watcher.only(urls);
        }
        watcher.run(&SystemClock, &stop, &Lines)
    }))
}

pub fn run(ctx: &Context, a: WatchArgs) -> Result<ExitCode> {
    let mut store = ctx.open()?;
    let (urls, config, webhooks) = prepare(&mut store, &a)?;
    let clock = SystemClock;
    let mut watcher = Watcher::new(&mut store, extractor(), config, webhooks)?;
    if !urls.is_empty() {
        watcher.only(urls);
    }
    let stop = stop_flag();
    if a.once {
        let polled = watcher.tick(&clock, &stop, &Lines)?;
        let failed = polled
            .iter()
            .filter(|(_, p)| matches!(p, sw_watch::Polling::Failed(_)))
            .count();
        errln!("polled {} feeds, {failed} failed", polled.len());
        return Ok(if failed > 0 {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        });
    }
    errln!("watching; Ctrl-C stops after the current item");
    watcher.run(&clock, &stop, &Lines)?;
    Ok(ExitCode::SUCCESS)
}

fn time(ms: Option<i64>) -> String {
    ms.and_then(chrono::DateTime::from_timestamp_millis)
        .map(|d| d.format("%Y-%m-%d %H:%M:%S").to_string())
        .unwrap_or_else(|| "-".into())
}

pub fn feeds(ctx: &Context, a: FeedsArgs) -> Result<ExitCode> {
    match a.action {
        Some(FeedsAction::Add { url }) => {
            if !reqwest_like_http(&url) {
                anyhow::bail!("{url}: not an http(s) URL");
            }
            let mut store = ctx.open()?;
            if store.add_feed(&url, SystemClock.now_ms())? {
                outln!("added {url}");
            } else {
                outln!("{url} is already watched");
            }
            return Ok(ExitCode::SUCCESS);
        }
        Some(FeedsAction::Remove { url }) => {
            let mut store = ctx.open()?;
            if store.remove_feed(&url)? {
                outln!("removed {url}");
                return Ok(ExitCode::SUCCESS);
            }
            errln!("{url}: not a watched feed (see `strikewatch feeds`)");
            return Ok(ExitCode::FAILURE);
        }
        None => {}
    }
    let store = ctx.open_read_only()?;
    // a claim is shown while it holds; one whose lease passed is free to take
    let now = SystemClock.now_ms();
    let list: Vec<_> = store
        .feeds()?
        .into_iter()
        .map(|f| f.without_lapsed_claim(now))
        .collect();
    if a.opml {
        let urls: Vec<String> = list.into_iter().map(|f| f.url).collect();
        outln!("{}", sw_watch::opml::write(&urls).trim_end());
    } else if a.json {
        #[derive(serde::Serialize)]
        struct Row<'a> {
            health: &'static str,
            #[serde(flatten)]
            feed: &'a FeedState,
        }
        let rows: Vec<Row> = list
            .iter()
            .map(|f| Row {
                health: f.health(),
                feed: f,
            })
            .collect();
        print_json(&rows)?;
    } else if list.is_empty() {
        outln!("no feeds (add one with `strikewatch feeds add URL`)");
    } else {
        for f in &list {
            outln!(
                "{:<8} {}  items {}  last ok {}  next {}  failures {}{}{}",
                f.health(),
                f.url,
                f.items_seen,
                time(f.last_success_ms),
                time(f.next_poll_ms),
                f.failures,
                f.claimed_by
                    .as_ref()
                    .map(|w| format!("  polled by {w} (claim until {})", time(f.lease_until_ms)))
                    .unwrap_or_default(),
                f.last_error
                    .as_ref()
                    .map(|e| format!("  last error {}: {e}", time(f.last_error_ms)))
                    .unwrap_or_default()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
