#!/usr/bin/env bash
# A kvd client in bash with curl, as a worked example of the HTTP API v1 (docs/api.md); python3
# ($PYTHON when set) reads the JSON answers (jq would do as well, but python3 is on every machine
# scripts/deps sets up).
#
# It creates a namespace, writes a value with a TTL, reads it back with its ETag, makes a
# conditional write that gets 412 and recovers from it, runs into a rate limit (429) and honours
# Retry-After, pages through keys with the cursor, and deletes what it created. It prints what it
# does and exits 1 on any answer it did not expect (2 for bad arguments).
#
#   curl_client.sh --url http://127.0.0.1:8787 --key kvd_...
#   KVD_URL=https://kvd.example:8443 KVD_KEY=kvd_... KVD_CACERT=ca.pem curl_client.sh
#
# The key needs the read, write and admin scopes. The rate-limit step puts a second namespace on
# the plan with the smallest burst that GET /v1/plans lists (docs/examples/run gives kvd a plan
# "tiny": 1 request per second, burst 3).
set -euo pipefail

python="${PYTHON:-python3}"
url="${KVD_URL:-${KVD:-}}"
key="${KVD_KEY:-}"
cacert="${KVD_CACERT:-}"
while (($# > 0)); do
    case "$1" in
        --url) url="${2:?--url needs a value}"; shift 2 ;;
        --key) key="${2:?--key needs a value}"; shift 2 ;;
        --cacert) cacert="${2:?--cacert needs a value}"; shift 2 ;;
        -h | --help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "curl_client: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
if [[ -z "$url" || -z "$key" ]]; then
    echo "curl_client: give kvd's URL and an API key (--url/--key, or KVD_URL/KVD_KEY)" >&2
    exit 2
fi
url="${url%/}"

work="$(mktemp -d)"
created=()
# On every way out: delete the namespaces made so far, and fail a run whose deletes fail.
cleanup()
{
    local status=$? ns code
    for ns in "${created[@]}"; do
        code="$(curl -sS "${curl_tls[@]}" -o /dev/null -w '%{http_code}' -X DELETE \
            -H "Authorization: Bearer $key" "$url/v1/namespaces/$ns")" || code="no answer"
        if [[ "$code" == 204 ]]; then
            echo "deleted namespace $ns"
        else
            echo "curl_client: FAILED: DELETE /v1/namespaces/$ns: $code" >&2
            status=1
        fi
    done
    rm -rf -- "$work"
    if ((status == 0)); then
        echo "curl_client: ok"
    fi
    exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail()
{
    echo "curl_client: FAILED: $*" >&2
    exit 1
}

# --- HTTP and JSON helpers --------------------------------------------------------------------

curl_tls=()
if [[ -n "$cacert" ]]; then
    curl_tls=(--cacert "$cacert")
fi

# send METHOD PATH [curl args...]: one request; sets $status (and $last_request), the body in
# $work/body and the headers in $work/headers.
send()
{
    local method="$1" path="$2"
    shift 2
    last_request="$method $path"
    status="$(curl -sS "${curl_tls[@]}" -X "$method" -o "$work/body" -D "$work/headers" -w '%{http_code}' \
        -H "Authorization: Bearer $key" "$@" "$url$path")" || fail "$method $path: cannot reach $url"
}

# call METHOD PATH [curl args...]: send, but wait out a 429 rate_limited (Retry-After) and send
# again, as a client should.
call()
{
    local attempt
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
        send "$@"
        if [[ "$status" != 429 || "$(error_code)" != rate_limited ]]; then
            return 0
        fi
        sleep "$(retry_after)"
    done
    fail "$1 $2: still rate-limited after $attempt tries"
}

# expect STATUS... : fails unless the last answer has one of these statuses.
expect()
{
    local wanted
    for wanted in "$@"; do
        if [[ "$status" == "$wanted" ]]; then
            return 0
        fi
    done
    fail "$last_request: expected $*, got $status $(error_code) (request id $(header X-Request-Id)): $(head -c 300 "$work/body")"
}

# header NAME: the last answer's header (the last one of that name), without its CR.
header()
{
    tr -d '\r' <"$work/headers" | awk -v name="$1" '
        BEGIN { name = tolower(name) }
        index($0, ":") { if (tolower(substr($0, 1, index($0, ":") - 1)) == name) value = substr($0, index($0, ":") + 2) }
        END { print value }'
}

# json EXPR: a Python expression over the last answer's JSON body, bound to d; prints strings
# as they are, true/false and nothing for null.
json()
{
    "$python" -c '
import json, sys
d = json.load(open(sys.argv[2]))
v = eval(sys.argv[1], {"d": d})
print("true" if v is True else "false" if v is False else "" if v is None else v)' "$1" "$work/body"
}

error_code()
{
    json 'd.get("error", {}).get("code", "")' 2>/dev/null || true
}

retry_after()
{
    local seconds
    seconds="$(header Retry-After)"
    [[ "$seconds" =~ ^[0-9]+$ && "$seconds" -ge 1 ]] || fail "a 429 without a Retry-After of whole seconds: '$seconds'"
    echo "$seconds"
}

# urlencode TEXT: one path segment or query value ('/' becomes %2F).
urlencode()
{
    "$python" -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"
}

json_type=(-H 'Content-Type: application/json')

# --- The steps ------------------------------------------------------------------------------

create_namespace() # NS [PLAN]
{
    local body="{\"id\":\"$1\"}"
    if [[ $# -gt 1 ]]; then
        body="{\"id\":\"$1\",\"plan\":\"$2\"}"
    fi
    call POST /v1/namespaces "${json_type[@]}" --data-binary "$body"
    expect 201
    created+=("$1")
    echo "created namespace $(json 'd["id"]') on plan $(json 'd["plan"]')"
}

value_with_ttl() # NS
{
    local path version expiration now etag
    path="/v1/namespaces/$1/values/$(urlencode greeting/en)"
    call PUT "$path?ttl=300" -H 'Kv-Metadata: {"lang":"en"}' --data-binary hello
    expect 200
    version="$(json 'd["version"]')"
    expiration="$(json 'd["expiration"]')"
    now="$(date +%s)" # about 300 s from now; the margin allows for a clock a little off kvd's
    ((expiration >= now + 180 && expiration <= now + 420)) ||
        fail "PUT ?ttl=300 expires at $expiration, not about 300 s from $now"
    echo "put greeting/en: version $version, expires at $expiration (ttl 300 s)"

    call GET "$path"
    expect 200
    etag="$(header ETag)"
    [[ "$(cat "$work/body")" == hello && "$etag" == "\"$version\"" ]] ||
        fail "GET gave '$(cat "$work/body")' with ETag $etag, expected 'hello' with \"$version\""
    [[ "$(header Kv-Expiration)" == "$expiration" ]] ||
        fail "Kv-Expiration $(header Kv-Expiration), expected $expiration"
    echo "get greeting/en: '$(cat "$work/body")', ETag $etag, Kv-Metadata $(header Kv-Metadata)"
}

conditional_write() # NS
{
    local path="/v1/namespaces/$1/values/counter" my_etag etag value attempt
    call PUT "$path" --data-binary 1
    expect 200
    call GET "$path"
    expect 200
    my_etag="$(header ETag)"

    # Someone else writes between our read and our write...
    call PUT "$path" --data-binary 10
    expect 200

    # ...so our write, conditional on what we read, is refused and nothing is written.
    call PUT "$path" -H "If-Match: $my_etag" --data-binary 2
    expect 412
    [[ "$(error_code)" == version_conflict ]] || fail "a stale If-Match gave $(error_code), expected version_conflict"
    echo "put counter with If-Match $my_etag: 412 $(error_code) (expected version" \
        "$(json 'd["error"]["details"]["expectedVersion"]'), current $(json 'd["error"]["details"]["currentVersion"]'))"

    # Handle it: read again, apply the change to what is there now, write with the new ETag.
    for attempt in 1 2 3 4 5; do
        call GET "$path"
        expect 200
        etag="$(header ETag)"
        value=$(($(cat "$work/body") + 1))
        call PUT "$path" -H "If-Match: $etag" --data-binary "$value"
        expect 200 412
        if [[ "$status" == 200 ]]; then
            echo "re-read counter (ETag $etag), wrote $value: version $(json 'd["version"]')"
            break
        fi
        ((attempt < 5)) || fail "the counter kept changing under us"
    done
    call GET "$path"
    expect 200
    [[ "$(cat "$work/body")" == 11 ]] || fail "the counter is $(cat "$work/body"), not 11, after the retried write"
}

rate_limit() # NS
{
    local ns="$1" plan burst rate sent wait
    call GET /v1/plans
    expect 200
    # The plan with the smallest burst among those with a rate limit: "id burst rate".
    read -r plan burst rate < <(json '" ".join(str(x) for x in min(
        ((p["id"], p["quota"]["burst"], p["quota"]["ratePerSecond"]) for p in d["plans"]
         if p["quota"]["ratePerSecond"] > 0 and p["quota"]["burst"] > 0), key=lambda t: t[1]))') ||
        fail "no plan of this kvd has a rate limit"
    create_namespace "$ns" "$plan"
    for ((sent = 1; sent <= 3 * burst + 500; sent++)); do
        send GET "/v1/namespaces/$ns"
        expect 200 429
        if [[ "$status" == 429 ]]; then
            break
        fi
    done
    [[ "$status" == 429 ]] || fail "no 429 after $sent requests on plan $plan (burst $burst)"
    [[ "$(error_code)" == rate_limited && "$(header X-RateLimit-Remaining)" == 0 ]] ||
        fail "429 with code $(error_code) and X-RateLimit-Remaining $(header X-RateLimit-Remaining)"
    wait="$(retry_after)"
    echo "request $sent to $ns (plan $plan: $rate/s, burst $burst): 429 $(error_code), Retry-After $wait"
    sleep "$wait"
    send GET "/v1/namespaces/$ns"
    expect 200
    echo "after $wait s: $status, X-RateLimit-Remaining $(header X-RateLimit-Remaining)"
}

paging() # NS
{
    local ns="$1" items i cursor="" pages=0 query names
    items="["
    for i in $(seq -w 0 24); do
        items+="{\"key\":\"user/$i\",\"value\":\"user $i\"},"
    done
    items+='{"key":"other","value":"not under the prefix"}]'
    call POST "/v1/namespaces/$ns/bulk" "${json_type[@]}" --data-binary "$items"
    expect 200
    [[ "$(json 'd["committed"]')" == true ]] || fail "the bulk write was not committed"

    : >"$work/seen"
    while :; do
        query="?prefix=$(urlencode user/)&limit=10"
        if [[ -n "$cursor" ]]; then
            query+="&cursor=$(urlencode "$cursor")"
        fi
        call GET "/v1/namespaces/$ns/keys$query"
        expect 200
        pages=$((pages + 1))
        json '"\n".join(k["name"] for k in d["keys"])' >>"$work/seen"
        names="$(json 'd["keys"][0]["name"] + " … " + d["keys"][-1]["name"]')"
        if [[ "$(json 'd["complete"]')" == true ]]; then
            echo "page $pages: $(json 'len(d["keys"])') keys, $names, complete"
            break
        fi
        cursor="$(json 'd["cursor"]')"
        echo "page $pages: $(json 'len(d["keys"])') keys, $names, cursor $cursor"
        ((pages <= 10)) || fail "the listing never completes"
    done
    [[ "$(cat "$work/seen")" == "$(for i in $(seq -w 0 24); do echo "user/$i"; done)" && "$pages" == 3 ]] ||
        fail "paging gave $(wc -l <"$work/seen") keys in $pages pages, expected the 25 user/ keys in 3"
}

suffix="$(od -An -N4 -tx1 /dev/urandom | tr -d ' \n')"
main_ns="example-sh-$suffix"
create_namespace "$main_ns"
value_with_ttl "$main_ns"
conditional_write "$main_ns"
rate_limit "$main_ns-rl"
paging "$main_ns"
