"""Console entry point `parallax` (placeholder until the CLI lands)."""

import sys


def main(argv: list[str] | None = None) -> int:
    print("parallax: not ready yet", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
