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
