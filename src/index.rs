//! The name index: a token dictionary in `fst` maps, posting lists, rarity weights.
//!
//! Built once from entities ([`Index::build`]); read-only afterwards, so one index serves
//! any number of threads. Everything in it is derived from [`crate::normalize::analyze`],
//! the same function queries go through.
//!
//! Layout:
//! - `terms`: one entry per distinct token (its text, class, rarity weight).
//! - `names`: one entry per indexed name (entity, which of its names, token range).
//! - `postings[term]`: the names containing the term, ascending.
//! - four `fst::Map`s from keys to term lists: `forms` (token text and alternative
//!   spellings: the fuzzy lookups run here), `phonetic`, `skeleton`, `native`.
//! - `joined`: an `fst::Map` from concatenations of adjacent tokens of a name
//!   (`hik`+`vision`, `hai`+`kang`+`wei`+`shi`) to `(name, position, length)` spans.

use std::collections::HashMap;

use fst::{Map, MapBuilder};

use crate::limits;
use crate::model::{Entity, Script};
use crate::normalize::{self, KeyKind, LegalClass, Origin, Token, TokenKind};

/// Index of a term in [`Index::terms`].
pub type TermId = u32;
/// Index of a name in [`Index::names`].
pub type NameId = u32;

/// What a term is (mirrors [`TokenKind`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TermClass {
    /// An ordinary word.
    Word,
    /// A number.
    Number,
    /// A legal form of the given class.
    Legal(LegalClass),
    /// A Han character.
    Han,
}

impl From<TokenKind> for TermClass {
    fn from(k: TokenKind) -> TermClass {
        match k {
            TokenKind::Word => TermClass::Word,
            TokenKind::Number => TermClass::Number,
            TokenKind::LegalForm(c) => TermClass::Legal(c),
            TokenKind::Han => TermClass::Han,
        }
    }
}

/// A distinct token of the indexed names.
#[derive(Debug, Clone)]
pub struct Term {
    /// The canonical text (see [`Token::text`]).
    pub text: Box<str>,
    /// For Han characters, the character itself.
    pub native: Option<Box<str>>,
    /// Word, number, legal form or Han character.
    pub class: TermClass,
    /// Number of entities having at least one name with this term.
    pub df: u32,
    /// Rarity weight in (0, 1]: rare terms near 1, common ones low.
    pub weight: f32,
}

/// One token of an indexed name.
#[derive(Debug, Clone, Copy)]
pub struct NameToken {
    /// The term.
    pub term: TermId,
    /// Start of the token's surface form in the surface arena.
    surface_start: u32,
    /// Length in bytes of the surface form.
    surface_len: u16,
    /// How the token's text was derived.
    pub origin: Origin,
    /// The token's script.
    pub script: Script,
}

/// One indexed name (a primary name or an alias of an entity).
#[derive(Debug, Clone, Copy)]
pub struct NameRec {
    /// Index of the entity in the screener's entity list.
    pub entity: u32,
    /// Index of the name in `Entity::names`.
    pub name_idx: u32,
    tok_start: u32,
    tok_len: u16,
    /// Whether the source marks this name as a weak alias.
    pub weak: bool,
    /// Sum of the rarity weights of the name's tokens (for score upper bounds).
    pub weight: f32,
}

/// A span of adjacent tokens in a name, found through a joined key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// The name.
    pub name: NameId,
    /// First token position.
    pub pos: u8,
    /// Number of tokens.
    pub len: u8,
}

/// A key → term-list map: an fst whose values index into a flat list of term ids.
#[derive(Debug)]
pub(crate) struct KeyMap {
    pub(crate) fst: Map<Vec<u8>>,
    offsets: Vec<u32>,
    terms: Vec<TermId>,
    /// The key of each slot (slot order is key order).
    keys: Vec<Box<str>>,
}

impl KeyMap {
    fn build(mut pairs: Vec<(String, TermId)>) -> KeyMap {
        pairs.sort_unstable();
        pairs.dedup();
        let mut builder = MapBuilder::memory();
        let mut offsets = Vec::new();
        let mut terms = Vec::with_capacity(pairs.len());
        let mut keys = Vec::new();
        let mut i = 0;
        while i < pairs.len() {
            let key = &pairs[i].0;
            let slot = offsets.len() as u64;
            keys.push(key.as_str().into());
            offsets.push(terms.len() as u32);
            while i < pairs.len() && &pairs[i].0 == key {
                terms.push(pairs[i].1);
                i += 1;
            }
            // Keys are sorted and unique here, so insertion cannot fail.
            builder.insert(key, slot).expect("sorted unique keys");
        }
        offsets.push(terms.len() as u32);
        let fst = Map::new(builder.into_inner().expect("in-memory fst")).expect("valid fst");
        KeyMap {
            fst,
            offsets,
            terms,
            keys,
        }
    }

    /// The key of a slot.
    pub(crate) fn key(&self, slot: u32) -> &str {
        self.keys.get(slot as usize).map_or("", |k| k)
    }

    /// The terms of a slot value returned by the fst.
    pub(crate) fn slot(&self, slot: u64) -> &[TermId] {
        let s = slot as usize;
        match (self.offsets.get(s), self.offsets.get(s + 1)) {
            (Some(&a), Some(&b)) => &self.terms[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The terms of a key, if present.
    pub(crate) fn get(&self, key: &str) -> &[TermId] {
        match self.fst.get(key) {
            Some(slot) => self.slot(slot),
            None => &[],
        }
    }
}

/// The name index. See the module documentation.
#[derive(Debug)]
pub struct Index {
    pub(crate) terms: Vec<Term>,
    pub(crate) names: Vec<NameRec>,
    pub(crate) tokens: Vec<NameToken>,
    surfaces: String,
    pub(crate) post_offsets: Vec<u32>,
    pub(crate) postings: Vec<NameId>,
    pub(crate) forms: KeyMap,
    /// One-deletion neighbourhood of the forms: a form with one letter (not the first)
    /// removed → the form slots. One-typo lookups go through it.
    pub(crate) deletions: KeyMap,
    pub(crate) phonetic: KeyMap,
    pub(crate) skeleton: KeyMap,
    pub(crate) native: KeyMap,
    pub(crate) joined: Map<Vec<u8>>,
    joined_offsets: Vec<u32>,
    joined_spans: Vec<Span>,
    /// Entities with at least one indexed name.
    entity_count: u32,
}

#[derive(PartialEq, Eq, Hash)]
enum TermIdentity {
    Text(TermClass, Box<str>),
    Han(Box<str>),
}

impl Index {
    /// Builds the index over all names of `entities` (entity `i` of the slice is entity `i`
    /// of every [`NameRec`]).
    pub fn build(entities: &[Entity]) -> Index {
        let mut ids: HashMap<TermIdentity, TermId> = HashMap::new();
        let mut terms: Vec<Term> = Vec::new();
        let mut term_keys: Vec<Vec<(KeyKind, String)>> = Vec::new();
        let mut names = Vec::new();
        let mut tokens: Vec<NameToken> = Vec::new();
        let mut surfaces = String::new();
        let mut last_entity: Vec<u32> = Vec::new();

        for (ei, entity) in entities.iter().enumerate() {
            for (ni, name) in entity.names.iter().enumerate() {
                let mut toks = normalize::analyze(truncate(&name.value));
                toks.truncate(limits::MAX_QUERY_TOKENS);
                if toks.is_empty() {
                    continue;
                }
                let tok_start = tokens.len() as u32;
                for tok in &toks {
                    let class = TermClass::from(tok.kind);
                    let native = tok.keys_of(KeyKind::Native).next();
                    let identity = match (class, native) {
                        (TermClass::Han, Some(n)) => TermIdentity::Han(n.into()),
                        _ => TermIdentity::Text(class, tok.text.as_str().into()),
                    };
                    let tid = *ids.entry(identity).or_insert_with(|| {
                        terms.push(Term {
                            text: tok.text.as_str().into(),
                            native: if class == TermClass::Han {
                                native.map(Into::into)
                            } else {
                                None
                            },
                            class,
                            df: 0,
                            weight: 0.0,
                        });
                        term_keys.push(Vec::new());
                        last_entity.push(u32::MAX);
                        (terms.len() - 1) as TermId
                    });
                    let keys = &mut term_keys[tid as usize];
                    for k in &tok.keys {
                        if !keys.iter().any(|(kk, v)| *kk == k.kind && *v == k.value) {
                            keys.push((k.kind, k.value.clone()));
                        }
                    }
                    if last_entity[tid as usize] != ei as u32 {
                        last_entity[tid as usize] = ei as u32;
                        terms[tid as usize].df += 1;
                    }
                    let surface = cap_str(&tok.surface, u16::MAX as usize);
                    tokens.push(NameToken {
                        term: tid,
                        surface_start: surfaces.len() as u32,
                        surface_len: surface.len() as u16,
                        origin: tok.origin,
                        script: tok.script,
                    });
                    surfaces.push_str(surface);
                }
                names.push(NameRec {
                    entity: ei as u32,
                    name_idx: ni as u32,
                    tok_start,
                    tok_len: toks.len() as u16,
                    weak: name.quality == crate::model::NameQuality::Weak,
                    weight: 0.0,
                });
            }
        }

        // Lookup-only terms for the words of legal-form phrases (no postings): a misspelt
        // legal word finds one of these and takes its low weight.
        for (word, class) in normalize::legal_words() {
            let identity = TermIdentity::Text(TermClass::Legal(class), word.into());
            if ids.contains_key(&identity) {
                continue;
            }
            ids.insert(identity, terms.len() as TermId);
            terms.push(Term {
                text: word.into(),
                native: None,
                class: TermClass::Legal(class),
                df: 0,
                weight: 0.0,
            });
            term_keys.push(Vec::new());
        }

        // Rarity: idf over entities, normalised to (0, 1].
        let entity_count = {
            let mut seen = vec![false; entities.len()];
            for n in &names {
                seen[n.entity as usize] = true;
            }
            seen.iter().filter(|s| **s).count().max(1) as u32
        };
        let max_idf = ((entity_count as f32) + 1.0).ln().max(1.0);
        for t in &mut terms {
            let idf = ((entity_count as f32 + 1.0) / t.df.max(1) as f32).ln();
            t.weight = match t.class {
                TermClass::Legal(_) => limits::LEGAL_FORM_WEIGHT,
                TermClass::Number => (idf / max_idf).max(limits::MIN_NUMBER_WEIGHT),
                _ => (idf / max_idf).clamp(limits::MIN_WORD_WEIGHT, 1.0),
            };
        }

        for n in &mut names {
            let toks = &tokens[n.tok_start as usize..(n.tok_start + n.tok_len as u32) as usize];
            n.weight = toks.iter().map(|t| terms[t.term as usize].weight).sum();
        }

        // Postings (counting sort; names are visited in order so lists come out ascending).
        let mut counts = vec![0u32; terms.len() + 1];
        for n in &names {
            let mut seen: Vec<TermId> = Vec::new();
            for t in &tokens[n.tok_start as usize..(n.tok_start + n.tok_len as u32) as usize] {
                if !seen.contains(&t.term) {
                    seen.push(t.term);
                    counts[t.term as usize + 1] += 1;
                }
            }
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let post_offsets = counts.clone();
        let mut fill = counts;
        let mut postings = vec![0 as NameId; *post_offsets.last().unwrap_or(&0) as usize];
        for (nid, n) in names.iter().enumerate() {
            let toks = &tokens[n.tok_start as usize..(n.tok_start + n.tok_len as u32) as usize];
            for (i, t) in toks.iter().enumerate() {
                if toks[..i].iter().any(|p| p.term == t.term) {
                    continue;
                }
                postings[fill[t.term as usize] as usize] = nid as NameId;
                fill[t.term as usize] += 1;
            }
        }

        // Key maps.
        let mut forms = Vec::with_capacity(terms.len() * 2);
        let mut phonetic = Vec::new();
        let mut skeleton = Vec::new();
        let mut native = Vec::new();
        for (tid, t) in terms.iter().enumerate() {
            let tid = tid as TermId;
            // Legal-form terms are reached through their words only (see above).
            if !matches!(t.class, TermClass::Legal(_)) || t.df == 0 {
                forms.push((t.text.to_string(), tid));
            }
            for (kind, value) in &term_keys[tid as usize] {
                match kind {
                    KeyKind::Alt => forms.push((value.clone(), tid)),
                    KeyKind::Phonetic => phonetic.push((value.clone(), tid)),
                    KeyKind::Skeleton => skeleton.push((value.clone(), tid)),
                    KeyKind::Native => native.push((value.clone(), tid)),
                }
            }
        }

        let forms = KeyMap::build(forms);

        // Joined keys over adjacent tokens.
        let mut joined: Vec<(String, Span)> = Vec::new();
        for (nid, n) in names.iter().enumerate() {
            let toks = &tokens[n.tok_start as usize..(n.tok_start + n.tok_len as u32) as usize];
            for start in 0..toks.len() {
                let han_run = terms[toks[start].term as usize].class == TermClass::Han;
                let max = if han_run {
                    limits::MAX_JOIN_HAN
                } else {
                    limits::MAX_JOIN_LATIN
                };
                let mut key = String::new();
                for (len, tok) in toks[start..].iter().enumerate().take(max) {
                    let term = &terms[tok.term as usize];
                    let ok = match term.class {
                        TermClass::Han => han_run,
                        TermClass::Word | TermClass::Number => !han_run,
                        TermClass::Legal(_) => false,
                    };
                    if !ok {
                        break;
                    }
                    key.push_str(&term.text);
                    if len >= 1 {
                        joined.push((
                            key.clone(),
                            Span {
                                name: nid as NameId,
                                pos: start as u8,
                                len: len as u8 + 1,
                            },
                        ));
                    }
                }
            }
        }
        joined.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.name.cmp(&b.1.name)));
        joined.dedup();
        let mut jb = MapBuilder::memory();
        let mut joined_offsets = Vec::new();
        let mut joined_spans = Vec::with_capacity(joined.len());
        let mut i = 0;
        while i < joined.len() {
            let key = joined[i].0.clone();
            let slot = joined_offsets.len() as u64;
            joined_offsets.push(joined_spans.len() as u32);
            while i < joined.len() && joined[i].0 == key {
                joined_spans.push(joined[i].1);
                i += 1;
            }
            jb.insert(&key, slot).expect("sorted unique keys");
        }
        joined_offsets.push(joined_spans.len() as u32);
        let joined = Map::new(jb.into_inner().expect("in-memory fst")).expect("valid fst");

        Index {
            terms,
            names,
            tokens,
            surfaces,
            post_offsets,
            postings,
            deletions: deletion_map(&forms),
            forms,
            phonetic: KeyMap::build(phonetic),
            skeleton: KeyMap::build(skeleton),
            native: KeyMap::build(native),
            joined,
            joined_offsets,
            joined_spans,
            entity_count,
        }
    }

    /// Number of indexed names.
    pub fn name_count(&self) -> usize {
        self.names.len()
    }

    /// Number of entities with at least one indexed name.
    pub fn entity_count(&self) -> usize {
        self.entity_count as usize
    }

    /// Number of keys in the forms dictionary (texts and alternative spellings).
    pub fn form_count(&self) -> usize {
        self.forms.fst.len()
    }

    /// Number of distinct terms.
    pub fn term_count(&self) -> usize {
        self.terms.len()
    }

    /// A term.
    pub fn term(&self, id: TermId) -> &Term {
        &self.terms[id as usize]
    }

    /// A name record.
    pub fn name(&self, id: NameId) -> &NameRec {
        &self.names[id as usize]
    }

    /// The tokens of a name.
    pub fn name_tokens(&self, id: NameId) -> &[NameToken] {
        let n = &self.names[id as usize];
        &self.tokens[n.tok_start as usize..(n.tok_start + n.tok_len as u32) as usize]
    }

    /// The surface form of a name token.
    pub fn surface(&self, t: &NameToken) -> &str {
        let s = t.surface_start as usize;
        self.surfaces
            .get(s..s + t.surface_len as usize)
            .unwrap_or("")
    }

    /// The names containing a term.
    pub fn postings(&self, term: TermId) -> &[NameId] {
        let a = self.post_offsets[term as usize] as usize;
        let b = self.post_offsets[term as usize + 1] as usize;
        &self.postings[a..b]
    }

    /// The spans a joined key points to.
    pub(crate) fn joined_slot(&self, slot: u64) -> &[Span] {
        let s = slot as usize;
        match (self.joined_offsets.get(s), self.joined_offsets.get(s + 1)) {
            (Some(&a), Some(&b)) => &self.joined_spans[a as usize..b as usize],
            _ => &[],
        }
    }

    /// Rarity weight of a query token, looked up by its text, and whether the text is an
    /// established term (on more than [`limits::RARE_TERM_DF`] entities). Unknown tokens
    /// are as rare as can be; terms that rare may be a list's own typo, so the query path
    /// treats them like unknown ones (fuzzy lookups, weight of what they reach).
    pub(crate) fn text_weight(&self, tok: &Token) -> (f32, bool) {
        if let TokenKind::LegalForm(_) = tok.kind {
            return (limits::LEGAL_FORM_WEIGHT, true);
        }
        let mut weight: Option<f32> = None;
        let mut established = false;
        for t in self
            .forms
            .get(&tok.text)
            .iter()
            .map(|&t| &self.terms[t as usize])
        {
            if t.text.as_ref() == tok.text {
                weight = Some(weight.map_or(t.weight, |w| w.min(t.weight)));
                established |= t.df > limits::RARE_TERM_DF;
            }
        }
        (weight.unwrap_or(1.0), established)
    }
}

/// The one-deletion neighbourhood (and the form itself) of every ASCII form long enough for a typo budget
/// (a form one edit from a query of [`limits::MIN_LEN_ONE_TYPO`] chars has at least one
/// char fewer). The first letter is never deleted: a changed first letter costs two typos.
fn deletion_map(forms: &KeyMap) -> KeyMap {
    let mut pairs: Vec<(String, TermId)> = Vec::new();
    for (slot, key) in forms.keys.iter().enumerate() {
        if !key.is_ascii()
            || key.len() + 1 < limits::MIN_LEN_ONE_TYPO
            || key.len() > limits::MAX_LEN_FUZZY + 1
        {
            continue;
        }
        // The form itself too, so one lookup per query deletion finds both a form with one
        // letter fewer than the query and a form sharing the deletion.
        pairs.push((key.to_string(), slot as TermId));
        for i in 1..key.len() {
            let mut d = String::with_capacity(key.len() - 1);
            d.push_str(&key[..i]);
            d.push_str(&key[i + 1..]);
            pairs.push((d, slot as TermId));
        }
    }
    KeyMap::build(pairs)
}

/// Truncates a name to [`limits::MAX_QUERY_BYTES`] at a char boundary.
pub(crate) fn truncate(s: &str) -> &str {
    cap_str(s, limits::MAX_QUERY_BYTES)
}

fn cap_str(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}
