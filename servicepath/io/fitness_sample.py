"""A made-up organisation's customer-fitness history, for the notebook, the tests and the benchmark."""

from __future__ import annotations

from datetime import date

import numpy as np

from ..model.fitness import FITNESS_AREAS, FITNESS_ITEMS, FitnessAnswer, Interview
from .fitness_store import FitnessStore

__all__ = ["fill_fitness_sample", "SAMPLE_TEAMS"]

# Team names are owners in the webshop sample, so the map can show their levels.
SAMPLE_TEAMS = {"Asiakaspalvelu": 6, "Verkkokauppatiimi": 4, "Logistiikka": 2}
_FIRST_NAMES = ("Aino", "Eero", "Helmi", "Ilari", "Kaisa", "Lauri", "Minna", "Niko", "Oona", "Pekka", "Riikka",
                "Sami", "Tiina", "Ville", "Anni", "Jukka")
_TARGETS = {"Asiakaspalvelu": "excellent", "Verkkokauppatiimi": "good", "Logistiikka": "good"}


def fill_fitness_sample(store: FitnessStore, *, teams: dict[str, int] | None = None, rounds: int = 3,
                        interviews: int = 8, seed: int = 2026) -> None:
    """Fill an empty store with teams, people, quarterly rounds, answers and interviews.

    Scores improve round by round, each team has its own weakest area, one
    person per team shares their own results, and the smallest sample team
    (2 people) is below the privacy threshold, so reports show it hidden.

    Parameters
    ----------
    teams : dict of team name to head count, optional
        Default :data:`SAMPLE_TEAMS`.
    rounds : int
        How many rounds, three months apart, ending this quarter.
    interviews : int
        Customer interviews per team and round.
    """
    rng = np.random.default_rng(seed)
    teams = dict(SAMPLE_TEAMS if teams is None else teams)
    people = {}
    for t, (team, size) in enumerate(teams.items()):
        store.add_team(team, target=_TARGETS.get(team, "good"))
        for n in range(size):
            name = _person_name(t, n, len(teams))
            store.add_person(name, team=team, role="", shares_answers=n == 0)
            people[name] = (team, t)
    today = date.today()
    for r in range(rounds):
        months_back = 3 * (rounds - 1 - r)
        year, month = divmod(today.year * 12 + today.month - 1 - months_back, 12)
        round_name = store.new_round(f"{year}-{month + 1:02d}", opened=date(year, month + 1, 1))
        for name, (_, t) in people.items():
            store.save_answers(name, _answers(rng, t, r), round=round_name)
        for t, team in enumerate(teams):
            for _ in range(interviews):
                store.save_interview(_interview(rng, t, r), team=team, round=round_name)


def _person_name(team: int, n: int, teams: int) -> str:
    index = team + n * teams
    first = _FIRST_NAMES[index % len(_FIRST_NAMES)]
    return first if index < len(_FIRST_NAMES) else f"{first} {index // len(_FIRST_NAMES) + 1}"


def _answers(rng: np.random.Generator, team: int, round_: int) -> list[FitnessAnswer]:
    weak = FITNESS_AREAS[team % len(FITNESS_AREAS)]
    answers = []
    for item in FITNESS_ITEMS:
        centre = 3.4 + 0.35 * round_ - (0.6 if item.area == weak else 0.0)
        value = int(np.clip(np.rint(rng.normal(centre, 0.7)), 1, 5))
        answers.append(FitnessAnswer(item.id, value))
    return answers


def _interview(rng: np.random.Generator, team: int, round_: int) -> Interview:
    mood = rng.normal(0.3 * round_ - 0.2 * team, 1.0)
    choice = "yes" if mood > 0 else "partly" if mood > -1 else "no"
    recommend = int(np.clip(np.rint(7.5 + 1.5 * mood), 0, 10))
    again = "yes" if mood > -0.5 else "no"
    return Interview(got=choice, again=again, recommend=recommend)
