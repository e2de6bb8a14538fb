"""Where a briefkit project keeps things: found from its `mkdocs.yml`."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import BriefkitError

CONFIG_FILE = "mkdocs.yml"


@dataclass(frozen=True)
class Project:
    config_file: Path

    @classmethod
    def find(cls, config_file: Path | None = None) -> Project:
        path = (config_file or Path(CONFIG_FILE)).absolute()
        if not path.is_file():
            raise BriefkitError(f"{path}: no such MkDocs configuration (run briefkit in the project folder, or pass --config)")
        return cls(path)

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @property
    def briefings_dir(self) -> Path:
        return self.root / "briefings"

    def load_mkdocs_config(self, **overrides):
        """MkDocs' own validated configuration (docs_dir, site_dir, site_url, ...)."""
        from mkdocs.config import load_config
        from mkdocs.exceptions import ConfigurationError

        try:
            return load_config(str(self.config_file), **overrides)
        except ConfigurationError as error:
            raise BriefkitError(f"{self.config_file}: {error}") from None
