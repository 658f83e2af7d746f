//! The entity model: what a sanctions list says about a listed party.
//!
//! Every loader (built-in list, user CSV, official formats) produces [`Entity`] values; the
//! index and the scorer read them and never look at files.

use serde::{Deserialize, Serialize};

/// What kind of party an entity (or a query) is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A natural person.
    Person,
    /// A company, institute, government body or any other organisation.
    Organization,
    /// A ship.
    Vessel,
    /// An aircraft.
    Aircraft,
    /// The source does not say.
    #[default]
    Unknown,
}

impl EntityKind {
    /// Parses the names used in lists and batch files (`person`, `individual`, `organization`,
    /// `organisation`, `entity`, `company`, `vessel`, `aircraft`, `unknown`), case-insensitively.
    /// Returns `None` for anything else.
    pub fn parse(s: &str) -> Option<EntityKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "person" | "individual" | "people" | "natural person" => Some(EntityKind::Person),
            "organization" | "organisation" | "entity" | "company" | "org" => {
                Some(EntityKind::Organization)
            }
            "vessel" | "ship" => Some(EntityKind::Vessel),
            "aircraft" => Some(EntityKind::Aircraft),
            "unknown" | "" => Some(EntityKind::Unknown),
            _ => None,
        }
    }

    /// The lowercase name used in output (`person`, `organization`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organization => "organization",
            EntityKind::Vessel => "vessel",
            EntityKind::Aircraft => "aircraft",
            EntityKind::Unknown => "unknown",
        }
    }
}

impl std::fmt::Display for EntityKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The writing system a name (or token) is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Latin letters (with or without diacritics), digits and punctuation only.
    #[default]
    Latin,
    /// Cyrillic (Russian, Ukrainian, Belarusian, ...).
    Cyrillic,
    /// Greek.
    Greek,
    /// Chinese characters (Simplified or Traditional).
    Han,
    /// Arabic script (Arabic, Persian, Urdu, ...).
    Arabic,
    /// Hebrew.
    Hebrew,
    /// Korean Hangul.
    Hangul,
    /// Any other script (romanised by a universal fallback).
    Other,
}

impl Script {
    /// The lowercase name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Latin => "latin",
            Script::Cyrillic => "cyrillic",
            Script::Greek => "greek",
            Script::Han => "han",
            Script::Arabic => "arabic",
            Script::Hebrew => "hebrew",
            Script::Hangul => "hangul",
            Script::Other => "other",
        }
    }
}

/// How a name relates to the entity, as the source says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum NameType {
    /// The primary (listed) name.
    #[default]
    Primary,
    /// Also known as.
    Aka,
    /// Formerly known as.
    Fka,
    /// Now known as.
    Nka,
    /// A name in the party's own (native) script.
    Native,
}

/// How reliable the source considers an alias.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum NameQuality {
    /// A strong alias, or no quality given.
    #[default]
    Strong,
    /// A weak or low-quality alias (OFAC "weak a.k.a.", UN quality "Low").
    Weak,
}

/// One name of an entity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Name {
    /// The name as the source writes it.
    pub value: String,
    /// Primary name or which kind of alias.
    #[serde(default)]
    pub name_type: NameType,
    /// Strong or weak alias.
    #[serde(default)]
    pub quality: NameQuality,
    /// The script the name is written in (detected when the source does not say).
    #[serde(default)]
    pub script: Script,
}

impl Name {
    /// A strong name of the given type, with its script detected from the text.
    pub fn new(value: impl Into<String>, name_type: NameType) -> Name {
        let value = value.into();
        let script = crate::normalize::detect_script(&value);
        Name { value, name_type, quality: NameQuality::Strong, script }
    }
}

/// A postal address (all parts optional).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Address {
    /// Street and number, as given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// City or town.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State, province or region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 code, upper case, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// An identifier such as a registration number, tax id, passport or IMO number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identifier {
    /// What kind of identifier (`registration`, `tax`, `passport`, `imo`, `swift`, ...), as the source names it.
    pub kind: String,
    /// The value as given.
    pub value: String,
    /// The issuing country (ISO alpha-2) when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// A reference to the same party in another (official) list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Listing {
    /// The list, e.g. `OFAC SDN`, `OFAC non-SDN (CMIC)`, `US CSL Entity List`.
    pub list: String,
    /// The entry id in that list.
    pub id: String,
    /// The name the entry has there.
    pub name: String,
    /// The programs or regimes named there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programs: Vec<String>,
}

/// Where an entity came from: the list, its version or date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct SourceInfo {
    /// Short source name used in ids and output (`seed`, `csv`, `ofac`, `un`, ...).
    pub name: String,
    /// The publication date or version of the list, when known (ISO 8601 where possible).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where it was read from (a file path or `built-in`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

/// A listed party.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Stable id, prefixed by its source (`seed:hikvision`, `csv:42`, `ofac:46633`).
    pub id: String,
    /// Person, organization, vessel, aircraft or unknown.
    pub kind: EntityKind,
    /// All names; the first [`NameType::Primary`] one is the entity's display name.
    pub names: Vec<Name>,
    /// ISO 3166-1 alpha-2 codes (upper case) of the countries the entity is tied to.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Known addresses.
    #[serde(default)]
    pub addresses: Vec<Address>,
    /// Registration numbers, tax ids, passports, IMO numbers, ...
    #[serde(default)]
    pub identifiers: Vec<Identifier>,
    /// Sanctions programs or regimes.
    #[serde(default)]
    pub programs: Vec<String>,
    /// Dates (birth, incorporation, listing) as `(label, value)` pairs.
    #[serde(default)]
    pub dates: Vec<(String, String)>,
    /// Free-text remarks; for the built-in list, the reason the entity is listed.
    #[serde(default)]
    pub remarks: Vec<String>,
    /// The same party in other lists.
    #[serde(default)]
    pub listings: Vec<Listing>,
    /// Other source columns kept as-is (`key`, `value`).
    #[serde(default)]
    pub properties: Vec<(String, String)>,
    /// The source list.
    pub source: SourceInfo,
}

impl Entity {
    /// The display name: the first primary name, else the first name, else the id.
    pub fn primary_name(&self) -> &str {
        self.names
            .iter()
            .find(|n| n.name_type == NameType::Primary)
            .or_else(|| self.names.first())
            .map(|n| n.value.as_str())
            .unwrap_or(&self.id)
    }

    /// Cities named in the entity's addresses, without duplicates, in order.
    pub fn cities(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for a in &self.addresses {
            if let Some(c) = a.city.as_deref() {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
        out
    }
}
