#!/usr/bin/env python3
"""kvd accepts its packaged config file (ctest suite default_config).

    check_default_config.py --kvd build/app/kvd/kvd --config packaging/kvd/kvd.conf

packaging/kvd/kvd.conf becomes /etc/kvd/kvd.conf, which kvd.service reads. kvd must start on it
as shipped, and again with every setting shown commented out switched on (all but [tls] and
[billing], which name files an operator provides): a commented default that kvd rejects, or a
setting kvd renamed, fails here. kvd runs on a temporary data directory and a free loopback port.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

NEEDS_FILES = {"tls", "billing"}


def uncommented(text):
    """Every `# [section]` and `# key = value` line switched on, except in sections that need files."""
    lines = []
    section = ""
    for line in text.splitlines():
        header = re.match(r"^#\s*\[([\w.-]+)\]\s*$", line)
        setting = re.match(r"^#\s*([a-z_]+\s*=.*)$", line)
        plain_header = re.match(r"^\[([\w.-]+)\]", line)
        if header or plain_header:
            section = (header or plain_header).group(1)
            lines.append(f"[{section}]" if section not in NEEDS_FILES else line)
        elif setting and section not in NEEDS_FILES:
            lines.append(setting.group(1))
        else:
            lines.append(line)
    return "\n".join(lines) + "\n"


def serves(kvd, config, data):
    """Starts kvd serve on config until it says "listening", then stops it; returns a problem or None."""
    process = subprocess.Popen([kvd, "serve", "--config", config, "--data", data, "--listen", "127.0.0.1:0"],
                               stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 30
    log = []
    try:
        for line in process.stderr:
            log.append(line)
            if '"msg":"listening"' in line:
                break
            if time.monotonic() > deadline:
                return "kvd did not start listening within 30 s:\n" + "".join(log)
        else:
            process.wait(timeout=30)
            return f"kvd exited with {process.returncode} on {config}:\n" + "".join(log)
        process.send_signal(signal.SIGTERM)
        status = process.wait(timeout=30)
        if status != 0:
            return f"kvd stopped with {status} instead of 0:\n" + "".join(log)
        return None
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kvd", required=True)
    parser.add_argument("--config", required=True)
    args = parser.parse_args()
    with open(args.config, encoding="utf-8") as shipped:
        text = shipped.read()

    with tempfile.TemporaryDirectory() as tmp:
        data = os.path.join(tmp, "data")
        subprocess.run([args.kvd, "init", "--data", data], check=True, capture_output=True, timeout=60)
        full = os.path.join(tmp, "every-setting.conf")
        with open(full, "w", encoding="utf-8") as written:
            written.write(uncommented(text))
        switched_on = sum(1 for line in open(full, encoding="utf-8") if re.match(r"^[a-z_]+\s*=", line))
        if switched_on < 25:
            print(f"only {switched_on} settings switched on: is the file's layout still '# key = value'?",
                  file=sys.stderr)
            return 1
        for config in (args.config, full):
            problem = serves(args.kvd, config, data)
            if problem:
                print(problem, file=sys.stderr)
                return 1
    print(f"kvd serves on {os.path.basename(args.config)} as shipped and with all {switched_on} settings switched on")
    return 0


if __name__ == "__main__":
    sys.exit(main())
