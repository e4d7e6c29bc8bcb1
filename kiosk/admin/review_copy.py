"""`kiosk-admin review-copy --out FILE.pdf [--language es]`: every text a patient can read, grouped by screen, as
one PDF for the clinic doctor to read and sign, with each card's evidence level, sources and who checked it last.
In another language the patient's words are those patients see in it; the headings around them stay English."""

import argparse
import datetime
import html
import os
from pathlib import Path

from kiosk.admin.console import DONE, open_library, refuse, say
from kiosk.content.guide_schema import UNPROVEN_HEADING
from kiosk.content.languages import ENGLISH, content_in, guidance_in, language_name, translated_languages
from kiosk.content.sign_off import due_for_check
from kiosk.storage.rows import NOT_CHECKED, CheckedBy, Content, Topic, Treatment

STYLE = ".small { font-size: 9pt; color: #333333; } .warn { color: #8e1b1b; } td { padding: 3pt 6pt; }"
H1 = '<h1 style="font-size: 20pt;">'
H2 = '<h2 style="font-size: 15pt; color: #0b4f5c;">'
H3 = '<h3 style="font-size: 11.5pt;">'


def _e(text: str) -> str:
    return html.escape(text, quote=False)


def _para(text: str, css: str = "") -> str:
    return f'<p class="{css}">{_e(text)}</p>' if css else f"<p>{_e(text)}</p>"


def _bullets(entries: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{_e(entry)}</li>" for entry in entries) + "</ul>"


def _numbered(entries: tuple[str, ...]) -> str:
    return "<ol>" + "".join(f"<li>{_e(entry)}</li>" for entry in entries) + "</ol>"


def _titled(title: str, body: str) -> str:
    return f"{H3}{_e(title)}</h3>{body}"


def _checked(checked_by: CheckedBy | None) -> str:
    return _para(f"{checked_by.line}." if checked_by else f"{NOT_CHECKED}.", "small")


def _cover(content: Content, guidance: str, months: int, language: str) -> str:
    due = due_for_check(content, months)
    today = datetime.date.today().isoformat()
    in_language = "" if language == ENGLISH else f" in {language_name(language)}"
    parts = [
        f"{H1}Patient text for clinical review{_e(in_language)}</h1>",
        _para(f"Every text a patient can read on the kiosk{in_language}, grouped by screen, as published on {today}."),
        _para(
            f"{len(content.treatments)} treatment cards, {len(content.cause_groups)} cause pages, the warning signs, "
            f"{len(content.topics)} topic screen(s), {len(content.pictures)} picture-guide patterns and "
            f"{len(content.glossary)} words explained."
        ),
        _para(f"Due for a new check (not checked in the last {months} months): {len(due)}."),
        _para(
            "A text without an up-to-date translation is shown in English here, as patients see it. The headings "
            "around the texts are in English."
        )
        if in_language
        else "",
        "<table><tr><td>Checked by (name):</td><td>______________________________</td></tr>"
        "<tr><td>Role:</td><td>______________________________</td></tr>"
        "<tr><td>Date:</td><td>______________</td><td>Signature:</td><td>______________________</td></tr></table>",
        f"{H2}On every screen</h2>",
        _titled("Doctor guidance", _para(guidance)),
    ]
    return "".join(parts)


def _fixed_words() -> str:
    """The interface's own sentences that carry a medical message (the rest is labels like Back and Home), in the
    interface language as the screens show them."""
    from kiosk.ui.painted import evidence_words
    from kiosk.ui.screens.cause import UNPROVEN_NOTE
    from kiosk.ui.screens.compare import MEANING
    from kiosk.ui.screens.pictures import ONLY_A_DOCTOR
    from kiosk.ui.screens.red_flags import LEAD
    from kiosk.ui.translation import translate

    meanings = tuple(f"{evidence_words(level)}: {translate('CompareScreen', text)}" for level, text in MEANING.items())
    parts = [
        f"{H2}Words the screens always show</h2>",
        _titled("What actually works? (evidence levels)", _bullets(meanings)),
    ]
    parts.append(_titled(UNPROVEN_HEADING, _para(translate("CauseScreen", UNPROVEN_NOTE))))
    parts.append(_titled("See a doctor soon if…", _para(translate("RedFlagsScreen", LEAD))))
    return "".join(parts + [_titled("What does it look like?", _para(translate("PicturesScreen", ONLY_A_DOCTOR)))])


def _causes(content: Content) -> str:
    parts = [f"{H2}Screen: What might be causing it?</h2>"]
    parts += [_titled(group.title, _para(group.summary)) for group in content.cause_groups]
    for group in content.cause_groups:
        parts.append(f"{H2}Screen: cause page, {_e(group.title)}</h2>")
        parts.append(_titled("Key points", _bullets(group.key_points)) + _para(group.summary))
        for condition in group.conditions:
            body = _para(condition.what_it_is)
            body += _titled("Signs that fit", _bullets(condition.signs)) if condition.signs else ""
            body += _titled("What your doctor may check", _bullets(condition.doctor_checks))
            names = tuple(content.treatment(card_id).name for card_id in condition.treatment_ids)
            body += _titled("Treatments that may help", _bullets(names)) if names else ""
            unproven = tuple(content.treatment(card_id).name for card_id in condition.unproven_ids)
            body += _titled(UNPROVEN_HEADING, _bullets(unproven)) if unproven else ""
            parts.append(f"{H3}{_e(condition.title)}</h3>{body}")
        parts.append(_titled("What to do next", _numbered(group.next_steps)) + _checked(group.checked_by))
    return "".join(parts)


def _red_flags(content: Content) -> str:
    page = content.red_flags_page
    return (
        f"{H2}Screen: See a doctor soon if…</h2>"
        + _titled("Warning signs", _bullets(content.red_flags))
        + _titled("What to do next", _numbered(page.next_steps))
        + _checked(page.checked_by)
    )


def _card(card: Treatment) -> str:
    from kiosk.ui.painted import evidence_words

    fields = (
        ("What it is", card.what_it_is), ("How it is used", card.how_used), ("Is it approved?", card.status),
        ("Who it may help", card.who_may_help), ("When you might see results", card.results_time),
        ("If you stop", card.if_you_stop), ("Side effects", card.side_effects),
        ("Who must not use it, or must ask first", card.who_must_avoid),
    )  # fmt: skip
    parts = [f"{H2}Screen: card, {_e(card.name)}</h2>", _titled("Key points", _bullets(card.key_points))]
    parts.append(_para(card.summary))
    parts.append(f"<p><b>Evidence: {_e(evidence_words(card.evidence))}.</b> {_e(card.evidence_reason)}</p>")
    help_now = _bullets(card.get_help_now) + f'<p class="warn"><b>{_e(card.get_help_action)}</b></p>'
    parts.append(_titled("Get help now if…", help_now))
    parts += [_titled(title, _para(text)) for title, text in fields]
    parts.append(_titled("What to do next", _numbered(card.next_steps)))
    parts.append(_titled("Questions to ask your doctor", _bullets(card.questions)))
    parts.append(_para(f"Sources: {', '.join(card.sources)}. Sources last checked: {card.last_reviewed}.", "small"))
    parts.append(_checked(card.checked_by))
    return "".join(parts)


def _topic(topic: Topic, content: Content) -> str:
    parts = [f"{H2}Screen: {_e(topic.title)}</h2>", _titled("Key points", _bullets(topic.key_points))]
    parts.append(_para(topic.summary))
    parts += [_titled(part.title, _bullets(part.entries)) for part in topic.sections]
    names = tuple(content.treatment(card_id).name for card_id in topic.treatment_ids)
    parts.append(_titled("Read more", _bullets(names)) if names else "")
    parts.append(_titled("What to do next", _numbered(topic.next_steps)))
    parts.append(_para(f"Sources: {', '.join(topic.sources)}.", "small") + _checked(topic.checked_by))
    return "".join(parts)


def _pictures(content: Content) -> str:
    parts = [f"{H2}Screen: What does it look like?</h2>"]
    for pattern in content.pictures:
        causes = ", ".join(content.cause_group(cause_id).title for cause_id in pattern.cause_ids)
        body = _para(pattern.caption) + _para(f"Described for screen readers: {pattern.description}", "small")
        parts.append(_titled(pattern.title, body + _para(f"Leads to: {causes}.", "small")))
    return "".join(parts)


def review_html(content: Content, guidance: str, months: int, language: str = ENGLISH) -> str:
    """The whole review copy as HTML (every text escaped): `content` and `guidance` as given, the interface's own
    sentences in the interface language."""
    cover = _cover(content, guidance, months, language)
    parts = [f"<html><head><style>{STYLE}</style></head><body>", cover, _fixed_words()]
    parts += [_causes(content), _red_flags(content)]
    parts += [_topic(topic, content) for topic in content.topics]
    parts.append(_pictures(content))
    parts += [_card(card) for card in content.treatments]
    words = "".join(_titled(term.term, _para(term.meaning)) for term in content.glossary)
    parts.append(f"{H2}Screen: Words explained</h2>{words}</body></html>")
    return "".join(parts)


def write_review_pdf(content: Content, guidance: str, months: int, out: Path, language: str = ENGLISH) -> int:
    """Write the review copy in `language` to `out` with Qt's own PDF writer; the number of pages."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QMarginsF
    from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

    from kiosk.app import ensure_application
    from kiosk.ui.translation import use_language

    ensure_application()
    use_language(language)  # the screens' own sentences, as patients read them in it
    if language != ENGLISH:
        content, guidance = content_in(content, language), guidance_in(content, guidance, language)
    writer = QPdfWriter(str(out))
    writer.setTitle("Hair-loss kiosk: patient text for clinical review")
    writer.setCreator("kiosk-admin review-copy")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.Letter))
    writer.setPageOrientation(QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(20, 18, 20, 18), QPageLayout.Unit.Millimeter)
    document = QTextDocument()
    font = QFont("Atkinson Hyperlegible")
    font.setPointSizeF(10.5)  # points, not the screen's pixels: the PDF is 1200 dots to the inch
    document.setDefaultFont(font)
    document.setHtml(review_html(content, guidance, months, language))
    document.setPageSize(writer.pageLayout().paintRectPoints().size().toSizeF())
    document.print_(writer)
    return document.pageCount()


def command_review_copy(arguments: argparse.Namespace) -> int:
    """Write every patient-visible text, grouped by screen, to one PDF for the clinic doctor to sign."""
    out: Path = arguments.out
    if out.suffix.lower() != ".pdf":
        return refuse(f"The file name must end in .pdf, like review.pdf (not '{out.name}'). Nothing was written.")
    if not out.parent.is_dir():
        return refuse(f"The folder {out.parent} does not exist. Make it first, or choose another place.")
    library = open_library(arguments)  # brings an older database up to date, as every command does
    try:
        content, settings = library.content(), library.settings()
    finally:
        library.close()
    language = arguments.language
    offered = translated_languages(content)
    if language != ENGLISH and language not in offered:
        others = ", ".join(f"{code} ({language_name(code)})" for code in (ENGLISH, *offered))
        return refuse(
            f"The content has no '{language}' translation. After --language, type one of: {others}. "
            "Nothing was written."
        )
    pages = write_review_pdf(content, settings.doctor_guidance, settings.check_after_months, out, language)
    say(f"Wrote {out} ({pages} pages). Print it for the clinic doctor to read, sign and date.")
    return DONE


def add_review_copy_command(commands) -> None:
    """Register `review-copy` with kiosk-admin's subcommands."""
    about = command_review_copy.__doc__
    review = commands.add_parser("review-copy", help="write every patient text to one PDF", description=about)
    review.add_argument("--out", type=Path, required=True, help="the PDF file to write, like review.pdf")
    review.add_argument(
        "--language", default=ENGLISH, help="the patients' language to review, like es for Spanish (default en)"
    )
    review.set_defaults(run=command_review_copy)
