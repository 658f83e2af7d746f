//! Stage 7: Latin folding to ASCII.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Letters NFKD does not decompose, folded to ASCII.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ø' => "o",
        'ł' => "l",
        'đ' | 'ð' => "d",
        'þ' => "th",
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ı' => "i",
        'ħ' => "h",
        'ŧ' => "t",
        'ŋ' => "n",
        'ĸ' => "k",
        'ſ' => "s",
        'ƒ' => "f",
        'ɨ' => "i",
        'ʉ' => "u",
        'ƀ' => "b",
        'ɗ' => "d",
        'ɓ' => "b",
        'ƙ' => "k",
        'ƴ' => "y",
        'ǝ' | 'ə' => "e",
        'ɛ' => "e",
        'ɔ' => "o",
        'ª' => "a",
        'º' => "o",
        _ => return None,
    })
}

/// Push the ASCII lower-case alphanumerics of `s` (any_ascii of anything else) to `out`.
pub(crate) fn push_ascii(out: &mut String, c: char) {
    if c.is_ascii_alphanumeric() {
        out.push(c.to_ascii_lowercase());
    } else if !c.is_ascii() && !is_combining_mark(c) {
        for a in any_ascii::any_ascii_char(c).chars() {
            if a.is_ascii_alphanumeric() {
                out.push(a.to_ascii_lowercase());
            }
        }
    }
}

/// Fold a (lower-case) Latin word to ASCII `[a-z0-9]*`. Returns the folded text, whether
/// anything other than deleting punctuation changed, and for German `ä ö ü` the `ae oe ue`
/// alternative.
pub(crate) fn fold_latin(s: &str) -> (String, bool, Option<String>) {
    if s.is_ascii() {
        let t: String = s.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
        return (t, false, None);
    }
    let umlaut = s.contains(['ä', 'ö', 'ü']);
    let text = fold_inner(s, false);
    let alt = if umlaut {
        Some(fold_inner(s, true))
    } else {
        None
    };
    (text, true, alt)
}

fn fold_inner(s: &str, umlaut: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if umlaut {
            let r = match c {
                'ä' => Some("ae"),
                'ö' => Some("oe"),
                'ü' => Some("ue"),
                _ => None,
            };
            if let Some(r) = r {
                out.push_str(r);
                continue;
            }
        }
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c);
            }
            continue;
        }
        if let Some(r) = special(c) {
            out.push_str(r);
            continue;
        }
        for d in std::iter::once(c).nfkd() {
            if is_combining_mark(d) {
                continue;
            }
            if let Some(r) = special(d) {
                out.push_str(r);
            } else {
                push_ascii(&mut out, d);
            }
        }
    }
    out
}
