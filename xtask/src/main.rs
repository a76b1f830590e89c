//! `cargo xtask test [ARGS...]`: installs what strikewatch's test suite needs on a fresh
//! Debian machine, then runs every test (`.cargo/config.toml` makes `cargo xtask` run this
//! binary; it uses the standard library only, so it builds in seconds).
//!
//! Each step does nothing when its need is already met:
//! - Debian's `chromium` and `chromium-driver` (and `nodejs` and `npm` when npm is missing),
//!   with apt-get, through sudo when not root: the browser tests run the pages in Chromium;
//! - Debian's `postgresql`: the store's contract tests and the CLI's acceptance tests start
//!   throwaway PostgreSQL clusters from its server binaries (`crates/pgtest`);
//! - `npm ci` in `web/` when `web/node_modules` is missing or older than
//!   `web/package-lock.json`: playwright-core, which drives Chromium.
//!
//! Then `cargo test --workspace --locked ARGS...`, whose exit status it exits with.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, ExitStatus};

const USAGE: &str = "usage: cargo xtask test [ARGS...]
  installs what the tests need (Debian's chromium, chromium-driver and postgresql,
  web/node_modules),
  then runs `cargo test --workspace --locked ARGS...`";

/// Debian packages the tests need, each after the command that shows it is installed.
const PACKAGES: &[(&str, &[&str])] = &[
    ("chromium", &["chromium", "chromium-driver"]),
    ("npm", &["nodejs", "npm"]),
    // the PostgreSQL contract tests start throwaway clusters from the server binaries
    // (crates/pgtest); `pg_ctlcluster` is on PATH wherever Debian's server package is
    ("pg_ctlcluster", &["postgresql"]),
];

fn main() -> ExitCode {
    let mut args = env::args_os().skip(1);
    let result = match args.next().as_ref().and_then(|a| a.to_str()) {
        Some("test") => test(args.collect()),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    result.unwrap_or_else(|e| {
        eprintln!("error: {e}");
        ExitCode::FAILURE
    })
}

/// `cargo xtask test`: provisions, then runs every test with `args` passed on.
fn test(args: Vec<OsString>) -> Result<ExitCode, String> {
    let root = root();
    let suite = provision(&root)?;
    step("cargo test --workspace --locked");
    let mut cargo = Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cargo.args(["test", "--workspace", "--locked"]).args(args);
    let status = spawn(cargo.envs(suite.env.iter().cloned()).current_dir(&root))?;
    Ok(exit_code(status))
}

/// What the tests need beyond the crates, set up before they run: one call per need here.
/// A need may hand the tests environment variables and leave something to stop when the
/// run ends (a throwaway PostgreSQL: start it, put its URL in `env`, its stop in `cleanup`).
fn provision(root: &Path) -> Result<Suite, String> {
    let suite = Suite::default();
    debian_packages()?;
    node_modules(&root.join("web"))?;
    Ok(suite)
}

/// What provisioning leaves for the test run.
#[derive(Default)]
struct Suite {
    /// Environment variables for `cargo test`.
    env: Vec<(String, String)>,
    /// What to stop once the tests have run, last started first.
    cleanup: Vec<Box<dyn FnOnce()>>,
}

impl Drop for Suite {
    fn drop(&mut self) {
        while let Some(stop) = self.cleanup.pop() {
            stop();
        }
    }
}

/// Installs the [`PACKAGES`] whose command is missing, with apt-get (through sudo when not
/// root); an error names the packages when that is impossible or fails.
fn debian_packages() -> Result<(), String> {
    let missing: Vec<&str> = PACKAGES
        .iter()
        .filter(|(command, _)| !on_path(command))
        .flat_map(|(_, packages)| packages.iter().copied())
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    let list = missing.join(" ");
    let cannot = |why: String| {
        format!(
            "the tests need Debian's packages {list}, and {why}: install them \
             (`apt-get install -y {list}` as root), then run `cargo xtask test` again"
        )
    };
    let sudo = !is_root();
    if !on_path("apt-get") {
        return Err(cannot("this machine has no apt-get".into()));
    }
    if sudo && !on_path("sudo") {
        return Err(cannot("installing them needs root or sudo".into()));
    }
    step(&format!("apt-get install {list}"));
    let install = [&["install", "-y", "-qq"][..], &missing].concat();
    for apt_args in [&["update", "-qq"][..], &install] {
        let mut apt = Command::new(if sudo { "sudo" } else { "apt-get" });
        if sudo {
            apt.arg("apt-get");
        }
        apt.args(apt_args).env("DEBIAN_FRONTEND", "noninteractive");
        let status = spawn(&mut apt).map_err(cannot)?;
        if !status.success() {
            return Err(cannot(format!(
                "`apt-get {}` failed ({status})",
                apt_args[0]
            )));
        }
    }
    match PACKAGES.iter().find(|(command, _)| !on_path(command)) {
        Some((command, _)) => Err(cannot(format!("`{command}` is still not on PATH"))),
        None => Ok(()),
    }
}

/// `npm ci` in `web` when its `node_modules` is missing or older than its lock file.
fn node_modules(web: &Path) -> Result<(), String> {
    let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    let lock = modified(&web.join("package-lock.json"));
    let modules = modified(&web.join("node_modules"));
    if modules.is_some() && modules >= lock {
        return Ok(());
    }
    step("npm ci --no-audit --no-fund (in web/)");
    let mut npm = Command::new("npm");
    let status = spawn(npm.args(["ci", "--no-audit", "--no-fund"]).current_dir(web))?;
    if !status.success() {
        return Err(format!("`npm ci` in {} failed ({status})", web.display()));
    }
    Ok(())
}

/// The workspace root.
fn root() -> PathBuf {
    let xtask = Path::new(env!("CARGO_MANIFEST_DIR"));
    xtask.parent().unwrap_or(xtask).to_path_buf()
}

fn step(what: &str) {
    eprintln!("== {what}");
}

fn spawn(command: &mut Command) -> Result<ExitStatus, String> {
    let program = command.get_program().to_string_lossy().into_owned();
    command
        .status()
        .map_err(|e| format!("cannot run {program}: {e}"))
}

fn on_path(command: &str) -> bool {
    env::var_os("PATH")
        .is_some_and(|path| env::split_paths(&path).any(|d| d.join(command).is_file()))
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}

/// The exit code of a finished command (1 when a signal ended it).
fn exit_code(status: ExitStatus) -> ExitCode {
    match status.code().map(u8::try_from) {
        Some(Ok(code)) => ExitCode::from(code),
        _ => ExitCode::FAILURE,
    }
}
