//! Quality regression guard: the evaluation suite from the real lists, at the default
//! threshold, must stay at or above the figures the README reports.
//!
//! Data is read in place from `INTERDICT_DATA` (default `../shared/data`); without it the
//! test skips, except under CI (`CI=true`) where absence fails.

use std::path::PathBuf;

use interdict::eval::{self, CaseKind};
use interdict::limits::DEFAULT_THRESHOLD;
use interdict::screen::Screener;

fn data_root() -> Option<PathBuf> {
    let root = std::env::var_os("INTERDICT_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data")));
    if root.join("lists").is_dir() {
        return Some(root);
    }
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("shared data missing at {} under CI", root.display());
    }
    eprintln!(
        "skipping: shared data not found at {} (set INTERDICT_DATA)",
        root.display()
    );
    None
}

#[test]
fn evaluation_meets_the_reported_figures() {
    let Some(root) = data_root() else { return };
    let suite = eval::build_suite(&root, 7).expect("suite builds from the real lists");
    let reference = Screener::new(suite.reference.clone()).expect("reference index");
    let latin = Screener::new(suite.latin_only.clone()).expect("latin-only index");
    let report = eval::run_suite(
        &suite.cases,
        eval::screener_fn(&reference, 10),
        eval::screener_fn(&latin, 10),
        DEFAULT_THRESHOLD,
        &eval::DEFAULT_SWEEP,
    );
    println!("{report}");
    let recall = |kind: CaseKind| {
        report
            .kinds
            .iter()
            .find(|r| r.kind == kind)
            .and_then(|r| r.recall)
            .expect("kind present")
    };
    let category = |name: &str| {
        report
            .categories
            .iter()
            .find(|r| r.category == name)
            .and_then(|r| r.recall)
            .expect("category present")
    };
    assert!(
        recall(CaseKind::Exact) >= 0.999,
        "exact {}",
        recall(CaseKind::Exact)
    );
    assert!(
        recall(CaseKind::Minor) >= 0.99,
        "minor {}",
        recall(CaseKind::Minor)
    );
    assert!(
        recall(CaseKind::Major) >= 0.95,
        "major {}",
        recall(CaseKind::Major)
    );
    assert!(
        category("cross-script/cyrillic") >= 0.85,
        "cyrillic {}",
        category("cross-script/cyrillic")
    );
    let fpr = report
        .kinds
        .iter()
        .find(|r| r.kind == CaseKind::Negative)
        .and_then(|r| r.fpr)
        .expect("negatives present");
    assert!(fpr <= 0.01, "false-positive rate {fpr}");
}
