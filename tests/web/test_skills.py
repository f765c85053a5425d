"""The skills self-assessment and its results over HTTP, on the fixture framework.

Fixture skills: leadership (a skill), risk and scheduling (core duties). A project manager is
typically leadership 4, risk 3, scheduling 3; each skill links one module (role, risks, scheduling).
"""
import re

import pytest

from learnpm.extensions import db
from learnpm.models import Assessment, LearnerProfile
from tests.factories import make_assessment, make_progress, make_user
from tests.pages import section

FULL = {"level-leadership": "2", "level-risk": "3", "level-scheduling": "4"}




def set_target(app, user_id: int, role: str = "manager") -> None:
    with app.app_context():
        db.session.add(LearnerProfile(user_id=user_id, target_role=role))
        db.session.commit()


def assessments(app, user_id: int) -> list[Assessment]:
    with app.app_context():
        rows = db.session.scalars(db.select(Assessment).where(Assessment.user_id == user_id)
                                  .order_by(Assessment.id)).all()
        return [(a.id, a.levels(), {r.skill_id: r.evidence for r in a.ratings}) for a in rows]


@pytest.mark.parametrize("method, url", [("get", "/skills"), ("get", "/skills/assess"),
                                         ("post", "/skills/assess")])
def test_every_skills_page_needs_login(client, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_first_visit_invites_the_first_assessment(client, auth):
    auth.login()
    page = client.get("/skills").text
    assert "Take your first self-assessment — about 10 minutes" in page
    assert 'class="button primary" href="/skills/assess"' in page
    assert "<svg" not in page


def test_form_lists_every_skill_by_kind_with_level_behaviours(client, auth):
    auth.login()
    page = client.get("/skills/assess").text
    assert page.index(">Skills</h2>") < page.index("<legend>Leadership</legend>") \
        < page.index(">Core duties</h2>") < page.index("<legend>Risk mitigation</legend>") \
        < page.index("<legend>Scheduling</legend>")
    assert page.count("<fieldset") == 3 and page.count('type="radio"') == 15
    leadership = section(page, 'id="skill-leadership"', "</fieldset>")
    assert "Setting direction and helping people give their best." in leadership
    assert "<strong>Practising</strong>. Leads small tasks when asked." in leadership
    assert "<strong>Expert</strong>. Sets direction for a whole organisation." in leadership
    assert 'aria-describedby="level-leadership-hint"' in leadership
    assert re.search(r'<textarea [^>]*id="evidence-leadership"', page)
    assert 'Evidence<span class="visually-hidden"> for Leadership</span> (optional)' in page


def test_a_missing_rating_is_named_next_to_its_skill_and_the_rest_is_kept(client, auth, app):
    user_id = auth.login()
    data = {"level-leadership": "3", "level-scheduling": "2",
            "evidence-leadership": "Led the data migration", "evidence-risk": "Ran the register"}
    response = client.post("/skills/assess", data=data)
    assert response.status_code == 422
    page = response.text
    message = "Choose the level that sounds most like you for Risk mitigation."
    risk = section(page, 'id="skill-risk"', "</fieldset>")
    assert message in risk and 'class="skill-rating has-error"' in page
    assert f'<a href="#skill-risk">{message}</a>' in page  # and in the summary at the top
    assert "Choose the level" not in section(page, 'id="skill-leadership"', "</fieldset>")
    assert re.search(r'checked[^>]*id="level-leadership-2"', page)
    assert re.search(r'checked[^>]*id="level-scheduling-1"', page)
    assert "Led the data migration</textarea>" in page and "Ran the register</textarea>" in page
    assert assessments(app, user_id) == []


def test_a_rating_left_out_is_not_taken_from_the_last_assessment(client, auth, app):
    user_id = auth.login()
    with app.app_context():
        make_assessment(user_id, {"leadership": 4, "risk": 4, "scheduling": 4}, days_ago=10)
    response = client.post("/skills/assess", data={"level-leadership": "2", "level-risk": "3"})
    assert response.status_code == 422
    assert "for Scheduling." in section(response.text, 'id="skill-scheduling"', "</fieldset>")
    assert len(assessments(app, user_id)) == 1


def test_a_level_outside_the_scale_is_refused(client, auth):
    auth.login()
    response = client.post("/skills/assess", data={**FULL, "level-risk": "9"})
    assert response.status_code == 422
    assert "Choose the level that sounds most like you for Risk mitigation." in response.text


def test_saving_creates_a_dated_snapshot_and_keeps_earlier_ones(client, auth, app):
    user_id = auth.login()
    with app.app_context():
        make_assessment(user_id, {"leadership": 1, "risk": 1, "scheduling": 1}, days_ago=90)
    response = client.post("/skills/assess", data={**FULL, "evidence-risk": "  Ran the register "})
    assert response.status_code == 302 and response.headers["Location"] == "/skills"
    page = client.get("/skills").text
    assert "Your self-assessment is saved." in page
    saved = assessments(app, user_id)
    assert [levels for _, levels, _ in saved] == [
        {"leadership": 1, "risk": 1, "scheduling": 1},
        {"leadership": 2, "risk": 3, "scheduling": 4}]
    assert saved[1][2] == {"leadership": "", "risk": "Ran the register", "scheduling": ""}


def test_the_same_form_sent_twice_in_a_row_is_saved_once(client, auth, app):
    user_id = auth.login()
    client.post("/skills/assess", data=FULL)
    client.post("/skills/assess", data=FULL)  # a double click
    assert len(assessments(app, user_id)) == 1
    client.post("/skills/assess", data={**FULL, "level-risk": "4"})
    assert len(assessments(app, user_id)) == 2


def test_evidence_has_a_length_limit(client, auth):
    auth.login()
    response = client.post("/skills/assess", data={**FULL, "evidence-risk": "x" * 2001})
    assert response.status_code == 422
    assert "Keep the evidence under 2,000 characters." in section(
        response.text, 'id="skill-risk"', 'id="skill-scheduling"')


def test_the_form_starts_from_the_latest_assessment(client, auth, app):
    user_id = auth.login()
    with app.app_context():
        make_assessment(user_id, {"leadership": 1, "risk": 1}, days_ago=30)
        make_assessment(user_id, {"leadership": 4, "risk": 2}, days_ago=2,
                        evidence={"leadership": "Ran the offsite"})
    page = client.get("/skills/assess").text
    assert re.search(r'checked[^>]*id="level-leadership-3"', page)
    assert re.search(r'checked[^>]*id="level-risk-1"', page)
    assert "checked" not in section(page, 'id="skill-scheduling"', "</fieldset>")
    assert "Ran the offsite</textarea>" in page
    assert "Your answers from" in page


def test_results_draw_a_radar_with_a_table_of_the_same_numbers(client, auth, app):
    user_id = auth.login()
    set_target(app, user_id)
    with app.app_context():
        make_assessment(user_id, {"leadership": 1, "risk": 2, "scheduling": 2}, days_ago=60)
        make_assessment(user_id, {"leadership": 2, "risk": 3, "scheduling": 4})
    page = client.get("/skills").text
    svg = section(page, "<svg", "</svg>")
    assert 'role="img"' in svg and '<title id="radar-title">Your skills compared</title>' in svg
    assert svg.count('<g class="series series-') == 3
    assert ">Leadership</tspan>" in svg and ">Risk</tspan><tspan" in svg  # long names wrap
    assert "style=" not in page and "<script" not in page
    for name in ("You now (", "You on ", "Typical of a project manager"):
        assert name in section(page, 'class="chart-legend"', "</ul>")
    table = section(page, "<details", "</details>")
    assert re.search(r"<caption>Your skill levels, 1 to 5: now, earlier \(on \d+ \w+ \d{4}\), "
                     r"and the target \(typical of a project manager\)</caption>", table)
    assert '<th scope="col">Earlier</th>' in table and '<th scope="col">Target</th>' in table
    row = section(table, '<th scope="row">Scheduling</th>', "</tr>")
    cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td>(.*?)</td>", row)]
    assert cells == ["4 · Advanced", "2 · Practising", "3 · Proficient"]


def test_gaps_and_strengths_are_in_words_with_unread_modules(client, auth, app):
    user_id = auth.login()
    set_target(app, user_id)
    with app.app_context():
        make_assessment(user_id, {"leadership": 2, "risk": 2, "scheduling": 4})
        make_progress(user_id, "risks", completed=True)
    page = client.get("/skills").text
    grow = section(page, 'id="gaps-heading"', "</section>")
    assert ("<strong>Leadership</strong>: you rate yourself 2, a project manager is "
            "typically 4.") in grow
    assert 'Read: <a href="/modules/role">The project manager&#39;s role</a>' in grow
    risk = section(grow, "<strong>Risk mitigation</strong>", "</li>")
    assert "you rate yourself 2, a project manager is typically 3." in risk
    assert "/modules/risks" not in risk and "You've read every module on this" in risk
    assert grow.index("Leadership") < grow.index("Risk mitigation")  # largest gap first
    strengths = section(page, 'id="strengths-heading"', "</section>")
    assert ("<strong>Scheduling</strong>: you rate yourself 4, a project manager is "
            "typically 3.") in strengths


def test_without_a_target_role_the_page_points_to_the_career_page(client, auth, app):
    user_id = auth.login()
    with app.app_context():
        make_assessment(user_id, {"leadership": 2, "risk": 2, "scheduling": 2})
    page = client.get("/skills").text
    assert 'on <a href="/career">your career page</a>' in page
    assert "Where to grow" not in page and page.count('<g class="series') == 1


def test_earlier_assessments_are_listed_and_compared(client, auth, app):
    user_id = auth.login()
    with app.app_context():
        first = make_assessment(user_id, {"leadership": 1, "risk": 3}, days_ago=120).id
        make_assessment(user_id, {"leadership": 2, "risk": 3, "scheduling": 1}, days_ago=60)
        make_assessment(user_id, {"leadership": 3, "risk": 2, "scheduling": 1})
    page = client.get("/skills").text
    history = section(page, 'id="history-heading"', "</section>")
    assert history.count("Compare with now") == 2 and f'href="/skills?compare={first}"' in history
    assert "What changed" not in page
    page = client.get(f"/skills?compare={first}").text
    changes = section(page, 'id="compare-heading"', "</section>")
    assert "1 skill up, 1 down, 1 unchanged or newly rated." in changes
    assert "Up 2" in section(changes, '<th scope="row">Leadership</th>', "</tr>")
    assert "Down 1" in section(changes, '<th scope="row">Risk mitigation</th>', "</tr>")
    assert "Not rated both times" in section(changes, '<th scope="row">Scheduling</th>', "</tr>")
    assert "<strong>compared above</strong>" in section(page, 'id="history-heading"')


def test_another_learners_assessment_cannot_be_compared(client, auth, app):
    user_id = auth.login()
    with app.app_context():
        make_assessment(user_id, {"leadership": 2})
        other = make_user(email="other@example.com")
        theirs = make_assessment(other.id, {"leadership": 5}).id
    assert client.get(f"/skills?compare={theirs}").status_code == 404
    assert client.get("/skills?compare=99999").status_code == 404
    assert client.get("/skills?compare=latest").status_code == 404


def test_results_query_count_does_not_grow_with_history(client, auth, app, count_queries):
    user_id = auth.login()
    set_target(app, user_id)
    with app.app_context():
        make_assessment(user_id, {"leadership": 2, "risk": 2, "scheduling": 2})
    with count_queries() as one:
        assert client.get("/skills").status_code == 200
    with app.app_context():
        for days in range(1, 5):
            make_assessment(user_id, {"leadership": 1, "risk": days % 5 + 1}, days_ago=days * 30)
    with count_queries() as five:
        assert client.get("/skills").status_code == 200
    assert five.count == one.count
