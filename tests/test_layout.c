/* Layouts through the public API (annotator.h): reading layout files (every
 * error names FILE:LINE:COL), the built-in news-comments and plain layouts
 * on a synthetic article and on each kind of damage the issue lists (no
 * byline, no comments, a comment without a vote line, a malformed vote line,
 * extra blank lines, CRLF, a header with a bad date, a comment holding a line
 * that starts like a byline), document boundaries at header lines in a
 * stream fed in any pieces, --explain, and a layout of our own.
 *
 * Every output is checked to be lossless: each <document>'s string value is
 * its input. The articles are made up here, from numbered parts, so each
 * test removes or damages exactly one part. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "annotator.h"

/* ---- growable text ---------------------------------------------------------------- */

typedef struct {
    char *data;
    size_t len, cap;
} buffer;

static void buf_add(buffer *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->data = realloc(b->data, b->cap);
        assert_non_null(b->data);
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_str(buffer *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static int buffer_write(void *ctx, const char *data, size_t len)
{
    buf_add(ctx, data, len);
    return 0;
}

/* ---- a small rule set: the entity types layouts use, and URLs ---------------------- */

static ann_rules *rules;
static ann_layouts *builtin;

static const char RULES_TEXT[] = "rule person\n"
                                 "  type     PERSON\n"
                                 "  pattern  Zedd\\hQuill\n"
                                 "rule org\n"
                                 "  type     ORG\n"
                                 "  pattern  Quillcorp\n"
                                 "rule agency\n"
                                 "  type     ORG\n"
                                 "  pattern  Newsfoto\n"
                                 "  norm     Newsfoto Agency\n"
                                 "  attr     country XX\n"
                                 "rule url\n"
                                 "  type     URL\n"
                                 "  pattern  https?://\\S+\n";

static int group_setup(void **state)
{
    (void)state;
    ann_error err;
    rules = ann_rules_new();
    builtin = ann_layouts_new();
    if (ann_rules_add_text(rules, "test.rules", RULES_TEXT, strlen(RULES_TEXT), &err) != ANN_OK ||
        ann_rules_compile(rules, &err) != ANN_OK || ann_layouts_add_builtin(builtin, &err) != ANN_OK ||
        ann_layouts_compile(builtin, &err) != ANN_OK) {
        fprintf(stderr, "set-up: %s:%lu:%lu: %s\n", err.file, err.line, err.column, err.message);
        return -1;
    }
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    ann_rules_free(rules);
    ann_layouts_free(builtin);
    return 0;
}

/* ---- running ------------------------------------------------------------------------- */

/* Annotates text as one stream, fed in pieces of `piece` bytes (0: at once),
 * with the given layouts (NULL: the library's built-in set). Returns the XML. */
static char *run(const char *text, size_t len, size_t piece, const ann_layouts *layouts, int flags)
{
    buffer b = {0};
    ann_error err;
    ann_output *out = ann_output_new(buffer_write, NULL, &b, flags, &err);
    assert_non_null(out);
    ann_stream_options opts = {.layouts = layouts};
    ann_stream *st = ann_stream_new(rules, out, "t", &opts);
    size_t step = piece ? piece : (len ? len : 1);
    for (size_t off = 0; off < len; off += step)
        assert_int_equal(ann_stream_feed(st, text + off, len - off < step ? len - off : step, &err), ANN_OK);
    assert_int_equal(ann_stream_finish(st, &err), ANN_OK);
    ann_stream_free(st);
    assert_int_equal(ann_output_finish(out, &err), ANN_OK);
    ann_output_free(out);
    return b.data;
}

typedef struct {
    char *xml;
    xmlDocPtr doc;
    xmlXPathContextPtr ctx;
} result;

/* Annotates text with the built-in layouts, checks the output is lossless
 * (the documents' string values, joined, are the input: the tests use no
 * separator lines) and gives the same bytes fed 1 and 7 bytes at a time. */
static result annotate(const char *text, int flags)
{
    result r;
    size_t len = strlen(text);
    r.xml = run(text, len, 0, builtin, flags);
    for (size_t piece = 1; piece <= 7; piece += 6) {
        char *again = run(text, len, piece, builtin, flags);
        if (strcmp(again, r.xml))
            fail_msg("fed in %zu-byte pieces the output differs:\n%s\n----\n%s", piece, again, r.xml);
        free(again);
    }
    r.doc = xmlReadMemory(r.xml, (int)strlen(r.xml), "out.xml", NULL, XML_PARSE_NONET | XML_PARSE_HUGE);
    if (!r.doc)
        fail_msg("not well-formed:\n%s", r.xml);
    r.ctx = xmlXPathNewContext(r.doc);
    buffer all = {0};
    buf_add(&all, "", 0);
    for (xmlNode *d = xmlDocGetRootElement(r.doc)->children; d; d = d->next)
        if (d->type == XML_ELEMENT_NODE) {
            xmlChar *content = xmlNodeGetContent(d);
            buf_str(&all, (const char *)content);
            xmlFree(content);
        }
    if (strcmp(all.data, text))
        fail_msg("not lossless:\n%s\n----\n%s", all.data, text);
    free(all.data);
    return r;
}

static void result_free(result *r)
{
    xmlXPathFreeContext(r->ctx);
    xmlFreeDoc(r->doc);
    free(r->xml);
}

static int count(result *r, const char *xpath)
{
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST xpath, r->ctx);
    assert_non_null(o);
    int n = o->nodesetval ? o->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(o);
    return n;
}

/* The string value of the only node xpath selects is want. */
static void expect(result *r, const char *xpath, const char *want)
{
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST xpath, r->ctx);
    assert_non_null(o);
    int n = o->nodesetval ? o->nodesetval->nodeNr : 0;
    if (n != 1)
        fail_msg("%s selects %d nodes, want 1, in\n%s", xpath, n, r->xml);
    xmlChar *got = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
    if (strcmp((const char *)got, want))
        fail_msg("%s is \"%s\", want \"%s\"", xpath, (const char *)got, want);
    xmlFree(got);
    xmlXPathFreeObject(o);
}

static void expect_count(result *r, const char *xpath, int want)
{
    int n = count(r, xpath);
    if (n != want)
        fail_msg("%s selects %d nodes, want %d, in\n%s", xpath, n, want, r->xml);
}

/* ---- the article ---------------------------------------------------------------------- */

/* The parts of a made-up article in the news-comments layout, one string per
 * line group; a test copies the array and removes or changes parts. */
enum {
    A_HEADER, A_CAPTION, A_CREDIT, A_SECTION, A_HEADLINE, A_COUNT, A_BYLINE, A_DATELINE, A_BODY1, A_BODY2,
    A_COPY1, A_COPY2, A_COUNT2, A_TOPIC, A_C1, A_C1B, A_V1, A_C2, A_V2, A_PARTS
};

static const char *const ARTICLE[A_PARTS] = {
    [A_HEADER] = " date 2031-04-02  Quillcorp Daily\n",
    [A_CAPTION] = "FILE PHOTO: A harbour crane lifts containers at dawn\n",
    [A_CREDIT] = "Containers at the harbour Image: Newsfoto/Ada Brandt\n",
    [A_SECTION] = "business\n\n",
    [A_HEADLINE] = "Harbour fees rise again as ships wait longer\n\n",
    [A_COUNT] = "2 Comments\n",
    [A_BYLINE] = "By Zedd Quill and Mira Holt\n",
    [A_DATELINE] = "PORTVILLE\n\n",
    [A_BODY1] = "The harbour raised its fees on Monday, the third rise this year.\n\n",
    [A_BODY2] = "Shipping lines said the waiting time had doubled.\n\n",
    [A_COPY1] = "\xc2\xa9 Newsfoto 2031.\n\n",
    [A_COPY2] = "\xc2\xa9" "2031 Quillcorp Daily Inc.\n\n",
    [A_COUNT2] = "2 Comments\n",
    [A_TOPIC] = "fees rise again as ships wait longer\n\n",
    [A_C1] = "Fees up, service down. See https://example.org/fees for the list.\n\n",
    [A_C1B] = "https://example.org/waiting-times\n\n",
    [A_V1] = "-6 ( +0 / -6 )\n\n",
    [A_C2] = "Fair enough, the harbour needs repairs.\n\n",
    [A_V2] = "1 ( +1 / -0 )\n",
};

/* Joins parts (NULL entries are left out). */
static char *join(const char *const *parts)
{
    buffer b = {0};
    buf_add(&b, "", 0);
    for (int i = 0; i < A_PARTS; i++)
        if (parts[i])
            buf_str(&b, parts[i]);
    return b.data;
}

/* Changes every "\n" into "\r\n". */
static char *crlf(const char *text)
{
    buffer b = {0};
    buf_add(&b, "", 0);
    for (const char *c = text; *c; c++)
        buf_str(&b, *c == '\n' ? "\r\n" : (char[2]){*c, 0});
    return b.data;
}

static void expect_full_head(result *r)
{
    expect(r, "/corpus/document/@date", "2031-04-02");
    expect(r, "/corpus/document/@publisher", "Quillcorp Daily");
    expect(r, "/corpus/document/@section", "business");
    expect(r, "/corpus/document/@headline", "Harbour fees rise again as ships wait longer");
    expect(r, "//header/p/s/entity[@type='ORG']", "Quillcorp Daily");
    expect(r, "//caption", "FILE PHOTO: A harbour crane lifts containers at dawn");
    expect(r, "//credit/p/s/entity[@type='ORG']", "Newsfoto");
    expect(r, "//credit/p/s/entity[@type='PERSON']", "Ada Brandt");
    expect(r, "//section", "business");
    expect(r, "//headline", "Harbour fees rise again as ships wait longer");
    expect(r, "//dateline", "PORTVILLE");
}

/* ---- the whole article ---------------------------------------------------------------- */

static void test_full_article(void **state)
{
    (void)state;
    char *text = join(ARTICLE);
    result r = annotate(text, 0);
    expect_full_head(&r);
    expect_count(&r, "//byline/p/s/entity[@type='PERSON']", 2);
    expect(&r, "//byline/p/s/entity[1]", "Zedd Quill");
    expect(&r, "//byline/p/s/entity[2]", "Mira Holt");
    expect(&r, "//byline/p/s/entity[2]/@norm", "Mira Holt");
    /* a rule's entity of the same extent and type is not doubled, and lends
     * the forced one its norm and attributes */
    expect_count(&r, "//byline/p/s/entity[@type='PERSON'][.='Zedd Quill']", 1);
    expect(&r, "//credit/p/s/entity[@type='ORG']/@norm", "Newsfoto Agency");
    expect(&r, "//credit/p/s/entity[@type='ORG']/@country", "XX");
    expect_count(&r, "/corpus/document/*[1][self::header]", 1);
    expect_count(&r, "//body/p", 2);
    expect_count(&r, "//copyright", 2);
    expect(&r, "(//copyright)[1]/p/s/entity[@type='ORG']", "Newsfoto");
    expect(&r, "(//copyright)[2]/p/s/entity[@type='ORG']", "Quillcorp Daily Inc.");
    expect(&r, "//comments/@count", "2");
    expect(&r, "//comments/topic", "fees rise again as ships wait longer");
    expect_count(&r, "//comments/count", 1);
    expect_count(&r, "//comment", 2);
    expect(&r, "//comment[1]/@n", "1");
    expect(&r, "//comment[1]/@score", "-6");
    expect(&r, "//comment[1]/@up", "0");
    expect(&r, "//comment[1]/@down", "6");
    expect_count(&r, "//comment[1]//entity[@type='URL']", 2);
    expect_count(&r, "//comment[1]/p", 2);
    expect(&r, "//comment[1]/votes", "-6 ( +0 / -6 )");
    expect(&r, "//comment[2]/@n", "2");
    expect(&r, "//comment[2]/@score", "1");
    expect(&r, "//comment[2]/@up", "1");
    expect(&r, "//comment[2]/@down", "0");
    /* no structural element inside a paragraph, sentence or entity */
    expect_count(&r, "//p//*[self::body or self::comment or self::byline or self::votes]", 0);
    expect_count(&r, "//entity//*[not(self::entity or self::w or self::raw)]", 0);
    expect_count(&r, "//*[@layout-rule]", 0);
    result_free(&r);
    free(text);
}

/* ---- damage ----------------------------------------------------------------------------- */

static void test_no_byline(void **state)
{
    (void)state;
    const char *parts[A_PARTS];
    memcpy(parts, ARTICLE, sizeof parts);
    parts[A_BYLINE] = NULL;
    char *text = join(parts);
    result r = annotate(text, 0);
    expect_full_head(&r);
    expect_count(&r, "//byline", 0);
    expect_count(&r, "//comment", 2);
    result_free(&r);
    free(text);
}

/* Annotates the article with byline instead of its own, checks its head
 * and gives the result; *text is to be freed. */
static result annotate_with_byline(const char *byline, char **text)
{
    const char *parts[A_PARTS];
    memcpy(parts, ARTICLE, sizeof parts);
    parts[A_BYLINE] = byline;
    *text = join(parts);
    result r = annotate(*text, 0);
    expect_full_head(&r);
    return r;
}

/* "By Hannah Doyle in Melbourne and Rohan Kapoor in New Delhi": where each
 * wrote from is no part of the names, and the dateline still follows. */
static void test_byline_places(void **state)
{
    (void)state;
    char *text;
    result r = annotate_with_byline("By Zedd Quill in Portville and Mira Holt in New Harbour\n", &text);
    expect_count(&r, "//byline/p/s/entity[@type='PERSON']", 2);
    expect(&r, "//byline/p/s/entity[@type='PERSON'][1]", "Zedd Quill");
    expect(&r, "//byline/p/s/entity[@type='PERSON'][2]", "Mira Holt");
    expect(&r, "//byline", "By Zedd Quill in Portville and Mira Holt in New Harbour");
    result_free(&r);
    free(text);
}

/* A name's lower-case particle stays inside the byline's name, apart or
 * hyphenated. */
static void test_byline_particle(void **state)
{
    (void)state;
    char *text;
    result r = annotate_with_byline("By Joana Ferreira and Pieter de Wolf\n", &text);
    expect_count(&r, "//byline/p/s/entity[@type='PERSON']", 2);
    expect(&r, "//byline/p/s/entity[2]", "Pieter de Wolf");
    result_free(&r);
    free(text);
    /* and one joined to the name by a hyphen */
    r = annotate_with_byline("By Noor al-Saadi and Emre Kaya\n", &text);
    expect(&r, "//byline/p/s/entity[1]", "Noor al-Saadi");
    result_free(&r);
    free(text);
}

static void test_no_comments(void **state)
{
    (void)state;
    const char *parts[A_PARTS];
    memcpy(parts, ARTICLE, sizeof parts);
    for (int i = A_COUNT2; i < A_PARTS; i++)
        parts[i] = NULL;
    char *text = join(parts);
    result r = annotate(text, 0);
    expect_full_head(&r);
    expect_count(&r, "//byline/p/s/entity[@type='PERSON']", 2);
    expect_count(&r, "//comments", 0);
    expect_count(&r, "//copyright", 2);
    expect_count(&r, "//body/p", 2);
    result_free(&r);
    free(text);
}

/* A lost vote line leaves three blank lines: the comment ends there. The
 * last comment has no vote line at all. */
static void test_comment_without_vote_line(void **state)
{
    (void)state;
    const char *parts[A_PARTS];
    memcpy(parts, ARTICLE, sizeof parts);
    parts[A_V1] = "\n\n";
    parts[A_V2] = NULL;
    char *text = join(parts);
    result r = annotate(text, 0);
    expect_count(&r, "//comment", 2);
    expect_count(&r, "//comment[@score or @up or @down]", 0);
    expect_count(&r, "//comment[1]//entity[@type='URL']", 2);
    expect(&r, "//comment[2]", "Fair enough, the harbour needs repairs.");
    expect_count(&r, "//votes", 0);
    result_free(&r);
    free(text);

    /* with only the usual blank line, the paragraphs stay one comment */
    parts[A_V1] = NULL;
    text = join(parts);
    r = annotate(text, 0);
    expect_count(&r, "//comment", 1);
    expect_count(&r, "//comment/p", 3);
    result_free(&r);
    free(text);
}

static void test_malformed_vote_line(void **state)
{
    (void)state;
    const char *parts[A_PARTS];
    memcpy(parts, ARTICLE, sizeof parts);
    parts[A_V1] = "-6 ( +0 / -6\n\n";
    char *text = join(parts);
    result r = annotate(text, 0);
    /* not a vote line: it stays text of the comment, which runs on to the next one */
    expect_count(&r, "//votes", 1);
    expect_count(&r, "//comment", 1);
    expect(&r, "//comment/p[3]", "-6 ( +0 / -6");
    expect(&r, "//comment/@score", "1");
    result_free(&r);
    free(text);
}

static void test_extra_blank_lines(void **state)
{
    (void)state;
    const char *parts[A_PARTS];
    memcpy(parts, ARTICLE, sizeof parts);
    parts[A_SECTION] = "business\n\n\n\n";
    parts[A_HEADLINE] = "Harbour fees rise again as ships wait longer\n\n\n";
    parts[A_DATELINE] = "PORTVILLE\n\n\n\n";
    parts[A_BODY1] = "The harbour raised its fees on Monday, the third rise this year.\n\n\n\n\n";
    parts[A_COPY2] = "\xc2\xa9" "2031 Quillcorp Daily Inc.\n\n\n\n";
    parts[A_C1] = "Fees up, service down. See https://example.org/fees for the list.\n\n\n";
    char *text = join(parts);
    result r = annotate(text, 0);
    expect_full_head(&r);
    expect_count(&r, "//body/p", 2);
    expect_count(&r, "//comment", 2);
    expect(&r, "//comment[1]/@score", "-6");
    expect_count(&r, "//comment[1]//entity[@type='URL']", 2);
    result_free(&r);
    free(text);
}

static void test_crlf(void **state)
{
    (void)state;
    char *lf = join(ARTICLE);
    char *text = crlf(lf);
    result r = annotate(text, 0);
    expect_full_head(&r);
    expect_count(&r, "//byline/p/s/entity[@type='PERSON']", 2);
    expect_count(&r, "//comment", 2);
    expect(&r, "//comment[2]/@score", "1");
    /* the CR stays outside every element's text */
    expect(&r, "//dateline", "PORTVILLE");
    result_free(&r);
    free(text);
    free(lf);
}

static void test_header_with_bad_date(void **state)
{
    (void)state;
    static const char *const headers[] = {" date 2031-13-45  Quillcorp Daily\n", " date 2031-02-30  Quillcorp Daily\n",
                                          " date yesterday  Quillcorp Daily\n"};
    for (size_t i = 0; i < sizeof headers / sizeof *headers; i++) {
        const char *parts[A_PARTS];
        memcpy(parts, ARTICLE, sizeof parts);
        parts[A_HEADER] = headers[i];
        char *text = join(parts);
        result r = annotate(text, 0);
        expect_count(&r, "/corpus/document/@date", 0);
        expect(&r, "/corpus/document/@publisher", "Quillcorp Daily");
        expect_count(&r, "//header", 1);
        expect_count(&r, "//comment", 2);
        result_free(&r);
        free(text);
    }
}

static void test_comment_line_like_a_byline(void **state)
{
    (void)state;
    const char *parts[A_PARTS];
    memcpy(parts, ARTICLE, sizeof parts);
    parts[A_C2] = "By the way, the fees were lower in 2029.\n\nBy Zedd Quill, who wrote this.\n\n";
    char *text = join(parts);
    result r = annotate(text, 0);
    expect_count(&r, "//byline", 1);
    expect_count(&r, "//comment[2]/p", 2);
    expect(&r, "//comment[2]/p[1]", "By the way, the fees were lower in 2029.");
    expect(&r, "//comment[2]/@score", "1");
    result_free(&r);
    free(text);
}

/* A header line alone, or followed only by blank lines. */
static void test_header_only_and_junk(void **state)
{
    (void)state;
    result r = annotate(" date 2031-04-02  Quillcorp Daily\n", 0);
    expect(&r, "/corpus/document/@publisher", "Quillcorp Daily");
    expect_count(&r, "//header", 1);
    result_free(&r);
    r = annotate(" date 2031-04-02  Quillcorp Daily\n \t\n\n\n", 0);
    expect_count(&r, "//header", 1);
    expect_count(&r, "//headline", 0);
    result_free(&r);
}

/* ---- plain text ------------------------------------------------------------------------- */

static void test_plain_headline(void **state)
{
    (void)state;
    result r = annotate("Harbour fees rise again\n\nThe harbour raised its fees.\n\nMore text.\n", 0);
    expect(&r, "/corpus/document/@headline", "Harbour fees rise again");
    expect(&r, "/corpus/document/headline", "Harbour fees rise again");
    expect_count(&r, "//body", 0);
    expect_count(&r, "/corpus/document/p", 2);
    result_free(&r);
    /* a first line that ends like a sentence, or has no blank line after it, or
     * is all there is, is no headline */
    static const char *const not_headlines[] = {
        "The harbour raised its fees.\n\nMore text.\n",
        "Harbour fees rise again\nThe harbour raised its fees.\n",
        "Harbour fees rise again\n\n",
        "",
        "\n\n",
    };
    for (size_t i = 0; i < sizeof not_headlines / sizeof *not_headlines; i++) {
        r = annotate(not_headlines[i], 0);
        expect_count(&r, "//headline", 0);
        expect_count(&r, "/corpus/document/@headline", 0);
        result_free(&r);
    }
}

/* ---- streams ------------------------------------------------------------------------------ */

static void test_header_lines_start_documents(void **state)
{
    (void)state;
    char *one = join(ARTICLE);
    buffer b = {0};
    buf_str(&b, one);
    buf_str(&b, one);
    buf_str(&b, "Plain tail.\n");
    buf_str(&b, one);
    result r = annotate(b.data, 0);
    expect_count(&r, "/corpus/document", 3);
    expect_count(&r, "/corpus/document[@date='2031-04-02']", 3);
    expect_count(&r, "//comment", 7); /* the plain tail becomes a third comment of the second article */
    expect(&r, "/corpus/document[2]/@line", "32");
    result_free(&r);
    free(b.data);

    /* blank lines before a header line stay in the document they follow;
     * only a document holding text is cut */
    b = (buffer){0};
    buf_str(&b, "\n\n");
    buf_str(&b, one);
    r = annotate(b.data, 0);
    expect_count(&r, "/corpus/document", 1);
    expect(&r, "/corpus/document/@publisher", "Quillcorp Daily");
    result_free(&r);
    free(b.data);
    free(one);
}

static void test_form_feed_still_separates(void **state)
{
    (void)state;
    const char *text = "First story.\n\f\nSecond story.\n";
    char *xml = run(text, strlen(text), 0, builtin, 0);
    assert_non_null(strstr(xml, "<document id=\"d2\""));
    free(xml);
}

/* A header line longer than BOUNDARY_LINE_MAX (1 KiB) starts no document. */
static void test_long_header_line_is_no_boundary(void **state)
{
    (void)state;
    buffer b = {0};
    buf_str(&b, "Some text.\n date 2031-04-02  ");
    for (int i = 0; i < 120; i++)
        buf_str(&b, "Publisher ");
    buf_str(&b, "\nMore.\n");
    result r = annotate(b.data, 0);
    expect_count(&r, "/corpus/document", 1);
    result_free(&r);
    free(b.data);
}

/* ---- explain, own layouts, no layouts ------------------------------------------------- */

static void test_explain_names_layout_parts(void **state)
{
    (void)state;
    char *text = join(ARTICLE);
    result r = annotate(text, ANN_OUT_EXPLAIN);
    expect(&r, "/corpus/document/@layout", "news-comments");
    expect_count(&r, "//*[self::header or self::body or self::comment or self::votes][not(@layout-rule)]", 0);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST "//byline/@layout-rule", r.ctx);
    assert_int_equal(o->nodesetval->nodeNr, 1);
    xmlChar *where = xmlNodeGetContent(o->nodesetval->nodeTab[0]);
    assert_non_null(strstr((const char *)where, "rules/layouts/news-comments.layout:"));
    xmlFree(where);
    xmlXPathFreeObject(o);
    /* the forced entities name their part */
    expect(&r, "//credit//entity[@type='PERSON']/@rule", "credit");
    expect_count(&r, "//credit//entity[@type='PERSON']"
                     "[starts-with(@rule-source, 'rules/layouts/news-comments.layout:')]",
                 1);
    result_free(&r);
    free(text);
}

static const char OWN_LAYOUT[] = "# a site whose pages start with a line \"== SITE ==\"\n"
                                 "layout tiny\n"
                                 "  priority 50\n"
                                 "  order    top title body\n"
                                 "part top\n"
                                 "  element  header\n"
                                 "  boundary\n"
                                 "  line     ^== (?<site>[^=]+?) ==$\n"
                                 "  doc      publisher {site}\n"
                                 "  entity   site ORG\n"
                                 "part title\n"
                                 "  element  headline\n"
                                 "  doc      headline {line}\n"
                                 "group body\n"
                                 "  element  body\n"
                                 "  order    text+\n"
                                 "part text\n";

static void test_own_layout(void **state)
{
    (void)state;
    ann_error err;
    ann_layouts *own = ann_layouts_new();
    if (ann_layouts_add_text(own, "own.layout", OWN_LAYOUT, strlen(OWN_LAYOUT), &err) != ANN_OK ||
        ann_layouts_compile(own, &err) != ANN_OK)
        fail_msg("own.layout:%lu:%lu: %s", err.line, err.column, err.message);
    assert_int_equal(ann_layouts_count(own), 1);
    const char *text = "== Quillcorp ==\nA title\nBody one.\n\nBody two.\n== Other ==\nT2\nB.\n";
    char *xml = run(text, strlen(text), 3, own, 0);
    result r = {xml, xmlReadMemory(xml, (int)strlen(xml), "out.xml", NULL, XML_PARSE_NONET), NULL};
    assert_non_null(r.doc);
    r.ctx = xmlXPathNewContext(r.doc);
    expect_count(&r, "/corpus/document", 2);
    expect(&r, "/corpus/document[1]/@publisher", "Quillcorp");
    expect(&r, "/corpus/document[1]/@headline", "A title");
    expect(&r, "/corpus/document[1]/header/p/s/entity[@type='ORG']", "Quillcorp");
    expect(&r, "/corpus/document[1]/headline", "A title");
    expect_count(&r, "/corpus/document[1]/body/p", 2);
    expect(&r, "/corpus/document[2]/@line", "6");
    expect(&r, "/corpus/document[2]/@publisher", "Other");
    expect(&r, "/corpus/document[2]/@headline", "T2");
    result_free(&r);
    ann_layouts_free(own);
}

static void test_empty_layout_set_applies_none(void **state)
{
    (void)state;
    ann_error err;
    ann_layouts *none = ann_layouts_new();
    assert_int_equal(ann_layouts_compile(none, &err), ANN_OK);
    char *text = join(ARTICLE);
    char *xml = run(text, strlen(text), 0, none, 0);
    assert_null(strstr(xml, "<header"));
    assert_null(strstr(xml, "<comment"));
    assert_null(strstr(xml, " date=\""));
    free(xml);
    /* the library's default is the built-in set */
    xml = run(text, strlen(text), 0, NULL, 0);
    assert_non_null(strstr(xml, "<comment n=\"2\" score=\"1\" up=\"1\" down=\"0\">"));
    free(xml);
    free(text);
    ann_layouts_free(none);
}

/* ---- layout file errors ------------------------------------------------------------------- */

typedef struct {
    const char *text;
    unsigned long line, column;
    const char *message; /* a part of the message */
} bad_layout;

static const bad_layout BAD[] = {
    {"part x\n", 1, 1, "before any 'layout NAME'"},
    {"layout a\n  order x\n  colour blue\n", 3, 3, "unknown layout key 'colour'"},
    {"layout a\n  order x\npart x\n  element banner\n", 4, 11, "unknown element 'banner'"},
    {"layout a\n  order x\npart x\n  line  ab(c\n", 4, 13, "missing closing parenthesis"},
    {"layout a\n  order x y\npart x\n", 2, 11, "no part or group named 'y'"},
    {"layout a\npart x\n", 1, 1, "has no 'order' line"},
    {"layout a\n  order x (y\npart x\npart y\n", 2, 13, "expected ')'"},
    {"layout a\n  order x**\npart x\n", 2, 11, "a quantifier cannot follow a quantifier"},
    {"layout a\n  order x\npart x\n  gap two\n", 4, 7, "gap wants a number"},
    {"layout a\n  order x\npart x\n  line (?<n>\\d+)\n  doc  date {m}\n", 5, 14, "'m' is not a named capture"},
    {"layout a\n  order x\npart x\n  doc  author {line}\n", 4, 8, "unknown document attribute 'author'"},
    {"layout a\n  order g\ngroup g\n  element body\n  order x\npart x\n  line (?<s>\\d)\n  group-attr score {s}\n",
     8, 14, "group-attr score"},
    {"layout a\n  order g\ngroup g\n  order g\n", 4, 9, "group g contains itself"},
    {"layout a\n  order x\npart x\npart x\n", 4, 6, "already has a part or group named x"},
    {"layout a\n  order x\npart x\n  line (?<a>.+)\n  split a ,\n", 5, 9, "no 'entity a TYPE' line"},
    {"layout a\n  order x\npart x\n  entity line person\n", 4, 15, "not an upper-case name"},
    {"layout a\n  order x\npart x\n  boundary\n", 3, 1, "a boundary part needs a 'line' pattern"},
    {"layout a\n  order x\npart x\n  attr count {line}\n", 4, 8, "the part has no element"},
    {"layout a\n  order x\ngroup x\n  order y\n  number n\n", 5, 10, "has no such numbering attribute"},
    {"", 1, 1, "no 'layout NAME'"},
};

static void test_layout_file_errors(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) {
        ann_error err;
        memset(&err, 0, sizeof err);
        ann_layouts *ls = ann_layouts_new();
        int rc = ann_layouts_add_text(ls, "bad.layout", BAD[i].text, strlen(BAD[i].text), &err);
        if (rc == ANN_OK)
            rc = ann_layouts_compile(ls, &err);
        ann_layouts_free(ls);
        if (rc != ANN_ERR_RULES)
            fail_msg("case %zu: status %d, want ANN_ERR_RULES, for:\n%s", i, rc, BAD[i].text);
        if (strcmp(err.file, "bad.layout") || err.line != BAD[i].line || err.column != BAD[i].column ||
            !strstr(err.message, BAD[i].message))
            fail_msg("case %zu: got %s:%lu:%lu: %s\nwant bad.layout:%lu:%lu: ...%s...", i, err.file, err.line,
                     err.column, err.message, BAD[i].line, BAD[i].column, BAD[i].message);
    }
}

static void test_layout_path_errors(void **state)
{
    (void)state;
    ann_error err;
    ann_layouts *ls = ann_layouts_new();
    assert_int_equal(ann_layouts_add_path(ls, "/no/such/file.layout", &err), ANN_ERR_RULES);
    assert_string_equal(err.file, "/no/such/file.layout");
    /* the folder of the built-in layouts reads like the built-in set */
    assert_int_equal(ann_layouts_add_path(ls, "rules/layouts", &err), ANN_OK);
    assert_int_equal(ann_layouts_compile(ls, &err), ANN_OK);
    assert_int_equal(ann_layouts_count(ls), ann_layouts_count(builtin));
    ann_layouts_free(ls);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_article),
        cmocka_unit_test(test_no_byline),
        cmocka_unit_test(test_byline_places),
        cmocka_unit_test(test_byline_particle),
        cmocka_unit_test(test_no_comments),
        cmocka_unit_test(test_comment_without_vote_line),
        cmocka_unit_test(test_malformed_vote_line),
        cmocka_unit_test(test_extra_blank_lines),
        cmocka_unit_test(test_crlf),
        cmocka_unit_test(test_header_with_bad_date),
        cmocka_unit_test(test_comment_line_like_a_byline),
        cmocka_unit_test(test_header_only_and_junk),
        cmocka_unit_test(test_plain_headline),
        cmocka_unit_test(test_header_lines_start_documents),
        cmocka_unit_test(test_form_feed_still_separates),
        cmocka_unit_test(test_long_header_line_is_no_boundary),
        cmocka_unit_test(test_explain_names_layout_parts),
        cmocka_unit_test(test_own_layout),
        cmocka_unit_test(test_empty_layout_set_applies_none),
        cmocka_unit_test(test_layout_file_errors),
        cmocka_unit_test(test_layout_path_errors),
    };
    int rc = cmocka_run_group_tests(tests, group_setup, group_teardown);
    xmlCleanupParser();
    return rc;
}
