//! Turning `rustpython-parser` errors into the messages CPython 3.11 prints.
//!
//! The parser reports little more than "unexpected token"; CPython's tokenizer and its
//! second, error-hunting parser pass say what is wrong. We recover the common cases from
//! the source text: unclosed, unmatched and mismatched brackets, unterminated strings, a
//! missing `:` after a compound statement header, a missing indented block (naming the
//! statement that wanted it), `print "x"`, and invalid characters.

use crate::error::CompileError;
use rustpython_parser::{lexer::LexicalErrorType, ParseError, ParseErrorType, Tok};

/// What a light tokenizer pass over the whole source found.
#[derive(Default)]
struct Scan {
    /// The first closing bracket that matches nothing or the wrong opener:
    /// (offset, message).
    bad_closer: Option<(usize, String)>,
    /// Brackets still open at the end: (offset, bracket).
    unclosed: Vec<(usize, char)>,
    /// The first unterminated string: (offset of its start, triple-quoted).
    unterminated: Option<(usize, bool)>,
}

fn line_of(source: &str, off: usize) -> usize {
    source[..off.min(source.len())].matches('\n').count() + 1
}

fn scan(source: &str) -> Scan {
    let b = source.as_bytes();
    let mut out = Scan::default();
    let mut stack: Vec<(usize, char)> = vec![];
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match c {
            b'#' => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
                continue;
            }
            b'\'' | b'"' => {
                // Include a string prefix (r, b, f, u and pairs) in the token start.
                let mut start = i;
                while start > 0
                    && i - start < 2
                    && matches!(
                        b[start - 1],
                        b'r' | b'R' | b'b' | b'B' | b'f' | b'F' | b'u' | b'U'
                    )
                {
                    start -= 1;
                }
                if start > 0 && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'_') {
                    start = i;
                }
                let triple = b.len() >= i + 3 && b[i + 1] == c && b[i + 2] == c;
                let mut j = if triple { i + 3 } else { i + 1 };
                let mut closed = false;
                while j < b.len() {
                    if b[j] == b'\\' {
                        j += 2;
                        continue;
                    }
                    if !triple && b[j] == b'\n' {
                        break;
                    }
                    if b[j] == c && (!triple || (j + 2 < b.len() && b[j + 1] == c && b[j + 2] == c))
                    {
                        j += if triple { 3 } else { 1 };
                        closed = true;
                        break;
                    }
                    j += 1;
                }
                if !closed {
                    out.unterminated.get_or_insert((start, triple));
                }
                i = j;
                continue;
            }
            b'(' | b'[' | b'{' => stack.push((i, c as char)),
            b')' | b']' | b'}' => {
                let want = match c {
                    b')' => '(',
                    b']' => '[',
                    _ => '{',
                };
                match stack.pop() {
                    None => {
                        out.bad_closer
                            .get_or_insert((i, format!("unmatched '{}'", c as char)));
                    }
                    Some((o, open)) if open != want => {
                        let mut msg = format!(
                            "closing parenthesis '{}' does not match opening parenthesis '{open}'",
                            c as char
                        );
                        if line_of(source, o) != line_of(source, i) {
                            msg.push_str(&format!(" on line {}", line_of(source, o)));
                        }
                        out.bad_closer.get_or_insert((i, msg));
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
        i += 1;
    }
    out.unclosed = stack;
    out
}

/// The text of the line containing `off`, and its start offset.
fn line_at(source: &str, off: usize) -> (usize, &str) {
    let off = off.min(source.len());
    let start = source[..off].rfind('\n').map(|i| i + 1).unwrap_or(0);
    let end = source[start..]
        .find('\n')
        .map(|i| start + i)
        .unwrap_or(source.len());
    (start, &source[start..end])
}

/// The last non-blank, non-comment line before the line starting at `line_start`:
/// (1-based line number, text).
fn previous_code_line(source: &str, line_start: usize) -> Option<(usize, &str)> {
    let before = &source[..line_start.min(source.len())];
    let lines: Vec<&str> = before.lines().collect();
    for (i, l) in lines.iter().enumerate().rev() {
        let t = l.trim();
        if !t.is_empty() && !t.starts_with('#') {
            return Some((i + 1, l));
        }
    }
    None
}

/// `line` without a trailing comment (strings are not considered: good enough for headers).
fn strip_comment(line: &str) -> &str {
    match line.find('#') {
        Some(i) if !line[..i].contains('\'') && !line[..i].contains('"') => &line[..i],
        _ => line,
    }
}

/// For a compound statement header, what CPython calls it in "expected an indented
/// block after ..." messages.
fn header_kind(line: &str) -> Option<&'static str> {
    let t = line.trim_start();
    let word: String = t
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    Some(match word.as_str() {
        "if" => "'if' statement",
        "elif" => "'elif' statement",
        "else" => "'else' statement",
        "while" => "'while' statement",
        "for" => "'for' statement",
        "with" => "'with' statement",
        "try" => "'try' statement",
        "except" => "'except' statement",
        "finally" => "'finally' statement",
        "match" => "'match' statement",
        "case" => "'case' statement",
        "def" => "function definition",
        "class" => "class definition",
        "async" => {
            let rest = t[5..].trim_start();
            if rest.starts_with("def") {
                "function definition"
            } else if rest.starts_with("for") {
                "'for' statement"
            } else {
                "'with' statement"
            }
        }
        _ => return None,
    })
}

/// Length in bytes of the token starting at `off` (for the caret range).
fn token_len(source: &str, off: usize) -> usize {
    let rest = &source[off.min(source.len())..];
    let mut chars = rest.chars();
    match chars.next() {
        None | Some('\n') => 1,
        Some(c) if c.is_alphanumeric() || c == '_' => rest
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_' || *c == '.'))
            .map(|(i, _)| i)
            .unwrap_or(rest.len()),
        Some(c) => c.len_utf8(),
    }
}

fn err(msg: impl Into<String>, ty: &'static str, start: usize, end: usize) -> CompileError {
    let mut e = CompileError::syntax(msg.into()).at_range(start as u32, end as u32);
    e.python_type = ty;
    e
}

/// An "expected an indented block after ..." error for a header on `header_line`, or
/// None if that line is not a compound statement header.
fn expected_block(header: (usize, &str), at: usize, caret: bool) -> Option<CompileError> {
    let code = strip_comment(header.1).trim_end();
    if !code.ends_with(':') {
        return None;
    }
    let kind = header_kind(header.1)?;
    let mut e = err(
        format!(
            "expected an indented block after {kind} on line {}",
            header.0
        ),
        "IndentationError",
        at,
        at + 1,
    );
    e.caret = caret;
    Some(e)
}

/// Convert a parse error, locating it in `source` (the caller fills in the file name).
pub fn from_parse_error(e: &ParseError, source: &str) -> CompileError {
    let off = (e.offset.to_usize()).min(source.len());
    let sc = scan(source);
    // Only blank lines and comments follow the error.
    let at_eof = source[off..]
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    let mut out = convert(&e.error, source, off, &sc, at_eof);
    if at_eof && (!sc.unclosed.is_empty() || matches!(sc.unterminated, Some((_, true)))) {
        out.incomplete = true;
    }
    if matches!(e.error, ParseErrorType::Eof) && out.python_type == "SyntaxError" {
        out.incomplete = true;
    }
    out
}

fn convert(pe: &ParseErrorType, source: &str, off: usize, sc: &Scan, at_eof: bool) -> CompileError {
    // Tokenizer errors first: CPython's tokenizer reports them wherever they are.
    if let Some((o, msg)) = &sc.bad_closer {
        return err(msg.clone(), "SyntaxError", *o, o + 1);
    }
    if let Some((o, triple)) = sc.unterminated {
        let msg = if triple {
            format!(
                "unterminated triple-quoted string literal (detected at line {})",
                source.lines().count().max(1)
            )
        } else {
            format!(
                "unterminated string literal (detected at line {})",
                line_of(source, o)
            )
        };
        return err(msg, "SyntaxError", o, o + 1);
    }
    let unclosed = sc.unclosed.last().copied();
    let never_closed =
        |o: usize, c: char| err(format!("'{c}' was never closed"), "SyntaxError", o, o + 1);
    match pe {
        ParseErrorType::Eof => {
            if let Some((o, c)) = unclosed {
                return never_closed(o, c);
            }
            let (ls, _) = line_at(source, off);
            if let Some(h) = previous_code_line(source, ls.max(off)) {
                let last_line_start = source
                    .trim_end_matches('\n')
                    .rfind('\n')
                    .map(|i| i + 1)
                    .unwrap_or(0);
                if let Some(e) = expected_block(h, last_line_start, false) {
                    return e;
                }
            }
            err("unexpected EOF while parsing", "SyntaxError", off, off + 1)
        }
        ParseErrorType::Lexical(l) => match l {
            LexicalErrorType::IndentationError => {
                let (ls, line) = line_at(source, off);
                if at_eof {
                    if let Some(h) = previous_code_line(source, ls.max(off)) {
                        // The file ends right after a header: CPython points at the
                        // last line without a caret.
                        let last = source.lines().count().max(1);
                        let last_start: usize =
                            source.lines().take(last - 1).map(|l| l.len() + 1).sum();
                        if let Some(e) = expected_block(h, last_start, false) {
                            return e;
                        }
                    }
                }
                let end = ls + line.trim_end().len();
                err(
                    "unindent does not match any outer indentation level",
                    "IndentationError",
                    end,
                    end + 1,
                )
            }
            LexicalErrorType::TabError => {
                let mut e = err(
                    "inconsistent use of tabs and spaces in indentation",
                    "TabError",
                    off,
                    off + 1,
                );
                e.caret = false;
                e
            }
            LexicalErrorType::UnrecognizedToken { tok } => {
                // The lexer reports the offset just past the character.
                let start = source[..off]
                    .char_indices()
                    .rev()
                    .find(|(_, c)| c == tok)
                    .map(|(i, _)| i)
                    .unwrap_or(off);
                let msg = if tok.is_ascii() {
                    "invalid syntax".to_string()
                } else {
                    format!("invalid character '{tok}' (U+{:04X})", *tok as u32)
                };
                err(msg, "SyntaxError", start, start + tok.len_utf8())
            }
            LexicalErrorType::NestingError => {
                if let Some((o, c)) = unclosed {
                    return never_closed(o, c);
                }
                err("invalid syntax", "SyntaxError", off, off + 1)
            }
            LexicalErrorType::Eof => {
                if let Some((o, c)) = unclosed {
                    return never_closed(o, c);
                }
                err("unexpected EOF while parsing", "SyntaxError", off, off + 1)
            }
            other => {
                let mut s = other.to_string();
                if s == "f-string: invalid conversion character" {
                    s.push_str(": expected 's', 'r', or 'a'");
                }
                err(s, "SyntaxError", off, off + 1)
            }
        },
        ParseErrorType::UnrecognizedToken(tok, expected) => {
            let (ls, line) = line_at(source, off);
            if let Some((o, c)) = unclosed {
                if line_of(source, off) > line_of(source, o) || at_eof {
                    return never_closed(o, c);
                }
            }
            if matches!(tok, Tok::Indent) {
                let mut e = err("unexpected indent", "IndentationError", off, off + 1);
                e.caret = false;
                return e;
            }
            if expected.as_deref() == Some("Indent") {
                if let Some(h) = previous_code_line(source, ls) {
                    if let Some(e) = expected_block(h, off, true) {
                        return e;
                    }
                }
                return err(
                    "expected an indented block",
                    "IndentationError",
                    off,
                    off + 1,
                );
            }
            if matches!(tok, Tok::Newline) {
                // A compound statement header without its colon.
                let t = line.trim_start();
                let word: String = t
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if matches!(
                    word.as_str(),
                    "if" | "elif"
                        | "while"
                        | "for"
                        | "with"
                        | "def"
                        | "class"
                        | "try"
                        | "except"
                        | "finally"
                        | "else"
                ) && !strip_comment(line).trim_end().ends_with(':')
                {
                    return err("expected ':'", "SyntaxError", off, off + 1);
                }
            }
            if matches!(tok, Tok::Equal) {
                if let Some(e) = assignment_in_condition(source, ls, line, off) {
                    return e;
                }
            }
            if matches!(
                tok,
                Tok::String { .. } | Tok::Name { .. } | Tok::Int { .. } | Tok::Float { .. }
            ) {
                let t = line.trim_start();
                if let Some(rest) = t.strip_prefix("print ") {
                    if !rest.trim_start().starts_with('(') && !rest.trim_start().starts_with('=') {
                        let start = ls + (line.len() - t.len());
                        let end = ls + strip_comment(line).trim_end().len();
                        return err(
                            "Missing parentheses in call to 'print'. Did you mean print(...)?",
                            "SyntaxError",
                            start,
                            end,
                        );
                    }
                }
            }
            err(
                "invalid syntax",
                "SyntaxError",
                off,
                off + token_len(source, off),
            )
        }
        ParseErrorType::ExtraToken(_) | ParseErrorType::InvalidToken => {
            if let Some((o, c)) = unclosed {
                return never_closed(o, c);
            }
            err(
                "invalid syntax",
                "SyntaxError",
                off,
                off + token_len(source, off),
            )
        }
    }
}

/// `if x = 1:` (also `elif`, `while`): CPython's "Maybe you meant '==' or ':='
/// instead of '='?", its carets under `x = 1`. `eq` is the offset of the `=`.
fn assignment_in_condition(source: &str, ls: usize, line: &str, eq: usize) -> Option<CompileError> {
    let t = line.trim_start();
    let word: String = t.chars().take_while(|c| c.is_alphanumeric()).collect();
    if !matches!(word.as_str(), "if" | "elif" | "while") {
        return None;
    }
    let b = source.as_bytes();
    if b.get(eq + 1) == Some(&b'=') {
        return None;
    }
    // The name before the `=`.
    let mut i = eq;
    while i > ls && b[i - 1] == b' ' {
        i -= 1;
    }
    let name_end = i;
    while i > ls && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_') {
        i -= 1;
    }
    let header_end = ls + (line.len() - t.len()) + word.len();
    if i == name_end || i <= header_end {
        return None;
    }
    if source[header_end..i].chars().any(|c| c != ' ' && c != '(') {
        return None;
    }
    // The value after it: up to the header's `:`, a closing bracket or a comma
    // at its level (or the end of the line).
    let code_end = ls + strip_comment(line).trim_end().len();
    let mut depth = 0i32;
    let mut stop = code_end;
    let mut j = eq + 1;
    while j < code_end {
        match b[j] {
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' | b',' if depth == 0 => {
                stop = j;
                break;
            }
            b')' | b']' | b'}' => depth -= 1,
            b':' if depth == 0 && b.get(j + 1) != Some(&b'=') => {
                stop = j;
                break;
            }
            _ => {}
        }
        j += 1;
    }
    while stop > eq + 1 && b[stop - 1] == b' ' {
        stop -= 1;
    }
    if stop <= eq + 1 {
        return None;
    }
    Some(err(
        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
        "SyntaxError",
        i,
        stop,
    ))
}

/// A (located) parse error of `compile(..., 'eval')` as CPython reports it: input
/// that is empty or ends in the middle of the expression is "invalid syntax" without
/// a column (and on line 0 if there is no input at all).
pub(crate) fn in_eval_mode(mut e: CompileError, source: &str) -> CompileError {
    let blank = source.trim().is_empty();
    let cut_short = e.offset == Some(source.len() as u32) && !source.ends_with('\n') && !blank;
    if (blank || cut_short) && e.python_type == "SyntaxError" {
        e.message = "invalid syntax".into();
        e.col = 0;
        e.end_col = 0;
        if source.is_empty() {
            e.line = 0;
        }
    }
    e
}

/// Whether a statement is compound (ends with an indented block).
fn is_compound(s: &rustpython_parser::ast::Stmt) -> bool {
    use rustpython_parser::ast::Stmt as S;
    matches!(
        s,
        S::FunctionDef(_)
            | S::AsyncFunctionDef(_)
            | S::ClassDef(_)
            | S::If(_)
            | S::For(_)
            | S::AsyncFor(_)
            | S::While(_)
            | S::With(_)
            | S::AsyncWith(_)
            | S::Try(_)
            | S::TryStar(_)
            | S::Match(_)
    )
}

/// The end of the token starting at `start` (a name or number, else one character).
fn token_end(source: &str, start: usize) -> usize {
    let rest = &source[start.min(source.len())..];
    let n = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || c == '.'))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    start + n.max(rest.chars().next().map_or(0, char::len_utf8))
}

/// `compile(..., 'single')` takes one statement: a compound statement, or simple
/// statements on one line joined by `;`. Anything after it is CPython's error: "invalid
/// syntax" at the next statement after a compound one, else "multiple statements
/// found while compiling a single statement" at the end of the first line. No
/// statement at all is "invalid syntax" (located by the caller).
pub(crate) fn check_single(
    body: &[rustpython_parser::ast::Stmt],
    source: &str,
) -> Result<(), CompileError> {
    use rustpython_parser::ast::Ranged;
    let Some(first) = body.first() else {
        return Err(CompileError::syntax("invalid syntax".into()).at(0));
    };
    if is_compound(first) {
        if let Some(next) = body.get(1) {
            let start = next.range().start().to_usize();
            return Err(CompileError::syntax("invalid syntax".into())
                .at_range(start as u32, token_end(source, start) as u32));
        }
        return Ok(());
    }
    let mut end = first.range().end().to_usize();
    for s in &body[1..] {
        let start = s.range().start().to_usize();
        if line_of(source, start) != line_of(source, end) {
            let nl = source[end.min(source.len())..]
                .find('\n')
                .map_or(source.len(), |i| end + i);
            return Err(CompileError::syntax(
                "multiple statements found while compiling a single statement".into(),
            )
            .at(nl as u32));
        }
        end = s.range().end().to_usize();
    }
    Ok(())
}
