# Pins: unittest fixtures order (setUpClass/setUp/tearDown/addCleanup/tearDownClass), TestSuite composition, loader sorting of test names, verbose runner output lines, failure message.
import unittest, io, sys
order = []
class Fix(unittest.TestCase):
    @classmethod
    def setUpClass(cls): order.append("setUpClass")
    @classmethod
    def tearDownClass(cls): order.append("tearDownClass")
    def setUp(self):
        order.append(f"setUp {self._testMethodName}")
        self.addCleanup(order.append, f"cleanup {self._testMethodName}")
    def tearDown(self): order.append(f"tearDown {self._testMethodName}")
    def test_b(self): order.append("body b")
    def test_a(self): order.append("body a")
    def test_c_fail(self):
        order.append("body c"); self.fail("explicit fail")
s = io.StringIO()
res = unittest.TextTestRunner(stream=s, verbosity=2).run(unittest.defaultTestLoader.loadTestsFromTestCase(Fix))
print(order)
print([l for l in s.getvalue().splitlines() if " ... " in l])
print(res.testsRun, len(res.failures), res.failures[0][1].strip().splitlines()[-1])
suite = unittest.TestSuite([Fix("test_a"), Fix("test_b")])
print(suite.countTestCases(), unittest.defaultTestLoader.getTestCaseNames(Fix))
