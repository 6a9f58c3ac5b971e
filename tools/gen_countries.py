#!/usr/bin/env python3
"""Generate the country and subdivision word lists from Debian's iso-codes.

Usage: tools/gen_countries.py COUNTRIES_OUT SUBDIVISIONS_OUT [ISO_JSON_DIR]

Reads iso_3166-1.json and iso_3166-2.json (Debian package iso-codes,
LGPL-2.1+, default directory /usr/share/iso-codes/json) and writes two lists
in the rules/lists format (`surface | norm | key=value`):

  COUNTRIES_OUT     every ISO 3166-1 country's name, official_name and
                    common_name, in readable order ("Korea, Republic of" ->
                    "Republic of Korea"), all normed to the familiar name
                    (South Korea, Russia, Iran, ...), attribute code=ALPHA2.
  SUBDIVISIONS_OUT  first-level subdivisions of the kinds news names (states,
                    provinces, prefectures, regions, Länder, territories,
                    emirates, ...; no municipalities or districts; Spain's
                    and the Philippines' provinces from the second level
                    too), with the
                    English names news uses where they differ from ISO's
                    local ones (Bayern -> Bavaria), attribute country=ALPHA2.

Names that are ordinary English words, or that are also a country's name,
are left out of the subdivision list; what is skipped is printed on stderr.
Python 3 standard library only.
"""

import json
import os
import re
import sys
import unicodedata

ISO_DIR = "/usr/share/iso-codes/json"

# ---------------------------------------------------------------- countries

# The name news uses, where ISO's name/common_name is not it.
COUNTRY_NORM = {
    "BN": "Brunei",
    "CD": "Democratic Republic of the Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "FK": "Falkland Islands",
    "FM": "Micronesia",
    "MO": "Macau",
    "PS": "Palestine",
    "RU": "Russia",
    "TR": "Turkey",
    "VA": "Vatican City",
    "VG": "British Virgin Islands",
    "VI": "U.S. Virgin Islands",
}

# ISO surfaces not to emit at all (politically loaded or misleading forms).
COUNTRY_SKIP = {"Taiwan, Province of China"}

# Country surfaces that are ordinary English words when capitalised.
COUNTRY_WORDS = {"Jersey", "Reunion"}

# -------------------------------------------------------------- subdivisions

# Kinds of first-level subdivision kept.  Municipalities, districts,
# parishes, communes and the like are left out (too small, too many).
SUB_TYPES = {
    "State", "Province", "Prefecture", "Region", "Land", "Territory",
    "Emirate", "Union territory", "Autonomous region", "Autonomous community",
    "Autonomous republic", "Autonomous province", "Autonomous city",
    "Autonomous district", "Special administrative region", "Republic",
    "Administrative region", "Administrative territory", "Metropolitan region",
    "Metropolitan collectivity with special status", "Overseas region",
    "Country", "Federal district", "Capital territory",
    "Federal capital territory", "Capital district", "Federal territory",
    "Governorate", "Oblast", "Canton", "Department", "County", "Division",
    "Regional state", "Voivodship", "Special city", "Metropolitan city",
    "Special self-governing province", "Special self-governing city",
    "Metropolitan administration", "Capital city", "Special region",
    "Autonomous city in north africa", "Entity", "Administration",
}
# Types kept only for some countries, where they are big units.
SUB_TYPES_BY_COUNTRY = {
    "CN": {"Municipality"},                 # Beijing, Shanghai, ...
    "VN": {"Municipality"},                 # Hanoi, Ho Chi Minh City, ...
    "TW": {"Special municipality", "City"},  # Taipei, Kaohsiung, ...
    "UA": {"City"},                         # Kyiv, Sevastopol
    "KZ": {"City"},                         # Almaty, Astana
    "AR": {"City"},                         # Buenos Aires city
    "US": {"District"},                     # District of Columbia
}
# Countries whose ISO top level is only a grouping: take the level below.
SUB_SECOND_LEVEL = {"ID"}
# Countries whose second level holds units news names as much as the first:
# Spain's provinces (Jaen, Castellon), under its autonomous communities;
# the Philippines' provinces (Nueva Ecija, Pampanga), under its regions.
SUB_BELOW_TOO = {"ES": {"Province"}, "PH": {"Province"},
                 # the counties of Wales, Scotland and Ireland news names a town
                 # by ("Powys", "Aberdeenshire", "Donegal"); not England's,
                 # whose names sports pages give their cricket clubs ("Kent",
                 # "Surrey" are teams there)
                 "GB": {"Unitary authority", "Council area"},
                 "IE": {"County"}}
# Where only some parents' units are taken (codes of the parents).
SUB_BELOW_PARENTS = {"GB": {"GB-WLS", "GB-SCT"}}
# Countries whose news names a subdivision with its kind after it ("Kebbi
# State", "Niger State", "Lagos State"): that form too, normed as the name
# alone unless the name alone is a country's.
SUB_KIND_AFTER = {"NG": "State"}

# Countries whose ISO subdivision names are romanisations from another script:
# their diacritics are transliteration marks, so the norm drops them.
ROMANISED = set("""AE AF AM BD BG BH BY CN EG ER ET GE GR IL IN IQ IR JO JP KG
    KH KP KR KW KZ LA LB LK LY MK MM MN NP OM PK PS QA RU SA SD SY TH TJ TM TW
    UA UZ YE""".split())

# English names news uses (first = norm), keyed by ISO 3166-2 code.  They are
# added to (not put in place of) ISO's names.  Written for this project.
EXONYMS = {
    # China
    "CN-BJ": ["Beijing"], "CN-CQ": ["Chongqing"], "CN-SH": ["Shanghai"],
    "CN-TJ": ["Tianjin"], "CN-NM": ["Inner Mongolia"], "CN-XZ": ["Tibet"],
    "CN-XJ": ["Xinjiang"], "CN-GX": ["Guangxi"], "CN-NX": ["Ningxia"],
    "CN-HK": ["Hong Kong"], "CN-MO": ["Macau", "Macao"],
    # Austria
    "AT-2": ["Carinthia"], "AT-3": ["Lower Austria"], "AT-4": ["Upper Austria"],
    "AT-6": ["Styria"], "AT-7": ["Tyrol"],
    # Germany
    "DE-BY": ["Bavaria"], "DE-HE": ["Hesse"], "DE-NI": ["Lower Saxony"],
    "DE-NW": ["North Rhine-Westphalia"], "DE-RP": ["Rhineland-Palatinate"],
    "DE-SN": ["Saxony"], "DE-ST": ["Saxony-Anhalt"], "DE-TH": ["Thuringia"],
    "DE-MV": ["Mecklenburg-Western Pomerania"],
    "DE-BW": ["Baden-Wuerttemberg"],
    # Italy
    "IT-21": ["Piedmont"], "IT-23": ["Aosta Valley"], "IT-25": ["Lombardy"],
    "IT-32": ["Trentino-South Tyrol"], "IT-52": ["Tuscany"],
    "IT-55": ["Umbria"], "IT-57": ["Marche"], "IT-62": ["Lazio"],
    "IT-75": ["Apulia"], "IT-82": ["Sicily"], "IT-88": ["Sardinia"],
    # Spain
    "ES-AN": ["Andalusia"], "ES-AR": ["Aragon"], "ES-AS": ["Asturias"],
    "ES-CN": ["Canary Islands"], "ES-CL": ["Castile and Leon"],
    "ES-CT": ["Catalonia"], "ES-IB": ["Balearic Islands"],
    "ES-MC": ["Murcia"], "ES-MD": ["Community of Madrid"],
    "ES-NC": ["Navarre", "Navarra"], "ES-PV": ["Basque Country"],
    "ES-VC": ["Valencian Community"],
    "ES-A": ["Alicante"], "ES-CS": ["Castellón"], "ES-VI": ["Álava"],
    "ES-SE": ["Seville"], "ES-BI": ["Biscay"],
    # France
    "FR-20R": ["Corsica"], "FR-BRE": ["Brittany"], "FR-NOR": ["Normandy"],
    "FR-BFC": ["Burgundy-Franche-Comte"], "FR-GES": ["Grand Est"],
    "FR-NAQ": ["Nouvelle-Aquitaine", "New Aquitaine"],
    "FR-OCC": ["Occitania"], "FR-HDF": ["Hauts-de-France"],
    "FR-PAC": ["Provence-Alpes-Cote d'Azur"],
    "FR-PDL": ["Pays de la Loire"], "FR-CVL": ["Centre-Val de Loire"],
    "FR-IDF": ["Ile-de-France"], "FR-GF": ["French Guiana"],
    "FR-RE": ["Reunion Island"], "FR-NC": ["New Caledonia"],
    "FR-PF": ["French Polynesia"],
    # Belgium, Netherlands, Switzerland
    "BE-BRU": ["Brussels-Capital Region"], "BE-VLG": ["Flanders"],
    "BE-WAL": ["Wallonia"],
    "NL-NB": ["North Brabant"], "NL-NH": ["North Holland"],
    "NL-ZH": ["South Holland"], "NL-FR": ["Friesland"],
    "CH-GE": ["Geneva"], "CH-ZH": ["Zurich"], "CH-LU": ["Lucerne"],
    "CH-BE": ["Bern", "Berne"], "CH-FR": ["Fribourg"], "CH-GR": ["Graubuenden"],
    "CH-SG": ["St. Gallen"],
    # United Kingdom
    "GB-WLS": ["Wales"],
    # Greece
    "GR-69": ["Mount Athos"], "GR-A": ["Eastern Macedonia and Thrace"],
    "GR-B": ["Central Macedonia"], "GR-C": ["Western Macedonia"],
    "GR-D": ["Epirus"], "GR-E": ["Thessaly"], "GR-F": ["Ionian Islands"],
    "GR-G": ["Western Greece"], "GR-H": ["Central Greece"],
    "GR-I": ["Attica"], "GR-J": ["Peloponnese"], "GR-K": ["North Aegean"],
    "GR-L": ["South Aegean"], "GR-M": ["Crete"],
    # Poland
    "PL-02": ["Lower Silesia"], "PL-04": ["Kuyavia-Pomerania"],
    "PL-08": ["Lubusz"], "PL-12": ["Lesser Poland"], "PL-14": ["Masovia"],
    "PL-18": ["Subcarpathia"], "PL-20": ["Podlasie"], "PL-22": ["Pomerania"],
    "PL-24": ["Silesia"], "PL-28": ["Warmia-Masuria"],
    "PL-30": ["Greater Poland"], "PL-32": ["West Pomerania"],
    # Russia
    "RU-MOW": ["Moscow"], "RU-SPE": ["St. Petersburg", "Saint Petersburg"],
    "RU-MOS": ["Moscow Oblast"], "RU-LEN": ["Leningrad Oblast"],
    "RU-CE": ["Chechnya"], "RU-DA": ["Dagestan"], "RU-IN": ["Ingushetia"],
    "RU-TA": ["Tatarstan"], "RU-BA": ["Bashkortostan"],
    "RU-SE": ["North Ossetia"], "RU-SA": ["Yakutia", "Sakha"],
    "RU-KR": ["Karelia"], "RU-BU": ["Buryatia"], "RU-TY": ["Tuva"],
    "RU-KDA": ["Krasnodar Krai"], "RU-PRI": ["Primorsky Krai"],
    "RU-KYA": ["Krasnoyarsk Krai"], "RU-KGD": ["Kaliningrad Oblast"],
    "RU-BEL": ["Belgorod Oblast"], "RU-KRS": ["Kursk Oblast"],
    "RU-BRY": ["Bryansk Oblast"], "RU-ROS": ["Rostov Oblast"],
    "RU-KHM": ["Khanty-Mansi Autonomous Okrug"],
    "RU-YAN": ["Yamalo-Nenets Autonomous Okrug"],
    "RU-CHU": ["Chukotka"], "RU-SAK": ["Sakhalin Oblast"],
    "RU-KAM": ["Kamchatka Krai"], "RU-KHA": ["Khabarovsk Krai"],
    "RU-NVS": ["Novosibirsk Oblast"], "RU-SVE": ["Sverdlovsk Oblast"],
    # Ukraine
    "UA-05": ["Vinnytsia Oblast"], "UA-07": ["Volyn Oblast"],
    "UA-09": ["Luhansk Oblast"], "UA-12": ["Dnipropetrovsk Oblast"],
    "UA-14": ["Donetsk Oblast"], "UA-18": ["Zhytomyr Oblast"],
    "UA-21": ["Zakarpattia Oblast"], "UA-23": ["Zaporizhzhia Oblast"],
    "UA-26": ["Ivano-Frankivsk Oblast"], "UA-30": ["Kyiv"],
    "UA-32": ["Kyiv Oblast"], "UA-35": ["Kirovohrad Oblast"],
    "UA-43": ["Crimea"], "UA-46": ["Lviv Oblast"],
    "UA-48": ["Mykolaiv Oblast"], "UA-51": ["Odesa Oblast"],
    "UA-53": ["Poltava Oblast"], "UA-56": ["Rivne Oblast"],
    "UA-59": ["Sumy Oblast"], "UA-61": ["Ternopil Oblast"],
    "UA-63": ["Kharkiv Oblast"], "UA-65": ["Kherson Oblast"],
    "UA-68": ["Khmelnytskyi Oblast"], "UA-71": ["Cherkasy Oblast"],
    "UA-74": ["Chernihiv Oblast"], "UA-77": ["Chernivtsi Oblast"],
    # Belarus, Kazakhstan
    "BY-HM": ["Minsk"], "BY-BR": ["Brest Region"], "BY-HO": ["Gomel Region"],
    "BY-HR": ["Grodno Region"], "BY-MA": ["Mogilev Region"],
    "BY-MI": ["Minsk Region"], "BY-VI": ["Vitebsk Region"],
    "KZ-AST": ["Astana"],
    # Korea
    "KR-11": ["Seoul"], "KR-26": ["Busan"], "KR-27": ["Daegu"],
    "KR-28": ["Incheon"], "KR-29": ["Gwangju"], "KR-30": ["Daejeon"],
    "KR-31": ["Ulsan"], "KR-41": ["Gyeonggi"], "KR-42": ["Gangwon"],
    "KR-43": ["North Chungcheong"], "KR-44": ["South Chungcheong"],
    "KR-45": ["North Jeolla"], "KR-46": ["South Jeolla"],
    "KR-47": ["North Gyeongsang"], "KR-48": ["South Gyeongsang"],
    "KR-49": ["Jeju"], "KR-50": ["Sejong"],
    "KP-01": ["Pyongyang"], "KP-13": ["Rason"], "KP-14": ["Nampo"],
    # Japan
    "JP-01": ["Hokkaido"], "JP-13": ["Tokyo"], "JP-27": ["Osaka"],
    "JP-28": ["Hyogo"], "JP-39": ["Kochi"], "JP-44": ["Oita"],
    # South and Southeast Asia
    "VN-HN": ["Hanoi"], "VN-SG": ["Ho Chi Minh City"], "VN-DN": ["Da Nang"],
    "VN-HP": ["Haiphong"], "VN-CT": ["Can Tho"],
    "TH-10": ["Bangkok"], "TH-S": ["Pattaya"],
    "MY-14": ["Kuala Lumpur"], "MY-15": ["Labuan"], "MY-16": ["Putrajaya"],
    "MY-04": ["Malacca"], "MY-07": ["Penang"],
    "ID-JK": ["Jakarta"], "ID-JB": ["West Java"], "ID-JT": ["Central Java"],
    "ID-JI": ["East Java"], "ID-KB": ["West Kalimantan"],
    "ID-KI": ["East Kalimantan"], "ID-KS": ["South Kalimantan"],
    "ID-KT": ["Central Kalimantan"], "ID-KU": ["North Kalimantan"],
    "ID-SA": ["North Sulawesi"], "ID-SN": ["South Sulawesi"],
    "ID-ST": ["Central Sulawesi"], "ID-SG": ["Southeast Sulawesi"],
    "ID-SR": ["West Sulawesi"], "ID-SB": ["West Sumatra"],
    "ID-SU": ["North Sumatra"], "ID-SS": ["South Sumatra"],
    "ID-NB": ["West Nusa Tenggara"], "ID-NT": ["East Nusa Tenggara"],
    "ID-PB": ["West Papua"], "ID-MU": ["North Maluku"],
    "ID-KR": ["Riau Islands"], "ID-BB": ["Bangka Belitung"],
    "IN-DL": ["Delhi", "New Delhi"], "IN-JK": ["Jammu and Kashmir"],
    "PK-IS": ["Islamabad Capital Territory"],
    "PK-JK": ["Azad Kashmir"],
    "MM-18": ["Naypyidaw"], "MM-06": ["Yangon"],
    "PH-00": ["Metro Manila"],
    # Middle East and North Africa
    "AE-AJ": ["Ajman"], "AE-AZ": ["Abu Dhabi"], "AE-DU": ["Dubai"],
    "AE-FU": ["Fujairah"], "AE-RK": ["Ras Al Khaimah"],
    "AE-SH": ["Sharjah"], "AE-UQ": ["Umm Al Quwain"],
    "SA-01": ["Riyadh"], "SA-02": ["Mecca", "Makkah"],
    "SA-03": ["Medina", "Madinah"], "SA-04": ["Eastern Province"],
    "SA-06": ["Hail"], "SA-07": ["Tabuk"], "SA-09": ["Jazan"],
    "SA-10": ["Najran"], "SA-14": ["Asir"],
    "IQ-AN": ["Anbar"], "IQ-AR": ["Erbil"], "IQ-BA": ["Basra"],
    "IQ-BB": ["Babylon", "Babil"], "IQ-BG": ["Baghdad"], "IQ-DA": ["Dohuk"],
    "IQ-DI": ["Diyala"], "IQ-KA": ["Karbala"], "IQ-KI": ["Kirkuk"],
    "IQ-NA": ["Najaf"], "IQ-NI": ["Nineveh"], "IQ-SD": ["Salahuddin"],
    "IQ-SU": ["Sulaimaniyah"],
    "EG-ALX": ["Alexandria"], "EG-C": ["Cairo"], "EG-GZ": ["Giza"],
    "EG-ASN": ["Aswan"], "EG-LX": ["Luxor"], "EG-PTS": ["Port Said"],
    "EG-SUZ": ["Suez"], "EG-JS": ["South Sinai"], "EG-SIN": ["North Sinai"],
    "IR-23": ["Tehran"], "IR-10": ["Isfahan"], "IR-06": ["Khuzestan"],
    "IR-03": ["East Azerbaijan"], "IR-04": ["West Azerbaijan"],
    "IR-09": ["Razavi Khorasan"], "IR-12": ["Kurdistan Province"],
    "IR-11": ["Sistan and Baluchestan"], "IR-22": ["Hormozgan"],
    "IR-18": ["Bushehr"], "IR-07": ["Fars"], "IR-25": ["Qom"],
    "JO-AM": ["Amman"], "JO-AQ": ["Aqaba"],
    "LB-BA": ["Beirut"], "LB-JL": ["Mount Lebanon"], "LB-BI": ["Beqaa"],
    "LB-JA": ["South Lebanon"], "LB-AS": ["North Lebanon"],
    "SY-DI": ["Damascus"], "SY-HL": ["Aleppo"], "SY-HM": ["Hama"],
    "SY-HI": ["Homs"], "SY-ID": ["Idlib"], "SY-LA": ["Latakia"],
    "SY-DY": ["Deir ez-Zor"], "SY-RA": ["Raqqa"], "SY-HA": ["Hasakah"],
    "SY-DR": ["Daraa"],
    "YE-SA": ["Sanaa"], "YE-AD": ["Aden"], "YE-HU": ["Hodeidah"],
    "DZ-16": ["Algiers"],
    "PS-GZA": ["Gaza City"], "PS-KYS": ["Khan Younis"],
    "AF-KAB": ["Kabul"], "AF-KAN": ["Kandahar"], "AF-HER": ["Herat"],
    # Americas, Africa
    "MX-CMX": ["Mexico City"], "MX-MEX": ["State of Mexico"],
    "MX-NLE": ["Nuevo León"], "MX-VER": ["Veracruz"], "MX-COA": ["Coahuila"],
    "MX-MIC": ["Michoacán"],
    "AR-C": ["Buenos Aires City"],
    "CO-DC": ["Bogota"], "CL-RM": ["Santiago Metropolitan Region"],
    "NG-FC": ["Federal Capital Territory", "Abuja"],
    "ET-AA": ["Addis Ababa"], "ET-AM": ["Amhara"], "ET-TI": ["Tigray"],
    "ZA-KZN": ["KwaZulu-Natal"], "KE-30": ["Nairobi"],
}

# Subdivision names left out because they are ordinary English (or French,
# Spanish, Portuguese) words, compass points, or common given names or
# surnames, and so would raise false alarms.  Compared after accents are
# folded, so "Colón" goes with "Colon".
SUB_WORDS = set("""
    Acre Adan Afar Alba Balkan Bari Batman Bay Bono Bong Cabanas Centre Cesar Gao
    Chin Coast Colon Cortes Delta East Eastern Est Falcon Flores Guerrero Gulf
    Herrera Hidalgo Hims Isabel Kara Lakes Lara Leon Leste Littoral Lori Lwes
    Mara Maritime Mary Mascara Meta Miranda Mon Mono Nan Nelson Nip Nord Norte
    North Northern Para Pest Plateau Plateaux Pool Quiche Rivera Rivers Rocha
    Saga Sahel Sana Savanes Savannah Shan Sid Sides Soriano South Southern
    Sud Sul Tak Tubas Unity Uri Van West Western Yap Zaire
""".split()) | {
    "Al Asimah", "Capital Territory", "Central", "Central Region",
    "Central River", "Far North", "Lower River", "North Bank", "North East",
    "North Western", "North-West", "Northern Region", "Red Sea",
    "Southern Region", "Upper East", "Upper River", "Upper West",
    "Western North", "Federal District", "Cascades", "West Coast", "Midlands",
    "Somali", "Antique", "Aurora", "Isabela", "Quezon", "Rizal",
}
# (country, name) pairs left out: the name means another place in news.
SUB_SKIP = {("MZ", "Gaza"), ("LR", "Maryland"), ("UY", "Florida"),
            ("KN", "Saint Kitts"), ("KN", "St Kitts"), ("KN", "St. Kitts"),
            # counties named like people or things
            ("IE", "Clare"), ("IE", "Kerry"), ("IE", "Mayo"), ("IE", "Monaghan"),
            ("GB", "Angus"), ("GB", "Halton"), ("GB", "Reading"), ("GB", "Derby"),
            ("GB", "Rutland"), ("GB", "Medway"), ("GB", "Moray")}


# ------------------------------------------------------------------- helpers

FOLD_EXTRA = {
    "ı": "i", "İ": "I", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d",
    "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "æ": "ae", "Æ": "AE",
    "ß": "ss", "œ": "oe", "Œ": "OE", "ʻ": "", "ʿ": "", "ʾ": "",
    "‘": "", "’": "'", "`": "",
}


def fold(s):
    """ASCII-ish form: accents and transliteration marks removed."""
    s = "".join(FOLD_EXTRA.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("’", "'").strip("'")
    return unicodedata.normalize("NFC", s)


def tidy(s):
    s = re.sub(r"\s+", " ", s).strip()
    return s.rstrip("*").strip()


def strip_parens(s):
    """'Holy See (Vatican City State)' -> 'Holy See'."""
    return tidy(re.sub(r"\s*\([^)]*\)", "", s))


def bracket_variants(s):
    """'Catalunya [Cataluña]' -> ['Catalunya', 'Cataluña'];
    'Wales [Cymru GB-CYM]' -> ['Wales', 'Cymru']."""
    m = re.match(r"^(.*?)\s*\[(.*)\]\s*$", s)
    if not m:
        return [s]
    inner = " ".join(w for w in m.group(2).split()
                     if not re.fullmatch(r"[A-Z]{2}-[A-Z0-9]+", w))
    return [tidy(m.group(1))] + ([tidy(inner)] if inner else [])


def readable(s):
    """Turn ISO's inverted comma forms into the order people write.

    'Korea, Republic of' -> 'Republic of Korea'
    'Congo, The Democratic Republic of the' -> 'Democratic Republic of the Congo'
    'Virgin Islands, British' -> 'British Virgin Islands'
    'Asturias, Principado de' -> 'Principado de Asturias'
    'Valenciana, Comunidad' -> 'Comunidad Valenciana'
    Commas that separate a list ('Bonaire, Sint Eustatius and Saba') stay.
    Returns None for a form that should not be used at all.
    """
    s = tidy(s)
    if s in COUNTRY_SKIP:
        return None
    if "," in s:
        head, _, tail = s.partition(",")
        head, tail = head.strip(), tail.strip()
        words = tail.split()
        if (re.search(r"\b(of|of the|de|del|de la|do)$", tail)
                or tail in ("British", "U.S.")
                or (len(words) == 1 and words[0][:1].isupper()
                    and " and " not in s and " y " not in s)
                or (len(words) == 1 and words[0][:1].islower())):
            s = tidy(tail + " " + head)
    s = re.sub(r"^(?:the|The)\s+", "", s)
    return s


def st_variants(s):
    """'Saint Lucia' -> ['St. Lucia', 'St Lucia']."""
    if s.startswith("Saint "):
        rest = s[len("Saint "):]
        return ["St. " + rest, "St " + rest]
    return []


def line(surface, norm, attrs):
    """'Japan | | code=JP' (empty norm = the surface itself) or
    'Nippon | Japan | code=JP'."""
    if norm == surface:
        norm = ""
    a = " ".join("%s=%s" % kv for kv in attrs)
    if not a:
        return "%s | %s" % (surface, norm) if norm else surface
    return "%s | %s | %s" % (surface, norm, a) if norm else "%s | | %s" % (surface, a)


def check(surface):
    assert "|" not in surface and "\n" not in surface and surface.strip() == surface, surface
    assert not surface.startswith("#"), surface


# ----------------------------------------------------------------- countries

def build_countries(iso1, skipped):
    out = []          # (norm, surface, code)
    for e in iso1:
        code = e["alpha_2"]
        norm = (COUNTRY_NORM.get(code) or e.get("common_name")
                or readable(strip_parens(e["name"])))
        surfaces = []
        for key in ("name", "official_name", "common_name"):
            if key in e:
                r = readable(strip_parens(e[key]))
                if r is None:
                    skipped.append("country %s %r: not a usable form" % (code, e[key]))
                    continue
                surfaces.append(r)
        surfaces.append(norm)
        more = []
        for s in surfaces:
            for v in [s, fold(s)]:
                more += [v] + st_variants(v)
        seen = set()
        for s in surfaces + more:
            if not s or s in seen:
                continue
            seen.add(s)
            if s in COUNTRY_WORDS:
                skipped.append("country %s %r: ordinary English word" % (code, s))
                continue
            check(s)
            out.append((norm, s, code))
    return out


# -------------------------------------------------------------- subdivisions

def sub_kept(e):
    cc = e["code"][:2]
    if cc in SUB_SECOND_LEVEL:
        return "parent" in e
    if "parent" in e:
        parents = SUB_BELOW_PARENTS.get(cc)
        return e["type"] in SUB_BELOW_TOO.get(cc, ()) and (parents is None or e["parent"] in parents)
    return e["type"] in SUB_TYPES or e["type"] in SUB_TYPES_BY_COUNTRY.get(cc, ())


def sub_names(e):
    """Cleaned ISO names of one subdivision (without exonyms)."""
    cc = e["code"][:2]
    names = []
    for raw in bracket_variants(e["name"]):
        raw = re.sub(r"(?<=\w)/(?=\w)", "-", raw).lstrip("/")
        n = readable(strip_parens(raw))
        if not n:
            continue
        if cc == "CN":   # 'Guangdong Sheng', 'Xinjiang Uygur Zizhiqu'
            n = re.sub(r"\s+(Sheng|Shi|Zizhiqu|SAR)$", "", n)
            n = re.sub(r"\s+(Zhuangzu|Huizu|Huizi|Uygur)$", "", n)
        if cc == "KR":   # 'Seoul-teukbyeolsi', 'Gyeonggi-do'
            n = re.sub(r"-(teukbyeolsi|gwangyeoksi|teukbyeoljachido|"
                       r"teukbyeoljachisi)$", "", n)
        names.append(n)
    return names


def build_subdivisions(iso2, country_surfaces, skipped):
    out = []          # (country, norm, surface)
    listed = set()    # (country, surface): a province named as its region once
    for e in iso2:
        if not sub_kept(e):
            continue
        cc, code = e["code"][:2], e["code"]
        iso_names = sub_names(e)
        exo = EXONYMS.get(code, [])
        if exo:
            norm = exo[0]
        elif cc in ROMANISED:
            norm = fold(iso_names[0])
        else:
            norm = iso_names[0]
        cands = []
        for n in exo + iso_names:
            for v in [n, fold(n)]:
                cands += [v] + st_variants(v)
        kind = SUB_KIND_AFTER.get(cc)
        with_kind = [n + " " + kind for n in iso_names] if kind else []
        seen = set()
        for s in cands + with_kind:
            if not s or s in seen:
                continue
            seen.add(s)
            if (cc, fold(s)) in SUB_SKIP or (cc, s) in SUB_SKIP:
                skipped.append("subdivision %s %r: another place in news" % (code, s))
                continue
            if s in SUB_WORDS or fold(s) in SUB_WORDS:
                skipped.append("subdivision %s %r: ordinary English word" % (code, s))
                continue
            if s in country_surfaces:
                skipped.append("subdivision %s %r: also a country name" % (code, s))
                continue
            if not re.search(r"[A-Za-z]", s):
                continue
            if (cc, s) in listed:
                continue
            listed.add((cc, s))
            check(s)
            out.append((cc, s if s in with_kind and norm in country_surfaces else norm, s))
    return out


HEADER_COUNTRIES = """\
# Countries and territories: every ISO 3166-1 entry's name, official name and
# common name (inverted forms made readable, parentheses dropped, accents
# folded as a second form, "Saint" also as "St."), normed to the name news
# uses; attribute code = ISO 3166-1 alpha-2.
# Generated by tools/gen_countries.py from Debian's iso-codes (iso_3166-1.json),
# licence LGPL-2.1+.  Do not edit by hand: edit the script and re-run it.
# Other names news uses (U.S., Britain, Holland, ...) are in country-aliases.txt.
"""

HEADER_SUBDIVISIONS = """\
# First-level subdivisions: states, provinces, prefectures, regions, Laender,
# territories, emirates, governorates, counties, ... (no municipalities or
# districts; Spain's and the Philippines' provinces from the second level
# too), from ISO 3166-2, plus the English names news uses where ISO gives
# the local one (Bayern -> Bavaria).  Norm: the English name when there is one,
# else ISO's name (accents dropped for romanised names).  Names that are
# ordinary English words or also a country's name are left out.
# Attribute country = ISO 3166-1 alpha-2 of the country.
# Generated by tools/gen_countries.py from Debian's iso-codes (iso_3166-2.json),
# licence LGPL-2.1+; the English names in the script were written for this
# project.  Do not edit by hand: edit the script and re-run it.
"""


def main(argv):
    if len(argv) not in (3, 4):
        sys.stderr.write(__doc__)
        return 2
    iso_dir = argv[3] if len(argv) == 4 else ISO_DIR
    with open(os.path.join(iso_dir, "iso_3166-1.json"), encoding="utf-8") as f:
        iso1 = json.load(f)["3166-1"]
    with open(os.path.join(iso_dir, "iso_3166-2.json"), encoding="utf-8") as f:
        iso2 = json.load(f)["3166-2"]
    names = {e["alpha_2"]: (e.get("common_name") or e["name"]) for e in iso1}
    skipped = []

    countries = build_countries(iso1, skipped)
    countries.sort(key=lambda t: (fold(t[0]).lower(), t[0] != t[1], fold(t[1]).lower(), t[1]))
    with open(argv[1], "w", encoding="utf-8") as f:
        f.write(HEADER_COUNTRIES)
        last = None
        for norm, s, code in countries:
            if norm != last:
                f.write("\n")
                last = norm
            f.write(line(s, norm, [("code", code)]) + "\n")

    country_surfaces = {s for _, s, _ in countries}
    subs = build_subdivisions(iso2, country_surfaces, skipped)
    subs = sorted(set(subs), key=lambda t: (t[0], fold(t[1]).lower(), t[1] != t[2],
                                           fold(t[2]).lower(), t[2]))
    with open(argv[2], "w", encoding="utf-8") as f:
        f.write(HEADER_SUBDIVISIONS)
        last = None
        for cc, norm, s in subs:
            if cc != last:
                f.write("\n# %s (%s)\n" % (names.get(cc, cc), cc))
                last = cc
            f.write(line(s, norm, [("country", cc)]) + "\n")

    for msg in skipped:
        print("skipped: " + msg, file=sys.stderr)
    print("%s: %d entries; %s: %d entries; %d skipped"
          % (argv[1], len(countries), argv[2], len(subs), len(skipped)),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
