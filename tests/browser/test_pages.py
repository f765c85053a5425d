"""Every main page, logged out and in: accessible (axe-core), valid HTML (Nu checker), fits a
phone, and photographed for people to look at (artifacts/screenshots/)."""
import json
import shutil
import subprocess
from collections import defaultdict

import pytest

from tests.browser.conftest import AXE_JS, PHONE, VNU_JAR, new_context, screenshot
from tests.browser.tour import build_tour

# Moderate rules we hold the line on as well, beside everything axe rates serious or critical.
ALSO_FAIL_ON = {"heading-order", "landmark-unique", "landmark-one-main", "region",
                "page-has-heading-one", "landmark-no-duplicate-banner",
                "landmark-no-duplicate-contentinfo", "landmark-no-duplicate-main",
                "landmark-complementary-is-top-level", "empty-heading", "empty-table-header"}


@pytest.fixture(scope="module")
def tour(browser, live_server, live_app):
    return build_tour(browser, live_server, live_app)


def walk(browser, tour, check, **context_options):
    """Open every stop of the tour, each as its person, and run check(page, stop, html)."""
    by_person = defaultdict(list)
    for stop in tour.stops:
        by_person[stop.who].append(stop)
    for who, stops in by_person.items():
        state = tour.sessions[who] if who else None
        context = new_context(browser, storage_state=state, **context_options)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error, seen=errors: seen.append(str(error)))
        try:
            for stop in stops:
                response = page.goto(tour.base + stop.path)
                if stop.act:
                    with page.expect_navigation() as navigation:
                        stop.act(page)
                    response = navigation.value
                else:
                    assert response.status == stop.status, f"{stop.name}: HTTP {response.status}"
                assert response.url.startswith(tour.base + stop.path.split("?")[0]), \
                    f"{stop.name}: redirected to {response.url}"
                check(page, stop, response.text())
        finally:
            context.close()
        assert errors == [], f"JavaScript errors as {who or 'a visitor'}: {errors}"


def axe_violations(page) -> list[dict]:
    """axe's violations, plus one-character text (a count badge) whose contrast axe measured
    too low but left "to review" because it could not be sure the character is text."""
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate("""async () => {
        const result = await axe.run(document);
        const found = result.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
            targets: v.nodes.map(n => n.target.join(' ') + ' — ' + n.failureSummary
                .replace(/\\s+/g, ' ').slice(0, 200))}));
        const short = result.incomplete.filter(v => v.id === 'color-contrast')
            .flatMap(v => v.nodes).filter(n => n.any.some(a => a.data
                && a.data.messageKey === 'shortTextContent' && a.data.fgColor && a.data.bgColor
                && a.data.contrastRatio < parseFloat(a.data.expectedContrastRatio)));
        if (short.length) {
            found.push({id: 'color-contrast-short-text', impact: 'serious',
                help: 'Short text must have sufficient color contrast', targets: short.map(n =>
                    n.target.join(' ') + ' — ' + JSON.stringify(n.any[0].data))});
        }
        return found;
    }""")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_passes_axe_in_light_and_dark_mode(browser, tour, scheme):
    if not AXE_JS.exists():
        pytest.skip(f"axe-core is not installed at {AXE_JS} (bash .ci/run installs it)")
    found, minor = [], []

    def check(page, stop, html):
        for v in axe_violations(page):
            line = f"{stop.name} [{scheme}]: {v['id']} ({v['impact']}) {v['help']}\n    " + \
                   "\n    ".join(v["targets"][:5])
            (found if v["impact"] in ("serious", "critical") or v["id"] in ALSO_FAIL_ON
             else minor).append(line)

    # axe is injected as a script, which the app's Content-Security-Policy rightly refuses.
    walk(browser, tour, check, color_scheme=scheme, bypass_csp=True)
    if minor:
        print("Minor accessibility findings:\n" + "\n".join(minor))
    assert not found, "Accessibility violations:\n" + "\n".join(found)


def test_every_page_is_valid_html(browser, tour, tmp_path):
    if not VNU_JAR.exists():
        pytest.skip(f"the Nu HTML Checker is not installed at {VNU_JAR} (bash .ci/run installs it)")
    if not shutil.which("java"):
        pytest.skip("Java is not installed, and the Nu HTML Checker (vnu.jar) runs on Java")
    files = []

    def save(page, stop, html):
        path = tmp_path / f"{stop.name}.html"  # the HTML as the server sent it
        path.write_text(html, encoding="utf-8")
        files.append(str(path))

    walk(browser, tour, save)
    assert len(files) == len(tour.stops)
    run = subprocess.run(["java", "-jar", str(VNU_JAR), "--errors-only", "--format", "json",
                          *files],
                         capture_output=True, text=True, timeout=120)
    try:
        messages = json.loads(run.stderr or run.stdout)["messages"]
    except ValueError:
        pytest.fail(f"the Nu HTML Checker did not run (exit {run.returncode}):\n"
                    + run.stderr[-3000:])
    problems = [f"{m['url'].rsplit('/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']}\n"
                f"    {m.get('extract', '').strip()[:160]}" for m in messages]
    assert run.returncode == 0 and not problems, "HTML errors:\n" + "\n".join(problems)


def test_every_page_fits_a_phone_and_is_photographed(browser, tour):
    too_wide = []

    def check(page, stop, html):
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > PHONE["width"]:
            culprits = page.evaluate("""(limit) => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > limit + 1
                    && ![...e.children].some(c => c.getBoundingClientRect().right > limit + 1))
                .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.className ? '.' +
                    String(e.className).split(' ').join('.') : ''))""", PHONE["width"])
            too_wide.append(f"{stop.name}: {width}px wide, e.g. {culprits}")
        if stop.main:
            screenshot(page, f"{stop.name}-phone")

    walk(browser, tour, check, viewport=PHONE, device_scale_factor=1)
    assert not too_wide, "Pages that scroll sideways at 360px:\n" + "\n".join(too_wide)

    def desktop(page, stop, html):
        if stop.main:
            screenshot(page, f"{stop.name}-desktop")

    walk(browser, tour, desktop)
