# A hostile scan (hostnames, products, versions, script output, script
# ids, service names, reasons, MAC vendors, nmap's arguments and the file
# name carry <script>, "><img onerror=...>, javascript: URLs, </style>),
# an earlier one (changes) and an ACK scan (firewall), with a hostile
# title, rendered in headless Chromium: no element, handler or link is
# injected, and the payloads show as text.
[ -r /usr/share/nmap/nmap-services ] || { echo "SKIP: no /usr/share/nmap/nmap-services"; exit 77; }
D=$TESTDATA/preport
cp "$D/hostile.xml" 'x"><img src=x onerror=alert(1)>.xml'
preport --services /usr/share/nmap/nmap-services --tables "$TOP/data" \
    --title '</title><script>alert("title")</script>' \
    --since "$D/hostile-before.xml" 'x"><img src=x onerror=alert(1)>.xml' \
    "$D/hostile-sA.xml" >hostile.html || exit 2
python3 "$TOP/tests/cli/preport/dom_check.py" hostile.html
