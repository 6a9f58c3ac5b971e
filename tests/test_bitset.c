/* Tests for bitset.h: a range holds a marked offset exactly when one of
 * the marks lies in it, across word boundaries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "bitset.h"

static void test_ranges_agree_with_the_marks(void **state)
{
    (void)state;
    enum { LEN = 300 };
    static const size_t marks[] = {0, 63, 64, 130, 255, 299};
    uint64_t bits[bitset_words(LEN)];
    uint8_t marked[LEN] = {0};
    for (size_t w = 0; w < bitset_words(LEN); w++)
        bits[w] = 0;
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++) {
        bitset_mark(bits, marks[k]);
        marked[marks[k]] = 1;
    }
    for (size_t from = 0; from <= LEN; from++)
        for (size_t to = 0; to <= LEN; to++) {
            int want = 0;
            for (size_t i = from; i < to; i++)
                want |= marked[i];
            if (bitset_any(bits, from, to) != want)
                fail_msg("[%zu, %zu): got %d, want %d", from, to, !want, want);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_ranges_agree_with_the_marks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
