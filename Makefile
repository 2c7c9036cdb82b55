# jobseal: the README's two commands, and the steps behind them.
#
#   make demo   build the release package and serve the demo on http://127.0.0.1:$(PORT)/www/
#   make test   fmt, clippy (native + wasm32), native tests, wasm tests in headless Chromium,
#               package contents, end-to-end tests in Chromium
#
# Both install what a fresh machine lacks (idempotently: a second run installs nothing). Nothing
# downloads a prebuilt binary or a browser: wasm-bindgen-cli and wasm-pack come from crates.io,
# wasm-opt from the npm registry (binaryen, under tools/), Chromium, ChromeDriver and a CJK font (for the
# e2e screenshots) from Debian.
# Debian's binaryen 108 is not used: its wasm-opt emits a module whose externref table Node 20 rejects.

SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PORT ?= 8080
WASM_BINDGEN_VERSION := 0.2.130
WASM_PACK_VERSION := 0.15.1
CARGO_BIN := $(HOME)/.cargo/bin
export PATH := $(CURDIR)/tools/node_modules/.bin:$(CARGO_BIN):$(PATH)
export CHROMEDRIVER := /usr/bin/chromedriver
export CHROME_BIN := /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help demo test tools rust-tools apt-tools npm-tools e2e-deps pkg fmt-check clippy test-native test-wasm fuzz-tools test-fuzz fuzz \
        test-pkg test-types test-audit test-spark test-e2e bench bench-serve bench-serve-node bench-mint bench-audit bench-wasm bench-typing size clean

help:
	@echo "make demo   build and serve the demo on http://127.0.0.1:$(PORT)/www/ (PORT=... to change)"
	@echo "make test   every check and test tier"
	@echo "make bench  criterion benchmarks (native) and the wasm size report"
	@echo "make bench-serve  jobseal serve under load: requests/s, p50/p99 at 1, 8, 64 clients; 60 s soak"
	@echo "make bench-mint   jobseal beside mint-filter in Node on the same postings"
	@echo "make bench-audit  audit throughput and peak memory on 100k and 1M postings"
	@echo "make bench-wasm   the same check in Node and in Chromium (wasm)"
	@echo "make bench-typing frames while typing in a 2,000- and a 20,000-character description (Chromium)"
	@echo "make fuzz   each cargo-fuzz target for FUZZ_LONG seconds (default 600); adds to fuzz/corpus/"

# ---- tools -------------------------------------------------------------------------------------

tools: rust-tools apt-tools npm-tools

npm-tools: tools/node_modules/.installed

tools/node_modules/.installed: tools/package.json tools/package-lock.json
	cd tools && npm ci --no-audit --no-fund
	touch $@

rust-tools:
	@rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown \
	  || rustup target add wasm32-unknown-unknown
	@rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt
	@if ! wasm-bindgen --version 2>/dev/null | grep -q " $(WASM_BINDGEN_VERSION)$$"; then \
	  echo "installing wasm-bindgen-cli $(WASM_BINDGEN_VERSION) (crates.io)"; \
	  cargo install wasm-bindgen-cli --version $(WASM_BINDGEN_VERSION) --force; fi
	@if ! wasm-pack --version 2>/dev/null | grep -q " $(WASM_PACK_VERSION)$$"; then \
	  echo "installing wasm-pack $(WASM_PACK_VERSION) (crates.io)"; \
	  cargo install wasm-pack --version $(WASM_PACK_VERSION) --locked --force; fi

apt-tools:
	@missing=""; \
	[ -x /usr/bin/chromium ] || missing="$$missing chromium"; \
	[ -x /usr/bin/chromedriver ] || missing="$$missing chromium-driver"; \
	fc-list :lang=zh 2>/dev/null | grep -q . || missing="$$missing fonts-wqy-microhei"; \
	command -v java >/dev/null || missing="$$missing openjdk-17-jre-headless"; \
	python3 -c 'import ensurepip' 2>/dev/null || python3 -m pip --version >/dev/null 2>&1 || missing="$$missing python3-venv"; \
	if [ -n "$$missing" ]; then \
	  echo "installing from Debian:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

e2e-deps: tests/e2e/node_modules/.installed

tests/e2e/node_modules/.installed: tests/e2e/package.json tests/e2e/package-lock.json
	cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
	touch $@

# ---- build -------------------------------------------------------------------------------------

# The release package: two wasm modules from the one crate (issue 11): the checker (jobseal_bg.wasm,
# --features checker) and the badge (jobseal_badge_bg.wasm, --features badge), each with wasm-pack
# (wasm-opt on); then pkg.json merged over pkg/package.json and the package's JS modules copied in, so
# `npm pack ./pkg` is exactly what a platform installs.
pkg: tools
	@case "$$(command -v wasm-opt)" in "$(CURDIR)/tools/"*) ;; *) echo "wasm-opt is not binaryen from tools/"; exit 1;; esac
	wasm-pack build --release --target web --out-dir pkg --out-name jobseal -- --no-default-features --features checker
	wasm-pack build --release --target web --out-dir target/pkg-badge --out-name jobseal_badge -- --no-default-features --features badge
	cp target/pkg-badge/jobseal_badge.js target/pkg-badge/jobseal_badge.d.ts target/pkg-badge/jobseal_badge_bg.wasm target/pkg-badge/jobseal_badge_bg.wasm.d.ts pkg/
	node scripts/package.mjs
	node scripts/demo-credentials.mjs --origin http://127.0.0.1:$(PORT) --origin http://localhost:$(PORT)

demo: pkg
	@echo "jobseal demo: http://127.0.0.1:$(PORT)/www/"
	PORT=$(PORT) node scripts/serve.mjs

# ---- test --------------------------------------------------------------------------------------

fmt-check:
	cargo fmt --check

clippy: rust-tools
	cargo clippy --all-targets --locked -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --tests --locked -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --locked --no-default-features --features checker -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --locked --no-default-features --features badge -- -D warnings

test-native:
	cargo test --locked

test-wasm: tools
	wasm-pack test --headless --chrome -- --locked

# The package's size against size-budget.json (each entry point, gzipped, with all it loads), the
# package, the supervised engine (trap recovery in Node), the demo server, the badge's reason texts.
test-pkg: pkg
	node scripts/size.mjs --check
	node --test tests/package.test.mjs tests/engine.test.mjs tests/serve.test.mjs tests/badge-reasons.test.mjs

# The native CLI (opt-level 3), the audit sweep on 100,000 generated postings, the Node/CLI parity, and
# `jobseal serve` (every endpoint against openapi.json, limits, SIGTERM draining, SIGHUP reload).
# The package's types in two strict consumer projects (tests/types/): a browser one with Vite's settings
# and a Node one with module nodenext and no DOM; skipLibCheck off, so the .d.ts files are checked too.
test-types: pkg
	for p in browser node; do \
	  mkdir -p tests/types/$$p/node_modules && ln -sfn ../../../../pkg tests/types/$$p/node_modules/jobseal; \
	  tsc -p tests/types/$$p/tsconfig.json && echo "types: the $$p consumer type-checks"; \
	done

test-audit: pkg
	cargo build --profile native --locked --bin jobseal
	node --test --test-concurrency=1 tests/audit.test.mjs tests/parity.test.mjs tests/service.test.mjs

# The Spark recipe (examples/spark/): PySpark from PyPI in tools/spark-venv (installed once), local[2],
# reports byte-identical to audit's, crashes and short output failing the job, the Scala form.
test-spark: test-audit
	JOBSEAL_BIN=target/native/jobseal bash examples/spark/run-tests.sh

test-e2e: pkg e2e-deps
	cd tests/e2e && node --test --test-concurrency=1

# cargo-fuzz targets (fuzz/): nightly and cargo-fuzz, installed when missing. make test runs each target
# a fixed number of runs with a fixed seed from the committed corpus (new inputs go to a scratch folder);
# make fuzz runs each for FUZZ_LONG seconds and adds what it finds to fuzz/corpus/ (commit it).
FUZZ_TARGETS := posting_json field_text rule_pack badge_token salary_text status_list
# make test: a fixed number of runs per target with a fixed seed (about 5-10 s each here).
FUZZ_SHORT := posting_json:40000 field_text:60000 rule_pack:10000 badge_token:150000 salary_text:150000 status_list:60000
FUZZ_LONG ?= 600
CARGO_FUZZ_VERSION := 0.13.2

fuzz-tools:
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
	@if ! cargo fuzz --version 2>/dev/null | grep -q " $(CARGO_FUZZ_VERSION)$$"; then \
	  echo "installing cargo-fuzz $(CARGO_FUZZ_VERSION) (crates.io)"; \
	  cargo install cargo-fuzz --version $(CARGO_FUZZ_VERSION) --locked --force; fi

test-fuzz: fuzz-tools
	bash scripts/fuzz-short.sh $(FUZZ_SHORT)

fuzz: fuzz-tools
	for t in $(FUZZ_TARGETS); do \
	  cargo +nightly fuzz run --fuzz-dir fuzz "$$t" fuzz/corpus/$$t -- -max_total_time=$(FUZZ_LONG) -rss_limit_mb=2048; \
	done

test: fmt-check clippy test-native test-wasm test-pkg test-types test-audit test-spark test-fuzz test-e2e
	@echo "make test: every tier passed"

# ---- measure -----------------------------------------------------------------------------------

bench:
	cargo bench --bench check
	$(MAKE) size

bench-audit:
	bash benches/audit.sh

# jobseal serve under load on 127.0.0.1 (benches/load.rs): 1, 8 and 64 clients, single postings and
# batches, then a 60 s soak with the server's memory sampled. SECS=... per case.
SECS ?= 10
bench-serve:
	cargo build --profile native --locked --bin jobseal
	cargo bench --locked --bench load -- --secs $(SECS) --soak 60

# The same load against the Node wrapper (benches/node-wrapper.mjs: node:http around pkg/node.js).
bench-serve-node: pkg
	cargo build --profile native --locked --bin jobseal
	node benches/node-wrapper.mjs 8788 & pid=$$!; sleep 1; \
	  cargo bench --locked --bench load -- --url http://127.0.0.1:8788 --pid $$pid --label "node wrapper" --secs $(SECS) --soak 0; \
	  kill $$pid

# jobseal beside mint-filter in one Node run on the blind batches' postings (benches/mint-bench.mjs).
bench-mint: pkg benches/mint/node_modules/.installed
	node benches/mint-bench.mjs

benches/mint/node_modules/.installed: benches/mint/package.json benches/mint/package-lock.json
	cd benches/mint && npm ci --no-audit --no-fund
	touch $@

bench-wasm: pkg e2e-deps
	node benches/wasm-bench.mjs

bench-typing: pkg e2e-deps
	node benches/typing.mjs 2000,20000

size: pkg
	node scripts/size.mjs

clean:
	cargo clean
	rm -rf pkg tests/e2e/node_modules tests/e2e/screenshots www/demo-credentials.js www/demo-jwks.json
