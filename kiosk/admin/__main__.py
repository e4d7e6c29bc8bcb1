"""`python -m kiosk.admin` runs kiosk-admin."""

from kiosk.admin.cli import main

raise SystemExit(main())
