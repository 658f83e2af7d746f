//! Human-readable output of hits.

use std::io::{self, Write};

use interdict::score::How;
use interdict::screen::Hit;

/// Prints hits as a readable table with one explanation block per hit.
pub fn table(out: &mut impl Write, name: &str, hits: &[Hit], threshold: f64) -> io::Result<()> {
    if hits.is_empty() {
        writeln!(out, "no hits for \"{name}\" at threshold {threshold:.2}")?;
        return Ok(());
    }
    writeln!(
        out,
        "{} hit(s) for \"{name}\" (threshold {threshold:.2})",
        hits.len()
    )?;
    for (i, h) in hits.iter().enumerate() {
        writeln!(out)?;
        writeln!(
            out,
            "{:>2}. {:.3}  {}  [{}]  {}",
            i + 1,
            h.score,
            h.entity_name,
            h.kind,
            h.entity_id
        )?;
        let mut place = Vec::new();
        if !h.cities.is_empty() {
            place.push(h.cities.join(", "));
        }
        if !h.countries.is_empty() {
            place.push(h.countries.join(", "));
        }
        if !place.is_empty() {
            writeln!(out, "     where:   {}", place.join(" / "))?;
        }
        let e = &h.explanation;
        writeln!(
            out,
            "     matched: {} ({}, {})",
            h.matched_name,
            serde_plain(&e.name_type),
            e.name_script.as_str()
        )?;
        for t in &e.tokens {
            let how = match t.how {
                How::Typo => format!(
                    "typo ({} edit{})",
                    t.edits,
                    if t.edits == 1 { "" } else { "s" }
                ),
                other => serde_plain(&other),
            };
            match &t.matched {
                Some(m) => writeln!(
                    out,
                    "       {:<22} → {:<22} {} {:.2}",
                    t.query, m, how, t.similarity
                )?,
                None => writeln!(
                    out,
                    "       {:<22} ✗ unmatched (weight {:.2})",
                    t.query, t.weight
                )?,
            }
        }
        if !e.unmatched.is_empty() {
            writeln!(out, "       not in query: {}", e.unmatched.join(" "))?;
        }
        for a in &e.adjustments {
            writeln!(out, "       {}: {} (×{:.2})", a.reason, a.detail, a.factor)?;
        }
    }
    Ok(())
}

fn serde_plain<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
