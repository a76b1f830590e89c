//! What the pages and the API serve from memory: the ledger of one reports generation, with
//! the lookups, orders, sums and series computed once when it is loaded, so that `/` and
//! `/api/incidents` never touch the store.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};
pub use sw_ledger::summary::{LatestTotal, Summary};
use sw_ledger::{Grade, Incident, Ledger, TallyChecked, TallyGap};
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
    /// How many dated figures were compared with the ledger and how many agree (`gaps` are
    /// the others).
    pub tally_checked: TallyChecked,
    /// Incident indices in ascending order of each sort key.
    orders: HashMap<SortKey, Vec<u32>>,
    /// What the filters look at, per incident, packed (a scan of 100k stays in cache).
    keys: Vec<Keys>,
    /// Region filter choices: (key, label, incidents), most incidents first.
    pub regions: Vec<(String, String, usize)>,
    /// Country codes (lower case) of the incidents, sorted: what `Keys::country` indexes.
    countries: Vec<String>,
    /// Perpetrator names, sorted: what `Keys::perpetrator` indexes.
    perpetrators: Vec<String>,
    /// Outlet names, sorted: what `outlets_of` indexes.
    outlets: Vec<String>,
    /// Per incident, the sorted indices of the outlets of its sources.
    outlets_of: Vec<Vec<u32>>,
    /// Per incident, the languages of its sources.
    langs_of: Vec<Vec<String>>,
    /// Filter choices with their incident counts: perpetrators, countries, outlets,
    /// languages (the form offers only values some incident has).
    pub choices: Choices,
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
    /// The latest [`MARKER_LIST`] incidents there, newest first (a marker's popup lists
    /// them; `incidents` says how many there are in all).
    pub listed: Vec<MarkerIncident>,
}

#[derive(Serialize, Clone, Debug)]
pub struct MarkerIncident {
    pub id: String,
    pub date: Option<String>,
    pub killed: Option<i64>,
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
    /// A perpetrator's name, as the filter lists it.
    pub perpetrator: Option<String>,
    /// A country code (ISO 3166 alpha-2, any case).
    pub country: Option<String>,
    /// An outlet's name: incidents with at least one source from it.
    pub outlet: Option<String>,
    /// A language code (`en`, `es`): incidents with at least one source in it.
    pub lang: Option<String>,
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
            &mut self.perpetrator,
            &mut self.country,
            &mut self.outlet,
            &mut self.lang,
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
            && self.perpetrator.is_none()
            && self.country.is_none()
            && self.outlet.is_none()
            && self.lang.is_none()
    }

    /// What is wrong with the filter's values, in words, each naming the field, the value
    /// and what would be accepted: an unknown type or grade is an error, not an empty list.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (name, d) in [("from", &self.from), ("to", &self.to)] {
            if let Some(d) = d.as_deref().filter(|d| !valid_date(d)) {
                out.push(format!("{name}={d:?} is not a date (expected YYYY-MM-DD)"));
            }
        }
        if let Some(t) = self.event_type.as_deref() {
            if !EventType::ALL.iter().any(|x| x.as_str() == t) {
                let valid: Vec<&str> = EventType::ALL.iter().map(|x| x.as_str()).collect();
                out.push(format!(
                    "type={t:?} is not an event type: use one of {}",
                    valid.join(", ")
                ));
            }
        }
        if let Some(g) = self.grade.as_deref() {
            if !GRADES.contains(&g) {
                out.push(format!(
                    "grade={g:?} is not a grade: use one of {}",
                    GRADES.join(", ")
                ));
            }
        }
        if let Some(d) = self
            .dir
            .as_deref()
            .filter(|d| !matches!(*d, "asc" | "desc"))
        {
            out.push(format!("dir={d:?} is neither asc nor desc"));
        }
        if self.limit == Some(0) {
            out.push("limit=0: a page holds at least one incident".into());
        }
        out
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

/// The grades a filter accepts, best attested first.
pub const GRADES: [&str; 4] = ["acknowledged", "corroborated", "single_source", "contested"];

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

/// A country's name from the gazetteer's data (GeoNames), for the country filter and the
/// region labels; a code the gazetteer does not know is shown as it is.
pub fn country_name(code: &str) -> String {
    static GAZETTEER: std::sync::OnceLock<sw_gazetteer::Gazetteer> = std::sync::OnceLock::new();
    GAZETTEER
        .get_or_init(sw_gazetteer::Gazetteer::embedded)
        .country(code)
        .map(|p| p.name.clone())
        .unwrap_or_else(|| code.to_string())
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
    /// The incident's country code, lower case, as an index into `Snapshot::countries`
    /// (`u32::MAX`: none), so that `region=ve` finds Venezuela's incidents whether or not a
    /// sea region names them first, as the OpenAPI document promises.
    country: u32,
    /// The perpetrator's index in `Snapshot::perpetrators` (`u32::MAX`: none named).
    perpetrator: u32,
    /// Some figure's sources disagree: the `contested` grade filter includes these, since
    /// the table flags them as disputed whatever their grade.
    disputed: bool,
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
    /// `Some(None)`: a value no incident has (so none matches).
    perpetrator: Option<Option<u32>>,
    country_only: Option<Option<u32>>,
    outlet: Option<Option<u32>>,
    lang: Option<&'a str>,
    /// The country index the region filter names, when it is a country code.
    country: Option<u32>,
    from: Option<i32>,
    to: Option<i32>,
}

impl Compiled<'_> {
    /// The filters that look at lists per incident (outlets, languages).
    fn matches_lists(&self, outlets: &[u32], langs: &[String]) -> bool {
        self.outlet
            .is_none_or(|o| o.is_some_and(|o| outlets.binary_search(&o).is_ok()))
            && self.lang.is_none_or(|l| langs.iter().any(|x| x == l))
    }

    fn matches(&self, k: &Keys) -> bool {
        self.event_type.is_none_or(|t| k.event_type == t)
            && self
                .grade
                .is_none_or(|g| k.grade == g || (g == "contested" && k.disputed))
            && (self.region.is_none()
                || self.region.is_some_and(|r| r == Some(k.region))
                || self.country.is_some_and(|c| c == k.country))
            && self.perpetrator.is_none_or(|p| p == Some(k.perpetrator))
            && self.country_only.is_none_or(|c| c == Some(k.country))
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
        let country_of = |i: &Incident| i.place.country.as_deref().map(str::to_ascii_lowercase);
        let countries: Vec<String> = incidents
            .iter()
            .filter_map(country_of)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let sorted_set = |it: &mut dyn Iterator<Item = String>| -> Vec<String> {
            it.collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect()
        };
        let perpetrators = sorted_set(
            &mut incidents
                .iter()
                .filter_map(|i| i.perpetrator().map(|a| a.name.clone())),
        );
        let outlets = sorted_set(
            &mut incidents
                .iter()
                .flat_map(|i| i.sources.iter().filter_map(|s| s.outlet.clone())),
        );
        let outlets_of: Vec<Vec<u32>> = incidents
            .iter()
            .map(|i| {
                let mut v: Vec<u32> = i
                    .sources
                    .iter()
                    .filter_map(|s| s.outlet.as_ref())
                    .filter_map(|o| outlets.binary_search(o).ok().map(|n| n as u32))
                    .collect();
                v.sort_unstable();
                v.dedup();
                v
            })
            .collect();
        let langs_of: Vec<Vec<String>> = incidents
            .iter()
            .map(|i| {
                let mut v: Vec<String> = i.sources.iter().map(|s| s.lang.clone()).collect();
                v.sort();
                v.dedup();
                v
            })
            .collect();
        let keys = incidents
            .iter()
            .map(|i| Keys {
                perpetrator: i
                    .perpetrator()
                    .and_then(|a| perpetrators.binary_search(&a.name).ok())
                    .map_or(u32::MAX, |n| n as u32),
                event_type: i.event_type.as_str(),
                grade: i.grade.as_str(),
                region: region_index[region_of(i).0.as_str()],
                country: country_of(i)
                    .and_then(|c| countries.binary_search(&c).ok())
                    .map_or(u32::MAX, |n| n as u32),
                disputed: i.contested || i.figures.any_contested(),
                window: window_of(i),
            })
            .collect();
        let choices = Choices::of(
            incidents,
            &perpetrators,
            &countries,
            &outlets,
            &outlets_of,
            &langs_of,
        );
        let summary = sw_ledger::summary::summarize(&ledger);
        let timeline = timeline(&ledger);
        let (gaps, tally_checked) = sw_ledger::tally_check_counted(&ledger);
        let map = map_points(&ledger);
        Snapshot {
            generation,
            version: None,
            ledger,
            by_id,
            summary,
            timeline,
            gaps,
            tally_checked,
            orders,
            keys,
            regions,
            choices,
            countries,
            perpetrators,
            outlets,
            outlets_of,
            langs_of,
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

    /// Every incident `filter` selects, in the ledger's own (date, id) order: what a
    /// filtered chart, map or download is made of.
    pub fn matching(&self, filter: &Filter) -> Vec<&Incident> {
        let all = Filter {
            sort: Some(SortKey::Date),
            dir: Some("asc".into()),
            offset: Some(0),
            limit: Some(usize::MAX),
            ..filter.clone()
        };
        let mut page = self.select(&all, usize::MAX, usize::MAX);
        // the date order breaks ties by the ledger's order already; keep it
        page.items.sort_by_key(|i| self.by_id[&i.id]);
        page.items
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
            perpetrator: filter.perpetrator.as_deref().map(|p| {
                self.perpetrators
                    .binary_search_by(|x| x.as_str().cmp(p))
                    .ok()
                    .map(|n| n as u32)
            }),
            country_only: filter.country.as_deref().map(|c| {
                self.countries
                    .binary_search(&c.to_ascii_lowercase())
                    .ok()
                    .map(|n| n as u32)
            }),
            outlet: filter.outlet.as_deref().map(|o| {
                self.outlets
                    .binary_search_by(|x| x.as_str().cmp(o))
                    .ok()
                    .map(|n| n as u32)
            }),
            lang: filter.lang.as_deref(),
            country: filter.region.as_deref().and_then(|r| {
                self.countries
                    .binary_search(&r.to_ascii_lowercase())
                    .ok()
                    .map(|n| n as u32)
            }),
            from: filter.from.as_deref().and_then(day_number),
            to: filter.to.as_deref().and_then(day_number),
        };
        let keys = &self.keys;
        let mut total = 0;
        let mut items = Vec::with_capacity(limit.min(order.len()));
        let mut visit = |n: &u32| {
            let k = *n as usize;
            if compiled.matches(&keys[k])
                && compiled.matches_lists(&self.outlets_of[k], &self.langs_of[k])
            {
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

fn timeline(l: &Ledger) -> Timeline {
    timeline_of(&l.incidents.iter().collect::<Vec<_>>(), l)
}

/// The series of `incidents` (a filtered subset of `l`'s), beside every total reported.
pub fn timeline_of(incidents: &[&Incident], l: &Ledger) -> Timeline {
    let mut t = Timeline::default();
    let mut per_day: BTreeMap<&str, (i64, i64)> = BTreeMap::new();
    for i in incidents.iter().copied() {
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
    map_points_of(&l.incidents.iter().collect::<Vec<_>>())
}

/// Incidents listed per map marker, newest first; the rest are counted.
pub const MARKER_LIST: usize = 12;

/// The markers of `incidents` (in the ledger's date order).
pub fn map_points_of(incidents: &[&Incident]) -> Vec<MapPoint> {
    // key: rounded position and precision
    let mut at: BTreeMap<(i64, i64, u8), MapPoint> = BTreeMap::new();
    for i in incidents.iter().copied() {
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
            listed: Vec::new(),
        });
        e.incidents += 1;
        e.killed += killed_point(i).unwrap_or(0);
        e.latest = i.id.clone(); // the ledger is in date order
        e.listed.push(MarkerIncident {
            id: i.id.clone(),
            date: i.date.clone().or(i.window.as_ref().map(|w| w[0].clone())),
            killed: killed_point(i),
        });
        if e.listed.len() > MARKER_LIST {
            e.listed.remove(0);
        }
    }
    let mut out: Vec<MapPoint> = at.into_values().collect();
    for p in &mut out {
        p.listed.reverse();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every country has its name in the filter, not only those of one campaign ("vc (1)"
    /// was offered); an unknown code stays as written.
    #[test]
    fn countries_are_named_from_the_gazetteer() {
        assert_eq!(country_name("VE"), "Venezuela");
        assert_eq!(country_name("so"), "Somalia");
        assert!(
            country_name("VC").contains("Vincent"),
            "{}",
            country_name("VC")
        );
        assert_eq!(country_name("XX"), "XX");
    }

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
        let s = sw_ledger::summary::summarize(&l);
        assert_eq!((s.strikes, s.attacks), (1, 1));
        // the five agents killed in the ambush are not dead of a strike or raid
        assert_eq!(s.killed_best, 7);
        let t = timeline(&l);
        assert_eq!(t.ledger.last().map(|p| p.2), Some(7));
    }
}

/// The values the filters offer, each with how many incidents have it.
#[derive(Default)]
pub struct Choices {
    pub perpetrators: Vec<(String, usize)>,
    /// (code, name, incidents)
    pub countries: Vec<(String, String, usize)>,
    pub outlets: Vec<(String, usize)>,
    pub langs: Vec<(String, usize)>,
}

impl Choices {
    fn of(
        incidents: &[Incident],
        perpetrators: &[String],
        countries: &[String],
        outlets: &[String],
        outlets_of: &[Vec<u32>],
        langs_of: &[Vec<String>],
    ) -> Choices {
        let count = |f: &dyn Fn(&Incident, usize) -> bool| -> usize {
            incidents
                .iter()
                .enumerate()
                .filter(|(n, i)| f(i, *n))
                .count()
        };
        let mut langs: BTreeMap<String, usize> = BTreeMap::new();
        for l in langs_of.iter().flatten() {
            *langs.entry(l.clone()).or_default() += 1;
        }
        let mut outlet_counts = vec![0usize; outlets.len()];
        for o in outlets_of.iter().flatten() {
            outlet_counts[*o as usize] += 1;
        }
        let mut c = Choices {
            perpetrators: perpetrators
                .iter()
                .map(|p| {
                    let n = count(&|i, _| i.perpetrator().is_some_and(|a| &a.name == p));
                    (p.clone(), n)
                })
                .collect(),
            countries: countries
                .iter()
                .map(|code| {
                    let n = count(&|i, _| {
                        i.place
                            .country
                            .as_deref()
                            .is_some_and(|c| c.eq_ignore_ascii_case(code))
                    });
                    (code.clone(), country_name(code), n)
                })
                .collect(),
            outlets: outlets.iter().cloned().zip(outlet_counts).collect(),
            langs: langs.into_iter().collect(),
        };
        c.perpetrators
            .sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        c.countries
            .sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(&b.1)));
        c.outlets.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        c
    }
}
