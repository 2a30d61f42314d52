#!/usr/bin/env python3
"""Checks kvdesk's desktop integration in resources/ (ctest suite desktop_integration).

    check_desktop_integration.py --source-dir . --app-id dev.kvdesk.Kvdesk --version 0.1.0 --release-date 2026-11-24

- the .desktop file passes desktop-file-validate; its Icon is the id, whose SVG icon and symbolic
  variant are well-formed;
- the AppStream metainfo passes `appstreamcli validate --no-net`; its id, launchable and binary
  name kvdesk's; its newest <release> is the project's version and release date;
- every screenshot is a file of docs/screenshots/ with the width and height the metainfo gives.
"""

import argparse
import os
import struct
import subprocess
import sys
import xml.etree.ElementTree as ElementTree

def run(*command):
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    output = (done.stdout + done.stderr).strip()
    return done.returncode, output


def png_size(path):
    with open(path, "rb") as image:
        head = image.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", head[16:24])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--app-id", required=True, help="KV_APP_ID of CMakeLists.txt")
    parser.add_argument("--version", required=True)
    parser.add_argument("--release-date", required=True)
    args = parser.parse_args()
    app_id = args.app_id
    resources = os.path.join(args.source_dir, "resources")
    desktop = os.path.join(resources, f"{app_id}.desktop")
    metainfo = os.path.join(resources, f"{app_id}.metainfo.xml")
    problems = []

    status, output = run("desktop-file-validate", desktop)
    if status != 0 or "error:" in output:
        problems.append(f"desktop-file-validate {desktop}:\n{output}")
    entries = {}
    with open(desktop, encoding="utf-8") as entry:
        for line in entry:
            if "=" in line and not line.startswith("#"):
                key, value = line.rstrip("\n").split("=", 1)
                entries[key] = value
    if entries.get("Icon") != app_id:
        problems.append(f"the desktop entry's Icon must be {app_id}")
    for icon in (f"{app_id}.svg", f"{app_id}-symbolic.svg"):
        path = os.path.join(resources, "icons", icon)
        if not os.path.isfile(path):
            problems.append(f"no icon resources/icons/{icon}")
            continue
        try:
            svg = ElementTree.parse(path).getroot()
        except ElementTree.ParseError as error:
            problems.append(f"resources/icons/{icon} is not well-formed SVG: {error}")
            continue
        if svg.tag != "{http://www.w3.org/2000/svg}svg" or not svg.get("viewBox"):
            problems.append(f"resources/icons/{icon} is not an SVG with a viewBox")
    if entries.get("Exec", "").split()[0:1] != ["kvdesk"]:
        problems.append("the desktop entry must start kvdesk")

    status, output = run("appstreamcli", "validate", "--no-net", metainfo)
    if status != 0:
        problems.append(f"appstreamcli validate {metainfo}:\n{output}")
    root = ElementTree.parse(metainfo).getroot()
    if root.findtext("id") != app_id:
        problems.append(f"the metainfo's id must be {app_id}")
    if root.findtext("launchable") != f"{app_id}.desktop":
        problems.append(f"the metainfo must launch {app_id}.desktop")
    if root.findtext("provides/binary") != "kvdesk":
        problems.append("the metainfo must provide the binary kvdesk")
    releases = root.findall("releases/release")
    if not releases:
        problems.append("the metainfo has no release")
    else:
        newest = releases[0]
        if newest.get("version") != args.version or newest.get("date") != args.release_date:
            problems.append(
                f"the metainfo's newest release is {newest.get('version')} of {newest.get('date')}; the project is "
                f"{args.version} of {args.release_date} (CMakeLists.txt, packaging/CMakeLists.txt): add a <release>")

    screenshots = root.findall("screenshots/screenshot/image")
    if not screenshots:
        problems.append("the metainfo has no screenshot")
    for image in screenshots:
        name = image.text.strip().rsplit("/", 1)[-1]
        path = os.path.join(args.source_dir, "docs", "screenshots", name)
        if not os.path.isfile(path):
            problems.append(f"screenshot {image.text.strip()} is not a file of docs/screenshots/")
            continue
        size = png_size(path)
        given = (int(image.get("width", 0)), int(image.get("height", 0)))
        if size != given:
            problems.append(f"docs/screenshots/{name} is {size}, the metainfo says {given}")

    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(f"{app_id}: desktop entry and metainfo valid, release {args.version} of {args.release_date}, "
          f"{len(screenshots)} screenshots from docs/screenshots/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
