//! `_pprint.safe_repr`: `PrettyPrinter._safe_repr` in Rust, used by `pprint.py` when
//! the printer's `format` is the base one (a subclass overriding `format` gets the
//! Python code, which calls it for every item). The same result triple
//! `(repr, readable, recursive)`, the same `context` dict of ids, the same depth
//! cut-offs (`{...}`, `[...]`, `(...)`), `<Recursion on T with id=N>`, and dict items
//! sorted as `sorted(d.items(), key=_safe_tuple)` does: by the keys directly when they
//! are all strs (or all ints, or all floats without NaN), which orders them the same
//! way without Python code; otherwise by calling `sorted` with the `_safe_tuple` key
//! the caller passes.

use revpy_vm::{Arity, Kind, Kw, ObjRef, PyResult, Value, Vm};

struct Opts {
    maxlevels: Option<i64>,
    sort_dicts: bool,
    underscore: bool,
    safe_tuple: Value,
    context: ObjRef,
}

fn type_repr_is(vm: &mut Vm, typ: ObjRef, base: ObjRef) -> bool {
    let k = vm.names.__repr__;
    match (vm.class_lookup(typ, k), vm.class_lookup(base, k)) {
        (Some(a), Some(b)) => a.is(b),
        _ => false,
    }
}

fn is_scalar(vm: &Vm, v: Value, typ: ObjRef) -> bool {
    match v {
        Value::None | Value::Bool(_) | Value::Float(_) => true,
        Value::Int(_) => false,
        _ => {
            let t = &vm.types;
            typ == t.str
                || typ == t.bytes
                || typ == t.bytearray
                || typ == t.float
                || typ == t.complex
                || typ == t.bool_
                || typ == t.none_type
        }
    }
}

fn recursion_text(vm: &mut Vm, v: Value) -> String {
    let t = vm.type_of(v);
    let name = vm.class_name(t);
    format!("<Recursion on {name} with id={}>", vm.id_of(v))
}

/// The items of a dict in the order `_safe_repr` shows them.
fn dict_items(vm: &mut Vm, d: Value, o: &Opts) -> PyResult<Vec<(Value, Value)>> {
    let r = d.obj().expect("a dict");
    let cls = vm.heap.get(r).class;
    let items = if cls == vm.types.dict || !overrides(vm, cls, "items") {
        vm.dict_items(r)
    } else {
        let it = vm.call_method(d, "items", &[])?;
        let mut out = vec![];
        for p in vm.iterate(it)? {
            let kv = vm.iterate(p)?;
            if kv.len() != 2 {
                return Err(vm.new_value_error(format!(
                    "too many values to unpack (expected 2, got {})",
                    kv.len()
                )));
            }
            out.push((kv[0], kv[1]));
        }
        out
    };
    if !o.sort_dicts {
        return Ok(items);
    }
    sort_items(vm, items, o.safe_tuple)
}

fn overrides(vm: &mut Vm, cls: ObjRef, name: &str) -> bool {
    let k = vm.intern(name);
    let dict = vm.types.dict;
    match (vm.class_lookup(cls, k), vm.class_lookup(dict, k)) {
        (Some(a), Some(b)) => !a.is(b),
        _ => true,
    }
}

/// `sorted(items, key=_safe_tuple)`.
fn sort_items(
    vm: &mut Vm,
    mut items: Vec<(Value, Value)>,
    safe_tuple: Value,
) -> PyResult<Vec<(Value, Value)>> {
    let (str_t, int_t, float_t) = (vm.types.str, vm.types.int, vm.types.float);
    let class = |vm: &Vm, v: Value| match v {
        Value::Int(_) => Some(int_t),
        Value::Float(f) if !f.is_nan() => Some(float_t),
        Value::Obj(r) if vm.heap.get(r).class == str_t => Some(str_t),
        _ => None,
    };
    let first = items.first().and_then(|(k, _)| class(vm, *k));
    if let Some(c) = first {
        if items.iter().all(|(k, _)| class(vm, *k) == Some(c)) {
            if c == str_t {
                let mut keyed: Vec<(std::rc::Rc<str>, (Value, Value))> = items
                    .iter()
                    .map(|&(k, v)| {
                        let s: std::rc::Rc<str> = match k {
                            Value::Obj(r) => match vm.heap.kind(r) {
                                Kind::Str(s) => s.s.to_rc(),
                                _ => "".into(),
                            },
                            _ => "".into(),
                        };
                        (s, (k, v))
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
                return Ok(keyed.into_iter().map(|(_, kv)| kv).collect());
            }
            if c == int_t {
                items.sort_by_key(|(k, _)| match k {
                    Value::Int(i) => *i,
                    _ => 0,
                });
                return Ok(items);
            }
            items.sort_by(|(a, _), (b, _)| match (a, b) {
                (Value::Float(x), Value::Float(y)) => x.total_cmp(y),
                _ => std::cmp::Ordering::Equal,
            });
            return Ok(items);
        }
    }
    let tuples: Vec<Value> = items
        .iter()
        .map(|&(k, v)| vm.new_tuple(vec![k, v]))
        .collect();
    let list = vm.new_list(tuples);
    let k = vm.intern("sorted");
    let b = vm.builtins;
    let sorted = vm.dict_get_str(b, k).unwrap_or(Value::None);
    let key = vm.intern("key");
    let out = vm.call(sorted, &[list], &[(key, safe_tuple)])?;
    let mut res = vec![];
    for t in vm.list_items(out) {
        let kv = vm.tuple_items(t);
        res.push((kv[0], kv[1]));
    }
    Ok(res)
}

fn safe(vm: &mut Vm, v: Value, o: &Opts, level: i64) -> PyResult<(String, bool, bool)> {
    let typ = vm.type_of(v);
    if is_scalar(vm, v, typ) {
        return Ok((vm.repr(v)?, true, false));
    }
    let (int_t, dict_t, list_t, tuple_t) =
        (vm.types.int, vm.types.dict, vm.types.list, vm.types.tuple);
    if vm.is_subclass_ref(typ, int_t) && type_repr_is(vm, typ, int_t) {
        let s = if o.underscore {
            vm.format(v, "_d")?
        } else {
            vm.repr(v)?
        };
        return Ok((s, true, false));
    }
    let is_dict = vm.is_subclass_ref(typ, dict_t) && type_repr_is(vm, typ, dict_t);
    let is_list = vm.is_subclass_ref(typ, list_t) && type_repr_is(vm, typ, list_t);
    let is_tuple = !is_list && vm.is_subclass_ref(typ, tuple_t) && type_repr_is(vm, typ, tuple_t);
    if !(is_dict || is_list || is_tuple) {
        let rep = vm.repr(v)?;
        let readable = !rep.is_empty() && !rep.starts_with('<');
        return Ok((rep, readable, false));
    }
    let r = v.obj().expect("containers are heap objects");
    let len = match vm.heap.kind(r) {
        Kind::Dict(_) => vm.dict_len(r),
        Kind::List(x) | Kind::Tuple(x) => x.len(),
        _ => 0,
    };
    let (open, close) = if is_dict {
        ("{", "}")
    } else if is_list {
        ("[", "]")
    } else {
        ("(", ")")
    };
    if len == 0 {
        return Ok((format!("{open}{close}"), true, false));
    }
    let one_tuple = is_tuple && len == 1;
    let id = Value::Int(vm.id_of(v));
    let ctx = o.context;
    if let Some(m) = o.maxlevels {
        if m != 0 && level >= m {
            let rec = vm.dict_get(ctx, id)?.is_some();
            let dots = if one_tuple {
                "(...,)"
            } else if is_dict {
                "{...}"
            } else if is_list {
                "[...]"
            } else {
                "(...)"
            };
            return Ok((dots.to_string(), false, rec));
        }
    }
    if vm.dict_get(ctx, id)?.is_some() {
        return Ok((recursion_text(vm, v), false, true));
    }
    vm.dict_set(ctx, id, Value::Int(1))?;
    let mut readable = true;
    let mut recursive = false;
    let mut out = String::from(open);
    let level = level + 1;
    vm.enter_native(" while getting the repr of an object")?;
    let body = (|| -> PyResult<()> {
        if is_dict {
            let items = dict_items(vm, v, o)?;
            for (i, (k, val)) in items.into_iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                let (kr, kread, krec) = safe(vm, k, o, level)?;
                let (vr, vread, vrec) = safe(vm, val, o, level)?;
                out.push_str(&kr);
                out.push_str(": ");
                out.push_str(&vr);
                readable = readable && kread && vread;
                recursive = recursive || krec || vrec;
            }
        } else {
            let mut i = 0;
            loop {
                let item = match vm.heap.kind(r) {
                    Kind::List(x) | Kind::Tuple(x) => x.get(i).copied(),
                    _ => None,
                };
                let Some(item) = item else { break };
                if i > 0 {
                    out.push_str(", ");
                }
                let (ir, iread, irec) = safe(vm, item, o, level)?;
                out.push_str(&ir);
                readable = readable && iread;
                recursive = recursive || irec;
                i += 1;
            }
            if one_tuple {
                out.push(',');
            }
        }
        Ok(())
    })();
    vm.leave_native();
    body?;
    vm.dict_del(ctx, id)?;
    out.push_str(close);
    Ok((out, readable, recursive))
}

/// `safe_repr(object, context, maxlevels, level, sort_dicts, underscore_numbers,
/// safe_tuple)` -> `(repr, readable, recursive)`.
fn safe_repr(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let Some(context) = args[1]
        .obj()
        .filter(|r| matches!(vm.heap.kind(*r), Kind::Dict(_)))
    else {
        return Err(vm.new_type_error("safe_repr() context must be a dict".into()));
    };
    let maxlevels = if args[2].is_none() {
        None
    } else {
        vm.index_of(args[2])?
    };
    let level = vm.index_of(args[3])?.unwrap_or(0);
    let o = Opts {
        maxlevels,
        sort_dicts: vm.truthy(args[4])?,
        underscore: vm.truthy(args[5])?,
        safe_tuple: args[6],
        context,
    };
    let (s, readable, recursive) = safe(vm, args[0], &o, level)?;
    let s = vm.new_str(s);
    Ok(vm.new_tuple(vec![s, Value::Bool(readable), Value::Bool(recursive)]))
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_pprint");
    let d = vm.module_dict(m);
    vm.add_function(d, "safe_repr", safe_repr, Arity::exactly(7));
    Ok(m)
}
