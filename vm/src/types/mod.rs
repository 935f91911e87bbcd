//! The built-in types: their table (name, base, layout) and, one file per type, their
//! methods (`str` has a folder; `class.rs` is `type`, `object_type.rs` is `object`).
//! Operations over any object are in `protocols/`.

pub mod bytearray;
pub mod bytes;
pub mod bytes_methods;
pub mod class;
mod class_bases;
pub mod codecs;
pub mod coroutine;
pub mod dict;
pub mod dunders;
pub mod exceptions;
pub mod float;
pub mod frame;
pub mod function;
pub mod generator;
pub mod generic_alias;
pub mod int;
pub mod iterators;
pub mod list;
pub mod member;
pub mod memoryview;
pub mod module;
pub mod object_type;
pub mod range;
pub mod sequence_ops;
pub mod set;
pub mod slice;
pub mod str;
pub mod super_type;
pub mod tuple;
pub mod weakref;

use crate::object::BaseKind;
use crate::object::{ObjRef, Value};

macro_rules! types {
    ($($field:ident = $name:literal : $base:ident / $kind:ident;)*) => {
        /// Every built-in type and exception class, by field.
        #[derive(Clone, Debug)]
        pub struct Types { $(pub $field: ObjRef,)* }

        /// (field, Python name, base field, layout); bases come before subclasses.
        pub const TYPE_TABLE: &[(&str, &str, &str, BaseKind)] = &[
            $((stringify!($field), $name, stringify!($base), BaseKind::$kind)),*
        ];

        impl Types {
            /// Build from refs given in table order.
            pub fn from_refs(v: &[ObjRef]) -> Types {
                let mut it = v.iter();
                Types { $($field: *it.next().expect("enough types"),)* }
            }
            pub fn trace(&self, f: &mut impl FnMut(Value)) {
                $(f(Value::Obj(self.$field));)*
            }
        }
    };
}

types! {
    object = "object": object / Object;
    type_ = "type": object / Type;
    int = "int": object / Int;
    bool_ = "bool": int / Bool;
    float = "float": object / Float;
    complex = "complex": object / Complex;
    str = "str": object / Str;
    bytes = "bytes": object / Bytes;
    bytearray = "bytearray": object / ByteArray;
    list = "list": object / List;
    tuple = "tuple": object / Tuple;
    dict = "dict": object / Dict;
    set = "set": object / Set;
    frozenset = "frozenset": object / FrozenSet;
    range = "range": object / Other;
    slice = "slice": object / Other;
    none_type = "NoneType": object / NoneType;
    not_implemented_type = "NotImplementedType": object / Other;
    ellipsis_type = "ellipsis": object / Other;
    function = "function": object / Other;
    builtin_function = "builtin_function_or_method": object / Other;
    method_descriptor = "method_descriptor": object / Other;
    method = "method": object / Other;
    module = "module": object / Other;
    cell = "cell": object / Other;
    code = "code": object / Other;
    frame = "frame": object / Other;
    traceback = "traceback": object / Other;
    generator = "generator": object / Other;
    coroutine = "coroutine": object / Other;
    async_generator = "async_generator": object / Other;
    coroutine_wrapper = "coroutine_wrapper": object / Other;
    async_generator_asend = "async_generator_asend": object / Other;
    async_generator_athrow = "async_generator_athrow": object / Other;
    property = "property": object / Other;
    member_descriptor = "member_descriptor": object / Other;
    staticmethod = "staticmethod": object / Other;
    classmethod = "classmethod": object / Other;
    super_ = "super": object / Other;
    list_iterator = "list_iterator": object / Other;
    tuple_iterator = "tuple_iterator": object / Other;
    range_iterator = "range_iterator": object / Other;
    str_iterator = "str_ascii_iterator": object / Other;
    dict_keyiterator = "dict_keyiterator": object / Other;
    dict_valueiterator = "dict_valueiterator": object / Other;
    dict_itemiterator = "dict_itemiterator": object / Other;
    set_iterator = "set_iterator": object / Other;
    bytes_iterator = "bytes_iterator": object / Other;
    callable_iterator = "callable_iterator": object / Other;
    iterator = "iterator": object / Other;
    dict_keys = "dict_keys": object / Other;
    dict_values = "dict_values": object / Other;
    dict_items = "dict_items": object / Other;
    enumerate = "enumerate": object / Other;
    zip = "zip": object / Other;
    map = "map": object / Other;
    filter = "filter": object / Other;
    reversed = "reversed": object / Other;
    base_exception = "BaseException": object / Exception;
    system_exit = "SystemExit": base_exception / Exception;
    keyboard_interrupt = "KeyboardInterrupt": base_exception / Exception;
    generator_exit = "GeneratorExit": base_exception / Exception;
    exception = "Exception": base_exception / Exception;
    stop_iteration = "StopIteration": exception / Exception;
    stop_async_iteration = "StopAsyncIteration": exception / Exception;
    arithmetic_error = "ArithmeticError": exception / Exception;
    zero_division_error = "ZeroDivisionError": arithmetic_error / Exception;
    overflow_error = "OverflowError": arithmetic_error / Exception;
    floating_point_error = "FloatingPointError": arithmetic_error / Exception;
    assertion_error = "AssertionError": exception / Exception;
    attribute_error = "AttributeError": exception / Exception;
    buffer_error = "BufferError": exception / Exception;
    eof_error = "EOFError": exception / Exception;
    import_error = "ImportError": exception / Exception;
    module_not_found_error = "ModuleNotFoundError": import_error / Exception;
    lookup_error = "LookupError": exception / Exception;
    index_error = "IndexError": lookup_error / Exception;
    key_error = "KeyError": lookup_error / Exception;
    memory_error = "MemoryError": exception / Exception;
    name_error = "NameError": exception / Exception;
    unbound_local_error = "UnboundLocalError": name_error / Exception;
    os_error = "OSError": exception / Exception;
    file_not_found_error = "FileNotFoundError": os_error / Exception;
    file_exists_error = "FileExistsError": os_error / Exception;
    permission_error = "PermissionError": os_error / Exception;
    is_a_directory_error = "IsADirectoryError": os_error / Exception;
    not_a_directory_error = "NotADirectoryError": os_error / Exception;
    timeout_error = "TimeoutError": os_error / Exception;
    interrupted_error = "InterruptedError": os_error / Exception;
    connection_error = "ConnectionError": os_error / Exception;
    broken_pipe_error = "BrokenPipeError": connection_error / Exception;
    connection_aborted_error = "ConnectionAbortedError": connection_error / Exception;
    connection_refused_error = "ConnectionRefusedError": connection_error / Exception;
    connection_reset_error = "ConnectionResetError": connection_error / Exception;
    blocking_io_error = "BlockingIOError": os_error / Exception;
    child_process_error = "ChildProcessError": os_error / Exception;
    process_lookup_error = "ProcessLookupError": os_error / Exception;
    reference_error = "ReferenceError": exception / Exception;
    runtime_error = "RuntimeError": exception / Exception;
    not_implemented_error = "NotImplementedError": runtime_error / Exception;
    recursion_error = "RecursionError": runtime_error / Exception;
    syntax_error = "SyntaxError": exception / Exception;
    indentation_error = "IndentationError": syntax_error / Exception;
    tab_error = "TabError": indentation_error / Exception;
    system_error = "SystemError": exception / Exception;
    type_error = "TypeError": exception / Exception;
    value_error = "ValueError": exception / Exception;
    unicode_error = "UnicodeError": value_error / Exception;
    unicode_decode_error = "UnicodeDecodeError": unicode_error / Exception;
    unicode_encode_error = "UnicodeEncodeError": unicode_error / Exception;
    warning = "Warning": exception / Exception;
    user_warning = "UserWarning": warning / Exception;
    deprecation_warning = "DeprecationWarning": warning / Exception;
    pending_deprecation_warning = "PendingDeprecationWarning": warning / Exception;
    runtime_warning = "RuntimeWarning": warning / Exception;
    syntax_warning = "SyntaxWarning": warning / Exception;
    future_warning = "FutureWarning": warning / Exception;
    import_warning = "ImportWarning": warning / Exception;
    unicode_warning = "UnicodeWarning": warning / Exception;
    bytes_warning = "BytesWarning": warning / Exception;
    resource_warning = "ResourceWarning": warning / Exception;
}

/// Exception classes exposed in builtins (all table entries from BaseException on).
pub fn is_exception_field(field: &str) -> bool {
    let start = TYPE_TABLE
        .iter()
        .position(|t| t.0 == "base_exception")
        .unwrap_or(usize::MAX);
    TYPE_TABLE
        .iter()
        .position(|t| t.0 == field)
        .is_some_and(|i| i >= start)
}
