"""Pictures: journey maps and charts drawn with matplotlib.

Every function takes the journey (or a table) first, an optional ``ax`` where
that makes sense, and returns a :class:`matplotlib.figure.Figure`; nothing
calls ``plt.show()``. This layer imports the model and the analysis only.
"""

from .journey_map import journey_map, map_emotion_points, map_pain_numbers
from .layout import MapLayout, map_layout
from .style import styled

__all__ = ["journey_map", "map_pain_numbers", "map_emotion_points", "map_layout", "MapLayout", "styled"]
