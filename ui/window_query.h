#pragma once

#include "atlas/query/query.h"

#include <QObject>

#include <array>
#include <functional>
#include <memory>
#include <vector>

namespace atlas::ui {

/// Answers "which events does this filter select, and how many per side" for the window:
/// at once on a small dataset, on a worker thread (atlas::LatestQueryRunner) on a large one,
/// where only the newest question gets its answer shown. VisibleEventsModel asks; this keeps
/// the threads out of the list model.
class WindowQuery : public QObject {
    Q_OBJECT
public:
    struct Answer {
        std::vector<std::uint32_t> events;
        atlas::EventFilter filter;
        std::array<std::uint32_t, atlas::kSideCount> bySide{};
    };
    /// Called with each answer, on this object's thread.
    using Receiver = std::function<void(Answer)>;

    explicit WindowQuery(Receiver receiver, QObject* parent = nullptr);
    ~WindowQuery() override;

    /// A new dataset's index: the old worker finishes or drops its query and joins here.
    void setIndex(std::shared_ptr<const atlas::EventIndex> index);
    /// Datasets with at least this many events are queried off the UI thread.
    void setAsyncThreshold(int events) { m_asyncThreshold = events; }
    [[nodiscard]] int asyncThreshold() const { return m_asyncThreshold; }
    /// Asks; the answer comes at once or later. `stillWanted` says, when a late answer
    /// arrives, whether it is for the question being asked now (older ones are dropped).
    void ask(atlas::EventFilter filter, std::function<bool(const atlas::EventFilter&)> stillWanted);
    /// A question is being answered on the worker.
    [[nodiscard]] bool busy() const { return m_busy; }

signals:
    void busyChanged();

private:
    void setBusy(bool busy);

    Receiver m_receiver;
    std::shared_ptr<const atlas::EventIndex> m_index;
    std::unique_ptr<atlas::LatestQueryRunner> m_runner;
    std::function<bool(const atlas::EventFilter&)> m_stillWanted;
    int m_asyncThreshold = 200000;
    bool m_busy = false;
};

} // namespace atlas::ui
