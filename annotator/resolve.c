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
    const document *doc;
    size_t index;
    int32_t priority, rule;
    uint32_t start, length;
} ranked;

static ranked ranked_of(const document *doc, size_t index)
{
    const span *s = &doc->spans[index];
    return (ranked){doc, index, s->priority, s->rule, s->start, s->end - s->start};
}

static const span *span_of(const ranked *r)
{
    return &r->doc->spans[r->index];
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

static int by_extent_and_type(const void *a, const void *b)
{
    const span *x = span_of(a), *y = span_of(b);
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    if (x->type != y->type)
        return x->type < y->type ? -1 : 1;
    size_t ia = ((const ranked *)a)->index, ib = ((const ranked *)b)->index;
    return ia < ib ? -1 : ia > ib;
}

DEFINE_SORT(sort_by_rank, ranked, by_rank)
DEFINE_SORT(sort_by_start, ranked, by_start)
DEFINE_SORT(sort_by_extent_and_type, ranked, by_extent_and_type)

/* Helper spans never conflict, but two lists can give the same one; keep
 * the first found. */
static void drop_duplicate_helpers(document *doc, size_t first)
{
    ranked *helpers = NULL;
    size_t count = 0, cap = 0;
    for (size_t i = first; i < doc->span_count; i++)
        if (doc->spans[i].flags & SPAN_HIDDEN) {
            ranked r = ranked_of(doc, i);
            ARRAY_PUSH(helpers, count, cap, r);
        }
    if (count)
        sort_by_extent_and_type(helpers, count);
    for (size_t k = 1; k < count; k++)
        if (same_span(span_of(&helpers[k - 1]), span_of(&helpers[k])))
            doc->spans[helpers[k].index].flags |= SPAN_REMOVED;
    free(helpers);
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
    ranked *earlier = NULL;
    size_t earlier_count = 0, earlier_cap = 0;
    uint32_t longest = 0;
    for (size_t i = 0; i < first; i++)
        if (!(doc->spans[i].flags & (SPAN_REMOVED | SPAN_HIDDEN))) {
            ranked e = ranked_of(doc, i);
            ARRAY_PUSH(earlier, earlier_count, earlier_cap, e);
            if (doc->spans[i].end - doc->spans[i].start > longest)
                longest = doc->spans[i].end - doc->spans[i].start;
        }
    if (earlier_count)
        sort_by_start(earlier, earlier_count);
    size_t *covered = NULL, covered_count = 0, covered_cap = 0;

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
            if (span_of(&earlier[mid])->start < from)
                lo = mid + 1;
            else
                hi = mid;
        }
        for (size_t e = lo; !lost && e < earlier_count && span_of(&earlier[e])->start < c->end; e++) {
            const span *o = span_of(&earlier[e]);
            if (o->flags & SPAN_REMOVED || o->end <= c->start || o->start >= c->end)
                continue;
            int o_in_c = o->start >= c->start && o->end <= c->end;
            int c_in_o = c->start >= o->start && c->end <= o->end;
            if (o_in_c && type_in(nest, o->type))
                continue; /* built from it: it stays nested */
            if (o_in_c && o->priority <= c->priority && (!c_in_o || o->type != c->type)) {
                ARRAY_PUSH(covered, covered_count, covered_cap, earlier[e].index);
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
