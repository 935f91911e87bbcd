//! The dispatch loop: `run_loop` executes the instructions of the frames on the frame
//! stack, one `match` arm per opcode.

use super::Exit;
use crate::object::Kind;
use crate::object::Value;
use crate::{PyErr, PyResult, StopKind, Vm};
use revpy_compiler::opcodes::{BinOp, CmpOp, Op};

macro_rules! tri {
    ($e:expr, $label:lifetime) => {
        match $e {
            Ok(v) => v,
            Err(e) => break $label e,
        }
    };
}

/// `l op r` for a type whose comparisons are Rust's (ints, floats: NaN compares false).
#[inline(always)]
fn cmp_op<T: PartialOrd>(op: CmpOp, l: &T, r: &T) -> bool {
    match op {
        CmpOp::Lt => l < r,
        CmpOp::Le => l <= r,
        CmpOp::Eq => l == r,
        CmpOp::Ne => l != r,
        CmpOp::Gt => l > r,
        CmpOp::Ge => l >= r,
    }
}

impl Vm {
    pub(super) fn run_loop(&mut self, stop: usize) -> PyResult<Exit> {
        'frames: loop {
            let fi = self.frames.len() - 1;
            let code = self.frames[fi].code.clone();
            let base = self.frames[fi].base as usize;
            let mut ip = self.frames[fi].ip as usize;
            let instrs = &code.code.instrs[..];
            let hooked = self.hooked;
            // The hook sees every instruction only when stepping by instruction or
            // tracing; otherwise just the stop points.
            let hook_instrs = hooked && (self.step_instructions || self.trace);
            // The operand stack in registers: `sp` is the stack length and `sptr` its
            // buffer while this frame runs simple instructions. Before any instruction
            // that can call out (run Python code, allocate stack, collect garbage) the
            // length is written back (`sync!`), and afterwards re-read (`reload!`).
            // Room for the frame's deepest stack is reserved up front; pushes still
            // check the capacity, so a wrong bound can only cost a reallocation.
            let need = base + code.nlocalsplus + code.code.max_stack as usize + 8;
            if self.stack.capacity() < need {
                self.stack.reserve(need - self.stack.len());
            }
            // The stack invariant (compiler/src/opcodes.rs): the compiler's verifier
            // proved that before every instruction the operand stack holds between 0
            // and max_stack items above the locals, and at least the instruction's
            // inputs; the unchecked accesses below rely on it. Checked in debug builds.
            let stack_floor = base + code.nlocalsplus;
            let max_depth = code.code.max_stack as usize;
            let mut sptr: *mut Value = self.stack.as_mut_ptr();
            let mut sp: usize = self.stack.len();
            let mut cap: usize = self.stack.capacity();
            // Simple instructions also keep the position and the instruction count in
            // registers; `sync!` publishes them with the stack length.
            let mut icount: u64 = 0;
            macro_rules! sync {
                () => {
                    // SAFETY: sp <= capacity and every slot below sp was written.
                    unsafe { self.stack.set_len(sp) }
                    self.frames[fi].ip = ip as u32;
                    self.instructions += std::mem::take(&mut icount);
                };
            }
            macro_rules! reload {
                () => {
                    sptr = self.stack.as_mut_ptr();
                    sp = self.stack.len();
                    cap = self.stack.capacity();
                };
            }
            macro_rules! push {
                ($v:expr) => {{
                    let v = $v;
                    if sp == cap {
                        sync!();
                        self.stack.reserve(16);
                        reload!();
                    }
                    // SAFETY: sp < capacity.
                    unsafe { sptr.add(sp).write(v) };
                    sp += 1;
                }};
            }
            macro_rules! pop {
                () => {{
                    debug_assert!(sp > base);
                    sp -= 1;
                    // SAFETY: the slot below sp holds a value.
                    unsafe { sptr.add(sp).read() }
                }};
            }
            macro_rules! slot {
                ($i:expr) => {{
                    let i = $i;
                    debug_assert!(i < sp);
                    // SAFETY: locals and stack entries below sp are initialized.
                    unsafe { &mut *sptr.add(i) }
                }};
            }
            let err: PyErr = 'exec: loop {
                let ins = instrs[ip];
                debug_assert!(
                    sp >= stack_floor && sp - stack_floor <= max_depth,
                    "operand stack depth {} outside 0..={max_depth} before instruction {ip} of {}",
                    sp as isize - stack_floor as isize,
                    code.code.qualname
                );
                ip += 1;
                icount += 1;
                if ins.line_start || hook_instrs {
                    if ins.line_start {
                        self.stop_points += 1;
                    }
                    if hooked {
                        sync!();
                        // The hook sees the frame positioned at this instruction.
                        self.frames[fi].ip -= 1;
                        let kind = if ins.line_start {
                            StopKind::Line
                        } else {
                            StopKind::Instruction
                        };
                        let kind = if ins.op == Op::ReturnValue && !ins.line_start {
                            StopKind::Return
                        } else {
                            kind
                        };
                        let r = self.on_instruction(kind);
                        self.frames[fi].ip += 1;
                        reload!();
                        tri!(r, 'exec);
                    }
                }
                let a = ins.arg;
                // One arm per opcode. An arm first tries its simple cases on the
                // registers (`sp`, `slot!`, `push!`, `pop!`) and `continue`s. Work that
                // can call out (run Python code, allocate stack, collect garbage) starts
                // with `sync!()` and then uses `self.stack`; after it, the registers are
                // re-read below the match.
                match ins.op {
                    Op::Nop => continue,
                    Op::PopTop => {
                        sp -= 1;
                        continue;
                    }
                    Op::Copy => {
                        let v = *slot!(sp - a as usize);
                        push!(v);
                        continue;
                    }
                    Op::Swap => {
                        let (i, j) = (sp - 1, sp - a as usize);
                        let t = *slot!(i);
                        *slot!(i) = *slot!(j);
                        *slot!(j) = t;
                        continue;
                    }
                    Op::LoadConst => {
                        push!(code.consts[a as usize]);
                        continue;
                    }
                    Op::LoadFast => {
                        let v = *slot!(base + a as usize);
                        if v.is_undef() {
                            sync!();
                            let name = code.code.varnames[a as usize].clone();
                            break 'exec self.unbound_local(&name);
                        }
                        push!(v);
                        continue;
                    }
                    Op::StoreFast => {
                        let v = pop!();
                        *slot!(base + a as usize) = v;
                        continue;
                    }
                    Op::DeleteFast => {
                        sync!();
                        if self.stack[base + a as usize].is_undef() {
                            let name = code.code.varnames[a as usize].clone();
                            break 'exec self.unbound_local(&name);
                        }
                        self.stack[base + a as usize] = Value::Undef;
                    }
                    Op::LoadDeref => {
                        let cell = *slot!(base + code.code.varnames.len() + a as usize);
                        let v = self.cell_get(cell);
                        if v.is_undef() {
                            sync!();
                            break 'exec self.unbound_deref(&code, a as usize);
                        }
                        push!(v);
                        continue;
                    }
                    Op::LoadClassDeref => {
                        sync!();
                        let name = code.code.cell_name(a as usize);
                        let key = self.intern(name);
                        let from_ns = match self.frames[fi].locals {
                            Some(ns) => tri!(self.dict_get(ns, key), 'exec),
                            None => None,
                        };
                        let v = match from_ns {
                            Some(v) => v,
                            None => {
                                let cell = self.stack[base + code.code.varnames.len() + a as usize];
                                self.cell_get(cell)
                            }
                        };
                        if v.is_undef() {
                            break 'exec self.unbound_deref(&code, a as usize);
                        }
                        self.stack.push(v);
                    }
                    Op::StoreDeref => {
                        let v = pop!();
                        let cell = *slot!(base + code.code.varnames.len() + a as usize);
                        self.cell_set(cell, v);
                        continue;
                    }
                    Op::DeleteDeref => {
                        sync!();
                        let cell = self.stack[base + code.code.varnames.len() + a as usize];
                        if self.cell_get(cell).is_undef() {
                            break 'exec self.unbound_deref(&code, a as usize);
                        }
                        self.cell_set(cell, Value::Undef);
                    }
                    Op::LoadClosure => {
                        let cell = *slot!(base + code.code.varnames.len() + a as usize);
                        push!(cell);
                        continue;
                    }
                    Op::LoadGlobal => {
                        let name = code.names[a as usize];
                        let g = self.frames[fi].globals;
                        match self.load_global_cached(&code, ip - 1, g, name) {
                            Ok(v) => push!(v),
                            Err(e) => {
                                sync!();
                                break 'exec e;
                            }
                        }
                        continue;
                    }
                    Op::StoreGlobal => {
                        sync!();
                        let v = self.pop();
                        let g = self.frames[fi].globals;
                        tri!(self.dict_set(g, code.names[a as usize], v), 'exec);
                    }
                    Op::DeleteGlobal => {
                        sync!();
                        let g = self.frames[fi].globals;
                        let name = code.names[a as usize];
                        if !tri!(self.dict_del(g, name), 'exec) {
                            break 'exec self.name_error(name);
                        }
                    }
                    Op::LoadName => {
                        sync!();
                        let name = code.names[a as usize];
                        let v = match self.frames[fi].locals {
                            Some(ns) => tri!(self.namespace_get(ns, name), 'exec),
                            None => None,
                        };
                        let v = match v {
                            Some(v) => v,
                            None => {
                                let g = self.frames[fi].globals;
                                tri!(self.load_global(g, name), 'exec)
                            }
                        };
                        self.stack.push(v);
                    }
                    Op::StoreName => {
                        sync!();
                        let v = self.pop();
                        let ns = self.frames[fi].locals.unwrap_or(self.frames[fi].globals);
                        tri!(self.namespace_set(ns, code.names[a as usize], v), 'exec);
                    }
                    Op::DeleteName => {
                        sync!();
                        let ns = self.frames[fi].locals.unwrap_or(self.frames[fi].globals);
                        let name = code.names[a as usize];
                        if !tri!(self.dict_del(ns, name), 'exec) {
                            break 'exec self.name_error(name);
                        }
                    }
                    Op::LoadAttr => {
                        let obj = *slot!(sp - 1);
                        if let Some(v) =
                            self.load_attr_fast(&code, ip - 1, obj, code.names[a as usize])
                        {
                            *slot!(sp - 1) = v;
                            continue;
                        }
                        sync!();
                        let obj = self.pop();
                        let v = tri!(self.load_attr_cached(&code, ip - 1, obj, code.names[a as usize]), 'exec);
                        self.stack.push(v);
                    }
                    Op::StoreAttr => {
                        let (obj, v) = (*slot!(sp - 1), *slot!(sp - 2));
                        if self.store_attr_fast(&code, ip - 1, obj, code.names[a as usize], v) {
                            sp -= 2;
                            continue;
                        }
                        sync!();
                        let obj = self.pop();
                        let v = self.pop();
                        tri!(self.store_attr_cached(&code, ip - 1, obj, code.names[a as usize], v), 'exec);
                    }
                    Op::DeleteAttr => {
                        sync!();
                        let obj = self.pop();
                        tri!(self.delattr(obj, code.names[a as usize]), 'exec);
                    }
                    Op::LoadMethod => {
                        let obj = *slot!(sp - 1);
                        if let Some((f, s)) =
                            self.load_method_fast(&code, ip - 1, obj, code.names[a as usize])
                        {
                            *slot!(sp - 1) = f;
                            push!(s);
                            continue;
                        }
                        sync!();
                        let obj = self.pop();
                        let (f, s) = tri!(self.load_method_cached(&code, ip - 1, obj, code.names[a as usize]), 'exec);
                        self.stack.push(f);
                        self.stack.push(s);
                    }
                    Op::BinarySubscr => {
                        // list[int] and tuple[int] of the built-in types.
                        if let (Value::Obj(r), Value::Int(i)) = (*slot!(sp - 2), *slot!(sp - 1)) {
                            let o = self.heap.get(r);
                            if let Kind::List(items) | Kind::Tuple(items) = &o.kind {
                                let n = items.len() as i64;
                                let j = if i < 0 { i + n } else { i };
                                if (0..n).contains(&j)
                                    && (o.class == self.types.list || o.class == self.types.tuple)
                                {
                                    let v = items[j as usize];
                                    sp -= 1;
                                    *slot!(sp - 1) = v;
                                    continue;
                                }
                            }
                        }
                        sync!();
                        let key = self.pop();
                        let obj = self.pop();
                        let v = tri!(self.getitem(obj, key), 'exec);
                        self.stack.push(v);
                    }
                    Op::StoreSubscr => {
                        // list[int] = v on a built-in list.
                        if let (Value::Obj(r), Value::Int(i)) = (*slot!(sp - 2), *slot!(sp - 1)) {
                            let v = *slot!(sp - 3);
                            let list_cls = self.types.list;
                            let o = self.heap.get_mut(r);
                            if o.class == list_cls {
                                if let Kind::List(items) = &mut o.kind {
                                    let n = items.len() as i64;
                                    let j = if i < 0 { i + n } else { i };
                                    if (0..n).contains(&j) {
                                        items[j as usize] = v;
                                        sp -= 3;
                                        continue;
                                    }
                                }
                            }
                        }
                        sync!();
                        let key = self.pop();
                        let obj = self.pop();
                        let v = self.pop();
                        tri!(self.setitem(obj, key, v), 'exec);
                    }
                    Op::DeleteSubscr => {
                        sync!();
                        let key = self.pop();
                        let obj = self.pop();
                        tri!(self.delitem(obj, key), 'exec);
                    }
                    Op::BuildSlice => {
                        sync!();
                        let step = if a == 3 { self.pop() } else { Value::None };
                        let stop = self.pop();
                        let start = self.pop();
                        let s = self.new_slice(start, stop, step);
                        self.stack.push(s);
                    }
                    Op::BinaryOp => {
                        // The verifier checked the operand is a `BinOp`.
                        let op = BinOp::from_arg(a).unwrap_or(BinOp::Add);
                        let (l, r) = (*slot!(sp - 2), *slot!(sp - 1));
                        // int and float operands of the built-in types, on the registers.
                        let fast = match (l, r) {
                            (Value::Int(x), Value::Int(y)) => match op {
                                BinOp::Add | BinOp::IAdd => x.checked_add(y).map(Value::Int),
                                BinOp::Sub | BinOp::ISub => x.checked_sub(y).map(Value::Int),
                                BinOp::Mul | BinOp::IMul => x.checked_mul(y).map(Value::Int),
                                BinOp::FloorDiv | BinOp::IFloorDiv if y > 0 && x >= 0 => {
                                    Some(Value::Int(x / y))
                                }
                                BinOp::Mod | BinOp::IMod if y > 0 && x >= 0 => {
                                    Some(Value::Int(x % y))
                                }
                                BinOp::And | BinOp::IAnd => Some(Value::Int(x & y)),
                                BinOp::Or | BinOp::IOr => Some(Value::Int(x | y)),
                                BinOp::Xor | BinOp::IXor => Some(Value::Int(x ^ y)),
                                _ => None,
                            },
                            (Value::Float(_) | Value::Int(_), Value::Float(_) | Value::Int(_)) => {
                                let x = match l {
                                    Value::Float(f) => f,
                                    Value::Int(i) => i as f64,
                                    _ => 0.0,
                                };
                                let y = match r {
                                    Value::Float(f) => f,
                                    Value::Int(i) => i as f64,
                                    _ => 0.0,
                                };
                                match op {
                                    BinOp::Add | BinOp::IAdd => Some(Value::Float(x + y)),
                                    BinOp::Sub | BinOp::ISub => Some(Value::Float(x - y)),
                                    BinOp::Mul | BinOp::IMul => Some(Value::Float(x * y)),
                                    BinOp::TrueDiv | BinOp::ITrueDiv if y != 0.0 => {
                                        Some(Value::Float(x / y))
                                    }
                                    _ => None,
                                }
                            }
                            _ => None,
                        };
                        if let Some(v) = fast {
                            sp -= 1;
                            *slot!(sp - 1) = v;
                            continue;
                        }
                        sync!();
                        let r = self.pop();
                        let l = self.pop();
                        let v = tri!(self.binary_op(l, r, op), 'exec);
                        self.stack.push(v);
                    }
                    Op::UnaryNegative => {
                        sync!();
                        let v = self.pop();
                        let r = tri!(self.unary_neg(v), 'exec);
                        self.stack.push(r);
                    }
                    Op::UnaryPositive => {
                        sync!();
                        let v = self.pop();
                        let r = tri!(self.unary_pos(v), 'exec);
                        self.stack.push(r);
                    }
                    Op::UnaryNot => {
                        sync!();
                        let v = self.pop();
                        let b = tri!(self.truthy(v), 'exec);
                        self.stack.push(Value::Bool(!b));
                    }
                    Op::UnaryInvert => {
                        sync!();
                        let v = self.pop();
                        let r = tri!(self.unary_invert(v), 'exec);
                        self.stack.push(r);
                    }
                    Op::CompareOp => {
                        // The verifier checked the operand is a `CmpOp`.
                        let op = CmpOp::from_arg(a).unwrap_or(CmpOp::Eq);
                        let (l, r) = (*slot!(sp - 2), *slot!(sp - 1));
                        // Two ints or two floats, on the registers.
                        let fast = match (l, r) {
                            (Value::Int(x), Value::Int(y)) => Some(cmp_op(op, &x, &y)),
                            (Value::Float(x), Value::Float(y)) => Some(cmp_op(op, &x, &y)),
                            _ => None,
                        };
                        if let Some(b) = fast {
                            sp -= 1;
                            *slot!(sp - 1) = Value::Bool(b);
                            continue;
                        }
                        sync!();
                        let r = self.pop();
                        let l = self.pop();
                        let v = tri!(self.compare(l, r, op), 'exec);
                        self.stack.push(v);
                    }
                    Op::IsOp => {
                        let r = pop!();
                        let l = pop!();
                        push!(Value::Bool(l.is(r) != (a == 1)));
                        continue;
                    }
                    Op::ContainsOp => {
                        sync!();
                        let r = self.pop();
                        let l = self.pop();
                        let b = tri!(self.contains(r, l), 'exec);
                        self.stack.push(Value::Bool(b != (a == 1)));
                    }
                    Op::BuildTuple => {
                        sync!();
                        let items = self.stack.split_off(self.stack.len() - a as usize);
                        let t = self.new_tuple(items);
                        self.stack.push(t);
                    }
                    Op::BuildList => {
                        sync!();
                        let items = self.stack.split_off(self.stack.len() - a as usize);
                        let l = self.new_list(items);
                        self.stack.push(l);
                    }
                    Op::BuildSet => {
                        sync!();
                        let items = self.stack.split_off(self.stack.len() - a as usize);
                        let s = tri!(self.new_set_from(items), 'exec);
                        self.stack.push(s);
                    }
                    Op::BuildMap => {
                        sync!();
                        let items = self.stack.split_off(self.stack.len() - 2 * a as usize);
                        let d = self.new_dict();
                        for pair in items.chunks(2) {
                            tri!(self.dict_set(d, pair[0], pair[1]), 'exec);
                        }
                        self.stack.push(Value::Obj(d));
                    }
                    Op::BuildString => {
                        sync!();
                        let items = self.stack.split_off(self.stack.len() - a as usize);
                        let mut s = String::new();
                        for v in items {
                            s.push_str(self.str_ref(v));
                        }
                        let v = self.new_str(s);
                        self.stack.push(v);
                    }
                    Op::FormatValue => {
                        sync!();
                        let spec = if a & 4 != 0 { Some(self.pop()) } else { None };
                        let v = self.pop();
                        let r = tri!(self.format_value(v, a & 3, spec), 'exec);
                        self.stack.push(r);
                    }
                    Op::ListAppend => {
                        sync!();
                        let v = self.pop();
                        let l = self.peek(a as usize);
                        tri!(self.list_append(l, v), 'exec);
                    }
                    Op::SetAdd => {
                        sync!();
                        let v = self.pop();
                        let s = self.peek(a as usize);
                        tri!(self.set_add(s, v), 'exec);
                    }
                    Op::MapAdd => {
                        sync!();
                        let v = self.pop();
                        let k = self.pop();
                        let d = self.peek(a as usize);
                        tri!(self.dict_set(d.obj().expect("dict"), k, v), 'exec);
                    }
                    Op::ListExtend => {
                        sync!();
                        let it = self.pop();
                        let l = self.peek(a as usize);
                        tri!(self.list_extend_op(l, it), 'exec);
                    }
                    Op::SetUpdate => {
                        sync!();
                        let it = self.pop();
                        let s = self.peek(a as usize);
                        tri!(self.set_update(s, it), 'exec);
                    }
                    Op::DictUpdate | Op::DictMerge => {
                        sync!();
                        let m = self.pop();
                        let d = self.peek(a as usize);
                        tri!(self.dict_update_op(d, m, ins.op == Op::DictMerge, &code, fi), 'exec);
                    }
                    Op::ListToTuple => {
                        sync!();
                        let l = self.pop();
                        let items = self.list_items(l);
                        let t = self.new_tuple(items);
                        self.stack.push(t);
                    }
                    Op::UnpackSequence => {
                        // A built-in tuple or list of the right length: its items go
                        // straight onto the stack (first item on top).
                        if let Value::Obj(r) = *slot!(sp - 1) {
                            let o = self.heap.get(r);
                            if let Kind::List(items) | Kind::Tuple(items) = &o.kind {
                                if items.len() == a as usize
                                    && (o.class == self.types.tuple || o.class == self.types.list)
                                {
                                    if sp + items.len() > cap {
                                        sync!();
                                        self.stack.reserve(items.len() + 16);
                                        reload!();
                                    }
                                    let (Kind::List(items) | Kind::Tuple(items)) =
                                        &self.heap.get(r).kind
                                    else {
                                        unreachable!()
                                    };
                                    sp -= 1;
                                    for v in items.iter().rev() {
                                        // SAFETY: capacity reserved above.
                                        unsafe { sptr.add(sp).write(*v) };
                                        sp += 1;
                                    }
                                    continue;
                                }
                            }
                        }
                        sync!();
                        let v = self.pop();
                        let items = tri!(self.unpack(v, a as usize), 'exec);
                        self.stack.extend(items.into_iter().rev());
                    }
                    Op::UnpackEx => {
                        sync!();
                        let v = self.pop();
                        let before = (a & 0xff) as usize;
                        let after = (a >> 8) as usize;
                        let items = tri!(self.unpack_ex(v, before, after), 'exec);
                        self.stack.extend(items.into_iter().rev());
                    }
                    Op::GetIter => {
                        sync!();
                        let v = self.pop();
                        let it = tri!(self.get_iter(v), 'exec);
                        self.stack.push(it);
                    }
                    Op::ForIter => {
                        let it = *slot!(sp - 1);
                        if let Value::Obj(r) = it {
                            if let Kind::Iter(state) = self.heap.kind_mut(r) {
                                match &mut **state {
                                    crate::object::IterKind::Range { cur, stop, step } => {
                                        if (*step > 0 && *cur < *stop)
                                            || (*step < 0 && *cur > *stop)
                                        {
                                            let v = *cur;
                                            *cur += *step;
                                            push!(Value::Int(v));
                                        } else {
                                            sp -= 1;
                                            ip = a as usize;
                                        }
                                        continue;
                                    }
                                    crate::object::IterKind::Seq {
                                        seq: Value::Obj(s),
                                        idx,
                                    } => {
                                        let (s, i) = (*s, *idx);
                                        if let Kind::List(items) = self.heap.kind(s) {
                                            if i < items.len() {
                                                let v = items[i];
                                                if let Kind::Iter(st) = self.heap.kind_mut(r) {
                                                    if let crate::object::IterKind::Seq {
                                                        idx,
                                                        ..
                                                    } = &mut **st
                                                    {
                                                        *idx += 1;
                                                    }
                                                }
                                                push!(v);
                                            } else {
                                                sp -= 1;
                                                ip = a as usize;
                                            }
                                            continue;
                                        }
                                    }
                                    _ => {}
                                }
                            }
                        }
                        sync!();
                        let it = self.top();
                        if let Value::Obj(g) = it {
                            if let Kind::Generator(_) = self.heap.kind(g) {
                                match tri!(self.resume_generator_gc(g, Value::None, None), 'exec) {
                                    Exit::Yield(v) => self.stack.push(v),
                                    Exit::Return(_) => {
                                        self.stack.pop();
                                        ip = a as usize;
                                    }
                                }
                                reload!();
                                continue;
                            }
                        }
                        match tri!(self.iter_next(it), 'exec) {
                            Some(v) => self.stack.push(v),
                            None => {
                                self.stack.pop();
                                ip = a as usize;
                            }
                        }
                    }
                    Op::Jump => {
                        if (a as usize) < ip && self.heap.allocs >= self.heap.threshold {
                            sync!();
                            self.maybe_collect();
                            reload!();
                        }
                        ip = a as usize;
                        continue;
                    }
                    Op::PopJumpIfFalse | Op::PopJumpIfTrue => {
                        let b = match *slot!(sp - 1) {
                            Value::Bool(b) => Some(b),
                            Value::None => Some(false),
                            Value::Int(i) => Some(i != 0),
                            _ => None,
                        };
                        if let Some(b) = b {
                            sp -= 1;
                            if b == (ins.op == Op::PopJumpIfTrue) {
                                ip = a as usize;
                            }
                            continue;
                        }
                        sync!();
                        let v = self.pop();
                        let b = match v {
                            Value::Bool(b) => b,
                            _ => tri!(self.truthy(v), 'exec),
                        };
                        if b == (ins.op == Op::PopJumpIfTrue) {
                            ip = a as usize;
                        }
                    }
                    Op::PopJumpIfNone => {
                        if pop!().is_none() {
                            ip = a as usize;
                        }
                        continue;
                    }
                    Op::PopJumpIfNotNone => {
                        if !pop!().is_none() {
                            ip = a as usize;
                        }
                        continue;
                    }
                    Op::JumpIfFalseOrPop => {
                        sync!();
                        let v = self.top();
                        if !tri!(self.truthy(v), 'exec) {
                            ip = a as usize;
                        } else {
                            self.stack.pop();
                        }
                    }
                    Op::JumpIfTrueOrPop => {
                        sync!();
                        let v = self.top();
                        if tri!(self.truthy(v), 'exec) {
                            ip = a as usize;
                        } else {
                            self.stack.pop();
                        }
                    }
                    Op::ReturnValue => {
                        sync!();
                        // A function return is a stop point too (`finish` lands there),
                        // the main module's as well: every counted stop point is one
                        // the debugger can land on.
                        self.stop_points += 1;
                        if hooked {
                            self.frames[fi].ip -= 1;
                            let r = self.on_instruction(StopKind::Return);
                            self.frames[fi].ip += 1;
                            tri!(r, 'exec);
                        }
                        let v = self.pop();
                        if !self.frames[fi].init_self.is_undef() && !v.is_none() {
                            let t = self.type_name(v);
                            break 'exec self.new_type_error(format!(
                                "__init__() should return None, not '{t}'"
                            ));
                        }
                        let frame = self.frames.pop().expect("frame");
                        self.stack.truncate(frame.ret_sp as usize);
                        let v = if frame.init_self.is_undef() {
                            v
                        } else {
                            frame.init_self
                        };
                        if let Some(g) = frame.gen {
                            self.generator_finished(g);
                        }
                        if self.frames.len() <= stop {
                            return Ok(Exit::Return(v));
                        }
                        self.stack.push(v);
                        continue 'frames;
                    }
                    Op::YieldValue => {
                        sync!();
                        let v = self.pop();
                        self.suspend_generator(fi);
                        return Ok(Exit::Yield(v));
                    }
                    Op::GetYieldFromIter => {
                        sync!();
                        let v = self.pop();
                        let it = if self.is_generator(v) {
                            v
                        } else {
                            tri!(self.get_iter(v), 'exec)
                        };
                        self.stack.push(it);
                    }
                    Op::YieldFrom => {
                        sync!();
                        let sent = self.pop();
                        let recv = self.top();
                        match tri!(self.send_to(recv, sent), 'exec) {
                            Exit::Yield(v) => {
                                // Re-run this instruction with the next sent value.
                                self.frames[fi].ip = (ip - 1) as u32;
                                self.suspend_generator(fi);
                                return Ok(Exit::Yield(v));
                            }
                            Exit::Return(r) => {
                                self.stack.pop();
                                self.stack.push(r);
                            }
                        }
                    }
                    Op::MakeFunction => {
                        sync!();
                        let f = tri!(self.make_function_op(a, fi), 'exec);
                        self.stack.push(f);
                    }
                    Op::LoadBuildClass => {
                        sync!();
                        let v = self.builtin_build_class;
                        self.stack.push(v);
                    }
                    Op::Call | Op::CallMethod | Op::CallKw => {
                        sync!();
                        let (argc, method, kw) = match ins.op {
                            Op::Call => (a as usize, false, false),
                            Op::CallMethod => (a as usize, true, false),
                            _ => (a as usize, false, true),
                        };
                        match tri!(self.call_op(argc, method, kw), 'exec) {
                            Some(v) => self.stack.push(v),
                            None => {
                                // A new frame: a safe point (recursion without loops
                                // must collect too).
                                self.maybe_collect();
                                continue 'frames;
                            }
                        }
                    }
                    Op::CallEx => {
                        sync!();
                        let kwargs = if a & 1 != 0 { self.pop() } else { Value::Undef };
                        let args = self.pop();
                        let f = self.pop();
                        let v = tri!(self.call_ex(f, args, kwargs), 'exec);
                        self.stack.push(v);
                    }
                    Op::RaiseVarargs => {
                        sync!();
                        let e = match a {
                            0 => self.reraise_current(),
                            1 => {
                                let exc = self.pop();
                                self.make_raise(exc, None)
                            }
                            _ => {
                                let cause = self.pop();
                                let exc = self.pop();
                                self.make_raise(exc, Some(cause))
                            }
                        };
                        break 'exec e;
                    }
                    Op::Reraise => {
                        sync!();
                        let exc = self.pop();
                        self.reraising = true;
                        break 'exec PyErr(exc.obj().expect("exception"));
                    }
                    Op::PushExcInfo => {
                        sync!();
                        let exc = self.pop();
                        let prev = self.exc_info;
                        self.stack.push(prev);
                        self.stack.push(exc);
                        self.exc_info = exc;
                    }
                    Op::PopExcept => {
                        sync!();
                        self.exc_info = self.pop();
                    }
                    Op::CheckExcMatch => {
                        sync!();
                        let ty = self.pop();
                        let exc = self.top();
                        let b = tri!(self.exception_matches(exc, ty), 'exec);
                        self.stack.push(Value::Bool(b));
                    }
                    Op::BeforeWith => {
                        sync!();
                        let mgr = self.pop();
                        let (exit, entered) = tri!(self.before_with(mgr), 'exec);
                        self.stack.push(exit);
                        self.stack.push(entered);
                    }
                    Op::WithExceptStart => {
                        sync!();
                        let exc = self.top();
                        let exit = self.peek(3);
                        let r = tri!(self.with_exit_exc(exit, exc), 'exec);
                        self.stack.push(r);
                    }
                    Op::ImportName => {
                        sync!();
                        let fromlist = self.pop();
                        let level = self.pop();
                        let g = self.frames[fi].globals;
                        let m = tri!(self.import_name(code.names[a as usize], fromlist, level, g), 'exec);
                        self.stack.push(m);
                    }
                    Op::ImportFrom => {
                        sync!();
                        let m = self.top();
                        let v = tri!(self.import_from(m, code.names[a as usize]), 'exec);
                        self.stack.push(v);
                    }
                    Op::ImportStar => {
                        sync!();
                        let m = self.pop();
                        let ns = self.frames[fi].locals.unwrap_or(self.frames[fi].globals);
                        tri!(self.import_star(m, ns), 'exec);
                    }
                    Op::SetupAnnotations => {
                        sync!();
                        let ns = self.frames[fi].locals.unwrap_or(self.frames[fi].globals);
                        let key = self.intern("__annotations__");
                        if tri!(self.dict_get(ns, key), 'exec).is_none() {
                            let d = self.new_dict();
                            tri!(self.dict_set(ns, key, Value::Obj(d)), 'exec);
                        }
                    }
                    Op::LoadAssertionError => {
                        sync!();
                        let t = self.types.assertion_error;
                        self.stack.push(Value::Obj(t));
                    }
                    Op::GetLen => {
                        sync!();
                        let v = self.top();
                        let n = tri!(self.len(v), 'exec);
                        self.stack.push(Value::Int(n as i64));
                    }
                    Op::MatchMapping => {
                        sync!();
                        let v = self.top();
                        let b = self.is_mapping(v);
                        self.stack.push(Value::Bool(b));
                    }
                    Op::MatchSequence => {
                        sync!();
                        let v = self.top();
                        let b = self.is_match_sequence(v);
                        self.stack.push(Value::Bool(b));
                    }
                    Op::MatchKeys => {
                        sync!();
                        let keys = self.top();
                        let subj = self.peek(2);
                        let r = tri!(self.match_keys(subj, keys), 'exec);
                        self.stack.push(r);
                    }
                    Op::MatchClass => {
                        sync!();
                        let names = self.pop();
                        let cls = self.pop();
                        let subj = self.pop();
                        let r = tri!(self.match_class(subj, cls, a as usize, names), 'exec);
                        self.stack.push(r);
                    }
                    Op::CopyDictWithoutKeys => {
                        sync!();
                        let keys = self.pop();
                        let subj = self.top();
                        let r = tri!(self.copy_dict_without(subj, keys), 'exec);
                        self.stack.push(r);
                    }
                    Op::PrintExpr => {
                        sync!();
                        let v = self.pop();
                        tri!(self.print_expr(v), 'exec);
                    }
                    // Async code: see types/coroutine.rs.
                    Op::GetAwaitable => {
                        sync!();
                        let v = self.pop();
                        let it = tri!(self.get_awaitable(v, a), 'exec);
                        self.stack.push(it);
                    }
                    Op::GetAiter => {
                        sync!();
                        let v = self.pop();
                        let it = tri!(self.get_aiter(v), 'exec);
                        self.stack.push(it);
                    }
                    Op::GetAnext => {
                        sync!();
                        let it = self.top();
                        let aw = tri!(self.get_anext(it), 'exec);
                        self.stack.push(aw);
                    }
                    Op::EndAsyncFor => {
                        sync!();
                        let exc = self.pop();
                        if !self.ends_async_for(exc) {
                            self.reraising = true;
                            break 'exec PyErr(exc.obj().expect("exception"));
                        }
                        self.stack.pop();
                    }
                    Op::BeforeAsyncWith => {
                        sync!();
                        let mgr = self.pop();
                        let (exit, aw) = tri!(self.before_async_with(mgr), 'exec);
                        self.stack.push(exit);
                        self.stack.push(aw);
                    }
                    Op::AsyncGenWrap => {
                        sync!();
                    }
                }
                reload!();
            };
            // An exception: find a handler in this frame or unwind to the callers.
            self.unwind(err, stop)?;
        }
    }
}
