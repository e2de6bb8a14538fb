"""`briefkit deploy`: build the site strictly, then publish it on a git branch (GitHub Pages) with
MkDocs' own gh-deploy, the commit `mkdocs gh-deploy` makes (`.nojekyll` included)."""

from __future__ import annotations

import contextlib
import logging
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import BriefkitError
from .project import Project
from .site.build import BuildReport, build_site

SHOWN_CHANGES = 3  # uncommitted files named in a refusal; the rest are counted


class DeployRefused(BriefkitError):
    """A reason not to publish that `--force` overrides."""


@dataclass
class DeployReport:
    build: BuildReport
    remote: str
    branch: str
    commit: str
    notes: list[str] = field(default_factory=list)  # what gh-deploy said, such as the site's address
    warnings: list[str] = field(default_factory=list)


def check_message(message: str) -> None:
    """gh-deploy fills `{sha}` and `{version}` into the message with str.format: refuse other fields."""
    try:
        message.format(sha="", version="")
    except (KeyError, IndexError, ValueError) as error:
        raise BriefkitError(f"{message!r}: only {{sha}} and {{version}} are filled in; write other braces twice ({error})") from None


def deploy_site(project: Project, *, remote: str | None = None, branch: str | None = None, message: str | None = None,
                force: bool = False, ignore_version: bool = False) -> DeployReport:
    """Refuse on uncommitted briefings (unless `force`), build with --strict (which refuses briefings
    that fail `check`), then publish `site_dir` on `branch` of `remote` (default: mkdocs.yml's
    `remote_branch` and `remote_name`, gh-pages and origin)."""
    if message is not None:
        check_message(message)
    # gh-deploy runs git in the working directory, not in the config file's folder
    with contextlib.chdir(project.root):
        require_repository(project.root)
        config = project.load_mkdocs_config(remote_name=remote, remote_branch=branch)
        require_remote(config.remote_name)
        if not force:
            refuse_uncommitted(project)
        published = fetch_branch(config.remote_name, config.remote_branch)  # before the build: fail fast
        built = build_site(project, strict=True)
        # with nothing published yet there is no earlier MkDocs version to compare with
        said = publish(config, message=message, ignore_version=ignore_version or not published)
        commit = git("rev-parse", "--short", f"refs/heads/{config.remote_branch}").stdout.strip()
    return DeployReport(
        built, config.remote_name, config.remote_branch, commit,
        notes=[r.getMessage() for r in said if r.levelno < logging.WARNING and not r.getMessage().startswith("Copying ")],
        warnings=[r.getMessage() for r in said if r.levelno >= logging.WARNING],
    )


def git(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    if shutil.which("git") is None:
        raise BriefkitError("git is not installed (or not on PATH): briefkit deploy publishes through git")
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


def require_repository(root: Path) -> None:
    if git("rev-parse", "--is-inside-work-tree", cwd=root).returncode != 0:
        raise BriefkitError(f"{root} is not in a git repository: `git init`, commit the project and add a remote first")


def require_remote(name: str) -> None:
    if git("remote", "get-url", name).returncode != 0:
        raise BriefkitError(f"no git remote named {name!r}: add it with `git remote add {name} URL`, or pass --remote")


def refuse_uncommitted(project: Project) -> None:
    """Refuse to publish briefings that are not committed: the site would show what git does not hold."""
    status = git("status", "--porcelain", "--untracked-files=all", "--", str(project.briefings_dir), cwd=project.root)
    changed = [line[3:] for line in status.stdout.splitlines() if line.strip()]
    if changed:
        shown = ", ".join(changed[:SHOWN_CHANGES]) + (f" and {len(changed) - SHOWN_CHANGES} more" if len(changed) > SHOWN_CHANGES else "")
        raise DeployRefused(f"not deploying: {len(changed)} uncommitted change{'s' if len(changed) != 1 else ''} under briefings/ ({shown}); commit them, or pass --force")


def fetch_branch(remote: str, branch: str) -> bool:
    """Bring the remote's published branch into `<remote>/<branch>`, which gh-deploy builds its commit
    on: after a deploy from another clone (or CI) the push is then a fast-forward, not a rejection.
    False when the remote has no such branch yet."""
    found = git("ls-remote", "--exit-code", "--heads", remote, branch)
    if found.returncode == 2:
        return False
    if found.returncode != 0:
        raise BriefkitError(f"cannot read git remote {remote!r}: {_last_line(found.stderr)}")
    fetched = git("fetch", "--quiet", remote, f"+refs/heads/{branch}:refs/remotes/{remote}/{branch}")
    if fetched.returncode != 0:
        raise BriefkitError(f"cannot fetch {branch!r} from git remote {remote!r}: {_last_line(fetched.stderr)}")
    return True


def publish(config, *, message: str | None, ignore_version: bool) -> list[logging.LogRecord]:
    """MkDocs' gh-deploy of the built site; its errors become one `BriefkitError` line, what else it
    logged is returned."""
    from mkdocs.commands.gh_deploy import gh_deploy
    from mkdocs.exceptions import Abort

    with _records_of("mkdocs.commands.gh_deploy") as records:
        try:
            gh_deploy(config, message=message, ignore_version=ignore_version)
        except Abort:
            errors = [r.getMessage() for r in records if r.levelno >= logging.ERROR] or ["aborted"]
            raise BriefkitError("gh-deploy failed: " + " ".join(" ".join(errors).split())) from None
        except subprocess.CalledProcessError as error:  # ghp_import's push lets git print its reason
            raise BriefkitError(f"git push to {config.remote_name!r} failed (exit {error.returncode}); git's message is above") from None
    return records


@contextlib.contextmanager
def _records_of(name: str) -> Iterator[list[logging.LogRecord]]:
    """Keep what logger `name` says (and stop it reaching the handlers) while the block runs."""
    records: list[logging.LogRecord] = []

    def keep(record: logging.LogRecord) -> bool:
        records.append(record)
        return False

    logger = logging.getLogger(name)
    logger.addFilter(keep)
    try:
        yield records
    finally:
        logger.removeFilter(keep)


def _last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "no message from git"
