//! Scoring against a gold set (`tests/gold/gold.jsonl`): precision, recall and F1 per field
//! and per language. Pure: the caller reads the file and prints [`EvalReport::render`].
//!
//! Matching, per passage: expected and produced reports of the same kind and event type are
//! paired greedily (prefer an equal date, then an equal killed figure). Event detection
//! counts pairs as true positives, unpaired produced reports as false positives and unpaired
//! expected reports as false negatives. For each field a pair with equal values is a true
//! positive; a produced value that is unpaired or wrong is a false positive; an expected
//! value that is unpaired, wrong or missing is a false negative. Figures compare the
//! `{low, best, high}` triple. `place.*`, `source`, `target_kind` and `perpetrator` are
//! scored only where the expected report gives them; a date or figure absent on both sides
//! counts nothing; a produced `window` date counts as no date, or as the expected day when
//! that lies in the window. `perpetrator` is the state of the report's perpetrator (ISO 3166 alpha-2),
//! `non_state` for an armed group, or null. Produced `reference` reports (mentions of an
//! earlier event) are not scored: a gold passage that only refers back expects nothing.
//!
//! ```
//! use sw_extract::{eval, Extractor};
//! let line = r#"{"id":"x1","lang":"en","published":"2025-11-05","text":"A U.S. strike on a boat in the Caribbean killed three people on Tuesday.","expected":[{"kind":"event","event_type":"strike","modality":"occurred","date":"2025-11-04","figures":{"killed":{"low":3,"best":3,"high":3}}}]}"#;
//! let items = eval::parse_jsonl(line).unwrap();
//! let rep = eval::score(&items, &Extractor::new());
//! assert_eq!(rep.overall["event"].f1(), 1.0);
//! assert!(rep.render().contains("killed"));
//! ```

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;
use serde_json::Value;
use sw_model::Lang;

use crate::{Extractor, Report};

/// One gold passage.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldItem {
    pub id: String,
    pub lang: String,
    pub published: Option<String>,
    pub text: String,
    #[serde(default)]
    pub covers: Vec<String>,
    #[serde(default)]
    pub expected: Vec<GoldReport>,
}

/// One expected report.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldReport {
    pub kind: String,
    pub event_type: String,
    pub modality: String,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub figures: BTreeMap<String, GoldFigure>,
    #[serde(default)]
    pub target_kind: Option<Value>,
    #[serde(default)]
    pub place: Option<serde_json::Map<String, Value>>,
    #[serde(default)]
    pub source: Option<String>,
    /// The perpetrator's state (ISO2), `non_state`, or null.
    #[serde(default)]
    pub perpetrator: Option<String>,
    /// Whether `target_kind` was present in the JSON (null counts as given).
    #[serde(skip)]
    pub has_target_kind: bool,
    /// Whether `perpetrator` was present in the JSON (null counts as given).
    #[serde(skip)]
    pub has_perpetrator: bool,
}

/// An expected figure.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct GoldFigure {
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
}

/// Reads a gold file's text (JSON lines; blank lines and `#` comments skipped).
pub fn parse_jsonl(src: &str) -> Result<Vec<GoldItem>, String> {
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let raw: Value = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let mut item: GoldItem =
            serde_json::from_value(raw.clone()).map_err(|e| format!("line {}: {e}", n + 1))?;
        if let Some(exp) = raw.get("expected").and_then(Value::as_array) {
            for (g, e) in item.expected.iter_mut().zip(exp) {
                g.has_target_kind = e.get("target_kind").is_some();
                g.has_perpetrator = e.get("perpetrator").is_some();
            }
        }
        out.push(item);
    }
    Ok(out)
}

/// True/false positives and false negatives of one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub tp: u32,
    pub fp: u32,
    pub fn_: u32,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: u32, b: u32) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// The fields scored, in display order.
pub const FIELDS: [&str; 16] = [
    "event",
    "modality",
    "date",
    "killed",
    "survivors",
    "vessels",
    "strikes",
    "injured",
    "missing",
    "detained",
    "place.region",
    "place.country",
    "source",
    "target_kind",
    "perpetrator",
    "kind",
];

/// The result of a scoring run.
#[derive(Debug, Clone, Default)]
pub struct EvalReport {
    /// Per language ("en", "es"), per field.
    pub by_lang: BTreeMap<String, BTreeMap<String, Counts>>,
    /// All languages together, per field.
    pub overall: BTreeMap<String, Counts>,
    /// Passages with at least one error, with what was wrong.
    pub errors: Vec<(String, Vec<String>)>,
}

impl EvalReport {
    /// A plain-text table: one row per field, P/R/F1 per language and overall.
    pub fn render(&self) -> String {
        let mut langs: Vec<&String> = self.by_lang.keys().collect();
        langs.sort();
        let mut s = String::new();
        s.push_str(&format!("{:<14}", "field"));
        for l in &langs {
            s.push_str(&format!(" | {:^20}", l));
        }
        s.push_str(&format!(" | {:^20}\n", "all"));
        s.push_str(&format!("{:<14}", ""));
        for _ in 0..=langs.len() {
            s.push_str(&format!(" | {:>6} {:>6} {:>6}", "P", "R", "F1"));
        }
        s.push('\n');
        for f in FIELDS {
            if f == "kind" {
                continue;
            }
            let cells: Vec<Counts> = langs
                .iter()
                .map(|l| self.by_lang[*l].get(f).copied().unwrap_or_default())
                .chain(std::iter::once(
                    self.overall.get(f).copied().unwrap_or_default(),
                ))
                .collect();
            if cells.iter().all(|c| c.tp + c.fp + c.fn_ == 0) {
                continue;
            }
            s.push_str(&format!("{f:<14}"));
            for c in cells {
                s.push_str(&format!(
                    " | {:>6.3} {:>6.3} {:>6.3}",
                    c.precision(),
                    c.recall(),
                    c.f1()
                ));
            }
            s.push('\n');
        }
        s.push_str(&format!("passages with errors: {}\n", self.errors.len()));
        s
    }
}

fn fig_triple(r: &Report, f: &str) -> Option<(Option<i64>, Option<i64>, Option<i64>)> {
    r.figures
        .get(crate::Field::parse(f)?)
        .map(|x| (x.low, x.best, x.high))
}

fn produced_value(r: &Report, field: &str) -> Option<String> {
    match field {
        "modality" => Some(r.modality.as_str().to_string()),
        "date" => window_as(r, None),
        "place.region" => r.place.as_ref().and_then(|p| p.region_code.clone()),
        "place.country" => r.place.as_ref().and_then(|p| p.country.clone()),
        "source" => Some(r.source.kind.as_str().to_string()),
        "target_kind" => r.target_kind.map(|t| t.as_str().to_string()),
        "perpetrator" => r.perpetrator().and_then(|a| {
            if a.non_state {
                Some("non_state".to_string())
            } else {
                a.state.clone()
            }
        }),
        f => fig_triple(r, f).map(|t| format!("{t:?}")),
    }
}

/// The produced date, scored against the `expected` one: a window (news with no date
/// expression, or one known only to be on or before its announcement) is no date the text
/// gives, so it counts as none, or as the expected day when that lies in it (a gold set may
/// annotate the announcement day the window ends on).
fn window_as(r: &Report, expected: Option<&str>) -> Option<String> {
    if r.date_precision != crate::DatePrecision::Window {
        return r.date.clone();
    }
    let w = r.when()?;
    expected
        .filter(|e| {
            NaiveDate::parse_from_str(e, "%Y-%m-%d").is_ok_and(|d| (w.first..=w.last).contains(&d))
        })
        .map(String::from)
}

/// (given, value) of an expected field.
fn expected_value(g: &GoldReport, field: &str) -> (bool, Option<String>) {
    match field {
        "modality" => (true, Some(g.modality.clone())),
        "date" => (true, g.date.clone()),
        "place.region" | "place.country" => {
            let key = if field == "place.region" {
                "region"
            } else {
                "country"
            };
            match &g.place {
                Some(p) if p.contains_key(key) => (true, p[key].as_str().map(String::from)),
                _ => (false, None),
            }
        }
        "source" => (g.source.is_some(), g.source.clone()),
        "perpetrator" => (g.has_perpetrator, g.perpetrator.clone()),
        "target_kind" => (
            g.has_target_kind,
            g.target_kind
                .as_ref()
                .and_then(|v| v.as_str())
                .map(String::from),
        ),
        f => (
            true,
            g.figures
                .get(f)
                .map(|x| format!("{:?}", (x.low, x.best, x.high))),
        ),
    }
}

const VALUE_FIELDS: [&str; 14] = [
    "modality",
    "date",
    "killed",
    "survivors",
    "vessels",
    "strikes",
    "injured",
    "missing",
    "detained",
    "place.region",
    "place.country",
    "source",
    "target_kind",
    "perpetrator",
];

/// Scores one passage: per-field counts and error messages.
pub fn score_item(item: &GoldItem, produced: &[Report]) -> (BTreeMap<String, Counts>, Vec<String>) {
    let produced: Vec<&Report> = produced
        .iter()
        .filter(|r| r.kind != crate::ReportKind::Reference)
        .collect();
    let mut counts: BTreeMap<String, Counts> = BTreeMap::new();
    let mut errs = Vec::new();
    let mut used = vec![false; produced.len()];
    let mut pairs: Vec<(usize, Option<usize>)> = Vec::new();
    for (gi, g) in item.expected.iter().enumerate() {
        let mut best: Option<(u8, usize)> = None;
        for (pi, p) in produced.iter().enumerate() {
            if used[pi] || p.kind.as_str() != g.kind || p.event_type.as_str() != g.event_type {
                continue;
            }
            let date_eq = window_as(p, g.date.as_deref()) == g.date;
            let killed_eq = expected_value(g, "killed").1 == produced_value(p, "killed");
            let mod_eq = p.modality.as_str() == g.modality;
            let score = (date_eq as u8) * 4 + (killed_eq as u8) * 2 + mod_eq as u8;
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, pi));
            }
        }
        if let Some((_, pi)) = best {
            used[pi] = true;
            pairs.push((gi, Some(pi)));
        } else {
            pairs.push((gi, None));
        }
    }
    let mut bump = |f: &str, tp: u32, fp: u32, fn_: u32| {
        let e = counts.entry(f.to_string()).or_default();
        e.tp += tp;
        e.fp += fp;
        e.fn_ += fn_;
    };
    for (gi, pi) in &pairs {
        let g = &item.expected[*gi];
        match pi {
            Some(pi) => {
                bump("event", 1, 0, 0);
                let p = produced[*pi];
                for f in VALUE_FIELDS {
                    let (given, ev) = expected_value(g, f);
                    if !given {
                        continue;
                    }
                    let pv = if f == "date" {
                        window_as(p, ev.as_deref())
                    } else {
                        produced_value(p, f)
                    };
                    match (&ev, &pv) {
                        (None, None) => {}
                        (Some(a), Some(b)) if a == b => bump(f, 1, 0, 0),
                        _ => {
                            bump(f, 0, pv.is_some() as u32, ev.is_some() as u32);
                            errs.push(format!(
                                "{} {} {}: {f} expected {:?} got {:?}",
                                g.kind, g.event_type, g.modality, ev, pv
                            ));
                        }
                    }
                }
            }
            None => {
                bump("event", 0, 0, 1);
                errs.push(format!(
                    "missed {} {} {} {:?}",
                    g.kind, g.event_type, g.modality, g.date
                ));
                for f in VALUE_FIELDS {
                    let (given, ev) = expected_value(g, f);
                    if given && ev.is_some() {
                        bump(f, 0, 0, 1);
                    }
                }
            }
        }
    }
    for (pi, p) in produced.iter().enumerate() {
        if used[pi] {
            continue;
        }
        bump("event", 0, 1, 0);
        errs.push(format!(
            "extra {} {} {} {:?} killed={:?}",
            p.kind.as_str(),
            p.event_type.as_str(),
            p.modality.as_str(),
            p.date,
            fig_triple(p, "killed")
        ));
        for f in VALUE_FIELDS {
            if produced_value(p, f).is_some() {
                bump(f, 0, 1, 0);
            }
        }
    }
    (counts, errs)
}

/// Runs the extractor on every passage and scores it.
pub fn score(items: &[GoldItem], ex: &Extractor) -> EvalReport {
    let mut rep = EvalReport::default();
    for item in items {
        let lang = Lang::parse(&item.lang);
        let published = item
            .published
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let produced = ex.extract(&item.text, lang, published);
        let (counts, errs) = score_item(item, &produced);
        let per = rep.by_lang.entry(lang.code().to_string()).or_default();
        for (f, c) in counts {
            per.entry(f.clone()).or_default().add(c);
            rep.overall.entry(f).or_default().add(c);
        }
        if !errs.is_empty() {
            rep.errors.push((item.id.clone(), errs));
        }
    }
    rep
}
