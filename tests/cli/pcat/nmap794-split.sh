# A forbidden reference cut by a read: the pipe delivers the file in two
# pieces, the first ending inside "&#x1b;".  Same records as read whole.
f=$TESTDATA/nmap794-charref.xml
n=$(grep -b -o 'ife-biteP&#x1' "$f" | cut -d: -f1)
{ head -c $((n + 13)) "$f"; sleep 0.3; tail -c +$((n + 14)) "$f"; } |
    pcat -o tsv -H -f host,port,service -p 8080 --state open
echo "exit $?"
