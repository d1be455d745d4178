# Mode 2: ports by distinct up hosts; 127.0.0.23 is in both scans and
# counts once (its first record, from scanA.xml).
cd "$TOP/tests/cli/ptop/data" && ptop scanA.xml scanB.xml
