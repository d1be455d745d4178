#!/usr/bin/python3
# ndiff_peer.py PDIFF each A1 B1 A2 B2 ...: compare "pdiff -o ndiff" and
# "-o ndiff-xml" with Nmap's ndiff 7.93 (its Python module, run in this
# process) on the ordered pairs of Nmap XML files A1 B1, A2 B2 ...;
# ndiff_peer.py PDIFF pairs A1 B1 A2 B2 ...: on A1 B1, B1 A1, A2 B2 ...  Prints one block per pair
# whose output differs, nothing when all agree.  Pairs where ndiff raises
# (two scripts on a port, a script-only change in text mode, a truncated
# file) are skipped: there is no ndiff answer to compare with.
import io
import subprocess
import sys


class Tee:
    """ndiff prints host script results to the sys.stdout it saw at
    import time (a default argument): route that into the capture."""
    target = None

    def write(self, s):
        return (self.target or sys.__stdout__).write(s)

    def flush(self):
        pass


TEE = Tee()
sys.stdout = TEE
sys.path.insert(0, "/usr/lib/python3/dist-packages")
import ndiff  # noqa: E402
sys.stdout = sys.__stdout__


def load(path):
    s = ndiff.Scan()
    try:
        s.load_from_file(path)
    except Exception:
        return None
    return s


def ndiff_out(a, b, xml):
    buf = io.StringIO()
    try:
        TEE.target = buf
        cls = ndiff.ScanDiffXML if xml else ndiff.ScanDiffText
        cls(a, b, buf).output()
    except Exception:
        return None
    finally:
        TEE.target = None
    return buf.getvalue()


def main():
    pdiff, mode, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    scans = {f: load(f) for f in files}
    if mode == "each":
        pairs = list(zip(files[0::2], files[1::2]))
    else:
        pairs = [p for i in range(0, len(files) - 1, 2)
                 for p in ((files[i], files[i + 1]),
                           (files[i + 1], files[i]))]
    bad = 0
    for fa, fb in pairs:
        if scans[fa] is not None and scans[fb] is not None:
            for fmt in ("ndiff", "ndiff-xml"):
                want = ndiff_out(scans[fa], scans[fb], fmt == "ndiff-xml")
                if want is None:
                    continue
                got = subprocess.run([pdiff, "-o", fmt, fa, fb],
                                     capture_output=True).stdout
                got = got.decode("utf-8", "replace")
                if got != want:
                    bad += 1
                    print("== %s %s %s" % (fmt, fa, fb))
                    gl, wl = got.splitlines(), want.splitlines()
                    for i in range(max(len(gl), len(wl))):
                        g = gl[i] if i < len(gl) else "<eof>"
                        w = wl[i] if i < len(wl) else "<eof>"
                        if g != w:
                            print("line %d: pdiff %r ndiff %r" % (i + 1, g, w))
                            break
    sys.exit(1 if bad else 0)


main()
