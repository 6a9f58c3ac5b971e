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
    for (size_t n = 0; n <= 1500; n += n < 40 ? 1 : 37) {
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

/* Position sorts: a position first, then a second key, like annotations
 * ordered by start and then by length. */
typedef struct {
    uint32_t start, rank, order;
} placed;

static int by_start_then_rank(const void *a, const void *b)
{
    const placed *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    return (x->rank > y->rank) - (x->rank < y->rank);
}

static uint32_t start_of(const placed *p)
{
    return p->start;
}

DEFINE_SORT(merge_sort_placed, placed, by_start_then_rank)
DEFINE_POSITION_SORT(position_sort_placed, placed, start_of, by_start_then_rank, merge_sort_placed)

/* The position sort gives what the merge sort gives, equal records in
 * their order, for positions spread out, crowded into one bucket (the
 * fallback), or far apart with a cluster between. */
static void check_position_sort(uint32_t start_range, uint32_t rank_range, uint32_t offset)
{
    uint32_t state = 777;
    for (size_t n = 0; n <= 1500; n += n < 40 ? 1 : 29) {
        placed *items = malloc((n + 1) * sizeof *items), *expected = malloc((n + 1) * sizeof *expected);
        assert_non_null(items);
        assert_non_null(expected);
        for (size_t i = 0; i < n; i++) {
            items[i] = (placed){offset + next_random(&state) % start_range, next_random(&state) % rank_range,
                                (uint32_t)i};
            expected[i] = items[i];
        }
        merge_sort_placed(expected, n);
        position_sort_placed(items, n);
        for (size_t i = 0; i < n; i++)
            if (items[i].start != expected[i].start || items[i].rank != expected[i].rank ||
                items[i].order != expected[i].order)
                fail_msg("n=%zu starts<%u: at %zu got (%u,%u,%u), want (%u,%u,%u)", n, start_range, i,
                         items[i].start, items[i].rank, items[i].order, expected[i].start, expected[i].rank,
                         expected[i].order);
        free(items);
        free(expected);
    }
}

static void test_position_sort_agrees_with_merge_sort(void **state)
{
    (void)state;
    check_position_sort(1u << 20, 3, 0);        /* spread out */
    check_position_sort(4000, 2, 4000000000u);  /* near the top of the range */
    check_position_sort(50, 4, 0);              /* many to a position */
    check_position_sort(1, 3, 17);              /* all at one position: the fallback */
}

/* Records in order in each bucket but not across: the insertion moves
 * none of them past another bucket. */
static void test_position_sort_reversed(void **state)
{
    (void)state;
    enum { N = 200 };
    placed items[N];
    for (uint32_t i = 0; i < N; i++)
        items[i] = (placed){(N - 1 - i) * 10, 0, i};
    position_sort_placed(items, N);
    for (uint32_t i = 0; i < N; i++) {
        assert_int_equal(items[i].start, i * 10);
        assert_int_equal(items[i].order, N - 1 - i);
    }
}

/* The counts the binary searches give, against a linear count, over
 * records with repeated positions and a field that is not the first. */
static void test_count_before_and_up_to(void **state)
{
    (void)state;
    typedef struct {
        uint16_t tag;
        uint32_t at;
    } at_record;
    const at_record items[] = {{1, 2}, {2, 2}, {3, 5}, {4, 7}, {5, 7}, {6, 7}, {7, 9}};
    size_t n = sizeof items / sizeof *items;
    for (uint32_t value = 0; value <= 10; value++) {
        size_t before = 0, up_to = 0;
        for (size_t i = 0; i < n; i++) {
            before += items[i].at < value;
            up_to += items[i].at <= value;
        }
        assert_int_equal(COUNT_BEFORE(items, n, at, value), before);
        assert_int_equal(COUNT_UP_TO(items, n, at, value), up_to);
    }
    assert_int_equal(COUNT_BEFORE(items, 0, at, 5), 0);
    assert_int_equal(COUNT_UP_TO((const at_record *)NULL, 0, at, 5), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_distinct_keys),
        cmocka_unit_test(test_equal_keys_keep_their_order),
        cmocka_unit_test(test_sorted_and_reversed),
        cmocka_unit_test(test_nearly_sorted),
        cmocka_unit_test(test_position_sort_agrees_with_merge_sort),
        cmocka_unit_test(test_position_sort_reversed),
        cmocka_unit_test(test_count_before_and_up_to),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
