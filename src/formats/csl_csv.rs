//! US Consolidated Screening List (trade.gov CSL) CSV.
//!
//! Columns are mapped by header name (the 2019 layout lacks `_id`). Multi-valued fields are
//! `;`-separated; each address ends with the ISO-2 country code. The source list (e.g. "Entity
//! List (EL) - Bureau of Industry and Security") is kept as the `source_list` property. A repeated
//! header row is skipped with a warning; a row with fewer fields than the header (a truncated
//! last row) is skipped with a warning naming its line.

use std::collections::HashMap;
use std::io::Read;

use super::ofac_csv::{csv_error, make_name, new_entity, push_name};
pub use super::ofac_csv::{LoadReport, ReadError};
use crate::model::{Address, Entity, EntityKind, NameQuality, NameType, SourceInfo};

fn split_multi(s: &str) -> impl Iterator<Item = &str> {
    s.split(';').map(str::trim).filter(|v| !v.is_empty())
}

/// Parses one CSL address: the trailing ISO-2 code becomes the country.
fn parse_address(s: &str) -> Address {
    let parts: Vec<&str> = s
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let (country, rest) = match parts.split_last() {
        Some((last, rest)) if last.len() == 2 && last.chars().all(|c| c.is_ascii_uppercase()) => {
            (Some(last.to_string()), rest)
        }
        _ => (None, &parts[..]),
    };
    Address {
        street: (!rest.is_empty()).then(|| rest.join(", ")),
        city: None,
        region: None,
        postal_code: None,
        country,
    }
}

/// A short stable hash (FNV-1a) for rows with neither `_id` nor `entity_number`.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100000001b3)
    })
}

/// Reads a CSL CSV from decompressed bytes. `file` labels errors and warnings.
pub fn read<R: Read>(reader: R, file: &str) -> Result<(Vec<Entity>, LoadReport), ReadError> {
    let source = SourceInfo {
        name: "csl".into(),
        date: None,
        origin: Some(file.into()),
    };
    let mut rdr = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let headers = rdr.headers().map_err(|e| csv_error(file, e))?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim().trim_start_matches('\u{feff}') == name)
    };
    let c_name = col("name").ok_or_else(|| ReadError::MissingColumn {
        file: file.into(),
        field: "name".into(),
    })?;
    let c_source = col("source");
    let c_id = col("_id");
    let c_num = col("entity_number");
    let c_type = col("type");
    let c_programs = col("programs");
    let c_title = col("title");
    let c_addresses = col("addresses");
    let c_alt = col("alt_names");
    let c_cit = col("citizenships");
    let c_nat = col("nationalities");
    let c_dob = col("dates_of_birth");
    let c_remarks = col("remarks");
    let c_ids = col("ids");
    let c_start = col("start_date");

    let mut report = LoadReport::default();
    let mut out: Vec<Entity> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut rec = csv::StringRecord::new();
    while rdr.read_record(&mut rec).map_err(|e| csv_error(file, e))? {
        let line = rec.position().map(|p| p.line()).unwrap_or(0);
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        report.rows += 1;
        if rec.len() < headers.len() {
            report.skipped += 1;
            report.warn(
                file,
                line,
                format!(
                    "truncated row ({} of {} fields) skipped",
                    rec.len(),
                    headers.len()
                ),
            );
            continue;
        }
        if rec.get(c_name).map(str::trim) == Some("name")
            && c_source.and_then(|c| rec.get(c)).map(str::trim) == Some("source")
        {
            report.skipped += 1;
            report.warn(file, line, "repeated header row skipped");
            continue;
        }
        let get = |c: Option<usize>| -> Option<String> {
            let v = rec.get(c?)?.trim();
            (!v.is_empty()).then(|| v.to_string())
        };
        let Some(name) = get(Some(c_name)) else {
            report.skipped += 1;
            report.warn(file, line, "row without a name skipped");
            continue;
        };
        let source_list = get(c_source);
        let key = get(c_id).or_else(|| get(c_num)).unwrap_or_else(|| {
            format!(
                "h{:016x}",
                fnv(&format!("{}|{name}", source_list.as_deref().unwrap_or("")))
            )
        });
        let id = format!("csl:{key}");
        let kind = match get(c_type).map(|t| t.to_ascii_lowercase()).as_deref() {
            Some("individual") => EntityKind::Person,
            Some("entity") => EntityKind::Organization,
            Some("vessel") => EntityKind::Vessel,
            Some("aircraft") => EntityKind::Aircraft,
            _ => EntityKind::Unknown,
        };
        let i = match index.get(&id) {
            Some(&i) => {
                report.warn(
                    file,
                    line,
                    format!("repeated id {id}: names merged into the first row"),
                );
                i
            }
            None => {
                let mut e = new_entity(id.clone(), kind, &source);
                e.names
                    .push(make_name(&name, NameType::Primary, NameQuality::Strong));
                out.push(e);
                index.insert(id, out.len() - 1);
                out.len() - 1
            }
        };
        let e = &mut out[i];
        push_name(e, make_name(&name, NameType::Aka, NameQuality::Strong));
        if let Some(alt) = get(c_alt) {
            for a in split_multi(&alt) {
                push_name(e, make_name(a, NameType::Aka, NameQuality::Strong));
            }
        }
        if let Some(s) = source_list {
            if !e
                .properties
                .iter()
                .any(|(k, v)| k == "source_list" && *v == s)
            {
                e.properties.push(("source_list".into(), s));
            }
        }
        if let Some(p) = get(c_programs) {
            for p in split_multi(&p) {
                if !e.programs.iter().any(|x| x == p) {
                    e.programs.push(p.to_string());
                }
            }
        }
        if let Some(a) = get(c_addresses) {
            for a in split_multi(&a) {
                let a = parse_address(a);
                if let Some(c) = &a.country {
                    if !e.countries.contains(c) {
                        e.countries.push(c.clone());
                    }
                }
                if !e.addresses.contains(&a) {
                    e.addresses.push(a);
                }
            }
        }
        for c in [c_cit, c_nat] {
            if let Some(v) = get(c) {
                for code in split_multi(&v) {
                    if code.len() == 2 && !e.countries.iter().any(|x| x == code) {
                        e.countries.push(code.to_string());
                    }
                }
            }
        }
        if let Some(d) = get(c_dob) {
            e.dates
                .extend(split_multi(&d).map(|d| ("birth".to_string(), d.to_string())));
        }
        if let Some(d) = get(c_start) {
            e.dates.push(("start".into(), d));
        }
        for (k, c) in [("title", c_title), ("ids", c_ids)] {
            if let Some(v) = get(c) {
                e.properties.push((k.into(), v));
            }
        }
        if let Some(r) = get(c_remarks) {
            e.remarks.push(r);
        }
    }
    report.count(&out);
    Ok((out, report))
}

// ---------------------------------------------------------------------------------------------
// Path helper (the only function here that opens a file).
// ---------------------------------------------------------------------------------------------

/// Opens and reads a CSL CSV file, decompressing it when the name ends with `.gz`.
pub fn load_file(path: &std::path::Path) -> Result<(Vec<Entity>, LoadReport), ReadError> {
    let label = path.display().to_string();
    let f = std::fs::File::open(path).map_err(|source| ReadError::Io {
        file: label.clone(),
        source,
    })?;
    let f = std::io::BufReader::new(f);
    if label.ends_with(".gz") {
        read(flate2::read::GzDecoder::new(f), &label)
    } else {
        read(f, &label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "_id,source,entity_number,type,programs,name,title,addresses,alt_names,citizenships,nationalities,ids\n";

    #[test]
    fn reads_rows_by_header_name() {
        let text = format!(
            "{HEADER}a1,Entity List (EL) - Bureau of Industry and Security,,,,Blue Harbor Electronics Co.,,\"5 Road, Shenzhen, CN; 9 Street, Hong Kong, HK\",Blue Harbour Electronics; BHE,,,\n\
             ,Specially Designated Nationals (SDN) - Treasury Department,777,Individual,IRAN; SDGT,\"DOE, Jane\",,,,IR,IR,\n"
        );
        let (es, rep) = read(text.as_bytes(), "csl.csv").unwrap();
        assert_eq!(es.len(), 2, "{rep:?}");
        let o = &es[0];
        assert_eq!(o.id, "csl:a1");
        assert_eq!(o.kind, EntityKind::Unknown);
        assert_eq!(o.names.len(), 3);
        assert_eq!(o.countries, vec!["CN", "HK"]);
        assert_eq!(o.addresses[0].street.as_deref(), Some("5 Road, Shenzhen"));
        assert!(o.properties.contains(&(
            "source_list".into(),
            "Entity List (EL) - Bureau of Industry and Security".into()
        )));
        let p = &es[1];
        assert_eq!(p.id, "csl:777");
        assert_eq!(p.kind, EntityKind::Person);
        assert_eq!(p.programs, vec!["IRAN", "SDGT"]);
        assert_eq!(p.countries, vec!["IR"]);
    }

    #[test]
    fn repeated_header_and_truncated_row_are_warnings() {
        let text = format!("{HEADER}{HEADER}a1,X,,,,Acme,,,,,,\na2,X,,,,Trunc,\"half");
        let (es, rep) = read(text.as_bytes(), "csl.csv").unwrap();
        assert_eq!(es.len(), 1);
        assert_eq!(rep.skipped, 2);
        assert!(
            rep.warnings[0].starts_with("csl.csv:2: repeated header"),
            "{:?}",
            rep.warnings
        );
        assert!(
            rep.warnings[1].starts_with("csl.csv:4: truncated"),
            "{:?}",
            rep.warnings
        );
    }

    #[test]
    fn gz_round_trip() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(format!("{HEADER}a1,X,,,,Acme,,,,,,\n").as_bytes())
            .unwrap();
        let gz = enc.finish().unwrap();
        let (es, _) = read(flate2::read::GzDecoder::new(&gz[..]), "x.csv.gz").unwrap();
        assert_eq!(es[0].primary_name(), "Acme");
    }
}
