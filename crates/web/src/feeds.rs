//! Feed health: `/feeds` (a page) and `/api/feeds` (the same as `feeds --json`) list every
//! feed `watch` polls with its state as the store holds it: health, items seen, last success,
//! last error with its time, failures in a row, next poll. Read live from the store on each
//! request (a few rows per feed, no snapshot), so under `serve --watch` the page follows the
//! watcher as it polls.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use maud::html;
use serde::Serialize;
use sw_store::{FeedState, Store};

use crate::pages::layout;
use crate::App;

pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/feeds", get(page))
        .route("/api/feeds", get(api))
}

/// One feed as `/api/feeds` gives it: its health word beside every field of its state.
#[derive(Serialize)]
struct Row {
    health: &'static str,
    #[serde(flatten)]
    feed: FeedState,
}

async fn feeds(app: &Arc<App>) -> Result<Vec<FeedState>, String> {
    // a claim is shown while it holds, as `strikewatch feeds` shows it
    let now = chrono::Utc::now().timestamp_millis();
    app.with_store(move |s| {
        Ok(s.feeds()?
            .into_iter()
            .map(|f| f.without_lapsed_claim(now))
            .collect())
    })
    .await
    .map_err(|e| format!("the feeds cannot be read: {e:#}"))
}

async fn api(State(app): State<Arc<App>>) -> Response {
    match feeds(&app).await {
        Ok(list) => Json(
            list.into_iter()
                .map(|feed| Row {
                    health: feed.health(),
                    feed,
                })
                .collect::<Vec<_>>(),
        )
        .into_response(),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            Json(serde_json::json!({ "error": e })),
        )
            .into_response(),
    }
}

/// A time of the feed state (milliseconds since the epoch) as people read it, in UTC.
fn when(ms: Option<i64>) -> String {
    ms.and_then(chrono::DateTime::from_timestamp_millis)
        .map(|d| d.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|| "—".into())
}

async fn page(State(app): State<Arc<App>>) -> Response {
    let list = match feeds(&app).await {
        Ok(l) => l,
        Err(e) => {
            let body = html! { h1 { "Feeds" } p { (e) } };
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                layout("Feeds", "feeds", body),
            )
                .into_response();
        }
    };
    let count = |h: &str| list.iter().filter(|f| f.health() == h).count();
    let body = html! {
        h1 { "Feeds" }
        p.lede {
            "The feeds this ledger is kept current from: " code { "strikewatch watch" } " (or "
            code { "serve --watch" } ") polls each of them, fetches the pages of new items and updates the ledger. "
            "A feed that fails is retried with growing pauses and stays listed here with its last error; from "
            (sw_store::FEED_FAILING_AFTER) " failures in a row it is marked failing."
        }
        @if list.is_empty() {
            p { "No feed is watched. Add one with " code { "strikewatch feeds add URL" } ", or name feeds to " code { "strikewatch serve --watch URL..." } "." }
        } @else {
            p.count {
                (list.len()) " feeds: " (count("ok")) " ok, " (count("erroring")) " erroring, "
                (count("failing")) " failing, " (count("new")) " not polled yet"
            }
            div.scroll role="region" tabindex="0" aria-label="Table (scrolls sideways on a narrow screen)" { table.data {
                thead { tr { th { "health" } th { "feed" } th.n { "items" } th { "last success" } th { "next poll" } th.n { "failures" } th { "last error" } th { "polled by" } } }
                tbody {
                    @for f in &list {
                        tr {
                            td { span class={"health h-" (f.health())} { (f.health()) } }
                            td.quote-cell { (f.url) }
                            td.n { (f.items_seen) }
                            td.nowrap { (when(f.last_success_ms)) }
                            td.nowrap { (when(f.next_poll_ms)) }
                            td.n { (f.failures) }
                            td {
                                @if let Some(e) = &f.last_error {
                                    span.muted { (when(f.last_error_ms)) } br; (e)
                                } @else { "—" }
                            }
                            td {
                                @if let Some(w) = &f.claimed_by {
                                    (w) br; span.muted { "claim until " (when(f.lease_until_ms)) }
                                } @else { "—" }
                            }
                        }
                    }
                }
            } }
            p.note { "The same as JSON: " a href="/api/feeds" { "/api/feeds" } "; for a feed reader: " code { "strikewatch feeds --opml" } "." }
        }
    };
    layout("Feeds", "feeds", body).into_response()
}
