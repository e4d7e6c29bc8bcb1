"""Signed packs: the content team's key, kiosks that trust it, forged, untrusted, unsigned and older packs."""

import pytest
from admin_runner import database_dump, kiosk_admin, pack_bytes
from fleet_helpers import make_key, signed_pack_bytes, versioned_document, write_signed_pack

from kiosk.content import pack_reader, packs
from kiosk.content.library import Library
from kiosk.content.signing import HEADER, fingerprint, load_public_key


@pytest.fixture
def kiosk(tmp_path):
    """A kiosk database that trusts the content team's key; returns (db, private key, public key)."""
    db = tmp_path / "kiosk" / "kiosk.db"
    key, public = make_key(tmp_path / "keys")
    assert kiosk_admin(db, "init").returncode == 0
    trusted = kiosk_admin(db, "trust-key", str(public), "--label", "Content team")
    assert trusted.returncode == 0, trusted.stderr
    return db, key, public


def first_card(db) -> str:
    library = Library.open(db)
    try:
        return library.content().treatments[0].name
    finally:
        library.close()


def test_keygen_sign_trust_and_import_as_staff_would(tmp_path):
    db = tmp_path / "kiosk.db"
    made = kiosk_admin(db, "keygen", "--out", str(tmp_path / "team"))
    assert made.returncode == 0, made.stderr
    short = fingerprint(load_public_key(tmp_path / "team.pub"))
    assert short in made.stdout and len(short) == 19
    assert (tmp_path / "team.key").stat().st_mode & 0o077 == 0
    pack = tmp_path / "clinic.zip"
    pack.write_bytes(pack_bytes(versioned_document(4)))
    signed = kiosk_admin(db, "sign", str(pack), "--key", str(tmp_path / "team.key"), "--content-version", "4")
    assert signed.returncode == 0, signed.stderr
    assert "content version 4" in signed.stdout and short in signed.stdout
    assert kiosk_admin(db, "init").returncode == 0
    assert kiosk_admin(db, "trust-key", str(tmp_path / "team.pub")).returncode == 0
    listed = kiosk_admin(db, "trusted-keys")
    assert short in listed.stdout
    imported = kiosk_admin(db, "import", str(pack))
    assert imported.returncode == 0, imported.stderr
    assert first_card(db) == "Minoxidil, edition 4"


def test_a_pack_from_an_untrusted_key_is_refused_and_nothing_changes(tmp_path, kiosk):
    db, _, _ = kiosk
    stranger, stranger_public = make_key(tmp_path / "elsewhere", "stranger")
    pack = write_signed_pack(tmp_path / "stranger.zip", stranger, 5)
    before = database_dump(db)
    result = kiosk_admin(db, "import", str(pack))
    assert result.returncode == 1
    assert "does not trust" in result.stderr and fingerprint(load_public_key(stranger_public)) in result.stderr
    assert "Nothing was changed" in result.stderr
    assert database_dump(db) == before


def forged(data: bytes) -> bytes:
    """The same signed pack with one byte of its content changed after signing."""
    changed = bytearray(data)
    changed[HEADER.size + 40] ^= 0x01
    return bytes(changed)


def test_a_forged_pack_is_refused_before_any_of_it_is_read(tmp_path, kiosk, monkeypatch):
    db, key, _ = kiosk
    pack = tmp_path / "forged.zip"
    pack.write_bytes(forged(signed_pack_bytes(key, 5)))
    before = database_dump(db)
    read = []
    monkeypatch.setattr(packs, "read_members", lambda *args: read.append(args))
    library = Library.open(db)
    with pytest.raises(pack_reader.PackError) as refused:
        packs.import_pack(library.conn, pack)
    library.close()
    assert read == []
    assert "changed after it was signed" in str(refused.value)
    assert database_dump(db) == before


def test_a_forged_pack_is_refused_by_the_command_too(tmp_path, kiosk):
    db, key, _ = kiosk
    pack = tmp_path / "forged.zip"
    pack.write_bytes(forged(signed_pack_bytes(key, 5)))
    before = database_dump(db)
    result = kiosk_admin(db, "import", str(pack))
    assert result.returncode == 1 and "changed after it was signed" in result.stderr
    assert database_dump(db) == before


def test_a_pack_still_being_copied_is_called_incomplete_not_forged(tmp_path, kiosk):
    db, key, _ = kiosk
    data = signed_pack_bytes(key, 5)
    pack = tmp_path / "half.zip"
    pack.write_bytes(data[: len(data) // 2])
    result = kiosk_admin(db, "import", str(pack))
    assert result.returncode == 1 and "not complete" in result.stderr and "forged" not in result.stderr


def test_unsigned_packs_by_hand_follow_the_setting(tmp_path, kiosk):
    db, _, _ = kiosk
    pack = tmp_path / "unsigned.zip"
    pack.write_bytes(pack_bytes(versioned_document(1)))
    assert kiosk_admin(db, "settings", "set", "allow_unsigned_packs", "0").returncode == 0
    before = database_dump(db)
    refused = kiosk_admin(db, "import", str(pack))
    assert refused.returncode == 1 and "is not signed" in refused.stderr
    assert database_dump(db) == before
    assert kiosk_admin(db, "settings", "set", "allow_unsigned_packs", "1").returncode == 0
    accepted = kiosk_admin(db, "import", str(pack))
    assert accepted.returncode == 0, accepted.stderr
    assert first_card(db) == "Minoxidil, edition 1"


def test_versions_only_move_forward_unless_staff_go_back_on_purpose(tmp_path, kiosk):
    db, key, _ = kiosk
    assert kiosk_admin(db, "import", str(write_signed_pack(tmp_path / "v7.zip", key, 7))).returncode == 0
    older = write_signed_pack(tmp_path / "v6.zip", key, 6)
    before = database_dump(db)
    refused = kiosk_admin(db, "import", str(older))
    assert refused.returncode == 1
    assert "content version 6, older than version 7" in refused.stderr and "import-older" in refused.stderr
    assert database_dump(db) == before
    back = kiosk_admin(db, "import-older", str(older))
    assert back.returncode == 0, back.stderr
    assert first_card(db) == "Minoxidil, edition 6"


def test_signing_a_pack_without_a_content_version_asks_for_one(tmp_path):
    key, _ = make_key(tmp_path)
    pack = tmp_path / "clinic.zip"
    pack.write_bytes(pack_bytes())
    before = pack.read_bytes()
    result = kiosk_admin(tmp_path / "kiosk.db", "sign", str(pack), "--key", str(key))
    assert result.returncode == 1 and "--content-version" in result.stderr
    assert pack.read_bytes() == before


def test_signing_with_a_public_key_is_refused_in_plain_words(tmp_path):
    _, public = make_key(tmp_path)
    pack = tmp_path / "clinic.zip"
    pack.write_bytes(pack_bytes())
    result = kiosk_admin(tmp_path / "kiosk.db", "sign", str(pack), "--key", str(public), "--content-version", "2")
    assert result.returncode == 1 and "private .key file" in result.stderr


def test_damaging_the_signature_header_is_no_way_round_the_signature(tmp_path, kiosk):
    db, key, _ = kiosk
    data = bytearray(signed_pack_bytes(key, 5))
    data[0] ^= 0x01  # the pack no longer looks signed; it must not be read as an unsigned one
    pack = tmp_path / "stripped.zip"
    pack.write_bytes(bytes(data))
    before = database_dump(db)
    result = kiosk_admin(db, "import", str(pack))
    assert result.returncode == 1 and "is damaged" in result.stderr
    assert database_dump(db) == before
