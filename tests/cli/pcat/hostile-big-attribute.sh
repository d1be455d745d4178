# A 50 MB attribute value: stopped at the tag limit, never buffered whole.
{
	printf '<?xml version="1.0"?>\n<nmaprun scanner="nmap" args="'
	head -c 52428800 /dev/zero | tr '\0' 'A'
	printf '">\n</nmaprun>\n'
} > big.xml
pcat big.xml
