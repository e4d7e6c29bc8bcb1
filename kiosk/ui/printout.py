"""The printout and the QR codes as pictures: one page with the clinic name, the questions, the codes and the
doctor guidance, drawn from plain text (never HTML) on any paint device: a printer, or a PDF for review."""

from pathlib import Path

from PySide6.QtCore import QMarginsF, QUrl
from PySide6.QtGui import (
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)

from kiosk.content.qr_codes import pngs_of
from kiosk.content.summary import Summary
from kiosk.ui.printing import QR_SCREEN_PIXELS

PRINT_FONT = "Atkinson Hyperlegible"


def qr_images(texts: list[str], pixels: int = QR_SCREEN_PIXELS) -> list[QImage]:
    """The texts as QR code pictures about `pixels` across (made in a helper process: blocks, so never call it
    on the GUI thread)."""
    return [QImage.fromData(png, "PNG") for png in pngs_of(texts, pixels)]


def paint_summary(device, summary: Summary) -> None:
    """Draw the summary, its QR codes, the clinic name and the doctor guidance on one page of `device`."""
    page = device.pageLayout().paintRectPixels(device.resolution())
    document = summary_document(summary, device.resolution())
    document.setTextWidth(page.width())
    height = document.size().height()
    painter = QPainter(device)
    try:
        scale = min(1.0, page.height() / height) if height else 1.0  # one page: shrink a long summary to fit
        painter.scale(scale, scale)
        document.setTextWidth(page.width() / scale)
        document.drawContents(painter)
    finally:
        painter.end()


def summary_document(summary: Summary, dpi: int) -> QTextDocument:
    """The printout as a text document of plain text (never HTML), in sizes meant for paper at `dpi`."""
    document = QTextDocument()
    cursor = QTextCursor(document)
    points = dpi / 72

    def write(text: str, size: float, bold: bool = False, space_before: float = 0) -> None:
        block = QTextBlockFormat()
        block.setTopMargin(space_before * points)
        chars = QTextCharFormat()
        font = QFont(PRINT_FONT)
        font.setPixelSize(round(size * points))
        font.setBold(bold)
        chars.setFont(font)
        if not cursor.atStart():
            cursor.insertBlock(block, chars)
        else:
            cursor.setBlockFormat(block)
            cursor.setBlockCharFormat(chars)
        cursor.insertText(text, chars)

    words = summary.words  # in the patient's language
    write(summary.clinic_name or words.kiosk_title, 16, bold=True)
    write(words.heading, 22, bold=True, space_before=6)
    for card in summary.cards:
        write(card.name, 15, bold=True, space_before=10)
        for question in card.questions:
            write(f"•  {question}", 13, space_before=3)
        if card.warning:
            write(f"{words.get_help} {card.warning}", 12, space_before=4)
    write(summary.doctor_guidance, 13, bold=True, space_before=14)
    parts = summary.qr_parts()
    write(words.scan, 11, space_before=12)
    cursor.insertBlock()
    for number, picture in enumerate(qr_images(parts, 600), start=1):
        name = f"qr{number}"
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), picture)
        image = QTextImageFormat()
        image.setName(name)
        image.setWidth(1.6 * dpi)  # 4 cm
        image.setHeight(1.6 * dpi)
        cursor.insertImage(image)
        cursor.insertText("  ")
    return document


def write_pdf(summary: Summary, path: Path) -> Path:
    """The printout as a one-page A4 PDF (for review, and for tests)."""
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(summary.words.heading)
    paint_summary(writer, summary)
    return path
