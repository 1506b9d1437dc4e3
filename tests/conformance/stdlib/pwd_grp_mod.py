# Pins: pwd and grp: lookups by id and name agree with os.getuid()/getgid(), struct_passwd/struct_group fields, reprs and constructor errors, getpwall/getgrall, and CPython's KeyError/TypeError/ValueError/OverflowError messages.
# recorded-with: cpython-3.13
# (Native 3.13.0 because CPython 3.14 under WebAssembly has no pwd or grp; 3.14's messages for these calls are unchanged.)
import grp
import os
import pwd


def t(f, *a, **k):
    try:
        r = f(*a, **k)
        print("ok", type(r).__name__)
    except Exception as e:
        print(type(e).__name__, e)


me = pwd.getpwuid(os.getuid())
print(me.pw_uid == os.getuid(), me[2] == os.getuid(), type(me.pw_name), type(me.pw_dir), type(me.pw_shell))
print(pwd.getpwnam(me.pw_name) == me, len(me), me.n_fields, me.n_sequence_fields, me.n_unnamed_fields)
print(pwd.struct_passwd.__module__, pwd.struct_passwd.__name__, pwd.struct_passwd.__doc__.splitlines()[0])
print(pwd.struct_passwd.__match_args__)
all_users = pwd.getpwall()
print(type(all_users), all(type(p) is pwd.struct_passwd for p in all_users), me in all_users)
fixed = pwd.struct_passwd(('alice', 'x', 1000, 100, 'Alice', '/home/alice', '/bin/sh'))
print(fixed)
print(fixed.pw_gecos, fixed[-1], fixed[1:3], isinstance(fixed, tuple))
name, pw, uid, gid, gecos, home, shell = fixed
print(name, uid, home)
t(pwd.struct_passwd, (1, 2))
t(pwd.getpwuid, uid=0)
t(pwd.getpwuid)
t(pwd.getpwuid, 1, 2)
t(pwd.getpwall, 1)
t(pwd.getpwnam, 1)
t(pwd.getpwnam, 'a\0b')
t(pwd.getpwnam, 'no such user here')
t(pwd.getpwuid, -2)
t(pwd.getpwuid, 2**40)
t(pwd.getpwuid, 1.5)
t(pwd.getpwuid, 'x')
t(pwd.getpwuid, 54321)
t(pwd.getpwuid, -1)

g = grp.getgrgid(os.getgid())
print(g.gr_gid == os.getgid(), type(g.gr_name), type(g.gr_mem), len(g), g.n_fields)
print(grp.getgrnam(g.gr_name) == g, grp.getgrgid(id=os.getgid()) == g, grp.getgrnam(name=g.gr_name) == g)
groups = grp.getgrall()
print(type(groups), all(type(x) is grp.struct_group for x in groups), g in groups)
print(grp.struct_group(('staff', '*', 50, ['ann', 'bob'])))
print(grp.struct_group.__module__, grp.struct_group.__name__, grp.struct_group.__doc__.splitlines()[0])
t(grp.getgrgid, 54321)
t(grp.getgrgid, -2)
t(grp.getgrgid, 2**40)
t(grp.getgrgid, -1)
t(grp.getgrgid, 'x')
t(grp.getgrgid)
t(grp.getgrnam, 'no such group here')
t(grp.getgrnam, b'root')
t(grp.getgrnam, 'a\0b')
t(grp.getgrall, 1)
print(pwd.__doc__.splitlines()[0])
print(grp.__doc__.splitlines()[0])
