"""kiosk-admin commands for many kiosks fed from one source: keys, signing, trust, going back, health, the folder."""

import argparse
import os
from pathlib import Path

from kiosk.admin.console import DONE, NOTHING_CHANGED, REFUSED, add_command, open_library, refuse, say
from kiosk.content.document import printable
from kiosk.content.pack_reader import read_members, read_pack_file
from kiosk.content.packs import with_content_version
from kiosk.content.schema import ContentError
from kiosk.content.signing import (
    fingerprint,
    load_private_key,
    load_public_key,
    new_key_pair,
    raw_public_key,
    sign,
    unsigned_part,
)
from kiosk.storage.errors import KnownError
from kiosk.storage.fleet import add_trusted_key, remove_trusted_key, trusted_keys


def command_keygen(arguments: argparse.Namespace) -> int:
    """Make a new signing key for the content team."""
    private_path = arguments.out.with_name(arguments.out.name + ".key")
    public_path = arguments.out.with_name(arguments.out.name + ".pub")
    for path in (private_path, public_path):
        if path.exists():
            return refuse(f"{path} already exists. Choose another name with --out.", NOTHING_CHANGED)
    private, public = new_key_pair()
    try:
        private_path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(private_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as file:
            file.write(private)
        public_path.write_bytes(public)
    except OSError as error:
        raise KnownError(f"Could not write the key files ({error.strerror or error}).") from None
    say(
        f"Made a signing key {fingerprint(load_public_key(public_path))}.",
        f"Private key (keep it secret, only for signing): {private_path}",
        f"Public key (give it to every kiosk: kiosk-admin trust-key {public_path.name}): {public_path}",
    )
    return DONE


def command_sign(arguments: argparse.Namespace) -> int:
    """Sign a content pack so kiosks that trust the key accept it."""
    pack: Path = arguments.pack
    key = load_private_key(arguments.key)
    data = unsigned_part(read_pack_file(pack))
    try:
        manifest, _ = read_members(data, pack.name)
        version = arguments.content_version or manifest.get("content_version", 0)
        if not version:
            return refuse(
                f"Say which content version the pack '{printable(pack.name, 120)}' is, with --content-version N "
                "(a whole number higher than the last pack you sent out).",
                NOTHING_CHANGED,
            )
        data = with_content_version(data, pack.name, version)
    except ContentError as error:
        return refuse(f"The pack '{printable(pack.name, 120)}' cannot be signed:", str(error), NOTHING_CHANGED)
    out: Path = arguments.out or pack
    partial = out.with_name(out.name + ".partial")
    try:
        partial.write_bytes(sign(data, key))
        os.replace(partial, out)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise KnownError(f"{out}: could not write the signed pack ({error.strerror or error}).") from None
    say(f"Signed '{out.name}' as content version {version} with key {fingerprint(raw_public_key(key))}.")
    return DONE


def command_trust_key(arguments: argparse.Namespace) -> int:
    """Trust packs signed with a public key."""
    public_key = load_public_key(arguments.public_key)
    library = open_library(arguments)
    try:
        add_trusted_key(library.conn, fingerprint(public_key), public_key, arguments.label or arguments.public_key.stem)
        from kiosk.storage.audit import record_action

        record_action(library.conn, "trust signing key", fingerprint(public_key))
    finally:
        library.close()
    say(f"This kiosk now accepts packs signed with key {fingerprint(public_key)}.")
    return DONE


def command_trusted_keys(arguments: argparse.Namespace) -> int:
    """List the keys this kiosk trusts."""
    library = open_library(arguments)
    try:
        keys = trusted_keys(library.conn)
    finally:
        library.close()
    if not keys:
        say("No keys are trusted yet: only unsigned packs imported by hand can come in (if allowed).")
    for key in keys:
        say(f"{key.fingerprint}  {printable(key.label, 80)}  (added {key.added_at[:10]})")
    return DONE


def command_distrust_key(arguments: argparse.Namespace) -> int:
    """Stop trusting a key."""
    library = open_library(arguments)
    try:
        removed = remove_trusted_key(library.conn, arguments.fingerprint)
        if removed:
            from kiosk.storage.audit import record_action

            record_action(library.conn, "stop trusting signing key", arguments.fingerprint)
    finally:
        library.close()
    if not removed:
        return refuse(f"No trusted key has the fingerprint {arguments.fingerprint}. See: kiosk-admin trusted-keys")
    say(f"Packs signed with key {arguments.fingerprint} are no longer accepted.")
    return DONE


def command_import_older(arguments: argparse.Namespace) -> int:
    """Go back, on purpose, to a pack with older content than the content on show."""
    from kiosk.admin.pack_commands import describe_pack_problem, say_published
    from kiosk.content.packs import import_pack

    library = open_library(arguments)
    try:
        report = import_pack(library.conn, arguments.pack, discard_draft=arguments.discard_draft, allow_older=True)
    except ContentError as error:
        return refuse(*describe_pack_problem(arguments.pack, error), NOTHING_CHANGED)
    finally:
        library.close()
    return say_published(
        f"Went back to '{printable(arguments.pack.name, 120)}' as version {report.version.number}.", report
    )


def command_check_json(arguments: argparse.Namespace) -> int:
    """Report the kiosk's health for IT as JSON: exit status 0 healthy, 1 needs attention."""
    import json

    from kiosk.admin.console import database_path
    from kiosk.admin.devices import ask_speech_engine, printer_status, speech_status, voice_languages
    from kiosk.content.fleet_health import health_report
    from kiosk.content.language_check import database_language_data

    report = health_report(database_path(arguments))
    report["languages"] = database_language_data(database_path(arguments))
    answers = ask_speech_engine()  # once: a speech engine can take seconds to answer
    report["speech"] = speech_status(answers=answers)
    state, voices = voice_languages(answers=answers)
    offered = ["en", *(entry["language"] for entry in report["languages"])]
    report["speech"]["read_aloud_hidden_for"] = [code for code in offered if state != "ok" or code not in voices]
    report["printer"] = printer_status()
    print(json.dumps(report, indent=2, ensure_ascii=False))
    return DONE if report["healthy"] else REFUSED


def _add_json_to_check(commands: argparse._SubParsersAction) -> None:
    """`check --json`: the same command, answering in JSON for monitoring tools."""
    check = commands.choices.get("check")
    if check is None:
        return
    plain = check.get_default("run")
    check.add_argument("--json", action="store_true", help="answer in JSON for monitoring (exit 1: needs attention)")
    check.set_defaults(run=lambda arguments: (command_check_json if arguments.json else plain)(arguments))


def add_fleet_commands(commands: argparse._SubParsersAction) -> None:
    """Add keygen, sign, trust-key, trusted-keys, distrust-key, import-older, scan-folder and check --json."""
    keygen = add_command(
        commands,
        "keygen",
        command_keygen,
        "make a signing key for the content team",
        "Make a new signing key: NAME.key (secret: only for signing packs) and NAME.pub (give it to every kiosk).",
    )
    keygen.add_argument("--out", type=Path, default=Path("content-signing"), help="the name for the two files")
    sign_ = add_command(
        commands,
        "sign",
        command_sign,
        "sign a content pack",
        "Sign a content pack with the content team's key, and give it a content version. Kiosks that trust the "
        "key take it; they refuse it if anyone changes it afterwards.",
    )
    sign_.add_argument("pack", metavar="PACK", type=Path, help="the pack file to sign (it is replaced)")
    sign_.add_argument("--key", type=Path, required=True, help="the private .key file from kiosk-admin keygen")
    sign_.add_argument("--content-version", type=_positive, help="the content version, higher than the last one")
    sign_.add_argument("--out", type=Path, help="write the signed pack here instead of replacing PACK")
    trust = add_command(
        commands,
        "trust-key",
        command_trust_key,
        "accept packs signed with a public key",
        "Accept packs signed with this public key (the .pub file from kiosk-admin keygen).",
    )
    trust.add_argument("public_key", metavar="KEY.pub", type=Path, help="the public key file")
    trust.add_argument("--label", help="a name for the key, like 'Content team 2026'")
    add_command(
        commands,
        "trusted-keys",
        command_trusted_keys,
        "list the keys this kiosk trusts",
        "List the signing keys whose packs this kiosk accepts, by their short fingerprint.",
    )
    distrust = add_command(
        commands,
        "distrust-key",
        command_distrust_key,
        "stop accepting packs signed with a key",
        "Stop accepting packs signed with a key. Give its fingerprint, as kiosk-admin trusted-keys shows it.",
    )
    distrust.add_argument("fingerprint", metavar="FINGERPRINT", help="like 3f2a-9c1e-0b7d-44aa")
    older = add_command(
        commands,
        "import-older",
        command_import_older,
        "go back on purpose to a pack with older content",
        "Import a pack whose content version is older than the content on show, on purpose. A backup is taken "
        "first; the watched folder does not move forward again until a newer version than before arrives.",
    )
    older.add_argument("pack", metavar="PACK", type=Path, help="the pack file to go back to")
    older.add_argument("--discard-draft", action="store_true", help="also throw away unpublished changes")
    _add_json_to_check(commands)


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number like 12")
    return int(text)
