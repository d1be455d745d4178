#!/bin/sh
#
# torture.sh [-k] [-s STEP] BUILDDIR - fault injection over real scans (issue 8).
#
# For each case below (a tool, its arguments, a real scan) and for each
# family of calls - malloc (malloc, calloc, realloc, strdup, strndup),
# read (read, gzread) and write (write to stdout) - the case is first run
# clean through tests/fault/fault.c to get its output and the number N of
# calls, then once for every k = 1..N with the k-th call failing.  Each
# run must either
#   - exit 2 with every stderr line of the form "TOOL: ..." (a clean
#     message; libxml2 or zlib writing to stderr themselves is a failure),
#   - or exit as the clean run did (0; 1 for pdiff, which found
#     differences) with exactly the clean output (the failure was
#     absorbed, e.g. by stdio falling back to an unbuffered stream);
# anything else fails: a crash or sanitizer report (ASan, UBSan, LSan:
# exit 99), another exit 1 or 3 (a wrong answer presented as an answer),
# the clean run's status with different output (partial output
# presented as complete).
#
# BUILDDIR should hold a gcc build with -fsanitize=address,undefined (make
# torture makes one): ASan is then a shared library the shim can stand in
# front of, and LeakSanitizer checks every run.  With -s STEP only k = 1,
# every STEP-th k and N are run (the sample make check uses).  With -k,
# failures matching tests/fault/known (reported bugs waiting for their
# owners) are counted as known instead of failed.  LeakSanitizer reads
# tests/fault/lsan.supp (leaks inside libxml2 itself).
# Prints one line per case and family, then "N runs, N failed".
set -u

step=1 known=
while [ $# -gt 0 ]; do
	case $1 in
	-k) known=1; shift ;;
	-s) step=$2; shift 2 ;;
	*) break ;;
	esac
done
if [ $# -ne 1 ] || [ ! -x "$1/pcat" ] || [ ! -x "$1/ptop" ]; then
	echo "usage: tests/torture.sh [-k] [-s STEP] BUILDDIR" >&2
	exit 2
fi
B=$(cd "$1" && pwd -P) || exit 2
TOP=$(cd "$(dirname "$0")/.." && pwd -P) || exit 2
T=$TOP/testdata/harden

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pk-torture.XXXXXX") || exit 2
tmp=$(cd "$tmp" && pwd -P) || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

${CC:-cc} -std=c11 -O1 -g -shared -fPIC -o "$tmp/fault.so" \
    "$TOP/tests/fault/fault.c" -ldl || exit 2
gzip -9nc "$T/mixed-sSU.xml" >"$tmp/mixed-sSU.xml.gz" || exit 2

ASAN_OPTIONS="verify_asan_link_order=0:detect_leaks=1:fast_unwind_on_malloc=0:exitcode=99${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
LSAN_OPTIONS="suppressions=$TOP/tests/fault/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
UBSAN_OPTIONS="exitcode=99:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
LC_ALL=C TZ=UTC
export ASAN_OPTIONS LSAN_OPTIONS UBSAN_OPTIONS LC_ALL TZ
# nmap's data files (nmap-services, nmap-service-probes) are found in
# $NMAPDIR before ~/.nmap is looked up through getpwuid_r, whose failing
# allocations crash glibc (tests/fault/known): without a sanitizer's
# stack the crash cannot be told known, and which k lands in NSS moves
# with every allocation added elsewhere.
[ -d /usr/share/nmap ] && NMAPDIR=/usr/share/nmap && export NMAPDIR
# The parsed copies of nmap-service-probes and nmap-services go here,
# not into the home (pk_read_opts probes_cache, pk_cache_dir).  A case run with cold=1 starts every run
# without it, so that faults reach the parse and the cache's writing;
# the others find it as the clean run left it, and faults reach its
# reading.
XDG_CACHE_HOME=$tmp/cache
export XDG_CACHE_HOME
cold=

runs=0
bad=0
nknown=0
want=0

# is_known: does $why match a line of tests/fault/known (with -k)?
is_known() {
	[ -n "$known" ] || return 1
	grep -v '^#' "$TOP/tests/fault/known" | grep -v '^$' >"$tmp/known"
	printf '%s\n' "$why" | grep -Eqf "$tmp/known"
}

# run FAMILY K TOOL ARGS...: one run; leaves out, err, st and rep.
run() {
	fam=$1 k=$2
	shift 2
	[ -n "$cold" ] && rm -rf "$XDG_CACHE_HOME"
	PK_FAULT=$fam:$k PK_FAULT_REPORT=$tmp/rep LD_PRELOAD=$tmp/fault.so \
	    "$B/$@" </dev/null >"$tmp/out" 2>"$tmp/err"
	st=$?
}

# judge TOOL: 0 when the run ended cleanly, else say why.  A finder's
# clean run may exit 1 (pdiff: differences found); a faulted run must
# then exit 1 with the same output, or 2.
judge() {
	if [ "$st" -eq "$want" ] && [ "$st" -ne 2 ]; then
		cmp -s "$tmp/out" "$tmp/ref" && return 0
		why="exit $st with output different from the clean run"
		return 1
	fi
	case $st in
	2)	if [ ! -s "$tmp/err" ]; then
			why="exit 2 without a message"
		elif grep -qv "^$1: " "$tmp/err"; then
			why="stray stderr: $(grep -v "^$1: " "$tmp/err" |
			    head -1 | cut -c1-100)"
		else
			return 0
		fi ;;
	99)	why="sanitizer: $(grep -m1 -E 'ERROR|SUMMARY|runtime error' \
		    "$tmp/err" | sed 's/ (pc .*//' | cut -c1-100)"
		why="$why at $(sed -n 's/^ *#0 0x[0-9a-f]* in //p' "$tmp/err" |
		    head -1 | cut -c1-60)" ;;
	*)	why="exit $st: $(head -1 "$tmp/err" | cut -c1-100)" ;;
	esac
	return 1
}

# torture NAME TOOL ARGS...
torture() {
	name=$1
	shift
	run malloc 0 "$@"
	want=$st
	if [ "$st" -ne 0 ] && ! { [ "$st" -eq 1 ] && [ "$1" = pdiff ]; }; then
		echo "FAIL $name: clean run exits $st"
		sed 's/^/    /' "$tmp/err" | head -5
		bad=$((bad + 1))
		return
	fi
	cp "$tmp/out" "$tmp/ref"
	cp "$tmp/rep" "$tmp/counts"
	for fam in malloc read write; do
		n=$(sed -n "s/^$fam //p" "$tmp/counts")
		if [ "${n:-0}" -eq 0 ]; then
			echo "FAIL $name $fam: the shim saw no calls" \
			    "(is ASan linked statically?)"
			bad=$((bad + 1))
			continue
		fi
		k=1 fails=0 absorbed=0 done=0
		while [ "$k" -le $((n + 1)) ]; do
			run "$fam" "$k" "$@"
			runs=$((runs + 1))
			done=$((done + 1))
			if judge "$1"; then
				[ "$st" -eq "$want" ] && absorbed=$((absorbed + 1))
			elif is_known; then
				nknown=$((nknown + 1))
			else
				fails=$((fails + 1))
				[ "$fails" -le "${SHOW:-3}" ] &&
				    echo "  $name $fam k=$k: $why"
			fi
			if [ "$k" -eq 1 ] || [ "$k" -ge "$n" ]; then
				k=$((k + 1))
			else
				k=$((k + step))
				[ "$k" -gt "$n" ] && k=$n
			fi
		done
		bad=$((bad + fails))
		printf '%s %s: %s calls, %s runs, %s absorbed, %s failed\n' \
		    "$name" "$fam" "$n" "$done" "$absorbed" "$fails"
	done
}

torture "pcat lo-A.xml" pcat "$T/lo-A.xml"
torture "pcat -o jsonl --expand multi-sS.xml" pcat -o jsonl --expand \
    "$T/multi-sS.xml"
torture "pcat -o csv --hosts mixed-sSU.xml.gz" pcat -o csv --hosts \
    "$tmp/mixed-sSU.xml.gz"

cold=1
torture "pcat lo-A.gnmap (no cache yet)" pcat "$T/lo-A.gnmap"
cold=
torture "pcat lo-A.gnmap" pcat "$T/lo-A.gnmap"
cold=1
torture "ptop --services seed-top -n 10 (no cache yet)" ptop --services \
    "$TOP/testdata/fuzz/services/seed-top" -n 10
cold=
torture "ptop --services seed-top -n 10" ptop --services \
    "$TOP/testdata/fuzz/services/seed-top" -n 10
cold=1
torture "ptop --by service lo-A.xml multi-sS.xml (no cache yet)" ptop \
    --by service "$T/lo-A.xml" "$T/multi-sS.xml"
cold=
torture "ptop --by service lo-A.xml multi-sS.xml" ptop --by service \
    "$T/lo-A.xml" "$T/multi-sS.xml"
torture "pdiff lo-A.xml multi-sS.xml" pdiff "$T/lo-A.xml" "$T/multi-sS.xml"
torture "pdiff -o ndiff --scripts lo-A.xml mixed-sSU.xml" pdiff -o ndiff \
    --scripts "$T/lo-A.xml" "$T/mixed-sSU.xml"
torture "pdiff -o ndiff-xml --merge -a lo-A.gnmap -b mixed-sSU.xml" pdiff \
    -o ndiff-xml --merge -a "$T/lo-A.gnmap" -b "$T/mixed-sSU.xml"
[ -f "$TOP/testdata/ss-tulnp.txt" ] &&
    torture "pcat ss-tulnp.txt" pcat "$TOP/testdata/ss-tulnp.txt"

echo "$runs runs, $bad failed${known:+, $nknown known}"
[ "$bad" -eq 0 ]
