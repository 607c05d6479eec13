#!/usr/bin/env python3
"""Checks seeds/data/published-figures.json (and document-checks.json) against the catalogue.

Every figure: indicator exists in indicators.json, source is declared, `printed` occurs in `quote`,
period and dates have the expected shape, `revises` points to another figure of the same
indicator/source/period. Run: python3 seeds/check_figures.py
"""
import json, re, sys
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
KINDS = {"STATISTICS_OFFICE", "MINISTRY", "INTERNATIONAL_INDEX", "AGENCY_REPORTING", "SURVEY"}
PERIOD = re.compile(r"^\d{4}(-Q[1-4]|-\d{4})?$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def main() -> int:
    errors = []
    codes = {i["code"] for i in json.loads((DATA / "indicators.json").read_text("utf-8"))["indicators"]}
    doc = json.loads((DATA / "published-figures.json").read_text("utf-8"))
    sources = {s["code"]: s for s in doc["sources"]}
    for s in doc["sources"]:
        if s["kind"] not in KINDS:
            errors.append(f"source {s['code']}: kind {s['kind']}")
    seen = {}
    for n, f in enumerate(doc["figures"]):
        tag = f"figure {n} ({f.get('indicator')} {f.get('source')} {f.get('period')})"
        if f["indicator"] not in codes:
            errors.append(f"{tag}: unknown indicator")
        if f["source"] not in sources:
            errors.append(f"{tag}: undeclared source")
        if f["printed"] not in f["quote"]:
            errors.append(f"{tag}: printed {f['printed']!r} not in quote")
        if not PERIOD.match(f["period"]):
            errors.append(f"{tag}: period shape")
        if not DATE.match(f["release"]["date"]):
            errors.append(f"{tag}: release date shape")
        if not f["release"]["url"].startswith("http"):
            errors.append(f"{tag}: url")
        if not isinstance(f["value"], (int, float)):
            errors.append(f"{tag}: value not a number")
        seen.setdefault((f["indicator"], f["source"], f["period"]), []).append(f)
    for n, f in enumerate(doc["figures"]):
        r = f.get("revises")
        if r:
            peers = seen[(f["indicator"], f["source"], f["period"])]
            if not any(p["release"]["url"] == r["url"] and p["release"]["date"] == r["date"] for p in peers if p is not f):
                errors.append(f"figure {n}: revises points to no earlier figure of the same indicator/source/period")
    checks_path = DATA / "document-checks.json"
    if checks_path.exists():
        for n, c in enumerate(json.loads(checks_path.read_text("utf-8"))):
            if not DATE.match(c["date"]):
                errors.append(f"document check {n}: date shape")
            if c["found"] and c["field"] != "issuedOn" and c["found"].split("/")[0] not in c["quote"]:
                errors.append(f"document check {n}: found number not in quote")
    for e in errors:
        print("ERROR", e)
    print(f"{len(doc['figures'])} figures, {len({f['indicator'] for f in doc['figures']})} indicators, "
          f"{len(sources)} sources, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
