#!/usr/bin/python3
# listener.py COMM PROTO ADDR PORT REPLY [DEVICE] [UNIXPATH]
# A listener for pnonstd's fixtures: sets its kernel comm to COMM (escapes
# like \n allowed), binds PROTO (tcp/udp) ADDR:PORT (optionally to DEVICE
# with SO_BINDTODEVICE; ADDR may hold %zone), and answers each connection
# or datagram with REPLY: ssh, http, redis, silent or echo.
import ctypes, os, socket, sys, threading

comm, proto, addr, port, reply = sys.argv[1:6]
dev = sys.argv[6] if len(sys.argv) > 6 and sys.argv[6] else None
upath = sys.argv[7] if len(sys.argv) > 7 else None
name = comm.encode().decode('unicode_escape').encode('latin-1')
ctypes.CDLL(None).prctl(15, ctypes.c_char_p(name), 0, 0, 0)

REPLIES = {
    'ssh': b'SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n',
    'http': None,
    'redis': None,
    'silent': b'',
}

def http_answer(req):
    body = b'<html><head><title>pnonstd</title></head></html>\n'
    return (b'HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\n'
            b'Content-Type: text/html\r\nContent-Length: %d\r\n'
            b'Connection: close\r\n\r\n' % len(body)) + body

def redis_answer(req):
    if req.startswith(b'GET '):
        return b"-ERR wrong number of arguments for 'get' command\r\n"
    if b'PING' in req.upper():
        return b'+PONG\r\n'
    if b'INFO' in req.upper():
        info = b'# Server\r\nredis_version:7.0.11\r\nredis_mode:standalone\r\n'
        return b'$%d\r\n%s\r\n' % (len(info), info)
    return b"-ERR unknown command\r\n"

def serve(c):
    try:
        c.settimeout(None if reply == "silent" else 5)
        if reply == 'ssh':
            c.sendall(REPLIES['ssh'])
            c.recv(1024)
        elif reply in ('http', 'redis'):
            req = c.recv(4096)
            c.sendall(http_answer(req) if reply == 'http' else redis_answer(req))
        elif reply == 'silent':
            c.recv(1024)
    except OSError:
        pass
    finally:
        c.close()

host = addr
scope = 0
if '%' in addr:
    host, zone = addr.split('%')
    scope = socket.if_nametoindex(zone)
fam = socket.AF_INET6 if ':' in host or host == '::' else socket.AF_INET
st = socket.SOCK_STREAM if proto == 'tcp' else socket.SOCK_DGRAM
s = socket.socket(fam, st)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
if fam == socket.AF_INET6 and host == '::' and os.environ.get('V6ONLY') == '1':
    s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
if dev:
    s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, dev.encode())
s.bind((host, int(port), 0, scope) if fam == socket.AF_INET6 else (host, int(port)))
if upath:
    u = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    p = upath.encode().decode('unicode_escape')
    try:
        os.unlink(p)
    except OSError:
        pass
    u.bind(p)
    u.listen(1)
if st == socket.SOCK_STREAM:
    s.listen(16)
    while True:
        c, _ = s.accept()
        threading.Thread(target=serve, args=(c,), daemon=True).start()
else:
    while True:
        data, peer = s.recvfrom(4096)
        if reply == 'echo':
            s.sendto(data, peer)
