//! `search WORDS`: full-text search over the stored articles, with the engine and rules of
//! the web app's `/search` (`Store::search`), so the two always find the same articles.

use std::process::ExitCode;

use anyhow::Result;
use sw_store::search::{more_than_ranked, MATCH_END, MATCH_START, RANKED};
use sw_store::{Store, StoreError};

use super::{print_json, Context};
use crate::cli::SearchArgs;
use crate::render::{count, cut, field};
use crate::term;

pub fn run(ctx: &Context, a: SearchArgs) -> Result<ExitCode> {
    if a.limit == 0 {
        anyhow::bail!("--limit 0 shows nothing: give 1 or more");
    }
    let q = a.words.join(" ");
    // the filters of the web app's /search, read and applied by the same code
    let filter = sw_web::searchfilter::SearchFilter {
        from: a.from.clone(),
        to: a.to.clone(),
        lang: a.lang.clone(),
        outlet: a.outlet.clone(),
    }
    .normalized();
    if let Some(why) = filter.problems().into_iter().next() {
        errln!("error: --{why}");
        return Ok(ExitCode::from(2));
    }
    let store = ctx.open_read_only()?;
    let asked = if filter.is_empty() {
        store.search(&q, a.limit, a.offset)
    } else {
        store.search(&q, RANKED, 0)
    };
    let (hits, total) = match asked {
        Ok(x) => x,
        // a query that cannot be searched as typed: why, and nothing else
        Err(StoreError::Invalid(why)) => {
            errln!("error: cannot search for {q:?}: {why}");
            return Ok(ExitCode::from(2));
        }
        Err(e) => return Err(e.into()),
    };
    let (hits, total, more) = if filter.is_empty() {
        (hits, total.min(RANKED), more_than_ranked(total))
    } else {
        let found = filter.select(&hits, total, a.limit, a.offset);
        (found.hits, found.total, found.more)
    };
    let marked = |s: &str| s.replace(MATCH_START, "[[").replace(MATCH_END, "]]");
    if a.json {
        let hits: Vec<serde_json::Value> = hits
            .into_iter()
            .map(|mut h| {
                h.snippet = marked(&h.snippet);
                serde_json::to_value(h).unwrap_or(serde_json::Value::Null)
            })
            .collect();
        print_json(&serde_json::json!({ "query": q, "total": total, "more": more, "hits": hits }))?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    if more && filter.is_empty() {
        out.push_str(&format!(
            "more than {RANKED} articles match; the {RANKED} most recent are ranked\n"
        ));
    } else if more {
        out.push_str(&format!(
            "{} of the {RANKED} most recent matches pass the filters; older matches were not looked at\n",
            count(total as u64, "article", "articles")
        ));
    } else {
        out.push_str(&format!(
            "{} match\n",
            count(total as u64, "article", "articles")
        ));
    }
    for h in &hits {
        out.push_str(&format!(
            "\n#{}  {}  {}  {}\n  {}\n  {}\n",
            h.id,
            field(h.published.as_deref().unwrap_or("undated")),
            field(&h.lang),
            cut(h.outlet.as_deref().unwrap_or("unknown outlet"), 30),
            cut(h.title.as_deref().unwrap_or("(untitled)"), 100),
            // a snippet is a passage: its line breaks read as spaces
            field(
                &marked(&h.snippet)
                    .replace("[[", "[")
                    .replace("]]", "]")
                    .replace(['\n', '\r'], " ")
            ),
        ));
    }
    if a.offset + hits.len() < total {
        out.push_str(&format!(
            "\n(more: --offset {}; `show ID` shows an article)\n",
            a.offset + hits.len()
        ));
    }
    term::print_table(&out);
    Ok(ExitCode::SUCCESS)
}
