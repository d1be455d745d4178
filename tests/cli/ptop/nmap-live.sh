# ptop must choose exactly the ports nmap 7.93 chooses, asked live.
# nmap -sS/-sU with -iL /dev/null prints its port choice in
# <scaninfo services=...> without sending a packet; root is needed for
# the raw scan types.  For every N the first N rows of ptop's ranking
# must also be nmap's set, which checks ptop's order, not only its sets.
command -v nmap >/dev/null 2>&1 || { echo "SKIP: nmap not installed"; exit 77; }
[ "$(id -u)" -eq 0 ] || { echo "SKIP: nmap -sS needs root"; exit 77; }

status=0

# nmap's services="..." for scan type $1 and selection options $2...
nmap_services() {
	t=$1
	shift
	nmap "$t" -Pn -n "$@" -oX - -iL /dev/null 2>/dev/null |
	    sed -n 's/.*<scaninfo .*services="\([^"]*\)".*/\1/p'
}

# "1-3,7" -> one port a line
expand() {
	tr ',' '\n' | awk -F- 'NF == 2 { for (i = $1; i <= $2; i++) print i; next }
	    NF == 1 && $1 != "" { print }'
}

check() {
	what=$1 want=$2 got=$3
	if [ "$want" != "$got" ]; then
		echo "MISMATCH $what"
		echo " nmap: $(printf '%s' "$want" | cut -c1-200)"
		echo " ptop: $(printf '%s' "$got" | cut -c1-200)"
		status=1
	fi
}

ptop --proto tcp -n 65536 -o tsv -H | cut -f2 >rank.tcp
ptop --proto udp -n 65536 -o tsv -H | cut -f2 >rank.udp

for n in 1 2 10 100 1000 5000 8366 8367; do
	want=$(nmap_services -sS --top-ports "$n")
	[ -n "$want" ] || { echo "nmap printed no scaninfo for top $n"; exit 1; }
	check "tcp top $n" "$want" "$(ptop --proto tcp -n "$n" -o spec | sed 's/^T://')"
	check "tcp order $n" "$(printf '%s' "$want" | expand)" \
	    "$(head -n "$n" rank.tcp | sort -n)"
done
for n in 1 10 100 1000; do
	want=$(nmap_services -sU --top-ports "$n")
	check "udp top $n" "$want" "$(ptop --proto udp -n "$n" -o spec | sed 's/^U://')"
	check "udp order $n" "$(printf '%s' "$want" | expand)" \
	    "$(head -n "$n" rank.udp | sort -n)"
done
# Every sctp entry has frequency 0: nmap's order is the file's.
for n in 5 52 53; do
	check "sctp top $n" "$(nmap_services -sY --top-ports "$n")" \
	    "$(ptop --proto sctp -n "$n" -o spec | sed 's/^S://')"
done
for r in 0 0.000001 0.0001 0.001 0.01 0.05 0.1 0.5 0.9; do
	check "tcp ratio $r" "$(nmap_services -sS --port-ratio "$r")" \
	    "$(ptop --proto tcp --ratio "$r" -o spec | sed 's/^T://')"
	check "udp ratio $r" "$(nmap_services -sU --port-ratio "$r")" \
	    "$(ptop --proto udp --ratio "$r" -o spec | sed 's/^U://')"
done

# Both protocols in one nmap -p argument, as nmap -sS -sU would scan them.
both=$(nmap -sS -sU -Pn -n --top-ports 100 -oX - -iL /dev/null 2>/dev/null |
    sed -n 's/.*<scaninfo .*protocol="\([a-z]*\)".*services="\([^"]*\)".*/\1 \2/p' |
    awk '$1 == "tcp" { t = $2 } $1 == "udp" { u = $2 } END { print "T:" t ",U:" u }')
check "tcp+udp top 100" "$both" "$(ptop --proto all -n 100 -o spec | sed 's/,S:.*//')"

# -o spec is an nmap -p argument: given back to nmap, it selects the same
# ports as --top-ports, one protocol or both.
check "nmap -p spec" "$(nmap_services -sS --top-ports 1000)" \
    "$(nmap_services -sS -p "$(ptop -n 1000 -o spec)")"
check "nmap -p T:,U: spec" \
    "$(nmap -sS -sU -Pn -n --top-ports 50 -oX - -iL /dev/null 2>/dev/null | grep '<scaninfo')" \
    "$(nmap -sS -sU -Pn -n -p "$(ptop --proto all -n 50 -o spec | sed 's/,S:.*//')" -oX - -iL /dev/null 2>/dev/null | grep '<scaninfo')"

[ $status -eq 0 ] && echo "nmap and ptop agree"
exit $status
