"""Staff tools: the kiosk-admin command line and the staff screens. Depends on storage and content."""
