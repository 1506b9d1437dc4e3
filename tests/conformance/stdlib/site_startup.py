# The site module runs at start-up (no -S): exit/quit/help/copyright/credits/license exist as CPython's _sitebuiltins objects, and sys.path[0] is the script folder.
import sys, os
print("site" in sys.modules, sys.flags.no_site)
print(repr(exit), repr(quit))
print(type(exit).__name__, type(help).__name__, type(copyright).__name__, type(credits).__name__, type(license).__name__)
print(repr(help)[:40])
print(sys.path[0] == os.path.dirname(os.path.abspath(__file__)))
import site
print(callable(site.addsitedir), isinstance(site.ENABLE_USER_SITE, (bool, type(None))))
try:
    exit(3)
except SystemExit as e:
    print("SystemExit", e.code)
try:
    quit()
except SystemExit as e:
    print("SystemExit", e.code)
