//! Property tests: screening never panics, scores and ranking are well-formed, the
//! normalisation is idempotent, and index building is deterministic.

use std::sync::OnceLock;

use interdict::model::Entity;
use interdict::normalize::{analyze, normalize_text};
use interdict::screen::{Hit, Query, ScreenOptions, Screener};
use proptest::prelude::*;

fn seed() -> &'static Screener {
    static S: OnceLock<Screener> = OnceLock::new();
    S.get_or_init(|| Screener::new(interdict::seed::builtin()).unwrap())
}

/// Names mixing Latin, Cyrillic, Han, Arabic, digits, punctuation and spaces.
fn mixed_name() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        proptest::char::range('a', 'z'),
        proptest::char::range('A', 'Z'),
        proptest::char::range('а', 'я'),
        proptest::char::range('А', 'Я'),
        proptest::char::range('\u{4e00}', '\u{9fff}'),
        proptest::char::range('\u{0621}', '\u{064a}'),
        proptest::char::range('0', '9'),
        prop::sample::select(vec![
            ' ', ' ', ' ', '.', ',', '-', '\'', '(', ')', '&', '/', '"', '\u{301}', '\u{a0}', 'é',
            'ü', 'ß', '№'
        ]),
    ];
    prop::collection::vec(ch, 0..60).prop_map(|v| v.into_iter().collect())
}

/// Seed names with small damage, to reach the scorer's matching paths.
fn near_seed_name() -> impl Strategy<Value = String> {
    let names: Vec<String> = interdict::seed::builtin()
        .into_iter()
        .flat_map(|e| e.names.into_iter().map(|n| n.value))
        .collect();
    (
        prop::sample::select(names),
        any::<prop::sample::Index>(),
        mixed_name(),
    )
        .prop_map(|(n, i, extra)| {
            let chars: Vec<char> = n.chars().collect();
            let at = i.index(chars.len() + 1);
            let mut s: String = chars[..at].iter().collect();
            s.push_str(&extra.chars().take(3).collect::<String>());
            s.extend(&chars[at.min(chars.len())..]);
            s
        })
}

fn check_hits(hits: &[Hit], options: &ScreenOptions) -> Result<(), TestCaseError> {
    prop_assert!(
        hits.len() <= options.limit,
        "{} > limit {}",
        hits.len(),
        options.limit
    );
    for h in hits {
        prop_assert!((0.0..=1.0).contains(&h.score), "score {}", h.score);
        prop_assert!(
            h.score >= options.threshold,
            "score {} < threshold",
            h.score
        );
        prop_assert!(
            (0.0..=1.0).contains(&h.explanation.name_score),
            "name score {}",
            h.explanation.name_score
        );
    }
    for w in hits.windows(2) {
        prop_assert!(
            w[0].score >= w[1].score,
            "not sorted: {} < {}",
            w[0].score,
            w[1].score
        );
    }
    let mut ids: Vec<_> = hits.iter().map(|h| &h.entity_id).collect();
    ids.sort();
    ids.dedup();
    prop_assert_eq!(ids.len(), hits.len(), "one hit per entity");
    Ok(())
}

fn screen_checks(name: &str, threshold: f64, limit: usize) -> Result<(), TestCaseError> {
    let options = ScreenOptions { threshold, limit };
    for q in [
        Query::new(name),
        Query::new(name).country("CN"),
        Query::new(name)
            .kind(interdict::model::EntityKind::Person)
            .country(name),
    ] {
        let hits = seed().screen(&q, &options);
        check_hits(&hits, &options)?;
    }
    Ok(())
}

fn check_tokens(s: &str) -> Result<(), TestCaseError> {
    for t in analyze(s) {
        prop_assert!(
            !t.text.is_empty()
                && t.text
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()),
            "token text {:?} of {:?}",
            t.text,
            s
        );
    }
    Ok(())
}

fn check_idempotent(s: &str) -> Result<(), TestCaseError> {
    let once = normalize_text(s);
    let twice = normalize_text(&once);
    prop_assert_eq!(&twice, &once, "input {:?}", s);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn screening_any_string_is_well_formed(s in any::<String>(), t in 0.0f64..=1.0, limit in 0usize..8) {
        screen_checks(&s, t, limit)?;
    }

    #[test]
    fn screening_mixed_scripts_is_well_formed(s in mixed_name(), t in 0.0f64..=1.0, limit in 0usize..8) {
        screen_checks(&s, t, limit)?;
    }

    #[test]
    fn screening_near_seed_names_is_well_formed(s in near_seed_name(), t in 0.3f64..=1.0, limit in 1usize..8) {
        screen_checks(&s, t, limit)?;
    }

    #[test]
    fn normalize_text_is_idempotent_any(s in any::<String>()) {
        check_idempotent(&s)?;
    }

    #[test]
    fn normalize_text_is_idempotent_mixed(s in mixed_name()) {
        check_idempotent(&s)?;
    }

    #[test]
    fn token_texts_are_lower_ascii_alnum(s in any::<String>(), m in mixed_name()) {
        check_tokens(&s)?;
        check_tokens(&m)?;
    }
}

#[test]
fn exact_seed_names_hit_their_entity() {
    // Sanity for the strategies above: the undamaged names are found.
    let s = seed();
    for e in s.entities() {
        for n in &e.names {
            let hits = s.screen(&Query::new(n.value.as_str()), &ScreenOptions::default());
            assert!(
                hits.iter().any(|h| h.entity_id == e.id),
                "{:?} does not find {}: {hits:#?}",
                n.value,
                e.id
            );
        }
    }
}

fn sample_queries() -> Vec<Query> {
    let mut qs: Vec<Query> = [
        "Hikvision",
        "WUHAN GLOBAL SENSOR TECH CO LTD",
        "海康威视",
        "Wuhan Tongshen Technology",
        "iRay Technology",
        "CETC 11th RI",
        "CETC 14th Research Institute",
        "Wuhan Global Foods Co.",
        "Уханьская Глобал Сенсор Технолоджи",
        "北方",
        "Co Ltd",
        "",
    ]
    .into_iter()
    .map(Query::new)
    .collect();
    qs.push(Query::new("iRay Technology").country("CN"));
    for e in interdict::seed::builtin() {
        for n in e.names {
            qs.push(Query::new(n.value));
        }
    }
    qs
}

fn all_hits(s: &Screener) -> Vec<Vec<Hit>> {
    let options = ScreenOptions {
        threshold: 0.3,
        limit: 10,
    };
    sample_queries()
        .iter()
        .map(|q| s.screen(q, &options))
        .collect()
}

#[test]
fn index_build_is_deterministic() {
    let a = Screener::new(interdict::seed::builtin()).unwrap();
    let b = Screener::new(interdict::seed::builtin()).unwrap();
    assert_eq!(a.index().name_count(), b.index().name_count());
    let (ha, hb) = (all_hits(&a), all_hits(&b));
    assert!(ha.iter().any(|h| !h.is_empty()));
    assert_eq!(ha, hb);
    // Screening the same query twice on one screener gives the same answer too.
    assert_eq!(all_hits(&a), ha);
}

#[test]
fn entity_json_round_trip_gives_identical_hits() {
    let entities = interdict::seed::builtin();
    let json = serde_json::to_string(&entities).unwrap();
    let back: Vec<Entity> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, entities);
    let a = Screener::new(entities).unwrap();
    let b = Screener::new(back).unwrap();
    assert_eq!(all_hits(&a), all_hits(&b));
}
