# Regenerate syntax_errors.txt with: ../../../../../shared/tools/python3.14 gen_syntax_errors.py > syntax_errors.txt
# Each case is separated by a line '#---'; output lines: repr(source) TAB kind TAB msg TAB lineno TAB offset TAB end_lineno TAB end_offset
CASES = open(__file__.replace("gen_syntax_errors.py", "syntax_error_cases.txt")).read().split("\n#---\n")
for src in CASES:
    if not src.strip():
        continue
    try:
        compile(src, "<case>", "exec")
        print(repr(src), "OK", sep="\t")
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, sep="\t")
