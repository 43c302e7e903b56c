"""A real browser (headless Chromium via Selenium) against a live console: sign in, upload a document, ask what
the bot cannot answer, find it under unanswered, turn it into an FAQ entry, ask again and get the answer."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import tempfile
from pathlib import Path

import pytest

from bot.console import mount_console
from bot.console.accounts import add_staff
from bot.server import HttpServer
from bot.services import Services

CHROMIUM, DRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
SHOTS_FOR_LEAD = Path("/tmp/console-screens")
EMAIL, PASSWORD = "curator@a6ip.test", "browser test password"
QUESTION = "How many seats does the Article 6.4 Supervisory Body have?"
ANSWER = "The Supervisory Body has twelve members nominated by Parties to the Paris Agreement."
GUIDE = """---
title: Host Party letters of authorization
topics: [authorization]
---
## Letters of authorization
A participating Party issues a letter of authorization for ITMOs, stating the uses it authorizes.
Source: Decision 2/CMA.3, annex, para. 18
"""


def browser_available() -> bool:
    if CHROMIUM.exists() and DRIVER.exists():
        try:
            import selenium  # noqa: F401
        except ImportError:
            pass
        else:
            return True
    if os.environ.get("CI") == "true":
        pytest.fail("headless Chromium, chromedriver and selenium are required under CI (see .ci/run)")
    return False


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def scenario(base: str, folder: Path) -> None:
    """The staff member's path, step by step, in the browser; a screenshot after each step."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--window-size=1280,1000", f"--user-data-dir={tempfile.mkdtemp(prefix='a6bot-chromium-')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    wait = WebDriverWait(driver, 30)
    shots = iter(range(1, 100))

    def shot(name: str) -> None:
        driver.save_screenshot(str(folder / f"{next(shots):02d}-{name}.png"))

    def ask(question: str) -> str:
        driver.get(f"{base}/console/chat")
        box = driver.find_element(By.ID, "question")
        box.clear()
        box.send_keys(question)
        driver.find_element(By.ID, "ask").click()
        return str(wait.until(ready.presence_of_element_located((By.ID, "answer"))).text)

    try:
        driver.get(base + "/console/")
        wait.until(ready.presence_of_element_located((By.ID, "email")))
        assert "/console/login" in driver.current_url
        driver.find_element(By.ID, "email").send_keys(EMAIL)
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        shot("sign-in")
        driver.find_element(By.ID, "sign-in").click()
        wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "svg.chart")))
        shot("dashboard")

        guide = folder / "authorization-letters.md"
        guide.write_text(GUIDE)
        driver.get(f"{base}/console/kb")
        driver.find_element(By.ID, "upload-file").send_keys(str(guide))
        driver.find_element(By.ID, "upload-submit").click()
        flash = wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, ".flash")))
        assert "Host Party letters of authorization: added" in flash.text, flash.text
        assert "console:upload/authorization-letters.md" in driver.page_source
        shot("uploaded")

        first = ask(QUESTION)
        assert "Not answered" in first, first
        shot("not-answered")

        driver.get(f"{base}/console/unanswered")
        group = wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "section.group")))
        assert QUESTION in group.text
        shot("unanswered")
        group.find_element(By.CSS_SELECTOR, "a.make-faq").click()
        question = wait.until(ready.presence_of_element_located((By.ID, "faq-question")))
        assert question.get_attribute("value") == QUESTION
        for field, value in (("faq-answer", ANSWER), ("faq-citation", "Decision 3/CMA.3, annex, para. 5")):
            element = driver.find_element(By.ID, field)
            element.clear()
            element.send_keys(value)
        driver.find_element(By.ID, "faq-variants").send_keys("size of the 6.4 supervisory body")
        shot("faq-form")
        driver.find_element(By.ID, "faq-save").click()
        flash = wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, ".flash")))
        assert "added" in flash.text and QUESTION not in driver.find_element(By.TAG_NAME, "main").text
        shot("resolved")

        second = ask(QUESTION)
        assert "Answered" in second and "twelve members" in second and "Decision 3/CMA.3, annex, para. 5" in second, second
        shot("answered")
        driver.get(f"{base}/console/")
        assert "2\nquestions in 30 days" in driver.find_element(By.CLASS_NAME, "cards").text
        shot("dashboard-after")
    finally:
        driver.quit()


async def test_staff_close_the_loop_in_a_real_browser(services: Services, tmp_path: Path) -> None:
    if not browser_available():
        pytest.skip("headless Chromium / chromedriver / selenium not installed")
    await add_staff(services.db, email=EMAIL, role="curator", password=PASSWORD, actor="test")
    server = HttpServer("127.0.0.1", free_port())
    mount_console(services, server)
    await server.start()
    folder = tmp_path / "screens"
    folder.mkdir()
    try:
        await asyncio.to_thread(scenario, f"http://127.0.0.1:{server.port}", folder)
    finally:
        await server.stop()
        SHOTS_FOR_LEAD.mkdir(exist_ok=True)
        for png in folder.glob("*.png"):
            shutil.copy(png, SHOTS_FOR_LEAD / png.name)
    assert len(list(folder.glob("*.png"))) == 9
