phist --help
echo "exit $?"
phist --version
echo "exit $?"
