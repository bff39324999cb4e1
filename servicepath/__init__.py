"""servicepath: customer journeys as networkx graphs of touchpoints, scored with A.R.V.O.

Examples
--------
>>> import servicepath as sp
>>> j = sp.load_sample("webshop")
>>> j.graph.number_of_nodes() == len(j.touchpoints)
True
"""

from .analysis import *  # noqa: F403 - the analysis layer's own __all__
from .analysis import __all__ as _analysis_all
from .errors import (
    ConflictError,
    DuplicateIdError,
    FileFormatError,
    InputError,
    ResourceError,
    SaveError,
    SchemaError,
    SchemaVersionError,
    ServicepathError,
    UnknownIdError,
    UnsupportedFormatError,
    ValidationError,
)
from .export import (
    export_bundle,
    export_csv,
    export_fitness_report,
    export_gexf,
    export_graphml,
    export_html,
    export_workbook,
    markdown_report,
    mermaid_flowchart,
    pdf_report,
    poster_pdf,
    print_kit,
    save_figure,
)
from .figures import (
    arvo_heatmap,
    arvo_radar,
    compare_maps,
    emotion_curve,
    fitness_radar,
    fitness_trend_chart,
    journey_graph,
    journey_map,
    lived_over_designed,
    map_layout,
    map_pain_numbers,
    priority_matrix,
)
from .i18n import label
from .io import (
    FORMATS,
    KITS_FOLDER,
    SAMPLES,
    FitnessStore,
    ImportSummary,
    Session,
    dumps,
    export_round,
    fill_fitness_sample,
    find_kit,
    find_kits,
    format_of,
    import_answers,
    kit_journey,
    load,
    load_kit,
    load_sample,
    loads,
    save,
    schema,
    validate_file,
)
from .mining import (
    event_flows,
    journey_from_events,
    lived_touchpoints,
    lived_transitions,
    simulate_events,
    write_event_log,
)
from .model import (
    AFTERCARE_PRACTICES,
    DEVELOPMENT_ACTIONS,
    FITNESS_AREAS,
    FITNESS_ITEMS,
    FITNESS_LEVELS,
    FITNESS_METHODS,
    KNOWN_TAGS,
    LANES,
    LEVEL_BARS,
    PAIN_POINT_COLUMNS,
    PRINCIPLES,
    RECOVERY_STEPS,
    SCHEMA_VERSION,
    TOUCHPOINT_COLUMNS,
    TRANSITION_COLUMNS,
    AgendaStep,
    Answer,
    Arvo,
    FitnessAnswer,
    Interview,
    Journey,
    Kit,
    PainPoint,
    Problem,
    Rating,
    Role,
    Stage,
    Text,
    Touchpoint,
    Transition,
    new_journey,
    stage_overview,
    synthetic_journey,
    validate,
)

__version__ = "0.1.0"

__all__ = [
    # model
    "Journey", "Touchpoint", "Answer", "Transition", "Stage", "Text", "Arvo", "PainPoint", "Rating", "Problem",
    "validate", "stage_overview", "synthetic_journey",
    "LANES", "PRINCIPLES", "KNOWN_TAGS", "RECOVERY_STEPS", "AFTERCARE_PRACTICES",
    "SCHEMA_VERSION", "TOUCHPOINT_COLUMNS", "TRANSITION_COLUMNS", "PAIN_POINT_COLUMNS",
    # customer fitness
    "FitnessAnswer", "Interview", "FitnessStore", "fill_fitness_sample", "FITNESS_AREAS", "FITNESS_METHODS",
    "FITNESS_LEVELS", "FITNESS_ITEMS", "LEVEL_BARS", "DEVELOPMENT_ACTIONS", "import_answers", "export_round",
    "ImportSummary", "export_fitness_report", "fitness_radar", "fitness_trend_chart",
    # workshops
    "Kit", "AgendaStep", "Role", "KITS_FOLDER", "find_kits", "find_kit", "load_kit", "kit_journey", "print_kit",
    "Session",
    # analysis
    *_analysis_all,
    # pictures
    "journey_map", "map_layout", "map_pain_numbers", "emotion_curve", "arvo_heatmap", "arvo_radar", "journey_graph",
    "priority_matrix", "compare_maps", "lived_over_designed",
    # event data: the journey as lived
    "journey_from_events", "event_flows", "lived_touchpoints", "lived_transitions", "simulate_events",
    "write_event_log",
    # exports
    "export_bundle", "save_figure", "pdf_report", "poster_pdf", "export_html", "export_workbook", "export_csv",
    "markdown_report", "mermaid_flowchart", "export_graphml", "export_gexf",
    # files
    "load", "loads", "save", "validate_file", "dumps", "load_sample", "new_journey", "format_of", "schema",
    "SAMPLES", "FORMATS",
    # words
    "label",
    # errors
    "ServicepathError", "InputError", "FileFormatError", "SchemaError", "SchemaVersionError",
    "ValidationError", "DuplicateIdError", "UnknownIdError", "UnsupportedFormatError", "SaveError", "ConflictError",
    "ResourceError",
]
