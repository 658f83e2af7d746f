//! The `interdict` binary, end to end: `screen` and `batch`.
#![cfg(feature = "cli")]

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_interdict");
const OWN_LIST: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/own_list.csv");

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the interdict binary runs")
}

fn ok(args: &[&str]) -> Output {
    let out = run(args);
    assert!(
        out.status.success(),
        "interdict {args:?} failed: {}\nstderr: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn jsonl(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("bad JSONL {l:?}: {e}")))
        .collect()
}

#[test]
fn screen_builtin_list_prints_a_table() {
    let out = ok(&["screen", "Hikvision"]);
    let text = stdout(&out);
    assert!(text.contains("HIKVISION"), "{text}");
    assert!(text.contains("seed:hikvision"), "{text}");
}

#[test]
fn screen_json_native_script() {
    let out = ok(&["screen", "--json", "海康威视"]);
    let v: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(v["name"], "海康威视");
    let top = &v["hits"][0];
    assert_eq!(top["entity_id"], "seed:hikvision", "{v:#}");
    let score = top["score"].as_f64().expect("score");
    assert!((0.8..=1.0).contains(&score), "{score}");
    let tokens = top["explanation"]["tokens"].as_array().expect("tokens");
    assert!(!tokens.is_empty(), "{v:#}");
    for t in tokens {
        assert!(t["query"].is_string() && t["how"].is_string(), "{t}");
        assert_ne!(t["how"], "unmatched", "{t}");
    }
}

#[test]
fn screen_own_csv_list() {
    let list = format!("csv={OWN_LIST}");
    let out = ok(&[
        "screen",
        "--json",
        "--list",
        &list,
        "Lakeview Sensor Components Co., Ltd.",
    ]);
    let v: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(v["hits"][0]["entity_id"], "csv:C-002", "{v:#}");
    // Only the given list: nothing from the built-in one.
    for h in v["hits"].as_array().unwrap() {
        assert!(h["entity_id"].as_str().unwrap().starts_with("csv:"), "{h}");
    }
    // The Cyrillic row of C-001 is an alias of the same entity.
    let out = ok(&["screen", "--json", "--list", &list, "Severny Optika"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["hits"][0]["entity_id"], "csv:C-001", "{v:#}");
}

#[test]
fn bad_list_spec_is_an_error() {
    let out = run(&["screen", "--list", "nope=x", "Hikvision"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nope"), "{err}");
    assert!(err.contains("csv"), "should list the valid kinds: {err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn missing_list_file_is_an_error() {
    let out = run(&["screen", "--list", "csv=/no/such.csv", "Hikvision"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("/no/such.csv"), "{err}");
    assert!(out.stdout.is_empty());
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_str().unwrap().to_string()
}

const JSONL_INPUT: &str = r#"{"id":"r1","name":"Wuhan Global Sensor Technology Co., Ltd.","type":"organization","country":"CN"}
{"id":"r2","country":"CN"}
this is not json
  
{"id":"r4","name":"Hikvision","type":"spaceship"}
{"id":"r5","name":"Acme Bakery","country":"US"}
{"id":6,"name":"Wuhan Tongsheng Technology"}
"#;

#[test]
fn batch_jsonl_to_jsonl() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "in.jsonl", JSONL_INPUT);
    let out = ok(&["batch", "--input", &input]);
    let recs = jsonl(&stdout(&out));
    assert_eq!(
        recs.len(),
        6,
        "one line per record, blank lines skipped: {recs:#?}"
    );
    for r in &recs {
        let o = r.as_object().expect("an object");
        for k in ["id", "name", "hits", "error"] {
            assert!(o.contains_key(k), "missing {k}: {r}");
        }
        assert!(r["hits"].is_array());
    }
    let ids: Vec<Value> = recs.iter().map(|r| r["id"].clone()).collect();
    assert_eq!(
        ids,
        [
            Value::from("r1"),
            Value::from("r2"),
            Value::Null,
            Value::from("r4"),
            Value::from("r5"),
            Value::from("6"),
        ],
        "input order"
    );
    // r1: a hit on Wuhan Global Sensor.
    assert!(recs[0]["error"].is_null(), "{}", recs[0]);
    assert_eq!(
        recs[0]["hits"][0]["entity_id"], "seed:wuhan-global-sensor-technology",
        "{}",
        recs[0]
    );
    // r2: no name.
    let e = recs[1]["error"]
        .as_str()
        .expect("error for a record with no name");
    assert!(e.contains("name"), "{e}");
    assert_eq!(recs[1]["hits"], Value::Array(vec![]));
    // Unparsable line.
    let e = recs[2]["error"].as_str().expect("error for a bad line");
    assert!(e.contains("line 3"), "{e}");
    // Bad type: error, not screened.
    let e = recs[3]["error"].as_str().expect("error for a bad type");
    assert!(e.contains("spaceship") && e.contains("line 5"), "{e}");
    assert_eq!(recs[3]["hits"], Value::Array(vec![]));
    // Good rows without errors.
    assert!(recs[4]["error"].is_null());
    assert!(
        recs[4]["hits"].as_array().unwrap().is_empty(),
        "{}",
        recs[4]
    );
    assert!(recs[5]["error"].is_null());
    assert_eq!(
        recs[5]["hits"][0]["entity_id"],
        "seed:wuhan-tongsheng-technology"
    );
}

#[test]
fn batch_csv_to_csv() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(
        dir.path(),
        "in.csv",
        "id,name,type,country\n\
         a1,Hikvision,organization,CN\n\
         a2,,organization,CN\n\
         a3,\"Wuhan Tongsheng Technology Co., Ltd.\",,CN\n\
         a4,Acme Bakery,,US\n",
    );
    let output = dir.path().join("out.csv");
    ok(&[
        "batch",
        "--input",
        &input,
        "--output",
        output.to_str().unwrap(),
        "--format",
        "csv",
    ]);
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_path(&output)
        .unwrap();
    let headers = rdr.headers().unwrap().clone();
    let col = |n: &str| {
        headers
            .iter()
            .position(|h| h == n)
            .unwrap_or_else(|| panic!("no {n} column: {headers:?}"))
    };
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 4, "{rows:?}");
    let (id, name, top, err, hits) = (
        col("id"),
        col("name"),
        col("top_entity_id"),
        col("error"),
        col("hits_json"),
    );
    assert_eq!(
        rows.iter().map(|r| &r[id]).collect::<Vec<_>>(),
        ["a1", "a2", "a3", "a4"]
    );
    assert_eq!(&rows[0][top], "seed:hikvision");
    assert_eq!(&rows[0][err], "");
    assert!(rows[1][err].contains("name"), "{:?}", &rows[1]);
    assert_eq!(&rows[2][name], "Wuhan Tongsheng Technology Co., Ltd.");
    assert_eq!(&rows[2][top], "seed:wuhan-tongsheng-technology");
    assert_eq!(&rows[3][top], "");
    for r in &rows {
        let v: Value = serde_json::from_str(&r[hits]).expect("hits_json is JSON");
        assert!(v.is_array());
    }
}

fn many_records(n: usize) -> String {
    let names = [
        "Hikvision",
        "WUHAN GLOBAL SENSOR TECH CO LTD",
        "海康威视",
        "Wuhan Tongshen Technology",
        "iRay Technology",
        "Acme Bakery",
        "North China Research Institute of Electro-Optics",
        "Уханьская глобальная сенсорная технология",
    ];
    let mut s = String::new();
    for i in 0..n {
        s.push_str(
            &serde_json::json!({"id": format!("q{i}"), "name": names[i % names.len()]}).to_string(),
        );
        s.push('\n');
    }
    s
}

#[test]
fn batch_resume_completes_a_truncated_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "in.jsonl", &many_records(12));
    let full = dir.path().join("full.jsonl");
    let part = dir.path().join("part.jsonl");
    for p in [&full, &part] {
        ok(&[
            "batch",
            "--input",
            &input,
            "--output",
            p.to_str().unwrap(),
            "--threads",
            "1",
        ]);
    }
    let full_text = std::fs::read_to_string(&full).unwrap();
    assert_eq!(full_text.lines().count(), 12);
    // Keep two lines and half of the third.
    let lines: Vec<&str> = full_text.split_inclusive('\n').collect();
    let third = lines[2];
    let cut = third
        .char_indices()
        .nth(third.chars().count() / 2)
        .unwrap()
        .0;
    let truncated = format!("{}{}{}", lines[0], lines[1], &third[..cut]);
    std::fs::write(&part, &truncated).unwrap();
    let out = ok(&[
        "batch",
        "--input",
        &input,
        "--output",
        part.to_str().unwrap(),
        "--threads",
        "1",
        "--resume",
    ]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("resuming after 2"), "{err}");
    let part_text = std::fs::read_to_string(&part).unwrap();
    assert_eq!(jsonl(&part_text), jsonl(&full_text));
    assert_eq!(part_text, full_text);
}

#[test]
fn batch_resume_csv_output() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "in.jsonl", &many_records(9));
    let full = dir.path().join("full.csv");
    let part = dir.path().join("part.csv");
    for p in [&full, &part] {
        ok(&[
            "batch",
            "--input",
            &input,
            "--output",
            p.to_str().unwrap(),
            "--format",
            "csv",
        ]);
    }
    let full_text = std::fs::read_to_string(&full).unwrap();
    let lines: Vec<&str> = full_text.split_inclusive('\n').collect();
    assert_eq!(lines.len(), 10, "header + 9 rows");
    let third = lines[2];
    let cut = third
        .char_indices()
        .nth(third.chars().count() / 2)
        .unwrap()
        .0;
    std::fs::write(&part, format!("{}{}{}", lines[0], lines[1], &third[..cut])).unwrap();
    ok(&[
        "batch",
        "--input",
        &input,
        "--output",
        part.to_str().unwrap(),
        "--format",
        "csv",
        "--resume",
    ]);
    assert_eq!(std::fs::read_to_string(&part).unwrap(), full_text);
}

#[test]
fn batch_output_does_not_depend_on_threads() {
    let dir = tempfile::tempdir().unwrap();
    let input = write(dir.path(), "in.jsonl", &many_records(400));
    let one = ok(&["batch", "--input", &input, "--threads", "1"]);
    let two = ok(&["batch", "--input", &input, "--threads", "2"]);
    let a = stdout(&one);
    assert_eq!(a.lines().count(), 400);
    assert!(a.contains("seed:hikvision"));
    assert_eq!(a, stdout(&two));
}
