// Shared by the targets (included with `include!`).
#[allow(dead_code)]
fn unit(format: sw_model::Format, data: &[u8]) -> sw_ingest::Unit {
    sw_ingest::Unit {
        locator: "fuzz".into(),
        format,
        bytes: data.to_vec(),
        meta: sw_ingest::UnitMeta::default(),
    }
}

/// Parses and prepares, as the pipeline does; checks the stored-text invariants.
#[allow(dead_code)]
fn parse_and_prepare(u: &sw_ingest::Unit) {
    static PREP: std::sync::OnceLock<sw_text::Preparer> = std::sync::OnceLock::new();
    let prep = PREP.get_or_init(sw_text::Preparer::new);
    if let Ok(parsed) = sw_ingest::parse(u, &sw_ingest::Limits::default()) {
        for doc in parsed.documents {
            let (article, _) = prep.prepare(doc, chrono::NaiveDate::from_ymd_opt(2026, 1, 1));
            let _ = article;
        }
    }
}

/// Walks `data` written to a file with extension `ext` (the readers that split files into
/// units: JSONL lines, WARC records), then parses every unit.
#[allow(dead_code)]
fn walk_file(ext: &str, data: &[u8]) {
    let path = std::env::temp_dir().join(format!("sw-fuzz-{}.{ext}", std::process::id()));
    std::fs::write(&path, data).unwrap();
    let opts = sw_ingest::Options::default();
    let mut units = Vec::new();
    sw_ingest::walk(
        &[path.to_string_lossy().into_owned()],
        &opts,
        None,
        &mut |item| {
            if let sw_ingest::Item::Unit(u) = item {
                units.push(u);
            }
        },
    );
    for u in &units {
        parse_and_prepare(u);
    }
}
