# A host down in one scan only says so: the nftables host of the fwkinds
# lab was off the link for the SYN scan and up for the ACK scan.
ln -s "$TESTDATA/pfirewall" d
pfirewall --hosts d/fk-nftdown-sS.xml d/fk-sA.xml
