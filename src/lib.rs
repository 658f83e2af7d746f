//! interdict: a sanctions-screening matching engine.
//!
//! interdict answers one question fast: *is this counterparty name on a sanctions list,
//! however it is spelled or scripted?* It indexes the names of listed parties once, then
//! screens each query name in microseconds, with ranked hits and an explanation of every
//! hit (which alias matched, and how each query token matched: exactly, with a typo,
//! phonetically, transliterated, as a legal form, an abbreviation, joined or split).
//!
//! # Screening against the built-in list
//!
//! The built-in list (`lists/seed.toml`, compiled in) holds the Chinese suppliers of
//! Russia's military industry named in a US assessment, with their official listings.
//!
//! ```
//! use interdict::screen::{Query, ScreenOptions, Screener};
//!
//! let screener = Screener::new(interdict::seed::builtin()).unwrap();
//! let hits = screener.screen(&Query::new("Wuhan Global Sensor Tech Co Ltd"), &ScreenOptions::default());
//! assert_eq!(hits[0].entity_id, "seed:wuhan-global-sensor-technology");
//! assert!(hits[0].score > 0.9);
//!
//! // Native script and transliterations find the same party.
//! let hits = screener.screen(&Query::new("海康威视"), &ScreenOptions::default());
//! assert_eq!(hits[0].entity_id, "seed:hikvision");
//! ```
//!
//! # Your own lists, several at once
//!
//! Entities come from any loader; the core takes values, never paths. Combine lists with
//! the builder; ids must be unique across them.
//!
//! ```
//! use interdict::model::{Entity, EntityKind, Name, NameType, SourceInfo};
//! use interdict::screen::{Query, ScreenOptions, Screener};
//!
//! let own = Entity {
//!     id: "own:1".into(),
//!     kind: EntityKind::Person,
//!     names: vec![Name::new("Dmitry Yuryevich Khoroshev", NameType::Primary)],
//!     countries: vec!["RU".into()],
//!     addresses: vec![], identifiers: vec![], programs: vec![], dates: vec![],
//!     remarks: vec![], listings: vec![], properties: vec![],
//!     source: SourceInfo { name: "own".into(), ..Default::default() },
//! };
//! let screener = Screener::builder()
//!     .add_list(interdict::seed::builtin())
//!     .add_list([own])
//!     .build()
//!     .unwrap();
//!
//! // A typo and a dropped middle name; the explanation says how each token matched.
//! let options = ScreenOptions { threshold: 0.75, limit: 5 };
//! let hits = screener.screen(&Query::new("Dmitri Khoroshev"), &options);
//! assert_eq!(hits[0].entity_id, "own:1");
//! for t in &hits[0].explanation.tokens {
//!     println!("{} -> {:?} ({:?})", t.query, t.matched, t.how);
//! }
//! ```
//!
//! # Queries with more than a name
//!
//! A kind and a country refine the ranking: a contradicting kind or country lowers the
//! score, and the explanation lists the adjustment.
//!
//! ```
//! use interdict::model::EntityKind;
//! use interdict::screen::{Query, ScreenOptions, Screener};
//!
//! let screener = Screener::new(interdict::seed::builtin()).unwrap();
//! let q = Query::new("iRay Technology").kind(EntityKind::Organization).country("CN");
//! let hits = screener.screen(&q, &ScreenOptions::default());
//! assert_eq!(hits[0].entity_id, "seed:yantai-iray-technology");
//! assert!(hits[0].cities.iter().any(|c| c.contains("Yantai")));
//! ```
//!
//! # Layers
//!
//! - [`normalize`]: the one pipeline turning a name into tokens and lookup keys.
//! - [`index`]: the token dictionary (`fst`), postings and rarity weights.
//! - [`score`]: token alignment, the score and its explanation.
//! - [`screen`]: the public API ([`screen::Screener`]).
//! - [`model`]: entities; [`seed`]: the built-in list; [`limits`]: every cap and constant.
//! - `formats`, `sources` (feature `formats`): list file readers and the `--list` specs.
//!
//! The library does no I/O while screening and never panics on any input string.
//! See `ARCHITECTURE.md` for the design.

#![warn(missing_docs)]

pub mod country;
pub mod error;
pub mod index;
pub mod limits;
pub mod model;
pub mod normalize;
pub mod score;
pub mod screen;
mod search;
pub mod seed;

#[cfg(feature = "formats")]
pub mod eval;
#[cfg(feature = "formats")]
pub mod formats;
#[cfg(feature = "formats")]
pub mod sources;
