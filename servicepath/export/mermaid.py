"""The journey as a Mermaid flowchart, which GitHub, GitLab and many wikis draw from text."""

from __future__ import annotations

import re
import unicodedata

from ..figures.style import CRITICAL, check_lang
from ..i18n import percent_text
from ..model.journey import Journey
from .clienttables import display_name

__all__ = ["mermaid_flowchart", "mermaid_text", "node_ids"]

# Characters left as they are inside a quoted label; every other one is written as an entity
# (#35; for "#"), so no name can close the quotes, start a directive (%%{…}%%) or carry HTML.
# A lone "%" stays, for shares.
_PLAIN = set(" .,:!?'-+*/=_@$^~()")


def mermaid_text(text) -> str:
    """Text made safe inside a quoted Mermaid label: one line, quotes and markup as entities.

    Examples
    --------
    >>> mermaid_text('Say "hi" <b>now</b>')
    'Say #quot;hi#quot; #60;b#62;now#60;/b#62;'
    >>> mermaid_text("Maksu\\n100 % ok %%{init: {}}%%")
    'Maksu 100 % ok %#37;#123;init: #123;#125;#125;%#37;'
    """
    text = " ".join(str(text).split())  # line breaks would end the statement
    out = []
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf"):
            continue
        if ch.isalnum() or ch in _PLAIN or (ch == "%" and out[-1:] != ["%"]):  # "%%" starts a directive
            out.append(ch)
        else:
            out.append("#quot;" if ch == '"' else f"#{ord(ch)};")
    return "".join(out)


def node_ids(journey: Journey) -> dict[str, str]:
    """A Mermaid node id for every touchpoint: ``tp_`` and the id in ASCII letters, digits and ``_``.

    Ids that would clash or leave nothing (``ä-ö`` and ``a-o``; ``!!!``)
    get ``tp_<position>`` instead, so every id is unique.

    Examples
    --------
    >>> import servicepath as sp
    >>> ids = node_ids(sp.load_sample("webshop"))
    >>> ids["follow-up"], ids["pay"]
    ('tp_follow_up', 'tp_pay')
    """
    ids: dict[str, str] = {}
    used: set[str] = set()
    for position, touchpoint in enumerate(journey.graph):
        folded = unicodedata.normalize("NFKD", str(touchpoint)).encode("ascii", "ignore").decode()
        slug = re.sub(r"[^A-Za-z0-9]+", "_", folded).strip("_")
        candidate, n = f"tp_{slug}" if slug else f"tp_{position}", 1
        while candidate in used:
            n += 1
            candidate = f"tp_{position}" if n == 2 else f"tp_{position}_{n}"
        used.add(candidate)
        ids[touchpoint] = candidate
    return ids


def mermaid_flowchart(journey: Journey, *, lang: str = "en") -> str:
    """The journey as a Mermaid ``flowchart LR``: a box per stage, arrows labelled with shares.

    Each stage is a ``subgraph`` (in map order) holding its touchpoints;
    each transition is one arrow labelled with the share of customers who
    take it; moments of truth (critical touchpoints) get the ``critical``
    class, drawn with a thick vermillion frame.

    Examples
    --------
    >>> import servicepath as sp
    >>> text = mermaid_flowchart(sp.load_sample("webshop"))
    >>> print("\\n".join(text.splitlines()[:4]))
    flowchart LR
        subgraph stage_1["Discover"]
            tp_search["Searching for a product"]
        end
    >>> 'tp_search -->|"55%"| tp_product' in text
    True
    """
    check_lang(lang)
    ids = node_ids(journey)
    order = list(journey.touchpoints["id"])  # by stage, then lane top to bottom
    lines = ["flowchart LR"]
    known = set(journey.stage_ids)
    for number, stage in enumerate(journey.stages, start=1):
        lines.append(f'    subgraph stage_{number}["{mermaid_text(stage.label(lang))}"]')
        lines += [f"        {_node(journey, tp, ids, lang)}" for tp in order
                  if journey.graph.nodes[tp].get("stage") == stage.id]
        lines.append("    end")
    # A touchpoint whose stage is missing (validate reports it) is still drawn, outside the stages.
    lines += [f"    {_node(journey, tp, ids, lang)}" for tp in order
              if journey.graph.nodes[tp].get("stage") not in known]
    for source, target, attrs in journey.graph.edges(data=True):
        share = percent_text(float(attrs.get("share", 0.0)), lang)
        lines.append(f'    {ids[source]} -->|"{mermaid_text(share)}"| {ids[target]}')
    critical = [ids[tp] for tp in order if journey.graph.nodes[tp].get("critical") is True]
    if critical:
        lines.append(f"    classDef critical stroke:{CRITICAL},stroke-width:3px")
        lines.append(f"    class {','.join(critical)} critical")
    return "\n".join(lines) + "\n"


def _node(journey: Journey, touchpoint: str, ids: dict[str, str], lang: str) -> str:
    return f'{ids[touchpoint]}["{mermaid_text(display_name(journey, touchpoint, lang))}"]'
