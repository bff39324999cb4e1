"""The project's set-up files agree with each other, and the layers stay in order."""

import ast
import re
import tomllib
from pathlib import Path

import yaml

import servicepath

ROOT = Path(__file__).resolve().parents[1]


def _requirements(lines):
    return {re.split(r"[<>=!~ \[]", line, maxsplit=1)[0].lower(): line.replace(" ", "") for line in lines}


def test_environment_yml_installs_what_pyproject_declares():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = _requirements(project["dependencies"] + project["optional-dependencies"]["dev"])
    environment = yaml.safe_load((ROOT / "environment.yml").read_text())
    pip_section = next(d["pip"] for d in environment["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section, "environment.yml must install the package itself"
    listed = _requirements(p for p in pip_section if not p.startswith("-e"))
    assert listed == declared
    python = next(d for d in environment["dependencies"] if isinstance(d, str) and d.startswith("python"))
    assert python.replace("python", "") == project["requires-python"]


def test_public_api_is_exported_and_documented():
    for name in servicepath.__all__:
        obj = getattr(servicepath, name)
        if callable(obj) and not isinstance(obj, type(servicepath)):
            assert obj.__doc__, f"{name} has no docstring"


def test_package_data_ships_schema_and_samples():
    from importlib import resources

    files = resources.files("servicepath.io")
    assert files.joinpath("journey.schema.json").is_file()
    for name in servicepath.SAMPLES:
        assert files.joinpath("samples", f"{name}.journey.json").is_file()


# model → analysis → figures → io → mining → export → widgets / cli: a lower layer never imports a higher one.
LAYERS = ["errors", "i18n", "model", "analysis", "figures", "io", "mining", "export", "widgets", "cli"]


def _imports(path: Path):
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level:
            parts = path.relative_to(ROOT / "servicepath").with_suffix("").parts
            base = parts[: len(parts) - node.level]
            target = (*base, *(node.module.split(".") if node.module else ()))
            if target:
                yield target[0]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("servicepath."):
            yield node.module.split(".")[1]


def test_lower_layers_never_import_higher_ones():
    for path in (ROOT / "servicepath").rglob("*.py"):
        layer = path.relative_to(ROOT / "servicepath").parts[0].removesuffix(".py")
        if layer not in LAYERS:
            continue
        for imported in _imports(path):
            if imported in LAYERS:
                assert LAYERS.index(imported) <= LAYERS.index(layer), f"{path.name} ({layer}) imports {imported}"


def test_notebooks_are_committed_without_outputs():
    import json

    for notebook in (ROOT / "notebooks").glob("*.ipynb"):
        content = json.loads(notebook.read_text())
        for cell in content["cells"]:
            if cell["cell_type"] == "code":
                assert not cell.get("outputs") and cell.get("execution_count") is None, notebook.name
        assert "widgets" not in content.get("metadata", {}), notebook.name
