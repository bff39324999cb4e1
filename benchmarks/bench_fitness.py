"""Time of a customer-fitness team report on 1,000 people × 10 rounds (target: under 1 s).

Run: ``make bench`` (or ``.venv/bin/python benchmarks/bench_fitness.py``). Builds a database
of 1,000 people in 50 teams who each answered all 18 items in 10 rounds (180,000 answers,
plus 5 % corrections as extra rows), then times ``FitnessStore.report`` for one team and for
the whole organisation: reading the latest answers from SQLite, levels, the trend, actions
and the interview summary. Each figure is the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import platform
import tempfile
import time
from pathlib import Path

import numpy as np
from bench_model import best_of

import servicepath as sp
from servicepath.model.fitness import FITNESS_ITEMS, FitnessAnswer, Interview

PEOPLE, TEAMS, ROUNDS = 1_000, 50, 10
TARGET_SECONDS = 1.0


def build(path: Path) -> sp.FitnessStore:
    rng = np.random.default_rng(6)
    store = sp.FitnessStore(path)
    for team in range(TEAMS):
        store.add_team(f"Team {team:02d}", target=("good", "excellent", "very-best")[team % 3])
    for r in range(ROUNDS):
        store.new_round(f"R{r + 1:02d}", opened=f"{2017 + r}-01-01")
        values = np.clip(rng.normal(3.5 + 0.1 * r, 0.8, (PEOPLE, len(FITNESS_ITEMS))).round(), 1, 5).astype(int)
        answers = [(f"Person {p:04d}", f"Team {p % TEAMS:02d}", FitnessAnswer(item.id, int(values[p, i])))
                   for p in range(PEOPLE) for i, item in enumerate(FITNESS_ITEMS)]
        corrections = [(person, team, FitnessAnswer(a.item, 5 - a.value + 1))
                       for person, team, a in answers[:: 20]]
        interviews = [(f"Team {t:02d}", Interview(got="yes", recommend=int(rng.integers(0, 11))))
                      for t in range(TEAMS) for _ in range(5)]
        store.save_batch(answers + corrections, interviews)
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print(f"servicepath {sp.__version__}, Python {platform.python_version()}, {platform.machine()}, "
          f"best of {args.repeat}")
    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        store = build(Path(folder) / "servicepath.db")
        built = time.perf_counter() - start
        rows = len(store.history())
        print(f"database: {PEOPLE:,} people, {TEAMS} teams, {ROUNDS} rounds, {rows:,} answer rows, "
              f"built in {built:.1f} s, {(Path(folder) / 'servicepath.db').stat().st_size / 1e6:.0f} MB")
        team, report = best_of(args.repeat, lambda: store.report(team="Team 07"))
        assert len(report.results) == ROUNDS and report.shown
        organisation, report = best_of(args.repeat, lambda: store.report())
        assert report.latest["respondents"] == PEOPLE
        store.close()
    for name, seconds in (("one team (20 people)", team), ("whole organisation (1,000 people)", organisation)):
        verdict = "meets" if seconds < TARGET_SECONDS else "MISSES"
        print(f"team report, {name:<34} {seconds * 1000:>7.0f} ms   {verdict} the < {TARGET_SECONDS:.0f} s target")


if __name__ == "__main__":
    main()
