//! The one normalisation pipeline, used for both indexing and queries.
//!
//! [`analyze`] turns a raw name into [`Token`]s. Every key the index stores and every key a
//! query looks up comes out of this function, so the two sides can never disagree
//! (the `O'Neill` / `oneill` bug class of other engines).
//!
//! Stages, in order:
//! 1. Unicode NFKC, case folding.
//! 2. Script detection per character; tokenisation on whitespace and punctuation, with the
//!    punctuation rules (`U.S.A.` → `usa`, `O'Brien` → `obrien`, hyphens split).
//!    Unsegmented Han text is split into known words (legal forms, generic words) and
//!    single characters.
//! 3. Legal-form phrases across languages become one [`TokenKind::LegalForm`] token
//!    (`Co., Ltd.` = `Company Limited` = `有限公司`).
//! 4. Abbreviations are expanded (`Tech` → `technology`); numbers and ordinals made
//!    canonical (`11th`, `No. 11` → `11`).
//! 5. Latin text is folded to ASCII (diacritics, `ø`, `ł`, `ß`); other scripts are
//!    transliterated (Cyrillic, Greek, Arabic, Hebrew, Han pinyin, fallback for the rest).
//! 6. Extra lookup keys per token: alternative transliterations and readings, a phonetic key
//!    and a consonant skeleton.

// (implementation in submodules)

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
        self.keys.iter().filter(move |k| k.kind == kind).map(|k| k.value.as_str())
    }

    /// True for legal-form tokens.
    pub fn is_legal_form(&self) -> bool {
        matches!(self.kind, TokenKind::LegalForm(_))
    }
}

/// The dominant script of a string: the script of most of its letters (Latin when it has none).
pub fn detect_script(s: &str) -> Script {
    let _ = s;
    Script::Latin // placeholder until the pipeline lands
}
