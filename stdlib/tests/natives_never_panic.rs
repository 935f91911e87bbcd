//! Every native function reachable from `builtins`, from the dict of every built-in
//! type and of every class of a native module, and from every native module, called
//! with bad arguments: none, wrong types, too many, an unknown keyword; unbound (the
//! function object itself, as `list.append(...)`) and bound to an instance of its
//! class. Each call must return a value or raise a Python exception: never panic.
//! This is the proof that the declared `Arity`/`Role` of natives, checked once in
//! `Vm::call`, leaves no native body indexing past its arguments.

// A test: its environment switch is the developer's, not a program's.
#![allow(clippy::disallowed_methods)]

use revpy_vm::{Kind, Mode, ObjRef, OutputSink, Role, Value, Vm};
use std::collections::BTreeSet;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// Values of (nearly) every built-in and native-module type, used as receivers.
const SAMPLES: &str = r#"
import sys, os, math, cmath, time, random, struct, binascii, json, re, collections
import _collections, _io, _json, _struct, _hashlib, _traceback, _sre, posixpath
import os.path
import heapq, bisect, functools, itertools, copy, pprint, operator
import _heapq, _bisect, _functools, _itertools, _copy, _pprint, _operator
class W:
    pass
def f(*a, **k):
    return a
def g():
    yield 1
class C:
    def m(self):
        pass
    @property
    def p(self):
        return 1
wrong = W()
samples = [
    0, 5, -3, 10**30, True, 1.5, 2j, "abc", "", b"ab", bytearray(b"ab"), [1, 2], (1, 2),
    {1: 2}, {1}, frozenset({1}), range(3), slice(1, 2), iter([1]),
    iter((1,)), iter(range(2)), iter("ab"), iter({1: 2}), iter({1: 2}.values()),
    iter({1: 2}.items()), iter({1}), iter(b"a"), iter(f, 1), {1: 2}.keys(),
    {1: 2}.values(), {1: 2}.items(), g(), f, C().m, len, property(f),
    staticmethod(f), classmethod(f), super(C, C()), ValueError("x"), OSError(2, "x"),
    KeyError("k"), StopIteration(1), SyntaxError("s"), UnicodeDecodeError("utf-8", b"a", 0, 1, "r"),
    enumerate([1]), zip([1]), map(f, [1]), filter(None, [1]), reversed([1]), None,
    NotImplemented, Ellipsis, object(), C(), W, C, collections.deque([1, 2]),
    random.Random(1), sys.stdout, sys.stdin, os.environ, sys.version_info,
    iter(collections.deque([1])), type, object, int,
    operator.itemgetter(1), operator.attrgetter("a"), operator.methodcaller("m"),
    functools.partial(f), functools.cmp_to_key(f), functools.cmp_to_key(f)(1),
    functools.lru_cache(f), functools.lru_cache(maxsize=2)(f), itertools.count(),
    itertools.repeat(1, 2), itertools.chain(), itertools.islice([], 1),
    itertools.product([1]), itertools.permutations([1]), itertools.combinations([1], 1),
    json.scanner.make_scanner(json.JSONDecoder()),
    json.encoder.c_make_encoder(None, f, f, None, ":", ",", False, False, True),
    collections.namedtuple("P", "x").x, iter(re.compile("a").finditer("aa")),
]
"#;

/// Natives found under `v` (unwrapping static/class methods and properties).
fn natives_in(vm: &Vm, v: Value, out: &mut Vec<ObjRef>) {
    let Value::Obj(r) = v else { return };
    match vm.heap.kind(r) {
        Kind::Native(nf) if nf.host.is_none() => out.push(r),
        Kind::StaticMethod(i) | Kind::ClassMethod(i) => natives_in(vm, *i, out),
        Kind::Property(p) => {
            for x in p.iter() {
                natives_in(vm, *x, out);
            }
        }
        _ => {}
    }
}

fn dict_values(vm: &Vm, d: ObjRef) -> Vec<Value> {
    match vm.heap.kind(d) {
        Kind::Dict(d) => d.items().into_iter().map(|(_, v)| v).collect(),
        _ => vec![],
    }
}

fn is_class(vm: &Vm, v: Value) -> Option<ObjRef> {
    match v {
        Value::Obj(r) if matches!(vm.heap.kind(r), Kind::Class(_)) => Some(r),
        _ => None,
    }
}

/// Walk namespaces and classes from the roots; return (natives, classes).
fn reachable(vm: &Vm, roots: &[ObjRef], classes: &[ObjRef]) -> (Vec<ObjRef>, Vec<ObjRef>) {
    let mut seen_cls: BTreeSet<u32> = BTreeSet::new();
    let mut todo: Vec<ObjRef> = classes.to_vec();
    let mut natives = vec![];
    let visit = |vm: &Vm, vals: Vec<Value>, todo: &mut Vec<ObjRef>, natives: &mut Vec<ObjRef>| {
        for v in vals {
            natives_in(vm, v, natives);
            if let Some(c) = is_class(vm, v) {
                todo.push(c);
            }
        }
    };
    for d in roots {
        visit(vm, dict_values(vm, *d), &mut todo, &mut natives);
    }
    let mut all_cls = vec![];
    while let Some(c) = todo.pop() {
        if !seen_cls.insert(c.0) {
            continue;
        }
        all_cls.push(c);
        let d = vm.class_data(c).dict;
        visit(vm, dict_values(vm, d), &mut todo, &mut natives);
        for b in vm.class_data(c).mro.clone() {
            todo.push(b);
        }
    }
    let mut seen = BTreeSet::new();
    natives.retain(|r| seen.insert(r.0));
    (natives, all_cls)
}

fn describe(vm: &Vm, f: ObjRef) -> String {
    match vm.heap.kind(f) {
        Kind::Native(nf) => {
            let owner = nf.cls.map(|c| vm.class_name(c));
            match (owner, nf.module) {
                (Some(o), _) => format!("{o}.{}", nf.name),
                (None, Some(m)) => format!("{m}.{}", nf.name),
                (None, None) => nf.name.to_string(),
            }
        }
        _ => "?".into(),
    }
}

#[test]
fn no_native_panics_on_bad_arguments() {
    let mut vm = revpy_stdlib::new_vm();
    vm.effects.stdout = OutputSink::Buffer(vec![]);
    vm.effects.stderr = OutputSink::Buffer(vec![]);
    vm.effects.stdin = Some(Default::default());
    let code = vm.compile(SAMPLES, "samples.py").expect("compile");
    let m = vm.new_module("samples");
    // In sys.modules: the module, its globals and the samples stay alive through
    // every collection the natives below trigger.
    let (modules, key) = (vm.modules, vm.intern("samples"));
    vm.dict_set(modules, key, Value::Obj(m)).unwrap();
    vm.exec_in_module(&code, m).expect("samples run");
    // From here on every effect (files, clocks, output, exit) is refused.
    vm.effects.mode = Mode::Sandbox;
    let md = vm.module_dict(m);
    let get = |vm: &mut Vm, name: &str| {
        let k = vm.intern(name);
        vm.dict_get(md, k).unwrap().unwrap()
    };
    let samples_v = get(&mut vm, "samples");
    let wrong = get(&mut vm, "wrong");
    let samples: Vec<Value> = match vm.heap.kind(samples_v.obj().unwrap()) {
        Kind::List(v) => v.clone(),
        _ => unreachable!(),
    };
    // Roots: builtins, sys.modules' modules (every native module was imported above).
    let mut roots = vec![vm.builtins];
    for v in dict_values(&vm, vm.modules) {
        if let Value::Obj(r) = v {
            if let Kind::Module(_) = vm.heap.kind(r) {
                roots.push(vm.module_dict(r));
            }
        }
    }
    // Classes: every built-in type (allocated first, in table order) and the types of
    // the samples.
    let mut classes: Vec<ObjRef> = (0..revpy_vm::types::TYPE_TABLE.len() as u32)
        .map(ObjRef)
        .collect();
    for (i, c) in classes.iter().enumerate() {
        assert_eq!(vm.class_name(*c), revpy_vm::types::TYPE_TABLE[i].1);
    }
    classes.extend(samples.iter().map(|s| vm.type_of(*s)));
    let (natives, all_classes) = reachable(&vm, &roots, &classes);
    assert!(natives.len() > 500, "only {} natives found", natives.len());
    assert!(
        all_classes.len() > 80,
        "only {} classes found",
        all_classes.len()
    );

    let arg_sets: Vec<Vec<Value>> = {
        let mut v: Vec<Vec<Value>> = (0..=7).map(|n| vec![wrong; n]).collect();
        v.extend((1..=3).map(|n| vec![Value::Int(1); n]));
        v.push(vec![Value::None]);
        v
    };
    let kw_name = vm.intern("zzz");
    let prev_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let mut panics: Vec<String> = vec![];
    let mut calls = 0usize;
    let limit = vm.recursion_limit;
    for &f in &natives {
        let (role, cls) = match vm.heap.kind(f) {
            Kind::Native(nf) => (nf.role, nf.cls),
            _ => unreachable!(),
        };
        // Receivers for bound calls: the samples that are instances of its class (for
        // methods), the class itself (class methods, `__new__`).
        let mut firsts: Vec<Value> = vec![];
        if let Some(c) = cls {
            match role {
                Role::Method => firsts.extend(samples.iter().filter(|s| vm.isinstance(**s, c))),
                Role::ClassMethod | Role::New => firsts.push(Value::Obj(c)),
                Role::Function => {}
            }
        }
        let mut tries: Vec<(Vec<Value>, bool)> = vec![];
        for a in &arg_sets {
            tries.push((a.clone(), false));
            for s in &firsts {
                let mut full = vec![*s];
                full.extend_from_slice(a);
                tries.push((full, false));
            }
        }
        tries.push((vec![wrong], true));
        for s in &firsts {
            tries.push((vec![*s], true));
            tries.push((vec![*s, wrong], true));
        }
        if std::env::var("WALK_TRACE").is_ok() {
            eprintln!("{}", describe(&vm, f));
        }
        for (args, with_kw) in tries {
            let kwargs: Vec<(Value, Value)> = if with_kw {
                vec![(kw_name, wrong)]
            } else {
                vec![]
            };
            let (sp, fr, roots) = (vm.stack.len(), vm.frames.len(), vm.temp_roots.len());
            calls += 1;
            let r = catch_unwind(AssertUnwindSafe(|| {
                let _ = vm.call(Value::Obj(f), &args, &kwargs);
            }));
            if r.is_err() {
                let types: Vec<String> = args.iter().map(|a| vm.type_name(*a)).collect();
                panics.push(format!(
                    "{}({}){}",
                    describe(&vm, f),
                    types.join(", "),
                    if with_kw { " with a keyword" } else { "" }
                ));
                vm.stack.truncate(sp);
                vm.frames.truncate(fr);
            }
            vm.temp_roots.truncate(roots);
            vm.abort = None;
            vm.exc_info = Value::None;
            vm.recursion_limit = limit;
        }
    }
    std::panic::set_hook(prev_hook);
    assert!(
        panics.is_empty(),
        "{} of {calls} calls of {} natives panicked:\n{}",
        panics.len(),
        natives.len(),
        panics.join("\n")
    );
    eprintln!("{calls} calls of {} natives, no panic", natives.len());
}
