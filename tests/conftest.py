"""Test set-up: Qt runs offscreen, before any QApplication exists, and no test reads or writes
the user's own settings or autosaves (QSettings and QStandardPaths follow the XDG folders)."""

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_HOME = tempfile.mkdtemp(prefix="trtc-estimator-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(_HOME, "config")
os.environ["XDG_DATA_HOME"] = os.path.join(_HOME, "data")
