//! The marker line CPython 3.11 prints under a traceback's source line (`^^^^`, or
//! `~~~^~~~` for a binary operation or a subscript), from an instruction's
//! [`Position`]: `traceback.StackSummary.format_frame_summary` in Rust, so that the
//! VM's own traceback printer and the `traceback` module print the same thing.
//!
//! East Asian widths come from `unicode-width` (wide and full-width characters: two
//! columns), as CPython's `unicodedata.east_asian_width` in "WF".

use crate::code::Position;
use rustpython_parser::ast::{self, Ranged};

/// Character offset of UTF-8 byte offset `byte` in `s` (CPython's
/// `_byte_offset_to_character_offset`; an offset inside a character counts it).
fn char_offset(s: &str, byte: usize) -> usize {
    let byte = byte.min(s.len());
    let mut n = 0;
    for (i, _) in s.char_indices() {
        if i >= byte {
            break;
        }
        n += 1;
    }
    n
}

/// Which of CPython's two copies of the rules: the interpreter's own traceback
/// printer (C, `Python/traceback.c`) or the `traceback` module's (Python). They differ
/// only in where a binary operator is found after non-ASCII text (C counts bytes
/// throughout; the module mixes byte and character offsets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flavor {
    Interpreter,
    Module,
}

/// CPython's `_extract_caret_anchors_from_line_segment`: for a segment that is one
/// binary operation or subscript, the character offsets (in `segment`) where the
/// operator or the brackets start and end.
pub fn anchors(segment: &str, flavor: Flavor) -> Option<(usize, usize)> {
    let parsed = rustpython_parser::parse(segment, rustpython_parser::Mode::Module, "<segment>");
    let body = match parsed.ok()? {
        ast::Mod::Module(m) => m.body,
        _ => return None,
    };
    let [ast::Stmt::Expr(e)] = &body[..] else {
        return None;
    };
    let chars: Vec<char> = segment.chars().collect();
    let norm = |b: u32| char_offset(segment, b as usize);
    match &*e.value {
        ast::Expr::BinOp(b) if flavor == Flavor::Interpreter => {
            let bytes = segment.as_bytes();
            let (from, to) = (
                b.left.range().end().to_usize(),
                b.right.range().start().to_usize(),
            );
            let mut found = None;
            let mut i = from;
            while i < to {
                if bytes[i].is_ascii_whitespace() {
                    i += 1;
                    continue;
                }
                let mut right = i + 1;
                if i + 1 < to && !bytes[i + 1].is_ascii_whitespace() {
                    right += 1;
                }
                found = Some((i, right));
                if i + 1 < to && bytes[i] == b')' {
                    i += 1;
                    continue;
                }
                break;
            }
            let (l, r) = found?;
            Some((norm(l as u32), norm(r as u32)))
        }
        ast::Expr::BinOp(b) => {
            let left_end = b.left.range().end().to_u32();
            let op_start = norm(left_end);
            let op_end = norm(b.right.range().start().to_u32());
            let op: &[char] = chars.get(op_start..op_end.max(op_start)).unwrap_or(&[]);
            let offset = op.iter().take_while(|c| c.is_whitespace()).count();
            // As CPython's module: a byte offset, then used as a character index.
            let mut left = left_end as usize + offset;
            let mut right = left + 1;
            if offset + 1 < op.len() && !op[offset + 1].is_whitespace() {
                right += 1;
            }
            while left < chars.len() {
                let ch = chars[left];
                if ch.is_whitespace() || ch == ')' || ch == '#' {
                    left += 1;
                    right += 1;
                } else {
                    break;
                }
            }
            Some((norm(left as u32), norm(right as u32)))
        }
        ast::Expr::Subscript(s) => {
            let mut left = norm(s.value.range().end().to_u32());
            let mut right = norm(s.slice.range().end().to_u32() + 1);
            while left < chars.len() && (chars[left].is_whitespace() || chars[left] != '[') {
                left += 1;
            }
            while right < chars.len() && (chars[right].is_whitespace() || chars[right] != ']') {
                right += 1;
            }
            if right < chars.len() {
                right += 1;
            }
            Some((left, right))
        }
        _ => None,
    }
}

/// CPython's `_display_width`: columns of the first `chars` characters of `s`, East
/// Asian wide and full-width characters counting two.
pub fn display_width(s: &str, chars: usize) -> usize {
    s.chars()
        .take(chars)
        .map(|c| match unicode_width::UnicodeWidthChar::width(c) {
            Some(2) => 2,
            _ => 1,
        })
        .sum()
}

/// The source line a traceback prints for `line` (without its newline): the
/// interpreter strips the indentation, the `traceback` module both ends.
pub fn shown_line(line: &str, flavor: Flavor) -> &str {
    match flavor {
        Flavor::Interpreter => line.trim_start_matches([' ', '\t', '\x0c']),
        Flavor::Module => line.trim(),
    }
}

/// The marker line for source line `line` (without its newline) of an instruction at
/// `pos`, including the 4-space margin and the newline; None where CPython prints
/// none (no columns, or the markers would span the whole line shown).
pub fn caret_line(line: &str, pos: &Position, flavor: Flavor) -> Option<String> {
    let shown = shown_line(line, flavor);
    if shown.is_empty() {
        return None;
    }
    let shown_len = shown.chars().count();
    let line_len = line.chars().count();
    let start = char_offset(line, pos.col as usize);
    let mut end = char_offset(line, pos.end_col as usize);
    let mut found = None;
    if pos.line == pos.end_line {
        let segment: String = line
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        found = anchors(&segment, flavor);
    } else {
        end = line.trim_end().chars().count();
    }
    let show = match flavor {
        Flavor::Interpreter => end.saturating_sub(start) != shown_len || found.is_some(),
        Flavor::Module => {
            end.saturating_sub(start) < shown_len || found.is_some_and(|(l, r)| r > l)
        }
    };
    if !show {
        return None;
    }
    let dp_start = display_width(line, start);
    let dp_end = display_width(line, end);
    // Columns cut from the front of the line as printed.
    let cut = match flavor {
        Flavor::Interpreter => display_width(line, line_len - shown_len),
        // `traceback` counts the whitespace cut from both ends and the newline.
        Flavor::Module => line_len + 1 - shown_len,
    };
    let indent = match flavor {
        Flavor::Interpreter => dp_start.saturating_sub(cut),
        Flavor::Module => (dp_start + 1).saturating_sub(cut),
    };
    let mut out = String::from("    ");
    out.push_str(&" ".repeat(indent));
    let width = dp_end.saturating_sub(dp_start);
    match found {
        Some((l, r)) => {
            let segment: String = line.chars().skip(start).collect();
            let (dl, dr) = (display_width(&segment, l), display_width(&segment, r));
            out.push_str(&"~".repeat(dl));
            out.push_str(&"^".repeat(dr.saturating_sub(dl)));
            out.push_str(&"~".repeat(width.saturating_sub(dr)));
        }
        None => out.push_str(&"^".repeat(width)),
    }
    out.push('\n');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(col: u32, end_col: u32) -> Position {
        Position {
            line: 1,
            end_line: 1,
            col,
            end_col,
        }
    }

    #[test]
    fn binary_op_and_subscript() {
        for f in [Flavor::Interpreter, Flavor::Module] {
            assert_eq!(anchors("1 + 'a'", f), Some((2, 3)));
            assert_eq!(anchors("3 // 0", f), Some((2, 4)));
            assert_eq!(anchors("(1) +  'a'", f), Some((4, 5)));
            assert_eq!(anchors("d['a'][5]", f), Some((6, 9)));
            assert_eq!(anchors("o.foo", f), None);
        }
        let line = "    y = d['a'][5]";
        assert_eq!(
            caret_line(line, &pos(8, 17), Flavor::Interpreter).as_deref(),
            Some("        ~~~~~~^^^\n")
        );
    }

    #[test]
    fn whole_line_is_not_marked() {
        assert_eq!(caret_line("int('x')", &pos(0, 8), Flavor::Module), None);
        assert_eq!(
            caret_line("y = int('x')", &pos(4, 12), Flavor::Module).as_deref(),
            Some("        ^^^^^^^^\n")
        );
    }
}
