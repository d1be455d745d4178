"""Diff two scans with python3-libnmap (a peer in make bench).

Hosts are matched by libnmap's host id (the address); for hosts in both
scans, NmapHost.diff() and NmapService.diff() list what changed.  Prints
the number of changes found.
"""
import sys

from libnmap.parser import NmapParser

old = NmapParser.parse_fromfile(sys.argv[1])
new = NmapParser.parse_fromfile(sys.argv[2])
olds = {h.id: h for h in old.hosts}
changes = 0
for host in new.hosts:
    prev = olds.pop(host.id, None)
    if prev is None:
        changes += 1
        continue
    d = host.diff(prev)
    changes += len(d.added()) + len(d.removed())
    pports = {s.id: s for s in prev.services}
    for svc in host.services:
        p = pports.get(svc.id)
        if p is not None:
            sd = svc.diff(p)
            changes += len(sd.changed()) + len(sd.added()) + len(sd.removed())
changes += len(olds)
print(changes)
