#include "quote.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "sort.h"

/* Tokens an attribution clause may span: between the closing mark and the
 * speech verb, or between the verb and the speaker. */
#define CLAUSE_WINDOW 6
/* Tokens an apposition after a speaker may span ("Ann Lee, a trade lawyer
 * at X, said"). */
#define APPOSITION_WINDOW 12
/* How many earlier people a title noun ("the minister") looks back at. */
#define TITLE_LOOKBACK 64

/* Hard-coded: a short closed set, not worth a list file. */
const char *const quote_pronouns[] = {"he", "she", NULL};
const char *const quote_locatives[] = {"in", "at", "near", "across", "outside", "inside", "around", "to", NULL};
const char *const quote_title_nouns[] = {
    "minister", "secretary", "president", "chancellor", "premier", "governor", "senator", "ambassador",
    "envoy", "commissioner", "negotiator", "spokesman", "spokeswoman", "spokesperson", "official",
    "chairman", "chairwoman", "chair", "director", "lawmaker", "mayor", "representative", NULL};

typedef enum { MARK_NONE, MARK_OPENS, MARK_CLOSES, MARK_EITHER } mark_kind;

/* Speaker candidates, best first: an organisation before a place, which
 * speaks only as a metonym ("Washington said") and is more often where
 * the speaker is ("an official at the ministry in Tokyo said"). */
enum { RANK_PERSON, RANK_ANAPHOR, RANK_ORG, RANK_PLACE, RANK_NONE };

typedef struct {
    int32_t span;         /* the entity naming the speaker, or -1 */
    int rank;             /* RANK_* */
} speaker;

typedef struct {
    uint32_t start, end;
    size_t span;          /* in doc->spans */
} mention;

typedef struct {
    document *doc;
    document_scratch *scratch; /* where the tables below come from */
    int person, org, title, speech;
    uint8_t speaker_types[MAX_TYPES / 8];
    /* per token of the paragraphs with quote marks (others are not set): */
    int32_t *entity_at;   /* the longest speaker entity starting there, or -1 */
    uint32_t *speech_next; /* 1 + the token after a speech verb starting there, 0 for none */
    uint32_t *sentence_of; /* its sentence, UINT32_MAX for none */
    uint8_t *is_mark;     /* per token of the document: a double quote mark */
    uint32_t *marks;      /* the tokens that are, in order */
    size_t mark_count, next_mark; /* next_mark: the first quote_paragraph has not reached */
    mention *persons;     /* visible PERSON spans by start */
    size_t person_count;
    mention *titles;      /* visible TITLE spans by end */
    size_t title_count;
    uint8_t *quoted;      /* per paragraph: holds two quote marks or more */
    uint8_t *quoted_bytes; /* a bit per byte: in such a paragraph */
} quote_ctx;

static const token *tok(const quote_ctx *c, size_t i)
{
    return &c->doc->tokens.items[i];
}

static mark_kind mark_at(const document *doc, const token *t)
{
    const char *s = doc->text.clean + t->start;
    size_t n = t->end - t->start;
    if (t->kind != TOK_PUNCT)
        return MARK_NONE;
    if (n == 1 && s[0] == '"')
        return MARK_EITHER;
    if (n == 3 && !memcmp(s, "\xE2\x80\x9C", 3)) /* “ */
        return MARK_OPENS;
    if (n == 3 && !memcmp(s, "\xE2\x80\x9D", 3)) /* ” */
        return MARK_CLOSES;
    return MARK_NONE;
}

static int token_is(const quote_ctx *c, size_t i, const char *word)
{
    return token_is_word(c->doc->text.clean, tok(c, i), word);
}

static int token_in(const quote_ctx *c, size_t i, const char *const *words)
{
    return token_is_one_of(c->doc->text.clean, tok(c, i), words);
}

/* Which way a straight mark faces, from what touches it: tokens i-1 and
 * i+1 within [first, end). */
static mark_kind straight_mark_kind(const quote_ctx *c, size_t i, size_t first, size_t end)
{
    const token *t = tok(c, i);
    int open_before = i == first || tok(c, i - 1)->end < t->start;
    if (!open_before) {
        char prev = c->doc->text.clean[tok(c, i - 1)->start];
        open_before = tok(c, i - 1)->kind == TOK_PUNCT && (prev == '(' || prev == '[' || prev == '{');
    }
    int open_after = i + 1 == end || tok(c, i + 1)->start > t->end ||
                     (tok(c, i + 1)->kind == TOK_PUNCT && !c->is_mark[i + 1]);
    if (open_before && !open_after)
        return MARK_OPENS;
    if (!open_before && open_after)
        return MARK_CLOSES;
    return MARK_EITHER;
}

/* ---- per-token tables ----------------------------------------------------------- */

static size_t first_token_of(const document *doc, uint32_t offset)
{
    return token_at_or_after(&doc->tokens, offset);
}

/* first_token_of(offset) for an offset at or after the start of span s:
 * spans are a few tokens long, so stepping on from its first token costs
 * less than a bisection. */
static size_t span_token_at_or_after(const document *doc, const span *s, uint32_t offset)
{
    size_t t = s->first_token;
    while (t < doc->tokens.count && doc->tokens.items[t].end <= offset)
        t++;
    return t;
}

/* By end, ending together in the order found (by index). */
static int by_end(const void *a, const void *b)
{
    const mention *x = a, *y = b;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return (x->span > y->span) - (x->span < y->span);
}

static uint32_t mention_end(const mention *m)
{
    return m->end;
}

DEFINE_SORT(merge_sort_by_end, mention, by_end)
DEFINE_POSITION_SORT(sort_by_end, mention, mention_end, by_end, merge_sort_by_end)

static int in_quoted_paragraph(const quote_ctx *c, uint32_t offset)
{
    return (c->quoted_bytes[offset / 8] >> (offset % 8)) & 1;
}

/* The tables cover the tokens of the paragraphs holding quote marks (the
 * only ones attribution reads); PERSON and TITLE mentions are listed from
 * the whole document, as a pronoun may point back past its paragraph. The
 * entities are the visible spans, the speech verbs helpers: both as the
 * resolver and link listed them (resolve.h), the entities by start, so
 * the PERSON mentions need no sort. */
static void build_tables(quote_ctx *c, const resolved_spans *listed)
{
    document *doc = c->doc;
    size_t n = doc->tokens.count;
    c->entity_at = scratch_take(c->scratch, n * sizeof *c->entity_at);
    c->speech_next = scratch_take(c->scratch, n * sizeof *c->speech_next);
    c->sentence_of = scratch_take(c->scratch, n * sizeof *c->sentence_of);
    c->quoted_bytes = scratch_take(c->scratch, doc->len / 8 + 1);
    memset(c->quoted_bytes, 0, doc->len / 8 + 1);
    for (size_t k = 0, sentence = 0; k < doc->paragraphs.count; k++) {
        const segment *p = &doc->paragraphs.items[k];
        if (!c->quoted[k])
            continue;
        uint32_t b = p->start;
        for (; b < p->end && b % 8; b++)
            c->quoted_bytes[b / 8] |= (uint8_t)(1u << (b % 8));
        if (p->end - b >= 8) {
            memset(c->quoted_bytes + b / 8, 0xFF, (p->end - b) / 8);
            b += (p->end - b) / 8 * 8;
        }
        for (; b < p->end; b++)
            c->quoted_bytes[b / 8] |= (uint8_t)(1u << (b % 8));
        /* all bits set: -1 and UINT32_MAX */
        memset(c->entity_at + p->first_token, 0xFF, p->token_count * sizeof *c->entity_at);
        memset(c->speech_next + p->first_token, 0, p->token_count * sizeof *c->speech_next);
        memset(c->sentence_of + p->first_token, 0xFF, p->token_count * sizeof *c->sentence_of);
        while (sentence < doc->sentences.count && doc->sentences.items[sentence].end <= p->start)
            sentence++;
        for (; sentence < doc->sentences.count && doc->sentences.items[sentence].start < p->end; sentence++) {
            const segment *s = &doc->sentences.items[sentence];
            size_t end = s->first_token + s->token_count < n ? s->first_token + s->token_count : n;
            for (size_t i = s->first_token; i < end; i++)
                c->sentence_of[i] = (uint32_t)sentence;
        }
    }
    /* in locals: the appends below could change c's fields as far as the
     * compiler knows, which would load them again for every span */
    const int person = c->person, title = c->title;
    const span *spans = doc->spans;
    mention *persons = scratch_take(c->scratch, (listed->visible_count + 1) * sizeof *persons);
    mention *titles = scratch_take(c->scratch, (listed->visible_count + 1) * sizeof *titles);
    size_t person_count = 0, title_count = 0;
    for (size_t i = 0; i < listed->visible_count; i++) {
        uint32_t k = listed->visible_by_start[i];
        const span *s = &spans[k];
        mention m = {s->start, s->end, k};
        if (s->type == person)
            persons[person_count++] = m;
        else if (s->type == title)
            titles[title_count++] = m;
        if (!((c->speaker_types[s->type / 8] >> (s->type % 8)) & 1) || !in_quoted_paragraph(c, s->start) ||
            s->first_token >= n)
            continue;
        int32_t had = c->entity_at[s->first_token];
        if (had < 0 || spans[had].end < s->end)
            c->entity_at[s->first_token] = (int32_t)k;
    }
    for (size_t i = 0; i < listed->helper_count; i++) {
        const span *s = &spans[listed->helpers[i]];
        if (s->flags & SPAN_REMOVED || s->type != c->speech || !in_quoted_paragraph(c, s->start) ||
            s->first_token >= n)
            continue;
        c->speech_next[s->first_token] = (uint32_t)(span_token_at_or_after(doc, s, s->end - 1) + 2);
    }
    sort_by_end(titles, title_count);
    c->persons = persons;
    c->person_count = person_count;
    c->titles = titles;
    c->title_count = title_count;
}

/* The sentence holding offset, or SIZE_MAX. */
static size_t sentence_at(const document *doc, uint32_t offset)
{
    size_t lo = COUNT_UP_TO(doc->sentences.items, doc->sentences.count, end, offset);
    return lo < doc->sentences.count && doc->sentences.items[lo].start <= offset ? lo : SIZE_MAX;
}

/* The TITLE mention right before a mention starting at offset (at most one
 * space between), or NULL. */
static const mention *title_before(const quote_ctx *c, uint32_t offset)
{
    size_t lo = COUNT_UP_TO(c->titles, c->title_count, end, offset);
    return lo > 0 && offset - c->titles[lo - 1].end <= 1 ? &c->titles[lo - 1] : NULL;
}

/* ---- speakers ----------------------------------------------------------------- */

/* Index in c->persons of the last PERSON ending at or before offset, or -1. */
static long last_person_before(const quote_ctx *c, uint32_t offset)
{
    size_t lo = COUNT_BEFORE(c->persons, c->person_count, start, offset);
    long i = (long)lo - 1;
    while (i >= 0 && c->persons[i].end > offset)
        i--;
    return i;
}

int quote_text_has_word(const char *haystack, size_t len, const char *word)
{
    size_t n = strlen(word);
    if (!n || n > len)
        return !n;
    /* the stages call it for every title and organisation they look back
     * at, and most places do not start with the word's first letter: a
     * tight loop finds those that do */
    char first = word[0];
    for (const char *at = haystack, *last = haystack + (len - n); at <= last; at++) {
        if ((*at | 0x20) != first)
            continue;
        size_t k = 1;
        while (k < n && (at[k] | 0x20) == word[k])
            k++;
        if (k == n)
            return 1;
    }
    return 0;
}

/* How many tokens back "a spokesman for the ministry" is looked for. */
#define SPOKESPERSON_LOOKBACK 200

/* "... a spokesperson for the Department for Business and Trade said ...
 * "...," the spokesperson said": the ORG the last such title noun before
 * offset spoke for, in a paragraph with quote marks; -1 when none. */
static int32_t spoken_for(const quote_ctx *c, uint32_t offset, const char *title_noun)
{
    static const char *const for_words[] = {"for", "of", "at", NULL};
    size_t t = first_token_of(c->doc, offset);
    for (size_t i = t; i-- > 0 && t - i < SPOKESPERSON_LOOKBACK;) {
        if (!token_is(c, i, title_noun) || i + 2 >= t || !token_in(c, i + 1, for_words))
            continue;
        size_t at = i + 2 + (size_t)token_is(c, i + 2, "the");
        int32_t e = at < t ? c->entity_at[at] : -1;
        return e >= 0 && c->doc->spans[e].type == c->org ? e : -1;
    }
    return -1;
}

/* The PERSON an anaphor at offset stands for. A title noun: the last person
 * introduced with a title holding that noun; for a spokesperson with none,
 * the organisation one was said to speak for (spoken_for). A pronoun: the
 * first PERSON of the sentence of the last one before it, as the subject of
 * a sentence comes first ("Ogasawara said he would meet Whitford ... he
 * said": the last PERSON is Whitford, the subject Ogasawara). Both fall
 * back to the last PERSON before. */
static int32_t resolve_anaphor(const quote_ctx *c, uint32_t offset, const char *title_noun)
{
    static const char *const spokes[] = {"spokesman", "spokeswoman", "spokesperson", NULL};
    int speaks_for = 0;
    for (const char *const *w = spokes; title_noun && *w && !speaks_for; w++)
        speaks_for = !strcmp(*w, title_noun);
    long last = last_person_before(c, offset);
    if (last < 0)
        return speaks_for ? spoken_for(c, offset, title_noun) : -1;
    if (!title_noun) {
        size_t sentence = sentence_at(c->doc, c->persons[last].start);
        long first = last;
        while (first > 0 && sentence_at(c->doc, c->persons[first - 1].start) == sentence)
            first--;
        return (int32_t)c->persons[first].span;
    }
    for (long i = last; i >= 0 && i > last - TITLE_LOOKBACK; i--) {
        const mention *t = title_before(c, c->persons[i].start);
        if (t && quote_text_has_word(c->doc->text.clean + t->start, t->end - t->start, title_noun))
            return (int32_t)c->persons[i].span;
    }
    int32_t body = speaks_for ? spoken_for(c, offset, title_noun) : -1;
    return body >= 0 ? body : (int32_t)c->persons[last].span;
}

/* Reads a speaker at token i (below end): an entity, a pronoun, or "the" and
 * up to two words then a title noun. Sets *next to the token after it. */
static speaker speaker_at(const quote_ctx *c, size_t i, size_t end, uint32_t before, size_t *next)
{
    speaker none = {-1, RANK_NONE};
    *next = i + 1;
    if (c->entity_at[i] >= 0) {
        const span *s = &c->doc->spans[c->entity_at[i]];
        *next = span_token_at_or_after(c->doc, s, s->end);
        /* "the Chamber of Commerce to the EU said"; but "an official at
         * the ministry" speaks for the ministry, and "according to the
         * ministry" names it */
        size_t before_it = i > 0 && token_is(c, i - 1, "the") ? i - 1 : i;
        if (before_it > 0 && token_in(c, before_it - 1, quote_locatives) &&
            !(s->type == c->org && token_is(c, before_it - 1, "at")) &&
            !(before_it > 1 && token_is(c, before_it - 2, "according")))
            return none;
        int rank = s->type == c->person ? RANK_PERSON : s->type == c->org ? RANK_ORG : RANK_PLACE;
        return (speaker){c->entity_at[i], rank};
    }
    if (token_in(c, i, quote_pronouns)) {
        int32_t p = resolve_anaphor(c, before, NULL);
        return p < 0 ? none : (speaker){p, RANK_ANAPHOR};
    }
    if (token_is(c, i, "the"))
        for (size_t k = i + 1; k < end && k <= i + 3; k++)
            for (const char *const *w = quote_title_nouns; *w; w++)
                if (token_is(c, k, *w)) {
                    *next = k + 1;
                    int32_t p = resolve_anaphor(c, before, *w);
                    return p < 0 ? none : (speaker){p, RANK_ANAPHOR};
                }
    return none;
}

/* The best speaker among tokens [from, to); ties go to the last one when
 * last is set (nearest a verb that follows), else to the first. */
static speaker best_speaker(const quote_ctx *c, size_t from, size_t to, uint32_t before, int last)
{
    speaker best = {-1, RANK_NONE};
    for (size_t i = from, next; i < to; i = next) {
        speaker s = speaker_at(c, i, to, before, &next);
        if (s.rank < best.rank || (last && s.rank == best.rank && s.rank != RANK_NONE))
            best = s;
    }
    return best;
}

static int is_punct(const quote_ctx *c, size_t i)
{
    return tok(c, i)->kind == TOK_PUNCT;
}

/* The token after a TITLE starting at token i ("Economy, Trade and
 * Industry Minister"), or i when none starts there. */
static size_t past_title(const quote_ctx *c, size_t i)
{
    uint32_t at = tok(c, i)->start;
    size_t k = COUNT_UP_TO(c->titles, c->title_count, end, at);
    if (k < c->title_count && c->titles[k].start == at)
        return span_token_at_or_after(c->doc, &c->doc->spans[c->titles[k].span], c->titles[k].end);
    return i;
}

/* A role, a comma, then the PERSON holding it, from token i (below end):
 * "the council's chairwoman, Kavita Raghunathan", "its president, Ann
 * Lee", "Norland's Trade Minister, Ann Lee". The role opens with a
 * determiner, a possessive or a name and "'s", names no person, and may
 * hold a title with commas of its own; *next is set to the token after the
 * PERSON. */
static speaker role_then_person(const quote_ctx *c, size_t i, size_t end, uint32_t before, size_t *next)
{
    speaker none = {-1, RANK_NONE};
    if (i >= end)
        return none;
    size_t from = i + 1;
    if (!token_in(c, i, (const char *const[]){"the", "its", "their", "his", "her", "our", "a", "an", NULL})) {
        /* "Suriname's trade minister, Ann Lee": a place's or a body's */
        const span *owner = c->entity_at[i] >= 0 ? &c->doc->spans[c->entity_at[i]] : NULL;
        if (!owner || owner->type == c->person)
            return none;
        from = span_token_at_or_after(c->doc, owner, owner->end);
        if (from >= end || tok(c, from)->kind != TOK_CLITIC)
            return none;
        from++;
    }
    size_t limit = from - 1 + CLAUSE_WINDOW;
    for (size_t k = from; k + 1 < end && k <= limit; k++) {
        /* a title's own commas ("Minister of Economic Affairs,
         * Entrepreneurship and Technological Innovation, ...") */
        size_t past = past_title(c, k);
        if (past > k) {
            limit += past - k;
            k = past - 1;
            continue;
        }
        if (c->is_mark[k] || (c->entity_at[k] >= 0 && c->doc->spans[c->entity_at[k]].type == c->person))
            return none;
        if (is_punct(c, k)) {
            if (!token_is(c, k, ","))
                return none;
            speaker s = speaker_at(c, k + 1, end, before, next);
            return s.rank == RANK_PERSON ? s : none;
        }
    }
    return none;
}

/* `"...," Akazawa told reporters`, `"...," said Akazawa`: tokens after the
 * closing mark at close, up to end (the paragraph's end); a title before
 * the speaker is passed over ("..., Trade Minister Ann Lee said"). */
static speaker speaker_after(const quote_ctx *c, size_t close, size_t end, uint32_t before)
{
    speaker none = {-1, RANK_NONE};
    size_t i = close + 1;
    if (i < end && token_is(c, i, ","))
        i++;
    if (i < end)
        i = past_title(c, i);
    if (i >= end)
        return none;
    size_t next;
    if (c->speech_next[i]) {
        size_t from = c->speech_next[i] - 1, to = from;
        /* `"...," said the union's president, Joe Marlow` */
        speaker named = role_then_person(c, from, end, before, &next);
        if (named.span >= 0)
            return named;
        while (to < end && to < from + CLAUSE_WINDOW && !c->is_mark[to] && !token_is(c, to, "."))
            to++;
        return best_speaker(c, from, to, before, 0);
    }
    for (size_t k = i + 1; k < end && k <= i + CLAUSE_WINDOW; k++) {
        if (c->is_mark[k] || is_punct(c, k))
            break;
        if (c->speech_next[k])
            return best_speaker(c, i, k, before, 1);
    }
    /* `"...," its president, Ann Lee, said` */
    speaker named = role_then_person(c, i, end, before, &next);
    if (named.span >= 0 && next < end &&
        (c->speech_next[next] || (token_is(c, next, ",") && next + 1 < end && c->speech_next[next + 1])))
        return named;
    /* a PERSON and an apposition: `"...," Ann Lee, a trade lawyer at X, said` */
    speaker s = speaker_at(c, i, end, before, &next);
    if (s.rank != RANK_PERSON || next >= end || !token_is(c, next, ","))
        return none;
    for (size_t k = next + 1; k + 1 < end && k <= next + APPOSITION_WINDOW; k++) {
        if (c->is_mark[k] || (is_punct(c, k) && !token_is(c, k, ",")))
            break;
        if (token_is(c, k, ","))
            return c->speech_next[k + 1] ? s : none;
    }
    return none;
}

/* `Akazawa said: "..."`: the nearest speech verb before the opening mark in
 * its sentence (not before an earlier quote mark), and the speaker before it
 * (after it for "according to"). */
static speaker speaker_before(const quote_ctx *c, size_t open, size_t sentence_first)
{
    speaker none = {-1, RANK_NONE};
    size_t from = sentence_first;
    for (size_t k = open; k > sentence_first; k--)
        if (c->is_mark[k - 1]) {
            from = k;
            break;
        }
    for (size_t v = open; v > from; v--)
        if (c->speech_next[v - 1]) {
            /* "according to the federation, which called it "..."": the
             * source right after the verb, when the clause the quotation
             * is in is its own */
            if (token_is(c, v - 1, "according")) {
                size_t at = v + 1 < open && token_is(c, v + 1, "the") ? v + 2 : v + 1, next = at;
                speaker source = at < open ? speaker_at(c, at, open, tok(c, open)->start, &next) : none;
                /* over an acronym in brackets ("... Makers (FBCP), which") */
                if (next + 3 < open && token_is(c, next, "(") && token_is(c, next + 2, ")"))
                    next += 3;
                /* what comes before "according to" is no speaker of it */
                return source.span >= 0 && next + 1 < open && token_is(c, next, ",") &&
                               token_in(c, next + 1, (const char *const[]){"which", "who", NULL})
                           ? source
                           : none;
            }
            return best_speaker(c, from, v - 1, tok(c, v - 1)->start, 1);
        }
    return none;
}

/* The first PERSON of the sentence [first, end) when it holds a speech verb. */
static speaker speaker_next_sentence(const quote_ctx *c, size_t first, size_t end)
{
    speaker none = {-1, RANK_NONE}, person = none;
    int verb = 0;
    for (size_t i = first; i < end; i++) {
        verb |= c->speech_next[i] != 0;
        if (person.span < 0 && c->entity_at[i] >= 0 && c->doc->spans[c->entity_at[i]].type == c->person)
            person = (speaker){c->entity_at[i], RANK_PERSON};
    }
    return verb ? person : none;
}

/* ---- quotations ------------------------------------------------------------------- */

static void set_speaker(quote_ctx *c, quote_span *q, speaker s, quote_source source)
{
    document *doc = c->doc;
    if (s.span < 0)
        return;
    const span *e = &doc->spans[s.span];
    q->speaker = e->norm != NO_STRING ? e->norm : doc_intern(doc, doc->text.clean + e->start, e->end - e->start);
    q->speaker_ref = e->ref;
    q->speaker_span = s.span;
    q->source = (uint8_t)source;
}

/* Attributes the quotation whose marks are tokens open and close, in the
 * paragraph [first, end); previous is the last quotation of the paragraph
 * before it, or NULL. */
static void attribute(quote_ctx *c, quote_span *q, size_t open, size_t close, size_t end, const quote_span *previous)
{
    const document *doc = c->doc;
    uint32_t s_open = c->sentence_of[open], s_close = c->sentence_of[close];
    if (s_open == UINT32_MAX || s_close == UINT32_MAX)
        return;
    const segment *opening = &doc->sentences.items[s_open], *closing = &doc->sentences.items[s_close];
    speaker s = speaker_after(c, close, end, q->start);
    if (s.span >= 0) {
        set_speaker(c, q, s, QUOTE_AFTER);
        return;
    }
    s = speaker_before(c, open, opening->first_token);
    if (s.span >= 0) {
        set_speaker(c, q, s, QUOTE_BEFORE);
        return;
    }
    int same_sentence = previous && c->sentence_of[first_token_of(doc, previous->start)] == s_open;
    if ((opening->first_token == open || same_sentence) && previous && previous->speaker_span >= 0) {
        q->speaker = previous->speaker;
        q->speaker_ref = previous->speaker_ref;
        q->speaker_span = previous->speaker_span;
        q->source = QUOTE_CONTINUED;
        return;
    }
    size_t after = close + 1;
    while (after < end && is_punct(c, after) && !c->is_mark[after] && c->sentence_of[after] == s_close)
        after++;
    size_t next_first = closing->first_token + closing->token_count;
    if (after == next_first && s_close + 1 < doc->sentences.count) {
        const segment *next = &doc->sentences.items[s_close + 1];
        if (next->first_token == next_first && next->first_token + next->token_count <= end)
            set_speaker(c, q, speaker_next_sentence(c, next->first_token, next->first_token + next->token_count),
                        QUOTE_NEXT_SENTENCE);
    }
}

/* Pairs the marks of the paragraph [first, end) and attributes each pair.
 * Paragraphs come in order: the marks are read from c->next_mark on. */
static void quote_paragraph(quote_ctx *c, size_t first, size_t end)
{
    document *doc = c->doc;
    size_t open = SIZE_MAX;
    size_t paragraph_first_quote = doc->quote_count;
    while (c->next_mark < c->mark_count && c->marks[c->next_mark] < first)
        c->next_mark++;
    for (; c->next_mark < c->mark_count && c->marks[c->next_mark] < end; c->next_mark++) {
        size_t i = c->marks[c->next_mark];
        mark_kind kind = mark_at(doc, tok(c, i));
        if (kind == MARK_EITHER)
            kind = straight_mark_kind(c, i, first, end);
        if (open == SIZE_MAX || kind == MARK_OPENS) {
            if (kind != MARK_CLOSES)
                open = i;
            continue;
        }
        quote_span q = {tok(c, open)->start, tok(c, i)->end, NO_STRING, NO_STRING, -1, QUOTE_UNKNOWN, 0};
        const quote_span *previous = doc->quote_count > paragraph_first_quote ? &doc->quotes[doc->quote_count - 1]
                                                                              : NULL;
        attribute(c, &q, open, i, end, previous);
        ARRAY_PUSH(doc->quotes, doc->quote_count, doc->quote_cap, q);
        open = SIZE_MAX;
    }
}

/* Whether an entity (a visible span) holds offset at strictly inside, at
 * being where a token starts or ends. Only the resolver's spans, listed by
 * start, are looked at: those link adds are one word long, or a surname
 * with its particles ("de los Santos"), so hold no quotation mark; and one
 * that does starts less than the longest span's length before at. */
static int inside_entity(const document *doc, const resolved_spans *listed, uint32_t at)
{
    const span_position *by_start = listed->by_start;
    uint32_t from = at >= listed->longest ? at - listed->longest + 1 : 0;
    for (size_t i = COUNT_BEFORE(by_start, listed->by_start_count, start, from);
         i < listed->by_start_count && by_start[i].start < at; i++) {
        const span *s = &doc->spans[by_start[i].index];
        if (!(s->flags & SPAN_REMOVED) && s->end > at)
            return 1;
    }
    return 0;
}

/* Sets each quotation's nests flag: written whole within one sentence or
 * over whole sentences, in pieces (one a sentence) over sentences it starts
 * or ends inside, and not at all when an entity reaches across one of its
 * ends. */
static void check_nesting(quote_ctx *c, const resolved_spans *listed)
{
    document *doc = c->doc;
    for (size_t k = 0; k < doc->quote_count; k++) {
        quote_span *q = &doc->quotes[k];
        size_t open = first_token_of(doc, q->start), close = first_token_of(doc, q->end - 1);
        uint32_t a = c->sentence_of[open], b = c->sentence_of[close];
        if (a == UINT32_MAX || b == UINT32_MAX || inside_entity(doc, listed, q->start) ||
            inside_entity(doc, listed, q->end))
            q->nests = QUOTE_HIDDEN;
        else if (a == b || (doc->sentences.items[a].start == q->start && doc->sentences.items[b].end == q->end))
            q->nests = QUOTE_WRITTEN;
        else
            q->nests = QUOTE_PIECES;
    }
}

/* Sets is_mark and lists marks for the quote marks of the paragraphs, and
 * quoted for the paragraphs holding two or more (allocated at the first
 * mark); returns
 * how many do. Every mark starts with '"' or 0xE2, rare bytes: memchr finds
 * them in the text, and only the tokens starting there are looked at. */
static size_t find_marks(quote_ctx *c)
{
    const document *doc = c->doc;
    const char *text = doc->text.clean, *end = text + doc->text.len;
    const segment *paragraphs = doc->paragraphs.items;
    size_t n = doc->tokens.count, para = 0, marks = 0, quoted = 0;
    if (!n)
        return 0;
    const char *straight = memchr(text, '"', doc->text.len), *curly = memchr(text, 0xE2, doc->text.len);
    for (;;) {
        const char *hit;
        if (straight && (!curly || straight < curly)) {
            hit = straight;
            straight = memchr(hit + 1, '"', (size_t)(end - hit - 1));
        } else if (curly) {
            hit = curly;
            curly = memchr(hit + 1, 0xE2, (size_t)(end - hit - 1));
        } else
            break;
        uint32_t at = (uint32_t)(hit - text);
        size_t i = token_at_or_after(&doc->tokens, at);
        if (i >= n || doc->tokens.items[i].start != at || mark_at(doc, &doc->tokens.items[i]) == MARK_NONE)
            continue;
        for (; para < doc->paragraphs.count && paragraphs[para].first_token + paragraphs[para].token_count <= i;
             para++, marks = 0)
            if (marks >= 2) {
                c->quoted[para] = 1;
                quoted++;
            }
        if (para == doc->paragraphs.count || paragraphs[para].first_token > i)
            continue; /* between paragraphs */
        if (!c->is_mark) {
            c->is_mark = scratch_take(c->scratch, n);
            memset(c->is_mark, 0, n);
            c->quoted = scratch_take(c->scratch, doc->paragraphs.count);
            memset(c->quoted, 0, doc->paragraphs.count);
            c->marks = scratch_take(c->scratch, n * sizeof *c->marks); /* at most a mark a token */
        }
        c->is_mark[i] = 1;
        c->marks[c->mark_count++] = (uint32_t)i;
        marks++;
    }
    if (marks >= 2) {
        c->quoted[para] = 1;
        quoted++;
    }
    return quoted;
}

void quote_document(const ann_rules *rules, document *doc, const resolved_spans *spans, document_scratch *scratch)
{
    doc->quote_count = 0;
    quote_ctx c = {.doc = doc, .scratch = scratch};
    if (!find_marks(&c))
        return;
    c.person = rules->named_type_id[NAMED_PERSON];
    c.org = rules->named_type_id[NAMED_ORG];
    c.title = rules->named_type_id[NAMED_TITLE];
    c.speech = rules->named_type_id[NAMED_SPEECH];
    static const named_type speaker_types[] = {NAMED_PERSON, NAMED_ORG, NAMED_GPE};
    for (size_t k = 0; k < sizeof speaker_types / sizeof *speaker_types; k++) {
        int id = rules->named_type_id[speaker_types[k]];
        if (id >= 0)
            c.speaker_types[id / 8] |= (uint8_t)(1u << (id % 8));
    }
    build_tables(&c, spans);
    for (size_t k = 0; k < doc->paragraphs.count; k++) {
        const segment *p = &doc->paragraphs.items[k];
        if (c.quoted[k])
            quote_paragraph(&c, p->first_token, p->first_token + p->token_count);
    }
    check_nesting(&c, spans);
}
