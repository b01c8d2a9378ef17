#!/usr/bin/env python3
"""Scores one corpus per site half, so a rule tuned on one half shows on the other.

    scripts/halves.py CORPUS_DIR PRED_DIR PRED_META.json [--worst N] [--half A|B] [--per-case]

A case's half is a hash of its `meta.json` domain (the URL's host when there is no domain),
so every page of a site falls in the same half: A is the half rules are developed on, B the
one they are checked against. For each half and for the whole corpus it prints token F1, P
and R (`../shared/eval/score.py`'s scorer, imported, not re-implemented), the pages below
0.5, and the metadata rates: title and byline exact, the published date on the same day
(the corpora give bare days; extractors give full timestamps).
"""
import argparse
import hashlib
import importlib.util
import json
import os
import sys
from urllib.parse import urlsplit


def load_scorer(corpus_dir):
    path = os.path.join(corpus_dir, "..", "..", "eval", "score.py")
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def half_of(meta):
    domain = meta.get("domain") or urlsplit(meta.get("url") or "").hostname or ""
    if domain.startswith("www."):
        domain = domain[4:]
    return "AB"[hashlib.sha1(domain.encode()).digest()[0] % 2]


def same_day(expected, got):
    if not expected:
        return not got
    return bool(got) and str(got).startswith(str(expected))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus_dir")
    ap.add_argument("pred_dir")
    ap.add_argument("pred_meta")
    ap.add_argument("--worst", type=int, default=0, help="list the N worst pages of each half")
    ap.add_argument("--half", choices=["A", "B"], help="only this half's worst pages")
    ap.add_argument("--per-case", action="store_true", help="print every case: half id f1 p r")
    a = ap.parse_args()
    score = load_scorer(a.corpus_dir)
    with open(a.pred_meta, encoding="utf-8") as f:
        pred_meta = json.load(f)
    results, _ = score.score(a.corpus_dir, a.pred_dir)
    rows = []
    for case in results:
        cid = case["id"]
        with open(os.path.join(a.corpus_dir, cid, "meta.json"), encoding="utf-8") as f:
            meta = json.load(f)
        got = pred_meta.get(cid) or {}
        rows.append({
            "id": cid, "half": half_of(meta), "f1": case["f1"], "p": case["precision"], "r": case["recall"],
            "title": (meta.get("title") or None) == (got.get("title") or None),
            "byline": (meta.get("byline") or None) == (got.get("byline") or None),
            "date": same_day(meta.get("publishedTime"), got.get("publishedTime")),
        })
    if a.per_case:
        for row in rows:
            print("%s %s %.3f %.3f %.3f" % (row["half"], row["id"], row["f1"], row["p"], row["r"]))
        return 0
    for name, part in (("A", [r for r in rows if r["half"] == "A"]), ("B", [r for r in rows if r["half"] == "B"]), ("all", rows)):
        n = len(part) or 1
        mean = lambda k: sum(r[k] for r in part) / n
        print("half %-3s n=%3d  F1 %.3f P %.3f R %.3f  <0.5: %2d   title %.3f byline %.3f date %.3f"
              % (name, len(part), mean("f1"), mean("p"), mean("r"), sum(r["f1"] < 0.5 for r in part),
                 mean("title"), mean("byline"), mean("date")))
    if a.worst:
        for name in [a.half] if a.half else ["A", "B"]:
            worst = sorted((r for r in rows if r["half"] == name), key=lambda r: r["f1"])[: a.worst]
            print("worst of half %s: %s" % (name, " ".join("%s(%.2f p%.2f r%.2f)" % (r["id"], r["f1"], r["p"], r["r"]) for r in worst)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
