//! Human-readable output: tables and pages. JSON output is serde's, straight from the
//! store's types, so that the two never disagree on content.

use std::fmt::Write;

use sw_store::{ArticleRow, Counts};

use crate::pipeline::Summary;

pub fn summary_line(s: &Summary, c: &Counts) -> String {
    let mut line = format!(
        "ingested: {} new articles ({} copies of stories already held), {} duplicates, {} failed, {} skipped",
        s.new, s.copies, s.duplicate, s.failed, s.skipped
    );
    if s.warnings > 0 {
        let _ = write!(line, ", {} warnings", s.warnings);
    }
    if s.resumed > 0 {
        let _ = write!(line, "; finished {} inputs left by an interrupted run", s.resumed);
    }
    let _ = write!(line, "\nstore: {} articles in {} stories, {} inputs ({} failed)", c.articles, c.stories, c.inputs, c.failed_inputs);
    if s.interrupted {
        line.push_str("\ninterrupted: run the same command again to complete the ingest");
    }
    line
}

/// Cuts `s` to `width` characters, marking the cut.
pub fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

pub fn articles_table(rows: &[ArticleRow]) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{:>5}  {:<10}  {:<4}  {:>5}  {:<22}  TITLE", "ID", "PUBLISHED", "LANG", "STORY", "OUTLET");
    for r in rows {
        let _ = writeln!(
            out,
            "{:>5}  {:<10}  {:<4}  {:>5}  {:<22}  {}",
            r.id,
            r.published.as_deref().unwrap_or("-"),
            r.lang,
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

pub fn article_page(r: &ArticleRow) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "#{}  {}", r.id, r.title.as_deref().unwrap_or("(no title)"));
    let _ = writeln!(out, "outlet:    {}", r.outlet.as_deref().unwrap_or("-"));
    let _ = writeln!(out, "url:       {}", r.url.as_deref().unwrap_or("-"));
    let _ = writeln!(out, "published: {} ({})", r.published.as_deref().unwrap_or("unknown"), r.published_basis);
    let _ = writeln!(out, "language:  {}", r.lang);
    let _ = writeln!(out, "story:     {}", r.story);
    let _ = writeln!(out, "input:     {}", r.input);
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", r.text.as_deref().unwrap_or(""));
    out
}
