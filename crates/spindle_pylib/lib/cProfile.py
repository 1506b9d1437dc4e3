"""Python interface for the 'lsprof' profiler.

   Compatible with the 'profile' module.
"""
# Spindle's own cProfile (the pinned Lib lacks this file): the same
# interface as CPython 3.14's, over the native `_lsprof.Profiler`.

__all__ = ["run", "runctx", "Profile"]

import _lsprof
import importlib.machinery
import importlib.util
import io
import profile as _pyprofile


def run(statement, filename=None, sort=-1):
    return _pyprofile._Utils(Profile).run(statement, filename, sort)


def runctx(statement, globals, locals, filename=None, sort=-1):
    return _pyprofile._Utils(Profile).runctx(statement, globals, locals,
                                             filename, sort)


run.__doc__ = _pyprofile.run.__doc__
runctx.__doc__ = _pyprofile.runctx.__doc__


class Profile(_lsprof.Profiler):
    """Profile(timer=None, timeunit=None, subcalls=True, builtins=True)

    Builds a profiler object using the specified timer function.
    The default timer is a fast built-in one based on real time.
    For custom timer functions returning integers, timeunit can
    be a float specifying a scale (i.e. how long each integer unit
    is, in seconds).
    """

    def print_stats(self, sort=-1):
        import pstats
        if not isinstance(sort, tuple):
            sort = (sort,)
        pstats.Stats(self).strip_dirs().sort_stats(*sort).print_stats()

    def dump_stats(self, file):
        import marshal
        with open(file, 'wb') as f:
            self.create_stats()
            marshal.dump(self.stats, f)

    def create_stats(self):
        self.disable()
        self.snapshot_stats()

    def snapshot_stats(self):
        """Turns getstats() into the dict pstats reads: for each function,
        (primitive calls, calls, inline time, total time, callers)."""
        entries = self.getstats()
        self.stats = {}
        callers_of = {}
        for entry in entries:
            func = label(entry.code)
            callers = {}
            callers_of[id(entry.code)] = callers
            self.stats[func] = (entry.callcount - entry.reccallcount, entry.callcount,
                                entry.inlinetime, entry.totaltime, callers)
        for entry in entries:
            if not entry.calls:
                continue
            caller = label(entry.code)
            for sub in entry.calls:
                callers = callers_of.get(id(sub.code))
                if callers is None:
                    continue
                row = (sub.callcount, sub.callcount - sub.reccallcount,
                       sub.inlinetime, sub.totaltime)
                if caller in callers:
                    row = tuple(a + b for a, b in zip(row, callers[caller]))
                callers[caller] = row

    def run(self, cmd):
        import __main__
        namespace = __main__.__dict__
        return self.runctx(cmd, namespace, namespace)

    def runctx(self, cmd, globals, locals):
        self.enable()
        try:
            exec(cmd, globals, locals)
        finally:
            self.disable()
        return self

    def runcall(self, func, /, *args, **kw):
        self.enable()
        try:
            return func(*args, **kw)
        finally:
            self.disable()

    def __enter__(self):
        self.enable()
        return self

    def __exit__(self, *exc_info):
        self.disable()


def label(code):
    """The (file, line, name) key pstats uses; builtins are ('~', 0, name)."""
    if isinstance(code, str):
        return ('~', 0, code)
    return (code.co_filename, code.co_firstlineno, code.co_name)


def main():
    import os
    import sys
    import runpy
    import pstats
    from optparse import OptionParser

    usage = "cProfile.py [-o output_file_path] [-s sort] [-m module | scriptfile] [arg] ..."
    parser = OptionParser(usage=usage)
    parser.allow_interspersed_args = False
    parser.add_option('-o', '--outfile', dest="outfile",
                      help="Save stats to <outfile>", default=None)
    parser.add_option('-s', '--sort', dest="sort",
                      help="Sort order when printing to stdout, based on pstats.Stats class",
                      default=2,
                      choices=sorted(pstats.Stats.sort_arg_dict_default))
    parser.add_option('-m', dest="module", action="store_true",
                      help="Profile a library module", default=False)

    if not sys.argv[1:]:
        parser.print_usage()
        sys.exit(2)

    options, args = parser.parse_args()
    sys.argv[:] = args

    # The profiled program may change directory: fix the output path now.
    if options.outfile is not None:
        options.outfile = os.path.abspath(options.outfile)

    if not args:
        parser.print_usage()
        return parser

    if options.module:
        code = "run_module(modname, run_name='__main__', alter_sys=True)"
        globs = {'run_module': runpy.run_module, 'modname': args[0]}
    else:
        progname = args[0]
        sys.path.insert(0, os.path.dirname(progname))
        with io.open_code(progname) as fp:
            code = compile(fp.read(), progname, 'exec')
        spec = importlib.machinery.ModuleSpec(name='__main__', loader=None,
                                              origin=progname)
        module = importlib.util.module_from_spec(spec)
        # `import __main__` in the program finds the namespace it runs in.
        sys.modules['__main__'] = module
        globs = module.__dict__
        globs.update({
            '__spec__': spec,
            '__file__': spec.origin,
            '__name__': spec.name,
            '__package__': None,
            '__cached__': None,
        })
    try:
        runctx(code, globs, None, options.outfile, options.sort)
    except BrokenPipeError as exc:
        # No "Exception ignored" at shutdown for a closed pipe.
        sys.stdout = None
        sys.exit(exc.errno)
    return parser


if __name__ == '__main__':
    main()
