"""Reading an SVG picture (lib.svg's markup) in a test: parsed as XML, so it must be well formed."""

import xml.etree.ElementTree as ElementTree

NS = "{http://www.w3.org/2000/svg}"


def parse(markup: str) -> ElementTree.Element:
    root = ElementTree.fromstring(markup)
    assert root.tag == f"{NS}svg"
    return root


def elements(root: ElementTree.Element, tag: str) -> list[ElementTree.Element]:
    return list(root.iter(f"{NS}{tag}"))


def texts(root: ElementTree.Element) -> list[str]:
    """Every ``<text>``'s words, in drawing order."""
    return [t.text or "" for t in elements(root, "text")]


def tip(element: ElementTree.Element) -> str | None:
    """The hover tip of ``element`` (its ``<title>``), if it has one."""
    title = element.find(f"{NS}title")
    return None if title is None else title.text


def tips(root: ElementTree.Element, tag: str) -> list[str]:
    return [t for e in elements(root, tag) if (t := tip(e)) is not None]
