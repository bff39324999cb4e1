"""`make workshop` serves the notebooks with Voilà: code hidden, the room only with the token."""

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from servers import free_port, wait_until_up

from servicepath.serve import voila_command

ROOT = Path(__file__).resolve().parents[1]


def _get(url: str, timeout: float = 120) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""




@pytest.mark.skipif(shutil.which("make") is None or not (ROOT / ".venv").is_dir(), reason="needs make and .venv")
def test_make_workshop_shows_the_start_notebook_without_its_code(tmp_path):
    port = free_port()
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "JUPYTER_CONFIG_DIR": str(tmp_path)}
    server = subprocess.Popen(
        ["make", "--no-print-directory", "workshop", f"WORKSHOP_ARGS=--port={port}"],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True, text=True,
    )
    try:
        printed = ""
        while "Workshop notebooks at" not in printed:  # make may first bring .venv up to date
            line = server.stdout.readline()
            assert line, f"make workshop stopped before it printed the address: {printed!r}"
            printed += line
        assert f"Workshop notebooks at http://127.0.0.1:{port}/" in printed
        wait_until_up(f"http://127.0.0.1:{port}/")
        assert _get(f"http://127.0.0.1:{port}/")[0] == 200  # the list of notebooks (drawn by the browser)
        status, page = _get(f"http://127.0.0.1:{port}/voila/render/00_start_here.ipynb")
        assert status == 200
        assert '"image/png": "iVBORw0KGgo' in page  # the journey map as a PNG, drawn by the notebook on the server
        assert "sp.journey_map(journey" not in page and "import servicepath" not in page  # no code shown
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_room_mode_listens_on_the_network_and_needs_the_token():
    command, url = voila_command(port=9123, room=True, token="s3cret")
    assert "--Voila.ip=0.0.0.0" in command and "--Voila.token=s3cret" in command
    assert url.endswith(":9123/?token=s3cret")
    local, local_url = voila_command(port=9123)
    assert "--Voila.ip=127.0.0.1" in local and local_url == "http://127.0.0.1:9123/"


@pytest.mark.skipif(not (ROOT / ".venv").is_dir(), reason="needs .venv")
def test_room_server_refuses_visitors_without_the_token(tmp_path):
    port = free_port()
    command, _ = voila_command(ROOT / "notebooks", port=port, token="s3cret")  # on loopback: same check
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "JUPYTER_CONFIG_DIR": str(tmp_path)}
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/")
        assert _get(f"http://127.0.0.1:{port}/")[0] in (401, 403) or "token" in _get(f"http://127.0.0.1:{port}/")[1]
        assert _get(f"http://127.0.0.1:{port}/?token=s3cret")[0] == 200
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_stopping_the_server_with_sigterm_stops_voila_too(tmp_path):
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "servicepath.serve", str(tmp_path), "--port", str(port)],
                              cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", seconds=90)
        server.send_signal(signal.SIGTERM)  # only our process, as a service manager would
        server.wait(timeout=30)
        time.sleep(1)
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=2).close()
    finally:
        if server.poll() is None:
            server.kill()
