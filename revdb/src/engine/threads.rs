//! Threads in the debugger: one timeline with the stop points of every thread
//! (the VM's green threads, `revpy_vm::threads`); `info threads`, `thread N`,
//! `nthread`/`bthread` (to the next or previous thread switch), and the thread
//! that runs at a stop point (motions stay in it).

use super::*;
use revpy_vm::threads::ThreadState;

/// One line of `info threads`.
pub struct ThreadInfo {
    /// `_thread.get_ident()`: 1 for the main thread.
    pub ident: i64,
    pub name: String,
    pub current: bool,
    /// `FILE:LINE in FUNC`, or what it is doing when it has no frame.
    pub place: String,
    /// Waiting for a lock, sleeping, ...
    pub state: &'static str,
}

/// The index of the thread running at this stop (0 for a program without threads).
pub(super) fn thread_of(vm: &Vm) -> usize {
    vm.threads.current
}

impl Engine {
    /// The thread running at the current position (its index; 0: main).
    pub fn current_thread(&self) -> usize {
        thread_of(&self.cur.vm)
    }

    /// The name of thread `i` at the current position.
    pub fn thread_label(&self, i: usize) -> String {
        let vm = &self.cur.vm;
        match vm.threads.list.get(i) {
            Some(t) => format!("{} ({})", t.ident, vm.thread_name(i)),
            None => "1 (MainThread)".into(),
        }
    }

    /// Whether the program has more than its main thread at the current position.
    pub fn has_threads(&self) -> bool {
        self.cur.vm.threads.list.len() > 1
    }

    /// `info threads`.
    pub fn threads(&self) -> Vec<ThreadInfo> {
        let vm = &self.cur.vm;
        if vm.threads.list.is_empty() {
            let place = match self.frame_index() {
                Some(i) => frame_place(&vm.frames[i], self.frame_pc(i)),
                None => "(finished)".into(),
            };
            return vec![ThreadInfo {
                ident: 1,
                name: "MainThread".into(),
                current: true,
                place,
                state: "running",
            }];
        }
        let cur = vm.threads.current;
        let mut out = vec![];
        for (i, t) in vm.threads.list.iter().enumerate() {
            let current = i == cur;
            let frames = if current { &vm.frames } else { &t.frames };
            let place = match frames.last() {
                Some(f) if current => {
                    let i = frames.len() - 1;
                    frame_place(f, self.frame_pc(i))
                }
                Some(f) => {
                    // A thread switched out at a line start points at it; one that
                    // waits, after the call that made it wait.
                    let ip = f.ip as usize;
                    let at_start = f.code.code.instrs.get(ip).is_some_and(|x| x.line_start);
                    frame_place(f, if at_start { ip } else { ip.saturating_sub(1) })
                }
                None => String::new(),
            };
            let state = match t.state {
                _ if current => "running",
                ThreadState::New { .. } => "not started",
                ThreadState::Runnable => "ready",
                ThreadState::Lock { .. } => "waiting for a lock",
                ThreadState::Sleep { .. } => "sleeping",
                ThreadState::MainEnded | ThreadState::Done => "finished",
            };
            out.push(ThreadInfo {
                ident: t.ident,
                name: vm.thread_name(i),
                current,
                place,
                state,
            });
        }
        out
    }

    /// `nthread`: forward to the first stop point of another thread than the
    /// current one (the next switch).
    pub fn nthread(&mut self) -> MoveResult {
        let tid = self.current_thread();
        let before = self.cur.pos;
        self.forward(
            false,
            Box::new(move |vm, _, p| stop_if(p.real && thread_of(vm) != tid)),
        )?;
        if self.cur.pos == before || self.current_thread() == tid {
            return Err("No thread switch after this point.".into());
        }
        Ok(())
    }

    /// `bthread`: back to the last stop point of another thread before the current
    /// thread's run (the previous switch).
    pub fn bthread(&mut self) -> MoveResult {
        if self.at_start() {
            return Err(START.into());
        }
        let tid = self.current_thread();
        let found = self.backward(false, false, &|| {
            Box::new(move |vm, _, p| stop_if(p.real && thread_of(vm) != tid))
        })?;
        if !found {
            return Err("No thread switch before this point.".into());
        }
        Ok(())
    }

    /// `thread N`: to the next stop point of the thread with ident `n` (or, when
    /// it runs no more, to its last one).
    pub fn select_thread(&mut self, n: i64) -> MoveResult {
        let index = |vm: &Vm| {
            vm.threads
                .list
                .get(vm.threads.current)
                .map_or(1, |t| t.ident)
        };
        let here = index(&self.cur.vm);
        if here == n {
            return Ok(());
        }
        if n < 1 {
            return Err(format!("No thread {n}."));
        }
        let before = self.cur.pos;
        if !self.at_end() {
            let out = self.run(
                Some(before.time),
                false,
                before.time,
                Box::new(move |vm, _, p| {
                    stop_if(p.real && p.key() > before.key() && index(vm) == n)
                }),
            );
            if out.interrupted {
                return Err(format!("Interrupted; back at time {}.", self.time_text()));
            }
            if let Some(s) = out.captured {
                self.land(s);
                return Ok(());
            }
        }
        let found = self.backward(false, false, &|| {
            Box::new(move |vm, _, p| stop_if(p.real && index(vm) == n))
        })?;
        if !found {
            return Err(format!("No thread {n} runs in this recording."));
        }
        Ok(())
    }
}

fn frame_place(f: &revpy_vm::Frame, pc: usize) -> String {
    let code = &f.code.code;
    format!("{}:{} in {}", code.filename, code.line_of(pc), code.name)
}
