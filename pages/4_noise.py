"""Topic page /noise: secret spy messages. Adding many noisy copies of a picture reveals it, because
random noise averages towards zero (issue #6). The arithmetic lives in lib.noise; this page lays it out."""

import hashlib

import numpy as np
import streamlit as st

from lib import noise, ui
from lib.images import ImageError
from lib.images import to_8bit
from lib.noise.handout import handout
from lib.ui.noise import (MAX_COPIES, chart, clipped_curve, combination, message_secret, picture_secret,
                             salt_pepper_views, stack, stamp_views, subtraction, thumbnails)

view = ui.page_setup("noise")

KINDS = {"gaussian": "Gaussian: bell-curve fuzz", "uniform": "Uniform: flat fuzz",
         "salt_pepper": "Salt and pepper: white and black specks"}
PICTURES = {"word": "A word", "smiley": "A smiley", "house": "A house", "rocket": "A rocket"}
SOURCES = ("A ready-made picture", "Type your own message", "Upload a picture")
THUMBNAILS = 20  # copies in the opening grid
PAIR, TRIPLE = 240, 170  # picture widths: big enough for a projector; on a phone they wrap onto new rows
CHART_HEIGHT = 380
MEDIAN_COPIES = (1, 3, 5, 9, 15, 25, 51)  # a median over many copies is slow; these stay quick


def show(pictures, **options) -> None:
    """st.image, kept lossless: by default Streamlit re-encodes grey pictures as JPEG, which smears the
    specks of noise and costs time on every rerun. The caption doubles as the alt text a screen reader reads."""
    options.setdefault("alt", options.get("caption"))
    st.image(pictures, output_format="PNG", **options)


def choose_secret(source: str) -> np.ndarray:
    """Show the controls for the chosen kind of secret and return the secret picture. Until there is a
    usable message or picture, say why and send the word picture."""
    name = "word"
    if source == SOURCES[0]:
        name = (st.selectbox("Ready-made secret", list(PICTURES), format_func=PICTURES.get, key="noise_picture",
                             disabled=view.locked("picture"),
                             help=view.say("Pictures drawn for this page by scripts/make_secrets.py.",
                                           "Pictures drawn for this page."))
                if view.shown("picture") else view.value("picture"))
    elif source == SOURCES[1]:
        text = (st.text_input("Your secret message", max_chars=noise.MAX_MESSAGE_CHARS, key="noise_message",
                              disabled=view.locked("message"),
                              help="Up to 40 letters, numbers and signs; long messages wrap.")
                if view.shown("message") else view.value("message"))
        if not text.strip():
            st.warning("The message is empty: type something. Until then John gets the word picture.")
        else:
            if missing := noise.unsupported_characters(text):
                st.info(f"The app's font cannot draw {' '.join(missing)}, so they are sent as "
                        f"{noise.REPLACEMENT!r}. Accents are dropped (é becomes e).")
            return message_secret(text)
    else:
        upload = st.file_uploader("Your picture (PNG, JPEG, GIF, BMP, WebP or TIFF, up to 10 MB)",
                                  key="noise_upload", type=["png", "jpg", "jpeg", "gif", "bmp", "webp", "tif", "tiff"],
                                  help="It is turned grey and fitted into 128 × 128 pixels; it never leaves this app.")
        if upload is None:
            st.info("Choose a picture to send. Until then John gets the word picture.")
        else:
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
    return picture_secret(str(noise.builtin_secrets()[name]))[0]


st.markdown(view.say(
    "Spy Jane has a secret picture for spy John. A baddie garbles every message on the way with **noise**, "
    "random speckles that hide the picture. So Jane sends the same secret again and again, 20 times.\n\n"
    "Every copy arrives ruined, and each one is ruined *differently*. Can John still find the secret? "
    "Look at the copies below. Can you read it? Then try subtracting and adding them.",
    "Spy Jane sends a secret picture to spy John. A baddie scribbles random dots (**noise**) all over it. "
    "So Jane sends it again and again. Every copy is scribbled *differently*. Can you read the secret?"))
grid_area = st.container()

secret_column, noise_column = st.columns(2, gap="large")  # side by side on a wide screen, stacked on a phone
with secret_column:
    st.header("Choose the secret", anchor=False)
    sources = SOURCES if view.shown("uploads") else SOURCES[:2]
    if st.session_state["noise_source"] not in sources:  # a link hid uploads while one was chosen
        st.session_state["noise_source"] = SOURCES[0]
    source = (st.radio("Where does the secret come from?", sources, key="noise_source", horizontal=True,
                       disabled=view.locked("source"),
                       help="A ready-made picture, a message you type (drawn with the app's own font), "
                            "or a picture of your own.")
              if view.shown("source") else view.value("source"))
    secret = choose_secret(source)
    key = hashlib.sha256(secret.tobytes()).hexdigest()
    if view.shown("peek"):
        with st.expander("Peek at the secret (no cheating before you have guessed!)"):
            show(to_8bit(secret), width=PAIR, caption="The clean secret, as Jane sent it.")

with noise_column:
    st.header("Choose the noise", anchor=False, help=ui.define("noise"))
    kind = (st.radio("Kind of noise", list(KINDS), format_func=KINDS.get, key="noise_kind",
                     disabled=view.locked("kind"),
                     help=view.say("How the baddie garbles each pixel. Gaussian and uniform noise nudge every pixel "
                                   "up or down at random; salt and pepper turns some pixels pure white or pure black.",
                                   "How the baddie scribbles. Fuzz makes every dot a little lighter or darker; specks "
                                   "turn some dots pure white or pure black."))
            if view.shown("kind") else view.value("kind"))
    if kind == "salt_pepper":
        strength = (st.slider("How many pixels the baddie hits (fraction)", 0.0, 1.0, step=0.05,
                              key="noise_fraction", disabled=view.locked("fraction"),
                              help="0.8 means 8 pixels in 10 become a white or black speck in every copy.")
                    if view.shown("fraction") else view.value("fraction"))
    else:
        strength = (st.slider("Noise strength", 0.0, 10.0, step=0.25, key="noise_strength",
                              disabled=view.locked("strength"),
                              help=view.say("The noise's standard deviation, in units of the gap between black "
                                            "(0) and white (1). At 4 a single copy hides the secret.",
                                            "How hard the baddie scribbles. At 4 one copy hides the secret."))
                    if view.shown("strength") else view.value("strength"))
    n = (st.slider("Number of copies Jane sends", 1, MAX_COPIES, key="noise_copies", disabled=view.locked("copies"),
                   help="Each copy gets fresh noise. More copies, more chances to beat the baddie.")
         if view.shown("copies") else view.value("copies"))
    seed = (st.number_input("Random seed", 0, 1_000_000, key="noise_seed", disabled=view.locked("seed"),
                            help="Picks which random noise the baddie uses; the same seed gives the same copies. "
                                 + ui.define("random seed"))
            if view.shown("seed") else view.value("seed"))
if strength == 0:
    st.info("With no noise every copy is already perfect: there is nothing to average away. "
            "Turn the strength up to play.")
curve = stack(key, secret, kind, strength, seed)[2][:n]

with grid_area:
    count = min(n, THUMBNAILS)
    show(thumbnails(key, secret, kind, strength, seed, count),
         caption=f"The first {count} of the {n} copies John received." + view.say(
             " Pixels are shown from black (0) to white (1); noise pushing beyond is drawn as pure black or white, "
             "but the sums below use the real numbers.", ""))

if view.shown("subtract"):
    st.header("Try subtracting", anchor=False)
    if n < 2:
        st.info("Subtracting needs two copies: send at least 2.")
    else:
        pictures, one, both = subtraction(key, secret, kind, strength, seed)
        show(pictures, width=TRIPLE, caption=["Copy 1", "Copy 2", "Copy 1 − copy 2 (grey is zero)"])
        st.markdown(view.say(
            f"The secret is gone, and so is any hope: the difference is further from the secret "
            f"(error {both:.2f}) than a single copy ({one:.2f}). **Why?** Both copies carry the *same* secret, "
            "so subtracting cancels it. Their noise is *different*, and random ups and downs do not cancel: "
            "sometimes they add up. For Gaussian or uniform noise the difference is about √2 ≈ 1.4 times "
            "noisier than one copy.",
            "Oh no, the secret is gone! Both copies have the *same* secret, so taking one away from the other "
            "rubs it out. But the scribbles are *different*, so they stay."))

view.correct("combine", min(view.value("combine"), n), f"only {n} copies were sent")
k = st.session_state.noise_combine
if view.shown("add"):
    st.header("Try adding", anchor=False, help=ui.define("mean"))
    if n < 2:
        st.info("Adding needs more than one copy: send at least 2.")
    else:
        k = st.slider("How many copies to combine", 1, n, key="noise_combine", disabled=view.locked("combine"),
                      help="Adds up the first copies, from copy 1 to this one. Slide it and watch the secret "
                           "appear.")
else:
    view.keep("combine")
total_picture, mean_picture, low, high = combination(key, secret, kind, strength, seed, k)
if view.shown("add"):
    show([total_picture, mean_picture], width=PAIR,
         caption=[f"Sum of {k} copies: numbers from {low:.0f} to {high:.0f}, squeezed to fit black..white",
                  f"Average (mean) of {k} copies: sum ÷ {k}"])
    st.markdown(view.say(
        f"Remaining noise: **{curve[k - 1]:.2f}** after combining {k} (one copy: {curve[0]:.2f}). "
        "The noise goes up as often as down, so adding many copies makes it cancel out, while the secret, "
        "the same every time, keeps adding up. The **sum** gets brighter and brighter with every copy (its "
        f"numbers reach {high:.0f}), too bright for a screen. The **mean** divides by the number of copies, so "
        "it stays on the picture's own scale, 0 (black) to 1 (white), and can be compared with the secret "
        "directly.",
        f"Scribbles left: **{curve[k - 1]:.2f}** after adding {k} copies (one copy: {curve[0]:.2f}). The random "
        "dots go up as often as down, so they cancel out, while the secret is the same every time and adds up."))

clip = view.value("clip")
if view.shown("measure"):
    st.header("Measure it", anchor=False, help=ui.define("standard deviation"))
    if view.shown("clip"):
        clip = st.checkbox("Also show copies clipped to black..white, as a camera would store them",
                           key="noise_clip", disabled=view.locked("clip"),
                           help="A camera cannot record darker than black or brighter than white; see what that "
                                "does.")
    if strength == 0:
        st.info("No noise, nothing to measure: every copy is exact.")
    else:
        clipped = clipped_curve(key, secret, kind, strength, seed)[:n] if clip else None
        title = view.say("Remaining noise as copies are averaged", "Scribbles left as more copies are added")
        st.vega_lite_chart(chart(curve, clipped, title=title, kids=view.kids), key="noise_chart", width="stretch",
                           height=CHART_HEIGHT,
                           alt=view.say("Log-log chart: the measured remaining noise falls along the 1/√N line.",
                                        "Chart: the scribbles left halve every time the copies grow four times."))
        st.markdown("**In one line:** every time you collect 4 times as many copies, the leftover noise halves.")
        if not view.kids:
            st.markdown(
                "**For researchers:** for independent zero-mean noise of standard deviation σ, the mean of N "
                "copies has noise σ/√N, the standard error of the mean: a straight line of slope −½ on log–log "
                "axes, and a signal-to-noise ratio growing as √N. Clipping makes the noise lopsided near black "
                "and white, so it no longer averages to zero and the curve levels off; salt-and-pepper noise is "
                "lopsided to begin with.")
else:
    view.keep("clip")
def beyond_averaging() -> None:
    """The section on salt-and-pepper noise (the median) and the baddie's stamp (fixed-pattern noise)."""
    st.header("When averaging is not enough", anchor=False)
    st.subheader("Salt and pepper: the median wins", anchor=False)
    fraction = (st.slider("Fraction of pixels turned into specks", 0.0, 0.95, step=0.05, key="noise_sp_fraction",
                          disabled=view.locked("sp_fraction"),
                          help="Salt-and-pepper noise for this comparison, on the same secret.")
                if view.shown("sp_fraction") else view.value("sp_fraction"))
    sp_copies = st.select_slider("Copies to combine", MEDIAN_COPIES, 9, key="noise_sp_copies",
                                 help="Odd numbers, so every pixel has one middle value.")
    sp_mean, sp_median, mean_error, median_error = salt_pepper_views(key, secret, fraction, seed, sp_copies)
    show([sp_mean, sp_median], width=PAIR,
         caption=[view.say(f"Mean of {sp_copies} copies: error {mean_error:.2f}",
                           f"Average of {sp_copies} copies: {mean_error:.2f} scribbles left"),
                  view.say(f"Median of {sp_copies} copies: error {median_error:.2f}",
                           f"Middle value of {sp_copies} copies: {median_error:.2f} scribbles left")])
    st.markdown(view.say(
        "A speck is pure white or pure black, far from the true value, and one wild value drags the **mean** a "
        "long way; the mean also turns every pixel towards grey, however many copies you add. The **median** "
        "lines the copies of each pixel up from dark to bright and takes the middle one, so specks do not matter "
        "as long as fewer than half the copies of that pixel are hit.",
        "For white and black specks, adding does not work well. Instead, line up each dot's copies from dark to "
        "bright and take the one in the middle (the **median**): the specks lose!"))
    if not view.shown("stamp"):
        return
    st.subheader("The baddie's stamp: noise that is the same in every copy", anchor=False)
    stamp = st.slider("Strength of the stamp", 0.0, 3.0, step=0.25, key="noise_stamp",
                      disabled=view.locked("stamp"), help="Standard deviation of one noise pattern the baddie adds to every copy, on top of the "
                           "random noise chosen above.")
    plain_picture, stamped_picture, stamped_curve = stamp_views(key, secret, kind, strength, seed, stamp)
    show([plain_picture, stamped_picture], width=PAIR,
         caption=[f"Average of {MAX_COPIES} copies", f"Average of {MAX_COPIES} stamped copies"])
    if strength > 0 or stamp > 0:
        every_copy = stack(key, secret, kind, strength, seed)[2]
        st.vega_lite_chart(chart(every_copy, None, stamped_curve, stamp, "Averaging cannot remove the stamp"),
                           key="noise_stamp_chart", width="stretch", height=CHART_HEIGHT,
                           alt="Log-log chart: with the stamp, the remaining noise levels off at the stamp's "
                               "strength.")
    st.markdown(
        f"Here the baddie stamps all {MAX_COPIES} copies, however many you chose to send above. "
        "Averaging only removes what changes from copy to copy. The stamp is identical every time, so the "
        "average keeps it: the remaining noise stops falling at the stamp's own strength. Scientists call it "
        "**fixed-pattern noise** (a camera's hot pixels, a scanner's stripes) and remove it by measuring it "
        "separately, for example with dark frames, then subtracting it: here subtracting works!")


if view.shown("beyond"):
    beyond_averaging()
else:
    view.keep("sp_fraction")
    view.keep("stamp")

if view.shown("science"):
    st.header("Where scientists use this", anchor=False, help=ui.define("signal-to-noise ratio"))
    st.markdown(view.say(
        "**Astronomy:** a faint galaxy barely shows in one telescope frame, so astronomers take hundreds of "
        "frames and stack (average) them: the galaxy stays, the noise fades.\n\n"
        "**Cryo-electron microscopy:** pictures of single protein molecules are so noisy that the signal is about "
        "a tenth of the noise (S/N ~ 0.1). Averaging thousands of aligned particle images reveals the molecule's "
        "shape; since signal-to-noise grows as √N, going from 0.1 to 10 takes about 10,000 images. "
        "Machine-learning denoisers such as Topaz-Denoise learn from pairs of independently noisy images of the "
        "same thing, the same trick as Jane's copies.",
        "**Star gazers:** a faint galaxy hardly shows in one photo, so astronomers take hundreds of photos and "
        "average them: the galaxy stays, the fuzz fades.\n\n"
        "**Molecule photographers:** photos of tiny molecules are mostly fuzz, ten times more fuzz than "
        "molecule. Scientists average thousands of them to see the molecule's shape, just like John with "
        "Jane's copies."))

sent = stack(key, secret, kind, strength, seed)  # (copies, running sums, noise curve)
captured = dict(secret_name=PICTURES[view.value("picture")] if source == SOURCES[0] else source.lower(),
                message=st.session_state["noise_message"] if source == SOURCES[1] else None,
                kind=KINDS[kind], strength=strength, copies=n, combined=k, seed=seed, clip=clip,
                secret=to_8bit(secret), first_copy=to_8bit(sent[0][0]), mean=to_8bit(sent[1][k - 1] / k),
                noise_one=float(curve[0]), noise_combined=float(curve[k - 1]))
ui.end_of_page(view, handout=lambda: handout(view.link, **captured))
