# brandpress: `make site` builds the sample into Output/, `make test` runs the tests.
SWIFT ?= swift
BINARY := .build/release/brandpress

.PHONY: site build test spec bench fuzz browser-test search-bench clean deps

site: build
	$(BINARY) build

# Swift's runtime and Foundation linked into the executable instead of loaded, with some forty more
# shared libraries, at every start: a one-page build takes 19 ms instead of 29 ms, a clean
# 1,000-page one a seventh less CPU time; and the binary runs where no Swift toolchain is installed.
# `brandpress serve` starts `brandpress-serve`, built beside it.
build: deps
	$(SWIFT) build -c release --static-swift-stdlib --product brandpress
	$(SWIFT) build -c release --static-swift-stdlib --product brandpress-serve

test: deps
	$(SWIFT) test

SPEC_RUNNER ?= ../shared/commonmark/run_spec.py

spec: build
	python3 $(SPEC_RUNNER) $(BINARY) render --commonmark --unsafe -

# Needs chromium, chromium-driver and python3 selenium; `make site` first (it builds nothing itself).
browser-test:
	python3 Tests/browser/search_test.py Output

# Builds a generated 10,000-page site and measures the search index and query time (node).
search-bench: build
	python3 Tests/Benchmarks/search_bench.py --binary $(BINARY)

# Timings against Hugo on generated corpora (Tests/Benchmarks/bench.py; BENCH_ARGS=--large adds 50,000 pages).
# Needs /usr/bin/time (Debian package time) and, for the comparison, hugo. Not part of `make test`.
bench: build
	python3 Tests/Benchmarks/bench.py --binary $(BINARY) $(BENCH_ARGS)

# Random edits to a copy of the sample, each built incrementally and in full, the outputs compared
# (Tests/Fuzz/incremental_fuzz.py; FUZZ_ARGS=--serve edits under `brandpress serve`). Not part of `make test`.
fuzz: build
	python3 Tests/Fuzz/incremental_fuzz.py --binary $(BINARY) $(FUZZ_ARGS)

# cmark's C library and headers come from Debian's libcmark-dev; the executable's allocator,
# jemalloc, from libjemalloc-dev (see Sources/CAllocator/allocator.c); libcurl4-openssl-dev only
# gives the static link the libcurl.so that Foundation's networking part (imported by FlyingFox) names.
deps:
	@if ! pkg-config --exists libcmark jemalloc libcurl; then \
		echo "installing libcmark-dev (cmark's C library), libjemalloc-dev (the memory allocator) and libcurl4-openssl-dev (for the link) with apt-get"; \
		if [ "$$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libcmark-dev libjemalloc-dev libcurl4-openssl-dev pkg-config; \
	fi

clean:
	rm -rf .build Output .brandpress-cache
