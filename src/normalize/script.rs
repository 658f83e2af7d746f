//! Per-character script classification.

use super::Script;

/// The script of one character, `None` for characters that are not letters of any script
/// (digits, punctuation, symbols, marks).
pub(crate) fn script_of(c: char) -> Option<Script> {
    let u = c as u32;
    if c.is_ascii() {
        return if c.is_ascii_alphabetic() {
            Some(Script::Latin)
        } else {
            None
        };
    }
    if !c.is_alphanumeric() {
        return None;
    }
    let s = match u {
        0x00C0..=0x024F
        | 0x0250..=0x02AF
        | 0x1D00..=0x1DBF
        | 0x1E00..=0x1EFF
        | 0x2C60..=0x2C7F
        | 0xA720..=0xA7FF
        | 0xAB30..=0xAB6F
        | 0xFB00..=0xFB06
        | 0xFF21..=0xFF5A => Script::Latin,
        0x00AA | 0x00BA => Script::Latin,
        0x0370..=0x03FF | 0x1F00..=0x1FFF => Script::Greek,
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0590..=0x05FF | 0xFB1D..=0xFB4F => Script::Hebrew,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x0870..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        0x1100..=0x11FF | 0x3130..=0x318F | 0xA960..=0xA97F | 0xAC00..=0xD7FF => Script::Hangul,
        0x2E80..=0x2FDF
        | 0x3005..=0x3007
        | 0x3021..=0x3029
        | 0x3038..=0x303B
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xF900..=0xFAFF
        | 0x20000..=0x3FFFF => Script::Han,
        _ => Script::Other,
    };
    Some(s)
}

/// Index of a script in a counting array.
pub(crate) fn script_index(s: Script) -> usize {
    match s {
        Script::Latin => 0,
        Script::Cyrillic => 1,
        Script::Greek => 2,
        Script::Han => 3,
        Script::Arabic => 4,
        Script::Hebrew => 5,
        Script::Hangul => 6,
        Script::Other => 7,
    }
}

/// The inverse of [`script_index`].
pub(crate) const SCRIPTS: [Script; 8] = [
    Script::Latin,
    Script::Cyrillic,
    Script::Greek,
    Script::Han,
    Script::Arabic,
    Script::Hebrew,
    Script::Hangul,
    Script::Other,
];
