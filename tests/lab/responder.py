#!/usr/bin/python3
# Tiny protocol responders for the portkit scan lab (tests/lab/lab.sh).
#
#   responder.py tcp ADDR PORT banner TEXT   send TEXT + CRLF on connect, then drain
#   responder.py tcp ADDR PORT silent        accept, never answer
#   responder.py tcp ADDR PORT redis         RESP replies: PING -> +PONG,
#                                            INFO -> redis_version, else -ERR
#   responder.py tcp ADDR PORT http          HTTP/1.0 200 with a fixed page
#                                            (Server: nginx/1.22.1, which nmap knows)
#   responder.py tcp ADDR PORT https CERT KEY  same page over TLS
#   responder.py udp ADDR PORT echo          send every datagram back
#   responder.py udp ADDR PORT silent        read datagrams, never answer
#   responder.py client ADDR PORT            connect and hold the connection
#
# ADDR may be "::" (dual stack), an IPv4 or IPv6 literal, or "fe80::1%eth0".
# The replies are fixed so that nmap -sV gives the same answer on every run.
import socket
import ssl
import sys
import threading
import time

PAGE = (b"<html><head><title>portkit lab</title></head>"
        b"<body>portkit lab</body></html>\n")


def sockaddr(addr, port, kind):
    info = socket.getaddrinfo(addr, port, 0, kind)
    return info[0][0], info[0][4]


def make_socket(addr, port, kind):
    fam, sa = sockaddr(addr, port, kind)
    s = socket.socket(fam, kind)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if fam == socket.AF_INET6:
        # "::" listens dual stack so ss shows the *:PORT form.
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY,
                     0 if addr == "::" else 1)
    s.bind(sa)
    return s


def drain(c):
    # No timeout: the held client connections of the nonstd lab must stay
    # ESTABLISHED for the ss and lsof dumps.
    c.settimeout(None)
    try:
        while c.recv(4096):
            pass
    except OSError:
        pass


def redis_reply(data):
    low = data.lower()
    if b"ping" in low:
        return b"+PONG\r\n"
    if b"info" in low:
        body = (b"# Server\r\nredis_version:7.0.11\r\n"
                b"redis_mode:standalone\r\nos:Linux\r\n")
        return b"$%d\r\n%s\r\n" % (len(body), body)
    if low.startswith(b"get "):
        return b"-ERR wrong number of arguments for 'get' command\r\n"
    return b"-ERR unknown command\r\n"


def serve_redis(c):
    c.settimeout(30)
    try:
        while True:
            data = c.recv(4096)
            if not data:
                return
            c.sendall(redis_reply(data))
    except OSError:
        pass


def serve_http(c):
    c.settimeout(10)
    try:
        req = b""
        while b"\r\n\r\n" not in req and b"\n\n" not in req:
            chunk = c.recv(4096)
            if not chunk:
                break
            req += chunk
        head = (b"HTTP/1.0 200 OK\r\nServer: nginx/1.22.1\r\n"
                b"Content-Type: text/html\r\nContent-Length: %d\r\n"
                b"\r\n" % len(PAGE))
        c.sendall(head + (b"" if req.startswith(b"HEAD") else PAGE))
    except OSError:
        pass


def handle(c, mode, args, ctx):
    try:
        if ctx is not None:
            c = ctx.wrap_socket(c, server_side=True)
        if mode == "banner":
            c.sendall(args[0].encode() + b"\r\n")
            drain(c)
        elif mode == "silent":
            drain(c)
        elif mode == "redis":
            serve_redis(c)
        elif mode in ("http", "https"):
            serve_http(c)
    except OSError:
        pass
    finally:
        c.close()


def run_tcp(addr, port, mode, args):
    ctx = None
    if mode == "https":
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(args[0], args[1])
    s = make_socket(addr, port, socket.SOCK_STREAM)
    s.listen(64)
    while True:
        c, _ = s.accept()
        threading.Thread(target=handle, args=(c, mode, args, ctx),
                         daemon=True).start()


def run_udp(addr, port, mode):
    s = make_socket(addr, port, socket.SOCK_DGRAM)
    while True:
        data, peer = s.recvfrom(65535)
        if mode == "echo":
            s.sendto(data, peer)


def run_client(addr, port):
    fam, sa = sockaddr(addr, port, socket.SOCK_STREAM)
    s = socket.socket(fam, socket.SOCK_STREAM)
    s.connect(sa)
    while True:
        time.sleep(3600)


def main(argv):
    if argv[1] == "client":
        run_client(argv[2], int(argv[3]))
    elif argv[1] == "udp":
        run_udp(argv[2], int(argv[3]), argv[4])
    else:
        run_tcp(argv[2], int(argv[3]), argv[4], argv[5:])


if __name__ == "__main__":
    main(sys.argv)
