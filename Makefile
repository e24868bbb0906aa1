# The two commands of the README: `make run` and `make test`. Each sets up what it needs first.
VENV := .venv/bin

.PHONY: run test setup setup-test lint screenshots bench bundle clean

run: setup
	$(VENV)/kiosk $(ARGS)

test: setup-test
	$(VENV)/ruff check kiosk sync tests bench
	$(VENV)/mypy
	QT_QPA_PLATFORM=offscreen KIOSK_TEST_REQUIRE_POSTGRES=1 KIOSK_TEST_REQUIRE_CUPS=1 $(VENV)/pytest -q

setup:
	@scripts/setup.sh run

setup-test:
	@scripts/setup.sh test

lint: setup-test
	$(VENV)/ruff check kiosk sync tests bench
	$(VENV)/mypy

screenshots: setup
	QT_QPA_PLATFORM=offscreen $(VENV)/kiosk --data-dir $(CURDIR)/build/screenshot-data screenshots docs/screenshots
	QT_QPA_PLATFORM=offscreen $(VENV)/kiosk --portrait --data-dir $(CURDIR)/build/screenshot-data screenshots docs/screenshots

# the PyInstaller one-folder bundle dist/lobby-kiosk (kiosk.spec); `make test` builds it too (tests/test_bundle.py)
bundle: setup-test
	$(VENV)/python -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller kiosk.spec
	QT_QPA_PLATFORM=offscreen dist/lobby-kiosk/lobby-kiosk --self-test --data-dir $(CURDIR)/build/bundle-self-test

bench: setup-test
	QT_QPA_PLATFORM=offscreen $(VENV)/python -m bench

clean:
	rm -rf build dist .pytest_cache .mypy_cache .ruff_cache
