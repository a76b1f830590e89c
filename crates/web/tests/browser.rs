//! Browser tests: the pages in headless Chromium (Debian's `chromium` package), driven by
//! playwright-core from npm (`web/node_modules`, installed by `npm ci` in `web/`). Screenshots
//! are kept in `target/tmp/browser/`. Nothing is downloaded: the browser is the system's,
//! and the server listens on an ephemeral loopback port.
//!
//! When Chromium, Node.js or playwright-core is missing, the test fails and says to run
//! `cargo xtask test` (which installs them) or what to install; it never passes without having
//! run.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn chromium() -> PathBuf {
    if let Some(p) = std::env::var_os("CHROMIUM") {
        let p = PathBuf::from(p);
        assert!(p.exists(), "CHROMIUM={} does not exist: point CHROMIUM at a Chromium binary, or unset it and run `cargo xtask test`, which installs Debian's `chromium` and `chromium-driver`", p.display());
        return p;
    }
    for p in ["/usr/bin/chromium", "/usr/bin/chromium-browser"] {
        if Path::new(p).exists() {
            return PathBuf::from(p);
        }
    }
    panic!(
        "the browser tests need Chromium: run `cargo xtask test`, which installs it, or install \
         Debian's packages with `apt-get install -y chromium chromium-driver` (or set \
         CHROMIUM=/path/to/chromium)"
    );
}

#[test]
fn ledger_incident_map_chart_and_hostile_article_in_chromium() {
    let chromium = chromium();
    let web = repo_root().join("web");
    assert!(
        web.join("node_modules/playwright-core").exists(),
        "the browser tests need playwright-core: run `cargo xtask test`, which installs it, \
         or `npm ci` in {}",
        web.display()
    );
    let node = Command::new("node").arg("--version").output();
    assert!(
        node.is_ok_and(|o| o.status.success()),
        "the browser tests need Node.js: run `cargo xtask test`, which installs it, or \
         install Debian's `nodejs` package"
    );

    let server = common::Server::start();
    let articles: serde_json::Value = serde_json::from_str(
        &reqwest::blocking::Client::builder()
            .no_proxy()
            .build()
            .unwrap()
            .get(server.url("/api/articles?limit=100"))
            .send()
            .unwrap()
            .text()
            .unwrap(),
    )
    .unwrap();
    let hostile = articles
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == common::HOSTILE_TITLE)
        .expect("the hostile article is stored")["id"]
        .as_i64()
        .unwrap();

    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&out).unwrap();
    let run = Command::new("node")
        .arg(web.join("tests/browser.mjs"))
        .arg(server.url(""))
        .arg(&out)
        .arg(hostile.to_string())
        .env("CHROMIUM", &chromium)
        .current_dir(&web)
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    println!("{stdout}");
    eprintln!("{stderr}");
    assert!(
        run.status.success(),
        "browser checks failed:\n{stdout}\n{stderr}"
    );
    for shot in [
        "ledger.png",
        "map.png",
        "chart.png",
        "incident.png",
        "hostile-article.png",
        "ledger-1440.png",
        "ledger-390.png",
        "incident-1440.png",
        "incident-390.png",
        "methodology-1440.png",
        "methodology-390.png",
    ] {
        let p = out.join(shot);
        assert!(
            std::fs::metadata(&p).is_ok_and(|m| m.len() > 1000),
            "screenshot {} missing",
            p.display()
        );
    }
    println!("screenshots in {}", out.display());
}
