#include "resolve.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "link.h"
#include "match.h"
#include "quote.h"
#include "sort.h"
#include "stance.h"

/* A span as the sorts see it: what they compare is copied out of
 * doc->spans, so comparing touches no other memory. */
typedef struct {
    size_t index;
    int32_t priority, rule;
    uint32_t start, length;
} ranked;

static ranked ranked_of(const document *doc, size_t index)
{
    const span *s = &doc->spans[index];
    return (ranked){index, s->priority, s->rule, s->start, s->end - s->start};
}

/* Priority, then length, then leftmost, then rule order, then the order found. */
static int by_rank(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->priority != y->priority)
        return x->priority > y->priority ? -1 : 1;
    if (x->length != y->length)
        return x->length > y->length ? -1 : 1;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->rule != y->rule)
        return x->rule < y->rule ? -1 : 1;
    return x->index < y->index ? -1 : x->index > y->index;
}

static int by_start(const void *a, const void *b)
{
    uint32_t x = ((const ranked *)a)->start, y = ((const ranked *)b)->start;
    return (x > y) - (x < y);
}

static int type_in(const uint8_t *bitmap, uint16_t type)
{
    return bitmap && (bitmap[type / 8] & (1u << (type % 8)));
}

static int same_span(const span *a, const span *b)
{
    return a->start == b->start && a->end == b->end && a->type == b->type;
}

static uint32_t extent_hash(const span *s)
{
    uint32_t h = s->start * 0x9E3779B1u ^ s->end * 0x85EBCA77u ^ s->type * 0xC2B2AE3Du;
    return h ^ (h >> 16);
}

DEFINE_SORT(sort_by_rank, ranked, by_rank)
DEFINE_SORT(sort_by_start, ranked, by_start)

/* Helper spans never conflict, but two lists can give the same one; keep
 * the first found. A hash set of the extents and types seen, filled in the
 * order found, finds the later copies without sorting. */
static void drop_duplicate_helpers(document *doc, size_t first)
{
    size_t helpers = 0;
    for (size_t i = first; i < doc->span_count; i++)
        helpers += (doc->spans[i].flags & SPAN_HIDDEN) != 0;
    if (helpers < 2)
        return;
    size_t slot_count = 4;
    while (slot_count < 2 * helpers)
        slot_count *= 2;
    uint32_t *slots = xcalloc(slot_count, sizeof *slots); /* index + 1, 0 for empty */
    size_t mask = slot_count - 1;
    for (size_t i = first; i < doc->span_count; i++) {
        span *s = &doc->spans[i];
        if (!(s->flags & SPAN_HIDDEN))
            continue;
        size_t h = extent_hash(s) & mask;
        while (slots[h] && !same_span(&doc->spans[slots[h] - 1], s))
            h = (h + 1) & mask;
        if (slots[h])
            s->flags |= SPAN_REMOVED;
        else
            slots[h] = (uint32_t)i + 1;
    }
    free(slots);
}

void resolve_phase(const ann_rules *rules, document *doc, size_t first)
{
    drop_duplicate_helpers(doc, first);
    size_t n = doc->span_count - first;
    if (!n)
        return;
    ranked *order = xmalloc(n * sizeof *order);
    size_t visible = 0;
    for (size_t i = 0; i < n; i++)
        if (!(doc->spans[first + i].flags & SPAN_HIDDEN))
            order[visible++] = ranked_of(doc, first + i);
    n = visible;
    if (n)
        sort_by_rank(order, n);

    /* Per token: 1 + the index of the visible span of this phase kept over
     * it, so a loser can name its winner for --explain. */
    uint32_t *taken = xcalloc(doc->tokens.count + 1, sizeof *taken);
    /* Earlier visible spans, to test crossing and containment. */
    /* Sorted by start, with the longest length, so the spans a candidate
     * can overlap are found by bisection: linear, not quadratic, in the
     * number of annotations. */
    ranked *earlier = xmalloc((first + 1) * sizeof *earlier);
    size_t earlier_count = 0;
    uint32_t longest = 0;
    for (size_t i = 0; i < first; i++)
        if (!(doc->spans[i].flags & (SPAN_REMOVED | SPAN_HIDDEN))) {
            earlier[earlier_count++] = ranked_of(doc, i);
            if (doc->spans[i].end - doc->spans[i].start > longest)
                longest = doc->spans[i].end - doc->spans[i].start;
        }
    if (earlier_count)
        sort_by_start(earlier, earlier_count);
    /* the earlier spans a candidate covers: at most all of them */
    size_t *covered = xmalloc((earlier_count + 1) * sizeof *covered), covered_count = 0;

    for (size_t k = 0; k < n; k++) {
        span *c = &doc->spans[order[k].index];
        size_t first_token = c->first_token, end_token = first_token;
        while (end_token < doc->tokens.count && doc->tokens.items[end_token].start < c->end)
            end_token++;
        int lost = 0;
        for (size_t t = first_token; !lost && t < end_token; t++)
            if (taken[t]) {
                lost = 1;
                c->lost_to = (int32_t)taken[t] - 1;
            }
        const uint8_t *nest = rules->rules[c->rule].nest_types;
        covered_count = 0;
        uint32_t from = c->start > longest ? c->start - longest : 0;
        size_t lo = 0, hi = earlier_count;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (earlier[mid].start < from)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t e = lo; !lost && e < earlier_count && earlier[e].start < c->end; e++) {
            const span *o = &doc->spans[earlier[e].index];
            if (o->flags & SPAN_REMOVED || o->end <= c->start || o->start >= c->end)
                continue;
            int o_in_c = o->start >= c->start && o->end <= c->end;
            int c_in_o = c->start >= o->start && c->end <= o->end;
            if (o_in_c && type_in(nest, o->type))
                continue; /* built from it: it stays nested */
            if (o_in_c && o->priority <= c->priority && (!c_in_o || o->type != c->type)) {
                covered[covered_count++] = earlier[e].index;
            } else {
                lost = 1; /* crosses, lies inside, or covers a span that outranks it */
                c->lost_to = (int32_t)earlier[e].index;
            }
        }
        if (lost) {
            c->flags |= SPAN_REMOVED;
            continue;
        }
        for (size_t j = 0; j < covered_count; j++) {
            doc->spans[covered[j]].flags |= SPAN_REMOVED;
            doc->spans[covered[j]].lost_to = (int32_t)order[k].index;
        }
        for (size_t t = first_token; t < end_token; t++)
            taken[t] = (uint32_t)order[k].index + 1;
    }
    free(covered);
    free(earlier);
    free(taken);
    free(order);
}

void annotate_document(matcher *m, const ann_rules *rules, document *doc)
{
    for (int phase = 1; phase <= rules->phase_count; phase++) {
        size_t first = doc->span_count;
        match_phase(m, doc, phase);
        resolve_phase(rules, doc, first);
    }
    link_document(rules, doc);
    quote_document(rules, doc);
    stance_document(rules, doc);
}
