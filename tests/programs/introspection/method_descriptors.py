# Built-in methods: unbound ones are method_descriptors, bound ones
# builtin_function_or_method, as CPython's (types, inspect, pickle rely on it).
import collections
import copy
import inspect
import pickle
import types

print(str.join, type(str.join).__name__, type(list.append).__name__)
print(type("".join).__name__, type([].append).__name__, type(len).__name__)
print(type(dict.fromkeys).__name__, type(collections.deque.append).__name__)
print(types.MethodDescriptorType is type(str.join))
print(types.BuiltinMethodType is types.BuiltinFunctionType)
print(inspect.ismethoddescriptor(str.join), inspect.isbuiltin(str.join))
print(inspect.isbuiltin("".join), inspect.ismethod("".join), inspect.isroutine(str.join))
print(str.join.__objclass__, str.join.__name__, str.join.__qualname__)
print([].append.__name__, [].append.__qualname__, "ab".upper.__self__)
print(hasattr("".join, "__func__"), hasattr(len, "__get__"), hasattr(str.join, "__get__"))
print(str.join.__get__("+")(["a", "b"]), str.join("-", ["c", "d"]))
print(inspect.signature("".join), inspect.signature(str.join))
print(inspect.signature([].append), inspect.signature(list.append))
print("".join.__doc__ == str.join.__doc__, str.join.__text_signature__)
print(str.join.__reduce__())
print(copy.copy(str.join) is str.join, pickle.loads(pickle.dumps(str.join)) is str.join)
print(pickle.loads(pickle.dumps("x".join))(["1", "2"]))
try:
    str.join(1, [])
except TypeError as e:
    print(e)
print(callable(str.join), callable("".join))
