# unittest.main() on a passing suite (verbosity 2): fixtures, cleanups, subTest,
# skips, expected failures; the run's time is pinned so the report is exact.
import unittest
import unittest.runner


class _Clock:
    @staticmethod
    def perf_counter():
        return 0.0


unittest.runner.time = _Clock

events = []


def setUpModule():
    events.append("setUpModule")


def tearDownModule():
    print("events:", events)


class Arithmetic(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        events.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        events.append("tearDownClass")

    def setUp(self):
        self.values = [3, 1, 2]
        self.addCleanup(events.append, "cleanup")

    def tearDown(self):
        events.append("tearDown")

    def test_sorted(self):
        self.assertEqual(sorted(self.values), [1, 2, 3])

    def test_sum(self):
        """Adds the values up."""
        self.assertEqual(sum(self.values), 6)

    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 3)

    @unittest.skip("not today")
    def test_skipped(self):
        self.fail("never runs")

    @unittest.skipUnless(False, "condition false")
    def test_skip_unless(self):
        pass

    @unittest.expectedFailure
    def test_known_bug(self):
        self.assertEqual(1, 2)

    def test_skip_inside(self):
        self.skipTest("decided at run time")


class Strings(unittest.TestCase):
    def test_upper(self):
        self.assertEqual("abc".upper(), "ABC")
        self.assertTrue("ABC".isupper())
        self.assertIn("b", "abc")

    def test_raises(self):
        with self.assertRaises(KeyError) as cm:
            {}["missing"]
        self.assertEqual(cm.exception.args, ("missing",))
        self.assertRaisesRegex(ValueError, "invalid literal", int, "x")


def helper_not_a_test():
    pass


if __name__ == "__main__":
    unittest.main(verbosity=2)
