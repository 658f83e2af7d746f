//! List file formats.

pub mod csl_csv;
pub mod ofac_csv;
pub mod uk_csv;
pub mod un_xml;
