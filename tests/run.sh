#!/bin/sh
#
# run.sh [-j N] BUILDDIR [FILTER...] - run portkit's tests against BUILDDIR.
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
# The tests come in groups: one unit binary, one tests/cli/TOOL directory,
# one fuzz target.  When a group ends, its FAIL and SKIP lines are printed
# and then one line for the group with its counts and wall time:
#   cli/pcat ..................... 41 passed, 0 failed (12 s)
# so a long run shows where it is.  -j N runs N groups at a time (make
# check: 2); the groups still print one after the other, in the order
# above, each as soon as it and the groups before it have ended.
#
# FILTER arguments keep only the tests whose name (unit/test_fe,
# cli/pcat/basic, fuzz/fuzz_gnmap) contains one of them.  UPDATE=1
# rewrites the expectations of failing cli cases instead of failing them
# (review the result with git diff).  VERBOSE=1 names passing tests too.
# PK_EXHAUSTIVE=1 (make check-full) reaches the tests that sweep many
# cases: they then run every case, not their sample (tests/sample.sh).
# The last line is always "N passed, N failed[, N skipped]"; the status is
# 1 when anything failed.

set -u

usage() {
	echo "usage: tests/run.sh [-j N] BUILDDIR [FILTER...]" >&2
	exit 2
}

jobs=1
case ${1:-} in
-j) jobs=${2:-}; [ $# -ge 2 ] && shift 2 ;;
-j*) jobs=${1#-j}; shift ;;
esac
case $jobs in
''|*[!0-9]*|0) usage ;;
esac
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
	usage
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

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pk-run.XXXXXX") || exit 2
tmp=$(cd "$tmp" && pwd -P) || exit 2

# The parsed nmap-service-probes the readers keep (pk_read_opts
# probes_cache) goes into the scratch tree, never into the user's home:
# an absolute XDG_CACHE_HOME comes before $HOME.
XDG_CACHE_HOME=$tmp/cache
export XDG_CACHE_HOME

# Stop the workers and the tests they run, then remove the scratch tree:
# workers are background jobs, which ignore SIGINT, so ^C or a TERM sent
# to this shell reaches them only through this.
cleanup() {
	for f in "$tmp"/wpid.*; do
		[ ! -f "$tmp/end.${f##*.}" ] && p=$(cat "$f" 2>/dev/null) &&
		    kill "$p" 2>/dev/null
	done
	for f in "$tmp"/g.*/pid; do
		p=$(cat "$f" 2>/dev/null) && kill "$p" 2>/dev/null
	done
	wait
	rm -rf "$tmp"
}
trap cleanup EXIT
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

# A test runs in the background (spawn), where sh ignores SIGINT and
# SIGQUIT; env gives them back their defaults where it can (coreutils
# 8.31), so that ^C stops the tests with the rest.
sigdfl=
env --default-signal=INT,QUIT true 2>/dev/null &&
    sigdfl=--default-signal=INT,QUIT

# spawn DIR [NAME=VALUE...] CMD...: run CMD in DIR with those variables,
# in the background with its pid in $gt/pid for cleanup; wait for it,
# st is its exit status.
spawn() {
	(cd "$1" && shift && exec env $sigdfl "$@") &
	echo $! >"$gt/pid"
	wait $!
	st=$?
	rm -f "$gt/pid"
}

run_unit() {
	# Run from the top so relative testdata paths work too.
	spawn "$TOP" TESTDATA="$TOP/testdata" LC_ALL=C TZ=UTC "$bin" \
	    </dev/null >"$gt/out" 2>"$gt/err"
	nok=$(grep -c '^ok ' "$gt/out")
	nfail=$(grep -c '^not ok ' "$gt/out")
	passed=$((passed + nok))
	failed=$((failed + nfail))
	[ "$VERBOSE" = 1 ] && sed -n "s|^ok |ok $name/|p" "$gt/out"
	grep "^not ok " "$gt/out" | sed "s|^not ok |FAIL $name/|"
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
	if [ "$st" -ne 0 ] && [ -s "$gt/err" ]; then
		echo "  stderr of $name:"
		show "$gt/err"
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
	wd=$(mktemp -d "$gt/case.XXXXXX") || exit 2
	spawn "$wd" PATH="$B:$PATH" TOP="$TOP" TESTDATA="$TOP/testdata" \
	    BUILDDIR="$B" LC_ALL=C TZ=UTC sh "$case" \
	    </dev/null >"$gt/out" 2>"$gt/err"
	rm -rf "$wd"
	if [ "$st" -eq 77 ] && [ "$(wc -l <"$gt/out")" -eq 1 ] &&
	    grep -q '^SKIP: ' "$gt/out"; then
		skipped=$((skipped + 1))
		echo "SKIP $name: $(sed 's/^SKIP: //' "$gt/out")"
		return
	fi
	want=0
	updated=0
	[ -f "$base.exit" ] && want=$(tr -d ' \t\n' <"$base.exit")
	compare "$gt/out" "$base.stdout" >"$gt/d.out"; d1=$?
	compare "$gt/err" "$base.stderr" >"$gt/d.err"; d2=$?
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
	[ "$d1" -ne 0 ] && { echo "  stdout:"; cat "$gt/d.out"; }
	[ "$d2" -ne 0 ] && { echo "  stderr:"; cat "$gt/d.err"; }
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
	spawn . "$bin" "$@" </dev/null >"$gt/out" 2>"$gt/err"
	if [ "$st" -eq 0 ]; then
		passed=$((passed + 1))
		[ "$VERBOSE" = 1 ] && echo "ok $name"
		return
	fi
	failed=$((failed + 1))
	echo "FAIL $name: exit status $st"
	show "$gt/err"
}

# The groups, in the order they print: "KIND NAME PATH" a line (the path
# last, whatever blanks it holds).  A cli group is there when one of its
# cases is selected.
for bin in "$B"/tests/test_*; do
	[ -x "$bin" ] || continue
	name=unit/${bin##*/}
	selected "$@" && echo "unit $name $bin"
done >"$tmp/groups"
for dir in "$TOP"/tests/cli/*; do
	for case in "$dir"/*.sh; do
		[ -f "$case" ] || continue
		name=${case#"$TOP"/tests/}
		name=${name%.sh}
		if selected "$@"; then
			echo "cli cli/${dir##*/} $dir"
			break
		fi
	done
done >>"$tmp/groups"
for bin in "$B"/fuzz/fuzz_*; do
	[ -x "$bin" ] || continue
	name=fuzz/${bin##*/}
	selected "$@" && echo "fuzz $name $bin"
done >>"$tmp/groups"
ngroups=$(wc -l <"$tmp/groups")

# run_group I KIND GROUP PATH [FILTER...]: run group number I into
# $tmp/log.I, then write its counts "PASSED FAILED SKIPPED" to $tmp/done.I.
run_group() {
	i=$1 kind=$2 group=$3 gpath=$4
	shift 4
	gt=$tmp/g.$i
	mkdir "$gt" || exit 2
	passed=0 failed=0 skipped=0
	t0=$(date +%s)
	{
		case $kind in
		unit|fuzz)
			bin=$gpath name=$group
			"run_$kind"
			;;
		cli)
			for case in "$gpath"/*.sh; do
				[ -f "$case" ] || continue
				name=${case#"$TOP"/tests/}
				name=${name%.sh}
				selected "$@" && run_cli
			done
			;;
		esac
		line="$passed passed, $failed failed"
		[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
		# Dots up to column 32 lead the eye to the counts.
		w=$((30 - ${#group}))
		[ "$w" -lt 3 ] && w=3
		echo "$group $(printf "%${w}s" '' | tr ' ' .) $line" \
		    "($(($(date +%s) - t0)) s)"
	} >"$tmp/log.$i" 2>&1
	echo "$passed $failed $skipped" >"$tmp/c.$i"
	mv "$tmp/c.$i" "$tmp/done.$i"
	rm -rf "$gt"
}

# worker [FILTER...]: take the next group no one has taken (mkdir is
# atomic) and run it, until none is left.
worker() {
	n=0
	while read -r kind group gpath; do
		n=$((n + 1))
		mkdir "$tmp/take.$n" 2>/dev/null || continue
		run_group "$n" "$kind" "$group" "$gpath" "$@" </dev/null
	done <"$tmp/groups"
}

# alive: is a worker still running?  (The shell reaps ended ones.)
alive() {
	for f in "$tmp"/wpid.*; do
		[ -f "$f" ] && [ ! -f "$tmp/end.${f##*.}" ] &&
		    kill -0 "$(cat "$f")" 2>/dev/null && return 0
	done
	return 1
}

# With -j 1 the groups run here, one by one; else JOBS workers run them
# and this loop waits for each group in turn.
if [ "$jobs" -gt 1 ]; then
	k=0
	while [ "$k" -lt "$jobs" ] && [ "$k" -lt "$ngroups" ]; do
		k=$((k + 1))
		{ worker "$@"; : >"$tmp/end.$k"; } &
		echo $! >"$tmp/wpid.$k"
	done
fi

# Print the groups in order as they end; a group whose workers all ended
# without it (a worker killed) counts as one failure.
passed=0 failed=0 skipped=0
n=0
while read -r kind group gpath; do
	n=$((n + 1))
	if [ "$jobs" -eq 1 ]; then
		(run_group "$n" "$kind" "$group" "$gpath" "$@") </dev/null
	fi
	while [ ! -f "$tmp/done.$n" ] && alive; do
		sleep 0.2 2>/dev/null || sleep 1
	done
	if [ -f "$tmp/done.$n" ]; then
		cat "$tmp/log.$n"
		read -r p f s <"$tmp/done.$n"
		passed=$((passed + p)) failed=$((failed + f))
		skipped=$((skipped + s))
	else
		echo "FAIL $group: it did not end (its runner was killed)"
		failed=$((failed + 1))
	fi
done <"$tmp/groups"

line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
