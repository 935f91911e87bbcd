//! The format-spec mini-language (`format()`, f-strings, `str.format`) and
//! printf-style `%` formatting.

use crate::heap::Kind;
use crate::num::Num;
use crate::value::Value;
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

pub fn parse_spec(spec: &str) -> Option<Spec> {
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
        s.width = chars[start..i].iter().collect::<String>().parse().ok();
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
            return None;
        }
        s.precision = chars[start..i].iter().collect::<String>().parse().ok();
    }
    if i < chars.len() {
        s.ty = Some(chars[i]);
        i += 1;
    }
    if i != chars.len() {
        return None;
    }
    Some(s)
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

/// Pad `body` (with its sign/prefix separate) to the spec's width.
fn pad(spec: &Spec, sign: &str, body: &str, default_right: bool) -> String {
    let width = spec.width.unwrap_or(0);
    let len = sign.chars().count() + body.chars().count();
    if len >= width {
        return format!("{sign}{body}");
    }
    let fill = spec.fill.unwrap_or(if spec.zero && spec.align.is_none() {
        '0'
    } else {
        ' '
    });
    let align = spec.align.unwrap_or(if spec.zero {
        '='
    } else if default_right {
        '>'
    } else {
        '<'
    });
    let n = width - len;
    let f = |k: usize| fill.to_string().repeat(k);
    match align {
        '<' => format!("{sign}{body}{}", f(n)),
        '^' => format!("{}{sign}{body}{}", f(n / 2), f(n - n / 2)),
        '=' => format!("{sign}{}{body}", f(n)),
        _ => format!("{}{sign}{body}", f(n)),
    }
}

/// Format a float in 'e' style with Python's exponent (at least two digits).
pub fn fmt_exp(x: f64, prec: usize, upper: bool) -> String {
    let s = format!("{:.*e}", prec, x);
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
    let e_str = format!("{:.*e}", p - 1, x);
    let exp: i32 = e_str.split_once('e').expect("e").1.parse().expect("int");
    let mut out = if exp >= -4 && exp < p as i32 {
        let decimals = (p as i32 - 1 - exp).max(0) as usize;
        format!("{:.*}", decimals, x)
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
                let r = self.call(f, &[v, s], &[])?;
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
        let Some(sp) = parse_spec(spec) else {
            return Err(self.new_value_error("Invalid format specifier".into()));
        };
        match self.num_of(v) {
            Some(Num::C(re, im)) => {
                let body = crate::repr::complex_repr(re, im);
                return Ok(pad(&sp, "", &body, true));
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
                return Ok(pad(&sp, "", &body, false));
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
            'd' | 'n' => (mag.to_str_radix(10), ""),
            'x' => (mag.to_str_radix(16), "0x"),
            'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
            'o' => (mag.to_str_radix(8), "0o"),
            'b' => (mag.to_str_radix(2), "0b"),
            'c' => {
                let c = num_traits::ToPrimitive::to_u32(&n).and_then(char::from_u32);
                let Some(c) = c else {
                    return Err(self.new_overflow_error("%c arg not in range(0x110000)"));
                };
                return Ok(pad(sp, "", &c.to_string(), false));
            }
            _ => {
                let t = self.type_name(v);
                return Err(self.new_value_error(format!(
                    "Unknown format code '{ty}' for object of type '{t}'"
                )));
            }
        };
        let digits = match sp.grouping {
            Some(g) => group(&digits, g, if matches!(ty, 'd' | 'n') { 3 } else { 4 }),
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
            let mut d = raw;
            let sep = sp.grouping.unwrap_or(',');
            let mut g = group(&d, sep, 3);
            while g.len() < width {
                d.insert(0, '0');
                g = group(&d, sep, 3);
            }
            return Ok(format!("{sign_prefix}{g}"));
        }
        Ok(pad(sp, &sign_prefix, &digits, true))
    }

    fn format_float(&mut self, x: f64, sp: &Spec, _from_int: bool) -> PyResult<String> {
        let ty = sp.ty;
        let upper = matches!(ty, Some('E' | 'F' | 'G'));
        let neg = x.is_sign_negative();
        let a = x.abs();
        let mut body = if let Some(s) = special_float(a, upper) {
            s
        } else {
            match ty {
                Some('f' | 'F') => format!("{:.*}", sp.precision.unwrap_or(6), a),
                Some('e' | 'E') => fmt_exp(a, sp.precision.unwrap_or(6), upper),
                Some('g' | 'G') => {
                    fmt_general(a, sp.precision.unwrap_or(6), sp.alternate, upper, false)
                }
                Some('%') => format!("{:.*}%", sp.precision.unwrap_or(6), a * 100.0),
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
        Ok(pad(sp, sign, &body, true))
    }

    /// `fmt % args` for str.
    pub fn percent_format(&mut self, fmt: &str, args: Value) -> PyResult<String> {
        let chars: Vec<char> = fmt.chars().collect();
        self.percent_format_chars(&chars, args, false)
    }

    /// `fmt % args`; with `bytes` the format is bytes as latin-1 characters (and so is
    /// the result): `%s`/`%b` take bytes-like objects, `%r`/`%a` give `ascii()`,
    /// `%c` takes a byte, and mapping keys are bytes.
    pub(crate) fn percent_format_chars(
        &mut self,
        chars: &[char],
        args: Value,
        bytes: bool,
    ) -> PyResult<String> {
        let arg_list: Vec<Value> = match args {
            Value::Obj(r) if matches!(self.heap.kind(r), Kind::Tuple(_)) => self.tuple_items(args),
            _ => vec![args],
        };
        let is_mapping =
            matches!(args, Value::Obj(r) if matches!(self.heap.kind(r), Kind::Dict(_)));
        let mut out = String::new();
        let mut i = 0;
        let mut ai = 0;
        while i < chars.len() {
            let c = chars[i];
            if c != '%' {
                out.push(c);
                i += 1;
                continue;
            }
            i += 1;
            if i >= chars.len() {
                return Err(self.new_value_error("incomplete format".into()));
            }
            let mut key: Option<String> = None;
            if chars[i] == '(' {
                let start = i + 1;
                let mut depth = 1;
                i += 1;
                while i < chars.len() && depth > 0 {
                    if chars[i] == '(' {
                        depth += 1;
                    } else if chars[i] == ')' {
                        depth -= 1;
                    }
                    i += 1;
                }
                key = Some(chars[start..i - 1].iter().collect());
            }
            let mut sp = Spec::default();
            let mut left = false;
            while i < chars.len() && matches!(chars[i], '-' | '+' | ' ' | '#' | '0') {
                match chars[i] {
                    '-' => left = true,
                    '+' => sp.sign = Some('+'),
                    ' ' => {
                        if sp.sign.is_none() {
                            sp.sign = Some(' ')
                        }
                    }
                    '#' => sp.alternate = true,
                    _ => sp.zero = true,
                }
                i += 1;
            }
            let mut next_arg = |vm: &mut Vm| -> PyResult<Value> {
                if let Some(k) = &key {
                    let kv = if bytes {
                        vm.new_bytes(k.chars().map(|c| c as u32 as u8).collect())
                    } else {
                        vm.new_str(k.clone())
                    };
                    return vm.getitem(args, kv);
                }
                if ai >= arg_list.len() {
                    return Err(vm.new_type_error("not enough arguments for format string".into()));
                }
                ai += 1;
                Ok(arg_list[ai - 1])
            };
            if i < chars.len() && chars[i] == '*' {
                let w = next_arg(self)?;
                sp.width = self.index_of(w)?.map(|n| n as usize);
                i += 1;
            } else {
                let start = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                if i > start {
                    sp.width = chars[start..i].iter().collect::<String>().parse().ok();
                }
            }
            if i < chars.len() && chars[i] == '.' {
                i += 1;
                let start = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                sp.precision = Some(
                    chars[start..i]
                        .iter()
                        .collect::<String>()
                        .parse()
                        .unwrap_or(0),
                );
            }
            if i >= chars.len() {
                return Err(self.new_value_error("incomplete format".into()));
            }
            let conv = chars[i];
            i += 1;
            if left {
                sp.align = Some('<');
                sp.zero = false;
            }
            if conv == '%' {
                out.push('%');
                continue;
            }
            let v = next_arg(self)?;
            let piece = match conv {
                's' | 'b' if bytes => {
                    let b = match self.bytes_of(v) {
                        Some(b) => Some(b),
                        None if matches!(v, Value::Obj(_)) => {
                            let name = self.intern("__bytes__");
                            match self.lookup_special(v, name) {
                                Some(f) => {
                                    let r = self.call(f, &[v], &[])?;
                                    self.bytes_of(r)
                                }
                                None => None,
                            }
                        }
                        None => None,
                    };
                    let Some(b) = b else {
                        let t = self.type_name(v);
                        return Err(self.new_type_error(format!(
                            "%b requires a bytes-like object, or an object that implements __bytes__, not '{t}'"
                        )));
                    };
                    let s: String = match sp.precision.take() {
                        Some(p) => b.iter().take(p).map(|c| *c as char).collect(),
                        None => b.iter().map(|c| *c as char).collect(),
                    };
                    pad(&sp, "", &s, true)
                }
                'r' | 'a' if bytes => {
                    let s = self.ascii(v)?;
                    let s: String = match sp.precision.take() {
                        Some(p) => s.chars().take(p).collect(),
                        None => s,
                    };
                    pad(&sp, "", &s, true)
                }
                'c' if bytes => {
                    let c = match self.bytes_of(v) {
                        Some(b) if b.len() == 1 => b[0],
                        Some(_) => {
                            return Err(self.new_type_error(
                                "%c requires an integer in range(256) or a single byte".into(),
                            ))
                        }
                        None => match self.index_of(v)? {
                            Some(n) if (0..256).contains(&n) => n as u8,
                            Some(_) => {
                                return Err(self.new_overflow_error("%c arg not in range(256)"))
                            }
                            None => {
                                return Err(self.new_type_error(
                                    "%c requires an integer in range(256) or a single byte".into(),
                                ))
                            }
                        },
                    };
                    pad(&sp, "", &(c as char).to_string(), true)
                }
                's' | 'r' | 'a' => {
                    let s = match conv {
                        's' => self.str(v)?,
                        'r' => self.repr(v)?,
                        _ => self.ascii(v)?,
                    };
                    let s: String = match sp.precision {
                        Some(p) => s.chars().take(p).collect(),
                        None => s,
                    };
                    sp.precision = None;
                    pad(&sp, "", &s, true)
                }
                'd' | 'i' | 'u' => {
                    let n = match self.num_of(v) {
                        Some(Num::F(f)) => Num::B(BigInt::from(f.trunc() as i128)),
                        Some(n @ (Num::I(_) | Num::B(_))) => n,
                        _ => {
                            let t = self.type_name(v);
                            return Err(self.new_type_error(format!(
                                "%{conv} format: a real number is required, not {t}"
                            )));
                        }
                    };
                    sp.ty = Some('d');
                    let prec = sp.precision.take();
                    let mut s = self.format_int(
                        n.to_big(),
                        &Spec {
                            width: None,
                            ..sp.clone()
                        },
                        v,
                    )?;
                    if let Some(p) = prec {
                        let (sign, digits) = if let Some(d) = s.strip_prefix('-') {
                            ("-", d.to_string())
                        } else {
                            ("", s.clone())
                        };
                        if digits.len() < p {
                            s = format!("{sign}{}{digits}", "0".repeat(p - digits.len()));
                        }
                    }
                    pad(&sp, "", &s, true)
                }
                'x' | 'X' | 'o' => {
                    let Some(n) = self
                        .num_of(v)
                        .filter(|n| matches!(n, Num::I(_) | Num::B(_)))
                    else {
                        let t = self.type_name(v);
                        return Err(self.new_type_error(format!(
                            "%{conv} format: an integer is required, not {t}"
                        )));
                    };
                    sp.ty = Some(conv);
                    self.format_int(n.to_big(), &sp, v)?
                }
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    let Some(x) = self.num_of(v).and_then(|n| n.to_f64()) else {
                        let t = self.type_name(v);
                        return Err(self.new_type_error(format!("must be real number, not {t}")));
                    };
                    sp.ty = Some(conv);
                    if sp.precision.is_none() {
                        sp.precision = Some(6);
                    }
                    self.format_float(x, &sp, false)?
                }
                'c' => match v {
                    Value::Int(n) => char::from_u32(n as u32)
                        .map(|c| c.to_string())
                        .unwrap_or_default(),
                    _ => self.str(v)?.chars().take(1).collect(),
                },
                other => {
                    return Err(self.new_value_error(format!(
                        "unsupported format character '{other}' (0x{:x}) at index {}",
                        other as u32,
                        i - 1
                    )))
                }
            };
            out.push_str(&piece);
        }
        if !is_mapping && ai < arg_list.len() {
            let what = if bytes { "bytes" } else { "string" };
            return Err(self.new_type_error(format!(
                "not all arguments converted during {what} formatting"
            )));
        }
        Ok(out)
    }
}
