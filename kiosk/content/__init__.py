"""The content model: validating content from files and packs, loading the bundled content, settings."""
