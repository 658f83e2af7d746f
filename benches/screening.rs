//! Criterion benches of the hot path against the combined real lists.
//!
//! Data is read in place from `INTERDICT_DATA` (default `../shared/data`).
//! Run: `cargo bench --bench screening` (about two minutes).

use std::path::PathBuf;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use interdict::screen::{Query, ScreenOptions, Screener};
use interdict::sources::{self, ListSpec};

fn data_root() -> PathBuf {
    std::env::var_os("INTERDICT_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data")))
}

/// The combined real lists of the benches and the throughput figure (OFAC's non-SDN list
/// shares entry numbers with the SDN list, so it is left out of the combination).
pub fn combined_specs(root: &std::path::Path) -> Vec<ListSpec> {
    let l = root.join("lists");
    vec![
        ListSpec::Seed,
        format!("ofac-csv={}", l.join("ofac/sdn-2024-05").display())
            .parse()
            .unwrap(),
        format!("uk-csv={}", l.join("uk/ofsi-2025-04/ConList.csv").display())
            .parse()
            .unwrap(),
        format!(
            "un-xml={}",
            l.join("un/2026-02/UN_consolidated.xml").display()
        )
        .parse()
        .unwrap(),
        format!(
            "csl-csv={}",
            l.join("us-csl/2022-05/consolidated.csv.gz").display()
        )
        .parse()
        .unwrap(),
    ]
}

const QUERIES: &[&str] = &[
    "Hangzhou Hikvision Digital Technology Co., Ltd.",
    "Wuhan Tongshen Technology",
    "Dmitri Khoroshev",
    "ООО Ромашка",
    "海康威视",
    "Acme Widgets International Trading LLC",
    "Mohammed Al Hassan",
    "Rosneft Oil Company",
];

fn benches(c: &mut Criterion) {
    let root = data_root();
    let mut entities = Vec::new();
    for spec in combined_specs(&root) {
        match sources::load(&spec) {
            Ok(l) => entities.extend(l.entities),
            Err(e) => {
                eprintln!("skipping benches: cannot load {spec}: {e} (set INTERDICT_DATA)");
                return;
            }
        }
    }
    let mut g = c.benchmark_group("normalize");
    g.measurement_time(Duration::from_secs(3));
    for q in [
        "Hangzhou Hikvision Digital Technology Co., Ltd.",
        "Дмитрий Юрьевич Хорошев",
        "杭州海康威视数字技术股份有限公司",
    ] {
        g.bench_with_input(BenchmarkId::from_parameter(q), q, |b, q| {
            b.iter(|| interdict::normalize::analyze(q))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("index");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(8));
    g.bench_function("build_combined", |b| {
        b.iter(|| Screener::new(entities.clone()).unwrap())
    });
    g.finish();

    let screener = Screener::new(entities).unwrap();
    let options = ScreenOptions::default();
    let mut g = c.benchmark_group("candidates");
    g.measurement_time(Duration::from_secs(3));
    for q in QUERIES {
        g.bench_with_input(BenchmarkId::from_parameter(q), q, |b, q| {
            b.iter(|| screener.candidate_count(q, options.threshold))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("screen");
    g.measurement_time(Duration::from_secs(3));
    for q in QUERIES {
        let query = Query::new(*q);
        g.bench_with_input(BenchmarkId::from_parameter(q), &query, |b, q| {
            b.iter(|| screener.screen(q, &options))
        });
    }
    g.finish();

    let mut g = c.benchmark_group("brute_force");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(5));
    let query = Query::new(QUERIES[1]);
    g.bench_function("exhaustive_one_query", |b| {
        b.iter(|| screener.screen_exhaustive(&query, &options))
    });
    g.finish();
}

criterion_group!(screening, benches);
criterion_main!(screening);
