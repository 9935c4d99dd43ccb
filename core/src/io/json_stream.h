#pragma once

#include "atlas/io/load_control.h"
#include "atlas/model/diagnostic_codes.h"
// Streaming JSON reading shared by the native and GeoJSON readers. Internal to core.
//
// The document is read with nlohmann's SAX interface. Everything except the elements of one
// top-level array (/events, /features) is collected into a small DOM; each element of that
// array is built on its own, handed to a callback and dropped, so a file of a million events
// never exists as one DOM (which costs 3–5x the file size).

#include "atlas/model/diagnostic.h"
#include "atlas/io/native_format.h"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string_view>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace atlas::detail {

using json = nlohmann::json;


// Builds one JSON value from SAX callbacks.
class DomBuilder {
public:
    template <typename Value>
    void value(Value&& v) { place(json(std::forward<Value>(v))); }
    void startObject() { m_stack.push_back(place(json::object())); }
    void startArray() { m_stack.push_back(place(json::array())); }
    void key(const std::string& name) { m_key = &(*m_stack.back())[name]; }
    void end() { m_stack.pop_back(); }
    [[nodiscard]] std::size_t depth() const { return m_stack.size(); }
    [[nodiscard]] bool complete() const { return m_started && m_stack.empty(); }
    json take() {
        m_started = false;
        m_stack.clear();
        return std::move(m_root);
    }
    json& root() { return m_root; }

private:
    json* place(json v) {
        if (m_stack.empty()) {
            m_root = std::move(v);
            m_started = true;
            return &m_root;
        }
        json& top = *m_stack.back();
        if (top.is_array()) {
            top.push_back(std::move(v));
            return &top.back();
        }
        *m_key = std::move(v);
        return m_key;
    }

    json m_root;
    std::vector<json*> m_stack;
    json* m_key = nullptr;
    bool m_started = false;
};

class StreamingHandler : public nlohmann::json_sax<json> {
public:
    using ElementCallback = std::function<void(json&, std::size_t)>;
    /// `arrayKey`: the top-level member whose elements are streamed ("events", "features").
    StreamingHandler(std::string arrayKey, ElementCallback onElement)
        : m_arrayKey(std::move(arrayKey)), m_onElement(std::move(onElement)) {}
    /// How many elements of the streamed array were delivered.
    [[nodiscard]] std::size_t delivered() const { return m_elementIndex; }

    json& document() { return m_document.root(); }
    std::optional<std::size_t> errorOffset;
    std::string errorMessage;

    bool null() override { return scalar(nullptr); }
    bool boolean(bool v) override { return scalar(v); }
    bool number_integer(number_integer_t v) override { return scalar(v); }
    bool number_unsigned(number_unsigned_t v) override { return scalar(v); }
    bool number_float(number_float_t v, const string_t&) override { return scalar(v); }
    bool string(string_t& v) override { return scalar(std::move(v)); }
    bool binary(binary_t& v) override { return scalar(json::binary(std::move(v))); }

    bool start_object(std::size_t) override {
        if (routeToElement()) {
            m_building = true;
            m_element.startObject();
        } else {
            m_document.startObject();
        }
        return true;
    }
    bool key(string_t& name) override {
        if (m_building) {
            m_element.key(name);
        } else {
            m_document.key(name);
            m_lastRootKey = m_document.depth() == 1 ? name : std::string();
        }
        return true;
    }
    bool end_object() override { return endContainer(); }
    bool start_array(std::size_t) override {
        if (routeToElement()) {
            m_building = true;
            m_element.startArray();
            return true;
        }
        const bool eventsArray = m_document.depth() == 1 && m_lastRootKey == m_arrayKey;
        m_document.startArray();
        if (eventsArray) m_inArray = true;
        return true;
    }
    bool end_array() override {
        if (!m_building && m_inArray && m_document.depth() == 2) m_inArray = false;
        return endContainer();
    }
    bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) override {
        errorOffset = position > 0 ? position - 1 : 0;
        errorMessage = error.what();
        return false;
    }

private:
    [[nodiscard]] bool routeToElement() const { return m_building || (m_inArray && m_document.depth() == 2); }

    template <typename Value>
    bool scalar(Value&& v) {
        if (m_building) {
            m_element.value(std::forward<Value>(v));
        } else if (routeToElement()) {
            m_element.value(std::forward<Value>(v));
            deliver();
        } else {
            m_document.value(std::forward<Value>(v));
        }
        return true;
    }

    bool endContainer() {
        if (m_building) {
            m_element.end();
            if (m_element.complete()) {
                m_building = false;
                deliver();
            }
        } else {
            m_document.end();
        }
        return true;
    }

    void deliver() {
        json element = m_element.take();
        m_onElement(element, m_elementIndex++);
    }

    DomBuilder m_document;
    DomBuilder m_element;
    std::string m_arrayKey;
    ElementCallback m_onElement;
    std::string m_lastRootKey;
    bool m_inArray = false;
    bool m_building = false;
    std::size_t m_elementIndex = 0;
};

/// Where a streamed JSON document comes from — text in memory or a file — and how its
/// diagnostics get lines and columns: a file's text is read back only when the first
/// diagnostic needs a position, so a large clean file is never held in memory.
class JsonSource {
public:
    static JsonSource text(std::string_view text, std::string label) { return JsonSource(text, std::move(label), false); }
    /// `control` (may be null) follows the reading and can cancel it.
    static JsonSource file(std::string path, const LoadControl* control = nullptr) {
        JsonSource source({}, std::move(path), true);
        source.m_control = control;
        return source;
    }

    [[nodiscard]] const std::string& label() const { return m_label; }

    /// Streams the document through `handler` (reading the file through detail::openInput, so
    /// the LoadControl sees progress and can cancel). False when the file cannot be opened, is
    /// not valid JSON or the load was cancelled: `result` then holds no data and a fatal
    /// diagnostic saying where (or codes::kLoadCancelled).
    bool parse(StreamingHandler& handler, LoadResult& result);

    /// A diagnostic at the value `pointer` names, or at `offset` when given. Looking a pointer
    /// up scans the text, so callers stop asking for positions after the first few hundred.
    [[nodiscard]] Diagnostic at(Severity severity, std::string code, std::string message, const std::string& pointer,
                                std::optional<std::size_t> offset, bool locatePointer);

private:
    JsonSource(std::string_view text, std::string label, bool fromFile)
        : m_text(text), m_label(std::move(label)), m_fromFile(fromFile) {}
    std::string_view textForPositions();

    std::string_view m_text;
    std::string m_label;
    bool m_fromFile;
    const LoadControl* m_control = nullptr;
    std::optional<std::string> m_fileText;
};

} // namespace atlas::detail
