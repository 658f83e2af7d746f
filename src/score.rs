//! Scoring: how one query name compares with one list name, and why.
//!
//! The scorer aligns query tokens with list tokens one to one (a query token may also cover
//! two joined list tokens, or two query tokens one list token), greedily by the value of
//! each pair (similarity × the rarity weights of both sides). Then:
//!
//! ```text
//! score = Σ sim·(w_q + w_l) over aligned pairs
//!         ─────────────────────────────────────────────────────────────
//!         Σ w_q (all query tokens) + Σ w_l (aligned) + p · Σ w_l (unaligned list tokens)
//! ```
//!
//! An unmatched query token counts its full weight against the score (a distinctive word
//! the list name lacks is strong evidence of a different party), an unmatched list token
//! only the share `p` (so `Hikvision` still finds `Hangzhou Hikvision Digital Technology
//! Co., Ltd.`). `p` grows when the aligned evidence is weak, so a single common word does
//! not hit every name containing it. Factors follow for contradicting numbers (`11th` vs
//! `14th`), kind, country and weak aliases. Every constant lives in [`crate::limits`].

use serde::Serialize;

use crate::limits;
use crate::model::{NameType, Script};

/// How a query token matched a list token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum How {
    /// Same text after normalisation (case, diacritics, punctuation).
    Exact,
    /// Within the typo budget (`edits` says how many).
    Typo,
    /// Another accepted spelling: another transliteration system, another Han reading,
    /// `ue` for `ü`.
    Alternative,
    /// The same token written in another script (`Ухань` / `Wuhan`, `海` / `hai`).
    Transliterated,
    /// Equal phonetic keys (`Khoroshev` / `Horoshev`).
    Phonetic,
    /// Equal consonant skeletons (`Mohammed` / `Muhammad` / `محمد`).
    Skeleton,
    /// Different Han characters with the same reading.
    Homophone,
    /// Both are legal forms (`Co., Ltd.` / `有限公司`).
    LegalForm,
    /// An abbreviation and its expansion (`Tech` / `Technology`).
    Abbreviation,
    /// A known word and its translation (`科技` / `Technology`).
    Translated,
    /// One query token matched several adjacent list tokens (`Hikvision` / `Hik Vision`).
    Joined,
    /// Several adjacent query tokens matched one list token (`Hik Vision` / `Hikvision`).
    Split,
    /// An initial matched a name starting with it (`J.` / `Jamil`).
    Initial,
    /// Nothing in the list name matched this query token.
    Unmatched,
}

/// The explanation of one query token.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TokenMatch {
    /// The query token as written (case-folded).
    pub query: String,
    /// The list token(s) it matched, as written in the list (case-folded).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<String>,
    /// How.
    pub how: How,
    /// Number of edits, for [`How::Typo`].
    #[serde(skip_serializing_if = "is_zero")]
    pub edits: u8,
    /// Token similarity in [0, 1].
    pub similarity: f32,
    /// The token's rarity weight in (0, 1] (how much it counts).
    pub weight: f32,
}

fn is_zero(v: &u8) -> bool {
    *v == 0
}

/// A factor applied to the score after the alignment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Adjustment {
    /// What it is about: `number`, `kind`, `country`, `weak_alias`.
    pub reason: String,
    /// Human-readable detail.
    pub detail: String,
    /// The factor applied (1.0 when it only informs).
    pub factor: f64,
}

/// Why a hit matched.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Explanation {
    /// The type of the matched name (primary, aka, ...).
    pub name_type: NameType,
    /// Script of the matched name.
    pub name_script: Script,
    /// One entry per query token, in query order.
    pub tokens: Vec<TokenMatch>,
    /// List tokens nothing in the query matched.
    pub unmatched: Vec<String>,
    /// Factors applied after the alignment.
    pub adjustments: Vec<Adjustment>,
    /// The score of the alignment before adjustments.
    pub name_score: f64,
}

/// One side of the alignment, as the scorer sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Side {
    /// Rarity weight.
    pub weight: f32,
    /// Whether the token is a number.
    pub is_number: bool,
}

/// An aligned pair (possibly spans) with its similarity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pair {
    /// First query token.
    pub q: usize,
    /// Number of query tokens covered.
    pub q_len: usize,
    /// First list token.
    pub l: usize,
    /// Number of list tokens covered.
    pub l_len: usize,
    /// Similarity in [0, 1].
    pub sim: f32,
    /// How the tokens matched.
    pub how: How,
    /// Edits, for [`How::Typo`].
    pub edits: u8,
}

/// Greedy one-to-one alignment: candidate pairs sorted by similarity then value
/// (similarity × the weights they cover), taken while both sides are free. Returns the chosen pairs.
pub fn align(candidates: &mut [Pair], query: &[Side], list: &[Side], out: &mut Vec<Pair>) {
    let value = |p: &Pair| {
        let wq: f32 = query[p.q..p.q + p.q_len].iter().map(|s| s.weight).sum();
        let wl: f32 = list[p.l..p.l + p.l_len].iter().map(|s| s.weight).sum();
        p.sim * (wq + wl)
    };
    // Most similar pairs first, heavier first among equals: an exact pair is never given up
    // for a span that merely covers more weight.
    candidates.sort_unstable_by(|a, b| {
        b.sim
            .total_cmp(&a.sim)
            .then_with(|| value(b).total_cmp(&value(a)))
    });
    out.clear();
    let mut q_used: u64 = 0;
    let mut l_used: u64 = 0;
    for p in candidates.iter() {
        let qm = span_mask(p.q, p.q_len);
        let lm = span_mask(p.l, p.l_len);
        if qm == 0 || lm == 0 || q_used & qm != 0 || l_used & lm != 0 {
            continue;
        }
        q_used |= qm;
        l_used |= lm;
        out.push(*p);
    }
}

fn span_mask(start: usize, len: usize) -> u64 {
    if start + len > 64 || len == 0 {
        return 0;
    }
    (((1u128 << len) - 1) as u64) << start
}

/// The name score of an alignment, in [0, 1], and whether the numbers contradict.
pub fn name_score(pairs: &[Pair], query: &[Side], list: &[Side]) -> (f64, bool) {
    let mut num = 0f32;
    let mut q_used: u64 = 0;
    let mut l_used: u64 = 0;
    let mut evidence = 0f32;
    let mut aligned_list_weight = 0f32;
    for p in pairs {
        let wq: f32 = query[p.q..p.q + p.q_len].iter().map(|s| s.weight).sum();
        let wl: f32 = list[p.l..p.l + p.l_len].iter().map(|s| s.weight).sum();
        num += p.sim * (wq + wl);
        evidence += p.sim * wq;
        aligned_list_weight += wl;
        q_used |= span_mask(p.q, p.q_len);
        l_used |= span_mask(p.l, p.l_len);
    }
    let q_total: f32 = query.iter().map(|s| s.weight).sum();
    let mut unaligned_list = 0f32;
    let mut list_number_free = false;
    for (i, s) in list.iter().enumerate() {
        if l_used & (1 << i.min(63)) == 0 {
            unaligned_list += s.weight;
            list_number_free |= s.is_number;
        }
    }
    let query_number_free = query
        .iter()
        .enumerate()
        .any(|(i, s)| s.is_number && q_used & (1 << i.min(63)) == 0);
    let weak = 1.0 - (evidence / limits::STRONG_EVIDENCE).min(1.0);
    let penalty = limits::UNMATCHED_LIST_PENALTY + limits::WEAK_EVIDENCE_PENALTY * weak;
    let den = q_total + aligned_list_weight + penalty * unaligned_list;
    let score = if den > 0.0 {
        (num / den).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (score as f64, query_number_free && list_number_free)
}

/// Token similarity for a typo match of `edits` edits on a token of `len` chars.
pub fn typo_similarity(edits: u8, len: usize) -> f32 {
    if edits == 0 {
        return 1.0;
    }
    let per = (1.0 - limits::SIM_TYPO_BASE) * 8.0 / (len.max(4) as f32);
    (1.0 - per * edits as f32).clamp(0.5, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-to-one exact-kind pair of query token `q` and list token `l`.
    fn pair(q: usize, l: usize, sim: f32) -> Pair {
        Pair {
            q,
            q_len: 1,
            l,
            l_len: 1,
            sim,
            how: How::Exact,
            edits: 0,
        }
    }

    fn w(ws: &[f32]) -> Vec<Side> {
        ws.iter()
            .map(|&weight| Side {
                weight,
                is_number: false,
            })
            .collect()
    }

    #[test]
    fn full_match_scores_one() {
        let q = w(&[0.8, 0.5]);
        let l = w(&[0.8, 0.5]);
        let mut c = vec![pair(0, 0, 1.0), pair(1, 1, 1.0)];
        let mut out = Vec::new();
        align(&mut c, &q, &l, &mut out);
        let (s, n) = name_score(&out, &q, &l);
        assert!((s - 1.0).abs() < 1e-6);
        assert!(!n);
    }

    #[test]
    fn one_to_one_alignment() {
        // Two query tokens both like list token 0 best; only one may take it.
        let q = w(&[0.9, 0.9]);
        let l = w(&[0.9, 0.9]);
        let mut c = vec![pair(0, 0, 1.0), pair(1, 0, 0.95), pair(1, 1, 0.9)];
        let mut out = Vec::new();
        align(&mut c, &q, &l, &mut out);
        assert_eq!(out.len(), 2);
        assert!(out.iter().any(|p| p.q == 1 && p.l == 1));
    }

    #[test]
    fn unmatched_query_token_costs_more_than_unmatched_list_token() {
        let pair = [pair(0, 0, 1.0)];
        let (extra_query, _) = name_score(&pair, &w(&[0.9, 0.7]), &w(&[0.9]));
        let (extra_list, _) = name_score(&pair, &w(&[0.9]), &w(&[0.9, 0.7]));
        assert!(extra_list > extra_query, "{extra_list} vs {extra_query}");
    }

    #[test]
    fn weak_evidence_raises_the_list_penalty() {
        let pair = [pair(0, 0, 1.0)];
        let (distinctive, _) = name_score(&pair, &w(&[0.95]), &w(&[0.95, 0.5, 0.4]));
        let (common, _) = name_score(&pair, &w(&[0.4]), &w(&[0.4, 0.5, 0.95]));
        assert!(distinctive > 0.75, "{distinctive}");
        assert!(common < 0.6, "{common}");
    }

    #[test]
    fn numbers_contradict_only_when_both_sides_have_a_free_number() {
        let q = vec![
            Side {
                weight: 0.9,
                is_number: false,
            },
            Side {
                weight: 0.7,
                is_number: true,
            },
        ];
        let l = vec![
            Side {
                weight: 0.9,
                is_number: false,
            },
            Side {
                weight: 0.7,
                is_number: true,
            },
        ];
        let pair = [pair(0, 0, 1.0)];
        assert!(name_score(&pair, &q, &l).1);
        assert!(!name_score(&pair, &q, &l[..1]).1);
    }

    #[test]
    fn typo_similarity_decreases_with_edits_and_shortness() {
        assert!(typo_similarity(1, 10) > typo_similarity(1, 5));
        assert!(typo_similarity(2, 10) < typo_similarity(1, 10));
        assert_eq!(typo_similarity(0, 3), 1.0);
    }
}
