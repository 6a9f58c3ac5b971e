/* sink: an output kept in memory that can be told to fail like a full disk
 * or a closed pipe, and a log of diagnostics; shared by the stream tests and
 * the stream fuzzer. Include after <cmocka.h> and lossless.h. */
#ifndef TESTS_SINK_H
#define TESTS_SINK_H

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "annotator.h"

/* Every write fails once fail_writes is set, which happens at the write
 * that would take out past write_limit bytes (0: no limit); every flush
 * fails once fail_flushes is set, which happens at flush number
 * flush_limit (counted from 1; 0: none). A failing call sets errno to
 * fail_errno. */
typedef struct {
    bytes out;
    int fail_writes;
    int fail_flushes;
    int fail_errno;
    size_t write_limit, flush_limit;
    size_t writes, failed_writes, flushes;
} sink;

static inline int sink_write(void *ctx, const char *data, size_t len)
{
    sink *s = ctx;
    s->writes++;
    if (s->write_limit && len > s->write_limit - s->out.len)
        s->fail_writes = 1;
    if (s->fail_writes) {
        s->failed_writes++;
        errno = s->fail_errno;
        return -1;
    }
    bytes_add(&s->out, data, len);
    return 0;
}

static inline int sink_flush(void *ctx)
{
    sink *s = ctx;
    if (++s->flushes == s->flush_limit)
        s->fail_flushes = 1;
    if (s->fail_flushes) {
        errno = s->fail_errno;
        return -1;
    }
    return 0;
}

/* A diagnostic, and how many output bytes the log's sink (when it has one)
 * held when it came: a document's diagnostics come just before it, so that
 * number tells where they stand between the documents. */
typedef struct {
    ann_error diag;
    size_t output_at;
} logged_diag;

typedef struct {
    logged_diag *items;
    size_t count, cap;
    const sink *sink;     /* may be NULL */
} diag_log;

/* An ann_diag_fn; ctx is a diag_log. */
static inline void log_diag(void *ctx, const ann_error *e)
{
    diag_log *log = ctx;
    if (log->count == log->cap) {
        log->cap = log->cap ? log->cap * 2 : 8;
        log->items = realloc(log->items, log->cap * sizeof *log->items);
        assert_non_null(log->items);
    }
    log->items[log->count++] = (logged_diag){*e, log->sink ? log->sink->out.len : 0};
}

static inline void diag_log_free(diag_log *log)
{
    free(log->items);
    memset(log, 0, sizeof *log);
}

#endif
