//! `variables`: the names of a scope and the insides of values, as DAP
//! variables. A `variablesReference` is a handle into a table that is emptied
//! whenever time moves (the values it holds are objects of the current state).
//! Lists, tuples, dicts and sets show their items (indexed, paged with
//! `start`/`count`); objects, classes and modules their attributes (named).
//! Reprs are shortened as `p` does; looking runs on the current state's copy,
//! so nothing it does reaches the replay.

use revpy_revdb::expr;
use revpy_vm::object::Kind;
use revpy_vm::{Value, Vm};
use serde_json::{json, Value as Json};

/// What a `variablesReference` stands for.
#[derive(Clone, Debug)]
pub enum Handle {
    /// The locals or globals of frame `frame` (an index into `vm.frames`; None:
    /// the main module after the program's last frame returned).
    Scope { frame: Option<usize>, globals: bool },
    /// A value of the current state (checked by creation serial: an object
    /// freed since is not mistaken for another), with the expression naming it.
    Value {
        v: Value,
        serial: u64,
        path: Option<String>,
    },
}

/// The handles of the current stop.
#[derive(Default)]
pub struct Handles {
    items: Vec<Handle>,
}

impl Handles {
    pub fn clear(&mut self) {
        self.items.clear();
    }

    pub fn add(&mut self, h: Handle) -> i64 {
        self.items.push(h);
        self.items.len() as i64
    }

    pub fn get(&self, reference: i64) -> Option<&Handle> {
        let i = usize::try_from(reference).ok()?.checked_sub(1)?;
        self.items.get(i)
    }
}

/// A child: its name, value, and the expression that names it (if any).
pub type Child = (String, Value, Option<String>);

/// The names of a scope: a function's locals (fast locals, then cells), or a
/// namespace dict (module or class body), without `__builtins__`.
pub fn scope_children(
    vm: &mut Vm,
    frame: Option<usize>,
    globals: bool,
    anchors: &expr::Anchors,
) -> Result<Vec<Child>, String> {
    let dict = match frame {
        None => match expr::eval(vm, expr::Scope::Frame(None), "globals()", true, anchors)? {
            Value::Obj(d) => d,
            _ => return Ok(vec![]),
        },
        Some(i) => {
            let f = vm
                .frames
                .get(i)
                .cloned()
                .ok_or_else(|| "no such frame".to_string())?;
            if globals {
                f.globals
            } else if let Some(l) = f.locals {
                l
            } else if f.code.code.name.as_ref() == "<module>" {
                f.globals
            } else {
                let c = f.code.code.clone();
                let mut out = vec![];
                for (k, name) in c.varnames.iter().enumerate() {
                    let v = vm.stack[f.base as usize + k];
                    if !v.is_undef() {
                        out.push((name.to_string(), v, Some(name.to_string())));
                    }
                }
                let nv = c.varnames.len();
                for k in 0..c.cellvars.len() + c.freevars.len() {
                    let v = vm.cell_get(vm.stack[f.base as usize + nv + k]);
                    if !v.is_undef() && !out.iter().any(|(n, _, _)| n == c.cell_name(k)) {
                        let name = c.cell_name(k).to_string();
                        out.push((name.clone(), v, Some(name)));
                    }
                }
                return Ok(out);
            }
        }
    };
    Ok(dict_names(vm, dict, false))
}

/// The string-keyed entries of a namespace dict (`dunders`: keep `__x__` names).
fn dict_names(vm: &mut Vm, d: revpy_vm::ObjRef, dunders: bool) -> Vec<Child> {
    let mut out = vec![];
    for (k, v) in vm.dict_items(d) {
        let name = vm.str_lossy(k);
        let dunder = name.starts_with("__") && name.ends_with("__");
        if name == "__builtins__" || (dunder && !dunders) {
            continue;
        }
        out.push((name.clone(), v, Some(name)));
    }
    out
}

/// The attributes (named) and the items (indexed) of a value.
pub fn value_children(vm: &mut Vm, v: Value, path: Option<&str>) -> (Vec<Child>, Vec<Child>) {
    let Value::Obj(r) = v else {
        return (vec![], vec![]);
    };
    let sub = |p: Option<&str>, key: &str| p.map(|p| format!("{p}[{key}]"));
    let mut indexed = vec![];
    match vm.heap.kind(r) {
        Kind::List(items) | Kind::Tuple(items) => {
            for (i, x) in items.clone().into_iter().enumerate() {
                indexed.push((i.to_string(), x, sub(path, &i.to_string())));
            }
        }
        Kind::Set(t) | Kind::FrozenSet(t) => {
            let items: Vec<Value> = t.iter().collect();
            for (i, x) in items.into_iter().enumerate() {
                indexed.push((i.to_string(), x, None));
            }
        }
        Kind::Dict(_) => {
            for (k, x) in vm.dict_items(r) {
                let key = expr::short_repr(vm, k);
                let p = sub(path, &key);
                indexed.push((key, x, p));
            }
        }
        _ => {}
    }
    let (dict, dunders) = match vm.heap.kind(r) {
        Kind::Class(c) => (Some(c.dict), false),
        Kind::Module(m) => (Some(m.dict), false),
        Kind::Str(_) | Kind::Bytes(_) => (None, true),
        _ => (vm.instance_dict(v), true),
    };
    let mut named = match dict {
        Some(d) => dict_names(vm, d, dunders),
        None => vec![],
    };
    for c in named.iter_mut() {
        c.2 = path.map(|p| format!("{p}.{}", c.0));
    }
    (named, indexed)
}

/// How many attributes and items `value_children` gives (without making them).
fn counts(vm: &mut Vm, v: Value) -> (usize, usize) {
    let Value::Obj(r) = v else { return (0, 0) };
    let indexed = match vm.heap.kind(r) {
        Kind::List(items) | Kind::Tuple(items) => items.len(),
        Kind::Set(t) | Kind::FrozenSet(t) => t.len(),
        Kind::Dict(_) => vm.dict_items(r).len(),
        _ => 0,
    };
    let named = match vm.heap.kind(r) {
        Kind::Class(_) | Kind::Module(_) => value_children(vm, v, None).0.len(),
        Kind::Str(_) | Kind::Bytes(_) => 0,
        _ => vm.instance_dict(v).map_or(0, |d| vm.dict_items(d).len()),
    };
    (named, indexed)
}

/// A DAP variable for `v`, with a handle if it has insides.
pub fn variable(
    vm: &mut Vm,
    handles: &mut Handles,
    name: &str,
    v: Value,
    path: Option<String>,
) -> Json {
    let value = expr::short_repr(vm, v);
    let mut var = json!({
        "name": name,
        "value": value,
        "type": vm.type_name(v),
        "variablesReference": 0,
    });
    if let Some(p) = &path {
        var["evaluateName"] = json!(p);
    }
    if let Value::Obj(r) = v {
        let (named, indexed) = counts(vm, v);
        if named + indexed > 0 {
            let serial = vm.heap.get(r).serial;
            var["variablesReference"] = json!(handles.add(Handle::Value { v, serial, path }));
            if indexed > 0 {
                var["indexedVariables"] = json!(indexed);
            }
            if named > 0 {
                var["namedVariables"] = json!(named);
            }
        }
    }
    var
}

/// The `variables` of a handle: `filter` "named" or "indexed" (or neither:
/// both), `start`/`count` paging the indexed ones (count 0: all).
pub fn variables(
    vm: &mut Vm,
    handles: &mut Handles,
    reference: i64,
    filter: Option<&str>,
    start: usize,
    count: usize,
    anchors: &expr::Anchors,
) -> Result<Vec<Json>, String> {
    let h = handles.get(reference).cloned().ok_or_else(|| {
        format!("variables: no variables reference {reference} (references last until time moves)")
    })?;
    let children: Vec<Child> = match h {
        Handle::Scope { frame, globals } => scope_children(vm, frame, globals, anchors)?,
        Handle::Value { v, serial, path } => {
            if let Value::Obj(r) = v {
                if !vm.heap.serial_at(r, serial) {
                    return Err("the value no longer exists (evaluate it again)".into());
                }
            }
            let (named, indexed) = value_children(vm, v, path.as_deref());
            match filter {
                Some("named") => named,
                Some("indexed") => indexed,
                _ => named.into_iter().chain(indexed).collect(),
            }
        }
    };
    let end = if count == 0 {
        children.len()
    } else {
        start.saturating_add(count).min(children.len())
    };
    let page = children.get(start.min(end)..end).unwrap_or(&[]).to_vec();
    Ok(page
        .into_iter()
        .map(|(name, v, path)| variable(vm, handles, &name, v, path))
        .collect())
}
