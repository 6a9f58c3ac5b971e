#!/usr/bin/env bash
# e2e.sh: end-to-end tests of the annotator command line.
#
#   BIN=build/annotator tests/e2e.sh [PATTERN]     (from the repo root; `make e2e-tests`)
#
# Each test is a function test_NAME; PATTERN (a grep -E regex) runs only the
# tests whose name matches. A test fails by calling `fail`, which prints one
# line with details; the run ends with "N passed, N failed" and exits 1 if any
# test failed. Every XML the tool writes goes through `check_xml`, which
# validates it against schema/annotator.rng. Expected results are computed from
# the inputs (by tests/e2e/check.py), never copied from the tool's output.
#
# ANNOTATOR_ARGS, if set, is added to every annotating run (for example
# "--no-default-rules --rules DIR" to try a rule set other than the built-in one).
set -u
set -o pipefail
shopt -s lastpipe   # so `producer | ann ...` sets RC in this shell
shopt -s nullglob   # corpora/held-out/ may be empty between rounds

BIN=${BIN:-build/annotator}
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT" || exit 2
SCHEMA=$ROOT/schema/annotator.rng
CHECK=$ROOT/tests/e2e/check.py
SAMPLES=$(dirname "$ROOT")/shared/samples
read -r -a EXTRA <<< "${ANNOTATOR_ARGS:-}"

if [[ ! -x $BIN ]]; then
    echo "e2e.sh: $BIN is not an executable (build it with make)" >&2
    exit 2
fi
for tool in xmllint python3 timeout /usr/bin/time mkfifo; do
    command -v "$tool" > /dev/null || { echo "e2e.sh: needs $tool" >&2; exit 2; }
done

TMP=$(mktemp -d "${TMPDIR:-/tmp}/annotator-e2e.XXXXXX") || exit 2
trap 'rm -rf "$TMP"' EXIT

# ---- helpers -----------------------------------------------------------------

CURRENT=""
FAILED_CHECKS=0

# fail MESSAGE...: records a failure of the current test, on one line.
fail() {
    FAILED_CHECKS=$((FAILED_CHECKS + 1))
    local msg="$*"
    echo "FAIL $CURRENT: ${msg//$'\n'/ | }"
}

# ann OUT ERR ARGS...: runs the annotator (with ANNOTATOR_ARGS), stdout to OUT,
# stderr to ERR; its exit status is left in RC. Standard input is the caller's.
ann() {
    local out=$1 err=$2
    shift 2
    "$BIN" "${EXTRA[@]}" "$@" > "$out" 2> "$err"
    RC=$?
}

# expect_rc WANT WHAT: fails unless RC is WANT.
expect_rc() {
    [[ $RC == "$1" ]] || fail "$2: exit status $RC, want $1${3:+; stderr: $(head -c 300 "$3")}"
}

# check_xml FILE: the XML declaration line, then validity against the schema.
check_xml() {
    local first
    first=$(head -n 1 "$1")
    [[ $first == '<?xml version="1.0" encoding="UTF-8"?>' ]] ||
        fail "$(basename "$1"): first line is '${first:0:80}', not the XML declaration"
    local msg
    if ! msg=$(xmllint --noout --relaxng "$SCHEMA" "$1" 2>&1); then
        fail "$(basename "$1") does not validate against schema/annotator.rng: $(grep -v 'fails to validate' <<< "$msg" | head -n 3)"
        return 1
    fi
}

# lossless OUT [--max N] NAME=PATH...: each <document> of OUT, rebuilt from its
# text and <raw> bytes, equals the document cut from the inputs, in order, with
# the right id, source and line.
lossless() {
    local msg
    msg=$(python3 "$CHECK" lossless "$@" 2>&1) || fail "not lossless: $msg"
}

# ndocs OUT: prints the number of <document> elements.
ndocs() {
    python3 "$CHECK" count "$1"
}

# stderr_empty ERR WHAT
stderr_empty() {
    [[ ! -s $1 ]] || fail "$2: unexpected stderr: $(head -c 300 "$1")"
}

# gen NAME: writes the generated input NAME (see check.py) to $TMP/NAME.
gen() {
    python3 "$CHECK" gen "$1" "$TMP/$1"
}

# ---- schema and lossless -------------------------------------------------------

test_schema_rejects_broken_output() {
    # The schema must be able to say no, or validating everything means nothing.
    local h='<?xml version="1.0" encoding="UTF-8"?>' d='<document id="d1" source="-" line="1">'
    local -a bad=(
        "<corpus>$d<raw hex=\"41\"/></document></corpus>"
        "<corpus>$d<raw hex=\"c3\"/></document></corpus>"
        "<corpus>$d<raw hex=\"C\"/></document></corpus>"
        "<corpus><document id=\"x1\" source=\"-\" line=\"1\"/></corpus>"
        "<corpus><document id=\"d1\" source=\"-\" line=\"0\"/></corpus>"
        "<corpus><document id=\"d1\" source=\"-\" line=\"1\"/><document id=\"d1\" source=\"-\" line=\"2\"/></corpus>"
        "<corpus>$d<p><entity type=\"GPE\">x</entity></p></document></corpus>"
        "<corpus>$d<p><s><entity type=\"gpe\">x</entity></s></p></document></corpus>"
        "<corpus>$d<p><s><entity norm=\"x\">x</entity></s></p></document></corpus>"
        "<corpus>$d<s>x</s></document></corpus>"
        "<corpus>$d<p><s><w><entity type=\"X\">x</entity></w></s></p></document></corpus>"
    )
    local good="<corpus>$d&#13;<p><s><entity type=\"TARIFF\" norm=\"n\" rate=\"25%\" rule=\"r\" rule-source=\"f.rules:3\"><w>x</w><raw hex=\"00\"/></entity> y</s> <raw hex=\"C3FE\"/></p>
</document></corpus>"
    printf '%s\n%s\n' "$h" "$good" > "$TMP/good.xml"
    xmllint --noout --relaxng "$SCHEMA" "$TMP/good.xml" > /dev/null 2>&1 ||
        fail "the schema rejects a valid sample: $(xmllint --noout --relaxng "$SCHEMA" "$TMP/good.xml" 2>&1 | head -n 2)"
    # the example in schema/README.md is valid too
    python3 "$CHECK" readme-block schema/README.md xml > "$TMP/readme.xml" || fail "no xml block in schema/README.md"
    xmllint --noout --relaxng "$SCHEMA" "$TMP/readme.xml" > /dev/null 2>&1 ||
        fail "the example in schema/README.md does not validate: $(xmllint --noout --relaxng "$SCHEMA" "$TMP/readme.xml" 2>&1 | head -n 2)"
    local i
    for i in "${!bad[@]}"; do
        printf '%s\n%s\n' "$h" "${bad[$i]}" > "$TMP/bad$i.xml"
        if xmllint --noout --relaxng "$SCHEMA" "$TMP/bad$i.xml" > /dev/null 2>&1; then
            fail "the schema accepts invalid output: ${bad[$i]}"
        fi
    done
}

corpus_files() {
    ls corpora/*.txt corpora/held-out/*.txt
    [[ -d $SAMPLES ]] && ls "$SAMPLES"/*.txt 2>/dev/null
}

test_lossless_corpora_and_samples() {
    local -a files pairs=()
    mapfile -t files < <(corpus_files)
    [[ ${#files[@]} -gt 0 ]] || { fail "no corpora/*.txt"; return; }
    local f
    for f in "${files[@]}"; do pairs+=("$f=$f"); done
    ann "$TMP/out.xml" "$TMP/err" "${files[@]}"
    expect_rc 0 "annotator corpora" "$TMP/err"
    check_xml "$TMP/out.xml"
    lossless "$TMP/out.xml" "${pairs[@]}"
    ann "$TMP/out2.xml" "$TMP/err" --tokens --explain "${files[@]}"
    expect_rc 0 "annotator --tokens --explain corpora" "$TMP/err"
    check_xml "$TMP/out2.xml"
    lossless "$TMP/out2.xml" "${pairs[@]}"
}

EDGE_CASES="crlf bom no-final-newline empty whitespace-only lone-cr invalid-utf8 nul controls
    one-mb-line private-use nonchars xml-specials formfeed-in-text form-feed-stream"

test_lossless_edge_cases() {
    local name
    for name in $EDGE_CASES; do
        gen "$name" || { fail "cannot generate $name"; continue; }
        ann "$TMP/$name.xml" "$TMP/$name.err" "$TMP/$name"
        [[ $RC == 0 ]] || fail "$name: exit status $RC, want 0; stderr: $(head -c 200 "$TMP/$name.err")"
        check_xml "$TMP/$name.xml" && lossless "$TMP/$name.xml" "$TMP/$name=$TMP/$name"
    done
}

test_lossless_edge_cases_with_tokens_and_explain() {
    local -a paths=() pairs=()
    local name
    for name in $EDGE_CASES; do
        gen "$name" || { fail "cannot generate $name"; continue; }
        paths+=("$TMP/$name")
        pairs+=("$TMP/$name=$TMP/$name")
    done
    ann "$TMP/all.xml" "$TMP/all.err" --tokens --explain "${paths[@]}"
    expect_rc 0 "--tokens --explain on edge cases" "$TMP/all.err"
    check_xml "$TMP/all.xml" && lossless "$TMP/all.xml" "${pairs[@]}"
}

test_lossless_stdin_in_small_writes() {
    # The same bytes arriving through a pipe in 7-byte writes give the same
    # documents: no read boundary may split or change anything.
    gen invalid-utf8
    gen form-feed-stream
    cat "$TMP/form-feed-stream" "$TMP/invalid-utf8" > "$TMP/mixed"
    python3 "$CHECK" trickle "$TMP/mixed" 7 | ann "$TMP/out.xml" "$TMP/err"
    expect_rc 0 "trickled stdin" "$TMP/err"
    check_xml "$TMP/out.xml" && lossless "$TMP/out.xml" "-=$TMP/mixed"
}

test_readme_recipe_restores_input() {
    # The restore recipe in schema/README.md is run as written.
    python3 "$CHECK" readme-block schema/README.md python > "$TMP/restore.py" ||
        { fail "no python block in schema/README.md"; return; }
    gen crlf
    gen nul
    gen invalid-utf8
    ann "$TMP/out.xml" "$TMP/err" "$TMP/crlf" "$TMP/nul" "$TMP/invalid-utf8"
    check_xml "$TMP/out.xml"
    local i=1 f
    for f in crlf nul invalid-utf8; do
        python3 "$TMP/restore.py" "$TMP/out.xml" "d$i" > "$TMP/restored" ||
            fail "restore.py d$i failed"
        cmp -s "$TMP/restored" "$TMP/$f" || fail "restore.py d$i does not give back $f: $(cmp "$TMP/restored" "$TMP/$f" 2>&1)"
        i=$((i + 1))
    done
    python3 "$TMP/restore.py" "$TMP/out.xml" > "$TMP/restored-all"
    cat "$TMP/crlf" "$TMP/nul" "$TMP/invalid-utf8" > "$TMP/all-in"
    cmp -s "$TMP/restored-all" "$TMP/all-in" || fail "restore.py without an id does not give back all documents"
}

test_readme_example_is_real_output() {
    # The example in schema/README.md is what the annotator writes for the
    # input the README describes.
    mkdir -p "$TMP/readme"
    printf 'Japan set a 25%% tariff on steel.\r\nBad byte: \xc3(\n\n' > "$TMP/readme/japan.txt"
    python3 "$CHECK" readme-block schema/README.md xml > "$TMP/readme/want.xml"
    (cd "$TMP/readme" && "$BIN" "${EXTRA[@]}" japan.txt > got.xml 2> err)
    check_xml "$TMP/readme/got.xml"
    cmp -s "$TMP/readme/got.xml" "$TMP/readme/want.xml" ||
        fail "the README example differs from the real output: $(diff "$TMP/readme/want.xml" "$TMP/readme/got.xml" | head -n 4)"
    (cd "$TMP/readme" && "$BIN" "${EXTRA[@]}" --tokens --explain japan.txt > explain.xml 2> err)
    local snippet
    # shellcheck disable=SC2016  # the backquotes are Markdown, not shell
    snippet=$(tr '\n' ' ' < schema/README.md | grep -o '`<entity[^`]*rule-source[^`]*`' | head -n 1 | tr -d '`')
    [[ -n $snippet ]] || { fail "no --explain snippet in schema/README.md"; return; }
    grep -qF -- "$snippet" "$TMP/readme/explain.xml" ||
        fail "the README's --tokens --explain snippet is not in the real output: $snippet"
}

# ---- expected outputs --------------------------------------------------------

test_corpora_expected_outputs() {
    local compared=0 txt expected
    for txt in corpora/*.txt corpora/held-out/*.txt; do
        expected=${txt%.txt}.expected.xml
        [[ -f $expected ]] || continue
        compared=$((compared + 1))
        ann "$TMP/out.xml" "$TMP/err" "$txt"
        [[ $RC == 0 ]] || fail "$txt: exit status $RC; stderr: $(head -c 200 "$TMP/err")"
        check_xml "$expected"
        if ! cmp -s "$TMP/out.xml" "$expected"; then
            fail "$txt: output differs from $expected: $(diff "$expected" "$TMP/out.xml" | head -n 4)"
        fi
    done
    echo "     corpora expected outputs compared: $compared"
    [[ $compared -gt 0 ]] || fail "no corpora/NAME.expected.xml to compare with (nothing was checked)"
}

# ---- structure (layouts) --------------------------------------------------------

# What the built-in news-comments layout takes for a header line (check.py
# cuts streams with it, independently of the annotator).
HEADER_RE='^[ \t]+date[ \t]+(?:\d{4}-\d\d-\d\d[ \t]+|\S+[ \t]{2,})\S'

test_structure_matches_gold() {
    # corpora/NAME.structure.json is written by hand from reading NAME.txt
    # (and corpora/held-out/NAME.structure.json, kept out of the F1 floors)
    local gold txt compared=0 msg
    for gold in corpora/*.structure.json corpora/held-out/*.structure.json; do
        txt=${gold%.structure.json}.txt
        compared=$((compared + 1))
        ann "$TMP/out.xml" "$TMP/err" --explain "$txt"
        expect_rc 0 "$txt" "$TMP/err"
        check_xml "$TMP/out.xml"
        msg=$(python3 "$CHECK" structure "$TMP/out.xml" "$gold") || fail "$txt: $msg"
    done
    [[ $compared -ge 6 ]] || fail "only $compared corpora/*.structure.json files"
}

test_structure_of_the_sample() {
    local sample=$SAMPLES/japan-today-2025-05-30.txt
    [[ -f $sample ]] || { echo "     (no $sample: skipped)"; return; }
    # the headline is the sample's sixth line; it is not copied here
    python3 - "$sample" "$TMP/gold.json" <<'EOF'
import json, sys
headline = open(sys.argv[1], encoding="utf-8").read().split("\n")[5]
json.dump({"layout": "news-comments", "date": "2025-05-30", "publisher": "Japan Today", "section": "politics",
           "headline": headline, "authors": ["Makiko Yamazaki", "Nathan Layne"], "dateline": "WASHINGTON",
           "credit": {"agency": "Reuters", "photographer": "Issei Kato"},
           "copyright": ["Thomson Reuters", "GPlusMedia Inc."], "comment_count": 2,
           "comments": [{"score": -6, "up": 0, "down": 6, "urls": 2}, {"score": 1, "up": 1, "down": 0, "urls": 0}]},
          open(sys.argv[2], "w"))
EOF
    ann "$TMP/out.xml" "$TMP/err" --explain "$sample"
    expect_rc 0 "the sample" "$TMP/err"
    check_xml "$TMP/out.xml"
    local msg
    msg=$(python3 "$CHECK" structure "$TMP/out.xml" "$TMP/gold.json") || fail "$msg"
}

test_readme_structure_example() {
    # The article in README.md ("Article structure") gives the output shown
    # there; entities aside, which the rules decide.
    mkdir -p "$TMP/page"
    python3 "$CHECK" readme-block README.md text > "$TMP/page/page.txt" || { fail "no text block in README.md"; return; }
    python3 "$CHECK" readme-block README.md xml 2 > "$TMP/page/want.xml" || { fail "no second xml block in README.md"; return; }
    (cd "$TMP/page" && "$BIN" "${EXTRA[@]}" page.txt > got.xml 2> err && "$BIN" "${EXTRA[@]}" --explain page.txt > explain.xml)
    check_xml "$TMP/page/got.xml"
    check_xml "$TMP/page/want.xml"
    local strip='s/<\/\?entity[^>]*>//g'
    cmp -s <(sed "$strip" "$TMP/page/got.xml") <(sed "$strip" "$TMP/page/want.xml") ||
        fail "README.md's structure example differs from the real output: $(diff <(sed "$strip" "$TMP/page/want.xml") <(sed "$strip" "$TMP/page/got.xml") | head -n 4)"
    local snippet
    # shellcheck disable=SC2016  # the backquotes are Markdown, not shell
    snippet=$(grep -o '`<byline layout-rule="[^"]*">`' README.md | tr -d '`')
    [[ -n $snippet ]] || { fail "no --explain <byline ...> snippet in README.md"; return; }
    grep -qF -- "$snippet" "$TMP/page/explain.xml" || fail "README.md's --explain snippet is not in the output: $snippet"
}

test_stream_header_lines_start_documents() {
    # Articles with a header line, concatenated, give one document each: the
    # same documents as the files given one by one.
    local -a files=()
    local f
    for f in corpora/*.txt; do
        head -n 1 "$f" | grep -qE '^ +date ' && files+=("$f")
    done
    [[ ${#files[@]} -ge 5 ]] || { fail "only ${#files[@]} corpora files start with a header line"; return; }
    cat "${files[@]}" > "$TMP/cat.txt"
    ann "$TMP/cat.xml" "$TMP/err" < "$TMP/cat.txt"
    expect_rc 0 "cat corpora | annotator" "$TMP/err"
    check_xml "$TMP/cat.xml"
    [[ $(ndocs "$TMP/cat.xml") == "${#files[@]}" ]] ||
        fail "cat of ${#files[@]} articles gave $(ndocs "$TMP/cat.xml") documents"
    lossless "$TMP/cat.xml" --header "$HEADER_RE" "-=$TMP/cat.txt"
    ann "$TMP/files.xml" "$TMP/err" "${files[@]}"
    local msg
    msg=$(python3 "$CHECK" same-documents "$TMP/cat.xml" "$TMP/files.xml") ||
        fail "cat | annotator and annotator FILES differ: $msg"
    # in 7-byte writes, through a pipe
    python3 "$CHECK" trickle "$TMP/cat.txt" 7 | ann "$TMP/trickle.xml" "$TMP/err"
    cmp -s "$TMP/cat.xml" "$TMP/trickle.xml" || fail "cat corpora in 7-byte writes gives other output"
    # Text without a header line cannot be told from the end of the article
    # before it: all corpora, the plain one included, cut where check.py says.
    cat corpora/*.txt > "$TMP/all.txt"
    ann "$TMP/all.xml" "$TMP/err" < "$TMP/all.txt"
    check_xml "$TMP/all.xml"
    lossless "$TMP/all.xml" --header "$HEADER_RE" "-=$TMP/all.txt"
}

test_structure_with_max_doc_size() {
    # An article over --max-doc-size is skipped up to the next header line.
    local a=corpora/eu-steel-safeguard.txt b=corpora/japan-rice-talks.txt
    cat "$a" "$b" "$a" > "$TMP/in"
    local max
    max=$(wc -c < "$a")
    ann "$TMP/out.xml" "$TMP/err" --max-doc-size "$((max - 1))" < "$TMP/in"
    expect_rc 1 "--max-doc-size below the article size"
    check_xml "$TMP/out.xml"
    [[ $(ndocs "$TMP/out.xml") == 1 ]] || fail "got $(ndocs "$TMP/out.xml") documents, want 1 (the smaller article)"
    lossless "$TMP/out.xml" --max "$((max - 1))" --header "$HEADER_RE" "-=$TMP/in"
    [[ $(grep -c 'larger than' "$TMP/err") == 2 ]] || fail "want two 'larger than' messages: $(cat "$TMP/err")"
}

# ---- streams -----------------------------------------------------------------

test_stream_cat_with_form_feed_line() {
    printf 'Tokyo raised rice tariffs.\nA second line.\n' > "$TMP/a"
    printf 'Seoul answered on Monday.\n' > "$TMP/b"
    { cat "$TMP/a"; printf '\f\n'; cat "$TMP/b"; } > "$TMP/ab"
    ann "$TMP/out.xml" "$TMP/err" < "$TMP/ab"
    expect_rc 0 "cat a FF b | annotator" "$TMP/err"
    check_xml "$TMP/out.xml"
    [[ $(ndocs "$TMP/out.xml") == 2 ]] || fail "cat a FF b gave $(ndocs "$TMP/out.xml") documents, want 2"
    lossless "$TMP/out.xml" "-=$TMP/ab"
}

test_stream_form_feed_must_be_alone_on_its_line() {
    printf 'First story.\n\f\nSecond story.\n' > "$TMP/in1"
    ann "$TMP/out1.xml" "$TMP/err" < "$TMP/in1"
    check_xml "$TMP/out1.xml"
    [[ $(ndocs "$TMP/out1.xml") == 2 ]] || fail "'...\\n\\f\\n...' gave $(ndocs "$TMP/out1.xml") documents, want 2"
    lossless "$TMP/out1.xml" "-=$TMP/in1"
    # A form feed that shares its line with text is text.
    printf 'First story.\f\nStill the first.\n \f\nAnd still.\n' > "$TMP/in2"
    ann "$TMP/out2.xml" "$TMP/err" < "$TMP/in2"
    check_xml "$TMP/out2.xml"
    [[ $(ndocs "$TMP/out2.xml") == 1 ]] || fail "form feeds inside lines gave $(ndocs "$TMP/out2.xml") documents, want 1"
    lossless "$TMP/out2.xml" "-=$TMP/in2"
}

test_stream_form_feed_crlf_separator() {
    printf 'One.\r\nMore one.\r\n\f\r\nTwo.\r\n\f\r\nThree.\r\n' > "$TMP/in"
    ann "$TMP/out.xml" "$TMP/err" < "$TMP/in"
    expect_rc 0 "CRLF stream" "$TMP/err"
    check_xml "$TMP/out.xml"
    [[ $(ndocs "$TMP/out.xml") == 3 ]] || fail "'\\f\\r\\n' separators gave $(ndocs "$TMP/out.xml") documents, want 3"
    lossless "$TMP/out.xml" "-=$TMP/in"
}

test_stream_empty_pieces_are_not_documents() {
    printf '\f\n\f\nOnly one.\n\f\n\f\r\n' > "$TMP/in"
    ann "$TMP/out.xml" "$TMP/err" < "$TMP/in"
    check_xml "$TMP/out.xml"
    [[ $(ndocs "$TMP/out.xml") == 1 ]] || fail "separators around one story gave $(ndocs "$TMP/out.xml") documents, want 1"
    lossless "$TMP/out.xml" "-=$TMP/in"
    : > "$TMP/empty"
    ann "$TMP/out2.xml" "$TMP/err" < "$TMP/empty"
    check_xml "$TMP/out2.xml"
    [[ $(ndocs "$TMP/out2.xml") == 1 ]] || fail "empty stdin gave $(ndocs "$TMP/out2.xml") documents, want 1 (empty)"
}

test_stdin_dash_between_files() {
    printf 'Alpha file.\n' > "$TMP/a.txt"
    printf 'Beta file.\n' > "$TMP/b.txt"
    printf 'From stdin.\n\f\nStdin again.\n' > "$TMP/in"
    ann "$TMP/out.xml" "$TMP/err" "$TMP/a.txt" - "$TMP/b.txt" < "$TMP/in"
    expect_rc 0 "a - b" "$TMP/err"
    check_xml "$TMP/out.xml"
    lossless "$TMP/out.xml" "$TMP/a.txt=$TMP/a.txt" "-=$TMP/in" "$TMP/b.txt=$TMP/b.txt"
}

test_several_files_in_operand_order() {
    local -a pairs=() files=()
    local f
    for f in zeta alpha mid; do
        printf 'Story %s.\nIt has two lines.\n' "$f" > "$TMP/$f.txt"
        files+=("$TMP/$f.txt")
        pairs+=("$TMP/$f.txt=$TMP/$f.txt")
    done
    ann "$TMP/out.xml" "$TMP/err" "${files[@]}"
    expect_rc 0 "three files" "$TMP/err"
    check_xml "$TMP/out.xml"
    lossless "$TMP/out.xml" "${pairs[@]}"
}

test_folder_recursive_sorted_binary_skipped() {
    local d=$TMP/news
    mkdir -p "$d/b-sub/deeper" "$d/a-sub"
    printf 'Top c.\n' > "$d/c.txt"
    printf 'Top a.\n' > "$d/a.txt"
    printf 'In b.\n\f\nIn b, second.\n' > "$d/b-sub/x.txt"
    printf 'Deeper.\n' > "$d/b-sub/deeper/y.txt"
    printf 'In a-sub.\n' > "$d/a-sub/z.txt"
    printf 'PK\x03\x04\x00\x00binary' > "$d/b-sub/image.bin"
    ann "$TMP/out.xml" "$TMP/err" "$d"
    expect_rc 1 "folder with a binary file"
    check_xml "$TMP/out.xml"
    # expected order: a sorted walk of the folder, without the binary file
    local -a pairs=()
    local f
    while IFS= read -r f; do pairs+=("$f=$f"); done < <(python3 "$CHECK" walk "$d")
    [[ ${#pairs[@]} == 5 ]] || fail "walk found ${#pairs[@]} text files, want 5"
    lossless "$TMP/out.xml" "${pairs[@]}"
    grep -q "^annotator: $d/b-sub/image.bin: .*binary" "$TMP/err" ||
        fail "no 'annotator: $d/b-sub/image.bin: ... binary' message; stderr: $(head -c 300 "$TMP/err")"
    [[ $(wc -l < "$TMP/err") == 1 ]] || fail "want one message on stderr, got: $(cat "$TMP/err")"
}

# ---- exit codes and messages ---------------------------------------------------

test_missing_file_reported_others_annotated() {
    printf 'Before.\n' > "$TMP/a.txt"
    printf 'After.\n' > "$TMP/b.txt"
    ann "$TMP/out.xml" "$TMP/err" "$TMP/a.txt" "$TMP/no-such-file.txt" "$TMP/b.txt"
    expect_rc 1 "a missing file"
    check_xml "$TMP/out.xml"
    lossless "$TMP/out.xml" "$TMP/a.txt=$TMP/a.txt" "$TMP/b.txt=$TMP/b.txt"
    grep -q "^annotator: $TMP/no-such-file.txt: No such file or directory$" "$TMP/err" ||
        fail "no 'annotator: FILE: No such file or directory'; stderr: $(cat "$TMP/err")"
}

test_unknown_option_exit_2() {
    printf 'Text.\n' > "$TMP/a.txt"
    ann "$TMP/out" "$TMP/err" --no-such-option "$TMP/a.txt"
    expect_rc 2 "--no-such-option"
    grep -q -- "--no-such-option" "$TMP/err" || fail "the message does not name the option: $(cat "$TMP/err")"
    [[ ! -s $TMP/out ]] || fail "unknown option wrote to stdout"
    ann "$TMP/out" "$TMP/err" --max-doc-size 12X "$TMP/a.txt"
    expect_rc 2 "--max-doc-size 12X"
    ann "$TMP/out" "$TMP/err" --rules
    expect_rc 2 "--rules without a value"
}

test_max_doc_size_skips_big_document() {
    python3 - "$TMP/in" <<'EOF'
import sys
small1 = b"Small one.\n"
big = b"".join(b"Big line %d of the long story.\n" % i for i in range(10))   # > 100 bytes
small2 = b"Small two.\nSecond line.\n"
open(sys.argv[1], "wb").write(small1 + b"\f\n" + big + b"\f\n" + small2)
EOF
    ann "$TMP/out.xml" "$TMP/err" --max-doc-size 100 < "$TMP/in"
    expect_rc 1 "--max-doc-size 100 with a big document"
    check_xml "$TMP/out.xml"
    [[ $(ndocs "$TMP/out.xml") == 2 ]] || fail "got $(ndocs "$TMP/out.xml") documents, want the 2 small ones"
    lossless "$TMP/out.xml" --max 100 "-=$TMP/in"
    # the big document starts on line 3 (after "Small one." and the separator)
    grep -q "^annotator: -:3:.*larger than 100 bytes" "$TMP/err" ||
        fail "no 'annotator: -:3:... larger than 100 bytes' message; stderr: $(cat "$TMP/err")"
    [[ $(wc -l < "$TMP/err") == 1 ]] || fail "want one message, got: $(cat "$TMP/err")"
}

test_max_doc_size_exact_size_any_split() {
    # A document of exactly N bytes is within --max-doc-size N, however the
    # reads split it: here the separator's form feed and newline arrive apart.
    local body
    body=$(python3 -c 'print("x" * 99)')    # 99 + newline = 100 bytes
    { printf '%s\n\f' "$body"; sleep 0.3; printf '\nNext story.\n'; } |
        ann "$TMP/out.xml" "$TMP/err" --max-doc-size 100
    expect_rc 0 "a 100-byte document, --max-doc-size 100, separator split across reads" "$TMP/err"
    check_xml "$TMP/out.xml"
    [[ $(ndocs "$TMP/out.xml") == 2 ]] || fail "got $(ndocs "$TMP/out.xml") documents, want 2"
}

rule_file() { # rule_file PATH: writes stdin to PATH
    cat > "$1"
}

test_bad_pcre2_pattern() {
    rule_file "$TMP/bad.rules" <<'EOF'
# a rule file with a pattern PCRE2 rejects
rule fine
  type     FINE
  pattern  fine

rule broken
  type     BROKEN
  pattern  *abc
EOF
    printf 'fine text\n' | ann "$TMP/out" "$TMP/err" --rules "$TMP/bad.rules"
    expect_rc 2 "a bad PCRE2 pattern"
    [[ ! -s $TMP/out ]] || fail "a rule error still wrote $(wc -c < "$TMP/out") bytes to stdout"
    # "*abc" starts at column 12 of line 8, and PCRE2 points at its first character
    grep -q "^annotator: $TMP/bad.rules:8:12: .*quantifier does not follow a repeatable item" "$TMP/err" ||
        fail "want 'annotator: $TMP/bad.rules:8:12: ...quantifier does not follow a repeatable item', got: $(cat "$TMP/err")"
}

test_bad_pcre2_pattern_cannot_escape_its_group() {
    # A pattern is compiled inside a group; a trailing backslash or a stray
    # ")" must be reported as the user's mistake, not break out of the group.
    printf 'rule r\n  type  X\n  pattern  ab\\\n' > "$TMP/bs.rules"
    printf 'x\n' | ann "$TMP/out" "$TMP/err" --no-default-rules --rules "$TMP/bs.rules"
    expect_rc 2 "a pattern ending in a backslash"
    grep -q '\\ at end of pattern' "$TMP/err" ||
        fail "pattern 'ab\\': want PCRE2's '\\ at end of pattern', got: $(cat "$TMP/err")"
    printf 'rule r\n  type  X\n  pattern  a)|(b\n' > "$TMP/paren.rules"
    printf 'x\n' | ann "$TMP/out" "$TMP/err" --no-default-rules --rules "$TMP/paren.rules"
    expect_rc 2 "pattern 'a)|(b' (unbalanced)"
}

test_layout_options() {
    # a broken layout file stops the run with FILE:LINE:COL, before any input
    printf 'layout mine\n  order body\n' > "$TMP/bad.layout"
    printf 'Text.\n' | ann "$TMP/out" "$TMP/err" --layouts "$TMP/bad.layout"
    expect_rc 2 "a broken layout file"
    [[ ! -s $TMP/out ]] || fail "a layout error still wrote to stdout"
    grep -q "^annotator: $TMP/bad.layout:2:[0-9]*: .*body" "$TMP/err" ||
        fail "want 'annotator: $TMP/bad.layout:2:COL: ...body...', got: $(cat "$TMP/err")"
    # without the built-in layouts an article is paragraphs only, still lossless
    ann "$TMP/plain.xml" "$TMP/err" --no-default-layouts corpora/japan-rice-talks.txt
    expect_rc 0 "--no-default-layouts" "$TMP/err"
    check_xml "$TMP/plain.xml" && lossless "$TMP/plain.xml" "corpora/japan-rice-talks.txt=corpora/japan-rice-talks.txt"
    grep -q '<headline' "$TMP/plain.xml" && fail "--no-default-layouts still found a headline"
    ann "$TMP/laid.xml" "$TMP/err" corpora/japan-rice-talks.txt
    grep -q '<headline' "$TMP/laid.xml" || fail "the built-in layouts found no headline"
}

test_unknown_rule_key() {
    rule_file "$TMP/key.rules" <<'EOF'
rule fine
  type     FINE
  pattern  fine
  colour   blue
EOF
    printf 'fine\n' | ann "$TMP/out" "$TMP/err" --rules "$TMP/key.rules"
    expect_rc 2 "an unknown rule key"
    [[ ! -s $TMP/out ]] || fail "a rule error still wrote to stdout"
    # "colour" is at line 4, column 3
    grep -q "^annotator: $TMP/key.rules:4:3: .*colour" "$TMP/err" ||
        fail "want 'annotator: $TMP/key.rules:4:3: ...colour...', got: $(cat "$TMP/err")"
}

test_write_error_dev_full() {
    [[ -w /dev/full ]] || { echo "     (no /dev/full: skipped)"; return; }
    "$BIN" "${EXTRA[@]}" corpora/plain-brief.txt > /dev/full 2> "$TMP/err"
    RC=$?
    expect_rc 2 "annotator > /dev/full"
    grep -q "^annotator: .*write error.*No space left on device" "$TMP/err" ||
        fail "no write error message; stderr: $(cat "$TMP/err")"
    grep -v '^annotator: ' "$TMP/err" | grep -q . &&
        fail "stderr has lines that are not 'annotator: ...' messages: $(grep -v '^annotator: ' "$TMP/err")"
}

test_closed_pipe_is_quiet() {
    python3 "$CHECK" gen many-docs-3mb "$TMP/big"
    "$BIN" "${EXTRA[@]}" "$TMP/big" 2> "$TMP/err" | head -c 100 > "$TMP/head"
    local -a st=("${PIPESTATUS[@]}")
    [[ $(wc -c < "$TMP/head") == 100 ]] || fail "head got $(wc -c < "$TMP/head") bytes"
    stderr_empty "$TMP/err" "annotator | head -c 100"
    [[ ${st[0]} == 0 ]] || fail "annotator | head -c 100: exit status ${st[0]}, want 0"
}

test_invalid_utf8_reported_once_per_sequence() {
    # check.py writes the input and the messages it must give (line, column
    # and byte of each bad sequence, in the source).
    python3 "$CHECK" gen-bad-utf8 "$TMP/bad.txt" "$TMP/want"
    ann "$TMP/out.xml" "$TMP/err" "$TMP/bad.txt"
    expect_rc 0 "invalid UTF-8" "$TMP/err"
    check_xml "$TMP/out.xml" && lossless "$TMP/out.xml" "$TMP/bad.txt=$TMP/bad.txt"
    local want got
    want=$(sed "s|^|annotator: $TMP/bad.txt:|" "$TMP/want")
    got=$(sed -E 's/: warning: invalid UTF-8.*//' "$TMP/err")
    [[ $got == "$want" ]] || fail "messages differ: $(diff <(echo "$want") <(echo "$got") | head -n 6)"
    grep -c 'warning: invalid UTF-8' "$TMP/err" | grep -qx "$(wc -l < "$TMP/want")" ||
        fail "want $(wc -l < "$TMP/want") invalid UTF-8 warnings: $(cat "$TMP/err")"
}

test_raw_warning_names_every_byte() {
    printf 'ab\xff\xfe cd \x01\x02 \xef\xbf\xbe\n' > "$TMP/in"
    ann "$TMP/out.xml" "$TMP/err" "$TMP/in"
    expect_rc 0 "bad bytes" "$TMP/err"
    check_xml "$TMP/out.xml" && lossless "$TMP/out.xml" "$TMP/in=$TMP/in"
    grep -q ":1:3: byte 2: warning: invalid UTF-8 (FF FE)" "$TMP/err" ||
        fail "want '...:1:3: byte 2: warning: invalid UTF-8 (FF FE)...', got: $(sed -n 1p "$TMP/err")"
    grep -q ":1:9: byte 8: warning: character not allowed in XML (01 02)" "$TMP/err" ||
        fail "want '...:1:9: byte 8: warning: character not allowed in XML (01 02)...', got: $(sed -n 2p "$TMP/err")"
    grep -q ":1:12: byte 11: warning: character not allowed in XML (EF BF BE)" "$TMP/err" ||
        fail "want '...:1:12: byte 11: ...(EF BF BE)...', got: $(sed -n 3p "$TMP/err")"
}

# ---- options -------------------------------------------------------------------

test_tokens_wrap_words() {
    ann "$TMP/out.xml" "$TMP/err" --tokens corpora/plain-brief.txt
    expect_rc 0 "--tokens" "$TMP/err"
    check_xml "$TMP/out.xml" && lossless "$TMP/out.xml" "corpora/plain-brief.txt=corpora/plain-brief.txt"
    local msg
    msg=$(python3 "$CHECK" tokens "$TMP/out.xml" corpora/plain-brief.txt) || fail "$msg"
    ann "$TMP/plain.xml" "$TMP/err" corpora/plain-brief.txt
    grep -q '<w>' "$TMP/plain.xml" && fail "<w> without --tokens"
}

test_explain_names_rules() {
    ann "$TMP/out.xml" "$TMP/err" --explain corpora/us-korea-auto-tariffs.txt
    expect_rc 0 "--explain" "$TMP/err"
    check_xml "$TMP/out.xml" && lossless "$TMP/out.xml" "corpora/us-korea-auto-tariffs.txt=corpora/us-korea-auto-tariffs.txt"
    local msg
    msg=$(python3 "$CHECK" explain "$TMP/out.xml") || fail "$msg"
    ann "$TMP/plain.xml" "$TMP/err" corpora/us-korea-auto-tariffs.txt
    grep -q ' rule=' "$TMP/plain.xml" && fail "rule= without --explain"
    # a user rule names its own file and line
    printf '# mine\nrule my-rule\n  type     MINE\n  pattern  zebra\n' > "$TMP/mine.rules"
    printf 'A zebra.\n' | ann "$TMP/mine.xml" "$TMP/err" --explain --no-default-rules --rules "$TMP/mine.rules"
    check_xml "$TMP/mine.xml"
    grep -q "<entity type=\"MINE\" norm=\"zebra\" ref=\"e1\" rule=\"my-rule\" rule-source=\"$TMP/mine.rules:2\">zebra</entity>" "$TMP/mine.xml" ||
        fail "the user rule's entity does not name $TMP/mine.rules:2: $(grep -o '<entity[^>]*>' "$TMP/mine.xml")"
    # the entity that wins a conflict names the candidates it beat
    printf 'rule long\n  type     LONG\n  pattern  zebra crossing\n  priority 5\n\nrule short\n  type     SHORT\n  pattern  zebra\n' > "$TMP/two.rules"
    printf 'A zebra crossing.\n' | ann "$TMP/two.xml" "$TMP/err" --explain --no-default-rules --rules "$TMP/two.rules"
    check_xml "$TMP/two.xml"
    grep -q '<entity type="LONG" [^>]*won-against="short:SHORT"' "$TMP/two.xml" ||
        fail "the winner does not name what it beat: $(grep -o '<entity[^>]*>' "$TMP/two.xml")"
    # a stance names its cue rule and how its holder and target were chosen
    grep -q '<stance [^>]*cue-rule="[^"]*" cue-rule-source="rules/[^"]*:[0-9]*" holder-from="[a-z-]*" target-from="[a-z-]*"' "$TMP/out.xml" ||
        fail "no stance with cue-rule, holder-from and target-from under --explain"
}

test_output_option() {
    ann "$TMP/stdout.xml" "$TMP/err" corpora/plain-brief.txt
    ann "$TMP/unused" "$TMP/err" -o "$TMP/file.xml" corpora/plain-brief.txt
    expect_rc 0 "-o FILE" "$TMP/err"
    [[ ! -s $TMP/unused ]] || fail "-o FILE also wrote to stdout"
    cmp -s "$TMP/stdout.xml" "$TMP/file.xml" || fail "-o FILE differs from stdout"
    ann "$TMP/unused" "$TMP/err" -o "$TMP/no-such-dir/x.xml" corpora/plain-brief.txt
    expect_rc 2 "-o into a missing folder"
}

test_check_rules_builtin() {
    "$BIN" --check-rules > "$TMP/out" 2> "$TMP/err"
    RC=$?
    expect_rc 0 "--check-rules" "$TMP/err"
    grep -Eq '^[1-9][0-9]* rules, [1-9][0-9]* examples, 0 failed$' "$TMP/out" ||
        fail "unexpected summary: $(cat "$TMP/out")"
}

test_check_rules_failing_example() {
    rule_file "$TMP/ex.rules" <<'EOF'
rule year
  type     YEAR
  pattern  \b(?:19|20)\d\d\b
  example  Founded in [[1999]].
  example  Closed in [[2024 and]] reopened.
  counter  Room 2024 is free.
EOF
    "$BIN" --no-default-rules --check-rules "$TMP/ex.rules" > "$TMP/out" 2> "$TMP/err"
    RC=$?
    expect_rc 2 "--check-rules with a failing example"
    grep -q "^annotator: $TMP/ex.rules:5\b" "$TMP/err" ||
        fail "the failure does not name $TMP/ex.rules:5 (the example): $(cat "$TMP/err")"
    grep -q "^annotator: $TMP/ex.rules:6\b" "$TMP/err" ||
        fail "the failing counter-example $TMP/ex.rules:6 is not named: $(cat "$TMP/err")"
    grep -q "^annotator: $TMP/ex.rules:4\b" "$TMP/err" && fail "the passing example at line 4 is reported"
    grep -q ' 2 failed' "$TMP/out" || fail "the summary does not count 2 failures: $(cat "$TMP/out")"
    # with the built-in rules loaded too
    "$BIN" --check-rules "$TMP/ex.rules" > "$TMP/out" 2> "$TMP/err"
    RC=$?
    expect_rc 2 "--check-rules FILE (and the built-in rules) with a failing example"
    grep -q "^annotator: $TMP/ex.rules:5\b" "$TMP/err" ||
        fail "with the built-in rules, $TMP/ex.rules:5 is not named: $(head -c 300 "$TMP/err")"
    # the same file without the bad lines passes
    sed -e '5,6d' "$TMP/ex.rules" > "$TMP/ok.rules"
    "$BIN" --no-default-rules --check-rules "$TMP/ok.rules" > "$TMP/out" 2> "$TMP/err"
    RC=$?
    expect_rc 0 "--check-rules with passing examples" "$TMP/err"
}

test_help_and_version() {
    "$BIN" --help > "$TMP/help" 2>&1
    RC=$?
    expect_rc 0 "--help"
    local code
    for code in 0 1 2; do
        grep -Eq "^ +$code +[a-z]" "$TMP/help" || fail "--help does not explain exit status $code"
    done
    grep -qi 'exit status' "$TMP/help" || fail "--help has no 'Exit status' section"
    local version
    version=$(sed -n 's/^#define ANN_VERSION "\(.*\)"$/\1/p' annotator/annotator.h)
    "$BIN" --version > "$TMP/version" 2>&1
    RC=$?
    expect_rc 0 "--version"
    [[ $(cat "$TMP/version") == "annotator $version" ]] ||
        fail "--version prints '$(cat "$TMP/version")', want 'annotator $version' (annotator.h)"
}

# ---- streaming and memory --------------------------------------------------------

test_streaming_flushes_each_document() {
    mkfifo "$TMP/fifo"
    "$BIN" "${EXTRA[@]}" < "$TMP/fifo" > "$TMP/out.xml" 2> "$TMP/err" &
    local pid=$!
    exec 3> "$TMP/fifo"
    printf 'The first story, complete.\n\f\nThe second has begun' >&3
    if ! timeout 5 bash -c "until grep -q '</document>' '$TMP/out.xml'; do sleep 0.05; done"; then
        fail "no </document> on stdout 5 s after the first document's separator (stdin still open)"
    fi
    grep -q 'The second' "$TMP/out.xml" && fail "the unfinished second document was written early"
    printf '.\n' >&3
    exec 3>&-
    wait "$pid"
    RC=$?
    expect_rc 0 "streamed stdin" "$TMP/err"
    check_xml "$TMP/out.xml"
    printf 'The first story, complete.\n\f\nThe second has begun.\n' > "$TMP/in"
    lossless "$TMP/out.xml" "-=$TMP/in"
}

# The same input gives the same bytes whatever the threads do: a stage that
# read memory an earlier document left behind showed up only here, in a
# stream of thousands of documents (bench/gen.py, 10 MB; 2 MB for the
# sanitizer build, which runs ten times slower).
test_output_does_not_depend_on_threads() {
    local mb=10
    [[ $BIN == */asan/* ]] && mb=2
    python3 "$ROOT/bench/gen.py" "$mb" "$TMP/stream.txt" > /dev/null || { fail "bench/gen.py failed"; return; }
    "$BIN" "${EXTRA[@]}" -j1 "$TMP/stream.txt" > "$TMP/one.xml" 2> "$TMP/err" || { fail "-j1 run failed"; return; }
    local run
    for run in 1 2 3; do
        "$BIN" "${EXTRA[@]}" "$TMP/stream.txt" > "$TMP/many.xml" 2> "$TMP/err" || { fail "run $run failed"; return; }
        cmp -s "$TMP/one.xml" "$TMP/many.xml" ||
            fail "run $run with worker threads differs from -j1: $(cmp "$TMP/one.xml" "$TMP/many.xml" | head -1)"
    done
}

max_rss_kb() { # max_rss_kb INPUT: prints the annotator's max RSS in KiB
    # (AddressSanitizer keeps freed memory in quarantine, which would grow
    # with the number of documents: switch that off; other builds ignore it.)
    ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}quarantine_size_mb=0" \
        /usr/bin/time -f %M -o "$TMP/rss" "$BIN" "${EXTRA[@]}" "$1" > /dev/null 2> "$TMP/rss.err"
    local rc=$?
    [[ $rc == 0 ]] || fail "annotating $1: exit status $rc: $(head -c 200 "$TMP/rss.err")"
    tail -n 1 "$TMP/rss"
}

test_memory_flat_in_document_count() {
    python3 "$CHECK" gen-docs "$TMP/docs2k" 2000
    python3 "$CHECK" gen-docs "$TMP/docs20k" 20000
    local small big
    small=$(max_rss_kb "$TMP/docs2k")
    big=$(max_rss_kb "$TMP/docs20k")
    [[ $small =~ ^[0-9]+$ && $big =~ ^[0-9]+$ ]] || { fail "cannot measure RSS ('$small', '$big')"; return; }
    echo "     max RSS: 2,000 documents $small KiB, 20,000 documents $big KiB"
    ((big * 2 < small * 3)) || fail "max RSS grows with the number of documents: $small KiB for 2,000, $big KiB for 20,000"
}

# ---- run -------------------------------------------------------------------------

PASSED=0
FAILED=0
FILTER=${1:-}
for t in $(declare -F | awk '$3 ~ /^test_/ {print $3}'); do
    [[ -n $FILTER ]] && ! grep -Eq -- "$FILTER" <<< "$t" && continue
    CURRENT=${t#test_}
    FAILED_CHECKS=0
    "$t" < /dev/null
    if [[ $FAILED_CHECKS == 0 ]]; then
        PASSED=$((PASSED + 1))
    else
        FAILED=$((FAILED + 1))
    fi
done
echo "$PASSED passed, $FAILED failed"
[[ $FAILED == 0 ]]
