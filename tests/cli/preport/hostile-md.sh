# The hostile scan in Markdown: markup is backslash-escaped outside code
# blocks, and script output sits in fences longer than its backtick runs.
cd "$TESTDATA/preport" && preport -o md --title '<b>x</b>' \
    --since hostile-before.xml hostile.xml hostile-sA.xml
