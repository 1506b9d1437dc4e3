# Pins: unittest run programmatically with a stream: assertions, failures, errors, skips, expected failures, subTest, setUp/tearDown order, and the result summary (timing line removed).
import unittest, io, re
order = []
class T(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        order.append("setUpClass")
    def setUp(self):
        order.append("setUp")
    def tearDown(self):
        order.append("tearDown")
    def test_ok(self):
        self.assertEqual(1 + 1, 2)
        self.assertIn(1, [1])
        self.assertIsNone(None)
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertRaises(ZeroDivisionError, lambda: 1 / 0)
        with self.assertRaisesRegex(ValueError, "invalid literal"):
            int("x")
        self.assertCountEqual([1, 2, 2], [2, 1, 2])
        self.assertDictEqual({"a": 1}, {"a": 1})
    def test_fail(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])
    def test_fail_msg(self):
        self.assertTrue(False, "custom message")
    def test_error(self):
        raise KeyError("boom")
    @unittest.skip("not today")
    def test_skip(self):
        pass
    @unittest.expectedFailure
    def test_xfail(self):
        self.assertEqual(1, 2)
    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass
    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 2)
    def test_multiline_str(self):
        self.assertEqual("a\nb\nc\n", "a\nB\nc\n")
stream = io.StringIO()
runner = unittest.TextTestRunner(stream=stream, verbosity=2)
suite = unittest.defaultTestLoader.loadTestsFromTestCase(T)
result = runner.run(suite)
text = re.sub(r"Ran (\d+) tests? in [\d.]+s", r"Ran \1 tests in TIME", stream.getvalue())
text = re.sub(r'File ".*?([^/"]+\.py)"', r'File "\1"', text)
print(text)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped), len(result.expectedFailures), len(result.unexpectedSuccesses), result.wasSuccessful())
print(order[:4])
class Empty(unittest.TestCase):
    pass
print(unittest.defaultTestLoader.loadTestsFromTestCase(Empty).countTestCases())
tc = unittest.TestCase()
try:
    tc.assertEqual({"a": 1, "b": [1, 2]}, {"a": 1, "b": [1, 3]})
except AssertionError as e:
    print(e)
try:
    tc.assertIsInstance(1, str)
except AssertionError as e:
    print(e)
