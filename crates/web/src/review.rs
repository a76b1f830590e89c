//! Review in the browser, opt-in (`serve --review`): a form per incident that records
//! confirm, reject, set killed and note decisions in the store's append-only log.
//!
//! Why these guards: the rest of the server is read-only and open to anyone who can reach
//! it; writing a decision is not. So (1) the routes exist only when the server was started
//! with review access ([`ReviewAccess`]); (2) a reviewer first opens
//! `/review/login?token=TOKEN` with the token printed at start (or given by environment),
//! which sets an HttpOnly, SameSite=Strict cookie; every review page and post checks it in
//! constant time; (3) each form carries a CSRF token derived from the access token, which a
//! post must echo, and a post whose Origin is another site is refused; (4) the CLI binds
//! review to loopback unless told otherwise. The decision itself is made by the same code as
//! the CLI's (`sw_app::review`), through a writer connection opened for it alone.

use std::sync::Arc;

use axum::extract::{Form, Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::Router;
use maud::html;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use sw_ledger::review::{Action, RejectReason};
use sw_ledger::Decision;

use crate::{App, Opener};

const COOKIE: &str = "sw_review";

/// What review in the browser needs: the access token, and how to open the store for
/// writing (the server's other connections are read-only).
#[derive(Clone)]
pub struct ReviewAccess {
    pub token: String,
    pub writer: Opener,
}

impl std::fmt::Debug for ReviewAccess {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ReviewAccess { token: <hidden>, .. }")
    }
}

pub(crate) fn routes(access: ReviewAccess) -> Router<Arc<App>> {
    let access = Arc::new(access);
    Router::new()
        .route("/review/login", get(login))
        .route("/review/incidents/{id}", get(form).post(decide))
        .layer(axum::Extension(access))
}

fn same(a: &str, b: &str) -> bool {
    // constant time over the longer of the two
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut diff = a.len() ^ b.len();
    for i in 0..a.len().max(b.len()) {
        diff |= (*a.get(i).unwrap_or(&0) ^ *b.get(i).unwrap_or(&0)) as usize;
    }
    diff == 0 && !a.is_empty()
}

fn csrf(token: &str) -> String {
    let h = Sha256::digest(format!("strikewatch-review-csrf:{token}").as_bytes());
    h.iter().map(|b| format!("{b:02x}")).collect()
}

fn signed_in(headers: &HeaderMap, access: &ReviewAccess) -> bool {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| {
            c.trim()
                .strip_prefix(&format!("{COOKIE}="))
                .map(str::to_string)
        })
        .any(|t| same(&t, &access.token))
}

fn refused(why: &str) -> Response {
    (StatusCode::FORBIDDEN, format!("{why}\n")).into_response()
}

#[derive(Deserialize)]
struct Login {
    token: Option<String>,
}

async fn login(
    axum::Extension(access): axum::Extension<Arc<ReviewAccess>>,
    Query(q): Query<Login>,
) -> Response {
    if !q.token.as_deref().is_some_and(|t| same(t, &access.token)) {
        return refused("review: wrong or missing token (the one `serve --review` printed)");
    }
    let mut r = Redirect::to("/").into_response();
    r.headers_mut().insert(
        header::SET_COOKIE,
        format!(
            "{COOKIE}={}; Path=/review; HttpOnly; SameSite=Strict",
            access.token
        )
        .parse()
        .expect("a valid cookie"),
    );
    r
}

async fn form(
    State(app): State<Arc<App>>,
    axum::Extension(access): axum::Extension<Arc<ReviewAccess>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if !signed_in(&headers, &access) {
        return refused("review: open /review/login?token=... first");
    }
    let snap = app.snapshot();
    let Some(inc) = snap.incident(&id) else {
        return (StatusCode::NOT_FOUND, "no incident has this id\n").into_response();
    };
    let killed = inc.figures.killed.as_ref().and_then(|k| k.best);
    let review = inc.review.clone().unwrap_or_default();
    let body = html! {
        h1 { "Review " (inc.id) }
        p { "Date: " (inc.date.as_deref().unwrap_or("unknown")) ". Killed (best): "
            span id="killed" { (killed.map(|k| k.to_string()).unwrap_or_else(|| "-".into())) } }
        @if let Some(s) = &review.status {
            p id="status" { "Status: " (s) }
        }
        @for f in &review.figures {
            p class="reviewed" { "Reviewed " (f.field.as_str()) ": " (f.reviewed.value)
                " (machine: " (f.reviewed.machine.map(|m| m.to_string()).unwrap_or_else(|| "-".into()))
                "), by " (f.reviewed.author) ": " (f.reviewed.reason) }
        }
        @for n in &review.notes {
            p class="note" { "Note by " (n.author) ": " (n.reason) }
        }
        form method="post" action={ "/review/incidents/" (inc.id) } {
            input type="hidden" name="csrf" value=(csrf(&access.token));
            label { "Decision " select name="kind" {
                option value="confirm" { "confirm" }
                option value="reject_not_an_event" { "reject: not an event" }
                option value="reject_out_of_scope" { "reject: out of scope" }
                option value="set_killed" { "set killed" }
                option value="note" { "note" }
            } }
            label { "Killed " input type="number" name="value" min="0"; }
            label { "Source of the value " input type="text" name="source"; }
            label { "Author " input type="text" name="author" required; }
            label { "Reason " input type="text" name="reason" required; }
            button type="submit" { "Record" }
        }
    };
    crate::pages::layout(&format!("Review {}", inc.id), "ledger", body).into_response()
}

#[derive(Deserialize)]
struct Posted {
    csrf: String,
    kind: String,
    author: String,
    reason: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    source: String,
}

async fn decide(
    State(app): State<Arc<App>>,
    axum::Extension(access): axum::Extension<Arc<ReviewAccess>>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(p): Form<Posted>,
) -> Response {
    if !signed_in(&headers, &access) {
        return refused("review: open /review/login?token=... first");
    }
    if !same(&p.csrf, &csrf(&access.token)) {
        return refused("review: the form's CSRF token is wrong; reload the form");
    }
    let host = headers.get(header::HOST).and_then(|h| h.to_str().ok());
    // the pages' `Referrer-Policy: no-referrer` makes a browser send `Origin: null` with
    // its own forms; an Origin naming another site is refused (the SameSite=Strict cookie
    // and the CSRF token stop the rest)
    if let Some(origin) = headers
        .get(header::ORIGIN)
        .and_then(|h| h.to_str().ok())
        .filter(|o| *o != "null")
    {
        let ours = host
            .is_some_and(|h| origin == format!("http://{h}") || origin == format!("https://{h}"));
        if !ours {
            return refused("review: a post from another site is refused");
        }
    }
    let (author, reason) = (p.author.trim().to_string(), p.reason.trim().to_string());
    if author.is_empty() || reason.is_empty() {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            "author and reason are required\n",
        )
            .into_response();
    }
    let writer = access.writer.clone();
    let at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let target_id = id.clone();
    let done = tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
        let mut store = writer()?;
        let ledger = sw_app::ledger::ledger(&mut store, &at)?;
        let target = sw_app::review::target(&store, &ledger, &target_id)?;
        let action = match p.kind.as_str() {
            "confirm" => Action::Confirm { target },
            "reject_not_an_event" | "reject_out_of_scope" => Action::Reject {
                target,
                why: if p.kind == "reject_out_of_scope" {
                    RejectReason::OutOfScope
                } else {
                    RejectReason::NotAnEvent
                },
                duplicate_of: None,
            },
            "set_killed" => {
                let value: i64 = p
                    .value
                    .trim()
                    .parse()
                    .ok()
                    .filter(|v| *v >= 0)
                    .ok_or_else(|| anyhow::anyhow!("killed {:?} is not a count", p.value))?;
                if p.source.trim().is_empty() {
                    anyhow::bail!("setting killed needs the source it rests on");
                }
                Action::SetFigure {
                    target,
                    field: sw_model::Field::Killed,
                    value,
                    source: p.source.trim().to_string(),
                }
            }
            "note" => Action::Note { target },
            k => anyhow::bail!("unknown decision {k:?}"),
        };
        let d = Decision::new(&author, &at, &reason, action);
        sw_app::review::record(&mut store, &[d])?;
        sw_app::publish(&mut store, &at, false)?;
        Ok(())
    })
    .await;
    match done {
        Ok(Ok(())) => {
            if let Err(e) = app.refresh().await {
                tracing::warn!("cannot reload the ledger: {e:#}");
            }
            Redirect::to(&format!("/review/incidents/{id}")).into_response()
        }
        Ok(Err(e)) => (StatusCode::UNPROCESSABLE_ENTITY, format!("{e:#}\n")).into_response(),
        Err(_) => (StatusCode::INTERNAL_SERVER_ERROR, "the decision failed\n").into_response(),
    }
}
