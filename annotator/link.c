#include "link.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <utf8proc.h>

#include "layout.h"
#include "swar.h"

/* What a one-word surface stands for in this document. */
typedef struct {
    const char *text;     /* in the document's clean text */
    uint32_t len;
    uint16_t type;
    uint32_t norm;
    int ambiguous;        /* seen with two types or two norms: left alone */
    int strong;           /* a surname, an acronym or a firm's name: it outweighs a word list */
    int retypes;          /* the one type a tagged mention may be retyped from, or -1 for any */
    int shared;           /* two meanings of one type ("Yeltsin" of Boris and of Naina Yeltsin):
                           * its mentions take the type, and no one's norm */
    int tagged_only;      /* names the mentions a rule tagged, and tags no other ("the Commission") */
    int alone;            /* tags no mention that goes on with "and" or a capitalised word ("Commerce",
                           * not "Commerce Secretary", "Agriculture and Agri-Food Minister") */
    uint32_t phrase_from; /* goods: where the phrase the word ends starts, in the clean text */
} known_word;

typedef struct {
    known_word *items;
    size_t count, cap;
    uint32_t *slots;      /* index + 1, 0 for empty */
    size_t slot_count;
    size_t longest;       /* the length of the longest word: longer text is not looked up */
    uint64_t sketch[4];   /* a bit per sketch_of the words: text whose bit is clear is not looked up */
    document_scratch *scratch; /* where items and slots come from, grown by copying */
    int person;           /* the PERSON type, whose one-word mentions take in their particles; -1: none */
} word_table;

/* A byte of a text's first and last bytes and length: nearly every span and
 * capitalised word looked up is unknown, and this tells most of them apart
 * from the few dozen known words without hashing them. */
static unsigned sketch_from(unsigned char first, unsigned char last, size_t len)
{
    return (first * 31u + last * 7u + (unsigned)len) & 255u;
}

static unsigned sketch_of(const char *s, size_t len)
{
    return len ? sketch_from((unsigned char)s[0], (unsigned char)s[len - 1], len) : 0;
}

static uint64_t load64(const char *s)
{
    uint64_t v;
    memcpy(&v, s, sizeof v);
    return v;
}

static uint64_t load32(const char *s)
{
    uint32_t v;
    memcpy(&v, s, sizeof v);
    return v;
}

static uint64_t mix(uint64_t h)
{
    h *= 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 31);
}

/* A hash of s[0..len) for the tables below, eight bytes at a time: every
 * visible span and every capitalised word is looked up, and a byte at a
 * time was most of the stage. It reads only inside s (short texts by
 * overlapping loads), and the tables' answers do not depend on it. */
static uint64_t text_hash(const char *s, size_t len)
{
    uint64_t h = mix(len ^ 0x9E3779B97F4A7C15ULL);
    if (len >= 8) {
        for (size_t i = 0; i + 8 < len; i += 8)
            h = mix(h ^ load64(s + i));
        h = mix(h ^ load64(s + len - 8));
    } else if (len >= 4) {
        h = mix(h ^ (load32(s) | load32(s + len - 4) << 32));
    } else if (len) {
        h = mix(h ^ ((unsigned char)s[0] | (unsigned char)s[len / 2] << 8 | (uint64_t)(unsigned char)s[len - 1] << 16));
    }
    return h;
}

static known_word *probe_word(const word_table *t, const char *s, size_t len)
{
    size_t mask = t->slot_count - 1;
    for (size_t h = text_hash(s, len) & mask; t->slots[h]; h = (h + 1) & mask) {
        known_word *w = &t->items[t->slots[h] - 1];
        if (w->len == len && !memcmp(w->text, s, len))
            return w;
    }
    return NULL;
}

/* The known word s[0..len), or NULL. The sketch test is inline: most
 * texts looked up end there. */
static inline known_word *find_word(const word_table *t, const char *s, size_t len)
{
    if (len > t->longest)
        return NULL;
    unsigned sketch = sketch_of(s, len);
    if (!(t->sketch[sketch / 64] >> (sketch % 64) & 1))
        return NULL;
    return probe_word(t, s, len);
}

static void rehash(word_table *t)
{
    t->slot_count = t->slot_count ? t->slot_count * 2 : 64;
    t->slots = scratch_take(t->scratch, t->slot_count * sizeof *t->slots);
    memset(t->slots, 0, t->slot_count * sizeof *t->slots);
    size_t mask = t->slot_count - 1;
    for (size_t i = 0; i < t->count; i++) {
        size_t h = text_hash(t->items[i].text, t->items[i].len) & mask;
        while (t->slots[h])
            h = (h + 1) & mask;
        t->slots[h] = (uint32_t)i + 1;
    }
}

/* Records that text stands for (type, norm); a second meaning of another
 * type makes it ambiguous, a second strong one of the same type with
 * another norm makes it shared, and a weak one (a one-word name as tagged)
 * never changes a strong one (a surname, an acronym) or a word already
 * known with the same type. */
static void learn_word(word_table *t, const document *doc, const char *s, size_t len, uint16_t type, uint32_t norm,
                       int weak)
{
    known_word *w = find_word(t, s, len);
    if (w) {
        if (weak && w->strong)
            return; /* a surname or acronym outweighs a one-word tag */
        if (w->type != type)
            w->ambiguous = 1;
        else if (!weak && strcmp(doc_string(doc, w->norm), doc_string(doc, norm)))
            w->shared = 1;
        return;
    }
    if (t->count == t->cap) {
        t->cap *= 2;
        known_word *items = scratch_take(t->scratch, t->cap * sizeof *items);
        memcpy(items, t->items, t->count * sizeof *items);
        t->items = items;
    }
    t->items[t->count++] = (known_word){s, (uint32_t)len, type, norm, 0, !weak, -1, 0, 0, 0, 0};
    if (len > t->longest)
        t->longest = len;
    unsigned sketch = sketch_of(s, len);
    t->sketch[sketch / 64] |= 1ULL << (sketch % 64);
    if (t->count * 2 > t->slot_count)
        rehash(t);
    else {
        size_t mask = t->slot_count - 1, h = text_hash(s, len) & mask;
        while (t->slots[h])
            h = (h + 1) & mask;
        t->slots[h] = (uint32_t)t->count;
    }
}

static int visible(const span *s)
{
    return !(s->flags & (SPAN_REMOVED | SPAN_HIDDEN));
}

/* The indices of the visible spans, in order: a fraction of doc->spans, as
 * most spans are helpers or losers, and the passes below read only these. */
typedef struct {
    uint32_t *index;
    size_t count;
} visible_spans;

static int is_name_token(const token *t)
{
    /* the flags first: most tokens are lower-case words or punctuation */
    return (t->flags & (TOKF_CAPITALIZED | TOKF_ALL_CAPS)) && (t->kind == TOK_WORD || t->kind == TOK_ABBREV);
}

typedef struct {
    int person;
    int org;
    int gpe;
    int goods;
    int surname_first;    /* the helper type of family names written first, or -1 */
    int legal_form;       /* the helper type of a firm's legal form ("SA", "Inc."), or -1 */
    int norp;
    int place_any_case;   /* the helper types of countries and peoples matched in any case, or -1 */
    int people_any_case;
    int first_name;       /* the helper type of given names (_FIRSTNAME), or -1 */
    uint8_t name_types[MAX_TYPES / 8]; /* types whose one-word mentions keep their type */
} link_types;

static void find_types(const ann_rules *rules, link_types *lt)
{
    static const named_type name_types[] = {NAMED_PERSON, NAMED_ORG, NAMED_GPE, NAMED_LOC, NAMED_NORP, NAMED_EVENT};
    memset(lt, 0, sizeof *lt);
    lt->person = rules->named_type_id[NAMED_PERSON];
    lt->org = rules->named_type_id[NAMED_ORG];
    lt->gpe = rules->named_type_id[NAMED_GPE];
    lt->goods = rules->named_type_id[NAMED_GOODS];
    lt->surname_first = rules->named_type_id[NAMED_SURNAME_FIRST];
    lt->legal_form = rules->named_type_id[NAMED_LEGAL_FORM];
    lt->first_name = rules->named_type_id[NAMED_FIRST_NAME];
    lt->norp = rules->named_type_id[NAMED_NORP];
    lt->place_any_case = rules->named_type_id[NAMED_PLACE_ANY_CASE];
    lt->people_any_case = rules->named_type_id[NAMED_PEOPLE_ANY_CASE];
    for (size_t k = 0; k < sizeof name_types / sizeof *name_types; k++) {
        int id = rules->named_type_id[name_types[k]];
        if (id >= 0)
            lt->name_types[id / 8] |= (uint8_t)(1u << (id % 8));
    }
}

static int is_name_type(const link_types *lt, uint16_t type)
{
    return lt->name_types[type / 8] & (1u << (type % 8));
}

/* The tokens of a span: [*first, *end). */
static void span_tokens(const document *doc, const span *s, size_t *first, size_t *end)
{
    *first = s->first_token;
    *end = *first;
    while (*end < doc->tokens.count && doc->tokens.items[*end].end <= s->end)
        (*end)++;
}

/* The first entry of spans->by_start that may reach offset at: the spans
 * start at most the longest span's length before it (resolve.h), found by
 * bisection. */
static size_t first_reaching(const resolved_spans *spans, uint32_t at)
{
    uint32_t from = at > spans->longest ? at - spans->longest : 0;
    size_t lo = 0, hi = spans->by_start_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (spans->by_start[mid].start < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* A visible span of a name type and its tokens [first, end): the passes
 * that learn words read only these, so they are listed, with their tokens,
 * once. */
typedef struct {
    const span *s;
    size_t first, end;
} name_span;

/* Drops from spans->visible the spans a later phase removed, leaving v,
 * and lists the names among them. */
static name_span *list_names(const link_types *lt, const document *doc, const resolved_spans *spans,
                             visible_spans *v, size_t *count, document_scratch *scratch)
{
    name_span *names = scratch_take(scratch, (spans->visible_count + 1) * sizeof *names);
    *count = 0;
    v->count = 0;
    for (size_t i = 0; i < spans->visible_count; i++) {
        const span *s = &doc->spans[spans->visible[i]];
        if (!visible(s))
            continue;
        v->index[v->count++] = spans->visible[i];
        if (!is_name_type(lt, s->type))
            continue;
        name_span *n = &names[(*count)++];
        n->s = s;
        span_tokens(doc, s, &n->first, &n->end);
    }
    return names;
}

/* Capitalised words that open a clause or a sentence, or greet, and so
 * give no one a given name ("Yesterday, Then Luigi Montanari" is no name
 * of three words). */
static const char *const not_given_names[] = {
    "The", "A", "An", "And", "But", "Or", "So", "Then", "Now", "Also", "Both", "Even", "Only", "Yet", "Still",
    "Meanwhile", "However", "Yesterday", "Today", "Tomorrow", "If", "For", "When", "While", "As", "In", "On", "At",
    "With", "From", "After", "Before", "Since", "Because", "Although", "Though", "Under", "Over", "By", "To", "Of",
    "Why", "What", "How", "Who", "Where", "We", "I", "You", "He", "She", "It", "They", "This", "That", "These",
    "Those", "Our", "Their", "My", "His", "Her", "Its", "No", "Not", "Every", "Each", "All", "Some", "Many", "Most",
    "Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Dear", "Thanks", "Hello", "Hi", NULL};

/* Whether token w is a capitalised word after a comma or a closing
 * quotation mark that may be a given name the rules did not know. */
static int may_be_given_name(const document *doc, size_t w)
{
    const token *t = &doc->tokens.items[w];
    const char *text = doc->text.clean + t->start;
    size_t n = t->end - t->start;
    if (t->kind != TOK_WORD || (t->flags & (TOKF_ALL_CAPS | TOKF_HAS_DIGIT)) || !(t->flags & TOKF_CAPITALIZED) ||
        n < 2 || w == 0)
        return 0;
    for (const char *const *s = not_given_names; *s; s++)
        if (strlen(*s) == n && !memcmp(*s, text, n))
            return 0;
    const token *before = &doc->tokens.items[w - 1];
    const char *mark = doc->text.clean + before->start;
    size_t m = before->end - before->start;
    /* a straight quotation mark closes one when it follows a word */
    int closing = (m == 1 && *mark == '"' && before->start > 0 && !isspace((unsigned char)mark[-1])) ||
                  (m == 3 && !memcmp(mark, "\xe2\x80\x9d", 3));
    return before->kind == TOK_PUNCT && ((m == 1 && *mark == ',') || closing);
}

/* The visible span of type exactly over token w (the first, if several),
 * or NULL; *others counts the other visible spans covering w (the spans
 * are searched from first_reaching). */
static span *word_span(document *doc, const resolved_spans *spans, size_t w, int type, int *others)
{
    const token *t = &doc->tokens.items[w];
    size_t lo = first_reaching(spans, t->start);
    span *found = NULL;
    *others = 0;
    for (size_t i = lo; i < spans->by_start_count && spans->by_start[i].start <= t->start; i++) {
        span *s = &doc->spans[spans->by_start[i].index];
        if (!visible(s) || s->end <= t->start)
            continue;
        if (!found && (int)s->type == type && s->start == t->start && s->end == t->end)
            found = s;
        else
            (*others)++;
    }
    return found;
}

/* The place of token w alone, if any; *other set when another span covers
 * the word. */
static span *span_over(const link_types *lt, document *doc, const resolved_spans *spans, size_t w, int *other)
{
    span *place = word_span(doc, spans, w, lt->gpe, other);
    *other = *other != 0;
    return place;
}

/* The visible PERSON span of token w alone, when it is the only span
 * covering w; else NULL. */
static span *one_word_person_at(const link_types *lt, document *doc, const resolved_spans *spans, size_t w)
{
    int others;
    span *person = word_span(doc, spans, w, lt->person, &others);
    return others ? NULL : person;
}

/* Whether a visible span other than s covers token w, s's first, without
 * lying inside s. */
static int holds_span(const document *doc, const resolved_spans *spans, const span *s, size_t w)
{
    const token *t = &doc->tokens.items[w];
    size_t lo = first_reaching(spans, t->start);
    for (size_t i = lo; i < spans->by_start_count && spans->by_start[i].start <= t->start; i++) {
        const span *o = &doc->spans[spans->by_start[i].index];
        if (o != s && visible(o) && o->end > t->start && (o->start < s->start || o->end > s->end))
            return 1;
    }
    return 0;
}

/* "Its president, Pier Luigi Montanari, said": the rules find "Luigi
 * Montanari" from the given name they know; a capitalised word right before
 * such a name, after a comma or a quotation mark and under no other span
 * (or a place's of that word alone, which goes: "Adelaide Gomes Rocha"), is
 * a given name too. The person's span (and its place in spans->by_start)
 * starts there; the norm follows where it was the old text. */
static void widen_given_names(const link_types *lt, document *doc, resolved_spans *spans)
{
    for (size_t i = 0; i < spans->by_start_count; i++) {
        span *s = &doc->spans[spans->by_start[i].index];
        size_t w = s->first_token;
        if ((int)s->type != lt->person || !visible(s) || w < 2 || w + 1 >= doc->tokens.count ||
            doc->tokens.items[w + 1].start >= s->end || /* a name of one word may be a surname alone */
            doc->tokens.items[w - 1].end + 1 != s->start || doc->text.clean[s->start - 1] != ' ')
            continue;
        /* a person of one word right before a name is its given name:
         * the rules split "Minister Clémentine Ngo Bikoko" where a family
         * name they know ("Ngo") opens a name of its own */
        span *given = one_word_person_at(lt, doc, spans, w - 1);
        if (!given && !may_be_given_name(doc, w - 1))
            continue;
        /* no span over the given name but a place of it alone, and none
         * holding the name ("Maria Montanari-led" as a people): the wider
         * name would cross it */
        int other;
        span *place = given ? NULL : span_over(lt, doc, spans, w - 1, &other);
        if ((!given && other) || holds_span(doc, spans, s, w))
            continue;
        if (place)
            place->flags |= SPAN_REMOVED;
        if (given)
            given->flags |= SPAN_REMOVED;
        uint32_t start = doc->tokens.items[w - 1].start;
        if (s->norm != NO_STRING && strlen(doc_string(doc, s->norm)) == s->end - s->start &&
            !memcmp(doc_string(doc, s->norm), doc->text.clean + s->start, s->end - s->start))
            s->norm = doc_intern(doc, doc->text.clean + start, s->end - start);
        s->start = start;
        s->first_token = (uint32_t)(w - 1);
        /* a span the person won against may start where the name did: the
         * entry moves before it, so by_start stays in order */
        span_position moved = {start, spans->by_start[i].index};
        size_t at = i;
        while (at > 0 && spans->by_start[at - 1].start > start) {
            spans->by_start[at] = spans->by_start[at - 1];
            at--;
        }
        spans->by_start[at] = moved;
        if (s->end - start > spans->longest)
            spans->longest = s->end - start;
    }
}

/* "III" of "Charles III": a regnal number names no one alone, and as a
 * surname it would make "Phase III" that person. Letters I, V and X only:
 * a surname in capitals made of them does not occur. */
static int is_regnal_number(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] != 'I' && s[i] != 'V' && s[i] != 'X')
            return 0;
    return len > 0;
}

/* What the helper spans starting at a token mark it as (bits of starts[]). */
enum {
    STARTS_FAMILY_NAME = 1,
    STARTS_LEGAL_FORM = 2,
    STARTS_LINKED = 4, /* under a span link added */
    STARTS_GIVEN_NAME = 8 /* a given name of the word lists (_FIRSTNAME) */
};

/* Records that the n bytes at text stand for (type, norm), as written and,
 * for a word with accents, without them: readers drop accents ("kratochvil
 * is right" of "Pavel Kratochvíl", "in sodertalje" of "Södertälje"). Each
 * character is decomposed on its own, into a buffer on the stack: most
 * names hold a letter or two with marks. */
static void learn_name_word(word_table *t, const document *doc, const char *text, size_t len, uint16_t type,
                            uint32_t norm, int weak)
{
    size_t ascii = 0;
    learn_word(t, doc, text, len, type, norm, weak);
    while (ascii < len && !(text[ascii] & 0x80))
        ascii++;
    char plain[64];
    if (ascii == len || len >= sizeof plain)
        return;
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp, parts[4];
        utf8proc_ssize_t bytes = utf8proc_iterate((const utf8proc_uint8_t *)text + i, (utf8proc_ssize_t)(len - i), &cp);
        int boundclass = 0;
        utf8proc_ssize_t count =
            bytes > 0 ? utf8proc_decompose_char(cp, parts, 4, UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK, &boundclass) : -1;
        if (count < 0 || count > 4)
            return;
        for (utf8proc_ssize_t k = 0; k < count; k++) {
            if (parts[k] >= 0x80 || n == sizeof plain)
                return; /* a letter of its own, not a Latin one with marks */
            plain[n++] = (char)parts[k];
        }
        i += (size_t)bytes;
    }
    char *copy = scratch_take(t->scratch, n);
    memcpy(copy, plain, n);
    learn_word(t, doc, copy, n, type, norm, weak);
}

/* Records that the word token w is a surname of the person norm. */
static void learn_surname(word_table *t, const document *doc, const token *w, uint16_t person, uint32_t norm)
{
    const char *text = doc->text.clean + w->start;
    size_t len = w->end - w->start;
    learn_name_word(t, doc, text, len, person, norm, 0);
    if (token_is_article_name(doc->text.clean, w)) {
        /* "Al-Amoody is right" */
        char *capitalised = scratch_take(t->scratch, len);
        memcpy(capitalised, text, len);
        capitalised[0] = (char)toupper((unsigned char)capitalised[0]);
        learn_name_word(t, doc, capitalised, len, person, norm, 0);
    }
}

/* Particles that follow the surname used alone: Spanish and Portuguese
 * ("Peralta de Jesús"), Congolese ("Bahati wa Kasereka"). */
static const char *const particles_after_surname[] = {"de", "del", "da", "do", "dos", "das", "y", "e", "wa", NULL};

static int lower_in_article(const document *doc, const char *word, size_t n, size_t from);

/* Whether the capitalised word tok occurs in lower case in the article
 * ("Wind" of a misread name, "wind towers"). */
static int lower_word_in_article(const document *doc, const token *tok)
{
    char lower[32];
    size_t len = tok->end - tok->start;
    if (len >= sizeof lower)
        return 0;
    memcpy(lower, doc->text.clean + tok->start, len);
    lower[0] = (char)tolower((unsigned char)lower[0]);
    return lower_in_article(doc, lower, len, doc->len);
}

/* Learns a part of a person's name; one opening with a lower-case particle
 * also capitalised, as it is at the start of a sentence ("Armand de
 * Lestrade" is "De Lestrade"). */
static void learn_name_part(word_table *t, const document *doc, const char *text, size_t len, uint16_t person,
                            uint32_t norm)
{
    learn_word(t, doc, text, len, person, norm, 0);
    if (islower((unsigned char)text[0])) {
        char *capitalised = scratch_take(t->scratch, len);
        memcpy(capitalised, text, len);
        capitalised[0] = (char)toupper((unsigned char)capitalised[0]);
        learn_word(t, doc, capitalised, len, person, norm, 0);
    }
}

/* Particles of a double Spanish or Portuguese surname ("de la Fuente
 * Ochoa", "dos Santos Lima"). */
static const char *const surname_particles[] = {"de", "del", "da", "do", "dos", "das", "la", "las", "los", NULL};

/* The first of two surnames after particles that end a person's name
 * (tokens first to last) is the surname used alone, which
 * start_with_particles gives its particles back. */
static void learn_particle_surname(word_table *t, const document *doc, size_t first, size_t last, uint16_t person,
                                   uint32_t norm)
{
    const token *toks = doc->tokens.items, *father = &toks[last - 1];
    if (father->kind != TOK_WORD || !(father->flags & TOKF_CAPITALIZED) || father->end - father->start < 3)
        return;
    size_t k = last - 1;
    while (k > first + 1 && toks[k - 1].kind == TOK_WORD && (toks[k - 1].flags & TOKF_LOWER) &&
           token_is_one_of(doc->text.clean, &toks[k - 1], surname_particles))
        k--;
    if (k < last - 1)
        learn_surname(t, doc, father, person, norm);
}

/* The words the rules found a person named by alone ("Okabe said"), in a
 * table of their own. */
static void learn_persons_named_alone(const link_types *lt, const document *doc, const name_span *names,
                                      size_t count, word_table *alone)
{
    for (size_t i = 0; i < count; i++)
        if (names[i].s->type == lt->person && names[i].end == names[i].first + 1)
            learn_word(alone, doc, doc->text.clean + names[i].s->start, names[i].s->end - names[i].s->start,
                       (uint16_t)lt->person, names[i].s->norm, 1);
}

static int named_alone(const word_table *alone, const document *doc, const token *w)
{
    return find_word(alone, doc->text.clean + w->start, w->end - w->start) != NULL;
}

/* Surnames of people named in full: the last word, and the first where the
 * family name comes first (a _SURNAME_FIRST word starts there, or the
 * article uses the first word alone and never the last). */
static void learn_surnames(const link_types *lt, const document *doc, const name_span *names, size_t count,
                           const uint8_t *starts, word_table *t)
{
    word_table alone = {.items = scratch_take(t->scratch, 8 * sizeof *alone.items), .cap = 8, .scratch = t->scratch,
                        .person = lt->person};
    learn_persons_named_alone(lt, doc, names, count, &alone);
    for (size_t i = 0; i < count; i++) {
        const span *s = names[i].s;
        if (s->type != lt->person)
            continue;
        size_t first = names[i].first, end = names[i].end, words = 0, last = 0;
        for (size_t k = first; k < end; k++)
            if (doc->tokens.items[k].kind == TOK_WORD || doc->tokens.items[k].kind == TOK_ABBREV) {
                words++;
                last = k;
            }
        const token *tail = &doc->tokens.items[last];
        /* "Yoon Seo-jin": a hyphenated given name after one word is the
         * surname-first order of Korean names; the surname is the first word
         * ("Imelda Dizon-Reyes", capitalised after the hyphen, is a
         * double surname) */
        const token *head = &doc->tokens.items[first];
        const char *hyphen = memchr(doc->text.clean + tail->start, '-', tail->end - tail->start);
        if (words == 2 && hyphen && hyphen + 1 < doc->text.clean + tail->end && islower((unsigned char)hyphen[1]) &&
            head->kind == TOK_WORD && (head->flags & TOKF_CAPITALIZED))
            tail = head;
        if (words >= 2 && tail->kind == TOK_WORD && (tail->flags & TOKF_CAPITALIZED) &&
            !is_regnal_number(doc->text.clean + tail->start, tail->end - tail->start))
            learn_surname(t, doc, tail, (uint16_t)lt->person, s->norm);
        /* ... or where the article names the person by the first word
         * alone and never by the last ("Okabe Shinji", then "Okabe said";
         * a given name used alone too: "Kemi Adeyemi", then "Kemi said") */
        if (words >= 2 && tail != head &&
            ((starts[first] & STARTS_FAMILY_NAME) ||
             (words == 2 && named_alone(&alone, doc, head) && !named_alone(&alone, doc, tail))))
            learn_surname(t, doc, head, (uint16_t)lt->person, s->norm);
        /* "Siobhán Ní Mhurchú" is "Ní Mhurchú" later, "Rajinder Singh
         * Kanwar" "Singh Kanwar": a tagged mention of the words after the
         * first is the same person */
        size_t second = first + 1;
        while (second < last && doc->tokens.items[second].kind != TOK_WORD)
            second++;
        if (words >= 3 && second < last) {
            const char *rest = doc->text.clean + doc->tokens.items[second].start;
            size_t len = doc->tokens.items[last].end - doc->tokens.items[second].start;
            learn_name_part(t, doc, rest, len, (uint16_t)lt->person, s->norm);
        }
        /* "Yolanda Peralta de Jesús", "Juan Sebastián Ocampo de la Cruz",
         * "Pascal Bahati wa Kasereka": the capitalised word before such a
         * particle, after the given name, is the surname used alone
         * ("Peralta"), unless the lists know it as a given name ("Juan
         * Carlos de la Torre") */
        for (size_t k = first + 2; k < last; k++) {
            const token *particle = &doc->tokens.items[k], *before = particle - 1;
            if (particle->kind == TOK_WORD && (particle->flags & TOKF_LOWER) &&
                token_is_one_of(doc->text.clean, particle, particles_after_surname)) {
                if (before->kind == TOK_WORD && (before->flags & TOKF_CAPITALIZED) && before->end - before->start > 2 &&
                    !(starts[k - 1] & STARTS_GIVEN_NAME))
                    learn_surname(t, doc, before, (uint16_t)lt->person, s->norm);
                break;
            }
        }
        /* "Rogelio de la Fuente Ochoa" is "de la Fuente" later: the
         * particles and the father's surname, without the mother's */
        if (words >= 4 && tail == &doc->tokens.items[last])
            learn_particle_surname(t, doc, first, last, (uint16_t)lt->person, s->norm);
        /* "Lucía Ferrán Ibarra" is "Ferrán" later, "Héctor Manuel Almonte
         * Reyes" "Almonte": Spanish and Portuguese names put the father's
         * surname, the one used alone, before the last word */
        const token *middle = last > first ? &doc->tokens.items[last - 1] : NULL;
        if ((words == 3 || (words == 4 && !(starts[first] & STARTS_FAMILY_NAME))) &&
            tail == &doc->tokens.items[last] && middle->kind == TOK_WORD &&
            (middle->flags & TOKF_CAPITALIZED) && middle->end - middle->start > 2 &&
            (words == 3 || !lower_word_in_article(doc, middle))) /* the scan of the article last */
            learn_surname(t, doc, middle, (uint16_t)lt->person, s->norm);
    }
}

/* Words an acronym leaves out when a name writes its other words in lower
 * case, as French and Spanish names do, and that join the capitalised words
 * of a name in other languages ("Vereniging van Rijstboeren Nickerie
 * (VRN)"). */
static const char *const acronym_function_words[] = {"de", "des", "du", "la", "le", "les", "l", "d", "et", "en",
                                                     "pour", "sur", "au", "aux", "del", "los", "las", "y", "da",
                                                     "do", "dos", "das", "e", "van", "voor", "het", "der", NULL};

/* The initials of a span's capitalised words ("World Trade Organization"
 * gives WTO), function words in lower case skipped; with every_word, of
 * all its words but acronym_function_words, upper-cased ("Union des
 * producteurs agricoles" gives UPA). */
static size_t initials(const document *doc, const name_span *name, int every_word, char *out, size_t cap)
{
    size_t n = 0;
    for (size_t k = name->first; k < name->end && n + 1 < cap; k++) {
        const token *t = &doc->tokens.items[k];
        const char *word = doc->text.clean + t->start;
        if (t->kind != TOK_WORD)
            continue;
        if (t->flags & (TOKF_CAPITALIZED | TOKF_ALL_CAPS))
            out[n++] = *word;
        else if (every_word && (unsigned char)*word < 0x80 &&
                 !token_is_one_of(doc->text.clean, t, acronym_function_words))
            out[n++] = (char)toupper((unsigned char)*word);
    }
    out[n] = '\0';
    return n;
}

/* Words an organisation's name holds between its capitalised words, which
 * give no initial: "Skins and Leather", "Association of the Iron ...",
 * Filipino "ng" ("Nagkakaisang Manggagawa ng Dalisay (NMD)"). */
static const char *const name_joining_words[] = {"and", "of", "for", "the", "&", ",", "ng", NULL};

/* Words that make a name a scheme or a law, not a body ("Generalised
 * System of Preferences (GSP)"). */
static const char *const scheme_words[] = {"system", "systems", "scheme", "preferences", "act", "law", "regulation",
                                           "directive", "programme", "program", NULL};

/* Where the name an acronym spells ends at token open, its "(", starts:
 * walking back, each capitalised word gives its first letter, which must be
 * the acronym's, right to left, and joining words give none; the first
 * token of the name once every letter is found, else SIZE_MAX. */
static size_t spelled_name_start(const document *doc, size_t open, const token *acr)
{
    const char *text = doc->text.clean;
    size_t len = acr->end - acr->start, letters = 0, k = open;
    /* a name stays on the line of its parenthesis: a line break ends the
     * walk (a headline's words are no part of the body's first name) */
    if (doc->tokens.items[open].flags & TOKF_LINE_START)
        return SIZE_MAX;
    while (k > 0 && letters < len) {
        const token *w = &doc->tokens.items[k - 1];
        if ((w->flags & TOKF_LINE_START) && letters + 1 < len)
            return SIZE_MAX;
        if (w->kind == TOK_WORD && (w->flags & TOKF_CAPITALIZED)) {
            if (text[w->start] != text[acr->end - 1 - letters])
                return SIZE_MAX;
            letters++;
        } else if (!letters || (!token_is_one_of(text, w, name_joining_words) &&
                                !token_is_one_of(text, w, acronym_function_words))) {
            return SIZE_MAX;
        }
        k--;
    }
    if (letters != len)
        return SIZE_MAX;
    /* a name opening its sentence may open with a common noun ("Officials
     * of the Ocean Council (OOC) met"): left to the rules */
    const token *before = k ? &doc->tokens.items[k - 1] : NULL;
    if (!before || (before->kind == TOK_PUNCT && strchr(".!?\"“”", text[before->start])) ||
        (doc->tokens.items[k].flags & TOKF_LINE_START))
        return SIZE_MAX;
    for (size_t i = k; i < open; i++)
        if (token_is_one_of(text, &doc->tokens.items[i], scheme_words))
            return SIZE_MAX;
    return k;
}

/* "The Kenya Hides, Skins and Leather Traders Association (KHSLTA)": an
 * acronym of three or more letters that the capitalised words right before
 * its parenthesis spell names an organisation, though no rule found it
 * whole. The words become one ORG span, which the spans wholly inside them
 * give way to (a span reaching out of them keeps them apart), and the
 * acronym means it, here and later. Marks its tokens STARTS_LINKED and
 * lists the new spans in added (room for one per "("); returns how many. */
static size_t name_spelled_by_acronym(document *doc, const link_types *lt, const resolved_spans *spans,
                                      uint8_t *starts, word_table *t, uint32_t *added)
{
    const char *text = doc->text.clean, *end_of_text = text + doc->text.len;
    size_t count = 0;
    /* parentheses are rare: found by memchr, not by a walk of every token */
    for (const char *p = memchr(text, '(', doc->text.len); p; p = memchr(p + 1, '(', (size_t)(end_of_text - p - 1))) {
        size_t open = token_at_or_after(&doc->tokens, (uint32_t)(p - text));
        if (open == 0 || open + 2 >= doc->tokens.count)
            continue;
        const token *paren = &doc->tokens.items[open], *acr = paren + 1, *close = paren + 2;
        size_t len = acr->end - acr->start;
        if (paren->start != (uint32_t)(p - text) || paren->end - paren->start != 1 || text[close->start] != ')' ||
            acr->kind != TOK_WORD || !(acr->flags & TOKF_ALL_CAPS) || len < 3 || len > 12)
            continue;
        size_t first = spelled_name_start(doc, open, acr);
        if (first == SIZE_MAX)
            continue;
        uint32_t start = doc->tokens.items[first].start, end = doc->tokens.items[open - 1].end;
        size_t lo = first_reaching(spans, start); /* the spans that may overlap the name */
        int apart = 0;
        for (size_t i = lo; i < spans->by_start_count && spans->by_start[i].start < end && !apart; i++) {
            const span *s = &doc->spans[spans->by_start[i].index];
            apart = visible(s) && s->end > start && (s->start < start || s->end > end ||
                                                     (s->start == start && s->end == end));
        }
        if (apart)
            continue;
        for (size_t i = lo; i < spans->by_start_count && spans->by_start[i].start < end; i++) {
            span *s = &doc->spans[spans->by_start[i].index];
            if (visible(s) && s->start >= start && s->end <= end)
                s->flags |= SPAN_REMOVED;
        }
        span name = {.start = start, .end = end, .type = (uint16_t)lt->org, .phase = UINT16_MAX, .rule = -1,
                     .norm = doc_intern(doc, text + start, end - start)};
        added[count++] = (uint32_t)doc_add_span(doc, &name);
        for (size_t k = first; k < open; k++)
            starts[k] |= STARTS_LINKED;
        learn_word(t, doc, text + acr->start, len, (uint16_t)lt->org, doc->spans[added[count - 1]].norm, 0);
    }
    return count;
}

/* Capitals in brackets after an organisation that are no acronym of it:
 * stock exchanges after a listed firm, offices, file kinds, currencies. */
static const char *const not_acronyms_of_names[] = {
    "nyse", "nasdaq", "lse", "tsx", "asx", "jse", "hkex", "sgx", "bse", "nse", "krx", "tse", "sse", "szse", "amex",
    "otc", "ceo", "cfo", "coo", "cto", "pdf", "faq", "gdp", "vat", "gst", "usd", "eur", "gbp", "jpy", "cny",
    "mou", NULL};

/* "Name (ACRONYM)": the acronym means the name, here and later. */
static void learn_acronyms(const document *doc, const name_span *names, size_t count, int org, word_table *t)
{
    for (size_t i = 0; i < count; i++) {
        const span *s = names[i].s;
        size_t after = names[i].end;
        if (after + 2 >= doc->tokens.count)
            continue;
        const token *open = &doc->tokens.items[after], *acr = open + 1, *close = open + 2;
        const char *text = doc->text.clean;
        if (text[open->start] != '(' || open->end - open->start != 1 || text[close->start] != ')' ||
            !(acr->flags & TOKF_ALL_CAPS))
            continue;
        size_t len = acr->end - acr->start;
        char want[16];
        size_t n = initials(doc, &names[i], 0, want, sizeof want);
        if (n != len || memcmp(want, text + acr->start, n))
            n = initials(doc, &names[i], 1, want, sizeof want);
        /* an organisation's acronym may come from its name in another
         * language ("Algerian Employers' Union (UPA)", "Antilles Rum
         * Producers' Union (SPRA)"); one whose first letter is no initial
         * of the name needs three letters, and is neither a market's code
         * ("(NYSE)") nor a name of another type ("Acme Ltd (USA)") */
        size_t all = initials(doc, &names[i], 1, want, sizeof want);
        int other_name = i + 1 < count && names[i + 1].first == after + 1 && (int)names[i + 1].s->type != org;
        int foreign = s->type == org && len >= 2 && len <= 10 && all &&
                      (memchr(want, text[acr->start], all) ||
                       (len >= 3 && !other_name && !token_is_one_of(text, acr, not_acronyms_of_names)));
        if (!foreign && (n < 2 || n != len || memcmp(want, text + acr->start, n)))
            continue;
        learn_word(t, doc, text + acr->start, len, s->type, s->norm, 0);
    }
}

/* Words that open many firms' names and say nothing of which firm
 * ("General Motors Co.", "National Steel Corp."): never learned alone. */
static const char *const generic_firm_openers[] = {
    "general", "national", "united", "american", "international", "global", "first", "new", "royal", "standard",
    "universal", "continental", "pacific", "atlantic", "central", "western", "eastern", "northern", "southern",
    "great", "grand", "golden", "asian", "european", "british", "china", "japan", "korea", "india", NULL};


/* Words a firm's name tells its trade by ("Osaka Steel Corp."): never
 * learned alone, whatever comes before them. */
static const char *const trade_words[] = {
    "technology", "technologies", "steel", "metal", "metals", "motor", "motors", "electric", "electronics",
    "industries", "industrial", "industry", "trading", "textiles", "textile", "foods", "food", "chemical", "chemicals",
    "mining", "energy", "power", "solar", "paper", "glass", "cement", "ceramics", "rubber", "plastics", "machinery",
    "auto", "automotive", "holdings", "holding", "group", "capital", "securities", "bank", "insurance", "shipping",
    "logistics", "pharmaceutical", "pharmaceuticals", "medical", "systems", "software", "solutions", "trade",
    "import", "export", "imports", "exports", "manufacturing", "engineering", "construction", "agro", "dairy",
    "seafood", "fisheries", "garments", "apparel", "furniture", "wood", "timber", "oil", "gas", "petroleum",
    "sugar", "rice", "grain", "tea", "coffee", "cocoa", "fruit", "new", NULL};

/* Whether the name's first word is a place the document tags as one
 * ("Shenzhen" of "Shenzhen Voltcore Technology Co."). */
static int opens_with_place(const link_types *lt, const document *doc, const name_span *names, size_t count,
                            const token *word)
{
    for (size_t i = 0; i < count; i++)
        if (names[i].s->type == lt->gpe && names[i].end == names[i].first + 1) {
            const token *place = &doc->tokens.items[names[i].first];
            if (place->end - place->start == word->end - word->start &&
                !memcmp(doc->text.clean + place->start, doc->text.clean + word->start, word->end - word->start))
                return 1;
        }
    return 0;
}

/* "Ruch SA", "Kingsford Rare Metals Ltd.": a firm named by capitalised
 * words and its legal form is its first word alone later ("Ruch said",
 * "Kingsford would offer"), unless that word opens many firms' names; a
 * firm whose name opens with a place the document names is its second word
 * ("Voltcore" of "Shenzhen Voltcore Technology Co."), unless that word
 * tells its trade or the article writes it in lower case. A rule's guess
 * that the word is a person gives way to it; any other type a rule gave
 * the word stays ("Texas" of a "Texas AG"). */
static void learn_firm_names(const link_types *lt, const document *doc, const name_span *names, size_t count,
                             const uint8_t *starts, word_table *t)
{
    for (size_t i = 0; i < count; i++) {
        const span *s = names[i].s;
        size_t first = names[i].first, end = names[i].end;
        if (s->type != lt->org || end < first + 2 || !(starts[end - 1] & STARTS_LEGAL_FORM))
            continue;
        const token *word = &doc->tokens.items[first];
        if (end > first + 2 && lt->gpe >= 0 && opens_with_place(lt, doc, names, count, word)) {
            word = &doc->tokens.items[++first];
            if (word->kind != TOK_WORD || !(word->flags & TOKF_CAPITALIZED) ||
                (starts[first] & STARTS_LEGAL_FORM) || token_is_one_of(doc->text.clean, word, trade_words) ||
                lower_in_article(doc, doc->text.clean + word->start, word->end - word->start, doc->len))
                continue;
        }
        if (word->kind != TOK_WORD || !(word->flags & TOKF_CAPITALIZED) ||
            (end > first + 2 && token_is_one_of(doc->text.clean, word, generic_firm_openers)))
            continue;
        /* a person named in full keeps the word ("Han Seung-woo", then
         * "Han River Times Co., Ltd." in the copyright line): the firm still
         * goes by its whole name */
        const known_word *person = find_word(t, doc->text.clean + word->start, word->end - word->start);
        if (person && person->type == lt->person)
            continue;
        size_t known = t->count;
        learn_word(t, doc, doc->text.clean + word->start, word->end - word->start, s->type, s->norm, 0);
        if (t->count > known)
            t->items[known].retypes = lt->person;
    }
}

/* Head words a body goes by alone once named in full: "the Commission"
 * after the European Commission, "the Coalition" after the Gulf and
 * Atlantic Shrimpers Coalition (rules/30-names.rules, org-short-form, tags
 * them). Two bodies with one head share it, and it keeps its own norm. */
static const char *const body_heads[] = {"commission", "council", "ministry", "department", "cabinet", "committee",
                                         "coalition", "federation", "association", "alliance", "chamber", "agency",
                                         NULL};

/* Bodies named in full by two or more words ending in a head word: the
 * head word alone is that body. */
static void learn_body_heads(const link_types *lt, const document *doc, const name_span *names, size_t count,
                             word_table *t)
{
    for (size_t i = 0; i < count; i++) {
        const span *s = names[i].s;
        size_t first = names[i].first, end = names[i].end;
        if (s->type != lt->org || end < first + 2)
            continue;
        const token *head = &doc->tokens.items[end - 1];
        if (head->kind != TOK_WORD || !(head->flags & TOKF_CAPITALIZED) ||
            !token_is_one_of(doc->text.clean, head, body_heads))
            continue;
        size_t known = t->count;
        learn_word(t, doc, doc->text.clean + head->start, head->end - head->start, s->type, s->norm, 0);
        if (t->count > known)
            t->items[known].tagged_only = 1; /* "Department officials said" is no one body */
    }
}

/* A department named in full by its portfolio ("the U.S. Department of
 * Commerce", "the Commerce Department") goes by the portfolio alone later
 * ("Commerce found that ..."), unless the article also writes the word in
 * lower case ("agriculture"), a common noun there. */
static void learn_department_portfolios(const link_types *lt, const document *doc, const name_span *names,
                                        size_t count, word_table *t)
{
    static const char *const department[] = {"department", NULL};
    /* portfolios news names a department by alone; not "State" ("State
     * media"), "Justice" ("Justice was not served") */
    static const char *const portfolios[] = {"commerce", "agriculture", "labor", "labour", "interior",
                                             "transportation", "energy", "defense", "defence", NULL};
    for (size_t i = 0; i < count; i++) {
        const span *s = names[i].s;
        size_t first = names[i].first, end = names[i].end;
        if (s->type != lt->org || end < first + 2)
            continue;
        const token *toks = doc->tokens.items, *portfolio;
        if (token_is_one_of(doc->text.clean, &toks[end - 1], department))
            portfolio = &toks[end - 2];
        else if (end >= first + 3 && token_is_one_of(doc->text.clean, &toks[end - 3], department) &&
                 toks[end - 2].end - toks[end - 2].start == 2 && !memcmp(doc->text.clean + toks[end - 2].start, "of", 2))
            portfolio = &toks[end - 1];
        else
            continue;
        size_t len = portfolio->end - portfolio->start;
        if (portfolio->kind != TOK_WORD || !(portfolio->flags & TOKF_CAPITALIZED) ||
            !token_is_one_of(doc->text.clean, portfolio, portfolios) || lower_word_in_article(doc, portfolio))
            continue;
        size_t known = t->count;
        learn_word(t, doc, doc->text.clean + portfolio->start, len, s->type, s->norm, 0);
        if (t->count > known)
            t->items[known].alone = 1;
    }
}

/* One-word names as typed by the rules. */
static void learn_one_word_names(const document *doc, const name_span *names, size_t count, word_table *t)
{
    for (size_t i = 0; i < count; i++) {
        const span *s = names[i].s;
        if (s->rule < 0)
            continue;
        size_t first = names[i].first;
        if (names[i].end == first + 1 && is_name_token(&doc->tokens.items[first]))
            learn_name_word(t, doc, doc->text.clean + s->start, s->end - s->start, s->type, s->norm, 1);
    }
}

/* What the table knows of token tok: as written, or for a word in capitals
 * ("SHEARER" in a headline) as the capitalised word the text uses elsewhere
 * ("Shearer"). */
static const known_word *find_token_word(const word_table *t, const document *doc, const token *tok)
{
    const char *text = doc->text.clean + tok->start;
    size_t len = tok->end - tok->start;
    const known_word *w = find_word(t, text, len);
    char title[64];
    if (w || !(tok->flags & TOKF_ALL_CAPS) || len < 3 || len >= sizeof title)
        return w;
    for (size_t i = 0; i < len; i++) {
        if (text[i] < 'A' || text[i] > 'Z')
            return NULL;
        title[i] = (char)(i ? text[i] + ('a' - 'A') : text[i]);
    }
    return find_word(t, title, len);
}

/* Whether the first len bytes of a norm end with the word w of n bytes,
 * after a space. */
static int ends_with_name_word(const char *norm, size_t len, const char *w, size_t n)
{
    return len > n + 1 && !memcmp(norm + len - n, w, n) && norm[len - n - 1] == ' ';
}

/* Where a person's mention s of one word starts once the lower-case
 * particles its full name (s's norm) has right before that word are taken
 * in, where the text has them there too: "de los Santos said" after
 * "Victorino de los Santos", "van Dijkhuizen" after "Joost van
 * Dijkhuizen". */
static uint32_t start_with_particles(const document *doc, const span *s)
{
    const char *norm = doc_string(doc, s->norm), *word = doc->text.clean + s->start;
    size_t norm_len = strlen(norm), n = s->end - s->start;
    if (!ends_with_name_word(norm, norm_len, word, n)) {
        /* the father's surname before the mother's ("de la Fuente" of
         * "Rogelio de la Fuente Ochoa") */
        size_t space = norm_len;
        while (space > 0 && norm[space - 1] != ' ')
            space--;
        if (!space || !ends_with_name_word(norm, space - 1, word, n))
            return s->start;
        norm_len = space - 1;
    }
    /* back over the lower-case words before the surname in the norm */
    size_t from = norm_len - n;
    for (int words = 0; words < 2; words++) {
        size_t at = from - 1; /* the space before the word */
        size_t begin = at;
        while (begin > 0 && norm[begin - 1] != ' ')
            begin--;
        if (begin == 0 || begin == at || !islower((unsigned char)norm[begin]))
            break;
        from = begin;
    }
    size_t particles = norm_len - n - from;
    if (!particles || s->start < particles)
        return s->start;
    uint32_t start = s->start - (uint32_t)particles;
    /* the particles must open a token ("pro-von der Leyen" has none) */
    if (strncasecmp(doc->text.clean + start, norm + from, particles) ||
        doc->tokens.items[token_at_or_after(&doc->tokens, start)].start != start)
        return s->start;
    return start;
}

/* Gives a tagged one-word mention what the table knows: the norm, where
 * the type is the same and the word not shared (and the type too, where a
 * surname or an acronym says so); a person's, its particles too where no
 * span before it reaches past offset free_from. */
static void give_known_meaning(const word_table *t, const document *doc, span *s, uint32_t free_from)
{
    const known_word *w = find_word(t, doc->text.clean + s->start, s->end - s->start);
    if (!w || w->ambiguous)
        return;
    if (w->type != s->type && w->strong && s->rule >= 0 && (w->retypes < 0 || w->retypes == s->type)) {
        /* "Jordan" after "Michael Jordan": the person, not the list's country */
        s->type = w->type;
        s->attr_count = 0;
    }
    if (w->type == s->type && !w->shared) {
        s->norm = w->norm;
        uint32_t start = (int)w->type == t->person ? start_with_particles(doc, s) : s->start;
        if (start != s->start && start >= free_from) {
            s->start = start;
            s->first_token = (uint32_t)token_at_or_after(&doc->tokens, start);
        }
    }
}

/* Whether offset at, a token's start, lies under a visible span: the spans
 * by start (resolve.h) are walked along with rising offsets, *passed of
 * them passed, keeping in *reach the furthest end of those passed. */
static int under_visible_span(const document *doc, const span_position *by_start, size_t listed, size_t *passed,
                              uint32_t *reach, uint32_t at)
{
    for (; *passed < listed && by_start[*passed].start <= at; (*passed)++) {
        const span *s = &doc->spans[by_start[*passed].index];
        if (visible(s) && s->end > *reach)
            *reach = s->end;
    }
    return at < *reach;
}

/* Whether the word tok goes on with "and" or a capitalised word. */
static int goes_on_as_name(const document *doc, const token *tok)
{
    const token *next = tok + 1, *end = doc->tokens.items + doc->tokens.count;
    return next < end && next->kind == TOK_WORD &&
           ((next->flags & TOKF_CAPITALIZED) ||
            token_is_one_of(doc->text.clean, next, (const char *const[]){"and", NULL}));
}

/* Gives untagged one-word mentions of a known word a new span, which joins
 * v (room for one per token). A token is untagged when no visible span
 * holds its start (under_visible_span). */
static void tag_known_words(document *doc, const word_table *t, visible_spans *v, const span_position *by_start,
                            size_t listed, const uint8_t *starts)
{
    if (!t->count)
        return;
    size_t passed = 0;   /* by_start[0..passed) start at or before the token */
    uint32_t reach = 0;  /* the furthest end of the visible ones */
    for (const token *tok = doc->tokens.items, *end = tok + doc->tokens.count;; tok++) {
        /* most tokens are neither capitalised nor in capitals: a loop of
         * their own passes them */
        while (tok < end && !(tok->flags & (TOKF_CAPITALIZED | TOKF_ALL_CAPS)))
            tok++;
        if (tok == end)
            break;
        if (!is_name_token(tok))
            continue;
        if (under_visible_span(doc, by_start, listed, &passed, &reach, tok->start) ||
            (starts[tok - doc->tokens.items] & STARTS_LINKED))
            continue;
        const known_word *w = find_token_word(t, doc, tok);
        if (!w || w->ambiguous || w->tagged_only || (w->alone && goes_on_as_name(doc, tok)))
            continue;
        span s = {.start = tok->start, .end = tok->end, .type = w->type, .phase = UINT16_MAX, .rule = -1,
                  .norm = w->shared ? doc_intern(doc, w->text, w->len) : w->norm};
        uint32_t with_particles = (int)w->type == t->person && !w->shared ? start_with_particles(doc, &s) : s.start;
        if (with_particles >= reach)
            s.start = with_particles;
        v->index[v->count++] = (uint32_t)doc_add_span(doc, &s);
    }
}

/* Whether the n bytes at word occur in lower case as a token of the
 * article, before from: then the word is a common one there ("rice",
 * "bush"), not the name. */
static int lower_in_article(const document *doc, const char *word, size_t n, size_t from)
{
    for (size_t i = 0; i < doc->tokens.count && doc->tokens.items[i].start < from; i++) {
        const token *tok = &doc->tokens.items[i];
        if ((tok->flags & TOKF_LOWER) && tok->end - tok->start == n && !memcmp(doc->text.clean + tok->start, word, n))
            return 1;
    }
    return 0;
}

/* The countries and peoples the word lists name in any case (the helpers
 * of lt) that start at offset from or after and are all lower case, by
 * start, into out as indexes of doc->spans (which adding a span may move;
 * room for spans->helper_count); returns how many.
 * Lower-case words that are more often something else ("turkey", "chile")
 * are left out. */
static size_t lower_places(const document *doc, const link_types *lt, const resolved_spans *spans, size_t from,
                           uint32_t *out)
{
    static const char *const other_things[] = {"turkey", "chile", "guinea", "jersey", "chad", "polish", NULL};
    size_t count = 0;
    for (size_t k = 0; k < spans->helper_count; k++) {
        const span *h = &doc->spans[spans->helpers[k]];
        if (h->start < from || ((int)h->type != lt->place_any_case && (int)h->type != lt->people_any_case) ||
            (doc->tokens.items[h->first_token].end == h->end &&
             token_is_one_of(doc->text.clean, &doc->tokens.items[h->first_token], other_things)))
            continue;
        int lower = 1;
        for (size_t i = h->first_token; lower && i < doc->tokens.count && doc->tokens.items[i].start < h->end; i++)
            lower = (doc->tokens.items[i].flags & TOKF_LOWER) != 0;
        if (!lower)
            continue;
        size_t at = count++; /* by start, the longest first ("united states of america") */
        for (; at > 0 && (doc->spans[out[at - 1]].start > h->start ||
                          (doc->spans[out[at - 1]].start == h->start && doc->spans[out[at - 1]].end < h->end));
             at--)
            out[at] = out[at - 1];
        out[at] = spans->helpers[k];
    }
    return count;
}

/* The norm of a country or people found in lower case: the list's norm
 * where the entry has one ("burma" is Myanmar) or it has capitals, else its
 * words capitalised but for the small ones ("south korea" is South Korea,
 * "bosnia and herzegovina" Bosnia and Herzegovina). */
static uint32_t title_case_norm(document *doc, const span *place)
{
    static const char *const small_words[] = {"and", "of", "the", "da", "de", "del", "do", "dos", "das", "du",
                                              "des", "la", "le", "y", "e", "et", "von", "van", "al", NULL};
    const char *norm = doc_string(doc, place->norm);
    size_t n = strlen(norm);
    char title[64];
    if (n >= sizeof title)
        return place->norm;
    for (size_t i = 0; i < n; i++)
        if (isupper((unsigned char)norm[i]))
            return place->norm;
    memcpy(title, norm, n);
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && norm[i - 1] != ' ' && norm[i - 1] != '-')
            continue;
        size_t len = strcspn(norm + i, " -");
        int small = 0;
        for (const char *const *w = small_words; *w && !small; w++)
            small = i > 0 && strlen(*w) == len && !memcmp(norm + i, *w, len);
        if (!small)
            title[i] = (char)toupper((unsigned char)norm[i]);
    }
    return doc_intern(doc, title, n);
}

/* Readers write names in lower case ("my uncle in panchthar", "szekeres is
 * right", "the buyer in germany"): in the reader comments, an untagged
 * lower-case word whose capitalised form (each part of a hyphenated one
 * too) the table knows as a person,
 * place or people, or a country or people the word lists name in any
 * case, and which the article never writes in lower case, is that name. */
static void tag_lowercase_names(document *doc, const link_types *lt, const word_table *t, visible_spans *v,
                                const resolved_spans *spans, const uint8_t *starts, document_scratch *scratch)
{
    size_t comments = SIZE_MAX;
    for (size_t i = 0; i < doc->structure_count; i++)
        if (doc->structure[i].element == LE_COMMENT && doc->structure[i].start < comments)
            comments = doc->structure[i].start;
    if (comments == SIZE_MAX)
        return;
    uint32_t *places = scratch_take(scratch, (spans->helper_count + 1) * sizeof *places);
    size_t place_count = lt->gpe >= 0 && lt->norp >= 0 ? lower_places(doc, lt, spans, comments, places) : 0,
           next_place = 0;
    if (!t->count && !place_count)
        return;
    size_t passed = 0;
    uint32_t reach = 0;
    for (size_t i = token_at_or_after(&doc->tokens, comments); i < doc->tokens.count; i++) {
        const token *tok = &doc->tokens.items[i];
        size_t n = tok->end - tok->start;
        const char *text = doc->text.clean + tok->start;
        if (!(tok->flags & TOKF_LOWER) || tok->kind != TOK_WORD || n >= 64 || *text < 'a' || *text > 'z')
            continue;
        if (under_visible_span(doc, spans->by_start, spans->by_start_count, &passed, &reach, tok->start) ||
            (starts[i] & STARTS_LINKED) || tok->start < reach)
            continue;
        /* a name of the table of four letters or more ("new zealand" is a
         * place of the lists, "new" no name; "son", "ban", "van" are words
         * before they are names) */
        char title[64];
        memcpy(title, text, n);
        title[0] = (char)(title[0] - ('a' - 'A'));
        const known_word *w = t->count && n >= 4 ? find_word(t, title, n) : NULL;
        /* readers drop every capital of a hyphenated name ("aldington-hape"
         * for Aldington-Hape), where the table may keep a lower-case part
         * ("Han-koo"): that form is looked up first */
        if (!w && t->count && n >= 4 && memchr(title, '-', n)) {
            for (size_t k = 1; k + 1 < n; k++)
                if (title[k] == '-' && title[k + 1] >= 'a' && title[k + 1] <= 'z')
                    title[k + 1] = (char)(title[k + 1] - ('a' - 'A'));
            w = find_word(t, title, n);
        }
        span s = {.start = tok->start, .end = tok->end, .phase = UINT16_MAX, .rule = -1};
        if (w && !w->ambiguous && !w->tagged_only && !w->shared && w->type != lt->org) {
            s.type = w->type;
            s.norm = w->norm;
        } else {
            while (next_place < place_count && doc->spans[places[next_place]].start < tok->start)
                next_place++;
            if (next_place == place_count || doc->spans[places[next_place]].start != tok->start ||
                doc->spans[places[next_place]].end - tok->start < 4)
                continue;
            const span *place = &doc->spans[places[next_place]];
            s.end = place->end;
            s.type = (uint16_t)((int)place->type == lt->place_any_case ? lt->gpe : lt->norp);
            s.norm = title_case_norm(doc, place);
        }
        if (lower_in_article(doc, doc->text.clean + s.start, s.end - s.start, comments))
            continue;
        v->index[v->count++] = (uint32_t)doc_add_span(doc, &s);
        reach = s.end; /* a place of two words ("south korea") is passed whole */
    }
}

/* Whether token tok is a word written in lower case, or capitalised only
 * as a sentence's first word would be ("Hilsa is ..."): its text in lower
 * case goes to out (cap bytes), its length returned; 0 for any other. */
static size_t lower_word(const document *doc, const token *tok, char *out, size_t cap)
{
    size_t n = tok->end - tok->start;
    const char *text = doc->text.clean + tok->start;
    if (tok->kind != TOK_WORD || n >= cap || (tok->flags & TOKF_ALL_CAPS))
        return 0;
    memcpy(out, text, n);
    if (tok->flags & TOKF_LOWER)
        return n;
    if (!(tok->flags & TOKF_CAPITALIZED) || *text < 'A' || *text > 'Z')
        return 0;
    out[0] = (char)(out[0] + ('a' - 'A'));
    for (size_t i = 1; i < n; i++)
        if (out[i] >= 'A' && out[i] <= 'Z')
            return 0;
    return n;
}

/* Goods a rule found from what stands around them, not from a word list
 * ("a ban on hilsa exports", "sunflower seed" of a goods word and a
 * product word), and a list's goods of two words or more ("tomato paste",
 * "cork stoppers"): their last word names them in the rest of the document
 * ("exports of hilsa", "tonnes of seed", "the paste ban"); not a word
 * that names any goods ("products", "units") or is more often something
 * else ("parts", "fuel"). Lower-case words only: a
 * list's single words are found wherever they stand, and a capitalised
 * phrase is a name. */
static void learn_goods(const ann_rules *rules, const link_types *lt, document *doc, const visible_spans *v,
                        word_table *t)
{
    /* words for any goods, and words more often something else ("parts of
     * Osaka", "will fuel inflation", "the paper said", "skipped a meal") */
    static const char *const any_goods[] = {
        "products", "goods", "units", "items", "equipment", "machinery", "materials", "supplies", "commodities",
        "parts",    "fuel",  "paper", "drugs", "meal",      "bars",      "water",     "feed",     "power",
        "plants",   "lines", "cells", "sheets", "cuts",     "tops",      "sets",      "kits",     "stock",
        "stocks",   NULL};
    for (size_t i = 0; i < v->count; i++) {
        const span *s = &doc->spans[v->index[i]];
        if ((int)s->type != lt->goods || s->rule < 0)
            continue;
        size_t first, end;
        span_tokens(doc, s, &first, &end);
        if (rules->rules[s->rule].list_path &&
            (end < first + 2 || token_is_one_of(doc->text.clean, &doc->tokens.items[end - 1], any_goods)))
            continue;
        int lower = end > first;
        for (size_t k = first; k < end && lower; k++)
            lower = doc->tokens.items[k].kind == TOK_WORD && (doc->tokens.items[k].flags & TOKF_LOWER);
        const token *head = &doc->tokens.items[end - 1];
        if (!lower || head->end - head->start < 3)
            continue;
        const char *text = doc->text.clean + head->start;
        size_t before = t->count;
        learn_word(t, doc, text, head->end - head->start, s->type, s->norm, 0);
        if (t->count > before)
            t->items[before].phrase_from = s->start;
    }
}

/* The first token of the goods phrase w whose last word is token head, where
 * the words before head are the phrase's, in lower case, untagged (no span
 * reaches past free_from, none link added): "sunflower seed" where the
 * phrase is; else head, "seed" alone. */
static size_t goods_phrase_start(const document *doc, const known_word *w, size_t head, uint32_t free_from,
                                 const uint8_t *starts)
{
    size_t phrase_len = (size_t)(w->text - doc->text.clean) + w->len - w->phrase_from;
    const token *last = &doc->tokens.items[head];
    if (phrase_len == w->len || last->end < phrase_len)
        return head;
    uint32_t from = last->end - (uint32_t)phrase_len;
    if (from < free_from || memcmp(doc->text.clean + from, doc->text.clean + w->phrase_from, phrase_len))
        return head;
    size_t first = head;
    while (first > 0 && doc->tokens.items[first - 1].end > from)
        first--;
    if (doc->tokens.items[first].start != from)
        return head;
    for (size_t k = first; k < head; k++)
        if (starts[k] & STARTS_LINKED)
            return head;
    return first;
}

/* Gives untagged mentions of goods learn_goods knows a span of their own,
 * which joins v: the goods' phrase where the text repeats it, else the
 * word alone. Tokens marked STARTS_LINKED in starts[] are tagged already.
 * Most tokens are no known goods: the length and the table's sketch say
 * so before the spans are looked at. */
static void tag_known_goods(document *doc, const word_table *t, visible_spans *v, const span_position *by_start,
                            size_t listed, const uint8_t *starts)
{
    if (!t->count)
        return;
    size_t passed = 0;
    uint32_t reach = 0, added_end = 0;
    for (size_t i = 0; i < doc->tokens.count; i++) {
        const token *tok = &doc->tokens.items[i];
        size_t n = tok->end - tok->start;
        if (n < 3 || n > t->longest || tok->kind != TOK_WORD || (starts[i] & STARTS_LINKED))
            continue;
        /* the sketch of the word in lower case, before copying it: a
         * capital can only open it */
        const char *raw = doc->text.clean + tok->start;
        char opening = *raw >= 'A' && *raw <= 'Z' ? (char)(*raw + ('a' - 'A')) : *raw;
        unsigned sketch = sketch_from((unsigned char)opening, (unsigned char)raw[n - 1], n);
        if (!(t->sketch[sketch / 64] >> (sketch % 64) & 1))
            continue;
        char word[64];
        n = lower_word(doc, tok, word, sizeof word);
        const known_word *w = n ? find_word(t, word, n) : NULL;
        if (!w || w->ambiguous || under_visible_span(doc, by_start, listed, &passed, &reach, tok->start))
            continue;
        size_t first = w->shared ? i : goods_phrase_start(doc, w, i, reach > added_end ? reach : added_end, starts);
        span s = {.start = doc->tokens.items[first].start, .end = tok->end, .type = w->type, .phase = UINT16_MAX,
                  .rule = -1, .norm = w->shared ? doc_intern(doc, word, n) : w->norm};
        v->index[v->count++] = (uint32_t)doc_add_span(doc, &s);
        added_end = tok->end;
    }
}

static int by_position_start(const void *a, const void *b)
{
    const span_position *x = a, *y = b;
    return (x->start > y->start) - (x->start < y->start);
}

/* Puts v->index[from..) in order by start (no two of them start together):
 * each tagging pass adds its spans in order, and order_by_start merges them
 * with the resolver's as one list. Sorted, not inserted: the passes' runs
 * interleave, and a document may hold thousands of each. */
static void sort_added(const document *doc, visible_spans *v, size_t from, document_scratch *scratch)
{
    size_t n = v->count - from;
    if (n < 2)
        return;
    span_position *order = scratch_take(scratch, n * sizeof *order);
    for (size_t i = 0; i < n; i++)
        order[i] = (span_position){doc->spans[v->index[from + i]].start, v->index[from + i]};
    qsort(order, n, sizeof *order, by_position_start);
    for (size_t i = 0; i < n; i++)
        v->index[from + i] = order[i].index;
}

/* A (type, norm) meaning of the document, and its first mention: the
 * leftmost, of two starting together the one found first. */
typedef struct {
    const char *norm;     /* in the pool, which does not move until the refs are interned */
    uint64_t hash;        /* pool_text_hash of the norm, and the type */
    uint32_t norm_len;
    uint16_t type;
    uint32_t start, end;  /* of the first mention */
    uint32_t id;          /* the order it was met in */
} meaning;

/* Orders two meanings of one first mention: a hash, so the order does not
 * depend on the order they were met in. Rarely needed, so computed then. */
static uint64_t norm_hash(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
    return h;
}

/* Document order, the outer of two mentions starting together first. */
static int by_first_mention(const meaning *x, const meaning *y)
{
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    if (x->type != y->type)
        return x->type < y->type ? -1 : 1;
    uint64_t hx = norm_hash(x->norm), hy = norm_hash(y->norm);
    return (hx > hy) - (hx < hy);
}

/* The first k bytes (k < 8) of a loaded word, the others 0. */
static uint64_t first_bytes(uint64_t word, size_t k)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return k ? word & ~0ULL << (64 - 8 * k) : 0;
#else
    return word & ((1ULL << (8 * k)) - 1);
#endif
}

/* A hash of the norm at pool offset off, and its length: one pass over it
 * eight bytes at a time, which finds its NUL on the way, as a strlen and
 * then text_hash read it twice and cost as much again. Near the end of
 * the pool, where eight bytes would run past it, the last bytes are read
 * one by one into the same word, so a text's hash is the same wherever it
 * lies. */
static uint64_t pool_text_hash(const document *doc, uint32_t off, size_t *len)
{
    const char *s = doc->pool + off;
    size_t room = doc->pool_len - off; /* the bytes from s to the end of the pool */
    uint64_t h = 0x9E3779B97F4A7C15ULL, low7 = 0x7F7F7F7F7F7F7F7FULL;
    size_t n = 0;
    for (; n + 8 <= room; n += 8) {
        uint64_t word = load64(s + n);
        uint64_t zero = ~(((word & low7) + low7) | word | low7); /* the top bit of each 0 byte, exactly */
        if (zero) {
            size_t k = swar_first_marked(zero);
            *len = n + k;
            return mix(h ^ first_bytes(word, k) ^ *len);
        }
        h = mix(h ^ word);
    }
    char tail[8] = {0};
    size_t k = 0;
    for (; s[n + k]; k++)
        tail[k] = s[n + k];
    *len = n + k;
    return mix(h ^ load64(tail) ^ *len);
}

/* The meaning of span s in the table (slots hold an index into meanings + 1,
 * 0 for empty), added when new: s is then its first mention, as the spans
 * come by start and, starting together, in the order found. */
static uint32_t meaning_of(const document *doc, const span *s, meaning *meanings, size_t *count, uint32_t *slots,
                           size_t mask)
{
    const char *norm = doc_string(doc, s->norm);
    size_t len;
    uint64_t h = mix(pool_text_hash(doc, s->norm, &len) ^ s->type);
    size_t slot = (size_t)h & mask;
    for (; slots[slot]; slot = (slot + 1) & mask) {
        const meaning *m = &meanings[slots[slot] - 1];
        if (m->hash == h && m->type == s->type && m->norm_len == len && !memcmp(m->norm, norm, len))
            return m->id;
    }
    meanings[*count] = (meaning){norm, h, (uint32_t)len, s->type, s->start, s->end, (uint32_t)*count};
    slots[slot] = (uint32_t)++*count;
    return meanings[*count - 1].id;
}

/* Interns "e1", "e2", ... "e<count>" and sets ref_of_meaning[meanings[g].id]
 * to the offset of "e<g+1>". One copy into the pool for them all, which
 * then holds the same bytes as interning them one by one; the number is
 * counted up in decimal, not converted for each ref. */
static void intern_refs(document *doc, const meaning *meanings, size_t count, uint32_t *ref_of_meaning,
                        document_scratch *scratch)
{
    size_t width = 1; /* the digits of count */
    for (size_t rest = count; rest >= 10; rest /= 10)
        width++;
    /* ref: "e", the digits, NUL; copied whole, so refs has room for one
     * more past its last */
    char ref[24] = "e";
    char *refs = scratch_take(scratch, count * (width + 2) + sizeof ref), *number = ref + 1;
    size_t len = 0, digits = 0;
    for (size_t g = 0; g < count; g++) {
        size_t d = digits; /* number += 1 */
        while (d > 0 && number[d - 1] == '9')
            number[--d] = '0';
        if (d > 0) {
            number[d - 1]++;
        } else {
            memmove(number + 1, number, ++digits);
            number[0] = '1';
        }
        ref_of_meaning[meanings[g].id] = (uint32_t)len;
        memcpy(refs + len, ref, sizeof ref);
        len += digits + 2;
    }
    uint32_t base = doc_intern(doc, refs, len - 1);
    for (size_t g = 0; g < count; g++)
        ref_of_meaning[meanings[g].id] += base;
}

/* Lists in ordered the visible spans in the order refs are numbered: by
 * start, starting together in the order found. The resolver's (by_start,
 * resolve.h) and the ones tag_known_words added (v->index[added_from..),
 * by start too, and never starting where another visible span does)
 * merged. The same pass gives the resolver's spans what the table t knows
 * (give_known_meaning). */
static size_t order_by_start(document *doc, const word_table *t, const visible_spans *v, size_t added_from,
                             const span_position *by_start, size_t listed, uint32_t *ordered)
{
    size_t count = 0, a = added_from;
    uint32_t reach = 0; /* the furthest end of the spans ordered so far */
    for (size_t k = 0; k < listed; k++) {
        for (; a < v->count && doc->spans[v->index[a]].start < by_start[k].start; a++) {
            ordered[count++] = v->index[a];
            if (doc->spans[v->index[a]].end > reach)
                reach = doc->spans[v->index[a]].end;
        }
        span *s = &doc->spans[by_start[k].index];
        if (!visible(s))
            continue;
        /* a span listed after it at the same start (one nesting it) keeps
         * the particles from being taken in */
        if (t->count)
            give_known_meaning(t, doc, s,
                               k + 1 < listed && by_start[k + 1].start == by_start[k].start ? UINT32_MAX : reach);
        ordered[count++] = by_start[k].index;
        if (s->end > reach)
            reach = s->end;
    }
    for (; a < v->count; a++)
        ordered[count++] = v->index[a];
    return count;
}

/* Numbers the (type, norm) meanings in order of first mention. The
 * meanings are found with a hash table, in one pass over the spans by
 * start, which meets them nearly in order: only meanings first mentioned
 * at one place can be out of order, and an insertion sort puts them right. */
static const uint32_t *assign_refs(document *doc, const word_table *t, const visible_spans *v, size_t added_from,
                                   const span_position *by_start, size_t listed, document_scratch *scratch)
{
    size_t mentions = v->count; /* at most: nearly every visible span has a norm */
    if (!mentions)
        return NULL;
    size_t slot_count = 4;
    while (slot_count < 2 * mentions)
        slot_count *= 2;
    uint32_t *slots = scratch_take(scratch, slot_count * sizeof *slots);
    memset(slots, 0, slot_count * sizeof *slots);
    meaning *meanings = scratch_take(scratch, mentions * sizeof *meanings);
    uint32_t *ordered = scratch_take(scratch, mentions * sizeof *ordered);
    uint32_t *meaning_of_span = scratch_take(scratch, mentions * sizeof *meaning_of_span); /* by position in ordered */
    size_t span_count = order_by_start(doc, t, v, added_from, by_start, listed, ordered), count = 0;
    for (size_t i = 0; i < span_count; i++) {
        const span *s = &doc->spans[ordered[i]];
        if (s->norm != NO_STRING)
            meaning_of_span[i] = meaning_of(doc, s, meanings, &count, slots, slot_count - 1);
    }
    for (size_t i = 1; i < count; i++) {
        if (meanings[i].start > meanings[i - 1].start || by_first_mention(&meanings[i], &meanings[i - 1]) >= 0)
            continue;
        meaning moving = meanings[i];
        size_t j = i;
        for (; j > 0 && by_first_mention(&moving, &meanings[j - 1]) < 0; j--)
            meanings[j] = meanings[j - 1];
        meanings[j] = moving;
    }
    uint32_t *ref_of_meaning = slots; /* the table is done with: reused, indexed by id */
    intern_refs(doc, meanings, count, ref_of_meaning, scratch);
    for (size_t i = 0; i < span_count; i++) {
        span *s = &doc->spans[ordered[i]];
        if (s->norm != NO_STRING)
            s->ref = ref_of_meaning[meaning_of_span[i]];
    }
    return ordered;
}

void link_document(const ann_rules *rules, document *doc, resolved_spans *spans, document_scratch *scratch)
{
    link_types lt;
    find_types(rules, &lt);
    uint8_t *starts = scratch_take(scratch, doc->tokens.count + 1);
    memset(starts, 0, doc->tokens.count + 1);
    for (size_t i = 0; i < spans->helper_count; i++) {
        const span *s = &doc->spans[spans->helpers[i]];
        if ((int)s->type == lt.surname_first)
            starts[s->first_token] |= STARTS_FAMILY_NAME;
        else if ((int)s->type == lt.legal_form)
            starts[s->first_token] |= STARTS_LEGAL_FORM;
        else if ((int)s->type == lt.first_name)
            starts[s->first_token] |= STARTS_GIVEN_NAME;
    }
    /* room for 32 words: a document's names give a few dozen */
    word_table t = {.items = scratch_take(scratch, 32 * sizeof *t.items), .cap = 32, .scratch = scratch,
                    .person = lt.person};
    uint32_t *spelled = scratch_take(scratch, (doc->tokens.count / 3 + 1) * sizeof *spelled);
    size_t spelled_count = lt.org >= 0 ? name_spelled_by_acronym(doc, &lt, spans, starts, &t, spelled) : 0;
    if (lt.person >= 0)
        widen_given_names(&lt, doc, spans);
    visible_spans v = {spans->visible, 0};
    size_t name_count;
    name_span *names = list_names(&lt, doc, spans, &v, &name_count, scratch);
    if (lt.person >= 0)
        learn_surnames(&lt, doc, names, name_count, starts, &t);
    if (lt.org >= 0) {
        learn_firm_names(&lt, doc, names, name_count, starts, &t);
        learn_body_heads(&lt, doc, names, name_count, &t);
        learn_department_portfolios(&lt, doc, names, name_count, &t);
    }
    learn_acronyms(doc, names, name_count, lt.org, &t);
    learn_one_word_names(doc, names, name_count, &t);
    size_t added_from = v.count;
    for (size_t i = 0; i < spelled_count; i++)
        v.index[v.count++] = spelled[i];
    tag_known_words(doc, &t, &v, spans->by_start, spans->by_start_count, starts);
    tag_lowercase_names(doc, &lt, &t, &v, spans, starts, scratch);
    if (lt.goods >= 0) {
        word_table goods = {.items = scratch_take(scratch, 8 * sizeof *goods.items), .cap = 8, .scratch = scratch,
                            .person = -1};
        learn_goods(rules, &lt, doc, &v, &goods);
        if (goods.count) {
            for (size_t i = added_from; i < v.count; i++) {
                const span *s = &doc->spans[v.index[i]];
                for (size_t k = s->first_token; k < doc->tokens.count && doc->tokens.items[k].start < s->end; k++)
                    starts[k] |= STARTS_LINKED;
            }
            tag_known_goods(doc, &goods, &v, spans->by_start, spans->by_start_count, starts);
        }
    }
    sort_added(doc, &v, added_from, scratch);
    spans->visible_by_start = assign_refs(doc, &t, &v, added_from, spans->by_start, spans->by_start_count, scratch);
    spans->visible_count = v.count;
}
