"""The certification tracker over HTTP: status, eligibility, countdown, renewal, export."""
from datetime import date, timedelta

from learnpm.extensions import db
from learnpm.models import CertificationRecord, CertStatus, RenewalActivity
from tests.factories import make_progress, make_user

TODAY = date.today()


def certify(client, cert="pmp", passed=TODAY - timedelta(days=400)):
    return client.post(f"/certifications/{cert}", data={
        "status": "certified", "passed_on": passed.isoformat()})


def log(client, cert="pmp", **fields):
    data = {"activity-title": "Webinar", "activity-category": "power-skills",
            "activity-units": "8",
            "activity-activity_date": (TODAY - timedelta(days=3)).isoformat()}
    data.update({f"activity-{k}": v for k, v in fields.items()})
    return client.post(f"/certifications/{cert}/activities", data=data)


def test_every_tracker_page_needs_login(client):
    for url in ("/certifications/", "/certifications/pmp", "/certifications/evidence",
                "/certifications/calendar.ics", "/certifications/pmp/activities.csv"):
        assert client.get(url).status_code == 302


def test_unknown_certification_is_404(client, auth):
    auth.login()
    assert client.get("/certifications/nope").status_code == 404


def test_booking_an_exam_shows_a_countdown(client, auth):
    auth.login()
    exam_day = TODAY + timedelta(days=30)
    response = client.post("/certifications/pmp", data={
        "status": "exam_booked", "exam_date": exam_day.isoformat()}, follow_redirects=True)
    assert "Saved your PMP details." in response.text
    assert "<strong>30</strong> days to your exam" in response.text
    assert "Exam in 30 days" in client.get("/certifications/").text


def test_status_rules_are_explained_next_to_the_field(client, auth):
    auth.login()
    response = client.post("/certifications/pmp", data={"status": "exam_booked"})
    assert response.status_code == 422 and "Add the exam date for a booked exam." in response.text
    past = (TODAY - timedelta(days=2)).isoformat()
    response = client.post("/certifications/pmp", data={"status": "exam_booked",
                                                        "exam_date": past})
    assert "A booked exam must be today or later." in response.text
    assert f'value="{past}"' in response.text  # what was typed is kept
    future = (TODAY + timedelta(days=2)).isoformat()
    response = client.post("/certifications/pmp", data={"status": "certified",
                                                        "passed_on": future})
    assert "A pass date can&#39;t be in the future." in response.text


def test_eligibility_counts_modules_courses_and_experience_once(client, auth, app):
    user_id = auth.login()
    with app.app_context():
        make_progress(user_id, "role", completed=True)  # carries 0.5 contact hours
    client.post("/certifications/evidence/education", data={
        "education-title": "PM bootcamp", "education-hours": "30",
        "education-completed_on": (TODAY - timedelta(days=100)).isoformat()})
    for start, end in (("2021-01-01", "2022-12-31"), ("2022-01-01", "2023-12-31")):
        client.post("/certifications/evidence/experience", data={
            "experience-role": "Project lead", "experience-started_on": start,
            "experience-ended_on": end})
    evidence = client.get("/certifications/evidence").text
    assert "30.5 hours" in evidence and "Project experience: 36 months" in evidence
    page = client.get("/certifications/pmp").text
    assert "30.5 of 35 hours" in page and "36 of 60 months" in page
    assert "We assumed the longest route" in page


def test_capm_waives_the_pmp_education_hours(client, auth, app):
    user_id = auth.login()
    with app.app_context():
        db.session.add(CertificationRecord(user_id=user_id, cert_id="capm",
                                           status=CertStatus.CERTIFIED,
                                           passed_on=TODAY - timedelta(days=10)))
        db.session.commit()
    assert "waived by a certification you hold" in client.get("/certifications/pmp").text


def test_evidence_forms_check_dates_and_keep_input(client, auth):
    auth.login()
    response = client.post("/certifications/evidence/experience", data={
        "experience-role": "Coordinator", "experience-started_on": "2024-05-01",
        "experience-ended_on": "2024-01-01"})
    assert response.status_code == 422
    assert "The end date is before the start date." in response.text
    assert 'value="Coordinator"' in response.text
    response = client.post("/certifications/evidence/education", data={
        "education-title": "Course", "education-hours": "3",
        "education-completed_on": (TODAY + timedelta(days=5)).isoformat()})
    assert "Log a course once you have finished it." in response.text


def test_renewal_progress_caps_and_warnings(client, auth, app):
    auth.login()
    certify(client, passed=TODAY - timedelta(days=3 * 365 - 60))  # two months left
    assert "Log an activity" in client.get("/certifications/pmp").text
    log(client, category="power-skills", units="10")
    log(client, category="giving-back", units="30")
    page = client.get("/certifications/pmp").text
    assert 'value="35" max="60"' in page  # 10 + giving back capped at 25
    assert "short in Business Acumen" in page and "days left and 25 PDUs still needed" in page


def test_giving_back_is_offered_and_units_go_in_quarter_steps(client, auth):
    auth.login()
    certify(client)
    page = client.get("/certifications/pmp").text
    assert '<option value="giving-back">Giving Back</option>' in page
    refused = log(client, units="0.3", title="Mentoring juniors")
    assert refused.status_code == 422
    assert "Log PDUs in steps of 0.25, e.g. 0.25, 0.5 or 0.75." in refused.text
    assert 'value="Mentoring juniors"' in refused.text
    assert log(client, category="giving-back", units="1.25").status_code == 302
    assert "1.25" in client.get("/certifications/pmp/activities.csv").text


def test_activity_form_validates_and_keeps_input(client, auth):
    auth.login()
    certify(client)
    response = log(client, units="0", title="Chapter talk")
    assert response.status_code == 422
    assert "Enter between 0.25 and 100 units." in response.text
    assert 'value="Chapter talk"' in response.text
    response = log(client, activity_date=(TODAY + timedelta(days=1)).isoformat())
    assert "Log activities once they have happened." in response.text


def test_activity_log_exports_as_csv_and_deletes_only_own(client, auth, app):
    auth.login()
    certify(client)
    log(client, title="Risk webinar", units="1.5")
    csv_text = client.get("/certifications/pmp/activities.csv").text
    assert csv_text.splitlines()[0] == "date,category,units,activity,notes"
    assert "power-skills,1.5,Risk webinar" in csv_text
    with app.app_context():
        activity_id = db.session.scalar(db.select(RenewalActivity.id))
    auth.logout()
    auth.login(email="intruder@example.com")
    assert client.post(f"/certifications/pmp/activities/{activity_id}/delete").status_code == 404
    assert "Risk webinar" not in client.get("/certifications/pmp/activities.csv").text
    with app.app_context():
        assert db.session.get(RenewalActivity, activity_id) is not None


def test_calendar_export_has_exam_and_renewal_dates(client, auth):
    auth.login()
    exam_day = TODAY + timedelta(days=20)
    client.post("/certifications/csm", data={"status": "exam_booked",
                                             "exam_date": exam_day.isoformat()})
    certify(client, passed=date(2025, 2, 28))
    response = client.get("/certifications/calendar.ics")
    body = response.data.decode()
    assert response.mimetype == "text/calendar"
    assert f"DTSTART;VALUE=DATE:{exam_day:%Y%m%d}" in body and "SUMMARY:CSM exam" in body
    assert "DTSTART;VALUE=DATE:20280228" in body and "PMP renewal deadline" in body


def test_certification_without_renewal_says_so(client, auth):
    auth.login()
    assert "does not need renewing" in client.get("/certifications/capm").text
    assert "A 16-hour live CSM course" in client.get("/certifications/csm").text


def test_tracker_query_count_does_not_grow(client, auth, app, count_queries):
    user_id = auth.login()
    certify(client)
    log(client)
    with count_queries() as few:
        client.get("/certifications/pmp")
        client.get("/certifications/")
    for _ in range(5):
        log(client)
    with app.app_context():
        make_user(email="other@example.com")
    with count_queries() as many:
        client.get("/certifications/pmp")
        client.get("/certifications/")
    assert many.count == few.count
    assert user_id
