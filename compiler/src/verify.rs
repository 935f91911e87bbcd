//! The bytecode verifier: every code object the compiler builds passes it before it
//! is handed to the VM.
//!
//! It checks what the interpreter's unchecked fast paths rely on (see the invariant
//! documented in [`crate::opcodes`]):
//!
//! - every operand is in range: constants, names, locals, cells and jump targets index
//!   existing entries, `COPY`/`SWAP` reach at least one item, operators decode;
//! - the operand stack depth before each reachable instruction is one number, whatever
//!   path leads there (jumps, fall-through, exception handlers), and it is at least the
//!   number of items the instruction reads ([`Op::stack_inputs`]), so the stack never
//!   underflows into the frame's locals;
//! - an exception handler is entered with `depth + 1` items, and every instruction it
//!   protects runs with at least `depth` items after taking its inputs (so cutting the
//!   stack to `depth` never has to grow it);
//! - control never runs off the end of the code.
//!
//! The result is the deepest the stack gets, the code object's `max_stack`. The
//! analysis visits each instruction once: linear in the code size.

use crate::code::CodeObject;
use crate::opcodes::{ArgKind, BinOp, CmpOp, Op};

/// Verify `code` (not the code objects nested in its constants) and return its
/// maximum operand stack depth, or a description of the first problem found.
pub fn verify(code: &CodeObject) -> Result<u32, String> {
    let instrs = &code.instrs;
    let n = instrs.len();
    let ncells = code.cellvars.len() + code.freevars.len();
    let fail = |pc: usize, what: String| -> Result<u32, String> {
        Err(format!(
            "bad bytecode in {} at instruction {pc} ({}): {what}",
            code.qualname,
            instrs.get(pc).map(|i| i.op.name()).unwrap_or("end")
        ))
    };
    if n == 0 {
        return fail(0, "no instructions".into());
    }
    // Operands.
    for (pc, ins) in instrs.iter().enumerate() {
        let a = ins.arg as usize;
        let ok = match ins.op.arg_kind() {
            ArgKind::Const => a < code.consts.len(),
            ArgKind::Name => a < code.names.len(),
            ArgKind::Local => a < code.varnames.len(),
            ArgKind::Deref => a < ncells,
            ArgKind::Jump => a < n,
            ArgKind::BinOp => BinOp::from_arg(ins.arg).is_some(),
            ArgKind::CmpOp => CmpOp::from_arg(ins.arg).is_some(),
            ArgKind::Count => !matches!(ins.op, Op::Copy | Op::Swap) || a >= 1,
            ArgKind::None | ArgKind::Flags => true,
        };
        if !ok || ins.arg > i32::MAX as u32 / 4 {
            return fail(pc, format!("operand {a} out of range"));
        }
    }
    for e in &code.exception_table {
        if e.start >= e.end || e.end as usize > n || e.target as usize >= n {
            return Err(format!(
                "bad exception table entry {}..{} -> {} in {}",
                e.start, e.end, e.target, code.qualname
            ));
        }
    }
    // Stack depths.
    let mut depth: Vec<Option<u32>> = vec![None; n];
    let mut work: Vec<usize> = vec![];
    let mut max = 0u32;
    // Record depth `d` at `pc` (reached from `from`); queue it the first time.
    let mut reach = |depth: &mut Vec<Option<u32>>,
                     work: &mut Vec<usize>,
                     from: usize,
                     pc: usize,
                     d: i64|
     -> Result<(), String> {
        if pc >= n {
            return Err(format!(
                "bad bytecode in {}: instruction {from} runs off the end of the code",
                code.qualname
            ));
        }
        if d < 0 {
            return Err(format!(
                "bad bytecode in {}: the stack underflows after instruction {from}",
                code.qualname
            ));
        }
        let d = d as u32;
        match depth[pc] {
            None => {
                depth[pc] = Some(d);
                max = max.max(d);
                work.push(pc);
                Ok(())
            }
            Some(old) if old == d => Ok(()),
            Some(old) => Err(format!(
                "bad bytecode in {}: instruction {pc} ({}) is reached with stack depths {old} and {d} (from {from})",
                code.qualname,
                instrs[pc].op.name()
            )),
        }
    };
    reach(&mut depth, &mut work, 0, 0, 0)?;
    for e in &code.exception_table {
        reach(
            &mut depth,
            &mut work,
            e.start as usize,
            e.target as usize,
            e.depth as i64 + 1,
        )?;
    }
    while let Some(pc) = work.pop() {
        let ins = instrs[pc];
        let d = depth[pc].expect("queued with a depth") as i64;
        let needs = ins.op.stack_inputs(ins.arg) as i64;
        if d < needs {
            return fail(
                pc,
                format!("needs {needs} stack items, the stack holds {d}"),
            );
        }
        let after = d + ins.op.stack_effect(ins.arg) as i64;
        let t = ins.arg as usize;
        match ins.op {
            Op::ReturnValue | Op::RaiseVarargs | Op::Reraise => {}
            Op::Jump => reach(&mut depth, &mut work, pc, t, after)?,
            // Exhausted: the iterator is popped.
            Op::ForIter => {
                reach(&mut depth, &mut work, pc, t, d - 1)?;
                reach(&mut depth, &mut work, pc, pc + 1, after)?;
            }
            // Jumping keeps the tested value.
            Op::JumpIfFalseOrPop | Op::JumpIfTrueOrPop => {
                reach(&mut depth, &mut work, pc, t, d)?;
                reach(&mut depth, &mut work, pc, pc + 1, after)?;
            }
            _ => {
                if ins.op.arg_kind() == ArgKind::Jump {
                    reach(&mut depth, &mut work, pc, t, after)?;
                }
                reach(&mut depth, &mut work, pc, pc + 1, after)?;
            }
        }
    }
    // Handlers cut the stack down to their depth: never up.
    for e in &code.exception_table {
        for pc in e.start as usize..e.end as usize {
            if let Some(d) = depth[pc] {
                let ins = instrs[pc];
                let left = d as i64 - consumed(ins.op, ins.arg) as i64;
                if left < e.depth as i64 {
                    return fail(
                        pc,
                        format!(
                            "protected by a handler at depth {} but may raise with {left} items left",
                            e.depth
                        ),
                    );
                }
            }
        }
    }
    Ok(max)
}

/// How many stack items an instruction may already have removed when it raises: its
/// inputs, except those it only looks at (the handler then finds them still there).
fn consumed(op: Op, a: u32) -> u32 {
    match op {
        Op::Copy
        | Op::Swap
        | Op::WithExceptStart
        | Op::ImportFrom
        | Op::GetLen
        | Op::MatchMapping
        | Op::MatchSequence
        | Op::MatchKeys
        | Op::ForIter => 0,
        // The async iterator stays below the awaitable it pushes.
        #[cfg(feature = "async")]
        Op::GetAnext => 0,
        // The collection at S[-a] stays.
        Op::ListAppend
        | Op::SetAdd
        | Op::MapAdd
        | Op::ListExtend
        | Op::SetUpdate
        | Op::DictUpdate
        | Op::DictMerge => op.stack_inputs(a).saturating_sub(a),
        _ => op.stack_inputs(a),
    }
}
