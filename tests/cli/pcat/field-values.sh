# The values pcat prints for a field with a fixed set of values are the
# values portkit-output(5) lists for it, in the same case (the page once
# said "Tcp, udp, sctp or ip").  Values taken from real scans and dumps.
cd "$TESTDATA" || exit 2
# desc SECTION FIELD: the page's text for FIELD in SECTION, one line.
desc() {
	awk -v sec="$1" -v f="$2" '
	    /^\.Sh / { insec = (substr($0, 5) == sec); next }
	    /^\.(It|El)/ { on = insec && $0 ~ "^\\.It Li " f " Pq "; next }
	    on { sub(/^\.[A-Z][a-z] /, ""); gsub(/\\\(ba/, "|"); printf "%s ", $0 }
	' "$TOP/man/portkit-output.5"
}
check() {
	sec=$1 field=$2
	shift 2
	text=$(desc "$sec" "$field")
	pcat -H -o tsv -f "$field" "$@" | sort -u | while read -r v; do
		[ -n "$v" ] || continue
		case " $text " in
		*[!a-z\|-]"$v"[!a-z\|-]*) echo "$field: $v" ;;
		*) echo "$field: $v not in portkit-output(5): $text" ;;
		esac
	done
}
ports="append.xml basic-sSU.xml basic-sV.xml basic6-sS.xml fw-none-sA.xml
    localhost-sU.xml"
# shellcheck disable=SC2086
{
	check "SCAN PORT RECORDS" proto $ports
	check "SCAN PORT RECORDS" state $ports
	check "SCAN PORT RECORDS" addr_type $ports
	check "SCAN PORT RECORDS" tunnel $ports
	check "SCAN PORT RECORDS" method $ports
}
check "SOCKET RECORDS" format ss-tulnp.txt lsof-iPn.txt
check "SOCKET RECORDS" proto ss-tulnp.txt lsof-iPn.txt
check "SOCKET RECORDS" state ss-tunap.txt lsof-iPn.txt
