"""`make lab` starts JupyterLab: the server comes up and serves the start notebook."""

import json
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.skipif(shutil.which("make") is None or not (ROOT / ".venv").is_dir(), reason="needs make and .venv")
def test_make_lab_starts_jupyterlab_on_the_start_notebook(tmp_path):
    port, token = _free_port(), "servicepath-test"
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "JUPYTER_CONFIG_DIR": str(tmp_path)}
    lab_args = f"--no-browser --port={port} --ip=127.0.0.1 --IdentityProvider.token={token}"
    server = subprocess.Popen(
        ["make", "--no-print-directory", "lab", f"LAB_ARGS={lab_args}"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        status = _wait_for(f"http://127.0.0.1:{port}/api/status?token={token}")
        assert "started" in status
        # Given a notebook, JupyterLab serves its folder (notebooks/) and opens the notebook there.
        contents = _wait_for(f"http://127.0.0.1:{port}/api/contents/00_start_here.ipynb?token={token}")
        assert contents["type"] == "notebook"
        lab_page = urllib.request.urlopen(f"http://127.0.0.1:{port}/lab?token={token}", timeout=10).read()
        assert b"JupyterLab" in lab_page
    finally:
        os.killpg(server.pid, signal.SIGTERM)  # make and the jupyter it started
        server.wait(timeout=30)


def _wait_for(url: str, seconds: float = 60):
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return json.loads(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)
