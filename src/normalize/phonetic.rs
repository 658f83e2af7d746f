//! Stage 9: phonetic and skeleton keys.

/// Phonetic fold of an ASCII word, making common romanisation variants equal.
///
/// The input is lower-cased and reduced to `[a-z0-9]`. Then, scanning left to right and
/// taking the first rule that matches at each position (longer rules first):
///
/// 1. `shch` → `sh`, `dzh` → `j`, `sch` → `sh`, `tch` → `ch`;
/// 2. `kh` → `h`, `zh` → `j`, `dj` → `j`, `ts`/`tz`/`cz` → `c`, `ph` → `f`, `ck` → `k`,
///    `ou`/`oo` → `u`, `ee` → `i`, `yu`/`iu` → `u`, `ya`/`ia` → `a`, `ye` → `e`;
/// 3. `q` → `k`, `w` → `v`, `x` → `ks`, `y` → `i`.
///
/// Finally a word-final `ie` becomes `i` and doubled letters collapse (so a final `iy`/`ii`
/// becomes `i`). `khoroshev` = `horoshev`; `iurii` = `yuriy` = `yury` = `yuri`;
/// `tsoi` = `tsoy` = `coi`.
pub fn phonetic_key(latin: &str) -> String {
    let b: Vec<u8> = latin
        .bytes()
        .filter(u8::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let mut out: Vec<u8> = Vec::with_capacity(b.len() + 2);
    let mut i = 0;
    while i < b.len() {
        let r = &b[i..];
        let (rep, n): (&[u8], usize) = if r.starts_with(b"shch") {
            (b"sh", 4)
        } else if r.starts_with(b"dzh") {
            (b"j", 3)
        } else if r.starts_with(b"sch") {
            (b"sh", 3)
        } else if r.starts_with(b"tch") {
            (b"ch", 3)
        } else {
            let two: Option<&[u8]> = if r.len() >= 2 {
                match (r[0], r[1]) {
                    (b'k', b'h') => Some(b"h"),
                    (b'z', b'h') | (b'd', b'j') => Some(b"j"),
                    (b't', b's') | (b't', b'z') | (b'c', b'z') => Some(b"c"),
                    (b'p', b'h') => Some(b"f"),
                    (b'c', b'k') => Some(b"k"),
                    (b'o', b'u') | (b'o', b'o') | (b'y', b'u') | (b'i', b'u') => Some(b"u"),
                    (b'e', b'e') => Some(b"i"),
                    (b'y', b'a') | (b'i', b'a') => Some(b"a"),
                    (b'y', b'e') => Some(b"e"),
                    _ => None,
                }
            } else {
                None
            };
            match two {
                Some(t) => (t, 2),
                None => match r[0] {
                    b'q' => (b"k", 1),
                    b'w' => (b"v", 1),
                    b'x' => (b"ks", 1),
                    b'y' => (b"i", 1),
                    _ => (&r[..1], 1),
                },
            }
        };
        out.extend_from_slice(rep);
        i += n;
    }
    if out.len() > 2 && out.ends_with(b"ie") {
        out.pop();
    }
    out.dedup();
    // only ASCII bytes were pushed
    String::from_utf8(out).unwrap_or_default()
}

/// Consonant skeleton of an ASCII word: a non-initial `w` is dropped (a vowel letter in
/// Arabic transliteration), then [`phonetic_key`], then the vowels `a e i o u` (and `y`)
/// are dropped and doubled letters collapsed. `None` when fewer than 3 characters remain
/// (too undistinctive). `mohammed`, `muhammad`, `mohamad` and `mhmd` (Arabic محمد) all
/// give `mhmd`.
pub fn skeleton_key(latin: &str) -> Option<String> {
    let pre: String = latin
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .enumerate()
        .filter(|&(i, c)| !(i > 0 && c == 'w'))
        .map(|(_, c)| c)
        .collect();
    let p = phonetic_key(&pre);
    let mut s: Vec<u8> = p
        .bytes()
        .filter(|c| !matches!(c, b'a' | b'e' | b'i' | b'o' | b'u' | b'y'))
        .collect();
    s.dedup();
    if s.len() < 3 {
        None
    } else {
        String::from_utf8(s).ok()
    }
}
