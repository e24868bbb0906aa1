# The two commands of the README: `make run` and `make test`. Each sets up what it needs first.
VENV := .venv/bin

.PHONY: run test setup setup-test lint screenshots bench clean

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

bench: setup-test
	QT_QPA_PLATFORM=offscreen $(VENV)/python -m bench

clean:
	rm -rf build .pytest_cache .mypy_cache .ruff_cache
