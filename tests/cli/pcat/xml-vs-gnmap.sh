# The -oX and -oG files of the same nmap scan give the same records on
# the fields grepable output carries.  (masscan's two formats differ in
# content, not just form: its -oG names services, its -oX does not.)
n=0
for x in "$TESTDATA"/*.xml; do
	g=${x%.xml}.gnmap
	[ -f "$g" ] || continue
	grep -q 'scanner="masscan"' "$x" && continue
	n=$((n + 1))
	f=host,hostname,proto,port,state,service,tunnel
	pcat -H -o tsv -f $f "$x" > x.tsv 2>x.err
	xs=$?
	pcat -H -o tsv -f $f "$g" > g.tsv 2>g.err
	gs=$?
	if ! cmp -s x.tsv g.tsv || [ $xs != $gs ]; then
		echo "differ: ${x##*/} (exit $xs) vs ${g##*/} (exit $gs)"
		diff x.tsv g.tsv | head -10
	fi
done
[ "$n" -ge 5 ] || echo "only $n -oX/-oG pairs compared"
