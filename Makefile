# Wielkopolska social-economy portal. `make serve` and `make test` do all the set-up.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
STAMP := $(VENV)/.installed-$(shell cat requirements.txt | cksum | cut -d' ' -f1)

.PHONY: help venv html serve devserver edytor publish check test reference schemas deploy-config lint bench clean lock \
	new-news new-entity new-product new-film new-event new-publication new-etr new-edition import-wordpress bench-large

help:
	@echo "make serve      build the site and serve it at http://$(HOST):$(PORT)"
	@echo "make test       run the whole test suite (unit, end-to-end, browser)"
	@echo "make html       build the site into output/ (atomically)"
	@echo "make devserver  build, serve, rebuild on every save and reload the page; errors shown on the page"
	@echo "                (another port: make devserver PORT=8010)"
	@echo "make edytor     the same with the CMS at http://$(HOST):$(PORT)/admin/: forms that write the"
	@echo "                content files of this folder (its local backend on 127.0.0.1:$(CMS_PORT); CMS_PORT=...);"
	@echo "                TRYB=przeglad: review before publishing, each change on a git branch cms/..."
	@echo "make publish    production build (publishconf.py): absolute URLs, fingerprinted and"
	@echo "                minified CSS/JS/HTML, .gz/.br copies, search index, _headers"
	@echo "make check      validate all content without building (FORMAT=github or FORMAT=gitlab:"
	@echo "                also on the lines of the files in a pull or merge request, deploy/ci/)"
	@echo "make new-news TYTUL=\"...\"   new news item (also new-entity, new-product, new-film, new-event, new-publication, new-etr)"
	@echo "make new-edition ROK=2027     new certificate edition"
	@echo "make import-wordpress FILE=eksport.xml   news from the old WordPress portal"
	@echo "make reference  refresh the saved reference HTML of the end-to-end test"
	@echo "make schemas    write JSON Schemas of the content files to schemas/"
	@echo "make deploy-config  write deploy/_headers and deploy/nginx/*.conf from the policy"
	@echo "make lint       ruff check and format check"
	@echo "make bench      speed and size figures (image pipeline, build, page weight, filtering, search,"
	@echo "                Lighthouse, and the large portal at scale; about 20 minutes)"
	@echo "make bench-large SCALE=0.1  the portal at scale (benchmarks/large.py; SCALE=1 is 4,000 news items)"
	@echo "make clean      remove output/ and caches"

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 11) else "Potrzebny Python 3.11 (ustaw PYTHON=python3.11)")'
	@# Debian ships venv's pip bootstrap separately (python3-venv); install it when we may
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null; \
	  else echo "Brak modułu venv: zainstaluj pakiet python3-venv (sudo apt-get install python3-venv)"; exit 1; fi; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

venv: $(STAMP)

# From the npm registry, pinned with integrity hashes in package-lock.json: Decap CMS (copied
# to /admin/), decap-server (make edytor), axe-core and the Nu Html Checker (browser tests).
# Where npm is missing the portal still builds: /admin/ then says how to install the CMS.
node_modules/.package-lock.json: package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --loglevel=error; \
	else echo "npm nie jest zainstalowany: bez redakcji w przeglądarce (/admin/) i bez testów przeglądarkowych"; fi

html: venv node_modules/.package-lock.json
	$(BIN)/python tools/portal.py build

serve: html
	@echo "Portal: http://$(HOST):$(PORT)/  (Ctrl+C kończy)"
	$(BIN)/pelican --listen --bind $(HOST) --port $(PORT) -s pelicanconf.py

devserver: venv node_modules/.package-lock.json
	$(BIN)/python tools/devserver.py --host $(HOST) --port $(PORT)

# Editing in the browser on this machine: Decap CMS's local backend (decap-server, only on
# 127.0.0.1) writes into this working copy, the preview rebuilds on every save.
# TRYB=przeglad: review before publishing, as on the git host: each change is committed on a
# branch cms/... of this repository and reaches main when someone publishes it (needs a clean
# working copy on main: decap-server switches branches to commit).
CMS_PORT ?= 8081
TRYB ?=
edytor: venv node_modules/.package-lock.json
	@test -x node_modules/.bin/decap-server || { echo "Brak decap-server: zainstaluj Node.js i npm (sudo apt-get install npm), potem: npm ci"; exit 1; }
	@if [ "$(TRYB)" = przeglad ]; then \
	  test "$$(git branch --show-current)" = main && test -z "$$(git status --porcelain)" || \
	  { echo "make edytor TRYB=przeglad potrzebuje czystej kopii roboczej na gałęzi main (git status bez zmian): zatwierdź albo odłóż zmiany (git stash)"; exit 1; }; \
	elif [ -n "$(TRYB)" ]; then echo "Nieznany TRYB=$(TRYB); jest tylko TRYB=przeglad (recenzja przed publikacją)"; exit 1; fi
	@echo "Redakcja: http://$(HOST):$(PORT)/admin/  (formularze; zapis trafia do plików w tym folderze)"
	@echo "Podgląd:  http://$(HOST):$(PORT)/  (przebudowuje się po każdym zapisie; Ctrl+C kończy oba)"
	@echo "Serwer redakcji (decap-server): http://127.0.0.1:$(CMS_PORT)/api/v1 (tylko z tego komputera)"
	@trap 'kill $$cms 2>/dev/null' EXIT; trap 'exit 130' INT TERM; \
	  BIND_HOST=127.0.0.1 PORT=$(CMS_PORT) GIT_REPO_DIRECTORY="$(CURDIR)" LOG_LEVEL=warn \
	  MODE=$(if $(filter przeglad,$(TRYB)),git,fs) node_modules/.bin/decap-server & cms=$$!; \
	  PORTAL_CMS_PORT=$(CMS_PORT) PORTAL_CMS_REVIEW=$(if $(filter przeglad,$(TRYB)),1,0) \
	  $(BIN)/python tools/devserver.py --host $(HOST) --port $(PORT)

publish: venv node_modules/.package-lock.json
	$(BIN)/python tools/portal.py build --settings publishconf.py

# FORMAT=github: problems also as GitHub annotations on the lines of the files; FORMAT=gitlab:
# also as GitLab's code-quality report gl-code-quality-report.json (deploy/ci/).
FORMAT ?= text
check: venv
	$(BIN)/python tools/portal.py check --format=$(FORMAT)

# Scaffolding: the title travels in the environment, so quotes and $ in it are safe.
new-news new-entity new-product new-film new-event new-publication new-etr: venv
	@TYTUL="$$TYTUL" $(BIN)/python tools/scaffold.py $(@:new-%=%) "$$TYTUL"

new-edition: venv
	@$(BIN)/python tools/scaffold.py edition "$$ROK"

# News from the old WordPress portal (WXR export); the mapping of categories is in
# tools/wordpress-kategorie.yaml. Existing files are never overwritten.
import-wordpress: venv
	@$(BIN)/python tools/import_wordpress.py "$$FILE"

test: venv node_modules/.package-lock.json
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -n 2

reference: venv
	PORTAL_UPDATE_REFERENCE=1 $(BIN)/python -m pytest tests/e2e -k reference

schemas: venv
	$(BIN)/python tools/portal.py schemas

deploy-config: venv
	$(BIN)/python tools/deploy_headers.py

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: venv
	$(BIN)/python benchmarks/run.py --json .cache/bench.json

SCALE ?= 1
bench-large: venv
	$(BIN)/python benchmarks/large.py --scale $(SCALE) --json .cache/bench-large.json

clean:
	rm -rf output .output.*.tmp .output.*.old .cache .pytest_cache

# Re-pin dependencies from requirements.in, with the hash of every file (pip-tools in a
# clean virtual environment; pins already in requirements.txt are kept unless they no
# longer fit). `make serve` and `make test` install with --require-hashes.
lock:
	rm -rf /tmp/portal-lock && $(PYTHON) -m venv /tmp/portal-lock
	/tmp/portal-lock/bin/pip install --quiet pip-tools==7.6.2
	/tmp/portal-lock/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	  --no-emit-index-url --no-emit-find-links --output-file requirements.txt requirements.in
