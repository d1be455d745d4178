#!/usr/bin/python3
# listen.py ADDR PORT MODE [ARG]: a fixed-answer TCP listener for the pdiff
# before/after recordings (record.sh).  MODE: banner TEXT | http SERVER |
# https SERVER (self-signed cert made by record.sh in $PDIFF_CERT).
import os
import socket
import ssl
import sys
import threading

addr, port, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
arg = sys.argv[4] if len(sys.argv) > 4 else ""


def serve(c):
    try:
        if mode == "banner":
            c.sendall(arg.encode() + b"\r\n")
            while c.recv(4096):
                pass
            return
        c.settimeout(10)
        data = b""
        while b"\r\n\r\n" not in data and len(data) < 65536:
            d = c.recv(4096)
            if not d:
                break
            data += d
        body = b"<html><title>pdiff</title>pdiff</html>\n"
        c.sendall(b"HTTP/1.0 200 OK\r\nServer: " + arg.encode() +
                  b"\r\nContent-Type: text/html\r\nContent-Length: " +
                  str(len(body)).encode() + b"\r\n\r\n" + body)
    except (OSError, ssl.SSLError):
        pass
    finally:
        c.close()


s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((addr, port))
s.listen(64)
ctx = None
if mode == "https":
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(os.environ["PDIFF_CERT"])
while True:
    c, _ = s.accept()
    if ctx is not None:
        try:
            c = ctx.wrap_socket(c, server_side=True)
        except (OSError, ssl.SSLError):
            c.close()
            continue
    threading.Thread(target=serve, args=(c,), daemon=True).start()
