"""Data exports: workbook, CSV tables, Markdown report, Mermaid flowchart, GraphML and GEXF."""

import datetime
import re
import tempfile
from pathlib import Path

import networkx as nx
import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from strategies import journeys

import servicepath as sp
from servicepath.export import csvtables, graphs, markdown, mermaid, workbook
from servicepath.export.clienttables import CLIENT_SHEETS
from servicepath.i18n import label
from servicepath.io.tables import sheet_of

HOSTILE = {"menu": '=HYPERLINK("http://evil","x")', "card": "@SUM(A1)", "receipt": "-2+3"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def planned(coffee):
    """The café journey with two improvements, one with a due date."""
    sp.add_improvement(coffee, sp.Improvement("quick-pay", sp.Text(fi="Pikamaksu", en="Quick pay"), ("card",),
                                              impact=5, effort=2, owner="Maija", due="2026-12-31"))
    sp.add_improvement(coffee, sp.Improvement("rebuild", sp.Text(en="New till"), ("card",), impact=2, effort=5))
    return coffee


@pytest.fixture
def hostile(planned):
    for tp, name in HOSTILE.items():
        planned.update_touchpoint(tp, name=sp.Text(en=name, fi=name))
    return planned


class _NoMap:
    """Stands in for the drawings where a test is about the tables: drawing the map takes a second."""

    def __init__(self, *args, **kwargs):
        pass

    def encoded(self, *args):
        return None


@pytest.fixture
def no_map(monkeypatch):
    monkeypatch.setattr(workbook, "Drawings", _NoMap)


# -- workbook --------------------------------------------------------------------------------------
@pytest.mark.parametrize("sample", ["webshop", "b2b-service"])
def test_workbook_loads_back_as_the_same_journey(sample, tmp_path, no_map):
    journey = sp.load_sample(sample)
    path = workbook.export_workbook(journey, tmp_path / "client.xlsx")
    assert sp.dumps(sp.load(path)) == sp.dumps(journey)


def test_workbook_has_the_journey_sheets_of_save_and_the_client_sheets(planned, tmp_path, no_map):
    saved = openpyxl.load_workbook(sp.save(planned.copy(), tmp_path / "saved.xlsx", touch=False))
    exported = openpyxl.load_workbook(workbook.export_workbook(planned, tmp_path / "client.xlsx"))
    assert exported.sheetnames == saved.sheetnames + list(CLIENT_SHEETS)
    for name in saved.sheetnames:
        assert [[c.value for c in row] for row in exported[name].iter_rows()] == \
               [[c.value for c in row] for row in saved[name].iter_rows()]


def test_extra_sheet_names_are_not_journey_sheets_in_any_language():
    names = [*CLIENT_SHEETS, label("export.sheet.map", "en"), label("export.sheet.map", "fi")]
    assert all(sheet_of(name) is None for name in names)


def test_workbook_sheets_are_formatted_for_excel(planned, tmp_path, no_map):
    from openpyxl.utils import get_column_letter

    book = openpyxl.load_workbook(workbook.export_workbook(planned, tmp_path / "client.xlsx"))
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert all(cell.font.bold for cell in sheet[1]), sheet.title
        widths = [sheet.column_dimensions[get_column_letter(i)].width for i in range(1, sheet.max_column + 1)]
        assert all(8 <= w <= 60 for w in widths), sheet.title
    scores = {c.value: i for i, c in enumerate(book["scores"][1])}
    card = next(row for row in book["scores"].iter_rows(min_row=2, values_only=True) if row[scores["id"]] == "card")
    assert card[scores["A"]] == 1 and isinstance(card[scores["index"]], (int, float))
    plan = {c.value: i for i, c in enumerate(book["plan"][1])}
    due = book["plan"].cell(row=2, column=plan["due"] + 1)
    assert isinstance(due.value, datetime.datetime) and due.number_format == "yyyy-mm-dd"
    created = next(row for row in book["journey"].iter_rows(min_row=2) if row[0].value == "created")[1]
    assert isinstance(created.value, datetime.datetime) and created.is_date


def test_workbook_cells_cannot_run_as_formulas_and_names_read_back(hostile, tmp_path, no_map):
    path = workbook.export_workbook(hostile, tmp_path / "client.xlsx")
    book = openpyxl.load_workbook(path)  # raw values, nothing evaluated
    texts = [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row
             if isinstance(cell.value, str)]
    assert all(cell.data_type != "f" for sheet in book.worksheets for row in sheet.iter_rows() for cell in row)
    assert not [c.value for c in texts if c.value.startswith(FORMULA_START)]
    names = {row[2] for row in book["scores"].iter_rows(min_row=2, values_only=True)}
    assert {"'" + name for name in HOSTILE.values()} <= names
    loaded = sp.load(path)
    assert {tp: loaded.touchpoint(tp).name.en for tp in HOSTILE} == HOSTILE


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_workbook_embeds_the_map_picture(planned, tmp_path, lang):
    path = workbook.export_workbook(planned, tmp_path / "client.xlsx", lang=lang)
    book = openpyxl.load_workbook(path)
    sheet = book[label("export.sheet.map", lang)]
    assert len(sheet._images) == 1 and sheet["A1"].value == planned.title.get(lang)
    assert sp.dumps(sp.load(path)) == sp.dumps(planned)


def test_workbook_without_picture_has_no_map_sheet(planned, tmp_path):
    book = openpyxl.load_workbook(workbook.export_workbook(planned, tmp_path / "c.xlsx", picture=False))
    assert book.sheetnames[-1] == "plan"


def test_workbook_reads_with_pandas_numbers_as_numbers(planned, tmp_path, no_map):
    sheets = pd.read_excel(workbook.export_workbook(planned, tmp_path / "c.xlsx"), sheet_name=None)
    assert pd.api.types.is_float_dtype(sheets["scores"]["index"])
    assert pd.api.types.is_numeric_dtype(sheets["pain_points_ranked"]["priority"])
    assert sheets["plan"]["id"].tolist() == ["quick-pay", "rebuild"]
    assert pd.api.types.is_datetime64_any_dtype(sheets["plan"]["due"])


def test_workbook_never_replaces_a_file_unless_forced(planned, tmp_path, no_map):
    path = tmp_path / "client.xlsx"
    path.write_bytes(b"a client's own file")
    with pytest.raises(sp.SaveError, match=r"client\.xlsx.*--force"):
        workbook.export_workbook(planned, path)
    assert path.read_bytes() == b"a client's own file"
    workbook.export_workbook(planned, path, force=True)
    assert len(sp.load(path)) == 3


def test_workbook_in_a_folder_is_named_after_the_title(planned, tmp_path, no_map):
    assert workbook.export_workbook(planned, tmp_path, lang="fi").name == "kahvila.xlsx"
    with pytest.raises(sp.UnsupportedFormatError, match="xlsx"):
        workbook.export_workbook(planned, tmp_path / "client.csv")


# -- CSV -------------------------------------------------------------------------------------------
def test_csv_finnish_excel_reads_back_with_numbers_as_numbers(planned, tmp_path):
    paths = csvtables.export_csv(planned, tmp_path, dialect="excel-fi")
    assert [p.name for p in paths] == [f"{name}.csv" for name in csvtables.CSV_TABLES]
    raw = paths[2].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.splitlines()[0]
    read = {p.stem: pd.read_csv(p, sep=";", decimal=",", encoding="utf-8-sig") for p in paths}
    scores = read["scores"]
    assert pd.api.types.is_float_dtype(scores["A"]) and pd.api.types.is_float_dtype(scores["index"])
    assert float(scores.set_index("id").loc["card", "R"]) == 2.0
    assert pd.api.types.is_float_dtype(read["pain_points_ranked"]["reach"])
    assert pd.api.types.is_float_dtype(read["transitions"]["share"])
    assert read["plan"]["due"].tolist()[0] == "2026-12-31"


def test_csv_international_dialect(planned, tmp_path):
    paths = csvtables.export_csv(planned, tmp_path, dialect="excel")
    scores = pd.read_csv(paths[2])
    assert not paths[2].read_bytes().startswith(b"\xef\xbb\xbf")
    assert pd.api.types.is_float_dtype(scores["weight"])


def test_csv_cells_are_formula_safe(hostile, tmp_path):
    paths = csvtables.export_csv(hostile, tmp_path)
    for path in paths:
        for cell in pd.read_csv(path, dtype=str, keep_default_na=False).to_numpy().ravel():
            if cell.startswith(FORMULA_START):  # only numbers, such as an emotion of -2, may
                float(cell)
    assert "'=HYPERLINK" in (tmp_path / "scores.csv").read_text()


def test_csv_folder_loads_as_the_journeys_touchpoints_and_transitions(planned, tmp_path):
    csvtables.export_csv(planned, tmp_path, dialect="excel-fi")
    loaded = sp.load(tmp_path, strict=False)
    assert set(loaded.graph.nodes) == set(planned.graph.nodes)
    assert set(loaded.graph.edges) == set(planned.graph.edges)


def test_csv_is_all_or_nothing(planned, tmp_path):
    (tmp_path / "plan.csv").write_text("mine")
    with pytest.raises(sp.SaveError, match=r"plan\.csv.*--force"):
        csvtables.export_csv(planned, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.csv"]
    csvtables.export_csv(planned, tmp_path, force=True)
    assert (tmp_path / "plan.csv").read_text().startswith("rank,")


def test_csv_keeps_the_finnish_file_name_a_folder_already_uses(planned, tmp_path):
    sp.save(planned, tmp_path)
    (tmp_path / "touchpoints.csv").rename(tmp_path / "kosketuspisteet.csv")
    paths = csvtables.export_csv(planned, tmp_path, force=True)
    assert paths[0].name == "kosketuspisteet.csv" and not (tmp_path / "touchpoints.csv").exists()
    assert len(sp.load(tmp_path)) == 3


def test_csv_refuses_an_unknown_dialect_and_a_file_as_folder(planned, tmp_path):
    with pytest.raises(sp.UnsupportedFormatError, match="excel-fi"):
        csvtables.export_csv(planned, tmp_path, dialect="semicolon")
    (tmp_path / "file").write_text("x")
    with pytest.raises(sp.SaveError, match="is a file"):
        csvtables.export_csv(planned, tmp_path / "file")


# -- Markdown ---------------------------------------------------------------------------------------
def _tables(text):
    """Blocks of consecutive table lines."""
    blocks, current = [], []
    for line in text.splitlines() + [""]:
        if line.startswith("|"):
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    return blocks


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_markdown_report_has_every_section(planned, lang):
    text = markdown.markdown_report(planned, lang=lang)
    for key in ("report.summary", "report.stages", "report.scores", "report.pain_ranked", "report.payment_moment",
                "report.plan"):
        assert f"## {label(key, lang)}" in text
    assert text.startswith(f"# {planned.title.get(lang)}\n")
    assert "Pikamaksu" in text if lang == "fi" else "Quick pay" in text
    assert label("quadrant.quick win", lang) in text
    assert ("76%" if lang == "en" else "76 %") in text  # customers reaching the goal: 0.8 × 0.95


def test_markdown_escapes_hostile_text_and_keeps_tables_whole(planned):
    planned.update_touchpoint("menu", name=sp.Text(en="<script>alert(1)</script> | x"))
    planned.update_touchpoint("card", name=sp.Text(en="# heading\nnew line `code` [link](http://evil) <img src=x>"))
    planned.title = sp.Text(en="Café | <b>bold</b>")
    text = markdown.markdown_report(planned)
    assert "<script" not in text and "<img" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#124; x" in text
    assert "\\# heading new line &#96;code&#96; \\[link\\](http://evil)" in text
    for block in _tables(text):
        counts = {line.count("|") for line in block}
        assert len(counts) == 1, block
        assert re.fullmatch(r"\|( (---|---:) \|)+", block[1])


def test_markdown_pictures_are_embedded_with_relative_paths(planned):
    text = markdown.markdown_report(planned, pictures={"Journey map": "maps/café map.png", "A [b]": "x.png"})
    assert "![Journey map](maps/caf%C3%A9%20map.png)" in text and "![A \\[b\\]](x.png)" in text
    for bad in ("/etc/passwd", "javascript:alert(1)", "https://evil/x.png", "C:\\x.png"):
        with pytest.raises(sp.InputError, match="relative"):
            markdown.markdown_report(planned, pictures={"x": bad})


def test_markdown_without_goals_payment_or_plan(tmp_path):
    journey = sp.Journey(sp.Text(en="Tiny"), stages=[sp.Stage("only")])
    journey.add_touchpoint(sp.Touchpoint("a", sp.Text(en="A"), "only", entry_share=1.0, final=True))
    text = markdown.markdown_report(journey)
    assert label("report.goal_probability") not in text
    assert label("report.no_payment") in text and label("report.no_plan") in text
    assert label("report.no_pain_points") in text


# -- Mermaid ---------------------------------------------------------------------------------------
NODE = re.compile(r'^\s*(tp_\w+)\["([^"]*)"\]$')
EDGE = re.compile(r'^\s*(tp_\w+) -->\|"([^"]*)"\| (tp_\w+)$')


@pytest.fixture
def awkward():
    journey = sp.Journey(sp.Text(en="Awkward"), stages=[sp.Stage("s-1", sp.Text(en='Stage "one"')),
                                                         sp.Stage("end")])
    names = ['Say "hi"', "<script>alert(1)</script>", '"]; click tp_a call alert(1) %%{init: {}}%%',
             "line\nbreak", "#quot; `md`", "ok"]
    for i, (tp, name) in enumerate(zip(["follow-up", "ä-ö", "a-o", "end", "1", "x"], names, strict=True)):
        journey.add_touchpoint(sp.Touchpoint(tp, sp.Text(en=name), "s-1" if i < 3 else "end",
                                             entry_share=1.0 if i == 0 else 0.0, critical=i == 1))
    for source, target in [("follow-up", "ä-ö"), ("ä-ö", "a-o"), ("a-o", "end"), ("end", "1"), ("1", "x"),
                           ("x", "x")]:
        journey.add_transition(source, target, share=0.5)
    return journey


def test_mermaid_ids_are_safe_and_unique(awkward):
    ids = mermaid.node_ids(awkward)
    assert all(re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", i) for i in ids.values())
    assert len(set(ids.values())) == len(ids) == len(awkward)
    assert ids["follow-up"] == "tp_follow_up"


def test_mermaid_flowchart_structure(awkward):
    text = mermaid.mermaid_flowchart(awkward)
    lines = text.splitlines()
    assert lines[0] == "flowchart LR"
    subgraphs = [line.strip() for line in lines if line.strip().startswith("subgraph")]
    assert subgraphs == ['subgraph stage_1["Stage #quot;one#quot;"]', 'subgraph stage_2["end"]']
    nodes = [NODE.match(line) for line in lines if NODE.match(line)]
    assert sorted(m[1] for m in nodes) == sorted(mermaid.node_ids(awkward).values())
    edges = [EDGE.match(line) for line in lines if "-->" in line]
    assert all(edges) and len(edges) == awkward.graph.number_of_edges()
    assert {m[2] for m in edges} == {"50%"}
    assert f"class {mermaid.node_ids(awkward)['ä-ö']} critical" in text


def test_mermaid_labels_cannot_break_out(awkward):
    text = mermaid.mermaid_flowchart(awkward)
    for line in text.splitlines()[1:]:
        stripped = line.strip()
        assert stripped == "end" or stripped.startswith(("subgraph", "classDef", "class ")) \
            or NODE.match(line) or EDGE.match(line), line
    assert "<" not in text and "%%" not in text and "`" not in text
    assert "#60;script#62;" in text and "#quot;#93;#59; click tp_a" in text  # kept, but only inside its label


def test_mermaid_in_finnish_uses_finnish_names_and_percentages(coffee):
    text = mermaid.mermaid_flowchart(coffee, lang="fi")
    assert 'tp_card["Korttimaksu"]' in text and '"95 %"' in text


# -- GraphML and GEXF --------------------------------------------------------------------------------
@pytest.mark.parametrize(("export", "read"), [(graphs.export_graphml, nx.read_graphml),
                                              (graphs.export_gexf, nx.read_gexf)])
def test_graph_files_read_back_with_networkx(export, read, tmp_path):
    journey = sp.load_sample("webshop")
    path = export(journey, tmp_path)
    graph = read(path)
    assert set(graph.nodes) == set(journey.graph.nodes)
    assert set(graph.edges) == set(journey.graph.edges)
    pay = graph.nodes["pay"]
    assert pay["emotion"] == -2.0 and pay["label"] == "Payment" and pay["critical"] is True
    assert pay["A"] == 1.0 and pay["stage"] == "buy" and pay["lane"] == "customer"
    assert pay["reach"] == pytest.approx(float(sp.reach(journey).set_index("id").loc["pay", "reach"]))
    edge = graph.edges["search", "product"]
    assert edge["share"] == 0.55 and edge["volume"] == 7700.0 and edge["duration"] == "PT2M"
    for node, attrs in journey.graph.nodes(data=True):
        assert set(attrs) <= set(graph.nodes[node])


def test_graphml_keeps_the_title_and_drops_missing_values(coffee, tmp_path):
    graph = nx.read_graphml(graphs.export_graphml(coffee, tmp_path / "cafe.graphml", lang="fi"))
    assert graph.graph["title_fi"] == "Kahvila" and graph.graph["title_en"] == "Café"
    assert "emotion" not in graph.nodes["receipt"] and "volume" not in graph.edges["menu", "card"]
    assert graph.nodes["card"]["label"] == "Korttimaksu"


def test_graph_exports_never_replace_a_file_unless_forced(coffee, tmp_path):
    path = graphs.export_gexf(coffee, tmp_path / "cafe.gexf")
    with pytest.raises(sp.SaveError, match=r"cafe\.gexf.*--force"):
        graphs.export_gexf(coffee, path)
    graphs.export_gexf(coffee, path, force=True)
    with pytest.raises(sp.UnsupportedFormatError, match="graphml"):
        graphs.export_graphml(coffee, tmp_path / "cafe.xml")


@pytest.mark.parametrize("export", [
    lambda j, folder: workbook.export_workbook(j, folder, lang="sv"),
    lambda j, folder: csvtables.export_csv(j, folder, lang="sv"),
    lambda j, folder: markdown.markdown_report(j, lang="sv"),
    lambda j, folder: mermaid.mermaid_flowchart(j, lang="sv"),
    lambda j, folder: graphs.export_graphml(j, folder, lang="sv"),
])
def test_an_unknown_language_is_refused_before_anything_is_written(coffee, tmp_path, export):
    with pytest.raises(sp.ServicepathError, match="'sv'"):
        export(coffee, tmp_path)
    assert not list(tmp_path.iterdir())


# -- any journey ------------------------------------------------------------------------------------
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(journey=journeys())
def test_any_journey_exports_safely_and_the_workbook_loads_back(journey, tmp_path, no_map):
    folder = Path(tempfile.mkdtemp(dir=tmp_path))  # one per example: tmp_path is shared by them all
    path = workbook.export_workbook(journey, folder)
    assert sp.dumps(sp.load(path, strict=False)) == sp.dumps(journey)
    csvtables.export_csv(journey, folder / "csv", dialect="excel-fi")
    for block in _tables(markdown.markdown_report(journey, lang="fi")):
        assert len({line.count("|") for line in block}) == 1
    lines = mermaid.mermaid_flowchart(journey).splitlines()
    assert sum(bool(EDGE.match(line)) for line in lines) == journey.graph.number_of_edges()
    assert sum(bool(NODE.match(line)) for line in lines) == len(journey)
    graph = nx.read_graphml(graphs.export_graphml(journey, folder / "j.graphml"))
    assert set(graph.edges) == set(journey.graph.edges)
