"""Printed workshop materials: four A4 PDFs per kit, in Finnish or English, written all or nothing."""

import io

import pypdf
import pytest

from servicepath.errors import SaveError, ServicepathError
from servicepath.export import kit_print
from servicepath.export.kit_print import PRINT_KINDS, print_kit, sheet_kind
from servicepath.figures import style
from servicepath.i18n import label
from servicepath.io.kits import find_kit, find_kits, kit_journey
from servicepath.model import FITNESS_ITEMS
from servicepath.model.kit import Kit

# Two groups in Finnish, one in English: one page per group either way (fewer pages keep the test quick).
GROUPS = {"fi": 2, "en": 1}
A4 = (595, 842)


def _texts_of(path) -> list[str]:
    """Each page's text, with line breaks and runs of spaces made single spaces."""
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


def _text(path, page=0) -> str:
    return _texts_of(path)[page]


def _size(path, page=0):
    box = pypdf.PdfReader(path).pages[page].mediabox
    return round(float(box.width)), round(float(box.height))


def _scoring_words(kit, lang) -> list[str]:
    """What the kit's scoring sheet must say, by the kind of sheet the kit gets."""
    kind = sheet_kind(kit)
    if kind == "fitness":
        return [label("fitness.area.knowledge", lang), FITNESS_ITEMS[0].text.get(lang),
                label("fitness.question.got", lang)]
    if kind == "aftercare":
        return [label("print.aftercare.practices", lang), label("print.aftercare.recovery", lang)]
    # Touchpoints × A R V O, each with boxes 0…4, and the levels in short at the foot.
    names = kit_journey(kit).touchpoints[f"name_{lang}"]
    return [label("print.scoring.touchpoint", lang), "A 0 1 2 3 4 R 0 1 2 3 4 V 0 1 2 3 4 O 0 1 2 3 4",
            names.iloc[0], names.iloc[-1], label("print.scoring.rubric", lang), label("principle.O", lang)]


@pytest.mark.parametrize("lang", ["fi", "en"])
@pytest.mark.parametrize("kit_id", ["payment-moment", "aftercare-checkup", "arvo-scoring", "customer-fitness"])
def test_every_kit_prints_four_pdfs_with_the_expected_pages(tmp_path, kit_id, lang):
    kit = find_kit(kit_id)
    groups = GROUPS[lang]
    paths = print_kit(kit, tmp_path, lang=lang, groups=groups)
    assert [p.name for p in paths] == [f"{kit_id}-{kind}.pdf" for kind in PRINT_KINDS]
    agenda, canvas, scoring, cheatsheet = paths
    texts = {path: _texts_of(path) for path in paths}
    assert [len(texts[p]) for p in paths] == [1, groups, groups, 1]
    title, first_step = kit.title.get(lang), kit.agenda[0].title.get(lang)
    # The agenda: title, goal's start, the timed table and the end time.
    text = texts[agenda][0]
    assert title in text and first_step in text and kit.goal.get(lang)[:40] in text
    assert "0:00" in text and f"{kit.duration // 60}:{kit.duration % 60:02d}" in text
    assert kit.roles[0].name.get(lang) in text
    # The canvas: landscape, one page per group, headed with its number, the lanes and the lines labelled.
    assert _size(canvas) == A4[::-1]
    for group in range(groups):
        page = texts[canvas][group]
        assert label("print.group", lang).format(number=group + 1) in page and title in page
    page = texts[canvas][0]
    assert all(label(f"lane.{lane}", lang) in page for lane in ("evidence", "customer", "backstage", "support"))
    assert label("map.line.visibility", lang) in page and "+3" in page
    # The scoring sheets: one per group.
    assert _size(scoring) == A4
    for group in range(groups):
        page = texts[scoring][group]
        assert label("print.group", lang).format(number=group + 1) in page
        assert all(word in page for word in _scoring_words(kit, lang)), page[:300]
    # The cheat sheet: one page with the timings, the questions and the roles.
    text = texts[cheatsheet][0]
    assert title in text and first_step in text and kit.questions[0].get(lang) in text
    assert label("print.cheatsheet.timings", lang) in text


def test_the_sheet_depends_on_the_notebooks_the_kit_uses():
    assert {kit.id: sheet_kind(kit) for kit in find_kits()} == {
        "aftercare-checkup": "aftercare", "arvo-scoring": "arvo", "customer-fitness": "fitness",
        "payment-moment": "arvo"}


def test_nothing_is_replaced_without_force_and_nothing_half_written(tmp_path):
    kit = find_kit("customer-fitness")
    (tmp_path / "customer-fitness-canvas.pdf").write_bytes(b"ours")
    with pytest.raises(SaveError, match="customer-fitness-canvas.pdf already exists; use force=True"):
        print_kit(kit, tmp_path, lang="fi")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["customer-fitness-canvas.pdf"]
    assert (tmp_path / "customer-fitness-canvas.pdf").read_bytes() == b"ours"
    paths = print_kit(kit, tmp_path, lang="fi", groups=1, force=True)
    assert all(p.read_bytes().startswith(b"%PDF-") for p in paths)
    assert len(list(tmp_path.iterdir())) == 4  # no temporary files left behind


@pytest.mark.parametrize(("options", "message"), [
    ({"lang": "sv"}, "unknown language 'sv'"),
    ({"groups": 0}, "groups: 0 is not a number of groups"),
    ({"groups": 51}, "groups: 51 is not a number of groups"),
    ({"groups": "4"}, "groups: '4' is not a number of groups"),
])
def test_bad_options_are_refused_before_anything_is_written(tmp_path, options, message):
    with pytest.raises(ServicepathError, match=message):
        print_kit(find_kit("payment-moment"), tmp_path, **options)
    assert list(tmp_path.iterdir()) == []


# -- pages without writing PDFs (fast) ----------------------------------------------------------
def _texts(fig) -> list[str]:
    return [t.get_text() for t in fig.texts]


def _kit(**changes) -> Kit:
    data = {
        "id": "coffee", "title": {"fi": "Kahvi $x^2$", "en": "Coffee $x^2$"},
        "goal": {"fi": "Maistetaan", "en": "Taste"}, "duration": 10, "group_size": [2, 2], "journey": "empty",
        "agenda": [{"id": "brew", "title": {"fi": "Keitä", "en": "Brew"}, "minutes": 10,
                    "notebook": "02_score_with_arvo", "what": {"fi": "Keitetään", "en": "Brew it"}}],
        "roles": [{"id": "barista", "name": {"fi": "Barista", "en": "Barista"},
                   "task": {"fi": "Keittää", "en": "Brews"}}],
        "questions": [{"fi": "Onko hyvää?", "en": "Is it good?"}],
        "guides": {"fi": "guide.fi.md", "en": "guide.en.md"},
    }
    data.update(changes)
    return Kit.from_dict(data)


def test_a_kit_starting_from_an_empty_journey_gets_six_blank_stages_and_blank_rows():
    kit = _kit()
    with style.styled():
        canvas = kit_print._canvas_page(kit, "en", None, 2)
        sheet = kit_print._scoring_pages(kit, "en", None, 1)
    texts = _texts(canvas)
    assert [f"Stage {n}" for n in range(1, 7)] == [t for t in texts if t.startswith("Stage ")]
    assert "Group 2" in texts and "Coffee $x^2$ · Journey canvas" in texts
    assert len(sheet) == 1 and "Touchpoint" in _texts(sheet[0])


def test_a_long_agenda_continues_on_a_second_page_with_its_header_repeated():
    steps = [{"id": f"step-{i}", "title": {"fi": f"Vaihe {i}", "en": f"Step {i}"}, "minutes": 5,
              "what": {"fi": "Tehdään jotain pitkää " * 6, "en": "Do something long " * 6}} for i in range(30)]
    kit = _kit(agenda=steps, duration=150)
    with style.styled():
        pages = kit_print._agenda_pages(kit, "en", None)
    assert len(pages) == 2
    first, second = (_texts(page) for page in pages)
    assert "Step 0" in first and "Step 29" in second and "Step 29" not in first
    assert "Coffee $x^2$ · Agenda (2)" in second and "What the groups do" in second


def test_text_is_printed_as_typed_never_as_math():
    kit = _kit()
    with style.styled():
        data = kit_print._pdfs({"agenda": kit_print._agenda_pages(kit, "fi", None)}, {"agenda": "x"})["agenda"]
    assert "Kahvi $x^2$ · Ohjelma" in pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
