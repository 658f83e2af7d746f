//! The public screening API: build a [`Screener`] from lists, screen [`Query`]s, get [`Hit`]s.

use std::collections::HashMap;

use serde::Serialize;

use crate::error::BuildError;
use crate::index::Index;
use crate::limits;
use crate::model::{Entity, EntityKind};
use crate::score::{Adjustment, Explanation, How, TokenMatch};
use crate::search::{self, Fuzzy};

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
        Query {
            name: name.into(),
            kind: None,
            country: None,
        }
    }
    /// Sets the kind of party.
    pub fn kind(mut self, kind: EntityKind) -> Query {
        self.kind = Some(kind);
        self
    }
    /// Sets the country (ISO 3166 alpha-2 code or English name).
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

impl Default for ScreenOptions {
    fn default() -> Self {
        ScreenOptions {
            threshold: limits::DEFAULT_THRESHOLD,
            limit: limits::DEFAULT_LIMIT,
        }
    }
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
    /// The entity's countries (ISO alpha-2), for the analyst.
    pub countries: Vec<String>,
    /// Cities in the entity's addresses, for the analyst.
    pub cities: Vec<String>,
    /// Why it matched.
    pub explanation: Explanation,
    /// Position of the entity in [`Screener::entities`].
    #[serde(skip)]
    pub entity_index: usize,
}

/// A screening engine over one or more lists.
///
/// Immutable once built: `Send + Sync`, screening does no I/O and never panics on any
/// input string.
#[derive(Debug)]
pub struct Screener {
    entities: Vec<Entity>,
    countries: Vec<Vec<String>>,
    by_id: HashMap<String, usize>,
    index: Index,
    fuzzy: Fuzzy,
}

/// Collects lists for a [`Screener`].
#[derive(Debug, Default)]
pub struct ScreenerBuilder {
    entities: Vec<Entity>,
}

impl ScreenerBuilder {
    /// Adds the entities of one list.
    pub fn add_list(mut self, entities: impl IntoIterator<Item = Entity>) -> ScreenerBuilder {
        self.entities.extend(entities);
        self
    }

    /// Builds the index. Fails when two entities share an id.
    pub fn build(self) -> Result<Screener, BuildError> {
        Screener::new(self.entities)
    }
}

impl Screener {
    /// A builder to combine several lists.
    pub fn builder() -> ScreenerBuilder {
        ScreenerBuilder::default()
    }

    /// Builds a screener over the given entities. Fails when two entities share an id.
    pub fn new(entities: Vec<Entity>) -> Result<Screener, BuildError> {
        let mut by_id = HashMap::with_capacity(entities.len());
        for (i, e) in entities.iter().enumerate() {
            if by_id.insert(e.id.clone(), i).is_some() {
                return Err(BuildError::DuplicateId { id: e.id.clone() });
            }
        }
        let countries = entities
            .iter()
            .map(|e| {
                let mut c: Vec<String> =
                    e.countries.iter().map(|c| c.to_ascii_uppercase()).collect();
                for a in &e.addresses {
                    if let Some(code) = &a.country {
                        let code = code.to_ascii_uppercase();
                        if !c.contains(&code) {
                            c.push(code);
                        }
                    }
                }
                c
            })
            .collect();
        let index = Index::build(&entities);
        Ok(Screener {
            entities,
            countries,
            by_id,
            index,
            fuzzy: Fuzzy::new(),
        })
    }

    /// All entities, in the order given.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    /// The index (for statistics).
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Screens one query: hits scoring at least `options.threshold`, best first, at most
    /// `options.limit`, one per entity (its best-matching name).
    pub fn screen(&self, query: &Query, options: &ScreenOptions) -> Vec<Hit> {
        self.screen_with(query, options, false)
    }

    /// Screens one query by scoring *every* indexed name instead of the index's candidates.
    ///
    /// For evaluation only: it shows what the candidate generation would lose (nothing, if
    /// the caps are right) and what brute force costs (tens of milliseconds per query).
    pub fn screen_exhaustive(&self, query: &Query, options: &ScreenOptions) -> Vec<Hit> {
        self.screen_with(query, options, true)
    }

    /// Number of candidate names the index proposes for a name (for benches and tuning).
    #[doc(hidden)]
    pub fn candidate_count(&self, name: &str, threshold: f64) -> usize {
        let prepared = search::prepare(&self.index, name);
        search::with_scratch(|s| {
            s.begin_for(&self.index);
            search::lookup(&self.index, &self.fuzzy, &prepared, s);
            search::candidates(&self.index, &prepared, threshold, s).len()
        })
    }

    fn screen_with(&self, query: &Query, options: &ScreenOptions, exhaustive: bool) -> Vec<Hit> {
        if options.limit == 0 {
            return Vec::new();
        }
        let threshold = if options.threshold.is_nan() {
            0.0
        } else {
            options.threshold.clamp(0.0, 1.0)
        };
        let mut prepared = search::prepare(&self.index, &query.name);
        if prepared.tokens.is_empty() {
            return Vec::new();
        }
        let query_country = query
            .country
            .as_deref()
            .and_then(crate::country::country_code);
        search::with_scratch(|s| {
            s.begin_for(&self.index);
            search::lookup(&self.index, &self.fuzzy, &prepared, s);
            search::refine_weights(&self.index, &mut prepared, s);
            let names = if exhaustive {
                (0..self.index.name_count() as u32).collect()
            } else {
                search::candidates(&self.index, &prepared, threshold, s)
            };
            // Best name per entity.
            let mut best: HashMap<u32, (f64, search::ScoredName, Vec<Adjustment>)> = HashMap::new();
            let mut bufs = search::ScoreBufs::new(&prepared);
            for name in names {
                let (score, number_conflict) =
                    search::score_name(&self.index, &prepared, name, s, &mut bufs);
                // Adjustments only ever lower a score.
                if score <= 0.0 || score < threshold {
                    continue;
                }
                let scored = search::ScoredName {
                    name,
                    score,
                    number_conflict,
                    pairs: bufs.chosen.clone(),
                };
                let rec = self.index.name(name);
                let (score, adjustments) =
                    self.adjust(rec.entity as usize, &scored, query, query_country);
                if score < threshold {
                    continue;
                }
                match best.get(&rec.entity) {
                    Some((b, _, _)) if *b >= score => {}
                    _ => {
                        best.insert(rec.entity, (score, scored, adjustments));
                    }
                }
            }
            let mut ranked: Vec<(f64, search::ScoredName, Vec<Adjustment>)> =
                best.into_values().collect();
            ranked.sort_by(|a, b| {
                b.0.total_cmp(&a.0)
                    .then_with(|| b.1.pairs.len().cmp(&a.1.pairs.len()))
                    .then_with(|| a.1.name.cmp(&b.1.name))
            });
            ranked.truncate(options.limit);
            ranked
                .into_iter()
                .map(|(score, sn, adj)| self.hit(&prepared, score, &sn, adj))
                .collect()
        })
    }

    /// Screens many queries (sequentially, on this thread).
    pub fn screen_many(&self, queries: &[Query], options: &ScreenOptions) -> Vec<Vec<Hit>> {
        queries.iter().map(|q| self.screen(q, options)).collect()
    }

    fn adjust(
        &self,
        entity: usize,
        scored: &search::ScoredName,
        query: &Query,
        query_country: Option<&str>,
    ) -> (f64, Vec<Adjustment>) {
        let mut score = scored.score;
        let mut adj = Vec::new();
        let e = &self.entities[entity];
        if scored.number_conflict {
            score *= limits::NUMBER_MISMATCH_FACTOR;
            adj.push(Adjustment {
                reason: "number".into(),
                detail: "the query and the listed name carry different numbers".into(),
                factor: limits::NUMBER_MISMATCH_FACTOR,
            });
        }
        if let Some(k) = query.kind {
            if k != EntityKind::Unknown && e.kind != EntityKind::Unknown && k != e.kind {
                score *= limits::KIND_MISMATCH_FACTOR;
                adj.push(Adjustment {
                    reason: "kind".into(),
                    detail: format!("query is a {k}, the entity a {}", e.kind),
                    factor: limits::KIND_MISMATCH_FACTOR,
                });
            }
        }
        if let Some(c) = query_country {
            let known = &self.countries[entity];
            if known.iter().any(|k| k == c) {
                adj.push(Adjustment {
                    reason: "country".into(),
                    detail: format!("country {c} matches"),
                    factor: 1.0,
                });
            } else if !known.is_empty() {
                score *= limits::COUNTRY_MISMATCH_FACTOR;
                adj.push(Adjustment {
                    reason: "country".into(),
                    detail: format!("query country {c}, entity {}", known.join(", ")),
                    factor: limits::COUNTRY_MISMATCH_FACTOR,
                });
            }
        }
        if self.index.name(scored.name).weak {
            score *= limits::WEAK_ALIAS_FACTOR;
            adj.push(Adjustment {
                reason: "weak_alias".into(),
                detail: "the list marks this alias as weak".into(),
                factor: limits::WEAK_ALIAS_FACTOR,
            });
        }
        (score.clamp(0.0, 1.0), adj)
    }

    fn hit(
        &self,
        q: &search::PreparedQuery,
        score: f64,
        sn: &search::ScoredName,
        adjustments: Vec<Adjustment>,
    ) -> Hit {
        let rec = self.index.name(sn.name);
        let e = &self.entities[rec.entity as usize];
        let name = &e.names[rec.name_idx as usize];
        let toks = self.index.name_tokens(sn.name);
        let mut tokens: Vec<TokenMatch> = q
            .tokens
            .iter()
            .zip(&q.weights)
            .map(|(t, &w)| TokenMatch {
                query: t.surface.clone(),
                matched: None,
                how: How::Unmatched,
                edits: 0,
                similarity: 0.0,
                weight: w,
            })
            .collect();
        let mut list_used = vec![false; toks.len()];
        for p in &sn.pairs {
            let (how, edits) = (&p.how, &p.edits);
            let matched: Vec<&str> = toks[p.l..p.l + p.l_len]
                .iter()
                .map(|t| self.index.surface(t))
                .collect();
            for u in list_used.iter_mut().skip(p.l).take(p.l_len) {
                *u = true;
            }
            let matched = matched.join(" ");
            for qi in p.q..p.q + p.q_len {
                if let Some(tm) = tokens.get_mut(qi) {
                    let how = if *how == How::Abbreviation && tm.query == matched {
                        How::Exact
                    } else {
                        *how
                    };
                    tm.matched = Some(matched.clone());
                    tm.how = how;
                    tm.edits = *edits;
                    tm.similarity = p.sim;
                }
            }
        }
        let unmatched = toks
            .iter()
            .zip(&list_used)
            .filter(|(_, u)| !**u)
            .map(|(t, _)| self.index.surface(t).to_string())
            .collect();
        Hit {
            entity_id: e.id.clone(),
            entity_name: e.primary_name().to_string(),
            matched_name: name.value.clone(),
            score: (score * 10_000.0).round() / 10_000.0,
            source: e.source.name.clone(),
            kind: e.kind,
            countries: self.countries[rec.entity as usize].clone(),
            cities: e.cities().into_iter().map(str::to_string).collect(),
            explanation: Explanation {
                name_type: name.name_type,
                name_script: name.script,
                tokens,
                unmatched,
                adjustments,
                name_score: (sn.score * 10_000.0).round() / 10_000.0,
            },
            entity_index: rec.entity as usize,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Name, NameType, SourceInfo};

    fn org(id: &str, names: &[&str]) -> Entity {
        Entity {
            id: id.into(),
            kind: EntityKind::Organization,
            names: names
                .iter()
                .enumerate()
                .map(|(i, n)| {
                    Name::new(
                        *n,
                        if i == 0 {
                            NameType::Primary
                        } else {
                            NameType::Aka
                        },
                    )
                })
                .collect(),
            countries: vec!["CN".into()],
            addresses: vec![],
            identifiers: vec![],
            programs: vec![],
            dates: vec![],
            remarks: vec![],
            listings: vec![],
            properties: vec![],
            source: SourceInfo {
                name: "test".into(),
                ..Default::default()
            },
        }
    }

    fn screener() -> Screener {
        Screener::new(vec![
            org(
                "t:hik",
                &["Hangzhou Hikvision Digital Technology Co., Ltd."],
            ),
            org("t:wgs", &["Wuhan Global Sensor Technology Co., Ltd."]),
            org("t:wts", &["Wuhan Tongsheng Technology Co., Ltd."]),
            org(
                "t:cetc11",
                &["China Electronics Technology Group Corporation 11th Research Institute"],
            ),
            org("t:acme", &["Acme Trading Company"]),
            org("t:global", &["Global Trading Limited"]),
        ])
        .unwrap()
    }

    fn top(s: &Screener, q: &str) -> Option<(String, f64)> {
        s.screen(
            &Query::new(q),
            &ScreenOptions {
                threshold: 0.0,
                limit: 5,
            },
        )
        .first()
        .map(|h| (h.entity_id.clone(), h.score))
    }

    #[test]
    fn brand_finds_full_legal_name() {
        let s = screener();
        let (id, score) = top(&s, "Hikvision").unwrap();
        assert_eq!(id, "t:hik");
        assert!(score >= 0.8, "{score}");
    }

    #[test]
    fn typo_is_found() {
        let s = screener();
        let (id, score) = top(&s, "Wuhan Tongshen Technology").unwrap();
        assert_eq!(id, "t:wts");
        assert!(score >= 0.8, "{score}");
    }

    #[test]
    fn different_distinctive_word_does_not_hit() {
        let s = screener();
        let hits = s.screen(
            &Query::new("Wuhan Global Foods Co."),
            &ScreenOptions::default(),
        );
        assert!(hits.is_empty(), "{hits:?}");
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let err = Screener::new(vec![org("a", &["X"]), org("a", &["Y"])]).unwrap_err();
        assert!(matches!(err, BuildError::DuplicateId { .. }));
    }

    #[test]
    fn screener_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Screener>();
    }

    #[test]
    fn empty_and_odd_queries_do_not_panic() {
        let s = screener();
        for q in [
            "",
            " ",
            "...",
            "\u{0}",
            "🦀🦀",
            &"a".repeat(10_000),
            "Co Ltd",
        ] {
            let hits = s.screen(&Query::new(q), &ScreenOptions::default());
            assert!(hits.iter().all(|h| (0.0..=1.0).contains(&h.score)));
        }
        assert!(s
            .screen(
                &Query::new("Co Ltd"),
                &ScreenOptions {
                    threshold: 0.0,
                    limit: 5
                }
            )
            .is_empty());
    }
}
