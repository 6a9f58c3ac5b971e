/* builtin: the default rule files, compiled into the library by tools/embed.c
 * (see the Makefile), so the tool works from any folder. Names are the paths
 * the files had in the source tree ("rules/entities.rules"). */
#ifndef ANN_BUILTIN_H
#define ANN_BUILTIN_H

#include <stddef.h>

typedef struct {
    const char *name;
    const char *data;
    size_t len;
} builtin_file;

extern const builtin_file builtin_files[];
extern const size_t builtin_file_count;

const builtin_file *builtin_find(const char *name);

#endif
