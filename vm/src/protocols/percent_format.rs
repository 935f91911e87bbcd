//! printf-style `%` formatting of str and bytes (`'%5.2f' % x`), with CPython's
//! conversions, flags and error messages.

use super::format::{pad, parse_size, Spec};
use crate::object::Kind;
use crate::object::Value;
use crate::protocols::num::Num;
use crate::{PyResult, Vm};
use num_bigint::BigInt;
use num_traits::Signed;

impl Vm {
    /// `%d`, `%x`, `%X`, `%o` of `n`: precision as the minimum number of digits, `#`
    /// for the base prefix, then the width.
    fn percent_int(&mut self, n: &BigInt, conv: char, sp: &mut Spec) -> PyResult<String> {
        let prec = sp.precision.take().unwrap_or(0);
        if prec > i32::MAX as usize - 3 {
            return Err(self.new_overflow_error("precision too large"));
        }
        let mag = n.abs();
        let (mut digits, prefix) = match conv {
            'x' => (mag.to_str_radix(16), "0x"),
            'X' => (mag.to_str_radix(16).to_uppercase(), "0X"),
            'o' => (mag.to_str_radix(8), "0o"),
            _ => (self.int_to_decimal(&mag)?, ""),
        };
        if digits.len() < prec {
            let mut z = self.repeat_str("0", prec - digits.len())?;
            z.push_str(&digits);
            digits = z;
        }
        let sign = if n.is_negative() {
            "-"
        } else {
            match sp.sign {
                Some('+') => "+",
                Some(' ') => " ",
                _ => "",
            }
        };
        let prefix = if sp.alternate { prefix } else { "" };
        pad(self, sp, &format!("{sign}{prefix}"), &digits, true)
    }

    /// The value of a `*` width (`c_type` "ssize_t") or precision ("int") in `%`
    /// formatting, with CPython's errors.
    fn star_arg(&mut self, v: Value, c_type: &str) -> PyResult<i64> {
        let n = match v {
            Value::Int(i) => Some(i),
            Value::Bool(b) => Some(b as i64),
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::BigInt(_) => None,
                Kind::Boxed(Value::Int(i)) => Some(*i),
                _ => return Err(self.new_type_error("* wants int".into())),
            },
            _ => return Err(self.new_type_error("* wants int".into())),
        };
        let (lo, hi) = if c_type == "int" {
            (i32::MIN as i64, i32::MAX as i64)
        } else {
            (i64::MIN, i64::MAX)
        };
        match n {
            Some(n) if (lo..=hi).contains(&n) => Ok(n),
            _ => {
                Err(self
                    .new_overflow_error(&format!("Python int too large to convert to C {c_type}")))
            }
        }
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
                let w = self.star_arg(w, "ssize_t")?;
                // A negative width left-aligns.
                left |= w < 0;
                sp.width = Some(w.unsigned_abs() as usize);
                i += 1;
            } else {
                let start = i;
                while i < chars.len() && chars[i].is_ascii_digit() {
                    i += 1;
                }
                if i > start {
                    match parse_size(&chars[start..i]) {
                        Some(w) => sp.width = Some(w),
                        None => return Err(self.new_value_error("width too big".into())),
                    }
                }
            }
            if i < chars.len() && chars[i] == '.' {
                i += 1;
                if i < chars.len() && chars[i] == '*' {
                    let p = next_arg(self)?;
                    let p = self.star_arg(p, "int")?;
                    sp.precision = Some(p.max(0) as usize);
                    i += 1;
                } else {
                    let start = i;
                    while i < chars.len() && chars[i].is_ascii_digit() {
                        i += 1;
                    }
                    match parse_size(&chars[start..i]).filter(|p| *p <= i32::MAX as usize) {
                        Some(p) => sp.precision = Some(p),
                        None => return Err(self.new_value_error("precision too big".into())),
                    }
                }
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
                                    let r = self.call_special(f, &[v])?;
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
                    pad(self, &sp, "", &s, true)?
                }
                'r' | 'a' if bytes => {
                    let s = self.ascii(v)?;
                    let s: String = match sp.precision.take() {
                        Some(p) => s.chars().take(p).collect(),
                        None => s,
                    };
                    pad(self, &sp, "", &s, true)?
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
                    pad(self, &sp, "", &(c as char).to_string(), true)?
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
                    pad(self, &sp, "", &s, true)?
                }
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                    let n = match self.num_of(v) {
                        Some(Num::F(f)) if matches!(conv, 'd' | 'i' | 'u') => {
                            if f.is_nan() {
                                return Err(self.new_value_error(
                                    "cannot convert float NaN to integer".into(),
                                ));
                            }
                            if f.is_infinite() {
                                return Err(self.new_overflow_error(
                                    "cannot convert float infinity to integer",
                                ));
                            }
                            crate::types::int::float_to_bigint(f.trunc())
                        }
                        Some(n @ (Num::I(_) | Num::B(_))) => n.to_big(),
                        _ => {
                            let t = self.type_name(v);
                            let what = if matches!(conv, 'd' | 'i' | 'u') {
                                "a real number"
                            } else {
                                "an integer"
                            };
                            return Err(self.new_type_error(format!(
                                "%{conv} format: {what} is required, not {t}"
                            )));
                        }
                    };
                    self.percent_int(&n, conv, &mut sp)?
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
