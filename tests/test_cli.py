import json

from tests.conftest import FIXTURES, build_app, fresh_schema


def test_content_check_passes_on_valid_content(runner):
    result = runner.invoke(args=["content", "check"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == ("3 modules, 1 paths, 1 exams, 4 questions (demo 4), "
                                     "3 skills, 2 roles, 3 certifications: no problems")


def test_content_check_json_on_valid_content(runner):
    result = runner.invoke(args=["content", "check", "--json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data == {"modules": 3, "paths": 1, "exams": 1, "questions": {"demo": 4},
                    "skills": 3, "roles": 2, "certifications": 3, "errors": []}


def test_content_check_fails_and_names_file_and_line(tmp_path):
    app = build_app(tmp_path, CONTENT_DIR=str(FIXTURES / "content" / "broken"))
    with fresh_schema(app):
        result = app.test_cli_runner().invoke(args=["content", "check"])
        assert result.exit_code == 1
        assert "broken/modules/missing-title.md:2: missing required field 'title'" in result.output
        assert result.output.strip().endswith("24 problems")
        assert "broken/frameworks/skills.yaml:16: skill leadership: unknown module" in result.output
        data = json.loads(app.test_cli_runner().invoke(
            args=["content", "check", "--json"]).output)
        assert {"path": "broken/paths/bad-path.yaml", "line": 4,
                "message": "modules: unknown module 'ghost'"} in data["errors"]


def test_site_serves_the_good_modules_when_content_is_broken(tmp_path):
    app = build_app(tmp_path, CONTENT_DIR=str(FIXTURES / "content" / "broken"))
    with fresh_schema(app):
        client = app.test_client()
        assert client.get("/modules/unknown-refs").status_code == 200
        assert client.get("/library").status_code == 200
        assert client.get("/modules/missing-title").status_code == 404
