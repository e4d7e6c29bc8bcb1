"""Signing keys and signed packs for tests of many kiosks fed from one source."""

import json
from pathlib import Path

from admin_runner import pack_bytes, valid_document

from kiosk.content.signing import load_private_key, new_key_pair, sign


def make_key(folder: Path, name: str = "team") -> tuple[Path, Path]:
    """A new key pair written as NAME.key and NAME.pub in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    private, public = new_key_pair()
    (folder / f"{name}.key").write_bytes(private)
    (folder / f"{name}.pub").write_bytes(public)
    return folder / f"{name}.key", folder / f"{name}.pub"


def versioned_document(version: int) -> dict:
    """The valid document with the first card renamed after `version`, so each version is told apart."""
    document = valid_document()
    document["treatments"][0]["name"] = f"Minoxidil, edition {version}"
    return document


def signed_pack_bytes(key: Path, version: int, document: dict | None = None) -> bytes:
    """A complete pack of content version `version`, signed with the private key file `key`."""
    zip_data = pack_bytes(document or versioned_document(version), content_version=version)
    return sign(zip_data, load_private_key(key))


def write_signed_pack(path: Path, key: Path, version: int) -> Path:
    """A signed pack of content version `version` at `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(signed_pack_bytes(key, version))
    return path


def json_of(output: str) -> dict:
    """What a `--json` command printed."""
    return json.loads(output)
