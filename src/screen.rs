//! The public screening API: build a [`Screener`] from lists, screen [`Query`]s, get [`Hit`]s.

use serde::Serialize;

use crate::model::{Entity, EntityKind};
use crate::score::Explanation;

/// A name to screen, with what else the caller knows about the party.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    /// The counterparty name, in any script.
    pub name: String,
    /// The kind of party, when known.
    pub kind: Option<EntityKind>,
    /// The party's country (ISO 3166 alpha-2 code or English name), when known.
    pub country: Option<String>,
}

impl Query {
    /// A name-only query.
    pub fn new(name: impl Into<String>) -> Query {
        Query { name: name.into(), kind: None, country: None }
    }
    /// Sets the kind of party.
    pub fn kind(mut self, kind: EntityKind) -> Query {
        self.kind = Some(kind);
        self
    }
    /// Sets the country.
    pub fn country(mut self, country: impl Into<String>) -> Query {
        self.country = Some(country.into());
        self
    }
}

/// Threshold and limit of a screening.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScreenOptions {
    /// Hits scoring below this are not returned (0..=1).
    pub threshold: f64,
    /// At most this many hits, best first.
    pub limit: usize,
}

/// One ranked hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// The entity id (`seed:hikvision`, `ofac:46633`).
    pub entity_id: String,
    /// The entity's display name.
    pub entity_name: String,
    /// The name (primary or alias) that matched.
    pub matched_name: String,
    /// The score in [0, 1].
    pub score: f64,
    /// The source list name.
    pub source: String,
    /// The entity's kind.
    pub kind: EntityKind,
    /// Why it matched.
    pub explanation: Explanation,
    /// Position of the entity in [`Screener::entities`].
    #[serde(skip)]
    pub entity_index: usize,
}

/// A screening engine over one or more lists. `Send + Sync`; screening does no I/O.
pub struct Screener {
    _private: (),
}

impl Screener {
    /// Builds a screener over the given entities.
    pub fn new(entities: Vec<Entity>) -> Result<Screener, crate::error::BuildError> {
        let _ = entities;
        todo!()
    }
    /// Screens one query.
    pub fn screen(&self, query: &Query, options: &ScreenOptions) -> Vec<Hit> {
        let _ = (query, options);
        todo!()
    }
    /// All entities, in the order given to [`Screener::new`].
    pub fn entities(&self) -> &[Entity] {
        todo!()
    }
}
