/* stream: the reader stage (the public ann_stream). Cuts a byte stream into
 * documents and drives each through the pipeline.
 *
 * Only the current document is held, so memory grows with the largest
 * document, never with the number of documents. Boundaries are found on
 * whole lines (a line holding only a form feed separates documents; a
 * layout's header line starts one when the current document holds a
 * non-blank line), and a line is examined only once it is complete, so the
 * result does not depend on how the input is split into pieces. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "match.h"
#include "output.h"
#include "resolve.h"
#include "rules.h"
#include "structure.h"

struct ann_stream {
    const ann_rules *rules;
    ann_output *out;
    char *source;
    ann_stream_options opts;
    matcher *matcher;
    structure_runner *structure;
    int boundaries;       /* the layouts have header lines that start documents */
    document doc;

    char *buf;            /* the current document */
    size_t len, cap;
    size_t line_start;    /* offset of the current, unfinished line in buf */
    unsigned long line;   /* number of the current line in the source */
    long long offset;     /* source offset of the next byte fed */
    unsigned long doc_line;
    long long doc_offset;

    int has_text;         /* the current document holds a non-blank line */
    int skipping;         /* the current document is too large: drop until the next boundary */
    char skip_head[BOUNDARY_LINE_MAX]; /* the first bytes of the current line while skipping */
    size_t skip_line_len;

    size_t documents, failures;
    int broken;           /* output failed: nothing more can be written */
};

__attribute__((format(printf, 6, 7))) static void diag(ann_stream *st, ann_severity sev, unsigned long line, unsigned long col, long long byte,
                 const char *fmt, ...)
{
    if (sev == ANN_DIAG_ERROR)
        st->failures++;
    if (!st->opts.diag)
        return;
    ann_error e = {.status = sev == ANN_DIAG_ERROR ? ANN_ERR_INPUT : ANN_OK, .severity = sev, .line = line,
                   .column = col, .byte = byte};
    snprintf(e.file, sizeof e.file, "%s", st->source);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    st->opts.diag(st->opts.diag_ctx, &e);
}

static void on_match_limit(void *ctx, const rule *r, uint32_t offset, int pcre2_error)
{
    ann_stream *st = ctx;
    PCRE2_UCHAR msg[128];
    pcre2_get_error_message(pcre2_error, msg, sizeof msg);
    diag(st, ANN_DIAG_WARNING, 0, 0, st->doc_offset + offset,
         "rule %s (%s:%u) gave up at this byte: %s; the rest of the document is still annotated", r->name,
         r->file, r->line, (char *)msg);
}

static void on_layout_limit(void *ctx, const layout_part *part, uint32_t offset, int pcre2_error)
{
    ann_stream *st = ctx;
    PCRE2_UCHAR msg[128];
    pcre2_get_error_message(pcre2_error, msg, sizeof msg);
    diag(st, ANN_DIAG_WARNING, 0, 0, st->doc_offset + offset,
         "layout part %s (%s:%u) gave up on this line: %s; it is taken as not matching", part->name, part->file,
         part->line, (char *)msg);
}

ann_stream *ann_stream_new(const ann_rules *rules, ann_output *out, const char *source,
                           const ann_stream_options *opts)
{
    ann_stream *st = xcalloc(1, sizeof *st);
    st->rules = rules;
    st->out = out;
    st->source = xstrdup(source ? source : "-");
    if (opts)
        st->opts = *opts;
    if (!st->opts.max_doc_size)
        st->opts.max_doc_size = ANN_DEFAULT_MAX_DOC_SIZE;
    st->matcher = matcher_new(rules, on_match_limit, st);
    const ann_layouts *layouts = st->opts.layouts;
    if (!layouts) {
        ann_error e;
        if (!(layouts = layouts_builtin(&e)))
            diag(st, ANN_DIAG_WARNING, 0, 0, -1,
                 "the built-in layouts do not compile (%s:%lu:%lu: %s); no layout is applied", e.file, e.line,
                 e.column, e.message);
    }
    st->structure = structure_new(layouts, rules, on_layout_limit, st);
    st->boundaries = structure_has_boundaries(st->structure);
    st->line = 1;
    st->doc_line = 1;
    return st;
}

void ann_stream_free(ann_stream *st)
{
    if (!st)
        return;
    matcher_free(st->matcher);
    structure_free(st->structure);
    doc_free(&st->doc);
    free(st->buf);
    free(st->source);
    free(st);
}

size_t ann_stream_documents(const ann_stream *st)
{
    return st->documents;
}

size_t ann_stream_failures(const ann_stream *st)
{
    return st->failures;
}

/* Reports the byte runs XML cannot carry: each is kept as <raw>, so this is a
 * warning, located by line, column and source offset. */
static void report_raw_runs(ann_stream *st)
{
    const document *doc = &st->doc;
    unsigned long line = st->doc_line;
    size_t line_begin = 0, scanned = 0;
    for (size_t i = 0; i < doc->text.raw_count; i++) {
        const raw_run *r = &doc->text.raws[i];
        for (const char *nl; (nl = memchr(doc->bytes + scanned, '\n', r->start - scanned));) {
            line++;
            scanned = line_begin = (size_t)(nl - doc->bytes) + 1;
        }
        scanned = r->start;
        char hex[3 * 8 + 8] = "";
        size_t n = r->end - r->start, used = 0;
        for (size_t k = 0; k < n && k < 8; k++)
            used += (size_t)snprintf(hex + used, sizeof hex - used, "%s%02X", k ? " " : "",
                                     (unsigned char)doc->bytes[r->start + k]);
        if (n > 8)
            snprintf(hex + used, sizeof hex - used, " ...");
        diag(st, ANN_DIAG_WARNING, line, r->start - line_begin + 1, st->doc_offset + r->start,
             "%s (%s); kept as <raw hex=...>", r->invalid_utf8 ? "invalid UTF-8" : "character not allowed in XML",
             hex);
    }
}

static int emit_document(ann_stream *st, size_t len, ann_error *err)
{
    doc_load(&st->doc, st->buf, len);
    report_raw_runs(st);
    structure_apply(st->structure, &st->doc);
    annotate_document(st->matcher, st->rules, &st->doc);
    structure_finish(&st->doc);
    doc_meta meta = {st->source, st->doc_line, st->doc_offset};
    if (output_document(st->out, st->rules, &st->doc, &meta, err) != ANN_OK) {
        st->broken = 1;
        return ANN_ERR_OUTPUT;
    }
    st->documents++;
    return ANN_OK;
}

/* The next document starts after the boundary line just completed. */
static void start_next_document(ann_stream *st)
{
    st->len = 0;
    st->line_start = 0;
    st->skipping = 0;
    st->skip_line_len = 0;
    st->has_text = 0;
    st->doc_line = st->line;
    st->doc_offset = st->offset;
}

/* The next document starts with the boundary line just completed (its
 * line_len bytes are the last ones fed). */
static void start_document_with_line(ann_stream *st, const char *line, size_t line_len)
{
    grow_array((void **)&st->buf, &st->cap, line_len + 1, 1);
    memmove(st->buf, line, line_len);
    st->len = st->line_start = line_len;
    st->skipping = 0;
    st->skip_line_len = 0;
    st->has_text = 1;
    st->doc_line = st->line - 1;
    st->doc_offset = st->offset - (long long)line_len;
}

static int is_blank(const char *line, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r' && line[i] != '\n' && line[i] != '\f' &&
            line[i] != '\v')
            return 0;
    return 1;
}

static int is_separator(const char *line, size_t len)
{
    return (len == 2 && line[0] == '\f') || (len == 3 && line[0] == '\f' && line[1] == '\r');
}

static void start_skipping(ann_stream *st)
{
    diag(st, ANN_DIAG_ERROR, st->doc_line, 1, st->doc_offset,
         "document larger than %zu bytes (--max-doc-size); skipped up to the next document boundary",
         st->opts.max_doc_size);
    size_t partial = st->len - st->line_start;
    memcpy(st->skip_head, st->buf + st->line_start, partial < 3 ? partial : 3);
    st->skip_line_len = partial;
    st->skipping = 1;
    st->len = 0;
    st->line_start = 0;
}

/* Takes one piece of input that ends at a line end (complete) or at the end
 * of the data fed (incomplete). */
static int take_piece(ann_stream *st, const char *data, size_t n, int complete, ann_error *err)
{
    const char *line;
    size_t line_len;
    if (st->skipping) {
        for (size_t k = 0; k < n && st->skip_line_len + k < sizeof st->skip_head; k++)
            st->skip_head[st->skip_line_len + k] = data[k];
        st->skip_line_len += n;
        line = st->skip_head;
        line_len = st->skip_line_len;
    } else {
        grow_array((void **)&st->buf, &st->cap, st->len + n + 1, 1);
        memcpy(st->buf + st->len, data, n);
        st->len += n;
        line = st->buf + st->line_start;
        line_len = st->len - st->line_start;
    }
    st->offset += (long long)n;
    if (!complete) {
        /* An unfinished line counts unless it may still become a separator
         * line or a boundary line (which belongs to the next document), so the
         * verdict does not depend on where a read ended. */
        int may_separate = (line_len == 1 && line[0] == '\f') || (line_len == 2 && line[0] == '\f' && line[1] == '\r');
        int may_start = st->boundaries && line_len <= BOUNDARY_LINE_MAX;
        if (!st->skipping && st->line_start + (may_separate || may_start ? 0 : line_len) > st->opts.max_doc_size)
            start_skipping(st);
        return ANN_OK;
    }
    st->line++;
    if (is_separator(line, line_len)) {
        int rc = ANN_OK;
        if (!st->skipping && st->line_start > 0)
            rc = emit_document(st, st->line_start, err);
        start_next_document(st);
        return rc;
    }
    if (st->boundaries && line_len <= BOUNDARY_LINE_MAX && (st->skipping || st->has_text) &&
        structure_is_boundary(st->structure, line, line_len)) {
        int rc = ANN_OK;
        if (!st->skipping)
            rc = emit_document(st, st->line_start, err);
        start_document_with_line(st, line, line_len);
        if (st->len > st->opts.max_doc_size)
            start_skipping(st);
        return rc;
    }
    if (!st->skipping && !st->has_text)
        st->has_text = !is_blank(line, line_len);
    if (!st->skipping && st->len > st->opts.max_doc_size)
        start_skipping(st);
    if (st->skipping)
        st->skip_line_len = 0; /* the line is complete: the next one starts afresh */
    else
        st->line_start = st->len;
    return ANN_OK;
}

int ann_stream_feed(ann_stream *st, const char *data, size_t len, ann_error *err)
{
    if (st->broken) {
        set_error(err, ANN_ERR_OUTPUT, st->source, 0, 0, "output failed earlier");
        return ANN_ERR_OUTPUT;
    }
    while (len) {
        const char *nl = memchr(data, '\n', len);
        size_t n = nl ? (size_t)(nl - data) + 1 : len;
        int rc = take_piece(st, data, n, nl != NULL, err);
        if (rc)
            return rc;
        data += n;
        len -= n;
    }
    return ANN_OK;
}

int ann_stream_finish(ann_stream *st, ann_error *err)
{
    if (st->broken) {
        set_error(err, ANN_ERR_OUTPUT, st->source, 0, 0, "output failed earlier");
        return ANN_ERR_OUTPUT;
    }
    int rc = ANN_OK;
    /* An empty source is still one (empty) document; an empty piece after
     * the last separator is not. */
    if (!st->skipping && (st->len > 0 || (st->documents == 0 && st->failures == 0 && st->offset == 0)))
        rc = emit_document(st, st->len, err);
    start_next_document(st);
    return rc;
}
