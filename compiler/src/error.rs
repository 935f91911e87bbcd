//! Compile errors: syntax errors from the parser, our own semantic checks, and Python
//! features revpy does not implement yet.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    /// A Python `SyntaxError` (or `IndentationError`, named in `python_type`).
    Syntax,
    /// Valid Python that revpy does not implement: reported at compile time.
    Unsupported,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CompileError {
    pub kind: ErrorKind,
    /// `SyntaxError`, `IndentationError`, ...
    pub python_type: &'static str,
    pub message: String,
    /// Byte offset in the source, when known.
    pub offset: Option<u32>,
    /// Byte offset just past the offending text, when known (CPython underlines the
    /// range `offset..end_offset` with carets).
    pub end_offset: Option<u32>,
    /// Whether the error is shown with a caret line (CPython omits it for some
    /// indentation errors).
    pub caret: bool,
    /// The source ended before the construct was complete (an unclosed bracket, an
    /// unterminated triple-quoted string, a missing indented block at the end): the
    /// REPL then asks for more lines.
    pub incomplete: bool,
    pub filename: String,
    /// 1-based line and column, filled in by `locate`.
    pub line: u32,
    pub col: u32,
    /// 1-based column just past the underlined range (on `line`), 0 when unknown.
    pub end_col: u32,
    /// The offending source line, when known.
    pub source_line: Option<String>,
}

impl CompileError {
    pub fn syntax(message: String) -> CompileError {
        CompileError {
            kind: ErrorKind::Syntax,
            python_type: "SyntaxError",
            message,
            offset: None,
            end_offset: None,
            caret: true,
            incomplete: false,
            filename: String::new(),
            line: 0,
            col: 0,
            end_col: 0,
            source_line: None,
        }
    }
    /// A bug in the compiler found by its own checks (CPython raises `SystemError`).
    pub fn internal(message: String) -> CompileError {
        CompileError {
            python_type: "SystemError",
            ..CompileError::syntax(format!("internal compiler error: {message}"))
        }
    }
    /// CPython's error for source nested too deeply to compile.
    pub fn too_deep() -> CompileError {
        CompileError {
            python_type: "RecursionError",
            ..CompileError::syntax("maximum recursion depth exceeded during compilation".into())
        }
    }
    /// Whether the error is a `SyntaxError` (or a subclass): those carry a location.
    pub fn is_syntax_error(&self) -> bool {
        matches!(
            self.python_type,
            "SyntaxError" | "IndentationError" | "TabError"
        )
    }
    pub fn unsupported(feature: &str) -> CompileError {
        CompileError {
            kind: ErrorKind::Unsupported,
            message: format!("revpy does not support {feature} yet"),
            ..CompileError::syntax(String::new())
        }
    }
    pub fn at(mut self, offset: u32) -> CompileError {
        if self.offset.is_none() {
            self.offset = Some(offset);
        }
        self
    }
    /// Locate the error at the source range `start..end` (if not located yet).
    pub fn at_range(mut self, start: u32, end: u32) -> CompileError {
        if self.offset.is_none() {
            self.offset = Some(start);
            self.end_offset = Some(end.max(start));
        }
        self
    }
    /// Fill in file name, line, column and source line from the byte offset.
    pub fn locate(mut self, filename: &str, source: &str) -> CompileError {
        self.filename = filename.to_string();
        let mut off = (self.offset.unwrap_or(0) as usize).min(source.len());
        // Offsets come from the parser (or a fuzzer's mutated source): never cut
        // a character in two.
        while !source.is_char_boundary(off) {
            off -= 1;
        }
        let before = &source[..off];
        self.line = before.matches('\n').count() as u32 + 1;
        let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
        self.col = source[line_start..off].chars().count() as u32 + 1;
        let line_end = source[line_start..]
            .find('\n')
            .map(|i| line_start + i)
            .unwrap_or(source.len());
        self.source_line = Some(source[line_start..line_end].to_string());
        self.end_col = match self.end_offset {
            // A range ending on a later line is underlined to the end of this line.
            Some(end) if (end as usize) > line_end => {
                source[line_start..line_end].trim_end().chars().count() as u32 + 1
            }
            Some(end) => {
                let mut end = (end as usize).max(off).min(line_end);
                while !source.is_char_boundary(end) {
                    end += 1;
                }
                source[line_start..end].chars().count() as u32 + 1
            }
            None => 0,
        };
        self
    }
}

impl fmt::Display for CompileError {
    /// `file:line:col: message` for unsupported features; CPython's layout for syntax errors.
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self.kind {
            ErrorKind::Unsupported => write!(
                f,
                "{}:{}:{}: {}",
                self.filename, self.line, self.col, self.message
            ),
            // Not a SyntaxError (RecursionError, SystemError): no location, as CPython.
            ErrorKind::Syntax if !self.is_syntax_error() => {
                write!(f, "{}: {}", self.python_type, self.message)
            }
            ErrorKind::Syntax => {
                writeln!(f, "  File \"{}\", line {}", self.filename, self.line)?;
                if let Some(src) = &self.source_line {
                    let trimmed = src.trim_start();
                    let indent = src.chars().count() - trimmed.chars().count();
                    writeln!(f, "    {}", trimmed.trim_end())?;
                    if self.caret {
                        let caret = (self.col as usize).saturating_sub(1).saturating_sub(indent);
                        let width = (self.end_col as usize)
                            .saturating_sub(self.col as usize)
                            .max(1);
                        writeln!(f, "    {}{}", " ".repeat(caret), "^".repeat(width))?;
                    }
                }
                write!(f, "{}: {}", self.python_type, self.message)
            }
        }
    }
}

impl std::error::Error for CompileError {}
