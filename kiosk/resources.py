"""Where the shipped files are: inside the installed package, or at the top of a source checkout."""

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _shipped(name: str) -> Path:
    installed = _PACKAGE / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / name


def migrations_dir() -> Path:
    """The folder of numbered SQL migration files."""
    return _shipped("db")


def assets_dir() -> Path:
    """The folder of bundled content, icons and other assets."""
    return _shipped("assets")


def bundled_content_dir() -> Path:
    """The folder of the bundled content source files."""
    return assets_dir() / "content"


def icon_path(name: str) -> Path:
    """The SVG file of a bundled icon."""
    return assets_dir() / "icons" / f"{name}.svg"


def icon_names() -> list[str]:
    """The names of every bundled icon."""
    return sorted(path.stem for path in (assets_dir() / "icons").glob("*.svg"))


def ui_file(name: str) -> Path:
    """A file that belongs to the UI package (the stylesheet)."""
    return _PACKAGE / "ui" / name


def picture_path(name: str) -> Path:
    """The SVG file of a drawing in the "What does it look like?" guide."""
    return assets_dir() / "pictures" / f"{name}.svg"


def translations_dir() -> Path:
    """The folder of the interface translation sources (`kiosk_<language>.ts`)."""
    return assets_dir() / "i18n"


def translation_source(language: str) -> Path:
    """The interface translation source of `language` (`kiosk_<language>.ts`)."""
    return translations_dir() / f"kiosk_{language}.ts"


def compiled_translations_dir() -> Path:
    """Where an installed kiosk keeps the compiled translations (`kiosk_<language>.qm`, made by the wheel's build
    hook); a source checkout has no such folder."""
    return _PACKAGE / "_data" / "i18n"
