"""pydantic's validation errors as one-line messages a person writing front matter understands."""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence

from pydantic import BaseModel

from .model import Briefing

MAX_SHOWN = 60  # characters of a bad value shown in a message


def key_path(loc: Sequence[str | int]) -> str:
    return ".".join(str(part) for part in loc)


def message(error: dict) -> str:
    """The message for one of `ValidationError.errors()` of a `Briefing`."""
    kind, loc, given = error["type"], error["loc"], error.get("input")
    model = model_at(loc[:-1]) if loc else None
    if kind == "missing":
        return "required key is missing" + (f" (required here: {_required(model)})" if model and model is not Briefing else "")
    if kind == "extra_forbidden":
        return f"unknown key (allowed here: {', '.join(model.model_fields)})" if model else "unknown key"
    if kind == "model_type":
        expected = model_at(loc)
        if expected is not None:
            return f"expected a mapping of keys ({', '.join(expected.model_fields)}), got {_shown(given)}"
    if kind == "invalid_key":
        return "a key must be text: put it in quotes"
    if given is None:
        required = model is not None and isinstance(loc[-1], str) and loc[-1] in model.model_fields and model.model_fields[loc[-1]].is_required()
        return "the key has no value" + ("" if required else ": give one, or leave the key out")
    if kind.startswith(("date_", "datetime_")):
        reason = (error.get("ctx") or {}).get("error")
        return f"expected a real ISO date YYYY-MM-DD{f' ({reason})' if reason else ''}, got {_shown(given)}"
    text = error["msg"].removeprefix("Value error, ").replace("Input should be", "expected", 1)
    if "got " in text:
        return text
    return f"{text}, got {_shown(given)}"


def model_at(loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model that holds the value at `loc` inside a `Briefing`, if any (`("actors", 2)` -> Actor)."""
    model: type[BaseModel] | None = Briefing
    annotation: object = Briefing
    for part in loc:
        if isinstance(part, int):
            args = [a for a in typing.get_args(annotation) if a is not type(None)]
            annotation = args[0] if typing.get_origin(annotation) is list and args else None
        elif model is not None and part in model.model_fields:
            annotation = model.model_fields[part].annotation
        else:
            return None
        model = _model_of(annotation)
    return model


def _model_of(annotation: object) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        found = [m for a in typing.get_args(annotation) if (m := _model_of(a))]
        return found[0] if len(found) == 1 else None
    return None


def _required(model: type[BaseModel]) -> str:
    return ", ".join(name for name, field in model.model_fields.items() if field.is_required())


def _shown(value: object) -> str:
    text = repr(value)
    if len(text) > MAX_SHOWN:
        text = text[: MAX_SHOWN - 1] + "…"
    return f"{type(value).__name__} {text}" if not isinstance(value, str) else text
