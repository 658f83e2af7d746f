//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

/// The real-data folder (`INTERDICT_DATA`, default `<manifest>/../shared/data`), or `None`
/// when it is absent: the caller skips with a printed message. Under `CI=true` an absent
/// folder is a failure, not a skip.
pub fn data_dir(what: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("INTERDICT_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    if dir.is_dir() {
        return Some(dir);
    }
    let msg = format!(
        "real data not found at {} (set INTERDICT_DATA); needed for {what}",
        dir.display()
    );
    if std::env::var("CI").map(|v| v == "true").unwrap_or(false) {
        panic!("{msg}");
    }
    eprintln!("skipping: {msg}");
    None
}

/// Like [`data_dir`] but for one file or folder inside it: missing is a skip (or a CI failure).
pub fn data_path(rel: &str, what: &str) -> Option<PathBuf> {
    let dir = data_dir(what)?;
    let p = dir.join(rel);
    if p.exists() {
        return Some(p);
    }
    let msg = format!("{} not found; needed for {what}", p.display());
    if std::env::var("CI").map(|v| v == "true").unwrap_or(false) {
        panic!("{msg}");
    }
    eprintln!("skipping: {msg}");
    None
}
