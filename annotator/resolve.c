#include "resolve.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "link.h"
#include "match.h"
#include "quote.h"
#include "sort.h"
#include "stance.h"

/* A candidate as the ranking sees it: its rank packed into two integers
 * (priority, then length, then leftmost, then rule order), so comparing
 * two touches no other memory and takes two tests. */
typedef struct {
    uint64_t major;       /* priority, higher first, then length, longer first */
    uint64_t minor;       /* start, leftmost first, then rule order */
    uint32_t index;       /* in doc->spans: then the order found */
    uint32_t end_token;   /* its tokens end there */
} ranked;

static ranked ranked_of(const document *doc, size_t index, size_t end_token)
{
    const span *s = &doc->spans[index];
    /* flipping the sign bit maps int32 order onto uint32 order; ~ reverses it */
    uint32_t priority = ~((uint32_t)s->priority ^ 0x80000000u), length = ~(s->end - s->start);
    uint32_t rule_order = (uint32_t)s->rule ^ 0x80000000u;
    return (ranked){(uint64_t)priority << 32 | length, (uint64_t)s->start << 32 | rule_order, (uint32_t)index,
                    (uint32_t)end_token};
}

static int by_rank(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    if (x->major != y->major)
        return x->major < y->major ? -1 : 1;
    if (x->minor != y->minor)
        return x->minor < y->minor ? -1 : 1;
    return (x->index > y->index) - (x->index < y->index);
}

static int by_start(const void *a, const void *b)
{
    uint32_t x = ((const span_position *)a)->start, y = ((const span_position *)b)->start;
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

DEFINE_SORT(sort_by_rank, ranked, by_rank)
static uint32_t start_of(const span_position *p)
{
    return p->start;
}

DEFINE_SORT(merge_sort_by_start, span_position, by_start)
DEFINE_POSITION_SORT(sort_by_start, span_position, start_of, by_start, merge_sort_by_start)

/* Set in a b->taken entry that a candidate claims rather than holds (resolve_phase). */
#define CLAIMED 0x80000000u

/* Buffers the phases share, kept from one document to the next (doc.h), so
 * the resolver allocates only while documents grow.
 *
 * taken, helper_at and helper_next hold marks: base + 1 + an index in
 * doc->spans. base grows
 * by the span count of every document, so the marks of earlier documents
 * are at most base, and those of earlier phases at most base + first (the
 * phase's first span): neither needs clearing. Marks stay below CLAIMED:
 * base starts again from 0, the buffers cleared, once it passes
 * MARK_BASE_LIMIT (2^30), and a document holds fewer spans than that: 2^30
 * spans would take some 47 GB (a span is 44 bytes), far past what any
 * --max-doc-size lets in first. */
#define MARK_BASE_LIMIT (CLAIMED / 2)

typedef struct {
    uint32_t base;
    uint32_t *helper_at;  /* drop_if_duplicate: per token */
    size_t helper_at_cap;
    uint32_t *helper_next; /* drop_if_duplicate: per span of the phase */
    size_t helper_next_cap;
    span_position *new_spans; /* list_earlier */
    size_t new_cap;
    ranked *order;        /* resolve_phase: the contested candidates by rank, then the others */
    size_t order_cap;
    uint8_t *contested;   /* resolve_phase: per candidate, shares a token with another */
    size_t contested_cap;
    size_t *covered;      /* resolve_phase: the earlier spans a candidate covers */
    size_t covered_cap;
    uint32_t *taken;      /* resolve_phase */
    size_t taken_cap;
    /* what the phase kept, for list_kept, which clears the bits again: a
     * bit per candidate of the phase kept visible, a bit per token one of
     * them starts at (they share no token, so one at most) and there its
     * start and index, and the longest of them */
    uint64_t *kept;
    size_t kept_cap;
    uint64_t *kept_starts;
    size_t kept_starts_cap;
    span_position *kept_at;
    size_t kept_at_cap;
    uint32_t kept_longest;
} phase_buffers;

/* Grows a buffer of marks to need entries or more, the new ones 0 (no mark). */
static void grow_marks(uint32_t **marks, size_t *cap, size_t need)
{
    size_t old = *cap;
    grow_array((void **)marks, cap, need, sizeof **marks);
    memset(*marks + old, 0, (*cap - old) * sizeof **marks);
}

/* Grows a bitset to hold bits [0, need) or more, the new words 0. */
static void grow_bits(uint64_t **bits, size_t *cap, size_t need)
{
    size_t old = *cap;
    grow_array((void **)bits, cap, need / 64 + 1, sizeof **bits);
    memset(*bits + old, 0, (*cap - old) * sizeof **bits);
}

/* Helper spans never conflict, but two lists can give the same one; keep
 * the first found. The helpers of the phase kept so far are chained by
 * first token, which spans starting together share: b->helper_at holds
 * the mark of the last one starting at a token, and b->helper_next, per
 * span of the phase, the mark of the one before it (the phase's own marks
 * are above floor). A copy is looked for among the few starting where it
 * does: cheaper than hashing each of the many helpers. */
static void drop_if_duplicate(span *spans, size_t i, uint32_t *helper_at, uint32_t *helper_next, uint32_t base,
                              size_t first)
{
    span *s = &spans[i];
    uint32_t *at = &helper_at[s->first_token], floor = base + (uint32_t)first;
    for (uint32_t mark = *at; mark > floor; mark = helper_next[mark - 1 - floor])
        if (same_span(&spans[mark - 1 - base], s)) {
            s->flags |= SPAN_REMOVED;
            return;
        }
    helper_next[i - first] = *at;
    *at = base + (uint32_t)i + 1;
}

/* The visible spans of the phases before the current one that were kept,
 * sorted by start (then as found), with the longest length, so the spans a
 * candidate can overlap are found by bisection: linear, not quadratic, in
 * the number of annotations. Kept from phase to phase, each adding the
 * spans it kept; a span a later phase removes stays listed, flagged
 * SPAN_REMOVED, and is skipped. The same lists hold what the stages after
 * read (resolved_spans, resolve.h): the visible spans in the order found
 * and the spans of the helper types in helper_types. */
typedef struct {
    span_position *spans;
    size_t count, cap;
    uint32_t longest;
    uint32_t *found;      /* the visible spans in the order found */
    size_t found_count, found_cap;
    uint32_t *helpers;
    size_t helper_count, helper_cap;
    uint8_t helper_types[MAX_TYPES / 8];
} earlier_spans;

/* Room for count more entries in each of e's lists. */
static void grow_lists(earlier_spans *e, size_t count)
{
    grow_array((void **)&e->spans, &e->cap, e->count + count + 1, sizeof *e->spans);
    grow_array((void **)&e->found, &e->found_cap, e->found_count + count + 1, sizeof *e->found);
    grow_array((void **)&e->helpers, &e->helper_cap, e->helper_count + count + 1, sizeof *e->helpers);
}

/* Lists the spans a document holds before its first phase (the layout's,
 * structure.h), in any order: sorted by start (then as found). */
static void list_before_phases(earlier_spans *e, const document *doc)
{
    grow_lists(e, doc->span_count);
    for (size_t i = 0; i < doc->span_count; i++) {
        const span *s = &doc->spans[i];
        if (!(s->flags & (SPAN_REMOVED | SPAN_HIDDEN))) {
            e->spans[e->count++] = (span_position){s->start, (uint32_t)i};
            e->found[e->found_count++] = (uint32_t)i;
            if (s->end - s->start > e->longest)
                e->longest = s->end - s->start;
        } else if (!(s->flags & SPAN_REMOVED) && type_in(e->helper_types, s->type)) {
            e->helpers[e->helper_count++] = (uint32_t)i;
        }
    }
    sort_by_start(e->spans, e->count);
}

/* Lists the visible spans the phase from span first kept, as b tells, and
 * clears its bits: in the order found from b->kept, by start from
 * b->kept_starts and b->kept_at, then merged into e->spans from the back.
 * No sort: the bits come in order. */
static void list_kept(earlier_spans *e, const document *doc, size_t first, size_t n, phase_buffers *b)
{
    for (size_t w = 0; w <= (n - 1) / 64; w++) {
        for (uint64_t bits = b->kept[w]; bits; bits &= bits - 1)
            e->found[e->found_count++] = (uint32_t)(first + w * 64 + (size_t)__builtin_ctzll(bits));
        b->kept[w] = 0;
    }
    size_t added = 0;
    span_position *new_spans = b->new_spans;
    for (size_t w = 0, words = doc->tokens.count / 64 + 1; w < words; w++) {
        for (uint64_t bits = b->kept_starts[w]; bits; bits &= bits - 1)
            new_spans[added++] = b->kept_at[w * 64 + (size_t)__builtin_ctzll(bits)];
        b->kept_starts[w] = 0;
    }
    if (b->kept_longest > e->longest)
        e->longest = b->kept_longest;
    b->kept_longest = 0;
    /* an old span starting with a new one was found first: it goes before */
    size_t i = e->count, j = added, k = e->count + added;
    e->count = k;
    while (j > 0 && i > 0)
        e->spans[--k] = e->spans[i - 1].start > new_spans[j - 1].start ? e->spans[--i] : new_spans[--j];
    memcpy(e->spans, new_spans, j * sizeof *new_spans); /* the new ones before every old one */
}

/* Keeps candidate r or removes it, against the spans kept before it: those
 * of its phase (b->taken) and of earlier phases (earlier_list). A candidate
 * that is not contested shares no token with another of its phase, so
 * b->taken is neither read nor written for it. */
static void settle(const ann_rules *rules, document *doc, uint32_t floor, const earlier_spans *earlier_list,
                   phase_buffers *b, const ranked *r, int contested)
{
    span *c = &doc->spans[r->index];
    uint32_t *taken = b->taken;
    size_t first_token = c->first_token, end_token = r->end_token;
    int lost = 0;
    for (size_t t = first_token; contested && !lost && t < end_token; t++)
        if (taken[t] > floor && !(taken[t] & CLAIMED)) { /* kept in this phase: a loser names its winner */
            lost = 1;
            c->lost_to = (int32_t)(taken[t] - 1 - b->base);
        }
    const span_position *earlier = earlier_list->spans;
    size_t earlier_count = earlier_list->count;
    uint32_t longest = earlier_list->longest;
    size_t *covered = b->covered, covered_count = 0;
    uint32_t from = c->start > longest ? c->start - longest : 0;
    size_t lo = COUNT_BEFORE(earlier, earlier_count, start, from);
    for (size_t e = lo; !lost && e < earlier_count && earlier[e].start < c->end; e++) {
        const span *o = &doc->spans[earlier[e].index];
        if (o->flags & SPAN_REMOVED || o->end <= c->start || o->start >= c->end)
            continue;
        int o_in_c = o->start >= c->start && o->end <= c->end;
        int c_in_o = c->start >= o->start && c->end <= o->end;
        /* built from it: it stays nested; but a span of the same extent
         * nests nothing, and takes the place of the one it would nest only
         * if it outranks it ("Nagorik Consumer Forum" stays the ORG it was,
         * not an EVENT around it) */
        int nests = o_in_c && type_in(rules->rules[c->rule].nest_types, o->type);
        if (nests && !c_in_o)
            continue;
        if (o_in_c && (nests ? o->priority < c->priority : o->priority <= c->priority) &&
            (!c_in_o || o->type != c->type)) {
            covered[covered_count++] = earlier[e].index;
        } else {
            lost = 1; /* crosses, lies inside, or covers a span that outranks it */
            c->lost_to = (int32_t)earlier[e].index;
        }
    }
    if (lost) {
        c->flags |= SPAN_REMOVED;
        return;
    }
    for (size_t j = 0; j < covered_count; j++) {
        doc->spans[covered[j]].flags |= SPAN_REMOVED;
        doc->spans[covered[j]].lost_to = (int32_t)r->index;
    }
    for (size_t t = first_token; contested && t < end_token; t++)
        taken[t] = b->base + r->index + 1;
    /* kept: for list_kept */
    size_t nth = r->index - (floor - b->base);
    b->kept[nth / 64] |= 1ULL << (nth % 64);
    b->kept_starts[first_token / 64] |= 1ULL << (first_token % 64);
    b->kept_at[first_token] = (span_position){c->start, r->index};
    if (c->end - c->start > b->kept_longest)
        b->kept_longest = c->end - c->start;
}

/* b->taken: per token, the mark of the visible span kept over it, or that
 * of the first candidate of the phase over it with CLAIMED set while the
 * candidates are looked over; the phase's own are above floor.
 *
 * Only candidates that share a token with another of the phase need the
 * ranking: one that shares none meets no other, not even through an
 * earlier span (spans start and end on tokens, so two that overlap share
 * a token), and comes out the same in any order. Most are of that kind, so
 * only the others are sorted. The visible spans the phase keeps share no
 * token either: listed by their first tokens, they come by start. */
static void resolve_phase(const ann_rules *rules, document *doc, size_t first, earlier_spans *earlier_list,
                          phase_buffers *b)
{
    size_t n = doc->span_count - first;
    if (!n)
        return;
    /* the contested candidates from order[0] on, the others from order[n] on */
    grow_array((void **)&b->order, &b->order_cap, 2 * n, sizeof *b->order);
    grow_array((void **)&b->contested, &b->contested_cap, n, 1);
    grow_bits(&b->kept, &b->kept_cap, n);
    grow_array((void **)&b->new_spans, &b->new_cap, n, sizeof *b->new_spans);
    grow_lists(earlier_list, n);
    /* the earlier spans a candidate covers: at most all of them */
    grow_array((void **)&b->covered, &b->covered_cap, earlier_list->count + 1, sizeof *b->covered);
    grow_array((void **)&b->helper_next, &b->helper_next_cap, n, sizeof *b->helper_next);
    uint32_t floor = b->base + (uint32_t)first;
    ranked *order = b->order;
    uint8_t *contested = b->contested; /* per span of the phase */
    uint32_t *taken = b->taken, *helper_at = b->helper_at, *helper_next = b->helper_next;
    const token *tokens = doc->tokens.items;
    size_t token_count = doc->tokens.count;
    memset(contested, 0, n);
    size_t count = 0;
    for (size_t i = first; i < doc->span_count; i++) {
        const span *c = &doc->spans[i];
        if (c->flags & SPAN_HIDDEN) {
            drop_if_duplicate(doc->spans, i, helper_at, helper_next, b->base, first);
            if (!(c->flags & SPAN_REMOVED) && type_in(earlier_list->helper_types, c->type))
                earlier_list->helpers[earlier_list->helper_count++] = (uint32_t)i;
            continue;
        }
        /* its tokens: [c->first_token, end_token) */
        size_t end_token = c->first_token;
        for (; end_token < token_count && tokens[end_token].start < c->end; end_token++)
            if ((taken[end_token] & ~CLAIMED) > floor) {
                contested[i - first] = 1;
                contested[(taken[end_token] & ~CLAIMED) - 1 - floor] = 1;
            } else {
                taken[end_token] = (floor + (uint32_t)(i - first) + 1) | CLAIMED;
            }
        order[count].index = (uint32_t)i;
        order[count++].end_token = (uint32_t)end_token;
    }
    size_t ranked_count = 0, alone_count = 0;
    for (size_t k = 0; k < count; k++)
        if (contested[order[k].index - first])
            order[ranked_count++] = ranked_of(doc, order[k].index, order[k].end_token);
        else
            order[n + alone_count++] = order[k];
    sort_by_rank(order, ranked_count);
    const struct {
        const ranked *from;
        size_t count;
    } runs[] = {{order, ranked_count}, {order + n, alone_count}};
    for (int r = 0; r < 2; r++)
        for (size_t k = 0; k < runs[r].count; k++)
            settle(rules, doc, floor, earlier_list, b, &runs[r].from[k], r == 0);
    list_kept(earlier_list, doc, first, n, b);
}

struct document_scratch {
    char *block;
    size_t used, cap;
    void **spilled;       /* what did not fit in block, taken from malloc */
    size_t spilled_count, spilled_cap, spilled_bytes;
};

#define SCRATCH_ALIGN 16

/* Under AddressSanitizer the block's bytes are poisoned but for the pieces
 * taken, so that a stage running past its piece is caught as it would be
 * past one from malloc. */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define SCRATCH_POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define SCRATCH_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define SCRATCH_POISON(p, n) ((void)(p), (void)(n))
#define SCRATCH_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

void *scratch_take(document_scratch *scratch, size_t wanted)
{
    /* never an empty piece: the first document's block is NULL */
    size_t n = wanted ? (wanted + SCRATCH_ALIGN - 1) & ~(size_t)(SCRATCH_ALIGN - 1) : SCRATCH_ALIGN;
    if (scratch->cap - scratch->used >= n) {
        void *piece = scratch->block + scratch->used;
        scratch->used += n;
        SCRATCH_UNPOISON(piece, wanted);
        return piece;
    }
    void *piece = xmalloc(n);
    ARRAY_PUSH(scratch->spilled, scratch->spilled_count, scratch->spilled_cap, piece);
    scratch->spilled_bytes += n;
    return piece;
}

static void free_spilled(document_scratch *scratch)
{
    for (size_t i = 0; i < scratch->spilled_count; i++)
        free(scratch->spilled[i]);
}

/* Gives back what the last document took; the block grows to hold it all
 * next time. */
static void scratch_reset(document_scratch *scratch)
{
    free_spilled(scratch);
    if (scratch->spilled_bytes) {
        free(scratch->block);
        scratch->cap = 2 * (scratch->cap + scratch->spilled_bytes);
        scratch->block = xmalloc(scratch->cap);
    }
    SCRATCH_POISON(scratch->block, scratch->cap);
    scratch->used = scratch->spilled_count = scratch->spilled_bytes = 0;
}

struct resolve_buffers {
    phase_buffers phase;
    earlier_spans earlier;
    document_scratch scratch;
};

void resolve_buffers_free(resolve_buffers *buffers)
{
    if (!buffers)
        return;
    phase_buffers *b = &buffers->phase;
    free(b->helper_at);
    free(b->helper_next);
    free(b->new_spans);
    free(b->order);
    free(b->contested);
    free(b->covered);
    free(b->taken);
    free(b->kept);
    free(b->kept_starts);
    free(b->kept_at);
    free(buffers->earlier.spans);
    free(buffers->earlier.found);
    free(buffers->earlier.helpers);
    free_spilled(&buffers->scratch);
    free(buffers->scratch.spilled);
    free(buffers->scratch.block);
    free(buffers);
}

void annotate_document(matcher *m, const ann_rules *rules, document *doc)
{
    if (!doc->resolve_buffers)
        doc->resolve_buffers = xcalloc(1, sizeof *doc->resolve_buffers);
    phase_buffers *b = &doc->resolve_buffers->phase;
    earlier_spans *earlier = &doc->resolve_buffers->earlier;
    document_scratch *scratch = &doc->resolve_buffers->scratch;
    scratch_reset(scratch);
    earlier->count = earlier->found_count = earlier->helper_count = 0;
    earlier->longest = 0;
    static const named_type helper_types[] = {NAMED_SURNAME_FIRST, NAMED_LEGAL_FORM, NAMED_SPEECH,
                                              NAMED_PLACE_ANY_CASE, NAMED_PEOPLE_ANY_CASE, NAMED_FIRST_NAME};
    memset(earlier->helper_types, 0, sizeof earlier->helper_types);
    for (size_t k = 0; k < sizeof helper_types / sizeof *helper_types; k++) {
        int id = rules->named_type_id[helper_types[k]];
        if (id >= 0)
            earlier->helper_types[id / 8] |= (uint8_t)(1u << (id % 8));
    }
    if (b->base > MARK_BASE_LIMIT) {
        memset(b->taken, 0, b->taken_cap * sizeof *b->taken);
        memset(b->helper_at, 0, b->helper_at_cap * sizeof *b->helper_at);
        b->base = 0;
    }
    grow_marks(&b->taken, &b->taken_cap, doc->tokens.count + 1);
    grow_marks(&b->helper_at, &b->helper_at_cap, doc->tokens.count + 1);
    grow_bits(&b->kept_starts, &b->kept_starts_cap, doc->tokens.count + 1);
    grow_array((void **)&b->kept_at, &b->kept_at_cap, doc->tokens.count + 1, sizeof *b->kept_at);
    list_before_phases(earlier, doc);
    for (int phase = 1; phase <= rules->phase_count; phase++) {
        size_t first = doc->span_count;
        match_phase(m, doc, phase);
        resolve_phase(rules, doc, first, earlier, b);
    }
    b->base += (uint32_t)doc->span_count;
    /* room for the spans link adds */
    grow_array((void **)&earlier->found, &earlier->found_cap, earlier->found_count + doc->tokens.count + 1,
               sizeof *earlier->found);
    resolved_spans spans = {.by_start = earlier->spans,
                            .by_start_count = earlier->count,
                            .longest = earlier->longest,
                            .visible = earlier->found,
                            .visible_count = earlier->found_count,
                            .helpers = earlier->helpers,
                            .helper_count = earlier->helper_count};
    link_document(rules, doc, &spans, scratch);
    quote_document(rules, doc, &spans, scratch);
    stance_document(rules, doc);
}
