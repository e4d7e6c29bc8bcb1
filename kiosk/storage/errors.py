"""Errors the storage layer raises, split by whose fault they are."""


class KnownError(Exception):
    """The environment's fault (bad path, damaged or newer file, full disk): shown to staff as it is."""


class SchemaTooNewError(KnownError):
    """The database was written by a newer kiosk; this one refuses to touch it."""


class BugError(Exception):
    """Our fault: something the code should never do. Logged with its traceback."""
