"""Topic page /kmeans: placeholder until issue #7 builds it."""

from lib import ui

ui.page_setup("kmeans")
ui.under_construction(issue=7)
