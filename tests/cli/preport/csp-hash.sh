# The page allows its one style element by hash: the hash in the
# Content-Security-Policy is the SHA-256 of exactly what the element
# holds.  And the page names no URL at all.
cd "$TESTDATA" && preport basic-sV.xml >"$OLDPWD/page.html" || exit 2
cd "$OLDPWD" || exit 2
python3 - page.html <<'PY'
import base64, hashlib, re, sys
page = open(sys.argv[1], "rb").read()
css = re.findall(rb"<style>(.*?)</style>", page, re.S)
csp = re.findall(rb'http-equiv="Content-Security-Policy" content="([^"]*)"',
                 page)
print("style elements: %d, policies: %d" % (len(css), len(csp)))
want = base64.b64encode(hashlib.sha256(css[0]).digest())
print("policy: " + csp[0].decode().replace(want.decode(), "HASH"))
print("urls: %d" % len(re.findall(rb"[a-z]+://", page)))
PY
