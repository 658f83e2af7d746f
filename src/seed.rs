//! The built-in list and the loader for lists in its TOML format.
//!
//! The built-in list is `lists/seed.toml`, compiled into the library as [`SEED_TOML`]; its schema
//! is documented in `lists/README.md` and in the file's header comment. [`parse_list`] reads any
//! list in that format (so users can keep their own curated lists the same way) and validates
//! it; [`builtin`] returns the built-in list's entities.
//!
//! How the file's fields become [`Entity`] fields:
//!
//! | file | entity |
//! |---|---|
//! | `id` | `id` = `seed:<id>` |
//! | `kind` | `kind` |
//! | `name`, `[[entity.alias]]` | `names` (primary first, then aliases in file order) |
//! | `country` | `countries` |
//! | `[[entity.address]]`, `[[entity.identifier]]` | `addresses`, `identifiers` |
//! | `[[entity.listing]]` | `listings`; their programs (deduplicated, in order) become `programs` |
//! | `reason`, then `notes` | `remarks` (the reason is always the first remark) |
//! | `reason_source` | property `("reason_source", ...)` |
//! | each of `sources` | property `("source", ...)` |
//! | alias `source` | property `("alias_source", "<alias>: <source>")` |
//! | listing `found_in` | property `("listing_found_in", "<list> <id>: <where>")` |
//!
//! Sources go to `properties` rather than `remarks` so that `remarks` stays the human-readable
//! "why is this party listed" text shown in match explanations, while provenance is still kept
//! with the entity, one citation per property.

use serde::Deserialize;
use thiserror::Error;

use crate::country::country_code;
use crate::model::{
    Address, Entity, EntityKind, Identifier, Listing, Name, NameQuality, NameType, SourceInfo,
};

/// The built-in list, `lists/seed.toml`, as compiled into the library.
pub const SEED_TOML: &str = include_str!("../lists/seed.toml");

/// A list in the seed TOML format could not be loaded.
///
/// Positions are 1-based: `line` and `column` count lines and characters of the file, `entry`
/// counts `[[entity]]` tables in file order, and the `[n]` in a field path such as
/// `alias[2].type` counts that entity's sub-tables of that kind.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum SeedError {
    /// The text is not valid TOML, or does not fit the schema (unknown field, wrong value type).
    #[error("{file}:{line}:{column}: {}invalid list file: {message}", in_entry(*entry))]
    Syntax {
        /// The file name given to [`parse_list`].
        file: String,
        /// Line of the error.
        line: usize,
        /// Column (in characters) of the error.
        column: usize,
        /// The `[[entity]]` table the error is in, when it is inside one.
        entry: Option<usize>,
        /// The TOML parser's message.
        message: String,
    },
    /// An entity's field is missing or has a value the schema does not allow.
    #[error(
        "{file}:{line}: entry {entry} ({}), field `{field}`: {message}",
        show_id(id)
    )]
    Invalid {
        /// The file name given to [`parse_list`].
        file: String,
        /// Line of the entry's `[[entity]]` header.
        line: usize,
        /// The entry's position among the `[[entity]]` tables.
        entry: usize,
        /// The entry's `id` as written, when it has one.
        id: Option<String>,
        /// The field, e.g. `kind`, `country`, `alias[2].type`, `listing[1].name`.
        field: String,
        /// What is wrong.
        message: String,
    },
}

fn in_entry(entry: Option<usize>) -> String {
    entry.map(|e| format!("in entry {e}: ")).unwrap_or_default()
}

fn show_id(id: &Option<String>) -> String {
    match id {
        Some(id) => format!("id `{id}`"),
        None => "no id".to_string(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawList {
    date: Option<String>,
    version: Option<String>,
    #[allow(dead_code)]
    description: Option<String>,
    #[serde(default)]
    entity: Vec<RawEntity>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: Option<String>,
    kind: Option<String>,
    name: Option<String>,
    country: Option<String>,
    reason: Option<String>,
    reason_source: Option<String>,
    notes: Option<String>,
    #[serde(default)]
    sources: Vec<String>,
    #[serde(default)]
    alias: Vec<RawAlias>,
    #[serde(default)]
    address: Vec<RawAddress>,
    #[serde(default)]
    identifier: Vec<RawIdentifier>,
    #[serde(default)]
    listing: Vec<RawListing>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAlias {
    name: Option<String>,
    #[serde(rename = "type")]
    name_type: Option<String>,
    quality: Option<String>,
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAddress {
    street: Option<String>,
    city: Option<String>,
    region: Option<String>,
    postal_code: Option<String>,
    country: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIdentifier {
    kind: Option<String>,
    value: Option<String>,
    country: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawListing {
    list: Option<String>,
    id: Option<String>,
    name: Option<String>,
    #[serde(default)]
    programs: Vec<String>,
    #[serde(default)]
    found_in: Vec<String>,
}

/// A name with its script detected ([`crate::normalize::detect_script`]).
pub(crate) fn make_name(value: &str, name_type: NameType, quality: NameQuality) -> Name {
    Name {
        value: value.to_string(),
        name_type,
        quality,
        script: crate::normalize::detect_script(value),
    }
}

/// Line (1-based) and column (1-based, in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, before[line_start..].chars().count() + 1)
}

/// Lines (1-based) of the `[[entity]]` table headers, in order.
fn entity_header_lines(text: &str) -> Vec<usize> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| {
            let l = l.trim_start();
            l.strip_prefix("[[")
                .and_then(|r| r.split(']').next())
                .map(|name| name.trim() == "entity")
                .unwrap_or(false)
        })
        .map(|(i, _)| i + 1)
        .collect()
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Trims and drops empty optional strings.
fn opt(s: &Option<String>) -> Option<String> {
    s.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Parses and validates a list in the seed TOML format.
///
/// `file` names the list in errors and becomes the entities' `source.origin`. Entity ids are
/// `seed:<id>`; `source.name` is `seed` and `source.date` the file's top-level `date` (or
/// `version` when there is no `date`). See the module documentation for how fields map.
///
/// Fails with [`SeedError::Syntax`] (with line and column) on invalid TOML, unknown fields or
/// wrong value types, and with [`SeedError::Invalid`] (naming the entry and field) when an
/// entity has a bad or duplicate id, a missing or empty `name`, an unknown `kind`, a missing
/// `reason`, an unknown country, or a bad alias, address, identifier or listing.
pub fn parse_list(text: &str, file: &str) -> Result<Vec<Entity>, SeedError> {
    let raw: RawList = toml::from_str(text).map_err(|e| {
        let (line, column) = e.span().map(|s| line_col(text, s.start)).unwrap_or((1, 1));
        let entry = entity_header_lines(text)
            .iter()
            .filter(|&&h| h <= line)
            .count();
        SeedError::Syntax {
            file: file.to_string(),
            line,
            column,
            entry: (entry > 0).then_some(entry),
            message: e.message().trim().to_string(),
        }
    })?;
    let headers = entity_header_lines(text);
    let source = SourceInfo {
        name: "seed".to_string(),
        date: opt(&raw.date).or_else(|| opt(&raw.version)),
        origin: Some(file.to_string()),
    };
    let mut out: Vec<Entity> = Vec::with_capacity(raw.entity.len());
    for (i, e) in raw.entity.iter().enumerate() {
        let entry = i + 1;
        let line = headers.get(i).copied().unwrap_or(0);
        let err = |field: &str, message: String| SeedError::Invalid {
            file: file.to_string(),
            line,
            entry,
            id: e.id.clone(),
            field: field.to_string(),
            message,
        };
        out.push(convert(e, &source, &err)?);
        let id = &out[i].id;
        if out[..i].iter().any(|o| &o.id == id) {
            return Err(err(
                "id",
                format!("duplicate id: `{id}` is already used by an earlier entry"),
            ));
        }
    }
    Ok(out)
}

fn convert(
    e: &RawEntity,
    source: &SourceInfo,
    err: &dyn Fn(&str, String) -> SeedError,
) -> Result<Entity, SeedError> {
    let slug = match e.id.as_deref() {
        None => return Err(err("id", "missing: every entry needs an `id`".into())),
        Some(s) if !is_slug(s) => {
            return Err(err(
                "id",
                format!(
                    "`{s}` is not a slug: use only a-z, 0-9 and `-` (e.g. `wuhan-global-sensor`)"
                ),
            ))
        }
        Some(s) => s,
    };
    let kind = match e.kind.as_deref() {
        None => {
            return Err(err(
                "kind",
                "missing: use organization, person, vessel, aircraft or unknown".into(),
            ))
        }
        Some(k) => match k {
            "organization" | "person" | "vessel" | "aircraft" | "unknown" => {
                EntityKind::parse(k).unwrap_or_default()
            }
            _ => {
                return Err(err(
                    "kind",
                    format!(
                        "unknown kind `{k}`: use organization, person, vessel, aircraft or unknown"
                    ),
                ))
            }
        },
    };
    let name = opt(&e.name).ok_or_else(|| {
        err(
            "name",
            "missing or empty: every entry needs a primary name".into(),
        )
    })?;
    let reason = opt(&e.reason).ok_or_else(|| {
        err(
            "reason",
            "missing or empty: say why the party is listed (the claim, quoted)".into(),
        )
    })?;
    let country = |field: &str, value: &Option<String>| -> Result<Option<String>, SeedError> {
        match value {
            None => Ok(None),
            Some(v) => country_code(v).map(|c| Some(c.to_string())).ok_or_else(|| {
                err(
                    field,
                    format!("unknown country `{v}`: use an ISO 3166-1 alpha-2 code such as `CN`"),
                )
            }),
        }
    };
    let mut properties = Vec::new();
    if let Some(rs) = opt(&e.reason_source) {
        properties.push(("reason_source".to_string(), rs));
    }
    for s in &e.sources {
        properties.push(("source".to_string(), s.trim().to_string()));
    }

    let mut names = vec![make_name(&name, NameType::Primary, NameQuality::Strong)];
    for (j, a) in e.alias.iter().enumerate() {
        let f = |part: &str| format!("alias[{}].{part}", j + 1);
        let value = opt(&a.name).ok_or_else(|| err(&f("name"), "missing or empty".into()))?;
        let name_type = match a.name_type.as_deref() {
            Some("aka") => NameType::Aka,
            Some("fka") => NameType::Fka,
            Some("nka") => NameType::Nka,
            Some("native") => NameType::Native,
            Some(t) => {
                return Err(err(
                    &f("type"),
                    format!("unknown alias type `{t}`: use aka, fka, nka or native"),
                ))
            }
            None => {
                return Err(err(
                    &f("type"),
                    "missing: use aka, fka, nka or native".into(),
                ))
            }
        };
        let quality = match a.quality.as_deref() {
            None | Some("strong") => NameQuality::Strong,
            Some("weak") => NameQuality::Weak,
            Some(q) => {
                return Err(err(
                    &f("quality"),
                    format!("unknown quality `{q}`: use strong or weak"),
                ))
            }
        };
        if let Some(s) = opt(&a.source) {
            properties.push(("alias_source".to_string(), format!("{value}: {s}")));
        }
        names.push(make_name(&value, name_type, quality));
    }

    let mut addresses = Vec::new();
    for (j, a) in e.address.iter().enumerate() {
        let f = |part: &str| format!("address[{}].{part}", j + 1);
        let city = opt(&a.city).ok_or_else(|| {
            err(
                &f("city"),
                "missing or empty: an address needs at least a city".into(),
            )
        })?;
        let country = country(&f("country"), &a.country)?
            .ok_or_else(|| err(&f("country"), "missing: an address needs a country".into()))?;
        addresses.push(Address {
            street: opt(&a.street),
            city: Some(city),
            region: opt(&a.region),
            postal_code: opt(&a.postal_code),
            country: Some(country),
        });
    }

    let mut identifiers = Vec::new();
    for (j, d) in e.identifier.iter().enumerate() {
        let f = |part: &str| format!("identifier[{}].{part}", j + 1);
        identifiers.push(Identifier {
            kind: opt(&d.kind).ok_or_else(|| err(&f("kind"), "missing or empty".into()))?,
            value: opt(&d.value).ok_or_else(|| err(&f("value"), "missing or empty".into()))?,
            country: country(&f("country"), &d.country)?,
        });
    }

    let mut listings = Vec::new();
    let mut programs: Vec<String> = Vec::new();
    for (j, l) in e.listing.iter().enumerate() {
        let f = |part: &str| format!("listing[{}].{part}", j + 1);
        let listing = Listing {
            list: opt(&l.list).ok_or_else(|| err(&f("list"), "missing or empty".into()))?,
            id: opt(&l.id).ok_or_else(|| err(&f("id"), "missing or empty".into()))?,
            name: opt(&l.name).ok_or_else(|| err(&f("name"), "missing or empty".into()))?,
            programs: l
                .programs
                .iter()
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect(),
        };
        for p in &listing.programs {
            if !programs.contains(p) {
                programs.push(p.clone());
            }
        }
        for w in &l.found_in {
            properties.push((
                "listing_found_in".to_string(),
                format!("{} {}: {}", listing.list, listing.id, w.trim()),
            ));
        }
        listings.push(listing);
    }

    let mut remarks = vec![reason];
    if let Some(n) = opt(&e.notes) {
        remarks.push(n);
    }
    Ok(Entity {
        id: format!("seed:{slug}"),
        kind,
        names,
        countries: country("country", &e.country)?.into_iter().collect(),
        addresses,
        identifiers,
        programs,
        dates: Vec::new(),
        remarks,
        listings,
        properties,
        source: source.clone(),
    })
}

/// The built-in list's entities, with `source.origin` = `built-in`.
///
/// # Panics
///
/// Never in a released build: the unit test `builtin_list_parses` parses [`SEED_TOML`] and
/// fails the build's tests if the file is invalid, so the `expect` here cannot fire.
pub fn builtin() -> Vec<Entity> {
    let mut entities = parse_list(SEED_TOML, "lists/seed.toml").expect(
        "lists/seed.toml is invalid (the unit test builtin_list_parses should have caught this)",
    );
    for e in &mut entities {
        e.source.origin = Some("built-in".to_string());
    }
    entities
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Script;

    fn get<'a>(list: &'a [Entity], id: &str) -> &'a Entity {
        list.iter()
            .find(|e| e.id == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    }

    fn has_name(e: &Entity, value: &str, t: NameType) -> bool {
        e.names.iter().any(|n| n.value == value && n.name_type == t)
    }

    #[test]
    fn builtin_list_parses() {
        let list = parse_list(SEED_TOML, "lists/seed.toml").unwrap();
        assert_eq!(list.len(), 5);
        let b = builtin();
        assert_eq!(b.len(), 5);
        assert!(b
            .iter()
            .all(|e| e.source.origin.as_deref() == Some("built-in")));
        assert!(b
            .iter()
            .all(|e| e.source.name == "seed" && e.source.date.as_deref() == Some("2026-11-28")));
    }

    #[test]
    fn builtin_has_the_five_suppliers_with_native_names() {
        let b = builtin();
        let cases: [(&str, &str, &[&str]); 5] = [
            (
                "seed:wuhan-global-sensor-technology",
                "WUHAN GLOBAL SENSOR TECHNOLOGY CO., LTD.",
                &["武汉高芯科技有限公司"],
            ),
            (
                "seed:wuhan-tongsheng-technology",
                "WUHAN TONGSHENG TECHNOLOGY CO., LTD.",
                &[],
            ),
            (
                "seed:hikvision",
                "HANGZHOU HIKVISION DIGITAL TECHNOLOGY CO., LTD.",
                &["杭州海康威视数字技术股份有限公司", "海康威视"],
            ),
            (
                "seed:yantai-iray-technology",
                "YANTAI IRAY TECHNOLOGY CO LTD",
                &["烟台艾睿光电科技有限公司"],
            ),
            (
                "seed:north-china-research-institute-of-electro-optics",
                "China Electronic Technology Group Corporation No. 11 Research Institute",
                &["华北光电技术研究所"],
            ),
        ];
        for (id, primary, natives) in cases {
            let e = get(&b, id);
            assert_eq!(e.primary_name(), primary);
            assert_eq!(e.kind, EntityKind::Organization);
            for n in natives {
                assert!(has_name(e, n, NameType::Native), "{id}: {n}");
                let name = e.names.iter().find(|x| x.value == *n).unwrap();
                assert_eq!(name.script, Script::Han);
            }
        }
        let h = get(&b, "seed:hikvision");
        assert!(has_name(h, "HIKVISION", NameType::Aka));
        let n = get(&b, "seed:north-china-research-institute-of-electro-optics");
        assert!(has_name(
            n,
            "North China Research Institute of Electro-Optics",
            NameType::Aka
        ));
        let i = get(&b, "seed:yantai-iray-technology");
        assert!(has_name(i, "IRAY TECHNOLOGY CO LTD", NameType::Aka));
    }

    #[test]
    fn builtin_never_carries_the_shanghai_iray() {
        for e in builtin() {
            for n in &e.names {
                assert!(!n.value.contains("奕瑞"), "{}: {}", e.id, n.value);
                assert!(
                    !n.value.to_lowercase().contains("shanghai"),
                    "{}: {}",
                    e.id,
                    n.value
                );
            }
        }
        let b = builtin();
        assert_eq!(
            get(&b, "seed:yantai-iray-technology").cities(),
            vec!["Yantai"]
        );
    }

    #[test]
    fn builtin_entities_are_complete() {
        for e in builtin() {
            assert!(
                !e.remarks.is_empty() && !e.remarks[0].is_empty(),
                "{}: reason",
                e.id
            );
            assert_eq!(e.countries, vec!["CN".to_string()], "{}", e.id);
            assert!(!e.listings.is_empty(), "{}: listings", e.id);
            assert!(!e.addresses.is_empty(), "{}: addresses", e.id);
            for a in &e.addresses {
                assert!(
                    a.city.is_some() && a.country.as_deref() == Some("CN"),
                    "{}",
                    e.id
                );
            }
            assert!(
                e.properties.iter().any(|(k, _)| k == "source"),
                "{}: sources",
                e.id
            );
            assert!(e.id.starts_with("seed:"));
            // Every name's script is Latin or Han, and Han exactly when it has Han characters.
            for n in &e.names {
                let han = n
                    .value
                    .chars()
                    .any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c));
                assert_eq!(n.script == Script::Han, han, "{}", n.value);
            }
        }
    }

    #[test]
    fn reasons_are_verbatim_from_the_article() {
        let article = "Chinese companies such as Wuhan Global Sensor Technology Co., Wuhan Tongsheng Technology Co. Ltd., and Hikvision are supplying optical components for Russian tanks and armored vehicles. Additionally, Russia has received military optics from Chinese firms iRay Technology and North China Research Institute of Electro-Optics.";
        for e in builtin() {
            assert!(article.contains(&e.remarks[0]), "{}", e.id);
        }
    }

    const GOOD: &str = r#"
date = "2025-01-01"

[[entity]]
id = "acme"
kind = "organization"
name = "ACME TRADING LLC"
country = "RU"
reason = "Named in a report."

[[entity]]
id = "beta-2"
kind = "person"
name = "Ivan Petrov"
reason = "Named in a report."
[[entity.alias]]
name = "Иван Петров"
type = "native"
quality = "weak"
"#;

    #[test]
    fn minimal_list_parses() {
        let l = parse_list(GOOD, "mine.toml").unwrap();
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].id, "seed:acme");
        assert_eq!(l[0].countries, vec!["RU"]);
        assert_eq!(l[0].source.origin.as_deref(), Some("mine.toml"));
        assert_eq!(l[0].source.date.as_deref(), Some("2025-01-01"));
        assert_eq!(l[1].kind, EntityKind::Person);
        assert_eq!(l[1].names[1].script, Script::Cyrillic);
        assert_eq!(l[1].names[1].quality, NameQuality::Weak);
        assert!(l[1].countries.is_empty());
    }

    fn invalid(text: &str) -> (usize, Option<String>, String, String) {
        match parse_list(text, "t.toml") {
            Err(SeedError::Invalid {
                file,
                entry,
                id,
                field,
                message,
                ..
            }) => {
                assert_eq!(file, "t.toml");
                (entry, id, field, message)
            }
            other => panic!("expected Invalid, got {other:?}"),
        }
    }

    #[test]
    fn unknown_kind() {
        let (entry, id, field, msg) =
            invalid(&GOOD.replace("kind = \"person\"", "kind = \"human\""));
        assert_eq!(
            (entry, id.as_deref(), field.as_str()),
            (2, Some("beta-2"), "kind")
        );
        assert!(msg.contains("human"));
    }

    #[test]
    fn empty_name() {
        let (entry, id, field, _) = invalid(&GOOD.replace("ACME TRADING LLC", "  "));
        assert_eq!(
            (entry, id.as_deref(), field.as_str()),
            (1, Some("acme"), "name")
        );
    }

    #[test]
    fn bad_slug() {
        let (entry, _, field, msg) = invalid(&GOOD.replace("id = \"beta-2\"", "id = \"Beta 2\""));
        assert_eq!((entry, field.as_str()), (2, "id"));
        assert!(msg.contains("Beta 2"));
    }

    #[test]
    fn duplicate_id() {
        let (entry, id, field, msg) = invalid(&GOOD.replace("beta-2", "acme"));
        assert_eq!(
            (entry, id.as_deref(), field.as_str()),
            (2, Some("acme"), "id")
        );
        assert!(msg.contains("duplicate"));
    }

    #[test]
    fn bad_country() {
        let (entry, _, field, msg) = invalid(&GOOD.replace("country = \"RU\"", "country = \"XQ\""));
        assert_eq!((entry, field.as_str()), (1, "country"));
        assert!(msg.contains("XQ"));
        let text = GOOD.replace(
            "quality = \"weak\"",
            "quality = \"weak\"\n[[entity.address]]\ncity = \"X\"\ncountry = \"Narnia\"",
        );
        let (entry, _, field, _) = invalid(&text);
        assert_eq!((entry, field.as_str()), (2, "address[1].country"));
    }

    #[test]
    fn missing_reason() {
        let text = GOOD.replacen("reason = \"Named in a report.\"\n", "", 1);
        let (entry, id, field, _) = invalid(&text);
        assert_eq!(
            (entry, id.as_deref(), field.as_str()),
            (1, Some("acme"), "reason")
        );
    }

    #[test]
    fn bad_alias_type() {
        let (entry, _, field, _) =
            invalid(&GOOD.replace("type = \"native\"", "type = \"primary\""));
        assert_eq!((entry, field.as_str()), (2, "alias[1].type"));
    }

    #[test]
    fn invalid_error_names_line_of_entry() {
        let err =
            parse_list(&GOOD.replace("kind = \"person\"", "kind = \"x\""), "t.toml").unwrap_err();
        let text = err.to_string();
        assert!(
            text.starts_with("t.toml:11: entry 2 (id `beta-2`), field `kind`"),
            "{text}"
        );
    }

    #[test]
    fn toml_syntax_error_has_line() {
        let text = GOOD.replace("name = \"Ivan Petrov\"", "name = \"Ivan Petrov");
        match parse_list(&text, "t.toml") {
            Err(SeedError::Syntax {
                file, line, entry, ..
            }) => {
                assert_eq!(file, "t.toml");
                assert_eq!(line, 14);
                assert_eq!(entry, Some(2));
            }
            other => panic!("expected Syntax, got {other:?}"),
        }
    }

    #[test]
    fn unknown_field_is_rejected_with_line() {
        let text = GOOD.replace(
            "reason = \"Named in a report.\"\n\n",
            "reason = \"Named in a report.\"\nreasn = \"typo\"\n\n",
        );
        match parse_list(&text, "t.toml") {
            Err(SeedError::Syntax {
                line,
                entry,
                message,
                ..
            }) => {
                assert_eq!(line, 10);
                assert_eq!(entry, Some(1));
                assert!(message.contains("reasn"), "{message}");
            }
            other => panic!("expected Syntax, got {other:?}"),
        }
    }

    #[test]
    fn scripts() {
        assert_eq!(crate::normalize::detect_script("海康威视"), Script::Han);
        assert_eq!(
            crate::normalize::detect_script("ООО Ромашка"),
            Script::Cyrillic
        );
        assert_eq!(crate::normalize::detect_script("Hikvision"), Script::Latin);
    }
}
