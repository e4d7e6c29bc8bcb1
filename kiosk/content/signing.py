"""Signed content packs: an Ed25519 signature in a small header in front of the pack's .zip bytes.

A signed pack is MAGIC, the length of the zip that follows, the signer's 32-byte public key and a 64-byte
signature over all of that and the zip. The signature is checked on the bytes in memory before any of the zip
is looked at, and the same bytes are then read; so nothing can change between checking and reading. A file
shorter than its header says is incomplete (still being copied), not forged.
"""

import hashlib
import struct
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.pack_reader import PackError, fail
from kiosk.content.schema import Problem
from kiosk.storage.errors import KnownError

MAGIC = b"HLKIOSK-SIGNED\x00\x01"  # the name, then format 1
HEADER = struct.Struct(">16sQ32s64s")  # magic, length of the zip that follows, public key, signature
INCOMPLETE = "is not complete: it may still be being copied. Wait a minute, then try again"


class IncompletePackError(PackError):
    """A signed pack shorter than its header says: most likely still being copied. Look again later."""


@dataclass(frozen=True)
class OpenedPack:
    """A pack's zip bytes after its signature (if any) was checked, and who signed it."""

    data: bytes
    signer: str | None  # the signer's fingerprint; None for an unsigned pack
    public_key: bytes | None


def fingerprint(public_key: bytes) -> str:
    """A short, readable name for a public key: the start of its SHA-256, like 3f2a-9c1e-0b7d-44aa."""
    digest = hashlib.sha256(public_key).hexdigest()[:16]
    return "-".join(digest[at : at + 4] for at in range(0, 16, 4))


def new_key_pair() -> tuple[bytes, bytes]:
    """A new signing key: (private key PEM, public key PEM)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    return private, public


def _load(path: Path, loader, kind: str, hint: str):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise KnownError(f"{path}: cannot read the {kind} ({error.strerror or error}).") from None
    try:
        key = loader(data)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, Ed25519PrivateKey | Ed25519PublicKey):
        raise KnownError(f"{path}: this is not a {kind} made by kiosk-admin keygen. {hint}")
    return key


def load_private_key(path: Path):
    """The signing key in the PEM file at `path` (KnownError if it is not one)."""
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    hint = "Signing needs the private .key file it made."
    key = _load(path, lambda data: load_pem_private_key(data, password=None), "private key", hint)
    return key


def load_public_key(path: Path) -> bytes:
    """The 32 raw bytes of the Ed25519 public key in the PEM file at `path` (KnownError if it is not one)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    key = _load(path, load_pem_public_key, "public key", "Use the .pub file it made.")
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def raw_public_key(private_key) -> bytes:
    """The 32 raw bytes of a private key's public half."""
    from cryptography.hazmat.primitives import serialization

    return private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def is_signed(data: bytes) -> bool:
    """Whether these pack bytes start with a signature header."""
    return data.startswith(MAGIC)


def unsigned_part(data: bytes) -> bytes:
    """The zip inside a signed pack (unchecked), or the bytes as they are if unsigned: for signing again."""
    if not is_signed(data) or len(data) < HEADER.size:
        return data
    return data[HEADER.size : HEADER.size + HEADER.unpack_from(data)[1]]


def sign(zip_data: bytes, private_key) -> bytes:
    """A signed pack: the header with the signature, then the zip bytes."""
    public_key = raw_public_key(private_key)
    signed_part = MAGIC + struct.pack(">Q", len(zip_data)) + public_key
    return signed_part + private_key.sign(signed_part + zip_data) + zip_data


def check_signature(data: bytes, name: str) -> OpenedPack:
    """The zip bytes of a signed pack once its signature is checked, or of an unsigned one as they are.

    IncompletePackError if the file is shorter than its header says; PackError if the signature does not match.
    """
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    if not is_signed(data):
        if len(data) >= 4 and not data.startswith(b"PK") and data.rfind(b"PK\x05\x06") >= 0:
            # A zip with something in front: most likely a signed pack whose header was damaged. Never read
            # it as unsigned, or damaging the signature would be a way round it.
            raise fail(name, "is damaged: it does not start the way a content pack starts. Ask for a new copy")
        return OpenedPack(data, None, None)
    incomplete = IncompletePackError([Problem(name, "", "", INCOMPLETE)])
    if len(data) < HEADER.size:
        raise incomplete
    _, length, public_key, signature = HEADER.unpack_from(data)
    zip_data = data[HEADER.size :]
    if len(zip_data) < length:
        raise incomplete
    try:
        if len(zip_data) != length:
            raise InvalidSignature
        Ed25519PublicKey.from_public_bytes(public_key).verify(signature, data[: HEADER.size - 64] + zip_data)
    except InvalidSignature:
        raise fail(
            name,
            "has a signature that does not match its content: it was changed after it was signed. "
            "Do not use it; ask the content team for a new copy",
        ) from None
    return OpenedPack(zip_data, fingerprint(public_key), public_key)
