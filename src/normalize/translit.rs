//! Stage 8: transliteration of non-Latin scripts to ASCII.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::fold::push_ascii;

/// One Cyrillic letter in (BGN/PCGN-like, ICAO 9303, GOST-like) romanisations.
fn cyr(c: char) -> Option<(&'static str, &'static str, &'static str)> {
    Some(match c {
        'а' => ("a", "a", "a"),
        'б' => ("b", "b", "b"),
        'в' => ("v", "v", "v"),
        'г' => ("g", "g", "g"),
        'д' => ("d", "d", "d"),
        'е' | 'э' => ("e", "e", "e"),
        'ё' => ("e", "e", "yo"),
        'ж' => ("zh", "zh", "zh"),
        'з' => ("z", "z", "z"),
        'и' => ("i", "i", "i"),
        'й' => ("y", "i", "j"),
        'к' => ("k", "k", "k"),
        'л' => ("l", "l", "l"),
        'м' => ("m", "m", "m"),
        'н' => ("n", "n", "n"),
        'о' => ("o", "o", "o"),
        'п' => ("p", "p", "p"),
        'р' => ("r", "r", "r"),
        'с' => ("s", "s", "s"),
        'т' => ("t", "t", "t"),
        'у' => ("u", "u", "u"),
        'ф' => ("f", "f", "f"),
        'х' => ("kh", "kh", "h"),
        'ц' => ("ts", "ts", "c"),
        'ч' => ("ch", "ch", "ch"),
        'ш' => ("sh", "sh", "sh"),
        'щ' => ("shch", "shch", "shch"),
        'ъ' => ("", "ie", ""),
        'ы' => ("y", "y", "y"),
        'ь' => ("", "", ""),
        'ю' => ("yu", "iu", "ju"),
        'я' => ("ya", "ia", "ja"),
        // Ukrainian, Belarusian
        'і' => ("i", "i", "i"),
        'ї' => ("yi", "i", "ji"),
        'є' => ("ye", "ie", "je"),
        'ґ' => ("g", "g", "g"),
        'ў' => ("u", "u", "u"),
        // Serbian, Macedonian
        'ђ' => ("dj", "dj", "dj"),
        'ј' => ("j", "j", "j"),
        'љ' => ("lj", "lj", "lj"),
        'њ' => ("nj", "nj", "nj"),
        'ћ' => ("c", "c", "c"),
        'џ' => ("dzh", "dz", "dz"),
        'ѓ' => ("gj", "gj", "gj"),
        'ќ' => ("kj", "kj", "kj"),
        'ѕ' => ("dz", "dz", "dz"),
        // Kazakh, Kyrgyz, Tajik, Uzbek
        'ә' => ("a", "a", "a"),
        'ғ' => ("gh", "g", "g"),
        'қ' => ("q", "k", "k"),
        'ң' => ("ng", "n", "n"),
        'ө' => ("o", "o", "o"),
        'ұ' | 'ү' | 'ӯ' => ("u", "u", "u"),
        'һ' => ("h", "h", "h"),
        'ҳ' => ("kh", "kh", "h"),
        'ҷ' => ("j", "j", "j"),
        'ӣ' => ("i", "i", "i"),
        _ => return None,
    })
}

/// Cyrillic word (lower case) → (BGN/PCGN-like text, alternative spellings: ICAO 9303, GOST-like
/// and, when `slavic_h` (Ukrainian/Belarusian input), a variant with `г` → `h`, `и` → `y`).
pub(crate) fn cyrillic(s: &str, slavic_h: bool) -> (String, Vec<String>) {
    let mut bgn = String::with_capacity(s.len());
    let mut icao = String::with_capacity(s.len());
    let mut gost = String::with_capacity(s.len());
    let mut uk = String::new();
    for c in s.chars() {
        if let Some((b, i, g)) = cyr(c) {
            bgn.push_str(b);
            icao.push_str(i);
            gost.push_str(g);
            if slavic_h {
                uk.push_str(match c {
                    'г' => "h",
                    'и' => "y",
                    _ => b,
                });
            }
        } else {
            let n = bgn.len();
            push_ascii(&mut bgn, c);
            let extra = bgn[n..].to_string();
            icao.push_str(&extra);
            gost.push_str(&extra);
            uk.push_str(&extra);
        }
    }
    let mut alts = Vec::with_capacity(3);
    for a in [icao, gost, uk] {
        if !a.is_empty() && a != bgn && !alts.contains(&a) {
            alts.push(a);
        }
    }
    (bgn, alts)
}

/// Greek word (lower case) → ELOT-like romanisation.
pub(crate) fn greek(s: &str) -> String {
    let cs: Vec<char> = s.nfd().filter(|c| !is_combining_mark(*c)).collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < cs.len() {
        let c = cs[i];
        let n = cs.get(i + 1).copied();
        let two = match (c, n) {
            ('ο', Some('υ')) => Some("ou"),
            ('α', Some('υ')) => Some("av"),
            ('ε', Some('υ')) => Some("ev"),
            ('η', Some('υ')) => Some("iv"),
            ('γ', Some('γ')) => Some("ng"),
            ('γ', Some('χ')) => Some("nch"),
            ('γ', Some('ξ')) => Some("nx"),
            ('μ', Some('π')) if i == 0 => Some("b"),
            ('ν', Some('τ')) if i == 0 => Some("d"),
            _ => None,
        };
        if let Some(t) = two {
            out.push_str(t);
            i += 2;
            continue;
        }
        let r = match c {
            'α' => "a",
            'β' => "v",
            'γ' => "g",
            'δ' => "d",
            'ε' => "e",
            'ζ' => "z",
            'η' | 'ι' => "i",
            'θ' => "th",
            'κ' => "k",
            'λ' => "l",
            'μ' => "m",
            'ν' => "n",
            'ξ' => "x",
            'ο' | 'ω' => "o",
            'π' => "p",
            'ρ' => "r",
            'σ' | 'ς' | 'ϲ' => "s",
            'τ' => "t",
            'υ' => "y",
            'φ' => "f",
            'χ' => "ch",
            'ψ' => "ps",
            _ => {
                push_ascii(&mut out, c);
                ""
            }
        };
        out.push_str(r);
        i += 1;
    }
    out
}

/// Arabic-script word → consonant transliteration (short vowels are not written).
/// A word-initial `ع` becomes `a` (how Latin spellings render it: `abd`, `abdul`), elsewhere
/// `ع` and hamza are dropped.
pub(crate) fn arabic(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        let r = match c {
            'ب' => "b",
            'ت' | 'ط' | 'ٹ' => "t",
            'ث' => "th",
            'ج' => "j",
            'ح' | 'ه' | 'ة' | 'ھ' | 'ہ' | 'ۃ' => "h",
            'خ' => "kh",
            'د' | 'ض' | 'ڈ' => "d",
            'ذ' => "dh",
            'ر' | 'ڑ' => "r",
            'ز' | 'ظ' => "z",
            'س' | 'ص' => "s",
            'ش' => "sh",
            'ع' if i == 0 => "a",
            'ع' | 'ء' | 'ؤ' | 'ئ' | 'ـ' => "",
            'غ' => "gh",
            'ف' => "f",
            'ق' => "q",
            'ك' | 'ک' => "k",
            'ل' => "l",
            'م' => "m",
            'ن' | 'ں' => "n",
            'و' => "w",
            'ي' | 'ی' | 'ے' => "y",
            'ى' | 'أ' | 'إ' | 'آ' | 'ا' | 'ٱ' => "a",
            'پ' => "p",
            'چ' => "ch",
            'ژ' => "zh",
            'گ' => "g",
            _ => {
                push_ascii(&mut out, c);
                ""
            }
        };
        out.push_str(r);
    }
    out
}

/// Hebrew word → (consonant transliteration, variant with the spirants `ב` → `v`,
/// `כ` → `kh`, `פ` → `f` after the first letter).
pub(crate) fn hebrew(s: &str) -> (String, String) {
    let mut out = String::with_capacity(s.len());
    let mut alt = String::with_capacity(s.len());
    for (i, c) in s.chars().filter(|c| !is_combining_mark(*c)).enumerate() {
        let (r, a) = match c {
            'א' | 'ע' => ("", ""),
            'ב' => ("b", if i == 0 { "b" } else { "v" }),
            'ג' => ("g", "g"),
            'ד' => ("d", "d"),
            'ה' => ("h", "h"),
            'ו' => ("v", "v"),
            'ז' => ("z", "z"),
            'ח' => ("kh", "kh"),
            'ט' | 'ת' => ("t", "t"),
            'י' => ("y", "y"),
            'כ' | 'ך' => ("k", if i == 0 { "k" } else { "kh" }),
            'ל' => ("l", "l"),
            'מ' | 'ם' => ("m", "m"),
            'נ' | 'ן' => ("n", "n"),
            'ס' => ("s", "s"),
            'פ' | 'ף' => ("p", if i == 0 { "p" } else { "f" }),
            'צ' | 'ץ' => ("ts", "ts"),
            'ק' => ("k", "k"),
            'ר' => ("r", "r"),
            'ש' => ("sh", "sh"),
            _ => {
                let n = out.len();
                push_ascii(&mut out, c);
                let extra = out[n..].to_string();
                alt.push_str(&extra);
                continue;
            }
        };
        out.push_str(r);
        alt.push_str(a);
    }
    (out, alt)
}

const L: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];
const V: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];
const T: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
];

/// Hangul word → Revised Romanization (syllable by syllable, no assimilation rules).
pub(crate) fn hangul(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 2);
    for c in s.chars() {
        let u = c as u32;
        if (0xAC00..=0xD7A3).contains(&u) {
            let x = u - 0xAC00;
            out.push_str(L[(x / 588) as usize]);
            out.push_str(V[((x % 588) / 28) as usize]);
            out.push_str(T[(x % 28) as usize]);
        } else {
            push_ascii(&mut out, c);
        }
    }
    out
}

/// Any other script: any_ascii, keeping `[a-z0-9]`.
pub(crate) fn other(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_ascii(&mut out, c);
    }
    out
}
