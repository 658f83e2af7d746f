//! interdict: a sanctions-screening matching engine.
//!
//! (crate tutorial to come)

#![warn(missing_docs)]

pub mod country;
pub mod error;
pub mod index;
pub mod limits;
pub mod model;
pub mod normalize;
pub mod score;
pub mod screen;
pub mod seed;

#[cfg(feature = "formats")]
pub mod formats;
#[cfg(feature = "formats")]
pub mod eval;
