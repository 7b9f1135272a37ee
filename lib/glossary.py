"""The workshop's glossary: every technical word the pages use, in plain and in kid wording.

The terms live in one data file, ``lib/glossary.toml``, read once at import with the standard library's
``tomllib``; this module checks it and answers lookups. The glossary page shows them all; the topic pages
use :func:`explain` for ``help=`` tooltips and popovers next to a word. No Streamlit here.

Each ``[[term]]`` in the file has:

- ``name`` (required): the headword, as shown on the glossary page, e.g. ``"learning rate"``;
- ``plain`` (required): 1–3 sentences for researchers new to ML, plain words first, technical term second;
- ``kids`` (required): 1–2 short sentences for a 9-year-old;
- ``aliases``: other forms as the pages write them (plurals, "relu", "learning-rate");
- ``pages``: slugs (see :mod:`lib.topics`) of the pages that use the word in this sense;
- ``see_also``: names of related terms;
- ``homonym_pages``: slugs of pages where the same word has its everyday meaning (the garden robot's
  "weight" is how heavy a bug is, not a network weight), so nothing there should explain it as this term.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from lib.topics import TOPICS

GLOSSARY_FILE = Path(__file__).with_name("glossary.toml")
_LISTS = ("aliases", "pages", "see_also", "homonym_pages")
_TEXTS = ("name", "plain", "kids")


@dataclass(frozen=True)
class Term:
    """One glossary entry, in plain and in kid wording, with the pages that use it."""

    name: str  #: the headword, e.g. "learning rate"
    plain: str  #: the explanation for adults new to ML (Markdown)
    kids: str  #: the explanation for a 9-year-old (Markdown)
    aliases: tuple[str, ...] = ()  #: other forms the pages use: plurals, other spellings
    pages: tuple[str, ...] = ()  #: slugs of the pages that use the term
    see_also: tuple[str, ...] = ()  #: names of related terms
    homonym_pages: tuple[str, ...] = ()  #: slugs of pages where the word has its everyday meaning

    @property
    def forms(self) -> tuple[str, ...]:
        """The name and every alias: all the ways the term is written."""
        return (self.name, *self.aliases)

    @property
    def anchor(self) -> str:
        """The term's heading anchor on the glossary page: ``/glossary#learning-rate``."""
        return re.sub(r"[^a-z0-9]+", "-", self.name.casefold()).strip("-")


def load(path: Path | str = GLOSSARY_FILE) -> tuple[Term, ...]:
    """Read and check a glossary file; return its terms sorted case-insensitively by name.

    Raises ``ValueError`` saying which entry is wrong and how to fix it: a missing or empty field, a field
    of the wrong type, an unknown field, a name or alias used twice, an unknown page slug, or a
    ``see_also`` naming no term."""
    path = Path(path)
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise ValueError(f"{path.name} is not valid TOML ({error}); fix the syntax there.") from None
    entries = data.get("term")
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{path.name} has no terms: write each one as a [[term]] table.")
    terms = tuple(sorted((_term(entry, number, path.name) for number, entry in enumerate(entries, 1)),
                         key=lambda t: t.name.casefold()))
    _check_unique(terms, path.name)
    _check_references(terms, path.name)
    return terms


def _term(entry: dict, number: int, file_name: str) -> Term:
    where = f"{file_name}, term {number} ({entry.get('name', 'no name')!r})"
    unknown = set(entry) - set(_TEXTS) - set(_LISTS)
    if unknown:
        raise ValueError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}; "
                         f"the fields are {', '.join(_TEXTS + _LISTS)}.")
    for field in _TEXTS:
        value = entry.get(field)
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{where}: {field!r} is missing or empty; give it some text.")
    for field in _LISTS:
        value = entry.get(field, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            raise ValueError(f"{where}: {field!r} must be a list of non-empty strings, e.g. {field} = [\"...\"].")
    return Term(**{field: entry[field].strip() for field in _TEXTS},
                **{field: tuple(v.strip() for v in entry.get(field, [])) for field in _LISTS})


def _check_unique(terms: tuple[Term, ...], file_name: str) -> None:
    owner: dict[str, str] = {}
    for item in terms:
        for form in item.forms:
            key = _normal(form)
            if owner.get(key) == item.name:
                raise ValueError(f"{file_name}, {item.name!r}: {form!r} is listed twice (matching ignores case and "
                                 "spacing, so 'ReLU' already covers 'relu'); remove the repeat.")
            if key in owner:
                raise ValueError(f"{file_name}: {form!r} belongs to both {owner[key]!r} and {item.name!r}; "
                                 "a name or alias may appear only once, so remove one of them.")
            owner[key] = item.name


def _check_references(terms: tuple[Term, ...], file_name: str) -> None:
    slugs = {t.slug for t in TOPICS}
    names = {_normal(t.name) for t in terms}
    for item in terms:
        for field in ("pages", "homonym_pages"):
            for slug in getattr(item, field):
                if slug not in slugs:
                    raise ValueError(f"{file_name}, {item.name!r}: {field} lists {slug!r}, which is no page; "
                                     f"use one of {', '.join(sorted(slugs))}.")
        both = set(item.pages) & set(item.homonym_pages)
        if both:
            raise ValueError(f"{file_name}, {item.name!r}: {', '.join(sorted(both))} is in both pages and "
                             "homonym_pages; keep it in the one that says how that page uses the word.")
        for other in item.see_also:
            if _normal(other) not in names:
                raise ValueError(f"{file_name}, {item.name!r}: see_also names {other!r}, which is not a term; "
                                 "use a term's name exactly (aliases are not accepted there).")


def _normal(text: str) -> str:
    """Case- and spacing-insensitive form used to compare names and aliases."""
    return " ".join(text.casefold().split())


TERMS: tuple[Term, ...] = load()
_BY_FORM: dict[str, Term] = {_normal(form): item for item in TERMS for form in item.forms}


def term(name: str) -> Term:
    """The term called ``name`` or with ``name`` among its aliases (case-insensitive).

    Raises ``KeyError`` suggesting close matches when there is no such term."""
    found = _BY_FORM.get(_normal(name))
    if found is None:
        close = difflib.get_close_matches(_normal(name), list(_BY_FORM), n=3, cutoff=0.6)
        hint = f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise KeyError(f"No glossary term {name!r}.{hint} Add it to lib/glossary.toml if it is new.")
    return found


def terms_for(slug: str) -> tuple[Term, ...]:
    """The terms the page with URL path ``slug`` uses (its ``pages`` list names it), in glossary order."""
    return tuple(item for item in TERMS if slug in item.pages)


@cache
def _pattern() -> re.Pattern[str]:
    # One alternation, longest form first, so "feature map" is read as one term and not also as "feature",
    # and "unfair bias" as fairness rather than a neuron's bias. Letters, digits, "_" and "-" on either side
    # mean the match is part of a longer word: "kernels" is not "kernel" unless listed, "k-means" is not "means".
    forms = sorted(_BY_FORM, key=len, reverse=True)
    body = "|".join(r"\s+".join(re.escape(word) for word in form.split()) for form in forms)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def find_terms(text: str) -> set[str]:
    """Names of the terms whose name or an alias occurs in ``text`` as a whole word or phrase
    (case-insensitive; spacing and line breaks inside a phrase do not matter). Where forms overlap, the
    longest wins: "feature maps" finds "feature map" but not "feature"."""
    return {_BY_FORM[_normal(match.group())].name for match in _pattern().finditer(text)}


def search(query: str = "", slugs: Iterable[str] = ()) -> tuple[Term, ...]:
    """The terms matching a glossary-page search: every word of ``query`` (case-insensitive) appears in the
    term's name, aliases or either wording, and, if ``slugs`` are given, one of those pages uses the term.
    The term named exactly so comes first (a "See also" link searches for its term's name), then terms whose
    name or an alias contains the query; otherwise glossary order."""
    words = query.casefold().split()
    phrase = " ".join(words)
    wanted = set(slugs)
    found = [item for item in TERMS
             if (not wanted or wanted & set(item.pages))
             and all(word in " ".join((*item.forms, item.plain, item.kids)).casefold() for word in words)]
    exact = [item for item in found if words and any(_normal(form) == phrase for form in item.forms)]
    in_name = [item for item in found
               if item not in exact and words and any(phrase in form.casefold() for form in item.forms)]
    return (*exact, *in_name, *(item for item in found if item not in exact and item not in in_name))


def explain(name: str, kids: bool = False) -> str:
    """The Markdown wording of the term (name or alias): the kid wording if ``kids``, else the plain one.
    Short enough for a ``help=`` tooltip or a popover; it does not repeat the term's name."""
    item = term(name)
    return item.kids if kids else item.plain
