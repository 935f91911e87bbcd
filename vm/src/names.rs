//! Interned names the VM looks up often (dunder methods and the like).

use crate::object::Value;

macro_rules! names {
    ($($n:ident),* $(,)?) => {
        /// Pre-interned strings, one field per name.
        #[allow(non_snake_case)]
        #[derive(Clone, Debug)]
        pub struct Names { $(pub $n: Value,)* }
        impl Names {
            /// All names unset; `new` fills them once strings can be made.
            pub(crate) fn empty() -> Names {
                Names { $($n: Value::None,)* }
            }
            pub(crate) fn new(vm: &mut crate::Vm) -> Names {
                Names { $($n: vm.intern(stringify!($n)),)* }
            }
            pub fn trace(&self, f: &mut impl FnMut(Value)) {
                $(f(self.$n);)*
            }
        }
    };
}

names! {
    __init__, __new__, __call__, __name__, __qualname__, __module__, __doc__, __main__,
    __repr__, __str__, __format__, __hash__, __eq__, __ne__, __lt__, __le__, __gt__, __ge__,
    __bool__, __len__, __iter__, __next__, __getitem__, __setitem__, __delitem__, __contains__,
    __getattr__, __getattribute__, __setattr__, __delattr__, __get__, __set__, __delete__,
    __enter__, __exit__, __index__, __int__, __float__, __complex__, __neg__, __pos__, __abs__,
    __invert__, __round__, __reversed__, __missing__, __class__, __dict__, __classcell__,
    __init_subclass__, __set_name__, __mro__, __bases__, __base__, __slots__, __match_args__,
    __annotations__, __all__, __path__, __package__, __file__, __spec__, __loader__,
    __builtins__, __traceback__, __cause__, __context__, __suppress_context__, __self__,
    __func__, __wrapped__, __defaults__, __kwdefaults__, __code__, __closure__, __globals__,
    __weakref__, __abstractmethods__, __class_getitem__, __length_hint__, __instancecheck__,
    __subclasscheck__, __prepare__, __fspath__, __bytes__, __trunc__, __floor__, __ceil__,
    __copy__, __deepcopy__, __reduce__, __reduce_ex__, __getstate__, __setstate__,
    __await__, __sizeof__, __dir__, __subclasshook__, __orig_bases__, __ipow__,
    args, send, throw, close, value, keys, items, values, append, metaclass, name, obj,
    __add__, __radd__, __iadd__, __sub__, __rsub__, __isub__, __mul__, __rmul__, __imul__,
    __truediv__, __rtruediv__, __itruediv__, __floordiv__, __rfloordiv__, __ifloordiv__,
    __mod__, __rmod__, __imod__, __pow__, __rpow__, __lshift__, __rlshift__, __ilshift__,
    __rshift__, __rrshift__, __irshift__, __and__, __rand__, __iand__, __or__, __ror__,
    __ior__, __xor__, __rxor__, __ixor__, __matmul__, __rmatmul__, __imatmul__,
}
