# Categories of the port table ranked over the lab's scans: a host counts
# once per category however many of its open ports are in it (22/tcp and
# 80/tcp are both core); DETECTED lists the ports behind each category.
cd "$TESTDATA" && ptop --by category -o tsv multi-sS.xml masscan-basic.xml nonstd-sV.xml basic-sV.xml
