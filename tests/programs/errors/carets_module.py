# traceback.print_exc: the ^^^ markers CPython 3.11 prints under the failing
# expression (the `traceback` module's rules), for the common kinds of expression.
import os
import traceback

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


class O:
    pass


o = O()
d = {"a": [1, 2], "é": "x"}


def f(x):
    return x.missing


def g(*a, **k):
    raise ValueError("g")


def c_method_missing(): o.foo()
def c_method_assign(): y = o.foo()
def c_attr(): y = o.bar.baz
def c_attr_in_call(): print(o.foo())
def c_key(): y = d['b']
def c_index(): y = d['a'][5]
def c_index_spaces(): y = d[ 'a' ][ 5 ]
def c_add(): y = 1 + 'a'
def c_add_parens(): y = (1) +  'a'
def c_add_comment(): y = 1 +'a' # c
def c_pow(): y = 2 ** 'a'
def c_floordiv(): y = 3 // 0
def c_chain(): y = [1][0] + [1][0] + 'a'
def c_call_into(): y = f(1)
def c_call_in_binop(): z = f(1) + 1
def c_call_kw(): y = g(1, k=2)
def c_unary(): y = -'a'
def c_compare(): y = 'a' < 1
def c_name(): y = undefined_name + 1
def c_builtin(): y = len(5)
def c_whole_line(): int('x')
def c_del_attr(): o.x = 1; del o.y
def c_augassign(): d['q'] += 1
def c_comprehension(): y = [x for x in 5]
def c_for():
    for i in 5: pass
def c_call_obj(): y = o(1)
def c_store_index(): l = [1]; l[3] = 2
def c_non_ascii(): y = 'é' + 1
def c_non_ascii_index(): y = 'é' + 'é'[5]
def c_wide(): y = '中文' + 1
def c_assert(): assert 1 == 2, 'm'
def c_raise(): raise ValueError('x')
def c_slice_add(): y = d['a'][1:2] + 3
def c_multiline_binop():
    y = (1 +
         'a')
def c_multiline_call():
    y = f(
        1)
def c_multiline_list():
    y = [
        1/0]
def c_attr_chain(): y = o.a.b.c
def c_method_then_attr(): y = o.m(1).n
def c_method_on_result(): y = d.get('a').upper()
def c_import(): import nomod
def c_ifexp(): y = 1 if 1/0 else 2
def c_not(): y = not o.q
def c_unpack(): x, y = 5
def c_lambda(): y = lambda: 1/0; y()
def c_fstring(): y = f'{1/0}'
def c_unhashable(): y = {}[[]]
def c_with():
    with 5: pass
def c_percent(): y = '%d' % 'a'
def c_star(): y = g(*5)
def c_starstar(): y = g(**5)
def c_noargs(): y = max()
def c_method_next_line():
    y = (o
         .foo())
def c_subscript_two_lines():
    y = d['a'] [
        5]
def c_divide_two_lines():
    y = 1 / (
        0)
def c_tight(): y=d['a'][5]


for name, fn in list(globals().items()):
    if name.startswith("c_"):
        try:
            fn()
        except Exception:
            # (file names as the program was started: CPython's are absolute)
            print(traceback.format_exc().replace(HERE, ""), end="")
