//! Scoring: token alignment and explanations.
use serde::Serialize;

/// Why a hit matched.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Explanation {}
