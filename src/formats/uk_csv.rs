//! UK OFSI consolidated list, `ConList.csv` (2022 layout).
//!
//! The first line is `Last Updated,<dd/mm/yyyy>`, then a header. One row per name; rows are
//! grouped into entities by `Group ID`. For individuals `Name 6` is the surname and `Name 1`..`Name 5`
//! the given names (the name is built as "Given Names Surname"); for entities and ships `Name 6`
//! is the full name. `Name Non-Latin Script` becomes a [`NameType::Native`] name.

use std::collections::HashMap;
use std::io::{BufRead, Read};

use super::ofac_csv::{csv_error, make_name, new_entity, push_name};
pub use super::ofac_csv::{LoadReport, ReadError};
use crate::model::{
    Address, Entity, EntityKind, Identifier, NameQuality, NameType, Script, SourceInfo,
};

/// Reads a ConList CSV. `file` labels errors and warnings.
pub fn read<R: Read>(reader: R, file: &str) -> Result<(Vec<Entity>, LoadReport), ReadError> {
    let mut reader = std::io::BufReader::new(reader);
    let mut first = String::new();
    reader
        .read_line(&mut first)
        .map_err(|source| ReadError::Io {
            file: file.into(),
            source,
        })?;
    let first_clean = first.trim_start_matches('\u{feff}');
    let mut date = None;
    let prefix: Vec<u8> = if first_clean.starts_with("Last Updated") {
        date = first_clean
            .trim()
            .split(',')
            .nth(1)
            .map(|s| s.trim().to_string());
        Vec::new()
    } else {
        first_clean.as_bytes().to_vec()
    };
    let source = SourceInfo {
        name: "uk".into(),
        date,
        origin: Some(file.into()),
    };
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(std::io::Cursor::new(prefix).chain(reader));
    let headers = rdr.headers().map_err(|e| csv_error(file, e))?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    let need = |name: &str| {
        col(name).ok_or_else(|| ReadError::MissingColumn {
            file: file.into(),
            field: name.into(),
        })
    };
    let c_name6 = need("Name 6")?;
    let c_given: Vec<usize> = (1..=5).filter_map(|i| col(&format!("Name {i}"))).collect();
    let c_group = need("Group ID")?;
    let c_gtype = need("Group Type")?;
    let c_alias = col("Alias Type");
    let c_quality = col("Alias Quality");
    let c_native = col("Name Non-Latin Script");
    let c_native_type = col("Non-Latin Script Type");
    let c_addr: Vec<usize> = (1..=6)
        .filter_map(|i| col(&format!("Address {i}")))
        .collect();
    let c_zip = col("Post/Zip Code");
    let c_country = col("Country");
    let c_regime = col("Regime");
    let c_dob = col("DOB");
    let c_listed = col("Listed On");
    let c_nat = col("Nationality");
    let c_passport = col("Passport Number");
    let c_title = col("Title");
    let c_position = col("Position");
    let c_other = col("Other Information");

    let mut report = LoadReport::default();
    let mut out: Vec<Entity> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut rec = csv::StringRecord::new();
    while rdr.read_record(&mut rec).map_err(|e| csv_error(file, e))? {
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        let get = |c: Option<usize>| -> Option<String> {
            let v = rec.get(c?)?.trim();
            (!v.is_empty()).then(|| v.to_string())
        };
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        report.rows += 1;
        let Some(group) = get(Some(c_group)) else {
            report.skipped += 1;
            report.warn(file, line, "row without Group ID skipped");
            continue;
        };
        let gtype = get(Some(c_gtype)).unwrap_or_default();
        let kind = match gtype.to_ascii_lowercase().as_str() {
            "individual" => EntityKind::Person,
            "entity" => EntityKind::Organization,
            "ship" => EntityKind::Vessel,
            other => {
                report.warn(file, line, format!("unknown Group Type {other:?}"));
                EntityKind::Unknown
            }
        };
        let surname = get(Some(c_name6));
        let given: Vec<String> = c_given.iter().filter_map(|&c| get(Some(c))).collect();
        let latin = match kind {
            EntityKind::Person => {
                let mut parts = given.clone();
                parts.extend(surname.clone());
                parts.join(" ")
            }
            _ => {
                let mut parts: Vec<String> = surname.clone().into_iter().collect();
                if parts.is_empty() {
                    parts = given.clone();
                }
                parts.join(" ")
            }
        };
        let id = format!("uk:{group}");
        let i = *index.entry(id.clone()).or_insert_with(|| {
            out.push(new_entity(id.clone(), kind, &source));
            out.len() - 1
        });
        let e = &mut out[i];
        let alias = get(c_alias).unwrap_or_default().to_ascii_lowercase();
        let name_type = match alias.as_str() {
            "primary name" => NameType::Primary,
            "fka" => NameType::Fka,
            _ => NameType::Aka,
        };
        let quality = match get(c_quality).map(|q| q.to_ascii_lowercase()) {
            Some(q) if q.starts_with("low") => NameQuality::Weak,
            _ => NameQuality::Strong,
        };
        if latin.is_empty() {
            report.warn(
                file,
                line,
                format!("group {group}: row without a Latin name"),
            );
        } else {
            let n = make_name(&latin, name_type, quality);
            if name_type == NameType::Primary
                && !e.names.iter().any(|x| x.name_type == NameType::Primary)
            {
                // The primary name goes first whatever the row order.
                e.names.retain(|x| x.value != n.value);
                e.names.insert(0, n);
            } else {
                push_name(e, n);
            }
        }
        if let Some(native) = get(c_native) {
            let mut n = make_name(&native, NameType::Native, NameQuality::Strong);
            if n.script == Script::Latin {
                n.script = match get(c_native_type)
                    .map(|t| t.to_ascii_lowercase())
                    .as_deref()
                {
                    Some("cyrillic" | "cryillic" | "russian") => Script::Cyrillic,
                    Some("arabic" | "persian") => Script::Arabic,
                    Some("chinese") => Script::Han,
                    _ => crate::normalize::detect_script(&native),
                };
            }
            push_name(e, n);
        }
        let street: Vec<String> = c_addr.iter().filter_map(|&c| get(Some(c))).collect();
        let zip = get(c_zip);
        let country = get(c_country);
        if !street.is_empty() || zip.is_some() {
            let a = Address {
                street: (!street.is_empty()).then(|| street.join(", ")),
                city: None,
                region: None,
                postal_code: zip,
                country: None,
            };
            if !e.addresses.contains(&a) {
                e.addresses.push(a);
            }
        }
        let mut prop = |k: &str, v: Option<String>| {
            if let Some(v) = v {
                if !e.properties.iter().any(|(pk, pv)| pk == k && *pv == v) {
                    e.properties.push((k.to_string(), v));
                }
            }
        };
        prop("country", country);
        prop("nationality", get(c_nat));
        prop("title", get(c_title));
        prop("position", get(c_position));
        if let Some(r) = get(c_regime) {
            if !e.programs.contains(&r) {
                e.programs.push(r);
            }
        }
        for (label, c) in [("birth", c_dob), ("listed", c_listed)] {
            if let Some(v) = get(c) {
                let d = (label.to_string(), v);
                if !e.dates.contains(&d) {
                    e.dates.push(d);
                }
            }
        }
        if let Some(p) = get(c_passport) {
            if !e.identifiers.iter().any(|x| x.value == p) {
                e.identifiers.push(Identifier {
                    kind: "passport".into(),
                    value: p,
                    country: None,
                });
            }
        }
        if let Some(o) = get(c_other) {
            if !e.remarks.contains(&o) {
                e.remarks.push(o);
            }
        }
    }
    for e in &mut out {
        if !e.names.iter().any(|n| n.name_type == NameType::Primary) {
            if let Some(n) = e.names.iter_mut().find(|n| n.name_type != NameType::Native) {
                n.name_type = NameType::Primary;
            }
        }
    }
    let before = out.len();
    out.retain(|e| !e.names.is_empty());
    if out.len() < before {
        report.warn(
            file,
            0,
            format!("{} groups without any name dropped", before - out.len()),
        );
    }
    report.count(&out);
    Ok((out, report))
}

// ---------------------------------------------------------------------------------------------
// Path helper (the only function here that opens a file).
// ---------------------------------------------------------------------------------------------

/// Opens and reads a ConList CSV file.
pub fn load_file(path: &std::path::Path) -> Result<(Vec<Entity>, LoadReport), ReadError> {
    let f = std::fs::File::open(path).map_err(|source| ReadError::Io {
        file: path.display().to_string(),
        source,
    })?;
    read(f, &path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = "Last Updated,01/02/2025\r\n\
Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,Name Non-Latin Script,Non-Latin Script Type,Non-Latin Script Language,DOB,Country,Group Type,Alias Type,Alias Quality,Regime,Group ID\r\n\
PETROV,Ivan,Ivanovich,,,,,Петров Иван Иванович,Cyrillic,Russian,01/01/1970,Russia,Individual,Primary name,,Russia,100\r\n\
PETROFF,Ivan,,,,,,Петров Иван Иванович,,,01/01/1970,Russia,Individual,AKA,Low quality,Russia,100\r\n\
\"NORTHWIND TRADING, LLC\",,,,,,,,,,,,Entity,Primary name,,Russia,200\r\n\
NORDWIND,,,,,,,,,,,,Entity,FKA,,Russia,200\r\n";

    #[test]
    fn groups_rows_and_builds_names() {
        let (es, rep) = read(FIXTURE.as_bytes(), "ConList.csv").unwrap();
        assert_eq!(es.len(), 2);
        let p = &es[0];
        assert_eq!(p.id, "uk:100");
        assert_eq!(p.kind, EntityKind::Person);
        assert_eq!(p.primary_name(), "Ivan Ivanovich PETROV");
        assert_eq!(p.names.len(), 3);
        let native = p
            .names
            .iter()
            .find(|n| n.name_type == NameType::Native)
            .unwrap();
        assert_eq!(native.script, Script::Cyrillic);
        assert_eq!(
            p.names
                .iter()
                .find(|n| n.value == "Ivan PETROFF")
                .unwrap()
                .quality,
            NameQuality::Weak
        );
        assert_eq!(p.source.date.as_deref(), Some("01/02/2025"));
        let o = &es[1];
        assert_eq!(o.primary_name(), "NORTHWIND TRADING, LLC");
        assert_eq!(o.names[1].name_type, NameType::Fka);
        assert_eq!(rep.rows, 4);
        assert_eq!(rep.names, 5);
    }

    #[test]
    fn header_without_last_updated_line() {
        let text = FIXTURE.split_once("\r\n").unwrap().1;
        let (es, _) = read(text.as_bytes(), "x.csv").unwrap();
        assert_eq!(es.len(), 2);
    }

    #[test]
    fn missing_group_id_column_is_an_error() {
        let e = read("Name 6,Group Type\r\nX,Entity\r\n".as_bytes(), "x.csv").unwrap_err();
        assert!(matches!(e, ReadError::MissingColumn { .. }));
    }
}
