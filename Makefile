# The two commands a new user needs: `make demo` and `make test`. Both install what they use into .venv.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: demo test lint check install install-dev pure system-packages readme bench clean

# mypyc compiles these to C (setup.py). An install builds them into the checkout, where they take precedence
# over the sources: an edit to one is built again by the next install (`make demo`, `test`, `lint`); `make pure`
# drops them until then, and GLOSSARY_PURE_PYTHON=1 builds none.
COMPILED := $(wildcard glossary/extract/*.py) glossary/normalize.py

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(VENV)/.installed: pyproject.toml setup.py $(COMPILED) | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml setup.py $(COMPILED) | $(BIN)/python
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

demo: install  ## extract the sample corpus into db/glossary.db and look a term up
	$(BIN)/glossary extract seeds/
	$(BIN)/glossary lookup 后训练

test: install-dev system-packages  ## the whole test suite
	$(BIN)/python -m pytest

pure:  ## drop the compiled modules, so that edits apply at once until the next install compiles them again
	rm -f glossary/*.so glossary/extract/*.so *__mypyc.*.so

system-packages:  ## Chromium and a CJK font for the browser test (Debian packages, when missing)
	tools/system-packages

lint: install-dev  ## ruff, mypy, and the README's usage section against --help
	$(BIN)/ruff check glossary tests bench tools
	$(BIN)/ruff format --check glossary tests bench tools
	$(BIN)/mypy glossary
	$(BIN)/cog --check README.md

check: test lint

readme: install-dev  ## regenerate the README's usage section from --help
	$(BIN)/cog -r README.md

bench: install-dev  ## benchmarks: print figures (see bench/README.md)
	$(BIN)/python bench/extract_bench.py
	$(BIN)/python bench/anki_bench.py
	$(BIN)/python bench/search_bench.py
	$(BIN)/python bench/exchange_bench.py
	$(BIN)/python bench/lookup_bench.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
	rm -f glossary/*.so glossary/extract/*.so *__mypyc.*.so
