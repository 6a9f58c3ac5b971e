/* segment_text: paragraphs and sentences. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "segment.h"

typedef struct {
    token_list tokens;
    segment_list paragraphs, sentences;
} segmented;

static void run_segmenter(segmented *doc, const char *text, size_t len)
{
    tokenize(text, len, &doc->tokens);
    segment_text(text, len, &doc->tokens, &doc->paragraphs, &doc->sentences);
}

static void segmented_free(segmented *doc)
{
    token_list_free(&doc->tokens);
    segment_list_free(&doc->paragraphs);
    segment_list_free(&doc->sentences);
}

/* Checks that the segments are the expected texts, in order, each starting
 * right after whitespace that follows the previous one (which pins the
 * offsets), and that their token ranges match their offsets. */
static void check_segments(const char *text, const token_list *tokens, const segment_list *got,
                           const char *const *want, size_t n)
{
    size_t pos = 0;
    for (size_t k = 0; k < n && k < got->count; k++) {
        const segment *seg = &got->items[k];
        char buf[512];
        snprintf(buf, sizeof buf, "%.*s", (int)(seg->end - seg->start), text + seg->start);
        assert_string_equal(buf, want[k]);
        while (text[pos] == ' ' || text[pos] == '\t' || text[pos] == '\n' || text[pos] == '\r' ||
               text[pos] == 0x1a)
            pos++;
        assert_int_equal(seg->start, pos);
        pos = seg->end;
        assert_true(seg->token_count > 0);
        assert_int_equal(tokens->items[seg->first_token].start, seg->start);
        assert_int_equal(tokens->items[seg->first_token + seg->token_count - 1].end, seg->end);
    }
    assert_int_equal(got->count, n);
}

/* Sentences tile the tokens, and each lies inside one paragraph. */
static void check_nesting(const segmented *doc)
{
    size_t next_token = 0, p = 0;
    for (size_t k = 0; k < doc->sentences.count; k++) {
        const segment *s = &doc->sentences.items[k];
        assert_int_equal(s->first_token, next_token);
        next_token += s->token_count;
        while (p < doc->paragraphs.count && doc->paragraphs.items[p].end < s->end)
            p++;
        assert_true(p < doc->paragraphs.count);
        assert_true(doc->paragraphs.items[p].start <= s->start);
    }
    assert_int_equal(next_token, doc->tokens.count);
}

static void check(const char *text, const char *const *paragraphs, size_t np,
                  const char *const *sentences, size_t ns)
{
    segmented doc = { 0 };
    run_segmenter(&doc, text, strlen(text));
    check_segments(text, &doc.tokens, &doc.paragraphs, paragraphs, np);
    check_segments(text, &doc.tokens, &doc.sentences, sentences, ns);
    check_nesting(&doc);
    segmented_free(&doc);
}

/* an array literal of strings and its length, as two arguments */
#define LIST(...)                              \
    (const char *const[]){ __VA_ARGS__ },      \
    sizeof (const char *const[]){ __VA_ARGS__ } / sizeof (const char *)
/* A text that is one paragraph, split into the given sentences. */
#define CHECK_SENTENCES(text, ...) check(text, LIST(text), LIST(__VA_ARGS__))

static void test_two_sentences(void **state)
{
    (void)state;
    segmented doc = { 0 };
    const char *text = "Prices rose. Markets fell.";
    run_segmenter(&doc, text, strlen(text));
    assert_int_equal(doc.paragraphs.count, 1);
    assert_int_equal(doc.paragraphs.items[0].start, 0);
    assert_int_equal(doc.paragraphs.items[0].end, 26);
    assert_int_equal(doc.paragraphs.items[0].first_token, 0);
    assert_int_equal(doc.paragraphs.items[0].token_count, 6);
    assert_int_equal(doc.sentences.count, 2);
    /* Prices rose . | Markets fell . */
    assert_int_equal(doc.sentences.items[0].start, 0);
    assert_int_equal(doc.sentences.items[0].end, 12);
    assert_int_equal(doc.sentences.items[0].first_token, 0);
    assert_int_equal(doc.sentences.items[0].token_count, 3);
    assert_int_equal(doc.sentences.items[1].start, 13);
    assert_int_equal(doc.sentences.items[1].end, 26);
    assert_int_equal(doc.sentences.items[1].first_token, 3);
    assert_int_equal(doc.sentences.items[1].token_count, 3);
    segmented_free(&doc);
}

static void test_abbreviations_that_never_end(void **state)
{
    (void)state;
    CHECK_SENTENCES("Mr. Tanaka met Dr. Lee on Jan. 5. They spoke.",
                    "Mr. Tanaka met Dr. Lee on Jan. 5.", "They spoke.");
    /* not even at a line break */
    CHECK_SENTENCES("Talks with Gov.\nSato went well.",
                    "Talks with Gov.\nSato went well.");
    /* nor with a closing bracket after them, unless a full stop follows */
    CHECK_SENTENCES("Sialkot Leaf Importers (Pvt.) Ltd. agreed. It went on (see No.). Then it ended.",
                    "Sialkot Leaf Importers (Pvt.) Ltd. agreed.", "It went on (see No.).", "Then it ended.");
    /* a closing quote after one may end the sentence */
    CHECK_SENTENCES("\"We will meet again in Sept.\" The minister then left.",
                    "\"We will meet again in Sept.\"", "The minister then left.");
}

static void test_abbreviations_before_sentence_starters(void **state)
{
    (void)state;
    CHECK_SENTENCES("Exports to the U.S. rose. The U.S. Senate voted. "
                    "Talks moved to the U.S. It was late.",
                    "Exports to the U.S. rose.", "The U.S. Senate voted.",
                    "Talks moved to the U.S.", "It was late.");
    CHECK_SENTENCES("He joined Acme Inc. The firm grew. Acme Inc. Chairman J. Doe spoke.",
                    "He joined Acme Inc.", "The firm grew.", "Acme Inc. Chairman J. Doe spoke.");
}

static void test_closing_quotes_and_brackets(void **state)
{
    (void)state;
    CHECK_SENTENCES("She called the talks \"useful.\" Both sides agreed.",
                    "She called the talks \"useful.\"", "Both sides agreed.");
    /* He said “enough.” Then he left. */
    CHECK_SENTENCES("He said \xe2\x80\x9c" "enough.\xe2\x80\x9d Then he left.",
                    "He said \xe2\x80\x9c" "enough.\xe2\x80\x9d", "Then he left.");
    CHECK_SENTENCES("(It ended.) Next came lunch.",
                    "(It ended.)", "Next came lunch.");
    /* a quote after a space opens the next sentence */
    CHECK_SENTENCES("It ended. \"Next,\" he said.",
                    "It ended.", "\"Next,\" he said.");
    /* after an abbreviation, a closing quote ends the sentence */
    CHECK_SENTENCES("They said \"the U.S.\" Then silence.",
                    "They said \"the U.S.\"", "Then silence.");
}

static void test_lowercase_continues(void **state)
{
    (void)state;
    CHECK_SENTENCES("Is it over? not yet, he said. Maybe... and then nothing.",
                    "Is it over? not yet, he said.", "Maybe... and then nothing.");
    /* a closing quote keeps the speaker in the sentence; so does a
     * lower-case abbreviation that introduces what follows */
    CHECK_SENTENCES("\"Will they pay?\" he asked. See fig. the chart.",
                    "\"Will they pay?\" he asked.", "See fig. the chart.");
}

/* Text written all in lower case, as readers' comments are: a lone full
 * stop after a word, then a lower-case word, starts a sentence; not after
 * an abbreviation ("Sp. z o.o.", a Polish firm's legal form). */
static void test_lowercase_sentence_starters(void **state)
{
    (void)state;
    CHECK_SENTENCES("my uncle grows ginger in his field. this rule is to protect others. protect workers yes",
                    "my uncle grows ginger in his field.", "this rule is to protect others.", "protect workers yes");
    CHECK_SENTENCES("Herald Sp. z o.o. sold it.", "Herald Sp. z o.o. sold it.");
}

/* A point with a digit right after it is a decimal point, even after a
 * letter ("R3.9 billion", rand). */
static void test_decimal_point_after_a_letter(void **state)
{
    (void)state;
    CHECK_SENTENCES("It was worth R3.9 billion. Prices fell.", "It was worth R3.9 billion.", "Prices fell.");
}

static void test_terminal_runs(void **state)
{
    (void)state;
    CHECK_SENTENCES("Wait... What?! Yes!!! Done\xe2\x80\xa6 Over.",
                    "Wait...", "What?!", "Yes!!!", "Done\xe2\x80\xa6", "Over.");
}

static void test_cjk_full_stop(void **state)
{
    (void)state;
    /* 東京です。大阪です。 */
    CHECK_SENTENCES("\xe6\x9d\xb1\xe4\xba\xac\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82"
                    "\xe5\xa4\xa7\xe9\x98\xaa\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82",
                    "\xe6\x9d\xb1\xe4\xba\xac\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82",
                    "\xe5\xa4\xa7\xe9\x98\xaa\xe3\x81\xa7\xe3\x81\x99\xe3\x80\x82");
}

static void test_blank_lines_separate_paragraphs(void **state)
{
    (void)state;
    check("First line.\n\nSecond para starts\nand wraps here.\n \t \nThird.",
          LIST("First line.", "Second para starts\nand wraps here.", "Third."),
          LIST("First line.", "Second para starts\nand wraps here.", "Third."));
    /* a line of only a control (an invalid byte in the clean text) is blank */
    check("One.\n\x1a\nTwo.", LIST("One.", "Two."), LIST("One.", "Two."));
}

static void test_line_break_ends_sentence(void **state)
{
    (void)state;
    CHECK_SENTENCES("TOKYO MARKETS\nGrowth slowed in May",
                    "TOKYO MARKETS", "Growth slowed in May");
}

static void test_crlf_and_cr(void **state)
{
    (void)state;
    check("One.\r\n\r\nTwo\r\nThree.\r\n", LIST("One.", "Two\r\nThree."), LIST("One.", "Two", "Three."));
    check("A b.\r\rC d.", LIST("A b.", "C d."), LIST("A b.", "C d."));
    /* one CRLF is one line break, not two */
    check("A b\r\nand c.", LIST("A b\r\nand c."), LIST("A b\r\nand c."));
}

static void test_trimmed_without_final_newline(void **state)
{
    (void)state;
    segmented doc = { 0 };
    const char *text = "  Last words here.   ";
    run_segmenter(&doc, text, strlen(text));
    assert_int_equal(doc.paragraphs.count, 1);
    assert_int_equal(doc.paragraphs.items[0].start, 2);
    assert_int_equal(doc.paragraphs.items[0].end, 18);
    assert_int_equal(doc.sentences.count, 1);
    assert_int_equal(doc.sentences.items[0].start, 2);
    assert_int_equal(doc.sentences.items[0].end, 18);
    segmented_free(&doc);
}

static void test_empty_and_blank_text(void **state)
{
    (void)state;
    segmented doc = { 0 };
    run_segmenter(&doc, "Some text.", 10);
    assert_int_equal(doc.sentences.count, 1);
    run_segmenter(&doc, "", 0); /* clears both lists */
    assert_int_equal(doc.paragraphs.count, 0);
    assert_int_equal(doc.sentences.count, 0);
    run_segmenter(&doc, " \n\r\n\t \n", 7);
    assert_int_equal(doc.paragraphs.count, 0);
    assert_int_equal(doc.sentences.count, 0);
    segmented_free(&doc);
}

static void test_megabyte_line(void **state)
{
    (void)state;
    const char *pattern = "The cat sat. ";
    size_t n = strlen(pattern), times = ((size_t)1 << 20) / n, len = n * times;
    char *text = malloc(len + 1);
    assert_non_null(text);
    for (size_t k = 0; k < times; k++)
        memcpy(text + k * n, pattern, n);
    text[len] = '\0';
    segmented doc = { 0 };
    run_segmenter(&doc, text, len);
    assert_int_equal(doc.paragraphs.count, 1);
    assert_int_equal(doc.paragraphs.items[0].end, len - 1);
    assert_int_equal(doc.sentences.count, times);
    assert_int_equal(doc.sentences.items[times - 1].start, len - n);
    check_nesting(&doc);
    segmented_free(&doc);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_two_sentences),
        cmocka_unit_test(test_abbreviations_that_never_end),
        cmocka_unit_test(test_abbreviations_before_sentence_starters),
        cmocka_unit_test(test_closing_quotes_and_brackets),
        cmocka_unit_test(test_lowercase_continues),
        cmocka_unit_test(test_lowercase_sentence_starters),
        cmocka_unit_test(test_decimal_point_after_a_letter),
        cmocka_unit_test(test_terminal_runs),
        cmocka_unit_test(test_cjk_full_stop),
        cmocka_unit_test(test_blank_lines_separate_paragraphs),
        cmocka_unit_test(test_line_break_ends_sentence),
        cmocka_unit_test(test_crlf_and_cr),
        cmocka_unit_test(test_trimmed_without_final_newline),
        cmocka_unit_test(test_empty_and_blank_text),
        cmocka_unit_test(test_megabyte_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
