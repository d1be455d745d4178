# lab: tests/lab/lab.sh up basic
# masscan-banners.bin read back: every format of one run
masscan --readscan testdata/masscan-banners.bin -oD testdata/masscan-banners.ndjson
