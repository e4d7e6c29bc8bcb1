"""Opening a content pack safely: the .zip is checked for damage, tricks and size before anything is unpacked.

Nothing is ever extracted to disk. The zip's own directory is checked before zipfile reads it (member count,
ZIP64), declared sizes and compression ratios before decompressing, and each member is read into memory
with a hard cap and compared with the size and SHA-256 the manifest gives.
"""

import datetime
import hashlib
import io
import json
import re
import struct
import zipfile
from pathlib import Path
from typing import Any

from kiosk.content.document import printable
from kiosk.content.schema import ContentError, Problem

PACK_FORMAT = "hairloss-kiosk-content-pack"
FORMAT_VERSION = 2  # 2: content.json may carry "translations"; packs without them are still written as 1
ENGLISH_ONLY_FORMAT = 1
MANIFEST = "manifest.json"
CONTENT = "content.json"
IMAGE_NAME = re.compile(r"^images/[a-z0-9][a-z0-9_-]{0,63}\.(png|jpg|jpeg|svg|webp)$")
MB = 1024 * 1024
MAX_PACK_BYTES = 64 * MB
MAX_MEMBERS = 200
MAX_BYTES = {MANIFEST: 256 * 1024, CONTENT: 48 * MB}
MAX_IMAGE_BYTES = 5 * MB
MAX_TOTAL_BYTES = 128 * MB
MAX_RATIO = 200
MAX_CONTENT_VERSION = 2**53
_END_RECORD = struct.Struct("<4s4H2LH")


class PackError(ContentError):
    """A pack that cannot be used; `problems` says every reason, each naming the pack or the file in it."""


def fail(where: str, message: str) -> PackError:
    """A PackError with one problem about the pack (or file) named `where`."""
    return PackError([Problem(where, "", "", message)])


def read_pack_file(path: Path) -> bytes:
    """The bytes of the pack file at `path`, read once (PackError if it is not a readable file or too large)."""
    path = Path(path)
    try:
        if not path.is_file():
            raise fail(path.name, "is not a file")
        with path.open("rb") as file:
            data = file.read(MAX_PACK_BYTES + 1)
    except OSError as error:
        raise fail(path.name, f"cannot be read ({error.strerror or error})") from None
    if len(data) > MAX_PACK_BYTES:
        size = path.stat().st_size // MB
        raise fail(path.name, f"is too large ({size} MB; a pack can be at most {MAX_PACK_BYTES // MB} MB)")
    return data


def read_pack_members(path: Path) -> tuple[dict[str, Any], Any]:
    """The checked manifest and the parsed (not yet checked) content document of the (unsigned) pack at `path`."""
    path = Path(path)
    return read_members(read_pack_file(path), path.name)


def read_members(data: bytes, name: str) -> tuple[dict[str, Any], Any]:
    """The checked manifest and the parsed (not yet checked) content document of a pack's zip bytes."""
    _check_bytes(data, name)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 - any failure of zipfile on untrusted bytes means "damaged"
        raise fail(name, "is damaged: it is not a complete zip file") from error
    with archive:
        members = _check_members(archive, name)
        manifest = _json(_read(archive, members[MANIFEST], name), MANIFEST, name)
        listed = _check_manifest(manifest, set(members) - {MANIFEST}, name)
        content: Any = None
        for member, (size, digest) in listed.items():
            unpacked = _read(archive, members[member], name)
            if len(unpacked) != size or hashlib.sha256(unpacked).hexdigest() != digest:
                raise fail(name, f"is damaged: '{member}' is not the file the manifest describes (checksum)")
            if member == CONTENT:
                content = _json(unpacked, CONTENT, name)
    return manifest, content


def _check_bytes(data: bytes, name: str) -> None:
    size = len(data)
    start = data[:4]
    tail = data[max(0, size - _END_RECORD.size - 65535) :]
    if size == 0:
        raise fail(name, "is empty")
    if size > MAX_PACK_BYTES:
        raise fail(name, f"is too large ({size // MB} MB; a pack can be at most {MAX_PACK_BYTES // MB} MB)")
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < _END_RECORD.size:
        if start.startswith(b"PK"):
            raise fail(name, "is damaged: it is not a complete zip file")
        raise fail(name, "is not a content pack (it is not a zip file)")
    _, disk, _, _, count, directory_size, directory_offset, _ = _END_RECORD.unpack_from(tail, at)
    if disk != 0 or 0xFFFF == count or 0xFFFFFFFF in (directory_size, directory_offset):
        raise fail(name, "is not a content pack this kiosk can read (a split or very large zip)")
    if count > MAX_MEMBERS:
        raise fail(name, f"has too many files in it ({count}; a pack holds at most {MAX_MEMBERS})")


def _unsafe(member: str) -> bool:
    return (
        not member
        or member.startswith(("/", "\\"))
        or re.match(r"^[A-Za-z]:", member) is not None
        or "\\" in member
        or any(part in ("", ".", "..") for part in member.rstrip("/").split("/"))
        or re.search(r"[\x00-\x1f\x7f]", member) is not None
    )


def _check_members(archive: zipfile.ZipFile, name: str) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise fail(name, f"has too many files in it ({len(infos)}; a pack holds at most {MAX_MEMBERS})")
    messages: list[str] = []
    members: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        message = _member_problem(info, members)
        if message:
            messages.append(message.format(shown=printable(info.filename, 80)))
        members.setdefault(info.filename, info)
    total = sum(info.file_size for info in infos)
    if total > MAX_TOTAL_BYTES:
        messages.append(f"would unpack to {_size(total)}; at most {_size(MAX_TOTAL_BYTES)}")
    missing = [needed for needed in (MANIFEST, CONTENT) if needed not in members]
    messages += [f"is not a content pack: it has no {needed}" for needed in missing]
    if messages:
        raise PackError([Problem(name, "", "", message) for message in messages])
    return members


def _member_problem(info: zipfile.ZipInfo, earlier: dict[str, zipfile.ZipInfo]) -> str | None:
    """What is wrong with one member, with {shown} where its name goes; None if nothing."""
    member = info.filename
    limit = MAX_BYTES.get(member, MAX_IMAGE_BYTES)
    if _unsafe(member):
        return "has a file with an unsafe name '{shown}' (it points outside the pack)"
    if member in earlier:
        return "has the file '{shown}' twice"
    if info.is_dir():
        return None if member == "images/" else "has an unexpected folder '{shown}'"
    if member not in MAX_BYTES and not IMAGE_NAME.match(member):
        return f"has an unexpected file '{{shown}}' (a pack holds only {MANIFEST}, {CONTENT} and pictures in images/)"
    if info.flag_bits & 0x1:
        return "has a password-protected file '{shown}'"
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        return "has the file '{shown}' compressed in a way this kiosk cannot read"
    if info.file_size > limit:
        return f"has the file '{{shown}}' that is too large ({_size(info.file_size)}; at most {_size(limit)})"
    if info.file_size > MB and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        return (
            f"is suspicious: '{{shown}}' would unpack from {_size(info.compress_size)} to {_size(info.file_size)}, "
            "so it was not unpacked"
        )
    return None


def _size(count: int) -> str:
    return f"{count / MB:.1f} MB" if count >= MB else f"{max(1, count // 1024)} KB"


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str) -> bytes:
    limit = info.file_size
    try:
        with archive.open(info) as member:
            data = member.read(limit + 1)
    except Exception as error:  # noqa: BLE001 - any failure of zipfile on untrusted bytes means "damaged"
        raise fail(name, f"is damaged: '{printable(info.filename, 80)}' cannot be read") from error
    if len(data) > limit:
        raise fail(name, f"is damaged: '{printable(info.filename, 80)}' is longer than it says")
    return data


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) != len(pairs):
        repeated = next(key for key in result if [pair[0] for pair in pairs].count(key) > 1)
        raise ValueError(f"the field '{printable(repeated, 64)}' is given twice")
    return result


def _json(data: bytes, member: str, name: str) -> Any:
    try:
        return json.loads(data.decode("utf-8-sig"), object_pairs_hook=_no_repeats)
    except UnicodeDecodeError:
        raise fail(name, f"is damaged: '{member}' is not UTF-8 text") from None
    except RecursionError:
        raise fail(name, f"is damaged: '{member}' is not valid JSON (nested too deeply)") from None
    except ValueError as error:
        raise fail(name, f"is damaged: '{member}' is not valid JSON ({printable(str(error), 200)})") from None


def _check_manifest(manifest: Any, present: set[str], name: str) -> dict[str, tuple[int, str]]:
    """The members the manifest lists, with their sizes and SHA-256; PackError if it is not right."""
    if not isinstance(manifest, dict) or manifest.get("format") != PACK_FORMAT:
        raise fail(name, f"is not a kiosk content pack (its {MANIFEST} does not say so)")
    content_version = manifest.get("content_version", 0)
    if type(content_version) is not int or not 0 <= content_version <= MAX_CONTENT_VERSION:
        raise fail(name, f"is damaged: its {MANIFEST} has a content_version that is not a whole number like 12")
    version = manifest.get("format_version")
    if type(version) is not int or version < 1:
        raise fail(name, f"is damaged: its {MANIFEST} needs a format_version that is a whole number like 1")
    if version > FORMAT_VERSION:
        raise fail(
            name,
            f"was made by a newer kiosk (pack format {version}; this kiosk reads format {FORMAT_VERSION}). "
            "Update this kiosk first, then import the pack again",
        )
    where = f"{name}: {MANIFEST}"
    problems: list[Problem] = []
    for field in ("created_at", "kiosk_version"):
        if not isinstance(manifest.get(field), str) or len(manifest[field]) > 100:
            problems.append(Problem(where, "", field, "missing or not a short text"))
    try:
        datetime.datetime.fromisoformat(manifest.get("created_at"))
    except (TypeError, ValueError):
        problems.append(Problem(where, "", "created_at", "must be a date and time like 2026-11-25T11:52:20+00:00"))
    files = manifest.get("files")
    if not isinstance(files, dict):
        raise PackError([*problems, Problem(where, "", "files", "must list every file in the pack")])
    listed: dict[str, tuple[int, str]] = {}
    for member in sorted(set(files) | {member for member in present if not member.endswith("/")}):
        entry, shown = files.get(member), printable(member, 80)
        if member not in present:
            problems.append(Problem(where, "", "files", f"lists '{shown}', which is not in the pack"))
        elif not isinstance(entry, dict):
            problems.append(Problem(where, "", "files", f"does not give the size and checksum of '{shown}'"))
        elif type(entry.get("size")) is not int or not re.fullmatch(r"[0-9a-f]{64}", str(entry.get("sha256"))):
            problems.append(Problem(where, "", "files", f"'{shown}' needs a whole-number size and a SHA-256"))
        else:
            listed[member] = (entry["size"], entry["sha256"])
    if problems:
        raise PackError(problems)
    return listed
