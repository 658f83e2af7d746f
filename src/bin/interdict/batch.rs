//! `interdict batch`: screen every record of a file, one output line per input record, in
//! input order, in parallel, resumable.

use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, BufWriter, IsTerminal, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{bail, Context, Result};
use clap::{Args, ValueEnum};
use interdict::model::EntityKind;
use interdict::screen::{Hit, Query, ScreenOptions, Screener};
use rayon::prelude::*;
use serde::Serialize;

use crate::{build_screener, ListArgs, MatchArgs};

/// Records screened per parallel step; output is written after each step, in order.
const CHUNK: usize = 4096;

#[derive(Args)]
pub struct BatchArgs {
    #[command(flatten)]
    lists: ListArgs,
    #[command(flatten)]
    matching: MatchArgs,
    /// Input file: CSV with a header (`name` required; `id`, `type`, `country` optional) or
    /// JSON Lines with the same keys. `-` reads standard input.
    #[arg(long)]
    input: PathBuf,
    /// Input format; detected from the extension or the first byte when not given.
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// Output file (standard output when not given).
    #[arg(long)]
    output: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Jsonl)]
    format: OutputFormat,
    /// Worker threads (all cores when not given).
    #[arg(long)]
    threads: Option<usize>,
    /// Continue an interrupted run: keep the complete records already in --output and
    /// screen only the input records after them.
    #[arg(long, requires = "output")]
    resume: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    Csv,
    Jsonl,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Jsonl,
    Csv,
}

/// One input record, or why it cannot be screened.
struct Record {
    row: u64,
    id: Option<String>,
    name: Option<String>,
    kind: Option<EntityKind>,
    country: Option<String>,
    error: Option<String>,
}

#[derive(Serialize)]
struct OutRecord<'a> {
    id: Option<&'a str>,
    name: Option<&'a str>,
    hits: Vec<Hit>,
    error: Option<&'a str>,
    row: u64,
}

pub fn run(args: BatchArgs) -> Result<()> {
    if let Some(0) = args.threads {
        bail!("--threads must be at least 1");
    }
    let screener = build_screener(&args.lists, false)?;
    let options = args.matching.options();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("starting worker threads")?;

    let format = match args.input_format {
        Some(f) => f,
        None => detect_format(&args.input)?,
    };
    let input: Box<dyn Read> = if args.input.as_os_str() == "-" {
        Box::new(io::stdin().lock())
    } else {
        Box::new(File::open(&args.input).with_context(|| {
            format!(
                "cannot open input {} (give an existing CSV or JSON Lines file, or - for stdin)",
                args.input.display()
            )
        })?)
    };
    let mut records = RecordReader::new(input, format, &args.input)?;

    let mut skip = 0u64;
    let out: Box<dyn Write> = match &args.output {
        Some(path) if args.resume && path.exists() => {
            let (kept, end) = complete_records(path, args.format)?;
            let mut f = OpenOptions::new().read(true).write(true).open(path)?;
            f.set_len(end)?;
            f.seek(SeekFrom::End(0))?;
            skip = kept;
            eprintln!(
                "resuming after {kept} complete records already in {}",
                path.display()
            );
            Box::new(f)
        }
        Some(path) => Box::new(
            File::create(path)
                .with_context(|| format!("cannot create output {}", path.display()))?,
        ),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 20, out);
    let csv_output = args.format == OutputFormat::Csv;
    if csv_output && skip == 0 {
        let mut w = csv_writer();
        w.write_record(CSV_HEADER)?;
        out.write_all(&w.into_inner()?)?;
    }

    let progress = if io::stderr().is_terminal() {
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {pos} rows screened ({per_sec}) {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        Some(pb)
    } else {
        None
    };

    let started = Instant::now();
    let (mut rows, mut with_hits, mut errors, mut skipped) = (0u64, 0u64, 0u64, 0u64);
    let mut chunk: Vec<Record> = Vec::with_capacity(CHUNK);
    loop {
        chunk.clear();
        while chunk.len() < CHUNK {
            match records.next_record()? {
                Some(r) if skipped < skip => {
                    let _ = r;
                    skipped += 1;
                }
                Some(r) => chunk.push(r),
                None => break,
            }
        }
        if chunk.is_empty() {
            break;
        }
        let mut csv_out = csv_output.then(csv_writer);
        let results: Vec<Vec<Hit>> = pool.install(|| {
            chunk
                .par_iter()
                .map(|r| screen_record(&screener, r, &options))
                .collect()
        });
        for (r, hits) in chunk.iter().zip(results) {
            rows += 1;
            if r.error.is_some() {
                errors += 1;
            } else if !hits.is_empty() {
                with_hits += 1;
            }
            let rec = OutRecord {
                id: r.id.as_deref(),
                name: r.name.as_deref(),
                hits,
                error: r.error.as_deref(),
                row: r.row,
            };
            match csv_out.as_mut() {
                Some(w) => write_csv(w, &rec)?,
                None => {
                    serde_json::to_writer(&mut out, &rec)?;
                    out.write_all(b"\n")?;
                }
            }
        }
        if let Some(w) = csv_out {
            out.write_all(&w.into_inner()?)?;
        }
        out.flush()?;
        if let Some(pb) = &progress {
            pb.set_position(rows);
        }
    }
    out.flush()?;
    if let Some(pb) = progress {
        pb.finish_and_clear();
    }
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "rows {rows}, with hits {with_hits}, errors {errors}, {:.2}s, {:.0} rows/s{}",
        secs,
        rows as f64 / secs.max(1e-9),
        if skip > 0 {
            format!(" (resumed after {skip})")
        } else {
            String::new()
        }
    );
    Ok(())
}

fn screen_record(screener: &Screener, r: &Record, options: &ScreenOptions) -> Vec<Hit> {
    if r.error.is_some() {
        return Vec::new();
    }
    let Some(name) = &r.name else {
        return Vec::new();
    };
    let query = Query {
        name: name.clone(),
        kind: r.kind,
        country: r.country.clone(),
    };
    screener.screen(&query, options)
}

fn csv_writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new())
}

const CSV_HEADER: [&str; 12] = [
    "row",
    "id",
    "name",
    "hit_count",
    "top_entity_id",
    "top_entity_name",
    "top_matched_name",
    "top_score",
    "top_source",
    "top_kind",
    "hits_json",
    "error",
];

fn write_csv(w: &mut csv::Writer<Vec<u8>>, rec: &OutRecord<'_>) -> Result<()> {
    let top = rec.hits.first();
    let hits_json = serde_json::to_string(&rec.hits)?;
    w.write_record([
        rec.row.to_string().as_str(),
        rec.id.unwrap_or(""),
        rec.name.unwrap_or(""),
        rec.hits.len().to_string().as_str(),
        top.map_or("", |h| h.entity_id.as_str()),
        top.map_or("", |h| h.entity_name.as_str()),
        top.map_or("", |h| h.matched_name.as_str()),
        top.map(|h| format!("{:.4}", h.score))
            .unwrap_or_default()
            .as_str(),
        top.map_or("", |h| h.source.as_str()),
        top.map_or("", |h| h.kind.as_str()),
        hits_json.as_str(),
        rec.error.unwrap_or(""),
    ])?;
    Ok(())
}

/// Counts the complete records of an earlier output and the byte offset where they end.
fn complete_records(path: &Path, format: OutputFormat) -> Result<(u64, u64)> {
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|mut f| f.read_to_end(&mut bytes))
        .with_context(|| format!("cannot read {} to resume", path.display()))?;
    match format {
        OutputFormat::Jsonl => {
            let mut count = 0u64;
            let mut end = 0usize;
            for (i, b) in bytes.iter().enumerate() {
                if *b == b'\n' {
                    if serde_json::from_slice::<serde_json::Value>(&bytes[end..i]).is_err() {
                        break;
                    }
                    count += 1;
                    end = i + 1;
                }
            }
            Ok((count, end as u64))
        }
        OutputFormat::Csv => {
            let mut rdr = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(&bytes[..]);
            let mut rec = csv::ByteRecord::new();
            let mut count = 0u64;
            let mut end = 0u64;
            while let Ok(true) = rdr.read_byte_record(&mut rec) {
                let pos = rdr.position().byte();
                // Only records followed by their line end are complete.
                if pos as usize > bytes.len() || bytes.get(pos as usize - 1) != Some(&b'\n') {
                    break;
                }
                count += 1;
                end = pos;
            }
            Ok((count.saturating_sub(1), end))
        }
    }
}

fn detect_format(path: &Path) -> Result<InputFormat> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "csv" | "tsv" => return Ok(InputFormat::Csv),
        "jsonl" | "ndjson" | "json" => return Ok(InputFormat::Jsonl),
        _ => {}
    }
    if path.as_os_str() == "-" {
        bail!("reading stdin: say --input-format csv or jsonl");
    }
    let mut first = [0u8; 512];
    let n = File::open(path)
        .and_then(|mut f| f.read(&mut first))
        .with_context(|| format!("cannot open input {}", path.display()))?;
    let first_byte = first[..n]
        .iter()
        .find(|b| !b.is_ascii_whitespace() && **b != 0xEF && **b != 0xBB && **b != 0xBF);
    Ok(if first_byte == Some(&b'{') {
        InputFormat::Jsonl
    } else {
        InputFormat::Csv
    })
}

/// Reads records from CSV or JSON Lines, turning every bad row into an error record.
enum RecordReader {
    Csv {
        rdr: csv::Reader<Box<dyn Read>>,
        cols: Columns,
        row: u64,
        buf: csv::ByteRecord,
    },
    Jsonl {
        rdr: BufReader<Box<dyn Read>>,
        row: u64,
        line: u64,
        buf: Vec<u8>,
    },
}

struct Columns {
    name: usize,
    id: Option<usize>,
    kind: Option<usize>,
    country: Option<usize>,
}

impl RecordReader {
    fn new(input: Box<dyn Read>, format: InputFormat, path: &Path) -> Result<RecordReader> {
        Ok(match format {
            InputFormat::Jsonl => RecordReader::Jsonl {
                rdr: BufReader::new(input),
                row: 0,
                line: 0,
                buf: Vec::new(),
            },
            InputFormat::Csv => {
                let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(input);
                let headers = rdr
                    .byte_headers()
                    .with_context(|| format!("cannot read the CSV header of {}", path.display()))?
                    .clone();
                let names: Vec<String> = headers
                    .iter()
                    .map(|h| {
                        String::from_utf8_lossy(h)
                            .trim()
                            .trim_start_matches('\u{feff}')
                            .to_ascii_lowercase()
                    })
                    .collect();
                let find = |n: &str| names.iter().position(|h| h == n);
                let Some(name) = find("name") else {
                    bail!(
                        "{}: the CSV header has no `name` column (found: {}); the header must name a `name` column, and may have `id`, `type`, `country`",
                        path.display(),
                        names.join(", ")
                    );
                };
                let cols = Columns {
                    name,
                    id: find("id"),
                    kind: find("type"),
                    country: find("country"),
                };
                RecordReader::Csv {
                    rdr,
                    cols,
                    row: 0,
                    buf: csv::ByteRecord::new(),
                }
            }
        })
    }

    fn next_record(&mut self) -> Result<Option<Record>> {
        match self {
            RecordReader::Csv {
                rdr,
                cols,
                row,
                buf,
            } => {
                let res = rdr.read_byte_record(buf);
                *row += 1;
                let line = buf.position().map(|p| p.line()).unwrap_or(*row + 1);
                match res {
                    Ok(false) => Ok(None),
                    Err(e) => {
                        if let csv::ErrorKind::Io(_) = e.kind() {
                            return Err(anyhow::anyhow!(e).context("reading input"));
                        }
                        Ok(Some(error_record(
                            *row,
                            None,
                            None,
                            format!("line {line}: unreadable CSV record: {e}"),
                        )))
                    }
                    Ok(true) => {
                        let get = |i: Option<usize>| -> Result<Option<String>, String> {
                            match i.and_then(|i| buf.get(i)) {
                                None => Ok(None),
                                Some(b) => std::str::from_utf8(b)
                                    .map(|s| Some(s.trim().to_string()).filter(|s| !s.is_empty()))
                                    .map_err(|_| "is not valid UTF-8".to_string()),
                            }
                        };
                        let fields = (
                            get(cols.id),
                            get(Some(cols.name)),
                            get(cols.kind),
                            get(cols.country),
                        );
                        let (id, name, kind, country) = match fields {
                            (Ok(a), Ok(b), Ok(c), Ok(d)) => (a, b, c, d),
                            _ => {
                                return Ok(Some(error_record(
                                    *row,
                                    None,
                                    None,
                                    format!("line {line}: a field is not valid UTF-8"),
                                )))
                            }
                        };
                        Ok(Some(make_record(*row, line, id, name, kind, country)))
                    }
                }
            }
            RecordReader::Jsonl {
                rdr,
                row,
                line,
                buf,
            } => loop {
                buf.clear();
                let n = rdr.read_until(b'\n', buf).context("reading input")?;
                if n == 0 {
                    return Ok(None);
                }
                *line += 1;
                if buf.iter().all(|b| b.is_ascii_whitespace()) {
                    continue;
                }
                *row += 1;
                let value: serde_json::Value = match serde_json::from_slice(buf) {
                    Ok(v) => v,
                    Err(e) => {
                        return Ok(Some(error_record(
                            *row,
                            None,
                            None,
                            format!("line {line}: not a JSON object: {e}"),
                        )))
                    }
                };
                let Some(obj) = value.as_object() else {
                    return Ok(Some(error_record(
                        *row,
                        None,
                        None,
                        format!("line {line}: not a JSON object"),
                    )));
                };
                let text = |k: &str| -> Option<String> {
                    match obj.get(k)? {
                        serde_json::Value::String(s) => {
                            Some(s.trim().to_string()).filter(|s| !s.is_empty())
                        }
                        serde_json::Value::Number(n) => Some(n.to_string()),
                        _ => None,
                    }
                };
                return Ok(Some(make_record(
                    *row,
                    *line,
                    text("id"),
                    text("name"),
                    text("type"),
                    text("country"),
                )));
            },
        }
    }
}

fn error_record(row: u64, id: Option<String>, name: Option<String>, error: String) -> Record {
    Record {
        row,
        id,
        name,
        kind: None,
        country: None,
        error: Some(error),
    }
}

fn make_record(
    row: u64,
    line: u64,
    id: Option<String>,
    name: Option<String>,
    kind: Option<String>,
    country: Option<String>,
) -> Record {
    let Some(name) = name else {
        return error_record(row, id, None, format!("line {line}: record has no name"));
    };
    let kind = match kind.as_deref().map(EntityKind::parse) {
        None => None,
        Some(Some(k)) => Some(k),
        Some(None) => {
            return error_record(
                row,
                id,
                Some(name),
                format!(
                    "line {line}: unknown type `{}` (expected person, organization, vessel or aircraft)",
                    kind.unwrap_or_default()
                ),
            )
        }
    };
    Record {
        row,
        id,
        name: Some(name),
        kind,
        country,
        error: None,
    }
}
