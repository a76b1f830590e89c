//! Per-article merging: the candidates of every sentence, in order, become the article's
//! reports. An event joins an earlier one of the same type and modality with a compatible
//! date, region and toll (or the one it names by its ordinal, or the one a definite noun
//! points back to when its toll comes from another source); an announcement's date gives
//! way to the event's own (a day written out a little after a stale weekday included), and a
//! window to a day inside it; figures with no event of their own join the latest event; a
//! toll told boat by boat replaces the story's event with one report per sea region.

use chrono::{Datelike, NaiveDate};

use super::sentence::{Cand, CandKind};
use crate::{
    ClaimField, ClaimValue, DatePrecision, EventType, Field, Figure, Modality, Report, ReportKind,
    SourceKind,
};

/// Merges sentence candidates into the article's reports (of an article published on
/// `published`, when known).
pub(super) fn merge(cands: Vec<Cand>, published: Option<NaiveDate>) -> Vec<Report> {
    let mut m = Merger {
        published,
        ..Merger::default()
    };
    for c in cands {
        match c.kind {
            CandKind::FiguresOnly => m.figures_only(c.report, c.country.as_deref(), c.ordinal),
            CandKind::Circumstances => m.circumstances(c.report),
            CandKind::Breakdown => m.breakdown(c.parts),
            CandKind::Report(ReportKind::Event) => m.event(c),
            CandKind::Report(ReportKind::Development) => m.development(c.report),
            CandKind::Report(ReportKind::Tally) => m.tally(c.report),
            CandKind::Report(ReportKind::Reference) => {
                m.push(c.report, c.ordinal, None, false);
            }
        }
    }
    // the dead of a state force count only once the report's type and perpetrator are known
    m.out.iter_mut().for_each(super::figures::settle_own_losses);
    told_again_only(&mut m.out, published);
    m.out
}

/// "Lawsuit filed over deadly boat strike ... three men killed in a U.S. strike on a boat on
/// Nov. 4": an event of no day and no toll, in a story whose every other mention of its kind
/// is an earlier event told again, is one of them named again (a headline, a lead), not news
/// of its own.
fn told_again_only(out: &mut [Report], published: Option<NaiveDate>) {
    let Some(p) = published else {
        return;
    };
    // (earlier: each dated to a day weeks or more before publication; an undated reference
    // may be the story's own event named again)
    let older = |x: &Report| {
        whole_day(x.date.as_deref()).is_some_and(|d| (p - d).num_days() >= TOLD_AGAIN_ONLY_DAYS)
    };
    for i in 0..out.len() {
        let r = &out[i];
        let others = || {
            out.iter()
                .enumerate()
                .filter(move |&(j, x)| j != i && x.event_type == r.event_type)
                .map(|(_, x)| x)
        };
        if r.kind == ReportKind::Event
            && r.event_type.is_violent()
            && r.modality == Modality::Occurred
            && r.date.is_none()
            && r.figures.killed.is_none()
            && others().any(|x| x.kind == ReportKind::Reference)
            && others().all(|x| x.kind != ReportKind::Event)
            && others()
                .filter(|x| x.kind == ReportKind::Reference)
                .all(older)
        {
            out[i].kind = ReportKind::Reference;
        }
    }
}

/// Days before publication from which the references of a story are all of earlier events
/// ([`told_again_only`]).
const TOLD_AGAIN_ONLY_DAYS: i64 = 10;

/// The least number of the article's own events a summary must add up.
const SUMMARY_PARTS: usize = 2;

/// "Strikes over the weekend killed at least six people ... A strike on a house in Sanaa
/// killed four ... Another in Saada killed two": a toll that is exactly the sum of two or
/// more of the article's events of its type, each placed more precisely than it, on days it may be of,
/// sums them up. It is told again as a reference (kept, with its claims),
/// not a third event: as one, it would be an incident of its own beside the two it counts.
/// Read once every report has its date, windows of publication included.
pub(super) fn summaries(out: &mut [Report]) {
    let killed = |r: &Report| r.figures.killed.as_ref().and_then(|f| f.best.or(f.low));
    let detail = |r: &Report| {
        r.place
            .as_ref()
            .map_or(0, |p| if p.admin1.is_some() { 2 } else { 1 })
    };
    let event = |r: &Report| {
        r.kind == ReportKind::Event
            && r.modality == Modality::Occurred
            && matches!(r.event_type, EventType::Strike | EventType::Raid)
    };
    // where a report is: its country, else its sea region
    let area = |r: &Report| {
        r.place
            .as_ref()
            .and_then(|p| p.country.clone().or_else(|| p.region_code.clone()))
    };
    // "strikes", "bombardeos": told as several (a verb or a singular noun is one event,
    // whatever the tolls add up to)
    let plural = |r: &Report| {
        r.claims
            .iter()
            .any(|c| c.field == ClaimField::EventType && c.surface.to_lowercase().ends_with('s'))
    };
    let mut summed = Vec::new();
    for (i, whole) in out.iter().enumerate() {
        let Some(total) = killed(whole).filter(|&k| k >= 2) else {
            continue;
        };
        if !event(whole) || !plural(whole) {
            continue;
        }
        let span = whole.when();
        // "Two more boat strikes kill six in eastern Pacific and Caribbean": a whole that
        // counts its events may sum parts placed as finely as it, in the areas it lists
        let counted = [&whole.figures.strikes, &whole.figures.vessels]
            .into_iter()
            .find_map(|f| f.as_ref().and_then(|f| f.best))
            .filter(|&n| n >= SUMMARY_PARTS as i64);
        let parts: Vec<&Report> = out
            .iter()
            .enumerate()
            .filter(|&(j, p)| {
                j != i
                    && event(p)
                    && p.event_type == whole.event_type
                    && (detail(p) > detail(whole)
                        || counted.is_some() && detail(p) >= detail(whole))
                    && (counted.is_some()
                        || area(whole).is_none_or(|a| area(p).as_ref() == Some(&a)))
                    && match (span, p.when()) {
                        (Some(w), Some(d)) => d.first <= w.last && w.first <= d.last,
                        (Some(_), None) => false,
                        (None, _) => true,
                    }
            })
            .map(|(_, p)| p)
            .collect();
        // the parts in one country or sea, each with its toll
        let one_area = parts.windows(2).all(|w| area(w[0]) == area(w[1]));
        // (counted: as many parts as it counts, its area one of theirs)
        let listed = counted.is_some_and(|n| {
            n == parts.len() as i64
                && area(whole).is_none_or(|a| parts.iter().any(|p| area(p).as_ref() == Some(&a)))
        });
        let tolls: Option<Vec<i64>> = parts.iter().map(|p| killed(p)).collect();
        if parts.len() >= SUMMARY_PARTS
            && (one_area || listed)
            && tolls.is_some_and(|t| t.iter().sum::<i64>() == total)
        {
            summed.push(i);
        }
    }
    for i in summed {
        out[i].kind = ReportKind::Reference;
    }
}

/// The reports merged so far, with what is known of each beyond the report itself.
#[derive(Default)]
struct Merger {
    out: Vec<Report>,
    /// Per report: whether its date is only the announcement's ("said on Sunday"), so that
    /// the event's own date, met later, replaces it.
    weak: Vec<bool>,
    /// Per report: the weekday of a day named only as "Thursday" (no publication date).
    wk: Vec<Option<u32>>,
    /// Per report: the ordinal it was named by ("a second strike").
    ords: Vec<Option<u32>>,
    /// Figures met before any event is named ("the operation left three dead" above "a
    /// strike hit a boat"): they join the first event that happened, named after them.
    pending: Vec<Report>,
    /// The article's publication date.
    published: Option<NaiveDate>,
}

impl Merger {
    /// A new report, with what is known of it; its index.
    fn push(&mut self, r: Report, ordinal: Option<u32>, weekday: Option<u32>, weak: bool) -> usize {
        self.ords.push(ordinal);
        self.wk.push(weekday);
        self.weak.push(weak);
        self.out.push(r);
        self.out.len() - 1
    }

    /// Figures with no event cue: they join the latest event that happened (a raid's for
    /// a count of detainees), or wait for the first one.
    /// `next`: the sentence opened with a word standing for a next event of the story's
    /// kind ("A second on Tuesday killed two"): with a day of its own other than that event's,
    /// the figures are a next event's, like it but for its day and figures.
    fn figures_only(&mut self, mut r: Report, country: Option<&str>, next: Option<u32>) {
        let out = &self.out;
        let want_raid = r.figures.detained.is_some();
        // "16 were killed on Iraqi soil" after strikes told in Iraq and in Syria: Iraq's
        let own = country.and_then(|c| {
            out.iter().rposition(|x| {
                x.kind == ReportKind::Event
                    && x.modality == Modality::Occurred
                    && x.place
                        .as_ref()
                        .is_some_and(|p| p.region_code.is_none() && p.country.as_deref() == Some(c))
            })
        });
        let i = own.or_else(|| {
            out.iter()
                .rposition(|x| {
                    x.kind == ReportKind::Event
                        && x.modality == Modality::Occurred
                        && (!want_raid || x.event_type == EventType::Raid)
                })
                .or_else(|| {
                    out.iter().rposition(|x| {
                        x.kind == ReportKind::Event && x.modality == Modality::Occurred
                    })
                })
        });
        if let (Some(i), Some(_)) = (i, next) {
            let x = &self.out[i];
            let own_day = r.date_precision == DatePrecision::Day
                && r.date.is_some()
                && x.date_precision == DatePrecision::Day
                && x.date.is_some()
                && r.date != x.date;
            // ("Another, near Marjayoun, killed two", "Another, in the Caribbean, killed
            // two": a place of its own, another town or sea, tells another event of the
            // story's day)
            let own_place = !own_day
                && match (&r.place, &x.place) {
                    (Some(p), Some(q)) if p.region_code.is_some() || q.region_code.is_some() => {
                        p.region_code.is_some()
                            && q.region_code.is_some()
                            && p.region_code != q.region_code
                    }
                    (Some(p), Some(q)) => p.name != q.name,
                    _ => false,
                };
            if (own_day || own_place) && r.figures.killed.is_some() && x.event_type.is_violent() {
                let mut e = x.clone();
                e.figures = Default::default();
                if own_day {
                    e.claims
                        .retain(|cl| !matches!(cl.field, ClaimField::Figure(_) | ClaimField::Date));
                    e.date = None;
                } else {
                    e.claims.retain(|cl| {
                        !matches!(cl.field, ClaimField::Figure(_) | ClaimField::Place)
                    });
                    e.place = None;
                }
                // (in another country than the first: not the first's place)
                if country.is_some()
                    && e.place.as_ref().and_then(|p| p.country.as_deref()) != country
                {
                    e.place = None;
                    e.claims.retain(|cl| cl.field != ClaimField::Place);
                }
                absorb(&mut e, r);
                self.push(e, next, None, false);
                return;
            }
        }
        if next.is_some() {
            // (its day is told again by the circumstances that follow it)
            r.date = None;
            r.claims.retain(|cl| cl.field != ClaimField::Date);
        }
        match i {
            Some(i) => {
                add_also(&mut self.out[i], &mut r);
                mark_rivals(&self.out[i], &mut r);
                absorb(&mut self.out[i], r)
            }
            None => self.pending.push(r),
        }
    }

    /// When or where the latest violent event that happened took place, told in a sentence
    /// of its own: its day replaces one that was only the announcement's, a window or none;
    /// its place fills a report that has none. With no such event it tells of nothing.
    fn circumstances(&mut self, c: Report) {
        let Some(i) = self.out.iter().rposition(|x| {
            x.kind == ReportKind::Event
                && x.modality == Modality::Occurred
                && x.event_type.is_violent()
        }) else {
            return;
        };
        let weak = self.weak[i];
        let x = &mut self.out[i];
        let loose = x.date.is_none()
            || weak
            || matches!(
                x.date_precision,
                DatePrecision::Window | DatePrecision::Week | DatePrecision::Unknown
            );
        if c.date.is_some() && loose {
            x.date = c.date.clone();
            x.date_precision = c.date_precision;
            x.date_basis = c.date_basis;
            x.claims.retain(|cl| cl.field != ClaimField::Date);
            x.claims.extend(
                c.claims
                    .iter()
                    .filter(|cl| cl.field == ClaimField::Date)
                    .cloned(),
            );
            self.weak[i] = false;
        }
        if x.place.is_none() && c.place.is_some() {
            x.place = c.place.clone();
            x.claims.extend(
                c.claims
                    .iter()
                    .filter(|cl| cl.field == ClaimField::Place)
                    .cloned(),
            );
        }
        // a group that claims it: the perpetrator of an attack no one was named for, or, when
        // the claimant is a name ("Boko Haram", not "the rebels"), one told only by a kind of
        // attacker ("a suicide bomber", "gunmen"), named first
        let named = |name: &str| name.chars().next().is_some_and(char::is_uppercase);
        let unnamed = x.perpetrator().is_none_or(|p| {
            p.non_state
                && c.perpetrator()
                    .is_some_and(|q| q.name != p.name && named(&q.name))
        });
        if x.event_type == EventType::Attack && unnamed {
            if let Some(p) = c.perpetrator() {
                x.actors.insert(0, p.clone());
                x.claims.extend(
                    c.claims
                        .iter()
                        .filter(|cl| cl.field == ClaimField::Actor(crate::Role::Perpetrator))
                        .cloned(),
                );
            }
        }
    }

    /// The story's event that counted every vessel gives way to one report per region,
    /// which take its date.
    fn breakdown(&mut self, mut parts: Vec<Report>) {
        let total: i64 = parts
            .iter()
            .filter_map(|p| p.figures.killed.as_ref().and_then(|f| f.best))
            .sum();
        let agg = self.out.iter().rposition(|x| {
            x.kind == ReportKind::Event
                && x.event_type == EventType::Strike
                && x.modality == Modality::Occurred
                && x.figures
                    .killed
                    .as_ref()
                    .is_none_or(|f| f.best == Some(total))
        });
        if let Some(i) = agg {
            let x = self.out.remove(i);
            self.weak.remove(i);
            self.wk.remove(i);
            self.ords.remove(i);
            for p in parts.iter_mut() {
                p.date = x.date.clone();
                p.date_precision = x.date_precision;
                p.date_basis = x.date_basis;
                p.actors = x.actors.clone();
                if p.source.kind == SourceKind::Outlet {
                    p.source = x.source.clone();
                }
            }
            // the first part keeps the story's claims but for what the parts replace
            parts[0].claims.extend(x.claims.into_iter().filter(|c| {
                !matches!(
                    c.field,
                    ClaimField::Figure(Field::Killed | Field::Vessels) | ClaimField::Place
                )
            }));
        }
        for p in parts {
            self.push(p, None, None, false);
        }
    }

    /// Whether the event candidate `r` (named on `weekday` when that day could not be
    /// resolved) may be the same event as report `i`: same type and modality, compatible
    /// region and toll, and with `strict_date` a compatible date.
    fn fits(&self, i: usize, r: &Report, weekday: Option<u32>, strict_date: bool) -> bool {
        let region = |x: &Report| x.place.as_ref().and_then(|p| p.region_code.clone());
        // two countries on land are two events ("the strikes in Iraq", "in Syria"); a
        // country named beside a sea is where a boat came from or was near
        let land_country = |x: &Report| {
            x.place
                .as_ref()
                .filter(|p| p.region_code.is_none())
                .and_then(|p| p.country.clone())
        };
        // "on Thursday" in an undated article: a day we cannot name, yet not any day: only
        // a date on that weekday may join it
        let on_weekday = |date: &Option<String>, wd: Option<u32>| {
            let day = date
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            match (day, wd) {
                (Some(d), Some(w)) => d.weekday().num_days_from_monday() == w,
                _ => true,
            }
        };
        let x = &self.out[i];
        // one operation told as a strike and as a ground operation with one toll ("aircraft
        // struck the camp, killing 17" ... "the army said 17 were killed"): one event
        let told_two_ways = matches!(
            (x.event_type, r.event_type),
            (EventType::Strike, EventType::Raid) | (EventType::Raid, EventType::Strike)
        ) && x.figures.killed.as_ref().and_then(|k| k.best).is_some()
            && x.figures.killed.as_ref().and_then(|k| k.best)
                == r.figures.killed.as_ref().and_then(|k| k.best);
        x.kind == ReportKind::Event
            && (x.event_type == r.event_type || told_two_ways)
            && x.modality == r.modality
            && (!strict_date
                || (compatible(&x.date, &r.date) || within_week(x, r))
                    && on_weekday(&r.date, self.wk[i])
                    && on_weekday(&x.date, weekday))
            && compatible(&region(x), &region(r))
            && compatible(&land_country(x), &land_country(r))
            && fig_compatible(&x.figures.killed, &r.figures.killed)
    }

    /// The report an event candidate is the same event as, looked for from the latest: the
    /// one named by the same ordinal, else one that fits with its date, else (for a
    /// candidate whose date is only its announcement's) one that fits within a week before.
    fn same_event(&self, c: &Cand) -> Option<usize> {
        let r = &c.report;
        let n = self.out.len();
        // "ordered the second strike" after "a second strike early in September": the same
        // event, named again by its ordinal; the day the later sentence speaks on (the
        // announcement's) does not keep them apart
        c.ordinal
            .and_then(|k| {
                (0..n)
                    .rev()
                    .find(|&i| self.ords[i] == Some(k) && self.fits(i, r, c.weekday, c.dated))
            })
            .or_else(|| (0..n).rev().find(|&i| self.fits(i, r, c.weekday, true)))
            .or_else(|| {
                // a date attached to the announcement ("said on Sunday") gives way to the
                // event's own date in an earlier sentence
                (!c.dated).then_some(())?;
                (0..n).rev().find(|&i| {
                    self.fits(i, r, c.weekday, false)
                        && announced_within_week(self.out[i].date.as_deref(), r.date.as_deref())
                })
            })
    }

    /// An earlier report dated only by its announcement that the event candidate `c` (dated
    /// by the sentence) is the event of: it takes the event's own date. An event comes
    /// before its announcement, by a week at most.
    fn announced_before(&mut self, c: &Cand) -> Option<usize> {
        let r = &c.report;
        let near = |x: &Report| {
            announced_within_week(r.date.as_deref(), x.date.as_deref())
                || written_after_announced(r, x, self.published)
        };
        let i = (0..self.out.len())
            .rev()
            .find(|&i| self.weak[i] && self.fits(i, r, c.weekday, false) && near(&self.out[i]))?;
        let x = &mut self.out[i];
        x.date = r.date.clone();
        x.date_precision = r.date_precision;
        x.date_basis = r.date_basis;
        self.weak[i] = false;
        Some(i)
    }

    /// "local media said the strike killed five": the strike told of already, with a toll
    /// from another source, which `r` then carries as a rival; a place of its own must be
    /// the same sea ("the attack on Venezuela" in a story of a boat strike is another).
    fn told_before(&self, r: &mut Report) -> Option<usize> {
        let same_place = |x: &Report| match (&r.place, &x.place) {
            (None, _) => true,
            (Some(p), Some(q)) => {
                p.region_code.is_some()
                    && p.region_code == q.region_code
                    && compatible(&p.country, &q.country)
            }
            (Some(_), None) => false,
        };
        let prior = (0..self.out.len()).rev().find(|&i| {
            let x = &self.out[i];
            x.kind == ReportKind::Event
                && x.event_type == r.event_type
                && x.modality == r.modality
                && same_place(x)
        })?;
        mark_rivals(&self.out[prior], r);
        r.claims.iter().any(|c| c.rival).then_some(prior)
    }

    /// "... el lunes mataron a tres personas. El balance del ataque ascendió el martes a cinco
    /// muertos": a definite event (or one with no place of its own) told with a toll raised
    /// to its count (a killed claim whose rule ends `RAISED_RULE`) is the latest event of its
    /// kind told before, within a week before it; its count, the newer, becomes that
    /// event's. Whether it was so merged.
    fn raised_toll_of_told(&mut self, c: &Cand) -> bool {
        let r = &c.report;
        let raised = r.claims.iter().any(|cl| {
            cl.field == ClaimField::Figure(Field::Killed)
                && !cl.rival
                && cl.rule.ends_with(sw_model::RAISED_RULE)
        });
        if !raised || r.kind != ReportKind::Event || r.figures.killed.is_none() {
            return false;
        }
        let Some(i) = (0..self.out.len()).rev().find(|&i| {
            let x = &self.out[i];
            x.kind == ReportKind::Event
                && x.event_type.is_violent()
                && (x.event_type == r.event_type || r.event_type == EventType::Strike)
                && x.modality == r.modality
                && toll_raised_after(x.date.as_deref(), r.date.as_deref())
        }) else {
            return false;
        };
        let mut r = c.report.clone();
        let killed = r.figures.killed.take();
        // (the raised report's own day is the day the toll rose, not the event's)
        r.date = None;
        r.claims.retain(|cl| cl.field != ClaimField::Date);
        let x = &mut self.out[i];
        x.figures.killed = killed;
        absorb(x, r);
        true
    }

    /// The report merged last, when it is a group's attack that happened: what a force's
    /// raid told right after it may answer or pursue.
    fn last_attack(&self) -> Option<&Report> {
        self.out.last().filter(|x| {
            x.kind == ReportKind::Event
                && x.event_type == EventType::Attack
                && x.modality == Modality::Occurred
        })
    }

    /// "Bandits attacked the village of Gidan Bawa in Sokoto State on Friday ... Soldiers
    /// pursued the attackers and killed four of them on Saturday": a force's raid with a day
    /// of its own and no place, told right after a group's attack it follows by two days at
    /// most, was where the attack was. It takes the attack's place, with its claims.
    fn place_of_pursued_attack(&self, r: &mut Report) {
        if !placeless_raid(r) {
            return;
        }
        let Some(attack) = self.last_attack().filter(|x| {
            x.place.as_ref().is_some_and(|p| p.region_code.is_none())
                && whole_day(x.date.as_deref())
                    .zip(whole_day(r.date.as_deref()))
                    .is_some_and(|(a, b)| (0..=PURSUIT_DAYS).contains(&(b - a).num_days()))
        }) else {
            return;
        };
        r.place = attack.place.clone();
        r.claims.extend(
            attack
                .claims
                .iter()
                .filter(|c| c.field == ClaimField::Place)
                .cloned(),
        );
    }

    /// "Disidentes emboscaron a una patrulla en Argelia, Cauca, el domingo ... En la reacción
    /// de las tropas murieron dos de los atacantes": a force's raid told right after a
    /// group's attack, with no place and no day of its own, answered it there and then. It
    /// takes the attack's place and day (either, where the attack has only one), with their
    /// claims (the words that state them).
    fn answer_of_attack(&self, r: &mut Report) {
        if !placeless_raid(r) {
            return;
        }
        // (an attack with a day and no place the gazetteer knows, "near the community of
        // Los Pinzanes", gives its day)
        let Some(attack) = self
            .last_attack()
            .filter(|x| x.place.is_some() || x.date_precision == DatePrecision::Day)
        else {
            return;
        };
        r.place = attack.place.clone();
        // a force named only generically ("reinforcements", "las tropas") is the state's
        // where it answered the attack
        let state = r
            .place
            .as_ref()
            .filter(|p| p.region_code.is_none())
            .and_then(|p| p.country.clone());
        if let Some(a) = r
            .actors
            .iter_mut()
            .find(|a| a.role == crate::Role::Perpetrator && !a.non_state && a.state.is_none())
        {
            a.state = state.clone();
            for c in r.claims.iter_mut() {
                if let (ClaimField::Actor(crate::Role::Perpetrator), ClaimValue::Actor(v)) =
                    (&c.field, &mut c.value)
                {
                    if v.name == a.name && !v.non_state && v.state.is_none() {
                        v.state = state.clone();
                    }
                }
            }
        }
        let mut fields = vec![ClaimField::Place];
        if attack.date_precision == DatePrecision::Day {
            r.date = attack.date.clone();
            r.date_precision = attack.date_precision;
            r.date_basis = attack.date_basis;
            r.claims.retain(|c| c.field != ClaimField::Date);
            fields.push(ClaimField::Date);
        }
        r.claims.extend(
            attack
                .claims
                .iter()
                .filter(|c| fields.contains(&c.field))
                .cloned(),
        );
    }

    fn event(&mut self, mut c: Cand) {
        self.agent_of_definite(&mut c);
        if (c.definite || c.report.place.is_none()) && self.raised_toll_of_told(&c) {
            return;
        }
        let mut pos = self.group_attack_told_again(&mut c);
        if pos.is_none() {
            pos = self.bare_strike_before(&c);
        }
        if pos.is_none() {
            pos = self.same_event(&c);
        }
        if pos.is_none() {
            pos = self.side_of_the_clash(&mut c);
        }
        let mut replaced = false;
        if pos.is_none() && c.dated && c.report.date.is_some() {
            // ... or in a later one: the event's own date replaces the announcement's
            pos = self.announced_before(&c);
            replaced = pos.is_some();
        }
        let Cand {
            report: mut r,
            dated,
            weekday,
            ordinal,
            definite,
            topic,
            ..
        } = c;
        if pos.is_none() && definite && r.date.is_none() {
            pos = self.told_before(&mut r);
        }
        // "... on the Sept. 2 strike. Eleven people died in the attack": a definite mention
        // with no day, after a story that named only an earlier event of its kind, is that
        // event told again
        if pos.is_none()
            && definite
            && r.date.is_none()
            && r.kind == ReportKind::Event
            && self
                .out
                .iter()
                .rev()
                .find(|x| {
                    x.event_type.is_violent()
                        && matches!(x.kind, ReportKind::Event | ReportKind::Reference)
                })
                .is_some_and(|x| {
                    x.kind == ReportKind::Reference
                        && x.event_type == r.event_type
                        && x.modality == r.modality
                })
        {
            r.kind = ReportKind::Reference;
        }
        // "no se había pronunciado hasta la tarde del miércoles sobre el nuevo ataque": a
        // definite mention that something is said about, with no place and no toll of its
        // own, dated within a week after an event of its kind told before, is that event
        // named again on a later day (the day it was spoken of)
        if pos.is_none() && topic && r.place.is_none() && r.figures.killed.is_none() {
            pos = (0..self.out.len()).rev().find(|&i| {
                self.fits(i, &r, weekday, false)
                    && announced_within_week(self.out[i].date.as_deref(), r.date.as_deref())
            });
        }
        // "Tras el ataque, los heridos fueron trasladados": a definite mention with no day, no
        // place and no toll that joins no event told before names one the reader knows, not
        // news (Spanish tells news with a definite noun too, "el choque armado en Culiacán",
        // but then says where)
        if pos.is_none()
            && definite
            && r.kind == ReportKind::Event
            && r.date.is_none()
            && r.place.is_none()
            && r.figures.killed.is_none()
        {
            r.kind = ReportKind::Reference;
        }
        if pos.is_none() && dated {
            self.place_of_pursued_attack(&mut r);
        }
        if pos.is_none() && !dated {
            self.answer_of_attack(&mut r);
        }
        let occurred = r.modality == Modality::Occurred;
        let at = match pos {
            Some(i) => {
                // a report that takes its first date from this candidate takes its
                // strength too
                if !replaced && self.out[i].date.is_none() && r.date.is_some() {
                    self.weak[i] = !dated;
                }
                if self.out[i].date.is_none() && self.wk[i].is_none() {
                    self.wk[i] = weekday;
                }
                if self.ords[i].is_none() {
                    self.ords[i] = ordinal;
                }
                absorb(&mut self.out[i], r);
                i
            }
            None => {
                let weak = !dated && r.date.is_some();
                self.push(r, ordinal, weekday, weak)
            }
        };
        if occurred {
            for p in std::mem::take(&mut self.pending) {
                absorb(&mut self.out[at], p);
            }
        }
    }

    /// "Houthi rebels attacked and sank a bulk carrier" and, further down, "the ship went
    /// down on Wednesday after coming under attack from small craft": violence no one is
    /// named for, against the same kind of target a day apart at most from a group's attack
    /// the article told of (or, told by a word said of anyone's violence, with either
    /// undated), is that attack told again, not a state's strike (the default of
    /// a bare "attack"). Returns the attack's index, the candidate made an attack.
    fn group_attack_told_again(&self, c: &mut Cand) -> Option<usize> {
        let generic = c.generic;
        let r = &mut c.report;
        if r.event_type != EventType::Strike
            || r.modality != Modality::Occurred
            || r.perpetrator().is_some()
        {
            return None;
        }
        let day = |x: &Report| {
            x.date
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok())
        };
        let i = (0..self.out.len()).rev().find(|&i| {
            let x = &self.out[i];
            x.kind == ReportKind::Event
                && x.event_type == EventType::Attack
                && x.modality == Modality::Occurred
                && x.perpetrator().is_none_or(|a| a.non_state)
                && x.target_kind.is_some()
                && (x.target_kind == r.target_kind || generic && r.target_kind.is_none())
                && match (day(x), day(r)) {
                    (Some(a), Some(b)) => (a - b).num_days().abs() <= 1,
                    // undated, only a word said of anyone's violence ("atacaron", "came
                    // under attack") is the group's attack told again
                    _ => generic,
                }
        })?;
        made_attack(r, "group_attack_told_again");
        Some(i)
    }

    /// "Un enfrentamiento entre marinos y hombres armados dejó seis muertos este martes en
    /// Reynosa. Los agresores abrieron fuego contra los elementos navales": a group's attack
    /// told right after a state force's clash, with no day, place or toll of its own, is how
    /// that clash began, not another event. Returns the clash's index; the attack's
    /// perpetrator is left out (the clash's is the force).
    fn side_of_the_clash(&self, c: &mut Cand) -> Option<usize> {
        let r = &mut c.report;
        if c.dated
            || r.event_type != EventType::Attack
            || r.modality != Modality::Occurred
            || r.place.is_some()
            || r.figures.killed.is_some()
        {
            return None;
        }
        let i = self.out.len().checked_sub(1)?;
        let x = &self.out[i];
        if x.kind != ReportKind::Event
            || x.event_type != EventType::Raid
            || x.modality != Modality::Occurred
        {
            return None;
        }
        r.actors.retain(|a| a.role != crate::Role::Perpetrator);
        r.claims.retain(|cl| {
            !matches!(
                cl.field,
                ClaimField::Actor(crate::Role::Perpetrator) | ClaimField::EventType
            )
        });
        Some(i)
    }

    /// "Fourteen villagers killed in overnight attack" and, below it, "suspected rebels killed
    /// at least 14 people in an attack on Monday night": violence told first with no one
    /// named for it (a state's strike, the default of a bare "attack"), undated or a day
    /// apart at most, with the same toll when both count one, is the group's attack told
    /// first. Returns its index, made an attack.
    fn bare_strike_before(&mut self, c: &Cand) -> Option<usize> {
        let r = &c.report;
        if r.event_type != EventType::Attack
            || r.modality != Modality::Occurred
            || r.perpetrator().is_some_and(|a| !a.non_state)
        {
            return None;
        }
        let day = |x: &Report| {
            x.date
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok())
        };
        let best = |x: &Report| x.figures.killed.as_ref().and_then(|f| f.best);
        let i = (0..self.out.len()).rev().find(|&i| {
            let x = &self.out[i];
            x.kind == ReportKind::Event
                && x.event_type == EventType::Strike
                && x.modality == Modality::Occurred
                && x.perpetrator().is_none()
                && best(x).is_some()
                && best(x) == best(r)
                && match (day(x), day(r)) {
                    (Some(a), Some(b)) => (a - b).num_days().abs() <= 1,
                    _ => true,
                }
        })?;
        made_attack(&mut self.out[i], "group_attack_told_after");
        Some(i)
    }

    /// "The attack, on Friday, mobilised the police": a definite mention with no agent of its
    /// own is of the violence the article just told of, whoever did it, so it takes that
    /// event's type and perpetrator (a group's attack, read from a bare "ataque", stays an
    /// attack, even when no one was named for it).
    fn agent_of_definite(&self, c: &mut Cand) {
        let r = &mut c.report;
        if !c.definite || r.perpetrator().is_some() || !r.event_type.is_violent() {
            return;
        }
        let Some(prior) = self.out.iter().rev().find(|x| {
            x.kind == ReportKind::Event && x.event_type.is_violent() && x.modality == r.modality
        }) else {
            return;
        };
        if prior.event_type == r.event_type {
            return;
        }
        // an attack on a state force by no one named stays an attack when told again
        let who = prior.perpetrator().cloned();
        if who.is_none() && prior.event_type != EventType::Attack {
            return;
        }
        r.event_type = prior.event_type;
        for cl in r.claims.iter_mut() {
            if cl.field == ClaimField::EventType {
                cl.value = prior.event_type.as_str().into();
            }
        }
        let Some(who) = who else {
            return;
        };
        r.actors.insert(0, who);
        if let Some(cl) = prior
            .claims
            .iter()
            .find(|cl| cl.field == ClaimField::Actor(crate::Role::Perpetrator))
        {
            let mut cl = cl.clone();
            cl.rule = format!("{}.told_before", cl.rule);
            r.claims.push(cl);
        }
    }

    fn development(&mut self, r: Report) {
        let pos = self.out.iter().position(|x| {
            x.kind == ReportKind::Development
                && x.event_type == r.event_type
                && x.modality == r.modality
                && compatible(&x.date, &r.date)
        });
        match pos {
            Some(i) => absorb(&mut self.out[i], r),
            None => {
                self.push(r, None, None, false);
            }
        }
    }

    fn tally(&mut self, r: Report) {
        let pos = self.out.iter().position(|x| {
            x.kind == ReportKind::Tally
                && x.date == r.date
                && Field::ALL.iter().all(|&f| {
                    fig_compatible(&x.figures.get(f).cloned(), &r.figures.get(f).cloned())
                })
        });
        match pos {
            Some(i) => absorb(&mut self.out[i], r),
            None => {
                self.push(r, None, None, false);
            }
        }
    }
}

/// The day a report's date names, when it names a whole day ("2025-11-04"; not a month).
fn whole_day(d: Option<&str>) -> Option<NaiveDate> {
    d.and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
}

/// A force's raid that happened, told with no place: one that may be the answer to a group's
/// attack told right before it.
fn placeless_raid(r: &Report) -> bool {
    r.kind == ReportKind::Event
        && r.event_type == EventType::Raid
        && r.modality == Modality::Occurred
        && r.place.is_none()
}

/// Days after a group's attack within which a force's raid with no place, told right after
/// it, is its pursuit where it happened.
const PURSUIT_DAYS: i64 = 2;

/// Whether a toll raised on `raised` (a day, or none) may be of an event on `event`: the
/// same day or within a week after it.
fn toll_raised_after(event: Option<&str>, raised: Option<&str>) -> bool {
    match (whole_day(event), whole_day(raised)) {
        (Some(e), Some(r)) => (0..=7).contains(&(r - e).num_days()),
        _ => true,
    }
}

/// Whether an event on `event` can have been announced on `announced`: the same day or up
/// to a week later. Dates that are not whole days (or missing) allow it.
fn announced_within_week(event: Option<&str>, announced: Option<&str>) -> bool {
    match (whole_day(event), whole_day(announced)) {
        (Some(e), Some(a)) => e <= a && (a - e).num_days() <= 7,
        _ => {
            event.is_none()
                || announced.is_none()
                || event.is_some_and(|e| {
                    announced.is_some_and(|a| a.starts_with(e) || e.starts_with(a))
                })
        }
    }
}

/// "SOUTHCOM announced this Tuesday it had struck ..." then, quoted, "On February 5, ...":
/// a day written out for the event, on or before publication and within a week after the
/// day given as the announcement's, is the event's own (a weekday may be the wire's, left
/// stale).
fn written_after_announced(r: &Report, x: &Report, published: Option<NaiveDate>) -> bool {
    let (Some(e), Some(a), Some(p)) = (
        whole_day(r.date.as_deref()),
        whole_day(x.date.as_deref()),
        published,
    ) else {
        return false;
    };
    r.date_basis == crate::DateBasis::Explicit
        && r.date_precision == DatePrecision::Day
        && e <= p
        && e > a
        && (e - a).num_days() <= 7
}

fn compatible<T: PartialEq>(a: &Option<T>, b: &Option<T>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => x == y,
        _ => true,
    }
}

/// "The boat blown up last week" beside "on 13 February": a week-precision mention and a
/// day inside that week, in one article, name one event; so do a window (the days up to an
/// announcement) and a day inside it.
fn within_week(a: &Report, b: &Report) -> bool {
    let day = |r: &Report| {
        NaiveDate::parse_from_str(r.date.as_deref()?.get(..10)?, "%Y-%m-%d")
            .ok()
            .map(|d| (d, r.date_precision))
    };
    let (Some((da, pa)), Some((db, pb))) = (day(a), day(b)) else {
        return false;
    };
    let holds = |w: NaiveDate, d: NaiveDate| (0..7).contains(&(d - w).num_days());
    let in_window =
        |w: NaiveDate, d: NaiveDate| (0..sw_model::WINDOW_DAYS).contains(&(w - d).num_days());
    match (pa, pb) {
        (DatePrecision::Week, DatePrecision::Day) => holds(da, db),
        (DatePrecision::Day, DatePrecision::Week) => holds(db, da),
        (DatePrecision::Window, DatePrecision::Day) => in_window(da, db),
        (DatePrecision::Day, DatePrecision::Window) => in_window(db, da),
        _ => false,
    }
}

fn fig_compatible(a: &Option<Figure>, b: &Option<Figure>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x.low, x.best, x.high) == (y.low, y.best, y.high),
        _ => true,
    }
}

fn absorb(r: &mut Report, c: Report) {
    let finer = matches!(
        r.date_precision,
        DatePrecision::Week | DatePrecision::Window
    ) && c.date_precision == DatePrecision::Day;
    if (r.date.is_none() || finer) && c.date.is_some() {
        r.date = c.date;
        r.date_precision = c.date_precision;
        r.date_basis = c.date_basis;
    }
    if r.place.is_none() {
        r.place = c.place;
    } else if let (Some(p), Some(q)) = (&mut r.place, &c.place) {
        // a country from the second mention of a region ("off Colombia" after "Pacific")
        if p.country.is_none()
            && q.country.is_some()
            && (p.region_code.is_none() || p.region_code == q.region_code)
        {
            *p = q.clone();
        }
    }
    // a target no words name (a strike's default, a vessel) gives way to one they do
    // ("Turkish jets strike Gara" told again as "destroyed caves and shelters"), but for
    // a word that says nothing of it ("targets")
    let named =
        |claims: &[crate::Claim]| claims.iter().any(|cl| cl.field == ClaimField::TargetKind);
    if r.target_kind.is_none()
        || (c
            .target_kind
            .is_some_and(|t| t != crate::TargetKind::Unknown)
            && !named(&r.claims)
            && named(&c.claims))
    {
        r.target_kind = c.target_kind;
    }
    if r.means.as_deref().is_none_or(|m| m == "unknown") && c.means.is_some() {
        r.means = c.means;
    }
    for &f in Field::ALL {
        let v = c.figures.get(f).cloned();
        {
            let slot = r.figures.slot(f);
            // "A senior commander was killed ... All three of them died": one person named
            // by an article is one of the dead; the event's own count after it is its toll
            let one_named = f == Field::Killed
                && slot.as_ref().is_some_and(|k| {
                    k.best == Some(1)
                        && !k.surface.contains(char::is_whitespace)
                        && !k.surface.contains(|ch: char| ch.is_ascii_digit())
                })
                && v.as_ref().is_some_and(|k| k.low.is_some_and(|n| n > 1))
                // another source's toll stays a rival value beside the report's own
                && !c.claims.iter().any(|cl| cl.field == Field::Killed && cl.rival);
            if slot.is_none() || one_named {
                *slot = v;
            }
        }
    }
    for a in c.actors {
        if !r
            .actors
            .iter()
            .any(|x| x.role == a.role && x.name == a.name)
        {
            r.actors.push(a);
        }
    }
    if r.source.kind == SourceKind::Outlet && c.source.kind != SourceKind::Outlet {
        r.source = c.source;
    }
    r.claims.extend(c.claims);
}

/// "An Israeli strike killed a Hezbollah commander. Two of his bodyguards were also killed":
/// dead told as besides the event's (a killed claim whose rule ends
/// [`super::figures::ALSO`]) are added to its toll; the event's figure becomes the sum, and
/// both claims stay as its evidence.
fn add_also(r: &mut Report, c: &mut Report) {
    let also = c.claims.iter().any(|cl| {
        cl.field == ClaimField::Figure(Field::Killed)
            && !cl.rival
            && cl.rule.ends_with(super::figures::ALSO)
    });
    let (Some(k1), Some(k2)) = (&r.figures.killed, &c.figures.killed) else {
        return;
    };
    if !also {
        return;
    }
    let add = |a: Option<i64>, b: Option<i64>| a.zip(b).map(|(x, y)| x.saturating_add(y));
    let sum = Figure {
        low: add(k1.low, k2.low),
        best: add(k1.best, k2.best),
        high: add(k1.high, k2.high),
        approx: k1.approx || k2.approx,
        surface: format!("{} + {}", k1.surface, k2.surface),
    };
    r.figures.killed = Some(sum);
    c.figures.killed = None;
}

/// "One source said two died ... another report said three": a toll of the event from
/// another source than the one that gave the report's own is a rival value, kept beside it.
/// A smaller toll where the report counts several vessels is a part of the total, and a toll
/// from the same source is a restatement or a part: neither is a rival.
fn mark_rivals(r: &Report, c: &mut Report) {
    let (Some(k1), Some(k2)) = (&r.figures.killed, &c.figures.killed) else {
        return;
    };
    if (k1.low, k1.best, k1.high) == (k2.low, k2.best, k2.high) {
        return;
    }
    let several = r
        .figures
        .vessels
        .as_ref()
        .and_then(|v| v.best)
        .is_some_and(|n| n > 1);
    let point = |f: &Figure| f.best.or(f.low);
    if several && point(k2) < point(k1) {
        return;
    }
    let Some(own) = r
        .claims
        .iter()
        .find(|x| x.field == Field::Killed && !x.rival && !x.rule.ends_with(".tally"))
        .map(|x| &x.source)
    else {
        return;
    };
    for cl in c.claims.iter_mut() {
        if cl.field == Field::Killed
            && !cl.rule.ends_with(".tally")
            && (cl.source.kind != own.kind || cl.source.name != own.name)
        {
            cl.rival = true;
        }
    }
}

/// Makes a report of violence a group's attack, its event type claim saying by which rule.
fn made_attack(r: &mut Report, rule: &str) {
    r.event_type = EventType::Attack;
    for cl in r.claims.iter_mut() {
        if cl.field == ClaimField::EventType {
            cl.value = EventType::Attack.as_str().into();
            cl.rule = format!("{}.{rule}", cl.rule);
        }
    }
}
