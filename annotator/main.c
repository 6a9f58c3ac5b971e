/* annotator: the command-line tool. A thin layer over the public API
 * (annotator.h): parses options, reads files, folders and stdin in chunks,
 * prints diagnostics, and turns what happened into an exit status. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "annotator.h"
#include "eval.h"

enum {
    EXIT_ALL_ANNOTATED = 0,
    EXIT_SOME_INPUT_FAILED = 1,
    EXIT_USAGE_RULES_OUTPUT = 2
};

#define READ_CHUNK (64 * 1024)
#define BINARY_SNIFF 8192
#define JOBS_MAX 32
#define JOBS_DEFAULT_MAX 8

/* One table: it is both what the parser accepts and what --help prints. */
static const option_doc options[] = {
    {"-o, --output", "FILE", "write the XML to FILE instead of standard output"},
    {"--rules", "PATH", "add a rule file, or every *.rules file under a folder (repeatable)"},
    {"--no-default-rules", NULL, "do not load the built-in rules"},
    {"--layouts", "PATH", "add a layout file, or every *.layout file under a folder (repeatable)"},
    {"--no-default-layouts", NULL, "do not load the built-in layouts (without --layouts: paragraphs only)"},
    {"--explain", NULL, "name on each annotation the rule, file and line that made it"},
    {"--tokens", NULL, "also wrap every token in <w>"},
    {"--max-doc-size", "N", "skip (and report) documents larger than N bytes; K, M, G suffixes (default 64M)"},
    {"-j, --jobs", "N", "annotate up to N documents at once in parallel threads; the output is the same "
                        "(default: the number of processors, at most 8; 1: no threads)"},
    {"--check-rules", "[PATH]", "compile the rules (and PATH, if given), run every rule example, and exit"},
    {"-h, --help", NULL, "show this help"},
    {"--version", NULL, "show the version"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: annotator [OPTIONS] [FILE|DIR|-]...\n"
               "       annotator eval [OPTIONS] ...   (scores against gold: annotator eval --help)\n\n"
               "Annotates news text with entities and writes annotated XML. With no operand, or\n"
               "with -, reads standard input. A folder is read recursively in sorted order (files\n"
               "that look binary are skipped). In a stream, a line holding only a form feed\n"
               "separates documents, and so does a layout's header line (\" date 2025-05-30  Publisher\").\n"
               "\nOptions:\n");
    print_options(f, options, sizeof options / sizeof *options, 24);
    fprintf(f, "\nExit status:\n"
               "  0  all input was annotated\n"
               "  1  some input could not be annotated (each case reported; the rest was annotated)\n"
               "  2  usage error, rule-file error, or output error\n");
}

static void print_diag(void *ctx, const ann_error *e)
{
    (void)ctx;
    print_diagnostic(e, "-");
}

static void print_error(const ann_error *e)
{
    print_diag(NULL, e);
}

static void fail_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "annotator: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry 'annotator --help'.\n");
    exit(EXIT_USAGE_RULES_OUTPUT);
}

static int write_file(void *ctx, const char *data, size_t len)
{
    FILE *f = ctx;
    return fwrite(data, 1, len, f) == len ? 0 : -1;
}

static int flush_file(void *ctx)
{
    return fflush((FILE *)ctx) == 0 ? 0 : -1;
}

static size_t parse_size(const char *s)
{
    size_t n;
    if (parse_byte_size(s, &n))
        fail_usage("--max-doc-size wants a positive number of bytes up to 4G, not '%s'", s);
    return n;
}

static int parse_jobs(const char *s)
{
    char *end;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (errno || end == s || *end || n < 1 || n > JOBS_MAX)
        fail_usage("--jobs wants a number of threads from 1 to 32, not '%s'", s);
    return (int)n;
}

/* One worker per processor, but no more than a few: beyond that the
 * writer thread, which keeps the input order, is the bottleneck. */
static int default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > JOBS_DEFAULT_MAX ? JOBS_DEFAULT_MAX : (int)n;
}

typedef struct {
    const ann_rules *rules;
    ann_output *out;
    ann_stream_options opts;
    ann_stream *stream;   /* reads every input in turn, so workers stay busy across files */
    int input_failed;
    int output_failed;
    int reader_gone;      /* the output pipe was closed: stop quietly */
} run_state;

static void note_output_error(run_state *run, const ann_error *err)
{
    if (err->sys_errno == EPIPE)
        run->reader_gone = 1;
    else if (!run->output_failed)
        print_error(err);
    run->output_failed = 1;
}

/* Reports a problem with an input outside the stream, after the
 * diagnostics of the documents before it. */
__attribute__((format(printf, 2, 3))) static void input_problem(run_state *run, const char *fmt, ...)
{
    if (run->stream)
        ann_stream_wait(run->stream);
    va_list ap;
    va_start(ap, fmt);
    flockfile(stderr);
    fprintf(stderr, "annotator: ");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    funlockfile(stderr);
    va_end(ap);
    run->input_failed = 1;
}

/* Annotates one source read from fd. */
static void annotate_fd(run_state *run, int fd, const char *name)
{
    static char chunk[READ_CHUNK];
    ann_error err;
    int rc = ANN_OK;
    if (!run->stream)
        run->stream = ann_stream_new(run->rules, run->out, name, &run->opts);
    else
        rc = ann_stream_next_source(run->stream, name, &err);
    while (rc == ANN_OK) {
        ssize_t n = read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            input_problem(run, "%s: read error: %s", name, strerror(errno));
            break;
        }
        if (n == 0)
            break;
        rc = ann_stream_feed(run->stream, chunk, (size_t)n, &err);
    }
    if (rc != ANN_OK)
        note_output_error(run, &err);
}

/* Writes the last document and ends the stream. */
static void finish_stream(run_state *run)
{
    if (!run->stream)
        return;
    ann_error err;
    if (!run->output_failed && ann_stream_finish(run->stream, &err) != ANN_OK)
        note_output_error(run, &err);
    if (ann_stream_failures(run->stream))
        run->input_failed = 1;
    ann_stream_free(run->stream);
    run->stream = NULL;
}

static void annotate_path(run_state *run, const char *path, int from_folder);

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void annotate_folder(run_state *run, const char *path)
{
    DIR *d = opendir(path);
    if (!d) {
        input_problem(run, "%s: cannot open folder: %s", path, strerror(errno));
        return;
    }
    char **names = NULL;
    size_t count = 0, cap = 0;
    for (struct dirent *e; (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        if (count == cap) {
            cap = cap ? cap * 2 : 64;
            names = realloc(names, cap * sizeof *names);
            if (!names) {
                fprintf(stderr, "annotator: out of memory\n");
                abort();
            }
        }
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        names[count] = malloc(len);
        if (!names[count]) {
            fprintf(stderr, "annotator: out of memory\n");
            abort();
        }
        snprintf(names[count++], len, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", e->d_name);
    }
    closedir(d);
    if (count)
        qsort(names, count, sizeof *names, compare_names);
    for (size_t i = 0; i < count; i++) {
        if (!run->reader_gone && !run->output_failed)
            annotate_path(run, names[i], 1);
        free(names[i]);
    }
    free(names);
}

/* A file in a folder whose first kilobytes hold a NUL is taken for binary. */
static int looks_binary(int fd)
{
    char head[BINARY_SNIFF];
    ssize_t n = pread(fd, head, sizeof head, 0);
    return n > 0 && memchr(head, '\0', (size_t)n) != NULL;
}

static void annotate_path(run_state *run, const char *path, int from_folder)
{
    if (!strcmp(path, "-")) {
        annotate_fd(run, STDIN_FILENO, "-");
        return;
    }
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
        input_problem(run, "%s: %s", path, strerror(errno));
        return;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        close(fd);
        annotate_folder(run, path);
        return;
    }
    if (from_folder && looks_binary(fd)) {
        input_problem(run, "%s: skipped: looks binary (NUL byte in the first %d bytes)", path, BINARY_SNIFF);
    } else
        annotate_fd(run, fd, path);
    close(fd);
}

static int check_rules(const ann_rules *rules)
{
    size_t run = 0;
    int failures = ann_rules_check(rules, print_diag, NULL, &run);
    if (failures < 0) {
        fprintf(stderr, "annotator: cannot check rules\n");
        return EXIT_USAGE_RULES_OUTPUT;
    }
    printf("%zu rules, %zu examples, %d failed\n", ann_rules_count(rules), run, failures);
    return failures ? EXIT_USAGE_RULES_OUTPUT : EXIT_ALL_ANNOTATED;
}

/* What the command line asked for, and what it loaded. */
typedef struct {
    const char *output_path;
    const char **rule_paths, **layout_paths, **operands;
    size_t rule_count, layout_count, operand_count;
    int default_rules, default_layouts, flags, checking;
    ann_rules *rules;
    ann_layouts *layouts;   /* NULL: the stream uses the built-in set */
} cli;

static void cli_free(cli *c)
{
    ann_rules_free(c->rules);
    ann_layouts_free(c->layouts);
    free(c->rule_paths);
    free(c->layout_paths);
    free(c->operands);
}

static void parse_args(cli *c, run_state *run, int argc, char **argv)
{
    int options_done = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options_done || a[0] != '-' || !strcmp(a, "-")) {
            c->operands[c->operand_count++] = a;
        } else if (!strcmp(a, "--")) {
            options_done = 1;
        } else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            usage(stdout);
            exit(EXIT_ALL_ANNOTATED);
        } else if (!strcmp(a, "--version")) {
            printf("annotator %s\n", ANN_VERSION);
            exit(EXIT_ALL_ANNOTATED);
        } else if (!strcmp(a, "--no-default-rules")) {
            c->default_rules = 0;
        } else if (!strcmp(a, "--no-default-layouts")) {
            c->default_layouts = 0;
        } else if (!strncmp(a, "-j", 2) && a[2]) {
            run->opts.jobs = parse_jobs(a + 2);
        } else if (!strcmp(a, "--explain")) {
            c->flags |= ANN_OUT_EXPLAIN;
        } else if (!strcmp(a, "--tokens")) {
            c->flags |= ANN_OUT_TOKENS;
        } else if (!strcmp(a, "--check-rules")) {
            c->checking = 1;
            if (i + 1 < argc && argv[i + 1][0] != '-')
                c->rule_paths[c->rule_count++] = argv[++i];
        } else if (!strcmp(a, "-o") || !strcmp(a, "--output") || !strcmp(a, "--rules") ||
                   !strcmp(a, "--layouts") || !strcmp(a, "--max-doc-size") || !strcmp(a, "-j") ||
                   !strcmp(a, "--jobs")) {
            if (i + 1 >= argc)
                fail_usage("option %s needs a value", a);
            const char *v = argv[++i];
            if (!strcmp(a, "-o") || !strcmp(a, "--output"))
                c->output_path = v;
            else if (!strcmp(a, "--rules"))
                c->rule_paths[c->rule_count++] = v;
            else if (!strcmp(a, "--layouts"))
                c->layout_paths[c->layout_count++] = v;
            else if (!strcmp(a, "--max-doc-size"))
                run->opts.max_doc_size = parse_size(v);
            else
                run->opts.jobs = parse_jobs(v);
        } else {
            fail_usage("unknown option %s", a);
        }
    }
}

/* Compiles the rules and, when the command line changes them, the layouts.
 * A broken file stops the run before any input is read. */
static int load_rules_and_layouts(cli *c)
{
    ann_error err;
    c->rules = ann_rules_new();
    int rc = c->default_rules ? ann_rules_add_builtin(c->rules, &err) : ANN_OK;
    for (size_t i = 0; rc == ANN_OK && i < c->rule_count; i++)
        rc = ann_rules_add_path(c->rules, c->rule_paths[i], &err);
    if (rc == ANN_OK)
        rc = ann_rules_compile(c->rules, &err);
    if (rc == ANN_OK && (c->layout_count || !c->default_layouts)) {
        c->layouts = ann_layouts_new();
        rc = c->default_layouts ? ann_layouts_add_builtin(c->layouts, &err) : ANN_OK;
        for (size_t i = 0; rc == ANN_OK && i < c->layout_count; i++)
            rc = ann_layouts_add_path(c->layouts, c->layout_paths[i], &err);
        if (rc == ANN_OK)
            rc = ann_layouts_compile(c->layouts, &err);
    }
    if (rc != ANN_OK)
        print_error(&err);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "eval"))
        return eval_main(argc - 1, argv + 1);
    cli c = {.default_rules = 1, .default_layouts = 1};
    c.rule_paths = calloc((size_t)argc, sizeof *c.rule_paths);
    c.layout_paths = calloc((size_t)argc, sizeof *c.layout_paths);
    c.operands = calloc((size_t)argc, sizeof *c.operands);
    if (!c.rule_paths || !c.layout_paths || !c.operands) {
        fprintf(stderr, "annotator: out of memory\n");
        return EXIT_USAGE_RULES_OUTPUT;
    }
    run_state run = {.opts.jobs = default_jobs()};
    parse_args(&c, &run, argc, argv);
    if (load_rules_and_layouts(&c) != ANN_OK) {
        cli_free(&c);
        return EXIT_USAGE_RULES_OUTPUT;
    }
    if (c.checking) {
        int status = check_rules(c.rules);
        cli_free(&c);
        return status;
    }

    FILE *out_file = stdout;
    if (c.output_path && !(out_file = fopen(c.output_path, "wb"))) {
        fprintf(stderr, "annotator: %s: %s\n", c.output_path, strerror(errno));
        cli_free(&c);
        return EXIT_USAGE_RULES_OUTPUT;
    }
    /* A closed pipe shows up as EPIPE on write, and ends the run quietly. */
    signal(SIGPIPE, SIG_IGN);
    ann_error err;
    run.rules = c.rules;
    run.opts.diag = print_diag;
    run.opts.layouts = c.layouts;
    run.out = ann_output_new(write_file, flush_file, out_file, c.flags, &err);
    if (!run.out) {
        note_output_error(&run, &err);
    } else {
        if (c.operand_count == 0)
            annotate_path(&run, "-", 0);
        for (size_t i = 0; i < c.operand_count && !run.reader_gone && !run.output_failed; i++)
            annotate_path(&run, c.operands[i], 0);
        finish_stream(&run);
        if (!run.output_failed && ann_output_finish(run.out, &err) != ANN_OK)
            note_output_error(&run, &err);
    }
    ann_output_free(run.out);
    cli_free(&c);
    if (fclose(out_file) != 0 && !run.output_failed) {
        if (errno == EPIPE)
            run.reader_gone = 1;
        else
            fprintf(stderr, "annotator: %s: write error: %s\n", c.output_path ? c.output_path : "standard output",
                    strerror(errno));
        run.output_failed = 1;
    }
    if (run.reader_gone)
        return EXIT_ALL_ANNOTATED;
    if (run.output_failed)
        return EXIT_USAGE_RULES_OUTPUT;
    return run.input_failed ? EXIT_SOME_INPUT_FAILED : EXIT_ALL_ANNOTATED;
}
