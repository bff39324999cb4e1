"""Pictures: journey maps and charts drawn with matplotlib.

Every function takes the journey (or a table) first, an optional ``ax`` where
that makes sense, and returns a :class:`matplotlib.figure.Figure`; nothing
calls ``plt.show()``. This layer imports the model and the analysis only.
"""

from .compare import compare_maps
from .emotion import emotion_curve
from .fitness import fitness_radar, fitness_trend_chart
from .heatmap import arvo_heatmap
from .journey_map import journey_map, map_emotion_points, map_pain_numbers
from .layout import MapLayout, map_layout
from .lived import lived_over_designed
from .network import journey_graph
from .priority import priority_matrix
from .radar import arvo_radar
from .style import styled
from .table_pages import table_pages

__all__ = [
    "journey_map", "map_pain_numbers", "map_emotion_points", "map_layout", "MapLayout",
    "emotion_curve", "arvo_heatmap", "arvo_radar", "journey_graph", "priority_matrix", "compare_maps",
    "lived_over_designed",
    "fitness_radar", "fitness_trend_chart", "table_pages", "styled",
]
