//! The methods of `str` about case and character classes (`upper`, `title`,
//! `isdigit`, `isidentifier`, ...), padding (`ljust`, `center`, `zfill`) and tabs.

use super::methods::{char_count, must_str, this, Args, Kw};
use crate::object::{Kind, PyStr, Value};
use crate::{KwSpec, PyResult, Vm};

fn map_str(vm: &mut Vm, args: Args, f: impl Fn(&str) -> String) -> PyResult<Value> {
    let s = this(vm, args, "method")?;
    let r = f(&s);
    Ok(vm.new_str(r))
}
/// `upper()`/`lower()` of ASCII text: the copy is made once, in its final
/// place, and mapped there (`map_str` builds a `String`, then copies it).
fn map_ascii(vm: &mut Vm, args: Args, upper: bool) -> Option<Value> {
    let Some(Value::Obj(r)) = args.first() else {
        return None;
    };
    let Kind::Str(ps) = vm.heap.kind(*r) else {
        return None;
    };
    if !ps.is_ascii() {
        return None;
    }
    let (t, len) = (
        crate::object::text::Text::ascii_case(&ps.s, upper),
        ps.s.len(),
    );
    let c = vm.types.str;
    Some(Value::Obj(
        vm.heap.alloc(c, Kind::Str(PyStr::with_char_len(t, len))),
    ))
}
pub(super) fn s_upper(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    if let Some(v) = map_ascii(vm, args, true) {
        return Ok(v);
    }
    map_str(vm, args, |s| s.to_uppercase())
}
pub(super) fn s_lower(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    if let Some(v) = map_ascii(vm, args, false) {
        return Ok(v);
    }
    map_str(vm, args, |s| s.to_lowercase())
}
pub(super) fn s_casefold(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    map_str(vm, args, |s| s.to_lowercase().replace('ß', "ss"))
}
pub(super) fn s_swapcase(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    use crate::types::str::unicode_tables::is_cased;
    map_str(vm, args, |s| {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        for (i, &c) in chars.iter().enumerate() {
            if c == '\u{3a3}' {
                // Capital sigma: final form after a cased letter and not before one.
                let prev = i > 0 && is_cased(chars[i - 1]);
                let next = chars.get(i + 1).is_some_and(|n| is_cased(*n));
                out.push(if prev && !next { '\u{3c2}' } else { '\u{3c3}' });
            } else if c.is_uppercase() {
                out.extend(c.to_lowercase());
            } else if c.is_lowercase() {
                out.extend(c.to_uppercase());
            } else {
                out.push(c);
            }
        }
        out
    })
}
pub(super) fn s_capitalize(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    map_str(vm, args, |s| {
        let mut cs = s.chars();
        match cs.next() {
            Some(f) => crate::types::str::unicode_tables::to_title(f) + &cs.as_str().to_lowercase(),
            None => String::new(),
        }
    })
}
pub(super) fn s_title(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    use crate::types::str::unicode_tables::{is_cased, to_title};
    map_str(vm, args, |s| {
        let chars: Vec<char> = s.chars().collect();
        let mut out = String::with_capacity(s.len());
        let mut prev_cased = false;
        for (i, &c) in chars.iter().enumerate() {
            if !prev_cased {
                out.push_str(&to_title(c));
            } else if c == '\u{3a3}' {
                // Capital sigma lowercases to the final form at the end of a word.
                let next_cased = chars.get(i + 1).is_some_and(|n| is_cased(*n));
                out.push(if next_cased { '\u{3c3}' } else { '\u{3c2}' });
            } else {
                out.extend(c.to_lowercase());
            }
            prev_cased = is_cased(c);
        }
        out
    })
}
fn pred(vm: &mut Vm, args: Args, f: impl Fn(&str) -> bool) -> PyResult<Value> {
    let s = this(vm, args, "method")?;
    Ok(Value::Bool(f(&s)))
}
pub(super) fn s_isdigit(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |s| {
        !s.is_empty() && s.chars().all(crate::types::str::unicode_tables::is_digit)
    })
}
pub(super) fn s_isdecimal(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |s| {
        !s.is_empty() && s.chars().all(crate::types::str::unicode_tables::is_decimal)
    })
}
pub(super) fn s_isnumeric(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |s| {
        !s.is_empty() && s.chars().all(crate::types::str::unicode_tables::is_numeric)
    })
}
pub(super) fn s_isalpha(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |s| {
        !s.is_empty() && s.chars().all(|c| c.is_alphabetic())
    })
}
pub(super) fn s_isalnum(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |s| {
        !s.is_empty() && s.chars().all(|c| c.is_alphanumeric())
    })
}
pub(super) fn s_isspace(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |s| {
        !s.is_empty() && s.chars().all(crate::types::str::unicode_tables::is_space)
    })
}
pub(super) fn s_isupper(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |s| {
        s.chars().any(|c| c.is_uppercase()) && !s.chars().any(|c| c.is_lowercase())
    })
}
pub(super) fn s_islower(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |s| {
        s.chars().any(|c| c.is_lowercase()) && !s.chars().any(|c| c.is_uppercase())
    })
}
pub(super) fn s_isascii(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |s| s.is_ascii())
}
pub(super) fn s_isprintable(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |s| {
        s.chars()
            .all(|c| c == ' ' || crate::protocols::repr::is_printable(c))
    })
}
pub(super) fn s_isidentifier(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |s| {
        let mut cs = s.chars();
        match cs.next() {
            Some(c) if c == '_' || c.is_alphabetic() => cs.all(|c| c == '_' || c.is_alphanumeric()),
            _ => false,
        }
    })
}
pub(super) fn s_istitle(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |s| {
        let mut prev_cased = false;
        let mut any = false;
        for c in s.chars() {
            if c.is_uppercase() || crate::types::str::unicode_tables::is_titlecase(c) {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else if c.is_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                any = true;
            } else {
                prev_cased = false;
            }
        }
        any
    })
}
fn justify(vm: &mut Vm, args: Args, how: char) -> PyResult<Value> {
    let s = this(vm, args, "justify")?;
    vm.check_args("justify", &args[1..], 1, 2)?;
    let width = vm.expect_ssize(args[1])?;
    let fill = match args.get(2) {
        Some(v) => {
            let f = must_str(vm, *v, "The fill character")?;
            if f.chars().count() != 1 {
                return Err(vm.new_type_error(
                    "The fill character must be exactly one character long".into(),
                ));
            }
            f.chars().next().unwrap_or(' ')
        }
        None => ' ',
    };
    let len = char_count(&s) as i64;
    if width <= len {
        return Ok(args[0]);
    }
    let n = (width - len) as usize;
    let left = match how {
        'l' => 0,
        'r' => n,
        // CPython's centering puts the extra character on the left when odd widths.
        _ => n / 2 + (n & (width as usize) & 1),
    };
    let unit = fill.to_string();
    let (a, b) = (vm.repeat_str(&unit, left)?, vm.repeat_str(&unit, n - left)?);
    vm.check_alloc(a.len() + s.len() + b.len(), 1)?;
    Ok(vm.new_str(format!("{a}{s}{b}")))
}
pub(super) fn s_ljust(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    justify(vm, args, 'l')
}
pub(super) fn s_rjust(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    justify(vm, args, 'r')
}
pub(super) fn s_center(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    justify(vm, args, 'c')
}
pub(super) fn s_zfill(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let s = this(vm, args, "zfill")?;
    vm.check_args("zfill", &args[1..], 1, 1)?;
    let width = vm.expect_ssize(args[1])?;
    let len = char_count(&s) as i64;
    if width <= len {
        return Ok(args[0]);
    }
    let n = (width - len) as usize;
    let zeros = vm.repeat_str("0", n)?;
    vm.check_alloc(zeros.len() + s.len(), 1)?;
    let r = if s.starts_with('+') || s.starts_with('-') {
        format!("{}{zeros}{}", &s[..1], &s[1..])
    } else {
        format!("{zeros}{s}")
    };
    Ok(vm.new_str(r))
}
pub(super) fn s_expandtabs(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "expandtabs")?;
    const SPEC: KwSpec<1> = KwSpec::new("expandtabs", ["tabsize"]);
    let [ts] = SPEC.parse(vm, &args[1..], kw)?;
    let ts = vm.expect_c_int(ts.unwrap_or(Value::Int(8)))? as i64;
    let mut out = String::new();
    let mut col = 0i64;
    for c in s.chars() {
        match c {
            '\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    vm.reserve_string(&mut out, n as usize)?;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(vm.new_str(out))
}
