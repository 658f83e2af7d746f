//! Unit tests of the normalisation pipeline.
