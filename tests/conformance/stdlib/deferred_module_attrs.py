# recorded-with: cpython-3.13
# Threads are needed (definitions are deferred once a thread has started),
# and CPython 3.14 under WebAssembly has none. Run there with
# threading.Thread replaced by one whose start() calls the target inline,
# it prints this recording exactly.
#
# `module.name` loads the module from the globals without a reference
# count once threads exist; LOAD_ATTR reads it where it lies. Here modules
# and classes lose their other references while such loads are under way.
import gc, sys, threading, time, types, weakref

threading.Thread(target=lambda: None).start()


def settle():
    time.sleep(0.01)
    gc.collect()
    gc.collect()


def make_module(name, source):
    mod = types.ModuleType(name)
    exec(source, mod.__dict__)
    sys.modules[name] = mod
    return mod


tools = make_module("tools", """
def double(x):
    return 2 * x

def forget_module():
    g = sys_ref.modules['__main__'].__dict__
    del g['tools']
    del sys_ref.modules['tools']
    settle_ref()
    return 'forgotten'
""")
tools.sys_ref = sys
tools.settle_ref = settle


def use_tools():
    a = tools.double(21)
    b = tools.forget_module()
    return a, b


print(use_tools())
print("tools" in globals(), "tools" in sys.modules)

# A module attribute the dict lacks goes to the module's __getattr__,
# which may run anything; the module must outlive it.
lazy = make_module("lazy", """
def __getattr__(name):
    g = sys_ref.modules['__main__'].__dict__
    g.pop('lazy', None)
    sys_ref.modules.pop('lazy', None)
    settle_ref()
    return name.upper()
""")
lazy.sys_ref = sys
lazy.settle_ref = settle
w_lazy_dict = weakref.ref(lazy.__getattr__)


def use_lazy():
    return lazy.missing_name


print(use_lazy())
print("lazy" in globals())


# A class's attributes through its global: the class goes general paths.
class Config:
    level = 3

    @staticmethod
    def describe():
        global Config
        del Config
        settle()
        return "described"

    @classmethod
    def make(cls):
        return cls.level * 2


w_config = weakref.ref(Config)


def use_config():
    return Config.level, Config.make(), Config.describe()


print(use_config())
settle()
print("class freed:", w_config() is None)


# Many loads of module functions from two threads while the module's
# functions are replaced.
calc = make_module("calc", "def f(x):\n    return x + 1\n")
errors = []


def hammer():
    total = 0
    for i in range(20000):
        total += calc.f(i) - i
    if total != 20000:
        errors.append(total)


threads = [threading.Thread(target=hammer) for _ in range(2)]
for t in threads:
    t.start()
for k in range(50):
    exec("def f(x):\n    return x + 1\n", calc.__dict__)
    if k % 10 == 0:
        gc.collect()
for t in threads:
    t.join()
print("errors:", errors)
