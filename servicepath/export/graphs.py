"""The journey graph as GraphML (yEd, Cytoscape) and GEXF (Gephi) files."""

from __future__ import annotations

import os
import re
from pathlib import Path

import networkx as nx

from ..analysis import reach
from ..figures.style import check_lang
from ..io.atomic import atomic_write
from ..model.journey import Journey
from .clienttables import display_name, plain
from .names import output_path

__all__ = ["export_graphml", "export_gexf", "portable_graph"]

# Numbers that may be whole on one touchpoint and fractional on the next: written as floats
# throughout, since both formats declare one type per attribute.
_FLOATS = {"emotion", "A", "R", "V", "O", "entry_share", "reach", "share", "volume", "weight"}


def portable_graph(journey: Journey, *, lang: str = "en") -> nx.DiGraph:
    """A copy of ``journey.graph`` that GraphML and GEXF can hold and graph tools show well.

    Every node keeps its flat attributes and gets ``reach`` (the share of
    customers who get there) and ``label`` (its name in ``lang``, which yEd
    and Gephi show); edges keep ``share``, ``volume`` and ``duration`` and
    get ``weight`` = share (Gephi draws edge widths from it). Missing values
    are left out, since neither format can store "none". The graph
    attributes hold the title in Finnish and English and ``name``.

    Examples
    --------
    >>> import servicepath as sp
    >>> graph = portable_graph(sp.load_sample("webshop"))
    >>> graph.nodes["pay"]["emotion"], graph.nodes["pay"]["label"], graph.graph["title_fi"][:12]
    (-2.0, 'Payment', 'Verkkokauppa')
    """
    check_lang(lang)
    out = nx.DiGraph()
    title = journey.title
    out.graph.update(_clean({"name": title.get(lang), "title_fi": title.fi, "title_en": title.en}))
    reached = dict(zip(*(reach(journey)[c] for c in ("id", "reach")), strict=True))
    for node, attrs in journey.graph.nodes(data=True):
        data = {**attrs, "reach": reached[node], "label": display_name(journey, node, lang)}
        out.add_node(node, **_clean(data))
    for source, target, attrs in journey.graph.edges(data=True):
        out.add_edge(source, target, **_clean({**attrs, "weight": attrs.get("share")}))
    return out


def _clean(attrs: dict) -> dict:
    out = {}
    for key, value in attrs.items():
        value = plain(value)
        if value is None:
            continue
        if key in _FLOATS and isinstance(value, (int, float)) and not isinstance(value, bool):
            value = float(value)
        elif not isinstance(value, (str, bool, int, float)):
            value = str(value)  # a date, say: both formats take text
        if isinstance(value, str):
            value = _XML_INVALID.sub("\ufffd", value)
        out[str(key)] = value
    return out


# Characters XML 1.0 cannot hold at all (most control characters): written, they would make the file unreadable
# to Gephi and networkx, so each is shown as U+FFFD instead.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def export_graphml(journey: Journey, path: str | os.PathLike, *, lang: str = "en", force: bool = False) -> Path:
    """Write the journey graph as GraphML (see :func:`portable_graph`), atomically; return the path.

    ``path`` is a ``.graphml`` file or a folder to write ``<title>.graphml`` into.

    Examples
    --------
    >>> import servicepath as sp, tempfile, networkx as nx
    >>> path = export_graphml(sp.load_sample("webshop"), tempfile.mkdtemp())
    >>> nx.read_graphml(path).nodes["pay"]["emotion"]
    -2.0
    """
    target = output_path(path, suffix=".graphml", title=journey.title.get(lang), force=force)
    graph = portable_graph(journey, lang=lang)
    return atomic_write(target, lambda f: nx.write_graphml(graph, f, encoding="utf-8"))


def export_gexf(journey: Journey, path: str | os.PathLike, *, lang: str = "en", force: bool = False) -> Path:
    """Write the journey graph as GEXF for Gephi (see :func:`portable_graph`), atomically; return the path.

    GEXF keeps no graph attributes besides the name, so the title is there
    in ``lang`` only.

    Examples
    --------
    >>> import servicepath as sp, tempfile, networkx as nx
    >>> path = export_gexf(sp.load_sample("webshop"), tempfile.mkdtemp())
    >>> nx.read_gexf(path).nodes["pay"]["label"]
    'Payment'
    """
    target = output_path(path, suffix=".gexf", title=journey.title.get(lang), force=force)
    graph = portable_graph(journey, lang=lang)
    return atomic_write(target, lambda f: nx.write_gexf(graph, f, encoding="utf-8"))
