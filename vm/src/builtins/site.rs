//! The names CPython's `site` module adds to `builtins` (from `_sitebuiltins`):
//! `exit` and `quit` (`Quitter`), `copyright`, `credits` and `license` (`_Printer`)
//! and `help` (`_Helper`, which hands over to the `pydoc` module). Native, so that
//! building a VM runs no bytecode (recordings' times start at the program).

use super::{Args, Kw};
use crate::args::Arity;
use crate::object::{ObjRef, Value};
use crate::{PyResult, Vm};

/// `sys.copyright` (CPython 3.11's).
pub(crate) const COPYRIGHT: &str = "Copyright (c) 2001-2023 Python Software Foundation.
All Rights Reserved.

Copyright (c) 2000 BeOpen.com.
All Rights Reserved.

Copyright (c) 1995-2001 Corporation for National Research Initiatives.
All Rights Reserved.

Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.
All Rights Reserved.";

const CREDITS: &str =
    "    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands
    for supporting Python development.  See www.python.org for more information.";

/// What CPython's `license` shows when it finds no LICENSE file.
const LICENSE: &str = "See https://www.python.org/psf/license/";

/// A string attribute of `obj`, or `default` if it is missing or not a str.
fn str_attr(vm: &mut Vm, obj: Value, name: &str, default: &str) -> String {
    let k = vm.intern(name);
    match vm.getattr(obj, k) {
        Ok(v) => vm.as_str(v).map(str::to_string),
        Err(_) => None,
    }
    .unwrap_or_else(|| default.to_string())
}

fn quitter_repr(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let name = str_attr(vm, args[0], "name", "exit");
    let eof = str_attr(vm, args[0], "eof", "Ctrl-D (i.e. EOF)");
    Ok(vm.new_str(format!("Use {name}() or {eof} to exit")))
}

fn quitter_call(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let code = args.get(1).copied().unwrap_or(Value::None);
    Err(vm.new_exception(vm.types.system_exit, vec![code]))
}

fn printer_text(vm: &mut Vm, this: Value) -> String {
    str_attr(vm, this, "_Printer__data", "")
}

fn printer_repr(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let text = printer_text(vm, args[0]);
    Ok(vm.new_str(text))
}

/// `copyright()`: print the text (all of it: the texts are under CPython's
/// 23-line page, so it never asks to go on).
fn printer_call(vm: &mut Vm, args: Args, _: Kw) -> PyResult<Value> {
    let mut text = printer_text(vm, args[0]);
    text.push('\n');
    super::sys::write_stdout(vm, &text)?;
    Ok(Value::None)
}

fn helper_repr(vm: &mut Vm, _: Args, _: Kw) -> PyResult<Value> {
    Ok(vm
        .new_str("Type help() for interactive help, or help(object) for help about object.".into()))
}

/// `help(...)`: `pydoc.help(...)`, imported when first asked for.
fn helper_call(vm: &mut Vm, args: Args, kw: Kw) -> PyResult<Value> {
    let pydoc = vm.load_module("pydoc", None)?;
    let k = vm.intern("help");
    let f = vm.getattr(pydoc, k)?;
    vm.call(f, &args[1..], kw)
}

fn set_attr(vm: &mut Vm, obj: Value, name: &str, value: &str) {
    let k = vm.intern(name);
    let v = vm.new_str(value.to_string());
    let _ = vm.setattr(obj, k, v);
}

fn add_builtin(vm: &mut Vm, name: &str, v: Value) {
    let k = vm.intern(name);
    let b = vm.builtins;
    let _ = vm.dict_set(b, k, v);
}

/// A class of `_sitebuiltins`: Python classes in CPython, so their instances'
/// dunders are looked up as a Python class's are.
fn class(vm: &mut Vm, name: &str) -> ObjRef {
    let object = vm.types.object;
    let cls = vm.new_native_class(name, object, "_sitebuiltins");
    if let crate::object::Kind::Class(c) = vm.heap.kind_mut(cls) {
        c.is_builtin = false;
    }
    cls
}

pub(super) fn register(vm: &mut Vm) {
    let quitter = class(vm, "Quitter");
    vm.add_method(quitter, "__repr__", quitter_repr, Arity::none());
    vm.add_method(quitter, "__call__", quitter_call, Arity::range(0, 1));
    for name in ["exit", "quit"] {
        let q = vm.new_instance(quitter);
        set_attr(vm, q, "name", name);
        set_attr(vm, q, "eof", "Ctrl-D (i.e. EOF)");
        add_builtin(vm, name, q);
    }
    let printer = class(vm, "_Printer");
    vm.add_method(printer, "__repr__", printer_repr, Arity::none());
    vm.add_method(printer, "__call__", printer_call, Arity::none());
    for (name, text) in [
        ("copyright", COPYRIGHT),
        ("credits", CREDITS),
        ("license", LICENSE),
    ] {
        let p = vm.new_instance(printer);
        set_attr(vm, p, "_Printer__name", name);
        set_attr(vm, p, "_Printer__data", text);
        add_builtin(vm, name, p);
    }
    let helper = class(vm, "_Helper");
    vm.add_method(helper, "__repr__", helper_repr, Arity::none());
    vm.add_method(helper, "__call__", helper_call, Arity::any().kw());
    let h = vm.new_instance(helper);
    add_builtin(vm, "help", h);
}
