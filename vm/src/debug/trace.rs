//! `revpy run --trace`: one line per instruction, with the value stack.

use crate::object::Value;
use crate::Vm;

impl Vm {
    pub(crate) fn trace_line(&mut self) -> String {
        let f = self.frames.last().expect("frame").clone();
        let pc = f.ip as usize;
        let ins = f.code.code.instrs[pc];
        let start = f.base as usize + f.code.nlocalsplus;
        let values: Vec<Value> = self.stack[start..].to_vec();
        let stack: Vec<String> = values.into_iter().map(|v| self.short_repr(v)).collect();
        let arg = revpy_compiler::dis::arg_repr(&f.code.code, ins.op, ins.arg);
        let argtxt = if ins.op.arg_kind() == revpy_compiler::opcodes::ArgKind::None {
            String::new()
        } else if arg.is_empty() {
            format!(" {}", ins.arg)
        } else {
            format!(" {} ({arg})", ins.arg)
        };
        format!(
            "{:>4} {:>4} {}{}  [{}]\n",
            f.code.code.line_of(pc),
            pc,
            ins.op.name(),
            argtxt,
            stack.join(", ")
        )
    }
}
