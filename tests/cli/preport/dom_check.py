"""dom_check.py PAGE.html - render a preport page in headless Chromium and
check the DOM the browser built from it (not the bytes preport wrote):

  - only the elements preport writes, and no event handler attribute, no
    javascript: value, no link but to a section of the page;
  - exactly one style element, no script, image, frame, form, base or link;
  - no Content-Security-Policy violation and no other console message
    (a wrong style hash would show as one);
  - every section id.

Prints what it found (the CLI test compares it) and exits 1 on a problem;
prints "SKIP: ..." and exits 77 when no Chromium is installed.
"""
import html.parser
import os
import shutil
import subprocess
import sys
import tempfile

ALLOWED = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "nav",
    "a", "main", "section", "h2", "h4", "table", "thead", "tbody", "tr",
    "th", "td", "p", "b", "br", "strong", "details", "summary", "pre",
    "figure", "figcaption", "svg", "text", "rect", "footer", "dl", "div",
    "dt", "dd",
}
SECTIONS = ["summary", "top-ports", "services", "nonstandard", "changes",
            "firewall", "hosts"]
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync",
         "--enable-logging=stderr", "--v=0"]


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.count = {}
        self.ids = []
        self.text = []

    def handle_starttag(self, tag, attrs):
        self.count[tag] = self.count.get(tag, 0) + 1
        if tag not in ALLOWED:
            self.problems.append("element <%s> %r" % (tag, attrs))
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.problems.append("handler %s on <%s>" % (name, tag))
            if "javascript:" in value.lower():
                self.problems.append("javascript: in %s of <%s>" %
                                     (name, tag))
            if name in ("href", "src", "action", "formaction",
                        "xlink:href") and not (tag == "a" and
                                               value.startswith("#")):
                self.problems.append("%s=%r on <%s>" % (name, value, tag))
            if name == "style":
                self.problems.append("style attribute on <%s>" % tag)
            if name == "id":
                self.ids.append(value)
        if tag == "meta":
            keys = dict(attrs)
            if keys.get("http-equiv", "").lower() not in (
                    "", "content-security-policy"):
                self.problems.append("meta %r" % attrs)

    def handle_data(self, data):
        self.text.append(data)


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def main():
    page = os.path.abspath(sys.argv[1])
    browser = chromium()
    if browser is None:
        print("SKIP: no chromium (scripts/install-deps.sh installs it)")
        return 77
    with tempfile.TemporaryDirectory() as profile:
        run = subprocess.run(
            [browser] + FLAGS + ["--user-data-dir=" + profile,
                                 "--dump-dom", "file://" + page],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120,
            check=False)
    dom = run.stdout.decode("utf-8", "replace")
    if run.returncode != 0 or "<html" not in dom:
        print("chromium failed (%d)" % run.returncode)
        sys.stdout.write(run.stderr.decode("utf-8", "replace")[-2000:])
        return 1
    console = [l for l in run.stderr.decode("utf-8", "replace").splitlines()
               if ":CONSOLE" in l]
    d = Dom()
    d.feed(dom)
    d.close()
    for c in console:
        d.problems.append("console: " + c.split("] ", 1)[-1])
    if d.count.get("style", 0) != 1:
        d.problems.append("%d style elements" % d.count.get("style", 0))
    print("sections: " + " ".join(i for i in d.ids if i in SECTIONS))
    missing = [s for s in SECTIONS if s not in d.ids]
    if missing:
        d.problems.append("sections missing: " + " ".join(missing))
    text = "".join(d.text)
    for word in ("<script>", "onerror=", "javascript:", "</style>"):
        if word in text:
            print("shown as text: " + word)
    for p in d.problems:
        print("PROBLEM: " + p)
    print("%d problems" % len(d.problems))
    return 1 if d.problems else 0


if __name__ == "__main__":
    sys.exit(main())
