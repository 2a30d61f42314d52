#!/usr/bin/env python3
"""A kvd client in Python 3 with the standard library only (urllib), as a worked example of the
HTTP API v1 (docs/api.md).

It creates a namespace, writes a value with a TTL, reads it back with its ETag, makes a
conditional write that gets 412 and recovers from it, runs into a rate limit (429) and honours
Retry-After, pages through keys with the cursor, and deletes what it created. It prints what it
does and exits 1 on any answer it did not expect (2 for bad arguments).

    python_client.py --url http://127.0.0.1:8787 --key kvd_...
    KVD_URL=https://kvd.example:8443 KVD_KEY=kvd_... KVD_CACERT=ca.pem python_client.py

The key needs the read, write and admin scopes (it creates namespaces). The rate-limit step puts
a second namespace on the plan with the smallest burst that GET /v1/plans lists; with only the
built-in plans that is "free" (burst 100), which takes a few hundred quick requests, so
docs/examples/run gives kvd a plan "tiny" (1 request per second, burst 3) instead.
"""

import argparse
import json
import os
import secrets
import ssl
import sys
import time
import urllib.error
import urllib.parse
import urllib.request


class Unexpected(Exception):
    """An answer the example did not expect: the message says which request and what came."""


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers  # an email.message.Message: case-insensitive get()
        self.body = body

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            raise Unexpected(f"expected JSON, got {self.body[:200]!r}")

    def error_code(self):
        """The code of kvd's error envelope, or None."""
        try:
            return json.loads(self.body).get("error", {}).get("code")
        except (ValueError, AttributeError):
            return None


class Kvd:
    def __init__(self, url, key, cacert=None):
        self.url = url.rstrip("/")
        self.key = key
        self.context = ssl.create_default_context(cafile=cacert) if cacert else None
        self.created = []  # namespaces to delete at the end

    def call(self, method, path, body=None, headers=None, expect=(200,), retry_rate_limit=True):
        """Sends one request and returns its Answer when the status is in `expect`.

        A 429 rate_limited is waited out (Retry-After seconds) and the request sent again, as a
        client should; pass retry_rate_limit=False to see the 429 itself."""
        for _attempt in range(10):
            answer = self._send(method, path, body, headers)
            if answer.status == 429 and retry_rate_limit and answer.error_code() == "rate_limited":
                time.sleep(retry_after(answer))
                continue
            if answer.status not in expect:
                raise Unexpected(
                    f"{method} {path}: expected {' or '.join(map(str, expect))}, got {answer.status} "
                    f"{answer.error_code() or ''} (request id {answer.headers.get('X-Request-Id')}): "
                    f"{answer.body[:300].decode('utf-8', 'replace')}")
            return answer
        raise Unexpected(f"{method} {path}: still rate-limited after 10 tries")

    def _send(self, method, path, body, headers):
        request = urllib.request.Request(self.url + path, method=method, data=body)
        request.add_header("Authorization", f"Bearer {self.key}")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=30, context=self.context) as response:
                return Answer(response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:  # 4xx and 5xx arrive as exceptions
            with error:
                return Answer(error.code, error.headers, error.read())
        except urllib.error.URLError as error:
            raise Unexpected(f"{method} {path}: cannot reach {self.url}: {error.reason}")


def retry_after(answer):
    value = answer.headers.get("Retry-After")
    if value is None or not value.isdigit() or int(value) < 1:
        raise Unexpected(f"a 429 without a Retry-After of whole seconds: {value!r}")
    return int(value)


def quoted(text):
    """A key or cursor as one path segment or query value: '/' becomes %2F."""
    return urllib.parse.quote(text, safe="")


def json_body(value):
    return json.dumps(value).encode()


JSON = {"Content-Type": "application/json"}


def create_namespace(kvd, ns, plan=None):
    body = {"id": ns} if plan is None else {"id": ns, "plan": plan}
    created = kvd.call("POST", "/v1/namespaces", json_body(body), JSON, expect=(201,)).json()
    kvd.created.append(ns)
    print(f"created namespace {created['id']} on plan {created['plan']}")


def value_with_ttl(kvd, ns):
    """PUT with ?ttl=, then GET: the ETag is the version, Kv-Expiration when it expires."""
    path = f"/v1/namespaces/{ns}/values/{quoted('greeting/en')}"
    written = kvd.call("PUT", path + "?ttl=300", b"hello", {"Kv-Metadata": '{"lang":"en"}'}).json()
    # About 300 s from now by this machine's clock; the margin allows for a clock a little off kvd's.
    now = time.time()
    if not (now + 180 <= written["expiration"] <= now + 420):
        raise Unexpected(f"PUT ?ttl=300 expires at {written['expiration']}, not about 300 s from {now:.0f}")
    print(f"put greeting/en: version {written['version']}, expires at {written['expiration']} (ttl 300 s)")

    read = kvd.call("GET", path)
    etag = read.headers.get("ETag")
    if read.body != b"hello" or etag != f'"{written["version"]}"':
        raise Unexpected(f"GET gave {read.body!r} with ETag {etag}, expected b'hello' with \"{written['version']}\"")
    if read.headers.get("Kv-Expiration") != str(written["expiration"]):
        raise Unexpected(f"Kv-Expiration {read.headers.get('Kv-Expiration')}, expected {written['expiration']}")
    print(f"get greeting/en: {read.body.decode()!r}, ETag {etag}, Kv-Metadata {read.headers.get('Kv-Metadata')}")
    return etag


def conditional_write(kvd, ns):
    """Read-modify-write with If-Match; a write that lost the race gets 412 and starts again."""
    path = f"/v1/namespaces/{ns}/values/counter"
    kvd.call("PUT", path, b"1")
    mine = kvd.call("GET", path)
    my_etag = mine.headers.get("ETag")

    # Someone else writes between our read and our write...
    kvd.call("PUT", path, b"10")

    # ...so our write, conditional on what we read, is refused and nothing is written.
    refused = kvd.call("PUT", path, b"2", {"If-Match": my_etag}, expect=(412,))
    error = refused.json()["error"]
    if error["code"] != "version_conflict":
        raise Unexpected(f"a stale If-Match gave {error['code']}, expected version_conflict")
    print(f"put counter with If-Match {my_etag}: 412 {error['code']} "
          f"(expected version {error['details']['expectedVersion']}, current {error['details']['currentVersion']})")

    # Handle it: read again, apply the change to what is there now, write with the new ETag.
    for _attempt in range(5):
        current = kvd.call("GET", path)
        value = int(current.body) + 1
        answer = kvd.call("PUT", path, str(value).encode(), {"If-Match": current.headers.get("ETag")},
                          expect=(200, 412))
        if answer.status == 200:
            print(f"re-read counter ({current.body.decode()}, ETag {current.headers.get('ETag')}), "
                  f"wrote {value}: version {answer.json()['version']}")
            break
    else:
        raise Unexpected("the counter kept changing under us")
    if kvd.call("GET", path).body != b"11":
        raise Unexpected("the counter is not 11 after the retried write")


def rate_limit(kvd, ns):
    """Requests to a namespace on a small plan until kvd says 429, then wait Retry-After."""
    plans = kvd.call("GET", "/v1/plans").json()["plans"]
    limited = [p for p in plans if p["quota"]["ratePerSecond"] > 0 and p["quota"]["burst"] > 0]
    if not limited:
        raise Unexpected("no plan of this kvd has a rate limit")
    plan = min(limited, key=lambda p: p["quota"]["burst"])
    create_namespace(kvd, ns, plan["id"])
    burst = plan["quota"]["burst"]
    path = f"/v1/namespaces/{ns}"
    for sent in range(1, 3 * burst + 500):
        answer = kvd.call("GET", path, expect=(200, 429), retry_rate_limit=False)
        if answer.status == 429:
            break
    else:
        raise Unexpected(f"no 429 after {sent} requests on plan {plan['id']} (burst {burst})")
    code = answer.error_code()
    if code != "rate_limited" or answer.headers.get("X-RateLimit-Remaining") != "0":
        raise Unexpected(f"429 with code {code} and X-RateLimit-Remaining "
                         f"{answer.headers.get('X-RateLimit-Remaining')}, expected rate_limited and 0")
    wait = retry_after(answer)
    print(f"request {sent} to {ns} (plan {plan['id']}: {plan['quota']['ratePerSecond']}/s, burst {burst}): "
          f"429 {code}, Retry-After {wait}")
    time.sleep(wait)
    again = kvd.call("GET", path, retry_rate_limit=False)
    print(f"after {wait} s: {again.status}, X-RateLimit-Remaining {again.headers.get('X-RateLimit-Remaining')}")


def paging(kvd, ns):
    """25 keys under a prefix, listed 10 at a time by following the cursor."""
    items = [{"key": f"user/{i:02d}", "value": f"user {i}"} for i in range(25)]
    items.append({"key": "other", "value": "not under the prefix"})
    written = kvd.call("POST", f"/v1/namespaces/{ns}/bulk", json_body(items), JSON).json()
    if not written["committed"]:
        raise Unexpected("the bulk write was not committed")

    seen, pages, cursor = [], 0, ""
    while True:
        query = f"?prefix={quoted('user/')}&limit=10" + (f"&cursor={quoted(cursor)}" if cursor else "")
        page = kvd.call("GET", f"/v1/namespaces/{ns}/keys{query}").json()
        pages += 1
        seen += [key["name"] for key in page["keys"]]
        print(f"page {pages}: {len(page['keys'])} keys, {page['keys'][0]['name']} … {page['keys'][-1]['name']}"
              + (", complete" if page["complete"] else f", cursor {page['cursor']}"))
        if page["complete"]:
            break
        cursor = page["cursor"]
        if pages > 10:
            raise Unexpected("the listing never completes")
    expected = [item["key"] for item in items[:25]]
    if seen != expected or pages != 3:
        raise Unexpected(f"paging gave {len(seen)} keys in {pages} pages, expected the 25 user/ keys in 3")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default=os.environ.get("KVD_URL") or os.environ.get("KVD"),
                        help="kvd's base URL, e.g. http://127.0.0.1:8787 (default: $KVD_URL, or $KVD)")
    parser.add_argument("--key", default=os.environ.get("KVD_KEY"),
                        help="an API key with the read, write and admin scopes (default: $KVD_KEY)")
    parser.add_argument("--cacert", default=os.environ.get("KVD_CACERT"),
                        help="PEM file of the CA (or self-signed certificate) to trust for https:// "
                             "(default: $KVD_CACERT, else the system's CAs)")
    args = parser.parse_args()
    if not args.url or not args.key:
        parser.error("give kvd's URL and an API key (--url/--key, or KVD_URL/KVD_KEY)")

    kvd = Kvd(args.url, args.key, args.cacert)
    suffix = secrets.token_hex(4)
    main_ns, limited_ns = f"example-py-{suffix}", f"example-py-{suffix}-rl"
    status = 0
    try:
        create_namespace(kvd, main_ns)
        value_with_ttl(kvd, main_ns)
        conditional_write(kvd, main_ns)
        rate_limit(kvd, limited_ns)
        paging(kvd, main_ns)
    except Unexpected as error:
        print(f"python_client: FAILED: {error}", file=sys.stderr)
        status = 1
    finally:
        for ns in kvd.created:
            try:
                kvd.call("DELETE", f"/v1/namespaces/{ns}", expect=(204,))
                print(f"deleted namespace {ns}")
            except Unexpected as error:
                print(f"python_client: FAILED: {error}", file=sys.stderr)
                status = 1
    if status == 0:
        print("python_client: ok")
    return status


if __name__ == "__main__":
    sys.exit(main())
