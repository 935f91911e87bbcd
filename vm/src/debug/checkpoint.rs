//! Copies of a running VM: cheap forks (copy-on-write heap chunks) and resumable
//! checkpoints taken at stop points.

use crate::debug::StopKind;
use crate::effects::OutputSink;
use crate::run::ExitStatus;
use crate::Vm;
use std::rc::Rc;

impl Vm {
    /// Whether the VM's whole execution state is in this struct (no Rust frames of
    /// natives or nested loops), so a copy taken now can be resumed with `resume`.
    pub fn can_checkpoint(&self) -> bool {
        self.loops == 1 && self.gc_holds == 0
    }

    /// A copy of the VM. Cheap: the copy shares the heap's chunks (each side copies
    /// a chunk when it first writes to it), the interned strings and the sources;
    /// captured output is not copied (the copy starts with empty buffers).
    pub fn fork(&mut self) -> Vm {
        let empty = |s: &OutputSink| match s {
            OutputSink::Buffer(_) => OutputSink::Buffer(vec![]),
            other => other.clone(),
        };
        if self.interned_extra.len() > 64 {
            let extra = std::mem::take(&mut self.interned_extra);
            Rc::make_mut(&mut self.interned).extend(extra);
        }
        let out = std::mem::replace(&mut self.effects.stdout, OutputSink::Null);
        let err = std::mem::replace(&mut self.effects.stderr, OutputSink::Null);
        let mut c = self.clone();
        c.effects.stdout = empty(&out);
        c.effects.stderr = empty(&err);
        self.effects.stdout = out;
        self.effects.stderr = err;
        c
    }

    /// Make this copy's caches independent of every other copy's (debugger
    /// evaluation, which may change classes the program never changed).
    pub fn isolate_caches(&mut self) {
        self.mro_cache.isolate();
    }

    /// A resumable copy of the VM taken inside the hook at a `Line` or `Return` stop:
    /// the copy re-executes the current instruction (and re-counts this stop point)
    /// when resumed. `None` where the state is not resumable.
    pub fn checkpoint(&mut self, kind: StopKind) -> Option<Vm> {
        if !self.can_checkpoint()
            || !matches!(
                kind,
                StopKind::Line | StopKind::Return | StopKind::Instruction
            )
        {
            return None;
        }
        let mut c = self.fork();
        c.loops = 0;
        let f = c.frames.last()?;
        let ins = f.code.code.instrs.get(f.ip as usize)?;
        // Resuming re-executes the instruction and re-counts its stop points: the
        // line start's, and the return's (a RETURN_VALUE that starts a line has
        // both; at its Return stop, both are taken back).
        if ins.line_start {
            c.stop_points -= 1;
        }
        if kind == StopKind::Return {
            c.stop_points -= 1;
        }
        c.instructions = c.instructions.saturating_sub(1);
        Some(c)
    }

    /// Continue a checkpointed main program to its end.
    pub fn resume(&mut self) -> ExitStatus {
        let r = match self.run(0) {
            Ok(_) => Ok(()),
            Err(e) => Err(e),
        };
        self.finish_main(r)
    }
}
