#!/usr/bin/env bash
# Build the local base image (default a6bot-base:bookworm) from Debian's own packages, for machines that
# reach Debian's archive and PyPI but no container registry. debootstrap makes a minimal bookworm root with
# Python 3.11, venv and pip, and `docker import` turns it into an image; the Dockerfiles take it with
# `--build-arg BASE_IMAGE=a6bot-base:bookworm`. Needs root, debootstrap and a running docker daemon.
# Usage: deploy/make-base.sh [--force]     (env: BASE_TAG, DEBIAN_MIRROR, DOCKER)
set -euo pipefail

BASE_TAG=${BASE_TAG:-a6bot-base:bookworm}
DEBIAN_MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
DOCKER=${DOCKER:-docker}

if [[ "${1:-}" != "--force" ]] && "$DOCKER" image inspect "$BASE_TAG" >/dev/null 2>&1; then
    echo "$BASE_TAG exists (pass --force to rebuild)"
    exit 0
fi

root=$(mktemp -d /tmp/a6bot-base.XXXXXX)
trap 'rm -rf "$root"' EXIT

debootstrap --variant=minbase --include=python3,python3-venv,python3-pip,ca-certificates \
    bookworm "$root" "$DEBIAN_MIRROR"
# Security updates as on a Debian host; apt lists and caches are dropped (images run apt-get update).
cat > "$root/etc/apt/sources.list" <<SOURCES
deb $DEBIAN_MIRROR bookworm main
deb $DEBIAN_MIRROR bookworm-updates main
deb http://deb.debian.org/debian-security bookworm-security main
SOURCES
chroot "$root" apt-get clean
rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/log/*.log

tar -C "$root" --numeric-owner -c . | "$DOCKER" import \
    --change 'ENV LANG=C.UTF-8 PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' \
    --change 'CMD ["/bin/bash"]' \
    - "$BASE_TAG"
"$DOCKER" image ls "$BASE_TAG"
