# Pins: input() reading from a redirected stdin: line stripping of the newline only, prompt written to stdout, empty line, final line without newline, EOFError at end, sys.stdin iteration/readline after input().
# stdin: input_from_stdin.input.txt
import sys
a = input()
print(repr(a))
b = input("prompt> ")
print()
print(repr(b), int(b))
c = float(input())
print(c * 2)
words = input().split()
print(words, len(words))
empty = input()
print(repr(empty))
last = sys.stdin.readline()
print(repr(last))
try:
    input("eof? ")
except EOFError as e:
    print()
    print("EOFError", repr(str(e)))
print(repr(sys.stdin.read()), sys.stdin.readline() == "")
