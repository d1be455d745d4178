# Usage errors exit 2 with a hint; --version names the suite.
pcat --bogus
echo "exit $?"
pcat -o yaml /dev/null
echo "exit $?"
pcat -f host,nosuch /dev/null
echo "exit $?"
pcat --state opened /dev/null
echo "exit $?"
pcat --service '(' /dev/null
echo "exit $?"
pcat --match 'port' /dev/null
echo "exit $?"
pcat --match 'nosuch=x' /dev/null
echo "exit $?"
pcat -p 70000 /dev/null
echo "exit $?"
pcat --host 10.0.0.0/33 /dev/null
echo "exit $?"
pcat --proto icmp /dev/null
echo "exit $?"
pcat --version
