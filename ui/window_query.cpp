#include "window_query.h"

#include <QMetaObject>
#include <QPointer>

namespace atlas::ui {

WindowQuery::WindowQuery(Receiver receiver, QObject* parent) : QObject(parent), m_receiver(std::move(receiver)) {}

WindowQuery::~WindowQuery() = default;

void WindowQuery::setIndex(std::shared_ptr<const atlas::EventIndex> index) {
    m_runner.reset(); // a runner queries one index
    m_index = std::move(index);
    if (!m_index) return;
    QPointer<WindowQuery> self(this);
    m_runner = std::make_unique<atlas::LatestQueryRunner>(m_index, [self](atlas::LatestQueryRunner::Result result) {
        // Runs on the worker thread: hand the answer to this object's thread.
        if (!self) return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, result = std::move(result)]() mutable {
                if (!self || !self->m_stillWanted || !self->m_stillWanted(result.filter)) return;
                self->m_receiver({std::move(result.events), std::move(result.filter), result.breakdown.bySide});
                self->setBusy(false);
            },
            Qt::QueuedConnection);
    });
}

void WindowQuery::ask(atlas::EventFilter filter, std::function<bool(const atlas::EventFilter&)> stillWanted) {
    if (!m_index) return;
    m_stillWanted = std::move(stillWanted);
    if (m_runner && m_index->size() >= static_cast<std::size_t>(m_asyncThreshold)) {
        setBusy(true);
        m_runner->submit(std::move(filter));
        return;
    }
    Answer answer{m_index->select(filter), filter, m_index->breakdown(filter).bySide};
    m_receiver(std::move(answer));
    setBusy(false);
}

void WindowQuery::setBusy(bool busy) {
    if (m_busy == busy) return;
    m_busy = busy;
    emit busyChanged();
}

} // namespace atlas::ui
