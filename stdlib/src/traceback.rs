//! `_traceback`: what `traceback` and `warnings` (both in Python) need to see of the
//! VM: the frames an exception passed through, the frames running now, and the
//! source lines of loaded modules.

use revpy_vm::{Arity, NativeDef};
use revpy_vm::{Kind, ObjRef, PyResult, Value, Vm};

use revpy_vm::Kw;

/// A `(filename, lineno, name, line)` tuple; `line` is the stripped source or None.
fn entry(vm: &mut Vm, file: &str, line: u32, name: &str) -> Value {
    let src = match vm.source_line(file, line) {
        Some(s) => vm.new_str(s),
        None => Value::None,
    };
    let f = vm.new_str(file.to_string());
    let n = vm.new_str(name.to_string());
    vm.new_tuple(vec![f, Value::Int(line as i64), n, src])
}

/// `extract_tb(exc)`: the frames `exc` passed through, outermost first.
fn extract_tb(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("extract_tb", kw)?;
    vm.check_args("extract_tb", args, 1, 1)?;
    let tb = match args[0].obj().map(|r| vm.heap.kind(r)) {
        Some(Kind::Exception(x)) => x.traceback.clone(),
        _ => vec![],
    };
    let mut out = vec![];
    for t in tb.iter().rev() {
        let (code, pc) = (&t.code, &t.pc);
        let c = &code.code;
        let line = c.traceback_line(*pc as usize);
        out.push(entry(vm, &c.filename, line, &c.name));
    }
    Ok(vm.new_list(out))
}

/// `extract_stack(skip)`: the running frames, outermost first, without the `skip`
/// innermost ones.
fn extract_stack(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("extract_stack", kw)?;
    vm.check_args("extract_stack", args, 0, 1)?;
    let skip = match args.first() {
        Some(v) => vm.expect_int(*v, "skip")?.max(0) as usize,
        None => 0,
    };
    let n = vm.frames.len().saturating_sub(skip);
    let frames: Vec<_> = vm.frames[..n]
        .iter()
        .map(|f| {
            (
                f.code.code.filename.clone(),
                f.line(),
                f.code.code.name.clone(),
            )
        })
        .collect();
    let mut out = vec![];
    for (file, line, name) in frames {
        out.push(entry(vm, &file, line, &name));
    }
    Ok(vm.new_list(out))
}

/// `frame_info(depth)`: `(filename, lineno, globals)` of the frame `depth` levels
/// above the caller (0: the Python function calling this), or None.
fn frame_info(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("frame_info", kw)?;
    vm.check_args("frame_info", args, 1, 1)?;
    let depth = vm.expect_int(args[0], "depth")?;
    let n = vm.frames.len() as i64;
    if depth < 0 || depth >= n {
        return Ok(Value::None);
    }
    let f = &vm.frames[(n - 1 - depth) as usize];
    let (file, line, globals) = (f.code.code.filename.clone(), f.line(), f.globals);
    let fv = vm.new_str(file.to_string());
    Ok(vm.new_tuple(vec![fv, Value::Int(line as i64), Value::Obj(globals)]))
}

/// `getline(filename, lineno)`: the stripped source line, or ''.
fn getline(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("getline", kw)?;
    vm.check_args("getline", args, 2, 2)?;
    let file = vm.expect_str(args[0], "filename")?;
    let line = vm.expect_int(args[1], "lineno")?;
    let s = u32::try_from(line)
        .ok()
        .and_then(|l| vm.source_line(&file, l))
        .unwrap_or_default();
    Ok(vm.new_str(s))
}

/// `source(filename)`: the whole source text of a module the program loaded (the
/// recording holds it), or None.
fn source(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("source", kw)?;
    vm.check_args("source", args, 1, 1)?;
    let file = vm.expect_str(args[0], "filename")?;
    let text = vm.program_source(&file).map(str::to_string);
    Ok(match text {
        Some(t) => vm.new_str(t),
        None => Value::None,
    })
}

/// `exception_line(exc)`: the last line of a traceback, `Type: message`.
fn exception_line(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("exception_line", kw)?;
    vm.check_args("exception_line", args, 1, 1)?;
    let s = match args[0] {
        Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Exception(_)) => vm.exception_line(r),
        v => {
            let t = vm.type_name(v);
            let s = vm.str_lossy(v);
            format!("{t}: {s}")
        }
    };
    Ok(vm.new_str(s))
}

/// `caret_anchors(segment)`: where the operator (or the brackets) of a segment that
/// is one binary operation (or subscript) starts and ends, as character offsets, or
/// None: `traceback._extract_caret_anchors_from_line_segment` without `ast`.
fn caret_anchors(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("caret_anchors", kw)?;
    vm.check_args("caret_anchors", args, 1, 1)?;
    let seg = vm.expect_str(args[0], "segment")?.to_string();
    let flavor = revpy_compiler::carets::Flavor::Module;
    Ok(match revpy_compiler::carets::anchors(&seg, flavor) {
        Some((l, r)) => vm.new_tuple(vec![Value::Int(l as i64), Value::Int(r as i64)]),
        None => Value::None,
    })
}

/// `display_width(line, offset)`: the columns the first `offset` characters of
/// `line` take (wide characters two): `traceback._display_width` without
/// `unicodedata`.
fn display_width(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    vm.no_kwargs("display_width", kw)?;
    vm.check_args("display_width", args, 2, 2)?;
    let line = vm.expect_str(args[0], "line")?.to_string();
    let n = vm.expect_int(args[1], "offset")?.max(0) as usize;
    Ok(Value::Int(
        revpy_compiler::carets::display_width(&line, n) as i64
    ))
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_traceback");
    let d = vm.module_dict(m);
    let fns: &[NativeDef] = &[
        ("extract_tb", extract_tb, Arity::exactly(1)),
        ("caret_anchors", caret_anchors, Arity::exactly(1)),
        ("display_width", display_width, Arity::exactly(2)),
        ("extract_stack", extract_stack, Arity::range(0, 1)),
        ("frame_info", frame_info, Arity::exactly(1)),
        ("getline", getline, Arity::exactly(2)),
        ("source", source, Arity::exactly(1)),
        ("exception_line", exception_line, Arity::exactly(1)),
    ];
    vm.add_functions(d, fns);
    Ok(m)
}
