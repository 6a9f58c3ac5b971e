#!/usr/bin/env bash
# Throughput benchmark for the annotator (what `make bench` runs).
#
# usage: bench/run.sh path/to/annotator [--quick]
#
# Generates synthetic corpora (10, 100 and 200 MB; cached in build/bench/ and
# made again only when missing) and rule files (50 and 500 rules), then times,
# side by side in one run: cat, the annotator with the default rules on each
# corpus, the annotator reading stdin, and the annotator with extra rules.
# Prints a table to stdout and writes it to build/bench/results.txt.
# --quick uses only the 10 MB corpus (a smoke run of a few seconds).
#
# Environment: BENCH_RUN_TIMEOUT (seconds, default 300) caps any single run;
# BENCH_SLOW_SECONDS (default 60): when the first 100 MB run takes longer, the
# 200 MB run and the repeats are skipped so the whole run stays near 10 min.
# 1 MB = 1,000,000 bytes throughout; peak RSS is in MiB.
set -euo pipefail
export LC_ALL=C
[[ -n ${EPOCHREALTIME:-} ]] || { echo "bench/run.sh: needs bash 5 or newer (EPOCHREALTIME)" >&2; exit 1; }

prog=bench/run.sh
die() { printf '%s: %s\n' "$prog" "$*" >&2; exit 1; }
note() { printf '%s: %s\n' "$prog" "$*" >&2; }

# ---------------------------------------------------------------- arguments
quick=0
bin=""
for arg in "$@"; do
    case $arg in
        --quick) quick=1 ;;
        -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) die "unknown option '$arg' (usage: bench/run.sh path/to/annotator [--quick])" ;;
        *) [[ -z $bin ]] || die "only one annotator path expected, got '$bin' and '$arg'"
           bin=$arg ;;
    esac
done
[[ -n $bin ]] || die "usage: bench/run.sh path/to/annotator [--quick]"

if [[ $bin != */* ]] && command -v -- "$bin" >/dev/null 2>&1; then
    bin=$(command -v -- "$bin")
fi
[[ -e $bin ]] || die "annotator binary '$bin' not found; build it first with 'make' (or pass its path)"
[[ -f $bin && -x $bin ]] || die "'$bin' is not an executable file"
bin=$(cd "$(dirname -- "$bin")" && pwd)/$(basename -- "$bin")

TIME=/usr/bin/time
[[ -x $TIME ]] || die "$TIME is missing; install the Debian package 'time' (apt-get install time)"
"$TIME" -f '%e %M' -o /dev/null true 2>/dev/null ||
    die "$TIME is not GNU time (no -f/-o); install the Debian package 'time'"
command -v python3 >/dev/null || die "python3 is needed to generate the corpora"
command -v timeout >/dev/null || die "'timeout' (coreutils) is missing"

run_timeout=${BENCH_RUN_TIMEOUT:-300}
[[ $run_timeout =~ ^[0-9]+$ ]] || die "BENCH_RUN_TIMEOUT must be a number of seconds"
slow_seconds=${BENCH_SLOW_SECONDS:-60}
[[ $slow_seconds =~ ^[0-9]+$ ]] || die "BENCH_SLOW_SECONDS must be a number of seconds"

started=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
root=$(cd "$(dirname -- "$0")/.." && pwd)
out=$root/build/bench
logs=$out/logs
mkdir -p "$out" "$logs"
rm -f "$logs"/*.err   # logs of an earlier run would only confuse

# ---------------------------------------------------------------- inputs
sizes=(10 100 200)
((quick)) && sizes=(10)

need_kb=0
for s in "${sizes[@]}"; do
    [[ -s $out/corpus-${s}mb.txt ]] || need_kb=$((need_kb + s * 1000 + 1000))
done
if ((need_kb > 0)); then
    avail_kb=$(df -Pk "$out" | awk 'NR==2 {print $4}')
    ((avail_kb > need_kb)) ||
        die "not enough disk space in $out: need about $((need_kb / 1000)) MB, have $((avail_kb / 1000)) MB"
fi

for s in "${sizes[@]}"; do
    f=$out/corpus-${s}mb.txt
    if [[ ! -s $f ]]; then
        note "generating $s MB corpus -> ${f#"$root"/}"
        start=$EPOCHREALTIME
        python3 "$root/bench/gen.py" "$s" "$f.tmp" || die "bench/gen.py failed for $s MB"
        mv -f "$f.tmp" "$f"
        note "  done in $(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN {printf "%.1f s", b - a}')"
    fi
done
for n in 50 500; do
    f=$out/rules-$n.rules
    if [[ ! -s $f ]]; then
        python3 "$root/bench/gen_rules.py" "$n" "$f.tmp" || die "bench/gen_rules.py failed for $n rules"
        mv -f "$f.tmp" "$f"
    fi
done

bytes_of() { stat -c %s -- "$1"; }
c10=$out/corpus-10mb.txt
c100=$out/corpus-100mb.txt
c200=$out/corpus-200mb.txt

# ---------------------------------------------------------------- timing
# measure STDIN_FILE LOG CMD...: runs CMD once (stdin from STDIN_FILE, or no
# redirect when it is empty), stdout to /dev/null, stderr to LOG. Sets
# M_SEC (wall seconds, from bash's microsecond clock around the run), M_RSS
# (peak RSS in KiB from GNU time %M) and M_RC (exit status; 124 = timed out).
measure() {
    local in=$1 log=$2 tf=$out/.time.$$
    shift 2
    local t0 t1
    M_RC=0
    t0=$EPOCHREALTIME
    if [[ -n $in ]]; then
        timeout "$run_timeout" "$TIME" -f '%e %M' -o "$tf" "$@" <"$in" >/dev/null 2>"$log" || M_RC=$?
    else
        timeout "$run_timeout" "$TIME" -f '%e %M' -o "$tf" "$@" >/dev/null 2>"$log" || M_RC=$?
    fi
    t1=$EPOCHREALTIME
    M_SEC=$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.6f", b - a}')
    # GNU time prepends "Command exited with non-zero status N" on failure.
    M_RSS=$(tail -n 1 "$tf" 2>/dev/null | awk '{print $2}')
    [[ $M_RSS =~ ^[0-9]+$ ]] || M_RSS=0
    rm -f "$tf"
}

# bench KEY RUNS REPEAT_UNDER STDIN_FILE CMD...: runs CMD once and, while that
# first run took less than REPEAT_UNDER seconds, up to RUNS times in all;
# keeps the best (lowest) time and the highest peak RSS. A failed run ends
# the series. Stores R_SEC[KEY], R_RSS[KEY], R_RUNS[KEY] or R_FAIL[KEY].
declare -A R_SEC R_RSS R_RUNS R_FAIL
failed=0
bench() {
    local key=$1 runs=$2 repeat_under=$3 in=$4 i best="" rss=0
    shift 4
    for ((i = 1; i <= runs; i++)); do
        note "  $key: run $i of up to $runs"
        measure "$in" "$logs/$key.$i.err" "$@"
        if ((M_RC != 0)); then
            if ((M_RC == 124)); then
                R_FAIL[$key]="timed out after ${run_timeout}s"
            else
                R_FAIL[$key]="exit status $M_RC, see ${logs#"$root"/}/$key.$i.err"
            fi
            note "  $key FAILED: ${R_FAIL[$key]}"
            if [[ -s $logs/$key.$i.err ]]; then sed -n '1,5s/^/    /p' "$logs/$key.$i.err" >&2; fi
            failed=1
            return 0
        fi
        if [[ -z $best ]] || awk -v a="$M_SEC" -v b="$best" 'BEGIN {exit !(a < b)}'; then
            best=$M_SEC
        fi
        if ((M_RSS > rss)); then rss=$M_RSS; fi
        R_SEC[$key]=$best R_RSS[$key]=$rss R_RUNS[$key]=$i
        if ((i == 1)) && awk -v t="$M_SEC" -v lim="$repeat_under" 'BEGIN {exit !(t >= lim)}'; then
            break
        fi
    done
}

# A short preflight: the annotator must accept the corpus format at all.
# (whole lines, so no UTF-8 sequence is cut)
head -n 2000 "$c10" >"$out/preflight.txt"
pre_rc=0
timeout 60 "$bin" "$out/preflight.txt" >"$out/preflight.xml" 2>"$logs/preflight.err" || pre_rc=$?
if ((pre_rc != 0)) || [[ ! -s $out/preflight.xml ]]; then
    sed -n '1,10s/^/    /p' "$logs/preflight.err" >&2
    sample_bytes=$(bytes_of "$out/preflight.txt")
    rm -f "$out/preflight.txt"
    die "annotator failed on a $sample_bytes-byte sample of the corpus (exit $pre_rc, output $(bytes_of "$out/preflight.xml") bytes); see ${logs#"$root"/}/preflight.err"
fi
rm -f "$out/preflight.txt" "$out/preflight.xml"

notes=()
if ((quick)); then
    main=$c10 main_mb=10
else
    main=$c100 main_mb=100
fi

# Runs on the 10 MB corpus are repeated (best of 3) while one takes < 10 s,
# those on the 100 MB corpus while one takes < BENCH_SLOW_SECONDS.
note "warming the page cache"
for s in "${sizes[@]}"; do cat "$out/corpus-${s}mb.txt" >/dev/null; done

note "timing the timer (true)"
bench overhead 3 999999 "" true
note "timing cat on $main_mb MB"
bench cat 3 999999 "" cat "$main"

note "timing annotator, default rules"
bench file10 3 10 "" "$bin" "$c10"
note "timing annotator in one thread (--jobs 1)"
bench onejob10 3 10 "" "$bin" --jobs 1 "$c10"
if ((!quick)); then
    bench file100 3 "$slow_seconds" "" "$bin" "$c100"
    if [[ -n ${R_SEC[file100]:-} ]]; then
        if ((R_RUNS[file100] < 3)); then
            notes+=("the 100 MB run took $(printf '%.1f' "${R_SEC[file100]}") s (> $slow_seconds s): ran it once, skipped the 200 MB run")
        else
            bench file200 1 0 "" "$bin" "$c200"
        fi
    fi
    note "timing annotator reading stdin"
    bench stdin100 3 "$slow_seconds" "$c100" "$bin"
else
    note "timing annotator reading stdin"
    bench stdin10 3 10 "$c10" "$bin"
    notes+=("--quick: only the 10 MB corpus was used")
fi

note "timing rule scaling on 10 MB"
bench rules50 3 10 "" "$bin" --rules "$out/rules-50.rules" "$c10"
bench rules500 3 10 "" "$bin" --rules "$out/rules-500.rules" "$c10"

# ---------------------------------------------------------------- report
version=$(timeout 10 "$bin" --version </dev/null 2>&1 | head -n 1) || version="(--version failed: $version)"
[[ -n $version ]] || version="(--version printed nothing)"

mbps() { awk -v b="$1" -v t="$2" 'BEGIN {if (t > 0) printf "%.1f", b / 1e6 / t; else printf "inf"}'; }

row() {  # row KEY LABEL FILE EXTRA
    local key=$1 label=$2 file=$3 extra=${4:-} mb
    mb=$(awk -v b="$(bytes_of "$file")" 'BEGIN {printf "%.1f", b / 1e6}')
    if [[ -n ${R_FAIL[$key]:-} ]]; then
        printf '%-36s %7s  %9s  %9s  %10s  %s\n' "$label" "$mb" "-" "-" "-" "FAILED: ${R_FAIL[$key]}"
    elif [[ -n ${R_SEC[$key]:-} ]]; then
        local runs=${R_RUNS[$key]} how
        if ((runs > 1)); then how="best of $runs"; else how="1 run"; fi
        printf '%-36s %7s  %9.4f  %9s  %10s  %s\n' "$label" "$mb" "${R_SEC[$key]}" \
            "$(mbps "$(bytes_of "$file")" "${R_SEC[$key]}")" \
            "$(awk -v k="${R_RSS[$key]}" 'BEGIN {printf "%.1f", k / 1024}')" \
            "$how${extra:+; $extra}"
    else
        printf '%-36s %7s  %9s  %9s  %10s  %s\n' "$label" "$mb" "-" "-" "-" "skipped"
    fi
}

ratio() {  # ratio KEY_A KEY_B: time(A) / time(B), or "-"
    if [[ -n ${R_SEC[$1]:-} && -n ${R_SEC[$2]:-} ]]; then
        awk -v a="${R_SEC[$1]}" -v b="${R_SEC[$2]}" 'BEGIN {if (b > 0) printf "%.2fx", a / b; else print "-"}'
    else
        echo "-"
    fi
}

jobs_default() { local n; n=$(nproc); ((n > 8)) && n=8; echo "$n"; }

docs_in() { grep -c $'^\f$' "$1" || true; }

report() {
    echo "annotator benchmark$( ((quick)) && echo " (--quick)")"
    echo "date:      $started"
    echo "machine:   $(uname -srm), nproc $(nproc), $(awk '/^model name/ {sub(/^[^:]*: */, ""); print; exit}' /proc/cpuinfo 2>/dev/null || echo "cpu unknown")"
    echo "annotator: $bin"
    echo "version:   $version"
    for s in "${sizes[@]}"; do
        local f=$out/corpus-${s}mb.txt
        echo "corpus:    ${f#"$root"/}  $(bytes_of "$f") bytes, $(docs_in "$f") documents"
    done
    if [[ -n ${R_SEC[overhead]:-} ]]; then
        echo "overhead:  $(awk -v t="${R_SEC[overhead]}" 'BEGIN {printf "%.1f ms", t * 1000}') per run (timeout + GNU time + exec of 'true'; included in every time below)"
    fi
    echo "rules:     +50 / +500 generated rules from build/bench/rules-{50,500}.rules (with --rules)"
    echo
    printf '%-36s %7s  %9s  %9s  %10s  %s\n' "run" "MB" "time s" "MB/s" "RSS MiB" "note"
    printf '%-36s %7s  %9s  %9s  %10s  %s\n' "---" "--" "------" "----" "-------" "----"
    row cat "cat FILE > /dev/null" "$main"
    row file10 "annotator FILE (default rules)" "$c10" "$(nproc) processors: --jobs $(jobs_default)"
    row onejob10 "annotator --jobs 1 FILE" "$c10" "time $(ratio onejob10 file10) of the default"
    if ((!quick)); then
        row file100 "annotator FILE (default rules)" "$c100"
        row file200 "annotator FILE (default rules)" "$c200"
        row stdin100 "annotator < FILE (default rules)" "$c100"
    else
        row stdin10 "annotator < FILE (default rules)" "$c10"
    fi
    row rules50 "annotator FILE, default + 50 rules" "$c10" "time $(ratio rules50 file10) of default"
    row rules500 "annotator FILE, default + 500 rules" "$c10" "time $(ratio rules500 file10) of default"
    echo
    local fk=file100
    ((quick)) && fk=file10
    echo "annotator/cat time ratio on the $main_mb MB corpus: $(ratio "$fk" cat)"
    echo "rule scaling on 10 MB (time vs default rules): +50 rules $(ratio rules50 file10), +500 rules $(ratio rules500 file10)"
    for n in "${notes[@]}"; do
        echo "note: $n"
    done
    ((failed)) && echo "note: some runs FAILED; their logs are in ${logs#"$root"/}/"
    echo "Timings are comparable only side by side within one run on one machine."
}

report | tee "$out/results.txt"
note "table written to ${out#"$root"/}/results.txt"
exit "$failed"
