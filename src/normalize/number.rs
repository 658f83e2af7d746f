//! Stage 6: numbers, ordinals, number markers and roman numerals.

use super::{Key, KeyKind, Origin, TokenKind, W};

/// Spelled cardinals and ordinals, sorted (checked by a test).
static SPELLED: &[(&str, u32)] = &[
    ("eight", 8),
    ("eighteen", 18),
    ("eighteenth", 18),
    ("eighth", 8),
    ("eleven", 11),
    ("eleventh", 11),
    ("fifteen", 15),
    ("fifteenth", 15),
    ("fifth", 5),
    ("first", 1),
    ("five", 5),
    ("four", 4),
    ("fourteen", 14),
    ("fourteenth", 14),
    ("fourth", 4),
    ("nine", 9),
    ("nineteen", 19),
    ("nineteenth", 19),
    ("ninth", 9),
    ("one", 1),
    ("second", 2),
    ("seven", 7),
    ("seventeen", 17),
    ("seventeenth", 17),
    ("seventh", 7),
    ("six", 6),
    ("sixteen", 16),
    ("sixteenth", 16),
    ("sixth", 6),
    ("ten", 10),
    ("tenth", 10),
    ("third", 3),
    ("thirteen", 13),
    ("thirteenth", 13),
    ("three", 3),
    ("twelfth", 12),
    ("twelve", 12),
    ("twentieth", 20),
    ("twenty", 20),
    ("two", 2),
];

/// The value of a roman numeral of `i`, `v`, `x` of 2+ letters in canonical form (2..=39).
pub(crate) fn roman(s: &str) -> Option<u32> {
    if s.len() < 2 || s.len() > 8 || !s.bytes().all(|b| matches!(b, b'i' | b'v' | b'x')) {
        return None;
    }
    let val = |b: u8| match b {
        b'i' => 1,
        b'v' => 5,
        _ => 10,
    };
    let b = s.as_bytes();
    let mut total: i32 = 0;
    for k in 0..b.len() {
        let v = val(b[k]);
        if k + 1 < b.len() && val(b[k + 1]) > v {
            total -= v;
        } else {
            total += v;
        }
    }
    let n = u32::try_from(total).ok().filter(|n| (1..40).contains(n))?;
    // canonical form only
    let mut canon = "x".repeat((n / 10) as usize);
    canon.push_str(["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"][(n % 10) as usize]);
    (canon == s).then_some(n)
}

/// Digits without leading zeros.
fn strip_zeros(d: &str) -> &str {
    let t = d.trim_start_matches('0');
    if t.is_empty() {
        "0"
    } else {
        t
    }
}

/// Make numbers canonical and drop `no` / `nr` / `#` markers before a number.
pub(crate) fn apply(toks: &mut Vec<W>) {
    for w in toks.iter_mut() {
        if w.t.kind != TokenKind::Word || w.marker {
            continue;
        }
        let text = w.t.text.as_str();
        let digits_end = text
            .bytes()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(text.len());
        if digits_end == text.len() {
            let s = strip_zeros(text);
            if s != text {
                w.t.text = s.to_string();
                w.t.origin = Origin::Numeral;
            }
            w.t.kind = TokenKind::Number;
        } else if digits_end > 0 && matches!(&text[digits_end..], "st" | "nd" | "rd" | "th") {
            w.t.text = strip_zeros(&text[..digits_end]).to_string();
            w.t.kind = TokenKind::Number;
            w.t.origin = Origin::Numeral;
        } else if let Ok(k) = SPELLED.binary_search_by(|(s, _)| s.cmp(&text)) {
            let word = std::mem::replace(&mut w.t.text, SPELLED[k].1.to_string());
            w.t.kind = TokenKind::Number;
            w.t.origin = Origin::Numeral;
            w.t.keys.push(Key {
                kind: KeyKind::Alt,
                value: word,
            });
        } else if let Some(n) = roman(text) {
            w.t.keys.push(Key {
                kind: KeyKind::Alt,
                value: n.to_string(),
            });
        }
    }
    // backwards, so `no no 5` and `no # 5` lose every marker (idempotence)
    for i in (0..toks.len()).rev() {
        let w = &toks[i];
        let is_marker =
            w.marker || (w.t.kind == TokenKind::Word && matches!(w.t.text.as_str(), "no" | "nr"));
        let before_number = toks
            .get(i + 1)
            .is_some_and(|n| n.t.kind == TokenKind::Number);
        if w.marker || (is_marker && before_number) {
            toks.remove(i);
        }
    }
}

#[cfg(test)]
pub(crate) fn table_sorted() -> bool {
    SPELLED.windows(2).all(|w| w[0].0 < w[1].0)
}
