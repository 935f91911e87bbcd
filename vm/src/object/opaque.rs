//! Native payloads for library types (e.g. `collections.deque`) defined outside the VM
//! core. They must be clonable (snapshots) and report the values they hold (GC).

use crate::object::Value;
use std::any::Any;
use std::fmt::Debug;

pub trait OpaqueObject: Debug + Any {
    fn clone_box(&self) -> Box<dyn OpaqueObject>;
    fn trace(&self, f: &mut dyn FnMut(Value));
    fn as_any(&self) -> &dyn Any;
    fn as_any_mut(&mut self) -> &mut dyn Any;
}

impl Clone for Box<dyn OpaqueObject> {
    fn clone(&self) -> Self {
        self.clone_box()
    }
}
