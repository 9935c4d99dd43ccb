// Runs every registered ui test class (ui_test_registry.h) in one QGuiApplication; the exit
// code counts the failures, as QTest::qExec reports them.
#include "ui_test_registry.h"

#include <QGuiApplication>
#include <QTest>

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    int failures = 0;
    for (const UiTestFactory& make : uiTests()) {
        const std::unique_ptr<QObject> test = make();
        failures += QTest::qExec(test.get(), argc, argv);
    }
    return failures;
}
