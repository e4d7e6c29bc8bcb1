"""Errors the storage layer raises, split by whose fault they are."""


class KnownError(Exception):
    """The environment's fault (bad path, damaged or newer file, full disk): shown to staff as it is."""


class SchemaTooNewError(KnownError):
    """The database was written by a newer kiosk; this one refuses to touch it."""


class BugError(Exception):
    """Our fault: something the code should never do. Logged with its traceback."""


def plain_reason(error: Exception) -> str:
    """What an SQLite error means for staff, in plain words."""
    text = str(error)
    if "full" in text:
        return "The kiosk's disk is full, so the change could not be saved. Free some space and try again."
    if "readonly" in text or "read-only" in text:
        return "The kiosk is not allowed to write to its data folder. Ask IT to check the folder's permissions."
    if "locked" in text or "busy" in text:
        return "Another program is using the kiosk database right now. Try again in a minute."
    if "malformed" in text or "not a database" in text:
        return "The kiosk database is damaged. Restart the kiosk: it restores the newest good backup by itself."
    return f"The database could not be used ({text})."
