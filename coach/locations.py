"""Where coach keeps things: config, data and cache folders, and the bundled files.

Evaluated on each call (never at import) so tests and users can redirect them with
COACH_CONFIG_DIR, COACH_DATA_DIR and COACH_CACHE_DIR; otherwise platformdirs decides, which
honours XDG_CONFIG_HOME, XDG_DATA_HOME and XDG_CACHE_HOME.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

APP_NAME = "coach"
#: The history (in the data folder) and the settings (in the config folder).
HISTORY_FILE = "history.db"
SETTINGS_FILE = "settings.yaml"

_PACKAGE_DIR = Path(__file__).resolve().parent


def _folder(env: str, kind: str, create: bool) -> Path:
    override = os.environ.get(env)
    if override:
        path = Path(override).expanduser()
    else:
        import platformdirs

        path = Path(getattr(platformdirs, f"user_{kind}_dir")(APP_NAME, appauthor=False))
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def unusable(folder: Path) -> OSError | None:
    """Why coach could not keep files in `folder`, or None when it could, leaving nothing
    behind. An existing folder is taken as it is. For a missing one, only trying tells a
    folder not made yet from one that cannot be (`/proc/x`, a read-only disk, a path through
    a file): a folder of a name of its own is made and removed in the nearest existing
    parent, so another coach making `folder` at that moment is never undone."""
    place, missing = folder, False
    while True:
        try:
            found = os.stat(place)
        except FileNotFoundError:
            if place.parent == place:
                return None
            place, missing = place.parent, True
            continue
        except OSError as exc:
            return exc
        break
    if not stat.S_ISDIR(found.st_mode):
        return NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(place))
    if not missing:
        return None
    import tempfile  # only here: the prompt's fast path reads this module

    try:
        os.rmdir(tempfile.mkdtemp(prefix=".coach-", dir=place))
    except OSError as exc:
        return type(exc)(exc.errno, exc.strerror, str(folder))
    return None


def config_dir(create: bool = False) -> Path:
    return _folder("COACH_CONFIG_DIR", "config", create)


def data_dir(create: bool = False) -> Path:
    return _folder("COACH_DATA_DIR", "data", create)


def cache_dir(create: bool = False) -> Path:
    return _folder("COACH_CACHE_DIR", "cache", create)


def documents_dir() -> Path:
    """Where the app saves reports and handouts: COACH_DOCUMENTS_DIR, else the person's own
    documents folder (XDG_DOCUMENTS_DIR, usually ~/Documents)."""
    override = os.environ.get("COACH_DOCUMENTS_DIR")
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_documents_dir())


def user_routines_dir(create: bool = False) -> Path:
    path = config_dir() / "routines"
    if create:
        path.mkdir(parents=True, exist_ok=True)
    return path


def bundled_dir(name: str) -> Path:
    """A bundled folder (`routines` or `sounds`).

    A wheel carries them inside the package (`coach/_data/NAME`); a source checkout or an
    editable install finds them at the top of the repository.
    """
    packaged = _PACKAGE_DIR / "_data" / name
    if packaged.is_dir():
        return packaged
    return _PACKAGE_DIR.parent / name
