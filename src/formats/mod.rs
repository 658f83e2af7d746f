//! List file formats. Every reader takes a `Read`er and a file label for its errors;
//! the `load_*` helpers that open paths are the only I/O here, called from
//! [`crate::sources`].

pub mod csl_csv;
pub mod csv_list;
pub mod ofac_csv;
pub mod uk_csv;
pub mod un_xml;

pub use ofac_csv::{LoadReport, ReadError as FormatError};
