#!/usr/bin/env bash
# The whole stack, built and run on this machine and checked as its users would: the images (deploy/
# build-images.sh), PostgreSQL + two workers + the nginx proxy + a fake Telegram Bot API (docker-compose.yml
# with deploy/docker-compose.local.yml and deploy/docker-compose.stack-test.yml), then questions through
# each worker and the proxy, a document uploaded on one worker and answered by the other, a broadcast with a
# worker killed in the middle, and a fresh container's cold start. Prints a step-by-step report with timings
# and tears everything down. Not part of `make test`: needs root for docker. The image carries the shipped
# knowledge base's vectors (`a6bot kb prebuild`) and workers share the rest through the database, so no
# worker embeds the whole knowledge base at start.
#
# Usage: deploy/stack-test.sh
# Env:   SKIP_BUILD=1 (reuse the images), KEEP=1 (leave the stack running), PROXY_PORT (default 18080),
#        SUBSCRIBERS (300), MAX_DUPLICATES (2), READY_TIMEOUT (1800 s), SYNC_LIMIT (60 s), COLD_START_LIMIT (20 s)
set -euo pipefail
cd "$(dirname "$0")/.."

PROJECT=a6bot-stacktest
DOCKER=${DOCKER:-$(command -v /usr/bin/docker || command -v docker)}
export A6BOT_PROXY_PORT=${PROXY_PORT:-18080}
PROXY=http://127.0.0.1:$A6BOT_PROXY_PORT
SUBSCRIBERS=${SUBSCRIBERS:-300}
MAX_DUPLICATES=${MAX_DUPLICATES:-2}
READY_TIMEOUT=${READY_TIMEOUT:-1800}
SYNC_LIMIT=${SYNC_LIMIT:-60}
COLD_START_LIMIT=${COLD_START_LIMIT:-20}
EMAIL=stack-test@example.org
PASSWORD=$(python3 -c "import secrets; print(secrets.token_urlsafe(16))")
QUESTION="When is annual information under Article 6.2 due?"
WORK=$(mktemp -d /tmp/a6bot-stack-test.XXXXXX)   # shared between steps (each runs in a subshell)
STARTED_DOCKERD=""

compose() {
    docker-compose -p "$PROJECT" -f docker-compose.yml -f deploy/docker-compose.local.yml \
        -f deploy/docker-compose.stack-test.yml "$@"
}
container() { compose ps -q "$1"; }
ip_of() {  # the service's address on the stack's network (the test talks to each worker directly)
    local ip
    ip=$("$DOCKER" inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' "$(container "$1")")
    [[ -n "$ip" ]] || { echo "$1 is not running" >&2; return 1; }
    echo "$ip"
}
json() { python3 -c "import json, sys; d = json.load(sys.stdin); print($1)"; }
telegram_stats() { curl -fsS "http://$TELEGRAM_IP:8082/stats${1:-}"; }   # set TELEGRAM_IP first
probe() { python3 deploy/stack_probe.py "$@"; }
ready() { curl -fsS -m 5 -o /dev/null "$1/healthz" 2>/dev/null; }
survivor() { if [[ $(cat "$WORK/killed" 2>/dev/null) == bot-1 ]]; then echo bot-2; else echo bot-1; fi; }

# --- steps: each prints what it sees; its last line is the result shown in the report ---------------
build_images() {
    if [[ -n "${SKIP_BUILD:-}" ]]; then echo "skipped (SKIP_BUILD)"; return; fi
    local start=$SECONDS
    deploy/build-images.sh | tee "$WORK/build.log"
    echo "$(grep '^built' "$WORK/build.log" | sed 's/^built //' | paste -sd ';' -); total $((SECONDS - start)) s"
}

stack_up() {
    [[ -f .env ]] || { touch .env; echo "created an empty .env (docker-compose.yml reads the workers' settings from it)"; }
    compose down -v --remove-orphans >/dev/null 2>&1 || true
    date +%s > "$WORK/up_at"
    compose up -d --no-build
    echo "db, bot-1, bot-2, proxy and the fake Telegram API started"
}

wait_ready() {
    local up_at now bot1="" bot2="" proxy=""
    up_at=$(cat "$WORK/up_at")
    while [[ -z "$proxy" || -z "$bot1" || -z "$bot2" ]]; do
        now=$(( $(date +%s) - up_at ))
        (( now < READY_TIMEOUT )) || { echo "not ready after $READY_TIMEOUT s (proxy ${proxy:-no}, bot-1 ${bot1:-no}, bot-2 ${bot2:-no})"; return 1; }
        [[ -z "$proxy" ]] && ready "$PROXY" && proxy=$now && echo "proxy /healthz ready after $now s"
        [[ -z "$bot1" ]] && ready "http://$(ip_of bot-1 2>/dev/null):8080" && bot1=$now && echo "bot-1 ready after $now s"
        [[ -z "$bot2" ]] && ready "http://$(ip_of bot-2 2>/dev/null):8080" && bot2=$now && echo "bot-2 ready after $now s"
        sleep 2
    done
    local restarts
    restarts=$("$DOCKER" inspect -f '{{.RestartCount}}' "$(container bot-1)" "$(container bot-2)" | paste -sd/ -)
    echo "proxy ready after $proxy s; bot-1 $bot1 s, bot-2 $bot2 s after start; worker restarts $restarts"
}

staff_account() {
    printf '%s' "$PASSWORD" | compose exec -T bot-1 a6bot staff add "$EMAIL" --role curator --password-stdin
    echo "curator $EMAIL created with bot-1's CLI"
}

ask_at() {  # base URL: the answer must be answered and mention the deadline
    local answer
    answer=$(probe ask "$1" "$EMAIL" "$PASSWORD" "$QUESTION")
    echo "$answer" | cut -c1-400
    [[ $(echo "$answer" | json 'd["answered"]') == True ]] || { echo "not answered"; return 1; }
    echo "answered: $(echo "$answer" | json 'd["text"][:90]')..."
}

ask_direct() { ask_at "http://$(ip_of "$1"):8080"; }

ask_proxy() {  # three sessions through the proxy, so both workers take part
    local i
    for i in 1 2 3; do ask_at "$PROXY"; done
}

telegram_webhook() {  # updates posted through the proxy must all be taken and answered
    local secret chat status replies failed=0 chats=(910001 910002 910003 910004)
    TELEGRAM_IP=$(ip_of telegram)
    secret=$(telegram_stats | json 'd["webhook"].get("secret_token", "")')
    for chat in "${chats[@]}"; do
        status=$(probe telegram "$PROXY/telegram/stack-test-hook" "$secret" "$chat" "$QUESTION" | json 'd["status"]')
        echo "chat $chat: the webhook answered HTTP $status"
    done
    sleep 20
    for chat in "${chats[@]}"; do
        replies=$(telegram_stats "?chat=$chat" | json 'len(d["texts"])')
        (( replies > 0 )) || failed=$((failed + 1))
    done
    (( failed == 0 )) || { echo "$failed of ${#chats[@]} updates through the proxy got no reply (refused or lost)"; return 1; }
    echo "${#chats[@]} of ${#chats[@]} updates through the proxy answered"
}

upload_and_sync() {  # a document uploaded on bot-1 must be found by bot-2 within SYNC_LIMIT
    local tag word doc uploaded answer
    tag=$(python3 -c "import secrets; print('run' + secrets.token_hex(4))")
    word=$(python3 -c "import secrets; print('word' + secrets.token_hex(4))")
    doc="$WORK/stack-test-$tag.md"
    printf -- '---\ntitle: Stack test note %s\ntopics: [reporting]\nlanguage: en\nupdated: 2026-11-28\n---\n## Code word of stack test %s\nThe code word of stack test %s is %s. It exists only to check that every worker answers from the same knowledge base.\n' \
        "$word" "$tag" "$tag" "$word" > "$doc"
    probe upload "http://$(ip_of bot-1):8080" "$EMAIL" "$PASSWORD" "$doc"
    uploaded=$(date +%s.%N)
    answer=$(probe wait-answer "http://$(ip_of bot-2):8080" "$EMAIL" "$PASSWORD" \
        "What is the code word of stack test $tag?" "$word" "$uploaded" "$SYNC_LIMIT") \
        || { echo "bot-2 does not answer from the document $SYNC_LIMIT s after its upload on bot-1"; return 1; }
    echo "bot-2 answered from the document uploaded on bot-1 $(echo "$answer" | json 'd["seconds"]') s after the upload"
}

outreach_open() {  # deliveries not yet sent (pending or claimed), from `a6bot outreach status --json`
    compose exec -T "$(survivor)" a6bot outreach status --json | json 'sum(r["pending"] + r["claimed"] for r in d)'
}

broadcast_with_kill() {  # every subscriber gets the announcement, at most a few twice, though a worker dies
    local title="Stack test broadcast" start before stats victim kill_at open bot2_ip
    TELEGRAM_IP=$(ip_of telegram) bot2_ip=$(ip_of bot-2)
    before=$(telegram_stats | json 'd["unique"]')
    compose exec -T bot-1 python - "$SUBSCRIBERS" <<'PY'
import asyncio, sys
from bot.config import Settings
from bot.outreach import subscriptions
from bot.storage import Database

async def main(count: int) -> None:
    db = Database(Settings().effective_database_url)
    for n in range(count):
        await subscriptions.subscribe(db, platform="telegram", chat_id=str(700000 + n), topics=[])
    await db.close()
    print(f"{count} Telegram chats subscribed to every topic (they also get the shipped events' announcements)")

asyncio.run(main(int(sys.argv[1])))
PY
    compose exec -T bot-1 a6bot events add --uid "stack-test-$(date +%s)" --title "$title" \
        --start "2027-03-01 10:00" --timezone UTC --topic reporting --online
    start=$(date +%s)
    until (( $(telegram_stats | json 'd["unique"]') - before >= SUBSCRIBERS / 3 )); do   # schedulers tick every 30 s
        (( $(date +%s) - start < 120 )) || { echo "the broadcast did not start within 120 s"; return 1; }
        sleep 0.2
    done
    stats=$(telegram_stats)
    victim=bot-2   # one that is sending, preferably bot-2 (bot-1 runs the CLI)
    (( $(echo "$stats" | json "d['by_sender'].get('$bot2_ip', 0)") > 0 )) || victim=bot-1
    "$DOCKER" kill "$(container "$victim")" >/dev/null
    echo "$victim" > "$WORK/killed"
    kill_at=$(( $(date +%s) - start ))
    echo "killed $victim $kill_at s after publishing, $(( $(echo "$stats" | json 'd["unique"]') - before )) messages sent since the subscriptions; by sender: $(echo "$stats" | json 'd["by_sender"]')"
    echo "a6bot outreach status on $(survivor) right after the kill:"
    compose exec -T "$(survivor)" a6bot outreach status
    while open=$(outreach_open) && (( open > 0 )); do
        (( $(date +%s) - start < 300 )) || { echo "$open deliveries still open 300 s after publishing"; return 1; }
        sleep 5
    done
    stats=$(telegram_stats "?match=$(python3 -c "import urllib.parse; print(urllib.parse.quote('$title'))")")
    echo "a6bot outreach status when nothing was left open:"
    compose exec -T "$(survivor)" a6bot outreach status
    local reached duplicates
    reached=$(echo "$stats" | json 'd["chats_with"]')
    duplicates=$(echo "$stats" | json 'd["duplicates"]')
    echo "$reached of $SUBSCRIBERS chats got the announcement; all deliveries done $(( $(date +%s) - start )) s after publishing ($victim killed at $kill_at s); $(( $(echo "$stats" | json 'd["unique"]') - before )) messages, duplicates $duplicates, 429 answers $(echo "$stats" | json 'd["refused_429"]')"
    (( reached == SUBSCRIBERS )) || { echo "$((SUBSCRIBERS - reached)) subscribers never got the announcement"; return 1; }
    (( duplicates <= MAX_DUPLICATES )) || { echo "$duplicates duplicates (at most $MAX_DUPLICATES allowed)"; return 1; }
}

cold_start() {  # the killed worker comes back as a new container
    local victim start
    victim=$(cat "$WORK/killed" 2>/dev/null || echo bot-2)
    compose rm -f -s "$victim" >/dev/null
    start=$(date +%s)
    compose up -d --no-deps --no-build "$victim"
    until ready "http://$(ip_of "$victim"):8080"; do
        (( $(date +%s) - start < READY_TIMEOUT )) || { echo "a new $victim container not ready after $READY_TIMEOUT s"; return 1; }
        sleep 1
    done
    local took=$(( $(date +%s) - start ))
    (( took <= COLD_START_LIMIT )) || { echo "a new $victim container was ready after $took s (target $COLD_START_LIMIT s)"; return 1; }
    echo "a new $victim container was ready after $took s"
}

# --- running and reporting ---------------------------------------------------------------------------
REPORT=()
FAILED=0

step() {  # title, function: run it with errexit in a subshell, keep its last line and its time
    local title=$1 start=$SECONDS rc
    shift
    echo
    echo "=== $title"
    set +e
    ( set -e; "$@" ) 2>&1 | tee "$WORK/step.log" | sed -u 's/^/    /'
    rc=${PIPESTATUS[0]}
    set -e
    local result
    result=$(grep -v '^\s*$' "$WORK/step.log" | tail -1)
    if (( rc == 0 )); then
        REPORT+=("PASS  $(printf '%5d s' $((SECONDS - start)))  $title: $result")
    else
        REPORT+=("FAIL  $(printf '%5d s' $((SECONDS - start)))  $title: $result")
        FAILED=$((FAILED + 1))
    fi
}

finish() {
    local rc=$?
    if [[ -z "${KEEP:-}" ]]; then
        compose logs --no-color > "build/stack-test-compose.log" 2>&1 || true
        compose down -v --remove-orphans >/dev/null 2>&1 || true
    fi
    if [[ -n "$STARTED_DOCKERD" ]]; then kill "$STARTED_DOCKERD"; fi
    rm -rf "$WORK"
    exit "$rc"
}

mkdir -p build
if ! "$DOCKER" info >/dev/null 2>&1; then
    [[ $(id -u) == 0 ]] || { echo "the docker daemon is not running; start it as root: dockerd &" >&2; exit 1; }
    echo "starting dockerd (log: build/dockerd.log)"
    dockerd >build/dockerd.log 2>&1 &
    STARTED_DOCKERD=$!
    until "$DOCKER" info >/dev/null 2>&1; do sleep 1; done
fi
trap finish EXIT

step "base and images built" build_images
step "stack up (docker-compose $(docker-compose version --short))" stack_up
step "workers ready, /healthz through the proxy" wait_ready
if (( FAILED == 0 )); then
    step "staff account" staff_account
    step "question to bot-1 (direct)" ask_direct bot-1
    step "question to bot-2 (direct)" ask_direct bot-2
    step "questions through the proxy (3 console sessions)" ask_proxy
    step "Telegram webhook updates through the proxy" telegram_webhook
    step "document uploaded on bot-1, answered by bot-2" upload_and_sync
    step "broadcast to $SUBSCRIBERS chats, a worker killed mid-way" broadcast_with_kill
    step "cold start of a new worker container" cold_start
fi

echo
echo "=== Report ($(date -u +%FT%TZ); image a6bot:local $("$DOCKER" image inspect -f '{{.Size}}' a6bot:local | awk '{printf "%.0f MB", $1/1e6}'))"
printf '%s\n' "${REPORT[@]}"
[[ -n "${KEEP:-}" ]] && echo "KEEP set: the stack is still up (docker-compose -p $PROJECT ... down -v to remove it)"
(( FAILED == 0 )) || { echo "$FAILED step(s) failed; compose logs: build/stack-test-compose.log"; exit 1; }
