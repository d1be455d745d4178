#!/bin/sh
#
# install-deps.sh - install what building and testing portkit needs on
# Debian 12.  Run as root; safe to run again (apt-get skips what is
# already installed) and without a terminal.

set -eu

if [ "$(id -u)" -ne 0 ]; then
	echo "install-deps.sh: run as root" >&2
	exit 2
fi

DEBIAN_FRONTEND=noninteractive
export DEBIAN_FRONTEND

# Build: compiler, pkg-config and the three libraries libportkit uses.
# Tests: nmap and ndiff as peers and fixture makers, python3-libnmap for
# cross-checks, socat/iptables/nftables/iproute2/lsof for the lab, mandoc and
# xmlstarlet, mawk, chromium (preport's pages rendered headless: their
# DOM, their policy, the README's screenshot), bash-completion and zsh
# (the completions driven for real).  Lint and fuzzing:
# cppcheck, clang, clang-tidy and the clang sanitizer runtimes.
# Benchmarks: hyperfine.
PKGS="build-essential pkg-config libxml2-dev libxml2-utils libpcre2-dev
zlib1g-dev nmap ndiff python3 python3-libnmap socat iptables nftables iproute2 lsof
mandoc xmlstarlet mawk cppcheck clang clang-tidy libclang-rt-14-dev
hyperfine strace parallel netbase time chromium bash-completion zsh"

apt-get update
# shellcheck disable=SC2086 # word splitting of the list is wanted
apt-get install -y --no-install-recommends $PKGS </dev/null
