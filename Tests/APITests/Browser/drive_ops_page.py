#!/usr/bin/env python3
"""Drives headless Chromium through the ops page, for OpsPageBrowserTests.

Speaks the Chrome DevTools Protocol over --remote-debugging-pipe (file descriptors 3 and 4,
NUL-terminated JSON), so it needs only Python's standard library and opens no port. It
loads the page, signs in through the page's own form, waits until the page reports the
expected state and shows the expected texts, takes a screenshot, decodes the PNG (zlib) to
say whether anything was drawn, and writes phase-0.json into --report-dir. Each --then
phase ({"state": ..., "texts": [...]}) keeps the page open and waits for a later refresh to
bring the page to that state and show those texts (the test changes the world meanwhile),
then writes phase-N.json. Every wait is for a condition, bounded by --timeout.
"""

import argparse
import base64
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time
import zlib


class Browser:
    """One headless Chromium and one page in it."""

    def __init__(self, chromium, width, height):
        self.profile = tempfile.mkdtemp(prefix="aips-chromium-")
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()

        def wire_pipes():
            # Chromium reads commands from fd 3 and writes replies to fd 4. The pipe ends may
            # themselves be 3 or 4 (and close-on-exec), so they are copied out of the way first.
            read_end, write_end = os.dup(to_browser_read), os.dup(from_browser_write)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        arguments = [
            chromium, "--headless", "--remote-debugging-pipe", "--user-data-dir=" + self.profile,
            "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--disable-features=Translate,MediaRouter", "--mute-audio", "--hide-scrollbars",
            "--window-size=%d,%d" % (width, height), "about:blank",
        ]
        if os.geteuid() == 0:
            # Chromium's sandbox refuses to run as root; the page is our own, on loopback.
            arguments.insert(1, "--no-sandbox")
        self.log = open(os.path.join(self.profile, "chromium.log"), "w+b")
        # close_fds=False: the pipes must survive until exec; everything else Python opened is close-on-exec.
        self.process = subprocess.Popen(
            arguments, stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log, preexec_fn=wire_pipes, close_fds=False)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.session = None
        self.events = []

    # Generous: the test command runs this beside CPU-bound suites that hold both cores for a minute at a time.
    def send(self, method, params=None, session=True, timeout=90):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            try:
                reply = self.receive(deadline)
            except TimeoutError:
                raise TimeoutError("Chromium did not answer %s within %ss" % (method, timeout))
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError("%s failed: %s" % (method, reply["error"]))
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def receive(self, deadline):
        while b"\0" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self.from_browser], [], [], remaining)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self.from_browser, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe; its log:\n" + self.output())
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def output(self):
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-4000:]

    def open_page(self, width, height):
        target = self.send("Target.createTarget", {"url": "about:blank"}, session=False)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True}, session=False)["sessionId"]
        for domain in ("Page.enable", "Runtime.enable", "Log.enable"):
            self.send(domain)
        self.send("Emulation.setDeviceMetricsOverride", {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError("page script failed: %s" % result["exceptionDetails"])
        return result["result"].get("value")

    def wait_for(self, description, expression, timeout):
        """Evaluates `expression` until it is truthy; the last value is in the error otherwise."""
        deadline = time.monotonic() + timeout
        value = None
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.2)
        raise TimeoutError("timed out after %ss waiting for %s; page: %s" % (timeout, description, self.snapshot()))

    def type_into(self, element_id, text):
        # Real keyboard input into the focused field, as a person would type it.
        self.evaluate("document.getElementById(%s).focus()" % json.dumps(element_id))
        self.send("Input.insertText", {"text": text})

    def snapshot(self):
        return self.evaluate("""JSON.stringify({
            state: document.body ? document.body.dataset.state : null,
            status: (document.getElementById('status') || {}).textContent || null,
            error: (document.getElementById('error') || {}).textContent || null,
            signinError: (document.getElementById('signin-error') || {}).textContent || null,
            dashboardHidden: (document.getElementById('dashboard') || {}).hidden,
            dataRows: document.querySelectorAll('#dashboard tbody tr:not(:has(td.none))').length,
            text: document.body ? document.body.innerText : '',
            url: location.href,
            storedAccessToken: !!sessionStorage.getItem('aips.ops.access'),
        })""")

    def problems(self):
        """Console errors, uncaught exceptions and CSP violations seen so far."""
        found = []
        for event in self.events:
            if event["method"] == "Runtime.exceptionThrown":
                found.append("exception: %s" % event["params"]["exceptionDetails"].get("text"))
            elif event["method"] == "Log.entryAdded" and event["params"]["entry"]["level"] == "error":
                entry = event["params"]["entry"]
                found.append("%s: %s" % (entry.get("source"), entry.get("text")))
        return found

    def close(self):
        try:
            self.send("Browser.close", session=False, timeout=5)
        except Exception:
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.to_browser)
        os.close(self.from_browser)
        self.log.close()
        shutil.rmtree(self.profile, ignore_errors=True)


def png_summary(data):
    """Size and content of a PNG: width, height, how many colours, and the share of pixels
    that differ from the most common one (the background)."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    position, idat, header = 8, b"", None
    while position < len(data):
        length = int.from_bytes(data[position:position + 4], "big")
        kind = data[position + 4:position + 8]
        body = data[position + 8:position + 8 + length]
        position += 12 + length
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
    width, height = int.from_bytes(header[0:4], "big"), int.from_bytes(header[4:8], "big")
    depth, colour = header[8], header[9]
    if depth != 8 or colour not in (2, 6) or header[12] != 0:
        raise ValueError("unexpected PNG format: depth %d, colour type %d, interlace %d" % (depth, colour, header[12]))
    channels = 3 if colour == 2 else 4
    stride = width * channels
    raw = zlib.decompress(idat)
    previous = bytearray(stride)
    counts = {}
    for row in range(height):
        start = row * (stride + 1)
        kind = raw[start]
        line = bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(channels, stride):
                line[i] = (line[i] + line[i - channels]) & 0xFF
        elif kind == 2:
            for i in range(stride):
                line[i] = (line[i] + previous[i]) & 0xFF
        elif kind == 3:
            for i in range(stride):
                left = line[i - channels] if i >= channels else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - channels] if i >= channels else 0
                b = previous[i]
                c = previous[i - channels] if i >= channels else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                predictor = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + predictor) & 0xFF
        previous = line
        view = bytes(line)
        for i in range(0, stride, channels):
            pixel = view[i:i + 3]
            counts[pixel] = counts.get(pixel, 0) + 1
    background = max(counts.values())
    return {
        "width": width, "height": height, "colours": len(counts),
        "non_background_fraction": 1 - background / float(width * height),
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--chromium", required=True)
    parser.add_argument("--url", required=True)
    parser.add_argument("--email", required=True)
    parser.add_argument("--password-file", required=True, help="kept out of the process list")
    parser.add_argument("--expect-state", required=True)
    parser.add_argument("--expect", action="append", default=[], help="text the page must show")
    parser.add_argument("--screenshot", required=True)
    parser.add_argument("--report-dir", required=True)
    parser.add_argument("--then", action="append", default=[], type=json.loads, help='{"state": ..., "texts": [...]}')
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=960)
    parser.add_argument("--timeout", type=float, default=90)
    options = parser.parse_args()
    with open(options.password_file) as file:
        password = file.read()

    started = time.monotonic()
    browser = Browser(options.chromium, options.width, options.height)
    try:
        browser.send("Browser.getVersion", session=False)
        browser.open_page(options.width, options.height)
        browser.send("Page.navigate", {"url": options.url})
        browser.wait_for("the sign-in form", "document.body && document.body.dataset.state === 'signed-out'", options.timeout)
        browser.type_into("email", options.email)
        browser.type_into("password", password)
        browser.evaluate("document.getElementById('login-form').requestSubmit()")
        browser.wait_for("state %s showing %s" % (options.expect_state, options.expect),
                         showing(options.expect_state, options.expect), options.timeout)
        shot = base64.b64decode(browser.send("Page.captureScreenshot", {"format": "png"})["data"])
        with open(options.screenshot, "wb") as file:
            file.write(shot)
        report = json.loads(browser.snapshot())
        report["png"] = png_summary(shot)
        report["problems"] = browser.problems()
        report["seconds"] = time.monotonic() - started
        write_atomically(os.path.join(options.report_dir, "phase-0.json"), report)
        for number, phase in enumerate(options.then, start=1):
            browser.wait_for("a refresh to state %s showing %s" % (phase["state"], phase["texts"]),
                             showing(phase["state"], phase["texts"]), options.timeout)
            later = json.loads(browser.snapshot())
            later["problems"] = browser.problems()
            later["seconds"] = time.monotonic() - started
            write_atomically(os.path.join(options.report_dir, "phase-%d.json" % number), later)
    finally:
        browser.close()


def showing(state, texts):
    """A page expression: the page is in `state` and its text includes every one of `texts`."""
    checks = ["document.body.innerText.includes(%s)" % json.dumps(text) for text in texts]
    return " && ".join(["document.body.dataset.state === %s" % json.dumps(state)] + checks)


def write_atomically(path, value):
    with open(path + ".tmp", "w") as file:
        json.dump(value, file)
    os.rename(path + ".tmp", path)


if __name__ == "__main__":
    try:
        main()
    except Exception as error:
        print("drive_ops_page: %s" % error, file=sys.stderr)
        sys.exit(1)
