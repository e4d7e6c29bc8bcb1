"""`python -m kiosk` starts the kiosk."""

from kiosk.launch import main

raise SystemExit(main())
