"""Train the two shipped MNIST models (plain and with inverted copies) and save them to data/models/.

    .venv/bin/python scripts/train_mnist.py            # both models, the shipped configuration
    .venv/bin/python scripts/train_mnist.py --subset 2000 --epochs 1 --out /tmp/models   # quick check
    .venv/bin/python scripts/train_mnist.py --probabilities-only   # only redo the saved test-set probabilities
    .venv/bin/python scripts/train_mnist.py --export-weights       # only redo the NumPy weight files

Deterministic: the same seed gives the same models on the same machine and library versions. Prints the
accuracies on the MNIST test set and on its inverted copy (the numbers recorded in data/README.md), and saves
both models' test-set probabilities and their weights as NumPy arrays (``mnist_*_weights.npz``, what the
pages predict with, no TensorFlow needed) next to them.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from lib import mnist  # noqa: E402
from lib.mnist.model import MODELS_DIR, SHIPPED_EPOCHS  # noqa: E402
from lib.mnist.numpy_cnn import NumpyCNN  # noqa: E402

EPOCHS = SHIPPED_EPOCHS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=EPOCHS, help="passes over the training set")
    parser.add_argument("--seed", type=int, default=mnist.SEED, help="random seed")
    parser.add_argument("--subset", type=int, default=None, help="train on the first N digits only (checks)")
    parser.add_argument("--out", type=Path, default=MODELS_DIR, help="folder for the .keras files")
    parser.add_argument("--probabilities-only", action="store_true",
                        help="do not train: only save the existing models' test-set probabilities")
    parser.add_argument("--export-weights", action="store_true",
                        help="do not train: only save the existing models' weights for lib.mnist.numpy_cnn")
    args = parser.parse_args()
    if not (args.probabilities_only or args.export_weights):
        train_both(args)
    import keras

    models = {inverted: keras.saving.load_model(args.out / mnist.MODEL_PATHS[inverted].name, compile=False)
              for inverted in (False, True)}
    if not args.probabilities_only:
        export_weights(models, args.out)
    if not args.export_weights:
        mnist.save_test_probabilities(models, args.out / mnist.TEST_PROBABILITIES_PATH.name)
        print(f"Saved both models' test-set probabilities to {mnist.TEST_PROBABILITIES_PATH.name}")


def export_weights(models: dict, out: Path) -> None:
    """Save each Keras model's weights as the arrays :class:`lib.mnist.numpy_cnn.NumpyCNN` runs on."""
    for inverted, model in models.items():
        path = out / mnist.WEIGHTS_PATHS[inverted].name
        NumpyCNN.from_keras(model).save(path)
        print(f"Saved {path.name} ({path.stat().st_size / 1e6:.2f} MB)", flush=True)


def train_both(args: argparse.Namespace) -> None:
    """Train and save the plain and the invert model, printing their accuracies."""
    x_train, y_train, x_test, y_test = mnist.load_data()
    x_train, y_train = x_train[:args.subset], y_train[:args.subset]
    for inverted in (False, True):
        # As in the course, the invert model is trained and validated on originals plus inverted copies.
        both = mnist.with_inverted_copies if inverted else lambda *xy: xy
        x, y = both(x_train, y_train)
        start = time.perf_counter()
        model, _ = mnist.train(x, y, epochs=args.epochs, seed=args.seed, validation=both(x_test, y_test),
                               on_progress=lambda p: report(p, start))
        seconds = time.perf_counter() - start
        path = args.out / mnist.MODEL_PATHS[inverted].name
        mnist.save_model(model, path)
        normal = mnist.accuracy(model, x_test, y_test)
        flipped = mnist.accuracy(model, mnist.invert(x_test), y_test)
        print(f"{path.name}: {len(x)} training images, {args.epochs} epochs, seed {args.seed}, {seconds:.0f} s; "
              f"test accuracy {normal:.2%} normal, {flipped:.2%} inverted; {path.stat().st_size / 1e6:.1f} MB",
              flush=True)


def report(progress: mnist.Progress, start: float) -> None:
    if progress.step == progress.steps:
        print(f"  epoch {progress.epoch}/{progress.epochs} after {time.perf_counter() - start:.0f} s: "
              f"validation accuracy {progress.history['val_accuracy'][-1]:.2%}", flush=True)


if __name__ == "__main__":
    main()
