//! Tab completion at the interactive prompt, as CPython's `rlcompleter`:
//! keywords, `__main__`'s names and the builtins; `obj.attr` from `dir(obj)`
//! (looking the names up, as CPython does); `(` after callables; Tab on an
//! empty line indents.

use revpy_vm::{ObjRef, Value, Vm};
use std::cell::RefCell;
use std::rc::Rc;

/// Python 3.11's `keyword.kwlist`.
const KEYWORDS: &[&str] = &[
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
    "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
    "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
    "with", "yield",
];

pub struct Helper {
    pub vm: Rc<RefCell<Vm>>,
    pub main: ObjRef,
}

impl Helper {
    /// (where the replaced text starts, candidates) at byte `pos` of `line`.
    fn candidates(&self, line: &str, pos: usize) -> (usize, Vec<String>) {
        let Some(head) = line.get(..pos) else {
            return (pos, vec![]);
        };
        if head.trim().is_empty() {
            return (pos, vec!["\t".into()]);
        }
        let len: usize = head
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '.')
            .map(char::len_utf8)
            .sum();
        let text = &head[head.len() - len..];
        if text.is_empty()
            || text.starts_with('.')
            || text.starts_with(|c: char| c.is_ascii_digit())
        {
            return (pos, vec![]);
        }
        let Ok(mut vm) = self.vm.try_borrow_mut() else {
            return (pos, vec![]);
        };
        match text.rsplit_once('.') {
            None => (pos - text.len(), global_matches(&mut vm, self.main, text)),
            Some((expr, attr)) => (
                pos - attr.len(),
                attr_matches(&mut vm, self.main, expr, attr).unwrap_or_default(),
            ),
        }
    }
}

fn builtin(vm: &mut Vm, name: &str) -> Option<Value> {
    let k = vm.intern(name);
    vm.dict_get_str(vm.builtins, k)
}

fn is_callable(vm: &mut Vm, v: Value) -> bool {
    let Some(f) = builtin(vm, "callable") else {
        return false;
    };
    matches!(vm.call(f, &[v], &[]), Ok(Value::Bool(true)))
}

fn global_matches(vm: &mut Vm, main: ObjRef, text: &str) -> Vec<String> {
    let mut out: Vec<String> = vec![];
    for &k in KEYWORDS.iter().filter(|k| k.starts_with(text)) {
        out.push(match k {
            "finally" | "try" => format!("{k}:"),
            "False" | "None" | "True" | "break" | "continue" | "pass" | "else" => k.to_string(),
            _ => format!("{k} "),
        });
    }
    let globals = vm.module_dict(main);
    for d in [globals, vm.builtins] {
        for (k, v) in vm.dict_items(d) {
            let Some(name) = vm.as_str(k).map(str::to_string) else {
                continue;
            };
            if name.starts_with(text) && name != "__builtins__" {
                let paren = if is_callable(vm, v) { "(" } else { "" };
                out.push(format!("{name}{paren}"));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// `expr.attr` completions: `expr` is names joined by dots, looked up in
/// `__main__` (then the builtins) and through `getattr`.
fn attr_matches(vm: &mut Vm, main: ObjRef, expr: &str, attr: &str) -> Option<Vec<String>> {
    let mut parts = expr.split('.');
    let first = parts.next()?;
    let k = vm.intern(first);
    let globals = vm.module_dict(main);
    let mut obj = match vm.dict_get_str(globals, k) {
        Some(v) => v,
        None => builtin(vm, first)?,
    };
    for p in parts {
        let k = vm.intern(p);
        obj = vm.getattr(obj, k).ok()?;
    }
    let dir = builtin(vm, "dir")?;
    let names = vm.call(dir, &[obj], &[]).ok()?;
    let names = vm.iterate(names).ok()?;
    let mut out = vec![];
    let cls = Value::Obj(vm.type_of(obj));
    let property = Value::Obj(vm.types.property);
    for n in names {
        let Some(name) = vm.as_str(n).map(str::to_string) else {
            continue;
        };
        // As rlcompleter: private names only when asked for.
        let hidden = match attr {
            "" => name.starts_with('_'),
            "_" => name.starts_with("__"),
            _ => false,
        };
        if hidden || !name.starts_with(attr) {
            continue;
        }
        // A property of the class is not run to see whether it is callable.
        let on_class = vm.getattr_opt(cls, n).ok().flatten();
        if on_class.is_some_and(|d| vm.type_of(d) == property.obj().expect("class")) {
            out.push(name);
            continue;
        }
        match vm.getattr_opt(obj, n) {
            Ok(Some(v)) if is_callable(vm, v) => out.push(format!("{name}(")),
            _ => out.push(name),
        }
    }
    out.sort();
    out.dedup();
    Some(out)
}

impl rustyline::completion::Completer for Helper {
    type Candidate = String;
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &rustyline::Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        Ok(self.candidates(line, pos))
    }
}
impl rustyline::hint::Hinter for Helper {
    type Hint = String;
}
impl rustyline::highlight::Highlighter for Helper {}
impl rustyline::validate::Validator for Helper {}
impl rustyline::Helper for Helper {}
