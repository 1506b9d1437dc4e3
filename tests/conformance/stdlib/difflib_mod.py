# Pins: difflib: unified_diff, context_diff, ndiff, SequenceMatcher ratios/opcodes/blocks, get_close_matches, Differ and HtmlDiff-free helpers.
import difflib
a = ["one\n", "two\n", "three\n", "four\n", "five\n"]
b = ["zero\n", "one\n", "three\n", "four!\n", "five\n", "six\n"]
print("".join(difflib.unified_diff(a, b, fromfile="a.txt", tofile="b.txt")), end="")
print("".join(difflib.context_diff(a, b, fromfile="a", tofile="b", n=1)), end="")
print("".join(difflib.ndiff(["abcdef\n", "same\n"], ["abXdef\n", "same\n"])), end="")
sm = difflib.SequenceMatcher(None, "abcdefgh", "abxdefgzh")
print(round(sm.ratio(), 6), round(sm.quick_ratio(), 6), round(sm.real_quick_ratio(), 6))
print(sm.get_opcodes())
print(sm.get_matching_blocks(), sm.find_longest_match(0, 8, 0, 9))
print(list(sm.get_grouped_opcodes(1)))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy"]), difflib.get_close_matches("wheel", ["while", "wheat", "whale"], n=2, cutoff=0.5))
d = difflib.Differ()
print("".join(d.compare(["hello world\n"], ["hello there world\n"])), end="")
sm2 = difflib.SequenceMatcher(lambda c: c == " ", "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(sm2.ratio(), 6), sm2.get_opcodes()[:3])
print(list(difflib.restore(difflib.ndiff(["a\n"], ["b\n"]), 2)), difflib.IS_CHARACTER_JUNK(" "), difflib.IS_LINE_JUNK("  #\n"))
print("".join(difflib.unified_diff(["x"], ["y"], lineterm="", n=0)))
print(list(difflib.unified_diff([], [])))
