# Pins: deterministic bits of locale (C locale conventions, setlocale query, normalize, format_string/currency-free str/atof/atoi, strxfrm/strcoll in C), platform (python_version/implementation formats) and sysconfig (path names, config var types).
# timeout: 30
import locale, platform, sysconfig, sys
print(locale.setlocale(locale.LC_NUMERIC) in ("C", "C.UTF-8", "C.utf8"))
locale.setlocale(locale.LC_ALL, "C")
conv = locale.localeconv()
print(conv["decimal_point"], repr(conv["thousands_sep"]), conv["grouping"], repr(conv["currency_symbol"]), conv["int_frac_digits"])
print(locale.format_string("%.2f", 1234567.891), locale.format_string("%d items", 1234567, grouping=True), locale.format_string("%s-%d", ("a", 5)))
print(locale.str(3.5), locale.atof("1234.5"), locale.atoi("42"), locale.delocalize("1234.50"), locale.localize("1234.5"))
print(locale.strcoll("a", "b") < 0, locale.strcoll("b", "a") > 0, locale.strcoll("a", "a"), locale.strxfrm("abc") == "abc", sorted(["b", "A", "a", "B"], key=locale.strxfrm))
print(locale.normalize("en_US"), locale.normalize("de_DE.utf8"), locale.normalize("C"), locale.normalize("fr"))
print(locale.getpreferredencoding(False).lower().replace("-", "") in ("utf8", "ansi_x3.41968", "ascii"), locale.getencoding().lower().replace("-", "") in ("utf8", "ansi_x3.41968", "ascii"))
print(issubclass(locale.Error, Exception), locale.LC_ALL != locale.LC_CTYPE, locale.CHAR_MAX)
print(platform.python_version() == "%d.%d.%d" % sys.version_info[:3], platform.python_version_tuple()[:2], platform.python_implementation() in ("CPython", "Spindle", "PyPy"))
print(isinstance(platform.python_compiler(), str), len(platform.python_build()), isinstance(platform.system(), str), isinstance(platform.machine(), str))
print(type(platform.uname()).__name__, len(platform.uname()), isinstance(platform.platform(), str), isinstance(platform.architecture(), tuple))
print(sorted(sysconfig.get_path_names()))
print(isinstance(sysconfig.get_python_version(), str), sysconfig.get_python_version() == "%d.%d" % sys.version_info[:2])
print(sysconfig.get_config_var("NOT_A_VAR_AT_ALL"), type(sysconfig.get_config_vars()).__name__, "stdlib" in sysconfig.get_path_names(), sysconfig.get_default_scheme() in sysconfig.get_scheme_names())
print(isinstance(sysconfig.get_platform(), str), sysconfig.get_config_var("py_version_nodot") == "%d%d" % sys.version_info[:2])
try:
    sysconfig.get_path("nonexistent_path_name")
except KeyError as e:
    print("KeyError", e)
