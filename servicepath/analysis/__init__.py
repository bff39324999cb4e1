"""Analysis: what a workshop learns from its journey (reach, paths, scores, pain points, plans).

Functions take a journey first and return pandas DataFrames or plain dataclasses;
this layer imports only the model.
"""

from .paths import REACH_COLUMNS, Path, goal_probability, likely_paths, reach, removal_effect

__all__ = ["REACH_COLUMNS", "Path", "goal_probability", "likely_paths", "reach", "removal_effect"]
