#!/usr/bin/env python3
"""Validate tests/gold/gold.jsonl against the gold-set contract (see README.md).

Usage: python3 tests/gold/check_gold.py [path/to/gold.jsonl] [--coverage]

Checks: JSON validity, required keys, enum values, id uniqueness and prefix, date
formats (YYYY-MM-DD / YYYY-MM, inside 2025-2026), figure ranges (low <= best <= high),
kind/event_type/modality consistency, passage length (20-120 words), minimum counts
(>= 170 passages, >= 70 Spanish, >= 30 passages with no event/tally reports).
Exits 1 on any error. --coverage prints the tag table used in README.md.
"""
import json, re, sys
from collections import Counter, defaultdict
from datetime import date

KINDS = {"event", "development", "tally"}
EVENT_TYPES = {"strike", "raid", "deployment", "designation", "authorization"}
MODALITIES = {"occurred", "planned", "proposed", "threatened", "denied", "hypothetical", "negated"}
FIGURES = {"killed", "survivors", "vessels", "injured", "missing", "detained", "strikes"}
TARGETS = {"vessel", "land_site", "person", "unknown"}
REGIONS = {"caribbean", "eastern_pacific", "gulf_of_mexico", "atlantic"}
SOURCES = {"official", "anonymous_officials", "outlet", "other_outlet", "local_authority",
           "witness_or_family", "ngo_or_expert", "unknown"}
TOP_KEYS = {"id", "lang", "published", "text", "covers", "expected"}
REP_REQUIRED = {"kind", "event_type", "modality", "date", "figures"}
REP_OPTIONAL = {"target_kind", "place", "source"}
FIG_KEYS = {"low", "best", "high", "approx"}


def check_date(s, allow_month):
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        d = date.fromisoformat(s)
    elif allow_month and re.fullmatch(r"\d{4}-\d{2}", s):
        y, m = map(int, s.split("-"))
        d = date(y, m, 1)
    else:
        raise ValueError(f"bad date format {s!r}")
    if d.year not in (2025, 2026):
        raise ValueError(f"date {s} outside 2025-2026")
    return d


def check_report(r, where, errs):
    keys = set(r)
    miss = REP_REQUIRED - keys
    extra = keys - REP_REQUIRED - REP_OPTIONAL
    if miss: errs.append(f"{where}: missing keys {sorted(miss)}")
    if extra: errs.append(f"{where}: unknown keys {sorted(extra)}")
    k, et, mod = r.get("kind"), r.get("event_type"), r.get("modality")
    if k not in KINDS: errs.append(f"{where}: bad kind {k!r}")
    if et not in EVENT_TYPES: errs.append(f"{where}: bad event_type {et!r}")
    if mod not in MODALITIES: errs.append(f"{where}: bad modality {mod!r}")
    # consistency between kind, event_type and modality
    if k == "event":
        if et not in ("strike", "raid"):
            errs.append(f"{where}: event must be strike/raid, got {et}")
        if mod not in ("occurred", "denied", "negated"):
            errs.append(f"{where}: event modality must be occurred/denied/negated, got {mod}")
    if k == "development" and et in ("strike", "raid") and mod not in (
            "planned", "proposed", "threatened", "hypothetical"):
        errs.append(f"{where}: strike/raid development must be planned/proposed/threatened/hypothetical")
    if k == "tally":
        if et != "strike" or mod != "occurred":
            errs.append(f"{where}: tally must be strike/occurred")
        if not r.get("figures"):
            errs.append(f"{where}: tally without figures")
        if r.get("date") is None:
            errs.append(f"{where}: tally without as-of date")
    d = r.get("date")
    if d is not None:
        try: check_date(d, allow_month=True)
        except ValueError as e: errs.append(f"{where}: {e}")
    figs = r.get("figures")
    if not isinstance(figs, dict):
        errs.append(f"{where}: figures must be an object")
    else:
        for name, f in figs.items():
            if name not in FIGURES: errs.append(f"{where}: unknown figure {name!r}")
            if not isinstance(f, dict) or not {"low", "best", "high"} <= set(f) or set(f) - FIG_KEYS:
                errs.append(f"{where}: figure {name} must have low/best/high (+approx)"); continue
            vals = [f[x] for x in ("low", "best", "high")]
            if all(v is None for v in vals): errs.append(f"{where}: figure {name} all null")
            for v in vals:
                if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0):
                    errs.append(f"{where}: figure {name} non-integer value {v!r}")
            nn = [v for v in vals if isinstance(v, int)]
            if nn != sorted(nn): errs.append(f"{where}: figure {name} not low<=best<=high: {vals}")
            if "approx" in f and not isinstance(f["approx"], bool):
                errs.append(f"{where}: figure {name} approx must be bool")
    if "target_kind" in r and r["target_kind"] not in TARGETS:
        errs.append(f"{where}: bad target_kind {r['target_kind']!r}")
    if "source" in r and r["source"] not in SOURCES:
        errs.append(f"{where}: bad source {r['source']!r}")
    if "place" in r:
        p = r["place"]
        if not isinstance(p, dict) or set(p) != {"country", "region"}:
            errs.append(f"{where}: place must have exactly country and region")
        else:
            c, g = p["country"], p["region"]
            if c is not None and not re.fullmatch(r"[A-Z]{2}", c): errs.append(f"{where}: bad country {c!r}")
            if g is not None and g not in REGIONS: errs.append(f"{where}: bad region {g!r}")


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = args[0] if args else __file__.rsplit("/", 1)[0] + "/gold.jsonl"
    errs, rows, ids = [], [], set()
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                errs.append(f"line {n}: blank line"); continue
            try: row = json.loads(line)
            except json.JSONDecodeError as e:
                errs.append(f"line {n}: invalid JSON: {e}"); continue
            rows.append(row)
            where = f"line {n} ({row.get('id')})"
            if set(row) != TOP_KEYS: errs.append(f"{where}: keys {sorted(row)} != {sorted(TOP_KEYS)}")
            rid, lang = row.get("id"), row.get("lang")
            if rid in ids: errs.append(f"{where}: duplicate id")
            ids.add(rid)
            if lang not in ("en", "es"): errs.append(f"{where}: bad lang {lang!r}")
            elif not re.fullmatch(lang + r"-\d{3}", str(rid)): errs.append(f"{where}: id must be {lang}-NNN")
            pub = row.get("published")
            if pub is not None:
                try: check_date(pub, allow_month=False)
                except ValueError as e: errs.append(f"{where}: published: {e}")
            text = row.get("text")
            if not isinstance(text, str) or not text.strip():
                errs.append(f"{where}: empty text")
            else:
                wc = len(text.split())
                if not 20 <= wc <= 120: errs.append(f"{where}: {wc} words (want 20-120)")
            cov = row.get("covers")
            if not isinstance(cov, list) or not cov or not all(isinstance(c, str) and c for c in cov):
                errs.append(f"{where}: covers must be a non-empty list of strings")
            exp = row.get("expected")
            if not isinstance(exp, list):
                errs.append(f"{where}: expected must be a list"); continue
            for i, r in enumerate(exp):
                if not isinstance(r, dict): errs.append(f"{where}[{i}]: not an object"); continue
                check_report(r, f"{where} expected[{i}]", errs)
                # relative dates cannot resolve without a publication date
                if pub is None and r.get("kind") == "tally":
                    pass
    langs = Counter(r.get("lang") for r in rows)
    quiet = sum(1 for r in rows if isinstance(r.get("expected"), list)
                and all(x.get("kind") == "development" for x in r["expected"]))
    if len(rows) < 170: errs.append(f"only {len(rows)} passages (want >= 170)")
    if langs["es"] < 70: errs.append(f"only {langs['es']} Spanish passages (want >= 70)")
    if quiet < 30: errs.append(f"only {quiet} passages with expected [] or only developments (want >= 30)")

    kinds, mods, per = Counter(), Counter(), Counter()
    for r in rows:
        for x in r.get("expected") or []:
            if isinstance(x, dict):
                kinds[(r.get("lang"), x.get("kind"))] += 1
                mods[(r.get("lang"), x.get("kind"), x.get("event_type"), x.get("modality"))] += 1
        per[(r.get("lang"), "empty" if not r.get("expected") else "nonempty")] += 1
    print(f"passages: {len(rows)} (en {langs['en']}, es {langs['es']}); "
          f"with [] or only developments: {quiet}; empty []: {per[('en','empty')] + per[('es','empty')]}")
    print("reports by kind:", {f"{l}/{k}": n for (l, k), n in sorted(kinds.items())})
    print("reports by kind/event_type/modality:")
    for key in sorted({k[1:] for k in mods}):
        print(f"  {'/'.join(key):40s} en {mods[('en',) + key]:3d}  es {mods[('es',) + key]:3d}")
    if "--coverage" in sys.argv:
        tags = defaultdict(Counter)
        for r in rows:
            for t in r.get("covers") or []: tags[t][r.get("lang")] += 1
        print("\n| tag | en | es |\n| --- | --- | --- |")
        for t in sorted(tags):
            print(f"| `{t}` | {tags[t]['en']} | {tags[t]['es']} |")
    if errs:
        print(f"\n{len(errs)} error(s):", file=sys.stderr)
        for e in errs: print("  " + e, file=sys.stderr)
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
