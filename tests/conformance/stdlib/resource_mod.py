# Pins: resource: getrlimit/setrlimit/prlimit round trips, struct_rusage fields and types, constants, resource.error is OSError, and CPython's argument errors.
# recorded-with: cpython-3.13
# (Native 3.13.0 because CPython 3.14 under WebAssembly has no resource module; 3.14 differs only in converting limits, not exercised here.)
import os
import resource


def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)


print(resource.error is OSError, resource.RLIM_INFINITY)
for name in ['RLIMIT_CPU', 'RLIMIT_FSIZE', 'RLIMIT_DATA', 'RLIMIT_STACK', 'RLIMIT_CORE', 'RLIMIT_NOFILE',
             'RLIMIT_OFILE', 'RLIMIT_AS', 'RLIMIT_RSS', 'RLIMIT_NPROC', 'RLIMIT_MEMLOCK', 'RLIMIT_MSGQUEUE',
             'RLIMIT_NICE', 'RLIMIT_RTPRIO', 'RLIMIT_RTTIME', 'RLIMIT_SIGPENDING',
             'RUSAGE_SELF', 'RUSAGE_CHILDREN', 'RUSAGE_THREAD']:
    print(name, getattr(resource, name))
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
print(type(soft), type(hard), soft <= hard or hard == resource.RLIM_INFINITY)
resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
print(resource.getrlimit(resource.RLIMIT_NOFILE) == (soft, hard))
core = resource.getrlimit(resource.RLIMIT_CORE)
resource.setrlimit(resource.RLIMIT_CORE, [0, core[1]])
print(resource.getrlimit(resource.RLIMIT_CORE)[0])
print(resource.prlimit(0, resource.RLIMIT_CORE) == (0, core[1]))
print(resource.prlimit(os.getpid(), resource.RLIMIT_CORE, (0, core[1])) == (0, core[1]))
r = resource.getrusage(resource.RUSAGE_SELF)
print(type(r).__name__, type(r).__module__, len(r), r.n_fields, type(r.ru_utime), type(r.ru_stime), type(r.ru_maxrss))
print(r.ru_utime >= 0, r[0] == r.ru_utime, type(resource.getrusage(resource.RUSAGE_CHILDREN)).__name__)
print(resource.struct_rusage(tuple(range(16))))
print(resource.struct_rusage.__doc__.splitlines()[0])
print(resource.getpagesize() > 0, resource.getpagesize() % 1024)
t(resource.getrlimit)
t(resource.getrlimit, 1, 2)
t(resource.getrlimit, resource=1)
t(resource.getrlimit, 100)
t(resource.getrlimit, -1)
t(resource.getrlimit, 2**40)
t(resource.getrlimit, 1.0)
t(resource.setrlimit, 1)
t(resource.setrlimit, 100, (1, 2))
t(resource.setrlimit, resource.RLIMIT_CORE, (1,))
t(resource.setrlimit, resource.RLIMIT_CORE, 5)
t(resource.setrlimit, resource.RLIMIT_CORE, (1.5, 2))
t(resource.setrlimit, resource.RLIMIT_CORE, (2, 1))
t(resource.getrusage, 5)
t(resource.getrusage, 'x')
t(resource.getrusage)
t(resource.prlimit, 0)
t(resource.prlimit, 0, 100)
t(resource.prlimit, 'x', 1)
t(resource.prlimit, 0, resource.RLIMIT_CORE, (2, 1))
t(resource.getpagesize, 1)
t(resource.struct_rusage, (1, 2))
