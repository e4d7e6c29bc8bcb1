"""Generated content of any size, and what it costs to import and to store.

The generated cards reuse the bundled cards' texts with new ids and names, and the bundled causes, red flags
and glossary, so every pack is valid content of the kind staff would publish.
"""

import dataclasses
import tempfile
import time
from pathlib import Path

from kiosk.content.bundled import load_bundle
from kiosk.content.library import Library
from kiosk.content.schema import ContentError, Problem, check_whole
from kiosk.storage.content_tables import replace_content
from kiosk.storage.rows import CauseGroup, Content

PACKS_UNAVAILABLE = "pack import not available yet; timed replace_content"


def generated_content(count: int, base: Content | None = None) -> Content:
    """Valid content with `count` treatment cards, cloned round-robin from the bundled ones."""
    base = base or load_bundle().content
    originals = base.treatments
    cards = []
    first_clone: dict[str, str] = {}
    for number in range(count):
        original = originals[number % len(originals)]
        round_number = number // len(originals) + 1
        card_id = f"{original.id[:50]}-{round_number}"
        first_clone.setdefault(original.id, card_id)
        cards.append(dataclasses.replace(original, id=card_id, name=f"{original.name[:100]} ({round_number})"))
    groups = tuple(_relinked(group, first_clone) for group in base.cause_groups)
    topics = tuple(
        dataclasses.replace(topic, treatment_ids=tuple(first_clone[t] for t in topic.treatment_ids if t in first_clone))
        for topic in base.topics
    )
    content = dataclasses.replace(base, treatments=tuple(cards), cause_groups=groups, topics=topics)
    problems: list[Problem] = []
    check_whole(content, lambda kind, item: f"generated {kind}", problems)
    if problems:
        raise ContentError(problems)
    return content


def _relinked(group: CauseGroup, new_ids: dict[str, str]) -> CauseGroup:
    conditions = tuple(
        dataclasses.replace(
            condition,
            treatment_ids=tuple(new_ids[t] for t in condition.treatment_ids if t in new_ids),
            unproven_ids=tuple(new_ids[t] for t in condition.unproven_ids if t in new_ids),
        )
        for condition in group.conditions
    )
    return dataclasses.replace(group, conditions=conditions)


def database_bytes(path: Path) -> int:
    """The database file plus any write-ahead log beside it."""
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal")) if p.exists())


def pack_functions():
    """(export_pack, import_pack) from kiosk.content.packs, or None while that module is not there yet."""
    try:
        from kiosk.content import packs
    except ImportError:
        return None
    if not (hasattr(packs, "export_pack") and hasattr(packs, "import_pack")):
        return None
    return packs.export_pack, packs.import_pack


def fill_database(path: Path, content: Content) -> None:
    """A kiosk database at `path` publishing `content` (the bundled settings stay)."""
    library = Library.open(path)
    try:
        replace_content(library.conn, content)
    finally:
        library.close()


def time_import(count: int, folder: Path) -> dict:
    """Seconds to import `count` generated cards into a fresh kiosk database, and the database's size after."""
    content = generated_content(count)
    target = folder / f"import-{count}.db"
    functions = pack_functions()
    if functions is None:
        library = Library.open(target)
        started = time.perf_counter()
        replace_content(library.conn, content)
        seconds = time.perf_counter() - started
        method = "replace_content"
    else:
        export_pack, import_pack = functions
        source = folder / f"source-{count}.db"
        fill_database(source, content)
        pack = folder / f"pack-{count}.zip"
        source_library = Library.open(source)
        try:
            pack = export_pack(source_library.conn, pack)
        finally:
            source_library.close()
        library = Library.open(target)
        backups = folder / f"backups-{count}"
        backups.mkdir()
        started = time.perf_counter()
        import_pack(library.conn, pack, backup_dir=backups)
        seconds = time.perf_counter() - started
        method = "import_pack"
    library.close()  # closing the last connection folds the write-ahead log into the file
    return {"cards": count, "seconds": seconds, "db_bytes": database_bytes(target), "method": method}


def import_measurements(counts: tuple[int, ...]) -> dict[str, dict]:
    """time_import for each size, in a scratch folder that is removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as scratch:
        return {str(count): time_import(count, Path(scratch)) for count in counts}
