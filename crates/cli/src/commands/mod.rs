//! Dispatch: one module per command, each of which opens what it needs, calls `sw-app` and
//! renders the result as a table or JSON. Shared here: the store, the stop flag set by
//! Ctrl-C, the extractor, and the JSON printing of stored ledger lists.

mod articles;
mod demo;
mod developments;
mod eval;
mod export;
mod extract;
mod failures;
mod incidents;
mod ingest;
mod migrate;
mod reports;
mod review;
mod search;
mod serve;
mod show;
mod status;
mod tallies;
mod tally;
mod versions;
mod watch;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};

use anyhow::{Context as _, Result};
use sw_app::ingest::Summary;
use sw_extract::Extractor;
use sw_store::{AnyStore, LedgerFilter, LedgerList, Store, StoreError, StoreSpec};

use crate::cli::{Cli, Command};
use crate::render;

pub fn run(cli: Cli) -> Result<ExitCode> {
    let ctx = Context { db: cli.db };
    match cli.command {
        Command::Ingest(a) => ingest::run(&ctx, a),
        Command::Articles(a) => articles::run(&ctx, a),
        Command::Show(a) => show::run(&ctx, a),
        Command::Failures(a) => failures::run(&ctx, a),
        Command::Status(a) => status::run(&ctx, a),
        Command::Extract(a) => extract::run(&ctx, a),
        Command::Reports(a) => reports::run(&ctx, a),
        Command::Incidents(a) => incidents::run(&ctx, a),
        Command::Tallies(a) => tallies::run(&ctx, a),
        Command::Tally(a) => tally::run(&ctx, a),
        Command::Developments(a) => developments::run(&ctx, a),
        Command::Export(a) => export::run(&ctx, a),
        Command::Eval(a) => eval::run(a),
        Command::Demo(a) => demo::run(a),
        Command::Serve(a) => serve::run(&ctx, a),
        Command::Search(a) => search::run(&ctx, a),
        Command::Versions(a) => versions::run_versions(&ctx, a),
        Command::Diff(a) => versions::run_diff(&ctx, a),
        Command::Review(a) => review::run(&ctx, a),
        Command::Watch(a) => watch::run(&ctx, a),
        Command::Feeds(a) => watch::feeds(&ctx, a),
        Command::Migrate(a) => migrate::run(&ctx, a),
    }
}

/// What every command may need from the invocation.
pub struct Context {
    pub db: PathBuf,
}

impl Context {
    /// The store for a command that writes (`ingest`, `extract`): created if missing.
    pub fn open(&self) -> Result<AnyStore> {
        open(&self.db)
    }

    /// The store for a command that only reads: never created, never written.
    pub fn open_read_only(&self) -> Result<AnyStore> {
        open_read_only(&self.db)
    }
}

/// Opens the store `--db` names for writing: a path or a spec (`sqlite:PATH`); whichever
/// backend it is, the commands see only [`Store`].
pub fn open(db: &Path) -> Result<AnyStore> {
    // a mistyped folder is said once, plainly, before the store tries to create a file in it
    if let Some(parent) = db.parent().filter(|p| !p.as_os_str().is_empty()) {
        if !db.to_string_lossy().contains(':') && !parent.is_dir() {
            anyhow::bail!(
                "cannot create the store {}: the folder {} does not exist",
                db.display(),
                parent.display()
            );
        }
    }
    let spec = StoreSpec::from_path(db)?;
    spec.open()
        .with_context(|| format!("cannot open the store {spec}"))
}

/// Opens the store `--db` names for reading only (read commands, `serve`): a missing store is
/// one line naming the path, not a new empty store, and nothing read this way writes, so
/// readers work beside writers and on a store the user may not write.
pub fn open_read_only(db: &Path) -> Result<AnyStore> {
    let spec = StoreSpec::from_path(db)?;
    spec.open_read_only().map_err(|e| match e {
        // the error names the path already
        StoreError::NoStore(_) | StoreError::Outdated { .. } => anyhow::Error::new(e),
        e => anyhow::Error::new(e).context(format!("cannot open the store {spec}")),
    })
}

/// The flag Ctrl-C sets, with its handler installed on first use (once per process). First
/// Ctrl-C: the work in flight is finished and committed, then the command stops. Second:
/// leave at once (the store stays consistent either way; what was interrupted is redone on
/// the next run).
pub fn stop_flag() -> Arc<AtomicBool> {
    static STOP: OnceLock<Arc<AtomicBool>> = OnceLock::new();
    STOP.get_or_init(|| {
        let stop = Arc::new(AtomicBool::new(false));
        let flag = stop.clone();
        let _ = ctrlc::set_handler(move || {
            if flag.swap(true, Ordering::SeqCst) {
                std::process::exit(130);
            }
            errln!();
            errln!("interrupted: finishing the current batch; run the same command again to complete the ingest");
        });
        stop
    })
    .clone()
}

/// The extractor, built once per process (its lexicons and gazetteer take a moment).
pub fn extractor() -> Arc<Extractor> {
    static EXTRACTOR: OnceLock<Arc<Extractor>> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Arc::new(Extractor::new())).clone()
}

/// The time now (UTC, RFC 3339 to the millisecond): what a ledger version and a review
/// decision are stamped with. The binary owns the clock; `sw-app` is handed this.
pub fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

/// Extracts what is new, dates undated articles and updates the ledger, with a spinner.
pub fn refresh(store: &mut AnyStore, all: bool) -> Result<sw_app::ExtractSummary> {
    // re-extracting everything: the total is known, so progress has a percentage and an ETA
    let total = if all {
        Some(store.counts()?.articles.max(0) as u64)
    } else {
        None
    };
    let bar = crate::progress::Extraction::new(total);
    let summary = sw_app::refresh(store, &extractor(), all, &now(), &|n| bar.update(n as u64))?;
    bar.finish();
    Ok(summary)
}

pub fn exit_for(s: &Summary) -> ExitCode {
    if s.interrupted {
        ExitCode::from(130)
    } else if s.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Prints the stored ledger's entries of `list` as one pretty JSON array, streaming the
/// stored rows (no entry is parsed).
pub fn stream_json<S: Store + ?Sized>(
    store: &S,
    list: LedgerList,
    filter: &LedgerFilter,
) -> Result<()> {
    stream_rows(|visit| Ok(store.ledger_rows(list, filter, visit)?))
}

/// Prints the JSON rows a store visit hands out as one pretty JSON array, as they come: the
/// first write error stops the visit and is returned.
pub fn stream_rows(visit: impl FnOnce(&mut dyn FnMut(&str) -> bool) -> Result<()>) -> Result<()> {
    let stdout = std::io::stdout();
    let mut out =
        render::PrettyArray::new(std::io::BufWriter::with_capacity(1 << 16, stdout.lock()));
    let mut failed = None;
    visit(&mut |json| match out.push(json) {
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

/// Prints one list of the ledger of the current reports (computed in memory, not written, if
/// the published one is stale): streamed JSON, or the rows `filter` keeps parsed and laid
/// out by `table`.
pub fn print_list<T: serde::de::DeserializeOwned>(
    ctx: &Context,
    list: LedgerList,
    filter: &LedgerFilter,
    json: bool,
    table: impl Fn(&[T]) -> String,
) -> Result<ExitCode> {
    let store = ctx.open_read_only()?;
    let view = sw_app::ledger::view(&store)?;
    if json {
        stream_json(view.store(), list, filter)?;
    } else {
        let rows: Vec<T> = sw_app::ledger::rows(view.store(), list, filter)?;
        crate::term::print_table(&table(&rows));
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints `v` as pretty JSON on standard output.
pub fn print_json<T: serde::Serialize>(v: &T) -> Result<()> {
    crate::term::print_json(&serde_json::to_string_pretty(v)?);
    Ok(())
}
