#include "output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libxml/xmlwriter.h>
#include <utf8proc.h>

#include "alloc.h"
#include "layout.h"
#include "stance.h"

struct ann_output {
    xmlTextWriterPtr writer;
    ann_write_fn write;
    ann_flush_fn flush;
    void *ctx;
    int flags;
    int failed;
    int write_errno;
    size_t documents;
    char *escaped;        /* text being escaped for one write */
    size_t escaped_cap;
    char *attr;           /* an attribute value made XML-safe */
    size_t attr_cap;
    uint64_t *losers;     /* with explain: (winner << 32 | loser) span indices, sorted */
    size_t loser_count, loser_cap;
};

static int write_to_callback(void *context, const char *buffer, int len)
{
    ann_output *out = context;
    if (out->write(out->ctx, buffer, (size_t)len) != 0) {
        out->failed = 1;
        out->write_errno = errno;
        return -1;
    }
    return len;
}

static int output_error(ann_output *out, ann_error *err)
{
    out->failed = 1;
    set_error(err, ANN_ERR_OUTPUT, NULL, 0, 0, "write error: %s",
              out->write_errno ? strerror(out->write_errno) : "XML writer failed");
    if (err)
        err->sys_errno = out->write_errno;
    return ANN_ERR_OUTPUT;
}

/* libxml2 reports I/O failures on stderr by itself; the library never
 * prints, and the failure reaches the caller as ANN_ERR_OUTPUT anyway. */
static void drop_libxml_message(void *ctx, const char *fmt, ...)
{
    (void)ctx;
    (void)fmt;
}

ann_output *ann_output_new(ann_write_fn write, ann_flush_fn flush, void *ctx, int flags, ann_error *err)
{
    xmlSetGenericErrorFunc(NULL, drop_libxml_message);
    ann_output *out = xcalloc(1, sizeof *out);
    out->write = write;
    out->flush = flush;
    out->ctx = ctx;
    out->flags = flags;
    xmlOutputBufferPtr buf = xmlOutputBufferCreateIO(write_to_callback, NULL, out, NULL);
    if (!buf)
        out_of_memory(sizeof *buf);
    out->writer = xmlNewTextWriter(buf); /* takes ownership of buf */
    if (!out->writer)
        out_of_memory(sizeof *buf);
    if (xmlTextWriterWriteRaw(out->writer, BAD_CAST "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n") < 0 ||
        xmlTextWriterStartElement(out->writer, BAD_CAST "corpus") < 0 ||
        xmlTextWriterWriteRaw(out->writer, BAD_CAST "\n") < 0 || xmlTextWriterFlush(out->writer) < 0 ||
        out->failed) {
        output_error(out, err);
        ann_output_free(out);
        return NULL;
    }
    return out;
}

int ann_output_finish(ann_output *out, ann_error *err)
{
    if (out->failed)
        return output_error(out, err);
    if (xmlTextWriterEndElement(out->writer) < 0 || xmlTextWriterWriteRaw(out->writer, BAD_CAST "\n") < 0 ||
        xmlTextWriterFlush(out->writer) < 0 || out->failed)
        return output_error(out, err);
    if (out->flush && out->flush(out->ctx) != 0) {
        out->write_errno = errno;
        return output_error(out, err);
    }
    return ANN_OK;
}

void ann_output_free(ann_output *out)
{
    if (!out)
        return;
    if (out->writer)
        xmlFreeTextWriter(out->writer);
    free(out->escaped);
    free(out->attr);
    free(out->losers);
    free(out);
}

/* ---- text and attributes ---------------------------------------------------- */

/* Writes document bytes as character data. The text module guarantees these
 * bytes are valid UTF-8 made of characters XML allows; CR becomes &#13; so a
 * parser does not turn it into LF. */
static int write_text(ann_output *out, const char *s, size_t len)
{
    if (!len)
        return 0;
    grow_array((void **)&out->escaped, &out->escaped_cap, len * 5 + 1, 1);
    char *o = out->escaped;
    for (size_t i = 0; i < len; i++) {
        switch (s[i]) {
        case '&': memcpy(o, "&amp;", 5); o += 5; break;
        case '<': memcpy(o, "&lt;", 4); o += 4; break;
        case '>': memcpy(o, "&gt;", 4); o += 4; break;
        case '\r': memcpy(o, "&#13;", 5); o += 5; break;
        default: *o++ = s[i];
        }
    }
    return xmlTextWriterWriteRawLen(out->writer, BAD_CAST out->escaped, (int)(o - out->escaped));
}

/* Copies s into out->attr as valid UTF-8 holding only characters XML allows
 * (others become U+FFFD), so any value can be an attribute. */
static const char *xml_safe(ann_output *out, const char *s)
{
    /* Most values are printable ASCII: nothing to replace, no copy. */
    const unsigned char *u = (const unsigned char *)s;
    while (*u >= 0x20 && *u < 0x80)
        u++;
    if (!*u)
        return s;
    size_t len = strlen(s);
    grow_array((void **)&out->attr, &out->attr_cap, len * 3 + 1, 1);
    char *o = out->attr;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        int ok = n > 0 && (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF));
        if (ok) {
            memcpy(o, s + i, (size_t)n);
            o += n;
            i += (size_t)n;
        } else {
            memcpy(o, "\xEF\xBF\xBD", 3);
            o += 3;
            i += n > 0 ? (size_t)n : 1;
        }
    }
    *o = '\0';
    return out->attr;
}

static int write_attr(ann_output *out, const char *name, const char *value)
{
    return xmlTextWriterWriteAttribute(out->writer, BAD_CAST name, BAD_CAST xml_safe(out, value));
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

typedef struct {
    uint32_t start, end;
    uint32_t rank;        /* equal extents: lower rank is outer */
    uint8_t kind;
    uint32_t index;       /* into the list its kind comes from */
} element;

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

static int reserved_attr(const char *name)
{
    static const char *const reserved[] = {"type", "norm", "rule", "rule-source", "ref", "won-against", NULL};
    for (const char *const *r = reserved; *r; r++)
        if (!strcmp(name, *r))
            return 1;
    return 0;
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
static int write_won_against(ann_output *out, const ann_rules *rules, const document *doc, size_t winner)
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
    return used ? write_attr(out, "won-against", list) : 0;
}

static int write_entity_start(ann_output *out, const ann_rules *rules, const document *doc, const span *s)
{
    if (xmlTextWriterStartElement(out->writer, BAD_CAST "entity") < 0 ||
        write_attr(out, "type", rules->type_names[s->type]) < 0)
        return -1;
    if (s->norm != NO_STRING && write_attr(out, "norm", doc_string(doc, s->norm)) < 0)
        return -1;
    if (s->ref != NO_STRING && write_attr(out, "ref", doc_string(doc, s->ref)) < 0)
        return -1;
    for (uint16_t a = 0; a < s->attr_count; a++) {
        const span_attr *at = &doc->attrs[s->attrs + a];
        const char *key = doc_string(doc, at->key);
        int repeated = 0;
        for (uint16_t b = 0; b < a; b++)
            repeated |= !strcmp(key, doc_string(doc, doc->attrs[s->attrs + b].key));
        if (repeated || reserved_attr(key) || xmlValidateNCName(BAD_CAST key, 0) != 0)
            continue;
        if (write_attr(out, key, doc_string(doc, at->value)) < 0)
            return -1;
    }
    if (out->flags & ANN_OUT_EXPLAIN) {
        char where[600];
        const layout_origin *origin = NULL;
        if (s->flags & SPAN_LAYOUT)
            for (size_t i = 0; i < doc->layout_span_count && !origin; i++)
                if (&doc->spans[doc->layout_spans[i].span] == s)
                    origin = &doc->layout_spans[i];
        if (origin) {
            snprintf(where, sizeof where, "%s:%u", origin->rule_file, origin->rule_line);
            if (write_attr(out, "rule", origin->part) < 0 || write_attr(out, "rule-source", where) < 0)
                return -1;
        } else if (s->rule >= 0) {
            const rule *r = &rules->rules[s->rule];
            snprintf(where, sizeof where, "%s:%u", r->file, r->line);
            if (write_attr(out, "rule", r->name) < 0 || write_attr(out, "rule-source", where) < 0)
                return -1;
        } else if (write_attr(out, "rule", "name-link") < 0)
            return -1;
        if (write_won_against(out, rules, doc, (size_t)(s - doc->spans)) < 0)
            return -1;
    }
    return 0;
}

static int write_structure_start(ann_output *out, const document *doc, const struct_span *st)
{
    if (xmlTextWriterStartElement(out->writer, BAD_CAST layout_element_name(st->element)) < 0)
        return -1;
    for (uint16_t a = 0; a < st->attr_count; a++) {
        const span_attr *at = &doc->attrs[st->attrs + a];
        if (write_attr(out, doc_string(doc, at->key), doc_string(doc, at->value)) < 0)
            return -1;
    }
    if (out->flags & ANN_OUT_EXPLAIN) {
        char where[600];
        snprintf(where, sizeof where, "%s:%u", st->rule_file, st->rule_line);
        if (write_attr(out, "layout-rule", where) < 0)
            return -1;
    }
    return 0;
}

static int write_raw(ann_output *out, const document *doc, const raw_run *run)
{
    static const char hex[] = "0123456789ABCDEF";
    size_t n = run->end - run->start;
    char *value = xmalloc(n * 2 + 1);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)doc->bytes[run->start + i];
        value[2 * i] = hex[c >> 4];
        value[2 * i + 1] = hex[c & 15];
    }
    value[2 * n] = '\0';
    int rc = xmlTextWriterStartElement(out->writer, BAD_CAST "raw") < 0 ||
                     xmlTextWriterWriteAttribute(out->writer, BAD_CAST "hex", BAD_CAST value) < 0 ||
                     xmlTextWriterEndElement(out->writer) < 0
                 ? -1
                 : 0;
    free(value);
    return rc;
}

/* <quote speaker="..." speaker-ref="...">, the attributes when known. */
static int write_quote_start(ann_output *out, const document *doc, const quote_span *q)
{
    if (xmlTextWriterStartElement(out->writer, BAD_CAST "quote") < 0)
        return -1;
    if (q->speaker != NO_STRING && write_attr(out, "speaker", doc_string(doc, q->speaker)) < 0)
        return -1;
    if (q->speaker_ref != NO_STRING && write_attr(out, "speaker-ref", doc_string(doc, q->speaker_ref)) < 0)
        return -1;
    return 0;
}

/* <stance holder= holder-ref= target= target-ref= polarity= cue=>, with
 * negated and intensified when they apply. */
static int write_stance_start(ann_output *out, const ann_rules *rules, const document *doc, const stance_span *st)
{
    char cue[256];
    size_t n = st->cue_end - st->cue_start;
    if (n >= sizeof cue)
        n = sizeof cue - 1;
    memcpy(cue, doc->text.clean + st->cue_start, n);
    cue[n] = '\0';
    for (size_t i = 0; i < n; i++)
        if (cue[i] == '\n' || cue[i] == '\r' || cue[i] == '\t')
            cue[i] = ' ';
    if (xmlTextWriterStartElement(out->writer, BAD_CAST "stance") < 0 ||
        write_attr(out, "holder", doc_string(doc, st->holder)) < 0 ||
        (st->holder_ref != NO_STRING && write_attr(out, "holder-ref", doc_string(doc, st->holder_ref)) < 0) ||
        write_attr(out, "target", doc_string(doc, st->target)) < 0 ||
        (st->target_ref != NO_STRING && write_attr(out, "target-ref", doc_string(doc, st->target_ref)) < 0) ||
        write_attr(out, "polarity", stance_polarity_name(st->polarity)) < 0 || write_attr(out, "cue", cue) < 0 ||
        (st->negated && write_attr(out, "negated", "yes") < 0) ||
        (st->intensified && write_attr(out, "intensified", "yes") < 0))
        return -1;
    if (!(out->flags & ANN_OUT_EXPLAIN))
        return 0;
    if (st->cue_type >= 0 && write_attr(out, "cue-type", rules->type_names[st->cue_type]) < 0)
        return -1;
    if (st->cue_rule >= 0) {
        const rule *r = &rules->rules[st->cue_rule];
        char where[600];
        snprintf(where, sizeof where, "%s:%u", r->file, r->line);
        if (write_attr(out, "cue-rule", r->name) < 0 || write_attr(out, "cue-rule-source", where) < 0)
            return -1;
    }
    if ((st->holder_from && write_attr(out, "holder-from", st->holder_from) < 0) ||
        (st->target_from && write_attr(out, "target-from", st->target_from) < 0))
        return -1;
    return 0;
}

/* The per-document summary: one empty <stance-summary> per (holder,
 * target) pair, before any text, so the document stays lossless. */
static int write_stance_summaries(ann_output *out, const document *doc)
{
    for (size_t i = 0; i < doc->stance_summary_count; i++) {
        const stance_summary *sum = &doc->stance_summaries[i];
        char cues[32];
        snprintf(cues, sizeof cues, "%u", sum->cues);
        if (xmlTextWriterStartElement(out->writer, BAD_CAST "stance-summary") < 0 ||
            write_attr(out, "holder", doc_string(doc, sum->holder)) < 0 ||
            write_attr(out, "target", doc_string(doc, sum->target)) < 0 ||
            write_attr(out, "polarity", stance_polarity_name(sum->polarity)) < 0 ||
            write_attr(out, "cues", cues) < 0 || xmlTextWriterEndElement(out->writer) < 0)
            return -1;
    }
    return 0;
}

static void collect_elements(const ann_output *out, const document *doc, element **items, size_t *count,
                             size_t *cap)
{
    for (size_t i = 0; i < doc->structure_count; i++) {
        const struct_span *st = &doc->structure[i];
        element e = {st->start, st->end, st->depth < RANK_P ? st->depth : RANK_P - 1, EL_STRUCTURE, (uint32_t)i};
        ARRAY_PUSH(*items, *count, *cap, e);
    }
    for (size_t i = 0; i < doc->paragraphs.count; i++) {
        const segment *p = &doc->paragraphs.items[i];
        element e = {p->start, p->end, RANK_P, EL_P, (uint32_t)i};
        ARRAY_PUSH(*items, *count, *cap, e);
    }
    for (size_t i = 0; i < doc->sentences.count; i++) {
        const segment *s = &doc->sentences.items[i];
        element e = {s->start, s->end, RANK_S, EL_S, (uint32_t)i};
        ARRAY_PUSH(*items, *count, *cap, e);
    }
    /* the quote stage flags the quotations that cross a sentence or an entity */
    for (size_t i = 0; i < doc->quote_count; i++) {
        const quote_span *q = &doc->quotes[i];
        element e = {q->start, q->end, RANK_QUOTE, EL_QUOTE, (uint32_t)i};
        if (q->nests)
            ARRAY_PUSH(*items, *count, *cap, e);
    }
    /* the stance stage flags the stances that would cross other markup */
    for (size_t i = 0; i < doc->stance_count; i++) {
        const stance_span *st = &doc->stances[i];
        element e = {st->start, st->end, RANK_STANCE, EL_STANCE, (uint32_t)i};
        if (st->nests)
            ARRAY_PUSH(*items, *count, *cap, e);
    }
    for (size_t i = 0; i < doc->span_count; i++) {
        const span *s = &doc->spans[i];
        if (s->flags & (SPAN_REMOVED | SPAN_HIDDEN))
            continue;
        element e = {s->start, s->end, RANK_ENTITY + (UINT16_MAX - s->phase), EL_ENTITY, (uint32_t)i};
        ARRAY_PUSH(*items, *count, *cap, e);
    }
    if (out->flags & ANN_OUT_TOKENS)
        for (size_t i = 0; i < doc->tokens.count; i++) {
            const token *t = &doc->tokens.items[i];
            element e = {t->start, t->end, RANK_TOKEN, EL_TOKEN, (uint32_t)i};
            ARRAY_PUSH(*items, *count, *cap, e);
        }
    for (size_t i = 0; i < doc->text.raw_count; i++) {
        const raw_run *r = &doc->text.raws[i];
        element e = {r->start, r->end, RANK_RAW, EL_RAW, (uint32_t)i};
        ARRAY_PUSH(*items, *count, *cap, e);
    }
}

static int write_body(ann_output *out, const ann_rules *rules, const document *doc)
{
    if (out->flags & ANN_OUT_EXPLAIN)
        collect_losers(out, doc);
    element *items = NULL;
    size_t count = 0, cap = 0;
    collect_elements(out, doc, &items, &count, &cap);
    if (count)
        qsort(items, count, sizeof *items, by_position);

    uint32_t *open_ends = xmalloc((count + 1) * sizeof *open_ends);
    size_t depth = 0;
    uint32_t pos = 0;
    int rc = write_stance_summaries(out, doc);
    for (size_t i = 0; i < count && rc == 0; i++) {
        const element *e = &items[i];
        while (rc == 0 && depth && open_ends[depth - 1] <= e->start) {
            rc |= write_text(out, doc->bytes + pos, open_ends[depth - 1] - pos) < 0;
            pos = open_ends[--depth];
            rc |= xmlTextWriterEndElement(out->writer) < 0;
        }
        /* Crossing markup cannot be written; the resolver never makes it. */
        if (rc || (depth && e->end > open_ends[depth - 1]) || e->start < pos)
            continue;
        rc |= write_text(out, doc->bytes + pos, e->start - pos) < 0;
        pos = e->start;
        switch (e->kind) {
        case EL_RAW:
            rc |= write_raw(out, doc, &doc->text.raws[e->index]);
            pos = e->end;
            continue;
        case EL_STRUCTURE: rc |= write_structure_start(out, doc, &doc->structure[e->index]); break;
        case EL_P: rc |= xmlTextWriterStartElement(out->writer, BAD_CAST "p") < 0; break;
        case EL_S: rc |= xmlTextWriterStartElement(out->writer, BAD_CAST "s") < 0; break;
        case EL_TOKEN: rc |= xmlTextWriterStartElement(out->writer, BAD_CAST "w") < 0; break;
        case EL_ENTITY: rc |= write_entity_start(out, rules, doc, &doc->spans[e->index]); break;
        case EL_QUOTE: rc |= write_quote_start(out, doc, &doc->quotes[e->index]); break;
        case EL_STANCE: rc |= write_stance_start(out, rules, doc, &doc->stances[e->index]); break;
        }
        open_ends[depth++] = e->end;
    }
    while (rc == 0 && depth) {
        rc |= write_text(out, doc->bytes + pos, open_ends[depth - 1] - pos) < 0;
        pos = open_ends[--depth];
        rc |= xmlTextWriterEndElement(out->writer) < 0;
    }
    if (rc == 0)
        rc |= write_text(out, doc->bytes + pos, doc->len - pos) < 0;
    free(open_ends);
    free(items);
    return rc ? -1 : 0;
}

/* What the layout stage learnt about the document (date, publisher, ...),
 * and with --explain the layout that was applied. */
static int write_document_attrs(ann_output *out, const document *doc)
{
    for (int i = 0; i < DOC_ATTR_COUNT; i++)
        if (doc->doc_attrs[i] != NO_STRING &&
            write_attr(out, layout_doc_attr_name(i), doc_string(doc, doc->doc_attrs[i])) < 0)
            return -1;
    if ((out->flags & ANN_OUT_EXPLAIN) && doc->layout_name && write_attr(out, "layout", doc->layout_name) < 0)
        return -1;
    return 0;
}

int output_document(ann_output *out, const ann_rules *rules, const document *doc, const doc_meta *meta,
                    ann_error *err)
{
    if (out->failed)
        return output_error(out, err);
    /* libxml2 keeps its error handler per thread, and a stream with workers
     * writes from a thread of its own */
    xmlSetGenericErrorFunc(NULL, drop_libxml_message);
    char id[32], line[32];
    snprintf(id, sizeof id, "d%zu", ++out->documents);
    snprintf(line, sizeof line, "%lu", meta->line);
    if (xmlTextWriterStartElement(out->writer, BAD_CAST "document") < 0 || write_attr(out, "id", id) < 0 ||
        write_attr(out, "source", meta->source) < 0 || write_attr(out, "line", line) < 0 ||
        write_document_attrs(out, doc) < 0 || write_body(out, rules, doc) < 0 ||
        xmlTextWriterFullEndElement(out->writer) < 0 ||
        xmlTextWriterWriteRaw(out->writer, BAD_CAST "\n") < 0 || xmlTextWriterFlush(out->writer) < 0 ||
        out->failed)
        return output_error(out, err);
    if (out->flush && out->flush(out->ctx) != 0) {
        out->write_errno = errno;
        return output_error(out, err);
    }
    return ANN_OK;
}
