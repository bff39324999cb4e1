"""The README stays true: its Python example runs and its promises hold."""

import contextlib
import io
import re
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def test_readme_starts_with_the_two_commands():
    top = "\n".join(README.splitlines()[:12])
    assert "make lab" in top and "make test" in top


def test_readme_python_example_runs(tmp_path, monkeypatch):
    example = re.search(r"```python\n(.*?)```", README, re.S).group(1)
    assert len(example.strip().splitlines()) <= 12
    monkeypatch.chdir(tmp_path)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(example, "README.md", "exec"), {})  # noqa: S102 - our own README
    printed = output.getvalue()
    assert "<Journey 'Verkkokauppa" in printed and "Maksaminen" in printed and "[]" in printed
    assert (tmp_path / "my.journey.json").is_file() and (tmp_path / "my.xlsx").is_file()


def test_ci_runs_make_test_after_installing_only_the_browser_the_readme_asks_for():
    script = (ROOT / ".ci" / "run").read_text()
    commands = [line.strip() for line in script.splitlines()
                if line.strip() and not line.lstrip().startswith("#") and not line.startswith(("set ", "cd "))]
    assert commands[-1] == "make test"
    installs = [c for c in commands if "apt-get install" in c]
    assert installs and all(c.split()[-2:] == ["chromium", ">/dev/null"] for c in installs)
    assert "apt-get install -y chromium" in (ROOT / "README.md").read_text()


def test_readme_customer_fitness_example_runs(tmp_path, monkeypatch):
    example = next(block for block in re.findall(r"```python\n(.*?)```", README, re.S) if "FitnessStore" in block)
    monkeypatch.chdir(tmp_path)
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(example, "README.md", "exec"), {})  # noqa: S102 - our own README
    assert "2026-11" in output.getvalue() and (tmp_path / "servicepath.db").is_file()


def test_readme_event_data_example_runs(tmp_path, monkeypatch):
    example = next(b for b in re.findall(r"```python\n(.*?)```", README, re.S) if "journey_from_events" in b)
    monkeypatch.chdir(tmp_path)
    output = io.StringIO()
    with contextlib.redirect_stdout(output), pd.option_context("display.width", 250, "display.max_columns", 20):
        exec(compile(example, "README.md", "exec"), {})  # noqa: S102 - our own README
    printed = output.getvalue()
    assert "visits" in printed and "Log in or sign up" in printed
    assert (tmp_path / "lived.png").read_bytes()[:4] == b"\x89PNG"
    assert (tmp_path / "designed.xes").read_text(encoding="utf-8").count("<trace>") == 1000
