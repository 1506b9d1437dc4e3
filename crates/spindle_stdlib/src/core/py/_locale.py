# Spindle's _locale (Python for Spindle): the C locale only.

LC_CTYPE = 0
LC_NUMERIC = 1
LC_TIME = 2
LC_COLLATE = 3
LC_MONETARY = 4
LC_MESSAGES = 5
LC_ALL = 6
CHAR_MAX = 127
CODESET = 14
D_T_FMT = 0x20028
D_FMT = 0x20029
T_FMT = 0x2002A
T_FMT_AMPM = 0x2002B
AM_STR = 0x20026
PM_STR = 0x20027
RADIXCHAR = 0x10000
THOUSEP = 0x10001
YESEXPR = 0x50000
NOEXPR = 0x50001
CRNCYSTR = 0x4000F
ERA = 0x2002C
ERA_D_FMT = 0x2002E
ALT_DIGITS = 0x2002F
ERA_D_T_FMT = 0x20030
ERA_T_FMT = 0x20031
for _i in range(7):
    globals()[f'DAY_{_i + 1}'] = 0x20007 + _i
    globals()[f'ABDAY_{_i + 1}'] = 0x20000 + _i
for _i in range(12):
    globals()[f'MON_{_i + 1}'] = 0x2001A + _i
    globals()[f'ABMON_{_i + 1}'] = 0x2000E + _i
del _i

class Error(Exception):
    pass
Error.__module__ = 'locale'

_C_NAMES = ('C', 'POSIX', '', 'C.UTF-8', 'C.utf8')

def setlocale(category, locale=None, /):
    if not isinstance(category, int) or not 0 <= category <= 6:
        raise Error('invalid locale category')
    if locale is None or locale in _C_NAMES:
        return 'C.UTF-8' if locale in ('C.UTF-8', 'C.utf8') else 'C'
    raise Error('unsupported locale setting')

def localeconv():
    return {
        'int_curr_symbol': '', 'currency_symbol': '', 'mon_decimal_point': '',
        'mon_thousands_sep': '', 'mon_grouping': [], 'positive_sign': '',
        'negative_sign': '', 'int_frac_digits': 127, 'frac_digits': 127,
        'p_cs_precedes': 127, 'p_sep_by_space': 127, 'n_cs_precedes': 127,
        'n_sep_by_space': 127, 'p_sign_posn': 127, 'n_sign_posn': 127,
        'decimal_point': '.', 'thousands_sep': '', 'grouping': [],
    }

_LANGINFO = {CODESET: 'UTF-8', RADIXCHAR: '.', THOUSEP: '', D_T_FMT: '%a %b %e %H:%M:%S %Y',
             D_FMT: '%m/%d/%y', T_FMT: '%H:%M:%S', T_FMT_AMPM: '%I:%M:%S %p', AM_STR: 'AM',
             PM_STR: 'PM', YESEXPR: '^[yY]', NOEXPR: '^[nN]', CRNCYSTR: '-', ERA: '',
             ERA_D_FMT: '', ALT_DIGITS: '', ERA_D_T_FMT: '', ERA_T_FMT: ''}
for _i, _d in enumerate(('Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday')):
    _LANGINFO[0x20007 + _i] = _d
    _LANGINFO[0x20000 + _i] = _d[:3]
for _i, _m in enumerate(('January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
                         'September', 'October', 'November', 'December')):
    _LANGINFO[0x2001A + _i] = _m
    _LANGINFO[0x2000E + _i] = _m[:3]
del _i, _d, _m

def nl_langinfo(key, /):
    try:
        return _LANGINFO[key]
    except KeyError:
        raise ValueError('unsupported langinfo constant') from None

def getencoding():
    return 'UTF-8'

def strcoll(os1, os2, /):
    return (os1 > os2) - (os1 < os2)

def strxfrm(string, /):
    return string

def gettext(msg, /):
    return msg

def dgettext(domain, msg, /):
    return msg

def dcgettext(domain, msg, category, /):
    return msg

def textdomain(domain, /):
    return domain if domain is not None else 'messages'

def bindtextdomain(domain, dir, /):
    return dir

def bind_textdomain_codeset(domain, codeset, /):
    return codeset
