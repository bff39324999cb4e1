"""The lived-journey view driven from code: the display filter, the two pictures, the languages."""

import pytest

import servicepath as sp
from servicepath.mining.samples import sample_event_log
from servicepath.widgets import LivedJourneyView


@pytest.fixture(scope="module")
def lived():
    return sp.journey_from_events(sample_event_log(1500), nps="nps")


def test_the_display_filter_changes_the_picture_not_the_findings(lived):
    view = LivedJourneyView(sp.load_sample("webshop"), lived, lang="en", dpi=30)
    before_image, before_table = view.image.value, view.surprises.value
    view.min_share.value = 0.3
    assert view.image.value != before_image
    assert view.surprises.value == before_table  # the findings still count every transition


def test_the_view_switches_between_the_overlay_and_the_lived_network(lived):
    view = LivedJourneyView(sp.load_sample("webshop"), lived, lang="en", dpi=30)
    overlay = view.image.value
    view.view.value = "network"
    assert view.image.value != overlay and view.image.value[:4] == b"\x89PNG"


def test_finnish_labels_and_paths_most_frequent_first(lived):
    view = LivedJourneyView(sp.load_sample("webshop"), lived, lang="fi", dpi=30)
    assert "Suurimmat yllätykset" in view.surprises.value and "vain datassa" in view.surprises.value
    assert "Datan yleisimmät polut" in view.paths.value
    assert view.view.options[0][0] == "suunnitelman päällä"
    view.lang = "en"
    assert "Biggest surprises" in view.surprises.value and view.min_share.description == "hide lines under"
    first = lived.graph.graph["event_log"]["variants"].iloc[0]
    assert " → ".join(first["path"]) in view.paths.value.replace("&gt;", ">")


def test_a_name_with_markup_is_escaped(lived):
    log = sample_event_log(300)
    log["activity"] = log["activity"].replace("Payment", "<b>Pay</b>")
    view = LivedJourneyView(sp.load_sample("webshop"), sp.journey_from_events(log), lang="en", dpi=30)
    assert "<b>Pay</b>" not in view.paths.value and "&lt;b&gt;Pay&lt;/b&gt;" in view.paths.value
