//! The `strikewatch` command: flags (all defined in `cli.rs`), dispatch (one module per
//! command under `commands/`) and rendering (`render.rs`, `progress.rs`). What the commands
//! do is written once in `sw-app`; this binary decides only what to print, and owns the
//! clock, the terminal and the signals.

mod cli;
mod commands;
mod progress;
mod render;

use std::process::ExitCode;

use clap::Parser;

use cli::Cli;

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
