"""A workshop group scores touchpoints with A.R.V.O. and marks the pain of the payment moment, in widgets."""

import pytest

import servicepath as sp
from servicepath.analysis.library import CHECK_QUESTIONS, RUBRIC
from servicepath.widgets import ArvoScorer, LanguageSwitch, PainPointBoard, SaveBar, Workbench


@pytest.fixture
def bench(tmp_path):
    return Workbench(sp.load_sample("webshop"), tmp_path / "workshop.journey.json", lang="fi")


def _score(scorer, **levels):
    """Set sliders as a participant does: move each one (or tick "scored" where it already stands)."""
    for principle, level in levels.items():
        scorer.sliders[principle].value = level
        scorer.scored[principle].value = True


def test_a_workshop_scores_the_payment_moment_marks_its_pain_and_finds_everything_in_the_file(bench):
    scorer, board, bar = ArvoScorer(bench), PainPointBoard(bench), SaveBar(bench)

    # 1. The group agrees on a score for the payment touchpoint (no rater name).
    scorer.touchpoint.value = "pay"
    _score(scorer, A=2, R=1, V=3, O=1)
    scorer.save_button.click()
    assert sp.load(bench.path).touchpoint("pay").arvo == sp.Arvo(A=2, R=1, V=3, O=1)
    assert bench.status.startswith("✓ Maksaminen")

    # 2. Two participants rate R on their own and disagree by three points.
    scorer.rater.value = "Aino"
    _score(scorer, R=1)
    scorer.save_button.click()
    scorer.rater.value = "Eero"
    _score(scorer, R=4)
    scorer.save_button.click()
    assert scorer.disagreeing == ["R"]
    assert "Aino" in scorer.table.value and "Eero" in scorer.table.value
    assert "⚠" in scorer.table.value and "R (1–4)" in scorer.table.value

    # 3. In the payment-moment view the group adds a pain point at pay.
    board.view.value = "payment"
    assert board.touchpoint.options == (("Maksaminen", "pay"),)
    board.text_fi.value = "Kuitti ei tule sähköpostiin"
    board.text_en.value = "The receipt never arrives by e-mail"
    board.severity.value, board.frequency.value = 4, 3
    board.add_button.click()
    assert bench.status.startswith("✓")
    assert "Kuitti ei tule sähköpostiin" in board.pains.value  # the touchpoint's list
    assert "Kuitti ei tule sähköpostiin" in board.payment.value  # the payment moment's pain points
    assert "Kuitti ei tule sähköpostiin" in board.ranked.value  # the ranked table of every pain point
    assert board.text_fi.value == "" and board.text_en.value == ""  # the form is ready for the next one
    added = bench.journey.touchpoint("pay").pain_points[-1]
    assert added.id == "pay-kuitti-ei-tule-sahkopostiin" and (added.severity, added.frequency) == (4, 3)

    # 4. Input that does not fit is refused with the reason, and nothing changes.
    before = sp.dumps(bench.journey)
    version = bench.version
    board.text_fi.value, board.severity.value = "Jono kassalla", 9
    board.add_button.click()
    assert bench.status.startswith("✗") and "severity" in bench.status and "1..5" in bench.status
    assert "✗" in board.status.value and "severity" in board.status.value
    board.severity.value, board.text_fi.value, board.text_en.value = 3, "", "   "
    board.add_button.click()
    assert bench.status.startswith("✗") and "text" in bench.status
    assert sp.dumps(bench.journey) == before and sp.dumps(sp.load(bench.path)) == before
    assert bench.version == version

    # 5. Undo takes the last kept change back (the pain point), in the file too.
    board.text_fi.value = "Maksutavan vaihto nollaa ostoskorin"
    board.add_button.click()
    assert "Maksutavan vaihto" in board.pains.value
    bar.undo_button.click()
    assert "Maksutavan vaihto" not in board.pains.value and "Maksutavan vaihto" not in board.ranked.value
    assert "Maksutavan" not in sp.dumps(sp.load(bench.path))

    # 6. Reloading the file brings back the scores, the ratings and the pain point.
    again = sp.load(bench.path)
    assert again.touchpoint("pay").arvo == sp.Arvo(A=2, R=1, V=3, O=1)
    assert sorted((r.rater, r.principle, r.value) for r in again.ratings) == [("Aino", "R", 1), ("Eero", "R", 4)]
    assert sp.rating_summary(again)["disagree"].tolist() == [True]
    assert "pay-kuitti-ei-tule-sahkopostiin" in sp.pain_points(again)["pain_point"].tolist()

    # 7. The language switch relabels both widgets.
    assert scorer.save_button.description == "Tallenna pisteet"
    LanguageSwitch(bench).value = "en"
    assert scorer.save_button.description == "Save score"
    assert scorer.touchpoint.label == "Payment" and scorer.rater.description == "Rater"
    assert "The raters disagree" in scorer.table.value
    assert "React" in scorer.titles["R"].value or "react" in scorer.titles["R"].value
    assert RUBRIC["R"][scorer.sliders["R"].value].en in scorer.rubric["R"].value
    assert board.add_button.description == "Add pain point" and board.view.options[1][0] == "Payment moment"
    assert "The receipt never arrives by e-mail" in board.pains.value
    assert "What to try at the payment moment" in board.payment.value


def test_the_group_score_is_saved_as_the_touchpoints_own_score(bench):
    scorer = ArvoScorer(bench, "cart")
    old = bench.journey.touchpoint("cart").arvo
    scorer.sliders["A"].value = 4 if old.A != 4 else 3
    scorer.save_button.click()
    saved = sp.load(bench.path).touchpoint("cart").arvo
    assert saved.A == scorer.sliders["A"].value and (saved.R, saved.V, saved.O) == (old.R, old.V, old.O)
    assert not bench.journey.ratings


def test_saving_without_a_change_says_so_and_keeps_no_undo_step(bench):
    scorer = ArvoScorer(bench, "pay")
    scorer.save_button.click()
    assert bench.status.startswith("✗") and not bench.can_undo and bench.version == 0


def test_the_rubric_follows_the_slider_and_the_check_questions_are_there(bench):
    scorer = ArvoScorer(bench, "pay")
    for level in range(5):
        scorer.sliders["V"].value = level
        assert RUBRIC["V"][level].fi in scorer.rubric["V"].value
        assert f"Taso {level}" in scorer.rubric["V"].value
    for question in CHECK_QUESTIONS["O"]:
        assert question.text.fi in scorer.questions["O"].value


def test_answers_kept_on_the_touchpoint_show_beside_the_questions(bench):
    bench.change("answers", lambda j: sp.record_answers(j, "pay", {"V-next-step": True, "V-keep-in-touch": False}))
    scorer = ArvoScorer(bench, "pay")
    assert "✓" in scorer.questions["V"].value and "✗" in scorer.questions["V"].value
    assert "tasoon 2" in scorer.questions["V"].value


def test_a_rater_who_rates_again_replaces_their_earlier_rating(bench):
    scorer = ArvoScorer(bench, "pay")
    scorer.rater.value = "Aino"
    _score(scorer, A=1, O=2)
    scorer.save_button.click()
    _score(scorer, A=3)
    scorer.save_button.click()
    assert sorted((r.principle, r.value) for r in bench.journey.ratings) == [("A", 3), ("O", 2)]
    assert not scorer.disagreeing
    assert "✓" in bench.status and "Aino" in bench.status


def test_a_rater_starts_from_their_own_ratings_and_unrated_principles_are_not_invented(bench):
    scorer = ArvoScorer(bench, "pay")
    scorer.rater.value = "Aino"
    assert not any(box.value for box in scorer.scored.values())  # Aino has rated nothing yet
    assert "Ei vielä pisteitä" in scorer.rubric["A"].value
    scorer.sliders["V"].value = 3
    scorer.save_button.click()
    assert [(r.rater, r.principle, r.value) for r in bench.journey.ratings] == [("Aino", "V", 3)]
    scorer.rater.value = ""  # back to the group: its own scores, untouched
    assert [scorer.sliders[p].value for p in "ARVO"] == [1, 1, 1, 0]
    scorer.rater.value = "Aino"
    assert scorer.scored["V"].value and scorer.sliders["V"].value == 3 and not scorer.scored["A"].value


def test_unticking_a_saved_score_removes_it(bench):
    scorer = ArvoScorer(bench, "pay")
    scorer.scored["O"].value = False
    scorer.save_button.click()
    assert sp.load(bench.path).touchpoint("pay").arvo.O is None


def test_moves_not_saved_yet_survive_other_changes_and_typing_a_name(bench):
    scorer, board = ArvoScorer(bench, "pay"), PainPointBoard(bench, "pay")
    scorer.sliders["A"].value = 4
    board.text_en.value = "Queue"
    board.add_button.click()  # another widget changes the journey
    assert scorer.sliders["A"].value == 4
    scorer.rater.value = "Aino"  # a participant types their name after moving the slider
    assert scorer.sliders["A"].value == 4 and scorer.scored["A"].value
    scorer.save_button.click()
    assert [(r.rater, r.principle, r.value) for r in bench.journey.ratings] == [("Aino", "A", 4)]


def test_undo_of_a_score_puts_the_sliders_back(bench):
    scorer = ArvoScorer(bench, "pay")
    scorer.sliders["O"].value = 4
    scorer.save_button.click()
    assert bench.undo()
    assert scorer.sliders["O"].value == 0 and bench.journey.touchpoint("pay").arvo.O == 0


def test_the_scorer_follows_touchpoints_removed_elsewhere(bench):
    scorer = ArvoScorer(bench, "repurchase")
    bench.change("remove", lambda j: j.remove_touchpoint("repurchase"))
    assert "repurchase" not in dict(scorer.touchpoint.options).values()
    assert scorer.selected in bench.journey


def test_the_scorer_on_an_empty_journey_says_there_is_nothing_to_score(tmp_path):
    bench = Workbench(sp.Journey(sp.Text(en="Empty")), tmp_path / "empty.journey.json", lang="en")
    scorer = ArvoScorer(bench)
    assert scorer.selected is None and scorer.save_button.disabled
    assert "no touchpoints" in scorer.mode.value
    assert not scorer.save() and "no touchpoints" in bench.status


def test_a_pain_point_with_an_id_in_use_is_refused(bench):
    board = PainPointBoard(bench, "cart")
    board.text_en.value, board.pain_id.value = "Slow again", "pay-slow"
    assert not board.add()
    assert "pay-slow" in bench.status and "pay" in bench.status
    before = sp.load_sample("webshop").touchpoint("cart").pain_points
    assert bench.journey.touchpoint("cart").pain_points == before


def test_ids_made_from_the_text_never_clash(bench):
    board = PainPointBoard(bench, "pay")
    for _ in range(2):
        board.text_fi.value = "Hidas"
        board.add_button.click()
    ids = [p.id for p in bench.journey.touchpoint("pay").pain_points][-2:]
    assert ids == ["pay-hidas", "pay-hidas-2"]
    assert not [p for p in sp.validate(bench.journey) if p.level == "error"]


def test_removing_a_pain_point_and_undoing_it(bench):
    board = PainPointBoard(bench, "pay")
    board.pain_choice.value = 0
    board.remove_button.click()
    assert "pay-slow" not in board.pains.value
    assert [p.id for p in sp.load(bench.path).touchpoint("pay").pain_points] == ["pay-methods", "pay-no-reassurance"]
    assert "saved-card" in bench.status  # the plan still names it: the status says so
    assert bench.undo() and "pay-slow" in board.pains.value


def test_the_payment_view_lists_the_drop_and_the_most_needed_suggestions_first(bench):
    board = PainPointBoard(bench, view="payment")
    moment = sp.payment_moment(bench.journey)
    html = board.payment.value
    assert "−4,0" in html and "22 %" in html  # the emotion drop into payment and the drop-out there
    texts = moment.suggestions["text_fi"].tolist()
    assert html.index(texts[0]) < html.index(texts[-1])
    assert board.detail.children == (board.payment,)
    board.view.value = "all"
    assert board.detail.children == (board.ranked,) and len(board.touchpoint.options) == len(bench.journey)


def test_the_payment_view_of_a_journey_without_payment_says_how_to_mark_one(bench):
    bench.change("no payment", lambda j: j.update_touchpoint("pay", tags=()))
    board = PainPointBoard(bench, view="payment")
    assert board.touchpoint.value is None and board.add_button.disabled
    assert "maksu (payment)" in board.payment.value
    assert not board.add() and bench.status.startswith("✗")


def test_a_broken_journey_shows_why_instead_of_a_traceback(bench):
    board = PainPointBoard(bench)
    bench.change("no way in", lambda j: [j.update_touchpoint(t.id, entry_share=0.0) for t in j])
    assert board.ranked.value and board.payment.value  # either the tables or the reason, never an exception
