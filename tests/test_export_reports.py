"""Reports and the bundle: PDF pages and text, standalone HTML that runs nothing, a folder with everything."""

import base64
import io
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pypdf
import pytest
from PIL import Image

import servicepath as sp
from servicepath.cli import main
from servicepath.export.bundle import bundle_names, export_bundle
from servicepath.export.html import export_html, html_report
from servicepath.export.pdf import POSTER_SIZES, pdf_report, poster_pdf, report_figures
from servicepath.export.pictures import MAX_PIXELS, figure_bytes

HOSTILE = "<script>alert(1)</script>"


@pytest.fixture
def hostile(coffee):
    """A journey whose every user-written text tries to break out of HTML."""
    coffee.title = sp.Text(en=f"{HOSTILE} & ../../etc/passwd", fi=HOSTILE)
    coffee.persona = sp.Text(en='<img src="http://evil.example/x.png" onerror="alert(2)">')
    coffee.update_touchpoint("menu", name=sp.Text(en=HOSTILE, fi=HOSTILE), owner='"><b>owner</b>')
    sp.add_improvement(coffee, sp.Improvement("fix", sp.Text(en="<iframe src=//evil>"), ("card",)))
    return coffee


def _pdf_text(path_or_bytes) -> str:
    source = io.BytesIO(path_or_bytes) if isinstance(path_or_bytes, bytes) else path_or_bytes
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(source).pages)


def _squash(text: str) -> str:
    return " ".join(text.split())


# -- PDF -----------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", ["en", "fi"])
def test_pdf_report_has_a_page_per_part_and_the_journeys_words(webshop, tmp_path, lang):
    path = pdf_report(webshop, tmp_path / "report.pdf", lang=lang)
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == len(report_figures(webshop, lang))
    text = _squash(_pdf_text(path))
    assert webshop.title.get(lang) in text
    assert sp.label("report.section.pain_points", lang) in text
    assert sp.label("report.section.plan", lang) in text
    assert sp.label("report.section.suggestions", lang) in text
    top_pain = sp.pain_points(webshop).iloc[0][f"text_{lang}"]
    assert top_pain[:30] in text
    assert sp.prioritise(webshop).iloc[0][f"title_{lang}"][:30] in text


def test_pdf_report_of_a_journey_without_plan_or_payment_says_so(coffee, tmp_path):
    coffee.update_touchpoint("card", tags=())
    text = "".join(_pdf_text(pdf_report(coffee, tmp_path / "r.pdf")).split())  # PDF text breaks words anywhere
    # no payment moment, so nothing to try there either, and no plan
    assert text.count("".join(sp.label("report.empty", "en").split())) == 3


@pytest.mark.parametrize("size", ["A3", "A2"])
def test_poster_is_one_landscape_sheet_of_the_chosen_size_with_the_map_on_it(webshop, tmp_path, size):
    path = poster_pdf(webshop, tmp_path / "poster.pdf", size=size)
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(POSTER_SIZES[size], abs=0.5)
    assert "Payment provider" in _pdf_text(path)


def test_poster_size_must_be_known(webshop, tmp_path):
    with pytest.raises(sp.UnsupportedFormatError, match="unknown poster size 'A7'"):
        poster_pdf(webshop, tmp_path / "p.pdf", size="A7")
    assert not (tmp_path / "p.pdf").exists()


def test_an_existing_report_is_kept_unless_forced(webshop, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(b"the client's annotated copy")
    with pytest.raises(sp.SaveError, match="already exists; use force=True"):
        pdf_report(webshop, path)
    assert path.read_bytes() == b"the client's annotated copy"
    pdf_report(webshop, path, force=True)
    assert path.read_bytes().startswith(b"%PDF-")


# -- pictures --------------------------------------------------------------------------------------
def test_picture_formats_are_what_they_say(webshop):
    figure = sp.journey_map(webshop)
    png = Image.open(io.BytesIO(figure_bytes(figure, "png", dpi=50)))
    assert png.size[0] == pytest.approx(figure.get_figwidth() * 50, abs=1)
    assert png.size[1] == pytest.approx(figure.get_figheight() * 50, abs=1)
    assert ET.fromstring(figure_bytes(figure, "svg")).tag.endswith("svg")
    assert figure_bytes(figure, "pdf").startswith(b"%PDF-")
    with pytest.raises(sp.UnsupportedFormatError, match="'gif'"):
        figure_bytes(figure, "gif")


def test_a_huge_map_is_drawn_at_a_lower_dpi_so_viewers_can_open_it():
    figure = sp.journey_map(sp.synthetic_journey(150, 10))
    width, height = Image.open(io.BytesIO(figure_bytes(figure, "png", dpi=300))).size
    assert width * height <= MAX_PIXELS * 1.01


def test_the_same_journey_gives_the_same_bytes(webshop):
    assert figure_bytes(sp.journey_map(webshop), "svg") == figure_bytes(sp.journey_map(webshop), "svg")


# -- HTML ------------------------------------------------------------------------------------------
class _Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.attrs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((tag, k, v or "") for k, v in attrs)

    def handle_data(self, data):
        self.text.append(data)


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


@pytest.mark.parametrize("lang", ["en", "fi"])
def test_html_report_shows_hostile_text_as_text_and_runs_nothing(hostile, lang):
    page = _parse(html_report(hostile, lang=lang))
    assert not {"script", "iframe", "object", "embed"} & set(page.tags)
    assert page.tags.count("img") == 4  # map, emotion curve, heatmap, priority matrix — nothing else
    assert not [a for a in page.attrs if a[1].startswith("on")], "no event handlers"
    assert all(value.startswith("data:image/") for tag, key, value in page.attrs if key in ("src", "href"))
    text = "".join(page.text)
    assert HOSTILE in text
    assert "<iframe src=//evil>" in text and '"><b>owner</b>' in text


def test_html_report_is_self_contained(webshop):
    page = html_report(webshop, lang="fi")
    parsed = _parse(page)
    assert ("meta", "http-equiv", "Content-Security-Policy") in parsed.attrs
    assert "http://" not in page and "https://" not in page and 'src="//' not in page
    images = [v for t, k, v in parsed.attrs if t == "img" and k == "src"]
    for source in images:
        header, data = source.split(",", 1)
        assert header == "data:image/png;base64"
        assert Image.open(io.BytesIO(base64.b64decode(data))).format == "PNG"
    text = "".join(parsed.text)
    assert "Kipupisteet tärkeysjärjestyksessä" in text and "Maksaminen" in text


def test_html_svg_pictures_carry_no_markup_of_their_own(hostile):
    page = _parse(html_report(hostile, pictures="svg"))
    sources = [v for t, k, v in page.attrs if k == "src"]
    assert sources and all(s.startswith("data:image/svg+xml;base64,") for s in sources)
    for source in sources:
        svg = base64.b64decode(source.split(",", 1)[1]).decode()
        assert "<script" not in svg and HOSTILE not in svg  # text is drawn as shapes


def test_export_html_names_the_file_after_the_title_safely(hostile, tmp_path):
    path = export_html(hostile, tmp_path)
    assert path.parent == tmp_path and path.suffix == ".html" and ".." not in path.name


# -- bundle ----------------------------------------------------------------------------------------
def test_bundle_writes_every_export_and_an_index_that_links_them(webshop, tmp_path):
    calls = []
    paths = export_bundle(webshop, tmp_path / "out", progress=lambda *a: calls.append(a))
    names = bundle_names(webshop)
    assert [p.name for p in paths] == [*names.values(), "index.html"]
    assert all(p.exists() for p in paths)
    assert [c[0] for c in calls] == list(range(len(paths))) and {c[1] for c in calls} == {len(paths)}
    index = _parse((tmp_path / "out" / "index.html").read_text())
    links = [v for t, k, v in index.attrs if k == "href"]
    assert links == list(names.values())
    assert sp.dumps(sp.load(tmp_path / "out" / names["json"])) == sp.dumps(webshop)
    assert sorted(p.name for p in (tmp_path / "out" / names["csv"]).iterdir())[0] == "pain_points_ranked.csv"
    assert pypdf.PdfReader(tmp_path / "out" / names["report"]).pages


def test_bundle_refuses_to_overwrite_and_writes_nothing_then(webshop, tmp_path):
    export_bundle(webshop, tmp_path, kinds=["md", "png"])
    before = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    with pytest.raises(sp.SaveError, match="already exists"):
        export_bundle(webshop, tmp_path, kinds=["json", "png"])
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == before  # not even the json
    export_bundle(webshop, tmp_path, kinds=["json", "png"], force=True)


def test_bundle_file_names_cannot_leave_the_folder(hostile, tmp_path):
    folder = tmp_path / "bundle"
    paths = export_bundle(hostile, folder, kinds=["json", "md", "html", "mermaid"])
    assert all(p.parent == folder for p in paths)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bundle"]


def test_bundle_markdown_links_the_pictures_next_to_it(webshop, tmp_path):
    export_bundle(webshop, tmp_path, kinds=["png", "chart-emotion", "md"])
    names = bundle_names(webshop, ["png", "chart-emotion", "md"])
    text = (tmp_path / names["md"]).read_text()
    assert f"]({names['png']})" in text and f"]({names['chart-emotion']})" in text


def test_bundle_csv_dialect_follows_the_language(webshop, tmp_path):
    export_bundle(webshop, tmp_path / "fi", kinds=["csv"], lang="fi")
    export_bundle(webshop, tmp_path / "en", kinds=["csv"], lang="en")
    finnish = tmp_path / "fi" / bundle_names(webshop, ["csv"], lang="fi")["csv"] / "scores.csv"
    english = tmp_path / "en" / bundle_names(webshop, ["csv"], lang="en")["csv"] / "scores.csv"
    assert finnish.read_bytes().startswith(b"\xef\xbb\xbf")
    assert ";" in finnish.read_text(encoding="utf-8-sig").splitlines()[0]
    assert "," in english.read_text().splitlines()[0]


def test_unknown_export_kind_is_named(webshop, tmp_path):
    with pytest.raises(sp.UnsupportedFormatError, match="unknown export 'docx'"):
        export_bundle(webshop, tmp_path, kinds=["docx"])
    assert not list(tmp_path.iterdir())


# -- command line ----------------------------------------------------------------------------------
def test_cli_export_shows_progress_and_refuses_to_overwrite(tmp_path, capsys):
    source = tmp_path / "w.journey.json"
    sp.save(sp.load_sample("webshop"), source)
    out = tmp_path / "out"
    assert main(["export", str(source), "--to", str(out), "--format", "png", "--format", "mermaid",
                 "--lang", "fi"]) == 0
    printed = capsys.readouterr().out
    assert "[1/2]" in printed and "[2/2]" in printed and "wrote 2 files" in printed
    assert main(["export", str(source), "--to", str(out), "--format", "png"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("servicepath: error: ") and "already exists" in error and "Traceback" not in error
    assert main(["export", str(source), "--to", str(out), "--format", "png", "--force"]) == 0


def test_cli_export_of_a_broken_file_is_one_clear_line(tmp_path, capsys):
    source = tmp_path / "bad.journey.json"
    source.write_text("{not json")
    assert main(["export", str(source), "--to", str(tmp_path / "out")]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "bad.journey.json" in error
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("dpi", ["0", "4", "0.5", "nan", "inf", "5000"])
def test_cli_export_refuses_a_resolution_nothing_can_be_drawn_at(tmp_path, capsys, dpi):
    source = tmp_path / "w.journey.json"
    sp.save(sp.load_sample("webshop"), source)
    assert main(["export", str(source), "--to", str(tmp_path / "out"), "--format", "png", "--dpi", dpi]) == 2
    error = capsys.readouterr().err
    assert "give a resolution from 10 to 1200" in error and error.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_partial_exports_share_a_folder_and_only_the_full_bundle_writes_an_index(webshop, tmp_path):
    export_bundle(webshop, tmp_path, kinds=["png", "svg"])
    export_bundle(webshop, tmp_path, kinds="pdf")  # one kind given as a word is one kind
    assert not (tmp_path / "index.html").exists() and len(list(tmp_path.iterdir())) == 3
    with pytest.raises(sp.UnsupportedFormatError, match="unknown CSV dialect 'tsv'"):
        export_bundle(webshop, tmp_path / "x", kinds=["csv"], csv_dialect="tsv")


def test_a_bundle_that_cannot_be_made_leaves_nothing_behind(tmp_path):
    empty = sp.Journey(sp.Text(en="Not mapped yet"))
    with pytest.raises(sp.ServicepathError, match="no touchpoints"):
        export_bundle(empty, tmp_path / "out", kinds=["json", "png", "csv"])
    assert not (tmp_path / "out").exists()  # not even the JSON, made before the map failed


def test_bundle_csv_folder_keeps_the_finnish_file_names_it_has(webshop, tmp_path):
    folder = tmp_path / bundle_names(webshop, ["csv"])["csv"]
    folder.mkdir()
    (folder / "kosketuspisteet.csv").write_text("id\n")
    with pytest.raises(sp.SaveError, match="kosketuspisteet.csv already exists"):
        export_bundle(webshop, tmp_path, kinds=["csv"])
    export_bundle(webshop, tmp_path, kinds=["csv"], force=True)
    assert not (folder / "touchpoints.csv").exists()
    assert len(sp.load(folder)) == len(webshop)


def test_table_pages_wrap_cells_downwards_without_overlapping_and_repeat_on_new_pages():
    import pandas as pd
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from servicepath.figures import table_pages

    long = "A practice explained at length so that it has to wrap onto a second and a third line " * 2
    table = pd.DataFrame({"Practice": [long, "short"] * 20, "Need": [2.5, 1] * 20})
    pages = table_pages(table, title="What to try", widths=[6, 1])
    assert len(pages) > 1 and pages[1].texts[0].get_text() == f"What to try (2/{len(pages)})"
    for page in pages:
        renderer = FigureCanvasAgg(page).get_renderer()
        cells = sorted((t for t in page.texts if t.get_gid() != "page-title"), key=lambda t: (t.get_position()))
        for column in {round(t.get_position()[0], 4) for t in cells}:
            boxes = sorted((t.get_window_extent(renderer) for t in cells
                            if round(t.get_position()[0], 4) == column), key=lambda b: -b.y1)
            for upper, lower in zip(boxes, boxes[1:]):
                assert lower.y1 <= upper.y0 + 0.5, "a cell runs into the one above"
    shown = [t.get_text() for page in pages for t in page.texts]
    assert shown.count("short") == 20  # every row once, none lost between pages


def test_save_figure_keeps_an_existing_file_unless_forced(webshop, tmp_path):
    path = tmp_path / "map.png"
    path.write_bytes(b"precious")
    with pytest.raises(sp.SaveError, match="already exists"):
        sp.save_figure(sp.journey_map(webshop), path)
    assert path.read_bytes() == b"precious"
    sp.save_figure(sp.journey_map(webshop), path, force=True, dpi=20)
    assert path.read_bytes()[:4] == b"\x89PNG"


def test_report_numbers_are_written_for_the_reader(webshop):
    from servicepath.export.report_tables import report_tables

    fi = report_tables(webshop, "fi")["pain_points"].iloc[0]
    assert fi["Tavoittavuus"] == "70 %" and fi["Prioriteetti"] == "6,30"
    en = report_tables(webshop, "en")["payment"].iloc[0]
    assert en["Drop-out there"] == "22%" and en["Emotion"] == "-2"


def test_reports_show_the_raters_median_like_the_map(webshop):
    from servicepath.export.report_tables import report_tables

    webshop.ratings.extend([sp.Rating("Aino", "pay", "A", 3), sp.Rating("Eero", "pay", "A", 4),
                            sp.Rating("Pia", "pay", "A", 3)])
    table = report_tables(webshop, "en")["touchpoints"].set_index("Touchpoint")
    assert table.loc["Payment", "A"] == "3"
    assert "| Payment — **" in sp.markdown_report(webshop) or "| Payment |" in sp.markdown_report(webshop)
    row = next(line for line in sp.markdown_report(webshop).splitlines() if line.startswith("| Payment"))
    assert "| 3.0 |" in row


@pytest.mark.parametrize("write, read", [(sp.export_graphml, "read_graphml"), (sp.export_gexf, "read_gexf")])
def test_graph_files_stay_readable_xml_when_a_name_has_a_control_character(coffee, tmp_path, write, read):
    import networkx as nx

    coffee.update_touchpoint("menu", name=sp.Text(en="Bell\x07 rings"))
    graph = getattr(nx, read)(write(coffee, tmp_path))
    assert graph.nodes["menu"]["label"] == "Bell\ufffd rings"
