"""Topic page /iris: placeholder until issue #4 builds it."""

from lib import ui

ui.page_setup("iris")
ui.under_construction(issue=4)
