import pytest

import servicepath as sp


@pytest.fixture
def webshop():
    return sp.load_sample("webshop")


@pytest.fixture
def coffee():
    """A hand-made three-touchpoint journey whose every number is known."""
    j = sp.Journey(sp.Text(fi="Kahvila", en="Café"), stages=[sp.Stage("order"), sp.Stage("pay"), sp.Stage("after")])
    j.add_touchpoint(sp.Touchpoint("menu", sp.Text(fi="Ruokalista", en="Menu"), "order", entry_share=1.0, emotion=1))
    j.add_touchpoint(sp.Touchpoint(
        "card", sp.Text(fi="Korttimaksu", en="Card payment"), "pay", emotion=-2, critical=True,
        tags=("payment",), arvo=sp.Arvo(A=1, R=2, V=0),
        pain_points=(sp.PainPoint(sp.Text(fi="Jono", en="Queue"), severity=4, frequency=3, id="queue"),),
    ))
    j.add_touchpoint(sp.Touchpoint("receipt", sp.Text(fi="Kuitti", en="Receipt"), "after", lane="evidence", final=True))
    j.add_transition("menu", "card", share=0.8, duration="2 min")
    j.add_transition("card", "receipt", share=0.95, volume=120)
    j.goals.append("receipt")
    return j


def pytest_configure(config):
    # The notebooks run in place (nbval) and write to their work folder: point every workbench at a
    # temporary one, so the suite never touches a real workshop's notebooks/work/.
    import os
    import tempfile

    os.environ.setdefault("SERVICEPATH_WORK", tempfile.mkdtemp(prefix="servicepath-work-"))


@pytest.fixture(autouse=True)
def _workbench_folders_as_given(monkeypatch):
    """Tests that open a workbench name their own folder; only the notebooks use SERVICEPATH_WORK."""
    monkeypatch.delenv("SERVICEPATH_WORK", raising=False)
