"""TRTC price estimator: an offline quoting tool; importing the package never imports Qt."""

__version__ = "0.1.0"
