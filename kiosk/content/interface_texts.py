"""The interface's own words and their translations, read from the Qt translation sources (assets/i18n/*.ts).

Pure Python (no Qt): `kiosk-admin check` lists the words a language still lacks, and tests use the English
words to find any left untranslated on screen."""

import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

from kiosk.resources import translation_source, translations_dir


@dataclass(frozen=True)
class InterfaceText:
    """One interface string: where it is used (its context), the English, and its translation ("" if none)."""

    context: str
    english: str
    translation: str

    @property
    def translated(self) -> bool:
        """Whether a patient sees it in the language (else Qt shows the English)."""
        return bool(self.translation.strip())


def interface_languages() -> tuple[str, ...]:
    """The languages besides English that have an interface translation file."""
    return tuple(sorted(path.stem.removeprefix("kiosk_") for path in translations_dir().glob("kiosk_*.ts")))


def interface_texts(language: str) -> tuple[InterfaceText, ...]:
    """Every interface string in the translation file of `language`; an "unfinished" entry counts as missing
    (Qt's lrelease leaves it out), and so does a plural with any empty form. No file: no strings."""
    path = translation_source(language)
    if not path.exists():
        return ()
    texts = []
    for context in ElementTree.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            if message.get("type") in ("obsolete", "vanished"):
                continue
            translation = message.find("translation")
            forms = [form.text or "" for form in translation.iter("numerusform")] if translation is not None else []
            text = "" if translation is None else (translation.text or "")
            if forms:
                text = forms[0] if all(form.strip() for form in forms) else ""
            if translation is not None and translation.get("type") in ("unfinished", "obsolete", "vanished"):
                text = ""
            texts.append(InterfaceText(name, message.findtext("source", ""), text))
    return tuple(texts)


def missing_interface_texts(language: str) -> tuple[InterfaceText, ...]:
    """The interface strings patients would read in English in `language`."""
    return tuple(text for text in interface_texts(language) if not text.translated)
