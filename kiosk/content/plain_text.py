"""What every text the kiosk stores must be: plain words, with no control characters."""

import re

CONTROL_CHARACTERS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")  # tab and the like; a newline is allowed
