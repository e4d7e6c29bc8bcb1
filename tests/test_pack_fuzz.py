"""Fuzzing packs: whatever is on the USB stick, reading it gives a clear PackError/ContentError and a failed
import changes nothing."""

import json

import pytest
from admin_runner import database_dump, pack_bytes, valid_document, zip_bytes
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content.document import content_from_document
from kiosk.content.library import Library
from kiosk.content.packs import import_pack, read_pack, validate_pack
from kiosk.content.publishing import NothingToChange
from kiosk.content.schema import ContentError

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

any_text = st.text(st.characters(codec=None), max_size=40)
huge_text = st.builds(lambda char, count: char * count, st.characters(), st.integers(2_000, 200_000))
scalars = st.none() | st.booleans() | st.integers() | st.floats() | any_text | huge_text
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(any_text, inner, max_size=4))


@st.composite
def mutated_documents(draw):
    """A valid document with one to three random changes somewhere inside it."""
    document = valid_document()
    for _ in range(draw(st.integers(1, 3))):
        parent = document
        while True:
            key = draw(st.sampled_from(list(parent) if isinstance(parent, dict) else list(range(len(parent)))))
            child = parent[key]
            if not isinstance(child, dict | list) or not child or draw(st.booleans()):
                break
            parent = child
        action = draw(st.sampled_from(["delete", "replace", "add", "copy"]))
        if action == "delete":
            del parent[key]
        elif action == "replace":
            parent[key] = draw(values)
        elif action == "add" and isinstance(parent, dict):
            parent[draw(any_text)] = draw(values)
        elif isinstance(parent, list):
            parent.append(json.loads(json.dumps(parent[key])))
    return document


@pytest.fixture(scope="module")
def fuzz_library(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    library = Library.open(folder / "kiosk.db")
    yield library, folder
    library.close()


@FUZZ
@given(mutated_documents())
def test_a_mutated_document_is_content_or_a_content_error(document):
    try:
        content_from_document(document, "content.json")
    except ContentError as error:
        assert error.problems and all(problem.where == "content.json" for problem in error.problems)


@FUZZ
@given(document=mutated_documents())
def test_a_failed_import_changes_nothing(fuzz_library, document):
    library, folder = fuzz_library
    pack = folder / "fuzzed.zip"
    pack.write_bytes(pack_bytes(document))
    before = database_dump(folder / "kiosk.db")
    try:
        report = import_pack(library.conn, pack)
    except (ContentError, NothingToChange):  # refused, or the same content as now: no empty version either
        assert database_dump(folder / "kiosk.db") == before
    else:
        assert report.version.summary == "Imported fuzzed.zip"
        assert read_pack(pack).content == library.content()


member_names = st.sampled_from(
    ["manifest.json", "content.json", "images/", "images/a.png", "../x", "/etc/x", "C:\\x", "a/../../b", "", "x\x00y"]
) | st.text(max_size=30)
members = st.dictionaries(member_names, st.binary(max_size=200) | st.just(b"{}"), max_size=6)


@pytest.mark.filterwarnings("ignore:Duplicate name")
@FUZZ
@given(members, st.booleans())
def test_random_zip_members_give_only_pack_or_content_errors(fuzz_library, chosen, with_manifest):
    _, folder = fuzz_library
    pack = folder / "members.zip"
    try:
        data = pack_bytes(extra=chosen) if with_manifest else zip_bytes(chosen)
    except (ValueError, UnicodeEncodeError):
        return  # zipfile itself will not write such a name
    pack.write_bytes(data)
    problems = validate_pack(pack)
    assert all(str(problem) for problem in problems)
    try:
        read_pack(pack)
    except ContentError:
        pass


@FUZZ
@given(st.data())
def test_damaged_bytes_give_only_pack_or_content_errors(fuzz_library, data):
    _, folder = fuzz_library
    original = bytearray(pack_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        position = data.draw(st.integers(0, len(original) - 1))
        original[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(0, len(original)))
    pack = folder / "damaged.zip"
    pack.write_bytes(bytes(original[: cut or len(original)]))
    assert isinstance(validate_pack(pack), list)


def test_a_member_that_lies_about_its_size_is_refused(fuzz_library):
    _, folder = fuzz_library
    raw = bytearray(pack_bytes())
    entry = raw.find(b"PK\x01\x02")
    while raw[entry + 46 : entry + 58] != b"content.json":
        entry = raw.find(b"PK\x01\x02", entry + 4)
    raw[entry + 24 : entry + 28] = (10).to_bytes(4, "little")  # the central directory's "uncompressed size"
    pack = folder / "liar.zip"
    pack.write_bytes(bytes(raw))
    with pytest.raises(ContentError):
        read_pack(pack)


@pytest.fixture(scope="module")
def signed_fuzz(tmp_path_factory):
    """A kiosk that trusts one key, and one pack signed with it."""
    from fleet_helpers import make_key, signed_pack_bytes

    from kiosk.content.signing import fingerprint, load_public_key
    from kiosk.storage.fleet import add_trusted_key

    folder = tmp_path_factory.mktemp("signed-fuzz")
    key, public = make_key(folder)
    library = Library.open(folder / "kiosk.db")
    raw = load_public_key(public)
    add_trusted_key(library.conn, fingerprint(raw), raw, "Content team")
    yield library, folder, signed_pack_bytes(key, 3)
    library.close()


@FUZZ
@given(st.data())
def test_any_change_to_a_signed_pack_is_refused_and_changes_nothing(signed_fuzz, data):
    library, folder, signed = signed_fuzz
    changed = bytearray(signed)
    kind = data.draw(st.sampled_from(["flip", "cut", "append"]))
    if kind == "flip":
        at = data.draw(st.integers(0, len(changed) - 1))
        changed[at] ^= data.draw(st.integers(1, 255))
    elif kind == "cut":
        del changed[data.draw(st.integers(0, len(changed) - 1)) :]
    else:
        changed += data.draw(st.binary(min_size=1, max_size=64))
    pack = folder / "changed.zip"
    pack.write_bytes(bytes(changed))
    before = database_dump(library.path)
    with pytest.raises(ContentError):
        import_pack(library.conn, pack)
    assert database_dump(library.path) == before
