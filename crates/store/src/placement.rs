//! Story placement: for each new article of a batch, whether it is a duplicate (the same text
//! from the same URL is already stored), an exact copy (same text) or near copy (similar
//! MinHash signature) of an article already stored or placed earlier in the batch, and so
//! which story it joins; or whether it starts a story of its own.
//!
//! The decision is made here, once, for every backend: a backend answers a few narrow queries
//! about what it stores ([`StoredArticles`]: the article held for an input's item, the oldest
//! articles with a text hash, the ids under an LSH band key, an article's story and signature)
//! and writes what [`Placer::plan`] returns. Keeping the decision out of the backend keeps
//! outcomes identical across backends and lets it be tested without a database.
//!
//! A batch is placed whole in memory before anything is written, so that the backend can
//! write the batch's articles with one statement (one flush of its full-text index per batch,
//! not per article). The batch's own articles are not stored yet: copies among them are found
//! through batch-local maps (by text hash, by band key, signatures). Stored articles are
//! consulted before the batch's own, which always have larger ids, so the result is the one an
//! article-by-article insert would give. Signatures read back from the store are kept in a
//! bounded cache across batches ([`SIGNATURE_CACHE`]), so the candidates of hot LSH buckets
//! are not read again for every article.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use sw_dedup::{Signature, BANDS};

use crate::{ArticleId, Finish, InputId, Outcome};

/// SHA-256 of an article's text: the key of exact copies.
pub type TextHash = [u8; 32];

/// Candidates examined per LSH band. Buckets hold one article per story (copies are not
/// indexed), so a bucket only grows large on templated text where many different stories
/// share phrasing; the cap keeps the cost per article bounded there, at the price of
/// possibly missing a copy whose story sits beyond the cap in every band it shares.
pub const MAX_CANDIDATES_PER_BAND: usize = 32;

/// Signatures (with their story) of indexed articles kept in memory between batches, so that
/// the candidates of hot LSH buckets are not read back from the store for every article. The
/// cache is emptied when it reaches this many entries (~0.5 kB each), which bounds memory.
/// 28,672 is what a hash table of 32,768 slots holds before it grows (7/8 of them), so the
/// table stays at 32,768 × 528 B ≈ 17 MB; emptying keeps the slots, and 65,536 entries held
/// a table of 131,072 slots (69 MB) for the rest of a big ingest.
pub const SIGNATURE_CACHE: usize = 28_672;

/// The oldest stored article with a given text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredText {
    pub id: ArticleId,
    pub story: i64,
    pub url: Option<String>,
}

/// What placement asks of the articles a backend has stored (committed before the batch in
/// flight). Each is one indexed lookup; `Error` is the backend's own error type.
pub trait StoredArticles {
    type Error;

    /// The article stored for item `item` of input `input`, if any (an input parsed again
    /// after an interruption may already hold its articles).
    fn held(&mut self, input: InputId, item: u32) -> Result<Option<ArticleId>, Self::Error>;

    /// The stored article with the smallest id whose text has hash `text`.
    fn first_with_text(&mut self, text: &TextHash) -> Result<Option<StoredText>, Self::Error>;

    /// The smallest id of a stored article with text hash `text` and URL `url` (`None`
    /// matches an article without a URL).
    fn first_with_text_and_url(
        &mut self,
        text: &TextHash,
        url: Option<&str>,
    ) -> Result<Option<ArticleId>, Self::Error>;

    /// Appends to `out` the [`MAX_CANDIDATES_PER_BAND`] smallest ids of the articles indexed
    /// under `key` in LSH band `band`, smallest first.
    fn bucket(
        &mut self,
        band: usize,
        key: i64,
        out: &mut Vec<ArticleId>,
    ) -> Result<(), Self::Error>;

    /// The story and MinHash signature of stored article `id` (`None` if there is no such
    /// article or its signature is unreadable).
    fn signature(&mut self, id: ArticleId) -> Result<Option<(i64, Signature)>, Self::Error>;
}

/// Where one new article goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// The same text from the same URL is already stored (or placed earlier in the batch).
    Duplicate(ArticleId),
    /// An exact or near copy of article `of`: it joins `story`.
    Copy { of: ArticleId, story: i64 },
    /// It starts a story of its own.
    Fresh,
}

/// A new article of the batch as placed: what the backend writes for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedArticle {
    /// Where it is in the batch: article `at.1` of the input `batch[at.0]`.
    pub at: (usize, usize),
    pub id: ArticleId,
    pub story: i64,
    pub copy_of: Option<ArticleId>,
    pub text_hash: TextHash,
}

/// The placement of a whole batch.
#[derive(Debug, Clone, PartialEq)]
pub struct BatchPlan {
    /// For each input of the batch, in order, the outcome of each of its articles (none for a
    /// failed input).
    pub outcomes: Vec<Vec<Outcome>>,
    /// The articles to write, in id order (ids are consecutive from the `first_id` given).
    pub articles: Vec<PlannedArticle>,
    /// LSH index entries to write, as (band, key, article), sorted: one per band for each
    /// article that starts a story (a copy would find the same story through that article,
    /// and indexing copies would fill buckets).
    pub bands: Vec<(usize, i64, ArticleId)>,
}

/// Places batches of new articles; keeps the signature cache between them. A backend holds one
/// for as long as its connection lives.
#[derive(Debug)]
pub struct Placer {
    cache: HashMap<ArticleId, (i64, Signature)>,
}

/// The cache's table is made at its full size: it never grows (growing a table copies it into
/// one twice its size, both held at once: 26 MB for a moment), and its slots take memory only
/// once they are written.
impl Default for Placer {
    fn default() -> Placer {
        Placer {
            cache: HashMap::with_capacity_and_hasher(SIGNATURE_CACHE, Default::default()),
        }
    }
}

/// A new article of the batch in flight, as placed (for the copies that follow it).
struct Placed {
    id: ArticleId,
    story: i64,
    url: Option<String>,
}

/// What placement knows about the batch in flight, whose articles are not stored yet. The
/// signatures are the batch's own, borrowed: a 16 MiB feed's batch of 40,900 stories held
/// 34 MB of copies of them.
#[derive(Default)]
struct BatchIndex<'a> {
    by_hash: HashMap<TextHash, Vec<Placed>>,
    buckets: HashMap<(usize, i64), Vec<ArticleId>>,
    signatures: HashMap<ArticleId, (i64, &'a Signature)>,
}

/// The text hash of every article of `batch`, in order (inputs, then articles): what
/// [`Placer::plan`] takes. Computed before the backend opens its transaction, on a few
/// threads for a large batch.
pub fn text_hashes(batch: &[(InputId, Finish)]) -> Vec<TextHash> {
    crate::digest::sha256_all(
        batch
            .iter()
            .flat_map(|(_, f)| match f {
                Finish::Parsed { articles, .. } => articles.as_slice(),
                Finish::Failed(_) => &[],
            })
            .map(|a| a.article.text.as_bytes())
            .collect(),
    )
}

impl Placer {
    pub fn new() -> Placer {
        Placer::default()
    }

    /// Places every article of `batch` (whose [`text_hashes`] are `hashes`), numbering the
    /// new ones from `first_id`; copies are those whose similarity reaches `near_dup`.
    /// Nothing is cached from the batch until the backend reports it written
    /// ([`Placer::committed`]).
    pub fn plan<S: StoredArticles>(
        &mut self,
        stored: &mut S,
        batch: &[(InputId, Finish)],
        hashes: &[TextHash],
        first_id: ArticleId,
        near_dup: f64,
    ) -> Result<BatchPlan, S::Error> {
        let mut hashes = hashes.iter();
        let mut next_id = first_id;
        let mut index = BatchIndex::default();
        let mut plan = BatchPlan {
            outcomes: Vec::with_capacity(batch.len()),
            articles: Vec::new(),
            bands: Vec::new(),
        };
        for (pos, (input, finish)) in batch.iter().enumerate() {
            let mut outcomes = Vec::new();
            if let Finish::Parsed { articles, .. } = finish {
                for (n, new) in articles.iter().enumerate() {
                    let hash = *hashes.next().expect("one hash per article");
                    if let Some(existing) = stored.held(*input, new.item)? {
                        outcomes.push(Outcome::Duplicate { existing });
                        continue;
                    }
                    let url = new.article.url.as_deref();
                    let keys = new.signature.band_keys();
                    let placement =
                        self.place(stored, &index, &hash, url, &new.signature, &keys, near_dup)?;
                    let id = next_id;
                    let (story, copy_of) = match placement {
                        Placement::Duplicate(existing) => {
                            outcomes.push(Outcome::Duplicate { existing });
                            continue;
                        }
                        Placement::Copy { of, story } => (story, Some(of)),
                        Placement::Fresh => (id, None),
                    };
                    next_id += 1;
                    index.by_hash.entry(hash).or_default().push(Placed {
                        id,
                        story,
                        url: url.map(str::to_string),
                    });
                    if copy_of.is_none() {
                        for (band, key) in keys.iter().enumerate() {
                            index.buckets.entry((band, *key)).or_default().push(id);
                            plan.bands.push((band, *key, id));
                        }
                        index.signatures.insert(id, (story, &new.signature));
                    }
                    plan.articles.push(PlannedArticle {
                        at: (pos, n),
                        id,
                        story,
                        copy_of,
                        text_hash: hash,
                    });
                    outcomes.push(Outcome::New { id, story, copy_of });
                }
            }
            plan.outcomes.push(outcomes);
        }
        plan.bands.sort_unstable();
        Ok(plan)
    }

    /// Remembers the signatures of the indexed articles of `batch`, placed by `plan`, once the
    /// backend has committed it, for the batches after it (only now are they known to be
    /// stored).
    pub fn committed(&mut self, plan: &BatchPlan, batch: &[(InputId, Finish)]) {
        for p in plan.articles.iter().filter(|p| p.copy_of.is_none()) {
            let Some((_, Finish::Parsed { articles, .. })) = batch.get(p.at.0) else {
                continue;
            };
            let Some(new) = articles.get(p.at.1) else {
                continue;
            };
            if self.cache.len() >= SIGNATURE_CACHE {
                self.cache.clear();
            }
            self.cache.insert(p.id, (p.story, new.signature.clone()));
        }
    }

    /// Finds the story a new article belongs to: an exact copy by text hash first (an earlier
    /// article with the same URL makes it a duplicate), then the most similar LSH candidate at
    /// or above the threshold, stored candidates before the batch's own.
    #[allow(clippy::too_many_arguments)]
    fn place<S: StoredArticles>(
        &mut self,
        stored: &mut S,
        batch: &BatchIndex,
        text_hash: &TextHash,
        url: Option<&str>,
        sig: &Signature,
        keys: &[i64; BANDS],
        near_dup: f64,
    ) -> Result<Placement, S::Error> {
        let first = stored.first_with_text(text_hash)?;
        let in_batch = batch.by_hash.get(text_hash);
        if let Some(first) = first {
            if first.url.as_deref() == url {
                return Ok(Placement::Duplicate(first.id));
            }
            if let Some(dup) = stored.first_with_text_and_url(text_hash, url)? {
                return Ok(Placement::Duplicate(dup));
            }
            if let Some(p) = in_batch.and_then(|v| v.iter().find(|p| p.url.as_deref() == url)) {
                return Ok(Placement::Duplicate(p.id));
            }
            return Ok(Placement::Copy {
                of: first.id,
                story: first.story,
            });
        }
        if let Some(placed) = in_batch {
            if let Some(p) = placed.iter().find(|p| p.url.as_deref() == url) {
                return Ok(Placement::Duplicate(p.id));
            }
            if let Some(p) = placed.first() {
                return Ok(Placement::Copy {
                    of: p.id,
                    story: p.story,
                });
            }
        }

        let mut best: Option<(f64, ArticleId, i64)> = None;
        let mut seen = HashSet::default();
        let mut ids: Vec<ArticleId> = Vec::with_capacity(MAX_CANDIDATES_PER_BAND);
        for (band, key) in keys.iter().enumerate() {
            ids.clear();
            stored.bucket(band, *key, &mut ids)?;
            if let Some(more) = batch.buckets.get(&(band, *key)) {
                let room = MAX_CANDIDATES_PER_BAND.saturating_sub(ids.len());
                ids.extend(more.iter().take(room));
            }
            for &id in &ids {
                if !seen.insert(id) {
                    continue;
                }
                let candidate = match batch.signatures.get(&id) {
                    Some(&(story, sig)) => Some((story, sig)),
                    None => {
                        if !self.cache.contains_key(&id) {
                            if let Some(c) = stored.signature(id)? {
                                if self.cache.len() >= SIGNATURE_CACHE {
                                    self.cache.clear();
                                }
                                self.cache.insert(id, c);
                            }
                        }
                        self.cache.get(&id).map(|(story, sig)| (*story, sig))
                    }
                };
                if let Some((story, other)) = candidate {
                    let s = sig.similarity(other);
                    // ties go to the oldest article so the result does not depend on scan order
                    if s >= near_dup
                        && best.is_none_or(|(bs, bid, _)| s > bs || (s == bs && id < bid))
                    {
                        best = Some((s, id, story));
                    }
                }
            }
        }
        Ok(match best {
            Some((_, id, story)) => Placement::Copy { of: id, story },
            None => Placement::Fresh,
        })
    }
}

#[cfg(test)]
mod tests {
    use std::convert::Infallible;

    use super::*;
    use crate::NewArticle;
    use sw_model::Article;

    /// A stored article, as far as placement sees it.
    #[derive(Debug, Clone, PartialEq)]
    struct Row {
        input: InputId,
        item: u32,
        id: ArticleId,
        story: i64,
        url: Option<String>,
        hash: TextHash,
        sig: Signature,
        indexed: bool,
    }

    /// Stored articles in memory, answering as a backend would (ids ascending, except where
    /// a test says otherwise); counts signature reads.
    #[derive(Default)]
    struct Memory {
        rows: Vec<Row>,
        signature_reads: usize,
    }

    impl StoredArticles for Memory {
        type Error = Infallible;

        fn held(&mut self, input: InputId, item: u32) -> Result<Option<ArticleId>, Infallible> {
            Ok(self
                .rows
                .iter()
                .find(|r| r.input == input && r.item == item)
                .map(|r| r.id))
        }

        fn first_with_text(&mut self, text: &TextHash) -> Result<Option<StoredText>, Infallible> {
            Ok(self
                .rows
                .iter()
                .find(|r| &r.hash == text)
                .map(|r| StoredText {
                    id: r.id,
                    story: r.story,
                    url: r.url.clone(),
                }))
        }

        fn first_with_text_and_url(
            &mut self,
            text: &TextHash,
            url: Option<&str>,
        ) -> Result<Option<ArticleId>, Infallible> {
            Ok(self
                .rows
                .iter()
                .find(|r| &r.hash == text && r.url.as_deref() == url)
                .map(|r| r.id))
        }

        fn bucket(
            &mut self,
            band: usize,
            key: i64,
            out: &mut Vec<ArticleId>,
        ) -> Result<(), Infallible> {
            out.extend(
                self.rows
                    .iter()
                    .filter(|r| r.indexed && r.sig.band_keys()[band] == key)
                    .map(|r| r.id)
                    .take(MAX_CANDIDATES_PER_BAND),
            );
            Ok(())
        }

        fn signature(&mut self, id: ArticleId) -> Result<Option<(i64, Signature)>, Infallible> {
            self.signature_reads += 1;
            Ok(self
                .rows
                .iter()
                .find(|r| r.id == id)
                .map(|r| (r.story, r.sig.clone())))
        }
    }

    impl Memory {
        /// Places `batch` and stores what the plan says, as a backend's `finish` does.
        fn finish(
            &mut self,
            placer: &mut Placer,
            batch: &[(InputId, Finish)],
        ) -> Vec<Vec<Outcome>> {
            let hashes = text_hashes(batch);
            let first = self.rows.iter().map(|r| r.id).max().map_or(1, |m| m + 1);
            let plan = placer.plan(self, batch, &hashes, first, 0.8).unwrap();
            for p in &plan.articles {
                let (input, Finish::Parsed { articles, .. }) = &batch[p.at.0] else {
                    panic!("a planned article of a failed input")
                };
                let new = &articles[p.at.1];
                self.rows.push(Row {
                    input: *input,
                    item: new.item,
                    id: p.id,
                    story: p.story,
                    url: new.article.url.clone(),
                    hash: p.text_hash,
                    sig: new.signature.clone(),
                    indexed: p.copy_of.is_none(),
                });
            }
            placer.committed(&plan, batch);
            plan.outcomes
        }
    }

    const STORY: &str = "Forces struck a small vessel in the eastern Pacific on Thursday, killing four men aboard, \
        according to a statement from the regional command, which said the boat was on a known trafficking route.";
    const OTHER: &str = "Lawmakers voted on a measure to limit the campaign and it failed narrowly after a long debate.";

    fn art(item: u32, url: &str, text: &str) -> NewArticle {
        NewArticle {
            item,
            article: Article {
                url: Some(url.into()),
                text: text.into(),
                ..Default::default()
            },
            signature: Signature::of(text),
        }
    }

    fn parsed(articles: Vec<NewArticle>) -> Finish {
        Finish::Parsed {
            articles,
            warnings: vec![],
        }
    }

    fn near() -> String {
        format!("{STORY} Nobody else confirmed it.")
    }

    fn inputs(near: &str) -> Vec<(InputId, Finish)> {
        vec![
            (1, parsed(vec![art(0, "https://a.example/1", STORY)])),
            (2, parsed(vec![art(0, "https://a.example/1", STORY)])), // a duplicate
            (3, Finish::Failed("broken".into())),
            (4, parsed(vec![art(0, "https://b.example/1", STORY)])), // exact copy
            (5, parsed(vec![art(0, "https://c.example/1", near)])),  // near copy
            (6, parsed(vec![art(0, "https://d.example/1", OTHER)])),
            (
                7,
                parsed(vec![
                    art(0, "https://e.example/1", near),
                    art(1, "https://e.example/1", near),
                ]),
            ),
        ]
    }

    #[test]
    fn a_batch_is_placed_as_one_article_at_a_time_would_be() {
        let near = near();
        let batch = inputs(&near);
        let mut whole = Memory::default();
        let together = whole.finish(&mut Placer::new(), &batch);
        let mut apart = Memory::default();
        let mut placer = Placer::new();
        let one_by_one: Vec<Vec<Outcome>> = batch
            .iter()
            .flat_map(|i| apart.finish(&mut placer, std::slice::from_ref(i)))
            .collect();
        assert_eq!(together, one_by_one);
        assert_eq!(whole.rows, apart.rows);
        let new = |id, story, copy_of| Outcome::New { id, story, copy_of };
        assert_eq!(together[0], [new(1, 1, None)]);
        assert_eq!(together[1], [Outcome::Duplicate { existing: 1 }]);
        assert!(together[2].is_empty(), "a failed input has no articles");
        assert_eq!(together[3], [new(2, 1, Some(1))]);
        assert_eq!(together[4], [new(3, 1, Some(1))]);
        assert_eq!(together[5], [new(4, 4, None)]);
        // the same text twice in one input: the second is a duplicate of the first
        assert_eq!(
            together[6],
            [new(5, 1, Some(3)), Outcome::Duplicate { existing: 5 }]
        );
        // only the articles that start a story are indexed
        let indexed: Vec<ArticleId> = whole
            .rows
            .iter()
            .filter(|r| r.indexed)
            .map(|r| r.id)
            .collect();
        assert_eq!(indexed, [1, 4]);
    }

    #[test]
    fn an_input_parsed_again_keeps_the_articles_it_holds() {
        let mut store = Memory::default();
        let mut placer = Placer::new();
        let batch = vec![(9, parsed(vec![art(0, "u", STORY), art(1, "v", OTHER)]))];
        store.finish(&mut placer, &batch);
        let again = store.finish(&mut placer, &batch);
        assert_eq!(
            again[0],
            [
                Outcome::Duplicate { existing: 1 },
                Outcome::Duplicate { existing: 2 }
            ]
        );
    }

    #[test]
    fn plans_number_from_the_first_id_and_list_bands_sorted() {
        let batch = vec![(1, parsed(vec![art(0, "u", STORY), art(0, "v", OTHER)]))];
        let hashes = text_hashes(&batch);
        let plan = Placer::new()
            .plan(&mut Memory::default(), &batch, &hashes, 41, 0.8)
            .unwrap();
        let ids: Vec<ArticleId> = plan.articles.iter().map(|p| p.id).collect();
        assert_eq!(ids, [41, 42]);
        assert_eq!(plan.bands.len(), 2 * BANDS);
        assert!(plan.bands.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(plan.articles[1].at, (0, 1));
    }

    #[test]
    fn of_equally_similar_candidates_the_oldest_wins() {
        // two stories with the same text cannot both be indexed (the second is an exact copy),
        // so make two indexed articles with one signature by hand; the buckets list 7 before
        // 3, and the tie still goes to 3
        let mut store = Memory::default();
        for id in [7, 3] {
            store.rows.push(Row {
                input: id,
                item: 0,
                id,
                story: id,
                url: None,
                hash: [id as u8; 32],
                sig: Signature::of(STORY),
                indexed: true,
            });
        }
        let near = near();
        let batch = vec![(1, parsed(vec![art(0, "u", &near)]))];
        let out = store.finish(&mut Placer::new(), &batch);
        assert_eq!(
            out[0],
            [Outcome::New {
                id: 8,
                story: 3,
                copy_of: Some(3)
            }]
        );
    }

    #[test]
    fn signatures_are_read_once_and_the_cache_is_bounded() {
        let mut store = Memory::default();
        let mut placer = Placer::new();
        store.finish(&mut placer, &[(1, parsed(vec![art(0, "a", STORY)]))]);
        // near copies, each with a text of its own (so none is an exact copy of another)
        let tails = [
            "Nobody else confirmed it.",
            "Nobody else denied it.",
            "Others said the same.",
            "Witnesses saw the boat.",
            "Officials declined to comment.",
        ];
        let mut place = |placer: &mut Placer, i: usize| {
            let text = format!("{STORY} {}", tails[i]);
            let url = format!("https://n.example/{i}");
            let out = store.finish(
                placer,
                &[(10 + i as i64, parsed(vec![art(0, &url, &text)]))],
            );
            assert!(
                matches!(out[0][0], Outcome::New { story: 1, .. }),
                "{out:?}"
            );
            store.signature_reads
        };
        for i in 0..3 {
            assert_eq!(
                place(&mut placer, i),
                0,
                "a committed batch's signatures are cached"
            );
        }
        let mut cold = Placer::new();
        assert_eq!(place(&mut cold, 3), 1, "read back from the store");
        assert_eq!(place(&mut cold, 4), 1, "then cached");
        // the cache is emptied when full
        let mut full = Placer::new();
        for id in 0..SIGNATURE_CACHE as i64 {
            full.cache
                .insert(-1 - id, (0, Signature([0; sw_dedup::PERMUTATIONS])));
        }
        let batch = [(1, parsed(vec![art(0, "a", STORY)]))];
        let plan = BatchPlan {
            outcomes: vec![],
            articles: vec![PlannedArticle {
                at: (0, 0),
                id: 1,
                story: 1,
                copy_of: None,
                text_hash: [0; 32],
            }],
            bands: vec![],
        };
        full.committed(&plan, &batch);
        assert_eq!(full.cache.len(), 1);
        assert_eq!(full.cache[&1], (1, Signature::of(STORY)));
    }
}
