# portkit: one non-recursive GNU Makefile (STYLE.md 4.8).
#
# Sources are found by wildcard, so adding lib/foo.c, tools/bar.c or
# tests/unit/test_baz.c needs no edit here:
#   lib/*.c               -> $(BUILDDIR)/libportkit.a and libportkit.so
#   tools/fe/*.c          -> linked into every tool and unit test
#   tools/*.c             -> one tool each, $(BUILDDIR)/<name>
#   tests/unit/test_*.c   -> $(BUILDDIR)/tests/test_<name>
#   tests/fuzz/fuzz_*.c   -> $(BUILDDIR)/fuzz/fuzz_<name> (replay main)
#
# User CFLAGS, CPPFLAGS and LDFLAGS come last so they can override ours.

PREFIX		?= /usr/local
BINDIR		?= $(PREFIX)/bin
LIBDIR		?= $(PREFIX)/lib
INCLUDEDIR	?= $(PREFIX)/include
DATADIR		?= $(PREFIX)/share
MANDIR		?= $(DATADIR)/man
DOCDIR		?= $(DATADIR)/doc/portkit
PKGCONFIGDIR	?= $(LIBDIR)/pkgconfig
BASHCOMPDIR	?= $(DATADIR)/bash-completion/completions
# Debian's zsh searches vendor-completions for what packages install
# under /usr, site-functions only under /usr/local; other systems and
# prefixes use site-functions.
ZSHCOMPDIR	?= $(DATADIR)/zsh/$(if $(filter /usr /usr/,$(PREFIX)),$\
		   vendor-completions,site-functions)
DESTDIR		?=
BUILDDIR	?= build

CC		?= cc
AR		?= ar
INSTALL		?= install
PKG_CONFIG	?= pkg-config
# Release hardening (issue 8, SECURITY.md): fortified libc calls, stack
# protector and stack clash protection, position-independent executables,
# read-only relocations bound at start.  Functions start on 64-byte
# lines: otherwise any change moves every hot loop after it, and moving
# the row writer by 16 bytes moved pcat's CPU time by 2.5% (bench/README.md,
# "Eighth session").  CFLAGS or LDFLAGS given on the command line
# (make check, make fuzz) replace these; PIE stays on.
CFLAGS		?= -O2 -g -D_FORTIFY_SOURCE=2 -fstack-protector-strong \
		   -fstack-clash-protection -falign-functions=64
CPPFLAGS	?=
LDFLAGS		?= -Wl,-z,relro,-z,now
PIE_CFLAGS	= -fPIE
PIE_LDFLAGS	= -pie

# Flags for make check: every binary built with ASan and UBSan.
SAN_FLAGS	= -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
		  -fno-omit-frame-pointer
# build/check, or BUILDDIR/check when BUILDDIR is given on the command
# line, so that people sharing a tree do not collide.
CHECKDIR	?= $(if $(filter command line,$(origin BUILDDIR)),$\
		   $(BUILDDIR)/check,build/check)

VERSION		:= $(shell sed -n 's/^\#define PK_VERSION[[:space:]]*"\(.*\)"/\1/p' \
		   include/portkit.h)
SOMAJOR		= 0

DEP_CFLAGS	:= $(shell $(PKG_CONFIG) --cflags libxml-2.0 libpcre2-8 zlib)
PK_CFLAGS	= -std=c11 -Wall -Wextra -Werror -Wstrict-prototypes \
		  -Wmissing-prototypes -Wformat=2 -D_POSIX_C_SOURCE=200809L \
		  -pthread -Iinclude -Ilib $(DEP_CFLAGS)
# Tools and tests include "fe/fe.h"; the library must not see tools/.
FE_CFLAGS	= -Itools
# -pthread: lib/input/prefetch.c inflates gzip on a second core.
# libxml2 is linked, not opened with dlopen: glibc's loader ends the
# process when an allocation fails inside dlopen, and the library must
# never exit (SECURITY.md).
DEP_LIBS	:= $(shell $(PKG_CONFIG) --libs libxml-2.0 libpcre2-8 zlib)
LIBS		= $(DEP_LIBS) -lm -pthread

ifeq ($(V),1)
Q	=
E	= @:
else
Q	= @
E	= @echo
endif

LIB_SRCS	:= $(sort $(wildcard lib/*/*.c))
FE_SRCS		:= $(sort $(wildcard tools/fe/*.c))
TOOL_SRCS	:= $(sort $(wildcard tools/*.c))
UNIT_SRCS	:= $(sort $(wildcard tests/unit/test_*.c))
FUZZ_SRCS	:= $(sort $(wildcard tests/fuzz/fuzz_*.c))

OBJDIR		= $(BUILDDIR)/obj
PICDIR		= $(BUILDDIR)/pic
LIB_OBJS	= $(LIB_SRCS:%.c=$(OBJDIR)/%.o)
LIB_PICS	= $(LIB_SRCS:%.c=$(PICDIR)/%.o)
FE_OBJS		= $(FE_SRCS:%.c=$(OBJDIR)/%.o)
TOOLS		= $(TOOL_SRCS:tools/%.c=$(BUILDDIR)/%)
UNITS		= $(UNIT_SRCS:tests/unit/%.c=$(BUILDDIR)/tests/%)
FUZZERS		= $(FUZZ_SRCS:tests/fuzz/%.c=$(BUILDDIR)/fuzz/%)

STATIC_LIB	= $(BUILDDIR)/libportkit.a
SHARED_REAL	= $(BUILDDIR)/libportkit.so.$(VERSION)
SHARED_SONAME	= libportkit.so.$(SOMAJOR)
# With no library sources yet there is nothing to archive; tools still build.
LIB_TARGETS	= $(if $(LIB_SRCS),$(STATIC_LIB) $(SHARED_REAL) \
		  $(BUILDDIR)/$(SHARED_SONAME) $(BUILDDIR)/libportkit.so)
LINK_LIB	= $(if $(LIB_SRCS),$(STATIC_LIB))

MAN_PAGES	:= $(sort $(wildcard man/*.1 man/*.3 man/*.5))
BASH_COMPS	:= $(sort $(wildcard completions/bash/*))
ZSH_COMPS	:= $(sort $(wildcard completions/zsh/_*))

ALL_CFLAGS	= $(PK_CFLAGS) $(CPPFLAGS) $(CFLAGS)

.PHONY: FORCE all tests fuzzers install install-lib install-bin install-man \
	install-completions install-doc install-data uninstall check \
	check-full lint fuzz bench torture clean help

## all: build the library, the tools and portkit.pc (default)
all: $(LIB_TARGETS) $(TOOLS) $(BUILDDIR)/portkit.pc

## tests: build the unit test and fuzz replay binaries
tests: $(UNITS) $(FUZZERS)

# --- compiling ------------------------------------------------------------

# The flags every object was compiled with: a change (a new CFLAGS in
# the Makefile or on the command line) rebuilds them all, not only the
# files touched since.
FLAGS_STAMP	= $(BUILDDIR)/cflags

$(FLAGS_STAMP): FORCE
	@mkdir -p $(@D)
	$(Q)echo '$(CC) $(PIE_CFLAGS) $(ALL_CFLAGS) $(FE_CFLAGS)' >$@.tmp
	$(Q)if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

$(OBJDIR)/lib/%.o: lib/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(E) "  CC      $<"
	$(Q)$(CC) $(PIE_CFLAGS) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(PICDIR)/lib/%.o: lib/%.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(E) "  CC -fPIC $<"
	$(Q)$(CC) $(ALL_CFLAGS) -fPIC -MMD -MP -c -o $@ $<

# Tools, tools/fe and tests: everything but lib/ may include "fe/fe.h".
$(OBJDIR)/%.o: %.c $(FLAGS_STAMP)
	@mkdir -p $(@D)
	$(E) "  CC      $<"
	$(Q)$(CC) $(PIE_CFLAGS) $(PK_CFLAGS) $(FE_CFLAGS) $(CPPFLAGS) $(CFLAGS) \
	    -MMD -MP \
	    -c -o $@ $<

# --- linking --------------------------------------------------------------

$(STATIC_LIB): $(LIB_OBJS)
	@mkdir -p $(@D)
	$(E) "  AR      $@"
	$(Q)rm -f $@
	$(Q)$(AR) rcs $@ $(LIB_OBJS)

# The shared library exports exactly the functions portkit.h declares,
# through a version script made from it (an anonymous node: the soname
# carries the ABI, libportkit(3) "ABI"); everything else in lib/ is
# local to it.  Tools and tests link the static archive.
SYMBOL_MAP	= $(BUILDDIR)/portkit.map

$(SYMBOL_MAP): include/portkit.h
	@mkdir -p $(@D)
	$(E) "  GEN     $@"
	$(Q){ echo '{'; echo 'global:'; \
	    grep -oE '\bpk_[A-Za-z0-9_]+[[:space:]]*\(' include/portkit.h | \
	    tr -d '( \t' | sort -u | sed 's/.*/\t&;/'; \
	    echo 'local:'; printf '\t*;\n};\n'; } >$@.tmp && mv $@.tmp $@

$(SHARED_REAL): $(LIB_PICS) $(SYMBOL_MAP)
	@mkdir -p $(@D)
	$(E) "  LD      $@"
	$(Q)$(CC) $(CFLAGS) -shared -Wl,-soname,$(SHARED_SONAME) \
	    -Wl,--version-script=$(SYMBOL_MAP) -o $@ $(LIB_PICS) $(LDFLAGS) \
	    $(LIBS)

$(BUILDDIR)/$(SHARED_SONAME) $(BUILDDIR)/libportkit.so: $(SHARED_REAL)
	$(Q)ln -sf $(notdir $<) $@

$(TOOLS): $(BUILDDIR)/%: $(OBJDIR)/tools/%.o $(FE_OBJS) $(LINK_LIB)
	$(E) "  LD      $@"
	$(Q)$(CC) $(CFLAGS) $(PIE_LDFLAGS) -o $@ $< $(FE_OBJS) $(LINK_LIB) \
	    $(LDFLAGS) $(LIBS)

$(UNITS): $(BUILDDIR)/tests/%: $(OBJDIR)/tests/unit/%.o $(FE_OBJS) $(LINK_LIB)
	@mkdir -p $(@D)
	$(E) "  LD      $@"
	$(Q)$(CC) $(CFLAGS) $(PIE_LDFLAGS) -o $@ $< $(FE_OBJS) $(LINK_LIB) \
	    $(LDFLAGS) $(LIBS)

$(FUZZERS): $(BUILDDIR)/fuzz/%: $(OBJDIR)/tests/fuzz/%.o $(LINK_LIB)
	@mkdir -p $(@D)
	$(E) "  LD      $@"
	$(Q)$(CC) $(CFLAGS) $(PIE_LDFLAGS) -o $@ $< $(LINK_LIB) $(LDFLAGS) \
	    $(LIBS)

# Regenerated whenever the directories change (make install PREFIX=/usr
# after a plain make), but rewritten only when its text differs.
$(BUILDDIR)/portkit.pc: portkit.pc.in include/portkit.h FORCE
	@mkdir -p $(@D)
	$(Q)sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(LIBDIR)|g' \
	    -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|g' -e 's|@VERSION@|$(VERSION)|g' \
	    portkit.pc.in >$@.tmp
	$(Q)if cmp -s $@.tmp $@; then rm -f $@.tmp; \
	else echo "  GEN     $@"; mv $@.tmp $@; fi

FORCE:

# Where install-data puts the port table and pnonstd's tables, compiled
# into fe_data.o as one more place the tools look.  The stamp is
# rewritten only when the directory changes (make install PREFIX=/usr
# after a plain make), so fe_data.o is rebuilt then and only then.
FE_DATADIR	= $(DATADIR)/portkit
$(BUILDDIR)/datadir.stamp: FORCE
	@mkdir -p $(@D)
	$(Q)echo '$(FE_DATADIR)' >$@.tmp
	$(Q)if cmp -s $@.tmp $@; then rm -f $@.tmp; else mv $@.tmp $@; fi

$(OBJDIR)/tools/fe/fe_data.o: $(BUILDDIR)/datadir.stamp
$(OBJDIR)/tools/fe/fe_data.o: FE_CFLAGS += -DFE_DATADIR='"$(FE_DATADIR)"'

ALL_OBJS	= $(LIB_OBJS) $(LIB_PICS) $(FE_OBJS) \
		  $(TOOL_SRCS:%.c=$(OBJDIR)/%.o) $(UNIT_SRCS:%.c=$(OBJDIR)/%.o) \
		  $(FUZZ_SRCS:%.c=$(OBJDIR)/%.o)
-include $(ALL_OBJS:.o=.d)

# --- installing -----------------------------------------------------------

## install: install-lib install-bin install-man install-completions install-doc install-data
install: install-lib install-bin install-man install-completions \
	install-doc install-data

## install-lib: libportkit.a, libportkit.so*, portkit.h, portkit.pc
install-lib: $(LIB_TARGETS) $(BUILDDIR)/portkit.pc
	$(INSTALL) -d $(DESTDIR)$(LIBDIR) $(DESTDIR)$(INCLUDEDIR) \
	    $(DESTDIR)$(PKGCONFIGDIR)
ifneq ($(LIB_SRCS),)
	$(INSTALL) -m 644 $(STATIC_LIB) $(DESTDIR)$(LIBDIR)/
	$(INSTALL) -m 755 $(SHARED_REAL) $(DESTDIR)$(LIBDIR)/
	ln -sf libportkit.so.$(VERSION) $(DESTDIR)$(LIBDIR)/$(SHARED_SONAME)
	ln -sf $(SHARED_SONAME) $(DESTDIR)$(LIBDIR)/libportkit.so
endif
	$(INSTALL) -m 644 include/portkit.h $(DESTDIR)$(INCLUDEDIR)/
	$(INSTALL) -m 644 $(BUILDDIR)/portkit.pc $(DESTDIR)$(PKGCONFIGDIR)/

## install-bin: the tools
install-bin: $(TOOLS)
	$(INSTALL) -d $(DESTDIR)$(BINDIR)
	$(if $(TOOLS),$(INSTALL) -m 755 $(TOOLS) $(DESTDIR)$(BINDIR)/)

# The functions a man3 page documents, one "page name" pair per .Nm of
# its NAME section other than the page itself: each gets a link page.
MAN_LINKS	= for p in $(filter %.3,$(MAN_PAGES)); do \
		    b=$${p\#\#*/}; \
		    sed -n '/^\.Sh NAME/,/^\.Nd/s/^\.Nm \([A-Za-z0-9_]*\).*/\1/p' \
			$$p | while read -r n; do \
			[ "$$n.3" = "$$b" ] || echo "$$b $$n"; \
		    done; \
		  done

## install-man: man/*.1 *.3 *.5 into their sections, a link page for each function
install-man:
	@set -e; for p in $(MAN_PAGES); do \
	    d=$(DESTDIR)$(MANDIR)/man$${p##*.}; \
	    echo "$(INSTALL) -m 644 $$p $$d/"; \
	    $(INSTALL) -d $$d; $(INSTALL) -m 644 $$p $$d/; \
	done
	@echo "link pages: .so man3/PAGE.3 in $(DESTDIR)$(MANDIR)/man3/FUNCTION.3"
	@set -e; $(MAN_LINKS) | while read -r b n; do \
	    echo ".so man3/$$b" >$(DESTDIR)$(MANDIR)/man3/$$n.3; \
	    chmod 644 $(DESTDIR)$(MANDIR)/man3/$$n.3; \
	done

## install-doc: README.md and LICENSE into DOCDIR
install-doc:
	$(INSTALL) -d $(DESTDIR)$(DOCDIR)
	$(INSTALL) -m 644 README.md LICENSE $(DESTDIR)$(DOCDIR)/

## install-completions: bash and zsh completions
install-completions:
	$(if $(BASH_COMPS),$(INSTALL) -d $(DESTDIR)$(BASHCOMPDIR) && \
	    $(INSTALL) -m 644 $(BASH_COMPS) $(DESTDIR)$(BASHCOMPDIR)/)
	$(if $(ZSH_COMPS),$(INSTALL) -d $(DESTDIR)$(ZSHCOMPDIR) && \
	    $(INSTALL) -m 644 $(ZSH_COMPS) $(DESTDIR)$(ZSHCOMPDIR)/)

## install-data: pnonstd's tables and the port table into DATADIR/portkit
install-data:
	$(INSTALL) -d $(DESTDIR)$(DATADIR)/portkit
	$(INSTALL) -m 644 data/nonstd-map.tsv data/nonstd-equiv.tsv \
	    data/port-categories $(DESTDIR)$(DATADIR)/portkit/

## uninstall: remove what install put in place
uninstall:
	rm -f $(DESTDIR)$(LIBDIR)/libportkit.a \
	    $(DESTDIR)$(LIBDIR)/libportkit.so.$(VERSION) \
	    $(DESTDIR)$(LIBDIR)/$(SHARED_SONAME) \
	    $(DESTDIR)$(LIBDIR)/libportkit.so \
	    $(DESTDIR)$(INCLUDEDIR)/portkit.h \
	    $(DESTDIR)$(PKGCONFIGDIR)/portkit.pc \
	    $(addprefix $(DESTDIR)$(BINDIR)/,$(notdir $(TOOLS))) \
	    $(addprefix $(DESTDIR)$(BASHCOMPDIR)/,$(notdir $(BASH_COMPS))) \
	    $(addprefix $(DESTDIR)$(ZSHCOMPDIR)/,$(notdir $(ZSH_COMPS))) \
	    $(DESTDIR)$(DOCDIR)/README.md $(DESTDIR)$(DOCDIR)/LICENSE \
	    $(DESTDIR)$(DATADIR)/portkit/port-categories
	@for p in $(notdir $(MAN_PAGES)); do \
	    echo "rm -f $(DESTDIR)$(MANDIR)/man$${p##*.}/$$p"; \
	    rm -f $(DESTDIR)$(MANDIR)/man$${p##*.}/$$p; \
	done
	@$(MAN_LINKS) | while read -r b n; do \
	    echo "rm -f $(DESTDIR)$(MANDIR)/man3/$$n.3"; \
	    rm -f $(DESTDIR)$(MANDIR)/man3/$$n.3; \
	done

# --- testing --------------------------------------------------------------

# make check builds and tests CHECK_JOBS at a time (tests/run.sh -j): two
# by default, the CPUs of the machine it is timed on.  A make -j given on
# the command line sets the build's own.  The release tools go into
# CHECKDIR/release too: the fault-injection sample runs on them as well
# as on the sanitizer build.
CHECK_JOBS	?= 2

## check: build with ASan+UBSan in build/check, run the tests (sweeps sampled)
check:
	$(MAKE) --no-print-directory BUILDDIR=$(CHECKDIR) \
	    $(if $(filter -j%,$(MAKEFLAGS)),,-j$(CHECK_JOBS)) \
	    CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" all tests
	$(MAKE) --no-print-directory BUILDDIR=$(CHECKDIR)/release \
	    $(if $(filter -j%,$(MAKEFLAGS)),,-j$(CHECK_JOBS)) all
	sh tests/run.sh -j $(CHECK_JOBS) $(CHECKDIR)

# The sweeps over every pair of scans, every cut of a file and longer
# fuzzing sample their cases in make check (tests/sample.sh).
## check-full: make check with every sweep in full (PK_EXHAUSTIVE=1)
check-full:
	PK_EXHAUSTIVE=1 $(MAKE) --no-print-directory check

LINT_SRCS	= $(LIB_SRCS) $(FE_SRCS) $(TOOL_SRCS) $(FUZZ_SRCS)
# Findings reported to their owners and waiting for them: one list per
# analyser, each entry with its reason (tests/lint/).  cppcheck 2.10
# does not know C11 _Noreturn, so fe_errx() would look like it returns.
CPPCHECK_SUPP	= tests/lint/cppcheck.supp
TIDY_KNOWN	= tests/lint/tidy.known
# Dependency headers are system headers to clang-tidy: not ours to fix.
TIDY_CFLAGS	= $(filter-out -I/%,$(PK_CFLAGS)) $(FE_CFLAGS) \
		  $(patsubst -I%,-isystem %,$(filter -I/%,$(DEP_CFLAGS)))

## lint: cppcheck, clang-tidy (.clang-tidy), mandoc -Tlint, lib/ layering
lint: all
	sh tests/lint/layers.sh $(OBJDIR) $(SHARED_REAL)
ifneq ($(strip $(LINT_SRCS)),)
	cppcheck -q --error-exitcode=1 --std=c11 --inline-suppr \
	    --enable=warning,portability,performance \
	    --suppress=missingIncludeSystem \
	    --suppressions-list=$(CPPCHECK_SUPP) -D_POSIX_C_SOURCE=200809L \
	    '-D_Noreturn=__attribute__((noreturn))' \
	    -Iinclude -Ilib -Itools $(LINT_SRCS)
	@echo "clang-tidy --quiet $(LINT_SRCS) -- $(TIDY_CFLAGS)"
	@mkdir -p $(BUILDDIR)
	@clang-tidy --quiet $(LINT_SRCS) -- $(TIDY_CFLAGS) \
	    >$(BUILDDIR)/.tidy.out 2>&1 || :
	@sh tests/lint/tidy-filter.sh $(TIDY_KNOWN) <$(BUILDDIR)/.tidy.out
endif
ifneq ($(MAN_PAGES),)
	mandoc -Tlint -Wwarning $(MAN_PAGES)
endif

# Hooks for targets that arrive with their code.  fuzz builds libFuzzer
# binaries with clang from tests/fuzz/fuzz_*.c (PK_LIBFUZZER selects
# LLVMFuzzerTestOneInput over the replay main).
## fuzz: build libFuzzer targets with clang into build/fuzz
fuzz:
ifneq ($(FUZZ_SRCS),)
	$(MAKE) --no-print-directory CC=clang BUILDDIR=build/fuzz \
	    CPPFLAGS="-DPK_LIBFUZZER" \
	    CFLAGS="-O1 -g -fsanitize=fuzzer-no-link,address,undefined" \
	    LDFLAGS="-fsanitize=fuzzer,address,undefined" fuzzers
else
	@echo "no tests/fuzz/fuzz_*.c yet"
endif

fuzzers: $(FUZZERS)

# The scan generator for make bench: a helper, not part of the library.
BENCH_GEN	= $(BUILDDIR)/bench/gen

$(BENCH_GEN): bench/gen.c
	$(E) "  CC      $<"
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) -std=c11 -Wall -Wextra -Werror $(CPPFLAGS) $(CFLAGS) \
	    -o $@ $< $(LDFLAGS)

# The floor for XML: libxml2's SAX2 push parser counting elements.
BENCH_SAX	= $(BUILDDIR)/bench/saxcount

$(BENCH_SAX): bench/saxcount.c
	$(E) "  CC      $<"
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) -std=c11 -Wall -Wextra -Werror $(DEP_CFLAGS) $(CPPFLAGS) \
	    $(CFLAGS) -o $@ $< $(LDFLAGS) $(DEP_LIBS)

# Runs one command and reports its wall time, CPU time and peak RSS.
BENCH_RUNONE	= $(BUILDDIR)/bench/runone

$(BENCH_RUNONE): bench/runone.c
	$(E) "  CC      $<"
	$(Q)mkdir -p $(@D)
	$(Q)$(CC) -std=c11 -Wall -Wextra -Werror $(CPPFLAGS) $(CFLAGS) \
	    -o $@ $< $(LDFLAGS)

## bench: time the tools against their peers (SIZES=10 is the quick form)
bench: all $(BENCH_GEN) $(BENCH_SAX) $(BENCH_RUNONE)
	@if [ -x bench/run ]; then BUILDDIR=$(BUILDDIR) GEN=$(BENCH_GEN) \
	    RUNONE=$(BENCH_RUNONE) \
	    $(if $(SIZES),SIZES="$(SIZES)") bench/run; \
	else echo "no bench/run yet"; fi

TORTUREDIR	= $(BUILDDIR)/torture

## torture: fault injection at every k, hostile inputs with CPU/RSS figures
torture: all
	$(MAKE) --no-print-directory BUILDDIR=$(TORTUREDIR) CC=gcc \
	    CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" all
	CC=gcc sh tests/torture.sh -k $(TORTUREDIR)
	sh tests/hostile/run.sh -a -m $(BUILDDIR)

## clean: remove the build directory (BUILDDIR, default build)
clean:
	rm -rf $(BUILDDIR)

## help: list the targets
help:
	@sed -n 's/^## \([a-z-]*\): /\1\t/p' $(MAKEFILE_LIST) | \
	    expand -t 22
