"""Topic page /noise: placeholder until issue #6 builds it."""

from lib import ui

ui.page_setup("noise")
ui.under_construction(issue=6)
