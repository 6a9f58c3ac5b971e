/* prefilter: which literal words a pattern must start with or contain. Each
 * expectation is read off the pattern by hand; a wrong "required" word would
 * make the matcher skip real matches, so the refusals matter as much. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "prefilter.h"

/* The set as "word word/i ...", or "-" when the analysis gives none. */
static void describe(int ok, const word_set *set, char *out, size_t cap)
{
    out[0] = '\0';
    if (!ok) {
        strcpy(out, "-");
        return;
    }
    for (size_t i = 0; i < set->count; i++) {
        strncat(out, set->words[i], cap - strlen(out) - 1);
        if (set->caseless[i])
            strncat(out, "/i", cap - strlen(out) - 1);
        if (i + 1 < set->count)
            strncat(out, " ", cap - strlen(out) - 1);
    }
}

static void expect(const char *pattern, const char *first, const char *required)
{
    char got[256];
    word_set set = {0};
    describe(pattern_first_words(pattern, &set), &set, got, sizeof got);
    word_set_clear(&set);
    if (strcmp(got, first))
        fail_msg("first words of %s: got \"%s\", want \"%s\"", pattern, got, first);
    describe(pattern_required_words(pattern, NULL, &set), &set, got, sizeof got);
    word_set_clear(&set);
    if (strcmp(got, required))
        fail_msg("required words of %s: got \"%s\", want \"%s\"", pattern, got, required);
}

/* The required words of a pattern when its first words are passed over. */
static void expect_past_first(const char *pattern, const char *required)
{
    char got[256];
    word_set first = {0}, set = {0};
    pattern_first_words(pattern, &first);
    describe(pattern_required_words(pattern, &first, &set), &set, got, sizeof got);
    word_set_clear(&first);
    word_set_clear(&set);
    if (strcmp(got, required))
        fail_msg("required words past the first of %s: got \"%s\", want \"%s\"", pattern, got, required);
}

static void test_literal_starts(void **state)
{
    (void)state;
    expect("(?i:minister of \\p{Lu}\\w+)", "minister/i", "minister/i");
    expect("\\b(?:tariffs|aluminum|growth)\\b", "tariffs aluminum growth", "tariffs aluminum growth");
    expect("(?i)\\b(?:copper|imports)\\b", "copper/i imports/i", "copper/i imports/i");
    expect("(?:Ministry|Department)\\hof\\h(?:the\\h)?\\p{Lu}", "Ministry Department", "Ministry Department");
    expect("(?:a)|(?:b c)", "a b", "a b");
    /* letters beyond ASCII are word characters too */
    expect("(?:Fédération|Union)\\hdes\\h", "Fédération Union", "Fédération Union");
    expect("(?i:société)\\hgénérale", "société/i", "société/i");
    /* a comma or a semicolon after a word is a token of its own */
    expect("(?:Trade|Industry),\\h\\p{Lu}", "Trade Industry", "Trade Industry");
    expect("Trade;", "Trade", "Trade");
}

static void test_required_later_in_the_pattern(void **state)
{
    (void)state;
    expect("\\p{Lu}{2,5} (?:Trading|Motors|AG)\\b\\.?", "-", "Trading Motors AG");
    expect("(?<rate>\\d+%)\\h(?:tariff|duty)\\b", "-", "tariff duty");
    expect("U\\.S\\. tariffs", "-", "tariffs");
    /* a look-ahead after a word takes nothing: what follows it decides */
    expect("\\p{Lu}\\w+\\hPalace\\b(?!\\h\\d)", "-", "Palace");
    expect("\\d+\\htariff(?=s)s\\b", "-", "-");
}

/* Of several words or groups every match holds, the first without a word
 * nearly every sentence has is required, or else the first. */
static void test_required_words_chosen(void **state)
{
    (void)state;
    expect("(?i:the)\\h(?i:first|last)\\hof\\b", "the/i", "first/i last/i");
    expect("(?i:a|one)\\h(?:whole|full)\\b", "a/i one/i", "whole full");
    expect("\\d+\\hof\\h(?:steel|rice)\\hfrom\\b", "-", "steel rice");
    expect("The\\hof\\b", "The", "The");
    /* a group ending with spaces, optional or repeated, leaves a token start */
    expect("(?i:would|to)\\h+(?:(?i:just)\\h+)?(?i:raise|cut)\\h+prices", "would/i to/i", "raise/i cut/i");
    expect("\\d+\\h(?:\\w+\\h+){1,3}?risk\\b", "-", "risk");
    expect("\\d+\\h(?:\\w+\\h*){1,3}?risk\\b", "-", "-");
    /* so does a group each of whose alternatives ends with a space, or is
     * empty after a token start */
    expect("\\d+\\h(?:new\\h|higher\\h+|)(?:tariffs|duties)\\b", "-", "tariffs duties");
    expect("\\d+\\h(?:new\\h|higher)(?:tariffs|duties)\\b", "-", "-");
    expect("\\d+(?:\\hnew\\h|)tariffs\\b", "-", "-");
}

/* A rule is tried at its first words anyway: a later word every match
 * holds tells more, and the first words are kept only when none does. */
static void test_required_past_first_words(void **state)
{
    (void)state;
    expect_past_first("(?i:puts?|would\\h+put)\\h+(?:[^\\h;:]+\\h+){1,6}?at\\h+risk\\b", "risk");
    expect_past_first("(?i:late|early)\\h(?:Monday|Friday)", "Monday Friday");
    expect_past_first("(?i:watch)\\hmovements?\\b|(?i:watch)(?=\\h(?i:tariffs?)\\b)", "movement movements watch/i");
    /* nothing later, or only words nearly every sentence has */
    expect_past_first("(?i:minister|envoy)\\hof\\b", "minister/i envoy/i");
    expect_past_first("(?i:minister)\\h\\p{Lu}\\w+", "minister/i");
}

static void test_contractions(void **state)
{
    (void)state;
    /* the tokenizer splits "don't" into "do" + "n't", "won't" into "wo" + "n't" */
    expect("(?i:(?:does|do|wo)n['’]t|never)\\hchange", "does/i do/i wo/i never/i", "change");
    expect("(?:did)n't\\b", "did", "-");
    /* "n't" is split off a letter only, and only when no letter follows */
    expect("(?:do|x2)n't\\h", "-", "-");
    expect("(?:do)n'tx", "-", "-");
    expect("(?:do)n[t']t\\h", "-", "-");
}

static void test_refusals(void **state)
{
    (void)state;
    /* an optional first word, a repeated letter, digits only */
    expect("(?:(?:early|mid)[-\\h])?June", "-", "-");
    expect("tariffs+", "-", "-");
    expect("\\d+(?:%| percent)", "-", "-");
    /* after a hyphen a word is part of a larger token */
    expect("non-\\btariff\\b", "-", "-");
    /* a word glued to more letters or punctuation is not a token of its own */
    expect("Japan's", "-", "-");
    expect("Japan’s", "-", "-");
    expect("Japan—", "-", "-");
    /* extended mode and quoting change what characters mean */
    expect("(?x) tariff \\s duty", "-", "-");
    expect("\\Qtariff duty\\E", "-", "-");
    /* an alternative without a word makes the whole pattern unknown */
    expect("(?:\\d+|tariff)\\b", "-", "-");
}

/* Shapes the default rules use for their key words. */
static void test_word_forms(void **state)
{
    (void)state;
    /* an ending made optional gives both forms */
    expect("(?i:tariffs?|surtax(?:es)?)\\h\\d", "tariff/i tariffs/i surtax/i surtaxes/i",
           "tariff/i tariffs/i surtax/i surtaxes/i");
    /* an alternative of several words gives its first */
    expect("\\d+\\h(?i:tonnes|metric\\htons)\\b", "-", "tonnes/i metric/i");
    /* a word with an optional space-led part after it still ends a token */
    expect("\\d+%\\h(?:duty|levy)(?:\\hrates?)?", "-", "duty levy");
    expect("\\d+%\\h(?:duty|levy)(?:\\hrates?)?x", "-", "-");
    /* and so does one followed by \\b, when nothing glued comes after it */
    expect("\\b(?:lumber|pork)(?: (?:tariffs|subsidies))?\\b", "lumber pork", "lumber pork");
    expect("\\b(?:lumber|pork)(?: (?:tariffs|subsidies))?\\bx", "-", "-");
    /* an optional word and space before a word leave it a token of its own */
    expect("\\d+%\\h(?:new\\h)?(?:duty|levy)", "-", "duty levy");
    expect("\\d+%\\h(?:new)?(?:duty|levy)", "-", "-");
    /* a group between token ends has required words of its own */
    expect("\\d+\\h(?:(?i:tariffs?)(?:\\hrates?)?)", "-", "tariff/i tariffs/i");
    /* an optional space may leave two words one token: "tariffrates" */
    expect("tariff\\h?rates", "-", "-");
    expect("(?:tariff)\\h*rates\\b", "-", "-");
    expect("\\d+\\htariffs\\h?", "-", "tariffs");
    expect("\\d+\\h\\h?tariffs\\b", "-", "tariffs");
}

static void test_case_scope(void **state)
{
    (void)state;
    /* (?i) inside a group ends with it: Corp stays case-sensitive */
    expect("(?:(?i)steel) Corp\\b", "steel/i", "steel/i");
    expect("(?:(?i)steel)?\\hCorp\\b", "-", "Corp");
    expect("\\d+ (?i:tonnes) of (?:Steel)", "-", "tonnes/i");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_literal_starts),
        cmocka_unit_test(test_required_later_in_the_pattern),
        cmocka_unit_test(test_required_words_chosen),
        cmocka_unit_test(test_required_past_first_words),
        cmocka_unit_test(test_contractions),
        cmocka_unit_test(test_refusals),
        cmocka_unit_test(test_word_forms),
        cmocka_unit_test(test_case_scope),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
