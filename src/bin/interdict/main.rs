//! The `interdict` command: a thin layer over the library.
//!
//! Parses arguments, loads lists through `interdict::sources`, and hands off to the
//! library; output formatting and the batch runner live in the sibling modules.

mod batch;
mod evaluate;
mod render;

use std::io::Write;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::{Args, Parser, Subcommand};
use interdict::limits;
use interdict::screen::{Query, ScreenOptions, Screener};
use interdict::sources::{self, ListSpec};

/// Sanctions screening: find listed parties however their names are spelled or scripted.
#[derive(Parser)]
#[command(name = "interdict", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Screen one name and print ranked hits with explanations.
    Screen(ScreenArgs),
    /// Screen every record of a CSV or JSON Lines file; one output line per input record.
    Batch(batch::BatchArgs),
    /// Measure recall and false positives on queries built from the real lists.
    Eval(evaluate::EvalArgs),
}

/// Which lists to screen against.
#[derive(Args, Clone)]
pub struct ListArgs {
    /// A list to screen against: `seed` (the built-in list, the default) or KIND=PATH with
    /// KIND one of csv, ofac-csv, uk-csv, un-xml, csl-csv. Repeat for several lists.
    #[arg(long = "list", value_name = "SPEC")]
    pub lists: Vec<ListSpec>,
}

/// Threshold and limit.
#[derive(Args, Clone, Copy)]
pub struct MatchArgs {
    /// Minimum score of a hit, 0..=1.
    #[arg(long, default_value_t = limits::DEFAULT_THRESHOLD, value_parser = parse_threshold)]
    pub threshold: f64,
    /// Maximum hits per name.
    #[arg(long, default_value_t = limits::DEFAULT_LIMIT)]
    pub limit: usize,
}

impl MatchArgs {
    fn options(&self) -> ScreenOptions {
        ScreenOptions {
            threshold: self.threshold,
            limit: self.limit,
        }
    }
}

fn parse_threshold(s: &str) -> Result<f64, String> {
    let v: f64 = s.parse().map_err(|_| format!("`{s}` is not a number"))?;
    if (0.0..=1.0).contains(&v) {
        Ok(v)
    } else {
        Err(format!("threshold must be between 0 and 1, got {v}"))
    }
}

#[derive(Args)]
struct ScreenArgs {
    #[command(flatten)]
    lists: ListArgs,
    #[command(flatten)]
    matching: MatchArgs,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// The kind of party: person, organization, vessel, aircraft.
    #[arg(long = "type", value_name = "KIND", value_parser = parse_kind)]
    kind: Option<interdict::model::EntityKind>,
    /// The party's country (ISO code or English name).
    #[arg(long)]
    country: Option<String>,
    /// The name to screen.
    name: String,
}

fn parse_kind(s: &str) -> Result<interdict::model::EntityKind, String> {
    interdict::model::EntityKind::parse(s).ok_or_else(|| {
        format!("unknown type `{s}`: expected person, organization, vessel or aircraft")
    })
}

/// Loads the lists named on the command line (the built-in list when none) into a screener.
pub fn build_screener(lists: &ListArgs, quiet: bool) -> Result<Screener> {
    let specs = if lists.lists.is_empty() {
        vec![ListSpec::Seed]
    } else {
        lists.lists.clone()
    };
    let started = Instant::now();
    let mut builder = Screener::builder();
    let mut total = 0usize;
    for spec in &specs {
        let loaded = sources::load(spec).with_context(|| format!("loading list {spec}"))?;
        if !quiet {
            for w in loaded.warnings.iter().take(5) {
                eprintln!("warning: {spec}: {w}");
            }
            if loaded.warnings.len() > 5 {
                eprintln!(
                    "warning: {spec}: … and {} more warnings",
                    loaded.warnings.len() - 5
                );
            }
        }
        total += loaded.entities.len();
        builder = builder.add_list(loaded.entities);
    }
    let screener = builder.build().context("building the index")?;
    if !quiet {
        eprintln!(
            "loaded {total} entities, {} names from {} list(s) in {:.2}s",
            screener.index().name_count(),
            specs.len(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(screener)
}

fn main() {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Screen(args) => screen(args),
        Command::Batch(args) => batch::run(args),
        Command::Eval(args) => evaluate::run(args),
    };
    if let Err(err) = result {
        eprintln!("error: {err:#}");
        std::process::exit(1);
    }
}

fn screen(args: ScreenArgs) -> Result<()> {
    let screener = build_screener(&args.lists, args.json)?;
    let mut query = Query::new(&args.name);
    query.kind = args.kind;
    query.country = args.country.clone();
    let hits = screener.screen(&query, &args.matching.options());
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(
            &mut out,
            &serde_json::json!({ "name": args.name, "hits": hits }),
        )?;
        writeln!(out)?;
    } else {
        render::table(&mut out, &args.name, &hits, args.matching.threshold)?;
    }
    Ok(())
}
