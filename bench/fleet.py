"""A fleet of kiosks fed from one folder: do they all end on the newest valid content, and how fast?

    python -m bench.fleet                 # 50 kiosks
    python -m bench.fleet --kiosks 5      # a quick run (what the smoke test runs)
    python -m bench.fleet --json PATH     # also write the figures as JSON

Packs arrive in the shared folder one round at a time, good ones among truncated copies (one finished later,
one never), forged signatures, a key no kiosk trusts and a replayed older pack. Each round, every kiosk
without a patient (a seeded random 60 %) looks at the folder, as the running kiosk does at its start screen.
After every look the bench checks the kiosk shows content from a good pack, never older than before. It
reports the time from the newest valid pack's arrival until every kiosk shows it, and exits 1 if any kiosk
ever showed bad content or the fleet did not converge.
"""

import argparse
import dataclasses
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from kiosk.content.library import Library
from kiosk.content.packs import content_version_on_show, pack_bytes, published_document
from kiosk.content.signing import fingerprint, new_key_pair, raw_public_key, sign
from kiosk.content.watched_folder import SETTLE_SECONDS, import_from_folder
from kiosk.storage.content_tables import read_content
from kiosk.storage.db import connect
from kiosk.storage.fleet import add_trusted_key, content_origin

# (round, kind, content version, file name): what lands in the folder, and when.
ARRIVALS = (
    (0, "good", 1, "content-v1.zip"),
    (1, "partial", 2, "content-v2.zip"),
    (2, "forged", 3, "content-v3-forged.zip"),
    (3, "complete", 2, "content-v2.zip"),  # the copy of v2 finishes
    (3, "untrusted", 9, "content-v9-unknown-key.zip"),
    (4, "replayed", 1, "content-v1-again.zip"),
    (5, "stuck", 6, "content-v6-broken-copy.zip"),  # a copy that stopped half way, long ago
    (6, "good", 3, "content-v3.zip"),
    (7, "forged", 8, "content-v8-forged.zip"),
    (8, "good", 4, "content-v4.zip"),
)
VALID = {0, 1, 2, 3, 4}  # 0: the bundled content every kiosk starts with
GOOD_FILES = {None, "content-v1.zip", "content-v2.zip", "content-v3.zip", "content-v4.zip"}
NEWEST = 4
QUIET_SHARE = 0.6
MAX_ROUNDS = 60


def card_name(version: int) -> str:
    """The first card's name in content version `version`: how the bench tells versions apart."""
    return f"Minoxidil, edition {version}"


def _private_key(pem: bytes):
    from cryptography.hazmat.primitives.serialization import load_pem_private_key

    return load_pem_private_key(pem, password=None)


class Source:
    """The content team: its key, a key nobody trusts, and the packs they (and others) drop in the folder."""

    def __init__(self, template_db: Path):
        library = Library.open(template_db)
        self.document = published_document(library.conn)
        library.close()
        self.key = _private_key(new_key_pair()[0])
        self.stranger = _private_key(new_key_pair()[0])

    def pack(self, version: int, key=None) -> bytes:
        """A signed pack of content version `version`."""
        content = self.document.content
        first = dataclasses.replace(content.treatments[0], name=card_name(version))
        document = dataclasses.replace(
            self.document, content=dataclasses.replace(content, treatments=(first, *content.treatments[1:]))
        )
        return sign(pack_bytes(document, content_version=version), key or self.key)

    def drop(self, folder: Path, kind: str, version: int, name: str) -> None:
        """Put one arrival in the folder the way it happens in a clinic."""
        path = folder / name
        data = self.pack(version, self.stranger if kind == "untrusted" else None)
        if kind == "forged":
            changed = bytearray(data)
            changed[len(changed) // 2] ^= 0x5A
            data = bytes(changed)
        if kind in ("partial", "stuck"):
            data = data[: len(data) // 2]
        path.write_bytes(data)
        if kind == "stuck":
            os.utime(path, (time.time() - 3600, time.time() - 3600))


def make_kiosks(root: Path, count: int, source: Source, template: Path) -> list[Path]:
    """`count` kiosk databases that trust the content team's key (copies of one, as an installer would make)."""
    library = Library.open(template)
    public = raw_public_key(source.key)
    add_trusted_key(library.conn, fingerprint(public), public, "Content team")
    library.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    paths = []
    for number in range(count):
        path = root / f"kiosk-{number:03}" / "kiosk.db"
        path.parent.mkdir(parents=True)
        shutil.copyfile(template, path)
        paths.append(path)
    return paths


def shown_version(conn) -> tuple[int, str, str | None]:
    """The content version a kiosk shows, the first card's name, and the pack file it came from."""
    name = read_content(conn).treatments[0].name
    origin = content_origin(conn)
    return content_version_on_show(conn), name, origin.pack_name if origin else None


def run(count: int, seed: int = 15) -> dict:
    """Simulate the fleet; the figures."""
    randomizer = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="fleet-") as temporary:
        root = Path(temporary)
        folder = root / "shared-folder"
        folder.mkdir()
        source = Source(root / "template" / "kiosk.db")
        started = time.perf_counter()
        kiosks = make_kiosks(root, count, source, root / "template" / "kiosk.db")
        setup_seconds = time.perf_counter() - started
        connections = [connect(path) for path in kiosks]
        shown = [0] * count
        bad_seen, imports, looks = [], [], []
        newest_arrived = converged = newest_round = None
        rounds = 0
        for rounds in range(MAX_ROUNDS):
            for _, kind, version, name in (arrival for arrival in ARRIVALS if arrival[0] == rounds):
                source.drop(folder, kind, version, name)
                if version == NEWEST and kind == "good":
                    newest_arrived, newest_round = time.perf_counter(), rounds
            now = time.time() + SETTLE_SECONDS + 1  # files dropped this round count as settled
            for number, conn in enumerate(connections):
                if randomizer.random() > QUIET_SHARE:
                    continue  # a patient is using this kiosk: it does not look
                began = time.perf_counter()
                report = import_from_folder(conn, folder, quiet=True, now=now)
                (imports if report else looks).append(time.perf_counter() - began)
                version, name, pack = shown_version(conn)
                went_back = version < shown[number]
                if (
                    version not in VALID
                    or pack not in GOOD_FILES
                    or went_back
                    or (version and name != card_name(version))
                ):
                    bad_seen.append((number, version, name, pack))
                shown[number] = version
            versions = [shown_version(conn)[0] for conn in connections]
            if newest_arrived and all(version == NEWEST for version in versions):
                converged = time.perf_counter() - newest_arrived
                break
        for conn in connections:
            conn.close()
        refused = sorted(path.name for path in folder.iterdir())
    return {
        "kiosks": count,
        "packs_dropped": len(ARRIVALS),
        "bad_packs": sum(1 for arrival in ARRIVALS if arrival[1] in ("forged", "untrusted", "replayed", "stuck")),
        "rounds": rounds + 1,
        "setup_seconds": round(setup_seconds, 2),
        "converged": converged is not None,
        "seconds_to_converge": round(converged, 2) if converged is not None else None,
        # Each round is one look by every quiet kiosk; a running kiosk looks at least every LOOK_EVERY_MS.
        "rounds_to_converge": rounds - newest_round + 1 if converged is not None else None,
        "final_versions": sorted(set(versions)),
        "bad_content_ever_shown": len(bad_seen),
        "imports": len(imports),
        "import_seconds_median": round(statistics.median(imports), 3) if imports else None,
        "import_seconds_max": round(max(imports), 3) if imports else None,
        "look_seconds_median": round(statistics.median(looks), 4) if looks else None,
        "files_left_in_folder": refused,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the simulation, print the figures, exit 0 if every kiosk converged on good content only."""
    parser = argparse.ArgumentParser(prog="python -m bench.fleet", description=__doc__.split("\n\n")[0])
    parser.add_argument("--kiosks", type=int, default=50)
    parser.add_argument("--seed", type=int, default=15)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    arguments = parser.parse_args(argv)
    figures = run(arguments.kiosks, arguments.seed)
    print("| figure | value |\n| --- | --- |")
    for key, value in figures.items():
        print(f"| {key.replace('_', ' ')} | {value} |")
    if arguments.json:
        arguments.json.parent.mkdir(parents=True, exist_ok=True)
        arguments.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0 if figures["converged"] and not figures["bad_content_ever_shown"] else 1


if __name__ == "__main__":
    sys.exit(main())
