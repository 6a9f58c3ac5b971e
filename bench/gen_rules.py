#!/usr/bin/env python3
"""Writes N synthetic but realistic pattern rules for the rule-scaling benchmark.

usage: bench/gen_rules.py N OUT [--seed N]

The rules use the project's rule-file format (blank-line separated blocks,
"#" comment lines):

    rule NAME
      type     TYPE
      pattern  PCRE2-PATTERN
      priority N

Types are BENCHA..BENCHF so they never collide with the real entity types.
The mix imitates hand-written rules: literal-prefixed phrases, capitalised
sequences ending in a company suffix, number/money/percent patterns, word
alternations of 5-20 words, titles followed by names, and short fixed
phrases. About half the words come from the vocabulary bench/gen.py uses, so
the rules really match in the benchmark corpus; the rest are invented, so
they cost matching time without matching. Same N and seed, same bytes.
Standard library only.
"""
import random
import sys

DEFAULT_SEED = 7

# Vocabulary that also occurs in the generated corpus (so rules do fire).
CORPUS_WORDS = (
    "steel aluminum autos cars semiconductors chips rice soybeans lumber "
    "copper pharmaceuticals beef pork textiles smartphones wine whisky "
    "seafood fertilizer batteries wheat corn toys shoes furniture tariff "
    "tariffs levy duty surcharge exports imports surplus deficit talks deal "
    "agreement quota deadline subsidies investment package truce dispute "
    "negotiators officials analysts economists investors exporters farmers "
    "manufacturers retailers lawmakers traders consumers diplomats markets "
    "inflation unemployment growth output shares profit budget currency"
).split()
CAP_WORDS = (
    "Trade Finance Economy Foreign Commerce Treasury Industry Agriculture "
    "Energy Health Digital Labour Defense Interior Justice Transport"
).split()
DEMONYMS = (
    "Japanese Chinese Korean Vietnamese Indian German French Italian Spanish "
    "Polish Swedish Turkish Egyptian Nigerian Kenyan American British "
    "European Canadian Mexican Brazilian Australian Swiss Dutch Irish Greek"
).split()
ROLE_WORDS = ("Minister", "Secretary", "Governor", "Ambassador", "Senator",
              "President", "Chancellor", "Representative", "Negotiator",
              "Mayor", "Commissioner", "Director", "Chairman", "Envoy")
ROLE_MODIFIERS = ("Deputy", "Vice", "Chief", "Acting", "Former", "Senior",
                  "Prime", "Assistant", "Junior", "State")
LITERAL_PREFIXES = (
    "minister of", "secretary of", "ministry of", "governor of", "ambassador to",
    "envoy for", "president of", "chairman of", "shares of", "exports of",
    "imports of", "the port of", "bank of", "university of", "council on",
    "bureau of", "office of", "department of", "institute for", "federation of",
    "mayor of", "embassy in", "talks in", "summit in", "consulate in",
    "chamber of", "commission on", "board of", "association of", "museum of")
COMPANY_SUFFIXES = ("Corp", "Inc", "Group", "Holdings", "Ltd", "Co", "AG",
                    "GmbH", "plc", "Industries", "Motors", "Steel", "Electric",
                    "Logistics", "Partners", "Technologies", "Foods",
                    "Pharmaceuticals", "Capital", "Bank", "Airlines",
                    "Systems", "Energy", "Trading", "Shipping", "Media")
SCALES = ("thousand", "million", "billion", "trillion", "mn", "bn")
CURRENCIES = ("yen", "yuan", "won", "rupees", "pesos", "euros", "pounds",
              "dollars", "francs", "kronor", "reais", "rand", "dinars", "baht")
MONTHS = ("January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday")
PHRASE_HEADS = ("trade", "budget", "current account", "fiscal", "price",
                "wage", "interest rate", "export", "import", "tariff")
PHRASE_TAILS = ("deficit", "surplus", "gap", "cut", "hike", "freeze", "cap",
                "ceiling", "floor", "target", "review", "truce", "war")

SYL_ON = "b br d dr f g gr k kr l m n p pl r s st t tr v z sh ch th".split()
SYL_NU = "a e i o u ai ei ou ia".split()
SYL_CO = ("", "", "n", "r", "l", "s", "x", "nt", "rk", "sk")


class RuleGen:
    def __init__(self, seed):
        self.rng = random.Random(seed)

    def word(self):
        """An invented lowercase word of 2-3 syllables."""
        r = self.rng
        return "".join(r.choice(SYL_ON) + r.choice(SYL_NU) + r.choice(SYL_CO)
                       for _ in range(r.randint(2, 3)))

    def words(self, lo, hi, real_share):
        r = self.rng
        out = []
        for _ in range(r.randint(lo, hi)):
            w = r.choice(CORPUS_WORDS) if r.random() < real_share else self.word()
            if w not in out:
                out.append(w)
        return out

    # Each maker returns (type, pattern).
    def literal_prefix(self):
        r = self.rng
        prefix = r.choice(LITERAL_PREFIXES)
        if r.random() < 0.3:
            prefix = prefix.replace(" ", " " + self.word() + " ", 1)
        tail = r.choice((r"\p{Lu}\w+", r"\p{Lu}\w+(?: \p{Lu}\w+)?",
                         r"(?:the )?\p{Lu}\p{Ll}+", r"\p{Lu}[\w'-]+"))
        if r.random() < 0.5:
            return "BENCHA", f"(?i:{prefix} {tail})"
        return "BENCHA", f"(?i:{prefix}) {tail}"

    def company(self):
        r = self.rng
        sufs = r.sample(COMPANY_SUFFIXES, r.randint(2, 6))
        if r.random() < 0.3:
            sufs.append(self.word().capitalize())
        head = r.choice((r"\p{Lu}\p{Ll}+", r"(?:\p{Lu}\p{Ll}+ ){0,2}\p{Lu}\p{Ll}+",
                         r"\p{Lu}[\p{L}&-]+", r"\p{Lu}{2,5}"))
        return "BENCHB", f"{head} (?:{'|'.join(sufs)})\\b\\.?"

    def number(self):
        r = self.rng
        num = r.choice((r"\d+(?:\.\d+)?", r"\d{1,3}(?:,\d{3})*(?:\.\d+)?",
                        r"\d+"))
        kind = r.randint(0, 6)
        if kind == 0:
            return "BENCHC", f"{num} (?:{'|'.join(r.sample(SCALES, 2 + r.randint(0, 3)))}) \\w+"
        if kind == 1:
            levies = r.sample(("tariff", "levy", "duty", "surcharge", "tax",
                               "quota", "rebate", "fee", self.word()), r.randint(2, 5))
            return "BENCHC", f"{num}(?:%| percent| per cent) (?:{'|'.join(levies)})s?"
        if kind == 2:
            syms = "".join(r.sample("$€£¥₩", r.randint(1, 4)))
            return "BENCHC", f"(?:US)?[{syms}]{num}(?:bn|m| (?:million|billion|trillion))?"
        if kind == 3:
            curs = r.sample(CURRENCIES, r.randint(2, 6))
            return "BENCHC", f"{num} (?:{'|'.join(r.sample(SCALES[:4], 2))} )?(?:{'|'.join(curs)})"
        if kind == 4:
            return "BENCHC", r.choice((r"\d{4}-\d{2}-\d{2}", r"(?:19|20)\d\d-[01]\d-[0-3]\d",
                                       r"\d{1,2}:\d{2}(?: (?:JST|UTC|CET|EST))?"))
        if kind == 5:
            verbs = r.sample(("rose", "fell", "jumped", "slumped", "climbed",
                              "dropped", "edged up", "gained", "lost"), r.randint(2, 5))
            return "BENCHC", f"(?:{'|'.join(verbs)}) {num}(?:%| percent| per cent)"
        return "BENCHC", f"{num} (?:{'|'.join(self.words(3, 8, 0.5))})"

    def alternation(self):
        r = self.rng
        ws = self.words(5, 20, 0.5)
        pat = f"\\b(?:{'|'.join(ws)})\\b"
        x = r.random()
        if x < 0.3:
            pat = f"(?i){pat}"
        elif x < 0.5:
            pat = f"\\b(?:{'|'.join(ws)})(?: (?:{'|'.join(self.words(2, 5, 0.6))}))?\\b"
        return "BENCHD", pat

    def title(self):
        r = self.rng
        roles = r.sample(ROLE_WORDS, r.randint(1, 4))
        heads = r.sample(CAP_WORDS, r.randint(2, 6))
        pre = f"(?:(?:{'|'.join(r.sample(ROLE_MODIFIERS, r.randint(1, 3)))}) )?"
        name = r.choice((r"\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+",
                         r"\p{Lu}\p{L}+(?: \p{Lu}\.)? \p{Lu}[\p{L}'-]+",
                         r"(?:\p{Lu}\p{Ll}+ ){1,2}\p{Lu}\p{Ll}+"))
        if r.random() < 0.3:
            return "BENCHE", f"(?:{'|'.join(r.sample(DEMONYMS, r.randint(3, 8)))}) {pre}(?:{'|'.join(roles)}) {name}"
        return "BENCHE", f"{pre}(?:{'|'.join(heads)}) (?:{'|'.join(roles)}) {name}"

    def phrase(self):
        r = self.rng
        kind = r.randint(0, 3)
        if kind == 0:
            return "BENCHF", (f"{r.choice(PHRASE_HEADS)} (?:{'|'.join(r.sample(PHRASE_TAILS, r.randint(2, 5)))})"
                              f"(?: with \\p{{Lu}}\\w+)?")
        if kind == 1:
            groups = r.sample(("exporters", "officials", "carmakers", "farmers",
                               "investors", "negotiators", "lawmakers", "banks",
                               self.word()), r.randint(2, 5))
            return "BENCHF", f"(?:{'|'.join(r.sample(DEMONYMS, r.randint(3, 10)))}) (?:{'|'.join(groups)})"
        if kind == 2:
            return "BENCHF", (f"(?:{'|'.join(r.sample(WEEKDAYS, r.randint(2, 7)))}), "
                              f"(?:{'|'.join(r.sample(MONTHS, r.randint(3, 12)))}) \\d{{1,2}}(?:, \\d{{4}})?")
        w = self.word()
        return "BENCHF", f"(?i:{w} {r.choice(CORPUS_WORDS)}|{r.choice(CORPUS_WORDS)} {w})"

    MAKERS = (("literal_prefix", 20), ("company", 15), ("number", 20),
              ("alternation", 20), ("title", 15), ("phrase", 10))

    def rules(self, n):
        table = []
        for name, w in self.MAKERS:
            table.extend([getattr(self, name)] * w)
        seen = set()
        out = []
        while len(out) < n:
            typ, pat = self.rng.choice(table)()
            if pat in seen:
                continue
            seen.add(pat)
            out.append((f"bench_{typ[-1].lower()}_{len(out) + 1:04d}", typ, pat,
                        self.rng.choice((10, 20, 30, 40, 50, 60, 70, 80, 90))))
        return out


def main(argv):
    args = list(argv[1:])
    seed = DEFAULT_SEED
    if "--seed" in args:
        i = args.index("--seed")
        seed = int(args[i + 1])
        del args[i:i + 2]
    if len(args) != 2 or not args[0].isdigit():
        sys.stderr.write("usage: bench/gen_rules.py N OUT [--seed N]\n")
        return 2
    n = int(args[0])
    parts = [f"# {n} synthetic benchmark rules, generated by bench/gen_rules.py "
             f"(seed {seed}).\n# Types BENCHA..BENCHF are for benchmarking only.\n"]
    for name, typ, pat, prio in RuleGen(seed).rules(n):
        parts.append(f"\nrule {name}\n  type     {typ}\n  pattern  {pat}\n  priority {prio}\n")
    data = "".join(parts).encode("utf-8")
    if args[1] == "-":
        sys.stdout.buffer.write(data)
    else:
        with open(args[1], "wb") as f:
            f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
