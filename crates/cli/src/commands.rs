//! One arm per command: open the store, call the library, print table or JSON.

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Context, Result};
use sw_store::{LedgerFilter, LedgerList, Store};

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
                // the pipeline extracted the new articles; this pass does what it left
                let mut e = extract_and_update(&mut store, false)?;
                let p = &summary.extracted;
                e.articles += p.articles;
                e.events += p.events;
                e.developments += p.developments;
                e.tallies += p.tallies;
                Some(e)
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
            after,
        } => {
            let store = open(&cli.db)?;
            let rows = match after {
                Some(id) => store.articles_after(id, limit)?,
                None => store.articles(limit, offset)?,
            };
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
        Command::Status { json, check } => {
            let store = open(&cli.db)?;
            let c = store.counts()?;
            // the full check reads every page and cross-checks every index (seconds per GB)
            let integrity = if check {
                store.integrity_check()?
            } else {
                "not checked (status --check)".to_string()
            };
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
            ledger_cmds::update(&mut store)?;
            let filter = sw_store::LedgerFilter {
                from,
                to,
                event_type,
            };
            if json {
                stream_json(&store, LedgerList::Incidents, &filter)?;
            } else {
                let picked: Vec<render::IncidentLine> =
                    parse_rows(&store, LedgerList::Incidents, &filter)?;
                print!("{}", render::incident_lines_table(&picked));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Tallies { json } => {
            let mut store = open(&cli.db)?;
            ledger_cmds::update(&mut store)?;
            if json {
                stream_json(&store, LedgerList::Tallies, &Default::default())?;
            } else {
                let rows = parse_rows(&store, LedgerList::Tallies, &Default::default())?;
                print!("{}", render::tallies_table(&rows));
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
            ledger_cmds::update(&mut store)?;
            if json {
                stream_json(&store, LedgerList::Developments, &Default::default())?;
            } else {
                let rows = parse_rows(&store, LedgerList::Developments, &Default::default())?;
                print!("{}", render::developments_table(&rows));
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

/// Prints the stored ledger's entries of `list` as one pretty JSON array, streaming the
/// stored rows (no entry is parsed).
fn stream_json<S: Store>(store: &S, list: LedgerList, filter: &LedgerFilter) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out =
        render::PrettyArray::new(std::io::BufWriter::with_capacity(1 << 16, stdout.lock()));
    let mut failed = None;
    store.ledger_rows(list, filter, &mut |json| match out.push(json) {
        Ok(()) => true,
        Err(e) => {
            failed = Some(e);
            false
        }
    })?;
    if let Some(e) = failed {
        return Err(e.into());
    }
    out.finish()?;
    Ok(())
}

/// The stored ledger's entries of `list`, parsed (for the tables).
fn parse_rows<S: Store, T: serde::de::DeserializeOwned>(
    store: &S,
    list: LedgerList,
    filter: &LedgerFilter,
) -> Result<Vec<T>> {
    let mut out = Vec::new();
    let mut failed = None;
    store.ledger_rows(list, filter, &mut |json| match serde_json::from_str(json) {
        Ok(v) => {
            out.push(v);
            true
        }
        Err(e) => {
            failed = Some(e);
            false
        }
    })?;
    match failed {
        Some(e) => Err(e).context("the stored ledger is not readable"),
        None => Ok(out),
    }
}
