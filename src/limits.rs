//! Every cap, typo budget and scoring constant of the engine, in one place.
//!
//! Caps bound the work a single query can cause whatever the input (a 10,000-character
//! name, a list where one token appears on every entry); typo budgets say how many edits a
//! token may differ by and still be found by the fuzzy lookup; scoring constants shape the
//! score. Change them here and rerun `interdict eval` and the benches.

/// Query tokens considered; the rest of a very long query is ignored (and the explanation
/// says so through the unmatched count).
pub const MAX_QUERY_TOKENS: usize = 24;

/// Input names longer than this many bytes are truncated (at a char boundary) before analysis.
pub const MAX_QUERY_BYTES: usize = 512;

/// Tokens shorter than this (in chars) get no typo tolerance: `ltd`, `ali`, `wu` must match
/// exactly (or through a phonetic / transliteration key). Four-letter tokens get one typo:
/// names such as `Besir`/`Besi`, `Young`/`Youn` are common in lists.
pub const MIN_LEN_ONE_TYPO: usize = 4;

/// Tokens at least this long may differ by two edits.
pub const MIN_LEN_TWO_TYPOS: usize = 9;

/// Tokens longer than this are looked up exactly only (the DFA would be large and such
/// tokens are usually joined words, handled by the joined-token keys).
pub const MAX_LEN_FUZZY: usize = 24;

/// The typo budget of a token of `len` chars.
pub const fn typo_budget(len: usize) -> u8 {
    if len < MIN_LEN_ONE_TYPO || len > MAX_LEN_FUZZY {
        0
    } else if len < MIN_LEN_TWO_TYPOS {
        1
    } else {
        2
    }
}

/// A query token whose text is a term on at most this many entities is still looked up
/// with typos (the list itself may carry the typo: `COMSANY`).
pub const RARE_TERM_DF: u32 = 2;

/// Dictionary terms one query token may expand to (fuzzy and key matches together); the
/// closest are kept.
pub const MAX_TERM_EXPANSIONS: usize = 32;

/// Candidate names scored in full per query (after ranking them by their upper bound).
pub const MAX_CANDIDATES: usize = 100;

/// Slack under the threshold for the candidate upper bound (rounding, split matches).
pub const BOUND_SLACK: f64 = 0.03;

/// Posting entries read per query, all tokens together; once spent, remaining (common)
/// tokens only refine names already found.
pub const MAX_POSTINGS_PER_QUERY: usize = 60_000;

/// Adjacent list tokens joined into one key (`Hik Vision` → `hikvision`). Han characters
/// are joined up to [`MAX_JOIN_HAN`].
pub const MAX_JOIN_LATIN: usize = 2;

/// Adjacent Han characters joined into one pinyin key (`海康威视` → `haikangweishi`).
pub const MAX_JOIN_HAN: usize = 4;

/// Hits returned when the caller does not say.
pub const DEFAULT_LIMIT: usize = 10;

/// The default score threshold, chosen with `interdict eval` (see README, "Choosing the
/// threshold"): the lowest value keeping false positives on the negative set under 1%;
/// minor and major variants stay above 99% and 95% there.
pub const DEFAULT_THRESHOLD: f64 = 0.85;

// ---- token similarity by how a token matched -------------------------------------------

/// Similarity of a token matched through an alternative spelling (another transliteration
/// system, another Han reading, an unexpanded abbreviation).
pub const SIM_ALT: f32 = 0.97;
/// Similarity per typo, subtracted from 1 and scaled by token length (see `score`).
pub const SIM_TYPO_BASE: f32 = 0.90;
/// Similarity of a phonetic-key match (`khoroshev` / `horoshev`).
pub const SIM_PHONETIC: f32 = 0.90;
/// Similarity of a consonant-skeleton match (`mohammed` / `mhmd`).
pub const SIM_SKELETON: f32 = 0.82;
/// Similarity of two different Han characters with the same reading (homophones).
pub const SIM_HAN_HOMOPHONE: f32 = 0.55;
/// Similarity of an initial and a name starting with it (`J.` / `Jamil`).
pub const SIM_INITIAL: f32 = 0.85;
/// Similarity of two legal forms of different classes.
pub const SIM_LEGAL_OTHER_CLASS: f32 = 0.5;
/// Similarity discount of a joined/split match (`hik vision` / `hikvision`).
pub const SIM_JOIN_FACTOR: f32 = 0.96;

// ---- weights --------------------------------------------------------------------------

/// Weight of a legal-form token: it confirms, never carries, a match.
pub const LEGAL_FORM_WEIGHT: f32 = 0.08;
/// Lowest weight of a number token: numbers must match (see [`NUMBER_MISMATCH_FACTOR`]).
pub const MIN_NUMBER_WEIGHT: f32 = 0.6;
/// Lowest weight any word token gets, however common.
pub const MIN_WORD_WEIGHT: f32 = 0.12;

// ---- score shape ----------------------------------------------------------------------

/// Share of an unmatched list token's weight that counts against the score when the query
/// matched distinctive tokens (so `Hikvision` still finds the full legal name).
pub const UNMATCHED_LIST_PENALTY: f32 = 0.20;
/// Extra share of unmatched list weight counted when the matched evidence is weak (a
/// single common word): the penalty grows to `UNMATCHED_LIST_PENALTY + WEAK_EVIDENCE_PENALTY`.
pub const WEAK_EVIDENCE_PENALTY: f32 = 1.2;
/// Matched query weight (sum of normalised rarity) from which evidence counts as strong.
pub const STRONG_EVIDENCE: f32 = 0.9;
/// Factor applied when the query and the list name carry different numbers (`11th` vs `14th`).
pub const NUMBER_MISMATCH_FACTOR: f64 = 0.55;
/// Factor applied when the query's kind contradicts the entity's (person vs organization).
pub const KIND_MISMATCH_FACTOR: f64 = 0.85;
/// Factor applied when the query's country is not among the entity's known countries.
pub const COUNTRY_MISMATCH_FACTOR: f64 = 0.93;
/// Factor for a weak (low-quality) alias.
pub const WEAK_ALIAS_FACTOR: f64 = 0.95;
