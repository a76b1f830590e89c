//! Human review: the decisions an analyst or editor records about incidents, applied to the
//! ledger as one more input of the build.
//!
//! Why here and pure: a decision must survive every re-run (a new extractor version, new
//! articles, another arrival order). Rather than editing stored ledger rows, which the next
//! rebuild would overwrite, the store keeps an append-only log of decisions and every build
//! applies it to what resolution produced. So the ledger stays a function of (reports,
//! decisions), and a decision is never lost by rebuilding.
//!
//! **What a decision is keyed to.** An incident decision names the incident's id (as shown
//! when it was made) *and* its anchor: the stable key ([`crate::ReportInput::stable_key`]) of
//! a member report, which survives re-extraction and new articles. While some event report
//! has the anchor's key, the decision applies to the incident that report belongs to;
//! otherwise to the incident with the decision's id, mapped through [`Redirects`] (old id ->
//! current id, for incidents merged or renamed since); otherwise it is *orphaned*: listed as
//! such by the log, never dropped.
//!
//! **Supersession.** Decisions are ordered by `(at, id)` whatever order they were recorded
//! or imported in. A later decision on the same slot (an incident's status, one figure, its
//! date, place or perpetrator; a report's split; an incident's merge) supersedes an earlier
//! one; both stay in the log. Notes never supersede anything.
//!
//! **Effects.** `merge` and `split` change which reports make an incident (applied between
//! resolution and assembly, [`crate::Builder::incidents_reviewed`]); `set` replaces a
//! figure's `best` (and `low`/`high`), the date, the place name or the perpetrator, keeping
//! the machine's value beside it in [`IncidentReview`]; `reject` moves the incident out of the
//! counted incidents into the rejected list; `confirm` and `note` are recorded on it.

use std::collections::{BTreeMap, BTreeSet, HashSet};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use sw_model::Field;

use crate::{ActorRef, Incident, IncidentFigure};

/// Why an incident is rejected (the codebook's three reasons).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// What was reported is not a strike or attack at all.
    NotAnEvent,
    /// The same event as another incident (`duplicate_of`).
    Duplicate,
    /// A real event outside what the ledger covers.
    OutOfScope,
}

impl RejectReason {
    pub fn as_str(self) -> &'static str {
        match self {
            RejectReason::NotAnEvent => "not_an_event",
            RejectReason::Duplicate => "duplicate",
            RejectReason::OutOfScope => "out_of_scope",
        }
    }

    pub fn parse(s: &str) -> Option<RejectReason> {
        match s {
            "not_an_event" => Some(RejectReason::NotAnEvent),
            "duplicate" => Some(RejectReason::Duplicate),
            "out_of_scope" => Some(RejectReason::OutOfScope),
            _ => None,
        }
    }
}

/// The incident a decision is about: its id when the decision was made, and the stable key
/// of one of its member reports (see the module's documentation).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Target {
    pub incident: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anchor: Option<String>,
}

/// What a decision does.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Action {
    Confirm {
        target: Target,
    },
    Reject {
        target: Target,
        why: RejectReason,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        duplicate_of: Option<String>,
    },
    /// `target` and `into` are one incident (shown under `into`'s date and place).
    Merge {
        target: Target,
        into: Target,
    },
    /// The report with stable key `report` is an incident of its own.
    Split {
        target: Target,
        report: String,
    },
    SetFigure {
        target: Target,
        field: Field,
        value: i64,
        /// Who the value rests on ("Coast Guard statement, 4 Dec").
        source: String,
    },
    SetDate {
        target: Target,
        /// `YYYY-MM-DD` or `YYYY-MM`.
        date: String,
    },
    SetPlace {
        target: Target,
        place: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        country: Option<String>,
    },
    SetPerpetrator {
        target: Target,
        perpetrator: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        state: Option<String>,
    },
    Note {
        target: Target,
    },
}

impl Action {
    pub fn kind(&self) -> &'static str {
        match self {
            Action::Confirm { .. } => "confirm",
            Action::Reject { .. } => "reject",
            Action::Merge { .. } => "merge",
            Action::Split { .. } => "split",
            Action::SetFigure { .. } => "set_figure",
            Action::SetDate { .. } => "set_date",
            Action::SetPlace { .. } => "set_place",
            Action::SetPerpetrator { .. } => "set_perpetrator",
            Action::Note { .. } => "note",
        }
    }

    pub fn target(&self) -> &Target {
        match self {
            Action::Confirm { target }
            | Action::Reject { target, .. }
            | Action::Merge { target, .. }
            | Action::Split { target, .. }
            | Action::SetFigure { target, .. }
            | Action::SetDate { target, .. }
            | Action::SetPlace { target, .. }
            | Action::SetPerpetrator { target, .. }
            | Action::Note { target } => target,
        }
    }

    /// What a later decision on the same slot supersedes; `None` for notes.
    fn slot(&self) -> Option<String> {
        let t = &self.target().incident;
        Some(match self {
            Action::Confirm { .. } | Action::Reject { .. } => format!("status:{t}"),
            Action::Merge { .. } => format!("merge:{t}"),
            Action::Split { report, .. } => format!("split:{report}"),
            Action::SetFigure { field, .. } => format!("figure:{}:{t}", field.as_str()),
            Action::SetDate { .. } => format!("date:{t}"),
            Action::SetPlace { .. } => format!("place:{t}"),
            Action::SetPerpetrator { .. } => format!("perpetrator:{t}"),
            Action::Note { .. } => return None,
        })
    }
}

/// One entry of the decision log. Never changed once recorded.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Decision {
    /// `dec-` + 16 hex digits of a hash of everything else: the same decision imported twice
    /// is one entry, two different ones never share an id.
    pub id: String,
    pub author: String,
    /// When it was made (RFC 3339, UTC), as the caller's clock read it.
    pub at: String,
    pub reason: String,
    #[serde(flatten)]
    pub action: Action,
}

impl Decision {
    /// A decision with its content id.
    pub fn new(author: &str, at: &str, reason: &str, action: Action) -> Decision {
        let mut d = Decision {
            id: String::new(),
            author: author.to_string(),
            at: at.to_string(),
            reason: reason.to_string(),
            action,
        };
        d.id = d.content_id();
        d
    }

    /// The id its content gives (a decision read back whose `id` differs was altered).
    pub fn content_id(&self) -> String {
        let body = serde_json::to_string(&(&self.author, &self.at, &self.reason, &self.action))
            .expect("a decision serializes");
        let h = Sha256::digest(body.as_bytes());
        let hex: String = h.iter().take(8).map(|b| format!("{b:02x}")).collect();
        format!("dec-{hex}")
    }
}

/// Old incident id -> the id it now goes by (incidents merged or re-identified since a
/// decision was made). The ledger's id assignment provides one; [`NoRedirects`] knows none.
pub trait Redirects {
    fn current(&self, id: &str) -> Option<String>;
}

/// No redirects.
pub struct NoRedirects;

impl Redirects for NoRedirects {
    fn current(&self, _: &str) -> Option<String> {
        None
    }
}

impl Redirects for BTreeMap<String, String> {
    fn current(&self, id: &str) -> Option<String> {
        self.get(id).cloned()
    }
}

/// A reviewed value beside the machine's value it replaced.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Reviewed<T> {
    pub value: T,
    /// What the build computed (null where it had none).
    pub machine: Option<T>,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    pub author: String,
    pub at: String,
    pub decision: String,
}

/// A figure set by a reviewer.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ReviewedFigure {
    pub field: Field,
    #[serde(flatten)]
    pub reviewed: Reviewed<i64>,
}

/// A decision's author, time and reason, as shown on the incident.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Signed {
    pub decision: String,
    pub author: String,
    pub at: String,
    pub reason: String,
}

/// What review did to an incident (absent from an incident nobody reviewed, so unreviewed
/// JSON is unchanged).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct IncidentReview {
    /// `confirmed`, `rejected`, or null (no status decision).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_by: Option<Signed>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejected_as: Option<RejectReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<ReviewedFigure>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Reviewed<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<Reviewed<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perpetrator: Option<Reviewed<String>>,
    /// Merges and splits that made this incident what it is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub regrouped_by: Vec<Signed>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Signed>,
    /// Every decision applied to this incident, in order.
    pub decisions: Vec<String>,
}

impl IncidentReview {
    pub fn rejected(&self) -> bool {
        self.status.as_deref() == Some("rejected")
    }

    /// Who made decision `id`, if it is one applied to this incident.
    pub fn author_of(&self, id: &str) -> Option<&str> {
        let signed = self
            .status_by
            .iter()
            .chain(&self.regrouped_by)
            .chain(&self.notes)
            .find(|s| s.decision == id)
            .map(|s| s.author.as_str());
        let valued = || {
            self.figures
                .iter()
                .map(|f| (&f.reviewed.decision, &f.reviewed.author))
                .chain(
                    [&self.date, &self.place, &self.perpetrator]
                        .into_iter()
                        .flatten()
                        .map(|v| (&v.decision, &v.author)),
                )
                .find(|(d, _)| d.as_str() == id)
                .map(|(_, a)| a.as_str())
        };
        signed.or_else(valued)
    }
}

/// How a decision stands in the log.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Applied to the incident named.
    Applied { incident: String },
    /// A later decision on the same slot replaced it.
    Superseded { by: String },
    /// Its target is in no current incident.
    Orphaned,
}

/// The decision log prepared for a build: the effective decisions (those no later one
/// supersedes), their targets mapped through the redirects.
#[derive(Debug, Clone, Default)]
pub struct Review {
    /// Effective decisions in `(at, id)` order, each with its target's current incident id.
    effective: Vec<(Decision, String)>,
    /// Superseded decision id -> the id of the one that superseded it.
    superseded: BTreeMap<String, String>,
}

impl Review {
    /// Orders `log` by `(at, id)`, drops exact repeats, and keeps the last decision of each
    /// slot as effective (the others are superseded, and listed as such).
    pub fn new(log: &[Decision], redirects: &dyn Redirects) -> Review {
        let mut all: Vec<&Decision> = log.iter().collect();
        all.sort_by(|a, b| (&a.at, &a.id).cmp(&(&b.at, &b.id)));
        all.dedup_by(|a, b| a.id == b.id);
        let mut last: BTreeMap<String, usize> = BTreeMap::new();
        let mut superseded = BTreeMap::new();
        for (i, d) in all.iter().enumerate() {
            if let Some(slot) = d.action.slot() {
                if let Some(prev) = last.insert(slot, i) {
                    superseded.insert(all[prev].id.clone(), d.id.clone());
                }
            }
        }
        let effective = all
            .into_iter()
            .filter(|d| !superseded.contains_key(&d.id))
            .map(|d| {
                let id = current(&d.action.target().incident, redirects);
                (d.clone(), id)
            })
            .collect();
        Review {
            effective,
            superseded,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.effective.is_empty()
    }

    /// The stable keys the decisions are anchored to (targets, the incidents merged into,
    /// the reports split off): the only keys a build looks up by string.
    pub fn anchors(&self) -> impl Iterator<Item = &str> {
        self.effective.iter().flat_map(|(d, _)| {
            let more = match &d.action {
                Action::Merge { into, .. } => into.anchor.as_deref(),
                Action::Split { report, .. } => Some(report.as_str()),
                _ => None,
            };
            d.action.target().anchor.as_deref().into_iter().chain(more)
        })
    }

    /// Binds the decisions to this build's event reports (`keys`: the stable keys of the
    /// event reports resolution reads, or at least those of them that are [`Review::anchors`]):
    /// a decision whose anchor is among them follows that report; the others fall back to
    /// their incident id.
    pub fn bind(&self, keys: &HashSet<&str>) -> Bound<'_> {
        let mut by_anchor: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut by_id: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut present: HashSet<&str> = HashSet::new();
        for (d, _) in &self.effective {
            let t = d.action.target();
            let more = match &d.action {
                Action::Merge { into, .. } => into.anchor.as_deref(),
                Action::Split { report, .. } => Some(report.as_str()),
                _ => None,
            };
            for k in t.anchor.as_deref().into_iter().chain(more) {
                if keys.contains(k) {
                    present.insert(k);
                }
            }
        }
        for (i, (d, id)) in self.effective.iter().enumerate() {
            match d.action.target().anchor.as_deref() {
                Some(a) if keys.contains(a) => by_anchor.entry(a).or_default().push(i),
                _ => by_id.entry(id.as_str()).or_default().push(i),
            }
        }
        Bound {
            review: self,
            by_anchor,
            by_id,
            present,
        }
    }

    /// How each decision of `log` stands after a build whose incidents (counted and
    /// rejected) carry `applied` (decision id -> incident id).
    pub fn standing(
        &self,
        log: &[Decision],
        applied: &BTreeMap<String, String>,
    ) -> Vec<(Decision, Standing)> {
        let mut all: Vec<&Decision> = log.iter().collect();
        all.sort_by(|a, b| (&a.at, &a.id).cmp(&(&b.at, &b.id)));
        all.dedup_by(|a, b| a.id == b.id);
        all.into_iter()
            .map(|d| {
                let s = if let Some(by) = self.superseded.get(&d.id) {
                    Standing::Superseded { by: by.clone() }
                } else if let Some(inc) = applied.get(&d.id) {
                    Standing::Applied {
                        incident: inc.clone(),
                    }
                } else {
                    Standing::Orphaned
                };
                (d.clone(), s)
            })
            .collect()
    }
}

fn current(id: &str, redirects: &dyn Redirects) -> String {
    // follow a chain of redirects, bounded (a cycle ends where it started)
    let mut id = id.to_string();
    for _ in 0..16 {
        match redirects.current(&id) {
            Some(next) if next != id => id = next,
            _ => break,
        }
    }
    id
}

/// The decisions bound to one build's reports (see [`Review::bind`]).
pub struct Bound<'a> {
    review: &'a Review,
    by_anchor: BTreeMap<&'a str, Vec<usize>>,
    by_id: BTreeMap<&'a str, Vec<usize>>,
    /// Anchors (and split reports) found among the build's event reports.
    present: HashSet<&'a str>,
}

impl Bound<'_> {
    /// Stable keys of the reports to split off their incidents, each with the decision.
    pub fn splits(&self) -> BTreeMap<&str, &Decision> {
        let mut out = BTreeMap::new();
        for (d, _) in &self.review.effective {
            if let Action::Split { report, .. } = &d.action {
                if self.present.contains(report.as_str()) {
                    out.insert(report.as_str(), d);
                }
            }
        }
        out
    }

    /// Merges whose both sides follow a report of this build: (anchor of the incident merged,
    /// anchor of the incident it goes into, the decision). A merge moves reports, so it needs
    /// both anchors; one whose side is gone is orphaned (listed by the log, not guessed at).
    pub fn merges(&self) -> Vec<(&str, &str, &Decision)> {
        let mut out = Vec::new();
        for (d, _) in &self.review.effective {
            if let Action::Merge { target, into } = &d.action {
                if let (Some(a), Some(b)) = (target.anchor.as_deref(), into.anchor.as_deref()) {
                    if self.present.contains(a) && self.present.contains(b) {
                        out.push((a, b, d));
                    }
                }
            }
        }
        out
    }

    /// Applies the decisions that target this incident: `keys` are the stable keys of its
    /// member reports, `regrouped` the merges and splits that shaped it (already applied to
    /// its membership). Returns whether it is rejected.
    pub fn apply(&self, inc: &mut Incident, keys: &[&str], regrouped: &[&Decision]) -> bool {
        let mut mine: BTreeSet<usize> = BTreeSet::new();
        for k in keys {
            if let Some(v) = self.by_anchor.get(k) {
                mine.extend(v.iter().copied());
            }
        }
        if let Some(v) = self.by_id.get(inc.id.as_str()) {
            mine.extend(v.iter().copied());
        }
        let mut review = IncidentReview::default();
        for d in regrouped {
            review.regrouped_by.push(signed(d));
            review.decisions.push(d.id.clone());
        }
        for i in mine {
            let d = &self.review.effective[i].0;
            if !apply_one(inc, &mut review, d) {
                continue;
            }
            if !review.decisions.contains(&d.id) {
                review.decisions.push(d.id.clone());
            }
        }
        let rejected = review.rejected();
        if !review.decisions.is_empty() {
            inc.review = Some(review);
        }
        rejected
    }
}

fn signed(d: &Decision) -> Signed {
    Signed {
        decision: d.id.clone(),
        author: d.author.clone(),
        at: d.at.clone(),
        reason: d.reason.clone(),
    }
}

fn reviewed<T>(d: &Decision, value: T, machine: Option<T>, source: Option<String>) -> Reviewed<T> {
    Reviewed {
        value,
        machine,
        reason: d.reason.clone(),
        source,
        author: d.author.clone(),
        at: d.at.clone(),
        decision: d.id.clone(),
    }
}

fn figure_slot(inc: &mut Incident, field: Field) -> Option<&mut Option<IncidentFigure>> {
    let f = &mut inc.figures;
    Some(match field {
        Field::Killed => &mut f.killed,
        Field::Injured => &mut f.injured,
        Field::Survivors => &mut f.survivors,
        Field::Missing => &mut f.missing,
        Field::Detained => &mut f.detained,
        Field::Vessels => &mut f.vessels,
        Field::Strikes => return None,
    })
}

/// Applies one decision; false if it does not apply to an incident this way (merges and
/// splits are applied to the membership before assembly and recorded there).
fn apply_one(inc: &mut Incident, review: &mut IncidentReview, d: &Decision) -> bool {
    match &d.action {
        Action::Confirm { .. } => {
            review.status = Some("confirmed".into());
            review.status_by = Some(signed(d));
            review.rejected_as = None;
            review.duplicate_of = None;
        }
        Action::Reject {
            why, duplicate_of, ..
        } => {
            review.status = Some("rejected".into());
            review.status_by = Some(signed(d));
            review.rejected_as = Some(*why);
            review.duplicate_of = duplicate_of.clone();
        }
        Action::Merge { .. } | Action::Split { .. } => return false,
        Action::SetFigure {
            field,
            value,
            source,
            ..
        } => {
            let Some(slot) = figure_slot(inc, *field) else {
                return false;
            };
            let machine = slot.as_ref().and_then(|f| f.best);
            let fig = slot.get_or_insert_with(|| IncidentFigure {
                low: None,
                best: None,
                high: None,
                contested: false,
                basis: String::new(),
                values: Vec::new(),
            });
            fig.low = Some(*value);
            fig.best = Some(*value);
            fig.high = Some(*value);
            fig.basis = "reviewed".into();
            review.figures.retain(|f| f.field != *field);
            review.figures.push(ReviewedFigure {
                field: *field,
                reviewed: reviewed(d, *value, machine, Some(source.clone())),
            });
        }
        Action::SetDate { date, .. } => {
            let machine = inc.date.clone();
            inc.date = Some(date.clone());
            review.date = Some(reviewed(d, date.clone(), machine, None));
        }
        Action::SetPlace { place, country, .. } => {
            let machine = inc.place.name.clone();
            inc.place.name = Some(place.clone());
            if country.is_some() {
                inc.place.country = country.clone();
            }
            review.place = Some(reviewed(d, place.clone(), machine, None));
        }
        Action::SetPerpetrator {
            perpetrator, state, ..
        } => {
            let machine = inc.perpetrator().map(|a| a.name.clone());
            let actor = ActorRef {
                name: perpetrator.clone(),
                alleged: false,
                state: state.clone(),
                non_state: false,
            };
            inc.perpetrators.retain(|a| a.name != actor.name);
            inc.perpetrators.insert(0, actor);
            review.perpetrator = Some(reviewed(d, perpetrator.clone(), machine, None));
        }
        Action::Note { .. } => review.notes.push(signed(d)),
    }
    true
}

/// Conflicts between two logs: slots both decide, differently, where neither author saw the
/// other's decision (the two were made independently). Reported, never resolved: the later
/// one still wins in a build, and the log says so.
pub fn conflicts<'a>(
    ours: &'a [Decision],
    theirs: &'a [Decision],
) -> Vec<(&'a Decision, &'a Decision)> {
    let ours_ids: HashSet<&str> = ours.iter().map(|d| d.id.as_str()).collect();
    let mut by_slot: BTreeMap<String, Vec<&Decision>> = BTreeMap::new();
    for d in ours {
        if let Some(s) = d.action.slot() {
            by_slot.entry(s).or_default().push(d);
        }
    }
    let mut out = Vec::new();
    for t in theirs {
        if ours_ids.contains(t.id.as_str()) {
            continue;
        }
        let Some(s) = t.action.slot() else { continue };
        for o in by_slot.get(&s).into_iter().flatten() {
            if o.author != t.author && o.action != t.action {
                out.push((*o, t));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::{Builder, ReportInput};

    /// Reports of three boat strikes on three days, two told by two outlets.
    fn reports() -> Vec<ReportInput> {
        let ex = sw_extract::Extractor::new();
        let texts = [
            ("https://a.example/1", "2025-11-05", "U.S. forces struck a boat in the eastern Pacific on Tuesday, killing three people, Southern Command said."),
            ("https://b.example/2", "2025-11-05", "A U.S. strike on a vessel in the eastern Pacific on Tuesday killed three people, officials said."),
            ("https://c.example/3", "2025-11-08", "U.S. forces struck a boat in the Caribbean on Friday, killing two people, Southern Command said."),
            ("https://d.example/4", "2025-11-12", "U.S. forces struck a vessel in the Caribbean on Tuesday, killing six people, officials said."),
        ];
        let mut out = Vec::new();
        for (i, (url, published, text)) in texts.iter().enumerate() {
            let date = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
            for (j, report) in ex
                .extract(text, sw_model::Lang::En, date)
                .into_iter()
                .enumerate()
            {
                let quote = text[report.sentence[0]..report.sentence[1]].to_string();
                out.push(ReportInput {
                    report_id: (i * 10 + j) as i64,
                    article_id: i as i64,
                    story_id: i as i64,
                    url: Some(url.to_string()),
                    outlet: None,
                    published: Some(published.to_string()),
                    lang: "en".into(),
                    report,
                    quote,
                });
            }
        }
        out
    }

    /// The counted and rejected incidents of `reports` with `review` applied.
    fn built(reports: &[ReportInput], review: &Review) -> (Vec<Incident>, Vec<Incident>) {
        let mut b = Builder::new();
        for r in reports {
            b.add(r.clone());
        }
        let (mut kept, mut rejected) = (Vec::new(), Vec::new());
        b.incidents_reviewed::<()>(
            review,
            &mut |w| {
                Ok(w.iter()
                    .map(|(_, id)| reports.iter().find(|r| r.report_id == *id).unwrap().clone())
                    .collect())
            },
            &mut |i, rej| {
                if rej { &mut rejected } else { &mut kept }.push(i);
                Ok(())
            },
        )
        .unwrap();
        kept.sort_by(|a, b| a.date.cmp(&b.date));
        (kept, rejected)
    }

    fn key_of(reports: &[ReportInput], inc: &Incident, n: usize) -> String {
        let id = inc.sources[n].report_id;
        reports
            .iter()
            .find(|r| r.report_id == id)
            .unwrap()
            .stable_key()
    }

    fn target(reports: &[ReportInput], inc: &Incident) -> Target {
        Target {
            incident: inc.id.clone(),
            anchor: Some(key_of(reports, inc, 0)),
        }
    }

    fn applied(kept: &[Incident], rejected: &[Incident]) -> BTreeMap<String, String> {
        kept.iter()
            .chain(rejected)
            .flat_map(|i| {
                i.review
                    .iter()
                    .flat_map(|r| r.decisions.iter().map(|d| (d.clone(), i.id.clone())))
            })
            .collect()
    }

    /// Without decisions the reviewed build is the plain one; decisions of each kind take
    /// effect, whatever order the log is in; a later decision supersedes an earlier one on
    /// the same slot and both are listed; a decision about a report no build has is orphaned.
    #[test]
    fn decisions_apply_in_any_order_supersede_and_orphan() {
        let reports = reports();
        let (plain, none) = built(&reports, &Review::default());
        assert_eq!(plain, crate::build(&reports).incidents);
        assert!(none.is_empty());
        assert_eq!(plain.len(), 3, "{plain:#?}");
        let (pacific, two, six) = (&plain[0], &plain[1], &plain[2]);
        assert_eq!(pacific.sources.len(), 2);

        let t = |i: &Incident| target(&reports, i);
        let log = vec![
            Decision::new(
                "ana",
                "2026-01-01T00:00:01Z",
                "drill",
                Action::Reject {
                    target: t(two),
                    why: RejectReason::NotAnEvent,
                    duplicate_of: None,
                },
            ),
            Decision::new(
                "ana",
                "2026-01-01T00:00:02Z",
                "it was real",
                Action::Confirm { target: t(two) },
            ),
            Decision::new(
                "ana",
                "2026-01-01T00:00:03Z",
                "toll",
                Action::SetFigure {
                    target: t(six),
                    field: Field::Killed,
                    value: 5,
                    source: "Navy statement".into(),
                },
            ),
            Decision::new(
                "ana",
                "2026-01-01T00:00:04Z",
                "two boats",
                Action::Split {
                    target: t(pacific),
                    report: key_of(&reports, pacific, 1),
                },
            ),
            Decision::new(
                "ana",
                "2026-01-01T00:00:05Z",
                "gone",
                Action::Note {
                    target: Target {
                        incident: "inc-000000000000".into(),
                        anchor: Some("https://x.example/#0-1:event:strike:occurred".into()),
                    },
                },
            ),
        ];
        let mut reversed = log.clone();
        reversed.reverse();
        let review = Review::new(&log, &NoRedirects);
        let (kept, rejected) = built(&reports, &review);
        assert_eq!(
            (kept.clone(), rejected.clone()),
            built(&reports, &Review::new(&reversed, &NoRedirects))
        );
        assert!(
            rejected.is_empty(),
            "the later confirm supersedes the reject"
        );
        assert_eq!(kept.len(), 4, "the split report is an incident of its own");
        let six = kept.iter().find(|i| i.id == six.id).unwrap();
        let k = six.figures.killed.as_ref().unwrap();
        assert_eq!((k.low, k.best, k.high), (Some(5), Some(5), Some(5)));
        let r = &six.review.as_ref().unwrap().figures[0].reviewed;
        assert_eq!(
            (r.machine, r.source.as_deref()),
            (Some(6), Some("Navy statement"))
        );
        let standing = review.standing(&log, &applied(&kept, &rejected));
        let st: Vec<&Standing> = standing.iter().map(|(_, s)| s).collect();
        assert_eq!(
            st[0],
            &Standing::Superseded {
                by: log[1].id.clone()
            }
        );
        assert!(matches!(st[1], Standing::Applied { .. }));
        assert!(matches!(st[2], Standing::Applied { .. }));
        assert!(matches!(st[3], Standing::Applied { .. }));
        assert_eq!(st[4], &Standing::Orphaned);

        // the reject alone: the incident is listed apart
        let (kept, rejected) = built(&reports, &Review::new(&log[..1], &NoRedirects));
        assert_eq!(kept.len(), 2);
        assert_eq!(rejected.len(), 1);
        assert_eq!(
            rejected[0].review.as_ref().unwrap().rejected_as,
            Some(RejectReason::NotAnEvent)
        );
    }

    /// A merge puts both incidents' reports in one; a decision whose anchor report is gone
    /// follows its incident id through the redirects.
    #[test]
    fn merges_and_redirects() {
        let reports = reports();
        let (plain, _) = built(&reports, &Review::default());
        let (two, six) = (&plain[1], &plain[2]);
        let merge = Decision::new(
            "ana",
            "t1",
            "one boat",
            Action::Merge {
                target: target(&reports, two),
                into: target(&reports, six),
            },
        );
        let (kept, _) = built(
            &reports,
            &Review::new(std::slice::from_ref(&merge), &NoRedirects),
        );
        assert_eq!(kept.len(), 2);
        let merged = kept
            .iter()
            .find(|i| i.sources.len() == 2 && i.id != plain[0].id)
            .unwrap();
        assert_eq!(
            merged.review.as_ref().unwrap().regrouped_by[0].decision,
            merge.id
        );

        let note = Decision::new(
            "ana",
            "t2",
            "old id",
            Action::Note {
                target: Target {
                    incident: "inc-old".into(),
                    anchor: None,
                },
            },
        );
        let (kept, _) = built(
            &reports,
            &Review::new(std::slice::from_ref(&note), &NoRedirects),
        );
        assert!(
            kept.iter().all(|i| i.review.is_none()),
            "no incident has the old id"
        );
        let redirects = BTreeMap::from([("inc-old".to_string(), six.id.clone())]);
        let (kept, _) = built(
            &reports,
            &Review::new(std::slice::from_ref(&note), &redirects),
        );
        let six = kept.iter().find(|i| i.id == six.id).unwrap();
        assert_eq!(six.review.as_ref().unwrap().notes[0].decision, note.id);
    }

    /// Two analysts deciding one thing differently is a conflict; the same decision in both
    /// logs, or one author changing their own mind, is not.
    #[test]
    fn conflicts_between_logs() {
        let t = Target {
            incident: "inc-1".into(),
            anchor: None,
        };
        let a = Decision::new("ana", "t1", "ok", Action::Confirm { target: t.clone() });
        let b = Decision::new(
            "ben",
            "t2",
            "no",
            Action::Reject {
                target: t.clone(),
                why: RejectReason::OutOfScope,
                duplicate_of: None,
            },
        );
        let a2 = Decision::new(
            "ana",
            "t3",
            "changed my mind",
            Action::Reject {
                target: t.clone(),
                why: RejectReason::OutOfScope,
                duplicate_of: None,
            },
        );
        assert_eq!(
            conflicts(std::slice::from_ref(&a), std::slice::from_ref(&b)).len(),
            1
        );
        assert!(conflicts(std::slice::from_ref(&a), std::slice::from_ref(&a)).is_empty());
        assert!(conflicts(std::slice::from_ref(&a), std::slice::from_ref(&a2)).is_empty());
        // the id is a hash of the content: a changed decision does not keep its id
        let mut edited = a.clone();
        edited.reason = "edited".into();
        assert_ne!(edited.content_id(), a.id);
    }
}
