//! Looking at the current state: `p`, `!`, anchors.

use super::*;

impl Engine {
    /// Evaluate `src` as an expression in the selected frame and bind an anchor to
    /// the value if it is an object of the program.
    pub(super) fn anchor_of(&mut self, src: &str) -> Option<usize> {
        let mut c = expr::sandbox(&mut self.cur.vm);
        let frame = self.frame_index();
        match expr::eval(&mut c, Scope::Frame(frame), src, true, &self.anchors) {
            Ok(Value::Obj(r)) => Some(self.anchor_for(c.heap.get(r).serial)),
            _ => None,
        }
    }

    pub(super) fn anchor_for(&mut self, serial: u64) -> usize {
        self.anchors.bind(serial)
    }

    /// `p EXPR`: `$N = repr` for objects of the program, else the repr.
    pub fn print(&mut self, src: &str) -> String {
        let frame = self.frame_index();
        let anchors = self.anchors.clone();
        let r = expr::eval(&mut self.cur.vm, Scope::Frame(frame), src, true, &anchors);
        match r {
            Ok(v) => {
                let text = expr::repr(&mut self.cur.vm, v);
                match v {
                    Value::Obj(o) => {
                        let serial = self.cur.vm.heap.get(o).serial;
                        let n = self.anchor_for(serial);
                        format!("${n} = {text}")
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
        let anchors = self.anchors.clone();
        expr::eval(&mut self.cur.vm, Scope::Frame(frame), src, false, &anchors).err()
    }
}
