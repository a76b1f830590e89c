//! Incident resolution: which event reports describe the same real-world event.
//!
//! 1. **Day blocks.** Reports dated to a day are blocked by (event type, day) and, inside a
//!    block, by region: the sea region code, or the country for a strike on land. A report
//!    with no usable region joins the block's one region group, or, when there are several,
//!    the one whose killed figure it repeats. One
//!    (event type, day, region) group is one incident: a multi-vessel operation stays one
//!    incident and keeps its vessel count; disagreeing figures stay visible as values.
//!    A report without a region on a day with several region groups joins one only when it
//!    repeats that group's killed figure and no other's; otherwise it stays apart (region
//!    null) rather than being forced into a region it may not belong to. Inside a region,
//!    first-level divisions told apart are incidents of their own ([`by_admin1`]), and so,
//!    inside a division, are towns one article told apart with tolls of their own
//!    ([`by_town`]).
//! 2. **Adjacent days.** Two groups one day apart in a compatible region merge when they
//!    give the same killed figure, or when one of them has no killed figure and is dated
//!    only by a relative expression or the publication date ("on Tuesday" resolved against
//!    the wrong day, an announcement date taken for the event's). The merged incident takes
//!    the day most explicitly dated stories give; every member stays within a day of it.
//!    A raid and a strike of the same or adjacent days in one country and division that
//!    share a killed figure are one operation told two ways: one strike incident.
//! 3. **Imprecise reports** (month or week precision, or no date) are never forced into a
//!    day incident. One is *attached* only when it is unambiguous: its window (the month,
//!    the week, or the seven days up to publication for an undated report) holds exactly
//!    one day incident of its event type with the same known region and the same killed
//!    figure. Otherwise it stays an incident of its own, at its own precision; copies of
//!    it within one story merge.
//!
//! Every step reads reports in a canonical order (their member keys, a hash of their content
//! keys), so the result does not depend on arrival order. Blocks are looked up by key, never compared all-pairs.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::num::NonZeroU32;
use std::sync::Arc;

use chrono::{Days, NaiveDate};
use sw_model::{DateBasis, DatePrecision, EventType, Field, Modality, Role, TargetKind, When};

use crate::reconcile::{self, Range};
use crate::{distinct, short_id, ActorRef, DateValue, Grade, Incident, Place, ReportInput};

/// What resolution reads of one event or reference report, and nothing more. A rebuild
/// holds one for every such report of the store while it resolves, so it carries no text, no
/// claims and no actors (the incident is assembled afterwards from the whole reports of its
/// members, [`Resolution::assemble`]): the memory a rebuild needs grows by this record per
/// report, not by the report.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Facts {
    pub(crate) report_id: i64,
    /// The report's member key ([`crate::identity::member_key`], a hash of its content key):
    /// records are read in its order.
    pub(crate) key: i64,
    pub(crate) article_id: i64,
    story_id: i64,
    et: EventType,
    /// The report's date as written (`YYYY-MM-DD`, `YYYY-MM`...), and its precision (read
    /// together as `Report::when` reads them: [`Facts::when`]).
    date: Option<Sym>,
    precision: DatePrecision,
    /// The article's publication day.
    published: Option<NaiveDate>,
    /// The day, for a report dated to one; once resolution has read its story
    /// ([`story_pass`]), the day its story's cluster gives it.
    day: Option<NaiveDate>,
    /// How the report is dated, as bits ([`SOFT`], [`RESTATED`], [`RELATIVE`],
    /// [`ANNOUNCED`]): one byte rather than four, which leaves room for [`Facts::perps`].
    dated: u8,
    /// The region key ([`region_key`]); once resolution has read its story
    /// ([`story_pass`]), its cluster's when it has none of its own.
    region: Option<Sym>,
    /// The country of the report's place (a report without a region never joins another
    /// country's land group).
    country: Option<Sym>,
    /// The first-level division (state, province) of the report's place, where the place
    /// names one: a window report never joins a day incident placed in another.
    admin1: Option<Sym>,
    /// Where the report's place is (latitude and longitude in hundredths of a degree), for a
    /// town or a place as precise, or the middle of a division or a feature ([`COARSE`] set
    /// then; [`Pos::NONE`] for a country): two divisions far apart are two events
    /// ([`divisions_apart`]).
    pos: Pos,
    /// The killed figure as claimed ("at least one"): a window report joins a day incident
    /// whose toll this range admits. Low, best and high ([`Facts::killed`]), where
    /// `has_killed` says the report has a killed figure (a flag beside three numbers rather
    /// than an `Option` of them: four bytes less, the record 96 bytes rather than 104).
    killed: [Num; 3],
    has_killed: bool,
    /// The states of the report's perpetrators, as one string of their sorted codes
    /// (`perps:IL,US`), read as bits ([`Strings::index_perps`], [`Item::perps`]): two
    /// reports whose bits share none name no common perpetrator state, so a weak report
    /// never joins another state's event ([`perps_apart`]) and one day's reports of states
    /// not linked are apart ([`by_perps`]).
    perps: Option<Sym>,
    /// The killed, survivors, vessels and injured figures, where each is one number.
    points: [Num; 4],
}

/// [`Facts::dated`]: dated by a relative expression or the publication date, not an
/// explicit date.
const SOFT: u8 = 1;
/// [`Facts::dated`]: given another day than its own by its story's cluster
/// ([`story_pass`]): dated as softly as a relative expression from then on.
const RESTATED: u8 = 2;
/// [`Facts::dated`]: dated by a relative expression of its own ("on Thursday",
/// "yesterday").
const RELATIVE: u8 = 4;
/// [`Facts::dated`]: dated by the window up to the day it was announced or reported (the
/// extractor's `.announced_window` date rule), not by a publication's nor a weekend's.
const ANNOUNCED: u8 = 8;
/// [`Facts::dated`] (a bit of the same byte, though of the place): [`Facts::pos`] is the
/// middle of a division or a feature (a mountain range), not a town's point; far only
/// [`COARSE_KM`] further.
const COARSE: u8 = 16;

/// What a [`Facts::perps`] string starts with among the [`Strings`].
const PERPS: &str = "perps:";

/// A figure as resolution compares it, in four bytes rather than sixteen: a rebuild holds
/// seven per event report (1.5 M of them at a million synthetic articles). `None` is
/// `i32::MIN`; a figure from 0 to `i32::MAX` (every toll, survivor or vessel count) is
/// itself; any other (the extractor reads numbers up to 10^12) is kept exactly in
/// [`Strings`]' table of such numbers, and a negative `Num` numbers it there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Num(i32);

impl Num {
    const NONE: Num = Num(i32::MIN);

    fn of(v: Option<i64>, strings: &mut Strings) -> Num {
        match v {
            None => Num::NONE,
            Some(v) => match i32::try_from(v) {
                Ok(n) if n >= 0 => Num(n),
                _ => Num(-1 - strings.big(v)),
            },
        }
    }

    fn get(self, strings: &Strings) -> Option<i64> {
        match self.0 {
            i32::MIN => None,
            n if n >= 0 => Some(i64::from(n)),
            n => Some(strings.big[(-1 - n) as usize]),
        }
    }
}

/// A place's position in four bytes (hundredths of a degree: about a kilometre), enough to
/// tell two divisions hundreds of kilometres apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Pos([i16; 2]);

impl Pos {
    const NONE: Pos = Pos([i16::MIN; 2]);

    fn of(lat: f64, lon: f64) -> Pos {
        let q = |v: f64, max: f64| {
            (v.is_finite() && v.abs() <= max).then(|| (v * 100.0).round() as i16)
        };
        match (q(lat, 90.0), q(lon, 180.0)) {
            (Some(a), Some(b)) => Pos([a, b]),
            _ => Pos::NONE,
        }
    }

    fn known(self) -> bool {
        self != Pos::NONE
    }

    /// Kilometres between two known positions (the equirectangular approximation: good to a
    /// few per cent at the distances compared here).
    fn km(self, o: Pos) -> f64 {
        let [a0, a1] = self.0.map(|v| f64::from(v) / 100.0);
        let [b0, b1] = o.0.map(|v| f64::from(v) / 100.0);
        let mean = ((a0 + b0) / 2.0).to_radians();
        let dy = (a0 - b0) * 110.57;
        let dx = (a1 - b1) * 111.32 * mean.cos();
        (dx * dx + dy * dy).sqrt()
    }
}

/// The figures resolution compares, in the order of [`Facts::points`].
const POINTS: [Field; 4] = [
    Field::Killed,
    Field::Survivors,
    Field::Vessels,
    Field::Injured,
];

/// One shared copy of each string the records of a rebuild repeat (dates, region keys,
/// countries, divisions): a few thousand distinct values across millions of reports. A
/// record names one by its number ([`Sym`], four bytes where a shared pointer took sixteen).
#[derive(Debug, Default)]
pub(crate) struct Strings {
    all: Vec<Arc<str>>,
    index: HashMap<Arc<str>, Sym>,
    /// The figures a [`Num`] cannot hold itself (negative, or beyond `i32::MAX`), each once.
    big: Vec<i64>,
    big_index: HashMap<i64, i32>,
    /// Per string, the bits of the perpetrator states a [`Facts::perps`] string names (0 for
    /// other strings), once [`Strings::index_perps`] has run.
    masks: Vec<u64>,
}

/// A string of [`Strings`], by number (from 1, so that `Option<Sym>` is four bytes too).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Sym(NonZeroU32);

impl Strings {
    fn sym(&mut self, s: &str) -> Sym {
        if let Some(&x) = self.index.get(s) {
            return x;
        }
        let a: Arc<str> = Arc::from(s);
        self.all.push(a.clone());
        let n = u32::try_from(self.all.len()).expect("fewer than 2^32 distinct strings");
        let x = Sym(NonZeroU32::new(n).expect("numbered from 1"));
        self.index.insert(a, x);
        x
    }

    fn get(&self, x: Sym) -> &Arc<str> {
        &self.all[x.0.get() as usize - 1]
    }

    /// Gives each perpetrator state named by the records a bit of a `u64`, by the order of
    /// the states' codes among all those named (so the bits depend on which states the
    /// corpus names, never on the order reports arrive in): exact up to 64 states; a state
    /// beyond those shares the bit its code hashes to. Why not a hash for every state: on
    /// eight hashed bits the United States and Ecuador shared one, and an Ecuadorian
    /// navy's denial joined a U.S. strike off Ecuador.
    fn index_perps(&mut self) {
        let mut states: Vec<&str> = self
            .all
            .iter()
            .filter_map(|s| s.strip_prefix(PERPS))
            .flat_map(|s| s.split(','))
            .collect();
        states.sort_unstable();
        states.dedup();
        let bit = |st: &str| -> u64 {
            match states.binary_search(&st) {
                Ok(i) if i < 64 => 1 << i,
                _ => {
                    let h = st.bytes().fold(0x811c_9dc5_u32, |h, b| {
                        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
                    });
                    1 << (h % 64)
                }
            }
        };
        let masks = self
            .all
            .iter()
            .map(|s| {
                s.strip_prefix(PERPS)
                    .map_or(0, |set| set.split(',').fold(0, |m, st| m | bit(st)))
            })
            .collect();
        self.masks = masks;
    }

    /// The number of `v` in the table of figures a [`Num`] cannot hold.
    fn big(&mut self, v: i64) -> i32 {
        if let Some(&n) = self.big_index.get(&v) {
            return n;
        }
        let n = i32::try_from(self.big.len()).expect("fewer than 2^31 distinct big figures");
        assert!(n < i32::MAX, "fewer than 2^31 distinct big figures");
        self.big.push(v);
        self.big_index.insert(v, n);
        n
    }
}

impl Facts {
    pub(crate) fn of(r: &ReportInput, strings: &mut Strings) -> Facts {
        let rep = &r.report;
        let day = if rep.date_precision == DatePrecision::Day {
            rep.date
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok())
        } else {
            None
        };
        Facts {
            report_id: r.report_id,
            key: crate::identity::member_key(&r.stable_key()),
            article_id: r.article_id,
            story_id: r.story_id,
            et: rep.event_type,
            date: rep.date.as_deref().map(|d| strings.sym(d)),
            precision: rep.date_precision,
            published: r.published_day(),
            day,
            dated: [
                (
                    SOFT,
                    matches!(rep.date_basis, DateBasis::Relative | DateBasis::Publication),
                ),
                (RELATIVE, rep.date_basis == DateBasis::Relative),
                (
                    ANNOUNCED,
                    rep.date_precision == DatePrecision::Window
                        && rep.claims.iter().any(|c| {
                            c.field == sw_model::ClaimField::Date
                                && c.rule.ends_with(".announced_window")
                        }),
                ),
            ]
            .iter()
            .fold(0, |m, &(bit, on)| if on { m | bit } else { m })
                | if rep.place.as_ref().is_some_and(|p| p.precision == 3) {
                    COARSE
                } else {
                    0
                },
            region: region_key(rep).map(|k| strings.sym(&k)),
            country: rep
                .place
                .as_ref()
                .and_then(|p| p.country.as_deref())
                .map(|c| strings.sym(c)),
            admin1: rep
                .place
                .as_ref()
                .filter(|p| p.precision <= 3)
                .and_then(|p| p.admin1.as_deref())
                .map(|a| strings.sym(a)),
            pos: rep
                .place
                .as_ref()
                // (a division's or a range's point is its middle, far from where in it:
                // marked coarse)
                .filter(|p| p.precision <= 3)
                .and_then(|p| Some(Pos::of(p.lat?, p.lon?)))
                .unwrap_or(Pos::NONE),
            killed: rep.figures.killed.as_ref().map_or([Num::NONE; 3], |k| {
                [k.low, k.best, k.high].map(|v| Num::of(v, strings))
            }),
            has_killed: rep.figures.killed.is_some(),
            perps: {
                let mut states: Vec<&str> = rep
                    .actors
                    .iter()
                    .filter(|a| a.role == Role::Perpetrator)
                    .filter_map(|a| a.state.as_deref())
                    .collect();
                states.sort_unstable();
                states.dedup();
                (!states.is_empty()).then(|| strings.sym(&format!("{PERPS}{}", states.join(","))))
            },
            points: POINTS.map(|f| {
                Num::of(
                    rep.figures.get(f).and_then(|x| Range::of(x).point()),
                    strings,
                )
            }),
        }
    }

    /// One of the figures in [`POINTS`] as one number; resolution reads no other.
    fn point(&self, f: Field, strings: &Strings) -> Option<i64> {
        let i = POINTS.iter().position(|&p| p == f);
        debug_assert!(i.is_some(), "resolution reads no figure {f:?}");
        i.and_then(|i| self.points[i].get(strings))
    }

    /// The fields a reach reads, for a report routed `route` ([`crate::reach::Basis`]): the
    /// record gives the reach [`crate::reach::reach`] gives its whole report.
    pub(crate) fn basis(&self, route: crate::Route, strings: &Strings) -> crate::reach::Basis {
        crate::reach::Basis {
            route,
            event_type: self.et,
            precision: self.precision,
            first_day: self.date.and_then(|d| {
                NaiveDate::parse_from_str(strings.get(d).get(..10)?, "%Y-%m-%d").ok()
            }),
            when: self.when(strings),
            dated: self.date.is_some(),
            published: self.published,
            story: self.story_id,
        }
    }

    /// The date read with its precision (`Report::when`).
    fn when(&self, strings: &Strings) -> Option<When> {
        When::parse(strings.get(self.date?), self.precision)
    }

    /// The killed figure as claimed.
    fn killed(&self, strings: &Strings) -> Option<Range> {
        let [low, best, high] = self.killed;
        self.has_killed.then(|| Range {
            low: low.get(strings),
            best: best.get(strings),
            high: high.get(strings),
        })
    }
}

/// A record as resolution reads it, with the strings it names. Resolution keeps no copy of
/// a record per report beside the records themselves (a copy with the region as a shared
/// string and the toll as a number took 56 bytes per event report, 87 MB at a million
/// synthetic articles): what the story pass changes (the day, the region, how softly dated)
/// it writes into the record.
#[derive(Clone, Copy)]
struct Item<'a> {
    f: &'a Facts,
    /// The strings `f` names by number.
    s: &'a Strings,
}

/// The event records resolution reads, each by its index ([`Items::at`]).
#[derive(Clone, Copy)]
pub(crate) struct Items<'a> {
    f: &'a [Facts],
    s: &'a Strings,
}

impl<'a> Items<'a> {
    fn at(self, i: usize) -> Item<'a> {
        Item {
            f: &self.f[i],
            s: self.s,
        }
    }
}

/// The region key a report's place gives for blocking: a sea region code, or `country:XX`
/// for a strike on land. A country named beside a boat strike (where it was announced,
/// where the crew came from) is not a place of the strike.
pub(crate) fn region_key(r: &sw_model::Report) -> Option<String> {
    let p = r.place.as_ref()?;
    if let Some(c) = &p.region_code {
        return Some(c.clone());
    }
    if p.precision >= 5 {
        return None;
    }
    let at_sea = r.event_type == EventType::Strike
        && matches!(r.target_kind, Some(TargetKind::Vessel) | None);
    if at_sea {
        return None;
    }
    p.country.as_ref().map(|c| format!("country:{c}"))
}

impl<'a> Item<'a> {
    /// The day (its story's, after [`story_pass`]).
    fn day(self) -> Option<NaiveDate> {
        self.f.day
    }

    /// Dated by a relative expression or the publication date, not an explicit date, or
    /// given its story's day.
    fn soft(self) -> bool {
        self.f.dated & (SOFT | RESTATED) != 0
    }

    /// The region key (its story's, after [`story_pass`], when it has none).
    fn region(self) -> Option<&'a Arc<str>> {
        self.f.region.map(|x| self.s.get(x))
    }

    /// The killed figure as one number (best, else low, else high).
    /// The bits of the report's perpetrator states ([`Facts::perps`]); 0 for none.
    fn perps(self) -> u64 {
        self.f
            .perps
            .map_or(0, |x| self.s.masks[x.0.get() as usize - 1])
    }

    fn killed(self) -> Option<i64> {
        self.f.killed(self.s).as_ref().and_then(Range::point)
    }

    /// The report's date as written.
    fn date(&self) -> Option<&'a str> {
        self.f.date.map(|x| &**self.s.get(x))
    }

    /// The country of the report's place.
    fn country(&self) -> Option<&'a str> {
        self.f.country.map(|x| &**self.s.get(x))
    }

    /// The country of a report keyed on land (see [`region_key`]).
    fn land_country(&self) -> Option<&'a str> {
        self.region().and_then(|r| r.strip_prefix("country:"))
    }

    /// The first-level division of the report's place.
    fn admin1(&self) -> Option<&'a Arc<str>> {
        self.f.admin1.map(|x| self.s.get(x))
    }
}

#[derive(Debug, Clone)]
struct Group {
    et: EventType,
    day: Option<NaiveDate>,
    /// For an incident known only from news told with no date expression: the days it may
    /// have happened on (`day` is the likeliest of them).
    window: Option<(NaiveDate, NaiveDate)>,
    region: Option<Arc<str>>,
    members: Vec<usize>,
    attached: Vec<usize>,
    /// Reports that mention this event as an earlier one ("the September 2 strike").
    references: Vec<usize>,
}

impl Group {
    fn new(
        et: EventType,
        day: Option<NaiveDate>,
        region: Option<Arc<str>>,
        members: Vec<usize>,
    ) -> Group {
        Group {
            et,
            day,
            window: None,
            region,
            members,
            attached: Vec::new(),
            references: Vec::new(),
        }
    }
}

/// An imprecise report's own incident: (event type, date, precision, story, region, killed).
type OwnKey = (
    EventType,
    Option<String>,
    String,
    i64,
    Option<Arc<str>>,
    Option<i64>,
);
type DateKey = (Option<String>, DatePrecision);

struct Uf {
    parent: Vec<usize>,
}

impl Uf {
    fn find(&mut self, x: usize) -> usize {
        let mut x = x;
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
}

/// Resolves the event reports (already routed to incidents) into incidents, and attaches the
/// references to earlier events to the incident each points to. Each list is sorted by
/// member key, then report id, without repeats (as [`crate::build`] sorts them).
pub(crate) fn incidents(events: &[&ReportInput], references: &[&ReportInput]) -> Vec<Incident> {
    let mut strings = Strings::default();
    let mut facts: Vec<Facts> = events.iter().map(|r| Facts::of(r, &mut strings)).collect();
    let ref_facts: Vec<Facts> = references
        .iter()
        .map(|r| Facts::of(r, &mut strings))
        .collect();
    let res = resolve(&mut facts, &ref_facts, &mut strings);
    // no previous publication: every incident gets a fresh id, named in assembly order as
    // the streamed build names them
    let mut namer = crate::identity::Namer::new(&Default::default(), &vec![vec![]; res.len()]);
    let mut out: Vec<Incident> = (0..res.len())
        .map(|g| {
            let mut inc = res.assemble(g, &|i| events[i], &|i| references[i]);
            inc.id = namer.name(g, &inc, &|_| false);
            inc
        })
        // denials alone with no dead tell of no event (see `crate::Builder::incidents`)
        .filter(|inc| !crate::only_denied(inc))
        .collect();
    out.sort_by(|a, b| (a.date.is_none(), &a.date, &a.id).cmp(&(b.date.is_none(), &b.date, &b.id)));
    out
}

/// Incidents resolved but not yet assembled: which reports make each (members, attached
/// reports, references), decided from [`Facts`] alone. Assembling one
/// ([`Resolution::assemble`]) needs the whole reports of only that incident, so a caller that
/// cannot hold every report fetches them incident by incident ([`crate::Builder`]).
pub(crate) struct Resolution<'a> {
    items: Items<'a>,
    groups: Vec<Group>,
}

impl<'a> Resolution<'a> {
    /// The event records resolved, as resolution left them.
    pub(crate) fn events(&self) -> &'a [Facts] {
        self.items.f
    }

    /// How many incidents.
    pub(crate) fn len(&self) -> usize {
        self.groups.len()
    }

    /// The reports incident `g` is assembled from: its members and attached reports (indices
    /// into the events [`resolve`] was given), then its references (indices into the
    /// references).
    pub(crate) fn sources(&self, g: usize) -> (Vec<usize>, &[usize]) {
        let grp = &self.groups[g];
        let events = grp.members.iter().chain(&grp.attached).copied().collect();
        (events, &grp.references)
    }

    /// Incident `g`, from the whole reports of its sources: `event(i)` is the report of the
    /// `i`-th event given to [`resolve`], `reference(i)` that of the `i`-th reference (only
    /// those of [`Resolution::sources`] are asked for). Incidents assembled in the order
    /// `0..len()` and sorted by (date, undated last, id), ties kept in that order, are
    /// [`incidents`].
    pub(crate) fn assemble<'r>(
        &self,
        g: usize,
        event: &dyn Fn(usize) -> &'r ReportInput,
        reference: &dyn Fn(usize) -> &'r ReportInput,
    ) -> Incident {
        assemble(&self.groups[g], &self.items, event, reference)
    }

    /// Review's changes of membership (`crate::review`), applied between resolution and
    /// assembly: each `(event, tag)` of `splits` leaves its incident for one of its own, each
    /// `(a, b, tag)` of `merges` moves `a`'s incident's reports into `b`'s. Returns, per
    /// incident after the change, the tags that shaped it (a split of a report already alone,
    /// or a merge of two reports already together, is recorded on it too).
    pub(crate) fn regroup(
        &mut self,
        splits: &[(usize, usize)],
        merges: &[(usize, usize, usize)],
    ) -> Vec<Vec<usize>> {
        let mut tags: Vec<Vec<usize>> = vec![Vec::new(); self.groups.len()];
        let group_of = |groups: &[Group], i: usize| {
            groups
                .iter()
                .position(|g| g.members.contains(&i) || g.attached.contains(&i))
        };
        for &(i, tag) in splits {
            let Some(g) = group_of(&self.groups, i) else {
                continue;
            };
            let grp = &mut self.groups[g];
            if grp.members.len() + grp.attached.len() <= 1 {
                tags[g].push(tag);
                continue;
            }
            grp.members.retain(|&m| m != i);
            grp.attached.retain(|&m| m != i);
            if grp.members.is_empty() {
                grp.members = std::mem::take(&mut grp.attached);
            }
            tags[g].push(tag);
            let it = &self.items.at(i);
            self.groups
                .push(Group::new(it.f.et, it.day(), it.region().cloned(), vec![i]));
            tags.push(vec![tag]);
        }
        for &(a, b, tag) in merges {
            let (Some(ga), Some(gb)) = (group_of(&self.groups, a), group_of(&self.groups, b))
            else {
                continue;
            };
            if ga != gb {
                let from = std::mem::replace(
                    &mut self.groups[ga],
                    Group::new(EventType::Strike, None, None, Vec::new()),
                );
                let into = &mut self.groups[gb];
                into.members.extend(from.members);
                into.attached.extend(from.attached);
                into.references.extend(from.references);
                let moved = std::mem::take(&mut tags[ga]);
                tags[gb].extend(moved);
            }
            tags[gb].push(tag);
        }
        let mut kept = Vec::new();
        let mut out = Vec::new();
        for (g, t) in std::mem::take(&mut self.groups).into_iter().zip(tags) {
            if !g.members.is_empty() {
                kept.push(g);
                out.push(t);
            }
        }
        self.groups = kept;
        out
    }
}

/// Resolves `events` and `references` (each sorted by member key, then report id, without
/// repeats) into incidents: which reports make each. The story pass ([`story_pass`]) writes
/// into the event records the day and region their stories give them.
pub(crate) fn resolve<'a>(
    events: &'a mut [Facts],
    references: &'a [Facts],
    strings: &'a mut Strings,
) -> Resolution<'a> {
    strings.index_perps();
    let strings: &'a Strings = strings;
    story_pass(events, strings);
    let items = Items {
        f: events,
        s: strings,
    };

    // 1. day blocks
    let mut blocks: BTreeMap<(EventType, NaiveDate), Vec<usize>> = BTreeMap::new();
    let mut loose: Vec<usize> = Vec::new();
    let mut windowed: Vec<usize> = Vec::new();
    for i in 0..events.len() {
        let it = items.at(i);
        match it.day() {
            Some(d) => blocks.entry((it.f.et, d)).or_default().push(i),
            None if publication_window(&it).is_some() => windowed.push(i),
            None => loose.push(i),
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    for ((et, day), idx) in &blocks {
        let mut by_region: BTreeMap<Arc<str>, Vec<usize>> = BTreeMap::new();
        let mut unknown = Vec::new();
        for &i in idx {
            match &items.at(i).region() {
                Some(r) => by_region.entry(Arc::clone(r)).or_default().push(i),
                None => unknown.push(i),
            }
        }
        let snapshot = by_region.clone();
        for i in unknown.iter().copied() {
            // a report whose place names a country never joins another country's land
            // group (a strike taken to be at sea in Israel is not the day's strike in Yemen)
            // ... nor the day's event of another state's forces
            let country = items.at(i).country();
            let snapshot: BTreeMap<&Arc<str>, &Vec<usize>> = snapshot
                .iter()
                .filter(|(k, m)| {
                    k.strip_prefix("country:")
                        .is_none_or(|c| country.is_none_or(|x| x == c))
                        && !perps_apart(
                            &[items.at(i)],
                            &m.iter().map(|&j| items.at(j)).collect::<Vec<_>>(),
                        )
                })
                .collect();
            let pick = if snapshot.is_empty() {
                None
            } else if snapshot.len() == 1 {
                snapshot.keys().next().map(|k| (*k).clone())
            } else {
                let same_toll: Vec<&Arc<str>> = snapshot
                    .iter()
                    .filter(|(_, m)| {
                        items.at(i).killed().is_some()
                            && m.iter()
                                .any(|&j| items.at(j).killed() == items.at(i).killed())
                    })
                    .map(|(k, _)| *k)
                    .collect();
                // ambiguous (several regions, no shared toll): not forced into one
                (same_toll.len() == 1).then(|| same_toll[0].clone())
            };
            match pick {
                Some(k) => by_region.get_mut(&k).expect("region group").push(i),
                None => by_region.entry(Arc::from("")).or_default().push(i),
            }
        }
        for (region, members) in by_region {
            for part in by_perps(members, &items)
                .into_iter()
                .flat_map(|p| by_admin1(p, &items))
                .flat_map(|p| by_town(p, &items))
            {
                groups.push(Group::new(
                    *et,
                    Some(*day),
                    Some(region.clone()).filter(|r| !r.is_empty()),
                    part,
                ));
            }
        }
    }

    // 2. adjacent days
    let groups = merge_adjacent(groups, &items);
    let groups = absorb_announcements(groups, &items);
    let groups = merge_operations(groups, &items);

    // 3. imprecise reports: attach when unambiguous, else their own incidents
    let mut by_day: BTreeMap<(EventType, NaiveDate), Vec<usize>> = BTreeMap::new();
    for (g, grp) in groups.iter().enumerate() {
        if let Some(d) = grp.day {
            by_day.entry((grp.et, d)).or_default().push(g);
        }
    }
    let mut groups = groups;
    // news told with no date expression: it joins the one day incident its window fits,
    // else the window's own incident
    let mut open: Vec<usize> = Vec::new();
    for &i in &windowed {
        match window_target(&items.at(i), &groups, &by_day, &items) {
            Some(g) => groups[g].attached.push(i),
            None => open.push(i),
        }
    }
    groups.extend(window_groups(&open, &items));
    let mut own: BTreeMap<OwnKey, Vec<usize>> = BTreeMap::new();
    for &i in &loose {
        let it = &items.at(i);
        if let Some(g) = attach_target(it, &groups, &by_day, &items) {
            groups[g].attached.push(i);
            continue;
        }
        own.entry((
            it.f.et,
            it.date().map(str::to_string),
            it.f.precision.as_str().to_string(),
            it.f.story_id,
            it.region().cloned(),
            it.killed(),
        ))
        .or_default()
        .push(i);
    }
    for ((et, _, _, _, region, _), members) in own {
        groups.push(Group::new(et, None, region, members));
    }

    attach_references(references, strings, &mut groups, &items);
    Resolution { items, groups }
}

/// Gives each group the references that point to it: a reference joins the
/// one incident of its event type whose date it fits (its day, a day either side, or its
/// window) in a compatible region with a compatible toll; a reference that fits none, or
/// several, joins none (it stays a report of kind `reference`).
fn attach_references(references: &[Facts], strings: &Strings, groups: &mut [Group], items: &Items) {
    let mut by_day: BTreeMap<(EventType, NaiveDate), Vec<usize>> = BTreeMap::new();
    for (g, grp) in groups.iter().enumerate() {
        if let Some(d) = grp.day {
            by_day.entry((grp.et, d)).or_default().push(g);
        }
    }
    for (i, f) in references.iter().enumerate() {
        let it = Item { f, s: strings };
        let span = match (it.day(), it.f.when(strings)) {
            (Some(d), _) => (d - chrono::Duration::days(1), d + chrono::Duration::days(1)),
            (None, Some(w)) if (w.last - w.first).num_days() <= 7 => (w.first, w.last),
            _ => continue,
        };
        let et = it.f.et;
        let mut found: Option<usize> = None;
        let mut ambiguous = false;
        for (_, gs) in by_day.range((et, span.0)..=(et, span.1)) {
            for &g in gs {
                let grp = &groups[g];
                let region_ok = match (it.region(), grp.region.as_ref()) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                };
                let killed_ok = it.killed().is_none_or(|k| {
                    let pts = killed_points(&grp.members, items);
                    pts.is_empty() || pts.contains(&k)
                });
                if region_ok && killed_ok {
                    ambiguous |= found.is_some_and(|f| f != g);
                    found = Some(g);
                }
            }
        }
        if let (Some(g), false) = (found, ambiguous) {
            groups[g].references.push(i);
        }
    }
}

/// The window of a report told with no date expression (precision `window`).
fn publication_window(it: &Item) -> Option<(NaiveDate, NaiveDate)> {
    if it.f.precision != DatePrecision::Window {
        return None;
    }
    let w = it.f.when(it.s)?;
    (w.precision == DatePrecision::Window).then_some((w.first, w.last))
}

/// Whether a group's toll and a report's agree (either unknown, or a value in common).
fn killed_fits(members: &[usize], killed: Option<i64>, items: &Items) -> bool {
    killed.is_none_or(|k| {
        let pts = killed_points(members, items);
        pts.is_empty() || pts.contains(&k)
    })
}

/// Whether a group's toll is one a report's claimed range admits (either unknown, or a value
/// of the group inside the range): a report told with no date that says "at least one" died
/// is of the day incident whose sources count two.
fn killed_admits(members: &[usize], killed: Option<&Range>, items: &Items) -> bool {
    killed.is_none_or(|r| {
        let pts = killed_points(members, items);
        pts.is_empty()
            || pts.iter().any(|&k| {
                r.overlaps(&Range {
                    low: Some(k),
                    best: Some(k),
                    high: Some(k),
                })
            })
    })
}

/// The one day incident a window report fits: its event type, a day in its window, a
/// region that does not differ, a first-level division that does not differ, a toll its claim admits; among several, the one alone in
/// agreeing with it on the most figures told exactly (the killed and the survivors: "at
/// least one killed, two survivors" is of the day incident with two survivors, not of the
/// next day's with three killed and none told). `None` when none fits or no one stands out.
fn window_target(
    it: &Item,
    groups: &[Group],
    by_day: &BTreeMap<(EventType, NaiveDate), Vec<usize>>,
    items: &Items,
) -> Option<usize> {
    let (from, to) = publication_window(it)?;
    let et = it.f.et;
    let mut fitting: Vec<(usize, usize)> = Vec::new();
    for (_, gs) in by_day.range((et, from)..=(et, to)) {
        for &g in gs {
            let grp = &groups[g];
            // "a clash near Culiacán" is not of the day's clash in another state
            let admin1_ok = it.admin1().is_none_or(|a| {
                let mut named = grp.members.iter().filter_map(|&m| items.at(m).admin1());
                let mut any = false;
                let same = named.any(|b| {
                    any = true;
                    b == a
                });
                same || !any
            });
            if !admin1_ok || !weak_fits(it, grp, items) {
                continue;
            }
            fitting.push((g, exact_agreements(it, &grp.members, items)));
        }
    }
    if fitting.is_empty() {
        return same_division(it, groups, by_day, items, (from, to));
    }
    let best = fitting.iter().map(|f| f.1).max()?;
    let mut top = fitting.iter().filter(|f| f.1 == best);
    match (top.next(), top.next()) {
        (Some(&(g, _)), None) => Some(g),
        _ => None,
    }
}

/// The one day incident in a window report's window, of its event type (or a strike, for a
/// raid: one operation told as a bombing by some and as an operation by others, see
/// [`merge_operations`]), placed in the first-level division the report names, when none
/// of its type agrees with its toll: news told with no day of "the military operation in
/// Guaviare" that left 25 dead is of the Guaviare bombing dated two days before with 19
/// (tolls change as the dead are counted; the incident shows both). Only for a toll higher
/// than every one the incident has, from a town within [`NEAR_KM`] of its towns; never when
/// two such incidents are in the window, nor for a report naming no division.
fn same_division(
    it: &Item,
    groups: &[Group],
    by_day: &BTreeMap<(EventType, NaiveDate), Vec<usize>>,
    items: &Items,
    (from, to): (NaiveDate, NaiveDate),
) -> Option<usize> {
    let a = it.admin1()?;
    // the later toll is the higher one (the dead counted since), and the places are near
    let rising = |g: &Group| {
        let pts = killed_points(&g.members, items);
        it.killed()
            .is_some_and(|k| !pts.is_empty() && pts.iter().all(|&p| p < k))
    };
    let near = |g: &Group| {
        // (towns' points only: a division's middle says nothing of nearness)
        let town = |x: &Item| (x.f.pos.known() && x.f.dated & COARSE == 0).then_some(x.f.pos);
        let here: BTreeSet<Pos> = town(it).into_iter().collect();
        let there: BTreeSet<Pos> = g
            .members
            .iter()
            .filter_map(|&m| town(&items.at(m)))
            .collect();
        here.iter()
            .all(|&p| there.iter().all(|&q| p.km(q) <= NEAR_KM))
    };
    let mut found = None;
    let types: &[EventType] = if it.f.et == EventType::Raid {
        &[EventType::Raid, EventType::Strike]
    } else {
        &[it.f.et]
    };
    let days = types
        .iter()
        .flat_map(|&et| by_day.range((et, from)..=(et, to)));
    for (_, gs) in days {
        for &g in gs {
            let grp = &groups[g];
            let region_ok = match (it.region(), grp.region.as_ref()) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            if region_ok && grp.members.iter().any(|&m| items.at(m).admin1() == Some(a)) {
                if found.is_some_and(|f| f != g) {
                    return None;
                }
                found = Some(g);
            }
        }
    }
    found.filter(|&g| rising(&groups[g]) && near(&groups[g]))
}

/// How near a town named in a later report with a higher toll must lie to the incident's
/// towns for [`same_division`] to join them.
const NEAR_KM: f64 = 60.0;

/// On how many of the killed and survivors figures a report and some member of a group give
/// the same value (the one a reader would quote: "at least two survivors" gives two).
fn exact_agreements(it: &Item, members: &[usize], items: &Items) -> usize {
    [Field::Killed, Field::Survivors]
        .into_iter()
        .filter(|&f| {
            it.f.point(f, it.s).is_some_and(|v| {
                members
                    .iter()
                    .any(|&m| items.at(m).f.point(f, items.at(m).s) == Some(v))
            })
        })
        .count()
}

/// Window reports that joined no day incident become incidents of their own: reports of one
/// event type and region whose windows overlap and whose tolls agree are one incident,
/// dated to the likeliest day of the days all their windows share (the day before the last,
/// since news is mostly of the day before; the last, for windows up to the day an event was
/// announced), with those days as its window.
fn window_groups(open: &[usize], items: &Items) -> Vec<Group> {
    let mut sorted: Vec<(usize, (NaiveDate, NaiveDate))> = open
        .iter()
        .filter_map(|&i| Some((i, publication_window(&items.at(i))?)))
        .collect();
    sorted.sort_by(|a, b| {
        let (ia, ib) = (&items.at(a.0), &items.at(b.0));
        // items are in canonical (member-key) order: the index stands for the key
        (ia.f.et, &ia.region(), a.1, a.0).cmp(&(ib.f.et, &ib.region(), b.1, b.0))
    });
    let mut out: Vec<Group> = Vec::new();
    for (i, (from, to)) in sorted {
        let it = &items.at(i);
        let fits = out.last().is_some_and(|g| {
            let (gf, gt) = g.window.expect("window group");
            g.et == it.f.et
                && g.region.as_ref() == it.region()
                && from <= gt
                && gf <= to
                && killed_fits(&g.members, it.killed(), items)
        });
        if fits {
            let g = out.last_mut().expect("group");
            let (gf, gt) = g.window.expect("window group");
            g.window = Some((gf.max(from), gt.min(to)));
            g.members.push(i);
        } else {
            let mut g = Group::new(it.f.et, None, it.region().cloned(), vec![i]);
            g.window = Some((from, to));
            out.push(g);
        }
    }
    for g in &mut out {
        let (from, to) = g.window.expect("window group");
        // a window that ends on the day an event was announced ("anunció este viernes el
        // inicio de un ataque"), not on a day of publication: the announcement's day, as
        // strikes are mostly announced the day they are made
        let announced = g
            .members
            .iter()
            .all(|&i| items.at(i).f.dated & ANNOUNCED != 0);
        g.day = Some(if to > from && !announced {
            to - chrono::Duration::days(1)
        } else {
            to
        });
    }
    out
}

fn killed_points(members: &[usize], items: &Items) -> BTreeSet<i64> {
    members
        .iter()
        .filter_map(|&i| items.at(i).killed())
        .collect()
}

/// Two first-level divisions whose places named are all this far apart are two events of
/// one day, whoever names them: outlets that disagree on a division name neighbouring ones
/// (a town and the province beside it), not ones across the country ("a clash in Culiacán,
/// Sinaloa" and "a clash in Apatzingán, Michoacán" on one Sunday are two clashes).
const FAR_KM: f64 = 200.0;

/// How much further than [`FAR_KM`] two places must be to be far when either is the middle of
/// a division or a range ([`COARSE`]): the event may be anywhere in it.
const COARSE_KM: f64 = 400.0;

/// At most this many distinct places per division are compared (a bound on the work for a
/// day with many reports; the places beyond it are further reports of the same towns).
const MAX_PLACES: usize = 16;

/// The divisions named by `members`, each with the distinct positions of its places (and
/// whether each is a division's or a range's middle, [`COARSE`]).
fn divisions<'a>(
    members: impl Iterator<Item = usize>,
    items: &Items<'a>,
) -> BTreeMap<&'a Arc<str>, BTreeSet<(Pos, bool)>> {
    let mut named: BTreeMap<&Arc<str>, BTreeSet<(Pos, bool)>> = BTreeMap::new();
    for i in members {
        let it = items.at(i);
        if let Some(a) = it.admin1() {
            let ps = named.entry(a).or_default();
            if it.f.pos.known() && ps.len() < MAX_PLACES {
                ps.insert((it.f.pos, it.f.dated & COARSE != 0));
            }
        }
    }
    named
}

/// Two first-level divisions whose places are all this far apart, and whose tolls are far
/// apart ([`tolls_far`]), are two events of one day ("25 bandits killed in Zamfara state", "12 in Katsina
/// state"); nearer, a city and the province around it are one event outlets name and count
/// differently ("three killed in Sanaa", "four in Sanaa province").
const TOLLS_APART_KM: f64 = 60.0;

/// Whether two tolls are too far apart to be one event's counted by two outlets: the larger
/// at least twice the smaller, and three more or beyond ("25" and "12" are two raids; "5"
/// and "8", "6" and "7" are one event counted twice, one count later than the other).
fn tolls_far(a: i64, b: i64) -> bool {
    let (lo, hi) = (a.min(b), a.max(b));
    hi - lo >= 3 && hi >= lo.saturating_mul(2)
}

/// Whether every place of one set is more than `km` from every place of the other (false
/// when either has no known place).
fn apart_by(a: &BTreeSet<(Pos, bool)>, b: &BTreeSet<(Pos, bool)>, km: f64) -> bool {
    !a.is_empty() && !b.is_empty() && a.iter().all(|&(p, _)| b.iter().all(|&(q, _)| p.km(q) > km))
}

/// Whether every place named in one division is more than [`FAR_KM`] from every place of the
/// other ([`COARSE_KM`] more where either is a middle; false when either has no known place).
fn far(a: &BTreeSet<(Pos, bool)>, b: &BTreeSet<(Pos, bool)>) -> bool {
    let apart = |(p, pc): (Pos, bool), (q, qc): (Pos, bool)| {
        p.km(q) > FAR_KM + if pc || qc { COARSE_KM } else { 0.0 }
    };
    !a.is_empty() && !b.is_empty() && a.iter().all(|&p| b.iter().all(|&q| apart(p, q)))
}

/// Whether two groups' reports name only divisions far apart (two events; false when either
/// names none).
fn divisions_apart(a: &[usize], b: &[usize], items: &Items) -> bool {
    let (da, db) = (
        divisions(a.iter().copied(), items),
        divisions(b.iter().copied(), items),
    );
    !da.is_empty()
        && !db.is_empty()
        && da
            .iter()
            .all(|(x, px)| db.iter().all(|(y, py)| x != y && far(px, py)))
}

/// Whether one group's reports put it on land in countries the other's never name (a strike
/// off La Guajira and an operation in Jalisco a day later are two events, however the one at
/// sea is keyed). Two boats' reports are never told apart so: a strike at sea is placed "off
/// Venezuela" by one outlet and "near Trinidad" by another.
fn countries_apart(a: &[usize], b: &[usize], items: &Items) -> bool {
    let of = |m: &[usize]| m.iter().map(|&i| items.at(i)).collect::<Vec<_>>();
    items_apart(&of(a), &of(b))
}

/// Whether the reports of one side and of the other name perpetrator states and share none:
/// "Nigerian jets bombed bandit camps on Wednesday" is not Tuesday's AFRICOM strike in
/// Somalia, whatever its lack of a place or toll lets it join. (Not used between two
/// groups that agree on a toll a day apart: outlets name the partners of one joint operation
/// differently.)
fn perps_apart<'a>(a: &[Item<'a>], b: &[Item<'a>]) -> bool {
    let mask = |m: &[Item<'a>]| m.iter().fold(0, |x, i| x | i.perps());
    let (x, y) = (mask(a), mask(b));
    x != 0 && y != 0 && x & y == 0
}

/// [`countries_apart`] of the reports themselves.
fn items_apart<'a>(a: &[Item<'a>], b: &[Item<'a>]) -> bool {
    let named =
        |m: &[Item<'a>]| -> BTreeSet<&'a str> { m.iter().filter_map(|i| i.country()).collect() };
    let land = |m: &[Item<'a>]| -> BTreeSet<&'a str> {
        m.iter().filter_map(|i| i.land_country()).collect()
    };
    let apart = |x: &[Item<'a>], y: &[Item<'a>]| {
        let (on_land, other) = (land(x), named(y));
        !on_land.is_empty() && !other.is_empty() && on_land.is_disjoint(&other)
    };
    apart(a, b) || apart(b, a)
}

/// One day's reports in one region, by the states of their perpetrators: reports that name
/// perpetrator states are one incident's only when their states are linked (a report naming
/// two states links them: "U.S. and Israeli jets struck..."), so that "a U.S. drone killed
/// two men in Marib on Tuesday" and "Israeli jets struck Hodeidah on Tuesday" are two
/// incidents, as are a Kenyan and a U.S. strike in Somalia, or a Turkish and a U.S. one in
/// Iraq, on one day, when both name first-level divisions and other ones. States whose
/// reports share a toll or a division, or whose reports do not both name one, stay one
/// incident's (an outlet naming the wrong state, partners of one joint operation). A report naming no state joins the part
/// whose toll it shares, else the part most reports are in.
fn by_perps(members: Vec<usize>, items: &Items) -> Vec<Vec<usize>> {
    // the bits of each set of linked states
    let mut sets: Vec<u64> = Vec::new();
    for &i in &members {
        let m = items.at(i).perps();
        if m == 0 {
            continue;
        }
        let (linked, mut rest): (Vec<u64>, Vec<u64>) = sets.iter().partition(|&&s| s & m != 0);
        rest.push(linked.into_iter().fold(m, |x, s| x | s));
        sets = rest;
    }
    if sets.len() <= 1 {
        return vec![members];
    }
    sets.sort_unstable();
    // states told of one event that a toll or a division ties together stay one, and so do
    // states whose reports do not both name divisions: an outlet that names the wrong state
    // for a strike others tell ("the attack its forces carried out", 11 dead, beside the U.S.
    // strike that killed 11; "Lebanon's army said a strike killed two") does not make a
    // second incident
    let of = |set: u64| {
        members
            .iter()
            .copied()
            .filter(move |&i| items.at(i).perps() & set != 0)
    };
    let ties = |set: u64| -> (BTreeSet<i64>, BTreeSet<&Arc<str>>) {
        (
            of(set).filter_map(|i| items.at(i).killed()).collect(),
            of(set).filter_map(|i| items.at(i).admin1()).collect(),
        )
    };
    let mut tied = true;
    while tied && sets.len() > 1 {
        tied = false;
        'pairs: for x in 0..sets.len() {
            for y in x + 1..sets.len() {
                let ((ka, da), (kb, db)) = (ties(sets[x]), ties(sets[y]));
                // (apart only where both name divisions, and other ones: a state's report
                // with no division may be the other's event told with the wrong state, or
                // a partner's part of one joint operation)
                if !ka.is_disjoint(&kb) || da.is_empty() || db.is_empty() || !da.is_disjoint(&db) {
                    sets[x] |= sets.remove(y);
                    tied = true;
                    break 'pairs;
                }
            }
        }
    }
    if sets.len() <= 1 {
        return vec![members];
    }
    let mut parts: Vec<Vec<usize>> = vec![Vec::new(); sets.len()];
    let mut rest = Vec::new();
    for &i in &members {
        let m = items.at(i).perps();
        match sets.iter().position(|&s| s & m != 0) {
            Some(p) => parts[p].push(i),
            None => rest.push(i),
        }
    }
    join_rest(&mut parts, rest, items);
    parts
}

/// Gives each report of `rest` (one that names no state, or no division) to the part whose
/// killed figure it shares, when one part alone does, else to the part with most reports.
fn join_rest(parts: &mut [Vec<usize>], rest: Vec<usize>, items: &Items) {
    let most = (0..parts.len())
        .max_by_key(|&p| (parts[p].len(), std::cmp::Reverse(p)))
        .expect("parts");
    for i in rest {
        let shared: Vec<usize> = (0..parts.len())
            .filter(|&p| {
                items.at(i).killed().is_some()
                    && parts[p]
                        .iter()
                        .any(|&j| items.at(j).killed() == items.at(i).killed())
            })
            .collect();
        let p = match shared[..] {
            [p] => p,
            _ => most,
        };
        parts[p].push(i);
    }
}

/// One day's reports in one region, as incidents: one, unless they name first-level
/// divisions told apart, by one article that told of events in two of them that day ("a
/// strike on a house in Sanaa killed four ... an overnight strike in Saada killed two"), by
/// their places being far apart ([`FAR_KM`]), or by tolls far apart ([`tolls_far`]): one
/// incident per set of divisions not told apart. Other reports join the division they name, else the one whose toll they share,
/// else the one most reports name.
fn by_admin1(members: Vec<usize>, items: &Items) -> Vec<Vec<usize>> {
    let named = divisions(members.iter().copied(), items);
    if named.len() <= 1 {
        return vec![members];
    }
    let keys: Vec<&Arc<str>> = named.keys().copied().collect();
    let k = keys.len();
    let at = |a: &Arc<str>| keys.iter().position(|&x| x == a).expect("named division");
    let mut apart = vec![false; k * k];
    let mut of_article: BTreeMap<i64, BTreeSet<usize>> = BTreeMap::new();
    for &i in &members {
        if let Some(a) = items.at(i).admin1() {
            of_article
                .entry(items.at(i).f.article_id)
                .or_default()
                .insert(at(a));
        }
    }
    for told in of_article.values() {
        for &x in told {
            for &y in told {
                apart[x * k + y] |= x != y;
            }
        }
    }
    // (or whose tolls are far apart: "25 bandits killed in Zamfara state" and "12 in Katsina
    // state" the same Saturday are two raids, not one told two ways)
    let mut tolls: Vec<BTreeSet<i64>> = vec![BTreeSet::new(); k];
    for &i in &members {
        if let (Some(a), Some(n)) = (items.at(i).admin1(), items.at(i).killed()) {
            tolls[at(a)].insert(n);
        }
    }
    let places: Vec<&BTreeSet<(Pos, bool)>> = named.values().collect();
    for x in 0..k {
        for y in x + 1..k {
            let tolls_apart = !tolls[x].is_empty()
                && !tolls[y].is_empty()
                && tolls[x]
                    .iter()
                    .all(|&a| tolls[y].iter().all(|&b| tolls_far(a, b)))
                && apart_by(places[x], places[y], TOLLS_APART_KM);
            if far(places[x], places[y]) || tolls_apart {
                apart[x * k + y] = true;
                apart[y * k + x] = true;
            }
        }
    }
    // divisions not told apart are one incident's, unless that would put two told apart
    // together
    let mut uf = Uf {
        parent: (0..k).collect(),
    };
    for x in 0..k {
        for y in x + 1..k {
            let (a, b) = (uf.find(x), uf.find(y));
            if a == b || apart[x * k + y] {
                continue;
            }
            let clash = (0..k)
                .any(|p| uf.find(p) == a && (0..k).any(|q| uf.find(q) == b && apart[p * k + q]));
            if !clash {
                uf.parent[b] = a;
            }
        }
    }
    let roots: Vec<usize> = (0..k).map(|x| uf.find(x)).collect();
    let mut order: Vec<usize> = roots.clone();
    order.sort_unstable();
    order.dedup();
    if order.len() == 1 {
        return vec![members];
    }
    let mut parts: Vec<Vec<usize>> = vec![Vec::new(); order.len()];
    let mut rest = Vec::new();
    for &i in &members {
        match items.at(i).admin1() {
            Some(a) => {
                let r = roots[at(a)];
                parts[order.binary_search(&r).expect("root")].push(i);
            }
            None => rest.push(i),
        }
    }
    join_rest(&mut parts, rest, items);
    parts
}

/// Towns of one division this far apart, each with its own toll from one article, are two
/// events that article told apart ("a strike near Jilib killed four, and another in Buale
/// killed three").
const TOWNS_APART_KM: f64 = 5.0;

/// One day's reports in one division, as incidents: one, unless one article told of events
/// in two towns of it, each with its own toll ([`TOWNS_APART_KM`] apart): then one incident
/// per town so told. Other reports join the town they are near, else the one whose toll
/// they share, else the one most reports name. Cost: linear in the group's reports, times
/// the few towns one article tells.
fn by_town(members: Vec<usize>, items: &Items) -> Vec<Vec<usize>> {
    let town = |i: usize| {
        let x = items.at(i);
        (x.f.pos.known() && x.f.dated & COARSE == 0 && x.killed().is_some()).then_some(x.f.pos)
    };
    // each article's towns with a toll of their own
    let mut of_article: BTreeMap<i64, Vec<(Pos, i64)>> = BTreeMap::new();
    for &i in &members {
        if let (Some(p), Some(k)) = (town(i), items.at(i).killed()) {
            of_article
                .entry(items.at(i).f.article_id)
                .or_default()
                .push((p, k));
        }
    }
    // the towns one article told apart: far from each other, with tolls that differ
    let mut seeds: Vec<Pos> = Vec::new();
    for told in of_article.values() {
        for (a, &(p, k)) in told.iter().enumerate() {
            let apart = told
                .iter()
                .enumerate()
                .any(|(b, &(q, n))| a != b && p.km(q) > TOWNS_APART_KM && k != n);
            if apart && seeds.iter().all(|&s| s.km(p) > TOWNS_APART_KM) {
                seeds.push(p);
            }
        }
    }
    if seeds.len() < 2 {
        return vec![members];
    }
    let mut parts: Vec<Vec<usize>> = vec![Vec::new(); seeds.len()];
    let mut rest = Vec::new();
    for &i in &members {
        let x = items.at(i);
        let near = (x.f.pos.known() && x.f.dated & COARSE == 0)
            .then(|| {
                (0..seeds.len())
                    .filter(|&s| seeds[s].km(x.f.pos) <= TOWNS_APART_KM)
                    .min_by(|&a, &b| seeds[a].km(x.f.pos).total_cmp(&seeds[b].km(x.f.pos)))
            })
            .flatten();
        match near {
            Some(s) => parts[s].push(i),
            None => rest.push(i),
        }
    }
    join_rest(&mut parts, rest, items);
    parts.retain(|p| !p.is_empty());
    parts
}

fn all_soft(members: &[usize], items: &Items) -> bool {
    members.iter().all(|&i| items.at(i).soft())
}

/// (stories dated explicitly, stories, has a killed figure): which of two groups' day wins.
fn strength(members: &[usize], items: &Items) -> (usize, usize, bool) {
    let explicit = distinct(
        members
            .iter()
            .filter(|&&i| !items.at(i).soft())
            .map(|&i| items.at(i).f.story_id),
    )
    .len();
    let stories = distinct(members.iter().map(|&i| items.at(i).f.story_id)).len();
    let killed = members.iter().any(|&i| items.at(i).killed().is_some());
    (explicit, stories, killed)
}

fn merge_adjacent(groups: Vec<Group>, items: &Items) -> Vec<Group> {
    let n = groups.len();
    let mut index: BTreeMap<(EventType, NaiveDate), Vec<usize>> = BTreeMap::new();
    for (g, grp) in groups.iter().enumerate() {
        index
            .entry((grp.et, grp.day.expect("day group")))
            .or_default()
            .push(g);
    }
    let mut uf = Uf {
        parent: (0..n).collect(),
    };
    // per root: (day, region, members)
    let mut state: Vec<(NaiveDate, Option<Arc<str>>, Vec<usize>)> = groups
        .iter()
        .map(|g| {
            (
                g.day.expect("day group"),
                g.region.clone(),
                g.members.clone(),
            )
        })
        .collect();
    for (g, grp) in groups.iter().enumerate() {
        let d = grp.day.expect("day group");
        let Some(next) = d.checked_add_days(Days::new(1)) else {
            continue;
        };
        let Some(cands) = index.get(&(grp.et, next)) else {
            continue;
        };
        for &h in cands {
            let (a, b) = (uf.find(g), uf.find(h));
            if a == b {
                continue;
            }
            let (ga, gb) = (&state[a].2, &state[b].2);
            let region_ok = match (&state[a].1, &state[b].1) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            if !region_ok || divisions_apart(ga, gb, items) || countries_apart(ga, gb, items) {
                continue;
            }
            let (ka, kb) = (killed_points(ga, items), killed_points(gb, items));
            // the same killed figure a day apart: one event two sources date differently
            let ok = !ka.is_empty() && !kb.is_empty() && !ka.is_disjoint(&kb);
            if !ok {
                continue;
            }
            let (sa, sb) = (strength(&state[a].2, items), strength(&state[b].2, items));
            // the stronger day wins; on a tie, the earlier day (the event precedes its report)
            let day = if sb > sa { state[b].0 } else { state[a].0 };
            let members: Vec<usize> = state[a]
                .2
                .iter()
                .chain(state[b].2.iter())
                .copied()
                .collect();
            let within = members.iter().all(|&i| {
                let md = items.at(i).day().expect("day item");
                (md - day).num_days().abs() <= 1
            });
            if !within {
                continue;
            }
            let region = state[a].1.clone().or_else(|| state[b].1.clone());
            uf.parent[b] = a;
            state[a] = (day, region, members);
        }
    }
    let mut out = Vec::new();
    for g in 0..n {
        if uf.find(g) == g {
            let (day, region, mut members) = state[g].clone();
            members.sort_unstable();
            out.push(Group::new(groups[g].et, Some(day), region, members));
        }
    }
    out
}

/// The window of days an imprecise report may refer to.
fn window(it: &Item) -> Option<(NaiveDate, NaiveDate)> {
    let f = it.f;
    match f.precision {
        DatePrecision::Week => {
            let d = NaiveDate::parse_from_str(it.date()?.get(..10)?, "%Y-%m-%d").ok()?;
            Some((d, d.checked_add_days(Days::new(6))?))
        }
        DatePrecision::Unknown if f.date.is_none() => {
            let p = it.f.published?;
            Some((p.checked_sub_days(Days::new(7))?, p))
        }
        _ => None,
    }
}

fn attach_target(
    it: &Item,
    groups: &[Group],
    by_day: &BTreeMap<(EventType, NaiveDate), Vec<usize>>,
    items: &Items,
) -> Option<usize> {
    let (from, to) = window(it)?;
    let et = it.f.et;
    let (Some(region), Some(killed)) = (it.region(), it.killed()) else {
        return week_target(it, groups, by_day, items, (from, to));
    };
    let mut found = None;
    for (_, gs) in by_day.range((et, from)..=(et, to)) {
        for &g in gs {
            let grp = &groups[g];
            if grp.region.as_ref() != Some(region) {
                continue;
            }
            if !grp
                .members
                .iter()
                .any(|&i| items.at(i).killed() == Some(killed))
            {
                continue;
            }
            if found.is_some() {
                return None;
            }
            found = Some(g);
        }
    }
    found
}

/// Whether a report with no day of its own may join the group `grp`: a region that does not
/// differ, no country nor perpetrator state told apart (news of a strike at sea off one
/// country has no region to tell it from the day's event in another), and a toll its claim
/// admits.
fn weak_fits(it: &Item, grp: &Group, items: &Items) -> bool {
    let region_ok = match (it.region(), grp.region.as_ref()) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    };
    let members: Vec<Item> = grp.members.iter().map(|&m| items.at(m)).collect();
    region_ok
        && !items_apart(&[*it], &members)
        && !perps_apart(&[*it], &members)
        && killed_admits(&grp.members, it.f.killed(it.s).as_ref(), items)
}

/// The one day incident of its type in a week's news that names no region or no toll ("a
/// man killed when U.S. forces sank a speedboat last week"): in its week, a region that
/// does not differ, no country nor perpetrator state told apart, a toll its claim admits;
/// `None` when none or several fit (a week of the boat campaign often has several strikes),
/// or for news dated less precisely than a week.
fn week_target(
    it: &Item,
    groups: &[Group],
    by_day: &BTreeMap<(EventType, NaiveDate), Vec<usize>>,
    items: &Items,
    (from, to): (NaiveDate, NaiveDate),
) -> Option<usize> {
    if it.f.precision != DatePrecision::Week {
        return None;
    }
    let mut found = None;
    for (_, gs) in by_day.range((it.f.et, from)..=(it.f.et, to)) {
        for &g in gs {
            if !weak_fits(it, &groups[g], items) {
                continue;
            }
            if found.is_some() {
                return None;
            }
            found = Some(g);
        }
    }
    found
}

fn majority<T: Ord + Clone>(vals: impl IntoIterator<Item = T>) -> Option<T> {
    let mut counts: BTreeMap<T, usize> = BTreeMap::new();
    for v in vals {
        *counts.entry(v).or_default() += 1;
    }
    // most frequent; on a tie the smallest
    let max = counts.values().copied().max()?;
    counts.into_iter().find(|(_, c)| *c == max).map(|(v, _)| v)
}

/// An incident's date, precision and window: its group's day (and window), else those its
/// first member's date gives.
fn incident_date(g: &Group, items: &Items) -> (Option<String>, DatePrecision, Option<[String; 2]>) {
    match g.day {
        Some(d) if g.window.is_some() => {
            let (from, to) = g.window.expect("window");
            let f = |d: NaiveDate| d.format("%Y-%m-%d").to_string();
            (Some(f(d)), DatePrecision::Window, Some([f(from), f(to)]))
        }
        Some(d) => {
            let d = d.format("%Y-%m-%d").to_string();
            (Some(d.clone()), DatePrecision::Day, Some([d.clone(), d]))
        }
        None => {
            let it = &items.at(g.members[0]);
            let w = window(it).map(|(a, b)| {
                [
                    a.format("%Y-%m-%d").to_string(),
                    b.format("%Y-%m-%d").to_string(),
                ]
            });
            match (it.date(), it.f.precision) {
                (Some(d), DatePrecision::Month) if d.len() >= 7 => {
                    let m = d[..7].to_string();
                    let w = month_window(&m);
                    (Some(m), DatePrecision::Month, w)
                }
                (Some(_), p) => (None, p, w),
                (None, _) => (None, DatePrecision::Unknown, w),
            }
        }
    }
}

/// A member report of an incident while it is assembled: the whole report, its content key
/// and its region as resolution left it (a report of a story takes its cluster's region).
struct Member<'m> {
    r: &'m ReportInput,
    key: String,
    region: Option<&'m Arc<str>>,
}

fn assemble<'r>(
    g: &Group,
    items: &Items,
    event: &dyn Fn(usize) -> &'r ReportInput,
    reference: &dyn Fn(usize) -> &'r ReportInput,
) -> Incident {
    let mut members: Vec<Member> = g
        .members
        .iter()
        .chain(g.attached.iter())
        .map(|&i| {
            let r = event(i);
            debug_assert_eq!(r.report_id, items.at(i).f.report_id, "the report resolved");
            Member {
                r,
                key: r.stable_key(),
                region: items.at(i).region(),
            }
        })
        .collect();
    // earliest published first (undated last), then by key
    members.sort_by(|a, b| {
        (a.r.published.is_none(), &a.r.published, &a.key).cmp(&(
            b.r.published.is_none(),
            &b.r.published,
            &b.key,
        ))
    });
    let reports: Vec<&ReportInput> = members.iter().map(|m| m.r).collect();
    let id = short_id("inc", &members[0].key);
    let (date, date_precision, window) = incident_date(g, items);
    // (date, precision) -> (report ids, story ids)
    let mut dates: BTreeMap<DateKey, (Vec<i64>, Vec<i64>)> = BTreeMap::new();
    for m in &members {
        let e = dates
            .entry((m.r.report.date.clone(), m.r.report.date_precision))
            .or_default();
        e.0.push(m.r.report_id);
        e.1.push(m.r.story_id);
    }
    let dates = dates
        .into_iter()
        .map(|((date, precision), (ids, stories))| DateValue {
            date,
            precision,
            report_ids: distinct(ids),
            stories: distinct(stories).len(),
        })
        .collect();

    let place = place_of(g, &members);
    let figures = reconcile::figures(&reports);
    let denied = reports
        .iter()
        .any(|r| r.report.modality == Modality::Denied);
    let modality = if reports
        .iter()
        .all(|r| r.report.modality == Modality::Denied)
    {
        Modality::Denied
    } else {
        Modality::Occurred
    };
    let stories = distinct(reports.iter().map(|r| r.story_id)).len();
    let acknowledged = reports.iter().any(|r| {
        r.report.modality == Modality::Occurred && reconcile::acknowledging(r.report.source.kind)
    }) || figures_acknowledged(&figures);
    let fig_contested = figures.any_contested();
    let contested = denied || fig_contested;
    let grade = if denied {
        Grade::Contested
    } else if acknowledged {
        Grade::Acknowledged
    } else if fig_contested {
        Grade::Contested
    } else if stories >= 2 {
        Grade::Corroborated
    } else {
        Grade::SingleSource
    };
    let target_kind = majority(reports.iter().filter_map(|r| r.report.target_kind));
    let means = majority(
        reports
            .iter()
            .filter_map(|r| r.report.means.clone())
            .filter(|m| m != "unknown"),
    )
    .or_else(|| reports.iter().find_map(|r| r.report.means.clone()));
    let actors = |role: Role| {
        distinct(reports.iter().flat_map(|r| {
            r.report
                .actors
                .iter()
                .filter(|a| a.role == role)
                .map(|a| ActorRef {
                    name: a.name.clone(),
                    alleged: a.alleged,
                    state: a.state.clone(),
                    non_state: a.non_state,
                })
        }))
    };
    let mut attached_report_ids: Vec<i64> = g
        .attached
        .iter()
        .map(|&i| items.at(i).f.report_id)
        .collect();
    attached_report_ids.sort_unstable();
    Incident {
        id,
        event_type: g.et,
        target_kind,
        means,
        modality,
        date,
        date_precision,
        window,
        dates,
        place,
        figures,
        contested,
        denied,
        grade,
        stories,
        perpetrators: actors(Role::Perpetrator),
        target_groups: actors(Role::TargetGroup),
        sources: reports.iter().map(|r| r.source_ref()).collect(),
        attached_report_ids,
        references: g
            .references
            .iter()
            .map(|&i| reference(i).source_ref())
            .collect(),
        review: None,
    }
}

fn figures_acknowledged(f: &reconcile::IncidentFigures) -> bool {
    reconcile::IncidentFigures::FIELDS.iter().any(|&k| {
        f.get(k)
            .is_some_and(|x| x.values.iter().any(|v| v.acknowledged))
    })
}

/// The incident's place: among members in the incident's region (all members when it has
/// none), the most precise place; then one naming a country; then the most stories.
fn place_of(g: &Group, members: &[Member]) -> Place {
    let mut cands: BTreeMap<(u8, bool, String), (Place, BTreeSet<i64>)> = BTreeMap::new();
    for m in members {
        let Some(p) = &m.r.report.place else { continue };
        if g.region.is_some() && m.region.is_some() && m.region != g.region.as_ref() {
            continue;
        }
        if g.region.is_some() && m.region.is_none() && p.region_code.is_none() && p.precision < 5 {
            // a land place beside a sea strike
            continue;
        }
        let key = (p.precision, p.country.is_none(), p.name.clone());
        cands
            .entry(key)
            .or_insert_with(|| (Place::of(p), BTreeSet::new()))
            .1
            .insert(m.r.story_id);
    }
    let best_prec = cands.keys().next().map(|k| (k.0, k.1));
    cands
        .into_iter()
        .filter(|(k, _)| Some((k.0, k.1)) == best_prec)
        .max_by(|a, b| a.1 .1.len().cmp(&b.1 .1.len()).then(b.0 .2.cmp(&a.0 .2)))
        .map(|(_, (p, _))| p)
        .unwrap_or_else(Place::none)
}

fn month_window(m: &str) -> Option<[String; 2]> {
    let first = NaiveDate::parse_from_str(&format!("{m}-01"), "%Y-%m-%d").ok()?;
    let last = first
        .checked_add_months(chrono::Months::new(1))?
        .pred_opt()?;
    Some([
        first.format("%Y-%m-%d").to_string(),
        last.format("%Y-%m-%d").to_string(),
    ])
}

fn points(members: &[usize], items: &Items, field: Field) -> BTreeSet<i64> {
    members
        .iter()
        .filter_map(|&i| items.at(i).f.point(field, items.at(i).s))
        .collect()
}

/// Within one story, reports of one event type dated at most two days apart whose killed
/// figures, vessel counts, regions and divisions do not disagree are one event told twice: the later
/// date is nearly always the announcement ("said on Wednesday"), so the earliest date is
/// kept. Members without a region take the cluster's.
fn story_pass(events: &mut [Facts], strings: &Strings) {
    let mut by_story: BTreeMap<(i64, EventType), Vec<usize>> = BTreeMap::new();
    for (i, it) in events.iter().enumerate() {
        if it.day.is_some() {
            by_story.entry((it.story_id, it.et)).or_default().push(i);
        }
    }
    for (_, mut idx) in by_story {
        if idx.len() < 2 {
            continue;
        }
        // (a story's records are read, then written: no story reads another's)
        let items = Items {
            f: events,
            s: strings,
        };
        // items are in canonical (member-key) order: the index stands for the key
        idx.sort_by_key(|&a| (items.at(a).day(), a));
        // clusters: (min day, max day, members)
        let mut clusters: Vec<(NaiveDate, NaiveDate, Vec<usize>)> = Vec::new();
        for &i in &idx {
            let d = items.at(i).day().expect("day item");
            let fits = |c: &(NaiveDate, NaiveDate, Vec<usize>)| {
                if (d - c.0).num_days() > 2 {
                    return false;
                }
                if c.2.iter().any(|&j| told_apart(&items.at(i), &items.at(j))) {
                    return false;
                }
                // (nor in divisions far apart, or in two divisions one article names: "an
                // airstrike in the Golis mountains on Saturday ... in Lower Shabelle on
                // Sunday" tells two strikes, not one and its announcement)
                let (it, adm) = (items.at(i), items.at(i).admin1());
                if divisions_apart(&c.2, &[i], &items)
                    || c.2.iter().any(|&j| {
                        let o = items.at(j);
                        o.f.article_id == it.f.article_id
                            && adm.zip(o.admin1()).is_some_and(|(x, y)| x != y)
                    })
                {
                    return false;
                }
                let mut all = c.2.clone();
                all.push(i);
                let regions: BTreeSet<&Arc<str>> =
                    all.iter().filter_map(|&j| items.at(j).region()).collect();
                regions.len() <= 1
                    && points(&all, &items, Field::Killed).len() <= 1
                    && points(&all, &items, Field::Vessels).len() <= 1
            };
            match clusters.iter().position(fits) {
                Some(c) => {
                    clusters[c].1 = clusters[c].1.max(d);
                    clusters[c].2.push(i);
                }
                None => clusters.push((d, d, vec![i])),
            }
        }
        for (first, last, members) in clusters {
            if first == last {
                continue;
            }
            let region = members.iter().find_map(|&j| events[j].region);
            for j in members {
                let f = &mut events[j];
                if f.day != Some(first) {
                    f.day = Some(first);
                    f.dated |= RESTATED;
                }
                if f.region.is_none() {
                    f.region = region;
                }
            }
        }
    }
}

/// The groups not marked gone (folded into another).
fn kept(groups: Vec<Group>, gone: &[bool]) -> Vec<Group> {
    groups
        .into_iter()
        .zip(gone)
        .filter(|(_, x)| !**x)
        .map(|(g, _)| g)
        .collect()
}

/// One operation told as a bombing by some and as a ground operation by others ("a bombing
/// of a dissident camp in Guaviare killed 19", "19 dissidents died in a military offensive
/// in Calamar, Guaviare"): a raid group joins the one strike group of its day or a day
/// either side in its country and first-level division that shares its killed figure, when
/// every member then lies within a day of the strike's day. The incident stays a strike:
/// the bombing is what was done, the ground operation what followed it.
fn merge_operations(mut groups: Vec<Group>, items: &Items) -> Vec<Group> {
    let admin1 = |g: &Group| -> BTreeSet<&Arc<str>> {
        g.members
            .iter()
            .filter_map(|&i| items.at(i).admin1())
            .collect()
    };
    let mut strikes: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    for (g, grp) in groups.iter().enumerate() {
        if grp.et == EventType::Strike {
            strikes
                .entry(grp.day.expect("day group"))
                .or_default()
                .push(g);
        }
    }
    let mut gone = vec![false; groups.len()];
    for r in 0..groups.len() {
        let raid = &groups[r];
        let Some(region) = raid.region.as_ref().filter(|x| x.starts_with("country:")) else {
            continue;
        };
        if raid.et != EventType::Raid {
            continue;
        }
        let d = raid.day.expect("day group");
        let (divisions, killed) = (admin1(raid), killed_points(&raid.members, items));
        if divisions.is_empty() || killed.is_empty() {
            continue;
        }
        let (Some(from), Some(to)) = (
            d.checked_sub_days(Days::new(1)),
            d.checked_add_days(Days::new(1)),
        ) else {
            continue;
        };
        let fits: Vec<usize> = strikes
            .range(from..=to)
            .flat_map(|(_, gs)| gs.iter().copied())
            .filter(|&s| {
                let strike = &groups[s];
                strike.region.as_ref() == Some(region)
                    && !admin1(strike).is_disjoint(&divisions)
                    && !killed_points(&strike.members, items).is_disjoint(&killed)
            })
            .collect();
        let [s] = fits[..] else {
            continue;
        };
        let day = groups[s].day.expect("day group");
        let within = groups[r]
            .members
            .iter()
            .chain(&groups[s].members)
            .all(|&i| {
                items
                    .at(i)
                    .day()
                    .is_some_and(|x| (x - day).num_days().abs() <= 1)
            });
        if !within {
            continue;
        }
        let moved = std::mem::take(&mut groups[r].members);
        groups[s].members.extend(moved);
        groups[s].members.sort_unstable();
        gone[r] = true;
    }
    kept(groups, &gone)
}

/// One article dating two reports by two relative expressions of their own two or more
/// days apart told two events ("Saturday's strikes ... less than two days after Thursday's
/// strike"), not one event and its announcement: they are never folded together. Nor are
/// two reports it dates a day apart by two dates written out when their tolls are not one
/// ("on Feb. 22 another strike killed a commander", "the Feb. 23 strike killed ..."): the
/// story writes both days out to tell them apart. (The same toll on both days is one event
/// dated by two clocks: "late on Oct. 3 ... in the early hours of Oct. 4 local time"; two
/// days apart, a date written out is often the announcement's: "On October 19, two days
/// after the strike, the secretary published a statement announcing it".)
fn told_apart(a: &Item, b: &Item) -> bool {
    let (Some(x), Some(y)) = (a.day(), b.day()) else {
        return false;
    };
    let apart = (x - y).num_days().abs();
    let one_toll = a.killed().is_some() && a.killed() == b.killed();
    a.f.article_id == b.f.article_id
        && ((a.f.dated & b.f.dated & RELATIVE != 0 && apart > 1)
            || ((a.f.dated | b.f.dated) & SOFT == 0 && apart == 1 && !one_toll))
}

/// A group with no killed figure dated only relatively (typically an announcement: "the
/// survivors of Thursday's strike will be sent home, Trump said on Saturday") joins the one
/// group one or two days before it whose region and figures agree with it best (a shared
/// survivor or vessel count; else a group with a killed figure or an explicit date), when
/// that group is unique. The event precedes its announcement, so never a later group.
fn absorb_announcements(mut groups: Vec<Group>, items: &Items) -> Vec<Group> {
    let mut index: BTreeMap<(EventType, NaiveDate), Vec<usize>> = BTreeMap::new();
    for (g, grp) in groups.iter().enumerate() {
        index
            .entry((grp.et, grp.day.expect("day group")))
            .or_default()
            .push(g);
    }
    let mut gone = vec![false; groups.len()];
    for g in 0..groups.len() {
        let grp = &groups[g];
        if !points(&grp.members, items, Field::Killed).is_empty() || !all_soft(&grp.members, items)
        {
            continue;
        }
        let d = grp.day.expect("day group");
        let (Some(from), Some(to)) = (
            d.checked_sub_days(Days::new(2)),
            d.checked_sub_days(Days::new(1)),
        ) else {
            continue;
        };
        let mut best: Vec<(usize, usize)> = Vec::new();
        for (_, hs) in index.range((grp.et, from)..=(grp.et, to)) {
            for &h in hs {
                if h == g || gone[h] {
                    continue;
                }
                let other = &groups[h];
                if let (Some(a), Some(b)) = (&grp.region, &other.region) {
                    if a != b {
                        continue;
                    }
                }
                let of = |m: &[usize]| m.iter().map(|&i| items.at(i)).collect::<Vec<_>>();
                // (nor in towns or divisions far apart: "soldiers clashed with gunmen in
                // Caborca on Wednesday" is not Tuesday's clash in Culiacán)
                if countries_apart(&grp.members, &other.members, items)
                    || divisions_apart(&grp.members, &other.members, items)
                    || perps_apart(&of(&grp.members), &of(&other.members))
                {
                    continue;
                }
                if grp.members.iter().any(|&i| {
                    other
                        .members
                        .iter()
                        .any(|&j| told_apart(&items.at(i), &items.at(j)))
                }) {
                    continue;
                }
                let mut matches = 0;
                let mut ok = true;
                for f in [Field::Survivors, Field::Vessels, Field::Injured] {
                    let (a, b) = (
                        points(&grp.members, items, f),
                        points(&other.members, items, f),
                    );
                    if !a.is_empty() && !b.is_empty() {
                        if a.is_disjoint(&b) {
                            ok = false;
                        } else {
                            matches += 1;
                        }
                    }
                }
                let stronger = !points(&other.members, items, Field::Killed).is_empty()
                    || !all_soft(&other.members, items);
                if ok && (stronger || matches > 0) {
                    best.push((matches, h));
                }
            }
        }
        best.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let pick = match best.as_slice() {
            [] => None,
            [one] => Some(one.1),
            [a, b, ..] if a.0 > b.0 => Some(a.1),
            _ => None,
        };
        if let Some(h) = pick {
            let moved = std::mem::take(&mut groups[g].members);
            let region = groups[g].region.clone();
            groups[h].members.extend(moved);
            groups[h].members.sort_unstable();
            if groups[h].region.is_none() {
                groups[h].region = region;
            }
            gone[g] = true;
        }
    }
    kept(groups, &gone)
}

#[cfg(test)]
mod tests {
    //! Incidents never merge across countries (synthetic reports); compact figures.

    use sw_model::{
        DateBasis, DatePrecision, EventType, Figures, Modality, PlaceRef, Report, ReportKind,
        Source, TargetKind,
    };

    use super::region_key;
    use crate::{build, ReportInput};

    /// A place: a town or country on land (`code` None), or a sea region.
    fn place(name: &str, country: Option<&str>, code: Option<&str>, precision: u8) -> PlaceRef {
        PlaceRef {
            name: name.into(),
            country: country.map(str::to_string),
            region: code.map(str::to_string),
            region_code: code.map(str::to_string),
            admin1: None,
            lat: None,
            lon: None,
            precision,
        }
    }

    fn strike(place: Option<PlaceRef>, target: TargetKind) -> Report {
        Report {
            kind: ReportKind::Event,
            event_type: EventType::Strike,
            target_kind: Some(target),
            means: Some("unknown".into()),
            modality: Modality::Occurred,
            date: Some("2025-04-09".into()),
            date_precision: DatePrecision::Day,
            date_basis: DateBasis::Explicit,
            place,
            figures: Figures::default(),
            actors: Vec::new(),
            source: Source::outlet(),
            sentence: [0, 40],
            claims: Vec::new(),
        }
    }

    fn input(id: i64, report: Report) -> ReportInput {
        ReportInput {
            report_id: id,
            article_id: id,
            story_id: id,
            url: Some(format!("https://news{id}.example/a")),
            outlet: Some(format!("news{id}.example")),
            published: Some("2025-04-10".into()),
            lang: "en".into(),
            report,
            quote: format!("Synthetic sentence {id}."),
        }
    }

    /// A figure kept in four bytes reads back exactly, a missing one as missing, and one
    /// beyond what four bytes hold through the table of such figures.
    #[test]
    fn figures_kept_small_read_back() {
        use super::{Num, Strings, Sym};
        let mut s = Strings::default();
        let values = [
            None,
            Some(0),
            Some(1),
            Some(-3),
            Some(2_000_000_000),
            Some(i64::from(i32::MAX)),
            Some(3_000_000_000),
            Some(4_000_000_000),
            Some(i64::MAX),
            Some(i64::MIN),
            Some(3_000_000_000),
        ];
        let nums: Vec<Num> = values.iter().map(|&v| Num::of(v, &mut s)).collect();
        for (n, v) in nums.iter().zip(values) {
            assert_eq!(n.get(&s), v);
        }
        // one figure, one number: equal figures compare equal, different ones do not
        assert_eq!(nums[6], nums[10]);
        assert_ne!(nums[6], nums[7]);
        assert_eq!(std::mem::size_of::<Option<Sym>>(), 4);
        assert_eq!(std::mem::size_of::<Num>(), 4);
        // the record a rebuild holds per event report, and the view resolution reads it by
        // (nothing more is held per report while resolving)
        assert!(std::mem::size_of::<super::Facts>() <= 96);
    }

    #[test]
    fn land_reports_block_by_country_and_boats_by_sea() {
        let sanaa = place("Sanaa", Some("YE"), None, 1);
        let land = strike(Some(sanaa.clone()), TargetKind::LandSite);
        assert_eq!(region_key(&land).as_deref(), Some("country:YE"));
        // a boat off a country: the sea region; a country beside a boat: no region
        let sea = strike(
            Some(place(
                "waters off Venezuela",
                Some("VE"),
                Some("caribbean"),
                4,
            )),
            TargetKind::Vessel,
        );
        assert_eq!(region_key(&sea).as_deref(), Some("caribbean"));
        let beside = strike(
            Some(place("Venezuela", Some("VE"), None, 4)),
            TargetKind::Vessel,
        );
        assert_eq!(region_key(&beside), None);
    }

    #[test]
    fn a_raid_and_a_strike_of_one_operation_are_one_incident() {
        // "a bombing of a dissident camp in Guaviare killed 19" (Monday) and "at least 19
        // dissidents died in a military offensive in Calamar, Guaviare" (Tuesday)
        let op = |et: EventType, name: &str, admin1: &str, day: &str, killed: i64| {
            let mut p = place(name, Some("CO"), None, 1);
            p.admin1 = Some(admin1.into());
            let mut r = strike(Some(p), TargetKind::LandSite);
            r.event_type = et;
            r.date = Some(day.into());
            r.figures.killed = Some(sw_model::Figure {
                low: Some(killed),
                best: Some(killed),
                high: None,
                approx: false,
                surface: killed.to_string(),
            });
            r
        };
        let bombing = op(EventType::Strike, "Guaviare", "Guaviare", "2025-11-10", 19);
        let offensive = op(EventType::Raid, "Calamar", "Guaviare", "2025-11-11", 19);
        let l = build(&[input(1, bombing.clone()), input(2, offensive.clone())]);
        assert_eq!(l.incidents.len(), 1, "{}", l.to_json());
        assert_eq!(l.incidents[0].event_type, EventType::Strike);
        assert_eq!(l.incidents[0].date.as_deref(), Some("2025-11-10"));
        assert_eq!(l.incidents[0].stories, 2);
        // another division, another toll, or two days apart: two operations
        for other in [
            op(EventType::Raid, "Calamar", "Bolívar", "2025-11-11", 19),
            op(EventType::Raid, "Calamar", "Guaviare", "2025-11-11", 4),
            op(EventType::Raid, "Calamar", "Guaviare", "2025-11-12", 19),
        ] {
            let l = build(&[input(1, bombing.clone()), input(2, other)]);
            assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
        }
    }

    #[test]
    fn one_articles_events_in_two_divisions_on_one_day_are_two_incidents() {
        // one article: a strike in Sanaa that killed four, one in Saada that killed two, the
        // same day; another outlet's report of the Saada strike joins that one
        let land = |name: &str, admin1: &str, killed: i64| {
            let mut p = place(name, Some("YE"), None, 1);
            p.admin1 = Some(admin1.into());
            let mut r = strike(Some(p), TargetKind::LandSite);
            r.figures.killed = Some(sw_model::Figure {
                low: Some(killed),
                best: Some(killed),
                high: Some(killed),
                approx: false,
                surface: killed.to_string(),
            });
            r
        };
        let mut sanaa = input(1, land("Sanaa", "Amanat al Asimah", 4));
        let mut saada = input(2, land("Saada", "Sa'dah", 2));
        saada.article_id = sanaa.article_id;
        saada.story_id = sanaa.story_id;
        sanaa.report_id = 1;
        let other = input(3, land("Saada", "Sa'dah", 2));
        let l = build(&[sanaa, saada, other]);
        assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
        let mut tolls: Vec<(usize, Option<i64>)> = l
            .incidents
            .iter()
            .map(|i| {
                (
                    i.sources.len(),
                    i.figures.killed.as_ref().and_then(|k| k.best),
                )
            })
            .collect();
        tolls.sort_unstable();
        assert_eq!(tolls, vec![(1, Some(4)), (2, Some(2))]);
        // two outlets' reports of one strike that name two divisions stay one incident
        let a = input(4, land("Sanaa", "Amanat al Asimah", 4));
        let b = input(5, land("Sanaa", "Sanaa Governorate", 4));
        assert_eq!(build(&[a, b]).incidents.len(), 1);
    }

    #[test]
    fn incidents_never_merge_across_countries() {
        let land = |name: &str, cc: &str| {
            strike(Some(place(name, Some(cc), None, 1)), TargetKind::LandSite)
        };
        let l = build(&[
            // the same day: a land strike in Yemen, one in Venezuela, a boat in the Caribbean
            input(1, land("Sanaa", "YE")),
            input(2, land("Caracas", "VE")),
            input(
                3,
                strike(
                    Some(place("Caribbean Sea", None, Some("caribbean"), 4)),
                    TargetKind::Vessel,
                ),
            ),
            // a second report of the Yemen strike joins it
            input(4, land("Hodeidah", "YE")),
        ]);
        assert_eq!(l.incidents.len(), 3, "{}", l.to_json());
        let countries: Vec<Option<&str>> = l
            .incidents
            .iter()
            .map(|i| i.place.country.as_deref())
            .collect();
        assert!(countries.contains(&Some("YE")) && countries.contains(&Some("VE")));
        assert!(l
            .incidents
            .iter()
            .any(|i| i.place.region_code.as_deref() == Some("caribbean")));
        // a strike taken to be at sea, placed in another country only, stays apart from the
        // day's only land incident
        let l = build(&[
            input(1, land("Sanaa", "YE")),
            input(
                2,
                strike(
                    Some(place("Israel", Some("IL"), None, 4)),
                    TargetKind::Vessel,
                ),
            ),
        ]);
        assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
        // with no country at all it still joins the day's one group
        let l = build(&[
            input(1, land("Sanaa", "YE")),
            input(2, strike(None, TargetKind::Vessel)),
        ]);
        assert_eq!(l.incidents.len(), 1, "{}", l.to_json());
    }

    /// A strike at sea off one country (no region to key it by) and, a day later, news of a
    /// strike in another country with no toll and a relative date: two incidents, though the
    /// second reads like the first's announcement; likewise news with no date expression.
    #[test]
    fn no_announcement_nor_window_joins_another_countrys_event() {
        let mut at_sea = strike(
            Some(place("La Guajira", Some("CO"), None, 3)),
            TargetKind::Vessel,
        );
        at_sea.figures.killed = Some(dead(4, "four"));
        let mut later = strike(
            Some(place("Tapalpa", Some("MX"), None, 1)),
            TargetKind::LandSite,
        );
        later.date = Some("2025-04-10".into());
        later.date_basis = DateBasis::Relative;
        let l = build(&[input(1, at_sea.clone()), input(2, later.clone())]);
        assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
        // the same day's news in the same country still joins it
        later.place = Some(place("Riohacha", Some("CO"), None, 1));
        later.target_kind = Some(TargetKind::Vessel);
        let l = build(&[input(1, at_sea.clone()), input(2, later)]);
        assert_eq!(l.incidents.len(), 1, "{}", l.to_json());
        // news with no date expression, in the window of the strike at sea
        let mut undated = strike(
            Some(place("Sinaloa", Some("MX"), None, 3)),
            TargetKind::LandSite,
        );
        undated.date = Some("2025-04-10".into());
        undated.date_precision = DatePrecision::Window;
        undated.date_basis = DateBasis::Publication;
        let l = build(&[input(1, at_sea.clone()), input(2, undated)]);
        assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
        // a boat one outlet puts off one country and another off its neighbour, a day later
        // by a relative date with the same toll, is one strike
        let mut off_neighbour = at_sea.clone();
        off_neighbour.place = Some(place("Maracaibo", Some("VE"), None, 1));
        off_neighbour.date = Some("2025-04-10".into());
        off_neighbour.date_basis = DateBasis::Relative;
        let l = build(&[input(1, at_sea), input(2, off_neighbour)]);
        assert_eq!(l.incidents.len(), 1, "{}", l.to_json());
    }

    /// An exact toll of `n` dead, written `surface`.
    fn dead(n: i64, surface: &str) -> sw_model::Figure {
        sw_model::Figure {
            low: Some(n),
            best: Some(n),
            high: Some(n),
            approx: false,
            surface: surface.into(),
        }
    }

    /// A perpetrator of the report: `name` with its `state`.
    fn by(state: &str, name: &str) -> sw_model::Actor {
        sw_model::Actor {
            role: sw_model::Role::Perpetrator,
            name: name.into(),
            alleged: false,
            source: Source::outlet(),
            state: Some(state.into()),
            non_state: false,
        }
    }

    #[test]
    fn no_weak_report_joins_another_states_event() {
        let mut somalia = strike(
            Some(place("Jilib", Some("SO"), None, 1)),
            TargetKind::LandSite,
        );
        somalia.figures.killed = Some(dead(3, "three"));
        somalia.actors = vec![by("US", "U.S. Africa Command")];
        // the next day's news of another state's strike, no place nor toll of its own
        let mut nigeria = strike(None, TargetKind::LandSite);
        nigeria.date = Some("2025-04-10".into());
        nigeria.date_basis = DateBasis::Relative;
        nigeria.actors = vec![by("NG", "Nigerian Air Force")];
        let l = build(&[input(1, somalia.clone()), input(2, nigeria.clone())]);
        assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
        // ... nor the same day's, nor news with no date expression in its window
        nigeria.date = Some("2025-04-09".into());
        let l = build(&[input(1, somalia.clone()), input(2, nigeria.clone())]);
        assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
        nigeria.date = Some("2025-04-10".into());
        nigeria.date_precision = DatePrecision::Window;
        nigeria.date_basis = DateBasis::Publication;
        let l = build(&[input(1, somalia.clone()), input(2, nigeria)]);
        assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
        // nor news of the same state's operation far away
        let mut far_off = strike(
            Some(PlaceRef {
                lat: Some(-0.75),
                lon: Some(42.05),
                admin1: Some("Lower Juba".into()),
                ..place("Kismayo", Some("SO"), None, 1)
            }),
            TargetKind::LandSite,
        );
        far_off.date = Some("2025-04-10".into());
        far_off.date_basis = DateBasis::Relative;
        far_off.actors = vec![by("US", "United States")];
        let mut near = somalia.clone();
        near.place = Some(PlaceRef {
            lat: Some(11.2),
            lon: Some(49.2),
            admin1: Some("Bari".into()),
            ..place("Bosaso", Some("SO"), None, 1)
        });
        let l = build(&[input(1, near), input(2, far_off)]);
        assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
        // a week's news with no place joins the week's one strike by the same state
        let mut last_week = strike(None, TargetKind::LandSite);
        last_week.date = Some("2025-04-07".into());
        last_week.date_precision = DatePrecision::Week;
        last_week.date_basis = DateBasis::Relative;
        last_week.actors = vec![by("US", "United States")];
        let l = build(&[input(1, somalia.clone()), input(2, last_week.clone())]);
        assert_eq!(l.incidents.len(), 1, "{}", l.to_json());
        // ... not another state's, nor one of two that week
        last_week.actors = vec![by("NG", "Nigerian Air Force")];
        let l = build(&[input(1, somalia.clone()), input(2, last_week.clone())]);
        assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
        last_week.actors = vec![by("US", "United States")];
        let mut second = somalia.clone();
        second.date = Some("2025-04-11".into());
        second.place = Some(place("Baidoa", Some("SO"), None, 1));
        second.figures.killed = None;
        let l = build(&[
            input(1, somalia.clone()),
            input(2, last_week),
            input(3, second),
        ]);
        assert_eq!(l.incidents.len(), 3, "{}", l.to_json());
        // the same state's news the next day joins it
        let mut again = strike(None, TargetKind::LandSite);
        again.date = Some("2025-04-10".into());
        again.date_basis = DateBasis::Relative;
        again.actors = vec![by("US", "United States")];
        let l = build(&[input(1, somalia), input(2, again)]);
        assert_eq!(l.incidents.len(), 1, "{}", l.to_json());
    }

    /// One day's strikes in one country by states not linked are apart, whatever their
    /// places leave open (a division and a port in it, a province and a town of another):
    /// "a U.S. drone killed two men in Marib on Tuesday" and "Israeli jets struck Hodeidah
    /// on Tuesday"; a Kenyan and a U.S. strike in Somalia. A report naming both states
    /// links them, and a report naming none joins the one whose toll it shares.
    #[test]
    fn one_days_strikes_by_states_not_linked_are_apart() {
        let mut us = strike(
            Some(PlaceRef {
                admin1: Some("Marib".into()),
                ..place("Marib", Some("YE"), None, 3)
            }),
            TargetKind::LandSite,
        );
        us.figures.killed = Some(dead(2, "two"));
        us.actors = vec![by("US", "United States")];
        let mut il = strike(
            Some(PlaceRef {
                admin1: Some("Al Hudaydah".into()),
                ..place("Hodeidah", Some("YE"), None, 1)
            }),
            TargetKind::LandSite,
        );
        il.actors = vec![by("IL", "Israeli Air Force")];
        let l = build(&[input(1, us.clone()), input(2, il.clone())]);
        assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
        // ... but a state's report naming no division may be the other's event told with
        // the wrong state ("Lebanon's army said a strike killed three"), or a partner's
        // part of one operation: one incident
        let mut in_yemen = il.clone();
        in_yemen.place = Some(place("Yemen", Some("YE"), None, 4));
        let l = build(&[input(1, us.clone()), input(2, in_yemen)]);
        assert_eq!(l.incidents.len(), 1, "{}", l.to_json());
        // a third report of both states' strike links them
        let mut joint = il.clone();
        joint.actors = vec![by("US", "United States"), by("IL", "Israel")];
        let l = build(&[input(1, us.clone()), input(2, il.clone()), input(3, joint)]);
        assert_eq!(l.incidents.len(), 1, "{}", l.to_json());
        // a report with no perpetrator joins the part whose toll it shares
        let mut nobody = us.clone();
        nobody.actors = Vec::new();
        let l = build(&[input(1, us.clone()), input(2, il.clone()), input(3, nobody)]);
        assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
        let of_us = l
            .incidents
            .iter()
            .find(|i| {
                i.perpetrators
                    .iter()
                    .any(|p| p.state.as_deref() == Some("US"))
            })
            .unwrap();
        assert_eq!(of_us.sources.len(), 2, "{}", l.to_json());
        // one toll ties two states' reports: an outlet naming the wrong state
        let mut wrong = us.clone();
        wrong.place = il.place.clone();
        wrong.actors = vec![by("CO", "Colombian military")];
        let l = build(&[input(1, us.clone()), input(2, wrong)]);
        assert_eq!(l.incidents.len(), 1, "{}", l.to_json());
        // the same state's forces, named differently, are one state's
        let mut command = il.clone();
        command.actors = vec![by("US", "U.S. Central Command")];
        let l = build(&[input(1, us.clone()), input(2, command)]);
        assert_eq!(l.incidents.len(), 1, "{}", l.to_json());
        // states are told apart exactly, not by a hash that may put two on one bit: a
        // denial by Ecuador's navy with no day of its own never joins a U.S. strike
        let mut sea = strike(
            Some(place("eastern Pacific", None, Some("eastern_pacific"), 4)),
            TargetKind::Vessel,
        );
        sea.figures.killed = Some(dead(14, "14"));
        sea.actors = vec![by("US", "United States")];
        let mut denial = strike(
            Some(PlaceRef {
                country: Some("EC".into()),
                ..place("Manabí", None, Some("eastern_pacific"), 3)
            }),
            TargetKind::Vessel,
        );
        denial.date = Some("2025-04-10".into());
        denial.date_precision = DatePrecision::Window;
        denial.date_basis = DateBasis::Publication;
        denial.actors = vec![by("EC", "Ecuadorian Navy")];
        let l = build(&[input(1, sea), input(2, denial)]);
        assert_eq!(l.incidents.len(), 2, "{}", l.to_json());
        let mut s = super::Strings::default();
        for set in ["perps:EC", "perps:US", "perps:FR,US", "dates"] {
            s.sym(set);
        }
        s.index_perps();
        assert_eq!(s.masks, vec![0b001, 0b100, 0b110, 0]);
    }
}
