#include <QtQml/QQmlExtensionPlugin>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(ConflictAtlasPlugin)

QUICK_TEST_MAIN(atlas_view)
