#!/bin/sh
#
# tidy-filter.sh KNOWN < clang-tidy-output - fail on any clang-tidy finding
# not listed in KNOWN ("path check" per line, "#" comments), printing it
# with its context; known ones are counted.  Anything that is not a
# finding, its context or clang's "N warnings generated." (clang-tidy
# missing, a file that does not compile) fails too.
set -u
known=$1
awk -v known="$known" '
BEGIN {
	while ((getline line < known) > 0) {
		sub(/[ \t]*#.*/, "", line)
		if (line != "")
			ok[line] = 1
	}
}
/^[0-9]+ warnings? (and [0-9]+ errors? )?generated\.$/ { next }
/^(Suppressed|Use -header-filter|Error while processing)/ {
	if ($0 ~ /^Error/) { print; bad++ }
	next
}
match($0, /^[^ :]+:[0-9]+:[0-9]+: (warning|error): .* \[[^]]+\]$/) {
	file = $0
	sub(/:.*/, "", file)
	sub(/^.*\/(lib|tools|include|tests)\//, "&", file)
	n = split(file, parts, "/")
	for (i = 1; i <= n; i++)
		if (parts[i] ~ /^(lib|tools|include|tests)$/)
			break
	rel = parts[i]
	for (j = i + 1; j <= n; j++)
		rel = rel "/" parts[j]
	check = $0
	sub(/.*\[/, "", check)
	sub(/[],].*/, "", check)
	if ((rel " " check) in ok) {
		nknown++
		showing = 0
	} else {
		print
		bad++
		showing = 1
	}
	next
}
/^[^ ]+:[0-9]+:[0-9]+: note: / { if (showing) print; next }
/^[ \t]/ || /^$/ { if (showing) print; next }
{ print; bad++ }
END {
	if (nknown > 0)
		printf "clang-tidy: %d known finding(s) (%s)\n", nknown, known
	exit bad > 0
}'
