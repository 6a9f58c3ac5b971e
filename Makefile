# annotator — see README.md. `make` builds build/annotator and build/libannotator.a;
# `make test` runs every test (and the sanitizer build); `make demo` annotates the sample.

PREFIX ?= /usr/local
CC ?= cc
PKGS := libpcre2-8 libutf8proc libxml-2.0
DEB_PKGS := libpcre2-dev libutf8proc-dev libxml2-dev libxml2-utils libcmocka-dev pkg-config python3 time iso-codes

WARN := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes
CFLAGS ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) $(CFLAGS) $(shell pkg-config --cflags $(PKGS))
LIBS = $(shell pkg-config --libs $(PKGS)) -pthread

BUILD ?= build
LIB_SRC := $(filter-out annotator/main.c,$(wildcard annotator/*.c))
# The library but the patterns compiled at build time (annotator/precompiled.h),
# which tools/precompile.c, linked with these, compiles and writes.
CORE_OBJ := $(patsubst annotator/%.c,$(BUILD)/obj/%.o,$(LIB_SRC)) $(BUILD)/obj/builtin_rules.o
LIB_OBJ := $(CORE_OBJ) $(BUILD)/obj/precompiled_rules.o
# Country and subdivision lists are generated from Debian's iso-codes at build time.
GEN_LISTS := rules/lists/countries.txt rules/lists/subdivisions.txt
ISO_JSON := /usr/share/iso-codes/json
RULE_FILES := $(sort $(shell find rules -type f ! -name '*.md' 2>/dev/null) $(GEN_LISTS))
TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(patsubst tests/%.c,$(BUILD)/tests/%,$(TEST_SRC))

.PHONY: all deps test unit-tests e2e-tests asan demo bench install clean check-rules fuzz

all: deps-check $(BUILD)/annotator

# Installs the Debian packages the build and tests need when run as root;
# otherwise names the missing ones and stops.
deps deps-check:
	@./tools/deps.sh $(DEB_PKGS)

$(BUILD)/obj/%.o: annotator/%.c annotator/*.h | $(BUILD)/obj
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/tools/embed: tools/embed.c | $(BUILD)/obj
	@mkdir -p $(dir $@)
	$(CC) -std=c11 $(WARN) -O2 $< -o $@

$(GEN_LISTS) &: tools/gen_countries.py
	python3 tools/gen_countries.py rules/lists/countries.txt rules/lists/subdivisions.txt

$(BUILD)/builtin_rules.c: $(BUILD)/tools/embed $(RULE_FILES)
	$(BUILD)/tools/embed $(RULE_FILES) > $@

$(BUILD)/obj/builtin_rules.o: $(BUILD)/builtin_rules.c
	$(CC) $(ALL_CFLAGS) -Iannotator -c $< -o $@

$(BUILD)/tools/precompile: tools/precompile.c $(CORE_OBJ) annotator/*.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Iannotator $< $(CORE_OBJ) $(LIBS) -o $@

$(BUILD)/precompiled_rules.c: $(BUILD)/tools/precompile
	$(BUILD)/tools/precompile > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/precompiled_rules.o: $(BUILD)/precompiled_rules.c
	$(CC) $(ALL_CFLAGS) -Iannotator -c $< -o $@

$(BUILD)/libannotator.a: $(LIB_OBJ)
	rm -f $@ && ar rcs $@ $^

$(BUILD)/annotator: $(BUILD)/obj/main.o $(BUILD)/libannotator.a
	$(CC) $(ALL_CFLAGS) $^ $(LIBS) -o $@

$(BUILD)/obj $(BUILD)/tests:
	@mkdir -p $@

$(BUILD)/tests/test_%: tests/test_%.c $(wildcard tests/*.h) $(BUILD)/libannotator.a | $(BUILD)/tests
	$(CC) $(ALL_CFLAGS) -Iannotator $< $(BUILD)/libannotator.a $(LIBS) $(shell pkg-config --libs cmocka) -o $@

# The differential stream fuzzer (fuzz/README.md): FUZZ_CASES cases of
# seed FUZZ_SEED, each run whole and with 0 to 5 workers in random pieces;
# `make test` runs FUZZ_TEST_CASES of them in each build.
FUZZ_CASES ?= 1000
FUZZ_TEST_CASES ?= 200
FUZZ_SEED ?= 1

$(BUILD)/fuzz/stream_fuzz: fuzz/stream_fuzz.c $(wildcard tests/*.h) $(BUILD)/libannotator.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Iannotator -Itests $< $(BUILD)/libannotator.a $(LIBS) $(shell pkg-config --libs cmocka) -o $@

fuzz: deps-check $(BUILD)/fuzz/stream_fuzz
	$(BUILD)/fuzz/stream_fuzz --cases $(FUZZ_CASES) --seed $(FUZZ_SEED)

unit-tests: $(TEST_BIN)
	@set -e; for t in $(TEST_BIN); do echo "== $$t"; ./$$t; done

e2e-tests: $(BUILD)/annotator
	@BIN=$(BUILD)/annotator ./tests/e2e.sh

check-rules: $(BUILD)/annotator
	$(BUILD)/annotator --check-rules

# The whole suite: deps, normal build, unit + end-to-end tests and a short
# fuzz run, then the same again under AddressSanitizer + UBSan in a separate
# build folder.
test: deps
	@$(MAKE) --no-print-directory all unit-tests check-rules e2e-tests fuzz FUZZ_CASES=$(FUZZ_TEST_CASES)
	@$(MAKE) --no-print-directory asan FUZZ_CASES=$(FUZZ_TEST_CASES)

asan:
	@$(MAKE) --no-print-directory BUILD=build/asan \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
	    all unit-tests check-rules e2e-tests fuzz

demo: deps all
	$(BUILD)/annotator corpora/us-korea-auto-tariffs.txt -o $(BUILD)/demo.xml
	@echo "== $(BUILD)/demo.xml (first lines; the whole file holds every annotation)"
	@head -c 3000 $(BUILD)/demo.xml; echo

bench: all
	@./bench/run.sh $(BUILD)/annotator

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/lib/pkgconfig
	install -m 755 $(BUILD)/annotator $(DESTDIR)$(PREFIX)/bin/annotator
	install -m 644 annotator/annotator.h $(DESTDIR)$(PREFIX)/include/annotator.h
	install -m 644 $(BUILD)/libannotator.a $(DESTDIR)$(PREFIX)/lib/libannotator.a
	sed -e 's|@PREFIX@|$(PREFIX)|' tools/annotator.pc.in > $(DESTDIR)$(PREFIX)/lib/pkgconfig/annotator.pc

clean:
	rm -rf build
