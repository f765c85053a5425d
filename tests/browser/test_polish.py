"""The polish people expect: one sub-navigation for "My progress", empty states that say what to
do, friendly error pages, a dark theme, and modules that print cleanly."""
import pytest

from tests.browser.conftest import create_user, log_in, open_page, register

PROGRESS_PAGES = [  # path, the sub-navigation item marked as the current page
    ("/dashboard", "Overview"), ("/skills", "Skills"), ("/skills/assess", "Skills"),
    ("/career", "Career"), ("/certifications/", "Certifications"),
    ("/certifications/pmp", "Certifications"), ("/certifications/evidence", "Certifications"),
    ("/practice/history", "Results"), ("/mentoring/assigned", "Assigned to me"),
]

EMPTY_STATES = [  # path, what the empty state says, the action it offers
    ("/skills", "Take your first self-assessment — about 10 minutes.",
     "a:has-text('Start the self-assessment')"),
    ("/practice/history", "No results yet.", "a:has-text('Take your first practice quiz')"),
    ("/practice/review", "Nothing to review yet.", "a:has-text('Take a practice quiz')"),
    ("/certifications/", "You are not tracking a certification yet. Choose one below",
     "main a[href='/certifications/pmp']"),
    ("/certifications/evidence", "No education logged yet.", "#education-title"),
    ("/career", "Choose the role you're working towards above", "#target_role"),
    ("/mentoring/assigned", "Nothing assigned to you.", None),
    ("/mentoring/notifications", "Nothing new.", None),
    ("/dashboard", "No path started yet.", ".empty a:has-text('learning path')"),
]


def test_my_progress_pages_share_one_sub_navigation(page, live_server):
    register(page, live_server, "Priya")
    for path, current in PROGRESS_PAGES:
        page.goto(live_server + path)
        subnav = page.locator("main nav.subnav[aria-label='My progress']")
        assert subnav.count() == 1, f"{path}: no 'My progress' sub-navigation"
        assert subnav.locator("a[aria-current=page]").all_inner_texts() == [current], path
        first = page.evaluate("document.querySelector('main > :not(.flashes)').className")
        assert first == "subnav", f"{path}: the sub-navigation is not at the top of the page"
        top = page.locator("header nav[aria-label=Main] a[aria-current=page]").all_inner_texts()
        assert top == (["Practice"] if path.startswith("/practice") else ["My progress"]), path


def test_empty_pages_say_what_to_do(page, live_server):
    register(page, live_server, "Sam")
    for path, says, action in EMPTY_STATES:
        page.goto(live_server + path)
        empty = page.locator("main .empty", has_text=says)
        assert empty.count() >= 1, f"{path}: no empty state saying {says!r}"
        if action:
            assert page.locator(action).first.is_visible(), f"{path}: no {action}"


@pytest.mark.parametrize("who", ["visitor", "learner"])
def test_error_pages_are_friendly(browser, live_server, live_app, who):
    with open_page(browser) as page:
        if who == "learner":
            log_in(page, live_server, create_user(live_app, "Lee"))
        cases = [("/no-such-page", 404, "We can't find that page"),
                 ("/modules/no-such-module", 404, "We can't find that page"),
                 ("/admin/", 403 if who == "learner" else 200, "You can't open this page")]
        for path, status, title in cases:
            response = page.goto(live_server + path)
            if status == 200:  # a visitor is asked to log in instead
                assert "/login" in page.url
                continue
            assert response.status == status, path
            assert page.locator("h1").inner_text() == title
            assert page.locator("header nav[aria-label=Main]").is_visible()  # a way on
            assert page.title().startswith(title)
            first_action = page.locator("main .actions .button.primary")
            expected = "Go to your dashboard" if who == "learner" else "Go to the library"
            assert first_action.inner_text() == expected
            if status == 404:
                page.fill("#error-q", "risk register")
                page.press("#error-q", "Enter")
                assert page.url.endswith("/library?q=risk+register")
                assert page.locator(".module-card").count() >= 1


def test_dark_mode_follows_the_system(browser, live_server):
    def colours(page):
        return page.evaluate("""() => ['background-color', 'color'].map(p =>
            getComputedStyle(document.body).getPropertyValue(p)
                .match(/\\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3)""")

    for scheme, dark_background in (("light", False), ("dark", True)):
        with open_page(browser, color_scheme=scheme) as page:
            page.goto(f"{live_server}/modules/risk-mitigation")
            background, text = colours(page)
            assert (background < 60 and text > 190) if dark_background \
                else (background > 230 and text < 60), (scheme, background, text)


def test_a_module_prints_without_navigation_in_either_theme(browser, live_server):
    for scheme in ("light", "dark"):
        with open_page(browser, color_scheme=scheme) as page:
            register(page, live_server, "Tom")
            page.goto(f"{live_server}/modules/risk-mitigation")
            page.emulate_media(media="print")
            for hidden in ("header.site-header", "footer.site-footer", ".module-aside",
                           ".module-footer", ".breadcrumb", ".skip-link"):
                assert not page.locator(hidden).is_visible(), f"{hidden} prints ({scheme})"
            assert page.locator(".prose h2").first.is_visible()
            looks = page.evaluate("""() => {
                const rgb = e => getComputedStyle(e).getPropertyValue('background-color');
                const th = document.querySelector('.prose th');
                return {body: rgb(document.body), th: rgb(th),
                        text: getComputedStyle(document.querySelector('.prose p')).color};
            }""")
            assert looks["body"] == "rgb(255, 255, 255)" and looks["text"] == "rgb(0, 0, 0)", \
                (scheme, looks)
            assert sum(map(int, looks["th"][4:-1].split(",")[:3])) / 3 > 200, (scheme, looks)
            pdf = page.pdf(format="A4")
            assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
