//! `print` and `input`: the console builtins (through the effects boundary).

use super::{sys, Args, Kw};
use crate::object::Value;
use crate::{KwSpec, PyResult, Vm};

pub(super) fn b_print(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    // print(*objects, sep=' ', end='\n', file=None, flush=False)
    const SPEC: KwSpec<4> = KwSpec::new("print", ["sep", "end", "file", "flush"]).positional(0);
    let [sep, end, file, flush] = SPEC.parse(vm, &[], kw)?;
    let sep = match sep {
        Some(Value::None) | None => " ".to_string(),
        Some(v) => vm.expect_str(v, "sep")?,
    };
    let end = match end {
        Some(Value::None) | None => "\n".to_string(),
        Some(v) => vm.expect_str(v, "end")?,
    };
    let mut pieces = Vec::with_capacity(args.len());
    for a in args {
        match vm.as_str(*a) {
            Some(s) if vm.class_data(vm.type_of(*a)).is_builtin => pieces.push(s.to_string()),
            _ => pieces.push(vm.str(*a)?),
        }
    }
    let file = match file {
        // `print()` writes to whatever `sys.stdout` is now (a StringIO under doctest
        // or contextlib.redirect_stdout); the console stream takes the fast path.
        None | Some(Value::None) => match sys::sys_attr(vm, "stdout") {
            Some(f) if sys::open_fd(vm, f)? != Some(1) => Some(f),
            _ => None,
        },
        Some(f) => Some(f),
    };
    let mut out = pieces.join(&sep);
    out.push_str(&end);
    match file {
        None => {
            let r = vm.effects.write_stdout(&out);
            vm.fx(r)?;
        }
        Some(f) => {
            if !sys::write_std_stream(vm, f, &out)? {
                // Other files get each piece in its own write() call, as CPython does.
                for (i, p) in pieces.into_iter().enumerate() {
                    if i > 0 {
                        let s = vm.new_str(sep.clone());
                        vm.call_method(f, "write", &[s])?;
                    }
                    let s = vm.new_str(p);
                    vm.call_method(f, "write", &[s])?;
                }
                let s = vm.new_str(end);
                vm.call_method(f, "write", &[s])?;
            }
        }
    }
    if let Some(fl) = flush {
        if vm.truthy(fl)? {
            match file {
                None => vm.effects.flush_stdout(),
                Some(f) => {
                    vm.call_method(f, "flush", &[])?;
                }
            }
        }
    }
    Ok(Value::None)
}
pub(super) fn b_input(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    vm.check_args("input", args, 0, 1)?;
    if let Some(p) = args.first() {
        let s = vm.str(*p)?;
        let r = vm.effects.write_stdout(&s);
        vm.fx(r)?;
    }
    let r = vm.effects.read_line();
    let line = vm.fx(r)?;
    if line.is_empty() {
        return Err(vm.new_error(vm.types.eof_error, "EOF when reading a line".into()));
    }
    let line = line.strip_suffix('\n').unwrap_or(&line);
    let line = line.strip_suffix('\r').unwrap_or(line).to_string();
    Ok(vm.new_str(line))
}
