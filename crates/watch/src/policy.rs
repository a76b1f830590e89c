//! When to poll: pure functions of time values passed in (milliseconds since the Unix
//! epoch), so that the schedule is tested without a clock and a restarted watcher, given the
//! stored state, decides as the first one would have.
//!
//! - An adaptive interval per feed, between [`Policy::min`] and [`Policy::max`], from how
//!   often it publishes: half the median gap between its recent items, so that a feed that
//!   publishes every ten minutes is read every five and one that publishes weekly is read at
//!   the maximum.
//! - Exponential backoff on errors, with jitter drawn from a seed passed in (so two feeds on
//!   one failing host do not retry in step, and a test sees the same jitter every run).
//! - `Retry-After` (seconds or an HTTP date) and `Cache-Control: max-age` honoured, each
//!   capped at [`MAX_SERVER_WAIT_MS`] so that a hostile header cannot park a feed for a year.
//! - One request at a time per host, at least [`Policy::politeness`] apart ([`HostGate`]).

use std::collections::HashMap;

/// Milliseconds since the Unix epoch.
pub type Millis = i64;

/// The longest a server's `Retry-After` or `max-age` can make a feed wait: a day.
pub const MAX_SERVER_WAIT_MS: Millis = 24 * 3600 * 1000;

/// How politely and how often to poll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Policy {
    /// The shortest interval between two polls of one feed.
    pub min: Millis,
    /// The longest interval between two polls of one feed that answers.
    pub max: Millis,
    /// The interval of a feed whose items carry too few dates to tell how often it publishes.
    pub default: Millis,
    /// The first wait after an error; doubled with each error in a row.
    pub backoff_base: Millis,
    /// The longest wait after errors.
    pub backoff_max: Millis,
    /// The least time between two requests to one host.
    pub politeness: Millis,
}

impl Default for Policy {
    /// Half a minute to an hour (so an item of a busy feed is read within about half a
    /// minute: see BENCHMARKS.md, *Live monitoring*), five minutes when unknown; errors back
    /// off from a minute to six hours; a host is asked at most once a second.
    fn default() -> Self {
        Policy {
            min: 30_000,
            max: 3_600_000,
            default: 300_000,
            backoff_base: 60_000,
            backoff_max: 6 * 3_600_000,
            politeness: 1_000,
        }
    }
}

impl Policy {
    /// The interval for a feed whose items were published at `item_times` (any order): half
    /// the median gap between its latest items, within `[min, max]`.
    pub fn interval(&self, item_times: &[Millis]) -> Millis {
        let mut times: Vec<Millis> = item_times.to_vec();
        times.sort_unstable();
        times.dedup();
        // the latest 20 items say how often it publishes now
        let recent = &times[times.len().saturating_sub(20)..];
        if recent.len() < 2 {
            return self.default.clamp(self.min, self.max.max(self.min));
        }
        let mut gaps: Vec<Millis> = recent.windows(2).map(|w| w[1] - w[0]).collect();
        gaps.sort_unstable();
        let median = gaps[gaps.len() / 2];
        (median / 2).clamp(self.min, self.max.max(self.min))
    }

    /// The interval after a poll that found nothing new (a 304, or no item not stored): half
    /// as long again, up to `max`. A quiet feed drifts towards the maximum, and one that
    /// publishes again gets its interval back from its items' dates.
    pub fn after_unchanged(&self, interval: Millis) -> Millis {
        (interval.saturating_add(interval / 2)).clamp(self.min, self.max.max(self.min))
    }

    /// The wait after the `failures`-th error in a row (1 for the first): the base doubled per
    /// error, capped, then scaled by a jitter factor in [0.5, 1] drawn from `seed` and
    /// `failures`; never below `min`.
    pub fn backoff(&self, failures: u32, seed: u64) -> Millis {
        let doublings = failures.saturating_sub(1).min(40);
        let raw = self
            .backoff_base
            .saturating_mul(1i64 << doublings)
            .min(self.backoff_max);
        let unit = (splitmix64(seed ^ u64::from(failures)) >> 11) as f64 / (1u64 << 53) as f64;
        let jittered = (raw as f64 * (0.5 + 0.5 * unit)) as Millis;
        jittered.max(self.min)
    }

    /// When a feed is next due after a poll at `now`: a success waits its interval, or as
    /// long as the answer stays fresh (`max_age`) when that is longer; a failure waits its
    /// backoff, or as long as the server asked (`retry_after`) when that is longer.
    pub fn next_poll(&self, now: Millis, outcome: &Outcome) -> Millis {
        let wait = match *outcome {
            Outcome::Success { interval, max_age } => {
                interval.max(max_age.unwrap_or(0).min(MAX_SERVER_WAIT_MS))
            }
            Outcome::Failure {
                failures,
                seed,
                retry_after,
            } => self
                .backoff(failures, seed)
                .max(retry_after.unwrap_or(0).min(MAX_SERVER_WAIT_MS)),
        };
        now + wait
    }
}

/// What a poll came to, for [`Policy::next_poll`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Success {
        interval: Millis,
        max_age: Option<Millis>,
    },
    Failure {
        /// Errors in a row, this one included.
        failures: u32,
        seed: u64,
        retry_after: Option<Millis>,
    },
}

/// A well-mixed 64-bit hash (SplitMix64's finaliser): jitter that needs no random source.
fn splitmix64(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A seed for a feed's jitter from its URL (FNV-1a): stable across runs and restarts.
pub fn seed_of(url: &str) -> u64 {
    url.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// How long `Retry-After` asks to wait, read at `now`: delta-seconds or an HTTP date. A date
/// in the past is no wait; an unreadable value is ignored.
pub fn retry_after(value: &str, now: Millis) -> Option<Millis> {
    let v = value.trim();
    if let Ok(secs) = v.parse::<u64>() {
        return Some((secs.min(MAX_SERVER_WAIT_MS as u64 / 1000) * 1000) as Millis);
    }
    let at = chrono::DateTime::parse_from_rfc2822(v).ok()?;
    Some((at.timestamp_millis() - now).clamp(0, MAX_SERVER_WAIT_MS))
}

/// How long an answer stays fresh by its `Cache-Control`: `max-age` (or `s-maxage`), unless
/// `no-cache` or `no-store` says not to reuse it.
pub fn max_age(cache_control: &str) -> Option<Millis> {
    let mut age = None;
    for d in cache_control.split(',') {
        let d = d.trim().to_ascii_lowercase();
        if d == "no-cache" || d == "no-store" {
            return None;
        }
        if let Some(v) = d
            .strip_prefix("max-age=")
            .or_else(|| d.strip_prefix("s-maxage="))
        {
            if let Ok(s) = v.trim_matches('"').parse::<u64>() {
                let ms = (s.min(MAX_SERVER_WAIT_MS as u64 / 1000) * 1000) as Millis;
                age = Some(age.map_or(ms, |a: Millis| a.max(ms)));
            }
        }
    }
    age
}

/// One request at a time per host, at least `politeness` apart, and no request to a host
/// before the time its `Retry-After` named.
#[derive(Debug, Default)]
pub struct HostGate {
    hosts: HashMap<String, Millis>,
}

impl HostGate {
    /// The earliest time a request to `host` may start.
    pub fn ready_at(&self, host: &str) -> Millis {
        self.hosts.get(host).copied().unwrap_or(Millis::MIN)
    }

    /// A request to `host` ended at `now`: the next waits `politeness`.
    pub fn done(&mut self, host: &str, now: Millis, politeness: Millis) {
        let at = self.hosts.entry(host.to_string()).or_insert(Millis::MIN);
        *at = (*at).max(now + politeness);
    }

    /// The host asked for no request before `until` (a 429 or 503 with `Retry-After`).
    pub fn block_until(&mut self, host: &str, until: Millis) {
        let at = self.hosts.entry(host.to_string()).or_insert(Millis::MIN);
        *at = (*at).max(until);
    }
}

/// The host part of a URL, lower-cased (the whole URL when it has none, so it still gets a
/// gate of its own).
pub fn host_of(url: &str) -> String {
    reqwest::Url::parse(url)
        .ok()
        .and_then(|u| {
            u.host_str()
                .map(|h| format!("{}:{}", h, u.port_or_known_default().unwrap_or(0)))
        })
        .unwrap_or_else(|| url.to_string())
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    const MIN: Millis = 60_000;

    #[test]
    fn interval_follows_how_often_a_feed_publishes() {
        let p = Policy::default();
        // every ten minutes: read every five
        let ten: Vec<Millis> = (0..10).map(|i| i * 600_000).collect();
        assert_eq!(p.interval(&ten), 300_000);
        // weekly: the maximum
        let weekly: Vec<Millis> = (0..5).map(|i| i * 7 * 86_400_000).collect();
        assert_eq!(p.interval(&weekly), p.max);
        // every few seconds: the minimum
        let burst: Vec<Millis> = (0..50).map(|i| i * 3_000).collect();
        assert_eq!(p.interval(&burst), p.min);
        // one dated item says nothing: the default
        assert_eq!(p.interval(&[5]), p.default);
        assert_eq!(p.interval(&[]), p.default);
        // the median resists one long silence, order does not matter
        let mut mixed: Vec<Millis> = (0..9).map(|i| i * 1_200_000).collect();
        mixed.push(100 * 86_400_000);
        mixed.reverse();
        assert_eq!(p.interval(&mixed), 600_000);
        // a 1 s minimum is honoured
        let fast = Policy {
            min: 1_000,
            ..Policy::default()
        };
        assert_eq!(fast.interval(&burst), 1_500);
    }

    #[test]
    fn a_quiet_feed_drifts_towards_the_maximum() {
        let p = Policy::default();
        let mut i = p.min;
        let mut steps = 0;
        while i < p.max {
            let next = p.after_unchanged(i);
            assert!(next > i && next <= p.max);
            i = next;
            steps += 1;
        }
        // from half a minute to an hour in a dozen unchanged polls
        assert!(steps <= 12, "{steps}");
        assert_eq!(p.after_unchanged(p.max), p.max);
    }

    #[test]
    fn backoff_doubles_with_jitter_and_is_capped() {
        let p = Policy::default();
        for seed in [1u64, 2, 99, seed_of("https://a.example/feed")] {
            for n in 1..=12u32 {
                let raw = (p.backoff_base << (n - 1)).min(p.backoff_max);
                let b = p.backoff(n, seed);
                assert!(
                    b >= raw / 2 && b <= raw,
                    "{n}: {b} not in [{}, {raw}]",
                    raw / 2
                );
                // the same seed, the same wait
                assert_eq!(b, p.backoff(n, seed));
            }
        }
        // seeds spread the waits apart
        let waits: std::collections::HashSet<Millis> =
            (0..20u64).map(|s| p.backoff(3, s)).collect();
        assert!(waits.len() > 10, "{waits:?}");
        assert!(p.backoff(1_000, 7) <= p.backoff_max);
    }

    #[test]
    fn server_waits_are_honoured_and_capped() {
        let p = Policy::default();
        let now = 1_000_000;
        let ok = |max_age| Outcome::Success {
            interval: MIN,
            max_age,
        };
        assert_eq!(p.next_poll(now, &ok(None)), now + MIN);
        assert_eq!(p.next_poll(now, &ok(Some(10_000))), now + MIN);
        assert_eq!(p.next_poll(now, &ok(Some(600_000))), now + 600_000);
        assert_eq!(
            p.next_poll(now, &ok(Some(i64::MAX))),
            now + MAX_SERVER_WAIT_MS
        );
        let fail = |retry_after| Outcome::Failure {
            failures: 1,
            seed: 3,
            retry_after,
        };
        let backoff = p.backoff(1, 3);
        assert_eq!(p.next_poll(now, &fail(None)), now + backoff);
        assert_eq!(p.next_poll(now, &fail(Some(3_600_000))), now + 3_600_000);
    }

    #[test]
    fn retry_after_and_max_age_are_read() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-05T05:00:00Z")
            .unwrap()
            .timestamp_millis();
        assert_eq!(retry_after("120", now), Some(120_000));
        assert_eq!(
            retry_after("Sat, 05 Dec 2026 05:02:00 GMT", now),
            Some(120_000)
        );
        assert_eq!(retry_after("Sat, 05 Dec 2026 04:00:00 GMT", now), Some(0));
        assert_eq!(retry_after("soon", now), None);
        assert_eq!(retry_after("99999999999", now), Some(MAX_SERVER_WAIT_MS));
        assert_eq!(max_age("public, max-age=300"), Some(300_000));
        assert_eq!(max_age("max-age=60, s-maxage=600"), Some(600_000));
        assert_eq!(max_age("no-cache, max-age=300"), None);
        assert_eq!(max_age("private"), None);
        assert_eq!(max_age("max-age=abc"), None);
    }

    #[test]
    fn hosts_are_asked_one_at_a_time_politely() {
        let mut g = HostGate::default();
        let a = host_of("https://A.example/feed");
        assert_eq!(a, host_of("https://a.example:443/other"));
        assert_ne!(a, host_of("http://a.example/feed"));
        assert_eq!(g.ready_at(&a), Millis::MIN);
        g.done(&a, 10_000, 1_000);
        assert_eq!(g.ready_at(&a), 11_000);
        assert_eq!(g.ready_at(&host_of("https://b.example/")), Millis::MIN);
        g.block_until(&a, 70_000);
        g.done(&a, 12_000, 1_000);
        assert_eq!(g.ready_at(&a), 70_000);
    }
}
