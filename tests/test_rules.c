/* Rule files: parsing and compiling (ann_rules_add_text, ann_rules_compile),
 * the error locations a rule author sees, and what rules do once compiled:
 * macros, <TYPE> references across phases, span, captures as attributes,
 * norm templates, the conflict policy (annotator/resolve.h), token and
 * sentence boundaries, ann_rules_check, and the built-in rule set.
 *
 * Annotations are observed through the public API: a document is annotated
 * through ann_stream into memory and the XML is queried with libxml2 XPath. */
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

#include "memout.h"
#include "xpath.h"

#include "annotator.h"
#include "rules.h"

/* ---- compiling ---------------------------------------------------------------- */

/* Adds text as a rule file named name and compiles it; returns the first
 * failing status (add, then compile) with err filled, or ANN_OK. */
static int try_compile(const char *name, const char *text, ann_error *err, ann_rules **out)
{
    ann_rules *rules = ann_rules_new();
    memset(err, 0, sizeof *err);
    int rc = ann_rules_add_text(rules, name, text, strlen(text), err);
    if (rc == ANN_OK)
        rc = ann_rules_compile(rules, err);
    if (out && rc == ANN_OK)
        *out = rules;
    else
        ann_rules_free(rules);
    return rc;
}

static ann_rules *compile_ok(const char *text)
{
    ann_error err;
    ann_rules *rules = NULL;
    if (try_compile("t.rules", text, &err, &rules) != ANN_OK)
        fail_msg("rules did not compile: %s:%lu:%lu: %s", err.file, err.line, err.column, err.message);
    return rules;
}

/* Checks that text fails with ANN_ERR_RULES at file t.rules, line, column,
 * with a message containing what. */
static void check_error(const char *text, unsigned long line, unsigned long column, const char *what)
{
    ann_error err;
    int rc = try_compile("t.rules", text, &err, NULL);
    if (rc != ANN_ERR_RULES)
        fail_msg("expected ANN_ERR_RULES for \"%s\", got %d", what, rc);
    assert_int_equal(err.status, ANN_ERR_RULES);
    assert_string_equal(err.file, "t.rules");
    if (err.line != line || err.column != column)
        fail_msg("\"%s\": error at %lu:%lu, expected %lu:%lu (message: %s)", what, err.line, err.column, line,
                 column, err.message);
    if (!strstr(err.message, what))
        fail_msg("message \"%s\" does not mention \"%s\"", err.message, what);
}

/* ---- annotating ------------------------------------------------------------------ */


/* Annotates text as one document with output flags (ANN_OUT_*) and
 * returns the parsed output. */
static xmlDocPtr annotate_with(const ann_rules *rules, const char *text, int flags)
{
    buffer b = {0};
    ann_error err;
    ann_output *out = ann_output_new(buffer_write, NULL, &b, flags, &err);
    assert_non_null(out);
    ann_stream *st = ann_stream_new(rules, out, "test", NULL);
    assert_int_equal(ann_stream_feed(st, text, strlen(text), &err), ANN_OK);
    assert_int_equal(ann_stream_finish(st, &err), ANN_OK);
    assert_int_equal(ann_stream_documents(st), 1);
    ann_stream_free(st);
    assert_int_equal(ann_output_finish(out, &err), ANN_OK);
    ann_output_free(out);
    xmlDocPtr doc = xmlReadMemory(b.data, (int)b.len, "out.xml", NULL, XML_PARSE_NONET);
    if (!doc)
        fail_msg("output is not well-formed: %s", b.data);
    free(b.data);
    return doc;
}

static xmlDocPtr annotate(const ann_rules *rules, const char *text)
{
    return annotate_with(rules, text, 0);
}

/* The only entity of a type, annotated from text, is want. */
static void assert_annotates(const ann_rules *rules, const char *text, const char *type, const char *want)
{
    xmlDocPtr doc = annotate(rules, text);
    char xpath[128];
    snprintf(xpath, sizeof xpath, "//entity[@type='%s']", type);
    assert_only(doc, xpath, want);
    xmlFreeDoc(doc);
}

static void assert_no_entity(const ann_rules *rules, const char *text, const char *type)
{
    xmlDocPtr doc = annotate(rules, text);
    char xpath[128];
    snprintf(xpath, sizeof xpath, "//entity[@type='%s']", type);
    int n = count(doc, xpath);
    if (n)
        fail_msg("%d %s entities in \"%s\", expected none", n, type, text);
    xmlFreeDoc(doc);
}

/* ---- a valid rule set -------------------------------------------------------------- */

static void test_valid_rules_compile(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("# a comment\n"
                                  "define NUM \\d+(?:\\.\\d+)?\n"
                                  "\n"
                                  "rule pct\n"
                                  "  type     PERCENT\n"
                                  "  pattern  {NUM}\\h?%\n"
                                  "  priority 50\n"
                                  "  example  A [[25%]] rate.\n"
                                  "  counter  He won 25 votes.\n"
                                  "\n"
                                  "rule tariff\n"
                                  "\ttype\tTARIFF\n"
                                  "\tphase\t2\n"
                                  "\tpattern\t(?<rate><PERCENT>)\\h(?i:tariffs?)\n"
                                  "\tpattern\t(?i:tariffs?)\\hof\\h<PERCENT>\n"
                                  "\tnest\tPERCENT\n"
                                  "\tnorm\t{rate} tariff\n"
                                  "\tattr\tkind ad-valorem\n"
                                  "\texample\tA [[25% tariff]] and [[tariffs of 10%]].\r\n");
    assert_int_equal(ann_rules_count(rules), 2);
    size_t run = 0;
    assert_int_equal(ann_rules_check(rules, NULL, NULL, &run), 0);
    assert_int_equal(run, 3);
    ann_rules_free(rules);
}

/* ---- error locations ------------------------------------------------------------- */

static void test_error_unknown_key(void **state)
{
    (void)state;
    check_error("rule a\n"
                "  type X\n"
                "  colour red\n",
                3, 3, "unknown key 'colour'");
}

/* The column names the key, however the value is aligned. */
static void test_error_unknown_key_aligned(void **state)
{
    (void)state;
    check_error("rule a\n"
                "  type     X\n"
                "  colour   red\n",
                3, 3, "unknown key 'colour'");
}

static void test_error_missing_type(void **state)
{
    (void)state;
    /* found when the next rule starts, reported at the rule's own line */
    check_error("# comment\n"
                "\n"
                "rule a\n"
                "  pattern x\n"
                "rule b\n"
                "  type X\n"
                "  pattern y\n",
                3, 1, "has no type");
    /* and at the end of the file */
    check_error("rule b\n"
                "  type X\n"
                "  pattern y\n"
                "rule a\n"
                "  pattern x\n",
                4, 1, "has no type");
}

static void test_error_pattern_and_list(void **state)
{
    (void)state;
    check_error("rule a\n"
                "  type X\n"
                "  pattern x\n"
                "  list l.txt\n",
                1, 1, "exactly one of 'pattern' or 'list'");
    check_error("rule a\n"
                "  type X\n"
                "rule b\n",
                1, 1, "exactly one of 'pattern' or 'list'");
}

/* PCRE2's message, and a column pointing at PCRE2's error offset in the
 * pattern as written: "ab[z-a]" fails at offset 5 (the 'a' ending the range). */
static void test_error_bad_pattern(void **state)
{
    (void)state;
    check_error("rule a\n"
                "  type     X\n"
                "  pattern  ab[z-a]\n",
                3, 12 + 5, "range out of order in character class");
    /* "a**": offset 2, the second '*' */
    check_error("rule a\n"
                "  type X\n"
                "  pattern a**\n",
                3, 11 + 2, "quantifier does not follow a repeatable item");
}

/* When a macro changed the pattern, the offset cannot be mapped back: the
 * column is the pattern's, and the message still carries PCRE2's text. */
static void test_error_bad_pattern_in_macro(void **state)
{
    (void)state;
    check_error("define BAD [z-a]\n"
                "rule a\n"
                "  type     X\n"
                "  pattern  x{BAD}\n",
                4, 12, "range out of order in character class");
}

static void test_error_unknown_macro(void **state)
{
    (void)state;
    check_error("rule a\n"
                "  type     X\n"
                "  pattern  x{NOPE}y\n",
                3, 13, "unknown macro {NOPE}");
    check_error("define A x{NOPE}\n", 1, 11, "unknown macro {NOPE}");
}

static void test_error_bad_phase(void **state)
{
    (void)state;
    check_error("rule a\n"
                "  type     X\n"
                "  phase    0\n"
                "  pattern  x\n",
                3, 12, "phase must be a number from 1 to 32");
    check_error("rule a\n"
                "  type X\n"
                "  phase 33\n",
                3, 9, "phase must be a number");
    check_error("rule a\n"
                "  type X\n"
                "  phase two\n",
                3, 9, "phase must be a number");
}

static void test_error_unclosed_example(void **state)
{
    (void)state;
    check_error("rule a\n"
                "  type     X\n"
                "  pattern  bar\n"
                "  example  Foo [[bar baz\n",
                4, 16, "'[[' without ']]'");
    check_error("rule a\n"
                "  type     X\n"
                "  pattern  bar\n"
                "  example  Foo [[bar]] and [[bar\n",
                4, 28, "'[[' without ']]'");
}

/* The list is read at compile time; the error names the rule file and the
 * line (and column) of the list setting. */
static void test_error_missing_list(void **state)
{
    (void)state;
    ann_error err;
    int rc = try_compile("t.rules",
                         "rule a\n"
                         "  type     X\n"
                         "  list     no-such-list-7f3a.txt\n",
                         &err, NULL);
    assert_int_equal(rc, ANN_ERR_RULES);
    assert_string_equal(err.file, "t.rules");
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.message, "no-such-list-7f3a.txt"));
    if (err.column != 12)
        fail_msg("missing list: column %lu, expected 12 (the path)", err.column);
}

/* ---- what rules do ------------------------------------------------------------------- */

static void test_macros_expand(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("define WORD (?:tariff|duty)\n"
                                  "define LEVY {WORD}s?\n"
                                  "rule levy\n"
                                  "  type    LEVY\n"
                                  "  pattern {LEVY}\\h(?:on|for)\n");
    assert_annotates(rules, "A new tariffs on cars.", "LEVY", "tariffs on");
    assert_annotates(rules, "A duty for rice.", "LEVY", "duty for");
    assert_no_entity(rules, "A tax on rice.", "LEVY");
    /* a literal brace is written \{ */
    ann_rules_free(rules);
    rules = compile_ok("rule brace\n"
                       "  type    BRACE\n"
                       "  pattern \\{X}\n");
    assert_annotates(rules, "a {X} b", "BRACE", "{X}");
    ann_rules_free(rules);
}

static void test_type_reference_across_phases(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule pct\n"
                                  "  type    PCT\n"
                                  "  pattern \\d+%\n"
                                  "  norm    {match} percent\n"
                                  "rule rise\n"
                                  "  type    RISE\n"
                                  "  phase   2\n"
                                  "  pattern (?<by><PCT>)\\hrise\n");
    xmlDocPtr doc = annotate(rules, "A 5% rise today, then a rise of 5.");
    assert_only(doc, "//entity[@type='RISE']", "5% rise");
    /* the referenced annotation stays nested inside */
    assert_only(doc, "//entity[@type='RISE']/entity[@type='PCT']", "5%");
    /* a capture covering an earlier annotation carries its norm */
    assert_only(doc, "//entity[@type='RISE']/@by", "5% percent");
    xmlFreeDoc(doc);
    /* without the PCT annotation the phase 2 rule has nothing to refer to */
    assert_no_entity(rules, "A five rise today.", "RISE");
    ann_rules_free(rules);

    /* with replace, the referenced annotation gives way: one GOODS, not a
     * GOODS around a GOODS; of higher priority, it stays and the later one
     * is dropped */
    static const char goods[] = "rule goods\n"
                                "  type     GOODS\n"
                                "  pattern  bauxite\n"
                                "  priority %d\n"
                                "rule classified\n"
                                "  type     GOODS\n"
                                "  phase    2\n"
                                "  replace  GOODS\n"
                                "  pattern  raw\\h<GOODS>\n"
                                "  priority 15\n";
    static const struct {
        int inner_priority;
        const char *kept;
    } cases[] = {{10, "raw bauxite"}, {20, "bauxite"}};
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char text[512];
        snprintf(text, sizeof text, goods, cases[k].inner_priority);
        rules = compile_ok(text);
        doc = annotate(rules, "They ship raw bauxite.");
        assert_only(doc, "//entity", cases[k].kept);
        xmlFreeDoc(doc);
        ann_rules_free(rules);
    }

    /* a phase 1 rule cannot see annotations of its own phase */
    rules = compile_ok("rule pct\n"
                       "  type    PCT\n"
                       "  pattern \\d+%\n"
                       "rule rise\n"
                       "  type    RISE\n"
                       "  pattern <PCT>\\hrise\n");
    assert_no_entity(rules, "A 5% rise today.", "RISE");
    ann_rules_free(rules);
}

static void test_span_limits_annotation(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule minister\n"
                                  "  type    PERSON\n"
                                  "  pattern Minister\\h(?<_who>\\p{Lu}\\p{Ll}+)\n"
                                  "  span    _who\n");
    xmlDocPtr doc = annotate(rules, "Trade Minister Tanaka spoke.");
    assert_only(doc, "//entity[@type='PERSON']", "Tanaka");
    assert_int_equal(count(doc, "//entity/@*[name()!='type' and name()!='norm' and name()!='ref']"), 0);
    xmlFreeDoc(doc);
    assert_no_entity(rules, "The Minister spoke.", "PERSON");
    ann_rules_free(rules);

    /* each pattern line may hold the span capture: whichever matched counts */
    rules = compile_ok("rule two\n"
                       "  type    ORG\n"
                       "  pattern (?<_name>Acme)\\hsaid\n"
                       "  pattern shares\\hof\\h(?<_name>Zenith)\n"
                       "  span    _name\n");
    doc = annotate(rules, "Acme said it bought shares of Zenith today.");
    assert_int_equal(count(doc, "//entity[@type='ORG']"), 2);
    assert_int_equal(count(doc, "//entity[@type='ORG' and .='Acme']"), 1);
    assert_int_equal(count(doc, "//entity[@type='ORG' and .='Zenith']"), 1);
    xmlFreeDoc(doc);
    ann_rules_free(rules);

    ann_error err;
    assert_int_equal(try_compile("t.rules",
                                 "rule a\n"
                                 "  type     X\n"
                                 "  pattern  a(?<x>b)\n"
                                 "  span     y\n",
                                 &err, NULL),
                     ANN_ERR_RULES);
    assert_string_equal(err.file, "t.rules");
    assert_true(err.line == 3 || err.line == 4); /* the pattern or the span line */
    assert_non_null(strstr(err.message, "'span y' names no capture"));
}

static void test_named_captures_become_attributes(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule money\n"
                                  "  type    MONEY\n"
                                  "  pattern (?<currency>[$€])(?<amount>\\d+)(?<_scale>bn)?(?<unit>\\hcash)?\n");
    xmlDocPtr doc = annotate(rules, "It cost $20bn in total.");
    assert_only(doc, "//entity[@type='MONEY']", "$20bn");
    assert_only(doc, "//entity[@type='MONEY']/@currency", "$");
    assert_only(doc, "//entity[@type='MONEY']/@amount", "20");
    assert_int_equal(count(doc, "//entity/@_scale"), 0);
    /* a capture that took no part gives no attribute */
    assert_int_equal(count(doc, "//entity/@unit"), 0);
    xmlFreeDoc(doc);
    ann_rules_free(rules);
}

static void test_norm_templates(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule money\n"
                                  "  type    MONEY\n"
                                  "  pattern (?<cur>[$€])\\h*(?<amt>\\d+)(?:\\h(?<scale>bn))?\n"
                                  "  norm    {amt}{scale} {cur} [{match}]\n"
                                  "  attr    text <{match}>\n");
    xmlDocPtr doc = annotate(rules, "Pay $20 now and €5 bn later.");
    assert_only(doc, "(//entity[@type='MONEY'])[1]/@norm", "20 $ [$20]");
    assert_only(doc, "(//entity[@type='MONEY'])[1]/@text", "<$20>");
    assert_only(doc, "(//entity[@type='MONEY'])[2]/@norm", "5bn € [€5 bn]");
    xmlFreeDoc(doc);
    /* {match} folds the spaces inside the match to one */
    doc = annotate(rules, "Pay $ \t 20 now.");
    assert_only(doc, "//entity[@type='MONEY']/@norm", "20 $ [$ 20]");
    xmlFreeDoc(doc);
    ann_rules_free(rules);

    /* without norm the norm is the text, its gaps folded to one space */
    rules = compile_ok("rule a\n"
                       "  type    X\n"
                       "  pattern ab[\\s\\x{a0}]+c[d\\x{e9}]\n");
    static const char *const texts[][2] = {{"ab cd", "ab cd"}, {"ab  cd", "ab cd"}, {"ab\tcd", "ab cd"},
                                           {"ab\xc2\xa0" "cd", "ab cd"}, {"ab \n c\xc3\xa9", "ab c\xc3\xa9"}};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        doc = annotate(rules, texts[i][0]);
        assert_only(doc, "//entity/@norm", texts[i][1]);
        xmlFreeDoc(doc);
    }
    ann_rules_free(rules);
}

/* ---- conflicts (annotator/resolve.h) ---------------------------------------------- */

/* Higher priority wins over a longer overlapping match. */
static void test_conflict_priority(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule long\n"
                                  "  type     ORG\n"
                                  "  pattern  Japan\\hAirlines\n"
                                  "  priority 10\n"
                                  "rule short\n"
                                  "  type     GPE\n"
                                  "  pattern  Japan\n"
                                  "  priority 20\n");
    xmlDocPtr doc = annotate(rules, "Japan Airlines flew.");
    assert_only(doc, "//entity[@type='GPE']", "Japan");
    assert_int_equal(count(doc, "//entity"), 1);
    xmlFreeDoc(doc);
    ann_rules_free(rules);
}

/* Equal priority: the longer match wins, whatever the rule order. */
static void test_conflict_length(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule short\n"
                                  "  type     GPE\n"
                                  "  pattern  Japan\n"
                                  "rule long\n"
                                  "  type     ORG\n"
                                  "  pattern  Japan\\hAirlines\n");
    xmlDocPtr doc = annotate(rules, "Japan Airlines flew.");
    assert_only(doc, "//entity[@type='ORG']", "Japan Airlines");
    assert_int_equal(count(doc, "//entity"), 1);
    xmlFreeDoc(doc);
    ann_rules_free(rules);
}

/* Equal priority and length: the leftmost wins, whatever the rule order;
 * a later match that no longer overlaps anything is kept. */
static void test_conflict_leftmost(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule right\n"
                                  "  type     B\n"
                                  "  pattern  cd\\hef\n"
                                  "rule left\n"
                                  "  type     A\n"
                                  "  pattern  ab\\hcd\n");
    xmlDocPtr doc = annotate(rules, "ab cd ef gh cd ef");
    assert_only(doc, "//entity[@type='A']", "ab cd");
    assert_only(doc, "//entity[@type='B']", "cd ef");
    assert_int_equal(count(doc, "//entity"), 2);
    /* the B kept is the second one, after "gh" */
    assert_only(doc, "//entity[@type='B']/preceding-sibling::text()[1]", " ef gh ");
    xmlFreeDoc(doc);
    ann_rules_free(rules);
}

/* Everything equal: the rule written first wins. */
static void test_conflict_rule_order(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule first\n"
                                  "  type     ZED\n"
                                  "  pattern  Japan\n"
                                  "rule second\n"
                                  "  type     ALPHA\n"
                                  "  pattern  Japan\n");
    xmlDocPtr doc = annotate(rules, "Japan.");
    assert_only(doc, "//entity", "Japan");
    assert_int_equal(count(doc, "//entity[@type='ZED']"), 1);
    xmlFreeDoc(doc);
    ann_rules_free(rules);
}

/* Across phases: a later annotation over an earlier one of lower priority
 * removes it; of higher priority, loses to it; with nest, contains it; a
 * later annotation crossing an earlier one is dropped. */
static void test_conflict_across_phases(void **state)
{
    (void)state;
    static const char base[] = "rule gpe\n"
                               "  type     GPE\n"
                               "  pattern  Japan\n"
                               "  priority 50\n"
                               "rule org\n"
                               "  type     ORG\n"
                               "  phase    2\n"
                               "  pattern  Japan\\hAirlines\n";
    char text[512];

    snprintf(text, sizeof text, "%s  priority 10\n", base);
    ann_rules *rules = compile_ok(text);
    xmlDocPtr doc = annotate(rules, "Japan Airlines flew.");
    assert_only(doc, "//entity", "Japan");
    assert_int_equal(count(doc, "//entity[@type='GPE']"), 1);
    xmlFreeDoc(doc);
    ann_rules_free(rules);

    snprintf(text, sizeof text, "%s  priority 60\n", base);
    rules = compile_ok(text);
    doc = annotate(rules, "Japan Airlines flew.");
    assert_only(doc, "//entity", "Japan Airlines");
    assert_int_equal(count(doc, "//entity[@type='ORG']"), 1);
    xmlFreeDoc(doc);
    ann_rules_free(rules);

    snprintf(text, sizeof text, "%s  priority 10\n  nest     GPE\n", base);
    rules = compile_ok(text);
    doc = annotate(rules, "Japan Airlines flew.");
    assert_only(doc, "//entity[@type='ORG']", "Japan Airlines");
    assert_only(doc, "//entity[@type='ORG']/entity[@type='GPE']", "Japan");
    xmlFreeDoc(doc);
    ann_rules_free(rules);

    rules = compile_ok("rule flew\n"
                       "  type     ACT\n"
                       "  pattern  Airlines\\hflew\n"
                       "rule org\n"
                       "  type     ORG\n"
                       "  phase    2\n"
                       "  pattern  Japan\\hAirlines\n"
                       "  priority 99\n");
    doc = annotate(rules, "Japan Airlines flew.");
    assert_only(doc, "//entity", "Airlines flew");
    assert_int_equal(count(doc, "//entity[@type='ACT']"), 1);
    xmlFreeDoc(doc);
    ann_rules_free(rules);
}

/* ---- boundaries ------------------------------------------------------------------ */

static void test_match_on_token_boundaries(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule japan\n"
                                  "  type    GPE\n"
                                  "  pattern Japan\n");
    /* only the Japan of "Japan's" (the clitic is a token of its own) */
    assert_annotates(rules, "Japanese cars, Japan's cars, JapanX and xJapan.", "GPE", "Japan");
    ann_rules_free(rules);

    rules = compile_ok("rule start\n"
                       "  type    START\n"
                       "  pattern Jap\n"
                       "rule end\n"
                       "  type    END\n"
                       "  pattern pan\n");
    xmlDocPtr doc = annotate(rules, "Japan and Japanese.");
    assert_int_equal(count(doc, "//entity"), 0);
    xmlFreeDoc(doc);
    ann_rules_free(rules);

    /* PCRE2 backtracks until the end falls on a token end */
    rules = compile_ok("rule lazy\n"
                       "  type    LAZY\n"
                       "  pattern Jap\\w*?\n");
    assert_annotates(rules, "Japanese cars.", "LAZY", "Japanese");
    ann_rules_free(rules);
}

static void test_no_match_across_sentences(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule cross\n"
                                  "  type    X\n"
                                  "  pattern (?i:rose\\?\\hjapan)\n"
                                  "rule line\n"
                                  "  type    Y\n"
                                  "  pattern rose\\s(?i:japan)\n");
    /* a new sentence starts at "Japan" */
    assert_no_entity(rules, "Prices rose? Japan said no.", "X");
    /* "japan" after a question mark does not start one, so the same
     * pattern matches (after a lone full stop it would: segment.h) */
    assert_annotates(rules, "Prices rose? japan said no.", "X", "rose? japan");
    /* a line break ends a sentence unless the next line starts in lower case */
    assert_no_entity(rules, "Prices rose\nJapan said no.", "Y");
    assert_annotates(rules, "Prices rose\njapan said no.", "Y", "rose\njapan");
    ann_rules_free(rules);
}

/* A rule that needs a type is matched only in the sentences holding one, and
 * its view is marked only there; yet its lookbehind still sees the markers
 * just before such a sentence, in one that holds none. */
static void test_needs_and_lookbehind(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule place\n  type GPE\n  pattern Japan\n"
                                  "rule said\n  type _SAID\n  pattern said\n"
                                  "rule after-place\n  type NEXT\n  phase 2\n  needs _SAID\n"
                                  "  pattern (?<=\\x{E002}\\.\\h)\\p{Lu}\\w+|<GPE>\\hnever\n");
    assert_annotates(rules, "They visited Japan. Tokyo said yes.", "NEXT", "Tokyo");
    assert_no_entity(rules, "They visited Spain. Tokyo said yes.", "NEXT");
    assert_no_entity(rules, "They visited Japan. Tokyo agreed.", "NEXT");
    ann_rules_free(rules);
}

/* ---- ann_rules_check ---------------------------------------------------------------- */

typedef struct {
    ann_error items[8];
    size_t count;
} diag_log;

static void log_diag(void *ctx, const ann_error *e)
{
    diag_log *log = ctx;
    assert_true(log->count < 8);
    log->items[log->count++] = *e;
}

static void test_check_reports_failures(void **state)
{
    (void)state;
    ann_rules *rules = NULL;
    ann_error err;
    assert_int_equal(try_compile("chk.rules",
                                 "rule japan\n"                             /* 1 */
                                 "  type    GPE\n"                          /* 2 */
                                 "  pattern Japan\n"                        /* 3 */
                                 "  example I saw [[Japan]] today.\n"       /* 4: passes */
                                 "  example I saw [[Korea]] today.\n"       /* 5: fails */
                                 "  counter Japan is here.\n"               /* 6: fails */
                                 "  counter Korea is here.\n"               /* 7: passes */
                                 "  counter In [[Japan]]ese it is.\n",      /* 8: passes */
                                 &err, &rules),
                     ANN_OK);
    diag_log log = {0};
    size_t run = 0;
    assert_int_equal(ann_rules_check(rules, log_diag, &log, &run), 2);
    assert_int_equal(run, 5);
    assert_int_equal(log.count, 2);
    for (size_t i = 0; i < 2; i++) {
        assert_int_equal(log.items[i].status, ANN_ERR_CHECK);
        assert_int_equal(log.items[i].severity, ANN_DIAG_ERROR);
        assert_string_equal(log.items[i].file, "chk.rules");
        assert_non_null(strstr(log.items[i].message, "japan"));
    }
    assert_int_equal(log.items[0].line, 5);
    assert_int_equal(log.items[1].line, 6);
    assert_non_null(strstr(log.items[1].message, "counter"));
    /* the count does not depend on a diag callback */
    assert_int_equal(ann_rules_check(rules, NULL, NULL, NULL), 2);
    ann_rules_free(rules);

    /* checking needs compiled rules */
    rules = ann_rules_new();
    assert_true(ann_rules_check(rules, NULL, NULL, NULL) < 0);
    ann_rules_free(rules);
}

/* ---- where rules are tried ---------------------------------------------------------- */

static const rule *rule_named(const ann_rules *rules, const char *name)
{
    for (size_t i = 0; i < rules->count; i++)
        if (!strcmp(rules->rules[i].name, name))
            return &rules->rules[i];
    fail_msg("no rule %s", name);
    return NULL;
}

/* Whether the rule may start with the i-th of start_chars. */
static int starts_with_char(const ann_rules *rules, const char *name, const char *utf8)
{
    for (unsigned i = 0; i < START_CHAR_COUNT; i++)
        if (!strcmp((const char *)start_chars[i], utf8))
            return has_start_key(rule_named(rules, name)->start_keys, START_KEY_CHARS + i);
    fail_msg("%s is no start character", utf8);
    return 0;
}

/* The quotes, dashes and currency signs tokens start with are tried on each
 * pattern: a rule is not tried where it cannot start, whatever it looks at
 * before its start. */
static void test_start_characters(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule quoted\n  type Q\n  pattern \xE2\x80\x9C\\p{Lu}\\w+\n"
                                  "rule percent\n  type P\n  pattern \\d+%\n"
                                  "rule name-after-in\n  type N\n  pattern (?<=\\bin\\h)\\p{Lu}\\w+\n"
                                  "rule name-after-boundary\n  type B\n  pattern \\b\\p{Lu}\\w+\n"
                                  "rule dash-then-name\n  type D\n  pattern (?<!\\w)\xE2\x80\x94\\h\\p{Lu}\n"
                                  "rule anything\n  type A\n  pattern (?<=x).\n");
    const char *left_quote = "\xE2\x80\x9C", *right_quote = "\xE2\x80\x9D", *em_dash = "\xE2\x80\x94",
               *euro = "\xE2\x82\xAC";
    assert_true(starts_with_char(rules, "quoted", left_quote));
    assert_false(starts_with_char(rules, "quoted", right_quote));
    assert_false(starts_with_char(rules, "percent", left_quote));
    assert_false(starts_with_char(rules, "percent", euro));
    assert_false(starts_with_char(rules, "name-after-in", left_quote));
    assert_false(starts_with_char(rules, "name-after-boundary", em_dash));
    assert_true(starts_with_char(rules, "dash-then-name", em_dash));
    assert_false(starts_with_char(rules, "dash-then-name", left_quote));
    assert_true(starts_with_char(rules, "anything", euro));
    ann_rules_free(rules);
}

/* Each of start_chars has its own start key, and any other character the
 * key of its lead byte (start_key_at looks for them only after the lead
 * bytes they have). */
static void test_start_key_at(void **state)
{
    (void)state;
    for (unsigned i = 0; i < START_CHAR_COUNT; i++) {
        char text[8] = {0};
        memcpy(text, start_chars[i], strlen((const char *)start_chars[i]));
        assert_int_equal(start_key_at(text), START_KEY_CHARS + i);
    }
    assert_int_equal(start_key_at("A"), 'A');
    assert_int_equal(start_key_at("\xE2\x80\x9A"), 0xE2);     /* a low quote */
    assert_int_equal(start_key_at("\xC2\xA2"), 0xC2);         /* the cent sign */
    assert_int_equal(start_key_at("\xE4\xBA\xA4"), 0xE4);     /* a Han character */
    assert_int_equal(start_key_at("\xC3\xA9"), 0xC3);         /* e acute */
}

/* Unicode properties, in a caseless group too, give start keys of the
 * ASCII characters they can start with, and no others. */
static void test_start_keys_of_properties(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule number\n  type N\n  pattern (?i:\\p{N}+\\hunits)\n"
                                  "rule name\n  type P\n  pattern (?i:\\p{Lu}\\p{Ll}+)\n"
                                  "rule not-letter\n  type X\n  pattern [^\\p{L}\\s]x\n");
    const rule *number = rule_named(rules, "number"), *name = rule_named(rules, "name"),
               *not_letter = rule_named(rules, "not-letter");
    assert_true(has_start_key(number->start_keys, '7'));
    assert_false(has_start_key(number->start_keys, 'k'));
    assert_false(has_start_key(number->start_keys, 'u'));
    assert_true(has_start_key(name->start_keys, 'K'));
    assert_true(has_start_key(name->start_keys, 'a'));
    assert_false(has_start_key(name->start_keys, '7'));
    assert_true(has_start_key(not_letter->start_keys, '7'));
    assert_false(has_start_key(not_letter->start_keys, ' '));
    ann_rules_free(rules);
}

/* Lookbehinds and negative lookaheads are left out of the start study,
 * which reads none of them: the start keys are those of what follows,
 * those of a positive lookahead still count, and a conditional group
 * keeps its condition (PCRE2 studies no such group: any start). */
static void test_start_keys_past_assertions(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule not-then\n  type N\n  pattern (?!(?:Kx|(?:Ly)\\b))(?<!a\\h)(?<=\\h)Mz|\\d\n"
                                  "rule lookahead\n  type L\n  pattern (?=[pq])\\w\n"
                                  "rule condition\n  type C\n  pattern (?(?!x)y|z)\n");
    const rule *not_then = rule_named(rules, "not-then"), *lookahead = rule_named(rules, "lookahead"),
               *condition = rule_named(rules, "condition");
    assert_true(has_start_key(not_then->start_keys, 'M'));
    assert_true(has_start_key(not_then->start_keys, '7'));
    assert_false(has_start_key(not_then->start_keys, 'K'));
    assert_false(has_start_key(not_then->start_keys, 'L'));
    assert_false(has_start_key(not_then->start_keys, 'a'));
    assert_true(has_start_key(lookahead->start_keys, 'p'));
    assert_false(has_start_key(lookahead->start_keys, 'r'));
    assert_true(has_start_key(condition->start_keys, 'y'));
    assert_true(has_start_key(condition->start_keys, 'z'));
    ann_rules_free(rules);
}

/* Rules that can start with a few ASCII characters only are batched apart
 * from rules starting with any capital: a call at "Company" does not run
 * the alternative for "US$". */
static void test_batches_by_start_group(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule pair\n  type PAIR\n  pattern \\p{Lu}\\w+\\h\\p{Lu}\\w+\n"
                                  "rule counted\n  type COUNTED\n  pattern \\p{Lu}\\w+\\h\\d+\n"
                                  "rule dollars\n  type MONEY\n  pattern US\\$\\d+\n");
    const rule_view *v = &rules->views[rule_named(rules, "pair")->view];
    assert_int_equal(v->batch_count, 2);
    assert_int_equal(v->batches[0].count, 2);
    assert_int_equal(v->batches[1].count, 1);
    assert_annotates(rules, "Acme paid US$5 to Jane Smith.", "MONEY", "US$5");
    ann_rules_free(rules);
}

/* A rule built on earlier annotations is tried only at the markers of the
 * types it can start with, not at those of every type its view shows. */
static void test_start_markers(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule place\n  type GPE\n  pattern Japan\n"
                                  "rule goods\n  type GOODS\n  pattern steel\n"
                                  "rule duty\n  type TARIFF\n  phase 2\n  pattern <GPE>\\h<GOODS>\\hduty\n"
                                  "rule either\n  type TRADE\n  phase 2\n  pattern (?:<GPE>|<GOODS>)\\hduty\n");
    int gpe = rules_type_id(rules, "GPE", 3), goods = rules_type_id(rules, "GOODS", 5);
    const rule *duty = rule_named(rules, "duty"), *either = rule_named(rules, "either");
    assert_non_null(duty->marker_starts);
    assert_true(duty->marker_starts[gpe / 8] & (1u << (gpe % 8)));
    assert_false(duty->marker_starts[goods / 8] & (1u << (goods % 8)));
    assert_non_null(either->marker_starts);
    assert_true(either->marker_starts[gpe / 8] & (1u << (gpe % 8)));
    assert_true(either->marker_starts[goods / 8] & (1u << (goods % 8)));
    ann_rules_free(rules);

    /* and the matches are the same */
    ann_rules *r2 = compile_ok("rule place\n  type GPE\n  pattern Japan\n"
                               "rule goods\n  type GOODS\n  pattern steel\n"
                               "rule duty\n  type TARIFF\n  phase 2\n  pattern <GPE>\\h<GOODS>\\hduty\n  nest GPE GOODS\n"
                               "  example A [[Japan steel duty]] rose.\n  counter A steel Japan duty rose.\n");
    assert_int_equal(ann_rules_check(r2, NULL, NULL, NULL), 0);
    ann_rules_free(r2);
}

/* Whether a match may start with two bytes is probed on the pattern, as the
 * matcher does for pairs that keep coming up: a pair no match can start
 * with is ruled out, whatever comes before it, and nothing else is. */
static void test_start_pairs(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule money\n  type M\n  pattern (?:US|C)?\\$\\d+\n"
                                  "rule name-after-in\n  type N\n  pattern (?<=\\bin\\h)\\p{Lu}\\w+\n"
                                  "rule with-verb\n  type V\n  pattern Us(*COMMIT)\\d\n"
                                  "rule lower-unless-after-comma\n  type L\n  pattern (?!(?<=,\\h)\\p{Ll})\\p{L}+\n");
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    const rule *money = rule_named(rules, "money"), *after_in = rule_named(rules, "name-after-in");
    assert_true(rule_may_start_with(money, "US", 2, md, mc));
    assert_true(rule_may_start_with(money, "C$", 2, md, mc));
    assert_true(rule_may_start_with(money, "$1", 2, md, mc));
    assert_false(rule_may_start_with(money, "Us", 2, md, mc));
    assert_false(rule_may_start_with(money, "Ca", 2, md, mc));
    assert_false(rule_may_start_with(money, "$a", 2, md, mc));
    assert_true(rule_may_start_with(after_in, "Ja", 2, md, mc));
    assert_false(rule_may_start_with(after_in, "ja", 2, md, mc));
    /* a verb can change what backtracking tries: not probed */
    assert_true(rule_may_start_with(rule_named(rules, "with-verb"), "Zz", 2, md, mc));
    /* a lookbehind inside a negative lookahead is not taken as met: "ja"
     * starts a match wherever no comma comes before it */
    const rule *lower = rule_named(rules, "lower-unless-after-comma");
    assert_true(rule_may_start_with(lower, "ja", 2, md, mc));
    assert_true(rule_may_start_with(lower, "Ja", 2, md, mc));
    assert_false(rule_may_start_with(lower, "5a", 2, md, mc));
    ann_rules_free(rules);
    /* with multiline on, a match may start where only a line break before
     * it lets ^ hold */
    ann_rules *lines = compile_ok("rule line-start\n  type S\n  pattern (?m)^\\bFo\\w*\n"
                                  "rule word-start\n  type W\n  pattern ^\\bFo\\w*\n");
    assert_true(rule_may_start_with(rule_named(lines, "line-start"), "Fo", 2, md, mc));
    assert_false(rule_may_start_with(rule_named(lines, "word-start"), "Fo", 2, md, mc));
    pcre2_match_data_free(md);
    pcre2_match_context_free(mc);
    ann_rules_free(lines);

    /* a pair met many times before a match starts there still matches */
    ann_rules *money_only = compile_ok("rule money\n  type MONEY\n  pattern (?:US|C)?\\$\\d+\n");
    assert_annotates(money_only,
                     "USA, USA, USA, USA, USA, USA, USA, USA, USA, USA, Canada, Canada, Canada, Canada, Canada, "
                     "Canada, Canada, Canada, Canada and Cuba paid US$5.",
                     "MONEY", "US$5");
    ann_rules_free(money_only);
}

/* Whether a match may start after two bytes is probed on the pattern with
 * its lookbehinds, where they look back no further than those bytes: a
 * pair ruled out is one no match can follow, whatever comes before it. */
static void test_before_pairs(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule line-or-comma\n  type T\n  pattern (?:(?<![^\\n])|(?<=[,:]\\h))\\p{Lu}\\w+\n"
                                  "rule after-v\n  type V\n  pattern (?<=v\\h)(?<=\\bv\\h)\\p{Lu}\n"
                                  "rule inside-word\n  type W\n  pattern (?<=\\Bv\\h)\\p{Lu}\n"
                                  "rule or-anywhere\n  type A\n  pattern (?<=,\\h)X|Y\n"
                                  "rule after-in\n  type I\n  pattern (?<=in\\h)\\p{Lu}\n"
                                  "rule nested\n  type N\n  pattern (?<=(?<=x)y\\h)\\p{Lu}\n"
                                  "rule in-lookahead\n  type L\n  pattern (?!(?<=,\\h))\\p{Lu}\n"
                                  "rule condition\n  type C\n  pattern (?(?<=\\bv\\h)\\p{Lu}|\\d)\n");
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    const rule *line_or_comma = rule_named(rules, "line-or-comma"), *after_v = rule_named(rules, "after-v");
    assert_non_null(line_or_comma->before_probe);
    assert_false(rule_may_follow(line_or_comma, "a ", md, mc));
    assert_false(rule_may_follow(line_or_comma, "5 ", md, mc));
    assert_true(rule_may_follow(line_or_comma, ", ", md, mc));
    assert_true(rule_may_follow(line_or_comma, ": ", md, mc));
    assert_true(rule_may_follow(line_or_comma, "a\n", md, mc));
    /* a lookbehind that also looks at the character before it (\b, \B) is
     * left out of the probe: the others still tell */
    assert_non_null(after_v->before_probe);
    assert_true(rule_may_follow(after_v, "v ", md, mc));
    assert_false(rule_may_follow(after_v, "w ", md, mc));
    assert_null(rule_named(rules, "inside-word")->before_probe);
    assert_true(rule_may_follow(rule_named(rules, "inside-word"), "v ", md, mc));
    /* one way on needs no lookbehind; one looks further back than the pair;
     * one holds a lookbehind, one lies in a lookahead, one is a condition: no
     * probe, any pair may do */
    assert_null(rule_named(rules, "or-anywhere")->before_probe);
    assert_null(rule_named(rules, "after-in")->before_probe);
    assert_null(rule_named(rules, "nested")->before_probe);
    assert_null(rule_named(rules, "in-lookahead")->before_probe);
    assert_null(rule_named(rules, "condition")->before_probe);
    assert_true(rule_may_follow(rule_named(rules, "nested"), "a ", md, mc));
    pcre2_match_data_free(md);
    pcre2_match_context_free(mc);
    ann_rules_free(rules);

    /* a pair met many times before a match follows it still matches */
    ann_rules *team = compile_ok("rule team\n  type ORG\n  pattern (?<=[,:]\\h)\\p{Lu}\\w+(?=\\h\\d)\n");
    assert_annotates(team,
                     "Alpha 1 and Beta 2 and Gamma 3 and Delta 4 and Epsilon 5 and Zeta 6 and Eta 7 and Theta 8 "
                     "and Iota 9 and Kappa 10: Lambda 11",
                     "ORG", "Lambda");
    ann_rules_free(team);
}

/* A rule whose every pattern line starts with a reference, and reads the
 * annotation through it only, is probed at a marker on the two bytes after
 * the annotation: a pair ruled out is one no match can go on with. */
static void test_after_annotation_pairs(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule place\n  type GPE\n  pattern Japan|Peru\n"
                                  "rule goods\n  type GOODS\n  pattern steel\n"
                                  "rule in-brackets\n  type B\n  phase 2\n  pattern <GPE>\\h\\(\\p{Lu}+\\)\n"
                                  "rule or-any\n  type A\n  phase 2\n  pattern <GPE>\\hx|.+y\n"
                                  "rule maybe\n  type M\n  phase 2\n  pattern <GPE>?\\hx\n"
                                  "rule lines\n  type L\n  phase 2\n  pattern <GPE>\\hx\n  pattern <GPE|GOODS>[|]\n"
                                  "rule grouped\n  type G\n  phase 2\n  pattern <GPE>(?:\\hx|\\hy)\n");
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    pcre2_match_context *mc = pcre2_match_context_create(NULL);
    uint16_t gpe = (uint16_t)rules_type_id(rules, "GPE", 3);
    const rule *in_brackets = rule_named(rules, "in-brackets");
    assert_true(in_brackets->reads_no_body);
    assert_true(rule_may_start_after_annotation(rules, in_brackets, gpe, " (", md, mc));
    assert_false(rule_may_start_after_annotation(rules, in_brackets, gpe, " r", md, mc));
    assert_false(rule_may_start_after_annotation(rules, in_brackets, gpe, ", ", md, mc));
    /* another way to start, or a reference that may be left out, could read
     * the annotation's text: not probed so */
    assert_false(rule_named(rules, "or-any")->reads_no_body);
    assert_false(rule_named(rules, "maybe")->reads_no_body);
    assert_true(rule_named(rules, "lines")->reads_no_body);
    assert_true(rule_named(rules, "grouped")->reads_no_body);
    pcre2_match_data_free(md);
    pcre2_match_context_free(mc);
    ann_rules_free(rules);

    /* the reference may open a named capture, or a macro that starts with
     * one, as long as nothing could pass it by */
    rules = compile_ok("define PLACES <GPE>(?:,\\h<GPE>)*\n"
                       "rule place\n  type GPE\n  pattern Japan|Peru\n"
                       "rule captured\n  type C\n  phase 2\n  pattern (?<where><GPE>)\\hx\n"
                       "rule listed\n  type D\n  phase 2\n  pattern (?<where>{PLACES})\\hx\n"
                       "rule capture-or\n  type E\n  phase 2\n  pattern (?<where><GPE>|y)\\hx\n"
                       "rule capture-maybe\n  type F\n  phase 2\n  pattern (?<where><GPE>)?\\hx\n"
                       "rule macro-maybe\n  type H\n  phase 2\n  pattern {PLACES}?\\hx\n");
    md = pcre2_match_data_create(1, NULL);
    mc = pcre2_match_context_create(NULL);
    gpe = (uint16_t)rules_type_id(rules, "GPE", 3);
    assert_true(rule_named(rules, "captured")->reads_no_body);
    const rule *listed = rule_named(rules, "listed");
    assert_true(listed->reads_no_body);
    assert_true(rule_may_start_after_annotation(rules, listed, gpe, ", ", md, mc));
    assert_true(rule_may_start_after_annotation(rules, listed, gpe, " x", md, mc));
    assert_false(rule_may_start_after_annotation(rules, listed, gpe, " y", md, mc));
    assert_false(rule_named(rules, "capture-or")->reads_no_body);
    assert_false(rule_named(rules, "capture-maybe")->reads_no_body);
    assert_false(rule_named(rules, "macro-maybe")->reads_no_body);
    pcre2_match_data_free(md);
    pcre2_match_context_free(mc);
    ann_rules_free(rules);

    /* a pair met many times after an annotation still lets a match go on
     * after it where it can */
    ann_rules *acronym = compile_ok("rule place\n  type GPE\n  pattern Japan|Peru\n"
                                    "rule in-brackets\n  type B\n  phase 2\n  pattern <GPE>\\h\\(\\p{Lu}+\\)\n");
    assert_annotates(acronym,
                     "Japan, Japan, Japan, Japan, Japan, Japan, Japan, Japan, Japan, Japan rose and "
                     "Japan rose and Japan rose and Peru (PE) fell.",
                     "B", "Peru (PE)");
    ann_rules_free(acronym);
}

/* A rule needing a word is tried up to the token holding the last one in the
 * sentence, that one included: its match may start there. */
static void test_needed_word_last(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule company\n  type ORG\n  pattern (?:the\\h)?Corp\\h\\d+\n");
    assert_true(rule_named(rules, "company")->needs_words);
    assert_false(rule_named(rules, "company")->starts_with_words);
    assert_annotates(rules, "Shares of Acme rose and Corp 5 fell.", "ORG", "Corp 5");
    assert_annotates(rules, "Corp fell and Corp 7 rose.", "ORG", "Corp 7");
    ann_rules_free(rules);
}

/* A rule needing words runs in its own view, once per position: a later
 * view without such rules does not run it again (its second match would
 * be a rival it wins against). */
static void test_needed_words_in_own_view(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule place\n  type GPE\n  pattern Japan\n"
                                  "rule bank\n  type ORG\n  pattern (?:Central\\h)?Bank\\hof\\h\\p{Lu}\\w+\n"
                                  "rule before-place\n  type NEXT\n  phase 2\n  pattern \\p{Lu}\\w+\\h<GPE>\n");
    assert_true(rule_named(rules, "bank")->needs_words);
    assert_false(rule_named(rules, "bank")->starts_with_words);
    xmlDocPtr doc = annotate_with(rules, "The Bank of Tokyo met in Osaka Japan.", ANN_OUT_EXPLAIN);
    assert_only(doc, "//entity[@type='ORG']", "Bank of Tokyo");
    assert_int_equal(count(doc, "//entity[@won-against]"), 0);
    assert_only(doc, "//entity[@type='NEXT']", "Osaka Japan");
    xmlFreeDoc(doc);
    ann_rules_free(rules);
}

/* A batch reads \h outside a class as [\h] (rules.h): a no-break space is
 * still one, and a \h inside a class, after a ']' that opens it or a POSIX
 * class, or after an escaped backslash, still means what it did. */
static void test_horizontal_space_as_class(void **state)
{
    (void)state;
    ann_rules *rules = compile_ok("rule space\n  type SPACE\n  pattern Acme\\hCorp\n"
                                  "rule bracket\n  type BRACKET\n  pattern Bolt[]\\h]Works\n"
                                  "rule posix\n  type POSIX\n  pattern Cope[[:punct:]\\h]Mills\n"
                                  "rule backslash\n  type BACKSLASH\n  pattern Dart\\\\hFoods\n");
    assert_annotates(rules, "Shares of Acme\xC2\xA0" "Corp rose.", "SPACE", "Acme\xC2\xA0" "Corp");
    assert_annotates(rules, "Bolt Works rose.", "BRACKET", "Bolt Works");
    assert_annotates(rules, "Bolt]Works rose.", "BRACKET", "Bolt]Works");
    assert_annotates(rules, "Cope Mills rose.", "POSIX", "Cope Mills");
    assert_annotates(rules, "Cope;Mills rose.", "POSIX", "Cope;Mills");
    assert_annotates(rules, "Dart\\hFoods rose.", "BACKSLASH", "Dart\\hFoods");
    assert_no_entity(rules, "Dart Foods rose.", "BACKSLASH");
    ann_rules_free(rules);
}

/* ---- the built-in rules ------------------------------------------------------------ */

static void test_builtin_rules(void **state)
{
    (void)state;
    ann_rules *rules = ann_rules_new();
    ann_error err;
    int rc = ann_rules_add_builtin(rules, &err);
    if (rc == ANN_OK)
        rc = ann_rules_compile(rules, &err);
    if (rc != ANN_OK)
        fail_msg("built-in rules: %s:%lu:%lu: %s", err.file, err.line, err.column, err.message);
    assert_true(ann_rules_count(rules) > 0);
    diag_log log = {0};
    size_t run = 0;
    int failures = ann_rules_check(rules, log_diag, &log, &run);
    for (size_t i = 0; i < log.count; i++)
        print_error("%s:%lu: %s\n", log.items[i].file, log.items[i].line, log.items[i].message);
    assert_int_equal(failures, 0);
    assert_true(run >= ann_rules_count(rules) / 2);
    ann_rules_free(rules);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_valid_rules_compile),
        cmocka_unit_test(test_error_unknown_key),
        cmocka_unit_test(test_error_unknown_key_aligned),
        cmocka_unit_test(test_error_missing_type),
        cmocka_unit_test(test_error_pattern_and_list),
        cmocka_unit_test(test_error_bad_pattern),
        cmocka_unit_test(test_error_bad_pattern_in_macro),
        cmocka_unit_test(test_error_unknown_macro),
        cmocka_unit_test(test_error_bad_phase),
        cmocka_unit_test(test_error_unclosed_example),
        cmocka_unit_test(test_error_missing_list),
        cmocka_unit_test(test_macros_expand),
        cmocka_unit_test(test_type_reference_across_phases),
        cmocka_unit_test(test_span_limits_annotation),
        cmocka_unit_test(test_named_captures_become_attributes),
        cmocka_unit_test(test_norm_templates),
        cmocka_unit_test(test_conflict_priority),
        cmocka_unit_test(test_conflict_length),
        cmocka_unit_test(test_conflict_leftmost),
        cmocka_unit_test(test_conflict_rule_order),
        cmocka_unit_test(test_conflict_across_phases),
        cmocka_unit_test(test_match_on_token_boundaries),
        cmocka_unit_test(test_no_match_across_sentences),
        cmocka_unit_test(test_needs_and_lookbehind),
        cmocka_unit_test(test_check_reports_failures),
        cmocka_unit_test(test_start_characters),
        cmocka_unit_test(test_start_key_at),
        cmocka_unit_test(test_start_keys_of_properties),
        cmocka_unit_test(test_start_keys_past_assertions),
        cmocka_unit_test(test_batches_by_start_group),
        cmocka_unit_test(test_start_markers),
        cmocka_unit_test(test_start_pairs),
        cmocka_unit_test(test_before_pairs),
        cmocka_unit_test(test_after_annotation_pairs),
        cmocka_unit_test(test_needed_word_last),
        cmocka_unit_test(test_needed_words_in_own_view),
        cmocka_unit_test(test_horizontal_space_as_class),
        cmocka_unit_test(test_builtin_rules),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return rc;
}
