"""`python -m kiosk` starts the kiosk."""

from kiosk.app import main

raise SystemExit(main())
