//! List specifications (`seed`, `KIND=PATH`) and loading them: the file-opening edge.
//!
//! The format modules in [`crate::formats`] read from readers; this module is the one place
//! that turns a user's `--list` argument into open files. Adding a format means one
//! [`ListKind`] variant, one arm in [`load`], and its reader.

use std::fmt;
use std::fs::File;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use thiserror::Error;

use crate::model::Entity;

/// The formats a `--list KIND=PATH` can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKind {
    /// A user's own list as CSV (`id,name[,type][,country][,...]`).
    Csv,
    /// OFAC legacy CSV: a folder with `sdn.csv` (or `cons_prim.csv`) and optional `alt.csv`, `add.csv`.
    OfacCsv,
    /// UK OFSI consolidated list CSV (`ConList.csv`).
    UkCsv,
    /// UN Security Council consolidated list XML.
    UnXml,
    /// US Consolidated Screening List CSV (plain or `.gz`).
    CslCsv,
}

impl ListKind {
    /// Every kind with its spec name, in help order.
    pub const ALL: [(ListKind, &'static str); 5] = [
        (ListKind::Csv, "csv"),
        (ListKind::OfacCsv, "ofac-csv"),
        (ListKind::UkCsv, "uk-csv"),
        (ListKind::UnXml, "un-xml"),
        (ListKind::CslCsv, "csl-csv"),
    ];

    /// The spec name (`csv`, `ofac-csv`, ...).
    pub fn name(self) -> &'static str {
        ListKind::ALL
            .iter()
            .find(|(k, _)| *k == self)
            .map(|(_, n)| *n)
            .unwrap_or("?")
    }
}

/// One `--list` argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListSpec {
    /// The built-in list compiled into the library.
    Seed,
    /// A file or folder of the given format.
    File(ListKind, PathBuf),
}

impl fmt::Display for ListSpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ListSpec::Seed => f.write_str("seed"),
            ListSpec::File(k, p) => write!(f, "{}={}", k.name(), p.display()),
        }
    }
}

fn kinds_help() -> String {
    let names: Vec<&str> = ListKind::ALL.iter().map(|(_, n)| *n).collect();
    format!("seed, or KIND=PATH with KIND one of: {}", names.join(", "))
}

impl std::str::FromStr for ListSpec {
    type Err = SourceError;
    fn from_str(s: &str) -> Result<ListSpec, SourceError> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("seed") {
            return Ok(ListSpec::Seed);
        }
        let Some((kind, path)) = s.split_once('=') else {
            return Err(SourceError::BadSpec {
                spec: s.to_string(),
                expected: kinds_help(),
            });
        };
        let kind = ListKind::ALL
            .iter()
            .find(|(_, n)| n.eq_ignore_ascii_case(kind.trim()))
            .map(|(k, _)| *k)
            .ok_or_else(|| SourceError::BadSpec {
                spec: s.to_string(),
                expected: kinds_help(),
            })?;
        if path.trim().is_empty() {
            return Err(SourceError::BadSpec {
                spec: s.to_string(),
                expected: kinds_help(),
            });
        }
        Ok(ListSpec::File(kind, PathBuf::from(path.trim())))
    }
}

/// A loaded list: its entities and what loading it noticed.
#[derive(Debug, Clone)]
pub struct LoadedList {
    /// The spec it came from.
    pub spec: ListSpec,
    /// The entities.
    pub entities: Vec<Entity>,
    /// Warnings (rows skipped with their reason, references to missing entries, ...).
    pub warnings: Vec<String>,
}

/// Loading a list failed.
#[derive(Debug, Error)]
pub enum SourceError {
    /// The `--list` argument is not a spec.
    #[error("`{spec}` is not a list spec: expected {expected}")]
    BadSpec {
        /// The argument.
        spec: String,
        /// What is accepted.
        expected: String,
    },
    /// The file or folder cannot be opened.
    #[error("cannot open {path}: {source} (check the path given to --list {kind}=PATH)")]
    Open {
        /// The path.
        path: PathBuf,
        /// The list kind.
        kind: &'static str,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The built-in list is invalid.
    #[error(transparent)]
    Seed(#[from] crate::seed::SeedError),
    /// A user CSV list is invalid.
    #[error(transparent)]
    Csv(#[from] crate::error::ListError),
    /// An official list file is invalid.
    #[error(transparent)]
    Format(#[from] crate::formats::FormatError),
}

fn open(path: &Path, kind: ListKind) -> Result<BufReader<File>, SourceError> {
    File::open(path)
        .map(BufReader::new)
        .map_err(|source| SourceError::Open {
            path: path.to_path_buf(),
            kind: kind.name(),
            source,
        })
}

/// Loads one list.
pub fn load(spec: &ListSpec) -> Result<LoadedList, SourceError> {
    let (entities, warnings) = match spec {
        ListSpec::Seed => (
            crate::seed::parse_list(crate::seed::SEED_TOML, "lists/seed.toml")?,
            Vec::new(),
        ),
        ListSpec::File(kind, path) => {
            let label = path.display().to_string();
            match kind {
                ListKind::Csv => (
                    crate::formats::csv_list::read_csv_list(open(path, *kind)?, &label)?,
                    Vec::new(),
                ),
                _ => {
                    if !path.exists() {
                        return Err(SourceError::Open {
                            path: path.clone(),
                            kind: kind.name(),
                            source: std::io::Error::new(
                                std::io::ErrorKind::NotFound,
                                "no such file or folder",
                            ),
                        });
                    }
                    let (entities, report) = match kind {
                        ListKind::OfacCsv => crate::formats::ofac_csv::load_dir(path)?,
                        ListKind::UkCsv => crate::formats::uk_csv::load_file(path)?,
                        ListKind::UnXml => crate::formats::un_xml::load_file(path)?,
                        _ => crate::formats::csl_csv::load_file(path)?,
                    };
                    (entities, report.warnings)
                }
            }
        }
    };
    Ok(LoadedList {
        spec: spec.clone(),
        entities,
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_specs() {
        assert_eq!("seed".parse::<ListSpec>().unwrap(), ListSpec::Seed);
        assert_eq!(
            "csv=/tmp/x.csv".parse::<ListSpec>().unwrap(),
            ListSpec::File(ListKind::Csv, PathBuf::from("/tmp/x.csv"))
        );
        let err = "nope=/x".parse::<ListSpec>().unwrap_err().to_string();
        assert!(err.contains("ofac-csv"), "{err}");
        assert!("/just/a/path".parse::<ListSpec>().is_err());
        assert!("csv=".parse::<ListSpec>().is_err());
    }

    #[test]
    fn missing_file_says_what_to_do() {
        let err = load(&"csv=/definitely/not/here.csv".parse().unwrap())
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("/definitely/not/here.csv") && err.contains("--list"),
            "{err}"
        );
    }
}
