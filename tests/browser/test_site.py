"""The public pages in real Chromium: they load cleanly, work by keyboard and pass axe-core."""

import pytest

from tests.browser.conftest import AXE_SCRIPT

pytestmark = pytest.mark.browser

PUBLIC_PAGES = ["/", "/valeurs/", "/projet/", "/qui-sommes-nous/", "/territoire/"]
SERIOUS = {"serious", "critical"}


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_page_loads_with_no_console_error(page, live_server, hub_data, path):
    response = page.goto(live_server.url + path)

    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert "INVALID_TEMPLATE_VARIABLE" not in page.content()


def test_stylesheet_and_scripts_are_served(page, live_server):
    page.goto(live_server.url + "/")

    css = page.request.get(live_server.url + "/static/web/maillage.css")
    assert css.status == 200
    # The stylesheet applied: the header has the brand colour, not the browser's default.
    header_background = page.eval_on_selector(
        ".site-header", "el => getComputedStyle(el).backgroundColor"
    )
    assert header_background == "rgb(11, 93, 75)"
    assert page.evaluate("typeof window.htmx") == "object"


def test_skip_link_is_first_and_moves_focus_to_the_content(page, live_server):
    page.goto(live_server.url + "/")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Aller au contenu"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "contenu"


def test_keyboard_reaches_the_navigation_and_follows_a_link(page, live_server, hub_data):
    page.goto(live_server.url + "/")

    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent.trim()") == "Projet":
            break
    else:
        pytest.fail("Tabbing from the top never reached the « Projet » link.")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none", "the focused link shows no outline"
    page.keyboard.press("Enter")
    page.wait_for_url(live_server.url + "/projet/")
    current = page.locator('nav[aria-label="Navigation principale"] [aria-current="page"]')
    assert current.inner_text() == "Projet"


def test_mobile_menu_button_reveals_the_navigation(mobile_page, live_server):
    page = mobile_page
    page.goto(live_server.url + "/")
    button = page.get_by_role("button", name="Menu")
    link = page.locator("#menu-principal a", has_text="Annuaire")

    assert button.get_attribute("aria-expanded") == "false"
    assert not link.is_visible()
    button.focus()
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    assert link.is_visible()
    page.keyboard.press("Escape")
    assert button.get_attribute("aria-expanded") == "false"
    assert not link.is_visible()


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- [{violation['impact']}] {violation['id']}: {violation['help']}")
        lines.extend(f"    {' '.join(node['target'])}" for node in violation["nodes"][:5])
    return "\n".join(lines)


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("path", [*PUBLIC_PAGES, "/annuaire/", "/mentions-legales/"])
def test_axe_core_finds_no_serious_violation(audit_page, live_server, hub_data, path, width):
    page = audit_page
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + path)
    page.add_script_tag(path=str(AXE_SCRIPT))

    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")

    serious = [v for v in results["violations"] if v["impact"] in SERIOUS]
    assert not serious, f"axe-core on {path} at {width} px:\n{format_violations(serious)}"


@pytest.mark.parametrize(("width", "stacked"), [(390, True), (1280, False)])
def test_legal_notice_processings_stack_on_a_phone(page, live_server, hub_data, width, stacked):
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + "/mentions-legales/")

    section = page.locator(".processing").first
    term = section.locator("dt").first.bounding_box()
    value = section.locator("dd").first.bounding_box()

    assert page.locator(".processing").count() > 20
    # On a phone the value sits under its term; wider, beside it, on the same line.
    assert (value["y"] >= term["y"] + term["height"]) is stacked
    assert page.evaluate("document.documentElement.scrollWidth") <= width
