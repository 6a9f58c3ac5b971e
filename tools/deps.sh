#!/bin/sh
# Makes sure the Debian packages named as arguments are installed: installs the
# missing ones when run as root (apt-get), otherwise prints the command to run.
missing=""
for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
    echo "installing:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq $missing >/dev/null || {
        echo "annotator: could not install:$missing" >&2; exit 1; }
else
    echo "annotator: missing packages:$missing" >&2
    echo "run as root: apt-get install$missing" >&2
    exit 1
fi
