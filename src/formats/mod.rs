//! List file formats.
