#include "duplicate_pairs_model.h"

#include "event_details.h"

#include "atlas/model/vocabulary.h"

#include <QCoreApplication>
#include <QMetaObject>

#include <algorithm>

#include <thread>

namespace atlas::ui {

namespace {

QString actorNames(const atlas::Dataset& dataset, const std::vector<std::string>& ids) {
    QStringList names;
    for (const std::string& id : ids) {
        const atlas::Actor* actor = dataset.findActor(id);
        names << qs(actor && !actor->name.empty() ? actor->name : id);
    }
    return names.join(QStringLiteral(", "));
}

// One incident of a pair in a line: what the analyst compares to decide.
QString describe(const atlas::Dataset& dataset, std::uint32_t row) {
    const atlas::EventTable& events = dataset.events;
    QString text = qs(events.date(row).toString());
    if (events.datePrecision(row) != atlas::DatePrecision::Day)
        text += QStringLiteral(" (%1)").arg(datePrecisionText(events.datePrecision(row)));
    text += QStringLiteral(" · ") + qs(atlas::toLabel(events.type(row))) + QStringLiteral(" · ") + qs(events.placeName(row));
    const atlas::CasualtyCount killed = events.killed(row);
    text += QStringLiteral(" · killed: ") + qs(killed.toText());
    const QString perpetrators = actorNames(dataset, events.perpetrators(row));
    const QString targets = actorNames(dataset, events.targets(row));
    if (!perpetrators.isEmpty() || !targets.isEmpty())
        text += QStringLiteral(" · ") + (perpetrators.isEmpty() ? QStringLiteral("?") : perpetrators) + QStringLiteral(" → ") +
                (targets.isEmpty() ? QStringLiteral("?") : targets);
    if (const auto from = events.provenance(row)) text += QStringLiteral(" · ") + qs(from->toText());
    return text;
}

} // namespace

struct DuplicatePairsModel::Search {
    std::thread thread;
    ~Search() {
        if (thread.joinable()) thread.join();
    }
};

DuplicatePairsModel::DuplicatePairsModel(QObject* parent) : QAbstractListModel(parent) {}

DuplicatePairsModel::~DuplicatePairsModel() {
    m_search.reset(); // waits for a search still running (its answer goes nowhere)
}

void DuplicatePairsModel::setDocument(AtlasDocument* document) {
    if (document == m_document) return;
    if (m_document) disconnect(m_document, nullptr, this, nullptr);
    m_document = document;
    if (m_document) connect(m_document, &AtlasDocument::datasetChanged, this, &DuplicatePairsModel::onDatasetChanged);
    emit documentChanged();
}

int DuplicatePairsModel::undecided() const {
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(), [](const Row& r) { return r.decision.isEmpty(); }));
}

void DuplicatePairsModel::setStatus(const QString& status) {
    if (status == m_status) return;
    m_status = status;
    emit statusChanged();
}

void DuplicatePairsModel::find(double minScore, bool acrossFilesOnly) {
    if (!m_document || m_searching) return;
    std::shared_ptr<const atlas::Dataset> dataset = m_document->sharedDataset();
    std::vector<atlas::DuplicateDecision> decided = m_document->duplicateDecisions();
    atlas::DuplicateOptions options;
    options.minScore = minScore;
    options.acrossFilesOnly = acrossFilesOnly;
    const int generation = ++m_generation;
    m_searching = true;
    emit searchingChanged();
    setStatus(tr("Looking for pairs among %n incident(s)…", "", int(dataset->events.size())));
    auto search = std::make_shared<Search>();
    m_search = search; // an earlier search (none can run: m_searching) would be joined here
    QPointer<DuplicatePairsModel> self(this);
    search->thread = std::thread([self, dataset, decided = std::move(decided), options, generation] {
        std::vector<atlas::DuplicatePair> pairs = atlas::findDuplicates(*dataset, options);
        atlas::dropDecidedPairs(*dataset, pairs, decided);
        std::vector<Row> rows;
        rows.reserve(pairs.size());
        for (const atlas::DuplicatePair& pair : pairs) {
            QStringList reasons;
            for (const std::string& reason : pair.reasons) reasons << qs(reason);
            rows.push_back({qs(dataset->events.id(pair.a)), qs(dataset->events.id(pair.b)), describe(*dataset, pair.a),
                            describe(*dataset, pair.b), reasons.join(QStringLiteral("; ")), pair.score, {}});
        }
        // The model outlives this thread (its destructor joins it), so `self` is valid here;
        // the answer is handed to the model's thread, which drops it if the data changed.
        QMetaObject::invokeMethod(
            self.data() ? static_cast<QObject*>(self.data()) : QCoreApplication::instance(),
            [self, rows = std::move(rows), generation]() mutable {
                if (self) self->finishSearch(std::move(rows), generation);
            },
            Qt::QueuedConnection);
    });
}

void DuplicatePairsModel::finishSearch(std::vector<Row> rows, int generation) {
    m_search.reset(); // the thread has ended its work: joined at once
    m_searching = false;
    emit searchingChanged();
    if (generation != m_generation) { // the data changed meanwhile: the answer is stale
        setStatus(tr("The data changed: look for pairs again"));
        return;
    }
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
    emit countChanged();
    setStatus(m_rows.empty() ? tr("No candidate pairs") : tr("%n candidate pair(s), best first", "", count()));
}

void DuplicatePairsModel::onDatasetChanged() {
    if (m_deciding) return; // a merge made here: the rows still name open incidents
    ++m_generation;         // an answer still coming is for the data before
    if (m_rows.empty()) return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    emit countChanged();
    setStatus(tr("The data changed: look for pairs again"));
}

QString DuplicatePairsModel::decide(int row, atlas::DuplicateDecision decision, const QString& label) {
    if (!m_document || row < 0 || row >= count() || !m_rows[static_cast<std::size_t>(row)].decision.isEmpty()) return {};
    if (!m_document->asKnownOn().isEmpty()) { // a replay is a view: the decision would be lost
        const QString sentence = m_document->decideDuplicates({std::move(decision)}); // says why it waits
        setStatus(sentence);
        return sentence;
    }
    m_deciding = true;
    const QString sentence = m_document->decideDuplicates({std::move(decision)});
    m_deciding = false;
    if (m_searching) ++m_generation; // a search still running looked at the data before this merge
    m_rows[static_cast<std::size_t>(row)].decision = label;
    const QModelIndex at = index(row);
    emit dataChanged(at, at, {DecisionRole});
    emit countChanged();
    setStatus(sentence);
    return sentence;
}

QString DuplicatePairsModel::merge(int row, bool keepFirst) {
    if (row < 0 || row >= count()) return {};
    const Row& pair = m_rows[static_cast<std::size_t>(row)];
    atlas::DuplicateDecision decision{(keepFirst ? pair.firstId : pair.secondId).toStdString(),
                                      (keepFirst ? pair.secondId : pair.firstId).toStdString(),
                                      atlas::DuplicateDecision::Kind::Merge};
    return decide(row, std::move(decision), keepFirst ? QStringLiteral("merged-first") : QStringLiteral("merged-second"));
}

QString DuplicatePairsModel::keepBoth(int row) {
    if (row < 0 || row >= count()) return {};
    const Row& pair = m_rows[static_cast<std::size_t>(row)];
    return decide(row, {pair.firstId.toStdString(), pair.secondId.toStdString(), atlas::DuplicateDecision::Kind::Distinct},
                  QStringLiteral("distinct"));
}

int DuplicatePairsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : count(); }

QVariant DuplicatePairsModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= count()) return {};
    const Row& row = m_rows[static_cast<std::size_t>(index.row())];
    switch (role) {
    case FirstIdRole: return row.firstId;
    case SecondIdRole: return row.secondId;
    case FirstTextRole: return row.firstText;
    case SecondTextRole: return row.secondText;
    case ScoreRole: return row.score;
    case ReasonsRole: return row.reasons;
    case DecisionRole: return row.decision;
    default: return {};
    }
}

QHash<int, QByteArray> DuplicatePairsModel::roleNames() const {
    return {{FirstIdRole, "firstId"},     {SecondIdRole, "secondId"}, {FirstTextRole, "firstText"},
            {SecondTextRole, "secondText"}, {ScoreRole, "score"},       {ReasonsRole, "reasons"},
            {DecisionRole, "decision"}};
}

} // namespace atlas::ui
