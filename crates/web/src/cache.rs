//! The search cache: answers of recent searches, kept while the store's reports generation
//! stays the same, so that a popular query (the word of the day, a link shared around) is
//! searched once rather than once per reader. Why it is needed: searches run in a lane of
//! half the store connections (one on a 2-core machine), so without it sixteen readers of
//! one query wait on each other's identical searches.
//!
//! Bounded three ways: entries, bytes (an estimate of the hits' text), and age (articles
//! stored without extraction do not change the reports generation, so an answer is also
//! searched again once it is [`Limits::max_age`] old). Eviction is oldest first: a flood of
//! distinct queries pushes out old answers but never grows the cache.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sw_store::search::Term;
use sw_store::SearchHit;

/// What a search answered: hits and total, or why the query was refused (a query too broad
/// for its budget stays too broad until the store changes, so its refusal is kept too).
pub(crate) type Answer = Result<(Arc<Vec<SearchHit>>, usize), String>;

/// A query as the store searches it: its words (case folded, as the index folds them) and
/// the page wanted. Queries that differ only in spacing, case or punctuation share an entry.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub(crate) struct Key {
    words: String,
    limit: usize,
    offset: usize,
}

impl Key {
    pub fn new(terms: &[Term], limit: usize, offset: usize) -> Key {
        let words: Vec<String> = terms
            .iter()
            .map(|t| {
                format!(
                    "{}{}{}",
                    if t.exclude { "-" } else { "" },
                    t.word.to_lowercase(),
                    if t.prefix { "*" } else { "" }
                )
            })
            .collect();
        Key {
            words: words.join(" "),
            limit,
            offset,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Limits {
    pub max_entries: usize,
    pub max_bytes: usize,
    pub max_age: Duration,
}

impl Default for Limits {
    /// 512 answers, 16 MiB, a minute: a page of 50 hits is ~20 kB, so the byte cap binds
    /// only for pages of hundreds of hits.
    fn default() -> Limits {
        Limits {
            max_entries: 512,
            max_bytes: 16 << 20,
            max_age: Duration::from_secs(60),
        }
    }
}

pub(crate) struct SearchCache {
    limits: Limits,
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    /// The reports generation the entries were searched in.
    generation: i64,
    entries: HashMap<Key, (Answer, usize, Instant)>,
    /// Keys oldest first (a key may appear again after it was replaced: the stale copy is
    /// skipped when evicted).
    order: VecDeque<(Key, Instant)>,
    bytes: usize,
}

impl SearchCache {
    pub fn new(limits: Limits) -> SearchCache {
        SearchCache {
            limits,
            inner: Mutex::new(Inner::default()),
        }
    }

    fn inner(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The answer kept for `key` in reports generation `generation`, if fresh.
    pub fn get(&self, generation: i64, key: &Key) -> Option<Answer> {
        let mut c = self.inner();
        c.start(generation);
        let (answer, _, at) = c.entries.get(key)?;
        (at.elapsed() < self.limits.max_age).then(|| answer.clone())
    }

    /// Keeps `answer` for `key`, searched in `generation` (dropped if the generation moved on
    /// meanwhile, or if it alone is over the byte cap).
    pub fn put(&self, generation: i64, key: Key, answer: Answer) {
        let size = weight(&key, &answer);
        if size > self.limits.max_bytes {
            return;
        }
        let mut c = self.inner();
        if generation < c.generation {
            return;
        }
        c.start(generation);
        let now = Instant::now();
        if let Some((_, old, _)) = c.entries.insert(key.clone(), (answer, size, now)) {
            c.bytes -= old;
        }
        c.bytes += size;
        c.order.push_back((key, now));
        while c.entries.len() > self.limits.max_entries || c.bytes > self.limits.max_bytes {
            let Some((k, at)) = c.order.pop_front() else {
                break;
            };
            // only the copy of the key's latest insertion evicts it
            if c.entries.get(&k).is_some_and(|e| e.2 == at) {
                if let Some((_, s, _)) = c.entries.remove(&k) {
                    c.bytes -= s;
                }
            }
        }
        // stale copies of keys replaced since: never more than the entries themselves
        if c.order.len() > 2 * self.limits.max_entries.max(1) {
            let Inner { entries, order, .. } = &mut *c;
            order.retain(|(k, at)| entries.get(k).is_some_and(|e| e.2 == *at));
        }
    }

    #[cfg(test)]
    fn len_and_bytes(&self) -> (usize, usize) {
        let c = self.inner();
        (c.entries.len(), c.bytes)
    }
}

impl Inner {
    /// Forgets every answer of an earlier generation.
    fn start(&mut self, generation: i64) {
        if generation != self.generation {
            self.entries.clear();
            self.order.clear();
            self.bytes = 0;
            self.generation = generation;
        }
    }
}

/// About how many bytes an answer holds.
fn weight(key: &Key, answer: &Answer) -> usize {
    let hits = match answer {
        Ok((hits, _)) => hits
            .iter()
            .map(|h| {
                64 + h.snippet.len()
                    + h.lang.len()
                    + [&h.title, &h.outlet, &h.published, &h.url]
                        .iter()
                        .map(|s| s.as_deref().map_or(0, str::len))
                        .sum::<usize>()
            })
            .sum(),
        Err(why) => why.len(),
    };
    128 + key.words.len() + hits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(q: &str) -> Key {
        Key::new(&sw_store::search::terms(q).unwrap(), 10, 0)
    }

    fn hits(n: usize, snippet: usize) -> Answer {
        let hit = SearchHit {
            id: 1,
            title: None,
            outlet: None,
            published: None,
            lang: "en".into(),
            url: None,
            snippet: "x".repeat(snippet),
        };
        Ok((Arc::new(vec![hit; n]), n))
    }

    #[test]
    fn queries_that_search_the_same_share_an_entry() {
        assert_eq!(key("Lancha  caribe"), key("lancha, CARIBE"));
        assert_ne!(key("lancha"), key("lancha*"));
        assert_ne!(
            Key::new(&sw_store::search::terms("a").unwrap(), 10, 0),
            Key::new(&sw_store::search::terms("a").unwrap(), 10, 10)
        );
    }

    #[test]
    fn answers_last_as_long_as_the_generation() {
        let c = SearchCache::new(Limits::default());
        c.put(7, key("lancha"), hits(1, 10));
        assert!(c.get(7, &key("lancha")).is_some());
        assert!(c.get(7, &key("boat")).is_none());
        // new reports: every answer is searched again
        assert!(c.get(8, &key("lancha")).is_none());
        assert_eq!(c.len_and_bytes(), (0, 0));
        // an answer searched before the change is not kept after it
        c.put(7, key("lancha"), hits(1, 10));
        assert!(c.get(8, &key("lancha")).is_none());
        // refusals are kept like answers
        c.put(8, key("boat"), Err("too broad".into()));
        assert_eq!(c.get(8, &key("boat")), Some(Err("too broad".into())));
    }

    #[test]
    fn the_cache_is_bounded_by_entries_bytes_and_age() {
        let c = SearchCache::new(Limits {
            max_entries: 3,
            max_bytes: 10_000,
            max_age: Duration::from_secs(60),
        });
        for w in ["one", "two", "three", "four"] {
            c.put(1, key(w), hits(1, 10));
        }
        assert_eq!(c.len_and_bytes().0, 3);
        assert!(c.get(1, &key("one")).is_none(), "the oldest went first");
        assert!(c.get(1, &key("four")).is_some());
        // bytes: one big answer pushes out the others
        c.put(1, key("big"), hits(2, 4_700));
        assert!(c.len_and_bytes().1 <= 10_000);
        assert!(c.get(1, &key("big")).is_some());
        assert!(c.get(1, &key("two")).is_none());
        assert!(c.get(1, &key("three")).is_none(), "pushed out by bytes");
        // an answer over the whole cap is never kept
        c.put(1, key("huge"), hits(1, 20_000));
        assert!(c.get(1, &key("huge")).is_none());
        // many replacements of one key leave one entry and bounded bookkeeping
        for _ in 0..100 {
            c.put(1, key("again"), hits(1, 10));
        }
        assert!(c.inner().order.len() <= 6);
        assert!(c.len_and_bytes().0 <= 3);
        // age
        let c = SearchCache::new(Limits {
            max_age: Duration::ZERO,
            ..Limits::default()
        });
        c.put(1, key("lancha"), hits(1, 10));
        assert!(c.get(1, &key("lancha")).is_none(), "too old to serve");
    }
}
