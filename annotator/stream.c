/* stream: the reader stage (the public ann_stream). Cuts a byte stream into
 * documents and drives each through the pipeline.
 *
 * Only a bounded number of documents is held (one, or two per worker
 * thread), so memory grows with the largest document, never with the number
 * of documents. Boundaries are found on whole lines (a line holding only a
 * form feed separates documents; a layout's header line starts one when the
 * current document holds a non-blank line), and a line is examined only once
 * it is complete, so the result does not depend on how the input is split
 * into pieces.
 *
 * With workers (ann_stream_options.jobs > 1) the feeding thread only cuts
 * documents: each becomes a job, workers annotate jobs in parallel, each
 * with its own matcher and layout runner (the rules are shared, read-only),
 * and one writer thread writes them in input order, each with the
 * diagnostics met while annotating it, as soon as it and every earlier one
 * are done. So the output and the diagnostics are the same as without
 * workers, byte for byte. */
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "match.h"
#include "output.h"
#include "resolve.h"
#include "rules.h"
#include "structure.h"

#define JOBS_MAX 64

typedef enum { JOB_FREE, JOB_QUEUED, JOB_WORKING, JOB_DONE } job_state;

/* One document on its way through the pipeline: its bytes, where it starts
 * in the source, the annotated document, and the diagnostics met on the way
 * (delivered when it is written, so they keep the input order). */
typedef struct {
    char *buf;
    size_t len, cap;
    char *source;         /* the name of its source (streams may read several) */
    size_t source_cap;
    unsigned long line;
    long long offset;
    document doc;
    ann_error *diags;
    size_t diag_count, diag_cap;
    job_state state;
    size_t seq;           /* its place in the input: jobs are written by seq */
} job;

/* What one annotating thread owns. */
typedef struct {
    ann_stream *st;
    matcher *matcher;
    structure_runner *structure;
    job *current;         /* the job being annotated, for diagnostics */
    pthread_t thread;
} worker;

struct ann_stream {
    const ann_rules *rules;
    ann_output *out;
    output_tags *tags;    /* the rules' start tags, for out */
    char *source;
    ann_stream_options opts;
    structure_runner *boundaries_runner; /* the feeding thread's, for boundary lines */
    int boundaries;       /* the layouts have header lines that start documents */
    long long boundary_offset; /* source offset of the line being tested as a boundary */
    char *buf;            /* the current document */
    size_t len, cap;
    size_t line_start;    /* offset of the current, unfinished line in buf */
    unsigned long line;   /* number of the current line in the source */
    long long offset;     /* source offset of the next byte fed */
    unsigned long doc_line;
    long long doc_offset;
    int has_text;         /* the current document holds a non-blank line */
    int line_has_text;    /* the current line holds a non-blank byte so far */
    int skipping;         /* the current document is too large: drop until the next boundary */
    char skip_head[BOUNDARY_LINE_MAX]; /* the first bytes of the current line while skipping */
    size_t skip_line_len;
    int finished;         /* ann_stream_finish has been called */

    worker *workers;
    size_t worker_count;
    size_t thread_count;  /* workers running in threads of their own */
    job *jobs;
    size_t job_count;
    int threaded;         /* workers and a writer run beside the feeding thread */
    pthread_t writer;
    /* counted where documents are written, read by the caller at any time */
    atomic_size_t documents, failures;
    pthread_mutex_t lock; /* guards everything below and the jobs' states */
    pthread_cond_t queued, done, freed;
    size_t next_seq, next_write;
    int stopping;
    int broken;           /* output failed: nothing more can be written */
    ann_error output_error;
};

static void fill_diag(ann_error *e, const char *source, ann_severity sev, unsigned long line, unsigned long col,
                      long long byte, const char *fmt, va_list ap)
{
    *e = (ann_error){.status = sev == ANN_DIAG_ERROR ? ANN_ERR_INPUT : ANN_OK, .severity = sev, .line = line,
                     .column = col, .byte = byte};
    snprintf(e->file, sizeof e->file, "%s", source);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
}

static void deliver(ann_stream *st, const ann_error *e)
{
    if (e->severity == ANN_DIAG_ERROR)
        st->failures++;
    if (st->opts.diag)
        st->opts.diag(st->opts.diag_ctx, e);
}

/* Waits until every document handed to the workers is written. */
static void drain(ann_stream *st)
{
    if (!st->threaded)
        return;
    pthread_mutex_lock(&st->lock);
    while (st->next_write != st->next_seq)
        pthread_cond_wait(&st->freed, &st->lock);
    pthread_mutex_unlock(&st->lock);
}

/* Whether the output has failed; when it has, err (unless NULL) is set to
 * the failure. */
static int output_failed(ann_stream *st, ann_error *err)
{
    if (st->threaded)
        pthread_mutex_lock(&st->lock);
    int broken = st->broken;
    if (broken && err)
        *err = st->output_error;
    if (st->threaded)
        pthread_mutex_unlock(&st->lock);
    return broken;
}

/* A diagnostic of the feeding thread: it follows those of every document
 * before it. Once one of those could not be written it is dropped, as
 * without workers the stream would have stopped at that document. */
__attribute__((format(printf, 6, 7))) static void stream_diag(ann_stream *st, ann_severity sev, unsigned long line,
                                                              unsigned long col, long long byte, const char *fmt, ...)
{
    drain(st);
    if (output_failed(st, NULL))
        return;
    ann_error e;
    va_list ap;
    va_start(ap, fmt);
    fill_diag(&e, st->source, sev, line, col, byte, fmt, ap);
    va_end(ap);
    deliver(st, &e);
}

/* A diagnostic about the document a worker is annotating. */
__attribute__((format(printf, 6, 7))) static void job_diag(const worker *w, ann_severity sev, unsigned long line,
                                                           unsigned long col, long long byte, const char *fmt, ...)
{
    job *j = w->current;
    grow_array((void **)&j->diags, &j->diag_cap, j->diag_count + 1, sizeof *j->diags);
    va_list ap;
    va_start(ap, fmt);
    fill_diag(&j->diags[j->diag_count++], j->source, sev, line, col, byte, fmt, ap);
    va_end(ap);
}

static void on_match_limit(void *ctx, const rule *r, uint32_t offset, int pcre2_error)
{
    const worker *w = ctx;
    PCRE2_UCHAR msg[128];
    pcre2_get_error_message(pcre2_error, msg, sizeof msg);
    job_diag(w, ANN_DIAG_WARNING, 0, 0, w->current->offset + offset,
             "rule %s (%s:%u) gave up at this byte: %s; the rest of the document is still annotated", r->name,
             r->file, r->line, (char *)msg);
}

static void layout_limit_message(char *msg, size_t size, const layout_part *part, int pcre2_error)
{
    PCRE2_UCHAR pcre_msg[128];
    pcre2_get_error_message(pcre2_error, pcre_msg, sizeof pcre_msg);
    snprintf(msg, size, "layout part %s (%s:%u) gave up on this line: %s; it is taken as not matching", part->name,
             part->file, part->line, (char *)pcre_msg);
}

static void on_worker_layout_limit(void *ctx, const layout_part *part, uint32_t offset, int pcre2_error)
{
    const worker *w = ctx;
    char msg[400];
    layout_limit_message(msg, sizeof msg, part, pcre2_error);
    job_diag(w, ANN_DIAG_WARNING, 0, 0, w->current->offset + offset, "%s", msg);
}

static void on_boundary_layout_limit(void *ctx, const layout_part *part, uint32_t offset, int pcre2_error)
{
    ann_stream *st = ctx;
    char msg[400];
    layout_limit_message(msg, sizeof msg, part, pcre2_error);
    stream_diag(st, ANN_DIAG_WARNING, 0, 0, st->boundary_offset + offset, "%s", msg);
}

/* Reports the byte runs XML cannot carry: each is kept as <raw>, so this is a
 * warning, located by line, column and source offset. */
static void report_raw_runs(const worker *w)
{
    const job *j = w->current;
    const document *doc = &j->doc;
    unsigned long line = j->line;
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
        job_diag(w, ANN_DIAG_WARNING, line, r->start - line_begin + 1, j->offset + r->start,
                 "%s (%s); kept as <raw hex=...>", r->invalid_utf8 ? "invalid UTF-8" : "character not allowed in XML",
                 hex);
    }
}

static void annotate_job(worker *w, job *j)
{
    w->current = j;
    j->diag_count = 0;
    doc_load(&j->doc, j->buf, j->len);
    report_raw_runs(w);
    structure_apply(w->structure, &j->doc);
    annotate_document(w->matcher, w->st->rules, &j->doc);
    structure_finish(&j->doc);
}

/* Delivers the job's diagnostics and writes its document, unless the
 * output has failed. Returns ANN_OK or ANN_ERR_OUTPUT (err filled). */
static int write_job(ann_stream *st, const job *j, ann_error *err)
{
    for (size_t i = 0; i < j->diag_count; i++)
        deliver(st, &j->diags[i]);
    doc_meta meta = {j->source, j->line, j->offset};
    if (output_document(st->out, st->tags, &j->doc, &meta, err) != ANN_OK)
        return ANN_ERR_OUTPUT;
    st->documents++;
    return ANN_OK;
}

static void *work(void *arg)
{
    worker *w = arg;
    ann_stream *st = w->st;
    pthread_mutex_lock(&st->lock);
    for (;;) {
        job *next = NULL;
        for (size_t i = 0; i < st->job_count; i++)
            if (st->jobs[i].state == JOB_QUEUED && (!next || st->jobs[i].seq < next->seq))
                next = &st->jobs[i];
        if (!next) {
            if (st->stopping)
                break;
            pthread_cond_wait(&st->queued, &st->lock);
            continue;
        }
        next->state = JOB_WORKING;
        pthread_mutex_unlock(&st->lock);
        annotate_job(w, next);
        pthread_mutex_lock(&st->lock);
        next->state = JOB_DONE;
        pthread_cond_broadcast(&st->done);
    }
    pthread_mutex_unlock(&st->lock);
    return NULL;
}

static void *write_in_order(void *arg)
{
    ann_stream *st = arg;
    pthread_mutex_lock(&st->lock);
    for (;;) {
        job *next = NULL;
        for (size_t i = 0; i < st->job_count && !next; i++)
            if (st->jobs[i].state == JOB_DONE && st->jobs[i].seq == st->next_write)
                next = &st->jobs[i];
        if (!next) {
            if (st->stopping && st->next_write == st->next_seq)
                break;
            pthread_cond_wait(&st->done, &st->lock);
            continue;
        }
        int broken = st->broken;
        pthread_mutex_unlock(&st->lock);
        ann_error err;
        int rc = broken ? ANN_OK : write_job(st, next, &err);
        pthread_mutex_lock(&st->lock);
        if (rc != ANN_OK) {
            st->broken = 1;
            st->output_error = err;
        }
        next->state = JOB_FREE;
        st->next_write++;
        pthread_cond_broadcast(&st->freed);
    }
    pthread_mutex_unlock(&st->lock);
    return NULL;
}

/* Hands the first len bytes of the current document over to be annotated
 * and written; the stream keeps a buffer (the job's previous one) for the
 * next document. */
static int emit_document(ann_stream *st, size_t len, ann_error *err)
{
    job *j = &st->jobs[0];
    if (st->threaded) {
        pthread_mutex_lock(&st->lock);
        for (;;) {
            j = NULL;
            for (size_t i = 0; i < st->job_count && !j; i++)
                if (st->jobs[i].state == JOB_FREE)
                    j = &st->jobs[i];
            if (j || st->broken)
                break;
            pthread_cond_wait(&st->freed, &st->lock);
        }
        pthread_mutex_unlock(&st->lock);
    }
    if (!j || output_failed(st, err))
        return ANN_ERR_OUTPUT;
    char *spare = j->buf;
    size_t spare_cap = j->cap;
    j->buf = st->buf;
    j->cap = st->cap;
    j->len = len;
    size_t source_len = strlen(st->source);
    grow_array((void **)&j->source, &j->source_cap, source_len + 1, 1);
    memcpy(j->source, st->source, source_len + 1);
    j->line = st->doc_line;
    j->offset = st->doc_offset;
    st->buf = spare;
    st->cap = spare_cap;
    if (!st->threaded) {
        annotate_job(&st->workers[0], j);
        if (write_job(st, j, err) != ANN_OK) {
            st->broken = 1;
            st->output_error = *err;
            return ANN_ERR_OUTPUT;
        }
        return ANN_OK;
    }
    pthread_mutex_lock(&st->lock);
    j->seq = st->next_seq++;
    j->state = JOB_QUEUED;
    pthread_cond_signal(&st->queued);
    pthread_mutex_unlock(&st->lock);
    return ANN_OK;
}

static void start_threads(ann_stream *st)
{
    size_t started = 0;
    for (; started < st->worker_count; started++)
        if (pthread_create(&st->workers[started].thread, NULL, work, &st->workers[started]))
            break;
    if (started && !pthread_create(&st->writer, NULL, write_in_order, st)) {
        st->thread_count = started; /* the other workers stay idle */
        st->threaded = 1;
        return;
    }
    /* no threads to be had: annotate in the feeding thread */
    pthread_mutex_lock(&st->lock);
    st->stopping = 1;
    pthread_cond_broadcast(&st->queued);
    pthread_mutex_unlock(&st->lock);
    for (size_t i = 0; i < started; i++)
        pthread_join(st->workers[i].thread, NULL);
    st->stopping = 0;
    st->job_count = 1;
}

static void stop_threads(ann_stream *st)
{
    if (!st->threaded)
        return;
    pthread_mutex_lock(&st->lock);
    st->stopping = 1;
    pthread_cond_broadcast(&st->queued);
    pthread_cond_broadcast(&st->done);
    pthread_mutex_unlock(&st->lock);
    for (size_t i = 0; i < st->thread_count; i++)
        pthread_join(st->workers[i].thread, NULL);
    pthread_join(st->writer, NULL);
    st->threaded = 0;
}

ann_stream *ann_stream_new(const ann_rules *rules, ann_output *out, const char *source,
                           const ann_stream_options *opts)
{
    ann_stream *st = xcalloc(1, sizeof *st);
    st->rules = rules;
    st->out = out;
    st->tags = output_tags_new(rules);
    st->source = xstrdup(source ? source : "-");
    if (opts)
        st->opts = *opts;
    if (!st->opts.max_doc_size)
        st->opts.max_doc_size = ANN_DEFAULT_MAX_DOC_SIZE;
    if (st->opts.max_doc_size > UINT32_MAX)
        st->opts.max_doc_size = UINT32_MAX; /* spans address a document with 32-bit offsets */
    pthread_mutex_init(&st->lock, NULL);
    pthread_cond_init(&st->queued, NULL);
    pthread_cond_init(&st->done, NULL);
    pthread_cond_init(&st->freed, NULL);
    const ann_layouts *layouts = st->opts.layouts;
    if (!layouts) {
        ann_error e;
        if (!(layouts = layouts_builtin(&e)))
            stream_diag(st, ANN_DIAG_WARNING, 0, 0, -1,
                        "the built-in layouts do not compile (%s:%lu:%lu: %s); no layout is applied", e.file,
                        e.line, e.column, e.message);
    }
    st->boundaries_runner = structure_new(layouts, rules, on_boundary_layout_limit, st);
    st->boundaries = structure_has_boundaries(st->boundaries_runner);
    st->worker_count = st->opts.jobs > 1 ? (size_t)st->opts.jobs : 1;
    if (st->worker_count > JOBS_MAX / 2)
        st->worker_count = JOBS_MAX / 2;
    st->workers = xcalloc(st->worker_count, sizeof *st->workers);
    for (size_t i = 0; i < st->worker_count; i++) {
        worker *w = &st->workers[i];
        w->st = st;
        w->matcher = matcher_new(rules, on_match_limit, w);
        w->structure = structure_new(layouts, rules, on_worker_layout_limit, w);
    }
    st->job_count = st->worker_count > 1 ? 2 * st->worker_count : 1;
    st->jobs = xcalloc(st->job_count, sizeof *st->jobs);
    if (st->worker_count > 1)
        start_threads(st);
    st->line = 1;
    st->doc_line = 1;
    return st;
}

void ann_stream_free(ann_stream *st)
{
    if (!st)
        return;
    stop_threads(st);
    for (size_t i = 0; i < st->worker_count; i++) {
        matcher_free(st->workers[i].matcher);
        structure_free(st->workers[i].structure);
    }
    for (size_t i = 0; i < st->job_count; i++) {
        doc_free(&st->jobs[i].doc);
        free(st->jobs[i].buf);
        free(st->jobs[i].source);
        free(st->jobs[i].diags);
    }
    free(st->workers);
    free(st->jobs);
    structure_free(st->boundaries_runner);
    output_tags_free(st->tags);
    pthread_mutex_destroy(&st->lock);
    pthread_cond_destroy(&st->queued);
    pthread_cond_destroy(&st->done);
    pthread_cond_destroy(&st->freed);
    free(st->buf);
    free(st->source);
    free(st);
}

size_t ann_stream_documents(const ann_stream *st)
{
    return atomic_load(&st->documents);
}

size_t ann_stream_failures(const ann_stream *st)
{
    return atomic_load(&st->failures);
}

/* The next document starts after the boundary line just completed. */
static void start_next_document(ann_stream *st)
{
    st->len = 0;
    st->line_start = 0;
    st->skipping = 0;
    st->skip_line_len = 0;
    st->has_text = 0;
    st->line_has_text = 0;
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
    stream_diag(st, ANN_DIAG_ERROR, st->doc_line, 1, st->doc_offset,
         "document larger than %zu bytes (--max-doc-size); skipped up to the next document boundary",
         st->opts.max_doc_size);
    size_t partial = st->len - st->line_start;
    memcpy(st->skip_head, st->buf + st->line_start, partial < 3 ? partial : 3);
    st->skip_line_len = partial;
    st->skipping = 1;
    st->len = 0;
    st->line_start = 0;
}

static int is_boundary(ann_stream *st, const char *line, size_t line_len)
{
    st->boundary_offset = st->offset - (long long)line_len;
    return structure_is_boundary(st->boundaries_runner, line, line_len);
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
    /* Gathered piece by piece, as a skipped line is not kept whole. */
    if (!st->line_has_text)
        st->line_has_text = !is_blank(data, n);
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
    int line_has_text = st->line_has_text;
    st->line_has_text = 0;
    if (is_separator(line, line_len)) {
        int rc = ANN_OK;
        if (!st->skipping && st->line_start > 0)
            rc = emit_document(st, st->line_start, err);
        start_next_document(st);
        return rc;
    }
    if (st->boundaries && line_len <= BOUNDARY_LINE_MAX && st->has_text &&
        is_boundary(st, line, line_len)) {
        int rc = ANN_OK;
        if (!st->skipping)
            rc = emit_document(st, st->line_start, err);
        start_document_with_line(st, line, line_len);
        if (st->len > st->opts.max_doc_size)
            start_skipping(st);
        return rc;
    }
    if (!st->has_text)
        st->has_text = line_has_text;
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
    if (output_failed(st, err))
        return ANN_ERR_OUTPUT;
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

/* Hands over the last document of the current source. */
static int end_source(ann_stream *st, ann_error *err)
{
    if (output_failed(st, err))
        return ANN_ERR_OUTPUT;
    int rc = ANN_OK;
    /* An unfinished last line was not counted while it could still become a
     * separator or a boundary line; now it is part of the document. */
    if (!st->skipping && st->len > st->opts.max_doc_size)
        start_skipping(st);
    /* An empty source is still one (empty) document, once; an empty piece
     * after the last separator is not. */
    if (!st->skipping && (st->len > 0 || (st->offset == 0 && !st->finished)))
        rc = emit_document(st, st->len, err);
    st->finished = 1;
    start_next_document(st);
    return rc;
}

int ann_stream_finish(ann_stream *st, ann_error *err)
{
    int rc = end_source(st, err);
    drain(st);
    if (rc == ANN_OK && output_failed(st, err))
        rc = ANN_ERR_OUTPUT;
    return rc;
}

int ann_stream_next_source(ann_stream *st, const char *source, ann_error *err)
{
    int rc = end_source(st, err);
    if (rc != ANN_OK)
        return rc;
    free(st->source);
    st->source = xstrdup(source ? source : "-");
    st->line = 1;
    st->offset = 0;
    st->finished = 0;
    start_next_document(st);
    return ANN_OK;
}

void ann_stream_wait(ann_stream *st)
{
    drain(st);
}
