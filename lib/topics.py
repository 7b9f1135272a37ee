"""The six workshop topics, in teaching order: one place for their titles, URLs and summaries.

The home page cards, the sidebar navigation and the tests all read this list, so a topic is renamed or
added here and nowhere else. A topic's URL is the name of its page file without the leading number
(Streamlit's ``pages/`` convention): ``pages/1_convolution.py`` is served at ``/convolution``.
"""

from dataclasses import dataclass
from pathlib import Path

from lib import DATA_DIR

HOME_ICON = ":material/home:"
#: The browser-tab icons, one PNG per Material icon (drawn by scripts/make_icons.py): Streamlit would fetch a
#: ``:material/...:`` tab icon from Google's font server, so the tab gets a picture the app serves itself.
ICONS_DIR = DATA_DIR / "icons"


@dataclass(frozen=True)
class Topic:
    """One page of the app: its URL path, title, tab icon and one-line summary."""

    slug: str  #: the page's URL path, e.g. "convolution" for /convolution
    title: str  #: the name shown in the navigation and as the page heading
    icon: str  #: a Material Symbols icon in Streamlit's ``:material/name:`` form (bundled font; see icon_file)
    summary: str  #: one line on what a learner will take away

    @property
    def page_file(self) -> str:
        """Path of the page script relative to the repository root."""
        return f"pages/{(*TOPICS, *REFERENCE).index(self) + 1}_{self.slug}.py"


#: The six workshop topics, in teaching order (home page, navigation, handouts).
TOPICS: tuple[Topic, ...] = (
    Topic(
        "convolution",
        "Image kernels",
        ":material/grid_on:",
        "A picture is a grid of numbers. What happens when you slide a small grid of numbers, a kernel, over it?",
    ),
    Topic(
        "iris",
        "Iris network",
        ":material/local_florist:",
        "A small neural network learns to tell three iris species apart from four ruler measurements. What "
        "changes inside it while it learns?",
    ),
    Topic(
        "mnist",
        "Handwritten digits",
        ":material/draw:",
        "Draw a digit and watch a network that learned from 60,000 handwritten ones read it. Does the colour of "
        "the ink matter?",
    ),
    Topic(
        "noise",
        "Secret spy messages",
        ":material/visibility:",
        "Spy Jane sends spy John the same secret picture again and again, and a baddie scribbles random noise over "
        "every copy. Can John still read it?",
    ),
    Topic(
        "kmeans",
        "Garden bug detective",
        ":material/bug_report:",
        "A robot measures what it picks up in the garden but cannot tell what anything is. Can k-means find "
        "the groups nobody labelled?",
    ),
    Topic(
        "ethics",
        "Before you trust a model",
        ":material/fact_check:",
        "A model always gives an answer. When should you trust it? Try this app's own models on things they "
        "never learned, then ask the questions.",
    ),
)


#: Pages that are not topics but help with all of them; numbered after the topics.
REFERENCE: tuple[Topic, ...] = (
    Topic(
        "glossary",
        "Glossary",
        ":material/menu_book:",
        "Every word the workshop uses, in plain words, and in simpler words for children.",
    ),
)


def icon_file(icon: str) -> Path:
    """The PNG of Material icon ``icon`` (``":material/name:"``) for a browser tab: ``data/icons/name.png``."""
    return ICONS_DIR / f"{icon.removeprefix(':material/').removesuffix(':')}.png"


def topic(slug: str) -> Topic:
    """The topic (or reference page) whose URL path is ``slug``; raises ``KeyError`` naming the known slugs
    otherwise."""
    for candidate in (*TOPICS, *REFERENCE):
        if candidate.slug == slug:
            return candidate
    raise KeyError(f"No topic {slug!r}; known pages are {', '.join(t.slug for t in (*TOPICS, *REFERENCE))}.")
