#!/usr/bin/env python3
"""series.py - weekly scan series for phist's tests, and the histories
computed from the files independently of portkit.

  series.py make GEN DIR   write a series of eight weekly scans made by
                           bench/gen into DIR: -oX and -oG mixed, one
                           gzip'd, one with a smaller port set, one cut
                           short; prints the file names, one a line
  series.py ref FILE...    the histories phist -H -o tsv should print

The reference reads Nmap XML (complete hosts of a cut file) and grepable
output with the standard library only and applies the rules phist(1)
documents: a scan says nothing of a port when the host is absent, down or
has no port results, or when the port lies outside the ports the scan
lists; otherwise the port's state is the one listed, or of the
extraports range holding it, or the one ignored state of the host, or
none (probed, not listed).  Histories start at the first scan that found
a port open.
"""
import gzip
import ipaddress
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

START = 1700000000
WEEK = 7 * 86400
# (week, seed's file, fraction, format, treatment)
PLAN = [
    (0, "scan", "0.1", "xml", None),
    (1, "later", "0.4", "gnmap", None),
    (2, "later", "0.5", "xml.gz", None),
    (3, "scan", "0.1", "xml", "narrow"),
    (4, "later", "0.5", "gnmap", None),
    (5, "later", "0.8", "xml", "cut"),
    (6, "scan", "0.1", "gnmap", None),
    (7, "later", "0.9", "xml", None),
]
NARROW = "1-500,3306"


def ctime(t):
    import time
    return time.strftime("%a %b %e %H:%M:%S %Y", time.gmtime(t))


def spec_set(spec):
    s = set()
    for part in spec.split(","):
        if not part:
            continue
        lo, _, hi = part.partition("-")
        s.update(range(int(lo), int(hi or lo) + 1))
    return s


def spec_str(ports):
    out, ps = [], sorted(ports)
    i = 0
    while i < len(ps):
        j = i
        while j + 1 < len(ps) and ps[j + 1] == ps[j] + 1:
            j += 1
        out.append(str(ps[i]) if i == j else "%d-%d" % (ps[i], ps[j]))
        i = j + 1
    return ",".join(out)


def narrow_xml(text):
    """Keep only the ports of NARROW, as nmap -p NARROW would list them."""
    keep = spec_set(NARROW)
    text = re.sub(r'numservices="\d+" services="[^"]*"',
                  'numservices="%d" services="%s"' % (len(keep), NARROW),
                  text)
    text = re.sub(r'<port protocol="tcp" portid="(\d+)">.*?</port>\n?',
                  lambda m: m.group(0) if int(m.group(1)) in keep else "",
                  text, flags=re.S)

    def reasons(m):
        ports = spec_set(m.group(3)) & keep
        return '<extrareasons reason="%s" count="%d" proto="tcp" ' \
            'ports="%s"/>' % (m.group(1), len(ports), spec_str(ports)) \
            if ports else ""

    text = re.sub(r'<extrareasons reason="([^"]*)" count="(\d+)" '
                  r'proto="tcp" ports="([^"]*)"/>\n?', reasons, text)

    def extra(m):
        n = sum(int(c) for c in re.findall(r'count="(\d+)"', m.group(2)))
        return '<extraports state="%s" count="%d">%s</extraports>' % (
            m.group(1), n, m.group(2)) if n else ""

    return re.sub(r'<extraports state="([^"]*)" count="\d+">(.*?)'
                  r'</extraports>', extra, text, flags=re.S)


def make(gen, d):
    names = []
    for week, which, frac, fmt, treat in PLAN:
        base = os.path.join(d, "g%s" % frac)
        if not os.path.exists(base + "-scan.xml"):
            subprocess.run([gen, "-s", "5", "-n", "20", "-f", frac,
                            "-x", base + "-scan.xml",
                            "-g", base + "-scan.gnmap",
                            "-l", base + "-later.xml",
                            "-L", base + "-later.gnmap"], check=True,
                           stderr=subprocess.DEVNULL)
        src = "%s-%s.%s" % (base, which, "gnmap" if fmt == "gnmap" else
                            "xml")
        text = open(src).read()
        t = START + week * WEEK
        old = START + (WEEK if which == "later" else 0)
        text = text.replace('start="%d"' % old, 'start="%d"' % t, 1)
        text = text.replace("initiated %s" % ctime(old),
                            "initiated %s" % ctime(t), 1)
        text = text.replace('startstr="%s"' % ctime(old),
                            'startstr="%s"' % ctime(t), 1)
        if treat == "narrow":
            text = narrow_xml(text)
        if treat == "cut":
            text = text[:len(text) * 6 // 10]
        name = os.path.join(d, "week%d.%s" % (week, fmt))
        if fmt.endswith(".gz"):
            with gzip.open(name, "wt") as f:
                f.write(text)
        else:
            with open(name, "w") as f:
                f.write(text)
        names.append(name)
    print("\n".join(names))


# --- Reading the scans ----------------------------------------------------

class Host:
    def __init__(self, addr, up):
        self.addr, self.up = addr, up
        self.ports = {}         # (proto, port) -> (state, service)
        self.ranges = []        # (proto, set of ports, state)
        self.extra = []         # folded states


class Scan:
    def __init__(self):
        self.time = None
        self.scanned = {}       # proto -> set of ports
        self.hosts = []


def service_of(svc):
    if svc is None or svc.get("name") is None:
        return None
    name = svc.get("name")
    return "ssl/" + name if svc.get("tunnel") == "ssl" else name


def read_xml(path):
    scan = Scan()
    opener = gzip.open if path.endswith(".gz") else open
    parser = ET.XMLPullParser(events=("start", "end"))
    with opener(path, "rb") as f:
        for line in f:
            try:
                parser.feed(line)
            except ET.ParseError:
                break           # a cut file: its complete hosts count
            finally:
                xml_events(scan, parser)
    return scan


def xml_events(scan, parser):
    for ev, el in parser.read_events():
        if ev == "start" and el.tag == "nmaprun":
            scan.time = int(el.get("start"))
        elif ev == "end" and el.tag == "scaninfo":
            scan.scanned[el.get("protocol")] = spec_set(el.get("services"))
        elif ev == "end" and el.tag == "host":
            scan.hosts.append(xml_host(el))


def xml_host(el):
    st = el.find("status")
    addr = [a.get("addr") for a in el.findall("address")
            if a.get("addrtype") != "mac"][0]
    h = Host(addr, st is None or st.get("state") == "up")
    for p in el.iter("port"):
        h.ports[(p.get("protocol"), int(p.get("portid")))] = (
            p.find("state").get("state"), service_of(p.find("service")))
    for e in el.iter("extraports"):
        h.extra.append(e.get("state"))
        for r in e.iter("extrareasons"):
            if r.get("ports"):
                h.ranges.append((r.get("proto"), spec_set(r.get("ports")),
                                 e.get("state")))
    return h


def read_gnmap(path):
    scan, hosts = Scan(), {}
    for line in open(path):
        line = line.rstrip("\n")
        m = re.match(r"# Nmap \S+ scan initiated (.*) as: ", line)
        if m:
            import calendar
            import time
            scan.time = calendar.timegm(time.strptime(
                m.group(1), "%a %b %d %H:%M:%S %Y"))
        m = re.match(r"# Ports scanned: TCP\(\d+;([^)]*)\)", line)
        if m:
            scan.scanned["tcp"] = spec_set(m.group(1))
        m = re.match(r"Host: (\S+) \([^)]*\)\t(.*)", line)
        if not m:
            continue
        addr, rest = m.groups()
        if addr not in hosts:
            hosts[addr] = Host(addr, True)
            scan.hosts.append(hosts[addr])
        h = hosts[addr]
        for field in rest.split("\t"):
            k, _, v = field.partition(": ")
            if k == "Status":
                h.up = v == "Up"
            elif k == "Ports":
                for ent in v.split(", "):
                    f = ent.split("/")
                    svc = f[4] or None
                    if svc and svc.startswith("ssl|"):
                        svc = "ssl/" + svc[4:]
                    h.ports[(f[2], int(f[0]))] = (f[1], svc)
            elif k == "Ignored State":
                h.extra.append(v.split(" ")[0])
    return scan


# --- The histories ----------------------------------------------------------

def observe(scan, h, key):
    """(probed, state, service) of key in host h of scan."""
    proto, port = key
    if key in h.ports:
        return True, h.ports[key][0], h.ports[key][1]
    for p, ports, state in h.ranges:
        if p == proto and port in ports:
            return True, state, None
    if proto in scan.scanned and port not in scan.scanned[proto]:
        return False, None, None
    if proto not in scan.scanned and scan.scanned:
        return False, None, None
    if len(h.extra) == 1 and not h.ranges and proto in scan.scanned:
        return True, h.extra[0], None
    return True, None, None


def histories(paths):
    scans = []
    for p in paths:
        s = read_gnmap(p) if p.endswith(".gnmap") else read_xml(p)
        scans.append(s)
    scans.sort(key=lambda s: s.time)
    hist = {}       # (addr, proto, port) -> dict
    for s in scans:
        for h in s.hosts:
            if not h.up or not (h.ports or h.extra):
                continue
            for key, (state, _) in h.ports.items():
                if state == "open" and (h.addr,) + key not in hist:
                    hist[(h.addr,) + key] = dict(
                        service=None, state=None, first=None, last=None,
                        nopen=0, nprobed=0, since=None)
            for (addr, proto, port), r in hist.items():
                if addr != h.addr:
                    continue
                probed, state, svc = observe(s, h, (proto, port))
                if not probed:
                    continue
                if state == "open":
                    r["first"] = r["first"] or s.time
                    r["last"] = s.time
                    r["nopen"] += 1
                    if svc:
                        r["service"] = svc
                if r["nprobed"] == 0 or state != r["state"]:
                    r["since"] = s.time
                r["state"] = state
                r["nprobed"] += 1
    return hist


def iso(t):
    import time
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t))


def ref(paths):
    hist = histories(paths)
    order = sorted(hist, key=lambda k: (ipaddress.ip_address(k[0]).version,
                                        ipaddress.ip_address(k[0]),
                                        ("tcp", "udp", "sctp", "ip").index(
                                            k[1]), k[2]))
    for k in order:
        r = hist[k]
        print("\t".join([k[0], k[1], str(k[2]), r["service"] or "",
                         r["state"] or "", iso(r["first"]), iso(r["last"]),
                         str(r["nopen"]), str(r["nprobed"]),
                         iso(r["since"])]))


if __name__ == "__main__":
    if sys.argv[1] == "make":
        make(sys.argv[2], sys.argv[3])
    else:
        ref(sys.argv[2:])
