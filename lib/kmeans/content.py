"""The words of the /kmeans page, each as a pair (plain words, kid words) for ``view.say`` where kid mode says
it differently; the ones that quote a result are functions of it. The page itself is layout only
(``pages/5_kmeans.py``)."""

from __future__ import annotations

from lib.handout import code_span
from lib.kmeans import garden
from lib.kmeans.upload import MAX_COLUMNS, MAX_ROWS

TRY = ("Press **Step** again and again: which items change group, and when do the groups stop changing? "
       "Then click the chart to add your own items.",
       "Keep pressing **Step**: when do the groups stop changing?")
MORE = ("More settings", "More settings")
NEED_DATA = "Choose data and at least one measurement (More settings) to use this part."


def said(column: str) -> str:
    """A column's name for a label or message (Streamlit Markdown): the garden's in words, a CSV's as written."""
    return garden.label(column) if column in garden.LABELS else code_span(column)


# Choosing the data
SOURCES = {"garden": "The garden robot's items", "upload": "My own CSV file"}
UPLOAD_RULES = (f"A CSV file with a header row, at most {MAX_ROWS:,} rows and {MAX_COLUMNS} columns. "
                "Rows with gaps in the chosen columns are left out.")
NO_UPLOAD = "Upload a CSV file to group your own items; until then “When k-means goes wrong” and “Try this” still work."
NO_NUMBERS = "No column in this file holds numbers, and k-means can only group numbers."
NO_TRUTH = "(none)"


def text_in_numbers(column: str, where: str) -> str:
    return (f"Column {said(column)} is mostly numbers but has text in it ({where}), so it cannot be used. "
            "Fix the value in the file and upload it again.")


def left_out(rows: int) -> str:
    return f"Left out {rows} row(s) with a missing or non-number value in the chosen columns."


LOOK = ("**The robot never saw any labels, only its measurements. Look at the histogram and the scatter plot: how many "
        "groups can you see?** Guess before you reveal.",
        "Look at the two charts. **Guess first**, then reveal the answer.")
TABLE = ("The robot's notebook (one row per item)", "The robot's notebook")
CUBE = "All three measurements at once (3-D)"

# The k-means settings
PICK_ONE = "Pick at least one measurement for k-means to use."
ALL_SAME = ("Every item has the same values in these measurements, so there is nothing to group. "
            "Pick other measurements or other data.")


def capped(most: int) -> str:
    return (f"Only {most} items are different from each other, so k-means can find at most {most} groups; "
            f"using k = {most}.")


# The playground: stepping through k-means and adding items
STEP = {"assign": ("Step: assign", "Step: join"), "update": ("Step: update", "Step: move middles")}
PAINT = ("Add items by clicking the chart", "Add your own items by clicking")
PAINT_HELP = ("Each click adds an item there; k-means starts again from where its centroids are now.",
              "Each click adds an item there.")
CANNOT_PAINT = "Clicking adds items when k-means uses exactly the two measurements plotted (see More settings)."
CLEAR_ADDED = "Remove my items"


def added(count: int) -> tuple[str, str]:
    return (f"You added {count} item(s): they join in the stepping, not in the steps below.",
            f"You added {count} item(s).")



def place_starts(k: int) -> str:
    return (f"**Your starting centroids.** Click {k} places on the plot below, or type positions here. "
            "Another click moves the oldest one there.")


def still_to_place(missing: int, k: int) -> str:
    return f"{missing} of {k} starting centroids still to place."


def step_help(next_move: str) -> tuple[str, str]:
    return f"Do the next move: {next_move}.", "Do the next move."


RESTART_HELP = ("Go back to the starting centroids.", "Put the middles back where they started.")
MOVES = {"start": ("Starting centroids placed. Next: give every item to its nearest centroid.",
                   "The group middles (✕) are down. Next: every item joins its closest middle."),
         "assign": ("Every item joined its nearest centroid. Next: move each centroid to the middle of its items.",
                    "Every item joined its closest middle. Next: each middle moves to the centre of its items."),
         "update": ("Each centroid moved to the middle (mean) of its items. Next: assign again.",
                    "Each middle moved to the centre of its items. Next: join again.")}
INERTIA = ("Total squared distance to the centroids (inertia)",
           "How messy the groups are (all the distances to the middles, added up)")
LINES = ("Draw a line from each item to its centroid", "Draw a line from each item to its group's middle")
LINES_HELP = ("Shows which centroid each item belongs to.", "Shows which middle each item belongs to.")
AT_WORK = ("k-means at work: ✕ marks the centroids", "The robot sorting: ✕ marks each group's middle")
NO_REGIONS = ("Coloured regions appear when k-means uses exactly the two plotted measurements.",
              "Coloured areas appear when the robot sorts by exactly the two measurements plotted.")
AGREEMENT = ("Agreement with the true kinds (adjusted Rand index, 1 = perfect)",
             "How well the groups match the real kinds (1 = perfect)")
INERTIA_CHART = ("Inertia after each move", "How messy the groups are after each move")
INERTIA_AXIS = ("inertia", "messiness")


def finished(rounds: int, same: bool, inertia: float) -> tuple[str, str]:
    """Lloyd's run is over; ``same``: scikit-learn's KMeans from the same start found the same groups."""
    groups = "the same groups" if same else "different groups"
    return (f"Finished after {rounds} rounds: no item changed group. scikit-learn's KMeans from the same start "
            f"finds {groups} (inertia {inertia:.2f}).",
            f"Finished after {rounds} rounds: no item changed group. A grown-ups' sorting program starting from "
            f"the same middles finds {groups}.")


HOW_MANY_ASK = ("**k-means finds as many groups as you ask for, even the wrong number. Try k = 2, 3 and 4 in the "
                "playground: which k would you choose, and how could a computer choose it?**")
SHOW_ELBOW = "Show the elbow and silhouette charts"
HOW_MANY = ("k-means cannot tell you how many groups there are: it finds as many as you ask for. Two clues help. "
            "**The elbow**: total squared distance (inertia) always drops as k grows, but after the right k it "
            "drops only a little, so look for the bend. **The silhouette score** (−1 to 1) asks whether items "
            "sit much closer to their own group than to the next one; higher is better.")


def best_k(best: int) -> str:
    return f"The highest silhouette score is at k = {best}. The dotted line marks your k."


# Naming the groups and classifying a new item
GROUP = ("cluster", "group")
NAME_ASK = ("**k-means numbered its groups, but what is each one? Look at each group's centre and give it a name.**",
            "**What is in each group? Give each one a name.**")
NAME_THEM = ("These are the groups where the playground's k-means ends (run to the end from its start).",
             "")
CENTRE = ("centre", "middle")
CLASSIFY = ("**Classify a new item.**", "**Sort a new item.**")
NEW_ITEM_ALT = ("The new item among the clusters", "The new item among the groups")


def verdict(group: str, cluster: int, name: str) -> str:
    """Where the new item belongs: ``group`` is the word for a cluster, ``name`` the learner's name for it."""
    said_as = f": it is a {code_span(name)}." if name else f". Name the {group} to say what it is."
    return f"The new item belongs to **{group} {cluster}**{said_as}"


BUGS_INTRO = ("**k-means always gives an answer, even a wrong one. Pick a bug and look at its pictures: what went "
              "wrong, and how would you fix it?**")
SEE_DEMO = "See it happen (two pictures)"
WHY = ("What happened?", "Why?")
