"""Generated journeys of any size, for benchmarks and tests of large maps."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from .journey import Journey
from .text import Text
from .touchpoint import Arvo, PainPoint, Stage, Touchpoint
from .vocab import LANES

__all__ = ["synthetic_journey"]

#: Generated journeys carry this fixed time, so one seed always gives the same file.
GENERATED_AT = datetime(2026, 1, 1, tzinfo=UTC)


def synthetic_journey(touchpoints: int = 40, stages: int = 8, *, edges_per_touchpoint: int = 3,
                      seed: int = 0) -> Journey:
    """A valid, realistic-looking journey with the given size.

    Touchpoints are spread evenly over the stages; each links forward to up to
    ``edges_per_touchpoint`` touchpoints in the same or the next stages
    (shares summing to 0.9, so a tenth drops out everywhere), with an
    occasional loop back. Every one has an emotion, A.R.V.O. scores and, now
    and then, a pain point. The same ``seed`` gives the same journey.

    Examples
    --------
    >>> import servicepath as sp
    >>> j = sp.synthetic_journey(40, 8)
    >>> len(j), len(j.stages), sp.validate(j)
    (40, 8, [])
    """
    if touchpoints < 2 or stages < 1 or stages > touchpoints:
        raise ValueError("need at least 2 touchpoints and 1..touchpoints stages")
    rng = random.Random(seed)
    journey = Journey(
        created=GENERATED_AT,
        title=Text(fi=f"Generoitu polku ({touchpoints})", en=f"Generated journey ({touchpoints})"),
        stages=[Stage(f"s{i}", Text(fi=f"Vaihe {i + 1}", en=f"Stage {i + 1}")) for i in range(stages)],
    )
    ids = [f"t{i}" for i in range(touchpoints)]
    for i, tp_id in enumerate(ids):
        pains = ()
        if rng.random() < 0.2:
            pains = (PainPoint(Text(fi=f"Hankaluus {i}", en=f"Friction {i}"), rng.randint(1, 5), rng.randint(1, 5)),)
        journey.graph.add_node(tp_id, **Touchpoint(
            tp_id,
            Text(fi=f"Kosketuspiste {i}", en=f"Touchpoint {i}"),
            stage=f"s{i * stages // touchpoints}",
            # Mostly customer actions, so that every lane is used but the flow stays readable.
            lane=LANES[1] if rng.random() < 0.6 else rng.choice(LANES),
            channel=rng.choice(("web", "email", "phone", "store")),
            emotion=rng.randint(-3, 3),
            arvo=Arvo(*(rng.randint(0, 4) for _ in range(4))),
            pain_points=pains,
            entry_share=1.0 if i == 0 else 0.0,
            final=i == touchpoints - 1,
        ).to_attrs())
    for i, source in enumerate(ids[:-1]):
        ahead = ids[i + 1: i + 1 + 2 * edges_per_touchpoint]
        targets = [ids[i + 1]] + rng.sample(ahead[1:], min(len(ahead) - 1, edges_per_touchpoint - 1))
        if i > 2 and len(targets) > 1 and rng.random() < 0.05:
            targets[-1] = ids[rng.randrange(0, i)]  # a loop back, as complaints make
        weights = [rng.random() + 0.5 for _ in targets]
        for target, weight in zip(targets, weights, strict=True):
            journey.graph.add_edge(source, target, share=round(0.9 * weight / sum(weights), 6))
    journey.goals.append(ids[-1])
    return journey
