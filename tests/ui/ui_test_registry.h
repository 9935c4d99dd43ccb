#pragma once

// The ui's Qt Test classes, one file per ui class, run by one program (ui_tests_main.cpp):
// each file registers its test object here.

#include <QObject>

#include <functional>
#include <memory>
#include <vector>

using UiTestFactory = std::function<std::unique_ptr<QObject>()>;

inline std::vector<UiTestFactory>& uiTests() {
    static std::vector<UiTestFactory> tests;
    return tests;
}

struct RegisterUiTest {
    explicit RegisterUiTest(UiTestFactory factory) { uiTests().push_back(std::move(factory)); }
};
