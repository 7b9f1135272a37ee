"""The /kmeans topic, the garden bug detective: k-means groups the garden robot's measurements (or a learner's own
CSV table), step by step or all at once, and six demos show the ways it goes wrong without complaining.

Modules:
    garden  - the garden data and k-means itself (scikit-learn's KMeans): fit, scaling, scores, naming clusters
    lloyd   - Lloyd's algorithm one move at a time, forwards and back, for watching k-means work
    bugs    - the k-means bugs gallery: six demos, each a wrong picture, a right picture and the fix
    upload  - a learner's CSV file read safely, every problem one clear sentence
    charts  - the page's charts (clusters, kinds, centroids, regions as SVG; the elbow), Okabe-Ito colours
    handout - the page's "download my results" record (reach it as ``lib.kmeans.handout.handout``)
    run     - one run as the page sets it up: its items, its settings (starting-centroid ids → init), plot axes
    content - the page's words, plain and for kids
    lesson.toml - the page's goal, URL settings, hideable sections and exercises

The names below are the topic's public API, e.g. ``from lib.kmeans import load_garden, kmeans``. The handout's
function is not re-exported: under the name ``handout`` it would hide the module of the same name.
"""

from lib.kmeans.bugs import BUGS, Bug, Panel, bug
from lib.kmeans.charts import cube_figure, curve_chart, histogram_chart
from lib.kmeans.scatter import cluster_style, points_chart, region_grid
from lib.kmeans.garden import (GARDEN_CSV, KINDS, MAX_K, MEASUREMENTS, KMeansFit, agreement, as_matrix, check_k,
                               distinct_points, elbow, fit, kmeans, label, load_garden, match_clusters, nearest)
from lib.kmeans.lloyd import LloydRun, LloydState, inertia, starting_centroids, update
from lib.kmeans.upload import (MAX_COLUMNS, MAX_ROWS, TableError, numeric_columns, numeric_table, read_table,
                               text_in_numbers)

__all__ = [
    # garden
    "load_garden", "kmeans", "fit", "KMeansFit", "agreement", "elbow", "match_clusters", "check_k",
    "distinct_points", "as_matrix", "nearest", "label", "MEASUREMENTS", "KINDS", "MAX_K", "GARDEN_CSV",
    # lloyd
    "LloydRun", "LloydState", "update", "inertia", "starting_centroids",
    # bugs
    "BUGS", "Bug", "Panel", "bug",
    # upload
    "read_table", "TableError", "numeric_columns", "text_in_numbers", "numeric_table", "MAX_ROWS", "MAX_COLUMNS",
    # charts
    "points_chart", "histogram_chart", "cube_figure", "curve_chart", "region_grid", "cluster_style",
]
