"""The public page in a real browser (headless Chromium via Selenium), desktop and phone-sized: a French
visitor asks in French with the keyboard only, reads the answer (announced by aria-live), opens the sources,
says it helped. Screenshots go to screenshots/web/ (git-ignored) for a person to look at."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

import pytest

from tests.console.test_browser import CHROMIUM, DRIVER, browser_available
from tests.web.test_chat import FRENCH

pytestmark = pytest.mark.model
SHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "web"
SIZES = {"desktop": (1280, 1000), "phone": (390, 844)}


def visit(base: str, size: str) -> str:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support import expected_conditions as ready
    from selenium.webdriver.support.ui import WebDriverWait

    width, height = SIZES[size]
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--lang=fr-FR", f"--window-size={width},{height}",
                 f"--user-data-dir={tempfile.mkdtemp(prefix='a6bot-chromium-')}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "fr-FR,fr"})
    driver = webdriver.Chrome(service=Service(str(DRIVER)), options=options)
    wait = WebDriverWait(driver, 60)
    try:
        driver.get(base + "/")
        assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
        SHOTS.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(SHOTS / f"{size}-1-page.png"))
        body = driver.find_element(By.TAG_NAME, "body")
        body.send_keys(Keys.TAB)  # the first stop is the skip link to the question box
        driver.switch_to.active_element.send_keys(Keys.ENTER)
        box = driver.switch_to.active_element
        assert box.get_attribute("id") == "question", box.get_attribute("outerHTML")
        box.send_keys(FRENCH)
        box.send_keys(Keys.ENTER)
        answer = wait.until(ready.presence_of_element_located((By.CSS_SELECTOR, "#log li.bot")))
        assert driver.find_element(By.ID, "log").get_attribute("aria-live") == "polite"
        assert answer.get_attribute("lang") == "fr"
        text = answer.text
        driver.execute_script("arguments[0].scrollIntoView()", answer)
        driver.save_screenshot(str(SHOTS / f"{size}-2-answer.png"))
        yes = answer.find_element(By.XPATH, ".//button[normalize-space()='Oui']")
        yes.click()
        wait.until(lambda d: "Merci" in answer.find_element(By.CSS_SELECTOR, ".feedback").text)
        overflow = driver.execute_script("return document.documentElement.scrollWidth > window.innerWidth + 1")
        assert not overflow, "the page scrolls sideways at this width"
        driver.save_screenshot(str(SHOTS / f"{size}-3-feedback.png"))
        return text
    finally:
        driver.quit()


async def test_the_public_page_answers_a_french_question_on_desktop_and_phone(site: str) -> None:
    if not browser_available():
        pytest.skip("headless Chromium / chromedriver / selenium not installed")
    for size in SIZES:
        text = await asyncio.to_thread(visit, site, size)
        assert "15 avril" in text or "15 April" in text, text
        assert "Decision 2/CMA.3, annex, para. 20" in text, text
        assert len(list(SHOTS.glob(f"{size}-*.png"))) >= 3
