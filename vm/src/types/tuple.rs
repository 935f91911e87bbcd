//! `tuple`.

use crate::args::Arity;
use crate::object::Kind;
use crate::object::Value;
use crate::{PyResult, Vm};

impl Vm {
    pub fn new_tuple(&mut self, items: Vec<Value>) -> Value {
        let c = self.types.tuple;
        Value::Obj(self.heap.alloc(c, Kind::Tuple(items)))
    }

    /// Items of a tuple or list (empty for anything else).
    pub fn tuple_items(&self, v: Value) -> Vec<Value> {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Tuple(t) | Kind::List(t) => t.clone(),
                _ => vec![],
            },
            _ => vec![],
        }
    }

    pub fn tuple_len(&self, v: Value) -> usize {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Tuple(t) | Kind::List(t) => t.len(),
                _ => 0,
            },
            _ => 0,
        }
    }

    pub fn tuple_item(&self, v: Value, i: usize) -> Value {
        match v {
            Value::Obj(r) => match self.heap.kind(r) {
                Kind::Tuple(t) | Kind::List(t) => t[i],
                _ => Value::None,
            },
            _ => Value::None,
        }
    }
}

/// `count` and `index` for tuples and lists.
pub fn seq_count(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> PyResult<Value> {
    vm.check_args("count", &args[1..], 1, 1)?;
    let items = vm.tuple_items(args[0]);
    let mut n = 0;
    for it in items {
        if vm.eq(it, args[1])? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

pub fn seq_index(vm: &mut Vm, args: &[Value], _: &[(Value, Value)]) -> PyResult<Value> {
    vm.check_args("index", &args[1..], 1, 3)?;
    let items = vm.tuple_items(args[0]);
    let n = items.len() as i64;
    let fix = |x: i64| if x < 0 { (x + n).max(0) } else { x.min(n) };
    let start = match args.get(2) {
        Some(v) => fix(vm.expect_int(*v, "")?),
        None => 0,
    };
    let end = match args.get(3) {
        Some(v) => fix(vm.expect_int(*v, "")?),
        None => n,
    };
    for i in start..end {
        if vm.eq(items[i as usize], args[1])? {
            return Ok(Value::Int(i));
        }
    }
    let is_list = matches!(args[0], Value::Obj(r) if matches!(vm.heap.kind(r), Kind::List(_)));
    if is_list {
        let r = vm.repr(args[1])?;
        Err(vm.new_value_error(format!("{r} is not in list")))
    } else {
        Err(vm.new_value_error("tuple.index(x): x not in tuple".into()))
    }
}

fn t_new(vm: &mut Vm, args: &[Value], kw: &[(Value, Value)]) -> PyResult<Value> {
    let cls = args[0].obj().expect("class");
    vm.no_kwargs("tuple", kw)?;
    vm.check_args("tuple", &args[1..], 0, 1)?;
    let items = match args.get(1) {
        Some(v) => {
            if cls == vm.types.tuple {
                if let Value::Obj(r) = v {
                    if matches!(vm.heap.kind(*r), Kind::Tuple(_))
                        && vm.type_of(*v) == vm.types.tuple
                    {
                        return Ok(*v);
                    }
                }
            }
            vm.iterate_sized(*v)?
        }
        None => vec![],
    };
    Ok(Value::Obj(vm.heap.alloc(cls, Kind::Tuple(items))))
}

pub fn register(vm: &mut Vm) {
    let c = vm.types.tuple;
    vm.add_staticmethod(c, "__new__", t_new, Arity::any().kw());
    vm.add_method(c, "count", seq_count, Arity::exactly(1));
    vm.add_method(c, "index", seq_index, Arity::range(1, 3));
    let d = vm.class_data(c).dict;
    vm.mark_gc_safe(d, "__new__");
}
