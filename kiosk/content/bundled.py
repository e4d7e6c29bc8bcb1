"""Loading the bundled content from its reviewable TOML files in assets/content/.

Layout: index.toml (display order and default settings), treatments/<id>.toml, causes/<id>.toml,
red_flags.toml, glossary.toml, topics.toml (screens like "Living with hair loss") and pictures.toml (the
"What does it look like?" guide; drawings in assets/pictures). The file name must match the item's id.
Translations sit beside them in one overlay folder per language (es/, …), read by kiosk.content.overlays.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.content.guide_schema import check_guide, parse_picture, parse_red_flags_page, parse_topic
from kiosk.content.overlays import read_overlays
from kiosk.content.schema import (
    ContentError,
    Problem,
    check_whole,
    parse_cause_group,
    parse_glossary,
    parse_red_flags,
    parse_treatment,
)
from kiosk.resources import bundled_content_dir
from kiosk.storage.rows import Content


@dataclass(frozen=True)
class Bundle:
    """The bundled content and the default settings that come with it."""

    content: Content
    default_settings: dict[str, str]


def _read_toml(path: Path, problems: list[Problem]) -> dict[str, Any]:
    try:
        with path.open("rb") as file:
            return tomllib.load(file)
    except FileNotFoundError:
        problems.append(Problem(str(path), "", "", "file is missing"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        problems.append(Problem(str(path), "", "", f"is not valid TOML ({error})"))
    return {}


def _ordered_items(folder: Path, order: list[str], label: str, problems: list[Problem]) -> list[tuple[Path, dict]]:
    files = {path.stem: path for path in folder.glob("*.toml")}
    for stray in sorted(set(files) - set(order)):
        problems.append(Problem(str(files[stray]), stray, "", f"is not listed in index.toml '{label}'"))
    items = []
    for item_id in order:
        path = folder / f"{item_id}.toml"
        raw = _read_toml(path, problems)
        if raw and raw.get("id") != item_id:
            problems.append(Problem(str(path), item_id, "id", "must match the file name"))
        items.append((path, raw))
    return items


def _listed(value: Any, path: Path, name: str, problems: list[Problem]) -> list:
    if isinstance(value, list):
        return value
    problems.append(Problem(str(path), "", name, f"must be a list of [[{name}]] tables"))
    return []


def load_bundle(folder: Path | None = None) -> Bundle:
    """Read and check every bundled file; ContentError lists every problem found."""
    folder = folder or bundled_content_dir()
    problems: list[Problem] = []
    index = _read_toml(folder / "index.toml", problems)
    treatment_order = index.get("treatments", [])
    cause_order = index.get("causes", [])
    if not isinstance(treatment_order, list) or not isinstance(cause_order, list):
        raise ContentError([Problem(str(folder / "index.toml"), "", "treatments", "must be lists of ids")])

    treatments = []
    for position, (path, raw) in enumerate(
        _ordered_items(folder / "treatments", treatment_order, "treatments", problems)
    ):
        treatment = parse_treatment(raw, str(path), problems, position) if raw else None
        if treatment:
            treatments.append(treatment)
    groups = []
    for position, (path, raw) in enumerate(_ordered_items(folder / "causes", cause_order, "causes", problems)):
        group = parse_cause_group(raw, str(path), problems, position) if raw else None
        if group:
            groups.append(group)

    red_flags_path = folder / "red_flags.toml"
    red_flags_raw = _read_toml(red_flags_path, problems)
    red_flags = parse_red_flags(red_flags_raw.get("flags"), str(red_flags_path), problems)
    red_flags_page = parse_red_flags_page(
        {key: value for key, value in red_flags_raw.items() if key != "flags"}, str(red_flags_path), problems
    )
    glossary_path = folder / "glossary.toml"
    glossary = parse_glossary(_read_toml(glossary_path, problems).get("term", []), str(glossary_path), problems)
    topics_path, pictures_path = folder / "topics.toml", folder / "pictures.toml"
    raw_topics = _listed(_read_toml(topics_path, problems).get("topic", []), topics_path, "topic", problems)
    topics = [topic for i, raw in enumerate(raw_topics) if (topic := parse_topic(raw, str(topics_path), problems, i))]
    raw_pictures = _listed(_read_toml(pictures_path, problems).get("pattern", []), pictures_path, "pattern", problems)
    pictures = [p for i, raw in enumerate(raw_pictures) if (p := parse_picture(raw, str(pictures_path), problems, i))]

    content = Content(
        tuple(treatments), tuple(groups), red_flags, glossary, red_flags_page, tuple(topics), tuple(pictures)
    )

    def where_of(kind: str, item_id: str) -> str:
        if kind == "treatment" and item_id:
            return str(folder / "treatments" / f"{item_id}.toml")
        if kind == "cause" and item_id:
            return str(folder / "causes" / f"{item_id}.toml")
        if kind == "red_flags":
            return str(red_flags_path)
        if kind == "glossary":
            return str(glossary_path)
        if kind == "topic":
            return str(topics_path)
        if kind == "picture":
            return str(pictures_path)
        return str(folder / "index.toml")

    unreadable = frozenset(i for i in treatment_order if isinstance(i, str)) - {t.id for t in treatments}
    check_whole(content, where_of, problems, unreadable)
    unreadable_causes = frozenset(i for i in cause_order if isinstance(i, str)) - {group.id for group in groups}
    check_guide(content, where_of, problems, unreadable_causes)
    if problems:
        raise ContentError(problems)
    defaults = {key: str(value) for key, value in index.get("settings", {}).items()}
    content = read_overlays(folder, content, defaults.get("doctor_guidance", ""), problems)
    if problems:
        raise ContentError(problems)
    return Bundle(content, defaults)
