"""One module per screen. Each screen is a :class:`kiosk.screens.base.Screen`."""
