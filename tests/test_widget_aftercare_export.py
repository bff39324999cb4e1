"""Aftercare checkup and export panel, driven the way a workshop group and a consultant use them."""

import html
import re

import pytest

import servicepath as sp
from servicepath.analysis.library import AFTERCARE_PRACTICES, RECOVERY_STEPS
from servicepath.export import EXPORTS
from servicepath.export.bundle import bundle_names
from servicepath.widgets import AftercareCheckup, ExportPanel, LanguageSwitch, SaveBar, Workbench
from servicepath.widgets.exporter import file_links


def _name(texts, tag, lang):
    return texts[tag].get(lang).split(":")[0]


@pytest.fixture
def b2b(tmp_path):
    return Workbench(sp.load_sample("b2b-service"), tmp_path / "b2b.journey.json", lang="en")


@pytest.fixture
def webshop(tmp_path):
    return Workbench(sp.load_sample("webshop"), tmp_path / "webshop.journey.json", lang="en")


# -- aftercare ----------------------------------------------------------------------------------------------
def test_the_b2b_sample_covers_all_ten_practices_and_each_row_names_its_touchpoint(b2b):
    checkup = AftercareCheckup(b2b)
    assert checkup.coverage.count == 10
    assert "10 of 10" in checkup.summary.value and "Every practice" in checkup.summary.value
    assert list(checkup.practices) == list(AFTERCARE_PRACTICES)
    assert checkup.practices["aftercare:invoicing"].touchpoints == ["invoice"]
    row = checkup.practices["aftercare:contact-person"]
    assert "Named contact person <code>contact-person</code>" in row.carriers.value
    for tag, row in checkup.practices.items():
        assert html.escape(AFTERCARE_PRACTICES[tag].en.split(":")[1].strip()) in row.text.value
        assert row.text.value.startswith('<span style="color:#009E73">✓</span>')


def test_untag_and_tag_through_the_pickers_changes_coverage_and_saves_the_file(b2b):
    checkup = AftercareCheckup(b2b)
    bar = SaveBar(b2b)
    gifts = checkup.practices["aftercare:gifts"]

    gifts.remove.value = "gifts"  # the group: "we do not really remember anniversaries"
    assert checkup.coverage.count == 9 and checkup.coverage.missing == ["aftercare:gifts"]
    assert "9 of 10" in checkup.summary.value and "Remembrances and gifts" in checkup.summary.value
    assert gifts.touchpoints == [] and "no touchpoint yet" in gifts.carriers.value
    assert "aftercare:gifts" not in sp.load(b2b.path).touchpoint("gifts").tags
    assert b2b.status == "✓ gifts: tag aftercare:gifts removed" and "removed" in bar.status.value
    assert gifts.remove.value is None and gifts.remove.disabled  # the picker is ready again

    gifts.add.value = "kickoff"  # ... "but we bring a gift that looks like us to the kickoff"
    assert checkup.coverage.count == 10 and gifts.touchpoints == ["kickoff"]
    assert "aftercare:gifts" in sp.load(b2b.path).touchpoint("kickoff").tags
    assert sp.load(b2b.path).touchpoint("kickoff").tags[-1] == "aftercare:gifts"
    assert gifts.add.value is None and "kickoff" not in [v for _, v in gifts.add.options]

    bar.undo_button.click()
    assert checkup.coverage.count == 9 and gifts.touchpoints == []
    assert sp.aftercare_coverage(sp.load(b2b.path)).count == 9


def test_a_tag_that_cannot_be_given_is_refused_in_the_status_not_with_a_traceback(b2b):
    checkup = AftercareCheckup(b2b)
    version = b2b.version
    assert not checkup.tag("aftercare:gifts", "gifts")
    assert b2b.status.startswith("✗") and "already" in b2b.status
    assert not checkup.tag("aftercare:gifts", "no-such-touchpoint")
    assert b2b.status.startswith("✗") and "no-such-touchpoint" in b2b.status
    assert not checkup.tag("aftercare:nonsense", "gifts")
    assert not checkup.untag("aftercare:invoicing", "gifts")
    assert b2b.version == version and checkup.coverage.count == 10
    assert "✗" in checkup.status.value


def test_the_webshop_recovery_view_lists_the_five_steps_in_order(webshop):
    checkup = AftercareCheckup(webshop)
    assert list(checkup.steps) == ["complaint", *RECOVERY_STEPS]
    for step in RECOVERY_STEPS:
        assert checkup.steps[step].touchpoints == [step.removeprefix("recovery:")]
    words = checkup.recovery.value
    assert "all five steps follow in order" in words
    names = ["Vakuuttaminen", "Kuunteleminen", "Vahvistaminen", "Korjaaminen", "Seuranta"]
    webshop.lang = "fi"
    words = checkup.recovery.value
    assert "kaikki viisi askelta" in words
    positions = [words.index(n) for n in names]
    assert positions == sorted(positions)
    assert "10 päivää" in words and "kuten pitää" in words
    assert "0/10" in checkup.summary.value  # the webshop has no aftercare tags yet


def test_a_step_moved_out_of_order_is_named_in_words(webshop):
    checkup = AftercareCheckup(webshop)
    checkup.steps["recovery:listen"].remove.value = "listen"
    checkup.steps["recovery:listen"].add.value = "follow-up"  # "we only listen when we call back"
    assert sp.load(webshop.path).touchpoint("follow-up").tags == ("recovery:follow-up", "recovery:listen")
    words = checkup.recovery.value
    assert "2 of the five steps follow in order" in words
    assert re.search(r"not in this order: Confirm, Fix, Follow up", words)


def test_the_b2b_complaint_gets_its_recovery_steps_tagged_one_by_one(b2b):
    checkup = AftercareCheckup(b2b)
    assert "none of the five steps" in checkup.recovery.value
    assert all(_name(RECOVERY_STEPS, s, "en") in checkup.recovery.value for s in RECOVERY_STEPS)
    plan = {"recovery:assure": "contact-person", "recovery:listen": "channels", "recovery:confirm": "feedback",
            "recovery:fix": "partnership", "recovery:follow-up": "extra-value"}
    for step, touchpoint in plan.items():
        checkup.steps[step].add.value = touchpoint
    assert "all five steps follow in order" in checkup.recovery.value
    saved = sp.service_recovery(sp.load(b2b.path)).iloc[0]
    assert saved["steps_found"] == 5


def test_without_a_complaint_the_recovery_view_says_what_to_do(webshop):
    checkup = AftercareCheckup(webshop)
    checkup.steps["complaint"].remove.value = "complaint"
    assert "No touchpoint is tagged complaint" in checkup.recovery.value
    checkup.steps["complaint"].add.value = "feedback"
    assert "Complaint “Feedback request”" in checkup.recovery.value
    assert "all five steps follow in order" in checkup.recovery.value  # feedback leads on to them


def test_the_language_switch_relabels_the_checkup(b2b):
    checkup = AftercareCheckup(b2b)
    switch = LanguageSwitch(b2b)
    row = checkup.practices["aftercare:partnership"]
    assert "Partnership" in row.text.value and "Jälkihoito" not in checkup.title.value
    switch.value = "fi"
    assert "Kumppanuus" in row.text.value and "Jälkihoito" in checkup.title.value
    assert "10/10" in checkup.summary.value and row.add.options[0][0] == "+ merkitse kosketuspiste…"
    assert "Kumppanuuspalaveri" in row.carriers.value


# -- export -------------------------------------------------------------------------------------------------
@pytest.fixture
def panel(webshop, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # as a notebook runs in its own folder
    return ExportPanel(webshop, "client/exports")


def _snapshot(folder):
    return {p.relative_to(folder): (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


def test_export_writes_the_chosen_kinds_refuses_to_overwrite_then_overwrites(panel, webshop, tmp_path):
    assert panel.folder.value == "client/exports" and set(panel.kinds.value) == {"png", "report", "xlsx"}
    panel.kinds.value = ("json", "mermaid", "csv")
    panel.export_button.click()
    folder = tmp_path / "client" / "exports"
    names = bundle_names(webshop.journey, ["json", "mermaid", "csv"], lang="en")
    assert sorted(p.name for p in folder.iterdir()) == sorted(names.values())
    assert (folder / names["csv"] / "touchpoints.csv").is_file()
    assert webshop.status == "✓ 3 files written to client/exports"
    assert sp.load(folder / names["json"]).touchpoint("pay").emotion == -2

    before = _snapshot(folder)
    webshop.change("calmer payment", lambda j: j.update_touchpoint("pay", emotion=0))
    panel.export_button.click()  # again, without ticking "replace existing files"
    assert webshop.status.startswith("✗ Nothing was written: 3 of the files already exist in client/exports")
    assert "Replace existing files" in webshop.status and "✗" in panel.message.value
    assert _snapshot(folder) == before

    panel.overwrite.value = True
    assert len(panel.export()) == 3
    assert sp.load(folder / names["json"]).touchpoint("pay").emotion == 0
    assert webshop.status.startswith("✓")


def test_links_list_the_written_files_by_relative_escaped_paths(panel, webshop, tmp_path):
    panel.kinds.value = ("md", "csv")
    written = panel.export()
    links = panel.links.value
    assert "Exported files" in links
    for path in written:
        assert f'href="client/exports/{path.name}"' in links and f">{html.escape(path.name)}</a>" in links
    assert 'href="client/exports/webshop-buying-a-coffee-maker-csv/touchpoints.csv"' in links
    assert str(tmp_path) not in links
    assert 'href="odd%20%26%20%3Cname%3E.md"' in file_links([tmp_path / "odd & <name>.md"], start=tmp_path)
    assert "&lt;name&gt;" in file_links([tmp_path / "odd & <name>.md"], start=tmp_path)


def test_nothing_chosen_or_no_folder_or_a_file_as_folder_is_refused_politely(panel, webshop, tmp_path):
    panel.kinds.value = ()
    assert panel.export() == [] and webshop.status == "✗ Choose at least one kind of file to export."
    panel.kinds.value, panel.folder.value = ("mermaid",), "  "
    assert panel.export() == [] and webshop.status == "✗ Give a folder to export into."
    (tmp_path / "notes.txt").write_text("not a folder")
    panel.folder.value = "notes.txt"
    assert panel.export() == [] and webshop.status.startswith("✗ Nothing was written:")
    assert "is a file" in webshop.status and panel.links.value == ""


def test_choosing_everything_writes_the_full_bundle_with_its_index_in_finnish(panel, webshop, tmp_path):
    webshop.lang = "fi"
    panel.all_button.click()
    assert set(panel.kinds.value) == {e.kind for e in EXPORTS}
    written = panel.export()
    assert written[-1].name == "index.html" and len(written) == len(EXPORTS) + 1
    assert "<h1>Verkkokauppa: kahvinkeittimen ostaminen</h1>" in written[-1].read_text()
    assert all(path.exists() for path in written)
    assert 'href="client/exports/index.html"' in panel.links.value and "Viedyt tiedostot" in panel.links.value
    panel.export_button.click()
    assert webshop.status.startswith(f"✗ Mitään ei kirjoitettu: {len(EXPORTS) + 1} tiedostoista on jo kansiossa")


def test_the_language_switch_relabels_the_export_panel_and_keeps_the_choice(panel, webshop):
    panel.kinds.value = ("png", "xlsx")
    assert ("Journey map as an image (png)", "png") in panel.kinds.options
    assert panel.export_button.description == "Export"
    webshop.lang = "fi"
    assert ("Asiakaspolkukartta kuvana (png)", "png") in panel.kinds.options
    assert panel.kinds.value == ("png", "xlsx")
    assert panel.export_button.description == "Vie" and panel.overwrite.description == "Korvaa aiemmat tiedostot"
