# bench/gen writes scans that Nmap's own DTD accepts, in every mode, the
# same bytes for the same seed, and a change list that adds up.
cc -std=c11 -O1 -o gen "$TOP/bench/gen.c" || exit 2
./gen -s 7 -n 60 -f 0.3 -x a.xml -g a.gnmap -l b.xml -L b.gnmap \
    -c changes.tsv 2>/dev/null
./gen -1 -s 7 -n 60 -f 0.3 -x a1.xml -l b1.xml 2>/dev/null
./gen -m small -s 7 -n 60 -x small.xml 2>/dev/null
for f in a.xml b.xml a1.xml b1.xml small.xml; do
	xmllint --noout --dtdvalid /usr/share/nmap/nmap.dtd "$f" &&
	    echo "$f: valid"
done
./gen -s 7 -n 60 -f 0.3 -x again.xml 2>/dev/null
cmp a.xml again.xml && echo "same seed: same bytes"
# Hosts in the later scan = hosts in the first + host-added lines.
na=$(grep -c '^<host[ >]' a.xml)
nb=$(grep -c '^<host[ >]' b.xml)
nadd=$(grep -c '	host		up	added$' changes.tsv)
[ "$nb" -eq $((na + nadd)) ] && echo "later: $na + $nadd hosts"
# Hosts that went down are down in the later -oG file.
awk -F'\t' '$4 == "status" { print $1 }' changes.tsv | while read -r h; do
	grep -q "^Host: $h ()	Status: Down" b.gnmap || echo "$h not down"
done
# At most one script per port and host in -1 mode.
for f in a.xml a1.xml; do
	tr -d '\n' <"$f" | sed 's/<\/port>/&\n/g; s/<\/hostscript>/&\n/g' |
	    awk -F'<script ' -v f="$f" 'NF > 2 { n++ }
		END { print f ":", n + 0, "ports or hosts with two scripts" }'
done
cat changes.tsv
