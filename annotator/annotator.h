/* annotator.h — the public API of libannotator.
 *
 * News text in, annotated XML out. The pipeline is
 *   read -> segment -> tokenize -> layout -> match rules -> resolve -> write
 * with a layout stage after segmenting that recognises the parts of an
 * article (headline, byline, body, reader comments, ...). Its public objects:
 *
 *   ann_rules   a compiled rule set (built-in and/or user rule files). Immutable
 *               once compiled; one rule set may serve any number of streams.
 *   ann_layouts a compiled set of layouts (built-in and/or .layout files): how
 *               the lines of an article page follow each other. Immutable once
 *               compiled and shareable, like ann_rules.
 *   ann_output  the XML writer for one <corpus>; it writes through a callback.
 *   ann_stream  a push parser for one input source (a file or stdin): feed it
 *               bytes in pieces of any size, then finish it. It cuts the bytes
 *               into documents, annotates each and writes it to an ann_output.
 *
 * Conventions: functions returning int return ANN_OK (0) on success and a
 * negative ann_status on failure, with details in an ann_error the caller
 * passes in. The library never prints; diagnostics about input (a bad byte, a
 * document that was skipped) go to the caller's ann_diag_fn. Objects returned
 * by *_new are freed by the matching *_free, which accepts NULL.
 */
#ifndef ANNOTATOR_H
#define ANNOTATOR_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ANN_VERSION "0.1.0"

typedef enum {
    ANN_OK = 0,
    ANN_ERR_USAGE = -1,     /* a bad argument or option value */
    ANN_ERR_RULES = -2,     /* a rule or layout file could not be read, parsed or compiled */
    ANN_ERR_OUTPUT = -3,    /* the output callback failed */
    ANN_ERR_INPUT = -4,     /* an input document could not be annotated */
    ANN_ERR_CHECK = -5      /* a rule example did not give its expected result */
} ann_status;

typedef enum {
    ANN_DIAG_WARNING,       /* the document was still annotated (e.g. invalid UTF-8) */
    ANN_DIAG_ERROR          /* the document, or part of the input, was not annotated */
} ann_severity;

/* Where and what. line and column are 1-based; 0 means unknown. byte is a
 * 0-based offset into the file or stream, or -1 when unknown. */
typedef struct {
    ann_status status;
    ann_severity severity;
    char file[512];
    unsigned long line;
    unsigned long column;
    long long byte;
    int sys_errno;          /* for ANN_ERR_OUTPUT: errno of the failed write (EPIPE: reader gone) */
    char message[512];
} ann_error;

typedef void (*ann_diag_fn)(void *ctx, const ann_error *diag);

/* Writes len bytes; returns 0 on success, -1 on failure with errno set. */
typedef int (*ann_write_fn)(void *ctx, const char *data, size_t len);
/* Called after each complete document; returns 0 or -1 like ann_write_fn. */
typedef int (*ann_flush_fn)(void *ctx);

/* ---- rules ---------------------------------------------------------------- */

typedef struct ann_rules ann_rules;

ann_rules *ann_rules_new(void);
void ann_rules_free(ann_rules *rules);

/* Adds the default rule set compiled into the library. */
int ann_rules_add_builtin(ann_rules *rules, ann_error *err);

/* Adds a rule file, or every *.rules file under a folder (sorted by path).
 * Lists and macros referenced by the file are resolved relative to it. On
 * failure err names FILE:LINE:COL and the rule set must not be compiled. */
int ann_rules_add_path(ann_rules *rules, const char *path, ann_error *err);

/* Adds rules from a string, as if read from a file named name. */
int ann_rules_add_text(ann_rules *rules, const char *name, const char *text,
                       size_t len, ann_error *err);

/* Compiles every pattern (UTF + Unicode properties, JIT) and builds the word
 * list tables. Must be called once, after the last add and before use. */
int ann_rules_compile(ann_rules *rules, ann_error *err);

/* Number of rules in the set. */
size_t ann_rules_count(const ann_rules *rules);

/* Runs every example and counter-example of every rule. Each failure is
 * reported through diag (FILE:LINE of the example) and counted; returns the
 * number of failures (0 when all pass), or a negative ann_status. */
int ann_rules_check(const ann_rules *rules, ann_diag_fn diag, void *ctx,
                    size_t *examples_run);

/* ---- layouts -------------------------------------------------------------- */

/* A layout names the parts of one kind of article page by line patterns and
 * gives the order they come in (rules/README.md, "Layouts"). The layout
 * that fits a document turns its parts into elements (<headline>, <byline>,
 * <body>, <comments>, ...) and may set <document> attributes (date,
 * publisher, section, headline) and add entities (authors as PERSON, the
 * publisher as ORG). A layout's header line also starts a new document in a
 * stream. Layouts are tried by priority; the built-in set ends with "plain",
 * which fits any text. */
typedef struct ann_layouts ann_layouts;

ann_layouts *ann_layouts_new(void);
void ann_layouts_free(ann_layouts *layouts);

/* Adds the layouts compiled into the library (rules/layouts/ *.layout). */
int ann_layouts_add_builtin(ann_layouts *layouts, ann_error *err);

/* Adds a layout file, or every *.layout file under a folder (sorted by
 * path). On failure err names FILE:LINE:COL and the set must not be
 * compiled. */
int ann_layouts_add_path(ann_layouts *layouts, const char *path, ann_error *err);

/* Adds layouts from a string, as if read from a file named name. */
int ann_layouts_add_text(ann_layouts *layouts, const char *name, const char *text, size_t len,
                         ann_error *err);

/* Checks every order and compiles the patterns (JIT). Must be called once,
 * after the last add and before the set is given to a stream. */
int ann_layouts_compile(ann_layouts *layouts, ann_error *err);

/* Number of layouts in the set. */
size_t ann_layouts_count(const ann_layouts *layouts);

/* ---- output --------------------------------------------------------------- */

enum {
    ANN_OUT_TOKENS = 1,     /* wrap each token in <w> */
    ANN_OUT_EXPLAIN = 2     /* each annotation names the rule, file and line; each
                               structural element the layout part (layout-rule) */
};

typedef struct ann_output ann_output;

/* Starts a corpus: writes the XML declaration and <corpus>. write and flush
 * are called with ctx; flush may be NULL. Returns NULL on a write failure
 * (with err filled). */
ann_output *ann_output_new(ann_write_fn write, ann_flush_fn flush, void *ctx,
                           int flags, ann_error *err);

/* Closes </corpus> and flushes. Returns ANN_OK or ANN_ERR_OUTPUT. */
int ann_output_finish(ann_output *out, ann_error *err);
void ann_output_free(ann_output *out);

/* ---- streams -------------------------------------------------------------- */

typedef struct ann_stream ann_stream;

typedef struct {
    size_t max_doc_size;    /* bytes; 0 means the default, 64 MiB */
    ann_diag_fn diag;       /* may be NULL */
    void *diag_ctx;
    /* Compiled layouts to apply; NULL means the built-in set (compiled once
     * per process and shared). An empty compiled set applies none. */
    const ann_layouts *layouts;
    /* Worker threads annotating documents in parallel (at most 32). 0 or 1:
     * each document is annotated and written in the calling thread before
     * ann_stream_feed returns. More: documents are annotated beside the
     * feeding thread and written, with their diagnostics, by a writer thread
     * in input order as soon as each is done; diag is then called from that
     * thread. The output is the same either way, byte for byte. */
    int jobs;
} ann_stream_options;

#define ANN_DEFAULT_MAX_DOC_SIZE ((size_t)64 << 20)

/* A stream reading one source. source names it in the output (source="...")
 * and in diagnostics. rules, out and opts->layouts must outlive the stream.
 * Documents end at a line holding only a form feed, and before a layout's
 * header line when the document so far holds a non-blank line. */
ann_stream *ann_stream_new(const ann_rules *rules, ann_output *out,
                           const char *source, const ann_stream_options *opts);

/* Feeds len bytes. Every document completed by these bytes is annotated and
 * written before it returns (with jobs > 1: handed to the workers, and
 * written as soon as it is done). Returns ANN_OK, or ANN_ERR_OUTPUT when
 * writing failed (the stream is then unusable). Problems with the input
 * itself are reported through diag and do not stop the stream. */
int ann_stream_feed(ann_stream *st, const char *data, size_t len, ann_error *err);

/* Ends the input: annotates and writes the last document, and returns once
 * every document of the stream is written. */
int ann_stream_finish(ann_stream *st, ann_error *err);

/* Ends the current source as ann_stream_finish does, without waiting for
 * its documents to be written, and goes on with the next one, named source
 * (lines and bytes count from its start). One stream reading many files
 * keeps its workers busy across them; the output is the same as with one
 * stream per file. Returns like ann_stream_feed. */
int ann_stream_next_source(ann_stream *st, const char *source, ann_error *err);

/* Returns once every document fed so far is written (at once without
 * workers), so that what the caller reports next follows their
 * diagnostics. */
void ann_stream_wait(ann_stream *st);

/* Number of documents written, and of documents or byte runs reported as
 * ANN_DIAG_ERROR (not annotated) so far. */
size_t ann_stream_documents(const ann_stream *st);
size_t ann_stream_failures(const ann_stream *st);

void ann_stream_free(ann_stream *st);

#ifdef __cplusplus
}
#endif
#endif
