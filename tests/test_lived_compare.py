"""Designed versus lived: matching touchpoints and finding the biggest surprises."""

from __future__ import annotations

import pandas as pd
import pytest

import servicepath as sp
from servicepath import Journey, Stage, Text, Touchpoint
from servicepath.mining import journey_from_events

T0 = pd.Timestamp("2026-03-02 09:00", tz="UTC")


def designed() -> Journey:
    j = Journey(Text(en="Designed"), stages=[Stage("buy"), Stage("pay")])
    j.add_touchpoint(Touchpoint("cart", Text(fi="Ostoskori", en="Cart"), "buy", entry_share=1.0))
    j.add_touchpoint(Touchpoint("pay", Text(fi="Maksu", en="Payment"), "pay"))
    j.add_touchpoint(Touchpoint("thanks", Text(en="Thank-you page"), "pay", final=True))
    j.add_transition("cart", "pay", share=0.9)
    j.add_transition("pay", "thanks", share=0.95)
    return j


def lived_log(paths: list[tuple[list[str], int]]) -> pd.DataFrame:
    rows, n = [], 0
    for path, count in paths:
        for _ in range(count):
            rows += [(f"c{n}", tp, T0 + pd.Timedelta(minutes=n * 10 + k)) for k, tp in enumerate(path)]
            n += 1
    return pd.DataFrame(rows, columns=["case_id", "activity", "timestamp"])


# 10 customers: 6 pay and finish, 2 leave at payment, 2 leave at the cart; 3 of them were asked for a login first
LOG = lived_log([(["Cart", "Payment", "Receipt"], 4), (["Cart", "Login", "Payment", "Receipt"], 2),
                 (["Cart", "Payment"], 2), (["Cart"], 1), (["Cart", "Login"], 1)])


def test_touchpoints_match_by_mapping_then_id_then_name():
    lived = journey_from_events(LOG)
    match = sp.match_lived(designed(), lived, mapping={"Receipt": "thanks"}).set_index("lived")
    assert match.loc["Receipt", ["designed", "matched_by"]].tolist() == ["thanks", "mapping"]
    assert match.loc["Cart", ["designed", "matched_by"]].tolist() == ["cart", "name"]  # "Cart" is the English name
    assert match.loc["Payment", "designed"] == "pay"
    assert match.loc["Login", "designed"] == ""  # customers meet a login the design does not have


def test_surprises_come_first_with_the_right_numbers():
    lived = journey_from_events(LOG, final=["Receipt"])
    table = sp.compare_lived(designed(), lived, mapping={"Receipt": "thanks"})
    assert table["surprise"].is_monotonic_decreasing
    rows = table.set_index(["kind", "designed_id", "lived_id"])
    # 3 of 10 customers met the login; the designed map has no login at all
    assert rows.loc[("only_lived", "", "Login"), "lived"] == pytest.approx(0.3)
    # designed: 90 % of the cart goes to payment directly; lived: 6 of 10
    direct = rows.loc[("share", "cart → pay", "Cart → Payment"), ["designed", "lived"]].tolist()
    assert direct == pytest.approx([0.9, 0.6])
    # payment drop-out: designed 5 %, lived 2 of 8
    assert rows.loc[("drop_out", "pay", "Payment"), "lived"] == pytest.approx(2 / 8)
    assert rows.loc[("reach", "thanks", "Receipt"), "lived"] == pytest.approx(0.6)


def test_two_lived_touchpoints_mapped_to_one_designed_pool_their_customers():
    lived = journey_from_events(LOG, final=["Receipt"])
    mapping = pd.DataFrame({"designed": ["pay", "pay", "thanks", "cart"],
                            "lived": ["Login", "Payment", "Receipt", "Cart"]})
    rows = sp.compare_lived(designed(), lived, mapping=mapping).set_index(["kind", "designed_id"])
    # cart → (login or payment): 9 of 10 customers; the login → payment step is inside "pay"
    assert rows.loc[("share", "cart → pay"), "lived"] == pytest.approx(0.9)
    assert rows.loc[("share", "pay → thanks"), "lived"] == pytest.approx(6 / 11)  # 6 receipts of 11 visits in "pay"
    assert "only_lived" not in rows.index.get_level_values("kind")


def test_a_mapping_naming_an_unknown_touchpoint_is_refused():
    lived = journey_from_events(LOG)
    with pytest.raises(sp.UnknownIdError, match="mapping: no touchpoint 'Paid' in the lived journey"):
        sp.compare_lived(designed(), lived, mapping={"Paid": "pay"})
    with pytest.raises(sp.SchemaError, match="no column 'designed'"):
        sp.compare_lived(designed(), lived, mapping=pd.DataFrame({"lived": ["Cart"]}))


def test_a_journey_compared_with_itself_has_no_surprises():
    j = sp.load_sample("webshop")
    assert sp.compare_lived(j, j)["surprise"].max() < 1e-9


# -- pictures ----------------------------------------------------------------------------------
def gids(fig, prefix):
    ax = fig.axes[0]
    artists = [*ax.patches, *ax.collections, *ax.texts]
    return sorted(a.get_gid() for a in artists if (a.get_gid() or "").startswith(prefix))


def test_the_network_hides_rare_transitions_but_still_counts_them():
    lived = journey_from_events(LOG)
    fig = sp.journey_graph(lived, min_share=0.5)
    assert gids(fig, "edge:") == ["edge:Cart->Payment", "edge:Login->Payment", "edge:Payment->Receipt"]
    assert "1 transitions under 50.0% not drawn" in "".join(t.get_text() for t in fig.axes[0].texts)
    circles = {g: c for c in fig.axes[0].collections if (g := c.get_gid() or "").startswith("node:")}
    assert circles["node:Login"].get_sizes()[0] == sp.figures.network.node_size(0.3)  # reach counted on all data


def test_lived_over_designed_colours_the_differences_and_lists_what_the_design_lacks(tmp_path):
    lived = journey_from_events(LOG, final=["Receipt"])
    fig = sp.lived_over_designed(designed(), lived, lang="fi")  # no mapping: the receipt is not matched
    assert gids(fig, "lived:") == ["lived:cart->pay"]
    assert gids(fig, "missing:") == ["missing:thanks"]
    only = next(t for t in fig.axes[0].texts if t.get_gid() == "only-lived").get_text()
    assert "vain datassa" in only and "Login (30,0\u00a0%)" in only and "Receipt (60,0\u00a0%)" in only
    fig.savefig(tmp_path / "lived.png")
    assert (tmp_path / "lived.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_sample_event_log_surprises_with_the_login_nobody_drew():
    from servicepath.mining.samples import sample_event_log

    lived = journey_from_events(sample_event_log(), nps="nps")
    top = sp.compare_lived(sp.load_sample("webshop"), lived).head(3)
    assert top["lived_id"].str.contains("Log in or sign up").sum() >= 1
    assert ("cart → pay" in set(top["designed_id"]))  # fewer go straight from the cart to payment
    # a rarely used touchpoint's different share ranks below what many customers meet
    table = sp.compare_lived(sp.load_sample("webshop"), lived).reset_index()
    chat = table[table["designed_id"] == "chat → cart"].index[0]
    assert chat > table[table["designed_id"] == "pay"].index[0]
