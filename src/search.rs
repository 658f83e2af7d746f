//! The query path: token lookups, candidate generation, scoring of candidates.
//!
//! 1. The query goes through [`normalize::analyze`] (the index's own pipeline).
//! 2. Each query token is looked up in the token dictionary: exact text and alternative
//!    spellings, phonetic, skeleton and native-script keys, and the joined keys of the index
//!    (`hikvision` → `hik vision`); adjacent query tokens are also looked up glued
//!    (`hik vision` → `hikvision`). When the text is unknown (or a term of at most
//!    [`limits::RARE_TERM_DF`] entities, possibly a list's own typo), typos within the
//!    token's budget: one edit through the deletion neighbourhood built at index time, two
//!    edits through a Levenshtein DFA over the fst, only when nothing else reached the
//!    token. The first letter is never changed (meilisearch's rule: that costs two typos).
//!    Every expansion is capped ([`limits::MAX_TERM_EXPANSIONS`]).
//! 3. Candidates: posting lists are read rarest token first, accumulating an upper bound
//!    per name. Once the tokens not yet read could no longer lift an unseen name to the
//!    threshold, no new names are added; the read stops at
//!    [`limits::MAX_POSTINGS_PER_QUERY`]. The best [`limits::MAX_CANDIDATES`] names by
//!    upper bound are scored in full ([`crate::score`]).

use std::cell::RefCell;

use fst::{Automaton, IntoStreamer, Streamer};
use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};

use crate::index::{Index, NameId, Span, TermClass, TermId};
use crate::limits;
use crate::model::Script;
use crate::normalize::{self, KeyKind, Origin, Token, TokenKind};
use crate::score::{self, How, Pair, Side};

/// A way a query token (or two adjacent ones) reaches a term.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TermHit {
    pub term: TermId,
    pub q: u8,
    pub q_len: u8,
    pub sim: f32,
    pub how: How,
    pub edits: u8,
    next: u32,
}

impl TermHit {
    /// A one-token hit without edits.
    fn new(term: TermId, q: u8, sim: f32, how: How) -> TermHit {
        TermHit {
            term,
            q,
            q_len: 1,
            sim,
            how,
            edits: 0,
            next: 0,
        }
    }
}

/// A query token reaching a span of adjacent tokens of one name through a joined key.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SpanHit {
    pub span: Span,
    pub q: u8,
    pub sim: f32,
}

/// The two-edit Levenshtein DFA builder, made once per screener (building it is the slow
/// part; one-edit lookups use the deletion neighbourhood instead).
pub(crate) struct Fuzzy {
    two: LevenshteinAutomatonBuilder,
}

impl Fuzzy {
    pub(crate) fn new() -> Fuzzy {
        Fuzzy {
            two: LevenshteinAutomatonBuilder::new(2, true),
        }
    }
}

impl std::fmt::Debug for Fuzzy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Fuzzy")
    }
}

/// A Levenshtein DFA over everything after a fixed prefix (the first one or two bytes).
struct PinnedPrefix<'a> {
    prefix: &'a [u8],
    dfa: &'a DFA,
}

/// State: `Prefix(i)` while matching the pinned prefix, then a DFA state.
#[derive(Clone, Copy)]
enum Pinned {
    Prefix(usize),
    Dfa(u32),
}

impl Automaton for PinnedPrefix<'_> {
    type State = Pinned;
    fn start(&self) -> Pinned {
        if self.prefix.is_empty() {
            Pinned::Dfa(self.dfa.initial_state())
        } else {
            Pinned::Prefix(0)
        }
    }
    fn is_match(&self, s: &Pinned) -> bool {
        matches!(s, Pinned::Dfa(x) if matches!(self.dfa.distance(*x), Distance::Exact(_)))
    }
    fn can_match(&self, s: &Pinned) -> bool {
        !matches!(s, Pinned::Dfa(x) if *x == SINK_STATE)
    }
    fn accept(&self, s: &Pinned, b: u8) -> Pinned {
        match *s {
            Pinned::Prefix(i) if self.prefix.get(i) == Some(&b) => {
                if i + 1 == self.prefix.len() {
                    Pinned::Dfa(self.dfa.initial_state())
                } else {
                    Pinned::Prefix(i + 1)
                }
            }
            Pinned::Prefix(_) => Pinned::Dfa(SINK_STATE),
            Pinned::Dfa(x) => Pinned::Dfa(self.dfa.transition(x, b)),
        }
    }
}

/// Per-thread scratch space, reused across queries (epoch-stamped, never cleared).
#[derive(Default)]
pub(crate) struct Scratch {
    epoch: u32,
    name_stamp: Vec<u32>,
    name_acc: Vec<f32>,
    name_mask: Vec<u32>,
    touched: Vec<NameId>,
    term_stamp: Vec<u32>,
    term_head: Vec<u32>,
    hits: Vec<TermHit>,
    spans: Vec<SpanHit>,
}

impl Scratch {
    pub(crate) fn begin_for(&mut self, index: &Index) {
        if self.name_stamp.len() < index.names.len() {
            self.name_stamp.resize(index.names.len(), 0);
            self.name_acc.resize(index.names.len(), 0.0);
            self.name_mask.resize(index.names.len(), 0);
        }
        if self.term_stamp.len() < index.terms.len() {
            self.term_stamp.resize(index.terms.len(), 0);
            self.term_head.resize(index.terms.len(), u32::MAX);
        }
        self.epoch = self.epoch.wrapping_add(1);
        if self.epoch == 0 {
            self.name_stamp.iter_mut().for_each(|s| *s = 0);
            self.term_stamp.iter_mut().for_each(|s| *s = 0);
            self.epoch = 1;
        }
        self.touched.clear();
        self.hits.clear();
        self.spans.clear();
    }

    fn add_hit(&mut self, mut hit: TermHit) {
        let t = hit.term as usize;
        if self.term_stamp[t] != self.epoch {
            self.term_stamp[t] = self.epoch;
            self.term_head[t] = u32::MAX;
        }
        // Keep one hit per (term, query start, query length): the best.
        let mut i = self.term_head[t];
        while i != u32::MAX {
            let h = &mut self.hits[i as usize];
            if h.q == hit.q && h.q_len == hit.q_len {
                if hit.sim > h.sim {
                    h.sim = hit.sim;
                    h.how = hit.how;
                    h.edits = hit.edits;
                }
                return;
            }
            i = h.next;
        }
        hit.next = self.term_head[t];
        self.term_head[t] = self.hits.len() as u32;
        self.hits.push(hit);
    }

    fn hits_of(&self, term: TermId) -> HitIter<'_> {
        let t = term as usize;
        let head = if self.term_stamp.get(t) == Some(&self.epoch) {
            self.term_head[t]
        } else {
            u32::MAX
        };
        HitIter {
            scratch: self,
            i: head,
        }
    }
}

struct HitIter<'a> {
    scratch: &'a Scratch,
    i: u32,
}

impl<'a> Iterator for HitIter<'a> {
    type Item = &'a TermHit;
    fn next(&mut self) -> Option<&'a TermHit> {
        if self.i == u32::MAX {
            return None;
        }
        let h = &self.scratch.hits[self.i as usize];
        self.i = h.next;
        Some(h)
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Runs `f` with this thread's scratch space (a fresh one if it is somehow in use).
pub(crate) fn with_scratch<R>(f: impl FnOnce(&mut Scratch) -> R) -> R {
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut s) => f(&mut s),
        Err(_) => f(&mut Scratch::default()),
    })
}

/// An analysed query.
pub(crate) struct PreparedQuery {
    pub tokens: Vec<Token>,
    pub weights: Vec<f32>,
    /// Whether the token's text is an established term of the index (see
    /// [`Index::text_weight`]).
    pub known: Vec<bool>,
    /// Whether some word of the query is a single letter (an initial).
    pub has_initial: bool,
}

/// A scored name.
#[derive(Debug, Clone)]
pub(crate) struct ScoredName {
    pub name: NameId,
    pub score: f64,
    pub number_conflict: bool,
    pub pairs: Vec<Pair>,
}

pub(crate) fn prepare(index: &Index, name: &str) -> PreparedQuery {
    let mut tokens = normalize::analyze(crate::index::truncate(name));
    tokens.truncate(limits::MAX_QUERY_TOKENS);
    let (weights, known) = tokens.iter().map(|t| index.text_weight(t)).unzip();
    let has_initial = tokens.iter().any(is_initial);
    PreparedQuery {
        tokens,
        weights,
        known,
        has_initial,
    }
}

/// A one-letter Latin word: an initial (`J.`), not a one-syllable romanisation.
fn is_initial(t: &Token) -> bool {
    t.kind == TokenKind::Word && t.script == Script::Latin && t.text.len() == 1
}

fn is_word_like(t: &Token) -> bool {
    matches!(t.kind, TokenKind::Word | TokenKind::Number | TokenKind::Han)
}

/// How an exact text match between a query token and a list term reads.
fn exact_how(q: &Token, term_class: TermClass) -> (How, f32) {
    match (q.kind, term_class) {
        (TokenKind::Han, TermClass::Han) => (How::Exact, 1.0), // refined per native char below
        (TokenKind::Han, _) | (_, TermClass::Han) => (How::Transliterated, limits::SIM_ALT),
        _ => (How::Exact, 1.0),
    }
}

/// Step 2: every way each query token reaches the dictionary.
pub(crate) fn lookup(index: &Index, fuzzy: &Fuzzy, q: &PreparedQuery, s: &mut Scratch) {
    for (qi, tok) in q.tokens.iter().enumerate() {
        let qi8 = qi as u8;
        if tok.is_legal_form() {
            continue; // legal forms pair up in the scorer, never in candidate generation
        }
        let mut found_exact = false;
        let (hits_before, spans_before) = (s.hits.len(), s.spans.len());
        let native = tok.keys_of(KeyKind::Native).next();
        for &t in index.forms.get(&tok.text) {
            let term = index.term(t);
            if term.text.as_ref() != tok.text.as_str() {
                // Reached through one of the term's alternative spellings.
                s.add_hit(TermHit::new(t, qi8, limits::SIM_ALT, How::Alternative));
                continue;
            }
            found_exact |= term.df > limits::RARE_TERM_DF;
            let (mut how, mut sim) = exact_how(tok, term.class);
            if tok.kind == TokenKind::Han
                && term.class == TermClass::Han
                && term.native.as_deref() != native
            {
                how = How::Homophone;
                sim = limits::SIM_HAN_HOMOPHONE;
            }
            if term.class == TermClass::Number
                && tok.kind != TokenKind::Number
                && tok.kind != TokenKind::Word
            {
                sim = sim.min(limits::SIM_ALT);
            }
            s.add_hit(TermHit::new(t, qi8, sim, how));
        }
        for alt in tok.keys_of(KeyKind::Alt) {
            for &t in index.forms.get(alt) {
                s.add_hit(TermHit::new(t, qi8, limits::SIM_ALT, How::Alternative));
            }
        }
        if let Some(n) = native {
            for &t in index.native.get(n) {
                s.add_hit(TermHit::new(t, qi8, 1.0, How::Exact));
            }
        }
        if tok.kind == TokenKind::Word {
            for p in tok
                .keys_of(KeyKind::Phonetic)
                .chain(std::iter::once(tok.text.as_str()))
            {
                for &t in index.phonetic.get(p) {
                    s.add_hit(TermHit::new(t, qi8, limits::SIM_PHONETIC, How::Phonetic));
                }
            }
            // Skeletons bridge scripts that do not write vowels. Between two Latin spellings
            // they must at least agree on the first letter; syllabic scripts get none (a
            // romanised Korean syllable has no meaningful skeleton).
            let vowelless = matches!(tok.script, Script::Arabic | Script::Hebrew);
            if vowelless || tok.script == Script::Latin || tok.script == Script::Cyrillic {
                for k in tok.keys_of(KeyKind::Skeleton) {
                    for &t in index.skeleton.get(k) {
                        if vowelless
                            || index.term(t).text.as_bytes().first() == tok.text.as_bytes().first()
                        {
                            s.add_hit(TermHit::new(t, qi8, limits::SIM_SKELETON, How::Skeleton));
                        }
                    }
                }
            }
        }
        // Joined keys: this token against adjacent list tokens glued together.
        if is_word_like(tok) && tok.text.len() >= 4 {
            if let Some(slot) = index.joined.get(&tok.text) {
                for span in index.joined_slot(slot) {
                    s.spans.push(SpanHit {
                        span: *span,
                        q: qi8,
                        sim: limits::SIM_JOIN_FACTOR,
                    });
                }
            }
        }
        // Typos, only for a text the dictionary does not know. Two edits are tried only when
        // nothing else reached the token (a two-edit walk costs several times a one-edit one).
        if tok.kind == TokenKind::Word && !found_exact {
            let reached = s.hits.len() > hits_before || s.spans.len() > spans_before;
            fuzzy_lookup(
                index,
                fuzzy,
                &tok.text,
                qi8,
                1,
                if reached { 1 } else { 2 },
                s,
            );
        }
    }
    // Split: two adjacent query tokens glued, against single list tokens.
    let mut glued = String::new();
    for qi in 0..q.tokens.len().saturating_sub(1) {
        let (a, b) = (&q.tokens[qi], &q.tokens[qi + 1]);
        if !(is_word_like(a) && is_word_like(b))
            || a.kind == TokenKind::Han
            || b.kind == TokenKind::Han
        {
            continue;
        }
        glued.clear();
        glued.push_str(&a.text);
        glued.push_str(&b.text);
        for &t in index.forms.get(&glued) {
            s.add_hit(TermHit {
                term: t,
                q: qi as u8,
                q_len: 2,
                sim: limits::SIM_JOIN_FACTOR,
                how: How::Split,
                edits: 0,
                next: 0,
            });
        }
    }
    // Scoring looks spans up by name.
    s.spans
        .sort_unstable_by_key(|sp| (sp.span.name, sp.q, sp.span.pos));
}

/// Fuzzy lookup within the token's typo budget (capped by `max_edits`). One edit goes
/// through the deletion neighbourhood (a dozen exact lookups, ~3 µs); two edits through a
/// Levenshtein DFA walk over the forms fst (tens of µs), only when one edit found nothing.
fn fuzzy_lookup(
    index: &Index,
    fuzzy: &Fuzzy,
    text: &str,
    q: u8,
    q_len: u8,
    max_edits: u8,
    s: &mut Scratch,
) {
    let len = text.chars().count();
    let budget = limits::typo_budget(len).min(max_edits);
    if budget == 0 || !text.is_ascii() {
        return;
    }
    // One edit: through the deletion neighbourhood built at index time (a handful of exact
    // lookups instead of an automaton walk).
    let before = s.hits.len();
    let bytes = text.as_bytes();
    let mut slots: Vec<u32> = Vec::new();
    // The query itself: forms with one letter more (their deletions), or equal (skipped below).
    slots.extend(index.deletions.get(text).iter().copied());
    let mut del = String::with_capacity(text.len());
    for i in 1..text.len() {
        del.clear();
        del.push_str(&text[..i]);
        del.push_str(&text[i + 1..]);
        slots.extend(index.deletions.get(&del).iter().copied());
    }
    slots.sort_unstable();
    slots.dedup();
    let sim = score::typo_similarity(1, len);
    let mut accepted = 0usize;
    for &slot in &slots {
        let key = index.forms.key(slot).as_bytes();
        if key == bytes || key.first() != bytes.first() || !within_one_edit(key, bytes) {
            continue;
        }
        accepted += 1;
        if accepted > limits::MAX_TERM_EXPANSIONS {
            break;
        }
        for &t in index.forms.slot(slot as u64) {
            s.add_hit(TermHit {
                term: t,
                q,
                q_len,
                sim,
                how: How::Typo,
                edits: 1,
                next: 0,
            });
        }
    }
    if budget < 2 || s.hits.len() > before {
        return;
    }
    // Two edits: a Levenshtein DFA over the fst, the first two letters pinned (one-edit
    // typos at the second letter were found above).
    let pinned = 2.min(text.len() - 1);
    let dfa = fuzzy.two.build_dfa(&text[pinned..]);
    let aut = PinnedPrefix {
        prefix: &bytes[..pinned],
        dfa: &dfa,
    };
    let mut stream = index.forms.fst.search(&aut).into_stream();
    let mut found = 0usize;
    while let Some((key, slot)) = stream.next() {
        let edits = match dfa.eval(&key[pinned..]) {
            Distance::Exact(d) => d,
            Distance::AtLeast(_) => continue,
        };
        if edits < 2 {
            continue; // exact and one-edit matches are found above
        }
        let sim = score::typo_similarity(edits, len);
        for &t in index.forms.slot(slot) {
            s.add_hit(TermHit {
                term: t,
                q,
                q_len,
                sim,
                how: How::Typo,
                edits,
                next: 0,
            });
        }
        found += 1;
        if found >= limits::MAX_TERM_EXPANSIONS {
            break;
        }
    }
}

/// Whether two byte strings are at most one edit apart (insertion, deletion, substitution,
/// or a transposition of adjacent letters).
fn within_one_edit(a: &[u8], b: &[u8]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let Some(i) = short.iter().zip(long).position(|(x, y)| x != y) else {
        return true; // equal, or `long` has one extra trailing letter
    };
    if short.len() == long.len() {
        short[i + 1..] == long[i + 1..]
            || (i + 1 < short.len()
                && short[i] == long[i + 1]
                && short[i + 1] == long[i]
                && short[i + 2..] == long[i + 2..])
    } else {
        short[i..] == long[i + 1..]
    }
}

/// A query token the dictionary does not know takes the rarity of what it matched (a typo
/// of `corporation` is as common as `corporation`); unmatched unknown tokens stay maximal.
pub(crate) fn refine_weights(index: &Index, q: &mut PreparedQuery, s: &Scratch) {
    for (qi, tok) in q.tokens.iter().enumerate() {
        if tok.is_legal_form() || q.known[qi] {
            continue;
        }
        // The most common term the token reached, other than its own rare term: a typo of
        // `company` counts as little as `company`.
        let mut best: Option<f32> = None;
        for h in s.hits.iter().filter(|h| h.q as usize == qi && h.q_len == 1) {
            let term = index.term(h.term);
            if term.text.as_ref() == tok.text && h.how == How::Exact {
                continue;
            }
            best = Some(best.map_or(term.weight, |b| b.min(term.weight)));
        }
        if let Some(w) = best {
            q.weights[qi] = q.weights[qi].min(w);
        }
    }
}

/// Step 3: candidate names, best upper bound first, at most [`limits::MAX_CANDIDATES`].
pub(crate) fn candidates(
    index: &Index,
    q: &PreparedQuery,
    threshold: f64,
    s: &mut Scratch,
) -> Vec<NameId> {
    let n = q.tokens.len();
    // Per query token: the terms it reaches with their best similarity.
    // The value of a hit is sim × the weight of the query tokens it covers (two for a split).
    let mut per_token: Vec<Vec<(TermId, f32)>> = vec![Vec::new(); n];
    for h in &s.hits {
        let w: f32 = q.weights[h.q as usize..(h.q + h.q_len) as usize]
            .iter()
            .sum();
        let wq = q.weights[h.q as usize].max(1e-6);
        let v = &mut per_token[h.q as usize];
        let value = h.sim * w / wq; // scaled so that `w * value` below is sim × covered weight
        match v.iter_mut().find(|(t, _)| *t == h.term) {
            Some(e) => e.1 = e.1.max(value),
            None => v.push((h.term, value)),
        }
    }
    for v in &mut per_token {
        v.sort_unstable_by(|a, b| b.1.total_cmp(&a.1));
        v.truncate(limits::MAX_TERM_EXPANSIONS);
    }
    let total_weight: f32 = q.weights.iter().sum::<f32>().max(1e-6);
    // Rarest (heaviest) tokens first.
    let mut order: Vec<usize> = (0..n).filter(|&i| !q.tokens[i].is_legal_form()).collect();
    order.sort_by(|&a, &b| q.weights[b].total_cmp(&q.weights[a]));
    let epoch = s.epoch;
    let mut remaining: f32 = order.iter().map(|&i| q.weights[i]).sum();
    let mut budget = limits::MAX_POSTINGS_PER_QUERY;
    let margin = 0.12;
    // Weight of query tokens whose postings were not (fully) read: counted as matched in
    // every upper bound below.
    let mut unread_weight = 0f32;
    for &qi in &order {
        let share = remaining / total_weight;
        let reachable = 2.0 * share / (1.0 + share);
        let may_add = (reachable as f64) >= threshold - margin || s.touched.is_empty();
        remaining -= q.weights[qi];
        if !may_add && s.touched.len() <= limits::MAX_CANDIDATES {
            unread_weight += q.weights[qi];
            continue;
        }
        let bit = 1u32 << (qi.min(31));
        let w = q.weights[qi];
        for &(t, sim) in &per_token[qi] {
            let posts = index.postings(t);
            if posts.len() > budget {
                unread_weight += q.weights[qi];
                break;
            }
            budget -= posts.len();
            for &name in posts {
                let ni = name as usize;
                if s.name_stamp[ni] != epoch {
                    if !may_add {
                        continue;
                    }
                    s.name_stamp[ni] = epoch;
                    s.name_acc[ni] = 0.0;
                    s.name_mask[ni] = 0;
                    s.touched.push(name);
                }
                if s.name_mask[ni] & bit == 0 {
                    s.name_mask[ni] |= bit;
                    s.name_acc[ni] += w * sim;
                }
            }
        }
    }
    s.spans
        .sort_unstable_by_key(|sp| (sp.span.name, sp.q, sp.span.pos));
    for sp in &s.spans {
        let ni = sp.span.name as usize;
        if s.name_stamp[ni] != epoch {
            s.name_stamp[ni] = epoch;
            s.name_acc[ni] = 0.0;
            s.name_mask[ni] = 0;
            s.touched.push(sp.span.name);
        }
        let bit = 1u32 << (sp.q.min(31));
        if s.name_mask[ni] & bit == 0 {
            s.name_mask[ni] |= bit;
            s.name_acc[ni] += q.weights[sp.q as usize] * sp.sim;
        }
    }
    // Upper bound of a name's score: every query token it reached aligned with its best
    // similarity, every list token aligned. Names that cannot reach the threshold are dropped.
    let legal_weight: f32 = q
        .tokens
        .iter()
        .zip(&q.weights)
        .filter(|(t, _)| t.is_legal_form())
        .map(|(_, w)| *w)
        .sum();
    let floor = (threshold - limits::BOUND_SLACK).max(0.0) as f32;
    let mut names: Vec<NameId> = s
        .touched
        .iter()
        .copied()
        .filter(|&n| {
            let wl = index.name(n).weight;
            let ub =
                (s.name_acc[n as usize] + unread_weight + legal_weight + wl) / (total_weight + wl);
            ub >= floor
        })
        .collect();
    if names.len() > limits::MAX_CANDIDATES {
        // Rank by what the query reached, less a share of the list weight it cannot have
        // reached: among names sharing the same common tokens, the shortest come first
        // (`MOHAMED` ranks the name `MOHAMED` before `MOHAMED ALI HASSAN ...`).
        let acc = &s.name_acc;
        let rank = |n: NameId| {
            let a = acc[n as usize];
            a - limits::UNMATCHED_LIST_PENALTY * (index.name(n).weight - a).max(0.0)
        };
        names.select_nth_unstable_by(limits::MAX_CANDIDATES - 1, |a, b| {
            rank(*b).total_cmp(&rank(*a))
        });
        names.truncate(limits::MAX_CANDIDATES);
    }
    names
}

/// Per-query buffers of the scorer, reused across candidates.
pub(crate) struct ScoreBufs {
    query_sides: Vec<Side>,
    list_sides: Vec<Side>,
    cands: Vec<Pair>,
    /// The alignment of the last scored name.
    pub chosen: Vec<Pair>,
}

impl ScoreBufs {
    pub(crate) fn new(q: &PreparedQuery) -> ScoreBufs {
        let query_sides = q
            .tokens
            .iter()
            .zip(&q.weights)
            .map(|(t, &w)| Side {
                weight: w,
                is_number: t.kind == TokenKind::Number,
            })
            .collect();
        ScoreBufs {
            query_sides,
            list_sides: Vec::new(),
            cands: Vec::new(),
            chosen: Vec::new(),
        }
    }
}

/// Scores one candidate name against the query: `(score, numbers conflict)`; the alignment
/// is left in `bufs.chosen`.
pub(crate) fn score_name(
    index: &Index,
    q: &PreparedQuery,
    name: NameId,
    s: &Scratch,
    bufs: &mut ScoreBufs,
) -> (f64, bool) {
    let toks = index.name_tokens(name);
    bufs.list_sides.clear();
    bufs.list_sides.extend(toks.iter().map(|t| {
        let term = index.term(t.term);
        Side {
            weight: term.weight,
            is_number: term.class == TermClass::Number,
        }
    }));
    let cands = &mut bufs.cands;
    cands.clear();
    let pair =
        |q: usize, q_len: usize, l: usize, l_len: usize, sim: f32, how: How, edits: u8| Pair {
            q,
            q_len,
            l,
            l_len,
            sim,
            how,
            edits,
        };
    for (li, lt) in toks.iter().enumerate() {
        let term = index.term(lt.term);
        if let TermClass::Legal(lc) = term.class {
            for (qi, qt) in q.tokens.iter().enumerate() {
                if let TokenKind::LegalForm(qc) = qt.kind {
                    let sim = if qc == lc {
                        1.0
                    } else {
                        limits::SIM_LEGAL_OTHER_CLASS
                    };
                    cands.push(pair(qi, 1, li, 1, sim, How::LegalForm, 0));
                }
            }
            continue;
        }
        for h in s.hits_of(lt.term) {
            let how = if h.how == How::Exact {
                refine_exact(&q.tokens[h.q as usize], lt.origin, lt.script)
            } else {
                h.how
            };
            cands.push(pair(
                h.q as usize,
                h.q_len as usize,
                li,
                1,
                h.sim,
                how,
                h.edits,
            ));
        }
    }
    // Initials on either side: a one-letter word pairs with a word starting with it.
    let list_initials = toks
        .iter()
        .any(|t| t.script == Script::Latin && index.term(t.term).text.len() == 1);
    if q.has_initial || list_initials {
        for (qi, qt) in q.tokens.iter().enumerate() {
            if qt.kind != TokenKind::Word || qt.script != Script::Latin {
                continue;
            }
            for (li, lt) in toks.iter().enumerate() {
                let term = index.term(lt.term);
                if term.class != TermClass::Word || lt.script != Script::Latin {
                    continue;
                }
                let (a, b) = (qt.text.as_bytes(), term.text.as_bytes());
                let initial = (a.len() == 1 && b.len() > 1 && b[0] == a[0])
                    || (b.len() == 1 && a.len() > 1 && a[0] == b[0]);
                if initial {
                    cands.push(pair(qi, 1, li, 1, limits::SIM_INITIAL, How::Initial, 0));
                }
            }
        }
    }
    // Spans are sorted by name (see `candidates`).
    let first = s.spans.partition_point(|sp| sp.span.name < name);
    for sp in s.spans[first..]
        .iter()
        .take_while(|sp| sp.span.name == name)
    {
        cands.push(pair(
            sp.q as usize,
            1,
            sp.span.pos as usize,
            sp.span.len as usize,
            sp.sim,
            How::Joined,
            0,
        ));
    }
    score::align(cands, &bufs.query_sides, &bufs.list_sides, &mut bufs.chosen);
    let (mut name_score, number_conflict) =
        score::name_score(&bufs.chosen, &bufs.query_sides, &bufs.list_sides);
    // A match made of legal forms alone is no match.
    if bufs
        .chosen
        .iter()
        .all(|p| (p.q..p.q + p.q_len).all(|i| q.tokens.get(i).is_some_and(|t| t.is_legal_form())))
    {
        name_score = 0.0;
    }
    (name_score, number_conflict)
}

/// Names an exact text match after the fact: transliteration, abbreviation, translation.
fn refine_exact(q: &Token, list_origin: Origin, list_script: Script) -> How {
    if q.script != list_script {
        return How::Transliterated;
    }
    let either = |o: Origin| q.origin == o || list_origin == o;
    if either(Origin::Translated) {
        How::Translated
    } else if either(Origin::Abbreviation) {
        How::Abbreviation
    } else if either(Origin::Transliterated) && q.origin != list_origin {
        How::Transliterated
    } else {
        How::Exact
    }
}
