# A sample of the fault-injection sweep (make torture runs every k): the
# k-th malloc, read or write fails for k = 1, every 7th k and the last,
# over real scans; every run must end cleanly (tests/torture.sh).
command -v "${CC:-cc}" >/dev/null 2>&1 || { echo "SKIP: no C compiler"; exit 77; }
if grep -q __asan_init "$BUILDDIR/pcat" &&
    ! ldd "$BUILDDIR/pcat" 2>/dev/null | grep -q libasan; then
	echo "SKIP: ASan linked statically (clang): the shim cannot interpose"
	exit 77
fi
sh "$TOP/tests/torture.sh" -k -s 7 "$BUILDDIR" >log 2>&1
st=$?
tail -n 1 log | sed -e 's/^[0-9]* runs/N runs/' -e 's/[0-9]* known/N known/'
[ "$st" -eq 0 ] || cat log
exit "$st"
