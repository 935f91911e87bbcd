# unittest.main() on a failing suite (default verbosity): failures, errors (also in
# setUp), an unexpected success, failing subtests, chained exceptions; the exit
# status is 1 and the report (stderr) is CPython's, with the time pinned.
import unittest
import unittest.runner


class _Clock:
    @staticmethod
    def perf_counter():
        return 0.0


unittest.runner.time = _Clock


def helper(x):
    return 10 // x


class Failing(unittest.TestCase):
    def test_ok(self):
        self.assertTrue(True)

    def test_equal_lists(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_equal_strings(self):
        self.assertEqual("first line\nsecond\n", "first line\nsecond!\n")

    def test_message(self):
        self.assertTrue(0, "custom message")

    def test_error_in_helper(self):
        helper(0)

    def test_chained(self):
        try:
            {}["k"]
        except KeyError as e:
            raise RuntimeError("wrapped") from e

    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i, kind="even"):
                self.assertEqual(i % 2, 0)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass

    def test_fail_call(self):
        self.fail("explicit failure")


class BrokenSetUp(unittest.TestCase):
    def setUp(self):
        raise ValueError("setUp broke")

    def test_never(self):
        pass


if __name__ == "__main__":
    unittest.main()
