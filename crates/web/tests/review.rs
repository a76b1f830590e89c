//! Review in the browser (`serve --review`): off by default (every write 405), and with it a
//! round trip through the form guarded by the access token and a CSRF token; then the same
//! round trip in Chromium.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;

const TOKEN: &str = "test-token-0123456789";

fn client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn review_server() -> common::Server {
    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = dir.path().join("web.db");
    drop(common::make_store(&db, &common::docs()));
    let path = db.clone();
    let options = sw_web::Options {
        rate_limit: 0,
        review: Some(sw_web::ReviewAccess {
            token: TOKEN.into(),
            writer: Arc::new(move || Ok(sw_store::open(path.to_str().unwrap())?)),
        }),
        ..Default::default()
    };
    common::Server::over(dir, db, options)
}

fn first_incident(s: &common::Server) -> serde_json::Value {
    let list: serde_json::Value = client()
        .get(s.url("/api/incidents"))
        .send()
        .unwrap()
        .text()
        .map(|t| serde_json::from_str(&t).unwrap())
        .unwrap();
    list.as_array().unwrap()[0].clone()
}

/// Without review the server takes no write and has no review route.
#[test]
fn without_review_the_server_stays_read_only() {
    let s = common::Server::start();
    let c = client();
    let r = c
        .post(s.url("/review/incidents/inc-0"))
        .form(&[("kind", "confirm")])
        .send()
        .unwrap();
    assert_eq!(r.status(), 405);
    let r = c
        .get(s.url(&format!("/review/login?token={TOKEN}")))
        .send()
        .unwrap();
    assert_eq!(r.status(), 404);
}

/// The token opens the form; a post without the cookie, with a wrong CSRF token or from
/// another origin is refused; a good one records the decision, which the API then shows.
#[test]
fn a_review_round_trip_over_http() {
    let s = review_server();
    let c = client();
    let inc = first_incident(&s);
    let id = inc["id"].as_str().unwrap();
    let form = format!("/review/incidents/{id}");
    assert_eq!(c.get(s.url(&form)).send().unwrap().status(), 403);
    let r = c
        .get(s.url("/review/login?token=wrong-token-wrong"))
        .send()
        .unwrap();
    assert_eq!(r.status(), 403);
    let r = c
        .get(s.url(&format!("/review/login?token={TOKEN}")))
        .send()
        .unwrap();
    assert_eq!(r.status(), 303);
    let cookie = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let cookie = cookie.split(';').next().unwrap().to_string();
    let page = c
        .get(s.url(&form))
        .header("cookie", &cookie)
        .send()
        .unwrap()
        .text()
        .unwrap();
    let csrf = page
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .expect("the form carries a CSRF token")
        .to_string();
    let fields = |csrf: &str| {
        vec![
            ("csrf", csrf.to_string()),
            ("kind", "set_killed".into()),
            ("value", "42".into()),
            ("source", "Coast Guard statement".into()),
            ("author", "ana".into()),
            ("reason", "official toll".into()),
        ]
    };
    let post = |cookie: Option<&str>, csrf: &str, origin: Option<&str>| {
        let mut r = c.post(s.url(&form)).form(&fields(csrf));
        if let Some(k) = cookie {
            r = r.header("cookie", k);
        }
        if let Some(o) = origin {
            r = r.header("origin", o);
        }
        r.send().unwrap().status()
    };
    assert_eq!(post(None, &csrf, None), 403, "no cookie");
    assert_eq!(post(Some(&cookie), "0000", None), 403, "wrong CSRF token");
    assert_eq!(post(Some(&cookie), &csrf, Some("http://evil.example")), 403);
    let own = s.url("");
    let own = own.trim_end_matches('/');
    assert_eq!(post(Some(&cookie), &csrf, Some(own)), 303);
    let after: serde_json::Value = c
        .get(s.url(&format!("/api/incidents/{id}")))
        .send()
        .unwrap()
        .text()
        .map(|t| serde_json::from_str(&t).unwrap())
        .unwrap();
    assert_eq!(after["figures"]["killed"]["best"], 42, "{after}");
    let rf = &after["review"]["figures"][0];
    assert_eq!(rf["source"], "Coast Guard statement");
    assert_eq!(rf["machine"], inc["figures"]["killed"]["best"]);
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The same round trip in Chromium: sign in with the token, fill the form, submit, see the
/// reviewed value beside the machine's.
#[test]
fn a_review_round_trip_in_chromium() {
    let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .into_iter()
        .map(PathBuf::from)
        .chain(std::env::var_os("CHROMIUM").map(PathBuf::from))
        .find(|p| p.exists())
        .expect("the browser tests need Chromium: run `cargo xtask test`, which installs it");
    let web = repo_root().join("web");
    assert!(
        web.join("node_modules/playwright-core").exists(),
        "the browser tests need playwright-core: run `cargo xtask test`, or `npm ci` in {}",
        web.display()
    );
    let s = review_server();
    let inc = first_incident(&s);
    let run = Command::new("node")
        .arg(web.join("tests/review.mjs"))
        .arg(s.url(""))
        .arg(TOKEN)
        .arg(inc["id"].as_str().unwrap())
        .env("CHROMIUM", &chromium)
        .current_dir(&web)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        run.status.success(),
        "browser review failed:\n{stdout}\n{stderr}"
    );
    assert!(stdout.contains("ok: reviewed value shown"), "{stdout}");
}

/// What reviewers decided shows to every reader of a read-only server: a reviewed figure on
/// its incident's page beside the machine's value with the reason; a rejected incident out
/// of the ledger's list and on `/rejected` and `/api/rejected` with who rejected it and why.
#[test]
fn decisions_show_on_incident_pages_and_rejected_incidents_are_listed() {
    use sw_ledger::review::{Action, RejectReason};
    use sw_ledger::Decision;
    let dir = tempfile::tempdir().unwrap();
    let db: PathBuf = dir.path().join("web.db");
    let mut store = common::make_store(&db, &common::docs());
    let at = "2026-02-01T10:00:00Z";
    let ledger = sw_app::ledger::ledger(&mut store, at).unwrap();
    assert!(
        ledger.incidents.len() >= 2,
        "the test corpus has two incidents or more"
    );
    let (kept, dropped) = (&ledger.incidents[0], &ledger.incidents[1]);
    let machine = kept
        .figures
        .get(sw_model::Field::Killed)
        .and_then(|f| f.best);
    let decisions = vec![
        Decision::new(
            "ana",
            at,
            "the coast guard's toll",
            Action::SetFigure {
                target: sw_app::review::target(&store, &ledger, &kept.id).unwrap(),
                field: sw_model::Field::Killed,
                value: 42,
                source: "Coast Guard statement of 3 Feb".into(),
            },
        ),
        Decision::new(
            "ben",
            at,
            "a retelling of an older strike",
            Action::Reject {
                target: sw_app::review::target(&store, &ledger, &dropped.id).unwrap(),
                why: RejectReason::NotAnEvent,
                duplicate_of: None,
            },
        ),
    ];
    sw_app::review::record(&mut store, &decisions).unwrap();
    sw_app::ledger::update(&mut store, "2026-02-01T10:01:00Z").unwrap();
    drop(store);
    let (kept_id, dropped_id) = (kept.id.clone(), dropped.id.clone());
    let s = common::Server::over(
        dir,
        db,
        sw_web::Options {
            rate_limit: 0,
            ..Default::default()
        },
    );
    let c = client();
    let text = |path: &str| c.get(s.url(path)).send().unwrap().text().unwrap();

    let page = text(&format!("/incidents/{kept_id}"));
    let panel = page
        .split("<section class=\"panel reviewed\"")
        .nth(1)
        .expect("a reviewed incident's page has a review panel");
    assert!(panel.contains(">42<"), "{panel}");
    assert!(
        panel.contains(&format!(
            ">{}<",
            machine.map_or("—".into(), |m| m.to_string())
        )),
        "the machine's value beside it: {panel}"
    );
    assert!(panel.contains("Coast Guard statement of 3 Feb"), "{panel}");
    assert!(
        panel.contains("the coast guard&#39;s toll") || panel.contains("the coast guard's toll"),
        "{panel}"
    );

    // its history: first seen in version 1, revised by the decision in version 2
    let history = page
        .split("<section class=\"panel\" id=\"history\">")
        .nth(1)
        .expect("an incident's page has its history");
    let history = history.split("</section>").next().unwrap();
    assert!(history.contains("version 1"), "{history}");
    assert!(history.contains("first seen"), "{history}");
    assert!(
        history.contains("version 2") && history.contains("revised"),
        "{history}"
    );

    let list: serde_json::Value = serde_json::from_str(&text("/api/incidents?limit=1000")).unwrap();
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .all(|i| i["id"] != dropped_id.as_str()),
        "a rejected incident leaves the ledger"
    );
    let r = c.get(s.url("/api/rejected")).send().unwrap();
    assert_eq!(r.headers()["x-total-count"], "1");
    let rejected: serde_json::Value = serde_json::from_str(&r.text().unwrap()).unwrap();
    assert_eq!(rejected[0]["id"], dropped_id.as_str());
    assert_eq!(rejected[0]["review"]["status_by"]["author"], "ben");
    let page = text("/rejected");
    assert!(page.contains(&dropped_id), "{page}");
    assert!(
        page.contains("not an event") && page.contains("a retelling of an older strike"),
        "{page}"
    );
}
