//! Stage 5: abbreviations expanded to the canonical word.

use super::{Key, KeyKind, Origin, TokenKind, W};

/// (abbreviation, canonical word), sorted by abbreviation (checked by a test).
static ABBREV: &[(&str, &str)] = &[
    ("assn", "association"),
    ("assoc", "association"),
    ("bros", "brothers"),
    ("centre", "center"),
    ("comm", "communications"),
    ("ctr", "center"),
    ("dept", "department"),
    ("dev", "development"),
    ("elec", "electronics"),
    ("engg", "engineering"),
    ("govt", "government"),
    ("grp", "group"),
    ("hldg", "holdings"),
    ("hldgs", "holdings"),
    ("ind", "industries"),
    ("inds", "industries"),
    ("indus", "industrial"),
    ("inst", "institute"),
    ("intl", "international"),
    ("mfg", "manufacturing"),
    ("mgmt", "management"),
    ("natl", "national"),
    ("sci", "scientific"),
    ("shpg", "shipping"),
    ("srvces", "services"),
    ("srvcs", "services"),
    ("svc", "services"),
    ("svcs", "services"),
    ("tech", "technology"),
    ("techn", "technology"),
    ("technol", "technology"),
    ("trdg", "trading"),
    ("univ", "university"),
];

/// The canonical word for an abbreviation.
pub(crate) fn expand(s: &str) -> Option<&'static str> {
    ABBREV
        .binary_search_by(|(a, _)| a.cmp(&s))
        .ok()
        .map(|i| ABBREV[i].1)
}

/// Expand abbreviations of word tokens in place; the abbreviation stays as an `Alt` key.
pub(crate) fn apply(toks: &mut [W]) {
    for w in toks.iter_mut() {
        if w.t.kind != TokenKind::Word || w.t.origin == Origin::Translated {
            continue;
        }
        if let Some(full) = expand(&w.t.text) {
            let abbr = std::mem::replace(&mut w.t.text, full.to_string());
            w.t.origin = Origin::Abbreviation;
            w.t.keys.push(Key {
                kind: KeyKind::Alt,
                value: abbr,
            });
        }
    }
}

#[cfg(test)]
pub(crate) fn table_sorted() -> bool {
    ABBREV.windows(2).all(|w| w[0].0 < w[1].0)
}
