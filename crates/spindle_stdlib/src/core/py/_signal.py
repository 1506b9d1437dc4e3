# Spindle's _signal (Python for Spindle): the handler table and constants.
# The OS side is _spindle_signal: the C handler records a signal and the
# runtime (spindle_vm::signals) calls the handler from _handlers on the main
# thread at its next safepoint, or when a blocking call is interrupted.

import _spindle_signal
from _spindle_signal import set_wakeup_fd, raise_signal, alarm, pause, pthread_kill, _set

SIG_DFL = 0
SIG_IGN = 1
NSIG = 65
SIG_BLOCK = 0
SIG_UNBLOCK = 1
SIG_SETMASK = 2
ITIMER_REAL = 0
ITIMER_VIRTUAL = 1
ITIMER_PROF = 2

SIGHUP = 1
SIGINT = 2
SIGQUIT = 3
SIGILL = 4
SIGTRAP = 5
SIGABRT = 6
SIGIOT = 6
SIGBUS = 7
SIGFPE = 8
SIGKILL = 9
SIGUSR1 = 10
SIGSEGV = 11
SIGUSR2 = 12
SIGPIPE = 13
SIGALRM = 14
SIGTERM = 15
SIGSTKFLT = 16
SIGCHLD = 17
SIGCONT = 18
SIGSTOP = 19
SIGTSTP = 20
SIGTTIN = 21
SIGTTOU = 22
SIGURG = 23
SIGXCPU = 24
SIGXFSZ = 25
SIGVTALRM = 26
SIGPROF = 27
SIGWINCH = 28
SIGIO = 29
SIGPOLL = 29
SIGPWR = 30
SIGSYS = 31
SIGRTMIN = 34
SIGRTMAX = 64

class ItimerError(OSError):
    pass
ItimerError.__module__ = 'signal'

def default_int_handler(signalnum, frame, /):
    raise KeyboardInterrupt

_handlers = {n: SIG_DFL for n in range(1, NSIG)}
_handlers[SIGINT] = default_int_handler
_handlers[SIGPIPE] = SIG_IGN
_handlers[SIGXFSZ] = SIG_IGN

def _check(signalnum):
    if not isinstance(signalnum, int):
        raise TypeError(f"'{type(signalnum).__name__}' object cannot be interpreted as an integer")
    if not 1 <= signalnum < NSIG:
        raise ValueError('signal number out of range')
    return int(signalnum)

def signal(signalnum, handler, /):
    signalnum = _check(signalnum)
    if handler not in (SIG_DFL, SIG_IGN) and not callable(handler):
        raise TypeError('signal handler must be signal.SIG_IGN, signal.SIG_DFL, or a callable object')
    if signalnum in (SIGKILL, SIGSTOP):
        raise OSError(22, 'Invalid argument')
    old = _handlers.get(signalnum, SIG_DFL)
    _set(signalnum, 0 if handler == SIG_DFL else 1 if handler == SIG_IGN else 2)
    _handlers[signalnum] = handler
    return old

def getsignal(signalnum, /):
    return _handlers.get(_check(signalnum), SIG_DFL)


def siginterrupt(signalnum, flag, /):
    _check(signalnum)

def valid_signals():
    return set(range(1, NSIG)) - {32, 33}

def strsignal(signalnum, /):
    _check(signalnum)
    return _NAMES.get(signalnum)

_NAMES = {SIGHUP: 'Hangup', SIGINT: 'Interrupt', SIGQUIT: 'Quit', SIGILL: 'Illegal instruction',
          SIGTRAP: 'Trace/breakpoint trap', SIGABRT: 'Aborted', SIGBUS: 'Bus error',
          SIGFPE: 'Floating point exception', SIGKILL: 'Killed', SIGUSR1: 'User defined signal 1',
          SIGSEGV: 'Segmentation fault', SIGUSR2: 'User defined signal 2', SIGPIPE: 'Broken pipe',
          SIGALRM: 'Alarm clock', SIGTERM: 'Terminated', SIGCHLD: 'Child exited',
          SIGCONT: 'Continued', SIGSTOP: 'Stopped (signal)', SIGTSTP: 'Stopped',
          SIGWINCH: 'Window changed'}

def pthread_sigmask(how, mask, /):
    return set(_spindle_signal._pthread_sigmask(how, mask))

def sigpending():
    return set(_spindle_signal._sigpending())

def sigwait(sigset, /):
    return _spindle_signal._sigwait(sigset)

def setitimer(which, seconds, interval=0.0, /):
    try:
        return _spindle_signal._setitimer(which, seconds, interval)
    except OSError as e:
        raise ItimerError(*e.args) from None

def getitimer(which, /):
    try:
        return _spindle_signal._getitimer(which)
    except OSError as e:
        raise ItimerError(*e.args) from None


