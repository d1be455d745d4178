# Scan strings carrying terminal escapes and bytes that are not UTF-8
# (a grepable scan can hold any byte): -o ndiff-xml stays well-formed
# XML that xmllint reads, with U+FFFD where XML allows no character.
T=$TOP/testdata/harden
. "$TOP/tests/hostile/gen.sh"
gen_pdiff_escapes >esc.gnmap
pdiff -o ndiff-xml a.gnmap esc.gnmap >d.xml
echo "pdiff exit $?"
xmllint --noout d.xml && echo "well-formed"
xmllint --xpath 'string(//hostname/@name)' d.xml | od -An -c | sed 's/  */ /g'
