//! The store's behaviour, tested once and run on every backend: each test is a generic
//! function over a [`Backend`] (a way to open writers and readers of one fresh store), and
//! [`contract!`] makes one `#[test]` per backend of each. The SQLite store is a file in a
//! temporary folder; the PostgreSQL store a database in a throwaway cluster the test starts
//! (`sw-pgtest`), so a machine without PostgreSQL's server fails these tests saying what to
//! install rather than skipping them. What only one backend has (SQLite's WAL files and band
//! runs, PostgreSQL's statement timeout) is tested in that backend's own module.

use crate::{
    Admission, DecisionRow, FeedState, Finish, InputId, LedgerChange, LedgerFilter, LedgerList,
    LedgerRow, NewArticle, Outcome, Publication, Published, RawInput, ReportFilter, ReportRow,
    SearchHit, SqliteStore, Store, StoreError,
};
use sw_dedup::Signature;
use sw_model::{Article, Lang};

/// One fresh store of one backend.
pub(crate) trait Backend: Sync {
    type S: Store + Send;
    /// A writer (any number may be open at once).
    fn open(&self) -> Self::S;
    /// A reader: it cannot write.
    fn reader(&self) -> Self::S;
    /// Runs SQL on the store behind the trait's back; its error's text, if it fails.
    fn sql(&self, sql: &str) -> Result<(), String>;
    /// The first column of the first row of `sql`, an integer.
    fn sql_count(&self, sql: &str) -> i64;
    /// Another fresh store of the same backend.
    fn twin(&self) -> Self
    where
        Self: Sized;
}

pub(crate) struct Sqlite {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

impl Sqlite {
    pub(crate) fn new() -> Sqlite {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.db");
        Sqlite { _dir: dir, path }
    }
}

impl Backend for Sqlite {
    type S = SqliteStore;
    fn open(&self) -> SqliteStore {
        SqliteStore::open(&self.path).unwrap()
    }
    fn reader(&self) -> SqliteStore {
        SqliteStore::open_read_only(&self.path).unwrap()
    }
    fn sql(&self, sql: &str) -> Result<(), String> {
        let c = rusqlite::Connection::open(&self.path).unwrap();
        c.execute_batch(sql).map_err(|e| e.to_string())
    }
    fn sql_count(&self, sql: &str) -> i64 {
        let c = rusqlite::Connection::open(&self.path).unwrap();
        c.query_row(sql, [], |r| r.get(0)).unwrap()
    }
    fn twin(&self) -> Sqlite {
        Sqlite::new()
    }
}

#[cfg(feature = "postgres")]
pub(crate) struct Postgres {
    _cluster: sw_pgtest::Cluster,
    pub(crate) url: String,
}

#[cfg(feature = "postgres")]
impl Postgres {
    pub(crate) fn new() -> Postgres {
        let cluster = sw_pgtest::Cluster::start_or_panic();
        let url = cluster.url();
        Postgres {
            _cluster: cluster,
            url,
        }
    }

    fn client(&self) -> postgres::Client {
        postgres::Client::connect(&self.url, postgres::NoTls).unwrap()
    }
}

#[cfg(feature = "postgres")]
impl Backend for Postgres {
    type S = crate::PostgresStore;
    fn open(&self) -> crate::PostgresStore {
        crate::PostgresStore::open(&self.url).unwrap()
    }
    fn reader(&self) -> crate::PostgresStore {
        crate::PostgresStore::open_read_only(&self.url).unwrap()
    }
    fn sql(&self, sql: &str) -> Result<(), String> {
        self.client().batch_execute(sql).map_err(|e| {
            e.as_db_error()
                .map_or_else(|| e.to_string(), |d| d.message().to_string())
        })
    }
    fn sql_count(&self, sql: &str) -> i64 {
        self.client().query_one(sql, &[]).unwrap().get(0)
    }
    fn twin(&self) -> Postgres {
        Postgres::new()
    }
}

/// One `#[test]` per backend for each generic test named.
macro_rules! contract {
    ($($name:ident),* $(,)?) => {
        mod on_sqlite {
            $(#[test] fn $name() { super::$name(&super::Sqlite::new()) })*
        }
        #[cfg(feature = "postgres")]
        mod on_postgres {
            $(#[test] fn $name() { super::$name(&super::Postgres::new()) })*
        }
    };
}

contract!(
    admission_lifecycle,
    exact_and_near_copies_share_a_story_and_keep_their_urls,
    same_text_same_url_is_a_duplicate,
    placement_within_a_batch_matches_placement_across_batches,
    unreadable_inputs_are_recorded_once_per_locator,
    a_reader_reads_and_never_writes,
    many_writers_at_once_queue,
    reports_replace_per_article_and_bump_the_generation,
    reports_extracted_in_the_pipeline_read_back_as_when_stored_after,
    ledger_rows_are_ordered_numbered_filtered_and_replaced_whole,
    published_order_and_numbering_are_the_reference_order,
    of_two_builds_at_once_the_later_one_wins,
    versions_record_changes_and_redirects,
    decisions_append_in_order_once_and_mark_the_ledger_stale,
    the_decision_log_refuses_updates_and_deletes,
    feed_state_round_trips_and_survives_reopening,
    changes_are_kept_once_newest_first_and_filtered_by_country,
    webhook_cursors_move_and_changes_after_them_come_oldest_first,
    the_trait_searches_the_index,
    a_common_word_is_counted_up_to_the_cap_and_paged_within_it,
    a_copy_reads_back_as_the_original_and_goes_on_from_it,
    two_claimers_never_get_the_same_feed,
    a_lapsed_lease_is_claimable_and_put_feed_releases_only_its_own_claim,
    analysts_deciding_at_once_lose_nothing_and_store_nothing_twice,
);

fn raw(locator: &str, bytes: &str) -> RawInput {
    RawInput {
        locator: locator.into(),
        format: Some("text".into()),
        bytes: bytes.as_bytes().to_vec(),
        meta: None,
    }
}

fn art(url: &str, text: &str) -> NewArticle {
    art_in(url, text, Lang::En)
}

fn art_in(url: &str, text: &str, lang: Lang) -> NewArticle {
    NewArticle {
        item: 0,
        article: Article {
            url: Some(url.into()),
            lang,
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

const STORY: &str = "Forces struck a small vessel in the eastern Pacific on Thursday, killing four men aboard, \
    according to a statement from the regional command, which said the boat was on a known trafficking route.";

fn admission_lifecycle(b: &impl Backend) {
    let mut s = b.open();
    let r = raw("a.txt", "bytes");
    let id = match s.admit(std::slice::from_ref(&r)).unwrap()[0] {
        Admission::New(id) => id,
        other => panic!("{other:?}"),
    };
    assert_eq!(s.pending(10).unwrap().len(), 1);
    assert_eq!(
        s.pending(10).unwrap()[0].1,
        r,
        "the bytes come back as stored"
    );
    assert_eq!(
        s.admit(std::slice::from_ref(&r)).unwrap()[0],
        Admission::Pending(id)
    );
    s.finish(vec![(id, Finish::Failed("broken".into()))], 0.8)
        .unwrap();
    assert_eq!(
        s.admit(std::slice::from_ref(&r)).unwrap()[0],
        Admission::Retry(id)
    );
    assert_eq!(s.failed_inputs(10).unwrap()[0].error, "broken");
    s.finish(vec![(id, parsed(vec![art("u", STORY)]))], 0.8)
        .unwrap();
    assert_eq!(s.admit(&[r]).unwrap()[0], Admission::Done(id));
    let c = s.counts().unwrap();
    assert_eq!(
        (
            c.inputs,
            c.failed_inputs,
            c.pending_inputs,
            c.articles,
            c.stories
        ),
        (1, 0, 0, 1, 1)
    );
    let a = s.article(1).unwrap().unwrap();
    assert_eq!(a.text.as_deref(), Some(STORY));
    assert_eq!(a.chars, STORY.chars().count() as i64);
    assert_eq!(a.input, "a.txt");
    assert_eq!(s.article_text(1).unwrap().as_deref(), Some(STORY));
    assert_eq!(s.article(2).unwrap(), None);
}

fn exact_and_near_copies_share_a_story_and_keep_their_urls(b: &impl Backend) {
    let mut s = b.open();
    let ids: Vec<InputId> = s
        .admit(&[raw("1", "1"), raw("2", "2"), raw("3", "3"), raw("4", "4")])
        .unwrap()
        .iter()
        .map(|a| a.id())
        .collect();
    let near = format!("{STORY} Nobody else confirmed it.");
    let other = "Lawmakers voted on a measure to limit the campaign and it failed narrowly after a long debate.";
    let out = s
        .finish(
            vec![
                (ids[0], parsed(vec![art("https://a.example/1", STORY)])),
                (ids[1], parsed(vec![art("https://b.example/1", STORY)])),
                (ids[2], parsed(vec![art("https://c.example/1", &near)])),
                (ids[3], parsed(vec![art("https://d.example/1", other)])),
            ],
            0.8,
        )
        .unwrap();
    let Outcome::New {
        id: first,
        story,
        copy_of: None,
    } = out[0][0]
    else {
        panic!("{:?}", out[0])
    };
    assert_eq!(story, first);
    assert_eq!(
        out[1][0],
        Outcome::New {
            id: first + 1,
            story,
            copy_of: Some(first)
        }
    );
    assert!(matches!(out[2][0], Outcome::New { story: s2, copy_of: Some(_), .. } if s2 == story));
    assert!(matches!(out[3][0], Outcome::New { story: s3, copy_of: None, .. } if s3 != story));
    let rows = s.articles(10, 0).unwrap();
    assert_eq!(rows.iter().filter(|r| r.story == story).count(), 3);
    assert_eq!(rows[1].url.as_deref(), Some("https://b.example/1"));
    assert_eq!(s.counts().unwrap().stories, 2);
    assert_eq!(
        s.articles(10, 2)
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect::<Vec<_>>(),
        [3, 4]
    );
    assert_eq!(
        s.articles_after(1, 2)
            .unwrap()
            .iter()
            .map(|a| a.id)
            .collect::<Vec<_>>(),
        [2, 3]
    );
}

fn same_text_same_url_is_a_duplicate(b: &impl Backend) {
    let mut s = b.open();
    let ids: Vec<InputId> = s
        .admit(&[raw("1", "1"), raw("2", "2")])
        .unwrap()
        .iter()
        .map(|a| a.id())
        .collect();
    s.finish(vec![(ids[0], parsed(vec![art("u", STORY)]))], 0.8)
        .unwrap();
    let out = s
        .finish(vec![(ids[1], parsed(vec![art("u", STORY)]))], 0.8)
        .unwrap();
    assert!(matches!(out[0][0], Outcome::Duplicate { .. }));
    assert_eq!(s.counts().unwrap().articles, 1);
}

fn placement_within_a_batch_matches_placement_across_batches(b: &impl Backend) {
    let near = format!("{STORY} Nobody else confirmed it.");
    let texts = [
        ("https://a.example/1", STORY),
        ("https://a.example/1", STORY), // same text, same URL: a duplicate
        ("https://b.example/1", STORY), // exact copy
        ("https://c.example/1", near.as_str()), // near copy
        ("https://d.example/1", "Lawmakers voted on a measure to limit the campaign and it failed narrowly after a long debate."),
    ];
    // one batch holding everything into this store, then one batch per article into a
    // second store of the same backend
    let mut one = b.open();
    let other = b.twin();
    let mut each = other.open();
    let raws: Vec<RawInput> = (0..texts.len())
        .map(|i| raw(&i.to_string(), &i.to_string()))
        .collect();
    let ids: Vec<InputId> = one.admit(&raws).unwrap().iter().map(|a| a.id()).collect();
    each.admit(&raws).unwrap();
    let together = one
        .finish(
            ids.iter()
                .zip(&texts)
                .map(|(id, (u, t))| (*id, parsed(vec![art(u, t)])))
                .collect(),
            0.8,
        )
        .unwrap();
    let mut apart = Vec::new();
    for (id, (u, t)) in ids.iter().zip(&texts) {
        apart.extend(
            each.finish(vec![(*id, parsed(vec![art(u, t)]))], 0.8)
                .unwrap(),
        );
    }
    assert_eq!(together, apart);
    assert!(matches!(together[1][0], Outcome::Duplicate { existing: 1 }));
    assert!(matches!(
        together[2][0],
        Outcome::New {
            story: 1,
            copy_of: Some(1),
            ..
        }
    ));
    assert!(matches!(
        together[3][0],
        Outcome::New {
            story: 1,
            copy_of: Some(_),
            ..
        }
    ));
    assert!(matches!(together[4][0], Outcome::New { copy_of: None, .. }));
    for s in [&one, &each] {
        assert_eq!(s.counts().unwrap().articles, 4);
        // every stored article is searchable
        assert_eq!(s.search("vessel", 10, 0).unwrap().1, 3);
        assert_eq!(s.search("lawmakers", 10, 0).unwrap().1, 1);
    }
    // a later batch, from a store opened afresh, finds the stored story
    drop(one);
    let mut one = b.open();
    let late = one.admit(&[raw("late", "late")]).unwrap()[0].id();
    let out = one
        .finish(
            vec![(late, parsed(vec![art("https://e.example/1", &near)]))],
            0.8,
        )
        .unwrap();
    assert!(matches!(
        out[0][0],
        Outcome::New {
            story: 1,
            copy_of: Some(_),
            ..
        }
    ));
}

fn unreadable_inputs_are_recorded_once_per_locator(b: &impl Backend) {
    let mut s = b.open();
    let a = s
        .record_unreadable("https://x.example/", "timed out")
        .unwrap();
    let b2 = s
        .record_unreadable("https://x.example/", "refused")
        .unwrap();
    assert_eq!(a, b2);
    assert_eq!(s.failed_inputs(5).unwrap()[0].error, "refused");
    assert_eq!(s.counts().unwrap().failed_inputs, 1);
}

fn a_reader_reads_and_never_writes(b: &impl Backend) {
    let mut w = b.open();
    w.admit(&[raw("a", "a")]).unwrap();
    let mut r = b.reader();
    assert_eq!(r.counts().unwrap().inputs, 1);
    let err = r.admit(&[raw("b", "b")]).err().unwrap();
    assert!(matches!(err, StoreError::Io(_)), "{err:?}");
    let err = r.begin_ledger().err().unwrap();
    assert!(matches!(err, StoreError::Io(_)), "{err:?}");
    // it sees what a writer commits after it opened
    w.admit(&[raw("c", "c")]).unwrap();
    assert_eq!(r.counts().unwrap().inputs, 2);
}

/// Several writers at once, each on its own connection (as many processes would), open the
/// one store and write: each waits its turn, none fails.
fn many_writers_at_once_queue(b: &impl Backend) {
    let start = std::sync::Barrier::new(6);
    std::thread::scope(|scope| {
        let threads: Vec<_> = (0..6)
            .map(|t| {
                let start = &start;
                scope.spawn(move || -> crate::Result<()> {
                    start.wait();
                    let mut s = b.open();
                    for i in 0..5 {
                        let text = format!("{STORY} Writer {t}, batch {i}.");
                        let id = s.admit(&[raw(&format!("{t}-{i}"), &text)])?[0].id();
                        s.finish(
                            vec![(id, parsed(vec![art(&format!("u{t}-{i}"), &text)]))],
                            0.8,
                        )?;
                        s.put_reports("v", vec![(1, vec![])])?;
                        let build = s.begin_ledger()?;
                        s.publish_ledger(build, i)?;
                    }
                    Ok(())
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap().unwrap();
        }
    });
    let s = b.reader();
    assert_eq!(s.counts().unwrap().inputs, 30);
    assert_eq!(s.counts().unwrap().articles, 30);
    let ids: Vec<i64> = s
        .articles_after(0, 100)
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    assert_eq!(ids, (1..=30).collect::<Vec<_>>(), "ids without gaps");
}

fn row(kind: &str) -> ReportRow {
    ReportRow {
        kind: kind.into(),
        event_type: "strike".into(),
        modality: "occurred".into(),
        date: None,
        json: format!("{{\"kind\":\"{kind}\"}}"),
    }
}

fn reports_replace_per_article_and_bump_the_generation(b: &impl Backend) {
    let mut s = b.open();
    let id = s.admit(&[raw("x", "x")]).unwrap()[0].id();
    let text = "A boat was struck and three people were killed in the attack at sea on Friday.";
    s.finish(vec![(id, parsed(vec![art("u", text)]))], 0.8)
        .unwrap();
    assert_eq!(s.to_extract("v1", false, 0, 10).unwrap().len(), 1);
    let g0 = s.reports_generation().unwrap();
    s.put_reports("v1", vec![(1, vec![row("event"), row("tally")])])
        .unwrap();
    assert_eq!(s.to_extract("v1", false, 0, 10).unwrap().len(), 0);
    assert_eq!(
        s.to_extract("v2", false, 0, 10).unwrap().len(),
        1,
        "a new extractor version redoes it"
    );
    assert_eq!(s.to_extract("v1", true, 0, 10).unwrap().len(), 1);
    assert_eq!(s.to_extract("v1", true, 1, 10).unwrap().len(), 0);
    s.put_reports("v1", vec![(1, vec![row("event")])]).unwrap();
    let mut seen = Vec::new();
    s.reports(ReportFilter::default(), &mut |r| {
        seen.push(r);
        true
    })
    .unwrap();
    assert_eq!(seen.len(), 1, "re-extraction replaces, never appends");
    assert_eq!(
        seen[0].id,
        crate::sqlite::REPORTS_PER_ARTICLE,
        "a report's id is its article's id times the stride plus its position"
    );
    assert_eq!(seen[0].json, "{\"kind\":\"event\"}");
    assert_eq!(s.report_counts().unwrap(), vec![("event".to_string(), 1)]);
    assert_eq!(s.reports_generation().unwrap(), g0 + 2);
    assert_eq!(s.ledger_generation().unwrap(), None);
    s.put_ledger(7, "{}").unwrap();
    assert_eq!(s.ledger_generation().unwrap(), Some(7));
}

/// Reports written with their articles in the pipeline's transaction read back exactly as
/// reports written afterwards, whatever the filter, and a visitor may call the store while
/// it reads (the ledger rebuild reads each article's text so).
fn reports_extracted_in_the_pipeline_read_back_as_when_stored_after(b: &impl Backend) {
    let texts: Vec<String> = (0..40)
        .map(|i| {
            format!(
                "Report number {i}: a boat was struck near point {} at sea.",
                i * 13
            )
        })
        .collect();
    let reports_of = |i: usize| -> Vec<ReportRow> {
        (0..(i % 3))
            .map(|n| ReportRow {
                kind: if n == 0 { "event" } else { "tally" }.into(),
                event_type: "strike".into(),
                modality: "reported".into(),
                date: Some(format!("2025-10-{:02}", n + 1)),
                json: format!("{{\"article\":{i},\"n\":{n},\"é\":\"ñ\"}}"),
            })
            .collect()
    };
    let mut with = b.open();
    let twin = b.twin();
    let mut after = twin.open();
    let raws: Vec<RawInput> = texts.iter().map(|t| raw(t, t)).collect();
    let ids: Vec<InputId> = with.admit(&raws).unwrap().iter().map(|a| a.id()).collect();
    after.admit(&raws).unwrap();
    let batch = || -> Vec<(InputId, Finish)> {
        ids.iter()
            .zip(&texts)
            .map(|(id, t)| (*id, parsed(vec![art(&format!("u{id}"), t)])))
            .collect()
    };
    let reports: Vec<Vec<Vec<ReportRow>>> = (0..texts.len()).map(|i| vec![reports_of(i)]).collect();
    let g = with.reports_generation().unwrap();
    with.finish_extracted(batch(), 0.8, "v1", &reports).unwrap();
    assert_eq!(with.reports_generation().unwrap(), g + 1);
    after.finish(batch(), 0.8).unwrap();
    after
        .put_reports(
            "v1",
            (0..texts.len())
                .map(|i| (i as i64 + 1, reports_of(i)))
                .collect(),
        )
        .unwrap();
    let read = |s: &dyn Store, filter: ReportFilter| {
        let mut out = Vec::new();
        s.reports(filter, &mut |r| {
            // a visitor may read the store
            let text = s.article_text(r.article_id).unwrap().unwrap();
            out.push((r, text.len()));
            true
        })
        .unwrap();
        out
    };
    for filter in [
        ReportFilter::default(),
        ReportFilter {
            kind: Some("tally".into()),
            ..ReportFilter::default()
        },
        ReportFilter {
            article: Some(5),
            ..ReportFilter::default()
        },
        ReportFilter {
            undated: true,
            ..ReportFilter::default()
        },
    ] {
        assert_eq!(read(&with, filter.clone()), read(&after, filter));
    }
    assert_eq!(read(&with, ReportFilter::default()).len(), 39);
    let mut tail = Vec::new();
    with.reports_after(30, &mut |r| {
        tail.push(r.article_id);
        tail.len() < 5
    })
    .unwrap();
    // article n holds (n - 1) % 3 reports
    assert_eq!(tail, [32, 33, 33, 35, 36]);
    assert!(with.to_extract("v1", false, 0, 100).unwrap().is_empty());
    assert_eq!(
        with.report_counts().unwrap(),
        after.report_counts().unwrap()
    );
}

fn all_rows(s: &impl Store, list: LedgerList, f: &LedgerFilter) -> Vec<String> {
    let mut out = Vec::new();
    s.ledger_rows(list, f, &mut |j| {
        out.push(j.to_string());
        true
    })
    .unwrap();
    out
}

fn lrow(ord: i64, json: &str) -> LedgerRow {
    LedgerRow {
        ord,
        json: json.into(),
    }
}

fn ids_of(v: Vec<String>) -> Vec<String> {
    v.iter()
        .map(|j| {
            serde_json::from_str::<serde_json::Value>(j).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

/// A backend may order a published build in the database rather than through
/// [`crate::ledger::order`] (SQLite does, so that its memory does not grow with the ledger):
/// on many entries with missing, equal and different dates, ids repeated across dates, upper
/// and lower case, its order and its numbered ids are the reference's. (The entries of one
/// date and id have distinct `ord`s, so the backends' own row handles never decide.)
fn published_order_and_numbering_are_the_reference_order(b: &impl Backend) {
    use crate::ledger::{order, with_id, SortKey};
    let mut s = b.open();
    let build = s.begin_ledger().unwrap();
    let dates = [
        None,
        Some("2025-10-02"),
        Some("2025-10"),
        Some("2025-09-30"),
        Some("2026-01-01"),
    ];
    let ids = ["tal-a", "tal-B", "tal-b", "tal-a-2", "tal-Z", "inc-x"];
    let mut seed: u64 = 7;
    let mut next = |n: usize| -> usize {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((seed >> 33) as usize) % n
    };
    let mut wanted: Vec<(LedgerList, Vec<String>)> = Vec::new();
    for list in LedgerList::ALL {
        let field = if list == LedgerList::Tallies {
            "as_of"
        } else {
            "date"
        };
        let mut rows = Vec::new();
        let mut keys = Vec::new();
        for i in 0..240usize {
            let (date, id) = (dates[next(dates.len())], ids[next(ids.len())]);
            // incidents' ids are unique in a real build; tallies and developments repeat
            let id = if crate::ledger::numbered(list) {
                id.to_string()
            } else {
                format!("{id}-{i}")
            };
            let ord = (i * 97 % 240) as i64;
            let date_json = date.map_or("null".to_string(), |d| format!("\"{d}\""));
            let json =
                format!(r#"{{"id":"{id}","{field}":{date_json},"event_type":"strike","i":{i}}}"#);
            keys.push(SortKey {
                row: i as i64,
                date: date.map(str::to_string),
                id: id.clone(),
                ord,
            });
            rows.push(lrow(ord, &json));
        }
        s.put_ledger_rows(build, list, &rows).unwrap();
        let mut expected: Vec<(i64, String)> = order(list, keys)
            .into_iter()
            .map(|p| {
                let json = &rows[p.row as usize].json;
                let json = match p.new_id {
                    Some(new_id) => {
                        let id: serde_json::Value = serde_json::from_str(json).unwrap();
                        with_id(json, id["id"].as_str().unwrap(), &new_id).unwrap()
                    }
                    None => json.clone(),
                };
                (p.pos, json)
            })
            .collect();
        expected.sort();
        wanted.push((list, expected.into_iter().map(|(_, j)| j).collect()));
    }
    s.publish_ledger(build, 1).unwrap();
    for (list, expected) in wanted {
        assert_eq!(
            all_rows(&s, list, &LedgerFilter::default()),
            expected,
            "{list:?}"
        );
    }
}

fn ledger_rows_are_ordered_numbered_filtered_and_replaced_whole(b: &impl Backend) {
    let mut s = b.open();
    assert_eq!(s.ledger_generation().unwrap(), None);
    assert!(all_rows(&s, LedgerList::Incidents, &LedgerFilter::default()).is_empty());
    let build = s.begin_ledger().unwrap();
    s.put_ledger_rows(
        build,
        LedgerList::Incidents,
        &[
            lrow(
                0,
                r#"{"id":"inc-b","event_type":"strike","date":"2025-10-02"}"#,
            ),
            lrow(1, r#"{"id":"inc-u","event_type":"strike","date":null}"#),
            lrow(2, r#"{"id":"inc-m","event_type":"raid","date":"2025-10"}"#),
            lrow(
                3,
                r#"{"id":"inc-a","event_type":"strike","date":"2025-10-02"}"#,
            ),
            lrow(
                4,
                r#"{"id":"inc-B","event_type":"strike","date":"2025-10-02"}"#,
            ),
        ],
    )
    .unwrap();
    s.put_ledger_rows(
        build,
        LedgerList::Tallies,
        &[
            lrow(9, r#"{"id":"tal-x","as_of":"2025-10-02","n":2}"#),
            lrow(4, r#"{"id":"tal-x","as_of":"2025-10-02","n":1}"#),
            lrow(1, r#"{"id":"tal-y","as_of":null}"#),
        ],
    )
    .unwrap();
    // not visible before it is published
    assert_eq!(s.ledger_generation().unwrap(), None);
    s.publish_ledger(build, 3).unwrap();
    assert_eq!(s.ledger_generation().unwrap(), Some(3));
    let f = LedgerFilter::default();
    assert_eq!(
        ids_of(all_rows(&s, LedgerList::Incidents, &f)),
        ["inc-m", "inc-B", "inc-a", "inc-b", "inc-u"],
        "ids sort by bytes (upper case first), whatever the database's locale"
    );
    assert_eq!(
        all_rows(&s, LedgerList::Tallies, &f),
        [
            r#"{"id":"tal-y","as_of":null}"#,
            r#"{"id":"tal-x","as_of":"2025-10-02","n":1}"#,
            r#"{"id":"tal-x-2","as_of":"2025-10-02","n":2}"#
        ]
    );
    let window = LedgerFilter {
        from: Some("2025-10-03".into()),
        to: Some("2025-10-31".into()),
        event_type: None,
    };
    assert_eq!(
        ids_of(all_rows(&s, LedgerList::Incidents, &window)),
        ["inc-m"]
    );
    let strikes = LedgerFilter {
        event_type: Some("strike".into()),
        ..LedgerFilter::default()
    };
    assert_eq!(
        ids_of(all_rows(&s, LedgerList::Incidents, &strikes)),
        ["inc-B", "inc-a", "inc-b", "inc-u"]
    );
    // a visitor that stops early gets no more
    let mut first = Vec::new();
    s.ledger_rows(LedgerList::Incidents, &f, &mut |j| {
        first.push(j.to_string());
        false
    })
    .unwrap();
    assert_eq!(first.len(), 1);
    // a build cut short leaves the published ledger; the next one starts clean
    let cut = s.begin_ledger().unwrap();
    s.put_ledger_rows(
        cut,
        LedgerList::Incidents,
        &[lrow(
            0,
            r#"{"id":"inc-z","event_type":"strike","date":null}"#,
        )],
    )
    .unwrap();
    assert_eq!(all_rows(&s, LedgerList::Incidents, &f).len(), 5);
    s.put_ledger(3, r#"{"incidents":[{"id":"inc-q","event_type":"strike","date":null}],"tallies":[],"developments":[]}"#)
        .unwrap();
    assert_eq!(ids_of(all_rows(&s, LedgerList::Incidents, &f)), ["inc-q"]);
    assert!(all_rows(&s, LedgerList::Tallies, &f).is_empty());
    assert_eq!(
        b.sql_count("SELECT count(*) FROM ledger_incidents"),
        1,
        "older builds are dropped"
    );
    assert_eq!(s.ledger_generation().unwrap(), Some(3));
}

fn of_two_builds_at_once_the_later_one_wins(b: &impl Backend) {
    let mut x = b.open();
    let mut y = b.open();
    let inc = |id: &str| {
        lrow(
            0,
            &format!(r#"{{"id":"{id}","event_type":"strike","date":null}}"#),
        )
    };
    let ba = x.begin_ledger().unwrap();
    let bb = y.begin_ledger().unwrap();
    assert!(bb > ba, "distinct build numbers");
    x.put_ledger_rows(ba, LedgerList::Incidents, &[inc("inc-a")])
        .unwrap();
    y.put_ledger_rows(bb, LedgerList::Incidents, &[inc("inc-b")])
        .unwrap();
    // the older build publishing first does not touch the newer one's rows
    x.publish_ledger(ba, 1).unwrap();
    y.publish_ledger(bb, 2).unwrap();
    let f = LedgerFilter::default();
    assert_eq!(all_rows(&x, LedgerList::Incidents, &f).len(), 1);
    assert_eq!(x.ledger_generation().unwrap(), Some(2));
    // and the other way round: the older one, published last, is dropped
    let bc = x.begin_ledger().unwrap();
    let bd = y.begin_ledger().unwrap();
    x.put_ledger_rows(bc, LedgerList::Incidents, &[inc("inc-c")])
        .unwrap();
    y.put_ledger_rows(bd, LedgerList::Incidents, &[inc("inc-d")])
        .unwrap();
    y.publish_ledger(bd, 4).unwrap();
    x.publish_ledger(bc, 3).unwrap();
    let got = all_rows(&x, LedgerList::Incidents, &f);
    assert_eq!(got.len(), 1);
    assert!(got[0].contains("inc-d"), "{got:?}");
    assert_eq!(x.ledger_generation().unwrap(), Some(4));
    assert_eq!(b.sql_count("SELECT count(*) FROM ledger_incidents"), 1);
}

/// Publishing versions: a changed ledger is a new version (numbered without gaps), the
/// same one is not; incidents new, revised, merged (with a redirect) and withdrawn are
/// recorded, each version's incidents read back, and a build that read an older identity
/// map is refused as stale.
fn versions_record_changes_and_redirects(b: &impl Backend) {
    let mut s = b.open();
    let inc = |id: &str, date: Option<&str>, n: i64| {
        let date = date.map_or("null".to_string(), |d| format!("\"{d}\""));
        lrow(
            0,
            &format!(r#"{{"id":"{id}","event_type":"strike","date":{date},"killed":{n}}}"#),
        )
    };
    let publish = |s: &mut dyn Store, rows: &[LedgerRow], p: &Publication| -> Published {
        let build = s.begin_ledger().unwrap();
        s.put_ledger_rows(build, LedgerList::Incidents, rows)
            .unwrap();
        s.publish_ledger_version(build, 1, p).unwrap()
    };
    let mut p = Publication {
        base: None,
        at: "2026-12-01T00:00:00Z".into(),
        ..Publication::default()
    };
    p.members.insert("inc-a".into(), vec![1, 2]);
    p.members.insert("inc-b".into(), vec![3]);
    let v1 = [
        inc("inc-a", Some("2025-10-02"), 3),
        inc("inc-b", None, 1),
        inc("inc-c", Some("2025-09-01"), 2),
    ];
    assert_eq!(publish(&mut s, &v1, &p), Published::Version(1));
    p.base = Some(1);
    assert_eq!(publish(&mut s, &v1, &p), Published::Unchanged(1));
    // inc-a revised, inc-b merged into inc-a, inc-c withdrawn, inc-d new
    p.fates = vec![("inc-b".into(), "merged".into(), Some("inc-a".into()))];
    p.at = "2026-12-02T00:00:00Z".into();
    let v2 = [
        inc("inc-a", Some("2025-10-02"), 4),
        inc("inc-d", Some("2025-10-05"), 1),
    ];
    assert_eq!(publish(&mut s, &v2, &p), Published::Version(2));
    // a build that read version 1's map is stale now
    p.base = Some(1);
    assert_eq!(publish(&mut s, &v1, &p), Published::Stale);
    let versions = s.ledger_versions().unwrap();
    assert_eq!(
        versions
            .iter()
            .map(|v| (v.version, v.incidents, v.changes))
            .collect::<Vec<_>>(),
        [(1, 3, 3), (2, 2, 4)]
    );
    assert_eq!(versions[1].published_at, "2026-12-02T00:00:00Z");
    assert_eq!(versions[0].hash.len(), 64);
    let changes: Vec<(i64, String, String, Option<String>)> = s
        .incident_changes(0, 2, None)
        .unwrap()
        .into_iter()
        .map(|c| (c.version, c.id, c.kind, c.other))
        .collect();
    let ch = |v: i64, id: &str, kind: &str, other: Option<&str>| {
        (
            v,
            id.to_string(),
            kind.to_string(),
            other.map(str::to_string),
        )
    };
    assert_eq!(
        changes,
        [
            ch(1, "inc-a", "new", None),
            ch(1, "inc-b", "new", None),
            ch(1, "inc-c", "new", None),
            ch(2, "inc-a", "revised", None),
            ch(2, "inc-b", "merged", Some("inc-a")),
            ch(2, "inc-c", "withdrawn", None),
            ch(2, "inc-d", "new", None),
        ]
    );
    assert_eq!(s.incident_changes(1, 2, Some("inc-a")).unwrap().len(), 2);
    assert_eq!(
        s.incident_redirect("inc-b").unwrap().as_deref(),
        Some("inc-a")
    );
    assert_eq!(s.incident_redirect("inc-a").unwrap(), None);
    assert_eq!(
        s.redirects().unwrap(),
        [("inc-b".into(), "inc-a".into(), 2)]
    );
    let at = |s: &dyn Store, v: i64| {
        let mut out = Vec::new();
        s.incidents_at(v, &mut |j| {
            out.push(j.to_string());
            true
        })
        .unwrap();
        ids_of(out)
    };
    assert_eq!(
        at(&s, 1),
        ["inc-c", "inc-a", "inc-b"],
        "by date, undated last"
    );
    assert_eq!(at(&s, 2), ["inc-a", "inc-d"]);
    assert!(s
        .incident_at("inc-a", 1)
        .unwrap()
        .unwrap()
        .contains("\"killed\":3"));
    assert!(s
        .incident_at("inc-a", 2)
        .unwrap()
        .unwrap()
        .contains("\"killed\":4"));
    assert_eq!(s.incident_at("inc-c", 2).unwrap(), None);
    let ids = s.identities().unwrap();
    assert_eq!(ids.version, Some(2));
    assert_eq!(ids.members["inc-a"], [1, 2]);
    assert!(ids.retired.contains("inc-b"));
}

fn decision(id: &str) -> DecisionRow {
    DecisionRow {
        id: id.into(),
        author: "ana".into(),
        at: "2026-12-01T10:00:00Z".into(),
        kind: "note".into(),
        incident: "inc-000000000001".into(),
        json: format!(r#"{{"id":"{id}"}}"#),
    }
}

fn decision_ids(s: &impl Store) -> Vec<String> {
    let mut out = Vec::new();
    s.decisions(&mut |d| {
        out.push(d.id);
        true
    })
    .unwrap();
    out
}

fn decisions_append_in_order_once_and_mark_the_ledger_stale(b: &impl Backend) {
    let mut s = b.open();
    let g0 = s.reports_generation().unwrap();
    assert_eq!(
        s.append_decisions(&[decision("b"), decision("a")]).unwrap(),
        2
    );
    assert_eq!(s.reports_generation().unwrap(), g0 + 1);
    assert_eq!(
        s.append_decisions(&[decision("a"), decision("c")]).unwrap(),
        1
    );
    assert_eq!(s.append_decisions(&[decision("c")]).unwrap(), 0);
    assert_eq!(s.reports_generation().unwrap(), g0 + 2);
    assert_eq!(decision_ids(&s), ["b", "a", "c"]);
    // more than a page of them, in order
    let many: Vec<DecisionRow> = (0..1200).map(|i| decision(&format!("m{i:04}"))).collect();
    assert_eq!(s.append_decisions(&many).unwrap(), 1200);
    let all = decision_ids(&s);
    assert_eq!(all.len(), 1203);
    assert_eq!(all[3], "m0000");
    assert_eq!(all[1202], "m1199");
}

/// Four analysts, each on a connection of their own, record decisions at the same time (one
/// by one, as `review` and the web form do), and all of them also record one same decision
/// (the same id, as a retried submission would): every decision is in the log once, each
/// analyst's in the order they were made, and the one shared decision once.
fn analysts_deciding_at_once_lose_nothing_and_store_nothing_twice(b: &impl Backend) {
    const EACH: usize = 40;
    let analysts = ["ana", "ben", "caro", "dev"];
    std::thread::scope(|scope| {
        for who in analysts {
            scope.spawn(move || {
                let mut s = b.open();
                for i in 0..EACH {
                    let mut d = decision(&format!("{who}-{i:03}"));
                    d.author = who.into();
                    assert_eq!(s.append_decisions(&[d]).unwrap(), 1);
                    if i == EACH / 2 {
                        s.append_decisions(&[decision("shared")]).unwrap();
                    }
                }
            });
        }
    });
    let s = b.open();
    let all = decision_ids(&s);
    assert_eq!(all.len(), analysts.len() * EACH + 1, "{all:?}");
    assert_eq!(all.iter().filter(|d| *d == "shared").count(), 1);
    for who in analysts {
        let mine: Vec<&String> = all
            .iter()
            .filter(|d| d.starts_with(&format!("{who}-")))
            .collect();
        let made: Vec<String> = (0..EACH).map(|i| format!("{who}-{i:03}")).collect();
        assert_eq!(
            mine,
            made.iter().collect::<Vec<_>>(),
            "{who}'s decisions in order"
        );
    }
}

fn the_decision_log_refuses_updates_and_deletes(b: &impl Backend) {
    let mut s = b.open();
    s.append_decisions(&[decision("a")]).unwrap();
    let upd = b
        .sql("UPDATE decisions SET author = 'someone else'")
        .unwrap_err();
    assert!(upd.contains("append-only"), "{upd}");
    let del = b.sql("DELETE FROM decisions").unwrap_err();
    assert!(del.contains("append-only"), "{del}");
    assert_eq!(decision_ids(&s), ["a"]);
}

fn feed_state_round_trips_and_survives_reopening(b: &impl Backend) {
    let mut s = b.open();
    assert!(s.add_feed("https://a.example/feed", 1000).unwrap());
    assert!(!s.add_feed("https://a.example/feed", 2000).unwrap());
    let mut f = s.feed("https://a.example/feed").unwrap().unwrap();
    assert_eq!(f.added_ms, 1000);
    assert_eq!(f.etag, None);
    // validators exactly as received, quotes and weak prefix included
    f.etag = Some("W/\"abc 1\"".into());
    f.last_modified = Some("Sat, 05 Dec 2026 05:00:00 GMT".into());
    f.failures = 2;
    f.next_poll_ms = Some(5000);
    f.items_seen = 7;
    s.put_feed(&f).unwrap();
    s.mark_items_seen(&f.url, &["https://a.example/1".into()], 3000)
        .unwrap();
    drop(s);
    let mut s = b.open();
    assert_eq!(s.feeds().unwrap(), vec![f.clone()]);
    assert!(s.item_seen("https://a.example/1").unwrap());
    assert!(!s.item_seen("https://a.example/2").unwrap());
    assert!(s.remove_feed(&f.url).unwrap());
    assert!(!s.remove_feed(&f.url).unwrap());
    assert_eq!(s.feeds().unwrap(), Vec::<FeedState>::new());
    // an article's URL counts as seen
    let id = s.admit(&[raw("p", "p")]).unwrap()[0].id();
    s.finish(
        vec![(id, parsed(vec![art("https://a.example/9", STORY)]))],
        0.8,
    )
    .unwrap();
    assert!(s.item_seen("https://a.example/9").unwrap());
}

fn changes_are_kept_once_newest_first_and_filtered_by_country(b: &impl Backend) {
    let mut s = b.open();
    let c = |key: &str, country: Option<&str>| LedgerChange {
        seq: 0,
        key: key.into(),
        detected_ms: 5,
        country: country.map(str::to_string),
        json: format!("{{\"key\":\"{key}\"}}"),
    };
    assert_eq!(
        s.put_changes(&[c("a", Some("VE")), c("b", Some("CO"))])
            .unwrap(),
        2
    );
    // the same key again is the same change
    assert_eq!(
        s.put_changes(&[c("a", Some("VE")), c("d", None)]).unwrap(),
        1
    );
    let keys = |v: Vec<LedgerChange>| v.into_iter().map(|c| c.key).collect::<Vec<_>>();
    assert_eq!(keys(s.changes(None, 10).unwrap()), ["d", "b", "a"]);
    assert_eq!(keys(s.changes(Some("VE"), 10).unwrap()), ["a"]);
    assert_eq!(keys(s.changes(None, 1).unwrap()), ["d"]);
}

fn webhook_cursors_move_and_changes_after_them_come_oldest_first(b: &impl Backend) {
    let mut s = b.open();
    let c = |key: &str| LedgerChange {
        seq: 0,
        key: key.into(),
        detected_ms: 5,
        country: None,
        json: format!("{{\"key\":\"{key}\"}}"),
    };
    s.put_changes(&[c("a"), c("b"), c("c")]).unwrap();
    let all = s.changes_after(0, 10).unwrap();
    assert_eq!(
        all.iter().map(|c| c.key.as_str()).collect::<Vec<_>>(),
        ["a", "b", "c"]
    );
    let after_a = s.changes_after(all[0].seq, 1).unwrap();
    assert_eq!(after_a.len(), 1);
    assert_eq!(after_a[0].key, "b");
    let hook = "https://hooks.example/in?x=1";
    assert_eq!(s.delivery_cursor(hook).unwrap(), None);
    s.set_delivery_cursor(hook, all[1].seq).unwrap();
    s.set_delivery_cursor("https://other.example/", 1).unwrap();
    drop(s);
    let s = b.open();
    assert_eq!(s.delivery_cursor(hook).unwrap(), Some(all[1].seq));
    let rest = s.changes_after(all[1].seq, 10).unwrap();
    assert_eq!(rest.len(), 1);
    assert_eq!(rest[0].key, "c");
}

/// A store of backend `b` holding `texts`, one Spanish article each.
fn store_with<B: Backend>(b: &B, texts: &[String]) -> B::S {
    let mut s = b.open();
    let raws: Vec<RawInput> = texts.iter().map(|t| raw(t, t)).collect();
    let ids = s.admit(&raws).unwrap();
    let batch = ids
        .iter()
        .zip(texts)
        .map(|(a, t)| {
            (
                a.id(),
                parsed(vec![art_in(&format!("u{}", a.id()), t, Lang::Es)]),
            )
        })
        .collect();
    s.finish(batch, 0.8).unwrap();
    s
}

fn find(store: &impl Store, q: &str) -> (Vec<SearchHit>, usize) {
    store.search(q, 10, 0).unwrap()
}

fn the_trait_searches_the_index(b: &impl Backend) {
    let s = store_with(
        b,
        &[
            "Una lancha fue atacada cerca de Culiacán y murieron tres personas.".into(),
            "Lawmakers debated the campaign of strikes on Thursday.".into(),
        ],
    );
    let (hits, total) = find(&s, "culiacan lancha");
    assert_eq!((hits.len(), total), (1, 1));
    assert!(
        hits[0].snippet.contains(crate::search::MATCH_START),
        "{:?}",
        hits[0]
    );
    assert!(
        hits[0].snippet.contains(crate::search::MATCH_END),
        "{:?}",
        hits[0]
    );
    assert_eq!(find(&s, "Culiacán").1, 1, "accents are optional both ways");
    assert_eq!(find(&s, "strike*").1, 1);
    // words find their inflections, in both languages
    assert_eq!(find(&s, "strike").1, 1, "strike finds strikes");
    assert_eq!(find(&s, "lanchas").1, 1, "lanchas finds lancha");
    assert_eq!(find(&s, "debate").1, 1, "debate finds debated");
    // a leading dash excludes a word
    assert_eq!(find(&s, "lancha -culiacan").1, 0);
    assert_eq!(find(&s, "lancha -strikes").1, 1);
    assert_eq!(find(&s, "lancha debated").1, 0, "every word must match");
    assert_eq!(find(&s, "\"*()").1, 0);
    assert_eq!(find(&s, "lancha OR \"'").1, 0, "operators are words");
    // a costly query is refused, with the reason
    let err = s.search("a* b* c*", 10, 0).unwrap_err();
    assert!(err.to_string().contains("too short"), "{err}");
}

fn a_common_word_is_counted_up_to_the_cap_and_paged_within_it(b: &impl Backend) {
    use crate::search::{more_than_ranked, RANKED};
    let texts: Vec<String> = (0..RANKED + 50)
        .map(|i| format!("Informe {i}: una lancha en el punto {}.", i * 7))
        .collect();
    let s = store_with(b, &texts);
    let (hits, total) = find(&s, "lancha");
    assert_eq!(hits.len(), 10);
    assert_eq!(total, RANKED + 1, "more than RANKED is said, not counted");
    assert!(more_than_ranked(total));
    // the ranked candidates are the newest RANKED: the 50 oldest never show
    let (all, _) = s.search("lancha", RANKED + 50, 0).unwrap();
    assert_eq!(all.len(), RANKED);
    assert!(all.iter().all(|h| h.id > 50), "only the newest are ranked");
    // a page past the cap is empty rather than a walk past it
    let (past, total) = s.search("lancha", 10, RANKED).unwrap();
    assert_eq!((past.len(), total), (0, RANKED + 1));
    // a narrower query is counted exactly
    let (_, one) = find(&s, "informe 1049");
    assert_eq!(one, 1);
    assert!(!more_than_ranked(one));
}

/// Copies every table of `from` into `to`, as `strikewatch migrate` does.
fn copy_all(from: &impl Store, to: &mut impl Store) {
    assert!(to.copy_is_empty().unwrap());
    for t in crate::copy::TABLES {
        let mut failed = None;
        from.copy_out(t, &mut |rows| match to.copy_in(t, rows) {
            Ok(()) => true,
            Err(e) => {
                failed = Some(e);
                false
            }
        })
        .unwrap();
        assert!(failed.is_none(), "{}: {failed:?}", t.name);
    }
    to.copy_done().unwrap();
}

/// Everything a reader sees of a store, as text.
fn everything(s: &impl Store) -> Vec<String> {
    let mut out = vec![format!("{:?}", s.counts().unwrap())];
    out.push(format!("{:?}", s.articles_after(0, 1000).unwrap()));
    out.push(format!("{:?}", s.failed_inputs(100).unwrap()));
    let mut reports = Vec::new();
    s.reports(ReportFilter::default(), &mut |r| {
        reports.push(format!("{r:?}"));
        true
    })
    .unwrap();
    out.extend(reports);
    for list in LedgerList::ALL {
        out.extend(all_rows(s, list, &LedgerFilter::default()));
    }
    out.push(format!("{:?}", s.ledger_versions().unwrap()));
    out.push(format!("{:?}", s.identities().unwrap()));
    out.push(format!("{:?}", s.incident_changes(0, 100, None).unwrap()));
    out.push(format!("{:?}", decision_ids(s)));
    out.push(format!("{:?}", s.feeds().unwrap()));
    out.push(format!("{:?}", s.changes(None, 100).unwrap()));
    out.push(format!(
        "{:?}",
        s.delivery_cursor("https://hook.example/").unwrap()
    ));
    out.push(format!(
        "{:?} {:?}",
        s.reports_generation().unwrap(),
        s.ledger_generation().unwrap()
    ));
    out
}

fn a_copy_reads_back_as_the_original_and_goes_on_from_it(b: &impl Backend) {
    let mut s = b.open();
    let ids = s
        .admit(&[raw("a", "a"), raw("b", "b"), raw("c", "c")])
        .unwrap();
    let near = format!("{STORY} Nobody else confirmed it.");
    s.finish(
        vec![
            (ids[0].id(), parsed(vec![art("https://x/1", STORY)])),
            (ids[1].id(), Finish::Failed("no body".into())),
        ],
        0.8,
    )
    .unwrap();
    s.put_reports("v1", vec![(1, vec![row("event"), row("tally")])])
        .unwrap();
    let build = s.begin_ledger().unwrap();
    s.put_ledger_rows(
        build,
        LedgerList::Incidents,
        &[lrow(
            0,
            r#"{"id":"inc-a","event_type":"strike","date":"2025-10-02"}"#,
        )],
    )
    .unwrap();
    s.put_ledger_rows(
        build,
        LedgerList::Tallies,
        &[
            lrow(0, r#"{"id":"t","as_of":null}"#),
            lrow(1, r#"{"id":"t","as_of":null}"#),
        ],
    )
    .unwrap();
    let mut p = Publication {
        at: "2026-12-01T00:00:00Z".into(),
        ..Publication::default()
    };
    p.members.insert("inc-a".into(), vec![1]);
    assert_eq!(
        s.publish_ledger_version(build, 1, &p).unwrap(),
        Published::Version(1)
    );
    s.append_decisions(&[decision("d1"), decision("d2")])
        .unwrap();
    s.add_feed("https://feed.example/rss", 5).unwrap();
    s.mark_items_seen("https://feed.example/rss", &["https://x/2".into()], 6)
        .unwrap();
    s.put_changes(&[LedgerChange {
        seq: 0,
        key: "k1".into(),
        detected_ms: 7,
        country: Some("VE".into()),
        json: "{}".into(),
    }])
    .unwrap();
    s.set_delivery_cursor("https://hook.example/", 1).unwrap();
    drop(s);

    let twin = b.twin();
    let mut copy = twin.open();
    copy_all(&b.reader(), &mut copy);
    assert_eq!(everything(&b.reader()), everything(&copy));
    assert!(!copy.copy_is_empty().unwrap());

    // the copy goes on as the original would: the pending input is still pending, a near
    // copy finds its story through the band entries the copy derived, and the decision log
    // and change numbers continue after the copied ones
    let pending = copy.pending(10).unwrap();
    assert_eq!(
        pending.iter().map(|p| p.0).collect::<Vec<_>>(),
        [ids[2].id()]
    );
    let out = copy
        .finish(
            vec![(ids[2].id(), parsed(vec![art("https://x/3", &near)]))],
            0.8,
        )
        .unwrap();
    assert!(
        matches!(
            out[0][0],
            Outcome::New {
                copy_of: Some(1),
                ..
            }
        ),
        "{out:?}"
    );
    assert_eq!(copy.append_decisions(&[decision("d3")]).unwrap(), 1);
    assert_eq!(decision_ids(&copy), ["d1", "d2", "d3"]);
    assert_eq!(
        copy.put_changes(&[LedgerChange {
            seq: 0,
            key: "k2".into(),
            detected_ms: 8,
            country: None,
            json: "{}".into(),
        }])
        .unwrap(),
        1
    );
    assert_eq!(copy.changes_after(0, 10).unwrap()[1].seq, 2);
}

fn feed_urls(n: usize) -> Vec<String> {
    (0..n)
        .map(|i| format!("https://f{i:02}.example/rss"))
        .collect()
}

fn two_claimers_never_get_the_same_feed(b: &impl Backend) {
    let urls = feed_urls(40);
    let mut s = b.open();
    for u in &urls {
        s.add_feed(u, 0).unwrap();
    }
    drop(s);
    // two workers, each on its own connection, claim a few at a time until none is left
    let taken: Vec<Vec<String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = ["w1", "w2"]
            .into_iter()
            .map(|w| {
                let urls = &urls;
                scope.spawn(move || {
                    let mut s = b.open();
                    let mut mine: Vec<String> = Vec::new();
                    loop {
                        // its own claims it would renew: it offers only the others
                        let free: Vec<String> =
                            urls.iter().filter(|u| !mine.contains(u)).cloned().collect();
                        let got = s.claim_feeds(w, &free, 100, 10_000, 3).unwrap();
                        if got.is_empty() {
                            return mine;
                        }
                        assert!(got.len() <= 3);
                        for f in got {
                            assert_eq!(f.claimed_by.as_deref(), Some(w));
                            assert_eq!(f.lease_until_ms, Some(10_000));
                            mine.push(f.url);
                        }
                    }
                })
            })
            .collect();
        workers.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let mut all: Vec<String> = taken.concat();
    all.sort();
    assert_eq!(all, urls, "every feed claimed exactly once");
    // while the leases hold, nobody else gets any
    let mut s = b.open();
    assert_eq!(s.claim_feeds("w3", &urls, 9_999, 20_000, 100).unwrap(), []);
    // the store shows who holds each
    let held: Vec<Option<String>> = s
        .feeds()
        .unwrap()
        .into_iter()
        .map(|f| f.claimed_by)
        .collect();
    assert!(
        held.iter()
            .all(|w| matches!(w.as_deref(), Some("w1" | "w2"))),
        "{held:?}"
    );
}

fn a_lapsed_lease_is_claimable_and_put_feed_releases_only_its_own_claim(b: &impl Backend) {
    let urls = feed_urls(3);
    let (a, c) = (&urls[0], &urls[2]);
    let mut s = b.open();
    let mut other = b.open();
    for u in &urls {
        s.add_feed(u, 0).unwrap();
    }
    assert_eq!(s.claim_feeds("w1", &urls, 100, 200, 0).unwrap(), []);
    assert_eq!(s.claim_feeds("w1", &[], 100, 200, 5).unwrap(), []);
    // the soonest due first: never polled, then by URL; only among those named
    let mut due_later = s.feed(a).unwrap().unwrap();
    due_later.next_poll_ms = Some(50);
    s.put_feed(&due_later).unwrap();
    let got = s.claim_feeds("w1", &urls[..2], 100, 200, 1).unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].url, urls[1]);
    let got = s
        .claim_feeds("w1", &[a.clone(), c.clone()], 100, 200, 1)
        .unwrap();
    assert_eq!(got[0].url, *c);
    // the feeds it holds are renewed with the one newly claimed, in the same order
    let all = s.claim_feeds("w1", &urls, 100, 200, 5).unwrap();
    let order: Vec<&str> = all.iter().map(|f| f.url.as_str()).collect();
    assert_eq!(order, [urls[1].as_str(), c, a]);
    let a_claim = &all[2..];
    assert_eq!(a_claim[0].next_poll_ms, Some(50));
    // held: another worker gets none of them until the lease lapses; the holder renews
    assert_eq!(other.claim_feeds("w2", &urls, 200, 900, 5).unwrap(), []);
    let renewed = s
        .claim_feeds("w1", std::slice::from_ref(a), 150, 300, 1)
        .unwrap();
    assert_eq!(renewed[0].lease_until_ms, Some(300));
    assert_eq!(
        other
            .claim_feeds("w2", std::slice::from_ref(a), 300, 900, 1)
            .unwrap(),
        []
    );
    let taken = other
        .claim_feeds("w2", std::slice::from_ref(a), 301, 900, 1)
        .unwrap();
    assert_eq!(taken[0].claimed_by.as_deref(), Some("w2"));
    assert_eq!(
        s.feed(a).unwrap().unwrap().claimed_by.as_deref(),
        Some("w2")
    );

    // the late worker's state is written, but the claim it names is gone: w2's stays
    let mut late = a_claim[0].clone();
    late.failures = 1;
    s.put_feed(&late).unwrap();
    let now = s.feed(a).unwrap().unwrap();
    assert_eq!(now.failures, 1);
    assert_eq!(now.claimed_by.as_deref(), Some("w2"));
    assert_eq!(now.lease_until_ms, Some(900));
    // a state naming no claim releases none either
    let mut plain = now.clone();
    plain.claimed_by = None;
    plain.lease_until_ms = None;
    s.put_feed(&plain).unwrap();
    assert_eq!(
        s.feed(a).unwrap().unwrap().claimed_by.as_deref(),
        Some("w2")
    );

    // the holder's write releases: the feed is free, and not due until its next poll
    let mut done = taken[0].clone();
    done.next_poll_ms = Some(5_000);
    done.items_seen = 4;
    other.put_feed(&done).unwrap();
    let now = s.feed(a).unwrap().unwrap();
    assert_eq!((now.claimed_by, now.lease_until_ms), (None, None));
    assert_eq!(now.items_seen, 4);
    assert_eq!(
        s.claim_feeds("w1", std::slice::from_ref(a), 4_999, 9_000, 1)
            .unwrap(),
        []
    );
    assert_eq!(
        s.claim_feeds("w1", std::slice::from_ref(a), 5_000, 9_000, 1)
            .unwrap()
            .len(),
        1
    );
    // an unclaimed feed shows no claim in JSON; a claimed one does
    let json = serde_json::to_value(s.feed(&urls[1]).unwrap().unwrap()).unwrap();
    assert_eq!(json["claimed_by"], "w1");
    let mut released = s.feed(&urls[1]).unwrap().unwrap();
    s.put_feed(&released).unwrap();
    released = s.feed(&urls[1]).unwrap().unwrap();
    let json = serde_json::to_value(&released).unwrap();
    assert!(
        json.get("claimed_by").is_none() && json.get("lease_until_ms").is_none(),
        "{json}"
    );
    // a copy carries no claims (they belong to the source's workers)
    let twin = b.twin();
    let mut copy = twin.open();
    copy_all(&b.reader(), &mut copy);
    assert!(copy.feeds().unwrap().iter().all(|f| f.claimed_by.is_none()));
    assert_eq!(copy.claim_feeds("w9", &urls, 100, 200, 5).unwrap().len(), 2);
}
