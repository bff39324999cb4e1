"""Every sample and every format round-trips: save → load → save gives the same journey."""

import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import journeys

import servicepath as sp

EXAMPLES = int(os.environ.get("SERVICEPATH_EXAMPLES", "40"))  # raise it for a longer hunt
FORMATS = {"json": "j.journey.json", "yaml": "j.yaml", "xlsx": "j.xlsx", "csv": "tables", "csv-fi": "tables-fi"}


def _round_trip(journey, tmp_path, kind):
    dialect = "excel-fi" if kind == "csv-fi" else "excel"
    path = sp.save(journey, tmp_path / FORMATS[kind], csv_dialect=dialect, touch=False)
    return sp.load(path, strict=False)


@pytest.mark.parametrize("kind", FORMATS)
@pytest.mark.parametrize("sample", sp.SAMPLES)
def test_every_sample_round_trips_through_every_format(sample, kind, tmp_path):
    journey = sp.load_sample(sample)
    again = _round_trip(journey, tmp_path, kind)
    assert sp.dumps(again) == sp.dumps(journey)
    assert sp.dumps(sp.loads(sp.dumps(again))) == sp.dumps(journey)  # to_json → from_json → to_json


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(journey=journeys())
def test_any_journey_round_trips_through_every_format(journey, tmp_path):
    expected = sp.dumps(journey)
    for kind in FORMATS:
        assert sp.dumps(_round_trip(journey, tmp_path, kind)) == expected, kind


def test_native_file_matches_the_shipped_json_schema(webshop):
    jsonschema = pytest.importorskip("jsonschema")
    schema = sp.schema()
    jsonschema.Draft7Validator.check_schema(schema)
    for name in sp.SAMPLES:
        jsonschema.validate(json.loads(sp.dumps(sp.load_sample(name))), schema)


def test_bundled_sample_files_are_in_canonical_form():
    from servicepath.io.samples import sample_path

    for name in sp.SAMPLES:
        text = sample_path(name).read_text("utf-8")
        assert sp.dumps(sp.loads(text)) == text, f"{name}: regenerate with sp.dumps"


def test_finnish_excel_csv_loads(tmp_path):
    """';' separators, decimal commas, Finnish headers and cp1252, as Finnish Excel saves."""
    folder = tmp_path / "muistiinpanot"
    folder.mkdir()
    (folder / "kosketuspisteet.csv").write_bytes(
        "tunniste;nimi_fi;vaihe;kaista;tunne;A;aloitusosuus;päätepiste;tagit\r\n"
        "kori;Ostoskori;osto;asiakas;1,5;3;1;ei;\r\n"
        "maksu;Maksaminen;osto;Asiakkaan toiminnot;−2;1;0;kyllä;maksu, vip\r\n".encode("cp1252", errors="replace")
        .replace("−".encode("cp1252", errors="replace"), b"-")
    )
    (folder / "siirtymät.csv").write_bytes("lähtö;kohde;osuus;kesto\r\nkori;maksu;0,8;5 min\r\n".encode("utf-8-sig"))
    journey = sp.load(folder)
    pay = journey.touchpoint("maksu")
    assert (pay.name.fi, pay.lane, pay.emotion, pay.final, pay.tags) == (
        "Maksaminen", "customer", -2, True, ("payment", "vip"))
    assert journey.touchpoint("kori").emotion == 1.5
    transition = journey.transition("kori", "maksu")
    assert transition.share == 0.8 and transition.duration.total_seconds() == 300


def test_transitions_may_name_touchpoints_instead_of_ids(tmp_path):
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "touchpoints.csv").write_text(
        "name_en,stage,entry_share,final\nCart,buy,1,no\nPayment,buy,0,yes\n", encoding="utf-8"
    )
    (folder / "transitions.csv").write_text("source,target,share\nCart,payment,0.9\n", encoding="utf-8")
    journey = sp.load(folder)
    assert list(journey.graph.edges) == [("cart", "payment")]


def test_spreadsheet_cells_are_formula_safe_and_read_back_exactly(coffee, tmp_path):
    import openpyxl

    coffee.update_touchpoint("menu", name=sp.Text(en="=HYPERLINK(\"http://evil\")", fi="+358 40 123"), owner="@team")
    path = sp.save(coffee, tmp_path / "j.xlsx")
    sheet = openpyxl.load_workbook(path)["touchpoints"]
    cells = [c.value for c in sheet[2]]
    assert "'=HYPERLINK(\"http://evil\")" in cells and "'+358 40 123" in cells and "'@team" in cells
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert sp.load(path).touchpoint("menu").name.en == "=HYPERLINK(\"http://evil\")"
    csv_text = (sp.save(coffee, tmp_path / "csv") / "touchpoints.csv").read_text()
    assert "'=HYPERLINK" in csv_text and "'@team" in csv_text


def test_xlsx_keeps_numbers_as_numbers_and_dates_as_dates(coffee, tmp_path):
    import datetime

    import openpyxl

    workbook = openpyxl.load_workbook(sp.save(coffee, tmp_path / "j.xlsx"))
    header = [c.value for c in workbook["touchpoints"][1]]
    card = [c.value for c in workbook["touchpoints"][3]]
    assert card[header.index("emotion")] == -2 and card[header.index("A")] == 1
    journey_sheet = {row[0].value: row[1].value for row in workbook["journey"].iter_rows(min_row=2)}
    assert isinstance(journey_sheet["created"], datetime.datetime)
    assert workbook["touchpoints"].freeze_panes == "A2"


def test_yaml_is_read_with_safe_load_only(tmp_path):
    marker = tmp_path / "ran"
    path = tmp_path / "evil.yaml"
    path.write_text(f"!!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(sp.FileFormatError, match="evil.yaml"):
        sp.load(path)
    assert not marker.exists()


def test_format_is_named_by_the_file_ending():
    assert [sp.format_of(p) for p in ("a.journey.json", "a.YML", "a.xlsx", "a/touchpoints.csv", "out")] == [
        "json", "yaml", "xlsx", "csv", "csv"]
    with pytest.raises(sp.UnsupportedFormatError, match="a.docx"):
        sp.format_of("a.docx")


def test_older_schema_versions_are_migrated(tmp_path, monkeypatch):
    """The migration hook: a version-0 file (touchpoints called "nodes") loads as version 1."""
    from servicepath.io import document

    def rename_nodes(old):
        old["touchpoints"] = old.pop("nodes")
        return old

    monkeypatch.setitem(document.MIGRATIONS, 0, rename_nodes)
    old = json.loads(sp.dumps(sp.load_sample("webshop")))
    old["schema_version"] = 0
    old["nodes"] = old.pop("touchpoints")
    path = tmp_path / "old.journey.json"
    path.write_text(json.dumps(old))
    assert sp.dumps(sp.load(path)) == sp.dumps(sp.load_sample("webshop"))


def test_a_newer_schema_version_is_refused_with_advice(tmp_path):
    document = json.loads(sp.dumps(sp.load_sample("webshop")))
    document["schema_version"] = sp.SCHEMA_VERSION + 1
    path = tmp_path / "new.journey.json"
    path.write_text(json.dumps(document))
    with pytest.raises(sp.SchemaVersionError, match="update servicepath"):
        sp.load(path)


def test_saving_is_atomic_and_keeps_permissions(coffee, tmp_path):
    path = tmp_path / "c.journey.json"
    sp.save(coffee, path)
    path.chmod(0o640)
    coffee.update_touchpoint("menu", emotion=3)
    sp.save(coffee, path)
    assert path.stat().st_mode & 0o777 == 0o640
    assert sp.load(path).touchpoint("menu").emotion == 3
    assert [p.name for p in tmp_path.iterdir()] == ["c.journey.json"]


def test_save_sets_modified_and_keeps_created(coffee, tmp_path):
    created = coffee.created
    sp.save(coffee, tmp_path / "c.journey.json")
    again = sp.load(tmp_path / "c.journey.json")
    assert again.created == created and again.modified >= created


# -- what people do to their files -----------------------------------------------------------
def test_save_refuses_a_value_that_load_would_refuse_and_keeps_the_old_file(coffee, tmp_path):
    path = sp.save(coffee, tmp_path / "c.journey.json")
    before = path.read_bytes()
    coffee.update_touchpoint("menu", channel="c" * 101)
    with pytest.raises(sp.SaveError, match=r"touchpoints\[0\].channel: .*at most 100"):
        sp.save(coffee, path)
    assert path.read_bytes() == before


def test_numpy_numbers_from_a_dataframe_are_accepted(coffee, tmp_path):
    import numpy as np

    coffee.update_touchpoint("menu", emotion=np.int64(2), arvo=sp.Arvo(A=np.float64(3.0)))
    coffee.add_transition("menu", "card", share=np.float64(0.75))
    again = sp.load(sp.save(coffee, tmp_path / "c.journey.json"))
    assert again.touchpoint("menu").emotion == 2 and again.transition("menu", "card").share == 0.75


@pytest.mark.parametrize("moment", ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00", "2026-02-30T10:00:00Z"])
def test_impossible_times_are_located_errors(moment):
    document = json.loads(sp.dumps(sp.new_journey()))
    document["created"] = moment
    with pytest.raises(sp.SchemaError, match="created: .*not a real date and time"):
        sp.loads(json.dumps(document))


def test_csv_folder_resaved_by_finnish_excel_loads_again(tmp_path):
    folder = sp.save(sp.load_sample("webshop"), tmp_path / "w", csv_dialect="excel-fi")
    journey_csv = folder / "journey.csv"
    text = journey_csv.read_text("utf-8-sig")
    assert "created;2026-" in text and "Z" in text  # ISO text, which Excel leaves as typed
    # ... and what Finnish Excel writes when the user did retype a date:
    journey_csv.write_text(re.sub(r"created;[^\r\n]*", "created;23.11.2026 9.05", text), "utf-8-sig")
    assert sp.load(folder).created.isoformat() == "2026-11-23T09:05:00+00:00"


def test_a_finnish_named_csv_folder_keeps_its_file_names_on_save(tmp_path):
    folder = tmp_path / "muistiinpanot"
    folder.mkdir()
    (folder / "kosketuspisteet.csv").write_text(
        "tunniste;nimi_fi;vaihe;aloitusosuus;päätepiste\nmaksu;Maksu;osto;1;kyllä\n")
    journey = sp.load(folder)
    journey.update_touchpoint("maksu", emotion=-2)
    sp.save(journey, folder)
    assert not (folder / "touchpoints.csv").exists()
    assert sp.load(folder).touchpoint("maksu").emotion == -2


def test_two_files_for_one_table_are_refused(tmp_path):
    folder = sp.save(sp.new_journey(), tmp_path / "t")
    (folder / "kosketuspisteet.csv").write_text((folder / "touchpoints.csv").read_text())
    with pytest.raises(sp.FileFormatError, match="kosketuspisteet.csv and touchpoints.csv"):
        sp.load(folder)


def test_other_csv_files_in_the_folder_are_left_alone(tmp_path):
    folder = sp.save(sp.new_journey(), tmp_path / "t")
    (folder / "random-export.csv").write_text('a,"b\n')
    assert len(sp.load(folder / "touchpoints.csv")) == 3


def test_a_csv_file_name_that_is_no_table_is_refused_for_saving(tmp_path):
    with pytest.raises(sp.UnsupportedFormatError, match="give a folder name"):
        sp.save(sp.new_journey(), tmp_path / "out.csv")


def test_saving_works_without_hard_links_and_through_symlinks(coffee, tmp_path, monkeypatch):
    from servicepath.io import atomic

    def no_links(*args):
        raise PermissionError("no hard links on this drive")

    monkeypatch.setattr(atomic.os, "link", no_links)
    folder = sp.save(coffee, tmp_path / "t")
    sp.save(coffee, folder)  # over existing files: backups are copied instead
    real = sp.save(coffee, tmp_path / "real.journey.json")
    link = tmp_path / "link.journey.json"
    link.symlink_to(real)
    coffee.update_touchpoint("menu", emotion=3)
    sp.save(coffee, link)
    assert link.is_symlink() and sp.load(real).touchpoint("menu").emotion == 3


def _edited_workbook(tmp_path, edit):
    import openpyxl

    path = sp.save(sp.load_sample("webshop"), tmp_path / "w.xlsx")
    workbook = openpyxl.load_workbook(path)
    edit(workbook)
    workbook.save(path)
    return path


def test_workbook_edits_people_make_in_excel(tmp_path):
    def edit(workbook):
        sheet = workbook["touchpoints"]
        workbook.remove(workbook["ratings"])
        workbook.create_sheet("ratings")  # cleared: nothing here
        sheet.append([None, "Kassa", None, "buy"])  # two new rows without ids and with the same name
        sheet.append([None, "Kassa", None, "buy"])
        sheet.append([None, None, None, None, None, None, None, None, None, None, None, None, False, None, 0, False])

    journey = sp.load(_edited_workbook(tmp_path, edit), strict=False)
    assert {"kassa", "kassa-2"} <= set(journey.graph) and len(journey) == 22


def test_a_column_typed_twice_is_refused(tmp_path):
    def edit(workbook):
        sheet = workbook["touchpoints"]
        sheet.cell(row=1, column=sheet.max_column + 1, value="A")

    with pytest.raises(sp.SchemaError, match="touchpoints sheet, column A: column 'A' appears twice"):
        sp.load(_edited_workbook(tmp_path, edit))


def test_validate_file_names_spreadsheet_places(tmp_path):
    def edit(workbook):
        workbook["touchpoints"]["D5"] = "nowhere"

    journey, problems = sp.validate_file(_edited_workbook(tmp_path, edit))
    assert [p.where for p in problems] == ["touchpoints sheet, row 5, column stage"]


@given(st.text())
def test_formula_safety_round_trips_any_text(text):
    # found by hypothesis: a name typed as "'=" came back from a workbook as "''="
    from servicepath.io.tables import safe_cell, unsafe_cell

    assert unsafe_cell(safe_cell(text)) == text
    assert not safe_cell(text).startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize("title", ["=1+1", "'=1+1", "''=1+1", "'plain"])
def test_titles_that_look_like_formulas_round_trip_through_spreadsheets(webshop, tmp_path, kind, title):
    # the journey sheet's values were read as cells twice, so "'=" came back as "="
    webshop.title = sp.Text(en=title, fi=title)
    path = sp.save(webshop, tmp_path / ("j.xlsx" if kind == "xlsx" else "tables"), touch=False)
    assert sp.load(path).title.en == title
