#!/usr/bin/python3
# gen_pairs.py DIR N SEED: write N before/after pairs of Nmap-like XML
# (genN-a.xml, genN-b.xml) for the ndiff peer test.  The "after" scan is
# the "before" one with random changes: hosts up/down, added, removed,
# port states, services, versions, tunnels, one script per port (ndiff
# 7.93 cannot sort two), MAC addresses, extraports counts, OS lists.
import random
import sys
from xml.sax.saxutils import quoteattr

STATES = ["open", "closed", "filtered", "open|filtered", "unfiltered"]
NAMES = ["ssh", "http", "https", "smtp", "domain", "mysql", None]
PRODUCTS = [None, "OpenSSH", "nginx", "Apache httpd", "Postfix smtpd"]
OSES = ["Linux 5.0 - 5.14", "Linux 4.15", "OpenBSD 7.2", "FreeBSD 13.1",
        "Microsoft Windows 10", "Linux 2.6.32"]


def rand_service(r):
    s = {}
    n = r.choice(NAMES)
    if n is not None:
        s["name"] = n
    if r.random() < 0.5:
        p = r.choice(PRODUCTS)
        if p:
            s["product"] = p
            s["version"] = "%d.%d" % (r.randint(1, 9), r.randint(0, 20))
            if r.random() < 0.4:
                s["extrainfo"] = r.choice(["protocol 2.0", "Debian",
                                           "a <b> & \"c\""])
    if "name" in s and r.random() < 0.15:
        s["tunnel"] = "ssl"
    return s


def rand_host(r, i):
    h = {"addr": "10.%d.%d.%d" % (r.randint(0, 3), r.randint(0, 255), i),
         "mac": None, "v6": None, "names": [], "state": "up",
         "ports": {}, "extra": {}, "os": [], "hscript": None}
    if r.random() < 0.3:
        h["mac"] = "02:00:00:00:%02X:%02X" % (r.randint(0, 255), i % 256)
    if r.random() < 0.2:
        h["v6"] = "fd00::%x" % i
    if r.random() < 0.4:
        h["names"] = ["h%d.example" % i]
    if r.random() < 0.1:
        h["state"] = "down"
        return h
    for _ in range(r.randint(0, 8)):
        port = r.choice([22, 25, 53, 80, 443, 3306, 8080, 8443, 5353,
                         r.randint(1, 65535)])
        proto = r.choice(["tcp", "tcp", "udp"])
        scr = None
        if r.random() < 0.2:
            scr = ("banner", r.choice(["hello", "line1\nline2", "x\ny\nz"]))
        h["ports"][(port, proto)] = (r.choice(STATES), rand_service(r), scr)
    if r.random() < 0.7:
        h["extra"]["closed"] = r.randint(900, 1000)
    if r.random() < 0.3:
        h["extra"]["filtered"] = r.randint(1, 90)
    if r.random() < 0.3:
        h["os"] = r.sample(OSES, r.randint(1, 4))
    if r.random() < 0.15:
        h["hscript"] = ("smb-os", r.choice(["a", "b\nc"]))
    return h


def mutate(r, h):
    h = dict(h, ports=dict(h["ports"]), extra=dict(h["extra"]),
             os=list(h["os"]))
    x = r.random()
    if x < 0.05:
        h["state"] = "down" if h["state"] == "up" else "up"
    if r.random() < 0.1:
        h["mac"] = None if h["mac"] else "02:00:00:00:00:FE"
    for k in list(h["ports"]):
        st, svc, scr = h["ports"][k]
        y = r.random()
        if y < 0.15:
            st = r.choice(STATES)
        elif y < 0.25:
            svc = rand_service(r)
        elif y < 0.3 and svc.get("version"):
            svc = dict(svc, version=svc["version"] + "a")
        elif y < 0.35:
            svc = dict(svc)
            if "tunnel" in svc:
                del svc["tunnel"]
            elif "name" in svc:
                svc["tunnel"] = "ssl"
        elif y < 0.4:
            del h["ports"][k]
            continue
        elif y < 0.45:
            scr = None if scr else ("banner", "new")
        h["ports"][k] = (st, svc, scr)
    if r.random() < 0.2:
        h["ports"][(r.randint(1, 9999), "tcp")] = ("open", rand_service(r),
                                                   None)
    if r.random() < 0.2 and h["extra"]:
        k = r.choice(list(h["extra"]))
        h["extra"][k] += r.choice([-1, 1])
    if r.random() < 0.2:
        h["os"] = r.sample(OSES, r.randint(0, 4))
    if r.random() < 0.1:
        h["hscript"] = None if h["hscript"] else ("smb-os", "z")
    return h


def write(path, hosts, args):
    with open(path, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        f.write('<nmaprun scanner="nmap" args=%s start="1700000000" '
                'startstr="x" version="7.93" xmloutputversion="1.05">\n'
                % quoteattr(args))
        f.write('<scaninfo type="syn" protocol="tcp" numservices="3" '
                'services="1-65535"/>\n<scaninfo type="udp" '
                'protocol="udp" numservices="1" services="1-65535"/>\n')
        for h in hosts:
            f.write('<host><status state="%s" reason="x"/>\n' % h["state"])
            f.write('<address addr="%s" addrtype="ipv4"/>\n' % h["addr"])
            if h["v6"]:
                f.write('<address addr="%s" addrtype="ipv6"/>\n' % h["v6"])
            if h["mac"]:
                f.write('<address addr="%s" addrtype="mac"/>\n' % h["mac"])
            f.write("<hostnames>\n")
            for n in h["names"]:
                f.write('<hostname name="%s" type="PTR"/>\n' % n)
            f.write("</hostnames>\n<ports>")
            for st, c in h["extra"].items():
                f.write('<extraports state="%s" count="%d"/>\n' % (st, c))
            for (port, proto), (st, svc, scr) in sorted(h["ports"].items()):
                f.write('<port protocol="%s" portid="%d"><state state="%s" '
                        'reason="r"/>' % (proto, port, st))
                if svc:
                    f.write("<service")
                    for k in ("name", "product", "version", "extrainfo",
                              "tunnel"):
                        if k in svc:
                            f.write(" %s=%s" % (k, quoteattr(svc[k])))
                    f.write(' method="table" conf="3"/>')
                if scr:
                    f.write('<script id="%s" output=%s/>'
                            % (scr[0], quoteattr(scr[1])))
                f.write("</port>\n")
            f.write("</ports>\n")
            if h["os"]:
                f.write("<os>")
                for o in h["os"]:
                    f.write('<osmatch name=%s accuracy="90"/>' % quoteattr(o))
                f.write("</os>\n")
            if h["hscript"]:
                f.write('<hostscript><script id="%s" output=%s/>'
                        '</hostscript>\n' % (h["hscript"][0],
                                              quoteattr(h["hscript"][1])))
            f.write("</host>\n")
        f.write('<runstats><finished time="1700000100"/></runstats>'
                '</nmaprun>\n')


def main():
    out, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    r = random.Random(seed)
    for k in range(n):
        hosts = [rand_host(r, i) for i in range(1, r.randint(2, 12))]
        seen = set()
        hosts = [h for h in hosts if not (h["addr"] in seen or
                                          seen.add(h["addr"]))]
        after = [mutate(r, h) for h in hosts if r.random() > 0.1]
        after += [rand_host(r, 200 + i) for i in range(r.randint(0, 2))]
        r.shuffle(after)
        write("%s/gen%d-a.xml" % (out, k), hosts, "nmap -a")
        write("%s/gen%d-b.xml" % (out, k), after,
              "nmap -a" if r.random() < 0.5 else "nmap -b")


main()
