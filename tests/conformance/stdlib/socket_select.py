# Pins: _socket/select over real descriptors: socketpair send/recv/recv_into, timeouts (TimeoutError 'timed out'), setblocking/BlockingIOError, makefile, TCP loopback server in a thread, select/poll/epoll readiness, address helpers, error types and messages, subprocess through _posixsubprocess, sendmsg/recvmsg with SCM_RIGHTS.
# recorded-with: cpython-3.13
import socket, select, threading, subprocess, sys, errno

a, b = socket.socketpair()
print(a.family, a.type, a.proto, a.gettimeout(), a.getblocking())
a.sendall(b"hello world")
print(b.recv(5), b.recv(100))
buf = bytearray(8)
a.send(b"xyz")
print(b.recv_into(buf), buf)
mv = memoryview(bytearray(4))
a.send(b"1234")
print(b.recv_into(mv, 2), bytes(mv))
print(b.recv(10))
b.settimeout(0.05)
print(b.gettimeout(), b.getblocking(), b.timeout)
try:
    b.recv(1)
except TimeoutError as e:
    print("TimeoutError", e, e.args, isinstance(e, socket.timeout), isinstance(e, OSError))
b.setblocking(False)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(1)
except BlockingIOError as e:
    print("BlockingIOError", e.errno == errno.EAGAIN)
b.setblocking(True)
print(b.gettimeout())

# select / poll / epoll
print(select.select([b], [], [], 0))
a.send(b"!")
r, w, x = select.select([b, a], [a], [], 1.0)
print(r == [b], w == [a], x)
p = select.poll()
p.register(b, select.POLLIN)
p.register(a.fileno(), select.POLLOUT)
print(sorted((fd == b.fileno(), ev) for fd, ev in p.poll(100)))
p.unregister(a)
try:
    p.unregister(a)
except KeyError:
    print("KeyError on second unregister")
try:
    p.modify(a, select.POLLIN)
except FileNotFoundError as e:
    print("modify unregistered:", type(e).__name__)
print(b.recv(1))
with select.epoll() as ep:
    ep.register(b.fileno(), select.EPOLLIN)
    print(ep.poll(0))
    a.send(b"?")
    print([(fd == b.fileno(), ev) for fd, ev in ep.poll(1)])
    ep.modify(b.fileno(), select.EPOLLOUT)
    print([(fd == b.fileno(), ev) for fd, ev in ep.poll(1)])
print(ep.closed)
try:
    ep.poll(0)
except ValueError as e:
    print("ValueError", e)
print(b.recv(1))

# makefile
wf = a.makefile("wb")
rf = b.makefile("rb")
wf.write(b"line one\nline two\n")
wf.flush()
print(rf.readline(), rf.readline())
wf.close(); rf.close()
a.shutdown(socket.SHUT_WR)
print(b.recv(10))
a.close(); b.close()
print(a.fileno(), "[closed]" in repr(a))
try:
    a.send(b"x")
except OSError as e:
    print("OSError", e.errno == errno.EBADF, e.strerror)

# TCP loopback
srv = socket.create_server(("127.0.0.1", 0))
host, port = srv.getsockname()
print(host, port > 0, srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
peers = []
def serve():
    conn, addr = srv.accept()
    with conn:
        peers.append(addr[0])
        while data := conn.recv(1024):
            conn.sendall(data.upper())
t = threading.Thread(target=serve)
t.start()
with socket.create_connection((host, port), timeout=5) as c:
    c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    print(c.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
    print(c.getpeername() == (host, port))
    c.sendall(b"ping " * 3)
    got = b""
    while len(got) < 15:
        got += c.recv(100)
    print(got)
t.join()
print("server got peer", peers)
srv.close()
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
print(s.connect_ex(("127.0.0.1", port)) == errno.ECONNREFUSED)
s.close()

# UDP
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2.sendto(b"datagram", u1.getsockname())
data, addr = u1.recvfrom(100)
print(data, addr[1] == u2.getsockname()[1])
u1.close(); u2.close()

# helpers
print(socket.inet_aton("127.0.0.1"), socket.inet_aton("10.1"), socket.inet_ntoa(b"\xc0\xa8\x01\x02"))
print(socket.inet_pton(socket.AF_INET6, "::1").hex(), socket.inet_ntop(socket.AF_INET6, bytes(15) + b"\x01"))
print(socket.inet_ntop(socket.AF_INET, b"\x01\x02\x03\x04"), socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(1 << 24))
for bad in [lambda: socket.inet_aton("1.2.3.4.5"), lambda: socket.inet_ntoa(b"\x00"),
            lambda: socket.inet_pton(socket.AF_INET, "nope"), lambda: socket.inet_ntop(socket.AF_INET, b"12"),
            lambda: socket.htons(-1), lambda: socket.socket().bind(("127.0.0.1", 70000)),
            lambda: socket.socket().bind("x"), lambda: socket.socket().settimeout(-1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo(None, "80", socket.AF_INET6, socket.SOCK_DGRAM, 0, socket.AI_PASSIVE)[0][4])
print(socket.gethostbyname("127.0.0.1"), socket.getnameinfo(("127.0.0.1", 80), socket.NI_NUMERICHOST | socket.NI_NUMERICSERV))
try:
    socket.getaddrinfo("host.invalid", 80)
except socket.gaierror as e:
    print("gaierror", type(e).__module__, issubclass(socket.gaierror, OSError))
print(socket.AF_INET, repr(socket.SOCK_STREAM), socket.has_ipv6, socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
with socket.socket() as s:
    print(s.gettimeout())
socket.setdefaulttimeout(None)
print(isinstance(socket.gethostname(), str), socket.SocketType is socket._socket.socket)

# subprocess
r = subprocess.run([sys.executable, "-c", "import sys; print('child', sys.argv[1:]); sys.exit(3)", "x"], capture_output=True, text=True)
print(r.returncode, r.stdout, r.stderr)
print(subprocess.check_output("echo $((6*7))", shell=True))
try:
    subprocess.run(["/nonexistent/prog"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.filename, e.strerror)
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.communicate(b"through cat"), p.returncode)

# sendmsg / recvmsg, passing descriptors (SCM_RIGHTS)
import os
a, b = socket.socketpair()
r, w = os.pipe()
print(socket.CMSG_LEN(4), socket.CMSG_SPACE(4), socket.CMSG_SPACE(0))
print(socket.send_fds(a, [b"with fds"], [r, w]))
msg, fds, flags, addr = socket.recv_fds(b, 100, 4)
print(msg, len(fds), flags, addr)
os.write(fds[1], b"via passed fd")
print(os.read(r, 100))
print(a.sendmsg([b"one ", memoryview(b"two")]), b.recvmsg(100))
try:
    socket.CMSG_LEN(-1)
except OverflowError as e:
    print("OverflowError", e)
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u1.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.sendmsg([b"dgram"], [], 0, u1.getsockname())
d, anc, fl, ad = u1.recvmsg(100)
print(d, anc, fl, ad[0])
for f in fds + [r, w]:
    os.close(f)
a.close(); b.close(); u1.close(); u2.close()
