"""Hair-loss education kiosk: a touchscreen guide for clinic waiting rooms."""

__version__ = "0.1.0"
