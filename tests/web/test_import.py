"""Importing GIFT and Aiken banks from the command line and the admin page."""
import io
import shutil

import pytest

from learnpm.extensions import db
from learnpm.models import BankFile, Role
from tests.conftest import FIXTURES, VALID_CONTENT, build_app, fresh_schema

GIFT = (FIXTURES / "import" / "sample.gift").read_text()
BROKEN = (FIXTURES / "import" / "broken.gift").read_text()


@pytest.fixture
def writable_app(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(VALID_CONTENT, content)
    with fresh_schema(build_app(tmp_path, CONTENT_DIR=str(content))) as app:
        yield app


def bank_files(app):
    with app.app_context():
        return [(f.bank, f.name) for f in db.session.scalars(db.select(BankFile))]


def test_cli_imports_a_gift_file_into_the_database_and_exports_it(writable_app, tmp_path):
    source = tmp_path / "team.gift"
    source.write_text(GIFT)
    runner = writable_app.test_cli_runner()
    result = runner.invoke(
        args=["questions", "import", str(source), "--bank", "demo", "--domain", "process"])
    assert result.exit_code == 0, result.output
    assert "Imported 8 questions (gift) into demo/imported-team.yaml" in result.output
    assert bank_files(writable_app) == [("demo", "imported-team.yaml")]
    folder = tmp_path / "content" / "questions" / "demo"
    assert not (folder / "imported-team.yaml").exists()  # nothing on this host's disk
    check = runner.invoke(args=["content", "check"])
    assert check.exit_code == 0 and "demo 12" in check.output
    exported = runner.invoke(args=["questions", "export", "--to", str(tmp_path / "out")])
    assert "1 question file exported" in exported.output
    text = (tmp_path / "out" / "demo" / "imported-team.yaml").read_text()
    assert text.count("- id: demo-team-") == 8


def test_cli_reports_skipped_questions_by_line_and_writes_nothing(writable_app, tmp_path):
    source = tmp_path / "broken.gift"
    source.write_text(BROKEN)
    result = writable_app.test_cli_runner().invoke(
        args=["questions", "import", str(source), "--bank", "demo"])
    assert result.exit_code == 1
    assert "skipped: essay questions are not supported" in result.output
    assert "Nothing was imported." in result.output
    assert bank_files(writable_app) == []


def test_one_malformed_question_stops_the_whole_file_and_names_its_line(writable_app,
                                                                        tmp_path):
    """The README promises that nothing is written when anything is wrong."""
    source = tmp_path / "team.gift"
    source.write_text(GIFT + "\n\n::Unclosed:: Which is a constraint?{=Scope ~Coffee\n")
    result = writable_app.test_cli_runner().invoke(
        args=["questions", "import", str(source), "--bank", "demo"])
    lines = len(GIFT.splitlines())
    assert result.exit_code == 1
    assert f"error: line {lines + 3}: answer block is not closed" in result.output
    assert "Nothing was imported." in result.output
    assert bank_files(writable_app) == []


def test_unsupported_questions_are_skipped_by_name_and_the_rest_imported(writable_app):
    from tests.conftest import AuthActions
    client = writable_app.test_client()
    AuthActions(writable_app, client).login(email="sam@example.com", role=Role.ADMIN)
    text = GIFT + "\n\nDescribe your last project.{}\n"
    response = client.post("/admin/import", data={
        "file": (io.BytesIO(text.encode()), "team.gift"), "target": "demo:people"},
        content_type="multipart/form-data", follow_redirects=True)
    assert "Imported 8 questions into demo." in response.text
    assert f"line {len(GIFT.splitlines()) + 3}: skipped: essay questions are not supported" \
        in response.text
    assert bank_files(writable_app) == [("demo", "imported-team.yaml")]


def test_a_second_import_of_the_same_file_needs_replace(writable_app, tmp_path):
    source = tmp_path / "team.gift"
    source.write_text(GIFT)
    runner = writable_app.test_cli_runner()
    args = ["questions", "import", str(source), "--bank", "demo"]
    assert runner.invoke(args=args).exit_code == 0
    again = runner.invoke(args=args)
    assert again.exit_code == 1 and "already exists" in again.output
    assert runner.invoke(args=[*args, "--replace"]).exit_code == 0


def test_unknown_bank_or_domain_is_explained(writable_app, tmp_path):
    source = tmp_path / "team.gift"
    source.write_text(GIFT)
    runner = writable_app.test_cli_runner()
    assert "there is no bank 'nope'" in runner.invoke(
        args=["questions", "import", str(source), "--bank", "nope"]).output
    assert "'money' is not a domain of demo" in runner.invoke(
        args=["questions", "import", str(source), "--bank", "demo", "--domain", "money"]).output


def test_admin_page_imports_and_reloads_the_bank(writable_app):
    from tests.conftest import AuthActions
    client = writable_app.test_client()
    AuthActions(writable_app, client).login(email="sam@example.com", role=Role.ADMIN)
    page = client.get("/admin/import").text
    assert 'enctype="multipart/form-data"' in page and "People" in page
    response = client.post("/admin/import", data={
        "file": (io.BytesIO(GIFT.encode()), "team.gift"), "target": "demo:people"},
        content_type="multipart/form-data", follow_redirects=True)
    assert "Imported 8 questions into demo." in response.text
    assert "demo/imported-team.yaml" in client.get("/admin/").text
    assert "8 practice questions" not in client.get("/practice/").text  # 4 + 8 = 12
    assert "12 practice questions here" in client.get("/practice/").text


def test_admin_upload_checks_type_and_size(writable_app):
    from tests.conftest import AuthActions
    client = writable_app.test_client()
    AuthActions(writable_app, client).login(email="sam@example.com", role=Role.ADMIN)
    wrong_type = client.post("/admin/import", data={
        "file": (io.BytesIO(b"%PDF-1.4"), "bank.pdf"), "target": "demo:people"},
        content_type="multipart/form-data")
    assert "Upload a .gift, .aiken or .txt file." in wrong_type.text
    writable_app.config["IMPORT_MAX_BYTES"] = 2048
    too_big = client.post("/admin/import", data={
        "file": (io.BytesIO(b"x" * 2049), "bank.gift"), "target": "demo:people"},
        content_type="multipart/form-data")
    assert "The file is over 2 KB. Split it and import the parts." in too_big.text
    not_text = client.post("/admin/import", data={
        "file": (io.BytesIO(b"\xff\xfe\x00bad"), "bank.gift"), "target": "demo:people"},
        content_type="multipart/form-data")
    assert "not UTF-8 text" in not_text.text


def test_only_admins_may_import(client, auth):
    assert client.get("/admin/import").status_code == 302  # anonymous: log in first
    auth.login()
    assert client.get("/admin/import").status_code == 403
