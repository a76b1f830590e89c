//! `ingest`: read inputs into the store, then extract and update the ledger.

use std::process::ExitCode;

use anyhow::Result;
use sw_app::ingest::{IngestConfig, Pipeline, Summary};
use sw_store::{AnyStore, Store};

use super::{exit_for, extractor, print_json, refresh, stop_flag, Context};
use crate::cli::IngestArgs;
use crate::progress::TermReporter;
use crate::{render, term};

pub fn run(ctx: &Context, args: IngestArgs) -> Result<ExitCode> {
    let mut store = ctx.open()?;
    for input in &args.inputs {
        if empty_folder(std::path::Path::new(input)) {
            errln!(
                "note: {}: the folder holds no files: nothing to ingest",
                input
            );
        }
    }
    let (summary, failed) = ingest_naming_failures(&mut store, &args, true)?;
    let extracted = if args.no_extract || summary.interrupted {
        None
    } else {
        // the pipeline extracted the new articles; this pass does what it left
        let mut e = refresh(&mut store, false)?;
        e.absorb(&summary.extracted);
        Some(e)
    };
    let counts = store.counts()?;
    if args.json {
        print_json(
            &serde_json::json!({ "summary": summary, "store": counts, "extracted": extracted, "failed_inputs": failed }),
        )?;
    } else {
        term::print_table(&render::summary_line(&summary, &counts));
        outln!();
        if let Some(e) = &extracted {
            outln!("{}", render::extract_line(e));
        }
    }
    Ok(exit_for(&summary))
}

/// A folder with no file anywhere inside it (the first file found ends the walk).
fn empty_folder(p: &std::path::Path) -> bool {
    fn any_file(p: &std::path::Path, depth: usize) -> bool {
        let Ok(entries) = std::fs::read_dir(p) else {
            return true; // unreadable: the ingest says why
        };
        entries.flatten().any(|e| match e.file_type() {
            Ok(t) if t.is_dir() => depth < 64 && any_file(&e.path(), depth + 1),
            Ok(_) => true,
            Err(_) => true,
        })
    }
    p.is_dir() && !any_file(p, 0)
}

/// Runs the ingest pipeline over `args.inputs` (no extraction pass after it).
pub fn ingest(store: &mut AnyStore, args: &IngestArgs, progress: bool) -> Result<Summary> {
    Ok(ingest_naming_failures(store, args, progress)?.0)
}

/// As [`ingest`], with the inputs that failed and why.
pub fn ingest_naming_failures(
    store: &mut AnyStore,
    args: &IngestArgs,
    progress: bool,
) -> Result<(Summary, Vec<crate::progress::Failed>)> {
    let options = sw_ingest::Options {
        format: args.format.map(Into::into),
        meta: sw_ingest::UnitMeta {
            url: args.url.clone(),
            outlet: args.outlet.clone(),
            published: args.published.clone(),
            title: args.title.clone(),
            lang: args.lang.clone(),
            ..Default::default()
        },
        fetch_links: args.fetch_links,
        limits: sw_ingest::Limits {
            max_bytes: args.max_bytes,
            max_depth: args.max_depth,
            timeout: std::time::Duration::from_secs(args.timeout),
            allow_private_addresses: args.allow_private_addresses,
            ..Default::default()
        },
    };
    if let Some(p) = &args.published {
        if sw_ingest::parse_date(p).is_none() {
            anyhow::bail!("--published {p:?} is not a date (expected YYYY-MM-DD)");
        }
    }
    if !(0.0..=1.0).contains(&args.near_dup) {
        anyhow::bail!("--near-dup must be between 0 and 1");
    }
    let needs_net = args
        .inputs
        .iter()
        .any(|i| i.starts_with("http://") || i.starts_with("https://"))
        || args.fetch_links;
    let fetcher = if needs_net {
        Some(sw_ingest::Fetcher::new(&options.limits).map_err(anyhow::Error::msg)?)
    } else {
        None
    };
    // batches share commits (far fewer pages written) when they come back to back: not while
    // waiting on the network or on standard input, which would hold the write lock meanwhile
    if !needs_net && !args.inputs.iter().any(|i| i == "-") {
        store.group_batches(sw_store::GROUP_INPUTS);
    }
    let stop = stop_flag();
    let reporter = TermReporter::new(
        progress,
        progress
            .then(|| crate::progress::input_bytes(&args.inputs))
            .flatten(),
    );
    let mut pipeline = Pipeline {
        store,
        config: IngestConfig {
            options,
            near_dup: args.near_dup,
            batch: args.batch.max(1),
            today: chrono::Utc::now().date_naive(),
        },
        stop: &stop,
        fetcher: fetcher.as_ref(),
        extractor: (!args.no_extract).then(extractor),
    };
    // a path that names nothing is a mistake on the command line, not an input: said, counted
    // as failed, but not stored (else `failures` would list a typo for good)
    let (missing, present): (Vec<&String>, Vec<&String>) = args.inputs.iter().partition(|i| {
        let url = i.starts_with("http://") || i.starts_with("https://");
        !url && i.as_str() != "-"
            && std::fs::symlink_metadata(i.as_str())
                .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
    });
    for m in &missing {
        sw_app::ingest::Reporter::error(&reporter, m, "no such file or folder");
    }
    let present: Vec<String> = present.into_iter().cloned().collect();
    let mut summary = pipeline.run(&present, &reporter)?;
    summary.failed += missing.len();
    reporter.finish();
    Ok((summary, reporter.failed()))
}

/// Arguments of an ingest of `inputs` with every default (the demo's).
pub fn defaults(inputs: Vec<String>) -> IngestArgs {
    IngestArgs {
        inputs,
        format: None,
        url: None,
        outlet: None,
        published: None,
        title: None,
        lang: None,
        fetch_links: false,
        no_extract: false,
        max_bytes: 16 * 1024 * 1024,
        max_depth: 256,
        timeout: 30,
        allow_private_addresses: false,
        near_dup: sw_dedup::DEFAULT_THRESHOLD,
        batch: 256,
        json: false,
    }
}
