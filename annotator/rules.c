/* rules: reading rule files into an ann_rules and compiling them. The file
 * format is documented for users in rules/README.md. */
#include "rules.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <utf8proc.h>

#include "alloc.h"
#include "builtin.h"
#include "prefilter.h"
#include "textfile.h"

#define MAX_PHASE 32
#define MAX_FILE_SIZE ((size_t)256 << 20)

struct macro {
    char *name;
    char *written;        /* as written, for reads_no_body */
    char *expansion;      /* already expanded: macros may use earlier macros */
    uint8_t refs[MAX_TYPES / 8];
};

void set_error(ann_error *err, ann_status status, const char *file, unsigned long line,
               unsigned long column, const char *fmt, ...)
{
    if (!err)
        return;
    memset(err, 0, sizeof *err);
    err->status = status;
    err->severity = ANN_DIAG_ERROR;
    err->byte = -1;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    err->line = line;
    err->column = column;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
}

ann_rules *ann_rules_new(void)
{
    return xcalloc(1, sizeof(ann_rules));
}

static void free_batch(rule_batch *b);

static void free_rule(rule *r)
{
    free_batch(&r->alone);
    free(r->name);
    free(r->file);
    free(r->pattern);
    free(r->expanded);
    if (r->start_probe != r->code)
        pcre2_code_free(r->start_probe);
    pcre2_code_free(r->before_probe);
    pcre2_code_free(r->code);
    free(r->marker_starts);
    free(r->list_path);
    free(r->norm_template);
    free(r->span_capture);
    for (size_t i = 0; i < r->capture_count; i++)
        free(r->capture_names[i]);
    free(r->capture_names);
    free(r->capture_groups);
    free(r->span_groups);
    for (size_t i = 0; i < r->attr_count; i++) {
        free(r->attrs[i].key);
        free(r->attrs[i].value_template);
    }
    free(r->attrs);
    free(r->nest_types);
    free(r->replaces);
    free(r->needs);
    for (size_t i = 0; i < r->example_count; i++) {
        free(r->examples[i].text);
        free(r->examples[i].spans);
    }
    free(r->examples);
}

void ann_rules_free(ann_rules *rules)
{
    if (!rules)
        return;
    for (size_t i = 0; i < rules->count; i++)
        free_rule(&rules->rules[i]);
    free(rules->rules);
    for (size_t i = 0; i < rules->type_count; i++)
        free(rules->type_names[i]);
    for (size_t i = 0; i < rules->macro_count; i++) {
        free(rules->macros[i].name);
        free(rules->macros[i].expansion);
        free(rules->macros[i].written);
    }
    free(rules->macros);
    for (size_t v = 0; v < rules->view_count; v++) {
        free(rules->views[v].rules);
        for (size_t b = 0; b < rules->views[v].batch_count; b++)
            free_batch(&rules->views[v].batches[b]);
        free(rules->views[v].batches);
        free(rules->views[v].gated);
    }
    free(rules->views);
    if (rules->lists)
        for (int p = 0; p < rules->phase_count; p++)
            gaz_free(&rules->lists[p]);
    free(rules->lists);
    free(rules->triggers.items);
    free(rules->triggers.slot_keys);
    free(rules->triggers.slot_first);
    free((void *)rules->pair_states);
    free((void *)rules->table_probes);
    precompiled_close(rules->precompiled);
    free(rules);
}

size_t ann_rules_count(const ann_rules *rules)
{
    return rules->count;
}

int rules_type_id(ann_rules *rules, const char *name, size_t len)
{
    for (size_t i = 0; i < rules->type_count; i++)
        if (strlen(rules->type_names[i]) == len && memcmp(rules->type_names[i], name, len) == 0)
            return (int)i;
    if (rules->type_count == MAX_TYPES)
        return -1;
    rules->type_names[rules->type_count] = xstrndup(name, len);
    return (int)rules->type_count++;
}

/* ---- reading files -------------------------------------------------------- */

/* Reads a whole file: from the built-in set when builtin is set, else from
 * disk. On success *data is malloc'd and NUL-terminated. */
static int read_source(const char *path, int builtin, char **data, size_t *len, ann_error *err,
                       const char *from_file, unsigned from_line, unsigned from_col)
{
    if (builtin) {
        const builtin_file *f = builtin_find(path);
        if (!f) {
            set_error(err, ANN_ERR_RULES, from_file, from_line, from_col, "no built-in file %s", path);
            return -1;
        }
        *data = xstrndup(f->data, f->len);
        *len = f->len;
        return 0;
    }
    if (textfile_read(path, MAX_FILE_SIZE, data, len, err)) {
        if (from_file) { /* point at the line that named the file */
            char msg[sizeof err->message];
            snprintf(msg, sizeof msg, "%s", err->message);
            set_error(err, ANN_ERR_RULES, from_file, from_line, from_col, "%s: %s", path, msg);
        }
        return -1;
    }
    return 0;
}

/* The path of a file named in a rule file, relative to that file's folder. */
static char *relative_path(const char *from_file, const char *name)
{
    if (name[0] == '/')
        return xstrdup(name);
    const char *slash = strrchr(from_file, '/');
    if (!slash)
        return xstrdup(name);
    size_t dir_len = (size_t)(slash - from_file);
    char *p = xmalloc(dir_len + 1 + strlen(name) + 1);
    memcpy(p, from_file, dir_len);
    p[dir_len] = '/';
    strcpy(p + dir_len + 1, name);
    return p;
}

/* ---- pattern expansion ---------------------------------------------------- */

typedef struct {
    char *s;
    size_t len, cap;
} strbuf;

static void sb_add(strbuf *b, const char *s, size_t n)
{
    grow_array((void **)&b->s, &b->cap, b->len + n + 1, 1);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void sb_str(strbuf *b, const char *s)
{
    sb_add(b, s, strlen(s));
}

static int is_name_start(char c)
{
    return (c >= 'A' && c <= 'Z') || c == '_';
}

static int is_name_char(char c)
{
    return is_name_start(c) || (c >= '0' && c <= '9');
}

static size_t name_length(const char *s)
{
    size_t n = 0;
    if (!is_name_start(s[0]))
        return 0;
    while (is_name_char(s[n]))
        n++;
    return n;
}

static const macro *find_macro(const ann_rules *rules, const char *name, size_t len)
{
    for (size_t i = 0; i < rules->macro_count; i++)
        if (strlen(rules->macros[i].name) == len && memcmp(rules->macros[i].name, name, len) == 0)
            return &rules->macros[i];
    return NULL;
}

/* Copies the character class starting at p[0] == '[' and returns its length. */
static size_t class_length(const char *p)
{
    size_t i = 1;
    if (p[i] == '^')
        i++;
    if (p[i] == ']')
        i++;
    while (p[i] && p[i] != ']') {
        if (p[i] == '\\' && p[i + 1])
            i += 2;
        else if (p[i] == '[' && p[i + 1] == ':') {
            const char *end = strstr(p + i + 2, ":]");
            i = end ? (size_t)(end - p) + 2 : i + 1;
        } else
            i++;
    }
    return p[i] ? i + 1 : i;
}

/* The length of an escape starting at p[0] == '\\', including a braced or
 * bracketed argument (\p{Lu}, \x{E000}, \k<name>, \g{1}) and \Q...\E. */
static size_t escape_length(const char *p)
{
    if (!p[1])
        return 1;
    char c = p[1];
    if (c == 'Q') {
        const char *end = strstr(p + 2, "\\E");
        return end ? (size_t)(end - p) + 2 : strlen(p);
    }
    if (strchr("pPxoNgk", c) && (p[2] == '{' || p[2] == '<' || p[2] == '\'')) {
        char close = p[2] == '{' ? '}' : p[2] == '<' ? '>' : '\'';
        const char *end = strchr(p + 3, close);
        return end ? (size_t)(end - p) + 1 : strlen(p);
    }
    return 2;
}

static const char ANN_BODY_DEFINE[] =
    "(?(DEFINE)(?<_ann_body>(?:[^\\x{E000}\\x{E002}]++|\\x{E000}[^\\x{E001}]*+\\x{E001}(?&_ann_body)\\x{E002})*+))";

/* Expands {MACRO} and <TYPE|TYPE> in pattern into out; sets refs. On error
 * returns -1 with *bad_col the 0-based column and a message in err. */
static int expand_pattern(ann_rules *rules, const char *pattern, strbuf *out, uint8_t *refs,
                          const char *file, unsigned line, unsigned col, ann_error *err)
{
    const char *p = pattern;
    while (*p) {
        if (*p == '\\') {
            size_t n = escape_length(p);
            sb_add(out, p, n);
            p += n;
        } else if (*p == '[') {
            size_t n = class_length(p);
            sb_add(out, p, n);
            p += n;
        } else if (*p == '(' && p[1] == '?' && (p[2] == '<' || (p[2] == 'P' && p[3] == '<')) &&
                   p[p[2] == 'P' ? 4 : 3] != '=' && p[p[2] == 'P' ? 4 : 3] != '!') {
            /* a named group: copy its name so it is not read as <TYPE> */
            const char *end = strchr(p, '>');
            size_t n = end ? (size_t)(end - p) + 1 : strlen(p);
            sb_add(out, p, n);
            p += n;
        } else if (*p == '{' && name_length(p + 1) && p[1 + name_length(p + 1)] == '}') {
            size_t n = name_length(p + 1);
            const macro *m = find_macro(rules, p + 1, n);
            if (!m) {
                set_error(err, ANN_ERR_RULES, file, line, col + (unsigned)(p - pattern) + 1,
                          "unknown macro {%.*s} (define it before use, or write \\{ for a literal brace)",
                          (int)n, p + 1);
                return -1;
            }
            sb_str(out, "(?:");
            sb_str(out, m->expansion);
            sb_str(out, ")");
            for (size_t i = 0; i < sizeof m->refs; i++)
                refs[i] |= m->refs[i];
            p += n + 2;
        } else if (*p == '<' && name_length(p + 1)) {
            /* <TYPE> or <TYPE|TYPE...>: one earlier annotation of those types */
            const char *q = p + 1;
            strbuf alt = {0};
            for (;;) {
                size_t n = name_length(q);
                if (!n)
                    break;
                int id = rules_type_id(rules, q, n);
                if (id < 0) {
                    set_error(err, ANN_ERR_RULES, file, line, col + (unsigned)(q - pattern) + 1,
                              "too many types");
                    free(alt.s);
                    return -1;
                }
                refs[id / 8] |= (uint8_t)(1u << (id % 8));
                if (alt.len)
                    sb_str(&alt, "|");
                sb_add(&alt, q, n);
                q += n;
                if (*q != '|')
                    break;
                q++;
            }
            if (*q != '>') {
                set_error(err, ANN_ERR_RULES, file, line, col + (unsigned)(q - pattern) + 1,
                          "expected '>' to close the annotation reference");
                free(alt.s);
                return -1;
            }
            sb_str(out, "(?:\\x{E000}(?:");
            sb_add(out, alt.s, alt.len);
            sb_str(out, ")\\x{E001}(?&_ann_body)\\x{E002})");
            free(alt.s);
            p = q + 1;
        } else {
            sb_add(out, p, 1);
            p++;
        }
    }
    if (!out->s)
        sb_str(out, "");
    return 0;
}

/* ---- parsing -------------------------------------------------------------- */

typedef struct {
    ann_rules *rules;
    const char *file;
    ann_error *err;
    rule *current;
    uint8_t refs[MAX_TYPES / 8]; /* of the current rule's patterns */
    strbuf patterns;             /* the current rule's alternatives, expanded */
    strbuf raw_patterns;
} parser;

static int check_type_name(parser *ps, const char *name, unsigned line, unsigned col)
{
    size_t n = name_length(name);
    if (!n || name[n]) {
        set_error(ps->err, ANN_ERR_RULES, ps->file, line, col,
                  "type '%s' must be upper-case letters, digits and '_'", name);
        return -1;
    }
    return 0;
}

/* example text: [[...]] marks each span the rule must produce (or, for a
 * counter-example, must not produce); without marks a counter-example means
 * "no annotation of this rule's type anywhere in the text". */
static int parse_example(parser *ps, const char *value, int counter, unsigned line, unsigned col)
{
    rule_example ex = {.counter = counter, .line = line};
    strbuf text = {0};
    size_t span_cap = 0;
    for (const char *p = value; *p;) {
        if (p[0] == '[' && p[1] == '[') {
            const char *end = strstr(p + 2, "]]");
            if (!end) {
                set_error(ps->err, ANN_ERR_RULES, ps->file, line, col + (unsigned)(p - value),
                          "'[[' without ']]' in example");
                free(text.s);
                free(ex.spans);
                return -1;
            }
            uint32_t start = (uint32_t)text.len;
            sb_add(&text, p + 2, (size_t)(end - p - 2));
            ARRAY_PUSH(ex.spans, ex.span_count, span_cap, start);
            ARRAY_PUSH(ex.spans, ex.span_count, span_cap, (uint32_t)text.len);
            p = end + 2;
        } else {
            sb_add(&text, p, 1);
            p++;
        }
    }
    ex.span_count /= 2;
    if (!counter && ex.span_count == 0) {
        set_error(ps->err, ANN_ERR_RULES, ps->file, line, col,
                  "an example must mark the expected annotation with [[ ]]");
        free(text.s);
        return -1;
    }
    ex.text = text.s ? text.s : xstrdup("");
    rule *r = ps->current;
    size_t cap = r->example_count;
    ARRAY_PUSH(r->examples, r->example_count, cap, ex);
    return 0;
}

static int finish_rule(parser *ps)
{
    rule *r = ps->current;
    if (!r)
        return 0;
    ps->current = NULL;
    if (r->type == UINT16_MAX) {
        set_error(ps->err, ANN_ERR_RULES, ps->file, r->line, 1, "rule %s has no type", r->name);
        return -1;
    }
    if (!ps->patterns.s == !r->list_path) {
        set_error(ps->err, ANN_ERR_RULES, ps->file, r->line, 1,
                  "rule %s needs exactly one of 'pattern' or 'list'", r->name);
        return -1;
    }
    if (ps->patterns.s) {
        r->expanded = ps->patterns.s;
        r->pattern = ps->raw_patterns.s;
        ps->patterns = (strbuf){0};
        ps->raw_patterns = (strbuf){0};
        /* the refs decide the view at compile time; keep them in nest_types too:
         * what a rule is built from stays inside it */
        if (!r->nest_types)
            r->nest_types = xcalloc(MAX_TYPES / 8, 1);
        for (size_t i = 0; i < MAX_TYPES / 8; i++)
            r->nest_types[i] = (uint8_t)((r->nest_types[i] | ps->refs[i]) & ~(r->replaces ? r->replaces[i] : 0));
        rule_view v = {0};
        memcpy(v.types, ps->refs, sizeof v.types);
        if (r->needs) {
            memcpy(v.needs, r->needs, sizeof v.needs);
            v.has_needs = 1;
        }
        v.phase = r->phase;
        size_t idx = ps->rules->view_count;
        for (size_t i = 0; i < ps->rules->view_count; i++)
            if (ps->rules->views[i].phase == v.phase && !memcmp(ps->rules->views[i].types, v.types, sizeof v.types) &&
                !memcmp(ps->rules->views[i].needs, v.needs, sizeof v.needs))
                idx = i;
        if (idx == ps->rules->view_count)
            ARRAY_PUSH(ps->rules->views, ps->rules->view_count, ps->rules->view_cap, v);
        r->view = (int)idx;
    }
    if (r->phase > ps->rules->phase_count)
        ps->rules->phase_count = r->phase;
    return 0;
}

/* Options of every compile after check_pattern's: each pattern line has
 * been compiled there with its UTF-8 checked, and what is compiled from
 * the lines later only adds ASCII or leaves out parts between ASCII
 * parentheses, so its UTF-8 need not be checked again. */
#define CHECKED_UTF (PCRE2_UTF | PCRE2_NO_UTF_CHECK)

/* pcre2_compile for the rules: from the patterns compiled at build time
 * when they hold this one (precompiled.h), and told to on_compile. */
static pcre2_code *compile_regex(ann_rules *rules, const char *pattern, size_t len, uint32_t options, int *errcode,
                                 PCRE2_SIZE *erroff)
{
    pcre2_code *code = precompiled_compile(&rules->precompiled, pattern, len, options, errcode, erroff);
    if (code && rules->on_compile)
        rules->on_compile(rules->on_compile_ctx, pattern, len, options, code);
    return code;
}

/* Compiles one pattern line on its own, so an error points into the line as
 * written (exactly, when it uses no macro) and a pattern cannot close or
 * escape the groups the engine wraps around it. */
static int check_pattern(parser *ps, const char *written, const char *expanded, unsigned line, unsigned vcol)
{
    strbuf full = {0};
    sb_str(&full, expanded);
    if (strstr(expanded, "(?&_ann_body)"))
        sb_str(&full, ANN_BODY_DEFINE);
    int errcode;
    PCRE2_SIZE erroff;
    /* Only an error is looked for, and neither the possessive rewrite nor
     * the study of how a match starts can make one: both are skipped. */
    pcre2_code *code = compile_regex(ps->rules, full.s, full.len,
                                     PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES | PCRE2_NO_AUTO_POSSESS |
                                         PCRE2_NO_START_OPTIMIZE,
                                     &errcode, &erroff);
    if (code) {
        pcre2_code_free(code);
        free(full.s);
        return 0;
    }
    PCRE2_UCHAR msg[256];
    pcre2_get_error_message(errcode, msg, sizeof msg);
    if (!strcmp(written, expanded))
        set_error(ps->err, ANN_ERR_RULES, ps->file, line, vcol + (unsigned)erroff, "rule %s: %s", ps->current->name,
                  (char *)msg);
    else
        set_error(ps->err, ANN_ERR_RULES, ps->file, line, vcol,
                  "rule %s: %s (at offset %zu of the pattern with its macros expanded: ...%.40s)", ps->current->name,
                  (char *)msg, (size_t)erroff, full.s + (erroff > 20 ? erroff - 20 : 0));
    free(full.s);
    return -1;
}

/* Adds the types named in value (separated by spaces or commas) to the
 * bitmap *set, allocating it on first use. */
static int parse_type_list(parser *ps, char *value, unsigned line, unsigned vcol, uint8_t **set)
{
    if (!*set)
        *set = xcalloc(MAX_TYPES / 8, 1);
    for (char *tok = strtok(value, " \t,"); tok; tok = strtok(NULL, " \t,")) {
        if (check_type_name(ps, tok, line, vcol))
            return -1;
        int id = rules_type_id(ps->rules, tok, strlen(tok));
        if (id < 0)
            return -1;
        (*set)[id / 8] |= (uint8_t)(1u << (id % 8));
    }
    return 0;
}

static int parse_rule_line(parser *ps, char *key, char *value, unsigned line, unsigned kcol, unsigned vcol)
{
    rule *r = ps->current;
    ann_rules *rules = ps->rules;
    if (!strcmp(key, "type")) {
        if (check_type_name(ps, value, line, vcol))
            return -1;
        int id = rules_type_id(rules, value, strlen(value));
        if (id < 0) {
            set_error(ps->err, ANN_ERR_RULES, ps->file, line, vcol, "too many types");
            return -1;
        }
        r->type = (uint16_t)id;
        r->hidden = value[0] == '_';
    } else if (!strcmp(key, "phase") || !strcmp(key, "priority")) {
        long v;
        int is_phase = key[1] == 'h';
        if (parse_whole_number(value, is_phase ? 1 : -1000000, is_phase ? MAX_PHASE : 1000000, &v)) {
            set_error(ps->err, ANN_ERR_RULES, ps->file, line, vcol, "%s must be a number%s", key,
                      is_phase ? " from 1 to 32" : "");
            return -1;
        }
        if (is_phase)
            r->phase = (uint16_t)v;
        else
            r->priority = (int32_t)v;
    } else if (!strcmp(key, "pattern")) {
        const char *reset = strstr(value, "\\K");
        if (reset) {
            set_error(ps->err, ANN_ERR_RULES, ps->file, line, vcol + (unsigned)(reset - value),
                      "\\K is not supported: capture the part to annotate and name it with 'span'");
            return -1;
        }
        strbuf one = {0};
        if (expand_pattern(rules, value, &one, ps->refs, ps->file, line, vcol - 1, ps->err) ||
            check_pattern(ps, value, one.s, line, vcol)) {
            free(one.s);
            return -1;
        }
        if (ps->patterns.s) {
            sb_str(&ps->patterns, "|");
            sb_str(&ps->raw_patterns, "\n");
        }
        sb_str(&ps->patterns, "(?:");
        sb_add(&ps->patterns, one.s, one.len);
        sb_str(&ps->patterns, ")");
        sb_str(&ps->raw_patterns, value);
        free(one.s);
        if (!r->pattern_line) {
            r->pattern_line = line;
            r->pattern_col = vcol;
        }
    } else if (!strcmp(key, "list")) {
        if (r->list_path) {
            set_error(ps->err, ANN_ERR_RULES, ps->file, line, vcol, "a rule has one list");
            return -1;
        }
        r->list_path = relative_path(ps->file, value);
        r->pattern_line = line;
        r->pattern_col = vcol;
    } else if (!strcmp(key, "case")) {
        if (!strcmp(value, "sensitive"))
            r->case_mode = CASE_SENSITIVE;
        else if (!strcmp(value, "insensitive"))
            r->case_mode = CASE_INSENSITIVE;
        else if (!strcmp(value, "upper"))
            r->case_mode = CASE_ALSO_UPPER;
        else {
            set_error(ps->err, ANN_ERR_RULES, ps->file, line, vcol,
                      "case is 'sensitive', 'insensitive' or 'upper'");
            return -1;
        }
    } else if (!strcmp(key, "span")) {
        free(r->span_capture);
        r->span_capture = xstrdup(value);
    } else if (!strcmp(key, "norm")) {
        free(r->norm_template);
        r->norm_template = xstrdup(value);
    } else if (!strcmp(key, "attr")) {
        char *sp = value + strcspn(value, " \t");
        if (!*sp || sp == value) {
            set_error(ps->err, ANN_ERR_RULES, ps->file, line, vcol, "attr needs a name and a value");
            return -1;
        }
        *sp = '\0';
        rule_attr a = {xstrdup(value), xstrdup(text_trim(sp + 1))};
        size_t cap = r->attr_count;
        ARRAY_PUSH(r->attrs, r->attr_count, cap, a);
    } else if (!strcmp(key, "nest")) {
        return parse_type_list(ps, value, line, vcol, &r->nest_types);
    } else if (!strcmp(key, "replace")) {
        return parse_type_list(ps, value, line, vcol, &r->replaces);
    } else if (!strcmp(key, "needs")) {
        return parse_type_list(ps, value, line, vcol, &r->needs);
    } else if (!strcmp(key, "example") || !strcmp(key, "counter")) {
        return parse_example(ps, value, key[0] == 'c', line, vcol);
    } else {
        set_error(ps->err, ANN_ERR_RULES, ps->file, line, kcol,
                  "unknown key '%s' (expected type, phase, priority, pattern, list, case, norm, attr, "
                  "span, nest, replace, needs, example or counter)",
                  key);
        return -1;
    }
    return 0;
}

static int parse_rules_text(ann_rules *rules, const char *file, char *text, ann_error *err)
{
    parser ps = {.rules = rules, .file = file, .err = err};
    int rc = 0;
    keyword_reader reader;
    keyword_line kl;
    keyword_reader_init(&reader, text);
    while (!rc && keyword_next(&reader, &kl)) {
        unsigned line_no = kl.number, col = kl.key_col, vcol = kl.value_col;
        char *body = kl.key, *value = kl.value, *line = kl.line;
        if (kl.indented) {
            if (!ps.current) {
                set_error(err, ANN_ERR_RULES, file, line_no, col, "'%s' outside a rule", body);
                rc = -1;
            } else if (!*value) {
                set_error(err, ANN_ERR_RULES, file, line_no, col, "'%s' needs a value", body);
                rc = -1;
            } else
                rc = parse_rule_line(&ps, body, value, line_no, col, vcol);
        } else if (!strcmp(body, "rule")) {
            if ((rc = finish_rule(&ps)))
                break;
            if (!*value) {
                set_error(err, ANN_ERR_RULES, file, line_no, col, "rule needs a name");
                rc = -1;
                break;
            }
            rule r = {.name = xstrdup(value), .file = xstrdup(file), .line = line_no,
                      .type = UINT16_MAX, .phase = 1, .view = -1};
            ARRAY_PUSH(rules->rules, rules->count, rules->cap, r);
            ps.current = &rules->rules[rules->count - 1];
            memset(ps.refs, 0, sizeof ps.refs);
        } else if (!strcmp(body, "define")) {
            if ((rc = finish_rule(&ps)))
                break;
            char *msp = value + strcspn(value, " \t");
            size_t n = name_length(value);
            if (!n || value + n != msp || !*msp) {
                set_error(err, ANN_ERR_RULES, file, line_no, vcol,
                          "expected 'define NAME PATTERN' with an upper-case NAME");
                rc = -1;
                break;
            }
            *msp = '\0';
            char *pat = text_trim(msp + 1);
            if (find_macro(rules, value, n)) {
                set_error(err, ANN_ERR_RULES, file, line_no, vcol, "macro %s is already defined", value);
                rc = -1;
                break;
            }
            macro m = {.name = xstrdup(value)};
            strbuf out = {0};
            if (expand_pattern(rules, pat, &out, m.refs, file, line_no, (unsigned)(pat - line), err)) {
                free(m.name);
                free(out.s);
                rc = -1;
                break;
            }
            m.expansion = out.s;
            m.written = xstrdup(pat);
            ARRAY_PUSH(rules->macros, rules->macro_count, rules->macro_cap, m);
        } else {
            set_error(err, ANN_ERR_RULES, file, line_no, col,
                      "expected 'rule NAME' or 'define NAME PATTERN', found '%s'", body);
            rc = -1;
        }
    }
    if (!rc)
        rc = finish_rule(&ps);
    free(ps.patterns.s);
    free(ps.raw_patterns.s);
    return rc;
}

/* ---- lists ---------------------------------------------------------------- */

static char *upper_case(const char *s)
{
    size_t len = strlen(s);
    char *out = xmalloc(len * 4 + 1);
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            out[o++] = s[i++];
            continue;
        }
        o += (size_t)utf8proc_encode_char(utf8proc_toupper(cp), (utf8proc_uint8_t *)out + o);
        i += (size_t)n;
    }
    out[o] = '\0';
    return out;
}

/* Reads a rule's list file into the gazetteer of the rule's phase. */
static int load_list(ann_rules *rules, size_t rule_index, int builtin, ann_error *err)
{
    rule *r = &rules->rules[rule_index];
    char *data;
    size_t len;
    if (read_source(r->list_path, builtin, &data, &len, err, r->file, r->pattern_line, r->pattern_col))
        return -1;
    gazetteer *g = &rules->lists[r->phase - 1];
    unsigned line_no = 0;
    char *next;
    int rc = 0;
    for (char *line = data; line && !rc; line = next) {
        next = strchr(line, '\n');
        if (next)
            *next++ = '\0';
        line_no++;
        char *body = text_trim(line);
        if (!*body || *body == '#')
            continue;
        char *fields[3] = {body, NULL, NULL};
        int nf = 1;
        for (char *bar = strchr(body, '|'); bar; bar = strchr(bar + 1, '|')) {
            if (nf == 3) {
                set_error(err, ANN_ERR_RULES, r->list_path, line_no, (unsigned long)(bar - line) + 1,
                          "at most three fields: surface | norm | key=value ...");
                rc = -1;
                break;
            }
            *bar = '\0';
            fields[nf++] = bar + 1;
        }
        if (rc)
            break;
        for (int f = 0; f < nf; f++)
            fields[f] = text_trim(fields[f]);
        const char *norm = nf > 1 ? fields[1] : "";
        const char *attrs = nf > 2 ? fields[2] : "";
        int caseless = r->case_mode == CASE_INSENSITIVE;
        if (gaz_add(g, (uint32_t)rule_index, caseless, fields[0], strlen(fields[0]), norm, strlen(norm),
                    attrs, strlen(attrs))) {
            set_error(err, ANN_ERR_RULES, r->list_path, line_no, 1, "entry has no word");
            rc = -1;
        } else if (r->case_mode == CASE_ALSO_UPPER) {
            /* the ALL-CAPS form headlines and datelines use; norm from the entry */
            char *upper = upper_case(fields[0]);
            if (strcmp(upper, fields[0]))
                gaz_add(g, (uint32_t)rule_index, 0, upper, strlen(upper), *norm ? norm : fields[0],
                        strlen(*norm ? norm : fields[0]), attrs, strlen(attrs));
            free(upper);
        }
    }
    free(data);
    return rc;
}

/* ---- adding --------------------------------------------------------------- */

static int add_text(ann_rules *rules, const char *name, const char *text, size_t len, int builtin,
                    ann_error *err)
{
    if (rules->compiled) {
        set_error(err, ANN_ERR_USAGE, name, 0, 0, "rules already compiled");
        return ANN_ERR_USAGE;
    }
    if (memchr(text, '\0', len)) {
        set_error(err, ANN_ERR_RULES, name, 0, 0, "a rule file cannot contain NUL bytes");
        return ANN_ERR_RULES;
    }
    size_t first_new = rules->count;
    char *copy = xstrndup(text, len);
    int rc = parse_rules_text(rules, name, copy, err);
    free(copy);
    /* built-in rules read built-in lists: mark their paths with '@' until compile */
    for (size_t i = first_new; i < rules->count; i++)
        if (rules->rules[i].list_path && builtin) {
            char *tagged = xmalloc(strlen(rules->rules[i].list_path) + 2);
            tagged[0] = '@';
            strcpy(tagged + 1, rules->rules[i].list_path);
            free(rules->rules[i].list_path);
            rules->rules[i].list_path = tagged;
        }
    return rc ? ANN_ERR_RULES : ANN_OK;
}

int ann_rules_add_text(ann_rules *rules, const char *name, const char *text, size_t len, ann_error *err)
{
    return add_text(rules, name, text, len, 0, err);
}

int ann_rules_add_builtin(ann_rules *rules, ann_error *err)
{
    for (size_t i = 0; i < builtin_file_count; i++) {
        const builtin_file *f = &builtin_files[i];
        size_t n = strlen(f->name);
        if (n > 6 && !strcmp(f->name + n - 6, ".rules")) {
            int rc = add_text(rules, f->name, f->data, f->len, 1, err);
            if (rc)
                return rc;
        }
    }
    return ANN_OK;
}

static int add_file(ann_rules *rules, const char *path, ann_error *err)
{
    char *data;
    size_t len;
    if (read_source(path, 0, &data, &len, err, NULL, 0, 0))
        return ANN_ERR_RULES;
    int rc = add_text(rules, path, data, len, 0, err);
    free(data);
    return rc;
}

int ann_rules_add_path(ann_rules *rules, const char *path, ann_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        set_error(err, ANN_ERR_RULES, path, 0, 0, "cannot open: %s", strerror(errno));
        return ANN_ERR_RULES;
    }
    if (!S_ISDIR(st.st_mode))
        return add_file(rules, path, err);
    char **paths;
    size_t count;
    int rc = textfile_collect(path, ".rules", &paths, &count, err) ? ANN_ERR_RULES : ANN_OK;
    if (!rc && count == 0) {
        set_error(err, ANN_ERR_RULES, path, 0, 0, "no .rules file in this folder");
        rc = ANN_ERR_RULES;
    }
    for (size_t i = 0; i < count && !rc; i++)
        rc = add_file(rules, paths[i], err);
    textfile_free_paths(paths, count);
    return rc;
}

/* ---- compiling ------------------------------------------------------------ */

/* Class content standing for the non-ASCII characters. Start keys take
 * only the ASCII part of PCRE2's start bitmap, so a short range will do:
 * in a caseless group PCRE2 looks up the other case of every character of a
 * range (some milliseconds for all of Unicode), and a property in a class
 * leaves no bitmap at all. */
#define NON_ASCII "\\x{80}-\\x{FF}"

/* The superset of ASCII a Unicode property escape can start with, as class
 * content, plus every non-ASCII character. */
static const char *property_superset(const char *esc, size_t n)
{
    int negated = esc[1] == 'P';
    const char *name = esc + 2;
    size_t len = n - 2;
    if (len && *name == '{') {
        name++;
        len -= 2;
    }
    if (negated || !len)
        return "\\x00-\\x7F" NON_ASCII;
    if (name[0] == 'L' && len == 2 && (name[1] == 'u' || name[1] == 't'))
        return "A-Z" NON_ASCII;
    if (name[0] == 'L' && len == 2 && name[1] == 'l')
        return "a-z" NON_ASCII;
    if (name[0] == 'L')
        return "A-Za-z" NON_ASCII;
    if (name[0] == 'N')
        return "0-9" NON_ASCII;
    return "\\x00-\\x7F" NON_ASCII;
}

static int is_property_escape(const char *p, size_t n)
{
    return n >= 3 && p[0] == '\\' && (p[1] == 'p' || p[1] == 'P');
}

/* Past the group that opens at p. */
static const char *past_group(const char *p)
{
    int depth = 0;
    do {
        depth += *p == '(' ? 1 : *p == ')' ? -1 : 0;
        p += *p == '\\' ? escape_length(p) : *p == '[' ? class_length(p) : 1;
    } while (*p && depth);
    return p;
}

/* Rewrites a pattern for the start-of-match probe: PCRE2 computes no
 * start bitmap for Unicode properties, so each \p{...} becomes a class
 * holding a superset of what it matches. Its study passes over
 * lookbehinds and negative lookaheads, which set no first character
 * either: they are left out (but for the condition of a conditional
 * group), since long lists of words in them ({NOT_NAME_START}) cost much
 * to compile and change no start. */
static char *probe_pattern(const char *pattern)
{
    strbuf out = {0};
    for (const char *p = pattern; *p;) {
        if ((!strncmp(p, "(?!", 3) || !strncmp(p, "(?<=", 4) || !strncmp(p, "(?<!", 4)) &&
            !(p - pattern >= 2 && p[-2] == '(' && p[-1] == '?')) {
            p = past_group(p);
        } else if (*p == '\\') {
            size_t n = escape_length(p);
            if (is_property_escape(p, n)) {
                sb_str(&out, "[");
                sb_str(&out, property_superset(p, n));
                sb_str(&out, "]");
            } else
                sb_add(&out, p, n);
            p += n;
        } else if (*p == '[') {
            size_t n = class_length(p);
            for (size_t i = 0; i < n;) {
                size_t k = p[i] == '\\' ? escape_length(p + i) : 1;
                if (k > n - i)
                    k = n - i;
                if (is_property_escape(p + i, k) && p[1] != '^')
                    sb_str(&out, property_superset(p + i, k));
                else if (is_property_escape(p + i, k))
                    sb_str(&out, NON_ASCII);
                else
                    sb_add(&out, p + i, k);
                i += k;
            }
            p += n;
        } else {
            sb_add(&out, p, 1);
            p++;
        }
    }
    return out.s;
}

const unsigned char start_chars[START_CHAR_COUNT][4] = {
    "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98", "\xE2\x80\x99", /* curly quotes */
    "\xE2\x80\x94", "\xE2\x80\x93", "\xE2\x80\xA6",                 /* dashes, ellipsis */
    "\xE2\x82\xAC", "\xC2\xA3", "\xC2\xA5",                         /* euro, pound, yen */
};

/* The pattern with every lookbehind group made empty: it matches wherever
 * the pattern does, and looks before its start only through \b, \B, ^ and
 * \A. A lookbehind inside an odd number of negative lookaheads becomes
 * (*FAIL) instead, so that what encloses it fails no more often than before:
 * "(?!(?<=a)b)" must still let "b" through. NULL when a group does not end. */
static char *without_lookbehinds(const char *pattern)
{
    strbuf out = {0};
    sb_str(&out, "");
    /* per open group, whether it is a negative lookahead */
    uint8_t *negative = xcalloc(strlen(pattern) + 1, 1);
    size_t open = 0, negations = 0;
    for (const char *p = pattern; *p;) {
        if (p[0] == '(' && p[1] == '?' && p[2] == '<' && (p[3] == '=' || p[3] == '!')) {
            size_t depth = 0, i = 0;
            do {
                if (!p[i]) {
                    free(negative);
                    free(out.s);
                    return NULL;
                }
                depth += p[i] == '(';
                depth -= p[i] == ')';
                i += p[i] == '\\' ? escape_length(p + i) : p[i] == '[' ? class_length(p + i) : 1;
            } while (depth);
            sb_str(&out, negations % 2 ? "(*FAIL)" : "(?:)");
            p += i;
            continue;
        }
        if (*p == '(') {
            negative[open] = p[1] == '?' && p[2] == '!';
            negations += negative[open++];
        } else if (*p == ')' && open) {
            negations -= negative[--open];
        }
        size_t n = *p == '\\' ? escape_length(p) : *p == '[' ? class_length(p) : 1;
        sb_add(&out, p, n);
        p += n;
    }
    free(negative);
    return out.s;
}

/* Whether pattern may turn multiline on ((?m), (?im:...)): only then can
 * a line break before a match mean more to it than a space, once its
 * lookbehinds are gone (without_lookbehinds). Any option letters after
 * "(?" are looked at, so a doubt says yes. */
static int pattern_sets_multiline(const char *pattern)
{
    for (const char *p = strstr(pattern, "(?"); p; p = strstr(p + 2, "(?"))
        for (const char *q = p + 2; isalpha((unsigned char)*q) || *q == '-' || *q == '^'; q++)
            if (*q == 'm')
                return 1;
    return 0;
}

/* Whether a match of code can start with the len bytes at s, right after
 * the context_len bytes at context: a partial match on them alone fails
 * only when every way the pattern can be tried fails inside them, as it
 * would on any text holding them. What the pattern sees before them (\b,
 * \B, ^, \A) is tried with each kind of character there could be (a line
 * break only when sees_lines says it may differ from a space), and with
 * none unless mid_text says a character is there (the text does not start
 * at context), which spares a partial match of each rule the matcher rules
 * out. */
static int may_match_after(const pcre2_code *code, const char *context, size_t context_len, const char *s,
                           size_t len, int mid_text, int sees_lines, pcre2_match_data *md, pcre2_match_context *mc)
{
    uint32_t lookbehind = 0;
    pcre2_pattern_info(code, PCRE2_INFO_MAXLOOKBEHIND, &lookbehind);
    static const char before[] = {'a', ' ', '\n'}; /* a word character, a space, a line break (last) */
    size_t kinds = sizeof before - !sees_lines;
    /* the matcher probes a few thousand pairs a megabyte, each a few bytes:
     * on the stack, they cost no allocation */
    char small[64];
    size_t subject_len = 1 + context_len + len;
    char *subject = subject_len <= sizeof small ? small : xmalloc(subject_len);
    memcpy(subject + 1, context, context_len);
    memcpy(subject + 1 + context_len, s, len);
    /* first with nothing before, where it can be so or the pattern does
     * not look */
    int may = (!mid_text || !lookbehind) &&
              pcre2_match(code, (PCRE2_SPTR)subject + 1, subject_len - 1, context_len, PCRE2_PARTIAL_HARD, md, mc) !=
                  PCRE2_ERROR_NOMATCH;
    for (size_t k = 0; lookbehind && k < kinds && !may; k++) {
        subject[0] = before[k];
        may = pcre2_match(code, (PCRE2_SPTR)subject, subject_len, 1 + context_len, PCRE2_PARTIAL_HARD, md, mc) !=
              PCRE2_ERROR_NOMATCH;
    }
    if (subject != small)
        free(subject);
    return may;
}

static int may_start_with(const rule *r, const char *s, size_t len, int mid_text, pcre2_match_data *md,
                          pcre2_match_context *mc)
{
    return may_match_after(r->start_probe, "", 0, s, len, mid_text, r->start_probe_sees_lines, md, mc);
}

static void set_key(uint8_t *keys, unsigned key, int on)
{
    if (on)
        keys[key / 8] |= (uint8_t)(1u << (key % 8));
    else
        keys[key / 8] &= (uint8_t)~(1u << (key % 8));
}

static void set_start_keys(ann_rules *rules, rule *r, const char *full)
{
    /* The start-of-match bitmap PCRE2 computes for an unanchored, non-UCP
     * form of the pattern tells which ASCII bytes a match can begin with;
     * every byte of a non-ASCII character is allowed, since UCP and the
     * property supersets only differ there. Each of start_chars is then
     * tried on its own. */
    int errcode;
    PCRE2_SIZE erroff;
    memset(r->start_keys, 0, sizeof r->start_keys);
    memset(r->start_keys, 0xff, 32);
    char *rewritten = probe_pattern(full);
    /* only studied: the possessive rewrite would change no start */
    pcre2_code *probe = compile_regex(rules, rewritten, strlen(rewritten), CHECKED_UTF | PCRE2_NO_AUTO_POSSESS,
                                      &errcode, &erroff);
    free(rewritten);
    uint32_t type = 2;
    const uint8_t *bitmap = NULL;
    if (probe)
        pcre2_pattern_info(probe, PCRE2_INFO_FIRSTCODETYPE, &type);
    if (type == 1) {
        uint32_t unit = 0;
        pcre2_pattern_info(probe, PCRE2_INFO_FIRSTCODEUNIT, &unit);
        /* the marker's lead byte has no other case: it alone can start */
        memset(r->start_keys, 0, unit == (unsigned char)MARK_OPEN[0] ? 32 : 16);
        set_key(r->start_keys, unit, 1);
        if (unit < 128 && isalpha((int)unit))
            set_key(r->start_keys, (unsigned)(isupper((int)unit) ? tolower((int)unit) : toupper((int)unit)), 1);
    } else if (type == 0 && pcre2_pattern_info(probe, PCRE2_INFO_FIRSTBITMAP, &bitmap) == 0 && bitmap)
        memcpy(r->start_keys, bitmap, 16);
    pcre2_code_free(probe);
}

/* The pattern of r as compiled alone ("(?:" pattern ")(?C1)" and the
 * annotation-body helper when used), of the expanded pattern given. */
static void full_pattern(const rule *r, const char *expanded, strbuf *full)
{
    sb_str(full, "(?:");
    sb_str(full, expanded);
    sb_str(full, ")(?C1)");
    if (strstr(r->expanded, "(?&_ann_body)"))
        sb_str(full, ANN_BODY_DEFINE);
}

int rule_may_start_with(const rule *r, const char *s, size_t len, pcre2_match_data *md, pcre2_match_context *mc)
{
    return !r->start_probe || may_start_with(r, s, len, 1, md, mc);
}

int rule_may_follow(const rule *r, const char *before, pcre2_match_data *md, pcre2_match_context *mc)
{
    /* its lookbehinds may look for a line start ((?<![^\n])) */
    return !r->before_probe || may_match_after(r->before_probe, before, 2, "", 0, 1, 1, md, mc);
}

/* The pattern a before probe tries: its lookbehinds, but those that look
 * at the kind of character before them (\b, \B, ^, \A and the like) made
 * empty, since PCRE2's interpreter, which probes, does not see that
 * character where its JIT, which matches, does; an empty lookbehind lets
 * through what it would not. NULL when a lookbehind lies in a lookahead
 * or the pattern has a condition (empty, it could rule more out there), or
 * when one holds a lookbehind, a subroutine call or a back reference, which
 * could look further than its length. */
static char *near_lookbehinds(const char *pattern)
{
    enum { MAX_DEPTH = 64 };
    char in_lookahead[MAX_DEPTH];
    size_t depth = 0, lookaheads = 0;
    strbuf out = {0};
    sb_str(&out, "");
    for (const char *p = pattern; *p;) {
        if (p[0] == '(' && p[1] == '?' && p[2] == '<' && (p[3] == '=' || p[3] == '!')) {
            int looks_before = 0, far = lookaheads > 0;
            size_t open = 0, i = 0;
            do {
                if (!p[i]) {
                    far = 1;
                    break;
                }
                open += p[i] == '(';
                open -= p[i] == ')';
                if (i >= 4 && p[i] == '\\') {
                    looks_before |= strchr("bBAGzZ", p[i + 1]) != NULL;
                    far |= isdigit((unsigned char)p[i + 1]) || p[i + 1] == 'g' || p[i + 1] == 'k';
                } else if (i >= 4 && p[i] == '(' && p[i + 1] == '?')
                    far |= strchr("<&PR(+-0123456789", p[i + 2]) != NULL;
                else
                    looks_before |= i >= 4 && (p[i] == '^' || p[i] == '$');
                i += p[i] == '\\' ? escape_length(p + i) : p[i] == '[' ? class_length(p + i) : 1;
            } while (open);
            if (far) {
                free(out.s);
                return NULL;
            }
            if (looks_before)
                sb_str(&out, "(?:)");
            else
                sb_add(&out, p, i);
            p += i;
            continue;
        }
        if (*p == '(') {
            if (depth == MAX_DEPTH || (p[1] == '?' && p[2] == '(')) {
                free(out.s);
                return NULL;
            }
            in_lookahead[depth] = p[1] == '?' && (p[2] == '=' || p[2] == '!');
            lookaheads += in_lookahead[depth++];
        } else if (*p == ')' && depth)
            lookaheads -= in_lookahead[--depth];
        size_t n = *p == '\\' ? escape_length(p) : *p == '[' ? class_length(p) : 1;
        sb_add(&out, p, n);
        p += n;
    }
    return out.s;
}

/* Sets r->before_probe when the two bytes before a start can rule the
 * rule out: it has lookbehinds, they look back one or two characters, and
 * it cannot follow a word and a space, where most tokens stand (elsewhere
 * a table of such pairs would only cost its probes; \b and the like
 * seldom rule that out, and the probe is not worth compiling for them).
 * The probe is the pattern behind a lookbehind over those two characters,
 * so that a partial match counts them as read, and any way on that
 * reaches the end of the text is reported as partial. */
static void probe_before(ann_rules *rules, rule *r, pcre2_match_data *md, pcre2_match_context *mc)
{
    uint32_t lookbehind = 0;
    if ((!strstr(r->expanded, "(?<=") && !strstr(r->expanded, "(?<!")) || strstr(r->expanded, "(*"))
        return;
    pcre2_pattern_info(r->code, PCRE2_INFO_MAXLOOKBEHIND, &lookbehind);
    if (lookbehind > 2)
        return;
    char *near = near_lookbehinds(r->expanded);
    if (!near)
        return;
    strbuf source = {0}, full = {0};
    sb_str(&source, "(?<=[\\s\\S]{2})(?:");
    sb_str(&source, near);
    sb_str(&source, ")");
    free(near);
    full_pattern(r, source.s, &full);
    free(source.s);
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_code *probe = compile_regex(rules, full.s, full.len,
                                      CHECKED_UTF | PCRE2_UCP | PCRE2_ANCHORED | PCRE2_DUPNAMES |
                                          PCRE2_NO_AUTO_POSSESS | PCRE2_NO_START_OPTIMIZE,
                                      &errcode, &erroff);
    free(full.s);
    if (probe && may_match_after(probe, "a ", 2, "", 0, 0, 1, md, mc)) {
        pcre2_code_free(probe);
        probe = NULL;
    }
    r->before_probe = probe;
}

static int line_starts_with_whole_reference(const ann_rules *rules, const char *p, const char **line_end);

/* Past the reference (<TYPE>, <A|B>) taken once that q starts with, or the
 * macro taken once whose pattern is a line starting with one
 * (line_starts_with_whole_reference); NULL when q starts with neither. */
static const char *past_leading_reference(const ann_rules *rules, const char *q)
{
    if (*q == '{') {
        size_t n = name_length(q + 1);
        const macro *m = n && q[n + 1] == '}' ? find_macro(rules, q + 1, n) : NULL;
        const char *macro_end;
        if (!m || !line_starts_with_whole_reference(rules, m->written, &macro_end) ||
            (q[n + 2] && strchr("?*+{", q[n + 2])))
            return NULL;
        return q + n + 2;
    }
    if (*q != '<')
        return NULL;
    q++;
    for (size_t n; (n = name_length(q)) != 0 && q[n] == '|'; q += n + 1)
        ;
    q += name_length(q);
    if (*q != '>' || (q[1] && strchr("?*+{", q[1])))
        return NULL;
    return q + 1;
}

/* Whether the pattern line at p starts with a reference (<TYPE>, <A|B>) taken
 * once, written out, through a macro, or first in a named capture opening
 * the line ("(?<goods>{GOODS_LIST})"), and has no alternative at its top
 * level or in that capture: a match of it starting at a marker then takes
 * the whole annotation through the reference and reads its text in no
 * other way, but by a lookbehind. Returns the line's end in *line_end. */
static int line_starts_with_whole_reference(const ann_rules *rules, const char *p, const char **line_end)
{
    const char *end = strchr(p, '\n');
    *line_end = end ? end : p + strlen(p);
    const char *q = p;
    int in_capture = q[0] == '(' && q[1] == '?' && q[2] == '<' && q[3] != '=' && q[3] != '!';
    if (in_capture) {
        q = strchr(q, '>');
        if (!q || q > *line_end)
            return 0;
        q++;
    }
    if (!(q = past_leading_reference(rules, q)))
        return 0;
    /* depth counts the opening capture: an alternative in it, or a
     * quantifier after it, could pass the reference by */
    int depth = in_capture;
    for (; q < *line_end; q++) {
        if (*q == '\\')
            q++;
        else if (*q == '[') {
            /* a class: a ']' first in it is a member */
            q += q[1] == '^' ? 2 : 1;
            if (*q == ']')
                q++;
            for (; q < *line_end && *q != ']'; q++)
                if (*q == '\\')
                    q++;
        } else if (*q == '(')
            depth++;
        else if (*q == ')') {
            if (--depth == 0 && in_capture) {
                if (q[1] && strchr("?*+{", q[1]))
                    return 0;
                in_capture = 0;
            }
        } else if (*q == '|' && depth == in_capture)
            return 0;
    }
    return 1;
}

/* Whether every pattern line of r starts with a whole reference
 * (line_starts_with_whole_reference). Quoting and extended mode change
 * what characters mean: not read. */
static int reads_no_body(const ann_rules *rules, const rule *r)
{
    if (strstr(r->pattern, "\\Q") || strstr(r->pattern, "(?x"))
        return 0;
    for (const char *line = r->pattern, *end; *line; line = *end ? end + 1 : end)
        if (!line_starts_with_whole_reference(rules, line, &end))
            return 0;
    return 1;
}

int rule_may_start_after_annotation(const ann_rules *rules, const rule *r, uint16_t type, const char *after,
                                    pcre2_match_data *md, pcre2_match_context *mc)
{
    if (!r->start_probe)
        return 1;
    strbuf s = {0};
    sb_str(&s, MARK_OPEN);
    sb_str(&s, rules->type_names[type]);
    sb_str(&s, MARK_SEP "x" MARK_CLOSE);
    sb_add(&s, after, 2);
    int may = may_start_with(r, s.s, s.len, 1, md, mc);
    free(s.s);
    return may;
}

/* Tries the strings a match may start with that start keys cannot tell
 * apart: each of start_chars, and the marker of each type the rule's view
 * shows. Lookbehinds could look at anything before the start, so the
 * strings are tried on the pattern without them, which matches more; a
 * pattern with a verb is taken to start with any. The pattern tried is
 * kept as r->start_probe, for the matcher's probes. */
static void probe_starts(ann_rules *rules, rule *r, pcre2_match_data *md, pcre2_match_context *mc)
{
    pcre2_code *without = NULL;
    pcre2_code *start_probe = strstr(r->expanded, "(*") ? NULL : r->code;
    if (start_probe && (strstr(r->expanded, "(?<=") || strstr(r->expanded, "(?<!"))) {
        char *source = without_lookbehinds(r->expanded);
        if (source) {
            strbuf full = {0};
            full_pattern(r, source, &full);
            int errcode;
            PCRE2_SIZE erroff;
            without = compile_regex(rules, full.s, full.len,
                                    CHECKED_UTF | PCRE2_UCP | PCRE2_ANCHORED | PCRE2_DUPNAMES | PCRE2_NO_AUTO_POSSESS |
                                        PCRE2_NO_START_OPTIMIZE,
                                    &errcode, &erroff);
            free(full.s);
        }
        free(source);
        start_probe = without;
    }
    r->start_probe = start_probe;
    r->start_probe_sees_lines = pattern_sets_multiline(r->expanded);
    for (unsigned i = 0; i < START_CHAR_COUNT; i++)
        set_key(r->start_keys, START_KEY_CHARS + i,
                has_start_key(r->start_keys, start_chars[i][0]) &&
                    (!start_probe || may_start_with(r, (const char *)start_chars[i],
                                                    strlen((const char *)start_chars[i]), 0, md, mc)));
    const rule_view *v = &rules->views[r->view];
    if (start_probe && has_start_key(r->start_keys, (unsigned char)MARK_OPEN[0])) {
        r->marker_starts = xcalloc(MAX_TYPES / 8, 1);
        for (size_t type = 0; type < rules->type_count; type++) {
            if (!(v->types[type / 8] & (1u << (type % 8))))
                continue;
            strbuf marker = {0};
            sb_str(&marker, MARK_OPEN);
            sb_str(&marker, rules->type_names[type]);
            sb_str(&marker, MARK_SEP);
            if (may_start_with(r, marker.s, marker.len, 0, md, mc))
                r->marker_starts[type / 8] |= (uint8_t)(1u << (type % 8));
            free(marker.s);
        }
        r->reads_no_body = reads_no_body(rules, r);
    }
}

/* Records the named captures that become attributes, and the one that
 * delimits the annotation when the rule has a 'span' line. */
static int collect_captures(rule *r, ann_error *err)
{
    uint32_t count = 0, entry_size = 0;
    PCRE2_SPTR table = NULL;
    pcre2_pattern_info(r->code, PCRE2_INFO_NAMECOUNT, &count);
    pcre2_pattern_info(r->code, PCRE2_INFO_NAMEENTRYSIZE, &entry_size);
    pcre2_pattern_info(r->code, PCRE2_INFO_NAMETABLE, &table);
    r->capture_names = xcalloc(count, sizeof *r->capture_names);
    r->capture_groups = xcalloc(count, sizeof *r->capture_groups);
    for (uint32_t i = 0; i < count; i++) {
        PCRE2_SPTR entry = table + (size_t)i * entry_size;
        uint32_t group = ((uint32_t)entry[0] << 8) | entry[1];
        const char *name = (const char *)entry + 2;
        if (r->span_capture && !strcmp(name, r->span_capture)) {
            size_t cap = r->span_group_count;
            ARRAY_PUSH(r->span_groups, r->span_group_count, cap, group);
        }
        if (name[0] == '_')
            continue;
        r->capture_names[r->capture_count] = xstrdup(name);
        r->capture_groups[r->capture_count++] = group;
    }
    if (r->span_capture && !r->span_group_count) {
        set_error(err, ANN_ERR_RULES, r->file, r->pattern_line, r->pattern_col,
                  "rule %s: 'span %s' names no capture of the pattern", r->name, r->span_capture);
        return -1;
    }
    return 0;
}

static int compile_pattern(ann_rules *rules, rule *r, ann_error *err)
{
    strbuf full = {0};
    full_pattern(r, r->expanded, &full);
    int errcode;
    PCRE2_SIZE erroff;
    /* The code is read for its captures and tried by partial matches on a
     * few bytes (probe_starts), never run for matches: the possessive
     * rewrite, which only cuts ways on that could never match, would not
     * change what a probe tells, and costs compile time. */
    r->code = compile_regex(rules, full.s, full.len,
                            CHECKED_UTF | PCRE2_UCP | PCRE2_ANCHORED | PCRE2_DUPNAMES | PCRE2_NO_AUTO_POSSESS,
                            &errcode, &erroff);
    if (!r->code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(errcode, msg, sizeof msg);
        /* Offsets map back to the written pattern when it used no macro. */
        int plain = !strchr(r->pattern, '\n') && strlen(r->expanded) == strlen(r->pattern) + 4;
        if (plain && erroff >= 6)
            set_error(err, ANN_ERR_RULES, r->file, r->pattern_line, r->pattern_col + (erroff - 6),
                      "rule %s: %s", r->name, (char *)msg);
        else
            set_error(err, ANN_ERR_RULES, r->file, r->pattern_line, r->pattern_col,
                      "rule %s: %s (at offset %zu of the expanded pattern: %.60s)", r->name, (char *)msg,
                      (size_t)erroff, full.s + (erroff > 20 ? erroff - 20 : 0));
        free(full.s);
        return -1;
    }
    pcre2_pattern_info(r->code, PCRE2_INFO_CAPTURECOUNT, &r->own_groups);
    if (strstr(r->expanded, "(?&_ann_body)"))
        r->own_groups--;
    if (collect_captures(r, err)) {
        free(full.s);
        return -1;
    }
    set_start_keys(rules, r, full.s);
    free(full.s);
    return 0;
}

/* Adds the marker types r may start at to the batch's; returns 1 when it
 * may start at any. */
static int add_marker_starts(rule_batch *b, const rule *r)
{
    if (!r->marker_starts)
        return 1;
    if (!b->marker_starts)
        b->marker_starts = xcalloc(MAX_TYPES / 8, 1);
    for (size_t w = 0; w < MAX_TYPES / 8; w++)
        b->marker_starts[w] |= r->marker_starts[w];
    return 0;
}

/* Appends pattern with every \h outside a class written [\h]: the same
 * characters, but PCRE2's JIT tests a bare \h by a call out of the
 * compiled code, and a class by its table of the first 256 characters,
 * some 30 instructions less at every character a \h is tried on. A
 * pattern with \Q, a comment or extended mode, where a bracket or a
 * backslash need not be what it seems, is appended as it stands. */
static void sb_pattern_with_space_classes(strbuf *out, const char *pattern)
{
    if (strstr(pattern, "\\Q") || strstr(pattern, "(?#") || strstr(pattern, "(?x")) {
        sb_str(out, pattern);
        return;
    }
    const char *copied = pattern; /* up to here */
    for (const char *p = pattern; *p;) {
        size_t n = *p == '\\' ? escape_length(p) : *p == '[' ? class_length(p) : 1;
        if (n == 2 && p[0] == '\\' && p[1] == 'h') {
            sb_add(out, copied, (size_t)(p - copied));
            sb_str(out, "[\\h]");
            copied = p + n;
        }
        p += n;
    }
    sb_str(out, copied);
}

/* Compiles the given rules (at most BATCH_MAX, all of one view) into one
 * batch. */
static int compile_batch(ann_rules *rules, int phase, const size_t *which, size_t count, rule_batch *out,
                         ann_error *err)
{
    rule_batch b = {.max_priority = INT32_MIN};
    b.count = count;
    b.rules = xmalloc(b.count * sizeof *b.rules);
    b.group_base = xmalloc(b.count * sizeof *b.group_base);
    strbuf full = {0};
    int uses_body = 0, markers_of_any_type = 0, all_probe_before = 1, all_read_no_body = 1;
    uint32_t groups = 0;
    sb_str(&full, "(?:");
    for (size_t k = 0; k < b.count; k++) {
        const rule *r = &rules->rules[which[k]];
        char callout[48];
        snprintf(callout, sizeof callout, ")(?C%zu))(*FAIL)", k + 1);
        sb_str(&full, k ? "|(?>(?:" : "(?>(?:");
        sb_pattern_with_space_classes(&full, r->expanded);
        sb_str(&full, callout);
        b.rules[k] = which[k];
        if (r->priority > b.max_priority)
            b.max_priority = r->priority;
        for (size_t w = 0; r->nest_types && w < MAX_TYPES / 8; w++)
            b.keeps_inner |= r->nest_types[w] != 0;
        b.group_base[k] = groups;
        groups += r->own_groups;
        uses_body |= strstr(r->expanded, "(?&_ann_body)") != NULL;
        all_probe_before &= r->before_probe != NULL;
        for (size_t w = 0; w < sizeof b.start_keys; w++)
            b.start_keys[w] |= r->start_keys[w];
        if (has_start_key(r->start_keys, (unsigned char)MARK_OPEN[0])) {
            markers_of_any_type |= add_marker_starts(&b, r);
            all_read_no_body &= r->reads_no_body;
        }
    }
    sb_str(&full, ")");
    if (markers_of_any_type) {
        free(b.marker_starts);
        b.marker_starts = NULL;
    }
    if (uses_body)
        sb_str(&full, ANN_BODY_DEFINE);
    int errcode;
    PCRE2_SIZE erroff;
    b.code = compile_regex(rules, full.s, full.len, CHECKED_UTF | PCRE2_UCP | PCRE2_ANCHORED | PCRE2_DUPNAMES | PCRE2_NO_START_OPTIMIZE,
                           &errcode, &erroff);
    free(full.s);
    if (!b.code) {
        /* each rule compiled alone, so this is a limit of the whole batch */
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(errcode, msg, sizeof msg);
        const rule *r = &rules->rules[b.rules[0]];
        set_error(err, ANN_ERR_RULES, r->file, r->line, 0, "rules of phase %d from %s on: %s", phase, r->name,
                  (char *)msg);
        free(b.rules);
        free(b.group_base);
        free(b.marker_starts);
        return -1;
    }
    b.before_table = all_probe_before ? (uint32_t)rules->pair_table_count++ : NO_PAIR_TABLE;
    b.after_table = NO_PAIR_TABLE;
    size_t marker_types = 0;
    for (size_t type = 0; b.marker_starts && type < rules->type_count; type++)
        if (b.marker_starts[type / 8] & (1u << (type % 8))) {
            marker_types++;
            b.after_type = (uint16_t)type;
        }
    /* one type, so that a table by the two bytes after tells for every start */
    if (all_read_no_body && marker_types == 1)
        b.after_table = (uint32_t)rules->pair_table_count++;
    uint32_t captures = 0;
    pcre2_pattern_info(b.code, PCRE2_INFO_CAPTURECOUNT, &captures);
    if (captures > rules->max_capture_count)
        rules->max_capture_count = captures;
    *out = b;
    return 0;
}

/* Serialises every lazy JIT compilation of the process, not just of one
 * ann_rules: PCRE2's JIT compiler keeps a little state of its own (whether
 * executable memory can be had) that it tests on first use without a lock.
 * Each batch is compiled once, a few hundred at most, so no thread waits long. */
static pthread_mutex_t jit_compile_lock = PTHREAD_MUTEX_INITIALIZER;

uint8_t batch_compile_jit(const rule_batch *b)
{
    /* batches are shared as const, but live in memory the ann_rules
     * allocated, where this one field may change */
    _Atomic uint8_t *state = (_Atomic uint8_t *)&b->jit_state;
    /* tried already (where JIT is unavailable, the interpreter comes here
     * for every match): no lock */
    uint8_t now = atomic_load_explicit(state, memory_order_acquire);
    if (now != BATCH_JIT_UNTRIED)
        return now;
    pthread_mutex_lock(&jit_compile_lock);
    /* another thread may have compiled it while this one waited; the lock
     * orders its store before this load */
    now = atomic_load_explicit(state, memory_order_relaxed);
    if (now == BATCH_JIT_UNTRIED) {
        now = pcre2_jit_compile(b->code, PCRE2_JIT_COMPLETE) == 0 ? BATCH_JIT_READY : BATCH_JIT_UNAVAILABLE;
        /* release: threads that read the state without the lock
         * (batch_jit_ready) see the code complete */
        atomic_store_explicit(state, now, memory_order_release);
    }
    pthread_mutex_unlock(&jit_compile_lock);
    return now;
}

void rules_compile_all_jit(const ann_rules *rules)
{
    for (size_t v = 0; v < rules->view_count; v++)
        for (size_t b = 0; b < rules->views[v].batch_count; b++)
            batch_compile_jit(&rules->views[v].batches[b]);
    for (size_t i = 0; i < rules->count; i++)
        if (rules->rules[i].alone.code)
            batch_compile_jit(&rules->rules[i].alone);
}

static void free_batch(rule_batch *b)
{
    pcre2_code_free(b->code);
    free(b->marker_starts);
    free(b->rules);
    free(b->group_base);
}

static void add_trigger(trigger_index *t, const word_set *words, uint32_t rule_index, uint8_t role)
{
    for (size_t k = 0; k < words->count; k++) {
        size_t len = strlen(words->words[k]);
        word_trigger w = {gaz_word_key(words->words[k], len, words->caseless[k]), rule_index, role};
        ARRAY_PUSH(t->items, t->count, t->cap, w);
        uint64_t bit;
        t->present[trigger_filter_bit(gaz_word_key(words->words[k], len, 1), &bit)] |= bit;
    }
}

static int by_trigger_key(const void *a, const void *b)
{
    const word_trigger *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    if (x->rule != y->rule)
        return x->rule < y->rule ? -1 : 1;
    return x->role - y->role;
}

/* Sorts the triggers and builds the key -> first item table. */
static void index_triggers(trigger_index *t)
{
    if (!t->count)
        return;
    qsort(t->items, t->count, sizeof *t->items, by_trigger_key);
    size_t slots = 16;
    while (slots < t->count * 2)
        slots *= 2;
    t->slot_mask = slots - 1;
    t->slot_keys = xcalloc(slots, sizeof *t->slot_keys);
    t->slot_first = xcalloc(slots, sizeof *t->slot_first);
    for (size_t i = 0; i < t->count; i++) {
        if (i && t->items[i].key == t->items[i - 1].key)
            continue;
        size_t h = (size_t)t->items[i].key & t->slot_mask;
        while (t->slot_keys[h])
            h = (h + 1) & t->slot_mask;
        t->slot_keys[h] = t->items[i].key;
        t->slot_first[h] = (uint32_t)i;
    }
}

/* Finds what starts or needs a rule's words, so the matcher can try it only
 * where they are (prefilter.h). */
static void find_triggers(ann_rules *rules, size_t index)
{
    rule *r = &rules->rules[index];
    word_set first = {0}, words = {0};
    if (pattern_first_words(r->expanded, &first) && first.count) {
        r->starts_with_words = 1;
        add_trigger(&rules->triggers, &first, (uint32_t)index, TRIGGER_STARTS);
    }
    if (pattern_required_words(r->expanded, r->starts_with_words ? &first : NULL, &words) && words.count) {
        r->needs_words = 1;
        add_trigger(&rules->triggers, &words, (uint32_t)index, TRIGGER_NEEDED);
    }
    word_set_clear(&first);
    word_set_clear(&words);
}

static int may_start_with_letter(const rule *r)
{
    for (int c = 'A'; c <= 'z'; c++)
        if (isalpha(c) && has_start_key(r->start_keys, (unsigned)c))
            return 1;
    return 0;
}

/* Start groups: rules that can start with a letter apart from those that
 * cannot (numbers, amounts, symbols), and in each, rules that can start
 * with a few ASCII characters only ("US$", a year) apart from those
 * starting with any capital or digit. */
enum { START_GROUPS = 4 };

static unsigned start_group(const rule *r)
{
    unsigned ascii_starts = 0;
    for (unsigned c = 0; c < 128; c++)
        ascii_starts += has_start_key(r->start_keys, c) != 0;
    return 2u * !may_start_with_letter(r) + (ascii_starts < 8);
}

/* Compiles rules of view v (count at most BATCH_MAX) into a batch of it. */
static int add_view_batch(ann_rules *rules, rule_view *v, const size_t *which, size_t count, ann_error *err)
{
    rule_batch b;
    if (compile_batch(rules, v->phase, which, count, &b, err))
        return -1;
    b.pair_table = (uint32_t)rules->pair_table_count++;
    for (size_t w = 0; w < sizeof v->start_keys; w++)
        v->start_keys[w] |= b.start_keys[w];
    size_t cap = v->batch_count;
    ARRAY_PUSH(v->batches, v->batch_count, cap, b);
    return 0;
}

/* Compiles a view: the rules tried everywhere their start keys allow go
 * into batches; gated rules are compiled alone. */
static int compile_view(ann_rules *rules, rule_view *v, ann_error *err)
{
    size_t *open = xmalloc((v->rule_count + 1) * sizeof *open), open_count = 0;
    int rc = 0;
    for (size_t k = 0; k < v->rule_count && !rc; k++) {
        size_t i = v->rules[k];
        rule *r = &rules->rules[i];
        if (!r->starts_with_words && !r->needs_words) {
            open[open_count++] = i;
            continue;
        }
        rc = compile_batch(rules, v->phase, &i, 1, &r->alone, err);
        r->alone.pair_table = r->starts_with_words ? NO_PAIR_TABLE : (uint32_t)rules->pair_table_count++;
        size_t cap = v->gated_count;
        ARRAY_PUSH(v->gated, v->gated_count, cap, i);
        if (!r->starts_with_words)
            for (unsigned key = 0; key < START_KEYS; key++)
                v->starts_at_key[key] |= has_start_key(r->start_keys, key) != 0;
    }
    /* Rules are batched with rules of the same start group, so a call runs
     * only alternatives that may start where it is made. */
    size_t *grouped = xmalloc((open_count + 1) * sizeof *grouped);
    for (unsigned g = 0; g < START_GROUPS && !rc; g++) {
        size_t n = 0;
        for (size_t k = 0; k < open_count; k++)
            if (start_group(&rules->rules[open[k]]) == g)
                grouped[n++] = open[k];
        for (size_t first = 0; first < n && !rc; first += BATCH_MAX)
            rc = add_view_batch(rules, v, grouped + first, n - first < BATCH_MAX ? n - first : BATCH_MAX, err);
    }
    free(grouped);
    free(open);
    if (rc)
        return rc;
    for (unsigned key = 0; key < START_KEYS; key++)
        v->starts_at_key[key] |= has_start_key(v->start_keys, key) != 0;
    v->plain = 1;
    for (size_t i = 0; i < sizeof v->types && v->plain; i++)
        v->plain = !v->types[i];
    /* A view whose rules can only start at a marker (its first byte, 0xEE)
     * need not visit every token. */
    v->marker_only = 1;
    for (unsigned key = 0; key < START_KEYS && v->marker_only; key++)
        if (key != 0xEE && v->starts_at_key[key])
            v->marker_only = 0;
    for (size_t k = 0; k < v->gated_count && v->marker_only; k++)
        if (rules->rules[v->gated[k]].starts_with_words)
            v->marker_only = 0;
    return 0;
}

/* Numbers the types that views need, so the matcher can note per sentence
 * which of them it holds in one 64-bit word. */
static int assign_need_slots(ann_rules *rules, ann_error *err)
{
    int slots = 0;
    memset(rules->need_slot, -1, sizeof rules->need_slot);
    for (size_t i = 0; i < rules->view_count; i++) {
        rule_view *v = &rules->views[i];
        for (size_t type = 0; v->has_needs && type < rules->type_count; type++) {
            if (!(v->needs[type / 8] & (1u << (type % 8))))
                continue;
            if (rules->need_slot[type] < 0) {
                if (slots == 64) {
                    set_error(err, ANN_ERR_RULES, rules->rules[v->rules[0]].file, rules->rules[v->rules[0]].line, 0,
                              "more than 64 types named in 'needs' lines");
                    return -1;
                }
                rules->need_slot[type] = (int8_t)slots++;
            }
            v->needs_slots |= 1ULL << rules->need_slot[type];
        }
    }
    return 0;
}

static const char *const named_type_names[NAMED_TYPE_COUNT] = {
    [NAMED_PERSON] = "PERSON",
    [NAMED_ORG] = "ORG",
    [NAMED_GPE] = "GPE",
    [NAMED_LOC] = "LOC",
    [NAMED_NORP] = "NORP",
    [NAMED_EVENT] = "EVENT",
    [NAMED_GOODS] = "GOODS",
    [NAMED_TARIFF] = "TARIFF",
    [NAMED_TITLE] = "TITLE",
    [NAMED_SURNAME_FIRST] = "_SURNAME_FIRST",
    [NAMED_LEGAL_FORM] = "_LEGAL_FORM",
    [NAMED_SPEECH] = "_SPEECH",
    [NAMED_CALLING] = "_CALLING",
    [NAMED_QUOTED_VERDICT] = "_QUOTED_VERDICT",
    [NAMED_FAVOR] = "_FAVOR",
    [NAMED_AGAINST] = "_AGAINST",
    [NAMED_FAVOR_STATE] = "_FAVOR_STATE",
    [NAMED_AGAINST_STATE] = "_AGAINST_STATE",
    [NAMED_FAVOR_EFFECT] = "_FAVOR_EFFECT",
    [NAMED_AGAINST_EFFECT] = "_AGAINST_EFFECT",
    [NAMED_COMPLAINT] = "_COMPLAINT",
    [NAMED_REFUSAL] = "_REFUSAL",
    [NAMED_FAVOR_FROM] = "_FAVOR_FROM",
    [NAMED_AGAINST_FROM] = "_AGAINST_FROM",
    [NAMED_RHETORICAL] = "_RHETORICAL",
    [NAMED_HARM] = "_HARM",
    [NAMED_FAVOR_CONTEXT] = "_FAVOR_CONTEXT",
    [NAMED_NEGATION] = "_NEGATION",
    [NAMED_INTENSIFIER] = "_INTENSIFIER",
    [NAMED_CONTRAST] = "_CONTRAST",
    [NAMED_CONDITION] = "_CONDITION",
    [NAMED_NOT_CUE] = "_NOT_CUE",
    [NAMED_HEDGE] = "_HEDGE",
    [NAMED_TARIFF_WORD] = "_TARIFF_WORD",
    [NAMED_IMPOSING] = "_IMPOSING",
    [NAMED_GROUP] = "_GROUP",
    [NAMED_PLACE_ANY_CASE] = "_PLACE_ANY_CASE",
    [NAMED_PEOPLE_ANY_CASE] = "_PEOPLE_ANY_CASE",
    [NAMED_FIRST_NAME] = "_FIRSTNAME",
};

/* The id of a type, or -1 when no rule gives it. */
static int find_type(const ann_rules *rules, const char *name)
{
    for (size_t t = 0; t < rules->type_count; t++)
        if (!strcmp(rules->type_names[t], name))
            return (int)t;
    return -1;
}

int ann_rules_compile(ann_rules *rules, ann_error *err)
{
    if (rules->compiled) {
        set_error(err, ANN_ERR_USAGE, NULL, 0, 0, "rules already compiled");
        return ANN_ERR_USAGE;
    }
    if (rules->phase_count == 0)
        rules->phase_count = 1;
    /* Rules can refer to some token kinds as helper types. */
    static const struct {
        token_kind kind;
        const char *name;
    } kind_types[] = {{TOK_URL, "_TOKEN_URL"},
                      {TOK_EMAIL, "_TOKEN_EMAIL"},
                      {TOK_NUMBER, "_TOKEN_NUMBER"},
                      {TOK_ABBREV, "_TOKEN_ABBREV"}};
    for (size_t k = 0; k <= TOK_SYMBOL; k++)
        rules->token_kind_type[k] = -1;
    for (size_t k = 0; k < sizeof kind_types / sizeof *kind_types; k++)
        rules->token_kind_type[kind_types[k].kind] = find_type(rules, kind_types[k].name);
    rules->joined_token_type = find_type(rules, "_TOKEN_JOINED");
    for (size_t k = 0; k < NAMED_TYPE_COUNT; k++)
        rules->named_type_id[k] = find_type(rules, named_type_names[k]);
    rules->lists = xcalloc((size_t)rules->phase_count, sizeof *rules->lists);
    for (size_t i = 0; i < rules->count; i++) {
        rule *r = &rules->rules[i];
        if (r->list_path) {
            int builtin = r->list_path[0] == '@';
            if (builtin)
                memmove(r->list_path, r->list_path + 1, strlen(r->list_path));
            if (load_list(rules, i, builtin, err))
                return ANN_ERR_RULES;
        } else if (compile_pattern(rules, r, err))
            return ANN_ERR_RULES;
    }
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    if (!md || !mc)
        out_of_memory(sizeof(pcre2_match_context *));
    pcre2_set_match_limit(mc, START_PROBE_MATCH_LIMIT);
    for (size_t i = 0; i < rules->count; i++)
        if (rules->rules[i].code && rules->rules[i].view >= 0) {
            probe_starts(rules, &rules->rules[i], md, mc);
            probe_before(rules, &rules->rules[i], md, mc);
        }
    pcre2_match_data_free(md);
    pcre2_match_context_free(mc);
    for (size_t i = 0; i < rules->count; i++) {
        rule *r = &rules->rules[i];
        if (r->view < 0)
            continue;
        rule_view *v = &rules->views[r->view];
        size_t cap = v->rule_count;
        ARRAY_PUSH(v->rules, v->rule_count, cap, i);
    }
    for (size_t i = 0; i < rules->count; i++)
        if (rules->rules[i].view >= 0)
            find_triggers(rules, i);
    index_triggers(&rules->triggers);
    for (size_t i = 0; i < rules->view_count; i++)
        if (compile_view(rules, &rules->views[i], err))
            return ANN_ERR_RULES;
    if (assign_need_slots(rules, err))
        return ANN_ERR_RULES;
    rules->pair_states = xcalloc(rules->pair_table_count + 1, PAIR_STATES);
    rules->table_probes = xcalloc(rules->pair_table_count + 1, sizeof *rules->table_probes);
    precompiled_close(rules->precompiled);
    rules->precompiled = NULL;
    rules->compiled = 1;
    return ANN_OK;
}

const builtin_file *builtin_find(const char *name)
{
    size_t lo = 0, hi = builtin_file_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(builtin_files[mid].name, name);
        if (c == 0)
            return &builtin_files[mid];
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}
