# lab: tests/lab/lab.sh up basic
masscan -p22,80,443,3306,9999,U:53 --rate 100 --wait 2 --adapter pkv-basic --adapter-ip 10.77.1.1 --adapter-mac 02:77:01:00:ff:02 --router-mac 02:77:01:00:00:02 -oD testdata/masscan-basic.ndjson 10.77.1.2
