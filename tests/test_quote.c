/* quote: quotations and their speakers. A small rule set of our own makes
 * the entities and the speech verbs, so each case shows what the quote
 * stage adds; one case runs the default rules end to end. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "match.h"
#include "quote.h"
#include "resolve.h"
#include "rules.h"

static const char test_rules[] = "rule person\n"
                                 "  type PERSON\n"
                                 "  pattern (?:Ann Lee|Tom Wu|Ravi Shah|Lee|Wu|Shah)\n"
                                 "rule org\n"
                                 "  type ORG\n"
                                 "  pattern (?:Harbour Board|Wine Council|The \"Blue\" Line|Harbour\" Board)\n"
                                 "rule gpe\n"
                                 "  type GPE\n"
                                 "  pattern Norland\n"
                                 "rule title\n"
                                 "  type TITLE\n"
                                 "  pattern (?:Port Minister|Trade Secretary|Economy, Trade and Industry Minister)\n"
                                 "rule speech\n"
                                 "  type _SPEECH\n"
                                 "  pattern (?:said|says|told|added|according\\hto)\n";

typedef struct {
    ann_rules *rules;
    matcher *m;
    document doc;
} fixture;

static void annotate_with(fixture *f, int builtin, const char *text)
{
    ann_error err;
    f->rules = ann_rules_new();
    int rc = builtin ? ann_rules_add_builtin(f->rules, &err)
                     : ann_rules_add_text(f->rules, "t.rules", test_rules, strlen(test_rules), &err);
    if (rc || ann_rules_compile(f->rules, &err))
        fail_msg("rules: %s:%lu: %s", err.file, err.line, err.message);
    f->m = matcher_new(f->rules, NULL, NULL);
    memset(&f->doc, 0, sizeof f->doc);
    doc_load(&f->doc, text, strlen(text));
    annotate_document(f->m, f->rules, &f->doc);
}

static void annotate(fixture *f, const char *text)
{
    annotate_with(f, 0, text);
}

static void release(fixture *f)
{
    doc_free(&f->doc);
    matcher_free(f->m);
    ann_rules_free(f->rules);
}

/* Quote k: its text must be text, its speaker speaker (NULL: unknown). */
static const quote_span *check_quote(const fixture *f, size_t k, const char *text, const char *speaker,
                                     quote_source source)
{
    assert_true(k < f->doc.quote_count);
    const quote_span *q = &f->doc.quotes[k];
    const char *at = strstr(f->doc.bytes, text);
    assert_non_null(at);
    assert_int_equal(q->start, at - f->doc.bytes);
    assert_int_equal(q->end, q->start + strlen(text));
    if (speaker) {
        assert_int_not_equal(q->speaker, NO_STRING);
        assert_string_equal(doc_string(&f->doc, q->speaker), speaker);
        assert_true(q->speaker_span >= 0);
        assert_int_equal(q->speaker_ref, f->doc.spans[q->speaker_span].ref);
    } else {
        assert_int_equal(q->speaker, NO_STRING);
        assert_int_equal(q->speaker_ref, NO_STRING);
        assert_int_equal(q->speaker_span, -1);
    }
    assert_int_equal(q->source, source);
    return q;
}

static void test_speaker_then_verb_after(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "\"We will wait for the boats,\" Ann Lee told reporters on the quay.");
    assert_int_equal(f.doc.quote_count, 1);
    const quote_span *q = check_quote(&f, 0, "\"We will wait for the boats,\"", "Ann Lee", QUOTE_AFTER);
    assert_true(q->nests);
    release(&f);
}

static void test_verb_then_speaker_after(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "\"Prices will fall by spring,\" said Tom Wu, who runs the market.");
    assert_int_equal(f.doc.quote_count, 1);
    check_quote(&f, 0, "\"Prices will fall by spring,\"", "Tom Wu", QUOTE_AFTER);
    release(&f);
}

static void test_organisation_statement_after(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "\"Nothing has changed,\" a Harbour Board statement said on Friday.");
    assert_int_equal(f.doc.quote_count, 1);
    check_quote(&f, 0, "\"Nothing has changed,\"", "Harbour Board", QUOTE_AFTER);
    release(&f);
}

static void test_apposition_between_speaker_and_verb(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "\"Rates stay,\" Ravi Shah, a lawyer at a firm in the old town, said later.");
    check_quote(&f, 0, "\"Rates stay,\"", "Ravi Shah", QUOTE_AFTER);
    release(&f);
}

/* A role, a comma, then its holder: the holder speaks, before or after
 * the verb; a title noun in the role does not send the quotation to an
 * earlier person with that title. */
static void test_role_then_person_after(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Trade Secretary Tom Wu spoke first. \"Mills will close,\" the council's chairwoman, Ann Lee, "
                 "said. \"Who pays?\" said the association's secretary general, Ravi Shah. \"No,\" its president, "
                 "Ann Lee, said on Monday.");
    assert_int_equal(f.doc.quote_count, 3);
    check_quote(&f, 0, "\"Mills will close,\"", "Ann Lee", QUOTE_AFTER);
    check_quote(&f, 1, "\"Who pays?\"", "Ravi Shah", QUOTE_AFTER);
    check_quote(&f, 2, "\"No,\"", "Ann Lee", QUOTE_AFTER);
    release(&f);
    /* a place's role, with the commas of its title */
    annotate(&f, "\"We are ready,\" Norland's Economy, Trade and Industry Minister, Ann Lee, told reporters.");
    check_quote(&f, 0, "\"We are ready,\"", "Ann Lee", QUOTE_AFTER);
    release(&f);
}

/* A title with commas in it before the speaker after the quotation. */
static void test_title_with_commas_before_speaker_after(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "\"Prices will rise,\" Economy, Trade and Industry Minister Ann Lee told reporters.");
    assert_int_equal(f.doc.quote_count, 1);
    check_quote(&f, 0, "\"Prices will rise,\"", "Ann Lee", QUOTE_AFTER);
    release(&f);
}

static void test_speaker_after_a_sentence_end(void **state)
{
    (void)state;
    fixture f;
    /* the segmenter ends the sentence after !" as a capital follows */
    annotate(&f, "\"Close the gates!\" Tom Wu said to the crew.");
    assert_int_equal(f.doc.sentences.count, 2);
    check_quote(&f, 0, "\"Close the gates!\"", "Tom Wu", QUOTE_AFTER);
    release(&f);
}

static void test_speaker_before(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Ann Lee said the deal was \"a good start\" on Monday. Tom Wu said: \"We are ready.\"");
    assert_int_equal(f.doc.quote_count, 2);
    check_quote(&f, 0, "\"a good start\"", "Ann Lee", QUOTE_BEFORE);
    check_quote(&f, 1, "\"We are ready.\"", "Tom Wu", QUOTE_BEFORE);
    /* "Norland said": a place may speak too */
    release(&f);
    annotate(&f, "Norland says \"never\" to the plan.");
    check_quote(&f, 0, "\"never\"", "Norland", QUOTE_BEFORE);
    release(&f);
    /* "according to" names its source after it, when the quotation is in
     * the source's own clause */
    annotate(&f, "Norland grew, according to the Harbour Board, which called it \"a record.\"");
    check_quote(&f, 0, "\"a record.\"", "Harbour Board", QUOTE_BEFORE);
    release(&f);
    annotate(&f, "Norland grew, according to the Harbour Board, and analysts expect \"a hard year.\"");
    assert_int_equal(f.doc.quotes[0].speaker, NO_STRING);
    release(&f);
}

static void test_organisation_before_place(void **state)
{
    (void)state;
    fixture f;
    /* the place nearer the verb is where the speaker is */
    annotate(&f, "An official at the Harbour Board in Norland said it was \"studying the plan.\"");
    check_quote(&f, 0, "\"studying the plan.\"", "Harbour Board", QUOTE_BEFORE);
    release(&f);
}

static void test_pronoun_resolves_to_the_subject(void **state)
{
    (void)state;
    fixture f;
    /* the last PERSON is Tom Wu, but she is the subject of that sentence */
    annotate(&f, "Ann Lee met Tom Wu on Friday. \"It went well,\" she said.");
    check_quote(&f, 0, "\"It went well,\"", "Ann Lee", QUOTE_AFTER);
    assert_int_equal(f.doc.spans[f.doc.quotes[0].speaker_span].start, 0);
    release(&f);
    /* a pronoun before the verb, in the quote's sentence */
    annotate(&f, "Tom Wu left early. Later he told the board that it was \"far too late\" to act.");
    check_quote(&f, 0, "\"far too late\"", "Tom Wu", QUOTE_BEFORE);
    release(&f);
}

static void test_title_resolves_to_the_person_with_it(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Port Minister Ravi Shah arrived. Tom Wu waited. \"We will see,\" the minister said.");
    check_quote(&f, 0, "\"We will see,\"", "Ravi Shah", QUOTE_AFTER);
    release(&f);
}

/* "the spokesperson" with no person of that title speaks for the body a
 * spokesperson was said to speak for, not for the last person named */
static void test_spokesperson_speaks_for_the_body(void **state)
{
    (void)state;
    fixture f;
    annotate_with(&f, 1,
                  "Cambodia appealed, Commerce Minister Sok Chanthy said.\n\nIn London, a spokesperson for the "
                  "Department for Business and Trade said the duties were fair. \"Dumped imports are not,\" the "
                  "spokesperson said.");
    assert_int_equal(f.doc.quote_count, 1);
    check_quote(&f, 0, "\"Dumped imports are not,\"", "Department for Business and Trade", QUOTE_AFTER);
    release(&f);
}

static void test_curly_quotes(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "\xE2\x80\x9CNot today,\xE2\x80\x9D Tom Wu said.");
    assert_int_equal(f.doc.quote_count, 1);
    check_quote(&f, 0, "\xE2\x80\x9CNot today,\xE2\x80\x9D", "Tom Wu", QUOTE_AFTER);
    release(&f);
}

static void test_quote_over_whole_sentences(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Ann Lee spoke first.\n\"We will not give in. Never.\" The minister's words came after Tom Wu said so.");
    assert_int_equal(f.doc.quote_count, 1);
    const quote_span *q =
        check_quote(&f, 0, "\"We will not give in. Never.\"", "Tom Wu", QUOTE_NEXT_SENTENCE);
    /* it wraps sentences 2 and 3 whole, so it is written around them */
    assert_int_equal(f.doc.sentences.count, 4);
    assert_int_equal(q->start, f.doc.sentences.items[1].start);
    assert_int_equal(q->end, f.doc.sentences.items[2].end);
    assert_int_equal(q->nests, QUOTE_WRITTEN);
    release(&f);
}

static void test_quote_crossing_a_sentence_is_written_in_pieces(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Tom Wu said: \"We wait. They act.\"");
    const quote_span *q = check_quote(&f, 0, "\"We wait. They act.\"", "Tom Wu", QUOTE_BEFORE);
    assert_int_equal(q->nests, QUOTE_PIECES);
    release(&f);
}

static void test_quote_inside_an_entity_is_not_written(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "They rode The \"Blue\" Line home.");
    const quote_span *q = check_quote(&f, 0, "\"Blue\"", NULL, QUOTE_UNKNOWN);
    assert_false(q->nests);
    release(&f);
}

static void test_quote_an_entity_crosses_is_not_written(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Tom Wu said: \"We trust the Harbour\" Board.");
    const quote_span *q = check_quote(&f, 0, "\"We trust the Harbour\"", "Tom Wu", QUOTE_BEFORE);
    assert_false(q->nests);
    release(&f);
}

/* An entity after a preposition of place says no quotation, but an
 * organisation after "at" is the speaker's employer, which speaks. */
static void test_speaker_after_a_locative(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "The Harbour Board to the Wine Council said the decision was \"protectionist.\"");
    check_quote(&f, 0, "\"protectionist.\"", "Harbour Board", QUOTE_BEFORE);
    release(&f);
    annotate(&f, "An official at the Harbour Board said it was \"studying the measure.\"");
    check_quote(&f, 0, "\"studying the measure.\"", "Harbour Board", QUOTE_BEFORE);
    release(&f);
}

static void test_continued_quote(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "\"We will wait,\" Ann Lee told reporters. \"The port stays open.\"\n\n\"Fine.\"");
    assert_int_equal(f.doc.quote_count, 3);
    check_quote(&f, 0, "\"We will wait,\"", "Ann Lee", QUOTE_AFTER);
    check_quote(&f, 1, "\"The port stays open.\"", "Ann Lee", QUOTE_CONTINUED);
    /* a new paragraph does not continue the speaker */
    check_quote(&f, 2, "\"Fine.\"", NULL, QUOTE_UNKNOWN);
    release(&f);
}

static void test_unbalanced_quotes_are_ignored(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Ann Lee said \"we will see. Tom Wu said no.");
    assert_int_equal(f.doc.quote_count, 0);
    release(&f);
    /* a dangling mark after a pair, and a pair split by a paragraph break */
    annotate(&f, "\"Yes,\" Ann Lee said. \"Maybe\n\nnot,\" Tom Wu said.");
    assert_int_equal(f.doc.quote_count, 1);
    check_quote(&f, 0, "\"Yes,\"", "Ann Lee", QUOTE_AFTER);
    release(&f);
    /* inch marks close nothing */
    annotate(&f, "It has a 5\" screen.");
    assert_int_equal(f.doc.quote_count, 0);
    release(&f);
}

static void test_unknown_speaker(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Prices were \"far too high\" last year, and the stalls stayed empty.");
    assert_int_equal(f.doc.quote_count, 1);
    const quote_span *q = check_quote(&f, 0, "\"far too high\"", NULL, QUOTE_UNKNOWN);
    assert_true(q->nests);
    release(&f);
}

static void test_single_quotes_inside_double_quotes(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "\"They called it 'a fair deal' twice,\" Tom Wu said.");
    assert_int_equal(f.doc.quote_count, 1);
    check_quote(&f, 0, "\"They called it 'a fair deal' twice,\"", "Tom Wu", QUOTE_AFTER);
    release(&f);
}

static void test_default_rules(void **state)
{
    (void)state;
    fixture f;
    annotate_with(&f, 1,
                  "Trade minister Mirela Kostova met reporters on Monday. \"We will not give in,\" Kostova told "
                  "them. \"Our farmers come first.\"");
    assert_int_equal(f.doc.quote_count, 2);
    check_quote(&f, 0, "\"We will not give in,\"", "Mirela Kostova", QUOTE_AFTER);
    check_quote(&f, 1, "\"Our farmers come first.\"", "Mirela Kostova", QUOTE_CONTINUED);
    release(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_speaker_then_verb_after),
        cmocka_unit_test(test_verb_then_speaker_after),
        cmocka_unit_test(test_organisation_statement_after),
        cmocka_unit_test(test_apposition_between_speaker_and_verb),
        cmocka_unit_test(test_role_then_person_after),
        cmocka_unit_test(test_title_with_commas_before_speaker_after),
        cmocka_unit_test(test_speaker_after_a_sentence_end),
        cmocka_unit_test(test_speaker_before),
        cmocka_unit_test(test_organisation_before_place),
        cmocka_unit_test(test_pronoun_resolves_to_the_subject),
        cmocka_unit_test(test_title_resolves_to_the_person_with_it),
        cmocka_unit_test(test_spokesperson_speaks_for_the_body),
        cmocka_unit_test(test_curly_quotes),
        cmocka_unit_test(test_quote_over_whole_sentences),
        cmocka_unit_test(test_quote_crossing_a_sentence_is_written_in_pieces),
        cmocka_unit_test(test_quote_inside_an_entity_is_not_written),
        cmocka_unit_test(test_quote_an_entity_crosses_is_not_written),
        cmocka_unit_test(test_speaker_after_a_locative),
        cmocka_unit_test(test_continued_quote),
        cmocka_unit_test(test_unbalanced_quotes_are_ignored),
        cmocka_unit_test(test_unknown_speaker),
        cmocka_unit_test(test_single_quotes_inside_double_quotes),
        cmocka_unit_test(test_default_rules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
