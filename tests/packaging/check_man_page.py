#!/usr/bin/env python3
"""Fails when a man page and its program's --help disagree (ctest suites man_kvd, man_kvdesk).

    check_man_page.py --program build/app/kvd/kvd --page build/packaging/man/kvd.1 --commands

Every option that `PROGRAM --help` prints (and, with --commands, every command that it lists, and
every option of `PROGRAM COMMAND --help`) must be named in the rendered page, and every option the
page names must still exist: a flag added to kvd without a line in packaging/man/kvd.1.scd, or one
removed from kvd but left in the page, fails here.
"""

import argparse
import os
import re
import subprocess
import sys

OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z0-9-]*|-[a-zA-Z])(?![\w-])")


def help_text(program, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="C", LC_ALL="C")
    done = subprocess.run([program, *args, "--help"], capture_output=True, text=True, env=env, timeout=60)
    if done.returncode != 0:
        sys.exit(f"{program} {' '.join(args)} --help exited with {done.returncode}: {done.stderr}")
    return done.stdout


def options_of(help_output):
    """The options in the option column of Qt's help (lines starting with spaces and a dash)."""
    found = set()
    for line in help_output.splitlines():
        stripped = line.lstrip()
        if stripped.startswith("-") and line != stripped:
            column = re.split(r"\s{2,}", stripped, maxsplit=1)[0]
            found.update(OPTION.findall(column))
    return found


def commands_of(help_output):
    """The commands kvd lists under "The command to run:": an indented word, two spaces, text."""
    commands = []
    listing = False
    for line in help_output.splitlines():
        if "The command to run" in line:
            listing = True
            continue
        if listing:
            match = re.match(r"^\s{8,}([a-z]+)\s{2,}\S", line)
            if match:
                commands.append(match.group(1))
            elif commands:
                break
    return commands


def page_text(path):
    """The page as a reader sees it: roff font switches, escapes and requests removed, and without
    its example blocks (.nf to .fi), whose commands (systemctl, curl) have options of their own."""
    with open(path, encoding="utf-8") as page:
        text = page.read()
    text = re.sub(r"^\.nf$.*?^\.fi$", "", text, flags=re.MULTILINE | re.DOTALL)
    text = re.sub(r"\\f[BIRP]", "", text)
    text = text.replace("\\&", "").replace("\\-", "-").replace("\\(aq", "'")
    return "\n".join(line for line in text.splitlines() if not line.startswith((".", "'\\\"")))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--program", required=True)
    parser.add_argument("--page", required=True, help="the rendered man page (roff)")
    parser.add_argument("--commands", action="store_true", help="the program has commands (kvd)")
    args = parser.parse_args()

    text = page_text(args.page)
    named = set(OPTION.findall(text))
    problems = []

    top = help_text(args.program)
    expected = {"": options_of(top)}
    if args.commands:
        commands = commands_of(top)
        if not commands:
            problems.append(f"{args.program} --help lists no commands")
        for command in commands:
            if not re.search(rf"^{command}\b", text, re.MULTILINE):
                problems.append(f"command {command!r} has no entry of its own in the page")
            expected[command] = options_of(help_text(args.program, command))

    every = set()
    for command, options in expected.items():
        every |= options
        for option in sorted(options - named):
            where = f"{os.path.basename(args.program)} {command}".strip()
            problems.append(f"{option} (from `{where} --help`) is not in the page")
    for option in sorted(named - every):
        problems.append(f"the page names {option}, which no --help lists")

    if problems:
        print(f"{args.page} disagrees with {args.program}:", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"{os.path.basename(args.page)}: names all {len(every)} options of {os.path.basename(args.program)}"
          + (f" and its {len(expected) - 1} commands" if args.commands else "") + ", and no other")
    return 0


if __name__ == "__main__":
    sys.exit(main())
