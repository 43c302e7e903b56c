#!/bin/sh
# `pip install` inside an image build, with the build's optional registry settings: the mirror
# (build argument PIP_INDEX) and the CA bundle (BuildKit secret pip_cert, mounted for that RUN only).
set -eu
if [ -f /run/secrets/pip_cert ]; then export PIP_CERT=/run/secrets/pip_cert; fi
if [ -n "${PIP_INDEX:-}" ]; then export PIP_INDEX_URL="$PIP_INDEX"; fi
exec pip install --no-cache-dir "$@"
