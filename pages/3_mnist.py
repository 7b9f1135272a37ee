"""Topic page /mnist: placeholder until issue #5 builds it."""

from lib import ui

ui.page_setup("mnist")
ui.under_construction(issue=5)
