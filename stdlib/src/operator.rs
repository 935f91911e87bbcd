//! `_operator`: the functions of `operator` and its `itemgetter`, `attrgetter` and
//! `methodcaller` types in Rust, as CPython's `Modules/_operator.c` (CPython's
//! `operator.py` defines them in Python and then imports these over them). Each
//! function is the VM's operator it names, so results and errors are the
//! interpreter's; the three types keep CPython's constructor errors, reprs and
//! `__reduce__`.

use revpy_compiler::opcodes::{BinOp, CmpOp};
use revpy_vm::object::opaque::{OpaqueObject, Protocols};
use revpy_vm::{Arity, Kind, Kw, NativeDef, ObjRef, PyErr, PyResult, Value, Vm};

fn cmp(vm: &mut Vm, args: &[Value], op: CmpOp) -> PyResult<Value> {
    vm.compare(args[0], args[1], op)
}
fn lt(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Lt)
}
fn le(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Le)
}
fn eq(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Eq)
}
fn ne(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Ne)
}
fn ge(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Ge)
}
fn gt(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    cmp(vm, a, CmpOp::Gt)
}

fn not_(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(!vm.truthy(a[0])?))
}
fn truth(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(vm.truthy(a[0])?))
}
fn is_(_: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(a[0].is(a[1])))
}
fn is_not(_: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(!a[0].is(a[1])))
}

/// A builtin function by name (`abs`).
fn builtin(vm: &mut Vm, name: &str) -> Value {
    let k = vm.intern(name);
    let b = vm.builtins;
    vm.dict_get_str(b, k).unwrap_or(Value::None)
}

fn abs(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let f = builtin(vm, "abs");
    vm.call(f, &[a[0]], &[])
}

/// `PyNumber_Index`: an exact int.
/// `length_hint(obj, default=0, /)`: CPython's `PyObject_LengthHint` (the Python
/// version looked `type(obj).__length_hint__` up as a plain attribute, which binds
/// a staticmethod or a descriptor differently from the special-method lookup).
fn length_hint(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let default = match a.get(1) {
        None => 0,
        Some(d) => match vm.index_of(*d)? {
            Some(n) => n,
            None => {
                let t = vm.type_name(*d);
                return Err(
                    vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer"))
                );
            }
        },
    };
    // A negative default is returned as it is: usize::MAX stands for it (no length
    // is that large).
    let d = usize::try_from(default).unwrap_or(usize::MAX);
    let n = vm.length_hint_or(a[0], d)?;
    Ok(Value::Int(if n == usize::MAX { default } else { n as i64 }))
}

fn index(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let v = a[0];
    match v {
        Value::Int(_) => return Ok(v),
        Value::Bool(b) => return Ok(Value::Int(b as i64)),
        Value::Obj(r) => match vm.heap.kind(r) {
            Kind::BigInt(_) => return Ok(v),
            Kind::Boxed(inner) if vm.isinstance(v, vm.types.int) => return Ok(*inner),
            _ => {}
        },
        _ => {}
    }
    let name = vm.names.__index__;
    if let Some(f) = vm.lookup_special(v, name) {
        let r = vm.call_special(f, &[v])?;
        let ok = match r {
            Value::Int(_) | Value::Bool(_) => true,
            Value::Obj(_) => vm.isinstance(r, vm.types.int),
            _ => false,
        };
        if !ok {
            let t = vm.type_name(r);
            return Err(vm.new_type_error(format!("__index__ returned non-int (type {t})")));
        }
        return index(vm, &[r], &[]);
    }
    let t = vm.type_name(v);
    Err(vm.new_type_error(format!("'{t}' object cannot be interpreted as an integer")))
}

macro_rules! binops {
    ($($name:ident => $op:ident),* $(,)?) => {
        $(fn $name(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
            vm.binary_op(a[0], a[1], BinOp::$op)
        })*
    };
}

binops! {
    add => Add, sub => Sub, mul => Mul, truediv => TrueDiv, floordiv => FloorDiv,
    mod_ => Mod, pow => Pow, lshift => LShift, rshift => RShift, and_ => And, or_ => Or,
    xor => Xor, matmul => MatMul,
    iadd => IAdd, isub => ISub, imul => IMul, itruediv => ITrueDiv, ifloordiv => IFloorDiv,
    imod => IMod, ipow => IPow, ilshift => ILShift, irshift => IRShift, iand => IAnd,
    ior => IOr, ixor => IXor, imatmul => IMatMul,
}

fn neg(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    vm.unary_neg(a[0])
}
fn pos(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    vm.unary_pos(a[0])
}
fn invert(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    vm.unary_invert(a[0])
}

/// `PySequence_Check`: a type with `__getitem__` that is not a dict.
fn is_sequence(vm: &mut Vm, v: Value) -> bool {
    if vm.isinstance(v, vm.types.dict) {
        return false;
    }
    let gi = vm.names.__getitem__;
    vm.lookup_special(v, gi).is_some()
}

fn concat_common(vm: &mut Vm, a: &[Value], op: BinOp) -> PyResult<Value> {
    if !is_sequence(vm, a[0]) {
        let t = vm.type_name(a[0]);
        return Err(vm.new_type_error(format!("'{t}' object can't be concatenated")));
    }
    vm.binary_op(a[0], a[1], op)
}
fn concat(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    concat_common(vm, a, BinOp::Add)
}
fn iconcat(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    concat_common(vm, a, BinOp::IAdd)
}

fn contains(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    Ok(Value::Bool(vm.contains(a[0], a[1])?))
}

/// `_PySequence_IterSearch`: the items of `seq`, with its message for a
/// non-iterable.
fn search_items(vm: &mut Vm, seq: Value) -> PyResult<Vec<Value>> {
    match vm.iterate(seq) {
        Ok(v) => Ok(v),
        Err(e) => {
            if vm.isinstance_ref(e.0, vm.types.type_error) && vm.get_iter(seq).is_err() {
                let t = vm.type_name(seq);
                return Err(vm.new_type_error(format!("argument of type '{t}' is not iterable")));
            }
            Err(e)
        }
    }
}

fn same(vm: &mut Vm, a: Value, b: Value) -> PyResult<bool> {
    Ok(a.is(b) || vm.eq(a, b)?)
}

fn count_of(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    let mut n = 0i64;
    for it in search_items(vm, a[0])? {
        if same(vm, it, a[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

fn index_of(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    for (i, it) in search_items(vm, a[0])?.into_iter().enumerate() {
        if same(vm, it, a[1])? {
            return Ok(Value::Int(i as i64));
        }
    }
    Err(vm.new_value_error("sequence.index(x): x not in sequence".into()))
}

fn getitem(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    vm.getitem(a[0], a[1])
}
fn setitem(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    vm.setitem(a[0], a[1], a[2])?;
    Ok(Value::None)
}
fn delitem(vm: &mut Vm, a: &[Value], _: Kw) -> PyResult<Value> {
    vm.delitem(a[0], a[1])?;
    Ok(Value::None)
}

// ---------------------------------------------------------------- itemgetter

#[derive(Clone, Debug)]
struct ItemGetter {
    items: Vec<Value>,
}

impl OpaqueObject for ItemGetter {
    revpy_vm::opaque_object_boilerplate!();
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        self.items.iter().for_each(|v| f(*v));
    }
    fn protocols(&self) -> &'static Protocols {
        &ITEMGETTER
    }
}

static ITEMGETTER: Protocols = Protocols {
    repr: Some(itemgetter_repr),
    ..Protocols::NONE
};

fn no_kwargs(vm: &mut Vm, name: &str, kw: Kw) -> PyResult<()> {
    if kw.is_empty() {
        Ok(())
    } else {
        Err(vm.new_type_error(format!("{name}() takes no keyword arguments")))
    }
}

/// CPython's count error of the getters (`itemgetter expected 1 argument, got 0`, also
/// for "at least one").
fn count_error(vm: &mut Vm, name: &str, n: usize) -> PyErr {
    vm.new_type_error(format!("{name} expected 1 argument, got {n}"))
}

/// The three types cannot be subclassed (CPython's `Py_TPFLAGS_BASETYPE` is not set).
fn no_subclass(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let sub = args[0].obj().unwrap_or(vm.types.object);
    let base = vm.class_data(sub).bases.first().copied().unwrap_or(sub);
    let name = vm.class_name(base);
    Err(vm.new_type_error(format!(
        "type 'operator.{name}' is not an acceptable base type"
    )))
}

fn itemgetter_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = args[0].obj().unwrap_or(vm.types.object);
    no_kwargs(vm, "itemgetter", kw)?;
    if args.len() < 2 {
        return Err(count_error(vm, "itemgetter", 0));
    }
    Ok(vm.new_opaque(
        cls,
        ItemGetter {
            items: args[1..].to_vec(),
        },
    ))
}

/// The one argument of a getter's call.
fn one_arg(vm: &mut Vm, name: &str, args: &[Value], kw: Kw) -> PyResult<Value> {
    no_kwargs(vm, name, kw)?;
    if args.len() != 2 {
        return Err(count_error(vm, name, args.len().saturating_sub(1)));
    }
    Ok(args[1])
}

fn itemgetter_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let obj = one_arg(vm, "itemgetter", args, kw)?;
    let Some(items) = vm
        .opaque_ref::<ItemGetter>(args[0])
        .map(|g| g.items.clone())
    else {
        return Err(vm.new_type_error("expected an operator.itemgetter".into()));
    };
    if let [item] = items[..] {
        return vm.getitem(obj, item);
    }
    let mut out = Vec::with_capacity(items.len());
    for it in items {
        out.push(vm.getitem(obj, it)?);
    }
    Ok(vm.new_tuple(out))
}

fn reprs(vm: &mut Vm, items: &[Value]) -> PyResult<String> {
    let mut parts = Vec::with_capacity(items.len());
    for it in items {
        parts.push(vm.repr(*it)?);
    }
    Ok(parts.join(", "))
}

fn itemgetter_repr(vm: &mut Vm, me: Value) -> PyResult<String> {
    let items = vm
        .opaque_ref::<ItemGetter>(me)
        .map(|g| g.items.clone())
        .unwrap_or_default();
    let name = class_qualname(vm, me);
    let inner = vm.nested(" while getting the repr of an object", |vm| {
        reprs(vm, &items)
    })?;
    Ok(format!("{name}({inner})"))
}

/// `operator.itemgetter` or a subclass's name, as CPython's `Py_TYPE(self)->tp_name`.
fn class_qualname(vm: &mut Vm, me: Value) -> String {
    let cls = vm.type_of(me);
    let name = vm.class_name(cls);
    if vm.class_data(cls).is_builtin {
        format!("operator.{name}")
    } else {
        name
    }
}

fn getter_reduce(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let me = args[0];
    let cls = Value::Obj(vm.type_of(me));
    let items = if let Some(g) = vm.opaque_ref::<ItemGetter>(me) {
        g.items.clone()
    } else if let Some(g) = vm.opaque_ref::<AttrGetter>(me) {
        let names = g.names.clone();
        names
            .iter()
            .map(|parts| {
                let joined = parts.join(".");
                vm.new_str(joined)
            })
            .collect()
    } else {
        return Err(vm.new_type_error("expected an operator getter".into()));
    };
    let t = vm.new_tuple(items);
    Ok(vm.new_tuple(vec![cls, t]))
}

// ---------------------------------------------------------------- attrgetter

#[derive(Clone, Debug)]
struct AttrGetter {
    /// Each attribute path, split at the dots.
    names: Vec<Vec<String>>,
    /// The same as interned str values (the VM's attribute lookups want them).
    keys: Vec<Vec<Value>>,
}

impl OpaqueObject for AttrGetter {
    revpy_vm::opaque_object_boilerplate!();
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        self.keys.iter().flatten().for_each(|v| f(*v));
    }
    fn protocols(&self) -> &'static Protocols {
        &ATTRGETTER
    }
}

static ATTRGETTER: Protocols = Protocols {
    repr: Some(attrgetter_repr),
    ..Protocols::NONE
};

fn attrgetter_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = args[0].obj().unwrap_or(vm.types.object);
    no_kwargs(vm, "attrgetter", kw)?;
    if args.len() < 2 {
        return Err(count_error(vm, "attrgetter", 0));
    }
    let mut names = vec![];
    let mut keys = vec![];
    for a in &args[1..] {
        let Some(s) = vm.as_str(*a).map(str::to_string) else {
            return Err(vm.new_type_error("attribute name must be a string".into()));
        };
        let parts: Vec<String> = s.split('.').map(str::to_string).collect();
        keys.push(parts.iter().map(|p| vm.intern(p)).collect());
        names.push(parts);
    }
    Ok(vm.new_opaque(cls, AttrGetter { names, keys }))
}

fn attrgetter_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let obj = one_arg(vm, "attrgetter", args, kw)?;
    let Some(keys) = vm.opaque_ref::<AttrGetter>(args[0]).map(|g| g.keys.clone()) else {
        return Err(vm.new_type_error("expected an operator.attrgetter".into()));
    };
    let mut out = Vec::with_capacity(keys.len());
    for path in &keys {
        let mut v = obj;
        for k in path {
            v = vm.getattr(v, *k)?;
        }
        out.push(v);
    }
    if out.len() == 1 {
        return Ok(out[0]);
    }
    Ok(vm.new_tuple(out))
}

fn attrgetter_repr(vm: &mut Vm, me: Value) -> PyResult<String> {
    let names = vm
        .opaque_ref::<AttrGetter>(me)
        .map(|g| g.names.clone())
        .unwrap_or_default();
    let name = class_qualname(vm, me);
    let mut parts = vec![];
    for n in names {
        let s = vm.new_str(n.join("."));
        parts.push(vm.repr(s)?);
    }
    Ok(format!("{name}({})", parts.join(", ")))
}

// ---------------------------------------------------------------- methodcaller

#[derive(Clone, Debug)]
struct MethodCaller {
    name: Value,
    args: Vec<Value>,
    kwargs: Vec<(Value, Value)>,
}

impl OpaqueObject for MethodCaller {
    revpy_vm::opaque_object_boilerplate!();
    fn trace(&self, f: &mut dyn FnMut(Value)) {
        f(self.name);
        self.args.iter().for_each(|v| f(*v));
        self.kwargs.iter().for_each(|(k, v)| {
            f(*k);
            f(*v)
        });
    }
    fn protocols(&self) -> &'static Protocols {
        &METHODCALLER
    }
}

static METHODCALLER: Protocols = Protocols {
    repr: Some(methodcaller_repr),
    ..Protocols::NONE
};

fn methodcaller_new(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let cls = args[0].obj().unwrap_or(vm.types.object);
    if args.len() < 2 {
        return Err(
            vm.new_type_error("methodcaller needs at least one argument, the method name".into())
        );
    }
    let Some(s) = vm.as_str(args[1]).map(str::to_string) else {
        return Err(vm.new_type_error("method name must be a string".into()));
    };
    let name = vm.intern(&s);
    Ok(vm.new_opaque(
        cls,
        MethodCaller {
            name,
            args: args[2..].to_vec(),
            kwargs: kw.to_vec(),
        },
    ))
}

fn methodcaller_call(vm: &mut Vm, args: &[Value], kw: Kw) -> PyResult<Value> {
    let obj = one_arg(vm, "methodcaller", args, kw)?;
    let Some(mc) = vm.opaque_ref::<MethodCaller>(args[0]).cloned() else {
        return Err(vm.new_type_error("expected an operator.methodcaller".into()));
    };
    let f = vm.getattr(obj, mc.name)?;
    vm.call(f, &mc.args, &mc.kwargs)
}

fn methodcaller_repr(vm: &mut Vm, me: Value) -> PyResult<String> {
    let Some(mc) = vm.opaque_ref::<MethodCaller>(me).cloned() else {
        return Ok("operator.methodcaller(...)".into());
    };
    let name = class_qualname(vm, me);
    let mut parts = vec![vm.repr(mc.name)?];
    for a in &mc.args {
        parts.push(vm.repr(*a)?);
    }
    for (k, v) in &mc.kwargs {
        let k = vm.as_str(*k).unwrap_or("").to_string();
        parts.push(format!("{k}={}", vm.repr(*v)?));
    }
    Ok(format!("{name}({})", parts.join(", ")))
}

/// `(cls, (name, *args))`, or `(partial(cls, name, **kwargs), args)` with keywords.
fn methodcaller_reduce(vm: &mut Vm, args: &[Value], _: Kw) -> PyResult<Value> {
    let me = args[0];
    let Some(mc) = vm.opaque_ref::<MethodCaller>(me).cloned() else {
        return Err(vm.new_type_error("expected an operator.methodcaller".into()));
    };
    let cls = Value::Obj(vm.type_of(me));
    if mc.kwargs.is_empty() {
        let mut a = vec![mc.name];
        a.extend(mc.args.iter().copied());
        let t = vm.new_tuple(a);
        return Ok(vm.new_tuple(vec![cls, t]));
    }
    let functools = vm.load_module("functools", None)?;
    let k = vm.intern("partial");
    let partial = vm.getattr(functools, k)?;
    let p = vm.call(partial, &[cls, mc.name], &mc.kwargs)?;
    let t = vm.new_tuple(mc.args.clone());
    Ok(vm.new_tuple(vec![p, t]))
}

pub fn create(vm: &mut Vm) -> PyResult<ObjRef> {
    let m = vm.new_module("_operator");
    let d = vm.module_dict(m);
    let doc = vm.new_str(
        "Operator interface.\n\nThis module exports a set of functions implemented in C \
         corresponding\nto the intrinsic operators of Python.  For example, operator.add(x, y)\n\
         is equivalent to the expression x+y.  The function names are those\nused for special \
         methods; variants without leading and trailing\n'__' are also provided for convenience."
            .into(),
    );
    let k = vm.names.__doc__;
    vm.dict_set(d, k, doc)?;
    let two = Arity::exactly(2);
    let one = Arity::exactly(1);
    let funcs: &[NativeDef] = &[
        ("lt", lt, two),
        ("le", le, two),
        ("eq", eq, two),
        ("ne", ne, two),
        ("ge", ge, two),
        ("gt", gt, two),
        ("not_", not_, one),
        ("truth", truth, one),
        ("is_", is_, two),
        ("is_not", is_not, two),
        ("abs", abs, one),
        ("index", index, one),
        ("add", add, two),
        ("sub", sub, two),
        ("mul", mul, two),
        ("truediv", truediv, two),
        ("floordiv", floordiv, two),
        ("mod", mod_, two),
        ("pow", pow, two),
        ("lshift", lshift, two),
        ("rshift", rshift, two),
        ("and_", and_, two),
        ("or_", or_, two),
        ("xor", xor, two),
        ("matmul", matmul, two),
        ("neg", neg, one),
        ("pos", pos, one),
        ("inv", invert, one),
        ("invert", invert, one),
        ("concat", concat, two),
        ("contains", contains, two),
        ("countOf", count_of, two),
        ("indexOf", index_of, two),
        ("getitem", getitem, two),
        ("length_hint", length_hint, Arity::range(1, 2)),
        ("setitem", setitem, Arity::exactly(3)),
        ("delitem", delitem, two),
        ("iadd", iadd, two),
        ("isub", isub, two),
        ("imul", imul, two),
        ("itruediv", itruediv, two),
        ("ifloordiv", ifloordiv, two),
        ("imod", imod, two),
        ("ipow", ipow, two),
        ("ilshift", ilshift, two),
        ("irshift", irshift, two),
        ("iand", iand, two),
        ("ior", ior, two),
        ("ixor", ixor, two),
        ("imatmul", imatmul, two),
        ("iconcat", iconcat, two),
    ];
    for (name, f, arity) in funcs {
        vm.add_function(d, name, *f, *arity);
    }
    let types: [(
        &str,
        &'static Protocols,
        revpy_vm::NativeFn,
        revpy_vm::NativeFn,
    ); 3] = [
        ("itemgetter", &ITEMGETTER, itemgetter_new, itemgetter_call),
        ("attrgetter", &ATTRGETTER, attrgetter_new, attrgetter_call),
        (
            "methodcaller",
            &METHODCALLER,
            methodcaller_new,
            methodcaller_call,
        ),
    ];
    for (name, protocols, new, call) in types {
        let cls = vm.new_opaque_class(name, "operator", protocols);
        vm.add_staticmethod(cls, "__new__", new, Arity::any().kw());
        vm.add_method(cls, "__call__", call, Arity::any().kw());
        let reduce: revpy_vm::NativeFn = if name == "methodcaller" {
            methodcaller_reduce
        } else {
            getter_reduce
        };
        vm.add_method(cls, "__reduce__", reduce, Arity::none());
        vm.add_classmethod(cls, "__init_subclass__", no_subclass, Arity::any().kw());
        let k = vm.intern(name);
        vm.dict_set(d, k, Value::Obj(cls))?;
    }
    Ok(m)
}
