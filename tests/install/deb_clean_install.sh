#!/bin/sh
# Installs a gijiroku .deb with apt-get on a clean Debian 12 and renders the seed there
# (issue 7, "the .deb installs with apt-get install ./…deb on a clean Debian 12").
#
#   tests/install/deb_clean_install.sh build-deb/gijiroku_0.1.0_amd64.deb REFERENCE.pdf REFERENCE.xhtml
#
# REFERENCE.pdf/.xhtml: what `gijiroku render examples/tokyo-2025-03-25.xml` wrote in the build
# tree (SOURCE_DATE_EPOCH unset); the package's output must be the same bytes.
#
# Needs root, debootstrap and the network (deb.debian.org), so it is not a CTest test: a clean
# system is a fresh debootstrap --variant=minbase of bookworm (kept in $GIJIROKU_BOOKWORM_BASE,
# default /var/tmp/gijiroku-bookworm-base, and copied for each run so every run starts clean).
set -eu

deb=$(realpath "$1")
ref_pdf=$(realpath "$2")
ref_xhtml=$(realpath "$3")
base=${GIJIROKU_BOOKWORM_BASE:-/var/tmp/gijiroku-bookworm-base}
root=$(mktemp -d /var/tmp/gijiroku-clean-XXXXXX)

cleanup() {
    umount "$root/proc" 2>/dev/null || true
    rm -rf "$root"
}
trap cleanup EXIT

if [ ! -x "$base/usr/bin/apt-get" ]; then
    echo "== debootstrap bookworm (minbase) into $base"
    debootstrap --variant=minbase bookworm "$base" http://deb.debian.org/debian
fi
echo "== a fresh copy of the clean system: $root"
cp -a "$base/." "$root/"
cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/"
name=$(basename "$deb")

echo "== apt-get install ./$name"
chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive \
    sh -c "apt-get update -q && apt-get install -y -q --no-install-recommends ./tmp/$name"

echo "== the installed program renders the seed"
chroot "$root" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 sh -c '
    set -e
    cd /tmp
    gijiroku --version
    gijiroku templates
    gijiroku validate /usr/share/gijiroku/examples/*.xml
    gijiroku render /usr/share/gijiroku/examples/tokyo-2025-03-25.xml --pdf seed.pdf --xhtml seed.xhtml
    gijiroku render --out-dir batch -j 2 /usr/share/gijiroku/examples/*.xml'
cmp "$root/tmp/seed.pdf" "$ref_pdf"
cmp "$root/tmp/seed.xhtml" "$ref_xhtml"
echo "== installed packages:"
chroot "$root" dpkg-query -W -f='${Package} ${Version}\n' gijiroku libxml2 libicu72 libharfbuzz0b \
    libharfbuzz-subset0 libfreetype6 libhpdf-2.3.0 fonts-ipamj-mincho
echo "OK: $name installs with apt-get on a clean Debian 12 and renders the seed byte for byte"
