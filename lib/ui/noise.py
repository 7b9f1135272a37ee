"""The noise page's cached computations (issue #6), its lossless pictures and its choice of secret.

They live in a module, not in the page, because Streamlit builds a cached function's wrapper each time its
``@st.cache_*`` line runs, reading the function's source to key the cache: in the page that cost every rerun
about a millisecond per function. A module is imported once, so each wrapper is built once per process.
"""

import hashlib

import numpy as np
import streamlit as st

from lib import noise
from lib.images import ImageError, load_image, mosaic, png_bytes, to_8bit
from lib.noise.charts import noise_chart, signed, stretched

MAX_COPIES = 200  # most copies Jane can send: every setting's copies are computed once, up to this many
MEDIAN_COPIES = (1, 3, 5, 9, 15, 25, 51)  # a median over many copies is slow; these stay quick
UPLOAD_TYPES = ["png", "jpg", "jpeg", "gif", "bmp", "webp", "tif", "tiff"]


def fingerprint(secret: np.ndarray) -> str:
    """The key the cached views use for ``secret`` (they do not hash the picture itself)."""
    return hashlib.sha256(secret.tobytes()).hexdigest()


def show(pictures, **options) -> None:
    """st.image, kept lossless: by default Streamlit re-encodes grey pictures as JPEG, which smears the
    specks of noise and costs time on every rerun. The caption doubles as the alt text a screen reader reads."""
    options.setdefault("alt", options.get("caption"))
    st.image(pictures, output_format="PNG", **options)


def choose_secret(view) -> np.ndarray:
    """Draw the controls for the kind of secret the learner chooses and return the secret picture. Until
    there is a usable message or picture, say why and send the word picture."""
    sources = view.lesson.setting("source").options
    if not view.shown("uploads"):
        sources = [source for source in sources if source != "upload"]
        if view.value("source") == "upload":  # a link hid uploads while one was chosen
            st.session_state[view.lesson.setting("source").key] = "picture"
    source = view.radio("source", options=sources, horizontal=True)
    if source == "message":
        text = view.text_input("message")
        if not text.strip():
            st.warning("The message is empty: type something. Until then John gets the word picture.")
            return _ready_made("word")
        if missing := noise.unsupported_characters(text):
            st.info(f"The app's font cannot draw {' '.join(missing)}, so they are sent as "
                    f"{noise.REPLACEMENT!r}. Accents are dropped (é becomes e).")
        return message_secret(text)
    if source == "picture":
        return _ready_made(view.selectbox("picture"))
    upload = st.file_uploader("Your picture (PNG, JPEG, GIF, BMP, WebP or TIFF, up to 10 MB)", key="noise_upload",
                              type=UPLOAD_TYPES,
                              help="It is turned grey and fitted into 128 × 128 pixels; it never leaves this app.")
    if upload is None:
        st.info("Choose a picture to send. Until then John gets the word picture.")
        return _ready_made("word")
    try:
        secret, cut = picture_secret(upload.getvalue())
    except ImageError as error:
        st.error(f"{error} John gets the word picture instead.")
    except noise.UnusablePicture as error:
        st.warning(f"{error} Until then John gets the word picture.")
    else:
        if cut:
            st.info(cut)
        return secret
    return _ready_made("word")


def _ready_made(name: str) -> np.ndarray:
    return picture_secret(str(noise.builtin_secrets()[name]))[0]


@st.cache_data(max_entries=16, show_spinner=False)
def picture_secret(source: str | bytes) -> tuple[np.ndarray, str | None]:
    """A ready-made secret (by path) or an upload (its bytes) as a float picture, with what fitting it cut off
    (see noise.picture_to_secret); ImageError if broken, noise.UnusablePicture if there is nothing to find."""
    return noise.picture_to_secret(load_image(source), noise.SIDE)


@st.cache_data(max_entries=32, show_spinner=False)
def message_secret(text: str) -> np.ndarray:
    return noise.render_message(text, noise.SIDE)


# The copies are big (200 x 128 x 128 floats, twice with their running sums) and read on every rerun, so they
# are a shared read-only resource rather than cache_data, which would copy 26 MB per read. Everything shown
# is small and cache_data: PNG bytes (st.image then has nothing to encode) and numbers. Each takes the secret
# as `_secret`, which Streamlit does not hash, and its fingerprint `key`, computed once per run.
@st.cache_resource(max_entries=4, show_spinner="Sending the copies…")
def stack(key, _secret, kind, strength, seed) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """All MAX_COPIES noisy copies, their running sums (so "combine the first k" is one division) and the
    noise curve. "Send n copies" takes the first n, so moving that slider computes nothing."""
    copies = noise.noisy_copies(_secret, MAX_COPIES, kind, strength, seed)
    sums = noise.running_sums(copies)
    parts = copies, sums, noise.curve_from_sums(sums, _secret)
    for part in parts:
        part.flags.writeable = False  # shared by every session: nobody may change it
    return parts


@st.cache_data(max_entries=8, show_spinner=False)
def thumbnails(key, _secret, kind, strength, seed, shown) -> bytes:
    copies = stack(key, _secret, kind, strength, seed)[0][:shown]
    return png_bytes(mosaic(to_8bit(copies), columns=5))


@st.cache_data(max_entries=16, show_spinner=False)
def first_copy(key, _secret, kind, strength, seed) -> bytes:
    """Copy 1, as John receives it."""
    return png_bytes(to_8bit(stack(key, _secret, kind, strength, seed)[0][0]))


@st.cache_data(max_entries=8, show_spinner=False)
def subtraction(key, _secret, kind, strength, seed) -> tuple[list[bytes], float, float]:
    """Copies 1 and 2, their difference, and the errors of one copy and of the difference."""
    first, second = stack(key, _secret, kind, strength, seed)[0][:2]
    difference = first - second
    return ([png_bytes(to_8bit(first)), png_bytes(to_8bit(second)), png_bytes(signed(difference, 2))],
            noise.remaining_noise(first, _secret), noise.remaining_noise(difference, _secret))


@st.cache_data(max_entries=256, show_spinner=False)
def combination(key, _secret, kind, strength, seed, k) -> tuple[bytes, bytes, float, float]:
    """The sum of the first k copies (stretched to fit the screen, with its range) and their mean."""
    total = stack(key, _secret, kind, strength, seed)[1][k - 1]
    total_grey, low, high = stretched(total)
    return png_bytes(total_grey), png_bytes(to_8bit(total / k)), low, high


@st.cache_data(max_entries=8, show_spinner=False)
def clipped_curve(key, _secret, kind, strength, seed) -> np.ndarray:
    return noise.noise_curve(np.clip(stack(key, _secret, kind, strength, seed)[0], 0, 1), _secret)


@st.cache_data(max_entries=64, show_spinner=False)
def salt_pepper_views(key, _secret, fraction, seed, k) -> tuple[bytes, bytes, float, float]:
    copies = noise.noisy_copies(_secret, k, "salt_pepper", fraction, seed)
    mean, median = noise.combine(copies, "mean"), noise.combine(copies, "median")
    return (png_bytes(to_8bit(mean)), png_bytes(to_8bit(median)),
            noise.remaining_noise(mean, _secret), noise.remaining_noise(median, _secret))


@st.cache_data(max_entries=16, show_spinner=False)
def stamp_views(key, _secret, kind, strength, seed, stamp) -> tuple[bytes, bytes, np.ndarray]:
    """The means of all copies without and with the baddie's stamp, and the stamped noise curve."""
    pattern = noise.fixed_pattern(_secret.shape, stamp, seed + 1)
    sums = stack(key, _secret, kind, strength, seed)[1]
    mean = sums[-1] / MAX_COPIES
    # mean + pattern - secret = mean - (secret - pattern): the same running sums, another reference.
    return png_bytes(to_8bit(mean)), png_bytes(to_8bit(mean + pattern)), noise.curve_from_sums(sums, _secret - pattern)


@st.cache_data(max_entries=64, show_spinner=False)
def chart(curve: np.ndarray, clipped: np.ndarray | None = None, stamped: np.ndarray | None = None,
          stamp: float | None = None, title: str = "Remaining noise as copies are averaged",
          kids: bool = False) -> dict:
    """lib.noise.charts.noise_chart with its rows as an Arrow table: st.vega_lite_chart turns a list of rows
    into Arrow through pandas on every rerun (milliseconds), but sends an Arrow table almost as it is."""
    import pyarrow as pa

    spec = noise_chart(curve, clipped, stamped, stamp, title, kids)
    spec["data"] = {"values": pa.Table.from_pylist(spec["data"]["values"])}
    return spec
