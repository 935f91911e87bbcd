//! The format-spec mini-language (`format()`, f-strings, `str.format`) and
//! the number formatting `%` shares (printf-style `%` itself is in `percent_format.rs`).

use crate::object::Kind;
use crate::object::Value;
use crate::protocols::num::Num;
use crate::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::Signed;

/// A parsed format spec.
#[derive(Clone, Debug, Default)]
pub struct Spec {
    pub fill: Option<char>,
    pub align: Option<char>,
    pub sign: Option<char>,
    pub alternate: bool,
    pub zero: bool,
    pub width: Option<usize>,
    pub grouping: Option<char>,
    pub precision: Option<usize>,
    pub ty: Option<char>,
}

/// Why a format spec was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpecError {
    Invalid,
    /// A '.' without digits after it.
    MissingPrecision,
    /// A width or precision that does not fit a Py_ssize_t.
    TooManyDigits,
}

/// The number written by `digits` (ASCII digits), if it fits a Py_ssize_t.
pub(super) fn parse_size(digits: &[char]) -> Option<usize> {
    let mut n: usize = 0;
    for c in digits {
        n = n.checked_mul(10)?.checked_add(c.to_digit(10)? as usize)?;
        if n > isize::MAX as usize {
            return None;
        }
    }
    Some(n)
}

pub fn parse_spec(spec: &str) -> Result<Spec, SpecError> {
    let chars: Vec<char> = spec.chars().collect();
    let mut i = 0;
    let mut s = Spec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
    if chars.len() >= 2 && is_align(chars[1]) {
        s.fill = Some(chars[0]);
        s.align = Some(chars[1]);
        i = 2;
    } else if !chars.is_empty() && is_align(chars[0]) {
        s.align = Some(chars[0]);
        i = 1;
    }
    if i < chars.len() && matches!(chars[i], '+' | '-' | ' ') {
        s.sign = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == 'z' {
        i += 1;
    }
    if i < chars.len() && chars[i] == '#' {
        s.alternate = true;
        i += 1;
    }
    if i < chars.len() && chars[i] == '0' {
        s.zero = true;
        i += 1;
    }
    let start = i;
    while i < chars.len() && chars[i].is_ascii_digit() {
        i += 1;
    }
    if i > start {
        s.width = Some(parse_size(&chars[start..i]).ok_or(SpecError::TooManyDigits)?);
    }
    if i < chars.len() && matches!(chars[i], ',' | '_') {
        s.grouping = Some(chars[i]);
        i += 1;
    }
    if i < chars.len() && chars[i] == '.' {
        i += 1;
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return Err(SpecError::MissingPrecision);
        }
        s.precision = Some(parse_size(&chars[start..i]).ok_or(SpecError::TooManyDigits)?);
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
        i += 1;
    }
    if i != chars.len() {
        return Err(SpecError::Invalid);
    }
    Ok(s)
}

fn group(digits: &str, sep: char, every: usize) -> String {
    let mut out = String::new();
    let n = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(every) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Pad `body` (with its sign/prefix separate) to the spec's width; `MemoryError` if
/// the width is more than can be allocated.
pub(super) fn pad(
    vm: &mut Vm,
    spec: &Spec,
    sign: &str,
    body: &str,
    default_right: bool,
) -> PyResult<String> {
    let width = spec.width.unwrap_or(0);
    let len = sign.chars().count() + body.chars().count();
    if len >= width {
        return Ok(format!("{sign}{body}"));
    }
    // '0' means fill with zeros whenever no fill is given, with or without an
    // explicit alignment (`f"{12:>08b}"` is '00001100').
    let fill = spec.fill.unwrap_or(if spec.zero { '0' } else { ' ' });
    let align = spec.align.unwrap_or(if spec.zero && default_right {
        '='
    } else if default_right {
        '>'
    } else {
        '<'
    });
    let n = width - len;
    let left = match align {
        '<' => 0,
        '^' => n / 2,
        '=' => {
            let pad = vm.repeat_str(&fill.to_string(), n)?;
            vm.check_alloc(sign.len() + pad.len() + body.len(), 1)?;
            return Ok(format!("{sign}{pad}{body}"));
        }
        _ => n,
    };
    let unit = fill.to_string();
    let (a, b) = (vm.repeat_str(&unit, left)?, vm.repeat_str(&unit, n - left)?);
    vm.check_alloc(a.len() + sign.len() + body.len() + b.len(), 1)?;
    Ok(format!("{a}{sign}{body}{b}"))
}

/// Decimal digits after the point past which a double's expansion is all zeros
/// (2^-1074 has 1074), and significant digits past which its decimal mantissa is
/// (at most 767): larger precisions are formatted at these and padded with zeros.
const EXACT_FRAC_DIGITS: usize = 1100;
const EXACT_SIG_DIGITS: usize = 800;

/// `x` with `prec` digits after the point (Rust's `{:.prec}`, for any precision).
fn fixed(x: f64, prec: usize) -> String {
    if prec <= EXACT_FRAC_DIGITS {
        return format!("{:.*}", prec, x);
    }
    let mut s = format!("{:.*}", EXACT_FRAC_DIGITS, x);
    if x.is_finite() {
        s.extend(std::iter::repeat_n('0', prec - EXACT_FRAC_DIGITS));
    }
    s
}

/// `x` in Rust's `{:.prec e}` form (`1.500e3`), for any precision.
fn sci(x: f64, prec: usize) -> String {
    if prec <= EXACT_SIG_DIGITS || !x.is_finite() {
        return format!("{:.*e}", prec.min(EXACT_SIG_DIGITS), x);
    }
    let s = format!("{:.*e}", EXACT_SIG_DIGITS, x);
    let (m, e) = s.split_once('e').unwrap_or((&s, "0"));
    let mut out = String::with_capacity(prec + 32);
    out.push_str(m);
    out.extend(std::iter::repeat_n('0', prec - EXACT_SIG_DIGITS));
    out.push('e');
    out.push_str(e);
    out
}

/// Format a float in 'e' style with Python's exponent (at least two digits).
pub fn fmt_exp(x: f64, prec: usize, upper: bool) -> String {
    let s = sci(x, prec);
    let (m, e) = s.split_once('e').expect("exponent");
    let e: i32 = e.parse().expect("int");
    let sign = if e < 0 { '-' } else { '+' };
    let out = format!("{m}e{sign}{:02}", e.abs());
    if upper {
        out.to_uppercase()
    } else {
        out
    }
}

/// 'g' formatting with `prec` significant digits.
pub fn fmt_general(x: f64, prec: usize, alternate: bool, upper: bool, repr_like: bool) -> String {
    let p = if prec == 0 { 1 } else { prec };
    // Without '#' trailing zeros go: digits past the exact mantissa change nothing.
    let p = if alternate {
        p
    } else {
        p.min(EXACT_SIG_DIGITS)
    };
    if x == 0.0 {
        let z = if x.is_sign_negative() { "-0" } else { "0" };
        return if repr_like || alternate {
            format!(
                "{z}.{}",
                "0".repeat(if alternate { p - 1 } else { 1 }.max(1))
            )
        } else {
            z.into()
        };
    }
    let e_str = sci(x, p - 1);
    let exp: i64 = e_str
        .split_once('e')
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let mut out = if exp >= -4 && exp < p as i64 {
        let decimals = (p as i64 - 1 - exp).max(0) as usize;
        fixed(x, decimals)
    } else {
        fmt_exp(x, p - 1, false)
    };
    if !alternate {
        // Strip trailing zeros in the mantissa.
        let (mant, exp_part) = match out.find('e') {
            Some(i) => (out[..i].to_string(), out[i..].to_string()),
            None => (out.clone(), String::new()),
        };
        let mant = if mant.contains('.') {
            mant.trim_end_matches('0').trim_end_matches('.').to_string()
        } else {
            mant
        };
        out = format!("{mant}{exp_part}");
    }
    if repr_like
        && !out.contains('.')
        && !out.contains('e')
        && !out.contains("inf")
        && !out.contains("nan")
    {
        out.push_str(".0");
    }
    if upper {
        out.to_uppercase()
    } else {
        out
    }
}

fn special_float(x: f64, upper: bool) -> Option<String> {
    if x.is_nan() {
        Some(if upper { "NAN" } else { "nan" }.into())
    } else if x.is_infinite() {
        Some(if upper { "INF" } else { "inf" }.into())
    } else {
        None
    }
}

impl Vm {
    /// `format(v, spec)`.
    pub fn format(&mut self, v: Value, spec: &str) -> PyResult<String> {
        let cls = self.type_of(v);
        if !self.class_data(cls).is_builtin {
            let fmt = self.names.__format__;
            if let Some(f) = self.user_override(cls, fmt) {
                let s = self.new_str(spec.to_string());
                let r = self.call_special(f, &[v, s])?;
                return match self.as_str(r) {
                    Some(s) => Ok(s.to_string()),
                    None => {
                        let t = self.type_name(r);
                        Err(self.new_type_error(format!("__format__ must return a str, not {t}")))
                    }
                };
            }
        }
        if spec.is_empty() {
            return self.str(v);
        }
        let sp = match parse_spec(spec) {
            Ok(sp) => sp,
            Err(SpecError::MissingPrecision) => {
                return Err(self.new_value_error("Format specifier missing precision".into()))
            }
            Err(SpecError::Invalid) => {
                let t = self.type_name(v);
                return Err(self.new_value_error(format!(
                    "Invalid format specifier '{spec}' for object of type '{t}'"
                )));
            }
            Err(SpecError::TooManyDigits) => {
                return Err(self.new_value_error("Too many decimal digits in format string".into()))
            }
        };
        match self.num_of(v) {
            Some(Num::C(re, im)) => {
                let body = crate::protocols::repr::complex_repr(re, im);
                return pad(self, &sp, "", &body, true);
            }
            Some(n @ (Num::I(_) | Num::B(_)))
                if !matches!(sp.ty, Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%')) =>
            {
                return self.format_int(n.to_big(), &sp, v);
            }
            Some(n) => {
                let x = n.to_f64().unwrap_or(f64::INFINITY);
                return self.format_float(x, &sp, matches!(n, Num::I(_) | Num::B(_)));
            }
            None => {}
        }
        if let Value::Obj(r) = v {
            if let Kind::Str(s) = self.heap.kind(r) {
                let s = s.s.to_string();
                if !matches!(sp.ty, None | Some('s')) {
                    let t = sp.ty.unwrap_or(' ');
                    return Err(self.new_value_error(format!(
                        "Unknown format code '{t}' for object of type 'str'"
                    )));
                }
                if sp.sign.is_some() {
                    return Err(
                        self.new_value_error("Sign not allowed in string format specifier".into())
                    );
                }
                let body: String = match sp.precision {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                };
                return pad(self, &sp, "", &body, false);
            }
        }
        let t = self.type_name(v);
        Err(self.new_type_error(format!(
            "unsupported format string passed to {t}.__format__"
        )))
    }

    fn format_int(&mut self, n: BigInt, sp: &Spec, v: Value) -> PyResult<String> {
        let neg = n.is_negative();
        let mag = n.abs();
        let ty = sp.ty.unwrap_or('d');
        if sp.precision.is_some() {
            return Err(
                self.new_value_error("Precision not allowed in integer format specifier".into())
            );
        }
        let (digits, prefix) = match ty {
            'd' | 'n' => (self.int_to_decimal(&mag)?, ""),
            'x' => (mag.to_str_radix(16), "0x"),
            'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
            'o' => (mag.to_str_radix(8), "0o"),
            'b' => (mag.to_str_radix(2), "0b"),
            'c' => {
                let c = num_traits::ToPrimitive::to_u32(&n).and_then(char::from_u32);
                let Some(c) = c else {
                    return Err(self.new_overflow_error("%c arg not in range(0x110000)"));
                };
                return pad(self, sp, "", &c.to_string(), false);
            }
            _ => {
                let t = self.type_name(v);
                return Err(self.new_value_error(format!(
                    "Unknown format code '{ty}' for object of type '{t}'"
                )));
            }
        };
        let every = if matches!(ty, 'd' | 'n') { 3 } else { 4 };
        let digits = match sp.grouping {
            Some(g) => group(&digits, g, every),
            None => digits,
        };
        let sign = if neg {
            "-"
        } else {
            match sp.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        let prefix = if sp.alternate { prefix } else { "" };
        let sign_prefix = format!("{sign}{prefix}");
        if sp.zero && sp.align.is_none() && sp.grouping.is_some() {
            // Zero padding goes through the grouping separators.
            let width = sp.width.unwrap_or(0).saturating_sub(sign_prefix.len());
            let raw: String = digits
                .chars()
                .filter(|c| c.is_ascii_alphanumeric())
                .collect();
            // The fewest digits whose grouped form fills the width.
            let grouped = |n: usize| n + n.saturating_sub(1) / every;
            let mut n = raw.len();
            if grouped(n) < width {
                n = n.max(width.saturating_mul(every) / (every + 1)).max(1);
                while n > raw.len() && grouped(n - 1) >= width {
                    n -= 1;
                }
                while grouped(n) < width {
                    n += 1;
                }
            }
            let mut d = self.repeat_str("0", n - raw.len())?;
            self.check_alloc(grouped(n) + sign_prefix.len(), 1)?;
            d.push_str(&raw);
            let g = group(&d, sp.grouping.unwrap_or(','), every);
            return Ok(format!("{sign_prefix}{g}"));
        }
        pad(self, sp, &sign_prefix, &digits, true)
    }

    pub(super) fn format_float(&mut self, x: f64, sp: &Spec, _from_int: bool) -> PyResult<String> {
        if sp.precision.is_some_and(|p| p > i32::MAX as usize) {
            return Err(self.new_value_error("precision too big".into()));
        }
        let ty = sp.ty;
        let upper = matches!(ty, Some('E' | 'F' | 'G'));
        let neg = x.is_sign_negative();
        let a = x.abs();
        let mut body = if let Some(s) = special_float(a, upper) {
            s
        } else {
            match ty {
                Some('f' | 'F') => fixed(a, sp.precision.unwrap_or(6)),
                Some('e' | 'E') => fmt_exp(a, sp.precision.unwrap_or(6), upper),
                Some('g' | 'G') => {
                    fmt_general(a, sp.precision.unwrap_or(6), sp.alternate, upper, false)
                }
                Some('%') => fixed(a * 100.0, sp.precision.unwrap_or(6)) + "%",
                Some('n') => fmt_general(a, sp.precision.unwrap_or(6), sp.alternate, false, false),
                None => match sp.precision {
                    Some(p) => fmt_general(a, p, sp.alternate, false, true),
                    None => revpy_compiler::float_repr(a),
                },
                Some(t) => {
                    return Err(self.new_value_error(format!(
                        "Unknown format code '{t}' for object of type 'float'"
                    )))
                }
            }
        };
        if sp.alternate && !body.contains('.') && matches!(ty, Some('f' | 'F' | 'e' | 'E')) {
            body = match body.find('e') {
                Some(i) => format!("{}.{}", &body[..i], &body[i..]),
                None => format!("{body}."),
            };
        }
        if let Some(g) = sp.grouping {
            let end = body
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(body.len());
            let (int_part, rest) = body.split_at(end);
            body = format!("{}{}", group(int_part, g, 3), rest);
        }
        let sign = if neg && !x.is_nan() {
            "-"
        } else {
            match sp.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        pad(self, sp, sign, &body, true)
    }
}
