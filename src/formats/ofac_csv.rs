//! OFAC legacy CSV (`sdn.csv`, `alt.csv`, `add.csv` and the non-SDN `cons_*.csv` files).
//!
//! The files have no header. `sdn.csv` / `cons_prim.csv` columns: `ent_num, SDN_Name, SDN_Type,
//! Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks`;
//! `alt.csv`: `ent_num, alt_num, alt_type, alt_name, alt_remarks`; `add.csv`:
//! `ent_num, add_num, address, city/state/zip, country, add_remarks`. `-0-` (with or without a
//! trailing space) is the null marker, lines end in CRLF and the file ends with a 0x1A byte.
//!
//! Weak aliases are not in `alt.csv`: OFAC writes them in the remarks as `a.k.a. 'NAME'`; they are
//! added as [`NameQuality::Weak`] aliases.
//!
//! This module also holds [`LoadReport`] and [`ReadError`], shared by all official-list readers.

use std::collections::HashMap;
use std::io::Read;

use thiserror::Error;

use crate::model::{
    Address, Entity, EntityKind, Identifier, Name, NameQuality, NameType, SourceInfo,
};

// ---------------------------------------------------------------------------------------------
// Shared by the official-list readers.
// ---------------------------------------------------------------------------------------------

/// What a reader loaded, and what it had to skip or guess.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct LoadReport {
    /// Entities produced.
    pub entities: usize,
    /// Names produced (primary names and aliases, all scripts).
    pub names: usize,
    /// Data rows (or XML records) read, including skipped ones.
    pub rows: usize,
    /// Rows or records skipped.
    pub skipped: usize,
    /// Human-readable warnings (`file:line: message`).
    pub warnings: Vec<String>,
}

impl LoadReport {
    /// Adds a warning.
    pub fn warn(&mut self, file: &str, line: u64, msg: impl std::fmt::Display) {
        self.warnings.push(format!("{file}:{line}: {msg}"));
    }

    /// Sets `entities` and `names` from the final entity list.
    pub fn count(&mut self, entities: &[Entity]) {
        self.entities = entities.len();
        self.names = entities.iter().map(|e| e.names.len()).sum();
    }

    /// Merges another report into this one (counts are added).
    pub fn merge(&mut self, other: LoadReport) {
        self.entities += other.entities;
        self.names += other.names;
        self.rows += other.rows;
        self.skipped += other.skipped;
        self.warnings.extend(other.warnings);
    }
}

/// Reading an official list failed.
#[derive(Debug, Error)]
pub enum ReadError {
    /// The file could not be opened or read.
    #[error("{file}: {source}")]
    Io {
        /// The file label.
        file: String,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The CSV layer failed.
    #[error("{file}:{line}: CSV error: {message}")]
    Csv {
        /// The file label.
        file: String,
        /// 1-based line number (0 when unknown).
        line: u64,
        /// What went wrong.
        message: String,
    },
    /// The XML layer failed.
    #[error("{file}: byte {position}: XML error: {message}")]
    Xml {
        /// The file label.
        file: String,
        /// Byte offset of the error.
        position: u64,
        /// What went wrong.
        message: String,
    },
    /// A required field is missing or malformed.
    #[error("{file}:{line}: field `{field}`: {message}")]
    Field {
        /// The file label.
        file: String,
        /// 1-based line number.
        line: u64,
        /// The field (column) name.
        field: String,
        /// What went wrong.
        message: String,
    },
    /// A required column is absent from the header.
    #[error("{file}: missing column `{field}`")]
    MissingColumn {
        /// The file label.
        file: String,
        /// The column name.
        field: String,
    },
}

pub(crate) fn csv_error(file: &str, e: csv::Error) -> ReadError {
    let line = e.position().map(|p| p.line()).unwrap_or(0);
    ReadError::Csv {
        file: file.to_string(),
        line,
        message: e.to_string(),
    }
}

/// A name with its script detected ([`crate::normalize::detect_script`]).
pub fn make_name(value: &str, name_type: NameType, quality: NameQuality) -> Name {
    let mut n = Name::new(value, name_type);
    n.quality = quality;
    n
}

/// Pushes a name unless the entity already has the same value (the first type wins).
pub(crate) fn push_name(e: &mut Entity, name: Name) {
    if name.value.trim().is_empty() || e.names.iter().any(|n| n.value == name.value) {
        return;
    }
    e.names.push(name);
}

pub(crate) fn new_entity(id: String, kind: EntityKind, source: &SourceInfo) -> Entity {
    Entity {
        id,
        kind,
        names: Vec::new(),
        countries: Vec::new(),
        addresses: Vec::new(),
        identifiers: Vec::new(),
        programs: Vec::new(),
        dates: Vec::new(),
        remarks: Vec::new(),
        listings: Vec::new(),
        properties: Vec::new(),
        source: source.clone(),
    }
}

// ---------------------------------------------------------------------------------------------
// OFAC legacy CSV readers.
// ---------------------------------------------------------------------------------------------

/// A field value with the `-0-` null marker, surrounding whitespace and the end-of-file 0x1A
/// byte removed; `None` when empty.
fn field(rec: &csv::ByteRecord, i: usize) -> Option<String> {
    let raw = rec.get(i)?;
    let s = String::from_utf8_lossy(raw);
    let s = s.trim_matches(|c: char| c.is_whitespace() || c == '\u{1a}');
    if s.is_empty() || s == "-0-" {
        None
    } else {
        Some(s.to_string())
    }
}

fn is_blank(rec: &csv::ByteRecord) -> bool {
    (0..rec.len()).all(|i| field(rec, i).is_none())
}

fn csv_reader<R: Read>(r: R) -> csv::Reader<R> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(r)
}

fn line_of(rec: &csv::ByteRecord) -> u64 {
    rec.position().map(|p| p.line()).unwrap_or(0)
}

/// Weak aliases written in OFAC remarks: `a.k.a. 'NAME'` (also `f.k.a.`, `n.k.a.`).
pub fn weak_aliases_in_remarks(remarks: &str) -> Vec<(NameType, String)> {
    let mut out = Vec::new();
    for (marker, ty) in [
        ("a.k.a. '", NameType::Aka),
        ("f.k.a. '", NameType::Fka),
        ("n.k.a. '", NameType::Nka),
    ] {
        let mut rest = remarks;
        while let Some(p) = rest.find(marker) {
            let after = &rest[p + marker.len()..];
            // The closing quote is the first `'` followed by `;`, `.`, `,`, `)` or the end.
            let mut end = None;
            for (i, c) in after.char_indices() {
                if c == '\'' {
                    let next = after[i + 1..].chars().next();
                    if matches!(
                        next,
                        None | Some(';') | Some('.') | Some(',') | Some(')') | Some(' ')
                    ) {
                        end = Some(i);
                        break;
                    }
                }
            }
            match end {
                Some(i) => {
                    let name = after[..i].trim();
                    if !name.is_empty() {
                        out.push((ty, name.to_string()));
                    }
                    rest = &after[i + 1..];
                }
                None => break,
            }
        }
    }
    out
}

/// Reads `sdn.csv` or `cons_prim.csv` (the primary records). `file` labels errors and warnings.
pub fn read_primary<R: Read>(
    reader: R,
    file: &str,
    source: &SourceInfo,
) -> Result<(Vec<Entity>, LoadReport), ReadError> {
    let mut report = LoadReport::default();
    let mut out: Vec<Entity> = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut rdr = csv_reader(reader);
    let mut rec = csv::ByteRecord::new();
    while rdr
        .read_byte_record(&mut rec)
        .map_err(|e| csv_error(file, e))?
    {
        if is_blank(&rec) {
            continue;
        }
        report.rows += 1;
        let line = line_of(&rec);
        let Some(ent_num) = field(&rec, 0) else {
            report.skipped += 1;
            report.warn(file, line, "row without ent_num skipped");
            continue;
        };
        if !ent_num.chars().all(|c| c.is_ascii_digit()) {
            return Err(ReadError::Field {
                file: file.into(),
                line,
                field: "ent_num".into(),
                message: format!("not a number: {ent_num:?}"),
            });
        }
        let Some(name) = field(&rec, 1) else {
            report.skipped += 1;
            report.warn(
                file,
                line,
                format!("entry {ent_num} without a name skipped"),
            );
            continue;
        };
        if rec.len() < 12 {
            report.warn(
                file,
                line,
                format!("entry {ent_num}: {} of 12 columns", rec.len()),
            );
        }
        let id = format!("ofac:{ent_num}");
        if seen.contains_key(&id) {
            report.skipped += 1;
            report.warn(file, line, format!("duplicate ent_num {ent_num} skipped"));
            continue;
        }
        let kind = match field(&rec, 2)
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("individual") => EntityKind::Person,
            Some("vessel") => EntityKind::Vessel,
            Some("aircraft") => EntityKind::Aircraft,
            None => EntityKind::Organization,
            Some(other) => {
                report.warn(file, line, format!("unknown SDN_Type {other:?}"));
                EntityKind::Unknown
            }
        };
        let mut e = new_entity(id.clone(), kind, source);
        e.names
            .push(make_name(&name, NameType::Primary, NameQuality::Strong));
        if let Some(p) = field(&rec, 3) {
            e.programs = p
                .split("] [")
                .map(|s| {
                    s.trim_matches(|c: char| c == '[' || c == ']' || c.is_whitespace())
                        .to_string()
                })
                .filter(|s| !s.is_empty())
                .collect();
        }
        if let Some(t) = field(&rec, 4) {
            e.properties.push(("title".into(), t));
        }
        if let Some(cs) = field(&rec, 5) {
            e.identifiers.push(Identifier {
                kind: "call_sign".into(),
                value: cs,
                country: None,
            });
        }
        for (i, key) in [
            (6, "vessel_type"),
            (7, "tonnage"),
            (8, "grt"),
            (9, "vessel_flag"),
            (10, "vessel_owner"),
        ] {
            if let Some(v) = field(&rec, i) {
                e.properties.push((key.into(), v));
            }
        }
        if let Some(r) = field(&rec, 11) {
            for (ty, alias) in weak_aliases_in_remarks(&r) {
                push_name(&mut e, make_name(&alias, ty, NameQuality::Weak));
            }
            e.remarks.push(r);
        }
        seen.insert(id, out.len());
        out.push(e);
    }
    report.count(&out);
    Ok((out, report))
}

fn index_of(entities: &[Entity]) -> HashMap<String, usize> {
    entities
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.clone(), i))
        .collect()
}

/// Reads `alt.csv` / `cons_alt.csv` and adds the aliases to `entities`. Rows for entries not in
/// `entities` are counted as skipped with a warning.
pub fn read_alt<R: Read>(
    reader: R,
    file: &str,
    entities: &mut [Entity],
    report: &mut LoadReport,
) -> Result<(), ReadError> {
    let index = index_of(entities);
    let mut missing = 0usize;
    let mut rdr = csv_reader(reader);
    let mut rec = csv::ByteRecord::new();
    while rdr
        .read_byte_record(&mut rec)
        .map_err(|e| csv_error(file, e))?
    {
        if is_blank(&rec) {
            continue;
        }
        report.rows += 1;
        let line = line_of(&rec);
        let (Some(ent_num), Some(name)) = (field(&rec, 0), field(&rec, 3)) else {
            report.skipped += 1;
            report.warn(file, line, "alias row without ent_num or alt_name skipped");
            continue;
        };
        let Some(&i) = index.get(&format!("ofac:{ent_num}")) else {
            report.skipped += 1;
            missing += 1;
            continue;
        };
        let ty = match field(&rec, 2)
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("fka") => NameType::Fka,
            Some("nka") => NameType::Nka,
            Some("aka") | None => NameType::Aka,
            Some(other) => {
                report.warn(
                    file,
                    line,
                    format!("unknown alt_type {other:?}, read as aka"),
                );
                NameType::Aka
            }
        };
        let remarks = field(&rec, 4).unwrap_or_default();
        let quality = if remarks.to_ascii_lowercase().contains("weak") {
            NameQuality::Weak
        } else {
            NameQuality::Strong
        };
        push_name(&mut entities[i], make_name(&name, ty, quality));
    }
    if missing > 0 {
        report.warn(
            file,
            0,
            format!("{missing} alias rows reference entries not loaded"),
        );
    }
    report.count(entities);
    Ok(())
}

/// Reads `add.csv` / `cons_add.csv` and adds the addresses to `entities`. Rows for entries not
/// in `entities` are counted as skipped with a warning.
pub fn read_add<R: Read>(
    reader: R,
    file: &str,
    entities: &mut [Entity],
    report: &mut LoadReport,
) -> Result<(), ReadError> {
    let index = index_of(entities);
    let mut missing = 0usize;
    let mut rdr = csv_reader(reader);
    let mut rec = csv::ByteRecord::new();
    while rdr
        .read_byte_record(&mut rec)
        .map_err(|e| csv_error(file, e))?
    {
        if is_blank(&rec) {
            continue;
        }
        report.rows += 1;
        let line = line_of(&rec);
        let Some(ent_num) = field(&rec, 0) else {
            report.skipped += 1;
            report.warn(file, line, "address row without ent_num skipped");
            continue;
        };
        let Some(&i) = index.get(&format!("ofac:{ent_num}")) else {
            report.skipped += 1;
            missing += 1;
            continue;
        };
        let (street, city, country) = (field(&rec, 2), field(&rec, 3), field(&rec, 4));
        if street.is_none() && city.is_none() && country.is_none() {
            continue;
        }
        let e = &mut entities[i];
        if let Some(c) = &country {
            // Country names are kept as written; ISO mapping belongs to the country module.
            if !e.properties.iter().any(|(k, v)| k == "country" && v == c) {
                e.properties.push(("country".into(), c.clone()));
            }
        }
        e.addresses.push(Address {
            street,
            city,
            region: None,
            postal_code: None,
            country: None,
        });
        if let Some(r) = field(&rec, 5) {
            e.remarks.push(r);
        }
    }
    if missing > 0 {
        report.warn(
            file,
            0,
            format!("{missing} address rows reference entries not loaded"),
        );
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Path helpers (the only functions here that open files).
// ---------------------------------------------------------------------------------------------

fn open(path: &std::path::Path) -> Result<std::io::BufReader<std::fs::File>, ReadError> {
    std::fs::File::open(path)
        .map(std::io::BufReader::new)
        .map_err(|source| ReadError::Io {
            file: path.display().to_string(),
            source,
        })
}

/// Loads an OFAC legacy CSV set from a directory: `sdn.csv` (or `cons_prim.csv`) and, when
/// present, `alt.csv`/`add.csv` (or `cons_alt.csv`/`cons_add.csv`).
pub fn load_dir(dir: &std::path::Path) -> Result<(Vec<Entity>, LoadReport), ReadError> {
    let (prefix, primary) = if dir.join("sdn.csv").exists() {
        ("", "sdn.csv")
    } else {
        ("cons_", "cons_prim.csv")
    };
    let name = if prefix.is_empty() {
        "ofac"
    } else {
        "ofac-cons"
    };
    let source = SourceInfo {
        name: name.into(),
        date: None,
        origin: Some(dir.display().to_string()),
    };
    let p = dir.join(primary);
    let (mut entities, mut report) = read_primary(open(&p)?, &p.display().to_string(), &source)?;
    let alt = dir.join(format!("{prefix}alt.csv"));
    if alt.exists() {
        read_alt(
            open(&alt)?,
            &alt.display().to_string(),
            &mut entities,
            &mut report,
        )?;
    }
    let add = dir.join(format!("{prefix}add.csv"));
    if add.exists() {
        read_add(
            open(&add)?,
            &add.display().to_string(),
            &mut entities,
            &mut report,
        )?;
    }
    report.count(&entities);
    Ok((entities, report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Script;

    const SDN: &[u8] = b"10,\"ACME TRADING CO., LTD.\",-0- ,\"CUBA] [SDGT\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"a.k.a. 'ACME'; Reg. 1.\"\r\n\
20,\"DOE, John Quincy\",\"individual\",\"IRAN\",\"Director\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0-\r\n\
30,\"SEA STAR\",\"vessel\",\"IRAN\",-0- ,\"9XYZ\",\"Tanker\",-0- ,\"1000\",\"Panama\",-0- ,-0- \r\n\x1a";
    const ALT: &[u8] = b"10,1,\"fka\",\"ACME IMPORT CO.\",-0- \r\n20,2,\"aka\",\"DOE, Jon\",-0- \r\n99,3,\"aka\",\"GHOST\",-0- \r\n\x1a";
    const ADD: &[u8] =
        b"10,5,\"1 Main St\",\"Havana\",\"Cuba\",-0- \r\n98,6,-0- ,-0- ,\"Iran\",-0- \r\n\x1a";

    fn src() -> SourceInfo {
        SourceInfo {
            name: "ofac".into(),
            ..Default::default()
        }
    }

    #[test]
    fn reads_primary_alt_add() {
        let (mut es, mut rep) = read_primary(SDN, "sdn.csv", &src()).unwrap();
        assert_eq!(es.len(), 3);
        assert_eq!(es[0].id, "ofac:10");
        assert_eq!(es[0].kind, EntityKind::Organization);
        assert_eq!(es[0].programs, vec!["CUBA", "SDGT"]);
        assert_eq!(es[0].names[1].value, "ACME");
        assert_eq!(es[0].names[1].quality, NameQuality::Weak);
        assert_eq!(es[1].kind, EntityKind::Person);
        assert_eq!(es[1].primary_name(), "DOE, John Quincy");
        assert_eq!(es[2].kind, EntityKind::Vessel);
        assert_eq!(es[2].identifiers[0].value, "9XYZ");
        read_alt(ALT, "alt.csv", &mut es, &mut rep).unwrap();
        read_add(ADD, "add.csv", &mut es, &mut rep).unwrap();
        assert_eq!(es[0].names[2].name_type, NameType::Fka);
        assert_eq!(es[1].names[1].value, "DOE, Jon");
        assert_eq!(es[0].addresses[0].city.as_deref(), Some("Havana"));
        assert_eq!(rep.warnings.len(), 2, "{:?}", rep.warnings);
        assert_eq!(rep.names, 6);
    }

    #[test]
    fn remarks_weak_aliases() {
        let v = weak_aliases_in_remarks("DOB 1960; a.k.a. 'ABU BAKR'; f.k.a. 'O'HARA'.");
        assert_eq!(
            v,
            vec![
                (NameType::Aka, "ABU BAKR".into()),
                (NameType::Fka, "O'HARA".into())
            ]
        );
    }

    #[test]
    fn script_detection() {
        assert_eq!(
            crate::normalize::detect_script("Иван Петров"),
            Script::Cyrillic
        );
        assert_eq!(crate::normalize::detect_script("صدام حسين"), Script::Arabic);
        assert_eq!(
            crate::normalize::detect_script("华为技术有限公司"),
            Script::Han
        );
        assert_eq!(crate::normalize::detect_script("ACME 123"), Script::Latin);
    }

    #[test]
    fn bad_ent_num_is_an_error() {
        let e = read_primary(&b"x1,\"A\",-0- \r\n"[..], "sdn.csv", &src()).unwrap_err();
        assert!(matches!(e, ReadError::Field { line: 1, .. }), "{e}");
    }
}
