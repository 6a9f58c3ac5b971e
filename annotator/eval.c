/* eval: see eval.h. The stages of `annotator eval`, in the order they run:
 * read gold (annotator XML or CoNLL), make the system side (annotate in
 * memory, or read XML), check that both hold the same texts, map CoNLL types,
 * score, write the report. The command line is at the end. */
#include "eval.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/xmlreader.h>
#include <utf8proc.h>

#include "alloc.h"

enum { EXIT_EVAL_RAN = 0, EXIT_EVAL_BELOW_FLOOR = 1, EXIT_EVAL_USAGE_INPUT = 2 };

#define DEFAULT_MAX_ERRORS 20
#define CONTEXT_WORDS 6

__attribute__((format(printf, 6, 7))) static int fail(ann_error *err, ann_status status, const char *file,
                                                      unsigned long line, unsigned long column, const char *fmt, ...)
{
    if (!err)
        return status;
    memset(err, 0, sizeof *err);
    err->status = status;
    err->severity = ANN_DIAG_ERROR;
    err->byte = -1;
    err->line = line;
    err->column = column;
    snprintf(err->file, sizeof err->file, "%s", file ? file : "");
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return status;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* ---- sets ------------------------------------------------------------------ */

static eval_doc *add_doc(eval_set *set, const char *file, const char *id, const char *source, unsigned long line)
{
    grow_array((void **)&set->docs, &set->cap, set->count + 1, sizeof *set->docs);
    eval_doc *doc = &set->docs[set->count++];
    memset(doc, 0, sizeof *doc);
    size_t n = strlen(file) + strlen(id) + 2;
    doc->name = xmalloc(n);
    snprintf(doc->name, n, "%s#%s", file, id);
    doc->source = xstrdup(source);
    doc->line = line ? line : 1;
    doc->text = xmalloc(1);
    doc->text[0] = '\0';
    return doc;
}

static void append_text(eval_doc *doc, const char *s, size_t n)
{
    grow_array((void **)&doc->text, &doc->text_cap, doc->len + n + 1, 1);
    memcpy(doc->text + doc->len, s, n);
    for (const char *nl = memchr(s, '\n', n); nl; nl = memchr(nl + 1, '\n', n - (size_t)(nl + 1 - s)))
        ARRAY_PUSH(doc->newlines, doc->newline_count, doc->newline_cap, doc->len + (size_t)(nl - s));
    doc->len += n;
    doc->text[doc->len] = '\0';
}

static void add_span(eval_doc *doc, size_t start, size_t end, const char *type, size_t type_len, size_t order)
{
    eval_span sp = {start, end, xstrndup(type, type_len), order};
    ARRAY_PUSH(doc->spans, doc->span_count, doc->span_cap, sp);
}

static void add_token(eval_doc *doc, size_t start, size_t end, unsigned long line)
{
    if (doc->token_count == doc->token_cap) {
        size_t cap = doc->token_cap;
        grow_array((void **)&doc->token_start, &cap, doc->token_count + 1, sizeof *doc->token_start);
        cap = doc->token_cap;
        grow_array((void **)&doc->token_end, &cap, doc->token_count + 1, sizeof *doc->token_end);
        cap = doc->token_cap;
        grow_array((void **)&doc->token_line, &cap, doc->token_count + 1, sizeof *doc->token_line);
        doc->token_cap = cap;
    }
    doc->token_start[doc->token_count] = start;
    doc->token_end[doc->token_count] = end;
    doc->token_line[doc->token_count++] = line;
}

static void free_doc(eval_doc *doc)
{
    for (size_t i = 0; i < doc->span_count; i++)
        free(doc->spans[i].type);
    free(doc->spans);
    free(doc->name);
    free(doc->source);
    free(doc->text);
    free(doc->newlines);
    free(doc->token_start);
    free(doc->token_end);
    free(doc->token_line);
    for (size_t i = 0; i < doc->stance_count; i++) {
        free(doc->stances[i].holder);
        free(doc->stances[i].target);
        free(doc->stances[i].polarity);
        free(doc->stances[i].evidence);
    }
    free(doc->stances);
}

void eval_set_free(eval_set *set)
{
    for (size_t i = 0; i < set->count; i++)
        free_doc(&set->docs[i]);
    free(set->docs);
    memset(set, 0, sizeof *set);
}

/* ---- annotator XML ---------------------------------------------------------- */

typedef struct {
    const char *name;
    ann_error *err;
    int failed;
} xml_error_ctx;

/* libxml2 would print parse errors on stderr; keep the first one instead. */
static void keep_xml_error(void *arg, const char *msg, xmlParserSeverities severity, xmlTextReaderLocatorPtr where)
{
    xml_error_ctx *ctx = arg;
    if (severity == XML_PARSER_SEVERITY_WARNING || severity == XML_PARSER_SEVERITY_VALIDITY_WARNING || ctx->failed)
        return;
    ctx->failed = 1;
    size_t n = strlen(msg);
    while (n && is_space((unsigned char)msg[n - 1]))
        n--;
    int line = where ? xmlTextReaderLocatorLineNumber(where) : 0;
    fail(ctx->err, ANN_ERR_INPUT, ctx->name, line > 0 ? (unsigned long)line : 0, 0, "not well-formed XML: %.*s",
         (int)n, msg);
}

static int hex_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

typedef struct {
    size_t start;
    char *type;
    size_t order;
} open_entity;

int eval_read_xml(eval_set *set, const char *name, const char *xml, size_t len, ann_error *err)
{
    if (len == 0)
        return fail(err, ANN_ERR_INPUT, name, 0, 0, "empty file, not annotator XML");
    if (len > INT_MAX)
        return fail(err, ANN_ERR_INPUT, name, 0, 0, "XML file too large (over %d bytes)", INT_MAX);
    xml_error_ctx ectx = {name, err, 0};
    xmlTextReaderPtr reader = xmlReaderForMemory(xml, (int)len, name, NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
    if (!reader)
        out_of_memory(len);
    xmlTextReaderSetErrorHandler(reader, keep_xml_error, &ectx);

    eval_doc *doc = NULL;
    open_entity *open = NULL;
    size_t open_count = 0, open_cap = 0, order = 0, documents = 0;
    int rc = ANN_OK, read;
    while (rc == ANN_OK && (read = xmlTextReaderRead(reader)) == 1) {
        int kind = xmlTextReaderNodeType(reader);
        int depth = xmlTextReaderDepth(reader);
        const char *el = (const char *)xmlTextReaderConstLocalName(reader);
        unsigned long line = (unsigned long)xmlTextReaderGetParserLineNumber(reader);
        if (kind == XML_READER_TYPE_ELEMENT) {
            int empty = xmlTextReaderIsEmptyElement(reader);
            if (depth == 0) {
                if (strcmp(el, "corpus"))
                    rc = fail(err, ANN_ERR_INPUT, name, line, 0, "the root element is <%s>, not <corpus>", el);
            } else if (!doc) {
                if (depth != 1 || strcmp(el, "document")) {
                    rc = fail(err, ANN_ERR_INPUT, name, line, 0, "<%s> where a <document> should be", el);
                    break;
                }
                char *id = (char *)xmlTextReaderGetAttribute(reader, BAD_CAST "id");
                char *source = (char *)xmlTextReaderGetAttribute(reader, BAD_CAST "source");
                char *at = (char *)xmlTextReaderGetAttribute(reader, BAD_CAST "line");
                char fallback[32];
                snprintf(fallback, sizeof fallback, "%zu", documents + 1);
                doc = add_doc(set, name, id ? id : fallback, source ? source : name,
                              at ? strtoul(at, NULL, 10) : 1);
                xmlFree(id);
                xmlFree(source);
                xmlFree(at);
                documents++;
                order = 0;
                if (empty)
                    doc = NULL;
            } else if (!strcmp(el, "document")) {
                rc = fail(err, ANN_ERR_INPUT, name, line, 0, "a <document> inside a <document>");
            } else if (!strcmp(el, "raw")) {
                char *hex = (char *)xmlTextReaderGetAttribute(reader, BAD_CAST "hex");
                size_t n = hex ? strlen(hex) : 0;
                if (!hex || n % 2)
                    rc = fail(err, ANN_ERR_INPUT, name, line, 0, "<raw> needs a hex attribute of whole bytes");
                for (size_t i = 0; rc == ANN_OK && i < n; i += 2) {
                    int hi = hex_value(hex[i]), lo = hex_value(hex[i + 1]);
                    if (hi < 0 || lo < 0) {
                        rc = fail(err, ANN_ERR_INPUT, name, line, 0, "<raw hex=\"%s\">: not hex digits", hex);
                        break;
                    }
                    char byte = (char)(hi << 4 | lo);
                    append_text(doc, &byte, 1);
                }
                xmlFree(hex);
            } else if (!strcmp(el, "stance-summary")) {
                char *holder = (char *)xmlTextReaderGetAttribute(reader, BAD_CAST "holder");
                char *target = (char *)xmlTextReaderGetAttribute(reader, BAD_CAST "target");
                char *polarity = (char *)xmlTextReaderGetAttribute(reader, BAD_CAST "polarity");
                if (!holder || !target || !polarity) {
                    rc = fail(err, ANN_ERR_INPUT, name, line, 0,
                              "a <stance-summary> without a holder, target or polarity");
                } else {
                    eval_stance st = {xstrdup(holder), xstrdup(target), xstrdup(polarity), NULL, line};
                    ARRAY_PUSH(doc->stances, doc->stance_count, doc->stance_cap, st);
                }
                xmlFree(holder);
                xmlFree(target);
                xmlFree(polarity);
            } else if (!strcmp(el, "entity")) {
                char *type = (char *)xmlTextReaderGetAttribute(reader, BAD_CAST "type");
                if (!type || !type[0]) {
                    xmlFree(type);
                    rc = fail(err, ANN_ERR_INPUT, name, line, 0, "an <entity> without a type");
                } else if (empty) {
                    add_span(doc, doc->len, doc->len, type, strlen(type), order++);
                    xmlFree(type);
                } else {
                    open_entity oe = {doc->len, xstrdup(type), order++};
                    xmlFree(type);
                    ARRAY_PUSH(open, open_count, open_cap, oe);
                }
            }
            /* <p>, <s>, <w> and any other element only hold text. */
        } else if (kind == XML_READER_TYPE_END_ELEMENT && doc) {
            if (depth == 1 && !strcmp(el, "document")) {
                doc = NULL;
            } else if (!strcmp(el, "entity") && open_count) {
                open_entity *oe = &open[--open_count];
                add_span(doc, oe->start, doc->len, oe->type, strlen(oe->type), oe->order);
                free(oe->type);
            }
        } else if ((kind == XML_READER_TYPE_TEXT || kind == XML_READER_TYPE_CDATA ||
                    kind == XML_READER_TYPE_WHITESPACE || kind == XML_READER_TYPE_SIGNIFICANT_WHITESPACE) &&
                   doc) {
            const char *value = (const char *)xmlTextReaderConstValue(reader);
            if (value)
                append_text(doc, value, strlen(value));
        } else if (kind == XML_READER_TYPE_ENTITY_REFERENCE) {
            rc = fail(err, ANN_ERR_INPUT, name, line, 0, "entity references (&%s;) are not supported", el);
        }
    }
    if (rc == ANN_OK && read < 0)
        rc = ectx.failed ? ANN_ERR_INPUT : fail(err, ANN_ERR_INPUT, name, 0, 0, "not well-formed XML");
    if (rc == ANN_OK && ectx.failed)
        rc = ANN_ERR_INPUT;
    while (open_count)
        free(open[--open_count].type);
    free(open);
    xmlFreeTextReader(reader);
    return rc;
}

/* ---- CoNLL ------------------------------------------------------------------- */

typedef struct {
    eval_set *set;
    const char *name;
    eval_doc *doc;
    size_t documents;
    int in_sentence;
    /* the entity being read: its type (pointing into the input) and first byte */
    const char *open_type;
    size_t open_type_len, open_start;
    size_t last_end;        /* end of the previous token */
    size_t order;
} conll_reader;

static void conll_close_entity(conll_reader *cr, size_t end)
{
    if (cr->open_type)
        add_span(cr->doc, cr->open_start, end, cr->open_type, cr->open_type_len, cr->order++);
    cr->open_type = NULL;
}

static void conll_end_sentence(conll_reader *cr)
{
    if (!cr->in_sentence)
        return;
    conll_close_entity(cr, cr->last_end);
    append_text(cr->doc, "\n", 1);
    cr->in_sentence = 0;
}

static void conll_end_document(conll_reader *cr)
{
    conll_end_sentence(cr);
    cr->doc = NULL;
}

/* One token line: word is its first field, tag its last. */
static int conll_token(conll_reader *cr, const char *word, size_t word_len, const char *tag, size_t tag_len,
                       unsigned long line, unsigned long tag_column, ann_error *err)
{
    char kind = 'O';
    if (!(tag_len == 1 && tag[0] == 'O')) {
        if (tag_len < 3 || tag[1] != '-' || !strchr("IBES", tag[0]))
            return fail(err, ANN_ERR_INPUT, cr->name, line, tag_column,
                        "unknown tag '%.*s' (want O, I-TYPE or B-TYPE; E-TYPE and S-TYPE for IOBES)",
                        (int)(tag_len > 40 ? 40 : tag_len), tag);
        kind = tag[0];
        tag += 2;
        tag_len -= 2;
    }
    if (!cr->doc) {
        char id[32];
        snprintf(id, sizeof id, "%zu", ++cr->documents);
        cr->doc = add_doc(cr->set, cr->name, id, cr->name, line);
        cr->order = 0;
    }
    eval_doc *doc = cr->doc;
    int same_type = cr->open_type && cr->open_type_len == tag_len && !memcmp(cr->open_type, tag, tag_len);
    /* IOB1 and IOB2 alike: I- continues an entity of its type, else starts one. */
    if (kind == 'O' || kind == 'B' || kind == 'S' || !same_type)
        conll_close_entity(cr, cr->last_end);
    if (cr->in_sentence)
        append_text(doc, " ", 1);
    size_t start = doc->len;
    append_text(doc, word, word_len);
    add_token(doc, start, doc->len, line);
    cr->in_sentence = 1;
    cr->last_end = doc->len;
    if (kind != 'O' && !cr->open_type) {
        cr->open_type = tag;
        cr->open_type_len = tag_len;
        cr->open_start = start;
    }
    if (kind == 'E' || kind == 'S')
        conll_close_entity(cr, doc->len);
    return ANN_OK;
}

int eval_read_conll(eval_set *set, const char *name, const char *data, size_t len, ann_error *err)
{
    conll_reader cr = {.set = set, .name = name};
    unsigned long line = 0;
    for (size_t pos = 0; pos < len;) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - data) : len;
        const char *s = data + pos;
        size_t n = end - pos;
        pos = end + 1;
        line++;
        if (n && s[n - 1] == '\r')
            n--;
        /* fields: the first and the last, and how many there are */
        size_t first = 0, first_end = 0, last = 0, last_end = 0, fields = 0;
        for (size_t i = 0; i < n;) {
            while (i < n && is_space((unsigned char)s[i]))
                i++;
            if (i == n)
                break;
            size_t b = i;
            while (i < n && !is_space((unsigned char)s[i]))
                i++;
            if (fields++ == 0)
                first = b, first_end = i;
            last = b, last_end = i;
        }
        if (fields == 0) {
            conll_end_sentence(&cr);
        } else if (first_end - first == 10 && !memcmp(s + first, "-DOCSTART-", 10)) {
            conll_end_document(&cr);
        } else if (fields < 2) {
            conll_end_document(&cr);
            return fail(err, ANN_ERR_INPUT, name, line, 1, "a token line needs a word and a tag");
        } else if (conll_token(&cr, s + first, first_end - first, s + last, last_end - last, line, last + 1, err) !=
                   ANN_OK) {
            conll_end_document(&cr);
            return ANN_ERR_INPUT;
        }
    }
    conll_end_document(&cr);
    return ANN_OK;
}

/* ---- annotating in memory ------------------------------------------------------ */

typedef struct {
    char *data;
    size_t len, cap;
} membuf;

static int membuf_write(void *ctx, const char *data, size_t len)
{
    membuf *b = ctx;
    grow_array((void **)&b->data, &b->cap, b->len + len, 1);
    memcpy(b->data + b->len, data, len);
    b->len += len;
    return 0;
}

int eval_annotate(eval_set *system, const ann_rules *rules, const eval_source *sources, size_t count,
                  const ann_stream_options *opts, ann_error *err)
{
    membuf xml = {0};
    ann_output *out = ann_output_new(membuf_write, NULL, &xml, 0, err);
    if (!out)
        return ANN_ERR_OUTPUT;
    size_t failures = 0;
    int rc = ANN_OK;
    for (size_t i = 0; rc == ANN_OK && i < count; i++) {
        ann_stream *st = ann_stream_new(rules, out, sources[i].name, opts);
        rc = ann_stream_feed(st, sources[i].data, sources[i].len, err);
        if (rc == ANN_OK)
            rc = ann_stream_finish(st, err);
        failures += ann_stream_failures(st);
        ann_stream_free(st);
    }
    if (rc == ANN_OK)
        rc = ann_output_finish(out, err);
    ann_output_free(out);
    if (rc == ANN_OK)
        rc = eval_read_xml(system, "annotator output", xml.data, xml.len, err);
    free(xml.data);
    if (rc == ANN_OK && failures)
        rc = fail(err, ANN_ERR_INPUT, NULL, 0, 0, "%zu document%s or part%s of the input could not be annotated",
                  failures, failures == 1 ? "" : "s", failures == 1 ? "" : "s");
    return rc;
}

/* ---- gold stances (JSON) ------------------------------------------------------- */

/* A reader for the one JSON shape a stances file has: a list of objects whose
 * values are strings. Anything else is an error with its line and column. */
typedef struct {
    const char *name;
    const char *s;
    size_t len, pos;
    unsigned long line;
    size_t line_start;
    ann_error *err;
} json_in;

static int json_fail(json_in *in, const char *what)
{
    return fail(in->err, ANN_ERR_INPUT, in->name, in->line, (unsigned long)(in->pos - in->line_start + 1), "%s",
                what);
}

static void json_skip_space(json_in *in)
{
    while (in->pos < in->len && is_space((unsigned char)in->s[in->pos])) {
        if (in->s[in->pos] == '\n') {
            in->line++;
            in->line_start = in->pos + 1;
        }
        in->pos++;
    }
}

/* Skips white space, then takes c if it is next. */
static int json_take(json_in *in, char c)
{
    json_skip_space(in);
    if (in->pos < in->len && in->s[in->pos] == c) {
        in->pos++;
        return 1;
    }
    return 0;
}

static int json_hex4(json_in *in, unsigned *out)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        int h = in->pos < in->len ? hex_value(in->s[in->pos]) : -1;
        if (h < 0)
            return json_fail(in, "\\u wants four hex digits");
        v = v << 4 | (unsigned)h;
        in->pos++;
    }
    *out = v;
    return ANN_OK;
}

/* A string, at a '"' (after white space); *out is the caller's on success. */
static int json_string(json_in *in, char **out)
{
    json_skip_space(in);
    if (in->pos >= in->len || in->s[in->pos] != '"')
        return json_fail(in, "a string (\"...\") should be here");
    size_t open = in->pos++;
    membuf b = {0};
    for (;;) {
        if (in->pos >= in->len) {
            free(b.data);
            return json_fail(in, "the string does not end");
        }
        unsigned char c = (unsigned char)in->s[in->pos];
        if (c == '"') {
            in->pos++;
            break;
        }
        if (c < 0x20) {
            free(b.data);
            return json_fail(in, "a control character (a line break?) inside a string; write it as \\n");
        }
        if (c != '\\') {
            membuf_write(&b, in->s + in->pos++, 1);
            continue;
        }
        in->pos++;
        char e = in->pos < in->len ? in->s[in->pos] : '\0';
        const char *simple = strchr("\"\\/bfnrt", e);
        if (e && simple) {
            static const char plain[] = "\"\\/\b\f\n\r\t";
            membuf_write(&b, &plain[simple - "\"\\/bfnrt"], 1);
            in->pos++;
            continue;
        }
        if (e != 'u') {
            free(b.data);
            return json_fail(in, "unknown escape in a string");
        }
        in->pos++;
        unsigned cp = 0;
        if (json_hex4(in, &cp) != ANN_OK) {
            free(b.data);
            return ANN_ERR_INPUT;
        }
        if (cp >= 0xD800 && cp < 0xDC00 && in->pos + 1 < in->len && in->s[in->pos] == '\\' &&
            in->s[in->pos + 1] == 'u') {
            in->pos += 2;
            unsigned low = 0;
            if (json_hex4(in, &low) != ANN_OK) {
                free(b.data);
                return ANN_ERR_INPUT;
            }
            cp = low >= 0xDC00 && low < 0xE000 ? 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00) : 0xFFFD;
        }
        if (cp == 0 || (cp >= 0xD800 && cp < 0xE000)) {
            free(b.data);
            return json_fail(in, "\\u0000 or a lone surrogate in a string");
        }
        utf8proc_uint8_t enc[4];
        membuf_write(&b, (const char *)enc, (size_t)utf8proc_encode_char((utf8proc_int32_t)cp, enc));
    }
    membuf_write(&b, "", 1);
    /* with no buffer, decompose only checks: below 0 is invalid UTF-8 */
    if (utf8proc_decompose((const utf8proc_uint8_t *)b.data, (utf8proc_ssize_t)(b.len - 1), NULL, 0, 0) < 0) {
        free(b.data);
        in->pos = open;     /* strings hold no newline, so the line is the same */
        return json_fail(in, "the string is not valid UTF-8");
    }
    *out = b.data;
    return ANN_OK;
}

static void free_stance(eval_stance *st)
{
    free(st->holder);
    free(st->target);
    free(st->polarity);
    free(st->evidence);
}

/* One {"holder": ..., "target": ..., "polarity": ..., "evidence": ...}. */
static int json_stance(json_in *in, eval_stance *st)
{
    memset(st, 0, sizeof *st);
    json_skip_space(in);
    st->line = in->line;
    unsigned long open_line = in->line;
    size_t open_col = in->pos - in->line_start + 1;
    if (!json_take(in, '{'))
        return json_fail(in, "a stance object ({...}) should be here");
    if (!json_take(in, '}')) {
        do {
            char *key, *value;
            if (json_string(in, &key) != ANN_OK)
                return ANN_ERR_INPUT;
            char **slot = !strcmp(key, "holder")     ? &st->holder
                          : !strcmp(key, "target")   ? &st->target
                          : !strcmp(key, "polarity") ? &st->polarity
                          : !strcmp(key, "evidence") ? &st->evidence
                                                     : NULL;
            int rc = ANN_OK;
            if (!slot)
                rc = fail(in->err, ANN_ERR_INPUT, in->name, in->line, 0,
                          "unknown key \"%.40s\" (a stance has holder, target, polarity and evidence)", key);
            else if (*slot)
                rc = fail(in->err, ANN_ERR_INPUT, in->name, in->line, 0, "\"%s\" given twice", key);
            free(key);
            if (rc != ANN_OK)
                return rc;
            if (!json_take(in, ':'))
                return json_fail(in, "':' should follow a key");
            if (json_string(in, &value) != ANN_OK)
                return ANN_ERR_INPUT;
            *slot = value;
        } while (json_take(in, ','));
        if (!json_take(in, '}'))
            return json_fail(in, "',' or '}' should be here");
    }
    const char *missing = !st->holder || !st->holder[0]       ? "holder"
                          : !st->target || !st->target[0]     ? "target"
                          : !st->polarity || !st->polarity[0] ? "polarity"
                                                              : NULL;
    if (missing)
        return fail(in->err, ANN_ERR_INPUT, in->name, open_line, (unsigned long)open_col,
                    "this stance has no %s (holder, target and polarity are required)", missing);
    if (strcmp(st->polarity, "favor") && strcmp(st->polarity, "against") && strcmp(st->polarity, "neutral"))
        return fail(in->err, ANN_ERR_INPUT, in->name, open_line, (unsigned long)open_col,
                    "polarity \"%.40s\" is not favor, against or neutral", st->polarity);
    return ANN_OK;
}

int eval_read_stances(eval_set *set, const char *name, const char *json, size_t len, ann_error *err)
{
    json_in in = {name, json, len, 0, 1, 0, err};
    /* a UTF-8 BOM is allowed before the list */
    if (len >= 3 && !memcmp(json, "\xEF\xBB\xBF", 3))
        in.pos = 3;
    if (!json_take(&in, '['))
        return json_fail(&in, "a stances file is a JSON list: '[' should be here");
    eval_stance *list = NULL;
    size_t count = 0, cap = 0;
    int rc = ANN_OK;
    if (!json_take(&in, ']')) {
        do {
            eval_stance st;
            rc = json_stance(&in, &st);
            if (rc != ANN_OK) {
                free_stance(&st);
                break;
            }
            ARRAY_PUSH(list, count, cap, st);
        } while (json_take(&in, ','));
        if (rc == ANN_OK && !json_take(&in, ']'))
            rc = json_fail(&in, "',' or ']' should be here");
    }
    json_skip_space(&in);
    if (rc == ANN_OK && in.pos < in.len)
        rc = json_fail(&in, "text after the end of the list");
    if (rc != ANN_OK) {
        for (size_t i = 0; i < count; i++)
            free_stance(&list[i]);
        free(list);
        return rc;
    }
    eval_doc *doc = add_doc(set, name, "", name, 1);
    doc->name[strlen(name)] = '\0';     /* just FILE: the file is one document */
    doc->stances = list;
    doc->stance_count = count;
    doc->stance_cap = cap;
    return ANN_OK;
}

/* ---- do both sides hold the same text? ---------------------------------------- */

unsigned long eval_line(const eval_doc *doc, size_t off)
{
    if (doc->token_count) {
        /* the last token starting at or before off */
        size_t lo = 0, hi = doc->token_count;
        while (hi - lo > 1) {
            size_t mid = lo + (hi - lo) / 2;
            if (doc->token_start[mid] <= off)
                lo = mid;
            else
                hi = mid;
        }
        return doc->token_line[lo];
    }
    /* the number of newlines before off */
    size_t lo = 0, hi = doc->newline_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (doc->newlines[mid] < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return doc->line + lo;
}

/* text[at..at+n) for a message: on one line, non-printing bytes as \n, \xHH. */
static void show_bytes(char *out, size_t cap, const char *text, size_t len, size_t at, size_t n)
{
    size_t o = 0;
    for (size_t i = at; i < len && i < at + n && o + 5 < cap; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n')
            o += (size_t)snprintf(out + o, cap - o, "\\n");
        else if (c == '\r')
            o += (size_t)snprintf(out + o, cap - o, "\\r");
        else if (c == '\t')
            o += (size_t)snprintf(out + o, cap - o, "\\t");
        else if (c < 0x20 || c == 0x7f)
            o += (size_t)snprintf(out + o, cap - o, "\\x%02X", c);
        else
            out[o++] = (char)c;
    }
    out[o] = '\0';
}

int eval_check_texts(const eval_set *gold, const eval_set *system, ann_error *err)
{
    size_t n = gold->count < system->count ? gold->count : system->count;
    for (size_t d = 0; d < n; d++) {
        const eval_doc *g = &gold->docs[d], *s = &system->docs[d];
        size_t i = 0, common = g->len < s->len ? g->len : s->len;
        while (i < common && g->text[i] == s->text[i])
            i++;
        if (i == g->len && i == s->len)
            continue;
        size_t line_start = i;
        while (line_start > 0 && g->text[line_start - 1] != '\n')
            line_start--;
        size_t from = i > 20 ? i - 20 : 0;
        char want[160], got[160];
        show_bytes(want, sizeof want, g->text, g->len, from, i - from + 30);
        show_bytes(got, sizeof got, s->text, s->len, from, i - from + 30);
        const char *id = strrchr(g->name, '#');
        return fail(err, ANN_ERR_INPUT, s->source, eval_line(s, i), i - line_start + 1,
                    "the input does not match gold document %s of %.*s at byte %zu of the document%s: "
                    "gold has \"%s\", the input \"%s\"",
                    id ? id + 1 : g->name, (int)(id ? (size_t)(id - g->name) : strlen(g->name)), g->name, i,
                    i == g->len ? " (gold ends first)" : i == s->len ? " (the input ends first)" : "", want, got);
    }
    if (gold->count != system->count)
        return fail(err, ANN_ERR_INPUT, NULL, 0, 0,
                    "gold holds %zu document%s and the system side %zu: they must match one to one, in order",
                    gold->count, gold->count == 1 ? "" : "s", system->count);
    return ANN_OK;
}

/* ---- types ----------------------------------------------------------------- */

static const char *conll_type(const char *type)
{
    static const char *const map[][2] = {
        {"PERSON", "PER"}, {"ORG", "ORG"}, {"GPE", "LOC"}, {"LOC", "LOC"},
        {"FAC", "LOC"},    {"NORP", "MISC"}, {"EVENT", "MISC"},
    };
    for (size_t i = 0; i < sizeof map / sizeof *map; i++)
        if (!strcmp(type, map[i][0]))
            return map[i][1];
    return NULL;
}

/* Document order: by start, outer (longer) first, then as written. */
static int compare_outer_first(const void *a, const void *b)
{
    const eval_span *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

void eval_map_conll(eval_set *set)
{
    for (size_t d = 0; d < set->count; d++) {
        eval_doc *doc = &set->docs[d];
        size_t kept = 0;
        for (size_t i = 0; i < doc->span_count; i++) {
            eval_span sp = doc->spans[i];
            const char *mapped = conll_type(sp.type);
            free(sp.type);
            if (!mapped)
                continue;
            sp.type = xstrdup(mapped);
            doc->spans[kept++] = sp;
        }
        doc->span_count = kept;
        if (kept)
            qsort(doc->spans, kept, sizeof *doc->spans, compare_outer_first);
        /* Entities never cross, so a span starting before the end of the
         * last one kept lies inside it. */
        size_t outer_end = 0;
        int any = 0;
        kept = 0;
        for (size_t i = 0; i < doc->span_count; i++) {
            eval_span sp = doc->spans[i];
            if (any && sp.start < outer_end) {
                free(sp.type);
                continue;
            }
            any = 1;
            outer_end = sp.end;
            doc->spans[kept++] = sp;
        }
        doc->span_count = kept;
    }
}

void eval_keep_types(eval_set *set, const char *const *types, size_t count)
{
    for (size_t d = 0; d < set->count; d++) {
        eval_doc *doc = &set->docs[d];
        size_t kept = 0;
        for (size_t i = 0; i < doc->span_count; i++) {
            size_t t = 0;
            while (t < count && strcmp(types[t], doc->spans[i].type))
                t++;
            if (t < count)
                doc->spans[kept++] = doc->spans[i];
            else
                free(doc->spans[i].type);
        }
        doc->span_count = kept;
    }
}

/* ---- scoring --------------------------------------------------------------- */

static int compare_key(const eval_span *x, const eval_span *y)
{
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return strcmp(x->type, y->type);
}

static int compare_span_ptr(const void *a, const void *b)
{
    const eval_span *x = *(const eval_span *const *)a, *y = *(const eval_span *const *)b;
    int c = compare_key(x, y);
    return c ? c : (x->order < y->order ? -1 : x->order > y->order);
}

static const eval_span **sorted_spans(const eval_doc *doc)
{
    const eval_span **v = xmalloc((doc->span_count ? doc->span_count : 1) * sizeof *v);
    for (size_t i = 0; i < doc->span_count; i++)
        v[i] = &doc->spans[i];
    if (doc->span_count)
        qsort(v, doc->span_count, sizeof *v, compare_span_ptr);
    return v;
}

typedef struct {
    eval_score *items;
    size_t count, cap;
} score_table;

static eval_score *score_for(score_table *t, const char *type)
{
    for (size_t i = 0; i < t->count; i++)
        if (!strcmp(t->items[i].type, type))
            return &t->items[i];
    eval_score s = {.type = xstrdup(type)};
    ARRAY_PUSH(t->items, t->count, t->cap, s);
    return &t->items[t->count - 1];
}

/* A span of v[0..n) (sorted) with the same start and end as sp, or NULL. */
static const eval_span *same_place(const eval_span *const *v, size_t n, const eval_span *sp)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid]->start < sp->start || (v[mid]->start == sp->start && v[mid]->end < sp->end))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && v[lo]->start == sp->start && v[lo]->end == sp->end ? v[lo] : NULL;
}

static int in_sorted(const size_t *v, size_t n, size_t x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && v[lo] == x;
}

static void push_item(eval_item **items, size_t *count, size_t *cap, const eval_doc *doc, const eval_span *sp,
                      const eval_span *other, int flags)
{
    eval_item it = {doc, sp->start, sp->end, sp->type, NULL, flags};
    if (other && strcmp(other->type, sp->type)) {
        it.flags |= EVAL_OTHER_TYPE;
        it.other_type = other->type;
    }
    ARRAY_PUSH(*items, *count, *cap, it);
}

static void set_ratios(eval_score *s)
{
    s->precision = s->system ? 100.0 * (double)s->correct / (double)s->system : 0;
    s->recall = s->gold ? 100.0 * (double)s->correct / (double)s->gold : 0;
    s->f1 = s->precision + s->recall > 0 ? 2 * s->precision * s->recall / (s->precision + s->recall) : 0;
}

static int compare_score_type(const void *a, const void *b)
{
    return strcmp(((const eval_score *)a)->type, ((const eval_score *)b)->type);
}

eval_result *eval_run(const eval_set *gold, const eval_set *system)
{
    eval_result *r = xcalloc(1, sizeof *r);
    score_table table = {0};
    size_t miss_cap = 0, fa_cap = 0;
    size_t n = gold->count < system->count ? gold->count : system->count;
    r->documents = n;
    for (size_t d = 0; d < n; d++) {
        const eval_doc *g = &gold->docs[d], *s = &system->docs[d];
        const eval_span **gv = sorted_spans(g), **sv = sorted_spans(s);
        size_t i = 0, j = 0;
        while (i < g->span_count || j < s->span_count) {
            int c = i == g->span_count ? 1 : j == s->span_count ? -1 : compare_key(gv[i], sv[j]);
            if (c == 0) {
                eval_score *t = score_for(&table, gv[i]->type);
                t->gold++, t->system++, t->correct++;
                i++, j++;
            } else if (c < 0) {
                score_for(&table, gv[i]->type)->gold++;
                push_item(&r->misses, &r->miss_count, &miss_cap, g, gv[i], same_place(sv, s->span_count, gv[i]), 0);
                i++;
            } else {
                score_for(&table, sv[j]->type)->system++;
                int flags = g->token_count && !(in_sorted(g->token_start, g->token_count, sv[j]->start) &&
                                                in_sorted(g->token_end, g->token_count, sv[j]->end))
                                ? EVAL_OFF_TOKENS : 0;
                /* the false alarm is shown in the gold document, which has the
                 * same text and knows the source lines */
                push_item(&r->false_alarms, &r->false_alarm_count, &fa_cap, g, sv[j],
                          same_place(gv, g->span_count, sv[j]), flags);
                j++;
            }
        }
        free(gv);
        free(sv);
    }
    /* The items point at the spans' type strings; those stay in the sets. */
    if (table.count)
        qsort(table.items, table.count, sizeof *table.items, compare_score_type);
    for (size_t i = 0; i < table.count; i++) {
        set_ratios(&table.items[i]);
        r->overall.gold += table.items[i].gold;
        r->overall.system += table.items[i].system;
        r->overall.correct += table.items[i].correct;
    }
    set_ratios(&r->overall);
    r->types = table.items;
    r->type_count = table.count;
    return r;
}

void eval_result_free(eval_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->type_count; i++)
        free(r->types[i].type);
    free(r->types);
    free(r->misses);
    free(r->false_alarms);
    free(r);
}

/* ---- scoring stances ---------------------------------------------------------- */

char *eval_stance_norm(const char *s)
{
    utf8proc_uint8_t *folded = NULL;
    char *f;
    if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &folded,
                     UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD) >= 0) {
        f = xstrdup((const char *)folded);
        free(folded);
    } else {
        /* not UTF-8: fold ASCII only */
        f = xstrdup(s);
        for (char *p = f; *p; p++)
            *p = (char)tolower((unsigned char)*p);
    }
    size_t o = 0;
    for (size_t i = 0; f[i];) {
        if (is_space((unsigned char)f[i])) {
            while (is_space((unsigned char)f[i]))
                i++;
            if (o && f[i])
                f[o++] = ' ';
        } else {
            f[o++] = f[i++];
        }
    }
    f[o] = '\0';
    if (!strncmp(f, "the ", 4) && f[4])
        memmove(f, f + 4, o - 4 + 1);
    return f;
}

/* holder, target and polarity, normalised, as one string. */
static char *stance_key(const eval_stance *st)
{
    char *h = eval_stance_norm(st->holder), *t = eval_stance_norm(st->target);
    size_t n = strlen(h) + strlen(t) + strlen(st->polarity) + 3;
    char *k = xmalloc(n);
    snprintf(k, n, "%s\x1f%s\x1f%s", h, t, st->polarity);
    free(h);
    free(t);
    return k;
}

/* The keys of doc's stances, each distinct one once (the first stance with
 * it); *which[i] is the index of the stance key i comes from. */
static char **distinct_keys(const eval_doc *doc, size_t **which, size_t *count)
{
    char **keys = xmalloc((doc->stance_count ? doc->stance_count : 1) * sizeof *keys);
    *which = xmalloc((doc->stance_count ? doc->stance_count : 1) * sizeof **which);
    size_t n = 0;
    for (size_t i = 0; i < doc->stance_count; i++) {
        char *k = stance_key(&doc->stances[i]);
        size_t j = 0;
        while (j < n && strcmp(keys[j], k))
            j++;
        if (j < n) {
            free(k);
            continue;
        }
        (*which)[n] = i;
        keys[n++] = k;
    }
    *count = n;
    return keys;
}

static int key_in(char *const *keys, size_t n, const char *k)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(keys[i], k))
            return 1;
    return 0;
}

eval_stance_result *eval_run_stances(const eval_set *gold, const eval_set *system)
{
    eval_stance_result *r = xcalloc(1, sizeof *r);
    size_t n = gold->count < system->count ? gold->count : system->count;
    size_t miss_cap = 0, fa_cap = 0;
    r->docs = xcalloc(n ? n : 1, sizeof *r->docs);
    r->doc_count = n;
    for (size_t d = 0; d < n; d++) {
        const eval_doc *g = &gold->docs[d], *s = &system->docs[d];
        size_t *gw, *sw, gn, sn;
        char **gk = distinct_keys(g, &gw, &gn), **sk = distinct_keys(s, &sw, &sn);
        eval_score *score = &r->docs[d];
        score->type = xstrdup(s->source);
        score->gold = gn;
        score->system = sn;
        for (size_t i = 0; i < gn; i++) {
            if (key_in(sk, sn, gk[i])) {
                score->correct++;
            } else {
                eval_stance_item it = {s, &g->stances[gw[i]]};
                ARRAY_PUSH(r->misses, r->miss_count, miss_cap, it);
            }
        }
        for (size_t i = 0; i < sn; i++) {
            if (!key_in(gk, gn, sk[i])) {
                eval_stance_item it = {s, &s->stances[sw[i]]};
                ARRAY_PUSH(r->false_alarms, r->false_alarm_count, fa_cap, it);
            }
        }
        set_ratios(score);
        r->overall.gold += score->gold;
        r->overall.system += score->system;
        r->overall.correct += score->correct;
        for (size_t i = 0; i < gn; i++)
            free(gk[i]);
        for (size_t i = 0; i < sn; i++)
            free(sk[i]);
        free(gk);
        free(sk);
        free(gw);
        free(sw);
    }
    set_ratios(&r->overall);
    return r;
}

void eval_stance_result_free(eval_stance_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->doc_count; i++)
        free(r->docs[i].type);
    free(r->docs);
    free(r->misses);
    free(r->false_alarms);
    free(r);
}

/* ---- context --------------------------------------------------------------- */

/* Appends text[from..to) with white space runs as one space. */
static void append_squeezed(membuf *b, const char *text, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        if (is_space((unsigned char)text[i])) {
            while (i + 1 < to && is_space((unsigned char)text[i + 1]))
                i++;
            membuf_write(b, " ", 1);
        } else {
            membuf_write(b, text + i, 1);
        }
    }
}

char *eval_context(const eval_doc *doc, size_t start, size_t end, int words)
{
    const char *t = doc->text;
    /* Context stays on the entity's lines: a line is a sentence in CoNLL text
     * and at least a paragraph in news text. */
    size_t left = start;
    for (int w = 0; w < words && left > 0 && t[left - 1] != '\n';) {
        while (left > 0 && t[left - 1] != '\n' && is_space((unsigned char)t[left - 1]))
            left--;
        if (left == 0 || t[left - 1] == '\n')
            break;
        while (left > 0 && !is_space((unsigned char)t[left - 1]))
            left--;
        w++;
    }
    size_t right = end;
    for (int w = 0; w < words && right < doc->len && t[right] != '\n';) {
        while (right < doc->len && t[right] != '\n' && is_space((unsigned char)t[right]))
            right++;
        if (right == doc->len || t[right] == '\n')
            break;
        while (right < doc->len && !is_space((unsigned char)t[right]))
            right++;
        w++;
    }
    while (left < start && is_space((unsigned char)t[left]))
        left++;
    while (right > end && is_space((unsigned char)t[right - 1]))
        right--;
    membuf b = {0};
    append_squeezed(&b, t, left, start);
    membuf_write(&b, "[[", 2);
    append_squeezed(&b, t, start, end);
    membuf_write(&b, "]]", 2);
    append_squeezed(&b, t, end, right);
    membuf_write(&b, "", 1);
    return b.data;
}

/* ---- reports --------------------------------------------------------------- */

/* s on one line: control bytes (there are no newlines left after
 * append_squeezed, but a bare CR or NUL-like byte may remain) as spaces. */
static void put_plain(FILE *f, const char *s)
{
    for (; *s; s++)
        fputc((unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s, f);
}

static void put_location(FILE *f, const eval_item *it)
{
    fprintf(f, "%s:%lu", it->doc->source, eval_line(it->doc, it->start));
}

static void write_items(FILE *f, const char *title, const char *what, const eval_item *items, size_t count,
                        size_t max, int gold_side)
{
    size_t shown = count < max ? count : max;
    fprintf(f, "\n%s: %zu (%s)", title, count, what);
    if (shown < count)
        fprintf(f, "; the first %zu", shown);
    fprintf(f, "\n");
    for (size_t i = 0; i < shown; i++) {
        const eval_item *it = &items[i];
        char *ctx = eval_context(it->doc, it->start, it->end, CONTEXT_WORDS);
        fprintf(f, "  %-8s ", it->type);
        put_location(f, it);
        fprintf(f, "  ");
        put_plain(f, ctx);
        if (it->flags & EVAL_OTHER_TYPE)
            fprintf(f, "  (%s: %s)", gold_side ? "system" : "gold", it->other_type);
        if (it->flags & EVAL_OFF_TOKENS)
            fprintf(f, "  (not on token boundaries)");
        fprintf(f, "\n");
        free(ctx);
    }
}

int eval_write_table(FILE *f, const eval_result *r, size_t max_errors)
{
    int width = 7;
    for (size_t i = 0; i < r->type_count; i++)
        if ((int)strlen(r->types[i].type) > width)
            width = (int)strlen(r->types[i].type);
    fprintf(f, "%-*s %7s %7s %7s %9s %7s %7s\n", width, "type", "gold", "system", "correct", "precision", "recall",
            "F1");
    for (size_t i = 0; i <= r->type_count; i++) {
        const eval_score *s = i < r->type_count ? &r->types[i] : &r->overall;
        fprintf(f, "%-*s %7zu %7zu %7zu %9.2f %7.2f %7.2f\n", width, s->type ? s->type : "overall", s->gold,
                s->system, s->correct, s->precision, s->recall, s->f1);
    }
    fprintf(f, "%zu document%s; an entity is correct when its start, end and type all match\n", r->documents,
            r->documents == 1 ? "" : "s");
    if (max_errors) {
        write_items(f, "misses", "gold entities the system did not find", r->misses, r->miss_count, max_errors, 1);
        write_items(f, "false alarms", "system entities not in gold", r->false_alarms, r->false_alarm_count,
                    max_errors, 0);
    }
    return ferror(f) ? -1 : 0;
}

/* A JSON string: UTF-8 kept, invalid bytes as U+FFFD, controls escaped. */
static void put_json_string(FILE *f, const char *s, size_t n)
{
    fputc('"', f);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            fprintf(f, "\\%c", c);
            i++;
        } else if (c < 0x20 || c == 0x7f) {
            fprintf(f, "\\u%04x", c);
            i++;
        } else if (c < 0x80) {
            fputc(c, f);
            i++;
        } else {
            utf8proc_int32_t cp;
            utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
            if (k < 0) {
                fputs("\\ufffd", f);
                i++;
            } else {
                fwrite(s + i, 1, (size_t)k, f);
                i += (size_t)k;
            }
        }
    }
    fputc('"', f);
}

static void put_json_score(FILE *f, const eval_score *s)
{
    fprintf(f, "{\"type\": ");
    if (s->type)
        put_json_string(f, s->type, strlen(s->type));
    else
        fprintf(f, "null");
    fprintf(f, ", \"gold\": %zu, \"system\": %zu, \"correct\": %zu, \"precision\": %.2f, \"recall\": %.2f, \"f1\": %.2f}",
            s->gold, s->system, s->correct, s->precision, s->recall, s->f1);
}

static void put_json_items(FILE *f, const char *key, const eval_item *items, size_t count, size_t max,
                           const char *other_key)
{
    size_t shown = count < max ? count : max;
    fprintf(f, "  \"%s_total\": %zu,\n  \"%s\": [", key, count, key);
    for (size_t i = 0; i < shown; i++) {
        const eval_item *it = &items[i];
        char *ctx = eval_context(it->doc, it->start, it->end, CONTEXT_WORDS);
        fprintf(f, "%s\n    {\"type\": ", i ? "," : "");
        put_json_string(f, it->type, strlen(it->type));
        fprintf(f, ", \"text\": ");
        put_json_string(f, it->doc->text + it->start, it->end - it->start);
        fprintf(f, ", \"document\": ");
        put_json_string(f, it->doc->name, strlen(it->doc->name));
        fprintf(f, ", \"source\": ");
        put_json_string(f, it->doc->source, strlen(it->doc->source));
        fprintf(f, ", \"line\": %lu, \"start\": %zu, \"end\": %zu, \"context\": ", eval_line(it->doc, it->start),
                it->start, it->end);
        put_json_string(f, ctx, strlen(ctx));
        if (it->flags & EVAL_OTHER_TYPE) {
            fprintf(f, ", \"%s\": ", other_key);
            put_json_string(f, it->other_type, strlen(it->other_type));
        }
        if (it->flags & EVAL_OFF_TOKENS)
            fprintf(f, ", \"off_token_boundaries\": true");
        fprintf(f, "}");
        free(ctx);
    }
    fprintf(f, "%s]", shown ? "\n  " : "");
}

/* The members of the entity report's JSON object, without its braces. */
static void put_json_result(FILE *f, const eval_result *r, size_t max_errors)
{
    fprintf(f, "  \"documents\": %zu,\n  \"types\": [", r->documents);
    for (size_t i = 0; i < r->type_count; i++) {
        fprintf(f, "%s\n    ", i ? "," : "");
        put_json_score(f, &r->types[i]);
    }
    fprintf(f, "%s],\n  \"overall\": ", r->type_count ? "\n  " : "");
    put_json_score(f, &r->overall);
    fprintf(f, ",\n");
    put_json_items(f, "misses", r->misses, r->miss_count, max_errors, "system_type");
    fprintf(f, ",\n");
    put_json_items(f, "false_alarms", r->false_alarms, r->false_alarm_count, max_errors, "gold_type");
}

int eval_write_json(FILE *f, const eval_result *r, size_t max_errors)
{
    fprintf(f, "{\n");
    put_json_result(f, r, max_errors);
    fprintf(f, "\n}\n");
    return ferror(f) ? -1 : 0;
}

/* ---- stance reports --------------------------------------------------------- */

static void write_stance_items(FILE *f, const char *title, const char *what, const eval_stance_item *items,
                               size_t count, size_t max)
{
    size_t shown = count < max ? count : max;
    fprintf(f, "\n%s: %zu (%s)", title, count, what);
    if (shown < count)
        fprintf(f, "; the first %zu", shown);
    fprintf(f, "\n");
    for (size_t i = 0; i < shown; i++) {
        const eval_stance *st = items[i].stance;
        fprintf(f, "  %-8s %s: ", st->polarity, items[i].doc->source);
        put_plain(f, st->holder);
        fprintf(f, " -> ");
        put_plain(f, st->target);
        if (st->evidence) {
            fprintf(f, "  (");
            put_plain(f, st->evidence);
            fprintf(f, ")");
        }
        fprintf(f, "\n");
    }
}

int eval_write_stance_table(FILE *f, const eval_stance_result *r, size_t max_errors)
{
    int width = 8;
    for (size_t i = 0; i < r->doc_count; i++)
        if ((int)strlen(r->docs[i].type) > width)
            width = (int)strlen(r->docs[i].type);
    fprintf(f, "%-*s %7s %7s %7s %9s %7s %7s\n", width, "document", "gold", "system", "correct", "precision",
            "recall", "F1");
    for (size_t i = 0; i <= r->doc_count; i++) {
        const eval_score *s = i < r->doc_count ? &r->docs[i] : &r->overall;
        fprintf(f, "%-*s %7zu %7zu %7zu %9.2f %7.2f %7.2f\n", width, i < r->doc_count ? s->type : "overall",
                s->gold, s->system, s->correct, s->precision, s->recall, s->f1);
    }
    fprintf(f, "%zu document%s; a stance is correct when its polarity, holder and target match a gold one "
               "(case, spaces and a leading \"the\" aside)\n",
            r->doc_count, r->doc_count == 1 ? "" : "s");
    if (max_errors) {
        write_stance_items(f, "stance misses", "gold stances the system did not find", r->misses, r->miss_count,
                           max_errors);
        write_stance_items(f, "stance false alarms", "system stances not in gold", r->false_alarms,
                           r->false_alarm_count, max_errors);
    }
    return ferror(f) ? -1 : 0;
}

static void put_json_stance_items(FILE *f, const char *key, const eval_stance_item *items, size_t count,
                                  size_t max)
{
    size_t shown = count < max ? count : max;
    fprintf(f, "    \"%s_total\": %zu,\n    \"%s\": [", key, count, key);
    for (size_t i = 0; i < shown; i++) {
        const eval_stance *st = items[i].stance;
        fprintf(f, "%s\n      {\"source\": ", i ? "," : "");
        put_json_string(f, items[i].doc->source, strlen(items[i].doc->source));
        fprintf(f, ", \"holder\": ");
        put_json_string(f, st->holder, strlen(st->holder));
        fprintf(f, ", \"target\": ");
        put_json_string(f, st->target, strlen(st->target));
        fprintf(f, ", \"polarity\": ");
        put_json_string(f, st->polarity, strlen(st->polarity));
        if (st->evidence) {
            fprintf(f, ", \"evidence\": ");
            put_json_string(f, st->evidence, strlen(st->evidence));
        }
        fprintf(f, "}");
    }
    fprintf(f, "%s]", shown ? "\n    " : "");
}

int eval_write_stance_json(FILE *f, const eval_stance_result *r, size_t max_errors)
{
    fprintf(f, "  \"stances\": {\n    \"documents\": [");
    for (size_t i = 0; i < r->doc_count; i++) {
        fprintf(f, "%s\n      ", i ? "," : "");
        put_json_score(f, &r->docs[i]);
    }
    fprintf(f, "%s],\n    \"overall\": ", r->doc_count ? "\n    " : "");
    put_json_score(f, &r->overall);
    fprintf(f, ",\n");
    put_json_stance_items(f, "misses", r->misses, r->miss_count, max_errors);
    fprintf(f, ",\n");
    put_json_stance_items(f, "false_alarms", r->false_alarms, r->false_alarm_count, max_errors);
    fprintf(f, "\n  }");
    return ferror(f) ? -1 : 0;
}

/* ---- the command line ---------------------------------------------------------- */

void print_options(FILE *f, const option_doc *options, size_t count, int width)
{
    for (size_t i = 0; i < count; i++) {
        char left[40];
        snprintf(left, sizeof left, "%s%s%s", options[i].name, options[i].arg ? " " : "",
                 options[i].arg ? options[i].arg : "");
        fprintf(f, "  %-*s %s\n", width, left, options[i].help);
    }
}

/* What the parser accepts and what --help prints. */
static const option_doc eval_options[] = {
    {"--gold", "FILE", "gold annotations in annotator XML (repeatable: documents are taken in order)"},
    {"--system", "FILE", "compare with this annotator XML instead of annotating (repeatable)"},
    {"--conll", "FILE", "gold in CoNLL-2003 format: eval builds the text, annotates it, maps types (repeatable)"},
    {"--stances", "FILE", "gold stances in JSON for the next document, in order (repeatable): scores stances"},
    {"--rules", "PATH", "add a rule file or folder, as when annotating (repeatable)"},
    {"--no-default-rules", NULL, "do not load the built-in rules"},
    {"--max-doc-size", "N", "as when annotating (default 64M)"},
    {"--types", "LIST", "score only these types, comma-separated (CoNLL ones with --conll: PER,ORG,...)"},
    {"--errors", "N", "list at most N misses and N false alarms (default 20; 0: none; all)"},
    {"--json", NULL, "write JSON instead of a table"},
    {"--min-f1", "X", "exit 1 when overall F1 (a percentage, 0 to 100; the stance F1 with --stances) is below X"},
    {"-h, --help", NULL, "show this help"},
};

static void eval_usage(FILE *f)
{
    fprintf(f,
            "usage: annotator eval [OPTIONS] --gold GOLD.xml [FILE|DIR|-]...\n"
            "       annotator eval [OPTIONS] --gold GOLD.xml --system SYSTEM.xml\n"
            "       annotator eval [OPTIONS] --conll FILE\n"
            "       annotator eval [OPTIONS] --stances GOLD.json... [--gold GOLD.xml...] FILE...\n\n"
            "Scores annotations against gold ones: precision, recall and F1 per type and\n"
            "overall (micro-averaged), then the misses and false alarms in context. An\n"
            "entity is correct only when its start, end and type all match a gold one.\n\n"
            "With --gold, the input (FILEs, folders or stdin, cut into documents as when\n"
            "annotating) is annotated with the rules and compared with the gold documents\n"
            "in order; each gold document's text must equal its input document byte for\n"
            "byte. Without FILE operands the text of the gold documents is annotated. With\n"
            "--system, that XML is compared instead. Every entity counts, nested ones too.\n\n"
            "With --conll, the tokens are joined by spaces, one sentence a line, each\n"
            "-DOCSTART- document annotated on its own; types are mapped PERSON->PER,\n"
            "ORG->ORG, GPE/LOC/FAC->LOC, NORP/EVENT->MISC (others are ignored), only the\n"
            "outermost mapped entity counts (CoNLL has no nesting), and a system entity\n"
            "that does not start and end on token boundaries is a false alarm.\n\n"
            "With --stances, the stances of each document (its <stance-summary> elements)\n"
            "are scored against the gold list of the JSON file given for it, in order:\n"
            "each distinct (holder, target, polarity) counts once per document, and a\n"
            "stance is correct when its polarity is the same and its holder and target are\n"
            "equal apart from case, white space and a leading \"the\".\n\n"
            "Options:\n");
    print_options(f, eval_options, sizeof eval_options / sizeof *eval_options, 22);
    fprintf(f, "\nExit status:\n"
               "  0  the evaluation ran (whatever the score)\n"
               "  1  overall F1 (the stance F1 with --stances) is below --min-f1\n"
               "  2  usage error, or input that cannot be read or does not match the gold\n");
}

static int eval_usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "annotator eval: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'annotator eval --help'.\n");
    return EXIT_EVAL_USAGE_INPUT;
}

void print_diagnostic(const ann_error *e, const char *unnamed)
{
    /* with --jobs a stream's writer thread reports too: keep each line whole */
    flockfile(stderr);
    fprintf(stderr, "annotator: ");
    const char *file = e->file[0] ? e->file : unnamed;
    if (file) {
        fprintf(stderr, "%s", file);
        if (e->line) {
            fprintf(stderr, ":%lu", e->line);
            if (e->column)
                fprintf(stderr, ":%lu", e->column);
        }
        if (e->byte >= 0)
            fprintf(stderr, ": byte %lld", e->byte);
        fprintf(stderr, ": ");
    }
    fprintf(stderr, "%s%s\n", e->severity == ANN_DIAG_WARNING ? "warning: " : "", e->message);
    funlockfile(stderr);
}

static void print_error(void *ctx, const ann_error *e)
{
    (void)ctx;
    print_diagnostic(e, NULL);
}

/* Reads a whole file ("-": standard input). */
static int read_whole(const char *path, char **data, size_t *len, ann_error *err)
{
    FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;
    if (!f)
        return fail(err, ANN_ERR_INPUT, path, 0, 0, "%s", strerror(errno));
    membuf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        membuf_write(&b, chunk, n);
    int bad = ferror(f);
    int saved = errno;
    if (f != stdin)
        fclose(f);
    if (bad) {
        free(b.data);
        return fail(err, ANN_ERR_INPUT, path, 0, 0, "read error: %s", strerror(saved));
    }
    membuf_write(&b, "", 1);  /* a NUL after the data, and data is never NULL */
    *data = b.data;
    *len = b.len - 1;
    return ANN_OK;
}

typedef struct {
    char **names;           /* owned */
    char **data;            /* owned */
    size_t *lens;
    size_t count, cap;
} file_list;

static void file_list_free(file_list *fl)
{
    for (size_t i = 0; i < fl->count; i++) {
        free(fl->names[i]);
        free(fl->data[i]);
    }
    free(fl->names);
    free(fl->data);
    free(fl->lens);
}

static void file_list_add(file_list *fl, const char *name, char *data, size_t len)
{
    if (fl->count == fl->cap) {
        size_t cap = fl->cap;
        grow_array((void **)&fl->names, &cap, fl->count + 1, sizeof *fl->names);
        cap = fl->cap;
        grow_array((void **)&fl->data, &cap, fl->count + 1, sizeof *fl->data);
        cap = fl->cap;
        grow_array((void **)&fl->lens, &cap, fl->count + 1, sizeof *fl->lens);
        fl->cap = cap;
    }
    fl->names[fl->count] = xstrdup(name);
    fl->data[fl->count] = data;
    fl->lens[fl->count++] = len;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads path (a file, "-", or a folder walked as the annotator walks it: sorted,
 * recursively, without dot files; a file holding a NUL in its first 8 KiB is
 * binary and an error here). */
static int read_operand(file_list *fl, const char *path, int in_folder, ann_error *err)
{
    struct stat st;
    if (strcmp(path, "-") && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
        DIR *dir = opendir(path);
        if (!dir)
            return fail(err, ANN_ERR_INPUT, path, 0, 0, "cannot open folder: %s", strerror(errno));
        char **names = NULL;
        size_t count = 0, cap = 0;
        for (struct dirent *e; (e = readdir(dir));) {
            if (e->d_name[0] == '.')
                continue;
            size_t n = strlen(path) + strlen(e->d_name) + 2;
            char *full = xmalloc(n);
            snprintf(full, n, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", e->d_name);
            ARRAY_PUSH(names, count, cap, full);
        }
        closedir(dir);
        if (count)
            qsort(names, count, sizeof *names, compare_names);
        int rc = ANN_OK;
        for (size_t i = 0; i < count; i++) {
            if (rc == ANN_OK)
                rc = read_operand(fl, names[i], 1, err);
            free(names[i]);
        }
        free(names);
        return rc;
    }
    char *data;
    size_t len;
    int rc = read_whole(path, &data, &len, err);
    if (rc != ANN_OK)
        return rc;
    if (in_folder && memchr(data, '\0', len < 8192 ? len : 8192)) {
        free(data);
        return fail(err, ANN_ERR_INPUT, path, 0, 0, "looks binary (NUL byte in the first 8192 bytes)");
    }
    file_list_add(fl, path, data, len);
    return ANN_OK;
}

static int read_sets(eval_set *set, const char *const *paths, size_t count, int conll, ann_error *err)
{
    for (size_t i = 0; i < count; i++) {
        char *data;
        size_t len;
        int rc = read_whole(paths[i], &data, &len, err);
        if (rc == ANN_OK) {
            rc = conll ? eval_read_conll(set, paths[i], data, len, err) : eval_read_xml(set, paths[i], data, len, err);
            free(data);
        }
        if (rc != ANN_OK)
            return rc;
    }
    return ANN_OK;
}

static int parse_count(const char *s, size_t *out)
{
    if (!strcmp(s, "all")) {
        *out = (size_t)-1;
        return 0;
    }
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || end == s || *end || s[0] == '-')
        return -1;
    *out = v > SIZE_MAX ? SIZE_MAX : (size_t)v;
    return 0;
}

int parse_byte_size(const char *s, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    unsigned long long mult = 1;
    switch (*end) {
    case 'k': case 'K': mult = 1ULL << 10; end++; break;
    case 'm': case 'M': mult = 1ULL << 20; end++; break;
    case 'g': case 'G': mult = 1ULL << 30; end++; break;
    }
    if (errno || end == s || *end || s[0] == '-' || v == 0 || v > (1ULL << 32) / mult)
        return -1;
    *out = (size_t)(v * mult);
    return 0;
}

/* Splits a comma-separated list in place. */
static size_t split_types(char *list, const char **types, size_t max)
{
    size_t n = 0;
    for (char *tok = strtok(list, ","); tok && n < max; tok = strtok(NULL, ","))
        if (*tok)
            types[n++] = tok;
    return n;
}

typedef struct {
    const char **gold, **system, **conll, **rules, **operands, **stances;
    size_t gold_count, system_count, conll_count, rule_count, operand_count, stance_count;
    int default_rules, json, annotate_options;
    size_t max_errors;
    ann_stream_options opts;
    char *types_list;
    double min_f1;
    int has_min_f1;
} eval_args;

/* Parses argv into a; returns -1 to go on, or an exit status. */
static int parse_eval_args(int argc, char **argv, eval_args *a)
{
    int options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *o = argv[i];
        if (options_done || o[0] != '-' || !strcmp(o, "-")) {
            a->operands[a->operand_count++] = o;
            continue;
        }
        if (!strcmp(o, "--")) {
            options_done = 1;
            continue;
        }
        if (!strcmp(o, "-h") || !strcmp(o, "--help")) {
            eval_usage(stdout);
            return fflush(stdout) == 0 && !ferror(stdout) ? EXIT_EVAL_RAN : EXIT_EVAL_USAGE_INPUT;
        }
        if (!strcmp(o, "--json")) {
            a->json = 1;
            continue;
        }
        if (!strcmp(o, "--no-default-rules")) {
            a->default_rules = 0;
            a->annotate_options = 1;
            continue;
        }
        size_t k = 0, n = sizeof eval_options / sizeof *eval_options;
        while (k < n && !(eval_options[k].arg && !strcmp(eval_options[k].name, o)))
            k++;
        if (k == n)
            return eval_usage_error("unknown option %s", o);
        if (i + 1 >= argc)
            return eval_usage_error("option %s needs a value", o);
        const char *v = argv[++i];
        if (!strcmp(o, "--gold")) {
            a->gold[a->gold_count++] = v;
        } else if (!strcmp(o, "--system")) {
            a->system[a->system_count++] = v;
        } else if (!strcmp(o, "--conll")) {
            a->conll[a->conll_count++] = v;
        } else if (!strcmp(o, "--stances")) {
            a->stances[a->stance_count++] = v;
        } else if (!strcmp(o, "--rules")) {
            a->rules[a->rule_count++] = v;
            a->annotate_options = 1;
        } else if (!strcmp(o, "--max-doc-size")) {
            if (parse_byte_size(v, &a->opts.max_doc_size))
                return eval_usage_error("--max-doc-size wants a positive number of bytes up to 4G, not '%s'", v);
            a->annotate_options = 1;
        } else if (!strcmp(o, "--types")) {
            free(a->types_list);
            a->types_list = xstrdup(v);
        } else if (!strcmp(o, "--errors")) {
            if (parse_count(v, &a->max_errors))
                return eval_usage_error("--errors wants a number of entities or 'all', not '%s'", v);
        } else if (!strcmp(o, "--min-f1")) {
            char *end;
            a->min_f1 = strtod(v, &end);
            if (end == v || *end || !(a->min_f1 >= 0 && a->min_f1 <= 100))
                return eval_usage_error("--min-f1 wants a percentage from 0 to 100, not '%s'", v);
            a->has_min_f1 = 1;
        }
    }
    if (!a->gold_count && !a->conll_count && !a->stance_count)
        return eval_usage_error("%s", "give the gold annotations: --gold FILE.xml, --conll FILE or --stances "
                                      "FILE.json");
    if (a->stance_count && a->conll_count)
        return eval_usage_error("%s", "--stances goes with annotator text, not --conll");
    if (a->stance_count && !a->gold_count && !a->system_count && !a->operand_count)
        return eval_usage_error("%s", "--stances needs the documents: FILE operands or --system FILE.xml");
    if (a->gold_count && a->conll_count)
        return eval_usage_error("%s", "--gold and --conll cannot be mixed");
    if (a->system_count && a->conll_count)
        return eval_usage_error("%s", "--system goes with --gold, not --conll");
    if (a->conll_count && a->operand_count)
        return eval_usage_error("--conll takes its text from the CoNLL file; remove the operand %s", a->operands[0]);
    if (a->system_count && a->operand_count)
        return eval_usage_error("--system is compared as it is; remove the operand %s", a->operands[0]);
    if (a->system_count && a->annotate_options)
        return eval_usage_error("%s", "--system is compared as it is: --rules, --no-default-rules and "
                                      "--max-doc-size do not apply");
    return -1;
}

/* Reads the gold stance files, one document each, and checks that there is
 * one for each document of system. */
static int read_stance_sets(eval_set *set, const char *const *paths, size_t count, const eval_set *system,
                            ann_error *err)
{
    for (size_t i = 0; i < count; i++) {
        char *data;
        size_t len;
        int rc = read_whole(paths[i], &data, &len, err);
        if (rc == ANN_OK) {
            rc = eval_read_stances(set, paths[i], data, len, err);
            free(data);
        }
        if (rc != ANN_OK)
            return rc;
    }
    if (count && count != system->count)
        return fail(err, ANN_ERR_INPUT, NULL, 0, 0,
                    "%zu --stances file%s for %zu document%s: give one per document, in order", count,
                    count == 1 ? "" : "s", system->count, system->count == 1 ? "" : "s");
    return ANN_OK;
}

/* Makes the system side: reads --system, or annotates the operands (or the
 * gold text) with the rules. */
static int make_system(const eval_args *a, const eval_set *gold, eval_set *system, ann_error *err)
{
    if (a->system_count)
        return read_sets(system, a->system, a->system_count, 0, err);
    ann_rules *rules = ann_rules_new();
    int rc = a->default_rules ? ann_rules_add_builtin(rules, err) : ANN_OK;
    for (size_t i = 0; rc == ANN_OK && i < a->rule_count; i++)
        rc = ann_rules_add_path(rules, a->rules[i], err);
    if (rc == ANN_OK)
        rc = ann_rules_compile(rules, err);
    file_list files = {0};
    eval_source *sources = NULL;
    size_t count = 0;
    if (rc == ANN_OK && a->operand_count) {
        for (size_t i = 0; rc == ANN_OK && i < a->operand_count; i++)
            rc = read_operand(&files, a->operands[i], 0, err);
        count = files.count;
        sources = xcalloc(count, sizeof *sources);
        for (size_t i = 0; i < count; i++)
            sources[i] = (eval_source){files.names[i], files.data[i], files.lens[i]};
    } else if (rc == ANN_OK) {
        count = gold->count;
        sources = xcalloc(count, sizeof *sources);
        for (size_t i = 0; i < count; i++)
            sources[i] = (eval_source){gold->docs[i].source, gold->docs[i].text, gold->docs[i].len};
    }
    if (rc == ANN_OK)
        rc = eval_annotate(system, rules, sources, count, &a->opts, err);
    free(sources);
    file_list_free(&files);
    ann_rules_free(rules);
    return rc;
}

int eval_main(int argc, char **argv)
{
    eval_args a = {.default_rules = 1, .max_errors = DEFAULT_MAX_ERRORS};
    size_t slots = (size_t)argc + 1;
    a.gold = xcalloc(slots, sizeof *a.gold);
    a.system = xcalloc(slots, sizeof *a.system);
    a.conll = xcalloc(slots, sizeof *a.conll);
    a.rules = xcalloc(slots, sizeof *a.rules);
    a.operands = xcalloc(slots, sizeof *a.operands);
    a.stances = xcalloc(slots, sizeof *a.stances);
    a.opts.diag = print_error;
    const char **types = NULL;
    eval_set gold = {0}, system = {0}, stance_gold = {0};
    eval_result *result = NULL;
    eval_stance_result *stance_result = NULL;
    ann_error err;
    int status = parse_eval_args(argc, argv, &a);
    if (status >= 0)
        goto done;
    status = EXIT_EVAL_USAGE_INPUT;
    int conll = a.conll_count > 0, entities = a.gold_count || a.conll_count;
    if (read_sets(&gold, conll ? a.conll : a.gold, conll ? a.conll_count : a.gold_count, conll, &err) != ANN_OK ||
        make_system(&a, &gold, &system, &err) != ANN_OK ||
        (entities && eval_check_texts(&gold, &system, &err) != ANN_OK) ||
        read_stance_sets(&stance_gold, a.stances, a.stance_count, &system, &err) != ANN_OK) {
        print_error(NULL, &err);
        goto done;
    }
    if (conll)
        eval_map_conll(&system);
    if (a.types_list) {
        size_t max = strlen(a.types_list) + 1;
        types = xcalloc(max, sizeof *types);
        size_t n = split_types(a.types_list, types, max);
        eval_keep_types(&gold, types, n);
        eval_keep_types(&system, types, n);
    }
    if (entities)
        result = eval_run(&gold, &system);
    if (a.stance_count)
        stance_result = eval_run_stances(&stance_gold, &system);
    int wrote = 0;
    if (a.json && !stance_result) {
        wrote = eval_write_json(stdout, result, a.max_errors);
    } else if (a.json) {
        fprintf(stdout, "{\n");
        if (result) {
            put_json_result(stdout, result, a.max_errors);
            fprintf(stdout, ",\n");
        }
        wrote = eval_write_stance_json(stdout, stance_result, a.max_errors);
        fprintf(stdout, "\n}\n");
    } else {
        if (result)
            wrote = eval_write_table(stdout, result, a.max_errors);
        if (result && stance_result)
            fprintf(stdout, "\n");
        if (stance_result && wrote == 0)
            wrote = eval_write_stance_table(stdout, stance_result, a.max_errors);
    }
    if (fflush(stdout) != 0 || wrote != 0 || ferror(stdout)) {
        fprintf(stderr, "annotator: standard output: write error: %s\n", strerror(errno));
        goto done;
    }
    double f1 = stance_result ? stance_result->overall.f1 : result->overall.f1;
    status = a.has_min_f1 && f1 < a.min_f1 ? EXIT_EVAL_BELOW_FLOOR : EXIT_EVAL_RAN;
    if (status == EXIT_EVAL_BELOW_FLOOR)
        fprintf(stderr, "annotator: eval: %s F1 %.2f is below --min-f1 %g\n", stance_result ? "stance" : "overall",
                f1, a.min_f1);
done:
    eval_result_free(result);
    eval_stance_result_free(stance_result);
    eval_set_free(&stance_gold);
    free(a.stances);
    eval_set_free(&gold);
    eval_set_free(&system);
    free(types);
    free(a.types_list);
    free(a.gold);
    free(a.system);
    free(a.conll);
    free(a.rules);
    free(a.operands);
    return status;
}
