"""Pictures: journey maps and charts drawn with matplotlib.

Every function takes the journey (or a table) first, an optional ``ax`` where
that makes sense, and returns a :class:`matplotlib.figure.Figure`; nothing
calls ``plt.show()``. This layer imports the model and the analysis only.
"""

from .style import styled

__all__ = ["styled"]
