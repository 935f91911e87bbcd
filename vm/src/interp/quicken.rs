//! The instruction arrays the interpreter loop runs: copies of a code object's
//! instructions whose flag byte tells the loop, in one test, whether the instruction
//! is a stop point or runs hooked, and which instruction after it may run in the
//! same trip through the dispatch.
//!
//! The compiler's instructions (what `dis`, tracebacks, the line table and the
//! debugger see) are not changed: a copy keeps every opcode, operand and position,
//! only `Instr::line_start` becomes a flag byte. The hints never let an instruction
//! run across a stop point (the next instruction must not start a line) nor when
//! the VM is hooked for every instruction (stepping by instruction, tracing): such
//! frames run the `stepped` copy, which has no hints and the `HOOK` flag on every
//! instruction. An instruction run through a hint is still counted.

use revpy_compiler::opcodes::{CmpOp, Instr, Op};

/// One instruction as the loop runs it: 8 bytes, as `Instr`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(C)]
pub struct QInstr {
    pub op: Op,
    /// `LINE`, `HOOK` and the `NEXT_*` hints.
    pub flags: u8,
    /// As `Instr::cache`; COMPARE_OP (which has no cache) holds its outcome mask
    /// instead (`compare_mask`).
    pub cache: u16,
    pub arg: u32,
}

/// The instruction begins a source line: a stop point (`Instr::line_start`).
pub const LINE: u8 = 1;
/// The hook sees this instruction (the `stepped` copy: every instruction).
pub const HOOK: u8 = 2;
/// The loop's prologue takes its slow path: a stop point or a hooked instruction.
pub const STOP: u8 = LINE | HOOK;
/// The next instruction is a LOAD_FAST that is no stop point: the arm of this one
/// may run it (`fast_next!` in dispatch.rs).
pub const NEXT_LOAD_FAST: u8 = 4;
/// The next instruction is a STORE_FAST that is no stop point.
pub const NEXT_STORE_FAST: u8 = 8;
/// The next instruction is a LOAD_CONST that is no stop point.
pub const NEXT_LOAD_CONST: u8 = 16;
/// The next instruction is a BINARY_OP that is no stop point: LOAD_FAST and
/// LOAD_CONST try its int/float fast path on their value.
pub const NEXT_BINARY_OP: u8 = 32;
/// Any of the hints `fast_next!` acts on.
pub const NEXT_SIMPLE: u8 = NEXT_LOAD_FAST | NEXT_STORE_FAST | NEXT_LOAD_CONST;
/// COMPARE_OP: the next instruction is a POP_JUMP_IF_FALSE or POP_JUMP_IF_TRUE that
/// is no stop point; the outcome mask then says when it jumps (`compare_mask`).
pub const NEXT_POP_JUMP: u8 = 64;

/// The outcomes of an int, float or str comparison, one bit each: COMPARE_OP's
/// fast path tests its outcome against the instruction's mask (no decoding of the
/// operator, no branch per operator).
pub const LESS: u16 = 1;
pub const EQUAL: u16 = 2;
pub const GREATER: u16 = 4;
/// A float comparison with a NaN.
pub const UNORDERED: u16 = 8;

/// The outcomes for which `l op r` is true (NaN: only `!=`).
fn compare_mask(op: CmpOp) -> u16 {
    match op {
        CmpOp::Lt => LESS,
        CmpOp::Le => LESS | EQUAL,
        CmpOp::Eq => EQUAL,
        CmpOp::Ne => LESS | GREATER | UNORDERED,
        CmpOp::Gt => GREATER,
        CmpOp::Ge => EQUAL | GREATER,
    }
}

/// The copy run when the VM is not hooked for every instruction.
pub(crate) fn quicken(instrs: &[Instr]) -> Box<[QInstr]> {
    let mut out: Vec<QInstr> = instrs.iter().map(|i| copy(i, 0)).collect();
    for (i, q) in out.iter_mut().enumerate() {
        let Some(next) = instrs.get(i + 1) else { break };
        if next.line_start {
            continue;
        }
        // COMPARE_OP then a conditional jump: the mask says when the jump is taken
        // (for POP_JUMP_IF_FALSE, when the comparison is false).
        if q.op == Op::CompareOp && matches!(next.op, Op::PopJumpIfFalse | Op::PopJumpIfTrue) {
            q.flags |= NEXT_POP_JUMP;
            if next.op == Op::PopJumpIfFalse {
                q.cache ^= LESS | EQUAL | GREATER | UNORDERED;
            }
            continue;
        }
        // Only arms that end in `fast_next!` after falling through (never after a
        // jump) act on the hints; hints on other instructions would be ignored, but
        // are left out to keep the copy readable.
        let takes = matches!(
            q.op,
            Op::LoadFast
                | Op::LoadConst
                | Op::LoadGlobal
                | Op::LoadAttr
                | Op::LoadMethod
                | Op::BinaryOp
                | Op::BinarySubscr
        );
        if !takes {
            continue;
        }
        q.flags |= match next.op {
            Op::LoadFast => NEXT_LOAD_FAST,
            Op::StoreFast => NEXT_STORE_FAST,
            Op::LoadConst => NEXT_LOAD_CONST,
            Op::BinaryOp if matches!(q.op, Op::LoadFast | Op::LoadConst) => NEXT_BINARY_OP,
            _ => 0,
        };
    }
    out.into_boxed_slice()
}

/// The copy run when the hook sees every instruction: no hints.
pub(crate) fn stepped(instrs: &[Instr]) -> Box<[QInstr]> {
    instrs.iter().map(|i| copy(i, HOOK)).collect()
}

fn copy(i: &Instr, flags: u8) -> QInstr {
    let cache = match i.op {
        // The verifier checked the operand is a `CmpOp`.
        Op::CompareOp => compare_mask(CmpOp::from_arg(i.arg).unwrap_or(CmpOp::Eq)),
        _ => i.cache,
    };
    QInstr {
        op: i.op,
        flags: flags | if i.line_start { LINE } else { 0 },
        cache,
        arg: i.arg,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ins(op: Op, arg: u32, line_start: bool) -> Instr {
        let mut i = Instr::new(op, arg);
        i.line_start = line_start;
        i
    }

    #[test]
    fn hints_stop_at_line_starts() {
        let code = [
            ins(Op::LoadFast, 0, true),
            ins(Op::LoadFast, 1, false),
            ins(Op::BinaryOp, 0, false),
            ins(Op::StoreFast, 2, false),
            ins(Op::LoadConst, 0, true),
            ins(Op::ReturnValue, 0, false),
        ];
        let q = quicken(&code);
        assert_eq!(q[0].flags, LINE | NEXT_LOAD_FAST);
        assert_eq!(q[1].flags, NEXT_BINARY_OP);
        assert_eq!(q[2].flags, NEXT_STORE_FAST);
        // STORE_FAST takes no hint; LOAD_CONST is followed by no simple instruction.
        assert_eq!(q[3].flags, 0);
        assert_eq!(q[4].flags, LINE);
        assert_eq!(q[5].flags, 0);
        let s = stepped(&code);
        assert!(s.iter().all(|i| i.flags & HOOK != 0));
        assert_eq!(s[0].flags, LINE | HOOK);
        assert_eq!(std::mem::size_of::<QInstr>(), 8);
    }

    #[test]
    fn compare_masks() {
        let code = [
            ins(Op::CompareOp, CmpOp::Lt as u32, true),
            ins(Op::PopJumpIfFalse, 5, false),
            ins(Op::CompareOp, CmpOp::Ne as u32, false),
            ins(Op::PopJumpIfTrue, 5, false),
            ins(Op::CompareOp, CmpOp::Ge as u32, false),
            ins(Op::PopJumpIfTrue, 5, true),
        ];
        let q = quicken(&code);
        assert_eq!(q[0].flags, LINE | NEXT_POP_JUMP);
        // Jumps when `<` is false: equal, greater or unordered.
        assert_eq!(q[0].cache, EQUAL | GREATER | UNORDERED);
        assert_eq!(q[2].flags, NEXT_POP_JUMP);
        assert_eq!(q[2].cache, LESS | GREATER | UNORDERED);
        // A jump that is a stop point runs by itself: the plain mask.
        assert_eq!(q[4].flags, 0);
        assert_eq!(q[4].cache, EQUAL | GREATER);
        let s = stepped(&code);
        assert_eq!(s[0].cache, LESS);
    }

    #[test]
    fn no_hint_across_a_line_start() {
        let code = [
            ins(Op::LoadFast, 0, false),
            ins(Op::LoadFast, 1, true),
            ins(Op::ReturnValue, 0, false),
        ];
        assert_eq!(quicken(&code)[0].flags, 0);
    }
}
