//! `str.format` and `str.format_map`: parsing replacement fields, looking up
//! arguments, conversions, and applying format specs.

use super::methods::{this, Args, Kw};
use crate::object::Value;
use crate::{PyResult, Vm};

pub(super) fn s_format(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    let s = this(vm, args, "format")?;
    let r = str_format(vm, &s, &args[1..], kw, None)?;
    Ok(vm.new_str(r))
}
pub(super) fn s_format_map(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let s = this(vm, args, "format_map")?;
    vm.check_args("format_map", &args[1..], 1, 1)?;
    let r = str_format(vm, &s, &[], &[], Some(args[1]))?;
    Ok(vm.new_str(r))
}
/// `str.format`: fields `{name!conv:spec}` with auto/explicit numbering, attribute
/// and index lookups, nested replacement fields in the spec.
pub fn str_format(
    vm: &mut Vm,
    s: &str,
    args: &[Value],
    kw: &[(Value, Value)],
    mapping: Option<Value>,
) -> PyResult<String> {
    let mut numbering = (0usize, false);
    format_fields(vm, s, args, kw, mapping, &mut numbering)
}
/// `str.format` of `s`; `numbering` is (next automatic index, manual numbering
/// seen), shared with the fields nested in format specs.
fn format_fields(
    vm: &mut Vm,
    s: &str,
    args: &[Value],
    kw: &[(Value, Value)],
    mapping: Option<Value>,
    numbering: &mut (usize, bool),
) -> PyResult<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if i + 1 < chars.len() && chars[i + 1] == '{' {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace (nested braces in the spec).
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                if chars[j] == '{' {
                    depth += 1;
                } else if chars[j] == '}' {
                    depth -= 1;
                }
                j += 1;
            }
            if depth > 0 {
                return Err(vm.new_value_error("expected '}' before end of string".into()));
            }
            let field: String = chars[i + 1..j - 1].iter().collect();
            i = j;
            // The field name ends at the first '!' or ':' outside brackets.
            let mut in_bracket = false;
            let name_end = field
                .char_indices()
                .find(|&(_, c)| {
                    match c {
                        '[' => in_bracket = true,
                        ']' => in_bracket = false,
                        _ => {}
                    }
                    !in_bracket && (c == '!' || c == ':')
                })
                .map(|(k, _)| k)
                .unwrap_or(field.len());
            let name = field[..name_end].to_string();
            let tail = &field[name_end..];
            let (conv, spec) = if let Some(t) = tail.strip_prefix('!') {
                match t.find(':') {
                    Some(k) => (Some(t[..k].to_string()), t[k + 1..].to_string()),
                    None => (Some(t.to_string()), String::new()),
                }
            } else {
                (None, tail.strip_prefix(':').unwrap_or("").to_string())
            };
            // Split name into first part and accessors.
            let first_end = name.find(['.', '[']).unwrap_or(name.len());
            let first = &name[..first_end];
            let mut v = if first.is_empty() {
                if numbering.1 {
                    return Err(vm.new_value_error("cannot switch from manual field specification to automatic field numbering".into()));
                }
                let idx = numbering.0;
                numbering.0 += 1;
                match args.get(idx) {
                    Some(v) => *v,
                    None => {
                        return Err(vm.new_error(
                            vm.types.index_error,
                            format!(
                                "Replacement index {idx} out of range for positional args tuple"
                            ),
                        ))
                    }
                }
            } else if let Ok(idx) = first.parse::<usize>() {
                if numbering.0 > 0 {
                    return Err(vm.new_value_error("cannot switch from automatic field numbering to manual field specification".into()));
                }
                numbering.1 = true;
                match args.get(idx) {
                    Some(v) => *v,
                    None => {
                        return Err(vm.new_error(
                            vm.types.index_error,
                            format!(
                                "Replacement index {idx} out of range for positional args tuple"
                            ),
                        ))
                    }
                }
            } else {
                let key = vm.new_str(first.to_string());
                match mapping {
                    Some(m) => vm.getitem(m, key)?,
                    None => match vm.kwarg(kw, first) {
                        Some(v) => v,
                        None => return Err(vm.new_key_error(key)),
                    },
                }
            };
            let mut rest = &name[first_end..];
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let end = r.find(['.', '[']).unwrap_or(r.len());
                    let attr = vm.intern(&r[..end]);
                    v = vm.getattr(v, attr)?;
                    rest = &r[end..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let end = r.find(']').unwrap_or(r.len());
                    let key_s = &r[..end];
                    let key = match key_s.parse::<i64>() {
                        Ok(n) => Value::Int(n),
                        Err(_) => vm.new_str(key_s.to_string()),
                    };
                    v = vm.getitem(v, key)?;
                    rest = r.get(end + 1..).unwrap_or("");
                } else {
                    break;
                }
            }
            let v = match conv.as_deref() {
                Some("r") => {
                    let s = vm.repr(v)?;
                    vm.new_str(s)
                }
                Some("s") => vm.str_value(v)?,
                Some("a") => {
                    let s = vm.ascii(v)?;
                    vm.new_str(s)
                }
                Some(other) => {
                    return Err(vm.new_value_error(format!("Unknown conversion specifier {other}")))
                }
                None => v,
            };
            let spec = if spec.contains('{') {
                format_fields(vm, &spec, args, kw, mapping, numbering)?
            } else {
                spec
            };
            let piece = vm.format(v, &spec)?;
            out.push_str(&piece);
        } else if c == '}' {
            if i + 1 < chars.len() && chars[i + 1] == '}' {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(vm.new_value_error("Single '}' encountered in format string".into()));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}
