"""A made-up event export for the webshop sample: customers who live the journey a little differently from its map.

It is generated, not collected: the designed webshop journey is changed the
way real data often surprises a workshop (a login step nobody drew, more
payment failures, nobody using the chat, more complaints) and customers are
simulated walking it. The notebooks and tests use it so the comparison has
something to find.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ..io.samples import load_sample
from ..model import Journey, Text, Touchpoint
from .simulate import simulate_events

__all__ = ["sample_event_log", "lived_webshop"]


def lived_webshop() -> Journey:
    """The webshop sample as its customers are made to live it in :func:`sample_event_log`."""
    journey = load_sample("webshop")
    journey.add_touchpoint(Touchpoint("login", Text(fi="Kirjautuminen tai tilin luonti", en="Log in or sign up"),
                                      "buy", channel="web"))
    journey.remove_transition("cart", "pay")
    journey.add_transition("cart", "login", share=0.45)
    journey.add_transition("cart", "pay", share=0.33)
    journey.add_transition("login", "pay", share=0.7)  # 30 % give up at the login nobody drew
    journey.remove_transition("product", "chat")  # the chat is there, but nobody opens it
    journey.add_transition("pay", "pay", share=0.12)  # a failed payment tried again
    journey.add_transition("pay", "confirmed", share=0.58)
    journey.add_transition("use", "complaint", share=0.07)
    return journey


def sample_event_log(cases: int = 4000, *, seed: int = 7) -> pd.DataFrame:
    """An event log of the webshop sample's customers, with the names a web-analytics export would use.

    Columns: ``case_id``, ``activity`` (the touchpoint's English name),
    ``timestamp``, ``channel`` and ``nps`` (each customer's 0…10 recommend
    answer on their last event, asked of about 40 % of them; lower after a
    complaint or a failed payment).

    Examples
    --------
    >>> log = sample_event_log(200)
    >>> list(log.columns), log["case_id"].nunique()
    (['case_id', 'activity', 'timestamp', 'channel', 'nps'], 200)
    """
    journey = lived_webshop()
    events = simulate_events(journey, cases, seed=seed)
    nodes = journey.graph.nodes
    names = {tp: nodes[tp].get("name_en") or tp for tp in journey.graph}
    channels = {tp: nodes[tp].get("channel", "") for tp in journey.graph}
    rng = np.random.default_rng(seed + 1)
    case_codes, _ = pd.factorize(events["case_id"])
    troubled = np.zeros(cases, dtype=bool)
    hit = events["activity"].isin(["complaint"]).to_numpy()
    troubled[case_codes[hit]] = True
    retried = (events["activity"].eq("pay") & events["activity"].shift().eq("pay")).to_numpy()
    troubled[case_codes[retried]] = True
    answer = np.clip(np.rint(rng.normal(np.where(troubled, 5.5, 8.3), 1.6)), 0, 10)
    asked = rng.random(cases) < 0.4
    last = np.r_[case_codes[1:] != case_codes[:-1], True]
    nps = np.full(len(events), np.nan)
    nps[last] = np.where(asked, answer, np.nan)[case_codes[last]]
    events["channel"] = events["activity"].map(channels).fillna("")
    events["activity"] = events["activity"].map(names)
    events["nps"] = pd.array(nps, dtype="Float64").round(0).astype("Int64")
    return events
