# The root element must be <nmaprun>.
printf '<?xml version="1.0"?>\n<html><host/></html>\n' > r.xml
pcat r.xml
