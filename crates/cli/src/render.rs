//! Human-readable output: tables and pages. JSON output is serde's, straight from the
//! store's types, so that the two never disagree on content. Every value taken from an input
//! goes into a row through [`field`] or [`cut`] (controls escaped, newlines included), and
//! the tables are printed by `term::print_table`, which escapes every other control.

use std::borrow::Cow;
use std::fmt::Write;

use sw_store::{ArticleRow, Counts};

use crate::term::{self, Page, Style};

use sw_app::ingest::Summary;

/// "1 article", "2 articles": counts read as sentences.
pub fn count(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn summary_line(s: &Summary, c: &Counts) -> String {
    let mut line = format!(
        "ingested: {} ({} of stories already held), {}, {} failed, {} skipped",
        count(s.new as u64, "new article", "new articles"),
        count(s.copies as u64, "copy", "copies"),
        count(s.duplicate as u64, "duplicate", "duplicates"),
        s.failed,
        s.skipped
    );
    if s.warnings > 0 {
        let _ = write!(
            line,
            ", {}",
            count(s.warnings as u64, "warning", "warnings")
        );
    }
    if s.resumed > 0 {
        let _ = write!(
            line,
            "; finished {} inputs left by an interrupted run",
            s.resumed
        );
    }
    let _ = write!(
        line,
        "\nstore: {} in {}, {} ({} failed)",
        count(c.articles as u64, "article", "articles"),
        count(c.stories as u64, "story", "stories"),
        count(c.inputs as u64, "input", "inputs"),
        c.failed_inputs
    );
    if s.interrupted {
        line.push_str("\ninterrupted: run the same command again to complete the ingest");
    }
    line
}

/// A field of a table row or a one-line label: its controls escaped, newlines included,
/// so that a value taken from an input cannot start a row of its own (see `term`).
pub fn field(s: &str) -> Cow<'_, str> {
    term::escape(s)
}

/// A [`field`] cut to `width` characters, marking the cut (never inside an escape).
pub fn cut(s: &str, width: usize) -> String {
    let escaped = field(s);
    if escaped.chars().count() <= width {
        return escaped.into_owned();
    }
    let mut t = String::new();
    let mut n = 0;
    let mut buf = [0u8; 4];
    for c in s.chars() {
        let e = field(c.encode_utf8(&mut buf));
        n += e.chars().count();
        if n > width.saturating_sub(1) {
            break;
        }
        t.push_str(&e);
    }
    t.push('…');
    t
}

pub fn articles_table(rows: &[ArticleRow]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:>5}  {:<10}  {:<4}  {:>5}  {:<22}  TITLE",
        "ID", "PUBLISHED", "LANG", "STORY", "OUTLET"
    );
    for r in rows {
        let _ = writeln!(
            out,
            "{:>5}  {:<10}  {:<4}  {:>5}  {:<22}  {}",
            r.id,
            field(r.published.as_deref().unwrap_or("-")),
            field(&r.lang),
            r.story,
            cut(r.outlet.as_deref().unwrap_or("-"), 22),
            cut(r.title.as_deref().unwrap_or("(no title)"), 70)
        );
    }
    if rows.is_empty() {
        out.push_str("(no articles)\n");
    }
    out
}

/// Formats a `{low, best, high}` range the way analysts read it: "11", "65+", "~75",
/// "≤19", "3–5", "-".
pub fn range(low: Option<i64>, best: Option<i64>, high: Option<i64>) -> String {
    match (low, best, high) {
        (None, None, None) => "-".into(),
        (Some(l), Some(b), Some(h)) if l == b && b == h => b.to_string(),
        (Some(l), _, Some(h)) if l != h => format!("{l}–{h}"),
        (Some(l), _, None) => format!("{l}+"),
        (None, Some(b), None) => format!("~{b}"),
        (None, _, Some(h)) => format!("≤{h}"),
        (_, Some(b), _) => b.to_string(),
        (Some(l), None, Some(_)) => l.to_string(),
    }
}

fn rng(r: &Option<sw_ledger::Range>) -> String {
    r.as_ref()
        .map(|r| range(r.low, r.best, r.high))
        .unwrap_or_else(|| "-".into())
}

pub fn extract_line(e: &sw_app::ExtractSummary) -> String {
    format!(
        "extracted: {} -> {}, {}, {}, {}",
        count(e.articles as u64, "article", "articles"),
        count(e.events as u64, "event report", "event reports"),
        count(e.developments as u64, "development", "developments"),
        count(e.tallies as u64, "tally", "tallies"),
        count(e.references as u64, "reference", "references")
    )
}

fn place_name(p: Option<&sw_model::PlaceRef>) -> String {
    p.map(|p| {
        p.region
            .clone()
            .filter(|_| p.name.is_empty())
            .unwrap_or_else(|| p.name.clone())
    })
    .unwrap_or_else(|| "-".into())
}

pub fn reports_table(rows: &[sw_app::reports::ReportOut]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:>5}  {:>5}  {:<11}  {:<13}  {:<12}  {:<10}  {:>6}  {:<18}  SOURCE",
        "ID", "ART", "KIND", "TYPE", "MODALITY", "DATE", "KILLED", "PLACE"
    );
    for r in rows {
        let rep = &r.report;
        let killed = rep
            .figures
            .killed
            .as_ref()
            .map(|f| range(f.low, f.best, f.high))
            .unwrap_or_else(|| "-".into());
        let source = match &rep.source.name {
            Some(n) => format!("{} ({n})", rep.source.kind.as_str()),
            None => rep.source.kind.as_str().to_string(),
        };
        let _ = writeln!(
            out,
            "{:>5}  {:>5}  {:<11}  {:<13}  {:<12}  {:<10}  {:>6}  {:<18}  {}",
            r.id,
            r.article_id,
            rep.kind.as_str(),
            rep.event_type.as_str(),
            rep.modality.as_str(),
            field(rep.date.as_deref().unwrap_or("-")),
            killed,
            cut(&place_name(rep.place.as_ref()), 18),
            cut(&source, 40)
        );
    }
    if rows.is_empty() {
        out.push_str("(no reports)\n");
    }
    out
}

/// What the incident table shows of an incident: read straight from a stored row (the
/// sources are counted, not parsed), or taken from an [`sw_ledger::Incident`].
#[derive(serde::Deserialize, Debug, Clone, PartialEq)]
pub struct IncidentLine {
    pub id: String,
    pub date: Option<String>,
    pub event_type: String,
    pub place: PlaceLine,
    pub figures: FiguresLine,
    pub grade: String,
    #[serde(deserialize_with = "count_items")]
    pub sources: usize,
}

#[derive(serde::Deserialize, Debug, Clone, PartialEq)]
pub struct PlaceLine {
    pub name: Option<String>,
    pub region: Option<String>,
    pub country: Option<String>,
}

#[derive(serde::Deserialize, Debug, Clone, PartialEq)]
pub struct FiguresLine {
    pub killed: Option<FigureLine>,
    pub survivors: Option<FigureLine>,
    pub vessels: Option<FigureLine>,
}

#[derive(serde::Deserialize, Debug, Clone, Copy, PartialEq)]
pub struct FigureLine {
    pub low: Option<i64>,
    pub best: Option<i64>,
    pub high: Option<i64>,
    pub contested: bool,
}

fn count_items<'de, D: serde::Deserializer<'de>>(d: D) -> Result<usize, D::Error> {
    struct Count;
    impl<'de> serde::de::Visitor<'de> for Count {
        type Value = usize;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a list")
        }
        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<usize, A::Error> {
            let mut n = 0;
            while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                n += 1;
            }
            Ok(n)
        }
    }
    d.deserialize_seq(Count)
}

impl IncidentLine {
    pub fn of(i: &sw_ledger::Incident) -> IncidentLine {
        let f = |name: sw_model::Field| {
            i.figures.get(name).map(|x| FigureLine {
                low: x.low,
                best: x.best,
                high: x.high,
                contested: x.contested,
            })
        };
        IncidentLine {
            id: i.id.clone(),
            date: i.date.clone(),
            event_type: i.event_type.as_str().to_string(),
            place: PlaceLine {
                name: i.place.name.clone(),
                region: i.place.region.clone(),
                country: i.place.country.clone(),
            },
            figures: FiguresLine {
                killed: f(sw_model::Field::Killed),
                survivors: f(sw_model::Field::Survivors),
                vessels: f(sw_model::Field::Vessels),
            },
            grade: i.grade.as_str().to_string(),
            sources: i.sources.len(),
        }
    }
}

fn fig_line(f: Option<&FigureLine>) -> String {
    match f {
        None => "-".into(),
        Some(f) => {
            let mut s = range(f.low, f.best, f.high);
            if f.contested {
                s.push('*');
            }
            s
        }
    }
}

pub fn incidents_table(rows: &[&sw_ledger::Incident]) -> String {
    let lines: Vec<IncidentLine> = rows.iter().map(|i| IncidentLine::of(i)).collect();
    incident_lines_table(&lines)
}

pub fn incident_lines_table(rows: &[IncidentLine]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<16}  {:<10}  {:<8}  {:<22}  {:>7}  {:>9}  {:>7}  {:<13}  {:>7}",
        "ID", "DATE", "TYPE", "PLACE", "KILLED", "SURVIVORS", "VESSELS", "GRADE", "SOURCES"
    );
    for i in rows {
        let place = i
            .place
            .name
            .clone()
            .or_else(|| i.place.region.clone())
            .or_else(|| i.place.country.clone())
            .unwrap_or_else(|| "-".into());
        let _ = writeln!(
            out,
            "{:<16}  {:<10}  {:<8}  {:<22}  {:>7}  {:>9}  {:>7}  {:<13}  {:>7}",
            field(&i.id),
            field(i.date.as_deref().unwrap_or("-")),
            field(&i.event_type),
            cut(&place, 22),
            fig_line(i.figures.killed.as_ref()),
            fig_line(i.figures.survivors.as_ref()),
            fig_line(i.figures.vessels.as_ref()),
            field(&i.grade),
            i.sources
        );
    }
    let flagged = rows.iter().any(|i| {
        [&i.figures.killed, &i.figures.survivors, &i.figures.vessels]
            .iter()
            .any(|f| f.as_ref().is_some_and(|f| f.contested))
    });
    if rows.is_empty() {
        out.push_str("(no incidents)\n");
    } else if flagged {
        // only when a row carries the mark the note explains
        out.push_str("(* the sources disagree on this figure: `show ID` lists every value and its sources)\n");
    }
    out
}

pub fn tallies_table(rows: &[sw_ledger::Tally]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<10}  {:>7}  {:>7}  {:>9}  {:<22}  QUOTE",
        "AS OF", "STRIKES", "KILLED", "SURVIVORS", "OUTLET"
    );
    for t in rows {
        let _ = writeln!(
            out,
            "{:<10}  {:>7}  {:>7}  {:>9}  {:<22}  {}",
            field(t.as_of.as_deref().unwrap_or("-")),
            rng(&t.strikes),
            rng(&t.killed),
            rng(&t.survivors),
            cut(t.source.outlet.as_deref().unwrap_or("-"), 22),
            cut(&t.source.quote.replace('\n', " "), 90)
        );
    }
    if rows.is_empty() {
        out.push_str("(no tallies)\n");
    }
    out
}

pub fn developments_table(rows: &[sw_ledger::Development]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<10}  {:<13}  {:<12}  {:<22}  QUOTE",
        "DATE", "TYPE", "MODALITY", "OUTLET"
    );
    for d in rows {
        let _ = writeln!(
            out,
            "{:<10}  {:<13}  {:<12}  {:<22}  {}",
            field(d.date.as_deref().unwrap_or("-")),
            d.event_type.as_str(),
            d.modality.as_str(),
            cut(d.source.outlet.as_deref().unwrap_or("-"), 22),
            cut(&d.source.quote.replace('\n', " "), 90)
        );
    }
    if rows.is_empty() {
        out.push_str("(no developments)\n");
    }
    out
}

/// The reported totals that disagree with the ledger, then one line saying how many dated
/// figures were compared and how many agree (so "no gaps" never reads as "nothing checked").
pub fn gaps_table(rows: &[sw_ledger::TallyGap], checked: sw_ledger::TallyChecked) -> String {
    let mut out = String::new();
    if rows.is_empty() {
        return checked_line(checked);
    }
    let _ = writeln!(
        out,
        "{:<10}  {:<7}  {:>9}  {:>7}  {:>5}  {:<22}  NOTE",
        "AS OF", "FIELD", "REPORTED", "LEDGER", "GAP", "OUTLET"
    );
    for g in rows {
        let note = if g.gap > 0 {
            "ledger below the reported total: incidents missing?"
        } else if g.gap < 0 {
            "ledger above the reported total: double counting, or a stale total?"
        } else {
            "agrees"
        };
        let _ = writeln!(
            out,
            "{:<10}  {:<7}  {:>9}  {:>7}  {:>5}  {:<22}  {}",
            field(&g.as_of),
            field(&g.field),
            range(g.reported.low, g.reported.best, g.reported.high),
            g.ledger,
            g.gap,
            cut(g.outlet.as_deref().unwrap_or("-"), 22),
            note
        );
    }
    out.push_str(&checked_line(checked));
    out
}

/// "3 of 4 figures from 3 dated tallies agree with the ledger" (or that there is none).
fn checked_line(c: sw_ledger::TallyChecked) -> String {
    if c.figures == 0 {
        return "(no day-dated tallies to check)\n".into();
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{} of {} from {} agree with the ledger's running sums{}\n",
        c.agree,
        plural(c.figures, "figure", "figures"),
        plural(c.tallies, "dated tally", "dated tallies"),
        if c.agree == c.figures {
            ""
        } else {
            "; the others are listed above"
        }
    )
}

/// An article with every claim marked: on a terminal the surface is coloured and followed by
/// a dim label; elsewhere it is bracketed, `[surface]{field=value; source}`. Built as a
/// [`Page`]: metadata lines have every control escaped, the text keeps its paragraph breaks.
pub fn article_page(r: &ArticleRow, reports: &[sw_app::reports::ReportOut], color: bool) -> Page {
    let mut out = Page::default();
    out.line(format_args!(
        "#{}  {}",
        r.id,
        r.title.as_deref().unwrap_or("(no title)")
    ))
    .newline();
    let meta = [
        (
            "outlet:    ",
            r.outlet.as_deref().unwrap_or("-").to_string(),
        ),
        ("url:       ", r.url.as_deref().unwrap_or("-").to_string()),
        (
            "published: ",
            format!(
                "{} ({})",
                r.published.as_deref().unwrap_or("unknown"),
                r.published_basis
            ),
        ),
        ("language:  ", r.lang.clone()),
        ("story:     ", r.story.to_string()),
        ("input:     ", r.input.to_string()),
        ("reports:   ", reports.len().to_string()),
    ];
    for (k, v) in meta {
        out.line(format_args!("{k}{v}")).newline();
    }
    for rep in reports {
        let r = &rep.report;
        out.line(format_args!(
            "  - report {}: {} {} ({}) date {} killed {}",
            rep.id,
            r.kind.as_str(),
            r.event_type.as_str(),
            r.modality.as_str(),
            r.date.as_deref().unwrap_or("-"),
            r.figures
                .killed
                .as_ref()
                .map(|f| range(f.low, f.best, f.high))
                .unwrap_or_else(|| "-".into())
        ))
        .newline();
    }
    out.newline();
    let text = r.text.as_deref().unwrap_or("");
    // non-overlapping claims, earliest first; on overlap the longer span wins
    let mut claims: Vec<&sw_model::Claim> = reports
        .iter()
        .flat_map(|r| r.report.claims.iter())
        .collect();
    claims.sort_by_key(|c| (c.span[0], std::cmp::Reverse(c.span[1])));
    let mut pos = 0usize;
    for c in claims {
        let (s, e) = (c.span[0], c.span[1]);
        if s < pos || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        out.text(&text[pos..s]);
        let value = match &c.value {
            sw_model::ClaimValue::Text(v) => v.clone(),
            sw_model::ClaimValue::Figure(f) => range(f.low, f.best, f.high),
            v => serde_json::to_string(v).unwrap_or_default(),
        };
        let label = format!("{}={} · {}", c.field, value, c.source.kind.as_str());
        if color {
            out.styled(Style::Claim, &text[s..e])
                .styled(Style::Label, &format!("⟨{}⟩", field(&label)));
        } else {
            out.text(&format!("[{}]{{{}}}", &text[s..e], field(&label)));
        }
        pos = e;
    }
    out.text(&text[pos..]).newline();
    out
}

/// Writes entries stored as compact JSON (as serde_json writes them) as one pretty JSON
/// array, byte for byte what `serde_json::to_string_pretty` gives for the list, without
/// parsing them: the read commands stream stored ledger rows through it.
pub struct PrettyArray<W: std::io::Write> {
    out: W,
    n: usize,
    buf: Vec<u8>,
}

impl<W: std::io::Write> PrettyArray<W> {
    pub fn new(out: W) -> PrettyArray<W> {
        PrettyArray {
            out,
            n: 0,
            buf: Vec::new(),
        }
    }

    pub fn push(&mut self, compact: &str) -> std::io::Result<()> {
        self.buf.clear();
        self.buf
            .extend_from_slice(if self.n == 0 { b"[\n  " } else { b",\n  " });
        reindent(compact.as_bytes(), 1, &mut self.buf);
        self.n += 1;
        // re-indenting keeps the UTF-8 of `compact` whole
        match std::str::from_utf8(&self.buf) {
            Ok(s) => self.out.write_all(term::json_safe(s).as_bytes()),
            Err(_) => self.out.write_all(&self.buf),
        }
    }

    /// Ends the array (and the line) and returns how many entries it holds.
    pub fn finish(mut self) -> std::io::Result<usize> {
        self.out
            .write_all(if self.n == 0 { b"[]\n" } else { b"\n]\n" })?;
        self.out.flush()?;
        Ok(self.n)
    }
}

/// Re-indents one compact JSON value the way serde_json's pretty printer lays it out (two
/// spaces per level, `": "` after keys, empty arrays and objects as `[]` and `{}`), starting
/// at `level`.
fn reindent(src: &[u8], level: usize, out: &mut Vec<u8>) {
    fn newline(out: &mut Vec<u8>, level: usize) {
        out.push(b'\n');
        for _ in 0..level {
            out.extend_from_slice(b"  ");
        }
    }
    let mut level = level;
    let mut i = 0;
    while i < src.len() {
        let b = src[i];
        match b {
            b'"' => {
                // copy the string whole, escapes included
                let start = i;
                i += 1;
                while i < src.len() && src[i] != b'"' {
                    i += if src[i] == b'\\' { 2 } else { 1 };
                }
                out.extend_from_slice(&src[start..(i + 1).min(src.len())]);
            }
            b'{' | b'[' => {
                let close = if b == b'{' { b'}' } else { b']' };
                out.push(b);
                if src.get(i + 1) == Some(&close) {
                    out.push(close);
                    i += 1;
                } else {
                    level += 1;
                    newline(out, level);
                }
            }
            b'}' | b']' => {
                level = level.saturating_sub(1);
                newline(out, level);
                out.push(b);
            }
            b',' => {
                out.push(b',');
                newline(out, level);
            }
            b':' => out.extend_from_slice(b": "),
            _ => out.push(b),
        }
        i += 1;
    }
}

/// One incident for a reader: its summary, every figure with every value claimed (who gave
/// it, in how many independent stories, and from which articles), and every source with its
/// attribution and quote, so that any number can be checked against its sentence.
pub fn incident_page(
    i: &sw_ledger::Incident,
    quotes: &[sw_app::quotes::ValueQuote],
    history: &sw_app::versions::History,
    corrections: &[sw_app::versions::Correction],
) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}  {}", field(&i.id), field(i.event_type.as_str()));
    let date = match (&i.date, &i.window) {
        (Some(d), _) => d.clone(),
        (None, Some([a, b])) => format!("between {a} and {b}"),
        _ => "undated".into(),
    };
    let _ = writeln!(
        out,
        "date: {} ({})",
        field(&date),
        field(i.date_precision.as_str())
    );
    let p = &i.place;
    let place: Vec<&str> = [&p.name, &p.admin1, &p.region, &p.country]
        .into_iter()
        .filter_map(|x| x.as_deref())
        .collect();
    let _ = writeln!(
        out,
        "place: {} (precision p{})",
        field(&if place.is_empty() {
            "unknown".to_string()
        } else {
            place.join(", ")
        }),
        p.precision
    );
    let _ = writeln!(
        out,
        "grade: {}{}; {}, {}",
        field(i.grade.as_str()),
        if i.contested {
            " (sources disagree)"
        } else {
            ""
        },
        count(i.stories as u64, "independent story", "independent stories"),
        count(i.sources.len() as u64, "source", "sources")
    );
    if !i.perpetrators.is_empty() {
        let names: Vec<&str> = i.perpetrators.iter().map(|a| a.name.as_str()).collect();
        let _ = writeln!(out, "perpetrator: {}", field(&names.join(", ")));
    }
    let _ = writeln!(out, "\nfigures:");
    let mut any = false;
    for f in sw_ledger::IncidentFigures::FIELDS {
        let Some(fig) = i.figures.get(f) else {
            continue;
        };
        any = true;
        let _ = writeln!(
            out,
            "  {}: {} (best chosen by {}){}",
            f.as_str(),
            range(fig.low, fig.best, fig.high),
            field(&fig.basis.replace('_', " ")),
            if fig.contested {
                ", sources disagree"
            } else {
                ""
            }
        );
        for v in &fig.values {
            let who: Vec<String> = v
                .attributed_to
                .iter()
                .map(|a| match &a.name {
                    Some(n) => format!("{n} ({})", a.kind.as_str().replace('_', " ")),
                    None => a.kind.as_str().replace('_', " "),
                })
                .collect();
            let arts: Vec<String> = v.article_ids.iter().map(|a| format!("#{a}")).collect();
            let _ = writeln!(
                out,
                "    {}{}  \"{}\"  {}; {}; articles {}",
                range(v.low, v.best, v.high),
                if v.acknowledged {
                    " (acknowledged)"
                } else {
                    ""
                },
                field(&v.surfaces.join("\", \"")),
                count(v.stories as u64, "story", "stories"),
                field(&who.join(", ")),
                arts.join(", ")
            );
            // the sentences holding this value (a source's quote below may be a headline);
            // a sentence several articles share (copies, syndication) is printed once
            let mut sentences: Vec<(&str, Vec<i64>)> = Vec::new();
            for q in quotes.iter().filter(|q| {
                q.figure == f.as_str() && (q.low, q.best, q.high) == (v.low, v.best, v.high)
            }) {
                match sentences.iter_mut().find(|(s, _)| *s == q.quote) {
                    Some((_, arts)) if !arts.contains(&q.article_id) => arts.push(q.article_id),
                    Some(_) => {}
                    None => sentences.push((&q.quote, vec![q.article_id])),
                }
            }
            for (quote, arts) in sentences {
                let arts: Vec<String> = arts.iter().map(|a| format!("#{a}")).collect();
                let _ = writeln!(
                    out,
                    "      \"{}\" ({} {})",
                    field(quote),
                    if arts.len() == 1 {
                        "article"
                    } else {
                        "articles"
                    },
                    arts.join(", ")
                );
            }
        }
    }
    if !any {
        let _ = writeln!(out, "  (no figures reported)");
    }
    let _ = writeln!(out, "\nsources:");
    for (n, s) in i.sources.iter().enumerate() {
        let who = match &s.attributed_to.name {
            Some(name) => format!(
                "{name} ({})",
                s.attributed_to.kind.as_str().replace('_', " ")
            ),
            None => s.attributed_to.kind.as_str().replace('_', " "),
        };
        let _ = writeln!(
            out,
            "  {}. {} · {} · {} · article #{} · according to {}",
            n + 1,
            field(s.outlet.as_deref().unwrap_or("unknown outlet")),
            field(s.published.as_deref().unwrap_or("undated")),
            field(&s.lang),
            s.article_id,
            field(&who)
        );
        let _ = writeln!(out, "     \"{}\"", field(&s.quote));
        if let Some(u) = &s.url {
            let _ = writeln!(out, "     {}", field(u));
        }
    }
    if !history.changes.is_empty() {
        let _ = writeln!(out, "\nhistory:");
        let mut told: Vec<i64> = Vec::new();
        for c in &history.changes {
            let what = match (c.kind.as_str(), c.id == history.id) {
                ("new", true) => "first seen".to_string(),
                ("revised", true) => "revised".to_string(),
                ("merged", false) => format!("incident {} merged into it", field(&c.id)),
                ("merged", true) => {
                    format!("merged into {}", field(c.other.as_deref().unwrap_or("?")))
                }
                ("split", true) => format!(
                    "reports split off into {}",
                    field(c.other.as_deref().unwrap_or("?"))
                ),
                ("split", false) => format!("split off {}", field(&c.id)),
                (k, _) => field(k).to_string(),
            };
            let _ = writeln!(out, "  version {}: {what}", c.version);
            let Some(k) = corrections.iter().find(|k| k.version == c.version) else {
                continue;
            };
            if told.contains(&c.version) {
                continue;
            }
            told.push(c.version);
            for r in &k.changes {
                let _ = writeln!(out, "    {}", field(&sw_app::versions::describe(r)));
            }
            for d in &k.decisions {
                let _ = writeln!(
                    out,
                    "    why: review decision ({}) by {}{}{}",
                    field(&d.kind.replace('_', " ")),
                    field(&d.author),
                    d.at.as_deref()
                        .map_or(String::new(), |a| format!(", {}", field(a))),
                    d.reason
                        .as_deref()
                        .map_or(String::new(), |r| format!(": {}", field(r)))
                );
            }
            if !k.added.is_empty() {
                let added: Vec<String> = k
                    .added
                    .iter()
                    .map(|a| {
                        format!(
                            "{} {} (article #{})",
                            field(a.outlet.as_deref().unwrap_or("unknown outlet")),
                            field(a.published.as_deref().unwrap_or("undated")),
                            a.article_id
                        )
                    })
                    .collect();
                let _ = writeln!(out, "    new reporting: {}", added.join(", "));
            }
        }
    }
    let _ = writeln!(
        out,
        "\n(`show ARTICLE` shows an article with each claim marked in its text)"
    );
    out
}

/// The ledger in a few plain lines, before its tables: how many incidents over which period,
/// killed as low, best and high beside the latest total an outlet reported (neither read as
/// the one true number), and how much rests on one story or is contested.
pub fn ledger_brief(l: &sw_ledger::Ledger) -> String {
    let s = sw_ledger::summary::summarize(l);
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut out = String::from("The ledger in brief\n");
    let period = match (&s.first_date, &s.last_date) {
        (Some(a), Some(b)) if a != b => format!(", {a} to {b}"),
        (Some(a), _) => format!(", {a}"),
        _ => String::new(),
    };
    let _ = writeln!(
        out,
        "  {} ({}{}){period}",
        plural(s.incidents, "incident", "incidents"),
        plural(s.strikes, "strike", "strikes"),
        if s.attacks > 0 {
            format!(
                ", {} by non-state groups, not counted below",
                plural(s.attacks, "attack", "attacks")
            )
        } else {
            String::new()
        }
    );
    let high = s
        .killed_high
        .map_or("no upper bound".to_string(), |h| h.to_string());
    let _ = writeln!(
        out,
        "  killed, summed over incidents: lowest {}, best {}, highest {high}{}",
        s.killed_low,
        s.killed_best,
        if s.incidents_without_killed > 0 {
            format!(
                "; {} no toll",
                plural(
                    s.incidents_without_killed,
                    "incident gives",
                    "incidents give"
                )
            )
        } else {
            String::new()
        }
    );
    if let Some(t) = &s.latest_total {
        let _ = writeln!(
            out,
            "  the latest total an outlet reported: {} killed as of {}, {} (article #{})",
            range(t.low, t.best, t.high),
            t.as_of,
            field(t.outlet.as_deref().unwrap_or("unknown outlet")),
            t.article_id
        );
    }
    let single = l
        .incidents
        .iter()
        .filter(|i| i.grade == sw_ledger::Grade::SingleSource)
        .count();
    let contested = l.incidents.iter().filter(|i| i.contested).count();
    let _ = writeln!(
        out,
        "  {} on a single story; {} contested (a denial, or sources that disagree on a figure)",
        plural(single, "incident rests", "incidents rest"),
        contested
    );
    out
}

/// What the GRADE column means, for a reader meeting the ledger for the first time.
pub const GRADE_LEGEND: &str = "\
grades: contested = a party denies it, or its figures disagree and no acknowledgment settles
them; acknowledged = an official source of the state that struck reports it (and no party
denies it); corroborated = two or more independent stories (syndicated copies count once);
single_source = one story
";

#[cfg(test)]
mod tests {
    use super::PrettyArray;

    #[test]
    fn pretty_array_is_serde_pretty() {
        let items = [
            serde_json::json!({"id": "inc-1", "a": [], "b": {}, "c": [1, {"d": "x\"y\\\\z,:{}[]"}], "e": null, "f": 1.5, "g": "é ✓"}),
            serde_json::json!({}),
            serde_json::json!([[], [[]], {"k": [true, false]}]),
        ];
        for n in 0..=items.len() {
            let list = &items[..n];
            let mut out = Vec::new();
            let mut p = PrettyArray::new(&mut out);
            for v in list {
                p.push(&serde_json::to_string(v).unwrap()).unwrap();
            }
            assert_eq!(p.finish().unwrap(), n);
            let want = format!("{}\n", serde_json::to_string_pretty(list).unwrap());
            assert_eq!(String::from_utf8(out).unwrap(), want);
        }
    }
}
