# sys.float_info/int_info/hash_info (struct sequences), encodings, sys.exception().
import sys
print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info[0], len(sys.float_info), sys.float_info.dig)
print(sys.int_info, sys.int_info.bits_per_digit)
print(sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.algorithm)
print(sys.maxunicode, hex(sys.hexversion), sys.getdefaultencoding(), sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())
print(sys.exception())
try:
    1 / 0
except ZeroDivisionError:
    print(repr(sys.exception()))
print(sys.exception(), sys.is_finalizing(), sys.float_repr_style, isinstance(sys.float_info, tuple))
try: sys.float_info.nope
except AttributeError as e: print(e)
print("json" in sys.stdlib_module_names, "numpy" in sys.stdlib_module_names, "sys" in sys.builtin_module_names)
print(sys.dont_write_bytecode, sys.warnoptions, sys._xoptions, len(sys.thread_info))
