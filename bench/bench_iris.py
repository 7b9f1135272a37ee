"""Benchmarks of the iris page (issue 4): the course's default training run against the course notebook's
own code measured in the same run, and the default network's mean test accuracy over five seeds.

Each function returns a :class:`bench.measure.Figure`. Run one alone with
``.venv/bin/python -c "from bench.bench_iris import iris_training_vs_course; print(iris_training_vs_course().row())"``.
"""

from __future__ import annotations

import statistics

from bench.measure import Figure, repeat

ACCURACY_TARGET = 0.95
ACCURACY_SEEDS = (0, 1, 2, 3, 4)


def course_notebook_training() -> float:
    """The course's iris code as the notes show it (load, split, tf.data pipeline, network, compile, fit),
    silent instead of printing a progress bar. Returns the final test ("val") accuracy."""
    import tensorflow as tf
    from sklearn.datasets import load_iris
    from sklearn.model_selection import train_test_split

    X = load_iris().data
    y = load_iris().target
    X_train, X_test, y_train, y_test = train_test_split(X, y)

    train = tf.data.Dataset.from_tensor_slices((X_train, y_train))
    train = train.repeat().shuffle(1000).batch(32)
    test = tf.data.Dataset.from_tensor_slices((X_test, y_test)).batch(1)

    model = tf.keras.Sequential([
        tf.keras.Input((4,)),
        tf.keras.layers.Dense(10, activation=tf.nn.relu),
        tf.keras.layers.Dense(10, activation=tf.nn.relu),
        tf.keras.layers.Dense(3, activation=tf.nn.softmax),
    ])
    model.compile(
        loss='sparse_categorical_crossentropy',
        optimizer='adam',
        metrics=['accuracy'],
    )
    history = model.fit(
        train,
        validation_data=test,
        steps_per_epoch=150,
        epochs=10,
        verbose=0,
    )
    return history.history["val_accuracy"][-1]


def iris_training_vs_course() -> Figure:
    """lib.iris.train with the default config (the course's run) against the course's code; the two
    alternate run by run, so a busy machine slows both alike."""
    from lib import iris

    ours, reference = [], []
    course_notebook_training()  # warm-up: import TensorFlow once before timing either
    for seed in range(5):
        ours += repeat(lambda: iris.train(iris.IrisConfig(), seed), runs=1, warmup=0)
        reference += repeat(course_notebook_training, runs=1, warmup=0)
    ratio = statistics.median(ours) / statistics.median(reference)
    return Figure("iris: train the course's network (10 × 150 batches of 32)", ours, "≤ 1× course code",
                  ratio <= 1.0, f"course notebook code {statistics.median(reference):.2f} s", ratio)


def iris_mean_accuracy_five_seeds() -> Figure:
    """Default config trained with seeds 0–4 (each seed also picks the split): mean test accuracy ≥ 0.95.
    The timing column is the time per training run."""
    import time

    from lib import iris

    accuracies, samples = [], []
    for seed in ACCURACY_SEEDS:
        start = time.perf_counter()
        accuracies.append(iris.train(iris.IrisConfig(), seed).test_accuracy)
        samples.append(time.perf_counter() - start)
    mean = statistics.fmean(accuracies)
    return Figure(f"iris: mean test accuracy over seeds 0–4 = {mean:.3f} "
                  f"(each: {', '.join(f'{a:.3f}' for a in accuracies)})", samples,
                  f"mean ≥ {ACCURACY_TARGET}", mean >= ACCURACY_TARGET)
