#!/usr/bin/env python3
"""Validate the gold sets against their contract (see README.md).

Usage: python3 tests/gold/check_gold.py [path/to/file.jsonl ...] [--coverage]

With no path it checks both files beside this script: gold.jsonl (the boat-campaign set) and
gold-world.jsonl (the set beyond the boat campaign). A file whose name contains "world" is checked
with the world profile, any other with the original profile.

Checks on both: JSON validity, required keys, enum values, id uniqueness and prefix, date formats
(YYYY-MM-DD / YYYY-MM, inside the profile's years), figure ranges (low <= best <= high),
kind/event_type/modality consistency, passage length (20-120 words), minimum counts.
  gold.jsonl: ids en-NNN/es-NNN; dates 2025-2026; >= 170 passages, >= 70 Spanish, >= 30 passages
  with no event/tally reports; no perpetrator key.
  gold-world.jsonl: ids wen-NNN/wes-NNN; dates 2024-2026; event types add `attack` (non-state
  violence); regions add red_sea and gulf_of_aden; every report carries `perpetrator` (ISO 3166
  alpha-2, "non_state" or null); an attack is never by a state, a strike or raid never by
  "non_state"; a development about a strike/raid/attack may also be `negated` ("no strike has
  been ordered"); the derived tags in `covers` (kind:, type:, modality:, source:, field:, perp:,
  expect:, date:null) match `expected`; >= 160 passages, >= 40% Spanish, >= 30 passages with no
  event/tally reports.
Exits 1 on any error in any file. --coverage prints the tag table used in README.md (and, for
the world profile, the tables by language, event type, country, perpetrator and tag family).
"""
import json, os, re, sys
from collections import Counter, defaultdict
from datetime import date

KINDS = {"event", "development", "tally"}
MODALITIES = {"occurred", "planned", "proposed", "threatened", "denied", "hypothetical", "negated"}
FIGURES = {"killed", "survivors", "vessels", "injured", "missing", "detained", "strikes"}
TARGETS = {"vessel", "land_site", "person", "unknown"}
SOURCES = {"official", "anonymous_officials", "outlet", "other_outlet", "local_authority",
           "witness_or_family", "ngo_or_expert", "unknown"}
TOP_KEYS = {"id", "lang", "published", "text", "covers", "expected"}
REP_REQUIRED = {"kind", "event_type", "modality", "date", "figures"}
REP_OPTIONAL = {"target_kind", "place", "source"}
FIG_KEYS = {"low", "best", "high", "approx"}
DEV_VIOLENCE_MODS = {"planned", "proposed", "threatened", "hypothetical"}

PROFILES = {
    "gold": {
        "id_re": r"{lang}-\d{{3}}",
        "years": (2025, 2026),
        # a group's attack is kept apart, never counted as a strike: the boat set's passages
        # of non-campaign violence expect it (es-082)
        "event_types": {"strike", "raid", "attack", "deployment", "designation", "authorization"},
        "violent": ("strike", "raid", "attack"),
        "regions": {"caribbean", "eastern_pacific", "gulf_of_mexico", "atlantic"},
        "perpetrator": False,
        "dev_violence_mods": DEV_VIOLENCE_MODS,
        "tally_types": ("strike",),
        "min_rows": 170, "min_es": 70, "min_es_share": 0.0, "min_quiet": 30,
        "derived_tags": False,
    },
    "world": {
        "id_re": r"w{lang}-\d{{3}}",
        "years": (2024, 2025, 2026),
        "event_types": {"strike", "raid", "attack", "deployment", "designation", "authorization"},
        "violent": ("strike", "raid", "attack"),
        "regions": {"caribbean", "eastern_pacific", "gulf_of_mexico", "atlantic", "red_sea",
                    "gulf_of_aden"},
        "perpetrator": True,
        "dev_violence_mods": DEV_VIOLENCE_MODS | {"negated"},
        "tally_types": ("strike", "raid", "attack"),
        "min_rows": 160, "min_es": 0, "min_es_share": 0.40, "min_quiet": 30,
        "derived_tags": True,
    },
}
DERIVED_PREFIXES = ("kind:", "type:", "modality:", "source:", "field:", "expect:")
PERP_TAG = re.compile(r"perp:([A-Z]{2}|non_state|null)$")


def check_date(s, allow_month, years):
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", s):
        d = date.fromisoformat(s)
    elif allow_month and re.fullmatch(r"\d{4}-\d{2}", s):
        y, m = map(int, s.split("-"))
        d = date(y, m, 1)
    else:
        raise ValueError(f"bad date format {s!r}")
    if d.year not in years:
        raise ValueError(f"date {s} outside {years[0]}-{years[-1]}")
    return d


def check_report(r, where, errs, prof):
    keys = set(r)
    required = REP_REQUIRED | ({"perpetrator"} if prof["perpetrator"] else set())
    miss = required - keys
    extra = keys - required - REP_OPTIONAL
    if miss: errs.append(f"{where}: missing keys {sorted(miss)}")
    if extra: errs.append(f"{where}: unknown keys {sorted(extra)}")
    k, et, mod = r.get("kind"), r.get("event_type"), r.get("modality")
    violent = prof["violent"]
    if k not in KINDS: errs.append(f"{where}: bad kind {k!r}")
    if et not in prof["event_types"]: errs.append(f"{where}: bad event_type {et!r}")
    if mod not in MODALITIES: errs.append(f"{where}: bad modality {mod!r}")
    # consistency between kind, event_type and modality
    if k == "event":
        if et not in violent:
            errs.append(f"{where}: event must be {'/'.join(violent)}, got {et}")
        if mod not in ("occurred", "denied", "negated"):
            errs.append(f"{where}: event modality must be occurred/denied/negated, got {mod}")
    if k == "development" and et in violent and mod not in prof["dev_violence_mods"]:
        errs.append(f"{where}: {et} development must be {'/'.join(sorted(prof['dev_violence_mods']))}")
    if k == "tally":
        if et not in prof["tally_types"] or mod != "occurred":
            errs.append(f"{where}: tally must be {'/'.join(prof['tally_types'])} and occurred")
        if not r.get("figures"):
            errs.append(f"{where}: tally without figures")
        if r.get("date") is None:
            errs.append(f"{where}: tally without as-of date")
    if prof["perpetrator"] and "perpetrator" in r:
        p = r["perpetrator"]
        if p is not None and p != "non_state" and not (isinstance(p, str) and re.fullmatch(r"[A-Z]{2}", p)):
            errs.append(f"{where}: bad perpetrator {p!r} (ISO 3166 alpha-2, 'non_state' or null)")
        if et == "attack" and p not in ("non_state", None):
            errs.append(f"{where}: an attack is by a non-state group, got perpetrator {p!r}")
        if et in ("strike", "raid") and p == "non_state":
            errs.append(f"{where}: a {et} is by a state force; non-state violence is an attack")
    d = r.get("date")
    if d is not None:
        try: check_date(d, allow_month=True, years=prof["years"])
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
            if g is not None and g not in prof["regions"]: errs.append(f"{where}: bad region {g!r}")


def derived_tags(exp):
    """The tags of `covers` that follow from `expected` (world profile)."""
    tags = set()
    for r in exp:
        if not isinstance(r, dict): continue
        tags |= {"kind:" + str(r.get("kind")), "type:" + str(r.get("event_type")),
                 "modality:" + str(r.get("modality")), "source:" + str(r.get("source")),
                 "perp:" + (r.get("perpetrator") or "null")}
        tags |= {"field:" + f for f in (r.get("figures") or {})}
        if r.get("date") is None: tags.add("date:null")
    if not exp: tags.add("expect:none")
    elif all(isinstance(r, dict) and r.get("kind") == "development" for r in exp):
        tags.add("expect:developments_only")
    return tags


def check_file(path, coverage):
    prof_name = "world" if "world" in os.path.basename(path) else "gold"
    prof = PROFILES[prof_name]
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
            elif not re.fullmatch(prof["id_re"].format(lang=lang), str(rid)):
                errs.append(f"{where}: id must match {prof['id_re'].format(lang=lang)}")
            pub = row.get("published")
            if pub is not None:
                try: check_date(pub, allow_month=False, years=prof["years"])
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
                check_report(r, f"{where} expected[{i}]", errs, prof)
            if prof["derived_tags"] and isinstance(cov, list):
                have = {c for c in cov if isinstance(c, str) and (
                    c.startswith(DERIVED_PREFIXES) or PERP_TAG.match(c) or c == "date:null")}
                want = derived_tags(exp)
                if have != want:
                    errs.append(f"{where}: derived tags differ from expected: "
                                f"missing {sorted(want - have)}, extra {sorted(have - want)}")
    langs = Counter(r.get("lang") for r in rows)
    quiet = sum(1 for r in rows if isinstance(r.get("expected"), list)
                and all(isinstance(x, dict) and x.get("kind") == "development" for x in r["expected"]))
    if len(rows) < prof["min_rows"]: errs.append(f"only {len(rows)} passages (want >= {prof['min_rows']})")
    if langs["es"] < prof["min_es"]: errs.append(f"only {langs['es']} Spanish passages (want >= {prof['min_es']})")
    if rows and langs["es"] / len(rows) < prof["min_es_share"]:
        errs.append(f"Spanish share {langs['es'] / len(rows):.0%} (want >= {prof['min_es_share']:.0%})")
    if quiet < prof["min_quiet"]:
        errs.append(f"only {quiet} passages with expected [] or only developments (want >= {prof['min_quiet']})")

    kinds, mods, per = Counter(), Counter(), Counter()
    for r in rows:
        for x in r.get("expected") or []:
            if isinstance(x, dict):
                kinds[(r.get("lang"), x.get("kind"))] += 1
                mods[(r.get("lang"), x.get("kind"), x.get("event_type"), x.get("modality"))] += 1
        per[(r.get("lang"), "empty" if not r.get("expected") else "nonempty")] += 1
    print(f"== {path} ({prof_name} profile)")
    print(f"passages: {len(rows)} (en {langs['en']}, es {langs['es']}); "
          f"with [] or only developments: {quiet}; empty []: {per[('en','empty')] + per[('es','empty')]}")
    print("reports by kind:", {f"{l}/{k}": n for (l, k), n in sorted(kinds.items())})
    print("reports by kind/event_type/modality:")
    for key in sorted({k[1:] for k in mods}):
        print(f"  {'/'.join(key):40s} en {mods[('en',) + key]:3d}  es {mods[('es',) + key]:3d}")
    if prof["perpetrator"]:
        perp = Counter()
        for r in rows:
            for x in r.get("expected") or []:
                if isinstance(x, dict): perp[(r.get("lang"), x.get("perpetrator") or "null")] += 1
        print("reports by perpetrator:", ", ".join(
            f"{p} {perp[('en', p)]}/{perp[('es', p)]}" for p in sorted({k[1] for k in perp})), "(en/es)")
    if coverage:
        if prof_name == "world": print_world_tables(rows)
        tags = defaultdict(Counter)
        for r in rows:
            for t in r.get("covers") or []: tags[t][r.get("lang")] += 1
        print("\n| tag | en | es |\n| --- | --- | --- |")
        for t in sorted(tags):
            print(f"| `{t}` | {tags[t]['en']} | {tags[t]['es']} |")
    if errs:
        print(f"\n{len(errs)} error(s) in {path}:", file=sys.stderr)
        for e in errs: print("  " + e, file=sys.stderr)
        return False
    print("OK")
    return True


def table(title, counter, keys):
    print(f"\n{title}\n\n| {title.split(' by ')[-1]} | en | es | total |\n| --- | --- | --- | --- |")
    for k in keys:
        print(f"| {k} | {counter[('en', k)]} | {counter[('es', k)]} | {counter[('en', k)] + counter[('es', k)]} |")


def print_world_tables(rows):
    """Coverage tables of README.md's gold-world section: reports and passages per language."""
    by_type, by_country, by_perp, by_family, by_shape = Counter(), Counter(), Counter(), Counter(), Counter()
    for r in rows:
        lang, exp = r.get("lang"), r.get("expected") or []
        for x in exp:
            by_type[(lang, f"{x.get('kind')}/{x.get('event_type')}/{x.get('modality')}")] += 1
            by_perp[(lang, x.get("perpetrator") or "null")] += 1
            if x.get("kind") in ("event", "tally"):
                c = (x.get("place") or {}).get("country") or (x.get("place") or {}).get("region") or "none"
                by_country[(lang, c)] += 1
        shape = ("no report" if not exp else "developments only"
                 if all(x.get("kind") == "development" for x in exp) else "events/tallies")
        by_shape[(lang, shape)] += 1
        fams = {t.split(":", 1)[0] for t in r.get("covers") or [] if ":" in t}
        for fam in fams: by_family[(lang, fam)] += 1
    keys = lambda c: sorted({k[1] for k in c}, key=lambda k: (-(c[('en', k)] + c[('es', k)]), k))
    table("Passages by shape", by_shape, keys(by_shape))
    table("Reports by kind/event_type/modality", by_type, keys(by_type))
    table("Event and tally reports by country", by_country, keys(by_country))
    table("Reports by perpetrator", by_perp, keys(by_perp))
    table("Passages by tag family", by_family, keys(by_family))


def main():
    paths = [a for a in sys.argv[1:] if not a.startswith("--")]
    here = os.path.dirname(os.path.abspath(__file__))
    if not paths:
        paths = [os.path.join(here, "gold.jsonl"), os.path.join(here, "gold-world.jsonl")]
    ok = True
    for i, p in enumerate(paths):
        if i: print()
        ok = check_file(p, "--coverage" in sys.argv) and ok
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
