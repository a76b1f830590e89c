//! The headline figures of a ledger (counts, killed as low, best and high, the period, the
//! latest total an outlet reported), shared by the web app's home page and the CLI's demo so
//! that both say the same.

use serde::Serialize;
use sw_model::EventType;

use crate::Ledger;

/// The figures at the top of `/`.
#[derive(Serialize, Clone, Debug, Default)]
pub struct Summary {
    pub incidents: usize,
    pub strikes: usize,
    /// Incidents of violence by non-state groups (`attack`): shown apart, their dead never
    /// counted in the killed sums below, which are those of strikes and raids.
    pub attacks: usize,
    /// Sum over incidents of the lowest killed figure claimed.
    pub killed_low: i64,
    /// Sum over incidents of the reconciled best killed figure.
    pub killed_best: i64,
    /// Sum of the highest killed figures; null when some incident's figure has no upper
    /// bound ("at least 3").
    pub killed_high: Option<i64>,
    pub incidents_without_killed: usize,
    pub first_date: Option<String>,
    pub last_date: Option<String>,
    /// The newest publication date among every source of the ledger.
    pub latest_report: Option<String>,
    pub tallies: usize,
    pub developments: usize,
    /// The latest killed total an outlet reported (newest as-of day; then the newest
    /// publication; then the largest), shown beside the ledger's own range so that neither
    /// reads as the one true number.
    pub latest_total: Option<LatestTotal>,
}

/// A cumulative killed total as one outlet reported it, with where it was read.
#[derive(Serialize, Clone, Debug)]
pub struct LatestTotal {
    pub as_of: String,
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
    pub outlet: Option<String>,
    pub article_id: i64,
    pub url: Option<String>,
    pub quote: String,
}

/// The headline figures of a ledger: what `/` shows at its top and `demo` prints first.
pub fn summarize(l: &Ledger) -> Summary {
    let mut s = Summary {
        incidents: l.incidents.len(),
        tallies: l.tallies.len(),
        developments: l.developments.len(),
        killed_high: Some(0),
        ..Summary::default()
    };
    for i in &l.incidents {
        if i.event_type == EventType::Strike {
            s.strikes += 1;
        }
        if i.event_type == EventType::Attack {
            s.attacks += 1;
            continue;
        }
        match &i.figures.killed {
            Some(k) => {
                let r = k.range();
                s.killed_low += r.low.or(r.best).unwrap_or(0);
                s.killed_best += r.point().unwrap_or(0);
                s.killed_high = match (s.killed_high, r.high) {
                    (Some(h), Some(x)) => Some(h + x),
                    _ => None,
                };
            }
            None => s.incidents_without_killed += 1,
        }
        if let Some(d) = i
            .date
            .as_deref()
            .or(i.window.as_ref().map(|w| w[0].as_str()))
        {
            if s.first_date.as_deref().is_none_or(|f| d < f) {
                s.first_date = Some(d.to_string());
            }
            if s.last_date.as_deref().is_none_or(|f| d > f) {
                s.last_date = Some(d.to_string());
            }
        }
    }
    let published = l
        .incidents
        .iter()
        .flat_map(|i| i.sources.iter())
        .chain(l.tallies.iter().map(|t| &t.source))
        .chain(l.developments.iter().map(|d| &d.source))
        .filter_map(|s| s.published.as_deref());
    s.latest_report = published
        .max()
        .map(|p| p.get(..10).unwrap_or(p).to_string());
    s.latest_total = l
        .tallies
        .iter()
        .filter_map(|t| {
            Some((
                t.as_of.as_deref().filter(|d| d.len() == 10)?,
                t.killed.as_ref()?,
                t,
            ))
        })
        .max_by(|a, b| {
            (a.0, &a.2.source.published, a.1.point()).cmp(&(
                b.0,
                &b.2.source.published,
                b.1.point(),
            ))
        })
        .map(|(as_of, k, t)| LatestTotal {
            as_of: as_of.to_string(),
            low: k.low,
            best: k.best,
            high: k.high,
            outlet: t.source.outlet.clone(),
            article_id: t.source.article_id,
            url: t.source.url.clone(),
            quote: t.source.quote.clone(),
        });
    s
}
