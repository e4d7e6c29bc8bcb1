"""The bundled content files load cleanly, hold every required card and cause, and bad files are refused
with a message that names the file, the item and the field, without leaving half-loaded content behind."""

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.content import bundled, library
from kiosk.content.bundled import load_bundle
from kiosk.content.library import install_bundled_content
from kiosk.content.schema import ContentError
from kiosk.resources import bundled_content_dir
from kiosk.storage.content_tables import has_content, read_content
from kiosk.storage.db import open_database
from kiosk.storage.rows import Evidence

REQUIRED_CARDS = (
    # From the source material
    "minoxidil-topical",
    "minoxidil-oral",
    "minoxidil-melatonin",
    "finasteride",
    "ketoconazole-shampoo",
    "laser-light",
    "peptides",
    "exosomes",
    "prp",
    "microneedling-hyaluronic",
    "vitamin-d",
    "vitamin-b12",
    "zinc",
    "biotin",
    "vitamins-ace",
    "thyroid-treatment",
    "anti-androgens-women",
    "menopause-hrt",
    # Beyond the source material
    "dutasteride",
    "iron",
    "steroids-alopecia-areata",
    "jak-inhibitors",
)

# Evidence levels as re-checked against the facts file (/work/shared/content-facts.md), with the reason for each.
# Where the facts give two levels, the lower one is used unless the kiosk's meaning clearly fits the higher.
EXPECTED_EVIDENCE = {
    "minoxidil-topical": (Evidence.STRONG, "many good trials; FDA-approved for pattern hair loss"),
    "finasteride": (Evidence.STRONG, "many good trials; FDA-approved for male pattern hair loss since 1997"),
    "thyroid-treatment": (Evidence.STRONG, "treating a thyroid problem stops the shedding it causes"),
    "jak-inhibitors": (Evidence.STRONG, "large trials; FDA-approved for severe alopecia areata"),
    "minoxidil-oral": (Evidence.MODERATE, "growing number of studies; a 2024 randomised trial; off-label"),
    "dutasteride": (Evidence.MODERATE, "some good studies, approved in South Korea and Japan; off-label in the US"),
    "prp": (Evidence.MODERATE, "many small trials, methods differ, results vary"),
    "laser-light": (
        Evidence.MODERATE,
        "moderate-to-limited: randomised trials, mostly paid for by makers; results vary",
    ),
    "steroids-alopecia-areata": (Evidence.MODERATE, "standard treatment for alopecia areata; trials vary"),
    "hair-transplant": (Evidence.MODERATE, "works for stable pattern loss; depends on donor hair"),
    "anti-androgens-women": (Evidence.LIMITED, "moderate/limited: few good trials (Cochrane 2016); the lower level"),
    "minoxidil-melatonin": (Evidence.LIMITED, "only small studies of topical melatonin"),
    "ketoconazole-shampoo": (Evidence.LIMITED, "a few small studies, as an add-on"),
    "microneedling-hyaluronic": (Evidence.LIMITED, "microneedling with minoxidil has small trials; the mixes little"),
    "vitamin-d": (Evidence.LIMITED, "may help only if levels are low"),
    "vitamin-b12": (Evidence.LIMITED, "helps only if deficient"),
    "zinc": (Evidence.LIMITED, "helps only if deficient"),
    "iron": (Evidence.LIMITED, "low ferritin is linked to shedding; helps only if low"),
    "vitamins-ace": (Evidence.LIMITED, "little research; too much vitamin A causes hair loss"),
    "cosmetic-options": (Evidence.LIMITED, "they hide hair loss; they do not treat it"),
    "menopause-hrt": (Evidence.NOT_PROVEN, "not tested as a hair-loss treatment; only for menopause symptoms"),
    "peptides": (Evidence.NOT_PROVEN, "not proven / limited: lab and small studies only; the lower level"),
    "exosomes": (Evidence.NOT_PROVEN, "no good human trials; FDA warning December 2019"),
    "biotin": (Evidence.NOT_PROVEN, "not proven for people who are not deficient; deficiency is rare"),
}

REQUIRED_CONDITIONS = {
    "hormonal": {"thyroid", "high-androgens-pcos", "menopause", "after-pregnancy"},
    "nutritional": {
        "low-iron",
        "low-vitamin-d",
        "low-vitamin-b12",
        "low-zinc",
        "low-protein-crash-diets",
        "too-much-vitamin-a-selenium",
    },
    "genetic": {"male-pattern", "female-pattern"},
    "other": {
        "stress-shedding",
        "alopecia-areata",
        "medicines",
        "tight-hairstyles",
        "scalp-ringworm",
        "scarring-hair-loss",
        "normal-shedding",
        "chemotherapy",
        "hair-breakage",
    },
}

CONTENT_TABLES = (
    "treatment", "cause_group", "condition", "condition_treatment", "red_flag", "glossary", "red_flags_page", "topic",
    "picture_pattern",
)  # fmt: skip


@pytest.fixture(scope="module")
def bundle():
    return load_bundle()


def test_bundled_content_loads_without_problems(bundle):
    assert bundle.content.treatments
    assert bundle.default_settings["doctor_guidance"]


def test_every_required_card_exists(bundle):
    ids = [card.id for card in bundle.content.treatments]
    missing = [card_id for card_id in REQUIRED_CARDS if card_id not in ids]
    assert not missing, f"missing treatment cards: {missing}"
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("card_id", "level", "reason"), [(c, *v) for c, v in EXPECTED_EVIDENCE.items()])
def test_evidence_level_matches_the_facts_file(bundle, card_id, level, reason):
    card = bundle.content.treatment(card_id)
    assert card.evidence is level, f"treatments/{card_id}.toml evidence: the re-check gave {level.value} ({reason})"
    assert card.evidence_reason, f"treatments/{card_id}.toml evidence_reason: say why"


def test_every_card_has_a_rechecked_evidence_level(bundle):
    assert {card.id for card in bundle.content.treatments} == set(EXPECTED_EVIDENCE)


def test_cause_groups_are_in_order_with_their_icons_and_titles(bundle):
    groups = bundle.content.cause_groups
    assert [group.id for group in groups] == ["hormonal", "nutritional", "genetic", "other"]
    assert [group.icon for group in groups] == ["hormonal", "nutritional", "genetic", "other"]
    assert bundle.content.cause_group("other").title == "Not sure / other causes"


@pytest.mark.parametrize(("group_id", "required"), REQUIRED_CONDITIONS.items())
def test_every_cause_group_has_its_required_conditions(bundle, group_id, required):
    present = {condition.id for condition in bundle.content.cause_group(group_id).conditions}
    assert required <= present, f"causes/{group_id}.toml is missing {sorted(required - present)}"


def test_every_link_resolves_and_every_card_is_reachable(bundle):
    content = bundle.content
    card_ids = {card.id for card in content.treatments}
    linked = set()
    for group in content.cause_groups:
        for condition in group.conditions:
            for card_id in condition.treatment_ids:
                assert card_id in card_ids, f"causes/{group.id}.toml {condition.id} links to unknown '{card_id}'"
                linked.add(card_id)
        content.treatments_for_group(group.id)  # the UI's lookup must not raise
    # Cards not linked from a cause are still reachable from the all-treatments list (index.toml order).
    assert card_ids <= linked | {card.id for card in content.treatments}
    # Most conditions point to something a patient can read about.
    conditions = [c for group in content.cause_groups for c in group.conditions]
    assert sum(1 for c in conditions if c.treatment_ids) * 2 > len(conditions)


def test_red_flags_cover_the_full_list(bundle):
    flags = " ".join(bundle.content.red_flags).lower()
    for words in ("suddenly", "clumps", "round bald patches", "sore", "red", "scaly", "pus", "scars",
                  "eyebrows", "eyelashes", "child", "new medicine", "tired", "weight", "cold or hot",
                  "woman", "acne", "extra hair", "periods"):  # fmt: skip
        assert words in flags, f"red_flags.toml: nothing about '{words}'"


def test_glossary_explains_the_hard_words(bundle):
    terms = {term.term for term in bundle.content.glossary}
    for needed in ("DHT", "Androgens", "Ferritin", "Off-label", "FDA-approved", "FDA-cleared",
                   "Telogen effluvium", "Alopecia areata", "PRP", "Deficiency", "Compounded"):  # fmt: skip
        assert needed in terms, f"glossary.toml: add '{needed}'"
    assert len(terms) == len(bundle.content.glossary), "glossary.toml: a term is listed twice"


# --- Broken copies of the bundle -------------------------------------------------------------------


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of assets/content that a test may break."""
    folder = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), folder)
    return folder


def _replace_once(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"test setup: '{old}' is not in {path.name} exactly once"
    path.write_text(text.replace(old, new), encoding="utf-8")


def _missing_field(folder: Path) -> None:
    path = folder / "treatments" / "finasteride.toml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(line for line in lines if not line.startswith("side_effects")), encoding="utf-8")


def _unknown_evidence(folder: Path) -> None:
    _replace_once(folder / "treatments" / "prp.toml", 'evidence = "moderate"', 'evidence = "excellent"')


MALE_PATTERN_LINKS = '  "hair-transplant",\n]\nnot_shown_to_work = ["peptides", "exosomes"]\n\n[[conditions]]'


def _link_to_missing_card(folder: Path) -> None:
    linked = MALE_PATTERN_LINKS.replace('"hair-transplant",', '"hair-transplant",\n  "hair-tonic",')
    _replace_once(folder / "causes" / "genetic.toml", MALE_PATTERN_LINKS, linked)


def _invalid_toml(folder: Path) -> None:
    _replace_once(folder / "treatments" / "zinc.toml", 'evidence = "limited"', 'evidence = limited"')


def _file_not_in_index(folder: Path) -> None:
    source = (folder / "treatments" / "zinc.toml").read_text(encoding="utf-8")
    (folder / "treatments" / "hair-tonic.toml").write_text(
        source.replace('id = "zinc"', 'id = "hair-tonic"'), encoding="utf-8"
    )


def _listed_but_missing(folder: Path) -> None:
    (folder / "treatments" / "biotin.toml").unlink()


def _id_not_matching_file_name(folder: Path) -> None:
    _replace_once(folder / "treatments" / "iron.toml", 'id = "iron"', 'id = "iron-tablets"')


def _empty_question_list(folder: Path) -> None:
    path = folder / "treatments" / "vitamin-d.toml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("questions = ["), text.index("]\nsources")
    path.write_text(text[:start] + 'questions = ["Is it safe?"' + text[end:], encoding="utf-8")


def _card_without_get_help_now(folder: Path) -> None:
    path = folder / "treatments" / "minoxidil-oral.toml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("get_help_now = ["), text.index("get_help_action")
    path.write_text(text[:start] + text[end:], encoding="utf-8")


def _not_proven_card_among_options(folder: Path) -> None:
    among = MALE_PATTERN_LINKS.replace('"hair-transplant",', '"hair-transplant",\n  "exosomes",')
    _replace_once(folder / "causes" / "genetic.toml", MALE_PATTERN_LINKS, among.replace(', "exosomes"]', "]"))


def _checked_in_the_future(folder: Path) -> None:
    path = folder / "treatments" / "finasteride.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("date = 2026-11-30", "date = 2999-01-01"), encoding="utf-8")


def _picture_missing(folder: Path) -> None:
    _replace_once(folder / "pictures.toml", 'picture = "round-patches"', 'picture = "round-spots"')


def _picture_not_svg(folder: Path, monkeypatch) -> None:
    pictures = folder.parent / "assets" / "pictures"
    shutil.copytree(bundled_content_dir().parent / "pictures", pictures)
    (pictures / "broken-hairs.svg").write_text("<svg><path d='M0 0'></svg>", encoding="utf-8")
    monkeypatch.setattr("kiosk.content.guide_schema.picture_path", lambda name: pictures / f"{name}.svg")


# (how to break the copy, file named, item named, field named, words from the message)
BREAKAGES: list[tuple[Callable[[Path], None], str, str, str, str]] = [
    (_missing_field, "treatments/finasteride.toml", "finasteride", "side_effects", "missing"),
    (_unknown_evidence, "treatments/prp.toml", "prp", "evidence", "'excellent' is not an evidence level"),
    (_link_to_missing_card, "causes/genetic.toml", "male-pattern", "treatments", "'hair-tonic' that does not exist"),
    (_id_not_matching_file_name, "treatments/iron.toml", "iron", "id", "must match the file name"),
    (_empty_question_list, "treatments/vitamin-d.toml", "vitamin-d", "questions", "give 2 to 4"),
    (_card_without_get_help_now, "treatments/minoxidil-oral.toml", "minoxidil-oral", "get_help_now", "missing"),
    (
        _not_proven_card_among_options,
        "causes/genetic.toml",
        "male-pattern",
        "treatments",
        "'exosomes', a Not proven card",
    ),
    (_checked_in_the_future, "treatments/finasteride.toml", "finasteride", "checked_by.date", "is in the future"),
    (_picture_missing, "pictures.toml", "round-patches", "picture", "there is no drawing called 'round-spots'"),
    (_picture_not_svg, "pictures.toml", "broken-hairs", "picture", "is not a valid SVG file"),
]


@pytest.mark.parametrize(
    ("breakage", "file", "item", "field", "words"), BREAKAGES, ids=[case[0].__name__[1:] for case in BREAKAGES]
)
def test_a_broken_file_is_refused_naming_file_item_and_field(
    content_copy, monkeypatch, breakage, file, item, field, words
):
    breakage(content_copy, monkeypatch) if breakage is _picture_not_svg else breakage(content_copy)
    with pytest.raises(ContentError) as caught:
        load_bundle(content_copy)
    message = str(caught.value)
    line = next((line for line in message.splitlines() if f"field '{field}'" in line and file in line), "")
    assert line, f"no problem names {file} and field '{field}':\n{message}"
    assert f"item '{item}'" in line and words in line, line


def test_invalid_toml_is_refused_naming_the_file_and_the_line(content_copy):
    # A file that is not TOML cannot be read item by item, so the message names the file and the place.
    _invalid_toml(content_copy)
    path = content_copy / "treatments" / "zinc.toml"
    broken_line = path.read_text(encoding="utf-8").splitlines().index('evidence = limited"') + 1
    with pytest.raises(ContentError) as caught:
        load_bundle(content_copy)
    line = next(line for line in str(caught.value).splitlines() if line.startswith(str(path)))
    assert "is not valid TOML" in line and f"line {broken_line}" in line, line


def test_a_file_not_listed_in_the_index_is_refused(content_copy):
    _file_not_in_index(content_copy)
    with pytest.raises(ContentError) as caught:
        load_bundle(content_copy)
    message = str(caught.value)
    path = content_copy / "treatments" / "hair-tonic.toml"
    assert f"{path}, item 'hair-tonic': is not listed in index.toml 'treatments'" in message, message


def test_a_listed_file_that_is_missing_is_refused(content_copy):
    _listed_but_missing(content_copy)
    with pytest.raises(ContentError) as caught:
        load_bundle(content_copy)
    assert f"{content_copy / 'treatments' / 'biotin.toml'}: file is missing" in str(caught.value)


def test_every_problem_is_reported_at_once(content_copy):
    _missing_field(content_copy)
    _unknown_evidence(content_copy)
    _link_to_missing_card(content_copy)
    with pytest.raises(ContentError) as caught:
        load_bundle(content_copy)
    fields = {(problem.item, problem.field) for problem in caught.value.problems}
    assert {("finasteride", "side_effects"), ("prp", "evidence"), ("male-pattern", "treatments")} <= fields


# --- Installing into a database ------------------------------------------------------------------


def _row_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] for table in CONTENT_TABLES}


def _use_bundle_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    monkeypatch.setattr(bundled, "bundled_content_dir", lambda: folder)


def test_bundled_content_installs_into_a_fresh_database(tmp_path, bundle):
    conn = open_database(tmp_path / "kiosk.db")
    try:
        install_bundled_content(conn)
        stored = read_content(conn)
    finally:
        conn.close()
    assert [card.id for card in stored.treatments] == [card.id for card in bundle.content.treatments]
    assert stored.treatment("finasteride") == bundle.content.treatment("finasteride")
    assert stored.cause_groups == bundle.content.cause_groups
    assert stored.red_flags == bundle.content.red_flags
    assert stored.glossary == bundle.content.glossary
    assert stored == bundle.content  # every field, the new safety fields, topics and pictures included


@pytest.mark.parametrize(
    "breakage",
    [
        _missing_field,
        _card_without_get_help_now,
        _not_proven_card_among_options,
        _checked_in_the_future,
        _picture_missing,
    ],
)
def test_a_broken_bundle_leaves_a_fresh_database_empty(tmp_path, content_copy, monkeypatch, breakage):
    breakage(content_copy)
    _use_bundle_folder(monkeypatch, content_copy)
    conn = open_database(tmp_path / "kiosk.db")
    try:
        with pytest.raises(ContentError):
            install_bundled_content(conn)
        assert not has_content(conn)
        assert _row_counts(conn) == dict.fromkeys(CONTENT_TABLES, 0)
        assert conn.execute("SELECT COUNT(*) FROM setting").fetchone()[0] == 0
    finally:
        conn.close()


def test_a_bundle_that_fails_while_writing_leaves_nothing_half_loaded(tmp_path, content_copy, monkeypatch):
    # Two glossary entries with the same term break the table's primary key on the last insert, after
    # every card is written. Either the file checks refuse it, or the whole install rolls back.
    glossary = content_copy / "glossary.toml"
    glossary.write_text(
        glossary.read_text(encoding="utf-8") + '\n[[term]]\nterm = "DHT"\nmeaning = "Said twice."\n',
        encoding="utf-8",
    )
    _use_bundle_folder(monkeypatch, content_copy)
    conn = open_database(tmp_path / "kiosk.db")
    try:
        with pytest.raises((ContentError, sqlite3.IntegrityError)):
            install_bundled_content(conn)
        assert not conn.in_transaction
        assert _row_counts(conn) == dict.fromkeys(CONTENT_TABLES, 0)
    finally:
        conn.close()


def test_a_failure_after_the_content_is_written_rolls_all_of_it_back(tmp_path, monkeypatch):
    # The default settings are written last, in the same transaction as the content.
    def fail(*_args, **_kwargs):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(library, "write_settings", fail)
    conn = open_database(tmp_path / "kiosk.db")
    try:
        with pytest.raises(sqlite3.OperationalError):
            install_bundled_content(conn)
        assert not conn.in_transaction
        assert _row_counts(conn) == dict.fromkeys(CONTENT_TABLES, 0)
    finally:
        conn.close()


def test_a_broken_bundle_keeps_the_content_already_installed(tmp_path, content_copy, monkeypatch, bundle):
    conn = open_database(tmp_path / "kiosk.db")
    try:
        install_bundled_content(conn)
        before = _row_counts(conn)
        _unknown_evidence(content_copy)
        _use_bundle_folder(monkeypatch, content_copy)
        with pytest.raises(ContentError):
            install_bundled_content(conn)
        assert _row_counts(conn) == before
        assert read_content(conn).treatment("prp").evidence is Evidence.MODERATE
    finally:
        conn.close()
