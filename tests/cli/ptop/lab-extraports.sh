# basic-sS scanned ports 1-2000 and listed only the 5 open ones; nmap
# folded 1891 closed (reset) and 104 filtered ports (103 no-response,
# 1 port-unreach) into <extraports>, whose port lists make them count.
cd "$TESTDATA" || exit 2
for s in open closed filtered open,closed,filtered; do
	echo "$s: $(ptop --state "$s" -o tsv -H basic-sS.xml | wc -l) ports"
done
ptop --state filtered -n 5 basic-sS.xml
ptop --state closed -o tsv basic-sS.xml | sed -n '2p;$p'
# Two lab hosts behind different firewalls, ACK scans of 1000 ports.
ptop --state filtered,unfiltered -n 3 -o tsv fw-stateful-sA-1000.xml fw-none-sA-1000.xml
# -oG keeps only "Ignored State: closed (1891)": nothing to count.
echo "gnmap closed: $(ptop --state closed -o tsv -H basic-sS.gnmap | wc -l) ports"
