/* structure: see structure.h. One pass over the lines builds the line table
 * (non-blank lines with the blank lines around them); the layout VM then
 * makes one step per non-blank line; the winning parse is replayed to build
 * the structural elements, their attributes and the forced entities. */
#include "structure.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "sort.h"

#define MATCH_LIMIT 1000000
#define DEPTH_LIMIT 10000
#define HEAP_LIMIT_KIB 20000

/* A non-blank line (one holding a token). */
typedef struct {
    uint32_t start, end;  /* its content, without the line end */
    uint32_t tstart, tend; /* its first token's start, its last token's end */
    uint32_t gap;         /* blank lines before it (since the previous non-blank line, or the start) */
    uint32_t next_gap;    /* blank lines after it; GAP_ANY for the last line */
} line_info;

/* The path of a thread, shared between threads as a tree in an arena. */
enum { P_LINE, P_OPEN, P_CLOSE };
typedef struct {
    int32_t parent;       /* index of the previous node, -1 at the start */
    uint32_t line;        /* P_LINE: index in the line table */
    uint32_t item;        /* P_LINE: part index; P_OPEN/P_CLOSE: group index */
    uint8_t kind;
} path_node;

typedef struct {
    uint32_t pc;
    int32_t score;
    int32_t path;
} thread;

/* A group instance while the winning parse is replayed. */
typedef struct {
    size_t group;
    int32_t first, last;  /* line indices, -1 while it holds none */
    size_t attr_first;    /* its pending attributes in runner.pending */
    uint16_t depth;       /* structural depth of its element */
} open_group;

typedef struct {
    uint32_t key, value;  /* pool offsets */
} pending_attr;

/* An entity to add once paragraphs and sentences are cut. */
typedef struct {
    uint32_t start, end;
    size_t part, entity;
} entity_request;

struct structure_runner {
    const ann_layouts *ls;
    const ann_rules *rules;
    structure_limit_fn on_limit;
    void *limit_ctx;
    int *entity_type;     /* per part entity (flattened by entity_base): type id, or -1 */
    int *entity_group;    /* capture group number, 0 for the whole line */
    size_t *entity_base;  /* per part: index of its first entity in the two arrays above */
    pcre2_match_data *md;
    pcre2_match_data *split_md;
    pcre2_match_context *mctx;
    pcre2_jit_stack *jit_stack;

    line_info *lines;
    size_t line_count, line_cap;
    uint32_t *memo_line;  /* per part: 1 + the line whose result memo_ok holds, 0: none */
    uint8_t *memo_ok;
    path_node *nodes;
    size_t node_count, node_cap;
    thread *clist, *nlist, *advanced;
    size_t clist_count, nlist_count, advanced_count, thread_cap;
    uint32_t *mark;       /* per program counter: the step that last added it */
    size_t mark_cap;
    uint32_t stamp;
    text_view boundary_line; /* the line structure_is_boundary tests, as the layout stage sees it */
    uint8_t boundary_first_bytes[32]; /* union of the boundary parts' first_bytes */
    int step_matched;
    int32_t match_score, match_path;

    int32_t *replay;      /* node indices of the winning parse, in order */
    size_t replay_cap;
    open_group *groups;
    size_t group_depth, group_cap;
    pending_attr *pending;
    size_t pending_count, pending_cap;
    uint32_t *numbers;    /* per group: instances numbered so far in this document */
    entity_request *requests;
    size_t request_count, request_cap;
    uint32_t *cuts;
    size_t cut_count, cut_cap;
    segment_list scratch;
    char *text;           /* a template being expanded */
    size_t text_len, text_cap;
};

/* ---- set-up --------------------------------------------------------------------- */

static int type_id(const ann_rules *rules, const char *name)
{
    for (size_t i = 0; rules && i < rules->type_count; i++)
        if (!strcmp(rules->type_names[i], name))
            return (int)i;
    return -1;
}

structure_runner *structure_new(const ann_layouts *ls, const ann_rules *rules, structure_limit_fn on_limit,
                                void *ctx)
{
    structure_runner *r = xcalloc(1, sizeof *r);
    r->ls = ls && ls->compiled && ls->count ? ls : NULL;
    r->rules = rules;
    r->on_limit = on_limit;
    r->limit_ctx = ctx;
    if (!r->ls)
        return r;
    size_t parts = ls->part_count, entities = 0;
    r->entity_base = xcalloc(parts + 1, sizeof *r->entity_base);
    for (size_t p = 0; p < parts; p++) {
        r->entity_base[p] = entities;
        entities += ls->parts[p].entity_count;
    }
    r->entity_base[parts] = entities;
    r->entity_type = xcalloc(entities + 1, sizeof *r->entity_type);
    r->entity_group = xcalloc(entities + 1, sizeof *r->entity_group);
    for (size_t p = 0; p < parts; p++) {
        const layout_part *part = &ls->parts[p];
        for (size_t e = 0; e < part->entity_count; e++) {
            const layout_entity *le = &part->entities[e];
            size_t k = r->entity_base[p] + e;
            r->entity_type[k] = type_id(rules, le->type);
            r->entity_group[k] = strcmp(le->capture, "line") && part->code
                                     ? pcre2_substring_number_from_name(part->code, (PCRE2_SPTR)le->capture)
                                     : 0;
        }
    }
    for (size_t b = 0; b < ls->boundary_count; b++)
        for (size_t w = 0; w < sizeof r->boundary_first_bytes; w++)
            r->boundary_first_bytes[w] |= ls->parts[ls->boundaries[b]].first_bytes[w];
    r->memo_line = xcalloc(parts + 1, sizeof *r->memo_line);
    r->memo_ok = xcalloc(parts + 1, 1);
    r->numbers = xcalloc(ls->group_count + 1, sizeof *r->numbers);
    r->md = pcre2_match_data_create(ls->max_captures + 1, NULL);
    r->split_md = pcre2_match_data_create(1, NULL);
    r->mctx = pcre2_match_context_create(NULL);
    r->jit_stack = pcre2_jit_stack_create(32 * 1024, 1024 * 1024, NULL);
    if (!r->md || !r->split_md || !r->mctx || !r->jit_stack)
        out_of_memory(sizeof *r);
    pcre2_jit_stack_assign(r->mctx, NULL, r->jit_stack);
    pcre2_set_match_limit(r->mctx, MATCH_LIMIT);
    pcre2_set_depth_limit(r->mctx, DEPTH_LIMIT);
    pcre2_set_heap_limit(r->mctx, HEAP_LIMIT_KIB);
    size_t prog = 0;
    for (size_t i = 0; i < ls->count; i++)
        if (ls->layouts[i].program_len > prog)
            prog = ls->layouts[i].program_len;
    r->mark_cap = prog + 1;
    r->mark = xcalloc(r->mark_cap, sizeof *r->mark);
    r->thread_cap = prog + 1;
    r->clist = xmalloc(r->thread_cap * sizeof *r->clist);
    r->nlist = xmalloc(r->thread_cap * sizeof *r->nlist);
    r->advanced = xmalloc(r->thread_cap * sizeof *r->advanced);
    return r;
}

void structure_free(structure_runner *r)
{
    if (!r)
        return;
    free(r->entity_type);
    free(r->entity_group);
    free(r->entity_base);
    text_free(&r->boundary_line);
    pcre2_match_data_free(r->md);
    pcre2_match_data_free(r->split_md);
    pcre2_match_context_free(r->mctx);
    pcre2_jit_stack_free(r->jit_stack);
    free(r->lines);
    free(r->memo_line);
    free(r->memo_ok);
    free(r->nodes);
    free(r->clist);
    free(r->nlist);
    free(r->advanced);
    free(r->mark);
    free(r->replay);
    free(r->groups);
    free(r->pending);
    free(r->numbers);
    free(r->requests);
    free(r->cuts);
    segment_list_free(&r->scratch);
    free(r->text);
    free(r);
}

int structure_has_boundaries(const structure_runner *r)
{
    return r->ls && r->ls->boundary_count > 0;
}

/* ---- matching ------------------------------------------------------------------- */

/* Matches a part's pattern against s[0..len): through the JIT fast path when
 * the pattern was JIT-compiled (the subject is the clean text, valid UTF-8,
 * or a raw line for a pattern compiled with PCRE2_MATCH_INVALID_UTF). */
static int match_line(structure_runner *r, const pcre2_code *code, int jit, const char *s, size_t len,
                      uint32_t options)
{
    return jit ? pcre2_jit_match(code, (PCRE2_SPTR)s, len, 0, 0, r->md, r->mctx)
               : pcre2_match(code, (PCRE2_SPTR)s, len, 0, options, r->md, r->mctx);
}

/* ---- boundaries ----------------------------------------------------------------- */

int structure_is_boundary(structure_runner *r, const char *line, size_t len)
{
    if (!r->ls || !r->ls->boundary_count || len > BOUNDARY_LINE_MAX)
        return 0;
    if (len && line[len - 1] == '\n')
        len--;
    if (len && line[len - 1] == '\r')
        len--;
    size_t i = 0;
    while (i < len && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f' || line[i] == '\v' || line[i] == '\r'))
        i++;
    if (i == len)
        return 0; /* a blank line never starts a document */
    /* Most lines start with a byte no boundary pattern can start with; an
     * ASCII byte is the same in the cleaned line, so such a line is neither
     * cleaned nor matched. */
    unsigned char first = (unsigned char)line[0];
    if (first < 0x80 && !(r->boundary_first_bytes[first / 8] & (1u << (first % 8))))
        return 0;
    /* Read like the document's text, where a stray invalid byte does not
     * keep the line from being the page's header. */
    text_prepare(&r->boundary_line, line, len);
    for (size_t b = 0; b < r->ls->boundary_count; b++) {
        const layout_part *p = &r->ls->parts[r->ls->boundaries[b]];
        if (match_line(r, p->boundary_code, p->boundary_jit, r->boundary_line.clean, len, 0) >= 0)
            return 1;
    }
    return 0;
}

/* ---- the line table ------------------------------------------------------------- */

/* The offset of the first c in t[from, len), or len. */
static size_t offset_of(const char *t, char c, size_t from, size_t len)
{
    const char *found = from < len ? memchr(t + from, c, len - from) : NULL;
    return found ? (size_t)(found - t) : len;
}

static void build_lines(structure_runner *r, const document *doc)
{
    const char *t = doc->text.clean;
    const token *tok = doc->tokens.items;
    size_t ntok = doc->tokens.count, ti = 0;
    size_t len = doc->len, pos = 0;
    uint32_t blanks = 0;
    r->line_count = 0;
    /* the first CR at or after pos, or len: most texts have none, which
     * one scan finds */
    size_t cr = offset_of(t, '\r', 0, len);
    while (pos < len) {
        /* a line ends at LF, CRLF or a lone CR, as in the tokenizer */
        size_t end = offset_of(t, '\n', pos, len), next = end < len ? end + 1 : len;
        if (cr < pos)
            cr = offset_of(t, '\r', pos, len);
        if (cr + 1 < end) {
            end = cr;
            next = end + 1;
        } else if (cr < end)
            end = cr;
        while (ti < ntok && tok[ti].start < pos)
            ti++;
        if (ti < ntok && tok[ti].start < end) {
            /* no token holds a line end, so the line's last token is the
             * one before the first that ends past it */
            size_t last = token_at_or_after(&doc->tokens, (uint32_t)end) - 1;
            if (r->line_count)
                r->lines[r->line_count - 1].next_gap = blanks;
            line_info li = {(uint32_t)pos, (uint32_t)end, tok[ti].start, tok[last].end, blanks, GAP_ANY};
            ARRAY_PUSH(r->lines, r->line_count, r->line_cap, li);
            blanks = 0;
            ti = last + 1;
        } else
            blanks++;
        pos = next;
    }
}

/* ---- the VM ----------------------------------------------------------------------- */

static int32_t new_node(structure_runner *r, int32_t parent, int kind, uint32_t line, uint32_t item)
{
    path_node n = {parent, line, item, (uint8_t)kind};
    ARRAY_PUSH(r->nodes, r->node_count, r->node_cap, n);
    return (int32_t)(r->node_count - 1);
}

/* Follows the instructions that consume no line from pc, in priority order,
 * and queues the LINE instructions reached; the first thread to reach MATCH
 * in a step is that step's best match (threads arrive best first). */
static void add_thread(structure_runner *r, const layout *l, uint32_t pc, int32_t score, int32_t path)
{
    if (r->mark[pc] == r->stamp)
        return;
    r->mark[pc] = r->stamp;
    const layout_inst *in = &l->program[pc];
    switch (in->op) {
    case OP_JMP:
        add_thread(r, l, in->x, score, path);
        break;
    case OP_SPLIT:
        add_thread(r, l, in->x, score, path);
        add_thread(r, l, in->y, score, path);
        break;
    case OP_OPEN:
    case OP_CLOSE:
        add_thread(r, l, pc + 1, score, new_node(r, path, in->op == OP_OPEN ? P_OPEN : P_CLOSE, 0, in->arg));
        break;
    case OP_LINE:
        r->nlist[r->nlist_count++] = (thread){pc, score, path};
        break;
    case OP_MATCH:
        if (!r->step_matched) {
            r->step_matched = 1;
            r->match_score = score;
            r->match_path = path;
        }
        break;
    }
}

static int gap_ok(uint32_t gap, uint32_t min, uint32_t max)
{
    return gap >= min && gap <= max;
}

/* Whether part p may take line i: the blank lines around it, then its
 * pattern (matched at most once per line and part). */
static int part_takes(structure_runner *r, const document *doc, size_t p, size_t i)
{
    const layout_part *part = &r->ls->parts[p];
    const line_info *li = &r->lines[i];
    if (!gap_ok(li->gap, part->gap_min, part->gap_max) || !gap_ok(li->next_gap, part->next_min, part->next_max))
        return 0;
    if (!part->code)
        return 1;
    if (r->memo_line[p] == i + 1)
        return r->memo_ok[p];
    unsigned char first = (unsigned char)doc->text.clean[li->start];
    if (!(part->first_bytes[first / 8] & (1u << (first % 8))))
        return 0;
    int rc = match_line(r, part->code, part->jit, doc->text.clean + li->start, li->end - li->start,
                        PCRE2_NO_UTF_CHECK);
    if (rc < 0 && rc != PCRE2_ERROR_NOMATCH && r->on_limit)
        r->on_limit(r->limit_ctx, part, li->start, rc);
    r->memo_line[p] = (uint32_t)i + 1;
    r->memo_ok[p] = rc >= 0;
    return rc >= 0;
}

/* Runs layout l over the line table. Returns the last path node of the best
 * parse, or -1 when it classifies no line. */
static int32_t run_layout(structure_runner *r, const document *doc, const layout *l)
{
    r->node_count = 0;
    memset(r->memo_line, 0, r->ls->part_count * sizeof *r->memo_line);
    r->nlist_count = 0;
    r->step_matched = 0;
    r->stamp++;
    add_thread(r, l, 0, 0, -1);
    int32_t best = -1;
    for (size_t i = 0; i < r->line_count && r->nlist_count; i++) {
        thread *t = r->clist;
        r->clist = r->nlist;
        r->nlist = t;
        r->clist_count = r->nlist_count;
        r->advanced_count = 0;
        for (size_t k = 0; k < r->clist_count; k++) {
            const thread *c = &r->clist[k];
            uint32_t p = l->program[c->pc].arg;
            if (!part_takes(r, doc, p, i))
                continue;
            thread a = {c->pc + 1, c->score + r->ls->parts[p].score,
                        new_node(r, c->path, P_LINE, (uint32_t)i, p)};
            /* stable insertion by score, higher first: keeps priority order among equals */
            size_t at = r->advanced_count++;
            while (at > 0 && r->advanced[at - 1].score < a.score) {
                r->advanced[at] = r->advanced[at - 1];
                at--;
            }
            r->advanced[at] = a;
        }
        r->nlist_count = 0;
        r->step_matched = 0;
        r->stamp++;
        for (size_t k = 0; k < r->advanced_count; k++)
            add_thread(r, l, r->advanced[k].pc, r->advanced[k].score, r->advanced[k].path);
        if (r->step_matched)
            best = r->match_path;
    }
    return best;
}

/* ---- building the structure ----------------------------------------------------------- */

static void text_add(structure_runner *r, const char *s, size_t n)
{
    grow_array((void **)&r->text, &r->text_cap, r->text_len + n + 1, 1);
    memcpy(r->text + r->text_len, s, n);
    r->text_len += n;
    r->text[r->text_len] = '\0';
}

static int is_space_byte(unsigned char c)
{
    return c <= ' ' || c == 0x7f;
}

/* Appends text[start..end) with runs of spaces and controls folded into one
 * space and the ends trimmed. */
static void text_add_surface(structure_runner *r, const document *doc, uint32_t start, uint32_t end)
{
    const unsigned char *t = (const unsigned char *)doc->text.clean;
    size_t begin = r->text_len;
    int pending = 0;
    for (uint32_t i = start; i < end; i++) {
        if (is_space_byte(t[i])) {
            pending = 1;
            continue;
        }
        if (pending && r->text_len > begin)
            text_add(r, " ", 1);
        pending = 0;
        text_add(r, (const char *)t + i, 1);
    }
}

/* Expands a template against the current match of the part on line li.
 * Returns 0 and leaves the value in r->text, or -1 when a capture it names
 * did not take part in the match. */
static int expand(structure_runner *r, const document *doc, const layout_part *part, const line_info *li,
                  const char *tmpl)
{
    r->text_len = 0;
    text_add(r, "", 0);
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
    for (const char *c = tmpl; *c;) {
        if (*c != '{') {
            size_t n = strcspn(c, "{");
            text_add(r, c, n);
            c += n;
            continue;
        }
        const char *close = strchr(c, '}');
        size_t n = (size_t)(close - c - 1);
        if (n == 4 && !memcmp(c + 1, "line", 4))
            text_add_surface(r, doc, li->start, li->end);
        else {
            char name[64];
            snprintf(name, sizeof name, "%.*s", (int)n, c + 1);
            int g = pcre2_substring_number_from_name(part->code, (PCRE2_SPTR)name);
            if (g <= 0 || ov[2 * g] == PCRE2_UNSET)
                return -1;
            text_add_surface(r, doc, li->start + (uint32_t)ov[2 * g], li->start + (uint32_t)ov[2 * g + 1]);
        }
        c = close + 1;
    }
    return 0;
}

static void push_attrs(document *doc, struct_span *s, const pending_attr *a, size_t n)
{
    s->attrs = (uint32_t)doc->attr_count;
    s->attr_count = (uint16_t)n;
    for (size_t i = 0; i < n; i++) {
        span_attr at = {a[i].key, a[i].value};
        ARRAY_PUSH(doc->attrs, doc->attr_count, doc->attr_cap, at);
    }
}

static void add_element(document *doc, int element, uint32_t start, uint32_t end, uint16_t depth, const char *file,
                        unsigned line, const pending_attr *attrs, size_t attr_count)
{
    struct_span s = {start, end, (int16_t)element, depth, file, line, 0, 0};
    push_attrs(doc, &s, attrs, attr_count);
    ARRAY_PUSH(doc->structure, doc->structure_count, doc->structure_cap, s);
}

/* The innermost open group instance with an element, or NULL. */
static open_group *element_group(structure_runner *r)
{
    for (size_t k = r->group_depth; k-- > 0;)
        if (r->ls->groups[r->groups[k].group].element != LE_NONE)
            return &r->groups[k];
    return NULL;
}

static uint16_t structural_depth(structure_runner *r)
{
    uint16_t d = 0;
    for (size_t k = 0; k < r->group_depth; k++)
        d += r->ls->groups[r->groups[k].group].element != LE_NONE;
    return d;
}

static void take_line(structure_runner *r, document *doc, size_t i, size_t p)
{
    const layout_part *part = &r->ls->parts[p];
    const line_info *li = &r->lines[i];
    for (size_t k = 0; k < r->group_depth; k++) {
        if (r->groups[k].first < 0)
            r->groups[k].first = (int32_t)i;
        r->groups[k].last = (int32_t)i;
    }
    int matched = 0;
    if (part->needs_captures && part->code)
        matched = match_line(r, part->code, part->jit, doc->text.clean + li->start, li->end - li->start,
                             PCRE2_NO_UTF_CHECK) >= 0;
    pending_attr own[8];
    size_t own_count = 0;
    for (size_t a = 0; a < part->attr_count; a++) {
        const layout_attr *at = &part->attrs[a];
        if ((part->code && !matched) || expand(r, doc, part, li, at->value) || !layout_value_ok(at->kind, r->text))
            continue;
        if (at->target == TARGET_DOCUMENT) {
            if (doc->doc_attrs[at->doc_attr] == NO_STRING)
                doc->doc_attrs[at->doc_attr] = doc_intern(doc, r->text, r->text_len);
            continue;
        }
        pending_attr pa = {doc_intern(doc, at->key, strlen(at->key)), doc_intern(doc, r->text, r->text_len)};
        if (at->target == TARGET_SELF) {
            if (own_count < sizeof own / sizeof *own)
                own[own_count++] = pa;
        } else {
            open_group *g = element_group(r);
            if (!g)
                continue;
            /* a later line does not override an attribute its group already has */
            int seen = 0;
            for (size_t k = g->attr_first; k < r->pending_count; k++)
                seen |= !strcmp(doc_string(doc, r->pending[k].key), at->key);
            if (!seen)
                ARRAY_PUSH(r->pending, r->pending_count, r->pending_cap, pa);
        }
    }
    if (part->element != LE_NONE)
        add_element(doc, part->element, li->tstart, li->tend, structural_depth(r), part->file, part->line, own,
                    own_count);
    for (size_t e = 0; e < part->entity_count; e++) {
        size_t k = r->entity_base[p] + e;
        if (r->entity_type[k] < 0)
            continue;
        uint32_t start = li->start, end = li->end;
        int g = r->entity_group[k];
        if (g > 0) {
            PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->md);
            if (!matched || ov[2 * g] == PCRE2_UNSET)
                continue;
            start = li->start + (uint32_t)ov[2 * g];
            end = li->start + (uint32_t)ov[2 * g + 1];
        }
        entity_request q = {start, end, p, e};
        ARRAY_PUSH(r->requests, r->request_count, r->request_cap, q);
    }
}

/* Attributes go to the innermost open group that has an element, so while
 * such a group is open everything pushed onto r->pending is its own: when it
 * closes, its attributes are the tail from attr_first. A group without an
 * element owns none and leaves r->pending alone. */
static void close_group(structure_runner *r, document *doc)
{
    open_group *og = &r->groups[--r->group_depth];
    const layout_group *g = &r->ls->groups[og->group];
    if (g->element == LE_NONE)
        return;
    if (og->first >= 0) {
        if (g->number_key) {
            char num[16];
            /* a 32-bit number has at most 10 digits, so n < sizeof num: said so
             * to the compiler, which cannot tell, and warns of a copy past num */
            size_t n = (size_t)snprintf(num, sizeof num, "%u", ++r->numbers[og->group]);
            pending_attr pa = {doc_intern(doc, g->number_key, strlen(g->number_key)),
                               doc_intern(doc, num, n < sizeof num ? n : sizeof num - 1)};
            /* the number goes first */
            ARRAY_PUSH(r->pending, r->pending_count, r->pending_cap, pa);
            memmove(r->pending + og->attr_first + 1, r->pending + og->attr_first,
                    (r->pending_count - 1 - og->attr_first) * sizeof *r->pending);
            r->pending[og->attr_first] = pa;
        }
        add_element(doc, g->element, r->lines[og->first].tstart, r->lines[og->last].tend, og->depth, g->file, g->line,
                    r->pending + og->attr_first, r->pending_count - og->attr_first);
    }
    r->pending_count = og->attr_first;
}

static void replay(structure_runner *r, document *doc, int32_t last)
{
    size_t n = 0;
    for (int32_t k = last; k >= 0; k = r->nodes[k].parent)
        n++;
    grow_array((void **)&r->replay, &r->replay_cap, n + 1, sizeof *r->replay);
    size_t i = n;
    for (int32_t k = last; k >= 0; k = r->nodes[k].parent)
        r->replay[--i] = k;
    r->group_depth = 0;
    r->pending_count = 0;
    r->request_count = 0;
    memset(r->numbers, 0, r->ls->group_count * sizeof *r->numbers);
    for (i = 0; i < n; i++) {
        const path_node *node = &r->nodes[r->replay[i]];
        if (node->kind == P_OPEN) {
            open_group og = {node->item, -1, -1, r->pending_count, structural_depth(r)};
            ARRAY_PUSH(r->groups, r->group_depth, r->group_cap, og);
        } else if (node->kind == P_CLOSE)
            close_group(r, doc);
        else
            take_line(r, doc, node->line, node->item);
    }
    /* a parse may end inside groups (the rest of the document stays plain) */
    while (r->group_depth)
        close_group(r, doc);
}

/* ---- cutting paragraphs and sentences ----------------------------------------------- */

static int by_offset(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static void push_piece(segment_list *out, const token *tok, size_t first, size_t last)
{
    segment s = {tok[first].start, tok[last].end, (uint32_t)first, (uint32_t)(last - first + 1)};
    ARRAY_PUSH(out->items, out->count, out->cap, s);
}

/* Splits every segment of list between two tokens that a cut separates. */
static void cut_segments(structure_runner *r, const token_list *tokens, segment_list *list)
{
    const token *tok = tokens->items;
    segment_list *out = &r->scratch;
    out->count = 0;
    size_t k = 0;
    for (size_t i = 0; i < list->count; i++) {
        const segment *s = &list->items[i];
        while (k < r->cut_count && r->cuts[k] <= s->start)
            k++;
        if (k == r->cut_count || r->cuts[k] >= s->end) {
            ARRAY_PUSH(out->items, out->count, out->cap, *s);
            continue;
        }
        size_t first = s->first_token, end = first + s->token_count, piece = first;
        for (size_t t = first + 1; t < end; t++) {
            while (k < r->cut_count && r->cuts[k] < tok[t - 1].end)
                k++;
            if (k < r->cut_count && r->cuts[k] <= tok[t].start) {
                push_piece(out, tok, piece, t - 1);
                piece = t;
            }
        }
        push_piece(out, tok, piece, end - 1);
    }
    segment_list swap = *list;
    *list = *out;
    *out = swap;
}

static void cut_at_structure(structure_runner *r, document *doc)
{
    r->cut_count = 0;
    for (size_t i = 0; i < doc->structure_count; i++) {
        ARRAY_PUSH(r->cuts, r->cut_count, r->cut_cap, doc->structure[i].start);
        ARRAY_PUSH(r->cuts, r->cut_count, r->cut_cap, doc->structure[i].end);
    }
    if (!r->cut_count)
        return;
    qsort(r->cuts, r->cut_count, sizeof *r->cuts, by_offset);
    cut_segments(r, &doc->tokens, &doc->paragraphs);
    cut_segments(r, &doc->tokens, &doc->sentences);
}

/* ---- forced entities ----------------------------------------------------------------- */

/* The sentence holding [start, end), or -1. */
static int within_one_sentence(const document *doc, uint32_t start, uint32_t end)
{
    size_t lo = COUNT_UP_TO(doc->sentences.items, doc->sentences.count, end, start);
    return lo < doc->sentences.count && doc->sentences.items[lo].start <= start && end <= doc->sentences.items[lo].end;
}

/* Adds an entity over [start, end) without its surrounding spaces, grown to
 * whole tokens (a capture "Acme Inc" of "Acme Inc." takes the abbreviation). */
static void add_entity(structure_runner *r, document *doc, const entity_request *q, uint32_t start, uint32_t end)
{
    const unsigned char *t = (const unsigned char *)doc->text.clean;
    while (start < end && is_space_byte(t[start]))
        start++;
    while (end > start && is_space_byte(t[end - 1]))
        end--;
    if (start >= end)
        return;
    while (start > 0 && !doc_token_starts_at(doc, start) && !is_space_byte(t[start - 1]))
        start--;
    while (end < doc->len && !doc_token_ends_at(doc, end) && !is_space_byte(t[end]))
        end++;
    if (!doc_token_starts_at(doc, start) || !doc_token_ends_at(doc, end) || !within_one_sentence(doc, start, end))
        return;
    for (size_t i = 0; i < doc->layout_span_count; i++) {
        const span *o = &doc->spans[doc->layout_spans[i].span];
        if (o->start < end && start < o->end)
            return; /* two layout entities never overlap */
    }
    const layout_part *part = &r->ls->parts[q->part];
    r->text_len = 0;
    text_add(r, "", 0);
    text_add_surface(r, doc, start, end);
    span s = {.start = start, .end = end, .type = (uint16_t)r->entity_type[r->entity_base[q->part] + q->entity],
              .phase = 0, .rule = -1, .norm = doc_intern(doc, r->text, r->text_len), .flags = SPAN_LAYOUT,
              .priority = INT32_MAX};
    layout_origin o = {doc_add_span(doc, &s), part->name, part->file, part->line};
    ARRAY_PUSH(doc->layout_spans, doc->layout_span_count, doc->layout_span_cap, o);
}

static void add_entities(structure_runner *r, document *doc)
{
    for (size_t i = 0; i < r->request_count; i++) {
        const entity_request *q = &r->requests[i];
        const pcre2_code *split = r->ls->parts[q->part].entities[q->entity].split;
        if (!split) {
            add_entity(r, doc, q, q->start, q->end);
            continue;
        }
        uint32_t piece = q->start;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(r->split_md);
        for (uint32_t pos = q->start; pos < q->end;) {
            int rc = pcre2_match(split, (PCRE2_SPTR)doc->text.clean, q->end, pos, PCRE2_NO_UTF_CHECK, r->split_md,
                                 r->mctx);
            if (rc < 0)
                break;
            uint32_t ms = (uint32_t)ov[0], me = (uint32_t)ov[1];
            if (me == ms) {
                /* an empty separator cuts nothing: look again after this character */
                pos = ms + 1;
                while (pos < q->end && ((unsigned char)doc->text.clean[pos] & 0xC0) == 0x80)
                    pos++;
                continue;
            }
            add_entity(r, doc, q, piece, ms);
            piece = pos = me;
        }
        add_entity(r, doc, q, piece, q->end);
    }
}

/* ---- the stage ------------------------------------------------------------------------ */

void structure_apply(structure_runner *r, document *doc)
{
    if (!r->ls)
        return;
    build_lines(r, doc);
    if (!r->line_count)
        return;
    for (size_t k = 0; k < r->ls->count; k++) {
        const layout *l = &r->ls->layouts[r->ls->tried[k]];
        int32_t last = run_layout(r, doc, l);
        if (last < 0)
            continue;
        doc->layout_name = l->name;
        replay(r, doc, last);
        cut_at_structure(r, doc);
        add_entities(r, doc);
        return;
    }
}

void structure_finish(document *doc)
{
    for (size_t i = 0; i < doc->layout_span_count; i++) {
        span *forced = &doc->spans[doc->layout_spans[i].span];
        for (size_t k = 0; k < doc->span_count; k++) {
            span *c = &doc->spans[k];
            if ((c->flags & SPAN_REMOVED) && !(c->flags & (SPAN_LAYOUT | SPAN_HIDDEN)) && c->rule >= 0 &&
                c->start == forced->start && c->end == forced->end && c->type == forced->type) {
                /* The forced span stays (whatever later stages made of it,
                 * name links included); it takes what the rule knew. */
                forced->norm = c->norm;
                forced->attrs = c->attrs;
                forced->attr_count = c->attr_count;
                break;
            }
        }
    }
}
