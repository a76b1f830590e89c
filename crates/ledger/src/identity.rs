//! Incident identities that survive new reports, re-extraction and arrival order.
//!
//! Why: an incident id is what people link to and cite. Derived only from the reports present
//! (as it once was: a hash of the earliest-published member), it changed whenever an
//! earlier-published report arrived, and the old link answered 404. Here an id is decided in
//! two steps, both pure:
//!
//! 1. **Kept by overlap.** The caller passes the previous publication's identity map
//!    ([`Identities`]: for each incident id, the keys of its member reports). A new incident
//!    whose members overlap an old incident's keeps that id; the largest overlap wins, ties go
//!    to the smaller old id, then to the incident first in content order, so the outcome is a
//!    function of the two sets only.
//! 2. **Fresh from content.** An incident that overlaps none gets an id from what it is
//!    (event type, day, sea region or country: the key resolution groups by), falling back to
//!    its earliest-published member's key when it has no day. Content rather than members, so
//!    that the same corpus ingested in any split and order names its incidents alike. An id
//!    given while the area or the day was unknown is provisional: once both are known, the
//!    incident takes its full content id (when free) and the provisional one redirects to it.
//!
//! What became of each old id is reported as [`Fate`]s: merged into another incident (a
//! redirect, stored for good), split (the largest part kept the id, the others are new), or
//! withdrawn (no member left). Ids that redirect are never given to a new incident.

use std::collections::{BTreeMap, BTreeSet};

use sha2::{Digest, Sha256};

use crate::{short_id, Incident};

/// The key of a member report: the first 8 bytes of SHA-256 of its stable key
/// ([`crate::ReportInput::stable_key`]: article url, sentence span, kind, type, modality), as
/// an `i64`. Compact (a store keeps one per event report) and unchanged by re-extraction of
/// the same text.
pub fn member_key(stable_key: &str) -> i64 {
    let h = Sha256::digest(stable_key.as_bytes());
    let mut b = [0u8; 8];
    b.copy_from_slice(&h[..8]);
    i64::from_be_bytes(b)
}

/// The identity map of a publication: which member reports each incident id names, and the
/// ids that redirect (never to be given again).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Identities {
    /// Incident id -> its members' [`member_key`]s, sorted.
    pub members: BTreeMap<String, Vec<i64>>,
    /// Ids merged into another incident: they redirect and are never reused.
    pub retired: BTreeSet<String>,
}

/// What became of an id of the previous publication that the new one does not keep as is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Fate {
    /// Its members now belong (mostly) to incident `into`: the id redirects there.
    Merged { id: String, into: String },
    /// It kept its id, and some of its members left for the new incident `part`.
    Split { id: String, part: String },
    /// None of its members is an incident's any more.
    Withdrawn { id: String },
}

impl Fate {
    /// The old id the fate is about.
    pub fn id(&self) -> &str {
        match self {
            Fate::Merged { id, .. } | Fate::Split { id, .. } | Fate::Withdrawn { id } => id,
        }
    }

    /// `merged`, `split` or `withdrawn`.
    pub fn kind(&self) -> &'static str {
        match self {
            Fate::Merged { .. } => "merged",
            Fate::Split { .. } => "split",
            Fate::Withdrawn { .. } => "withdrawn",
        }
    }

    /// The other incident: where it was merged into, or the part split off.
    pub fn other(&self) -> Option<&str> {
        match self {
            Fate::Merged { into, .. } => Some(into),
            Fate::Split { part, .. } => Some(part),
            Fate::Withdrawn { .. } => None,
        }
    }
}

/// Decides ids for the incidents of a new build, step 1: which old id each group keeps.
/// `groups[g]` are the member keys of the `g`-th incident, in content order. Returns, per
/// group, the old id it keeps (or none).
pub fn keep(prev: &Identities, groups: &[Vec<i64>]) -> Vec<Option<String>> {
    let mut owner: BTreeMap<i64, &str> = BTreeMap::new();
    for (id, keys) in &prev.members {
        for &k in keys {
            owner.entry(k).or_insert(id);
        }
    }
    // (overlap, old id, group)
    let mut pairs: Vec<(usize, &str, usize)> = Vec::new();
    for (g, keys) in groups.iter().enumerate() {
        let mut count: BTreeMap<&str, usize> = BTreeMap::new();
        for k in keys {
            if let Some(id) = owner.get(k) {
                *count.entry(id).or_default() += 1;
            }
        }
        pairs.extend(count.into_iter().map(|(id, n)| (n, id, g)));
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)).then(a.2.cmp(&b.2)));
    let mut kept: Vec<Option<String>> = vec![None; groups.len()];
    let mut taken: BTreeSet<&str> = BTreeSet::new();
    for (_, id, g) in pairs {
        if kept[g].is_none() && !taken.contains(id) {
            taken.insert(id);
            kept[g] = Some(id.to_string());
        }
    }
    kept
}

/// Step 2: the id of an incident that kept none, from its content (see the module's
/// documentation). `incident.id` must still be the one assembly gave (its earliest-published
/// member's hash), the fallback for an incident without a day.
pub fn fresh(incident: &Incident) -> String {
    let area = incident
        .place
        .region_code
        .as_deref()
        .or(incident.place.country.as_deref())
        .unwrap_or("");
    content_id(incident, area).unwrap_or_else(|| incident.id.clone())
}

/// The id of an incident's content key with `area`; `None` without a day.
fn content_id(incident: &Incident, area: &str) -> Option<String> {
    match (&incident.date, incident.date_precision) {
        (Some(day), sw_model::DatePrecision::Day) => Some(short_id(
            "inc",
            &format!("{}|{day}|{area}", incident.event_type.as_str()),
        )),
        _ => None,
    }
}

/// Whether `kept` was given while the incident's area was unknown (its content key with no
/// area) and the area is now known: such an id was provisional, and gives way to the full
/// content id (redirecting to it), so that the incident is named as it would be had every
/// report arrived at once.
///
/// Likewise an id given while the incident had no day (its earliest member's hash, which
/// `member_id` recognises among its members) gives way once it has one.
fn provisional(kept: &str, incident: &Incident, member_id: &dyn Fn(&str) -> bool) -> bool {
    let known = incident.place.region_code.is_some() || incident.place.country.is_some();
    let dated = content_id(incident, "").is_some();
    (known && content_id(incident, "").as_deref() == Some(kept)) || (dated && member_id(kept))
}

/// Gives ids in the order incidents are assembled: the kept id, else a fresh one not used yet
/// in this build and never given to an incident of the previous publication or retired
/// (`-2`, `-3`... hashed in when taken).
#[derive(Debug)]
pub struct Namer {
    kept: Vec<Option<String>>,
    /// Ids this build gave, the previous publication's and retired ones.
    used: BTreeSet<String>,
    /// Ids given, by group.
    given: Vec<Option<String>>,
}

impl Namer {
    pub fn new(prev: &Identities, groups: &[Vec<i64>]) -> Namer {
        let kept = keep(prev, groups);
        let mut used: BTreeSet<String> = prev.members.keys().cloned().collect();
        used.extend(prev.retired.iter().cloned());
        Namer {
            given: vec![None; kept.len()],
            kept,
            used,
        }
    }

    /// The id of group `g`, assembled as `incident` (its fresh id read from it);
    /// `member_id(id)` says whether `id` is the hash of one of its members' stable keys (an
    /// id given to it before it had a day).
    pub fn name(
        &mut self,
        g: usize,
        incident: &Incident,
        member_id: &dyn Fn(&str) -> bool,
    ) -> String {
        let kept = self.kept[g].clone().filter(|k| {
            !provisional(k, incident, member_id) || self.used.contains(&fresh(incident))
        });
        let id = match kept {
            Some(id) => id,
            None => {
                let base = fresh(incident);
                let mut id = base.clone();
                let mut n = 1;
                while self.used.contains(&id) {
                    n += 1;
                    id = short_id("inc", &format!("{base}#{n}"));
                }
                id
            }
        };
        self.used.insert(id.clone());
        self.given[g] = Some(id.clone());
        id
    }

    /// The new identity map and what became of the previous ids, once every group is named.
    pub fn finish(self, prev: &Identities, groups: &[Vec<i64>]) -> (Identities, Vec<Fate>) {
        let given: Vec<String> = self
            .given
            .into_iter()
            .map(|g| g.expect("every group named"))
            .collect();
        let mut next = Identities {
            members: BTreeMap::new(),
            retired: prev.retired.clone(),
        };
        let mut group_of: BTreeMap<i64, usize> = BTreeMap::new();
        for (g, keys) in groups.iter().enumerate() {
            let mut keys = keys.clone();
            keys.sort_unstable();
            keys.dedup();
            for &k in &keys {
                group_of.insert(k, g);
            }
            next.members.insert(given[g].clone(), keys);
        }
        let mut fates = Vec::new();
        for (id, keys) in &prev.members {
            // where its members went: group -> how many
            let mut went: BTreeMap<usize, usize> = BTreeMap::new();
            for k in keys {
                if let Some(&g) = group_of.get(k) {
                    *went.entry(g).or_default() += 1;
                }
            }
            if next.members.contains_key(id) {
                for &g in went.keys() {
                    if &given[g] != id && !prev.members.contains_key(&given[g]) {
                        fates.push(Fate::Split {
                            id: id.clone(),
                            part: given[g].clone(),
                        });
                    }
                }
            } else if let Some((&g, _)) = went
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(given[*b.0].cmp(&given[*a.0])))
            {
                next.retired.insert(id.clone());
                fates.push(Fate::Merged {
                    id: id.clone(),
                    into: given[g].clone(),
                });
            } else {
                fates.push(Fate::Withdrawn { id: id.clone() });
            }
        }
        fates.sort();
        (next, fates)
    }
}

/// Where an id leads now: itself when it names a current incident; else the redirects it is
/// merged through (`redirect(id)` gives the id it was merged into, if any), followed to the
/// current incident. `None` when it names no incident and does not redirect (withdrawn, or
/// never given). At most 64 steps: a loop (which the build never makes) ends it too.
pub fn follow(
    id: &str,
    current: &dyn Fn(&str) -> bool,
    redirect: &dyn Fn(&str) -> Option<String>,
) -> Option<String> {
    let mut at = id.to_string();
    for _ in 0..64 {
        if current(&at) {
            return Some(at);
        }
        at = redirect(&at)?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prev(of: &[(&str, &[i64])]) -> Identities {
        Identities {
            members: of
                .iter()
                .map(|(id, k)| (id.to_string(), k.to_vec()))
                .collect(),
            retired: BTreeSet::new(),
        }
    }

    #[test]
    fn the_largest_overlap_keeps_the_id_and_ties_are_decided_by_id() {
        let p = prev(&[("inc-a", &[1, 2, 3]), ("inc-b", &[4, 5])]);
        // group 0 holds two of a's, group 1 one of a's and both of b's
        let kept = keep(&p, &[vec![1, 2, 9], vec![3, 4, 5]]);
        assert_eq!(kept, vec![Some("inc-a".into()), Some("inc-b".into())]);
        // a tie between two old ids for one group: the smaller id wins, the other is free
        let kept = keep(&p, &[vec![1, 2, 4, 5]]);
        assert_eq!(kept, vec![Some("inc-a".into())]);
        assert_eq!(keep(&p, &[vec![7]]), vec![None]);
    }

    fn incident(id: &str) -> Incident {
        serde_json::from_value(serde_json::json!({
            "id": id, "event_type": "strike", "target_kind": null, "means": null,
            "modality": "occurred", "date": null, "date_precision": "unknown", "window": null,
            "dates": [], "place": {"name": null, "country": null, "region": null,
            "region_code": null, "admin1": null, "lat": null, "lon": null, "precision": 5},
            "figures": {}, "contested": false, "denied": false, "grade": "single_source",
            "stories": 1, "perpetrators": [], "target_groups": [], "sources": [],
            "attached_report_ids": []
        }))
        .unwrap()
    }

    #[test]
    fn a_merge_redirects_a_split_is_reported_and_a_lost_incident_is_withdrawn() {
        let p = prev(&[
            ("inc-a", &[1, 2]),
            ("inc-b", &[3]),
            ("inc-c", &[4, 5, 6]),
            ("inc-d", &[8]),
        ]);
        // a and b become one; c splits into {4,5} and {6}; d's report is gone
        let groups = vec![vec![1, 2, 3], vec![4, 5], vec![6]];
        let mut namer = Namer::new(&p, &groups);
        let ids: Vec<String> = (0..3)
            .map(|g| namer.name(g, &incident(&format!("inc-new{g}")), &|_| false))
            .collect();
        assert_eq!(ids, ["inc-a", "inc-c", "inc-new2"]);
        let (next, fates) = namer.finish(&p, &groups);
        assert_eq!(
            fates,
            vec![
                Fate::Merged {
                    id: "inc-b".into(),
                    into: "inc-a".into()
                },
                Fate::Split {
                    id: "inc-c".into(),
                    part: "inc-new2".into()
                },
                Fate::Withdrawn { id: "inc-d".into() },
            ]
        );
        assert!(next.retired.contains("inc-b") && !next.retired.contains("inc-d"));
        assert_eq!(next.members["inc-a"], vec![1, 2, 3]);
        // a fresh id never takes one the previous publication used
        let mut namer = Namer::new(&next, &[vec![42]]);
        assert_ne!(namer.name(0, &incident("inc-b"), &|_| false), "inc-b");
    }

    #[test]
    fn an_id_given_before_the_area_was_known_gives_way_to_the_full_one() {
        let mut inc = incident("inc-x");
        inc.date = Some("2025-09-02".into());
        inc.date_precision = sw_model::DatePrecision::Day;
        let without_area = fresh(&inc);
        let p = prev(&[(without_area.as_str(), &[1])]);
        inc.place.region_code = Some("caribbean".into());
        let mut namer = Namer::new(&p, &[vec![1, 2]]);
        let id = namer.name(0, &inc, &|_| false);
        assert_eq!(id, fresh(&inc));
        assert_ne!(id, without_area);
        let (_, fates) = namer.finish(&p, &[vec![1, 2]]);
        assert_eq!(
            fates,
            vec![Fate::Merged {
                id: without_area,
                into: id
            }]
        );
    }

    #[test]
    fn redirects_are_followed_to_the_current_incident() {
        let redirects: BTreeMap<&str, &str> = [("inc-x", "inc-y"), ("inc-y", "inc-z")].into();
        let current = |id: &str| id == "inc-z";
        let redirect = |id: &str| redirects.get(id).map(|s| s.to_string());
        assert_eq!(
            follow("inc-x", &current, &redirect).as_deref(),
            Some("inc-z")
        );
        assert_eq!(
            follow("inc-z", &current, &redirect).as_deref(),
            Some("inc-z")
        );
        assert_eq!(follow("inc-q", &current, &redirect), None);
        let looped = |id: &str| Some(if id == "a" { "b" } else { "a" }.to_string());
        assert_eq!(follow("a", &|_| false, &looped), None);
    }
}
