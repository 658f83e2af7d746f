//! Golden ranking checks on the built-in list, and cross-references against the real
//! OFAC / CSL files.

mod common;

use interdict::score::How;
use interdict::screen::{Hit, Query, ScreenOptions, Screener};
use interdict::sources::{self, ListSpec};

fn seed_screener() -> Screener {
    Screener::new(interdict::seed::builtin()).expect("built-in list builds")
}

fn screen(s: &Screener, q: &str) -> Vec<Hit> {
    s.screen(&Query::new(q), &ScreenOptions::default())
}

/// The top hit for `q` is `id`, scoring at least 0.8.
fn top_is(s: &Screener, q: &str, id: &str) -> Hit {
    let hits = screen(s, q);
    let top = hits
        .first()
        .unwrap_or_else(|| panic!("{q:?}: no hit at the default threshold"));
    assert_eq!(top.entity_id, id, "{q:?}: ranked first: {hits:#?}");
    assert!(top.score >= 0.8, "{q:?}: score {} < 0.8", top.score);
    assert!(top.score <= 1.0, "{q:?}: score {} > 1", top.score);
    assert!(
        !top.explanation.tokens.is_empty(),
        "{q:?}: empty explanation"
    );
    hits.windows(2)
        .for_each(|w| assert!(w[0].score >= w[1].score, "{q:?}: not sorted"));
    top.clone()
}

fn token<'a>(hit: &'a Hit, query_token: &str) -> &'a interdict::score::TokenMatch {
    hit.explanation
        .tokens
        .iter()
        .find(|t| t.query == query_token)
        .unwrap_or_else(|| {
            panic!(
                "no explanation for query token {query_token:?}: {:#?}",
                hit.explanation.tokens
            )
        })
}

#[test]
fn hikvision_brand_name() {
    let s = seed_screener();
    let hit = top_is(&s, "Hikvision", "seed:hikvision");
    let t = token(&hit, "hikvision");
    assert_ne!(t.how, How::Unmatched);
    assert!(t.matched.is_some());
}

#[test]
fn wuhan_global_sensor_abbreviated_with_legal_form() {
    let s = seed_screener();
    let hit = top_is(
        &s,
        "WUHAN GLOBAL SENSOR TECH CO LTD",
        "seed:wuhan-global-sensor-technology",
    );
    assert_eq!(token(&hit, "tech").how, How::Abbreviation, "{hit:#?}");
    assert_eq!(token(&hit, "wuhan").how, How::Exact);
    assert_eq!(token(&hit, "sensor").how, How::Exact);
    // The legal form `CO LTD` is explained as a legal form (one or two tokens).
    let legal: Vec<_> = hit
        .explanation
        .tokens
        .iter()
        .filter(|t| ["co", "ltd", "co ltd"].contains(&t.query.as_str()))
        .collect();
    assert!(!legal.is_empty(), "{:#?}", hit.explanation.tokens);
    assert!(
        legal.iter().all(|t| t.how == How::LegalForm),
        "{:#?}",
        hit.explanation.tokens
    );
}

#[test]
fn hikvision_native_short_name() {
    let s = seed_screener();
    let hit = top_is(&s, "海康威视", "seed:hikvision");
    assert_eq!(
        hit.explanation.name_type,
        interdict::model::NameType::Native,
        "matched {:?}",
        hit.matched_name
    );
    assert!(
        hit.matched_name.contains("海康威视"),
        "matched {:?}",
        hit.matched_name
    );
    assert!(hit
        .explanation
        .tokens
        .iter()
        .all(|t| t.how != How::Unmatched));
}

#[test]
fn tongsheng_misspelt_is_a_one_edit_typo() {
    let s = seed_screener();
    let hit = top_is(
        &s,
        "Wuhan Tongshen Technology",
        "seed:wuhan-tongsheng-technology",
    );
    let t = token(&hit, "tongshen");
    assert_eq!(t.how, How::Typo, "{t:?}");
    assert_eq!(t.edits, 1, "{t:?}");
    assert_eq!(t.matched.as_deref(), Some("tongsheng"));
}

#[test]
fn different_distinctive_word_does_not_match() {
    let s = seed_screener();
    let hits = screen(&s, "Wuhan Global Foods Co.");
    assert!(hits.is_empty(), "{hits:#?}");
}

#[test]
fn other_cetc_institute_number_does_not_match() {
    let s = seed_screener();
    let hits = screen(&s, "CETC 14th Research Institute");
    assert!(
        hits.iter()
            .all(|h| h.entity_id != "seed:north-china-research-institute-of-electro-optics"),
        "{hits:#?}"
    );
}

#[test]
fn shanghai_iray_is_not_yantai_iray() {
    let s = seed_screener();
    let hits = screen(&s, "上海奕瑞光电子科技股份有限公司");
    assert!(
        hits.iter()
            .all(|h| h.entity_id != "seed:yantai-iray-technology"),
        "{hits:#?}"
    );
}

#[test]
fn iray_with_country_carries_countries_and_cities() {
    let s = seed_screener();
    let hits = s.screen(
        &Query::new("iRay Technology").country("CN"),
        &ScreenOptions::default(),
    );
    let top = hits.first().expect("a hit");
    assert_eq!(top.entity_id, "seed:yantai-iray-technology", "{hits:#?}");
    assert!(
        top.countries.iter().any(|c| c == "CN"),
        "{:?}",
        top.countries
    );
    assert!(
        top.cities.iter().any(|c| c.contains("Yantai")),
        "{:?}",
        top.cities
    );
    assert!(
        top.explanation
            .adjustments
            .iter()
            .any(|a| a.reason == "country" && a.factor == 1.0),
        "{:?}",
        top.explanation.adjustments
    );
}

fn load(spec: &str) -> Screener {
    let spec: ListSpec = spec.parse().expect("spec parses");
    let loaded = sources::load(&spec).unwrap_or_else(|e| panic!("loading {spec}: {e}"));
    assert!(!loaded.entities.is_empty(), "{spec}: no entities");
    Screener::new(loaded.entities).unwrap_or_else(|e| panic!("building {spec}: {e}"))
}

/// Every name (primary and aliases) of a built-in entity, screened against `s`: the ids hit.
fn ids_found(s: &Screener, entity: &interdict::model::Entity) -> Vec<Hit> {
    let mut all = Vec::new();
    for n in &entity.names {
        all.extend(s.screen(&Query::new(n.value.as_str()), &ScreenOptions::default()));
    }
    all
}

#[test]
fn builtin_entities_find_their_official_listings() {
    let Some(sdn) = common::data_path("lists/ofac/sdn-2024-05", "the OFAC SDN cross-check") else {
        return;
    };
    let Some(cons) = common::data_path("lists/ofac/cons-2025-12", "the OFAC cons cross-check")
    else {
        return;
    };
    let Some(csl) = common::data_path(
        "lists/us-csl/2022-05/consolidated.csv.gz",
        "the CSL cross-check",
    ) else {
        return;
    };
    let sdn = load(&format!("ofac-csv={}", sdn.display()));
    let cons = load(&format!("ofac-csv={}", cons.display()));
    let csl = load(&format!("csl-csv={}", csl.display()));

    let seed = interdict::seed::builtin();
    let entity = |id: &str| {
        seed.iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("{id} not in the built-in list"))
    };
    let expect = [
        ("seed:wuhan-global-sensor-technology", &sdn, "ofac:46633"),
        ("seed:wuhan-tongsheng-technology", &sdn, "ofac:47368"),
        ("seed:yantai-iray-technology", &sdn, "ofac:48808"),
        ("seed:hikvision", &cons, "ofac:30946"),
    ];
    let mut failures = Vec::new();
    for (seed_id, screener, want) in expect {
        let hits = ids_found(screener, entity(seed_id));
        if !hits.iter().any(|h| h.entity_id == want) {
            let mut got: Vec<_> = hits.iter().map(|h| h.entity_id.as_str()).collect();
            got.sort();
            got.dedup();
            failures.push(format!("{seed_id}: {want} not found (got {got:?})"));
        }
    }
    let ncrieo = "seed:north-china-research-institute-of-electro-optics";
    let hits = ids_found(&csl, entity(ncrieo));
    let found = hits.iter().any(|h| {
        csl.entity(&h.entity_id).is_some_and(|e| {
            e.names.iter().any(|n| {
                n.value
                    .contains("North China Research Institute of Electro-Optics")
            })
        })
    });
    if !found {
        let mut got: Vec<_> = hits.iter().map(|h| h.entity_name.as_str()).collect();
        got.sort();
        got.dedup();
        failures.push(format!(
            "{ncrieo}: no CSL hit naming North China Research Institute of Electro-Optics (got {got:?})"
        ));
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
