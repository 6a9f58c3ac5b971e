#!/usr/bin/env python3
"""Deterministic generator of a large, varied, news-like benchmark corpus.

usage: bench/gen.py SIZE_MB OUT [--seed N]

Writes about SIZE_MB megabytes (1 MB = 1,000,000 bytes; the last article is
finished, so the file is a little larger) of synthetic news articles to OUT
("-" for stdout). Every article is followed by a line holding only a form feed
("\\f"), so the stream holds many documents of roughly 3-5 KB each.

Articles are built from templates and word pools with a seeded PRNG
(random.Random(seed)); the same SIZE_MB and seed always give the same bytes.
All names, companies and quotations are invented here; no real article text
is used. Standard library only.
"""
import random
import sys

DEFAULT_SEED = 20250530
MB = 1000 * 1000

# --------------------------------------------------------------------------
# Word pools (precomputed once; all invented or generic).

FIRST = (
    "Ana Mateo Hiroshi Yuki Kenji Aiko Daniel Sarah Marta Lukas Elena Tomás "
    "Ingrid Omar Fatima Priya Rahul Mei Wei Jun Sofia Pierre Claire Jonas "
    "Amara Kofi Nadia Ivan Olga Pablo Lucía Chen Minh Linh Hana Takumi Rina "
    "Grace Victor Helena Marco Giulia Ahmed Layla Noah Emma Liam Chloé Zoë "
    "Björn Søren Łukasz Agnieszka José André François Ülkü Şebnem Dário "
    "Renée Nuño Mariana Kaito Sakura Haruto Min-jun Seo-yeon Ji-ho Arjun "
    "Ravi Ngozi Tunde Ama Kwame Astrid Henrik Maja Petra Milan Dragan Irena "
    "Yusuf Elif Can Leila Reza Dina Oren Tamar Carlos Diego Valentina Rosa "
    "Beatriz Joaquim Thiago Camila Akira Sven Greta Felix Nora Oskar Ida "
    "Teodor Vera Anton Katya Boris Lena Paulo Inês Raúl Céline Émile Noémie"
).split()

SURNAME_FIXED = (
    "Ruiz Tanaka Sato Okafor Lindqvist Moreau Novak Haddad Kowalski Ferreira "
    "Nakamura Brennan Castillo Mbeki Ivanova Petrov Rossi Bianchi Yamamoto "
    "Kimura Watanabe Suzuki Osei Mensah Dubois Laurent Schmidt Weber Fischer "
    "Jensen Nielsen Halvorsen Costa Almeida Okonkwo Adeyemi Park Choi Kang "
    "Nguyễn Trần Lê García Martínez Núñez Peña Müller Schäfer Jürgens Öztürk "
    "Çelik Åberg Sørensen Wójcik Dvořák Horváth Kovács Szabó O'Neill "
    "McAllister Van der Berg De Luca Al-Rashid Ben-Ami"
).split()

# Syllables for invented surnames and company stems.
ONSET = ("b br c ch d dr f g gr h j k kr l m n p pr r s sh st t tr v w z "
         "bl cl fl gl pl sl sk sp th").split()
NUCLEUS = "a e i o u a e i o ai ei ou ia io ue é ö ø á".split()
CODA = ("", "", "", "n", "r", "l", "s", "m", "nd", "rt", "ck", "sk", "x", "lt")
SURNAME_END = ("", "", "", "son", "sen", "ova", "ez", "ini", "moto", "yama",
               "berg", "stein", "ić", "ski", "ard", "ani", "ou", "elli", "ura")
COMPANY_END = ("", "", "ix", "ex", "on", "ia", "tek", "tron", "ium", "ara",
               "ora", "wave", "line", "point", "field", "gate", "stone", "ware")

COMPANY_SUFFIX = ("Inc.", "Corp.", "Co.", "Ltd.", "Group", "Holdings",
                  "Industries", "Motors", "Steel", "Electric", "Logistics",
                  "Partners", "AG", "S.A.", "GmbH", "plc", "Co., Ltd.",
                  "Technologies", "Foods", "Pharmaceuticals", "Capital")

# Multi-word countries are listed with underscores in the split form below.
COUNTRIES = [c.replace("_", " ") for c in (
    "Japan China South_Korea Vietnam India Indonesia Thailand Malaysia "
    "Australia Canada Mexico Brazil Argentina Chile Germany France Italy "
    "Spain Portugal Poland Sweden Norway Denmark Finland Turkey Egypt "
    "Nigeria Kenya Ghana South_Africa Morocco Saudi_Arabia Israel "
    "Pakistan Bangladesh Taiwan Singapore New_Zealand Peru "
    "Colombia Ukraine the_Philippines Switzerland Austria Belgium the_Netherlands Ireland "
    "Greece Hungary the_United_States the_United_Kingdom the_U.S. Britain"
).split()]

DEMONYM = (
    "Japanese Chinese South_Korean Vietnamese Indian Indonesian Thai "
    "Australian Canadian Mexican Brazilian German French Italian Spanish "
    "Polish Swedish Turkish Egyptian Nigerian Kenyan American British "
    "European Filipino Taiwanese Swiss Dutch Irish Greek"
).replace("_", " ").split()

CITIES = [c.replace("_", " ") for c in (
    "Tokyo Osaka Nagoya Beijing Shanghai Seoul Busan Hanoi Mumbai Delhi "
    "Jakarta Bangkok Sydney Toronto Ottawa Mexico_City Monterrey São_Paulo "
    "Buenos_Aires Santiago Berlin Frankfurt Paris Lyon Rome Milan Madrid "
    "Lisbon Warsaw Stockholm Oslo Copenhagen Helsinki Istanbul Ankara Cairo "
    "Lagos Nairobi Accra Johannesburg Riyadh Geneva Zürich Vienna Brussels "
    "Amsterdam Dublin Athens Budapest Washington New_York Chicago Detroit "
    "Houston Los_Angeles London Manchester Singapore Taipei Manila Kraków "
    "Malmö Düsseldorf Querétaro Brasília Bogotá Reykjavík Port_Adley "
    "Velmora Castor_Bay Lindenhall"
).split()]

# A few CJK city forms and terms, used now and then in parentheses.
CJK = ("東京", "大阪", "北京", "上海", "서울", "関税", "経済産業省", "貿易",
       "自動車", "半導体", "鉄鋼", "為替", "首相", "交渉", "합의", "通商")
CJK_CITY = {"Tokyo": "東京", "Osaka": "大阪", "Beijing": "北京",
            "Shanghai": "上海", "Seoul": "서울", "Nagoya": "名古屋"}

MINISTRY_OF = ("Trade", "Finance", "Economy", "Foreign Affairs",
               "Agriculture", "Industry", "Commerce", "Economy, Trade and Industry",
               "Land, Infrastructure and Transport", "Energy", "Labour",
               "Digital Affairs", "Fisheries", "Health")
AGENCIES = ("the World Trade Organization", "the WTO", "the European Commission",
            "the International Monetary Fund", "the IMF", "the OECD",
            "the Commerce Department", "the Treasury Department",
            "the Office of the Trade Representative", "the central bank",
            "the Federal Reserve", "the Bank of Japan", "the European Central Bank",
            "the Customs Bureau", "the Bureau of Tariff Statistics",
            "the National Statistics Office", "the Council on Fair Commerce",
            "the Pacific Shipping Council", "the Institute for Trade Studies",
            "the Port Authority", "the Federation of Exporters")
AGENCY_NAMES = ("Kyodo", "Reuters", "AP", "AFP", "Jiji", "Yonhap", "Bloomberg",
                "Meridian Wire", "Northgate News", "Harbor Press")

TITLES = ("Trade Minister", "Commerce Secretary", "Finance Minister",
          "Prime Minister", "President", "Chief Cabinet Secretary",
          "Economy Minister", "Foreign Minister", "Treasury Secretary",
          "Deputy Trade Representative", "Trade Representative",
          "Central Bank Governor", "Senator", "Governor", "Ambassador",
          "Agriculture Minister", "Industry Minister", "Vice Minister",
          "Deputy Prime Minister", "Economic Revitalization Minister",
          "Labour Secretary", "Mayor", "Chancellor", "Chief Negotiator",
          "Rep.", "Sen.", "Dr.", "Mr.", "Ms.", "Mrs.")
LOWER_ROLES = ("chief executive", "chief economist", "spokesperson",
               "senior analyst", "trade lawyer", "union leader",
               "professor of economics", "portfolio manager",
               "director of research", "policy adviser", "steelworker",
               "farmer", "shop owner", "logistics manager", "strategist")

GOODS = ("steel", "aluminum", "aluminium", "autos", "auto parts", "cars",
         "semiconductors", "chips", "rice", "soybeans", "lumber", "copper",
         "pharmaceuticals", "solar panels", "beef", "pork", "textiles",
         "smartphones", "machine tools", "electric vehicles", "wine",
         "whisky", "seafood", "fertilizer", "rare earths", "furniture",
         "batteries", "wheat", "corn", "dairy products", "toys", "shoes")
LEVY = ("tariff", "tariff", "tariff", "levy", "duty", "surcharge", "import tax")
LEVY_PLURAL = {"tariff": "tariffs", "levy": "levies", "duty": "duties",
               "surcharge": "surcharges", "import tax": "import taxes"}

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
MONTH_ABBR = ("Jan.", "Feb.", "March", "April", "May", "June", "July",
              "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")

CURRENCY_AFTER = ("yen", "yuan", "won", "rupees", "pesos", "euros", "pounds",
                  "dollars", "Swiss francs", "kronor", "reais", "rand")
SCALE = ("million", "billion", "billion", "trillion")

# Filler grammar pieces.
SUBJ_GENERIC = ("Officials", "Analysts", "Economists", "Investors", "Exporters",
                "Farmers", "Manufacturers", "Retailers", "Lawmakers",
                "Negotiators", "Traders", "Consumers", "Shipping firms",
                "Business groups", "Union leaders", "Diplomats", "Markets",
                "Opposition parties", "Industry associations", "Carmakers")
VERB_GENERIC = ("expect", "fear", "warned of", "are bracing for",
                "have called for", "welcomed", "criticised", "questioned",
                "downplayed", "are watching", "pushed back against",
                "have lobbied for", "remain sceptical of", "cautiously backed",
                "are still digesting", "signalled support for")
OBJ_GENERIC = ("a prolonged trade dispute", "higher prices for consumers",
               "a weaker currency", "the new round of talks",
               "retaliatory measures", "a temporary truce",
               "the draft agreement", "slower growth next year",
               "supply chain disruptions", "a review of the existing quotas",
               "stricter rules of origin", "relief for small exporters",
               "further interest rate cuts", "a revised budget",
               "an extension of the deadline", "closer cooperation on energy",
               "the proposed investment package", "fresh subsidies",
               "a freeze on new duties", "a joint working group")
ADVERBIAL = ("in the coming weeks", "before the end of the year",
             "as early as next month", "despite the uncertainty",
             "for the first time in a decade", "amid growing pressure at home",
             "after weeks of talks", "in a closed-door meeting",
             "according to people familiar with the matter",
             "without giving details", "at a news conference",
             "in an interview", "on the sidelines of the summit",
             "in a statement posted online", "late on", "earlier this week")
CONNECT = ("Meanwhile", "However", "Still", "Separately", "In addition",
           "At the same time", "By contrast", "Even so", "For now",
           "Last year", "Earlier", "Later", "Privately", "Publicly",
           "In recent months", "Nevertheless")
QUOTE_OPEN = ("We will not", "This is not", "Our position has not",
              "We are ready to", "Nobody wants to", "It is too early to",
              "We have made clear that we cannot", "There is still room to",
              "The door remains open to", "We intend to", "I do not think we should",
              "Frankly, we have no choice but to", "Our workers deserve to",
              "The market has already begun to", "It would be a mistake to")
QUOTE_REST = ("accept a deal that hurts our farmers",
              "negotiate under threat",
              "see a trade war between close allies",
              "rush into an agreement",
              "protect jobs in the steel industry",
              "find a solution that works for both sides",
              "change simply because of pressure",
              "price in the risk of higher duties",
              "walk away from the table",
              "reduce our dependence on a single supplier",
              "keep the supply chains open",
              "give up on the auto sector",
              "decide before the summit",
              "see more investment, not less",
              "let this drag on for another year")
SAY = ("said", "said", "said", "told reporters", "said on Monday", "added",
       "wrote on social media", "told lawmakers", "said in a statement",
       "told a briefing", "insisted", "noted", "argued")
HEAD_VERB = ("Weighs", "Rejects", "Backs", "Eyes", "Slams", "Considers",
             "Delays", "Extends", "Signs", "Pauses", "Targets", "Warns on",
             "Hails", "Seeks", "Plans", "Drops")
HEAD_NOUN = ("Tariff Deal", "Steel Duties", "Trade Pact", "Auto Levies",
             "Investment Plan", "Currency Talks", "Chip Curbs",
             "Rice Imports", "Export Controls", "Budget Shortfall",
             "Rate Cut", "Port Strike", "Energy Accord", "Supply Deal")
COMMENT_OPEN = ("Honestly,", "So", "Typical.", "Good.", "Interesting that",
                "I wonder if", "Nobody is surprised that", "Funny how",
                "Can someone explain why", "Well,", "Sad to see that",
                "About time", "Not sure", "Remember when")
COMMENT_BODY = ("the prices at my supermarket keep going up",
                "nobody asked the farmers what they think",
                "this deal will be forgotten in six months",
                "the government keeps promising and never delivers",
                "the yen is weak again",
                "they always blame someone else",
                "exporters will find a way around it",
                "the real winners are the lawyers",
                "my company already moved production",
                "the article does not mention the costs",
                "we have seen this movie before",
                "the tariffs hurt their own consumers the most")
USER_PARTS = ("sunny", "kappa", "tokyo", "rice", "bento", "ferry", "maple",
              "otter", "zen", "neko", "ramen", "harbor", "cedar", "comet",
              "pixel", "tanuki", "fuji", "delta", "nomad", "quill")
URL_HOSTS = ("www.example-news.com", "news.example.org", "example.net",
             "www.tradewatch.example", "data.example.gov",
             "blog.example-markets.com")
SLUG_WORDS = ("trade", "talks", "tariff", "steel", "deal", "minister",
              "auto", "rice", "yen", "summit", "exports", "chips", "review",
              "budget", "energy", "imports", "report", "update")


def _name(rng, parts):
    onset, nucleus, coda, end = parts
    n = rng.choice((1, 2, 2, 2, 3))
    s = "".join(rng.choice(onset) + rng.choice(nucleus) + rng.choice(coda)
                for _ in range(n)) + rng.choice(end)
    return s[:1].upper() + s[1:]


def build_pools(rng):
    """Precomputes the big pools (surnames, companies, people)."""
    surnames = set(SURNAME_FIXED)
    while len(surnames) < 2500:
        s = _name(rng, (ONSET, NUCLEUS, CODA, SURNAME_END))
        if 4 <= len(s) <= 14:
            surnames.add(s)
    surnames = sorted(surnames)
    stems = set()
    while len(stems) < 900:
        s = _name(rng, (ONSET, NUCLEUS, CODA, COMPANY_END))
        if 4 <= len(s) <= 12:
            stems.add(s)
    stems = sorted(stems)
    companies = []
    for stem in stems:
        form = rng.random()
        if form < 0.15:
            stem = stem + " " + rng.choice(("Global", "Pacific", "North",
                                            "United", "Atlantic", "Eastern",
                                            "Heavy", "Precision"))
        elif form < 0.22:
            stem = stem.upper()[:4]
        companies.append(stem + " " + rng.choice(COMPANY_SUFFIX))
    ministries = ["Ministry of " + m for m in MINISTRY_OF]
    for c in COUNTRIES[:30]:
        ministries.append(c.replace("the ", "") + "'s " + rng.choice(ministries[:14]))
    return surnames, companies, ministries


class Gen:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.surnames, self.companies, self.ministries = build_pools(self.rng)
        r = self.rng
        self.ch = r.choice
        self.rand = r.random
        self.ri = r.randint
        self.sentence_makers = (
            (self.s_person_said, 10), (self.s_tariff, 10), (self.s_money, 8),
            (self.s_quote, 9), (self.s_filler, 14), (self.s_company, 7),
            (self.s_percent, 6), (self.s_meeting, 6), (self.s_date, 4),
            (self.s_compound, 6), (self.s_question, 2), (self.s_list, 3),
            (self.s_nonascii, 3), (self.s_url, 1),
        )
        table = []
        for fn, w in self.sentence_makers:
            table.extend([fn] * w)
        self.table = tuple(table)
        # Sentences that end in a plain "." and can take a second clause.
        self.compound_parts = (self.s_person_said, self.s_tariff, self.s_money,
                               self.s_filler, self.s_company, self.s_meeting,
                               self.s_percent)

    # -- small pieces ------------------------------------------------------
    def person(self):
        """A full name; sometimes with a middle initial or a hyphen."""
        ch = self.ch
        x = self.rand()
        if x < 0.08:
            return f"{ch(FIRST)} {ch('ABCDEFGHJKLMNPRSTW')}. {ch(self.surnames)}"
        if x < 0.12:
            return f"{ch(FIRST)} {ch(self.surnames)}-{ch(self.surnames)}"
        return f"{ch(FIRST)} {ch(self.surnames)}"

    def titled(self):
        """(full mention, short mention): "Trade Minister Ana Ruiz", "Ruiz"."""
        name = self.person()
        last = name.rsplit(" ", 1)[-1]
        x = self.rand()
        if x < 0.55:
            t = self.ch(TITLES)
            if self.rand() < 0.25 and t.endswith(("Minister", "Secretary")):
                c = self.ch(DEMONYM)
                return f"{c} {t} {name}", last
            return f"{t} {name}", last
        if x < 0.80:
            return f"{name}, {self.ch(LOWER_ROLES)} at {self.ch(self.companies)},", last
        if x < 0.92:
            return f"{name}, {self.ch(('envoy', 'minister', 'chief negotiator', 'ambassador'))} for {self.country()},", last
        return name, last

    def country(self):
        return self.ch(COUNTRIES)

    def org(self):
        x = self.rand()
        if x < 0.5:
            return self.ch(self.companies)
        if x < 0.75:
            m = self.ch(self.ministries)
            return m if "'s " in m else "the " + m
        return self.ch(AGENCIES)

    def money(self):
        r, ch, ri = self.rand(), self.ch, self.ri
        amount = (str(ri(1, 999)) if self.rand() < 0.5
                  else f"{ri(1, 99)}.{ri(1, 9)}")
        if r < 0.35:
            return f"${amount} {ch(SCALE)}"
        if r < 0.55:
            return f"{amount} {ch(SCALE)} {ch(CURRENCY_AFTER)}"
        if r < 0.65:
            return f"€{amount}bn"
        if r < 0.72:
            return f"£{amount}m"
        if r < 0.78:
            return f"¥{ri(1, 999)},{ri(0, 999):03d} {ch(('million', 'billion'))}"
        if r < 0.85:
            return f"US${amount} {ch(SCALE)}"
        if r < 0.92:
            return f"${ri(1, 999)},{ri(0, 999):03d},{ri(0, 999):03d}"
        return f"{amount} {ch(SCALE)} {ch(('dollars', 'euros', 'yen'))}"

    def pct(self):
        r, ri = self.rand(), self.ri
        n = str(ri(1, 60)) if r < 0.7 else f"{ri(0, 40)}.{ri(1, 9)}"
        x = self.rand()
        if x < 0.6:
            return n + "%"
        if x < 0.85:
            return n + " percent"
        return n + " per cent"

    def date(self):
        r, ch, ri = self.rand(), self.ch, self.ri
        if r < 0.3:
            return "on " + ch(WEEKDAYS)
        if r < 0.5:
            return f"on {ch(MONTHS)} {ri(1, 28)}"
        if r < 0.62:
            return f"on {ch(MONTH_ABBR)} {ri(1, 28)}, {ri(2019, 2026)}"
        if r < 0.72:
            return f"on {ri(2019, 2026)}-{ri(1, 12):02d}-{ri(1, 28):02d}"
        if r < 0.8:
            return f"on {ri(1, 28)} {ch(MONTHS)} {ri(2019, 2026)}"
        if r < 0.9:
            return "last " + ch(WEEKDAYS)
        return "in " + ch(MONTHS)

    def tariff_phrase(self):
        r, ch = self.rand(), self.ch
        if r < 0.4:
            p = self.pct()
            art = "an" if p[0] in "8" or p.startswith(("11", "18")) else "a"
            return f"{art} {p} {ch(LEVY)} on {ch(GOODS)}"
        if r < 0.7:
            return f"{LEVY_PLURAL[ch(LEVY)]} of {self.pct()} on {ch(GOODS)} from {self.country()}"
        if r < 0.85:
            return f"{LEVY_PLURAL[ch(LEVY)]} on {ch(GOODS)} and {ch(GOODS)}"
        return f"the {self.pct()} {ch(('reciprocal', 'additional', 'baseline', 'retaliatory'))} {ch(LEVY)}"

    def quote_text(self):
        t = f"{self.ch(QUOTE_OPEN)} {self.ch(QUOTE_REST)}"
        if self.rand() < 0.3:
            t += f" {self.ch(ADVERBIAL)}"
        return t

    def lead(self):
        """Optional sentence opener."""
        r = self.rand()
        if r < 0.18:
            return self.ch(CONNECT) + ", "
        if r < 0.26:
            return self.cap(self.date()) + ", "
        if r < 0.31:
            return f"According to {self.org()}, "
        return ""

    def tail(self):
        r = self.rand()
        if r < 0.12:
            return f", {self.ch(ADVERBIAL)}"
        if r < 0.18:
            return f" — {self.ch(('a move that surprised many', 'the first such step in years', 'though details remain unclear', 'a sharp reversal'))}"
        if r < 0.22:
            return f" ({self.ch(('see chart', 'file photo', 'details below', 'updated'))})"
        return ""

    @staticmethod
    def cap(s):
        return s[:1].upper() + s[1:]

    # -- sentence makers ---------------------------------------------------
    def s_person_said(self):
        full, _ = self.titled()
        return self.cap(f"{self.lead()}{full} {self.ch(SAY)} {self.date() if self.rand() < 0.4 else ''}".rstrip() +
                        f" that {self.country()} {self.ch(('would', 'could', 'will not', 'may', 'should'))} "
                        f"{self.ch(('consider', 'seek', 'accept', 'reject', 'review', 'delay'))} "
                        f"{self.ch(OBJ_GENERIC)}{self.tail()}.")

    def s_tariff(self):
        ch, r = self.ch, self.rand()
        if r < 0.35:
            return self.cap(f"{self.lead()}{self.country()} {ch(('imposed', 'announced', 'threatened', 'postponed', 'lifted', 'doubled'))} "
                            f"{self.tariff_phrase()} {self.date()}{self.tail()}.")
        if r < 0.6:
            full, _ = self.titled()
            return self.cap(f"{full} {ch(('warned that', 'said', 'argued that', 'denied that'))} "
                            f"{self.tariff_phrase()} would {ch(('cost', 'save', 'put at risk'))} "
                            f"{self.ri(2, 90)},000 jobs{self.tail()}.")
        if r < 0.8:
            return (f"Under the {ch(('proposal', 'agreement', 'framework', 'plan'))}, "
                    f"{self.tariff_phrase()} would {ch(('fall to', 'rise to', 'stay at'))} {self.pct()}"
                    f" {ch(('from', 'starting', 'by'))} {ch(MONTHS)} {self.ri(2025, 2028)}.")
        return (f"Exports of {ch(GOODS)} to {self.country()} "
                f"{ch(('fell', 'rose', 'slumped', 'jumped', 'edged up'))} {self.pct()} "
                f"after {self.tariff_phrase()} took effect{self.tail()}.")

    def s_money(self):
        ch, r = self.ch, self.rand()
        if r < 0.3:
            return self.cap(f"{self.lead()}{self.org()} {ch(('pledged', 'will invest', 'set aside', 'lost', 'reported profit of', 'raised'))} "
                            f"{self.money()} {ch(('in the United States', 'over five years', 'last quarter', 'this fiscal year', 'in new factories', ''))}".rstrip()
                            + f"{self.tail()}.")
        if r < 0.55:
            return (f"The {ch(('package', 'deal', 'fund', 'investment', 'bailout', 'subsidy programme'))} is worth "
                    f"{self.money()}, {ch(('up from', 'down from', 'compared with', 'roughly double'))} {self.money()} {ch(('a year earlier', 'in 2024', 'before the talks'))}.")
        if r < 0.8:
            return self.cap(f"{self.country()}'s trade surplus with {self.country()} "
                    f"{ch(('reached', 'narrowed to', 'widened to', 'stood at'))} {self.money()} {self.date()}, "
                    f"{ch(('data showed', 'the ministry said', 'customs figures showed', 'officials said'))}.")
        return (f"Analysts at {ch(self.companies)} estimate the measures could cost "
                f"{ch(('the economy', 'exporters', 'households', 'the auto sector'))} {self.money()} a year.")

    def s_quote(self):
        full, last = self.titled()
        r = self.rand()
        q = self.quote_text()
        if r < 0.35:
            return f"“{q},” {full} {self.ch(SAY)}."
        if r < 0.55:
            return f"“{q},” {last} {self.ch(SAY)}. “{self.quote_text()}.”"
        if r < 0.7:
            return f"{full.rstrip(',')} said: \"{q}.\""
        if r < 0.8:
            return f"‘{q},’ {self.ch(('one official', 'a diplomat', 'a senior executive', 'an aide'))} said, asking not to be named."
        if r < 0.9:
            return f"{last} {self.ch(('added that', 'stressed that', 'insisted that'))} “{q[0].lower() + q[1:]}”."
        return f"“{q}…” {last} said — then paused."

    def s_filler(self):
        ch, r = self.ch, self.rand()
        if r < 0.5:
            lead = self.lead()
            subj = ch(SUBJ_GENERIC)
            return self.cap(f"{lead}{subj.lower() if lead else subj} "
                            f"{ch(VERB_GENERIC)} {ch(OBJ_GENERIC)}{self.tail()}.")
        if r < 0.7:
            return (f"{ch(CONNECT)}, {ch(SUBJ_GENERIC).lower()} in {ch(CITIES)} "
                    f"{ch(VERB_GENERIC)} {ch(OBJ_GENERIC)}, while {ch(SUBJ_GENERIC).lower()} "
                    f"{ch(VERB_GENERIC)} {ch(OBJ_GENERIC)}.")
        if r < 0.85:
            aux, verbs = ch(((("have", "had"), ("weighed on", "lifted", "complicated", "reshaped")),
                             (("could", "would", "may"), ("weigh on", "lift", "complicate", "reshape"))))
            return (f"The {ch(('talks', 'dispute', 'negotiations', 'measures', 'plans'))} "
                    f"{ch(aux)} {ch(verbs)} "
                    f"{ch(('sentiment', 'the outlook', 'relations', 'shipments', 'earnings forecasts'))} "
                    f"{ch(ADVERBIAL)}.")
        return f"{ch(('It was not clear', 'It remains unclear', 'No one knows yet'))} whether {ch(SUBJ_GENERIC).lower()} would {ch(('agree', 'respond', 'follow suit', 'back down'))}."

    def s_company(self):
        ch, c = self.ch, self.ch(self.companies)
        r = self.rand()
        if r < 0.4:
            return (f"Shares of {c} {ch(('fell', 'rose', 'dropped', 'climbed', 'were flat'))} "
                    f"{self.pct()} in {ch(CITIES)}{self.tail()}.")
        if r < 0.7:
            return (f"{c}, {ch(('which', 'the company that'))} {ch(('makes', 'ships', 'sells', 'imports'))} "
                    f"{ch(GOODS)} {ch(('in', 'to', 'from'))} {self.country()}, "
                    f"{ch(('said it would', 'declined to', 'plans to'))} "
                    f"{ch(('cut output', 'comment', 'raise prices', 'move production', 'hire more staff'))}.")
        return (f"{c} and {ch(self.companies)} {ch(('agreed to', 'are in talks to', 'called off plans to'))} "
                f"{ch(('merge', 'form a joint venture', 'build a plant in ' + ch(CITIES), 'share technology'))}.")

    def s_percent(self):
        ch = self.ch
        if self.rand() < 0.5:
            return (f"{ch(('Inflation', 'Unemployment', 'Growth', 'Exports', 'Imports', 'Output'))} "
                    f"{ch(('slowed to', 'rose to', 'fell to', 'stayed at'))} {self.pct()} "
                    f"in {ch(MONTHS)}, {ch(('the lowest', 'the highest', 'the first change'))} "
                    f"{ch(('since 2019', 'in two years', 'on record', 'this decade'))}.")
        return (f"About {self.pct()} of {ch(('respondents', 'companies surveyed', 'voters', 'exporters'))} "
                f"said they {ch(VERB_GENERIC).replace('have ', '').replace('are ', '')} {ch(OBJ_GENERIC)}, "
                f"a survey by {self.org()} showed.")

    def s_meeting(self):
        a, _ = self.titled()
        b, _ = self.titled()
        return self.cap(f"{a.rstrip(',')} {self.ch(('met', 'will meet', 'spoke by phone with', 'is expected to meet'))} "
                        f"{b.rstrip(',')} in {self.ch(CITIES)} {self.date()} "
                        f"{self.ch(('to discuss', 'ahead of talks on', 'for a fourth round of talks on'))} "
                        f"{self.ch(OBJ_GENERIC)}.")

    def s_date(self):
        ch = self.ch
        d = f"{self.ri(2024, 2026)}-{self.ri(1, 12):02d}-{self.ri(1, 28):02d}"
        return (f"The {ch(('deadline', 'agreement', 'rule', 'quota'))} {ch(('expires', 'takes effect', 'was signed'))} "
                f"on {d}, {ch(('a', 'one'))} {ch(WEEKDAYS)}, and {ch(('runs until', 'will be reviewed in', 'ends in'))} "
                f"{ch(MONTHS)} {self.ri(2026, 2030)}.")

    def s_compound(self):
        a = self.ch(self.compound_parts)()
        b = self.s_filler()
        return a[:-1] + self.ch(("; ", ", but ", ", and ")) + b[0].lower() + b[1:]

    def s_question(self):
        ch = self.ch
        return (f"{ch(('Will', 'Can', 'Should'))} {self.country()} {ch(('hold out', 'afford', 'agree', 'retaliate'))}"
                f"{ch(('', ' for long', ' in time', ' again'))}?")

    def s_list(self):
        goods = [self.ch(GOODS) for _ in range(self.ri(3, 6))]
        return (f"The list covers {', '.join(goods[:-1])} and {goods[-1]}, "
                f"with {self.tariff_phrase()} as the {self.ch(('largest', 'most contested', 'newest'))} item.")

    def s_nonascii(self):
        ch, r = self.ch, self.rand()
        if r < 0.4:
            return (f"The talks in {ch(('Tokyo', 'Osaka', 'Beijing', 'Shanghai', 'Seoul'))} — "
                    f"known locally as “{ch(CJK)}{ch(CJK)}” — touched on {ch(GOODS)} and {ch(GOODS)}.")
        if r < 0.7:
            return (f"{ch(('José', 'Zoë', 'Łukasz', 'Søren', 'Chloé', 'Ülkü', 'Noémie'))} "
                    f"{ch(('Müller', 'Núñez', 'Åberg', 'Dvořák', 'Öztürk', 'Nguyễn', 'Peña'))} "
                    f"of {ch(self.companies)} said the café chain’s suppliers had “no margin left”…")
        return (f"Prices rose {self.pct()} — from ¥{self.ri(100, 999)} to ¥{self.ri(1000, 1999)} — "
                f"and the €/$ rate hit {self.ri(1, 1)}.{self.ri(0, 30):02d}.")

    def s_url(self):
        slug = "-".join(self.ch(SLUG_WORDS) for _ in range(self.ri(2, 5)))
        return (f"The full report is available at https://{self.ch(URL_HOSTS)}/"
                f"{self.ri(2020, 2026)}/{self.ri(1, 12):02d}/{slug}.html.")

    def sentence(self):
        return self.ch(self.table)()

    # -- article -----------------------------------------------------------
    def headline(self):
        r = self.rand()
        if r < 0.5:
            who = self.country().replace("the ", "").title().replace("U.S.", "U.S.")
            return f"{who} {self.ch(HEAD_VERB)} {self.ch(HEAD_NOUN)}"
        if r < 0.8:
            return (f"{self.ch(self.companies)} {self.ch(HEAD_VERB).lower()} "
                    f"{self.ch(HEAD_NOUN).lower()} as {self.ch(SUBJ_GENERIC).lower()} "
                    f"{self.ch(VERB_GENERIC)} {self.ch(OBJ_GENERIC)}")
        return f"{self.cap(self.tariff_phrase())}: what it means for {self.country()}"

    def comments(self):
        out = []
        for _ in range(self.ri(0, 6)):
            user = self.ch(USER_PARTS) + self.ch(("", "_", "-")) + \
                (self.ch(USER_PARTS) if self.rand() < 0.5 else str(self.ri(1, 999)))
            body = " ".join(
                f"{self.ch(COMMENT_OPEN)} {self.ch(COMMENT_BODY)}{self.ch(('.', '.', '!', '?', '...'))}"
                for _ in range(self.ri(1, 3)))
            if self.rand() < 0.3:
                body += " " + self.sentence()
            up, down = self.ri(0, 30), self.ri(0, 30)
            if self.rand() < 0.3:
                up = 0
            out.append(f"{user}\n{body}\n{up - down} ( +{up} / -{down} )")
        if not out:
            return ""
        return "\n\n" + self.ch(("Comments", "Reader comments", "Login to comment")) + "\n\n" + "\n\n".join(out)

    def article(self):
        ch, ri = self.ch, self.ri
        lines = [self.headline()]
        by = self.person()
        if self.rand() < 0.3:
            by += " and " + self.person()
        lines.append(f"By {by}")
        y, m, d = ri(2023, 2026), ri(1, 12), ri(1, 28)
        r = self.rand()
        if r < 0.4:
            lines.append(f"{ch(WEEKDAYS)}, {MONTHS[m - 1]} {d}, {y}")
        elif r < 0.7:
            lines.append(f"{y}-{m:02d}-{d:02d} {ri(0, 23):02d}:{ri(0, 59):02d} {ch(('JST', 'UTC', 'CET', 'EST'))}")
        else:
            lines.append(f"{ch(('Updated', 'Published', 'Posted'))}: {d} {MONTHS[m - 1]} {y}")
        paras = []
        city = ch(CITIES)
        cjk = f" ({CJK_CITY[city]})" if city in CJK_CITY and self.rand() < 0.5 else ""
        first = f"{city.upper()}{cjk}, {MONTH_ABBR[m - 1]} {d} ({ch(AGENCY_NAMES)}) — " + \
            " ".join(self.sentence() for _ in range(ri(2, 3)))
        paras.append(first)
        target = ri(2600, 4200)
        size = len(first)
        while size < target:
            k = ri(1, 5)
            p = " ".join(self.sentence() for _ in range(k))
            if self.rand() < 0.04:
                p = f"Read more: https://{ch(URL_HOSTS)}/{y}/{m:02d}/" + \
                    "-".join(ch(SLUG_WORDS) for _ in range(ri(2, 4)))
            paras.append(p)
            size += len(p) + 2
        return "\n".join(lines) + "\n\n" + "\n\n".join(paras) + self.comments() + "\n"


def main(argv):
    args = [a for a in argv[1:]]
    seed = DEFAULT_SEED
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2:
        sys.stderr.write("usage: bench/gen.py SIZE_MB OUT [--seed N]\n")
        return 2
    try:
        target = int(float(args[0]) * MB)
    except ValueError:
        sys.stderr.write(f"gen.py: SIZE_MB must be a number, not {args[0]!r}\n")
        return 2
    gen = Gen(seed)
    out = sys.stdout.buffer if args[1] == "-" else open(args[1], "wb")
    written = 0
    chunk, chunk_len = [], 0
    article = gen.article
    while written + chunk_len < target:
        a = (article() + "\f\n").encode("utf-8")
        chunk.append(a)
        chunk_len += len(a)
        if chunk_len >= 8 * MB:
            out.write(b"".join(chunk))
            written += chunk_len
            chunk, chunk_len = [], 0
    out.write(b"".join(chunk))
    written += chunk_len
    if out is not sys.stdout.buffer:
        out.close()
    else:
        out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
