"""A real browser on the workshop app: Voilà serves the payment-moment notebook, Chromium uses it.

Needs Debian's Chromium (``apt-get install -y chromium``); Playwright's own browser download does
not work on these machines. Without Chromium the test is skipped with that hint, except under
``CI=true``, where a missing browser fails the run.
"""

import os
import shutil
import signal
import subprocess
from pathlib import Path

import pytest
from servers import free_port, wait_until_up

from servicepath.serve import voila_command

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
NEW_PAIN = "Kassajono on liian pitkä"


def _need_chromium():
    if CHROMIUM:
        return
    message = "needs Chromium from Debian: apt-get update && apt-get install -y chromium"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)




@pytest.fixture
def app(tmp_path):
    """Voilà on a copy of the notebooks, so the group's work goes to the test's own folder."""
    folder = tmp_path / "notebooks"
    folder.mkdir()
    for notebook in (ROOT / "notebooks").glob("*.ipynb"):
        shutil.copy(notebook, folder)
    port = free_port()
    command, url = voila_command(folder, port=port)
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"), "JUPYTER_CONFIG_DIR": str(tmp_path)}
    server = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        wait_until_up(url)
        yield url, folder
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)


def test_a_group_adds_a_pain_point_at_payment_and_sees_the_list_and_map_change(app, tmp_path):
    _need_chromium()
    from playwright.sync_api import sync_playwright

    url, folder = app
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                  "--no-first-run", "--disable-sync"])
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{url}voila/render/03_payment_moment.ipynb", timeout=180_000)
            add = page.get_by_role("button", name="Lisää kipupiste")
            add.wait_for(timeout=180_000)
            images_before = _image_sources(page)
            page.get_by_placeholder("mikä asiakasta tässä harmittaa").first.fill(NEW_PAIN)
            add.click()
            page.get_by_text(NEW_PAIN).first.wait_for(timeout=30_000)
            page.wait_for_function(
                "before => [...document.images].map(i => i.src).join('|') !== before",
                arg="|".join(images_before), timeout=30_000)
            page.screenshot(path=str(tmp_path / "payment-moment.png"), full_page=True)
        finally:
            browser.close()
    saved = (folder / "work" / "webshop.journey.json").read_text(encoding="utf-8")
    assert NEW_PAIN in saved  # autosaved: closing the tab would have lost nothing
    assert (tmp_path / "payment-moment.png").stat().st_size > 10_000


def _image_sources(page) -> list[str]:
    return page.eval_on_selector_all("img", "images => images.map(i => i.src)")
