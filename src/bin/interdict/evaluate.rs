//! `interdict eval`: recall per kind of variation and false-positive rate, on queries built
//! from the real lists; optionally the brute-force comparison and a query file for
//! throughput runs.

use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Args;
use interdict::eval::{self, CaseKind};
use interdict::screen::{Query, ScreenOptions, Screener};

#[derive(Args)]
pub struct EvalArgs {
    /// The shared data folder (default: $INTERDICT_DATA, else ../shared/data).
    #[arg(long)]
    data: Option<PathBuf>,
    /// Threshold the report is given at.
    #[arg(long, default_value_t = interdict::limits::DEFAULT_THRESHOLD)]
    threshold: f64,
    /// Seed of the case sampler (same seed, same cases).
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Print example misses per category.
    #[arg(long)]
    misses: bool,
    /// Also write every query as CSV (`id,name`) for `interdict batch` throughput runs.
    #[arg(long, value_name = "FILE")]
    write_queries: Option<PathBuf>,
    /// Also compare the index with brute force (every name scored) on this many cases.
    #[arg(long, value_name = "N")]
    brute_force: Option<usize>,
}

pub fn data_root(arg: Option<PathBuf>) -> PathBuf {
    arg.or_else(|| std::env::var_os("INTERDICT_DATA").map(PathBuf::from))
        .unwrap_or_else(|| PathBuf::from("../shared/data"))
}

pub fn run(args: EvalArgs) -> Result<()> {
    let root = data_root(args.data.clone());
    let started = Instant::now();
    let suite = eval::build_suite(&root, args.seed).with_context(|| {
        format!(
            "building the evaluation suite from {} (set --data or INTERDICT_DATA)",
            root.display()
        )
    })?;
    eprintln!(
        "suite: {} cases from {} entities in {:.1}s",
        suite.cases.len(),
        suite.reference.len(),
        started.elapsed().as_secs_f64()
    );
    for l in &suite.lists {
        eprintln!(
            "  {:<10} {:>6} entities {:>6} names {:>5} native-script",
            l.list, l.entities, l.names, l.native_names
        );
    }
    let t = Instant::now();
    let reference =
        Screener::new(suite.reference.clone()).context("indexing the reference lists")?;
    let build_secs = t.elapsed().as_secs_f64();
    let latin = Screener::new(suite.latin_only.clone()).context("indexing the Latin-only lists")?;
    eprintln!(
        "index: {} names, {} terms, built in {:.3}s",
        reference.index().name_count(),
        reference.index().term_count(),
        build_secs
    );

    if let Some(path) = &args.write_queries {
        let mut w = csv::Writer::from_path(path)
            .with_context(|| format!("cannot write {}", path.display()))?;
        w.write_record(["id", "name"])?;
        for (i, c) in suite.cases.iter().enumerate() {
            w.write_record([format!("{}:{i}", c.category), c.query.clone()])?;
        }
        w.flush()?;
        eprintln!("wrote {} queries to {}", suite.cases.len(), path.display());
    }

    let t = Instant::now();
    let report = eval::run_suite(
        &suite.cases,
        eval::screener_fn(&reference, 10),
        eval::screener_fn(&latin, 10),
        args.threshold,
        &eval::DEFAULT_SWEEP,
    );
    let secs = t.elapsed().as_secs_f64();
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write!(out, "{report}")?;
        if args.misses {
            for (cat, misses) in &report.misses {
                writeln!(out, "\nmisses in {cat}:")?;
                for m in misses {
                    writeln!(
                        out,
                        "  {:?} (from {:?}) expected {:?} at {:?}; best {:?}",
                        m.query, m.source_name, m.expected, m.expected_score, m.best
                    )?;
                }
            }
        }
    }
    eprintln!(
        "screened {} queries in {:.2}s on {} threads ({:.0} queries/s)",
        suite.cases.len(),
        secs,
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1),
        suite.cases.len() as f64 / secs
    );

    if let Some(n) = args.brute_force {
        brute_force(&reference, &suite.cases, n, args.threshold, &mut out)?;
    }
    Ok(())
}

/// Screens `n` positive cases three ways on one thread: through the index; by scoring every
/// indexed name with the same scorer (what candidate generation could lose); and by a naive
/// string brute force (Jaro-Winkler of the normalised query against every normalised name,
/// what an engineer writes in an afternoon), with time per query and recall of each.
fn brute_force(
    s: &Screener,
    cases: &[eval::Case],
    n: usize,
    threshold: f64,
    out: &mut impl Write,
) -> Result<()> {
    let sample: Vec<&eval::Case> = cases
        .iter()
        .filter(|c| c.kind != CaseKind::Negative && c.kind != CaseKind::CrossScript)
        .step_by(7)
        .take(n)
        .collect();
    let options = ScreenOptions {
        threshold,
        limit: 10,
    };
    let found = |hits: &[interdict::screen::Hit], c: &eval::Case| {
        hits.iter().any(|h| c.expected.contains(&h.entity_id))
    };
    let (mut idx_found, mut ex_found, mut naive_found, mut same_top) =
        (0usize, 0usize, 0usize, 0usize);
    let (mut idx_time, mut ex_time, mut naive_time) = (0f64, 0f64, 0f64);
    // The naive baseline's own "index": every name normalised once.
    let names: Vec<(usize, String)> = s
        .entities()
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            e.names
                .iter()
                .map(move |n| (i, interdict::normalize::normalize_text(&n.value)))
        })
        .collect();
    for c in &sample {
        let q = Query::new(&c.query);
        let t = Instant::now();
        let a = s.screen(&q, &options);
        idx_time += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let b = s.screen_exhaustive(&q, &options);
        ex_time += t.elapsed().as_secs_f64();
        let t = Instant::now();
        let nq = interdict::normalize::normalize_text(&c.query);
        let mut best: Vec<(f64, usize)> = names
            .iter()
            .map(|(e, n)| (strsim::jaro_winkler(&nq, n), *e))
            .filter(|(score, _)| *score >= NAIVE_THRESHOLD)
            .collect();
        best.sort_by(|x, y| y.0.total_cmp(&x.0));
        best.truncate(10);
        naive_time += t.elapsed().as_secs_f64();
        idx_found += found(&a, c) as usize;
        ex_found += found(&b, c) as usize;
        naive_found +=
            best.iter()
                .any(|(_, e)| c.expected.contains(&s.entities()[*e].id)) as usize;
        same_top += (a.first().map(|h| &h.entity_id) == b.first().map(|h| &h.entity_id)) as usize;
    }
    let k = sample.len().max(1) as f64;
    writeln!(out, "\nindex vs brute force on {} positive cases, {} names (one thread, threshold {threshold:.2}):", sample.len(), names.len())?;
    writeln!(
        out,
        "  index:                       {:>9.1} µs/query, recall {:.1}%",
        idx_time / k * 1e6,
        idx_found as f64 / k * 100.0
    )?;
    writeln!(
        out,
        "  every name, same scorer:     {:>9.1} µs/query, recall {:.1}%, same top hit {:.1}%",
        ex_time / k * 1e6,
        ex_found as f64 / k * 100.0,
        same_top as f64 / k * 100.0
    )?;
    writeln!(
        out,
        "  naive Jaro-Winkler (≥ {NAIVE_THRESHOLD}): {:>9.1} µs/query, recall {:.1}%",
        naive_time / k * 1e6,
        naive_found as f64 / k * 100.0
    )?;
    writeln!(
        out,
        "  index speed-up: ×{:.0} over every-name scoring, ×{:.0} over the naive brute force",
        ex_time / idx_time.max(1e-12),
        naive_time / idx_time.max(1e-12)
    )?;
    Ok(())
}

/// Jaro-Winkler threshold of the naive baseline.
const NAIVE_THRESHOLD: f64 = 0.9;
