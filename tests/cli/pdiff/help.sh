pdiff --help
echo "exit $?"
pdiff --version
echo "exit $?"
