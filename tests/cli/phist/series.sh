# A weekly series made by bench/gen: -oX and -oG mixed, one gzip'd, one
# with a smaller port set, one cut short.  Given in any order, phist's
# histories equal those series.py computes from the files on its own;
# the cut file is named and the exit status is 3.  Shards by --host,
# run by GNU parallel as phist(1) shows (a loop without it), concatenate
# to the whole answer.
S="$TOP/tests/cli/phist/series.py"
cc -std=c11 -O1 -o gen "$TOP/bench/gen.c" || exit 2
python3 "$S" make ./gen . >list || exit 2
python3 "$S" ref $(cat list) >ref.tsv || exit 2
echo "reference: $(wc -l <ref.tsv) histories"
w() {
	for i; do
		sed -n "$((i + 1))p" list
	done
}
for order in "3 1 7 0 5 2 6 4" "7 6 5 4 3 2 1 0" "0 1 2 3 4 5 6 7"; do
	phist -H -o tsv $(w $order) >got.tsv 2>err
	echo "order $order: exit $?, $(sed 's/^phist: .\///' err)"
	cmp -s ref.tsv got.tsv && echo "  same as the reference" ||
	    diff ref.tsv got.tsv | head -10
done
# What changes with the order: nothing.
cut -f5 ref.tsv | sort | uniq -c
phist -H -o tsv $(w 0 1 2 3 4 5 6 7) >whole.tsv 2>/dev/null
nets="10.0.0.0/29 10.0.0.8/29 10.0.0.16/28"
if command -v parallel >/dev/null 2>&1; then
	parallel --will-cite -k phist -H -o tsv --host {} $(cat list) \
	    ::: $nets >shards.tsv 2>/dev/null
else
	for n in $nets; do
		phist -H -o tsv --host "$n" $(cat list) 2>/dev/null
	done >shards.tsv
fi
cmp -s whole.tsv shards.tsv && echo "shards: the whole answer"
