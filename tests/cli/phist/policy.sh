# The policy check on real lab scans: a * rule with a service pattern, a
# network rule with another, an address rule, an IPv6 network.  Exit 1
# names what is not allowed, with first_open and open_scans so that a new
# violation (443 on .9, opened in the later scan) stands out.
cd "$TESTDATA" || exit 2
cat >"$OLDPWD/lab.policy" <<'P'
# Who may listen where (portkit-policy(5)).
*               T:22            ssh
10.77.4.0/24    T:80,443,8443   (ssl/)?http	# web, also over TLS
10.77.4.2       T:6379
fd77:4::/64     T:80,8000,8443
10.77.2.8/29    T:80
P
phist --policy "$OLDPWD/lab.policy" nonstd-sV.xml nonstd6-sV.xml \
    multi-sS.xml multi-sS-later.xml basic-sV.xml
echo "exit $?"
# All allowed: nothing printed, exit 0 (ready for cron).
printf '* T:1-65535\n' | phist --policy - multi-sS.xml nonstd-sV.xml
echo "exit $?"
# Only what the policy does not allow of the ports -p asks about.
phist -o tsv -p T:8080-9000 --policy "$OLDPWD/lab.policy" multi-sS.xml \
    multi-sS-later.xml nonstd-sV.xml
echo "exit $?"
# A truncated scan's complete hosts are checked; 3 wins over 1.
phist -o tsv --policy "$OLDPWD/lab.policy" interrupted-sS.xml
echo "exit $?"
# A bad rule stops before any scan is read.
printf '* 22\n10.77.2.0/24 T:80 (http\n' | phist --policy - multi-sS.xml
echo "exit $?"
printf '* 22 ssh http\n' | phist --policy - multi-sS.xml
echo "exit $?"
