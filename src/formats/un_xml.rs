//! UN Security Council consolidated list, official XML (`CONSOLIDATED_LIST`).
//!
//! `INDIVIDUALS/INDIVIDUAL` records carry `FIRST_NAME`..`FOURTH_NAME` (joined, in that order, as
//! the primary name), `NAME_ORIGINAL_SCRIPT` (a [`NameType::Native`] name) and
//! `INDIVIDUAL_ALIAS` (`QUALITY` Good / Low / a.k.a. / f.k.a., `ALIAS_NAME`); `ENTITIES/ENTITY`
//! records have their name in `FIRST_NAME` and aliases in `ENTITY_ALIAS`. Read as a stream.

use std::collections::HashSet;
use std::io::{BufRead, Read};

use quick_xml::events::Event;

use super::ofac_csv::{make_name, new_entity, push_name};
pub use super::ofac_csv::{LoadReport, ReadError};
use crate::model::{Address, Entity, EntityKind, Identifier, NameQuality, NameType, SourceInfo};

#[derive(Default)]
struct Rec {
    kind: EntityKind,
    dataid: Option<String>,
    reference: Option<String>,
    names: [Option<String>; 4],
    original: Vec<String>,
    list_type: Option<String>,
    listed_on: Option<String>,
    comments: Option<String>,
    aliases: Vec<(Option<String>, String)>,
    alias_quality: Option<String>,
    alias_name: Option<String>,
    nationalities: Vec<String>,
    addresses: Vec<Address>,
    address: Address,
    address_country: Option<String>,
    countries: Vec<String>,
    dob: Vec<String>,
    dob_part: Vec<String>,
    doc_type: Option<String>,
    doc_number: Option<String>,
    docs: Vec<Identifier>,
}

fn xml_err(file: &str, position: u64, e: impl std::fmt::Display) -> ReadError {
    ReadError::Xml {
        file: file.into(),
        position,
        message: e.to_string(),
    }
}

/// Reads the UN consolidated XML. `file` labels errors and warnings.
pub fn read<R: Read>(reader: R, file: &str) -> Result<(Vec<Entity>, LoadReport), ReadError> {
    read_buf(std::io::BufReader::new(reader), file)
}

fn read_buf<R: BufRead>(reader: R, file: &str) -> Result<(Vec<Entity>, LoadReport), ReadError> {
    let mut xml = quick_xml::Reader::from_reader(reader);
    xml.config_mut().trim_text(true);
    let mut source = SourceInfo {
        name: "un".into(),
        date: None,
        origin: Some(file.into()),
    };
    let mut report = LoadReport::default();
    let mut out: Vec<Entity> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    let mut stack: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut rec: Option<Rec> = None;
    let mut buf = Vec::new();
    loop {
        let pos = xml.buffer_position();
        let ev = xml
            .read_event_into(&mut buf)
            .map_err(|e| xml_err(file, xml.error_position(), e))?;
        match ev {
            Event::Start(s) => {
                let name = String::from_utf8_lossy(s.name().as_ref()).into_owned();
                if name == "CONSOLIDATED_LIST" {
                    for a in s.attributes().flatten() {
                        if a.key.as_ref() == b"dateGenerated" {
                            source.date = Some(String::from_utf8_lossy(&a.value).into_owned());
                        }
                    }
                }
                if name == "INDIVIDUAL" || name == "ENTITY" {
                    report.rows += 1;
                    rec = Some(Rec {
                        kind: if name == "INDIVIDUAL" {
                            EntityKind::Person
                        } else {
                            EntityKind::Organization
                        },
                        ..Default::default()
                    });
                }
                stack.push(name);
                text.clear();
            }
            Event::Text(t) => {
                let s = t.unescape().map_err(|e| xml_err(file, pos, e))?;
                text.push_str(&s);
            }
            Event::CData(c) => text.push_str(&String::from_utf8_lossy(&c.into_inner())),
            Event::End(_) => {
                let name = stack.pop().unwrap_or_default();
                let parent = stack.last().map(String::as_str).unwrap_or("");
                let value = text.trim().to_string();
                text.clear();
                if let Some(r) = rec.as_mut() {
                    on_end(r, &name, parent, value);
                }
                if name == "INDIVIDUAL" || name == "ENTITY" {
                    if let Some(r) = rec.take() {
                        match build(r, &source) {
                            Ok(e) => {
                                if ids.insert(e.id.clone()) {
                                    out.push(e);
                                } else {
                                    report.skipped += 1;
                                    report.warn(
                                        file,
                                        0,
                                        format!("byte {pos}: duplicate id {}", e.id),
                                    );
                                }
                            }
                            Err(msg) => {
                                report.skipped += 1;
                                report.warn(file, 0, format!("byte {pos}: {msg}"));
                            }
                        }
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    for e in &mut out {
        e.source.date.clone_from(&source.date);
    }
    report.count(&out);
    Ok((out, report))
}

fn on_end(r: &mut Rec, name: &str, parent: &str, value: String) {
    let v = (!value.is_empty()).then_some(value);
    let is_record = parent == "INDIVIDUAL" || parent == "ENTITY";
    match (parent, name) {
        (_, "DATAID") if is_record => r.dataid = v,
        (_, "REFERENCE_NUMBER") if is_record => r.reference = v,
        (_, "FIRST_NAME") if is_record => r.names[0] = v,
        (_, "SECOND_NAME") if is_record => r.names[1] = v,
        (_, "THIRD_NAME") if is_record => r.names[2] = v,
        (_, "FOURTH_NAME") if is_record => r.names[3] = v,
        (_, "NAME_ORIGINAL_SCRIPT") if is_record => r.original.extend(v),
        (_, "UN_LIST_TYPE") if is_record => r.list_type = v,
        (_, "LISTED_ON") if is_record => r.listed_on = v,
        (_, "COMMENTS1") if is_record => r.comments = v,
        ("INDIVIDUAL_ALIAS" | "ENTITY_ALIAS", "QUALITY") => r.alias_quality = v,
        ("INDIVIDUAL_ALIAS" | "ENTITY_ALIAS", "ALIAS_NAME") => r.alias_name = v,
        (_, "INDIVIDUAL_ALIAS" | "ENTITY_ALIAS") => {
            let q = r.alias_quality.take();
            if let Some(n) = r.alias_name.take() {
                r.aliases.push((q, n));
            }
        }
        ("NATIONALITY", "VALUE") => r.nationalities.extend(v),
        ("INDIVIDUAL_ADDRESS" | "ENTITY_ADDRESS", "STREET") => r.address.street = v,
        ("INDIVIDUAL_ADDRESS" | "ENTITY_ADDRESS", "CITY") => r.address.city = v,
        ("INDIVIDUAL_ADDRESS" | "ENTITY_ADDRESS", "STATE_PROVINCE") => r.address.region = v,
        ("INDIVIDUAL_ADDRESS" | "ENTITY_ADDRESS", "ZIP_CODE") => r.address.postal_code = v,
        ("INDIVIDUAL_ADDRESS" | "ENTITY_ADDRESS", "COUNTRY") => r.address_country = v,
        (_, "INDIVIDUAL_ADDRESS" | "ENTITY_ADDRESS") => {
            let a = std::mem::take(&mut r.address);
            if let Some(c) = r.address_country.take() {
                if !r.countries.contains(&c) {
                    r.countries.push(c);
                }
            }
            if a != Address::default() {
                r.addresses.push(a);
            }
        }
        ("INDIVIDUAL_DATE_OF_BIRTH", "DATE" | "YEAR" | "FROM_YEAR" | "TO_YEAR") => {
            r.dob_part.extend(v)
        }
        (_, "INDIVIDUAL_DATE_OF_BIRTH") if !r.dob_part.is_empty() => {
            let d = r.dob_part.join("-");
            r.dob.push(d);
            r.dob_part.clear();
        }
        ("INDIVIDUAL_DOCUMENT", "TYPE_OF_DOCUMENT") => r.doc_type = v,
        ("INDIVIDUAL_DOCUMENT", "NUMBER") => r.doc_number = v,
        (_, "INDIVIDUAL_DOCUMENT") => {
            let kind = r.doc_type.take().unwrap_or_else(|| "document".into());
            if let Some(value) = r.doc_number.take() {
                r.docs.push(Identifier {
                    kind,
                    value,
                    country: None,
                });
            }
        }
        _ => {}
    }
}

fn build(r: Rec, source: &SourceInfo) -> Result<Entity, String> {
    let id_part = r
        .reference
        .clone()
        .or_else(|| r.dataid.clone())
        .ok_or("record without REFERENCE_NUMBER or DATAID")?;
    let primary: Vec<&str> = r.names.iter().flatten().map(String::as_str).collect();
    if primary.is_empty() {
        return Err(format!("record {id_part} without a name"));
    }
    let mut e = new_entity(format!("un:{id_part}"), r.kind, source);
    e.names.push(make_name(
        &primary.join(" "),
        NameType::Primary,
        NameQuality::Strong,
    ));
    for (q, n) in r.aliases {
        let (ty, quality) = match q.as_deref().map(str::to_ascii_lowercase).as_deref() {
            Some("low") => (NameType::Aka, NameQuality::Weak),
            Some("f.k.a.") => (NameType::Fka, NameQuality::Strong),
            _ => (NameType::Aka, NameQuality::Strong),
        };
        push_name(&mut e, make_name(&n, ty, quality));
    }
    for o in r.original {
        push_name(&mut e, make_name(&o, NameType::Native, NameQuality::Strong));
    }
    e.programs.extend(r.list_type);
    e.addresses = r.addresses;
    e.identifiers = r.docs;
    if let Some(d) = r.dataid {
        e.identifiers.push(Identifier {
            kind: "un_dataid".into(),
            value: d,
            country: None,
        });
    }
    e.dates
        .extend(r.dob.into_iter().map(|d| ("birth".to_string(), d)));
    e.dates
        .extend(r.listed_on.map(|d| ("listed".to_string(), d)));
    e.remarks.extend(r.comments);
    e.properties.extend(
        r.nationalities
            .into_iter()
            .map(|n| ("nationality".to_string(), n)),
    );
    e.properties
        .extend(r.countries.into_iter().map(|n| ("country".to_string(), n)));
    Ok(e)
}

// ---------------------------------------------------------------------------------------------
// Path helper (the only function here that opens a file).
// ---------------------------------------------------------------------------------------------

/// Opens and reads a UN consolidated XML file.
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
    use crate::model::Script;

    const FIXTURE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z">
 <INDIVIDUALS>
  <INDIVIDUAL>
   <DATAID>1</DATAID>
   <FIRST_NAME>OMAR</FIRST_NAME><SECOND_NAME>AL-FARSI</SECOND_NAME><THIRD_NAME>HASSAN</THIRD_NAME>
   <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
   <REFERENCE_NUMBER>QDi.900</REFERENCE_NUMBER>
   <NAME_ORIGINAL_SCRIPT>عمر الفارسي</NAME_ORIGINAL_SCRIPT>
   <NATIONALITY><VALUE>Yemen</VALUE></NATIONALITY>
   <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Abu Omar</ALIAS_NAME></INDIVIDUAL_ALIAS>
   <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>The Teacher</ALIAS_NAME></INDIVIDUAL_ALIAS>
   <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>
   <INDIVIDUAL_ADDRESS><CITY>Sana'a</CITY><COUNTRY>Yemen</COUNTRY></INDIVIDUAL_ADDRESS>
   <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1970</YEAR></INDIVIDUAL_DATE_OF_BIRTH>
  </INDIVIDUAL>
 </INDIVIDUALS>
 <ENTITIES>
  <ENTITY>
   <DATAID>2</DATAID>
   <FIRST_NAME>SUNRISE &amp; SONS TRADING</FIRST_NAME>
   <REFERENCE_NUMBER>QDe.900</REFERENCE_NUMBER>
   <ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>Sunrise Trading</ALIAS_NAME></ENTITY_ALIAS>
  </ENTITY>
 </ENTITIES>
</CONSOLIDATED_LIST>"#;

    #[test]
    fn reads_individuals_and_entities() {
        let (es, rep) = read(FIXTURE.as_bytes(), "un.xml").unwrap();
        assert_eq!(es.len(), 2, "{rep:?}");
        let p = &es[0];
        assert_eq!(p.id, "un:QDi.900");
        assert_eq!(p.primary_name(), "OMAR AL-FARSI HASSAN");
        assert_eq!(p.names.len(), 4);
        assert_eq!(p.names[2].quality, NameQuality::Weak);
        assert_eq!(p.names[3].name_type, NameType::Native);
        assert_eq!(p.names[3].script, Script::Arabic);
        assert_eq!(p.addresses[0].city.as_deref(), Some("Sana'a"));
        assert_eq!(p.dates[0], ("birth".to_string(), "1970".to_string()));
        assert_eq!(p.source.date.as_deref(), Some("2026-01-01T00:00:00Z"));
        let o = &es[1];
        assert_eq!(o.kind, EntityKind::Organization);
        assert_eq!(o.primary_name(), "SUNRISE & SONS TRADING");
        assert_eq!(o.names[1].name_type, NameType::Fka);
        assert_eq!(rep.names, 6);
    }

    #[test]
    fn malformed_xml_is_an_error() {
        let e = read(
            "<CONSOLIDATED_LIST><INDIVIDUALS></ENTITIES>".as_bytes(),
            "un.xml",
        )
        .unwrap_err();
        assert!(matches!(e, ReadError::Xml { .. }), "{e}");
    }
}
