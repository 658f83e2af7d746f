//! Stages 1 and 2: NFKC and tokenisation on whitespace, punctuation and script changes.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::script::script_of;
use super::Script;

/// A raw token: a span of the NFKC text (original case).
#[derive(Debug, Clone)]
pub(crate) struct Raw {
    /// Byte range into the NFKC string.
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
    /// Script of the letters (Latin for digit-only tokens).
    pub script: Script,
    /// Made of single letters joined by periods (`U.S.A.`).
    pub joined: bool,
    /// A `#` / `№` number marker.
    pub hash: bool,
}

/// Characters deleted inside words.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '’' | '`' | 'ʼ' | '‘' | 'ʻ' | 'ʾ' | 'ʿ' | '′' | '´'
    )
}

/// Stage 1: map a few characters NFKC would spoil (`№` → `#`, `´` → `'`, Arabic-Indic
/// digits → ASCII), then NFKC. Case is kept (folded per token later).
pub(crate) fn nfkc(input: &str) -> String {
    input
        .chars()
        .map(|c| match c {
            '№' => '#',
            '´' => '\'',
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            _ => c,
        })
        .nfkc()
        .collect()
}

/// Stage 2: split the NFKC text into raw tokens.
pub(crate) fn tokenize(s: &str) -> Vec<Raw> {
    let mut out: Vec<Raw> = Vec::with_capacity(8);
    // current token: (start, end, script if any letter seen)
    let mut cur: Option<(usize, usize, Option<Script>)> = None;
    fn flush(cur: &mut Option<(usize, usize, Option<Script>)>, out: &mut Vec<Raw>) {
        if let Some((start, end, script)) = cur.take() {
            out.push(Raw {
                start,
                end,
                script: script.unwrap_or(Script::Latin),
                joined: false,
                hash: false,
            });
        }
    }
    for (i, c) in s.char_indices() {
        let e = i + c.len_utf8();
        if c.is_ascii_digit() {
            match &mut cur {
                Some((_, end, sc)) if *sc != Some(Script::Han) => *end = e,
                _ => {
                    flush(&mut cur, &mut out);
                    cur = Some((i, e, None));
                }
            }
        } else if is_apostrophe(c) {
            if let Some((_, end, _)) = &mut cur {
                *end = e;
            }
        } else if let Some(sc) = script_of(c) {
            match &mut cur {
                Some((_, end, cs)) if cs.is_none() && sc != Script::Han => {
                    *end = e;
                    *cs = Some(sc);
                }
                Some((_, end, Some(cs))) if *cs == sc => *end = e,
                _ => {
                    flush(&mut cur, &mut out);
                    cur = Some((i, e, Some(sc)));
                }
            }
        } else if is_combining_mark(c) {
            if let Some((_, end, _)) = &mut cur {
                *end = e;
            }
        } else {
            flush(&mut cur, &mut out);
            if c == '#' {
                out.push(Raw {
                    start: i,
                    end: e,
                    script: Script::Latin,
                    joined: false,
                    hash: true,
                });
            }
        }
    }
    flush(&mut cur, &mut out);
    join_dotted(s, &mut out);
    out
}

/// True for a token that is one letter (of a script other than Han).
fn single_letter(s: &str, r: &Raw) -> bool {
    if r.hash || r.script == Script::Han {
        return false;
    }
    let mut it = s[r.start..r.end].chars().filter(|c| !is_combining_mark(*c));
    matches!((it.next(), it.next()), (Some(c), None) if c.is_alphabetic())
}

/// Join runs of single letters separated by single periods (`u.s.a` → one token).
fn join_dotted(s: &str, toks: &mut Vec<Raw>) {
    if !s.contains('.') || toks.len() < 2 {
        return;
    }
    let mut out: Vec<Raw> = Vec::with_capacity(toks.len());
    let mut i = 0;
    while i < toks.len() {
        let mut j = i;
        if single_letter(s, &toks[i]) {
            while j + 1 < toks.len()
                && single_letter(s, &toks[j + 1])
                && toks[j + 1].script == toks[i].script
                && &s[toks[j].end..toks[j + 1].start] == "."
            {
                j += 1;
            }
        }
        if j > i {
            out.push(Raw {
                start: toks[i].start,
                end: toks[j].end,
                script: toks[i].script,
                joined: true,
                hash: false,
            });
        } else {
            out.push(toks[i].clone());
        }
        i = j + 1;
    }
    *toks = out;
}
