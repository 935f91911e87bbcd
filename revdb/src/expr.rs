//! Debugger expressions: anchors (`$N`, `$#SERIAL`) and evaluation on throwaway
//! copies of the program state (DESIGN.md invariant 6: looking must not touch).

use revpy_vm::ObjRef;
use revpy_vm::{Mode, OutputSink, Value, Vm};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// The anchors of a session: `$N` is the object with creation serial
/// `serials[N]`. An object keeps its slot for life, and slots are the same in
/// every replay, so where a serial was found once is remembered: later lookups
/// (a watch expression at every stop point) cost one check, not a heap scan.
#[derive(Clone, Debug, Default)]
pub struct Anchors {
    pub serials: Vec<u64>,
    slots: Rc<RefCell<HashMap<u64, ObjRef>>>,
    /// Objects with serials at or above this one are not the replayed
    /// program's: set when evaluating on the current state, where earlier `p`
    /// and `!` may have allocated objects of their own (see `Engine::cur_anchors`).
    pub limit: Option<u64>,
}

impl Anchors {
    /// The anchor number for `serial`, bound now if it has none.
    pub fn bind(&mut self, serial: u64) -> usize {
        match self.serials.iter().position(|s| *s == serial) {
            Some(i) => i,
            None => {
                self.serials.push(serial);
                self.serials.len() - 1
            }
        }
    }

    /// The first serial that is not an object of the replayed program in `vm`.
    pub fn bound(&self, vm: &Vm) -> u64 {
        let next = vm.heap.next_serial();
        self.limit.map_or(next, |l| l.min(next))
    }

    /// The object with creation serial `serial` in `vm`, if it is alive there.
    pub fn locate(&self, vm: &Vm, serial: u64) -> Option<ObjRef> {
        // Never an object the debugger made (its slot would be cached for good).
        if serial >= self.bound(vm) {
            return None;
        }
        if let Some(r) = self.slots.borrow().get(&serial) {
            return vm.heap.serial_at(*r, serial).then_some(*r);
        }
        let r = vm.heap.find_serial(serial)?;
        self.slots.borrow_mut().insert(serial, r);
        Some(r)
    }
}

/// Where an expression is evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// In frame `i` of the state (index into `vm.frames`), or in `__main__` when
    /// the program has no frames left.
    Frame(Option<usize>),
    /// Builtins and anchors only (watch expressions).
    Isolated,
}

/// The name an anchor is bound to while an expression runs.
fn anchor_name(i: usize) -> String {
    format!("__revdb_anchor_{i}")
}

/// An anchor reference in an expression: `$N` (the N-th anchor) or `$#S` (the
/// object with creation serial S, stable across sessions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorRef {
    Index(usize),
    Serial(u64),
}

/// Rewrite `$N` / `$#S` outside string literals to plain names; returns the new
/// source and the anchors used, in the order of their binding names.
/// (binding name, anchor, text as written)
pub type UsedAnchor = (String, AnchorRef, String);

pub fn substitute(src: &str) -> Result<(String, Vec<UsedAnchor>), String> {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::new();
    let mut used: Vec<UsedAnchor> = vec![];
    let mut i = 0;
    let mut quote: Option<char> = None;
    while i < chars.len() {
        let c = chars[i];
        if let Some(q) = quote {
            out.push(c);
            if c == '\\' && i + 1 < chars.len() {
                out.push(chars[i + 1]);
                i += 2;
                continue;
            }
            if c == q {
                quote = None;
            }
            i += 1;
            continue;
        }
        if c == '\'' || c == '"' {
            quote = Some(c);
            out.push(c);
            i += 1;
            continue;
        }
        if c == '#' {
            // A comment: the rest is copied as is.
            out.extend(&chars[i..]);
            break;
        }
        if c == '$' {
            let serial = chars.get(i + 1) == Some(&'#');
            let start = i + 1 + serial as usize;
            let mut j = start;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            if j == start {
                return Err(
                    "SyntaxError: '$' must be followed by an anchor number ($0) or a serial ($#12)"
                        .into(),
                );
            }
            let digits: String = chars[start..j].iter().collect();
            let text: String = chars[i..j].iter().collect();
            let r = if serial {
                AnchorRef::Serial(digits.parse().map_err(|_| format!("bad anchor {text}"))?)
            } else {
                AnchorRef::Index(digits.parse().map_err(|_| format!("bad anchor {text}"))?)
            };
            let name = match used.iter().find(|(_, a, _)| *a == r) {
                Some((n, _, _)) => n.clone(),
                None => {
                    let n = anchor_name(used.len());
                    used.push((n.clone(), r, text));
                    n
                }
            };
            out.push_str(&name);
            i = j;
            continue;
        }
        out.push(c);
        i += 1;
    }
    Ok((out, used))
}

/// Why `src` cannot be one expression because of a bracket it closes without
/// opening (`)(`, `1); x = (2`): the evaluator wraps an expression in
/// parentheses, which such text would escape. Strings and comments are skipped;
/// other syntax errors are left to the compiler.
pub fn unmatched_bracket(src: &str) -> Option<String> {
    let chars: Vec<char> = src.chars().collect();
    let mut depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '#' => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
                continue;
            }
            '\'' | '"' => {
                let triple = chars.get(i + 1) == Some(&c) && chars.get(i + 2) == Some(&c);
                let q = if triple { 3 } else { 1 };
                i += q;
                loop {
                    match chars.get(i) {
                        None => return None,
                        Some('\\') => i += 2,
                        Some('\n') if !triple => return None,
                        Some(&d) if d == c && (!triple || chars[i..].starts_with(&[c, c, c])) => {
                            i += q;
                            break;
                        }
                        Some(_) => i += 1,
                    }
                }
                continue;
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => {
                if depth == 0 {
                    return Some(format!("SyntaxError: unmatched '{c}'"));
                }
                depth -= 1;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// A copy of `vm` safe to evaluate in: no hook, effects rejected, output
/// discarded, new objects in new heap chunks (the shared ones stay shared).
pub fn sandbox(vm: &mut Vm) -> Vm {
    let mut c = vm.fork();
    make_sandbox(&mut c);
    c
}

/// Put a VM (already a copy) in evaluation mode.
pub fn make_sandbox(c: &mut Vm) {
    c.hook = None;
    c.hooked = false;
    c.step_instructions = false;
    c.trace = false;
    c.effects.mode = Mode::Sandbox;
    c.effects.stdout = OutputSink::Null;
    c.effects.stderr = OutputSink::Null;
    c.abort = None;
    c.isolate_caches();
    c.heap.append_only();
}

/// `Type: message` for an exception.
pub fn format_error(vm: &mut Vm, e: revpy_vm::PyErr) -> String {
    let ty = vm.type_name(Value::Obj(e.0));
    let msg = vm.str_lossy(Value::Obj(e.0));
    if msg.is_empty() {
        ty
    } else {
        format!("{ty}: {msg}")
    }
}

/// The object an anchor reference means in `vm`, or the error to show.
pub(crate) fn resolve_anchor(
    vm: &Vm,
    anchors: &Anchors,
    r: AnchorRef,
    shown: &str,
) -> Result<ObjRef, String> {
    let serial = match r {
        AnchorRef::Index(i) => *anchors
            .serials
            .get(i)
            .ok_or_else(|| format!("NameError: there is no anchor {shown}"))?,
        AnchorRef::Serial(s) => s,
    };
    match anchors.locate(vm, serial) {
        Some(obj) => Ok(obj),
        None if serial >= anchors.bound(vm) => Err(format!(
            "RuntimeError: '{shown}' refers to an object created later in time"
        )),
        None => Err(format!(
            "RuntimeError: '{shown}' refers to an object that no longer exists"
        )),
    }
}

/// A watch value as hits show it: an anchor whose object does not exist (yet,
/// or any more) is said in words, not as the evaluation's error.
pub fn watch_shown(v: &str) -> String {
    let anchor_error = |tail: &str| {
        v.strip_prefix("RuntimeError: '")
            .and_then(|r| r.strip_suffix(tail))
            .filter(|a| a.starts_with('$') && !a.contains('\''))
    };
    if let Some(a) = anchor_error("' refers to an object created later in time") {
        return format!("({a} not yet created)");
    }
    if let Some(a) = anchor_error("' refers to an object that no longer exists") {
        return format!("({a} no longer exists)");
    }
    v.to_string()
}

/// The repr of a watch expression's value (or its error) at this point of the
/// replay: `$N.attr` on a plain attribute with a simple value is read without
/// running code; anything else is evaluated on a throwaway copy.
pub fn watch_repr(vm: &mut Vm, src: &str, anchors: &Anchors) -> String {
    if let Some(s) = crate::fastwatch::fast_repr(vm, src, anchors) {
        return s;
    }
    if let Some(s) = peek_watch(vm, src, anchors) {
        return s;
    }
    eval_repr_on_copy(vm, Scope::Isolated, src, anchors)
}

fn peek_watch(vm: &Vm, src: &str, anchors: &Anchors) -> Option<String> {
    let (text, used) = substitute(src).ok()?;
    let [(name, r, shown)] = used.as_slice() else {
        return None;
    };
    let attr = text.trim().strip_prefix(name.as_str())?.strip_prefix('.')?;
    let ident = attr.chars().all(|c| c.is_alphanumeric() || c == '_')
        && attr.starts_with(|c: char| c.is_alphabetic() || c == '_');
    if !ident {
        return None;
    }
    match resolve_anchor(vm, anchors, *r, shown) {
        Ok(obj) => vm.peek_repr(vm.peek_attr(obj, attr)?),
        Err(e) => Some(e),
    }
}

/// Evaluate `src` (an expression, or statements if `!expr`) in `vm` itself (which
/// must be a sandboxed copy). `anchors` maps `$N` to serials. Errors are
/// formatted as `Type: message`.
pub fn eval(
    vm: &mut Vm,
    scope: Scope,
    src: &str,
    expr: bool,
    anchors: &Anchors,
) -> Result<Value, String> {
    let (text, used) = substitute(src)?;
    if expr {
        if let Some(e) = unmatched_bracket(&text) {
            return Err(e);
        }
    }
    let mut bindings = vec![];
    for (name, r, shown) in used {
        let obj = resolve_anchor(vm, anchors, r, &shown)?;
        bindings.push((name, Value::Obj(obj)));
    }
    let r = budgeted(vm, |vm| match scope {
        Scope::Frame(f) => vm.eval_in_frame(f, &text, expr, &bindings),
        Scope::Isolated => vm.eval_isolated(&text, expr, &bindings),
    })?;
    r.map_err(|e| format_error(vm, e))
}

/// Run `f` on `vm` (a sandboxed copy) with the evaluation budget: an endless
/// loop in `p`, `!`, a watch expression or a `__repr__` must not hang the
/// debugger, so the evaluation stops after EVAL_BUDGET instructions (items made
/// by native loops, as in `sum(iter(int, 1))`, count as instructions).
fn budgeted<T>(vm: &mut Vm, f: impl FnOnce(&mut Vm) -> T) -> Result<T, String> {
    let saved = (vm.hook.take(), vm.hooked, vm.step_instructions, vm.limits);
    vm.set_limits(Some(vm.instructions + EVAL_BUDGET), None);
    vm.step_instructions = false;
    let r = f(vm);
    (vm.hook, vm.hooked, vm.step_instructions, vm.limits) = saved;
    if vm.abort.take().is_some() {
        return Err(format!(
            "RuntimeError: the evaluation was stopped after {EVAL_BUDGET} instructions (an endless loop?)"
        ));
    }
    Ok(r)
}

/// A repr shortened as `reprlib` does (long containers and strings cut with
/// `...`), for `p`, `locals`, `globals`; `pp` shows everything. Built from the
/// heap for the builtin containers and strings (no import, no code run for
/// them); other values' reprs are cut in the middle when long.
pub fn short_repr(vm: &mut Vm, v: Value) -> String {
    let mut budget = 0u64;
    match short_value(vm, v, 4, &mut budget) {
        Ok(s) => s,
        Err(e) => e,
    }
}

const MAX_ITEMS: usize = 12;
const MAX_STRING: usize = 100;
const MAX_OTHER: usize = 200;

fn cut_middle(s: &str, max: usize) -> String {
    let n = s.chars().count();
    if n <= max {
        return s.to_string();
    }
    let keep = (max - 3) / 2;
    let head: String = s.chars().take(keep).collect();
    let tail: String = s.chars().skip(n - keep).collect();
    format!("{head}...{tail}")
}

fn short_value(vm: &mut Vm, v: Value, level: u32, budget: &mut u64) -> Result<String, String> {
    use revpy_vm::object::Kind;
    let Value::Obj(r) = v else {
        return Ok(repr(vm, v));
    };
    *budget += 1;
    let cls = vm.heap.get(r).class;
    let exact = [vm.types.list, vm.types.tuple, vm.types.dict, vm.types.str].contains(&cls);
    if !exact {
        let full = vm.repr(v).map_err(|e| format_error(vm, e))?;
        return Ok(cut_middle(&full, MAX_OTHER));
    }
    let (open, close, items, dict) = match vm.heap.kind(r) {
        Kind::Str(_) => {
            let full = vm.repr(v).map_err(|e| format_error(vm, e))?;
            return Ok(cut_middle(&full, MAX_STRING));
        }
        Kind::List(l) => ("[", "]", l.clone(), false),
        Kind::Tuple(l) => ("(", ")", l.clone(), false),
        Kind::Dict(_) => ("{", "}", vec![], true),
        _ => {
            let full = vm.repr(v).map_err(|e| format_error(vm, e))?;
            return Ok(cut_middle(&full, MAX_OTHER));
        }
    };
    let n = if dict {
        vm.dict_items(r).len()
    } else {
        items.len()
    };
    if n == 0 {
        return Ok(format!("{open}{close}"));
    }
    if level == 0 || *budget > 2000 {
        return Ok(format!("{open}...{close}"));
    }
    let mut parts = vec![];
    if dict {
        for (k, val) in vm.dict_items(r).into_iter().take(MAX_ITEMS) {
            let ks = short_value(vm, k, level - 1, budget)?;
            let vs = short_value(vm, val, level - 1, budget)?;
            parts.push(format!("{ks}: {vs}"));
        }
    } else {
        for x in items.iter().take(MAX_ITEMS) {
            parts.push(short_value(vm, *x, level - 1, budget)?);
        }
    }
    if n > MAX_ITEMS {
        parts.push("...".into());
    }
    let mut body = parts.join(", ");
    if open == "(" && n == 1 {
        body.push(',');
    }
    Ok(format!("{open}{body}{close}"))
}

/// The full repr, pretty-printed as `pprint` does: what does not fit in 79
/// columns is split one item a line (`pp`).
pub fn pretty_repr(vm: &mut Vm, v: Value) -> String {
    match pretty_value(vm, v, 0) {
        Ok(s) => s,
        Err(e) => e,
    }
}

fn pretty_value(vm: &mut Vm, v: Value, indent: usize) -> Result<String, String> {
    use revpy_vm::object::Kind;
    let full = vm.repr(v).map_err(|e| format_error(vm, e))?;
    let Value::Obj(r) = v else {
        return Ok(full);
    };
    if indent + full.chars().count() <= 79 {
        return Ok(full);
    }
    let cls = vm.heap.get(r).class;
    if ![vm.types.list, vm.types.tuple, vm.types.dict].contains(&cls) {
        return Ok(full);
    }
    let pad = " ".repeat(indent + 1);
    let mut parts = vec![];
    let (open, close) = match vm.heap.kind(r) {
        Kind::List(l) => {
            for x in l.clone() {
                parts.push(pretty_value(vm, x, indent + 1)?);
            }
            ("[", "]")
        }
        Kind::Tuple(l) => {
            for x in l.clone() {
                parts.push(pretty_value(vm, x, indent + 1)?);
            }
            ("(", ")")
        }
        Kind::Dict(_) => {
            for (k, x) in vm.dict_items(r) {
                let ks = vm.repr(k).map_err(|e| format_error(vm, e))?;
                let w = indent + 1 + ks.chars().count() + 2;
                let xs = pretty_value(vm, x, w)?;
                parts.push(format!("{ks}: {xs}"));
            }
            ("{", "}")
        }
        _ => return Ok(full),
    };
    let body = parts.join(&format!(",\n{pad}"));
    let comma = if open == "(" && parts.len() == 1 {
        ","
    } else {
        ""
    };
    Ok(format!("{open}{body}{comma}{close}"))
}

/// Instructions an evaluation may run (see `eval`).
pub const EVAL_BUDGET: u64 = 50_000_000;

/// The repr of a value, or the error it raises.
pub fn repr(vm: &mut Vm, v: Value) -> String {
    match vm.repr(v) {
        Ok(s) => s,
        Err(e) => format_error(vm, e),
    }
}

/// Evaluate on a throwaway copy and give the repr (watch expressions, conditions).
pub fn eval_repr_on_copy(vm: &mut Vm, scope: Scope, src: &str, anchors: &Anchors) -> String {
    let mut c = sandbox(vm);
    match eval(&mut c, scope, src, true, anchors) {
        Ok(v) => repr(&mut c, v),
        Err(e) => e,
    }
}

/// Evaluate a condition on a throwaway copy: true if it holds (or raises).
pub fn condition_holds(vm: &mut Vm, frame: Option<usize>, src: &str, anchors: &Anchors) -> bool {
    condition_result(vm, frame, src, anchors).unwrap_or(true)
}

/// Evaluate a condition on a throwaway copy: whether it holds, or the error it
/// raises (`Type: message`).
pub fn condition_result(
    vm: &mut Vm,
    frame: Option<usize>,
    src: &str,
    anchors: &Anchors,
) -> Result<bool, String> {
    let mut c = sandbox(vm);
    let v = eval(&mut c, Scope::Frame(frame), src, true, anchors)?;
    c.truthy(v).map_err(|e| format_error(&mut c, e))
}

#[cfg(test)]
mod tests {
    use super::unmatched_bracket;

    #[test]
    fn brackets_closed_without_opening_are_found() {
        for bad in [")(", "1); x = (2", "a]", "f(x))", "{1}}"] {
            assert!(unmatched_bracket(bad).is_some(), "{bad}");
        }
        for good in [
            "(1, 2)",
            "a, b",
            "')'",
            "\"(\" + ')'",
            "'''it's )'''",
            "x # )",
            "d['k)'][0]",
            "f'{x})'",
            "r'\\)'",
            "(1",
        ] {
            assert_eq!(unmatched_bracket(good), None, "{good}");
        }
    }
}
