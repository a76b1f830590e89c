//! The layers every request passes: read-only methods, bounded requests, a rate limit per
//! client address, capped concurrency, a time limit, and security headers on every response.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::body::Body;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tower_http::set_header::SetResponseHeaderLayer;

use crate::Options;

/// Scripts, styles, images and data from this server only; no inline script or style, no
/// plugins, no framing, forms only to this server.
pub const CSP: &str =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// The longest URI accepted (path and query).
pub const MAX_URI: usize = 2048;
/// The largest request body accepted: none is needed, since nothing is written.
pub const MAX_BODY: usize = 1024;

pub fn layers(router: Router, options: &Options) -> Router {
    let limiter = Arc::new(Limiter::new(options.rate_limit));
    let hdr = |name: &'static str, value: &'static str| {
        SetResponseHeaderLayer::overriding(
            header::HeaderName::from_static(name),
            HeaderValue::from_static(value),
        )
    };
    router
        // an unchanged page or list is answered 304 to a client that has it (the tag is of
        // the uncompressed body), and what is sent is compressed when the client accepts it
        .layer(middleware::from_fn(etag))
        .layer(tower_http::compression::CompressionLayer::new())
        .layer(tower_http::limit::RequestBodyLimitLayer::new(MAX_BODY))
        .layer(middleware::from_fn_with_state(limiter, rate_limit))
        .layer(middleware::from_fn_with_state(
            options.review.is_some(),
            read_only,
        ))
        .layer(tower::limit::GlobalConcurrencyLimitLayer::new(
            options.max_concurrent.max(1),
        ))
        // a request waiting (for a turn, for the store) longer than this is answered 503;
        // what it started on a blocking thread finishes there (a search within its budget)
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            options.request_timeout,
        ))
        .layer(hdr("content-security-policy", CSP))
        .layer(hdr("x-content-type-options", "nosniff"))
        .layer(hdr("referrer-policy", "no-referrer"))
        .layer(hdr("x-frame-options", "DENY"))
        .layer(hdr("cross-origin-opener-policy", "same-origin"))
}

/// Only GET and HEAD exist: anything else is a write, answered 405 wherever it is aimed;
/// overlong URIs are answered 414.
async fn read_only(State(review): State<bool>, req: Request, next: Next) -> Response {
    // with `serve --review`, the review forms post to `/review/...` (their own checks in
    // review.rs); nothing else is ever written
    let review_post =
        review && req.method() == Method::POST && req.uri().path().starts_with("/review/");
    if req.method() != Method::GET && req.method() != Method::HEAD && !review_post {
        let mut r = (
            StatusCode::METHOD_NOT_ALLOWED,
            "strikewatch serve is read-only: only GET and HEAD are allowed\n",
        )
            .into_response();
        r.headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return r;
    }
    let len = req.uri().path().len() + req.uri().query().map_or(0, str::len);
    if len > MAX_URI {
        return (StatusCode::URI_TOO_LONG, "the request URI is too long\n").into_response();
    }
    next.run(req).await
}

/// The largest body given an ETag: bodies are built in memory already (pages, lists,
/// exports); past this an export is sent without a tag rather than hashed twice.
const MAX_TAGGED: usize = 64 << 20;

/// Tags every successful GET or HEAD answer with a weak ETag (a hash of its body: weak, since
/// the compressed and plain forms differ in bytes, not in meaning) and answers 304 Not
/// Modified, with no body, when the request's `If-None-Match` holds that tag. Responses are
/// rendered from the snapshot, so the tag changes exactly when the ledger or the store does.
async fn etag(req: Request, next: Next) -> Response {
    let wanted = req.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(req).await;
    if response.status() != StatusCode::OK || response.headers().contains_key(header::ETAG) {
        return response;
    }
    // only a body of known, bounded size is read here: anything else passes untagged
    let size = axum::body::HttpBody::size_hint(response.body()).exact();
    if size.is_none_or(|n| n > MAX_TAGGED as u64) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_TAGGED).await {
        Ok(b) => b,
        Err(e) => {
            tracing::warn!("cannot read a response to tag it: {e}");
            return (StatusCode::INTERNAL_SERVER_ERROR, "the response failed\n").into_response();
        }
    };
    let tag = {
        use sha2::Digest;
        let d = sha2::Sha256::digest(&bytes);
        let hex: String = d[..12].iter().map(|b| format!("{b:02x}")).collect();
        format!("W/\"{hex}\"")
    };
    let matches = wanted
        .as_ref()
        .and_then(|w| w.to_str().ok())
        .is_some_and(|w| {
            w.split(',').any(|t| {
                let t = t.trim();
                t == "*" || t.trim_start_matches("W/") == tag.trim_start_matches("W/")
            })
        });
    if let Ok(v) = HeaderValue::from_str(&tag) {
        parts.headers.insert(header::ETAG, v);
    }
    if matches {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(header::CONTENT_LENGTH);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// A token bucket per client address.
pub struct Limiter {
    per_second: f64,
    buckets: Mutex<HashMap<IpAddr, (f64, Instant)>>,
}

impl Limiter {
    fn new(per_second: u32) -> Limiter {
        Limiter {
            per_second: per_second as f64,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    fn allow(&self, ip: IpAddr) -> bool {
        if self.per_second <= 0.0 {
            return true;
        }
        let burst = self.per_second * 2.0;
        let now = Instant::now();
        let mut b = self.buckets.lock().expect("limiter lock");
        if b.len() > 10_000 {
            // forget idle clients rather than grow without bound
            b.retain(|_, (_, t)| now.duration_since(*t).as_secs() < 10);
        }
        let (tokens, last) = b.entry(ip).or_insert((burst, now));
        *tokens = (*tokens + now.duration_since(*last).as_secs_f64() * self.per_second).min(burst);
        *last = now;
        if *tokens >= 1.0 {
            *tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

async fn rate_limit(State(limiter): State<Arc<Limiter>>, req: Request, next: Next) -> Response {
    let ip = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    if let Some(ip) = ip {
        if !limiter.allow(ip) {
            let mut r = Response::new(Body::from("too many requests: slow down\n"));
            *r.status_mut() = StatusCode::TOO_MANY_REQUESTS;
            r.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
            return r;
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::routing::get;
    use std::time::Duration;
    use tower::ServiceExt;

    #[tokio::test]
    async fn a_request_past_its_time_limit_is_answered_503() {
        let slow = Router::new().route(
            "/slow",
            get(|| async {
                tokio::time::sleep(Duration::from_secs(30)).await;
                "late"
            }),
        );
        let options = Options {
            request_timeout: Duration::from_millis(100),
            ..Default::default()
        };
        let t = Instant::now();
        let req = Request::get("/slow").body(Body::empty()).unwrap();
        let r = layers(slow, &options).oneshot(req).await.unwrap();
        assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
        assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    }
}
