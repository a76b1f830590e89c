//! Citable pages and answers, and ids that moved.
//!
//! Why a layer rather than code in each page: every page must carry the ledger version and a
//! citation line (version, hash, incident id where there is one, access date), and every API
//! answer the version, so a reader can cite exactly what they saw; one layer over the routes
//! does it for pages written now and later. Why redirects here: an incident id merged into
//! another is stored as a redirect (`sw_ledger::identity`), and a link to it must lead on
//! (301) rather than answer 404.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use maud::html;
use sw_store::Store;

use crate::App;

/// Bodies larger than this are passed on without a citation (no page comes near it).
const MAX_PAGE: usize = 32 << 20;

/// Where incident `id` leads now when it is no current incident: the incident its redirects
/// lead to, if any.
pub(crate) async fn moved(app: &Arc<App>, id: &str) -> Option<String> {
    let snap = app.snapshot();
    if snap.incident(id).is_some() {
        return None;
    }
    let start = id.to_string();
    let hops: Vec<(String, String)> = app
        .with_store(move |s| {
            let mut out = Vec::new();
            let mut at = start;
            for _ in 0..64 {
                match s.incident_redirect(&at)? {
                    Some(next) => {
                        out.push((at, next.clone()));
                        at = next;
                    }
                    None => break,
                }
            }
            Ok(out)
        })
        .await
        .ok()?;
    let hops: HashMap<String, String> = hops.into_iter().collect();
    sw_ledger::identity::follow(id, &|i| snap.incident(i).is_some(), &|i| {
        hops.get(i).cloned()
    })
}

/// A `301 Moved Permanently` to `to`.
pub(crate) fn redirect(to: &str) -> Response {
    (
        StatusCode::MOVED_PERMANENTLY,
        [(header::LOCATION, to.to_string())],
    )
        .into_response()
}

/// The citation line: ledger version, hash, incident id (when the page is one incident's),
/// and the access date.
fn citation(version: Option<&sw_store::LedgerVersion>, id: Option<&str>, today: &str) -> String {
    html! {
        p.cite {
            @match version {
                Some(v) => {
                    "Cite as: strikewatch ledger, version " (v.version) " (sha256 " (v.hash) ", published " (v.published_at) ")"
                    @if let Some(id) = id { ", incident " (id) }
                    ", accessed " (today) "."
                }
                None => { "This ledger has no published version yet (it is being rebuilt); accessed " (today) "." }
            }
        }
    }
    .into_string()
}

/// The layer: a citation line in every HTML page's footer; `X-Ledger-Version` and
/// `X-Ledger-Hash` on every answer.
pub(crate) async fn layer(State(app): State<Arc<App>>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_string();
    let mut res = next.run(req).await;
    let snap = app.snapshot();
    if let Some(v) = &snap.version {
        let h = res.headers_mut();
        h.insert("x-ledger-version", HeaderValue::from(v.version));
        if let Ok(hash) = HeaderValue::from_str(&v.hash) {
            h.insert("x-ledger-hash", hash);
        }
    }
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !html {
        return res;
    }
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_PAGE).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "page too large").into_response();
    };
    let Ok(page) = String::from_utf8(bytes.to_vec()) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    // the id only when the page is a current incident's (never text from the request as is)
    let id = path
        .strip_prefix("/incidents/")
        .filter(|i| snap.incident(i).is_some());
    // the access date: the server's clock (the front end owns the clock)
    let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
    let line = citation(snap.version.as_ref(), id, &today);
    let page = match page.rfind("</footer>") {
        Some(at) => format!("{}{line}{}", &page[..at], &page[at..]),
        None => page,
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(page))
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_citation_names_version_hash_incident_and_access_date_escaped() {
        let v = sw_store::LedgerVersion {
            version: 7,
            hash: "ab12".into(),
            published_at: "2026-12-01T00:00:00Z".into(),
            generation: 3,
            incidents: 2,
            changes: 1,
        };
        let line = super::citation(Some(&v), Some("inc-<x>"), "2026-12-05");
        assert!(line.contains("version 7 (sha256 ab12, published 2026-12-01T00:00:00Z), incident inc-&lt;x&gt;, accessed 2026-12-05."), "{line}");
        assert!(super::citation(None, None, "2026-12-05").contains("no published version"));
    }
}
