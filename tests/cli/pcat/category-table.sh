# --port-table FILE: its lines replace the installed ones (22/tcp loses
# file-transfer) and bring new categories; a bad line names file, line
# and column; an unknown category lists those the table has; without any
# table the category field is empty and said once, --category an error.
cd "$TESTDATA" || exit 2
printf '# mine\n22/tcp\tcore,remote-access\tssh\n8080/tcp\tlab\n' >"$OLDPWD/mine"
pcat --port-table "$OLDPWD/mine" -o tsv -H -f port,category basic-sV.xml
pcat --port-table "$OLDPWD/mine" --category lab -o tsv -H -f port,category basic-sV.xml
printf '22/tcp\tcore\n80/tcp\tCore\n' >"$OLDPWD/bad"
pcat --port-table "$OLDPWD/bad" -f port,category basic-sV.xml 2>&1 | sed "s|$OLDPWD/||"
pcat --category nosuch basic-sV.xml
echo "exit $?"
PORTKIT_DATADIR=/nonexistent pcat -o tsv -H -f port,category,iana_range -p 22,8080 basic-sV.xml multi-sS.xml
PORTKIT_DATADIR=/nonexistent pcat --category web basic-sV.xml
echo "exit $?"
