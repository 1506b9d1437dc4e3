# Pins: multiprocessing.shared_memory over _posixshmem.shm_open and mmap: create, attach by name, a child process under 'spawn' writing into the block, ShareableList (struct.pack_into a memoryview of the map), close/unlink, and shm_open/shm_unlink errors.
# recorded-with: cpython-3.13
# (Recorded natively: the WebAssembly 3.14 cannot start processes. Names 'spawn' because 3.14's default start method on Linux is 'forkserver'.)
import multiprocessing as mp
import os
import _posixshmem
from multiprocessing import shared_memory


def child_write(name):
    shm = shared_memory.SharedMemory(name)
    shm.buf[:5] = b"child"
    shm.close()


def child_list(sl):
    sl[0] = sl[0] * 2
    sl[2] = "xyz"
    sl.shm.close()


if __name__ == '__main__':
    ctx = mp.get_context('spawn')
    shm = shared_memory.SharedMemory(create=True, size=32)
    print(shm.size >= 32, type(shm.buf).__name__, len(shm.buf) >= 32, bytes(shm.buf[:4]))
    shm.buf[:5] = b"hello"
    other = shared_memory.SharedMemory(shm.name)
    print(bytes(other.buf[:5]))
    other.close()
    p = ctx.Process(target=child_write, args=(shm.name,))
    p.start()
    p.join()
    print(p.exitcode, bytes(shm.buf[:5]))
    shm.close()
    shm.unlink()
    try:
        shared_memory.SharedMemory(shm.name)
    except FileNotFoundError as e:
        print("FileNotFoundError:", e.strerror)

    sl = shared_memory.ShareableList([21, 2.5, "abc", b"xy", None, True])
    print(list(sl), sl.format)
    p = ctx.Process(target=child_list, args=(sl,))
    p.start()
    p.join()
    print(p.exitcode, list(sl), sl.count(42), sl.index("xyz"))
    sl.shm.close()
    sl.shm.unlink()

    name = f"/spindle-shm-{os.getpid()}"
    fd = _posixshmem.shm_open(name, os.O_CREAT | os.O_EXCL | os.O_RDWR, mode=0o600)
    try:
        _posixshmem.shm_open(name, os.O_CREAT | os.O_EXCL | os.O_RDWR)
    except FileExistsError as e:
        print("FileExistsError:", e.strerror, e.filename == name)
    os.close(fd)
    _posixshmem.shm_unlink(name)
    try:
        _posixshmem.shm_unlink(name)
    except FileNotFoundError as e:
        print("FileNotFoundError:", e.strerror, e.filename == name)
    for bad in ((b"/x", 0), ("/x\0", 0)):
        try:
            _posixshmem.shm_open(*bad)
        except (TypeError, ValueError) as e:
            print(type(e).__name__ + ":", e)
