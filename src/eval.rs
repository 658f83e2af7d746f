//! Quality evaluation: a deterministic suite of screening cases built from the real lists, and a
//! runner that measures recall, top-1 and false-positive rate.
//!
//! The suite ([`build_suite`]) loads the reference list (OFAC SDN, UK OFSI, UN, US CSL) from a
//! data root given by the caller, then samples names and derives queries:
//!
//! * `exact`: a primary name or strong alias, verbatim;
//! * `minor`: one small change ([`variants::Minor`]);
//! * `major`: two small changes or one larger change ([`variants::Major`]);
//! * `cross-script`: a native-script name (Cyrillic, Arabic, Han, ...) screened against a copy of
//!   the lists with all non-Latin names removed ([`Suite::latin_only`]);
//! * `negative`: names that are on no list (synthetic people, Shanghai-listed companies).
//!
//! The runner ([`run`], [`run_suite`]) takes the screening as a closure `Fn(&str) -> Vec<(id,
//! score)>`, so it is independent of the engine; [`screener_fn`] adapts a [`Screener`].

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::io::Read;
use std::path::Path;

use serde::Serialize;

use crate::formats::ofac_csv::{self, LoadReport, ReadError};
use crate::formats::{csl_csv, uk_csv, un_xml};
use crate::model::{Entity, EntityKind, NameQuality, NameType, Script};
use crate::normalize::detect_script;
use crate::screen::{Query, ScreenOptions, Screener};

/// Building the suite failed.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A list could not be read.
    #[error(transparent)]
    Read(#[from] ReadError),
    /// A file could not be opened or read.
    #[error("{file}: {source}")]
    Io {
        /// The file.
        file: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// A CSV file of names is malformed.
    #[error("{file}:{line}: {message}")]
    Csv {
        /// The file.
        file: String,
        /// 1-based line number (0 when unknown).
        line: u64,
        /// What went wrong.
        message: String,
    },
    /// A required column is absent.
    #[error("{file}: missing column `{column}`")]
    MissingColumn {
        /// The file.
        file: String,
        /// The column.
        column: String,
    },
}

// ---------------------------------------------------------------------------------------------
// Deterministic PRNG.
// ---------------------------------------------------------------------------------------------

/// A small deterministic PRNG (SplitMix64): the same seed gives the same suite on every platform.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 11) as u128 * n as u128) >> 53) as usize
    }
    /// A random element.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len())])
    }
    /// Shuffles in place (Fisher-Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Normalised keys.
// ---------------------------------------------------------------------------------------------

/// Lowercase alphanumeric tokens of a name, sorted: the key used to decide that two names are
/// "the same" (for expected ids, variant collisions and negatives).
pub fn name_key(s: &str) -> String {
    let mut toks: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(|t| t.to_lowercase())
        .collect();
    toks.sort();
    toks.join(" ")
}

fn collapse_ws(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------
// Variant generators.
// ---------------------------------------------------------------------------------------------

pub mod variants {
    //! Name variant generators. Each returns `None` when it does not apply to the name or would
    //! not change it.

    use super::Rng;
    use crate::model::EntityKind;
    use serde::Serialize;
    use unicode_normalization::UnicodeNormalization;

    /// A one-change variant.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum Minor {
        /// Upper/lower/title case.
        Case,
        /// Punctuation removed (or added when there is none).
        Punctuation,
        /// Legal form swapped between long and short form, or dropped.
        LegalForm,
        /// One letter inserted, deleted, substituted or transposed (never the first letter).
        Typo,
        /// `SURNAME, Given` ↔ `Given SURNAME` (persons).
        NameOrder,
        /// Diacritics removed (or one added).
        Diacritics,
        /// Hyphen ↔ space.
        Hyphen,
    }

    impl Minor {
        /// All minor variants.
        pub const ALL: [Minor; 7] = [
            Minor::Case,
            Minor::Punctuation,
            Minor::LegalForm,
            Minor::Typo,
            Minor::NameOrder,
            Minor::Diacritics,
            Minor::Hyphen,
        ];
        /// The label used in categories (`typo`, `legal-form`, ...).
        pub fn label(self) -> &'static str {
            match self {
                Minor::Case => "case",
                Minor::Punctuation => "punctuation",
                Minor::LegalForm => "legal-form",
                Minor::Typo => "typo",
                Minor::NameOrder => "name-order",
                Minor::Diacritics => "diacritics",
                Minor::Hyphen => "hyphen-space",
            }
        }
        /// Applies the change.
        pub fn apply(self, name: &str, kind: EntityKind, rng: &mut Rng) -> Option<String> {
            let out = match self {
                Minor::Case => case_change(name, rng),
                Minor::Punctuation => punctuation(name, rng),
                Minor::LegalForm => legal_form(name, kind, rng),
                Minor::Typo => typo(name, rng),
                Minor::NameOrder => name_order(name, kind),
                Minor::Diacritics => diacritics(name, rng),
                Minor::Hyphen => hyphen_space(name, rng),
            }?;
            changed(name, out)
        }
    }

    /// A larger change.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
    #[serde(rename_all = "kebab-case")]
    pub enum Major {
        /// Two different minor changes.
        TwoChanges,
        /// A middle name dropped (persons with at least three name tokens).
        DroppedMiddle,
        /// A word abbreviated or expanded (Technology ↔ Tech, International ↔ Intl, ...).
        Abbreviation,
        /// Two adjacent tokens joined.
        MergedTokens,
        /// A long token split in two.
        SplitToken,
        /// A phonetic respelling (ph ↔ f, ck → k, w ↔ v, double ↔ single consonant, ...).
        Phonetic,
        /// The (first) given name replaced by its initial (persons).
        Initials,
    }

    impl Major {
        /// All major variants.
        pub const ALL: [Major; 7] = [
            Major::TwoChanges,
            Major::DroppedMiddle,
            Major::Abbreviation,
            Major::MergedTokens,
            Major::SplitToken,
            Major::Phonetic,
            Major::Initials,
        ];
        /// The label used in categories.
        pub fn label(self) -> &'static str {
            match self {
                Major::TwoChanges => "two-changes",
                Major::DroppedMiddle => "dropped-middle",
                Major::Abbreviation => "abbreviation",
                Major::MergedTokens => "merged-tokens",
                Major::SplitToken => "split-token",
                Major::Phonetic => "phonetic",
                Major::Initials => "initials",
            }
        }
        /// Applies the change.
        pub fn apply(self, name: &str, kind: EntityKind, rng: &mut Rng) -> Option<String> {
            let out = match self {
                Major::TwoChanges => two_changes(name, kind, rng),
                Major::DroppedMiddle => dropped_middle(name, kind, rng),
                Major::Abbreviation => abbreviation(name, rng),
                Major::MergedTokens => merge_tokens(name, rng),
                Major::SplitToken => split_token(name, rng),
                Major::Phonetic => phonetic(name, rng),
                Major::Initials => initials(name, kind),
            }?;
            changed(name, out)
        }
    }

    fn changed(orig: &str, out: String) -> Option<String> {
        let out = super::collapse_ws(&out);
        (!out.is_empty() && out != super::collapse_ws(orig)).then_some(out)
    }

    fn is_upper(s: &str) -> bool {
        s.chars().any(|c| c.is_alphabetic()) && !s.chars().any(|c| c.is_lowercase())
    }

    fn title(s: &str) -> String {
        s.split(' ')
            .map(|w| {
                let mut cs = w.chars();
                match cs.next() {
                    Some(f) => f
                        .to_uppercase()
                        .chain(cs.flat_map(char::to_lowercase))
                        .collect(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Case style of `model` applied to `s` (upper, title or as given).
    fn like(model: &str, s: &str) -> String {
        if is_upper(model) {
            s.to_uppercase()
        } else if model.chars().next().is_some_and(char::is_uppercase) {
            title(s)
        } else {
            s.to_lowercase()
        }
    }

    fn key(t: &str) -> String {
        t.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    }

    fn tokens(name: &str) -> Vec<String> {
        name.split_whitespace().map(str::to_string).collect()
    }

    fn is_person(kind: EntityKind) -> bool {
        kind == EntityKind::Person
    }

    fn is_org(kind: EntityKind) -> bool {
        matches!(kind, EntityKind::Organization | EntityKind::Unknown)
    }

    fn case_change(name: &str, rng: &mut Rng) -> Option<String> {
        let options = [
            name.to_uppercase(),
            name.to_lowercase(),
            title(&name.to_lowercase()),
        ];
        let diff: Vec<&String> = options.iter().filter(|o| o.as_str() != name).collect();
        rng.pick(&diff).map(|s| s.to_string())
    }

    const PUNCT: &[char] = &[
        '.', ',', '\'', '"', '(', ')', '/', '&', ';', ':', '`', '\u{2019}',
    ];

    fn punctuation(name: &str, rng: &mut Rng) -> Option<String> {
        if name.contains(PUNCT) {
            return Some(name.replace(PUNCT, " ").replace("  ", " "));
        }
        let toks = tokens(name);
        if toks.len() < 2 {
            return None;
        }
        let i = rng.below(toks.len() - 1);
        let mut out = toks.clone();
        out[i].push(if rng.below(2) == 0 { ',' } else { '.' });
        Some(out.join(" "))
    }

    /// Legal forms (normalised token keys) and their other spelling.
    const LEGAL: &[(&[&str], &str)] = &[
        (&["company", "limited"], "Co., Ltd."),
        (&["co", "ltd"], "Company Limited"),
        (&["coltd"], "Company Limited"),
        (&["limited", "liability", "company"], "LLC"),
        (&["llc"], "Limited Liability Company"),
        (&["public", "joint", "stock", "company"], "PJSC"),
        (&["pjsc"], "Public Joint Stock Company"),
        (&["joint", "stock", "company"], "JSC"),
        (&["jsc"], "Joint Stock Company"),
        (&["limited"], "Ltd"),
        (&["ltd"], "Limited"),
        (&["incorporated"], "Inc."),
        (&["inc"], "Incorporated"),
        (&["corporation"], "Corp."),
        (&["corp"], "Corporation"),
        (&["gmbh"], "GmbH"),
        (&["sa"], "S.A."),
    ];

    fn legal_form(name: &str, kind: EntityKind, rng: &mut Rng) -> Option<String> {
        if !is_org(kind) {
            return None;
        }
        let toks = tokens(name);
        let keys: Vec<String> = toks.iter().map(|t| key(t)).collect();
        for (pat, other) in LEGAL {
            let n = pat.len();
            if keys.len() <= n
                || keys[keys.len() - n..]
                    .iter()
                    .zip(pat.iter())
                    .any(|(a, b)| a != b)
            {
                continue;
            }
            let head = &toks[..toks.len() - n];
            let mut head: Vec<String> = head.to_vec();
            let drop = rng.below(2) == 0 || *other == "GmbH" || *other == "S.A.";
            if drop {
                if let Some(last) = head.last_mut() {
                    *last = last.trim_end_matches([',', '.']).to_string();
                }
                return Some(head.join(" "));
            }
            let tail = toks[toks.len() - n..].join(" ");
            let repl = if is_upper(&tail) {
                other.to_uppercase()
            } else {
                other.to_string()
            };
            head.push(repl);
            return Some(head.join(" "));
        }
        None
    }

    /// Tokens (indexes) made of letters only, at least `min` characters long.
    fn word_tokens(toks: &[String], min: usize) -> Vec<usize> {
        (0..toks.len())
            .filter(|&i| toks[i].chars().count() >= min && toks[i].chars().all(char::is_alphabetic))
            .collect()
    }

    fn random_letter(rng: &mut Rng, upper: bool, not: Option<char>) -> char {
        loop {
            let c = (b'a' + rng.below(26) as u8) as char;
            let c = if upper { c.to_ascii_uppercase() } else { c };
            if Some(c.to_ascii_lowercase()) != not.map(|n| n.to_ascii_lowercase()) {
                return c;
            }
        }
    }

    /// One edit (insert / delete / substitute / transpose) in a token of at least 5 letters,
    /// never at the first letter.
    pub fn typo(name: &str, rng: &mut Rng) -> Option<String> {
        let mut toks = tokens(name);
        let i = *rng.pick(&word_tokens(&toks, 5))?;
        let mut cs: Vec<char> = toks[i].chars().collect();
        let upper = is_upper(&toks[i]);
        let n = cs.len();
        match rng.below(4) {
            0 => {
                let p = 1 + rng.below(n);
                cs.insert(p, random_letter(rng, upper, None));
            }
            1 => {
                cs.remove(1 + rng.below(n - 1));
            }
            2 => {
                let p = 1 + rng.below(n - 1);
                cs[p] = random_letter(rng, upper, Some(cs[p]));
            }
            _ => {
                let ps: Vec<usize> = (1..n - 1).filter(|&p| cs[p] != cs[p + 1]).collect();
                let p = *rng.pick(&ps)?;
                cs.swap(p, p + 1);
            }
        }
        toks[i] = cs.into_iter().collect();
        Some(toks.join(" "))
    }

    fn name_order(name: &str, kind: EntityKind) -> Option<String> {
        if !is_person(kind) {
            return None;
        }
        if let Some((sur, given)) = name.split_once(',') {
            let (sur, given) = (sur.trim(), given.trim());
            if sur.is_empty() || given.is_empty() || given.contains(',') {
                return None;
            }
            return Some(format!("{given} {sur}"));
        }
        let toks = tokens(name);
        if toks.len() < 2 {
            return None;
        }
        let (last, rest) = toks.split_last()?;
        Some(format!("{last}, {}", rest.join(" ")))
    }

    fn strip_diacritics(s: &str) -> String {
        s.nfd()
            .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
            .nfc()
            .collect()
    }

    fn diacritics(name: &str, rng: &mut Rng) -> Option<String> {
        let stripped = strip_diacritics(name);
        if stripped != name {
            return Some(stripped);
        }
        const ADD: &[(char, char)] = &[
            ('e', 'é'),
            ('a', 'á'),
            ('o', 'ö'),
            ('u', 'ü'),
            ('i', 'í'),
            ('c', 'ç'),
            ('n', 'ñ'),
        ];
        let cs: Vec<char> = name.chars().collect();
        let pos: Vec<usize> = (0..cs.len())
            .filter(|&i| ADD.iter().any(|(a, _)| *a == cs[i].to_ascii_lowercase()))
            .collect();
        let p = *rng.pick(&pos)?;
        let (_, d) = ADD.iter().find(|(a, _)| *a == cs[p].to_ascii_lowercase())?;
        let mut out = cs.clone();
        out[p] = if cs[p].is_uppercase() {
            d.to_uppercase().next()?
        } else {
            *d
        };
        Some(out.into_iter().collect())
    }

    fn hyphen_space(name: &str, rng: &mut Rng) -> Option<String> {
        let cs: Vec<char> = name.chars().collect();
        let hy: Vec<usize> = (1..cs.len().saturating_sub(1))
            .filter(|&i| cs[i] == '-' && cs[i - 1].is_alphanumeric() && cs[i + 1].is_alphanumeric())
            .collect();
        if let Some(&p) = rng.pick(&hy) {
            let mut out = cs.clone();
            out[p] = ' ';
            return Some(out.into_iter().collect());
        }
        let toks = tokens(name);
        let words = word_tokens(&toks, 2);
        let pairs: Vec<usize> = words
            .iter()
            .copied()
            .filter(|&i| words.contains(&(i + 1)))
            .collect();
        let i = *rng.pick(&pairs)?;
        let mut out = toks.clone();
        let next = out.remove(i + 1);
        out[i] = format!("{}-{next}", out[i]);
        Some(out.join(" "))
    }

    fn two_changes(name: &str, kind: EntityKind, rng: &mut Rng) -> Option<String> {
        let mut ops = Minor::ALL.to_vec();
        rng.shuffle(&mut ops);
        let mut applied = 0;
        let mut cur = name.to_string();
        for op in ops {
            if let Some(next) = op.apply(&cur, kind, rng) {
                cur = next;
                applied += 1;
                if applied == 2 {
                    return Some(cur);
                }
            }
        }
        None
    }

    fn dropped_middle(name: &str, kind: EntityKind, rng: &mut Rng) -> Option<String> {
        if !is_person(kind) {
            return None;
        }
        if let Some((sur, given)) = name.split_once(',') {
            let mut g = tokens(given);
            if g.len() < 2 {
                return None;
            }
            g.remove(1 + rng.below(g.len() - 1));
            return Some(format!("{}, {}", sur.trim(), g.join(" ")));
        }
        let mut toks = tokens(name);
        if toks.len() < 3 {
            return None;
        }
        toks.remove(1 + rng.below(toks.len() - 2));
        Some(toks.join(" "))
    }

    const ABBR: &[(&str, &str)] = &[
        ("technology", "tech"),
        ("technologies", "techs"),
        ("international", "intl"),
        ("corporation", "corp"),
        ("company", "co"),
        ("group", "grp"),
        ("industries", "inds"),
        ("industrial", "indl"),
        ("manufacturing", "mfg"),
        ("engineering", "eng"),
        ("development", "dev"),
        ("investment", "invest"),
        ("trading", "trdg"),
        ("services", "svcs"),
        ("association", "assn"),
        ("institute", "inst"),
        ("university", "univ"),
        ("academy", "acad"),
        ("electronics", "elec"),
        ("national", "natl"),
        ("shipping", "shpg"),
        ("management", "mgmt"),
        ("brothers", "bros"),
        ("mountain", "mtn"),
        ("saint", "st"),
        ("research", "res"),
    ];

    fn abbreviation(name: &str, rng: &mut Rng) -> Option<String> {
        let toks = tokens(name);
        let mut options = Vec::new();
        for (i, t) in toks.iter().enumerate() {
            let k = key(t);
            for (long, short) in ABBR {
                if k == *long {
                    options.push((i, *short));
                } else if k == *short && t.chars().all(char::is_alphabetic) && i > 0 {
                    options.push((i, *long));
                }
            }
        }
        let (i, repl) = *rng.pick(&options)?;
        let mut out = toks.clone();
        let trail: String = toks[i]
            .chars()
            .rev()
            .take_while(|c| !c.is_alphanumeric())
            .collect();
        out[i] = format!(
            "{}{}",
            like(&toks[i], repl),
            trail.chars().rev().collect::<String>()
        );
        Some(out.join(" "))
    }

    fn merge_tokens(name: &str, rng: &mut Rng) -> Option<String> {
        let toks = tokens(name);
        let words = word_tokens(&toks, 2);
        let pairs: Vec<usize> = words
            .iter()
            .copied()
            .filter(|&i| words.contains(&(i + 1)))
            .collect();
        let i = *rng.pick(&pairs)?;
        let mut out = toks.clone();
        let next = out.remove(i + 1);
        out[i].push_str(&next);
        Some(out.join(" "))
    }

    fn split_token(name: &str, rng: &mut Rng) -> Option<String> {
        let toks = tokens(name);
        let i = *rng.pick(&word_tokens(&toks, 8))?;
        let cs: Vec<char> = toks[i].chars().collect();
        let p = 3 + rng.below(cs.len() - 5);
        let mut out = toks.clone();
        out[i] = format!(
            "{} {}",
            cs[..p].iter().collect::<String>(),
            cs[p..].iter().collect::<String>()
        );
        Some(out.join(" "))
    }

    const PHONETIC: &[(&str, &str)] = &[
        ("ph", "f"),
        ("f", "ph"),
        ("ck", "k"),
        ("ou", "u"),
        ("oo", "u"),
        ("y", "i"),
        ("i", "y"),
        ("w", "v"),
        ("v", "w"),
        ("kh", "h"),
        ("ee", "i"),
        ("sch", "sh"),
        ("sh", "sch"),
        ("dzh", "j"),
        ("ts", "tz"),
        ("c", "k"),
        ("q", "k"),
        ("x", "ks"),
    ];

    fn is_vowel(c: char) -> bool {
        "aeiouy".contains(c)
    }

    /// One phonetic respelling at a random applicable place (not at the start of a token).
    pub fn phonetic(name: &str, rng: &mut Rng) -> Option<String> {
        let cs: Vec<char> = name.chars().collect();
        let low: Vec<char> = cs.iter().map(|c| c.to_ascii_lowercase()).collect();
        // (start, length, replacement)
        let mut options: Vec<(usize, usize, String)> = Vec::new();
        for i in 1..low.len() {
            if !low[i - 1].is_alphabetic() {
                continue;
            }
            for (from, to) in PHONETIC {
                let f: Vec<char> = from.chars().collect();
                if low[i..].starts_with(&f) {
                    options.push((i, f.len(), to.to_string()));
                }
            }
            let c = low[i];
            if c.is_ascii_alphabetic() && !is_vowel(c) {
                if i + 1 < low.len() && low[i + 1] == c {
                    options.push((i, 2, c.to_string()));
                } else if is_vowel(low[i - 1]) && i + 1 < low.len() && is_vowel(low[i + 1]) {
                    options.push((i, 1, format!("{c}{c}")));
                }
            }
        }
        let (i, n, to) = rng.pick(&options)?.clone();
        let to = if cs[i].is_uppercase() {
            to.to_uppercase()
        } else {
            to
        };
        let mut out: String = cs[..i].iter().collect();
        out.push_str(&to);
        out.extend(&cs[i + n..]);
        Some(out)
    }

    fn initial(t: &str) -> Option<String> {
        let mut cs = t.chars();
        let f = cs.next()?;
        (f.is_alphabetic() && t.chars().filter(|c| c.is_alphabetic()).count() >= 2)
            .then(|| format!("{f}."))
    }

    fn initials(name: &str, kind: EntityKind) -> Option<String> {
        if !is_person(kind) {
            return None;
        }
        if let Some((sur, given)) = name.split_once(',') {
            let mut g = tokens(given);
            let first = g.first_mut()?;
            *first = initial(first)?;
            return Some(format!("{}, {}", sur.trim(), g.join(" ")));
        }
        let mut toks = tokens(name);
        if toks.len() < 2 {
            return None;
        }
        toks[0] = initial(&toks[0])?;
        Some(toks.join(" "))
    }
}

use variants::{Major, Minor};

// ---------------------------------------------------------------------------------------------
// Cases and the suite.
// ---------------------------------------------------------------------------------------------

/// The kind of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CaseKind {
    /// A listed name verbatim.
    Exact,
    /// One small change.
    Minor,
    /// Two small changes or one large one.
    Major,
    /// A native-script name against Latin-only lists.
    CrossScript,
    /// A name on no list: must hit nothing.
    Negative,
}

impl CaseKind {
    /// The label (`exact`, `minor`, `major`, `cross-script`, `negative`).
    pub fn as_str(self) -> &'static str {
        match self {
            CaseKind::Exact => "exact",
            CaseKind::Minor => "minor",
            CaseKind::Major => "major",
            CaseKind::CrossScript => "cross-script",
            CaseKind::Negative => "negative",
        }
    }
}

impl fmt::Display for CaseKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One screening case.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Case {
    /// Exact, minor, major, cross-script or negative.
    pub kind: CaseKind,
    /// `kind/subtype`, e.g. `minor/typo`, `cross-script/cyrillic`, `negative/sse-company`.
    pub category: String,
    /// The query name.
    pub query: String,
    /// The name the query was derived from (empty for negatives).
    pub source_name: String,
    /// Ids of the entities a correct screening finds: the source entity and any other listing
    /// carrying the same name (same [`name_key`]). Empty for negatives.
    pub expected: Vec<String>,
}

/// How many cases of each kind to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SuiteConfig {
    /// Exact cases.
    pub exact: usize,
    /// Minor-variant cases.
    pub minor: usize,
    /// Major-variant cases.
    pub major: usize,
    /// Cross-script cases, at most this many per script.
    pub cross_script_per_script: usize,
    /// Negative cases (half synthetic people, half companies when enough are available).
    pub negatives: usize,
}

impl Default for SuiteConfig {
    fn default() -> Self {
        SuiteConfig {
            exact: 1500,
            minor: 1500,
            major: 1500,
            cross_script_per_script: 1500,
            negatives: 3000,
        }
    }
}

/// What was loaded from one list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ListStats {
    /// Short list name (`ofac-sdn`, `uk`, `un`, `csl`).
    pub list: String,
    /// Entities kept in the reference list.
    pub entities: usize,
    /// Names of those entities (all scripts).
    pub names: usize,
    /// Of which non-Latin (native-script) names.
    pub native_names: usize,
    /// Reader warnings.
    pub warnings: usize,
}

/// The evaluation suite: the reference entities and the cases.
#[derive(Debug, Clone)]
pub struct Suite {
    /// All entities of all lists (ids unique).
    pub reference: Vec<Entity>,
    /// The same entities without their non-Latin names (entities left without a name dropped):
    /// the lists that cross-script cases are screened against.
    pub latin_only: Vec<Entity>,
    /// The cases.
    pub cases: Vec<Case>,
    /// Per-list load counts.
    pub lists: Vec<ListStats>,
    /// Reader warnings, all lists.
    pub warnings: Vec<String>,
}

impl Suite {
    /// Number of cases per kind and category.
    pub fn counts(&self) -> BTreeMap<(CaseKind, String), usize> {
        let mut m = BTreeMap::new();
        for c in &self.cases {
            *m.entry((c.kind, c.category.clone())).or_insert(0) += 1;
        }
        m
    }
}

fn is_latin(n: &crate::model::Name) -> bool {
    n.script == Script::Latin && detect_script(&n.value) == Script::Latin
}

fn stats(list: &str, entities: &[Entity], report: &LoadReport) -> ListStats {
    ListStats {
        list: list.into(),
        entities: entities.len(),
        names: entities.iter().map(|e| e.names.len()).sum(),
        native_names: entities
            .iter()
            .flat_map(|e| &e.names)
            .filter(|n| !is_latin(n))
            .count(),
        warnings: report.warnings.len(),
    }
}

/// The loaded reference list.
#[derive(Debug, Clone)]
pub struct Reference {
    /// All entities of all lists (ids unique).
    pub entities: Vec<Entity>,
    /// Per-list load counts.
    pub lists: Vec<ListStats>,
    /// Reader warnings, all lists.
    pub warnings: Vec<String>,
}

/// Loads the reference list from the data root: OFAC SDN (the July 2021 four-file set, updated
/// with the May 2024 `sdn.csv`: a newer record replaces the older one, whose aliases and
/// addresses are kept), UK OFSI ConList, UN consolidated XML and the 2022 US CSL.
pub fn load_reference(data_root: &Path) -> Result<Reference, EvalError> {
    let lists = data_root.join("lists");
    let mut all = Vec::new();
    let mut stats_out = Vec::new();
    let mut warnings = Vec::new();

    let (old, mut report) = ofac_csv::load_dir(&lists.join("ofac/sdn-2021-07"))?;
    let p = lists.join("ofac/sdn-2024-05/sdn.csv");
    let f = std::fs::File::open(&p).map_err(|source| EvalError::Io {
        file: p.display().to_string(),
        source,
    })?;
    let source = crate::model::SourceInfo {
        name: "ofac".into(),
        date: Some("2024-05-03".into()),
        origin: Some(p.display().to_string()),
    };
    let (new, r2) = ofac_csv::read_primary(
        std::io::BufReader::new(f),
        &p.display().to_string(),
        &source,
    )?;
    report.merge(r2);
    let ofac = merge_newer(old, new);
    stats_out.push(stats("ofac-sdn", &ofac, &report));
    warnings.extend(report.warnings);
    all.extend(ofac);

    for (list, res) in [
        (
            "uk",
            uk_csv::load_file(&lists.join("uk/ofsi-2025-04/ConList.csv")),
        ),
        (
            "un",
            un_xml::load_file(&lists.join("un/2026-02/UN_consolidated.xml")),
        ),
        (
            "csl",
            csl_csv::load_file(&lists.join("us-csl/2022-05/consolidated.csv.gz")),
        ),
    ] {
        let (es, rep) = res?;
        stats_out.push(stats(list, &es, &rep));
        warnings.extend(rep.warnings);
        all.extend(es);
    }
    let mut seen = HashSet::new();
    all.retain(|e| seen.insert(e.id.clone()));
    Ok(Reference {
        entities: all,
        lists: stats_out,
        warnings,
    })
}

/// Merges two versions of a list: entries of `newer` replace those of `older` with the same id,
/// keeping the older aliases (non-primary names) and, when the newer has none, addresses.
pub fn merge_newer(older: Vec<Entity>, newer: Vec<Entity>) -> Vec<Entity> {
    let mut old: HashMap<String, Entity> =
        older.iter().map(|e| (e.id.clone(), e.clone())).collect();
    let mut out = Vec::with_capacity(older.len().max(newer.len()));
    let new_ids: HashSet<&str> = newer.iter().map(|e| e.id.as_str()).collect();
    for mut e in newer.iter().cloned() {
        if let Some(o) = old.remove(&e.id) {
            for n in o
                .names
                .into_iter()
                .filter(|n| n.name_type != NameType::Primary)
            {
                if !e.names.iter().any(|x| x.value == n.value) {
                    e.names.push(n);
                }
            }
            if e.addresses.is_empty() {
                e.addresses = o.addresses;
            }
        }
        out.push(e);
    }
    out.extend(
        older
            .into_iter()
            .filter(|e| !new_ids.contains(e.id.as_str())),
    );
    out
}

/// Reads the `full_name` column of a yente negatives CSV (`negatives_global.csv`).
pub fn read_negative_names<R: Read>(reader: R, file: &str) -> Result<Vec<String>, EvalError> {
    read_column(reader, file, "full_name")
}

/// Reads the English company names (`公司英文全称`) of the Shanghai Stock Exchange list
/// (`GPLIST.derived.csv`).
pub fn read_company_names<R: Read>(reader: R, file: &str) -> Result<Vec<String>, EvalError> {
    read_column(reader, file, "公司英文全称")
}

fn read_column<R: Read>(reader: R, file: &str, column: &str) -> Result<Vec<String>, EvalError> {
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let csv_err = |e: csv::Error| EvalError::Csv {
        file: file.into(),
        line: e.position().map(|p| p.line()).unwrap_or(0),
        message: e.to_string(),
    };
    let headers = rdr.headers().map_err(csv_err)?.clone();
    let c = headers
        .iter()
        .position(|h| h.trim_start_matches('\u{feff}').trim() == column)
        .ok_or_else(|| EvalError::MissingColumn {
            file: file.into(),
            column: column.into(),
        })?;
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(csv_err)?;
        if let Some(v) = rec
            .get(c)
            .map(str::trim)
            .filter(|v| !v.is_empty() && *v != "-")
        {
            out.push(collapse_ws(v));
        }
    }
    Ok(out)
}

/// Builds the suite with the default sizes ([`SuiteConfig::default`]).
pub fn build_suite(data_root: &Path, seed: u64) -> Result<Suite, EvalError> {
    build_suite_with(data_root, seed, &SuiteConfig::default())
}

/// Builds the suite: loads the reference list and the negative names from `data_root` and
/// generates the cases.
pub fn build_suite_with(
    data_root: &Path,
    seed: u64,
    config: &SuiteConfig,
) -> Result<Suite, EvalError> {
    let Reference {
        entities: reference,
        lists,
        warnings,
    } = load_reference(data_root)?;
    let open = |p: std::path::PathBuf| {
        std::fs::File::open(&p)
            .map(std::io::BufReader::new)
            .map_err(|source| EvalError::Io {
                file: p.display().to_string(),
                source,
            })
            .map(|f| (f, p.display().to_string()))
    };
    let (f, label) =
        open(data_root.join("names/yente_candidate_generation_benchmark/negatives_global.csv"))?;
    let people = read_negative_names(f, &label)?;
    let (f, label) = open(data_root.join("companies/sse_gplist_2025-12/GPLIST.derived.csv"))?;
    let companies = read_company_names(f, &label)?;
    let cases = generate_cases(&reference, &people, &companies, seed, config);
    let latin_only = latin_only(&reference);
    Ok(Suite {
        reference,
        latin_only,
        cases,
        lists,
        warnings,
    })
}

/// A copy of the entities without their non-Latin names; entities left nameless are dropped.
pub fn latin_only(entities: &[Entity]) -> Vec<Entity> {
    entities
        .iter()
        .filter_map(|e| {
            let mut e = e.clone();
            e.names.retain(is_latin);
            if e.names.is_empty() {
                return None;
            }
            if !e.names.iter().any(|n| n.name_type == NameType::Primary) {
                e.names[0].name_type = NameType::Primary;
            }
            Some(e)
        })
        .collect()
}

/// Generates the cases from the reference entities and candidate negative names (people and
/// companies), deterministically for a seed.
pub fn generate_cases(
    reference: &[Entity],
    negative_people: &[String],
    negative_companies: &[String],
    seed: u64,
    config: &SuiteConfig,
) -> Vec<Case> {
    let mut rng = Rng::new(seed);
    // Name key -> entity indexes carrying a name with that key.
    let mut index: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, e) in reference.iter().enumerate() {
        for n in &e.names {
            let v = index.entry(name_key(&n.value)).or_default();
            if v.last() != Some(&i) {
                v.push(i);
            }
        }
    }
    let expected_for = |name: &str| -> Vec<String> {
        index
            .get(&name_key(name))
            .map(|v| v.iter().map(|&i| reference[i].id.clone()).collect())
            .unwrap_or_default()
    };
    // A variant is usable when its key is no other entity's name.
    let usable = |variant: &str, expected: &[String]| -> bool {
        match index.get(&name_key(variant)) {
            None => !name_key(variant).is_empty(),
            Some(v) => v.iter().all(|&i| expected.contains(&reference[i].id)),
        }
    };
    // Sampling pool: (entity, name) for Latin primary names and strong aliases.
    let pool: Vec<(usize, usize)> = reference
        .iter()
        .enumerate()
        .flat_map(|(i, e)| {
            e.names
                .iter()
                .enumerate()
                .filter(|(_, n)| {
                    is_latin(n)
                        && n.quality == NameQuality::Strong
                        && n.name_type != NameType::Native
                })
                .map(move |(j, _)| (i, j))
        })
        .collect();
    let mut cases = Vec::new();
    if pool.is_empty() {
        return cases;
    }
    let mut seen: HashSet<(CaseKind, String)> = HashSet::new();

    // Exact.
    let mut attempts = 0;
    let mut n = 0;
    while n < config.exact && attempts < config.exact * 20 {
        attempts += 1;
        let &(i, j) = rng.pick(&pool).expect("pool not empty");
        let name = &reference[i].names[j].value;
        if !seen.insert((CaseKind::Exact, name.clone())) {
            continue;
        }
        let expected = expected_for(name);
        cases.push(Case {
            kind: CaseKind::Exact,
            category: "exact".into(),
            query: name.clone(),
            source_name: name.clone(),
            expected,
        });
        n += 1;
    }

    // Minor and major variants.
    type Gen = (
        String,
        Box<dyn Fn(&str, EntityKind, &mut Rng) -> Option<String>>,
    );
    let minors: Vec<Gen> = Minor::ALL
        .iter()
        .map(|&m| {
            (
                format!("minor/{}", m.label()),
                Box::new(move |s: &str, k, r: &mut Rng| m.apply(s, k, r)) as _,
            )
        })
        .collect();
    let majors: Vec<Gen> = Major::ALL
        .iter()
        .map(|&m| {
            (
                format!("major/{}", m.label()),
                Box::new(move |s: &str, k, r: &mut Rng| m.apply(s, k, r)) as _,
            )
        })
        .collect();
    for (kind, gens, target) in [
        (CaseKind::Minor, &minors, config.minor),
        (CaseKind::Major, &majors, config.major),
    ] {
        // Round-robin over generators so categories are balanced: each slot samples names until
        // its generator applies (a generator that rarely applies may fall short).
        for slot in 0..target {
            let g = &gens[slot % gens.len()];
            for _ in 0..200 {
                let &(i, j) = rng.pick(&pool).expect("pool not empty");
                let e = &reference[i];
                let name = &e.names[j].value;
                let Some(q) = (g.1)(name, e.kind, &mut rng) else {
                    continue;
                };
                let expected = expected_for(name);
                if !usable(&q, &expected) || !seen.insert((kind, q.clone())) {
                    continue;
                }
                cases.push(Case {
                    kind,
                    category: g.0.clone(),
                    query: q,
                    source_name: name.clone(),
                    expected,
                });
                break;
            }
        }
    }

    // Cross-script: every native-script name, capped per script.
    // Labelled per script (`cyrillic`, `arabic`, `han`, `hebrew`, `hangul`, `greek`, `other`).
    let mut by_script: BTreeMap<&str, Vec<(usize, String)>> = BTreeMap::new();
    let mut native_seen = HashSet::new();
    for (i, e) in reference.iter().enumerate() {
        for n in e.names.iter().filter(|n| !is_latin(n)) {
            if native_seen.insert(n.value.clone()) {
                let s = if n.script == Script::Latin {
                    detect_script(&n.value)
                } else {
                    n.script
                };
                by_script
                    .entry(s.as_str())
                    .or_default()
                    .push((i, n.value.clone()));
            }
        }
    }
    for (label, mut names) in by_script {
        rng.shuffle(&mut names);
        names.truncate(config.cross_script_per_script);
        for (_, name) in names {
            let expected = expected_for(&name);
            cases.push(Case {
                kind: CaseKind::CrossScript,
                category: format!("cross-script/{label}"),
                query: name.clone(),
                source_name: name,
                expected,
            });
        }
    }

    // Negatives: companies first (up to half), the rest synthetic people.
    let mut companies: Vec<&String> = negative_companies.iter().collect();
    let mut people: Vec<&String> = negative_people.iter().collect();
    rng.shuffle(&mut companies);
    rng.shuffle(&mut people);
    let want_companies = config.negatives / 2;
    let mut n_comp = 0;
    for c in companies {
        if n_comp >= want_companies {
            break;
        }
        if index.contains_key(&name_key(c)) || !seen.insert((CaseKind::Negative, c.clone())) {
            continue;
        }
        cases.push(Case {
            kind: CaseKind::Negative,
            category: "negative/sse-company".into(),
            query: c.clone(),
            source_name: String::new(),
            expected: Vec::new(),
        });
        n_comp += 1;
    }
    let mut n_people = 0;
    for p in people {
        if n_comp + n_people >= config.negatives {
            break;
        }
        if index.contains_key(&name_key(p)) || !seen.insert((CaseKind::Negative, p.clone())) {
            continue;
        }
        cases.push(Case {
            kind: CaseKind::Negative,
            category: "negative/synthetic-person".into(),
            query: p.clone(),
            source_name: String::new(),
            expected: Vec::new(),
        });
        n_people += 1;
    }
    cases
}

// ---------------------------------------------------------------------------------------------
// Running and the report.
// ---------------------------------------------------------------------------------------------

/// The default threshold sweep: 0.70, 0.75, ..., 0.95.
pub const DEFAULT_SWEEP: [f64; 6] = [0.70, 0.75, 0.80, 0.85, 0.90, 0.95];

/// The threshold [`screener_fn`] screens with: below every threshold of interest, so one run
/// gives the scores the whole sweep is derived from.
pub const SCREEN_FLOOR: f64 = 0.5;

/// The outcome of one case, independent of the threshold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CaseResult {
    /// The best score of an expected entity among the hits.
    pub expected_score: Option<f64>,
    /// The best hit `(id, score)`.
    pub best: Option<(String, f64)>,
    /// An expected entity has the best score (ties count).
    pub expected_is_best: bool,
}

/// Screens every case (in parallel over the available cores) and records the scores.
pub fn evaluate<F>(cases: &[Case], screen: F) -> Vec<CaseResult>
where
    F: Fn(&str) -> Vec<(String, f64)> + Sync,
{
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .max(1);
    let chunk = cases.len().div_ceil(threads).max(1);
    let screen = &screen;
    std::thread::scope(|s| {
        let handles: Vec<_> = cases
            .chunks(chunk)
            .map(|part| {
                s.spawn(move || {
                    part.iter()
                        .map(|c| evaluate_one(c, screen(&c.query)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("screening thread panicked"))
            .collect()
    })
}

fn evaluate_one(case: &Case, hits: Vec<(String, f64)>) -> CaseResult {
    let best = hits.iter().max_by(|a, b| a.1.total_cmp(&b.1)).cloned();
    let expected_score = hits
        .iter()
        .filter(|(id, _)| case.expected.contains(id))
        .map(|h| h.1)
        .max_by(|a, b| a.total_cmp(b));
    let expected_is_best = match (&best, expected_score) {
        (Some((_, b)), Some(e)) => e >= *b,
        _ => false,
    };
    CaseResult {
        expected_score,
        best,
        expected_is_best,
    }
}

/// Metrics of one kind or category at the report's threshold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// The case kind.
    pub kind: CaseKind,
    /// The category (`minor/typo`), or the kind for a kind total.
    pub category: String,
    /// Number of cases.
    pub n: usize,
    /// Positive cases: share whose expected entity is hit at or above the threshold.
    pub recall: Option<f64>,
    /// Positive cases: share whose expected entity is the best hit (and above the threshold).
    pub top1: Option<f64>,
    /// Negative cases: share with any hit at or above the threshold.
    pub fpr: Option<f64>,
}

/// Recall (by kind and overall) and false-positive rate at one threshold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SweepRow {
    /// The threshold.
    pub threshold: f64,
    /// Recall over all positive cases.
    pub recall: f64,
    /// Recall per positive kind.
    pub recall_by_kind: BTreeMap<CaseKind, f64>,
    /// False-positive rate over the negatives.
    pub fpr: f64,
}

/// A failed case, for debugging.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    /// The query.
    pub query: String,
    /// The name it was derived from.
    pub source_name: String,
    /// The expected ids.
    pub expected: Vec<String>,
    /// The best hit `(id, score)`, if any.
    pub best: Option<(String, f64)>,
    /// The best score of an expected entity, if it was hit at all.
    pub expected_score: Option<f64>,
}

/// Maximum number of example misses kept per category.
pub const MAX_MISSES: usize = 10;

/// The evaluation report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The threshold of [`Report::kinds`] and [`Report::categories`].
    pub threshold: f64,
    /// Totals per kind.
    pub kinds: Vec<Row>,
    /// Per category.
    pub categories: Vec<Row>,
    /// Recall / FPR per threshold.
    pub sweep: Vec<SweepRow>,
    /// Up to [`MAX_MISSES`] misses (false positives for negatives) per category.
    pub misses: BTreeMap<String, Vec<Miss>>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Report {
    /// Computes the report from the cases and their results (same order and length).
    pub fn from_results(
        cases: &[Case],
        results: &[CaseResult],
        threshold: f64,
        sweep: &[f64],
    ) -> Report {
        assert_eq!(cases.len(), results.len(), "one result per case");
        let recalled = |r: &CaseResult, t: f64| r.expected_score.is_some_and(|s| s >= t);
        let fp = |r: &CaseResult, t: f64| r.best.as_ref().is_some_and(|b| b.1 >= t);
        let row = |kind: CaseKind, category: String, idx: &[usize]| -> Row {
            let n = idx.len();
            if kind == CaseKind::Negative {
                let f = idx.iter().filter(|&&i| fp(&results[i], threshold)).count();
                Row {
                    kind,
                    category,
                    n,
                    recall: None,
                    top1: None,
                    fpr: Some(ratio(f, n)),
                }
            } else {
                let r = idx
                    .iter()
                    .filter(|&&i| recalled(&results[i], threshold))
                    .count();
                let t = idx
                    .iter()
                    .filter(|&&i| recalled(&results[i], threshold) && results[i].expected_is_best)
                    .count();
                Row {
                    kind,
                    category,
                    n,
                    recall: Some(ratio(r, n)),
                    top1: Some(ratio(t, n)),
                    fpr: None,
                }
            }
        };
        let mut by_kind: BTreeMap<CaseKind, Vec<usize>> = BTreeMap::new();
        let mut by_cat: BTreeMap<(CaseKind, String), Vec<usize>> = BTreeMap::new();
        let mut misses: BTreeMap<String, Vec<Miss>> = BTreeMap::new();
        for (i, c) in cases.iter().enumerate() {
            by_kind.entry(c.kind).or_default().push(i);
            by_cat
                .entry((c.kind, c.category.clone()))
                .or_default()
                .push(i);
            let r = &results[i];
            let failed = if c.kind == CaseKind::Negative {
                fp(r, threshold)
            } else {
                !recalled(r, threshold)
            };
            if failed {
                let m = misses.entry(c.category.clone()).or_default();
                if m.len() < MAX_MISSES {
                    m.push(Miss {
                        query: c.query.clone(),
                        source_name: c.source_name.clone(),
                        expected: c.expected.clone(),
                        best: r.best.clone(),
                        expected_score: r.expected_score,
                    });
                }
            }
        }
        let kinds = by_kind
            .iter()
            .map(|(k, idx)| row(*k, k.as_str().to_string(), idx))
            .collect();
        let categories = by_cat
            .iter()
            .map(|((k, c), idx)| row(*k, c.clone(), idx))
            .collect();
        let positives: Vec<usize> = (0..cases.len())
            .filter(|&i| cases[i].kind != CaseKind::Negative)
            .collect();
        let negatives = by_kind
            .get(&CaseKind::Negative)
            .cloned()
            .unwrap_or_default();
        let sweep = sweep
            .iter()
            .map(|&t| SweepRow {
                threshold: t,
                recall: ratio(
                    positives
                        .iter()
                        .filter(|&&i| recalled(&results[i], t))
                        .count(),
                    positives.len(),
                ),
                recall_by_kind: by_kind
                    .iter()
                    .filter(|(k, _)| **k != CaseKind::Negative)
                    .map(|(k, idx)| {
                        (
                            *k,
                            ratio(
                                idx.iter().filter(|&&i| recalled(&results[i], t)).count(),
                                idx.len(),
                            ),
                        )
                    })
                    .collect(),
                fpr: ratio(
                    negatives.iter().filter(|&&i| fp(&results[i], t)).count(),
                    negatives.len(),
                ),
            })
            .collect();
        Report {
            threshold,
            kinds,
            categories,
            sweep,
            misses,
        }
    }
}

/// Screens all cases with one screening function and reports at `threshold`, with the
/// [`DEFAULT_SWEEP`]. The function should return every hit above a floor lower than the sweep
/// (see [`SCREEN_FLOOR`]).
pub fn run<F>(cases: &[Case], screen: F, threshold: f64) -> Report
where
    F: Fn(&str) -> Vec<(String, f64)> + Sync,
{
    run_with_sweep(cases, screen, threshold, &DEFAULT_SWEEP)
}

/// [`run`] with an explicit list of sweep thresholds.
pub fn run_with_sweep<F>(cases: &[Case], screen: F, threshold: f64, sweep: &[f64]) -> Report
where
    F: Fn(&str) -> Vec<(String, f64)> + Sync,
{
    let results = evaluate(cases, screen);
    Report::from_results(cases, &results, threshold, sweep)
}

/// Runs a whole suite: cross-script cases with `latin_only` (a screening over
/// [`Suite::latin_only`]), every other case with `reference` (over [`Suite::reference`]).
pub fn run_suite<F, G>(
    cases: &[Case],
    reference: F,
    latin_only: G,
    threshold: f64,
    sweep: &[f64],
) -> Report
where
    F: Fn(&str) -> Vec<(String, f64)> + Sync,
    G: Fn(&str) -> Vec<(String, f64)> + Sync,
{
    let (cross, rest): (Vec<Case>, Vec<Case>) = cases
        .iter()
        .cloned()
        .partition(|c| c.kind == CaseKind::CrossScript);
    let mut results = evaluate(&rest, reference);
    results.extend(evaluate(&cross, latin_only));
    let ordered: Vec<Case> = rest.into_iter().chain(cross).collect();
    Report::from_results(&ordered, &results, threshold, sweep)
}

/// Adapts a [`Screener`] to the runner: screens at [`SCREEN_FLOOR`], at most `limit` hits.
pub fn screener_fn(s: &Screener, limit: usize) -> impl Fn(&str) -> Vec<(String, f64)> + Sync + '_ {
    move |q: &str| {
        s.screen(
            &Query::new(q),
            &ScreenOptions {
                threshold: SCREEN_FLOOR,
                limit,
            },
        )
        .into_iter()
        .map(|h| (h.entity_id, h.score))
        .collect()
    }
}

fn pct(x: Option<f64>) -> String {
    x.map(|v| format!("{:6.1}%", v * 100.0))
        .unwrap_or_else(|| "      -".into())
}

impl fmt::Display for Report {
    /// A table; with `{:#}` the example misses follow.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "threshold {:.2}", self.threshold)?;
        writeln!(
            f,
            "{:<13} {:<32} {:>6} {:>8} {:>8} {:>8}",
            "kind", "category", "n", "recall", "top-1", "FPR"
        )?;
        for k in &self.kinds {
            for c in self.categories.iter().filter(|c| c.kind == k.kind) {
                writeln!(
                    f,
                    "{:<13} {:<32} {:>6} {:>8} {:>8} {:>8}",
                    c.kind.as_str(),
                    c.category,
                    c.n,
                    pct(c.recall),
                    pct(c.top1),
                    pct(c.fpr)
                )?;
            }
            writeln!(
                f,
                "{:<13} {:<32} {:>6} {:>8} {:>8} {:>8}",
                k.kind.as_str(),
                "(all)",
                k.n,
                pct(k.recall),
                pct(k.top1),
                pct(k.fpr)
            )?;
        }
        writeln!(f)?;
        let kinds: Vec<CaseKind> = self
            .sweep
            .first()
            .map(|s| s.recall_by_kind.keys().copied().collect())
            .unwrap_or_default();
        write!(f, "{:>9} {:>8}", "threshold", "recall")?;
        for k in &kinds {
            write!(f, " {:>13}", k.as_str())?;
        }
        writeln!(f, " {:>8}", "FPR")?;
        for s in &self.sweep {
            write!(f, "{:>9.2} {:>8}", s.threshold, pct(Some(s.recall)))?;
            for k in &kinds {
                write!(f, " {:>13}", pct(s.recall_by_kind.get(k).copied()))?;
            }
            writeln!(f, " {:>8}", pct(Some(s.fpr)))?;
        }
        if f.alternate() {
            for (cat, ms) in &self.misses {
                writeln!(f, "\nmisses: {cat}")?;
                for m in ms {
                    let best = m
                        .best
                        .as_ref()
                        .map(|(id, s)| format!("{id} ({s:.3})"))
                        .unwrap_or_else(|| "-".into());
                    writeln!(
                        f,
                        "  {:?} (from {:?}) expected {:?} best {}",
                        m.query, m.source_name, m.expected, best
                    )?;
                }
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------------
// Tests.
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Name, SourceInfo};

    fn ent(id: &str, kind: EntityKind, names: &[&str]) -> Entity {
        let mut e = ofac_csv_new(id, kind);
        for (i, n) in names.iter().enumerate() {
            e.names.push(Name::new(
                *n,
                if i == 0 {
                    NameType::Primary
                } else {
                    NameType::Aka
                },
            ));
        }
        e
    }

    fn ofac_csv_new(id: &str, kind: EntityKind) -> Entity {
        Entity {
            id: id.into(),
            kind,
            names: vec![],
            countries: vec![],
            addresses: vec![],
            identifiers: vec![],
            programs: vec![],
            dates: vec![],
            remarks: vec![],
            listings: vec![],
            properties: vec![],
            source: SourceInfo::default(),
        }
    }

    #[test]
    fn rng_is_deterministic() {
        let a: Vec<u64> = (0..5)
            .scan(Rng::new(7), |r, _| Some(r.next_u64()))
            .collect();
        let b: Vec<u64> = (0..5)
            .scan(Rng::new(7), |r, _| Some(r.next_u64()))
            .collect();
        assert_eq!(a, b);
        let mut r = Rng::new(1);
        assert!((0..1000).all(|_| r.below(3) < 3));
    }

    #[test]
    fn typo_is_one_edit_not_at_first_letter() {
        let mut rng = Rng::new(42);
        for _ in 0..500 {
            let v = Minor::Typo
                .apply(
                    "Rosoboronexport Trading",
                    EntityKind::Organization,
                    &mut rng,
                )
                .unwrap();
            assert_ne!(v, "Rosoboronexport Trading");
            assert_eq!(
                strsim::osa_distance(&v, "Rosoboronexport Trading"),
                1,
                "{v}"
            );
            assert!(v.starts_with('R') && v.contains(" T"), "{v}");
        }
        // Tokens shorter than five letters are left alone.
        assert_eq!(
            Minor::Typo.apply("Al Abu", EntityKind::Person, &mut rng),
            None
        );
    }

    #[test]
    fn minor_variants_on_small_names() {
        let mut rng = Rng::new(3);
        let p = EntityKind::Person;
        let o = EntityKind::Organization;
        assert_eq!(
            Minor::NameOrder
                .apply("DOE, John Quincy", p, &mut rng)
                .unwrap(),
            "John Quincy DOE"
        );
        assert_eq!(
            Minor::NameOrder.apply("John Doe", p, &mut rng).unwrap(),
            "Doe, John"
        );
        assert_eq!(Minor::NameOrder.apply("Acme Trading", o, &mut rng), None);
        assert_eq!(
            Minor::Punctuation
                .apply("ACME CO., LTD.", o, &mut rng)
                .unwrap(),
            "ACME CO LTD"
        );
        assert_eq!(
            Minor::Diacritics.apply("José Müller", p, &mut rng).unwrap(),
            "Jose Muller"
        );
        assert_eq!(
            Minor::Hyphen
                .apply("AL-RASHID Trading", o, &mut rng)
                .unwrap(),
            "AL RASHID Trading"
        );
        let lf = Minor::LegalForm
            .apply("ACME TRADING CO., LTD.", o, &mut rng)
            .unwrap();
        assert!(
            lf == "ACME TRADING COMPANY LIMITED" || lf == "ACME TRADING",
            "{lf}"
        );
        assert_eq!(Minor::LegalForm.apply("Acme Trading", o, &mut rng), None);
        let c = Minor::Case.apply("ACME TRADING", o, &mut rng).unwrap();
        assert_ne!(c, "ACME TRADING");
        assert_eq!(c.to_uppercase(), "ACME TRADING");
        for m in Minor::ALL {
            for name in [
                "Sunrise Technology Group Limited",
                "PETROV, Ivan Sergeyevich",
                "A",
            ] {
                for kind in [p, o] {
                    if let Some(v) = m.apply(name, kind, &mut rng) {
                        assert_ne!(v, name, "{m:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn major_variants_on_small_names() {
        let mut rng = Rng::new(5);
        let p = EntityKind::Person;
        let o = EntityKind::Organization;
        assert_eq!(
            Major::Initials.apply("John Smith", p, &mut rng).unwrap(),
            "J. Smith"
        );
        assert_eq!(
            Major::Initials
                .apply("SMITH, John Paul", p, &mut rng)
                .unwrap(),
            "SMITH, J. Paul"
        );
        assert_eq!(
            Major::DroppedMiddle
                .apply("John Paul Smith", p, &mut rng)
                .unwrap(),
            "John Smith"
        );
        assert_eq!(Major::DroppedMiddle.apply("John Smith", p, &mut rng), None);
        assert_eq!(
            Major::Abbreviation
                .apply("Sunrise International", o, &mut rng)
                .unwrap(),
            "Sunrise Intl"
        );
        assert_eq!(
            Major::MergedTokens.apply("Sun Rise", o, &mut rng).unwrap(),
            "SunRise"
        );
        let s = Major::SplitToken
            .apply("Rosoboronexport", o, &mut rng)
            .unwrap();
        assert_eq!(s.replace(' ', ""), "Rosoboronexport");
        assert_eq!(s.split(' ').count(), 2);
        let ph = Major::Phonetic.apply("Philip", p, &mut rng).unwrap();
        assert_ne!(ph, "Philip");
        let two = Major::TwoChanges
            .apply("Sunrise-Technology Trading Co., Ltd.", o, &mut rng)
            .unwrap();
        assert_ne!(two, "Sunrise-Technology Trading Co., Ltd.");
        for m in Major::ALL {
            for seed in 0..20 {
                let mut rng = Rng::new(seed);
                if let Some(v) = m.apply("KHALED, Mohammed Ahmed", p, &mut rng) {
                    assert_ne!(v, "KHALED, Mohammed Ahmed", "{m:?}");
                }
            }
        }
    }

    #[test]
    fn generation_is_deterministic_and_avoids_collisions() {
        let reference = vec![
            ent(
                "a:1",
                EntityKind::Organization,
                &["Sunrise International Trading Co., Ltd.", "Sunrise Intl"],
            ),
            ent(
                "a:2",
                EntityKind::Person,
                &["PETROV, Ivan Sergeyevich", "Иван Петров"],
            ),
            ent("b:7", EntityKind::Person, &["Ivan Sergeyevich Petrov"]),
            ent("a:3", EntityKind::Organization, &["Sunrise Trading"]),
        ];
        let people = vec![
            "Patricia Wheeler".to_string(),
            "Ivan Petrov Sergeyevich".to_string(),
        ];
        let comps = vec!["NORTHWIND LTD".to_string()];
        let cfg = SuiteConfig {
            exact: 3,
            minor: 10,
            major: 10,
            cross_script_per_script: 5,
            negatives: 4,
        };
        let a = generate_cases(&reference, &people, &comps, 9, &cfg);
        let b = generate_cases(&reference, &people, &comps, 9, &cfg);
        assert_eq!(a, b);
        for c in &a {
            if c.kind != CaseKind::Negative {
                assert!(!c.expected.is_empty(), "{c:?}");
            }
            // "Sunrise Trading" belongs to a:3: no variant of a:1 may produce it.
            if name_key(&c.query) == name_key("Sunrise Trading") {
                assert_eq!(c.expected, vec!["a:3"], "{c:?}");
            }
        }
        // The person listed twice in two spellings: both ids expected.
        let p = a
            .iter()
            .find(|c| c.source_name == "PETROV, Ivan Sergeyevich");
        if let Some(p) = p {
            assert_eq!(p.expected, vec!["a:2", "b:7"]);
        }
        let cross: Vec<&Case> = a
            .iter()
            .filter(|c| c.kind == CaseKind::CrossScript)
            .collect();
        assert_eq!(cross.len(), 1);
        assert_eq!(cross[0].category, "cross-script/cyrillic");
        assert_eq!(cross[0].expected, vec!["a:2"]);
        // A negative equal (as a key) to a listed name is skipped.
        let negs: Vec<&str> = a
            .iter()
            .filter(|c| c.kind == CaseKind::Negative)
            .map(|c| c.query.as_str())
            .collect();
        assert_eq!(negs, vec!["NORTHWIND LTD", "Patricia Wheeler"]);
        let lo = latin_only(&reference);
        assert!(lo[1].names.iter().all(|n| n.value != "Иван Петров"));
    }

    fn case(kind: CaseKind, cat: &str, q: &str, expected: &[&str]) -> Case {
        Case {
            kind,
            category: cat.into(),
            query: q.into(),
            source_name: q.into(),
            expected: expected.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn metric_arithmetic_with_a_fake_screen() {
        let cases = vec![
            case(CaseKind::Exact, "exact", "alpha", &["x:1"]),
            case(CaseKind::Exact, "exact", "beta", &["x:2"]),
            case(CaseKind::Minor, "minor/typo", "gamma", &["x:3"]),
            case(CaseKind::Minor, "minor/typo", "delta", &["x:4"]),
            case(
                CaseKind::Negative,
                "negative/synthetic-person",
                "nobody",
                &[],
            ),
            case(
                CaseKind::Negative,
                "negative/synthetic-person",
                "someone",
                &[],
            ),
        ];
        let fake = |q: &str| -> Vec<(String, f64)> {
            match q {
                "alpha" => vec![("x:1".into(), 1.0)],
                // Expected hit, but not the best.
                "beta" => vec![("x:9".into(), 0.95), ("x:2".into(), 0.9)],
                // Expected hit below 0.85 only.
                "gamma" => vec![("x:3".into(), 0.8)],
                "delta" => vec![],
                "someone" => vec![("x:5".into(), 0.88)],
                _ => vec![],
            }
        };
        let r = run_with_sweep(&cases, fake, 0.85, &[0.75, 0.85, 0.90, 0.95]);
        let exact = r.kinds.iter().find(|k| k.kind == CaseKind::Exact).unwrap();
        assert_eq!(
            (exact.n, exact.recall, exact.top1),
            (2, Some(1.0), Some(0.5))
        );
        let minor = r
            .categories
            .iter()
            .find(|k| k.category == "minor/typo")
            .unwrap();
        assert_eq!(
            (minor.n, minor.recall, minor.top1),
            (2, Some(0.0), Some(0.0))
        );
        let neg = r
            .kinds
            .iter()
            .find(|k| k.kind == CaseKind::Negative)
            .unwrap();
        assert_eq!(neg.fpr, Some(0.5));
        let at = |t: f64| r.sweep.iter().find(|s| s.threshold == t).unwrap();
        assert_eq!(at(0.75).recall, 0.75);
        assert_eq!(at(0.75).fpr, 0.5);
        assert_eq!(at(0.85).recall, 0.5);
        assert_eq!(at(0.90).recall, 0.5);
        assert_eq!(at(0.90).fpr, 0.0);
        assert_eq!(at(0.95).recall, 0.25);
        assert_eq!(at(0.95).recall_by_kind[&CaseKind::Minor], 0.0);
        assert_eq!(r.misses["minor/typo"].len(), 2);
        assert_eq!(r.misses["negative/synthetic-person"][0].query, "someone");
        assert_eq!(
            r.misses["negative/synthetic-person"][0].best,
            Some(("x:5".into(), 0.88))
        );
        // Display and JSON both work.
        let text = format!("{r:#}");
        assert!(
            text.contains("minor/typo") && text.contains("misses: minor/typo"),
            "{text}"
        );
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.contains("\"threshold\":0.85"));
        // run_suite sends cross-script cases to the second function.
        let cross = vec![case(
            CaseKind::CrossScript,
            "cross-script/han",
            "华为",
            &["x:1"],
        )];
        let r = run_suite(
            &cross,
            |_| vec![],
            |_| vec![("x:1".into(), 0.9)],
            0.85,
            &DEFAULT_SWEEP,
        );
        assert_eq!(r.kinds[0].recall, Some(1.0));
    }

    #[test]
    fn reads_negative_names() {
        let text = "full_name,first_name,last_name\nPatricia Wheeler,Patricia,Wheeler\n,,\nحسین  موسوی,حسین,موسوی\n";
        let v = read_negative_names(text.as_bytes(), "neg.csv").unwrap();
        assert_eq!(v, vec!["Patricia Wheeler", "حسین موسوی"]);
        let e = read_negative_names("name\nX\n".as_bytes(), "neg.csv").unwrap_err();
        assert!(matches!(e, EvalError::MissingColumn { .. }));
        let c = read_company_names(
            "\u{feff}A股代码,公司英文全称\n1,\"ACME CO., LTD.\"\n".as_bytes(),
            "g.csv",
        )
        .unwrap();
        assert_eq!(c, vec!["ACME CO., LTD."]);
    }

    fn data_root() -> Option<std::path::PathBuf> {
        let root = std::env::var_os("INTERDICT_DATA")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
        if root.join("lists").exists() {
            Some(root)
        } else if std::env::var("CI").as_deref() == Ok("true") {
            panic!("real data missing at {} (CI=true)", root.display());
        } else {
            eprintln!(
                "skipping: real data not found at {} (set INTERDICT_DATA)",
                root.display()
            );
            None
        }
    }

    #[test]
    fn builds_suite_from_real_data() {
        let Some(root) = data_root() else { return };
        let suite = build_suite(&root, 20240501).unwrap();
        for l in &suite.lists {
            println!(
                "list {:<9} entities {:>6} names {:>6} native {:>5} warnings {}",
                l.list, l.entities, l.names, l.native_names, l.warnings
            );
            assert!(l.entities > 0, "{l:?}");
        }
        for w in suite.warnings.iter().take(20) {
            println!("warning: {w}");
        }
        println!(
            "reference {} entities, latin_only {} entities",
            suite.reference.len(),
            suite.latin_only.len()
        );
        let counts = suite.counts();
        for ((k, c), n) in &counts {
            println!("cases {k:<13} {c:<32} {n}");
        }
        let mut shown: HashMap<&str, usize> = HashMap::new();
        for c in &suite.cases {
            let k = shown.entry(c.category.as_str()).or_insert(0);
            if *k < 3 {
                *k += 1;
                println!(
                    "example {:<28} {:?} <- {:?} {:?}",
                    c.category, c.query, c.source_name, c.expected
                );
            }
        }
        for kind in [
            CaseKind::Exact,
            CaseKind::Minor,
            CaseKind::Major,
            CaseKind::CrossScript,
            CaseKind::Negative,
        ] {
            assert!(
                suite.cases.iter().any(|c| c.kind == kind),
                "no {kind} cases"
            );
        }
        let ids: HashSet<&str> = suite.reference.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), suite.reference.len(), "ids unique");
        for c in &suite.cases {
            assert!(c.expected.iter().all(|id| ids.contains(id.as_str())));
        }
        // Reader quirks on the other real files.
        let lists = root.join("lists");
        let (es, rep) = csl_csv::load_file(&lists.join("us-csl/2023-11-partial/csl.csv")).unwrap();
        println!(
            "csl 2023-11 partial: {} entities, {} names, warnings {:?}",
            es.len(),
            rep.names,
            rep.warnings
                .iter()
                .filter(|w| !w.contains("repeated id"))
                .collect::<Vec<_>>()
        );
        assert!(rep.warnings.iter().any(|w| w.contains("repeated header")));
        assert!(rep.warnings.iter().any(|w| w.contains("truncated row")));
        let (es, rep) = ofac_csv::load_dir(&lists.join("ofac/cons-2025-12")).unwrap();
        println!(
            "ofac cons 2025-12: {} entities, {} names, {} warnings",
            es.len(),
            rep.names,
            rep.warnings.len()
        );
        assert_eq!(es.len(), 442);
        let (es, rep) = ofac_csv::load_dir(&lists.join("ofac/sdn-2024-05")).unwrap();
        let weak = es
            .iter()
            .flat_map(|e| &e.names)
            .filter(|n| n.quality == NameQuality::Weak)
            .count();
        println!(
            "ofac sdn 2024-05: {} entities, {} names ({weak} weak a.k.a. from remarks)",
            es.len(),
            rep.names
        );
        assert_eq!(es.len(), 14965);
        // Deterministic.
        let again = build_suite(&root, 20240501).unwrap();
        assert_eq!(again.cases, suite.cases);
    }
}
