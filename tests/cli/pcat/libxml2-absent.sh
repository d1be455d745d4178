# libxml2 is opened only for XML input (lib/xml_lib.c): with a stand-in
# libxml2.so.2 that has none of its functions first on the library path,
# a grepable scan still prints, and an XML one fails cleanly.
command -v "${CC:-cc}" >/dev/null 2>&1 || { echo "SKIP: no C compiler"; exit 77; }
echo 'int pk_not_libxml2;' >stub.c
"${CC:-cc}" -shared -fPIC -o libxml2.so.2 stub.c || exit 99
LD_LIBRARY_PATH=$PWD pcat -o tsv "$TESTDATA/basic-sV.gnmap" >out
echo "gnmap: exit $?"
head -n 2 out
LD_LIBRARY_PATH=$PWD pcat -o tsv "$TESTDATA/basic-sV.xml" >out 2>err
echo "xml: exit $?"
sed "s|$TESTDATA/||" err out
