# Pins: unittest run programmatically: assertion method failure messages (assertEqual diffs for lists/dicts/strings, assertIn, assertRaises/Regex context, assertAlmostEqual, assertCountEqual), subTest reporting, skip/expectedFailure, result counts.
import unittest, io
class T(unittest.TestCase):
    maxDiff = None
    def test_eq_list(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])
    def test_eq_dict(self):
        self.assertEqual({"a": 1, "b": 2}, {"a": 1, "b": 3})
    def test_eq_str_multiline(self):
        self.assertEqual("line1\nline2\nline3\n", "line1\nlineX\nline3\n")
    def test_in(self):
        self.assertIn("z", "abc")
    def test_true(self):
        self.assertTrue(0, "custom message")
    def test_raises_ok(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertEqual(str(cm.exception), "division by zero")
        with self.assertRaisesRegex(ValueError, r"invalid literal"):
            int("x")
    def test_raises_missing(self):
        with self.assertRaises(KeyError):
            pass
    def test_almost(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertAlmostEqual(1.0, 1.1, places=3)
    def test_count_equal(self):
        self.assertCountEqual([1, 2, 2, 3], [3, 2, 1, 1])
    def test_subtests(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertEqual(i % 2, 0)
    @unittest.skip("not today")
    def test_skipped(self):
        pass
    @unittest.expectedFailure
    def test_xfail(self):
        self.assertEqual(1, 2)
    @unittest.expectedFailure
    def test_xpass(self):
        pass
    def test_error(self):
        raise RuntimeError("unexpected")
    def test_is_none(self):
        self.assertIsNone(5)
    def test_greater(self):
        self.assertGreater(1, 2)
    def test_isinstance(self):
        self.assertIsInstance("s", int)
    def test_warns(self):
        import warnings
        with self.assertWarns(DeprecationWarning):
            warnings.warn("old", DeprecationWarning)
    def test_seq(self):
        self.assertSequenceEqual((1, 2), (1, 2, 3))
    def test_set(self):
        self.assertSetEqual({1, 2}, {2, 3})
    def test_multiline_tuple(self):
        self.assertTupleEqual((1, "a"), (1, "b"))
suite = unittest.defaultTestLoader.loadTestsFromTestCase(T)
stream = io.StringIO()
result = unittest.TextTestRunner(stream=stream, verbosity=0).run(suite)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped), len(result.expectedFailures), len(result.unexpectedSuccesses), result.wasSuccessful())
for test, tb in result.failures + result.errors:
    last = [l for l in tb.strip().splitlines() if l.strip()]
    idx = next(i for i, l in enumerate(last) if l.startswith(("AssertionError", "RuntimeError")))
    print("==", test.id().split(".")[-1], test._subDescription() if hasattr(test, "_subDescription") else "")
    print("\n".join(last[idx:]))
print([(t.id().split(".")[-1], r) for t, r in result.skipped])
