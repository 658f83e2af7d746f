//! Error types of the library.

use thiserror::Error;

/// Building a screener failed.
#[derive(Debug, Error)]
pub enum BuildError {
    /// Two entities share an id.
    #[error("duplicate entity id `{id}`: ids must be unique across all loaded lists")]
    DuplicateId {
        /// The id.
        id: String,
    },
}
