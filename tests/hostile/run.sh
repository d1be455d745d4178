#!/bin/sh
#
# run.sh [-a] [-m] BUILDDIR - run every case of tests/hostile/cases.
#
# Each case's file is generated in a scratch directory (gen.sh), the
# command runs there with BUILDDIR first on PATH, and its exit status and
# stderr must match the case.  stdout is printed after a "== NAME" line
# so that a golden test can pin it down.
#   -a  also run the heavy cases (50 MB values, a 2 GB gzip bomb, 50,000
#       hosts); the lighter ones alone finish in seconds under ASan.
#   -m  measure: print the CPU time and peak RSS of each run and fail a
#       case above 2 s CPU or 64 MiB (gzip_bomb: 30 s), the figures of
#       issue 8.  Meaningful only for an unsanitized build.
# The last line is "N cases, N failed".
set -u

all=0 measure=0
while [ $# -gt 0 ]; do
	case $1 in
	-a) all=1 ;;
	-m) measure=1 ;;
	*) break ;;
	esac
	shift
done
if [ $# -ne 1 ] || [ ! -d "$1" ]; then
	echo "usage: tests/hostile/run.sh [-a] [-m] BUILDDIR" >&2
	exit 2
fi
B=$(cd "$1" && pwd -P) || exit 2
HERE=$(cd "$(dirname "$0")" && pwd -P) || exit 2
T=$HERE/../../testdata/harden
T=$(cd "$T" && pwd -P) || exit 2
PATH=$B:$PATH
LC_ALL=C
TZ=UTC
export PATH LC_ALL TZ T

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pk-hostile.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
TMPF=$tmp/scratch
export TMPF
. "$HERE/gen.sh"

n=0 bad=0
# check NAME EXIT WANT RE: compare a finished run with its case.
check() {
	why=
	[ "$2" = "$3" ] || why="exit $2, expected $3"
	if [ "$4" = - ]; then
		[ -s "$tmp/err" ] && why="${why:+$why; }unexpected stderr"
	elif [ ! -s "$tmp/err" ]; then
		why="${why:+$why; }no message"
	elif grep -Eqv -- "$4" "$tmp/err"; then
		why="${why:+$why; }stderr does not match"
	fi
	[ -z "$why" ] && return 0
	echo "FAIL $1: $why"
	sed 's/^/    /' "$tmp/err" | head -5
	return 1
}

# every_tool NAME FILE: each tool given the case's file (twice where it
# takes two) must end cleanly: status 0 to 3, no sanitizer report (99),
# no crash, and every stderr line its own ("tool: ...").  What each says
# is the case's business above; here only that none of them breaks.
every_tool() {
	why=
	for t in "ptop $2" "pdiff $2 $2" "pfirewall $2 $2" "pnonstd $2" \
	    "phist $2" "preport $2"; do
		# shellcheck disable=SC2086
		$t </dev/null >/dev/null 2>"$tmp/err2"
		st2=$?
		tool=${t%% *}
		if [ "$st2" -gt 3 ]; then
			why="$tool exits $st2"
		elif grep -qv "^$tool: " "$tmp/err2"; then
			why="$tool: stray stderr: $(grep -v "^$tool: " \
			    "$tmp/err2" | head -1 | cut -c1-80)"
		fi
		[ -n "$why" ] && break
	done
	[ -z "$why" ] && return 0
	echo "FAIL $1 (every tool): $why"
	return 1
}

# figures NAME: CPU seconds and peak RSS from time(1), within the limits?
figures() {
	read -r cpu rss <"$tmp/time" || return 1
	lim=2
	case $1 in gzip_bomb) lim=30 ;; esac
	printf '%-24s %6.2f s CPU %6d KiB max RSS\n' "$1" "$cpu" "$rss"
	awk -v c="$cpu" -v r="$rss" -v l="$lim" \
	    'BEGIN { exit !(c < l && r < 65536) }' && return 0
	echo "FAIL $1: over $lim s CPU or 64 MiB"
	return 1
}

while IFS='|' read -r name file cmd want re; do
	case $name in '#'*|'') continue ;; esac
	case $name in
	*+heavy) name=${name%+heavy}; [ "$all" = 1 ] || continue ;;
	esac
	n=$((n + 1))
	wd=$tmp/$name
	mkdir "$wd" && cd "$wd" || exit 2
	"gen_$name" >"$file" || { echo "FAIL $name: generator"; exit 2; }
	echo "== $name"
	# shellcheck disable=SC2086
	if [ "$measure" = 1 ]; then
		/usr/bin/time -f '%U %S %M' -o "$tmp/t" $cmd </dev/null \
		    2>"$tmp/err"
		st=$?
		tail -n 1 "$tmp/t" | awk '{ print $1 + $2, $3 }' >"$tmp/time"
	else
		$cmd </dev/null 2>"$tmp/err"
		st=$?
	fi
	ok=1
	check "$name" "$st" "$want" "$re" || ok=0
	if [ "$measure" = 0 ] && [ -s "$file" ]; then
		every_tool "$name" "$file" || ok=0
	fi
	cd "$tmp" && rm -rf "$wd"
	if [ "$measure" = 1 ]; then
		figures "$name" || ok=0
	fi
	[ "$ok" = 1 ] || bad=$((bad + 1))
done <"$HERE/cases"
echo "$n cases, $bad failed"
[ "$bad" -eq 0 ]
