#include "output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/tree.h>

#include "alloc.h"
#include "layout.h"
#include "sort.h"
#include "stance.h"
#include "xmlout.h"

struct ann_output {
    xmlout *xml;
    ann_flush_fn flush;
    void *ctx;
    int flags;
    int failed;
    int write_errno;      /* of the write or flush that failed; 0 when the writer was misused */
    size_t documents;
    uint64_t *losers;     /* with explain: (winner << 32 | loser) span indices, sorted */
    size_t loser_count, loser_cap;
    /* The attribute keys of the document being written that were checked
     * (see key_name_len), by pool offset: a few keys recur on entity after
     * entity, and finding one here costs less than checking it again. */
    struct {
        uint32_t key;     /* pool offset, NO_STRING when the slot is free */
        uint32_t len;     /* key_name_len of it */
    } checked_keys[64];
};

static int output_error(ann_output *out, ann_error *err)
{
    out->failed = 1;
    set_error(err, ANN_ERR_OUTPUT, NULL, 0, 0, "write error: %s",
              out->write_errno ? strerror(out->write_errno) : "XML writer failed");
    if (err)
        err->sys_errno = out->write_errno;
    return ANN_ERR_OUTPUT;
}

/* Hands everything written so far to the write callback; with
 * flush_caller, then calls the flush callback too. */
static int flush_output(ann_output *out, int flush_caller, ann_error *err)
{
    if (xmlout_flush(out->xml) < 0) {
        out->write_errno = xmlout_errno(out->xml);
        return output_error(out, err);
    }
    if (flush_caller && out->flush && out->flush(out->ctx) != 0) {
        out->write_errno = errno;
        return output_error(out, err);
    }
    return ANN_OK;
}

ann_output *ann_output_new(ann_write_fn write, ann_flush_fn flush, void *ctx, int flags, ann_error *err)
{
    ann_output *out = xcalloc(1, sizeof *out);
    out->flush = flush;
    out->ctx = ctx;
    out->flags = flags;
    out->xml = xmlout_new(write, ctx, 0);
    static const char declaration[] = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    xmlout_raw(out->xml, declaration, sizeof declaration - 1);
    xmlout_start(out->xml, "corpus");
    xmlout_raw(out->xml, "\n", 1);
    if (flush_output(out, 0, err) != ANN_OK) {
        ann_output_free(out);
        return NULL;
    }
    return out;
}

int ann_output_finish(ann_output *out, ann_error *err)
{
    if (out->failed)
        return output_error(out, err);
    xmlout_end(out->xml);
    xmlout_raw(out->xml, "\n", 1);
    return flush_output(out, 1, err);
}

void ann_output_free(ann_output *out)
{
    if (!out)
        return;
    xmlout_free(out->xml);
    free(out->losers);
    free(out);
}

/* ---- what documents share --------------------------------------------------------- */

/* The start tags of the elements written most, so that each is written as
 * one copy and its end tag as another (xmlout_start_tag), and the names of
 * the attributes written most (xmlout_attr_named). */
struct output_tags {
    const ann_rules *rules;
    xmlout_tag **entity;  /* by type id */
    size_t type_count;
    xmlout_tag *p, *s, *w, *quote, *stance, *stance_summary;
    xmlout_name *norm, *ref; /* of every entity */
};

output_tags *output_tags_new(const ann_rules *rules)
{
    output_tags *tags = xcalloc(1, sizeof *tags);
    tags->rules = rules;
    tags->type_count = rules->type_count;
    tags->entity = xcalloc(rules->type_count ? rules->type_count : 1, sizeof *tags->entity);
    for (size_t t = 0; t < rules->type_count; t++) {
        const char *type[] = {"type", rules->type_names[t]};
        tags->entity[t] = xmlout_tag_new("entity", type, 1);
    }
    tags->p = xmlout_tag_new("p", NULL, 0);
    tags->s = xmlout_tag_new("s", NULL, 0);
    tags->w = xmlout_tag_new("w", NULL, 0);
    tags->quote = xmlout_tag_new("quote", NULL, 0);
    tags->stance = xmlout_tag_new("stance", NULL, 0);
    tags->stance_summary = xmlout_tag_new("stance-summary", NULL, 0);
    tags->norm = xmlout_name_new("norm");
    tags->ref = xmlout_name_new("ref");
    return tags;
}

void output_tags_free(output_tags *tags)
{
    if (!tags)
        return;
    for (size_t t = 0; t < tags->type_count; t++)
        xmlout_tag_free(tags->entity[t]);
    free(tags->entity);
    xmlout_tag_free(tags->p);
    xmlout_tag_free(tags->s);
    xmlout_tag_free(tags->w);
    xmlout_tag_free(tags->quote);
    xmlout_tag_free(tags->stance);
    xmlout_tag_free(tags->stance_summary);
    xmlout_name_free(tags->norm);
    xmlout_name_free(tags->ref);
    free(tags);
}

/* ---- documents ---------------------------------------------------------------- */

typedef enum { EL_STRUCTURE, EL_P, EL_S, EL_QUOTE, EL_STANCE, EL_ENTITY, EL_TOKEN, EL_RAW } element_kind;

/* Nesting of equal extents: structural elements (by depth) outside
 * paragraphs, sentences, quotations, stances, entities (later phases
 * outside), tokens, raw runs. A quotation over several sentences is longer
 * than each, so it wraps them; one as long as its sentence goes inside it.
 * A stance lies inside its sentence and any quotation, and around the
 * entities of its cue words. */
#define RANK_P 64
#define RANK_S 65
#define RANK_QUOTE 66
#define RANK_STANCE 67
#define RANK_ENTITY 68
#define RANK_TOKEN 0x20000
#define RANK_RAW 0x20001

/* Sixteen bytes, as the sort moves them several times: the kind is not
 * kept, as the rank tells it (kind_of). */
typedef struct {
    uint32_t start, end;
    uint32_t rank;        /* equal extents: lower rank is outer */
    uint32_t index;       /* into the list its kind comes from */
} element;

static element_kind kind_of(const element *e)
{
    if (e->rank < RANK_P)
        return EL_STRUCTURE;
    if (e->rank < RANK_ENTITY) /* the four ranks in the order of their kinds */
        return (element_kind)(EL_P + (e->rank - RANK_P));
    return e->rank < RANK_TOKEN ? EL_ENTITY : e->rank == RANK_TOKEN ? EL_TOKEN : EL_RAW;
}

static int by_position(const void *a, const void *b)
{
    const element *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    if (x->rank != y->rank)
        return x->rank < y->rank ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

/* Elements are spread over the document by their start, so they are dealt
 * into buckets by it as they are collected (element_sink), then put in
 * order by insertion; a bucket too crowded for that falls back to a merge
 * sort (sort.h). */
DEFINE_SORT(merge_sort_elements, element, by_position)

/* Where collect_elements puts the elements, counting them by bucket as it
 * goes: no pass of their own finds their range and counts them, as a sort
 * would need, since the document's length is their range. */
typedef struct {
    element *items;
    uint32_t *next;       /* per bucket + 1: how many fall in the bucket before */
    unsigned shift;       /* an element's bucket is its start >> shift */
    size_t count;
} element_sink;

static inline void add_element(element_sink *sink, element e)
{
    sink->items[sink->count++] = e;
    sink->next[((size_t)e.start >> sink->shift) + 1]++;
}

/* Whether name (len bytes) is one of the attributes the writer sets on an
 * entity itself. */
static int reserved_attr(const char *name, size_t len)
{
    switch (len) {
    case 3: return !memcmp(name, "ref", 3);
    case 4: return !memcmp(name, "type", 4) || !memcmp(name, "norm", 4) || !memcmp(name, "rule", 4);
    case 11: return !memcmp(name, "rule-source", 11) || !memcmp(name, "won-against", 11);
    default: return 0;
    }
}

/* The length of key when it can be an attribute name, else 0. Keys are
 * nearly always ASCII letters, digits and - . _, decided here; libxml2
 * decides the rest. */
static size_t ncname_len(const char *key)
{
    const unsigned char *p = (const unsigned char *)key;
#define ASCII_LETTER(c) ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
    if (ASCII_LETTER(*p) || *p == '_') {
        while (ASCII_LETTER(*p) || (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' || *p == '_')
            p++;
        if (!*p)
            return (size_t)(p - (const unsigned char *)key);
    }
#undef ASCII_LETTER
    return xmlValidateNCName(BAD_CAST key, 0) == 0 ? strlen(key) : 0;
}

static int by_value(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return (x > y) - (x < y);
}

/* With explain: which candidates each span beat, to name them. */
static void collect_losers(ann_output *out, const document *doc)
{
    out->loser_count = 0;
    for (size_t i = 0; i < doc->span_count; i++) {
        const span *s = &doc->spans[i];
        if ((s->flags & SPAN_REMOVED) && !(s->flags & SPAN_HIDDEN) && s->lost_to >= 0 && s->rule >= 0) {
            uint64_t pair = ((uint64_t)s->lost_to << 32) | i;
            ARRAY_PUSH(out->losers, out->loser_count, out->loser_cap, pair);
        }
    }
    if (out->loser_count)
        qsort(out->losers, out->loser_count, sizeof *out->losers, by_value);
}

/* won-against="rule:TYPE ...": the candidates this span beat, each rule and
 * type once, in the order they were found. */
static void write_won_against(ann_output *out, const ann_rules *rules, const document *doc, size_t winner)
{
    size_t lo = 0, hi = out->loser_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((out->losers[mid] >> 32) < winner)
            lo = mid + 1;
        else
            hi = mid;
    }
    char list[1024] = "";
    size_t used = 0;
    for (size_t k = lo; k < out->loser_count && (out->losers[k] >> 32) == winner; k++) {
        const span *l = &doc->spans[out->losers[k] & 0xffffffffu];
        char item[300];
        snprintf(item, sizeof item, "%s:%s", rules->rules[l->rule].name, rules->type_names[l->type]);
        size_t n = strlen(item);
        int seen = 0;
        for (const char *p = strstr(list, item); p && !seen; p = strstr(p + 1, item))
            seen = (p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0');
        if (seen || used + n + 2 > sizeof list)
            continue;
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", used ? " " : "", item);
    }
    if (used)
        xmlout_attr(out->xml, "won-against", list);
}

/* The length of the key at pool offset key when it is an XML name and not
 * one the writer sets itself, else 0; checked once a document for each key
 * that keeps its slot. */
static size_t key_name_len(ann_output *out, const document *doc, uint32_t key)
{
    size_t slot = (key * 0x9E3779B1u) >> 26;
    if (out->checked_keys[slot].key != key) {
        const char *name = doc_string(doc, key);
        size_t len = ncname_len(name);
        out->checked_keys[slot].key = key;
        out->checked_keys[slot].len = (uint32_t)(len && !reserved_attr(name, len) ? len : 0);
    }
    return out->checked_keys[slot].len;
}

/* An attribute from a rule or a list entry is written when its key is an
 * XML name, not one the writer sets itself, and not repeated (the first
 * wins). Returns the key's length when it is written, else 0. */
static size_t writable_attr_len(ann_output *out, const document *doc, const span *s, uint16_t a, const char *key)
{
    size_t len = key_name_len(out, doc, doc->attrs[s->attrs + a].key);
    if (!len)
        return 0;
    for (uint16_t b = 0; b < a; b++)
        if (!strcmp(key, doc_string(doc, doc->attrs[s->attrs + b].key)))
            return 0;
    return len;
}

/* With explain: the rule that made the entity, where it is written, and
 * what it won against. Out of line, so that the common entity start below
 * keeps to a few registers and a small stack. */
__attribute__((noinline)) static void write_entity_explain(ann_output *out, const ann_rules *rules,
                                                           const document *doc, const span *s)
{
    xmlout *x = out->xml;
    char where[600];
    const layout_origin *origin = NULL;
    if (s->flags & SPAN_LAYOUT)
        for (size_t i = 0; i < doc->layout_span_count && !origin; i++)
            if (&doc->spans[doc->layout_spans[i].span] == s)
                origin = &doc->layout_spans[i];
    if (origin) {
        snprintf(where, sizeof where, "%s:%u", origin->rule_file, origin->rule_line);
        xmlout_attr(x, "rule", origin->part);
        xmlout_attr(x, "rule-source", where);
    } else if (s->rule >= 0) {
        const rule *r = &rules->rules[s->rule];
        snprintf(where, sizeof where, "%s:%u", r->file, r->line);
        xmlout_attr(x, "rule", r->name);
        xmlout_attr(x, "rule-source", where);
    } else
        xmlout_attr(x, "rule", "name-link");
    write_won_against(out, rules, doc, (size_t)(s - doc->spans));
}

static void write_entity_start(ann_output *out, const output_tags *tags, const document *doc, const span *s)
{
    xmlout *x = out->xml;
    xmlout_start_tag(x, tags->entity[s->type]);
    if (s->norm != NO_STRING)
        xmlout_attr_named(x, tags->norm, doc_string(doc, s->norm));
    if (s->ref != NO_STRING)
        xmlout_attr_named(x, tags->ref, doc_string(doc, s->ref));
    for (uint16_t a = 0; a < s->attr_count; a++) {
        const span_attr *at = &doc->attrs[s->attrs + a];
        const char *key = doc_string(doc, at->key);
        size_t key_len = writable_attr_len(out, doc, s, a, key);
        if (key_len)
            xmlout_attr_len(x, key, key_len, doc_string(doc, at->value));
    }
    if (out->flags & ANN_OUT_EXPLAIN)
        write_entity_explain(out, tags->rules, doc, s);
}

static void write_structure_start(ann_output *out, const document *doc, const struct_span *st)
{
    xmlout_start(out->xml, layout_element_name(st->element));
    for (uint16_t a = 0; a < st->attr_count; a++) {
        const span_attr *at = &doc->attrs[st->attrs + a];
        xmlout_attr(out->xml, doc_string(doc, at->key), doc_string(doc, at->value));
    }
    if (out->flags & ANN_OUT_EXPLAIN) {
        char where[600];
        snprintf(where, sizeof where, "%s:%u", st->rule_file, st->rule_line);
        xmlout_attr(out->xml, "layout-rule", where);
    }
}

static void write_raw(ann_output *out, const document *doc, const raw_run *run)
{
    xmlout_start(out->xml, "raw");
    xmlout_attr_hex(out->xml, "hex", (const unsigned char *)doc->bytes + run->start, run->end - run->start);
    xmlout_end(out->xml);
}

/* prefix and the decimal digits of n in buf (at least 24 bytes), NUL-ended:
 * snprintf costs a thousand instructions for it, and every document and
 * every stance summary writes numbers. */
static const char *decimal(char *buf, char prefix, unsigned long long n)
{
    char digits[20];
    size_t count = 0;
    do {
        digits[count++] = (char)('0' + n % 10);
        n /= 10;
    } while (n);
    char *p = buf;
    if (prefix)
        *p++ = prefix;
    while (count)
        *p++ = digits[--count];
    *p = '\0';
    return buf;
}

/* The index of the sentence holding offset at (of a quotation's piece). */
static size_t sentence_holding(const document *doc, uint32_t at)
{
    return COUNT_UP_TO(doc->sentences.items, doc->sentences.count, start, at) - 1;
}

/* <quote speaker="..." speaker-ref="...">, the attributes when known; a
 * piece (QUOTE_PIECES) starting at offset at also says which of how many. */
static void write_quote_start(ann_output *out, const output_tags *tags, const document *doc, const quote_span *q,
                              uint32_t at)
{
    xmlout_start_tag(out->xml, tags->quote);
    if (q->speaker != NO_STRING)
        xmlout_attr(out->xml, "speaker", doc_string(doc, q->speaker));
    if (q->speaker_ref != NO_STRING)
        xmlout_attr(out->xml, "speaker-ref", doc_string(doc, q->speaker_ref));
    if (q->nests == QUOTE_PIECES) {
        char buf[24];
        size_t first = sentence_holding(doc, q->start);
        xmlout_attr(out->xml, "part", decimal(buf, 0, sentence_holding(doc, at) - first + 1));
        xmlout_attr(out->xml, "parts", decimal(buf, 0, sentence_holding(doc, q->end - 1) - first + 1));
    }
}

/* Copies the cue words doc[start, end) into buf with line breaks and tabs
 * as spaces, cut (at a character boundary) to fit. */
static const char *cue_words(const document *doc, uint32_t start, uint32_t end, char *buf, size_t size)
{
    size_t n = end - start;
    if (n >= size) {
        n = size - 1;
        while (n && ((unsigned char)doc->text.clean[start + n] & 0xC0) == 0x80)
            n--; /* not inside a UTF-8 sequence */
    }
    memcpy(buf, doc->text.clean + start, n);
    buf[n] = '\0';
    for (size_t i = 0; i < n; i++)
        if (buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t')
            buf[i] = ' ';
    return buf;
}

/* <stance holder= holder-ref= target= target-ref= polarity= cue=>, with
 * negated and intensified when they apply. */
static void write_stance_start(ann_output *out, const output_tags *tags, const document *doc,
                               const stance_span *st)
{
    const ann_rules *rules = tags->rules;
    xmlout *x = out->xml;
    char cue[256];
    cue_words(doc, st->cue_start, st->cue_end, cue, sizeof cue);
    xmlout_start_tag(x, tags->stance);
    xmlout_attr(x, "holder", doc_string(doc, st->holder));
    if (st->holder_ref != NO_STRING)
        xmlout_attr(x, "holder-ref", doc_string(doc, st->holder_ref));
    xmlout_attr(x, "target", doc_string(doc, st->target));
    if (st->target_ref != NO_STRING)
        xmlout_attr(x, "target-ref", doc_string(doc, st->target_ref));
    xmlout_attr(x, "polarity", stance_polarity_name(st->polarity));
    xmlout_attr(x, "cue", cue);
    if (st->negated)
        xmlout_attr(x, "negated", "yes");
    if (st->intensified)
        xmlout_attr(x, "intensified", "yes");
    if (!(out->flags & ANN_OUT_EXPLAIN))
        return;
    if (st->cue_type >= 0)
        xmlout_attr(x, "cue-type", rules->type_names[st->cue_type]);
    if (st->cue_rule >= 0) {
        const rule *r = &rules->rules[st->cue_rule];
        char where[600];
        snprintf(where, sizeof where, "%s:%u", r->file, r->line);
        xmlout_attr(x, "cue-rule", r->name);
        xmlout_attr(x, "cue-rule-source", where);
    }
    if (st->holder_from)
        xmlout_attr(x, "holder-from", st->holder_from);
    if (st->target_from)
        xmlout_attr(x, "target-from", st->target_from);
    if (st->outweighed_cue_end > st->outweighed_cue_start)
        xmlout_attr(x, "outweighs",
                    cue_words(doc, st->outweighed_cue_start, st->outweighed_cue_end, cue, sizeof cue));
}

/* The per-document summary: one empty <stance-summary> per (holder,
 * target) pair, before any text, so the document stays lossless. */
static void write_stance_summaries(ann_output *out, const output_tags *tags, const document *doc)
{
    for (size_t i = 0; i < doc->stance_summary_count; i++) {
        const stance_summary *sum = &doc->stance_summaries[i];
        char cues[24];
        xmlout_start_tag(out->xml, tags->stance_summary);
        xmlout_attr(out->xml, "holder", doc_string(doc, sum->holder));
        xmlout_attr(out->xml, "target", doc_string(doc, sum->target));
        xmlout_attr(out->xml, "polarity", stance_polarity_name(sum->polarity));
        xmlout_attr(out->xml, "cues", decimal(cues, 0, sum->cues));
        xmlout_end(out->xml);
    }
}

/* How many elements collect_elements can give at the most. */
static size_t max_elements(const ann_output *out, const document *doc)
{
    return doc->structure_count + doc->paragraphs.count + 2 * doc->sentences.count + doc->quote_count +
           doc->stance_count + doc->span_count + ((out->flags & ANN_OUT_TOKENS) ? doc->tokens.count : 0) +
           doc->text.raw_count;
}

/* Gives sink each of the document's elements; their number is
 * max_elements at the most. */
static void collect_elements(const ann_output *out, const document *doc, element_sink *sink)
{
    for (size_t i = 0; i < doc->structure_count; i++) {
        const struct_span *st = &doc->structure[i];
        element e = {st->start, st->end, st->depth < RANK_P ? st->depth : RANK_P - 1, (uint32_t)i};
        add_element(sink, e);
    }
    for (size_t i = 0; i < doc->paragraphs.count; i++) {
        const segment *p = &doc->paragraphs.items[i];
        element e = {p->start, p->end, RANK_P, (uint32_t)i};
        add_element(sink, e);
    }
    for (size_t i = 0; i < doc->sentences.count; i++) {
        const segment *s = &doc->sentences.items[i];
        element e = {s->start, s->end, RANK_S, (uint32_t)i};
        add_element(sink, e);
    }
    /* the quote stage flags the quotations that cross an entity, and
     * those written in pieces, one in each sentence they cover (quotations
     * never overlap, so there are at most as many pieces as quotations and
     * sentences together: max_elements counts that) */
    for (size_t i = 0; i < doc->quote_count; i++) {
        const quote_span *q = &doc->quotes[i];
        if (q->nests == QUOTE_WRITTEN) {
            add_element(sink, (element){q->start, q->end, RANK_QUOTE, (uint32_t)i});
            continue;
        }
        for (size_t k = q->nests == QUOTE_PIECES ? sentence_holding(doc, q->start) : doc->sentences.count;
             k < doc->sentences.count && doc->sentences.items[k].start < q->end; k++) {
            const segment *sentence = &doc->sentences.items[k];
            uint32_t start = q->start > sentence->start ? q->start : sentence->start;
            uint32_t end = q->end < sentence->end ? q->end : sentence->end;
            add_element(sink, (element){start, end, RANK_QUOTE, (uint32_t)i});
        }
    }
    /* the stance stage flags the stances that would cross other markup */
    for (size_t i = 0; i < doc->stance_count; i++) {
        const stance_span *st = &doc->stances[i];
        element e = {st->start, st->end, RANK_STANCE, (uint32_t)i};
        if (st->nests)
            add_element(sink, e);
    }
    for (size_t i = 0; i < doc->span_count; i++) {
        const span *s = &doc->spans[i];
        if (s->flags & (SPAN_REMOVED | SPAN_HIDDEN))
            continue;
        element e = {s->start, s->end, RANK_ENTITY + (UINT16_MAX - s->phase), (uint32_t)i};
        add_element(sink, e);
    }
    if (out->flags & ANN_OUT_TOKENS)
        for (size_t i = 0; i < doc->tokens.count; i++) {
            const token *t = &doc->tokens.items[i];
            element e = {t->start, t->end, RANK_TOKEN, (uint32_t)i};
            add_element(sink, e);
        }
    for (size_t i = 0; i < doc->text.raw_count; i++) {
        const raw_run *r = &doc->text.raws[i];
        element e = {r->start, r->end, RANK_RAW, (uint32_t)i};
        add_element(sink, e);
    }
}

/* The document's elements in order (by_position) from *items, in the
 * allocation *block (to free); returns their number. */
static size_t sort_elements(const ann_output *out, const document *doc, element **items, void **block)
{
    /* about a bucket per element that may come, at most half as many as
     * may come: many spans are not written */
    size_t most = max_elements(out, doc);
    unsigned shift = 0;
    while ((doc->len >> shift) + 1 > most / 2 + 1)
        shift++;
    size_t bucket_count = (doc->len >> shift) + 1;
    /* the elements as collected, then by bucket, then the buckets' counts,
     * in one allocation */
    size_t counts_at = 2 * (most + 1) * sizeof **items;
    element *collected = xmalloc(counts_at + (bucket_count + 1) * sizeof(uint32_t)), *sorted = collected + most + 1;
    uint32_t *next = (uint32_t *)(void *)((char *)collected + counts_at);
    memset(next, 0, (bucket_count + 1) * sizeof *next);
    *block = collected;
    element_sink sink = {collected, next, shift, 0};
    collect_elements(out, doc, &sink);
    size_t count = sink.count;
    int crowded = 0;
    for (size_t b = 1; b <= bucket_count; b++) {
        crowded |= next[b] > POSITION_BUCKET_MAX;
        next[b] += next[b - 1]; /* next[b]: where bucket b starts */
    }
    if (crowded) {
        merge_sort_elements(collected, count);
        *items = collected;
        return count;
    }
    for (size_t i = 0; i < count; i++)
        sorted[next[(size_t)collected[i].start >> shift]++] = collected[i];
    for (size_t i = 1; i < count; i++) {
        element moving = sorted[i];
        size_t j = i;
        for (; j > 0 && by_position(&moving, &sorted[j - 1]) < 0; j--)
            sorted[j] = sorted[j - 1];
        sorted[j] = moving;
    }
    *items = sorted;
    return count;
}

/* The document's content: its text with every element nested by extent.
 * Stops early once a write has failed. */
static void write_body(ann_output *out, const output_tags *tags, const document *doc)
{
    xmlout *x = out->xml;
    if (out->flags & ANN_OUT_EXPLAIN)
        collect_losers(out, doc);
    for (size_t k = 0; k < sizeof out->checked_keys / sizeof out->checked_keys[0]; k++)
        out->checked_keys[k].key = NO_STRING; /* the offsets were another document's */
    element *items;
    void *items_block;
    size_t count = sort_elements(out, doc, &items, &items_block);

    uint32_t *open_ends = xmalloc((count + 1) * sizeof *open_ends);
    xmlout_source text;
    xmlout_source_init(&text, doc->bytes, doc->len);
    size_t depth = 0;
    uint32_t pos = 0;
    write_stance_summaries(out, tags, doc);
    for (size_t i = 0; i < count; i++) {
        /* once a write has failed the rest is dropped: stop soon after */
        if (i % 64 == 0 && xmlout_failed(x))
            break;
        const element *e = &items[i];
        while (depth && open_ends[depth - 1] <= e->start) {
            xmlout_text_from_and_end(x, &text, pos, open_ends[depth - 1]);
            pos = open_ends[--depth];
        }
        /* Crossing markup cannot be written; the resolver never makes it. */
        if ((depth && e->end > open_ends[depth - 1]) || e->start < pos)
            continue;
        xmlout_text_from(x, &text, pos, e->start);
        pos = e->start;
        switch (kind_of(e)) {
        case EL_RAW:
            write_raw(out, doc, &doc->text.raws[e->index]);
            pos = e->end;
            continue;
        case EL_STRUCTURE: write_structure_start(out, doc, &doc->structure[e->index]); break;
        case EL_P: xmlout_start_tag(x, tags->p); break;
        case EL_S: xmlout_start_tag(x, tags->s); break;
        case EL_TOKEN: xmlout_start_tag(x, tags->w); break;
        case EL_ENTITY: write_entity_start(out, tags, doc, &doc->spans[e->index]); break;
        case EL_QUOTE: write_quote_start(out, tags, doc, &doc->quotes[e->index], e->start); break;
        case EL_STANCE: write_stance_start(out, tags, doc, &doc->stances[e->index]); break;
        }
        open_ends[depth++] = e->end;
    }
    while (depth && !xmlout_failed(x)) {
        xmlout_text_from_and_end(x, &text, pos, open_ends[depth - 1]);
        pos = open_ends[--depth];
    }
    if (!xmlout_failed(x))
        xmlout_text_from(x, &text, pos, doc->len);
    free(open_ends);
    free(items_block);
}

/* What the layout stage learnt about the document (date, publisher, ...),
 * and with --explain the layout that was applied. */
static void write_document_attrs(ann_output *out, const document *doc)
{
    for (int i = 0; i < DOC_ATTR_COUNT; i++)
        if (doc->doc_attrs[i] != NO_STRING)
            xmlout_attr(out->xml, layout_doc_attr_name(i), doc_string(doc, doc->doc_attrs[i]));
    if ((out->flags & ANN_OUT_EXPLAIN) && doc->layout_name)
        xmlout_attr(out->xml, "layout", doc->layout_name);
}

int output_document(ann_output *out, const output_tags *tags, const document *doc, const doc_meta *meta,
                    ann_error *err)
{
    if (out->failed)
        return output_error(out, err);
    char id[24], line[24];
    xmlout *x = out->xml;
    xmlout_start(x, "document");
    xmlout_attr(x, "id", decimal(id, 'd', ++out->documents));
    xmlout_attr(x, "source", meta->source);
    xmlout_attr(x, "line", decimal(line, 0, meta->line));
    write_document_attrs(out, doc);
    write_body(out, tags, doc);
    xmlout_end_full(x);
    xmlout_raw(x, "\n", 1);
    return flush_output(out, 1, err);
}
