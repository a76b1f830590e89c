//! One arm per command: open the store, call the library, print table or JSON.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Context, Result};
use sw_store::Store;

use crate::cli::{Cli, Command};
use crate::{demo, exit_for, extract_and_update, ingest, ledger_cmds, open, render};

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Ingest(args) => {
            let mut store = open(&cli.db)?;
            let summary = ingest(&mut store, &args, true)?;
            let extracted = if args.no_extract || summary.interrupted {
                None
            } else {
                Some(extract_and_update(&mut store, false)?)
            };
            let counts = store.counts()?;
            if args.json {
                let v = serde_json::json!({ "summary": summary, "store": counts, "extracted": extracted });
                println!("{}", serde_json::to_string_pretty(&v)?);
            } else {
                println!("{}", render::summary_line(&summary, &counts));
                if let Some(e) = &extracted {
                    println!("{}", render::extract_line(e));
                }
            }
            Ok(exit_for(&summary))
        }
        Command::Articles {
            json,
            limit,
            offset,
        } => {
            let store = open(&cli.db)?;
            let rows = store.articles(limit, offset)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&rows)?);
            } else {
                print!("{}", render::articles_table(&rows));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { id, json } => {
            let store = open(&cli.db)?;
            let Some(row) = store.article(id)? else {
                eprintln!(
                    "error: no article with id {id} in {} (see `strikewatch articles`)",
                    cli.db.display()
                );
                return Ok(ExitCode::from(1));
            };
            let reports = ledger_cmds::stored_reports(&store, Some(id), None, usize::MAX)?;
            if json {
                let mut v = serde_json::to_value(&row)?;
                v["reports"] = serde_json::to_value(&reports)?;
                println!("{}", serde_json::to_string_pretty(&v)?);
            } else {
                print!(
                    "{}",
                    render::article_page(&row, &reports, std::io::stdout().is_terminal())
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Failures { json, limit } => {
            let store = open(&cli.db)?;
            let rows = store.failed_inputs(limit)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&rows)?);
            } else if rows.is_empty() {
                println!("no failed inputs");
            } else {
                for r in rows {
                    println!("{}: {}", r.locator, r.error);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Status { json } => {
            let store = open(&cli.db)?;
            let c = store.counts()?;
            let integrity = store.integrity_check()?;
            let reports = store.report_counts()?;
            if json {
                let mut v = serde_json::to_value(&c)?;
                v["integrity"] = integrity.into();
                v["schema_version"] = store.schema_version()?.into();
                v["reports"] = reports
                    .iter()
                    .map(|(k, n)| (k.clone(), serde_json::Value::from(*n)))
                    .collect();
                println!("{}", serde_json::to_string_pretty(&v)?);
            } else {
                let r: Vec<String> = reports.iter().map(|(k, n)| format!("{n} {k}")).collect();
                println!(
                    "{}: {} articles in {} stories, from {} inputs ({} failed, {} pending); reports: {}; integrity: {}",
                    cli.db.display(),
                    c.articles,
                    c.stories,
                    c.inputs,
                    c.failed_inputs,
                    c.pending_inputs,
                    if r.is_empty() { "none".to_string() } else { r.join(", ") },
                    integrity
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract { all, json } => {
            let mut store = open(&cli.db)?;
            let e = extract_and_update(&mut store, all)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&e)?);
            } else {
                println!("{}", render::extract_line(&e));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Reports {
            json,
            article,
            kind,
            limit,
        } => {
            let store = open(&cli.db)?;
            let reports = ledger_cmds::stored_reports(&store, article, kind, limit)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&reports)?);
            } else {
                print!("{}", render::reports_table(&reports));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Incidents {
            json,
            from,
            to,
            event_type,
        } => {
            for d in [&from, &to].into_iter().flatten() {
                if chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").is_err() {
                    anyhow::bail!("{d:?} is not a date (expected YYYY-MM-DD)");
                }
            }
            let mut store = open(&cli.db)?;
            let ledger = ledger_cmds::ledger(&mut store)?;
            let picked: Vec<&sw_ledger::Incident> = ledger
                .incidents
                .iter()
                .filter(|i| {
                    event_type
                        .as_deref()
                        .is_none_or(|t| i.event_type.as_str() == t)
                })
                .filter(|i| in_range(i.date.as_deref(), from.as_deref(), to.as_deref()))
                .collect();
            if json {
                println!("{}", serde_json::to_string_pretty(&picked)?);
            } else {
                print!("{}", render::incidents_table(&picked));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Tallies { json } => {
            let mut store = open(&cli.db)?;
            let ledger = ledger_cmds::ledger(&mut store)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&ledger.tallies)?);
            } else {
                print!("{}", render::tallies_table(&ledger.tallies));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Tally { check: _, json } => {
            let mut store = open(&cli.db)?;
            let ledger = ledger_cmds::ledger(&mut store)?;
            let gaps = sw_ledger::tally_check(&ledger);
            if json {
                println!("{}", serde_json::to_string_pretty(&gaps)?);
            } else {
                print!("{}", render::gaps_table(&gaps));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Developments { json } => {
            let mut store = open(&cli.db)?;
            let ledger = ledger_cmds::ledger(&mut store)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&ledger.developments)?);
            } else {
                print!("{}", render::developments_table(&ledger.developments));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { format, output } => {
            let fmt = sw_ledger::ExportFormat::parse(&format).context("unknown export format")?;
            if !fmt.available() {
                anyhow::bail!(
                    "this build cannot write {format}: rebuild with `--features parquet`"
                );
            }
            let mut store = open(&cli.db)?;
            let ledger = ledger_cmds::ledger(&mut store)?;
            match output {
                Some(path) => {
                    use std::io::Write;
                    let f = std::fs::File::create(&path)
                        .with_context(|| format!("cannot create {}", path.display()))?;
                    let mut w = std::io::BufWriter::new(f);
                    sw_ledger::export::write(&ledger, fmt, &mut w)
                        .with_context(|| format!("writing {}", path.display()))?;
                    w.flush()?;
                    eprintln!(
                        "wrote {} incidents to {}",
                        ledger.incidents.len(),
                        path.display()
                    );
                }
                None => {
                    let mut lock = std::io::stdout().lock();
                    sw_ledger::export::write(&ledger, fmt, &mut lock)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval { gold, errors } => {
            let src = std::fs::read_to_string(&gold)
                .with_context(|| format!("cannot read {}", gold.display()))?;
            let items = sw_extract::eval::parse_jsonl(&src)
                .map_err(|e| anyhow::anyhow!("{}: {e}", gold.display()))?;
            let report = sw_extract::eval::score(&items, &sw_extract::Extractor::new());
            print!("{}", report.render());
            if errors {
                println!("\npassages with errors:");
                for (id, errs) in &report.errors {
                    println!("  {id}: {}", errs.join("; "));
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Demo {
            keep,
            no_serve,
            addr,
        } => demo(keep, (!no_serve).then_some(addr)),
        Command::Serve { addr, rate_limit } => {
            crate::serve(&cli.db, &addr, rate_limit)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Whether an incident's date falls in [from, to]; a month-precision date ("YYYY-MM")
/// counts by its first and last possible day; an undated incident only passes with no bounds.
fn in_range(date: Option<&str>, from: Option<&str>, to: Option<&str>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some(d) = date else { return false };
    let (lo, hi) = if d.len() == 7 {
        (format!("{d}-01"), format!("{d}-31"))
    } else {
        (d.to_string(), d.to_string())
    };
    from.is_none_or(|f| hi.as_str() >= f) && to.is_none_or(|t| lo.as_str() <= t)
}
