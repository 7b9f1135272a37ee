"""Topic page /convolution: placeholder until issue #3 builds it."""

from lib import ui

ui.page_setup("convolution")
ui.under_construction(issue=3)
