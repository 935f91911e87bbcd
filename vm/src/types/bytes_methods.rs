//! The text-like methods of `bytes` and `bytearray` (case, classification, padding,
//! tabs, hex, translate, affixes); the searching and splitting ones are in `bytes.rs`.

use crate::args::{Arity, KwSpec, NativeDef};
use crate::object::Value;
use crate::types::bytes::{arg_bytes, decode, is_space, same, this};
use crate::{PyResult, Vm};

type Args<'a> = &'a [Value];
use crate::Kw;

fn map_bytes(vm: &mut Vm, args: Args, f: impl Fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let b = this(vm, args)?;
    let r = f(&b);
    Ok(same(vm, args[0], r))
}
fn b_upper(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    map_bytes(vm, args, |b| b.to_ascii_uppercase())
}
fn b_lower(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    map_bytes(vm, args, |b| b.to_ascii_lowercase())
}
fn b_swapcase(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    map_bytes(vm, args, |b| {
        b.iter()
            .map(|c| {
                if c.is_ascii_lowercase() {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}
fn b_capitalize(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    map_bytes(vm, args, |b| {
        b.iter()
            .enumerate()
            .map(|(i, c)| {
                if i == 0 {
                    c.to_ascii_uppercase()
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}
fn b_title(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    map_bytes(vm, args, |b| {
        let mut prev_cased = false;
        b.iter()
            .map(|c| {
                let r = if prev_cased {
                    c.to_ascii_lowercase()
                } else {
                    c.to_ascii_uppercase()
                };
                prev_cased = c.is_ascii_alphabetic();
                r
            })
            .collect()
    })
}

fn pred(vm: &mut Vm, args: Args, f: impl Fn(&[u8]) -> bool) -> PyResult<Value> {
    let b = this(vm, args)?;
    Ok(Value::Bool(f(&b)))
}
fn b_isdigit(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |b| {
        !b.is_empty() && b.iter().all(|c| c.is_ascii_digit())
    })
}
fn b_isalpha(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |b| {
        !b.is_empty() && b.iter().all(|c| c.is_ascii_alphabetic())
    })
}
fn b_isalnum(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |b| {
        !b.is_empty() && b.iter().all(|c| c.is_ascii_alphanumeric())
    })
}
fn b_isspace(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |b| {
        !b.is_empty() && b.iter().all(|c| is_space(*c))
    })
}
fn b_isascii(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |b| b.is_ascii())
}
fn b_islower(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |b| {
        b.iter().any(|c| c.is_ascii_lowercase()) && !b.iter().any(|c| c.is_ascii_uppercase())
    })
}
fn b_isupper(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |b| {
        b.iter().any(|c| c.is_ascii_uppercase()) && !b.iter().any(|c| c.is_ascii_lowercase())
    })
}
fn b_istitle(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    pred(vm, args, |b| {
        let (mut cased, mut prev_cased) = (false, false);
        for c in b {
            if c.is_ascii_uppercase() {
                if prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else if c.is_ascii_lowercase() {
                if !prev_cased {
                    return false;
                }
                prev_cased = true;
                cased = true;
            } else {
                prev_cased = false;
            }
        }
        cased
    })
}

fn justify(vm: &mut Vm, args: Args, name: &str, how: char) -> PyResult<Value> {
    let b = this(vm, args)?;
    vm.check_args(name, &args[1..], 1, 2)?;
    let width = vm.expect_ssize(args[1])?;
    let fill = match args.get(2) {
        Some(v) => match vm.bytes_of(*v) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                let t = vm.type_name(*v);
                return Err(vm.new_type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {t}"
                )));
            }
        },
        None => b' ',
    };
    let len = b.len() as i64;
    if width <= len {
        return Ok(same(vm, args[0], b));
    }
    let n = (width - len) as usize;
    let left = match how {
        'l' => 0,
        'r' => n,
        _ => n / 2 + (n & (width as usize) & 1),
    };
    let mut out = vm.alloc_vec(width as usize)?;
    out.resize(left, fill);
    out.extend_from_slice(&b);
    out.resize(width as usize, fill);
    Ok(same(vm, args[0], out))
}
fn b_ljust(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    justify(vm, args, "ljust", 'l')
}
fn b_rjust(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    justify(vm, args, "rjust", 'r')
}
fn b_center(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    justify(vm, args, "center", 'c')
}
fn b_zfill(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    vm.check_args("zfill", &args[1..], 1, 1)?;
    let width = vm.expect_ssize(args[1])?;
    let len = b.len() as i64;
    if width <= len {
        return Ok(same(vm, args[0], b));
    }
    let n = (width - len) as usize;
    let mut out = vm.alloc_vec(width as usize)?;
    let body = match b.first() {
        Some(c @ (b'+' | b'-')) => {
            out.push(*c);
            &b[1..]
        }
        _ => &b[..],
    };
    out.extend(std::iter::repeat_n(b'0', n));
    out.extend_from_slice(body);
    Ok(same(vm, args[0], out))
}
fn b_expandtabs(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    const SPEC: KwSpec<1> = KwSpec::new("expandtabs", ["tabsize"]);
    let [ts] = SPEC.parse(vm, &args[1..], kw)?;
    let ts = vm.expect_c_int(ts.unwrap_or(Value::Int(8)))? as i64;
    let mut out = vec![];
    let mut col = 0i64;
    for c in b {
        match c {
            b'\t' => {
                if ts > 0 {
                    let n = ts - col % ts;
                    vm.reserve_vec(&mut out, n as usize)?;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(same(vm, args[0], out))
}

fn b_removeprefix(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    vm.check_args("removeprefix", &args[1..], 1, 1)?;
    let p = arg_bytes(vm, args[1])?;
    let r = b.strip_prefix(&p[..]).unwrap_or(&b).to_vec();
    Ok(same(vm, args[0], r))
}
fn b_removesuffix(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    vm.check_args("removesuffix", &args[1..], 1, 1)?;
    let p = arg_bytes(vm, args[1])?;
    let r = b.strip_suffix(&p[..]).unwrap_or(&b).to_vec();
    Ok(same(vm, args[0], r))
}

fn b_decode(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    const SPEC: KwSpec<2> = KwSpec::new("decode", ["encoding", "errors"]);
    let [enc, err] = SPEC.parse(vm, &args[1..], kw)?;
    decode(
        vm,
        &b,
        enc.unwrap_or(Value::None),
        err.unwrap_or(Value::None),
    )
}

fn b_hex(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    const SPEC: KwSpec<2> = KwSpec::new("hex", ["sep", "bytes_per_sep"]);
    let [sep, per] = SPEC.parse(vm, &args[1..], kw)?;
    let sep = sep.unwrap_or(Value::None);
    let per = vm.expect_int(per.unwrap_or(Value::Int(1)), "")?;
    let digits: Vec<String> = b.iter().map(|x| format!("{x:02x}")).collect();
    if sep.is_none() || b.is_empty() || per == 0 {
        return Ok(vm.new_str(digits.concat()));
    }
    let sep: String = if let Some(s) = vm.as_str(sep) {
        s.to_string()
    } else if let Some(bs) = vm.bytes_of(sep) {
        bs.iter().map(|c| *c as char).collect()
    } else {
        let t = vm.type_name(sep);
        return Err(vm.new_type_error(format!("sep must be str or bytes, not {t}")));
    };
    if sep.chars().count() != 1 {
        return Err(vm.new_value_error("sep must be length 1.".into()));
    }
    let k = per.unsigned_abs() as usize;
    let n = digits.len();
    let mut out = String::new();
    for (i, d) in digits.iter().enumerate() {
        // Groups of k bytes: counted from the right when per > 0, from the left else.
        let boundary = if per > 0 {
            i > 0 && (n - i).is_multiple_of(k)
        } else {
            i > 0 && i.is_multiple_of(k)
        };
        if boundary {
            out.push_str(&sep);
        }
        out.push_str(d);
    }
    Ok(vm.new_str(out))
}

fn b_fromhex(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("fromhex", &args[1..], 1, 1)?;
    let s: Vec<char> = match vm.as_str(args[1]) {
        Some(s) => s.chars().collect(),
        None => {
            let t = vm.type_name(args[1]);
            return Err(vm.new_type_error(format!("fromhex() argument must be str, not {t}")));
        }
    };
    let mut out = vec![];
    let mut i = 0;
    let bad = |vm: &mut Vm, pos: usize| {
        vm.new_value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    };
    while i < s.len() {
        if s[i].is_ascii() && is_space(s[i] as u8) {
            i += 1;
            continue;
        }
        let Some(hi) = s[i].to_digit(16) else {
            return Err(bad(vm, i));
        };
        let Some(lo) = s.get(i + 1).and_then(|c| c.to_digit(16)) else {
            return Err(bad(vm, i + 1));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let cls = args[0].obj();
    if cls == Some(vm.types.bytearray) {
        Ok(vm.new_bytearray(out))
    } else {
        Ok(vm.new_bytes(out))
    }
}

fn b_maketrans(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    // A staticmethod: args are (from, to).
    vm.check_args("maketrans", args, 2, 2)?;
    let from = arg_bytes(vm, args[0])?;
    let to = arg_bytes(vm, args[1])?;
    if from.len() != to.len() {
        return Err(vm.new_value_error("maketrans arguments must have same length".into()));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in from.iter().zip(to.iter()) {
        table[*f as usize] = *t;
    }
    Ok(vm.new_bytes(table))
}

fn b_translate(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    let b = this(vm, args)?;
    // translate(table, /, delete=b'')
    const SPEC: KwSpec<2> = KwSpec::new("translate", ["table", "delete"])
        .required(1)
        .posonly(1);
    let [table, delete] = SPEC.parse(vm, &args[1..], kw)?;
    let table = table.unwrap_or(Value::None);
    let table = if table.is_none() {
        None
    } else {
        let t = arg_bytes(vm, table)?;
        if t.len() != 256 {
            return Err(vm.new_value_error("translation table must be 256 characters long".into()));
        }
        Some(t)
    };
    let delete = delete.unwrap_or(Value::None);
    let delete = if delete.is_none() {
        vec![]
    } else {
        arg_bytes(vm, delete)?
    };
    let out: Vec<u8> = b
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|c| match &table {
            Some(t) => t[*c as usize],
            None => *c,
        })
        .collect();
    Ok(same(vm, args[0], out))
}

pub fn register(vm: &mut Vm) {
    let methods: &[NativeDef] = &[
        ("decode", b_decode, Arity::parsed()),
        ("hex", b_hex, Arity::parsed()),
        ("upper", b_upper, Arity::none()),
        ("lower", b_lower, Arity::none()),
        ("swapcase", b_swapcase, Arity::none()),
        ("capitalize", b_capitalize, Arity::none()),
        ("title", b_title, Arity::none()),
        ("isdigit", b_isdigit, Arity::none()),
        ("isalpha", b_isalpha, Arity::none()),
        ("isalnum", b_isalnum, Arity::none()),
        ("isspace", b_isspace, Arity::none()),
        ("isascii", b_isascii, Arity::none()),
        ("islower", b_islower, Arity::none()),
        ("isupper", b_isupper, Arity::none()),
        ("istitle", b_istitle, Arity::none()),
        ("center", b_center, Arity::range(1, 2)),
        ("ljust", b_ljust, Arity::range(1, 2)),
        ("rjust", b_rjust, Arity::range(1, 2)),
        ("zfill", b_zfill, Arity::exactly(1)),
        ("expandtabs", b_expandtabs, Arity::parsed()),
        ("removeprefix", b_removeprefix, Arity::exactly(1)),
        ("removesuffix", b_removesuffix, Arity::exactly(1)),
        ("translate", b_translate, Arity::parsed()),
    ];
    for c in [vm.types.bytes, vm.types.bytearray] {
        vm.add_methods(c, methods);
        vm.add_classmethod(c, "fromhex", b_fromhex, Arity::exactly(1));
        vm.add_staticmethod(c, "maketrans", b_maketrans, Arity::exactly(2));
    }
}
