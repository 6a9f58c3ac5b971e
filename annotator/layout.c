/* layout: see layout.h. Reads .layout files (keyword lines with indented
 * `key value` settings, like rule files), checks every name, pattern and
 * template while reading so an error points at FILE:LINE:COL, and compiles
 * each layout's order into a program for the line VM in structure.c. */
#include "layout.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "builtin.h"
#include "rules.h"
#include "textfile.h"

#define MAX_LAYOUT_FILE ((size_t)4 << 20)

/* ---- vocabulary ------------------------------------------------------------ */

typedef struct {
    const char *name;
    const char *attrs[5];
    attr_value_kind kinds[5];
} element_def;

static const element_def elements[LE_ELEMENT_COUNT] = {
    [LE_HEADER] = {"header", {NULL}, {0}},
    [LE_CAPTION] = {"caption", {NULL}, {0}},
    [LE_CREDIT] = {"credit", {NULL}, {0}},
    [LE_SECTION] = {"section", {NULL}, {0}},
    [LE_HEADLINE] = {"headline", {NULL}, {0}},
    [LE_COUNT] = {"count", {NULL}, {0}},
    [LE_BYLINE] = {"byline", {NULL}, {0}},
    [LE_DATELINE] = {"dateline", {NULL}, {0}},
    [LE_BODY] = {"body", {NULL}, {0}},
    [LE_COPYRIGHT] = {"copyright", {NULL}, {0}},
    [LE_COMMENTS] = {"comments", {"count", NULL}, {AV_COUNT}},
    [LE_TOPIC] = {"topic", {NULL}, {0}},
    [LE_COMMENT] = {"comment", {"n", "score", "up", "down", NULL}, {AV_ORDINAL, AV_INTEGER, AV_COUNT, AV_COUNT}},
    [LE_VOTES] = {"votes", {NULL}, {0}},
};

static const char *const doc_attr_names[DOC_ATTR_COUNT] = {"date", "publisher", "section", "headline"};
static const attr_value_kind doc_attr_kinds[DOC_ATTR_COUNT] = {AV_DATE, AV_TEXT, AV_TEXT, AV_TEXT};

const char *layout_element_name(int element)
{
    return element >= 0 && element < LE_ELEMENT_COUNT ? elements[element].name : NULL;
}

const char *layout_doc_attr_name(int which)
{
    return doc_attr_names[which];
}

attr_value_kind layout_doc_attr_kind(int which)
{
    return doc_attr_kinds[which];
}

/* The kind of attribute key on element, or -1 when the element has no such
 * attribute. */
static int element_attr_kind(int element, const char *key)
{
    if (element < 0)
        return -1;
    for (int i = 0; elements[element].attrs[i]; i++)
        if (!strcmp(elements[element].attrs[i], key))
            return (int)elements[element].kinds[i];
    return -1;
}

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

int layout_value_ok(attr_value_kind kind, const char *v)
{
    size_t n = strlen(v);
    switch (kind) {
    case AV_TEXT:
        return n > 0;
    case AV_DATE:
        if (n != 10 || v[4] != '-' || v[7] != '-')
            return 0;
        for (size_t i = 0; i < n; i++)
            if (i != 4 && i != 7 && !is_digit(v[i]))
                return 0;
        return 1;
    case AV_INTEGER:
        if (*v == '-' || *v == '+')
            v++;
        /* fall through */
    case AV_COUNT:
    case AV_ORDINAL:
        if (!*v || strlen(v) > 9)
            return 0;
        for (const char *p = v; *p; p++)
            if (!is_digit(*p))
                return 0;
        if (kind == AV_ORDINAL && *v == '0')
            return 0; /* 1, 2, 3, ...: no zero, no leading zero */
        return 1;
    }
    return 0;
}

/* ---- order expressions -------------------------------------------------------- */

enum { N_NAME, N_SEQ, N_ALT, N_REPEAT };

struct order_node {
    int kind;
    char *name;           /* N_NAME */
    unsigned line, column;
    order_node **kids;    /* N_SEQ, N_ALT: the items; N_REPEAT: one */
    size_t count, cap;
    int min, max;         /* N_REPEAT: max -1 means no limit */
    int lazy;
};

static void order_free(order_node *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->count; i++)
        order_free(n->kids[i]);
    free(n->kids);
    free(n->name);
    free(n);
}

static order_node *order_new(int kind, unsigned line, unsigned column)
{
    order_node *n = xcalloc(1, sizeof *n);
    n->kind = kind;
    n->line = line;
    n->column = column;
    return n;
}

static void order_add(order_node *parent, order_node *kid)
{
    ARRAY_PUSH(parent->kids, parent->count, parent->cap, kid);
}

typedef struct {
    const char *text;     /* the expression */
    size_t pos;
    const char *file;
    unsigned line, column; /* of text[0] */
    ann_error *err;
} order_parser;

static int is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '-' || c == '_';
}

static void skip_spaces(order_parser *op)
{
    while (op->text[op->pos] == ' ' || op->text[op->pos] == '\t')
        op->pos++;
}

static order_node *parse_alt(order_parser *op);

static order_node *order_error(order_parser *op, order_node *partial, const char *msg)
{
    set_error(op->err, ANN_ERR_RULES, op->file, op->line, op->column + op->pos, "%s", msg);
    order_free(partial);
    return NULL;
}

static order_node *parse_item(order_parser *op)
{
    skip_spaces(op);
    unsigned col = op->column + (unsigned)op->pos;
    order_node *atom;
    char c = op->text[op->pos];
    if (c == '(') {
        op->pos++;
        atom = parse_alt(op);
        if (!atom)
            return NULL;
        skip_spaces(op);
        if (op->text[op->pos] != ')')
            return order_error(op, atom, "expected ')'");
        op->pos++;
    } else if (is_name_char(c)) {
        size_t start = op->pos;
        while (is_name_char(op->text[op->pos]))
            op->pos++;
        atom = order_new(N_NAME, op->line, col);
        atom->name = xstrndup(op->text + start, op->pos - start);
    } else
        return order_error(op, NULL, c ? "expected a part or group name, or '('" : "the order ends too early");
    c = op->text[op->pos];
    if (c != '?' && c != '*' && c != '+')
        return atom;
    op->pos++;
    order_node *rep = order_new(N_REPEAT, op->line, col);
    rep->min = c == '+';
    rep->max = c == '?' ? 1 : -1;
    if (op->text[op->pos] == '?') {
        rep->lazy = 1;
        op->pos++;
    }
    order_add(rep, atom);
    c = op->text[op->pos];
    if (c == '?' || c == '*' || c == '+')
        return order_error(op, rep, "a quantifier cannot follow a quantifier: use parentheses");
    return rep;
}

static order_node *parse_seq(order_parser *op)
{
    order_node *seq = order_new(N_SEQ, op->line, op->column + (unsigned)op->pos);
    for (;;) {
        skip_spaces(op);
        char c = op->text[op->pos];
        if (!c || c == '|' || c == ')')
            break;
        order_node *item = parse_item(op);
        if (!item) {
            order_free(seq);
            return NULL;
        }
        order_add(seq, item);
    }
    if (!seq->count)
        return order_error(op, seq, "an empty alternative");
    return seq;
}

static order_node *parse_alt(order_parser *op)
{
    order_node *first = parse_seq(op);
    if (!first)
        return NULL;
    skip_spaces(op);
    if (op->text[op->pos] != '|')
        return first;
    order_node *alt = order_new(N_ALT, first->line, first->column);
    order_add(alt, first);
    while (op->text[op->pos] == '|') {
        op->pos++;
        order_node *next = parse_seq(op);
        if (!next) {
            order_free(alt);
            return NULL;
        }
        order_add(alt, next);
        skip_spaces(op);
    }
    return alt;
}

static order_node *parse_order(const char *text, const char *file, unsigned line, unsigned column, ann_error *err)
{
    order_parser op = {text, 0, file, line, column, err};
    order_node *n = parse_alt(&op);
    if (!n)
        return NULL;
    skip_spaces(&op);
    if (op.text[op.pos])
        return order_error(&op, n, op.text[op.pos] == ')' ? "unbalanced ')'" : "unexpected character");
    return n;
}

/* ---- the set ---------------------------------------------------------------- */

ann_layouts *ann_layouts_new(void)
{
    return xcalloc(1, sizeof(ann_layouts));
}

static void free_part(layout_part *p)
{
    free(p->name);
    free(p->file);
    free(p->pattern);
    pcre2_code_free(p->code);
    pcre2_code_free(p->boundary_code);
    for (size_t i = 0; i < p->attr_count; i++) {
        free(p->attrs[i].key);
        free(p->attrs[i].value);
    }
    free(p->attrs);
    for (size_t i = 0; i < p->entity_count; i++) {
        free(p->entities[i].capture);
        free(p->entities[i].type);
        pcre2_code_free(p->entities[i].split);
    }
    free(p->entities);
}

void ann_layouts_free(ann_layouts *ls)
{
    if (!ls)
        return;
    for (size_t i = 0; i < ls->count; i++) {
        layout *l = &ls->layouts[i];
        free(l->name);
        free(l->file);
        order_free(l->order);
        free(l->program);
    }
    free(ls->layouts);
    for (size_t i = 0; i < ls->part_count; i++)
        free_part(&ls->parts[i]);
    free(ls->parts);
    for (size_t i = 0; i < ls->group_count; i++) {
        layout_group *g = &ls->groups[i];
        free(g->name);
        free(g->file);
        free(g->number_key);
        order_free(g->order);
    }
    free(ls->groups);
    free(ls->tried);
    free(ls->boundaries);
    free(ls);
}

size_t ann_layouts_count(const ann_layouts *ls)
{
    return ls->count;
}

/* ---- reading ------------------------------------------------------------------- */

enum { BLOCK_NONE, BLOCK_LAYOUT, BLOCK_PART, BLOCK_GROUP };

typedef struct {
    ann_layouts *ls;
    const char *file;
    ann_error *err;
    int block;            /* BLOCK_*: what the indented lines belong to */
    size_t index;         /* of the current layout, part or group */
    int have_layout;      /* a layout was started in this file */
    size_t layout;        /* the layout parts and groups of this file belong to */
    /* the current part's `line` patterns, joined */
    char *patterns;
    size_t patterns_len, patterns_cap;
    /* `split` lines waiting for their `entity` */
    struct pending_split {
        char *capture;
        pcre2_code *code;
        unsigned line, column;
    } *splits;
    size_t split_count, split_cap;
} parser;

static int parse_number(const char *v, int *out)
{
    long n;
    if (parse_whole_number(v, -1000000, 1000000, &n))
        return -1;
    *out = (int)n;
    return 0;
}

static int fail(parser *ps, unsigned line, unsigned column, const char *fmt, const char *a, const char *b)
{
    char msg[400];
    snprintf(msg, sizeof msg, fmt, a, b);
    set_error(ps->err, ANN_ERR_RULES, ps->file, line, column, "%s", msg);
    return -1;
}

static int valid_name(const char *s)
{
    if (!(*s >= 'a' && *s <= 'z') && !is_digit(*s))
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || is_digit(*s) || *s == '-' || *s == '_'))
            return 0;
    return 1;
}

static int find_element(const char *name)
{
    for (int i = 0; i < LE_ELEMENT_COUNT; i++)
        if (!strcmp(elements[i].name, name))
            return i;
    return LE_NONE;
}

static void sb_add(char **s, size_t *len, size_t *cap, const char *add, size_t n)
{
    grow_array((void **)s, cap, *len + n + 1, 1);
    memcpy(*s + *len, add, n);
    *len += n;
    (*s)[*len] = '\0';
}

/* Compiles a pattern, reporting PCRE2's message at the column it points to. */
static pcre2_code *compile_pattern(parser *ps, const char *pattern, uint32_t options, unsigned line,
                                   unsigned column)
{
    int code;
    PCRE2_SIZE offset;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP | options,
                                   &code, &offset, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        set_error(ps->err, ANN_ERR_RULES, ps->file, line, column + (unsigned)offset, "%s", (char *)msg);
    }
    return re;
}

static int has_capture(const layout_part *p, const char *name, size_t len)
{
    if (len == 4 && !memcmp(name, "line", 4))
        return 1;
    if (!p->code)
        return 0;
    char buf[64];
    if (len >= sizeof buf)
        return 0;
    memcpy(buf, name, len);
    buf[len] = '\0';
    return pcre2_substring_number_from_name(p->code, (PCRE2_SPTR)buf) > 0;
}

/* Checks that every {name} of a template is a capture of the part or {line}. */
static int check_template(parser *ps, const layout_part *p, const char *t, unsigned line, unsigned column)
{
    for (const char *c = t; *c; c++) {
        if (*c == '}')
            return fail(ps, line, column + (unsigned)(c - t), "a '}' without its '{'", NULL, NULL);
        if (*c != '{')
            continue;
        const char *end = strchr(c, '}');
        if (!end)
            return fail(ps, line, column + (unsigned)(c - t), "a '{' without its '}'", NULL, NULL);
        if (!has_capture(p, c + 1, (size_t)(end - c - 1))) {
            char name[64];
            snprintf(name, sizeof name, "%.*s", (int)(end - c - 1), c + 1);
            return fail(ps, line, column + (unsigned)(c - t) + 1,
                        "'%s' is not a named capture of the part's patterns (nor 'line')", name, NULL);
        }
        c = end;
    }
    return 0;
}

/* Called when the current part ends: compiles its patterns and checks what
 * depends on them. */
static int finish_part(parser *ps)
{
    layout_part *p = &ps->ls->parts[ps->index];
    int rc = 0;
    if (ps->patterns) {
        p->pattern = ps->patterns;
        ps->patterns = NULL;
        ps->patterns_len = ps->patterns_cap = 0;
        p->code = compile_pattern(ps, p->pattern, PCRE2_ANCHORED, p->pattern_line, p->pattern_col);
        if (!p->code)
            rc = -1;
        else if (p->boundary) {
            p->boundary_code =
                compile_pattern(ps, p->pattern, PCRE2_ANCHORED | PCRE2_MATCH_INVALID_UTF, p->pattern_line,
                                p->pattern_col);
            if (!p->boundary_code)
                rc = -1;
        }
        uint32_t captures = 0;
        if (p->code)
            pcre2_pattern_info(p->code, PCRE2_INFO_CAPTURECOUNT, &captures);
        if (captures > ps->ls->max_captures)
            ps->ls->max_captures = captures;
    } else if (p->boundary)
        rc = fail(ps, p->line, 1, "part %s: a boundary part needs a 'line' pattern", p->name, NULL);
    if (!p->score_set)
        p->score = p->pattern ? 1 : 0;
    for (size_t i = 0; !rc && i < p->attr_count; i++)
        rc = check_template(ps, p, p->attrs[i].value, p->attrs[i].line, p->attrs[i].column);
    for (size_t i = 0; !rc && i < p->entity_count; i++) {
        layout_entity *e = &p->entities[i];
        if (!has_capture(p, e->capture, strlen(e->capture)))
            rc = fail(ps, e->line, e->column, "'%s' is not a named capture of the part's patterns (nor 'line')",
                      e->capture, NULL);
    }
    for (size_t s = 0; s < ps->split_count; s++) {
        struct pending_split *sp = &ps->splits[s];
        layout_entity *target = NULL;
        for (size_t i = 0; i < p->entity_count; i++)
            if (!strcmp(p->entities[i].capture, sp->capture) && !p->entities[i].split)
                target = &p->entities[i];
        if (!rc && !target)
            rc = fail(ps, sp->line, sp->column, "split %s: no 'entity %s TYPE' line in this part", sp->capture,
                      sp->capture);
        if (!rc) {
            target->split = sp->code;
            sp->code = NULL;
        }
        pcre2_code_free(sp->code);
        free(sp->capture);
    }
    ps->split_count = 0;
    p->needs_captures = p->attr_count > 0 || p->entity_count > 0;
    return rc;
}

static int finish_block(parser *ps)
{
    int rc = 0;
    if (ps->block == BLOCK_PART)
        rc = finish_part(ps);
    else if (ps->block == BLOCK_LAYOUT && !ps->ls->layouts[ps->index].order)
        rc = fail(ps, ps->ls->layouts[ps->index].line, 1, "layout %s has no 'order' line",
                  ps->ls->layouts[ps->index].name, NULL);
    else if (ps->block == BLOCK_GROUP && !ps->ls->groups[ps->index].order)
        rc = fail(ps, ps->ls->groups[ps->index].line, 1, "group %s has no 'order' line",
                  ps->ls->groups[ps->index].name, NULL);
    ps->block = BLOCK_NONE;
    return rc;
}

/* Parses "N", "N+" or "N-M" (numbers of blank lines). */
static int parse_range(const char *v, uint32_t *min, uint32_t *max)
{
    char *end;
    errno = 0;
    unsigned long a = strtoul(v, &end, 10);
    if (end == v || errno || a > 1000000 || *v == '-' || *v == '+')
        return -1;
    if (!*end) {
        *min = *max = (uint32_t)a;
        return 0;
    }
    if (end[0] == '+' && !end[1]) {
        *min = (uint32_t)a;
        *max = GAP_ANY;
        return 0;
    }
    if (end[0] != '-')
        return -1;
    const char *v2 = end + 1;
    unsigned long b = strtoul(v2, &end, 10);
    if (end == v2 || *end || errno || b > 1000000 || b < a || *v2 == '-' || *v2 == '+')
        return -1;
    *min = (uint32_t)a;
    *max = (uint32_t)b;
    return 0;
}

/* Splits "NAME REST" in place; returns REST (trimmed), or NULL when either
 * is missing. */
static char *split_first(char *value)
{
    char *sp = value + strcspn(value, " \t");
    if (!*sp || sp == value)
        return NULL;
    *sp = '\0';
    char *rest = text_trim(sp + 1);
    return *rest ? rest : NULL;
}

static int part_setting(parser *ps, char *key, char *value, unsigned line, unsigned kcol, unsigned vcol,
                        const char *line_text)
{
    layout_part *p = &ps->ls->parts[ps->index];
    if (!strcmp(key, "boundary")) {
        if (*value)
            return fail(ps, line, vcol, "'boundary' takes no value", NULL, NULL);
        p->boundary = 1;
        return 0;
    }
    if (!*value)
        return fail(ps, line, kcol, "'%s' needs a value", key, NULL);
    if (!strcmp(key, "element")) {
        p->element = find_element(value);
        if (p->element == LE_NONE)
            return fail(ps, line, vcol,
                        "unknown element '%s' (one of header, caption, credit, section, headline, count, byline, "
                        "dateline, body, copyright, comments, topic, comment, votes)",
                        value, NULL);
    } else if (!strcmp(key, "line")) {
        /* each alternative is compiled alone first, so an error points into its own line */
        pcre2_code *alone = compile_pattern(ps, value, PCRE2_ANCHORED, line, vcol);
        if (!alone)
            return -1;
        pcre2_code_free(alone);
        if (ps->patterns)
            sb_add(&ps->patterns, &ps->patterns_len, &ps->patterns_cap, "|", 1);
        else {
            p->pattern_line = line;
            p->pattern_col = vcol;
        }
        sb_add(&ps->patterns, &ps->patterns_len, &ps->patterns_cap, "(?:", 3);
        sb_add(&ps->patterns, &ps->patterns_len, &ps->patterns_cap, value, strlen(value));
        sb_add(&ps->patterns, &ps->patterns_len, &ps->patterns_cap, ")", 1);
    } else if (!strcmp(key, "gap") || !strcmp(key, "next-gap")) {
        uint32_t *min = key[0] == 'g' ? &p->gap_min : &p->next_min, *max = key[0] == 'g' ? &p->gap_max : &p->next_max;
        if (parse_range(value, min, max))
            return fail(ps, line, vcol, "%s wants a number of blank lines: N, N+ (N or more) or N-M", key, NULL);
    } else if (!strcmp(key, "score")) {
        if (parse_number(value, &p->score))
            return fail(ps, line, vcol, "score wants a whole number", NULL, NULL);
        p->score_set = 1;
    } else if (!strcmp(key, "doc") || !strcmp(key, "attr") || !strcmp(key, "group-attr")) {
        char *name = value, *tmpl = split_first(value);
        if (!tmpl)
            return fail(ps, line, vcol, "%s needs a name and a value", key, NULL);
        layout_attr a = {.key = xstrdup(name), .value = xstrdup(tmpl), .line = line,
                         .column = (unsigned)(tmpl - line_text) + 1, .key_column = vcol};
        if (key[0] == 'd') {
            a.target = TARGET_DOCUMENT;
            a.doc_attr = -1;
            for (int i = 0; i < DOC_ATTR_COUNT; i++)
                if (!strcmp(name, doc_attr_names[i]))
                    a.doc_attr = i;
            if (a.doc_attr < 0) {
                free(a.key);
                free(a.value);
                return fail(ps, line, vcol,
                            "unknown document attribute '%s' (one of date, publisher, section, headline)", name, NULL);
            }
            a.kind = doc_attr_kinds[a.doc_attr];
        } else if (key[0] == 'a') {
            a.target = TARGET_SELF;
            int kind = element_attr_kind(p->element, name);
            if (kind < 0) {
                free(a.key);
                free(a.value);
                return fail(ps, line, vcol,
                            p->element == LE_NONE ? "attr %s: the part has no element (set 'element' first)"
                                                  : "attr %s: <%s> has no such attribute",
                            name, layout_element_name(p->element));
            }
            a.kind = (attr_value_kind)kind;
        } else {
            a.target = TARGET_GROUP; /* checked against the group when the order is compiled */
        }
        size_t cap = p->attr_count;
        ARRAY_PUSH(p->attrs, p->attr_count, cap, a);
    } else if (!strcmp(key, "entity")) {
        char *capture = value, *type = split_first(value);
        if (!type)
            return fail(ps, line, vcol, "entity needs a capture name and a type: entity author PERSON", NULL, NULL);
        for (const char *c = type; *c; c++)
            if (!((*c >= 'A' && *c <= 'Z') || is_digit(*c) || (*c == '_' && c != type)))
                return fail(ps, line, (unsigned)(type - line_text) + 1,
                            "entity type '%s' is not an upper-case name such as PERSON", type, NULL);
        layout_entity e = {.capture = xstrdup(capture), .type = xstrdup(type), .line = line, .column = vcol};
        size_t cap = p->entity_count;
        ARRAY_PUSH(p->entities, p->entity_count, cap, e);
    } else if (!strcmp(key, "split")) {
        char *capture = value, *pattern = split_first(value);
        if (!pattern)
            return fail(ps, line, vcol, "split needs a capture name and a pattern", NULL, NULL);
        pcre2_code *code = compile_pattern(ps, pattern, 0, line, (unsigned)(pattern - line_text) + 1);
        if (!code)
            return -1;
        struct pending_split sp = {xstrdup(capture), code, line, vcol};
        ARRAY_PUSH(ps->splits, ps->split_count, ps->split_cap, sp);
    } else {
        return fail(ps, line, kcol,
                    "unknown part key '%s' (expected element, line, gap, next-gap, score, boundary, doc, attr, "
                    "group-attr, entity or split)",
                    key, NULL);
    }
    return 0;
}

static int group_setting(parser *ps, char *key, char *value, unsigned line, unsigned kcol, unsigned vcol)
{
    layout_group *g = &ps->ls->groups[ps->index];
    if (!*value)
        return fail(ps, line, kcol, "'%s' needs a value", key, NULL);
    if (!strcmp(key, "element")) {
        g->element = find_element(value);
        if (g->element == LE_NONE)
            return fail(ps, line, vcol, "unknown element '%s'", value, NULL);
    } else if (!strcmp(key, "order")) {
        if (g->order)
            return fail(ps, line, kcol, "group %s has two 'order' lines", g->name, NULL);
        g->order = parse_order(value, ps->file, line, vcol, ps->err);
        g->order_line = line;
        if (!g->order)
            return -1;
    } else if (!strcmp(key, "number")) {
        if (element_attr_kind(g->element, value) != AV_ORDINAL)
            return fail(ps, line, vcol, "number %s: <%s> has no such numbering attribute", value,
                        g->element == LE_NONE ? "(no element)" : layout_element_name(g->element));
        free(g->number_key);
        g->number_key = xstrdup(value);
    } else
        return fail(ps, line, kcol, "unknown group key '%s' (expected element, order or number)", key, NULL);
    return 0;
}

static int layout_setting(parser *ps, char *key, char *value, unsigned line, unsigned kcol, unsigned vcol)
{
    layout *l = &ps->ls->layouts[ps->index];
    if (!*value)
        return fail(ps, line, kcol, "'%s' needs a value", key, NULL);
    if (!strcmp(key, "order")) {
        if (l->order)
            return fail(ps, line, kcol, "layout %s has two 'order' lines", l->name, NULL);
        l->order = parse_order(value, ps->file, line, vcol, ps->err);
        l->order_line = line;
        if (!l->order)
            return -1;
    } else if (!strcmp(key, "priority")) {
        if (parse_number(value, &l->priority))
            return fail(ps, line, vcol, "priority wants a whole number", NULL, NULL);
    } else
        return fail(ps, line, kcol, "unknown layout key '%s' (expected order or priority)", key, NULL);
    return 0;
}

/* Whether name is already a part or group of layout li. */
static int name_taken(const ann_layouts *ls, size_t li, const char *name)
{
    for (size_t i = 0; i < ls->part_count; i++)
        if (ls->parts[i].layout == li && !strcmp(ls->parts[i].name, name))
            return 1;
    for (size_t i = 0; i < ls->group_count; i++)
        if (ls->groups[i].layout == li && !strcmp(ls->groups[i].name, name))
            return 1;
    return 0;
}

static int start_block(parser *ps, const char *keyword, char *value, unsigned line, unsigned col, unsigned vcol)
{
    ann_layouts *ls = ps->ls;
    if (!*value)
        return fail(ps, line, col, "'%s' needs a name", keyword, NULL);
    if (!valid_name(value))
        return fail(ps, line, vcol, "'%s' is not a name (lower-case letters, digits, '-' and '_')", value, NULL);
    if (!strcmp(keyword, "layout")) {
        for (size_t i = 0; i < ls->count; i++)
            if (!strcmp(ls->layouts[i].name, value))
                return fail(ps, line, vcol, "layout %s is already defined (%s)", value, ls->layouts[i].file);
        layout l = {.name = xstrdup(value), .file = xstrdup(ps->file), .line = line};
        ARRAY_PUSH(ls->layouts, ls->count, ls->cap, l);
        ps->block = BLOCK_LAYOUT;
        ps->index = ls->count - 1;
        ps->have_layout = 1;
        ps->layout = ps->index;
        return 0;
    }
    if (!ps->have_layout)
        return fail(ps, line, col, "'%s %s' before any 'layout NAME' line in this file", keyword, value);
    if (name_taken(ls, ps->layout, value))
        return fail(ps, line, vcol, "layout %s already has a part or group named %s", ls->layouts[ps->layout].name,
                    value);
    if (!strcmp(keyword, "part")) {
        layout_part p = {.name = xstrdup(value), .file = xstrdup(ps->file), .line = line, .layout = ps->layout,
                         .element = LE_NONE, .gap_max = GAP_ANY, .next_max = GAP_ANY};
        ARRAY_PUSH(ls->parts, ls->part_count, ls->part_cap, p);
        ps->block = BLOCK_PART;
        ps->index = ls->part_count - 1;
    } else {
        layout_group g = {.name = xstrdup(value), .file = xstrdup(ps->file), .line = line, .layout = ps->layout,
                          .element = LE_NONE};
        ARRAY_PUSH(ls->groups, ls->group_count, ls->group_cap, g);
        ps->block = BLOCK_GROUP;
        ps->index = ls->group_count - 1;
    }
    return 0;
}

static int parse_layout_text(ann_layouts *ls, const char *file, char *text, ann_error *err)
{
    parser ps = {.ls = ls, .file = file, .err = err};
    int rc = 0;
    keyword_reader reader;
    keyword_line kl;
    keyword_reader_init(&reader, text);
    while (!rc && keyword_next(&reader, &kl)) {
        unsigned line_no = kl.number, col = kl.key_col, vcol = kl.value_col;
        char *body = kl.key, *value = kl.value, *line = kl.line;
        if (kl.indented) {
            switch (ps.block) {
            case BLOCK_LAYOUT: rc = layout_setting(&ps, body, value, line_no, col, vcol); break;
            case BLOCK_PART: rc = part_setting(&ps, body, value, line_no, col, vcol, line); break;
            case BLOCK_GROUP: rc = group_setting(&ps, body, value, line_no, col, vcol); break;
            default: rc = fail(&ps, line_no, col, "'%s' outside a layout, part or group", body, NULL);
            }
        } else if (!strcmp(body, "layout") || !strcmp(body, "part") || !strcmp(body, "group")) {
            rc = finish_block(&ps);
            if (!rc)
                rc = start_block(&ps, body, value, line_no, col, vcol);
        } else
            rc = fail(&ps, line_no, col, "expected 'layout NAME', 'part NAME' or 'group NAME', found '%s'", body,
                      NULL);
    }
    if (!rc)
        rc = finish_block(&ps);
    else if (ps.block == BLOCK_PART)
        ps.patterns_len = 0;
    free(ps.patterns);
    for (size_t s = 0; s < ps.split_count; s++) {
        pcre2_code_free(ps.splits[s].code);
        free(ps.splits[s].capture);
    }
    free(ps.splits);
    if (!rc && !ps.have_layout)
        rc = fail(&ps, 1, 1, "no 'layout NAME' in this file", NULL, NULL);
    return rc;
}

int ann_layouts_add_text(ann_layouts *ls, const char *name, const char *text, size_t len, ann_error *err)
{
    if (ls->compiled) {
        set_error(err, ANN_ERR_USAGE, name, 0, 0, "the layouts are already compiled");
        return ANN_ERR_USAGE;
    }
    if (memchr(text, '\0', len)) {
        set_error(err, ANN_ERR_RULES, name, 0, 0, "a layout file holds a NUL byte");
        return ANN_ERR_RULES;
    }
    char *copy = xstrndup(text, len);
    int rc = parse_layout_text(ls, name, copy, err);
    free(copy);
    return rc ? ANN_ERR_RULES : ANN_OK;
}

int ann_layouts_add_builtin(ann_layouts *ls, ann_error *err)
{
    for (size_t i = 0; i < builtin_file_count; i++) {
        const builtin_file *f = &builtin_files[i];
        size_t n = strlen(f->name);
        if (n > 7 && !strcmp(f->name + n - 7, ".layout")) {
            int rc = ann_layouts_add_text(ls, f->name, f->data, f->len, err);
            if (rc)
                return rc;
        }
    }
    return ANN_OK;
}

int ann_layouts_add_path(ann_layouts *ls, const char *path, ann_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        set_error(err, ANN_ERR_RULES, path, 0, 0, "%s", strerror(errno));
        return ANN_ERR_RULES;
    }
    if (!S_ISDIR(st.st_mode)) {
        char *data;
        size_t len;
        if (textfile_read(path, MAX_LAYOUT_FILE, &data, &len, err))
            return ANN_ERR_RULES;
        int rc = ann_layouts_add_text(ls, path, data, len, err);
        free(data);
        return rc;
    }
    char **paths;
    size_t count;
    int rc = textfile_collect(path, ".layout", &paths, &count, err) ? ANN_ERR_RULES : ANN_OK;
    if (!rc && !count) {
        set_error(err, ANN_ERR_RULES, path, 0, 0, "no .layout file in this folder");
        rc = ANN_ERR_RULES;
    }
    for (size_t i = 0; i < count && !rc; i++)
        rc = ann_layouts_add_path(ls, paths[i], err);
    textfile_free_paths(paths, count);
    return rc;
}

/* ---- compiling orders ------------------------------------------------------------ */

typedef struct {
    ann_layouts *ls;
    size_t layout;
    layout_inst *prog;
    size_t len, cap;
    size_t stack[32];     /* groups being expanded, innermost last */
    size_t depth, max_depth;
    ann_error *err;
} emitter;

static size_t emit(emitter *em, layout_op op, uint32_t arg, uint32_t x, uint32_t y)
{
    layout_inst in = {(uint8_t)op, arg, x, y};
    ARRAY_PUSH(em->prog, em->len, em->cap, in);
    return em->len - 1;
}

static int emit_node(emitter *em, const order_node *n);

/* The innermost group on the stack that has an element. */
static const layout_group *element_group(const emitter *em)
{
    for (size_t k = em->depth; k-- > 0;)
        if (em->ls->groups[em->stack[k]].element != LE_NONE)
            return &em->ls->groups[em->stack[k]];
    return NULL;
}

static int emit_name(emitter *em, const order_node *n)
{
    ann_layouts *ls = em->ls;
    for (size_t i = 0; i < ls->part_count; i++) {
        layout_part *p = &ls->parts[i];
        if (p->layout != em->layout || strcmp(p->name, n->name))
            continue;
        /* its group-attr lines must fit the group it stands in */
        for (size_t a = 0; a < p->attr_count; a++) {
            layout_attr *at = &p->attrs[a];
            if (at->target != TARGET_GROUP)
                continue;
            const layout_group *g = element_group(em);
            int kind = g ? element_attr_kind(g->element, at->key) : -1;
            if (kind < 0) {
                set_error(em->err, ANN_ERR_RULES, p->file, at->line, at->key_column,
                          "group-attr %s: part %s stands in %s%s%s, which has no such attribute (order at %s:%u:%u)",
                          at->key, p->name, g ? "<" : "no group with an element",
                          g ? layout_element_name(g->element) : "", g ? ">" : "", p->file, n->line, n->column);
                return -1;
            }
            at->kind = (attr_value_kind)kind;
        }
        emit(em, OP_LINE, (uint32_t)i, 0, 0);
        return 0;
    }
    for (size_t i = 0; i < ls->group_count; i++) {
        const layout_group *g = &ls->groups[i];
        if (g->layout != em->layout || strcmp(g->name, n->name))
            continue;
        for (size_t k = 0; k < em->depth; k++)
            if (em->stack[k] == i) {
                set_error(em->err, ANN_ERR_RULES, ls->layouts[em->layout].file, n->line, n->column,
                          "group %s contains itself", g->name);
                return -1;
            }
        if (em->depth == sizeof em->stack / sizeof *em->stack) {
            set_error(em->err, ANN_ERR_RULES, ls->layouts[em->layout].file, n->line, n->column,
                      "groups nest too deep");
            return -1;
        }
        em->stack[em->depth++] = i;
        if (em->depth > em->max_depth)
            em->max_depth = em->depth;
        emit(em, OP_OPEN, (uint32_t)i, 0, 0);
        int rc = emit_node(em, g->order);
        emit(em, OP_CLOSE, (uint32_t)i, 0, 0);
        em->depth--;
        return rc;
    }
    set_error(em->err, ANN_ERR_RULES, ls->layouts[em->layout].file, n->line, n->column,
              "no part or group named '%s' in layout %s", n->name, ls->layouts[em->layout].name);
    return -1;
}

static int emit_node(emitter *em, const order_node *n)
{
    switch (n->kind) {
    case N_NAME:
        return emit_name(em, n);
    case N_SEQ:
        for (size_t i = 0; i < n->count; i++)
            if (emit_node(em, n->kids[i]))
                return -1;
        return 0;
    case N_ALT: {
        /* SPLIT a, next; a; JMP end; next: SPLIT b, ...; last */
        size_t *jumps = xmalloc(n->count * sizeof *jumps);
        int rc = 0;
        for (size_t i = 0; i < n->count && !rc; i++) {
            size_t split = i + 1 < n->count ? emit(em, OP_SPLIT, 0, 0, 0) : SIZE_MAX;
            if (split != SIZE_MAX)
                em->prog[split].x = (uint32_t)em->len;
            rc = emit_node(em, n->kids[i]);
            jumps[i] = i + 1 < n->count ? emit(em, OP_JMP, 0, 0, 0) : SIZE_MAX;
            if (split != SIZE_MAX)
                em->prog[split].y = (uint32_t)em->len;
        }
        for (size_t i = 0; i + 1 < n->count && !rc; i++)
            em->prog[jumps[i]].x = (uint32_t)em->len;
        free(jumps);
        return rc;
    }
    case N_REPEAT: {
        const order_node *kid = n->kids[0];
        if (n->min == 1) {
            /* x+: L: x; SPLIT L, end */
            size_t start = em->len;
            if (emit_node(em, kid))
                return -1;
            size_t split = emit(em, OP_SPLIT, 0, 0, 0);
            uint32_t loop = (uint32_t)start, out = (uint32_t)em->len;
            em->prog[split].x = n->lazy ? out : loop;
            em->prog[split].y = n->lazy ? loop : out;
            return 0;
        }
        /* x? : SPLIT L, end; L: x; end
         * x* : top: SPLIT L, end; L: x; JMP top; end */
        size_t split = emit(em, OP_SPLIT, 0, 0, 0);
        uint32_t body = (uint32_t)em->len;
        if (emit_node(em, kid))
            return -1;
        if (n->max < 0)
            emit(em, OP_JMP, 0, (uint32_t)split, 0);
        uint32_t out = (uint32_t)em->len;
        em->prog[split].x = n->lazy ? out : body;
        em->prog[split].y = n->lazy ? body : out;
        return 0;
    }
    }
    return -1;
}

int ann_layouts_compile(ann_layouts *ls, ann_error *err)
{
    if (ls->compiled) {
        set_error(err, ANN_ERR_USAGE, NULL, 0, 0, "the layouts are already compiled");
        return ANN_ERR_USAGE;
    }
    for (size_t i = 0; i < ls->count; i++) {
        layout *l = &ls->layouts[i];
        emitter em = {.ls = ls, .layout = i, .err = err};
        if (emit_node(&em, l->order)) {
            free(em.prog);
            return ANN_ERR_RULES;
        }
        emit(&em, OP_MATCH, 0, 0, 0);
        l->program = em.prog;
        l->program_len = em.len;
        l->max_depth = em.max_depth;
    }
    for (size_t i = 0; i < ls->part_count; i++) {
        layout_part *p = &ls->parts[i];
        /* without JIT a pattern is only slower */
        p->jit = p->code && pcre2_jit_compile(p->code, PCRE2_JIT_COMPLETE) == 0;
        p->boundary_jit = p->boundary_code && pcre2_jit_compile(p->boundary_code, PCRE2_JIT_COMPLETE) == 0;
        /* PCRE2's start bitmap (none for patterns that may start with a
         * Unicode property or \d under UCP): other lines are not tried */
        const uint8_t *bitmap = NULL;
        memset(p->first_bytes, 0xff, sizeof p->first_bytes);
        if (p->code && pcre2_pattern_info(p->code, PCRE2_INFO_FIRSTBITMAP, &bitmap) == 0 && bitmap)
            memcpy(p->first_bytes, bitmap, sizeof p->first_bytes);
        for (size_t e = 0; e < p->entity_count; e++)
            if (p->entities[e].split)
                pcre2_jit_compile(p->entities[e].split, PCRE2_JIT_COMPLETE);
        if (p->boundary) {
            size_t cap = ls->boundary_count;
            ARRAY_PUSH(ls->boundaries, ls->boundary_count, cap, i);
        }
    }
    /* Tried by priority, higher first; equal priorities in load order
     * (insertion sort: stable, and there are few layouts). */
    ls->tried = xmalloc((ls->count + 1) * sizeof *ls->tried);
    for (size_t i = 0; i < ls->count; i++) {
        size_t k = i;
        while (k > 0 && ls->layouts[ls->tried[k - 1]].priority < ls->layouts[i].priority) {
            ls->tried[k] = ls->tried[k - 1];
            k--;
        }
        ls->tried[k] = i;
    }
    ls->compiled = 1;
    return ANN_OK;
}

/* ---- the built-in set ------------------------------------------------------------ */

static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;
static ann_layouts *builtin_set;
static ann_error builtin_error;

static void load_builtin(void)
{
    ann_layouts *ls = ann_layouts_new();
    if (ann_layouts_add_builtin(ls, &builtin_error) == ANN_OK && ann_layouts_compile(ls, &builtin_error) == ANN_OK)
        builtin_set = ls;
    else
        ann_layouts_free(ls);
}

const ann_layouts *layouts_builtin(ann_error *err)
{
    pthread_once(&builtin_once, load_builtin);
    if (!builtin_set && err)
        *err = builtin_error;
    return builtin_set;
}
