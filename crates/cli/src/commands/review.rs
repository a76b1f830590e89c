//! `review`: the review queue, recording decisions, and the decision log (list, export,
//! import). The clock is read here, once per decision, and passed down.

use std::fmt::Write as _;
use std::process::ExitCode;

use anyhow::{bail, Context as _, Result};
use sw_ledger::review::{Action, RejectReason, Standing};
use sw_ledger::{Decision, Ledger};
use sw_model::Field;

use super::Context;
use crate::cli::{ReviewArgs, ReviewCommand, ReviewLogArgs, Signature};

pub fn run(ctx: &Context, a: ReviewArgs) -> Result<ExitCode> {
    match a.action {
        None => queue(ctx, a.json, a.limit),
        Some(ReviewCommand::Log(l)) => log(ctx, l),
        Some(cmd) => decide(ctx, cmd),
    }
}

fn queue(ctx: &Context, json: bool, limit: usize) -> Result<ExitCode> {
    let store = ctx.open_read_only()?;
    let ledger = sw_app::ledger::current(&store)?;
    let changes = sw_app::review::Changes::read(&store)?;
    let q = sw_app::review::queue(&ledger, &changes);
    let shown: Vec<_> = q.iter().take(limit).collect();
    if json {
        #[derive(serde::Serialize)]
        struct Item<'a> {
            why: sw_app::review::Why,
            incident: &'a sw_ledger::Incident,
        }
        let items: Vec<Item> = shown
            .iter()
            .map(|(why, incident)| Item {
                why: *why,
                incident,
            })
            .collect();
        super::print_json(&items)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<16}  {:<14}  {:<10}  {:<8}  {:>7}  {:>7}",
        "ID", "WHY", "DATE", "TYPE", "KILLED", "SOURCES"
    );
    for (why, i) in &shown {
        let why = serde_json::to_value(why)?;
        let _ = writeln!(
            out,
            "{:<16}  {:<14}  {:<10}  {:<8}  {:>7}  {:>7}",
            i.id,
            why.as_str().unwrap_or(""),
            i.date.as_deref().unwrap_or("-"),
            i.event_type.as_str(),
            i.figures
                .killed
                .as_ref()
                .and_then(|k| k.best)
                .map(|k| k.to_string())
                .unwrap_or_else(|| "-".into()),
            i.sources.len()
        );
    }
    let _ = writeln!(out, "({} of {} waiting for review)", shown.len(), q.len());
    crate::term::print_table(&out);
    Ok(ExitCode::SUCCESS)
}

fn signed(by: &Signature) -> Result<(&str, &str)> {
    let author = by.author.trim();
    if author.is_empty() {
        bail!("--author (or STRIKEWATCH_AUTHOR) is empty: say who decides");
    }
    if by.reason.trim().is_empty() {
        bail!("--reason is empty: say why");
    }
    Ok((author, by.reason.trim()))
}

fn decide(ctx: &Context, cmd: ReviewCommand) -> Result<ExitCode> {
    let mut store = ctx.open()?;
    let ledger = sw_app::ledger::ledger(&mut store, &super::now())?;
    let target = |id: &str| sw_app::review::target(&store, &ledger, id);
    let (by, action) = match &cmd {
        ReviewCommand::Confirm { incident, by } => (
            by,
            Action::Confirm {
                target: target(incident)?,
            },
        ),
        ReviewCommand::Reject {
            incident,
            why,
            duplicate_of,
            by,
        } => {
            let why = RejectReason::parse(why).expect("clap checks the value");
            if why == RejectReason::Duplicate && duplicate_of.is_none() {
                bail!("--as duplicate needs --duplicate-of ID");
            }
            if let Some(d) = duplicate_of {
                if sw_app::review::find(&ledger, d).is_none() {
                    bail!("--duplicate-of {d}: no such incident");
                }
            }
            (
                by,
                Action::Reject {
                    target: target(incident)?,
                    why,
                    duplicate_of: duplicate_of.clone(),
                },
            )
        }
        ReviewCommand::Merge { incident, into, by } => {
            if incident == into {
                bail!("cannot merge {incident} into itself");
            }
            (
                by,
                Action::Merge {
                    target: target(incident)?,
                    into: target(into)?,
                },
            )
        }
        ReviewCommand::Split {
            incident,
            report,
            by,
        } => (
            by,
            sw_app::review::split(&store, &ledger, incident, *report)?,
        ),
        ReviewCommand::Set {
            incident,
            what,
            value,
            source,
            country,
            by,
        } => (
            by,
            set(
                target(incident)?,
                what,
                value,
                source.as_deref(),
                country.as_deref(),
            )?,
        ),
        ReviewCommand::Note { incident, by } => (
            by,
            Action::Note {
                target: target(incident)?,
            },
        ),
        ReviewCommand::Log(_) => unreachable!("handled by run"),
    };
    let (author, reason) = signed(by)?;
    let decision = Decision::new(author, &super::now(), reason, action);
    sw_app::review::record(&mut store, std::slice::from_ref(&decision))?;
    let ledger = sw_app::ledger::ledger(&mut store, &super::now())?;
    let standing = sw_app::review::log(&store, &ledger)?;
    let st = standing
        .iter()
        .find(|(d, _)| d.id == decision.id)
        .map(|(_, s)| s.clone())
        .unwrap_or(Standing::Orphaned);
    outln!(
        "recorded {} ({} {}): {}",
        decision.id,
        decision.action.kind(),
        decision.action.target().incident,
        standing_text(&st)
    );
    Ok(ExitCode::SUCCESS)
}

fn set(
    target: sw_ledger::review::Target,
    what: &str,
    value: &str,
    source: Option<&str>,
    country: Option<&str>,
) -> Result<Action> {
    Ok(match what {
        "date" => {
            let ok = chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok()
                || chrono::NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d").is_ok();
            if !ok {
                bail!("date {value:?} is not YYYY-MM-DD or YYYY-MM");
            }
            Action::SetDate {
                target,
                date: value.to_string(),
            }
        }
        "place" => Action::SetPlace {
            target,
            place: value.to_string(),
            country: country.map(str::to_string),
        },
        "perpetrator" => Action::SetPerpetrator {
            target,
            perpetrator: value.to_string(),
            state: country.map(str::to_string),
        },
        f => {
            let field = Field::parse(f)
                .filter(|f| sw_ledger::IncidentFigures::FIELDS.contains(f))
                .with_context(|| {
                    format!(
                        "cannot set {f:?}: expected killed, injured, survivors, missing, \
                         detained, vessels, date, place or perpetrator"
                    )
                })?;
            let value: i64 = value
                .parse()
                .ok()
                .filter(|v| *v >= 0)
                .with_context(|| format!("{f} {value:?} is not a count"))?;
            let Some(source) = source.filter(|s| !s.trim().is_empty()) else {
                bail!("setting {f} needs --source: what the value rests on");
            };
            Action::SetFigure {
                target,
                field,
                value,
                source: source.to_string(),
            }
        }
    })
}

fn standing_text(s: &Standing) -> String {
    match s {
        Standing::Applied { incident } => format!("applied to {incident}"),
        Standing::Superseded { by } => format!("superseded by {by}"),
        Standing::Orphaned => "orphaned (its incident is in no current ledger entry)".into(),
    }
}

fn log(ctx: &Context, a: ReviewLogArgs) -> Result<ExitCode> {
    if let Some(path) = &a.import {
        return import(ctx, path);
    }
    let store = ctx.open_read_only()?;
    if let Some(path) = &a.export {
        let jsonl = sw_app::review::export(&sw_app::review::decisions(&store)?)?;
        if path.as_os_str() == "-" {
            crate::term::print_json(jsonl.trim_end());
        } else {
            std::fs::write(path, jsonl)
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let ledger: Ledger = sw_app::ledger::current(&store)?;
    let all = sw_app::review::log(&store, &ledger)?;
    if a.json {
        #[derive(serde::Serialize)]
        struct Entry<'a> {
            #[serde(flatten)]
            decision: &'a Decision,
            standing: &'a Standing,
        }
        let v: Vec<Entry> = all
            .iter()
            .map(|(decision, standing)| Entry { decision, standing })
            .collect();
        super::print_json(&v)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<20}  {:<20}  {:<14}  {:<16}  {:<12}  STANDING / REASON",
        "ID", "AT", "AUTHOR", "KIND", "INCIDENT"
    );
    for (d, s) in &all {
        let _ = writeln!(
            out,
            "{:<20}  {:<20}  {:<14}  {:<16}  {:<12}  {} / {}",
            d.id,
            d.at,
            d.author,
            d.action.kind(),
            d.action.target().incident,
            standing_text(s),
            d.reason
        );
    }
    if all.is_empty() {
        out.push_str("(no decisions)\n");
    }
    crate::term::print_table(&out);
    Ok(ExitCode::SUCCESS)
}

fn import(ctx: &Context, path: &std::path::Path) -> Result<ExitCode> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).with_context(|| format!("cannot read {name}"))?;
    let theirs = sw_app::review::import(&text, &name)?;
    let mut store = ctx.open()?;
    let ours = sw_app::review::decisions(&store)?;
    let conflicts = sw_app::review::conflicts(&ours, &theirs);
    let added = sw_app::review::record(&mut store, &theirs)?;
    sw_app::publish(&mut store, &super::now(), false)?;
    outln!(
        "{name}: {} decisions, {added} new, {} already here",
        theirs.len(),
        theirs.len() - added
    );
    for (o, t) in &conflicts {
        errln!(
            "conflict: {} by {} ({}) and {} by {} ({}) decide {} of {} differently; {} applies (the later), both are kept",
            o.id,
            o.author,
            o.at,
            t.id,
            t.author,
            t.at,
            t.action.kind(),
            t.action.target().incident,
            if (&t.at, &t.id) > (&o.at, &o.id) { &t.id } else { &o.id }
        );
    }
    Ok(if conflicts.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(3)
    })
}
