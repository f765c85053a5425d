"""The career page over HTTP: profile, the gap to a target role and the ladder.

Fixture roles: coordinator (rank 1) and manager (rank 2: leadership 4, risk 3, scheduling 3;
36 months' experience; PMP and CAPM help; learning path "basics").
"""
import re
import shutil
from datetime import date, timedelta

import pytest

from learnpm.config import PROJECT_ROOT
from learnpm.domain.dates import add_months
from learnpm.extensions import db
from learnpm.models import (
    CertificationRecord,
    CertStatus,
    ExperienceEntry,
    LearnerProfile,
)
from tests.conftest import VALID_CONTENT, AuthActions, build_app, fresh_schema
from tests.factories import make_assessment, make_goal, make_profile, make_progress
from tests.pages import section

TOMORROW = date.today() + timedelta(days=1)
LATERAL_ROLE = """
  - id: analyst
    name: Business analyst
    track: lateral
    summary: Works out what the business needs.
    experience: None needed.
    skills: {leadership: 2, risk: 2, scheduling: 1}
    next: [manager]
"""


def profile_row(app, user_id: int):
    with app.app_context():
        return db.session.get(LearnerProfile, user_id)


@pytest.mark.parametrize("method, url", [
    ("get", "/career"), ("post", "/career"), ("post", "/career/goals"),
    ("post", "/career/goals/1/status"), ("post", "/career/goals/1/delete")])
def test_every_career_page_needs_login(client, method, url):
    response = getattr(client, method)(url)
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_profile_form_groups_the_roles_and_names_education_levels(client, auth):
    auth.login()
    page = client.get("/career").text
    target = section(page, 'id="target_role"', "</select>")
    assert re.match(r'id="target_role" name="target_role">\s*<option value="">Not set</option>'
                    r'<optgroup label="Career ladder"><option value="coordinator">Project '
                    r'coordinator</option><option value="manager">Project manager</option>'
                    r"</optgroup>", target)
    education = section(page, 'id="education_level"', "</select>")
    for label in ("Not set", "Secondary school", "Associate degree",
                  "Bachelor&#39;s degree or higher",
                  "Degree from a PMI-accredited (GAC) programme"):
        assert f">{label}</option>" in education
    assert 'value="gac"' in education
    assert "Choose the role you're working towards above" in page


def test_saving_the_profile_creates_one_row_then_updates_it(client, auth, app):
    user_id = auth.login()
    response = client.post("/career", data={"current_role": "coordinator",
                                            "target_role": "manager",
                                            "education_level": "bachelor"})
    assert response.status_code == 302 and response.headers["Location"] == "/career"
    page = client.get("/career").text
    assert "Your roles and education are saved." in page
    assert re.search(r'<option selected value="manager">|<option value="manager" selected>',
                     section(page, 'id="target_role"', "</select>"))
    row = profile_row(app, user_id)
    assert (row.current_role, row.target_role, row.education_level) == (
        "coordinator", "manager", "bachelor")
    client.post("/career", data={"current_role": "manager", "target_role": "",
                                 "education_level": "gac"})
    with app.app_context():
        rows = db.session.scalars(db.select(LearnerProfile)).all()
        assert [(r.current_role, r.target_role, r.education_level) for r in rows] == [
            ("manager", None, "gac")]


def test_an_unknown_role_is_refused_next_to_the_field(client, auth, app):
    user_id = auth.login()
    response = client.post("/career", data={"current_role": "coordinator",
                                            "target_role": "astronaut"})
    assert response.status_code == 422
    field = section(response.text, '<label for="target_role">', "</div>")
    assert "Choose a role from the list." in field
    assert profile_row(app, user_id) is None


def _learner_with_history(app, user_id: int) -> None:
    today = date.today()
    make_profile(app, user_id, current_role="coordinator", target_role="manager")
    with app.app_context():
        make_assessment(user_id, {"leadership": 2, "risk": 3, "scheduling": 1})
        make_progress(user_id, "role", completed=True)
        db.session.add_all([
            CertificationRecord(user_id=user_id, cert_id="capm", status=CertStatus.CERTIFIED),
            CertificationRecord(user_id=user_id, cert_id="pmp", status=CertStatus.PREPARING),
            ExperienceEntry(user_id=user_id, role="Coordinator", started_on=date(2020, 1, 1),
                            ended_on=date(2020, 12, 31)),
            ExperienceEntry(user_id=user_id, role="Analyst", started_on=add_months(today, -6),
                            ended_on=None)])
        db.session.commit()


def test_target_role_shows_what_it_takes_and_the_gap(client, auth, app):
    _learner_with_history(app, auth.login())
    page = client.get("/career").text
    about = section(page, 'id="target-heading"', "</section>")
    assert "Becoming a project manager" in about and "Leads projects end to end." in about
    assert "Typically three years leading project work." in about
    gap = section(page, 'id="gap-heading"', "</section>")
    skills = section(gap, "<table", "</table>")
    assert "<caption>Where you rate yourself below a project manager, biggest gap first" in skills
    assert [re.sub(r"<[^>]+>", " ", row).split() for row in re.findall(
        r"<tr><th scope=\"row\">.*?</tr>", skills, re.DOTALL)] == [
            ["Leadership", "2", "4"], ["Scheduling", "1", "3"]]
    assert "Risk mitigation" not in gap  # rated 3, the role needs 3
    certs = section(gap, "<h3>Certifications</h3>", "<h3>Experience</h3>")
    assert "<strong>PMP</strong>" in certs and 'href="https://example.org/pmp"' in certs
    assert "CAPM" not in certs  # already certified
    experience = section(gap, "<h3>Experience</h3>")
    assert "You have logged 18 months of project experience" in experience
    assert "we use 36 months as a guide" in experience and "18 months to go" in experience


def test_recommendations_skip_read_modules_and_link_the_roles_paths(client, auth, app):
    _learner_with_history(app, auth.login())
    page = client.get("/career").text
    advice = section(page, 'id="next-heading"', "</section>")
    assert '<a href="/modules/scheduling">Scheduling basics</a>' in advice
    assert "/modules/role" not in advice  # leadership's module is already read
    assert '<a href="/paths/basics">The basics</a>' in advice and 'value="1" max="3"' in advice


def test_without_an_assessment_the_gap_says_so_and_links_it(client, auth, app):
    user_id = auth.login()
    make_profile(app, user_id, target_role="manager")
    page = client.get("/career").text
    gap = section(page, 'id="gap-heading"', "</section>")
    assert "You haven't rated your skills yet" in gap
    assert '<a href="/skills/assess">Take the self-assessment</a>' in gap
    assert "You have logged 0 months" in gap and "36 months to go" in gap
    assert "<strong>CAPM</strong>" in gap and "<strong>PMP</strong>" in gap


def test_ladder_marks_where_you_are_and_where_you_are_going(client, auth, app):
    user_id = auth.login()
    make_profile(app, user_id, current_role="coordinator", target_role="manager")
    ladder = section(client.get("/career").text, '<ol class="ladder">', "</ol>")
    assert ladder.index("Project coordinator") < ladder.index("You are here") \
        < ladder.index("Project manager") < ladder.index("Your target")


@pytest.fixture
def lateral_app(tmp_path):
    """The fixture content plus a lateral role that coordinators often move to."""
    content = tmp_path / "content"
    shutil.copytree(VALID_CONTENT, content)
    careers = content / "frameworks" / "careers.yaml"
    text = careers.read_text().replace("next: [manager]", "next: [manager, analyst]", 1)
    careers.write_text(text + LATERAL_ROLE)
    with fresh_schema(build_app(tmp_path, CONTENT_DIR=str(content))) as app:
        yield app


def test_lateral_moves_are_grouped_and_listed(lateral_app):
    client = lateral_app.test_client()
    user_id = AuthActions(lateral_app, client).login()
    make_profile(lateral_app, user_id, current_role="analyst")
    page = client.get("/career").text
    assert re.search(r'<optgroup label="Lateral moves"><option selected value="analyst">'
                     r"Business analyst</option></optgroup>", section(page, 'id="current_role"'))
    lateral = section(page, "<h3>Lateral moves</h3>", "</ul>")
    assert "<strong>Business analyst</strong> <span class=\"badge\">You are here" in lateral
    assert "Business analyst" not in section(page, '<ol class="ladder">', "</ol>")
    with lateral_app.app_context():
        db.session.get(LearnerProfile, user_id).current_role = "coordinator"
        db.session.commit()
    lateral = section(client.get("/career").text, "<h3>Lateral moves</h3>", "</ul>")
    assert "a common move from your current role" in lateral and "You are here" not in lateral


def test_career_query_count_does_not_grow_with_goals_or_assessments(client, auth, app,
                                                                     count_queries):
    user_id = auth.login()
    _learner_with_history(app, user_id)
    with app.app_context():
        make_goal(user_id, "Goal 0")
    with count_queries() as one:
        assert client.get("/career").status_code == 200
    with app.app_context():
        for n in range(1, 5):
            make_goal(user_id, f"Goal {n}", target_date=TOMORROW + timedelta(days=n))
            make_assessment(user_id, {"leadership": n}, days_ago=n * 30)
    with count_queries() as five:
        assert client.get("/career").status_code == 200
    assert five.count == one.count


@pytest.fixture
def shipped_app(tmp_path):
    with fresh_schema(build_app(tmp_path, CONTENT_DIR=str(PROJECT_ROOT / "content"))) as app:
        yield app


def test_the_shipped_ladder_and_roles_render(shipped_app):
    client = shipped_app.test_client()
    user_id = AuthActions(shipped_app, client).login()
    make_profile(shipped_app, user_id, current_role="project-coordinator",
                target_role="scrum-master")
    page = client.get("/career").text
    ladder = section(page, '<ol class="ladder">', "</ol>")
    names = ["Project coordinator", "Project manager", "Senior project manager",
             "Program manager", "Portfolio manager / PMO lead"]
    assert [ladder.index(n) for n in names] == sorted(ladder.index(n) for n in names)
    assert "Becoming a Scrum Master / agile coach" in page
    lateral = section(page, "<h3>Lateral moves</h3>", "</ul>")
    assert lateral.count("a common move from your current role") == 2  # analyst, Scrum Master
    assert "style=" not in page and "<script" not in page
