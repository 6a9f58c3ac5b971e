/* stance: who is for or against what. Runs the default rules end to end on
 * sentences of our own, one case per rule of annotator/stance.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
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

/* Loads text into f, ready for its layout elements and then annotate_loaded. */
static void load_text(fixture *f, const char *text)
{
    f->rules = builtin;
    f->m = matcher_new(f->rules, NULL, NULL);
    memset(&f->doc, 0, sizeof f->doc);
    doc_load(&f->doc, text, strlen(text));
}

static void annotate_loaded(fixture *f)
{
    annotate_document(f->m, f->rules, &f->doc);
}

/* Annotates text; when comment_n is set, text from byte comment_from to its
 * end is reader comment comment_n, as the layout stage would mark it. */
static void annotate_from(fixture *f, const char *text, size_t comment_from, const char *comment_n)
{
    load_text(f, text);
    if (comment_n) {
        document *doc = &f->doc;
        span_attr at = {doc_intern(doc, "n", 1), doc_intern(doc, comment_n, strlen(comment_n))};
        struct_span st = {(uint32_t)comment_from, (uint32_t)strlen(text), LE_COMMENT, 0, "test", 1,
                          (uint32_t)doc->attr_count, 1};
        ARRAY_PUSH(doc->attrs, doc->attr_count, doc->attr_cap, at);
        ARRAY_PUSH(doc->structure, doc->structure_count, doc->structure_cap, st);
    }
    annotate_loaded(f);
}

/* Annotates text laid out as a page: its first line a headline and, when
 * comment_n is set, from byte comment_from on reader comment comment_n. */
static void annotate_page(fixture *f, const char *text, size_t comment_from, const char *comment_n)
{
    load_text(f, text);
    document *doc = &f->doc;
    struct_span headline = {0, (uint32_t)strcspn(text, "\n"), LE_HEADLINE, 0, "test", 1, 0, 0};
    ARRAY_PUSH(doc->structure, doc->structure_count, doc->structure_cap, headline);
    if (comment_n) {
        span_attr at = {doc_intern(doc, "n", 1), doc_intern(doc, comment_n, strlen(comment_n))};
        struct_span st = {(uint32_t)comment_from, (uint32_t)strlen(text), LE_COMMENT, 0, "test", 1,
                          (uint32_t)doc->attr_count, 1};
        ARRAY_PUSH(doc->attrs, doc->attr_count, doc->attr_cap, at);
        ARRAY_PUSH(doc->structure, doc->structure_count, doc->structure_cap, st);
    }
    annotate_loaded(f);
}

/* Annotates text, all of it reader comment comment_n when that is set. */
static void annotate(fixture *f, const char *text, const char *comment_n)
{
    annotate_from(f, text, 0, comment_n);
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

/* Annotates text (reader comment comment_n when set) and checks the stance
 * on cue, as check_stance does. */
static void check_one_stance(const char *text, const char *comment_n, const char *cue, const char *holder,
                             const char *target, int polarity)
{
    fixture f;
    annotate(&f, text, comment_n);
    check_stance(&f, cue, holder, target, polarity);
    release(&f);
}

/* Annotates article followed by comment, reader comment comment_n, and
 * checks the stance on cue, as check_stance does. */
static void check_comment_stance(const char *article, const char *comment, const char *comment_n, const char *cue,
                                 const char *holder, const char *target, int polarity)
{
    char text[1024];
    snprintf(text, sizeof text, "%s%s", article, comment);
    fixture f;
    annotate_from(&f, text, strlen(article), comment_n);
    check_stance(&f, cue, holder, target, polarity);
    release(&f);
}

/* Each of texts (NULL-terminated) must give no stance, nor a summary. */
static void check_no_stance(const char *const *texts)
{
    for (const char *const *t = texts; *t; t++) {
        fixture f;
        annotate(&f, *t, NULL);
        if (f.doc.stance_count)
            fail_msg("'%s' gave a stance: %s -> %s", *t, doc_string(&f.doc, f.doc.stances[0].holder),
                     doc_string(&f.doc, f.doc.stances[0].target));
        assert_int_equal(f.doc.stance_summary_count, 0);
        release(&f);
    }
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
        "Palestinians took to back roads to reach Jerusalem.",     /* "back" qualifies a noun */
        "\"I did not feel good on the court,\" Rios said.",         /* a feeling, no verdict */
        NULL};
    check_no_stance(texts);
}

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

/* "but" drops what comes before it only where what follows it judges the
 * same target; each half keeps a stance on a target of its own. */
static void test_contrast(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Japan welcomed the talks but rejected the tariffs.", NULL);
    check_stance(&f, "welcomed", "Japan", "talks", STANCE_FAVOR);
    const stance_span *kept = check_stance(&f, "rejected", "Japan", "tariffs", STANCE_AGAINST);
    assert_int_equal(kept->outweighed_cue_end, kept->outweighed_cue_start);
    assert_int_equal(f.doc.stance_count, 2);
    release(&f);
    annotate(&f, "Japan said the talks were constructive but unproductive.", NULL);
    const stance_span *st = check_stance(&f, "unproductive", "Japan", "talks", STANCE_AGAINST);
    assert_int_equal(f.doc.stance_count, 1);
    /* for --explain: the cue it outweighed */
    assert_int_equal(st->outweighed_cue_end - st->outweighed_cue_start, strlen("constructive"));
    assert_memory_equal(f.doc.text.clean + st->outweighed_cue_start, "constructive", strlen("constructive"));
    release(&f);
    annotate(&f, "Japan welcomed the talks but the tariffs remain in place.", NULL);
    check_stance(&f, "welcomed", "Japan", "talks", STANCE_FAVOR);
    assert_int_equal(f.doc.stance_count, 1);
    release(&f);
    /* after "but" a copula is no subject of its own; "it" is what the cue
     * before it was about; an offer under "if" after ", and would" leaves
     * the clause before it alone */
    annotate(&f,
             "Ana Ruiz said exporters had not lobbied for the cut but were glad of it, and would sign contracts "
             "if Manila kept the rate.",
             NULL);
    check_stance(&f, "glad of", "Ana Ruiz", "cut", STANCE_FAVOR);
    assert_int_equal(f.doc.stance_count, 1);
    release(&f);
}

/* "..., NAME said": the speaker of a speech verb after the cue, in a clause
 * of its own; "its" gives a tariff the GPE before it, and a city stands for
 * its country. */
static void test_speaker_after_and_possessive_owner(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "Canada will keep its 25% counter-tariffs on U.S. steel until Washington removes its own duties, "
             "Trade Minister Ana Ruiz said.",
             NULL);
    check_stance(&f, "keep", "Ana Ruiz", "Canada tariffs", STANCE_FAVOR);
    check_stance(&f, "removes", "Ana Ruiz", "United States tariffs", STANCE_AGAINST);
    release(&f);
}

/* With no measure named by its levy word, "the duty" is the last measure
 * named in the singular and "these duties" the last in the plural, or two
 * of one owner joined by "and"; a measure another answers ("in answer to
 * Washington's 100% tariff") is only its background. */
static void test_number_agreement(void **state)
{
    (void)state;
    check_one_stance("The deal will cut India's 150% tariff on Scotch whisky to 75%, while the United Kingdom will scrap "
                     "its tariffs of up to 12% on Indian clothing.\n\nTrade was worth 42 billion pounds.\n\nFiona "
                     "Drummond said the remaining duty was \"still far too high\".",
                     NULL, "too high", "Fiona Drummond", "India tariffs", STANCE_AGAINST);
    check_one_stance("China imposed a 15% tariff on U.S. soybeans and a 25% tariff on U.S. pork in answer to "
                     "Washington's 100% tariff on Chinese cars.\n\n\"These duties are punitive,\" Dale Halvorsen said.",
                     NULL, "punitive", "Dale Halvorsen", "China tariffs", STANCE_AGAINST);
    check_one_stance("China imposed a 15% tariff on U.S. soybeans in answer to Washington's 100% tariff on Chinese "
                     "cars.\n\n\"The duty is punitive,\" Dale Halvorsen said.",
                     NULL, "punitive", "Dale Halvorsen", "China tariffs", STANCE_AGAINST);
    check_one_stance("The deal will cut India's 150% tariff on Scotch whisky to 75%, while the United Kingdom will scrap "
                     "its 12% tariff on Indian clothing.\n\nFiona Drummond said the duty was \"still far too high\".",
                     NULL, "too high", "Fiona Drummond", "United Kingdom tariffs", STANCE_AGAINST);
}

/* "The minister called the Colombian duties ... and said ...": an
 * adjectival nationality is no speaker, the title opening the sentence is;
 * "its own measure" is the clause's country's; counter-duties are tariffs;
 * with two countries asked to act, neither is the target. */
static void test_coordinated_speech_and_own_measure(void **state)
{
    (void)state;
    static const char text[] =
        "Ecuador put a 30% tariff on Colombian imports.\n\nProduction Minister Valeria Cevallos spoke in Quito. The "
        "minister called the Colombian duties \"disproportionate\" and said Ecuador would not lift its own measure.";
    check_one_stance(text, NULL, "would not lift", "Valeria Cevallos", "Ecuador tariffs", STANCE_FAVOR);
    check_one_stance("Ecuador put a 30% tariff on Colombian goods. Colombia imposed a 20% duty on Ecuadorian tuna.\n\nIn "
                     "Bogota, the Federation of Colombian Exporters urged the government to drop the counter-duties.",
                     NULL, "urged", "Federation of Colombian Exporters", "Colombia tariffs", STANCE_AGAINST);
    fixture f;
    annotate(&f, "Oscar Villanueva urged Quito and Bogota to withdraw them.", NULL);
    assert_int_equal(f.doc.stance_count, 0);
    release(&f);
}

/* "Iowa governor slams ..." in a headline is the person the article
 * introduces with that title; outside a headline the place stays. */
static void test_headline_place_title(void **state)
{
    (void)state;
    static const char text[] = "Iowa governor slams China's soybean tariffs\n\nIowa Governor Dale Halvorsen spoke "
                               "on Thursday at a farm.";
    fixture f;
    annotate_page(&f, text, 0, NULL);
    check_stance(&f, "slams", "Dale Halvorsen", "China tariffs", STANCE_AGAINST);
    release(&f);
    check_one_stance("Iowa governor slams China's soybean tariffs.\n\nIowa Governor Dale Halvorsen spoke on Thursday.",
                     NULL, "slams", "Iowa", "China tariffs", STANCE_AGAINST);
}

/* A country that only says whose a group is owns no measure of the
 * headline after its opening ("as EU tuna buyers fret"), but does as its
 * subject ("U.S. importers sue to overturn 12.6% duty ...", the importers'
 * own country's). */
static void test_headline_group_country(void **state)
{
    (void)state;
    static const char fret[] = "Fishermen strike over new fuel levy as EU tuna buyers fret\n\n"
                               "Fisheries Minister Ama Boateng defended the levy on Tuesday.";
    fixture f;
    annotate_page(&f, fret, 0, NULL);
    check_stance(&f, "defended", "Ama Boateng", "tariffs", STANCE_FAVOR);
    release(&f);
    static const char sue[] = "U.S. importers sue to overturn 12.6% duty on Thai canned tuna\n\n"
                              "The Seafood Importers Council said the duty was unfair.";
    annotate_page(&f, sue, 0, NULL);
    check_stance(&f, "unfair", "Seafood Importers Council", "United States tariffs", STANCE_AGAINST);
    release(&f);
}

/* A headline's comma opens a clause with a subject of its own: a group
 * there holds no stance, and the country before it none either ("...,
 * vows to defend" goes on with the country). */
static void test_headline_comma_clause(void **state)
{
    (void)state;
    static const char text[] = "Pakistan sets 18% safeguard duty on hydrogen peroxide, textile mills protest\n\n"
                               "The duty starts on Monday.";
    fixture f;
    annotate_page(&f, text, 0, NULL);
    assert_int_equal(f.doc.stance_count, 0);
    release(&f);
    static const char vows[] = "Mexico calls U.S. tomato duties unjustified, vows to defend growers\n\n"
                               "The duties start on Monday.";
    annotate_page(&f, vows, 0, NULL);
    check_stance(&f, "defend", "Mexico", "growers", STANCE_FAVOR);
    release(&f);
}

/* The speaker of a relative clause after the cue speaks for that clause
 * only; retaliation by a country is that country's tariffs. */
static void test_relative_clause_speaker_and_retaliation(void **state)
{
    (void)state;
    check_one_stance("Luis Ortega leads the Hawkeye Pork Producers Association in the United States. The association "
                     "opposed any fresh retaliation by Washington, which Ortega said would hurt.",
                     NULL, "opposed", "Hawkeye Pork Producers Association", "United States tariffs", STANCE_AGAINST);
}

/* An evaluation judges the first mention of its clause after the speech
 * verb, not the nearest; with no entity, the noun phrase before the copula. */
static void test_evaluated_subject(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Ana Ruiz said the tariffs on Mexico are unfair.", NULL);
    check_stance(&f, "unfair", "Ana Ruiz", "tariffs", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Ana Ruiz said the offer is generous.", NULL);
    check_stance(&f, "generous", "Ana Ruiz", "offer", STANCE_FAVOR);
    release(&f);
    /* a country's offer is the offer; a person's position the person */
    annotate(&f, "Margaret Ellison said Seoul's offer was a serious starting point.", NULL);
    check_stance(&f, "a serious starting point", "Margaret Ellison", "offer", STANCE_FAVOR);
    release(&f);
}

/* "the tariffs" belong to the country whose tariffs were named last. */
static void test_owner_from_context(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "The U.S. tariffs on steel took effect in May. Ana Ruiz said the tariffs are unfair.", NULL);
    check_stance(&f, "unfair", "Ana Ruiz", "United States tariffs", STANCE_AGAINST);
    release(&f);
}

/* "the minister" is the last person introduced with a title holding
 * "minister", even when another minister was named in between. */
static void test_title_target(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "Agriculture Minister Hiroshi Tanabe spoke on Monday. Economy Minister Takumi Ogasawara flew to "
             "Washington. Tanabe met farmers. Japan welcomed the minister's remarks.",
             NULL);
    check_stance(&f, "welcomed", "Japan", "Hiroshi Tanabe", STANCE_FAVOR);
    release(&f);
}

/* "that argument" is whoever spoke in the sentence before; nobody named
 * there (a group is not named), or "the idea that ...", gives no target. */
static void test_pointing_back_to_speech(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Mexico said the duties were needed. Ana Ruiz rejected that argument.", NULL);
    check_stance(&f, "rejected", "Ana Ruiz", "Mexico", STANCE_AGAINST);
    release(&f);
    static const char *const texts[] = {"It was argued that imports help. Ana Ruiz rejected that view.",
                                        "Some economists argued that imports help. Ana Ruiz rejected that view.",
                                        "Ana Ruiz rejected the idea that the truce was one-sided.",
                                        "Ana Ruiz rejected the idea of a truce.", NULL};
    check_no_stance(texts);
}

/* Asking someone to end a measure opposes it; asking for anything else is
 * no stance. */
static void test_urge_to_end(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Japan urged the U.S. to drop the tariffs.", NULL);
    check_stance(&f, "urged", "Japan", "United States tariffs", STANCE_AGAINST);
    release(&f);
    annotate(&f, "The council urged the government to stand firm.", NULL);
    assert_int_equal(f.doc.stance_count, 0);
    release(&f);
    /* the threat asked to be dropped is the tariff threatened */
    check_one_stance("The U.S. threatened a 25% tariff on Canadian potash.\n\nPrices rose.\n\nSenator Linda Haverkamp "
                     "called on the Commerce Department to drop the threat.",
                     NULL, "called on", "Linda Haverkamp", "United States tariffs", STANCE_AGAINST);
}

/* A noun phrase target skips an amount; a rate on goods is a tariff. */
static void test_phrase_and_rate_targets(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Seoul offered to back a $150 billion shipbuilding cooperation fund.", NULL);
    check_stance(&f, "to back", "Seoul", "shipbuilding cooperation fund", STANCE_FAVOR);
    release(&f);
    annotate(&f, "15-25% on chips would hurt US companies more than Korea.", "4");
    check_stance(&f, "would hurt", "comment 4", "tariffs", STANCE_AGAINST);
    release(&f);
}

/* A rate judged too low stands by the tariff at that rate; an idiom holding
 * "if" sets no condition, a real condition still does. */
static void test_judged_rate(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Good. 35.3% is fair and maybe still too low.", "1");
    check_stance(&f, "too low", "comment 1", "tariffs", STANCE_FAVOR);
    release(&f);
    annotate(&f, "50% is still too low if you ask me.", "2");
    check_stance(&f, "too low", "comment 2", "tariffs", STANCE_FAVOR);
    release(&f);
    check_no_stance((const char *const[]){"Unemployment of 4% is too low.", "Prices are too low.",
                                          "If the talks fail, 50% is too low.", NULL});
}

/* "the measure" after a tariff mention in its sentence is that tariff; with
 * none before it, it is the measure. */
static void test_measure_is_tariff(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "India asked for an exemption from proposed tariffs of 50% on pharmaceuticals, warning that the "
             "measure would raise drug prices.",
             NULL);
    check_stance(&f, "would raise drug prices", "India", "tariffs", STANCE_AGAINST);
    release(&f);
    annotate(&f, "The Northwest Growers Council said the measure put 400,000 jobs at risk.", NULL);
    check_stance(&f, "put 400,000 jobs at risk", "Northwest Growers Council", "measure", STANCE_AGAINST);
    release(&f);
}

/* "drew support from X", "was rejected by X": the agent after the cue holds
 * the stance on the subject before it. */
static void test_agent_holder(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Rebecca Stanhope's position drew support from Delta Harvest Inc. on Monday.", NULL);
    check_stance(&f, "drew support from", "Delta Harvest Inc.", "Rebecca Stanhope", STANCE_FAVOR);
    release(&f);
    /* a group as the agent holds none: the gold's holders are entities */
    check_no_stance((const char *const[]){"The plan was rejected by lawmakers.", NULL});
    /* a finding the article reports is the finder's, not the article's */
    check_no_stance((const char *const[]){
        "A judge struck down the law, ruling that the charge was an import duty dressed up as a fee.",
        "A dispute panel ruled on Tuesday that the 40% duties on pineapple are inconsistent with trade rules.", NULL});
    annotate(&f, "The plan was rejected by a wide margin.", NULL); /* no agent named: no stance */
    assert_int_equal(f.doc.stance_count, 0);
    release(&f);
}

/* A city between a determiner and nouns names the thing there; a country
 * before a noun is its actor ("a U.S. request", test_entity_as_modifier). */
static void test_place_phrase(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Japan welcomed the Geneva agreement.", NULL);
    check_stance(&f, "welcomed", "Japan", "Geneva agreement", STANCE_FAVOR);
    release(&f);
}

/* A one-word person name that begins exactly one full name of the document
 * is that person ("Liu" after "Liu Haoran"). */
static void test_surname_first_holder(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Commerce Minister Liu Haoran spoke on Monday. Liu said the tariffs are unfair.", NULL);
    check_stance(&f, "unfair", "Liu Haoran", "tariffs", STANCE_AGAINST);
    release(&f);
}

/* A tariff said to stay is stood by; an idiom faults its subject. */
static void test_tariff_stays_and_idiom(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "The U.S. Department of Commerce said the 50% tariffs on steel would remain until a deal.", NULL);
    const stance_span *st = check_stance(&f, "would remain", "U.S. Department of Commerce", "tariffs", STANCE_FAVOR);
    assert_string_equal(st->target_from, "tariff");
    release(&f);
    annotate(&f, "Germany always wants to have the cake and eat it.", "3");
    check_stance(&f, "have the cake and eat it", "comment 3", "Germany", STANCE_AGAINST);
    release(&f);
}

/* An act of support or opposition has an agent: an opening "he" is the
 * last person named, a place after "in" is no agent, and an agent the text
 * does not name is not the author. */
static void test_act_holders(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Japan sent a team. The Japanese government said the tariffs are regrettable.", NULL);
    check_stance(&f, "regrettable", "Japan", "tariffs", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Mexico's economy minister Marcelo Ebrard spoke on Monday. He rejected the plan.", NULL);
    check_stance(&f, "rejected", "Marcelo Ebrard", "plan", STANCE_AGAINST);
    release(&f);
    /* a group holds no stance, and the place after "in" none for it; "the
     * union" is an organisation only when one was named */
    static const char *const texts[] = {"Farmers in Iowa backed the policy.", "The union has long opposed the plan.",
                                        NULL};
    check_no_stance(texts);
    annotate(&f, "The National Farmers Union met in Ottawa. The union has long opposed the plan.", NULL);
    check_stance(&f, "opposed", "National Farmers Union", "plan", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Trade Minister Paulo Dias arrived on Monday. The minister rejected the proposal.", NULL);
    check_stance(&f, "rejected", "Paulo Dias", "proposal", STANCE_AGAINST);
    release(&f);
    /* an evaluation with no one named to hold it is the author's */
    annotate(&f, "The tariffs are unfair.", NULL);
    check_stance(&f, "unfair", "author", "tariffs", STANCE_AGAINST);
    release(&f);
}

/* A cue inside a _NOT_CUE phrase states no stance. */
static void test_not_cue(void **state)
{
    (void)state;
    static const char *const texts[] = {"Japan would back down on the tariffs.",
                                        "Officials said the tariffs would stay at 10% next year.", NULL};
    check_no_stance(texts);
}

/* "X called Y unfair": X holds the evaluation of Y; "the government's
 * offer" is the offer. */
static void test_calling_and_possessive_noun(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Vietnam on Wednesday called a 46% U.S. tariff on its exports unfair.", NULL);
    check_stance(&f, "unfair", "Vietnam", "United States tariffs", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Japan supported the government's offer.", NULL);
    check_stance(&f, "supported", "Japan", "offer", STANCE_FAVOR);
    release(&f);
}

/* The speaker of reported speech: "the negotiator said" is the person
 * introduced with that noun, even in lower case; an entity in the verb's
 * clause wins over one further back; a possessive is no speaker when
 * another entity can be. */
static void test_reported_speakers(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "South Korea's chief trade negotiator Yoon Seo-jin arrived on Monday. Korea and Canada ended talks, "
             "Seoul's top trade negotiator said, warning that the tariffs would do damage.",
             NULL);
    check_stance(&f, "damage", "Yoon Seo-jin", "tariffs", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Keidanren Group, Japan's biggest business lobby, said the tariffs would hurt both economies.", NULL);
    check_stance(&f, "would hurt", "Keidanren Group", "tariffs", STANCE_AGAINST);
    release(&f);
}

/* An evaluation's subject: the object of a calling verb across commas, an
 * owner's tariffs ("Trump's tariffs"); a pronoun subject reaches back in
 * the sentence, a relative clause does not ("a deal that hurt its
 * farmers" is not against Japan). */
static void test_evaluated_subjects_more(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "Liu Haoran said China would buy soybeans and described the Geneva meeting as \"candid, practical and "
             "constructive.\"",
             NULL);
    check_stance(&f, "constructive", "Liu Haoran", "Geneva meeting", STANCE_FAVOR);
    release(&f);
    annotate(&f, "Trump's tariffs are a tax on consumers.", "1");
    check_stance(&f, "a tax on", "comment 1", "tariffs", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Yoji Muto said Japan would not accept a deal that hurt its farmers.", NULL);
    check_stance(&f, "accept", "Yoji Muto", "deal", STANCE_AGAINST);
    assert_int_equal(f.doc.stance_count, 1);
    release(&f);
    annotate(&f, "Yoji Muto said Tokyo would not retaliate for now.", NULL); /* "now" is no target */
    assert_int_equal(f.doc.stance_count, 0);
    release(&f);
}

/* Who holds an act: not a dateline, not the subject of another clause
 * (";", "while", "but" with a subject of its own), the speaker after
 * "According to", a pronoun opening the clause after "but". */
static void test_act_clauses(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "OTTAWA (Northwire) - Canada welcomed the extension.", NULL);
    check_stance(&f, "welcomed", "Canada", "extension", STANCE_FAVOR);
    release(&f);
    annotate(&f, "Japan raised its duties; the Danish Shipping Association welcomed the plan.", NULL);
    check_stance(&f, "welcomed", "Danish Shipping Association", "plan", STANCE_FAVOR);
    release(&f);
    annotate(&f, "Traders in Vienna called for talks, while the Austrian Farmers Union backed the plan.", NULL);
    check_stance(&f, "backed", "Austrian Farmers Union", "plan", STANCE_FAVOR);
    release(&f);
    static const char *const none[] = {
        "Exports to India rose 11%, but opposition parties signalled support for the plan.",
        "Thailand may accept the plan.", /* a possibility, not a position */
        NULL};
    check_no_stance(none);
    annotate(&f, "Thailand could not accept the plan.", NULL);
    check_stance(&f, "accept", "Thailand", "plan", STANCE_AGAINST);
    release(&f);
    annotate(&f, "According to the Ministry of Finance, union leaders criticised the plan.", NULL);
    check_stance(&f, "criticised", "Ministry of Finance", "plan", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Yoon Seo-jin said Seoul had offered talks, but she rejected a U.S. request.", NULL);
    check_stance(&f, "rejected", "Yoon Seo-jin", "request", STANCE_AGAINST);
    release(&f);
}

/* What eases a tariff is a stance on the tariff, the other way round; a
 * demand ("no deal without") is for what it demands. */
static void test_relief_from_tariffs(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Japan welcomed relief from U.S. tariffs.", NULL);
    check_stance(&f, "welcomed", "Japan", "United States tariffs", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Ryosei Akazawa said no deal would be without concessions on all Washington's tariffs.", NULL);
    check_stance(&f, "no deal would be without", "Ryosei Akazawa", "Washington tariffs", STANCE_AGAINST);
    release(&f);
}

/* Groups named by what they are hold stances when no entity does; a place
 * or nationality right before one is part of its name, unless the group
 * speaks for a government ("Chinese officials"). */
static void test_group_holders(void **state)
{
    (void)state;
    fixture f;
    /* a group no entity names holds no stance (the gold's holders are
     * entities), and as the subject it keeps the places and nationalities
     * that only describe it from holding one; places after "in" say
     * where a group is, however many */
    static const char *const groups[] = {"U.S. automakers warned that the duties would hurt sales.",
                                         "Critics argue the tariffs will raise prices.",
                                         "Farmers are furious about the new quota.",
                                         "Exporters in Vietnam and Thailand welcomed the cut.",
                                         "Growers in Matale, Anuradhapura and Jaffna welcomed the cut.",
                                         "Glove makers, whose plants around Klang, Ipoh and Kulim employ 70,000 "
                                         "people, welcomed the cut.",
                                         "A Geneva-based group welcomed the cut.", NULL};
    check_no_stance(groups);
    /* a place opening the sentence is a place of its own, and a place
     * joined to a suffix describes the body before it */
    check_one_stance("In Brussels, France and Germany welcomed the cut.",
                     NULL, "welcomed", "France", "cut", STANCE_FAVOR);
    /* a phrase opening the sentence ends at its comma: the names after it
     * are the subject, not more of its places */
    check_one_stance("At a summit in Brussels, France and Germany welcomed the cut.",
                     NULL, "welcomed", "France", "cut", STANCE_FAVOR);
    check_one_stance("Speaking to reporters in Ottawa, Mark Carney and Chrystia Freeland welcomed the cut.",
                     NULL, "welcomed", "Mark Carney", "cut", STANCE_FAVOR);
    /* the places of an opening phrase, however it goes on, are where the
     * body after its comma acts */
    check_one_stance("In the Alto Valle of Neuquén and Mendoza, where most pears are grown, the "
                     "Chamber of Fruit Producers (CAFRUVA) welcomed the quota.",
                     NULL, "welcomed", "Chamber of Fruit Producers", "quota", STANCE_FAVOR);
    /* but a name the phrase ends with is the subject when no other follows
     * its comma */
    check_one_stance("On Monday France, the largest producer, welcomed the cut.", NULL, "welcomed", "France", "cut",
                     STANCE_FAVOR);
    check_one_stance("In Japan the Farmers Union, which represents growers, welcomed the cut.", NULL, "welcomed",
                     "Farmers Union", "cut", STANCE_FAVOR);
    /* a name before an honorific is the person, and speaks */
    check_one_stance("Ryosei Akazawa arrived on Monday. Akazawa-san said the cut was unfair.",
                     NULL, "unfair", "Ryosei Akazawa", "cut", STANCE_AGAINST);
    check_one_stance("The Technology Exporters Council (TEC), a Washington-based lobby, welcomed the cut.",
                     NULL, "welcomed", "Technology Exporters Council", "cut", STANCE_FAVOR);
    check_one_stance("Back in Saskatchewan, the Saskatchewan Farm Bureau, whose members buy machinery, welcomed the "
                     "cut.",
                     NULL, "welcomed", "Saskatchewan Farm Bureau", "cut", STANCE_FAVOR);
    /* a body's head noun right before the act is its subject: the body
     * named before, or none, not a place named earlier */
    annotate_page(&f,
                  "Durban dock strike strands cars as union rejects wage offer\n\nA strike by dock workers at the "
                  "port of Durban went on, after the union rejected a revised wage offer.\n",
                  0, NULL);
    assert_int_equal(f.doc.stance_count, 0);
    release(&f);
    check_one_stance("The Durban Dock Workers Union met in Durban. Talks stalled after the union rejected the offer.",
                     NULL, "rejected", "Durban Dock Workers Union", "offer", STANCE_AGAINST);
    annotate(&f, "China sent a team. Chinese officials condemned the quota.", NULL);
    check_stance(&f, "condemned", "China", "quota", STANCE_AGAINST);
    release(&f);
    /* entities win over groups */
    annotate(&f, "Steelmakers and Canada rejected the quota.", NULL);
    check_stance(&f, "rejected", "Canada", "quota", STANCE_AGAINST);
    release(&f);
    /* an acronym in brackets is the name before it again, even one of
     * another language's initials */
    annotate(&f,
             "The Federation of Car Suppliers (VDZ) opposed the duties from the start and said on Thursday that "
             "they would not protect a single job.",
             NULL);
    check_stance(&f, "would not protect", "Federation of Car Suppliers", "tariffs", STANCE_AGAINST);
    release(&f);
    /* one that only owns something gives way to an entity of its own */
    annotate(&f, "In Ontario, home to half of Canada's steel mills, the Steelworkers Union rejected the quota.",
             NULL);
    check_stance(&f, "rejected", "Steelworkers Union", "quota", STANCE_AGAINST);
    release(&f);
}

/* The object of a cue is the noun right after it, not an entity that only
 * completes it after a preposition, nor someone asked to act. */
static void test_object_targets(void **state)
{
    (void)state;
    fixture f;
    /* what is called something is the object of "called", whatever the
     * quotation opens with */
    annotate(&f, "The group Fair Price Network called the order \"the first good news in years.\"", NULL);
    check_stance(&f, "good news", "Fair Price Network", "order", STANCE_FAVOR);
    release(&f);
    /* dismissing someone's call is against the one who made it */
    annotate(&f, "Senator Ana Cruz spoke. Minister Leo Tan dismissed the senator's call.", NULL);
    check_stance(&f, "dismissed", "Leo Tan", "Ana Cruz", STANCE_AGAINST);
    release(&f);
    annotate(&f, "The Farmers Union praised the agreement with Brazil.", NULL);
    check_stance(&f, "praised", "Farmers Union", "agreement", STANCE_FAVOR);
    release(&f);
    annotate(&f, "Brazil is strongly opposed to the measure.", NULL);
    check_stance(&f, "opposed to", "Brazil", "measure", STANCE_AGAINST);
    release(&f);
    annotate(&f, "The Farmers Union urged the government to scrap the new levy on steel.", NULL);
    check_stance(&f, "urged", "Farmers Union", "tariffs", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Canada rejected the proposal to cut the new tariffs on steel.", NULL);
    check_stance(&f, "rejected", "Canada", "proposal", STANCE_AGAINST);
    release(&f);
    /* who is asked to act is no target; the measure "it" stands for is */
    annotate(&f, "Ana Ruiz called the 30% tariff a mistake and urged Washington to reconsider it.", NULL);
    check_stance(&f, "urged", "Ana Ruiz", "tariffs", STANCE_AGAINST);
    release(&f);
    static const char *const none[] = {"Ana Ruiz urged Washington to reconsider.", NULL};
    check_no_stance(none);
}

/* "Scrap them": a pronoun object is the last tariff mention before it in
 * its comment or paragraph; with none, no stance. */
static void test_pronoun_object(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "These duties are a tax on home buyers. Scrap them.", "1");
    check_stance(&f, "Scrap", "comment 1", "tariffs", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Canada said it would challenge the new duties on lumber.", NULL);
    check_stance(&f, "would challenge", "Canada", "tariffs", STANCE_AGAINST);
    release(&f);
    static const char *const none[] = {"The plan was announced.\n\nCanada rejected it.", NULL};
    check_no_stance(none);
}

/* Cues of accusation, opposition and asking to be spared; a country
 * qualifies the noun right after it only ("accused Washington of
 * bullying" is against Washington); a calling verb's object is the noun
 * phrase before the evaluation. */
static void test_more_cues(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Beijing accused Washington of bullying.", NULL);
    check_stance(&f, "accused", "Beijing", "Washington", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Germany voiced opposition to the plan.", NULL);
    check_stance(&f, "voiced opposition to", "Germany", "plan", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Vietnam is seeking an exemption from the tariffs.", NULL);
    check_stance(&f, "seeking an exemption from", "Vietnam", "tariffs", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Australia called the decision disappointing.", NULL);
    check_stance(&f, "disappointing", "Australia", "decision", STANCE_AGAINST);
    release(&f);
}

/* News that is not about positions: physical acts, sport, prices,
 * suffering; no stance in any of these. */
static void test_not_positions(void **state)
{
    (void)state;
    static const char *const none[] = {
        "Ana Ruiz blasted in two aces and won when Brazil found the net.", /* a particle: no object */
        "A rebel faction backed by Brazilian tanks took the city.",          /* a passive "by" */
        "Silver was expected to find support at $5.12 an ounce.",
        "The company's profits were hurt by the changeovers, Ana Ruiz said.",
        "Ana Ruiz had to escape a dangerous 3-6 0-4 hole.",                  /* an evaluation before a number */
        "Prices fell after the largest drop since July, Ana Ruiz said.",
        NULL};
    check_no_stance(none);
}

/* A noun cue's possessor holds it; who is asked to act is no target, the
 * object of the act is. */
static void test_possessor_and_asked(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Mexico sanctioned Belgrade for its support of the rebels.", NULL);
    check_stance(&f, "support", "Belgrade", "rebels", STANCE_FAVOR);
    release(&f);
    annotate(&f, "Canada called on voters to end the boycott of the election.", NULL);
    check_stance(&f, "called on", "Canada", "boycott", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Neil Jordan defends his decision to make the film.", NULL);
    check_stance(&f, "defends", "Neil Jordan", "decision", STANCE_FAVOR);
    release(&f);
}

/* What a tariff is said to do, asking for a measure, "the group" and a
 * place's possessive body, a seat city, and a condition's reach. */
static void test_harms_requests_and_referents(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Nordfarm Cooperative said a 42% duty on frozen pork would close its main export route.", NULL);
    check_stance(&f, "would close", "Nordfarm Cooperative", "tariffs", STANCE_AGAINST);
    release(&f);
    annotate(&f, "The Indian Drug Exporters' Association met. The group estimates that the levy would wipe out "
                 "half of its revenue.", NULL);
    check_stance(&f, "would wipe out", "Indian Drug Exporters' Association", "tariffs", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Spain urged the European Commission to negotiate a price undertaking.", NULL);
    check_stance(&f, "urged", "Spain", "price undertaking", STANCE_FAVOR);
    release(&f);
    annotate(&f, "Britain's largest livestock union called for a safeguard. The British Livestock Farmers' Union "
                 "met on Friday.", NULL);
    check_stance(&f, "called for", "British Livestock Farmers' Union", "safeguard", STANCE_FAVOR);
    release(&f);
    annotate(&f, "The European Union set its duties on Monday. Canada criticised the Brussels duties.", NULL);
    check_stance(&f, "criticised", "Canada", "European Union tariffs", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Mexico did not want a trade war, but would answer if the talks failed.", NULL);
    check_stance(&f, "did not want", "Mexico", "trade war", STANCE_AGAINST);
    release(&f);
    static const char *const none[] = {"If the talks fail, Mexico would reject the plan.",
                                       "Mexico would reject the plan if the talks failed.", NULL};
    check_no_stance(none);
    annotate(&f, "Mexico backed the deal because it was promised protection if imports surged.", NULL);
    check_stance(&f, "backed", "Mexico", "deal", STANCE_FAVOR);
    release(&f);
    annotate(&f, "Mexico backed the deal and said it would cut purchases if prices fell.", NULL);
    check_stance(&f, "backed", "Mexico", "deal", STANCE_FAVOR);
    release(&f);
    /* quoted words after a calling verb are its subject's */
    annotate(&f, "The National Farmers Union met. Liam Fennessy called the union's demand \"a political stunt.\"", NULL);
    check_stance(&f, "a political stunt", "Liam Fennessy", "National Farmers Union", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Nordfarm Cooperative, a Danish processor, said the plan was unfair.", NULL);
    check_stance(&f, "unfair", "Nordfarm Cooperative", "plan", STANCE_AGAINST);
    release(&f);
    annotate(&f, "The National Farmers Union met. Highland Meat Group supported the union.", NULL);
    check_stance(&f, "supported", "Highland Meat Group", "National Farmers Union", STANCE_FAVOR);
    release(&f);
    annotate(&f, "Canada said the measure put 400,000 jobs at risk.", NULL);
    check_stance(&f, "put 400,000 jobs at risk", "Canada", "measure", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Mexico dumps its tomatoes below cost every winter.", "2");
    check_stance(&f, "dumps", "comment 2", "Mexico", STANCE_AGAINST);
    release(&f);
}

/* More acts; an evaluation after "as" is the act's own wording; in a
 * reader comment, an act with an agent named before it is reported, not
 * the reader's. */
static void test_acts_and_reported_acts(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "India balked at the proposed quota.", NULL);
    check_stance(&f, "balked at", "India", "quota", STANCE_AGAINST);
    release(&f);
    annotate(&f, "Germany threw its weight behind the compromise.", NULL);
    check_stance(&f, "threw its weight behind", "Germany", "compromise", STANCE_FAVOR);
    release(&f);
    annotate(&f, "Ford slammed the new duties as short-sighted.", NULL);
    check_stance(&f, "slammed", "Ford", "tariffs", STANCE_AGAINST);
    assert_int_equal(f.doc.stance_count, 1);
    release(&f);
    annotate(&f, "She wants a safeguard now, after her union cheered the deal.", "1");
    assert_int_equal(f.doc.stance_count, 0);
    release(&f);
    annotate(&f, "I support free trade.", "1");
    check_stance(&f, "support", "comment 1", "free trade", STANCE_FAVOR);
    release(&f);
}

/* A one-word evaluation right before a noun only qualifies it; after a
 * copula it evaluates the subject. */
static void test_attributive_evaluation(void **state)
{
    (void)state;
    static const char *const none[] = {"The ministry said the duties protect farmers from unfair competition.",
                                       NULL};
    check_no_stance(none);
    fixture f;
    annotate(&f, "Canada said the duties were an unfair burden.", NULL);
    check_stance(&f, "unfair", "Canada", "tariffs", STANCE_AGAINST);
    release(&f);
}

/* A question whose answer is plain is against the measure it is asked
 * about: named in it, else before it in its paragraph or comment; said by
 * the article's own voice, or about no measure, it states none, and other
 * cues in a question still state none. */
static void test_rhetorical_question(void **state)
{
    (void)state;
    check_one_stance("The U.S. duties would add 9 cents a pound. \"Who exactly benefits when a family pays more?\" "
                     "asked Janet Morrow.",
                     NULL, "Who exactly benefits", "Janet Morrow", "United States tariffs", STANCE_AGAINST);
    check_one_stance("What did the tariffs fix?", "2", "What did the tariffs fix", "comment 2", "tariffs",
                     STANCE_AGAINST);
    check_no_stance((const char *const[]){"The duties rose. Who benefits when prices rise?",
                                          "\"Who benefits when a family pays more?\" asked Janet Morrow.",
                                          "Who benefits from the tariffs is not clear.",
                                          "Who benefits, and will Japan reject the tariffs?", NULL});
}

/* An act in a clause opened by "which" or "who" after a comma is the act
 * of the name before the comma (and its acronym); a condition in a quotation does not reach
 * a cue outside it. */
static void test_relative_clause_and_quoted_condition(void **state)
{
    (void)state;
    check_one_stance("Prices rose, said Dale Emmerich of the Midwest Food Importers Council, which opposes the "
                     "tariffs.",
                     NULL, "opposes", "Midwest Food Importers Council", "tariffs", STANCE_AGAINST);
    check_one_stance("\"We will see if prices rise,\" said the Midwest Food Importers Council, which opposes the "
                     "tariffs.",
                     NULL, "opposes", "Midwest Food Importers Council", "tariffs", STANCE_AGAINST);
    /* an acronym in brackets between the name and the comma */
    check_one_stance("Norway sold more cheese, according to the Midwest Food Importers Council (MFIC), which "
                     "condemned the tariffs.",
                     NULL, "condemned", "Midwest Food Importers Council", "tariffs", STANCE_AGAINST);
    check_no_stance((const char *const[]){"If prices rise, the Midwest Food Importers Council opposes the tariffs.",
                                          "\"If prices rise, we oppose the tariffs,\" said Dale Emmerich.", NULL});
}

/* A place the tariffs fall on is not their owner ("Australia faces
 * tariffs"), nor is the holder's own city ("Beijing said the duties"). */
static void test_owner_not_the_one_hit(void **state)
{
    (void)state;
    check_one_stance("Japan imposed tariffs on beef. Australia faces tariffs of 38.5% on its beef. The Cattle Council "
                     "said the tariffs were unfair.",
                     NULL, "unfair", "Cattle Council", "Japan tariffs", STANCE_AGAINST);
    check_one_stance("China faces provisional duties of up to 42%. Beijing said the duties were unfair.", NULL,
                     "unfair", "China", "tariffs", STANCE_AGAINST); /* the capital speaks for China */
}

/* Refusing to end a measure stands by it, as one cue: neither "rejected"
 * nor "scrap" inside it opposes anything. */
static void test_refusal_to_end(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "China refused to lift its duties on barley.", NULL);
    check_stance(&f, "refused to lift", "China", "China tariffs", STANCE_FAVOR);
    assert_int_equal(f.doc.stance_count, 1);
    release(&f);
    annotate(&f, "The EU has rejected calls to scrap the duties.", NULL);
    check_stance(&f, "rejected calls to scrap", "European Union", "tariffs", STANCE_FAVOR);
    assert_int_equal(f.doc.stance_count, 1);
    release(&f);
    check_one_stance("Japan has no plans to lower the tariff.", NULL, "has no plans to lower", "Japan", "tariffs",
                     STANCE_FAVOR);
    /* the same words in a reader comment fault whoever refuses */
    check_one_stance("Japan refuses to lower its duties.", NULL, "refuses to lower", "Japan", "Japan tariffs",
                     STANCE_FAVOR);
    check_one_stance("Japan refuses to lower its duties.", "4", "refuses to lower", "comment 4", "Japan tariffs",
                     STANCE_AGAINST);
}

/* A title a place owns is that place's, not a person's named before with
 * another title of the same noun; the word before the noun decides. */
static void test_place_owned_title(void **state)
{
    (void)state;
    check_one_stance("Trade Minister Ana Costa spoke first. New Zealand's prime minister said the deal was a win for "
                     "exporters.",
                     NULL, "a win for", "New Zealand", "deal", STANCE_FAVOR);
    check_one_stance("Chief Trade Negotiator Yoon Seo-jin spoke first. Seoul's top trade negotiator said the tariffs "
                     "were unfair.",
                     NULL, "unfair", "Yoon Seo-jin", "tariffs", STANCE_AGAINST);
}

/* Verbs of fearing and participles of saying report their subject's
 * view: the evaluation in the clause after them is the subject's. */
static void test_fearing_and_saying(void **state)
{
    (void)state;
    check_one_stance("The Auto Parts Alliance fears the duties will hit sales hard.", NULL, "will hit",
                     "Auto Parts Alliance", "tariffs", STANCE_AGAINST);
    check_one_stance("The Farmers Union applauded the move, saying the duties would level the playing field.", NULL,
                     "level the playing field", "Farmers Union", "tariffs", STANCE_FAVOR);
    check_one_stance("\"Tariffs are not the answer,\" said Paul Mercer, an economist.", NULL, "are not the answer",
                     "Paul Mercer", "tariffs", STANCE_AGAINST);
    check_one_stance("The move drew sharp criticism from China.", NULL, "drew sharp criticism from", "China", "move",
                     STANCE_AGAINST);
    check_one_stance("The tariffs have been criticised by the Farmers Union.", NULL, "been criticised by", "Farmers Union",
                     "tariffs", STANCE_AGAINST);
    check_one_stance("India dismissed the U.S. demands as unreasonable.", NULL, "dismissed", "India", "demands",
                     STANCE_AGAINST);
    check_one_stance("Canada called for the U.S. tariffs to be lifted.", NULL, "called for", "Canada",
                     "United States tariffs", STANCE_AGAINST);
    check_one_stance("Who benefits from U.S. tariffs on steel? Not us.", "5", "Who benefits", "comment 5",
                     "United States tariffs", STANCE_AGAINST);
    /* a reader's advice to another is the reader's own view */
    check_one_stance("Japan should stand up to Donald Trump.", "1", "stand up to", "comment 1", "Donald Trump",
                     STANCE_AGAINST);
    check_one_stance("Ryosei Akazawa is doing a great job.", "6", "doing a great job", "comment 6", "Ryosei Akazawa",
                     STANCE_FAVOR);
    check_one_stance("President Donald Trump set the tariffs. He is a bully.", "1", "a bully", "comment 1",
                     "Donald Trump", STANCE_AGAINST);
    /* a country's ministry speaks for itself, as the gold of every corpus
     * article with one has it */
    check_one_stance("China's Ministry of Commerce firmly opposes the EU's decision.", NULL, "firmly opposes",
                     "Ministry of Commerce", "decision", STANCE_AGAINST);
    /* a claim rejected is the target, as written */
    check_one_stance("Trade Minister Faouzi Ben Amor rejected that claim, saying the mill had received no money.", NULL,
                     "rejected", "Faouzi Ben Amor", "claim", STANCE_AGAINST);
    check_one_stance("Airbus chief Laurent Vasseur rejected the claim that the company depended on state money.", NULL,
                     "rejected", "Laurent Vasseur", "claim", STANCE_AGAINST);
    check_one_stance("Japan keeps its market closed.", "4", "keeps its market closed", "comment 4", "Japan",
                     STANCE_AGAINST);
    /* a rise in a tariff is the tariff */
    check_one_stance("Canada will challenge the latest increase in U.S. duties on lumber.", NULL, "will challenge",
                     "Canada", "United States tariffs", STANCE_AGAINST);
    check_one_stance("The U.S. raised its duties on lumber. How many more mills have to close before anyone listens?",
                     "3", "How many more mills have to close", "comment 3", "United States tariffs", STANCE_AGAINST);
    check_one_stance("Canada charges nothing for logs and then acts surprised?", "3", "acts surprised", "comment 3",
                     "Canada", STANCE_AGAINST);
    check_one_stance("\"Mills should do well, but the tax on lumber is a tax on every family,\" said Teresa Molina.", NULL,
                     "a tax on", "Teresa Molina", "tariffs", STANCE_AGAINST);
    check_one_stance("Japan and the U.S. held talks. A senior Japanese official said the tariffs were unfair.", NULL,
                     "unfair", "Japan", "tariffs", STANCE_AGAINST);
    check_one_stance("China imposed tariffs on Australian wine in 2020. Australia welcomes the end of China's wine "
                     "tariffs.",
                     NULL, "welcomes", "Australia", "China tariffs", STANCE_AGAINST);
    check_one_stance("Mexico vows retaliation over new U.S. tomato duties.", NULL, "vows retaliation over", "Mexico",
                     "United States tariffs", STANCE_AGAINST);
    /* a leader's tariffs are his country's */
    check_one_stance("U.S. President Donald Trump spoke on Friday. Japan said Trump's tariffs were not acceptable.", NULL,
                     "not acceptable", "Japan", "United States tariffs", STANCE_AGAINST);
    /* a nationality before goods holds nothing */
    check_one_stance("The EU keeps a 9.6% duty on Indonesian stainless steel and calls the ban unfair.", NULL, "unfair",
                     "European Union", "ban", STANCE_AGAINST);
    check_one_stance("The White House said the deal was a historic win for farmers.", NULL, "a historic win for",
                     "White House", "deal", STANCE_FAVOR);
    /* "According to" opening its sentence has its speaker after it */
    check_one_stance("According to the Canadian Chamber of Commerce, the duties are unjustified.", NULL, "unjustified",
                     "Canadian Chamber of Commerce", "tariffs", STANCE_AGAINST);
}

/* A ban goes by the words the text gives it at the cue: the headline's
 * "nickel ore export ban", then "the ban" (not the full name again, as a
 * tax would be); so does a quota. */
static void test_named_ban(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Indonesia keeps nickel ore export ban. The minister Arief Santoso said Indonesia will not lift the "
                 "ban.",
             NULL);
    check_stance(&f, "keeps", "Indonesia", "nickel ore export ban", STANCE_FAVOR);
    check_stance(&f, "will not lift", "Arief Santoso", "ban", STANCE_FAVOR);
    release(&f);
    check_one_stance("Indonesia banned nickel ore exports. Keep the ban.", "2", "Keep", "comment 2", "ban",
                     STANCE_FAVOR);
    check_one_stance("Norway shrinks cheese import quota. The Dairy Farmers Association welcomed the quota.", NULL,
                     "welcomed", "Dairy Farmers Association", "quota", STANCE_FAVOR);
}

/* An organisation with a country code owns the tariffs it possesses, as a
 * country does; "in all but name" is no contrast that starts a clause; a
 * subject's head comes before the preposition of its complement. */
static void test_owners_contrasts_and_heads(void **state)
{
    (void)state;
    check_one_stance("Matthias Brandauer said the EU's duties on steel were unfair.", NULL, "unfair",
                     "Matthias Brandauer", "European Union tariffs", STANCE_AGAINST);
    check_one_stance("Matthias Brandauer said the ban was a subsidy in all but name and that the duties did not go far "
                     "enough.",
                     NULL, "did not go far enough", "Matthias Brandauer", "tariffs", STANCE_FAVOR);
    check_one_stance("\"An appeal into the void is not an answer,\" said Katrin Lindqvist.", NULL, "not an answer",
                     "Katrin Lindqvist", "appeal", STANCE_AGAINST);
    /* only the measure's kind words between the owner and its duties */
    check_one_stance("The Ministry of Trade called the final U.S. anti-dumping and countervailing duties on shrimp "
                     "\"unfair.\"",
                     NULL, "unfair", "Ministry of Trade", "United States tariffs", STANCE_AGAINST);
    check_one_stance("Pham Duc Long said the duties were not consistent with WTO rules.", NULL, "not consistent with",
                     "Pham Duc Long", "tariffs", STANCE_AGAINST);
}

/* A rated tariff named right after a verb imposing it belongs to the
 * country or bloc opening its sentence, and a later mention at that rate
 * (one of a range, or a rate judged on its own) is the same measure: the
 * first such owner wins over the last owner named. */
static void test_same_rate_owner(void **state)
{
    (void)state;
    check_one_stance("China said it would impose provisional duties of 18% to 42% on pork. Denmark said a 42% duty on "
                     "frozen pork would close its export route.",
                     NULL, "would close", "Denmark", "China tariffs", STANCE_AGAINST);
    check_one_stance("Provisional duties of 18% to 42% on pork took effect. Denmark said a 42% duty on frozen pork "
                     "would close its export route.",
                     NULL, "would close", "Denmark", "tariffs", STANCE_AGAINST);
    check_one_stance("The EU will charge a 50% duty on steel. The United States charges tariffs of 50% on steel. "
                     "50% is still too low.",
                     "1", "too low", "comment 1", "European Union tariffs", STANCE_FAVOR);
}

/* A measure noun after a demonstrative points back to the last tariff
 * mention in its paragraph or the one before; farther back, or without the
 * demonstrative, a decision is the measure the article is about, "the
 * measure" is it when it is a tariff, and another measure noun is the
 * noun. */
static void test_demonstrative_measure(void **state)
{
    (void)state;
    static const struct {
        const char *text, *target;
    } cases[] = {
        {"The U.S. duties took effect.\n\n\"This decision is not acceptable,\" Lucia Ferran said.",
         "United States tariffs"},
        {"The U.S. duties took effect.\n\n\"The decision is not acceptable,\" Lucia Ferran said.",
         "United States tariffs"},
        {"The U.S. duties took effect.\n\nPrices rose.\n\n\"This decision is not acceptable,\" Lucia Ferran said.",
         "United States tariffs"},
        {"The U.S. duties took effect.\n\nPrices rose.\n\n\"This step is not acceptable,\" Lucia Ferran said.",
         "step"},
        {"The U.S. duties took effect.\n\nPrices rose.\n\n\"The measure is not acceptable,\" Lucia Ferran said.",
         "United States tariffs"},
        {"The EU halved its steel quotas.\n\nPrices rose.\n\n\"The measure is not acceptable,\" Lucia Ferran said.",
         "measure"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fixture f;
        annotate(&f, cases[i].text, NULL);
        check_stance(&f, "not acceptable", "Lucia Ferran", cases[i].target, STANCE_AGAINST);
        release(&f);
    }
}

/* A harm the speaker's side is made to suffer is against the measure in
 * context, as a question asking why it should is; the author's report of
 * one, or one with no measure named, states none. */
static void test_harm_blames_measure(void **state)
{
    (void)state;
    check_one_stance("The U.S. tariffs took effect. \"Our growers should not pay for it,\" Rocio Montalvo said.", NULL,
                     "should not pay", "Rocio Montalvo", "United States tariffs", STANCE_AGAINST);
    check_one_stance("The tariffs are here. Why should a farm in Aragon suffer for a fight it never asked for?", "2",
                     "Why should a farm in Aragon suffer", "comment 2", "tariffs", STANCE_AGAINST);
    check_one_stance("China imposed duties on pork.\n\nThe Chinese measure will hit Spain. \"Our farmers should not pay "
                     "for it,\" Javier Lozano said.",
                     NULL, "should not pay", "Javier Lozano", "China tariffs", STANCE_AGAINST);
    /* the measure in the paragraph before */
    check_one_stance("The U.S. duties on shrimp took effect.\n\n\"Our farmers do not receive subsidies,\" Tran Minh "
                     "Khoa said.",
                     NULL, "do not receive subsidies", "Tran Minh Khoa", "United States tariffs", STANCE_AGAINST);
    check_no_stance((const char *const[]){"The U.S. tariffs took effect. Growers are being punished.",
                                          "\"Our growers should not pay for it,\" Rocio Montalvo said.", NULL});
}

/* What a measure does or fails to do is a stance of whoever says it, for
 * what helps and against what harms or fails; the article's own report of
 * an effect holds none. Denying dumping opposes the duty in context. */
static void test_effects_of_measure(void **state)
{
    (void)state;
    check_one_stance("\"These duties will not bring back a single job,\" said Kim Min-jun.", NULL,
                     "will not bring back", "Kim Min-jun", "tariffs", STANCE_AGAINST);
    check_one_stance("\"The tariff has protected thousands of jobs,\" said Tom Hadley.", NULL, "has protected",
                     "Tom Hadley", "tariffs", STANCE_FAVOR);
    check_one_stance("\"Without this duty we would not survive,\" said Mary Quinn.", NULL, "Without", "Mary Quinn",
                     "tariffs", STANCE_FAVOR);
    check_one_stance("The U.S. duties on steel took effect. \"We did not dump steel in anyone's market,\" Li Wei said.", NULL,
                     "did not dump", "Li Wei", "United States tariffs", STANCE_AGAINST);
    check_one_stance("\"This levy punishes the mills,\" said Kim Min-jun.", NULL, "punishes", "Kim Min-jun",
                     "tariffs", STANCE_AGAINST);
    check_no_stance((const char *const[]){"The tariff has protected thousands of jobs since 2019.",
                                          "The new duties will hurt the mills, the report found.",
                                          "The duties would add 9 cents a pound to wholesale prices.",
                                          "The U.S. duties on steel took effect. Chinese mills did not dump steel, it found.",
                                          NULL});
}

/* Goods naming a tariff ("Chip tariffs") give the tariff, not the goods;
 * "this" and "it" stand for no person, so with no tariff in their sentence
 * they stand for the one before them in the comment. */
static void test_goods_tariff_and_thing_pronouns(void **state)
{
    (void)state;
    check_one_stance("Chip tariffs are long overdue.", "2", "long overdue", "comment 2", "tariffs", STANCE_FAVOR);
    check_one_stance("Taiwan gets a 25% tariff for its trouble. Karen Ostby has it right, this is a tax on us.", "3",
                     "a tax on", "comment 3", "tariffs", STANCE_AGAINST);
}

/* A country's institution that votes to extend a tariff ("The U.S. Senate
 * voted late Tuesday to extend by four years a 30% tariff") makes the
 * country its owner for the mentions after it. */
static void test_institution_extends_tariff(void **state)
{
    (void)state;
    check_one_stance("The U.S. Senate voted 53-47 late Tuesday to extend by four years a 30% tariff on solar panels "
                     "imported from Vietnam.\n\nSenator Maribel Cortez said the tariff had cost families billions.",
                     NULL, "cost families", "Maribel Cortez", "United States tariffs", STANCE_AGAINST);
    /* the vote and the extension are that tariff's, however named */
    static const char *const extension_texts[] = {
        "The U.S. Senate voted to extend by four years a 30% tariff on solar panels from Vietnam.\n\n\"A four-year "
        "extension is a sensible step,\" said Heidi Sokolowski.",
        "The U.S. Senate voted to extend a 30% tariff on solar panels from Vietnam.\n\nTrade rose.\n\nHeidi "
        "Sokolowski said the vote was a sensible step.",
        NULL};
    for (const char *const *t = extension_texts; *t; t++)
        check_one_stance(*t, NULL, "sensible", "Heidi Sokolowski", "United States tariffs", STANCE_FAVOR);
}

/* "Mexico raises tariffs ..., drawing protest from South Korea": the
 * participle answers the clause's tariff mention; a relative clause that
 * lists places is skipped whole, and the acronym in brackets after a name
 * holding nested entities is that name. */
static void test_participle_and_relative_list(void **state)
{
    (void)state;
    check_one_stance("Mexico raises tariffs on cars and steel from Asia, drawing protest from South Korea.", NULL,
                     "drawing protest from", "South Korea", "Mexico tariffs", STANCE_AGAINST);
    check_one_stance("Mexico set a 35% duty on steel.\n\nThe Mexican Steel Producers Chamber (CAMPA), whose members run "
                     "mills in Coahuila, Nuevo Leon and Michoacan, called the 35% duty \"a lifeline\" for an industry.",
                     NULL, "a lifeline", "Mexican Steel Producers Chamber", "Mexico tariffs", STANCE_FAVOR);
}

/* "the safeguard", "the change", "the findings" and "the new rate" stand
 * for the article's tariff when its owner is known, whatever measure the
 * article names first; a safeguard asked for ("an emergency safeguard")
 * stays a safeguard, named without how urgent it is. */
static void test_nouns_standing_for_tariff(void **state)
{
    (void)state;
    static const char *const standing[] = {
        "Japan raised its tariff on beef to 38.5% under a quota system.\n\nTrade Minister Ken Aoki defended the "
        "safeguard.",
        "Japan set a 38.5% tariff on beef.\n\nTrade Minister Ken Aoki defended the change.",
        "Japan set a 38.5% tariff on beef.\n\nTrade Minister Ken Aoki defended the findings.",
        "Japan set a 38.5% tariff on beef.\n\nTrade Minister Ken Aoki defended the new rate.",
        NULL};
    for (const char *const *t = standing; *t; t++)
        check_one_stance(*t, NULL, "defended", "Ken Aoki", "Japan tariffs", STANCE_FAVOR);
    check_one_stance("Japan set a 38.5% tariff on beef.\n\nTrade Minister Ken Aoki rejected an emergency safeguard.",
                     NULL, "rejected", "Ken Aoki", "safeguard", STANCE_AGAINST);
}

/* A customs union owns its common tariff as a country does, and a
 * dateline opening the sentence does not hide who imposes it. */
static void test_customs_union_after_dateline(void **state)
{
    (void)state;
    check_one_stance("RIYADH (Gulf Wire) - The Gulf Cooperation Council will impose anti-dumping duties of 18.6% on "
                     "ceramic tiles from India.\n\nThe Morbi Ceramic Manufacturers Federation called the duties "
                     "\"unjustified\".",
                     NULL, "unjustified", "Morbi Ceramic Manufacturers Federation", "Gulf Cooperation Council tariffs",
                     STANCE_AGAINST);
    check_one_stance("LONDON (Reuters) - Mexico will impose duties of 18.6% on ceramic tiles from India.\n\nThe Morbi "
                     "Ceramic Manufacturers Federation called the duties \"unjustified\".",
                     NULL, "unjustified", "Morbi Ceramic Manufacturers Federation", "Mexico tariffs", STANCE_AGAINST);
}

/* The subject of a clause that "as" opens imposes what its verb sets, also
 * a second verb after "and": "Switzerland protests as EU halves Swiss quota
 * and adds 40% duty" is the EU's duty. */
static void test_imposer_in_subordinate_clause(void **state)
{
    (void)state;
    static const char *const text = "Switzerland protests as EU halves Swiss quota and adds 40% duty\n\nZURICH - "
                                    "Trade Commissioner Pekka Lindqvist defended the safeguard in Brussels.";
    check_one_stance(text, NULL, "protests", "Switzerland", "European Union tariffs", STANCE_AGAINST);
    check_one_stance(text, NULL, "defended", "Pekka Lindqvist", "European Union tariffs", STANCE_FAVOR);
}

/* "It" opening a sentence after one that opens with an organisation is
 * that organisation; a calling verb makes an evaluation before a noun a
 * judgement of its object ("called the agreement "a fair trade""), and
 * the object ends before the "a" ("calling the step a proportionate
 * answer"). */
static void test_it_organisation_and_called_phrase(void **state)
{
    (void)state;
    check_one_stance("Brazil and the U.S. signed a trade deal.\n\nThe Franca Footwear Industry Union represents 400 "
                     "factories. It welcomed the deal.",
                     NULL, "welcomed", "Franca Footwear Industry Union", "deal", STANCE_FAVOR);
    check_one_stance("Brazil and the U.S. signed a trade deal.\n\nTrade Representative Caroline Whitcomb called the "
                     "agreement \"a fair trade for both sides\".",
                     NULL, "fair", "Caroline Whitcomb", "agreement", STANCE_FAVOR);
    check_one_stance("Brazil and the U.S. signed a trade deal.\n\nMinister Harish Venkataraman called the plan a "
                     "proportionate answer.",
                     NULL, "proportionate", "Harish Venkataraman", "plan", STANCE_FAVOR);
}

/* A question a named speaker asks in a quotation is asked against the
 * measure in context; one asking why one should give something up is
 * not. */
static void test_quoted_question(void **state)
{
    (void)state;
    check_one_stance("The Gulf Cooperation Council will impose anti-dumping duties of 18.6% on ceramic tiles from "
                     "India.\n\n\"We opened our books. What more did they want from us?\" said Hasmukh Patel.",
                     NULL, "What more", "Hasmukh Patel", "Gulf Cooperation Council tariffs", STANCE_AGAINST);
    static const char *const none[] = {"The ban on nickel ore exports began in 2020.\n\n\"Why should we give that "
                                       "up so that mills in Europe can run on our ore?\" said Yusuf Prasetyo.",
                                       NULL};
    check_no_stance(none);
}

/* The country asked to end a tariff right after it owns it: "orders Peru
 * to scrap 15% surcharge". */
static void test_asked_to_end_owns(void **state)
{
    (void)state;
    check_one_stance("Andean court orders Peru to scrap 15% surcharge on Bolivian quinoa\n\n\"The surcharge added "
                     "about $140 a tonne to every container we shipped,\" said Javier Ruiz-Tagle.",
                     NULL, "added about $140 a tonne to", "Javier Ruiz-Tagle", "Peru tariffs", STANCE_AGAINST);
}

/* "described the measure as short-sighted": "as" joins the described
 * thing to its evaluation, as nothing does after "called". */
static void test_described_as(void **state)
{
    (void)state;
    check_one_stance("Turkey imposed a 22% anti-dumping duty on rebar from Ukraine.\n\nIts chairman, Okan Demirtas, "
                     "described the measure as short-sighted.",
                     NULL, "short-sighted", "Okan Demirtas", "Turkey tariffs", STANCE_AGAINST);
}

/* A quota whose sentence sets a tariff above it is a tariff-rate quota:
 * "the measure" is that tariff. A phrase ends before "during". */
static void test_quota_with_tariff_and_during(void **state)
{
    (void)state;
    check_one_stance("The European Union adopted a safeguard that cuts the duty-free quota for Swiss rebar by half and "
                     "puts a 40% tariff on rebar shipped above it.\n\nUnder the measure, mills may ship 210,000 tonnes "
                     "a year without paying duty.\n\nReussthal Stahl AG said the measure would force it to idle one of "
                     "its rolling lines.",
                     NULL, "would force it to idle", "Reussthal Stahl AG", "European Union tariffs", STANCE_AGAINST);
    check_one_stance("The European Union adopted a safeguard that puts a 40% tariff on rebar.\n\nThe Southern Baden "
                     "Construction Association lobbied against the safeguard during the consultation.",
                     NULL, "lobbied against", "Southern Baden Construction Association", "European Union tariffs",
                     STANCE_AGAINST);
}

/* A speech verb in a relative clause set off by commas names no speaker
 * for the main clause: its subject holds the stance. */
static void test_relative_clause_speaker(void **state)
{
    (void)state;
    const char *vote = "The U.S. Senate voted to extend a 25% tariff on Vietnamese solar panels.\n\n";
    char text[512];
    snprintf(text, sizeof text, "%sThe U.S. Solar Manufacturers Council, whose members have announced about $7 "
             "billion of new U.S. factories since 2023, endorsed the bill.", vote);
    check_one_stance(text, NULL, "endorsed", "U.S. Solar Manufacturers Council", "United States tariffs", STANCE_FAVOR);
    snprintf(text, sizeof text, "%sSenator Warren Albright, the Ohio Republican who wrote the bill, praised the vote.",
             vote);
    check_one_stance(text, NULL, "praised", "Warren Albright", "United States tariffs", STANCE_FAVOR);
}

/* "lists 46 Indian products for 20% duty": the country that lists goods
 * for a duty owns it, whatever the goods' nationality. */
static void test_lister_owns_duty(void **state)
{
    (void)state;
    check_one_stance("Bangladesh lists 46 Indian products for 20% duty in jute row\n\nThe Jute Goods Exporters "
                     "Federation welcomed the list.",
                     NULL, "welcomed", "Jute Goods Exporters Federation", "Bangladesh tariffs", STANCE_FAVOR);
}

/* A clause "when" opens has its own subject, which holds its act; a noun
 * after a possessive ("South Africa's benefits") is no effect verb. Each
 * text gives its one stance only. */
static void test_when_clause_and_possessed_effect(void **state)
{
    (void)state;
    const char *texts[][3] = {
        {"South Africa raised its duty on frozen chicken to 62%.\n\nThe Democratic Reform Party voted against the new "
         "tariff schedule when Parliament's trade committee approved it on Wednesday.",
         "voted against", "Democratic Reform Party"},
        {"South Africa raised its duty on frozen chicken to 62%.\n\nThe American Poultry Export Federation called the "
         "duty \"a step backwards\" and urged the U.S. Trade Representative to weigh it in the next review of South "
         "Africa's benefits.",
         "a step backwards", "American Poultry Export Federation"},
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        fixture f;
        annotate(&f, texts[i][0], NULL);
        check_stance(&f, texts[i][1], texts[i][2], "South Africa tariffs", STANCE_AGAINST);
        assert_int_equal(f.doc.stance_count, 1);
        release(&f);
    }
}

/* A reader's bare verdict on news of a tariff cut is on the cut: against
 * the tariff; on news of a cut refused, it stays for the tariff. */
static void test_verdict_on_eased_tariff(void **state)
{
    (void)state;
    const char *headlines[] = {"Brazil to halve ethanol tariff in U.S. deal", "Brazil refuses to cut ethanol tariff"};
    int polarities[] = {STANCE_AGAINST, STANCE_FAVOR};
    for (size_t i = 0; i < 2; i++) {
        char text[256];
        int article = snprintf(text, sizeof text, "%s\n\nBrazil set an 18%% tariff on U.S. ethanol in 2020.\n\n",
                               headlines[i]);
        snprintf(text + article, sizeof text - (size_t)article, "Finally.");
        fixture f;
        annotate_page(&f, text, (size_t)article, "1");
        check_stance(&f, "Finally", "comment 1", "Brazil tariffs", polarities[i]);
        release(&f);
    }
}

/* A tariff whose owner the text leaves unsaid is the headline's country's,
 * or for a common tariff the headline's bloc's; a coordinated tariff of
 * many countries stays no one's. A country before the goods of a group in
 * the headline is where they come from ("Maldives tuna canners"), but not
 * before the goods of a measure ("US steel safeguard"). */
static void test_headline_owns_tariff(void **state)
{
    (void)state;
    const char *texts[] = {
        "EU court scraps duties on Chinese scooters\n\nThe General Court annulled anti-dumping duties of up to 40% on "
        "electric scooters from China on Tuesday.\n\nLina Berg, who heads the Scooter Importers Association, said "
        "the duties were unfair.\n",
        "ECOWAS raises common external tariff on shoes\n\nThe bloc will charge 35% on imported shoes from "
        "January.\n\nThe Lagos Traders Union said the common external tariff was unfair.\n",
        "G20 ministers weigh coordinated tariff on steel\n\nThe ministers discussed a coordinated 30% tariff on "
        "steel.\n\nThe Steel Users Federation said the tariff was unfair.\n",
        "Maldives tuna canners brace as EU preference ends\n\nCanned tuna will pay a 24% duty from "
        "January.\n\nThe Male Canners Guild said the duty was unfair.\n",
        "US steel safeguard extended to 2027\n\nImports will pay a 25% duty.\n\nThe Steel Users Federation said "
        "the duty was unfair.\n"};
    const char *holders[] = {"Lina Berg", "Lagos Traders Union", "Steel Users Federation", "Male Canners Guild",
                             "Steel Users Federation"};
    const char *targets[] = {"European Union tariffs", "Economic Community of West African States tariffs", "tariffs",
                             "European Union tariffs", "United States tariffs"};
    for (size_t i = 0; i < 5; i++) {
        fixture f;
        annotate_page(&f, texts[i], 0, NULL);
        check_stance(&f, "unfair", holders[i], targets[i], STANCE_AGAINST);
        release(&f);
    }
}

/* A quoted question in a sentence of its own is asked for effect by the
 * quotation's speaker, named after it or in the sentence before. */
static void test_quoted_question_alone(void **state)
{
    (void)state;
    const char *article = "The United States set a 25% tariff on tequila.\n\n";
    char text[512];
    snprintf(text, sizeof text, "%s\"Bartenders did not sign the treaty,\" said Meredith Cole. \"Why is it their "
             "problem?\"", article);
    check_one_stance(text, NULL, "Why is", "Meredith Cole", "United States tariffs", STANCE_AGAINST);
    snprintf(text, sizeof text, "%s\"Who pays for the ships we booked?\" Thanh Le asked.", article);
    check_one_stance(text, NULL, "Who pays", "Thanh Le", "United States tariffs", STANCE_AGAINST);
}

/* A province levies in its own name; a city stands for its country. */
static void test_province_owns_its_levy(void **state)
{
    (void)state;
    check_one_stance("Manitoba set a levy of C$6 per megawatt-hour on power exports to Minnesota.\n\nThe Power Users "
                     "Group said the levy was unfair.",
                     NULL, "unfair", "Power Users Group", "Manitoba tariffs", STANCE_AGAINST);
    check_one_stance("Canada and the United States argued.\n\nOttawa set a levy of 25% on U.S. steel.\n\nThe Steel "
                     "Users Group said the levy was unfair.",
                     NULL, "unfair", "Steel Users Group", "Canada tariffs", STANCE_AGAINST);
}

/* "if you really must" concedes and sets no condition. */
static void test_concession_is_no_condition(void **state)
{
    (void)state;
    check_comment_stance("Mexico raised its tariff on cars from Asia to 50%.\n\n",
                         "Scrap the car tariff, and keep the steel one if you really must.", "2", "Scrap",
                         "comment 2", "Mexico tariffs", STANCE_AGAINST);
}

/* "Tell that to ..." retorts to whoever spoke, or called something
 * something, in the sentence before. */
static void test_retort(void **state)
{
    (void)state;
    check_comment_stance("Senator Curtis Dahlgren said the 50% tariff on Canadian aluminium was overdue.\n\n",
                         "Dahlgren calls it overdue. Tell that to the guys at the extrusion plants in Toledo.", "3",
                         "Tell that to", "comment 3", "Curtis Dahlgren", STANCE_AGAINST);
}

/* A question asked for effect two paragraphs after the last tariff
 * mention is about the article's tariff. */
static void test_rhetorical_far_from_tariff(void **state)
{
    (void)state;
    check_one_stance("The EU put a 40% tariff on Swiss rebar above the quota.\n\nMills in Italy said the safeguard was "
                     "overdue.\n\nBuilders in Freiburg expect to pay more. \"Why should a contractor in Freiburg pay "
                     "40% more?\" asked Markus Klenk.",
                     NULL, "Why should a contractor in Freiburg pay", "Markus Klenk", "European Union tariffs",
                     STANCE_AGAINST);
}

/* Under a headline that cuts a tariff, "the bill" is the bill, "the tariff
 * cut" is the cut as written, and "for doing their job" praises nobody. */
static void test_tariff_cut_article(void **state)
{
    (void)state;
    static const char text[] =
        "Fiji to phase out 32% tariff on biscuits\n\nSUVA (Pacific Wire) - Fiji will phase out its 32% tariff on "
        "biscuits.\n\nRohit Chand called the tariff cut \"a slow death for Fijian factories\".\n\nMere Tikoisuva "
        "voted against the bill.\n\n\"This duty punishes Tunisian workers for doing their job well,\" said Karim "
        "Haddad.";
    fixture f;
    annotate_page(&f, text, 0, NULL);
    check_stance(&f, "a slow death for", "Rohit Chand", "tariff cut", STANCE_AGAINST);
    check_stance(&f, "voted against", "Mere Tikoisuva", "bill", STANCE_AGAINST);
    check_stance(&f, "punishes", "Karim Haddad", "Fiji tariffs", STANCE_AGAINST);
    assert_int_equal(f.doc.stance_count, 3);
    release(&f);
}

/* A ban the headline names by its verb: those who cry foul at it and a
 * reader's bare verdict are on the "ban". */
static void test_ban_named_by_verb(void **state)
{
    (void)state;
    char text[256];
    int article = snprintf(text, sizeof text, "%s\n\nHungary will stop exports of firewood from December 1.\n\n",
                           "Austria and Slovakia cry foul as Hungary bans firewood exports");
    snprintf(text + article, sizeof text - (size_t)article, "Good.");
    fixture f;
    annotate_page(&f, text, (size_t)article, "2");
    check_stance(&f, "cry foul", "Austria", "ban", STANCE_AGAINST);
    check_stance(&f, "Good", "comment 2", "ban", STANCE_FAVOR);
    release(&f);
}

/* A place after "in" is where something was said, no owner of the
 * measure named after it. */
static void test_place_said_in_owns_nothing(void **state)
{
    (void)state;
    check_one_stance("India raised its duty on smartphone parts to 20%.\n\nWang Tao told a briefing in Beijing that "
                     "the duties were not consistent with WTO rules.",
                     NULL, "not consistent with", "Wang Tao", "India tariffs", STANCE_AGAINST);
}

/* A nationality that qualifies a common noun holds nothing ("Not every
 * Mexican manufacturer is pleased"), nor does a country ordered to act
 * ("orders Peru to scrap"); a government's forces do. */
static void test_qualifier_and_ordered_hold_nothing(void **state)
{
    (void)state;
    check_no_stance((const char *const[]){
        "Mexico raised its steel duty to 35%.\n\nNot every Mexican manufacturer is pleased with the steel duty.",
        "Andean court orders Peru to scrap 15% surcharge on Bolivian quinoa.", NULL});
    check_one_stance("Kurdish forces were defending the city.", NULL, "defending", "Kurdish", "city", STANCE_FAVOR);
}

/* "They" doing what a measure does stands for the tariff named before it
 * in its paragraph. */
static void test_they_for_tariff(void **state)
{
    (void)state;
    check_one_stance("Colombia imposed anti-dumping duties of up to 44.9% on European frozen fries.\n\n\"The duties "
                     "will not put one more potato on a plate. They will only make the plate more expensive,\" said "
                     "Monica Salgado.",
                     NULL, "will only make the plate more expensive", "Monica Salgado", "Colombia tariffs",
                     STANCE_AGAINST);
}

/* A place after "on" is where the speakers are, not who speaks. */
static void test_speaker_not_on_a_place(void **state)
{
    (void)state;
    /* a place after "on" is no holder, nor the group it places */
    check_no_stance((const char *const[]){"Peru put a 15% surcharge on Bolivian quinoa.\n\nGrowers on Bolivia's "
                                          "southern Altiplano said the surcharge had cost them dearly.",
                                          NULL});
}

/* Readers back a person who "said it best" or "is doing her job", and a
 * deal that "is a good one" whatever someone else says: conceding what
 * another says gives that other no stance. */
static void test_reader_praise(void **state)
{
    (void)state;
    check_one_stance("Valeria Cevallos said it best.", "1", "said it best", "comment 1", "Valeria Cevallos",
                     STANCE_FAVOR);
    check_one_stance("Minister Sayaka Ishiguro is doing her job.", "3", "doing her job", "comment 3", "Sayaka Ishiguro",
                     STANCE_FAVOR);
    check_one_stance("The deal is a good one, whatever the British Textile Manufacturers' Confederation says.", "3",
                     "a good one", "comment 3", "deal", STANCE_FAVOR);
    check_one_stance("Severino Maranhão said it right, this deal is a betrayal.", "2", "said it right", "comment 2",
                     "Severino Maranhão", STANCE_FAVOR);
    check_one_stance("Minister Ricardo Lins got this one right.", "1", "got this one right", "comment 1", "Ricardo Lins",
                     STANCE_FAVOR);
    check_one_stance("Brazil and the U.S. signed a trade deal.\n\nMarcos Figueiredo said the deal had come just in time.",
                     NULL, "had come just in time", "Marcos Figueiredo", "deal", STANCE_FAVOR);
}

/* A reader's "and then complains" faults whoever does both, not their
 * measure; a capital stands for the government the document names. */
static void test_double_standards_and_capitals(void **state)
{
    (void)state;
    check_one_stance("Brazil keeps an 18% duty on our ethanol and then cries foul when we answer?", "3", "cries foul",
                     "comment 3", "Brazil", STANCE_AGAINST);
    check_one_stance("China has wanted our wine out for years, and now it calls that dumping?", "2",
                     "calls that dumping", "comment 2", "China", STANCE_AGAINST);
    check_one_stance("Australia imposed duties. Canberra keeps its own duties on steel wire and then complains?", "3",
                     "complains", "comment 3", "Australia", STANCE_AGAINST);
    check_one_stance("South Korea faces the duties. Seoul condemned the decision.", NULL, "condemned", "South Korea",
                     "tariffs", STANCE_AGAINST);
}

/* An objection with no object is to the measure in context, also in the
 * paragraph before; "the increase" names the tariff raised paragraphs
 * earlier; a passive with no agent holds nothing. */
static void test_objection_and_increase_in_context(void **state)
{
    (void)state;
    check_one_stance("The U.S. duties on lumber rose on Monday.\n\nSouth Africa also objected.", NULL, "objected",
                     "South Africa", "United States tariffs", STANCE_AGAINST);
    check_one_stance("The U.S. duties on lumber rose to 31%.\n\nMills cut shifts.\n\nThe American Home Builders "
                     "Alliance opposed the increase.",
                     NULL, "opposed", "American Home Builders Alliance", "United States tariffs", STANCE_AGAINST);
    check_one_stance("The U.S. duties on lumber rose to 31%.\n\nMills cut shifts.\n\nKaren Lindqvist called the "
                     "increase \"a penalty for running efficient mills\".",
                     NULL, "a penalty for", "Karen Lindqvist", "United States tariffs", STANCE_AGAINST);
    check_no_stance((const char *const[]){"The U.S. duties on lumber rose on Monday. The move was welcomed.",
                                          "The regulator imposed a penalty on the bank.", NULL});
}

/* A verdict that is a whole sentence judges the measure in context, also
 * one named after it in the same comment; the article states none. */
static void test_verdict_sentences(void **state)
{
    (void)state;
    check_one_stance("Stupid policy. Consumers pay the tariff, not China.", "2", "Stupid policy", "comment 2", "tariffs",
                     STANCE_AGAINST);
    check_one_stance("The U.S. tariffs stay. Good move by the administration.", "4", "Good move", "comment 4",
                     "United States tariffs", STANCE_FAVOR);
    check_no_stance((const char *const[]){"The U.S. tariffs stay. Good move by the administration.",
                                          "It was a good move for the farmers.", NULL});
}

/* Calling for retaliation is against the measure answered, named before
 * it (a tariff after it is the answer); a condition in a second reported
 * clause ("and that ... if") leaves the first its stance. */
static void test_retaliation_and_second_report(void **state)
{
    (void)state;
    check_one_stance("The U.S. tariffs on steel took effect. Japan called for swift retaliation.", NULL, "called for",
                     "Japan", "United States tariffs", STANCE_AGAINST);
    check_no_stance((const char *const[]){"Ruritania called for retaliation and a 50% tariff on steel.", NULL});
    /* the measure answered opens the document (its first token) */
    check_one_stance("Tariffs rise.\n\nJapan called for swift retaliation.", NULL, "called for", "Japan", "tariffs",
                     STANCE_AGAINST);
    check_one_stance("Ann Lee said Japan would not accept the U.S. tariffs, and that Tokyo would go to the WTO if "
                     "talks failed.",
                     NULL, "accept", "Ann Lee", "United States tariffs", STANCE_AGAINST);
}

/* "the controls" is the measure named before with its modifier, less a
 * word like "new". */
static void test_named_controls(void **state)
{
    (void)state;
    check_one_stance("China tightened its new export controls on gallium. Ann Lee said the controls were unfair.",
                     NULL, "unfair", "Ann Lee", "export controls", STANCE_AGAINST);
}

/* Agreements: a good credited to one is for it, blocking or not
 * ratifying it against it; "it" doing something good is a measure, never
 * an entity named before it; gaining from one is no stance on it. */
static void test_agreement_effects(void **state)
{
    (void)state;
    check_one_stance("The EU signed the agreement. Paulo Lima said the agreement would benefit both sides.", NULL,
                     "would benefit", "Paulo Lima", "agreement", STANCE_FAVOR);
    check_one_stance("Ireland vowed to block the deal.", NULL, "vowed to block", "Ireland", "deal", STANCE_AGAINST);
    check_one_stance("Poland said it would not ratify the agreement.", NULL, "ratify", "Poland", "agreement",
                     STANCE_AGAINST);
    fixture f;
    annotate(&f, "EU Trade Commissioner Anna Berg defended the deal, saying it would open markets.", NULL);
    check_stance(&f, "defended", "Anna Berg", "deal", STANCE_FAVOR);
    assert_int_equal(f.doc.stance_count, 1);
    release(&f);
    check_no_stance((const char *const[]){"Ann Lee said farmers would benefit from the deal.", NULL});
}

/* "Good for" opening a sentence backs who follows; after a copula it
 * judges the subject. */
static void test_good_for(void **state)
{
    (void)state;
    check_one_stance("Nice. Good for Minister Yoon Seo-jin.", "2", "Good for", "comment 2", "Yoon Seo-jin",
                     STANCE_FAVOR);
    check_one_stance("\"This agreement is good for Brazil,\" Paulo Saraiva said.", NULL, "good for", "Paulo Saraiva",
                     "agreement", STANCE_FAVOR);
}

/* A sentence opening by telling someone to bring in a measure demands it;
 * the same verb after its subject reports an act. */
static void test_imperative_demand(void **state)
{
    (void)state;
    check_one_stance("Hume is wrong. Put the levy on now and argue about it later.", "2", "Put", "comment 2",
                     "tariffs", STANCE_FAVOR);
    fixture f;
    annotate(&f, "They put tariffs on steel.", "1");
    assert_int_equal(f.doc.stance_count, 0);
    release(&f);
}

/* A nationality qualifying a noun that a name in commas then names is no
 * holder: the name is, or nobody when it is no entity. */
static void test_nationality_describing_named_noun(void **state)
{
    (void)state;
    check_one_stance("The Spanish olive oil producers' association, the Iberian Olive Growers Association, "
                     "condemned the tariffs.",
                     NULL, "condemned", "Iberian Olive Growers Association", "tariffs", STANCE_AGAINST);
    check_no_stance((const char *const[]){
        "Spanish growers condemned the tariffs.",
        "The Spanish olive oil producers' association, Aceites de Espana, condemned the tariffs.", NULL});
}

/* Standing by or with something supports it; coercion and disproportion
 * fault what they judge; standing by and watching states nothing. */
static void test_standing_and_coercion(void **state)
{
    (void)state;
    check_one_stance("Spain stands by its digital services tax.", NULL, "stands by", "Spain", "digital services tax",
                     STANCE_FAVOR);
    check_one_stance("The U.S. tariffs took effect. The tariffs are blackmail.", "2", "blackmail", "comment 2",
                     "United States tariffs", STANCE_AGAINST);
    check_no_stance((const char *const[]){"Spain stood by and watched the talks fail.", NULL});
}

/* A country before a noun after a determiner qualifies it: "the U.S.
 * threat" is the threat, and, a measure noun in a document that mentions a
 * tariff, the country's tariffs; "the Israeli government" is Israel. */
static void test_qualified_measure(void **state)
{
    (void)state;
    check_one_stance("Washington proposed tariffs of 25% on olive oil. The European Commission called the U.S. "
                     "threat \"out of proportion to the dispute.\"",
                     NULL, "out of proportion", "European Commission", "United States tariffs", STANCE_AGAINST);
    check_one_stance("The European Commission called the U.S. request \"out of proportion to the dispute.\"", NULL,
                     "out of proportion", "European Commission", "request", STANCE_AGAINST);
    check_one_stance("Israel closed the border. Syria said the Israeli government was absurd.", NULL, "absurd", "Syria",
                     "Israel", STANCE_AGAINST);
}

/* "Chile will keep its 8% duty" names Chile as the owner of its duty, which
 * counts when no owner is named nearer: "the duty" before it is Chile's. A
 * reader comment's own mentions count for that comment only. */
static void test_owner_through_its(void **state)
{
    (void)state;
    check_one_stance("Peru called the duty a breach of the pact.\n\nChile will keep its 8% duty on copper, Ana Ruiz "
                     "said.",
                     NULL, "a breach of", "Peru", "Chile tariffs", STANCE_AGAINST);
    check_one_stance("Peru called the duty a breach of the pact. Chile will keep its 8% duty on copper.", "3",
                     "a breach of", "Peru", "Chile tariffs", STANCE_AGAINST);
}

/* A tariff on goods takes the owner of an earlier mention of a tariff on
 * the same goods whose owner the text named, before the owner the text
 * named last. */
static void test_owner_of_the_same_goods(void **state)
{
    (void)state;
    const char *text = "Peru rejects U.S. copper tariff.\n\nPeru will keep its own duties on cars. The Copper Users "
                       "Council urged the administration to drop the copper tariff.";
    check_one_stance(text, NULL, "urged", "Copper Users Council", "United States tariffs", STANCE_AGAINST);
}

/* A tariff on a country's goods is not that country's, though the document
 * named it last as an owner: then the owner it names most, if another. */
static void test_owner_never_the_country_hit(void **state)
{
    (void)state;
    const char *text = "Peru rejects U.S. copper tariff.\n\nA 25% tariff on Peruvian zinc starts in May. Peru will "
                       "keep its own duties on cars. The Zinc Users Council welcomed the zinc tariff.";
    check_one_stance(text, NULL, "welcomed", "Zinc Users Council", "United States tariffs", STANCE_FAVOR);
}

/* A part of something is judged with the whole: the target is what the
 * part is of. */
static void test_partitive_target(void **state)
{
    (void)state;
    check_one_stance("Harjit Sandhu rejected parts of the ruling.", NULL, "rejected", "Harjit Sandhu", "ruling",
                     STANCE_AGAINST);
    check_one_stance("Harjit Sandhu rejected most of the proposals.", NULL, "rejected", "Harjit Sandhu",
                     "proposals", STANCE_AGAINST);
    /* a participle such as "making" opens what the noun does */
    check_one_stance("The Mato Grosso Growers Federation urged Congress to pass a bill making customs an essential "
                     "service.",
                     NULL, "urged", "Mato Grosso Growers Federation", "bill", STANCE_FAVOR);
}

/* What a ban, a quota or a cap does to someone is a harm laid at it, as
 * for a levy. */
static void test_measure_harm(void **state)
{
    (void)state;
    check_one_stance("The ban only makes it worse, said Ana Diaz.", NULL, "only makes it worse", "Ana Diaz", "ban",
                     STANCE_AGAINST);
    check_one_stance("The export cap will make farmers poorer, said Ana Diaz.", NULL, "will make farmers poorer",
                     "Ana Diaz", "export cap", STANCE_AGAINST);
}

/* A body asked to act is no target, even one no entity names: what it is
 * asked to end is. */
static void test_asked_body_is_no_target(void **state)
{
    (void)state;
    check_one_stance("Raymond Thibodeaux said he would ask the state to drop the permit.", NULL, "ask",
                     "Raymond Thibodeaux", "permit", STANCE_AGAINST);
    /* a fee charged on goods is a levy, its owner's */
    check_one_stance("Mississippi charges a 40-cent fee on imported catfish. Raymond Thibodeaux said he would ask "
                     "the state to drop the fee.",
                     NULL, "ask", "Raymond Thibodeaux", "Mississippi tariffs", STANCE_AGAINST);
}

/* A place after a locative only says where the subject of an evaluation
 * is: it is not what the evaluation judges. */
static void test_located_subject_is_no_target(void **state)
{
    (void)state;
    static const char *const texts[] = {"Vasyl Kovalchuk said a man with 40 hives in Poltava is a threat to Europe.",
                                        NULL};
    check_no_stance(texts);
    /* nor the place a sentence opens in, for what "it" stands for */
    fixture f;
    annotate(&f,
             "Egypt set a fee on cotton exports. In Mahalla el-Kubra, the Egyptian Federation of Yarn Spinners "
             "welcomed the decision and called it \"a lifeline\" for mills.",
             NULL);
    for (size_t k = 0; k < f.doc.stance_count; k++)
        assert_string_not_equal(doc_string(&f.doc, f.doc.stances[k].target), "Mahalla el-Kubra");
    release(&f);
}

/* "the countermeasure" is the tariff named before it, as "the measures" is. */
static void test_countermeasure_is_the_tariff(void **state)
{
    (void)state;
    check_one_stance("China imposed a 15% tariff on EU pulp on Monday.\n\nThe countermeasure, said Gao Weiming, "
                     "was proportionate.",
                     NULL, "proportionate", "Gao Weiming", "China tariffs", STANCE_FAVOR);
}

/* With no owner in the text or the headline, a tariff is the country the
 * story is filed from, unless it falls on that country. */
static void test_owner_from_dateline(void **state)
{
    (void)state;
    check_one_stance("KARACHI (Indus Wire) - Imports of betel nuts from Indonesia fell after Pakistan changed "
                     "its customs rules last year.\n\nThe duty has hurt every shop in the city, said Ali Raza, "
                     "a trader.",
                     NULL, "has hurt", "Ali Raza", "Pakistan tariffs", STANCE_AGAINST);
    /* a dateline is where the story opens, not a later paragraph in
     * capitals; a city seating a bloc gives no owner */
    check_one_stance("Betel nut traders from across Pakistan met on Monday.\n\nKARACHI - where most of them work - "
                     "is the largest market.\n\nThe duty has hurt every shop in the city, said Ali Raza, a trader.",
                     NULL, "has hurt", "Ali Raza", "tariffs", STANCE_AGAINST);
    check_one_stance("BRUSSELS (Indus Wire) - The European Union said on Monday that talks would go on.\n\nThe duty "
                     "on European cheese has hurt every shop in the city, said Ali Raza, a trader.",
                     NULL, "has hurt", "Ali Raza", "tariffs", STANCE_AGAINST);
    check_one_stance("JAKARTA (Indus Wire) - Imports of betel nuts from Indonesia fell after Pakistan changed "
                     "its customs rules last year.\n\nThe duty on Indonesian nuts has hurt every farm in the "
                     "province, said Ali Raza, a grower.",
                     NULL, "has hurt", "Ali Raza", "tariffs", STANCE_AGAINST);
}

/* A measure whose owner the text never names, with no headline or dateline
 * to tell, is the country the article names most, if one leads; a country
 * the cue's own sentence names is no owner of a measure held against. */
static void test_owner_named_most(void **state)
{
    (void)state;
    check_one_stance("A federal panel in Israel met on Monday.\n\nGrowers in Israel want the duties kept for five "
                     "more years.\n\nThe duties have added $40 to every crate, said Ann Lee, a grocer.",
                     NULL, "have added $40 to", "Ann Lee", "Israel tariffs", STANCE_AGAINST);
    /* Israel and Jordan named once each: no country leads */
    check_one_stance("A federal panel in Israel met on Monday with officials from Jordan.\n\nThe duties have "
                     "added $40 to every crate, said Ann Lee, a grocer.",
                     NULL, "have added $40 to", "Ann Lee", "tariffs", STANCE_AGAINST);
    check_one_stance("A federal panel met on Monday.\n\nIsrael and Jordan ended their talks, and the duties have "
                     "added $40 to every crate in Israel, said Ann Lee, a grocer.",
                     NULL, "have added $40 to", "Ann Lee", "tariffs", STANCE_AGAINST);
}

/* A body's proposal is the proposal, what it holds is the body; a speaker
 * named after "while" speaks in a clause of their own, not for the cue. */
static void test_possessed_proposal_and_while_clause(void **state)
{
    (void)state;
    check_one_stance("The Ministry of Finance proposed a cut in the import tax on electric motorbikes.\n\nRong Viet "
                     "Electric Vehicles JSC criticised the ministry's proposal as \"a gift to importers\", while "
                     "Deputy Finance Minister Vu Thi Hong Nhung said the ministry would listen.",
                     NULL, "criticised", "Rong Viet Electric Vehicles JSC", "proposal", STANCE_AGAINST);
    check_one_stance("The Argentine Chamber of Steel Users put the cost at $90 million.\n\nJulia Ortiz rejected the "
                     "chamber's cost estimate.",
                     NULL, "rejected", "Julia Ortiz", "Argentine Chamber of Steel Users", STANCE_AGAINST);
}

/* "and" before a determiner and a noun that a copula follows opens a
 * clause of its own: the noun is what its cue judges. */
static void test_and_opens_judged_clause(void **state)
{
    (void)state;
    check_comment_stance("Anastasia Kyriazopoulou defended the new taxi rules.\n\n",
                         "Kyriazopoulou is right and the strike is a disgrace.", "2", "a disgrace", "comment 2",
                         "strike", STANCE_AGAINST);
    /* "and" joining two nouns opens no clause */
    check_one_stance("Ann Lee said the tariffs and the quota are a disgrace.", NULL, "a disgrace", "Ann Lee", "tariffs",
                     STANCE_AGAINST);
}

/* A place inside what describes the name before the speech verb ("X, a
 * company that sells to Lisbon, said") is no speaker; a company after "a
 * spokesman for" in a sentence opening with a place is. */
static void test_speaker_before_apposition(void **state)
{
    (void)state;
    check_one_stance("Portugal will impose a levy on Moroccan sardines.\n\nConservas Ribamar, S.A., a Matosinhos company that "
                     "sells tinned fish from Lisbon to Montreal, said a levy would add about 1.2 million euros a year "
                     "to its costs.",
                     NULL, "would add about 1.2 million euros a year to its costs", "Conservas Ribamar, S.A.",
                     "Portugal tariffs", STANCE_AGAINST);
    check_one_stance("Burkina Faso named Ann Lee to run its shea board.\n\nIn the Ghanaian port of Tema, a spokesman "
                     "for Volta Vegetable Oils Ltd. said the company backed Ann Lee.",
                     NULL, "backed", "Volta Vegetable Oils Ltd.", "Ann Lee", STANCE_FAVOR);
}

/* "put the blame squarely on customs" blames customs; an amount after a
 * cue ("stood up to 2 metres deep") and making sense of words are no
 * stances; "X is not the problem, Y is" defends X and blames Y. */
static void test_adverb_amount_and_problem(void **state)
{
    (void)state;
    check_one_stance("The Road Transport Federation put the blame squarely on customs.", NULL, "blame",
                     "Road Transport Federation", "customs", STANCE_AGAINST);
    check_one_stance("Ann Lee, a farmer, opposed the monopoly on salt imports.", NULL, "opposed", "Ann Lee",
                     "monopoly", STANCE_AGAINST);
    static const char *const none[] = {"Water stood up to 2 metres deep in North Jakarta, the Jakarta Emergency "
                                       "Management Office said.",
                                       "Ann Lee said she could not make sense of the legal wording.", NULL};
    check_no_stance(none);
    check_comment_stance("Bolivia set quotas on soybean exports.\n\n",
                         "The quota system is not the problem, the smugglers are.", "4", "is not the problem",
                         "comment 4", "quota system", STANCE_FAVOR);
    check_comment_stance("Morocco set a quota on textile exports.\n\n",
                         "sorry for your brother but ports are not the real problem, the quota is.", "4", "is",
                         "comment 4", "quota", STANCE_AGAINST);
}

/* A measure noun right after its cue, with "the", points back to the last
 * tariff mention in its paragraph or the one before; with none there it
 * stays the noun. */
static void test_measure_object_points_back(void **state)
{
    (void)state;
    check_one_stance("Peru rejects U.S. copper tariff.\n\nThe U.S. tariff of 25% on copper starts in May.\n\nCommerce "
                     "Secretary Ann Lee defended the measures on Monday.",
                     NULL, "defended", "Ann Lee", "United States tariffs", STANCE_FAVOR);
    check_one_stance("Commerce Secretary Ann Lee defended the measures on Monday.", NULL, "defended", "Ann Lee",
                     "measures", STANCE_FAVOR);
}

/* A levy named by its verb is a tariff mention an evaluation may judge. */
static void test_levy_named_by_its_verb(void **state)
{
    (void)state;
    check_one_stance("The juice tariff is fine. But taxing coffee is just stupid, nobody here grows it.", "2",
                     "stupid", "comment 2", "tariffs", STANCE_AGAINST);
}

/* "does nothing for" faults its subject; "Which ... is this tariff
 * supposed to protect?" asks a question whose answer is plain. */
static void test_futility(void **state)
{
    (void)state;
    check_one_stance("A tariff on steel does nothing for American workers.", "3", "does nothing for", "comment 3",
                     "tariffs", STANCE_AGAINST);
    check_one_stance("The 25% tariff on steel starts today. \"Which mill is this tariff supposed to protect?\" asked "
                     "Ann Lee.",
                     NULL, "Which mill is this tariff supposed to protect", "Ann Lee", "tariffs", STANCE_AGAINST);
}

/* A country in favour of the tariffs the context gives it defends its own;
 * against them, they are the other side's. */
static void test_holder_defends_own(void **state)
{
    (void)state;
    check_one_stance("Chile defends the duty.\n\nChile will keep its 8% duty on copper, Ana Ruiz said.", NULL,
                     "defends", "Chile", "Chile tariffs", STANCE_FAVOR);
    check_one_stance("Chile said the duty was unfair.\n\nChile will keep its 8% duty on copper, Ana Ruiz said.", NULL,
                     "unfair", "Chile", "tariffs", STANCE_AGAINST);
    /* a measure falling on another country, its owner unsaid, is the
     * defender's own, in later mentions too */
    check_one_stance("Washington raised its steel tariffs. The EU defended a 50% duty on American bourbon.", NULL,
                     "defended", "European Union", "European Union tariffs", STANCE_FAVOR);
    fixture f;
    annotate(&f, "The EU defended a 50% duty on American bourbon.\n\nDistillers called the bourbon duty \"a "
                 "self-inflicted wound\", Ann Lee said.",
             NULL);
    check_stance(&f, "a self-inflicted wound", "Ann Lee", "European Union tariffs", STANCE_AGAINST);
    release(&f);
    /* a country defends its own measure whatever the context, and a later
     * mention of it at the same rate keeps that owner, not the owner of
     * another measure at that rate */
    annotate(&f, "EU defends 50% bourbon duty\n\nWashington raised its 50% tariffs on steel. The EU defended a "
                 "50% duty on American bourbon.\n\nA 50% duty on bourbon is petty, Ann Lee said.",
             NULL);
    check_stance(&f, "defends", "European Union", "European Union tariffs", STANCE_FAVOR);
    check_stance(&f, "petty", "Ann Lee", "European Union tariffs", STANCE_AGAINST);
    release(&f);
}

/* An evaluation opening its clause right after an insertion between commas
 * judges what ends the clause before the insertion; "the tax" is the tax
 * named before by what it falls on, and stays "tax" when none was. */
static void test_interrupted_subject_and_named_tax(void **state)
{
    (void)state;
    check_one_stance("Spain will not scrap its digital services tax.\n\nThe Office of the U.S. Trade Representative "
                     "said that the tax, which Madrid has collected since 2021, discriminated against American firms.",
                     NULL, "discriminated against", "Office of the U.S. Trade Representative", "digital services tax",
                     STANCE_AGAINST);
    check_one_stance("The Office of the U.S. Trade Representative said that the tax, which Madrid has collected since "
                     "2021, discriminated against American firms.",
                     NULL, "discriminated against", "Office of the U.S. Trade Representative", "tax", STANCE_AGAINST);
}

/* A possessive before an organisation only says whose it is: the
 * organisation acts. */
static void test_possessive_before_holder(void **state)
{
    (void)state;
    check_one_stance("Chile will keep its 8% duty on copper.\n\nChile's National Mining Workers' Confederation (CONAMIN) "
                     "backed the duty.",
                     NULL, "backed", "National Mining Workers' Confederation", "Chile tariffs", STANCE_FAVOR);
}

/* With no tariff in sight, a rhetorical question asks about the measure
 * its sentence names by its noun, and retaliation answers, and "the
 * measures" are, the measure so named in its paragraph or the one before. */
static void test_named_measure_in_context(void **state)
{
    (void)state;
    check_one_stance("Indonesia keeps its nickel ore export ban.\n\nWhat exactly has the ban done for people here?",
                     "3", "What exactly has the ban done", "comment 3", "ban", STANCE_AGAINST);
    check_one_stance("China tightened its export controls on rare earths.\n\nSenator Ann Lee called for retaliation.",
                     NULL, "called for", "Ann Lee", "export controls", STANCE_AGAINST);
    check_one_stance("China tightened its export controls on rare earths.\n\nA magnet maker called the controls "
                     "harsh.\n\nA spokesman, Li Qiang, defended the measures.",
                     NULL, "defended", "Li Qiang", "export controls", STANCE_FAVOR);
}

/* An export tax is a tariff, and "the taxes" after it are that tariff (not
 * "the worst tax" of a quotation in between); a stance nobody holds is no
 * stance. */
static void test_export_taxes(void **state)
{
    (void)state;
    check_one_stance("Argentina will cut its export taxes on soybeans.\n\n\"Export taxes are the worst tax a "
                     "country can levy,\" he said.\n\nFarmers' groups called for the taxes to be abolished, Ana "
                     "Ruiz said.",
                     NULL, "called for", "Ana Ruiz", "Argentina tariffs", STANCE_AGAINST);
    check_no_stance((const char *const[]){"Nobody in Rosario defends export taxes.", NULL});
}

/* "theirs" and "yours" are the tariffs a country owned through "its" just
 * before, goods between "its" and the levy word or not; "Lift ..." opening
 * a sentence is an imperative to end them. */
static void test_possessive_pronoun_target(void **state)
{
    (void)state;
    check_one_stance("Washington started this with its steel tariffs. Keep the duties until they drop theirs.", "2",
                     "drop", "comment 2", "Washington tariffs", STANCE_AGAINST);
    check_one_stance("Canberra keeps its own duties on steel wire. Lift yours first.", "3", "Lift", "comment 3",
                     "Canberra tariffs", STANCE_AGAINST);
}

/* A reader granting a right states the reader's own view; "do this" is the
 * measure before it. */
static void test_right_granted(void **state)
{
    (void)state;
    check_one_stance("Chile keeps its 8% export duty on lithium. Chile has every right to do this.", "3",
                     "has every right to", "comment 3", "Chile tariffs", STANCE_FAVOR);
    /* a right to act is granted to the one who acts */
    check_one_stance("China has every right to protect its people.", "3", "has every right to", "comment 3", "China",
                     STANCE_FAVOR);
}

/* A reader comment that names no measure judges the article's. */
static void test_comment_judges_article_measure(void **state)
{
    (void)state;
    check_comment_stance("The EU imposed duties of 35% on Chinese electric cars.\n\n",
                         "Why should a farm in Aragon suffer for a fight it never asked for?", "2",
                         "Why should a farm in Aragon suffer", "comment 2", "European Union tariffs", STANCE_AGAINST);
}

/* Sparing goods eases the measure on them: an imperative in a comment,
 * a demand in the article; a country inside the measure before its levy
 * word owns it, whoever is named before it. */
static void test_sparing_goods(void **state)
{
    (void)state;
    check_comment_stance("South Africa calls the 30% U.S. tariff unjustified.\n\n",
                         "At least exempt the citrus and keep the fight about the rest.", "2", "exempt", "comment 2",
                         "United States tariffs", STANCE_AGAINST);
    fixture f;
    annotate(&f,
             "The U.S. tariff of 30% on citrus took effect. The Citrus Growers Council asked Washington to exempt "
             "fresh citrus.",
             NULL);
    check_stance(&f, "asked", "Citrus Growers Council", "United States tariffs", STANCE_AGAINST);
    release(&f);
}

/* A few quoted words inside reported speech are the reporter's: its
 * speaker holds them, and their object follows the closing quote. */
static void test_quoted_fragment_in_reported_speech(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "The Ministry of Commerce said on Wednesday that Cambodia \"regrets\" the decision.", NULL);
    check_stance(&f, "regrets", "Ministry of Commerce", "decision", STANCE_AGAINST);
    release(&f);
}

/* Who speaks: not a place in a relative clause between the subject and
 * its verb; for a quoted characterisation, the subject of the calling
 * verb, not a speaker the next sentence names. */
static void test_speaker_past_clauses(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "The Apparel Exporters Council, whose members ship clothing from Baltimore and Houston, warned that "
             "the duty would hurt sales.",
             NULL);
    check_stance(&f, "would hurt", "Apparel Exporters Council", "tariffs", STANCE_AGAINST);
    release(&f);
    annotate(&f,
             "The Gikomba Traders Association called the duty \"a tax on the poor.\" Its chairman, Peter Njuguna, "
             "said prices would rise.",
             NULL);
    check_stance(&f, "a tax on", "Gikomba Traders Association", "tariffs", STANCE_AGAINST);
    release(&f);
}

/* A point in time is no cue: "until the end of 2028". */
static void test_time_is_no_cue(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "The Philippines will lower its tariff until the end of 2028 under an executive order.", NULL);
    assert_int_equal(f.doc.stance_count, 0);
    release(&f);
}

/* A firm goes by the noun of its trade ("the distiller"), as a body goes
 * by its head noun ("the trust"): as a speaker after its words, as a
 * holder and as a target. A title noun is no firm ("the minister" is no
 * Council of Ministers). */
static void test_firm_by_its_trade(void **state)
{
    (void)state;
    check_one_stance("Kelso Distillers Ltd. will end its sponsorship of Ardmore Rovers FC, the distiller said on "
                     "Tuesday, blaming a 25% U.S. tariff on whisky.",
                     NULL, "blaming", "Kelso Distillers Ltd.", "United States tariffs", STANCE_AGAINST);
    check_one_stance("Kelso Distillers Ltd. ended its sponsorship of the Ardmore Supporters' Trust on Monday. The "
                     "trust condemned the distiller.",
                     NULL, "condemned", "Ardmore Supporters' Trust", "Kelso Distillers Ltd.", STANCE_AGAINST);
    check_no_stance((const char *const[]){
        "The National Farmers Union met on Monday. Afterwards, the farmer said the duties were unfair.", NULL});
    check_comment_stance("The Council of Ministers approved a 25% duty on cheese. Trade Minister Ann Lee defended "
                         "it.\n",
                         "The minister is right.", "2", "is right", "comment 2", "Ann Lee", STANCE_FAVOR);
}

/* A second verb after "and" has the subject of the first, a pronoun
 * opening the sentence however far back, not an object of the first. */
static void test_second_verb_subject(void **state)
{
    (void)state;
    check_one_stance("Colleen O'Driscoll, president of the association, spoke on Monday. She urged all three "
                     "leaders to commit to a loan guarantee for mills, and criticised Darnell MacAskill for "
                     "promising to cut fees.",
                     NULL, "criticised", "Colleen O'Driscoll", "Darnell MacAskill", STANCE_AGAINST);
    /* the names after the first verb are its objects */
    check_one_stance("Colleen O'Driscoll spoke on Monday. She urged Washington to drop the tariff before the "
                     "summer, and praised the mission for visiting importers.",
                     NULL, "praised", "Colleen O'Driscoll", "mission", STANCE_FAVOR);
    /* but a verb in an earlier clause has a subject of its own */
    check_one_stance("After Brussels criticised the levy, Colleen O'Driscoll met officials, and praised the mission.",
                     NULL, "praised", "Colleen O'Driscoll", "mission", STANCE_FAVOR);
    check_no_stance((const char *const[]){
        "Trade Minister Doris Uzoka announced new tariffs. The minister spoke for an hour, the audience listened "
        "and criticised the tariffs.",
        "Trade Minister Doris Uzoka announced new tariffs. She spoke in Kano, where the crowd waited for hours and "
        "rejected the tariffs.",
        NULL});
}

/* A tax is judged as a levy is ("the tax would cut the value of ..."), and
 * "the higher tax" is the tax named before; how new or how high a measure
 * is is no part of its name ("a proposed royalty" is "royalty"), but
 * "higher prices" stay so. */
static void test_higher_tax_harms(void **state)
{
    (void)state;
    check_one_stance("Brazil raised its export tax on cattle hides to 9%. The National Beef Packers Association "
                     "said the higher tax would cut the value of each hide.",
                     NULL, "would cut the value", "National Beef Packers Association", "Brazil tariffs",
                     STANCE_AGAINST);
    check_one_stance("The Salmon Farmers Council also opposes a proposed royalty on farming concessions.", NULL,
                     "opposes", "Salmon Farmers Council", "royalty", STANCE_AGAINST);
    check_one_stance("Kingsford Rare Metals Ltd. welcomed higher prices for its ore.", NULL, "welcomed",
                     "Kingsford Rare Metals Ltd.", "higher prices", STANCE_FAVOR);
}

/* "It" in a quote is the ban named before it, when no tariff is. */
static void test_it_is_the_named_ban(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "China kept its seafood ban.\n\n\"There is no basis for this ban. It should be removed,\" Minister "
             "Ken Mori said.",
             NULL);
    check_stance(&f, "should be removed", "Ken Mori", "ban", STANCE_AGAINST);
    release(&f);
}

/* "the tariff" is the last measure named with the same levy word, when
 * measures of two owners were named with different ones. */
static void test_same_levy_word(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "The U.S. imposed a 30% tariff on citrus. South Africa charges duties of up to 37% on chicken.\n\n"
             "Ana Ruiz said the tariff would hurt growers.",
             NULL);
    check_stance(&f, "would hurt", "Ana Ruiz", "United States tariffs", STANCE_AGAINST);
    release(&f);
}

/* "the margins" of a tariff named a paragraph or two before are that
 * tariff. */
static void test_margins_are_the_tariff(void **state)
{
    (void)state;
    check_one_stance("The U.S. set duties of 25.76% on Vietnamese shrimp.\n\nFarmers said they were punished.\n\n"
                     "Ann Lee said the margins were not consistent with WTO rules.",
                     NULL, "not consistent with", "Ann Lee", "United States tariffs", STANCE_AGAINST);
}

/* A country that imposes a tariff as the subject of its sentence owns it,
 * and "the tariff" after it is its. */
static void test_imposer_owns_context(void **state)
{
    (void)state;
    check_one_stance("The United States on Monday imposed a 25% tariff on Mexican steel.\n\nLaura Ortiz said the "
                     "tariff was unjustified.",
                     NULL, "unjustified", "Laura Ortiz", "United States tariffs", STANCE_AGAINST);
}

/* A one-word effect with a verb's ending judges the noun phrase before it;
 * "it" after a cue, with no tariff in sight, is a deal its sentence named. */
static void test_effect_verb_and_deal_pronoun(void **state)
{
    (void)state;
    check_one_stance("The EU signed a deal with Mercosur.\n\n\"This deal sacrifices French farmers,\" Ann Lee "
                     "said.",
                     NULL, "sacrifices", "Ann Lee", "deal", STANCE_AGAINST);
    check_one_stance("The Farmers Union said the agreement sacrificed rice growers and vowed to fight it.", NULL,
                     "vowed to fight", "Farmers Union", "agreement", STANCE_AGAINST);
}

/* A nationality right before the levy word owns the tariff when the
 * document names its country; "the measures" are the tariff of the
 * paragraph before, which the country announcing it owns. */
static void test_nationality_owner_and_measures(void **state)
{
    (void)state;
    check_one_stance("China on Friday announced tariffs of 15% on U.S. soybeans.\n\nThe Soybean Council said the "
                     "Chinese tariffs would devastate its exports.",
                     NULL, "would devastate", "Soybean Council", "China tariffs", STANCE_AGAINST);
    check_one_stance("China on Friday announced tariffs of 15% on U.S. soybeans.\n\nThe Commerce Ministry said the "
                     "measures were a legitimate response.",
                     NULL, "a legitimate response", "Commerce Ministry", "China tariffs", STANCE_FAVOR);
}

/* A threat is the tariff threatened, the threatener's, before any other
 * tariff in context. */
static void test_threat_is_the_threatened_tariff(void **state)
{
    (void)state;
    check_one_stance("U.S. threatens duties on Canadian goods\n\nCanada will not lower its over-quota tariffs, a "
                     "day after Washington demanded that Ottawa cut them and threatened a tariff on Canadian goods if "
                     "it did not.\n\nQuebec farmers urged Ottawa to keep the tariffs where they are.\n\nThe American Dairy "
                     "Exporters Council backed the threat.",
                     NULL, "backed", "American Dairy Exporters Council", "United States tariffs", STANCE_FAVOR);
}

/* A measure falling on one country is the last other owner's named. */
static void test_falls_on_one_owned_by_other(void **state)
{
    (void)state;
    check_one_stance("U.S. tariffs of 25% on Brazilian orange juice took effect. Brazil keeps duties on American "
                     "ethanol at 18%.\n\nSenator Roy Calloway welcomed the orange juice tariff.",
                     NULL, "welcomed", "Roy Calloway", "United States tariffs", STANCE_FAVOR);
}

/* ", a move X called ...": the move is the tariff before the comma, and X
 * holds the evaluation. */
static void test_move_called_by(void **state)
{
    (void)state;
    check_one_stance("The United States on Tuesday raised its tariffs on South Korean steel to 50%, a move South "
                     "Korea's trade ministry called \"deeply regrettable.\"",
                     NULL, "deeply regrettable", "South Korea", "United States tariffs", STANCE_AGAINST);
}

/* An evaluation that is the object of signing or reaching a deal judges
 * no subject; called so, it judges what it is said of. */
static void test_object_of_making(void **state)
{
    (void)state;
    check_no_stance((const char *const[]){"Britain and India signed a good deal on Monday.",
                                          "Japan reached a landmark agreement with the EU.",
                                          "Syria has held talks with Israel since 1991 without achieving a breakthrough.",
                                          "Cardinal Joseph Bernardin, accused of fraud, spoke on Monday.", NULL});
    check_one_stance("Prime Minister Sarah Cole called the pact \"a landmark deal for British workers.\"", NULL,
                     "a landmark deal", "Sarah Cole", "pact", STANCE_FAVOR);
}

/* An accusation in a quotation is its speaker's, as in a reader comment. */
static void test_quoted_accusation(void **state)
{
    (void)state;
    check_one_stance("\"Mexico dumps its tomatoes below cost,\" said Ann Lee, a grower.", NULL, "dumps", "Ann Lee",
                     "Mexico", STANCE_AGAINST);
    check_no_stance((const char *const[]){"Mexico dumps its tomatoes below cost, the report found.", NULL});
}

/* A participle of saying after the act names no speaker after it. */
static void test_saying_names_no_speaker(void **state)
{
    (void)state;
    check_one_stance("EU Trade Commissioner Anneke Vos defended the deal, saying EU exports could grow.", NULL,
                     "defended", "Anneke Vos", "deal", STANCE_FAVOR);
}

/* "This" opening a paragraph is the measure of the paragraph before. */
static void test_this_is_the_measure_before(void **state)
{
    (void)state;
    check_one_stance("The EU adopted a carbon levy.\n\n\"This is a tariff by another name,\" Ann Lee said.", NULL,
                     "a tariff by another name", "Ann Lee", "European Union tariffs", STANCE_AGAINST);
}

/* A penalty, however introduced, is the tariff of the paragraph before;
 * a system is the tax or ban its paragraph names, else that tariff. */
static void test_penalty_is_the_tariff(void **state)
{
    (void)state;
    check_one_stance("The U.S. doubled its tariff on Indian goods to 50%.\n\nAnn Lee said India would not accept a "
                     "penalty on India's energy security.",
                     NULL, "accept", "Ann Lee", "United States tariffs", STANCE_AGAINST);
    /* a system is the tax its paragraph names, before any tariff */
    check_one_stance("Spain keeps its digital services tax. The U.S. proposed duties in answer.\n\n\"This tax was "
                     "written for American firms. We will not accept a system that singles them out,\" Ann Lee said.",
                     NULL, "accept", "Ann Lee", "digital services tax", STANCE_AGAINST);
}

/* "X is not A, they are B": the pronoun after the denial is X, and
 * "these rates" go back to the tariff, past a paragraph without one. */
static void test_pronoun_after_denial(void **state)
{
    (void)state;
    check_one_stance("The U.S. set a 25% tariff on steel.\n\nMills closed.\n\n\"These rates are not a remedy, they are "
                     "a wall,\" said Ann Lee.",
                     NULL, "are a wall", "Ann Lee", "United States tariffs", STANCE_AGAINST);
}

/* "the decision" with no tariff in its paragraph or the one before is the
 * article's first tariff mention; a quoted cue reaches it too. */
static void test_decision_is_the_first_tariff(void **state)
{
    (void)state;
    const char *text = "The U.S. set a 25%% tariff on Thai steel.\n\nMills closed.\n\nWorkers left.\n\n%s";
    char buf[256];
    snprintf(buf, sizeof buf, text, "The Steel Council welcomed the decision.");
    check_one_stance(buf, NULL, "welcomed", "Steel Council", "United States tariffs", STANCE_FAVOR);
    snprintf(buf, sizeof buf, text, "Thailand said it \"regrets\" the decision.");
    check_one_stance(buf, NULL, "regrets", "Thailand", "United States tariffs", STANCE_AGAINST);
}

/* "accept that" + a clause weighs a claim, no entity in it; "rejected the
 * idea" after duties were proposed is against those duties. */
static void test_claim_and_idea(void **state)
{
    (void)state;
    const char *const claims[] = {"Ann Lee said the United States did not accept that its steel measures gave India "
                                  "any right to retaliate.",
                                  NULL};
    check_no_stance(claims);
    check_one_stance("Farm groups urged Canada to answer with duties on American cheese.\n\nAnn Lee rejected the idea.",
                     NULL, "rejected", "Ann Lee", "tariffs", STANCE_AGAINST);
}

/* A cue opening its sentence, then a comma and a name: the one addressed
 * ("Well said, Minister Lee."), past a title. */
static void test_cue_addressed_to_a_name(void **state)
{
    (void)state;
    check_one_stance("Well said, Minister Ann Lee.", "2", "Well said", "comment 2", "Ann Lee", STANCE_FAVOR);
    check_one_stance("Spot on, Ann Lee. The duty works.", "3", "Spot on", "comment 3", "Ann Lee", STANCE_FAVOR);
}

/* "said X, but that Y": "but that" goes on with what was said, so Y is
 * the speaker's too. */
static void test_but_that_goes_on_with_the_speech(void **state)
{
    (void)state;
    check_one_stance("The EU set a 13% duty on salmon.\n\nAnn Lee said she understood the complaint, but that the duty "
                     "would raise prices for smokehouses.",
                     NULL, "would raise prices", "Ann Lee", "European Union tariffs", STANCE_AGAINST);
}

/* A copula before a determiner and degree words still predicates: "the
 * levy was the most sensible step" judges the levy. */
static void test_evaluation_after_the_most(void **state)
{
    (void)state;
    check_one_stance("Thailand set a 5% levy on rubber.\n\nAnn Lee said the levy was the most sensible step.", NULL,
                     "sensible", "Ann Lee", "Thailand tariffs", STANCE_FAVOR);
}

/* "How long are we supposed to wait ... a ban?": a rhetorical question,
 * and its "a ban" is the ban named before. */
static void test_rhetorical_wait_for_a_ban(void **state)
{
    (void)state;
    check_one_stance("China keeps the seafood ban.\n\n\"How long are we supposed to wait for Beijing to justify a "
                     "ban?\" asked Ann Lee.",
                     NULL, "How long are we supposed to wait", "Ann Lee", "ban", STANCE_AGAINST);
}

/* "Turkey's decision is unjustified": a country's measure noun, after a
 * tariff mention, is that country's tariffs. */
static void test_country_decision_is_its_tariffs(void **state)
{
    (void)state;
    check_one_stance("Turkey doubled its 20% duty on almonds.\n\n\"Turkey's decision is unjustified,\" Ann Lee said.",
                     NULL, "unjustified", "Ann Lee", "Turkey tariffs", STANCE_AGAINST);
}

/* "These controls" are the controls named before, without the verb that
 * set them. */
static void test_these_controls_named_before(void **state)
{
    (void)state;
    check_one_stance("China set export controls on rare earths.\n\n\"These controls are not about national "
                     "security,\" Ann Lee said.",
                     NULL, "are not about national security", "Ann Lee", "export controls", STANCE_AGAINST);
}

/* "The senator is right": a title noun as the subject stands for the
 * person named with that title. */
static void test_title_noun_subject_is_the_person(void **state)
{
    (void)state;
    check_one_stance("Senator Ann Lee spoke on Monday.\n\nThe senator is right, Bob Kay said.", NULL, "is right",
                     "Bob Kay", "Ann Lee", STANCE_FAVOR);
}

/* A capitalised common noun opening its sentence before "would hurt" is
 * the subject; an imperative ("Put a tax on ...") is not. */
static void test_opening_noun_subject(void **state)
{
    (void)state;
    check_one_stance("Retaliation would hurt us far more than it would hurt them.", "2", "would hurt", "comment 2",
                     "retaliation", STANCE_AGAINST);
    fixture f;
    annotate(&f, "Put a tax on their cars then.", "1"); /* an imperative: "Put" is no subject */
    for (size_t k = 0; k < f.doc.stance_count; k++)
        assert_string_not_equal(doc_string(&f.doc, f.doc.stances[k].target), "put");
    release(&f);
}

/* "Well done" in a reader comment is sarcasm as often as not: no stance. */
static void test_well_done_states_none(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Brilliant. Another eighteen months to admire the empty pots. Well done, Abuja.", "1");
    assert_int_equal(f.doc.stance_count, 0);
    release(&f);
}

/* "Open the border." in a reader comment opposes the ban named before it. */
static void test_open_the_border(void **state)
{
    (void)state;
    check_one_stance("The rice import ban feeds the smugglers, not the people. Open the border.", "2", "Open", "comment 2",
                     "ban", STANCE_AGAINST);
}

/* In a quote, a verb whose subject is a third party named by a common
 * noun states that party's act: "My customers will not blame Norway". */
static void test_third_party_in_a_quote(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "\"My customers will not blame Norway. They will blame me,\" Ann Lee said.", NULL);
    for (size_t k = 0; k < f.doc.stance_count; k++)
        assert_string_not_equal(doc_string(&f.doc, f.doc.stances[k].target), "Norway");
    release(&f);
    check_one_stance("\"We will not accept the tariffs,\" Ann Lee said.", NULL, "accept", "Ann Lee", "tariffs",
                     STANCE_AGAINST);
    check_one_stance("\"The department should reconsider this plan,\" Ann Lee said.", NULL, "reconsider", "Ann Lee",
                     "plan", STANCE_AGAINST);
}

/* "rejected the French objections": a country's position is the country. */
static void test_country_position_is_the_country(void **state)
{
    (void)state;
    check_one_stance("France opposed the deal. Ann Lee rejected the French objections.", NULL, "rejected", "Ann Lee",
                     "France", STANCE_AGAINST);
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
    /* a tie goes to the cues no negator flipped, then to the first cue */
    const char *const ties[] = {"Minister Anna Berg said the tariff was not fair. She said the tariff was fair.",
                                "Minister Anna Berg said the tariff was unfair. She said the tariff was fair."};
    const int polarities[] = {STANCE_FAVOR, STANCE_AGAINST};
    for (size_t i = 0; i < 2; i++) {
        annotate(&f, ties[i], NULL);
        assert_int_equal(f.doc.stance_count, 2);
        assert_int_equal(f.doc.stance_summary_count, 1);
        assert_int_equal(f.doc.stance_summaries[0].polarity, polarities[i]);
        release(&f);
    }
}

/* A harm a measure named by its noun has done, through the auxiliaries of
 * its tense: the measure named before is the target. */
static void test_measure_harmed(void **state)
{
    (void)state;
    check_one_stance("Poland extended its ban on Ukrainian wheat in March. The Ukrainian Millers Union said the ban "
                     "had cost its members $400 million in lost sales.",
                     NULL, "had cost", "Ukrainian Millers Union", "ban", STANCE_AGAINST);
    check_one_stance("Ghana set a tax on cocoa exports. The Cocoa Council said the tax has already pushed up the "
                     "price of beans.",
                     NULL, "pushed up", "Cocoa Council", "tax", STANCE_AGAINST);
    check_one_stance("\"A 26% tax on soybeans still takes one truck in every four,\" said Rosa Paz.", NULL,
                     "takes one truck in every", "Rosa Paz", "tariffs", STANCE_AGAINST);
    check_one_stance("A 12% tax on cocoa beans will just end up in the pockets of smugglers.", "2",
                     "end up in the pockets of", "comment 2", "tariffs", STANCE_AGAINST);
    check_one_stance("And what exactly did the tariff acheive?", "2", "what exactly did the tariff acheive",
                     "comment 2", "tariffs", STANCE_AGAINST);
}

/* A reader's "the ban" is the one the article opens with, not the last
 * ban it names; a conjunction ends the object of an imperative. */
static void test_comment_ban_is_the_article_ban(void **state)
{
    (void)state;
    const char *text = "Warsaw will keep its ban on Ukrainian grain. Officials said unilateral import bans broke "
                       "the rules.\nKeep the ban until Brussels pays.";
    fixture f;
    annotate_from(&f, text, (size_t)(strstr(text, "Keep") - text), "2");
    check_stance(&f, "Keep", "comment 2", "ban", STANCE_FAVOR);
    release(&f);
    /* named in full in the article: still the comment's "ban" */
    text = "Abuja extended its rice import ban. Officials named other import bans.\nLift the ban before the "
           "harvest.";
    annotate_from(&f, text, (size_t)(strstr(text, "Lift") - text), "3");
    check_stance(&f, "Lift", "comment 3", "ban", STANCE_AGAINST);
    release(&f);
}

/* "the decision" and "the extension" told paragraphs after the measure
 * are the measure the article is about; an extension of something else
 * stays itself. */
static void test_decision_is_the_central_measure(void **state)
{
    (void)state;
    check_one_stance("Hanoi extends rice export ban\n\nVietnam will keep its rice export ban until June, the trade "
                     "ministry said.\n\nPrices rose in Manila.\n\nThe Mekong Growers Union welcomed the decision.",
                     NULL, "welcomed", "Mekong Growers Union", "ban", STANCE_FAVOR);
    check_one_stance("Hanoi extends rice export ban\n\nVietnam will keep its rice export ban until June.\n\nThe "
                     "Rice Traders Guild called the extension \"a disaster for our members.\"",
                     NULL, "a disaster", "Rice Traders Guild", "ban", STANCE_AGAINST);
    check_one_stance("Ottawa keeps 25% tariffs on steel\n\nThe minister said Ottawa would extend a loan program for "
                     "mills. The Steel Council welcomed the extension.",
                     NULL, "welcomed", "Steel Council", "extension", STANCE_FAVOR);
    /* extending a pause of a measure is no extension of the measure */
    check_one_stance("Brussels and Washington extend tariff truce\n\nThe two sides agreed to extend the suspension "
                     "of their 25% retaliatory tariffs on aircraft for five years.\n\nPrices held.\n\nThe Wine "
                     "Exporters Council welcomed the extension.",
                     NULL, "welcomed", "Wine Exporters Council", "extension", STANCE_FAVOR);
}

/* Goods before the people, the trade or the war they name make one target
 * with them; a decree is the measure the article is about. */
static void test_goods_heads_and_decree(void **state)
{
    (void)state;
    check_one_stance("Kavita Rao said she was not against helping apple growers.", NULL, "was not against", "Kavita Rao",
                     "apple growers", STANCE_FAVOR);
    check_one_stance("Conor Hegarty warned that a spirits war would have no winners.", NULL, "would have no winners",
                     "Conor Hegarty", "spirits war", STANCE_AGAINST);
    check_one_stance("Ankara doubles 20% tariff on U.S. rice\n\nTurkey raised its 20% tariff on U.S. rice to 40% on "
                     "Monday.\n\nPrices rose.\n\nThe Anatolian Millers Association backed the decree.",
                     NULL, "backed", "Anatolian Millers Association", "Turkey tariffs", STANCE_FAVOR);
}

/* An indefinite title ("a government spokesman") names someone new, not
 * the last person with that title: the reported clause's subject holds the
 * stance; a relative pronoun ends the object before a city. */
static void test_unnamed_spokesman_and_relative_object(void **state)
{
    (void)state;
    check_one_stance("Brussels spokesman Olof Lind said the ban broke the rules.\n\nIn Budapest, a government "
                     "spokesman said Hungary would \"stand with Poland\" on the issue.",
                     NULL, "stand with", "Hungary", "Poland", STANCE_FAVOR);
    check_one_stance("Warsaw will keep its ban, Minister Jan Nowak said, rejecting calls to lift a measure that "
                     "Brussels says breaks the rules.",
                     NULL, "rejecting calls to lift", "Jan Nowak", "measure", STANCE_FAVOR);
}

/* The subject of a quoted evaluation in reported speech starts after the
 * verb of saying; a calling verb's quoted verdict judges what it names. */
static void test_subject_after_saying_and_called_verdict(void **state)
{
    (void)state;
    check_one_stance("Its trade spokesman, Hemi Ropata, said ministers had been \"asleep at the wheel\" while the "
                     "volumes climbed.",
                     NULL, "asleep at the wheel", "Hemi Ropata", "ministers", STANCE_AGAINST);
    check_one_stance("Lahore sets 18% duty on Chinese yarn\n\nPakistan imposed an 18% duty on Chinese yarn.\n\nThe "
                     "Weavers Association of Multan called the duties \"a death sentence for small weavers.\"",
                     NULL, "a death sentence for", "Weavers Association of Multan", "Pakistan tariffs",
                     STANCE_AGAINST);
}

/* A measure many countries would share is no one country's, in an article
 * about one; "outright" closes the object; a harm added to "the price". */
static void test_shared_measure_has_no_owner(void **state)
{
    (void)state;
    check_one_stance("Washington pushes 30% steel tariff at G20 talks\n\nMinisters failed to agree on a coordinated "
                     "30% tariff on subsidised steel, as the United States pressed for the measure.\n\nThe Steel Users "
                     "Federation warned that a 30% tariff would hurt its members.",
                     NULL, "would hurt", "Steel Users Federation", "tariffs", STANCE_AGAINST);
    check_one_stance("Wen Li rejected the idea outright.", NULL, "rejected", "Wen Li", "idea", STANCE_AGAINST);
    check_one_stance("Mexico protested. The Auto Alliance said the tariff would add about $3,400 to the price of a "
                     "car.",
                     NULL, "would add about $3,400 to the price", "Auto Alliance", "tariffs", STANCE_AGAINST);
}

/* A name right before an act is its subject, unless a preposition, a comma
 * or another name with "and" joins it to one before. */
static void test_name_next_to_act(void **state)
{
    (void)state;
    check_one_stance("The G20 ended its talks without a deal, as the United States pressed for the 30% tariff and "
                     "China led the opposition to it.",
                     NULL, "led the opposition to", "China", "tariffs", STANCE_AGAINST);
    check_one_stance("The Vintners Guild in Yinchuan welcomed the 20% tariff on Chilean wine.", NULL, "welcomed",
                     "Vintners Guild", "tariffs", STANCE_FAVOR);
    /* a nationality before a noun only describes it */
    check_one_stance("The Foreign Office said Iraqi involvement in the north was not helpful.", NULL, "helpful",
                     "Foreign Office", "involvement", STANCE_AGAINST);
}

/* A surtax is a tariff; what ending a measure would do is said of the
 * measure the other way round. */
static void test_surtax_and_eased_subject(void **state)
{
    (void)state;
    check_one_stance("Canada's 100% surtax on Chinese electric cars took effect. The Prairie Growers Council urged Ottawa "
                     "to drop the surtax.",
                     NULL, "urged", "Prairie Growers Council", "Canada tariffs", STANCE_AGAINST);
    check_one_stance("Canada's 100% surtax on Chinese electric cars took effect. The Auto Workers Union warned that cutting "
                     "the surtax would hurt plants in Windsor.",
                     NULL, "would hurt", "Auto Workers Union", "Canada tariffs", STANCE_FAVOR);
    check_one_stance("South Korea's 513% tariff on rice took effect. The Rice Farmers Federation said any cut to the tariff "
                     "would hurt small farms.",
                     NULL, "would hurt", "Rice Farmers Federation", "South Korea tariffs", STANCE_FAVOR);
}

/* A verb of thinking, or a pronoun after "and", opens the clause an
 * evaluation judges: the place before it is no subject. */
static void test_thinking_opens_judged_clause(void **state)
{
    (void)state;
    check_one_stance("My parents farm near Naju and I still think the tariff is a scam.", "2", "a scam", "comment 2",
                     "tariffs", STANCE_AGAINST);
    check_one_stance("Sales in Ohio fell and we believe the duty is unfair.", "1", "unfair", "comment 1", "tariffs",
                     STANCE_AGAINST);
}

/* "most quotas" names no quota for "the quotas" later; a measure other
 * than a tariff has the harms a tariff has. */
static void test_quantified_measure_names_none(void **state)
{
    (void)state;
    check_one_stance("The authority proposed cutting most quotas by 10%. Daniel Frome said his party would back the "
                     "quotas.",
                     NULL, "would back", "Daniel Frome", "quotas", STANCE_FAVOR);
    check_one_stance("The Builders Alliance said keeping the safeguard would add roughly £1,400 to the cost of a home.",
                     NULL, "would add roughly £1,400 to the cost", "Builders Alliance", "safeguard", STANCE_AGAINST);
}

/* An entity after "in" says where an act is done: the noun phrase before
 * it is the object. */
static void test_place_of_act_is_no_object(void **state)
{
    (void)state;
    check_one_stance("Senator Thomas Redfield vowed to fight the extension in Congress.", NULL, "vowed to fight",
                     "Thomas Redfield", "extension", STANCE_AGAINST);
}

/* What an ending falls on is the target, the other way round, once: "called
 * for an end to" is against by its rule already. */
static void test_ending_is_read_once(void **state)
{
    (void)state;
    check_one_stance("The Steel Workers Union called for an end to the tariffs on steel.", NULL, "called for",
                     "Steel Workers Union", "tariffs", STANCE_AGAINST);
    check_one_stance("The Rice Millers Association welcomed the end of the ban on rice.", NULL, "welcomed",
                     "Rice Millers Association", "ban", STANCE_AGAINST);
    check_one_stance("The Forest Foundation called for an end to the biodiesel subsidy.", NULL, "called for",
                     "Forest Foundation", "biodiesel subsidy", STANCE_AGAINST);
}

/* "Turkey doubles tariffs": doubling a tariff, like imposing one, makes the
 * country opening the sentence its owner. */
static void test_doubling_owner(void **state)
{
    (void)state;
    check_one_stance("Turkey doubles tariffs on U.S. almonds, rice and cars after steel duty rise\n\nTurkey will double "
                     "its retaliatory tariffs on a range of American goods from December 15, Trade Minister Selim "
                     "Erguven said on Wednesday, announcing a decree that raises the duty on U.S. almonds from 20% to "
                     "40% in answer to Washington's 50% tariff on Turkish steel.\n\nAylin Korkmaz, an importer, said "
                     "the doubled duty would push shelf prices up.",
                     NULL, "would push shelf prices up", "Aylin Korkmaz", "Turkey tariffs", STANCE_AGAINST);
}

/* A reader's demand that someone end a measure is against it; in an
 * article, who is asked holds nothing. */
static void test_reader_demand_to_end(void **state)
{
    (void)state;
    check_one_stance("India ought to stop complaining and drop its own duty on cooking oil.", "4", "drop",
                     "comment 4", "India tariffs", STANCE_AGAINST);
    check_no_stance((const char *const[]){"New Delhi should drop its own duty on cooking oil.", NULL});
}

/* A reader's "talking sense" backs the one who talks it; a measure that
 * "only helps" one side is against it. */
static void test_sense_and_one_sided_help(void **state)
{
    (void)state;
    check_one_stance("Dr Park Ji-yeon is the only one talking sense.", "2", "talking sense", "comment 2", "Park Ji-yeon",
                     STANCE_FAVOR);
    check_one_stance("This truce only helps Europe.", "3", "only helps", "comment 3", "truce", STANCE_AGAINST);
}

/* "calls from traders to ..." announce what is weighed; being "not to
 * blame for" something is no stance on it. */
static void test_calls_and_blame(void **state)
{
    (void)state;
    check_no_stance((const char *const[]){
        "Minister Abubakar Danjuma rejected calls from traders to reopen the frontier.",
        "Craig Lindqvist said American growers were not to blame for low prices.", NULL});
}

/* Common shapes: a cut after the tariff word is the target as written (the
 * gold guidelines name a change to a levy as the text does); a complaint "over"
 * the duties opposes them; a noun phrase that "and" ends is the object,
 * not the entity of the clause "and" opens. */
static void test_common_shapes(void **state)
{
    (void)state;
    check_one_stance("Canada's 25% tariff on steel took effect. The Car Makers Association welcomed the tariff cut.",
                     NULL, "welcomed", "Car Makers Association", "tariff cut", STANCE_FAVOR);
    check_one_stance("India may raise its import duty on rubber. The Tyre Industry Council opposed any duty hike.",
                     NULL, "opposed", "Tyre Industry Council", "duty hike", STANCE_AGAINST);
    check_one_stance("Brazil said it would file a complaint with the World Trade Organization over the duties.", NULL,
                     "file a complaint", "Brazil", "tariffs", STANCE_AGAINST);
    check_one_stance("The talks ended without a 30% tariff on steel, as the European Union pressed for the measure "
                     "and China led the opposition to it.",
                     NULL, "pressed for", "European Union", "tariffs", STANCE_FAVOR);
}

/* "cannot" negates as "can't" does, and "this" alone after a cue stands
 * for the measure in context. */
static void test_cannot_accept_this(void **state)
{
    (void)state;
    check_one_stance("Canada's 25% tariff on steel took effect on Monday. \"We cannot accept this,\" said Maria Lopez, "
                     "president of the Steel Users Council.",
                     NULL, "accept", "Maria Lopez", "Canada tariffs", STANCE_AGAINST);
}

/* Readers' verdicts on people and governments. */
static void test_reader_verdicts(void **state)
{
    (void)state;
    check_one_stance("Ottawa got this one right.", "2", "got this one right", "comment 2", "Ottawa", STANCE_FAVOR);
    check_one_stance("Nathalie Bergeron should resign.", "4", "should resign", "comment 4", "Nathalie Bergeron",
                     STANCE_AGAINST);
}

/* A speaker "deeply concerned" with no object, or saying nobody wins, is
 * against the measure in context. */
static void test_concern_and_nobody_wins(void **state)
{
    (void)state;
    check_one_stance("Canada's 25% tariff on steel took effect on Monday. \"We are deeply concerned,\" a spokesperson "
                     "for the Retail Council said.",
                     NULL, "are deeply concerned", "Retail Council", "Canada tariffs", STANCE_AGAINST);
    check_one_stance("Canada's 25% tariff on steel took effect on Monday. \"It is a tax on families. Nobody wins,\" "
                     "said Paul Green.",
                     NULL, "Nobody wins", "Paul Green", "Canada tariffs", STANCE_AGAINST);
}

/* Both subjects "and" joins hold the stance; only the first is written. */
static void test_coordinated_subjects(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "Japan and South Korea criticised the tariffs.", NULL);
    check_stance(&f, "criticised", "Japan", "tariffs", STANCE_AGAINST);
    assert_int_equal(f.doc.stance_count, 2);
    assert_string_equal(doc_string(&f.doc, f.doc.stances[1].holder), "South Korea");
    assert_int_equal(f.doc.stances[1].polarity, STANCE_AGAINST);
    assert_int_equal(f.doc.stance_summary_count, 2);
    release(&f);
    check_one_stance("Ministers failed to agree on a 30% tariff on steel, as the United States and the European Union "
                     "pressed for the measure.",
                     NULL, "pressed for", "European Union", "tariffs", STANCE_FAVOR);
}

/* "X welcomed the decision. "...," said its chief executive, NAME": the
 * officer shares the organisation's stance, summarised, not written; a
 * speaker who is nobody's officer does not. */
static void test_officer_shares_stance(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "Kenya set a 10% export levy on bulk tea.\n\nThe Kericho Packers Association welcomed the decision. "
             "\"We have been waiting years for this,\" said its chief executive, Grace Wambui.\n\nThe Tea Growers "
             "Union backed the levy. \"We have been waiting years for this,\" said Peter Otieno, a grower.",
             NULL);
    const stance_span *welcome = check_stance(&f, "welcomed", "Kericho Packers Association", "Kenya tariffs",
                                              STANCE_FAVOR);
    uint32_t welcome_start = welcome->cue_start;
    size_t officers = 0;
    for (size_t k = 0; k < f.doc.stance_count; k++) {
        const stance_span *st = &f.doc.stances[k];
        const char *holder = doc_string(&f.doc, st->holder);
        assert_string_not_equal(holder, "Peter Otieno");
        if (strcmp(holder, "Grace Wambui"))
            continue;
        officers++;
        assert_string_equal(doc_string(&f.doc, st->target), "Kenya tariffs");
        assert_int_equal(st->polarity, STANCE_FAVOR);
        assert_int_equal(st->cue_start, welcome_start);
        assert_false(st->nests);
    }
    assert_int_equal(officers, 1);
    assert_int_equal(f.doc.stance_summary_count, 3);
    release(&f);
}

/* Targets the twenty-sixth round showed wrong: a time, a nationality that
 * only qualifies, "the whole quota", "the cut" of a tariff-cut story. */
static void test_time_nationality_and_cut_targets(void **state)
{
    (void)state;
    check_one_stance("Madagascar will bring back a minimum export price it scrapped two years ago.", NULL, "bring back",
                     "Madagascar", "minimum export price", STANCE_FAVOR);
    check_no_stance((const char *const[]){
        "Madagascar said it had scrapped two years ago.",
        "\"To single us out while others buy far more Russian crude is deeply unfair,\" Commerce Secretary Rajiv "
        "Bhandari told reporters.",
        NULL});
    check_one_stance("Norway set a snow crab quota of 9,500 tonnes.\n\nThe ministry said the whole quota would go to "
                     "Norwegian boats. The European Commission called the quota \"discriminatory\".",
                     NULL, "discriminatory", "European Commission", "quota", STANCE_AGAINST);
    fixture f;
    annotate_page(&f,
                  "Brazil halves cheese tariff\n\nBrazil will cut its tariff on cheese.\n\nThe council said the cut "
                  "came at the worst possible moment. \"How is that free trade?\" said its president, Geraldo "
                  "Pereira.",
                  0, NULL);
    check_stance(&f, "How is that free trade", "Geraldo Pereira", "cut", STANCE_AGAINST);
    release(&f);
    check_one_stance("Keep the quota exactly as it is.", "1", "Keep", "comment 1", "quota", STANCE_FAVOR);
}

/* Words that read as cues and are none: a legislature's ratification told
 * as a fact, a manner, scrap metal, the ones shut out. */
static void test_act_manner_and_metal_no_cue(void **state)
{
    (void)state;
    check_no_stance((const char *const[]){
        "Under the pact, which took effect after Congress ratified it last year, the tariff will fall.",
        "Zhao Liming said Beijing hoped the measure would be applied \"in a fair and non-discriminatory way\".",
        "\"We melt European scrap with Swiss hydropower,\" Reto Baumgartner said.",
        "\"Zambia will not stand by while our farmers are shut out of their biggest market,\" Mutale Chanda told "
        "reporters.",
        NULL});
    check_one_stance("The National Dairy Council said the cut came at the worst possible moment.", NULL,
                     "came at the worst possible moment", "National Dairy Council", "cut", STANCE_AGAINST);
    check_one_stance("The Guinea Chamber of Mines said the ban was \"neither realistic nor negotiated\".", NULL,
                     "neither realistic", "Guinea Chamber of Mines", "ban", STANCE_AGAINST);
}

/* Asking a government to answer with duties backs them, and asking it not
 * to opposes them; the duties are the asked country's, named where the
 * sentence opens ("In Norway, ..."), not the one whose goods they hit. */
static void test_urged_answers(void **state)
{
    (void)state;
    check_one_stance("Canada may face a 25% U.S. tariff on potash.\n\nThe Saskatchewan Farm Bureau urged Ottawa not to "
                     "answer with counter-tariffs.",
                     NULL, "urged", "Saskatchewan Farm Bureau", "Canada tariffs", STANCE_AGAINST);
    check_one_stance("The United States lifted its tariff on aircraft.\n\nThe Wichita Machinists Union urged Japan not "
                     "to impose duties on aircraft.",
                     NULL, "urged", "Wichita Machinists Union", "Japan tariffs", STANCE_AGAINST);
    check_one_stance("The EU set a 13.7% duty on Norwegian salmon.\n\nIn Norway, the opposition Coastal Party called on "
                     "the government to answer with higher duties on EU cheese, wine and pork.",
                     NULL, "called on", "Coastal Party", "Norway tariffs", STANCE_FAVOR);
}

/* What the twenty-ninth round showed: goods that keep a duty hold no
 * stance; a pronoun object comes before a place after it; a place inside
 * what qualifies a measure is not the subject judged; a harm in an article
 * about a ban, with no tariff in sight, is against the ban. */
static void test_goods_subject_pronoun_object_and_ban_harm(void **state)
{
    (void)state;
    check_no_stance((const char *const[]){
        "Cars built at the plant, a venture with Korea's Hanseong Automotive, pay nothing, and fully electric cars "
        "keep their 10% duty.",
        "A ban that treats a fork from Penang differently from a fork made in Curepipe is discrimination.",
        "Jordanians bought cars sold out of the Zarqa Free Zone, according to the Department of Statistics.",
        NULL});
    check_one_stance("Cambodia challenged the 48.5% duties on its bicycles.\n\nA spokesperson for the Department for "
                     "Business and Trade said the duties had followed an investigation and that the government would "
                     "defend them in Geneva.",
                     NULL, "defend", "Department for Business and Trade", "tariffs", STANCE_FAVOR);
    fixture f;
    annotate_page(&f,
                  "Mauritius to ban plastic tableware\n\nMauritius announced a ban on imports of plastic tableware "
                  "from January 1.\n\nAbroad, the measure drew questions. The High Commission of India said Indian "
                  "exporters had been given \"very little time to adjust\".",
                  0, NULL);
    check_stance(&f, "very little time to adjust", "High Commission of India", "ban", STANCE_AGAINST);
    release(&f);
}

/* A question why one should compete with imports is for a measure that
 * keeps them out, the tariff a cut lowers among them; a bare "good move,
 * about time" in a comment backs the measure. */
static void test_compete_question_and_comment_verdict(void **state)
{
    (void)state;
    check_one_stance("India raised its duty on apples to 70%.\n\n\"Why should a family in Kotkhai compete with "
                     "that?\" asked Rajinder Singh Kanwar, the federation's president.",
                     NULL, "Why should a family in Kotkhai compete with", "Rajinder Singh Kanwar", "India tariffs",
                     STANCE_FAVOR);
    fixture f;
    annotate_page(&f,
                  "Brazil halves cheese tariff\n\nBrazil will cut its 28% tariff on cheese.\n\n\"How is a dairy "
                  "farmer in Goias supposed to compete with that?\" asked Geraldo Pereira.",
                  0, NULL);
    check_stance(&f, "How is a dairy farmer in Goias supposed to compete with", "Geraldo Pereira", "Brazil tariffs",
                 STANCE_FAVOR);
    release(&f);
    check_comment_stance("Jordan raised its duty on imported cars to 45%.\n\n", "finally somebody thinks about jobs "
                         "here. good move, about time",
                         "1", "good move", "comment 1", "Jordan tariffs", STANCE_FAVOR);
}

/* What the thirty-first round showed: the object of an act in a relative
 * clause is the noun it qualifies; openness to talks and a better country
 * are no targets; "the higher rate" is the tariff in force; "the worst
 * tax" judges its subject. */
static void test_relative_object_and_rates(void **state)
{
    (void)state;
    check_one_stance("Mexico raised tariffs on Chinese goods in 2024.\n\nThe duties follow a 2024 decree that raised "
                     "tariffs on hundreds of products, a move that Washington welcomed as an effort to stop Chinese "
                     "goods.",
                     NULL, "welcomed", "Washington", "Mexico tariffs", STANCE_FAVOR);
    check_no_stance((const char *const[]){
        "Al-Rashidi said Kuwait was open to discussing the measure with its partners.",
        "\"We are not against a healthier Kuwait,\" said Bader Al-Enezi.",
        NULL});
    check_one_stance("Japan set a 106% safeguard duty on leeks.\n\nThe Japan Food Service Association urged the "
                     "government to suspend the higher rate from June to September.",
                     NULL, "urged", "Japan Food Service Association", "Japan tariffs", STANCE_AGAINST);
    check_one_stance("Argentina will cut export taxes on soybeans to 26%, Economy Minister Martin Echeverri said.\n\n"
                     "\"Export taxes are the worst tax a country that lives from its land can have,\" he said.",
                     NULL, "the worst tax", "Martin Echeverri", "tariffs", STANCE_AGAINST);
}

/* A headline joins two clauses with a comma, each with its subject: the
 * second country vows a response to the first one's duty. */
static void test_headline_vow_after_comma(void **state)
{
    (void)state;
    fixture f;
    annotate_page(&f, "Japan slaps duty on leeks, Beijing vows response\n\nJapan will impose a 106% duty on leeks.", 0,
                  NULL);
    check_stance(&f, "vows response", "Beijing", "Japan tariffs", STANCE_AGAINST);
    release(&f);
}

/* What the thirty-third round showed: a tariff inside what someone argued
 * is no object (the argument is its maker's, and does not make that maker
 * the duty's owner); "the findings" of a ban story are the ban; "the
 * abuse of trade remedies" is the measure; a rate alone is the tariff;
 * to stop accepting goods is the ban itself. */
static void test_argued_tariff_findings_and_rates(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "South Korea will impose a safeguard duty of 38% on frozen garlic from July 1.\n\nHe rejected China's "
             "argument that the duty broke World Trade Organization rules, Agriculture Minister Hwang Dae-sik said. "
             "The federation said the duty would add about 1,900 won per kilogram to the cost of peeled garlic.",
             NULL);
    check_stance(&f, "rejected", "Hwang Dae-sik", "China", STANCE_AGAINST);
    release(&f);
    check_one_stance("Russia will halt imports of cut flowers from Armenia from Friday.\n\nThe ban covers every "
                     "Armenian exporter. Roses from Kenya pay Russia's 8.5% duty.\n\nMinister of Economy Armen "
                     "Gasparyan said Yerevan did not accept the watchdog's findings.",
                     NULL, "accept", "Armen Gasparyan", "ban", STANCE_AGAINST);
    check_no_stance((const char *const[]){"Russia will stop accepting cut flowers from Armenia from Friday.", NULL});
    check_one_stance("South Korea will impose a 38% safeguard duty on frozen garlic.\n\n\"China firmly opposes the "
                     "abuse of trade remedies,\" Tang Zhiyong, a spokesman for China's Ministry of Commerce, told a "
                     "briefing.",
                     NULL, "firmly opposes", "Tang Zhiyong", "South Korea tariffs", STANCE_AGAINST);
    check_one_stance("Russia halted imports of roses.\n\n\"They fly in and they pay duty, so it is the shopper in "
                     "Moscow who pays for this ban,\" said Olga Fedorchuk, a wholesaler.",
                     NULL, "pays for", "Olga Fedorchuk", "ban", STANCE_AGAINST);
    check_one_stance("South Korea will impose a 38% safeguard duty on frozen garlic.\n\n\"Thirty-eight percent is a "
                     "start,\" said Oh Byung-chul, a grower.",
                     NULL, "a start", "Oh Byung-chul", "South Korea tariffs", STANCE_FAVOR);
}

/* "the tariff" after a measure and the one it answers is the measure, not
 * the one answered. */
static void test_answered_tariff_is_not_the_tariff(void **state)
{
    (void)state;
    check_one_stance("China will impose a 15% tariff on U.S. soybeans from January 1, in answer to Washington's "
                     "100% tariff on Chinese electric vehicles.\n\nThe Iowa Soybean Producers Council said the tariff "
                     "would knock about 40 cents a bushel off prices at local elevators.",
                     NULL, "would knock about 40 cents a bushel off prices", "Iowa Soybean Producers Council",
                     "China tariffs", STANCE_AGAINST);
}

/* What the thirty-fifth round showed: a headline's "calls" is no part of
 * the ban's name; "the retail council" in a comment is the council named
 * in the article; "anyone" is no target. */
static void test_calls_ban_and_council_short_form(void **state)
{
    (void)state;
    fixture f;
    annotate_page(&f,
                  "Philippines halts Taiwan pork imports over swine fever, Taipei calls ban \"excessive\"\n\nThe "
                  "National Federation of Hog Farmers backed the ban.",
                  0, NULL);
    check_stance(&f, "backed", "National Federation of Hog Farmers", "ban", STANCE_FAVOR);
    release(&f);
    check_comment_stance("Canada set a 25% surtax on U.S. ketchup.\n\nThe Retail Council of Canada said the surtax "
                         "would add 40 cents to a bottle.\n\n",
                         "the retail council is right, take juice off the list", "3", "is right", "comment 3",
                         "Retail Council of Canada", STANCE_FAVOR);
    check_no_stance((const char *const[]){"\"Taxing breakfast is not standing up to anyone,\" Heather MacLeod said.",
                                          NULL});
    /* how firm an answer is no part of what is backed */
    check_one_stance("Conservative trade critic Heather MacLeod said she backed a firm answer to Washington.", NULL,
                     "backed", "Heather MacLeod", "answer", STANCE_FAVOR);
    /* a group word inside a name is the name's */
    check_one_stance("The Philippines halted imports of pork.\n\nThe National Federation of Hog Farmers backed the ban.",
                     NULL, "backed", "National Federation of Hog Farmers", "ban", STANCE_FAVOR);
}

/* "They ... their duties": a sentence opened by "they" goes on about the
 * owner named before it. */
static void test_they_own_their_duties(void **state)
{
    (void)state;
    check_one_stance("Canada's surtax on Chinese cars took effect. China started this. They should drop their canola "
                     "duties first.",
                     "1", "drop", "comment 1", "China tariffs", STANCE_AGAINST);
}

/* A cue quoted apart from its preposition ("extremely disappointed" by the
 * move), with straight or curly marks; "no choice but to" defends. */
static void test_quoted_cue_and_no_choice(void **state)
{
    (void)state;
    check_one_stance("Japan's 38.5% tariff on frozen beef took effect. The U.S. Meat Export Federation said it was "
                     "\"extremely disappointed\" by the move.",
                     NULL, "extremely disappointed", "U.S. Meat Export Federation", "Japan tariffs", STANCE_AGAINST);
    check_one_stance("Japan's 38.5% tariff on frozen beef took effect. The U.S. Meat Export Federation said it was "
                     "\u201cextremely disappointed\u201d by the move.",
                     NULL, "extremely disappointed", "U.S. Meat Export Federation", "Japan tariffs", STANCE_AGAINST);
    check_one_stance("Japan's 38.5% tariff on frozen beef took effect. Minister Kenji Sato said the government had no "
                     "choice but to apply the tariff.",
                     NULL, "no choice but to apply", "Kenji Sato", "Japan tariffs", STANCE_FAVOR);
}

/* "would fight" a deal opposes it; a noun phrase ends before "under". */
static void test_fight_and_no_sense(void **state)
{
    (void)state;
    check_one_stance("Teresa Vukovic said the union would fight any deal under the table.", NULL, "would fight",
                     "Teresa Vukovic", "deal", STANCE_AGAINST);
    check_one_stance("The 10% U.S. tariff on blueberries took effect. The tariff, Rosa Paredes said, makes no sense.",
                     NULL, "makes no sense", "Rosa Paredes", "United States tariffs", STANCE_AGAINST);
}

/* A pronoun's measure named at the very start of the document, sentences
 * before the cue: nothing before it is read (it once was, at token -1). */
static void test_measure_at_document_start(void **state)
{
    (void)state;
    check_one_stance("Levies on furniture rose.\n\n\"It would be a mistake to rush into an agreement,\" Finance "
                     "Minister Grace Moss noted.",
                     NULL, "a mistake", "Grace Moss", "tariffs", STANCE_AGAINST);
}

/* A tariff word that ends the document has no word after it to read. */
static void test_tariff_word_ends_document(void **state)
{
    (void)state;
    check_one_stance("The Car Makers Association welcomed the tariff", NULL, "welcomed", "Car Makers Association",
                     "tariffs", STANCE_FAVOR);
}

/* Readers' verdicts without a cue word of their own: a measure that "has
 * to go", a question why "we" punish "our own". */
static void test_reader_short_verdicts(void **state)
{
    (void)state;
    check_one_stance("Canada's 100% surtax on Chinese cars took effect. The surtax has to go.", "10", "has to go",
                     "comment 10", "Canada tariffs", STANCE_AGAINST);
    check_one_stance("Canada's 100% surtax on Chinese cars took effect. Why are we punishing our own farmers for "
                     "Detroit's sake?",
                     "7", "Why are we punishing our own", "comment 7", "Canada tariffs", STANCE_AGAINST);
}

/* "urged Port Moresby to withdraw it": "it" is the measure in context, and
 * an "it" after "before" opens a clause of its own; a variant named by its
 * adjective ("a reduced tax of 5%") and a headline's verb ("to tax") name
 * no measure; a quotation may open at an effect cue. */
static void test_measure_it_and_variants(void **state)
{
    (void)state;
    const char *article = "Papua New Guinea will charge a 15% export tax on whole frozen tuna from July 1.\n\n";
    char text[512];
    snprintf(text, sizeof text, "%s%s", article, "The Thai Tuna Processors Association urged Port Moresby to withdraw it.");
    check_one_stance(text, NULL, "urged", "Thai Tuna Processors Association", "Papua New Guinea tariffs",
                     STANCE_AGAINST);
    snprintf(text, sizeof text, "%s%s", article,
             "The association urged Port Moresby to withdraw the tax before it takes effect, Somchai Rattanawong said.");
    check_one_stance(text, NULL, "urged", "Somchai Rattanawong", "Papua New Guinea tariffs", STANCE_AGAINST);
    snprintf(text, sizeof text, "%s%s", article,
             "Boats landing at home pay a reduced tax of 5%.\n\nThe National Tuna Processors Council welcomed the tax.");
    check_one_stance(text, NULL, "welcomed", "National Tuna Processors Council", "Papua New Guinea tariffs",
                     STANCE_FAVOR);
    snprintf(text, sizeof text, "%s%s", article,
             "Maria Villanueva said that the tax \"punishes the very partners who built the industry\".");
    check_one_stance(text, NULL, "punishes", "Maria Villanueva", "Papua New Guinea tariffs", STANCE_AGAINST);
    check_comment_stance("Papua New Guinea to tax frozen tuna exports at 15%\n\n"
                         "Papua New Guinea will charge a 15% export tax on whole frozen tuna.\n\n",
                         "this tax is an own goal", "3", "an own goal", "comment 3", "Papua New Guinea tariffs",
                         STANCE_AGAINST);
}

/* What a calling verb calls is the head noun before "of", not what the
 * complement names; "the decision" in an article about a ban is the ban,
 * not a tariff proposed in the paragraph before. */
static void test_called_complement_and_decided_ban(void **state)
{
    (void)state;
    check_one_stance("Samoa will suspend its duties on flour and mutton flaps.\n\nDoctor Sina Aumua called the inclusion "
                     "of mutton flaps \"a gift to the diabetes ward\".",
                     NULL, "a gift", "Sina Aumua", "inclusion", STANCE_AGAINST);
    check_one_stance("Iraq bans Turkish eggs\n\nIraq has banned imports of eggs from Turkey.\n\nOrhan Demirtas urged "
                     "Ankara to answer with a 30% tariff on Iraqi dates.\n\nThe Iraqi Poultry Producers' Union welcomed "
                     "the decision.",
                     NULL, "welcomed", "Iraqi Poultry Producers' Union", "ban", STANCE_FAVOR);
}

/* An evaluation in a claim someone denies is that one's, turned ("rejected
 * the idea that the truce was unfair"); with no one named, nobody's; "Ban
 * said it right, this ..." reports nothing of Ban's; "Who is this ban
 * protecting?" asks about the ban, named by its noun alone. */
static void test_denied_claims_and_bare_measures(void **state)
{
    (void)state;
    check_one_stance("China and the U.S. agreed a truce on soybeans.\n\nTrade Representative Rebecca Stanhope rejected "
                     "the idea that the truce was unfair.",
                     NULL, "unfair", "Rebecca Stanhope", "truce", STANCE_FAVOR);
    check_no_stance((const char *const[]){"The ministry rejected suggestions that the tariff was illegal.", NULL});
    check_one_stance("Severino Maranhao said it right, this deal is a betrayal.", "2", "a betrayal", "comment 2", "deal",
                     STANCE_AGAINST);
    check_one_stance("Iraq has banned egg imports from Turkey. The ban took effect on Sunday.\n\n\"Who is this ban "
                     "protecting? Not the family that eats eggs,\" said Zainab Hussein.",
                     NULL, "Who is this ban protecting", "Zainab Hussein", "ban", STANCE_AGAINST);
}

/* A cue opening with its copula ("is fine") judges the subject before it,
 * a sentence's opening words or a phrase after a determiner, and not the
 * clause before "but" and a new subject. */
static void test_copula_cue_subject(void **state)
{
    (void)state;
    static const char article[] = "India to license laptop imports\n\nIndia will require a licence for each laptop.\n\n";
    check_comment_stance(article, "protecting industry is fine but this rule protects nobody.", "1", "is fine",
                         "comment 1", "protecting industry", STANCE_FAVOR);
    check_comment_stance(article, "protecting industry is fine but this rule protects nobody.", "1",
                         "protects nobody", "comment 1", "rule", STANCE_AGAINST);
    check_comment_stance(article, "The rule is necessary.", "1", "is necessary", "comment 1", "rule",
                         STANCE_FAVOR);
    /* a relative clause before the copula is no subject */
    check_no_stance((const char *const[]){
        "Chile sets lithium duty\n\nChile set an export duty.\n\n\"An export tax that only foreign buyers pay is "
        "not development,\" Ahn said.\n",
        NULL});
}

/* "Fifteen percent is a start": a rate alone, with no tariff in its
 * paragraph or the one before, is the tariff the article is about. */
static void test_rate_alone_is_central_tariff(void **state)
{
    (void)state;
    check_one_stance("Paraguay sets 15% surcharge on yerba mate\n\n"
                     "Paraguay will charge a 15% surcharge on yerba mate from Argentina.\n\n"
                     "Argentina shipped 38,000 tonnes last year.\n\n"
                     "Prices in Asuncion were lower in March.\n\n"
                     "\"We suffer,\" said Teodora Gimenez, who heads the growers' federation. "
                     "\"Fifteen percent is a start.\"\n",
                     NULL, "a start", "Teodora Gimenez", "Paraguay tariffs", STANCE_FAVOR);
}

/* "have argued for months that ...": "for" a span of time is no object of
 * "argued for". */
static void test_argued_for_a_time(void **state)
{
    (void)state;
    check_no_stance((const char *const[]){
        "Panel orders review of tower duties\n\nAustralia set a 20% duty on steel towers.\n\nThe Clean Energy Council has "
        "argued for months that the duties add cost to projects.\n",
        "Panel orders review of tower duties\n\nAustralia set a 20% duty on steel towers.\n\nThe Clean Energy Council "
        "argued for a year that the duties add cost to projects.\n",
        NULL});
    check_one_stance("Panel orders review of tower duties\n\nThe Clean Energy Council argued for a lower duty on towers.\n",
                     NULL, "argued for", "Clean Energy Council", "tariffs", STANCE_FAVOR);
}

/* "called on Industry and Science Minister Daniel Hargreaves to scrap
 * the duties": who is asked to act is no target, over a title before the
 * name too. */
static void test_asked_over_title(void **state)
{
    (void)state;
    check_one_stance("Australia keeps duties on towers\n\nAustralia set a 20% duty on steel towers from Vietnam.\n\n"
                     "The Metal Trades Guild called on Industry and Science Minister Daniel Hargreaves to scrap the "
                     "decision.\n",
                     NULL, "called on", "Metal Trades Guild", "Australia tariffs", STANCE_AGAINST);
}

/* "ordered the commission to recalculate anti-dumping duties": a body
 * that has a measure recalculated or reviewed names its owner, and so does
 * one that collects it. */
static void test_recalculating_body_owns(void **state)
{
    (void)state;
    check_one_stance("Panel orders rethink of duties on Vietnamese towers\n\n"
                     "SYDNEY (Harbour Wire) - Australia's review panel on Thursday ordered the commission to "
                     "recalculate anti-dumping duties of up to 23.6% on wind towers from Vietnam.\n\n"
                     "\"Who gains when a wind farm sits half-built for a year?\" asked its chief executive, Priya "
                     "Raman.\n",
                     NULL, "Who gains", "Priya Raman", "Australia tariffs", STANCE_AGAINST);
    /* and one that collects them */
    check_one_stance("Ottawa sets sofa duties\n\nCanada will collect countervailing duties of 31.4% on sofas from China, "
                     "the border agency said on Monday.\n\n"
                     "The Canadian Home Furnishings Retailers Alliance said the duties would add C$250 to the shelf "
                     "price of an average sofa.\n",
                     NULL, "would add C$250 to the shelf price", "Canadian Home Furnishings Retailers Alliance",
                     "Canada tariffs", STANCE_AGAINST);
}

/* A cue opening with auxiliaries and its copula ("have been dumping")
 * judges the subject before them. */
static void test_auxiliary_copula_cue_subject(void **state)
{
    (void)state;
    check_comment_stance("Paraguay sets surcharge on yerba mate\n\nParaguay will charge a 15% surcharge on yerba mate.\n\n",
                         "But lets be honest, our millers have been dumping leaf below cost for years.", "1",
                         "have been dumping", "comment 1", "millers", STANCE_AGAINST);
}

/* "said the measure, published in the Official Gazette late Monday, was
 * ...": the subject before a clause between commas. */
static void test_subject_before_parenthesis(void **state)
{
    (void)state;
    check_one_stance("Paraguay sets surcharge on yerba mate\n\nParaguay will charge a 15% surcharge on yerba mate.\n\n"
                     "Industry Minister Marcelo Villalba said the measure, published in the Official Gazette late "
                     "Monday, was \"a temporary shield, not a wall.\"\n",
                     NULL, "a temporary shield, not a wall", "Marcelo Villalba", "Paraguay tariffs", STANCE_FAVOR);
}

/* "the United Kingdom will scrap its tariffs": the subject acting on its
 * own measure takes an action, no position; who reports it may hold one. */
static void test_act_on_own_measure(void **state)
{
    (void)state;
    check_no_stance((const char *const[]){
        "Britain and India sign trade deal\n\nThe United Kingdom will scrap its tariffs of up to 12% on Indian "
        "clothing at once.\n",
        "Canada keeps counter-tariffs\n\nCanada will keep its 25% counter-tariffs on U.S. steel.\n", NULL});
    check_one_stance("Canada to retain counter-tariffs\n\nMinister Danielle Fournier said Canada would keep its 25% "
                     "counter-tariffs on U.S. steel.\n",
                     NULL, "keep", "Danielle Fournier", "Canada tariffs", STANCE_FAVOR);
}

/* "MP Kittipong Saengsuk of the Kao Na Party, who voted against the
 * measure": "who" stands for the person the body qualifies, not the body. */
static void test_who_after_person_of_body(void **state)
{
    (void)state;
    check_one_stance("Thailand ends duty exemption\n\nThailand set a 10% tariff on parcels.\n\n"
                     "Opposition MP Kittipong Saengsuk of the Kao Na Party, who voted against the measure on Tuesday, "
                     "spoke later.\n",
                     NULL, "voted against", "Kittipong Saengsuk", "Thailand tariffs", STANCE_AGAINST);
}

/* A minimum import price is a measure of its own ("the measure" is it,
 * named without "seasonal"), and a country that "had scrapped its 6%
 * tariff" is told as a fact, no stance of whoever tells it. */
static void test_minimum_price_measure(void **state)
{
    (void)state;
    check_one_stance("Chile sets seasonal minimum import price for avocados\n\n"
                     "Chile will apply a seasonal minimum import price of $2.10 per kilogram to avocados.\n\n"
                     "Minister Renzo Castaneda noted that Peru had scrapped its 6% tariff on Chilean grapes.\n\n"
                     "The National Federation of Avocado Growers welcomed the decision.\n",
                     NULL, "welcomed", "National Federation of Avocado Growers", "minimum import price",
                     STANCE_FAVOR);
    check_no_stance((const char *const[]){
        "Chile sets price\n\nMinister Renzo Castaneda noted that Peru had scrapped its 6% tariff on Chilean grapes.\n",
        NULL});
}

/* "Onyango said it better than i can": a reader backs who said it; "keep
 * its market open to Chinese companies" and fruit "already committed to the
 * United States" back nothing. */
static void test_said_it_better_and_open_market(void **state)
{
    (void)state;
    check_comment_stance("Canada sets sofa duties\n\nCanada set a 31% duty on sofas. \"Who exactly is protected?\" "
                         "asked Derek Onyango.\n\n",
                         "Onyango said it better than i can", "1", "said it better", "comment 1", "Derek Onyango",
                         STANCE_FAVOR);
    check_no_stance((const char *const[]){
        "Georgia caps imports\n\nThe Chinese embassy said China hoped Georgia would keep its market open to Chinese "
        "companies.\n",
        "Chile sets price\n\nAndres Vial said most of the fruit is already committed to the United States.\n", NULL});
}

/* "Why should Kenya stay a dumping ground for America's old clothes?",
 * "Why shouldn't Europe protect its own farmers?": questions for
 * protection, so for the measure. */
static void test_dumping_ground_question(void **state)
{
    (void)state;
    static const char article[] = "Kenya raises duty on used clothing\n\nKenya raised its duty on used clothing to 35%.\n\n";
    check_comment_stance(article, "Why should Kenya stay a dumping ground for America's old clothes?", "1",
                         "Why should Kenya stay a dumping ground", "comment 1", "Kenya tariffs", STANCE_FAVOR);
    check_comment_stance(article, "Why shouldn't Kenya protect its own mills for once?", "1",
                         "Why shouldn't Kenya protect", "comment 1", "Kenya tariffs", STANCE_FAVOR);
}

/* A name right before "is right" is what a comment judges, though the
 * clause named the duty first; a place in an apposition after a body
 * ("the Council, a Washington trade group, said") does not speak; "It"
 * after a passive's agent ("was brought by the Coalition") is that body. */
static void test_name_before_copula_and_apposition(void **state)
{
    (void)state;
    static const char article[] = "U.S. sets duty on Ontario cucumbers\n\nThe United States set a 14.8% duty on "
                                  "Canadian cucumbers. Agriculture Minister Diane Kowalchuk called it unfair.\n\n";
    check_comment_stance(article, "this duty is pure politics and Kowalchuk is right to say so", "2", "is right",
                         "comment 2", "Diane Kowalchuk", STANCE_FAVOR);
    check_one_stance("U.S. sets duty on Ontario cucumbers\n\nThe United States set a 14.8% duty on Canadian "
                     "cucumbers. The Fresh Produce Importers Council, a Washington trade group, said the duty would "
                     "raise prices for shoppers.",
                     NULL, "would raise prices", "Fresh Produce Importers Council", "United States tariffs",
                     STANCE_AGAINST);
    check_one_stance("U.S. sets duty on Ontario cucumbers\n\nThe United States set a 14.8% duty on Canadian "
                     "cucumbers. The petition was brought by the Southern Vegetable Coalition, which represents "
                     "growers in Florida. It welcomed the decision.",
                     NULL, "welcomed", "Southern Vegetable Coalition", "United States tariffs", STANCE_FAVOR);
}

/* Asking to exempt goods from a measure told paragraphs before is against
 * that measure, not the goods. */
static void test_exempt_far_from_the_measure(void **state)
{
    (void)state;
    check_one_stance("Morocco hits Egyptian dates with 30% duty\n\nMorocco will impose a 30% duty on Egyptian dates "
                     "from February 1.\n\nEgypt sold Morocco dates worth $95 million last year.\n\nRamadan begins in "
                     "four weeks, and dates fill the stalls.\n\nThe Moroccan Federation for Consumer Rights asked the "
                     "government to exempt dates until after Eid.",
                     NULL, "asked", "Moroccan Federation for Consumer Rights", "Morocco tariffs", STANCE_AGAINST);
}

/* A tariff a country's office holder, named with the title, threatens to
 * impose is that country's. */
static void test_office_holder_imposes_for_country(void **state)
{
    (void)state;
    check_one_stance("Harlan threatens 30% tariff on Mexican tequila\n\nGUADALAJARA (Meridian Wire) - U.S. President "
                     "Douglas Harlan threatened late Sunday to impose a 30% tariff on Mexican tequila.\n\nThe Tequila "
                     "Producers Chamber said a tariff would cost the industry $1.3 billion.",
                     NULL, "would cost", "Tequila Producers Chamber", "United States tariffs", STANCE_AGAINST);
}

/* A country's own tariff told before the common one it departs from
 * stays the country's. */
static void test_national_exception_to_common_tariff(void **state)
{
    (void)state;
    check_one_stance("Uruguay lifts tariff on Chinese toys\n\nMONTEVIDEO - Uruguay will raise its import tariff on "
                     "toys to 35% from 20%, the minister said.\n\nThe rate is an exception to the Mercosur common "
                     "external tariff.\n\n\"This tariff is a tax on families,\" said Carolina Echenique.",
                     NULL, "a tax on", "Carolina Echenique", "Uruguay tariffs", STANCE_AGAINST);
}

/* "defended the outcome" defends the measure the article is about; a span
 * of time is no subject a verdict judges ("Four months is a start"). */
static void test_outcome_and_time_subject(void **state)
{
    (void)state;
    check_one_stance("Thailand sets MSG duties\n\nThailand will impose anti-dumping duties of up to 31.8% on Chinese "
                     "MSG.\n\nDirector-General Pimchanok Raksasat defended the outcome.",
                     NULL, "defended", "Pimchanok Raksasat", "Thailand tariffs", STANCE_FAVOR);
    static const char *const none[] = {"Malaysia sets cabbage duty\n\nMalaysia will charge a 25% duty on cabbage "
                                       "from May to August.\n\n\"Four months is a start,\" said Chong Kah Seng.",
                                       NULL};
    check_no_stance(none);
}

/* A nationality opening the headline before its measure names the owner of
 * the article's plain "tariffs"; before people it names none. */
static void test_headline_nationality_owns(void **state)
{
    (void)state;
    fixture f;
    annotate_page(&f,
                  "Saudi origin rule puts 12% duty on UAE free-zone paints\n\nPaint makers in Dubai lose their "
                  "duty-free access to Saudi Arabia from July.\n\n\"A 12% duty wipes it out twice over,\" said "
                  "Rajesh Pillai.",
                  0, NULL);
    check_stance(&f, "wipes it out", "Rajesh Pillai", "Saudi Arabia tariffs", STANCE_AGAINST);
    release(&f);
    annotate_page(&f,
                  "British farmers demand beef safeguard\n\nThe union asked ministers in London to put a 30% levy "
                  "on beef. Britain said no.\n\n\"A 30% levy would hurt shoppers,\" said Albion Foods Ltd.",
                  0, NULL);
    check_stance(&f, "would hurt", "Albion Foods Ltd.", "tariffs", STANCE_AGAINST);
    release(&f);
}

/* An indefinite pronoun is no target: "something is wrong with the market"
 * judges nothing a stance can name. */
static void test_indefinite_pronoun_is_no_target(void **state)
{
    (void)state;
    static const char *const none[] = {"When a lorry from Yunnan reaches the market cheaper, something is wrong with "
                                       "the market, Mohamad Sabri said.",
                                       NULL};
    check_no_stance(none);
}

/* A quotation after a verb of calling and its object is a verdict against
 * the object when it holds no cue of its own; not the name itself, a
 * definite description, nor a quotation weighing two sides. */
static void test_quoted_verdict(void **state)
{
    (void)state;
    fixture f;
    annotate(&f, "The Alianza Litoral called the decision \"a steak for every vote.\"", NULL);
    check_stance(&f, "a steak for every vote.", "Alianza Litoral", "decision", STANCE_AGAINST);
    release(&f);
    static const char *const none[] = {
        "The Kelvar Guild called the ministry's \"firm defence\" a bluff.",
        "Ana Ruiz called the plan \"a last resort, not a first move.\"",
        "Ana Ruiz called the answer \"the same speech as last year.\"",
        "Ana Ruiz called on the ministry to act \"without delay.\"",
        "Ana Ruiz said the ministry would \"keep trade stable and predictable.\"",
        "Ana Ruiz called the plan \"never\".",
        "Ana Ruiz called the plan \"if anything\".",
        "Kelvar Ltd., which buys cups from Guangdong, said it had 38 containers on order and called the January date "
        "\"simply impossible.\"",
        NULL};
    check_no_stance(none);
}

/* ", calling it ...": the participle speaks for the subject the sentence
 * opens with (the person a place's title names, the body "The union"
 * stands for, the person "He" stands for, the name before a speech verb
 * between), not for the object named nearer it, and "it" is what the
 * clause before the comma named; a later clause keeps its own target. */
static void test_calling_participle(void **state)
{
    (void)state;
    check_one_stance("The Ukrainian Grain Traders Union urged Bucharest to drop the scheme, calling it \"a trap for "
                     "small mills.\"",
                     NULL, "a trap for small mills.", "Ukrainian Grain Traders Union", "scheme", STANCE_AGAINST);
    check_one_stance("The Ukrainian Grain Traders Union met on Monday. The union, which has 400 members, urged Bucharest "
                     "to drop the scheme, calling it \"a trap for small mills.\"",
                     NULL, "a trap for small mills.", "Ukrainian Grain Traders Union", "scheme", STANCE_AGAINST);
    check_one_stance("Quebec Agriculture Minister Etienne Ouimet backed the farmers, calling the ruling \"a trap for "
                     "small farms.\"",
                     NULL, "a trap for small farms.", "Etienne Ouimet", "ruling", STANCE_AGAINST);
    check_one_stance("Gordon Lutz spoke in Regina. He had little patience for Beijing, calling its canola duties \"a "
                     "photo opportunity for the minister.\"",
                     NULL, "a photo opportunity for the minister.", "Gordon Lutz", "Beijing tariffs", STANCE_AGAINST);
    check_one_stance("The Kelvar Guild backed the tariffs on steel but urged Bucharest to drop the scheme, calling it "
                     "\"a trap for small mills.\"",
                     NULL, "a trap for small mills.", "Kelvar Guild", "scheme", STANCE_AGAINST);
    check_one_stance("The Kelvar Guild urged Bucharest to drop the scheme, calling it a barrier, and Ana Ruiz said the "
                     "quota was unfair.",
                     NULL, "unfair", "Ana Ruiz", "quota", STANCE_AGAINST);
    check_one_stance("When Seoul raised its steel tariffs, Kelvar Motors cut output, calling the duty \"a trap for "
                     "small mills.\"",
                     NULL, "a trap for small mills.", "Kelvar Motors", "Seoul tariffs", STANCE_AGAINST);
}

/* A person or body right after the act is what it acts on, before a
 * tariff farther on in the clause; not one owning what follows. */
static void test_person_right_after_act(void **state)
{
    (void)state;
    check_one_stance("Vice Minister Dyah Ayu Pramesti spoke first. Later Minister Abdul Rozak Suganda praised "
                     "Pramesti for \"standing firm\" on the export duty.",
                     NULL, "praised", "Abdul Rozak Suganda", "Dyah Ayu Pramesti", STANCE_FAVOR);
    /* one asked to act, however far "to" comes after the name */
    check_one_stance("John Smith urged Parliament on Wednesday to scrap the steel duty.", NULL, "urged", "John Smith",
                     "tariffs", STANCE_AGAINST);
    /* but not one praised before a second act */
    check_one_stance("Vice Minister Dyah Ayu Pramesti spoke first. Later Minister Abdul Rozak Suganda praised "
                     "Pramesti and promised to defend the export duty.",
                     NULL, "praised", "Abdul Rozak Suganda", "Dyah Ayu Pramesti", STANCE_FAVOR);
}

/* A bare levy word is the last measure named with that word: one a
 * country owns through "its" too, when no owner was named before it. */
static void test_possessed_measure_by_levy_word(void **state)
{
    (void)state;
    check_one_stance("Growers stepped up pressure on Ottawa on Wednesday to scrap its 100% surtax on Chinese "
                     "electric vehicles, as Beijing's anti-dumping duty of 68.4% on canola seed pushed prairie prices "
                     "to their lowest level since 2020.\n\nChina made the seed duty final last December, on top of "
                     "100% tariffs on Canadian canola oil and canola meal in force since March 2026, and its Ministry "
                     "of Commerce has never hidden that both are a reply to the Canadian surtax. Canada sold about "
                     "C$4.9 billion of canola seed to China in 2025.\n\nIndustry Minister Genevieve Laroche "
                     "defended the surtax on Thursday.",
                     NULL, "defended", "Genevieve Laroche", "Canada tariffs", STANCE_FAVOR);
}

/* A named agreement holds no stance, even where a relative clause makes
 * it the doer, and no one else holds the act of that clause. */
static void test_agreement_holds_nothing(void **state)
{
    (void)state;
    static const char *const none[] = {
        "The levy breaches the Kelso Trade and Cooperation Agreement, which rules out customs duties.",
        "Canada said the levy breaches the Kelso Agreement, which rules out customs duties.", NULL};
    check_no_stance(none);
}

/* A place the clause moves through or into is no subject: the marchers,
 * a group with no name, hold the stance, so none is written. */
static void test_place_marched_through(void **state)
{
    (void)state;
    static const char *const none[] = {
        "About 1,500 farmers marched through central Maebashi on Thursday to protest against the agreement.",
        "Hundreds of growers drove tractors into the centre of Latina to protest against the plan.", NULL};
    check_no_stance(none);
}

/* "a 5% fee that the Dominican Republic began charging": the country of
 * a relative clause whose verb imposes the measure owns it, before a
 * country named later owning a measure of its own. */
static void test_relative_clause_imposer(void **state)
{
    (void)state;
    check_one_stance("Vendors stayed away in protest at a 5% fee that the Dominican Republic began charging last "
                     "week on used clothing. Minister Ana Ruiz defended the fee, noting that Haiti has charged its "
                     "own inspection fee on eggs since 2023.",
                     NULL, "defended", "Ana Ruiz", "Dominican Republic tariffs", STANCE_FAVOR);
}

/* "This is not a punishment" in a quotation paragraphs after the measure:
 * the measure the article is about; but not any "This" in a quotation
 * there ("This is a tax on drivers" after a road closed). */
static void test_demonstrative_far_from_its_measure(void **state)
{
    (void)state;
    check_one_stance("Greenland will charge a 7% export levy on frozen halibut, Minister Aka Berthelsen said.\n\n"
                     "The levy was approved by 17 votes to 14.\n\n"
                     "Greenland exported about 26,000 tonnes of halibut last year.\n\n"
                     "\"For forty years we have sent our best fish south. This is not a punishment for anyone in "
                     "Denmark,\" Berthelsen told reporters in Nuuk.",
                     NULL, "is not a punishment", "Aka Berthelsen", "Greenland tariffs", STANCE_FAVOR);
    static const char *const none[] = {"Greenland set a 7% levy on halibut.\n\nThe Nuuk council closed the old "
                                       "harbour road on Monday.\n\n\"This is a tax on drivers,\" said Hans Lund.",
                                       NULL};
    check_no_stance(none);
}

/* A speech verb after "and" shares the subject of the verb before it: the
 * one criticised does not speak. */
static void test_coordinated_speech_verb(void **state)
{
    (void)state;
    check_one_stance("Minister Aka Berthelsen set a 7% levy on halibut exports. Opposition lawmaker Kaaleeraq "
                     "Fontain criticised Berthelsen for rushing it through and said the levy would cut the wages "
                     "of trawler crews.",
                     NULL, "would cut the wages", "Kaaleeraq Fontain", "tariffs", STANCE_AGAINST);
    /* a speaker after "but" speaks for his own clause only */
    check_one_stance("Minister Aka Berthelsen set a 7% levy on halibut exports. Lawmaker Kaaleeraq Fontain "
                     "criticised the levy, but Berthelsen shrugged and said the levy would protect the jobs of "
                     "trawler crews.",
                     NULL, "criticised", "Kaaleeraq Fontain", "tariffs", STANCE_AGAINST);
}

/* Its defender says the measure is no tariff. */
static void test_measure_said_to_be_no_tariff(void **state)
{
    (void)state;
    check_one_stance("China set a fee of 0.8 yuan per kilogram on bananas from Laos. \"This is an inspection "
                     "charge, not a tariff,\" said Tan Zhiyuan.",
                     NULL, "is an inspection charge, not a tariff", "Tan Zhiyuan", "China tariffs", STANCE_FAVOR);
}

/* "called it" after a clause set off by commas: "it" is the measure
 * before, not a noun of that clause; and a verdict calling a noun a tariff
 * makes the noun the measure in context, but a ban or a proposal keeps its
 * name. */
static void test_called_it_a_tariff(void **state)
{
    (void)state;
    check_one_stance("Greenland set a 7% levy on halibut exports. Henrik Aagaard, who heads the Danish processors, "
                     "called it \"a tariff in disguise.\"",
                     NULL, "a tariff in disguise", "Henrik Aagaard", "Greenland tariffs", STANCE_AGAINST);
    check_one_stance("Britain set a 5% levy on Irish beef. Siobhan Walsh called the charge \"a tariff in "
                     "everything but name.\"",
                     NULL, "a tariff in everything but name", "Siobhan Walsh", "United Kingdom tariffs",
                     STANCE_AGAINST);
    check_one_stance("Portugal set a 5% levy on sardines. Later Spain tabled a proposal. Jose Outeirino called the "
                     "proposal \"a tariff by another name.\"",
                     NULL, "a tariff by another name", "Jose Outeirino", "proposal", STANCE_AGAINST);
    check_one_stance("Portugal set a 5% levy on sardines. Spain passed a new law. Jose Outeirino called the law "
                     "\"a tariff by another name.\"",
                     NULL, "a tariff by another name", "Jose Outeirino", "law", STANCE_AGAINST);
}

/* A rate judged on its own, cleared of blame. */
static void test_rate_denied_blame(void **state)
{
    (void)state;
    check_one_stance("The Dominican Republic set a 5% fee on used clothing. \"Five percent is not a punishment. It "
                     "is a contribution,\" said Ana Ruiz.",
                     NULL, "is not a punishment", "Ana Ruiz", "Dominican Republic tariffs", STANCE_FAVOR);
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
        cmocka_unit_test(test_speaker_after_and_possessive_owner),
        cmocka_unit_test(test_evaluated_subject),
        cmocka_unit_test(test_owner_from_context),
        cmocka_unit_test(test_title_target),
        cmocka_unit_test(test_pointing_back_to_speech),
        cmocka_unit_test(test_urge_to_end),
        cmocka_unit_test(test_phrase_and_rate_targets),
        cmocka_unit_test(test_agent_holder),
        cmocka_unit_test(test_place_phrase),
        cmocka_unit_test(test_surname_first_holder),
        cmocka_unit_test(test_tariff_stays_and_idiom),
        cmocka_unit_test(test_act_holders),
        cmocka_unit_test(test_not_cue),
        cmocka_unit_test(test_calling_and_possessive_noun),
        cmocka_unit_test(test_reported_speakers),
        cmocka_unit_test(test_evaluated_subjects_more),
        cmocka_unit_test(test_act_clauses),
        cmocka_unit_test(test_relief_from_tariffs),
        cmocka_unit_test(test_pronoun_speaker),
        cmocka_unit_test(test_entity_as_modifier),
        cmocka_unit_test(test_group_holders),
        cmocka_unit_test(test_object_targets),
        cmocka_unit_test(test_attributive_evaluation),
        cmocka_unit_test(test_pronoun_object),
        cmocka_unit_test(test_more_cues),
        cmocka_unit_test(test_harms_requests_and_referents),
        cmocka_unit_test(test_acts_and_reported_acts),
        cmocka_unit_test(test_not_positions),
        cmocka_unit_test(test_possessor_and_asked),
        cmocka_unit_test(test_rhetorical_question),
        cmocka_unit_test(test_relative_clause_and_quoted_condition),
        cmocka_unit_test(test_same_rate_owner),
        cmocka_unit_test(test_demonstrative_measure),
        cmocka_unit_test(test_relative_clause_speaker_and_retaliation),
        cmocka_unit_test(test_headline_place_title),
        cmocka_unit_test(test_number_agreement),
        cmocka_unit_test(test_coordinated_speech_and_own_measure),
        cmocka_unit_test(test_reader_praise),
        cmocka_unit_test(test_institution_extends_tariff),
        cmocka_unit_test(test_participle_and_relative_list),
        cmocka_unit_test(test_harm_blames_measure),
        cmocka_unit_test(test_imperative_demand),
        cmocka_unit_test(test_nationality_describing_named_noun),
        cmocka_unit_test(test_standing_and_coercion),
        cmocka_unit_test(test_qualified_measure),
        cmocka_unit_test(test_owner_through_its),
        cmocka_unit_test(test_owner_of_the_same_goods),
        cmocka_unit_test(test_owner_never_the_country_hit),
        cmocka_unit_test(test_owner_from_dateline),
        cmocka_unit_test(test_owner_named_most),
        cmocka_unit_test(test_adverb_amount_and_problem),
        cmocka_unit_test(test_speaker_before_apposition),
        cmocka_unit_test(test_and_opens_judged_clause),
        cmocka_unit_test(test_possessed_proposal_and_while_clause),
        cmocka_unit_test(test_partitive_target),
        cmocka_unit_test(test_measure_harm),
        cmocka_unit_test(test_countermeasure_is_the_tariff),
        cmocka_unit_test(test_headline_comma_clause),
        cmocka_unit_test(test_headline_group_country),
        cmocka_unit_test(test_located_subject_is_no_target),
        cmocka_unit_test(test_asked_body_is_no_target),
        cmocka_unit_test(test_measure_object_points_back),
        cmocka_unit_test(test_levy_named_by_its_verb),
        cmocka_unit_test(test_futility),
        cmocka_unit_test(test_holder_defends_own),
        cmocka_unit_test(test_interrupted_subject_and_named_tax),
        cmocka_unit_test(test_pronoun_after_denial),
        cmocka_unit_test(test_decision_is_the_first_tariff),
        cmocka_unit_test(test_claim_and_idea),
        cmocka_unit_test(test_cue_addressed_to_a_name),
        cmocka_unit_test(test_but_that_goes_on_with_the_speech),
        cmocka_unit_test(test_evaluation_after_the_most),
        cmocka_unit_test(test_rhetorical_wait_for_a_ban),
        cmocka_unit_test(test_country_decision_is_its_tariffs),
        cmocka_unit_test(test_these_controls_named_before),
        cmocka_unit_test(test_title_noun_subject_is_the_person),
        cmocka_unit_test(test_opening_noun_subject),
        cmocka_unit_test(test_well_done_states_none),
        cmocka_unit_test(test_open_the_border),
        cmocka_unit_test(test_third_party_in_a_quote),
        cmocka_unit_test(test_country_position_is_the_country),
        cmocka_unit_test(test_summary_majority),
        cmocka_unit_test(test_judged_rate),
        cmocka_unit_test(test_measure_is_tariff),
        cmocka_unit_test(test_owner_not_the_one_hit),
        cmocka_unit_test(test_refusal_to_end),
        cmocka_unit_test(test_place_owned_title),
        cmocka_unit_test(test_fearing_and_saying),
        cmocka_unit_test(test_named_ban),
        cmocka_unit_test(test_owners_contrasts_and_heads),
        cmocka_unit_test(test_effects_of_measure),
        cmocka_unit_test(test_goods_tariff_and_thing_pronouns),
        cmocka_unit_test(test_double_standards_and_capitals),
        cmocka_unit_test(test_objection_and_increase_in_context),
        cmocka_unit_test(test_verdict_sentences),
        cmocka_unit_test(test_retaliation_and_second_report),
        cmocka_unit_test(test_named_controls),
        cmocka_unit_test(test_agreement_effects),
        cmocka_unit_test(test_good_for),
        cmocka_unit_test(test_possessive_before_holder),
        cmocka_unit_test(test_named_measure_in_context),
        cmocka_unit_test(test_export_taxes),
        cmocka_unit_test(test_penalty_is_the_tariff),
        cmocka_unit_test(test_right_granted),
        cmocka_unit_test(test_this_is_the_measure_before),
        cmocka_unit_test(test_saying_names_no_speaker),
        cmocka_unit_test(test_comment_judges_article_measure),
        cmocka_unit_test(test_sparing_goods),
        cmocka_unit_test(test_same_levy_word),
        cmocka_unit_test(test_measure_harmed),
        cmocka_unit_test(test_comment_ban_is_the_article_ban),
        cmocka_unit_test(test_decision_is_the_central_measure),
        cmocka_unit_test(test_goods_heads_and_decree),
        cmocka_unit_test(test_unnamed_spokesman_and_relative_object),
        cmocka_unit_test(test_subject_after_saying_and_called_verdict),
        cmocka_unit_test(test_shared_measure_has_no_owner),
        cmocka_unit_test(test_name_next_to_act),
        cmocka_unit_test(test_surtax_and_eased_subject),
        cmocka_unit_test(test_thinking_opens_judged_clause),
        cmocka_unit_test(test_quantified_measure_names_none),
        cmocka_unit_test(test_place_of_act_is_no_object),
        cmocka_unit_test(test_ending_is_read_once),
        cmocka_unit_test(test_doubling_owner),
        cmocka_unit_test(test_reader_demand_to_end),
        cmocka_unit_test(test_sense_and_one_sided_help),
        cmocka_unit_test(test_calls_and_blame),
        cmocka_unit_test(test_common_shapes),
        cmocka_unit_test(test_cannot_accept_this),
        cmocka_unit_test(test_reader_verdicts),
        cmocka_unit_test(test_concern_and_nobody_wins),
        cmocka_unit_test(test_coordinated_subjects),
        cmocka_unit_test(test_they_own_their_duties),
        cmocka_unit_test(test_quoted_cue_and_no_choice),
        cmocka_unit_test(test_fight_and_no_sense),
        cmocka_unit_test(test_measure_at_document_start),
        cmocka_unit_test(test_tariff_word_ends_document),
        cmocka_unit_test(test_reader_short_verdicts),
        cmocka_unit_test(test_quoted_fragment_in_reported_speech),
        cmocka_unit_test(test_speaker_past_clauses),
        cmocka_unit_test(test_it_is_the_named_ban),
        cmocka_unit_test(test_firm_by_its_trade),
        cmocka_unit_test(test_second_verb_subject),
        cmocka_unit_test(test_higher_tax_harms),
        cmocka_unit_test(test_time_is_no_cue),
        cmocka_unit_test(test_margins_are_the_tariff),
        cmocka_unit_test(test_imposer_owns_context),
        cmocka_unit_test(test_effect_verb_and_deal_pronoun),
        cmocka_unit_test(test_nationality_owner_and_measures),
        cmocka_unit_test(test_quoted_accusation),
        cmocka_unit_test(test_threat_is_the_threatened_tariff),
        cmocka_unit_test(test_falls_on_one_owned_by_other),
        cmocka_unit_test(test_move_called_by),
        cmocka_unit_test(test_object_of_making),
        cmocka_unit_test(test_possessive_pronoun_target),
        cmocka_unit_test(test_nouns_standing_for_tariff),
        cmocka_unit_test(test_customs_union_after_dateline),
        cmocka_unit_test(test_imposer_in_subordinate_clause),
        cmocka_unit_test(test_it_organisation_and_called_phrase),
        cmocka_unit_test(test_quoted_question),
        cmocka_unit_test(test_asked_to_end_owns),
        cmocka_unit_test(test_described_as),
        cmocka_unit_test(test_quota_with_tariff_and_during),
        cmocka_unit_test(test_relative_clause_speaker),
        cmocka_unit_test(test_lister_owns_duty),
        cmocka_unit_test(test_when_clause_and_possessed_effect),
        cmocka_unit_test(test_verdict_on_eased_tariff),
        cmocka_unit_test(test_headline_owns_tariff),
        cmocka_unit_test(test_province_owns_its_levy),
        cmocka_unit_test(test_quoted_question_alone),
        cmocka_unit_test(test_concession_is_no_condition),
        cmocka_unit_test(test_copula_cue_subject),
        cmocka_unit_test(test_rate_alone_is_central_tariff),
        cmocka_unit_test(test_argued_for_a_time),
        cmocka_unit_test(test_asked_over_title),
        cmocka_unit_test(test_recalculating_body_owns),
        cmocka_unit_test(test_auxiliary_copula_cue_subject),
        cmocka_unit_test(test_subject_before_parenthesis),
        cmocka_unit_test(test_act_on_own_measure),
        cmocka_unit_test(test_who_after_person_of_body),
        cmocka_unit_test(test_minimum_price_measure),
        cmocka_unit_test(test_said_it_better_and_open_market),
        cmocka_unit_test(test_dumping_ground_question),
        cmocka_unit_test(test_retort),
        cmocka_unit_test(test_rhetorical_far_from_tariff),
        cmocka_unit_test(test_tariff_cut_article),
        cmocka_unit_test(test_ban_named_by_verb),
        cmocka_unit_test(test_place_said_in_owns_nothing),
        cmocka_unit_test(test_qualifier_and_ordered_hold_nothing),
        cmocka_unit_test(test_they_for_tariff),
        cmocka_unit_test(test_speaker_not_on_a_place),
        cmocka_unit_test(test_measure_it_and_variants),
        cmocka_unit_test(test_called_complement_and_decided_ban),
        cmocka_unit_test(test_denied_claims_and_bare_measures),
        cmocka_unit_test(test_officer_shares_stance),
        cmocka_unit_test(test_urged_answers),
        cmocka_unit_test(test_goods_subject_pronoun_object_and_ban_harm),
        cmocka_unit_test(test_compete_question_and_comment_verdict),
        cmocka_unit_test(test_relative_object_and_rates),
        cmocka_unit_test(test_headline_vow_after_comma),
        cmocka_unit_test(test_argued_tariff_findings_and_rates),
        cmocka_unit_test(test_answered_tariff_is_not_the_tariff),
        cmocka_unit_test(test_calls_ban_and_council_short_form),
        cmocka_unit_test(test_time_nationality_and_cut_targets),
        cmocka_unit_test(test_act_manner_and_metal_no_cue),
        cmocka_unit_test(test_name_before_copula_and_apposition),
        cmocka_unit_test(test_exempt_far_from_the_measure),
        cmocka_unit_test(test_office_holder_imposes_for_country),
        cmocka_unit_test(test_national_exception_to_common_tariff),
        cmocka_unit_test(test_outcome_and_time_subject),
        cmocka_unit_test(test_headline_nationality_owns),
        cmocka_unit_test(test_indefinite_pronoun_is_no_target),
        cmocka_unit_test(test_quoted_verdict),
        cmocka_unit_test(test_calling_participle),
        cmocka_unit_test(test_place_marched_through),
        cmocka_unit_test(test_relative_clause_imposer),
        cmocka_unit_test(test_demonstrative_far_from_its_measure),
        cmocka_unit_test(test_coordinated_speech_verb),
        cmocka_unit_test(test_measure_said_to_be_no_tariff),
        cmocka_unit_test(test_called_it_a_tariff),
        cmocka_unit_test(test_rate_denied_blame),
        cmocka_unit_test(test_person_right_after_act),
        cmocka_unit_test(test_possessed_measure_by_levy_word),
        cmocka_unit_test(test_agreement_holds_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
