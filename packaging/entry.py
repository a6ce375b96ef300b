"""Entry point of the frozen bundle: one program, two names.

``dataroom-app`` (by its file name, with or without ``.exe``) starts the desktop application, exactly like the
``dataroom-app`` console script; any other name is the command line, like the ``dataroom`` console script. Started with
one of ``dataroom.core.workers.FLAGS``, it is a helper process (parsing a big import, redacting an export).
"""

import sys
from pathlib import Path


def _program() -> str:
    return Path(sys.argv[0] if sys.argv and sys.argv[0] else sys.executable).stem.lower()


if __name__ == "__main__":
    from dataroom.core import workers

    if sys.argv[1:2] and sys.argv[1] in workers.FLAGS:  # the bundle started as a helper process of the app
        workers.run_frozen(sys.argv[1])
        sys.exit(0)
    if _program().startswith("dataroom-app"):
        from dataroom.ui.app import main
    else:
        from dataroom.cli.main import main
    sys.exit(main())
