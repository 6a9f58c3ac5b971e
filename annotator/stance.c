#include "stance.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "layout.h"

/* How far a negator or an intensifier may stand before its cue, in tokens. */
#define NEGATION_WINDOW 3
#define INTENSIFIER_WINDOW 2
/* Words in a noun phrase target. */
#define PHRASE_WORDS 3

/* What a span is to this stage. Cue kinds come first. */
typedef enum {
    K_FAVOR,
    K_AGAINST,
    K_FAVOR_STATE,
    K_AGAINST_STATE,
    K_COMPLAINT,
    K_REFUSAL,
    K_CUE_COUNT,
    K_NEGATION = K_CUE_COUNT,
    K_INTENSIFIER,
    K_CONTRAST,
    K_CONDITION,
    K_TARIFF_WORD,
    K_SPEECH,
    K_PERSON,
    K_ORG,
    K_GPE,
    K_NORP,
    K_EVENT,
    K_GOODS,
    K_TARIFF,
    K_COUNT
} kind;

static const char *const kind_types[K_COUNT] = {
    "_FAVOR", "_AGAINST", "_FAVOR_STATE", "_AGAINST_STATE", "_COMPLAINT", "_REFUSAL", "_NEGATION",
    "_INTENSIFIER", "_CONTRAST", "_CONDITION", "_TARIFF_WORD", "_SPEECH", "PERSON", "ORG", "GPE", "NORP",
    "EVENT", "GOODS", "TARIFF"};

/* Per cue kind: its polarity, whether its target is the subject before it,
 * and whether it counts only in reader comments. */
static const struct {
    uint8_t polarity, subject, comments_only;
} cue_kinds[K_CUE_COUNT] = {
    [K_FAVOR] = {STANCE_FAVOR, 0, 0},         [K_AGAINST] = {STANCE_AGAINST, 0, 0},
    [K_FAVOR_STATE] = {STANCE_FAVOR, 1, 0},   [K_AGAINST_STATE] = {STANCE_AGAINST, 1, 0},
    [K_COMPLAINT] = {STANCE_AGAINST, 0, 1},   [K_REFUSAL] = {STANCE_AGAINST, 1, 1},
};

/* Hard-coded closed sets for the noun phrase fallback: not worth a list. */
static const char *const phrase_skip[] = {"the", "a", "an", "all", "any", "its", "their", "his", "her", "our",
                                          "my", "your", "this", "that", "these", "those", "for", "of", "on", "with",
                                          "some", NULL};
static const char *const phrase_stop[] = {"and", "or", "but", "than", "more", "that", "which", "who", "is", "are",
                                          "was", "were", "be", "been", "will", "would", "to", "of", "in", "on", "at",
                                          "by", "for", "with", "as", "from", "it", "they", "we", "he", "she", "not",
                                          "has", "have", "had", "can", "could", "should", "may", "might", NULL};

typedef struct {
    uint32_t start, end;
    uint32_t first, last; /* its first and last token */
    size_t span;
    uint8_t kind;
    uint8_t dropped;      /* a cue inside a longer cue */
} item;

typedef struct {
    document *doc;
    int16_t kind_of[MAX_TYPES];
    int type_of_kind[K_COUNT];
    item *items;
    size_t item_count;
    uint32_t *clause;     /* per token of the current sentence, from its first token */
    size_t clause_cap;
    const segment *sentence;
    const item *default_owner; /* the country whose tariffs the document names most, or NULL */
} stance_ctx;

const char *stance_polarity_name(int polarity)
{
    return polarity == STANCE_FAVOR ? "favor" : polarity == STANCE_AGAINST ? "against" : "neutral";
}

static int by_start(const void *a, const void *b)
{
    const item *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return (x->kind > y->kind) - (x->kind < y->kind);
}

static const token *tok(const stance_ctx *c, size_t i)
{
    return &c->doc->tokens.items[i];
}

static int token_in(const stance_ctx *c, size_t i, const char *const *words)
{
    return token_is_one_of(c->doc->text.clean, tok(c, i), words);
}

static int is_entity(int k)
{
    return k >= K_PERSON;
}

static int is_tariff(int k)
{
    return k == K_TARIFF || k == K_TARIFF_WORD;
}

static int is_holder_kind(int k)
{
    return k == K_PERSON || k == K_ORG || k == K_GPE || k == K_NORP;
}

/* The norm of the entity behind an item, interned when it has none. */
static uint32_t name_of(stance_ctx *c, const item *it)
{
    const span *s = &c->doc->spans[it->span];
    return s->norm != NO_STRING ? s->norm : doc_intern(c->doc, c->doc->text.clean + s->start, s->end - s->start);
}

static int same_name(stance_ctx *c, const item *it, uint32_t name)
{
    return name != NO_STRING && !strcmp(doc_string(c->doc, name_of(c, it)), doc_string(c->doc, name));
}

static uint32_t clause_of(const stance_ctx *c, uint32_t t)
{
    return c->clause[t - c->sentence->first_token];
}

/* Numbers the clauses of the sentence: , ; : ( ) and contrast words end one
 * (and belong to none). */
static void number_clauses(stance_ctx *c, const item *items, size_t count)
{
    const segment *s = c->sentence;
    grow_array((void **)&c->clause, &c->clause_cap, s->token_count + 1, sizeof *c->clause);
    memset(c->clause, 0, s->token_count * sizeof *c->clause);
    for (size_t k = 0; k < count; k++)
        if (items[k].kind == K_CONTRAST)
            for (uint32_t t = items[k].first; t <= items[k].last && t - s->first_token < s->token_count; t++)
                c->clause[t - s->first_token] = UINT32_MAX;
    uint32_t clause = 0;
    for (uint32_t i = 0; i < s->token_count; i++) {
        const token *t = tok(c, s->first_token + i);
        int boundary = c->clause[i] == UINT32_MAX;
        if (t->kind == TOK_PUNCT && t->end - t->start == 1)
            boundary |= strchr(",;:()", c->doc->text.clean[t->start]) != NULL;
        if (boundary) {
            c->clause[i] = UINT32_MAX;
            clause++;
        } else {
            c->clause[i] = clause;
        }
    }
}

/* A sentence ending in '?', before any closing quote marks or brackets. */
static int is_question(const stance_ctx *c)
{
    const segment *s = c->sentence;
    for (uint32_t i = s->token_count; i > 0; i--) {
        const token *t = tok(c, s->first_token + i - 1);
        const char *x = c->doc->text.clean + t->start;
        if (t->kind != TOK_PUNCT)
            return 0;
        if (memchr(x, '?', t->end - t->start))
            return 1;
        if (!(x[0] == '"' || x[0] == ')' || !memcmp(x, "\xE2\x80\x9D", t->end - t->start >= 3 ? 3 : 0)))
            return 0;
    }
    return 0;
}

static const quote_span *quote_at(const document *doc, uint32_t offset)
{
    size_t lo = 0, hi = doc->quote_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (doc->quotes[mid].end <= offset)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < doc->quote_count && doc->quotes[lo].start <= offset ? &doc->quotes[lo] : NULL;
}

/* The number of the reader comment holding offset, or NULL. */
static const char *comment_at(const document *doc, uint32_t offset)
{
    const char *n = NULL;
    for (size_t i = 0; i < doc->structure_count; i++) {
        const struct_span *st = &doc->structure[i];
        if (st->element != LE_COMMENT || offset < st->start || offset >= st->end)
            continue;
        n = "";
        for (uint16_t a = 0; a < st->attr_count; a++)
            if (!strcmp(doc_string(doc, doc->attrs[st->attrs + a].key), "n"))
                n = doc_string(doc, doc->attrs[st->attrs + a].value);
    }
    return n;
}

typedef struct {
    uint32_t name, ref;
    const char *from;     /* how it was chosen, for --explain */
} who;

/* The holder of the cue items[k] of the sentence's items; name
 * NO_STRING when none can be named (a quotation of unknown speaker). */
static who find_holder(stance_ctx *c, const item *items, size_t k, const char *comment)
{
    document *doc = c->doc;
    const item *cue = &items[k];
    who none = {NO_STRING, NO_STRING, NULL};
    const quote_span *q = quote_at(doc, cue->start);
    if (q) {
        if (q->speaker == NO_STRING)
            return none;
        return (who){q->speaker, q->speaker_ref, "quote"};
    }
    /* reported speech: the last speech verb before the cue, its speaker before it */
    const item *verb = NULL;
    for (size_t i = 0; i < k; i++)
        if (items[i].kind == K_SPEECH && items[i].end <= cue->start)
            verb = &items[i];
    if (verb) {
        const item *person = NULL, *other = NULL;
        for (const item *i = items; i < verb; i++) {
            if (i->end > verb->start)
                continue;
            if (i->kind == K_PERSON)
                person = i;
            else if (is_holder_kind(i->kind))
                other = i;
        }
        const item *h = person ? person : other;
        if (h)
            return (who){name_of(c, h), doc->spans[h->span].ref, "reported-speech"};
        /* "He added that ...": the last person named before the sentence */
        if (verb->first > c->sentence->first_token &&
            token_in(c, verb->first - 1, (const char *const[]){"he", "she", NULL}))
            for (const item *i = items; i-- > c->items;)
                if (i->kind == K_PERSON)
                    return (who){name_of(c, i), doc->spans[i->span].ref, "reported-speech"};
    }
    /* a reader comment states its own stances: its subject is what it
     * talks about, not who holds the stance */
    if (!comment && !cue_kinds[cue->kind].subject && cue->kind != K_COMPLAINT) {
        const item *subject = NULL;
        for (size_t i = 0; i < k; i++)
            if (is_holder_kind(items[i].kind) && items[i].end <= cue->start &&
                (!subject || (items[i].kind == K_PERSON && subject->kind != K_PERSON)))
                subject = &items[i];
        if (subject)
            return (who){name_of(c, subject), doc->spans[subject->span].ref, "subject"};
    }
    if (comment) {
        char name[64];
        int n = snprintf(name, sizeof name, "comment %s", comment);
        return (who){doc_intern(doc, name, (size_t)n), NO_STRING, "comment"};
    }
    return (who){doc_intern(doc, "author", 6), NO_STRING, "author"};
}

/* "OWNER tariffs", or "tariffs". */
static who tariff_target(stance_ctx *c, const item *mention, const item *owner, uint32_t holder)
{
    document *doc = c->doc;
    /* "the tariffs" with no owner in the clause: the country whose tariffs
     * the document is about, unless that is the holder itself */
    if (!owner && c->default_owner && !same_name(c, c->default_owner, holder))
        owner = c->default_owner;
    who w = {NO_STRING, mention->kind == K_TARIFF ? doc->spans[mention->span].ref : NO_STRING,
             owner ? "tariff-with-owner" : "tariff"};
    if (!owner) {
        w.name = doc_intern(doc, "tariffs", 7);
        return w;
    }
    const char *name = doc_string(doc, name_of(c, owner));
    size_t n = strlen(name);
    char *text = xmalloc(n + 9);
    memcpy(text, name, n);
    memcpy(text + n, " tariffs", 9);
    w.name = doc_intern(doc, text, n + 8);
    free(text);
    return w;
}

/* The GPE right before a tariff mention ("U.S. tariffs", "Japan's
 * duties"): ending at most 3 tokens before it, in its clause, and starting
 * at or after from (a cue's end: "Japan opposes the tariffs" is no owner). */
static const item *owner_before(stance_ctx *c, const item *items, const item *mention, uint32_t holder, uint32_t from)
{
    const item *owner = NULL;
    for (const item *i = items; i < mention; i++)
        if (i->kind == K_GPE && i->start >= from && i->end <= mention->start && i->last + NEGATION_WINDOW >= mention->first &&
            clause_of(c, i->last) == clause_of(c, mention->first) && !same_name(c, i, holder))
            owner = i;
    return owner;
}

/* Up to PHRASE_WORDS lower-case words after token from, in the clause. */
static who phrase_after(stance_ctx *c, uint32_t from, uint32_t clause)
{
    document *doc = c->doc;
    who w = {NO_STRING, NO_STRING, "phrase"};
    uint32_t end = c->sentence->first_token + c->sentence->token_count;
    while (from < end && clause_of(c, from) == clause && token_in(c, from, phrase_skip))
        from++;
    char text[256];
    size_t len = 0;
    for (int words = 0; from < end && words < PHRASE_WORDS; from++, words++) {
        const token *t = tok(c, from);
        if (t->kind != TOK_WORD || !(t->flags & TOKF_LOWER) || clause_of(c, from) != clause ||
            token_in(c, from, phrase_stop) || len + (t->end - t->start) + 2 > sizeof text)
            break;
        if (len)
            text[len++] = ' ';
        memcpy(text + len, doc->text.clean + t->start, t->end - t->start);
        len += t->end - t->start;
    }
    if (len)
        w.name = doc_intern(doc, text, len);
    return w;
}

static who find_target(stance_ctx *c, const item *items, size_t count, size_t k, uint32_t holder)
{
    const item *cue = &items[k];
    who none = {NO_STRING, NO_STRING, NULL};
    uint32_t clause = clause_of(c, cue_kinds[cue->kind].subject ? cue->first : cue->last);
    if (clause == UINT32_MAX)
        return none;
    const item *tariff_after = NULL, *entity_after = NULL, *gpe_after = NULL;
    for (size_t i = k + 1; i < count; i++) {
        const item *it = &items[i];
        if (it->start < cue->end || clause_of(c, it->first) != clause)
            continue;
        if (is_tariff(it->kind) && !tariff_after)
            tariff_after = it;
        else if (is_entity(it->kind) && !is_tariff(it->kind) && !same_name(c, it, holder)) {
            if (!entity_after)
                entity_after = it;
            if (it->kind == K_GPE && !gpe_after && !tariff_after)
                gpe_after = it;
        }
    }
    if (cue_kinds[cue->kind].subject) {
        const item *subject = NULL;
        for (size_t i = 0; i < k; i++) {
            const item *it = &items[i];
            if (it->end > cue->start || clause_of(c, it->last) != clause)
                continue;
            if ((is_tariff(it->kind) || is_entity(it->kind)) && !same_name(c, it, holder) &&
                (!subject || it->start >= subject->end))
                subject = it; /* the nearest outermost one */
        }
        /* "..., and it is not acceptable": the subject is a pronoun; take
         * the nearest tariff mention or entity earlier in the sentence */
        for (int pass = 0; pass < 2 && !subject; pass++) /* a tariff mention first, then an entity */
            for (size_t i = k; !subject && i-- > 0;) {
                const item *it = &items[i];
                if (it->end <= cue->start && (pass ? is_entity(it->kind) : is_tariff(it->kind)) &&
                    !same_name(c, it, holder))
                    subject = it;
            }
        if (!subject)
            return none;
        if (is_tariff(subject->kind))
            return tariff_target(c, subject, owner_before(c, items, subject, holder, 0), holder);
        if (subject->kind == K_GPE && tariff_after)
            return tariff_target(c, tariff_after, subject, holder);
        return (who){name_of(c, subject), c->doc->spans[subject->span].ref, "subject"};
    }
    if (tariff_after && tariff_after->first > cue->last + 1 + PHRASE_WORDS) {
        /* "would back any agreement that left the tariff unchanged": a noun
         * right after the cue comes before a tariff mentioned farther on */
        who noun = phrase_after(c, cue->last + 1, clause);
        if (noun.name != NO_STRING)
            return noun;
    }
    if (tariff_after) {
        const item *owner = owner_before(c, items, tariff_after, holder, cue->end);
        return tariff_target(c, tariff_after, owner ? owner : gpe_after, holder);
    }
    /* "would not accept any deal that treated Indian generics ...": the noun
     * right after the cue is the target, not an entity further on */
    if (entity_after && entity_after->first <= cue->last + 1 + PHRASE_WORDS) {
        /* "rejected a U.S. request": the entity only qualifies the noun */
        int qualifier = entity_after->kind == K_GPE || entity_after->kind == K_NORP || entity_after->kind == K_ORG;
        who noun = qualifier ? phrase_after(c, entity_after->last + 1, clause) : (who){NO_STRING, NO_STRING, NULL};
        if (noun.name != NO_STRING && tok(c, entity_after->last + 1)->kind != TOK_CLITIC)
            return noun;
        return (who){name_of(c, entity_after), c->doc->spans[entity_after->span].ref, "entity"};
    }
    who phrase = phrase_after(c, cue->last + 1, clause);
    if (phrase.name != NO_STRING || !entity_after)
        return phrase;
    return (who){name_of(c, entity_after), c->doc->spans[entity_after->span].ref, "entity"};
}

static void stance_sentence(stance_ctx *c, item *items, size_t count)
{
    document *doc = c->doc;
    if (is_question(c))
        return;
    uint32_t contrast = 0;
    for (size_t k = 0; k < count; k++) {
        if (items[k].kind == K_CONDITION)
            return;
        if (items[k].kind == K_CONTRAST && items[k].start > contrast)
            contrast = items[k].start;
    }
    /* "but" moves the point to what follows it, when a cue follows it:
     * "welcomed the extension but warned ..." keeps its stance */
    int cue_after_contrast = 0;
    for (size_t k = 0; k < count && contrast; k++)
        cue_after_contrast |= items[k].kind < K_CUE_COUNT && items[k].start > contrast;
    if (!cue_after_contrast)
        contrast = 0;
    number_clauses(c, items, count);
    /* a cue inside a longer cue is part of it (items are by start, longest first) */
    uint32_t cue_end = 0;
    for (size_t k = 0; k < count; k++) {
        if (items[k].kind >= K_CUE_COUNT && items[k].kind != K_NEGATION)
            continue;
        if (items[k].end <= cue_end)
            items[k].dropped = 1;
        else if (items[k].kind < K_CUE_COUNT)
            cue_end = items[k].end;
    }
    for (size_t k = 0; k < count; k++) {
        item *cue = &items[k];
        if (cue->kind >= K_CUE_COUNT || cue->dropped || cue->start < contrast)
            continue;
        const char *comment = comment_at(doc, cue->start);
        if (cue_kinds[cue->kind].comments_only && !comment)
            continue;
        uint32_t cue_clause = clause_of(c, cue->first);
        stance_span st = {.start = cue->start, .end = cue->end, .cue_start = cue->start, .cue_end = cue->end,
                          .holder = NO_STRING, .holder_ref = NO_STRING, .target = NO_STRING,
                          .target_ref = NO_STRING, .cue_type = doc->spans[cue->span].type, .cue_rule = -1,
                          .polarity = cue_kinds[cue->kind].polarity};
        for (size_t i = 0; i < k; i++) {
            const item *m = &items[i];
            if (m->dropped || m->end > cue->start || clause_of(c, m->last) != cue_clause)
                continue;
            if (m->kind == K_NEGATION && m->last + NEGATION_WINDOW >= cue->first) {
                st.negated = 1;
                if (m->start < st.start)
                    st.start = m->start;
            } else if (m->kind == K_INTENSIFIER && m->last + INTENSIFIER_WINDOW >= cue->first) {
                st.intensified = 1;
                if (m->start < st.start)
                    st.start = m->start;
            }
        }
        if (st.negated)
            st.polarity = st.polarity == STANCE_FAVOR ? STANCE_AGAINST : STANCE_FAVOR;
        who holder = find_holder(c, items, k, comment);
        if (holder.name == NO_STRING)
            continue;
        who target = find_target(c, items, count, k, holder.name);
        if (target.name == NO_STRING)
            continue;
        st.holder = holder.name;
        st.holder_ref = holder.ref;
        st.target = target.name;
        st.target_ref = target.ref;
        st.holder_from = holder.from;
        st.target_from = target.from;
        st.cue_rule = doc->spans[cue->span].rule;
        ARRAY_PUSH(doc->stances, doc->stance_count, doc->stance_cap, st);
    }
}

/* ---- writing and summary -------------------------------------------------------- */

static int span_by_start(const void *a, const void *b)
{
    const span *x = *(const span *const *)a, *y = *(const span *const *)b;
    return (x->start > y->start) - (x->start < y->start);
}

static void check_nesting(document *doc)
{
    const span **visible = NULL;
    size_t count = 0, cap = 0;
    uint32_t longest = 0;
    for (size_t i = 0; i < doc->span_count; i++) {
        const span *s = &doc->spans[i];
        if (s->flags & (SPAN_REMOVED | SPAN_HIDDEN))
            continue;
        ARRAY_PUSH(visible, count, cap, s);
        if (s->end - s->start > longest)
            longest = s->end - s->start;
    }
    if (count > 1)
        qsort(visible, count, sizeof *visible, span_by_start);
    uint32_t written_end = 0;
    for (size_t k = 0; k < doc->stance_count; k++) {
        stance_span *st = &doc->stances[k];
        int ok = st->start >= written_end;
        uint32_t from = st->start > longest ? st->start - longest : 0;
        size_t lo = 0, hi = count;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (visible[mid]->start < from)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t e = lo; ok && e < count && visible[e]->start < st->end; e++) {
            const span *s = visible[e];
            if (s->end <= st->start)
                continue;
            ok = s->start >= st->start && s->end <= st->end; /* only inside it */
        }
        for (const quote_span *q = quote_at(doc, st->start); ok && q && q < doc->quotes + doc->quote_count &&
                                                             q->start < st->end;
             q++)
            if (q->nests && q->end > st->start)
                ok = q->start <= st->start && st->end <= q->end;
        const quote_span *q = quote_at(doc, st->end - 1);
        if (ok && q && q->nests && q->start > st->start)
            ok = 0;
        st->nests = (uint8_t)ok;
        if (ok)
            written_end = st->end;
    }
    free(visible);
}

typedef struct {
    const char *holder, *target;
    size_t first;         /* its stance */
} pair;

typedef struct {
    size_t first;         /* the group's first stance */
    uint32_t cues;
    long balance;         /* favor minus against */
} group;

static int by_pair(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    int r = strcmp(x->holder, y->holder);
    if (!r)
        r = strcmp(x->target, y->target);
    return r ? r : (x->first > y->first) - (x->first < y->first);
}

static int by_first(const void *a, const void *b)
{
    const group *x = a, *y = b;
    return (x->first > y->first) - (x->first < y->first);
}

static void summarize(document *doc)
{
    size_t n = doc->stance_count;
    if (!n)
        return;
    pair *pairs = xmalloc(n * sizeof *pairs);
    for (size_t k = 0; k < n; k++)
        pairs[k] = (pair){doc_string(doc, doc->stances[k].holder), doc_string(doc, doc->stances[k].target), k};
    qsort(pairs, n, sizeof *pairs, by_pair);
    group *groups = xmalloc(n * sizeof *groups);
    size_t group_count = 0;
    for (size_t k = 0; k < n; k++) {
        if (!k || strcmp(pairs[k].holder, pairs[k - 1].holder) || strcmp(pairs[k].target, pairs[k - 1].target))
            groups[group_count++] = (group){pairs[k].first, 0, 0};
        group *g = &groups[group_count - 1];
        uint8_t polarity = doc->stances[pairs[k].first].polarity;
        g->cues++;
        g->balance += polarity == STANCE_FAVOR ? 1 : polarity == STANCE_AGAINST ? -1 : 0;
    }
    qsort(groups, group_count, sizeof *groups, by_first);
    for (size_t g = 0; g < group_count; g++) {
        const stance_span *first = &doc->stances[groups[g].first];
        long b = groups[g].balance;
        stance_summary sum = {first->holder, first->target,
                              b > 0 ? STANCE_FAVOR : b < 0 ? STANCE_AGAINST : STANCE_NEUTRAL, groups[g].cues};
        ARRAY_PUSH(doc->stance_summaries, doc->stance_summary_count, doc->stance_summary_cap, sum);
    }
    free(groups);
    free(pairs);
}

/* The country named most often right before a tariff mention ("U.S.
 * tariffs", "Japan's tariff"): whose tariffs the document is about. */
static const item *most_named_owner(stance_ctx *c)
{
    const item *best = NULL;
    size_t best_count = 0;
    uint32_t *owners = xmalloc((c->item_count + 1) * sizeof *owners); /* item index of each owner seen */
    size_t owner_count = 0;
    for (size_t i = 0; i < c->item_count; i++) {
        const item *g = &c->items[i];
        if (g->kind != K_GPE)
            continue;
        /* the GPE, then maybe goods ("U.S. car tariff"), then the tariff */
        uint32_t reach = g->last + 2;
        for (size_t k = i + 1; k < c->item_count && c->items[k].first <= reach; k++) {
            const item *next = &c->items[k];
            if (next->start < g->end)
                continue; /* inside the GPE */
            if (next->kind == K_GOODS) {
                reach = next->last + 2;
                continue;
            }
            if (is_tariff(next->kind))
                owners[owner_count++] = (uint32_t)i;
            break;
        }
    }
    for (size_t a = 0; a < owner_count; a++) {
        size_t count = 0;
        for (size_t b = 0; b < owner_count; b++)
            count += same_name(c, &c->items[owners[b]], name_of(c, &c->items[owners[a]]));
        if (count > best_count) {
            best = &c->items[owners[a]];
            best_count = count;
        }
    }
    free(owners);
    return best;
}

void stance_document(const ann_rules *rules, document *doc)
{
    doc->stance_count = 0;
    doc->stance_summary_count = 0;
    stance_ctx c = {.doc = doc};
    for (size_t i = 0; i < MAX_TYPES; i++)
        c.kind_of[i] = -1;
    int any_cue = 0;
    for (int k = 0; k < K_COUNT; k++) {
        c.type_of_kind[k] = -1;
        for (size_t t = 0; t < rules->type_count; t++)
            if (!strcmp(rules->type_names[t], kind_types[k])) {
                c.kind_of[t] = (int16_t)k;
                c.type_of_kind[k] = (int)t;
                any_cue |= k < K_CUE_COUNT;
            }
    }
    if (!any_cue)
        return;
    size_t cap = 0, cues = 0;
    for (size_t i = 0; i < doc->span_count; i++) {
        const span *s = &doc->spans[i];
        int k = c.kind_of[s->type];
        if (k < 0 || (s->flags & SPAN_REMOVED) || (is_entity(k) && (s->flags & SPAN_HIDDEN)))
            continue;
        item it = {s->start, s->end, 0, 0, i, (uint8_t)k, 0};
        ARRAY_PUSH(c.items, c.item_count, cap, it);
        cues += k < K_CUE_COUNT;
    }
    if (!cues) {
        free(c.items);
        return;
    }
    qsort(c.items, c.item_count, sizeof *c.items, by_start);
    for (size_t i = 0; i < c.item_count; i++) {
        c.items[i].first = (uint32_t)token_at_or_after(&doc->tokens, c.items[i].start);
        c.items[i].last = (uint32_t)token_at_or_after(&doc->tokens, c.items[i].end - 1);
    }
    c.default_owner = most_named_owner(&c);
    size_t at = 0;
    for (size_t s = 0; s < doc->sentences.count && at < c.item_count; s++) {
        const segment *sentence = &doc->sentences.items[s];
        while (at < c.item_count && c.items[at].start < sentence->start)
            at++;
        size_t end = at;
        int has_cue = 0;
        while (end < c.item_count && c.items[end].start < sentence->end) {
            has_cue |= c.items[end].kind < K_CUE_COUNT && c.items[end].end <= sentence->end;
            end++;
        }
        if (has_cue && sentence->token_count) {
            c.sentence = sentence;
            stance_sentence(&c, c.items + at, end - at);
        }
        at = end;
    }
    check_nesting(doc);
    summarize(doc);
    free(c.items);
    free(c.clause);
}
