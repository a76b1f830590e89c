//! What reviewers took out of the ledger: `/rejected` (a page) and `/api/rejected` (JSON, as
//! `incidents --rejected --json`) list the incidents a reviewer rejected (not an event, a
//! duplicate, out of scope), each with the decision's author, time and reason. They are out of
//! every total and table of the ledger but never hidden: a reader can see what was removed and
//! why. Read live from the store's rejected list on each request (a short list: only what
//! people rejected), so a decision shows at once.

use std::sync::Arc;

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use maud::html;
use sw_ledger::Incident;
use sw_store::{LedgerFilter, LedgerList};

use crate::pages::{date_label, layout, place_label, type_label};
use crate::App;

pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/rejected", get(page))
        .route("/api/rejected", get(api))
}

async fn rejected(app: &Arc<App>) -> Result<Vec<Incident>, String> {
    app.with_store(|s| {
        sw_app::ledger::rows::<_, Incident>(s, LedgerList::Rejected, &LedgerFilter::default())
    })
    .await
    .map_err(|e| format!("the rejected incidents cannot be read: {e:#}"))
}

async fn api(State(app): State<Arc<App>>) -> Response {
    match rejected(&app).await {
        Ok(list) => {
            let total = list.len();
            let mut res = Json(list).into_response();
            res.headers_mut()
                .insert("x-total-count", axum::http::HeaderValue::from(total));
            res
        }
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            Json(serde_json::json!({ "error": e })),
        )
            .into_response(),
    }
}

async fn page(State(app): State<Arc<App>>) -> Response {
    let list = match rejected(&app).await {
        Ok(l) => l,
        Err(e) => {
            let body = html! { h1 { "Rejected incidents" } p { (e) } };
            return (
                StatusCode::INTERNAL_SERVER_ERROR,
                layout("Rejected incidents", "", body),
            )
                .into_response();
        }
    };
    let body = html! {
        p.crumbs { a href="/" { "Ledger" } " › rejected by reviewers" }
        h1 { "Rejected incidents" }
        p.lede {
            "Incidents the machine found that a reviewer rejected: not an event (a reference to an earlier strike, a plan, a threat), "
            "a duplicate of another incident, or out of scope. They are left out of every total and table, and listed here with who decided and why. "
            "A decision is never overwritten: a later one can restore an incident. "
            a href="/methodology#review" { "How review works" } "."
        }
        @if list.is_empty() {
            p { "No incident has been rejected." }
        } @else {
            p.count { (list.len()) (if list.len() == 1 { " incident rejected" } else { " incidents rejected" }) }
            div.scroll role="region" tabindex="0" aria-label="Table (scrolls sideways on a narrow screen)" { table.data {
                thead { tr { th { "incident" } th { "date" } th { "type" } th { "place" } th.n { "killed (machine)" } th { "rejected as" } th { "by, when, why" } } }
                tbody {
                    @for inc in &list {
                        @let r = inc.review.as_ref();
                        tr {
                            td { code { (inc.id) } }
                            td.nowrap { (date_label(inc)) }
                            td { (type_label(inc)) }
                            td { (place_label(inc)) }
                            td.n { (inc.figures.get(sw_model::Field::Killed).and_then(|f| f.best).map_or("—".into(), |v| v.to_string())) }
                            td {
                                (r.and_then(|r| r.rejected_as).map_or("—", |w| w.as_str()).replace('_', " "))
                                @if let Some(d) = r.and_then(|r| r.duplicate_of.as_deref()) {
                                    " of " a href={"/incidents/" (d)} { code { (d) } }
                                }
                            }
                            td {
                                @if let Some(s) = r.and_then(|r| r.status_by.as_ref()) {
                                    (s.author) ", " span.muted { (s.at) } br; (s.reason)
                                } @else { "—" }
                            }
                        }
                    }
                }
            } }
            p.note { "The same as JSON: " a href="/api/rejected" { "/api/rejected" } "." }
        }
    };
    layout("Rejected incidents", "", body).into_response()
}
