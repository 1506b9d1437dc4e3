# Pins: unittest.mock: Mock call recording (call_args/call_args_list/mock_calls), return_value/side_effect, patch/patch.object/decorator, MagicMock dunders, spec, assert_called_* errors, sentinel/ANY, mock_open.
import sys
from unittest import mock
m = mock.Mock()
m.method(1, key="v"); m.method(2); m.other.attr.call()
print(m.method.call_count, m.method.call_args, m.method.call_args_list, m.mock_calls[-1], m.called)
m.method.assert_called_with(2)
m.method.assert_any_call(1, key="v")
try:
    m.method.assert_called_once()
except AssertionError as e:
    print("AssertionError", str(e).splitlines()[0])
try:
    m.method.assert_called_with(3)
except AssertionError as e:
    print("AssertionError", str(e).splitlines())
m2 = mock.Mock(return_value=42)
print(m2(), m2("x"), m2.return_value)
m3 = mock.Mock(side_effect=[1, 2, ValueError("third")])
print(m3(), m3())
try:
    m3()
except ValueError as e:
    print("ValueError", e)
m4 = mock.Mock(side_effect=lambda x: x * 10)
print(m4(4))
mm = mock.MagicMock()
mm.__len__.return_value = 7
mm.__getitem__.side_effect = lambda k: k.upper()
print(len(mm), mm["abc"], list(iter(mm)), bool(mm), mm.__enter__() is mm.__enter__.return_value)
class Service:
    def fetch(self): return "real"
def use(): return Service().fetch()
with mock.patch.object(Service, "fetch", return_value="patched"):
    print(use())
print(use())
with mock.patch("os.getcwd", return_value="/fake/dir") as p:
    import os
    print(os.getcwd(), p.call_count)
@mock.patch("sys.argv", ["prog", "arg"])
def check_argv():
    return sys.argv
print(check_argv(), sys.argv != ["prog", "arg"])
spec = mock.Mock(spec=Service)
print(spec.fetch() is not None)
try:
    spec.missing_attr
except AttributeError as e:
    print("AttributeError", e)
print(mock.call(1, a=2) == mock.call(1, a=2), mock.ANY == "anything", mock.sentinel.token is mock.sentinel.token, repr(mock.sentinel.token))
cm = mock.mock_open(read_data="file contents\nline2\n")
with mock.patch("builtins.open", cm):
    with open("virtual.txt") as f:
        print(f.readline(), f.read())
print(cm.call_args)
