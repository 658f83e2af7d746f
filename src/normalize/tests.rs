//! Unit tests of the normalisation pipeline.

use super::*;

fn texts(s: &str) -> Vec<String> {
    analyze(s).into_iter().map(|t| t.text).collect()
}

fn one(s: &str) -> Token {
    let mut t = analyze(s);
    assert_eq!(t.len(), 1, "{s:?} → {t:?}");
    t.remove(0)
}

fn legal(s: &str) -> LegalClass {
    match one(s).kind {
        TokenKind::LegalForm(c) => c,
        k => panic!("{s:?} is {k:?}, not a legal form"),
    }
}

fn has_key(t: &Token, kind: KeyKind, v: &str) -> bool {
    t.keys_of(kind).any(|k| k == v)
}

#[test]
fn tables_are_sorted() {
    assert!(abbrev::table_sorted());
    assert!(han::words_sorted());
    assert!(legal::phrases_sorted());
    assert!(number::table_sorted());
}

#[test]
fn punctuation() {
    assert_eq!(one("U.S.A.").text, "usa");
    assert_eq!(one("U.S.A.").origin, Origin::Joined);
    assert_eq!(texts("u.s.a"), ["usa"]);
    let o = one("O'Brien");
    assert_eq!((o.text.as_str(), o.surface.as_str()), ("obrien", "o'brien"));
    assert_eq!(texts("O’Neill"), ["oneill"]);
    assert_eq!(texts("Int'l"), ["international"]);
    assert_eq!(texts("al-Hassan"), ["al", "hassan"]);
    assert_eq!(
        texts("Rolls-Royce/Smith, (Jones) & \"Co\""),
        ["rolls", "royce", "smith", "jones", "co"]
    );
    assert_eq!(texts("J. Smith Sr. Jr."), ["j", "smith", "sr", "jr"]);
    assert_eq!(texts("MP3 Player"), ["mp3", "player"]);
    assert_eq!(texts("ООО\"Ромашка\""), ["llc", "romashka"]);
    assert_eq!(texts("abcДЕФ"), ["abc", "def"]);
}

#[test]
fn legal_forms() {
    let ltd = LegalClass::Limited;
    assert_eq!(legal("Co., Ltd."), ltd);
    assert_eq!(legal("Company Limited"), ltd);
    assert_eq!(legal("有限公司"), ltd);
    assert_eq!(legal("Pty Ltd"), ltd);
    assert_eq!(legal("Pvt. Ltd."), ltd);
    assert_eq!(legal("LTD"), ltd);
    for s in [
        "LLC",
        "L.L.C.",
        "ООО",
        "Общество с ограниченной ответственностью",
        "Limited Liability Company",
    ] {
        assert_eq!(legal(s), LegalClass::Llc, "{s}");
    }
    for s in [
        "GmbH",
        "SARL",
        "S.R.L.",
        "Sp. z o.o.",
        "ТОВ",
        "Товариство з обмеженою відповідальністю",
        "Ltda",
    ] {
        assert_eq!(legal(s), LegalClass::Llc, "{s}");
    }
    for s in [
        "JSC", "AO", "PJSC", "PAO", "ZAO", "OAO", "АО", "ПАО", "ЗАО", "ПАТ", "AG", "S.A.", "N.V.",
        "PLC",
    ] {
        assert_eq!(legal(s), LegalClass::JointStock, "{s}");
    }
    for s in [
        "S.p.A.",
        "Joint Stock Company",
        "Public Joint Stock Company",
        "Акционерное общество",
        "股份有限公司",
    ] {
        assert_eq!(legal(s), LegalClass::JointStock, "{s}");
    }
    assert_eq!(
        legal("Публичное акционерное общество"),
        LegalClass::JointStock
    );
    for s in ["Corp.", "Corporation", "Inc", "Incorporated"] {
        assert_eq!(legal(s), LegalClass::Corporation, "{s}");
    }
    assert_eq!(legal("Company"), LegalClass::Company);
    assert_eq!(legal("公司"), LegalClass::Company);
    assert_eq!(legal("LLP"), LegalClass::Partnership);
    assert_eq!(legal("有限责任公司"), LegalClass::Llc);
    assert_eq!(legal("有限責任公司"), LegalClass::Llc);

    let t = analyze("Hangzhou Hikvision Co., Ltd.");
    assert_eq!(t.len(), 3);
    assert_eq!(t[2].surface, "co ltd");
    assert!(t[2].keys.is_empty());
    // anywhere in the name, and one token per phrase
    assert_eq!(texts("OAO Gazprom Neft"), ["jsc", "gazprom", "neft"]);
    assert_eq!(texts("Smith & Co Ltd"), ["smith", "ltd"]);
    assert_eq!(texts("Acme Corp Inc"), ["acme", "corp", "corp"]);
    // ambiguous short forms need capitals or periods
    assert_eq!(texts("total sa"), ["total", "sa"]);
    assert_eq!(texts("Total SA"), ["total", "jsc"]);
    // Cyrillic-only forms are not matched on their Latin transliteration
    assert_eq!(texts("Pat Smith"), ["pat", "smith"]);
}

#[test]
fn abbreviations() {
    let t = one("Tech");
    assert_eq!(t.text, "technology");
    assert_eq!(t.origin, Origin::Abbreviation);
    assert!(has_key(&t, KeyKind::Alt, "tech"));
    assert_eq!(
        texts("Intl Grp Mfg Svcs Srvces"),
        [
            "international",
            "group",
            "manufacturing",
            "services",
            "services"
        ]
    );
    assert_eq!(
        texts("Natl Univ Centre"),
        ["national", "university", "center"]
    );
    assert_eq!(legal("Corp"), LegalClass::Corporation);
}

#[test]
fn numbers() {
    for s in [
        "11th", "No. 11", "no 11", "#11", "№ 11", "Nr. 011", "eleventh", "Eleven",
    ] {
        let t = one(s);
        assert_eq!((t.text.as_str(), t.kind), ("11", TokenKind::Number), "{s}");
    }
    assert_eq!(
        texts("14th Research Institute"),
        ["14", "research", "institute"]
    );
    assert_eq!(texts("1st 2nd 3rd 21st"), ["1", "2", "3", "21"]);
    assert_eq!(texts("007"), ["7"]);
    assert_eq!(texts("000"), ["0"]);
    let xi = one("XI");
    assert_eq!((xi.text.as_str(), xi.kind), ("xi", TokenKind::Word));
    assert!(has_key(&xi, KeyKind::Alt, "11"));
    assert!(has_key(&one("xxxix"), KeyKind::Alt, "39"));
    assert!(one("iix").keys_of(KeyKind::Alt).next().is_none());
    assert!(one("i").keys.is_empty());
    assert!(one("x").keys_of(KeyKind::Alt).next().is_none());
    // `no` not before a number stays
    assert_eq!(texts("No Name"), ["no", "name"]);
}

#[test]
fn latin_folding() {
    assert_eq!(
        texts("ø ł ß æ œ đ þ ı"),
        ["o", "l", "ss", "ae", "oe", "d", "th", "i"]
    );
    assert_eq!(
        texts("Østergård Łódź Straße"),
        ["ostergard", "lodz", "strasse"]
    );
    let m = one("Müller");
    assert_eq!((m.text.as_str(), m.origin), ("muller", Origin::Folded));
    assert!(has_key(&m, KeyKind::Alt, "mueller"));
    assert_eq!(one("Muller").origin, Origin::Plain);
    assert_eq!(texts("ＡＢＣ ﬁrma"), ["abc", "firma"]);
    assert_eq!(texts("İstanbul"), ["istanbul"]);
}

#[test]
fn cyrillic() {
    let t = analyze("Дмитрий Юрьевич Хорошев");
    let tx: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(tx, ["dmitriy", "yurevich", "khoroshev"]);
    assert!(t
        .iter()
        .all(|t| t.script == Script::Cyrillic && t.origin == Origin::Transliterated));
    assert!(has_key(&t[0], KeyKind::Alt, "dmitrii"));
    assert!(has_key(&t[2], KeyKind::Native, "хорошев"));
    assert!(has_key(&t[2], KeyKind::Alt, "horoshev"));
    assert_eq!(phonetic_key("khoroshev"), phonetic_key("horoshev"));
    assert_eq!(skeleton_key("khoroshev"), skeleton_key("horoshev"));
    assert!(has_key(&t[2], KeyKind::Phonetic, &phonetic_key("horoshev")));
    let y = one("Юрий");
    assert_eq!(y.text, "yuriy");
    assert!(has_key(&y, KeyKind::Alt, "iurii"));
    assert_eq!(phonetic_key("yuriy"), phonetic_key("iurii"));
    assert_eq!(one("Цой").text, "tsoy");
    assert_eq!(phonetic_key("tsoi"), phonetic_key("coi"));
    assert_eq!(phonetic_key("tsoy"), phonetic_key("coi"));
    assert_eq!(one("Щукин").text, "shchukin");
    // Ukrainian: г → h alternative
    let t = analyze("Григорій Гончаренко");
    assert_eq!(t[0].text, "grigoriy");
    assert!(has_key(&t[0], KeyKind::Alt, "hryhoriy"));
    assert!(has_key(&t[1], KeyKind::Alt, "honcharenko"));
    assert_eq!(one("Їжак").text, "yizhak");
    assert_eq!(one("Ђоковић").text, "djokovic");
}

#[test]
fn phonetic_and_skeleton() {
    for v in ["iurii", "yuriy", "yury", "yuri"] {
        assert_eq!(phonetic_key(v), "uri", "{v}");
    }
    assert_eq!(phonetic_key("schmidt"), phonetic_key("shmidt"));
    assert_eq!(phonetic_key("dzhokhar"), phonetic_key("djohar"));
    assert_eq!(phonetic_key("wladimir"), phonetic_key("vladimir"));
    for v in ["mohammed", "muhammad", "mohamad", "mhmd", "mahmoud"] {
        assert_eq!(skeleton_key(v).as_deref(), Some("mhmd"), "{v}");
    }
    assert_eq!(skeleton_key("ali"), None);
    assert_eq!(skeleton_key(""), None);
    assert_eq!(phonetic_key(""), "");
    // keys are present only when they differ from the text
    let t = one("Horoshev");
    assert!(t.keys_of(KeyKind::Phonetic).next().is_none());
    assert!(has_key(&t, KeyKind::Skeleton, "hrshv"));
    assert!(analyze("Ltd 11").iter().all(|t| t.keys.is_empty()));
}

#[test]
fn han() {
    let t = analyze("杭州海康威视数字技术股份有限公司");
    let tx: Vec<&str> = t.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        tx,
        [
            "hang",
            "zhou",
            "hai",
            "kang",
            "wei",
            "shi",
            "digital",
            "technology",
            "jsc"
        ]
    );
    assert_eq!(t[2].kind, TokenKind::Han);
    assert_eq!(t[2].surface, "海");
    assert!(has_key(&t[2], KeyKind::Native, "海"));
    assert_eq!(t[6].origin, Origin::Translated);
    assert!(has_key(&t[6], KeyKind::Alt, "shuzi"));
    assert!(has_key(&t[6], KeyKind::Native, "数字"));
    assert_eq!(t[8].kind, TokenKind::LegalForm(LegalClass::JointStock));
    assert_eq!(
        texts("武汉高芯科技有限公司"),
        ["wu", "han", "gao", "xin", "technology", "ltd"]
    );
    assert!(has_key(&analyze("科技")[0], KeyKind::Alt, "keji"));
    assert_eq!(
        texts("中国电子科技集团公司第十四研究所"),
        [
            "china",
            "electronics",
            "technology",
            "group",
            "co",
            "di",
            "shi",
            "si",
            "research",
            "institute"
        ]
    );
    // heteronyms as Alt keys (at most 3)
    let h = one("行");
    assert_eq!(h.kind, TokenKind::Han);
    assert!(h.keys_of(KeyKind::Alt).count() <= 3);
    assert!(h.keys_of(KeyKind::Alt).next().is_some());
    // mixed with Latin and digits
    assert_eq!(texts("3号ABC"), ["3", "hao", "abc"]);
}

#[test]
fn greek_arabic_hebrew_other() {
    let a = one("Αθήνα");
    assert_eq!((a.text.as_str(), a.script), ("athina", Script::Greek));
    assert_eq!(texts("Ψυχή Ουρανός"), ["psychi", "ouranos"]);

    let m = one("محمد");
    assert_eq!((m.text.as_str(), m.script), ("mhmd", Script::Arabic));
    assert_eq!(skeleton_key(&m.text), skeleton_key("Mohammed"));
    assert_eq!(skeleton_key(&one("مُحَمَّد").text).as_deref(), Some("mhmd"));
    assert_eq!(texts("عبد الله"), ["abd", "allah"]);
    let h = analyze("الحسن");
    assert_eq!(h.len(), 2);
    assert_eq!((h[0].text.as_str(), h[0].surface.as_str()), ("al", "ال"));
    assert_eq!(h[1].text, "hsn");
    assert_eq!(texts("Hassan al-Hassan"), ["hassan", "al", "hassan"]);
    assert_eq!(texts("پرویز"), ["prwyz"]);
    assert_eq!(texts("١٢٣"), ["123"]);

    let d = one("דוד");
    assert_eq!((d.text.as_str(), d.script), ("dvd", Script::Hebrew));
    assert_eq!(skeleton_key(&d.text), skeleton_key("David"));
    assert_eq!(texts("שלום"), ["shlvm"]);

    let k = one("김");
    assert_eq!((k.text.as_str(), k.script), ("gim", Script::Hangul));
    assert!(has_key(&k, KeyKind::Alt, "kim"));

    let g = one("ქართული");
    assert_eq!((g.text.as_str(), g.script), ("kartuli", Script::Other));
    assert!(has_key(&g, KeyKind::Native, "ქართული"));
    assert_eq!(texts("Москва"), ["moskva"]);
}

#[test]
fn degenerate_input() {
    for s in [
        "",
        " ",
        "...",
        "-/-",
        "'",
        "😀🎉",
        "\u{0}\u{1}\u{7f}",
        "\u{301}",
        "ـ",
        "#",
        "№",
        "·",
    ] {
        assert!(analyze(s).is_empty(), "{s:?}");
        assert_eq!(normalize_text(s), "");
    }
    assert_eq!(texts("😀 Acme 🎉"), ["acme"]);
    assert_eq!(texts("ع"), ["a"]);
}

#[test]
fn scripts() {
    assert_eq!(detect_script("Hello"), Script::Latin);
    assert_eq!(detect_script("123 !"), Script::Latin);
    assert_eq!(detect_script("ООО Ромашка Ltd"), Script::Cyrillic);
    assert_eq!(detect_script("海康威视"), Script::Han);
    assert_eq!(detect_script("محمد"), Script::Arabic);
    assert_eq!(detect_script("דוד"), Script::Hebrew);
    assert_eq!(detect_script("김정은"), Script::Hangul);
    assert_eq!(detect_script("Αθήνα"), Script::Greek);
    assert_eq!(detect_script("ქართული"), Script::Other);
    assert_eq!(detect_script("Ærø"), Script::Latin);
}

#[test]
fn normalize_text_examples() {
    assert_eq!(
        normalize_text("Hangzhou Hikvision Digital Technology Co., Ltd."),
        "hangzhou hikvision digital technology ltd"
    );
    assert_eq!(normalize_text("  O'Brien   &  SONS  "), "obrien sons");
    for s in [
        "澳门",
        "萨达姆",
        "制造",
        "AO Gazprom",
        "No. No. 5",
        "no no 5",
        "# no 7",
    ] {
        let n = normalize_text(s);
        assert_eq!(normalize_text(&n), n, "{s}");
    }
}

/// Pinyin syllables must not collide with table words that change a Latin token's text,
/// or `normalize_text` would not be idempotent on Han input.
#[test]
fn pinyin_does_not_collide_with_tables() {
    let mut bad = Vec::new();
    for c in ('\u{3400}'..='\u{9FFF}')
        .filter_map(|c| Some(c).filter(|c| script::script_of(*c) == Some(Script::Han)))
    {
        let s = c.to_string();
        for t in analyze(&s) {
            if t.kind == TokenKind::Han {
                let again = analyze(&t.text);
                if again.len() != 1 || again[0].text != t.text {
                    bad.push((c, t.text));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{bad:?}");
}

#[test]
fn invariants_on_samples() {
    let samples = [
        "Hangzhou Hikvision Digital Technology Co., Ltd.",
        "ZAO \"Zapchast Trade\" LLP",
        "Movement 'Novorossiya' of Igor Girkin",
        "558 АВІЯЦЫЙНЫ РАМОНТНЫ ЗАВОД",
        "ABC Gesellschaft mit beschränkter Haftung",
        "5. Batallion",
    ];
    for s in samples {
        let toks = analyze(s);
        assert!(!toks.is_empty());
        for t in &toks {
            assert!(
                !t.text.is_empty()
                    && t.text
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            );
            for (i, k) in t.keys.iter().enumerate() {
                assert!(k.kind == KeyKind::Native || k.value != t.text);
                assert!(!t.keys[..i].contains(k));
            }
        }
    }
    assert_eq!(
        legal("Gesellschaft mit beschränkter Haftung"),
        LegalClass::Llc
    );
}

#[test]
#[ignore]
fn timing() {
    let names = [
        "Hangzhou Hikvision Digital Technology Co., Ltd.",
        "Dmitriy Yurievich Khoroshev",
        "Acme Intl Grp LLC",
    ];
    let n = 20_000;
    let t0 = std::time::Instant::now();
    let mut k = 0;
    for i in 0..n {
        k += analyze(names[i % 3]).len();
    }
    println!(
        "{:.2} µs per name ({k})",
        t0.elapsed().as_secs_f64() * 1e6 / n as f64
    );
}

#[cfg(test)]
mod proptests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]
        #[test]
        fn never_panics_and_texts_are_ascii(s in any::<String>()) {
            for t in analyze(&s) {
                prop_assert!(!t.text.is_empty());
                prop_assert!(t.text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()), "{:?}", t);
            }
        }

        #[test]
        fn normalize_text_is_idempotent(s in any::<String>()) {
            let n = normalize_text(&s);
            prop_assert_eq!(normalize_text(&n), n);
        }

        #[test]
        fn idempotent_on_name_like_text(s in "[a-zA-Z0-9 .,'&№#ÄÖÜäöüßøł()-]{0,40}|[А-Яа-яёЁіїє .\"-]{0,30}|[\u{4e00}-\u{9fa5}]{0,12}|[\u{0621}-\u{064a} ]{0,20}") {
            let n = normalize_text(&s);
            prop_assert_eq!(normalize_text(&n), n);
            for t in analyze(&s) {
                prop_assert!(t.text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()));
            }
        }
    }
}
