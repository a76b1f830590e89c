//! A throwaway PostgreSQL cluster for tests: [`Cluster::start`] runs `initdb` into a fresh
//! temporary folder, starts `postgres` listening only on a Unix socket inside that folder (no
//! TCP port, so nothing to collide with and nothing reachable from outside), and creates a
//! database; dropping the [`Cluster`] stops the server and removes the folder.
//!
//! Why the tests start their own server rather than use one the machine runs: the contract
//! tests must run the same everywhere (a developer's machine, CI, a fresh box) with no
//! service to set up first and no shared database for concurrent test runs to trample. A
//! cluster costs about a second to make (`initdb` with `--no-sync`, `fsync=off`), so each
//! test that wants one gets its own.
//!
//! The server binaries are looked for in `$STRIKEWATCH_PG_BIN`, then in Debian's
//! `/usr/lib/postgresql/<version>/bin` (the newest version), then on `PATH`. When none is
//! found, [`Cluster::start`] fails with one line naming the Debian package `postgresql`.
//! PostgreSQL refuses to run as root; when the tests run as root (as CI does) the server runs
//! as the `postgres` account Debian's package creates, through `runuser`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicU32, Ordering};

/// A running throwaway cluster and its database; stopped and removed on drop.
pub struct Cluster {
    bin: PathBuf,
    /// Holds the data folder and the socket; removed when the cluster is dropped.
    dir: tempfile::TempDir,
    /// Run the server's programs as this account (`Some` when the tests run as root).
    run_as: Option<String>,
    database: String,
}

/// Databases made in this process, for distinct names.
static DATABASES: AtomicU32 = AtomicU32::new(0);

impl Cluster {
    /// Makes and starts a cluster with one database, `strikewatch`.
    pub fn start() -> Result<Cluster, String> {
        let bin = server_bin()?;
        let run_as = if is_root() {
            Some("postgres".to_string())
        } else {
            None
        };
        let dir = tempfile::Builder::new()
            .prefix("swpg")
            .tempdir()
            .map_err(|e| format!("cannot make a folder for a test PostgreSQL cluster: {e}"))?;
        if let Some(user) = &run_as {
            // the server's account must own its data folder and be able to make its socket
            let out = Command::new("chown")
                .arg(user)
                .arg(dir.path())
                .output()
                .map_err(|e| format!("cannot run chown: {e}"))?;
            check("chown", &out)?;
        }
        let mut cluster = Cluster {
            bin,
            dir,
            run_as,
            database: "strikewatch".into(),
        };
        let data = cluster.data();
        let out = cluster
            .command("initdb")
            .arg("-D")
            .arg(&data)
            .args(["-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C"])
            .args(["--no-sync", "--no-instructions"])
            .output()
            .map_err(|e| format!("cannot run initdb: {e}"))?;
        check("initdb", &out)?;
        let socket = cluster.dir.path().display().to_string();
        let log = cluster.dir.path().join("server.log");
        let options = format!(
            "-c listen_addresses= -k {socket} -c fsync=off -c synchronous_commit=off \
             -c full_page_writes=off -c max_connections=40"
        );
        let out = cluster
            .command("pg_ctl")
            .arg("-D")
            .arg(&data)
            .args(["-o", &options, "-w", "-t", "60", "-l"])
            .arg(&log)
            .arg("start")
            .output()
            .map_err(|e| format!("cannot run pg_ctl: {e}"))?;
        if let Err(e) = check("pg_ctl start", &out) {
            let log = std::fs::read_to_string(&log).unwrap_or_default();
            return Err(format!("{e}\n{log}"));
        }
        let name = cluster.database.clone();
        cluster.create_database(&name)?;
        Ok(cluster)
    }

    /// Like [`Cluster::start`], but a test that cannot start its cluster fails here, saying
    /// why (no server installed: which package to install).
    pub fn start_or_panic() -> Cluster {
        Cluster::start().unwrap_or_else(|e| panic!("{e}"))
    }

    /// Creates another empty database in this cluster and returns its URL.
    pub fn create_database(&mut self, name: &str) -> Result<String, String> {
        let out = self
            .command("createdb")
            .args(["-h", &self.socket_dir(), "-U", "postgres", name])
            .output()
            .map_err(|e| format!("cannot run createdb: {e}"))?;
        check("createdb", &out)?;
        Ok(self.url_of(name))
    }

    /// A new database with a name of its own, and its URL.
    pub fn fresh_database(&mut self) -> Result<String, String> {
        let n = DATABASES.fetch_add(1, Ordering::Relaxed);
        self.create_database(&format!("db{}_{n}", std::process::id()))
    }

    /// The URL of the cluster's `strikewatch` database, as `--db` takes it.
    pub fn url(&self) -> String {
        self.url_of(&self.database)
    }

    /// The URL of database `name`: the socket folder as the host, percent-encoded.
    pub fn url_of(&self, name: &str) -> String {
        let host: String = self
            .socket_dir()
            .bytes()
            .map(|b| {
                if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-') {
                    (b as char).to_string()
                } else {
                    format!("%{b:02X}")
                }
            })
            .collect();
        format!("postgres://postgres@{host}/{name}")
    }

    /// The folder holding the server's socket.
    pub fn socket_dir(&self) -> String {
        self.dir.path().display().to_string()
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// One of the server's programs, run as the server's account.
    fn command(&self, program: &str) -> Command {
        let path = self.bin.join(program);
        match &self.run_as {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--"]).arg(path);
                c
            }
            None => Command::new(path),
        }
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let _ = self
            .command("pg_ctl")
            .arg("-D")
            .arg(self.data())
            .args(["-m", "immediate", "-w", "stop"])
            .output();
    }
}

/// Where the server binaries are (see the crate's documentation), or the line that says how
/// to install them.
pub fn server_bin() -> Result<PathBuf, String> {
    find_server_bin(
        std::env::var_os("STRIKEWATCH_PG_BIN").map(PathBuf::from),
        Path::new("/usr/lib/postgresql"),
        std::env::var_os("PATH"),
    )
}

/// [`server_bin`] with where to look passed in: a folder named explicitly, Debian's root of
/// versioned installs, and a `PATH`.
fn find_server_bin(
    explicit: Option<PathBuf>,
    debian: &Path,
    path: Option<std::ffi::OsString>,
) -> Result<PathBuf, String> {
    let has = |d: &Path| d.join("initdb").is_file() && d.join("pg_ctl").is_file();
    if let Some(d) = explicit {
        return if has(&d) {
            Ok(d)
        } else {
            Err(format!(
                "STRIKEWATCH_PG_BIN names {}, which holds no initdb and pg_ctl",
                d.display()
            ))
        };
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(debian)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let v = e.file_name().to_str()?.parse::<u32>().ok()?;
            Some((v, e.path().join("bin")))
        })
        .filter(|(_, d)| has(d))
        .collect();
    versions.sort();
    if let Some((_, d)) = versions.pop() {
        return Ok(d);
    }
    if let Some(d) = path.iter().flat_map(std::env::split_paths).find(|d| has(d)) {
        return Ok(d);
    }
    Err(
        "no PostgreSQL server binaries (initdb, pg_ctl) found in /usr/lib/postgresql/*/bin or \
         on PATH: the PostgreSQL tests need Debian's package `postgresql` \
         (apt-get install -y postgresql), or STRIKEWATCH_PG_BIN naming the folder that holds them"
            .into(),
    )
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}

fn check(what: &str, out: &Output) -> Result<(), String> {
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{what} failed ({}): {}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout).trim(),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cluster_starts_serves_a_socket_and_is_removed_on_drop() {
        let mut c = Cluster::start_or_panic();
        let dir = c.dir.path().to_path_buf();
        assert!(dir.join(".s.PGSQL.5432").exists(), "no socket in {dir:?}");
        assert!(
            c.url().starts_with("postgres://postgres@%2F"),
            "{}",
            c.url()
        );
        let other = c.fresh_database().unwrap();
        assert!(other.ends_with("_0"), "{other}");
        drop(c);
        assert!(!dir.exists(), "the cluster's folder is left behind");
    }

    #[test]
    fn a_missing_server_names_the_package() {
        let empty = tempfile::tempdir().unwrap();
        let err = find_server_bin(None, empty.path(), Some(empty.path().into())).unwrap_err();
        assert!(err.contains("Debian's package `postgresql`"), "{err}");
        let err = find_server_bin(Some(empty.path().into()), empty.path(), None).unwrap_err();
        assert!(err.contains("holds no initdb"), "{err}");
        // a versioned install is found, the newest first
        for v in ["13", "15"] {
            let bin = empty.path().join(v).join("bin");
            std::fs::create_dir_all(&bin).unwrap();
            std::fs::write(bin.join("initdb"), "").unwrap();
            std::fs::write(bin.join("pg_ctl"), "").unwrap();
        }
        let found = find_server_bin(None, empty.path(), None).unwrap();
        assert!(found.ends_with("15/bin"), "{found:?}");
    }
}
