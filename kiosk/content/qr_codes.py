"""QR codes of plain text as PNG pictures, made by segno in a helper process.

segno brings 11 MB of imports with it (its writers pull in urllib and email) and makes a code in 5 to 100 ms
of pure Python. In a short-lived helper process neither touches the kiosk: its memory stays as it was, and no
Python thread competes with the GUI thread while it paints. If the helper cannot run, the codes are made here.
"""

import base64
import io
import json
import logging
import subprocess
import sys

from kiosk.content.helper_process import ask_helper
from kiosk.content.summary import QR_VERSION_LIMIT

log = logging.getLogger("kiosk.qr")
HELPER_TIMEOUT_S = 30


def png_of(text: str, pixels: int) -> bytes:
    """`text` as a QR code PNG about `pixels` across, with whole pixels per module (sharp edges scan best)."""
    import segno

    code = segno.make(text, error="m", micro=False, encoding="utf-8")
    if code.version > QR_VERSION_LIMIT:
        raise ValueError(f"QR version {code.version} is too dense to scan; split the text with qr_parts")
    width, _ = code.symbol_size(scale=1, border=4)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=max(3, pixels // width), border=4)
    return buffer.getvalue()


def pngs_of(texts: list[str], pixels: int) -> list[bytes]:
    """The texts as QR code PNGs, made in the helper process (here, if it cannot run). Blocks: call it from a
    worker thread or a command, never from the GUI thread."""
    try:
        pngs = ask_helper("kiosk.content.qr_codes", {"texts": texts, "pixels": pixels}, HELPER_TIMEOUT_S)
        return [base64.b64decode(png) for png in pngs]
    except (OSError, ValueError, subprocess.SubprocessError) as error:
        log.warning("The QR code helper did not run (%s); making the codes in the kiosk itself", error)
        return [png_of(text, pixels) for text in texts]


def main() -> None:
    """The helper: a JSON request on stdin, a JSON list of base64 PNGs on stdout."""
    request = json.loads(sys.stdin.buffer.read().decode("utf-8"))
    pngs = [base64.b64encode(png_of(text, request["pixels"])).decode("ascii") for text in request["texts"]]
    sys.stdout.write(json.dumps(pngs))


if __name__ == "__main__":
    main()
