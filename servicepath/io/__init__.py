"""Files: the native JSON format, YAML, spreadsheets, and the bundled samples."""

from .document import from_document, schema, to_document
from .files import FORMATS, dumps, format_of, load, loads, save, validate_file
from .fitness_sample import fill_fitness_sample
from .fitness_sheets import ImportSummary, export_round, import_answers
from .fitness_store import DEFAULT_DATABASE, FitnessStore
from .kits import KITS_FOLDER, find_kit, find_kits, kit_journey, load_kit
from .samples import SAMPLES, load_sample, sample_path
from .session import Session

__all__ = [
    "KITS_FOLDER", "find_kit", "find_kits", "kit_journey", "load_kit", "Session",
    "DEFAULT_DATABASE", "FitnessStore", "fill_fitness_sample", "ImportSummary", "export_round", "import_answers",
    "FORMATS", "SAMPLES", "dumps", "format_of", "from_document", "load", "load_sample", "loads",
    "sample_path", "save", "schema", "to_document", "validate_file",
]
