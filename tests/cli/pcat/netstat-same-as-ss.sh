# ss and netstat dumps of the same moment read as the same sockets on the
# fields both carry.  netstat has no zone ids (ss's are dropped here) and
# writes argv[0] where ss writes the kernel's comm (cut at its first ')'
# by ss), so the process name is left out; the pid says which process.
cd "$TESTDATA" || exit 2
F=proto,host,port,state,listening,peer,peer_port,pid
for n in netstat-tulpn netstat-tunap netstat-long-W; do
	s=$n-ss
	[ "$n" = netstat-long-W ] && s=netstat-long-ss
	pcat -H -o tsv -f $F "$s.txt" | sort >"$OLDPWD/ss.tsv"
	pcat -H -o tsv -f $F "$n.txt" | sort >"$OLDPWD/netstat.tsv"
	if cmp -s "$OLDPWD/ss.tsv" "$OLDPWD/netstat.tsv"; then
		echo "$n: $(wc -l <"$OLDPWD/ss.tsv") sockets, the same as $s"
	else
		diff "$OLDPWD/ss.tsv" "$OLDPWD/netstat.tsv"
	fi
done
