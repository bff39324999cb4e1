"""Files: the native JSON format, YAML, spreadsheets, and the bundled samples."""

from .document import from_document, schema, to_document
from .files import FORMATS, dumps, format_of, load, loads, save, validate_file
from .fitness_sample import fill_fitness_sample
from .fitness_sheets import ImportSummary, export_round, import_answers
from .fitness_store import DEFAULT_DATABASE, FitnessStore
from .samples import SAMPLES, load_sample, sample_path

__all__ = [
    "DEFAULT_DATABASE", "FitnessStore", "fill_fitness_sample", "ImportSummary", "export_round", "import_answers",
    "FORMATS", "SAMPLES", "dumps", "format_of", "from_document", "load", "load_sample", "loads",
    "sample_path", "save", "schema", "to_document", "validate_file",
]
