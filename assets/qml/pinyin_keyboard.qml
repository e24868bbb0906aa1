// The Pinyin virtual keyboard inside the kiosk's own window (kiosk/widgets/pinyin_keyboard.py).
// Chinese (Pinyin) first, English on the language key; the "&123" key and phone fields give digits.
import QtQuick
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings

Item {
    id: root
    // set from Python so that the panel (whose height follows its width) fits the room it has
    property real panelWidth: width
    readonly property real panelHeight: panel.height
    readonly property string preedit: InputContext.preeditText
    readonly property string locale: InputContext.locale

    InputPanel {
        id: panel
        objectName: "panel"
        width: root.panelWidth
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottom: parent.bottom
    }

    Component.onCompleted: {
        VirtualKeyboardSettings.activeLocales = ["zh_CN", "en_US"]
        VirtualKeyboardSettings.locale = "zh_CN"
        // the candidate row always takes its place: the keys never jump when candidates appear
        VirtualKeyboardSettings.wordCandidateList.alwaysVisible = true
        // no "hide keyboard" key: the keyboard is part of the page
        VirtualKeyboardSettings.visibleFunctionKeys = QtVirtualKeyboard.KeyboardFunctionKeys.Language
    }
}
