//! `eval GOLD`: the extraction core scored on a gold set.

use std::process::ExitCode;

use anyhow::{Context as _, Result};

use super::{extractor, print_json};
use crate::cli::EvalArgs;
use crate::term;

pub fn run(a: EvalArgs) -> Result<ExitCode> {
    let src = std::fs::read_to_string(&a.gold)
        .with_context(|| format!("cannot read {}", a.gold.display()))?;
    let items = sw_extract::eval::parse_jsonl(&src)
        .map_err(|e| anyhow::anyhow!("{}: {e}", a.gold.display()))?;
    let report = sw_extract::eval::score(&items, &extractor());
    if a.json {
        print_json(&eval_json(&report, a.errors))?;
        return Ok(ExitCode::SUCCESS);
    }
    term::print_table(&report.render());
    if a.errors {
        outln!();
        outln!("passages with errors:");
        for (id, errs) in &report.errors {
            outln!("  {id}: {}", errs.join("; "));
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The scores as JSON: per field, overall and per language, the counts and the ratios they
/// give (so a script can both recompute and compare), and the passages with errors if asked.
fn eval_json(r: &sw_extract::eval::EvalReport, errors: bool) -> serde_json::Value {
    use serde_json::{json, Map, Value};
    let fields = |m: &std::collections::BTreeMap<String, sw_extract::eval::Counts>| -> Value {
        let mut out = Map::new();
        for name in sw_extract::eval::FIELDS {
            if let Some(c) = m.get(name) {
                out.insert(
                    name.to_string(),
                    json!({
                        "tp": c.tp, "fp": c.fp, "fn": c.fn_,
                        "precision": c.precision(), "recall": c.recall(), "f1": c.f1(),
                    }),
                );
            }
        }
        Value::Object(out)
    };
    let by_lang: Map<String, Value> = r
        .by_lang
        .iter()
        .map(|(lang, m)| (lang.clone(), fields(m)))
        .collect();
    let mut v = json!({ "overall": fields(&r.overall), "by_lang": by_lang });
    if errors {
        v["errors"] = r
            .errors
            .iter()
            .map(|(id, e)| json!({ "id": id, "errors": e }))
            .collect();
    }
    v
}
