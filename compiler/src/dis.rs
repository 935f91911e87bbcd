//! The disassembler: code objects as text, in the spirit of `python3 -m dis`.

use crate::code::{CodeObject, Constant};
use crate::opcodes::{ArgKind, BinOp, CmpOp, Op};
use std::fmt::Write;
use std::rc::Rc;

/// A constant as Python's repr would show it (for the disassembly only).
pub fn const_repr(c: &Constant) -> String {
    match c {
        Constant::None => "None".into(),
        Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
        Constant::Int(i) => i.to_string(),
        Constant::BigInt(i) => i.to_string(),
        Constant::Float(f) => crate::float_repr(*f),
        Constant::Complex(r, i) => {
            if *r == 0.0 && r.is_sign_positive() {
                format!("{}j", crate::float_repr(*i))
            } else {
                format!("({}+{}j)", crate::float_repr(*r), crate::float_repr(*i))
            }
        }
        Constant::Str(s) => format!("{s:?}").replace('"', "'"),
        Constant::Bytes(b) => format!("b{:?}", String::from_utf8_lossy(b)),
        Constant::Tuple(t) => {
            let items: Vec<String> = t.iter().map(const_repr).collect();
            if items.len() == 1 {
                format!("({},)", items[0])
            } else {
                format!("({})", items.join(", "))
            }
        }
        Constant::FrozenSet(t) => {
            let items: Vec<String> = t.iter().map(const_repr).collect();
            format!("frozenset({{{}}})", items.join(", "))
        }
        Constant::Code(c) => format!("<code object {}, line {}>", c.name, c.first_line),
        Constant::Ellipsis => "Ellipsis".into(),
    }
}

/// The resolved operand of an instruction, as shown in parentheses.
pub fn arg_repr(code: &CodeObject, op: Op, arg: u32) -> String {
    let local = |i: u32| -> String {
        code.varnames
            .get(i as usize)
            .map(|s| s.to_string())
            .unwrap_or_default()
    };
    match op.arg_kind() {
        ArgKind::None | ArgKind::Count => String::new(),
        ArgKind::Const => code
            .consts
            .get(arg as usize)
            .map(const_repr)
            .unwrap_or_default(),
        ArgKind::Name => code
            .names
            .get(arg as usize)
            .map(|s| s.to_string())
            .unwrap_or_default(),
        ArgKind::Local => local(arg),
        ArgKind::Deref => {
            if (arg as usize) < code.cellvars.len() + code.freevars.len() {
                code.cell_name(arg as usize).to_string()
            } else {
                String::new()
            }
        }
        ArgKind::Jump => format!("to {arg}"),
        ArgKind::BinOp => BinOp::from_arg(arg)
            .map(|b| b.symbol().to_string())
            .unwrap_or_default(),
        ArgKind::CmpOp => CmpOp::from_arg(arg)
            .map(|b| b.symbol().to_string())
            .unwrap_or_default(),
        ArgKind::Flags => match op {
            Op::IsOp => if arg == 1 { "is not" } else { "is" }.into(),
            Op::ContainsOp => if arg == 1 { "not in" } else { "in" }.into(),
            Op::FormatValue => {
                let conv = ["", "str", "repr", "ascii"][(arg & 3) as usize];
                let spec = if arg & 4 != 0 { "with format" } else { "" };
                [conv, spec]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            }
            Op::MakeFunction => {
                let names = ["defaults", "kwdefaults", "annotations", "closure"];
                names
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| arg & (1 << i) != 0)
                    .map(|(_, n)| *n)
                    .collect::<Vec<_>>()
                    .join(", ")
            }
            _ => String::new(),
        },
    }
}

/// Disassemble one code object (not its children).
pub fn disassemble_one(code: &CodeObject, current: Option<usize>) -> String {
    let mut out = String::new();
    let targets: Vec<bool> = {
        let mut t = vec![false; code.instrs.len() + 1];
        for ins in &code.instrs {
            if let Some(j) = ins.jump_target() {
                if let Some(slot) = t.get_mut(j as usize) {
                    *slot = true;
                }
            }
        }
        for e in &code.exception_table {
            if let Some(slot) = t.get_mut(e.target as usize) {
                *slot = true;
            }
        }
        t
    };
    let width = code.instrs.len().to_string().len().max(2);
    for (i, ins) in code.instrs.iter().enumerate() {
        if i > 0 && code.lines[i] != code.lines[i - 1] {
            out.push('\n');
        }
        let line = if i == 0 || code.lines[i] != code.lines[i - 1] {
            format!("{:>4}", code.lines[i])
        } else {
            "    ".to_string()
        };
        let cur = if current == Some(i) { "-->" } else { "   " };
        let mark = if targets[i] { ">>" } else { "  " };
        let mut text = format!("{line} {cur} {mark} {i:>width$} {:<22}", ins.op.name());
        if ins.op.arg_kind() != ArgKind::None {
            let _ = write!(text, " {:>3}", ins.arg);
            let r = arg_repr(code, ins.op, ins.arg);
            if !r.is_empty() {
                let _ = write!(text, " ({r})");
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    }
    if !code.exception_table.is_empty() {
        out.push_str("ExceptionTable:\n");
        for e in &code.exception_table {
            let _ = writeln!(
                out,
                "  {} to {} -> {} [{}]",
                e.start,
                e.end - 1,
                e.target,
                e.depth
            );
        }
    }
    out
}

/// One line about a function's signature and variables (what the operands of
/// LOAD_FAST and LOAD_DEREF index): `params: a, b=, *args, k, **kw | locals: x |
/// cells: c | free: f | generator` (or `coroutine`, `async generator`). Empty for a
/// module or class body.
pub fn code_info(code: &CodeObject) -> String {
    use crate::code::flags;
    let mut parts = vec![];
    if code.flags & flags::NAME_LOCALS == 0 && &*code.name != "<module>" {
        let names: Vec<&str> = code.varnames.iter().map(|s| &**s).collect();
        let npos = code.argcount as usize;
        let nkw = code.kwonlyargcount as usize;
        let mut params: Vec<String> = vec![];
        let mut i = 0;
        for n in names.iter().take(npos) {
            params.push(n.to_string());
            i += 1;
            if code.posonlyargcount as usize == i {
                params.push("/".into());
            }
        }
        let kwonly: Vec<&str> = names.iter().skip(npos).take(nkw).cloned().collect();
        i = npos + nkw;
        if code.flags & flags::VARARGS != 0 {
            params.push(format!("*{}", names.get(i).unwrap_or(&"")));
            i += 1;
        } else if nkw > 0 {
            params.push("*".into());
        }
        params.extend(kwonly.iter().map(|s| s.to_string()));
        if code.flags & flags::VARKEYWORDS != 0 {
            params.push(format!("**{}", names.get(i).unwrap_or(&"")));
            i += 1;
        }
        if !params.is_empty() {
            parts.push(format!("params: {}", params.join(", ")));
        }
        if names.len() > i {
            parts.push(format!("locals: {}", names[i..].join(", ")));
        }
    }
    if !code.cellvars.is_empty() {
        let v: Vec<&str> = code.cellvars.iter().map(|s| &**s).collect();
        parts.push(format!("cells: {}", v.join(", ")));
    }
    if !code.freevars.is_empty() {
        let v: Vec<&str> = code.freevars.iter().map(|s| &**s).collect();
        parts.push(format!("free: {}", v.join(", ")));
    }
    if code.is_generator() {
        parts.push("generator".into());
    }
    if code.flags & flags::COROUTINE != 0 {
        parts.push("coroutine".into());
    }
    if code.flags & flags::ASYNC_GENERATOR != 0 {
        parts.push("async generator".into());
    }
    parts.join(" | ")
}

/// Disassemble a code object and every code object nested in it.
pub fn disassemble(code: &Rc<CodeObject>) -> String {
    let mut all = vec![];
    code.walk(&mut all);
    let mut out = String::new();
    for (i, c) in all.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "Disassembly of <code object {} at line {}, file \"{}\">:",
            c.qualname, c.first_line, c.filename
        );
        let info = code_info(c);
        if !info.is_empty() {
            let _ = writeln!(out, "  # {info}");
        }
        out.push_str(&disassemble_one(c, None));
    }
    out
}
