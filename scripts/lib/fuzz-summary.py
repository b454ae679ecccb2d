"""Counts the API fuzz's responses per documented operation from schemathesis' HAR reports.

Prints, per operation, how many answers were 2xx, 4xx, 401 and 429, and exits 1 if a documented operation never
answered 2xx (unless allowed with --allow-no-2xx "METHOD /path"): such an operation was only ever turned away by
a guard (authentication, throttling, validation, a missing row), so its logic went unfuzzed.

usage: fuzz-summary.py openapi.json har.json [har.json ...] [--allow-no-2xx "POST /path" ...]
"""
import argparse
import collections
import json
import re
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("document")
    parser.add_argument("reports", nargs="+")
    parser.add_argument("--allow-no-2xx", action="append", default=[])
    arguments = parser.parse_args()

    document = json.load(open(arguments.document))
    operations = {}
    for path, item in document["paths"].items():
        for method in item:
            if method in ("get", "put", "post", "delete", "patch"):
                pattern = re.compile("^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(path)) + "$")
                operations[(method.upper(), path)] = (pattern, collections.Counter())

    unmatched = 0
    for report in arguments.reports:
        for entry in json.load(open(report))["log"]["entries"]:
            method = entry["request"]["method"]
            path = re.sub(r"^https?://[^/]+", "", entry["request"]["url"]).split("?")[0]
            status = entry["response"]["status"]
            for (operation_method, _), (pattern, counts) in operations.items():
                if operation_method == method and pattern.match(path):
                    counts[status] += 1
                    break
            else:
                unmatched += 1

    totals = collections.Counter()
    missing = []
    print(f"{'operation':<52}{'2xx':>6}{'4xx':>6}{'401':>6}{'429':>6}")
    for (method, path), (_, counts) in sorted(operations.items(), key=lambda item: (item[0][1], item[0][0])):
        success = sum(n for status, n in counts.items() if 200 <= status < 300)
        client = sum(n for status, n in counts.items() if 400 <= status < 500)
        totals.update(counts)
        name = f"{method} {path}"
        mark = ""
        if success == 0:
            allowed = name in arguments.allow_no_2xx
            mark = "  no 2xx (allowed)" if allowed else "  NO 2XX"
            if not allowed:
                missing.append(name)
        print(f"{name:<52}{success:>6}{client:>6}{counts[401]:>6}{counts[429]:>6}{mark}")
    answered = sum(totals.values())
    print(f"fuzz: {answered} responses; 2xx {sum(n for s, n in totals.items() if 200 <= s < 300)}, "
          f"401 {totals[401]}, 403 {totals[403]}, 429 {totals[429]}, 5xx {sum(n for s, n in totals.items() if s >= 500)}"
          f"{f'; {unmatched} outside the document' if unmatched else ''}")
    if missing:
        print("fuzz: documented operations that never answered 2xx: " + ", ".join(missing), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
