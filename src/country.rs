//! Country codes (placeholder until the table lands).
/// ISO alpha-2 code of a code or English country name.
pub fn country_code(s: &str) -> Option<&'static str> {
    let _ = s;
    None
}
