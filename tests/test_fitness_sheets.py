"""Customer-fitness spreadsheets: importing answers (every bad row named, all or nothing), exporting a round,
and the report files."""

import io
import tempfile
import zipfile
from pathlib import Path

import matplotlib.image
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from servicepath.errors import FileFormatError, SaveError, SchemaError, UnknownIdError
from servicepath.export.fitness import export_fitness_report
from servicepath.io.fitness_sheets import ROUND_COLUMNS, export_round, import_answers
from servicepath.io.fitness_store import FitnessStore
from servicepath.model.fitness import FITNESS_ITEMS, FitnessAnswer, Interview

ALL_ITEMS = [item.id for item in FITNESS_ITEMS]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def store(tmp_path):
    with FitnessStore(tmp_path / "servicepath.db") as opened:
        opened.new_round("2026-11", opened="2026-11-01")
        yield opened


def write_xlsx(path: Path, sheets: dict) -> Path:
    """A workbook as a person or a form would type it: cells exactly as given, nothing escaped."""
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, rows in sheets.items():
        sheet = workbook.create_sheet(name)
        for row in rows:
            sheet.append(row)
    workbook.save(path)
    return path


def write_csv(path: Path, lines: list[str], *, encoding="utf-8") -> Path:
    path.write_bytes("\r\n".join(lines).encode(encoding) + b"\r\n")
    return path


def raised(call) -> Exception:
    with pytest.raises(Exception) as info:
        call()
    return info.value


def assert_nothing_stored(store):
    assert store.history().empty and store.people().empty and store.interviews().empty


def stored(store, columns=("person", "team", "item", "value", "note")):
    return sorted(map(tuple, store.answers()[list(columns)].values.tolist()))


# -- every bad row is named, and nothing is saved ------------------------------------------------
LONG_BAD = [
    ["person", "team", "item", "value", "note"],
    ["Aino", "Kassa", "K1", 4, ""],
    ["Aino", "Kassa", "K2", 7, ""],          # row 3: out of the scale
    ["Eero", "Kassa", "K9", 3, ""],          # row 4: no such item
    ["", "Kassa", "S1", 4, "kuka?"],         # row 5: nobody answered
    ["Eero", "Kassa", "S2", 4, ""],
]


def test_long_xlsx_with_three_mistakes_names_each_and_saves_nothing(store, tmp_path):
    path = write_xlsx(tmp_path / "answers.xlsx", {"answers": LONG_BAD})
    error = raised(lambda: import_answers(store, path))
    assert type(error) is SchemaError
    message = str(error)
    assert message.startswith(f"{path}: 3 bad rows, nothing was imported\n")
    assert "answers sheet, row 3, column value: 7 is not an agreement (expected a whole number 1…5)" in message
    assert "answers sheet, row 4, column item: 'K9' is not a fitness item (expected K1…K6, S1…S6 or E1…E6)" in message
    assert "answers sheet, row 5, column person: empty person" in message
    assert len(error.bad_rows) == 3
    assert_nothing_stored(store)


def test_long_csv_with_three_mistakes_names_each_line(store, tmp_path):
    path = write_csv(tmp_path / "answers.csv", [
        "person,team,item,value", "Aino,Kassa,K1,4", "Aino,Kassa,K1,5", "Eero,Kassa,E1,", "Eero,Kassa,E2,kolme"])
    message = str(raised(lambda: import_answers(store, path)))
    assert message.startswith(f"{path}: 3 bad rows")
    assert "answers.csv, line 3, column item: a second answer of 'Aino' to K1 (the first is on line 2" in message
    assert "answers.csv, line 4, column value: empty value (expected a whole number 1…5)" in message
    assert "answers.csv, line 5, column value: 'kolme' is not an agreement (expected a whole number 1…5)" in message
    assert_nothing_stored(store)


WIDE_BAD = [
    ["Henkilö", "Tiimi", "K1", "K1 huomio", "S1", "E1"],
    ["Aino", "Kassa", 4, "", 3.5, 5],         # row 2: not a whole number
    ["Eero", "Kassa", "", "unohtui", 4, 4],   # row 3: a note without an answer
    ["Helmi", "Varasto", 4, "", 4, 0],        # row 4: below the scale
    ["", "", "", "", "", ""],                 # blank rows are skipped
    ["Ilari", "Kassa", "", "", "", ""],       # a name without answers: did not answer
]


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_wide_layout_with_three_mistakes_names_each(store, tmp_path, kind):
    if kind == "xlsx":
        path = write_xlsx(tmp_path / "lomake.xlsx", {"Lomakkeen vastaukset": WIDE_BAD})
        place = "Lomakkeen vastaukset sheet, row {row}, column {column}"
    else:
        path = write_csv(tmp_path / "lomake.csv", [";".join(map(str, r)) for r in WIDE_BAD])
        place = "lomake.csv, line {row}, column {column}"
    message = str(raised(lambda: import_answers(store, path)))
    assert message.startswith(f"{path}: 3 bad rows, nothing was imported")
    assert place.format(row=2, column="S1") + ": 3.5 is not an agreement" in message
    assert place.format(row=3, column="K1 huomio") + ": a note for K1, which is not answered" in message
    assert place.format(row=4, column="E1") + ": 0 is not an agreement" in message
    assert_nothing_stored(store)


def test_one_team_per_person_and_interview_mistakes_are_bad_rows_too(store, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", {
        "vastaukset": [["henkilö", "tiimi", "väite", "arvo"], ["Aino", "Kassa", "K1", 4], ["Aino", "Varasto", "K2", 4]],
        "haastattelut": [["tiimi", "sai", "palaa", "suosittelee"], ["Kassa", "ehkä", "kyllä", 9],
                         ["Kassa", "kyllä", "ei", 11], ["Kassa", "", "", ""]],
    })
    message = str(raised(lambda: import_answers(store, path)))
    assert "4 bad rows" in message
    assert "vastaukset sheet, row 3, column tiimi: 'Aino' is in team 'Kassa' on row 2" in message
    assert "haastattelut sheet, row 2, column sai: 'ehkä' is not an answer (expected yes, partly or no" in message
    assert "haastattelut sheet, row 3, column suosittelee: 11 is not a recommendation (expected a whole number 0…10)" \
        in message
    assert "haastattelut sheet, row 4: the interview has no answer" in message
    assert_nothing_stored(store)


def test_many_bad_rows_are_counted_and_the_list_is_kept_short(store, tmp_path):
    lines = ["person;item;value"] + [f"P{i};K1;9" for i in range(150)]
    error = raised(lambda: import_answers(store, write_csv(tmp_path / "many.csv", lines)))
    assert "150 bad rows" in str(error) and "… and 50 more" in str(error)
    assert len(error.bad_rows) == 150


@pytest.mark.parametrize(("header", "says"), [
    (["person", "item", "note"], "missing column 'value'"),
    (["team", "value"], "missing column 'person'"),
    (["person", "team"], "missing column 'item' and 'value'"),
    (["K1", "K2"], "missing column 'person'"),
    (["person", "K1", "K7"], "column 'K7' names no fitness item"),
    (["person", "value", "arvo", "item"], "column 'value' appears twice"),
])
def test_missing_or_doubled_columns_name_the_column(store, tmp_path, header, says):
    path = write_csv(tmp_path / "a.csv", [",".join(header), ",".join("4" for _ in header)])
    error = raised(lambda: import_answers(store, path))
    assert type(error) is SchemaError and str(error).startswith(str(path)) and says in str(error)


@pytest.mark.parametrize(("name", "content", "says"), [
    ("broken.xlsx", b"not a zip at all", "not an xlsx workbook"),
    ("quote.csv", b'person,item,value\r\n"Aino,K1,4\r\n', "a quote is never closed"),
])
def test_unreadable_files_are_file_format_errors(store, tmp_path, name, content, says):
    path = tmp_path / name
    path.write_bytes(content)
    error = raised(lambda: import_answers(store, path))
    assert type(error) is FileFormatError and str(error).startswith(str(path)) and says in str(error)


def test_an_empty_file_or_one_without_answers_says_so(store, tmp_path):
    empty = write_csv(tmp_path / "empty.csv", [""])
    assert "empty" in str(raised(lambda: import_answers(store, empty)))
    blank = write_csv(tmp_path / "blank.csv", ["person;K1", "Aino;"])
    assert "no answers found" in str(raised(lambda: import_answers(store, blank)))


def test_the_round_must_exist_and_a_file_holds_one_round(store, tmp_path):
    path = write_csv(tmp_path / "a.csv", ["kierros;henkilö;väite;arvo", "2026-11;Aino;K1;4", "2027-02;Eero;K1;4"])
    assert "holds answers of 2 rounds" in str(raised(lambda: import_answers(store, path)))
    error = raised(lambda: import_answers(store, path, round="1999"))
    assert type(error) is UnknownIdError and "no round '1999'" in str(error) and "new-round" in str(error)
    assert import_answers(store, path, round="2026-11").answers == 2
    with FitnessStore(tmp_path / "empty.db") as empty:
        assert type(raised(lambda: import_answers(empty, path, round="2026-11"))) is UnknownIdError


# -- what is read -----------------------------------------------------------------------------------
def test_finnish_headers_and_values_in_the_long_layout(store, tmp_path):
    path = write_xlsx(tmp_path / "vastaukset.xlsx", {"Vastaukset": [
        ["Henkilö", "Tiimi", "Väite", "Vastaus", "Huomio"],
        ["Äijä Öhman", "Kassa", "k1", 4.0, "Kysyn aina"],  # Excel's 4.0 and a lower-case id
        ["Äijä Öhman", "Kassa", "S2", "5", None],          # a number typed as text
        [12, None, "E1", " 3 ", "  =SUM(A1) "],            # a name Excel made a number; outer spaces go
    ]})
    summary = import_answers(store, path)
    assert (summary.round, summary.people, summary.answers, summary.interviews) == ("2026-11", 2, 3, 0)
    assert stored(store) == [("12", "", "E1", 3, "=SUM(A1)"), ("Äijä Öhman", "Kassa", "K1", 4, "Kysyn aina"),
                             ("Äijä Öhman", "Kassa", "S2", 5, "")]


def test_wide_layout_as_an_online_form_gives_it(store, tmp_path):
    path = write_xlsx(tmp_path / "form.xlsx", {"Form responses 1": [
        ["Timestamp", "Name", "Team", "K1. I know who our customers are", "K1 note", "S1", "E1"],
        ["2026-11-02 10:00", "Aino", "Kassa", 4, "mostly", 5, None],
        ["2026-11-02 10:05", "Eero", "Kassa", 3, None, None, 2],
    ]})
    summary = import_answers(store, path)
    assert (summary.people, summary.answers) == (2, 4)
    assert stored(store) == [("Aino", "Kassa", "K1", 4, "mostly"),
                             ("Aino", "Kassa", "S1", 5, ""), ("Eero", "Kassa", "E1", 2, ""),
                             ("Eero", "Kassa", "K1", 3, "")]


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp1252"])
def test_finnish_excel_csv_with_semicolons_bom_or_cp1252(store, tmp_path, encoding):
    path = write_csv(tmp_path / "vastaukset.csv", [
        "henkilö;tiimi;väite;arvo;huomio",
        'Päivi Äänismaa;Myymälä;K1;4;"Hyvä; ja ""lainaus"""',
        "Päivi Äänismaa;Myymälä;S1;4,0;"], encoding=encoding)
    import_answers(store, path)
    assert stored(store) == [("Päivi Äänismaa", "Myymälä", "K1", 4, 'Hyvä; ja "lainaus"'),
                             ("Päivi Äänismaa", "Myymälä", "S1", 4, "")]


def test_interviews_sheet_with_finnish_headers_and_answers(store, tmp_path):
    path = write_xlsx(tmp_path / "kierros.xlsx", {
        "vastaukset": [["henkilö", "tiimi", "K1"], ["Aino", "Kassa", 4]],
        "Haastattelut": [["Tiimi", "Kosketuspiste", "Sai", "Sai miksi", "Palaa", "Palaa miksi", "Suosittelee",
                          "Suosittelee miksi"],
                         ["Kassa", "pay", "kyllä", "nopea", "Osittain", "", 9.0, "ystävällinen"],
                         ["", "", "ei", "", "EI", "hinta", "3", ""],
                         ["Kassa", "", True, "", None, "", None, ""]],
    })
    summary = import_answers(store, path)
    assert (summary.answers, summary.interviews) == (1, 3)
    rows = store.interviews()[["team", "touchpoint", "got", "got_why", "again", "again_why", "recommend",
                               "recommend_why"]].astype(object).where(lambda t: t.notna(), None).values.tolist()
    assert rows == [["Kassa", "pay", "yes", "nopea", "partly", "", 9, "ystävällinen"],
                    ["", "", "no", "", "no", "hinta", 3, ""],
                    ["Kassa", "", "yes", "", None, "", None, ""]]


def test_a_workbook_may_hold_only_interviews(store, tmp_path):
    path = write_xlsx(tmp_path / "h.xlsx", {"interviews": [["team", "got", "recommend"], ["Kassa", "yes", 10]]})
    assert import_answers(store, path).interviews == 1 and store.answers().empty


def test_text_a_spreadsheet_would_run_is_read_as_the_text_our_export_escaped(store, tmp_path):
    path = write_csv(tmp_path / "a.csv", ["person;item;value;note", "'=cmd();K1;4;'+1", "Aino;K2;4;'x"])
    import_answers(store, path)
    assert stored(store, ("person", "item", "note")) == [("=cmd()", "K1", "+1"), ("Aino", "K2", "'x")]


# -- exporting a round and reading it back ---------------------------------------------------------
def fill(store):
    store.add_team("Kassa", target="excellent")
    store.save_batch(
        [("Aino", "Kassa", FitnessAnswer("K1", 4, "=HYPERLINK(\"x\")")), ("Aino", "Kassa", FitnessAnswer("S1", 5)),
         ("Eero", None, FitnessAnswer("E6", 2, "rivi 1\nrivi 2; ja ä")), ("-Öhman", "Varasto", FitnessAnswer("K1", 1))],
        [("Kassa", Interview(got="yes", got_why="+ hyvä", recommend=9, touchpoint="pay")),
         (None, Interview(again="partly"))])


def same_answers(a, b):
    columns = ["person", "team", "item", "value", "note"]
    return a.answers()[columns].values.tolist() == b.answers()[columns].values.tolist()


@pytest.mark.parametrize(("name", "dialect"), [("round.xlsx", None), ("round.csv", None), ("round.csv", "excel")])
def test_export_then_import_into_a_fresh_store_gives_the_same_answers(store, tmp_path, name, dialect):
    fill(store)
    path = export_round(store, tmp_path / name, dialect=dialect)
    with FitnessStore(tmp_path / "fresh.db") as fresh:
        fresh.new_round("2026-11", opened="2026-11-01")
        summary = import_answers(fresh, path)
        assert same_answers(store, fresh)
        assert summary.people == 3 and summary.answers == 4
        if name.endswith(".xlsx"):
            columns = ["team", "touchpoint", "got", "got_why", "again", "recommend"]
            assert fresh.interviews()[columns].equals(store.interviews()[columns])


def test_exports_are_formula_safe_and_finnish_excel_by_default(store, tmp_path):
    fill(store)
    data = export_round(store, tmp_path / "r.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.decode("utf-8-sig").splitlines()[0] == ";".join(ROUND_COLUMNS)
    assert "'=HYPERLINK" in data.decode("utf-8-sig") and "'-Öhman" in data.decode("utf-8-sig")
    workbook = openpyxl.load_workbook(export_round(store, tmp_path / "r.xlsx"))
    assert workbook.sheetnames == ["answers", "interviews"]
    cells = [c.value for row in workbook["answers"].iter_rows() for c in row]
    assert "'=HYPERLINK(\"x\")" in cells and not any(isinstance(c, str) and c.startswith("=") for c in cells)
    interviews = list(workbook["interviews"].values)
    assert interviews[1][interviews[0].index("got_why")] == "'+ hyvä"


def test_export_refuses_to_overwrite_and_unknown_rounds(store, tmp_path):
    fill(store)
    path = export_round(store, tmp_path / "r.xlsx")
    assert "already exists" in str(raised(lambda: export_round(store, path)))
    assert export_round(store, path, force=True) == path
    assert type(raised(lambda: export_round(store, tmp_path / "x.csv", round="1999"))) is UnknownIdError
    assert "as .xlsx or .csv" in str(raised(lambda: export_round(store, tmp_path / "x.json")))


_NAME_CHARS = st.sampled_from(list("abcAÄÖåäöz019 =+-@';,\"()"))
names = st.text(_NAME_CHARS, min_size=1, max_size=12).map(str.strip).filter(bool)
notes = st.text(st.sampled_from(list("abÄöå =+-@';,\"\n\t()cmd")), max_size=20)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(names, st.none() | names, st.sampled_from(ALL_ITEMS), st.integers(1, 5), notes),
                     min_size=1, max_size=8, unique_by=lambda r: (r[0], r[2])),
       kind=st.sampled_from([".xlsx", ".csv"]))
def test_any_names_and_notes_survive_export_and_import(rows, kind):
    teams = {}
    answers = [(p, teams.setdefault(p, t), FitnessAnswer(i, v, n)) for p, t, i, v, n in rows]
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        with FitnessStore(folder / "a.db") as first, FitnessStore(folder / "b.db") as second:
            first.new_round("=R;1", opened="2026-11-01")
            second.new_round("=R;1", opened="2026-11-01")
            first.save_batch(answers)
            import_answers(second, export_round(first, folder / f"round{kind}"))
            assert same_answers(first, second)


# -- report files -----------------------------------------------------------------------------------
def team_of(store, team, people, *, share=(), value=4, target="good"):
    store.add_team(team, target=target)
    for person in people:
        store.add_person(person, team=team, shares_answers=person in share)
        store.save_answers(person, [FitnessAnswer(i, value, f"SALAINEN {person}") for i in ("K1", "S1", "E1")])
    store.save_interview(Interview(got="yes", recommend=10, recommend_why="mukava"), team=team)


def read_everything(paths) -> str:
    """All text in the files: the CSV and Markdown, and every cell of every sheet."""
    text = []
    for path in paths:
        if path.suffix in (".csv", ".md"):
            text.append(path.read_text(encoding="utf-8-sig"))
        elif path.suffix == ".xlsx":
            workbook = openpyxl.load_workbook(path)
            text += [str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row]
            with zipfile.ZipFile(path) as archive:
                text += [archive.read(n).decode("utf-8", "replace") for n in archive.namelist()]
    return "\n".join(text)


@pytest.mark.parametrize(("lang", "level"), [("fi", "ERINOMAINEN"), ("en", "EXCELLENT")])
def test_report_files_exist_and_open(store, tmp_path, lang, level):
    team_of(store, "Kassa", ["Aino", "Eero", "Helmi", "Ilari"], share=["Aino"], target="very-best")
    paths = export_fitness_report(store.report(team="Kassa"), tmp_path / "out", lang=lang)
    assert [p.name for p in paths] == ["fitness-report.xlsx", "fitness-results.csv", "fitness-report.md",
                                       "fitness-radar.png", "fitness-trend.png"]
    workbook = openpyxl.load_workbook(paths[0])
    assert workbook.sheetnames == ["results", "actions", "interviews", "people"]
    results = list(workbook["results"].values)
    assert results[0][:3] == ("round", "opened", "team") and results[1][results[0].index("level")] == "excellent"
    assert [r[2] for r in list(workbook["people"].values)[1:]] == ["Aino"]  # only who chose to share
    assert len(list(workbook["actions"].values)) == 1 + 3 * 3  # every area is weakest (tied): 3 ways each
    assert "excellent" in paths[1].read_text(encoding="utf-8-sig")
    markdown = paths[2].read_text(encoding="utf-8")
    assert level in markdown and "fitness-radar.png" in markdown and "+100" in markdown
    for png in paths[3:]:
        assert png.read_bytes().startswith(PNG_SIGNATURE)
        assert matplotlib.image.imread(io.BytesIO(png.read_bytes())).shape[2] in (3, 4)


def test_a_hidden_teams_report_has_no_scores_and_no_ones_answers(store, tmp_path):
    team_of(store, "Pieni", ["Outi Ö", "Pertti P"], value=2)
    team_of(store, "Kassa", ["Aino", "Eero", "Helmi"])
    report = store.report(team="Pieni")
    assert not report.shown
    paths = export_fitness_report(report, tmp_path / "out", lang="fi")
    assert "fitness-radar.png" not in [p.name for p in paths]
    everything = read_everything(paths)
    assert "Outi" not in everything and "Pertti" not in everything and "SALAINEN" not in everything
    results = list(openpyxl.load_workbook(paths[0])["results"].values)
    areas = [results[0].index(a) for a in ("knowledge", "skills", "emotional-tone", "level", "gap")]
    assert all(row[i] is None for row in results[1:] for i in areas)
    assert len(list(openpyxl.load_workbook(paths[0])["people"].values)) == 1  # the header only
    markdown = paths[2].read_text(encoding="utf-8")
    assert "vähintään 3 henkilöä" in markdown and "Tutkakaaviota ei piirretty" in markdown
    assert "2,0" not in markdown and "| Taso | – |" in markdown and "| Tiedot | – |" in markdown


def test_report_files_are_not_overwritten_without_force(store, tmp_path):
    team_of(store, "Kassa", ["Aino", "Eero", "Helmi"])
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "fitness-report.md").write_text("oma")
    error = raised(lambda: export_fitness_report(store.report(), folder, lang="en"))
    assert type(error) is SaveError and "fitness-report.md" in str(error)
    assert sorted(p.name for p in folder.iterdir()) == ["fitness-report.md"]  # nothing else written
    assert (folder / "fitness-report.md").read_text() == "oma"
    assert len(export_fitness_report(store.report(), folder, lang="en", force=True)) == 5


def test_a_report_before_anyone_answered(store, tmp_path):
    paths = export_fitness_report(store.report(), tmp_path / "out", lang="en")
    assert [p.name for p in paths] == ["fitness-report.xlsx", "fitness-results.csv", "fitness-report.md"]
    assert "Nobody has answered yet." in paths[2].read_text()
