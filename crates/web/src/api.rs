//! The JSON API. Bodies mirror the CLI's `--json` contracts (`incidents --json` is an array
//! of incidents, `show --json` an article with `text` and `reports`...); long lists are
//! paginated with `limit`/`offset`, the total in the `X-Total-Count` header.

use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sw_store::Store;

use crate::listed::{self, Listed};
use crate::snapshot::{Cached, Filter};
use crate::{App, SearchError};

pub const DEFAULT_LIMIT: usize = 100;
pub const MAX_LIMIT: usize = 1000;

pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/api/incidents", get(incidents))
        .route("/api/incidents/{id}", get(incident))
        .route("/api/incidents/{id}/sources", get(incident_sources))
        .route("/api/tallies", get(tallies))
        .route("/api/tally-check", get(tally_check))
        .route("/api/developments", get(developments))
        .route("/api/articles", get(articles))
        .route("/api/articles/{id}", get(article))
        .route("/api/search", get(search))
        .route("/api/export", get(export))
        .route("/api/summary", get(summary))
        .route("/api/timeline", get(timeline))
        .route("/api/map", get(map))
        .route("/api/changes", get(changes))
        .route("/api/openapi.json", get(openapi))
        .route("/api", get(openapi))
        .route("/api/{*rest}", get(api_not_found))
}

/// A query string read into `T`, or a 400 with a JSON error body naming the parameter and
/// what is wrong with it (as the OpenAPI document declares), never the framework's raw text.
pub(crate) struct ApiQuery<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> axum::extract::FromRequestParts<S>
    for ApiQuery<T>
{
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Response> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(t)) => Ok(ApiQuery(t)),
            Err(e) => Err(error(StatusCode::BAD_REQUEST, query_problem(&e))),
        }
    }
}

/// A query string that cannot be read, in words: "sort: unknown variant `garbage`...".
pub(crate) fn query_problem(e: &axum::extract::rejection::QueryRejection) -> String {
    let text = e.body_text();
    let text = text
        .strip_prefix("Failed to deserialize query string: ")
        .unwrap_or(&text);
    format!("bad query parameter: {text}")
}

fn error(status: StatusCode, message: impl Into<String>) -> Response {
    (status, Json(json!({ "error": message.into() }))).into_response()
}

async fn api_not_found() -> Response {
    error(
        StatusCode::NOT_FOUND,
        "no such resource (see /api/openapi.json)",
    )
}

fn with_total(total: usize, body: impl Serialize) -> Response {
    let mut h = HeaderMap::new();
    h.insert("x-total-count", HeaderValue::from(total as u64));
    (h, Json(body)).into_response()
}

/// How many sources each incident of a list shows.
#[derive(Deserialize, Default)]
struct SourcesCap {
    sources: Option<usize>,
}

/// A page of incidents, each with its first few sources (`listed.rs`): the whole incident,
/// every source included, is at `/api/incidents/{id}`.
async fn incidents(
    State(app): State<Arc<App>>,
    ApiQuery(f): ApiQuery<Filter>,
    ApiQuery(cap): ApiQuery<SourcesCap>,
    uri: axum::http::Uri,
) -> Response {
    let f = f.normalized();
    if let Some(why) = f.problems().into_iter().next() {
        return error(StatusCode::BAD_REQUEST, why);
    }
    let snap = app.snapshot();
    let key = format!("api/incidents?{}", uri.query().unwrap_or(""));
    let body = snap.cached(key, || {
        let page = snap.select(&f, DEFAULT_LIMIT, MAX_LIMIT);
        let cap = cap
            .sources
            .unwrap_or(listed::SOURCES)
            .min(listed::MAX_SOURCES);
        let items: Vec<Listed> = page.items.iter().map(|i| Listed::of(i, cap)).collect();
        Ok::<_, serde_json::Error>(Cached {
            body: serde_json::to_vec(&items)?.into(),
            total: Some(page.total),
        })
    });
    match body {
        Ok(c) => {
            let mut r = ([(header::CONTENT_TYPE, "application/json")], c.body).into_response();
            r.headers_mut().insert(
                "x-total-count",
                HeaderValue::from(c.total.unwrap_or(0) as u64),
            );
            r
        }
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}")),
    }
}

async fn incident(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    let found = app.snapshot().incident(&id).cloned();
    match found {
        // the incident as `incidents --json` writes it, and `value_quotes`: the sentence
        // holding each value of each figure (a source's `quote` is its report's anchor
        // sentence, often a headline without the number)
        Some(i) => {
            let read = app
                .with_store(move |store| {
                    let quotes = sw_app::quotes::value_quotes(store, &i)?;
                    let mut v = serde_json::to_value(&i)?;
                    if let Some(o) = v.as_object_mut() {
                        o.insert("value_quotes".into(), serde_json::to_value(quotes)?);
                    }
                    Ok(v)
                })
                .await;
            match read {
                Ok(v) => Json(v).into_response(),
                Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}")),
            }
        }
        None => match crate::cite::moved(&app, &id).await {
            // merged into another incident: its id redirects for good
            Some(to) => crate::cite::redirect(&format!("/api/incidents/{to}")),
            None => error(StatusCode::NOT_FOUND, format!("no incident {id}")),
        },
    }
}

/// Every source of one incident, paged (an incident of a much-covered event has hundreds).
async fn incident_sources(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    ApiQuery(p): ApiQuery<Paging>,
) -> Response {
    let snap = app.snapshot();
    let Some(i) = snap.incident(&id) else {
        return error(StatusCode::NOT_FOUND, format!("no incident {id}"));
    };
    page_of(&i.sources, &p)
}

/// A page of `all`, with the total in `X-Total-Count`.
fn page_of<T: Serialize>(all: &[T], p: &Paging) -> Response {
    if let Some(why) = p.problem() {
        return error(StatusCode::BAD_REQUEST, why);
    }
    let (limit, offset) = p.bounds();
    let offset = offset.min(all.len());
    with_total(all.len(), &all[offset..(offset + limit).min(all.len())])
}

/// Paged like developments: a 100k-article store holds 68,093 tallies (35 MB of JSON).
async fn tallies(State(app): State<Arc<App>>, ApiQuery(p): ApiQuery<Paging>) -> Response {
    page_of(&app.snapshot().ledger.tallies, &p)
}

async fn tally_check(State(app): State<Arc<App>>, ApiQuery(p): ApiQuery<Paging>) -> Response {
    page_of(&app.snapshot().gaps, &p)
}

#[derive(Deserialize, Default)]
struct Paging {
    limit: Option<usize>,
    offset: Option<usize>,
}

impl Paging {
    /// A page of nothing is a mistake, not a request for one item.
    fn problem(&self) -> Option<String> {
        (self.limit == Some(0)).then(|| format!("limit=0: ask for 1 to {MAX_LIMIT} items a page"))
    }

    fn bounds(&self) -> (usize, usize) {
        (
            self.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT),
            self.offset.unwrap_or(0),
        )
    }
}

async fn developments(State(app): State<Arc<App>>, ApiQuery(p): ApiQuery<Paging>) -> Response {
    page_of(&app.snapshot().ledger.developments, &p)
}

async fn articles(State(app): State<Arc<App>>, ApiQuery(p): ApiQuery<Paging>) -> Response {
    if let Some(why) = p.problem() {
        return error(StatusCode::BAD_REQUEST, why);
    }
    let (limit, offset) = p.bounds();
    match app
        .with_store(move |s| Ok((s.articles(limit, offset)?, s.counts()?.articles)))
        .await
    {
        Ok((rows, total)) => with_total(total as usize, rows),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}")),
    }
}

/// As `strikewatch show ID --json`: the article with its text and its reports.
async fn article(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    // an id that is not a number names no article: 404, as any other unknown id
    let Ok(id) = id.parse::<i64>() else {
        return error(
            StatusCode::NOT_FOUND,
            format!("no article {id:?}: article ids are numbers"),
        );
    };
    let got = app
        .with_store(move |store| {
            let x = sw_app::reports::article_with_reports(store, id)?;
            // through a JSON value: keys sorted, as `show --json` writes them
            x.map(|x| serde_json::to_value(&x))
                .transpose()
                .map_err(Into::into)
        })
        .await;
    match got {
        Ok(Some(v)) => Json(v).into_response(),
        Ok(None) => error(StatusCode::NOT_FOUND, format!("no article {id}")),
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}")),
    }
}

#[derive(Deserialize, Default)]
struct SearchQuery {
    q: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

async fn search(
    State(app): State<Arc<App>>,
    ApiQuery(p): ApiQuery<SearchQuery>,
    ApiQuery(filter): ApiQuery<crate::searchfilter::SearchFilter>,
) -> Response {
    let q = p.q.unwrap_or_default();
    if q.trim().is_empty() {
        return error(StatusCode::BAD_REQUEST, "give a query: /api/search?q=words");
    }
    if p.limit == Some(0) {
        return error(
            StatusCode::BAD_REQUEST,
            format!("limit=0: ask for 1 to {MAX_LIMIT} hits a page"),
        );
    }
    let filter = filter.normalized();
    if let Some(why) = filter.problems().into_iter().next() {
        return error(StatusCode::BAD_REQUEST, why);
    }
    let limit = p.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, MAX_LIMIT);
    let offset = p.offset.unwrap_or(0);
    match app.search_filtered(q.clone(), &filter, limit, offset).await {
        Ok(found) => {
            // past the cap the total is "more than RANKED": said as RANKED and `more`; with
            // filters, the total is of the ranked matches they keep
            let (more, total) = (found.more, found.total);
            // the snippet's match markers become [[ and ]] in JSON
            let hits: Vec<Value> = found
                .hits
                .into_iter()
                .map(|mut h| {
                    h.snippet = h
                        .snippet
                        .replace(sw_store::search::MATCH_START, "[[")
                        .replace(sw_store::search::MATCH_END, "]]");
                    serde_json::to_value(h).unwrap_or(Value::Null)
                })
                .collect();
            with_total(
                total,
                json!({ "query": q, "total": total, "more": more, "hits": hits }),
            )
        }
        Err(SearchError::Refused(why)) => error(StatusCode::UNPROCESSABLE_ENTITY, why),
        Err(SearchError::Busy) => {
            let mut r = error(
                StatusCode::SERVICE_UNAVAILABLE,
                "too many searches at once: try again in a moment",
            );
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("2"));
            r
        }
        Err(SearchError::Failed(e)) => error(StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}")),
    }
}

#[derive(Deserialize, Default)]
struct ExportQuery {
    format: Option<String>,
}

/// As `strikewatch export --format F`.
async fn export(
    State(app): State<Arc<App>>,
    ApiQuery(p): ApiQuery<ExportQuery>,
    ApiQuery(f): ApiQuery<Filter>,
) -> Response {
    let f = f.normalized();
    if let Some(why) = f.problems().into_iter().next() {
        return error(StatusCode::BAD_REQUEST, why);
    }
    let name = p.format.unwrap_or_else(|| "json".into());
    let Some(fmt) = sw_ledger::ExportFormat::parse(&name) else {
        return error(
            StatusCode::BAD_REQUEST,
            format!(
                "unknown export format {name:?}: use one of {}",
                export_names().join(", ")
            ),
        );
    };
    if !fmt.available() {
        return error(
            StatusCode::BAD_REQUEST,
            format!("this build cannot write {name}"),
        );
    }
    let snap = app.snapshot();
    let redirects = app
        .with_store(|s| Ok(s.redirects()?))
        .await
        .unwrap_or_default();
    let body = tokio::task::spawn_blocking(move || {
        let mut out = Vec::new();
        // exactly the incidents the filters keep (a filter selects incidents: the tallies and
        // developments are left out of a filtered export)
        let filtered;
        let ledger = if f.is_empty() {
            &snap.ledger
        } else {
            filtered = sw_ledger::Ledger {
                incidents: snap.matching(&f).into_iter().cloned().collect(),
                ..Default::default()
            };
            &filtered
        };
        match &snap.version {
            Some(v) => {
                let redirects = redirects
                    .into_iter()
                    .map(|(id, merged_into, version)| sw_ledger::export::Redirect {
                        id,
                        merged_into,
                        version,
                    })
                    .collect();
                // the access date: the server's clock (the front end owns the clock)
                let today = chrono::Utc::now().format("%Y-%m-%d").to_string();
                let cite = sw_ledger::export::Citation::new(
                    v.version,
                    &v.hash,
                    &v.published_at,
                    &today,
                    redirects,
                );
                sw_ledger::export::write_cited(ledger, fmt, &cite, &mut out)
            }
            None => sw_ledger::export::write(ledger, fmt, &mut out),
        }
        .map(|_| out)
    })
    .await;
    let body = match body {
        Ok(Ok(b)) => b,
        Ok(Err(e)) => return error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
        Err(e) => return error(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    };
    let disposition = format!(
        "attachment; filename=\"strikewatch-{}.{}\"",
        fmt.name(),
        fmt.extension()
    );
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(fmt.media_type()),
            ),
            (
                header::CONTENT_DISPOSITION,
                HeaderValue::from_str(&disposition)
                    .unwrap_or(HeaderValue::from_static("attachment")),
            ),
        ],
        body,
    )
        .into_response()
}

/// The exports this build can write (`sw_ledger::export::FORMATS`): their names.
fn export_names() -> Vec<&'static str> {
    exports().map(|f| f.name()).collect()
}

fn exports() -> impl Iterator<Item = &'static sw_ledger::ExportFormat> {
    sw_ledger::export::FORMATS.iter().filter(|f| f.available())
}

async fn summary(State(app): State<Arc<App>>) -> Response {
    let s = app.snapshot();
    Json(json!({ "generation": s.generation, "summary": s.summary })).into_response()
}

/// How `/api/timeline` is asked for: a series by `unit` (a month unless said), or with
/// `detail=1` the ledger's running sums per day and one page of the reported totals.
#[derive(Deserialize, Default)]
struct TimelineQuery {
    unit: Option<String>,
    detail: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

/// The timeline of the incidents the filters keep (the filters of `/api/incidents`), as a
/// series (`series.rs`): per period the strikes and killed, their running sums, and the
/// spread of the totals outlets reported. Its size follows the months the ledger spans, not
/// the number of totals (one point per reported total made 7.2 MB on a 100k-article store).
/// `detail=1` gives the points themselves, the reported totals a page at a time.
async fn timeline(
    State(app): State<Arc<App>>,
    ApiQuery(f): ApiQuery<Filter>,
    ApiQuery(q): ApiQuery<TimelineQuery>,
    uri: axum::http::Uri,
) -> Response {
    use crate::series::{self, Unit};
    let f = f.normalized();
    if let Some(why) = f.problems().into_iter().next() {
        return error(StatusCode::BAD_REQUEST, why);
    }
    // None: chosen from the span, as the chart on `/` does
    let unit = match q.unit.as_deref().unwrap_or("month") {
        "month" => Some(Unit::Month),
        "week" => Some(Unit::Week),
        "day" => Some(Unit::Day),
        "auto" => None,
        other => {
            return error(
                StatusCode::BAD_REQUEST,
                format!("unit={other:?} is not a unit: use one of month, week, day, auto"),
            )
        }
    };
    let detail = match q.detail.as_deref().unwrap_or("0") {
        "0" | "false" => false,
        "1" | "true" => true,
        other => {
            return error(
                StatusCode::BAD_REQUEST,
                format!(
                    "detail={other:?}: use detail=1 for every reported total, a page at a time"
                ),
            )
        }
    };
    let paging = Paging {
        limit: q.limit,
        offset: q.offset,
    };
    if let Some(why) = paging.problem() {
        return error(StatusCode::BAD_REQUEST, why);
    }
    let snap = app.snapshot();
    let key = format!("api/timeline?{}", uri.query().unwrap_or(""));
    let body = snap.cached(key, || {
        let all: Vec<&sw_ledger::Incident>;
        let incidents = if f.is_empty() {
            all = snap.ledger.incidents.iter().collect();
            &all
        } else {
            all = snap.matching(&f);
            &all
        };
        let tallies = &snap.ledger.tallies;
        if detail {
            let filtered;
            let t = if f.is_empty() {
                &snap.timeline
            } else {
                filtered = crate::snapshot::timeline_of(incidents, &snap.ledger);
                &filtered
            };
            let (limit, offset) = paging.bounds();
            let total = t.reported.len();
            let offset = offset.min(total);
            let page = &t.reported[offset..(offset + limit).min(total)];
            let body = json!({ "ledger": t.ledger, "reported": page, "undated": t.undated });
            return Ok::<_, serde_json::Error>(Cached {
                body: serde_json::to_vec(&body)?.into(),
                total: Some(total),
            });
        }
        let unit = unit.unwrap_or_else(|| series::auto_unit(incidents, tallies));
        Ok(Cached {
            body: serde_json::to_vec(&series::series(incidents, tallies, unit))?.into(),
            total: None,
        })
    });
    match body {
        Ok(c) => {
            let mut r = ([(header::CONTENT_TYPE, "application/json")], c.body).into_response();
            if let Some(total) = c.total {
                r.headers_mut()
                    .insert("x-total-count", HeaderValue::from(total as u64));
            }
            r
        }
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}")),
    }
}

/// The map's markers, of the incidents the filters keep (the same filters as
/// `/api/incidents`: the map on `/` asks with the table's filters).
async fn map(State(app): State<Arc<App>>, ApiQuery(f): ApiQuery<Filter>) -> Response {
    let f = f.normalized();
    if let Some(why) = f.problems().into_iter().next() {
        return error(StatusCode::BAD_REQUEST, why);
    }
    let snap = app.snapshot();
    if f.is_empty() {
        return Json(&snap.map).into_response();
    }
    Json(crate::snapshot::map_points_of(&snap.matching(&f))).into_response()
}

async fn openapi() -> Response {
    Json(openapi_doc()).into_response()
}

/// The OpenAPI 3.1 description of `/api`.
pub fn openapi_doc() -> Value {
    let page = json!([
        { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT } },
        { "name": "offset", "in": "query", "schema": { "type": "integer", "minimum": 0, "default": 0 } }
    ]);
    let total = json!({ "X-Total-Count": { "description": "how many items there are in all", "schema": { "type": "integer" } } });
    let arr = |desc: &str| json!({ "description": desc, "headers": total, "content": { "application/json": { "schema": { "type": "array", "items": { "type": "object" } } } } });
    let obj = |desc: &str| json!({ "description": desc, "content": { "application/json": { "schema": { "type": "object" } } } });
    let err = json!({ "description": "an error", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } });
    let mut inc_params = json!([
        { "name": "type", "in": "query", "schema": { "type": "string", "enum": sw_model::EventType::ALL.iter().map(|t| t.as_str()).collect::<Vec<_>>() } },
        { "name": "from", "in": "query", "schema": { "type": "string", "format": "date" } },
        { "name": "to", "in": "query", "schema": { "type": "string", "format": "date" } },
        { "name": "region", "in": "query", "description": "a sea region code (caribbean, eastern_pacific...) or a lower-case country code", "schema": { "type": "string" } },
        { "name": "grade", "in": "query", "description": "contested also holds incidents whose sources disagree on a figure", "schema": { "type": "string", "enum": ["acknowledged", "corroborated", "single_source", "contested"] } },
        { "name": "perpetrator", "in": "query", "description": "the perpetrator's name, as incidents give it", "schema": { "type": "string" } },
        { "name": "country", "in": "query", "description": "a country code (ISO 3166 alpha-2, any case)", "schema": { "type": "string" } },
        { "name": "outlet", "in": "query", "description": "incidents with at least one source from this outlet", "schema": { "type": "string" } },
        { "name": "lang", "in": "query", "description": "incidents with at least one source in this language (en, es)", "schema": { "type": "string" } },
        { "name": "sort", "in": "query", "schema": { "type": "string", "enum": ["date", "type", "place", "killed", "grade", "stories"], "default": "date" } },
        { "name": "dir", "in": "query", "schema": { "type": "string", "enum": ["asc", "desc"] } },
        { "name": "sources", "in": "query", "description": "sources (and references, and ids of each list of evidence) listed per incident; the rest are at sources_url and /api/incidents/{id}", "schema": { "type": "integer", "minimum": 0, "maximum": listed::MAX_SOURCES, "default": listed::SOURCES } }
    ]);
    // the filters alone (no sort or paging): what the map and the export take too
    let filter_params: Vec<Value> = inc_params
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|p| !matches!(p["name"].as_str(), Some("sort" | "dir" | "sources")))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    if let (Value::Array(a), Value::Array(p)) = (&mut inc_params, &page) {
        a.extend(p.iter().cloned());
    }
    let mut timeline_params = filter_params.clone();
    timeline_params.extend([
        json!({ "name": "unit", "in": "query", "description": "the period of a point; auto chooses from the span (a day up to 120 days, a week up to 840, else a month)", "schema": { "type": "string", "enum": ["month", "week", "day", "auto"], "default": "month" } }),
        json!({ "name": "detail", "in": "query", "description": "1: the ledger's running sums per day and every reported total, paged", "schema": { "type": "integer", "enum": [0, 1], "default": 0 } }),
    ]);
    if let Value::Array(p) = &page {
        timeline_params.extend(p.iter().cloned());
    }
    let export_doc: Vec<String> = exports()
        .map(|f| format!("{}: {}", f.name(), f.description()))
        .collect();
    let export_doc = export_doc.join("; ");
    let mut export_params = vec![
        json!({ "name": "format", "in": "query", "description": export_doc, "schema": { "type": "string", "enum": export_names(), "default": "json" } }),
    ];
    export_params.extend(filter_params.iter().cloned());
    let search_doc = format!(
        "Full-text search over articles, English and Spanish (SQLite FTS5); matches in \
         snippets are between [[ and ]]. At most the {} most recent matches are counted and \
         ranked: `more` is true when more articles match than `total` says. The filters (from, \
         to, lang, outlet) keep the ranked matches they fit: `total` is how many of them, \
         and `more` says that older matches were not looked at. Answers are kept until the \
         store's reports change (a minute at most)",
        sw_store::search::RANKED
    );
    let export_types: serde_json::Map<String, Value> = exports()
        .map(|f| f.media_type().split(';').next().unwrap_or_default())
        .map(|media| (media.to_string(), json!({})))
        .collect();
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "strikewatch",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "A sourced ledger of reported military strikes, read-only. Bodies mirror the strikewatch CLI's --json output; the fields of the ledger are documented in crates/ledger/EXPORTS.md. Every method other than GET and HEAD is answered 405."
        },
        "paths": {
            "/api/incidents": { "get": { "summary": "Incidents, filtered, sorted and paginated: each as in `strikewatch incidents --json` but with only its first `sources` sources and references, then `sources_total`, `references_total` and `sources_url` (where every source is, paged); likewise every list of ids inside it (a figure value's report_ids and article_ids, a date's report_ids, attached_report_ids) holds its first `sources` ids, followed by its count (reports_total, articles_total, attached_total). The whole incident is at /api/incidents/{id}", "parameters": inc_params, "responses": { "200": arr("incidents, sources capped"), "400": err } } },
            "/api/incidents/{id}": { "get": { "summary": "One incident with its figures, values, every source and quote (as in `strikewatch incidents --json`), and `value_quotes`: for each value of each figure (at most 5 reports a value) the sentence that holds it, with the claim's byte span and the sentence's in the article's text (as `strikewatch show ID --json`)", "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }], "responses": { "200": obj("the incident"), "404": err } } },
            "/api/incidents/{id}/sources": { "get": { "summary": "Every source of one incident (earliest published first), paginated", "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }, page[0], page[1]], "responses": { "200": arr("sources"), "404": err } } },
            "/api/tallies": { "get": { "summary": "Cumulative totals outlets reported (as `strikewatch tallies --json`), paginated", "parameters": page, "responses": { "200": arr("tallies") } } },
            "/api/tally-check": { "get": { "summary": "Reported totals against the ledger's running sums (as `strikewatch tally --check --json`), paginated", "parameters": page, "responses": { "200": arr("gaps") } } },
            "/api/changes": { "get": { "summary": "What changed after ledger version `since` (0: everything): the versions published since (number, sha256 of the canonical ledger JSON, time) and a page of incident changes (new, revised, merged with `other` the survivor, split with `other` the new part, withdrawn), oldest first; every answer carries X-Ledger-Version and X-Ledger-Hash. A merged id's /api/incidents/{id} answers 301 to the survivor", "parameters": [{ "name": "since", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 0 } }, page[0], page[1]], "responses": { "200": obj("{since, versions, changes}") } } },
            "/api/feeds": { "get": { "summary": "Every feed `watch` polls with its health (new, ok, erroring, failing), items seen, last success, last error and its time, failures in a row, next poll, and the worker polling it now with its lease (`claimed_by`, `lease_until_ms`, only while the claim holds; times in milliseconds since the epoch), as `strikewatch feeds --json`; the page /feeds shows the same", "responses": { "200": { "description": "feeds", "content": { "application/json": { "schema": { "type": "array", "items": { "type": "object" } } } } } } } },
            "/api/rejected": { "get": { "summary": "The incidents a reviewer rejected (not an event, duplicate, out of scope), out of every total, each with its `review` (who, when, why), as `strikewatch incidents --rejected --json`; the page /rejected shows the same", "responses": { "200": arr("rejected incidents") } } },
            "/api/developments": { "get": { "summary": "Plans, threats, designations... (as `strikewatch developments --json`)", "parameters": page, "responses": { "200": arr("developments") } } },
            "/api/articles": { "get": { "summary": "Stored articles (as `strikewatch articles --json`)", "parameters": page, "responses": { "200": arr("articles") } } },
            "/api/articles/{id}": { "get": { "summary": "One article with its text and reports (as `strikewatch show ID --json`)", "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } }], "responses": { "200": obj("the article"), "404": err } } },
            "/api/search": { "get": { "summary": search_doc, "parameters": [{ "name": "q", "in": "query", "required": true, "schema": { "type": "string" } }, { "name": "from", "in": "query", "description": "published on or after this day", "schema": { "type": "string", "format": "date" } }, { "name": "to", "in": "query", "description": "published on or before this day", "schema": { "type": "string", "format": "date" } }, { "name": "lang", "in": "query", "description": "the article's language (en, es)", "schema": { "type": "string" } }, { "name": "outlet", "in": "query", "description": "the article's outlet, as hits name it", "schema": { "type": "string" } }, page[0], page[1]], "responses": { "200": obj("{query, total, more, hits}"), "400": err, "422": err, "503": err } } },
            "/api/export": { "get": { "summary": "The ledger exported (as `strikewatch export --format F`); with any of the incident filters of /api/incidents, exactly the incidents they keep (and no tallies or developments)", "parameters": export_params, "responses": { "200": { "description": "the export", "content": export_types }, "400": err } } },
            "/api/summary": { "get": { "summary": "The figures at the top of the ledger page", "responses": { "200": obj("summary") } } },
            "/api/timeline": { "get": { "summary": "The timeline of the incidents the filters keep (the filters of /api/incidents): {unit, incidents, undated, points}, one point per period (a month by default) that has an incident or a reported total, in date order: from (its first day), strikes and killed (best figures, strikes and raids) in the period, strikes_total and killed_total (running sums), and reported_strikes and reported_killed: the cumulative totals outlets reported with an as-of day in the period, as {count, min, median, max, outlet (when one)}; reported totals are of the whole campaign and not filtered. With detail=1: {ledger: [[day, strikes so far, killed so far]...], reported: a page of every reported total (limit, offset; X-Total-Count), undated}", "parameters": timeline_params, "responses": { "200": { "description": "the series, or with detail=1 the day points and a page of reported totals", "headers": total, "content": { "application/json": { "schema": { "type": "object" } } } }, "400": err } } },
            "/api/map": { "get": { "summary": "Map markers: incidents grouped by place and place precision, each with its count and its latest incidents (`listed`); takes the incident filters of /api/incidents", "parameters": filter_params, "responses": { "200": arr("markers") } } },
            "/api/openapi.json": { "get": { "summary": "This document", "responses": { "200": obj("OpenAPI 3.1") } } }
        },
        "components": { "schemas": { "Error": { "type": "object", "properties": { "error": { "type": "string" } }, "required": ["error"] } } }
    })
}

#[derive(Deserialize, Default)]
struct Since {
    since: Option<i64>,
    limit: Option<usize>,
    offset: Option<usize>,
}

/// What changed in the ledger after version `since` (0 by default: everything): the
/// versions published since, and a page of incident changes (new, revised, merged, split,
/// withdrawn), oldest first, their total in `X-Total-Count`. What changed in each revised
/// incident is `strikewatch diff A B`.
async fn changes(State(app): State<Arc<App>>, Query(q): Query<Since>) -> Response {
    let since = q.since.unwrap_or(0);
    if since < 0 {
        return error(
            StatusCode::BAD_REQUEST,
            "since must be a version number (0 or more)",
        );
    }
    let limit = q.limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT);
    let offset = q.offset.unwrap_or(0);
    let got = app
        .with_store(move |s| {
            let versions: Vec<_> = s
                .ledger_versions()?
                .into_iter()
                .filter(|v| v.version > since)
                .collect();
            let latest = versions.last().map(|v| v.version).unwrap_or(since);
            let all = s.incident_changes(since, latest, None)?;
            Ok((versions, all))
        })
        .await;
    match got {
        Ok((versions, all)) => {
            let total = all.len();
            let page: Vec<_> = all.into_iter().skip(offset).take(limit).collect();
            with_total(
                total,
                json!({ "since": since, "versions": versions, "changes": page }),
            )
        }
        Err(e) => error(StatusCode::INTERNAL_SERVER_ERROR, format!("{e:#}")),
    }
}
