//! `strikewatch ingest` end to end: every input format, every error path, idempotence,
//! stories, and the acceptance folder of bad inputs.

mod common;

use std::io::Write;

use common::*;

const EN_BODY: &str = "Forces struck a small boat in the southern Caribbean on Friday and killed three people aboard, \
the regional command said in a statement. The command said the crew belonged to a trafficking group and that \
no service members were hurt. Officials in two neighbouring countries asked for the names of the dead.";

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><title>{title}</title><meta property=\"og:site_name\" content=\"Test Ledger\">\
         <meta property=\"article:published_time\" content=\"2025-10-18T09:00:00Z\"></head><body><nav><a href=\"/\">Home</a></nav>\
         <article><h1>{title}</h1><p>{body}</p><p>A second paragraph adds that the vessel sank within minutes and that \
         nobody was rescued by the navy afterwards.</p></article><footer>Copyright Test Ledger</footer></body></html>"
    )
}

#[test]
fn every_format_ingests_and_a_second_run_adds_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let inputs = dir.path().join("in");
    std::fs::create_dir(&inputs).unwrap();
    std::fs::write(
        inputs.join("a.txt"),
        format!("Three killed in Caribbean strike\n\n{EN_BODY}"),
    )
    .unwrap();
    std::fs::write(
        inputs.join("a.meta.json"),
        r#"{"outlet":"Sidecar Wire","published":"2025-10-17","url":"https://s.example/a"}"#,
    )
    .unwrap();
    std::fs::write(inputs.join("b.html"), page("Boat hit near the coast", "The navy destroyed a fast boat near the coast of a Caribbean island, and two people died, officials said on Saturday.")).unwrap();
    std::fs::write(
        inputs.join("c.jsonl"),
        "{\"url\":\"https://j.example/1\",\"outlet\":\"J\",\"published\":\"2025-11-02\",\"lang\":\"es\",\"title\":\"Ataque\",\"text\":\"Un ataque contra una lancha dejó dos muertos en el Pacífico oriental, informó el Comando Sur.\"}\n\
         {\"url\":\"https://j.example/2\",\"outlet\":\"J\",\"published\":null,\"lang\":\"en\",\"title\":\"Vote\",\"text\":\"The Senate voted down a measure that would have limited the campaign.\"}\n",
    )
    .unwrap();
    std::fs::write(
        inputs.join("d.rss"),
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Feed Wire</title>\
         <item><title>Item one</title><link>https://f.example/1</link><pubDate>Mon, 03 Nov 2025 10:00:00 GMT</pubDate>\
         <description>A strike on a boat killed four people in the eastern Pacific, officials said.</description></item>\
         <item><title>Item two</title><link>https://f.example/2</link><pubDate>Tue, 04 Nov 2025 10:00:00 GMT</pubDate>\
         <description>Lawmakers asked the Pentagon for the legal opinion behind the campaign.</description></item></channel></rss>",
    )
    .unwrap();
    std::fs::write(
        inputs.join("e.atom"),
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Atom Wire</title><id>urn:a</id>\
         <updated>2025-11-05T00:00:00Z</updated><entry><title>Entry</title><id>urn:a:1</id><link href=\"https://a.example/1\"/>\
         <updated>2025-11-05T00:00:00Z</updated><content type=\"html\">&lt;p&gt;A carrier group was ordered to the Caribbean.&lt;/p&gt;</content></entry></feed>",
    )
    .unwrap();
    std::fs::write(
        inputs.join("f.json"),
        r#"{"version":"https://jsonfeed.org/version/1.1","title":"JSON Wire","items":[{"id":"1","url":"https://jf.example/1","title":"T","date_published":"2025-12-15T10:00:00Z","content_text":"Three boats were struck in one day in the eastern Pacific and eight people were killed."}]}"#,
    )
    .unwrap();
    let warc = warc_file(&[(
        "https://w.example/1",
        &page(
            "Archived page",
            "An archived report says a strike killed six people on a boat off the coast.",
        ),
    )]);
    std::fs::write(inputs.join("g.warc"), &warc).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(&warc_file(&[(
        "https://w.example/2",
        &page(
            "Gzipped page",
            "A gzipped archive holds a report of a strike that killed two men in the Pacific.",
        ),
    )]))
    .unwrap();
    std::fs::write(inputs.join("h.warc.gz"), gz.finish().unwrap()).unwrap();

    let db = dir.path().join("s.db");
    let r = run(&db, &["ingest", inputs.to_str().unwrap()]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("ingested: 10 new articles"),
        "{}",
        r.stdout
    );
    let arts = articles(&db);
    assert_eq!(arts.len(), 10);
    let by_url = |u: &str| {
        arts.iter()
            .find(|a| a["url"] == u)
            .unwrap_or_else(|| panic!("no {u} in {arts:?}"))
            .clone()
    };
    // text with sidecar metadata
    let a = by_url("https://s.example/a");
    assert_eq!(
        (a["outlet"].as_str(), a["published"].as_str()),
        (Some("Sidecar Wire"), Some("2025-10-17"))
    );
    assert_eq!(a["title"], "Three killed in Caribbean strike");
    // HTML metadata from the page
    let b = arts
        .iter()
        .find(|a| a["title"] == "Boat hit near the coast")
        .unwrap();
    assert_eq!(
        (b["outlet"].as_str(), b["published"].as_str()),
        (Some("Test Ledger"), Some("2025-10-18"))
    );
    // JSONL, declared language kept
    assert_eq!(by_url("https://j.example/1")["lang"], "es");
    // feeds
    assert_eq!(by_url("https://f.example/2")["outlet"], "Feed Wire");
    assert_eq!(by_url("https://a.example/1")["published"], "2025-11-05");
    assert_eq!(by_url("https://jf.example/1")["outlet"], "JSON Wire");
    // WARC records keep their target URI
    let w = by_url("https://w.example/1");
    assert!(w["input"].as_str().unwrap().ends_with("g.warc#1"), "{w}");
    by_url("https://w.example/2");
    // show --json gives the stored text
    let shown = json(&db, &["show", &a["id"].to_string(), "--json"]);
    assert!(shown["text"]
        .as_str()
        .unwrap()
        .contains("killed three people aboard"));

    // idempotent
    let again = run(&db, &["ingest", inputs.to_str().unwrap()]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stdout.contains("ingested: 0 new articles"),
        "{}",
        again.stdout
    );
    assert_eq!(articles(&db).len(), 10);
}

/// A WARC/1.0 file with a warcinfo record and one HTML response record per page.
pub fn warc_file(pages: &[(&str, &str)]) -> Vec<u8> {
    let mut out = Vec::new();
    let record = |out: &mut Vec<u8>, kind: &str, uri: Option<&str>, ctype: &str, block: &[u8]| {
        out.extend_from_slice(b"WARC/1.0\r\n");
        out.extend_from_slice(format!("WARC-Type: {kind}\r\n").as_bytes());
        out.extend_from_slice(b"WARC-Date: 2025-11-20T10:00:00Z\r\n");
        out.extend_from_slice(
            format!(
                "WARC-Record-ID: <urn:uuid:{:08x}-0000-0000-0000-000000000000>\r\n",
                out.len()
            )
            .as_bytes(),
        );
        if let Some(u) = uri {
            out.extend_from_slice(format!("WARC-Target-URI: {u}\r\n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "Content-Type: {ctype}\r\nContent-Length: {}\r\n\r\n",
                block.len()
            )
            .as_bytes(),
        );
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
    };
    record(
        &mut out,
        "warcinfo",
        None,
        "application/warc-fields",
        b"software: strikewatch-tests\r\n",
    );
    for (uri, html) in pages {
        let block =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
        record(
            &mut out,
            "response",
            Some(uri),
            "application/http; msgtype=response",
            block.as_bytes(),
        );
    }
    out
}

#[test]
fn bad_inputs_get_one_line_each_and_the_batch_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad");
    std::fs::create_dir(&bad).unwrap();
    // a binary file named .html
    std::fs::write(
        bad.join("binary.html"),
        [
            0x89u8, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, b'I', b'H',
        ],
    )
    .unwrap();
    // a truncated .warc.gz: one gzip member per record (as archives are written), cut in the
    // middle of the second member
    let member = |pages: &[(&str, &str)]| {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(&warc_file(pages)).unwrap();
        gz.finish().unwrap()
    };
    let first = member(&[(
        "https://t.example/1",
        &page(
            "Kept record",
            "The first record is whole and reports a strike that killed five people at sea.",
        ),
    )]);
    let varied: String = (0..400)
        .map(|i| format!("Line {i} of a record that will be cut off. "))
        .collect();
    let second = member(&[("https://t.example/2", &page("Lost record", &varied))]);
    let mut truncated = first.clone();
    truncated.extend_from_slice(&second[..second.len() / 2]);
    std::fs::write(bad.join("truncated.warc.gz"), &truncated).unwrap();
    // a malformed feed
    std::fs::write(
        bad.join("broken.rss"),
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Cut</title><item><title>half",
    )
    .unwrap();
    // an entity-expansion bomb
    let mut bomb = String::from("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_string()
        } else {
            format!("lol{}", i - 1)
        };
        bomb.push_str(&format!(
            "<!ENTITY lol{i} \"{}\">",
            format!("&{prev};").repeat(10)
        ));
    }
    bomb.push_str("]><rss version=\"2.0\"><channel><title>&lol9;</title><item><title>x</title><description>&lol9;</description></item></channel></rss>");
    std::fs::write(bad.join("bomb.xml"), bomb).unwrap();
    // an empty file
    std::fs::write(bad.join("empty.txt"), "").unwrap();
    // JSONL with one line that is not JSON between two good lines
    std::fs::write(
        bad.join("mixed.jsonl"),
        "{\"url\":\"https://m.example/1\",\"text\":\"The first good line reports a strike that killed two.\"}\n\
         this line is not json\n\
         {\"url\":\"https://m.example/3\",\"text\":\"The third line is good as well and names no strike.\"}\n",
    )
    .unwrap();
    // a page nested 100,000 divs deep
    std::fs::write(
        bad.join("deep.html"),
        format!(
            "<html><body>{}deep{}</body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        ),
    )
    .unwrap();
    // a 50 MB single-line text file
    let big = std::fs::File::create(bad.join("huge.txt")).unwrap();
    let mut w = std::io::BufWriter::new(big);
    for _ in 0..(50 * 1024 * 1024 / 64) {
        w.write_all(b"word word word word word word word word word word word word word ")
            .unwrap();
    }
    drop(w);
    // a Latin-1 page that declares its charset (good input)
    let mut latin = b"<html><head><meta charset=\"iso-8859-1\"><title>Ataque en el Pac\xedfico</title></head><body><article><p>".to_vec();
    latin.extend_from_slice(b"Un ataque contra una embarcaci\xf3n en el Pac\xedfico oriental dej\xf3 tres muertos, seg\xfan el Comando Sur, que no dio m\xe1s detalles sobre la operaci\xf3n ni sobre los tripulantes.");
    latin.extend_from_slice(b"</p></article></body></html>");
    std::fs::write(bad.join("latin1.html"), latin).unwrap();

    let db = dir.path().join("s.db");
    let r = run(&db, &["ingest", bad.to_str().unwrap()]);
    assert_eq!(
        r.code, 1,
        "exit status must be 1 when anything failed\n{}",
        r.stderr
    );
    let errors = error_lines(&r.stderr);
    let expect = [
        ("binary.html", "binary content"),
        ("truncated.warc.gz", "truncated"),
        ("broken.rss", "malformed feed"),
        ("bomb.xml", "entity declarations are refused"),
        ("empty.txt", "empty input"),
        ("mixed.jsonl:2", "not JSON"),
        ("deep.html", "nested more than"),
        ("huge.txt", "over the"),
    ];
    for (name, what) in expect {
        let hits: Vec<_> = errors.iter().filter(|l| l.contains(name)).collect();
        assert_eq!(
            hits.len(),
            1,
            "expected one error line for {name}, got {hits:?}\n{}",
            r.stderr
        );
        assert!(
            hits[0].contains(what),
            "error for {name} should say {what:?}: {}",
            hits[0]
        );
    }
    assert_eq!(errors.len(), expect.len(), "{}", r.stderr);
    // every good input is stored
    let arts = articles(&db);
    let urls: Vec<&str> = arts.iter().filter_map(|a| a["url"].as_str()).collect();
    assert!(
        urls.contains(&"https://m.example/1") && urls.contains(&"https://m.example/3"),
        "{urls:?}"
    );
    assert!(
        urls.contains(&"https://t.example/1"),
        "the record before the cut is kept: {urls:?}"
    );
    let latin = arts
        .iter()
        .find(|a| a["title"] == "Ataque en el Pacífico")
        .expect("latin-1 page stored with its title decoded");
    let text = json(&db, &["show", &latin["id"].to_string(), "--json"]);
    assert!(
        text["text"]
            .as_str()
            .unwrap()
            .contains("embarcación en el Pacífico oriental dejó tres muertos"),
        "{text}"
    );
    // failed inputs are kept with their errors
    let failures = json(&db, &["failures", "--json"]);
    assert_eq!(
        failures.as_array().unwrap().len(),
        expect.len(),
        "{failures}"
    );
}

#[test]
fn standard_input_with_metadata_flags() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let r = run_with_stdin(
        &db,
        &[
            "ingest",
            "-",
            "--url",
            "https://stdin.example/x",
            "--outlet",
            "Pipe News",
            "--published",
            "2025-12-01",
            "--lang",
            "en",
            "--title",
            "Piped",
        ],
        Some(EN_BODY.as_bytes()),
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let a = &articles(&db)[0];
    assert_eq!(a["outlet"], "Pipe News");
    assert_eq!(a["published"], "2025-12-01");
    assert_eq!(a["published_basis"], "metadata");
    assert_eq!(a["title"], "Piped");
    let bad = run(&db, &["ingest", "-", "--published", "yesterday"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.stderr
            .contains("--published \"yesterday\" is not a date"),
        "{}",
        bad.stderr
    );
}

#[test]
fn forced_format_and_json_summary() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("page.dat");
    std::fs::write(
        &f,
        page(
            "Forced",
            "Forced format reading works on a page with an odd file name and a toll of seven.",
        ),
    )
    .unwrap();
    let db = dir.path().join("s.db");
    let r = run(
        &db,
        &["ingest", "--format", "html", "--json", f.to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["summary"]["new"], 1);
    assert_eq!(v["store"]["articles"], 1);
    assert_eq!(articles(&db)[0]["title"], "Forced");
}

#[test]
fn dateline_gives_a_publication_date_when_metadata_has_none() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("d.txt");
    std::fs::write(&f, "Headline here\n\nGUACAMAYA, October 23, 2025. Fishermen said a boat was destroyed offshore.").unwrap();
    let db = dir.path().join("s.db");
    assert_eq!(run(&db, &["ingest", f.to_str().unwrap()]).code, 0);
    let a = &articles(&db)[0];
    assert_eq!(
        (a["published"].as_str(), a["published_basis"].as_str()),
        (Some("2025-10-23"), Some("dateline"))
    );
}

#[test]
fn copies_share_a_story_and_keep_their_own_url_and_outlet() {
    let dir = tempfile::tempdir().unwrap();
    let body = format!("{EN_BODY} A spokesman declined to say how the crew had been identified. Relatives in a fishing town said \
        the men had left port two days earlier and had not been heard from since.");
    let lines = [
        serde_json::json!({"url": "https://one.example/a", "outlet": "One", "text": body}),
        serde_json::json!({"url": "https://two.example/b", "outlet": "Two", "text": body}),
        serde_json::json!({"url": "https://three.example/c", "outlet": "Three", "text": format!("{body} The outlet could not confirm it.")}),
        serde_json::json!({"url": "https://four.example/d", "outlet": "Four", "text": "An unrelated report about a court hearing on the legality of the campaign, which was adjourned until next month."}),
    ];
    let f = dir.path().join("copies.jsonl");
    std::fs::write(
        &f,
        lines
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
    )
    .unwrap();
    let db = dir.path().join("s.db");
    let r = run(&db, &["ingest", f.to_str().unwrap()]);
    assert!(
        r.stdout.contains("(2 copies of stories already held)"),
        "{}",
        r.stdout
    );
    let arts = articles(&db);
    let story = |o: &str| {
        arts.iter().find(|a| a["outlet"] == o).unwrap()["story"]
            .as_i64()
            .unwrap()
    };
    assert_eq!(story("One"), story("Two"));
    assert_eq!(story("One"), story("Three"));
    assert_ne!(story("One"), story("Four"));
    assert_eq!(json(&db, &["status", "--json"])["stories"], 2);
}

#[test]
fn help_explains_and_errors_name_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("s.db");
    let h = run(&db, &["ingest", "--help"]);
    assert_eq!(h.code, 0);
    assert!(
        h.stdout.contains("Raw input is stored before it is parsed"),
        "{}",
        h.stdout
    );
    let missing = run(&db, &["ingest", "/definitely/not/here.txt"]);
    assert_eq!(missing.code, 1);
    assert_eq!(
        error_lines(&missing.stderr),
        vec!["error: /definitely/not/here.txt: no such file or folder"]
    );
    let none = run(&db, &["show", "999"]);
    assert_eq!(none.code, 1);
    assert!(
        none.stderr.contains("no article with id 999"),
        "{}",
        none.stderr
    );
    // --db after the subcommand works too
    let after = std::process::Command::new(bin())
        .args(["status", "--json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(after.status.success());
}
