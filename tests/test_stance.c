/* stance: who is for or against what. Runs the default rules end to end on
 * sentences of our own, one case per rule of annotator/stance.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "alloc.h"
#include "layout.h"
#include "match.h"
#include "resolve.h"
#include "rules.h"
#include "stance.h"

typedef struct {
    ann_rules *rules;
    matcher *m;
    document doc;
} fixture;

static ann_rules *builtin;

static int setup(void **state)
{
    (void)state;
    ann_error err;
    builtin = ann_rules_new();
    if (ann_rules_add_builtin(builtin, &err) || ann_rules_compile(builtin, &err))
        fail_msg("rules: %s:%lu: %s", err.file, err.line, err.message);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    ann_rules_free(builtin);
    return 0;
}

/* Annotates text; when comment_n is set, the whole text is reader comment
 * comment_n, as the layout stage would mark it. */
static void annotate(fixture *f, const char *text, const char *comment_n)
{
    f->rules = builtin;
    f->m = matcher_new(f->rules, NULL, NULL);
    memset(&f->doc, 0, sizeof f->doc);
    doc_load(&f->doc, text, strlen(text));
    if (comment_n) {
        document *doc = &f->doc;
        span_attr at = {doc_intern(doc, "n", 1), doc_intern(doc, comment_n, strlen(comment_n))};
        struct_span st = {0, (uint32_t)strlen(text), LE_COMMENT, 0, "test", 1, (uint32_t)doc->attr_count, 1};
        ARRAY_PUSH(doc->attrs, doc->attr_count, doc->attr_cap, at);
        ARRAY_PUSH(doc->structure, doc->structure_count, doc->structure_cap, st);
    }
    annotate_document(f->m, f->rules, &f->doc);
}

static void release(fixture *f)
{
    doc_free(&f->doc);
    matcher_free(f->m);
}

/* The stance whose cue is cue must exist with these holder, target and
 * polarity; returns it. */
static const stance_span *check_stance(const fixture *f, const char *cue, const char *holder, const char *target,
                                       int polarity)
{
    const char *at = strstr(f->doc.bytes, cue);
    assert_non_null(at);
    for (size_t k = 0; k < f->doc.stance_count; k++) {
        const stance_span *st = &f->doc.stances[k];
        if (st->cue_start != (uint32_t)(at - f->doc.bytes))
            continue;
        assert_int_equal(st->cue_end, st->cue_start + strlen(cue));
        assert_string_equal(doc_string(&f->doc, st->holder), holder);
        assert_string_equal(doc_string(&f->doc, st->target), target);
        assert_string_equal(stance_polarity_name(st->polarity), stance_polarity_name(polarity));
        return st;
    }
    fail_msg("no stance on the cue '%s' (%zu stances)", cue, f->doc.stance_count);
    return NULL;
}

static void test_favor_cue(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Japan welcomed the trade deal on Friday.", NULL);
    const stance_span *st = check_stance(&f, "welcomed", "Japan", "trade deal", STANCE_FAVOR);
    assert_false(st->negated);
    assert_int_not_equal(st->holder_ref, NO_STRING);
    assert_int_equal(f.doc.stance_summary_count, 1);
    assert_int_equal(f.doc.stance_summaries[0].cues, 1);
    release(&f);
}

static void test_against_cue(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Canada rejected the tariffs.", NULL);
    check_stance(&f, "rejected", "Canada", "tariffs", STANCE_AGAINST);
    release(&f);
}

static void test_negation_flips(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Mexico does not support the plan.", NULL);
    const stance_span *st = check_stance(&f, "support", "Mexico", "plan", STANCE_AGAINST);
    assert_true(st->negated);
    /* the negator is part of the evidence */
    assert_int_equal(st->start, strstr(f.doc.bytes, "not") - f.doc.bytes);
    release(&f);
}

static void test_not_acceptable_stays_against(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Mexico said the tariffs are not acceptable.", NULL);
    const stance_span *st = check_stance(&f, "not acceptable", "Mexico", "tariffs", STANCE_AGAINST);
    assert_false(st->negated);
    assert_int_equal(f.doc.stance_count, 1); /* "acceptable" alone is part of the phrase */
    release(&f);
}

static void test_quote_speaker_after(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "\"We firmly reject the U.S. tariffs,\" Ryosei Akazawa told reporters.", NULL);
    const stance_span *st = check_stance(&f, "reject", "Ryosei Akazawa", "United States tariffs", STANCE_AGAINST);
    assert_true(st->intensified);
    assert_true(st->nests);
    release(&f);
}

static void test_reported_speech(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Ryosei Akazawa said that Japan opposes the tariffs on cars.", NULL);
    check_stance(&f, "opposes", "Ryosei Akazawa", "tariffs", STANCE_AGAINST);
    release(&f);
}

static void test_comment_holder(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "So far the US has been generous.", "2");
    const stance_span *st = check_stance(&f, "generous", "comment 2", "United States", STANCE_FAVOR);
    assert_int_equal(st->holder_ref, NO_STRING);
    assert_int_not_equal(st->target_ref, NO_STRING);
    release(&f);
}

static void test_comment_refusal(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "The US is fine, while Japan doesn't have any thought to change tariffs.", "1");
    check_stance(&f, "doesn't have any thought to change", "comment 1", "Japan tariffs", STANCE_AGAINST);
    release(&f);
    /* outside a comment the same words state no stance */
    annotate(&f, "Japan doesn't have any thought to change tariffs.", NULL);
    assert_int_equal(f.doc.stance_count, 0);
    release(&f);
}

static void test_no_stance(void **state)
{
    (void)state;
    static const char *const texts[] = {
        "Will Japan reject the tariffs?",                          /* a question */
        "Japan faces a 24% tariff rate starting in July.",         /* a neutral fact */
        "If the tariffs stay, Japan will reject the deal.",        /* a conditional */
        "Japan will reject.",                                      /* no target */
        NULL};
    for (const char *const *t = texts; *t; t++) {
        fixture f;
        annotate(&f, *t, NULL);
        if (f.doc.stance_count)
            fail_msg("'%s' gave a stance on '%s'", *t, doc_string(&f.doc, f.doc.stances[0].target));
        assert_int_equal(f.doc.stance_summary_count, 0);
        release(&f);
    }
}

/* "but" moves the point to what follows it when a cue follows it; with no
 * cue after it, what came before stands. */
/* An entity that only qualifies the noun after it is not the target. */
static void test_entity_as_modifier(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Korea rejected a U.S. request to lift the ban.", NULL);
    assert_int_equal(f.doc.stance_count, 1);
    assert_string_equal(stance_polarity_name(f.doc.stances[0].polarity), "against");
    assert_string_equal(doc_string(&f.doc, f.doc.stances[0].target), "request");
    release(&f);
}

/* "He added that ...": a pronoun speaker is the last person named before. */
static void test_pronoun_speaker(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Trade Minister Ana Ruiz spoke on Monday. She said Spain welcomed the proposal.", NULL);
    assert_int_equal(f.doc.stance_count, 1);
    assert_string_equal(doc_string(&f.doc, f.doc.stances[0].holder), "Ana Ruiz");
    assert_string_equal(doc_string(&f.doc, f.doc.stances[0].target), "proposal");
    release(&f);
}

static void test_contrast(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Japan welcomed the talks but rejected the tariffs.", NULL);
    assert_int_equal(f.doc.stance_count, 1);
    assert_string_equal(stance_polarity_name(f.doc.stances[0].polarity), "against");
    assert_string_equal(doc_string(&f.doc, f.doc.stances[0].target), "tariffs");
    release(&f);
    annotate(&f, "Japan welcomed the talks but the tariffs remain in place.", NULL);
    assert_int_equal(f.doc.stance_count, 1);
    assert_string_equal(stance_polarity_name(f.doc.stances[0].polarity), "favor");
    assert_string_equal(doc_string(&f.doc, f.doc.stances[0].target), "talks");
    release(&f);
}

static void test_summary_majority(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Canada rejected the tariffs. Canada condemned the tariffs. Canada welcomed the tariffs.", NULL);
    assert_int_equal(f.doc.stance_count, 3);
    assert_int_equal(f.doc.stance_summary_count, 1);
    assert_int_equal(f.doc.stance_summaries[0].cues, 3);
    assert_int_equal(f.doc.stance_summaries[0].polarity, STANCE_AGAINST);
    release(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_favor_cue),
        cmocka_unit_test(test_against_cue),
        cmocka_unit_test(test_negation_flips),
        cmocka_unit_test(test_not_acceptable_stays_against),
        cmocka_unit_test(test_quote_speaker_after),
        cmocka_unit_test(test_reported_speech),
        cmocka_unit_test(test_comment_holder),
        cmocka_unit_test(test_comment_refusal),
        cmocka_unit_test(test_no_stance),
        cmocka_unit_test(test_contrast),
        cmocka_unit_test(test_pronoun_speaker),
        cmocka_unit_test(test_entity_as_modifier),
        cmocka_unit_test(test_summary_majority),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
