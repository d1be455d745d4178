# Every lab scan recorded as both -oX and -oG ranks the same by port and
# by service (open ports; -oG lacks the folded port lists, so closed and
# filtered differ by design), one file at a time and all at once.
# masscan's -oG carries its own port names where its -oX has none.
cd "$TESTDATA" || exit 2
n=0 xs= gs=
for x in *.xml; do
	b=${x%.xml}
	case $b in masscan-*) continue ;; esac
	[ -f "$b.gnmap" ] || continue
	for by in port service; do
		ptop --by $by -o tsv "$x" >"$OLDPWD/x" 2>/dev/null
		ptop --by $by -o tsv "$b.gnmap" >"$OLDPWD/g" 2>/dev/null
		cmp -s "$OLDPWD/x" "$OLDPWD/g" || echo "differ: $b by $by"
	done
	n=$((n + 1)) xs="$xs $x" gs="$gs $b.gnmap"
done
[ "$n" -ge 30 ] || echo "only $n pairs"
ptop -o tsv $xs >"$OLDPWD/x" 2>/dev/null
ptop -o tsv $gs >"$OLDPWD/g" 2>/dev/null
cmp "$OLDPWD/x" "$OLDPWD/g" && echo "all pairs agree; together: $(wc -l <"$OLDPWD/x") lines"
