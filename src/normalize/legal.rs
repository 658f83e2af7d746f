//! Stage 4: legal-form phrases collapsed to one [`TokenKind::LegalForm`] token.

use super::{Key, KeyKind, LegalClass, Origin, Script, Token, TokenKind, W};

use LegalClass::{
    Company as Co, Corporation as Corp, JointStock as Js, Limited as Ltd, Llc, Partnership as Lp,
};

/// A legal-form phrase. ASCII words are compared with a token's `text` (any script), other
/// words with its case-folded `surface` (so Cyrillic `пат` is a form and Latin `pat` is not).
/// `gated` forms (`ao`, `zao`, `pao`, `sa`) are also common pinyin syllables and words: as
/// a lone token they count only when written with a capital letter or with periods
/// (`AO`, `S.A.`), never in all-lower-case text.
struct Phrase {
    words: &'static [&'static str],
    class: LegalClass,
    gated: bool,
}

const fn p(words: &'static [&'static str], class: LegalClass) -> Phrase {
    Phrase {
        words,
        class,
        gated: false,
    }
}
const fn g(words: &'static [&'static str], class: LegalClass) -> Phrase {
    Phrase {
        words,
        class,
        gated: true,
    }
}

/// Sorted by first word (byte order; checked by a test).
static PHRASES: &[Phrase] = &[
    p(&["ag"], Js),
    p(&["aktiengesellschaft"], Js),
    g(&["ao"], Js),
    p(&["bv"], Llc),
    p(&["cjsc"], Js),
    p(&["closed", "joint", "stock"], Js),
    p(&["closed", "joint", "stock", "co"], Js),
    p(&["closed", "joint", "stock", "company"], Js),
    p(&["co"], Co),
    p(&["co", "limited"], Ltd),
    p(&["co", "ltd"], Ltd),
    p(&["company"], Co),
    p(&["company", "limited"], Ltd),
    p(&["company", "ltd"], Ltd),
    p(&["corp"], Corp),
    p(&["corporation"], Corp),
    p(&["doo"], Llc),
    p(&["gbr"], Lp),
    p(&["gesellschaft", "mit", "beschrankter", "haftung"], Llc),
    p(&["gmbh"], Llc),
    p(&["inc"], Corp),
    p(&["incorporated"], Corp),
    p(&["joint", "stock"], Js),
    p(&["joint", "stock", "co"], Js),
    p(&["joint", "stock", "company"], Js),
    p(&["jsc"], Js),
    p(&["jt", "stock", "co"], Js),
    p(&["kft"], Llc),
    p(&["kg"], Lp),
    p(&["limited"], Ltd),
    p(&["limited", "liability"], Llc),
    p(&["limited", "liability", "co"], Llc),
    p(&["limited", "liability", "company"], Llc),
    p(&["limited", "liability", "partnership"], Lp),
    p(&["limited", "partnership"], Lp),
    p(&["llc"], Llc),
    p(&["llp"], Lp),
    p(&["lp"], Lp),
    p(&["ltd"], Ltd),
    p(&["ltda"], Llc),
    p(&["nv"], Js),
    p(&["oao"], Js),
    p(&["ojsc"], Js),
    p(&["ooo"], Llc),
    p(&["open", "joint", "stock"], Js),
    p(&["open", "joint", "stock", "co"], Js),
    p(&["open", "joint", "stock", "company"], Js),
    g(&["pao"], Js),
    p(&["pjsc"], Js),
    p(&["plc"], Js),
    p(&["private", "limited"], Ltd),
    p(&["private", "limited", "company"], Ltd),
    p(&["pty", "limited"], Ltd),
    p(&["pty", "ltd"], Ltd),
    p(&["public", "joint", "stock"], Js),
    p(&["public", "joint", "stock", "co"], Js),
    p(&["public", "joint", "stock", "company"], Js),
    p(&["public", "limited", "company"], Js),
    p(&["pvt", "limited"], Ltd),
    p(&["pvt", "ltd"], Ltd),
    g(&["sa"], Js),
    p(&["sarl"], Llc),
    p(&["sociedad", "anonima"], Js),
    p(&["sociedad", "limitada"], Llc),
    p(&["societe", "anonyme"], Js),
    p(&["sp", "z", "o", "o"], Llc),
    p(&["sp", "z", "oo"], Llc),
    p(&["spa"], Js),
    p(&["srl"], Llc),
    g(&["zao"], Js),
    p(&["акционерное", "общество"], Js),
    p(&["ао"], Js),
    p(&["закрытое", "акционерное", "общество"], Js),
    p(&["зао"], Js),
    p(&["оао"], Js),
    p(&["общество", "с", "ограниченной", "ответственностью"], Llc),
    p(&["ооо"], Llc),
    p(&["открытое", "акционерное", "общество"], Js),
    p(&["пао"], Js),
    p(&["пат"], Js),
    p(&["публичное", "акционерное", "общество"], Js),
    p(&["тов"], Llc),
    p(&["товариство", "з", "обмеженою", "відповідальністю"], Llc),
    p(&["тоо"], Llc),
];

fn word_matches(w: &str, t: &W) -> bool {
    t.t.kind == TokenKind::Word
        && if w.is_ascii() {
            t.t.text == w
        } else {
            t.t.surface == w
        }
}

/// Longest phrase starting at `toks[i]`: (number of tokens, class).
fn longest_at(toks: &[W], i: usize) -> Option<(usize, LegalClass)> {
    let first = &toks[i];
    if first.t.kind != TokenKind::Word {
        return None;
    }
    let mut best: Option<(usize, LegalClass)> = None;
    let keys: [&str; 2] = [&first.t.text, &first.t.surface];
    for (ki, key) in keys.iter().enumerate() {
        if ki == 1 && (key.is_ascii() || keys[0] == *key) {
            break;
        }
        let lo = PHRASES.partition_point(|p| p.words[0] < *key);
        for ph in PHRASES[lo..].iter().take_while(|p| p.words[0] == *key) {
            let n = ph.words.len();
            if i + n > toks.len() || best.is_some_and(|(b, _)| b >= n) {
                continue;
            }
            if ph.gated && n == 1 && !(first.upper || first.t.origin == Origin::Joined) {
                continue;
            }
            if ph
                .words
                .iter()
                .zip(&toks[i..i + n])
                .all(|(w, t)| word_matches(w, t))
            {
                best = Some((n, ph.class));
            }
        }
    }
    best
}

/// Collapse legal-form phrases (greedy, longest first, left to right).
pub(crate) fn apply(toks: &mut Vec<W>) {
    let mut i = 0;
    while i < toks.len() {
        if let Some((n, class)) = longest_at(toks, i) {
            let script = toks[i].t.script;
            let mut surface = String::new();
            for (k, t) in toks[i..i + n].iter().enumerate() {
                if k > 0 {
                    surface.push(' ');
                }
                surface.push_str(&t.t.surface);
            }
            let keys = if script == Script::Latin {
                Vec::new()
            } else {
                vec![Key {
                    kind: KeyKind::Native,
                    value: surface.clone(),
                }]
            };
            let tok = Token {
                text: class.key().to_string(),
                surface,
                kind: TokenKind::LegalForm(class),
                script,
                origin: Origin::LegalForm,
                keys,
            };
            toks.splice(i..i + n, std::iter::once(W::new(tok)));
        }
        i += 1;
    }
}

/// The ASCII words of multi-letter legal-form phrases with their class (`joint`, `stock`,
/// `liability`, `corporation`, ...): the index adds them as lookup-only terms so that a
/// misspelt legal word (`Limyted`, `Corporatoin`) is recognised as one and weighs little.
pub fn legal_words() -> impl Iterator<Item = (&'static str, LegalClass)> {
    PHRASES
        .iter()
        .flat_map(|p| p.words.iter().map(move |w| (*w, p.class)))
        .filter(|(w, _)| w.len() >= 5 && w.is_ascii())
}

#[cfg(test)]
pub(crate) fn phrases_sorted() -> bool {
    PHRASES.windows(2).all(|w| w[0].words[0] <= w[1].words[0])
}
