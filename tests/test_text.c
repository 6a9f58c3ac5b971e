/* text_prepare: the clean copy and the raw runs XML cannot carry. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "text.h"

typedef struct {
    uint32_t start, end;
    int invalid_utf8;
} want_run;

/* Prepares input[0..len) and checks the clean copy (same length, NUL after
 * it) and the raw runs against the expectations. */
static void check(const char *input, size_t len, const char *clean, const want_run *runs, size_t n)
{
    text_view tv = { 0 };
    text_prepare(&tv, input, len);
    assert_int_equal(tv.len, len);
    assert_memory_equal(tv.clean, clean, len);
    assert_int_equal(tv.clean[len], '\0');
    assert_int_equal(tv.raw_count, n);
    for (size_t k = 0; k < n; k++) {
        assert_int_equal(tv.raws[k].start, runs[k].start);
        assert_int_equal(tv.raws[k].end, runs[k].end);
        assert_int_equal(tv.raws[k].invalid_utf8, runs[k].invalid_utf8);
    }
    text_free(&tv);
}

#define CHECK(input, clean, ...)                                                      \
    do {                                                                              \
        const want_run runs_[] = { __VA_ARGS__ };                                     \
        check(input, sizeof input - 1, clean, runs_, sizeof runs_ / sizeof runs_[0]); \
    } while (0)
#define CHECK_NO_RAW(input, clean) check(input, sizeof input - 1, clean, NULL, 0)

static void test_plain_text_is_copied(void **state)
{
    (void)state;
    CHECK_NO_RAW("Tariffs rose 5%.\tNew line\r\nend\n", "Tariffs rose 5%.\tNew line\r\nend\n");
}

static void test_multibyte_text_is_copied(void **state)
{
    (void)state;
    /* é (2 bytes), 東 (3), 𝄞 (4), U+FFFD, U+0085 (a C1 control XML 1.0 allows) */
    CHECK_NO_RAW("\xc3\xa9\xe6\x9d\xb1\xf0\x9d\x84\x9e\xef\xbf\xbd\xc2\x85",
                 "\xc3\xa9\xe6\x9d\xb1\xf0\x9d\x84\x9e\xef\xbf\xbd\xc2\x85");
}

static void test_empty_input(void **state)
{
    (void)state;
    CHECK_NO_RAW("", "");
    /* an empty document may have no buffer at all */
    check(NULL, 0, "", NULL, 0);
}

static void test_nul_and_controls_are_raw_but_kept(void **state)
{
    (void)state;
    /* 0:a 1:NUL 2:b 3:\x01 4:\x02 5:c 6:TAB 7:d 8:CR 9:e 10:LF 11:f 12:DEL */
    CHECK("a\0b\x01\x02" "c\td\re\nf\x7f", "a\0b\x01\x02" "c\td\re\nf\x7f",
          { 1, 2, 0 }, { 3, 5, 0 });
}

static void test_sub_in_input_is_a_control(void **state)
{
    (void)state;
    CHECK("x\x1ay", "x\x1ay", { 1, 2, 0 });
}

static void test_invalid_bytes_are_replaced(void **state)
{
    (void)state;
    CHECK("ok\xff\xfe!", "ok\x1a\x1a!", { 2, 4, 1 });
    /* a lone continuation byte */
    CHECK("a\x80" "b", "a\x1a" "b", { 1, 2, 1 });
}

static void test_truncated_sequences(void **state)
{
    (void)state;
    /* the first two bytes of € (E2 82 AC) at the end, then before ASCII */
    CHECK("ab\xe2\x82", "ab\x1a\x1a", { 2, 4, 1 });
    CHECK("\xe2\x82x", "\x1a\x1ax", { 0, 2, 1 });
    /* a 4-byte lead followed by a space */
    CHECK("\xf0\x9d y", "\x1a\x1a y", { 0, 2, 1 });
}

static void test_forbidden_encodings(void **state)
{
    (void)state;
    /* overlong '/', a UTF-16 surrogate, a code point above U+10FFFF */
    CHECK("\xc0\xaf", "\x1a\x1a", { 0, 2, 1 });
    CHECK("\xed\xa0\x80", "\x1a\x1a\x1a", { 0, 3, 1 });
    CHECK("\xf4\x90\x80\x80", "\x1a\x1a\x1a\x1a", { 0, 4, 1 });
}

/* Two-byte sequences and three-byte ones led by E2 are decoded inline
 * (utf8.h); the others by utf8proc. Both ways must agree at the edges. */
static void test_inline_decoded_sequences(void **state)
{
    (void)state;
    /* U+0080, U+07FF, U+2000, U+2FFF, and U+3000 and U+1FFF just outside */
    CHECK_NO_RAW("\xc2\x80\xdf\xbf\xe2\x80\x80\xe2\xbf\xbf\xe3\x80\x80\xe1\xbf\xbf",
                 "\xc2\x80\xdf\xbf\xe2\x80\x80\xe2\xbf\xbf\xe3\x80\x80\xe1\xbf\xbf");
    /* a two-byte lead before ASCII, at the end, and overlong (C1) */
    CHECK("\xc3" "A", "\x1a" "A", { 0, 1, 1 });
    CHECK("a\xdf", "a\x1a", { 1, 2, 1 });
    CHECK("\xc1\xbf", "\x1a\x1a", { 0, 2, 1 });
    /* E2 with its second or third byte not a continuation, and cut short */
    CHECK("\xe2" "a", "\x1a" "a", { 0, 1, 1 });
    CHECK("\xe2\x80" "a", "\x1a\x1a" "a", { 0, 2, 1 });
    CHECK("\xe2\x80\xc3\xa9", "\x1a\x1a\xc3\xa9", { 0, 2, 1 });
    CHECK("x\xe2", "x\x1a", { 1, 2, 1 });
}

static void test_classes_do_not_merge(void **state)
{
    (void)state;
    /* invalid, two controls, invalid: three runs although they touch */
    CHECK("\xff\x01\x02\xfe", "\x1a\x01\x02\x1a", { 0, 1, 1 }, { 1, 3, 0 }, { 3, 4, 1 });
    /* the same class separated by text: two runs */
    CHECK("\xff a \xff", "\x1a a \x1a", { 0, 1, 1 }, { 4, 5, 1 });
}

static void test_nonchars_fffe_ffff(void **state)
{
    (void)state;
    /* U+FFFE and U+FFFF are valid UTF-8 that XML refuses: a raw run, and
     * separators in clean, so no token ends inside the run */
    CHECK("x\xef\xbf\xbe\xef\xbf\xbfy", "x\x1a\x1a\x1a\x1a\x1a\x1ay", { 1, 7, 0 });
    /* with a control right after it, the run goes on past the character */
    CHECK("\xef\xbf\xbe\x0c", "\x1a\x1a\x1a\x0c", { 0, 4, 0 });
}

static void test_marker_code_points_are_replaced(void **state)
{
    (void)state;
    /* U+E000 and U+E002 are the rule views' markers; U+E003 is not */
    CHECK_NO_RAW("a\xee\x80\x80" "b\xee\x80\x82" "c\xee\x80\x83",
                 "a\x1a\x1a\x1a" "b\x1a\x1a\x1a" "c\xee\x80\x83");
}

static void test_view_is_reused(void **state)
{
    (void)state;
    text_view tv = { 0 };
    text_prepare(&tv, "\xff\x01 long first document", 22);
    assert_int_equal(tv.raw_count, 2);
    text_prepare(&tv, "abc", 3);
    assert_int_equal(tv.len, 3);
    assert_string_equal(tv.clean, "abc");
    assert_int_equal(tv.raw_count, 0);
    text_free(&tv);
    assert_null(tv.clean);
    assert_null(tv.raws);
}

static void test_megabyte_of_invalid_bytes_is_one_run(void **state)
{
    (void)state;
    size_t len = 1 << 20;
    char *input = malloc(len), *clean = malloc(len);
    assert_non_null(input);
    assert_non_null(clean);
    memset(input, 0xff, len);
    memset(clean, 0x1a, len);
    const want_run run = { 0, (uint32_t)len, 1 };
    check(input, len, clean, &run, 1);
    free(input);
    free(clean);
}

/* Text is checked eight bytes at a time and then on from the first byte
 * that is not printable ASCII: a control, a byte that borrows in the check
 * (space, right after a control), or a broken sequence at each offset of a
 * printable stretch, and a second one at each offset after it, must each
 * make their own run, and the bytes around them no run. */
static void test_raw_bytes_at_every_offset(void **state)
{
    (void)state;
    /* longer than two of the 16-byte steps of the scan */
    static const char stretch[] = "Tariffs rose sharply in May, and again in June.";
    const size_t len = sizeof stretch - 1;
    for (size_t first = 0; first < len; first++)
        for (size_t second = first + 2; second < len; second++) {
            char input[sizeof stretch], clean[sizeof stretch];
            memcpy(input, stretch, len);
            input[first] = '\x01';
            input[first + 1] = ' ';
            input[second] = '\xff';
            memcpy(clean, input, len);
            clean[second] = 0x1A;
            const want_run runs[] = { { (uint32_t)first, (uint32_t)first + 1, 0 },
                                      { (uint32_t)second, (uint32_t)second + 1, 1 } };
            check(input, len, clean, runs, 2);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_text_is_copied),
        cmocka_unit_test(test_multibyte_text_is_copied),
        cmocka_unit_test(test_empty_input),
        cmocka_unit_test(test_nul_and_controls_are_raw_but_kept),
        cmocka_unit_test(test_sub_in_input_is_a_control),
        cmocka_unit_test(test_invalid_bytes_are_replaced),
        cmocka_unit_test(test_truncated_sequences),
        cmocka_unit_test(test_forbidden_encodings),
        cmocka_unit_test(test_inline_decoded_sequences),
        cmocka_unit_test(test_classes_do_not_merge),
        cmocka_unit_test(test_nonchars_fffe_ffff),
        cmocka_unit_test(test_marker_code_points_are_replaced),
        cmocka_unit_test(test_view_is_reused),
        cmocka_unit_test(test_megabyte_of_invalid_bytes_is_one_run),
        cmocka_unit_test(test_raw_bytes_at_every_offset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
