//! A user's own list as CSV.
//!
//! The header line names the columns (case-insensitive, any order):
//!
//! | column | required | meaning |
//! |---|---|---|
//! | `id` | yes | the user's id for the party; the entity id is `csv:<id>` |
//! | `name` | yes | a name of the party |
//! | `type` | no | `person`, `organization`, `vessel`, `aircraft`, `unknown` (also `individual`, `entity`, `company`, ...); empty = not given |
//! | `country` | no | ISO 3166-1 alpha-2 code or English country name |
//! | anything else | no | kept as a property `(header, value)`; empty values are dropped |
//!
//! Several rows with the same id are one entity: the first row's name is the primary name and
//! later rows' names are a.k.a.s; their countries and properties are added. Entities come out in
//! the order their ids first appear. A UTF-8 byte-order mark, CRLF line ends, quoted fields
//! (with commas and line breaks inside) and blank lines are accepted.
//!
//! Every error ([`ListError`]) names the file, the 1-based physical line where the record starts
//! and the field.

use std::collections::HashMap;
use std::io::Read;

use crate::country::country_code;
pub use crate::error::ListError;
use crate::model::{Entity, EntityKind, NameQuality, NameType, SourceInfo};
use crate::seed::make_name;

/// Reads a user list in CSV (see the module documentation for the columns and rules).
///
/// `file` names the list in errors and becomes the entities' `source.origin`; `source.name` is
/// `csv`.
pub fn read_csv_list<R: Read>(mut reader: R, file: &str) -> Result<Vec<Entity>, ListError> {
    // Read everything first: user lists are small, and physical line numbers are computed from
    // the bytes (the csv crate's own line count is off after blank lines and with CRLF).
    let mut data = Vec::new();
    reader
        .read_to_end(&mut data)
        .map_err(|e| ListError::Malformed {
            file: file.to_string(),
            line: None,
            message: format!("read error: {e}"),
        })?;
    let data = &data[..];
    let line_of = |pos: &csv::Position| physical_line(data, pos.byte());
    let malformed = |e: csv::Error| ListError::Malformed {
        file: file.to_string(),
        line: e.position().map(line_of),
        message: e.to_string(),
    };
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(data);
    let mut records = rdr.records();

    // The header: the first record that is not blank.
    let header = loop {
        match records.next() {
            None => {
                return Err(ListError::MissingColumns {
                    file: file.to_string(),
                    missing: vec!["id".into(), "name".into()],
                    found: Vec::new(),
                })
            }
            Some(r) => {
                let r = r.map_err(malformed)?;
                if !is_blank(&r) {
                    break r;
                }
            }
        }
    };
    let columns: Vec<String> = header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            if i == 0 {
                h.trim_start_matches('\u{feff}')
            } else {
                h
            }
            .trim()
            .to_string()
        })
        .collect();
    let lower: Vec<String> = columns.iter().map(|c| c.to_lowercase()).collect();
    for (i, c) in lower.iter().enumerate() {
        if !c.is_empty() && lower[..i].contains(c) {
            return Err(ListError::DuplicateColumn {
                file: file.to_string(),
                field: columns[i].clone(),
            });
        }
    }
    let find = |name: &str| lower.iter().position(|c| c == name);
    let (id_col, name_col) = match (find("id"), find("name")) {
        (Some(i), Some(n)) => (i, n),
        (i, n) => {
            let mut missing = Vec::new();
            if i.is_none() {
                missing.push("id".to_string());
            }
            if n.is_none() {
                missing.push("name".to_string());
            }
            return Err(ListError::MissingColumns {
                file: file.to_string(),
                missing,
                found: columns,
            });
        }
    };
    let type_col = find("type");
    let country_col = find("country");

    let source = SourceInfo {
        name: "csv".to_string(),
        date: None,
        origin: Some(file.to_string()),
    };
    let mut entities: Vec<Entity> = Vec::new();
    // id -> (index in `entities`, the type given first and its line)
    let mut seen: HashMap<String, Seen> = HashMap::new();

    for record in records {
        let record = record.map_err(malformed)?;
        if is_blank(&record) {
            continue;
        }
        let line = record.position().map(line_of).unwrap_or(0);
        if record.len() != columns.len() {
            return Err(ListError::Malformed {
                file: file.to_string(),
                line: Some(line),
                message: format!(
                    "expected {} fields (as in the header), found {}",
                    columns.len(),
                    record.len()
                ),
            });
        }
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let empty = |f: &'static str| ListError::EmptyField {
            file: file.to_string(),
            line,
            field: f,
        };
        let id = field(id_col);
        if id.is_empty() {
            return Err(empty("id"));
        }
        let name = field(name_col);
        if name.is_empty() {
            return Err(empty("name"));
        }
        let kind = match type_col.map(field).filter(|t| !t.is_empty()) {
            None => None,
            Some(t) => match EntityKind::parse(t) {
                Some(k) => Some(k),
                None => {
                    return Err(ListError::BadType {
                        file: file.to_string(),
                        line,
                        field: "type",
                        value: t.to_string(),
                    })
                }
            },
        };
        let country = match country_col.map(field).filter(|c| !c.is_empty()) {
            None => None,
            Some(c) => Some(country_code(c).ok_or_else(|| ListError::BadCountry {
                file: file.to_string(),
                line,
                field: "country",
                value: c.to_string(),
            })?),
        };
        let props = columns.iter().enumerate().filter(|(i, c)| {
            *i != id_col
                && *i != name_col
                && Some(*i) != type_col
                && Some(*i) != country_col
                && !c.is_empty()
        });

        match seen.get_mut(id) {
            None => {
                let mut e = Entity {
                    id: format!("csv:{id}"),
                    kind: kind.unwrap_or_default(),
                    names: vec![make_name(name, NameType::Primary, NameQuality::Strong)],
                    countries: country.map(|c| vec![c.to_string()]).unwrap_or_default(),
                    addresses: Vec::new(),
                    identifiers: Vec::new(),
                    programs: Vec::new(),
                    dates: Vec::new(),
                    remarks: Vec::new(),
                    listings: Vec::new(),
                    properties: Vec::new(),
                    source: source.clone(),
                };
                for (i, c) in props {
                    let v = field(i);
                    if !v.is_empty() {
                        e.properties.push((c.clone(), v.to_string()));
                    }
                }
                seen.insert(id.to_string(), (entities.len(), kind.map(|k| (k, line))));
                entities.push(e);
            }
            Some((idx, first)) => {
                if let Some(k) = kind {
                    match first {
                        Some((fk, fl)) if *fk != k => {
                            return Err(ListError::ConflictingType {
                                file: file.to_string(),
                                line,
                                field: "type",
                                id: id.to_string(),
                                first: *fk,
                                first_line: *fl,
                                second: k,
                            })
                        }
                        Some(_) => {}
                        None => {
                            entities[*idx].kind = k;
                            *first = Some((k, line));
                        }
                    }
                }
                let e = &mut entities[*idx];
                if !e.names.iter().any(|n| n.value == name) {
                    e.names
                        .push(make_name(name, NameType::Aka, NameQuality::Strong));
                }
                if let Some(c) = country {
                    if !e.countries.iter().any(|x| x == c) {
                        e.countries.push(c.to_string());
                    }
                }
                for (i, c) in props {
                    let v = field(i);
                    if !v.is_empty() && !e.properties.iter().any(|(k, x)| k == c && x == v) {
                        e.properties.push((c.clone(), v.to_string()));
                    }
                }
            }
        }
    }
    Ok(entities)
}

/// Where an id's entity is in the output, and the type given first for it with its line.
type Seen = (usize, Option<(EntityKind, u64)>);

/// The 1-based physical line of a record that the csv reader says starts at byte `start`: the
/// reader's offset can point at the line break(s) before the record, so those are skipped.
fn physical_line(data: &[u8], start: u64) -> u64 {
    let mut i = usize::try_from(start).unwrap_or(data.len()).min(data.len());
    while i < data.len() && (data[i] == b'\r' || data[i] == b'\n') {
        i += 1;
    }
    data[..i].iter().filter(|&&b| b == b'\n').count() as u64 + 1
}

/// A record with no content: a blank line (or only whitespace / empty fields).
fn is_blank(r: &csv::StringRecord) -> bool {
    r.iter()
        .all(|f| f.trim().trim_start_matches('\u{feff}').is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Script;

    fn read(s: &str) -> Result<Vec<Entity>, ListError> {
        read_csv_list(s.as_bytes(), "own.csv")
    }

    #[test]
    fn basic_list() {
        let l = read("id,name,type,country,note\n1,ACME Trading LLC,organization,RU,from audit\n2,Ivan Petrov,individual,Russia,\n").unwrap();
        assert_eq!(l.len(), 2);
        assert_eq!(l[0].id, "csv:1");
        assert_eq!(l[0].kind, EntityKind::Organization);
        assert_eq!(l[0].countries, vec!["RU"]);
        assert_eq!(
            l[0].properties,
            vec![("note".to_string(), "from audit".to_string())]
        );
        assert_eq!(
            l[0].source,
            SourceInfo {
                name: "csv".into(),
                date: None,
                origin: Some("own.csv".into())
            }
        );
        assert_eq!(l[1].kind, EntityKind::Person);
        assert_eq!(l[1].countries, vec!["RU"]);
        assert!(l[1].properties.is_empty());
    }

    #[test]
    fn only_required_columns_any_order_and_case() {
        let l = read("Name,ID\nFoo Ltd,a\n").unwrap();
        assert_eq!(l[0].id, "csv:a");
        assert_eq!(l[0].primary_name(), "Foo Ltd");
        assert_eq!(l[0].kind, EntityKind::Unknown);
    }

    #[test]
    fn aliases_merge_in_order_of_first_appearance() {
        let l = read("id,name,type,country\n7,Romashka LLC,entity,RU\n8,Other Co,,\n7,ООО Ромашка,,\n7,Romashka OOO,organization,KZ\n").unwrap();
        assert_eq!(
            l.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            ["csv:7", "csv:8"]
        );
        let e = &l[0];
        assert_eq!(e.names.len(), 3);
        assert_eq!(e.names[0].name_type, NameType::Primary);
        assert_eq!(e.names[1].name_type, NameType::Aka);
        assert_eq!(e.names[1].script, Script::Cyrillic);
        assert_eq!(e.countries, vec!["RU", "KZ"]);
        assert_eq!(l[1].kind, EntityKind::Unknown);
    }

    #[test]
    fn conflicting_types() {
        let err = read("id,name,type\n1,A,person\n1,B,\n1,C,vessel\n").unwrap_err();
        match err {
            ListError::ConflictingType {
                line,
                field,
                id,
                first_line,
                ..
            } => {
                assert_eq!((line, field, id.as_str(), first_line), (4, "type", "1", 2));
            }
            e => panic!("{e:?}"),
        }
        // An unspecified first type is not a conflict; the later type is adopted.
        let l = read("id,name,type\n1,A,\n1,B,vessel\n1,C,ship\n").unwrap();
        assert_eq!(l[0].kind, EntityKind::Vessel);
    }

    #[test]
    fn missing_columns() {
        let err = read("ident,name,country\n1,A,CN\n").unwrap_err();
        match &err {
            ListError::MissingColumns { missing, found, .. } => {
                assert_eq!(missing, &["id"]);
                assert_eq!(found, &["ident", "name", "country"]);
            }
            e => panic!("{e:?}"),
        }
        let text = err.to_string();
        assert!(
            text.contains("ident, name, country") && text.contains("required: id, name"),
            "{text}"
        );
        assert!(
            matches!(read(""), Err(ListError::MissingColumns { found, .. }) if found.is_empty())
        );
        assert!(matches!(
            read("\n\n"),
            Err(ListError::MissingColumns { .. })
        ));
    }

    #[test]
    fn duplicate_column() {
        assert!(
            matches!(read("id,name,Name\n1,a,b\n"), Err(ListError::DuplicateColumn { field, .. }) if field == "Name")
        );
    }

    #[test]
    fn empty_id_or_name() {
        assert_eq!(
            read("id,name\n1,A\n ,B\n").unwrap_err(),
            ListError::EmptyField {
                file: "own.csv".into(),
                line: 3,
                field: "id"
            }
        );
        assert_eq!(
            read("id,name\n1,\"\"\n").unwrap_err(),
            ListError::EmptyField {
                file: "own.csv".into(),
                line: 2,
                field: "name"
            }
        );
        // Blank lines count as physical lines.
        assert_eq!(
            read("id,name\n\n\n1,\n").unwrap_err(),
            ListError::EmptyField {
                file: "own.csv".into(),
                line: 4,
                field: "name"
            }
        );
    }

    #[test]
    fn bad_type() {
        let err = read("id,name,Type\n1,A,robot\n").unwrap_err();
        assert_eq!(
            err,
            ListError::BadType {
                file: "own.csv".into(),
                line: 2,
                field: "type",
                value: "robot".into()
            }
        );
        assert!(err.to_string().starts_with("own.csv:2: field `type`"));
    }

    #[test]
    fn bad_country() {
        let err = read("id,name,country\n1,A,China\n2,B,Atlantis\n").unwrap_err();
        assert_eq!(
            err,
            ListError::BadCountry {
                file: "own.csv".into(),
                line: 3,
                field: "country",
                value: "Atlantis".into()
            }
        );
    }

    #[test]
    fn malformed_csv() {
        // Wrong number of fields.
        match read("id,name\n1,A\n2,B,extra\n").unwrap_err() {
            ListError::Malformed { line, .. } => assert_eq!(line, Some(3)),
            e => panic!("{e:?}"),
        }
        // Invalid UTF-8.
        match read_csv_list(&b"id,name\n1,A\n2,\xff\xfe\n"[..], "own.csv").unwrap_err() {
            ListError::Malformed { line, .. } => assert_eq!(line, Some(3)),
            e => panic!("{e:?}"),
        }
    }

    #[test]
    fn bom_crlf_quotes_blank_lines() {
        let text = "\u{feff}id,name,country\r\n\r\n1,\"Foo, Bar & Co., Ltd.\",CN\r\n\r\n2,\"Multi\r\nline \"\"quoted\"\"\",\r\n3,Baz,HK\r\n";
        let l = read(text).unwrap();
        assert_eq!(l.len(), 3);
        assert_eq!(l[0].primary_name(), "Foo, Bar & Co., Ltd.");
        assert_eq!(l[1].primary_name(), "Multi\r\nline \"quoted\"");
        assert_eq!(l[2].countries, vec!["HK"]);
        // Lines are physical lines: record 3 starts on line 7 after a multi-line field.
        let err = read(&text.replace("3,Baz,HK", "3,,HK")).unwrap_err();
        assert_eq!(
            err,
            ListError::EmptyField {
                file: "own.csv".into(),
                line: 7,
                field: "name"
            }
        );
    }

    #[test]
    fn han_names_are_tagged() {
        let l = read("id,name\nh,海康威视\n").unwrap();
        assert_eq!(l[0].names[0].script, Script::Han);
    }

    #[test]
    fn fixture_file_loads() {
        let text = include_str!("../../tests/fixtures/own_list.csv");
        let l = read(text).unwrap();
        assert!(l.len() >= 4);
        assert!(l.iter().any(|e| e.names.len() > 1));
        assert!(l
            .iter()
            .flat_map(|e| &e.names)
            .any(|n| n.script == Script::Cyrillic));
    }
}
