//! Looking at the current state: `p`, `!`, anchors.

use super::*;

impl Engine {
    /// Evaluate `src` as an expression in the selected frame and bind an anchor to
    /// the value if it is an object of the program.
    pub(super) fn anchor_of(&mut self, src: &str) -> Option<usize> {
        let mut c = expr::sandbox(&mut self.cur.vm);
        let frame = self.frame_index();
        let anchors = self.cur_anchors();
        match expr::eval(&mut c, Scope::Frame(frame), src, true, &anchors) {
            Ok(Value::Obj(r)) => {
                let serial = c.heap.get(r).serial;
                (serial < self.cur.serial_limit).then(|| self.anchor_for(serial))
            }
            _ => None,
        }
    }

    /// The anchors for evaluating on the current state: objects the debugger
    /// made there (`p`, `!`) are never taken for the program's.
    /// The instruction frame `i` of the current state is at: the top frame's
    /// next one at a stop point (or its raising one at a `Raise` event); an
    /// outer frame's call in progress, and at a `!!` stop or in post-mortem the
    /// top frame's instruction that raised.
    pub fn frame_pc(&self, i: usize) -> usize {
        let vm = &self.cur.vm;
        let ip = vm.frames[i].ip as usize;
        let top = i + 1 == vm.frames.len();
        let raising = matches!(self.cur.kind, StopKind::ExceptionExit | StopKind::End);
        if top && !raising {
            ip
        } else {
            ip.saturating_sub(1)
        }
    }

    /// The line frame `i` of the current state is at (of `frame_pc`).
    pub fn frame_line(&self, i: usize) -> u32 {
        self.cur.vm.frames[i].code.code.line_of(self.frame_pc(i))
    }

    pub fn cur_anchors(&self) -> expr::Anchors {
        let mut a = self.anchors.clone();
        a.limit = Some(self.cur.serial_limit);
        a
    }

    pub(super) fn anchor_for(&mut self, serial: u64) -> usize {
        self.anchors.bind(serial)
    }

    /// `p EXPR`: `$N = repr` for objects of the replayed program (those that
    /// existed before the evaluation), else the repr alone.
    pub fn print(&mut self, src: &str) -> String {
        let frame = self.frame_index();
        let anchors = self.cur_anchors();
        let r = expr::eval(&mut self.cur.vm, Scope::Frame(frame), src, true, &anchors);
        match r {
            Ok(v) => self.show_value(v, true),
            Err(e) => e,
        }
    }

    /// `$N = repr` for an object of the replayed program (binding `$N`), else the
    /// repr alone; `short`: shortened as reprlib does.
    pub fn show_value(&mut self, v: Value, short: bool) -> String {
        let text = if short {
            expr::short_repr(&mut self.cur.vm, v)
        } else {
            expr::pretty_repr(&mut self.cur.vm, v)
        };
        match v {
            Value::Obj(o) => {
                let serial = self.cur.vm.heap.get(o).serial;
                // A value that can never change (a string, a number) gets no
                // anchor: there is nothing to follow through time.
                let t = &self.cur.vm.types;
                let cls = self.cur.vm.heap.get(o).class;
                let immutable = [
                    t.str,
                    t.bytes,
                    t.int,
                    t.float,
                    t.complex,
                    t.frozenset,
                    t.range,
                ]
                .contains(&cls);
                if serial < self.cur.serial_limit && !immutable {
                    let n = self.anchor_for(serial);
                    format!("${n} = {text}")
                } else {
                    text
                }
            }
            _ => text,
        }
    }

    /// `pp EXPR`: the whole value, pretty-printed.
    pub fn pretty(&mut self, src: &str) -> String {
        let frame = self.frame_index();
        let anchors = self.cur_anchors();
        match expr::eval(&mut self.cur.vm, Scope::Frame(frame), src, true, &anchors) {
            Ok(v) => self.show_value(v, false),
            Err(e) => e,
        }
    }

    /// `whatis EXPR`: the type of the value (pdb's wording).
    pub fn whatis(&mut self, src: &str) -> String {
        let frame = self.frame_index();
        let anchors = self.cur_anchors();
        let text = format!("(lambda v: ('Function ' + v.__name__) if type(v).__name__ == 'function' else ('Method ' + v.__name__) if type(v).__name__ == 'method' else ('Class ' + v.__module__ + '.' + v.__qualname__) if isinstance(v, type) else repr(type(v)))({src}\n)");
        match expr::eval(&mut self.cur.vm, Scope::Frame(frame), &text, true, &anchors) {
            Ok(v) => self.cur.vm.str_lossy(v),
            Err(e) => e,
        }
    }

    /// `args`: the arguments of the selected frame's function, `name = repr`.
    pub fn args(&mut self) -> Vec<String> {
        let Some(i) = self.frame_index() else {
            return vec![];
        };
        let f = self.cur.vm.frames[i].clone();
        let c = f.code.code.clone();
        if c.name.as_ref() == "<module>" || f.locals.is_some() {
            return vec![];
        }
        let n = c.total_params();
        let mut out = vec![];
        for k in 0..n.min(c.varnames.len()) {
            let v = self.cur.vm.stack[f.base as usize + k];
            let v = if let Some(ci) = c.cellvars.iter().position(|x| *x == c.varnames[k]) {
                let cell = self.cur.vm.stack[f.base as usize + c.varnames.len() + ci];
                self.cur.vm.cell_get(cell)
            } else {
                v
            };
            let r = if v.is_undef() {
                "*** undefined".to_string()
            } else {
                expr::short_repr(&mut self.cur.vm, v)
            };
            out.push(format!("{} = {r}", c.varnames[k]));
        }
        out
    }

    /// `!STMT`: run statements in the selected frame (effects last until time moves).
    pub fn exec(&mut self, src: &str) -> Option<String> {
        let frame = self.frame_index();
        let anchors = self.cur_anchors();
        expr::eval(&mut self.cur.vm, Scope::Frame(frame), src, false, &anchors).err()
    }
}
