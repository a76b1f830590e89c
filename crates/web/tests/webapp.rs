//! The web app as readers use it: filters that find what the table flags, errors a program
//! can read, pages that say where they are, compression and revalidation.

mod common;

use common::{Doc, Server};
use reqwest::blocking::Client;
use serde_json::Value;
use sw_model::Lang;

fn client() -> Client {
    Client::builder().no_proxy().no_gzip().build().unwrap()
}

fn get(s: &Server, path: &str) -> (u16, String) {
    let r = client().get(s.url(path)).send().unwrap();
    (r.status().as_u16(), r.text().unwrap())
}

fn get_json(s: &Server, path: &str) -> (u16, Value) {
    let (st, body) = get(s, path);
    let v = serde_json::from_str(&body).unwrap_or_else(|e| panic!("{path}: {e}: {body}"));
    (st, v)
}

/// The test documents, and two outlets disagreeing on the toll of one Caribbean strike off
/// Venezuela (so an incident is flagged as disputed whatever its grade).
fn disputed_docs() -> Vec<Doc> {
    let mut d = common::docs();
    d.push(Doc {
        url: "https://wire-a.example/2025/12/03/venezuela-strike",
        outlet: "Wire A",
        published: "2025-12-03",
        title: "US strike off Venezuela kills four",
        lang: Lang::En,
        text: "U.S. forces struck a boat off the coast of Venezuela in the Caribbean on Tuesday, killing four people, Southern Command said.",
    });
    d.push(Doc {
        url: "https://daily-b.example/world/venezuela-boat",
        outlet: "Daily B",
        published: "2025-12-03",
        title: "Six killed in strike off Venezuela",
        lang: Lang::En,
        text: "A U.S. strike on a boat off the coast of Venezuela in the Caribbean on Tuesday killed six people, officials said.",
    });
    d
}

fn server_over(docs: &[Doc]) -> Server {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("web.db");
    drop(common::make_store(&db, docs));
    Server::over(
        dir,
        db,
        sw_web::Options {
            rate_limit: 0,
            ..Default::default()
        },
    )
}

#[test]
fn filters_find_what_the_table_flags_and_country_codes_work() {
    let s = server_over(&disputed_docs());
    let (_, all) = get_json(&s, "/api/incidents?limit=1000");
    let all = all.as_array().unwrap();
    // every incident with a country is found by its lower-case code, sea region or not
    let with_country: Vec<&Value> = all
        .iter()
        .filter(|i| i["place"]["country"].is_string())
        .collect();
    assert!(
        with_country
            .iter()
            .any(|i| i["place"]["region_code"].is_string()),
        "an incident at sea with a country: {all:?}"
    );
    for i in &with_country {
        let code = i["place"]["country"].as_str().unwrap().to_ascii_lowercase();
        let (st, got) = get_json(&s, &format!("/api/incidents?region={code}&limit=1000"));
        assert_eq!(st, 200);
        assert!(
            got.as_array().unwrap().iter().any(|x| x["id"] == i["id"]),
            "region={code} misses {}",
            i["id"]
        );
    }
    // the contested grade filter holds every incident whose sources disagree
    let disputed: Vec<&Value> = all
        .iter()
        .filter(|i| i["contested"] == true || i["figures"]["killed"]["contested"] == true)
        .collect();
    assert!(!disputed.is_empty(), "a disputed incident: {all:?}");
    let (_, got) = get_json(&s, "/api/incidents?grade=contested&limit=1000");
    for i in disputed {
        assert!(
            got.as_array().unwrap().iter().any(|x| x["id"] == i["id"]),
            "grade=contested misses {}",
            i["id"]
        );
    }
    let home = get(&s, "/?grade=contested").1;
    assert!(!home.contains("No incident matches these filters."));
}

#[test]
fn bad_parameters_are_json_errors_that_name_the_problem() {
    let s = Server::start();
    for (path, says) in [
        ("/api/incidents?sort=garbage", "sort"),
        ("/api/incidents?offset=-1", "offset"),
        ("/api/incidents?limit=abc", "limit"),
        ("/api/incidents?limit=0", "limit=0"),
        ("/api/tallies?limit=0", "limit=0"),
        ("/api/incidents?type=bogus", "strike"),
        ("/api/incidents?grade=best", "corroborated"),
        ("/api/developments?offset=x", "offset"),
        ("/api/search?q=boat&limit=zero", "limit"),
    ] {
        let (st, v) = get_json(&s, path);
        assert_eq!(st, 400, "{path}: {v}");
        let e = v["error"].as_str().unwrap_or_else(|| panic!("{path}: {v}"));
        assert!(e.contains(says), "{path}: {e}");
        assert!(!e.contains("Failed to deserialize"), "{path}: {e}");
    }
    let (st, v) = get_json(&s, "/api/articles/abc");
    assert_eq!(st, 404, "{v}");
    assert!(v["error"].is_string());
    // pages: a 400 page in words, or a note beside the ledger for a value it can leave out
    let (st, page) = get(&s, "/?sort=garbage");
    assert_eq!(st, 400);
    assert!(
        page.contains("sort") && page.contains("Back to the ledger"),
        "{page}"
    );
    assert_eq!(get(&s, "/?offset=-1").0, 400);
    assert_eq!(get(&s, "/articles/abc").0, 404);
    let (st, page) = get(&s, "/?type=bogus");
    assert_eq!(st, 200);
    assert!(page.contains("is not an event type"), "{page}");
}

#[test]
fn the_ledger_page_says_where_it_is_and_links_every_total() {
    let s = Server::start();
    let (_, page) = get(&s, "/?offset=99999");
    assert!(!page.contains("100000"), "a page past the end");
    assert!(page.contains("past the last one"));
    let (_, home) = get(&s, "/");
    assert!(
        !home.contains("class=\"n\" class="),
        "one class attribute per cell"
    );
    assert!(home.contains("class=\"n gap\""), "the gap style applies");
    // every reported total links to the stored article it was read from
    let gaps = home
        .split("Reported totals against the ledger")
        .nth(1)
        .expect("the totals panel");
    let rows = gaps
        .split("<tbody>")
        .nth(1)
        .unwrap()
        .split("</tbody>")
        .next()
        .unwrap();
    assert!(rows.matches("<tr>").count() >= 1);
    assert_eq!(
        rows.matches("<tr>").count(),
        rows.matches("href=\"/articles/").count(),
        "{rows}"
    );
    assert!(
        home.contains("dated tall"),
        "the panel counts tallies as the card does"
    );
    // and says how many figures it compared agree, since it lists only the gaps
    assert!(
        home.contains(" figures compared agree with the ledger and are not listed"),
        "{gaps}"
    );
}

#[test]
fn responses_are_compressed_and_revalidated() {
    let s = Server::start();
    let c = client();
    for (path, enc) in [
        ("/", "br"),
        ("/", "gzip"),
        ("/api/incidents", "gzip"),
        ("/static/app.css", "br"),
    ] {
        let r = c
            .get(s.url(path))
            .header("accept-encoding", enc)
            .send()
            .unwrap();
        assert_eq!(r.status(), 200);
        assert_eq!(
            r.headers()["content-encoding"].to_str().unwrap(),
            enc,
            "{path}"
        );
    }
    let plain = c.get(s.url("/")).send().unwrap();
    assert!(!plain.headers().contains_key("content-encoding"));
    for path in ["/", "/api/incidents", "/developments"] {
        let r = c.get(s.url(path)).send().unwrap();
        let tag = r.headers()["etag"].to_str().unwrap().to_string();
        let again = c
            .get(s.url(path))
            .header("if-none-match", &tag)
            .send()
            .unwrap();
        assert_eq!(again.status(), 304, "{path}");
        assert!(again.bytes().unwrap().is_empty());
        let other = c
            .get(s.url(path))
            .header("if-none-match", "W/\"0000\"")
            .send()
            .unwrap();
        assert_eq!(other.status(), 200, "{path}");
    }
}

#[test]
fn pages_are_navigable_marked_up_and_explained() {
    let s = Server::start();
    let (_, list) = get_json(&s, "/api/incidents?limit=1000");
    let id = list[0]["id"].as_str().unwrap().to_string();
    for path in [
        "/",
        "/developments",
        "/articles",
        "/methodology",
        "/feeds",
        &format!("/incidents/{id}"),
    ] {
        let (st, page) = get(&s, path);
        assert_eq!(st, 200, "{path}");
        assert!(
            page.contains("href=\"#main\"") && page.contains("id=\"main\""),
            "{path}: skip link"
        );
        assert!(
            page.contains("<nav aria-label=\"Main\""),
            "{path}: named navigation"
        );
        // every data table sits in a box that scrolls, so the page itself never does
        assert_eq!(
            page.matches("<table class=\"data").count(),
            page.matches("<div class=\"scroll\" role=\"region\" tabindex=\"0\"")
                .count(),
            "{path}"
        );
    }
    // the methodology explains every grade, every basis of a best figure, every precision
    let (_, m) = get(&s, "/methodology");
    for g in [
        "g-acknowledged",
        "g-corroborated",
        "g-single_source",
        "g-contested",
    ] {
        assert!(m.contains(g), "{g}");
    }
    for b in [
        "acknowledged",
        "most_stories",
        "raised",
        "only_value",
        "largest_count",
    ] {
        assert!(m.contains(&format!("<code>{b}</code>")), "{b}");
    }
    for p in 1..=5 {
        assert!(m.contains(&format!("<dt>p{p}</dt>")), "p{p}");
    }
    assert!(m.contains("id=\"best\"") && m.contains("id=\"stories\""));
    // Spanish quotes are marked as Spanish
    let es = list
        .as_array()
        .unwrap()
        .iter()
        .find(|i| {
            i["sources"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["lang"] == "es")
        })
        .expect("an incident with a Spanish source");
    let (_, page) = get(&s, &format!("/incidents/{}", es["id"].as_str().unwrap()));
    assert!(
        page.contains("<blockquote class=\"quote\" lang=\"es\">"),
        "{page}"
    );
    // and so is the sentence holding a Spanish source's figure
    assert!(
        page.contains("<blockquote class=\"vquote\" lang=\"es\""),
        "{page}"
    );
}

#[test]
fn the_headline_is_a_range_beside_the_latest_reported_total() {
    let s = Server::start();
    let (_, home) = get(&s, "/");
    let card = home
        .split("latest total reported by an outlet")
        .nth(1)
        .expect("the card");
    let card = card.split("</div></div>").next().unwrap();
    assert!(
        card.contains("≥ 32") && card.contains("2025-10-20"),
        "{card}"
    );
    assert!(card.contains("href=\"/articles/"), "{card}");
    assert!(
        home.contains("<dt>low</dt>")
            && home.contains("<dt>best</dt>")
            && home.contains("<dt>high</dt>")
    );
    let (_, summary) = get_json(&s, "/api/summary");
    assert_eq!(summary["summary"]["latest_total"]["low"], 32);
}

#[test]
fn a_values_link_lands_on_its_claim_in_the_article() {
    let s = Server::start();
    let (_, list) = get_json(&s, "/api/incidents?limit=1000");
    let pacific = list
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["place"]["region_code"] == "eastern_pacific")
        .unwrap();
    let (_, page) = get(
        &s,
        &format!("/incidents/{}", pacific["id"].as_str().unwrap()),
    );
    // the first value's link goes to the value's own claim (by its offset), not to the
    // report's first one
    let link = attribute_after(&page, "class=\"claimlink\" href=\"");
    assert!(mark_at(&s, &link).contains("f-killed"), "{link}");
    // a value's quote links to the claim of that value itself: the mark whose anchor it
    // names (or the mark holding it) is a claim of the figure quoted
    let quoted = page
        .split("<ul class=\"vquotes\"")
        .nth(1)
        .expect("the value's quotes");
    let figure = attribute_after(quoted, "data-figure=\"");
    let qlink = attribute_after(quoted, "class=\"claimlink\" href=\"");
    assert!(
        mark_at(&s, &qlink).contains(&format!("f-{figure}")),
        "{qlink}"
    );
}

/// The value of the first attribute `prefix` opens in `html` (up to its closing quote).
fn attribute_after(html: &str, prefix: &str) -> String {
    html.split(prefix)
        .nth(1)
        .unwrap_or_else(|| panic!("no {prefix}"))
        .split('"')
        .next()
        .unwrap()
        .to_string()
}

/// The opening tag of the claim mark that a link `/articles/N#cOFFSET` lands on (the mark
/// with that id, or the one holding it).
fn mark_at(s: &Server, link: &str) -> String {
    let (path, anchor) = link.split_once('#').expect("an anchor");
    assert!(anchor.starts_with('c'), "a claim's own anchor: {link}");
    let (_, article) = get(s, path);
    let at = article
        .find(&format!("id=\"{anchor}\""))
        .unwrap_or_else(|| panic!("{anchor} is not in {path}"));
    article[article[..at].rfind("<mark").unwrap()..at].to_string()
}

#[test]
fn every_filter_narrows_the_table_the_map_and_the_download_alike() {
    let s = server_over(&disputed_docs());
    let (_, all) = get_json(&s, "/api/incidents?limit=1000");
    let all = all.as_array().unwrap().clone();
    let outlet_of = |i: &Value, o: &str| {
        i["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["outlet"] == o)
    };
    for (query, keep) in [
        (
            "lang=es",
            Box::new(|i: &Value| {
                i["sources"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|s| s["lang"] == "es")
            }) as Box<dyn Fn(&Value) -> bool>,
        ),
        (
            "outlet=Daily%20B",
            Box::new(move |i: &Value| outlet_of(i, "Daily B")),
        ),
        (
            "country=VE",
            Box::new(|i: &Value| i["place"]["country"] == "VE"),
        ),
    ] {
        let want: Vec<&Value> = all.iter().filter(|i| keep(i)).collect();
        assert!(
            !want.is_empty() && want.len() < all.len(),
            "{query}: a filter that narrows"
        );
        let (_, got) = get_json(&s, &format!("/api/incidents?{query}&limit=1000"));
        let ids = |v: &[&Value]| {
            let mut x: Vec<String> = v
                .iter()
                .map(|i| i["id"].as_str().unwrap().to_string())
                .collect();
            x.sort();
            x
        };
        let got: Vec<&Value> = got.as_array().unwrap().iter().collect();
        assert_eq!(ids(&got), ids(&want), "{query}");
        // the map's marks count the same incidents (those with coordinates)
        let (_, map) = get_json(&s, &format!("/api/map?{query}"));
        let marked: u64 = map
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["incidents"].as_u64().unwrap())
            .sum();
        let placed = want
            .iter()
            .filter(|i| {
                i["place"]["lat"].is_number() && i["place"]["precision"].as_u64().unwrap() < 5
            })
            .count();
        assert_eq!(marked as usize, placed, "{query}: {map}");
        // the downloads hold exactly these incidents
        let (st, json) = get_json(&s, &format!("/api/export?format=json&{query}"));
        assert_eq!(st, 200);
        let exported: Vec<&Value> = json["incidents"].as_array().unwrap().iter().collect();
        assert_eq!(ids(&exported), ids(&want), "{query}");
        let (_, geo) = get_json(&s, &format!("/api/export?format=geojson&{query}"));
        let features = geo["features"].as_array().unwrap();
        let with_coords = want
            .iter()
            .filter(|i| i["place"]["lat"].is_number())
            .count();
        assert_eq!(features.len(), with_coords, "{query}: {geo}");
        for f in features {
            assert!(
                want.iter().any(|i| i["id"] == f["properties"]["id"]),
                "{query}: {f}"
            );
        }
        let (_, csv) = get(&s, &format!("/api/export?format=csv&{query}"));
        assert_eq!(csv.trim().lines().count() - 1, want.len(), "{query}: {csv}");
        // the page offers the filtered downloads and draws the filtered chart
        let (_, page) = get(&s, &format!("/?{query}"));
        assert!(
            page.contains(&format!("/api/export?format=csv&amp;{query}")),
            "{query}"
        );
        assert!(
            page.contains(&format!("data-points=\"/api/map?{query}\"")),
            "{query}"
        );
        assert!(page.contains("Following the filters"), "{query}");
        // the campaign-wide totals outlets reported are not drawn beside a filtered sum
        let chart = page
            .split("id=\"chart\"")
            .nth(1)
            .unwrap()
            .split("</figure>")
            .next()
            .unwrap();
        assert!(
            !chart.contains("circle class=\"reported"),
            "{query}: {chart}"
        );
        assert!(!chart.contains("totals outlets reported"), "{query}");
    }
    let (_, home) = get(&s, "/");
    assert!(home.contains("c-monthly"), "monthly bars");
    assert!(
        home.contains("circle class=\"reported"),
        "the whole ledger's chart draws the totals outlets reported"
    );
    assert!(
        home.contains("name=\"perpetrator\"")
            && home.contains("name=\"outlet\"")
            && home.contains("name=\"lang\"")
    );
    assert_eq!(get_json(&s, "/api/map?type=nonsense").0, 400);
    assert_eq!(get_json(&s, "/api/export?format=csv&grade=nonsense").0, 400);
}

#[test]
fn a_value_names_each_outlet_once() {
    // one outlet giving the same toll in two articles of one event
    let mut docs = common::docs();
    docs.push(Doc {
        url: "https://wire-a.example/2025/11/06/boat-strike-update",
        outlet: "Wire A",
        published: "2025-11-06",
        title: "Update: three killed in eastern Pacific strike",
        lang: Lang::En,
        text: "Three people were killed when U.S. forces struck a boat in the eastern Pacific on Tuesday, Southern Command said on Wednesday, adding that no one survived.",
    });
    let s = server_over(&docs);
    let (_, list) = get_json(&s, "/api/incidents?limit=1000");
    let pacific = list
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["place"]["region_code"] == "eastern_pacific")
        .unwrap();
    let (_, page) = get(
        &s,
        &format!("/incidents/{}", pacific["id"].as_str().unwrap()),
    );
    let values = page.split("<ul class=\"values\">").nth(1).unwrap();
    // the value's own line, before the sentences that hold it
    let first = values.split("</li>").next().unwrap();
    let first = first.split("<ul class=\"vquotes\"").next().unwrap();
    assert_eq!(first.matches(">Wire A</a>").count(), 1, "{first}");
    assert!(
        first.contains(">[2]</a>"),
        "the second Wire A article is still linked: {first}"
    );
}

#[test]
fn the_feeds_page_and_api_show_each_feeds_health() {
    let s = Server::start();
    let (st, feeds) = get_json(&s, "/api/feeds");
    assert_eq!(st, 200);
    let feeds = feeds.as_array().unwrap();
    assert_eq!(feeds.len(), 2);
    let health: Vec<(&str, &str)> = feeds
        .iter()
        .map(|f| (f["url"].as_str().unwrap(), f["health"].as_str().unwrap()))
        .collect();
    assert!(
        health.contains(&("https://wire.example/world/americas/rss.xml", "ok")),
        "{health:?}"
    );
    assert!(
        health
            .iter()
            .any(|(u, h)| u.starts_with("https://gone.example/") && *h == "failing"),
        "{health:?}"
    );
    let (st, page) = get(&s, "/feeds");
    assert_eq!(st, 200);
    assert!(
        page.contains("2 feeds: 1 ok, 0 erroring, 1 failing"),
        "{page}"
    );
    assert!(page.contains("connection refused by the server"), "{page}");
    assert!(
        page.contains("<span class=\"health h-failing\">failing</span>"),
        "{page}"
    );
}

/// An incident page opens on one line in plain words made from the incident's values: what,
/// where, when, the toll, who, how many independent sources.
#[test]
fn an_incident_page_opens_on_a_summary_in_plain_words() {
    let s = Server::start();
    let (_, list) = get_json(&s, "/api/incidents?region=eastern_pacific");
    let id = list[0]["id"].as_str().expect("the eastern Pacific strike");
    let (st, page) = get(&s, &format!("/incidents/{id}"));
    assert_eq!(st, 200);
    let at = page.find("<p class=\"summary\">").expect("a summary line");
    let line = &page[at..at + page[at..].find("</p>").unwrap()];
    for words in [
        "A strike on a vessel in the eastern Pacific",
        "on 4 November 2025",
        "3 killed",
        "Told by 2 independent sources",
    ] {
        assert!(line.contains(words), "{words:?} missing from {line}");
    }
    // above the figures it sums up
    assert!(at < page.find("<h2>Figures</h2>").unwrap());
}

/// The grade filter offers only grades some incident has, as the type filter does: each one
/// offered keeps at least one incident (a grade no incident had was offered, and gave an
/// empty table).
#[test]
fn the_grade_filter_offers_only_grades_incidents_have() {
    let s = Server::start();
    let (_, home) = get(&s, "/");
    let select = home
        .split("<select name=\"grade\">")
        .nth(1)
        .unwrap()
        .split("</select>")
        .next()
        .unwrap();
    let offered: Vec<&str> = select
        .split("<option value=\"")
        .skip(1)
        .map(|o| o.split('"').next().unwrap())
        .filter(|g| !g.is_empty())
        .collect();
    assert!(!offered.is_empty(), "{select}");
    for g in &offered {
        let (_, list) = get_json(&s, &format!("/api/incidents?grade={g}"));
        assert!(
            !list.as_array().unwrap().is_empty(),
            "grade {g} is offered but keeps no incident"
        );
    }
    let (_, all) = get_json(&s, "/api/incidents?limit=1000");
    let graded: std::collections::BTreeSet<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["grade"].as_str().unwrap())
        .collect();
    for g in graded {
        assert!(offered.contains(&g), "{g} is not offered: {offered:?}");
    }
}
