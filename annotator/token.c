/* token: see token.h. One left-to-right pass; every look-ahead either becomes
 * part of the token or is bounded (see email_end), so the pass is linear.
 * ASCII bytes are classified by a table; only bytes >= 0x80 are decoded, so
 * plain English text never leaves the table path. The commonest characters
 * outside ASCII are decoded inline (utf8.h) and their classes kept once
 * utf8proc has given them (common_class); only the others go to utf8proc
 * every time. */
#include "token.h"

#include "alloc.h"
#include "swar.h"
#include "utf8.h"

#include <stdatomic.h>
#include <string.h>
#include <utf8proc.h>

/* Character classes, as bits so one test can ask for several. Upper,
 * lower and digit are the token flags they give (token.h), so a word's
 * flags are bits of its letters' classes. */
enum {
    CC_UPPER = TOKF_CAPITALIZED,
    CC_LETTER = 2,  /* any letter, cased or not */
    CC_LOWER = TOKF_LOWER,
    CC_DIGIT = TOKF_HAS_DIGIT,
    CC_SPACE = 16,  /* whitespace, controls, invisible format characters */
    CC_MARK = 32,   /* combining marks and joiners: part of what they follow */
    CC_PUNCT = 64,
    CC_SYMBOL = 128,
    /* ASCII only, not a class: a word of ASCII letters and digits always
     * stops before it (see plain_word_follower) */
    CC_ENDS_WORD = 256
};
#define CC_WORD (CC_LETTER | CC_MARK | CC_DIGIT)

#define S_ (CC_SPACE | CC_ENDS_WORD)
#define E_ (CC_PUNCT | CC_ENDS_WORD)
#define P_ CC_PUNCT
#define Y_ CC_SYMBOL
#define D_ CC_DIGIT
#define U_ (CC_LETTER | CC_UPPER)
#define L_ (CC_LETTER | CC_LOWER)

/* Classes of the ASCII bytes; bytes >= 0x80 are 0 and must be decoded.
 * # % & * @ are punctuation to Unicode but act as symbols in prose. */
static const uint16_t ascii_class[256] = {
    S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_,
    S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_, S_,
    /*  !   "   #   $   %   &   '   (   )   *   +   ,   -   .   /  */
    S_, E_, E_, Y_, Y_, Y_, Y_, P_, P_, E_, Y_, Y_, E_, P_, P_, P_,
    /* 0-9                                   :   ;   <   =   >   ?  */
    D_, D_, D_, D_, D_, D_, D_, D_, D_, D_, P_, E_, Y_, Y_, Y_, E_,
    /* @  A-O */
    Y_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_,
    /* P-Z                                   [   \   ]   ^   _  */
    U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, U_, P_, P_, E_, Y_, P_,
    /* `  a-o */
    Y_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_,
    /* p-z                                   {   |   }   ~  DEL */
    L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, L_, P_, Y_, P_, Y_, S_,
};

#undef S_
#undef E_
#undef P_
#undef Y_
#undef D_
#undef U_
#undef L_

static unsigned unicode_class(int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return CC_LETTER | CC_UPPER;
    case UTF8PROC_CATEGORY_LL:
        return CC_LETTER | CC_LOWER;
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL: /* Roman numerals, superscripts, fractions: */
    case UTF8PROC_CATEGORY_NO: /* part of the word they are written in ("m²") */
        return CC_LETTER;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
        return CC_MARK;
    case UTF8PROC_CATEGORY_ND:
        return CC_DIGIT;
    case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD:
    case UTF8PROC_CATEGORY_PS:
    case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI:
    case UTF8PROC_CATEGORY_PF:
    case UTF8PROC_CATEGORY_PO:
        /* per mille, per ten thousand, Arabic percent: symbols like '%' */
        return cp == 0x2030 || cp == 0x2031 || cp == 0x066A ? CC_SYMBOL : CC_PUNCT;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
        return CC_SPACE;
    case UTF8PROC_CATEGORY_CF:
        /* Soft hyphen and the joiners sit inside words (Persian, emoji
         * sequences); the other format characters (BOM, zero-width space,
         * direction marks) only separate. */
        return cp == 0x00AD || cp == 0x200C || cp == 0x200D ? CC_MARK : CC_SPACE;
    default: /* private use, unassigned */
        return CC_SYMBOL;
    }
}

/* The classes of the code points utf8_decode_common() gives, each asked of
 * utf8proc the first time it is met and kept, 0 until then (no class is 0).
 * Documents are tokenized in several threads at once: any of them may store
 * a class, and all store the same one, so relaxed atomics suffice. */
static _Atomic uint8_t common_classes[UTF8_COMMON_LIMIT];

static inline unsigned common_class(int32_t cp)
{
    unsigned cls = atomic_load_explicit(&common_classes[cp], memory_order_relaxed);
    if (!cls) {
        cls = unicode_class(cp);
        atomic_store_explicit(&common_classes[cp], (uint8_t)cls, memory_order_relaxed);
    }
    return cls;
}

/* One decoded character. */
typedef struct {
    unsigned cls;   /* CC_* bits; 0 past the end of the text */
    int32_t cp;     /* -1 past the end */
    size_t len;     /* bytes; 0 past the end */
} unichar;

/* The character at s[i] >= 0x80, which is rare enough to be out of line. */
static unichar decode_char(const unsigned char *s, size_t len, size_t i)
{
    unichar u;
    utf8proc_int32_t cp;
    size_t common = utf8_decode_common(s + i, len - i, &cp);
    if (common) {
        u.cls = common_class(cp);
        u.cp = cp;
        u.len = common;
        return u;
    }
    utf8proc_ssize_t n = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
    if (n < 0) {
        /* The clean text is valid UTF-8; should a stray byte get through,
         * treat it as the 0x1A it would have become: a separator. */
        u.cls = CC_SPACE;
        u.cp = 0xFFFD;
        u.len = 1;
        return u;
    }
    u.cls = unicode_class(cp);
    u.cp = cp;
    u.len = (size_t)n;
    return u;
}

/* Inlined everywhere: most characters asked for are ASCII. */
static inline __attribute__((always_inline)) unichar char_at(const unsigned char *s, size_t len, size_t i)
{
    unichar u = { 0, -1, 0 };
    if (i >= len)
        return u;
    if (s[i] < 0x80) {
        u.cls = ascii_class[s[i]];
        u.cp = s[i];
        u.len = 1;
        return u;
    }
    return decode_char(s, len, i);
}

typedef struct {
    const unsigned char *s;
    size_t len;
    size_t next_at; /* offset of the first '@' at or after the last probe, or len */
    size_t hyphen_after_name; /* words and abbreviations a hyphen ended (mark_joined_suffixes) */
} scanner;

static inline unsigned class_at(const scanner *sc, size_t i)
{
    return char_at(sc->s, sc->len, i).cls;
}

/* Whether a word cannot go on at i: end of text or a non-word character. */
static int ends_word(const scanner *sc, size_t i)
{
    return !(class_at(sc, i) & CC_WORD);
}

static int is_ascii_letter(unsigned char c)
{
    return (ascii_class[c] & CC_LETTER) != 0;
}

static unsigned char ascii_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* TOKF_STOP for a punctuation token whose first byte is c. */
static inline uint8_t punct_stop_flag(unsigned char c)
{
    return c == '.' || c == '!' || c == '?' || c >= 0x80 ? TOKF_STOP : 0;
}

/* Bytes of the apostrophe at i: ' or U+2019, which news text uses for both
 * the apostrophe and the closing single quote. 0 when there is none. */
static inline size_t apostrophe_len(const scanner *sc, size_t i)
{
    if (i < sc->len && sc->s[i] == '\'')
        return 1;
    if (i + 2 < sc->len && sc->s[i] == 0xE2 && sc->s[i + 1] == 0x80 && sc->s[i + 2] == 0x99)
        return 3;
    return 0;
}

/* Bytes of the word-joining hyphen at i: '-', U+2010 or U+2011. The dashes
 * (en, em) are never inside a word. */
static size_t hyphen_len(const scanner *sc, size_t i)
{
    if (i < sc->len && sc->s[i] == '-')
        return 1;
    if (i + 2 < sc->len && sc->s[i] == 0xE2 && sc->s[i + 1] == 0x80 &&
        (sc->s[i + 2] == 0x90 || sc->s[i + 2] == 0x91))
        return 3;
    return 0;
}

/* The clitic beginning at the apostrophe at apos, after the word
 * [word_start, apos): 's 'd 'm 'll 're 've (any case), n't (which takes the
 * word's last letter: "does" + "n't"), each followed by a non-word character,
 * or a bare apostrophe after a word in -s ("countries" + "'"). Returns the
 * clitic's end and sets *start, or returns 0. The word scanner and the
 * splitter both ask this, so they always agree on where a word stops. */
static size_t clitic_at(const scanner *sc, size_t word_start, size_t apos, size_t *start)
{
    const unsigned char *s = sc->s;
    size_t alen = apostrophe_len(sc, apos);
    if (!alen || apos == word_start)
        return 0;
    size_t j = apos + alen, k = j;
    while (k < sc->len && k - j < 3 && is_ascii_letter(s[k]))
        k++;
    if (!ends_word(sc, k))
        return 0;
    unsigned char a = k > j ? ascii_lower(s[j]) : 0, b = k > j + 1 ? ascii_lower(s[j + 1]) : 0;
    unsigned char last = ascii_lower(s[apos - 1]);
    *start = apos;
    switch (k - j) {
    case 0:
        return last == 's' ? k : 0;
    case 1:
        if (a == 's' || a == 'd' || a == 'm')
            return k;
        /* n't needs a letter before the n: "do" + "n't", not "" + "n't" */
        if (a == 't' && last == 'n' && apos - 1 > word_start && is_ascii_letter(s[apos - 2])) {
            *start = apos - 1;
            return k;
        }
        return 0;
    case 2:
        return (a == 'l' && b == 'l') || (a == 'r' && b == 'e') || (a == 'v' && b == 'e') ? k : 0;
    default:
        return 0;
    }
}

/* An apostrophe followed by a letter that does not start a clitic is part of
 * the word: "O'Brien", "o'clock". */
static int apostrophe_is_inner(const scanner *sc, size_t word_start, size_t i)
{
    size_t clitic_start;
    return (class_at(sc, i + apostrophe_len(sc, i)) & CC_LETTER) &&
           !clitic_at(sc, word_start, i, &clitic_start);
}

/* Scripts written without spaces between words. A letter run is split where
 * it passes from one of them to another or to anything else, which separates
 * Japanese words from their particles (東京|の|トヨタ) and from digits and
 * Latin letters. A run within one script stays one token. */
enum { SCRIPT_OTHER, SCRIPT_HAN, SCRIPT_HIRAGANA, SCRIPT_KATAKANA };

static int cjk_script(int32_t cp)
{
    if (cp < 0x3005)
        return SCRIPT_OTHER;
    if (cp >= 0x3040 && cp <= 0x309F)
        return SCRIPT_HIRAGANA;
    if ((cp >= 0x30A0 && cp <= 0x30FF) || (cp >= 0x31F0 && cp <= 0x31FF) ||
        (cp >= 0xFF66 && cp <= 0xFF9F))
        return SCRIPT_KATAKANA;
    if (cp == 0x3005 || cp == 0x3007 || (cp >= 0x3400 && cp <= 0x4DBF) ||
        (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0x20000 && cp <= 0x3FFFF))
        return SCRIPT_HAN;
    return SCRIPT_OTHER;
}

/* Letters, digits, marks and inner apostrophes from i; letters followed by
 * digits stay together ("G7", "A380"). */
static size_t scan_alpha_part(const scanner *sc, size_t word_start, size_t i)
{
    const unsigned char *s = sc->s;
    int script = -1; /* of the last letter or digit; -1 before the first */
    while (i < sc->len) {
        if (s[i] < 0x80) {
            if (ascii_class[s[i]] & (CC_LETTER | CC_DIGIT)) {
                if (script > SCRIPT_OTHER)
                    break;
                script = SCRIPT_OTHER;
                /* the hot loop: most words are runs of ASCII letters */
                do
                    i++;
                while (i < sc->len && (ascii_class[s[i]] & (CC_LETTER | CC_DIGIT)));
            } else if (s[i] == '\'' && apostrophe_is_inner(sc, word_start, i)) {
                i++;
            } else {
                break;
            }
            continue;
        }
        unichar u = char_at(s, sc->len, i);
        if (u.cls & (CC_LETTER | CC_DIGIT)) {
            int here = cjk_script(u.cp);
            if (script >= 0 && here != script)
                break;
            script = here;
        } else if (!(u.cls & CC_MARK) && !(u.cp == 0x2019 && apostrophe_is_inner(sc, word_start, i))) {
            break;
        }
        i += u.len;
    }
    return i;
}

static size_t ascii_digits_end(const scanner *sc, size_t i)
{
    while (i < sc->len && (ascii_class[sc->s[i]] & CC_DIGIT))
        i++;
    return i;
}

static size_t scan_digits(const scanner *sc, size_t i)
{
    i = ascii_digits_end(sc, i);
    for (;;) { /* digits of other scripts, and ASCII after them */
        unichar u = char_at(sc->s, sc->len, i);
        if (!(u.cls & CC_DIGIT))
            return i;
        i += u.len;
    }
}

static int is_number_suffix(const unsigned char *p, size_t n)
{
    unsigned char a = ascii_lower(p[0]), b = n == 2 ? ascii_lower(p[1]) : 0;
    if (n == 1)
        return a == 's'; /* 1990s */
    return (a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
           (a == 't' && b == 'h');
}

/* Digits with inner separators (3.5  1,200  10:30  24/7), then an ordinal or
 * decade suffix when nothing else follows ("2nd", "1990s"). Other letters
 * right after the digits are a token of their own ("20" "bn"). */
static size_t scan_number_part(const scanner *sc, size_t i)
{
    const unsigned char *s = sc->s;
    i = scan_digits(sc, i);
    while (i < sc->len && (s[i] == '.' || s[i] == ',' || s[i] == ':' || s[i] == '/') &&
           (class_at(sc, i + 1) & CC_DIGIT))
        i = scan_digits(sc, i + 1);
    size_t k = i;
    while (k < sc->len && k - i < 3 && is_ascii_letter(s[k]))
        k++;
    if (k > i && k - i <= 2 && ends_word(sc, k) && is_number_suffix(s + i, k - i))
        return k;
    return i;
}

/* Abbreviations whose final '.' belongs to the token. binds_next: the word
 * introduces what follows ("Mr. Abe", "Jan. 5", "No. 3"), so a sentence never
 * ends after it; the others often close one ("... with Sony Corp.", "etc.").
 * Sorted in byte order, for the binary search below. word has room for the
 * longest and its NUL, no more: a longer word is told apart by its length
 * alone, and so is one before a '.' in a run of plain words. */
static const struct {
    char word[5];
    unsigned char binds_next;
} abbreviations[] = {
    {"Adm", 1},  {"Apr", 1},  {"Aug", 1},  {"Ave", 0},  {"Bhd", 0},  {"Bros", 0}, {"Capt", 1}, {"Cmdr", 1},
    {"Co", 0},   {"Col", 1},  {"Corp", 0}, {"Dec", 1},  {"Dr", 1},   {"Feb", 1},  {"Ft", 1},
    {"Gen", 1},  {"Gov", 1},  {"Hon", 1},  {"Inc", 0},  {"Jan", 1},  {"Jr", 0},   {"Jul", 1},
    {"Jun", 1},  {"Kft", 0},  {"Lda", 0},  {"Lt", 1},   {"Ltd", 0},  {"Ltda", 0}, {"Maj", 1},  {"Mar", 1},  {"Mr", 1},
    {"Mrs", 1},  {"Ms", 1},   {"Mt", 1},   {"No", 1},   {"Nov", 1},  {"Nyrt", 0}, {"Oct", 1},  {"Prof", 1},
    {"Pte", 1},  {"Pty", 1},  {"Pvt", 1},  {"Rep", 1},  {"Rev", 1},  {"Rs", 1},   {"Sdn", 1},  {"Sen", 1},  {"Sep", 1},  {"Sept", 1},
    {"Sgt", 1},  {"Sp", 1},   {"Sr", 0},   {"St", 1},   {"Th", 1},   {"Zrt", 0},  {"al", 0},   {"cf", 1},   {"ehf", 0},  {"etc", 0},  {"fig", 1},  {"hf", 0},   {"vs", 1},
};

/* strcmp() of word with the n bytes at p, as if a NUL ended them. */
static int compare_abbreviation(const char *word, const unsigned char *p, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if ((unsigned char)word[k] != p[k])
            return (unsigned char)word[k] < p[k] ? -1 : 1;
    return word[n] != '\0';
}

/* The entry for the n bytes at p (case-sensitive: "no." is a word and a
 * full stop), or -1. It is asked of every word before a '.'. */
static int abbreviation_index(const unsigned char *p, size_t n)
{
    if (n >= sizeof abbreviations[0].word)
        return -1;
    size_t lo = 0, hi = sizeof abbreviations / sizeof abbreviations[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = compare_abbreviation(abbreviations[mid].word, p, n);
        if (!c)
            return (int)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

int token_abbrev_binds_next(const char *text, const token *t)
{
    if (t->kind != TOK_ABBREV)
        return 0;
    int k = abbreviation_index((const unsigned char *)text + t->start, t->end - t->start - 1);
    return k >= 0 && abbreviations[k].binds_next;
}

/* A '.' at i that is not the start of "..". */
static int single_dot_at(const scanner *sc, size_t i)
{
    return i < sc->len && sc->s[i] == '.' && (i + 1 >= sc->len || sc->s[i + 1] != '.');
}

/* End of a dotted abbreviation at i: two or more single letters each followed
 * by a dot ("U.S.", "e.g.", "U.S.A."), or 0. Whatever follows the last dot
 * starts the next token; were it to undo the match, every later letter of
 * a long "a.a.a.…" run would scan the run again. */
static size_t dotted_abbrev_end(const scanner *sc, size_t i)
{
    size_t letters = 0;
    for (;;) {
        unichar u = char_at(sc->s, sc->len, i);
        if (!(u.cls & CC_LETTER) || !single_dot_at(sc, i + u.len))
            break;
        letters++;
        i += u.len + 1;
    }
    return letters >= 2 ? i : 0;
}

/* Whether the lower-case word at i, up to a non-word character, is one a
 * hyphen joins to a name without making it part of the name: a Japanese
 * honorific ("Abe-san"; "-chan" and "-kun" end Korean and Cantonese given
 * names too often: "Min-chan"), or a participle or like word saying what
 * the name did to something ("Dubai-based", "Chinese-made",
 * "Kremlin-backed", "Texas-born", "Japanese-style"). A list, not every
 * "-ed": "Hot-rolled" opening a sentence is no name. */
static int name_suffix_at(const scanner *sc, size_t i)
{
    static const char *const suffixes[] = {
        "san",        "sama",       "sensei",    "based",    "owned",       "led",        "backed",
        "controlled", "ruled",      "listed",    "registered", "sponsored", "funded",     "dominated",
        "headquartered", "brokered", "educated", "flagged",  "made",        "born",       "built",
        "grown",      "run",        "bred",      "bound",    "style",       "origin",     "milled",
        "manufactured", "assembled", "produced", "operated", "focused",     "allied",     "aligned",
        "bought",     "sourced",    "imposed",   "inspired", NULL};
    size_t end = i;
    while (end < sc->len && sc->s[end] >= 'a' && sc->s[end] <= 'z')
        end++;
    size_t n = end - i;
    if (!n || (class_at(sc, end) & CC_WORD) || hyphen_len(sc, end))
        return 0;
    for (const char *const *w = suffixes; *w; w++)
        if (strlen(*w) == n && !memcmp(sc->s + i, *w, n))
            return 1;
    return 0;
}

/* Whether the capitalised word [start, end) is one a hyphen joins to a word
 * as a prefix or an adjective ("Mid-sized", "Self-styled", "Home-grown",
 * "Ready-made" opening a sentence), not a name. */
static int capitalised_prefix(const scanner *sc, size_t start, size_t end)
{
    static const char *const prefixes[] = {
        "Mid",   "Non",  "Pre",   "Post",    "Self",  "Well",   "Semi",   "Multi", "Anti",  "Pro",
        "Co",    "Ex",   "Un",    "Re",      "Over",  "Under",  "Cross",  "High",  "Low",   "Long",
        "Short", "Full", "Half",  "Ill",     "Far",   "Hard",   "Open",   "Hot",   "Cold",  "Flat",
        "Lab",   "Ready", "Hand", "Home",    "Machine", "Man",  "Factory", "Farm", "Much",  "Newly",
        "Locally", "Custom", "Tailor", "Soft", "Deep", "Sun",   "Air",    "Family", "State", "Privately",
        "Publicly", "Foreign", "Government", NULL};
    for (const char *const *p = prefixes; *p; p++)
        if (strlen(*p) == end - start && !memcmp(sc->s + start, *p, end - start))
            return 1;
    return 0;
}

/* A word or number from start: parts (scan_alpha_part, scan_number_part)
 * joined by single hyphens ("non-tariff", "COVID-19", "2025-05-30"), up to
 * a name's suffix (name_suffix_at) after a capitalised first part. A NUMBER
 * when every part is one. */
static size_t scan_word(const scanner *sc, size_t start, uint8_t *kind)
{
    size_t i = dotted_abbrev_end(sc, start);
    if (i) {
        *kind = TOK_ABBREV;
        return i;
    }
    *kind = TOK_NUMBER;
    i = start;
    for (;;) {
        size_t part = i;
        unichar first = char_at(sc->s, sc->len, i);
        if (first.cls & CC_DIGIT) {
            i = scan_number_part(sc, i);
        } else {
            *kind = TOK_WORD;
            i = scan_alpha_part(sc, start, i);
            /* an initial ("J.") or a listed abbreviation ("Mr."), never after a hyphen */
            if (part == start && single_dot_at(sc, i) &&
                (((first.cls & CC_UPPER) && start + first.len == i) ||
                 abbreviation_index(sc->s + start, i - start) >= 0)) {
                *kind = TOK_ABBREV;
                return i + 1;
            }
        }
        size_t h = hyphen_len(sc, i);
        if (!h || !(class_at(sc, i + h) & CC_WORD))
            return i;
        if (part == start && (first.cls & CC_UPPER) && name_suffix_at(sc, i + h) && !capitalised_prefix(sc, start, i))
            return i;
        i += h;
    }
}

static int is_ascii_alnum(unsigned char c)
{
    return (ascii_class[c] & (CC_LETTER | CC_DIGIT)) != 0;
}

static int is_email_local(unsigned char c)
{
    return is_ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

/* Offset of the first '@' at or after from, or len. */
static size_t find_at_sign(const scanner *sc, size_t from)
{
    const unsigned char *at = from < sc->len ? memchr(sc->s + from, '@', sc->len - from) : NULL;
    return at ? (size_t)(at - sc->s) : sc->len;
}

/* End of an e-mail address starting at start, or 0. Only a start at most 64
 * bytes (the longest local part) before the next '@' is probed, and a domain
 * is read for at most 255 bytes, so words far from any '@' cost one compare
 * and no stretch of text is probed more than 64 times. */
static size_t email_end(scanner *sc, size_t start)
{
    const unsigned char *s = sc->s;
    if (sc->next_at < start)
        sc->next_at = find_at_sign(sc, start);
    size_t at = sc->next_at;
    if (at >= sc->len || at - start > 64)
        return 0;
    for (size_t i = start; i < at; i++)
        if (!is_email_local(s[i]))
            return 0;
    size_t i = at + 1, end = 0, labels = 0, limit = at + 1 + 255;
    if (limit > sc->len)
        limit = sc->len;
    for (;;) {
        size_t label = i;
        while (i < limit && (is_ascii_alnum(s[i]) || s[i] == '-'))
            i++;
        if (i == label || s[label] == '-' || s[i - 1] == '-')
            break;
        labels++;
        end = i;
        if (i + 1 >= limit || s[i] != '.')
            break;
        i++;
    }
    return labels >= 2 ? end : 0;
}

static int has_prefix_ci(const unsigned char *s, size_t n, const char *prefix)
{
    size_t m = strlen(prefix);
    if (n < m)
        return 0;
    for (size_t i = 0; i < m; i++)
        if (ascii_lower(s[i]) != (unsigned char)prefix[i])
            return 0;
    return 1;
}

/* End of a URL starting at start (http://, https://, www.), or 0. A URL runs
 * to a space, a quote or an angle bracket; punctuation at its end belongs to
 * the sentence, except a ')' that closes a '(' inside the URL
 * (".../Tokyo_(city)"). */
static size_t url_end(const scanner *sc, size_t start)
{
    const unsigned char *s = sc->s;
    size_t n = sc->len - start, i;
    if (has_prefix_ci(s + start, n, "https://"))
        i = start + 8;
    else if (has_prefix_ci(s + start, n, "http://"))
        i = start + 7;
    else if (has_prefix_ci(s + start, n, "www."))
        i = start + 4;
    else
        return 0;
    if (!(class_at(sc, i) & CC_WORD))
        return 0;
    size_t open = 0, close = 0;
    for (;;) {
        unichar u = char_at(s, sc->len, i);
        if (!u.len || (u.cls & CC_SPACE) || u.cp == '"' || u.cp == '<' || u.cp == '>' ||
            (u.cp >= 0x80 && !(u.cls & CC_WORD)))
            break;
        open += u.cp == '(';
        close += u.cp == ')';
        i += u.len;
    }
    for (;; i--) {
        unsigned char c = s[i - 1];
        if (c == ')' && close > open)
            close--;
        else if (!(c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' ||
                   c == ']' || c == '\''))
            return i;
    }
}

/* Punctuation: one mark, or a run of the same . ! ? or dash ("...", "--").
 * Symbols: one each. Both take the combining marks that follow (an emoji's
 * variation selector). */
static inline size_t punct_or_symbol_end(const scanner *sc, size_t i, unichar u)
{
    size_t end = i + u.len;
    if (u.cp == '.' || u.cp == '!' || u.cp == '?' || u.cp == '-' ||
        (u.cp >= 0x80 && utf8proc_category(u.cp) == UTF8PROC_CATEGORY_PD))
        while (char_at(sc->s, sc->len, end).cp == u.cp)
            end += u.len;
    for (;;) {
        unichar next = char_at(sc->s, sc->len, end);
        if (!(next.cls & CC_MARK))
            return end;
        end += next.len;
    }
}

/* The case flags of a word, its characters' classes counted one by one:
 * TOKF_CAPITALIZED / TOKF_LOWER from the first letter, TOKF_ALL_CAPS,
 * TOKF_HAS_DIGIT (see case_flags). */
typedef struct {
    unsigned first;   /* the class of the first letter */
    unsigned seen;    /* every class met */
    size_t letters, capitals;
} case_tally;

static inline void tally_class(case_tally *t, unsigned cls)
{
    t->seen |= cls;
    if (cls & CC_LETTER) {
        t->first = t->letters ? t->first : cls;
        t->letters++;
        t->capitals += cls & CC_UPPER;
    }
}

static inline uint8_t tally_flags(const case_tally *t)
{
    return (uint8_t)((t->first & (CC_UPPER | CC_LOWER)) | (t->seen & CC_DIGIT) |
                     (t->letters >= 2 && t->capitals == t->letters ? TOKF_ALL_CAPS : 0));
}

/* What ends a plain word (see plain_word_end). */
enum {
    NOT_PLAIN,      /* a follower one of the rules above may take */
    WORD_STOPS,     /* the word is a WORD of its own */
    WORD_TAKES_DOT  /* the word and the '.' after it are an ABBREV */
};

/* What the follower s[end] makes of a plain word [start, end) whose first
 * character takes first_len bytes. It stops the word when it is a separator
 * or , ; ! ? ) ] " ; a ':' unless an "http:" may start a URL; a character
 * outside ASCII that neither goes on with the word nor joins another to it
 * (an apostrophe, a hyphen); a '.' unless the word could be an initial, the
 * "www." of a URL or the local part of an e-mail address (an '@' is near),
 * and then a listed abbreviation takes the '.' unless ".." or a clitic
 * follows. The rules above need a . - ' : / @ or such a character next to
 * the letters, and an e-mail local part cannot hold the other followers. */
static int plain_word_follower(scanner *sc, size_t start, size_t end, size_t first_len)
{
    if (end == sc->len)
        return WORD_STOPS;
    const unsigned char *s = sc->s;
    unsigned char c = s[end];
    if (ascii_class[c] & CC_ENDS_WORD)
        return WORD_STOPS;
    if (c >= 0x80) {
        unichar u = decode_char(s, sc->len, end);
        return (u.cls & CC_WORD) || apostrophe_len(sc, end) || hyphen_len(sc, end) ? NOT_PLAIN : WORD_STOPS;
    }
    if (c == ':')
        return ascii_lower(s[start]) != 'h' ? WORD_STOPS : NOT_PLAIN;
    size_t n = end - start;
    if (c != '.' || n == first_len || (n == 3 && has_prefix_ci(s + start, n, "www")))
        return NOT_PLAIN;
    if (sc->next_at < start)
        sc->next_at = find_at_sign(sc, start);
    if (sc->next_at - start <= 64) /* as email_end, which tries no farther */
        return NOT_PLAIN;
    if (abbreviation_index(s + start, n) < 0)
        return WORD_STOPS;
    return single_dot_at(sc, end) && !apostrophe_len(sc, end + 1) ? WORD_TAKES_DOT : NOT_PLAIN;
}

/* The case flags of the letters, digits and marks from start, ASCII or of
 * two bytes (none of which splits a word by script: see cjk_script), up to
 * the first other character, where *end is left. */
static uint8_t word_run_flags(const unsigned char *s, size_t len, size_t start, size_t *end)
{
    case_tally tally = { 0, 0, 0, 0 };
    size_t i = start;
    while (i < len) {
        unsigned cls;
        size_t n = 1;
        if (s[i] < 0x80) {
            cls = ascii_class[s[i]];
        } else {
            int32_t cp;
            n = utf8_decode_common(s + i, len - i, &cp);
            if (n != 2)
                break;
            cls = common_class(cp);
        }
        if (!(cls & CC_WORD))
            break;
        tally_class(&tally, cls);
        i += n;
    }
    *end = i;
    return tally_flags(&tally);
}

/* The top bit of each byte of w, loaded from the text, that is not an ASCII
 * lower-case letter. With its top bit set, a byte minus a constant below 0x80
 * cannot borrow from the next byte, and keeps its top bit when its low seven
 * bits reach the constant: 'a', then the byte past 'z'. */
static inline uint64_t not_lower_case(uint64_t w)
{
    uint64_t from_a = (w | SWAR_TOPS) - 'a' * SWAR_ONES, past_z = (w | SWAR_TOPS) - ('z' + 1) * SWAR_ONES;
    return (~from_a | past_z | w) & SWAR_TOPS;
}

/* The offset of the first byte from i on that is not an ASCII lower-case
 * letter, or len. Eight bytes at a time, as most of a text is such runs. */
static inline size_t lower_run_end(const unsigned char *s, size_t len, size_t i)
{
    for (; len - i >= 8; i += 8) {
        uint64_t others = not_lower_case(swar_load(s + i));
        if (others)
            return i + swar_first_marked(others);
    }
    while (i < len && (ascii_class[s[i]] & CC_LOWER))
        i++;
    return i;
}

/* The fast path for the commonest token: letters, digits and marks, ASCII
 * or of two bytes, from a letter first at i, that plain_word_follower()
 * stops or lets take its '.'. None of the rules above applies to it, so it
 * is a WORD or an ABBREV, and its case flags are collected on the way
 * instead of in a second pass. Returns its end and sets *kind and the bits
 * of *flags, or returns 0 for any other token. */
static size_t plain_word_end(scanner *sc, size_t i, unichar first, uint8_t *kind, uint8_t *flags)
{
    const unsigned char *s = sc->s;
    size_t len = sc->len, start = i;
    if (first.len > 2) /* maybe of a script that splits from Latin letters */
        return 0;
    /* Most words are a letter and then lower-case ones up to a separator,
     * which the first letter alone gives the flags of; the scan looks for
     * nothing else. */
    i = lower_run_end(s, len, i + first.len);
    uint8_t word_flags = (uint8_t)(first.cls & (CC_UPPER | CC_LOWER));
    if (i < len && (s[i] >= 0x80 || (ascii_class[s[i]] & (CC_LETTER | CC_DIGIT))))
        word_flags = word_run_flags(s, len, start, &i);
    switch (plain_word_follower(sc, start, i, first.len)) {
    case WORD_STOPS:
        *kind = TOK_WORD;
        *flags |= word_flags;
        return i;
    case WORD_TAKES_DOT:
        *kind = TOK_ABBREV;
        *flags |= word_flags | TOKF_STOP;
        return i + 1;
    default:
        return 0;
    }
}

/* The commonest run of tokens: plain words of a letter and lower-case
 * ones, each followed by a byte that ends any word, or by a '.' when the
 * word is longer than any listed abbreviation and far from an '@' (see
 * plain_word_follower); between two words a space, or a mark such as a comma
 * or that '.' and a space. plain_word_end() makes each word a WORD whose
 * flags its first letter gives, and punct_or_symbol_end() each mark a
 * PUNCT of its one byte when an ASCII byte other than itself follows. Most
 * of a text is such runs, and a loop of their own, with no call in it,
 * keeps what it needs in registers. next_at is the scanner's: no '@' lies
 * between the run's start and it. Writes at most room (2 or more) tokens
 * from into and sets *count to their number; returns where the run stops. */
static size_t plain_word_run(const unsigned char *s, size_t len, size_t i, size_t next_at, token *into, size_t room,
                             size_t *count)
{
    /* A word from before limit has the eight bytes after its first letter,
     * and two bytes after its end when the scan stops in those eight, to
     * read with no bound check; the run leaves the rest to the caller.
     * Every token takes a byte at least, so no more than room - 2 come
     * before limit, and a word and its mark fit. */
    size_t limit = len > 16 ? len - 16 : 0;
    token *out = into;
    if (limit > i + room - 1)
        limit = i + room - 1;
    while (i < limit) {
        unsigned first = ascii_class[s[i]];
        if (!(first & CC_LETTER))
            break;
        uint64_t others = not_lower_case(swar_load(s + i + 1));
        size_t end = i + 1 + (others ? swar_first_marked(others) : 8);
        if (!others && (end = lower_run_end(s, len, end)) >= limit)
            break;
        /* an '@' past next_at is for plain_word_follower to find */
        if (!(ascii_class[s[end]] & CC_ENDS_WORD) &&
            !(s[end] == '.' && end - i >= sizeof abbreviations[0].word && next_at >= i && next_at - i > 64))
            break;
        *out++ = (token){ (uint32_t)i, (uint32_t)end, TOK_WORD, (uint8_t)(first & (CC_UPPER | CC_LOWER)) };
        i = end;
        if (s[end] != ' ') {
            unsigned char mark = s[end], next = s[end + 1];
            if (!(ascii_class[mark] & CC_PUNCT) || next >= 0x80 || next == mark)
                break;
            *out++ = (token){ (uint32_t)end, (uint32_t)end + 1, TOK_PUNCT, punct_stop_flag(mark) };
            i = end + 1;
            if (next != ' ')
                break;
        }
        i++;
    }
    *count = (size_t)(out - into);
    return i;
}

/* The fast path for plain numbers: ASCII digits from i, with . , : or /
 * between digits ("2025", "1,200", "3.5") and hyphens joining more of them
 * ("2025-05-30"), followed by an ASCII byte that does not go on with the
 * token: no letter (a suffix, "20" "bn"), hyphen (joins a part that is not
 * a number), apostrophe (a clitic), nor a separator before a byte
 * that may be a digit of another script. Not when an '@' is near (an e-mail
 * local part). Such a token is what scan_word makes of it: a NUMBER whose
 * only flag is TOKF_HAS_DIGIT. Returns its end, or 0 for any other token. */
static size_t plain_number_end(scanner *sc, size_t i)
{
    const unsigned char *s = sc->s;
    size_t start = i;
    i = ascii_digits_end(sc, i);
    while (i + 1 < sc->len && (s[i] == '.' || s[i] == ',' || s[i] == ':' || s[i] == '/' || s[i] == '-') &&
           (ascii_class[s[i + 1]] & CC_DIGIT))
        i = ascii_digits_end(sc, i + 1);
    if (i < sc->len) {
        unsigned char c = s[i];
        if (c >= 0x80 || (ascii_class[c] & CC_LETTER) || c == '-' || c == '\'' ||
            ((c == '.' || c == ',' || c == ':' || c == '/') && i + 1 < sc->len && s[i + 1] >= 0x80))
            return 0;
    }
    if (sc->next_at < start)
        sc->next_at = find_at_sign(sc, start);
    return sc->next_at - start > 64 ? i : 0; /* as email_end, which tries no farther */
}

/* The token starting at start (not a separator); its class is u. */
static size_t scan_token(scanner *sc, size_t start, unichar u, uint8_t *kind)
{
    if (u.cls & CC_WORD) {
        size_t end;
        if ((u.cp == 'h' || u.cp == 'H' || u.cp == 'w' || u.cp == 'W') && (end = url_end(sc, start))) {
            *kind = TOK_URL;
            return end;
        }
        if ((end = email_end(sc, start))) {
            *kind = TOK_EMAIL;
            return end;
        }
        return scan_word(sc, start, kind);
    }
    *kind = u.cls & CC_PUNCT ? TOK_PUNCT : TOK_SYMBOL;
    return punct_or_symbol_end(sc, start, u);
}

/* TOKF_CAPITALIZED / TOKF_LOWER from the first letter, TOKF_ALL_CAPS,
 * TOKF_HAS_DIGIT. ASCII bytes are classified by the table alone. */
static uint8_t case_flags(const unsigned char *s, size_t start, size_t end)
{
    case_tally tally = { 0, 0, 0, 0 };
    for (size_t i = start; i < end;) {
        if (s[i] < 0x80) {
            tally_class(&tally, ascii_class[s[i]]);
            i++;
        } else {
            unichar u = char_at(s, end, i);
            tally_class(&tally, u.cls);
            i += u.len;
        }
    }
    return tally_flags(&tally);
}

/* Whether the word [start, end) is a name after the Arabic article
 * ("al-Saeedi", "el-Sisi", "ash-Shami"): capitalised, as names are. */
static int article_name(const unsigned char *s, size_t start, size_t end)
{
    size_t n = end - start;
    if (n < 4 || (s[start] != 'a' && s[start] != 'e' && s[start] != 'u'))
        return 0;
    size_t hyphen = s[start + 2] == '-' ? 2 : s[start + 3] == '-' ? 3 : 0;
    if (!hyphen || hyphen + 2 > n || (unsigned)(s[start + hyphen + 1] - 'A') > 'Z' - 'A')
        return 0;
    static const char *const articles[] = {"al", "el", "ul", "an", "ar", "as", "ad", "at", "az", "ash", NULL};
    for (const char *const *a = articles; *a; a++)
        if (strlen(*a) == hyphen && !memcmp(*a, s + start, hyphen))
            return 1;
    return 0;
}

int token_is_article_name(const char *text, const token *t)
{
    return t->kind == TOK_WORD && article_name((const unsigned char *)text, t->start, t->end);
}

/* The token [start, end) with the case flags of its kind, and TOKF_STOP. */
static token make_token(const unsigned char *s, size_t start, size_t end, uint8_t kind, uint8_t flags)
{
    if (kind == TOK_PUNCT)
        flags |= punct_stop_flag(s[start]);
    else if (kind != TOK_SYMBOL) {
        uint8_t cased = case_flags(s, start, end);
        if ((cased & TOKF_LOWER) && kind == TOK_WORD && article_name(s, start, end))
            cased = (uint8_t)((cased & ~TOKF_LOWER) | TOKF_CAPITALIZED);
        flags |= cased | (kind == TOK_ABBREV ? TOKF_STOP : 0);
    }
    return (token){ (uint32_t)start, (uint32_t)end, kind, flags };
}

/* For each token: counts it in first (when not NULL) at the first block it
 * lies wholly before, and marks its first and last byte in edges (when not
 * NULL). Inlined where the arguments are known, so each loop tests neither. */
static inline __attribute__((always_inline)) void count_and_mark(const token_list *list, uint32_t *first,
                                                                 uint8_t *edges)
{
    for (const token *t = list->items, *end = t + list->count; t < end; t++) {
        if (first)
            first[(t->end + TOKEN_BLOCK - 1) / TOKEN_BLOCK]++;
        if (edges) {
            edges[t->start] |= 1;
            edges[t->end - 1] |= 2;
        }
    }
}

/* Fills list->first_in_block for a text of len bytes, and with edges marks
 * each token's first and last byte there (see tokenize_marking_edges): one
 * pass over the tokens for both. The first token that ends after
 * b * TOKEN_BLOCK comes after all those that end at or before it, so
 * first_in_block[b] counts them: each token counts in the first block it
 * lies wholly before, and a running sum does the rest, with no branch on
 * the data. A list of a block's worth of tokens or fewer (the gazetteer's
 * names) is scanned whole instead. */
static void index_blocks(token_list *list, size_t len, uint8_t *edges)
{
    list->block_count = 0;
    if (list->count <= TOKEN_BLOCK) {
        if (edges)
            count_and_mark(list, NULL, edges);
        return;
    }
    size_t blocks = len / TOKEN_BLOCK + 1; /* a token's end is at most len */
    grow_array((void **)&list->first_in_block, &list->block_cap, blocks + 1, sizeof *list->first_in_block);
    uint32_t *first = list->first_in_block;
    memset(first, 0, (blocks + 1) * sizeof *first);
    if (edges) /* each call with its own loop, tested for nothing */
        count_and_mark(list, first, edges);
    else
        count_and_mark(list, first, NULL);
    for (size_t b = 1; b <= blocks; b++)
        first[b] += first[b - 1];
    list->block_count = blocks;
}

/* Any token at start (its first character u), as the rules above make it,
 * and the clitic that may follow a word: writes one or two tokens from into
 * and adds their number to *count. Returns where the next one may start. */
static size_t scan_any_token(scanner *sc, size_t start, unichar u, uint8_t line_start, token *into,
                             size_t *count)
{
    uint8_t kind;
    size_t end = scan_token(sc, start, u, &kind);
    size_t clitic_start = end, clitic_end = 0;
    if ((kind == TOK_WORD || kind == TOK_NUMBER || kind == TOK_ABBREV) && apostrophe_len(sc, end))
        clitic_end = clitic_at(sc, start, end, &clitic_start);
    into[0] = make_token(sc->s, start, clitic_start, kind, line_start);
    *count += 1;
    if ((kind == TOK_WORD || kind == TOK_ABBREV) && end == clitic_start && hyphen_len(sc, end))
        sc->hyphen_after_name++;
    if (!clitic_end)
        return end;
    into[1] = make_token(sc->s, clitic_start, clitic_end, TOK_CLITIC, 0);
    *count += 1;
    return clitic_end;
}

/* Marks TOKF_JOINED the suffixes a hyphen joins to a capitalised word or
 * abbreviation ("based" of "Dubai-based", "led" of "U.S.-led"), which
 * scan_word leaves words of their own. */
static void mark_joined_suffixes(const scanner *sc, token_list *list)
{
    token *t = list->items;
    for (size_t k = 2; k < list->count; k++)
        if ((t[k].flags & TOKF_LOWER) && t[k].kind == TOK_WORD && t[k - 1].kind == TOK_PUNCT &&
            t[k - 1].end == t[k].start && t[k - 2].end == t[k - 1].start &&
            hyphen_len(sc, t[k - 1].start) == t[k - 1].end - t[k - 1].start && (t[k - 2].flags & TOKF_CAPITALIZED) &&
            name_suffix_at(sc, t[k].start))
            t[k].flags |= TOKF_JOINED;
}

void tokenize_marking_edges(const char *text, size_t len, token_list *out, uint8_t *edges)
{
    scanner sc = { (const unsigned char *)text, len, 0, 0 };
    sc.next_at = find_at_sign(&sc, 0);
    /* The text and the list's array in locals: were they read through sc
     * and out, a store of a token's byte fields could change them as far as
     * the compiler knows, and it would load them again for every token. */
    const unsigned char *s = sc.s;
    token *items = out->items;
    size_t count = 0, cap = out->cap;

    uint8_t line_start = TOKF_LINE_START;
    size_t i = 0;
    while (i < len) {
        /* An ASCII byte is classified by the table alone, and the commonest
         * tokens take the fast paths; bytes >= 0x80 (class 0) are decoded. */
        unsigned char c = s[i];
        unsigned cls = ascii_class[c];
        if (cls & CC_SPACE) {
            if (c == '\n' || c == '\r') {
                line_start = TOKF_LINE_START;
                if (count)
                    items[count - 1].flags |= TOKF_LINE_END;
            }
            i++;
            continue;
        }
        if (cap - count < 2) { /* room for a word and its clitic */
            grow_array((void **)&out->items, &out->cap, count + 2, sizeof *items);
            items = out->items;
            cap = out->cap;
        }
        if (cls & CC_LETTER) {
            size_t written;
            size_t stop = plain_word_run(s, len, i, sc.next_at, items + count, cap - count, &written);
            if (written) {
                items[count].flags |= line_start;
                count += written;
                line_start = 0;
                i = stop;
                continue;
            }
        }
        /* the other tokens: the commonest by the fast paths, the rest by
         * the rules above */
        unichar u = cls ? (unichar){ cls, c, 1 } : decode_char(s, len, i);
        if (u.cls & CC_SPACE) { /* not ASCII, so not a line end */
            i += u.len;
            continue;
        }
        uint8_t kind, flags = line_start;
        size_t end;
        if ((u.cls & CC_LETTER) && (end = plain_word_end(&sc, i, u, &kind, &flags))) {
            items[count++] = (token){ (uint32_t)i, (uint32_t)end, kind, flags };
        } else if ((cls & CC_DIGIT) && (end = plain_number_end(&sc, i))) {
            items[count++] = (token){ (uint32_t)i, (uint32_t)end, TOK_NUMBER, TOKF_HAS_DIGIT | line_start };
        } else if (u.cls & (CC_PUNCT | CC_SYMBOL)) {
            end = punct_or_symbol_end(&sc, i, u);
            kind = TOK_SYMBOL;
            if (u.cls & CC_PUNCT) {
                kind = TOK_PUNCT;
                flags |= punct_stop_flag(c);
            }
            items[count++] = (token){ (uint32_t)i, (uint32_t)end, kind, flags };
        } else {
            end = scan_any_token(&sc, i, u, line_start, items + count, &count);
        }
        line_start = 0;
        i = end + (end < len && s[end] == ' '); /* the commonest separator, passed here */
    }
    out->count = count;
    if (sc.hyphen_after_name)
        mark_joined_suffixes(&sc, out);
    index_blocks(out, len, edges);
}

void token_list_free(token_list *list)
{
    free(list->items);
    free(list->first_in_block);
    memset(list, 0, sizeof *list);
}

size_t token_at_or_after(const token_list *list, uint32_t offset)
{
    /* It runs for every annotation in several stages. Tokens never overlap
     * and are at least a byte long, so a block holds the ends of at most
     * TOKEN_BLOCK of them, and a few steps from the block's first find it. */
    size_t i = 0, last = list->count;
    if (list->block_count) {
        size_t block = offset / TOKEN_BLOCK;
        if (block >= list->block_count)
            return list->count; /* past the text: past every token */
        i = list->first_in_block[block];
        last = list->first_in_block[block + 1];
    }
    while (i < last && list->items[i].end <= offset)
        i++;
    return i;
}

int token_is_word(const char *text, const token *t, const char *word)
{
    /* No strlen: most words differ in their first letter. A byte | 0x20 is
     * never NUL, so a shorter word fails at its end. */
    const char *s = text + t->start;
    size_t n = t->end - t->start;
    for (size_t k = 0; k < n; k++)
        if ((s[k] | 0x20) != word[k])
            return 0;
    return word[n] == '\0';
}

int token_is_one_of(const char *text, const token *t, const char *const *words)
{
    /* Most words of a list differ from the token in their first letter,
     * which token_is_word() compares first: compared here, it costs no
     * call and no loop. */
    int first = text[t->start] | 0x20;
    for (; *words; words++)
        if ((*words)[0] == first && token_is_word(text, t, *words))
            return 1;
    return 0;
}
