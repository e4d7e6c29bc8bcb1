"""Before publishing: what would change, every writing problem in the draft, and the state staff confirm."""

import sqlite3
from dataclasses import dataclass

from kiosk.content.changes import ContentChanges, compare
from kiosk.content.document import parse_document
from kiosk.content.publishing import DRAFT, SeenState, published_document
from kiosk.content.quality import QualityIssue, quality_issues
from kiosk.storage.errors import KnownError
from kiosk.storage.versions import read_draft


@dataclass(frozen=True)
class PublishCheck:
    """What staff are shown before they confirm a publish."""

    changes: ContentChanges
    issues: tuple[QualityIssue, ...]
    seen: SeenState


def check_before_publishing(conn: sqlite3.Connection) -> PublishCheck:
    """What publishing the draft would change and every writing problem in it (KnownError if no draft)."""
    data = read_draft(conn)
    if data is None:
        raise KnownError("There are no unpublished changes to publish.")
    document = parse_document(data, DRAFT)
    changes = compare(published_document(conn), document)
    issues = tuple(quality_issues(document.content, document.doctor_guidance))
    return PublishCheck(changes, issues, SeenState.now(conn, changes))
