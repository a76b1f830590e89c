//! The one line at the top of an incident page that says, in plain words, what the ledger
//! holds about it: what happened, where, when, the toll as low, best and high, who is said to
//! have done it, and how many independent sources tell it. Made only from the incident's own
//! values (nothing is inferred here), so that the line and the tables under it never disagree.

use chrono::NaiveDate;
use sw_ledger::{Grade, Incident};
use sw_model::{EventType, TargetKind};

/// "A strike on a vessel in the eastern Pacific on 4 November 2025, by United States: 3
/// killed. Told by 2 independent sources; corroborated."
pub fn incident_summary(i: &Incident) -> String {
    let what = match i.event_type {
        EventType::Strike => "A strike",
        EventType::Raid => "A raid",
        EventType::Attack => "An attack",
        EventType::Deployment => "A deployment",
        EventType::Designation => "A designation",
        EventType::Authorization => "An authorization",
    };
    let target = match (i.event_type, i.target_kind) {
        (EventType::Strike | EventType::Raid | EventType::Attack, Some(t)) => match t {
            TargetKind::Vessel => " on a vessel",
            TargetKind::LandSite => " on a site on land",
            TargetKind::Person => " on people",
            TargetKind::Unknown => "",
        },
        _ => "",
    };
    let mut s = format!("{what}{target}");
    let place = crate::pages::place_label(i);
    if place != "unknown" {
        // a sea region is "the Caribbean Sea"; a country or a town takes no article
        let sea = i.place.country.is_none() && i.place.region.is_some();
        s.push_str(if sea && !place.starts_with("the ") {
            " in the "
        } else {
            " in "
        });
        s.push_str(&place);
    }
    s.push_str(&when(i));
    if let Some(p) = i.perpetrator() {
        s.push_str(", by ");
        s.push_str(&p.name);
        if p.alleged {
            s.push_str(" (alleged)");
        }
    }
    s.push_str(": ");
    s.push_str(&toll(i));
    s.push_str(". ");
    let n = i.stories;
    s.push_str(&format!(
        "Told by {n} independent {}; {}",
        if n == 1 { "source" } else { "sources" },
        match i.grade {
            Grade::Acknowledged => "acknowledged by the side said to have done it",
            Grade::Corroborated => "corroborated",
            Grade::SingleSource => "a single source",
            Grade::Contested => "contested",
        }
    ));
    if i.contested || i.figures.any_contested() {
        s.push_str("; the sources disagree on some values");
    }
    if i.denied {
        s.push_str("; a party denies it happened");
    }
    s.push('.');
    s
}

/// " on 4 November 2025", " in September 2025", " between 1 and 7 September 2025", or
/// ", on a date no source gives".
fn when(i: &Incident) -> String {
    let day = |d: &str| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok();
    let long = |d: NaiveDate| d.format("%-d %B %Y").to_string();
    if let Some(d) = i.date.as_deref() {
        if let Some(d) = day(d) {
            return format!(" on {}", long(d));
        }
        if let Some(m) = day(&format!("{d}-01")) {
            return format!(" in {}", m.format("%B %Y"));
        }
    }
    if let Some([a, b]) = &i.window {
        if let (Some(a), Some(b)) = (day(a), day(b)) {
            return format!(" between {} and {}", long(a), long(b));
        }
    }
    ", on a date no source gives".into()
}

/// The killed figure as low, best and high: "3 killed" when they are one number.
fn toll(i: &Incident) -> String {
    let Some(k) = &i.figures.killed else {
        return "no source gives a death toll".into();
    };
    match (k.low, k.best, k.high) {
        (Some(l), Some(b), Some(h)) if l == b && b == h => format!("{b} killed"),
        (l, b, h) => {
            let part = |name: &str, v: Option<i64>, none: &str| match v {
                Some(v) => format!("{name} {v}"),
                None => none.to_string(),
            };
            format!(
                "killed {}, {}, {}",
                part("low", l, "no low figure"),
                part("best", b, "no best figure"),
                part("high", h, "no upper bound")
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_says_what_where_when_toll_who_and_how_many_sources() {
        let i = crate::listed::sample_incident(3, 0);
        assert_eq!(
            incident_summary(&i),
            "A strike on a vessel in the eastern Pacific on 4 November 2025, by United States: \
             3 killed. Told by 2 independent sources; corroborated."
        );
    }

    #[test]
    fn a_range_reads_low_best_high_and_missing_values_are_said() {
        let mut i = crate::listed::sample_incident(1, 0);
        let k = i.figures.killed.as_mut().unwrap();
        (k.low, k.best, k.high) = (Some(11), Some(14), None);
        k.contested = true;
        i.date = None;
        i.window = Some(["2025-09-01".into(), "2025-09-07".into()]);
        i.stories = 1;
        i.grade = Grade::Contested;
        i.perpetrators.clear();
        i.denied = true;
        assert_eq!(
            incident_summary(&i),
            "A strike on a vessel in the eastern Pacific between 1 September 2025 and \
             7 September 2025: killed low 11, best 14, no upper bound. Told by 1 independent \
             source; contested; the sources disagree on some values; a party denies it happened."
        );
        i.figures.killed = None;
        i.window = None;
        i.date = Some("2025-10".into());
        i.place.region = None;
        i.place.name = Some("Sucre".into());
        i.place.country = Some("VE".into());
        let line = incident_summary(&i);
        assert!(
            line.starts_with("A strike on a vessel in Sucre, Venezuela in October 2025: no source gives a death toll."),
            "{line}"
        );
    }
}
