"""What the Python test drivers (tests/e2e, tests/e2e/names, tests/hostile, tests/install) share:
the failure a check raises, and running the one test CTest names on the command line.

Each driver parses its own options (they differ) and calls run_test(); exit status 0 when the
test passed, 1 when a check failed (the message on standard error), 2 for an unknown name.
"""
import sys


class Failure(Exception):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)


def run_test(name, fn, label=None):
    """Runs fn (None: no test of that name); `label` is what the ok/FAIL line calls the test."""
    label = label or name
    if not fn:
        print(f"no such test: {name}", file=sys.stderr)
        return 2
    try:
        fn()
    except Failure as f:
        print(f"FAIL {label}: {f}", file=sys.stderr)
        return 1
    print(f"ok {label}")
    return 0
