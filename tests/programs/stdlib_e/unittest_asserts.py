# unittest.TestCase assertions: the messages of failing ones (CPython's, with
# difflib diffs and pprint), longMessage/maxDiff, assertRaises/Warns/Logs as
# context managers, and a TextTestRunner over a loaded suite (report to a
# StringIO, time pinned).
import io
import logging
import unittest
import unittest.runner
import warnings


class _Clock:
    @staticmethod
    def perf_counter():
        return 0.0


unittest.runner.time = _Clock


class T(unittest.TestCase):
    def runTest(self):
        pass


t = T()


def check(name, *args, **kwargs):
    try:
        getattr(t, name)(*args, **kwargs)
        print(name, "passed")
    except t.failureException as e:
        print(name, "->", str(e).replace("\n", "\n    "))


check("assertEqual", 1, 1)
check("assertEqual", 1, 2)
check("assertEqual", 1, 2, "with msg")
check("assertNotEqual", "a", "a")
check("assertTrue", [])
check("assertFalse", [0])
check("assertIs", None, 0)
check("assertIsNot", None, None)
check("assertIsNone", 5)
check("assertIsNotNone", None)
check("assertIn", 3, [1, 2])
check("assertNotIn", 1, {1: "x"})
check("assertIsInstance", 1, str)
check("assertNotIsInstance", 1, int)
check("assertAlmostEqual", 1.0, 1.1)
check("assertAlmostEqual", 1.0, 1.05, delta=0.1)
check("assertAlmostEqual", 1.0, 1.5, delta=0.1)
check("assertNotAlmostEqual", 1.0, 1.0000000001)
check("assertGreater", 1, 2)
check("assertGreaterEqual", 1, 2)
check("assertLess", 2, 1)
check("assertLessEqual", 2, 1)
check("assertRegex", "hello", r"^w")
check("assertNotRegex", "hello", r"ll")
check("assertCountEqual", [1, 2, 2, 3], [1, 2, 3, 3])
check("assertListEqual", [1, [2, 3]], [1, [2, 4]])
check("assertTupleEqual", (1, 2), (1, 2, 3))
check("assertSetEqual", {1, 2}, {2, 3})
check("assertDictEqual", {"a": 1, "b": [1, 2]}, {"a": 1, "b": [1, 3]})
check("assertSequenceEqual", "abc", "abd")
check("assertMultiLineEqual", "one\ntwo\nthree\n", "one\n2\nthree\n")
check("assertEqual", {"x": 1}, {"x": 2})
check("assertEqual", "a" * 30, "a" * 29 + "b")
t.maxDiff = 20
check("assertEqual", list(range(20)), list(range(1, 21)))
t.maxDiff = 80 * 8
t.longMessage = False
check("assertEqual", 1, 2, "only the msg")
t.longMessage = True
check("fail", "plain fail")

with t.assertRaises(ZeroDivisionError) as cm:
    1 / 0
print(type(cm.exception).__name__, cm.exception)
try:
    with t.assertRaises(ValueError):
        pass
except t.failureException as e:
    print("assertRaises ->", e)
try:
    with t.assertRaisesRegex(ValueError, "^bad"):
        raise ValueError("not bad")
except t.failureException as e:
    print("assertRaisesRegex ->", e)
with t.assertWarns(DeprecationWarning) as wm:
    warnings.warn("old", DeprecationWarning)
print(wm.warning, type(wm.warning).__name__)
try:
    with t.assertWarns(UserWarning):
        pass
except t.failureException as e:
    print("assertWarns ->", e)
with t.assertLogs("mylog", level="INFO") as lm:
    logging.getLogger("mylog").info("logged %d", 1)
    logging.getLogger("mylog.child").error("child")
print(lm.output)
try:
    with t.assertLogs("quiet", level="INFO"):
        pass
except t.failureException as e:
    print("assertLogs ->", e)
with t.assertNoLogs("quiet2"):
    pass


class Loaded(unittest.TestCase):
    def test_b(self):
        self.assertEqual(2, 2)

    def test_a(self):
        self.assertEqual({"k": 1}, {"k": 2})

    def test_c(self):
        raise KeyError("oops")


loader = unittest.TestLoader()
suite = loader.loadTestsFromTestCase(Loaded)
print(suite.countTestCases(), [x.id() for x in suite], loader.getTestCaseNames(Loaded))
buf = io.StringIO()
result = unittest.TextTestRunner(stream=buf, verbosity=2).run(suite)
print(result, result.wasSuccessful(), len(result.failures), len(result.errors), result.testsRun)
print(buf.getvalue().split("=" * 70)[0])
print([str(tc) for tc, _ in result.failures], [tc.id() for tc, _ in result.errors])
fs = unittest.FunctionTestCase(lambda: None, description="a function test")
print(fs, fs.shortDescription(), unittest.TestSuite([fs]).countTestCases())
