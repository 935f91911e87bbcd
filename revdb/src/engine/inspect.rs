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
            Ok(v) => {
                let text = expr::repr(&mut self.cur.vm, v);
                match v {
                    Value::Obj(o) => {
                        let serial = self.cur.vm.heap.get(o).serial;
                        if serial < self.cur.serial_limit {
                            let n = self.anchor_for(serial);
                            format!("${n} = {text}")
                        } else {
                            text
                        }
                    }
                    _ => text,
                }
            }
            Err(e) => e,
        }
    }

    /// `!STMT`: run statements in the selected frame (effects last until time moves).
    pub fn exec(&mut self, src: &str) -> Option<String> {
        let frame = self.frame_index();
        let anchors = self.cur_anchors();
        expr::eval(&mut self.cur.vm, Scope::Frame(frame), src, false, &anchors).err()
    }
}
