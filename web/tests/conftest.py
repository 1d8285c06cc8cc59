"""Browser tests of web/dist/ in Debian's headless Chromium (no driver or browser downloads)."""
import os
import pathlib
import shutil
import tempfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

WEB = pathlib.Path(__file__).resolve().parent.parent
DIST = WEB / "dist"
OUT = pathlib.Path(os.environ.get("PEACECOOP_WEB_OUT", WEB / "tests" / "out"))
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")


def page_url(fragment=""):
    return (DIST / "index.html").as_uri() + fragment


def make_driver(width=1280, height=900):
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="pc-chromium-")
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--disable-dev-shm-usage", f"--user-data-dir={profile}", f"--window-size={width},{height}",
              "--lang=en-US", "--hide-scrollbars"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    d = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    d._pc_profile = profile
    if width < 500:  # a headless window is at least 500 px wide: emulate a phone's viewport
        set_viewport(d, width, height)
    return d


def set_viewport(d, width, height):
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                      {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def quit_driver(d):
    d.quit()
    shutil.rmtree(d._pc_profile, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def built():
    if not (DIST / "index.html").exists():
        pytest.fail("web/dist/ is missing: run web/build.sh from the repository root first")
    OUT.mkdir(parents=True, exist_ok=True)


def pytest_report_header(config):
    return f"peacecoop web: {DIST / 'index.html'}; screenshots and PDFs go to {OUT}"


def pytest_terminal_summary(terminalreporter):
    terminalreporter.write_line(f"screenshots and PDFs: {OUT}")


@pytest.fixture(scope="session")
def driver():
    d = make_driver()
    yield d
    quit_driver(d)


@pytest.fixture(scope="session")
def phone():
    d = make_driver(360, 780)
    yield d
    quit_driver(d)


def settle(d, timeout=10):
    """Wait until the page has evaluated (or shown an error)."""
    WebDriverWait(d, timeout).until(lambda x: x.execute_script(
        "var v = document.getElementById('verdict');"
        "return !!(window.__pc && (v.hasAttribute('data-verdict') || v.getAttribute('data-state') === 'error'));"))


def open_page(d, fragment=""):
    # a new document each time: a bare fragment change would keep the old page
    d.get("about:blank")
    d.get(page_url(fragment))
    settle(d)
