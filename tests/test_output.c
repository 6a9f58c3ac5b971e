/* The XML writer, through the public API: escaping of text, attribute values
 * that stay well-formed whatever they hold, <raw hex> for bytes XML cannot
 * carry, document ids across documents and streams sharing one ann_output,
 * and the ANN_OUT_TOKENS and ANN_OUT_EXPLAIN flags. Then its byte layer,
 * xmlout, on its own: every escape, the bytes libxml2's xmlTextWriter would
 * write, any buffer size, and failed writes. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/xpath.h>

#include "memout.h"
#include "xpath.h"

#include "annotator.h"
#include "xmlout.h"

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

/* The writer remembers which attribute keys it may write by their place in
 * the document's string pool; the next document puts other keys there, in
 * another order. Each document must get its own keys, whichever came first:
 * the long number's norm and value put the third document's "note" where
 * the first two put the reserved "type". */
static void test_attribute_keys_in_each_document(void **state)
{
    (void)state;
    static const char text[] = "Japan set a 25% tariff.\n\f\n30% for Japan.\n\f\n12345678901234% alone.\n\f\nJapan alone.\n";
    char *xml = RENDER("keys", text, 0);
    xmlDocPtr doc = parse(xml);
    assert_int_equal(count(doc, "/corpus/document"), 4);
    assert_int_equal(count(doc, "//entity[@type='GPE']"), 3);
    assert_int_equal(count(doc, "//entity[@type='PERCENT']"), 3);
    /* type norm ref code q lt; type norm ref note n */
    assert_int_equal(count(doc, "//entity[@type='GPE']/@*"), 3 * 6);
    assert_int_equal(count(doc, "//entity[@type='GPE'][@code='JP'][@q][@lt]"), 3);
    assert_int_equal(count(doc, "//entity[@type='PERCENT']/@*"), 3 * 5);
    assert_int_equal(count(doc, "//entity[@type='PERCENT'][@note][@n]"), 3);
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

/* A quotation that ends inside the second sentence it covers is written in
 * two pieces, one inside each <s>, numbered; one within a sentence whole. */
static void test_quote_pieces(void **state)
{
    (void)state;
    char *xml = RENDER("q.txt", "\"We wait. They act,\" he said. \"Fine.\"\n", 0);
    xmlFreeDoc(parse(xml));
    assert_contains(xml, "<s><quote part=\"1\" parts=\"2\">\"We wait.</quote></s> "
                         "<s><quote part=\"2\" parts=\"2\">They act,\"</quote> he said.</s> "
                         "<s><quote>\"Fine.\"</quote></s>");
    free(xml);
}

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

/* ---- xmlout: the byte layer ------------------------------------------------------- */

/* Bytes given to xmlout and what it writes for them. */
typedef struct {
    const char *in, *want;
} escape_case;

/* Attribute values; want is what comes between the quotes. */
static const escape_case ATTR_CASES[] = {
    {"", ""},
    {"plain text 123", "plain text 123"},
    {"\"&<>'", "&quot;&amp;&lt;&gt;'"},
    {"a\tb\nc\rd", "a&#9;b&#10;c&#13;d"},
    {"\x01x\x1f\x7f", "&#xFFFD;x&#xFFFD;\x7f"},                  /* C0 controls; DEL is allowed */
    {"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80", "&#xE9;&#x20AC;&#x1F600;"},
    {"\xef\xbf\xbe|\xef\xbf\xbf|\xef\xbf\xbd", "&#xFFFD;|&#xFFFD;|&#xFFFD;"}, /* U+FFFE, U+FFFF, U+FFFD */
    {"\xff", "&#xFFFD;"},                                        /* not UTF-8: one per byte */
    {"a\xc3", "a&#xFFFD;"},                                      /* cut at the end of the value */
    {"\xe2\x82x", "&#xFFFD;&#xFFFD;x"},                          /* cut before an ASCII byte */
    {"\xed\xa0\x80", "&#xFFFD;&#xFFFD;&#xFFFD;"},                /* a surrogate */
    {"\xc0\xaf", "&#xFFFD;&#xFFFD;"},                            /* overlong */
    {"&&\"\"", "&amp;&amp;&quot;&quot;"},
    /* the edges of the sequences decoded inline (utf8.h), and the longest reference */
    {"\xc2\x80\xdf\xbf\xe2\x80\x80\xe2\xbf\xbf\xe3\x80\x80", "&#x80;&#x7FF;&#x2000;&#x2FFF;&#x3000;"},
    {"\xe2\x80", "&#xFFFD;&#xFFFD;"},
    {"\xe2\xc3\xa9", "&#xFFFD;&#xE9;"},
    {"\xf4\x8f\xbf\xbf", "&#x10FFFF;"},
};

/* Character data. */
static const escape_case TEXT_CASES[] = {
    {"plain", "plain"},
    {"a & b < c > d", "a &amp; b &lt; c &gt; d"},
    {"x\r\ny\r", "x&#13;\ny&#13;"},
    {"\"quotes\" 'stay'\ttab\n", "\"quotes\" 'stay'\ttab\n"},
    {"\xc3\xa9 \xe2\x80\x9c\xe2\x80\x9d", "\xc3\xa9 \xe2\x80\x9c\xe2\x80\x9d"}, /* UTF-8 stays as it is */
    {"&<>\r", "&amp;&lt;&gt;&#13;"},
};

static xmlout *new_xmlout(buffer *b, size_t buffer_size)
{
    *b = (buffer){0};
    return xmlout_new(buffer_write, b, buffer_size);
}

/* What xmlout wrote, once flushed; freed by the caller. */
static char *flushed(xmlout *x, buffer *b)
{
    assert_int_equal(xmlout_flush(x), 0);
    xmlout_free(x);
    return b->data ? b->data : calloc(1, 1);
}

static void assert_xml_equal(char *got, const char *want)
{
    if (strcmp(got, want))
        fail_msg("xmlout wrote\n  %s\nwant\n  %s", got, want);
    free(got);
}

/* Writes each case in an element <e>, as the value of attribute v (with
 * xmlout_attr, with a name made once, and in a tag made once) or as text,
 * and checks the bytes. */
static void assert_escapes(const escape_case *cases, size_t count, int as_attribute)
{
    for (size_t i = 0; i < count; i++) {
        buffer b;
        char want[200];
        if (as_attribute) {
            /* first, as in test_xmlout_text_from_slices */
            xmlout_name *name = xmlout_name_new("v");
            xmlout *x = new_xmlout(&b, 0);
            xmlout_start(x, "e");
            xmlout_attr_named(x, name, cases[i].in);
            xmlout_end(x);
            char *got = flushed(x, &b);
            snprintf(want, sizeof want, "<e v=\"%s\"/>", cases[i].want);
            assert_xml_equal(got, want);
            xmlout_name_free(name);
        }
        xmlout *x = new_xmlout(&b, 0);
        xmlout_start(x, "e");
        if (as_attribute) {
            xmlout_attr(x, "v", cases[i].in);
        } else {
            xmlout_text(x, cases[i].in, strlen(cases[i].in));
            snprintf(want, sizeof want, "<e>%s</e>", cases[i].want);
        }
        xmlout_end(x);
        assert_xml_equal(flushed(x, &b), want);
        if (as_attribute) {
            const char *attr[] = {"v", cases[i].in};
            xmlout_tag *tag = xmlout_tag_new("e", attr, 1);
            x = new_xmlout(&b, 0);
            xmlout_start_tag(x, tag);
            xmlout_end(x);
            assert_xml_equal(flushed(x, &b), want);
            xmlout_tag_free(tag);
        }
    }
}

static void test_xmlout_attribute_escapes(void **state)
{
    (void)state;
    assert_escapes(ATTR_CASES, sizeof ATTR_CASES / sizeof *ATTR_CASES, 1);
}

static void test_xmlout_text_escapes(void **state)
{
    (void)state;
    assert_escapes(TEXT_CASES, sizeof TEXT_CASES / sizeof *TEXT_CASES, 0);
    /* each special at each place of a run, across the 8-byte steps of the scan */
    for (size_t at = 0; at < 20; at++)
        for (const char *special = "&<>\r"; *special; special++) {
            char text[21], want[40];
            memset(text, 'a', 20);
            text[20] = '\0';
            text[at] = *special;
            const char *entity = *special == '&' ? "&amp;" : *special == '<' ? "&lt;" : *special == '>' ? "&gt;" : "&#13;";
            snprintf(want, sizeof want, "%.*s%s%s", (int)at, text, entity, text + at + 1);
            assert_escapes(&(escape_case){text, want}, 1, 0);
        }
    /* a NUL inside a run is the caller's text like any other byte */
    buffer b;
    xmlout *x = new_xmlout(&b, 0);
    xmlout_text(x, "a\0b", 3);
    assert_int_equal(xmlout_flush(x), 0);
    assert_int_equal(b.len, 3);
    assert_memory_equal(b.data, "a\0b", 3);
    xmlout_free(x);
    free(b.data);
}

/* <e> holding text[0..len) cut at i and j, the part [i, j) left out when
 * skip: each slice with xmlout_text (from_source 0), or written in slices
 * of one source (1), or so in an element started from a tag made once,
 * its last slice and its end in one call (2: xmlout_text_from_and_end). */
static char *sliced(const char *text, size_t len, size_t i, size_t j, int skip, int from_source)
{
    buffer b;
    xmlout *x = new_xmlout(&b, 0);
    xmlout_tag *tag = xmlout_tag_new("e", NULL, 0);
    if (from_source == 2)
        xmlout_start_tag(x, tag);
    else
        xmlout_start(x, "e");
    const size_t cuts[] = {0, i, j, len};
    xmlout_source src;
    xmlout_source_init(&src, text, len);
    for (int k = 0; k < 3; k++) {
        if (k == 1 && skip)
            continue;
        if (from_source == 2 && k == 2)
            xmlout_text_from_and_end(x, &src, cuts[k], cuts[k + 1]);
        else if (from_source)
            xmlout_text_from(x, &src, cuts[k], cuts[k + 1]);
        else
            xmlout_text(x, text + cuts[k], cuts[k + 1] - cuts[k]);
    }
    if (from_source != 2)
        xmlout_end(x);
    char *xml = flushed(x, &b);
    xmlout_tag_free(tag);
    return xml;
}

/* Slices of one source, touching or with gaps, read as xmlout_text of each:
 * every special before, inside, after and at the edge of a slice, and
 * twice in a row. */
static void test_xmlout_text_from_slices(void **state)
{
    (void)state;
    /* short: every slice ends near the end of the text; long: slices of up
     * to 70 bytes, most far from it, their specials first, last and
     * between, and some runs longer than a slice is read by blocks */
    const char *texts[] = {"a&b<c>d\re&&f g>",
                           "&Some words between tags, and <more> of them\r\n"
                           "x&y 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef>"
                           " and the words after them, to the end of the text."};
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        size_t len = strlen(texts[t]);
        for (size_t i = 0; i <= len; i++)
            for (size_t j = i; j <= len; j++)
                for (int skip = 0; skip < 2; skip++) {
                    /* the slices first: a buffer that held the bytes wanted
                     * would hide a copy that falls short */
                    char *want = sliced(texts[t], len, i, j, skip, 0);
                    for (int from_source = 1; from_source <= 2; from_source++)
                        assert_xml_equal(sliced(texts[t], len, i, j, skip, from_source), want);
                    free(want);
                }
    }
    /* an empty source, and nothing written from it */
    for (int from_source = 1; from_source <= 2; from_source++) {
        char *empty = sliced("", 0, 0, 0, 0, from_source);
        assert_string_equal(empty, "<e/>");
        free(empty);
    }
}

/* Empty elements end as "/>", an element with text as "</name>"; empty
 * text is no content; raw markup closes the start tag; end_full never
 * writes "/>". */
static void test_xmlout_elements(void **state)
{
    (void)state;
    buffer b;
    xmlout *x = new_xmlout(&b, 0);
    xmlout_start(x, "doc");
    xmlout_attr(x, "id", "d1");
    xmlout_start(x, "empty");
    xmlout_text(x, "", 0);
    xmlout_end(x);
    xmlout_start(x, "p");
    xmlout_text(x, "x", 1);
    xmlout_start(x, "raw");
    xmlout_attr_hex(x, "hex", (const unsigned char *)"\x00\x1f\xff", 3);
    xmlout_end(x);
    xmlout_end(x);
    xmlout_start(x, "q");
    xmlout_raw(x, "\n", 1);
    xmlout_end(x);
    xmlout_start(x, "full");
    xmlout_end_full(x);
    xmlout_end_full(x);
    assert_xml_equal(flushed(x, &b), "<doc id=\"d1\"><empty/><p>x<raw hex=\"001FFF\"/></p><q>\n</q><full></full></doc>");

    /* ending more elements than were started is a failure, not a crash */
    x = new_xmlout(&b, 0);
    xmlout_end(x);
    assert_int_equal(xmlout_failed(x), 1);
    assert_int_equal(xmlout_flush(x), -1);
    xmlout_free(x);
    free(b.data);
}

/* <name name="value"><name>text</name></name> and <name/>, with a tag
 * and an attribute name made once for name, or with xmlout_start and
 * xmlout_attr. */
static char *nested(const char *name, const xmlout_tag *tag, const xmlout_name *attr)
{
    buffer b;
    xmlout *x = new_xmlout(&b, 0);
    for (int depth = 0; depth < 2; depth++) {
        if (tag)
            xmlout_start_tag(x, tag);
        else
            xmlout_start(x, name);
        if (depth == 0 && attr)
            xmlout_attr_named(x, attr, "value");
        else if (depth == 0)
            xmlout_attr(x, name, "value");
    }
    xmlout_text(x, "text", 4);
    xmlout_end(x);
    xmlout_end(x);
    if (tag)
        xmlout_start_tag(x, tag);
    else
        xmlout_start(x, name);
    xmlout_end(x);
    return flushed(x, &b);
}

/* A tag made once is copied by blocks of bytes, and so are its end tag
 * and an attribute name made once: names of every length around a
 * block's, ending an element with content and an empty one, write what
 * xmlout_start and xmlout_attr write. */
static void test_xmlout_tags_of_any_length(void **state)
{
    (void)state;
    char name[41];
    for (size_t len = 1; len < sizeof name; len++) {
        for (size_t i = 0; i < len; i++)
            name[i] = (char)('a' + (len + i) % 26);
        name[len] = '\0';
        xmlout_tag *tag = xmlout_tag_new(name, NULL, 0);
        xmlout_name *attr = xmlout_name_new(name);
        char *got = nested(name, tag, attr); /* first, as in test_xmlout_text_from_slices */
        char *want = nested(name, NULL, NULL);
        assert_xml_equal(got, want);
        free(want);
        xmlout_tag_free(tag);
        xmlout_name_free(attr);
    }
}

/* Writes one sequence exercising every call; the same bytes must come out
 * whatever the buffer size. */
static void write_sample(xmlout *x)
{
    static const char text[] = "Lorem & ipsum <dolor> sit\r\namet, \xe2\x80\x9c" "consectetur\xe2\x80\x9d adipiscing";
    static const unsigned char bytes[] = {0x00, 0x01, 0xfe, 0xff, 0x7f, 0x80, 0x10, 0x20};
    const char *entity_attrs[] = {"type", "PERSON", "norm", "Ren\xc3\xa9" "e \"Ng\" & co", "ref", "e1"};
    xmlout_tag *entity = xmlout_tag_new("entity", entity_attrs, 3);
    xmlout_name *note = xmlout_name_new("note");
    xmlout_raw(x, "<?xml version=\"1.0\"?>\n", 22);
    xmlout_start(x, "corpus");
    for (int i = 0; i < 40; i++) {
        xmlout_start(x, "document");
        for (size_t k = 0; k < sizeof ATTR_CASES / sizeof *ATTR_CASES; k++) {
            char name[16];
            snprintf(name, sizeof name, "a%zu", k);
            xmlout_attr(x, name, ATTR_CASES[(k + (size_t)i) % (sizeof ATTR_CASES / sizeof *ATTR_CASES)].in);
        }
        xmlout_start_tag(x, entity);
        xmlout_attr(x, "n", i % 2 ? "odd" : "even");
        xmlout_attr_named(x, note, ATTR_CASES[(size_t)i % (sizeof ATTR_CASES / sizeof *ATTR_CASES)].in);
        if (i % 3 == 2) {
            /* the entity's last text and its end in one call */
            xmlout_source src;
            xmlout_source_init(&src, text, sizeof text - 1);
            xmlout_text_from_and_end(x, &src, (size_t)i % 7, (size_t)i % 7 + 12);
        } else {
            if (i % 3)
                xmlout_text(x, "Ren\xc3\xa9" "e", 6);
            xmlout_end(x);
        }
        xmlout_text(x, text + i % 7, sizeof text - 1 - (size_t)(i % 7));
        xmlout_start(x, "raw");
        xmlout_attr_hex(x, "hex", bytes, (size_t)i % sizeof bytes + 1);
        xmlout_end(x);
        xmlout_end_full(x);
    }
    /* runs longer than any small buffer: 300 bytes with an escape every 97 */
    char longer[300];
    for (size_t i = 0; i < sizeof longer; i++)
        longer[i] = i % 97 == 96 ? '&' : (char)('a' + i % 26);
    xmlout_text(x, longer, sizeof longer);
    longer[sizeof longer - 1] = '\0';
    xmlout_start(x, "last");
    xmlout_attr(x, "long", longer);
    xmlout_end(x);
    xmlout_end(x);
    xmlout_tag_free(entity);
    xmlout_name_free(note);
}

static void test_xmlout_any_buffer_size(void **state)
{
    (void)state;
    buffer want;
    xmlout *x = new_xmlout(&want, 0);
    write_sample(x);
    char *want_xml = flushed(x, &want);
    xmlDocPtr doc = parse(want_xml);
    xmlFreeDoc(doc);
    for (size_t size = 1; size <= 70; size++) {
        buffer b;
        x = new_xmlout(&b, size);
        write_sample(x);
        char *got = flushed(x, &b);
        if (strcmp(got, want_xml))
            fail_msg("a buffer of %zu bytes changes the output", size);
        free(got);
    }
    free(want_xml);
}

/* For attribute values XML can hold, and for empty and non-empty
 * elements, the bytes are those libxml2's xmlTextWriter writes (the writer
 * output.c used before xmlout; it escaped text itself). */
static void test_xmlout_matches_xmltextwriter(void **state)
{
    (void)state;
    xmlBufferPtr lib = xmlBufferCreate();
    xmlTextWriterPtr w = xmlNewTextWriterMemory(lib, 0);
    assert_non_null(w);
    buffer b;
    xmlout *x = new_xmlout(&b, 0);
    assert_true(xmlTextWriterStartElement(w, BAD_CAST "root") >= 0);
    xmlout_start(x, "root");
    for (size_t i = 0; i < sizeof ATTR_CASES / sizeof *ATTR_CASES; i++) {
        if (strstr(ATTR_CASES[i].want, "FFFD"))
            continue; /* xmlout makes these U+FFFD; output.c did so before libxml2 saw them */
        char name[16];
        snprintf(name, sizeof name, "v%zu", i);
        assert_true(xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST ATTR_CASES[i].in) >= 0);
        xmlout_attr(x, name, ATTR_CASES[i].in);
    }
    assert_true(xmlTextWriterStartElement(w, BAD_CAST "empty") >= 0 && xmlTextWriterEndElement(w) >= 0);
    xmlout_start(x, "empty");
    xmlout_end(x);
    assert_true(xmlTextWriterStartElement(w, BAD_CAST "full") >= 0 && xmlTextWriterFullEndElement(w) >= 0);
    xmlout_start(x, "full");
    xmlout_end_full(x);
    assert_true(xmlTextWriterStartElement(w, BAD_CAST "raw") >= 0 && xmlTextWriterWriteRaw(w, BAD_CAST "x\n") >= 0 &&
                xmlTextWriterEndElement(w) >= 0);
    xmlout_start(x, "raw");
    xmlout_raw(x, "x\n", 2);
    xmlout_end(x);
    assert_true(xmlTextWriterEndElement(w) >= 0);
    xmlout_end(x);
    xmlFreeTextWriter(w);
    assert_xml_equal(flushed(x, &b), (const char *)xmlBufferContent(lib));
    xmlBufferFree(lib);
}

typedef struct {
    size_t room;          /* bytes accepted before writes fail */
    size_t calls_after_failure;
    int failed;
} failing_sink;

static int failing_write(void *ctx, const char *data, size_t len)
{
    (void)data;
    failing_sink *f = ctx;
    if (f->failed)
        f->calls_after_failure++;
    if (len > f->room) {
        f->failed = 1;
        errno = ENOSPC;
        return -1;
    }
    f->room -= len;
    return 0;
}

/* The first failed write is kept with its errno; nothing is written after
 * it; a flush reports it, now and later. */
static void test_xmlout_write_failure(void **state)
{
    (void)state;
    failing_sink f = {.room = 10};
    xmlout *x = xmlout_new(failing_write, &f, 16);
    xmlout_start(x, "document");
    assert_int_equal(xmlout_failed(x), 0); /* all still in the buffer */
    for (int i = 0; i < 100; i++) {
        xmlout_attr(x, "name", "a value long enough to fill the buffer");
        xmlout_text(x, "text", 4);
    }
    assert_int_equal(xmlout_failed(x), 1);
    assert_int_equal(xmlout_errno(x), ENOSPC);
    assert_int_equal(xmlout_flush(x), -1);
    assert_int_equal(xmlout_flush(x), -1);
    xmlout_free(x);
    assert_int_equal(f.calls_after_failure, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_escaping),
        cmocka_unit_test(test_raw_elements),
        cmocka_unit_test(test_attribute_values_stay_well_formed),
        cmocka_unit_test(test_attribute_keys_in_each_document),
        cmocka_unit_test(test_ids_across_documents_and_streams),
        cmocka_unit_test(test_quote_pieces),
        cmocka_unit_test(test_tokens_flag),
        cmocka_unit_test(test_explain_flag),
        cmocka_unit_test(test_xmlout_attribute_escapes),
        cmocka_unit_test(test_xmlout_text_escapes),
        cmocka_unit_test(test_xmlout_text_from_slices),
        cmocka_unit_test(test_xmlout_elements),
        cmocka_unit_test(test_xmlout_tags_of_any_length),
        cmocka_unit_test(test_xmlout_any_buffer_size),
        cmocka_unit_test(test_xmlout_matches_xmltextwriter),
        cmocka_unit_test(test_xmlout_write_failure),
    };
    int rc = cmocka_run_group_tests(tests, group_setup, group_teardown);
    xmlCleanupParser();
    return rc;
}
