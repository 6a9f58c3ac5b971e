/* rules_fixture: a document annotated end to end with a small rule set
 * given as text, for the tests of the stages after matching (resolve,
 * link). Include after <cmocka.h>. annotate() fails the test on a rule
 * error; release() frees what annotate() made. */
#ifndef TESTS_RULES_FIXTURE_H
#define TESTS_RULES_FIXTURE_H

#include <string.h>

#include "match.h"
#include "resolve.h"
#include "rules.h"

typedef struct {
    ann_rules *rules;
    matcher *m;
    document doc;
} fixture;

static void annotate(fixture *f, const char *rules_text, const char *text)
{
    ann_error err;
    f->rules = ann_rules_new();
    if (ann_rules_add_text(f->rules, "t.rules", rules_text, strlen(rules_text), &err) ||
        ann_rules_compile(f->rules, &err))
        fail_msg("rules: %s:%lu: %s", err.file, err.line, err.message);
    f->m = matcher_new(f->rules, NULL, NULL);
    memset(&f->doc, 0, sizeof f->doc);
    doc_load(&f->doc, text, strlen(text));
    annotate_document(f->m, f->rules, &f->doc);
}

static void release(fixture *f)
{
    doc_free(&f->doc);
    matcher_free(f->m);
    ann_rules_free(f->rules);
}

#endif
