//! The HTML pages, rendered on the server with maud (which escapes every value it is given:
//! no page is ever built by formatting strings into HTML).

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use serde::Deserialize;
use sw_ledger::{FigureValue, Incident, IncidentFigures, SourceRef};
use sw_model::{ClaimValue, Report};
use sw_store::{ReportFilter, Store};

use crate::series::{Series, Spread, Unit};
use crate::snapshot::{country_name, valid_date, Cached, Filter, SortKey};
use crate::{App, SearchError, Snapshot};

pub fn routes() -> Router<Arc<App>> {
    Router::new()
        .route("/", get(index))
        .route("/incidents/{id}", get(incident))
        .route("/articles", get(articles))
        .route("/articles/{id}", get(article))
        .route("/developments", get(developments))
        .route("/search", get(search))
        .route("/methodology", get(methodology))
        .fallback(|| async { not_found("There is no page here.") })
}

const PAGE: usize = 50;
/// Reported totals compared with the ledger on `/`: the latest this many (a 100k-article
/// store has tens of thousands; all are at `/api/tally-check`).
const GAPS: usize = 25;
/// Outlets named per incident in the table; the rest are counted, and listed on the
/// incident's page.
const OUTLETS: usize = 3;

// ---------------------------------------------------------------- layout and helpers

pub(crate) fn layout(title: &str, nav: &str, body: Markup) -> Html<String> {
    let page = html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " · strikewatch" }
                link rel="icon" href="data:,";
                link rel="stylesheet" href="/static/vendor/leaflet.css";
                link rel="stylesheet" href="/static/vendor/MarkerCluster.css";
                link rel="stylesheet" href="/static/app.css";
                script src="/static/app.js" defer {}
            }
            body {
                a.skip href="#main" { "Skip to content" }
                header.top {
                    a.brand href="/" { "strikewatch" }
                    span.tagline { "a sourced ledger of reported US strikes on alleged drug boats and related operations" }
                    nav aria-label="Main" {
                        a href="/" class=[(nav == "ledger").then_some("on")] { "Ledger" }
                        a href="/developments" class=[(nav == "developments").then_some("on")] { "Developments" }
                        a href="/articles" class=[(nav == "articles").then_some("on")] { "Articles" }
                        a href="/feeds" class=[(nav == "feeds").then_some("on")] { "Feeds" }
                        a href="/methodology" class=[(nav == "methodology").then_some("on")] { "Methodology" }
                        a href="/api/openapi.json" { "API" }
                        form.search action="/search" method="get" role="search" aria-label="Search articles (every page)" {
                            input type="search" name="q" placeholder="Search articles (English, Spanish)" aria-label="Search articles";
                        }
                    }
                }
                main #main tabindex="-1" { (body) }
                footer {
                    "strikewatch only reads and counts public reporting. Every figure links to the articles and sentences behind it. "
                    "Map outlines: Natural Earth (public domain) via world-atlas; map library: Leaflet (BSD-2-Clause) with Leaflet.markercluster (MIT)."
                }
            }
        }
    };
    Html(page.into_string())
}

/// A query string read into `T`, or a 400 page saying which parameter is wrong and how, with
/// a way back (never the framework's raw text).
struct PageQuery<T>(T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> axum::extract::FromRequestParts<S>
    for PageQuery<T>
{
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &S,
    ) -> Result<Self, Response> {
        match Query::<T>::from_request_parts(parts, state).await {
            Ok(Query(t)) => Ok(PageQuery(t)),
            Err(e) => Err(bad_request(&crate::api::query_problem(&e))),
        }
    }
}

fn bad_request(what: &str) -> Response {
    (
        StatusCode::BAD_REQUEST,
        layout(
            "Bad request",
            "",
            html! { h1 { "This address cannot be read" } p { (what) } p { a href="/" { "Back to the ledger" } } },
        ),
    )
        .into_response()
}

fn not_found(what: &str) -> Response {
    (
        StatusCode::NOT_FOUND,
        layout(
            "Not found",
            "",
            html! { h1 { "Not found" } p { (what) } p { a href="/" { "Back to the ledger" } } },
        ),
    )
        .into_response()
}

fn server_error(e: anyhow::Error) -> Response {
    tracing::error!("{e:#}");
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        layout(
            "Error",
            "",
            html! { h1 { "Something went wrong" } p { "The store could not be read. The server log says why." } },
        ),
    )
        .into_response()
}

/// A link for an http(s) URL; anything else (a `javascript:` URL, say) is shown as text.
fn ext_link(url: Option<&str>, text: &str) -> Markup {
    match url {
        Some(u) if u.starts_with("https://") || u.starts_with("http://") => {
            html! { a.ext href=(u) rel="noopener noreferrer nofollow" { (text) } }
        }
        Some(u) => html! { (text) " " span.url { "(" (u) ")" } },
        None => html! { (text) },
    }
}

/// "11", "≥ 65", "19 (≤ 19)", "3–5", "~75".
pub fn fmt_range(low: Option<i64>, best: Option<i64>, high: Option<i64>) -> String {
    match (low, best, high) {
        (None, None, None) => "—".into(),
        (Some(l), Some(b), Some(h)) if l == b && b == h => b.to_string(),
        (Some(l), Some(b), None) if l == b => format!("≥ {b}"),
        (Some(l), None, None) => format!("≥ {l}"),
        (None, Some(b), Some(h)) if b == h => format!("≤ {h}"),
        (None, None, Some(h)) => format!("≤ {h}"),
        (None, Some(b), None) => format!("~{b}"),
        (l, b, h) => {
            let l = l.map_or("?".into(), |x| x.to_string());
            let h = h.map_or("…".into(), |x| x.to_string());
            match b {
                Some(b) => format!("{b} ({l}–{h})"),
                None => format!("{l}–{h}"),
            }
        }
    }
}

fn grade_badge(g: sw_ledger::Grade) -> Markup {
    let label = match g {
        sw_ledger::Grade::Acknowledged => "acknowledged",
        sw_ledger::Grade::Corroborated => "corroborated",
        sw_ledger::Grade::SingleSource => "single source",
        sw_ledger::Grade::Contested => "contested",
    };
    html! { span class={"grade g-" (g.as_str())} { (label) } }
}

pub(crate) fn place_label(i: &Incident) -> String {
    let p = &i.place;
    let mut parts: Vec<String> = Vec::new();
    if let Some(n) = &p.name {
        parts.push(n.clone());
    }
    if let Some(a) = &p.admin1 {
        if !parts.contains(a) {
            parts.push(a.clone());
        }
    }
    if let Some(r) = &p.region {
        if !parts.contains(r) {
            parts.push(r.clone());
        }
    }
    if let Some(c) = &p.country {
        let n = country_name(c);
        if !parts.contains(&n) {
            parts.push(n);
        }
    }
    if parts.is_empty() {
        "unknown".into()
    } else {
        parts.join(", ")
    }
}

fn precision_label(p: u8) -> &'static str {
    match p {
        1 => "locality",
        2 => "district",
        3 => "state or province",
        4 => "country or sea region",
        _ => "no place",
    }
}

pub(crate) fn date_label(i: &Incident) -> String {
    match (&i.date, &i.window) {
        (Some(d), _) => d.clone(),
        (None, Some([a, b])) => format!("{a} – {b}"),
        _ => "undated".into(),
    }
}

pub(crate) fn type_label(i: &Incident) -> String {
    let mut s = i.event_type.as_str().replace('_', " ");
    if let Some(t) = i.target_kind {
        if t != sw_model::TargetKind::Unknown {
            s.push_str(" · ");
            s.push_str(&t.as_str().replace('_', " "));
        }
    }
    s
}

fn source_label(s: &SourceRef) -> String {
    let a = &s.attributed_to;
    let kind = a.kind.as_str().replace('_', " ");
    match &a.name {
        Some(n) => format!("{n} ({kind})"),
        None => kind,
    }
}

/// Percent-encodes a query value.
pub(crate) fn enc(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The filters alone as a query string ("?type=strike&country=ve", or "" for none): what the
/// map's data and the downloads are asked for, so that they show what the table shows.
fn api_query(f: &Filter) -> String {
    let q = filter_pairs(f);
    if q.is_empty() {
        String::new()
    } else {
        format!("?{}", q.join("&"))
    }
}

fn filter_pairs(f: &Filter) -> Vec<String> {
    let mut q = Vec::new();
    for (k, v) in [
        ("type", &f.event_type),
        ("from", &f.from),
        ("to", &f.to),
        ("region", &f.region),
        ("grade", &f.grade),
        ("perpetrator", &f.perpetrator),
        ("country", &f.country),
        ("outlet", &f.outlet),
        ("lang", &f.lang),
    ] {
        if let Some(v) = v {
            q.push(format!("{k}={}", enc(v)));
        }
    }
    q
}

fn lang_name(code: &str) -> String {
    match code {
        "en" => "English".into(),
        "es" => "Spanish".into(),
        c => c.to_string(),
    }
}

fn filter_query(f: &Filter, sort: Option<SortKey>, dir: Option<&str>, offset: usize) -> String {
    let mut q = filter_pairs(f);
    if let Some(s) = sort {
        q.push(format!("sort={}", s.as_str()));
    }
    if let Some(d) = dir {
        q.push(format!("dir={d}"));
    }
    if offset > 0 {
        q.push(format!("offset={offset}"));
    }
    if q.is_empty() {
        "/".into()
    } else {
        format!("/?{}#incidents", q.join("&"))
    }
}

/// Marks up `text` with highlighted spans: (start, end, label, css class) in bytes of `text`.
/// Overlapping or misaligned spans are skipped (each is still listed next to the text).
fn highlight(text: &str, spans: Vec<(usize, usize, String, String)>) -> Markup {
    highlight_anchored(text, spans, None)
}

/// As [`highlight`]; given `anchors` (for a whole article's text, where offsets are the
/// claims' own), every mark gets an `id` so that a link elsewhere (a figure's value on an
/// incident page) lands on its claim: `c<offset>`, and the report's id on the marks that
/// start at the offsets `anchors` names.
fn highlight_anchored(
    text: &str,
    mut spans: Vec<(usize, usize, String, String)>,
    anchors: Option<&HashMap<usize, String>>,
) -> Markup {
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut pieces: Vec<Markup> = Vec::new();
    let mut at = 0;
    for (s, e, label, class) in spans {
        if s < at
            || e <= s
            || e > text.len()
            || !text.is_char_boundary(s)
            || !text.is_char_boundary(e)
        {
            continue;
        }
        let before = &text[at..s];
        let inner = &text[s..e];
        // every claim is an anchor by its byte offset (`#c1234`: a value's quote on the
        // incident page links to its own claim); a report's first claim also anchors the
        // report (`#r12`), on the mark, with the offset's anchor inside it
        let here = format!("c{s}");
        pieces.push(match anchors.map(|a| a.get(&s)) {
            None => html! { (before) mark class={"claim " (class)} data-label=(label) title=(label) { (inner) } },
            Some(Some(r)) => html! { (before) mark class={"claim " (class)} id=(r) data-label=(label) title=(label) { span.ca id=(here) { (inner) } } },
            Some(None) => html! { (before) mark class={"claim " (class)} id=(here) data-label=(label) title=(label) { (inner) } },
        });
        at = e;
    }
    let rest = &text[at..];
    html! { @for p in pieces { (p) } (rest) }
}

fn claim_label(c: &sw_model::Claim) -> String {
    let v = match &c.value {
        ClaimValue::Text(s) => s.clone(),
        ClaimValue::None => String::new(),
        ClaimValue::Figure(f) => fmt_range(f.low, f.best, f.high),
        ClaimValue::Actor(a) => a.name.clone(),
    };
    if v.is_empty() {
        c.field.to_string()
    } else {
        format!("{}: {v}", c.field)
    }
}

fn field_class(field: &str) -> String {
    let f: String = field
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!("f-{f}")
}

// ---------------------------------------------------------------- the ledger

async fn index(
    State(app): State<Arc<App>>,
    PageQuery(filter): PageQuery<Filter>,
    uri: axum::http::Uri,
) -> Response {
    let snap = app.snapshot();
    let key = format!("/?{}", uri.query().unwrap_or(""));
    let page = snap.cached(key, || {
        Ok::<_, std::convert::Infallible>(Cached {
            body: index_page(&snap, filter).0.into(),
            total: None,
        })
    });
    match page {
        Ok(c) => (
            [(axum::http::header::CONTENT_TYPE, "text/html; charset=utf-8")],
            c.body,
        )
            .into_response(),
        Err(e) => match e {},
    }
}

fn index_page(snap: &Snapshot, filter: Filter) -> Html<String> {
    let mut filter = filter.normalized();
    // a page is lenient: a value it cannot use is said, and left out
    let notes: Vec<String> = filter
        .problems()
        .into_iter()
        .map(|p| format!("{p}; it was ignored"))
        .collect();
    for d in [&mut filter.from, &mut filter.to] {
        if d.as_deref().is_some_and(|v| !valid_date(v)) {
            *d = None;
        }
    }
    if filter
        .event_type
        .as_deref()
        .is_some_and(|t| !sw_model::EventType::ALL.iter().any(|x| x.as_str() == t))
    {
        filter.event_type = None;
    }
    if filter
        .grade
        .as_deref()
        .is_some_and(|g| !crate::snapshot::GRADES.contains(&g))
    {
        filter.grade = None;
    }
    if filter
        .dir
        .as_deref()
        .is_some_and(|d| !matches!(d, "asc" | "desc"))
    {
        filter.dir = None;
    }
    let page = snap.select(&filter, PAGE, PAGE);
    // what the chart, the monthly bars and the map draw: every incident the filters keep
    // (unfiltered, they are drawn once per snapshot)
    let selected: Vec<&Incident> = if filter.is_empty() {
        Vec::new()
    } else {
        snap.matching(&filter)
    };
    let choices = &snap.choices;
    let s = &snap.summary;
    let sort = filter.sort.unwrap_or_default();
    let desc = filter.descending();
    let body = html! {
        h1 { "The ledger" }
        p.lede {
            "Incidents merged from the reporting of many outlets, in English and Spanish, each figure reconciled "
            "into a range with every source's value. Totals outlets reported are shown beside the ledger's own sums, gaps included."
        }
        section.cards {
            div.card {
                div.num { (s.incidents) } div.lbl { "incidents" }
                div.sub {
                    (s.strikes) " strikes"
                    @if s.attacks > 0 { "; " (s.attacks) " attacks by non-state groups, counted apart" }
                }
            }
            div.card.toll {
                div.lbl { "killed in strikes and raids, the ledger's sum" }
                dl.lbh {
                    div { dt { "low" } dd { (s.killed_low) } }
                    div.best { dt { "best" } dd { (s.killed_best) } }
                    div { dt { "high" } dd { (s.killed_high.map_or("no bound".to_string(), |h| h.to_string())) } }
                }
                div.sub {
                    "Each incident's lowest, reconciled and highest figure, added up"
                    @if s.incidents_without_killed > 0 { "; " (s.incidents_without_killed) (if s.incidents_without_killed == 1 { " incident" } else { " incidents" }) " without a figure" }
                    ". " a href="/methodology#best" { "How a best figure is chosen" }
                }
            }
            div.card {
                div.lbl { "latest total reported by an outlet" }
                @match &s.latest_total {
                    Some(t) => {
                        div.num { (fmt_range(t.low, t.best, t.high)) }
                        div.sub {
                            "killed, as of " (t.as_of) ", "
                            a href={"/articles/" (t.article_id)} { (t.outlet.as_deref().unwrap_or("an outlet")) }
                            @if t.url.as_deref().is_some_and(|u| u.starts_with("https://") || u.starts_with("http://")) {
                                " " (ext_link(t.url.as_deref(), "original ↗"))
                            }
                            ". Outlets count differently; the gaps are below."
                        }
                    }
                    None => { div.num.small { "—" } div.sub { "No outlet's dated total yet." } }
                }
            }
            div.card {
                div.num.small { (s.first_date.as_deref().unwrap_or("—")) " – " (s.last_date.as_deref().unwrap_or("—")) }
                div.lbl { "period" }
            }
            div.card {
                div.num.small { (s.latest_report.as_deref().unwrap_or("—")) }
                div.lbl { "latest report" }
                div.sub { (s.tallies) (if s.tallies == 1 { " reported tally · " } else { " reported tallies · " }) a href="/developments" { (s.developments) (if s.developments == 1 { " development" } else { " developments" }) } }
            }
        }
        section.grid2 {
            div.panel {
                h2 { "Over time" }
                @if filter.is_empty() {
                    (PreEscaped(snap.chart_html.get_or_init(|| {
                        let all: Vec<&Incident> = snap.ledger.incidents.iter().collect();
                        let unit = crate::series::auto_unit(&all, &snap.ledger.tallies);
                        let cumulative = chart(&crate::series::series(&all, &snap.ledger.tallies, unit));
                        let bars = monthly(&crate::series::series(&all, &[], Unit::Month));
                        html! { (cumulative) (bars) }.into_string()
                    }).as_str()))
                } @else {
                    // outlets' totals count the whole campaign: beside a filtered sum they
                    // would read as a gap that is not one
                    p.note { "Following the filters: " (selected.len()) (if selected.len() == 1 { " incident." } else { " incidents." })
                        " The totals outlets reported count every incident, so they are drawn only on the whole ledger." }
                    @let unit = crate::series::auto_unit(&selected, &[]);
                    (chart(&crate::series::series(&selected, &[], unit)))
                    (monthly(&crate::series::series(&selected, &[], Unit::Month)))
                }
            }
            div.panel {
                h2 { "Map of incidents" }
                script src="/static/vendor/leaflet.js" defer {}
                script src="/static/vendor/leaflet.markercluster.js" defer {}
                script src="/static/map.js" defer {}
                div #map data-points=(format!("/api/map{}", api_query(&filter))) data-outlines="/static/vendor/countries-110m.geojson" {
                    noscript { p.note { "The map needs JavaScript. Every incident's place is in the table below." } }
                }
                p.note.legend {
                    "Each mark shows how many incidents are at its place; a solid mark is a locality or district, a pale one only a country or sea region (drawn at its centre). "
                    "Select a mark (or Tab to it and press Enter) to list its incidents. Incidents without coordinates are not drawn."
                }
            }
        }
        section.panel #incidents {
            h2 { "Incidents" }
            @for n in &notes { p.warn { (n) } }
            form.filters method="get" action="/#incidents" {
                label { "Type "
                    select name="type" {
                        option value="" { "any" }
                        @for t in sw_model::EventType::ALL.iter().map(|t| t.as_str()).filter(|t| filter.event_type.as_deref() == Some(*t) || snap.ledger.incidents.iter().any(|i| i.event_type.as_str() == *t)) {
                            option value=(t) selected[filter.event_type.as_deref() == Some(t)] { (t) }
                        }
                    }
                }
                label { "From " input type="date" name="from" value=[filter.from.as_deref()]; }
                label { "To " input type="date" name="to" value=[filter.to.as_deref()]; }
                label { "Region "
                    select name="region" {
                        option value="" { "any" }
                        @for (k, l, n) in &snap.regions {
                            option value=(k) selected[filter.region.as_deref() == Some(k.as_str())] { (l) " (" (n) ")" }
                        }
                    }
                }
                label { "Grade "
                    select name="grade" {
                        option value="" { "any" }
                        // only the grades some incident has (or the one asked for), as for types
                        @for (g, l) in [("acknowledged", "acknowledged"), ("corroborated", "corroborated"), ("single_source", "single source"), ("contested", "contested or disputed")].into_iter().filter(|(g, _)| filter.grade.as_deref() == Some(*g) || snap.ledger.incidents.iter().any(|i| i.grade.as_str() == *g || (*g == "contested" && i.contested))) {
                            option value=(g) selected[filter.grade.as_deref() == Some(g)] { (l) }
                        }
                    }
                }
                label { "Perpetrator "
                    select name="perpetrator" {
                        option value="" { "any" }
                        @for (p, n) in &choices.perpetrators {
                            option value=(p) selected[filter.perpetrator.as_deref() == Some(p.as_str())] { (p) " (" (n) ")" }
                        }
                    }
                }
                label { "Country "
                    select name="country" {
                        option value="" { "any" }
                        @for (c, name, n) in &choices.countries {
                            option value=(c) selected[filter.country.as_deref().is_some_and(|x| x.eq_ignore_ascii_case(c))] { (name) " (" (n) ")" }
                        }
                    }
                }
                label { "Outlet "
                    select name="outlet" {
                        option value="" { "any" }
                        @for (o, n) in &choices.outlets {
                            option value=(o) selected[filter.outlet.as_deref() == Some(o.as_str())] { (o) " (" (n) ")" }
                        }
                    }
                }
                label { "Language "
                    select name="lang" {
                        option value="" { "any" }
                        @for (l, n) in &choices.langs {
                            option value=(l) selected[filter.lang.as_deref() == Some(l.as_str())] { (lang_name(l)) " (" (n) ")" }
                        }
                    }
                }
                @if let Some(s) = filter.sort { input type="hidden" name="sort" value=(s.as_str()); }
                @if let Some(d) = filter.dir.as_deref() { input type="hidden" name="dir" value=(d); }
                button type="submit" { "Apply" }
                a.clear href="/#incidents" { "Clear" }
            }
            p.count { (count_line(page.total, page.offset, page.items.len())) }
            p.downloads {
                "Download " (if filter.is_empty() { "every incident" } else { "exactly these incidents" }) ": "
                @for (n, (f, label)) in [("csv", "CSV"), ("geojson", "GeoJSON"), ("json", "JSON")].into_iter().enumerate() {
                    @if n > 0 { " · " }
                    a.download href=(format!("/api/export?format={f}{}", api_query(&filter).replacen('?', "&", 1))) { (label) }
                }
            }
            div.scroll role="region" tabindex="0" aria-label="Table (scrolls sideways on a narrow screen)" { table.data.incidents {
                thead {
                    tr {
                        @for (key, label, num) in [(SortKey::Date, "Date", false), (SortKey::Type, "Type", false), (SortKey::Place, "Place", false), (SortKey::Killed, "Killed", true), (SortKey::Grade, "Grade", false), (SortKey::Stories, "Stories", true)] {
                            @let (next_dir, arrow) = if key == sort { (if desc { "asc" } else { "desc" }, if desc { " ▼" } else { " ▲" }) } else { (if matches!(key, SortKey::Date | SortKey::Killed | SortKey::Stories) { "desc" } else { "asc" }, "") };
                            th class=[num.then_some("n")] aria-sort=(if key == sort { if desc { "descending" } else { "ascending" } } else { "none" }) {
                                a.sort href=(filter_query(&filter, Some(key), Some(next_dir), 0)) { (label) (arrow) }
                            }
                        }
                        th { "Sources" }
                    }
                }
                tbody {
                    @for i in &page.items {
                        tr {
                            td.nowrap { a.inc href={"/incidents/" (i.id)} { (date_label(i)) } }
                            td.nowrap { (type_label(i)) }
                            td { (place_label(i)) span.prec title={"place precision: " (precision_label(i.place.precision))} { " p" (i.place.precision) } }
                            td.n {
                                @match &i.figures.killed {
                                    Some(k) => { (fmt_range(k.low, k.best, k.high)) @if k.contested { span.flag title="sources disagree" { " ⚑" span.sr { " (sources disagree)" } } } }
                                    None => { span.muted { "—" } }
                                }
                            }
                            td { (grade_badge(i.grade)) }
                            td.n { (i.stories) }
                            td.outlets {
                                @let outlets: BTreeSet<&str> = i.sources.iter().filter_map(|s| s.outlet.as_deref()).collect();
                                @for (n, o) in outlets.iter().take(OUTLETS).enumerate() { @if n > 0 { ", " } (o) }
                                @if outlets.len() > OUTLETS { ", +" (outlets.len() - OUTLETS) }
                                @if i.sources.len() > 1 {
                                    " " a.nsrc href={"/incidents/" (i.id) "#sources"} title="every source, with its quote" { "(" (i.sources.len()) " sources)" }
                                }
                            }
                        }
                    }
                    @if page.items.is_empty() { tr { td colspan="7" { "No incident matches these filters." } } }
                }
            } }
            nav.pager aria-label="Pages" {
                @if page.offset > 0 {
                    a href=(filter_query(&filter, filter.sort, filter.dir.as_deref(), page.offset.saturating_sub(PAGE))) { "← newer page" }
                }
                @if page.offset + page.items.len() < page.total {
                    a href=(filter_query(&filter, filter.sort, filter.dir.as_deref(), page.offset + PAGE)) { "next page →" }
                }
            }
        }
        @if !snap.gaps.is_empty() {
            @let shown = &snap.gaps[snap.gaps.len().saturating_sub(GAPS)..];
            details.panel.gaps {
                @let c = snap.tally_checked;
                summary { h2 { "Reported totals against the ledger (" (snap.gaps.len()) (if snap.gaps.len() == 1 { " gap" } else { " gaps" }) " in " (c.figures) (if c.figures == 1 { " figure from " } else { " figures from " }) (c.tallies) (if c.tallies == 1 { " dated tally)" } else { " dated tallies)" }) } }
                p.note { "Cumulative totals outlets reported, next to the ledger's own running sum at the same date. A positive gap means the ledger is missing incidents (or the outlet counts differently). "
                    (c.agree) " of the " (c.figures) " figures compared agree with the ledger and are not listed; tallies dated only to a month or undated are not compared." }
                @if shown.len() < snap.gaps.len() {
                    p.note { "The " (shown.len()) " latest of " (snap.gaps.len()) " are shown; every one is in " a href="/api/tally-check" { "/api/tally-check" } "." }
                }
                div.scroll role="region" tabindex="0" aria-label="Table (scrolls sideways on a narrow screen)" { table.data {
                    thead { tr { th { "as of" } th { "figure" } th.n { "reported" } th.n { "ledger" } th.n { "gap" } th { "source" } } }
                    tbody {
                        @for g in shown {
                            tr {
                                td { (g.as_of) }
                                td { (g.field) }
                                td.n { (fmt_range(g.reported.low, g.reported.best, g.reported.high)) }
                                td.n { (g.ledger) @if let Some(v) = g.ledger_vessels { span.muted { " (" (v) " vessels)" } } }
                                td class=(if g.gap != 0 { "n gap" } else { "n" }) { @if g.gap > 0 { "+" } (g.gap) }
                                td { (gap_source(snap, g)) }
                            }
                        }
                    }
                } }
            }
        }
    };
    layout("The ledger", "ledger", body)
}

/// "31 incidents, showing 1–50", and a page past the end says so rather than "100000–99999".
fn count_line(total: usize, offset: usize, shown: usize) -> String {
    let noun = if total == 1 { "incident" } else { "incidents" };
    if shown == 0 && total > 0 {
        return format!("{total} {noun}; this page is past the last one");
    }
    if total > shown {
        return format!("{total} {noun}, showing {}–{}", offset + 1, offset + shown);
    }
    format!("{total} {noun}")
}

/// Where a reported total was read: the outlet's page when its URL is a web link, and always
/// the stored article (the outlet's name, or "article #N" when the outlet is unknown).
fn gap_source(snap: &Snapshot, g: &sw_ledger::TallyGap) -> Markup {
    let article = snap
        .ledger
        .tallies
        .iter()
        .find(|t| t.id == g.tally_id)
        .map(|t| t.source.article_id);
    let name = match (&g.outlet, article) {
        (Some(o), _) => o.clone(),
        (None, Some(a)) => format!("article #{a}"),
        (None, None) => "unknown outlet".into(),
    };
    html! {
        @match article {
            Some(a) => { a href={"/articles/" (a)} { (name) } }
            None => { (name) }
        }
        @if let Some(u) = g.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
            " " a.ext href=(u) rel="noopener noreferrer nofollow" { "original ↗" }
        }
    }
}

/// The cumulative chart, as SVG drawn on the server from a series (`series.rs`): the ledger's
/// running sums of strikes and deaths (steps, one a period), and the totals outlets reported
/// (one mark a period: the median, a line from the lowest to the highest), on a shared time
/// axis. Its size follows the time spanned, never the number of totals reported.
fn chart(t: &Series) -> Markup {
    let day = |d: &str| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    let dates: Vec<chrono::NaiveDate> = t.points.iter().filter_map(|p| day(&p.from)).collect();
    let (Some(&start), Some(&end)) = (dates.first(), dates.last()) else {
        return html! { p.note { "No dated incidents yet." } };
    };
    let end = end.max(start + chrono::Days::new(1));
    let span = (end - start).num_days() as f64;
    let (w, h, left, right, top, bottom) = (640.0, 150.0, 46.0, 12.0, 14.0, 22.0);
    let x = |d: chrono::NaiveDate| left + (d - start).num_days() as f64 / span * (w - left - right);
    let months: Vec<chrono::NaiveDate> = {
        let mut m = Vec::new();
        let mut d = chrono::NaiveDate::from_ymd_opt(
            chrono::Datelike::year(&start),
            chrono::Datelike::month(&start),
            1,
        )
        .unwrap_or(start);
        while d <= end {
            if d >= start {
                m.push(d);
            }
            d = d + chrono::Months::new(1);
        }
        let step = m.len().div_ceil(8).max(1);
        m.into_iter().step_by(step).collect()
    };
    let unit = t.unit;
    let panel = |title: &str,
                 class: &str,
                 what: &str,
                 ledger: Vec<(chrono::NaiveDate, i64)>,
                 reported: Vec<(chrono::NaiveDate, &Spread)>|
     -> Markup {
        let max = ledger
            .iter()
            .map(|p| p.1)
            .chain(reported.iter().map(|b| b.1.max))
            .max()
            .unwrap_or(1)
            .max(1) as f64;
        let max = nice(max);
        let y = |v: i64| top + (1.0 - v as f64 / max) * (h - top - bottom);
        let mut path = String::new();
        let mut last = 0;
        path.push_str(&format!("M{:.1},{:.1}", x(start), y(0)));
        for (d, v) in &ledger {
            path.push_str(&format!("H{:.1}V{:.1}", x(*d), y(*v)));
            last = *v;
        }
        path.push_str(&format!("H{:.1}", x(end)));
        let ticks = [0.0, max / 2.0, max];
        html! {
            svg class={"chart " (class)} viewBox={"0 0 " (w) " " (h)} role="img" aria-label=(title) {
                title { (title) }
                @for tv in ticks {
                    @let yy = y(tv as i64);
                    line.grid x1=(left) x2=(w - right) y1=(format!("{yy:.1}")) y2=(format!("{yy:.1}")) {}
                    text.ytick x=(left - 6.0) y=(format!("{:.1}", yy + 4.0)) { (tv as i64) }
                }
                @for m in &months {
                    text.xtick x=(format!("{:.1}", x(*m))) y=(h - 6.0) { (m.format("%b %Y")) }
                }
                text.ptitle x=(left + 4.0) y=(top + 10.0) { (title) }
                path.step d=(path) {}
                @if !ledger.is_empty() {
                    // over the line's last stretch, ending at the plot's right edge (anchored at its
                    // end in CSS), so a long figure is never cut by the SVG's edge on a phone
                    text.endlabel x=(format!("{:.1}", w - right)) y=(format!("{:.1}", y(last) - 5.0)) { (last) }
                }
                @for (from, b) in &reported {
                    @let cx = format!("{:.1}", x(*from));
                    @if b.min < b.max {
                        line.range x1=(cx) x2=(cx) y1=(format!("{:.1}", y(b.min))) y2=(format!("{:.1}", y(b.max))) {}
                    }
                    circle.reported cx=(cx) cy=(format!("{:.1}", y(b.median))) r="4.5" {
                        title { (spread_label(unit, *from, b, what)) }
                    }
                }
            }
        }
    };
    // the steps: a period's running sum, where it has incidents
    let steps = |total: fn(&crate::series::Point) -> i64, own: fn(&crate::series::Point) -> i64| {
        t.points
            .iter()
            .filter(|p| own(p) != 0)
            .filter_map(|p| Some((day(&p.from)?, total(p))))
            .collect::<Vec<_>>()
    };
    let lk = steps(|p| p.killed_total, |p| p.killed);
    let ls = steps(|p| p.strikes_total, |p| p.strikes);
    let reported = |figure: fn(&crate::series::Point) -> Option<&Spread>| {
        t.points
            .iter()
            .filter_map(|p| Some((day(&p.from)?, figure(p)?)))
            .collect::<Vec<_>>()
    };
    let rk = reported(|p| p.reported_killed.as_ref());
    let rs = reported(|p| p.reported_strikes.as_ref());
    let any_reported = !rk.is_empty() || !rs.is_empty();
    html! {
        figure #chart {
            (panel("Strikes, cumulative", "c-strikes", "strikes", ls, rs))
            (panel("Killed, cumulative (best figures)", "c-killed", "killed", lk, rk))
            figcaption {
                span.key.k-line { } " the ledger's running sum, a step a " (unit.name()) "   "
                @if any_reported {
                    span.key.k-point { } " totals outlets reported, one mark a " (unit.name()) ": the median, a line from the lowest to the highest (each mark's title gives how many totals it stands for)"
                }
                @if t.undated > 0 { br; (t.undated) (if t.undated == 1 { " incident is" } else { " incidents are" }) " not dated to a " (unit.name()) " and not in the chart." }
            }
        }
    }
}

/// What one mark of reported totals stands for, in words (its tooltip).
fn spread_label(unit: Unit, from: chrono::NaiveDate, s: &Spread, what: &str) -> String {
    let when = match unit {
        Unit::Day => from.format("%Y-%m-%d").to_string(),
        Unit::Week => format!("week of {}", from.format("%Y-%m-%d")),
        Unit::Month => from.format("%B %Y").to_string(),
    };
    if s.count == 1 {
        let by = s.outlet.as_deref().unwrap_or("an outlet");
        return format!("{when}: {} {what} reported by {by}", s.median);
    }
    format!(
        "{when}: {} totals reported, {what} {}–{} (median {})",
        s.count, s.min, s.max, s.median
    )
}

/// Strikes and killed (best figures) per month, as bars, from a monthly series: what the
/// cumulative chart hides (a quiet month, a deadly one).
fn monthly(series: &Series) -> Markup {
    let by: Vec<(String, i64, i64)> = series
        .points
        .iter()
        .filter(|p| p.strikes != 0 || p.killed != 0)
        .map(|p| {
            (
                p.from.get(..7).unwrap_or(&p.from).to_string(),
                p.strikes,
                p.killed,
            )
        })
        .collect();
    if by.is_empty() {
        return html! {};
    }
    let (w, h, left, top, bottom) = (640.0, 150.0, 46.0, 14.0, 22.0);
    let n = by.len() as f64;
    let slot = (w - left - 12.0) / n;
    let bar = (slot * 0.38).min(28.0);
    let max = nice(by.iter().map(|v| v.1.max(v.2)).max().unwrap_or(1).max(1) as f64);
    let y = |v: i64| top + (1.0 - v as f64 / max) * (h - top - bottom);
    let every = (by.len() as f64 / 8.0).ceil().max(1.0) as usize;
    html! {
        figure.monthly {
            svg.chart.c-monthly viewBox={"0 0 " (w) " " (h)} role="img" aria-label="Strikes and killed per month" {
                title { "Strikes and killed per month" }
                @for tv in [0.0, max / 2.0, max] {
                    @let yy = y(tv as i64);
                    line.grid x1=(left) x2=(w - 12.0) y1=(format!("{yy:.1}")) y2=(format!("{yy:.1}")) {}
                    text.ytick x=(left - 6.0) y=(format!("{:.1}", yy + 4.0)) { (tv as i64) }
                }
                text.ptitle x=(left + 4.0) y=(top + 10.0) { "Per month" }
                @for (k, (m, st, ki)) in by.iter().enumerate() {
                    @let x0 = left + slot * k as f64 + slot / 2.0;
                    rect.b-strikes x=(format!("{:.1}", x0 - bar)) y=(format!("{:.1}", y(*st))) width=(format!("{bar:.1}")) height=(format!("{:.1}", y(0) - y(*st))) {
                        title { (m) ": " (st) (if *st == 1 { " strike" } else { " strikes" }) }
                    }
                    rect.b-killed x=(format!("{x0:.1}")) y=(format!("{:.1}", y(*ki))) width=(format!("{bar:.1}")) height=(format!("{:.1}", y(0) - y(*ki))) {
                        title { (m) ": " (ki) " killed (best figures)" }
                    }
                    @if k % every == 0 {
                        text.xtick x=(format!("{x0:.1}")) y=(h - 6.0) { (m) }
                    }
                }
            }
            figcaption {
                span.key.k-bar-s {} " strikes   " span.key.k-bar-k {} " killed (best figures), per month of the incident's date"
            }
            table.sr {
                caption { "Strikes and killed per month" }
                thead { tr { th { "month" } th { "strikes" } th { "killed (best)" } } }
                tbody { @for (m, st, ki) in &by { tr { td { (m) } td { (st) } td { (ki) } } } }
            }
        }
    }
}

/// A round axis maximum at or above `v`.
fn nice(v: f64) -> f64 {
    let mag = 10f64.powf(v.log10().floor());
    for m in [1.0, 2.0, 4.0, 6.0, 8.0, 10.0] {
        if m * mag >= v {
            return m * mag;
        }
    }
    10.0 * mag
}

// ---------------------------------------------------------------- one incident

async fn incident(
    State(app): State<Arc<App>>,
    Path(id): Path<String>,
    PageQuery(p): PageQuery<Paging>,
) -> Response {
    let snap = app.snapshot();
    let Some(inc) = snap.incident(&id) else {
        if let Some(to) = crate::cite::moved(&app, &id).await {
            return crate::cite::redirect(&format!("/incidents/{to}"));
        }
        return not_found("No incident has this id. Incident ids look like inc-0123456789ab.");
    };
    // one page of sources: a much-covered incident has hundreds, each read from the store
    let offset = p.offset.unwrap_or(0).min(inc.sources.len());
    let shown = &inc.sources[offset..(offset + PAGE).min(inc.sources.len())];
    // the member reports, for the exact spans of their claims
    let wanted: HashMap<i64, i64> = shown.iter().map(|s| (s.report_id, s.article_id)).collect();
    let inc_id = inc.id.clone();
    let whole = inc.clone();
    let (reports, history, quotes) = match app
        .with_store(move |store| {
            let mut out: HashMap<i64, Report> = HashMap::new();
            let articles: BTreeSet<i64> = wanted.values().copied().collect();
            for a in articles {
                store.reports(
                    ReportFilter {
                        article: Some(a),
                        kind: None,
                        undated: false,
                    },
                    &mut |r| {
                        if wanted.contains_key(&r.id) {
                            if let Ok(rep) = serde_json::from_str::<Report>(&r.json) {
                                out.insert(r.id, rep);
                            }
                        }
                        true
                    },
                )?;
            }
            // its history (versions that changed it), with their publication times, and
            // what each version changed in it and why
            let history = sw_app::versions::history(store, &inc_id)?;
            let published: HashMap<i64, String> = if history.changes.is_empty() {
                HashMap::new()
            } else {
                store
                    .ledger_versions()?
                    .into_iter()
                    .map(|v| (v.version, v.published_at))
                    .collect()
            };
            let corrections = sw_app::versions::corrections(store, &history)?;
            // the sentence holding each value (not the report's anchor, often a headline)
            let quotes = sw_app::quotes::value_quotes(store, &whole)?;
            Ok((out, (history, published, corrections), quotes))
        })
        .await
    {
        Ok(r) => r,
        Err(e) => return server_error(e),
    };
    let body = html! {
        p.crumbs { a href="/" { "Ledger" } " › incident " code { (inc.id) } }
        h1 { (type_label(inc)) ", " (date_label(inc)) }
        p.summary { (crate::sentence::incident_summary(inc)) }
        p.meta {
            (grade_badge(inc.grade)) " "
            (inc.stories) " independent " (if inc.stories == 1 { "story" } else { "stories" }) " · "
            (inc.sources.len()) (if inc.sources.len() == 1 { " report · " } else { " reports · " })
            "place: " (place_label(inc)) " (precision " (inc.place.precision) ", " (precision_label(inc.place.precision)) ")"
            @if let Some(m) = &inc.means { " · means: " (m) }
            @if inc.denied { " · " strong { "a party denies it" } }
        }
        @if !inc.perpetrators.is_empty() || !inc.target_groups.is_empty() {
            p.meta {
                @if !inc.perpetrators.is_empty() { "By: " @for (n, a) in inc.perpetrators.iter().enumerate() { @if n > 0 { ", " } (a.name) } ". " }
                @if !inc.target_groups.is_empty() { "Target said to be: " @for (n, a) in inc.target_groups.iter().enumerate() { @if n > 0 { ", " } (a.name) @if a.alleged { " (alleged)" } } "." }
            }
        }
        @if let Some(r) = &inc.review { (review_panel(r)) }
        section.panel {
            h2 { "Figures" }
            @if IncidentFigures::FIELDS.iter().all(|&f| inc.figures.get(f).is_none()) { p.note { "No source gives a figure." } }
            @else {
                div.scroll role="region" tabindex="0" aria-label="Table (scrolls sideways on a narrow screen)" { table.data.figures {
                    thead { tr { th { "figure" } th.n { "low" } th.n { "best" } th.n { "high" } th { "why this best" } th { "every value claimed" } } }
                    tbody {
                        @for f in IncidentFigures::FIELDS {
                            @if let Some(fig) = inc.figures.get(f) {
                                tr class=[fig.contested.then_some("contested")] {
                                    td { (f) @if fig.contested { span.flag title="values disagree" { " ⚑ disputed" } } }
                                    td.n { (fig.low.map_or("—".into(), |v| v.to_string())) }
                                    td.n.best { (fig.best.map_or("—".into(), |v| v.to_string())) }
                                    td.n { (fig.high.map_or("—".into(), |v| v.to_string())) }
                                    td { (fig.basis.replace('_', " ")) }
                                    td { ul.values { @for v in &fig.values { li { (figure_value(f, v, &quotes, inc)) (value_quotes(f, v, &quotes, inc)) } } } }
                                }
                            }
                        }
                    }
                } }
            }
        }
        @if inc.dates.len() > 1 || inc.contested {
            section.panel.disagree {
                h2 { "Disagreements" }
                ul {
                    @if inc.dates.len() > 1 {
                        li { "Dates given: "
                            @for (n, d) in inc.dates.iter().enumerate() {
                                @if n > 0 { "; " }
                                (d.date.as_deref().unwrap_or("no date")) " (" (d.precision.as_str()) ", " (d.stories) " " (if d.stories == 1 { "story" } else { "stories" }) ")"
                            }
                        }
                    }
                    @for f in IncidentFigures::FIELDS {
                        @if let Some(fig) = inc.figures.get(f).filter(|x| x.contested) {
                            li { (f) ": "
                                @for (n, v) in fig.values.iter().enumerate() {
                                    @if n > 0 { " vs " }
                                    strong { (fmt_range(v.low, v.best, v.high)) } " (" (v.surfaces.join(", ")) ")"
                                }
                            }
                        }
                    }
                    @if inc.denied { li { "A party denies that it happened (see the sources)." } }
                }
            }
        }
        (sources_section(inc, offset, shown, &reports, &quotes))
        (history_section(&inc.id, &history.0, &history.1, &history.2))
        p { a href={"/api/incidents/" (inc.id)} { "This incident as JSON" } }
    };
    layout(&format!("Incident {}", inc.id), "ledger", body).into_response()
}

/// One page of an incident's sources (from the `offset`-th: `shown`), each with its quote and
/// its claims highlighted (from its report, when it could be read).
fn sources_section(
    inc: &Incident,
    offset: usize,
    shown: &[SourceRef],
    reports: &HashMap<i64, Report>,
    quotes: &[sw_app::quotes::ValueQuote],
) -> Markup {
    let total = inc.sources.len();
    let at = |o: usize| format!("/incidents/{}?offset={o}#sources", inc.id);
    html! {
        section.panel #sources {
            h2 { "Sources and supporting quotes" }
            @if shown.len() < total {
                p.count { (offset + 1) "–" (offset + shown.len()) " of " (total) " sources, earliest published first" }
            }
            ol.sources start=(offset + 1) {
                @for s in shown {
                    li.source #{"r" (s.report_id)} {
                        div.src-head {
                            strong { (s.outlet.as_deref().unwrap_or("unknown outlet")) }
                            " · " (s.published.as_deref().unwrap_or("undated")) " · " (s.lang)
                            " · attributed to " (source_label(s))
                            " · " a href={"/articles/" (s.article_id)} { "article #" (s.article_id) }
                            " " (ext_link(s.url.as_deref(), "original ↗"))
                        }
                        blockquote.quote lang=[quote_lang(&s.lang)] {
                            @match reports.get(&s.report_id) {
                                Some(r) => {
                                    @let base = r.sentence[0];
                                    @let spans = r.claims.iter().filter(|c| c.span[0] >= base && c.span[1] <= r.sentence[1]).map(|c| (c.span[0] - base, c.span[1] - base, claim_label(c), field_class(c.field.as_str()))).collect::<Vec<_>>();
                                    (highlight(&s.quote, spans))
                                }
                                None => { (s.quote) }
                            }
                        }
                        // a figure this report gives in another sentence than its anchor
                        @let mut seen: BTreeSet<&str> = BTreeSet::new();
                        @let more: Vec<&sw_app::quotes::ValueQuote> = quotes.iter().filter(|q| q.report_id == s.report_id && q.quote != s.quote && seen.insert(q.quote.as_str())).collect();
                        @for q in more {
                            @let (b, e) = q.span_in_quote();
                            blockquote.quote.figure lang=[quote_lang(&s.lang)] {
                                (highlight(&q.quote, vec![(b, e, format!("{}: {}", q.figure, fmt_range(q.low, q.best, q.high)), field_class(&q.figure))]))
                            }
                        }
                    }
                }
            }
            @if shown.len() < total {
                nav.pager aria-label="Pages" {
                    @if offset > 0 { a href=(at(offset.saturating_sub(PAGE))) { "← earlier sources" } }
                    @if offset + shown.len() < total { a href=(at(offset + PAGE)) { "later sources →" } }
                }
            }
        }
    }
}

/// A quote's `lang` attribute: its source's language code, or none when the language is not
/// one the extractor reads (`other` is no language tag; the page's own language applies).
fn quote_lang(lang: &str) -> Option<&str> {
    (!lang.is_empty() && lang != "other").then_some(lang)
}

/// The sentences that hold one value of a figure (each report's own claim of it, the number
/// marked), each once, linked to its claim in every article that holds it (an outlet named
/// once, its further articles numbered, as the value's own links): what a reader checks a
/// figure against. A source's anchor sentence below may be a headline without the number.
fn value_quotes(
    field: sw_model::Field,
    v: &FigureValue,
    quotes: &[sw_app::quotes::ValueQuote],
    inc: &Incident,
) -> Markup {
    type Q = sw_app::quotes::ValueQuote;
    /// An outlet's name and its reports giving the value in one sentence.
    type ByOutlet<'q> = Vec<(String, Vec<&'q Q>)>;
    let source = |rid: i64| inc.sources.iter().find(|s| s.report_id == rid);
    // each sentence once, with the reports giving the value in it, grouped by outlet
    let mut mine: Vec<(&Q, ByOutlet)> = Vec::new();
    for q in quotes.iter().filter(|q| {
        q.figure == field.as_str() && (q.low, q.best, q.high) == (v.low, v.best, v.high)
    }) {
        let outlet = source(q.report_id)
            .and_then(|s| s.outlet.clone())
            .unwrap_or_else(|| format!("article #{}", q.article_id));
        let at = match mine.iter().position(|(first, _)| first.quote == q.quote) {
            Some(at) => at,
            None => {
                mine.push((q, Vec::new()));
                mine.len() - 1
            }
        };
        let outlets = &mut mine[at].1;
        match outlets.iter_mut().find(|(o, _)| *o == outlet) {
            Some((_, rs)) => rs.push(q),
            None => outlets.push((outlet, vec![q])),
        }
    }
    // to the value's own claim in the article (the report's anchor is its first claim, often
    // in the headline)
    let href = |q: &Q| format!("/articles/{}#c{}", q.article_id, q.span[0]);
    html! {
        @if !mine.is_empty() {
            ul.vquotes aria-label={ "Sentences giving " (field) " " (fmt_range(v.low, v.best, v.high)) } {
                @for (q, outlets) in &mine {
                    @let (s, e) = q.span_in_quote();
                    li {
                        blockquote.vquote lang=[source(q.report_id).and_then(|s| quote_lang(&s.lang))] data-figure=(q.figure) {
                            (highlight(&q.quote, vec![(s, e, format!("{}: {}", q.figure, fmt_range(q.low, q.best, q.high)), field_class(&q.figure))]))
                        }
                        " — "
                        @for (n, (outlet, rs)) in outlets.iter().enumerate() {
                            @if n > 0 { ", " }
                            @for (k, r) in rs.iter().enumerate() {
                                @if k == 0 {
                                    a.claimlink href=(href(r)) title="the sentence in the article" { (outlet) }
                                } @else {
                                    " " a.claimlink href=(href(r)) title="the same sentence in another article of this outlet" { "[" (k + 1) "]" }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn figure_value(
    field: sw_model::Field,
    v: &FigureValue,
    quotes: &[sw_app::quotes::ValueQuote],
    inc: &Incident,
) -> Markup {
    let who: BTreeSet<String> = v
        .attributed_to
        .iter()
        .map(|a| match &a.name {
            Some(n) => format!("{n} ({})", a.kind.as_str().replace('_', " ")),
            None => a.kind.as_str().replace('_', " "),
        })
        .collect();
    let arts: BTreeSet<i64> = v.article_ids.iter().copied().collect();
    // the articles giving this value, grouped by outlet (first seen first)
    let mut by_outlet: Vec<(String, Vec<String>)> = Vec::new();
    for a in &arts {
        let source = inc
            .sources
            .iter()
            .find(|s| s.article_id == *a && v.report_ids.contains(&s.report_id))
            .or_else(|| inc.sources.iter().find(|s| s.article_id == *a));
        let outlet = source
            .and_then(|s| s.outlet.clone())
            .unwrap_or_else(|| format!("article #{a}"));
        // to this value's own claim in the article when its sentence is known (the report's
        // first claim, its anchor, is often in the headline), else to the report
        let claim = quotes.iter().find(|q| {
            q.article_id == *a
                && q.figure == field.as_str()
                && (q.low, q.best, q.high) == (v.low, v.best, v.high)
        });
        let href = match (claim, source) {
            (Some(q), _) => format!("/articles/{a}#c{}", q.span[0]),
            (None, Some(s)) => format!("/articles/{a}#r{}", s.report_id),
            (None, None) => format!("/articles/{a}"),
        };
        match by_outlet.iter_mut().find(|(o, _)| *o == outlet) {
            Some((_, links)) => links.push(href),
            None => by_outlet.push((outlet, vec![href])),
        }
    }
    html! {
        strong { (fmt_range(v.low, v.best, v.high)) }
        @if v.approx { " (approx.)" }
        " “" (v.surfaces.join("”, “")) "” · " (v.stories) " " (if v.stories == 1 { "story" } else { "stories" })
        @if v.acknowledged { " · " span.ack { "acknowledged by the perpetrator" } }
        " · " (who.into_iter().collect::<Vec<_>>().join(", "))
        " · "
        @for (n, (outlet, links)) in by_outlet.iter().enumerate() {
            @if n > 0 { ", " }
            // to the value's claim in the article's text, highlighted there; an outlet that
            // gave it in several articles is named once, its further articles numbered
            @for (k, href) in links.iter().enumerate() {
                @if k == 0 {
                    a.claimlink href=(href) title="the sentence in the article" { (outlet) }
                } @else {
                    " " a.claimlink href=(href) title="the same value in another article of this outlet" { "[" (k + 1) "]" }
                }
            }
        }
    }
}

// ---------------------------------------------------------------- articles

#[derive(Deserialize, Default)]
struct Paging {
    offset: Option<usize>,
}

async fn articles(State(app): State<Arc<App>>, PageQuery(p): PageQuery<Paging>) -> Response {
    let offset = p.offset.unwrap_or(0);
    let rows = match app
        .with_store(move |s| Ok((s.articles(PAGE, offset)?, s.counts()?.articles)))
        .await
    {
        Ok(r) => r,
        Err(e) => return server_error(e),
    };
    let (rows, total) = rows;
    let body = html! {
        h1 { "Articles" }
        p.count { (total) " articles stored" }
        div.scroll role="region" tabindex="0" aria-label="Table (scrolls sideways on a narrow screen)" { table.data {
            thead { tr { th { "#" } th { "published" } th { "outlet" } th { "lang" } th { "title" } } }
            tbody {
                @for a in &rows {
                    tr {
                        td.n { (a.id) }
                        td.nowrap { (a.published.as_deref().unwrap_or("—")) }
                        td { (a.outlet.as_deref().unwrap_or("—")) }
                        td { (a.lang) }
                        td lang=[quote_lang(&a.lang)] { a href={"/articles/" (a.id)} { (a.title.as_deref().unwrap_or("(untitled)")) } }
                    }
                }
            }
        } }
        nav.pager aria-label="Pages" {
            @if offset > 0 { a href={"/articles?offset=" (offset.saturating_sub(PAGE))} { "← previous" } }
            @if offset + rows.len() < total as usize { a href={"/articles?offset=" (offset + PAGE)} { "next →" } }
        }
    };
    layout("Articles", "articles", body).into_response()
}

async fn article(State(app): State<Arc<App>>, Path(id): Path<String>) -> Response {
    let Ok(id) = id.parse::<i64>() else {
        return not_found("No article has this id. Article ids are numbers, as in /articles/12.");
    };
    let got = app
        .with_store(move |store| sw_app::reports::article_with_reports(store, id))
        .await;
    let (row, reports) = match got {
        Ok(Some(x)) => (x.article, x.reports),
        Ok(None) => return not_found("No article has this id."),
        Err(e) => return server_error(e),
    };
    let snap = app.snapshot();
    // which incident each report joined
    let mut joined: HashMap<i64, &str> = HashMap::new();
    for i in &snap.ledger.incidents {
        for s in &i.sources {
            if s.article_id == id {
                joined.insert(s.report_id, &i.id);
            }
        }
    }
    let text = row.text.clone().unwrap_or_default();
    let spans: Vec<(usize, usize, String, String)> = reports
        .iter()
        .flat_map(|r| r.report.claims.iter())
        .map(|c| {
            (
                c.span[0],
                c.span[1],
                claim_label(c),
                field_class(c.field.as_str()),
            )
        })
        .collect();
    let claims = spans.len();
    // each report's first claim is its anchor (`#r12`): the incident page links values there
    let mut anchors: HashMap<usize, String> = HashMap::new();
    for r in &reports {
        if let Some(c) = r.report.claims.iter().min_by_key(|c| c.span[0]) {
            anchors
                .entry(c.span[0])
                .or_insert_with(|| format!("r{}", r.id));
        }
    }
    let title = row
        .title
        .clone()
        .unwrap_or_else(|| format!("Article #{id}"));
    let body = html! {
        p.crumbs { a href="/articles" { "Articles" } " › #" (row.id) }
        h1.article-title { (title) }
        p.meta {
            strong { (row.outlet.as_deref().unwrap_or("unknown outlet")) }
            " · " (row.published.as_deref().unwrap_or("undated")) " (" (row.published_basis) ")"
            " · " (row.lang) " · story " (row.story)
            " · " (ext_link(row.url.as_deref(), "original ↗"))
        }
        p.note { (claims) (if claims == 1 { " claim" } else { " claims" }) " from " (reports.len()) (if reports.len() == 1 { " report" } else { " reports" }) " highlighted, each labelled with its field and value." }
        article.text lang=(row.lang) { (highlight_anchored(&text, spans, Some(&anchors))) }
        section.panel {
            h2 { "Reports extracted from this article" }
            @if reports.is_empty() { p.note { "Nothing to report was found in this article." } }
            div.scroll role="region" tabindex="0" aria-label="Table (scrolls sideways on a narrow screen)" { table.data {
                thead { tr { th { "kind" } th { "type" } th { "modality" } th { "date" } th { "place" } th { "source" } th { "claims" } } }
                tbody {
                    @for sw_app::reports::ReportOut { id: rid, report: r, .. } in &reports {
                        tr {
                            td { (r.kind.as_str())
                                @if let Some(inc) = joined.get(rid) { br; a href={"/incidents/" (inc)} { "incident" } } }
                            td { (r.event_type.as_str()) }
                            td { (r.modality.as_str()) }
                            td.nowrap { (r.date.as_deref().unwrap_or("—")) " (" (r.date_precision.as_str()) ")" }
                            td { (r.place.as_ref().map(|p| p.name.clone()).unwrap_or_default()) }
                            td { (r.source.kind.as_str().replace('_', " ")) @if let Some(n) = &r.source.name { ": " (n) } }
                            td { ul.claims { @for c in &r.claims { li { span class={"chip " (field_class(c.field.as_str()))} { (claim_label(c)) } " “" (c.surface) "”" } } } }
                        }
                    }
                }
            } }
        }
        p { a href={"/api/articles/" (row.id)} { "This article as JSON" } }
    };
    layout(&title, "articles", body).into_response()
}

// ---------------------------------------------------------------- methodology

/// What each grade means, in the order the ledger decides it (the first that applies).
/// Kept beside `sw_ledger::Grade`'s own definitions; the test of this page checks that every
/// grade the ledger can give is explained.
const GRADE_DEFINITIONS: [(&str, &str); 5] = [
    ("contested", "A party to the event denies that it happened. This is checked first: a denial outweighs every other signal."),
    ("acknowledged", "An official source of the state that carried out the strike reports it: the perpetrator has owned it."),
    ("contested", "Otherwise, the sources give figures that cannot all be true (their ranges do not overlap), and no acknowledgment settles which is right."),
    ("corroborated", "Otherwise, two or more independent stories report it."),
    ("single_source", "Otherwise, one story reports it. It may be true; nobody else has confirmed it yet."),
];

/// Why a figure's best value is what it is (`basis` in the data).
const BASIS_DEFINITIONS: [(&str, &str); 5] = [
    ("acknowledged", "The perpetrator's own figure. When officials gave more than one, the one most stories repeat, then the newest (a correction replaces what it corrects)."),
    ("most_stories", "No official figure: the value the most independent stories give; ties go to a count over a vague word (\"at least seven\" over \"several\"), then to the value more named or official sources are quoted for, then to the newest, then to the smaller."),
    ("raised", "A toll told as raised (\"the death toll rose to four\") in news published after every report of the count the rules above would choose: the newest count of the dead, the perpetrator's earlier one included."),
    ("only_value", "Every source that gives a figure gives this one."),
    ("largest_count", "For vessels only: the largest count claimed, since a report of one boat may describe a single strike of an operation against several."),
];

async fn methodology() -> Response {
    let body = html! {
        h1 { "Methodology" }
        p.lede {
            "strikewatch reads news reports, finds each report of a strike or raid, and merges the reports of one event "
            "into an incident. It never adds information of its own: every figure below is a reported claim, and every "
            "claim links to the sentence it was read from. This page explains the labels the ledger uses."
        }
        section.panel #grades {
            h2 { "Grades: how well an incident is established" }
            p { "Each incident gets the first grade whose rule applies, read from top to bottom:" }
            ol.defs {
                @for (g, d) in GRADE_DEFINITIONS {
                    li { (grade_badge(grade_of(g))) " " (d) }
                }
            }
            p.note { "The filter “contested or disputed” on the ledger also lists incidents whose sources disagree on a figure even when an acknowledgment gives them a better grade: the disagreement is flagged ⚑ beside the figure." }
        }
        section.panel #best {
            h2 { "Low, best and high: why this best" }
            p {
                "Sources often disagree on a toll. The ledger keeps every value claimed, and reconciles them into a range: "
                strong { "low" } " is the lowest value anyone claimed, " strong { "high" } " the highest (none when a source says “at least”), and "
                strong { "best" } " one value chosen by a fixed rule, named on every figure:"
            }
            dl.defs {
                @for (b, d) in BASIS_DEFINITIONS {
                    dt { code { (b) } " (" (b.replace('_', " ")) ")" }
                    dd { (d) }
                }
            }
            p { "The headline sums add each incident's low, best and high separately. The totals outlets publish are shown beside them, never replaced by them: an outlet may count strikes per boat, include events the ledger has not seen, or be out of date." }
        }
        section.panel #stories {
            h2 { "Independent stories" }
            p {
                "Many outlets republish the same wire copy. Articles whose text is the same or nearly the same are grouped into one "
                strong { "story" } ", and a story counts once however many outlets carry it. “Two independent stories” therefore means two separately written reports, "
                "not the same report printed twice. The number of stories, not of articles, decides whether an incident is corroborated and which value is best."
            }
        }
        section.panel #precision {
            h2 { "Place precision codes" }
            p { "Each incident's place carries a code, shown as p1 to p5 in the table, saying how exactly the reporting located it:" }
            dl.defs {
                @for code in 1u8..=5 {
                    dt { "p" (code) }
                    dd { (precision_label(code)) }
                }
            }
            p.note { "Most strikes at sea are known only by their sea region (p4): the map draws them at the region's centre, which is not where the boat was." }
        }
        section.panel #dates {
            h2 { "Dates" }
            p { "An incident's date is a day when a source gives one (“on Tuesday” is resolved against the article's publication date), otherwise a week or a month; the window of days it may have happened in is kept, and a date filter keeps an incident whose window overlaps the dates chosen. When sources give different days, every date given is listed on the incident's page." }
        }
        section.panel #review {
            h2 { "Human review" }
            p {
                "Analysts can check what the machine read and record decisions: confirm an incident, reject it (not an event, a duplicate, out of scope), "
                "merge two incidents, split a report off, or set a figure, date, place or perpetrator with the source it rests on. "
                "Each decision names its author, time and reason and is kept for good in an append-only log; a later decision supersedes an earlier one and both stay. "
                "No new article, re-extraction or rebuild undoes a decision."
            }
            p {
                "A reviewed value replaces the machine's and is shown beside it, with the reviewer's reason, on the incident's page. "
                "A rejected incident leaves every total and table and is listed, with the decision, under "
                a href="/rejected" { "rejected incidents" } "."
            }
        }
        section.panel #limits {
            h2 { "What the ledger cannot tell" }
            ul {
                li { "It counts what was reported. An event nobody reported is not in it; an event reported wrongly is in it as reported, with the disagreement visible when another source differs." }
                li { "Reading is automatic and rule-based. A claim can be misread; the quote and the highlighted sentence beside each value are there so that a reader can check it." }
                li { "Plans, threats, orders and designations are developments, never incidents, and are never counted in the tolls." }
            }
        }
    };
    layout("Methodology", "methodology", body).into_response()
}

/// The ledger versions that changed an incident, oldest first: when it was first seen, each
/// revision (new reports changed a figure, date or place; a reviewer's decision), and the
/// incidents merged into it or split off it. Each links to what the version changed.
fn history_section(
    id: &str,
    h: &sw_app::versions::History,
    published: &HashMap<i64, String>,
    corrections: &[sw_app::versions::Correction],
) -> Markup {
    let at = |v: i64| published.get(&v).map_or("", |s| s.as_str()).to_string();
    // each version's correction is told once, under its first line
    let mut told: BTreeSet<i64> = BTreeSet::new();
    html! {
        @if !h.changes.is_empty() {
            section.panel #history {
                h2 { "History" }
                p.note {
                    "Every publication of the ledger is a numbered version. "
                    @if let Some(v) = h.first_seen { "First seen in version " (v) "; " }
                    @if let Some(v) = h.last_changed { "last changed in version " (v) ". " }
                    "What each version changed, figure by figure: " code { "strikewatch diff A B" } " or "
                    a href={"/api/changes?since=" (h.first_seen.unwrap_or(1) - 1)} { "/api/changes" } "."
                }
                ul {
                    @for c in &h.changes {
                        li {
                            "version " (c.version) " " span.muted { (at(c.version)) } ": "
                            @match (c.kind.as_str(), c.id == id) {
                                ("new", true) => { "first seen" }
                                ("revised", true) => { "revised" }
                                ("merged", false) => { "incident " code { (c.id) } " merged into it" }
                                ("merged", true) => { "merged into " @if let Some(o) = &c.other { a href={"/incidents/" (o)} { code { (o) } } } }
                                ("split", true) => { "reports split off into " @if let Some(o) = &c.other { a href={"/incidents/" (o)} { code { (o) } } } }
                                ("split", false) => { "split off " a href={"/incidents/" (c.id)} { code { (c.id) } } }
                                (k, _) => { (k) }
                            }
                            @if let Some(k) = corrections.iter().find(|k| k.version == c.version) {
                                @if told.insert(c.version) { (correction(k)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// What one version changed in an incident, value by value ("killed best 3 -> 5"), and why:
/// the reviewers' decisions (who, when, the reason) and the articles it added.
fn correction(c: &sw_app::versions::Correction) -> Markup {
    html! {
        ul.changes {
            @for r in &c.changes { li { (sw_app::versions::describe(r)) } }
        }
        @for d in &c.decisions {
            p.why {
                "Review decision (" (d.kind.replace('_', " ")) ") by " strong.reviewer { (d.author) }
                @if let Some(at) = &d.at { ", " span.muted { (at) } }
                @if let Some(r) = &d.reason { ": " (r) }
            }
        }
        @if !c.added.is_empty() {
            p.why {
                "New reporting: "
                @for (n, a) in c.added.iter().enumerate() {
                    @if n > 0 { ", " }
                    a href={"/articles/" (a.article_id)} { (a.outlet.as_deref().map_or_else(|| format!("article #{}", a.article_id), str::to_string)) }
                    @if let Some(p) = &a.published { " (" (p) ")" }
                }
            }
        }
    }
}

/// What review decided about an incident: its status, the values reviewers set beside the
/// machine's, regrouping and notes, each with author, time and reason.
fn review_panel(r: &sw_ledger::review::IncidentReview) -> Markup {
    let signed = |s: &sw_ledger::review::Signed| {
        html! { (s.author) ", " span.muted { (s.at) } ": " (s.reason) }
    };
    let value = |v: &str, machine: Option<String>, src: Option<&str>, by: Markup| {
        html! {
            tr {
                td.best { (v) }
                td { (machine.unwrap_or_else(|| "—".into())) }
                td { (src.unwrap_or("—")) }
                td { (by) }
            }
        }
    };
    let by = |author: &str, at: &str, reason: &str| {
        html! { (author) ", " span.muted { (at) } ": " (reason) }
    };
    html! {
        section.panel.reviewed #review {
            h2 { "Reviewed" }
            @if let Some(st) = &r.status {
                p {
                    strong { (st) }
                    @if let Some(w) = r.rejected_as { " as " (w.as_str().replace('_', " ")) }
                    @if let Some(d) = &r.duplicate_of { " of " a href={"/incidents/" (d)} { code { (d) } } }
                    @if let Some(s) = &r.status_by { " by " (signed(s)) }
                }
            }
            @if !r.figures.is_empty() || r.date.is_some() || r.place.is_some() || r.perpetrator.is_some() {
                div.scroll role="region" tabindex="0" aria-label="Table (scrolls sideways on a narrow screen)" { table.data {
                    thead { tr { th { "what" } th { "reviewed value" } th { "machine value" } th { "rests on" } th { "by, when, why" } } }
                    tbody {
                        @for f in &r.figures {
                            @let v = &f.reviewed;
                            tr {
                                td { (f.field) }
                                (value(&v.value.to_string(), v.machine.map(|m| m.to_string()), v.source.as_deref(), by(&v.author, &v.at, &v.reason)))
                            }
                        }
                        @for (what, v) in [("date", &r.date), ("place", &r.place), ("perpetrator", &r.perpetrator)] {
                            @if let Some(v) = v {
                                tr {
                                    td { (what) }
                                    (value(&v.value, v.machine.clone(), v.source.as_deref(), by(&v.author, &v.at, &v.reason)))
                                }
                            }
                        }
                    }
                } }
            }
            @if !r.regrouped_by.is_empty() {
                p { "Reports regrouped by a reviewer (merge or split): " }
                ul { @for s in &r.regrouped_by { li { (signed(s)) } } }
            }
            @if !r.notes.is_empty() {
                p { "Notes:" }
                ul { @for s in &r.notes { li { (signed(s)) } } }
            }
        }
    }
}

fn grade_of(g: &str) -> sw_ledger::Grade {
    match g {
        "acknowledged" => sw_ledger::Grade::Acknowledged,
        "corroborated" => sw_ledger::Grade::Corroborated,
        "single_source" => sw_ledger::Grade::SingleSource,
        _ => sw_ledger::Grade::Contested,
    }
}

// ---------------------------------------------------------------- developments and search

async fn developments(State(app): State<Arc<App>>, PageQuery(p): PageQuery<Paging>) -> Response {
    let snap = app.snapshot();
    let all = &snap.ledger.developments;
    let offset = p.offset.unwrap_or(0).min(all.len());
    let items = &all[offset..(offset + PAGE).min(all.len())];
    let body = html! {
        h1 { "Developments" }
        p.lede { "Plans, proposals, threats, orders, designations, deployments and legal findings, each with its modality. They are never counted as incidents." }
        p.count { (all.len()) " developments" }
        div.scroll role="region" tabindex="0" aria-label="Table (scrolls sideways on a narrow screen)" { table.data {
            thead { tr { th { "date" } th { "type" } th { "modality" } th { "actors" } th { "quote" } th { "source" } } }
            tbody {
                @for d in items {
                    tr {
                        td.nowrap { (d.date.as_deref().unwrap_or("—")) }
                        td { (d.event_type.as_str()) }
                        td { span class={"modality m-" (d.modality.as_str())} { (d.modality.as_str()) } }
                        td { @for (n, a) in d.actors.iter().enumerate() { @if n > 0 { ", " } (a.name) } }
                        td.quote-cell lang=(d.source.lang) { (d.source.quote) }
                        td { a href={"/articles/" (d.source.article_id)} { (d.source.outlet.as_deref().unwrap_or("article")) } br; span.muted { (source_label(&d.source)) } }
                    }
                }
            }
        } }
        nav.pager aria-label="Pages" {
            @if offset > 0 { a href={"/developments?offset=" (offset.saturating_sub(PAGE))} { "← previous" } }
            @if offset + items.len() < all.len() { a href={"/developments?offset=" (offset + PAGE)} { "next →" } }
        }
    };
    layout("Developments", "developments", body).into_response()
}

#[derive(Deserialize, Default)]
struct SearchQuery {
    q: Option<String>,
    offset: Option<usize>,
}

async fn search(
    State(app): State<Arc<App>>,
    PageQuery(p): PageQuery<SearchQuery>,
    PageQuery(filter): PageQuery<crate::searchfilter::SearchFilter>,
) -> Response {
    let q = p.q.unwrap_or_default();
    let offset = p.offset.unwrap_or(0);
    // a page is lenient: a date it cannot read is said, and left out
    let mut filter = filter.normalized();
    let notes: Vec<String> = filter
        .problems()
        .into_iter()
        .map(|p| format!("{p}; it was ignored"))
        .collect();
    for d in [&mut filter.from, &mut filter.to] {
        if d.as_deref().is_some_and(|v| !valid_date(v)) {
            *d = None;
        }
    }
    let got = if q.trim().is_empty() {
        Ok(crate::searchfilter::Found {
            hits: Vec::new(),
            total: 0,
            more: false,
        })
    } else {
        app.search_filtered(q.clone(), &filter, PAGE, offset).await
    };
    // a query that cannot be searched is said why, above the search box to change it
    let (found, problem) = match got {
        Ok(f) => (f, None),
        Err(SearchError::Refused(why)) => (
            crate::searchfilter::Found {
                hits: vec![],
                total: 0,
                more: false,
            },
            Some((StatusCode::UNPROCESSABLE_ENTITY, why)),
        ),
        Err(SearchError::Busy) => {
            let why = "Too many searches are running: try again in a moment.".to_string();
            (
                crate::searchfilter::Found {
                    hits: vec![],
                    total: 0,
                    more: false,
                },
                Some((StatusCode::SERVICE_UNAVAILABLE, why)),
            )
        }
        Err(SearchError::Failed(e)) => return server_error(e),
    };
    let (hits, total) = (&found.hits, found.total);
    let outlets = &app.snapshot().choices.outlets;
    let keep = filter.query();
    let ranked = sw_store::search::RANKED;
    let body = html! {
        h1 { "Search articles" }
        form.bigsearch action="/search" method="get" role="search" aria-label="Search articles, with filters" {
            input type="search" name="q" value=(q) placeholder="e.g. lancha Caribe, survivors, Culiacán" aria-label="Search articles";
            button type="submit" { "Search" }
            div.filters.searchfilters {
                label { "Published from " input type="date" name="from" value=[filter.from.as_deref()]; }
                label { "to " input type="date" name="to" value=[filter.to.as_deref()]; }
                label { "Language "
                    select name="lang" {
                        option value="" { "any" }
                        @for l in ["en", "es"] {
                            option value=(l) selected[filter.lang.as_deref() == Some(l)] { (lang_name(l)) }
                        }
                    }
                }
                label { "Outlet "
                    input type="text" name="outlet" list="outlet-names" value=[filter.outlet.as_deref()] autocomplete="off";
                }
                datalist #outlet-names { @for (o, _) in outlets { option value=(o) {} } }
            }
        }
        p.note { "Every word must appear (accents optional); end a word with * to match its beginning (interdic*)." }
        @for n in &notes { p.warn { (n) } }
        @if let Some((_, why)) = &problem {
            p.problem role="alert" { (why) }
        } @else if !q.trim().is_empty() {
            @if filter.is_empty() && found.more {
                p.count { "More than " (ranked) " articles match; the " (ranked) " most recent are ranked here. Add words to narrow the search." }
            } @else if found.more {
                p.count { (total) (if total == 1 { " article" } else { " articles" }) " of the " (ranked) " most recent matches pass the filters; older matches were not looked at. Add words to narrow the search." }
            } @else {
                p.count { (total) (if total == 1 { " article matches" } else { " articles match" }) @if !filter.is_empty() { " with these filters" } }
            }
            ol.hits {
                @for h in hits.iter() {
                    li {
                        a href={"/articles/" (h.id)} lang=[quote_lang(&h.lang)] { (h.title.as_deref().unwrap_or("(untitled)")) }
                        div.muted { (h.outlet.as_deref().unwrap_or("unknown outlet")) " · " (h.published.as_deref().unwrap_or("undated")) " · " (h.lang) }
                        p.snippet lang=[quote_lang(&h.lang)] { (snippet(&h.snippet)) }
                    }
                }
            }
            nav.pager aria-label="Pages" {
                @if offset > 0 { a href={"/search?q=" (enc(&q)) (keep) "&offset=" (offset.saturating_sub(PAGE))} { "← previous" } }
                @if offset + hits.len() < total.min(ranked) { a href={"/search?q=" (enc(&q)) (keep) "&offset=" (offset + PAGE)} { "next →" } }
            }
        }
    };
    let status = problem.map_or(StatusCode::OK, |(status, _)| status);
    (status, layout("Search", "", body)).into_response()
}

/// A search snippet with its match markers turned into highlights (the text is escaped).
fn snippet(s: &str) -> Markup {
    use sw_store::search::{MATCH_END, MATCH_START};
    let mut parts = Vec::new();
    for (n, chunk) in s.split(MATCH_START).enumerate() {
        if n == 0 {
            parts.push(html! { (chunk.replace(MATCH_END, "")) });
            continue;
        }
        let (hit, rest) = chunk.split_once(MATCH_END).unwrap_or((chunk, ""));
        parts.push(html! { mark.hit { (hit) } (rest.replace(MATCH_END, "")) });
    }
    html! { @for p in parts { (p) } }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_like_the_codebook() {
        assert_eq!(fmt_range(Some(11), Some(11), Some(11)), "11");
        assert_eq!(fmt_range(Some(65), Some(65), None), "≥ 65");
        assert_eq!(fmt_range(None, Some(19), Some(19)), "≤ 19");
        assert_eq!(fmt_range(None, Some(75), None), "~75");
        assert_eq!(fmt_range(Some(3), None, Some(5)), "3–5");
        assert_eq!(fmt_range(None, None, None), "—");
    }

    #[test]
    fn highlights_escape_text_and_skip_overlaps() {
        let t = "a <b> killed 3";
        let m = highlight(
            t,
            vec![
                (2, 5, "x".into(), "f".into()),
                (3, 4, "y".into(), "f".into()),
                (13, 14, "killed: 3".into(), "f".into()),
            ],
        )
        .into_string();
        assert!(m.contains("&lt;b&gt;"));
        assert!(!m.contains("<b>"));
        assert_eq!(m.matches("<mark").count(), 2);
    }

    #[test]
    fn only_web_urls_become_links() {
        let m = ext_link(Some("javascript:alert(1)"), "x").into_string();
        assert!(!m.contains("<a") && m.contains("javascript:alert(1)"));
        assert!(ext_link(Some("https://a.example/"), "x")
            .into_string()
            .starts_with("<a"));
    }

    #[test]
    fn a_quote_is_tagged_only_with_a_language_code() {
        assert_eq!(quote_lang("es"), Some("es"));
        assert_eq!(quote_lang("en"), Some("en"));
        assert_eq!(quote_lang("other"), None);
        assert_eq!(quote_lang(""), None);
    }

    #[test]
    fn an_incident_page_shows_one_page_of_its_sources() {
        let i = crate::listed::sample_incident(120, 0);
        let page = sources_section(&i, 50, &i.sources[50..100], &HashMap::new(), &[]).into_string();
        assert!(page.contains("51–100 of 120 sources"), "{page}");
        assert!(page.contains("start=\"51\""));
        assert_eq!(page.matches("<li class=\"source\"").count(), 50);
        assert!(page.contains("?offset=0#sources") && page.contains("?offset=100#sources"));
        assert!(!page.contains("quote 100") && page.contains("quote 99"));
        // a short list has no pager
        let i = crate::listed::sample_incident(3, 0);
        let page = sources_section(&i, 0, &i.sources, &HashMap::new(), &[]).into_string();
        assert!(!page.contains("pager") && page.contains("quote 2"));
    }
}
