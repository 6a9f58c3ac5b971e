/* resolve: what the resolver keeps of overlapping candidates. A small rule
 * set of its own for each case, so the spans it leaves are easy to tell. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "rules_fixture.h"

/* The spans over text[start, end) of the type named type, and how many of
 * them are kept; *kept the index of the first kept one, or -1. */
static size_t spans_over(const fixture *f, const char *type, const char *text, size_t *kept_count, long *kept)
{
    const char *at = strstr(f->doc.bytes, text);
    assert_non_null(at);
    uint32_t start = (uint32_t)(at - f->doc.bytes), end = start + (uint32_t)strlen(text);
    size_t count = 0;
    *kept_count = 0;
    *kept = -1;
    for (size_t i = 0; i < f->doc.span_count; i++) {
        const span *s = &f->doc.spans[i];
        if (s->start != start || s->end != end || strcmp(f->rules->type_names[s->type], type))
            continue;
        count++;
        if (!(s->flags & SPAN_REMOVED)) {
            if (*kept < 0)
                *kept = (long)i;
            ++*kept_count;
        }
    }
    return count;
}

/* Two rules of a phase giving one helper span: the first found is kept.
 * One starting there too but ending elsewhere, one of another type, and
 * one of a later phase are no copies. */
static void test_helper_copies_are_dropped(void **state)
{
    (void)state;
    fixture f;
    annotate(&f,
             "rule a\n  type _PLACE\n  pattern Japan\n"
             "rule b\n  type _PLACE\n  pattern Japan\n"
             "rule longer\n  type _PLACE\n  pattern Japan\\hAirlines\n"
             "rule other\n  type _NAME\n  pattern Japan\n"
             "rule later\n  type _PLACE\n  phase 2\n  pattern Japan\n",
             "Japan Airlines flew to Osaka.");
    size_t kept_count;
    long kept;
    assert_int_equal(spans_over(&f, "_PLACE", "Japan", &kept_count, &kept), 3);
    assert_int_equal(kept_count, 2); /* one of phase 1, the one of phase 2 */
    assert_int_equal(f.doc.spans[kept].rule, 0);
    assert_int_equal(spans_over(&f, "_PLACE", "Japan Airlines", &kept_count, &kept), 1);
    assert_int_equal(kept_count, 1);
    assert_int_equal(spans_over(&f, "_NAME", "Japan", &kept_count, &kept), 1);
    assert_int_equal(kept_count, 1);
    release(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_helper_copies_are_dropped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
