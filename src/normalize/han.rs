//! Stage 3: unsegmented Han text → legal forms, translated words and single characters.

use pinyin::{ToPinyin, ToPinyinMulti};

use super::fold::push_ascii;
use super::{Key, KeyKind, LegalClass, Origin, Script, Token, TokenKind, W};

enum Entry {
    Legal(LegalClass),
    Words(&'static [&'static str]),
}

/// Known Han words, sorted by UTF-8 bytes (checked by a test).
static WORDS: &[(&str, Entry)] = &[
    ("中国", Entry::Words(&["china"])),
    ("中國", Entry::Words(&["china"])),
    ("公司", Entry::Legal(LegalClass::Company)),
    ("制造", Entry::Words(&["manufacturing"])),
    ("国际", Entry::Words(&["international"])),
    ("國際", Entry::Words(&["international"])),
    ("实业", Entry::Words(&["industrial"])),
    ("實業", Entry::Words(&["industrial"])),
    ("工业", Entry::Words(&["industry"])),
    ("工業", Entry::Words(&["industry"])),
    ("技术", Entry::Words(&["technology"])),
    ("技術", Entry::Words(&["technology"])),
    ("控股", Entry::Words(&["holding"])),
    ("数字", Entry::Words(&["digital"])),
    ("數字", Entry::Words(&["digital"])),
    ("有限公司", Entry::Legal(LegalClass::Limited)),
    ("有限合伙", Entry::Legal(LegalClass::Partnership)),
    ("有限責任公司", Entry::Legal(LegalClass::Llc)),
    ("有限责任公司", Entry::Legal(LegalClass::Llc)),
    ("电子", Entry::Words(&["electronics"])),
    ("研究所", Entry::Words(&["research", "institute"])),
    ("研究院", Entry::Words(&["research", "institute"])),
    ("科技", Entry::Words(&["technology"])),
    ("股份公司", Entry::Legal(LegalClass::JointStock)),
    ("股份有限公司", Entry::Legal(LegalClass::JointStock)),
    ("製造", Entry::Words(&["manufacturing"])),
    ("貿易", Entry::Words(&["trading"])),
    ("贸易", Entry::Words(&["trading"])),
    ("銀行", Entry::Words(&["bank"])),
    ("银行", Entry::Words(&["bank"])),
    ("集团", Entry::Words(&["group"])),
    ("集團", Entry::Words(&["group"])),
    ("電子", Entry::Words(&["electronics"])),
];

const MAX_WORD_CHARS: usize = 6;

/// Pinyin readings of a Han character, plain and folded to ASCII (`lü` → `lu`); the first is
/// the most common. Empty when the character has no reading.
fn readings(c: char) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |p: &str| {
        let mut s = String::with_capacity(p.len());
        for ch in p.chars() {
            match ch {
                'ü' => s.push('u'),
                'ê' => s.push('e'),
                _ => push_ascii(&mut s, ch),
            }
        }
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    if let Some(m) = c.to_pinyin_multi() {
        for p in m {
            add(p.plain());
        }
    } else if let Some(p) = c.to_pinyin() {
        add(p.plain());
    }
    out
}

/// Segment a run of Han characters into tokens appended to `out`.
pub(crate) fn segment(run: &str, out: &mut Vec<W>) {
    let idx: Vec<usize> = run
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(run.len()))
        .collect();
    let n = idx.len() - 1;
    let mut i = 0;
    while i < n {
        let mut found = None;
        let max = MAX_WORD_CHARS.min(n - i);
        for len in (2..=max).rev() {
            let w = &run[idx[i]..idx[i + len]];
            if let Ok(k) = WORDS.binary_search_by(|(key, _)| key.cmp(&w)) {
                found = Some((len, w, &WORDS[k].1));
                break;
            }
        }
        match found {
            Some((len, w, Entry::Legal(class))) => {
                out.push(W::new(Token {
                    text: class.key().to_string(),
                    surface: w.to_string(),
                    kind: TokenKind::LegalForm(*class),
                    script: Script::Han,
                    origin: Origin::LegalForm,
                    keys: vec![Key {
                        kind: KeyKind::Native,
                        value: w.to_string(),
                    }],
                }));
                i += len;
            }
            Some((len, w, Entry::Words(words))) => {
                let glued: String = w
                    .chars()
                    .filter_map(|c| readings(c).into_iter().next())
                    .collect();
                for en in words.iter() {
                    let mut keys = Vec::with_capacity(2);
                    if !glued.is_empty() {
                        keys.push(Key {
                            kind: KeyKind::Alt,
                            value: glued.clone(),
                        });
                    }
                    keys.push(Key {
                        kind: KeyKind::Native,
                        value: w.to_string(),
                    });
                    out.push(W::new(Token {
                        text: en.to_string(),
                        surface: w.to_string(),
                        kind: TokenKind::Word,
                        script: Script::Han,
                        origin: Origin::Translated,
                        keys,
                    }));
                }
                i += len;
            }
            None => {
                let cs = &run[idx[i]..idx[i + 1]];
                let c = cs.chars().next().unwrap_or(' ');
                let mut rs = readings(c);
                let (text, origin) = if rs.is_empty() {
                    let mut t = String::new();
                    push_ascii(&mut t, c);
                    (t, Origin::Transliterated)
                } else {
                    (rs.remove(0), Origin::Transliterated)
                };
                if !text.is_empty() {
                    let mut keys = vec![Key {
                        kind: KeyKind::Native,
                        value: cs.to_string(),
                    }];
                    for r in rs.into_iter().take(3) {
                        keys.push(Key {
                            kind: KeyKind::Alt,
                            value: r,
                        });
                    }
                    out.push(W::new(Token {
                        text,
                        surface: cs.to_string(),
                        kind: TokenKind::Han,
                        script: Script::Han,
                        origin,
                        keys,
                    }));
                }
                i += 1;
            }
        }
    }
}

#[cfg(test)]
pub(crate) fn words_sorted() -> bool {
    WORDS.windows(2).all(|w| w[0].0 < w[1].0)
}
