# Every long option a tool's --help prints must appear in its man page and
# in both completions (STYLE.md 4.10).  Prints one line per missing piece,
# nothing when all agree; exits 1 on any problem.  Tools not built yet in
# BUILDDIR are not checked.
bs=$(printf '\b')
status=0

problem() {
	echo "$1"
	status=1
}

# Does file $2 mention option $1 as a whole word ("--out" is not in
# "--output")?
mentions() {
	grep -Eq -e "$1([^a-z0-9-]|\$)" "$2"
}

for src in "$TOP"/tools/*.c; do
	[ -f "$src" ] || continue
	t=${src##*/}
	t=${t%.c}
	[ -x "$BUILDDIR/$t" ] || continue
	opts=$("$BUILDDIR/$t" --help 2>/dev/null |
	    grep -Eo -e '--[a-z0-9][a-z0-9-]*' | sort -u)
	if [ -z "$opts" ]; then
		problem "$t: --help lists no long option"
		continue
	fi
	man=$TOP/man/$t.1
	# Render the page, so .Fl -output counts as --output; drop overstrike.
	if [ -f "$man" ]; then
		mandoc -Tascii -Owidth=200 "$man" | sed "s/.$bs//g" >man.txt
	else
		problem "$t: man/$t.1 is missing"
		: >man.txt
	fi
	for f in "completions/bash/$t" "completions/zsh/_$t"; do
		[ -f "$TOP/$f" ] || problem "$t: $f is missing"
	done
	for o in $opts; do
		[ -f "$man" ] && ! mentions "$o" man.txt &&
		    problem "$t: $o not in man/$t.1"
		for f in "completions/bash/$t" "completions/zsh/_$t"; do
			[ -f "$TOP/$f" ] && ! mentions "$o" "$TOP/$f" &&
			    problem "$t: $o not in $f"
		done
	done
done
exit $status
