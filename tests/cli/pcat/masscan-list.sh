# masscan -oL reads as the same port records as its -oX and -oG of the
# same scan (the lab's four outputs); lines of one address in a row are
# one host, as in -oG.  A list without "# end" was cut short.
cd "$TESTDATA" || exit 2
f=host,proto,port,state
pcat -o tsv -f file,$f masscan-basic.list
for x in masscan-basic.xml masscan-basic.gnmap; do
	pcat -H -o tsv -f $f $x | sort >"$OLDPWD/x"
	pcat -H -o tsv -f $f masscan-basic.list | sort | cmp - "$OLDPWD/x" &&
	    echo "masscan-basic.list: the ports of $x"
done
pcat -o jsonl --hosts -f host,open_ports,ports,endtime masscan-basic.list
head -3 masscan-basic.list | pcat -o list -
echo "exit $?"
printf '#masscan\nopen tcp 0 10.77.1.2 1795465477\n# end\n' | pcat -
echo "exit $?"
printf '#masscan\nopen icmp 1 10.77.1.2 1795465477\n# end\n' | pcat -
echo "exit $?"
printf '#masscan\nopen tcp 22 10.77.1.2\n# end\n' | pcat -
echo "exit $?"
# Addresses interleaved, as a real masscan run writes them: --merge
# folds each address into one host, as for masscan XML.
printf '#masscan\nopen tcp 22 10.0.0.1 5\nopen tcp 22 10.0.0.2 6\nopen tcp 80 10.0.0.1 7\n# end\n' >"$OLDPWD/mixed.list"
pcat -o tsv --hosts -f host,open_ports,ports "$OLDPWD/mixed.list"
pcat -o tsv --hosts --merge -f host,open_ports,ports,endtime "$OLDPWD/mixed.list"
