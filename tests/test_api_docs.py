"""docs/api.md is generated from the docstrings, never kept by hand: the committed file must be what
scripts/api_docs.py writes from the code as it is."""

from scripts.api_docs import OUTPUT, render


def test_api_docs_are_up_to_date():
    committed = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
    assert committed == render(), "docs/api.md is out of date: run `python scripts/api_docs.py` and commit it."


def test_api_docs_cover_the_public_contract():
    text = render()
    for module, names in {
        "lib.convolution": ("convolve", "PRESETS"), "lib.iris": ("train", "predict_proba"),
        "lib.mnist": ("load_model", "load_data", "predict", "to_mnist"),
        "lib.noise": ("noisy_copies", "combine", "render_message"), "lib.kmeans": ("load_garden", "kmeans"),
        "lib.ethics": ("CHECKLIST", "to_json", "from_json", "to_markdown"), "lib.images": ("load_image", "ImageError"),
        "lib.lessons": ("lesson",),
    }.items():
        section = text.split(f"## `{module}`", 1)[1].split("\n## ", 1)[0]
        for name in names:
            assert f"- `{name}" in section, f"{module}.{name} is missing from docs/api.md"
