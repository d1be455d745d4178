# A port absent from nmap-services, or of frequency 0, has no lift.
cd "$TOP/tests/cli/ptop/data" && ptop --services small.services -o tsv scanA.xml
