//! List file formats.

pub mod csv_list;
