"""A headless Streamlit session: what a browser tab does, over one websocket, without the browser.

Used by the load test and the benchmarks to open many sessions cheaply. It speaks Streamlit's own
protocol (protobuf messages on ``/_stcore/stream``): ask for a page run, collect the elements the
script sends until it reports that it finished, and change widgets by their label the way the
browser does (by sending the widget's new value with the next run request).
"""

from __future__ import annotations

import asyncio
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

#: Which WidgetState field carries a value of each Python type (as the browser would send it).
_VALUE_FIELDS = {bool: "bool_value", int: "int_value", float: "double_value", str: "string_value"}


@dataclass
class RunResult:
    seconds: float  #: from the run request to the script's "finished" message
    elements: list = field(default_factory=list)  #: every element the run sent, as protobuf messages
    exceptions: list[str] = field(default_factory=list)  #: messages of any st.exception elements


class HeadlessSession:
    """One user's session. Use as ``async with HeadlessSession(url) as session: await session.run("iris")``."""

    def __init__(self, base_url: str):
        self._url = base_url.replace("http://", "ws://").rstrip("/") + "/_stcore/stream"
        self._socket = None
        self._page = ""
        self._widgets: dict[str, WidgetState] = {}  # widget id -> the state we send back
        self.last: RunResult | None = None

    async def __aenter__(self) -> "HeadlessSession":
        self._socket = await websockets.connect(self._url, subprotocols=["streamlit"], max_size=None)
        return self

    async def __aexit__(self, *exc_info) -> None:
        await self._socket.close()

    async def run(self, page: str = "", timeout: float = 120) -> RunResult:
        """Open ``page`` (its URL path, "" for home), as a browser does on navigation; returns the run."""
        if page != self._page:
            self._widgets.clear()
        self._page = page
        return await self._rerun(timeout)

    async def set_widget(self, label: str, value, timeout: float = 120) -> RunResult:
        """Give the widget labelled ``label`` a new value (bool, int, float or str) and rerun, as a user
        moving a slider or ticking a box does. A button is pressed with ``value=True``; a slider takes a
        number (or a pair, for a range slider)."""
        widget_id, kind = self._find_widget(label)
        state = WidgetState(id=widget_id)
        if kind == "button":
            state.trigger_value = True
        elif kind == "slider":  # sliders always send a list: one value, or two for a range
            state.double_array_value.data.extend(value if isinstance(value, (list, tuple)) else [value])
        else:
            setattr(state, _VALUE_FIELDS[type(value)], value)
        self._widgets[widget_id] = state
        result = await self._rerun(timeout)
        if kind == "button":
            self._widgets.pop(widget_id, None)  # a button press lasts one run
        return result

    def _find_widget(self, label: str) -> tuple[str, str]:
        for element in self.last.elements if self.last else []:
            kind = element.WhichOneof("type")
            proto = getattr(element, kind)
            if getattr(proto, "label", None) == label and getattr(proto, "id", ""):
                return proto.id, kind
        raise LookupError(f"No widget labelled {label!r} on the last run of /{self._page}.")

    async def _rerun(self, timeout: float) -> RunResult:
        request = BackMsg()
        request.rerun_script.page_name = self._page
        request.rerun_script.query_string = ""
        request.rerun_script.widget_states.widgets.extend(self._widgets.values())
        start = time.perf_counter()
        await self._socket.send(request.SerializeToString())
        result = RunResult(seconds=0.0)
        async with asyncio.timeout(timeout):
            while True:
                message = ForwardMsg()
                message.ParseFromString(await self._socket.recv())
                kind = message.WhichOneof("type")
                if kind == "delta" and message.delta.WhichOneof("type") == "new_element":
                    element = message.delta.new_element
                    result.elements.append(element)
                    if element.WhichOneof("type") == "exception":
                        result.exceptions.append(element.exception.message)
                elif kind == "script_finished":
                    if message.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                        break
                    result.elements.clear()  # the page called st.rerun(): what counts is the next run
        result.seconds = time.perf_counter() - start
        self.last = result
        return result


def run_in_own_loop(coroutine):
    """Run ``coroutine`` to the end in a new event loop on a thread of its own and return its result, so it
    works even where the calling thread already runs a loop (as Playwright's sync API leaves one in a test
    session)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
