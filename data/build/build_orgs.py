#!/usr/bin/env python3
"""Regenerate data/organizations.tsv (python3 stdlib only).

Inputs (relative to the repo root, shared/ lives beside it):
  ../shared/data/supraverden/international_orgs_en.tsv   CC BY-SA 4.0 (supraverden)
  ../shared/data/phoenix-petrarch2/Phoenix.International.actors.txt   MIT (Open Event Data Alliance)
  data/build/orgs_extra.tsv   hand-written rows and overrides (this repo)
  MINISTRY_COUNTRIES below    hand-written table: generated foreign/defence ministries

Usage: python3 data/build/build_orgs.py [--shared DIR] [--out FILE] [-v]

Output columns: key name acronyms aliases kind country (multi-values joined by "|").
Rows are sorted by key (casefolded, then exact). The matcher in kg is case-sensitive
for acronyms, so an acronym is only listed when its upper-case form is not an ordinary
English word used in other meanings (WHO is the one required exception: match it only
in upper case and be careful with all-caps headlines).
"""
import argparse
import csv
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))

KINDS = {"igo", "eu", "informal", "gov", "military", "party", "media", "company", "ngo", "armed_group"}

# ---------------------------------------------------------------- supraverden filters
# Whole families/types that never matter for diplomatic news and whose acronyms collide
# with ordinary words (SHARE, ERIC, INSTRUCT, ELI, ESS ...).
DROP_TYPES = {
    "European Research Infrastructure Consortium",
    "EU joint undertaking",
    "all-Ireland implementation body",
}
# Rows whose names are ordinary words/phrases or that are pure noise for this project.
DROP_KEYS = {
    "European Schools",
    "South Centre",
    "Safefood",
    "Statistical Commission",
    "EUCLID University",
    "Tourism Ireland",
    "North/South Language Body",
    "Comprehensive Nuclear-Test-Ban Treaty Organisation",  # duplicate of the PrepCom row (CTBTO)
    "INFRAFRONTIER",
    "European Spallation Source",
    "Agency for Support for BEREC",
}
# Acronyms that are ordinary words, country/state codes, or ambiguous in news
# (e.g. BIS = US Bureau of Industry and Security, SDF = Syrian Democratic Forces,
# IOC = Olympic Committee, EEA = European Economic Area, ISA/CIAT/ECA used by two rows).
ACRONYM_BLOCK = {
    "APT", "MSG", "CLE", "CIP", "CIM", "ACS", "PCB", "PBC", "CPD", "CND", "CFC", "BIS",
    "ETF", "ERA", "FRA", "ELA", "EEA", "IMC", "ISC", "ITC", "INL", "IIR", "IIN", "LTA",
    "MRC", "NIB", "NDF", "NPI", "SAU", "SPC", "SRB", "TDB", "UPC", "CCA", "AMF", "AWO",
    "ATU", "BIC", "EP", "WB", "ISA", "CIAT", "ECA", "SDF", "IDEA", "SESAME", "SHARE",
    "ERIC", "ELI", "ESS", "INSTRUCT", "FLAR", "CBD", "AMA", "IOC", "COE", "UNSCR", "UNO",
    "ACE", "ARC", "SAFE", "ACT", "AID", "CARE", "HOPE", "PEACE", "FAIR", "ICE", "CAP",
    "SECDEF", "UNBODIES", "EC", "ECC", "EEC", "UNSG", "THE", "WE", "US", "USA", "UK",
}

# ---------------------------------------------------------------- generated ministries
# code, adjective, country name used in "Ministry of X of <name>" and "<name>'s X Ministry",
# which ministries to generate (F = foreign, D = defence), extra official country names.
MINISTRY_COUNTRIES = [
    ("RU", "Russian", "Russia", "FD", ["the Russian Federation"]),
    ("UA", "Ukrainian", "Ukraine", "FD", []),
    ("CN", "Chinese", "China", "FD", ["the People's Republic of China"]),
    ("FR", "French", "France", "D", []),
    ("DE", "German", "Germany", "D", []),
    ("IT", "Italian", "Italy", "FD", []),
    ("ES", "Spanish", "Spain", "FD", []),
    ("PT", "Portuguese", "Portugal", "FD", []),
    ("NL", "Dutch", "the Netherlands", "FD", []),
    ("BE", "Belgian", "Belgium", "FD", []),
    ("AT", "Austrian", "Austria", "FD", []),
    ("GR", "Greek", "Greece", "FD", []),
    ("PL", "Polish", "Poland", "FD", []),
    ("CZ", "Czech", "the Czech Republic", "FD", []),
    ("SK", "Slovak", "Slovakia", "FD", []),
    ("HU", "Hungarian", "Hungary", "FD", []),
    ("RO", "Romanian", "Romania", "FD", []),
    ("BG", "Bulgarian", "Bulgaria", "FD", []),
    ("HR", "Croatian", "Croatia", "FD", []),
    ("RS", "Serbian", "Serbia", "FD", []),
    ("SI", "Slovenian", "Slovenia", "FD", []),
    ("MD", "Moldovan", "Moldova", "FD", []),
    ("BY", "Belarusian", "Belarus", "FD", []),
    ("LT", "Lithuanian", "Lithuania", "FD", []),
    ("LV", "Latvian", "Latvia", "FD", []),
    ("EE", "Estonian", "Estonia", "FD", []),
    ("FI", "Finnish", "Finland", "FD", []),
    ("SE", "Swedish", "Sweden", "FD", []),
    ("NO", "Norwegian", "Norway", "FD", []),
    ("DK", "Danish", "Denmark", "FD", []),
    ("GE", "Georgian", "Georgia", "FD", []),
    ("AM", "Armenian", "Armenia", "FD", []),
    ("AZ", "Azerbaijani", "Azerbaijan", "FD", []),
    ("KZ", "Kazakh", "Kazakhstan", "FD", []),
    ("UZ", "Uzbek", "Uzbekistan", "FD", []),
    ("TR", "Turkish", "Turkey", "FD", ["Türkiye"]),
    ("IL", "Israeli", "Israel", "FD", []),
    ("IR", "Iranian", "Iran", "FD", []),
    ("IQ", "Iraqi", "Iraq", "FD", []),
    ("SY", "Syrian", "Syria", "FD", []),
    ("LB", "Lebanese", "Lebanon", "FD", []),
    ("JO", "Jordanian", "Jordan", "FD", []),
    ("EG", "Egyptian", "Egypt", "FD", []),
    ("SA", "Saudi", "Saudi Arabia", "FD", []),
    ("AE", "Emirati", "the UAE", "FD", ["the United Arab Emirates"]),
    ("QA", "Qatari", "Qatar", "FD", []),
    ("PK", "Pakistani", "Pakistan", "FD", []),
    ("IN", "Indian", "India", "D", []),
    ("JP", "Japanese", "Japan", "FD", []),
    ("KR", "South Korean", "South Korea", "FD", []),
    ("KP", "North Korean", "North Korea", "FD", []),
    ("TW", "Taiwanese", "Taiwan", "FD", []),
    ("VN", "Vietnamese", "Vietnam", "FD", []),
    ("ID", "Indonesian", "Indonesia", "FD", []),
    ("PH", "Philippine", "the Philippines", "FD", []),
    ("TH", "Thai", "Thailand", "FD", []),
    ("MY", "Malaysian", "Malaysia", "FD", []),
    ("BR", "Brazilian", "Brazil", "FD", []),
    ("AR", "Argentine", "Argentina", "FD", []),
    ("MX", "Mexican", "Mexico", "FD", []),
    ("VE", "Venezuelan", "Venezuela", "FD", []),
    ("CU", "Cuban", "Cuba", "FD", []),
    ("NG", "Nigerian", "Nigeria", "FD", []),
    ("ET", "Ethiopian", "Ethiopia", "FD", []),
    ("KE", "Kenyan", "Kenya", "FD", []),
    ("ZA", "South African", "South Africa", "D", []),
    ("AU", "Australian", "Australia", "D", []),
    ("CA", "Canadian", "Canada", "D", []),
    ("AF", "Afghan", "Afghanistan", "FD", []),
]


def gen_ministries():
    rows = []
    for code, adj, cname, which, official in MINISTRY_COUNTRIES:
        names = [cname] + official
        poss = cname[4:] if cname.startswith("the ") else cname
        if "F" in which:
            al = [f"{adj} Ministry of Foreign Affairs", f"{poss}'s Foreign Ministry"]
            for n in names:
                al += [f"Ministry of Foreign Affairs of {n}", f"Foreign Ministry of {n}"]
            rows.append(dict(key=f"{adj} Foreign Ministry", name=f"{adj} Foreign Ministry",
                             acronyms=[], aliases=al, kind="gov", country=code, src="extra"))
        if "D" in which:
            al = [f"{adj} Defence Ministry", f"{adj} Ministry of Defense", f"{adj} Ministry of Defence",
                  f"{poss}'s Defense Ministry", f"{poss}'s Defence Ministry"]
            for n in names:
                al += [f"Ministry of Defense of {n}", f"Ministry of Defence of {n}"]
            rows.append(dict(key=f"{adj} Defense Ministry", name=f"{adj} Defense Ministry",
                             acronyms=[], aliases=al, kind="gov", country=code, src="extra"))
    return rows


# ---------------------------------------------------------------- helpers
def split_multi(s):
    return [v.strip() for v in (s or "").split("|") if v.strip()]


def add_unique(lst, vals):
    for v in vals:
        if v and v not in lst:
            lst.append(v)


ACRO_RE = re.compile(r"^(?=.*[A-Z].*[A-Z])[A-Z0-9ÜİÇŞ][A-Za-z0-9ÜİÇŞ.&/+\-]{1,11}$")


def is_acronym(s):
    """Short all-caps form: at least two capitals, no spaces, mostly upper case."""
    if " " in s or not ACRO_RE.match(s):
        return False
    letters = [c for c in s if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return upper >= max(2, len(letters) - 2)


def norm(s):
    """Loose comparison key for names (spelling variants collapse)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.upper().replace("’", "'").replace("&", " AND ").replace("-", " ").replace("_", " ")
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^THE ", "", s)
    for a, b in (("ORGANISATION", "ORGANIZATION"), ("PROGRAMME", "PROGRAM"), ("DEFENCE", "DEFENSE"),
                 ("LABOUR", "LABOR"), ("CENTRE", "CENTER"), ("CO OPERATION", "COOPERATION")):
        s = s.replace(a, b)
    return s


SMALL = {"of", "the", "and", "for", "on", "in", "to", "at", "de", "la", "le", "du", "des", "al", "el"}


def display_case(phrase, known_acronyms):
    """Turn a CAMEO upper-case phrase into news casing."""
    out = []
    for i, w in enumerate(phrase.split(" ")):
        if w in known_acronyms or "." in w or (len(w) <= 4 and not re.search(r"[AEIOUY]", w)):
            out.append(w)
            continue
        parts = []
        for j, p in enumerate(w.split("-")):
            lw = p.lower()
            if lw in SMALL and not (i == 0 and j == 0):
                parts.append(lw)
            else:
                parts.append(lw[:1].upper() + lw[1:])
        out.append("-".join(parts))
    return " ".join(out)


# ---------------------------------------------------------------- loaders
def load_supraverden(path):
    rows = []
    with open(path, encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            if r["type"] in DROP_TYPES or r["key"] in DROP_KEYS:
                continue
            name = r["name_en"].strip()
            acr, ali = [], []
            for a in split_multi(r["abbreviations_en"]):
                if is_acronym(a):
                    add_unique(acr, [a])
                elif len(a.split()) <= 6 and a != name:
                    add_unique(ali, [a])  # "Cedefop", "UN Tourism", "Afreximbank" ...
            for o in split_multi(r["other_names_en"]):
                if is_acronym(o):
                    add_unique(acr, [o])
                elif o != name:
                    add_unique(ali, [o])
            if r["key"] != name:
                add_unique(ali, [r["key"]])
            acr = [a for a in acr if a.upper() not in ACRONYM_BLOCK]
            eu = (r["country"] == "EU" or r["org_family"] == "EU institutions and bodies"
                  or r["type"].startswith("EU") or r["type"].startswith("Euratom"))
            rows.append(dict(key=r["key"], name=name, acronyms=acr, aliases=ali,
                             kind="eu" if eu else "igo", country="", src="supraverden"))
    return rows


def load_extra(path):
    rows = []
    with open(path, encoding="utf-8") as fh:
        for ln, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            f = line.split("\t")
            if len(f) < 7:
                f += [""] * (7 - len(f))
            key, name, acr, ali, kind, country, match = [x.strip() for x in f[:7]]
            if kind not in KINDS:
                sys.exit(f"{path}:{ln}: bad kind {kind!r}")
            rows.append(dict(key=key, name=name, acronyms=split_multi(acr), aliases=split_multi(ali),
                             kind=kind, country=country, match=match, src="extra"))
    return rows


def parse_phoenix_groups(path):
    """Return list of (section, [phrases], [codes]) from a CAMEO actor dictionary."""
    groups, section, cur = [], "", None
    with open(path, encoding="utf-8", errors="replace") as fh:
        for raw in fh:
            line = raw.replace("\x00", "").replace("\x1a", "").rstrip("\n")
            if line.startswith("#"):
                m = re.match(r"^#{3,}\s*(.*?)\s*#*$", line)
                if m:
                    section = m.group(1)
                continue
            if not line.strip():
                continue
            if line[0] in " \t":
                if cur is not None:
                    cur[2].extend(re.findall(r"\[([A-Z]{3,})", line))
                continue  # code lines
            is_syn = line.startswith("+")
            text = line[1:] if is_syn else line
            text = re.split(r"[\t\[#]", text)[0].strip()
            text = re.sub(r"\s+", " ", text.replace("_", " ")).strip()
            if not text:
                continue
            if is_syn and cur is not None:
                cur[1].append(text)
            else:
                cur = (section, [text], re.findall(r"\[([A-Z]{3,})", line))
                groups.append(cur)
    return groups


# ---------------------------------------------------------------- phoenix enrichment
ORG_WORDS = re.compile(r"\b(ORGANI[SZ]ATION|UNION|COUNCIL|FUND|BANK|PROGRAMM?E?|AGENCY|COMMISSION|COURT|"
                       r"ASSEMBLY|NATIONS|TREATY|COOPERATION|PARLIAMENT|CONFERENCE|ALLIANCE|COMMUNITY|"
                       r"LEAGUE|GROUP OF|ASSOCIATION|SECRETARIAT|TRIBUNAL|AUTHORITY|OFFICE|COMMITTEE)\b")
ROLE_WORDS = re.compile(r"\b(SECRETARY|PRESIDENT|OFFICIAL|SPOKES\w*|CHIEF|ENVOY|MONITOR|MISSION|REPRESENTATIVE|"
                        r"MINISTERS?|COUNTRIES|RESIDENT|BODIES|PEACEKEEPERS?|HEAD|DIRECTOR|STAFF|MEMBERS?|"
                        r"JOURNALIST|REPORTER|TO THE|IN THE|FAMILY|PROJECT|INITIATIVE)\b|BASED|,")


# phrases never taken from phoenix (ambiguous: "Security Council" is also Russia's, Ukraine's ...)
PHOENIX_BLOCK = {"SECURITY COUNCIL", "BRITISH BROADCASTING SERVICE", "GENERAL ASSEMBLY", "COMMISSION",
                 "SOUTHEAST ASIAN NATIONS", "SOUTH ASIAN ASSOCIATION", "ASSOCIATION OF SOUTHEAST ASIA NATIONS"}


def initials(name):
    return "".join(w[0] for w in norm(name).split() if w.lower() not in SMALL)


def similar(n, names):
    a = set(n.split()) - {w.upper() for w in SMALL}
    for x in names:
        b = set(norm(x).split()) - {w.upper() for w in SMALL}
        if a and b and len(a & b) / len(a | b) >= 0.6:
            return True
    return False


def enrich_from_phoenix(rows, groups, verbose):
    name_index = {}
    acro_owner = {}
    for r in rows:
        for n in [r["name"]] + r["aliases"]:
            name_index.setdefault(norm(n), set()).add(r["key"])
        for a in r["acronyms"]:
            acro_owner.setdefault(a, set()).add(r["key"])
    all_acros = set(acro_owner)
    by_key = {r["key"]: r for r in rows}
    # single-line entries that share one specific CAMEO code are merged, but a phrase
    # joined that way must look like a spelling variant of the org's name (see similar()).
    by_code = {}
    for g in groups:
        for c in set(g[2]):
            by_code.setdefault(c, []).append(g)
    merged = []
    for section, phrases, codes in groups:
        merged.append((section, phrases, False))
    for c, gs in sorted(by_code.items()):
        if len(gs) > 1 and len(c) >= 9:  # IGOUNO etc. are too generic; IGOUNOKID is specific
            ph = []
            for g in gs:
                add_unique(ph, g[1])
            merged.append((gs[0][0], ph, True))
    added = 0
    for section, phrases, by_code_merge in merged:
        if len(phrases) < 2:
            continue
        media = section.lower().startswith("media")
        hits = set()
        for p in phrases:
            for k in name_index.get(norm(p), ()):
                hits.add(k)
            if p in acro_owner and len(acro_owner[p]) == 1 and len(p) >= 3:
                hits |= acro_owner[p]
        if len(hits) != 1:
            continue
        (k,) = hits
        r = by_key[k]
        if media != (r["kind"] == "media"):
            continue
        for p in phrases:
            n = norm(p)
            if n in PHOENIX_BLOCK:
                continue
            if n in name_index or p in acro_owner:
                continue
            if p.startswith("THE ") or ROLE_WORDS.search(p) or "'S " in p and False:
                continue
            if is_acronym(p.replace(" ", "")) and " " not in p:
                if by_code_merge and not any(initials(x) == p.replace(".", "") for x in [r["name"]] + r["aliases"]):
                    continue
                if p.upper() in ACRONYM_BLOCK or p in acro_owner or p in PHOENIX_BLOCK:
                    continue
                r["acronyms"].append(p)
                acro_owner[p] = {k}
                added += 1
                if verbose:
                    print(f"phoenix acronym {p!r} -> {k}", file=sys.stderr)
                continue
            if not media and not ORG_WORDS.search(n):
                continue
            if by_code_merge and not similar(n, [r["name"]] + r["aliases"]):
                continue
            if n in PHOENIX_BLOCK:
                continue
            if len(p.split()) > 10:
                continue
            d = display_case(p, all_acros)
            if d.casefold() in {x.casefold() for x in [r["name"]] + r["aliases"]}:
                continue
            r["aliases"].append(d)
            name_index.setdefault(n, set()).add(k)
            added += 1
            if verbose:
                print(f"phoenix alias {d!r} -> {k}", file=sys.stderr)
    return added


# ---------------------------------------------------------------- main
def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=os.path.join(REPO, "..", "shared", "data"))
    ap.add_argument("--out", default=os.path.join(REPO, "data", "organizations.tsv"))
    ap.add_argument("-v", "--verbose", action="store_true")
    a = ap.parse_args()

    sup = load_supraverden(os.path.join(a.shared, "supraverden", "international_orgs_en.tsv"))
    by_key = {r["key"]: r for r in sup}
    extra = load_extra(os.path.join(HERE, "orgs_extra.tsv")) + gen_ministries()

    rows = list(sup)
    for e in extra:
        m = e.get("match")
        if m:
            if m not in by_key:
                sys.exit(f"orgs_extra.tsv: match {m!r} not in supraverden (or dropped)")
            r = by_key[m]
            old_name = r["name"]
            r["key"], r["name"], r["kind"], r["country"], r["src"] = e["key"], e["name"], e["kind"], e["country"], "extra"
            if old_name != e["name"]:
                add_unique(r["aliases"], [old_name])
            for fld in ("acronyms", "aliases"):
                for v in e[fld]:
                    if v.startswith("-"):
                        for f2 in ("acronyms", "aliases"):
                            if v[1:] in r[f2]:
                                r[f2].remove(v[1:])
                    else:
                        add_unique(r[fld], [v])
        else:
            rows.append(dict(e))

    # name must not repeat in aliases; acronyms must not repeat in aliases
    for r in rows:
        r["aliases"] = [x for x in r["aliases"] if x != r["name"] and x not in r["acronyms"]]

    groups = parse_phoenix_groups(os.path.join(a.shared, "phoenix-petrarch2", "Phoenix.International.actors.txt"))
    n_ph = enrich_from_phoenix(rows, groups, a.verbose)

    # ---- consistency: unique keys, no acronym/alias shared between rows
    keys = {}
    for r in rows:
        if r["key"] in keys:
            sys.exit(f"duplicate key {r['key']!r}")
        keys[r["key"]] = r
    for fld in ("acronyms", "aliases"):
        owners = {}
        for r in rows:
            vals = r[fld] + ([r["name"]] if fld == "aliases" else [])
            for v in vals:
                owners.setdefault(v if fld == "acronyms" else v.casefold(), []).append(r)
        for v, rs in sorted(owners.items()):
            uniq = []
            for r in rs:
                if all(r is not u for u in uniq):
                    uniq.append(r)
            rs = uniq
            if len(rs) < 2:
                continue
            # keep the value on hand-written rows only when exactly one hand-written row has it
            hand = [r for r in rs if r["src"] == "extra"]
            keep = hand[0] if len(hand) == 1 else None
            print(f"warning: {fld[:-1]} {v!r} shared by {[r['key'] for r in rs]}; kept on "
                  f"{keep['key'] if keep else 'none'}", file=sys.stderr)
            for r in rs:
                if r is keep:
                    continue
                r[fld] = [x for x in r[fld] if (x if fld == "acronyms" else x.casefold()) != v]
    for r in rows:
        for f in ("key", "name", "country"):
            if "\t" in r[f] or "|" in r[f]:
                sys.exit(f"bad char in {r}")
        if r["country"] and not re.match(r"^[A-Z]{2}$", r["country"]):
            sys.exit(f"bad country in {r['key']}")

    rows.sort(key=lambda r: (r["key"].casefold(), r["key"]))
    with open(a.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("#key\tname\tacronyms\taliases\tkind\tcountry\n")
        fh.write("# Generated by data/build/build_orgs.py - do not edit by hand; edit data/build/orgs_extra.tsv.\n")
        fh.write("# Sources: supraverden international organisations (CC BY-SA 4.0, github.com/confirmordeny/supraverden);\n")
        fh.write("# phoenix-petrarch2 Phoenix.International.actors.txt (MIT, Open Event Data Alliance); hand-written rows.\n")
        fh.write("# This file is a derived database under CC BY-SA 4.0. Acronyms are case-sensitive (WHO only as WHO).\n")
        for r in rows:
            fh.write("\t".join([r["key"], r["name"], "|".join(r["acronyms"]), "|".join(r["aliases"]),
                                r["kind"], r["country"]]) + "\n")
    print(f"wrote {len(rows)} rows to {a.out} ({n_ph} values from phoenix)", file=sys.stderr)


if __name__ == "__main__":
    main()
