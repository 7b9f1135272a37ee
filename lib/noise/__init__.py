"""Secret spy messages (the /noise page): why adding many noisy copies of a picture reveals it.

Spy Jane sends spy John the same secret picture many times, each copy garbled by fresh random noise; the
mean of N copies keeps the picture and shrinks the noise by sqrt(N). Plain NumPy and Pillow, no Streamlit.

Modules:
    secret  - the secret picture: a typed message, an uploaded picture or a ready-made one
    copies  - noisy copies of it, combining them (mean, sum, median) and the noise that remains
    charts  - sums and differences as 8-bit greys, and the Vega-Lite chart of remaining noise
    handout - the page's "download my results" record
    lesson.toml - the page's URL settings, hideable sections and exercises
"""

from lib.noise.copies import (HOW, KINDS, MAX_STACK_PIXELS, combine, curve_from_sums, fixed_pattern, noise_curve,
                              noisy_copies, remaining_noise, running_sums)
from lib.noise.secret import (MAX_ASPECT, MAX_MESSAGE_CHARS, MIN_CONTRAST, MIN_PICTURE_SIDE, REPLACEMENT,
                              SECRETS_DIR, SIDE, UnusablePicture, builtin_secrets, picture_to_secret,
                              render_message, unsupported_characters)

__all__ = ["HOW", "KINDS", "MAX_ASPECT", "MAX_MESSAGE_CHARS", "MAX_STACK_PIXELS", "MIN_CONTRAST", "MIN_PICTURE_SIDE",
           "REPLACEMENT", "SECRETS_DIR", "SIDE", "UnusablePicture", "builtin_secrets", "combine", "curve_from_sums",
           "fixed_pattern", "noise_curve", "noisy_copies", "picture_to_secret", "remaining_noise", "render_message",
           "running_sums", "unsupported_characters"]
