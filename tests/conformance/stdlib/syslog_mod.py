# Pins: syslog: openlog/syslog/closelog/setlogmask through libc (LOG_PERROR copies each message to stderr as "ident: message"), the default ident from sys.argv[0], LOG_MASK/LOG_UPTO, the constants, and CPython's argument errors.
# recorded-with: cpython-3.13
# (Native 3.13.0 because CPython 3.14 under WebAssembly has no syslog module; 3.14's syslog is the same.)
import sys
import syslog


def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", r)
    except Exception as e:
        print(type(e).__name__, e)


for name in sorted(n for n in dir(syslog) if n.startswith('LOG_')):
    v = getattr(syslog, name)
    if isinstance(v, int):
        print(name, v)
print(syslog.LOG_MASK(3), syslog.LOG_UPTO(3), syslog.LOG_UPTO(syslog.LOG_DEBUG))
syslog.openlog('myident', syslog.LOG_PERROR)
syslog.syslog('hello')
sys.stderr.flush()
syslog.syslog(syslog.LOG_ERR, 'err msg')
old = syslog.setlogmask(syslog.LOG_UPTO(syslog.LOG_ERR))
print(old)
syslog.syslog('masked')
syslog.syslog(syslog.LOG_ERR, 'shown')
print(syslog.setlogmask(old) == syslog.LOG_UPTO(syslog.LOG_ERR))
syslog.closelog()
sys.argv[0] = '/some/dir/prog.py'
syslog.openlog(logoption=syslog.LOG_PERROR)
syslog.syslog('with the default ident')
syslog.closelog()
syslog.openlog('pid-less', syslog.LOG_PERROR, syslog.LOG_LOCAL0)
syslog.syslog(syslog.LOG_WARNING, 'a warning')
syslog.closelog()
t(syslog.syslog, 1)
t(syslog.syslog, 'a', 'b', 'c')
t(syslog.syslog, 1, 2)
t(syslog.syslog, 'a\0b')
t(syslog.openlog, 5)
t(syslog.openlog, ident=5)
t(syslog.openlog, 'x', 'y')
t(syslog.setlogmask)
t(syslog.LOG_MASK, 'x')
t(syslog.closelog, 1)
