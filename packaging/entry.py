"""Entry point of the frozen bundle: one program, two names.

``dataroom-app`` (by its file name, with or without ``.exe``) starts the desktop application, exactly like the
``dataroom-app`` console script; any other name is the command line, like the ``dataroom`` console script. Started with
``--dataroom-table-reader``, it is the child process that parses a big table during an import.
"""

import sys
from pathlib import Path


def _program() -> str:
    return Path(sys.argv[0] if sys.argv and sys.argv[0] else sys.executable).stem.lower()


if __name__ == "__main__":
    from dataroom.core.ingest import parallel

    if sys.argv[1:2] == [parallel.FROZEN_FLAG]:  # the bundle started as the reader of a big import
        parallel.child_main()
        sys.exit(0)
    if _program().startswith("dataroom-app"):
        from dataroom.ui.app import main
    else:
        from dataroom.cli.main import main
    sys.exit(main())
