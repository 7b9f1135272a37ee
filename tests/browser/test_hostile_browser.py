"""Hostile input in a real browser: broken files through the /mnist upload (then the canvas still draws),
drawing with a finger on a phone, and the server's own defences: an 11 MB upload is refused and an upload
without the XSRF token gets 403.

Streamlit 1.67 uploads a file with ``PUT /_stcore/upload_file/{session_id}/{file_id}`` (multipart body),
checking the ``X-Xsrftoken`` header against the ``_streamlit_xsrf`` cookie first (403 if they do not match)
and then ``server.maxUploadSize`` (413); the browser also refuses an oversized file before sending it.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import uuid

from playwright.sync_api import Page, expect

from lib.images import ImageError, load_image
from tests.browser.conftest import DESKTOP, PHONE, SCREENSHOTS, wait_until_settled
from tests.corpus.make_corpus import HERE as CORPUS

ANSWER = re.compile(r"^(It's a \d|I don't know)")


def open_mnist(page: Page, url: str) -> None:
    page.goto(f"{url}/mnist")
    expect(page.get_by_role("heading", name="Handwritten digits", level=1)).to_be_visible(timeout=180_000)
    # The first visit loads the shipped networks behind a spinner.
    expect(page.get_by_text("Draw a digit first")).to_be_visible(timeout=180_000)
    wait_until_settled(page)


def stroke(page: Page, draw) -> None:
    """Draw a "1" down the middle of the canvas with ``draw(points)``, points in page coordinates."""
    canvas = page.locator("canvas.upper-canvas").first  # Fabric.js: the upper canvas takes the input
    expect(canvas).to_be_visible(timeout=30_000)
    canvas.scroll_into_view_if_needed()
    box = canvas.bounding_box()
    x = box["x"] + box["width"] / 2
    draw([(x + step * 0.5, box["y"] + box["height"] * (0.15 + step * 0.035)) for step in range(21)])


def mouse_stroke(page: Page):
    def draw(points):
        page.mouse.move(*points[0])
        page.mouse.down()
        for point in points[1:]:
            page.mouse.move(*point)
        page.mouse.up()
    return draw


def refusal(name: str) -> str | None:
    try:
        load_image(CORPUS / name)
    except ImageError as error:
        return str(error)
    return None


def test_broken_uploads_on_mnist_then_the_canvas_still_draws(page: Page, shared_server):
    page.set_viewport_size(DESKTOP)
    open_mnist(page, shared_server)
    page.get_by_role("button", name="Another picture").click()  # other sources wait in a popover (issue #17)
    page.get_by_text("Upload a photo", exact=True).click()
    wait_until_settled(page)
    page.keyboard.press("Escape")
    chooser = page.get_by_test_id("stFileUploaderDropzoneInput")
    for name in ("pdf-named.jpg", "bomb-40000x40000.png", "script.svg", "cmyk.jpg"):
        chooser.set_input_files(str(CORPUS / name))
        wait_until_settled(page)
        message = refusal(name)
        if message is None:
            expect(page.get_by_role("heading", name=ANSWER)).to_be_visible(timeout=60_000)
        else:
            expect(page.get_by_test_id("stAlertContentError").filter(has_text=message)).to_be_visible()
        expect(page.get_by_test_id("stException")).to_have_count(0)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "hostile-mnist-upload-desktop.png", full_page=True)

    page.get_by_role("button", name="Another picture").click()
    page.get_by_text("Draw", exact=True).click()
    page.keyboard.press("Escape")
    expect(page.get_by_text("Draw a digit first")).to_be_visible(timeout=30_000)
    wait_until_settled(page)
    stroke(page, mouse_stroke(page))
    expect(page.get_by_role("heading", name=ANSWER)).to_be_visible(timeout=60_000)
    expect(page.get_by_test_id("stException")).to_have_count(0)


def test_drawing_with_a_finger_on_a_phone(browser, shared_server):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True, device_scale_factor=2)
    try:
        page = context.new_page()
        open_mnist(page, shared_server)
        # page.touchscreen can only tap; a stroke needs touchStart/touchMove/touchEnd, sent through the
        # DevTools protocol exactly as a phone's touch screen would deliver them.
        cdp = context.new_cdp_session(page)

        def touch(points):
            def send(kind, at):
                cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": at})
            send("touchStart", [{"x": points[0][0], "y": points[0][1]}])
            for x, y in points[1:]:
                send("touchMove", [{"x": x, "y": y}])
                page.wait_for_timeout(15)
            send("touchEnd", [])

        stroke(page, touch)
        expect(page.get_by_role("heading", name=ANSWER)).to_be_visible(timeout=60_000)
        expect(page.get_by_test_id("stException")).to_have_count(0)
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=SCREENSHOTS / "hostile-mnist-touch-phone.png", full_page=True)
    finally:
        context.close()


# --- the server's limits ----------------------------------------------------------------------------------

ELEVEN_MB = 11 * 1024 * 1024


def _multipart(name: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\n"
            "Content-Type: image/png\r\n\r\n").encode() + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def _put_without_cookie(url: str, data: bytes) -> int:
    body, content_type = _multipart("x.png", data)
    request = urllib.request.Request(url, data=body, method="PUT", headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status
    except urllib.error.HTTPError as error:
        return error.code


def test_oversized_uploads_are_refused_and_uploads_need_the_xsrf_token(page: Page, shared_server):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{shared_server}/convolution")
    expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=120_000)
    wait_until_settled(page)
    page.get_by_test_id("stPopover").get_by_role("button", name="Picture:").click()
    page.get_by_test_id("stButtonGroup").get_by_text("Upload your own picture", exact=True).click()
    wait_until_settled(page)
    chooser = page.get_by_test_id("stFileUploaderDropzoneInput")

    # The browser refuses a file over 10 MB before sending it, and says so.
    chooser.set_input_files({"name": "huge.png", "mimeType": "image/png", "buffer": b"\x89PNG" + bytes(ELEVEN_MB)})
    expect(page.get_by_text(re.compile(r"File must be 10(\.0)? ?MB or smaller"))).to_be_visible(timeout=30_000)

    # A small upload shows where uploads go and that the page's own requests carry the token.
    with page.expect_request(lambda r: "/_stcore/upload_file/" in r.url and r.method == "PUT") as sent:
        chooser.set_input_files(str(CORPUS / "cmyk.jpg"))
    upload = sent.value
    assert upload.headers.get("x-xsrftoken"), "Streamlit's own upload should send the XSRF token"
    wait_until_settled(page)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    url = upload.url.rsplit("/", 1)[0] + f"/{uuid.uuid4().hex}"  # a new file id in the same live session
    token = next(c["value"] for c in page.context.cookies() if c["name"] == "_streamlit_xsrf")

    small, content_type = _multipart("ok.png", (CORPUS / "palette.png").read_bytes())
    # Cookie and matching header (what the page does): accepted. This shows the refusals below are
    # about the token and the size, not a wrong URL.
    ok = page.request.put(url, data=small, headers={"Content-Type": content_type, "X-Xsrftoken": token})
    assert ok.status == 204, ok.status
    # No cookie and no token (another site's form, a script): 403.
    assert _put_without_cookie(url, (CORPUS / "palette.png").read_bytes()) == 403
    # The cookie but no header (a cross-site request the browser attaches cookies to): 403.
    assert page.request.put(url, data=small, headers={"Content-Type": content_type}).status == 403
    # A forged token: 403.
    forged = page.request.put(url, data=small, headers={"Content-Type": content_type, "X-Xsrftoken": "2|00|11|22"})
    assert forged.status == 403
    # The token but 11 MB, sent around the browser's own check: the server refuses it too (413).
    big, content_type = _multipart("huge.png", bytes(ELEVEN_MB))
    too_big = page.request.put(url, data=big, headers={"Content-Type": content_type, "X-Xsrftoken": token})
    assert too_big.status == 413, too_big.status
