"""Real Chromium (Debian's package) driven by Playwright against pytest-django's live server.

No browser is ever downloaded: Playwright launches /usr/bin/chromium. A missing Chromium fails
the tests loudly; `make test` installs it first (scripts/ensure-chromium).
"""

from pathlib import Path

import pytest

from maillage.hub import current_hub
from maillage.plan.loading import load_plan
from maillage.territory.importer import load_configured_territory
from tests.tile_stand_in import TileServer

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 740}
PHONE = {"width": 390, "height": 844}
# The page itself never scrolls sideways (tests/browser/test_phone_width.py says why).
OVERFLOW = "document.documentElement.scrollWidth > window.innerWidth"

# Chromium reports CSP violations on the console too; this listener makes them explicit,
# whatever the console wording, so a test names the blocked resource.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  const blocked = event.blockedURI || "inline";
  console.error(`CSP violation: ${event.violatedDirective} blocked ${blocked}`);
});
"""


@pytest.fixture(scope="package", autouse=True)
def _allow_orm_beside_playwright():
    """Playwright's sync API runs an asyncio event loop in the test thread, so Django sees an
    "async context" and refuses the ORM calls of the test itself (fixtures, data loading).
    Those calls are still synchronous and single-threaded, which is what the check protects.
    Set per test, not at import: a global variable would leak into the rest of the session
    and into subprocesses (the deploy check refuses it)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


# Package scope, not session: while Playwright runs, its event loop makes the whole test thread
# an "async context", so it must stop before the rest of the suite touches the database.
@pytest.fixture(scope="package")
def browser(_allow_orm_beside_playwright):
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium package "
            "(scripts/ensure-chromium does it) to run the browser tests.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    chromium = playwright.chromium.launch(
        executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
    )
    yield chromium
    chromium.close()
    playwright.stop()


class BrowserProblems(list):
    """Console errors, uncaught exceptions, CSP violations and failed requests of one page."""

    def watch(self, page):
        page.on("console", lambda m: m.type == "error" and self.append(f"console: {m.text}"))
        page.on("pageerror", lambda error: self.append(f"uncaught: {error}"))
        page.on("requestfailed", self._failed)
        page.on(
            "response",
            lambda r: r.status >= 400 and self.append(f"HTTP {r.status}: {r.url}"),
        )
        page.add_init_script(REPORT_CSP_VIOLATIONS)
        return page

    def _failed(self, request):
        # A request the browser abandons because the test went on to the next page (the icon
        # still loading, net::ERR_ABORTED) is no fault of the page; answers of 400 and more are
        # still reported below.
        if "ERR_ABORTED" not in (request.failure or ""):
            self.append(f"request failed: {request.url} {request.failure}")


def open_page(browser, viewport, problems, **context_options):
    context = browser.new_context(viewport=viewport, locale="fr-FR", **context_options)
    return context, problems.watch(context.new_page())


@pytest.fixture
def browser_problems():
    problems = BrowserProblems()
    yield problems
    if problems:
        pytest.fail("The browser reported problems:\n" + "\n".join(problems), pytrace=False)


@pytest.fixture
def page(browser, browser_problems, live_server):
    context, page = open_page(browser, DESKTOP, browser_problems)
    yield page
    context.close()


@pytest.fixture
def mobile_page(browser, browser_problems, live_server):
    context, page = open_page(browser, MOBILE, browser_problems)
    yield page
    context.close()


@pytest.fixture
def phone(browser, browser_problems, live_server):
    """A 390 px page; CSP bypassed only so that axe-core can be injected."""
    context, page = open_page(browser, PHONE, browser_problems, bypass_csp=True)
    yield page
    context.close()


@pytest.fixture
def audit_page(browser, browser_problems, live_server):
    """A page whose CSP is bypassed, only so that axe-core can be injected for the audit."""
    context, page = open_page(browser, DESKTOP, browser_problems, bypass_csp=True)
    yield page
    context.close()


@pytest.fixture
def hub_data(transactional_db):
    """The configured territory and plan, loaded as `make run` loads them."""
    hub = current_hub()
    load_configured_territory(hub.territory)
    load_plan(hub.plan_file)


@pytest.fixture(scope="package")
def _tile_server():
    """One tile stand-in for the package: it outlives every page, so a tile still loading when
    a test ends is served rather than reset by a server already closed."""
    with TileServer() as server:
        yield server


@pytest.fixture
def tiles(settings, _tile_server):
    """The map configured with the tile stand-in; `tiles.served` holds this test's tiles only."""
    _tile_server.served.clear()
    settings.MAP_TILE_URL = _tile_server.url
    settings.MAP_TILE_ATTRIBUTION = "© Tuiles de démonstration"
    return _tile_server
