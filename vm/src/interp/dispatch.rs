//! The dispatch loop: `run_loop` executes the instructions of the frames on the frame
//! stack, one `match` arm per opcode.
//!
//! This file is long because `run_loop` is one function: its registers (the
//! instruction index, the stack pointers) live across all arms, and every arm moved
//! out into a method made the loop slower (docs/ARCHITECTURE.md, "The instructions
//! the loop runs"). The arms' slow paths are methods in `interp/`'s other files.

use super::operators::{binary_op_fast, compare_outcome};
use super::quicken::{
    LINE, NEXT_BINARY_OP, NEXT_LOAD_FAST, NEXT_POP_JUMP, NEXT_SIMPLE, NEXT_STORE_FAST, STOP,
};
use super::{Exit, RET_DRAIN, RET_FOR_ITER, RET_PLAIN, RET_YIELD_FROM};
use crate::object::Kind;
use crate::object::Value;
use crate::types::generator::Resume;
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

/// The end of a call made from the loop: `Some(v)`, the result, is pushed (after a
/// big str or bytes it is a safe point; a native may have parked the thread:
/// threads.rs); `None`, a new frame was pushed: a safe point (recursion without
/// loops must collect too), then run it.
macro_rules! call_done {
    ($self:ident, $e:expr, $exec:lifetime, $frames:lifetime) => {
        match tri!($e, $exec) {
            Some(v) => {
                $self.stack.push(v);
                if $self.heap.big_text {
                    $self.maybe_collect();
                }
                if $self.threads.park {
                    $self.threads.park = false;
                    $self.threads.switching = true;
                    return Ok(Exit::Yield(Value::Undef));
                }
            }
            None => {
                $self.maybe_collect();
                continue $frames;
            }
        }
    };
}

impl Vm {
    pub(crate) fn run_loop(&mut self, stop: usize) -> PyResult<Exit> {
        'frames: loop {
            let hooked = self.hooked;
            // The hook sees every instruction only when stepping by instruction or
            // tracing; otherwise just the stop points. The instructions run are a copy
            // whose flag byte says both (interp/quicken.rs): the `stepped` copy marks
            // every instruction, the other one the stop points and which simple
            // instruction after this one its arm may run (`fast_next!`).
            let hook_instrs = hooked && (self.step_instructions || self.trace);
            // The frames above this one return in place, unhooked (RETURN_VALUE).
            let plain_floor = if hooked { usize::MAX } else { stop };
            let mut fi = self.frames.len() - 1;
            // The frame's code, borrowed without an `Rc` clone (an increment here and a
            // decrement at every frame switch: twice per call).
            // SAFETY: the frame at `fi` owns an `Rc` of this code for as long as this
            // frame's instructions run below: a frame only leaves the frame stack by
            // returning, yielding or unwinding, each of which ends this pass of
            // `'frames` or switches frames (`switch_frame!`: nothing below uses `code`
            // of the frame left); a thread switch inside a native keeps the frames
            // (threads.rs) and gives them back before the native returns here.
            let mut code: &crate::object::CodeData =
                unsafe { &*std::rc::Rc::as_ptr(&self.frames[fi].code) };
            let mut base = self.frames[fi].base as usize;
            let mut ip = self.frames[fi].ip as usize;
            let mut instrs: &[super::QInstr] = if hook_instrs {
                code.stepped
                    .get_or_init(|| super::quicken::stepped(&code.code.instrs))
            } else {
                &code.quick
            };
            // The operand stack in registers, as two pointers into its buffer: `top`
            // just above the top item and `locals` at the frame's first local, while
            // this frame runs simple instructions (pointers rather than indexes: one
            // register fewer, and an access is one addressing mode). Before any
            // instruction that can call out (run Python code, allocate stack, collect
            // garbage) the length is written back (`sync!`), and afterwards re-read
            // (`reload!`). Room for the frame's deepest stack is reserved up front, so
            // a push needs no capacity check (the verifier's bound; checked in debug
            // builds).
            macro_rules! reserve_frame {
                () => {
                    let need = base + code.frame_need;
                    if self.stack.capacity() < need {
                        self.stack.reserve(need - self.stack.len());
                    }
                };
            }
            reserve_frame!();
            // The stack invariant (compiler/src/opcodes.rs): the compiler's verifier
            // proved that before every instruction the operand stack holds between 0
            // and max_stack items above the locals, and at least the instruction's
            // inputs; the unchecked accesses below rely on it. Checked in debug builds.
            // SAFETY: `base` and the length are within the stack's buffer.
            let mut top: *mut Value = unsafe { self.stack.as_mut_ptr().add(self.stack.len()) };
            let mut locals: *mut Value = unsafe { self.stack.as_mut_ptr().add(base) };
            // Simple instructions also keep the position in a register; `sync!`
            // publishes it with the stack length. The instruction count is bumped in
            // memory (one add): a register for it would push the hot state out of the
            // registers (the loop function is large).
            macro_rules! sync {
                () => {
                    // SAFETY: `top` is within the buffer and every slot below it was
                    // written.
                    unsafe {
                        self.stack
                            .set_len(top.offset_from(self.stack.as_ptr()) as usize)
                    }
                    debug_assert!(fi < self.frames.len());
                    // SAFETY: the frame at `fi` is on the frame stack while its
                    // instructions run (see `code`).
                    unsafe { self.frames.get_unchecked_mut(fi).ip = ip as u32 };
                };
            }
            macro_rules! reload {
                () => {
                    // SAFETY: as above.
                    unsafe {
                        top = self.stack.as_mut_ptr().add(self.stack.len());
                        locals = self.stack.as_mut_ptr().add(base);
                    }
                };
            }
            // The frame on top of the frame stack runs next, in this pass of
            // `'frames`: what its start sets up (above), done when a Python call or
            // return switches frames unhooked (the `'frames` start would find the
            // same instructions, and `self.hooked` still false: only the hook, or
            // code outside the loop, sets it; the stack room of a returned-to frame
            // was reserved when it started).
            macro_rules! switch_frame {
                () => {
                    switch_frame!(self.frames.len() - 1)
                };
                ($fi:expr) => {
                    fi = $fi;
                    debug_assert!(fi + 1 == self.frames.len());
                    // SAFETY: as `code` above; `fi` is the last frame.
                    let f = unsafe { self.frames.get_unchecked(fi) };
                    code = unsafe { &*std::rc::Rc::as_ptr(&f.code) };
                    base = f.base as usize;
                    ip = f.ip as usize;
                    instrs = &code.quick;
                };
            }
            macro_rules! push {
                ($v:expr) => {{
                    let v = $v;
                    debug_assert!(depth!() < self.stack.capacity());
                    // SAFETY: the room reserved for the frame's deepest stack.
                    unsafe {
                        top.write(v);
                        top = top.add(1);
                    }
                }};
            }
            macro_rules! pop {
                () => {{
                    debug_assert!(top > locals);
                    // SAFETY: the slot below `top` holds a value.
                    unsafe {
                        top = top.sub(1);
                        top.read()
                    }
                }};
            }
            // The stack's length, for checks.
            macro_rules! depth {
                () => {
                    // SAFETY: `top` points into the stack's buffer.
                    unsafe { top.offset_from(self.stack.as_ptr()) as usize }
                };
            }
            // Drop the `$n` items on top (values need no drop).
            macro_rules! discard {
                ($n:expr) => {{
                    let n: usize = $n;
                    debug_assert!(depth!() >= base + n);
                    // SAFETY: the verifier's bound: the instruction's inputs are on
                    // the stack.
                    top = unsafe { top.sub(n) };
                }};
            }
            // The `$k`th item from the top (1: the top one).
            macro_rules! top {
                ($k:expr) => {{
                    let k: usize = $k;
                    debug_assert!(k >= 1 && depth!() >= base + k);
                    // SAFETY: the verifier's bound: the instruction's inputs are on
                    // the stack.
                    unsafe { &mut *top.sub(k) }
                }};
            }
            // Local `$i` of the frame (locals, cells and free variables).
            macro_rules! local {
                ($i:expr) => {{
                    let i: usize = $i;
                    debug_assert!(base + i < depth!());
                    // SAFETY: the frame's locals are below its operand stack.
                    unsafe { &mut *locals.add(i) }
                }};
            }
            let err: PyErr = 'exec: loop {
                // An arm without a register fast path: publish the registers, run the
                // instruction's method on `self.stack` (in `interp/`'s files by
                // concern: variables, operators, containers, pattern_match,
                // except_with, yields) and leave the match (the registers are re-read
                // below it).
                macro_rules! on_stack {
                    ($e:expr) => {{
                        sync!();
                        tri!($e, 'exec);
                    }};
                }
                debug_assert!(ip < instrs.len());
                // SAFETY: the verifier proved control never runs off the end of the
                // code, and every jump, handler and resume position is in range.
                let ins = unsafe { *instrs.get_unchecked(ip) };
                debug_assert!(
                    depth!() >= base + code.nlocalsplus
                        && depth!() - (base + code.nlocalsplus) <= code.code.max_stack as usize,
                    "operand stack depth {} outside 0..={} before instruction {ip} of {}",
                    depth!() as isize - (base + code.nlocalsplus) as isize,
                    code.code.max_stack,
                    code.code.qualname
                );
                ip += 1;
                self.instructions += 1;
                if ins.flags & STOP != 0 {
                    if ins.flags & LINE != 0 {
                        // Green threads: the quantum is used up (threads.rs). The count
                        // is read afresh (a volatile read is not merged with the add
                        // above), so that the add stays one memory increment instead
                        // of a load, an add and a store kept for this test.
                        // SAFETY: a read of a field through a valid reference.
                        let count = unsafe { std::ptr::read_volatile(&self.instructions) };
                        if count >= self.threads.switch_at
                            && stop == 0
                            && self.loops == self.threads.base_loops
                        {
                            sync!();
                            self.instructions -= 1;
                            self.frames[fi].ip -= 1;
                            self.threads.switching = true;
                            return Ok(Exit::Yield(Value::Undef));
                        }
                        self.stop_points += 1;
                    }
                    if hooked {
                        sync!();
                        // The hook sees the frame positioned at this instruction.
                        self.frames[fi].ip -= 1;
                        let line_start = ins.flags & LINE != 0;
                        let kind = if line_start {
                            StopKind::Line
                        } else {
                            StopKind::Instruction
                        };
                        let kind = if ins.op == Op::ReturnValue && !line_start {
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
                // The end of an arm's fast path that fell through: a LOAD_FAST,
                // STORE_FAST or LOAD_CONST after it that is no stop point and runs
                // unhooked (the hints of interp/quicken.rs) runs here, without a trip
                // through the dispatch (still counted). An unbound local is left to
                // the LOAD_FAST's own arm, which raises.
                macro_rules! fast_next {
                    () => {{
                        if ins.flags & NEXT_SIMPLE != 0 {
                            debug_assert!(ip < instrs.len());
                            // SAFETY: a hint is set only when the next instruction exists.
                            let n = unsafe { *instrs.get_unchecked(ip) };
                            if ins.flags & NEXT_LOAD_FAST != 0 {
                                let v = *local!(n.arg as usize);
                                if !v.is_undef() {
                                    push!(v);
                                    ip += 1;
                                    self.instructions += 1;
                                }
                            } else if ins.flags & NEXT_STORE_FAST != 0 {
                                let v = pop!();
                                *local!(n.arg as usize) = v;
                                ip += 1;
                                self.instructions += 1;
                            } else {
                                push!(code.consts[n.arg as usize]);
                                ip += 1;
                                self.instructions += 1;
                            }
                        }
                        continue;
                    }};
                }
                // LOAD_FAST and LOAD_CONST: a BINARY_OP after them that is no stop
                // point and runs unhooked takes the pushed value `$v` here when its
                // int/float fast path applies (still counted).
                macro_rules! fast_binary_op {
                    ($v:expr) => {{
                        if ins.flags & NEXT_BINARY_OP != 0 {
                            debug_assert!(ip < instrs.len());
                            // SAFETY: a hint is set only when the next instruction exists.
                            let n = unsafe { *instrs.get_unchecked(ip) };
                            // BINARY_OP's verified two inputs: the top is its left one.
                            if let Some(r) = binary_op_fast(n.arg, *top!(1), $v) {
                                *top!(1) = r;
                                ip += 1;
                                self.instructions += 1;
                                continue;
                            }
                        }
                    }};
                }
                let a = ins.arg;
                // One arm per opcode. An arm first tries its simple cases on the
                // registers (`top!`, `local!`, `push!`, `pop!`) and `continue`s. Work that
                // can call out (run Python code, allocate stack, collect garbage) starts
                // with `sync!()` and then uses `self.stack`; after it, the registers are
                // re-read below the match.
                match ins.op {
                    Op::Nop | Op::AsyncGenWrap => continue,
                    Op::PopTop => {
                        discard!(1);
                        continue;
                    }
                    Op::Copy => {
                        let v = *top!(a as usize);
                        push!(v);
                        continue;
                    }
                    Op::Swap => {
                        let t = *top!(1);
                        *top!(1) = *top!(a as usize);
                        *top!(a as usize) = t;
                        continue;
                    }
                    Op::LoadConst => {
                        let v = code.consts[a as usize];
                        fast_binary_op!(v);
                        push!(v);
                        fast_next!();
                    }
                    Op::LoadFast => {
                        let v = *local!(a as usize);
                        if v.is_undef() {
                            sync!();
                            let name = code.code.varnames[a as usize].clone();
                            break 'exec self.unbound_local(&name);
                        }
                        fast_binary_op!(v);
                        push!(v);
                        fast_next!();
                    }
                    Op::StoreFast => {
                        let v = pop!();
                        *local!(a as usize) = v;
                        continue;
                    }
                    Op::DeleteFast => on_stack!(self.delete_fast_op(code, base, a as usize)),
                    Op::LoadDeref => {
                        let cell = *local!(code.code.varnames.len() + a as usize);
                        let v = self.cell_get(cell);
                        if v.is_undef() {
                            sync!();
                            break 'exec self.unbound_deref(code, a as usize);
                        }
                        push!(v);
                        continue;
                    }
                    Op::LoadClassDeref => {
                        on_stack!(self.load_class_deref_op(code, fi, base, a as usize))
                    }
                    Op::StoreDeref => {
                        let v = pop!();
                        let cell = *local!(code.code.varnames.len() + a as usize);
                        self.cell_set(cell, v);
                        continue;
                    }
                    Op::DeleteDeref => on_stack!(self.delete_deref_op(code, base, a as usize)),
                    Op::LoadClosure => {
                        let cell = *local!(code.code.varnames.len() + a as usize);
                        push!(cell);
                        continue;
                    }
                    Op::LoadGlobal => {
                        debug_assert!(fi < self.frames.len());
                        // SAFETY: the running frame is on the frame stack (see `sync!`).
                        let g = unsafe { self.frames.get_unchecked(fi).globals };
                        if let Some(v) = self.load_global_hit(code, ins.cache as usize, g) {
                            push!(v);
                            fast_next!();
                        }
                        let name = code.names[a as usize];
                        match self.load_global_cached(code, ins.cache as usize, g, name) {
                            Ok(v) => push!(v),
                            Err(e) => {
                                sync!();
                                break 'exec e;
                            }
                        }
                        continue;
                    }
                    Op::StoreGlobal => on_stack!(self.store_global_op(fi, code.names[a as usize])),
                    Op::DeleteGlobal => {
                        on_stack!(self.delete_global_op(fi, code.names[a as usize]))
                    }
                    Op::LoadName => on_stack!(self.load_name_op(fi, code.names[a as usize])),
                    Op::StoreName => on_stack!(self.store_name_op(fi, code.names[a as usize])),
                    Op::DeleteName => on_stack!(self.delete_name_op(fi, code.names[a as usize])),
                    Op::LoadAttr => {
                        let obj = *top!(1);
                        let (name, site) = (code.names[a as usize], ins.cache as usize);
                        // The instance attribute hit, else the other cached cases.
                        if let Some(v) = self
                            .instance_attr_hit(code, site, obj, name)
                            .or_else(|| self.load_attr_fast(code, site, obj, name))
                        {
                            *top!(1) = v;
                            fast_next!();
                        }
                        sync!();
                        let obj = self.pop();
                        let v = tri!(self.load_attr_cached(code, ins.cache as usize, obj, code.names[a as usize]), 'exec);
                        self.stack.push(v);
                    }
                    Op::StoreAttr => {
                        let (obj, v) = (*top!(1), *top!(2));
                        if self.instance_store_hit(
                            code,
                            ins.cache as usize,
                            obj,
                            code.names[a as usize],
                            v,
                        ) {
                            discard!(2);
                            continue;
                        }
                        if self.store_attr_fast(
                            code,
                            ins.cache as usize,
                            obj,
                            code.names[a as usize],
                            v,
                        ) {
                            discard!(2);
                            continue;
                        }
                        sync!();
                        let obj = self.pop();
                        let v = self.pop();
                        tri!(self.store_attr_cached(code, ins.cache as usize, obj, code.names[a as usize], v), 'exec);
                    }
                    Op::DeleteAttr => on_stack!(self.delete_attr_op(code.names[a as usize])),
                    Op::LoadMethod => {
                        let obj = *top!(1);
                        let (name, site) = (code.names[a as usize], ins.cache as usize);
                        if let Some((f, s)) = self
                            .instance_method_hit(code, site, obj, name)
                            .map(|f| (f, obj))
                            .or_else(|| self.load_method_fast(code, site, obj, name))
                        {
                            *top!(1) = f;
                            push!(s);
                            fast_next!();
                        }
                        sync!();
                        let obj = self.pop();
                        let (f, s) = tri!(self.load_method_cached(code, ins.cache as usize, obj, code.names[a as usize]), 'exec);
                        self.stack.push(f);
                        self.stack.push(s);
                    }
                    Op::BinarySubscr => {
                        // list[int] and tuple[int] of the built-in types.
                        if let (Value::Obj(r), Value::Int(i)) = (*top!(2), *top!(1)) {
                            let o = self.heap.get(r);
                            if let Kind::List(items) | Kind::Tuple(items) = &o.kind {
                                let n = items.len() as i64;
                                let j = if i < 0 { i + n } else { i };
                                if (0..n).contains(&j)
                                    && (o.class == self.types.list || o.class == self.types.tuple)
                                {
                                    let v = items[j as usize];
                                    discard!(1);
                                    *top!(1) = v;
                                    fast_next!();
                                }
                            }
                        }
                        on_stack!(self.binary_subscr_slow())
                    }
                    Op::StoreSubscr => {
                        // list[int] = v on a built-in list.
                        if let (Value::Obj(r), Value::Int(i)) = (*top!(2), *top!(1)) {
                            let v = *top!(3);
                            let list_cls = self.types.list;
                            if let Some(items) = self.heap.list_for_store(r, list_cls) {
                                let n = items.len() as i64;
                                let j = if i < 0 { i + n } else { i };
                                if (0..n).contains(&j) {
                                    items[j as usize] = v;
                                    discard!(3);
                                    continue;
                                }
                            }
                        }
                        on_stack!(self.store_subscr_slow())
                    }
                    Op::DeleteSubscr => on_stack!(self.delete_subscr_op()),
                    Op::BuildSlice => {
                        // A BINARY_SUBSCR or STORE_SUBSCR right after it that is no
                        // stop point may run here, without the slice object (still
                        // counted): interp/slices.rs.
                        debug_assert!(ip < instrs.len());
                        // SAFETY: control never runs off the end of the code, so a
                        // BUILD_SLICE is followed by an instruction.
                        let next = unsafe { *instrs.get_unchecked(ip) };
                        if matches!(next.op, Op::BinarySubscr | Op::StoreSubscr)
                            && next.flags & STOP == 0
                        {
                            sync!();
                            if self.slice_subscr_fused(a, next.op == Op::StoreSubscr) {
                                ip += 1;
                                self.instructions += 1;
                                reload!();
                                continue;
                            }
                        }
                        on_stack!(self.build_slice_op(a))
                    }
                    Op::BinaryOp => {
                        // int and float operands of the built-in types, on the registers.
                        if let Some(v) = binary_op_fast(a, *top!(2), *top!(1)) {
                            discard!(1);
                            *top!(1) = v;
                            fast_next!();
                        }
                        // The verifier checked the operand is a `BinOp`.
                        let op = BinOp::from_arg(a).unwrap_or(BinOp::Add);
                        sync!();
                        if tri!(self.binary_op_frame(op, a), 'exec) {
                            self.maybe_collect();
                            continue 'frames;
                        }
                        tri!(self.binary_op_slow(op), 'exec);
                        // After a big str or bytes (`s1 + s2`): a collection point.
                        if self.heap.big_text {
                            self.maybe_collect();
                        }
                    }
                    Op::UnaryNegative => on_stack!(self.unary_negative_op()),
                    Op::UnaryPositive => on_stack!(self.unary_positive_op()),
                    Op::UnaryNot => on_stack!(self.unary_not_op()),
                    Op::UnaryInvert => on_stack!(self.unary_invert_op()),
                    Op::CompareOp => {
                        // Two ints, two floats or two exact strs, on the registers: the
                        // outcome of comparing them against the instruction's mask
                        // (interp/quicken.rs; the operator is not decoded).
                        let (l, r) = (*top!(2), *top!(1));
                        let mut o = compare_outcome(l, r);
                        if o == 0 {
                            o = self.compare_str_outcome(l, r);
                        }
                        if o != 0 {
                            let hit = ins.cache & o != 0;
                            // A POP_JUMP_IF_* after it that is no stop point runs here,
                            // without a trip through the dispatch (still counted); the
                            // mask then says whether it jumps.
                            if ins.flags & NEXT_POP_JUMP != 0 {
                                debug_assert!(ip < instrs.len());
                                // SAFETY: the hint is set only when the jump exists.
                                let next = unsafe { *instrs.get_unchecked(ip) };
                                ip += 1;
                                self.instructions += 1;
                                discard!(2);
                                if hit {
                                    ip = next.arg as usize;
                                }
                                continue;
                            }
                            discard!(1);
                            *top!(1) = Value::Bool(hit);
                            continue;
                        }
                        // The verifier checked the operand is a `CmpOp`.
                        let op = CmpOp::from_arg(a).unwrap_or(CmpOp::Eq);
                        on_stack!(self.compare_slow(op))
                    }
                    Op::IsOp => {
                        let r = pop!();
                        let l = pop!();
                        push!(Value::Bool(l.is(r) != (a == 1)));
                        continue;
                    }
                    Op::ContainsOp => {
                        if let Some(b) = self.contains_fast(*top!(2), *top!(1)) {
                            discard!(1);
                            *top!(1) = Value::Bool(b != (a == 1));
                            continue;
                        }
                        on_stack!(self.contains_op(a == 1))
                    }
                    Op::BuildTuple => on_stack!(self.build_tuple_op(a as usize)),
                    Op::BuildList => on_stack!(self.build_list_op(a as usize)),
                    Op::BuildSet => on_stack!(self.build_set_op(a as usize)),
                    Op::BuildMap => on_stack!(self.build_map_op(a as usize)),
                    Op::BuildString => on_stack!(self.build_string_op(a as usize)),
                    Op::FormatValue => on_stack!(self.format_value_op(a)),
                    Op::ListAppend => {
                        // The comprehension's list has room: append on the registers.
                        if let Value::Obj(l) = *top!(1 + a as usize) {
                            if let Some(items) = self.heap.list_for_append(l) {
                                if items.len() < items.capacity() {
                                    items.push(pop!());
                                    self.heap.charge(16);
                                    continue;
                                }
                            }
                        }
                        on_stack!(self.list_append_op(a as usize))
                    }
                    Op::SetAdd => on_stack!(self.set_add_op(a as usize)),
                    Op::MapAdd => on_stack!(self.map_add_op(a as usize)),
                    Op::ListExtend => on_stack!(self.list_extend_op(a as usize)),
                    Op::SetUpdate => on_stack!(self.set_update_op(a as usize)),
                    Op::DictUpdate | Op::DictMerge => {
                        on_stack!(self.dict_update_op(a as usize, ins.op == Op::DictMerge))
                    }
                    Op::ListToTuple => on_stack!(self.list_to_tuple_op()),
                    Op::UnpackSequence => {
                        // A built-in tuple or list of the right length: its items go
                        // straight onto the stack (first item on top).
                        if let Value::Obj(r) = *top!(1) {
                            let o = self.heap.get(r);
                            if let Kind::List(items) | Kind::Tuple(items) = &o.kind {
                                if items.len() == a as usize
                                    && (o.class == self.types.tuple || o.class == self.types.list)
                                {
                                    if depth!() + items.len() > self.stack.capacity() {
                                        sync!();
                                        self.stack.reserve(items.len() + 16);
                                        reload!();
                                    }
                                    let (Kind::List(items) | Kind::Tuple(items)) =
                                        &self.heap.get(r).kind
                                    else {
                                        unreachable!()
                                    };
                                    discard!(1);
                                    // The STORE_FASTs right after it that are no stop
                                    // points take their items here, first item first
                                    // (each still counted); the rest go on the stack.
                                    let mut k = 0;
                                    if !hook_instrs {
                                        for &v in items.iter() {
                                            // SAFETY: control never runs off the end
                                            // of the code, and neither UNPACK_SEQUENCE
                                            // nor STORE_FAST ends it.
                                            let next = unsafe { *instrs.get_unchecked(ip) };
                                            if next.op != Op::StoreFast || next.flags & LINE != 0 {
                                                break;
                                            }
                                            ip += 1;
                                            *local!(next.arg as usize) = v;
                                            k += 1;
                                        }
                                        self.instructions += k as u64;
                                    }
                                    for v in items[k..].iter().rev() {
                                        // SAFETY: capacity reserved above.
                                        unsafe {
                                            top.write(*v);
                                            top = top.add(1);
                                        }
                                    }
                                    continue;
                                }
                            }
                        }
                        on_stack!(self.unpack_sequence_op(a as usize))
                    }
                    Op::UnpackEx => on_stack!(self.unpack_ex_op(a)),
                    Op::GetIter => on_stack!(self.get_iter_op()),
                    Op::ForIter => {
                        let it = *top!(1);
                        if let Value::Obj(r) = it {
                            if let Kind::Iter(state) = self.heap.kind_mut(r) {
                                match state {
                                    crate::object::IterKind::Range { cur, stop, step } => {
                                        if (*step > 0 && *cur < *stop)
                                            || (*step < 0 && *cur > *stop)
                                        {
                                            let v = *cur;
                                            *cur += *step as i64;
                                            push!(Value::Int(v));
                                        } else {
                                            discard!(1);
                                            ip = a as usize;
                                        }
                                        continue;
                                    }
                                    crate::object::IterKind::Seq { seq, idx } => {
                                        let (s, i) = (*seq, *idx);
                                        if let Kind::List(items) | Kind::Tuple(items) =
                                            self.heap.kind(s)
                                        {
                                            let next = items.get(i).copied();
                                            if let Kind::Iter(st) = self.heap.kind_mut(r) {
                                                match next {
                                                    Some(_) => {
                                                        if let crate::object::IterKind::Seq {
                                                            idx,
                                                            ..
                                                        } = st
                                                        {
                                                            *idx += 1;
                                                        }
                                                    }
                                                    // Exhausted for good, as CPython's
                                                    // (a list may grow later).
                                                    None => {
                                                        *st = crate::object::IterKind::Exhausted
                                                    }
                                                }
                                            }
                                            match next {
                                                Some(v) => push!(v),
                                                None => {
                                                    discard!(1);
                                                    ip = a as usize;
                                                }
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
                            // A generator's frame runs in this loop.
                            let r = self.push_generator_frame(
                                g,
                                Value::None,
                                RET_FOR_ITER,
                                !hook_instrs,
                            );
                            match tri!(r, 'exec) {
                                Resume::Pushed => continue 'frames,
                                Resume::AtYieldFrom => {
                                    if !hook_instrs {
                                        tri!(self.descend_yield_from(), 'exec);
                                    }
                                    continue 'frames;
                                }
                                Resume::Other => {
                                    let r = self.resume_generator_gc(g, Value::None, None);
                                    match tri!(r, 'exec) {
                                        Exit::Yield(v) => self.stack.push(v),
                                        Exit::Return(_) => {
                                            self.stack.pop();
                                            ip = a as usize;
                                        }
                                    }
                                    reload!();
                                    continue;
                                }
                                Resume::NotGenerator => {}
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
                        let b = self.quick_truth(code, ins.cache as usize, *top!(1));
                        if let Some(b) = b {
                            discard!(1);
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
                    Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                        let b = self.quick_truth(code, ins.cache as usize, *top!(1));
                        if let Some(b) = b {
                            if b == (ins.op == Op::JumpIfTrueOrPop) {
                                ip = a as usize;
                            } else {
                                discard!(1);
                            }
                            continue;
                        }
                        sync!();
                        let v = self.top();
                        let b = tri!(self.truthy(v), 'exec);
                        if b == (ins.op == Op::JumpIfTrueOrPop) {
                            ip = a as usize;
                        } else {
                            self.stack.pop();
                        }
                    }
                    Op::ReturnValue => {
                        // A function return is a stop point too (`finish` lands there),
                        // the main module's as well: every counted stop point is one
                        // the debugger can land on.
                        self.stop_points += 1;
                        // The common return: a call's frame (its result pushed) that is
                        // no `__init__`, generator or outermost frame of this loop,
                        // unhooked: the caller's frame goes on in this pass of
                        // `'frames`, on the registers.
                        // SAFETY: `fi` is the last frame.
                        let f = unsafe { self.frames.get_unchecked(fi) };
                        if f.ret == RET_PLAIN
                            && f.init_self.is_undef()
                            && f.gen.is_none()
                            && fi > plain_floor
                        {
                            // The result replaces the callee and its arguments (values
                            // need no drop).
                            let ret_sp = f.ret_sp as usize;
                            debug_assert!(ret_sp < depth!());
                            let v = *top!(1);
                            // SAFETY: below `top`, as the assertion says.
                            let ret = unsafe { self.stack.as_mut_ptr().add(ret_sp) };
                            // SAFETY: as above.
                            unsafe {
                                ret.write(v);
                                top = ret.add(1);
                            }
                            // The frame leaves in place: `code` is its only field
                            // with a destructor (the others are plain values).
                            // SAFETY: `fi` is the last frame; its `code` is read out
                            // before the length forgets the slot, and dropped once.
                            let rc = unsafe { std::ptr::read(&f.code) };
                            unsafe { self.frames.set_len(fi) };
                            drop(rc);
                            switch_frame!(fi - 1);
                            // SAFETY: the caller's locals are on the stack.
                            locals = unsafe { self.stack.as_mut_ptr().add(base) };
                            continue;
                        }
                        sync!();
                        if hooked {
                            self.frames[fi].ip -= 1;
                            let r = self.on_instruction(StopKind::Return);
                            self.frames[fi].ip += 1;
                            tri!(r, 'exec);
                        }
                        // Hooked, or not a call's plain frame: the frame leaves
                        // with its bookkeeping.
                        let v = self.pop();
                        if !self.frames[fi].init_self.is_undef() && !v.is_none() {
                            let t = self.type_name(v);
                            break 'exec self.new_type_error(format!(
                                "__init__() should return None, not '{t}'"
                            ));
                        }
                        let frame = self.frames.pop().expect("frame");
                        self.left_frame(&frame);
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
                        match frame.ret {
                            RET_PLAIN => self.stack.push(v),
                            RET_FOR_ITER => {
                                // The loop ends: the iterator goes, and the caller
                                // jumps to its FOR_ITER's target.
                                self.stack.pop();
                                let caller = self.frames.last_mut().expect("frame");
                                let target = caller.code.code.instrs[caller.ip as usize - 1].arg;
                                caller.ip = target;
                            }
                            RET_YIELD_FROM => {
                                // The result replaces the delegating generator's receiver.
                                self.stack.pop();
                                self.stack.push(v);
                            }
                            ret => tri!(self.finish_binop_frame(ret, v), 'exec),
                        }
                        continue 'frames;
                    }
                    Op::YieldValue => {
                        let v = pop!();
                        // A draining native took the value (interp/drain.rs): this
                        // frame goes on at once, resumed with None, in this loop (no
                        // frame change; taking it touches neither the value stack nor
                        // the heap, so the registers stay valid). The POP_TOP that
                        // discards the None runs here when it is no stop point.
                        if self.frames[fi].ret == RET_DRAIN && self.drain_accept(v) {
                            // (`code.quick`, the instructions run when unhooked: only
                            // debug builds keep the length of `instrs`.)
                            match code.quick.get(ip) {
                                Some(n)
                                    if n.op == Op::PopTop
                                        && n.flags & LINE == 0
                                        && !hook_instrs =>
                                {
                                    ip += 1;
                                    self.instructions += 1;
                                }
                                _ => push!(Value::None),
                            }
                            continue;
                        }
                        sync!();
                        if let Some(v) = self.yield_to_caller(fi, v, false) {
                            return Ok(Exit::Yield(v));
                        }
                        continue 'frames;
                    }
                    Op::GetYieldFromIter => on_stack!(self.get_yield_from_iter_op()),
                    Op::YieldFrom => {
                        sync!();
                        // A generator delegate runs in this loop.
                        if let Value::Obj(r) = self.peek(2) {
                            let sent = self.pop();
                            let res =
                                self.push_generator_frame(r, sent, RET_YIELD_FROM, !hook_instrs);
                            match tri!(res, 'exec) {
                                Resume::Pushed => continue 'frames,
                                Resume::AtYieldFrom => {
                                    if !hook_instrs {
                                        tri!(self.descend_yield_from(), 'exec);
                                    }
                                    continue 'frames;
                                }
                                Resume::Other | Resume::NotGenerator => {}
                            }
                            self.stack.push(sent);
                        }
                        if let Some(v) = tri!(self.yield_from_op(), 'exec) {
                            // Re-run this YIELD_FROM with the next value sent.
                            self.frames[fi].ip -= 1;
                            if let Some(v) = self.yield_to_caller(fi, v, true) {
                                return Ok(Exit::Yield(v));
                            }
                            continue 'frames;
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
                        // A frame pushed by a call runs next (a safe point first:
                        // recursion without loops must collect too); unhooked without
                        // a trip through the `'frames` start.
                        macro_rules! run_pushed {
                            () => {{
                                self.maybe_collect();
                                if hooked {
                                    continue 'frames;
                                }
                                switch_frame!();
                                reserve_frame!();
                                reload!();
                                continue;
                            }};
                        }
                        // A Python function called positionally: its frame runs next.
                        if ins.op != Op::CallKw {
                            let method = ins.op == Op::CallMethod;
                            if self.call_py_fast(a as usize, method) {
                                run_pushed!();
                            }
                            // A class with a plain `__init__`: its frame runs next.
                            if self.call_init_fast(code, ins.cache as usize, a as usize, method) {
                                run_pushed!();
                            }
                            // len(), isinstance(), list.append: done in place.
                            if self.call_builtin_fast(a as usize, method) {
                                reload!();
                                continue;
                            }
                        } else if self.call_kw_fast(a as usize) {
                            // Keywords naming positional parameters: its frame next.
                            run_pushed!();
                        }
                        let (argc, method, kw) = match ins.op {
                            Op::Call => (a as usize, false, false),
                            Op::CallMethod => (a as usize, true, false),
                            _ => (a as usize, false, true),
                        };
                        call_done!(self, self.call_op(argc, method, kw), 'exec, 'frames);
                    }
                    Op::CallEx => {
                        sync!();
                        let kwargs = if a & 1 != 0 { self.pop() } else { Value::Undef };
                        let args = self.pop();
                        let f = self.pop();
                        call_done!(self, self.call_ex(f, args, kwargs), 'exec, 'frames);
                    }
                    Op::RaiseVarargs => {
                        sync!();
                        break 'exec self.raise_op(a);
                    }
                    Op::Reraise => {
                        sync!();
                        break 'exec self.reraise_op();
                    }
                    Op::PushExcInfo => on_stack!(self.push_exc_info_op()),
                    Op::PopExcept => on_stack!(self.pop_except_op()),
                    Op::CheckExcMatch => on_stack!(self.check_exc_match_op()),
                    Op::BeforeWith => {
                        sync!();
                        // `__enter__` runs as a call from this loop (a new frame for
                        // Python code), so a thread may wait in it (threads.rs).
                        call_done!(self, self.before_with_op(), 'exec, 'frames);
                    }
                    Op::WithExceptStart => on_stack!(self.with_except_start_op()),
                    Op::ImportName => on_stack!(self.import_name_op(fi, code.names[a as usize])),
                    Op::ImportFrom => on_stack!(self.import_from_op(code.names[a as usize])),
                    Op::ImportStar => on_stack!(self.import_star_op(fi)),
                    Op::SetupAnnotations => on_stack!(self.setup_annotations_op(fi)),
                    Op::LoadAssertionError => on_stack!(self.load_assertion_error_op()),
                    Op::GetLen => on_stack!(self.get_len_op()),
                    Op::MatchMapping => on_stack!(self.match_mapping_op()),
                    Op::MatchSequence => on_stack!(self.match_sequence_op()),
                    Op::MatchKeys => on_stack!(self.match_keys_op()),
                    Op::MatchClass => on_stack!(self.match_class_op(a as usize)),
                    Op::CopyDictWithoutKeys => on_stack!(self.copy_dict_without_keys_op()),
                    Op::PrintExpr => on_stack!(self.print_expr_op()),
                    // Async code: see types/coroutine.rs.
                    Op::GetAwaitable => on_stack!(self.get_awaitable_op(a)),
                    Op::GetAiter => on_stack!(self.get_aiter_op()),
                    Op::GetAnext => on_stack!(self.get_anext_op()),
                    Op::EndAsyncFor => on_stack!(self.end_async_for_op()),
                    Op::BeforeAsyncWith => on_stack!(self.before_async_with_op()),
                }
                reload!();
            };
            // An exception: find a handler in this frame or unwind to the callers.
            self.unwind(err, stop)?;
        }
    }
}
