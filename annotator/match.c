#include "match.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "copy.h"
#include "sort.h"

#define MATCH_LIMIT 1000000
#define DEPTH_LIMIT 10000
#define HEAP_LIMIT_KIB 20000

/* The start key (rules.h) of every marker: its lead byte. */
#define MARK_KEY ((unsigned char)MARK_OPEN[0])

/* A marker this long or shorter is copied into a view as a block of this
 * size, a few moves rather than a call: the view and the markers have
 * room for the bytes past its end. */
#define MARK_BLOCK 32

/* One marker inserted into a view: where it sits in the view, its length, the
 * document offset it stands at, and the total marker bytes up to its end. */
typedef struct {
    uint32_t vpos, vlen, orig, shift;
    uint16_t type;        /* of the span an opening marker opens */
    uint8_t open;
} view_mark;

typedef struct {
    uint32_t start, end;
    uint16_t phase, type;
    uint32_t index;       /* in doc->spans */
} span_ref;

/* A word trigger at a token: the token, and the rule it starts or needs. */
typedef struct {
    uint32_t token, rule;
} token_trigger;

/* Where a trigger item goes: its list in trigger_lists (trigger_list_of),
 * and its rule, side by side, for the one load a word's items cost. */
typedef struct {
    uint32_t list, rule;
} trigger_target;

/* The triggers found of one list (trigger_list_of), in token order. */
typedef struct {
    token_trigger *items;
    size_t count, cap;
} trigger_list_found;

/* A rule's match as the batch callout saw it: its own captures, renumbered
 * as if the rule had been compiled alone (group g at ovector[2g]). */
typedef struct {
    size_t rule;
    size_t ovector;       /* index of its ovector in matcher.hit_ovectors */
} batch_hit;

struct matcher {
    const ann_rules *rules;
    pcre2_match_data *match_data;
    pcre2_match_context *match_context;
    pcre2_jit_stack *jit_stack;
    gaz_token_hashes hashes;
    int reads_token_hashes; /* a word list or a word trigger: otherwise no token is hashed */
    match_limit_fn on_limit;
    void *limit_ctx;

    /* the view being matched; for the plain view, text is the clean text */
    const document *doc;
    const char *text;
    char *view;
    size_t view_len, view_cap;
    char *open_marks;     /* per type: its opening marker, MARK_OPEN name MARK_SEP */
    size_t *open_mark_start; /* type t's is open_marks[open_mark_start[t] .. open_mark_start[t + 1]) */
    size_t longest_open_mark;
    uint32_t *view_reach; /* per view: how many bytes before a sentence its patterns may look at */
    int32_t *view_hopeless_above; /* per view: above this cover priority, none of its rules can win at a token
                                   * (batch_hopeless) */
    trigger_target *trigger_target; /* per trigger item: its list in trigger_lists and its rule */
    uint32_t *trigger_run_end; /* per trigger item: past the last item with its key */
    uint8_t *trigger_run_starts; /* per trigger item: whether one from it to trigger_run_end starts a rule */
    uint16_t *view_types; /* view i shows view_types[view_types_start[i] .. view_types_start[i + 1]) */
    size_t *view_types_start;
    view_mark *marks;
    size_t mark_count, mark_cap;
    span_ref *selected;   /* spans shown in the view, outer first */
    size_t selected_count, selected_cap;
    span_ref *merged;     /* scratch for merging a type's spans into selected */
    size_t merged_cap;
    uint8_t *phase_shows; /* per phase, MAX_TYPES bytes: 1 for each type its views show */
    uint16_t *shown_types; /* those types, phase p's at shown_types[shown_types_start[p - 1] .. [p]), ascending */
    size_t *shown_types_start;
    size_t *phase_views;  /* the views of phase p with rules, at phase_views[phase_views_start[p - 1] .. [p]) */
    size_t *phase_views_start;
    span_ref *shown;      /* spans of earlier phases with such a type, by type, outer first (find_shown_spans) */
    size_t shown_cap;
    size_t *shown_from, *shown_to; /* type t's are shown[shown_from[t] .. shown_to[t]), for the types shown */
    int shown_ready;      /* shown[] is for the current phase */
    int phase;

    const rule_batch *batch; /* the batch being matched */
    pcre2_match_data *probe_data; /* for the start probes (rule_may_start_with) */
    pcre2_match_context *probe_context;
    batch_hit *hits;
    size_t hit_count, hit_cap;
    PCRE2_SIZE *hit_ovectors;
    size_t hit_ovector_count, hit_ovector_cap;

    uint32_t *rule_sentence; /* per rule: the sentence stamp when its required words were seen */
    uint32_t *rule_last_word; /* per rule: where the last token of that sentence holding one of them starts */
    uint32_t *ready;      /* the view's rules without start words whose required words the sentence holds,
                           * by index (find_sentence_words) */
    size_t ready_count, ready_cap;
    uint32_t *rule_position; /* per rule: the position stamp when it last ran */
    uint32_t sentence_stamp, position_stamp;
    uint64_t *sentence_needs; /* per sentence: need slots (rules.h) of what it holds */
    trigger_list_found *trigger_lists; /* per list (trigger_list_of): the triggers found at the tokens */
    uint16_t *token_start_key; /* per token: its start key (rules.h), the same in every view */
    uint16_t *token_start_class; /* per token: its start key, plus START_KEYS when some rule starts with its word */
    size_t token_start_key_cap, token_start_class_cap;
    uint8_t *view_starts_at_class; /* per view, two tables of 2 * START_KEYS (starts_at_table): 1 where it may start
                                    * at a token of that class */
    uint32_t *view_key_batches; /* per view, START_KEYS masks: bit b for each of its first 32 batches that may
                                 * start at a key (more batches: all bits, tested one by one) */
    uint32_t *token_sentence; /* per token: the last sentence starting at or before it (UINT32_MAX: none) */
    size_t token_sentence_cap;
    uint32_t *candidates; /* tokens of a sentence where a view may start */
    size_t candidate_cap;
    int32_t *cover_priority; /* per token: highest priority of an earlier-phase annotation over it */
    size_t cover_cap;
    size_t phase_first_span; /* the first annotation of the phase being matched */
    size_t covered_to;    /* the annotations before this one are in cover_priority */
    struct need_span *need_spans; /* the document's annotations of needed types (note_spans) */
    size_t need_span_count, need_span_cap;
    size_t need_noted_to; /* the annotations before this one are in need_spans when of a needed type */
    size_t sentence_needs_cap;
    const uint32_t *view_sentences; /* the sentences the view being matched needs: a slot's list, or found */
    size_t view_sentence_count;
    uint32_t *found_sentences; /* those of a view needing several types */
    size_t found_sentence_cap;
    uint64_t *phase_list_slots; /* per phase: the need slots of its views that need one type */
    uint32_t *slot_sentences; /* for those, the sentences holding each, slot s's at
                               * slot_sentences[slot_sentence_start[s] ..) (list_slot_sentences) */
    size_t slot_sentence_cap;
    size_t slot_sentence_start[64], slot_sentence_count[64];
    uint32_t *zones;      /* start,end pairs of the text its matches may look at: it marks only there */
    size_t zone_count, zone_cap;

    char *scratch;        /* norm and attribute values being built */
    size_t scratch_len, scratch_cap;
};

/* ---- views ---------------------------------------------------------------- */

/* Maps a view offset to a document offset; *inside is set when the offset
 * falls strictly inside a marker. Inline: it runs for every match end the
 * callout sees, and in a plain view returns at once. */
static inline uint32_t view_to_doc(const matcher *m, size_t vpos, int *inside)
{
    *inside = 0;
    size_t lo = COUNT_UP_TO(m->marks, m->mark_count, vpos, vpos);
    if (lo == 0)
        return (uint32_t)vpos;
    const view_mark *k = &m->marks[lo - 1];
    if (vpos < (size_t)k->vpos + k->vlen) {
        *inside = vpos > k->vpos;
        return k->orig;
    }
    return (uint32_t)(vpos - k->shift);
}

static int on_rule_end(pcre2_callout_block *block, void *data)
{
    matcher *m = data;
    int inside;
    uint32_t off = view_to_doc(m, block->current_position, &inside);
    if (inside || !doc_token_ends_at(m->doc, off))
        return 1; /* backtrack: the match must end on a token end */
    const rule_batch *b = m->batch;
    size_t k = block->callout_number - 1;
    const rule *r = &m->rules->rules[b->rules[k]];
    size_t slots = 2 * ((size_t)r->own_groups + 1);
    grow_array((void **)&m->hit_ovectors, &m->hit_ovector_cap, m->hit_ovector_count + slots,
               sizeof *m->hit_ovectors);
    PCRE2_SIZE *ov = m->hit_ovectors + m->hit_ovector_count;
    ov[0] = block->start_match;
    ov[1] = block->current_position;
    for (uint32_t g = 1; g <= r->own_groups; g++) {
        uint32_t group = b->group_base[k] + g;
        int set = group < block->capture_top;
        ov[2 * g] = set ? block->offset_vector[2 * group] : PCRE2_UNSET;
        ov[2 * g + 1] = set ? block->offset_vector[2 * group + 1] : PCRE2_UNSET;
    }
    batch_hit hit = {b->rules[k], m->hit_ovector_count};
    m->hit_ovector_count += slots;
    ARRAY_PUSH(m->hits, m->hit_count, m->hit_cap, hit);
    return 0;
}

/* Outer spans first: by start, then longer first, then later phase first
 * (a later rule built around an earlier span of the same extent). */
static int by_nesting(const void *a, const void *b)
{
    const span_ref *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    if (x->phase != y->phase)
        return x->phase > y->phase ? -1 : 1;
    return x->index < y->index ? -1 : 1;
}

DEFINE_SORT(sort_by_nesting, span_ref, by_nesting)

/* Whether spans are outer first already, as those of one type most often
 * are: sorting them would cost a scratch copy and a pass per doubling. */
static int nested_in_order(const span_ref *spans, size_t count)
{
    for (size_t i = 1; i < count; i++)
        if (by_nesting(&spans[i - 1], &spans[i]) > 0)
            return 0;
    return 1;
}

/* Adds count spans, outer first, to m->selected, which is outer first too,
 * keeping it so: a merge, where sorting all of a view's types together
 * cost a pass per doubling. */
static void select_spans(matcher *m, const span_ref *spans, size_t count)
{
    size_t have = m->selected_count;
    grow_array((void **)&m->selected, &m->selected_cap, have + count, sizeof *m->selected);
    span_ref *selected = m->selected;
    if (!have || !count || by_nesting(&selected[have - 1], &spans[0]) < 0) {
        memcpy(selected + have, spans, count * sizeof *spans);
        m->selected_count = have + count;
        return;
    }
    grow_array((void **)&m->merged, &m->merged_cap, have + count, sizeof *m->merged);
    span_ref *out = m->merged;
    size_t i = 0, j = 0, k = 0;
    /* by_nesting orders any two spans, by index last */
    while (i < have && j < count)
        out[k++] = by_nesting(&spans[j], &selected[i]) < 0 ? spans[j++] : selected[i++];
    memcpy(out + k, selected + i, (have - i) * sizeof *out);
    k += have - i;
    memcpy(out + k, spans + j, (count - j) * sizeof *out);
    memcpy(selected, out, (have + count) * sizeof *out);
    m->selected_count = have + count;
}

/* A view being built (build_view). Locals: copying text into the view
 * could, for the compiler, store into anything, and it reloaded the
 * matcher's fields after every copy. */
typedef struct {
    char *view;
    size_t len;
    view_mark *marks;
    size_t mark_count;
    uint32_t shift;       /* marker bytes so far */
    const uint32_t *zones;
    size_t zone_count, zone; /* zone: the first not yet passed */
    const char *open_marks;
    const size_t *open_mark_start;
    const char *text;
    uint32_t pos;         /* the text is copied up to here */
} view_builder;

/* Copies the text up to orig into the view, then adds the marker opening a
 * span of type (type >= 0) or a closing one, when orig lies in a zone.
 * build_view has made room for both. Inlined: it runs at both ends of every
 * shown span, many outside the zones, where the call cost more than the
 * test. */
static inline __attribute__((always_inline)) void view_mark_add(view_builder *vb, uint32_t orig, int type)
{
    while (vb->zone < vb->zone_count && vb->zones[2 * vb->zone + 1] < orig)
        vb->zone++;
    if (vb->zone == vb->zone_count || orig < vb->zones[2 * vb->zone])
        return;
    copy_bytes(vb->view + vb->len, vb->text + vb->pos, orig - vb->pos);
    vb->len += orig - vb->pos;
    vb->pos = orig;
    static const char close_mark[MARK_BLOCK] = MARK_CLOSE;
    const char *mark = close_mark;
    uint32_t len = MARK_LEN;
    if (type >= 0) {
        mark = vb->open_marks + vb->open_mark_start[type];
        len = (uint32_t)(vb->open_mark_start[type + 1] - vb->open_mark_start[type]);
    }
    if (len <= MARK_BLOCK)
        memcpy(vb->view + vb->len, mark, MARK_BLOCK);
    else
        memcpy(vb->view + vb->len, mark, len);
    view_mark *k = &vb->marks[vb->mark_count++];
    vb->shift += len;
    *k = (view_mark){.vpos = (uint32_t)vb->len, .vlen = len, .orig = orig, .shift = vb->shift,
                     .type = (uint16_t)(type >= 0 ? type : 0), .open = type >= 0};
    vb->len += len;
}

static int has_type(const uint8_t *types, uint16_t type)
{
    return types[type / 8] & (1u << (type % 8));
}

/* Collects, once per phase, the spans some view of the phase may show, by
 * type, so each view looks at those of its types rather than at every span
 * (most are list helpers no view shows). */
static void find_shown_spans(matcher *m, const document *doc, int phase)
{
    const uint8_t *shows = m->phase_shows + (size_t)(phase - 1) * MAX_TYPES;
    const uint16_t *types = m->shown_types + m->shown_types_start[phase - 1];
    size_t type_count = m->shown_types_start[phase] - m->shown_types_start[phase - 1];
    /* locals: a store into them could otherwise be a count; shown_to
     * counts each type's spans, then is where the next one goes */
    size_t *shown_from = m->shown_from, *shown_to = m->shown_to;
    for (size_t k = 0; k < type_count; k++)
        shown_to[types[k]] = 0;
    const span *spans = doc->spans;
    size_t span_count = doc->span_count, count = 0;
    /* the spans to show, in selected (free until build_view fills it), then
     * by type into shown */
    grow_array((void **)&m->selected, &m->selected_cap, span_count + 1, sizeof *m->selected);
    span_ref *found = m->selected;
    for (size_t i = 0; i < span_count; i++) {
        const span *s = &spans[i];
        if (shows[s->type] && !(s->flags & SPAN_REMOVED) && s->phase < phase) {
            shown_to[s->type]++;
            found[count++] = (span_ref){s->start, s->end, s->phase, s->type, (uint32_t)i};
        }
    }
    for (size_t k = 0, at = 0; k < type_count; k++) {
        shown_from[types[k]] = at;
        at += shown_to[types[k]];
        shown_to[types[k]] = shown_from[types[k]];
    }
    grow_array((void **)&m->shown, &m->shown_cap, count + 1, sizeof *m->shown);
    span_ref *shown = m->shown;
    for (size_t k = 0; k < count; k++)
        shown[shown_to[found[k].type]++] = found[k];
    /* each type's in order once, for every view showing it */
    for (size_t k = 0; k < type_count; k++) {
        span_ref *first = shown + shown_from[types[k]];
        size_t n = shown_to[types[k]] - shown_from[types[k]];
        if (!nested_in_order(first, n))
            sort_by_nesting(first, n);
    }
    m->shown_ready = 1;
}

/* Builds the view of the document in which the spans of earlier phases whose
 * types the view shows are wrapped in markers. Spans that would cross an
 * already placed one are left out, so the markers always nest. Markers go
 * only into the zones (find_view_sentences): a match sees nothing else. */
static void build_view(matcher *m, const document *doc, size_t view_index, int phase)
{
    m->selected_count = 0;
    m->mark_count = 0;
    m->view_len = 0;
    if (!m->shown_ready)
        find_shown_spans(m, doc, phase);
    for (size_t i = m->view_types_start[view_index]; i < m->view_types_start[view_index + 1]; i++) {
        uint16_t type = m->view_types[i];
        select_spans(m, m->shown + m->shown_from[type], m->shown_to[type] - m->shown_from[type]);
    }
    if (!m->selected_count) {
        /* nothing to mark: the view is the text */
        m->text = doc->text.clean;
        return;
    }
    /* room for the text and two markers around every span */
    grow_array((void **)&m->view, &m->view_cap,
               doc->len + m->selected_count * (m->longest_open_mark + MARK_LEN) + MARK_BLOCK + 1, 1);
    grow_array((void **)&m->marks, &m->mark_cap, 2 * m->selected_count, sizeof *m->marks);

    view_builder vb = {.view = m->view, .marks = m->marks, .zones = m->zones, .zone_count = m->zone_count,
                       .open_marks = m->open_marks, .open_mark_start = m->open_mark_start, .text = doc->text.clean};
    span_ref *selected = m->selected;
    uint32_t stack[64];   /* the ends of the spans open at this point */
    size_t depth = 0, kept = 0;
    for (size_t k = 0, count = m->selected_count; k < count; k++) {
        span_ref s = selected[k];
        while (depth && stack[depth - 1] <= s.start)
            view_mark_add(&vb, stack[--depth], -1);
        if ((depth && s.end > stack[depth - 1]) || depth == sizeof stack / sizeof *stack)
            continue;
        view_mark_add(&vb, s.start, s.type);
        stack[depth++] = s.end;
        selected[kept++] = s;
    }
    m->selected_count = kept;
    while (depth)
        view_mark_add(&vb, stack[--depth], -1);
    memcpy(vb.view + vb.len, vb.text + vb.pos, doc->len - vb.pos);
    vb.len += doc->len - vb.pos;
    vb.view[vb.len] = '\0';
    m->view_len = vb.len;
    m->mark_count = vb.mark_count;
    m->text = m->view;
}

/* ---- candidates ----------------------------------------------------------- */

static void scratch_add(matcher *m, const char *s, size_t n)
{
    grow_array((void **)&m->scratch, &m->scratch_cap, m->scratch_len + n + 1, 1);
    memcpy(m->scratch + m->scratch_len, s, n);
    m->scratch_len += n;
    m->scratch[m->scratch_len] = '\0';
}

/* Whether text[start..end) is its own surface form: printable ASCII words
 * with single spaces between them, as most surfaces are. */
static int surface_is_plain(const document *doc, uint32_t start, uint32_t end)
{
    const unsigned char *t = (const unsigned char *)doc->text.clean;
    for (uint32_t i = start; i < end; i++)
        if ((t[i] <= ' ' || t[i] >= 0x7f) && (t[i] != ' ' || i == start || t[i - 1] == ' ' || i + 1 == end))
            return 0;
    return 1;
}

/* Whether a candidate's surface is its own folded form (scratch_add_surface),
 * to be interned as it stands. It starts at token first and ends on a token
 * end, and no token holds a byte the folding changes (a space or control;
 * the no-break space is a space, and U+FFFE and U+FFFF are controls in the
 * clean text): only the gaps between tokens matter. One space or printable
 * byte stays as it is; a wider gap is looked at byte by byte. */
static int candidate_is_plain(const document *doc, uint32_t start, uint32_t end, size_t first)
{
    const unsigned char *t = (const unsigned char *)doc->text.clean;
    for (const token *tok = &doc->tokens.items[first]; tok->end < end; tok++) {
        uint32_t gap = tok[1].start - tok->end;
        if (gap > 1)
            return surface_is_plain(doc, start, end);
        if (gap == 1 && (t[tok->end] < ' ' || t[tok->end] >= 0x7f))
            return 0;
    }
    return 1;
}

/* Appends text[start..end) with every run of spaces, controls and characters
 * XML cannot carry folded into one space, and the ends trimmed: the form of a
 * surface used in norms and attributes. */
static void scratch_add_surface(matcher *m, const document *doc, uint32_t start, uint32_t end)
{
    const unsigned char *t = (const unsigned char *)doc->text.clean;
    if (surface_is_plain(doc, start, end)) {
        scratch_add(m, (const char *)t + start, end - start);
        return;
    }
    int pending_space = 0;
    size_t begin = m->scratch_len;
    /* the folded form is never longer than the surface */
    grow_array((void **)&m->scratch, &m->scratch_cap, m->scratch_len + (end - start) + 1, 1);
    char *out = m->scratch + m->scratch_len;
    for (uint32_t i = start; i < end;) {
        unsigned char c = t[i];
        size_t n = 1;
        int blank = c <= ' ' || c == 0x7f;
        if (c == 0xEF && i + 2 < end && t[i + 1] == 0xBF && (t[i + 2] == 0xBE || t[i + 2] == 0xBF))
            blank = 1, n = 3;
        else if (c == 0xC2 && i + 1 < end && t[i + 1] == 0xA0)
            blank = 1, n = 2;
        if (blank) {
            pending_space = 1;
        } else {
            if (pending_space && out > m->scratch + begin)
                *out++ = ' ';
            pending_space = 0;
            *out++ = (char)c;
        }
        i += (uint32_t)n;
    }
    *out = '\0';
    m->scratch_len = (size_t)(out - m->scratch);
}

/* The value of a capture: the norm of the earlier annotation it coincides
 * with, if any, else its surface. */
static void scratch_add_value(matcher *m, const document *doc, uint32_t start, uint32_t end)
{
    /* the first shown span starting at start */
    size_t lo = COUNT_BEFORE(m->selected, m->selected_count, start, start);
    for (size_t k = lo; k < m->selected_count; k++) {
        const span *s = &doc->spans[m->selected[k].index];
        if (s->start > start)
            break;
        if (s->start == start && s->end == end && s->norm != NO_STRING) {
            const char *norm = doc_string(doc, s->norm);
            scratch_add(m, norm, strlen(norm));
            return;
        }
    }
    scratch_add_surface(m, doc, start, end);
}

typedef struct {
    const rule *r;
    PCRE2_SIZE *ovector;  /* NULL for list matches */
    uint32_t start, end;  /* the whole match, in document offsets */
} match_source;

static int capture_range(const matcher *m, const match_source *src, uint32_t group, uint32_t *start,
                         uint32_t *end)
{
    PCRE2_SIZE vs = src->ovector[2 * group], ve = src->ovector[2 * group + 1];
    if (vs == PCRE2_UNSET)
        return 0;
    int inside;
    *start = view_to_doc(m, vs, &inside);
    *end = view_to_doc(m, ve, &inside);
    return 1;
}

/* Expands a norm or attribute template: {match} is the surface, {name} the
 * value of the named capture (empty when it did not take part). */
static void scratch_add_template(matcher *m, const document *doc, const match_source *src, const char *tpl)
{
    for (const char *p = tpl; *p;) {
        const char *close = p[0] == '{' ? strchr(p, '}') : NULL;
        if (!close) {
            const char *next = strchr(p + 1, '{');
            size_t n = next ? (size_t)(next - p) : strlen(p);
            scratch_add(m, p, n);
            p += n;
            continue;
        }
        size_t n = (size_t)(close - p - 1);
        if (n == 5 && !memcmp(p + 1, "match", 5))
            scratch_add_surface(m, doc, src->start, src->end);
        else if (src->ovector) {
            for (size_t c = 0; c < src->r->capture_count; c++) {
                const char *name = src->r->capture_names[c];
                uint32_t cs, ce;
                if (strlen(name) == n && !memcmp(name, p + 1, n) &&
                    capture_range(m, src, src->r->capture_groups[c], &cs, &ce))
                    scratch_add_value(m, doc, cs, ce);
            }
        }
        p = close + 1;
    }
}

static uint32_t intern_scratch(document *doc, matcher *m, size_t from)
{
    uint32_t off = doc_intern(doc, m->scratch + from, m->scratch_len - from);
    m->scratch_len = from;
    return off;
}

/* Adds an attribute to the span at span_index; its key is a fixed string,
 * and its value the scratch buffer, which it empties. */
static void add_scratch_attr(document *doc, size_t span_index, const char *key, matcher *m)
{
    uint32_t k = doc_intern_fixed(doc, key, strlen(key));
    doc_add_attr(doc, &doc->spans[span_index], k, doc_intern(doc, m->scratch, m->scratch_len));
    m->scratch_len = 0;
}

/* Inlined: its two callers, for list and for pattern matches, each leave
 * half its tests known. */
static inline __attribute__((always_inline)) void add_candidate(matcher *m, document *doc, size_t rule_index,
                                                                const match_source *src, size_t first_token,
                                                                const gaz_entry *entry, const gazetteer *g)
{
    const rule *r = src->r;
    size_t idx = doc->span_count;
    span *s = doc_append_span(doc, first_token);
    s->start = src->start;
    s->end = src->end;
    s->type = r->type;
    s->phase = (uint16_t)m->phase;
    s->rule = (int32_t)rule_index;
    s->priority = r->priority;
    s->flags = r->hidden ? SPAN_HIDDEN : 0;
    if (r->norm_template) {
        m->scratch_len = 0;
        scratch_add_template(m, doc, src, r->norm_template);
        s->norm = intern_scratch(doc, m, 0);
    } else if (entry && entry->norm != UINT32_MAX)
        s->norm = doc_intern_fixed(doc, g->strings + entry->norm, strlen(g->strings + entry->norm));
    else if (candidate_is_plain(doc, s->start, s->end, first_token))
        s->norm = doc_intern(doc, doc->text.clean + s->start, s->end - s->start);
    else {
        m->scratch_len = 0;
        scratch_add_surface(m, doc, s->start, s->end);
        s->norm = intern_scratch(doc, m, 0);
    }
    if (r->hidden)
        return; /* helpers are never written: their norm is all a later rule can read */

    if (src->ovector)
        for (size_t c = 0; c < r->capture_count; c++) {
            uint32_t cs, ce;
            if (!capture_range(m, src, r->capture_groups[c], &cs, &ce))
                continue;
            scratch_add_value(m, doc, cs, ce);
            add_scratch_attr(doc, idx, r->capture_names[c], m);
        }
    if (entry && entry->attrs != UINT32_MAX)
        for (const gaz_attr *a = &g->attrs[entry->attrs]; a->key_len; a++)
            doc_add_attr(doc, &doc->spans[idx], doc_intern_fixed(doc, g->strings + a->key, a->key_len),
                         doc_intern_fixed(doc, g->strings + a->value, a->value_len));
    for (size_t a = 0; a < r->attr_count; a++) {
        scratch_add_template(m, doc, src, r->attrs[a].value_template);
        add_scratch_attr(doc, idx, r->attrs[a].key, m);
    }
}

/* ---- running -------------------------------------------------------------- */

typedef struct {
    matcher *m;
    document *doc;
    const gazetteer *g;
} list_ctx;

static void on_list_hit(void *data, const gaz_entry *entry, size_t first, size_t end)
{
    list_ctx *c = data;
    const rule *r = &c->m->rules->rules[entry->rule];
    match_source src = {.r = r, .start = c->doc->tokens.items[first].start,
                        .end = c->doc->tokens.items[end - 1].end};
    add_candidate(c->m, c->doc, entry->rule, &src, first, entry, c->g);
}

static void match_lists(matcher *m, document *doc, int phase)
{
    const gazetteer *g = &m->rules->lists[phase - 1];
    if (!g->entry_count)
        return;
    list_ctx ctx = {m, doc, g};
    gaz_lookup_sentences(g, doc, &m->hashes, on_list_hit, &ctx);
}

/* Whether a batch can start at the opening marker of a span of type. */
static int starts_at_marker(const rule_batch *b, uint16_t type)
{
    return !b->marker_starts || has_type(b->marker_starts, type);
}

/* A batch cannot win at a token when an earlier annotation over it (of
 * priority cover: cover_priority) outranks all its rules and none of them
 * keeps inner annotations: any match there would cross, lie inside, or
 * cover that annotation, and lose (resolve.h). */
static int batch_hopeless(const rule_batch *b, int32_t cover)
{
    return !b->keeps_inner && cover > b->max_priority;
}

/* The token starting at offset start (a token start), found by walking
 * forward from token from when that one does not begin after it. */
static size_t token_starting_at(const document *doc, uint32_t start, size_t from)
{
    const token_list *tokens = &doc->tokens;
    if (from >= tokens->count || tokens->items[from].start > start)
        return token_at_or_after(tokens, start);
    while (tokens->items[from].start < start)
        from++;
    return from;
}

/* Adds a candidate for every rule match the batch's callout recorded. */
static void add_batch_hits(matcher *m, document *doc, size_t t)
{
    int inside;
    for (size_t h = 0; h < m->hit_count; h++) {
        const rule *r = &m->rules->rules[m->hits[h].rule];
        PCRE2_SIZE *ov = m->hit_ovectors + m->hits[h].ovector;
        /* the span capture of whichever pattern line matched */
        uint32_t group = 0;
        for (size_t g = 0; g < r->span_group_count && !group; g++)
            if (ov[2 * r->span_groups[g]] != PCRE2_UNSET)
                group = r->span_groups[g];
        if (r->span_group_count && !group)
            continue;
        match_source src = {.r = r, .ovector = ov};
        src.start = view_to_doc(m, ov[2 * group], &inside);
        src.end = view_to_doc(m, ov[2 * group + 1], &inside);
        if (src.end <= src.start || !doc_token_starts_at(doc, src.start) || !doc_token_ends_at(doc, src.end))
            continue;
        add_candidate(m, doc, m->hits[h].rule, &src, token_starting_at(doc, src.start, t), NULL, NULL);
    }
}

/* Whether a batch may match where the text starts with two ASCII bytes,
 * as start probes of its rules tell (rules.h): a start key is one byte, so
 * a rule starting "US$" is tried at every word starting with U. Its
 * before_table tells the same of the two bytes before the start, which the
 * lookbehinds of its rules read, and its after_table of the two bytes
 * after the annotation a start at a marker opens. A probe costs some ten
 * failing calls, so a pair is probed only once met PAIR_PROBE_AFTER times;
 * till then its state counts how often. A table whose first
 * PAIR_PROBES_TO_LEARN probes all let its batch start is probed no more:
 * its rules start with nearly anything (a capital, a number), and later
 * probes would cost more than the few calls they could spare. The states
 * are the rules' (ann_rules.pair_states), shared by every matcher: with
 * several workers a pair is probed once, not once by each. A count another
 * matcher writes at the same moment may overwrite a verdict, which is then
 * probed again; no state is ever a wrong verdict. The tables are allocated
 * zero, so the pages of a table no batch meets cost nothing. */
enum { PAIR_PROBE_AFTER = 8, PAIR_PROBES_TO_LEARN = 16, PAIR_MAY = 254, PAIR_CANNOT = 255 };
#define TABLE_KEEPS_PROBING UINT32_MAX /* in ann_rules.table_probes: some probe ruled its batch out */

static __attribute__((noinline)) int probe_pair(matcher *m, const rule_batch *b, uint32_t table, int pair)
{
    _Atomic uint8_t *state = &m->rules->pair_states[(size_t)table * PAIR_STATES + pair];
    _Atomic uint32_t *probes = &m->rules->table_probes[table];
    uint32_t probed = atomic_load_explicit(probes, memory_order_relaxed);
    if (probed >= PAIR_PROBES_TO_LEARN && probed != TABLE_KEEPS_PROBING) {
        atomic_store_explicit(state, PAIR_MAY, memory_order_relaxed);
        return 1;
    }
    const char bytes[2] = {(char)(pair / 128), (char)(pair % 128)};
    int may = 0;
    for (size_t k = 0; k < b->count && !may; k++) {
        const rule *r = &m->rules->rules[b->rules[k]];
        if (table == b->before_table)
            may = rule_may_follow(r, bytes, m->probe_data, m->probe_context);
        else if (table == b->after_table)
            may = has_start_key(r->start_keys, MARK_KEY) &&
                  (!r->marker_starts || has_type(r->marker_starts, b->after_type)) &&
                  rule_may_start_after_annotation(m->rules, r, b->after_type, bytes, m->probe_data, m->probe_context);
        else
            may = has_start_key(r->start_keys, (unsigned char)bytes[0]) &&
                  rule_may_start_with(r, bytes, 2, m->probe_data, m->probe_context);
    }
    atomic_store_explicit(state, may ? PAIR_MAY : PAIR_CANNOT, memory_order_relaxed);
    /* a probe that ruled the batch out is never lost to another's count */
    while (probed < PAIR_PROBES_TO_LEARN &&
           !atomic_compare_exchange_weak_explicit(probes, &probed, may ? probed + 1 : TABLE_KEEPS_PROBING,
                                                  memory_order_relaxed, memory_order_relaxed))
        ;
    return may;
}

/* The two bytes at vpos as an index into pair tables, or NO_PAIR when
 * they are not both ASCII (a marker, a curly quote, the sentence's end)
 * or start the text: the probes take a character to come before them
 * (rule_may_start_with), which spares them a try with none. */
enum { NO_PAIR = -1 };

static inline int pair_at(const matcher *m, size_t vpos, size_t subject_len)
{
    const unsigned char *at = (const unsigned char *)m->text + vpos;
    return vpos - 1 < subject_len - 2 && !((at[0] | at[1]) & 0x80) ? at[0] * 128 + at[1] : NO_PAIR;
}

/* The two bytes before vpos, the same way: a character must come before
 * them too. */
static inline int pair_before(const matcher *m, size_t vpos)
{
    const unsigned char *at = (const unsigned char *)m->text + vpos;
    return vpos >= 3 && !((at[-2] | at[-1]) & 0x80) ? at[-2] * 128 + at[-1] : NO_PAIR;
}

/* The two bytes after the annotation whose opening marker is marks[open],
 * past the closing marker the reference's balanced body ends at, the same
 * way. */
static int pair_after_annotation(const matcher *m, size_t open, size_t subject_len)
{
    size_t depth = 0;
    for (size_t k = open; k < m->mark_count; k++) {
        const view_mark *mark = &m->marks[k];
        if (mark->open)
            depth++;
        else if (--depth == 0)
            return pair_at(m, (size_t)mark->vpos + mark->vlen, subject_len);
    }
    return NO_PAIR;
}

static inline int pair_allows(matcher *m, const rule_batch *b, uint32_t table, int pair)
{
    if (pair == NO_PAIR || table == NO_PAIR_TABLE)
        return 1;
    _Atomic uint8_t *state = &m->rules->pair_states[(size_t)table * PAIR_STATES + pair];
    uint8_t seen = atomic_load_explicit(state, memory_order_relaxed);
    if (seen == PAIR_MAY)
        return 1;
    if (seen == PAIR_CANNOT)
        return 0;
    if (seen + 1 == PAIR_PROBE_AFTER)
        return probe_pair(m, b, table, pair);
    /* met too few times yet to be worth a probe: counted here, not in a call */
    atomic_store_explicit(state, (uint8_t)(seen + 1), memory_order_relaxed);
    return 1;
}

/* The match of run_batch for a batch whose JIT code is not ready: on its
 * first run it is compiled now; where JIT is unavailable, the interpreter
 * runs it. Apart from run_batch, so that the inlined common case tests one
 * flag, as it did when every batch was compiled at start-up. */
static __attribute__((noinline)) int match_batch_slowly(matcher *m, const rule_batch *b, size_t vpos,
                                                        size_t subject_len)
{
    if (batch_compile_jit(b) == BATCH_JIT_READY)
        return pcre2_jit_match(b->code, (PCRE2_SPTR)m->text, subject_len, vpos, 0, m->match_data, m->match_context);
    return pcre2_match(b->code, (PCRE2_SPTR)m->text, subject_len, vpos, PCRE2_NO_UTF_CHECK, m->match_data,
                       m->match_context);
}

/* Runs one batch anchored at vpos (at token t, or SIZE_MAX at the opening
 * marker marks[open]), and adds a candidate for every rule match its
 * callout recorded. Inlined, as try_rules_at is: they run at every
 * position tried, where passing their arguments cost as much as their
 * tests. */
static inline __attribute__((always_inline)) void run_batch(matcher *m, document *doc, const rule_batch *b,
                                                            size_t vpos, size_t subject_len, size_t t, size_t open)
{
    /* read here, not for every position tried: most run no batch */
    int pair = b->pair_table == NO_PAIR_TABLE ? NO_PAIR : pair_at(m, vpos, subject_len);
    /* the pair after an annotation is looked for only by a batch that
     * reads it: most batches starting at a marker have no after_table */
    if (!pair_allows(m, b, b->pair_table, pair) ||
        (b->before_table != NO_PAIR_TABLE && !pair_allows(m, b, b->before_table, pair_before(m, vpos))) ||
        (t == SIZE_MAX && b->after_table != NO_PAIR_TABLE && vpos &&
         !pair_allows(m, b, b->after_table, pair_after_annotation(m, open, subject_len))))
        return;
    m->batch = b;
    m->hit_count = 0;
    m->hit_ovector_count = 0;
    /* Every alternative ends in (*FAIL), so no match is the normal outcome;
     * the callout has recorded each rule's match. The subject is valid
     * UTF-8 by construction (text.h). */
    int rc = batch_jit_ready(b) ? pcre2_jit_match(b->code, (PCRE2_SPTR)m->text, subject_len, vpos, 0, m->match_data,
                                                  m->match_context)
                                : match_batch_slowly(m, b, vpos, subject_len);
    if (rc < 0 && rc != PCRE2_ERROR_NOMATCH && m->on_limit) {
        int inside;
        m->on_limit(m->limit_ctx, &m->rules->rules[b->rules[0]], view_to_doc(m, vpos, &inside), rc);
    }
    if (m->hit_count)
        add_batch_hits(m, doc, t);
}

/* The first item of a trigger table under key (the others follow it up to
 * trigger_run_end), or SIZE_MAX. Inlined: it runs for both forms of every
 * token the filter passes (trigger_may_be). */
static inline __attribute__((always_inline)) size_t first_trigger(const trigger_index *t, uint64_t key)
{
    for (size_t h = (size_t)key & t->slot_mask; t->slot_keys[h]; h = (h + 1) & t->slot_mask)
        if (t->slot_keys[h] == key)
            return t->slot_first[h];
    return SIZE_MAX;
}

/* The list in trigger_lists of the trigger items of view's rules of role:
 * the words they start with, or the words they need. A view reads only its
 * own lists, so the words of every other view cost it nothing. */
static uint32_t trigger_list_of(size_t view, uint8_t role)
{
    return (uint32_t)(2 * view + (role == TRIGGER_NEEDED));
}

/* Adds the trigger items of the word with key at token t to their lists;
 * returns whether some rule starts with the word. Inlined: it runs for
 * both forms of every token the filter passes. */
static inline __attribute__((always_inline)) int find_word_triggers(matcher *m, size_t t, uint64_t key)
{
    size_t first = first_trigger(&m->rules->triggers, key);
    if (first == SIZE_MAX)
        return 0;
    /* locals: growing a list could otherwise change them */
    const trigger_target *targets = m->trigger_target;
    trigger_list_found *lists = m->trigger_lists;
    for (size_t k = first, end = m->trigger_run_end[first]; k < end; k++) {
        trigger_target target = targets[k];
        trigger_list_found *list = &lists[target.list];
        if (list->count == list->cap)
            grow_array((void **)&list->items, &list->cap, list->count + 1, sizeof *list->items);
        list->items[list->count++] = (token_trigger){(uint32_t)t, target.rule};
    }
    return m->trigger_run_starts[first];
}

/* Notes, in one pass over the tokens of the document, what the views of
 * every phase ask of them: each token's start key and start class, its
 * sentence, and its word triggers, added to the lists of trigger_lists
 * (each in token order); and gives every token of a kind some rule names
 * (_TOKEN_URL, ...) a helper span. */
static void note_tokens(matcher *m, document *doc)
{
    const trigger_index *index = &m->rules->triggers;
    size_t n = doc->tokens.count, lists = 2 * m->rules->view_count;
    grow_array((void **)&m->token_start_key, &m->token_start_key_cap, n + 1, sizeof *m->token_start_key);
    grow_array((void **)&m->token_start_class, &m->token_start_class_cap, n + 1, sizeof *m->token_start_class);
    grow_array((void **)&m->token_sentence, &m->token_sentence_cap, n + 1, sizeof *m->token_sentence);
    for (size_t l = 0; l < lists; l++)
        m->trigger_lists[l].count = 0;
    /* locals: adding spans moves no token, and none of these changes */
    const token *tokens = doc->tokens.items;
    const char *text = doc->text.clean;
    const int *token_kind_type = m->rules->token_kind_type;
    const int joined_type = m->rules->joined_token_type;
    const uint8_t joined_flag = joined_type >= 0 ? TOKF_JOINED : 0;
    uint32_t *token_sentence = m->token_sentence;
    uint16_t *start_key = m->token_start_key, *start_class = m->token_start_class;
    int has_triggers = index->count != 0;
    /* a sentence starts at its first token (segment.h): the tokens from it
     * to the next sentence's first are its, those before the first none's */
    size_t t = 0;
    for (size_t next_sentence = 0; next_sentence <= doc->sentences.count; next_sentence++) {
        size_t end = next_sentence < doc->sentences.count ? doc->sentences.items[next_sentence].first_token : n;
        uint32_t sentence = next_sentence ? (uint32_t)(next_sentence - 1) : UINT32_MAX;
        for (; t < end; t++) {
            const token *tok = &tokens[t];
            token_sentence[t] = sentence;
            int kind_type = token_kind_type[tok->kind];
            if (tok->flags & joined_flag)
                kind_type = joined_type;
            if (kind_type >= 0) {
                span s = {.start = tok->start, .end = tok->end, .type = (uint16_t)kind_type, .phase = 0, .rule = -1,
                          .norm = NO_STRING, .flags = SPAN_HIDDEN};
                doc_add_span_at(doc, &s, t);
            }
            uint16_t key = (uint16_t)start_key_at(text + tok->start);
            int starts = 0;
            /* a trigger is a word of ASCII letters and digits (prefilter.h):
             * no punctuation mark, symbol, clitic, address or link is one */
            if (has_triggers && (tok->kind == TOK_WORD || tok->kind == TOK_NUMBER || tok->kind == TOK_ABBREV)) {
                uint64_t folded = gaz_token_key(&m->hashes, t, 1);
                if (trigger_may_be(index, folded))
                    starts = find_word_triggers(m, t, gaz_token_key(&m->hashes, t, 0)) |
                             find_word_triggers(m, t, folded);
                /* an abbreviation ("Co.") is also the word without the dot, as
                 * patterns write "Co\.?" */
                if (tok->kind == TOK_ABBREV && text[tok->end - 1] == '.') {
                    size_t len = tok->end - tok->start - 1;
                    folded = gaz_word_key(text + tok->start, len, 1);
                    if (trigger_may_be(index, folded))
                        starts |= find_word_triggers(m, t, gaz_word_key(text + tok->start, len, 0)) |
                                  find_word_triggers(m, t, folded);
                }
            }
            start_key[t] = key;
            start_class[t] = (uint16_t)(key + (starts ? START_KEYS : 0));
        }
    }
}

/* A walk through one of a view's trigger lists, token by token. */
typedef struct {
    const token_trigger *at, *end;
} trigger_walk;

static trigger_walk view_trigger_walk(const matcher *m, size_t view, uint8_t role)
{
    const trigger_list_found *list = &m->trigger_lists[trigger_list_of(view, role)];
    return (trigger_walk){list->items, list->items + list->count};
}

/* Moves the walk to the first trigger at token t or after it; returns
 * whether there is one at t. */
static inline int walk_to_token(trigger_walk *walk, size_t t)
{
    while (walk->at < walk->end && walk->at->token < t)
        walk->at++;
    return walk->at < walk->end && walk->at->token == t;
}

/* A gated rule may run at offset at (a token's start, or where a marker
 * opens) of the current sentence when it needs no word or the sentence
 * holds one starting there or after: the words are whole tokens its match
 * consumes, never in a lookaround (prefilter.h), so none lies before the
 * match's start, at a marker as at a token. Each runs once per position.
 * Inlined: it is asked at every position a gated rule may start, and the
 * call cost more than its tests. */
static inline __attribute__((always_inline)) int gated_rule_ready(matcher *m, size_t rule_index, uint32_t at)
{
    const rule *r = &m->rules->rules[rule_index];
    if (r->needs_words &&
        (m->rule_sentence[rule_index] != m->sentence_stamp || at > m->rule_last_word[rule_index]))
        return 0;
    if (m->rule_position[rule_index] == m->position_stamp)
        return 0;
    m->rule_position[rule_index] = m->position_stamp;
    return 1;
}

/* Tries, at one position (offset at of the document, vpos of the view,
 * whose start key is key), the view's batches (key_batches: its row of
 * matcher.view_key_batches) and its gated rules that can start there: at a
 * token (t < SIZE_MAX), and
 * then also the rules starting with its word (from starts, the walk through
 * the view's), or at the opening marker marks[open] of a span of type
 * marker. */
static inline __attribute__((always_inline)) void try_rules_at(matcher *m, document *doc, const rule_view *v,
                                                               const uint32_t *key_batches, uint32_t at,
                                                               size_t vpos, unsigned key,
                                                               size_t subject_len, size_t t, uint16_t marker,
                                                               size_t open, trigger_walk *starts)
{
    m->position_stamp++;
    /* the priority over the token (none at a marker: batch_hopeless) */
    int32_t cover = t == SIZE_MAX ? INT32_MIN : m->cover_priority[t];
    if (v->batch_count <= 32) {
        /* the batches that may start at key, most often one */
        for (uint32_t mask = key_batches[key]; mask; mask &= mask - 1) {
            const rule_batch *b = &v->batches[__builtin_ctz(mask)];
            if (!batch_hopeless(b, cover) && (t != SIZE_MAX || starts_at_marker(b, marker)))
                run_batch(m, doc, b, vpos, subject_len, t, open);
        }
    } else if (has_start_key(v->start_keys, key))
        for (const rule_batch *b = v->batches, *end = b + v->batch_count; b < end; b++)
            if (has_start_key(b->start_keys, key) && !batch_hopeless(b, cover) &&
                (t != SIZE_MAX || starts_at_marker(b, marker)))
                run_batch(m, doc, b, vpos, subject_len, t, open);
    for (size_t k = 0; k < m->ready_count; k++) {
        size_t i = m->ready[k];
        const rule *r = &m->rules->rules[i];
        if (has_start_key(r->start_keys, key) && !batch_hopeless(&r->alone, cover) &&
            (t != SIZE_MAX || starts_at_marker(&r->alone, marker)) && gated_rule_ready(m, i, at))
            run_batch(m, doc, &r->alone, vpos, subject_len, t, open);
    }
    if (t == SIZE_MAX || !v->gated_count)
        return;
    for (walk_to_token(starts, t); starts->at < starts->end && starts->at->token == t; starts->at++) {
        uint32_t rule_index = starts->at->rule;
        const rule *r = &m->rules->rules[rule_index];
        if (!batch_hopeless(&r->alone, cover) && gated_rule_ready(m, rule_index, at))
            run_batch(m, doc, &r->alone, vpos, subject_len, t, open);
    }
}

/* Whether a rule starting with the word at token t (at offset at) may run
 * there (from starts, the walk through the view's start words, moved to
 * t): most start words ("the", "would") begin rules needing a word their
 * sentence lacks, and trying them would cost a look at every rule. */
static inline int start_word_ready(const matcher *m, trigger_walk *starts, size_t t, uint32_t at)
{
    if (!walk_to_token(starts, t))
        return 0;
    for (const token_trigger *w = starts->at; w < starts->end && w->token == t; w++)
        if (!m->rules->rules[w->rule].needs_words ||
            (m->rule_sentence[w->rule] == m->sentence_stamp && at <= m->rule_last_word[w->rule]))
            return 1;
    return 0;
}

/* Stamps the view's rules whose required words the sentence holds (from
 * needed, the walk through the view's, at or before the sentence), and
 * lists those without start words in m->ready: they are tried wherever
 * their start keys allow, in the order of the rules, so most rules needing
 * words cost nothing in a sentence without them. */
static void find_sentence_words(matcher *m, const segment *seg, trigger_walk *needed)
{
    uint32_t stamp = ++m->sentence_stamp;
    m->ready_count = 0;
    walk_to_token(needed, seg->first_token);
    /* locals: the stores into these arrays could otherwise be the walk's */
    uint32_t *rule_last_word = m->rule_last_word, *rule_sentence = m->rule_sentence;
    const token *tokens = m->doc->tokens.items;
    const rule *rules = m->rules->rules;
    const token_trigger *at = needed->at, *last = needed->end;
    for (size_t end = seg->first_token + seg->token_count; at < last && at->token < end; at++) {
        uint32_t rule_index = at->rule;
        rule_last_word[rule_index] = tokens[at->token].start; /* in token order */
        if (rule_sentence[rule_index] == stamp)
            continue;
        rule_sentence[rule_index] = stamp;
        if (rules[rule_index].starts_with_words)
            continue;
        size_t k = m->ready_count;
        ARRAY_PUSH(m->ready, m->ready_count, m->ready_cap, rule_index);
        for (; k > 0 && m->ready[k - 1] > rule_index; k--)
            m->ready[k] = m->ready[k - 1];
        m->ready[k] = rule_index;
    }
    needed->at = at;
}

/* An annotation of a type some view needs (need_slot), noted once: its
 * index, the last sentence starting at or before it, and its slot. */
typedef struct need_span {
    uint32_t span, sentence;
    uint8_t slot;
} need_span;

/* Notes what the views of the phase ask of the annotations: per token, the
 * highest priority of an earlier-phase annotation over it (cover_priority),
 * and per sentence, which of the types views need it holds (any annotation
 * so far, list candidates of this phase included). Each annotation is read
 * once per document, not once per phase: the cover takes in those of the
 * phase before, as they came out of its resolution, and stays right as
 * annotations are removed later, since an annotation is only removed by
 * one covering it with a priority as high (resolve.h) that counts then
 * instead; those of needed types are listed (need_spans) and the list is
 * read again each phase, as a removed one no longer counts. */
static void note_spans(matcher *m, const document *doc, int phase)
{
    size_t token_count = doc->tokens.count;
    if (phase == 1) {
        grow_array((void **)&m->cover_priority, &m->cover_cap, token_count + 8, sizeof *m->cover_priority);
        /* eight a round, in two 16-byte stores, as the compiler does not
         * vectorize the fill (the array has room up to a multiple of eight) */
        static const int32_t uncovered[4] = {INT32_MIN, INT32_MIN, INT32_MIN, INT32_MIN};
        for (size_t t = 0; t < token_count; t += 8) {
            memcpy(m->cover_priority + t, uncovered, sizeof uncovered);
            memcpy(m->cover_priority + t + 4, uncovered, sizeof uncovered);
        }
        m->covered_to = 0;
        m->need_span_count = 0;
        m->need_noted_to = 0;
    }
    /* locals: a store into cover could otherwise be a span's, a token's or
     * a count */
    int32_t *cover = m->cover_priority;
    const token *tokens = doc->tokens.items;
    const span *spans = doc->spans;
    for (size_t i = m->covered_to, end = m->phase_first_span; i < end; i++) {
        const span *s = &spans[i];
        /* a layout's entity takes the norm of a rule's entity of the same
         * extent (structure.h), so rules still run under it */
        if (s->flags & (SPAN_REMOVED | SPAN_HIDDEN | SPAN_LAYOUT))
            continue;
        int32_t priority = s->priority;
        uint32_t span_end = s->end;
        for (size_t t = s->first_token; t < token_count && tokens[t].start < span_end; t++)
            if (priority > cover[t])
                cover[t] = priority;
    }
    m->covered_to = m->phase_first_span;

    const int8_t *need_slot = m->rules->need_slot;
    const uint32_t *token_sentence = m->token_sentence;
    grow_array((void **)&m->need_spans, &m->need_span_cap, m->need_span_count + doc->span_count - m->need_noted_to + 1,
               sizeof *m->need_spans);
    need_span *noted = m->need_spans;
    size_t noted_count = m->need_span_count;
    for (size_t i = m->need_noted_to, count = doc->span_count; i < count; i++) {
        const span *s = &spans[i];
        int slot = need_slot[s->type];
        if (slot < 0)
            continue;
        size_t sentence; /* the last sentence starting at or before the span */
        if (s->first_token < token_count && tokens[s->first_token].start == s->start)
            sentence = token_sentence[s->first_token];
        else {
            size_t lo = COUNT_UP_TO(doc->sentences.items, doc->sentences.count, start, s->start);
            sentence = lo ? lo - 1 : UINT32_MAX;
        }
        if (sentence != UINT32_MAX)
            noted[noted_count++] = (need_span){(uint32_t)i, (uint32_t)sentence, (uint8_t)slot};
    }
    m->need_span_count = noted_count;
    m->need_noted_to = doc->span_count;

    grow_array((void **)&m->sentence_needs, &m->sentence_needs_cap, doc->sentences.count + 4,
               sizeof *m->sentence_needs);
    memset(m->sentence_needs, 0, (doc->sentences.count + 4) * sizeof *m->sentence_needs);
    uint64_t *sentence_needs = m->sentence_needs;
    for (size_t k = 0; k < noted_count; k++)
        if (!(spans[noted[k].span].flags & SPAN_REMOVED))
            sentence_needs[noted[k].sentence] |= 1ULL << noted[k].slot;
}

/* Lists, for each need slot a view of the phase needs alone, the
 * sentences holding it (note_spans has noted them), in order: such a view
 * then reads its own list rather than the needs of every sentence. */
static void list_slot_sentences(matcher *m, const document *doc, int phase)
{
    uint64_t slots = m->phase_list_slots[phase - 1];
    if (!slots)
        return;
    /* room for every sentence in each list: one pass over the sentences */
    size_t count = doc->sentences.count, lists = 0;
    size_t *start = m->slot_sentence_start, *found = m->slot_sentence_count;
    for (uint64_t w = slots; w; w &= w - 1) {
        start[__builtin_ctzll(w)] = lists++ * count;
        found[__builtin_ctzll(w)] = 0;
    }
    grow_array((void **)&m->slot_sentences, &m->slot_sentence_cap, lists * count + 1, sizeof *m->slot_sentences);
    const uint64_t *sentence_needs = m->sentence_needs;
    uint32_t *out = m->slot_sentences;
    for (size_t s = 0; s < count; s++)
        for (uint64_t w = sentence_needs[s] & slots; w; w &= w - 1) {
            unsigned slot = (unsigned)__builtin_ctzll(w);
            out[start[slot] + found[slot]++] = (uint32_t)s;
        }
}

/* Where the view's rules may start in a sentence, by start class (start
 * keys, then start keys with a start word): with gated rules ready
 * (find_sentence_words), where any of its rules may; else where its batches
 * may, or at a start word. Most sentences hold no word a gated rule needs,
 * and its start keys would make every token there a try to no end. */
static const uint8_t *starts_at_table(const matcher *m, size_t view_index, int ready)
{
    return m->view_starts_at_class + (2 * view_index + !ready) * 2 * START_KEYS;
}

/* Collects in m->candidates the tokens of the sentence where the view may
 * start (starts_at: starts_at_table): by the token's start key (the same in
 * the view as in the text), or by a word trigger, both read from its start
 * class. Without branches on the data: whether a token qualifies is
 * unpredictable. */
static size_t find_candidate_tokens(matcher *m, const uint8_t *starts_at_class, const segment *seg)
{
    grow_array((void **)&m->candidates, &m->candidate_cap, seg->token_count, sizeof *m->candidates);
    /* locals, so that the stores into candidates do not make the compiler
     * reload them at every token */
    uint32_t *candidates = m->candidates;
    const uint16_t *start_class = m->token_start_class;
    uint32_t t = seg->first_token, end = seg->first_token + seg->token_count;
    size_t n = 0;
    for (; t + 3 < end; t += 4) { /* four a round: the loop costs as much as the test */
        candidates[n] = t;
        n += starts_at_class[start_class[t]];
        candidates[n] = t + 1;
        n += starts_at_class[start_class[t + 1]];
        candidates[n] = t + 2;
        n += starts_at_class[start_class[t + 2]];
        candidates[n] = t + 3;
        n += starts_at_class[start_class[t + 3]];
    }
    for (; t < end; t++) {
        candidates[n] = t;
        n += starts_at_class[start_class[t]];
    }
    return n;
}

/* Collects in m->candidates the tokens of the sentence that start one of the
 * view's rules (from starts, a copy of the walk through the view's start
 * words): all find_candidate_tokens would keep for a view without batches
 * and without gated rules ready, read from the few words rather than from
 * every token. */
static size_t find_start_word_tokens(matcher *m, trigger_walk starts, const segment *seg)
{
    grow_array((void **)&m->candidates, &m->candidate_cap, seg->token_count, sizeof *m->candidates);
    uint32_t *candidates = m->candidates;
    uint32_t end = seg->first_token + seg->token_count;
    size_t n = 0;
    for (walk_to_token(&starts, seg->first_token); starts.at < starts.end && starts.at->token < end; starts.at++)
        if (!n || candidates[n - 1] != starts.at->token) /* a word may start several rules */
            candidates[n++] = starts.at->token;
    return n;
}

/* Tries the view's rules at every token start (and every marker opening
 * there) of every sentence, each match confined to its sentence. */
static void match_view(matcher *m, document *doc, const rule_view *v, size_t view_index)
{
    /* locals: trying rules adds spans, and the compiler would otherwise
     * reload these after every try; none of them changes meanwhile */
    const view_mark *marks = m->marks;
    size_t mark_count = m->mark_count;
    const uint16_t *start_key = m->token_start_key;
    const int32_t *cover = m->cover_priority;
    int32_t hopeless_above = m->view_hopeless_above[view_index];
    const token *tokens = doc->tokens.items;
    const uint32_t *key_batches = m->view_key_batches + view_index * START_KEYS;
    size_t mi = 0;        /* first mark not yet passed */
    uint32_t shift = 0;   /* marker bytes before the current point */
    trigger_walk starts = view_trigger_walk(m, view_index, TRIGGER_STARTS);
    trigger_walk needed = view_trigger_walk(m, view_index, TRIGGER_NEEDED);
    const uint8_t *starts_with_ready = starts_at_table(m, view_index, 1);
    const uint8_t *starts_without_ready = starts_at_table(m, view_index, 0);
    m->ready_count = 0;   /* filled per sentence when the view has gated rules */
    for (size_t j = 0; j < m->view_sentence_count; j++) {
        size_t s = v->has_needs ? m->view_sentences[j] : j;
        const segment *seg = &doc->sentences.items[s];
        /* markers before the sentence are tried by none */
        for (; mi < mark_count && marks[mi].orig < seg->start; mi++)
            shift = marks[mi].shift;
        if (v->marker_only && (mi == mark_count || marks[mi].orig >= seg->end)) {
            if (mi == mark_count)
                break;
            /* no marker in the sentence, so nothing to try: on to the
             * sentence holding the next (all come, when it needs nothing) */
            if (!v->has_needs)
                j = COUNT_UP_TO(doc->sentences.items, doc->sentences.count, end, marks[mi].orig) - 1;
            continue;
        }
        /* the sentence's end in the view: after the markers closing there */
        size_t me = mi;
        uint32_t end_shift = shift;
        while (me < mark_count && (marks[me].orig < seg->end ||
                                    (marks[me].orig == seg->end && !marks[me].open)))
            end_shift = marks[me++].shift;
        size_t subject_len = seg->end + end_shift;
        if (v->gated_count)
            find_sentence_words(m, seg, &needed);
        const uint8_t *starts_at = m->ready_count ? starts_with_ready : starts_without_ready;
        if (v->marker_only) {
            /* every rule starts with <TYPE>: only the markers are worth a look */
            for (; mi < mark_count && marks[mi].orig < seg->end; mi++) {
                if (marks[mi].open && marks[mi].orig >= seg->start && starts_at[MARK_KEY])
                    try_rules_at(m, doc, v, key_batches, marks[mi].orig, marks[mi].vpos, MARK_KEY, subject_len,
                                 SIZE_MAX, marks[mi].type, mi, &starts);
                shift = marks[mi].shift;
            }
            continue;
        }
        size_t n = v->batch_count || m->ready_count ? find_candidate_tokens(m, starts_at, seg)
                                                    : find_start_word_tokens(m, starts, seg);
        const uint32_t *candidates = m->candidates;
        if (!mark_count && v->batch_count == 1 &&
            (!v->gated_count ||
             (!m->ready_count && !walk_to_token(&starts, seg->first_token) &&
              (starts.at == starts.end || starts.at->token >= seg->first_token + seg->token_count)))) {
            /* no markers and one batch, as most views needing a type have,
             * and no gated rule to try in the sentence: all try_rules_at
             * would do past the tests here is run it, where the cover
             * leaves it hope (batch_hopeless) */
            int32_t batch_above = v->batches->keeps_inner ? INT32_MAX : v->batches->max_priority;
            for (size_t k = 0; k < n; k++) {
                size_t t = candidates[k];
                if (cover[t] <= batch_above && starts_at[start_key[t]])
                    run_batch(m, doc, v->batches, tokens[t].start, subject_len, t, SIZE_MAX);
            }
            continue;
        }
        if (!mark_count) {
            /* no markers: the view is the text */
            for (size_t k = 0; k < n; k++) {
                size_t t = candidates[k];
                unsigned key = start_key[t];
                if (cover[t] <= hopeless_above && (starts_at[key] || start_word_ready(m, &starts, t, tokens[t].start)))
                    try_rules_at(m, doc, v, key_batches, tokens[t].start, tokens[t].start, key, subject_len, t, 0,
                                 SIZE_MAX, &starts);
            }
            continue;
        }
        for (size_t k = 0; k <= n; k++) {
            /* markers up to the candidate (the sentence's end after the
             * last), tried where they open at a token start */
            size_t t = k < n ? candidates[k] : SIZE_MAX;
            uint32_t start = k < n ? tokens[t].start : seg->end;
            for (; mi < mark_count && (marks[mi].orig < start || (k < n && marks[mi].orig == start)); mi++) {
                const view_mark *mark = &marks[mi];
                if (mark->open && mark->orig >= seg->start && doc_token_starts_at(doc, mark->orig) &&
                    starts_at[MARK_KEY])
                    try_rules_at(m, doc, v, key_batches, mark->orig, mark->vpos, MARK_KEY, subject_len, SIZE_MAX,
                                 mark->type, mi, &starts);
                shift = mark->shift;
            }
            if (k < n && cover[t] <= hopeless_above &&
                (starts_at[start_key[t]] || start_word_ready(m, &starts, t, start)))
                try_rules_at(m, doc, v, key_batches, start, start + shift, start_key[t], subject_len, t, 0, SIZE_MAX,
                             &starts);
        }
    }
}

/* Lists the sentences the view is tried in, those holding what its rules
 * need (all, when they need nothing), and the zones of the text its
 * matches may look at: those sentences and the reach of its patterns'
 * lookbehinds before each. Returns how many sentences there are. */
static size_t find_view_sentences(matcher *m, const document *doc, const rule_view *v, size_t view_index)
{
    m->view_sentence_count = 0;
    m->zone_count = 0;
    if (!v->has_needs) {
        grow_array((void **)&m->zones, &m->zone_cap, 2, sizeof *m->zones);
        m->zones[0] = 0;
        m->zones[1] = UINT32_MAX;
        m->zone_count = 1;
        return m->view_sentence_count = doc->sentences.count;
    }
    uint64_t needs = v->needs_slots;
    if (!needs)
        return 0;
    if (!(needs & (needs - 1))) {
        /* one type: its list (list_slot_sentences) */
        unsigned slot = (unsigned)__builtin_ctzll(needs);
        m->view_sentences = m->slot_sentences + m->slot_sentence_start[slot];
        m->view_sentence_count = m->slot_sentence_count[slot];
    } else {
        grow_array((void **)&m->found_sentences, &m->found_sentence_cap, doc->sentences.count + 1,
                   sizeof *m->found_sentences);
        const uint64_t *sentence_needs = m->sentence_needs;
        for (size_t s = 0, count = doc->sentences.count; s < count; s++) {
            /* four at a time past the sentences without a need, most of them
             * for a rare one (sentence_needs has room up to a multiple of four) */
            while (s + 4 < count &&
                   !((sentence_needs[s] | sentence_needs[s + 1] | sentence_needs[s + 2] | sentence_needs[s + 3]) &
                     needs))
                s += 4;
            if (sentence_needs[s] & needs)
                m->found_sentences[m->view_sentence_count++] = (uint32_t)s;
        }
        m->view_sentences = m->found_sentences;
    }
    uint32_t reach = m->view_reach[view_index];
    for (size_t j = 0; j < m->view_sentence_count; j++) {
        const segment *seg = &doc->sentences.items[m->view_sentences[j]];
        uint32_t start = seg->start > reach ? seg->start - reach : 0;
        if (m->zone_count && m->zones[2 * m->zone_count - 1] >= start) {
            m->zones[2 * m->zone_count - 1] = seg->end;
            continue;
        }
        grow_array((void **)&m->zones, &m->zone_cap, 2 * m->zone_count + 2, sizeof *m->zones);
        m->zones[2 * m->zone_count] = start;
        m->zones[2 * m->zone_count + 1] = seg->end;
        m->zone_count++;
    }
    return m->view_sentence_count;
}

void match_phase(matcher *m, document *doc, int phase)
{
    m->doc = doc;
    m->phase = phase;
    m->shown_ready = 0;
    m->phase_first_span = doc->span_count;
    if (phase == 1) {
        if (m->reads_token_hashes)
            gaz_hash_tokens(doc, &m->hashes);
        note_tokens(m, doc);
    }
    match_lists(m, doc, phase);
    note_spans(m, doc, phase);
    list_slot_sentences(m, doc, phase);
    for (size_t k = m->phase_views_start[phase - 1]; k < m->phase_views_start[phase]; k++) {
        size_t i = m->phase_views[k];
        const rule_view *v = &m->rules->views[i];
        if (!find_view_sentences(m, doc, v, i))
            continue;
        if (v->plain) {
            m->mark_count = 0;
            m->selected_count = 0;
            m->text = doc->text.clean;
        } else
            build_view(m, doc, i, phase);
        if (v->marker_only && !m->mark_count)
            continue;
        match_view(m, doc, v, i);
    }
}

/* How far before its start a match of code may look, in bytes: its longest
 * lookbehind (\b counts one character) in characters of at most 4 bytes. */
static uint32_t code_reach(const pcre2_code *code)
{
    uint32_t chars = 0;
    if (code && pcre2_pattern_info(code, PCRE2_INFO_MAXLOOKBEHIND, &chars) != 0)
        return UINT32_MAX / 2; /* unknown: as far as there is text */
    return 4 * chars;
}

/* The cover priority (batch_hopeless) above which no batch or gated rule of
 * a view can win at a token, so that none need be tried there. */
static int32_t view_hopeless_above(const ann_rules *rules, const rule_view *v)
{
    int32_t above = INT32_MIN;
    for (size_t b = 0; b < v->batch_count; b++)
        above = v->batches[b].keeps_inner ? INT32_MAX
                : v->batches[b].max_priority > above ? v->batches[b].max_priority : above;
    for (size_t k = 0; k < v->gated_count; k++) {
        const rule_batch *alone = &rules->rules[v->gated[k]].alone;
        above = alone->keeps_inner ? INT32_MAX : alone->max_priority > above ? alone->max_priority : above;
    }
    return above;
}

/* How far before a sentence the patterns of a view may look, in bytes. */
static uint32_t view_reach(const ann_rules *rules, const rule_view *v)
{
    uint32_t reach = 0;
    for (size_t b = 0; b < v->batch_count; b++)
        if (code_reach(v->batches[b].code) > reach)
            reach = code_reach(v->batches[b].code);
    for (size_t k = 0; k < v->rule_count; k++)
        if (code_reach(rules->rules[v->rules[k]].alone.code) > reach)
            reach = code_reach(rules->rules[v->rules[k]].alone.code);
    return reach;
}

matcher *matcher_new(const ann_rules *rules, match_limit_fn on_limit, void *ctx)
{
    matcher *m = xcalloc(1, sizeof *m);
    m->rules = rules;
    m->reads_token_hashes = rules->triggers.count != 0;
    for (int p = 0; p < rules->phase_count; p++)
        m->reads_token_hashes |= rules->lists[p].entry_count != 0;
    m->on_limit = on_limit;
    m->limit_ctx = ctx;
    m->match_data = pcre2_match_data_create(rules->max_capture_count + 1, NULL);
    m->match_context = pcre2_match_context_create(NULL);
    m->jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    m->probe_data = pcre2_match_data_create(1, NULL);
    m->probe_context = pcre2_match_context_create(NULL);
    if (!m->match_data || !m->match_context || !m->jit_stack || !m->probe_data || !m->probe_context)
        out_of_memory(sizeof *m);
    pcre2_set_match_limit(m->probe_context, START_PROBE_MATCH_LIMIT);
    m->rule_sentence = xcalloc(rules->count + 1, sizeof *m->rule_sentence);
    m->rule_position = xcalloc(rules->count + 1, sizeof *m->rule_position);
    m->rule_last_word = xcalloc(rules->count + 1, sizeof *m->rule_last_word);
    m->phase_shows = xcalloc((size_t)rules->phase_count + 1, MAX_TYPES);
    m->shown_from = xcalloc(rules->type_count + 1, sizeof *m->shown_from);
    m->shown_to = xcalloc(rules->type_count + 1, sizeof *m->shown_to);
    for (size_t i = 0; i < rules->view_count; i++) {
        const rule_view *v = &rules->views[i];
        uint8_t *shows = m->phase_shows + (size_t)(v->phase - 1) * MAX_TYPES;
        for (size_t t = 0; t < rules->type_count; t++)
            shows[t] |= has_type(v->types, (uint16_t)t) != 0;
    }
    /* by phase, as match_phase and find_shown_spans go through them */
    m->shown_types = xcalloc((size_t)rules->phase_count * rules->type_count + 1, sizeof *m->shown_types);
    m->shown_types_start = xcalloc((size_t)rules->phase_count + 1, sizeof *m->shown_types_start);
    m->phase_views = xcalloc(rules->view_count + 1, sizeof *m->phase_views);
    m->phase_views_start = xcalloc((size_t)rules->phase_count + 1, sizeof *m->phase_views_start);
    for (int p = 1, types = 0, views = 0; p <= rules->phase_count; p++) {
        const uint8_t *shows = m->phase_shows + (size_t)(p - 1) * MAX_TYPES;
        for (size_t t = 0; t < rules->type_count; t++)
            if (shows[t])
                m->shown_types[types++] = (uint16_t)t;
        m->shown_types_start[p] = (size_t)types;
        for (size_t i = 0; i < rules->view_count; i++)
            if (rules->views[i].phase == p && (rules->views[i].batch_count || rules->views[i].gated_count))
                m->phase_views[views++] = i;
        m->phase_views_start[p] = (size_t)views;
    }
    m->open_mark_start = xcalloc(rules->type_count + 1, sizeof *m->open_mark_start);
    size_t marks_len = 0, marks_cap = 0;
    for (size_t t = 0; t < rules->type_count; t++) {
        size_t name_len = strlen(rules->type_names[t]);
        grow_array((void **)&m->open_marks, &marks_cap, marks_len + name_len + 2 * MARK_LEN, 1);
        memcpy(m->open_marks + marks_len, MARK_OPEN, MARK_LEN);
        memcpy(m->open_marks + marks_len + MARK_LEN, rules->type_names[t], name_len);
        memcpy(m->open_marks + marks_len + MARK_LEN + name_len, MARK_SEP, MARK_LEN);
        marks_len += name_len + 2 * MARK_LEN;
        m->open_mark_start[t + 1] = marks_len;
        if (name_len + 2 * MARK_LEN > m->longest_open_mark)
            m->longest_open_mark = name_len + 2 * MARK_LEN;
    }
    /* each marker is copied as a block (MARK_BLOCK) */
    grow_array((void **)&m->open_marks, &marks_cap, marks_len + MARK_BLOCK, 1);
    memset(m->open_marks + marks_len, 0, MARK_BLOCK);
    m->view_types_start = xcalloc(rules->view_count + 1, sizeof *m->view_types_start);
    size_t view_types_cap = 0;
    for (size_t i = 0; i < rules->view_count; i++) {
        size_t count = m->view_types_start[i];
        for (size_t t = 0; t < rules->type_count; t++)
            if (has_type(rules->views[i].types, (uint16_t)t)) {
                grow_array((void **)&m->view_types, &view_types_cap, count + 1, sizeof *m->view_types);
                m->view_types[count++] = (uint16_t)t;
            }
        m->view_types_start[i + 1] = count;
    }
    m->view_starts_at_class = xcalloc(2 * rules->view_count + 1, 2 * START_KEYS);
    for (size_t i = 0; i < rules->view_count; i++) {
        const rule_view *v = &rules->views[i];
        uint8_t *with_ready = m->view_starts_at_class + 2 * i * 2 * START_KEYS;
        uint8_t *without_ready = with_ready + 2 * START_KEYS;
        for (unsigned key = 0; key < START_KEYS; key++) {
            with_ready[key] = v->starts_at_key[key];
            without_ready[key] = has_start_key(v->start_keys, key) != 0;
            with_ready[START_KEYS + key] = with_ready[key] | (v->gated_count != 0);
            without_ready[START_KEYS + key] = without_ready[key] | (v->gated_count != 0);
        }
    }
    m->view_key_batches = xcalloc(rules->view_count * START_KEYS + 1, sizeof *m->view_key_batches);
    for (size_t i = 0; i < rules->view_count; i++)
        for (size_t b = 0; b < rules->views[i].batch_count && b < 32; b++)
            for (unsigned key = 0; key < START_KEYS; key++)
                if (has_start_key(rules->views[i].batches[b].start_keys, key))
                    m->view_key_batches[i * START_KEYS + key] |= 1u << b;
    m->trigger_target = xcalloc(rules->triggers.count + 1, sizeof *m->trigger_target);
    m->trigger_run_end = xcalloc(rules->triggers.count + 1, sizeof *m->trigger_run_end);
    m->trigger_run_starts = xcalloc(rules->triggers.count + 1, sizeof *m->trigger_run_starts);
    for (size_t k = rules->triggers.count; k-- > 0;) {
        const word_trigger *w = &rules->triggers.items[k];
        m->trigger_target[k] = (trigger_target){trigger_list_of((size_t)rules->rules[w->rule].view, w->role), w->rule};
        int run_goes_on = k + 1 < rules->triggers.count && w[1].key == w->key;
        m->trigger_run_end[k] = run_goes_on ? m->trigger_run_end[k + 1] : (uint32_t)(k + 1);
        m->trigger_run_starts[k] =
            (uint8_t)((run_goes_on && m->trigger_run_starts[k + 1]) || w->role == TRIGGER_STARTS);
    }
    m->trigger_lists = xcalloc(2 * rules->view_count + 1, sizeof *m->trigger_lists);
    m->phase_list_slots = xcalloc((size_t)rules->phase_count + 1, sizeof *m->phase_list_slots);
    for (size_t i = 0; i < rules->view_count; i++) {
        uint64_t needs = rules->views[i].needs_slots;
        if (rules->views[i].has_needs && !(needs & (needs - 1)))
            m->phase_list_slots[rules->views[i].phase - 1] |= needs;
    }
    m->view_reach = xcalloc(rules->view_count + 1, sizeof *m->view_reach);
    m->view_hopeless_above = xcalloc(rules->view_count + 1, sizeof *m->view_hopeless_above);
    for (size_t i = 0; i < rules->view_count; i++) {
        m->view_reach[i] = view_reach(rules, &rules->views[i]);
        m->view_hopeless_above[i] = view_hopeless_above(rules, &rules->views[i]);
    }
    pcre2_jit_stack_assign(m->match_context, NULL, m->jit_stack);
    pcre2_set_match_limit(m->match_context, MATCH_LIMIT);
    pcre2_set_depth_limit(m->match_context, DEPTH_LIMIT);
    pcre2_set_heap_limit(m->match_context, HEAP_LIMIT_KIB);
    pcre2_set_callout(m->match_context, on_rule_end, m);
    return m;
}

void matcher_free(matcher *m)
{
    if (!m)
        return;
    pcre2_match_data_free(m->match_data);
    pcre2_match_context_free(m->match_context);
    pcre2_jit_stack_free(m->jit_stack);
    pcre2_match_data_free(m->probe_data);
    pcre2_match_context_free(m->probe_context);
    gaz_hashes_free(&m->hashes);
    free(m->view);
    free(m->open_marks);
    free(m->open_mark_start);
    free(m->view_types);
    free(m->view_types_start);
    free(m->view_reach);
    free(m->view_hopeless_above);
    free(m->trigger_target);
    free(m->trigger_run_end);
    free(m->trigger_run_starts);
    for (size_t l = 0; l < 2 * m->rules->view_count; l++)
        free(m->trigger_lists[l].items);
    free(m->trigger_lists);
    free(m->found_sentences);
    free(m->slot_sentences);
    free(m->phase_list_slots);
    free(m->zones);
    free(m->marks);
    free(m->selected);
    free(m->merged);
    free(m->phase_shows);
    free(m->shown);
    free(m->shown_from);
    free(m->shown_to);
    free(m->shown_types);
    free(m->shown_types_start);
    free(m->phase_views);
    free(m->phase_views_start);
    free(m->hits);
    free(m->hit_ovectors);
    free(m->sentence_needs);
    free(m->candidates);
    free(m->token_start_key);
    free(m->token_start_class);
    free(m->view_starts_at_class);
    free(m->view_key_batches);
    free(m->token_sentence);
    free(m->cover_priority);
    free(m->need_spans);
    free(m->rule_sentence);
    free(m->ready);
    free(m->rule_position);
    free(m->rule_last_word);
    free(m->scratch);
    free(m);
}
