//! The `strikewatch` command: parses flags (all defined in `cli.rs`) and wires the library
//! crates together. Logic lives in the crates; this binary decides only what to print.

mod cli;
mod commands;
mod dating;
mod ledger_cmds;
mod pipeline;
mod render;

use std::io::IsTerminal;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::Parser;
use include_dir::{include_dir, Dir};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use sw_store::{SqliteStore, Store};

use cli::{Cli, IngestArgs};
use pipeline::{Pipeline, Reporter, Summary};

/// The sample corpus, built into the binary so that `demo` works from anywhere.
static EXAMPLES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../../examples");

fn main() -> ExitCode {
    let cli = Cli::parse();
    let filter = match cli.verbose {
        0 => "warn",
        1 => "info",
        _ => "debug",
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_env("STRIKEWATCH_LOG")
                .unwrap_or_else(|_| filter.into()),
        )
        .with_writer(std::io::stderr)
        .init();
    // Parsing runs on worker threads; give them room for deep (but accepted) documents.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(32 << 20)
        .build_global();
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// Opens the store `--db` names (a path, `sqlite:PATH`, ...; see `sw_store::StoreSpec`).
pub(crate) fn open(db: &std::path::Path) -> Result<SqliteStore> {
    let spec = sw_store::StoreSpec::from_path(db)?;
    let store = spec
        .open()
        .with_context(|| format!("cannot open the store {spec}"))?;
    // the commands still take the SQLite store itself; SQLite is the only backend built in
    let sw_store::AnyStore::Sqlite(store) = store;
    Ok(store)
}

pub(crate) fn extract_and_update(
    store: &mut SqliteStore,
    all: bool,
) -> Result<ledger_cmds::ExtractSummary> {
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::new_spinner()
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(ProgressStyle::with_template("{spinner} extracting: {msg}").expect("template"));
    let summary = ledger_cmds::extract(store, all, &|n| bar.set_message(format!("{n} articles")))?;
    bar.finish_and_clear();
    // undated articles placed in time by the corpus's dated totals
    dating::date_undated(store)?;
    ledger_cmds::update(store)?;
    Ok(summary)
}

pub(crate) fn exit_for(s: &Summary) -> ExitCode {
    if s.interrupted {
        ExitCode::from(130)
    } else if s.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints problems as single lines above a live progress line (drawn only on a terminal).
struct TermReporter {
    bar: ProgressBar,
}

impl TermReporter {
    fn new(show: bool) -> TermReporter {
        let target = if show && std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(None, target);
        bar.set_style(ProgressStyle::with_template("{spinner} {elapsed} {msg}").expect("template"));
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        TermReporter { bar }
    }

    fn line(&self, s: String) {
        if self.bar.is_hidden() {
            eprintln!("{s}");
        } else {
            self.bar.println(s);
        }
    }
}

impl Reporter for TermReporter {
    fn error(&self, locator: &str, message: &str) {
        self.line(format!("error: {locator}: {message}"));
    }
    fn note(&self, locator: &str, message: &str) {
        self.line(format!("note: {locator}: {message}"));
    }
    fn progress(&self, s: &Summary) {
        self.bar.set_message(format!(
            "{} new articles, {} duplicate, {} failed, {} skipped",
            s.new, s.duplicate, s.failed, s.skipped
        ));
    }
}

pub(crate) fn ingest(
    store: &mut SqliteStore,
    args: &IngestArgs,
    progress: bool,
) -> Result<Summary> {
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

    // First Ctrl-C: finish the batch in flight, commit, stop. Second: leave at once (the
    // store stays consistent either way; the interrupted batch is redone on the next run).
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        eprintln!("\ninterrupted: finishing the current batch; run the same command again to complete the ingest");
    });
    let reporter = TermReporter::new(progress);
    let mut pipeline = Pipeline {
        store,
        options,
        near_dup: args.near_dup,
        batch: args.batch.max(1),
        stop: &stop,
        fetcher: fetcher.as_ref(),
        extractor: (!args.no_extract).then(|| Arc::new(sw_extract::Extractor::new())),
    };
    let summary = pipeline.run(&args.inputs, &reporter)?;
    reporter.bar.finish_and_clear();
    Ok(summary)
}

/// Serves the store's ledger over HTTP until Ctrl-C (the web app lives in `sw-web`).
pub(crate) fn serve(db: &std::path::Path, addr: &str, rate_limit: u32) -> Result<()> {
    // sw_web::serve opens its store by path: the file `--db` names
    let spec = sw_store::StoreSpec::from_path(db)?;
    let file = spec
        .sqlite_file()
        .with_context(|| format!("cannot open the store {spec}"))?;
    let rebuild: sw_web::Rebuild =
        std::sync::Arc::new(|store: &mut SqliteStore| ledger_cmds::update(store).map(|_| ()));
    let options = sw_web::Options {
        rate_limit,
        ..Default::default()
    };
    sw_web::serve(file, addr, options, rebuild, |local| {
        println!(
            "strikewatch: serving {} at http://{local}/ (read-only; Ctrl-C to stop)",
            db.display()
        );
        if !local.ip().is_loopback() {
            println!("note: listening beyond this machine ({local})");
        }
        use std::io::Write;
        let _ = std::io::stdout().flush();
    })
}

pub(crate) fn demo(keep: Option<std::path::PathBuf>, serve_at: Option<String>) -> Result<ExitCode> {
    let dir = tempfile::tempdir().context("cannot create a temporary folder for the demo")?;
    let corpus = dir.path().join("examples");
    std::fs::create_dir_all(&corpus)?;
    EXAMPLES
        .extract(&corpus)
        .context("cannot write the sample corpus")?;
    let db = keep.unwrap_or_else(|| dir.path().join("demo.db"));
    let mut store = open(&db)?;
    println!(
        "strikewatch demo: ingesting the bundled sample corpus ({} files) into {}",
        count_files(&EXAMPLES),
        db.display()
    );
    let args = IngestArgs {
        inputs: vec![corpus.display().to_string()],
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
        near_dup: sw_dedup::DEFAULT_THRESHOLD,
        batch: 256,
        json: false,
    };
    let summary = ingest(&mut store, &args, true)?;
    let extracted = extract_and_update(&mut store, false)?;
    let counts = store.counts()?;
    println!("{}", render::summary_line(&summary, &counts));
    println!("{}\n", render::extract_line(&extracted));
    print!("{}", render::articles_table(&store.articles(1000, 0)?));
    let ledger = ledger_cmds::ledger(&mut store)?;
    println!("\nThe ledger: incidents");
    print!(
        "{}",
        render::incidents_table(&ledger.incidents.iter().collect::<Vec<_>>())
    );
    println!("\nTallies reported by outlets");
    print!("{}", render::tallies_table(&ledger.tallies));
    println!("\nDevelopments (plans, threats, designations, authorizations, deployments)");
    print!("{}", render::developments_table(&ledger.developments));
    println!("\nTally check: reported totals against the ledger's own running sums");
    print!("{}", render::gaps_table(&sw_ledger::tally_check(&ledger)));
    if let Some(addr) = serve_at {
        drop(store);
        println!("\nThe same ledger as a web app (ledger, chart, map, incidents with their quotes, search):");
        serve(&db, &addr, 50)?;
    }
    Ok(exit_for(&summary))
}

fn count_files(d: &Dir<'_>) -> usize {
    d.files().count() + d.dirs().map(count_files).sum::<usize>()
}
