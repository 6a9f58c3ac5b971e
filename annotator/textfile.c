#include "textfile.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "rules.h"

int textfile_read(const char *path, size_t max_size, char **data, size_t *len, ann_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        set_error(err, ANN_ERR_RULES, path, 0, 0, "cannot open: %s", strerror(errno));
        return -1;
    }
    size_t cap = 4096, n = 0, got;
    char *buf = xmalloc(cap);
    while ((got = fread(buf + n, 1, cap - n - 1, fp)) > 0) {
        n += got;
        if (n + 1 == cap) {
            if (cap > max_size) {
                set_error(err, ANN_ERR_RULES, path, 0, 0, "file larger than %zu bytes", max_size);
                free(buf);
                fclose(fp);
                return -1;
            }
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
    }
    int failed = ferror(fp);
    fclose(fp);
    if (failed) {
        set_error(err, ANN_ERR_RULES, path, 0, 0, "read error");
        free(buf);
        return -1;
    }
    buf[n] = '\0';
    *data = buf;
    *len = n;
    return 0;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && !strcmp(s + n - k, suffix);
}

static int collect(const char *dir, const char *suffix, char ***paths, size_t *count, size_t *cap, ann_error *err)
{
    DIR *d = opendir(dir);
    if (!d) {
        set_error(err, ANN_ERR_RULES, dir, 0, 0, "cannot open folder: %s", strerror(errno));
        return -1;
    }
    int rc = 0;
    for (struct dirent *e; !rc && (e = readdir(d));) {
        if (e->d_name[0] == '.')
            continue;
        size_t n = strlen(dir) + strlen(e->d_name) + 2;
        char *path = xmalloc(n);
        snprintf(path, n, "%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/", e->d_name);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            rc = collect(path, suffix, paths, count, cap, err);
            free(path);
        } else if (ends_with(e->d_name, suffix))
            ARRAY_PUSH(*paths, *count, *cap, path);
        else
            free(path);
    }
    closedir(d);
    return rc;
}

static int by_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int textfile_collect(const char *dir, const char *suffix, char ***paths, size_t *count, ann_error *err)
{
    size_t cap = 0;
    *paths = NULL;
    *count = 0;
    if (collect(dir, suffix, paths, count, &cap, err)) {
        textfile_free_paths(*paths, *count);
        *paths = NULL;
        *count = 0;
        return -1;
    }
    if (*count)
        qsort(*paths, *count, sizeof **paths, by_path);
    return 0;
}

void textfile_free_paths(char **paths, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(paths[i]);
    free(paths);
}

char *text_trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

int parse_whole_number(const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    while (*end == ' ' || *end == '\t')
        end++;
    if (errno || end == s || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

void keyword_reader_init(keyword_reader *r, char *text)
{
    r->next = text;
    r->number = 0;
}

int keyword_next(keyword_reader *r, keyword_line *out)
{
    while (r->next) {
        char *line = r->next;
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        r->next = nl ? nl + 1 : NULL;
        r->number++;
        size_t len = strlen(line);
        if (len && line[len - 1] == '\r')
            line[--len] = '\0';
        char *body = text_trim(line);
        if (!*body || *body == '#')
            continue;
        out->number = r->number;
        out->line = line;
        out->indented = line[0] == ' ' || line[0] == '\t';
        out->key = body;
        out->key_col = (unsigned)(body - line) + 1;
        char *sp = body + strcspn(body, " \t");
        out->value = *sp ? text_trim(sp + 1) : sp;
        if (*sp)
            *sp = '\0';
        out->value_col = (unsigned)(out->value - line) + 1;
        return 1;
    }
    return 0;
}
