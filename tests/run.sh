#!/bin/sh
#
# run.sh BUILDDIR [FILTER...] - run portkit's tests against BUILDDIR.
#
#  unit  BUILDDIR/tests/test_*: each prints "ok NAME" or "not ok NAME: why"
#        per case; each line counts.  A binary that exits non-zero other
#        than by reporting "not ok" cases (a crash, a sanitizer report)
#        or prints no case line at all counts as one more failure.
#  cli   tests/cli/TOOL/CASE.sh: run by sh in a fresh temporary directory
#        with PATH=BUILDDIR:$PATH, TOP, TESTDATA, BUILDDIR, LC_ALL=C, TZ=UTC
#        and stdin from /dev/null.  stdout, stderr and the exit status
#        must equal CASE.stdout, CASE.stderr (missing: empty) and CASE.exit
#        (missing: 0).  "SKIP: reason" as the only stdout line with exit 77
#        counts as skipped.
#  fuzz  BUILDDIR/fuzz/fuzz_NAME replays testdata/fuzz/NAME/* and must
#        exit 0.
#
# FILTER arguments keep only the tests whose name (unit/test_fe,
# cli/pcat/basic, fuzz/fuzz_gnmap) contains one of them.  UPDATE=1
# rewrites the expectations of failing cli cases instead of failing them
# (review the result with git diff).  VERBOSE=1 names passing tests too.
# The last line is always "N passed, N failed[, N skipped]"; the status is
# 1 when anything failed.

set -u

if [ $# -lt 1 ] || [ ! -d "$1" ]; then
	echo "usage: tests/run.sh BUILDDIR [FILTER...]" >&2
	exit 2
fi
B=$(cd "$1" && pwd -P) || exit 2
shift
TOP=$(cd "$(dirname "$0")/.." && pwd -P) || exit 2
UPDATE=${UPDATE:-0}
VERBOSE=${VERBOSE:-0}

# Sanitizer aborts get their own status, distinct from the 1 and 2 that
# tools and unit tests use; the user's options still apply after ours.
ASAN_OPTIONS="exitcode=99${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
UBSAN_OPTIONS="exitcode=99:print_stacktrace=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
export ASAN_OPTIONS UBSAN_OPTIONS

passed=0
failed=0
skipped=0

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pk-run.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

selected() {
	[ $# -eq 0 ] && return 0
	for f in "$@"; do
		case "$name" in *"$f"*) return 0 ;; esac
	done
	return 1
}

# Print at most 40 lines of file $1, indented.
show() {
	sed -n '1,40s/^/    /p' "$1"
	n=$(wc -l <"$1")
	[ "$n" -gt 40 ] && echo "    ... ($n lines)"
	return 0
}

run_unit() {
	# Run from the top so relative testdata paths work too.
	(cd "$TOP" && TESTDATA="$TOP/testdata" LC_ALL=C TZ=UTC \
	    "$bin" </dev/null >"$tmp/out" 2>"$tmp/err")
	st=$?
	nok=$(grep -c '^ok ' "$tmp/out")
	nfail=$(grep -c '^not ok ' "$tmp/out")
	passed=$((passed + nok))
	failed=$((failed + nfail))
	[ "$VERBOSE" = 1 ] && sed -n "s|^ok |ok $name/|p" "$tmp/out"
	grep "^not ok " "$tmp/out" | sed "s|^not ok |FAIL $name/|"
	extra=
	# The harness exits 1 exactly when it reported failed cases; any
	# other status is a crash or a sanitizer abort (exitcode=99 below).
	if [ "$st" -ne 0 ] && { [ "$st" -ne 1 ] || [ "$nfail" -eq 0 ]; }; then
		extra="exited with status $st after the cases above"
	elif [ $((nok + nfail)) -eq 0 ]; then
		extra="printed no 'ok' or 'not ok' line"
	fi
	if [ -n "$extra" ]; then
		failed=$((failed + 1))
		echo "FAIL $name: $extra"
	fi
	if [ "$st" -ne 0 ] && [ -s "$tmp/err" ]; then
		echo "  stderr of $name:"
		show "$tmp/err"
	fi
}

# Compare actual file $1 with expectation $2 (missing = empty); in UPDATE
# mode make the expectation match.  Returns 1 on a difference.
compare() {
	exp=$2
	[ -f "$exp" ] || exp=/dev/null
	cmp -s "$1" "$exp" && return 0
	if [ "$UPDATE" = 1 ]; then
		if [ -s "$1" ]; then cp "$1" "$2"; else rm -f "$2"; fi
		updated=1
		return 0
	fi
	diff -u "$exp" "$1" | sed -e '1s/^--- .*/--- expected/' \
	    -e '2s/^+++ .*/+++ actual/' -e 's/^/    /'
	return 1
}

run_cli() {
	base=${case%.sh}
	wd=$(mktemp -d "$tmp/case.XXXXXX") || exit 2
	(cd "$wd" && PATH="$B:$PATH" TOP="$TOP" TESTDATA="$TOP/testdata" \
	    BUILDDIR="$B" LC_ALL=C TZ=UTC sh "$case" </dev/null \
	    >"$tmp/out" 2>"$tmp/err")
	st=$?
	rm -rf "$wd"
	if [ "$st" -eq 77 ] && [ "$(wc -l <"$tmp/out")" -eq 1 ] &&
	    grep -q '^SKIP: ' "$tmp/out"; then
		skipped=$((skipped + 1))
		echo "SKIP $name: $(sed 's/^SKIP: //' "$tmp/out")"
		return
	fi
	want=0
	updated=0
	[ -f "$base.exit" ] && want=$(tr -d ' \t\n' <"$base.exit")
	compare "$tmp/out" "$base.stdout" >"$tmp/d.out"; d1=$?
	compare "$tmp/err" "$base.stderr" >"$tmp/d.err"; d2=$?
	d3=0
	if [ "$st" != "$want" ]; then
		if [ "$UPDATE" = 1 ]; then
			if [ "$st" -eq 0 ]; then rm -f "$base.exit"
			else echo "$st" >"$base.exit"; fi
			updated=1
		else
			d3=1
		fi
	fi
	if [ $((d1 + d2 + d3)) -eq 0 ]; then
		passed=$((passed + 1))
		if [ "$updated" = 1 ]; then echo "updated $name"
		elif [ "$VERBOSE" = 1 ]; then echo "ok $name"; fi
		return
	fi
	failed=$((failed + 1))
	echo "FAIL $name: exit status $st (expected $want)"
	[ "$d1" -ne 0 ] && { echo "  stdout:"; cat "$tmp/d.out"; }
	[ "$d2" -ne 0 ] && { echo "  stderr:"; cat "$tmp/d.err"; }
	return 0
}

run_fuzz() {
	corpus=$TOP/testdata/fuzz/${name#fuzz/fuzz_}
	set -- "$corpus"/*
	if [ ! -e "$1" ]; then
		skipped=$((skipped + 1))
		echo "SKIP $name: no corpus in testdata/fuzz/${name#fuzz/fuzz_}"
		return
	fi
	"$bin" "$@" </dev/null >"$tmp/out" 2>"$tmp/err"
	st=$?
	if [ "$st" -eq 0 ]; then
		passed=$((passed + 1))
		[ "$VERBOSE" = 1 ] && echo "ok $name"
		return
	fi
	failed=$((failed + 1))
	echo "FAIL $name: exit status $st"
	show "$tmp/err"
}

for bin in "$B"/tests/test_*; do
	[ -x "$bin" ] || continue
	name=unit/${bin##*/}
	selected "$@" && run_unit
done

for case in "$TOP"/tests/cli/*/*.sh; do
	[ -f "$case" ] || continue
	name=${case#"$TOP"/tests/}
	name=${name%.sh}
	selected "$@" && run_cli
done

for bin in "$B"/fuzz/fuzz_*; do
	[ -x "$bin" ] || continue
	name=fuzz/${bin##*/}
	selected "$@" && run_fuzz
done

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
