# Pins: container reprs guard against self-reference ([...]), but a __repr__ that calls repr(self) recurses until an uncaught RecursionError; traceback collapses repeats with "[Previous line repeated N more times]".
import sys
sys.setrecursionlimit(120)
class Node:
    def __init__(self):
        self.children = []
    def __repr__(self):
        return f"Node({self.children!r})"
root = Node()
root.children.append(root)
print("guarded:", repr(root))
class Loop:
    def __repr__(self):
        return "Loop<" + repr(self) + ">"
print("about to repr Loop")
print(repr(Loop()))
