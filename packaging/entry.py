"""Entry point of the frozen bundle: one program, two names.

``dataroom-app`` (by its file name, with or without ``.exe``) starts the desktop application, exactly like the
``dataroom-app`` console script; any other name is the command line, like the ``dataroom`` console script.
"""

import sys
from pathlib import Path


def _program() -> str:
    return Path(sys.argv[0] if sys.argv and sys.argv[0] else sys.executable).stem.lower()


if __name__ == "__main__":
    if _program().startswith("dataroom-app"):
        from dataroom.ui.app import main
    else:
        from dataroom.cli.main import main
    sys.exit(main())
