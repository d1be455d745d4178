#!/bin/sh
#
# layers.sh OBJDIR SHLIB - check lib/'s layering from the objects
# themselves (make lint runs it).
#
#  1. No loop between files: an object that needs a symbol another
#     defines depends on it (nm), and tsort(1) finds any cycle.
#  2. No folder uses a folder that lib/README.md's table does not list
#     for it, by call (nm) or by #include.
#  3. SHLIB exports exactly the functions include/portkit.h declares.
#
# Prints one line per finding and exits 1 when there is any.

set -u

if [ $# -ne 2 ]; then
	echo "usage: tests/lint/layers.sh OBJDIR SHLIB" >&2
	exit 2
fi
objdir=$1
shlib=$2
top=$(cd "$(dirname "$0")/../.." && pwd -P) || exit 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pk-layers.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
bad=0

# "file D sym" for what each object defines, "file U sym" for what it needs.
# Objects of the sources there are now, not stale ones of removed files.
for src in "$top"/lib/*/*.c; do
	f=${src#"$top"/}
	f=${f%.c}
	o=$objdir/$f.o
	[ -f "$o" ] || { echo "layers: $o is missing (make first)" >&2; exit 2; }
	nm "$o" | awk -v f="$f" '
	    NF == 3 && $2 ~ /^[TDBRC]$/ { print f, "D", $3 }
	    NF == 2 && $1 == "U" { print f, "U", $2 }'
done >"$tmp/syms"

# "user provider" per file pair, from the symbols.
awk '$2 == "D" { def[$3] = $1; next }
    { need[$1 " " $3] = 1 }
    END {
	for (k in need) {
		split(k, a, " ")
		if ((a[2] in def) && def[a[2]] != a[1])
			print a[1], def[a[2]]
	}
    }' "$tmp/syms" | sort -u >"$tmp/edges"

if ! tsort "$tmp/edges" >/dev/null 2>"$tmp/loops"; then
	echo "layers: files call each other in a loop:"
	sed -n 's/^tsort: /    /p' "$tmp/loops"
	bad=1
fi

# The table of lib/README.md: "| folder | may use |".
sed -n 's/^| \([a-z]*\) | \([a-z -]*\) |$/\1 \2/p' "$top/lib/README.md" \
    >"$tmp/allowed"
if [ ! -s "$tmp/allowed" ]; then
	echo "layers: no folder table in lib/README.md"
	exit 1
fi

# Folder edges by call, then by include.
awk '{ split($1, a, "/"); split($2, b, "/");
    if (a[2] != b[2]) print a[2], b[2], "calls", $1, $2 }' "$tmp/edges" \
    >"$tmp/uses"
for src in "$top"/lib/*/*.[ch]; do
	d=${src%/*}
	d=${d##*/}
	sed -n 's|^#include "\([a-z]*\)/.*|\1|p' "$src" | sort -u |
	    while read -r to; do
		[ "$to" = "$d" ] || echo "$d $to includes lib/$d/${src##*/} $to/"
	done
done >>"$tmp/uses"

awk 'NR == FNR { for (i = 2; i <= NF; i++) ok[$1 " " $i] = 1; known[$1] = 1
	next }
    !($1 in known) { print "layers: lib/" $1 "/ is not in lib/README.md"; bad = 1
	next }
    !(($1 " " $2) in ok) {
	print "layers: " $1 "/ uses " $2 "/ (" $4 " " $3 " " $5 ")"; bad = 1 }
    END { exit bad }' "$tmp/allowed" "$tmp/uses" || bad=1
for d in "$top"/lib/*/; do
	d=${d%/}
	d=${d##*/}
	grep -q "^$d " "$tmp/allowed" ||
	    { echo "layers: lib/$d/ is not in lib/README.md"; bad=1; }
done

# Exports: what the shared library defines against what portkit.h declares.
grep -oE '\bpk_[A-Za-z0-9_]+[[:space:]]*\(' "$top/include/portkit.h" |
    tr -d '( \t' | sort -u >"$tmp/api"
nm -D --defined-only "$shlib" | awk '$2 ~ /^[TDBRVW]$/ { print $3 }' |
    sed 's/@.*//' | sort -u >"$tmp/exported"
comm -23 "$tmp/exported" "$tmp/api" >"$tmp/extra"
comm -13 "$tmp/exported" "$tmp/api" >"$tmp/missing"
if [ -s "$tmp/extra" ]; then
	echo "layers: $shlib exports what portkit.h does not declare:"
	sed 's/^/    /' "$tmp/extra"
	bad=1
fi
if [ -s "$tmp/missing" ]; then
	echo "layers: portkit.h declares what $shlib does not export:"
	sed 's/^/    /' "$tmp/missing"
	bad=1
fi

[ "$bad" -eq 0 ] && echo "layers: $(wc -l <"$tmp/edges") file edges," \
    "$(wc -l <"$tmp/api") exported functions: ok"
exit "$bad"
