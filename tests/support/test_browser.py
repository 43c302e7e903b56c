"""The expression of interest in a real browser (headless Chromium via Selenium), as issue 13's "done when" asks:
a French official presses the page's support button, answers the eight questions by typing and with the
buttons (a mistyped email is explained on the way), confirms and reads the reference; a curator signs in to
the console on the same server and finds the request on the board with its details. Screenshots go to
screenshots/support/ (git-ignored) for a person to look at."""

from __future__ import annotations

import asyncio
import re
import tempfile
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from adapters.web import PLATFORM as WEB
from bot.console import mount_console
from bot.console.accounts import add_staff
from bot.server import HttpServer
from bot.services import Services
from tests.conftest import serving
from tests.console.test_browser import CHROMIUM, DRIVER, browser_available
from tests.email.conftest import port  # noqa: F401  (fixture)
from tests.web.conftest import settings  # noqa: F401  (fixture)

pytestmark = pytest.mark.model
SHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "support"
CURATOR, PASSWORD = "curator@a6ip.test", "browser test password"
REFERENCE = re.compile(r"A6-\d{4}-\d{4}")


@pytest.fixture
async def site(services: Services, port: int) -> AsyncIterator[str]:  # noqa: F811
    """The public page and the console on one server, as `a6bot run` serves them; a curator account exists."""
    await add_staff(services.db, email=CURATOR, role="curator", password=PASSWORD, actor="test")
    server = HttpServer("127.0.0.1", port)
    mount_console(services, server)
    async with serving(services, [WEB], server):
        yield f"http://127.0.0.1:{port}"


def visit(base: str) -> tuple[str, str, str]:
    """The requester's path on the public page, then the curator's in the console; returns the confirmation,
    the console's board and the request's page as their text."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--lang=fr-FR", "--window-size=1280,1000",
                 f"--user-data-dir={tempfile.mkdtemp(prefix='a6bot-chromium-')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    wait = WebDriverWait(driver, 30)
    SHOTS.mkdir(parents=True, exist_ok=True)

    def last_reply() -> str:
        replies = driver.find_elements(By.CSS_SELECTOR, "#log li.bot.support")
        return replies[-1].text if replies else ""

    def shows(text: str) -> str:
        wait.until(lambda d: text in last_reply())
        return last_reply()

    def type_answer(text: str) -> None:
        box = driver.find_element(By.ID, "question")
        box.send_keys(text)
        box.send_keys(Keys.ENTER)

    def press(value: str) -> None:
        driver.find_elements(By.CSS_SELECTOR, "#log li.bot.support")[-1].find_element(
            By.CSS_SELECTOR, f'button[data-value="{value}"]').click()

    try:
        driver.get(base + "/?lang=fr")
        driver.find_element(By.ID, "support").click()
        shows("Programmes d'appui de l'A6IP")
        press("start")
        for step, answer in (("1/8", "Sénégal"), ("2/8", "Ministère de l'Environnement"), ("3/8", "Awa Diop"),
                             ("4/8", "Point focal pour l'article 6"), ("5/8", "awa.diop@")):
            shows(step)
            type_answer(answer)
        shows("n'est pas une adresse")  # explained, and the same question asked again
        type_answer("awa.diop@environnement.gouv.sn")
        shows("6/8")
        press("area:authorization")
        wait.until(lambda d: "✓ Autorisation" in last_reply())  # ticked in place, the message redrawn
        press("area:reporting")
        wait.until(lambda d: "✓ Communication d'informations" in last_reply())
        press("areas")
        shows("7/8")
        press("timeline:6m")
        shows("8/8")
        type_answer("Nous devons mettre en place la procédure d'autorisation des RATI et le rapport initial.")
        summary = shows("Sénégal")
        assert "Autorisation, Communication d'informations" in summary, summary
        driver.save_screenshot(str(SHOTS / "1-summary.png"))
        press("confirm")
        confirmation = shows("référence")
        driver.save_screenshot(str(SHOTS / "2-confirmed.png"))
        assert not driver.find_elements(By.CSS_SELECTOR, "#log li.bot.support .support-buttons")  # nothing left to press

        driver.get(base + "/console/login")
        driver.find_element(By.ID, "email").send_keys(CURATOR)
        driver.find_element(By.ID, "password").send_keys(PASSWORD)
        driver.find_element(By.ID, "sign-in").click()
        wait.until(lambda d: "/console/login" not in d.current_url)
        driver.get(base + "/console/support")
        board = driver.find_element(By.TAG_NAME, "main").text
        driver.save_screenshot(str(SHOTS / "3-board.png"))
        reference = REFERENCE.search(confirmation)
        assert reference is not None, confirmation
        driver.find_element(By.LINK_TEXT, reference.group(0)).click()
        wait.until(lambda d: d.current_url.endswith("/console/support/" + reference.group(0)))
        request = driver.find_element(By.TAG_NAME, "main").text
        driver.save_screenshot(str(SHOTS / "4-request.png"))
        return confirmation, board, request
    finally:
        driver.quit()


async def test_an_expression_of_interest_from_the_web_page_reaches_the_console(site: str) -> None:
    if not browser_available():
        pytest.skip("headless Chromium / chromedriver / selenium not installed")
    confirmation, board, request = await asyncio.to_thread(visit, site)
    reference = REFERENCE.search(confirmation)
    assert reference is not None and "Merci" in confirmation, confirmation
    assert "informé de chaque étape à l'adresse awa.diop@environnement.gouv.sn" in confirmation  # the page takes none
    assert "Expression of interest (1)" in board and reference.group(0) in board and "Senegal" in board
    assert "Authorization, Reporting" in request and "awa.diop@environnement.gouv.sn" in request
    assert "Awa Diop, Point focal pour l'article 6" in request and "web" in request
