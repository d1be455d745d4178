# host:port lists (naabu, one-liners): open TCP ports, lines of one
# address in a row one host, --merge folds them per address.  The lab's
# lists are the open ports of multi-sS and basic6-sS (see their .cmd).
cd "$TESTDATA" || exit 2
pcat -o tsv -f file,host,proto,port,state hostport-multi.txt \
    hostport-basic6.txt
f=host,proto,port,state
pcat -H -o tsv -f $f --state open multi-sS.xml | cmp - "$(pcat -H \
    -o tsv -f $f hostport-multi.txt >"$OLDPWD/l"; echo "$OLDPWD/l")" &&
    echo "hostport-multi.txt: the open ports of multi-sS.xml"
cd "$OLDPWD" || exit 2
printf '# one-liner\n10.0.0.1:22\n10.0.0.2:80   # web\n\n10.0.0.1:443\n' >l.txt
pcat -o tsv --hosts -f host,status,open_ports,ports l.txt
pcat -o tsv --hosts --merge -f host,open_ports,ports l.txt
printf '10.0.0.1:22\n10.0.0.1:70000\n' | pcat -
echo "exit $?"
printf '10.0.0.1:22\nscanme.example:22\n' | pcat -
echo "exit $?"
printf 'scanme.example:22\n' | pcat -
echo "exit $?"
printf '10.0.0.1:22\n2001:db8::1:22\n' | pcat -
echo "exit $?"
printf '10.0.0.1:22\n10.0.0.1:\n' | pcat -
echo "exit $?"
printf '10.0.0.1:22 ssh\n' | pcat -
echo "exit $?"
