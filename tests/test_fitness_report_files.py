"""Report files written again into the same folder say what this report says, not what an earlier one did."""

import pytest

import servicepath as sp
from servicepath.errors import SaveError
from servicepath.model.fitness import FITNESS_ITEMS, FitnessAnswer


def answer_all(store, people, value):
    for person in people:
        store.add_person(person, team="Kassa")
        store.save_answers(person, [FitnessAnswer(item.id, value) for item in FITNESS_ITEMS])


def test_a_radar_from_an_earlier_shown_result_goes_when_the_result_is_now_hidden(tmp_path):
    out = tmp_path / "out"
    with sp.FitnessStore(tmp_path / "servicepath.db") as store:
        store.new_round("R1", opened="2026-01-01")
        answer_all(store, ["A", "B", "C"], 4)
        first = sp.export_fitness_report(store.report(team="Kassa"), out, lang="en")
        assert (out / "fitness-radar.png") in first
        store.new_round("R2", opened="2026-04-01")
        answer_all(store, ["A"], 2)  # only one person in the new round: hidden
        hidden = store.report(team="Kassa")
        assert not hidden.shown
        with pytest.raises(SaveError, match="fitness-radar.png already exists"):
            sp.export_fitness_report(hidden, out, lang="en")  # nothing changes without force
        assert (out / "fitness-radar.png").exists()
        second = sp.export_fitness_report(hidden, out, lang="en", force=True)
    assert not (out / "fitness-radar.png").exists()
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in second)
