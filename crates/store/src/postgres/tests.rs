//! What only the PostgreSQL backend has: opening a database that holds no store, an older
//! or newer schema, the search's statement timeout, values PostgreSQL cannot hold, and its
//! consistency check. (The store's behaviour is tested on every backend in `contract.rs`.)

use std::time::Duration;

use super::*;
use crate::contract::Postgres;
use crate::{NewArticle, Store};

fn sql(url: &str, sql: &str) {
    let mut c = Client::connect(url, NoTls).unwrap();
    c.batch_execute(sql).unwrap();
}

#[test]
fn a_reader_needs_a_store_of_this_schema_and_a_writer_makes_one() {
    let pg = Postgres::new();
    let err = PostgresStore::open_read_only(&pg.url).err().unwrap();
    assert!(matches!(err, StoreError::NoStore(_)), "{err:?}");
    assert!(
        err.to_string().starts_with("no store at postgres://"),
        "{err}"
    );
    // two writers making the schema at once: both open, the schema is made once
    std::thread::scope(|s| {
        let a = s.spawn(|| PostgresStore::open(&pg.url).map(|_| ()));
        let b = s.spawn(|| PostgresStore::open(&pg.url).map(|_| ()));
        a.join().unwrap().unwrap();
        b.join().unwrap().unwrap();
    });
    let w = PostgresStore::open(&pg.url).unwrap();
    assert_eq!(w.schema_version().unwrap(), MIGRATIONS.len() as i64);
    assert_eq!(w.integrity_check().unwrap(), "ok");
    assert_eq!(w.quick_check().unwrap(), "ok");
    let r = PostgresStore::open_read_only(&pg.url).unwrap();
    assert_eq!(r.counts().unwrap().inputs, 0);
    // an older schema is for a writer to upgrade; a newer one is refused by both
    sql(&pg.url, "UPDATE sw_schema SET version = 0");
    let err = PostgresStore::open_read_only(&pg.url).err().unwrap();
    assert!(
        matches!(err, StoreError::Outdated { found: 0, .. }),
        "{err:?}"
    );
    sql(&pg.url, "UPDATE sw_schema SET version = 99");
    for err in [
        PostgresStore::open(&pg.url).err().unwrap(),
        PostgresStore::open_read_only(&pg.url).err().unwrap(),
    ] {
        assert!(err.to_string().contains("newer strikewatch"), "{err}");
    }
}

#[test]
fn the_consistency_check_finds_what_the_schema_cannot_refuse() {
    let pg = Postgres::new();
    let mut s = PostgresStore::open(&pg.url).unwrap();
    let id = s
        .admit(&[crate::RawInput {
            locator: "x".into(),
            format: None,
            bytes: b"x".to_vec(),
            meta: None,
        }])
        .unwrap()[0]
        .id();
    let text = "A boat was struck and three people were killed in the attack at sea.";
    let article = NewArticle {
        item: 0,
        article: sw_model::Article {
            text: text.into(),
            ..Default::default()
        },
        signature: Signature::of(text),
    };
    let rows = vec![crate::ReportRow {
        kind: "event".into(),
        event_type: "strike".into(),
        modality: "occurred".into(),
        date: None,
        json: "{}".into(),
    }];
    s.finish_extracted(
        vec![(
            id,
            Finish::Parsed {
                articles: vec![article],
                warnings: vec![],
            },
        )],
        0.8,
        "v1",
        &[vec![rows]],
    )
    .unwrap();
    assert_eq!(s.integrity_check().unwrap(), "ok");
    sql(&pg.url, "UPDATE reports SET id = id + 7");
    let found = s.integrity_check().unwrap();
    assert!(found.contains("1 reports whose id"), "{found}");
}

#[test]
fn text_postgresql_cannot_hold_is_refused_naming_it() {
    let pg = Postgres::new();
    let mut s = PostgresStore::open(&pg.url).unwrap();
    let id = s
        .admit(&[crate::RawInput {
            locator: "nul".into(),
            format: None,
            bytes: b"a\0b".to_vec(),
            meta: None,
        }])
        .unwrap()[0]
        .id();
    let text = "before\0after";
    let article = NewArticle {
        item: 0,
        article: sw_model::Article {
            text: text.into(),
            ..Default::default()
        },
        signature: Signature::of(text),
    };
    let err = s
        .finish(
            vec![(
                id,
                Finish::Parsed {
                    articles: vec![article],
                    warnings: vec![],
                },
            )],
            0.8,
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
    assert!(
        err.to_string().contains("an article's text holds a NUL"),
        "{err}"
    );
    // nothing of the batch was written; the input waits, its bytes kept
    assert_eq!(s.counts().unwrap().articles, 0);
    assert_eq!(s.pending(5).unwrap()[0].1.bytes, b"a\0b");
}

#[test]
fn a_search_past_its_budget_is_stopped_and_says_so() {
    let pg = Postgres::new();
    let s = PostgresStore::open(&pg.url).unwrap();
    let err = StoreError::from(
        s.within_budget(Duration::from_millis(20), |tx| {
            tx.execute("SELECT pg_sleep(2)", &[]).map(|_| ())
        })
        .unwrap_err(),
    );
    assert!(matches!(err, StoreError::Invalid(_)), "{err:?}");
    assert!(err.to_string().contains("narrow it"), "{err}");
    // the budget was for that search only: the connection searches on
    assert_eq!(s.search("lancha", 10, 0).unwrap().1, 0);
    let slow = s.within_budget(Duration::from_secs(5), |tx| {
        tx.execute("SELECT pg_sleep(0.05)", &[]).map(|_| ())
    });
    assert!(slow.is_ok());
}

#[test]
fn query_words_are_lexemes_never_operators() {
    use crate::search::terms;
    let q = |s: &str| search::ts_query(&terms(s).unwrap());
    assert_eq!(q("boat strike").unwrap(), "'boat' & 'strike'");
    assert_eq!(q("lancha*").unwrap(), "'lancha':*");
    assert_eq!(q("o'brien | !x").unwrap(), "'o''brien' & 'x'");
    assert_eq!(q("  \"*()  "), None);
    assert_eq!(q("strike -drill").unwrap(), "'strike' & !'drill'");
}

fn input(name: &str) -> crate::RawInput {
    crate::RawInput {
        locator: name.into(),
        format: None,
        bytes: name.as_bytes().to_vec(),
        meta: None,
    }
}

/// Two workers on one database: an input one has admitted and not finished is claimed by
/// it (the other is told so, and does not resume it); the claim ends when the worker's
/// session ends (a killed worker) or its lease passes (a stuck one), and then another
/// worker takes it over; two resuming workers take different inputs.
#[test]
fn workers_claim_inputs_until_they_finish_die_or_their_lease_ends() {
    let pg = Postgres::new();
    let mut a = PostgresStore::open(&pg.url).unwrap();
    let mut b = PostgresStore::open(&pg.url).unwrap();
    let x = match a.admit(&[input("x")]).unwrap()[0] {
        Admission::New(id) => id,
        other => panic!("{other:?}"),
    };
    assert_eq!(b.admit(&[input("x")]).unwrap()[0], Admission::Claimed(x));
    assert!(b.pending(10).unwrap().is_empty(), "b resumes what a holds");
    // a's own admission again is still a's to parse
    assert_eq!(a.admit(&[input("x")]).unwrap()[0], Admission::Pending(x));
    assert_eq!(a.pending(10).unwrap().len(), 1);
    // a dies: its session ends, and b takes the input over
    drop(a);
    let mut taken = Vec::new();
    for _ in 0..100 {
        taken = b.pending(10).unwrap();
        if !taken.is_empty() {
            break;
        }
        // the server ends a closed connection's session at once, but asynchronously
        std::thread::sleep(Duration::from_millis(20));
    }
    assert_eq!(taken.iter().map(|t| t.0).collect::<Vec<_>>(), [x]);
    let mut c = PostgresStore::open(&pg.url).unwrap();
    assert_eq!(c.admit(&[input("x")]).unwrap()[0], Admission::Claimed(x));
    // a finished input is done for everyone, claims gone
    b.finish(vec![(x, Finish::Failed("unreadable".into()))], 0.8)
        .unwrap();
    assert_eq!(c.admit(&[input("x")]).unwrap()[0], Admission::Retry(x));
    // a claim past its lease is taken over even while its worker lives
    c.set_lease(Duration::ZERO);
    let y = c.admit(&[input("y")]).unwrap()[0].id();
    assert_eq!(b.admit(&[input("y")]).unwrap()[0], Admission::Pending(y));
    // two resuming workers take different inputs
    let mut d = PostgresStore::open(&pg.url).unwrap();
    d.set_lease(Duration::ZERO);
    let many: Vec<crate::RawInput> = (0..6).map(|i| input(&format!("m{i}"))).collect();
    d.admit(&many).unwrap();
    drop(d);
    let (mut got_b, mut got_c) = (Vec::new(), Vec::new());
    for _ in 0..100 {
        got_b = b.pending(3).unwrap();
        if got_b.len() == 3 {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    got_c.extend(c.pending(10).unwrap());
    let ids = |v: &[(InputId, crate::RawInput)]| v.iter().map(|t| t.0).collect::<Vec<_>>();
    assert_eq!(got_b.len(), 3, "{:?}", ids(&got_b));
    assert!(
        ids(&got_c).iter().all(|i| !ids(&got_b).contains(i)),
        "{:?} {:?}",
        ids(&got_b),
        ids(&got_c)
    );
}
