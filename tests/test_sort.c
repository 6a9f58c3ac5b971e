/* Tests for sort.h: the typed merge sort agrees with qsort on a total
 * order and keeps equal records in their order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "sort.h"

typedef struct {
    uint32_t key;
    uint32_t order; /* position before sorting */
} record;

static int by_key(const void *a, const void *b)
{
    const record *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

static int by_key_then_order(const void *a, const void *b)
{
    const record *x = a, *y = b;
    int c = by_key(a, b);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}

DEFINE_SORT(sort_records, record, by_key)

/* A small deterministic generator, so a failure can be replayed. */
static uint32_t next_random(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

static void check_sizes(uint32_t key_range)
{
    uint32_t state = 12345;
    for (size_t n = 0; n <= 300; n += n < 40 ? 1 : 37) {
        record *items = malloc((n + 1) * sizeof *items), *expected = malloc((n + 1) * sizeof *expected);
        assert_non_null(items);
        assert_non_null(expected);
        for (size_t i = 0; i < n; i++) {
            items[i] = (record){next_random(&state) % key_range, (uint32_t)i};
            expected[i] = items[i];
        }
        /* with the original order as the last key, the order is total */
        qsort(expected, n, sizeof *expected, by_key_then_order);
        sort_records(items, n);
        for (size_t i = 0; i < n; i++) {
            if (items[i].key != expected[i].key || items[i].order != expected[i].order)
                fail_msg("n=%zu keys<%u: at %zu got (%u,%u), want (%u,%u)", n, key_range, i, items[i].key,
                         items[i].order, expected[i].key, expected[i].order);
        }
        free(items);
        free(expected);
    }
}

static void test_distinct_keys(void **state)
{
    (void)state;
    check_sizes(1u << 30);
}

static void test_equal_keys_keep_their_order(void **state)
{
    (void)state;
    check_sizes(3);
    check_sizes(1);
}

static void test_sorted_and_reversed(void **state)
{
    (void)state;
    enum { N = 100 };
    record up[N], down[N];
    for (uint32_t i = 0; i < N; i++) {
        up[i] = (record){i, i};
        down[i] = (record){N - 1 - i, i};
    }
    sort_records(up, N);
    sort_records(down, N);
    for (uint32_t i = 0; i < N; i++) {
        assert_int_equal(up[i].key, i);
        assert_int_equal(down[i].key, i);
        assert_int_equal(down[i].order, N - 1 - i);
    }
}

/* Sorted runs with a few records out of place, the shape most of the
 * pipeline's arrays have: runs already in order are copied, not merged. */
static void test_nearly_sorted(void **state)
{
    (void)state;
    enum { N = 300 };
    record items[N], expected[N];
    for (uint32_t i = 0; i < N; i++)
        items[i] = (record){i / 2, i};
    for (uint32_t i = 0; i < N; i += 41)
        items[i].key = N - i;
    for (uint32_t i = 0; i < N; i++)
        expected[i] = items[i];
    qsort(expected, N, sizeof *expected, by_key_then_order);
    sort_records(items, N);
    for (uint32_t i = 0; i < N; i++) {
        assert_int_equal(items[i].key, expected[i].key);
        assert_int_equal(items[i].order, expected[i].order);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_distinct_keys),
        cmocka_unit_test(test_equal_keys_keep_their_order),
        cmocka_unit_test(test_sorted_and_reversed),
        cmocka_unit_test(test_nearly_sorted),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
