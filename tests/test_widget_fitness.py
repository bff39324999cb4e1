"""Staff fill in the customer-fitness questionnaire, see their results and record customer interviews, in widgets."""

import ipywidgets as w
import pytest

import servicepath as sp
from servicepath.i18n import label
from servicepath.widgets import FitnessQuestionnaire, FitnessResults, InterviewForm, open_fitness_store

ITEMS = [item.id for item in sp.FITNESS_ITEMS]
ROUND = "2026-Q1"


@pytest.fixture
def store(tmp_path):
    with sp.FitnessStore(tmp_path / "servicepath.db") as store:
        store.new_round(ROUND, opened="2026-01-05")
        yield store


def _value(item: str) -> int:
    """A different, known choice for every statement."""
    return 1 + ITEMS.index(item) % 5


def _stored(store, person):
    rows = store.answers(person=person)
    return {row.item: (row.value, row.note) for row in rows.itertuples()}


def _count_saves(store, monkeypatch) -> list[int]:
    """Record how many answers each call to save_answers carries (one call is one transaction)."""
    calls, original = [], store.save_answers

    def save_answers(person, answers, **kwargs):
        answers = list(answers)
        calls.append(len(answers))
        return original(person, answers, **kwargs)

    monkeypatch.setattr(store, "save_answers", save_answers)
    return calls


def _html(widget) -> str:
    """Every HTML text shown in a widget and the widgets inside it."""
    if isinstance(widget, w.HTML):
        return widget.value
    return "".join(_html(child) for child in getattr(widget, "children", ()))


def _team(store, team: str, people: int, value: int = 4):
    for n in range(people):
        store.add_person(f"{team} {n + 1}", team=team)
        store.save_answers(f"{team} {n + 1}", [sp.FitnessAnswer(item, value) for item in ITEMS])


def test_a_person_fills_in_the_whole_questionnaire_one_statement_at_a_time(store, monkeypatch):
    calls = _count_saves(store, monkeypatch)
    form = FitnessQuestionnaire(store, "Aino", team="Asiakaspalvelu", lang="fi")
    assert form.item == "K1" and "1 / 18" in form.progress.value
    assert "Tiedot" in form.statements["K1"].value and "Havainnoi" in form.statements["K1"].value
    assert [text for text, _ in form.scale.options][0] == "1 · " + label("fitness.scale.1", "fi")

    for n, item in enumerate(ITEMS):
        assert form.item == item
        form.choose(_value(item), f"esimerkki {item}" if n % 3 == 0 else None)
        if item != ITEMS[-1]:
            assert form.next()
    assert "18 / 18" in form.progress.value
    assert form.finish()

    stored = _stored(store, "Aino")
    assert stored == {item: (_value(item), f"esimerkki {item}" if n % 3 == 0 else "") for n, item in enumerate(ITEMS)}
    assert calls == [1] * 18  # each statement saved when moving on, each in one transaction
    assert form.saved == 18 and len(store.history(person="Aino")) == 18
    assert store.people().set_index("person").loc["Aino", "team"] == "Asiakaspalvelu"
    assert "18" in form.status.value and "✗" not in form.status.value


def test_a_page_per_area_saves_each_page_in_one_transaction(store, monkeypatch):
    calls = _count_saves(store, monkeypatch)
    form = FitnessQuestionnaire(store, "Eero", team="Verkkokauppatiimi", lang="en", mode="area")
    for area in sp.FITNESS_AREAS:
        assert form.page == area and label(f"fitness.area.{area}", "en") in form.heading.value
        on_page = [i.id for i in sp.FITNESS_ITEMS if i.area == area]
        assert [row for row in form.body.children if row in form.rows.values()] == [form.rows[i] for i in on_page]
        for item in on_page:
            form.scales[item].value = _value(item)  # as a click on the scale does
            form.notes[item].value = f"note {item}"
        if area != sp.FITNESS_AREAS[-1]:
            form.next_button.click()
    form.finish_button.click()
    assert calls == [6, 6, 6]
    assert _stored(store, "Eero") == {item: (_value(item), f"note {item}") for item in ITEMS}
    assert "All 18 statements are answered" in form.status.value


def test_a_correction_is_a_new_row_and_unchanged_answers_are_not_saved_again(store):
    form = FitnessQuestionnaire(store, "Aino", team="Asiakaspalvelu", lang="en")
    for item in ITEMS:
        form.choose(3)
        form.next()
    form.finish()
    assert form.saved == 18

    # Back and forth without changing anything saves nothing.
    form.mode = "item"
    form.item = "K3"
    for _ in range(4):
        form.previous()
    for _ in range(5):
        form.next()
    form.finish()
    assert form.saved == 18 and len(store.history(person="Aino")) == 18
    assert "Nothing new to save" in form.status.value

    # One changed answer: the old row stays in the history, the answer is the new one.
    form.item = "S2"
    form.choose(5, "Kysyn aina ensin, mitä asiakas tarvitsee.")
    form.next()
    history = store.history(person="Aino")
    assert len(history) == 19 and form.saved == 19
    assert history[history["item"] == "S2"][["value", "note"]].values.tolist() == [
        [3, ""], [5, "Kysyn aina ensin, mitä asiakas tarvitsee."]]
    assert _stored(store, "Aino")["S2"] == (5, "Kysyn aina ensin, mitä asiakas tarvitsee.")
    assert len(store.answers(person="Aino")) == 18


def test_coming_back_later_finds_the_earlier_answers_and_carries_on(store):
    first = FitnessQuestionnaire(store, "Aino", team="Asiakaspalvelu")
    for item in ITEMS[:7]:
        first.choose(_value(item), "muistiinpano" if item == "K2" else None)
        first.next()
    assert len(store.answers(person="Aino")) == 7

    again = FitnessQuestionnaire(store, "Aino")  # a new notebook session: the team comes from the store
    assert again.item == ITEMS[7]  # the first statement not answered yet
    assert {item: again.scales[item].value for item in ITEMS[:7]} == {item: _value(item) for item in ITEMS[:7]}
    assert again.notes["K2"].value == "muistiinpano" and again.scales[ITEMS[7]].value is None
    assert "7 / 18" in again.progress.value and again.bar.value == 7
    assert "Asiakaspalvelu" in again.who.value
    again.finish()
    assert again.saved == 0 and "S2" in again.status.value  # what is still missing is named


def test_switching_language_and_mode_keeps_choices_not_saved_yet(store):
    form = FitnessQuestionnaire(store, "Aino", team="Asiakaspalvelu", lang="fi")
    form.choose(2, "kiire")
    form.choose(5, item="K4")
    assert store.answers(person="Aino").empty

    form.lang_switch.value = "en"
    assert form.lang == "en" and form.next_button.description == "Next"
    assert form.scale.options[0][0] == "1 · Strongly disagree"
    assert "Observe" in form.statements["K1"].value
    form.mode_switch.value = "area"
    assert form.mode == "area" and form.page == "knowledge" and form.scale.options[0][0] == "1"
    form.lang = "fi"
    assert (form.scales["K1"].value, form.notes["K1"].value, form.scales["K4"].value) == (2, "kiire", 5)
    assert store.answers(person="Aino").empty  # switching saved nothing

    form.next()
    assert _stored(store, "Aino") == {"K1": (2, "kiire"), "K4": (5, "")}
    assert form.page == "skills"


def test_a_note_without_a_choice_or_too_long_is_refused_with_the_reason(store):
    form = FitnessQuestionnaire(store, "Aino", team="Asiakaspalvelu", lang="en")
    form.note.value = "I would like to think about this one"
    assert not form.next()
    assert form.item == "K1" and "✗" in form.status.value and "choose a point on the scale" in form.status.value
    form.choose(4, "x" * 3000)
    assert not form.next()
    assert "2,000" in form.status.value and store.answers().empty
    form.choose(4, "fine")
    assert form.next() and form.item == "K2"


def test_the_consent_checkbox_is_the_persons_own_choice_in_the_store(store):
    form = FitnessQuestionnaire(store, "Aino", team="Asiakaspalvelu", lang="en")
    assert form.consent.value is False
    form.consent.value = True
    assert store.people().set_index("person").loc["Aino", "shares_answers"]
    assert "shown to your team" in form.status.value
    assert FitnessQuestionnaire(store, "Aino").consent.value is True
    form.consent.value = False
    assert not store.people().set_index("person").loc["Aino", "shares_answers"]


def test_a_team_of_two_sees_how_many_answered_but_no_scores(store):
    _team(store, "Logistiikka", 2, value=2)
    results = FitnessResults(store, team="Logistiikka", lang="en", dpi=30)
    hidden = label("fitness.hidden", "en").format(count=2, needed=3)
    assert hidden in results.team_box.value
    assert "Score (1–5)" not in results.team_box.value and "2.0" not in _html(results)
    assert "Level:" not in results.team_box.value
    assert results.trend.layout.display == "none" and results.actions.value == ""

    # A member of the team sees their own result, still not the team's.
    mine = FitnessResults(store, person="Logistiikka 1", lang="fi", dpi=30)
    assert mine.team == "Logistiikka"
    assert "Taso: ei vielä HYVÄ" in mine.person_box.value and "2,0" in mine.person_box.value
    assert label("fitness.hidden", "fi").format(count=2, needed=3) in mine.team_box.value
    assert "2,0" not in mine.team_box.value
    assert mine.radar.value[:4] == b"\x89PNG"
    assert label("fitness.widget.own_actions", "fi").split(":")[0] in mine.actions.value


def test_a_team_of_three_sees_its_level_target_gap_trend_and_actions(store):
    store.add_team("Asiakaspalvelu", target="excellent")
    _team(store, "Asiakaspalvelu", 3, value=4)
    store.add_person("Asiakaspalvelu 1", shares_answers=True)
    store.save_answers("Asiakaspalvelu 1", [sp.FitnessAnswer("S1", 2)])  # skills is now the weakest area
    results = FitnessResults(store, team="Asiakaspalvelu", lang="en", dpi=30)
    assert "Level: GOOD" in results.team_box.value
    assert "Target: EXCELLENT" in results.team_box.value and "in Skills" in results.team_box.value
    assert results.trend.value[:4] == b"\x89PNG" and results.trend.layout.display is None
    assert "Ideas for the weakest area: Skills" in results.actions.value
    for way in ("daily-feedback", "onboarding-workshops", "well-being"):
        assert label(f"fitness.way.{way}", "en") in results.actions.value
    # One sharer beside two who keep theirs private would give the two away with the team's mean.
    assert "Asiakaspalvelu 1" not in results.shared.value and "1 chose to show" in results.shared.value

    _team(store, "Asiakaspalvelu", 4, value=4)  # a fourth answers: three keep theirs private now
    store.save_answers("Asiakaspalvelu 1", [sp.FitnessAnswer("S1", 2)])
    results.refresh_button.click()
    assert "Asiakaspalvelu 1" in results.shared.value and "Asiakaspalvelu 2" not in results.shared.value
    assert "chose to show" not in results.shared.value

    results.lang = "fi"
    assert "Taso: HYVÄ" in results.team_box.value and "Tavoite: ERINOMAINEN" in results.team_box.value


def test_finishing_the_questionnaire_refreshes_the_linked_results(store):
    _team(store, "Asiakaspalvelu", 2)
    form = FitnessQuestionnaire(store, "Aino", team="Asiakaspalvelu", lang="en", mode="area")
    results = FitnessResults(store, person="Aino", lang="en", dpi=30)
    form.on_finish(results.refresh)
    assert "has not answered" in results.person_box.value
    assert label("fitness.hidden", "en").format(count=2, needed=3) in results.team_box.value
    for item in ITEMS:
        form.choose(5, item=item)
    form.finish()
    assert "Level: EXCELLENT" in results.team_box.value  # the third respondent opens the team's result (4, 4, 5)
    assert "Level: VERY BEST" in results.person_box.value


def test_the_interview_form_saves_an_interview_and_refuses_an_empty_one(store):
    store.add_team("Asiakaspalvelu")
    form = InterviewForm(store, team="Asiakaspalvelu", lang="en")
    refreshed = []
    form.on_save(lambda: refreshed.append(True))
    assert [text for text, _ in form.got.options] == ["yes", "partly", "no"]
    assert list(form.recommend.options) == list(range(11))

    form.got_why.value = "just a why, no answer"
    form.save_button.click()
    assert "✗" in form.status.value and "answer at least one" in form.status.value
    assert store.interviews().empty and not refreshed

    form.got.value, form.got_why.value = "partly", "Tuote oli loppu"
    form.again.value = "yes"
    form.recommend.value, form.recommend_why.value = 9, "Ystävällinen palvelu"
    form.touchpoint.value = "pay"
    form.save_button.click()
    row = store.interviews().iloc[0]
    assert (row["team"], row["round"], row["got"], row["got_why"], row["again"], row["recommend"],
            row["recommend_why"], row["touchpoint"]) == (
        "Asiakaspalvelu", ROUND, "partly", "Tuote oli loppu", "yes", 9, "Ystävällinen palvelu", "pay")
    assert "✓" in form.status.value and form.saved == 1 and refreshed == [True]
    assert (form.got.value, form.again.value, form.recommend.value, form.got_why.value, form.touchpoint.value) == (
        None, None, None, "", "")

    form.lang = "fi"
    assert [text for text, _ in form.got.options] == ["kyllä", "osittain", "ei"]
    form.team.value = None  # the whole organisation
    form.recommend.value = 3
    form.save_button.click()
    assert store.interviews()["team"].tolist() == ["Asiakaspalvelu", ""]
    assert "Kaikki tiimit" in form.status.value


def test_results_show_the_customer_interview_shares_and_nps(store):
    store.add_team("Asiakaspalvelu")
    for got, recommend in [("yes", 10), ("yes", 9), ("partly", 7), ("no", 3)]:
        store.save_interview(sp.Interview(got=got, recommend=recommend), team="Asiakaspalvelu")
    results = FitnessResults(store, team="Asiakaspalvelu", lang="en", dpi=30)
    assert "yes 50% · partly 25% · no 25%" in results.interviews.value
    assert "+25 (2 promoters, 1 passives, 1 detractors)" in results.interviews.value


def test_names_and_notes_are_escaped_in_every_html_text(store):
    evil = "<script>alert(1)</script>"
    form = FitnessQuestionnaire(store, evil, team="<b>Tiimi</b>", lang="en")
    form.note.value = evil  # a note with no choice: refused, and the reason shown
    form.next()
    for item in ITEMS:
        form.choose(4, evil, item=item)
    form.consent.value = True
    form.finish()
    _team(store, "<b>Tiimi</b>", 3)  # three keep theirs private: the one who shares is shown
    store.add_team("<b>Tiimi</b>")
    store.save_interview(sp.Interview(got="yes", got_why=evil), team="<b>Tiimi</b>")
    results = FitnessResults(store, person=evil, lang="en", dpi=30)
    interviews = InterviewForm(store, team="<b>Tiimi</b>", lang="en")
    interviews.got.value = "no"
    interviews.save_button.click()
    shown = _html(form) + _html(results) + _html(interviews)
    assert evil in results.shared.value.replace("&lt;", "<").replace("&gt;", ">")
    assert "&lt;script&gt;" in shown and "&lt;b&gt;Tiimi&lt;/b&gt;" in shown
    assert "<script>" not in shown and "<b>Tiimi" not in shown


def test_the_notebook_database_goes_to_servicepath_work_and_is_filled_once(tmp_path, monkeypatch):
    monkeypatch.setenv("SERVICEPATH_WORK", str(tmp_path / "elsewhere"))
    store = open_fitness_store("servicepath.db", tmp_path / "work")
    try:
        assert store.path == tmp_path / "elsewhere" / "servicepath.db" and not (tmp_path / "work").exists()
        answers = len(store.history())
        assert answers and set(store.teams()["team"]) == set(sp.io.fitness_sample.SAMPLE_TEAMS)
    finally:
        store.close()
    with open_fitness_store("servicepath.db", tmp_path / "work") as again:
        assert len(again.history()) == answers  # an existing database is never filled again

    monkeypatch.delenv("SERVICEPATH_WORK")
    with open_fitness_store("own.db", tmp_path / "work", sample=False) as own:
        assert own.path == tmp_path / "work" / "own.db"
        assert own.history().empty and len(own.rounds()) == 1  # an empty database gets its first round


def test_a_score_just_below_a_bar_never_reads_as_reaching_it(store):
    # Skills 3.458: below GOOD's 3.5. Rounded to one decimal it would read "3.5", beside "not yet GOOD" and
    # "0.0 points to go"; the report files cut to 3.4 and round the gap up to 0.1, and the widget agrees.
    for n in range(4):
        store.add_person(f"Eero {n}", team="Kassa", shares_answers=True)
        values = {"knowledge": 4, "skills": (4, 4, 3, 3, 3, 3) if n == 3 else (4, 4, 4, 3, 3, 3), "emotional-tone": 4}
        answers = []
        for area in sp.FITNESS_AREAS:
            ids = [i.id for i in sp.FITNESS_ITEMS if i.area == area]
            chosen = values[area] if isinstance(values[area], tuple) else (values[area],) * len(ids)
            answers += [sp.FitnessAnswer(item, value) for item, value in zip(ids, chosen, strict=True)]
        store.save_answers(f"Eero {n}", answers)
    results = FitnessResults(store, person="Eero 0", team="Kassa", lang="en", dpi=30)
    assert results.report.latest["skills"] == pytest.approx(3.458, abs=1e-3)
    text = results.team_box.value
    assert "not yet GOOD" in text and ">3.4<" in text and ">3.5<" not in text
    assert "0.1 points to go" in text and "0.0" not in text
    assert ">3.5<" in results.person_box.value  # Eero 0's own skills are 3.5 exactly: GOOD
    assert ">3.3<" in results.shared.value and ">3.4<" not in results.shared.value  # Eero 3's 3.33…


def test_the_team_table_speaks_the_chosen_language_and_shows_no_hidden_numbers(store):
    from servicepath.widgets.fitness import fitness_team_table

    _team(store, "Kassa", 3, value=4)
    _team(store, "<b>Varasto</b>", 2, value=2)
    results = sp.team_results(store.answers(), targets={"Kassa": "excellent"})
    fi = fitness_team_table(results, "fi").value
    for english in ("respondents", "knowledge", "below-good", "excellent", "True", "False", "NaN", "nan"):
        assert english not in fi
    assert "Tiedot" in fi and "HYVÄ" in fi and "ERINOMAINEN" in fi and "4,0" in fi
    assert "&lt;b&gt;Varasto&lt;/b&gt;" in fi and "<b>Varasto" not in fi
    assert "alle 3 vastaajaa" in fi and "2,0" not in fi  # the hidden team: no scores at all
    en = fitness_team_table(results, "en").value
    assert "Knowledge" in en and "fewer than 3 answered" in en and "EXCELLENT" in en


def test_the_status_line_follows_a_language_switch(store):
    form = FitnessQuestionnaire(store, "Aino", team="Kassa", lang="fi")
    form.choose(4)
    form.finish()
    assert "tallennettu" in form.status.value.lower() and "17" in form.status.value
    form.lang = "en"
    assert "saved 1 answer" in form.status.value.lower() and "17" in form.status.value
    assert "tallennettu" not in form.status.value.lower()
    form.consent.value = True
    form.lang = "fi"
    assert form.status.value.count("✓") == 1 and label("fitness.widget.consent_on", "fi") in form.status.value


def test_the_charts_are_shown_large_enough_to_read_their_smallest_text(store):
    import io

    from PIL import Image

    from servicepath.figures import style

    _team(store, "Kassa", 3)
    results = FitnessResults(store, person="Kassa 1", team="Kassa", lang="fi")
    for image in (results.radar, results.trend):
        width = Image.open(io.BytesIO(image.value)).size[0]
        shown = min(width, float(image.layout.max_width.removesuffix("rem")) * 16)  # 1rem = 16 px in a browser
        smallest = style.SIZES["small"] / 72 * results.dpi * shown / width
        assert smallest >= 8.5, f"{smallest:.1f} px"
