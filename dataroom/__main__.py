"""Allow ``python -m dataroom``."""

from dataroom.cli.main import main

raise SystemExit(main())
