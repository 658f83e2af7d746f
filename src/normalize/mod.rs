//! The one normalisation pipeline, used for both indexing and queries.
//!
//! [`analyze`] turns a raw name into [`Token`]s. Every key the index stores and every key a
//! query looks up comes out of this function, so the two sides can never disagree
//! (the `O'Neill` / `oneill` bug class of other engines).
//!
//! Stages, in order:
//! 1. `№` → `#`, Arabic-Indic digits → ASCII, then Unicode NFKC; case is folded per token
//!    (the original case is remembered only to recognise capitalised `AO`/`SA`/... forms).
//! 2. Tokenisation on whitespace, punctuation and script changes: apostrophes are deleted
//!    inside words (`O'Brien` → `obrien`), runs of single letters separated by periods join
//!    (`U.S.A.` → `usa`, origin [`Origin::Joined`]), every other punctuation mark separates
//!    (`al-Hassan` → `al`, `hassan`), digits stay in tokens.
//! 3. Runs of Han characters are segmented by greedy longest match against a small dictionary
//!    of legal forms (`股份有限公司`, `有限公司`, `公司`, ...) and generic words translated to
//!    English (`科技` → `technology`, origin [`Origin::Translated`], glued pinyin as an `Alt`
//!    key); every other character is one [`TokenKind::Han`] token whose text is its first
//!    pinyin reading (other readings as `Alt` keys, the character as a `Native` key).
//! 4. Every other token is folded or transliterated to ASCII `[a-z0-9]+`: Latin by NFKD and
//!    mark stripping plus a fold of `ø ł đ ð þ ß æ œ ı ...` (German `ä ö ü` also keep an
//!    `ae oe ue` `Alt` key); Cyrillic BGN/PCGN-like with ICAO 9303 and GOST-like `Alt` keys
//!    (plus `г` → `h` for Ukrainian/Belarusian input); Greek ELOT-like; Arabic/Persian/Urdu
//!    consonants with the article `ال` split off as `al`; Hebrew consonants; Hangul by Revised
//!    Romanization; anything else through `any_ascii`. Non-Latin tokens keep a `Native` key.
//! 5. Numbers: leading zeros dropped, ordinals (`11th`) and spelled numbers (`eleventh`,
//!    `eleven`) become digits, `no`/`nr`/`#`/`№` directly before a number are dropped, roman
//!    numerals (`xi`) stay words with their value as an `Alt` key.
//! 6. Legal-form phrases across languages become one [`TokenKind::LegalForm`] token
//!    (`Co., Ltd.` = `Company Limited` = `有限公司`; `LLC` = `ООО`), greedy longest match.
//! 7. Abbreviations are expanded (`Tech` → `technology`, the abbreviation kept as `Alt`).
//! 8. Every word gets a [`phonetic_key`] and a [`skeleton_key`] when they differ from its
//!    text. Keys are deduplicated and never equal to the text (except `Native` keys).

mod abbrev;
mod fold;
mod han;
mod legal;
mod number;
mod phonetic;
mod script;
mod tokenize;
mod translit;

#[cfg(test)]
mod tests;

pub use legal::legal_words;
pub use phonetic::{phonetic_key, skeleton_key};

use serde::Serialize;

pub use crate::model::Script;

/// A legal-form class. Forms of the same class match each other fully, forms of different
/// classes weakly, and a legal form never carries a match on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalClass {
    /// Limited company: `Ltd`, `Limited`, `Co., Ltd.`, `Company Limited`, `Pty Ltd`, `有限公司`.
    Limited,
    /// Limited liability company: `LLC`, `L.L.C.`, `ООО`, `Общество с ограниченной ответственностью`,
    /// `ТОВ`, `GmbH`, `SARL`, `S.R.L.`, `Sp. z o.o.`, `有限责任公司`.
    Llc,
    /// Joint-stock company: `JSC`, `AO`/`АО`, `OAO`/`ОАО`, `OJSC`, `CJSC`/`ZAO`/`ЗАО`, `PJSC`/`PAO`/`ПАО`,
    /// `AG`, `S.A.`, `N.V.`, `PLC`, `S.p.A.`, `股份有限公司`.
    JointStock,
    /// Corporation: `Corp`, `Corporation`, `Inc`, `Incorporated`.
    Corporation,
    /// A bare `Co`, `Company`, `公司`.
    Company,
    /// Partnerships: `LP`, `LLP`, `KG`, `GbR`.
    Partnership,
}

impl LegalClass {
    /// The canonical key of the class (`ltd`, `llc`, `jsc`, `corp`, `co`, `lp`).
    pub fn key(self) -> &'static str {
        match self {
            LegalClass::Limited => "ltd",
            LegalClass::Llc => "llc",
            LegalClass::JointStock => "jsc",
            LegalClass::Corporation => "corp",
            LegalClass::Company => "co",
            LegalClass::Partnership => "lp",
        }
    }
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case", tag = "type", content = "class")]
pub enum TokenKind {
    /// An ordinary word (Latin text or a transliteration of it).
    Word,
    /// A number or ordinal (`11`, `11th`, `No. 11`, `eleventh`); `text` holds the decimal digits.
    Number,
    /// A legal form; `text` holds [`LegalClass::key`].
    LegalForm(LegalClass),
    /// One Han (Chinese) character; `text` holds its first pinyin reading, the character
    /// itself is a [`KeyKind::Native`] key.
    Han,
}

/// How a token's `text` was derived from what the input said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Case folding only (plain ASCII input).
    Plain,
    /// Diacritics removed / letters folded to ASCII (`ø` → `o`).
    Folded,
    /// Transliterated from another script.
    Transliterated,
    /// An abbreviation expanded (`tech` → `technology`).
    Abbreviation,
    /// A known word translated (Han generic words such as `科技` → `technology`).
    Translated,
    /// A number, ordinal or roman numeral made canonical.
    Numeral,
    /// A legal-form phrase collapsed to its class.
    LegalForm,
    /// Letters joined by punctuation rules (`U.S.A.` → `usa`).
    Joined,
}

/// The kind of an extra lookup key of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum KeyKind {
    /// Another spelling of the same token: another transliteration system (GOST, BGN/PCGN,
    /// ICAO), another reading of a Han character, the unexpanded form of an abbreviation,
    /// a German `ue` for `ü`, the digits of a roman numeral. Matched like `text`.
    Alt,
    /// A phonetic fold of the (transliterated) text: matched exactly, scores below `text`.
    Phonetic,
    /// A consonant skeleton (vowels dropped, doubles collapsed); present only when long
    /// enough to be distinctive. Matched exactly, scores below `Phonetic`.
    Skeleton,
    /// The token in its native script (a Han character, a Cyrillic word in lower case).
    Native,
}

/// An extra lookup key of a token.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Key {
    /// What kind of key.
    pub kind: KeyKind,
    /// The key value.
    pub value: String,
}

/// One token of a normalised name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Token {
    /// The canonical comparison text: lower-case ASCII `[a-z0-9]+` for words, numbers and
    /// legal forms; the first pinyin syllable for a Han character. Never empty.
    pub text: String,
    /// The token as the input wrote it, case-folded (`tech`, `ооо`, `海`, `o'brien`), for explanations.
    pub surface: String,
    /// Word, number, legal form or Han character.
    pub kind: TokenKind,
    /// The script the token was written in.
    pub script: Script,
    /// How `text` was derived.
    pub origin: Origin,
    /// Extra lookup keys (no duplicates; none equal to `text` unless its kind is `Native`).
    pub keys: Vec<Key>,
}

impl Token {
    /// Extra keys of one kind.
    pub fn keys_of(&self, kind: KeyKind) -> impl Iterator<Item = &str> {
        self.keys
            .iter()
            .filter(move |k| k.kind == kind)
            .map(|k| k.value.as_str())
    }

    /// True for legal-form tokens.
    pub fn is_legal_form(&self) -> bool {
        matches!(self.kind, TokenKind::LegalForm(_))
    }
}

/// The dominant script of a string: the script of most of its letters (Latin when it has none).
pub fn detect_script(s: &str) -> Script {
    let mut counts = [0usize; 8];
    for c in s.chars() {
        if let Some(sc) = script::script_of(c) {
            counts[script::script_index(sc)] += 1;
        }
    }
    let mut best = 0;
    for (i, &n) in counts.iter().enumerate() {
        if n > counts[best] {
            best = i;
        }
    }
    script::SCRIPTS[best]
}

/// A token under construction, with what later stages need to know.
#[derive(Debug, Clone)]
pub(crate) struct W {
    pub(crate) t: Token,
    /// Written with at least one upper-case letter.
    pub(crate) upper: bool,
    /// A `#` / `№` number marker (never returned).
    pub(crate) marker: bool,
}

impl W {
    pub(crate) fn new(t: Token) -> W {
        W {
            t,
            upper: false,
            marker: false,
        }
    }
}

fn word(
    text: String,
    surface: String,
    script: Script,
    origin: Origin,
    keys: Vec<Key>,
    upper: bool,
) -> W {
    W {
        t: Token {
            text,
            surface,
            kind: TokenKind::Word,
            script,
            origin,
            keys,
        },
        upper,
        marker: false,
    }
}

fn alt(value: String) -> Key {
    Key {
        kind: KeyKind::Alt,
        value,
    }
}

fn native(value: &str) -> Key {
    Key {
        kind: KeyKind::Native,
        value: value.to_string(),
    }
}

fn lower(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.chars().flat_map(char::to_lowercase).collect()
    }
}

/// Stage 4 for one non-Han token: fold or transliterate and push the word(s).
fn push_word(
    out: &mut Vec<W>,
    surface: String,
    script: Script,
    joined: bool,
    upper: bool,
    slavic_h: bool,
) {
    match script {
        Script::Latin => {
            let (text, changed, umlaut) = fold::fold_latin(&surface);
            let origin = if joined {
                Origin::Joined
            } else if changed {
                Origin::Folded
            } else {
                Origin::Plain
            };
            let keys = umlaut.map(alt).into_iter().collect();
            out.push(word(text, surface, script, origin, keys, upper));
        }
        Script::Cyrillic => {
            let (text, alts) = translit::cyrillic(&surface, slavic_h);
            let mut keys: Vec<Key> = alts.into_iter().map(alt).collect();
            keys.push(native(&surface));
            out.push(word(
                text,
                surface,
                script,
                Origin::Transliterated,
                keys,
                upper,
            ));
        }
        Script::Greek => {
            let text = translit::greek(&surface);
            let keys = vec![native(&surface)];
            out.push(word(
                text,
                surface,
                script,
                Origin::Transliterated,
                keys,
                upper,
            ));
        }
        Script::Arabic => {
            use unicode_normalization::char::is_combining_mark;
            let bare: String = surface
                .chars()
                .filter(|c| !is_combining_mark(*c) && *c != 'ـ')
                .collect();
            if bare == "الله" {
                let keys = vec![native(&bare)];
                out.push(word(
                    "allah".to_string(),
                    bare,
                    script,
                    Origin::Transliterated,
                    keys,
                    upper,
                ));
                return;
            }
            let rest = match bare.strip_prefix("ال") {
                Some(rest) if rest.chars().count() > 1 => {
                    let keys = vec![native("ال")];
                    out.push(word(
                        "al".to_string(),
                        "ال".to_string(),
                        script,
                        Origin::Transliterated,
                        keys,
                        upper,
                    ));
                    rest.to_string()
                }
                _ => bare,
            };
            let text = translit::arabic(&rest);
            let keys = vec![native(&rest)];
            out.push(word(
                text,
                rest,
                script,
                Origin::Transliterated,
                keys,
                upper,
            ));
        }
        Script::Hebrew => {
            let (text, v) = translit::hebrew(&surface);
            let keys = vec![alt(v), native(&surface)];
            out.push(word(
                text,
                surface,
                script,
                Origin::Transliterated,
                keys,
                upper,
            ));
        }
        Script::Hangul => {
            let text = translit::hangul(&surface);
            // McCune-Reischauer-like voiceless initial (`gim` → `kim`, `bak` → `pak`)
            let devoiced = ["g", "d", "b", "j"]
                .iter()
                .zip(["k", "t", "p", "ch"])
                .find_map(|(v, u)| text.strip_prefix(v).map(|r| format!("{u}{r}")));
            let mut keys: Vec<Key> = devoiced.map(alt).into_iter().collect();
            keys.push(native(&surface));
            out.push(word(
                text,
                surface,
                script,
                Origin::Transliterated,
                keys,
                upper,
            ));
        }
        Script::Han | Script::Other => {
            let text = translit::other(&surface);
            let keys = vec![native(&surface)];
            out.push(word(
                text,
                surface,
                script,
                Origin::Transliterated,
                keys,
                upper,
            ));
        }
    }
}

/// Remove empty keys, keys equal to the text (other than `Native`) and duplicates.
fn clean_keys(t: &mut Token) {
    let text = &t.text;
    let mut seen: Vec<Key> = Vec::with_capacity(t.keys.len());
    for k in t.keys.drain(..) {
        if k.value.is_empty()
            || (k.kind != KeyKind::Native && k.value == *text)
            || seen.contains(&k)
        {
            continue;
        }
        seen.push(k);
    }
    t.keys = seen;
}

/// Analyse a name into tokens: the single pipeline for indexing and queries (see the module
/// documentation for the stages).
///
/// Never panics; returns an empty vector when the input has no letters or digits. Every
/// token's `text` is non-empty lower-case ASCII `[a-z0-9]+`.
///
/// ```
/// use interdict::normalize::{analyze, TokenKind, LegalClass};
/// let t = analyze("Hangzhou Hikvision Digital Tech Co., Ltd.");
/// let texts: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
/// assert_eq!(texts, ["hangzhou", "hikvision", "digital", "technology", "ltd"]);
/// assert_eq!(t[4].kind, TokenKind::LegalForm(LegalClass::Limited));
/// ```
pub fn analyze(input: &str) -> Vec<Token> {
    let norm = tokenize::nfkc(input);
    let raws = tokenize::tokenize(&norm);
    if raws.is_empty() {
        return Vec::new();
    }
    let slavic_h = norm.contains(['і', 'ї', 'є', 'ґ', 'ў', 'І', 'Ї', 'Є', 'Ґ', 'Ў']);
    let mut ws: Vec<W> = Vec::with_capacity(raws.len() + 2);
    for r in &raws {
        let orig = &norm[r.start..r.end];
        if r.hash {
            let t = Token {
                text: String::new(),
                surface: orig.to_string(),
                kind: TokenKind::Word,
                script: Script::Latin,
                origin: Origin::Plain,
                keys: Vec::new(),
            };
            ws.push(W {
                t,
                upper: false,
                marker: true,
            });
            continue;
        }
        let surface = lower(orig);
        if r.script == Script::Han {
            han::segment(&surface, &mut ws);
        } else {
            let upper = orig.chars().any(char::is_uppercase);
            push_word(&mut ws, surface, r.script, r.joined, upper, slavic_h);
        }
    }
    ws.retain(|w| w.marker || !w.t.text.is_empty());
    number::apply(&mut ws);
    legal::apply(&mut ws);
    abbrev::apply(&mut ws);
    let mut out = Vec::with_capacity(ws.len());
    for w in ws {
        if w.marker {
            continue;
        }
        let mut t = w.t;
        debug_assert!(
            !t.text.is_empty()
                && t.text
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        );
        if t.kind == TokenKind::Word {
            let ph = phonetic_key(&t.text);
            let sk = skeleton_key(&t.text);
            t.keys.push(Key {
                kind: KeyKind::Phonetic,
                value: ph,
            });
            if let Some(sk) = sk {
                t.keys.push(Key {
                    kind: KeyKind::Skeleton,
                    value: sk,
                });
            }
        }
        clean_keys(&mut t);
        out.push(t);
    }
    out
}

/// The token texts of [`analyze`] joined by single spaces (for display and deduplication).
/// Idempotent: `normalize_text(&normalize_text(s)) == normalize_text(s)`.
pub fn normalize_text(input: &str) -> String {
    let toks = analyze(input);
    let mut s = String::with_capacity(input.len());
    for (i, t) in toks.iter().enumerate() {
        if i > 0 {
            s.push(' ');
        }
        s.push_str(&t.text);
    }
    s
}
