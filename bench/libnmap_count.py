"""Count open ports with python3-libnmap (a peer in make bench)."""
import sys

from libnmap.parser import NmapParser

report = NmapParser.parse_fromfile(sys.argv[1])
print(sum(len(h.get_open_ports()) for h in report.hosts))
