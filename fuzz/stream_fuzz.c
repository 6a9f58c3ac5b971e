/* stream_fuzz: a differential fuzzer for ann_stream, through the public API
 * only (see fuzz/README.md).
 *
 * Each case is made from one seed: a stream of news-like documents (names,
 * numbers, percentages, quotations, layout lines, form-feed separators,
 * header lines that start a document, random bytes, invalid UTF-8, CR), cut
 * into one to three files, and a configuration (output flags,
 * --max-doc-size, built-in or no layouts, an output that fails after some
 * bytes or at a flush, a stream freed without finish). The reference reads
 * each file whole with a stream of its own, without workers; then one
 * stream reads them all (ann_stream_next_source) with 0, 1, 2, 3 and 5
 * workers, fed in pieces of random sizes. Every run must give the same
 * output bytes, the same diagnostics at the same places in the output, the
 * same document and failure counts and the same results. The reference is
 * also checked against what the input says it holds: the XML parses, each
 * <document> gives back its input bytes (text plus <raw hex>), file and
 * line, the documents are cut where the separators and header lines are,
 * each document over the size limit is skipped with one error at its
 * start, and each <raw> has its warning. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "annotator.h"
#include "lossless.h"
#include "sink.h"

/* ---- deterministic randomness (splitmix64) ---------------------------------- */

typedef struct {
    uint64_t state;
} rng;

static uint64_t rng_next(rng *r)
{
    uint64_t z = (r->state += 0x9E3779B97F4A7C15u);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
    return z ^ (z >> 31);
}

/* A number in [0, n); 0 when n is 0. */
static size_t rng_below(rng *r, size_t n)
{
    return n ? (size_t)(rng_next(r) % n) : 0;
}

static int rng_percent(rng *r, unsigned percent)
{
    return rng_below(r, 100) < percent;
}

#define PICK(r, table) ((table)[rng_below((r), sizeof(table) / sizeof *(table))])

/* ---- news-like input ------------------------------------------------------------ */

static const char *const people[] = {"Mira Holt", "Tom Reyes", "Ada Brandt", "Lena Brask", "Oskar Vint",
                                     "Hana Morita", "Kenji Arai", "Sofia Duarte", "Pat O'Neil", "Jean-Luc Mart",
                                     "Holt", "Morita", "Dr. Vint"};
static const char *const places[] = {"Japan", "Canada", "South Korea", "the U.S.", "the United States", "Mexico",
                                     "China", "Germany", "Brazil", "the EU", "Ottawa", "Portville"};
static const char *const organisations[] = {"Harbour Gazette", "Northwire", "the Bank of Japan", "Smith & Sons",
                                            "AT&T", "the Trade Ministry", "Kestrel Motors", "the WTO",
                                            "Vint \"Gold\" Partners"};
static const char *const titles[] = {"Trade Minister", "Prime Minister", "Finance Minister", "spokesperson",
                                     "chief negotiator", "President"};
static const char *const goods[] = {"steel", "aluminum", "auto parts", "rice", "semiconductors", "cars",
                                    "lumber", "pharmaceuticals"};
static const char *const days[] = {"Monday", "Friday", "June 3", "2031-04-02", "last week", "March 2030",
                                   "10:30 a.m.", "the third quarter"};
static const char *const publishers[] = {"Harbour Gazette", "Northwire Daily", "Kobe Times", "Ré <News> & Co",
                                         "The \"Daily\" Ledger", "Portville Post"};

/* Sentences and layout lines with slots: %P person, %C place, %O
 * organisation, %T title, %G goods, %D day, %R a rate (25%, 7.5 percent),
 * %M money, %N a number, %V a vote line. */
static const char *const templates[] = {
    "%C will impose a %R tariff on %G from %D.",
    "\"We cannot accept %C tariffs on %G,\" %P said.",
    "%T %P told reporters that %O opposed the %R duties.",
    "%P said: \xE2\x80\x9CThe %R levy on %G is not acceptable.\xE2\x80\x9D",
    "Exports of %G to %C fell %R to %M in %D.",
    "%O shares rose %N points on %D, while %C warned of new duties.",
    "%P of %O welcomed the deal, but %P said it was 'unfair'.",
    "Is a %R tariff on %G fair?",
    "If %C drops its tariffs, %C may agree to cut duties on %G.",
    "\"It is a good step,\" said %P, the %T of %C. \"But not enough.\"",
    "%C and %C agreed on %D to hold talks about %G.",
    "The %R counter-tariffs on %C %G cost %O %M, %P estimated.",
    "%P, who met %P in %C on %D, backed the plan.",
    "According to %O, %N containers of %G were held at the port.",
    "\xE2\x80\x9CNo deal,\xE2\x80\x9D %P insisted.",
};

/* Lines the built-in news layout knows: byline, comment count, votes,
 * copyright, dateline, photo credit, section. */
static const char *const layout_lines[] = {
    "By %P and %P", "%N Comments", "%V", "\xC2\xA9 %O 2031.", "PORTVILLE",
    "Trucks at the border Image: %O/%P", "business",
};

/* Bytes that stress the reader and the writer. */
static const char *const oddities[] = {
    "\x00", "\x01", "\x1F", "\x7F", "\x0B", "\x0C", "\r", "\t", "]]>", "<![CDATA[", "&", "&amp;", "<", ">", "\"",
    "'", "\xC3", "\xC3\x28", "\xE2\x82", "\xE2\x28\xA1", "\xED\xA0\x80", "\xC0\x80", "\xC1\xBF",
    "\xF4\x90\x80\x80", "\xF8\x88\x80\x80\x80", "\xFF", "\xFE", "\x80", "\xEF\xBF\xBE", "\xEF\xBF\xBF",
    "\xEF\xBB\xBF", "\xEE\x80\x80", "\xEE\x80\x82", "\xC2\x85", "\xE2\x80\xA8", "\xC2\xA0", "\xF0\x9F\x98\x80",
    "\xC3\xA9", "e\xCC\x81", "\xEF\xBF\xBD", "\xEF\xBF\xBE\x00\xFF", "\x1A",
};

/* A few form feeds that are not alone on their line. */
static const char *const false_separators[] = {" \f", "\f ", "\f\f", "\r\f", "\fx"};

/* The generated input, and where its planted header lines start (lines a
 * layout takes as the first line of a page). */
typedef struct {
    bytes text;
    size_t *headers;
    size_t header_count, header_cap;
} generated;

static void add_number(rng *r, bytes *b, int decimals)
{
    char n[32];
    unsigned long whole = (unsigned long)rng_below(r, rng_percent(r, 20) ? 100000 : 100);
    if (decimals && rng_percent(r, 30))
        snprintf(n, sizeof n, "%lu.%lu", whole, (unsigned long)rng_below(r, 10));
    else
        snprintf(n, sizeof n, "%lu", whole);
    bytes_str(b, n);
}

static void add_slot(rng *r, bytes *b, char slot)
{
    char votes[64];
    unsigned up, down;
    switch (slot) {
    case 'P': bytes_str(b, PICK(r, people)); break;
    case 'C': bytes_str(b, PICK(r, places)); break;
    case 'O': bytes_str(b, PICK(r, organisations)); break;
    case 'T': bytes_str(b, PICK(r, titles)); break;
    case 'G': bytes_str(b, PICK(r, goods)); break;
    case 'D': bytes_str(b, PICK(r, days)); break;
    case 'R':
        add_number(r, b, 1);
        bytes_str(b, rng_percent(r, 70) ? "%" : " percent");
        break;
    case 'M':
        bytes_str(b, rng_percent(r, 50) ? "$" : "\xC2\xA5");
        add_number(r, b, 1);
        bytes_str(b, rng_percent(r, 50) ? " billion" : " million");
        break;
    case 'N': add_number(r, b, 0); break;
    default:
        up = (unsigned)rng_below(r, 20);
        down = (unsigned)rng_below(r, 20);
        snprintf(votes, sizeof votes, "%d ( +%u / -%u )", (int)up - (int)down, up, down);
        bytes_str(b, votes);
    }
}

/* A template with its slots filled, and with an odd byte sequence before
 * a space now and then (odd_percent of the spaces). */
static void add_template(rng *r, bytes *b, const char *t, unsigned odd_percent)
{
    for (; *t; t++) {
        if (*t == '%' && t[1])
            add_slot(r, b, *++t);
        else {
            if (*t == ' ' && rng_percent(r, odd_percent))
                bytes_str(b, PICK(r, oddities));
            bytes_add(b, t, 1);
        }
    }
}

static void add_random_bytes(rng *r, bytes *b, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = (char)rng_below(r, 256);
        bytes_add(b, &c, 1);
    }
}

/* A header line as the built-in news layout knows it (" date 2031-04-02
 * Site"); a date that is not one needs two spaces after it. */
static void add_header(rng *r, generated *g)
{
    if (g->header_count == g->header_cap) {
        g->header_cap = g->header_cap ? 2 * g->header_cap : 8;
        g->headers = realloc(g->headers, g->header_cap * sizeof *g->headers);
        assert_non_null(g->headers);
    }
    g->headers[g->header_count++] = g->text.len;
    bytes *b = &g->text;
    bytes_str(b, rng_percent(r, 80) ? " " : "\t ");
    bytes_str(b, "date ");
    char date[32];
    int real = rng_percent(r, 80);
    snprintf(date, sizeof date, "20%02d-%02d-%02d", (int)rng_below(r, 100), real ? 1 + (int)rng_below(r, 12) : 13,
             real ? 1 + (int)rng_below(r, 28) : 40);
    bytes_str(b, date);
    bytes_str(b, real && rng_percent(r, 50) ? " " : "  ");
    add_template(r, b, PICK(r, publishers), 10);
    if (rng_percent(r, 20))
        bytes_str(b, "  ");
}

/* One line of a page, without its line end. */
static void add_line(rng *r, generated *g)
{
    bytes *b = &g->text;
    size_t kind = rng_below(r, 100);
    if (kind < 40) {
        for (size_t n = 1 + rng_below(r, 4); n--;) {
            add_template(r, b, PICK(r, templates), 4);
            if (n)
                bytes_str(b, " ");
        }
    } else if (kind < 55) {
        if (rng_percent(r, 20))
            bytes_str(b, rng_percent(r, 50) ? " \t" : "\v");
    } else if (kind < 60) {
        add_header(r, g);
    } else if (kind < 75) {
        add_template(r, b, PICK(r, layout_lines), 5);
    } else if (kind < 83) {
        add_random_bytes(r, b, 1 + rng_below(r, 60));
    } else if (kind < 88) {
        bytes_str(b, PICK(r, false_separators));
        add_template(r, b, PICK(r, templates), 4);
    } else if (kind < 90) {
        /* a token longer than a boundary line may be */
        for (size_t n = 1000 + rng_below(r, 5000); n--;)
            bytes_add(b, &"Tariffs"[rng_below(r, 7)], 1);
    } else {
        for (size_t n = 1 + rng_below(r, 6); n--;)
            bytes_str(b, PICK(r, oddities));
    }
}

/* A stream of zero or more pages: form-feed lines between most, a header
 * line at the start of some, LF or CRLF line ends, and now and then no
 * final line end or a separator at the very end. */
static void generate(rng *r, generated *g)
{
    size_t pages = rng_below(r, 7);
    for (size_t p = 0; p < pages; p++) {
        const char *eol = rng_percent(r, 25) ? "\r\n" : "\n";
        if (p && rng_percent(r, 70))
            bytes_str(&g->text, rng_percent(r, 30) ? "\f\r\n" : "\f\n");
        size_t lines = rng_below(r, 26);
        for (size_t i = 0; i < lines; i++) {
            if (i == 0 && rng_percent(r, 40))
                add_header(r, g);
            else
                add_line(r, g);
            int last = p + 1 == pages && i + 1 == lines;
            if (!last || rng_percent(r, 70))
                bytes_str(&g->text, eol);
        }
    }
    if (rng_percent(r, 10))
        bytes_str(&g->text, "\f\n");
}

static void generated_free(generated *g)
{
    bytes_free(&g->text);
    free(g->headers);
}

/* ---- a case's configuration ----------------------------------------------------------- */

#define SOURCES_MAX 3

typedef struct {
    int flags;                  /* ANN_OUT_* */
    size_t max_doc_size;        /* 0: the default */
    const ann_layouts *layouts; /* NULL: the built-in ones */
    int boundaries;             /* the layouts have header lines */
    size_t sources;             /* the input is read as this many files, */
    size_t source_ends[SOURCES_MAX]; /* each ending at this input byte (anywhere, even mid-line) */
    size_t write_limit, flush_limit; /* sink.h; 0: none */
    int fail_errno;
    int unfinished;             /* free the stream without ann_stream_finish */
} case_config;

static void source_name(char *name, size_t size, size_t source)
{
    snprintf(name, size, "fuzz%zu.txt", source + 1);
}

static size_t source_start(const case_config *cfg, size_t source)
{
    return source ? cfg->source_ends[source - 1] : 0;
}

/* ---- what the input says the output holds ------------------------------------------ */

typedef struct {
    size_t start, len;    /* in the whole input */
    size_t source;        /* the file it is in */
    unsigned long line;   /* the line of its file it starts on */
    int skipped;          /* over the size limit: reported, not written */
    int closed;           /* ended by a separator or header line, not by the end of its file */
} expected_doc;

typedef struct {
    expected_doc *items;
    size_t count, cap;
} expected_docs;

static void expect(expected_docs *d, size_t start, size_t len, size_t source, unsigned long line, int closed)
{
    if (d->count == d->cap) {
        d->cap = d->cap ? 2 * d->cap : 8;
        d->items = realloc(d->items, d->cap * sizeof *d->items);
        assert_non_null(d->items);
    }
    d->items[d->count++] = (expected_doc){start, len, source, line, 0, closed};
}

static int is_blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(" \t\r\n\f\v", s[i]) || !s[i])
            return 0;
    return 1;
}

/* The documents of one file as README.md describes the cutting, written
 * without the library: a line holding only a form feed separates documents
 * (empty pieces are none, but an empty file is one empty document), and a
 * header line starts one when the document so far holds a non-blank line.
 * Only the planted header lines are taken as such: no other line of the
 * generator starts with blanks and "date". */
static void expect_source(const generated *g, const case_config *cfg, size_t source, expected_docs *d)
{
    const char *in = g->text.data;
    size_t from = source_start(cfg, source), to = cfg->source_ends[source];
    size_t start = from, pos = from, header = 0;
    unsigned long line = 1, start_line = 1;
    int has_text = 0;
    for (const char *nl; pos < to && (nl = memchr(in + pos, '\n', to - pos)); line++) {
        size_t end = (size_t)(nl - in) + 1, n = end - pos;
        while (header < g->header_count && g->headers[header] < pos)
            header++;
        int is_header = cfg->boundaries && header < g->header_count && g->headers[header] == pos;
        if ((n == 2 && in[pos] == '\f') || (n == 3 && in[pos] == '\f' && in[pos + 1] == '\r')) {
            if (pos > start)
                expect(d, start, pos - start, source, start_line, 1);
            start = end;
            start_line = line + 1;
            has_text = 0;
        } else if (is_header && has_text) {
            expect(d, start, pos - start, source, start_line, 1);
            start = pos;
            start_line = line;
        } else if (!has_text) {
            has_text = !is_blank_line(in + pos, n);
        }
        pos = end;
    }
    if (to > start || to == from)
        expect(d, start, to - start, source, start_line, 0);
}

/* The documents of every file, in order, each marked skipped when it is
 * over the size limit. */
static void expect_documents(const generated *g, const case_config *cfg, expected_docs *d)
{
    memset(d, 0, sizeof *d);
    for (size_t source = 0; source < cfg->sources; source++)
        expect_source(g, cfg, source, d);
    size_t limit = cfg->max_doc_size ? cfg->max_doc_size : ANN_DEFAULT_MAX_DOC_SIZE;
    for (size_t i = 0; i < d->count; i++)
        d->items[i].skipped = d->items[i].len > limit;
}

/* ---- running a stream ---------------------------------------------------------------- */

typedef struct {
    sink sink;
    diag_log diags;
    size_t documents, failures;
    int stream_rc, stream_errno;  /* of the first failing feed or finish */
    int output_rc, output_errno;  /* of ann_output_new or ann_output_finish */
} run_result;

static void run_result_free(run_result *r)
{
    bytes_free(&r->sink.out);
    diag_log_free(&r->diags);
}

/* How many bytes the next feed takes: pieces of one byte, of a few, or of
 * up to some thousands, as the run's mode says. */
static size_t piece_size(rng *r, unsigned mode, size_t left)
{
    static const size_t most[] = {1, 8, 300, 5000};
    size_t n = 1 + rng_below(r, most[mode]);
    return n < left ? n : left;
}

/* Feeds data[0..len) whole (pieces NULL) or in pieces of random sizes;
 * returns like ann_stream_feed. The counts may be read at any time, while
 * workers write too, and never go down. */
static int feed(ann_stream *st, const char *data, size_t len, rng *pieces, unsigned mode, ann_error *err)
{
    int rc = ANN_OK;
    size_t documents = ann_stream_documents(st), failures = ann_stream_failures(st);
    for (size_t off = 0; off < len && rc == ANN_OK;) {
        size_t n = pieces ? piece_size(pieces, mode, len - off) : len;
        rc = ann_stream_feed(st, data + off, n, err);
        off += n;
        size_t documents_now = ann_stream_documents(st), failures_now = ann_stream_failures(st);
        if (documents_now < documents || failures_now < failures)
            fail_msg("the counts went down: %zu documents and %zu failures after %zu and %zu", documents_now,
                     failures_now, documents, failures);
        documents = documents_now;
        failures = failures_now;
    }
    return rc;
}

/* Adds a stream's counts, once they are final (not for a stream freed
 * unfinished, whose workers may still be writing). */
static void add_counts(run_result *res, const case_config *cfg, const ann_stream *st)
{
    if (cfg->unfinished)
        return;
    res->documents += ann_stream_documents(st);
    res->failures += ann_stream_failures(st);
}

/* Annotates input, cut into the case's files, into one corpus. The
 * reference (pieces NULL) reads each file whole with a stream of its own;
 * the other runs read them all with one stream (ann_stream_next_source),
 * with the given workers, in pieces of random sizes. */
static void run_stream(const ann_rules *rules, const case_config *cfg, const bytes *input, int jobs, rng *pieces,
                       run_result *res)
{
    memset(res, 0, sizeof *res);
    res->sink.write_limit = cfg->write_limit;
    res->sink.flush_limit = cfg->flush_limit;
    res->sink.fail_errno = cfg->fail_errno;
    res->diags.sink = &res->sink;
    ann_error err;
    memset(&err, 0, sizeof err);
    ann_output *out = ann_output_new(sink_write, sink_flush, &res->sink, cfg->flags, &err);
    if (!out) {
        res->output_rc = err.status;
        res->output_errno = err.sys_errno;
        return;
    }
    ann_stream_options opts = {.max_doc_size = cfg->max_doc_size,
                               .diag = log_diag,
                               .diag_ctx = &res->diags,
                               .layouts = cfg->layouts,
                               .jobs = jobs};
    int own_streams = pieces == NULL;
    unsigned mode = pieces ? (unsigned)rng_below(pieces, 4) : 0;
    ann_stream *st = NULL;
    int rc = ANN_OK;
    for (size_t source = 0; source < cfg->sources && rc == ANN_OK; source++) {
        char name[32];
        source_name(name, sizeof name, source);
        if (st && own_streams) {
            rc = ann_stream_finish(st, &err);
            add_counts(res, cfg, st);
            ann_stream_free(st);
            st = NULL;
        }
        if (rc == ANN_OK && st)
            rc = ann_stream_next_source(st, name, &err);
        else if (rc == ANN_OK)
            st = ann_stream_new(rules, out, name, &opts);
        size_t from = source_start(cfg, source);
        if (rc == ANN_OK)
            rc = feed(st, input->data + from, cfg->source_ends[source] - from, pieces, mode, &err);
    }
    if (st) {
        if (rc == ANN_OK && !cfg->unfinished)
            rc = ann_stream_finish(st, &err);
        add_counts(res, cfg, st);
        ann_stream_free(st);
    }
    if (rc != ANN_OK) {
        assert_int_equal(rc, ANN_ERR_OUTPUT);
        assert_int_equal(err.status, ANN_ERR_OUTPUT);
        res->stream_rc = rc;
        res->stream_errno = err.sys_errno;
    }
    memset(&err, 0, sizeof err);
    res->output_rc = ann_output_finish(out, &err);
    res->output_errno = err.sys_errno;
    ann_output_free(out);
}

/* ---- comparing runs ------------------------------------------------------------------- */

static void assert_same_run(const run_result *want, const run_result *got, const char *what)
{
    const bytes *a = &want->sink.out, *b = &got->sink.out;
    if (a->len != b->len || (a->len && memcmp(a->data, b->data, a->len) != 0)) {
        size_t at = first_difference_of(a->data, a->len, b->data, b->len);
        size_t from = at > 60 ? at - 60 : 0;
        fail_msg("%s: output differs at byte %zu (lengths %zu, %zu)\nwant: ...%.*s...\ngot:  ...%.*s...", what, at,
                 a->len, b->len, (int)(a->len - from < 160 ? a->len - from : 160), a->data + from,
                 (int)(b->len - from < 160 ? b->len - from : 160), b->data + from);
    }
    for (size_t i = 0; i < want->diags.count && i < got->diags.count; i++) {
        const logged_diag *x = &want->diags.items[i], *y = &got->diags.items[i];
        if (x->diag.status != y->diag.status || x->diag.severity != y->diag.severity ||
            strcmp(x->diag.file, y->diag.file) || x->diag.line != y->diag.line ||
            x->diag.column != y->diag.column || x->diag.byte != y->diag.byte ||
            strcmp(x->diag.message, y->diag.message) || x->output_at != y->output_at)
            fail_msg("%s: diagnostic %zu differs:\nwant %lu:%lu byte %lld after %zu output bytes: %s\n"
                     "got  %lu:%lu byte %lld after %zu output bytes: %s",
                     what, i + 1, x->diag.line, x->diag.column, x->diag.byte, x->output_at, x->diag.message,
                     y->diag.line, y->diag.column, y->diag.byte, y->output_at, y->diag.message);
    }
    if (want->diags.count != got->diags.count)
        fail_msg("%s: %zu diagnostics, want %zu", what, got->diags.count, want->diags.count);
    if (want->documents != got->documents || want->failures != got->failures)
        fail_msg("%s: %zu documents and %zu failures, want %zu and %zu", what, got->documents, got->failures,
                 want->documents, want->failures);
    if (want->stream_rc != got->stream_rc || want->stream_errno != got->stream_errno ||
        want->output_rc != got->output_rc || want->output_errno != got->output_errno)
        fail_msg("%s: stream %d (errno %d) and output %d (errno %d), want %d (%d) and %d (%d)", what,
                 got->stream_rc, got->stream_errno, got->output_rc, got->output_errno, want->stream_rc,
                 want->stream_errno, want->output_rc, want->output_errno);
}

/* ---- checking the reference against the input ------------------------------------------ */

static size_t count_raw(const xmlNode *node)
{
    size_t n = 0;
    for (const xmlNode *c = node->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            n += !strcmp((const char *)c->name, "raw") ? 1 : count_raw(c);
    return n;
}

static void assert_attr(xmlNode *node, const char *name, const char *want, size_t doc)
{
    xmlChar *got = xmlGetProp(node, BAD_CAST name);
    if (!got || strcmp((const char *)got, want))
        fail_msg("document %zu: %s=\"%s\", want \"%s\"", doc, name, got ? (const char *)got : "(none)", want);
    xmlFree(got);
}

/* Whether an expected document is not written: it is too large, or the
 * stream was freed unfinished before the document the input ends in. */
static int unwritten(const case_config *cfg, const expected_doc *e)
{
    return e->skipped || (cfg->unfinished && !e->closed && e->source + 1 == cfg->sources);
}

/* The documents written are the expected ones, each giving back its bytes,
 * with its id, file and line. Returns how many there are; *raws counts
 * their <raw> elements. */
static size_t check_documents(const generated *g, const case_config *cfg, const expected_docs *want,
                              const bytes *xml, size_t *raws)
{
    xmlNode *root;
    xmlDocPtr doc = parse_corpus(xml, &root);
    size_t next = 0, written = 0;
    *raws = 0;
    for (xmlNode *c = root->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        assert_string_equal((const char *)c->name, "document");
        while (next < want->count && unwritten(cfg, &want->items[next]))
            next++;
        if (next == want->count)
            fail_msg("document %zu written, only %zu expected", written + 1, written);
        const expected_doc *e = &want->items[next++];
        bytes got = {0};
        bytes_add(&got, "", 0);
        rebuild_text(c, &got);
        if (got.len != e->len || (e->len && memcmp(got.data, g->text.data + e->start, e->len) != 0))
            fail_msg("document %zu: %zu bytes rebuilt, want the %zu at input byte %zu (first difference at %zu)",
                     written + 1, got.len, e->len, e->start,
                     first_difference_of(got.data, got.len, g->text.data + e->start, e->len));
        bytes_free(&got);
        char id[32], source[32], line[32];
        snprintf(id, sizeof id, "d%zu", ++written);
        source_name(source, sizeof source, e->source);
        snprintf(line, sizeof line, "%lu", e->line);
        assert_attr(c, "id", id, written);
        assert_attr(c, "source", source, written);
        assert_attr(c, "line", line, written);
        *raws += count_raw(c);
    }
    while (next < want->count && unwritten(cfg, &want->items[next]))
        next++;
    if (next < want->count)
        fail_msg("%zu documents written, more expected (the next at input byte %zu)", written,
                 want->items[next].start);
    xmlFreeDoc(doc);
    return written;
}

/* Every skipped document has exactly one error, at its start in its file,
 * in input order, and no other error is reported. Returns how many were
 * skipped. */
static size_t check_skip_reports(const case_config *cfg, const expected_docs *want, const diag_log *diags)
{
    size_t skipped = 0, at = 0;
    for (size_t i = 0; i < want->count; i++) {
        const expected_doc *d = &want->items[i];
        if (!d->skipped)
            continue;
        skipped++;
        while (at < diags->count && diags->items[at].diag.severity != ANN_DIAG_ERROR)
            at++;
        if (at == diags->count)
            fail_msg("the document at input byte %zu (%zu bytes) was not reported as too large", d->start, d->len);
        const ann_error *e = &diags->items[at++].diag;
        char source[32];
        source_name(source, sizeof source, d->source);
        size_t byte = d->start - source_start(cfg, d->source);
        if (e->status != ANN_ERR_INPUT || strcmp(e->file, source) || e->line != d->line || e->column != 1 ||
            e->byte != (long long)byte || !strstr(e->message, "larger than"))
            fail_msg("a skipped document reported at %s:%lu:%lu byte %lld (%s), want %s:%lu:1 byte %zu", e->file,
                     e->line, e->column, e->byte, e->message, source, d->line, byte);
    }
    for (; at < diags->count; at++)
        if (diags->items[at].diag.severity == ANN_DIAG_ERROR)
            fail_msg("an error not about a skipped document: %s", diags->items[at].diag.message);
    return skipped;
}

/* The reference run against what its input holds: the documents, a warning
 * for each <raw>, the reports of skipped documents and the counts. */
static void check_reference(const generated *g, const case_config *cfg, const run_result *ref)
{
    expected_docs want;
    expect_documents(g, cfg, &want);
    size_t raws;
    size_t written = check_documents(g, cfg, &want, &ref->sink.out, &raws);
    size_t raw_warnings = 0;
    for (size_t i = 0; i < ref->diags.count; i++)
        raw_warnings += strstr(ref->diags.items[i].diag.message, "kept as <raw") != NULL;
    if (raw_warnings != raws)
        fail_msg("%zu <raw> elements, %zu warnings about them", raws, raw_warnings);
    /* unfinished, the last document may or may not have been found too
     * large yet, and the counts are not final */
    if (!cfg->unfinished) {
        size_t skipped = check_skip_reports(cfg, &want, &ref->diags);
        if (ref->documents != written || ref->failures != skipped)
            fail_msg("ann_stream_documents %zu and ann_stream_failures %zu, want %zu and %zu", ref->documents,
                     ref->failures, written, skipped);
    }
    free(want.items);
}

/* ---- cases ------------------------------------------------------------------------------ */

typedef struct {
    const ann_rules *rules;
    ann_layouts *no_layouts;
    uint64_t seed;
    size_t first, cases;
    size_t running;             /* the case under way, for the failure report */
    char config[200];           /* and its configuration */
} fuzz_run;

static fuzz_run fuzz = {.seed = 1, .cases = 100};

static int by_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

static void case_start(size_t index, rng *r, generated *g, case_config *cfg)
{
    *r = (rng){fuzz.seed * 0x100000001B3u + index};
    rng_next(r);
    memset(g, 0, sizeof *g);
    generate(r, g);
    memset(cfg, 0, sizeof *cfg);
    cfg->flags = (int)rng_below(r, 4);
    cfg->max_doc_size = rng_percent(r, 40) ? 16 + rng_below(r, 3000) : 0;
    cfg->boundaries = rng_percent(r, 80);
    cfg->layouts = cfg->boundaries ? NULL : fuzz.no_layouts;
    /* cut anywhere, so a file may end mid-line or be empty */
    cfg->sources = rng_percent(r, 60) ? 1 : 2 + rng_below(r, SOURCES_MAX - 1);
    for (size_t i = 0; i + 1 < cfg->sources; i++)
        cfg->source_ends[i] = rng_below(r, g->text.len + 1);
    cfg->source_ends[cfg->sources - 1] = g->text.len;
    qsort(cfg->source_ends, cfg->sources, sizeof *cfg->source_ends, by_size);
}

/* For the failure report. */
static void describe_case(const generated *g, const case_config *cfg)
{
    snprintf(fuzz.config, sizeof fuzz.config,
             "%zu input bytes in %zu files, flags %d, max-doc-size %zu, %s layouts, write limit %zu, "
             "flush limit %zu%s",
             g->text.len, cfg->sources, cfg->flags, cfg->max_doc_size, cfg->boundaries ? "built-in" : "no",
             cfg->write_limit, cfg->flush_limit, cfg->unfinished ? ", freed unfinished" : "");
}

/* One case: the reference, then every number of workers in random pieces. */
static void run_case(size_t index)
{
    rng r;
    generated g;
    case_config cfg;
    case_start(index, &r, &g, &cfg);
    size_t failure = rng_below(&r, 100);
    cfg.unfinished = failure >= 20 && failure < 30;
    describe_case(&g, &cfg);
    run_result ref;
    run_stream(fuzz.rules, &cfg, &g.text, 0, NULL, &ref);
    if (failure < 20) {
        /* the same run with an output that fails part way: what was written
         * is the start of what would have been */
        cfg.fail_errno = rng_percent(&r, 50) ? EPIPE : ENOSPC;
        if (failure < 15)
            cfg.write_limit = 1 + rng_below(&r, ref.sink.out.len - 1);
        else
            cfg.flush_limit = 1 + rng_below(&r, ref.sink.flushes);
        describe_case(&g, &cfg);
        run_result failing;
        run_stream(fuzz.rules, &cfg, &g.text, 0, NULL, &failing);
        const bytes *whole = &ref.sink.out, *part = &failing.sink.out;
        if (part->len > whole->len || (part->len && memcmp(part->data, whole->data, part->len) != 0))
            fail_msg("a failing output got other bytes than the whole one");
        if (!failing.stream_rc && !failing.output_rc)
            fail_msg("the output failed, and nothing said so");
        run_result_free(&ref);
        ref = failing;
    } else {
        check_reference(&g, &cfg, &ref);
    }
    static const int jobs[] = {0, 1, 2, 3, 5};
    for (size_t i = 0; i < sizeof jobs / sizeof *jobs; i++) {
        rng pieces = {rng_next(&r)};
        run_result run;
        run_stream(fuzz.rules, &cfg, &g.text, jobs[i], &pieces, &run);
        char what[64];
        snprintf(what, sizeof what, "%d jobs, in pieces", jobs[i]);
        assert_same_run(&ref, &run, what);
        run_result_free(&run);
    }
    run_result_free(&ref);
    generated_free(&g);
}

static void fuzz_streams(void **state)
{
    (void)state;
    for (fuzz.running = fuzz.first; fuzz.running < fuzz.first + fuzz.cases; fuzz.running++)
        run_case(fuzz.running);
    fuzz.running = SIZE_MAX;
}

/* cmocka has printed what failed; this says how to run that case again. */
static int report_failed_case(void **state)
{
    (void)state;
    if (fuzz.running != SIZE_MAX)
        fprintf(stderr, "stream_fuzz: case %zu failed; again alone: stream_fuzz --seed %" PRIu64
                        " --case %zu (--dump writes its input)\n  (%s)\n",
                fuzz.running, fuzz.seed, fuzz.running, fuzz.config);
    return 0;
}

static void usage(void)
{
    fprintf(stderr, "usage: stream_fuzz [--cases N] [--seed S] [--case I [--dump]]\n");
    exit(2);
}

static unsigned long long number_arg(int argc, char **argv, int *i)
{
    if (*i + 1 >= argc)
        usage();
    char *end;
    unsigned long long n = strtoull(argv[++*i], &end, 10);
    if (*end || end == argv[*i])
        usage();
    return n;
}

int main(int argc, char **argv)
{
    int dump = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--cases"))
            fuzz.cases = (size_t)number_arg(argc, argv, &i);
        else if (!strcmp(argv[i], "--seed"))
            fuzz.seed = number_arg(argc, argv, &i);
        else if (!strcmp(argv[i], "--case")) {
            fuzz.first = (size_t)number_arg(argc, argv, &i);
            fuzz.cases = 1;
        } else if (!strcmp(argv[i], "--dump"))
            dump = 1;
        else
            usage();
    }
    if (dump) {
        rng r;
        generated g;
        case_config cfg;
        case_start(fuzz.first, &r, &g, &cfg);
        fwrite(g.text.data, 1, g.text.len, stdout);
        generated_free(&g);
        return 0;
    }
    ann_error err;
    ann_rules *rules = ann_rules_new();
    ann_layouts *no_layouts = ann_layouts_new();
    if (ann_rules_add_builtin(rules, &err) != ANN_OK || ann_rules_compile(rules, &err) != ANN_OK ||
        ann_layouts_compile(no_layouts, &err) != ANN_OK) {
        fprintf(stderr, "stream_fuzz: %s:%lu:%lu: %s\n", err.file, err.line, err.column, err.message);
        return 2;
    }
    fuzz.rules = rules;
    fuzz.no_layouts = no_layouts;
    fprintf(stderr, "stream_fuzz: cases %zu to %zu of seed %" PRIu64 "\n", fuzz.first, fuzz.first + fuzz.cases - 1,
            fuzz.seed);
    const struct CMUnitTest tests[] = {cmocka_unit_test_teardown(fuzz_streams, report_failed_case)};
    int failed = cmocka_run_group_tests(tests, NULL, NULL);
    ann_rules_free(rules);
    ann_layouts_free(no_layouts);
    xmlCleanupParser();
    return failed;
}
