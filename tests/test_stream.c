/* ann_stream through the public API (annotator.h) only.
 *
 * The central property: a stream gives the same output, the same document
 * and failure counts and the same diagnostics whether its input arrives in
 * one piece, one byte at a time or in 7-byte pieces. It is checked on every
 * corpora/ *.txt file (globbed at run time; the tests run from the repo root)
 * and on edge-case inputs built here. The output is also lossless: each
 * <document>'s text nodes plus its <raw hex> elements give back its input
 * bytes exactly. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "annotator.h"
#include "lossless.h"
#include "sink.h"

/* ---- rules ---------------------------------------------------------------------- */

/* A small rule set of our own, so the split property is tested with patterns,
 * a word list, a phase 2 rule over phase 1 annotations and a helper type,
 * whatever state the default rules are in. The list lives in a temporary
 * folder because list paths are relative to the rule file. */
static char tmp_dir[64];
static char list_path[128];
static ann_rules *own_rules;

static const char LIST_TEXT[] = "# test list\n"
                                "Japan\n"
                                "South Korea | Korea, Republic of | code=KR\n"
                                "United States | United States | code=US\n"
                                "U.S. | United States | code=US\n";

static const char RULES_TEXT[] = "define NUM \\d+(?:\\.\\d+)?\n"
                                 "rule pct\n"
                                 "  type     PERCENT\n"
                                 "  pattern  {NUM}\\h?%\n"
                                 "  priority 50\n"
                                 "rule country\n"
                                 "  type     GPE\n"
                                 "  list     countries.txt\n"
                                 "  case     upper\n"
                                 "rule said\n"
                                 "  type     PERSON\n"
                                 "  pattern  \\p{Lu}\\p{Ll}+\\h\\p{Lu}\\p{Ll}+(?=,?\\hsaid)\n"
                                 "rule helper\n"
                                 "  type     _GOODS\n"
                                 "  pattern  (?i:steel|rice|cars)\n"
                                 "rule tariff\n"
                                 "  type     TARIFF\n"
                                 "  phase    2\n"
                                 "  pattern  (?<rate><PERCENT>)\\h(?i:tariffs?)(?:\\hon\\h(?<goods><_GOODS>))?\n";

static int group_setup(void **state)
{
    (void)state;
    snprintf(tmp_dir, sizeof tmp_dir, "/tmp/ann-test-stream-XXXXXX");
    if (!mkdtemp(tmp_dir))
        return -1;
    snprintf(list_path, sizeof list_path, "%s/countries.txt", tmp_dir);
    FILE *f = fopen(list_path, "wb");
    if (!f) {
        rmdir(tmp_dir);
        return -1;
    }
    fputs(LIST_TEXT, f);
    fclose(f);
    char rules_name[128];
    snprintf(rules_name, sizeof rules_name, "%s/own.rules", tmp_dir);
    ann_error err;
    own_rules = ann_rules_new();
    int rc = ann_rules_add_text(own_rules, rules_name, RULES_TEXT, strlen(RULES_TEXT), &err);
    if (rc == ANN_OK)
        rc = ann_rules_compile(own_rules, &err);
    /* the list is read by the compile: the folder is not needed any more */
    unlink(list_path);
    rmdir(tmp_dir);
    if (rc != ANN_OK) {
        fprintf(stderr, "own rules: %s:%lu:%lu: %s\n", err.file, err.line, err.column, err.message);
        return -1;
    }
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    ann_rules_free(own_rules);
    return 0;
}

/* The default rules, for the corpora: compiled on first use. */
static ann_rules *builtin_rules(void)
{
    static ann_rules *rules;
    if (!rules) {
        ann_error err;
        rules = ann_rules_new();
        int rc = ann_rules_add_builtin(rules, &err);
        if (rc == ANN_OK)
            rc = ann_rules_compile(rules, &err);
        if (rc != ANN_OK) {
            fail_msg("built-in rules: %s:%lu:%lu: %s", err.file, err.line, err.column, err.message);
        }
    }
    return rules;
}

/* ---- running a stream -------------------------------------------------------- */

typedef struct {
    sink sink;
    diag_log diags;
    size_t documents, failures;
} run_result;

static void run_result_free(run_result *r)
{
    bytes_free(&r->sink.out);
    diag_log_free(&r->diags);
}

/* Annotates input[0..len) as one stream named source into a fresh corpus,
 * fed in pieces of `piece` bytes (0: all at once), with `jobs` worker
 * threads (ann_stream_options). Every call must succeed. */
static void run_stream_jobs(const ann_rules *rules, const char *source, const char *input, size_t len,
                            size_t piece, size_t max_doc_size, int jobs, run_result *res)
{
    memset(res, 0, sizeof *res);
    ann_error err;
    ann_output *out = ann_output_new(sink_write, sink_flush, &res->sink, 0, &err);
    assert_non_null(out);
    ann_stream_options opts = {
        .max_doc_size = max_doc_size, .diag = log_diag, .diag_ctx = &res->diags, .jobs = jobs};
    ann_stream *st = ann_stream_new(rules, out, source, &opts);
    assert_non_null(st);
    size_t step = piece ? piece : (len ? len : 1);
    for (size_t off = 0; off < len; off += step) {
        size_t n = len - off < step ? len - off : step;
        assert_int_equal(ann_stream_feed(st, input + off, n, &err), ANN_OK);
    }
    assert_int_equal(ann_stream_finish(st, &err), ANN_OK);
    res->documents = ann_stream_documents(st);
    res->failures = ann_stream_failures(st);
    ann_stream_free(st);
    assert_int_equal(ann_output_finish(out, &err), ANN_OK);
    ann_output_free(out);
}

static void run_stream(const ann_rules *rules, const char *source, const char *input, size_t len,
                       size_t piece, size_t max_doc_size, run_result *res)
{
    run_stream_jobs(rules, source, input, len, piece, max_doc_size, 0, res);
}

static void assert_same_diags(const diag_log *a, const diag_log *b, const char *what)
{
    if (a->count != b->count)
        fail_msg("%s: %zu diagnostics fed whole, %zu fed in pieces", what, a->count, b->count);
    for (size_t i = 0; i < a->count; i++) {
        const ann_error *x = &a->items[i].diag, *y = &b->items[i].diag;
        assert_int_equal(x->status, y->status);
        assert_int_equal(x->severity, y->severity);
        assert_string_equal(x->file, y->file);
        assert_int_equal(x->line, y->line);
        assert_int_equal(x->column, y->column);
        assert_int_equal(x->byte, y->byte);
        assert_string_equal(x->message, y->message);
    }
}

static size_t first_difference(const bytes *a, const bytes *b)
{
    return first_difference_of(a->data, a->len, b->data, b->len);
}

static void assert_same_output(const run_result *whole, const run_result *split, const char *what,
                               size_t piece)
{
    if (whole->documents != split->documents || whole->failures != split->failures)
        fail_msg("%s in %zu-byte pieces: %zu documents / %zu failures, whole: %zu / %zu", what, piece,
                 split->documents, split->failures, whole->documents, whole->failures);
    const bytes *a = &whole->sink.out, *b = &split->sink.out;
    if (a->len != b->len || memcmp(a->data, b->data, a->len) != 0) {
        size_t at = first_difference(a, b);
        size_t from = at > 60 ? at - 60 : 0;
        fail_msg("%s in %zu-byte pieces: output differs at byte %zu (lengths %zu, %zu)\nwhole: ...%.*s...\n"
                 "split: ...%.*s...",
                 what, piece, at, a->len, b->len, (int)(a->len - from < 160 ? a->len - from : 160), a->data + from,
                 (int)(b->len - from < 160 ? b->len - from : 160), b->data + from);
    }
    assert_same_diags(&whole->diags, &split->diags, what);
}

/* ---- lossless: rebuilding each document's bytes from the XML -------------- */

typedef struct {
    const char *data;
    size_t len;
    unsigned long line;   /* the source line it starts on */
} doc_piece;

/* Parses a whole corpus and checks it holds exactly the expected documents,
 * byte for byte, with their ids (from first_id), source and line. */
static void assert_lossless(const bytes *xml, const char *source, const doc_piece *docs, size_t count,
                            size_t first_id)
{
    xmlNode *root;
    xmlDocPtr doc = parse_corpus(xml, &root);
    size_t k = 0;
    for (xmlNode *c = root->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        assert_string_equal((const char *)c->name, "document");
        if (k >= count)
            fail_msg("more than the %zu expected documents", count);
        bytes got = {0};
        bytes_add(&got, "", 0);
        rebuild_text(c, &got);
        if (got.len != docs[k].len || memcmp(got.data, docs[k].data, got.len) != 0)
            fail_msg("document %zu: %zu bytes rebuilt, %zu expected (first difference at %zu)", k + 1, got.len,
                     docs[k].len,
                     first_difference_of(got.data, got.len, docs[k].data, docs[k].len));
        bytes_free(&got);

        char want[32];
        xmlChar *id = xmlGetProp(c, BAD_CAST "id");
        snprintf(want, sizeof want, "d%zu", first_id + k);
        assert_non_null(id);
        assert_string_equal((const char *)id, want);
        xmlFree(id);
        xmlChar *src = xmlGetProp(c, BAD_CAST "source");
        assert_non_null(src);
        assert_string_equal((const char *)src, source);
        xmlFree(src);
        xmlChar *line = xmlGetProp(c, BAD_CAST "line");
        assert_non_null(line);
        snprintf(want, sizeof want, "%lu", docs[k].line);
        assert_string_equal((const char *)line, want);
        xmlFree(line);
        k++;
    }
    assert_int_equal(k, count);
    xmlFreeDoc(doc);
}

/* Cuts input the way the stream is documented to: a line holding only a form
 * feed (LF or CRLF ending) separates documents; empty pieces are no
 * documents, except that an empty input is one empty document. Written
 * independently of the library. Returns the number of pieces. */
/* More documents than one input here holds: the corpora as one stream. */
#define MAX_DOCS 256

static size_t split_documents(const char *input, size_t len, doc_piece *out, size_t cap)
{
    size_t count = 0, start = 0, pos = 0;
    unsigned long line = 1, start_line = 1;
    while (pos < len) {
        const char *nl = memchr(input + pos, '\n', len - pos);
        if (!nl)
            break;
        size_t end = (size_t)(nl - input) + 1;
        size_t n = end - pos;
        int sep = (n == 2 && input[pos] == '\f') || (n == 3 && input[pos] == '\f' && input[pos + 1] == '\r');
        line++;
        if (sep) {
            if (pos > start) {
                assert_true(count < cap);
                out[count++] = (doc_piece){input + start, pos - start, start_line};
            }
            start = end;
            start_line = line;
        }
        pos = end;
    }
    if (len > start || len == 0) {
        assert_true(count < cap);
        out[count++] = (doc_piece){input + start, len - start, start_line};
    }
    return count;
}

/* The whole check for one input: split property for pieces of 1 and 7
 * bytes, the same with worker threads, and losslessness. Returns the
 * whole-run document count. */
static size_t check_input(const ann_rules *rules, const char *what, const char *input, size_t len)
{
    run_result whole, split;
    run_stream(rules, what, input, len, 0, 0, &whole);
    static const size_t pieces[] = {1, 7};
    for (size_t i = 0; i < sizeof pieces / sizeof *pieces; i++) {
        run_stream(rules, what, input, len, pieces[i], 0, &split);
        assert_same_output(&whole, &split, what, pieces[i]);
        run_result_free(&split);
    }
    for (int jobs = 2; jobs <= 3; jobs++) {
        run_stream_jobs(rules, what, input, len, 7, 0, jobs, &split);
        assert_same_output(&whole, &split, jobs == 2 ? "with 2 workers" : "with 3 workers", 7);
        run_result_free(&split);
    }
    doc_piece docs[MAX_DOCS];
    size_t n = split_documents(input, len, docs, MAX_DOCS);
    assert_int_equal(whole.documents, n);
    assert_int_equal(whole.failures, 0);
    assert_lossless(&whole.sink.out, what, docs, n, 1);
    run_result_free(&whole);
    return n;
}

/* ---- corpora ---------------------------------------------------------------------- */

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    bytes b = {0};
    char chunk[8192];
    size_t n;
    bytes_add(&b, "", 0);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        bytes_add(&b, chunk, n);
    assert_int_equal(ferror(f), 0);
    fclose(f);
    *len = b.len;
    return b.data;
}

static void check_corpora(const ann_rules *rules)
{
    glob_t g;
    assert_int_equal(glob("corpora/*.txt", 0, NULL, &g), 0);
    assert_true(g.gl_pathc > 0);
    bytes all = {0};
    doc_piece docs[MAX_DOCS];
    for (size_t i = 0; i < g.gl_pathc; i++) {
        size_t len;
        char *text = read_file(g.gl_pathv[i], &len);
        assert_int_equal(check_input(rules, g.gl_pathv[i], text, len), 1);
        /* and all of them as one stream, separated by form-feed lines */
        if (i)
            bytes_str(&all, i % 2 ? "\f\n" : "\f\r\n");
        bytes_add(&all, text, len);
        if (len && text[len - 1] != '\n')
            bytes_str(&all, "\n");
        free(text);
    }
    assert_int_equal(split_documents(all.data, all.len, docs, MAX_DOCS), g.gl_pathc);
    assert_int_equal(check_input(rules, "all-corpora", all.data, all.len), g.gl_pathc);
    bytes_free(&all);
    globfree(&g);
}

static void test_corpora_split_own_rules(void **state)
{
    (void)state;
    check_corpora(own_rules);
}

static void test_corpora_split_builtin_rules(void **state)
{
    (void)state;
    check_corpora(builtin_rules());
}

/* ---- edge cases ------------------------------------------------------------------ */

#define CHECK_LITERAL(what, s) check_input(own_rules, what, s, sizeof s - 1)

static void test_crlf(void **state)
{
    (void)state;
    CHECK_LITERAL("crlf", "Japan set a 25% tariff on steel.\r\nAnn Lee said so.\r\n\r\nNext paragraph.\r\n");
    /* lone CRs, and a CRLF whose CR and LF are far apart in the pieces */
    CHECK_LITERAL("cr", "Old Mac\rline ends\r\rand a 5% tariff\r");
}

static void test_bom(void **state)
{
    (void)state;
    CHECK_LITERAL("bom", "\xEF\xBB\xBFJapan set a 25% tariff on rice.\n");
    CHECK_LITERAL("bom-crlf", "\xEF\xBB\xBF\r\nSouth Korea\r\n");
}

static void test_no_final_newline(void **state)
{
    (void)state;
    CHECK_LITERAL("no-final-newline", "South Korea faces a 15% tariff on cars.\nAnn Lee said so");
}

static void test_empty_and_blank(void **state)
{
    (void)state;
    assert_int_equal(CHECK_LITERAL("empty", ""), 1);
    CHECK_LITERAL("blank", " \t \n\n   \r\n\t");
    CHECK_LITERAL("newline", "\n");
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    CHECK_LITERAL("invalid-utf8", "Tariffs \xff\xfe on \xc3( steel \xe2\x82 and \xf0\x9f\x98\n"
                                  "over long \xc0\xaf and surrogate \xed\xa0\x80 and 25%\xa0tariffs\n"
                                  "truncated at the end \xe6\x9d");
}

static void test_nul_and_controls(void **state)
{
    (void)state;
    CHECK_LITERAL("controls", "a\0b \x01\x02\x1b[0m c\x7f d\x1a\n\0\0\0\nJapan\x0bKorea\x0c"
                              "25%\x1f tariff\n");
    /* valid UTF-8 that XML refuses, and the private-use marks rule views use */
    CHECK_LITERAL("nonchars", "U+FFFE \xef\xbf\xbe U+FFFF \xef\xbf\xbf marks \xee\x80\x80PERCENT\xee\x80\x81"
                              "25%\xee\x80\x82 tariff\n");
    /* one raw run from a word's last character on past the sentence's end */
    CHECK_LITERAL("nonchar-then-control", "Caf\xc3\xa9\xef\xbf\xbe\x0c\nTokyo\xef\xbf\xbf\x01 rose.\n");
}

/* One line of 1 MiB: a paragraph of many sentences with no line break. The
 * annotations are kept sparse on purpose (one tariff sentence in five), so
 * the test measures the stream and not the resolver's cost per annotation. */
static void test_one_megabyte_line(void **state)
{
    (void)state;
    static const char filler[] = "Officials from both sides met again on the question of market access for farm "
                                 "goods and industrial products, and the talks went on late into the evening. ";
    static const char news[] = "Japan set a 25% tariff on steel, Ann Lee said. ";
    bytes b = {0};
    for (int i = 0; b.len < ((size_t)1 << 20); i++)
        bytes_str(&b, i % 5 ? filler : news);
    assert_null(memchr(b.data, '\n', b.len));
    check_input(own_rules, "one-megabyte-line", b.data, b.len);
    bytes_free(&b);
}

static void test_separators(void **state)
{
    (void)state;
    static const char input[] = "Alpha one.\n\f\nBeta two.\n\f\r\nGamma three.";
    assert_int_equal(check_input(own_rules, "separators", input, sizeof input - 1), 3);

    run_result r;
    run_stream(own_rules, "separators", input, sizeof input - 1, 0, 0, &r);
    assert_int_equal(r.documents, 3);
    assert_int_equal(r.failures, 0);
    assert_int_equal(r.diags.count, 0);
    const doc_piece want[] = {{"Alpha one.\n", 11, 1}, {"Beta two.\n", 10, 3}, {"Gamma three.", 12, 5}};
    assert_lossless(&r.sink.out, "separators", want, 3, 1);
    run_result_free(&r);

    /* leading, repeated and trailing separators make no empty documents */
    assert_int_equal(CHECK_LITERAL("leading", "\f\nOne.\n"), 1);
    assert_int_equal(CHECK_LITERAL("repeated", "One.\n\f\n\f\r\n\f\nTwo.\n"), 2);
    assert_int_equal(CHECK_LITERAL("trailing", "One.\n\f\n"), 1);
    assert_int_equal(CHECK_LITERAL("only-separators", "\f\n\f\r\n"), 0);
    /* a form feed that is not alone on its line separates nothing */
    assert_int_equal(CHECK_LITERAL("not-separators", "One.\n \f\n\f \nA\f\n\r\f\n\f\f\nTwo.\n\f"), 1);
}

/* A header line with a byte that is not UTF-8 in it still starts a page, as
 * it is still the page's header for the layout. */
static void test_header_line_with_invalid_byte(void **state)
{
    (void)state;
    static const char input[] = "Text.\n date 2079-11-10  Re \xff Co\nMore.\n";
    static const size_t pieces[] = {0, 1, 7};
    for (size_t i = 0; i < 3; i++) {
        run_result r;
        run_stream(own_rules, "header", input, sizeof input - 1, pieces[i], 0, &r);
        assert_int_equal(r.documents, 2);
        const doc_piece want[] = {{input, 6, 1}, {input + 6, sizeof input - 7, 2}};
        assert_lossless(&r.sink.out, "header", want, 2, 1);
        run_result_free(&r);
    }
}

/* A big document between two small ones: the big one is reported once as
 * an error and skipped, the small ones are written; the same in any pieces. */
static void check_max_doc(const char *what, const char *input, size_t len, size_t max, size_t want_docs,
                          const doc_piece *docs, unsigned long err_line, long long err_byte)
{
    run_result whole, split;
    run_stream(own_rules, what, input, len, 0, max, &whole);
    static const size_t pieces[] = {1, 7};
    for (size_t i = 0; i < sizeof pieces / sizeof *pieces; i++) {
        run_stream(own_rules, what, input, len, pieces[i], max, &split);
        assert_same_output(&whole, &split, what, pieces[i]);
        run_result_free(&split);
    }
    if (whole.documents != want_docs || whole.failures != 1)
        fail_msg("%s: %zu documents, %zu failures; want %zu and 1", what, whole.documents, whole.failures,
                 want_docs);
    assert_int_equal(whole.diags.count, 1);
    const ann_error *e = &whole.diags.items[0].diag;
    assert_int_equal(e->severity, ANN_DIAG_ERROR);
    assert_int_equal(e->status, ANN_ERR_INPUT);
    assert_string_equal(e->file, what);
    assert_int_equal(e->line, err_line);
    assert_int_equal(e->column, 1);
    assert_int_equal(e->byte, err_byte);
    assert_non_null(strstr(e->message, "larger than"));
    assert_lossless(&whole.sink.out, what, docs, want_docs, 1);
    run_result_free(&whole);
}

enum { MAX_DOC = 1000 };

/* A line of about 3000 bytes, without its line end. */
static void add_big_line(bytes *b)
{
    size_t start = b->len;
    while (b->len - start < 3000)
        bytes_str(b, "Japan set a 25% tariff. ");
}

/* The big document one long line, the separator right after it. */
static void test_max_doc_size_big_line(void **state)
{
    (void)state;
    bytes in = {0};
    bytes_str(&in, "Small one.\n\f\n");
    add_big_line(&in);
    bytes_str(&in, "\n\f\nSmall two.\n");
    const doc_piece docs[] = {{"Small one.\n", 11, 1}, {"Small two.\n", 11, 5}};
    check_max_doc("big-line", in.data, in.len, MAX_DOC, 2, docs, 3, 13);
    bytes_free(&in);
}

/* The big document many short lines, a CRLF separator after it. */
static void test_max_doc_size_big_lines(void **state)
{
    (void)state;
    bytes in = {0};
    bytes_str(&in, "Small one.\n\f\n");
    for (int i = 0; i < 30; i++)
        bytes_str(&in, "Japan set a 25% tariff on steel, Ann Lee said, and South Korea did not, said Bo Ng.\n");
    bytes_str(&in, "\f\r\nSmall two.");
    const doc_piece docs[] = {{"Small one.\n", 11, 1}, {"Small two.", 10, 34}};
    check_max_doc("big-lines", in.data, in.len, MAX_DOC, 2, docs, 3, 13);
    bytes_free(&in);
}

/* The big document last, without a final newline: only the first is written. */
static void test_max_doc_size_big_last(void **state)
{
    (void)state;
    bytes in = {0};
    bytes_str(&in, "Small one.\n\f\n");
    add_big_line(&in);
    const doc_piece docs[] = {{"Small one.\n", 11, 1}};
    check_max_doc("big-last", in.data, in.len, MAX_DOC, 1, docs, 3, 13);
    bytes_free(&in);
}

/* The big document first. */
static void test_max_doc_size_big_first(void **state)
{
    (void)state;
    bytes in = {0};
    add_big_line(&in);
    bytes_str(&in, "\n\f\nSmall two.\n");
    const doc_piece docs[] = {{"Small two.\n", 11, 3}};
    check_max_doc("big-first", in.data, in.len, MAX_DOC, 1, docs, 1, 0);
    bytes_free(&in);
}

/* The big document last, its last line short and unfinished: a short line
 * may still become a header line, so it is counted only at the end, and
 * then the document is skipped like any other. */
static void test_max_doc_size_short_last_line(void **state)
{
    (void)state;
    static const char input[] = "Small one.\n\f\nA last line of 30 bytes, no LF.";
    const doc_piece docs[] = {{"Small one.\n", 11, 1}};
    check_max_doc("short-last", input, sizeof input - 1, 20, 1, docs, 3, 13);
}

/* Where documents are cut does not depend on the size limit: a header line
 * after blank lines only starts no document, also when those blank lines
 * are already over the limit, so the whole is one document, skipped once. */
static void test_max_doc_size_blank_before_header(void **state)
{
    (void)state;
    bytes in = {0};
    for (int i = 0; i < 31; i++)
        bytes_str(&in, "\n");
    bytes_str(&in, " date 2031-04-02 X\nT\n");
    check_max_doc("blank-before-header", in.data, in.len, 30, 0, NULL, 1, 0);
    bytes_free(&in);
}

/* A document of exactly max_doc_size bytes is annotated; one more byte and
 * it is skipped. */
static void test_max_doc_size_boundary(void **state)
{
    (void)state;
    for (int extra = 0; extra <= 1; extra++) {
        bytes in = {0};
        bytes_str(&in, "Small one.\n\f\n");
        for (int i = 0; i < MAX_DOC - 1 + extra; i++)
            bytes_str(&in, "x");
        bytes_str(&in, "\n\f\nSmall two.\n");
        static const size_t pieces[] = {0, 1, 7};
        for (size_t p = 0; p < 3; p++) {
            run_result r;
            run_stream(own_rules, "boundary", in.data, in.len, pieces[p], MAX_DOC, &r);
            if (r.documents != (extra ? 2u : 3u) || r.failures != (extra ? 1u : 0u))
                fail_msg("a document of %d bytes (max %d) fed in %zu-byte pieces: %zu documents, %zu failures",
                         MAX_DOC + extra, MAX_DOC, pieces[p], r.documents, r.failures);
            run_result_free(&r);
        }
        bytes_free(&in);
    }
}

/* Finishing a stream again writes no second document, not even when the
 * source was empty (which is one empty document). */
static void test_finish_twice(void **state)
{
    (void)state;
    for (int jobs = 0; jobs <= 2; jobs += 2) {
        sink s = {0};
        ann_error err;
        ann_output *out = ann_output_new(sink_write, sink_flush, &s, 0, &err);
        assert_non_null(out);
        ann_stream_options opts = {.jobs = jobs};
        ann_stream *st = ann_stream_new(own_rules, out, "empty", &opts);
        assert_int_equal(ann_stream_finish(st, &err), ANN_OK);
        assert_int_equal(ann_stream_finish(st, &err), ANN_OK);
        assert_int_equal(ann_stream_documents(st), 1);
        ann_stream_free(st);
        ann_output_free(out);
        bytes_free(&s.out);
    }
}

/* ---- diagnostics ------------------------------------------------------------------ */

static void test_invalid_utf8_diagnostic(void **state)
{
    (void)state;
    static const char input[] = "Line one.\nLine two.\nBad \xff here.\n";
    for (size_t piece = 0; piece < 8; piece += 7) {
        run_result r;
        run_stream(own_rules, "bad.txt", input, sizeof input - 1, piece, 0, &r);
        assert_int_equal(r.documents, 1);
        assert_int_equal(r.failures, 0); /* a warning: the document is still annotated */
        assert_int_equal(r.diags.count, 1);
        const ann_error *e = &r.diags.items[0].diag;
        assert_int_equal(e->severity, ANN_DIAG_WARNING);
        assert_string_equal(e->file, "bad.txt");
        assert_int_equal(e->line, 3);
        assert_int_equal(e->column, 5);
        assert_int_equal(e->byte, 24);
        assert_non_null(strstr(e->message, "invalid UTF-8"));
        assert_non_null(strstr(e->message, "FF"));
        run_result_free(&r);
    }
}

/* Lines, columns and bytes count from the start of the stream, not of the
 * document the bad byte is in. */
static void test_diagnostics_in_later_document(void **state)
{
    (void)state;
    static const char input[] = "ok\n\f\nA\xc3(\nx\0y\n";
    run_result r;
    run_stream(own_rules, "two.txt", input, sizeof input - 1, 1, 0, &r);
    assert_int_equal(r.documents, 2);
    assert_int_equal(r.failures, 0);
    assert_int_equal(r.diags.count, 2);
    const ann_error *e = &r.diags.items[0].diag;
    assert_int_equal(e->severity, ANN_DIAG_WARNING);
    assert_int_equal(e->line, 3);
    assert_int_equal(e->column, 2);
    assert_int_equal(e->byte, 6);
    assert_non_null(strstr(e->message, "invalid UTF-8"));
    assert_non_null(strstr(e->message, "C3"));
    e = &r.diags.items[1].diag;
    assert_int_equal(e->severity, ANN_DIAG_WARNING);
    assert_int_equal(e->line, 4);
    assert_int_equal(e->column, 2);
    assert_int_equal(e->byte, 10);
    assert_non_null(strstr(e->message, "not allowed in XML"));
    assert_non_null(strstr(e->message, "00"));
    run_result_free(&r);
}

/* With workers, documents are annotated out of order but written in order,
 * each after its own diagnostics; a skipped document's report comes between
 * those of the documents around it. */
static void test_workers_keep_order(void **state)
{
    (void)state;
    enum { LIMIT = 64 * 1024 };
    bytes in = {0};
    for (int i = 0; i < 40; i++) {
        if (i)
            bytes_str(&in, "\f\n");
        if (i % 7 == 3) {
            for (int k = 0; k < LIMIT + 5; k++)
                bytes_str(&in, "y");
            bytes_str(&in, "\n");
        } else if (i % 5 == 1) {
            bytes_str(&in, "Bad \xff byte in Tokyo.\n");
        } else {
            /* heavy and light documents, so that workers finish out of order */
            for (int k = 0; k < (i % 3 ? 1 : 600); k++)
                bytes_str(&in, "Akazawa met Bessent in Washington on Friday. ");
            bytes_str(&in, "\n");
        }
    }
    run_result alone, workers;
    run_stream(own_rules, "mixed", in.data, in.len, 0, LIMIT, &alone);
    assert_int_equal(alone.failures, 6);
    assert_int_equal(alone.documents, 34);
    assert_int_equal(alone.diags.count, 6 + 7);
    for (int jobs = 2; jobs <= 4; jobs++) {
        run_stream_jobs(own_rules, "mixed", in.data, in.len, 4096, LIMIT, jobs, &workers);
        assert_same_output(&alone, &workers, "with workers", 4096);
        run_result_free(&workers);
    }
    run_result_free(&alone);
    bytes_free(&in);
}

/* Annotates the sources as one stream (ann_stream_next_source between
 * them) or as one stream each, all into one corpus. */
static void run_sources(const char *const *names, const char *const *texts, size_t count, int one_stream, int jobs,
                        run_result *res)
{
    memset(res, 0, sizeof *res);
    ann_error err;
    ann_output *out = ann_output_new(sink_write, sink_flush, &res->sink, 0, &err);
    assert_non_null(out);
    ann_stream_options opts = {.max_doc_size = 64, .diag = log_diag, .diag_ctx = &res->diags, .jobs = jobs};
    ann_stream *st = NULL;
    for (size_t i = 0; i < count; i++) {
        if (!st)
            st = ann_stream_new(own_rules, out, names[i], &opts);
        else
            assert_int_equal(ann_stream_next_source(st, names[i], &err), ANN_OK);
        assert_int_equal(ann_stream_feed(st, texts[i], strlen(texts[i]), &err), ANN_OK);
        if (!one_stream || i + 1 == count) {
            assert_int_equal(ann_stream_finish(st, &err), ANN_OK);
            res->documents += ann_stream_documents(st);
            res->failures += ann_stream_failures(st);
            ann_stream_free(st);
            st = NULL;
        }
    }
    assert_int_equal(ann_output_finish(out, &err), ANN_OK);
    ann_output_free(out);
}

/* One stream reading many files gives what one stream per file gives:
 * sources named, lines and bytes counted from each file's start, an empty
 * file still one document, a skipped document reported in its place. */
static void test_sources_in_one_stream(void **state)
{
    (void)state;
    static const char *const names[] = {"a.txt", "empty.txt", "b.txt", "big.txt", "c.txt"};
    static const char *const texts[] = {
        "Tokyo said no.\n\f\nSecond \xff one.\n",
        "",
        "Bad \xfe here.\n",
        "A document far larger than the limit of sixty-four bytes set for this test.\n\f\nSmall.\n",
        "Last.",
    };
    run_result apart, together;
    run_sources(names, texts, 5, 0, 0, &apart);
    assert_int_equal(apart.documents, 6);
    assert_int_equal(apart.failures, 1);
    assert_int_equal(apart.diags.count, 3);
    assert_string_equal(apart.diags.items[1].diag.file, "b.txt");
    assert_int_equal(apart.diags.items[1].diag.line, 1);
    assert_int_equal(apart.diags.items[1].diag.byte, 4);
    assert_non_null(strstr(apart.sink.out.data, "source=\"empty.txt\""));
    for (int jobs = 0; jobs <= 3; jobs += 3) {
        run_sources(names, texts, 5, 1, jobs, &together);
        assert_same_output(&apart, &together, jobs ? "one stream with workers" : "one stream", 0);
        run_result_free(&together);
    }
    run_result_free(&apart);
}

/* ---- output failures ----------------------------------------------------------- */

typedef struct {
    sink sink;
    ann_output *out;
    ann_stream *st;
} failing_run;

static void failing_start_jobs(failing_run *f, int jobs)
{
    memset(f, 0, sizeof *f);
    ann_error err;
    f->out = ann_output_new(sink_write, sink_flush, &f->sink, 0, &err);
    assert_non_null(f->out);
    ann_stream_options opts = {.jobs = jobs};
    f->st = ann_stream_new(own_rules, f->out, "in", &opts);
    assert_non_null(f->st);
}

static void failing_start(failing_run *f)
{
    failing_start_jobs(f, 0);
}

static void failing_end(failing_run *f)
{
    ann_stream_free(f->st);
    ann_output_free(f->out);
    bytes_free(&f->sink.out);
}

static void test_write_failure_in_feed(void **state)
{
    (void)state;
    failing_run f;
    failing_start(&f);
    f.sink.fail_writes = 1;
    f.sink.fail_errno = ENOSPC;
    static const char input[] = "Doc one.\n\f\nDoc two.\n";
    ann_error err;
    memset(&err, 0, sizeof err);
    /* the separator completes document 1, which is written during this feed */
    assert_int_equal(ann_stream_feed(f.st, input, sizeof input - 1, &err), ANN_ERR_OUTPUT);
    assert_int_equal(err.status, ANN_ERR_OUTPUT);
    assert_int_equal(err.sys_errno, ENOSPC);
    assert_true(f.sink.failed_writes > 0);
    assert_int_equal(ann_stream_documents(f.st), 0);
    /* the stream is unusable from then on */
    assert_int_equal(ann_stream_feed(f.st, "more\n", 5, &err), ANN_ERR_OUTPUT);
    assert_int_equal(ann_stream_finish(f.st, &err), ANN_ERR_OUTPUT);
    assert_int_equal(err.status, ANN_ERR_OUTPUT);
    assert_int_equal(ann_output_finish(f.out, &err), ANN_ERR_OUTPUT);
    assert_int_equal(err.sys_errno, ENOSPC);
    failing_end(&f);
}

/* With workers the failed write happens in the writer thread: the next
 * call reports it, with its errno, and nothing more is written. */
static void test_write_failure_with_workers(void **state)
{
    (void)state;
    failing_run f;
    failing_start_jobs(&f, 3);
    f.sink.fail_writes = 1;
    f.sink.fail_errno = ENOSPC;
    ann_error err;
    memset(&err, 0, sizeof err);
    int rc = ANN_OK;
    for (int i = 0; i < 50 && rc == ANN_OK; i++)
        rc = ann_stream_feed(f.st, "Doc.\n\f\n", 8, &err);
    if (rc == ANN_OK)
        rc = ann_stream_finish(f.st, &err);
    assert_int_equal(rc, ANN_ERR_OUTPUT);
    assert_int_equal(err.status, ANN_ERR_OUTPUT);
    assert_int_equal(err.sys_errno, ENOSPC);
    assert_int_equal(ann_stream_documents(f.st), 0);
    assert_int_equal(ann_stream_finish(f.st, &err), ANN_ERR_OUTPUT);
    failing_end(&f);
}

/* Once a document could not be written, nothing after it is reported:
 * without workers the stream stops there, and with workers the feeding
 * thread, which goes on cutting documents, must not report the next one
 * being too large either. */
static void test_no_report_after_write_failure(void **state)
{
    (void)state;
    bytes in = {0};
    bytes_str(&in, "Doc one.\n\f\n");
    add_big_line(&in);
    bytes_str(&in, "\n\f\nDoc three.\n");
    for (int jobs = 0; jobs <= 3; jobs += 3) {
        sink s = {.fail_errno = ENOSPC};
        diag_log diags = {0};
        ann_error err;
        ann_output *out = ann_output_new(sink_write, sink_flush, &s, 0, &err);
        assert_non_null(out);
        s.fail_writes = 1;
        ann_stream_options opts = {.max_doc_size = MAX_DOC, .diag = log_diag, .diag_ctx = &diags, .jobs = jobs};
        ann_stream *st = ann_stream_new(own_rules, out, "in", &opts);
        int rc = ann_stream_feed(st, in.data, in.len, &err);
        if (rc == ANN_OK)
            rc = ann_stream_finish(st, &err);
        assert_int_equal(rc, ANN_ERR_OUTPUT);
        assert_int_equal(err.sys_errno, ENOSPC);
        if (diags.count)
            fail_msg("with %d jobs, reported after the output failed: %s", jobs, diags.items[0].diag.message);
        assert_int_equal(ann_stream_failures(st), 0);
        ann_stream_free(st);
        ann_output_free(out);
        diag_log_free(&diags);
        bytes_free(&s.out);
    }
    bytes_free(&in);
}

static void test_write_failure_in_finish(void **state)
{
    (void)state;
    failing_run f;
    failing_start(&f);
    ann_error err;
    static const char input[] = "Japan set a 25% tariff.\nNo separator, so nothing is written yet.\n";
    assert_int_equal(ann_stream_feed(f.st, input, sizeof input - 1, &err), ANN_OK);
    f.sink.fail_writes = 1;
    f.sink.fail_errno = ENOSPC;
    memset(&err, 0, sizeof err);
    assert_int_equal(ann_stream_finish(f.st, &err), ANN_ERR_OUTPUT);
    assert_int_equal(err.status, ANN_ERR_OUTPUT);
    assert_int_equal(err.sys_errno, ENOSPC);
    assert_true(f.sink.failed_writes > 0);
    failing_end(&f);
}

static void test_flush_failure(void **state)
{
    (void)state;
    failing_run f;
    failing_start(&f);
    f.sink.fail_flushes = 1;
    f.sink.fail_errno = EPIPE;
    ann_error err;
    memset(&err, 0, sizeof err);
    static const char input[] = "Doc one.\n\f\n";
    assert_int_equal(ann_stream_feed(f.st, input, sizeof input - 1, &err), ANN_ERR_OUTPUT);
    assert_int_equal(err.sys_errno, EPIPE);
    failing_end(&f);
}

static void test_write_failure_in_output_new(void **state)
{
    (void)state;
    sink s = {.fail_writes = 1, .fail_errno = ENOSPC};
    ann_error err;
    memset(&err, 0, sizeof err);
    assert_null(ann_output_new(sink_write, NULL, &s, 0, &err));
    assert_int_equal(err.status, ANN_ERR_OUTPUT);
    assert_int_equal(err.sys_errno, ENOSPC);
}

/* The library never prints: a failing output callback is reported through
 * the return value and err only, nothing may reach standard error (libxml2
 * reports I/O errors on stderr unless told otherwise). */
typedef struct {
    FILE *tmp;
    int saved_fd;
} stderr_capture;

static void capture_stderr(stderr_capture *c)
{
    fflush(stderr);
    c->tmp = tmpfile();
    assert_non_null(c->tmp);
    c->saved_fd = dup(STDERR_FILENO);
    assert_true(c->saved_fd >= 0);
    assert_true(dup2(fileno(c->tmp), STDERR_FILENO) >= 0);
}

/* Restores stderr and returns what was written to it meanwhile. */
static void release_stderr(stderr_capture *c, char *text, size_t cap)
{
    fflush(stderr);
    assert_true(dup2(c->saved_fd, STDERR_FILENO) >= 0);
    close(c->saved_fd);
    rewind(c->tmp);
    size_t n = fread(text, 1, cap - 1, c->tmp);
    text[n] = '\0';
    fclose(c->tmp);
}

static void test_write_failure_prints_nothing(void **state)
{
    (void)state;
    char printed[1024];
    stderr_capture cap;
    ann_error err;

    /* the document is written in the feeding thread, then by a writer thread */
    for (int jobs = 1; jobs <= 2; jobs++) {
        failing_run f;
        failing_start_jobs(&f, jobs);
        f.sink.fail_writes = 1;
        f.sink.fail_errno = ENOSPC;
        capture_stderr(&cap);
        int rc_feed = ann_stream_feed(f.st, "Doc one.\n\f\n", 12, &err);
        int rc_stream = rc_feed == ANN_OK ? ann_stream_finish(f.st, &err) : rc_feed;
        int rc_finish = ann_output_finish(f.out, &err);
        release_stderr(&cap, printed, sizeof printed);
        failing_end(&f);
        assert_int_equal(rc_stream, ANN_ERR_OUTPUT);
        assert_int_equal(rc_finish, ANN_ERR_OUTPUT);
        if (printed[0])
            fail_msg("the library printed on stderr when the output failed (%d jobs): \"%s\"", jobs, printed);
    }

    sink s = {.fail_writes = 1, .fail_errno = ENOSPC};
    capture_stderr(&cap);
    ann_output *out = ann_output_new(sink_write, NULL, &s, 0, &err);
    release_stderr(&cap, printed, sizeof printed);
    assert_null(out);
    if (printed[0])
        fail_msg("ann_output_new printed on stderr when the output failed: \"%s\"", printed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_corpora_split_own_rules),
        cmocka_unit_test(test_corpora_split_builtin_rules),
        cmocka_unit_test(test_crlf),
        cmocka_unit_test(test_bom),
        cmocka_unit_test(test_no_final_newline),
        cmocka_unit_test(test_empty_and_blank),
        cmocka_unit_test(test_finish_twice),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_nul_and_controls),
        cmocka_unit_test(test_one_megabyte_line),
        cmocka_unit_test(test_separators),
        cmocka_unit_test(test_header_line_with_invalid_byte),
        cmocka_unit_test(test_max_doc_size_big_line),
        cmocka_unit_test(test_max_doc_size_big_lines),
        cmocka_unit_test(test_max_doc_size_big_last),
        cmocka_unit_test(test_max_doc_size_big_first),
        cmocka_unit_test(test_max_doc_size_short_last_line),
        cmocka_unit_test(test_max_doc_size_blank_before_header),
        cmocka_unit_test(test_max_doc_size_boundary),
        cmocka_unit_test(test_invalid_utf8_diagnostic),
        cmocka_unit_test(test_diagnostics_in_later_document),
        cmocka_unit_test(test_workers_keep_order),
        cmocka_unit_test(test_sources_in_one_stream),
        cmocka_unit_test(test_write_failure_in_feed),
        cmocka_unit_test(test_write_failure_in_finish),
        cmocka_unit_test(test_write_failure_with_workers),
        cmocka_unit_test(test_no_report_after_write_failure),
        cmocka_unit_test(test_flush_failure),
        cmocka_unit_test(test_write_failure_in_output_new),
        cmocka_unit_test(test_write_failure_prints_nothing),
    };
    int rc = cmocka_run_group_tests(tests, group_setup, group_teardown);
    xmlCleanupParser();
    return rc;
}
