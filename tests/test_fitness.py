"""Customer-fitness results: levels at their bars, the NPS, the privacy rule and development actions."""

import math

import pandas as pd
import pytest

import servicepath as sp
from servicepath.analysis.fitness import ORGANISATION
from servicepath.errors import SchemaError, UnknownIdError
from servicepath.model.fitness import FITNESS_AREAS, FITNESS_ITEMS, FitnessAnswer, Interview, item_by_id


def scores(knowledge, skills, tone):
    return {"knowledge": knowledge, "skills": skills, "emotional-tone": tone}


# -- levels ------------------------------------------------------------------------------------
@pytest.mark.parametrize("weakest, level", [
    (1.0, "below-good"), (3.49, "below-good"), (3.5, "good"), (3.51, "good"),
    (3.99, "good"), (4.0, "excellent"), (4.01, "excellent"),
    (4.49, "excellent"), (4.5, "very-best"), (5.0, "very-best"),
])
def test_level_is_decided_at_and_around_each_bar(weakest, level):
    for area in FITNESS_AREAS:  # whichever area is the weakest one
        values = {a: 5.0 for a in FITNESS_AREAS} | {area: weakest}
        assert sp.fitness_level(values) == level


def test_a_high_mean_does_not_lift_a_weak_area():
    # mean 4.47, but emotional tone is under GOOD's bar
    assert sp.fitness_level(scores(5.0, 5.0, 3.4)) == "below-good"
    assert sp.fitness_level(scores(4.0, 4.0, 3.5)) == "good"


def test_no_level_until_every_area_has_a_score():
    assert sp.fitness_level(scores(4.0, 4.0, math.nan)) is None
    assert sp.fitness_level({"knowledge": 4.0, "skills": 4.0}) is None


def test_a_mean_computed_from_answers_reaches_the_bar_exactly():
    # 3 and 4 average to exactly 3.5; 7 answers of 4 and 4.5s built from sums must not fall short by rounding
    answers = answers_frame({"Aino": {"K1": 3, "K2": 4, "S1": 4, "S2": 3, "E1": 3, "E2": 4}})
    assert sp.person_results(answers)["level"].tolist() == ["good"]
    thirds = {"K1": 5, "K2": 4, "K3": 5, "S1": 5, "S2": 4, "S3": 5, "E1": 4, "E2": 5, "E3": 4, "E4": 5}
    result = sp.person_results(answers_frame({"Eero": thirds}))
    assert result["level"].tolist() == ["very-best"]


def test_level_gap_names_how_far_each_area_is_from_the_target():
    gap = sp.level_gap(scores(3.2, 4.1, 3.9), "excellent")
    assert gap == {"knowledge": 0.8, "skills": 0.0, "emotional-tone": 0.1}
    assert sp.level_gap(scores(3.2, 4.1, 3.9), "below-good") == {a: 0.0 for a in FITNESS_AREAS}
    with pytest.raises(SchemaError, match="'superb' is not a fitness level"):
        sp.level_gap(scores(3, 3, 3), "superb")


# -- NPS -------------------------------------------------------------------------------------
@pytest.mark.parametrize("answers, promoters, passives, detractors, score", [
    ([10, 9, 8, 7, 6, 0], 2, 2, 2, 0.0),
    ([7, 8, 7, 8], 0, 4, 0, 0.0),               # all passives: they still count in the denominator
    ([0, 6, 3], 0, 0, 3, -100.0),               # all detractors
    ([10, 10, 10, 7], 3, 1, 0, 75.0),
    ([9], 1, 0, 0, 100.0),
    ([10, 0], 1, 0, 1, 0.0),                     # an average (5) would say something else entirely
    ([9, 9, 8, 6, 5], 2, 1, 2, 0.0),
    ([10, 9, 7, 6], 2, 1, 1, 25.0),
    ([10, None, 9], 2, 0, 0, 100.0),             # unanswered is skipped, not a zero
])
def test_nps_on_hand_computed_examples(answers, promoters, passives, detractors, score):
    result = sp.nps(answers)
    assert (result.promoters, result.passives, result.detractors) == (promoters, passives, detractors)
    assert result.respondents == promoters + passives + detractors
    assert result.score == pytest.approx(score)


def test_nps_of_nobody_is_none_not_zero():
    assert sp.nps([]).score is None
    assert sp.nps([None, None]).score is None


@pytest.mark.parametrize("bad", [11, -1, 7.5])
def test_nps_refuses_answers_outside_the_scale(bad):
    with pytest.raises(SchemaError, match="not a recommendation"):
        sp.nps([9, bad])


def test_interview_summary_gives_shares_of_those_who_answered_and_the_nps():
    interviews = pd.DataFrame({
        "round": ["R1"] * 5, "team": ["T"] * 5,
        "got": ["yes", "yes", "partly", "no", None],
        "again": ["yes", None, None, None, None],
        "recommend": pd.array([10, 9, 7, 3, None], dtype="Int64"),
    })
    row = sp.interview_summary(interviews).iloc[0]
    assert row["interviews"] == 5
    assert (row["got_yes"], row["got_partly"], row["got_no"]) == (0.5, 0.25, 0.25)
    assert (row["again_yes"], row["again_no"]) == (1.0, 0.0)
    assert row["recommend_answers"] == 4 and row["nps"] == pytest.approx(25.0)


def test_interview_needs_an_answer_and_valid_values():
    with pytest.raises(SchemaError, match="no answer"):
        Interview(got_why="just talking")
    with pytest.raises(SchemaError, match="recommend: 11 is not a recommendation"):
        Interview(recommend=11)
    with pytest.raises(SchemaError, match="got: 'maybe' is not an answer"):
        Interview(got="maybe")


# -- answers and items --------------------------------------------------------------------------
def test_every_item_has_both_languages_and_every_area_and_method_is_covered():
    for item in FITNESS_ITEMS:
        assert item.text.fi and item.text.en and item.text.fi != item.text.en
    assert {(i.area, i.method) for i in FITNESS_ITEMS} == {(a, m) for a in FITNESS_AREAS for m in sp.FITNESS_METHODS}
    assert len({i.id for i in FITNESS_ITEMS}) == len(FITNESS_ITEMS)


def test_every_area_gets_one_action_in_each_way_in_both_languages():
    for area in FITNESS_AREAS:
        ways = [a.way for a in sp.DEVELOPMENT_ACTIONS if a.area == area]
        assert sorted(ways) == sorted(sp.model.DEVELOPMENT_WAYS)
    for action in sp.DEVELOPMENT_ACTIONS:
        assert action.text.fi and action.text.en


@pytest.mark.parametrize("value", [0, 6, 3.5, "4", True, None])
def test_an_answer_outside_the_scale_is_refused(value):
    with pytest.raises(SchemaError, match="value: .* is not an agreement"):
        FitnessAnswer("K1", value)


def test_an_unknown_item_is_named():
    with pytest.raises(UnknownIdError, match="no fitness item 'X9'"):
        FitnessAnswer("X9", 3)
    assert item_by_id("E6").area == "emotional-tone"


# -- development actions -----------------------------------------------------------------------
def test_actions_are_for_the_weakest_area_one_per_way():
    actions = sp.development_actions(scores(4.2, 4.0, 3.1), "fi")
    assert set(actions["area"]) == {"emotional-tone"}
    assert actions["way"].tolist() == ["daily-feedback", "onboarding-workshops", "well-being"]
    assert all(actions["text"].str.len() > 20)
    assert actions["text"].tolist() != sp.development_actions(scores(4.2, 4.0, 3.1), "en")["text"].tolist()


def test_areas_tied_for_weakest_all_get_actions_and_nothing_without_scores():
    assert set(sp.development_actions(scores(3.0, 3.0, 4.0))["area"]) == {"knowledge", "skills"}
    assert sp.development_actions({}).empty
    assert list(sp.development_actions({}).columns) == sp.FITNESS_ACTION_COLUMNS


# -- teams and privacy -------------------------------------------------------------------------
def answers_frame(people: dict, *, round_="R1", opened="2026-01-01", team="T") -> pd.DataFrame:
    rows = []
    for person, items in people.items():
        for item, value in items.items():
            spec = item_by_id(item)
            rows.append((round_, opened, person, team, item, spec.area, spec.method, value, "", ""))
    return pd.DataFrame(rows, columns=sp.FITNESS_ANSWER_COLUMNS)


def full(value: int) -> dict:
    return {item.id: value for item in FITNESS_ITEMS}


def test_a_team_of_two_is_hidden_and_shows_no_scores():
    results = sp.team_results(answers_frame({"A": full(5), "B": full(2)}))
    row = results.iloc[0]
    assert row["respondents"] == 2 and not row["shown"]
    assert all(pd.isna(row[a]) for a in FITNESS_AREAS)
    assert pd.isna(row["level"]) and pd.isna(row["gap"]) and pd.isna(row["weakest"])


def test_a_team_of_three_is_shown_as_the_mean_of_its_people():
    results = sp.team_results(answers_frame({"A": full(5), "B": full(4), "C": full(3)}), targets={"T": "excellent"})
    row = results.iloc[0]
    assert row["shown"] and row["respondents"] == 3
    assert [row[a] for a in FITNESS_AREAS] == [4.0, 4.0, 4.0]
    assert row["level"] == "excellent" and row["target"] == "excellent" and row["gap"] == 0.0


def test_each_person_counts_once_however_many_items_they_answered():
    many = full(5)
    few = {"K1": 1, "S1": 1, "E1": 1}
    results = sp.team_results(answers_frame({"A": many, "B": few, "C": few}))
    assert results.iloc[0]["knowledge"] == pytest.approx((5 + 1 + 1) / 3)


def test_the_privacy_threshold_is_configurable_and_counts_only_complete_answers():
    people = {"A": full(4), "B": full(4), "C": full(4), "D": {"K1": 2}}  # D answered one area only
    assert sp.team_results(answers_frame(people)).iloc[0]["respondents"] == 3
    assert not sp.team_results(answers_frame(people), min_respondents=4).iloc[0]["shown"]
    assert sp.team_results(answers_frame(people), min_respondents=1).iloc[0]["shown"]
    with pytest.raises(SchemaError, match="privacy threshold"):
        sp.team_results(answers_frame(people), min_respondents=0)


def test_the_whole_organisation_pools_only_the_teams_that_are_shown():
    frame = pd.concat([answers_frame({"A": full(4), "B": full(4)}, team="T1"),
                       answers_frame({"C": full(5)}, team="T2")])
    by_team = sp.team_results(frame, organisation=True).set_index("team")
    assert not by_team.loc["T1", "shown"] and not by_team.loc["T2", "shown"]
    # Pooling the hidden teams would show 3 people whose teams are hidden: the row says nothing.
    assert not by_team.loc[ORGANISATION, "shown"] and by_team.loc[ORGANISATION, "respondents"] == 0

    frame = pd.concat([frame, answers_frame({"D": full(3), "E": full(3), "F": full(2)}, team="T3")])
    by_team = sp.team_results(frame, organisation=True).set_index("team")
    # Otherwise T1's mean would follow from the organisation's row and T3's row.
    assert by_team.loc[ORGANISATION, "respondents"] == 3
    assert by_team.loc[ORGANISATION, "knowledge"] == by_team.loc["T3", "knowledge"]


def test_trend_runs_oldest_round_first_and_the_gap_and_weakest_area_follow():
    frame = pd.concat([
        answers_frame({p: full(3) for p in "ABC"}, round_="autumn", opened="2026-09-01"),
        answers_frame({p: full(4) | {"E1": 3, "E2": 3} for p in "ABC"}, round_="spring", opened="2026-03-01"),
    ])
    trend = sp.fitness_trend(frame, team="T", targets={"T": "good"})
    assert trend["round"].tolist() == ["spring", "autumn"]
    assert trend["level"].tolist() == ["good", "below-good"]
    assert trend["gap"].tolist() == [0.0, 0.5]
    assert trend["weakest"].tolist()[0] == "emotional-tone"


def test_report_shows_only_people_who_chose_to_share():
    frame = answers_frame({"A": full(5), "B": full(4), "C": full(3), "D": full(4)})
    report = sp.fitness_report(frame, team="T", sharing={"B"})
    assert report.shown and report.latest["level"] == "excellent"
    assert report.people["person"].tolist() == ["B"]
    assert set(report.actions["way"]) == set(sp.model.DEVELOPMENT_WAYS)
    hidden = sp.fitness_report(answers_frame({"A": full(5), "B": full(4)}), team="T")
    assert not hidden.shown and hidden.actions.empty and hidden.people.empty


def test_map_levels_come_only_from_shown_teams_and_match_owners():
    journey = sp.load_sample("webshop")
    frame = pd.concat([
        answers_frame({p: full(4) for p in "ABC"}, team="Asiakaspalvelu"),
        answers_frame({p: full(5) for p in "DE"}, team="Logistiikka"),  # hidden
        answers_frame({p: full(5) for p in "FGH"}, team="Ulkoistettu"),
    ])
    levels = sp.fitness_by_touchpoint(journey, sp.team_results(frame), covers={"Ulkoistettu": ["pay", "Varasto"]})
    owners = journey.touchpoints.set_index("id")["owner"]
    mine = levels[levels["team"] == "Asiakaspalvelu"]["touchpoint"]
    assert set(mine) == set(owners[owners == "Asiakaspalvelu"].index)
    assert set(levels[levels["team"] == "Ulkoistettu"]["touchpoint"]) == {"pay", *owners[owners == "Varasto"].index}
    assert "Logistiikka" not in set(levels["team"])
    assert set(levels["level"]) == {"excellent", "very-best"}


def test_missing_columns_are_named():
    with pytest.raises(SchemaError, match="no column value"):
        sp.person_results(pd.DataFrame(columns=["round", "opened", "person", "team", "area"]))


def test_a_round_with_only_partial_answers_still_has_a_row_saying_nobody_has_finished():
    results = sp.team_results(answers_frame({"A": {"K1": 4}, "B": {"S1": 5, "E1": 2}}))
    assert results[["round", "team", "respondents", "shown"]].values.tolist() == [["R1", "T", 0, False]]


def test_shared_results_are_withheld_when_they_would_give_away_the_few_who_keep_theirs_private():
    frame = answers_frame({"A": full(5), "B": full(4), "C": full(3), "D": full(2)})
    one_private = sp.fitness_report(frame, team="T", sharing={"A", "B", "C"})
    assert one_private.people.empty and one_private.withheld == 3  # D would follow from the mean
    everyone = sp.fitness_report(frame, team="T", sharing={"A", "B", "C", "D"})
    assert len(everyone.people) == 4 and everyone.withheld == 0
    three_private = sp.fitness_report(frame, team="T", sharing={"A"})
    assert three_private.people["person"].tolist() == ["A"]
    hidden_team = sp.fitness_report(answers_frame({"A": full(5), "B": full(4)}), team="T", sharing={"A"})
    assert hidden_team.people["person"].tolist() == ["A"]  # no team mean to subtract from
