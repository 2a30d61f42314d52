#!/usr/bin/python3
"""kvdesk as a screen reader sees it.

Starts the real kvdesk on a fresh local store in a real window and, through the AT-SPI bus only
(as Orca would), finds the main controls by role and name, presses the toolbar's "New Namespace"
button through the Action interface, types the new namespace's id through EditableText, presses
"Create", and checks that the namespace appears in the "Namespaces" tree. Then it walks every
focusable control of the window and fails on one without a name.

Run by scripts/test inside `xvfb-run -a dbus-run-session`, with QT_QPA_PLATFORM=xcb and
QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1 (../../shared/STACK-NOTES.md, "Accessibility (AT-SPI) under
Xvfb"), by Debian's /usr/bin/python3 with python3-pyatspi:

    tests/atspi/kvdesk_atspi.py --kvdesk build/app/kvdesk/kvdesk

Exits 0 when every check passes; otherwise prints what failed and exits 1.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time

import pyatspi

# Waiting for the app, not timing it: generous limits for a loaded CI machine.
APPEAR_SECONDS = 60
REACT_SECONDS = 20


class Failure(Exception):
    pass


def wait_for(what, probe, seconds=REACT_SECONDS):
    """Polls probe() until it returns something true; fails naming `what` after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        found = probe()
        if found:
            return found
        if time.monotonic() > deadline:
            raise Failure(f"timed out after {seconds} s waiting for {what}")
        time.sleep(0.1)


def walk(node, depth=0, limit=40):
    """Every accessible under node (depth-first), skipping ones that vanish while we look."""
    if node is None or depth > limit:
        return
    yield node
    try:
        count = node.childCount
    except Exception:  # a node that went away mid-walk
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        yield from walk(child, depth + 1, limit)


def find(root, role, name=None):
    for node in walk(root):
        try:
            if node.getRole() == role and (name is None or node.name == name):
                return node
        except Exception:
            continue
    return None


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        try:
            if app is not None and app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def press(node):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) in ("Press", "press", "click"):
            action.doAction(i)
            return
    raise Failure(f"{node.name!r} has no Press action (actions: "
                  f"{[action.getName(i) for i in range(action.nActions)]})")


def unnamed_focusable(root):
    """The focusable controls shown, and those without an accessible name among them: what a
    screen reader cannot announce."""
    checked = 0
    missing = []
    for node in walk(root):
        try:
            states = node.getState()
            role = node.getRole()
        except Exception:
            continue
        if not states.contains(pyatspi.STATE_FOCUSABLE) or not states.contains(pyatspi.STATE_SHOWING):
            continue
        # Cells and list items are named by their text; an empty cell is not a control.
        if role in (pyatspi.ROLE_TABLE_CELL, pyatspi.ROLE_LIST_ITEM, pyatspi.ROLE_TREE_ITEM,
                    pyatspi.ROLE_TABLE_COLUMN_HEADER, pyatspi.ROLE_TABLE_ROW_HEADER, pyatspi.ROLE_PAGE_TAB):
            continue
        checked += 1
        if not node.name:
            missing.append(f"{node.getRoleName()} (description {node.description!r})")
    return checked, missing


def run(kvdesk):
    home = tempfile.mkdtemp(prefix="kvdesk-atspi-")
    env = dict(os.environ)
    # A home of its own: no settings or store of the machine are read or written.
    os.chmod(home, 0o700)
    env.update(HOME=home, XDG_RUNTIME_DIR=home, XDG_CONFIG_HOME=os.path.join(home, "config"),
               XDG_DATA_HOME=os.path.join(home, "data"), XDG_CACHE_HOME=os.path.join(home, "cache"),
               QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", LANG="C.UTF-8", LANGUAGE="")
    app_process = subprocess.Popen([kvdesk, "--store", os.path.join(home, "atspi.kvstore")], env=env)
    try:
        app = wait_for("kvdesk on the AT-SPI desktop", lambda: find_app(app_process.pid), APPEAR_SECONDS)
        print(f"found {app.name!r} (pid {app_process.pid}) on the AT-SPI desktop")
        window = wait_for("the main window", lambda: find(app, pyatspi.ROLE_FRAME))
        print(f"main window {window.name!r}")

        namespaces = wait_for("the Namespaces tree", lambda: find(window, pyatspi.ROLE_TREE, "Namespaces")
                              or find(window, pyatspi.ROLE_TREE_TABLE, "Namespaces"))
        wait_for("the Keys table", lambda: find(window, pyatspi.ROLE_TABLE, "Keys"))
        wait_for("the key prefix filter", lambda: find(window, pyatspi.ROLE_TEXT, "Key prefix filter"))
        wait_for("the menu bar", lambda: find(window, pyatspi.ROLE_MENU_BAR))
        button = wait_for("the New Namespace… toolbar button",
                          lambda: find(window, pyatspi.ROLE_PUSH_BUTTON, "New Namespace…"))
        print("found the Namespaces tree, the Keys table, the key filter, the menu bar and the New Namespace… button")

        press(button)
        dialog = wait_for("the New namespace dialog", lambda: find(app, pyatspi.ROLE_DIALOG, "New namespace"))
        print("pressing New Namespace… opened the dialog")
        field = wait_for("the Namespace id field", lambda: find(dialog, pyatspi.ROLE_TEXT, "Namespace id"))
        field.queryEditableText().insertText(0, "atspi-ops", len("atspi-ops"))
        create = wait_for("the Create button", lambda: find(dialog, pyatspi.ROLE_PUSH_BUTTON, "Create"))
        wait_for("the Create button to be enabled", lambda: create.getState().contains(pyatspi.STATE_ENABLED))
        press(create)

        wait_for("namespace atspi-ops in the Namespaces tree",
                 lambda: any((node.name or "").startswith("atspi-ops") for node in walk(namespaces)))
        print("typing an id and pressing Create made namespace atspi-ops, now in the Namespaces tree")

        checked, missing = unnamed_focusable(window)
        if missing:
            raise Failure("focusable controls without an accessible name: " + "; ".join(missing))
        if checked < 5:
            raise Failure(f"only {checked} focusable controls found in the main window: the walk is broken")
        print(f"each of the main window's {checked} focusable controls shown has a name")
    finally:
        app_process.terminate()
        try:
            app_process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            app_process.kill()
            app_process.wait()
        shutil.rmtree(home, ignore_errors=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kvdesk", required=True, help="the kvdesk binary to start")
    args = parser.parse_args()
    try:
        run(os.path.abspath(args.kvdesk))
    except Failure as failure:
        print(f"AT-SPI test FAILED: {failure}", file=sys.stderr)
        return 1
    print("AT-SPI test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
