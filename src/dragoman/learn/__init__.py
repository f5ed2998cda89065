"""Training code for the shipped event detector (``dragoman.extract.events.detector``): never on the coding path.

Needs scikit-learn (``requirements-dev.txt``); the artifact it writes (``dragoman/data/detector.json``) is read
at run time with numpy alone. ``make train`` (``bench/train_detector.py --write``) rebuilds it from
``../shared/gold``:

* ``data``: the training units and their (partial) labels over "NONE" and the 16 PLOVER types;
* ``features``: the units coded by the real pipeline and featurised like ``apply_detector`` does (cached);
* ``train``: the two logistic regressions (partial labels by EM), their regularisation and the decision
  thresholds chosen by cross-validation inside the training part, and the artifact.
"""
