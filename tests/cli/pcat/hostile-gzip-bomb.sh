# 200 MB of blanks inside <nmaprun>, compressed to a few hundred KB: it is
# streamed (never buffered) and reported as the truncated scan it is.
{
	printf '<?xml version="1.0"?>\n<nmaprun scanner="nmap">'
	head -c 209715200 /dev/zero | tr '\0' ' '
} | gzip -1 > bomb.xml.gz
pcat bomb.xml.gz
