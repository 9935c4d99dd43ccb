#pragma once

#include "atlas_document.h"

#include "atlas/query/duplicates.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QString>
#include <QtQml/qqmlregistration.h>

#include <memory>
#include <vector>

namespace atlas::ui {

/// Data → Find duplicates…: the candidate pairs of the open dataset (atlas::findDuplicates,
/// run on a worker thread), each with both incidents described, the score and the reasons;
/// and the analyst's decision on each (merge into one of the two, or keep both), recorded in
/// the document (AtlasDocument::decideDuplicates), which a project saves.
class DuplicatePairsModel : public QAbstractListModel {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(AtlasDocument* document READ document WRITE setDocument NOTIFY documentChanged)
    /// Pairs are being looked for.
    Q_PROPERTY(bool searching READ searching NOTIFY searchingChanged)
    Q_PROPERTY(int count READ count NOTIFY countChanged)
    /// Pairs still without a decision.
    Q_PROPERTY(int undecided READ undecided NOTIFY countChanged)
    /// What happened last, in a sentence.
    Q_PROPERTY(QString status READ status NOTIFY statusChanged)

public:
    enum Role {
        FirstIdRole = Qt::UserRole + 1,
        SecondIdRole,
        FirstTextRole,  ///< date, type, place, file and record, killed, actors
        SecondTextRole,
        ScoreRole,      ///< 0–1
        ReasonsRole,    ///< "same day; 2.1 km apart; …"
        DecisionRole,   ///< "" undecided, "merged-first" (kept the first), "merged-second", "distinct"
    };

    explicit DuplicatePairsModel(QObject* parent = nullptr);
    ~DuplicatePairsModel() override;

    [[nodiscard]] AtlasDocument* document() const { return m_document; }
    void setDocument(AtlasDocument* document);
    [[nodiscard]] bool searching() const { return m_searching; }
    [[nodiscard]] int count() const { return static_cast<int>(m_rows.size()); }
    [[nodiscard]] int undecided() const;
    [[nodiscard]] QString status() const { return m_status; }

    /// Looks for pairs (replacing the list): scoring at least `minScore`, only across files
    /// when `acrossFilesOnly`. Pairs decided already are left out.
    Q_INVOKABLE void find(double minScore, bool acrossFilesOnly);
    /// Merges the pair of `row`: `keepFirst` keeps its first incident and folds the second into
    /// it, else the other way round. Returns the sentence also put in `status`.
    Q_INVOKABLE QString merge(int row, bool keepFirst);
    /// Records that the pair of `row` are two incidents.
    Q_INVOKABLE QString keepBoth(int row);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QHash<int, QByteArray> roleNames() const override;

signals:
    void documentChanged();
    void searchingChanged();
    void countChanged();
    void statusChanged();

private:
    struct Row {
        QString firstId, secondId, firstText, secondText, reasons;
        double score = 0;
        QString decision;
    };
    struct Search; // a search running on its worker thread
    void setStatus(const QString& status);
    void finishSearch(std::vector<Row> rows, int generation);
    QString decide(int row, atlas::DuplicateDecision decision, const QString& label);
    void onDatasetChanged();

    QPointer<AtlasDocument> m_document;
    std::vector<Row> m_rows;
    std::shared_ptr<Search> m_search;
    bool m_searching = false;
    bool m_deciding = false; // our own decision changed the dataset: the list stays
    int m_generation = 0;    // which search an answer is for
    QString m_status;
};

} // namespace atlas::ui
