//! What the pages and the API serve from memory: the ledger of one reports generation, with
//! the lookups, orders, sums and series computed once when it is loaded, so that `/` and
//! `/api/incidents` never touch the store.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
use sw_ledger::{Grade, Incident, Ledger, TallyGap};
use sw_model::{DatePrecision, EventType};

/// The ledger and everything derived from it.
pub struct Snapshot {
    pub generation: i64,
    /// The published ledger version this is (none when computed in memory from reports no
    /// writer has published yet): cited on every page and answer (`cite.rs`).
    pub version: Option<sw_store::LedgerVersion>,
    pub ledger: Ledger,
    pub by_id: HashMap<String, usize>,
    pub summary: Summary,
    pub timeline: Timeline,
    pub gaps: Vec<TallyGap>,
    /// Incident indices in ascending order of each sort key.
    orders: HashMap<SortKey, Vec<u32>>,
    /// What the filters look at, per incident, packed (a scan of 100k stays in cache).
    keys: Vec<Keys>,
    /// Region filter choices: (key, label, incidents), most incidents first.
    pub regions: Vec<(String, String, usize)>,
    pub map: Vec<MapPoint>,
    /// The chart's markup, drawn on first use (it depends only on the snapshot).
    pub chart_html: std::sync::OnceLock<String>,
    /// Rendered responses by route and query: the snapshot never changes, so neither do they.
    responses: std::sync::Mutex<HashMap<String, Cached>>,
}

/// A rendered response body, with the total count of a paginated list.
#[derive(Clone)]
pub struct Cached {
    pub body: axum::body::Bytes,
    pub total: Option<usize>,
}

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
}

/// Cumulative series: the ledger's own running sums per day, and the totals outlets reported.
#[derive(Serialize, Clone, Debug, Default)]
pub struct Timeline {
    /// One point per day with an incident (day precision only): date, strikes so far,
    /// killed (best) so far.
    pub ledger: Vec<(String, i64, i64)>,
    /// Reported tallies with a day as-of date: date, strikes, killed, tally id, outlet.
    pub reported: Vec<ReportedPoint>,
    /// Incidents left out of the series because their date is not a day.
    pub undated: usize,
}

#[derive(Serialize, Clone, Debug)]
pub struct ReportedPoint {
    pub date: String,
    pub strikes: Option<i64>,
    pub killed: Option<i64>,
    pub tally_id: String,
    pub outlet: Option<String>,
}

/// One marker of the map: the incidents at one place and precision.
#[derive(Serialize, Clone, Debug)]
pub struct MapPoint {
    pub lat: f64,
    pub lon: f64,
    /// Codebook place precision (1 locality ... 4 country or sea region).
    pub precision: u8,
    pub name: String,
    pub incidents: usize,
    pub killed: i64,
    /// The latest incident there, to link to.
    pub latest: String,
}

#[derive(Deserialize, Serialize, Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    #[default]
    Date,
    Type,
    Place,
    Killed,
    Grade,
    Stories,
}

impl SortKey {
    pub const ALL: [SortKey; 6] = [
        SortKey::Date,
        SortKey::Type,
        SortKey::Place,
        SortKey::Killed,
        SortKey::Grade,
        SortKey::Stories,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            SortKey::Date => "date",
            SortKey::Type => "type",
            SortKey::Place => "place",
            SortKey::Killed => "killed",
            SortKey::Grade => "grade",
            SortKey::Stories => "stories",
        }
    }
}

/// Which incidents a table or an API call wants.
#[derive(Deserialize, Serialize, Clone, Debug, Default)]
pub struct Filter {
    #[serde(rename = "type")]
    pub event_type: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub region: Option<String>,
    pub grade: Option<String>,
    pub sort: Option<SortKey>,
    /// `asc` or `desc` (the default for dates: newest first).
    pub dir: Option<String>,
    pub offset: Option<usize>,
    pub limit: Option<usize>,
}

impl Filter {
    /// Empty strings (an untouched form field) mean "no filter".
    pub fn normalized(mut self) -> Filter {
        for f in [
            &mut self.event_type,
            &mut self.from,
            &mut self.to,
            &mut self.region,
            &mut self.grade,
            &mut self.dir,
        ] {
            if f.as_deref().is_some_and(|s| s.trim().is_empty()) {
                *f = None;
            }
        }
        self
    }

    /// No incident is filtered out.
    pub fn is_empty(&self) -> bool {
        self.event_type.is_none()
            && self.from.is_none()
            && self.to.is_none()
            && self.region.is_none()
            && self.grade.is_none()
    }

    pub fn descending(&self) -> bool {
        match self.dir.as_deref() {
            Some("asc") => false,
            Some("desc") => true,
            _ => matches!(
                self.sort.unwrap_or_default(),
                SortKey::Date | SortKey::Killed
            ),
        }
    }
}

/// A date bound must be `YYYY-MM-DD`.
pub fn valid_date(d: &str) -> bool {
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_ok()
}

/// The region filter key and label of an incident: its sea region, else its country.
pub fn region_of(i: &Incident) -> (String, String) {
    let p = &i.place;
    if let Some(code) = &p.region_code {
        let label = p.region.clone().unwrap_or_else(|| code.clone());
        (code.clone(), label)
    } else if let Some(c) = &p.country {
        (c.to_ascii_lowercase(), country_name(c))
    } else {
        ("unknown".into(), "Unknown".into())
    }
}

/// A few country names the campaign's reporting mentions; other codes are shown as codes.
pub fn country_name(code: &str) -> String {
    match code.to_ascii_uppercase().as_str() {
        "VE" => "Venezuela",
        "CO" => "Colombia",
        "MX" => "Mexico",
        "US" => "United States",
        "TT" => "Trinidad and Tobago",
        "EC" => "Ecuador",
        "PA" => "Panama",
        "DO" => "Dominican Republic",
        "PR" => "Puerto Rico",
        "HN" => "Honduras",
        "GT" => "Guatemala",
        "SV" => "El Salvador",
        "NI" => "Nicaragua",
        "CR" => "Costa Rica",
        "CU" => "Cuba",
        "JM" => "Jamaica",
        "GY" => "Guyana",
        "BR" => "Brazil",
        "PE" => "Peru",
        _ => return code.to_string(),
    }
    .to_string()
}

/// The killed figure a reader would quote for an incident.
pub fn killed_point(i: &Incident) -> Option<i64> {
    i.figures.killed.as_ref().and_then(|k| k.range().point())
}

fn grade_rank(g: Grade) -> u8 {
    match g {
        Grade::Acknowledged => 0,
        Grade::Corroborated => 1,
        Grade::SingleSource => 2,
        Grade::Contested => 3,
    }
}

/// The filterable values of one incident.
#[derive(Clone, Copy)]
struct Keys {
    event_type: &'static str,
    grade: &'static str,
    region: u32,
    /// First and last possible day (days from the common era); `None` when undated.
    window: Option<(i32, i32)>,
}

fn day_number(d: &str) -> Option<i32> {
    use chrono::Datelike;
    chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d")
        .ok()
        .map(|d| d.num_days_from_ce())
}

fn window_of(i: &Incident) -> Option<(i32, i32)> {
    match (&i.window, &i.date) {
        (Some([a, b]), _) => Some((day_number(a)?, day_number(b)?)),
        (None, Some(d)) if d.len() == 7 => {
            use chrono::Datelike;
            let first = chrono::NaiveDate::parse_from_str(&format!("{d}-01"), "%Y-%m-%d").ok()?;
            let last = first + chrono::Months::new(1) - chrono::Days::new(1);
            Some((first.num_days_from_ce(), last.num_days_from_ce()))
        }
        (None, Some(d)) => day_number(d).map(|x| (x, x)),
        (None, None) => None,
    }
}

/// A filter resolved against a snapshot.
struct Compiled<'a> {
    event_type: Option<&'a str>,
    grade: Option<&'a str>,
    /// `Some(None)`: a region no incident has.
    region: Option<Option<u32>>,
    from: Option<i32>,
    to: Option<i32>,
}

impl Compiled<'_> {
    fn matches(&self, k: &Keys) -> bool {
        self.event_type.is_none_or(|t| k.event_type == t)
            && self.grade.is_none_or(|g| k.grade == g)
            && self.region.is_none_or(|r| r == Some(k.region))
            && (self.from.is_none() && self.to.is_none()
                || k.window.is_some_and(|(lo, hi)| {
                    self.from.is_none_or(|f| hi >= f) && self.to.is_none_or(|t| lo <= t)
                }))
    }
}

/// A page of results.
pub struct Page<'a> {
    pub total: usize,
    pub offset: usize,
    pub limit: usize,
    pub items: Vec<&'a Incident>,
}

impl Snapshot {
    pub fn new(generation: i64, ledger: Ledger) -> Snapshot {
        let incidents = &ledger.incidents;
        let by_id = incidents
            .iter()
            .enumerate()
            .map(|(n, i)| (i.id.clone(), n))
            .collect();

        let mut orders = HashMap::new();
        for key in SortKey::ALL {
            let mut idx: Vec<u32> = (0..incidents.len() as u32).collect();
            // ties keep the ledger's own (date, id) order
            match key {
                SortKey::Date => idx.sort_by(|a, b| {
                    let (x, y) = (&incidents[*a as usize], &incidents[*b as usize]);
                    let dx = x
                        .date
                        .as_deref()
                        .or(x.window.as_ref().map(|w| w[0].as_str()));
                    let dy = y
                        .date
                        .as_deref()
                        .or(y.window.as_ref().map(|w| w[0].as_str()));
                    dx.cmp(&dy)
                }),
                SortKey::Type => idx.sort_by_key(|a| incidents[*a as usize].event_type.as_str()),
                SortKey::Place => idx.sort_by_cached_key(|a| {
                    let i = &incidents[*a as usize];
                    (region_of(i).1, i.place.name.clone())
                }),
                SortKey::Killed => idx.sort_by_key(|a| killed_point(&incidents[*a as usize])),
                SortKey::Grade => idx.sort_by_key(|a| grade_rank(incidents[*a as usize].grade)),
                SortKey::Stories => idx.sort_by_key(|a| incidents[*a as usize].stories),
            }
            orders.insert(key, idx);
        }

        let mut regions: BTreeMap<String, (String, usize)> = BTreeMap::new();
        for i in incidents {
            let (k, label) = region_of(i);
            regions.entry(k).or_insert((label, 0)).1 += 1;
        }
        let mut regions: Vec<(String, String, usize)> =
            regions.into_iter().map(|(k, (l, n))| (k, l, n)).collect();
        regions.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));

        let region_index: HashMap<&str, u32> = regions
            .iter()
            .enumerate()
            .map(|(n, r)| (r.0.as_str(), n as u32))
            .collect();
        let keys = incidents
            .iter()
            .map(|i| Keys {
                event_type: i.event_type.as_str(),
                grade: i.grade.as_str(),
                region: region_index[region_of(i).0.as_str()],
                window: window_of(i),
            })
            .collect();
        let summary = summarize(&ledger);
        let timeline = timeline(&ledger);
        let gaps = sw_ledger::tally_check(&ledger);
        let map = map_points(&ledger);
        Snapshot {
            generation,
            version: None,
            ledger,
            by_id,
            summary,
            timeline,
            gaps,
            orders,
            keys,
            regions,
            map,
            chart_html: std::sync::OnceLock::new(),
            responses: std::sync::Mutex::new(HashMap::new()),
        }
    }

    /// The response cached under `key`, or `render`'s, cached (at most 1,024 are kept).
    pub fn cached<E>(
        &self,
        key: String,
        render: impl FnOnce() -> Result<Cached, E>,
    ) -> Result<Cached, E> {
        if let Some(b) = self.responses.lock().expect("cache lock").get(&key) {
            return Ok(b.clone());
        }
        let b = render()?;
        let mut c = self.responses.lock().expect("cache lock");
        if c.len() >= 1024 {
            c.clear();
        }
        c.insert(key, b.clone());
        Ok(b)
    }

    pub fn incident(&self, id: &str) -> Option<&Incident> {
        self.by_id.get(id).map(|n| &self.ledger.incidents[*n])
    }

    /// The incidents `filter` selects, in its order, one page of them.
    pub fn select(&self, filter: &Filter, default_limit: usize, max_limit: usize) -> Page<'_> {
        let key = filter.sort.unwrap_or_default();
        let order = &self.orders[&key];
        let offset = filter.offset.unwrap_or(0);
        let limit = filter.limit.unwrap_or(default_limit).clamp(1, max_limit);
        let incidents = &self.ledger.incidents;
        if filter.is_empty() {
            // no filter: the page is a slice of the order
            let n = order.len();
            let pick = |k: usize| -> Option<&Incident> {
                let at = if filter.descending() {
                    n.checked_sub(k + 1)?
                } else {
                    k
                };
                order.get(at).map(|i| &incidents[*i as usize])
            };
            let items = (offset..offset.saturating_add(limit).min(n))
                .filter_map(pick)
                .collect();
            return Page {
                total: n,
                offset,
                limit,
                items,
            };
        }
        let compiled = Compiled {
            event_type: filter.event_type.as_deref(),
            grade: filter.grade.as_deref(),
            region: filter
                .region
                .as_deref()
                .map(|r| self.regions.iter().position(|x| x.0 == r).map(|n| n as u32)),
            from: filter.from.as_deref().and_then(day_number),
            to: filter.to.as_deref().and_then(day_number),
        };
        let keys = &self.keys;
        let mut total = 0;
        let mut items = Vec::with_capacity(limit.min(order.len()));
        let mut visit = |n: &u32| {
            if compiled.matches(&keys[*n as usize]) {
                if total >= offset && items.len() < limit {
                    items.push(&incidents[*n as usize]);
                }
                total += 1;
            }
        };
        if filter.descending() {
            order.iter().rev().for_each(&mut visit);
        } else {
            order.iter().for_each(&mut visit);
        }
        Page {
            total,
            offset,
            limit,
            items,
        }
    }
}

fn summarize(l: &Ledger) -> Summary {
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
    s
}

fn timeline(l: &Ledger) -> Timeline {
    let mut t = Timeline::default();
    let mut per_day: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for i in &l.incidents {
        match (&i.date, i.date_precision) {
            (Some(d), DatePrecision::Day) => {
                let e = per_day.entry(d.as_str()).or_default();
                if i.event_type == EventType::Strike {
                    e.0 += 1;
                }
                if i.event_type != EventType::Attack {
                    e.1 += killed_point(i).unwrap_or(0);
                }
            }
            _ => t.undated += 1,
        }
    }
    let (mut s, mut k) = (0, 0);
    for (d, (ds, dk)) in per_day {
        s += ds;
        k += dk;
        t.ledger.push((d.to_string(), s, k));
    }
    for tally in &l.tallies {
        let Some(d) = tally.as_of.as_deref().filter(|d| d.len() == 10) else {
            continue;
        };
        let strikes = tally.strikes.and_then(|r| r.point());
        let killed = tally.killed.and_then(|r| r.point());
        if strikes.is_none() && killed.is_none() {
            continue;
        }
        t.reported.push(ReportedPoint {
            date: d.to_string(),
            strikes,
            killed,
            tally_id: tally.id.clone(),
            outlet: tally.source.outlet.clone(),
        });
    }
    t
}

fn map_points(l: &Ledger) -> Vec<MapPoint> {
    // key: rounded position and precision
    let mut at: BTreeMap<(i64, i64, u8), MapPoint> = BTreeMap::new();
    for i in &l.incidents {
        let p = &i.place;
        let (Some(lat), Some(lon)) = (p.lat, p.lon) else {
            continue;
        };
        if p.precision >= 5 {
            continue;
        }
        let key = (
            (lat * 100.0).round() as i64,
            (lon * 100.0).round() as i64,
            p.precision,
        );
        let e = at.entry(key).or_insert_with(|| MapPoint {
            lat,
            lon,
            precision: p.precision,
            name: p
                .name
                .clone()
                .or(p.region.clone())
                .or(p.country.as_deref().map(country_name))
                .unwrap_or_default(),
            incidents: 0,
            killed: 0,
            latest: i.id.clone(),
        });
        e.incidents += 1;
        e.killed += killed_point(i).unwrap_or(0);
        e.latest = i.id.clone(); // the ledger is in date order
    }
    at.into_values().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The ledger of short passages written for this test, one article each.
    fn ledger_of(passages: &[(&str, &str)]) -> Ledger {
        let ex = sw_extract::Extractor::new();
        let published = chrono::NaiveDate::from_ymd_opt(2025, 11, 5);
        let mut inputs = Vec::new();
        for (n, (lang, text)) in passages.iter().enumerate() {
            let lang = if *lang == "es" {
                sw_model::Lang::Es
            } else {
                sw_model::Lang::En
            };
            for (k, report) in ex.extract(text, lang, published).into_iter().enumerate() {
                let id = n as i64 + 1;
                inputs.push(sw_ledger::ReportInput {
                    report_id: id * 100 + k as i64,
                    article_id: id,
                    story_id: id,
                    url: Some(format!("https://example.org/{id}")),
                    outlet: Some("example.org".into()),
                    published: Some("2025-11-05".into()),
                    lang: lang.code().to_string(),
                    quote: text[report.sentence[0]..report.sentence[1]].to_string(),
                    report,
                });
            }
        }
        sw_ledger::build(&inputs)
    }

    #[test]
    fn attacks_are_counted_apart_from_the_dead_of_strikes_and_raids() {
        let l = ledger_of(&[
            ("en", "Nigerian Air Force jets struck an insurgent camp near Lake Chad on Monday, killing seven fighters, the military said."),
            ("es", "Hombres armados de un cártel emboscaron el martes a una patrulla de la Guardia Nacional en Zacatecas y mataron a cinco agentes."),
        ]);
        let types: Vec<EventType> = l.incidents.iter().map(|i| i.event_type).collect();
        assert!(types.contains(&EventType::Strike), "{types:?}");
        assert!(types.contains(&EventType::Attack), "{types:?}");
        let s = summarize(&l);
        assert_eq!((s.strikes, s.attacks), (1, 1));
        // the five agents killed in the ambush are not dead of a strike or raid
        assert_eq!(s.killed_best, 7);
        let t = timeline(&l);
        assert_eq!(t.ledger.last().map(|p| p.2), Some(7));
    }
}
