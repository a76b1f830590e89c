//! Static files, compiled into the binary: the stylesheet, the scripts, and the vendored
//! front-end libraries and map data (`assets/vendor/`, refreshed by `web/vendor.sh`).

use std::sync::Arc;

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use crate::App;

/// (path under /static/, content type, bytes)
const FILES: &[(&str, &str, &[u8])] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/app.css"),
    ),
    (
        "app.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/app.js"),
    ),
    (
        "map.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/map.js"),
    ),
    (
        "vendor/leaflet.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/vendor/leaflet.js"),
    ),
    (
        "vendor/leaflet.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/vendor/leaflet.css"),
    ),
    (
        "vendor/leaflet.markercluster.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/vendor/leaflet.markercluster.js"),
    ),
    (
        "vendor/MarkerCluster.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/vendor/MarkerCluster.css"),
    ),
    (
        "vendor/LICENSE-leaflet.markercluster",
        "text/plain; charset=utf-8",
        include_bytes!("../assets/vendor/LICENSE-leaflet.markercluster"),
    ),
    (
        "vendor/countries-110m.geojson",
        "application/geo+json",
        include_bytes!("../assets/vendor/countries-110m.geojson"),
    ),
    (
        "vendor/LICENSE-leaflet",
        "text/plain; charset=utf-8",
        include_bytes!("../assets/vendor/LICENSE-leaflet"),
    ),
    (
        "vendor/LICENSE-world-atlas",
        "text/plain; charset=utf-8",
        include_bytes!("../assets/vendor/LICENSE-world-atlas"),
    ),
];

pub fn routes() -> Router<Arc<App>> {
    Router::new().route("/static/{*path}", get(file))
}

async fn file(Path(path): Path<String>) -> Response {
    match FILES.iter().find(|(p, _, _)| *p == path) {
        Some((_, mime, bytes)) => (
            [
                (header::CONTENT_TYPE, *mime),
                (header::CACHE_CONTROL, "public, max-age=3600"),
            ],
            *bytes,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "no such file\n").into_response(),
    }
}
