//! Error types of the library.

use thiserror::Error;

/// Building a screener failed.
#[derive(Debug, Error)]
pub enum BuildError {
    /// Two entities share an id.
    #[error("duplicate entity id `{id}`: ids must be unique across all loaded lists (was the same list given twice, or two lists of one publisher that share entry numbers, such as OFAC's SDN and non-SDN files? load them into separate runs)")]
    DuplicateId {
        /// The id.
        id: String,
    },
}

/// A user list in CSV could not be read (see `formats::csv_list`).
///
/// `line` is the 1-based physical line where the offending record starts (the header is line
/// 1); `field` is the column concerned.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ListError {
    /// The header line is missing or lacks a required column.
    #[error(
        "{file}:1: missing required column(s) {}; the header has {}; required: id, name (optional: type, country, any other column is kept as a property)",
        missing.join(", "),
        if found.is_empty() { "no columns (empty file?)".to_string() } else { found.join(", ") }
    )]
    MissingColumns {
        /// The file name given to the loader.
        file: String,
        /// The required columns not found.
        missing: Vec<String>,
        /// The columns the header has, as written.
        found: Vec<String>,
    },
    /// A column name appears twice in the header.
    #[error("{file}:1: column `{field}` appears more than once in the header")]
    DuplicateColumn {
        /// The file name given to the loader.
        file: String,
        /// The repeated column.
        field: String,
    },
    /// A required field (`id` or `name`) is empty.
    #[error("{file}:{line}: field `{field}` is empty")]
    EmptyField {
        /// The file name given to the loader.
        file: String,
        /// The record's line.
        line: u64,
        /// `id` or `name`.
        field: &'static str,
    },
    /// The `type` field is not a known entity kind.
    #[error("{file}:{line}: field `{field}`: unknown type `{value}` (use person, organization, vessel, aircraft or unknown; individual and entity are accepted)")]
    BadType {
        /// The file name given to the loader.
        file: String,
        /// The record's line.
        line: u64,
        /// The column (`type`).
        field: &'static str,
        /// The value found.
        value: String,
    },
    /// The `country` field is neither an ISO 3166-1 alpha-2 code nor a known English name.
    #[error("{file}:{line}: field `{field}`: unknown country `{value}` (use an ISO 3166-1 alpha-2 code such as CN, or an English name)")]
    BadCountry {
        /// The file name given to the loader.
        file: String,
        /// The record's line.
        line: u64,
        /// The column (`country`).
        field: &'static str,
        /// The value found.
        value: String,
    },
    /// Two rows of the same id give different types.
    #[error("{file}:{line}: field `{field}`: id `{id}` has type `{second}` here but `{first}` on line {first_line}")]
    ConflictingType {
        /// The file name given to the loader.
        file: String,
        /// The record's line.
        line: u64,
        /// The column (`type`).
        field: &'static str,
        /// The id (as written in the file).
        id: String,
        /// The type given first.
        first: crate::model::EntityKind,
        /// The line the first type was given on.
        first_line: u64,
        /// The conflicting type.
        second: crate::model::EntityKind,
    },
    /// The CSV itself is malformed (bad quoting, wrong number of fields, invalid UTF-8, I/O).
    #[error("{file}:{}: malformed CSV: {message}", line.map(|l| l.to_string()).unwrap_or_else(|| "?".into()))]
    Malformed {
        /// The file name given to the loader.
        file: String,
        /// The line where the problem was found, when known.
        line: Option<u64>,
        /// What the CSV reader reported.
        message: String,
    },
}
