/* check: runs the examples and counter-examples rules carry (the public
 * ann_rules_check), so an editor who changes a rule learns at once, with the
 * example's FILE:LINE, what it broke. */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "match.h"
#include "resolve.h"
#include "rules.h"

static int has_span(const document *doc, uint16_t type, uint32_t start, uint32_t end)
{
    for (size_t i = 0; i < doc->span_count; i++) {
        const span *s = &doc->spans[i];
        if (!(s->flags & SPAN_REMOVED) && s->type == type && s->start == start && s->end == end)
            return 1;
    }
    return 0;
}

/* Lists what the text did get, to make a failure easy to read. */
static void describe_found(const ann_rules *rules, const document *doc, char *out, size_t cap)
{
    size_t used = 0;
    out[0] = '\0';
    for (size_t i = 0; i < doc->span_count && used + 1 < cap; i++) {
        const span *s = &doc->spans[i];
        if (s->flags & SPAN_REMOVED)
            continue;
        int n = snprintf(out + used, cap - used, "%s%s[[%.*s]]", used ? ", " : "", rules->type_names[s->type],
                         (int)(s->end - s->start), doc->bytes + s->start);
        if (n < 0)
            break;
        used += (size_t)n;
    }
    if (!used)
        snprintf(out, cap, "nothing");
}

static void report(ann_diag_fn diag, void *ctx, const rule *r, const rule_example *ex, const char *fmt,
                   const char *a, const char *b)
{
    if (!diag)
        return;
    ann_error e = {.status = ANN_ERR_CHECK, .severity = ANN_DIAG_ERROR, .line = ex->line, .byte = -1};
    snprintf(e.file, sizeof e.file, "%s", r->file);
    char what[400];
    snprintf(what, sizeof what, fmt, a, b);
    snprintf(e.message, sizeof e.message, "rule %s: %s", r->name, what);
    diag(ctx, &e);
}

int ann_rules_check(const ann_rules *rules, ann_diag_fn diag, void *ctx, size_t *examples_run)
{
    if (!rules->compiled)
        return ANN_ERR_USAGE;
    /* every batch, not only those the examples run: a run may meet any */
    rules_compile_all_jit(rules);
    matcher *m = matcher_new(rules, NULL, NULL);
    document doc = {0};
    int failures = 0;
    size_t run = 0;
    char found[300];
    for (size_t i = 0; i < rules->count; i++) {
        const rule *r = &rules->rules[i];
        const char *type = rules->type_names[r->type];
        for (size_t k = 0; k < r->example_count; k++) {
            const rule_example *ex = &r->examples[k];
            run++;
            doc_load(&doc, ex->text, strlen(ex->text));
            annotate_document(m, rules, &doc);
            int ok = 1;
            for (size_t j = 0; j < ex->span_count && ok; j++) {
                uint32_t start = ex->spans[2 * j], end = ex->spans[2 * j + 1];
                ok = has_span(&doc, r->type, start, end) != ex->counter;
            }
            if (ex->counter && ex->span_count == 0)
                for (size_t j = 0; j < doc.span_count && ok; j++)
                    ok = (doc.spans[j].flags & SPAN_REMOVED) || doc.spans[j].type != r->type;
            if (!ok) {
                failures++;
                describe_found(rules, &doc, found, sizeof found);
                report(diag, ctx, r, ex,
                       ex->counter ? "counter-example gave a %s it must not; found %s"
                                   : "example did not give the marked %s; found %s",
                       type, found);
            }
        }
    }
    doc_free(&doc);
    matcher_free(m);
    if (examples_run)
        *examples_run = run;
    return failures;
}
