# lab: none (two-member gzip of multi-sS.xml)
sh -c 'head -n 20 testdata/multi-sS.xml | gzip -n >testdata/multi-sS.part1.gz && tail -n +21 testdata/multi-sS.xml | gzip -n >testdata/multi-sS.part2.gz && cat testdata/multi-sS.part1.gz testdata/multi-sS.part2.gz >testdata/multi-sS.xml.gz && rm testdata/multi-sS.part1.gz testdata/multi-sS.part2.gz'
