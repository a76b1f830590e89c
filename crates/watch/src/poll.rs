//! The I/O part: polls due feeds with conditional GET, fetches the pages new items link to,
//! ingests them through sw-app's pipeline, brings the ledger up to date after each feed's
//! batch, and records and sends what changed.
//!
//! Time comes from a [`Clock`] passed in, so tests drive the schedule with values and never
//! sleep for real minutes; the schedule itself is [`crate::policy`].
//!
//! Several watchers may share one store (on one machine or several): each polls only the
//! feeds it has claimed ([`sw_store::Store::claim_feeds`]), one at a time, just before it
//! polls it, and writing the feed's state back releases the claim. A claim lasts
//! [`Config::lease`] and is renewed between the pages of a long poll, so a live watcher
//! keeps its feed; one that dies (`kill -9`, a lost machine) leaves its feed to the others
//! once the lease passes.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;

use anyhow::Result;
use sw_app::ingest::{IngestConfig, Pipeline, Reporter, Summary};
use sw_extract::Extractor;
use sw_ingest::{Fetcher, Limits, Options, Polled, Unit, UnitMeta};
use sw_model::Format;
use sw_store::{FeedState, Store};

use crate::policy::{host_of, max_age, retry_after, seed_of, HostGate, Millis, Outcome, Policy};
use crate::webhook::Sender;
use crate::Change;

/// Where the time comes from.
pub trait Clock {
    fn now_ms(&self) -> Millis;
    fn sleep_ms(&self, ms: Millis);
}

/// The system clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> Millis {
        chrono::Utc::now().timestamp_millis()
    }
    fn sleep_ms(&self, ms: Millis) {
        if ms > 0 {
            std::thread::sleep(std::time::Duration::from_millis(ms as u64));
        }
    }
}

/// Where the watcher reports: one line per problem, naming the feed or page.
pub trait Events: Sync {
    fn problem(&self, locator: &str, message: &str);
    fn note(&self, locator: &str, message: &str);
    /// A feed was polled: how many new items it had and what the ingest did with them.
    fn polled(&self, _feed: &str, _new_items: usize, _summary: &Summary) {}
    fn changed(&self, _change: &Change) {}
}

/// How the watcher runs.
#[derive(Debug, Clone)]
pub struct Config {
    pub policy: Policy,
    /// The bounds of every fetch (and whether private addresses are allowed: tests on
    /// loopback need it).
    pub limits: Limits,
    pub near_dup: f64,
    /// Inputs per ingest batch.
    pub batch: usize,
    /// Most new items taken from one answer of a feed; the rest wait for the next poll.
    pub max_items: usize,
    /// From this many failures in a row, a feed's line says it keeps failing.
    pub failing_after: i64,
    /// This watcher's name in the claims it takes (see the module's documentation): unique
    /// among the watchers sharing a store. `strikewatch watch` makes it from the host, the
    /// process id and a random number.
    pub worker: String,
    /// How long a claim on a feed lasts, in milliseconds: longer than one fetch's timeout
    /// (it is renewed between fetches), so that no live watcher loses its feed mid-poll.
    pub lease: Millis,
}

/// The default lease: five minutes, ten times the default fetch deadline.
pub const DEFAULT_LEASE: Millis = 5 * 60 * 1000;

/// A name for a watcher no other in this process has (the default [`Config::worker`]).
fn local_worker() -> String {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    format!(
        "pid {} watcher {}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

impl Default for Config {
    fn default() -> Self {
        Config {
            policy: Policy::default(),
            limits: Limits::default(),
            near_dup: 0.8,
            batch: 64,
            max_items: 100,
            failing_after: sw_store::FEED_FAILING_AFTER,
            worker: local_worker(),
            lease: DEFAULT_LEASE,
        }
    }
}

/// What one poll of one feed did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Polling {
    NotModified,
    Fetched {
        new_items: usize,
        articles: usize,
    },
    Failed(String),
    /// Its host may not be asked yet (politeness or `Retry-After`).
    Deferred,
}

/// Candidates offered to one claim at most: the soonest due of them is claimed.
const CLAIM_WINDOW: usize = 64;

/// Polls feeds kept in a store.
pub struct Watcher<'a, S: Store + ?Sized> {
    store: &'a mut S,
    fetcher: Fetcher,
    extractor: Arc<Extractor>,
    config: Config,
    gate: HostGate,
    webhooks: Option<Sender>,
    /// Only these feeds (all stored feeds when `None`).
    only: Option<HashSet<String>>,
    /// Whether this watcher has tried the webhooks' pending changes yet (it does on its
    /// first tick, so a restart sends what a stopped watcher had not).
    delivered_once: bool,
}

impl<'a, S: Store + ?Sized> Watcher<'a, S> {
    pub fn new(
        store: &'a mut S,
        extractor: Arc<Extractor>,
        config: Config,
        webhooks: Option<Sender>,
    ) -> Result<Watcher<'a, S>> {
        let fetcher = Fetcher::new(&config.limits).map_err(anyhow::Error::msg)?;
        // a webhook named for the first time gets the changes from now on, not the history
        if let Some(sender) = &webhooks {
            let latest = store.changes(None, 1)?.first().map_or(0, |c| c.seq);
            for url in sender.urls() {
                if store.delivery_cursor(url)?.is_none() {
                    store.set_delivery_cursor(url, latest)?;
                }
            }
        }
        Ok(Watcher {
            store,
            fetcher,
            extractor,
            config,
            gate: HostGate::default(),
            webhooks,
            only: None,
            delivered_once: false,
        })
    }

    /// Polls only these feeds.
    pub fn only(&mut self, urls: impl IntoIterator<Item = String>) {
        self.only = Some(urls.into_iter().collect());
    }

    fn watched(&self) -> Result<Vec<FeedState>> {
        let mut feeds = self.store.feeds()?;
        if let Some(only) = &self.only {
            feeds.retain(|f| only.contains(&f.url));
        }
        Ok(feeds)
    }

    /// Polls every feed due now that no other watcher holds, one after another (so one
    /// request at a time, to any host), claiming each just before its poll; a feed whose
    /// host may not be asked yet waits for a later tick. Returns each feed it polled or
    /// deferred with what came of it (the feeds other watchers polled are not in it).
    pub fn tick(
        &mut self,
        clock: &dyn Clock,
        stop: &AtomicBool,
        events: &dyn Events,
    ) -> Result<Vec<(String, Polling)>> {
        let mut left = self.watched()?;
        left.sort_by_key(|f| f.next_poll_ms.unwrap_or(Millis::MIN));
        let mut out = Vec::new();
        while !stop.load(Ordering::Relaxed) {
            let now = clock.now_ms();
            // as last read: not due, or held by another watcher, is not this tick's
            left.retain(|f| f.next_poll_ms.is_none_or(|t| t <= now) && !self.held_by_other(f, now));
            left.retain(|f| {
                let ready = self.gate.ready_at(&host_of(&f.url)) <= now;
                if !ready {
                    out.push((f.url.clone(), Polling::Deferred));
                }
                ready
            });
            if left.is_empty() {
                break;
            }
            // the soonest due of a window of the candidates that no one has claimed since
            // they were read (the window bounds what each claim sends)
            let window: Vec<String> = left
                .iter()
                .take(CLAIM_WINDOW)
                .map(|f| f.url.clone())
                .collect();
            let until = now.saturating_add(self.config.lease);
            let Some(feed) = self
                .store
                .claim_feeds(&self.config.worker, &window, now, until, 1)?
                .pop()
            else {
                // all polled or held by others since they were read
                left.retain(|f| !window.contains(&f.url));
                continue;
            };
            left.retain(|f| f.url != feed.url);
            let host = host_of(&feed.url);
            let url = feed.url.clone();
            let polled = self.poll(feed, clock, stop, events)?;
            self.gate
                .done(&host, clock.now_ms(), self.config.policy.politeness);
            out.push((url, polled));
        }
        // what a webhook has not taken yet is tried again whenever feeds were polled (their
        // intervals pace the retries), and on the first tick after a start
        if !self.delivered_once || !out.is_empty() {
            self.delivered_once = true;
            self.deliver_pending(clock, events)?;
        }
        Ok(out)
    }

    /// Whether another watcher's claim on `feed` holds at `now`, as last read.
    fn held_by_other(&self, feed: &FeedState, now: Millis) -> bool {
        feed.claimed_by
            .as_ref()
            .is_some_and(|w| *w != self.config.worker)
            && feed.lease_until_ms.is_some_and(|t| t >= now)
    }

    /// Renews this watcher's claim on the feed it is polling when half its lease is spent;
    /// false when the claim was lost (the lease lapsed and another watcher took the feed).
    fn keep_claim(
        &mut self,
        feed_url: &str,
        renew_at: &mut Millis,
        clock: &dyn Clock,
    ) -> Result<bool> {
        let now = clock.now_ms();
        if now < *renew_at {
            return Ok(true);
        }
        let kept = !self
            .store
            .claim_feeds(
                &self.config.worker,
                &[feed_url.to_string()],
                now,
                now.saturating_add(self.config.lease),
                1,
            )?
            .is_empty();
        *renew_at = now.saturating_add(self.config.lease / 2);
        Ok(kept)
    }

    /// Sends every webhook the changes after its delivery cursor, oldest first, moving the
    /// cursor in the store after each one taken. A change a webhook does not take stops that
    /// webhook's queue (order kept) until the next try; nothing is skipped, so delivery is
    /// at least once across failures and restarts.
    fn deliver_pending(&mut self, clock: &dyn Clock, events: &dyn Events) -> Result<()> {
        let Some(sender) = &self.webhooks else {
            return Ok(());
        };
        for url in sender.urls() {
            let mut cursor = self.store.delivery_cursor(url)?.unwrap_or(0);
            'queue: loop {
                let batch = self.store.changes_after(cursor, 100)?;
                if batch.is_empty() {
                    break;
                }
                for c in batch {
                    match sender.deliver(url, c.json.as_bytes(), &c.key, &|ms| clock.sleep_ms(ms)) {
                        Ok(()) => {
                            self.store.set_delivery_cursor(url, c.seq)?;
                            cursor = c.seq;
                        }
                        Err(line) => {
                            events.problem("webhook", &line);
                            break 'queue;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// When the next feed is due (and its host may be asked), or `None` with no feeds. A
    /// feed another watcher has claimed is this one's no sooner than that claim's lease
    /// ends: the holder polls it meanwhile (and, alive, again when it is next due), so this
    /// watcher only takes it over from a holder that died.
    pub fn next_due(&self) -> Result<Option<Millis>> {
        Ok(self
            .watched()?
            .iter()
            .map(|f| {
                let held = match (&f.claimed_by, f.lease_until_ms) {
                    (Some(w), Some(t)) if *w != self.config.worker => t.saturating_add(1),
                    _ => Millis::MIN,
                };
                f.next_poll_ms
                    .unwrap_or(Millis::MIN)
                    .max(held)
                    .max(self.gate.ready_at(&host_of(&f.url)))
            })
            .min())
    }

    /// Polls until `stop` is set: each tick, then a sleep until the next feed is due, in
    /// slices short enough that a stop is seen within a fifth of a second.
    pub fn run(&mut self, clock: &dyn Clock, stop: &AtomicBool, events: &dyn Events) -> Result<()> {
        while !stop.load(Ordering::Relaxed) {
            self.tick(clock, stop, events)?;
            let wake = self
                .next_due()?
                .unwrap_or(clock.now_ms() + self.config.policy.min);
            while !stop.load(Ordering::Relaxed) {
                let left = wake.saturating_sub(clock.now_ms());
                if left <= 0 {
                    break;
                }
                clock.sleep_ms(left.min(200));
            }
        }
        Ok(())
    }

    /// One poll of one feed; its state is written back whatever came of it.
    fn poll(
        &mut self,
        mut feed: FeedState,
        clock: &dyn Clock,
        stop: &AtomicBool,
        events: &dyn Events,
    ) -> Result<Polling> {
        let policy = self.config.policy.clone();
        let polled = self.fetcher.get_conditional(
            &feed.url,
            feed.etag.as_deref(),
            feed.last_modified.as_deref(),
        );
        let now = clock.now_ms();
        let interval = feed.interval_ms.unwrap_or(policy.default);
        let result = match polled {
            Err(e) => {
                let wait = e.retry_after.as_deref().and_then(|v| retry_after(v, now));
                if let (Some(w), Some(429 | 503)) = (wait, e.status) {
                    self.gate.block_until(&host_of(&feed.url), now + w);
                }
                return self.failed(feed, e.message, wait, now, events);
            }
            Ok(Polled::NotModified { cache_control }) => {
                let age = cache_control.as_deref().and_then(max_age);
                let interval = policy.after_unchanged(interval);
                feed.interval_ms = Some(interval);
                feed.last_success_ms = Some(now);
                feed.failures = 0;
                feed.next_poll_ms = Some(policy.next_poll(
                    now,
                    &Outcome::Success {
                        interval,
                        max_age: age,
                    },
                ));
                Polling::NotModified
            }
            Ok(Polled::Fetched {
                fetched,
                etag,
                last_modified,
                cache_control,
            }) => {
                let parsed = match sw_ingest::sources::feed::parse_feed(&fetched.bytes) {
                    Ok(p) => p,
                    Err(e) => return self.failed(feed, e.0, None, now, events),
                };
                let times: Vec<Millis> = parsed
                    .entries
                    .iter()
                    .filter_map(|e| e.published.or(e.updated))
                    .map(|d| d.timestamp_millis())
                    .collect();
                let (new_items, summary, interrupted) =
                    self.ingest_items(&feed.url, &parsed, clock, stop, events)?;
                let interval = if new_items == 0 {
                    policy.after_unchanged(interval)
                } else {
                    policy.interval(&times)
                };
                let now = clock.now_ms();
                // validators only once every new item was taken: after a stop, the next poll
                // must get the whole feed again, not a 304 hiding the items left
                if !interrupted {
                    feed.etag = etag;
                    feed.last_modified = last_modified;
                }
                feed.last_success_ms = Some(now);
                feed.failures = 0;
                feed.interval_ms = Some(interval);
                feed.items_seen += new_items as i64;
                feed.next_poll_ms = Some(policy.next_poll(
                    now,
                    &Outcome::Success {
                        interval,
                        max_age: cache_control.as_deref().and_then(max_age),
                    },
                ));
                events.polled(&feed.url, new_items, &summary);
                Polling::Fetched {
                    new_items,
                    articles: summary.new,
                }
            }
        };
        self.store.put_feed(&feed)?;
        Ok(result)
    }

    fn failed(
        &mut self,
        mut feed: FeedState,
        message: String,
        wait: Option<Millis>,
        now: Millis,
        events: &dyn Events,
    ) -> Result<Polling> {
        feed.failures += 1;
        feed.last_error = Some(message.clone());
        feed.last_error_ms = Some(now);
        let next = self.config.policy.next_poll(
            now,
            &Outcome::Failure {
                failures: feed.failures.clamp(1, u32::MAX as i64) as u32,
                seed: seed_of(&feed.url),
                retry_after: wait,
            },
        );
        feed.next_poll_ms = Some(next);
        let secs = (next - now + 999) / 1000;
        let line = if feed.failures >= self.config.failing_after {
            format!(
                "{message} ({} failures in a row; retrying in {secs} s)",
                feed.failures
            )
        } else {
            format!("{message} (retrying in {secs} s)")
        };
        events.problem(&feed.url, &line);
        self.store.put_feed(&feed)?;
        Ok(Polling::Failed(message))
    }

    /// Fetches the pages of the feed's items not stored yet, ingests them, updates the
    /// ledger, and records and sends the changes. Returns the number of new items, what the
    /// ingest did, and whether a stop cut the items short.
    fn ingest_items(
        &mut self,
        feed_url: &str,
        parsed: &feed_rs::model::Feed,
        clock: &dyn Clock,
        stop: &AtomicBool,
        events: &dyn Events,
    ) -> Result<(usize, Summary, bool)> {
        let outlet = parsed.title.as_ref().map(|t| t.content.clone());
        let mut taken: HashSet<String> = HashSet::new();
        let mut units = Vec::new();
        let mut interrupted = false;
        // the claim was taken (or renewed) just before the feed's own fetch
        let mut renew_at = clock.now_ms();
        for entry in &parsed.entries {
            let Some(link) = entry.links.first().map(|l| l.href.clone()) else {
                continue;
            };
            if taken.contains(&link) || self.store.item_seen(&link)? {
                continue;
            }
            if taken.len() >= self.config.max_items {
                break;
            }
            if stop.load(Ordering::Relaxed) {
                interrupted = true;
                break;
            }
            if !self.keep_claim(feed_url, &mut renew_at, clock)? {
                // another watcher has the feed now: it takes the items left
                events.note(
                    feed_url,
                    "the claim on this feed lapsed and another worker took it; its other items are left to that worker",
                );
                interrupted = true;
                break;
            }
            taken.insert(link.clone());
            let host = host_of(&link);
            let wait = self.gate.ready_at(&host).saturating_sub(clock.now_ms());
            if wait > 0 {
                clock.sleep_ms(wait);
            }
            let fetched = self.fetcher.get(&link);
            self.gate
                .done(&host, clock.now_ms(), self.config.policy.politeness);
            let mut meta = UnitMeta {
                url: Some(link.clone()),
                outlet: outlet.clone(),
                title: entry.title.as_ref().map(|t| t.content.clone()),
                published: entry.published.or(entry.updated).map(|d| d.to_rfc3339()),
                ..Default::default()
            };
            match fetched {
                Ok(page) => {
                    meta.content_type = page.content_type.clone();
                    units.push(Unit {
                        locator: link,
                        format: Format::Html,
                        bytes: page.bytes,
                        meta,
                    });
                }
                Err(e) => {
                    let own = entry
                        .content
                        .as_ref()
                        .and_then(|c| c.body.clone())
                        .filter(|b| !b.trim().is_empty())
                        .or_else(|| entry.summary.as_ref().map(|s| s.content.clone()))
                        .and_then(|h| {
                            sw_ingest::sources::html::fragment_text(&h, &self.config.limits).ok()
                        })
                        .filter(|t| !t.trim().is_empty());
                    match own {
                        Some(text) => {
                            events.note(
                                &link,
                                &format!(
                                    "linked page not fetched ({e}); the item's own text is used"
                                ),
                            );
                            units.push(Unit {
                                locator: link,
                                format: Format::Text,
                                bytes: text.into_bytes(),
                                meta,
                            });
                        }
                        None => events.problem(
                            &link,
                            &format!("linked page not fetched ({e}) and the item has no text"),
                        ),
                    }
                }
            }
        }
        let new_items = taken.len();
        if units.is_empty() {
            if new_items > 0 {
                let links: Vec<String> = taken.into_iter().collect();
                self.store
                    .mark_items_seen(feed_url, &links, clock.now_ms())?;
            }
            return Ok((new_items, Summary::default(), interrupted));
        }
        // the ingest and the ledger update may take a while on a large store
        self.keep_claim(feed_url, &mut renew_at, clock)?;
        let now = clock.now_ms();
        let today = chrono::DateTime::from_timestamp_millis(now)
            .map(|d| d.date_naive())
            .unwrap_or_default();
        let config = IngestConfig {
            options: Options {
                limits: self.config.limits.clone(),
                ..Options::default()
            },
            near_dup: self.config.near_dup,
            batch: self.config.batch,
            today,
        };
        // the items taken are all ingested: a stop is honoured between items, above
        let no_stop = AtomicBool::new(false);
        let summary = {
            let mut pipeline = Pipeline {
                store: &mut *self.store,
                config,
                stop: &no_stop,
                fetcher: None,
                extractor: Some(self.extractor.clone()),
            };
            pipeline.run_units(units, &Relay(events))?
        };
        let links: Vec<String> = taken.into_iter().collect();
        self.store.mark_items_seen(feed_url, &links, now)?;
        // the version is stamped with the watcher's clock (the test clock in tests)
        let at = chrono::DateTime::from_timestamp_millis(clock.now_ms())
            .unwrap_or_default()
            .to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
        let (_, changes) =
            sw_app::refresh_followed(&mut *self.store, &self.extractor, false, &at, true, &|_| {})?;
        self.publish(&changes, clock, events)?;
        Ok((new_items, summary, interrupted))
    }

    /// Tells of the changes the batch's ledger version kept as alerts, and sends the webhooks
    /// what they have not had.
    fn publish(
        &mut self,
        changes: &[Change],
        clock: &dyn Clock,
        events: &dyn Events,
    ) -> Result<()> {
        for c in changes {
            events.changed(c);
        }
        self.deliver_pending(clock, events)
    }
}

/// The pipeline's reporter, passing its lines on as the watcher's.
struct Relay<'a>(&'a dyn Events);

impl Reporter for Relay<'_> {
    fn error(&self, locator: &str, message: &str) {
        self.0.problem(locator, message);
    }
    fn note(&self, locator: &str, message: &str) {
        self.0.note(locator, message);
    }
    fn progress(&self, _summary: &Summary) {}
}
