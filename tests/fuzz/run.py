"""Run one harness under atheris: `python -m tests.fuzz.run TARGET CORPUS [libFuzzer options]`.

The maillage modules and openpyxl (which reads the workbooks) are instrumented, so the fuzzer
follows the branches of the parsers. A crash prints the input and its traceback, and exits
non-zero."""

import os
import sys

import atheris

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings.test")

with atheris.instrument_imports(include=["maillage", "openpyxl"]):
    import django

    django.setup()
    from tests.fuzz.harnesses import TARGETS


def main() -> None:
    target = TARGETS[sys.argv[1]]
    atheris.Setup([sys.argv[0], *sys.argv[2:]], target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
