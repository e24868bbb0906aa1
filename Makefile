# The two commands of the README: `make run` and `make test`. Each sets up what it needs first.
VENV := .venv/bin

.PHONY: run test setup setup-test lint screenshots bench bundle clean translations

# the English UI: kiosk_en.ts (committed, translated by hand) compiled to kiosk_en.qm (built; kiosk/i18n.py)
TS := assets/i18n/kiosk_en.ts
QM := assets/i18n/kiosk_en.qm

run: setup $(QM)
	$(VENV)/kiosk $(ARGS)

test: setup-test $(QM)
	$(VENV)/ruff check kiosk sync tests bench
	$(VENV)/mypy
	QT_QPA_PLATFORM=offscreen KIOSK_TEST_REQUIRE_POSTGRES=1 KIOSK_TEST_REQUIRE_CUPS=1 KIOSK_TEST_REQUIRE_SPEECH=1 $(VENV)/pytest -q

setup:
	@scripts/setup.sh run

setup-test:
	@scripts/setup.sh test

lint: setup-test
	$(VENV)/ruff check kiosk sync tests bench
	$(VENV)/mypy

screenshots: setup $(QM)
	QT_QPA_PLATFORM=offscreen $(VENV)/kiosk --data-dir $(CURDIR)/build/screenshot-data screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(VENV)/kiosk --portrait --data-dir $(CURDIR)/build/screenshot-data screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(VENV)/kiosk --data-dir $(CURDIR)/build/screenshot-data screenshots docs/screenshots --mode elderly
	QT_QPA_PLATFORM=offscreen $(VENV)/kiosk --data-dir $(CURDIR)/build/screenshot-data screenshots docs/screenshots --mode contrast
	QT_QPA_PLATFORM=offscreen $(VENV)/kiosk --data-dir $(CURDIR)/build/screenshot-data screenshots docs/screenshots --lang en

# the PyInstaller one-folder bundle dist/lobby-kiosk (kiosk.spec); `make test` builds it too (tests/test_bundle.py)
bundle: setup-test $(QM)
	$(VENV)/python -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller kiosk.spec
	QT_QPA_PLATFORM=offscreen dist/lobby-kiosk/lobby-kiosk --self-test --data-dir $(CURDIR)/build/bundle-self-test

# extract every tr()/translate() string of kiosk/ into the .ts (new ones come in unfinished: translate them
# in the .ts, tests/test_translations.py fails until they are), then compile it
translations: setup
	$(VENV)/pyside6-lupdate $(sort $(shell find kiosk -name '*.py')) -source-language zh_CN -target-language en \
		-locations none -no-obsolete -ts $(TS)
	$(VENV)/pyside6-lrelease -silent $(TS) -qm $(QM)

# rebuilt only when the .ts changed (`make translations` refreshes the .ts itself)
$(QM): $(TS)
	$(VENV)/pyside6-lrelease -silent $(TS) -qm $(QM)

bench: setup-test
	QT_QPA_PLATFORM=offscreen $(VENV)/python -m bench

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
