"""Workshop kits: the four shipped kits are complete, and a broken kit.yaml gets a clear, named error."""

import pytest

import servicepath as sp
from servicepath.errors import FileFormatError, InputError, SchemaError, UnknownIdError
from servicepath.io.kits import (
    KITS_FOLDER,
    MAX_KIT_BYTES,
    NOTEBOOKS_FOLDER,
    find_kit,
    find_kits,
    kit_journey,
    load_kit,
    read_guide,
)
from servicepath.model.kit import Kit

DURATIONS = {"aftercare-checkup": 120, "arvo-scoring": 240, "customer-fitness": 60, "payment-moment": 90}


# -- the shipped kits ----------------------------------------------------------------------------
def test_the_four_kits_are_found_sorted_by_id():
    assert [kit.id for kit in find_kits()] == sorted(DURATIONS)


@pytest.mark.parametrize("kit_id", sorted(DURATIONS))
def test_every_shipped_kit_is_complete_in_both_languages(kit_id):
    kit = find_kit(kit_id)
    assert kit.duration == DURATIONS[kit_id] == sum(step.minutes for step in kit.agenda)
    assert kit.group_size[0] <= kit.group_size[1]
    texts = [kit.title, kit.goal, *kit.questions, *(s.title for s in kit.agenda), *(s.what for s in kit.agenda),
             *(r.name for r in kit.roles), *(r.task for r in kit.roles)]
    assert all(text.fi and text.en for text in texts)
    assert all(text.fi != text.en for text in texts if len(text.en) > 20), "an English text copied as Finnish"
    assert {"facilitator", "timekeeper", "scribe", "customer-voice"} <= {role.id for role in kit.roles}
    assert len(kit.questions) >= 4


@pytest.mark.parametrize("kit_id", sorted(DURATIONS))
def test_every_step_names_a_notebook_that_exists(kit_id):
    kit = find_kit(kit_id)
    assert kit.notebooks(), "a kit without notebooks cannot be run in servicepath"
    for name in kit.notebooks():
        assert (NOTEBOOKS_FOLDER / f"{name}.ipynb").is_file(), name


@pytest.mark.parametrize("kit_id", sorted(DURATIONS))
def test_every_kit_has_a_facilitator_guide_in_both_languages(kit_id):
    kit = find_kit(kit_id)
    for lang in ("fi", "en"):
        guide = read_guide(kit, lang)
        assert guide.startswith("# ")
        assert kit.title.get(lang) in guide.splitlines()[0]
        # The guide walks through the agenda: every step, with its start time.
        for step, start in zip(kit.agenda, kit.start_minutes(), strict=True):
            assert f"{start // 60}:{start % 60:02d} {step.title.get(lang)}" in guide, step.id


@pytest.mark.parametrize("kit_id", sorted(DURATIONS))
def test_the_starting_journey_is_a_valid_journey(kit_id):
    kit = find_kit(kit_id)
    journey = kit_journey(kit)
    assert [p for p in sp.validate(journey) if p.level == "error"] == []
    if kit.journey == "empty":
        assert journey.title == kit.title
    else:
        assert journey.title == sp.load_sample(kit.journey).title


def test_the_payment_kit_covers_the_payment_moment_from_mapping_to_quick_wins():
    kit = find_kit("payment-moment")
    assert kit.journey == "webshop"
    assert kit.notebooks()[:4] == ("00_start_here", "01_map_the_journey", "03_payment_moment", "05_plan_improvements")
    assert kit.start_minutes()[0] == 0 and kit.step("quick-wins").minutes == 15


def test_an_unknown_kit_lists_the_kits_there_are():
    with pytest.raises(UnknownIdError, match="no kit 'cafe'; the kits are: aftercare-checkup, arvo-scoring"):
        find_kit("cafe")


def test_kits_can_come_from_another_folder(tmp_path):
    _write_kit(tmp_path / "coffee", GOOD)
    assert [kit.id for kit in find_kits(tmp_path)] == ["coffee"]
    assert find_kit("coffee", tmp_path).folder == tmp_path / "coffee"
    assert load_kit(tmp_path / "coffee" / "kit.yaml").title.get("fi") == "Kahvi"
    with pytest.raises(InputError, match="no folder of kits"):
        find_kits(tmp_path / "nowhere")


def test_kits_folder_is_the_repositorys_workshops_folder():
    assert KITS_FOLDER.name == "workshops" and (KITS_FOLDER / "README.md").is_file()


# -- broken kit.yaml files -----------------------------------------------------------------------
GOOD = """\
id: coffee
title: {fi: Kahvi, en: Coffee}
goal: {fi: Maistetaan kahvia, en: Taste coffee}
duration: 30
group_size: [2, 5]
journey: webshop
agenda:
  - id: brew
    title: {fi: Keitä, en: Brew}
    minutes: 20
    notebook: 01_map_the_journey
    what: {fi: Keitetään kahvi, en: Brew the coffee}
  - id: taste
    title: {fi: Maista, en: Taste}
    minutes: 10
    what: {fi: Maistetaan, en: Taste it}
roles:
  - id: barista
    name: {fi: Barista, en: Barista}
    task: {fi: Keittää kahvin, en: Brews the coffee}
  - id: taster
    name: {fi: Maistaja, en: Taster}
    task: {fi: Maistaa, en: Tastes}
questions:
  - {fi: 'Onko hyvää?', en: 'Is it good?'}
guides: {fi: guide.fi.md, en: guide.en.md}
"""


def _write_kit(folder, text):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "kit.yaml").write_text(text, encoding="utf-8")
    (folder / "guide.fi.md").write_text("# Kahvi\n", encoding="utf-8")
    (folder / "guide.en.md").write_text("# Coffee\n", encoding="utf-8")
    return folder


def _changed(old, new):
    assert old in GOOD, old
    return GOOD.replace(old, new)


BAD = [
    ("unknown-field", GOOD + "colour: red\n", SchemaError, "kit.yaml: (top): unknown field 'colour'"),
    ("missing-field", _changed("goal: {fi: Maistetaan kahvia, en: Taste coffee}\n", ""), SchemaError,
     "(top): missing field 'goal'"),
    ("unknown-step-field", _changed("    minutes: 10\n", "    minutes: 10\n    colour: red\n"), SchemaError,
     "agenda[1]: unknown field 'colour'"),
    ("missing-step-field", _changed("    what: {fi: Maistetaan, en: Taste it}\n", ""), SchemaError,
     "agenda[1]: missing field 'what'"),
    ("minutes-not-a-number", _changed("minutes: 10", "minutes: ten"), SchemaError,
     "agenda[1].minutes: 'ten' is not a whole number of minutes"),
    ("minutes-a-boolean", _changed("minutes: 10", "minutes: yes"), SchemaError,
     "agenda[1].minutes: True is not a whole number of minutes"),
    ("minutes-zero", _changed("minutes: 10", "minutes: 0"), SchemaError,
     "agenda[1].minutes: 0 minutes is out of range"),
    ("minutes-fraction", _changed("minutes: 10", "minutes: 10.5"), SchemaError,
     "agenda[1].minutes: 10.5 is not a whole number of minutes"),
    ("durations-do-not-add-up", _changed("duration: 30", "duration: 45"), SchemaError,
     "duration: the duration is 45 minutes but the agenda's steps add up to 30 minutes"),
    ("group-size-reversed", _changed("group_size: [2, 5]", "group_size: [5, 2]"), SchemaError,
     "group_size: the smallest group (5) is larger than the largest (2)"),
    ("group-size-one-number", _changed("group_size: [2, 5]", "group_size: 4"), SchemaError,
     "group_size: 4 is not [smallest, largest] people per group"),
    ("group-size-not-people", _changed("group_size: [2, 5]", "group_size: [2, many]"), SchemaError,
     "group_size[1]: 'many' is not a number of people"),
    ("unknown-sample", _changed("journey: webshop", "journey: cafe"), SchemaError,
     "journey: 'cafe' is not a sample journey; use one of webshop, b2b-service, empty"),
    ("duplicate-step", _changed("  - id: taste", "  - id: brew"), SchemaError,
     "agenda[1].id: two agenda steps have the id 'brew'"),
    ("duplicate-role", _changed("  - id: taster", "  - id: barista"), SchemaError,
     "roles[1].id: two roles have the id 'barista'"),
    ("english-missing", _changed("title: {fi: Kahvi, en: Coffee}", "title: {fi: Kahvi}"), SchemaError,
     "title.en: the English text is missing"),
    ("finnish-empty", _changed("{fi: Keitä, en: Brew}", "{fi: '', en: Brew}"), SchemaError,
     "agenda[0].title.fi: the Finnish text is empty"),
    ("unknown-language", _changed("en: 'Is it good?'}", "en: 'Is it good?', sv: 'Gott?'}"), SchemaError,
     "questions[0]: unknown language 'sv'"),
    ("text-not-bilingual", _changed("goal: {fi: Maistetaan kahvia, en: Taste coffee}", "goal: Taste coffee"),
     SchemaError, "goal: 'Taste coffee' is not a text in both languages"),
    ("bad-id", _changed("id: coffee", "id: Coffee Break"), SchemaError, "id: 'Coffee Break' is not an id"),
    ("id-not-folder", _changed("id: coffee", "id: tea"), SchemaError,
     "id: the kit's id 'tea' is not its folder's name 'coffee'"),
    ("empty-agenda", GOOD[:GOOD.index("agenda:")] + "agenda: []\n" + GOOD[GOOD.index("roles:"):], SchemaError,
     "agenda: the list of agenda steps is empty"),
    ("notebook-missing", _changed("notebook: 01_map_the_journey", "notebook: 99_nope"), SchemaError,
     "agenda[0].notebook: step 'brew' uses the notebook '99_nope', which is not in"),
    ("notebook-path", _changed("notebook: 01_map_the_journey", "notebook: ../secret"), SchemaError,
     "agenda[0].notebook: '../secret' is not a notebook name"),
    ("guide-missing", _changed("{fi: guide.fi.md", "{fi: opas.md"), SchemaError,
     "guides.fi: the guide 'opas.md' is not in"),
    ("guide-outside", _changed("en: guide.en.md}", "en: ../../etc/passwd.md}"), SchemaError,
     "guides.en: '../../etc/passwd.md' is not the name of a Markdown file beside kit.yaml"),
    ("guide-language-missing", _changed("guides: {fi: guide.fi.md, en: guide.en.md}", "guides: {fi: guide.fi.md}"),
     SchemaError, "guides: missing field 'en'"),
    ("not-a-mapping", "- brew\n- taste\n", SchemaError, "(top): ['brew', 'taste'] is not a mapping"),
    ("aliases", _changed("questions:\n  - {fi: 'Onko hyvää?', en: 'Is it good?'}",
                         "questions:\n  - &q {fi: 'Onko hyvää?', en: 'Is it good?'}\n  - *q"), FileFormatError,
     "YAML aliases (*name) are not supported"),
    ("python-tag", _changed("journey: webshop", "journey: !!python/object/apply:os.system ['echo hi']"),
     FileFormatError, "not valid YAML"),
    ("not-yaml", "id: [coffee\n", FileFormatError, "not valid YAML"),
    ("empty-file", "  \n", FileFormatError, "the file is empty; expected a kit"),
    ("too-large", GOOD + "#" * (MAX_KIT_BYTES + 1), FileFormatError, "kit files may be at most"),
]


@pytest.mark.parametrize(("text", "error", "message"), [case[1:] for case in BAD], ids=[case[0] for case in BAD])
def test_a_broken_kit_yaml_names_the_file_the_field_and_the_problem(tmp_path, text, error, message):
    folder = _write_kit(tmp_path / "coffee", text)
    with pytest.raises(error) as raised:
        load_kit(folder)
    assert message in str(raised.value)
    assert str(folder / "kit.yaml") in str(raised.value)


def test_the_good_kit_of_the_broken_cases_loads(tmp_path):
    kit = load_kit(_write_kit(tmp_path / "coffee", GOOD))
    assert (kit.id, kit.duration, kit.group_size, kit.start_minutes()) == ("coffee", 30, (2, 5), (0, 20))
    assert kit.step("taste").notebook is None and kit.notebooks() == ("01_map_the_journey",)
    assert kit.guide_path("en") == tmp_path / "coffee" / "guide.en.md"
    assert repr(kit) == "<Kit 'coffee': 30 min, 2 steps>"
    with pytest.raises(UnknownIdError, match="has no agenda step 'grind'"):
        kit.step("grind")


def test_a_kit_outside_the_repository_is_not_checked_against_notebooks(tmp_path):
    folder = _write_kit(tmp_path / "coffee", _changed("notebook: 01_map_the_journey", "notebook: 99_ours"))
    assert load_kit(folder, notebooks=None).notebooks() == ("99_ours",)
    assert load_kit(folder, notebooks=tmp_path / "no-notebooks-here").notebooks() == ("99_ours",)


def test_kit_from_dict_without_a_file_names_the_field():
    import yaml

    data = yaml.safe_load(_changed("minutes: 20", "minutes: -5"))
    with pytest.raises(SchemaError, match=r"^agenda\[0\]\.minutes: -5 minutes is out of range"):
        Kit.from_dict(data)
