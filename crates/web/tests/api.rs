//! The JSON API and the pages over HTTP, against a server on an ephemeral loopback port.

mod common;

use common::Server;
use reqwest::blocking::Client;
use serde_json::Value;

fn client() -> Client {
    Client::builder().no_proxy().build().unwrap()
}

fn get_json(s: &Server, path: &str) -> (u16, Value, reqwest::header::HeaderMap) {
    let r = client().get(s.url(path)).send().unwrap();
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    (
        status,
        serde_json::from_str(&r.text().unwrap()).unwrap(),
        headers,
    )
}

#[test]
fn api_mirrors_the_cli_contracts() {
    let s = Server::start();
    let (st, incidents, h) = get_json(&s, "/api/incidents");
    assert_eq!(st, 200);
    let list = incidents
        .as_array()
        .expect("an array, as `incidents --json`");
    assert!(list.len() >= 2, "{incidents}");
    assert_eq!(h["x-total-count"].to_str().unwrap(), list.len().to_string());
    // newest first by default; the two Pacific reports are one corroborated incident
    let pacific = list
        .iter()
        .find(|i| i["place"]["region_code"] == "eastern_pacific")
        .expect("the eastern Pacific strike");
    assert_eq!(pacific["figures"]["killed"]["best"], 3);
    assert_eq!(pacific["stories"], 2);
    let id = pacific["id"].as_str().unwrap();

    let (st, one, _) = get_json(&s, &format!("/api/incidents/{id}"));
    assert_eq!(st, 200);
    assert_eq!(one["id"], id);
    assert_eq!(get_json(&s, "/api/incidents/inc-000000000000").0, 404);

    // filters
    let (_, strikes, _) = get_json(
        &s,
        "/api/incidents?type=strike&from=2025-11-01&to=2025-11-30",
    );
    assert!(strikes
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["date"].as_str().unwrap().starts_with("2025-11")));
    let (_, none, h) = get_json(&s, "/api/incidents?type=raid");
    assert_eq!(none.as_array().unwrap().len(), 0);
    assert_eq!(h["x-total-count"], "0");
    assert_eq!(get_json(&s, "/api/incidents?from=yesterday").0, 400);
    let (_, page, h) = get_json(&s, "/api/incidents?limit=1&offset=1&sort=killed&dir=asc");
    assert_eq!(page.as_array().unwrap().len(), 1);
    assert_eq!(h["x-total-count"].to_str().unwrap(), list.len().to_string());

    let (st, tallies, h) = get_json(&s, "/api/tallies");
    assert_eq!(st, 200);
    let n = tallies.as_array().unwrap().len();
    assert_eq!(h["x-total-count"].to_str().unwrap(), n.to_string());
    // paged, like developments
    let (_, none, h) = get_json(&s, &format!("/api/tallies?offset={n}"));
    assert!(none.as_array().unwrap().is_empty());
    assert_eq!(h["x-total-count"].to_str().unwrap(), n.to_string());
    let (st, _, h) = get_json(&s, "/api/tally-check?limit=1");
    assert_eq!(st, 200);
    assert!(h.contains_key("x-total-count"));
    assert!(
        tallies
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["killed"]["low"] == 32),
        "{tallies}"
    );
    assert_eq!(get_json(&s, "/api/developments").0, 200);

    let (_, articles, h) = get_json(&s, "/api/articles?limit=2");
    assert_eq!(articles.as_array().unwrap().len(), 2);
    assert_eq!(h["x-total-count"], "5");
    let (st, art, _) = get_json(&s, "/api/articles/1");
    assert_eq!(st, 200);
    assert!(art["text"].as_str().unwrap().contains("eastern Pacific"));
    assert!(!art["reports"].as_array().unwrap().is_empty());
    assert_eq!(get_json(&s, "/api/articles/999").0, 404);

    let (st, spec, _) = get_json(&s, "/api/openapi.json");
    assert_eq!(st, 200);
    assert_eq!(spec["openapi"], "3.1.0");
    for p in [
        "/api/incidents",
        "/api/incidents/{id}",
        "/api/tallies",
        "/api/developments",
        "/api/articles",
        "/api/articles/{id}",
        "/api/search",
        "/api/export",
    ] {
        assert!(spec["paths"][p].is_object(), "{p} is documented");
    }
    let formats = &spec["paths"]["/api/export"]["get"]["parameters"][0]["schema"]["enum"];
    for f in ["json", "csv", "acled", "ucdp", "geojson"] {
        assert!(formats.as_array().unwrap().contains(&f.into()), "{f}");
    }
    assert_eq!(get_json(&s, "/api/nothing-here").0, 404);
}

#[test]
fn search_finds_english_and_spanish_with_or_without_accents() {
    let s = Server::start();
    let (st, r, _) = get_json(&s, "/api/search?q=lancha%20Caribe");
    assert_eq!(st, 200);
    assert_eq!(r["total"], 1, "{r}");
    assert_eq!(r["more"], false, "an exact count: {r}");
    assert!(r["hits"][0]["snippet"]
        .as_str()
        .unwrap()
        .contains("[[lancha]]"));
    let (_, r, _) = get_json(&s, "/api/search?q=eastern%20pacific");
    assert_eq!(r["total"], 2);
    let (_, r, _) = get_json(&s, "/api/search?q=Comando");
    assert_eq!(r["total"], 1);
    // operators are plain words, not syntax errors
    assert_eq!(get_json(&s, "/api/search?q=boat%20OR%20NEAR(%22").0, 200);
    assert_eq!(get_json(&s, "/api/search?q=").0, 400);
    let page = client()
        .get(s.url("/search?q=vessel"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(page.contains("<mark class=\"hit\">vessel</mark>"), "{page}");
    // a Spanish hit's title and snippet are marked Spanish for screen readers; the page's two
    // search forms are told apart by name
    let page = client()
        .get(s.url("/search?q=lancha"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(page.contains("<p class=\"snippet\" lang=\"es\">"), "{page}");
    assert_eq!(
        page.matches("role=\"search\" aria-label=").count(),
        2,
        "{page}"
    );
}

#[test]
fn exports_in_every_format() {
    let s = Server::start();
    for (f, ct) in [
        ("json", "application/json"),
        ("csv", "text/csv"),
        ("acled", "text/csv"),
        ("ucdp", "text/csv"),
        ("geojson", "application/geo+json"),
    ] {
        let r = client()
            .get(s.url(&format!("/api/export?format={f}")))
            .send()
            .unwrap();
        assert_eq!(r.status(), 200, "{f}");
        assert!(
            r.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with(ct),
            "{f}"
        );
        assert!(!r.text().unwrap().is_empty());
    }
    assert_eq!(
        client()
            .get(s.url("/api/export?format=xls"))
            .send()
            .unwrap()
            .status(),
        400
    );
}

#[test]
fn writes_are_refused_and_headers_are_strict() {
    let s = Server::start();
    let c = client();
    for path in ["/", "/api/incidents", "/api/articles/1", "/anything"] {
        for m in [
            reqwest::Method::POST,
            reqwest::Method::PUT,
            reqwest::Method::DELETE,
            reqwest::Method::PATCH,
        ] {
            let r = c.request(m.clone(), s.url(path)).body("x").send().unwrap();
            assert_eq!(r.status(), 405, "{m} {path}");
        }
    }
    let r = c.get(s.url("/")).send().unwrap();
    let csp = r.headers()["content-security-policy"].to_str().unwrap();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    assert_eq!(r.headers()["x-content-type-options"], "nosniff");
    let long = format!("/?type={}", "a".repeat(5000));
    assert_eq!(c.get(s.url(&long)).send().unwrap().status(), 414);
    let r = c.get(s.url("/")).body(vec![b'x'; 10_000]).send().unwrap();
    assert_eq!(r.status(), 413);
    // vendored files are served by the binary itself
    for f in [
        "/static/vendor/leaflet.js",
        "/static/vendor/countries-110m.geojson",
        "/static/app.css",
        "/static/map.js",
    ] {
        assert_eq!(c.get(s.url(f)).send().unwrap().status(), 200, "{f}");
    }
}

#[test]
fn a_client_over_its_rate_is_told_to_slow_down() {
    let s = Server::start_with(sw_web::Options {
        rate_limit: 5,
        ..Default::default()
    });
    let c = client();
    let codes: Vec<u16> = (0..40)
        .map(|_| {
            c.get(s.url("/api/summary"))
                .send()
                .unwrap()
                .status()
                .as_u16()
        })
        .collect();
    assert!(codes.contains(&200));
    assert!(codes.contains(&429), "{codes:?}");
}

#[test]
fn pages_escape_untrusted_text() {
    let s = Server::start();
    let c = client();
    let (_, arts, _) = get_json(&s, "/api/articles?limit=100");
    let hostile = arts
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == common::HOSTILE_TITLE)
        .unwrap();
    let id = hostile["id"].as_i64().unwrap();
    let page = c
        .get(s.url(&format!("/articles/{id}")))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(!page.contains("<script>window"), "script tag escaped");
    assert!(!page.contains("<img src=x"), "img tag escaped");
    assert!(!page.contains("<svg onload"), "svg tag escaped");
    assert!(!page.contains("href=\"javascript:"), "no javascript: link");
    assert!(page.contains("&lt;script&gt;window.__pwned='title'&lt;/script&gt;"));
    // every page listing it escapes it too
    for p in ["/", "/articles", "/search?q=witnesses", "/developments"] {
        let body = c.get(s.url(p)).send().unwrap().text().unwrap();
        assert!(
            !body.contains("<script>window")
                && !body.contains("<svg onload")
                && !body.contains("<img src=x"),
            "{p}"
        );
    }
}

#[test]
fn pages_render_the_ledger() {
    let s = Server::start();
    let c = client();
    let home = c.get(s.url("/")).send().unwrap().text().unwrap();
    assert!(home.contains("The ledger"));
    assert!(home.contains("id=\"map\""));
    assert!(home.contains("c-killed"), "the chart");
    assert!(home.contains("/incidents/inc-"));
    let (_, list, _) = get_json(&s, "/api/incidents");
    let id = list[0]["id"].as_str().unwrap();
    let page = c
        .get(s.url(&format!("/incidents/{id}")))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(
        page.contains("<mark class=\"claim"),
        "quote spans highlighted"
    );
    assert_eq!(
        c.get(s.url("/incidents/nope")).send().unwrap().status(),
        404
    );
    assert_eq!(
        c.get(s.url("/articles/12345")).send().unwrap().status(),
        404
    );
    assert_eq!(c.get(s.url("/no/such/page")).send().unwrap().status(), 404);
    let filtered = c
        .get(s.url("/?type=raid&from=&to=&region=&grade="))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(filtered.contains("No incident matches these filters."));
}

#[test]
fn lists_show_a_few_sources_and_where_the_rest_are() {
    let s = Server::start();
    let (_, list, _) = get_json(&s, "/api/incidents?sources=1");
    let list = list.as_array().unwrap().clone();
    assert!(
        list.iter().any(|i| i["sources_total"] == 2),
        "the Pacific incident has two sources"
    );
    for i in &list {
        let total = i["sources_total"].as_u64().unwrap();
        assert_eq!(i["sources"].as_array().unwrap().len() as u64, total.min(1));
        let id = i["id"].as_str().unwrap();
        let url = i["sources_url"].as_str().unwrap();
        assert_eq!(url, format!("/api/incidents/{id}/sources"));
        let (st, all, h) = get_json(&s, url);
        assert_eq!(st, 200);
        assert_eq!(all.as_array().unwrap().len() as u64, total);
        assert_eq!(h["x-total-count"].to_str().unwrap(), total.to_string());
        // the incident itself keeps every source, as `incidents --json` writes it
        let (_, whole, _) = get_json(&s, &format!("/api/incidents/{id}"));
        assert_eq!(whole["sources"], all);
        assert!(whole.get("sources_total").is_none());
        if total > 1 {
            let (_, second, _) = get_json(&s, &format!("{url}?limit=1&offset=1"));
            assert_eq!(second[0], all[1]);
        }
    }
    // by default a few are listed: these incidents have fewer, so all of them
    let (_, default, _) = get_json(&s, "/api/incidents");
    for i in default.as_array().unwrap() {
        assert_eq!(
            i["sources"].as_array().unwrap().len() as u64,
            i["sources_total"].as_u64().unwrap()
        );
    }
    assert_eq!(
        get_json(&s, "/api/incidents/inc-000000000000/sources").0,
        404
    );
    let (_, spec, _) = get_json(&s, "/api/openapi.json");
    assert!(spec["paths"]["/api/incidents/{id}/sources"].is_object());
    // the table links each incident's sources
    let home = client().get(s.url("/")).send().unwrap().text().unwrap();
    assert!(home.contains("(2 sources)"), "{home}");
}

#[test]
fn search_answers_follow_the_stores_reports() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("web.db");
    drop(common::make_store(&db, &common::docs()));
    let options = sw_web::Options {
        rate_limit: 0,
        refresh: std::time::Duration::from_millis(100),
        ..Default::default()
    };
    let s = Server::over(dir, db.clone(), options);
    let (_, r, _) = get_json(&s, "/api/search?q=zanzibar");
    assert_eq!(r["total"], 0, "{r}");
    // the answer is kept: asked again, the same
    assert_eq!(get_json(&s, "/api/search?q=Zanzibar").1["total"], 0);
    // a writer adds an article and its reports: the kept answer is dropped
    drop(common::make_store(
        &db,
        &[common::Doc {
            url: "https://wire-a.example/2025/11/10/zanzibar",
            outlet: "Wire A",
            published: "2025-11-10",
            title: "Strike near Zanzibar",
            lang: sw_model::Lang::En,
            text: "U.S. forces struck a boat near Zanzibar on Monday, killing two people, officials said.",
        }],
    ));
    let t = std::time::Instant::now();
    loop {
        let (_, r, _) = get_json(&s, "/api/search?q=zanzibar");
        if r["total"] == 1 {
            break;
        }
        assert!(
            t.elapsed() < std::time::Duration::from_secs(20),
            "the new article is never found: {r}"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Every answer carries the ledger version, every page a citation line; an incident id
/// merged into another answers 301 to the survivor (API and page); `/api/changes` lists the
/// versions and incident changes after `since`.
#[test]
fn versions_are_cited_and_merged_ids_redirect() {
    use sw_store::{LedgerList, LedgerRow, Publication, Published, Store};
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("web.db");
    let mut store = common::make_store(&db, &common::docs());
    // version 2: the first incident merged into the second
    let mut rows = Vec::new();
    store
        .ledger_rows(LedgerList::Incidents, &Default::default(), &mut |j| {
            rows.push(j.to_string());
            true
        })
        .unwrap();
    assert!(rows.len() >= 2, "{rows:?}");
    let id = |j: &str| {
        serde_json::from_str::<Value>(j).unwrap()["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (gone, into) = (id(&rows[0]), id(&rows[1]));
    let build = store.begin_ledger().unwrap();
    let kept: Vec<LedgerRow> = rows[1..]
        .iter()
        .enumerate()
        .map(|(n, j)| LedgerRow {
            ord: n as i64,
            json: j.clone(),
        })
        .collect();
    store
        .put_ledger_rows(build, LedgerList::Incidents, &kept)
        .unwrap();
    let generation = store.reports_generation().unwrap();
    let p = Publication {
        base: Some(1),
        at: "2026-02-01T00:00:00Z".into(),
        fates: vec![(gone.clone(), "merged".into(), Some(into.clone()))],
        ..Publication::default()
    };
    assert_eq!(
        store.publish_ledger_version(build, generation, &p).unwrap(),
        Published::Version(2)
    );
    drop(store);
    let s = Server::over(
        dir,
        db,
        sw_web::Options {
            rate_limit: 0,
            ..Default::default()
        },
    );
    let plain = Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let r = plain
        .get(s.url(&format!("/api/incidents/{gone}")))
        .send()
        .unwrap();
    assert_eq!(r.status().as_u16(), 301);
    assert_eq!(
        r.headers()["location"],
        format!("/api/incidents/{into}").as_str()
    );
    let r = plain
        .get(s.url(&format!("/incidents/{gone}")))
        .send()
        .unwrap();
    assert_eq!(r.status().as_u16(), 301);
    assert_eq!(
        r.headers()["location"],
        format!("/incidents/{into}").as_str()
    );
    assert_eq!(get_json(&s, "/api/incidents/inc-000000000000").0, 404);

    let (st, changes, h) = get_json(&s, "/api/changes?since=1");
    assert_eq!(st, 200);
    assert_eq!(h["x-ledger-version"], "2");
    assert_eq!(changes["versions"].as_array().unwrap().len(), 1);
    let merged: Vec<&Value> = changes["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["kind"] == "merged")
        .collect();
    assert_eq!(merged.len(), 1, "{changes}");
    assert_eq!(merged[0]["id"], gone.as_str());
    assert_eq!(merged[0]["other"], into.as_str());
    let (_, all, _) = get_json(&s, "/api/changes");
    assert_eq!(all["versions"].as_array().unwrap().len(), 2);

    let page = client()
        .get(s.url(&format!("/incidents/{into}")))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(
        page.contains("Cite as: strikewatch ledger, version 2 (sha256 "),
        "{page}"
    );
    assert!(page.contains(&format!(", incident {into}, accessed ")));
    let home = client().get(s.url("/")).send().unwrap().text().unwrap();
    assert!(home.contains("Cite as: strikewatch ledger, version 2"));
    let (_, spec, _) = get_json(&s, "/api/openapi.json");
    assert!(spec["paths"]["/api/changes"].is_object());
    // the JSON export names its version and lists the redirect
    let (_, export, h) = get_json(&s, "/api/export?format=json");
    assert_eq!(h["x-ledger-version"], "2");
    assert_eq!(export["citation"]["version"], 2);
    assert!(export["citation"]["citation"]
        .as_str()
        .unwrap()
        .starts_with("strikewatch ledger, version 2 (sha256 "));
    assert_eq!(export["redirects"][0]["id"], gone.as_str());
    assert_eq!(export["redirects"][0]["merged_into"], into.as_str());
}

/// `/api/timeline` is a series, a point a month by default, that follows the filters of the
/// list; every reported total is still there with `detail=1`, a page at a time.
#[test]
fn the_timeline_is_a_monthly_series_that_follows_the_filters() {
    let s = Server::start();
    let (st, t, _) = get_json(&s, "/api/timeline");
    assert_eq!(st, 200, "{t}");
    assert_eq!(t["unit"], "month", "{t}");
    let points = t["points"].as_array().expect("points");
    assert!(!points.is_empty(), "{t}");
    // one point a month, in order, each starting on the first
    let froms: Vec<&str> = points.iter().map(|p| p["from"].as_str().unwrap()).collect();
    assert!(froms.iter().all(|f| f.ends_with("-01")), "{froms:?}");
    assert!(froms.windows(2).all(|w| w[0] < w[1]), "{froms:?}");
    // the running sums add up the months and end at the ledger's own sum
    let (_, summary, _) = get_json(&s, "/api/summary");
    let mut sum = 0;
    for p in points {
        sum += p["killed"].as_i64().unwrap();
        assert_eq!(p["killed_total"].as_i64().unwrap(), sum, "{p}");
    }
    assert_eq!(t["undated"], 0, "{t}");
    assert_eq!(
        points.last().unwrap()["killed_total"],
        summary["summary"]["killed_best"]
    );
    // the tally "at least 32 people since September" reported on 20 October
    let october = points
        .iter()
        .find(|p| p["from"] == "2025-10-01")
        .expect("October");
    assert_eq!(october["reported_killed"]["count"], 1, "{october}");
    assert_eq!(october["reported_killed"]["median"], 32, "{october}");
    assert_eq!(october["reported_killed"]["outlet"], "Wire A", "{october}");

    // the filters of the list: Spanish sources only
    let (_, es, h) = get_json(&s, "/api/incidents?lang=es");
    let n_es = h["x-total-count"].to_str().unwrap().parse::<i64>().unwrap();
    assert!(n_es >= 1 && n_es < summary["summary"]["incidents"].as_i64().unwrap());
    let (st, t_es, _) = get_json(&s, "/api/timeline?lang=es");
    assert_eq!(st, 200);
    assert_eq!(t_es["incidents"].as_i64().unwrap(), n_es);
    let killed_es: i64 = es
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["figures"]["killed"]["best"].as_i64())
        .sum();
    let es_points = t_es["points"].as_array().unwrap();
    assert_eq!(
        es_points.last().unwrap()["killed_total"].as_i64().unwrap(),
        killed_es
    );

    // other units
    let (_, days, _) = get_json(&s, "/api/timeline?unit=day");
    assert_eq!(days["unit"], "day");
    assert!(days["points"].as_array().unwrap().len() >= points.len());
    let (st, bad, _) = get_json(&s, "/api/timeline?unit=fortnight");
    assert_eq!(st, 400);
    assert!(bad["error"].as_str().unwrap().contains("month"), "{bad}");
    assert_eq!(get_json(&s, "/api/timeline?type=bogus").0, 400);

    // the detail: every reported total, paged, its count in X-Total-Count
    let (st, d, h) = get_json(&s, "/api/timeline?detail=1&limit=1");
    assert_eq!(st, 200, "{d}");
    let total: usize = h["x-total-count"].to_str().unwrap().parse().unwrap();
    let reported_in_series: u64 = points
        .iter()
        .filter_map(|p| p["reported_killed"]["count"].as_u64())
        .sum();
    assert!(total >= 1 && total as u64 >= reported_in_series, "{total}");
    assert_eq!(d["reported"].as_array().unwrap().len(), 1, "{d}");
    assert!(!d["ledger"].as_array().unwrap().is_empty(), "{d}");
    let (_, past, _) = get_json(&s, &format!("/api/timeline?detail=1&offset={total}"));
    assert!(past["reported"].as_array().unwrap().is_empty());
    assert_eq!(get_json(&s, "/api/timeline?detail=1&limit=0").0, 400);
}

/// Search narrowed by publication date, language and outlet, in the API and on `/search`,
/// links to further pages keeping the filters.
#[test]
fn search_takes_date_language_and_outlet_filters() {
    let s = Server::start();
    let total = |path: &str| -> i64 {
        let (st, v, _) = get_json(&s, path);
        assert_eq!(st, 200, "{path}: {v}");
        let n = v["total"].as_i64().unwrap();
        assert_eq!(v["hits"].as_array().unwrap().len() as i64, n, "{path}: {v}");
        n
    };
    // "people": Wire A on 5 November and 20 October, Daily B on 5 November, the hostile
    // article on 16 September
    assert_eq!(total("/api/search?q=people"), 4);
    assert_eq!(total("/api/search?q=people&from=2025-10-01"), 3);
    assert_eq!(
        total("/api/search?q=people&from=2025-10-01&to=2025-10-31"),
        1
    );
    assert_eq!(total("/api/search?q=people&to=2025-09-30"), 1);
    assert_eq!(total("/api/search?q=people&outlet=Wire%20A"), 2);
    assert_eq!(
        total("/api/search?q=people&outlet=Wire%20A&from=2025-11-01"),
        1
    );
    assert_eq!(total("/api/search?q=people&lang=es"), 0);
    assert_eq!(total("/api/search?q=lancha&lang=es"), 1);
    assert_eq!(total("/api/search?q=lancha&lang=en"), 0);
    // empty fields filter nothing; a bad date is a JSON error naming it
    assert_eq!(total("/api/search?q=people&from=&lang=&outlet="), 4);
    let (st, e, _) = get_json(&s, "/api/search?q=people&from=last-week");
    assert_eq!(st, 400);
    assert!(e["error"].as_str().unwrap().contains("from"), "{e}");
    // paged within the filtered hits
    let (_, v, h) = get_json(&s, "/api/search?q=people&outlet=Wire%20A&limit=1&offset=1");
    assert_eq!(v["hits"].as_array().unwrap().len(), 1);
    assert_eq!(h["x-total-count"], "2");

    // the page: the form keeps the filters, the count says they apply
    let page = client()
        .get(s.url("/search?q=people&outlet=Wire+A&lang=en&from=2025-10-01"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(
        page.contains("2 articles match with these filters"),
        "{page}"
    );
    assert!(page.contains(r#"name="from" value="2025-10-01""#), "{page}");
    assert!(page.contains(r#"<option value="en" selected>"#), "{page}");
    assert!(page.contains(r#"value="Wire A""#), "{page}");
    let page = client()
        .get(s.url("/search?q=people&from=nope"))
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(page.contains("is not a date"), "{page}");
    assert!(page.contains("4 articles match"), "{page}");
}
