# Standard input is one stream: it cannot be two of the inputs.
pfirewall - - <"$TESTDATA/pfirewall/fw-sS.xml"
