"""Topic page /ethics: placeholder until issue #8 builds it."""

from lib import ui

ui.page_setup("ethics")
ui.under_construction(issue=8)
