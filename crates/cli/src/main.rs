//! The `strikewatch` command: flags (all defined in `cli.rs`), dispatch (one module per
//! command under `commands/`) and rendering (`render.rs`, `progress.rs`). What the commands
//! do is written once in `sw-app`; this binary decides only what to print, and owns the
//! clock, the terminal and the signals. Everything it prints goes through `term.rs`, which
//! escapes the control characters inputs carry; `clippy.toml` forbids the printing macros
//! that would bypass it (denied here, in the binary; the tests may print as they like).

#![deny(clippy::disallowed_macros)]

// first: its `outln!` and `errln!` are used by the modules below
#[macro_use]
mod term;
mod cli;
mod commands;
mod progress;
mod render;

use std::process::ExitCode;

use clap::Parser;

use cli::Cli;

/// mimalloc rather than the system's malloc: the ingest allocates and frees many short-lived
/// strings and vectors on several threads (tokens, shingles, report JSON, SQLite's own
/// buffers), and glibc's malloc and free took 12-15% of its samples (BENCHMARKS.md, *Store
/// write path*, for the figures).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay`, which the bindings do not name: how many milliseconds
/// freed memory is kept before it is given back to the system. It is 15 in the `mi_option_e`
/// enum of both versions the bindings build (2 and 3); a test checks that the option there
/// has the purge delay's default (1,000 in version 3, the one built; 10 in version 2).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Freed memory is given back at once rather than after mimalloc 3's default second. Why: a big ingest frees large buffers in bursts (a feed's parsed items, a
/// batch's placement maps) and allocates the next ones before the delay runs out, so the
/// delay added what it held back to the peak: three 16 MiB feeds peaked at 355-380 MiB
/// resident, 323 with no delay, in the same time (BENCHMARKS.md, *Memory of one ingest*).
fn give_back_freed_memory_at_once() {
    // SAFETY: sets one of mimalloc's process-wide options; an option read concurrently sees
    // the old or the new value, both valid. Called first thing in `main`.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) }
}

/// The command line, or clap's message and exit. A usage error quotes the argument it could
/// not take, which may carry control characters (a file name, a mistyped value): the message
/// shown is the one clap gives for the same arguments escaped (the same error, its quote
/// made harmless), printed through `term`. Help and version are our own text.
fn parse() -> Cli {
    let e = match Cli::try_parse() {
        Ok(cli) => return cli,
        Err(e) if !e.use_stderr() => e.exit(),
        Err(e) => e,
    };
    let escaped = std::env::args_os().map(|a| term::escape(&a.to_string_lossy()).into_owned());
    let shown = match Cli::try_parse_from(escaped) {
        Err(e2) if e2.kind() == e.kind() => e2,
        _ => e,
    };
    term::print_err_text(&shown.render().to_string());
    std::process::exit(shown.exit_code());
}

fn main() -> ExitCode {
    give_back_freed_memory_at_once();
    let cli = parse();
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
        // log lines quote errors and paths too: escaped like every other line, so no colours
        .with_ansi(false)
        .with_writer(|| term::LogWriter)
        .init();
    // Parsing runs on worker threads; give them room for deep (but accepted) documents.
    let _ = rayon::ThreadPoolBuilder::new()
        .stack_size(32 << 20)
        .build_global();
    match commands::run(cli) {
        Ok(code) => code,
        Err(e) => {
            errln!("error: {e:#}");
            ExitCode::from(2)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The option set at start-up is the purge delay: before anything sets it, it has that
    /// option's default (1,000 ms in mimalloc 3, 10 in 2), which no option beside it in the
    /// enum has.
    #[test]
    fn the_option_given_back_at_once_is_the_purge_delay() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        // SAFETY: reads one of mimalloc's process-wide options.
        let before = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert!(matches!(before, 1000 | 10), "option 15 is {before}");
        give_back_freed_memory_at_once();
        // SAFETY: as above.
        assert_eq!(
            unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) },
            0
        );
    }
}
