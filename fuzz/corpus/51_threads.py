import threading
results = []
lock = threading.Lock()
def work(n):
    s = sum(i * i for i in range(n))
    with lock:
        results.append(s)
ts = [threading.Thread(target=work, args=(k * 100,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results), threading.active_count() >= 1)
local = threading.local(); local.x = 1; print(local.x)
ev = threading.Event(); threading.Thread(target=ev.set).start(); print(ev.wait(5))
