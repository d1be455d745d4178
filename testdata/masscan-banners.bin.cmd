# lab: tests/lab/lab.sh up basic
# --banners needs a source address
# the kernel does not own (10.77.1.200), so that the kernel does
# not reset the connections masscan's own stack opens.
masscan -p21,22,25,80,443,8080 --banners --rate 100 --wait 5 --adapter pkv-basic --adapter-ip 10.77.1.200 --adapter-mac 02:77:01:00:ff:02 --router-mac 02:77:01:00:00:02 -oB testdata/masscan-banners.bin 10.77.1.2
