//! country
