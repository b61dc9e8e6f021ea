"""What every part of the facts model is built from: bilingual text, audiences, problems.

:mod:`crisiscomms.facts` holds the incident; :mod:`crisiscomms.compensation`
the plans. Both build on the pieces here, so neither imports the other's
internals.
"""

from __future__ import annotations

import inspect
import re
import tomllib
from collections.abc import Mapping
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, model_validator

from .errors import TemplateError
from .facttypes import Count, Percent, SafeStr, Time, unsafe_character
from .kinds import HANT_LANGS
from .resources import templates_root

__all__ = ["Count", "Percent", "SafeStr", "Time"]


class FactModel(BaseModel):
    """A frozen model that rejects unknown keys and documents every field.

    A field's documentation is the docstring under it. It matters only to the JSON
    Schema, so it is read from the source when a schema is first asked for
    (:meth:`model_json_schema`), not while the models are built: pydantic's
    ``use_attribute_docstrings`` re-reads and tokenises each class's source, a sixth
    of the command line's start.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        populate_by_name=True,
    )

    @classmethod
    def __pydantic_init_subclass__(cls, **kwargs: Any) -> None:
        super().__pydantic_init_subclass__(**kwargs)
        _FACT_MODELS.append(cls)

    @classmethod
    def model_json_schema(cls, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Return the JSON Schema, every field described by its docstring."""
        _document_fields()
        return super().model_json_schema(*args, **kwargs)


#: Every fact model, in the order they were defined: a model after the models it holds.
_FACT_MODELS: list[type[FactModel]] = []
_documented = 0  # how many of them are described already


def _document_fields() -> None:
    """Describe the fact models' fields by their docstrings, and rebuild the models.

    What pydantic's ``use_attribute_docstrings`` does as each class is built: a field
    with no description takes the docstring under its annotation in the class that
    annotates it last (an inherited field, its base's). Models are rebuilt in the
    order they were defined, so a model's schema holds its fields' rebuilt schemas.
    Each model is described once; one defined later is described at the next call.
    """
    global _documented
    start, _documented = _documented, len(_FACT_MODELS)
    for model in _FACT_MODELS[start:]:
        for name, info in model.model_fields.items():
            if info.description is not None:
                continue
            owner = next((k for k in model.__mro__ if name in inspect.get_annotations(k)), None)
            docstring = _field_docstrings(owner).get(name) if owner is not None else None
            if docstring is not None:
                info.description = docstring
        model.model_rebuild(force=True)


def _field_docstrings(cls: type) -> dict[str, str]:
    """Return the docstrings under the annotations of ``cls``'s own body, by field name."""
    import ast

    body = _class_body(cls)
    docs = {}
    for before, node in pairwise(body):
        if (
            isinstance(before, ast.AnnAssign)
            and isinstance(before.target, ast.Name)
            and isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            docs[before.target.id] = inspect.cleandoc(node.value.value)
    return docs


def _class_body(cls: type) -> list[Any]:
    """Return the statements of ``cls``'s body: from its module's tree, else its own source."""
    import ast
    import textwrap

    try:
        body: list[ast.stmt] = _module_tree(inspect.getsourcefile(cls) or "").body
        for part in cls.__qualname__.split("."):  # a class of a module, or nested in one
            body = next(n for n in body if isinstance(n, ast.ClassDef) and n.name == part).body
        return body
    except (OSError, SyntaxError, TypeError, StopIteration):
        pass
    try:  # a class defined in a function: inspect finds its lines
        source = textwrap.dedent(inspect.getsource(cls))
        if source.startswith((" ", "\t")):  # a string less indented than the class
            source = "def wrapper():\n" + source
        tree = ast.parse(source)
    except (OSError, SyntaxError, TypeError):
        return []
    first = tree.body[0]
    if isinstance(first, ast.FunctionDef):
        first = first.body[0]
    return first.body if isinstance(first, ast.ClassDef) else []


@cache
def _module_tree(path: str) -> Any:
    import ast

    return ast.parse(Path(path).read_text(encoding="utf-8"))


NonEmpty = Annotated[SafeStr, Field(min_length=1)]
Slug = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]{0,63}$")]
_HTTPS = r"^https://[^\s/$.?#][^\s]*$"


def _https(value: str) -> str:
    if re.match(_HTTPS, value) is None:
        raise ValueError(
            "must be an https:// link with a host and no spaces, "
            "e.g. https://status.example.com (http:// links are not accepted)"
        )
    return value


HttpsUrl = Annotated[
    str,
    Field(max_length=2048, json_schema_extra={"pattern": _HTTPS, "format": "uri"}),
    AfterValidator(_https),
]


class Text(FactModel):
    """A free-text fact in each language it is published in.

    ``zh`` is Simplified Chinese; ``zh-Hant``, ``zh-Hant-HK`` and ``zh-Hant-TW``
    hold Traditional text as written by a person. A ``zh-Hant-HK`` draft uses
    ``zh-Hant-HK``, else ``zh-Hant``, else ``zh`` converted for Hong Kong (and
    the draft lists the converted fields for a person to check); likewise for
    ``zh-Hant-TW``.

    Examples:
        >>> Text(zh="机房空调故障", en="a cooling failure in a data centre").zh
        '机房空调故障'
        >>> Text.model_validate({"zh-Hant-HK": "機房冷氣故障"}).zh_Hant_HK
        '機房冷氣故障'
    """

    zh: NonEmpty | None = None
    en: NonEmpty | None = None
    zh_Hant: NonEmpty | None = Field(None, alias="zh-Hant")
    zh_Hant_HK: NonEmpty | None = Field(None, alias="zh-Hant-HK")
    zh_Hant_TW: NonEmpty | None = Field(None, alias="zh-Hant-TW")

    @model_validator(mode="after")
    def _not_empty(self) -> Text:
        if all(getattr(self, name) is None for name in type(self).model_fields):
            raise ValueError("give the text in at least one language: {zh: ..., en: ...}")
        return self

    def in_lang(self, lang: str) -> str:
        """Return the text given in ``lang`` (``zh-Hant-HK`` is the field zh_Hant_HK), or "".

        Examples:
            >>> Text.model_validate({"zh-Hant-HK": "機房冷氣故障"}).in_lang("zh-Hant-HK")
            '機房冷氣故障'
        """
        return str(getattr(self, lang.replace("-", "_"), None) or "")

    def given(self) -> list[str]:
        """Return the text in every language it is given in (zh, en, then Traditional).

        Examples:
            >>> Text(zh="机房故障", en="a data-centre fault").given()
            ['机房故障', 'a data-centre fault']
        """
        return [t for t in (self.zh, self.en, self.zh_Hant, self.zh_Hant_HK, self.zh_Hant_TW) if t]


class Audience(FactModel):
    """Who a notice speaks to: an id from the shipped vocabulary, or one with its own name."""

    id: Slug
    """A short id: passengers, merchants, enterprise_customers, or your own (then give name)."""
    name: Text
    """The plural a sentence uses: {zh: 乘客, en: passengers}."""
    salutation: Text | None = None
    """How a notice opens to them: {zh: 尊敬的乘客, en: Dear passengers}."""
    measure: Annotated[SafeStr, Field(min_length=1, max_length=2)] | None = None
    """The Chinese measure word a count of them takes: 名 (共775名), 家 for companies, 位.
    Without it a Chinese count is written without one: 受影响的企业数量约为4.2万."""


@cache
def audience_vocabulary() -> dict[str, dict[str, Any]]:
    """Return the shipped audiences (``templates/audiences.toml``): id -> name, salutation.

    The Traditional names (``templates/zh-Hant-HK/audiences.toml`` and
    ``zh-Hant-TW``) join each entry's ``name`` and ``salutation`` under their
    language tag, so a draft in either region uses the vetted form.
    """
    vocabulary = _read_toml(templates_root() / "audiences.toml")
    for lang in HANT_LANGS:
        path = templates_root() / lang / "audiences.toml"
        if not path.is_file():
            continue
        for audience_id, names in _read_toml(path).items():
            entry = vocabulary.get(audience_id)
            if entry is None:
                continue  # the generated file is stale; the generator's check reports it
            for key, text in names.items():
                if isinstance(entry.get(key), dict):
                    entry[key] = {**entry[key], lang: text}
    return vocabulary


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise TemplateError(f"{path}: {error}") from None


def _audience(value: Any) -> Any:
    """Turn an audience id into the vocabulary's entry; leave objects to the model."""
    if isinstance(value, Audience):
        return value
    if isinstance(value, str):
        known = audience_vocabulary().get(value.strip())
        if known is None:
            choices = ", ".join(audience_vocabulary())
            raise ValueError(
                f"unknown audience {value!r}: use one of {choices}, "
                "or {id, name: {zh, en}, salutation} for your own"
            )
        return {"id": value.strip(), **known}
    if isinstance(value, Mapping) and set(value) == {"id"} and isinstance(value["id"], str):
        return _audience(value["id"])
    return value


AudienceRef = Annotated[Audience, BeforeValidator(_audience, json_schema_input_type=str | Audience)]


def default_audience() -> Audience:
    """Return the audience facts address when they name none: users."""
    return Audience.model_validate(_audience("users"))


def no_items() -> list[Any]:
    """Return a new empty list: the default of a list of facts.

    What ``default_factory=list`` gives. Pydantic reads a default factory's signature
    as it builds each model, and a builtin's is parsed from its text (the first time,
    after compiling the tokenizer's pattern), a Python function's is not: over the
    models' list fields, a few milliseconds of the command line's start.
    """
    return []


def one_or_many(value: Any) -> Any:
    """Accept a single mapping where a list of them is expected (one plan, one scale)."""
    return [value] if isinstance(value, Mapping) else value


class Problem(tuple[tuple[str | int, ...], str, str]):
    """One invalid fact: where (``loc``), what is wrong (``msg``) and its ``type``."""

    __slots__ = ()

    def __new__(cls, loc: tuple[str | int, ...], msg: str, type: str) -> Problem:
        return super().__new__(cls, (loc, msg, type))

    @property
    def loc(self) -> tuple[str | int, ...]:
        return self[0]

    @property
    def msg(self) -> str:
        return self[1]

    @property
    def type(self) -> str:
        return self[2]

    @property
    def path(self) -> str:
        """The field as a dotted path, e.g. ``compensation[0].currency``."""
        return format_loc(self.loc)

    def to_dict(self) -> dict[str, Any]:
        return {"loc": list(self.loc), "msg": self.msg, "type": self.type}


class CrossFieldError(ValueError):
    """Problems found across fields of a model, each with its own location."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(f"{p.path}: {p.msg}" for p in problems))
        self.problems = problems


def format_loc(loc: tuple[str | int, ...]) -> str:
    """Write a pydantic location as a path a person can find in a facts file.

    Examples:
        >>> format_loc(("compensation", 0, "items", 1, "currency"))
        'compensation[0].items[1].currency'
    """
    out = ""
    for part in loc:
        if isinstance(part, str) and unsafe_character(part) is not None:
            part = ascii(part)  # an unknown key is echoed: never echo a terminal escape
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
