# An input no reader takes is told what it looks like and what would
# work: masscan's binary -oB (a real one, from the banners run), an HTML
# page, JSON of another tool, binary data, an empty file; else the list
# of formats every tool reads.
for f in "$TESTDATA/masscan-banners.bin"; do
	pcat "$f" 2>&1 | sed "s|$TESTDATA/||"
done
printf '<!DOCTYPE html>\n<HTML><body>scan results</body></HTML>\n' > page.html
pcat page.html
printf '{"results": [{"host": "10.0.0.1", "port": 22}]}\n' > other.json
pcat other.json
printf 'MZ\220\0\3\0\0\0' > a.exe
pnonstd a.exe
: > empty.txt
pcat empty.txt
printf 'hello world\n' | ptop -
exit 2
