"""The /kmeans page's notebook (issue #18, :func:`lib.notebooks.build`): the garden robot's 300 items (the app's
``data/garden.csv``, carried inside the notebook), the learner's measurements, k, scaling, starting centroids and
seed, then each step as on the page: look at the data, k-means written out (assign, update, until nothing
changes), the same with scikit-learn, how many groups (elbow and silhouette), what is in each group, and the
k-means bug the learner was looking at.

From the same start it ends with the page's groups, item for item (tests/kmeans/test_kmeans_notebook.py checks
it). A learner's uploaded table never travels in a link; the notebook says where to read one instead."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from lib.handout import escape_markdown
from lib.kmeans import garden
from lib.kmeans.bugs import bug
from lib.kmeans.run import CHOOSE, default_axes, in_table_order, plot_axes
from lib.notebooks import Topic, code, markdown


def run_settings(settings: Mapping[str, Any], notes: list[str] | None = None) -> dict[str, Any]:
    """The run the page makes of its parsed settings: measurements in table order, k, scaling, the start
    ("k-means++" or "random"), seed and plot axes, corrected as the page corrects them (with a note)."""
    notes = [] if notes is None else notes
    features = in_table_order(settings["features"])
    axes = plot_axes(features)
    x, y = settings["x"], settings["y"]
    if x not in axes or y not in axes:
        x, y = default_axes(axes)
        notes.append("The plot can only show the measurements chosen for clustering, so it shows "
                     f"{garden.label(x)} across and {garden.label(y)} up, as the page does.")
    init = settings["init"]
    if init == CHOOSE:
        notes.append("Starting centroids you click stay on the page and are not in the link, so the notebook "
                     "starts with k-means++, as the page does until you have placed them all.")
    return {"features": features, "k": int(settings["k"]), "scale": bool(settings["scale"]),
            "init": "random" if init == "random" else "k-means++", "seed": int(settings["seed"]), "x": x, "y": y}


def cells(settings: Mapping[str, Any]) -> Topic:
    """The notebook's cells for the page's parsed settings (URL name → value)."""
    notes: list[str] = []
    run = run_settings(settings, notes)
    chosen_bug = bug(settings["bug"])
    csv = garden.GARDEN_CSV.read_text(encoding="utf-8").strip()
    result = [
        markdown("""
## Your settings

Change one and run everything again."""),
        code(f"""
FEATURES = {run["features"]!r}  # the measurements k-means may use
K = {run["k"]}  # how many groups k-means must find
SCALE = {run["scale"]}  # standardise every measurement first (mean 0, spread 1), so units do not matter
START = {run["init"]!r}  # "k-means++" (spread-out starting centroids) or "random" (k random items)
SEED = {run["seed"]}  # the same seed, the same random start
X, Y = {run["x"]!r}, {run["y"]!r}  # the plot's axes
REVEAL = {bool(settings["reveal"])}  # show what each item really is (the robot never knows)"""),
        markdown("""
## 1 · The garden robot's items

The robot measured 300 things it picked up in the garden: width and length in mm, weight in grams. The `kind`
column is what each really is: k-means never sees it. (The table is the app's `data/garden.csv`, inside this
notebook.)"""),
        code(f'''
import io

import numpy as np
import pandas as pd

GARDEN_CSV = """\\
{csv}
"""
garden = pd.read_csv(io.StringIO(GARDEN_CSV))
# Your own table instead (a CSV file with numbers in columns):
# garden = pd.read_csv("my_table.csv"); FEATURES = ["my column", "my other column"]
print(garden.describe())
garden["item number"] = np.arange(1, len(garden) + 1)  # an axis the plot can show
garden.head()'''),
        code("""
import plotly.express as px

px.scatter(garden, x=X, y=Y, title="The garden's items: how many groups can you see?")"""),
        markdown("""
## 2 · Scale the measurements

k-means measures plain distance, so a measurement in big numbers would drown the others. Scaling (standardising)
gives every measurement mean 0 and spread 1."""),
        code("""
values = garden[FEATURES].to_numpy(dtype=float)
mean, spread = values.mean(axis=0), values.std(axis=0)
spread[spread == 0] = 1.0  # a measurement that never changes is left as it is
if not SCALE:
    mean, spread = np.zeros(len(FEATURES)), np.ones(len(FEATURES))
points = (values - mean) / spread
points[:3]"""),
        markdown("""
## 3 · k-means, one move at a time

Start with K centroids (group centres), then repeat two moves until no item changes group:

1. **assign**: every item joins the group of its nearest centroid;
2. **update**: every centroid moves to the mean of its items."""),
        code("""
if START == "k-means++":
    from sklearn.cluster import kmeans_plusplus

    centroids, _ = kmeans_plusplus(points, K, random_state=SEED)  # spread-out items, chosen at random
else:
    different = np.unique(points, axis=0)
    centroids = different[np.random.default_rng(SEED).choice(len(different), size=K, replace=False)]
start = centroids.copy()

labels = None
for round_number in range(1, 301):
    # 1. assign: the nearest centroid for every item (squared distance)
    distances = ((points[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2)
    new_labels = distances.argmin(axis=1)
    if labels is not None and (new_labels == labels).all():
        break  # nobody changed group: k-means has finished
    labels = new_labels
    # 2. update: every centroid moves to the mean of its items
    for group in range(K):
        members = points[labels == group]
        if len(members):
            centroids[group] = members.mean(axis=0)
    inertia = ((points - centroids[labels]) ** 2).sum()  # total squared distance: what k-means makes small
    print(f"Round {round_number}: inertia {inertia:.2f}")

print("Items in each group:", np.bincount(labels, minlength=K))
print("Centroids in the garden's own units:")
print(pd.DataFrame(centroids * spread + mean, columns=FEATURES).round(3))"""),
        code("""
garden["group"] = [f"group {g}" for g in labels]
figure = px.scatter(garden, x=X, y=Y, color="group", title=f"k-means with k = {K}",
                    symbol="kind" if REVEAL else None)
if X in FEATURES and Y in FEATURES:
    centres = pd.DataFrame(centroids * spread + mean, columns=FEATURES)
    figure.add_scatter(x=centres[X], y=centres[Y], mode="markers", name="centroids",
                       marker={"symbol": "x", "size": 14, "color": "black"})
figure"""),
        markdown("""
scikit-learn does the same in one line (`tol=0`: until no item changes group), from the same start:"""),
        code("""
from sklearn.cluster import KMeans

model = KMeans(n_clusters=K, init=start, n_init=1, algorithm="lloyd", tol=0).fit(points)
print("The same groups as the loop:", (model.labels_ == labels).all())"""),
        markdown("""
## 4 · How many groups should k-means find?

k-means always finds exactly K groups, whether or not the data has them. The **elbow**: inertia for each k (it
always falls; look for where it stops falling fast). The **silhouette** (−1 to 1): how well separated the groups
are; higher is better. Each k keeps the best of 10 starts."""),
        code("""
from sklearn.metrics import silhouette_score

rows = []
for k in range(1, 9):
    trial = KMeans(n_clusters=k, n_init=10, random_state=SEED, algorithm="lloyd").fit(points)
    silhouette = silhouette_score(points, trial.labels_, random_state=SEED) if k >= 2 else np.nan
    rows.append({"k": k, "inertia": trial.inertia_, "silhouette": silhouette})
scores = pd.DataFrame(rows)
print(scores.round(3).to_string(index=False))
px.line(scores, x="k", y="inertia", markers=True, title="The elbow")"""),
        markdown("""
## 5 · What is in each group?

Look at each group's centroid and name it. With `REVEAL = True` the notebook also shows what the items really are,
and how well k-means agrees with them (adjusted Rand index: 1 the same groups, 0 no better than chance)."""),
        code("""
if REVEAL:
    from sklearn.metrics import adjusted_rand_score

    print(pd.crosstab(garden["group"], garden["kind"]))
    print(f"Agreement with the true kinds: {adjusted_rand_score(garden['kind'], labels):.2f}")
else:
    print("Set REVEAL = True in the first cell to see what each item really is.")"""),
        markdown(f"""
## When k-means goes wrong: {escape_markdown(chosen_bug.title)}

{escape_markdown(chosen_bug.what)}

**The fix:** {escape_markdown(chosen_bug.fix)}

**Try it here:** change `SCALE`, `K`, `START` or `SEED` in the first cell and run everything again. Which
settings give different groups?"""),
    ]
    return Topic(result, ("numpy", "pandas", "scikit-learn", "plotly"), tuple(notes))
