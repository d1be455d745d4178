# --scripts: one record per script result of the lab's -sC scan, the
# host's own scripts last with no proto or port; output one line in tsv,
# RFC 4180 quoted in csv, the <table>/<elem> tree as JSON in jsonl.
cd "$TESTDATA" || exit 2
pcat --scripts localhost-sC.xml
echo "exit $?"
pcat --scripts -o tsv localhost-sC.xml
pcat --scripts -o csv --match script=ssl-cert localhost-sC.xml
pcat --scripts -o jsonl -f port,script,elements -p 80 localhost-sC.xml
# elements holds the tree: ssl-cert's subject table, its extensions array.
pcat --scripts -o jsonl -f elements --match script='^ssl-cert$' \
    localhost-sC.xml | sed 's/"pem":"[^"]*"/"pem":PEM/; s/"modulus":"[^"]*"/"modulus":HEX/'
# Port filters choose the ports whose scripts show (no host scripts then).
pcat --scripts -H -o tsv -f port,script -p 443 --state open localhost-sC.xml
pcat --scripts -H -o tsv -f host,script --match output=nginx localhost-sC.xml
pcat --scripts -H -o tsv -f script --service '^https?$' localhost-sC.xml
# The name as shown: a TLS service is ssl/http.
pcat --scripts -H -o tsv -f port,script --service '^ssl/' localhost-sC.xml
pcat --scripts -o list localhost-sC.xml
# No script results: nothing printed, exit 1.
pcat --scripts basic-sS.xml
echo "exit $?"
pcat --scripts --list-fields
pcat --scripts --list-fields >"$OLDPWD/f"
pcat --list-fields=scripts | cmp - "$OLDPWD/f" && echo "the same as --list-fields=scripts"
pcat --scripts --hosts localhost-sC.xml
echo "exit $?"
pcat --scripts --match nosuch=x localhost-sC.xml
echo "exit $?"
