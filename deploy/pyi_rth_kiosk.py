# PyInstaller runtime hook (kiosk.spec): where the frozen kiosk finds its assets.
# kiosk.config.ASSETS reads KIOSK_ASSETS, else the folder next to the package, which in the bundle is
# <bundle>/_internal/assets as well; this makes it explicit (an operator's KIOSK_ASSETS still wins).
import os
import sys

os.environ.setdefault("KIOSK_ASSETS", os.path.join(getattr(sys, "_MEIPASS", ""), "assets"))
