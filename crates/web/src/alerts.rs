//! Alerts: the changes of the ledger `watch` saw (new incident, revised figure, new reported
//! total, merged, withdrawn) as an Atom feed (`/alerts.atom`) and a JSON Feed 1.1
//! (`/alerts.json`), newest first, at stable URLs a feed reader subscribes to;
//! `?country=VE` keeps one country's (ISO 3166 alpha-2). Entry ids are the changes'
//! idempotency keys, so a reader never shows one change twice.

use std::sync::Arc;

use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use quick_xml::Writer;
use serde::Deserialize;
use serde_json::{json, Value};
use sw_store::{LedgerChange, Store};

use crate::App;

/// Changes in one alert feed.
const ALERTS: usize = 100;

pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/alerts.atom", get(atom))
        .route("/alerts.json", get(json_feed))
}

#[derive(Deserialize, Default)]
struct AlertQuery {
    country: Option<String>,
}

/// The country asked for, upper-cased, or why it is not one.
fn country(q: &AlertQuery) -> Result<Option<String>, String> {
    match q.country.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(c) if c.len() == 2 && c.bytes().all(|b| b.is_ascii_alphabetic()) => {
            Ok(Some(c.to_ascii_uppercase()))
        }
        Some(c) => Err(format!(
            "{c:?} is not a country code (expected ISO 3166 alpha-2, such as VE)"
        )),
    }
}

async fn changes(
    app: &Arc<App>,
    q: &AlertQuery,
) -> Result<(Option<String>, Vec<LedgerChange>), Response> {
    let c = country(q)
        .map_err(|e| (StatusCode::BAD_REQUEST, Json(json!({ "error": e }))).into_response())?;
    let want = c.clone();
    app.with_store(move |s| Ok(s.changes(want.as_deref(), ALERTS)?))
        .await
        .map(|list| (c, list))
        .map_err(|e| {
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                Json(json!({ "error": format!("{e:#}") })),
            )
                .into_response()
        })
}

fn rfc3339(ms: i64) -> String {
    chrono::DateTime::from_timestamp_millis(ms)
        .unwrap_or_default()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn title(country: &Option<String>) -> String {
    match country {
        Some(c) => format!("strikewatch: ledger changes ({c})"),
        None => "strikewatch: ledger changes".into(),
    }
}

/// An Atom 1.0 document of `list`.
pub fn atom_of(country: &Option<String>, list: &[LedgerChange]) -> String {
    let mut w = Writer::new(Vec::new());
    let written = (|| -> std::io::Result<()> {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
        let mut feed = BytesStart::new("feed");
        feed.push_attribute(("xmlns", "http://www.w3.org/2005/Atom"));
        w.write_event(Event::Start(feed))?;
        let id = match country {
            Some(c) => format!("urn:strikewatch:alerts:{c}"),
            None => "urn:strikewatch:alerts".into(),
        };
        w.create_element("id")
            .write_text_content(BytesText::new(&id))?;
        w.create_element("title")
            .write_text_content(BytesText::new(&title(country)))?;
        let updated = list.first().map_or(0, |c| c.detected_ms);
        w.create_element("updated")
            .write_text_content(BytesText::new(&rfc3339(updated)))?;
        for c in list {
            let v: Value = serde_json::from_str(&c.json).unwrap_or(Value::Null);
            let summary = v["summary"].as_str().unwrap_or("a change of the ledger");
            w.write_event(Event::Start(BytesStart::new("entry")))?;
            w.create_element("id")
                .write_text_content(BytesText::new(&format!("urn:strikewatch:change:{}", c.key)))?;
            w.create_element("title")
                .write_text_content(BytesText::new(summary))?;
            w.create_element("updated")
                .write_text_content(BytesText::new(&rfc3339(c.detected_ms)))?;
            if let Some(kind) = v["kind"].as_str() {
                w.create_element("category")
                    .with_attribute(("term", kind))
                    .write_empty()?;
            }
            if let Some(url) = v["url"].as_str() {
                w.create_element("link")
                    .with_attribute(("href", url))
                    .write_empty()?;
            }
            w.create_element("content")
                .with_attribute(("type", "text"))
                .write_text_content(BytesText::new(&c.json))?;
            w.write_event(Event::End(BytesEnd::new("entry")))?;
        }
        w.write_event(Event::End(BytesEnd::new("feed")))?;
        Ok(())
    })();
    written.expect("writing to memory does not fail");
    String::from_utf8(w.into_inner()).expect("written from strings")
}

/// A JSON Feed 1.1 document of `list`; each item carries the change record as
/// `_strikewatch`.
pub fn json_feed_of(country: &Option<String>, list: &[LedgerChange]) -> Value {
    let items: Vec<Value> = list
        .iter()
        .map(|c| {
            let v: Value = serde_json::from_str(&c.json).unwrap_or(Value::Null);
            let mut item = json!({
                "id": c.key,
                "title": v["summary"],
                "content_text": v["summary"],
                "date_published": rfc3339(c.detected_ms),
                "_strikewatch": v,
            });
            if let Some(url) = v["url"].as_str() {
                item["url"] = json!(url);
            }
            item
        })
        .collect();
    json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": title(country),
        "items": items,
    })
}

async fn atom(State(app): State<Arc<App>>, Query(q): Query<AlertQuery>) -> Response {
    match changes(&app, &q).await {
        Ok((c, list)) => (
            [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
            atom_of(&c, &list),
        )
            .into_response(),
        Err(r) => r,
    }
}

async fn json_feed(State(app): State<Arc<App>>, Query(q): Query<AlertQuery>) -> Response {
    match changes(&app, &q).await {
        Ok((c, list)) => (
            [(header::CONTENT_TYPE, "application/feed+json")],
            json_feed_of(&c, &list).to_string(),
        )
            .into_response(),
        Err(r) => r,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(key: &str, summary: &str) -> LedgerChange {
        LedgerChange {
            seq: 1,
            key: key.into(),
            detected_ms: 1_764_900_000_000,
            country: Some("VE".into()),
            json: json!({"key": key, "kind": "new_incident", "summary": summary,
                         "url": "https://wire.example/a?x=1&y=2"})
            .to_string(),
        }
    }

    #[test]
    fn alert_feeds_are_valid_and_escaped() {
        let list = vec![change("abc", "new incident: strike in <Caribbean> & more")];
        let atom = atom_of(&Some("VE".into()), &list);
        // feed-rs, the parser ingest reads feeds with, reads it back
        let parsed = feed_rs::parser::parse(atom.as_bytes()).unwrap();
        assert_eq!(parsed.entries.len(), 1);
        assert_eq!(parsed.entries[0].id, "urn:strikewatch:change:abc");
        assert_eq!(
            parsed.entries[0].title.as_ref().unwrap().content,
            "new incident: strike in <Caribbean> & more"
        );
        assert_eq!(
            parsed.entries[0].links[0].href,
            "https://wire.example/a?x=1&y=2"
        );
        let jf = json_feed_of(&None, &list).to_string();
        let parsed = feed_rs::parser::parse(jf.as_bytes()).unwrap();
        assert_eq!(parsed.entries[0].id, "abc");
        assert!(
            country(&AlertQuery {
                country: Some("ve".into())
            })
            .unwrap()
                == Some("VE".into())
        );
        assert!(country(&AlertQuery {
            country: Some("V1'".into())
        })
        .is_err());
    }
}
