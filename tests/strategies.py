"""Hypothesis strategies: any valid journey the model allows."""

import string

from hypothesis import strategies as st

import servicepath as sp

# Text as people type it, including Finnish letters, quotes and spreadsheet formula starts.
_ALPHABET = st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\x7f") | st.sampled_from(
    "åäöÅÄÖ=+-@'\"\n\t;,"
)
texts = st.text(_ALPHABET, min_size=1, max_size=30).filter(lambda t: t.strip())
ids = st.text(string.ascii_letters + string.digits + "-_:åäö", min_size=1, max_size=12)
scores = st.none() | st.integers(0, 4) | st.sampled_from([0.5, 2.5, 3.25])


@st.composite
def bilingual(draw, optional=False):
    fi = draw(st.none() | texts)
    en = draw(st.none() | texts) if fi else draw(texts)
    if optional and draw(st.booleans()):
        return sp.Text()
    return sp.Text(fi=fi, en=en)


@st.composite
def journeys(draw, max_touchpoints=6):
    stage_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    journey = sp.Journey(
        draw(bilingual()),
        persona=draw(bilingual(optional=True)),
        stages=[sp.Stage(s, draw(bilingual(optional=True))) for s in stage_ids],
    )
    tp_ids = draw(st.lists(ids, min_size=1, max_size=max_touchpoints, unique=True))
    for i, tp_id in enumerate(tp_ids):
        journey.add_touchpoint(sp.Touchpoint(
            tp_id,
            draw(bilingual()),
            draw(st.sampled_from(stage_ids)),
            lane=draw(st.sampled_from(sp.LANES)),
            channel=draw(st.sampled_from(["", "web", "puhelin", "=cmd"])),
            owner=draw(st.just("") | texts),
            description=draw(bilingual(optional=True)),
            emotion=draw(st.none() | st.integers(-3, 3) | st.just(-1.5)),
            arvo=sp.Arvo(*(draw(scores) for _ in range(4))),
            pain_points=tuple(
                sp.PainPoint(draw(bilingual()), draw(st.integers(1, 5)), draw(st.integers(1, 5)))
                for _ in range(draw(st.integers(0, 2)))
            ),
            critical=draw(st.booleans()),
            tags=tuple(draw(st.lists(st.sampled_from(sp.KNOWN_TAGS + ("vip", "uusi asiakas")), max_size=3))),
            entry_share=1.0 if i == 0 else 0.0,
            final=draw(st.booleans()),
            notes=draw(st.just("") | texts),
        ))
    for source in tp_ids:
        targets = draw(st.lists(st.sampled_from(tp_ids), max_size=2, unique=True))
        for target in targets:
            journey.add_transition(
                source, target, share=draw(st.sampled_from([0.1, 0.25, 0.5])),
                volume=draw(st.none() | st.integers(0, 10_000) | st.just(12.5)),
                duration=draw(st.none() | st.sampled_from(["PT5M", "P2D", "P1DT2H30M"])),
            )
    journey.ratings.extend(
        sp.Rating(draw(texts), draw(st.sampled_from(tp_ids)), draw(st.sampled_from(sp.PRINCIPLES)),
                  draw(st.integers(0, 4)))
        for _ in range(draw(st.integers(0, 3)))
    )
    journey.answers.extend(
        sp.Answer(draw(st.sampled_from(tp_ids)), draw(st.sampled_from(["attn-greet", "V-next-step"])),
                  draw(st.sampled_from([True, False, None])), draw(st.just("") | texts))
        for _ in range(draw(st.integers(0, 3)))
    )
    return journey
