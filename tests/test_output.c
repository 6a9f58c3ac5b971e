/* The XML writer, through the public API: escaping of text, attribute values
 * that stay well-formed whatever they hold, <raw hex> for bytes XML cannot
 * carry, document ids across documents and streams sharing one ann_output,
 * and the ANN_OUT_TOKENS and ANN_OUT_EXPLAIN flags. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xpath.h>

#include "memout.h"
#include "xpath.h"

#include "annotator.h"

/* ---- rules ------------------------------------------------------------------------ */

static char tmp_dir[64];
static char list_path[128], rules_path[128];
static ann_rules *rules;

/* One entry whose norm and attributes hold quotes, markup characters, a
 * control byte and invalid UTF-8; its attributes include a reserved name, an
 * invalid name and a repeated one, which must all be left out. */
static const char LIST_TEXT[] = "Japan | \"Nippon\" <&> 'x'\x01\xff | code=JP q=\"a\" lt=<&> type=bogus 1bad=x code=XX\n";

/* Line numbers matter: ANN_OUT_EXPLAIN names them. */
static const char RULES_TEXT[] = "rule country\n"                          /* 1 */
                                 "  type    GPE\n"                         /* 2 */
                                 "  list    names.txt\n"                   /* 3 */
                                 "rule pct\n"                              /* 4 */
                                 "  type    PERCENT\n"                     /* 5 */
                                 "  pattern (?<n>\\d+)%\n"                 /* 6 */
                                 "  norm    {n} \"percent\" <&>\n"         /* 7 */
                                 "  attr    note it's \"{n}\"\ttabbed\n"   /* 8 */
                                 "rule person\n"                           /* 9 */
                                 "  type    PERSON\n"                      /* 10 */
                                 "  pattern Ann\\hLee\n";                  /* 11 */

static int group_setup(void **state)
{
    (void)state;
    snprintf(tmp_dir, sizeof tmp_dir, "/tmp/ann-test-output-XXXXXX");
    if (!mkdtemp(tmp_dir))
        return -1;
    snprintf(list_path, sizeof list_path, "%s/names.txt", tmp_dir);
    snprintf(rules_path, sizeof rules_path, "%s/expl.rules", tmp_dir);
    FILE *f = fopen(list_path, "wb");
    if (!f) {
        rmdir(tmp_dir);
        return -1;
    }
    fputs(LIST_TEXT, f);
    fclose(f);
    ann_error err;
    rules = ann_rules_new();
    int rc = ann_rules_add_text(rules, rules_path, RULES_TEXT, strlen(RULES_TEXT), &err);
    if (rc == ANN_OK)
        rc = ann_rules_compile(rules, &err);
    /* the list is read by the compile: the folder is not needed any more */
    unlink(list_path);
    rmdir(tmp_dir);
    if (rc != ANN_OK) {
        fprintf(stderr, "rules: %s:%lu:%lu: %s\n", err.file, err.line, err.column, err.message);
        return -1;
    }
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    ann_rules_free(rules);
    return 0;
}

/* ---- output to memory -------------------------------------------------------------- */


static void feed_stream(ann_output *out, const char *source, const char *text, size_t len)
{
    ann_error err;
    ann_stream *st = ann_stream_new(rules, out, source, NULL);
    assert_int_equal(ann_stream_feed(st, text, len, &err), ANN_OK);
    assert_int_equal(ann_stream_finish(st, &err), ANN_OK);
    ann_stream_free(st);
}

/* Writes text[0..len) as one stream into a corpus; returns the XML
 * (malloc'd, NUL-terminated). */
static char *render(const char *source, const char *text, size_t len, int flags)
{
    buffer b = {0};
    ann_error err;
    ann_output *out = ann_output_new(buffer_write, NULL, &b, flags, &err);
    assert_non_null(out);
    feed_stream(out, source, text, len);
    assert_int_equal(ann_output_finish(out, &err), ANN_OK);
    ann_output_free(out);
    return b.data;
}

static xmlDocPtr parse(const char *xml)
{
    xmlDocPtr doc = xmlReadMemory(xml, (int)strlen(xml), "out.xml", NULL, XML_PARSE_NONET);
    if (!doc)
        fail_msg("not well-formed XML:\n%s", xml);
    return doc;
}

#define RENDER(source, literal, flags) render(source, literal, sizeof literal - 1, flags)

static void assert_contains(const char *xml, const char *fragment)
{
    if (!strstr(xml, fragment))
        fail_msg("the output lacks\n  %s\nit is:\n%s", fragment, xml);
}

/* ---- text --------------------------------------------------------------------------- */

static void test_text_escaping(void **state)
{
    (void)state;
    char *xml = RENDER("esc", "a & b < c > d\r\n", 0);
    /* the whole document: tokens a & b < c > d make one paragraph and sentence;
     * the CRLF after it is outside both */
    assert_contains(xml, "<document id=\"d1\" source=\"esc\" line=\"1\"><p><s>a &amp; b &lt; c &gt; d</s></p>"
                         "&#13;\n</document>\n");
    /* no raw CR anywhere: a parser would turn it into LF */
    assert_null(strchr(xml, '\r'));
    xmlDocPtr doc = parse(xml);
    assert_only(doc, "//document", "a & b < c > d\r\n");
    xmlFreeDoc(doc);
    free(xml);

    xml = RENDER("cr", "x\ry ]]> z\r", 0);
    assert_null(strchr(xml, '\r'));
    assert_contains(xml, "x&#13;y ]]&gt; z");
    doc = parse(xml);
    assert_only(doc, "//document", "x\ry ]]> z\r");
    xmlFreeDoc(doc);
    free(xml);
}

/* Bytes XML cannot carry become empty <raw hex="..."/> elements, one per
 * maximal run of one kind, in upper-case hex. */
static void test_raw_elements(void **state)
{
    (void)state;
    char *xml = RENDER("nul", "a\0b\n", 0);
    assert_contains(xml, "<p><s>a<raw hex=\"00\"/>b</s></p>\n");
    free(xml);

    xml = RENDER("ctl", "a \x01\x02\x1f b\n", 0);
    assert_contains(xml, "a <raw hex=\"01021F\"/> b");
    free(xml);

    /* invalid UTF-8 next to a NUL: two runs */
    xml = RENDER("mixed", "a\xff\xfe\0\0b\n", 0);
    assert_contains(xml, "<raw hex=\"FFFE\"/><raw hex=\"0000\"/>");
    xmlDocPtr doc = parse(xml);
    assert_int_equal(count(doc, "//raw"), 2);
    assert_int_equal(count(doc, "//raw[node()]"), 0);
    xmlFreeDoc(doc);
    free(xml);
}

/* ---- attributes ----------------------------------------------------------------------- */

static void test_attribute_values_stay_well_formed(void **state)
{
    (void)state;
    static const char source[] = "we\"ird 'src'\n\t\x01\x7f<&>\r\xff end";
    char *xml = RENDER(source, "Japan set a 25% tariff.\n", 0);
    xmlDocPtr doc = parse(xml);
    /* quotes, markup characters, LF, TAB, CR and DEL come back as they were;
     * the control byte and the invalid byte become U+FFFD */
    assert_only(doc, "//document/@source", "we\"ird 'src'\n\t\xef\xbf\xbd\x7f<&>\r\xef\xbf\xbd end");
    /* the list entry's norm and attributes */
    assert_only(doc, "//entity[@type='GPE']", "Japan");
    assert_only(doc, "//entity[@type='GPE']/@norm", "\"Nippon\" <&> 'x'\xef\xbf\xbd\xef\xbf\xbd");
    assert_only(doc, "//entity[@type='GPE']/@q", "\"a\"");
    assert_only(doc, "//entity[@type='GPE']/@lt", "<&>");
    /* the first of a repeated key wins; reserved and invalid names are left out */
    assert_only(doc, "//entity[@type='GPE']/@code", "JP");
    assert_only(doc, "//entity[@type='GPE']/@type", "GPE");
    assert_int_equal(count(doc, "//entity[@type='GPE']/@*"), 6); /* type norm ref code q lt */
    /* the document's first meaning; the next entity has the next */
    assert_only(doc, "//entity[@type='GPE']/@ref", "e1");
    assert_only(doc, "//entity[@type='PERCENT']/@ref", "e2");
    /* templates with quotes and a tab */
    assert_only(doc, "//entity[@type='PERCENT']/@norm", "25 \"percent\" <&>");
    assert_only(doc, "//entity[@type='PERCENT']/@note", "it's \"25\"\ttabbed");
    assert_only(doc, "//entity[@type='PERCENT']/@n", "25");
    xmlFreeDoc(doc);
    free(xml);
}

/* ---- ids ------------------------------------------------------------------------------ */

static void test_ids_across_documents_and_streams(void **state)
{
    (void)state;
    buffer b = {0};
    ann_error err;
    ann_output *out = ann_output_new(buffer_write, NULL, &b, 0, &err);
    assert_non_null(out);
    static const char one[] = "One.\n\f\nTwo.\n", two[] = "Three.\n", three[] = "\f\nFour.\n\f\r\nFive.";
    feed_stream(out, "s1", one, sizeof one - 1);
    feed_stream(out, "s2", two, sizeof two - 1);
    feed_stream(out, "s3", three, sizeof three - 1);
    assert_int_equal(ann_output_finish(out, &err), ANN_OK);
    ann_output_free(out);

    xmlDocPtr doc = parse(b.data);
    assert_int_equal(count(doc, "/corpus/document"), 5);
    static const char *const want[][4] = {
        {"d1", "s1", "1", "One.\n"}, {"d2", "s1", "3", "Two.\n"},   {"d3", "s2", "1", "Three.\n"},
        {"d4", "s3", "2", "Four.\n"}, {"d5", "s3", "4", "Five."},
    };
    for (int i = 0; i < 5; i++) {
        char xpath[64];
        snprintf(xpath, sizeof xpath, "/corpus/document[%d]/@id", i + 1);
        assert_only(doc, xpath, want[i][0]);
        snprintf(xpath, sizeof xpath, "/corpus/document[%d]/@source", i + 1);
        assert_only(doc, xpath, want[i][1]);
        snprintf(xpath, sizeof xpath, "/corpus/document[%d]/@line", i + 1);
        assert_only(doc, xpath, want[i][2]);
        snprintf(xpath, sizeof xpath, "/corpus/document[%d]", i + 1);
        assert_only(doc, xpath, want[i][3]);
    }
    xmlFreeDoc(doc);
    free(b.data);

    /* a new output starts again at d1 */
    char *xml = RENDER("again", "Six.\n", 0);
    assert_contains(xml, "<document id=\"d1\" source=\"again\" line=\"1\">");
    free(xml);
}

/* ---- flags ---------------------------------------------------------------------------- */

static void test_tokens_flag(void **state)
{
    (void)state;
    static const char text[] = "Japan's 25% tariff.\n";
    char *xml = RENDER("tok", text, ANN_OUT_TOKENS);
    xmlDocPtr doc = parse(xml);
    static const char *const tokens[] = {"Japan", "'s", "25", "%", "tariff", "."};
    assert_int_equal(count(doc, "//w"), 6);
    for (int i = 0; i < 6; i++) {
        char xpath[32];
        snprintf(xpath, sizeof xpath, "(//w)[%d]", i + 1);
        assert_only(doc, xpath, tokens[i]);
    }
    /* tokens sit inside the entities that cover them, and hold no markup */
    assert_only(doc, "//entity[@type='GPE']/w", "Japan");
    assert_int_equal(count(doc, "//entity[@type='PERCENT']/w"), 2);
    assert_int_equal(count(doc, "//w/*"), 0);
    assert_only(doc, "//document", text);
    xmlFreeDoc(doc);
    free(xml);

    xml = RENDER("tok", text, 0);
    assert_null(strstr(xml, "<w>"));
    free(xml);
}

static void test_explain_flag(void **state)
{
    (void)state;
    static const char text[] = "Ann Lee said Japan set a 25% tariff. Lee left.\n";
    char *xml = RENDER("ex", text, ANN_OUT_EXPLAIN);
    xmlDocPtr doc = parse(xml);
    char where[200];
    assert_only(doc, "//entity[@type='GPE']/@rule", "country");
    snprintf(where, sizeof where, "%s:1", rules_path);
    assert_only(doc, "//entity[@type='GPE']/@rule-source", where);
    assert_only(doc, "//entity[@type='PERCENT']/@rule", "pct");
    snprintf(where, sizeof where, "%s:4", rules_path);
    assert_only(doc, "//entity[@type='PERCENT']/@rule-source", where);
    /* the full name made by a rule, the short one by linking names */
    assert_only(doc, "//entity[@type='PERSON'][@rule='person']", "Ann Lee");
    snprintf(where, sizeof where, "%s:9", rules_path);
    assert_only(doc, "//entity[@type='PERSON'][@rule='person']/@rule-source", where);
    assert_only(doc, "//entity[@type='PERSON'][@rule='name-link']", "Lee");
    assert_only(doc, "//entity[@type='PERSON'][@rule='name-link']/@norm", "Ann Lee");
    assert_int_equal(count(doc, "//entity[@rule='name-link']/@rule-source"), 0);
    assert_int_equal(count(doc, "//entity[not(@rule)]"), 0);
    xmlFreeDoc(doc);
    free(xml);

    xml = RENDER("ex", text, 0);
    doc = parse(xml);
    assert_int_equal(count(doc, "//entity"), 4);
    assert_int_equal(count(doc, "//entity[@rule or @rule-source]"), 0);
    xmlFreeDoc(doc);
    free(xml);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_escaping),
        cmocka_unit_test(test_raw_elements),
        cmocka_unit_test(test_attribute_values_stay_well_formed),
        cmocka_unit_test(test_ids_across_documents_and_streams),
        cmocka_unit_test(test_tokens_flag),
        cmocka_unit_test(test_explain_flag),
    };
    int rc = cmocka_run_group_tests(tests, group_setup, group_teardown);
    xmlCleanupParser();
    return rc;
}
