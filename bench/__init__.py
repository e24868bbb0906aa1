"""The kiosk's benchmark suite: ``make bench`` (or ``python -m bench [--quick]``).

Every figure is printed to stdout as one line ``name value unit``; progress and notes go to stderr.
"""
