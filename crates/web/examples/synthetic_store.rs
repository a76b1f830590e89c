//! Writes a store whose ledger rows hold N synthetic incidents (default 100,000), for the
//! load benchmark in BENCHMARKS.md:
//!
//!     cargo run --release -p sw-web --example synthetic_store -- /tmp/big.db 100000
//!     strikewatch --db /tmp/big.db serve --rate-limit 0
//!
//! The incidents are made up (ids, dates, places, figures and quotes cycle through fixed
//! patterns); they only give the server a ledger of realistic shape and size.

use serde_json::json;
use sw_ledger::Ledger;
use sw_store::{SqliteStore, Store};

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let path = args.next().unwrap_or_else(|| "synthetic.db".into());
    let n: usize = args
        .next()
        .map(|s| s.parse())
        .transpose()?
        .unwrap_or(100_000);
    let regions = [
        ("Caribbean Sea", "caribbean", 15.0, -75.0),
        ("eastern Pacific", "eastern_pacific", 10.0, -95.0),
        ("Gulf of Mexico", "gulf_of_mexico", 25.0, -90.0),
    ];
    let grades = ["acknowledged", "corroborated", "single_source", "contested"];
    let outlets = [
        "Coastline Wire",
        "Meridian Post",
        "Diario del Istmo",
        "Noticias Bahía",
    ];
    let start = chrono::NaiveDate::from_ymd_opt(2025, 9, 1).unwrap();
    let mut incidents = Vec::with_capacity(n);
    for i in 0..n {
        let date = (start + chrono::Days::new((i % 900) as u64)).to_string();
        let (region, code, lat, lon) = regions[i % regions.len()];
        let killed = (i % 11) as i64;
        let source = |k: usize| {
            let outlet = outlets[(i + k) % outlets.len()];
            json!({
                "report_id": i * 2 + k, "article_id": i * 2 + k, "story_id": i * 2 + k,
                "url": format!("https://example.org/{outlet}/{i}/{k}"), "outlet": outlet,
                "published": date, "lang": if k == 0 { "en" } else { "es" },
                "attributed_to": { "kind": "official", "name": "U.S. Southern Command" },
                "quote": format!("U.S. forces struck a boat in the {region}, killing {killed} people, Southern Command said.")
            })
        };
        let value = json!({
            "low": killed, "best": killed, "high": killed, "approx": false, "surfaces": [killed.to_string()],
            "acknowledged": true, "stories": 2, "report_ids": [i * 2, i * 2 + 1],
            "article_ids": [i * 2, i * 2 + 1],
            "attributed_to": [{ "kind": "official", "name": "U.S. Southern Command" }],
            "last_published": date
        });
        incidents.push(json!({
            "id": format!("inc-{:012x}", i * 2654435761 % (1usize << 48)),
            "event_type": "strike", "target_kind": "vessel", "means": "unknown", "modality": "occurred",
            "date": date, "date_precision": "day", "window": [date, date],
            "dates": [{ "date": date, "precision": "day", "report_ids": [i * 2, i * 2 + 1], "stories": 2 }],
            "place": { "name": region, "country": null, "region": region, "region_code": code, "admin1": null,
                       "lat": lat + (i % 7) as f64 * 0.5, "lon": lon + (i % 5) as f64 * 0.5, "precision": 4 },
            "figures": {
                "killed": { "low": killed, "best": killed, "high": killed, "contested": false, "basis": "acknowledged", "values": [value] },
                "injured": null, "survivors": null, "missing": null, "detained": null, "vessels": null
            },
            "contested": false, "denied": false, "grade": grades[i % grades.len()], "stories": 2,
            "perpetrators": [{ "name": "U.S. Southern Command", "alleged": false }], "target_groups": [],
            "sources": [source(0), source(1)], "attached_report_ids": []
        }));
    }
    let ledger: Ledger = serde_json::from_value(json!({
        "incidents": incidents, "tallies": [], "developments": []
    }))?;
    let mut store = SqliteStore::open(std::path::Path::new(&path))?;
    let generation = store.reports_generation()?;
    store.put_ledger(generation, &serde_json::to_string(&ledger)?)?;
    println!("wrote {n} incidents to the ledger of {path} (generation {generation})");
    Ok(())
}
