#!/usr/bin/env bash
# Build the bot's image and, for local stacks, PostgreSQL and nginx images from Debian's packages, all on
# the local base (deploy/make-base.sh), with pip reaching the registry the way this machine does:
#   - the registry mirror: $PIP_INDEX_URL or pip's global.index-url (file:// indexes cannot be used in a build)
#   - the CA bundle: $PIP_CERT or pip's global.cert, passed as the BuildKit secret pip_cert
#   - torch 2.13.0+cpu: from pytorch.org's CPU index when it answers; otherwise `pip download` fetches the
#     wheel through this machine's pip configuration and it is served to the build on 127.0.0.1 only.
# Usage: deploy/build-images.sh [bot|postgres|nginx ...]   (default: all three)
# Env: BASE_IMAGE (default a6bot-base:bookworm, built if missing), TAG (default local), DOCKER.
set -euo pipefail
cd "$(dirname "$0")/.."

BASE_IMAGE=${BASE_IMAGE:-a6bot-base:bookworm}
TAG=${TAG:-local}
# Debian's docker CLI drives the daemon's built-in BuildKit; a newer CLI without buildx cannot.
DOCKER=${DOCKER:-$(command -v /usr/bin/docker || command -v docker)}
export DOCKER DOCKER_BUILDKIT=1
TORCH_INDEX_URL=${TORCH_INDEX_URL:-https://download.pytorch.org/whl/cpu}
targets=("$@")
[[ ${#targets[@]} -gt 0 ]] || targets=(bot postgres nginx)

pip_setting() {  # the environment's value, else pip's configured one
    local env=$1 key=$2
    if [[ -n "${!env:-}" ]]; then echo "${!env}"; else python3 -m pip config get "$key" 2>/dev/null || true; fi
}

timed_build() {  # tag, then `docker build` arguments; prints the time and the image size
    local tag=$1 start=$SECONDS log="build/${1//:/-}.log"
    shift
    "$DOCKER" build --progress=plain -t "$tag" "$@" >"$log" 2>&1 \
        || { tail -30 "$log"; echo "build of $tag failed; log: $log" >&2; exit 1; }
    echo "built $tag in $((SECONDS - start)) s, $("$DOCKER" image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1e6}')"
}

build_bot() {
    local args=(--build-arg "BASE_IMAGE=$BASE_IMAGE" --network host) cert index wheels server=""
    cert=$(pip_setting PIP_CERT global.cert)
    index=$(pip_setting PIP_INDEX_URL global.index-url)
    [[ -n "$cert" ]] && args+=(--secret "id=pip_cert,src=$cert")
    [[ -n "$index" && "$index" != file:* ]] && args+=(--build-arg "PIP_INDEX=$index")
    if curl -fsS --max-time 10 -o /dev/null "$TORCH_INDEX_URL/"; then
        args+=(--build-arg "TORCH_INDEX_URL=$TORCH_INDEX_URL")
    else
        wheels=${XDG_CACHE_HOME:-$HOME/.cache}/a6bot-wheels
        echo "$TORCH_INDEX_URL unreachable: torch 2.13.0+cpu through this machine's pip configuration"
        python3 -m pip download --quiet --no-deps --dest "$wheels" "torch==2.13.0+cpu"
        python3 -m http.server --bind 127.0.0.1 --directory "$wheels" 8765 >/dev/null 2>&1 &
        server=$!
        trap 'kill $server 2>/dev/null || true' EXIT
        args+=(--build-arg "TORCH_FIND_LINKS=http://127.0.0.1:8765/")
    fi
    timed_build "a6bot:$TAG" "${args[@]}" .
    if [[ -n "$server" ]]; then kill "$server"; trap - EXIT; fi
}

mkdir -p build
if [[ $BASE_IMAGE == a6bot-base:* ]]; then BASE_TAG=$BASE_IMAGE deploy/make-base.sh; fi
for target in "${targets[@]}"; do
    case $target in
        bot) build_bot ;;
        postgres|nginx) timed_build "a6bot-$target:$TAG" --build-arg "BASE_IMAGE=$BASE_IMAGE" "deploy/$target" ;;
        *) echo "unknown image $target (bot, postgres, nginx)" >&2; exit 2 ;;
    esac
done
