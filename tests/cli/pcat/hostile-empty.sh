# Empty and whitespace-only inputs.
: > empty.xml
printf '  \n\t\n' > blank.xml
pcat empty.xml
echo "exit $?"
pcat blank.xml
echo "exit $?"
pcat < /dev/null
