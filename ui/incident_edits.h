#pragma once

#include "atlas/io/edit_journal.h"
#include "atlas/model/edits.h"
#include "atlas/store/pg_store.h"

#include <QObject>
#include <QThread>
#include <QTimer>
#include <QVariantList>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <atomic>
#include <deque>
#include <memory>
#include <thread>

namespace atlas::ui {

class AtlasDocument;

/// Incidents written in the window: the incident form's fields to and from core's events,
/// validation (core validateEvent); and every edit made in the window (incidents, and the
/// sites, lines and areas of SituationEdits) in the document with undo and redo, the crash
/// journal (core io/edit_journal: every edit flushed to disk as it is made, offered back at the
/// next start), and the shared store (core store/pg_store): connected on a worker thread, each
/// edit committed with the revision it was made against, conflicts kept with both versions
/// until the analyst chooses, other clients' commits heard through LISTEN/NOTIFY and applied,
/// and edits kept locally while the server is away.
class IncidentEdits : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("made by AtlasSession")
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY historyChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY historyChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY historyChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY historyChanged)
    /// Edits not yet in the file (saved) or in the store (committed).
    Q_PROPERTY(int unsavedCount READ unsavedCount NOTIFY historyChanged)
    /// A journal of edits left from an earlier run for the data now open.
    Q_PROPERTY(bool restorable READ restorable NOTIFY journalChanged)
    Q_PROPERTY(QString restoreText READ restoreText NOTIFY journalChanged)
    /// The store connected to (its URL without the password), or "".
    Q_PROPERTY(QString storeName READ storeName NOTIFY storeChanged)
    /// What the store link is doing, in a sentence ("" with no store).
    Q_PROPERTY(QString storeStatus READ storeStatus NOTIFY storeChanged)
    Q_PROPERTY(bool connecting READ connecting NOTIFY storeChanged)
    Q_PROPERTY(bool online READ online NOTIFY storeChanged)
    /// [{id, text, mine, theirs}]: edits the store refused, each with both versions in words.
    Q_PROPERTY(QVariantList conflicts READ conflicts NOTIFY conflictsChanged)
    /// A store holding more incidents than this is not read whole: the window loads the
    /// incidents of the area in view (viewChanged), at most this many at a time.
    Q_PROPERTY(int storeLimit READ storeLimit WRITE setStoreLimit NOTIFY storeChanged)
    /// Only the area in view is loaded (a store above storeLimit).
    Q_PROPERTY(bool partial READ partial NOTIFY storeChanged)
    /// [west, south, east, north] of every incident in the store (for the first view), or [].
    Q_PROPERTY(QVariantList storeExtent READ storeExtent NOTIFY storeChanged)

public:
    explicit IncidentEdits(AtlasDocument* document, QObject* parent = nullptr);
    ~IncidentEdits() override;

    /// [{key, label}] of every incident type, for the form.
    Q_INVOKABLE QVariantList typeChoices() const;
    /// [{key, label}] of the sides an actor may be on.
    Q_INVOKABLE QVariantList sideChoices() const;
    /// Makes a new actor for the form (a perpetrator or target the data does not have yet): an
    /// id from its name, its side, its umbrella ("" for none). Written with the edits (journaled,
    /// saved with the file, committed to the store with the next edit). {id} or {error}.
    Q_INVOKABLE QVariantMap addActor(const QString& name, const QString& sideKey, const QString& parentId);
    /// The form of a new incident at a point on `isoDate`: an unused id, the day, the point.
    Q_INVOKABLE QVariantMap blankIncident(double latitude, double longitude, const QString& isoDate) const;
    /// The form of the incident `id` ({} when there is none).
    Q_INVOKABLE QVariantMap incidentFields(const QString& id) const;
    /// [{field, message}]: what is wrong with the form (unreadable fields, then core's checks).
    Q_INVOKABLE QVariantList check(const QVariantMap& fields, bool isNew) const;
    /// Writes the form: a new incident, or the incident `fields.id` changed. "" when made, else
    /// why not (the form's problems are check()'s).
    Q_INVOKABLE QString save(const QVariantMap& fields, bool isNew);
    Q_INVOKABLE QString remove(const QString& id);
    Q_INVOKABLE QString undo();
    Q_INVOKABLE QString redo();
    /// Makes the edits of the journal left for the open data; "" or a sentence.
    Q_INVOKABLE QString restoreJournal();
    Q_INVOKABLE void discardJournal();

    /// Connects to a store (a libpq URL or service=NAME) on a worker thread and opens what it
    /// holds; storeStatus follows. The password never leaves this call's thread in any text.
    Q_INVOKABLE void connectToStore(const QString& url);
    Q_INVOKABLE void disconnectStore();
    /// Ends a conflict: `keepMine` writes the analyst's version over the store's (which is kept
    /// in the store's history), else the store's version stays.
    Q_INVOKABLE void resolveConflict(int index, bool keepMine);
    /// The map now shows this area: with a large store, its incidents are loaded (with a
    /// margin around it) when they are not already, once the map has stopped for a moment.
    Q_INVOKABLE void viewChanged(double west, double south, double east, double north);

    [[nodiscard]] bool canUndo() const { return m_history.canUndo(); }
    [[nodiscard]] bool canRedo() const { return m_history.canRedo(); }
    [[nodiscard]] QString undoText() const { return QString::fromStdString(m_history.undoText()); }
    [[nodiscard]] QString redoText() const { return QString::fromStdString(m_history.redoText()); }
    [[nodiscard]] int unsavedCount() const { return m_unsaved; }
    [[nodiscard]] bool restorable() const { return !m_leftJournal.edits.empty() || !m_leftJournal.actors.empty(); }
    [[nodiscard]] QString restoreText() const;
    [[nodiscard]] QString storeName() const { return m_storeName; }
    [[nodiscard]] QString storeStatus() const { return m_storeStatus; }
    [[nodiscard]] bool connecting() const { return m_connecting; }
    [[nodiscard]] bool online() const { return m_online; }
    [[nodiscard]] QVariantList conflicts() const;
    [[nodiscard]] int storeLimit() const { return m_storeLimit; }
    void setStoreLimit(int limit);
    [[nodiscard]] bool partial() const { return m_partial; }
    [[nodiscard]] QVariantList storeExtent() const;
    /// Makes an edit the analyst asked for (an incident, a site, a line or an area): in the
    /// document, the undo history, the journal and the store. "" when made, else why not.
    QString make(const atlas::Edit& edit, bool record = true);
    /// Today on this machine's calendar: the latest day anything may be dated.
    [[nodiscard]] static atlas::Date today();
    /// Where the journal of `source` is kept (the user's data folder, one file a source).
    [[nodiscard]] static QString journalPathFor(const QString& source);

signals:
    void historyChanged();
    void journalChanged();
    void storeChanged();
    void conflictsChanged();
    /// A store's data was opened (after connectToStore).
    void storeOpened();
    /// A large store's area in view was read (after viewChanged).
    void viewLoaded();
    /// A sentence for the status line (a commit, a change heard, a conflict).
    void notice(const QString& message);

private:
    struct Worker; // the store's connection, used on the worker thread only
    void journal(const atlas::Edit& edit);
    void sourceOpened(const QString& source);
    void sendPending();
    void committed(std::vector<atlas::Edit> sent, std::optional<atlas::StoreCommit> outcome, QString problem, bool lost);
    void fetchChanges();
    void applyChanges(atlas::StoreChanges changes);
    void setStoreStatus(const QString& status, bool online);
    void startListening(const std::string& url);
    void loadView();
    void forgetJournalWhenDone();
    [[nodiscard]] QString freshId(atlas::Date day) const;
    void stopListening();
    [[nodiscard]] std::optional<atlas::Event> eventOf(const QVariantMap& fields, bool isNew, QVariantList* problems) const;

    AtlasDocument* m_document;
    atlas::EditHistory m_history;
    int m_unsaved = 0;
    QString m_source;      // the file's path or the store's label the journal is kept for
    QString m_journalPath; // "" until the first edit
    atlas::EditJournal m_leftJournal; // offered for restoring
    // The store.
    QThread m_thread;
    QObject* m_context = nullptr; // lives on m_thread: what queued work runs in
    std::shared_ptr<Worker> m_worker;
    QString m_storeName, m_storeStatus;
    bool m_connecting = false, m_online = false, m_sending = false;
    std::deque<atlas::Edit> m_pending; // made here, not yet committed
    std::vector<atlas::Actor> m_pendingActors; // made here, not yet in the store
    std::size_t m_sendingActors = 0;           // how many of them the commit under way carries
    std::vector<atlas::StoreConflict> m_conflicts;
    QTimer m_retry; // while the server is away
    std::thread m_listener;
    int m_storeLimit = 500000;
    bool m_partial = false;
    std::uint64_t m_storeCount = 0;
    std::optional<atlas::GeoBox> m_storeExtent, m_view, m_loadedBox;
    QTimer m_viewSettled; // a view held still this long is loaded
    bool m_loadingView = false;
    bool m_replaying = false; // the document shows a replay (as known on): changes wait
    int m_generation = 0;     // which connection callbacks still belong to
    std::shared_ptr<std::atomic<bool>> m_stopListening;
};

} // namespace atlas::ui
